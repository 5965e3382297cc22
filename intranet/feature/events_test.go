package feature_test

import (
	"context"
	"errors"
	"strconv"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/jobs"
)

// TestEventsPublish: an event goes to each endpoint that asked for its
// type, once however often it is published, as a webhook delivery with the
// event and no reply; bad events are refused.
func TestEventsPublish(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		both, err := e.Store.AddWebhook(ctx, "https://erp.example.nl/hooks", intranet.Events, "whsec_ZXJw", e.Now)
		if err != nil {
			t.Fatal(err)
		}
		reopened, err := e.Store.AddWebhook(ctx, "https://audit.example.nl/hooks", []string{intranet.EventTimesheetReopened}, "whsec_YXVkaXQ=", e.Now)
		if err != nil {
			t.Fatal(err)
		}
		p, err := feature.NewEvents(e.Store, e.Outbox, e.Store)
		if err != nil {
			t.Fatal(err)
		}
		p.Now = e.Clock
		approved := intranet.Event{ID: "evt_approved_1", Type: intranet.EventTimesheetApproved, Data: []byte(`{"week":"2026-W48"}`)}
		for range 2 {
			if err := p.Publish(ctx, approved); err != nil {
				t.Fatal(err)
			}
		}
		if err := p.Publish(ctx, intranet.Event{ID: "evt_reopened_1", Type: intranet.EventTimesheetReopened}); err != nil {
			t.Fatal(err)
		}
		sent := e.Posters.Sent(intranet.PlatformWebhook)
		type got struct{ to, key, id, data string }
		want := []got{
			{strconv.FormatInt(both.ID, 10), feature.EventKey("evt_approved_1", both.ID), "evt_approved_1", `{"week":"2026-W48"}`},
			{strconv.FormatInt(reopened.ID, 10), feature.EventKey("evt_reopened_1", reopened.ID), "evt_reopened_1", `{}`},
			{strconv.FormatInt(both.ID, 10), feature.EventKey("evt_reopened_1", both.ID), "evt_reopened_1", `{}`},
		}
		if len(sent) != len(want) {
			t.Fatalf("sent %d deliveries, want %d: %+v", len(sent), len(want), sent)
		}
		for i, d := range sent {
			if d.Event == nil || !d.Reply.Empty() || d.To.Platform != intranet.PlatformWebhook {
				t.Fatalf("delivery %d: %+v", i, d)
			}
			g := got{d.To.ChannelID, d.Key, d.Event.ID, string(d.Event.Data)}
			if g != want[i] {
				t.Errorf("delivery %d: %+v, want %+v", i, g, want[i])
			}
			if !d.Event.Time.Equal(e.Now) {
				t.Errorf("delivery %d at %v, want the clock's %v", i, d.Event.Time, e.Now)
			}
		}
		for name, ev := range map[string]intranet.Event{
			"no id":        {Type: intranet.EventTimesheetApproved},
			"unknown type": {ID: "x", Type: "timesheet.deleted"},
			"not JSON":     {ID: "x", Type: intranet.EventTimesheetApproved, Data: []byte("week 48")},
			"not object":   {ID: "x", Type: intranet.EventTimesheetApproved, Data: []byte("[1]")},
		} {
			if err := p.Publish(ctx, ev); intranet.ErrorCode(err) != intranet.EINVALID {
				t.Errorf("%s: %v, want EINVALID", name, err)
			}
		}
	})
}

// TestEventsInTransaction: through the real outbox, an event published in
// a transaction that rolls back is sent nowhere; one that commits has one
// pending entry per endpoint.
func TestEventsInTransaction(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		hook, err := e.Store.AddWebhook(ctx, "https://erp.example.nl/hooks", intranet.Events, "whsec_ZXJw", e.Now)
		if err != nil {
			t.Fatal(err)
		}
		r, err := jobs.New(ctx, jobs.Config{Store: e.Store, Now: e.Clock})
		if err != nil {
			t.Fatal(err)
		}
		o, err := jobs.NewOutbox(r, func(intranet.Platform) intranet.Poster { return nil }, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		p, err := feature.NewEvents(e.Store, o, e.Store)
		if err != nil {
			t.Fatal(err)
		}
		ev := intranet.Event{ID: "evt_1", Type: intranet.EventTimesheetApproved, Time: time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)}
		oops := errors.New("decision failed")
		err = e.Store.InTx(ctx, func(ctx context.Context) error {
			if err := p.Publish(ctx, ev); err != nil {
				return err
			}
			return oops
		})
		if !errors.Is(err, oops) {
			t.Fatal(err)
		}
		key := feature.EventKey("evt_1", hook.ID)
		if _, created, err := e.Store.PutOutbox(ctx, intranet.Delivery{To: intranet.Destination{Platform: intranet.PlatformWebhook, ChannelID: "x"}, Key: key}); err != nil || !created {
			t.Fatalf("after a rollback the key is free: created %v, %v", created, err)
		}
		ev.ID = "evt_2"
		if err := e.Store.InTx(ctx, func(ctx context.Context) error { return p.Publish(ctx, ev) }); err != nil {
			t.Fatal(err)
		}
		id, created, err := e.Store.PutOutbox(ctx, intranet.Delivery{To: intranet.Destination{Platform: intranet.PlatformWebhook}, Key: feature.EventKey("evt_2", hook.ID)})
		if err != nil || created {
			t.Fatalf("committed: created %v, %v", created, err)
		}
		entry, err := o.OutboxEntry(ctx, id)
		if err != nil || entry.State != intranet.OutboxPending || entry.Event == nil || entry.Event.ID != "evt_2" || entry.To.ChannelID != strconv.FormatInt(hook.ID, 10) {
			t.Fatalf("entry %+v, %v", entry, err)
		}
	})
}
