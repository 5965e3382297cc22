package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/werkplek/werkplek/adapters/console"
	"github.com/werkplek/werkplek/internal/pgtest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/demo"
	"github.com/werkplek/werkplek/intranet/store"
)

// TestSlackUninstalled: Slack's signed app_uninstalled reaches the core
// through the real serve (the adapter finds the core's Departures): the
// workspace is recorded gone, the admin is told on the console, and
// nothing is sent to Slack.
func TestSlackUninstalled(t *testing.T) {
	fake := &fakeSlackAPI{}
	platform := httptest.NewServer(fake)
	defer platform.Close()
	dbURL := pgtest.URL(t)
	ctx := context.Background()
	s, err := store.Open(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.ImportPeople(ctx, demo.People(), false); err != nil {
		t.Fatal(err)
	}
	jan, err := s.FindPersonByEmail(ctx, demo.User) // an admin
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []intranet.Account{
		{Platform: intranet.PlatformSlack, Installation: "T1", UserID: "U1", PersonID: jan.ID},
		{Platform: intranet.PlatformConsole, Installation: console.Installation, UserID: demo.User, PersonID: jan.ID},
	} {
		if err := s.LinkAccount(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	env := map[string]string{"WERKPLEK_DATABASE_URL": dbURL, "WERKPLEK_LISTEN": "127.0.0.1:0",
		"SLACK_SIGNING_SECRET": "slack-secret", "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_API_URL": platform.URL + "/slack/api/"}
	m := startServe(t, env)
	body := `{"token":"x","team_id":"T1","api_app_id":"A1","event":{"type":"app_uninstalled"},"type":"event_callback","event_id":"EvGONE1","event_time":1796200000}`
	if code, answer := do(t, slackRequest("http://"+m.Addr+"/slack/events", "slack-secret", "application/json", body)); code != http.StatusOK {
		t.Fatalf("event: %d %s", code, answer)
	}
	if v, err := s.State(ctx, "installations.gone", "slack:T1"); err != nil || !strings.Contains(v, "app_uninstalled") {
		t.Fatalf("not recorded gone: %q %v", v, err)
	}
	var dms []string
	waitFor(t, 60*time.Second, "the admin's DM on the console", func() bool {
		mail, err := s.TakeMail(ctx, intranet.PlatformConsole, demo.User, "")
		for _, ml := range mail {
			dms = append(dms, ml.Reply.Title+" "+ml.Reply.Text)
		}
		return err == nil && len(dms) > 0
	})
	if len(dms) != 1 || !strings.Contains(dms[0], "Werkplek bereikt Slack `T1` niet meer") {
		t.Errorf("admin's DMs: %q", dms)
	}
	m.stop()
	if fake.seen("chat.postMessage") || fake.seen("conversations.open") {
		t.Error("Werkplek sent to the uninstalled workspace")
	}
}
