package slack

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/slack-go/slack/slackevents"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/mock"
)

// TestDepartureFixtures: the fixtures are what slack-go reads as the two
// events.
func TestDepartureFixtures(t *testing.T) {
	for _, name := range []string{"event_app_uninstalled.json", "event_tokens_revoked.json"} {
		ev, err := slackevents.ParseEvent(json.RawMessage(fixture(t, name)), slackevents.OptionNoVerifyToken())
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		ok := ev.TeamID == "T0WRKPLK01"
		switch d := ev.InnerEvent.Data.(type) {
		case *slackevents.AppUninstalledEvent:
			ok = ok && name == "event_app_uninstalled.json"
		case *slackevents.TokensRevokedEvent:
			ok = ok && name == "event_tokens_revoked.json" && len(d.Tokens.Bot) == 1
		default:
			ok = false
		}
		if !ok {
			t.Errorf("%s reads as %+v", name, ev)
		}
	}
}

// TestDepartures: app_uninstalled and tokens_revoked of the bot's token,
// signed as Slack signs them, tell the core once that the workspace is
// gone; a revocation of user tokens only, unsigned requests and a core
// that keeps no departures change nothing; when the core cannot record
// it, Slack is asked to deliver the event again.
func TestDepartures(t *testing.T) {
	slackGone := func(inst, reason string) []mock.Departure {
		return []mock.Departure{{Platform: intranet.PlatformSlack, Installation: inst, Reason: reason}}
	}
	t.Run("AppUninstalled", func(t *testing.T) {
		e := newEnv(t, nil)
		for i := range 2 { // the second is Slack's redelivery
			r := eventRequest(fixture(t, "event_app_uninstalled.json"))
			if i > 0 {
				r.Header.Set("X-Slack-Retry-Num", "1")
			}
			if rec := e.do(r); rec.Code != http.StatusOK {
				t.Fatalf("delivery %d: status %d", i, rec.Code)
			}
		}
		if d := cmp.Diff(slackGone("T0WRKPLK01", "app_uninstalled"), e.departures.Gone()); d != "" {
			t.Errorf("departures (-want +got):\n%s", d)
		}
		if n := len(e.core.Requests()); n != 0 {
			t.Errorf("core handled %d requests", n)
		}
	})
	t.Run("TokensRevoked", func(t *testing.T) {
		e := newEnv(t, nil)
		if rec := e.do(eventRequest(fixture(t, "event_tokens_revoked.json"))); rec.Code != http.StatusOK {
			t.Fatalf("status %d", rec.Code)
		}
		if d := cmp.Diff(slackGone("T0WRKPLK01", "tokens_revoked"), e.departures.Gone()); d != "" {
			t.Errorf("departures (-want +got):\n%s", d)
		}
	})
	t.Run("GridOrg", func(t *testing.T) {
		e := newEnv(t, nil)
		body := e.jsonFixture(t, "event_app_uninstalled.json", func(m map[string]any) { m["enterprise_id"] = "E0WRKPLKORG" })
		e.do(eventRequest(body))
		if d := cmp.Diff(slackGone("E0WRKPLKORG", "app_uninstalled"), e.departures.Gone()); d != "" {
			t.Errorf("departures (-want +got):\n%s", d)
		}
	})
	t.Run("UserTokensOnly", func(t *testing.T) {
		e := newEnv(t, nil)
		body := e.jsonFixture(t, "event_tokens_revoked.json", func(m map[string]any) {
			m["event"].(map[string]any)["tokens"] = map[string]any{"oauth": []string{"U0JANDVRIES"}}
		})
		if rec := e.do(eventRequest(body)); rec.Code != http.StatusOK {
			t.Fatalf("status %d", rec.Code)
		}
		if got := e.departures.Gone(); len(got) != 0 {
			t.Errorf("departures %v, want none", got)
		}
		if !strings.Contains(e.logs.String(), "without the bot's token") {
			t.Errorf("no log line: %s", e.logs)
		}
	})
	t.Run("ErrUnsigned", func(t *testing.T) {
		e := newEnv(t, nil)
		r := eventRequest(fixture(t, "event_app_uninstalled.json"))
		r.Header.Set("X-Slack-Signature", "v0=00")
		if rec := e.do(r); rec.Code != http.StatusUnauthorized {
			t.Fatalf("status %d, want 401", rec.Code)
		}
		if got := e.departures.Gone(); len(got) != 0 {
			t.Errorf("departures %v, want none", got)
		}
	})
	t.Run("ErrNoTeam", func(t *testing.T) {
		e := newEnv(t, nil)
		body := e.jsonFixture(t, "event_app_uninstalled.json", func(m map[string]any) { delete(m, "team_id") })
		if rec := e.do(eventRequest(body)); rec.Code != http.StatusBadRequest {
			t.Fatalf("status %d, want 400", rec.Code)
		}
	})
	t.Run("ErrCoreFails", func(t *testing.T) {
		e := newEnv(t, nil)
		e.departures.Fail(intranet.Errorf(intranet.EUNAVAILABLE, "database down"))
		if rec := e.do(eventRequest(fixture(t, "event_app_uninstalled.json"))); rec.Code != http.StatusServiceUnavailable {
			t.Fatalf("status %d, want 503 so that Slack tries again", rec.Code)
		}
		e.departures.Fail(nil)
		r := eventRequest(fixture(t, "event_app_uninstalled.json"))
		r.Header.Set("X-Slack-Retry-Num", "1")
		if rec := e.do(r); rec.Code != http.StatusOK {
			t.Fatalf("redelivery: status %d", rec.Code)
		}
		if n := len(e.departures.Gone()); n != 2 {
			t.Errorf("core told %d times, want again after the failure", n)
		}
	})
	t.Run("CoreKeepsNone", func(t *testing.T) {
		e := newEnv(t, nil)
		logs := &logBuffer{}
		a, err := New(e.a.cfg, &mock.Core{}, &mock.StateStore{}, slog.New(slog.NewTextHandler(logs, nil)))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = a.Close() })
		mux := http.NewServeMux()
		a.Routes(mux)
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, eventRequest(fixture(t, "event_app_uninstalled.json")))
		if rec.Code != http.StatusOK || !strings.Contains(logs.String(), "keeps no departures") {
			t.Errorf("status %d, logs %s", rec.Code, logs)
		}
	})
}
