package slack

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/slack-go/slack/slackevents"

	"github.com/werkplek/werkplek/intranet"
)

// Guests and shared channels, as each kind of payload tells them: Slack's
// restricted and single-channel guests, users of another workspace in a
// Slack Connect channel, and channels shared with another organisation.

// addSlackUsers adds users.info answers to the fake: an ultra-restricted
// (single-channel) guest and a user of a partner's own workspace.
func addSlackUsers(e *testEnv) {
	e.slack.mu.Lock()
	defer e.slack.mu.Unlock()
	e.slack.users["U0EENKANAAL"] = map[string]any{"id": "U0EENKANAAL", "team_id": "T0WRKPLK01", "name": "invaller", "is_ultra_restricted": true,
		"profile": map[string]any{"email": "invaller@example.com"}}
	e.slack.users["U0EXTERN001"] = map[string]any{"id": "U0EXTERN001", "team_id": "T0PARTNER01", "name": "anna.smit", "locale": "nl-NL",
		"profile": map[string]any{"email": "anna@thuiszorgmidden.nl"}}
}

// onlyRequest waits for the core's one request and returns it.
func onlyRequest(t *testing.T, e *testEnv) intranet.Request {
	t.Helper()
	eventually(t, "the core call", func() bool { return len(e.core.Requests()) == 1 })
	return e.core.Requests()[0]
}

func TestSlashCommandGuests(t *testing.T) {
	for _, tc := range []struct {
		name, user, channel string
		guest, shared       bool
	}{
		{name: "Ordinary", user: "U0JANDVRIES", channel: "C0ALGEMEEN1"},
		{name: "Restricted", user: "U0GUEST0001", channel: "C0ALGEMEEN1", guest: true},
		{name: "UltraRestricted", user: "U0EENKANAAL", channel: "C0ALGEMEEN1", guest: true},
		// A Slack Connect user: users.info gives their own workspace.
		{name: "OtherWorkspace", user: "U0EXTERN001", channel: "C0GEDEELD01", guest: true, shared: true},
		{name: "ColleagueInSharedChannel", user: "U0JANDVRIES", channel: "C0GEDEELD01", shared: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, nil)
			addSlackUsers(e)
			if rec := e.do(commandRequest(e.slashForm(t, map[string]string{"user_id": tc.user, "channel_id": tc.channel}))); rec.Code != http.StatusOK {
				t.Fatalf("status %d", rec.Code)
			}
			req := onlyRequest(t, e)
			if req.User.Guest != tc.guest || req.Channel.Shared != tc.shared || req.Installation != "T0WRKPLK01" {
				t.Errorf("request %+v, want guest %v in a channel shared %v", req, tc.guest, tc.shared)
			}
		})
	}
}

func TestSlashCommandInDMLooksNoChannelUp(t *testing.T) {
	e := newEnv(t, nil)
	e.do(commandRequest(e.slashForm(t, map[string]string{"channel_id": "D0JANWERKB1", "channel_name": "directmessage"})))
	if req := onlyRequest(t, e); req.Channel.Shared || !req.Channel.Direct {
		t.Errorf("channel %+v", req.Channel)
	}
	if n := len(e.slack.callsTo("conversations.info")); n != 0 {
		t.Errorf("conversations.info called %d times for a DM", n)
	}
}

func TestSharedChannelLookupCached(t *testing.T) {
	e := newEnv(t, nil)
	for range 3 {
		e.do(commandRequest(e.slashForm(t, map[string]string{"channel_id": "C0GEDEELD01"})))
	}
	if n := len(e.slack.callsTo("conversations.info")); n != 1 {
		t.Errorf("conversations.info called %d times, want 1 (cached)", n)
	}
	for _, r := range e.core.Requests() {
		if !r.Channel.Shared {
			t.Errorf("request %+v: want a shared channel", r)
		}
	}
}

func TestInteractionGuests(t *testing.T) {
	for _, tc := range []struct {
		name          string
		edit          func(m map[string]any)
		guest, shared bool
	}{
		{name: "Ordinary"},
		{name: "Restricted", edit: func(m map[string]any) { setUser(m, "U0GUEST0001", "T0WRKPLK01") }, guest: true},
		// The clicking user's own workspace differs from the app's: a
		// Slack Connect user, even before users.info answers.
		{name: "OtherWorkspace", edit: func(m map[string]any) { setUser(m, "U0NOTKNOWN1", "T0PARTNER01") }, guest: true},
		{name: "SharedChannelLookedUp", edit: func(m map[string]any) { setChannel(m, "C0GEDEELD01", nil) }, shared: true},
		{name: "SharedChannelInPayload", edit: func(m map[string]any) {
			setChannel(m, "C0ZORGOOST1", map[string]any{"is_ext_shared": true})
		}, shared: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, nil)
			e.do(interactionRequest(e.jsonFixture(t, "block_actions.json", tc.edit)))
			req := onlyRequest(t, e)
			if req.User.Guest != tc.guest || req.Channel.Shared != tc.shared {
				t.Errorf("request %+v, want guest %v in a channel shared %v", req, tc.guest, tc.shared)
			}
		})
	}
}

func TestViewSubmissionGuests(t *testing.T) {
	for _, tc := range []struct {
		name, user, team, channel string
		guest, shared             bool
	}{
		{name: "Ordinary", user: "U0JANDVRIES", team: "T0WRKPLK01", channel: "C0ALGEMEEN1"},
		{name: "UltraRestricted", user: "U0EENKANAAL", team: "T0WRKPLK01", channel: "C0ALGEMEEN1", guest: true},
		{name: "OtherWorkspaceInSharedChannel", user: "U0EXTERN001", team: "T0PARTNER01", channel: "C0GEDEELD01", guest: true, shared: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, nil)
			addSlackUsers(e)
			body := e.jsonFixture(t, "view_submission.json", func(m map[string]any) {
				setUser(m, tc.user, tc.team)
				md, _ := json.Marshal(formMetadata{ChannelID: tc.channel, FormID: "room.book", Lang: "nl"})
				m["view"].(map[string]any)["private_metadata"] = string(md)
			})
			if rec := e.do(interactionRequest(body)); rec.Code != http.StatusOK {
				t.Fatalf("status %d", rec.Code)
			}
			req := onlyRequest(t, e)
			if req.Form == nil || req.User.Guest != tc.guest || req.Channel.Shared != tc.shared {
				t.Errorf("request %+v, want a form from guest %v in a channel shared %v", req, tc.guest, tc.shared)
			}
		})
	}
}

func TestViewSubmissionFromOtherWorkspace(t *testing.T) {
	// A modal submitted by a Slack Connect user may carry the user's own
	// workspace as its team; app_installed_team_id is the app's.
	e := newEnv(t, nil)
	body := e.jsonFixture(t, "view_submission.json", func(m map[string]any) {
		setUser(m, "U0NOTKNOWN1", "T0PARTNER01")
		m["team"] = map[string]any{"id": "T0PARTNER01", "domain": "thuiszorg-midden"}
		m["view"].(map[string]any)["app_installed_team_id"] = "T0WRKPLK01"
	})
	e.do(interactionRequest(body))
	if req := onlyRequest(t, e); !req.User.Guest || req.Installation != "T0WRKPLK01" {
		t.Errorf("request %+v, want a guest in the app's workspace", req)
	}
}

func TestEventGuests(t *testing.T) {
	t.Run("SlackConnectMention", func(t *testing.T) {
		// users.info does not know the writer: user_team alone tells.
		ev, err := slackevents.ParseEvent(json.RawMessage(fixture(t, "event_app_mention_connect.json")), slackevents.OptionNoVerifyToken())
		if m, ok := ev.InnerEvent.Data.(*slackevents.AppMentionEvent); err != nil || !ok || m.UserTeam != "T0PARTNER01" {
			t.Fatalf("slack-go reads the fixture as %+v, %v", ev.InnerEvent.Data, err)
		}
		e := newEnv(t, nil)
		e.do(eventRequest(fixture(t, "event_app_mention_connect.json")))
		req := onlyRequest(t, e)
		if !req.User.Guest || req.User.ID != "U0EXTERN001" || req.Channel != (intranet.Channel{ID: "C0GEDEELD01", Shared: true}) || req.Installation != "T0WRKPLK01" {
			t.Errorf("request %+v, want a guest in a shared channel of T0WRKPLK01", req)
		}
		if n := len(e.slack.callsTo("conversations.info")); n != 0 {
			t.Errorf("conversations.info called %d times; the envelope said", n)
		}
	})
	t.Run("OrdinaryMention", func(t *testing.T) {
		e := newEnv(t, nil)
		e.do(eventRequest(fixture(t, "event_app_mention.json")))
		if req := onlyRequest(t, e); req.User.Guest || req.Channel.Shared {
			t.Errorf("request %+v, want a colleague in an ordinary channel", req)
		}
	})
	t.Run("RestrictedDM", func(t *testing.T) {
		e := newEnv(t, nil)
		body := e.jsonFixture(t, "event_message_im.json", func(m map[string]any) {
			m["event"].(map[string]any)["user"] = "U0GUEST0001"
		})
		e.do(eventRequest(body))
		if req := onlyRequest(t, e); !req.User.Guest || !req.Channel.Direct {
			t.Errorf("request %+v, want a guest's DM", req)
		}
	})
	t.Run("GridWorkspacesDecideNothing", func(t *testing.T) {
		// On Enterprise Grid a colleague's workspace may differ from the
		// one the event came to; only users.info's organisation tells.
		e := newEnv(t, nil)
		e.slack.mu.Lock()
		e.slack.users["U0JANDVRIES"]["enterprise_user"] = map[string]any{"id": "U0JANDVRIES", "enterprise_id": "E0WRKPLK01"}
		e.slack.mu.Unlock()
		body := e.jsonFixture(t, "event_app_mention.json", func(m map[string]any) {
			m["enterprise_id"] = "E0WRKPLK01"
			m["event"].(map[string]any)["user_team"] = "T0ANDERWS01"
		})
		e.do(eventRequest(body))
		if req := onlyRequest(t, e); req.User.Guest {
			t.Errorf("request %+v: a colleague of the same Grid organisation is no guest", req)
		}
	})
}

func TestLookupUserOtherWorkspace(t *testing.T) {
	e := newEnv(t, nil)
	addSlackUsers(e)
	ctx := context.Background()
	if u, err := e.a.LookupUser(ctx, "T0WRKPLK01", "U0EXTERN001"); err != nil || !u.Guest || u.Email != "anna@thuiszorgmidden.nl" {
		t.Errorf("LookupUser = %+v, %v; want a guest (another workspace)", u, err)
	}
	if u, err := e.a.LookupUser(ctx, "T0WRKPLK01", "U0JANDVRIES"); err != nil || u.Guest {
		t.Errorf("LookupUser = %+v, %v; want a colleague", u, err)
	}
	if u, err := e.a.LookupUser(ctx, "T0WRKPLK01", "U0EENKANAAL"); err != nil || !u.Guest {
		t.Errorf("LookupUser = %+v, %v; want a single-channel guest", u, err)
	}
}

func setUser(m map[string]any, id, team string) {
	u := m["user"].(map[string]any)
	u["id"], u["team_id"] = id, team
}

func setChannel(m map[string]any, id string, extra map[string]any) {
	ch := map[string]any{"id": id, "name": "zorg-samen"}
	for k, v := range extra {
		ch[k] = v
	}
	m["channel"] = ch
	if c, ok := m["container"].(map[string]any); ok {
		c["channel_id"] = id
	}
}
