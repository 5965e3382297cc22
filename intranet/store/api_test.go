package store_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/store"
)

// TestAPITokens: a token is found by its hash while it works, its use is
// recorded, a revoked one is not found and frees its name; names of working
// tokens are unique; bad tokens are refused.
func TestAPITokens(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
		read := []string{intranet.ScopeHoursRead}
		for name, c := range map[string]struct {
			name   string
			scopes []string
			hash   string
		}{
			"no name":       {" ", read, "h0"},
			"no scopes":     {"afas", nil, "h0"},
			"unknown scope": {"afas", []string{"hours:write"}, "h0"},
			"no hash":       {"afas", read, ""},
		} {
			if _, err := s.AddAPIToken(ctx, c.name, c.scopes, c.hash, now); intranet.ErrorCode(err) != intranet.EINVALID {
				t.Errorf("%s: %v, want EINVALID", name, err)
			}
		}
		afas, err := s.AddAPIToken(ctx, " afas ", read, "hash-afas", now)
		if err != nil {
			t.Fatal(err)
		}
		want := &intranet.APIToken{ID: afas.ID, Name: "afas", Scopes: read, Created: now}
		if diff := cmp.Diff(want, afas); diff != "" {
			t.Errorf("added (-want +got):\n%s", diff)
		}
		if _, err := s.AddAPIToken(ctx, "afas", read, "hash-other", now); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Errorf("same name: %v, want ECONFLICT", err)
		}
		if _, err := s.AddAPIToken(ctx, "nmbrs", read, "hash-afas", now); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Errorf("same hash: %v, want ECONFLICT", err)
		}
		if _, err := s.UseAPIToken(ctx, "hash-unknown", now); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("unknown: %v, want ENOTFOUND", err)
		}
		used, err := s.UseAPIToken(ctx, "hash-afas", now.Add(time.Hour))
		if err != nil || used.ID != afas.ID || !used.LastUsed.Equal(now.Add(time.Hour)) || !used.Allows(intranet.ScopeHoursRead) {
			t.Fatalf("use: %+v, %v", used, err)
		}

		if _, err := s.RevokeAPIToken(ctx, "nmbrs", now); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("revoke unknown: %v, want ENOTFOUND", err)
		}
		revoked, err := s.RevokeAPIToken(ctx, "afas", now.Add(2*time.Hour))
		if err != nil || !revoked.Revoked.Equal(now.Add(2*time.Hour)) {
			t.Fatalf("revoke: %+v, %v", revoked, err)
		}
		if _, err := s.UseAPIToken(ctx, "hash-afas", now.Add(3*time.Hour)); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("revoked: %v, want ENOTFOUND", err)
		}
		if _, err := s.RevokeAPIToken(ctx, "afas", now); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("revoke twice: %v, want ENOTFOUND", err)
		}
		// The name is free again.
		again, err := s.AddAPIToken(ctx, "afas", read, "hash-afas-2", now.Add(4*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		list, err := s.APITokens(ctx)
		if err != nil {
			t.Fatal(err)
		}
		wantList := []*intranet.APIToken{
			{ID: again.ID, Name: "afas", Scopes: read, Created: now.Add(4 * time.Hour)},
			{ID: afas.ID, Name: "afas", Scopes: read, Created: now, LastUsed: now.Add(time.Hour), Revoked: now.Add(2 * time.Hour)},
		}
		if diff := cmp.Diff(wantList, list); diff != "" {
			t.Errorf("list (-want +got):\n%s", diff)
		}
	})
}

// TestWebhooks: endpoints are kept by URL with their events and secret,
// found by id, removed by URL; bad ones are refused.
func TestWebhooks(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
		all := intranet.Events
		for name, c := range map[string]struct {
			url    string
			events []string
			secret string
		}{
			"not a URL":     {"payroll", all, "whsec_x"},
			"ftp":           {"ftp://payroll.example.nl/x", all, "whsec_x"},
			"no events":     {"https://payroll.example.nl/x", nil, "whsec_x"},
			"unknown event": {"https://payroll.example.nl/x", []string{"timesheet.deleted"}, "whsec_x"},
			"no secret":     {"https://payroll.example.nl/x", all, ""},
		} {
			if _, err := s.AddWebhook(ctx, c.url, c.events, c.secret, now); intranet.ErrorCode(err) != intranet.EINVALID {
				t.Errorf("%s: %v, want EINVALID", name, err)
			}
		}
		erp, err := s.AddWebhook(ctx, "https://erp.example.nl/hooks", []string{intranet.EventTimesheetReopened, intranet.EventTimesheetApproved, intranet.EventTimesheetApproved}, "whsec_erp", now)
		if err != nil {
			t.Fatal(err)
		}
		want := &intranet.Webhook{ID: erp.ID, URL: "https://erp.example.nl/hooks", Events: []string{intranet.EventTimesheetApproved, intranet.EventTimesheetReopened}, Secret: "whsec_erp", Created: now}
		if diff := cmp.Diff(want, erp); diff != "" {
			t.Errorf("added (-want +got):\n%s", diff)
		}
		if _, err := s.AddWebhook(ctx, "https://erp.example.nl/hooks", all, "whsec_y", now); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Errorf("same URL: %v, want ECONFLICT", err)
		}
		afas, err := s.AddWebhook(ctx, "http://afas.example.nl/in", []string{intranet.EventTimesheetApproved}, "whsec_afas", now)
		if err != nil {
			t.Fatal(err)
		}
		list, err := s.Webhooks(ctx)
		if err != nil || len(list) != 2 || list[0].ID != afas.ID || list[1].ID != erp.ID {
			t.Fatalf("list by URL: %+v, %v", list, err)
		}
		found, err := s.FindWebhookByID(ctx, afas.ID)
		if diff := cmp.Diff(afas, found); err != nil || diff != "" {
			t.Errorf("find: %v (-want +got):\n%s", err, diff)
		}
		if _, err := s.RemoveWebhook(ctx, "https://nope.example.nl"); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("remove unknown: %v, want ENOTFOUND", err)
		}
		removed, err := s.RemoveWebhook(ctx, "https://erp.example.nl/hooks")
		if err != nil || removed.ID != erp.ID {
			t.Fatalf("remove: %+v, %v", removed, err)
		}
		if _, err := s.FindWebhookByID(ctx, erp.ID); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("find removed: %v, want ENOTFOUND", err)
		}
	})
}

// TestOutboxEvent: an outbox entry to a webhook endpoint keeps its event.
func TestOutboxEvent(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		ev := &intranet.Event{ID: "evt_1", Type: intranet.EventTimesheetApproved, Time: time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC),
			Data: json.RawMessage(`{"week":"2026-W49"}`)}
		id, created, err := s.PutOutbox(ctx, intranet.Delivery{To: intranet.Destination{Platform: intranet.PlatformWebhook, ChannelID: "3"}, Key: "evt_1:3", Event: ev})
		if err != nil || !created {
			t.Fatal(created, err)
		}
		e, err := s.OutboxEntry(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(ev, e.Event); diff != "" {
			t.Errorf("event (-want +got):\n%s", diff)
		}
		if e.To.Platform != intranet.PlatformWebhook || e.To.ChannelID != "3" {
			t.Errorf("to: %+v", e.To)
		}
		chat, _, err := s.PutOutbox(ctx, intranet.Delivery{To: intranet.Destination{Platform: intranet.PlatformSlack, ChannelID: "C1"}, Reply: intranet.Reply{Text: "x"}, Key: "chat"})
		if err != nil {
			t.Fatal(err)
		}
		if e, err := s.OutboxEntry(ctx, chat); err != nil || e.Event != nil {
			t.Errorf("chat message: event %+v, %v", e.Event, err)
		}
	})
}
