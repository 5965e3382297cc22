package slack

import (
	"context"
	"net/http"
	"testing"

	"github.com/werkplek/werkplek/intranet"
)

// TestEventDatabaseDown: a DM arriving while the database is down cannot
// be claimed; instead of a bare 503 (Slack would redeliver it for minutes,
// the person hearing nothing meanwhile) the core answers it at once, with
// its "try again in a moment", and Slack gets a 200. An uninstall still
// gets the 503, so that Slack sends it again.
func TestEventDatabaseDown(t *testing.T) {
	down := intranet.Errorf(intranet.EUNAVAILABLE, "The database cannot be reached.")
	t.Run("DM", func(t *testing.T) {
		e := newEnv(t, func(ctx context.Context, r intranet.Request) (intranet.Reply, error) {
			return intranet.Reply{Text: "Werkplek kan zijn gegevens nu even niet bereiken. Probeer het over een minuut opnieuw (ref 1)."}, &intranet.Failure{Ref: "1", Err: down}
		})
		e.state.ClaimErr = down
		if rec := e.do(eventRequest(fixture(t, "event_message_im.json"))); rec.Code != http.StatusOK {
			t.Fatalf("status %d, want 200", rec.Code)
		}
		eventually(t, "the try-again answer", func() bool { return len(e.slack.posted("D0JANWERKB1")) == 1 })
		if m := e.slack.posted("D0JANWERKB1")[0]; m.Text != "Werkplek kan zijn gegevens nu even niet bereiken. Probeer het over een minuut opnieuw (ref 1)." {
			t.Errorf("posted %q", m.Text)
		}
	})
	t.Run("Uninstall", func(t *testing.T) {
		e := newEnv(t, nil)
		e.state.ClaimErr = down
		if rec := e.do(eventRequest(fixture(t, "event_app_uninstalled.json"))); rec.Code != http.StatusServiceUnavailable {
			t.Fatalf("status %d, want 503 so that Slack tries again", rec.Code)
		}
		if n := len(e.departures.Gone()); n != 0 {
			t.Errorf("core told %d times of an unclaimed uninstall", n)
		}
	})
}
