package jobs_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/jobs"
)

// TestOutboxWebhook: a delivery to a webhook endpoint (no person, no
// installation, no reply) reaches the webhook poster with its event, after
// a temporary failure too, and is sent once.
func TestOutboxWebhook(t *testing.T) {
	engines(t, func(t *testing.T, url string) {
		ctx := context.Background()
		c := newClock()
		r := newRunner(t, url, c, jobs.Config{})
		poster := &fakePoster{answers: []error{&intranet.DeliveryError{Temporary: true, Err: errors.New("500 internal server error")}}}
		o, err := jobs.NewOutbox(r, func(p intranet.Platform) intranet.Poster {
			if p == intranet.PlatformWebhook {
				return poster
			}
			return nil
		}, nil, goneSet{"slack:T1": true})
		if err != nil {
			t.Fatal(err)
		}
		start(t, r)
		ev := &intranet.Event{ID: "evt_1", Type: intranet.EventTimesheetApproved, Time: time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC), Data: []byte(`{"week":"2026-W49"}`)}
		d := intranet.Delivery{To: intranet.Destination{Platform: intranet.PlatformWebhook, ChannelID: "7"}, Key: "event:evt_1:webhook:7", Event: ev}
		id, err := o.Send(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		drive(t, r, 30*time.Second, func() bool { calls, _ := poster.stats(); return calls == 1 })
		waitWaiting(t, r, c)
		c.Advance(3 * time.Second) // the backoff after a first attempt
		var e intranet.OutboxEntry
		drive(t, r, 30*time.Second, func() bool {
			e, _ = o.OutboxEntry(ctx, id)
			return e.State == intranet.OutboxSent
		})
		if calls, posts := poster.stats(); calls != 2 || posts != 1 {
			t.Fatalf("calls %d posts %d", calls, posts)
		}
		got := poster.posts[0]
		if diff := cmp.Diff(ev, got.Event); diff != "" {
			t.Errorf("event (-want +got):\n%s", diff)
		}
		if got.To != d.To || got.Key != d.Key || !got.Reply.Empty() {
			t.Errorf("delivery %+v", got)
		}
	})
}
