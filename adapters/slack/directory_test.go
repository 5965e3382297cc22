package slack

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/werkplek/werkplek/intranet"
)

// TestListUsers: users.list is read page by page to the end (a rate
// limited page asked again), bots and deleted users marked, guests as
// guests, each with their workspace.
func TestListUsers(t *testing.T) {
	e := newEnv(t, nil)
	e.slack.users["U0BOT000001"] = map[string]any{"id": "U0BOT000001", "team_id": "T0WRKPLK01", "name": "roosterbot", "is_bot": true, "profile": map[string]any{}}
	e.slack.users["U0GONE00001"] = map[string]any{"id": "U0GONE00001", "team_id": "T0WRKPLK01", "name": "oud", "deleted": true, "profile": map[string]any{"email": "oud@example.nl"}}
	e.slack.users["U0GRID00001"] = map[string]any{"id": "U0GRID00001", "team_id": "T0WRKPLK02", "enterprise_user": map[string]any{"enterprise_id": "E0GRID"},
		"name": "nina", "real_name": "Nina Nieuw", "profile": map[string]any{"email": "nina@example.nl"}}
	e.slack.users["USLACKBOT"] = map[string]any{"id": "USLACKBOT", "team_id": "T0WRKPLK01", "name": "slackbot", "profile": map[string]any{}}
	e.slack.fail("users.list", failure{status: 429, retryAfter: "3"})
	got, err := e.a.ListUsers(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := []intranet.DirectoryUser{
		{User: intranet.User{ID: "U0BOT000001", Name: "roosterbot"}, Installation: "T0WRKPLK01", Bot: true},
		{User: intranet.User{ID: "U0GONE00001", Name: "oud", Email: "oud@example.nl"}, Installation: "T0WRKPLK01", Deactivated: true},
		{User: intranet.User{ID: "U0GRID00001", Name: "Nina Nieuw", Email: "nina@example.nl"}, Installation: "E0GRID"},
		{User: intranet.User{ID: "U0GUEST0001", Name: "partner", Email: "partner@example.com", Locale: "en-US", Guest: true}, Installation: "T0WRKPLK01"},
		{User: intranet.User{ID: "U0JANDVRIES", Name: "Jan", Email: "jan.devries@example.nl", Locale: "nl-NL"}, Installation: "T0WRKPLK01"},
		{User: intranet.User{ID: "USLACKBOT", Name: "slackbot"}, Installation: "T0WRKPLK01", Bot: true},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("users (-want +got):\n%s", diff)
	}
	calls := e.slack.callsTo("users.list")
	if len(calls) != 4 { // the rate limited first page, then three pages
		t.Fatalf("users.list called %d times, want 4", len(calls))
	}
	if c := calls[3].Form; c.Get("cursor") != "4" || c.Get("limit") != "200" {
		t.Errorf("last page asked with %v", c)
	}
	if w := e.sleeps(); len(w) != 1 || w[0].Seconds() != 3 {
		t.Errorf("waits %v, want Slack's 3 s", w)
	}

	noToken := newEnv(t, nil, func(c *Config) { c.BotToken = "" })
	if _, err := noToken.a.ListUsers(context.Background()); intranet.ErrorCode(err) != intranet.EUNAVAILABLE {
		t.Errorf("without a token: %v", err)
	}
}
