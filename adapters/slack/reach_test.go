package slack

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/werkplek/werkplek/intranet"
)

func TestReach(t *testing.T) {
	jan := intranet.Account{Platform: intranet.PlatformSlack, Installation: "T0WRKPLK01", UserID: "U0JANDVRIES", UserName: "Jan"}
	for _, tc := range []struct {
		name      string
		email     string
		failures  []failure
		users     map[string]map[string]any // added to the fake's users
		want      intranet.Account
		wantCode  string
		wantCalls int
		wantSleep []time.Duration
	}{
		{name: "Found", email: "jan.devries@example.nl", want: jan, wantCalls: 1},
		{name: "EmailCase", email: "Jan.DeVries@Example.NL", want: jan, wantCalls: 1},
		{name: "Guest", email: "partner@example.com", wantCalls: 1,
			want: intranet.Account{Platform: intranet.PlatformSlack, Installation: "T0WRKPLK01", UserID: "U0GUEST0001", UserName: "partner", Guest: true}},
		{name: "GridOrg", email: "zoe@example.nl", wantCalls: 1,
			users: map[string]map[string]any{"W0ZOE": {"id": "W0ZOE", "team_id": "T0OOST", "name": "zoe", "real_name": "Zoë Çelik",
				"enterprise_user": map[string]any{"enterprise_id": "E0ZORG"}, "profile": map[string]any{"email": "zoe@example.nl"}}},
			want: intranet.Account{Platform: intranet.PlatformSlack, Installation: "E0ZORG", UserID: "W0ZOE", UserName: "Zoë Çelik"}},
		{name: "NotFound", email: "niemand@example.nl", wantCode: intranet.ENOTFOUND, wantCalls: 1},
		{name: "Deactivated", email: "weg@example.nl", wantCode: intranet.ENOTFOUND, wantCalls: 1,
			users: map[string]map[string]any{"U0WEG": {"id": "U0WEG", "team_id": "T0WRKPLK01", "deleted": true, "profile": map[string]any{"email": "weg@example.nl"}}}},
		{name: "Bot", email: "bot@example.nl", wantCode: intranet.ENOTFOUND, wantCalls: 1,
			users: map[string]map[string]any{"U0BOT": {"id": "U0BOT", "team_id": "T0WRKPLK01", "is_bot": true, "profile": map[string]any{"email": "bot@example.nl"}}}},
		{name: "RateLimitedThenFound", email: "jan.devries@example.nl", want: jan, wantCalls: 2,
			failures: []failure{{status: http.StatusTooManyRequests, retryAfter: "3"}}, wantSleep: []time.Duration{3 * time.Second}},
		// Slack's 500 on a read is retried: looking up changes nothing.
		{name: "ServerErrorThenFound", email: "jan.devries@example.nl", want: jan, wantCalls: 2,
			failures: []failure{{status: http.StatusInternalServerError}}, wantSleep: []time.Duration{time.Second}},
		// An answer without a workspace names no one Werkplek can message.
		{name: "NoWorkspace", email: "raar@example.nl", wantCode: intranet.EINTERNAL, wantCalls: 1,
			users: map[string]map[string]any{"U0RAAR": {"id": "U0RAAR", "profile": map[string]any{"email": "raar@example.nl"}}}},
		// A missing scope is no answer about the person: not ENOTFOUND.
		{name: "MissingScope", email: "jan.devries@example.nl", wantCode: intranet.EINTERNAL, wantCalls: 1,
			failures: []failure{{slackErr: "missing_scope"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, nil)
			for id, u := range tc.users {
				e.slack.users[id] = u
			}
			e.slack.fail("users.lookupByEmail", tc.failures...)
			got, err := e.a.Reach(context.Background(), tc.email)
			if tc.wantCode != "" {
				if intranet.ErrorCode(err) != tc.wantCode {
					t.Fatalf("err %v (code %s), want %s", err, intranet.ErrorCode(err), tc.wantCode)
				}
			} else if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("account (-want +got):\n%s", d)
			}
			calls := e.slack.callsTo("users.lookupByEmail")
			if len(calls) != tc.wantCalls || calls[0].Form.Get("email") != tc.email {
				t.Errorf("users.lookupByEmail calls %+v", calls)
			}
			if d := cmp.Diff(tc.wantSleep, e.sleeps()); d != "" {
				t.Errorf("waits (-want +got):\n%s", d)
			}
		})
	}
}

// A colleague who never wrote gets the DM: the account Reach found is where
// Deliver sends it, through conversations.open.
func TestReachThenDM(t *testing.T) {
	e := newEnv(t, nil)
	acc, err := e.a.Reach(context.Background(), "jan.devries@example.nl")
	if err != nil {
		t.Fatal(err)
	}
	ref, err := e.a.Deliver(context.Background(), intranet.Delivery{
		To:    intranet.Destination{Platform: acc.Platform, Installation: acc.Installation, UserID: acc.UserID},
		Reply: intranet.Reply{Text: "Vraag over Stomazorg / Question about Stomazorg"},
		Key:   "question:1:jan",
	})
	if err != nil {
		t.Fatal(err)
	}
	if c := e.slack.callsTo("conversations.open"); len(c) != 1 || c[0].Form.Get("users") != "U0JANDVRIES" {
		t.Errorf("conversations.open calls %+v", c)
	}
	if ref.ChannelID != "D0JANDVRIES" || len(e.slack.posted("D0JANDVRIES")) != 1 {
		t.Errorf("ref %+v, posts %+v", ref, e.slack.posted("D0JANDVRIES"))
	}
}

func TestReachNoBotToken(t *testing.T) {
	e := newEnv(t, nil, func(c *Config) { c.BotToken = "" })
	if _, err := e.a.Reach(context.Background(), "jan.devries@example.nl"); intranet.ErrorCode(err) != intranet.ENOTFOUND {
		t.Errorf("err %v, want ENOTFOUND", err)
	}
	if c := e.slack.allCalls(); len(c) != 0 {
		t.Errorf("slack called without a token: %+v", c)
	}
}
