package slack

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/mock"
)

func TestSignMatchesFixtureExample(t *testing.T) {
	// The worked example of shared/fixtures/README.md.
	got := sign(testSecret, "1796112845", fixture(t, "slash_command.form"))
	if want := "4b318a3ce231497e79d437facc024dea2bdf2895512db220d80bf03095e16031"; got != want {
		t.Fatalf("sign = %s, want %s", got, want)
	}
}

func TestSlashCommand(t *testing.T) {
	card := intranet.Reply{
		Title:    "Pieter Jansen",
		Sections: []intranet.Section{{Fields: []intranet.Field{{Label: "Mobiel", Value: "[06 1234 5678](tel:+31612345678)"}}}},
		Buttons:  []intranet.Button{{Label: "Meer", Command: "/phonebook jansen page:2"}},
	}
	e := newEnv(t, func(ctx context.Context, r intranet.Request) (intranet.Reply, error) { return card, nil })
	rec := e.do(commandRequest(e.slashForm(t, nil)))
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
		t.Errorf("content type %q", ct)
	}
	var got map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	var want map[string]any
	_ = json.Unmarshal(mustJSON(RenderMessage(card)), &want)
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("body (-want +got):\n%s", d)
	}
	reqs := e.core.Requests()
	if len(reqs) != 1 {
		t.Fatalf("core got %d requests", len(reqs))
	}
	wantReq := intranet.Request{
		Platform:     intranet.PlatformSlack,
		Installation: "T0WRKPLK01",
		User:         intranet.User{ID: "U0JANDVRIES", Name: "jan.devries", Email: "jan.devries@example.nl", Locale: "nl-NL"},
		Channel:      intranet.Channel{ID: "C0ALGEMEEN1", Name: "algemeen"},
		Text:         "/phonebook jansen",
	}
	if d := cmp.Diff(wantReq, reqs[0]); d != "" {
		t.Errorf("request (-want +got):\n%s", d)
	}
}

func TestSlashCommandUsesCachedUser(t *testing.T) {
	e := newEnv(t, nil)
	for range 3 {
		if rec := e.do(commandRequest(e.slashForm(t, nil))); rec.Code != http.StatusOK {
			t.Fatalf("status %d", rec.Code)
		}
	}
	if n := len(e.slack.callsTo("users.info")); n != 1 {
		t.Errorf("users.info called %d times, want 1 (cached)", n)
	}
}

func TestSlashCommandGuest(t *testing.T) {
	e := newEnv(t, nil)
	e.do(commandRequest(e.slashForm(t, map[string]string{"user_id": "U0GUEST0001"})))
	reqs := e.core.Requests()
	if len(reqs) != 1 || !reqs[0].User.Guest || reqs[0].User.Locale != "en-US" {
		t.Fatalf("requests %+v, want one from a guest with locale en-US", reqs)
	}
}

func TestSlashCommandSlowCore(t *testing.T) {
	// The core answers only once the test lets it: the ack must come
	// while it is still busy, whatever the machine's speed.
	release := make(chan struct{})
	e := newEnv(t, func(ctx context.Context, r intranet.Request) (intranet.Reply, error) {
		<-release // a slow database
		return intranet.Reply{Visibility: intranet.InChannel, Text: "late but *there*"}, nil
	}, func(c *Config) { c.AckTimeout = 200 * time.Millisecond })
	var once sync.Once
	free := func() { once.Do(func() { close(release) }) }
	t.Cleanup(free) // a failed check must not leave the core waiting
	rec := e.do(commandRequest(e.slashForm(t, nil)))
	if rec.Code != http.StatusOK || rec.Body.Len() != 0 {
		t.Fatalf("ack = %d %q, want an empty 200", rec.Code, rec.Body)
	}
	if n := len(e.slack.responseBodies()); n != 0 {
		t.Fatalf("%d answers at response_url before the core answered", n)
	}
	free()
	eventually(t, "the answer at response_url", func() bool { return len(e.slack.responseBodies()) == 1 })
	got := e.slack.responseBodies()[0]
	if got["response_type"] != "in_channel" || got["text"] != "late but *there*" {
		t.Errorf("response_url got %v", got)
	}
}

func TestSlashCommandCoreFailure(t *testing.T) {
	e := newEnv(t, func(ctx context.Context, r intranet.Request) (intranet.Reply, error) {
		return intranet.Reply{Text: "Er ging iets mis (ref X7K2)."}, &intranet.Failure{Ref: "X7K2", Err: errors.New("db down")}
	})
	rec := e.do(commandRequest(e.slashForm(t, nil)))
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "X7K2") {
		t.Fatalf("got %d %s, want the failure reply", rec.Code, rec.Body)
	}
	if logs := e.logs.String(); !strings.Contains(logs, "ref=X7K2") || !strings.Contains(logs, "db down") {
		t.Errorf("log lacks the ref: %s", logs)
	}
}

func TestSlashCommandOpensForm(t *testing.T) {
	form := &intranet.Form{ID: "news.post", Title: "Nieuwsbericht", Fields: []intranet.FormField{{Name: "title", Label: "Titel", Required: true}}, Command: "/news post <title> | <body>"}
	e := newEnv(t, func(ctx context.Context, r intranet.Request) (intranet.Reply, error) {
		return intranet.Reply{Lang: "nl", Text: "Typ `/news post <titel> | <tekst>`", Form: form}, nil
	})
	rec := e.do(commandRequest(e.slashForm(t, map[string]string{"command": "/news", "text": "post"})))
	if rec.Code != http.StatusOK || rec.Body.Len() != 0 {
		t.Fatalf("ack = %d %q, want an empty 200 (the modal answers)", rec.Code, rec.Body)
	}
	views := e.slack.openedViews()
	if len(views) != 1 {
		t.Fatalf("views.open called %d times", len(views))
	}
	if views[0]["trigger_id"] != "8123456789013.4120986350217.4c1d9e2f7a3b5c6d8e0f1a2b3c4d5e6f" {
		t.Errorf("trigger_id %v", views[0]["trigger_id"])
	}
	view := views[0]["view"].(map[string]any)
	if view["callback_id"] != "news.post" || view["private_metadata"] != `{"channel_id":"C0ALGEMEEN1","form_id":"news.post","lang":"nl"}` {
		t.Errorf("view %v", view)
	}
}

func TestSlashCommandFormFallsBackToText(t *testing.T) {
	e := newEnv(t, func(ctx context.Context, r intranet.Request) (intranet.Reply, error) {
		return intranet.Reply{Text: "Type `/news post <title> | <body>`", Form: &intranet.Form{ID: "news.post"}}, nil
	})
	e.slack.fail("views.open", failure{slackErr: "expired_trigger_id"})
	rec := e.do(commandRequest(e.slashForm(t, nil)))
	if !strings.Contains(rec.Body.String(), "/news post") {
		t.Fatalf("body %s, want the typed command", rec.Body)
	}
}

func TestBlockActions(t *testing.T) {
	for _, tc := range []struct {
		name  string
		reply intranet.Reply
		want  map[string]any
	}{
		{"ReplaceOriginal", intranet.Reply{Text: "Overgenomen door Jan", ReplaceOriginal: true}, map[string]any{"replace_original": true, "text": "Overgenomen door Jan"}},
		{"Ephemeral", intranet.Reply{Text: "Alleen voor jou"}, map[string]any{"replace_original": false, "response_type": "ephemeral", "text": "Alleen voor jou"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, func(ctx context.Context, r intranet.Request) (intranet.Reply, error) { return tc.reply, nil })
			rec := e.do(interactionRequest(e.jsonFixture(t, "block_actions.json", nil)))
			if rec.Code != http.StatusOK || rec.Body.Len() != 0 {
				t.Fatalf("ack = %d %q", rec.Code, rec.Body)
			}
			eventually(t, "the answer at response_url", func() bool { return len(e.slack.responseBodies()) == 1 })
			got := e.slack.responseBodies()[0]
			delete(got, "blocks")
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("response_url body (-want +got):\n%s", d)
			}
			req := e.core.Requests()[0]
			want := intranet.Request{
				Platform:     intranet.PlatformSlack,
				Installation: "T0WRKPLK01",
				User:         intranet.User{ID: "U0JANDVRIES", Name: "jan.devries", Email: "jan.devries@example.nl", Locale: "nl-NL"},
				Channel:      intranet.Channel{ID: "C0ZORGOOST1", Name: "team-zorg-oost"},
				Action:       &intranet.Action{Command: "handover:1042"},
				Message:      &intranet.MessageRef{Platform: intranet.PlatformSlack, Installation: "T0WRKPLK01", ChannelID: "C0ZORGOOST1", ID: "1796053200.004100"},
			}
			if d := cmp.Diff(want, req); d != "" {
				t.Errorf("request (-want +got):\n%s", d)
			}
		})
	}
}

func TestBlockActionsOnEphemeralMessage(t *testing.T) {
	e := newEnv(t, nil)
	body := e.jsonFixture(t, "block_actions.json", func(m map[string]any) {
		m["container"].(map[string]any)["is_ephemeral"] = true
		delete(m, "message")
	})
	e.do(interactionRequest(body))
	eventually(t, "the answer", func() bool { return len(e.slack.responseBodies()) == 1 })
	if req := e.core.Requests()[0]; req.Message != nil {
		t.Errorf("Message = %+v, want nil for an ephemeral message", req.Message)
	}
}

func TestViewSubmission(t *testing.T) {
	t.Run("FieldErrors", func(t *testing.T) {
		e := newEnv(t, func(ctx context.Context, r intranet.Request) (intranet.Reply, error) {
			return intranet.Reply{FieldErrors: map[string]string{"end": "Eindtijd ligt voor de begintijd"}}, nil
		})
		rec := e.do(interactionRequest(e.jsonFixture(t, "view_submission.json", nil)))
		want := `{"response_action":"errors","errors":{"end":"Eindtijd ligt voor de begintijd"}}`
		if rec.Code != http.StatusOK || rec.Body.String() != want {
			t.Fatalf("got %d %s, want %s", rec.Code, rec.Body, want)
		}
		req := e.core.Requests()[0]
		wantForm := &intranet.FormSubmission{FormID: "room.book", Values: map[string]string{
			"room": "room-3", "date": "2026-12-03", "start": "10:00", "end": "11:30", "purpose": "Overleg rooster Q1",
		}}
		if d := cmp.Diff(wantForm, req.Form); d != "" {
			t.Errorf("form (-want +got):\n%s", d)
		}
		if req.Channel.ID != "C0ALGEMEEN1" || req.User.ID != "U0JANDVRIES" {
			t.Errorf("channel %+v user %+v", req.Channel, req.User)
		}
	})
	t.Run("OK", func(t *testing.T) {
		e := newEnv(t, func(ctx context.Context, r intranet.Request) (intranet.Reply, error) {
			return intranet.Reply{Text: "Zaal Amstel geboekt"}, nil
		})
		rec := e.do(interactionRequest(e.jsonFixture(t, "view_submission.json", nil)))
		if rec.Code != http.StatusOK || rec.Body.Len() != 0 {
			t.Fatalf("ack %d %q, want an empty 200 that closes the modal", rec.Code, rec.Body)
		}
		eventually(t, "the ephemeral answer", func() bool { return len(e.slack.callsTo("chat.postEphemeral")) == 1 })
		c := e.slack.callsTo("chat.postEphemeral")[0]
		if c.Form.Get("channel") != "C0ALGEMEEN1" || c.Form.Get("user") != "U0JANDVRIES" || c.Form.Get("text") != "Zaal Amstel geboekt" {
			t.Errorf("postEphemeral %v", c.Form)
		}
	})
}

func TestViewSubmissionBotNotInChannel(t *testing.T) {
	e := newEnv(t, func(ctx context.Context, r intranet.Request) (intranet.Reply, error) {
		return intranet.Reply{Text: "Zaal Amstel geboekt"}, nil
	})
	e.slack.fail("chat.postEphemeral", failure{slackErr: "not_in_channel"})
	e.do(interactionRequest(e.jsonFixture(t, "view_submission.json", nil)))
	eventually(t, "the answer in the DM", func() bool { return len(e.slack.posted("D0JANDVRIES")) == 1 })
}

func TestEvents(t *testing.T) {
	t.Run("Mention", func(t *testing.T) {
		e := newEnv(t, nil)
		rec := e.do(eventRequest(fixture(t, "event_app_mention.json")))
		if rec.Code != http.StatusOK {
			t.Fatalf("status %d", rec.Code)
		}
		eventually(t, "the answer", func() bool { return len(e.slack.callsTo("chat.postEphemeral")) == 1 })
		req := e.core.Requests()[0]
		if req.Text != "telefoon jansen" || req.Channel != (intranet.Channel{ID: "C0ALGEMEEN1"}) || req.Installation != "T0WRKPLK01" {
			t.Errorf("request %+v", req)
		}
		c := e.slack.callsTo("chat.postEphemeral")[0].Form
		if c.Get("channel") != "C0ALGEMEEN1" || c.Get("user") != "U0JANDVRIES" || c.Get("thread_ts") != "1796115737.318299" {
			t.Errorf("postEphemeral %v", c)
		}
	})
	t.Run("DM", func(t *testing.T) {
		e := newEnv(t, nil)
		e.do(eventRequest(fixture(t, "event_message_im.json")))
		eventually(t, "the answer", func() bool { return len(e.slack.posted("D0JANWERKB1")) == 1 })
		req := e.core.Requests()[0]
		if req.Text != "wie is de teamleider van zorg oost?" || !req.Channel.Direct {
			t.Errorf("request %+v", req)
		}
		if m := e.slack.posted("D0JANWERKB1")[0]; m.Text != "ok: wie is de teamleider van zorg oost?" || m.Thread != "" {
			t.Errorf("posted %+v", m)
		}
	})
	t.Run("SharedChannelMention", func(t *testing.T) {
		e := newEnv(t, nil)
		body := e.jsonFixture(t, "event_app_mention.json", func(m map[string]any) { m["is_ext_shared_channel"] = true })
		e.do(eventRequest(body))
		eventually(t, "the answer", func() bool { return len(e.slack.callsTo("chat.postEphemeral")) == 1 })
		if req := e.core.Requests()[0]; req.Channel != (intranet.Channel{ID: "C0ALGEMEEN1", Shared: true}) {
			t.Errorf("request %+v, want a channel shared with another organisation", req)
		}
	})
	t.Run("InChannelMention", func(t *testing.T) {
		e := newEnv(t, func(ctx context.Context, r intranet.Request) (intranet.Reply, error) {
			return intranet.Reply{Visibility: intranet.InChannel, Text: "voor iedereen"}, nil
		})
		e.do(eventRequest(fixture(t, "event_app_mention.json")))
		eventually(t, "the answer", func() bool { return len(e.slack.posted("C0ALGEMEEN1")) == 1 })
		if m := e.slack.posted("C0ALGEMEEN1")[0]; m.Thread != "1796115737.318299" {
			t.Errorf("posted %+v, want in the mention's thread", m)
		}
	})
	t.Run("Unescape", func(t *testing.T) {
		e := newEnv(t, nil)
		body := e.jsonFixture(t, "event_message_im.json", func(m map[string]any) {
			m["event"].(map[string]any)["text"] = "phonebook r&amp;d &lt;3 <@U0WERKBOT01>"
		})
		e.do(eventRequest(body))
		eventually(t, "the core call", func() bool { return len(e.core.Requests()) == 1 })
		if got := e.core.Requests()[0].Text; got != "phonebook r&d <3" {
			t.Errorf("text %q", got)
		}
	})
	t.Run("Redelivery", func(t *testing.T) {
		e := newEnv(t, nil)
		for i := range 3 {
			r := eventRequest(fixture(t, "event_message_im.json"))
			if i > 0 {
				r.Header.Set("X-Slack-Retry-Num", strconv.Itoa(i))
				r.Header.Set("X-Slack-Retry-Reason", "http_timeout")
			}
			if rec := e.do(r); rec.Code != http.StatusOK {
				t.Fatalf("delivery %d: status %d", i, rec.Code)
			}
		}
		_ = e.a.Close()
		if n := len(e.core.Requests()); n != 1 {
			t.Errorf("core called %d times, want 1", n)
		}
		if n := len(e.slack.posted("D0JANWERKB1")); n != 1 {
			t.Errorf("%d answers posted, want 1", n)
		}
		if !strings.Contains(e.logs.String(), "duplicate event ignored") {
			t.Errorf("no log line for the duplicate")
		}
	})
	for _, tc := range []struct {
		name string
		edit func(ev map[string]any)
	}{
		{"OwnMessage", func(ev map[string]any) { ev["bot_id"] = "B0WERKBOT01"; ev["user"] = "U0WERKBOT01" }},
		{"OtherBot", func(ev map[string]any) { ev["bot_id"] = "B0OTHERBOT1"; ev["subtype"] = "bot_message" }},
		{"Edited", func(ev map[string]any) { ev["subtype"] = "message_changed" }},
		{"ChannelMessage", func(ev map[string]any) { ev["channel_type"] = "channel" }},
		{"OtherEvent", func(ev map[string]any) { ev["type"] = "reaction_added" }},
		{"EmptyText", func(ev map[string]any) { ev["text"] = "  " }},
		{"OnlyMention", func(ev map[string]any) { ev["text"] = "<@U0WERKBOT01>" }},
	} {
		t.Run("Ignore"+tc.name, func(t *testing.T) {
			e := newEnv(t, nil)
			body := e.jsonFixture(t, "event_message_im.json", func(m map[string]any) { tc.edit(m["event"].(map[string]any)) })
			if rec := e.do(eventRequest(body)); rec.Code != http.StatusOK {
				t.Fatalf("status %d, want 200", rec.Code)
			}
			_ = e.a.Close()
			if n := len(e.core.Requests()); n != 0 {
				t.Errorf("core called %d times", n)
			}
			if !strings.Contains(e.logs.String(), "event ignored") {
				t.Errorf("no log line: %s", e.logs)
			}
		})
	}
}

// TestThreadReplies: a reply in a channel thread (message.channels or
// message.groups with thread_ts) reaches the core with Thread set to the
// thread's root; an empty reply posts nothing; bots, edits, the root
// itself and replies that mention the bot are not handed over as replies.
func TestThreadReplies(t *testing.T) {
	for _, channelType := range []string{"channel", "group"} {
		t.Run("Reply/"+channelType, func(t *testing.T) {
			e := newEnv(t, func(ctx context.Context, r intranet.Request) (intranet.Reply, error) {
				return intranet.Reply{Lang: "nl"}, nil
			})
			body := e.jsonFixture(t, "event_message_thread.json", func(m map[string]any) { m["event"].(map[string]any)["channel_type"] = channelType })
			if rec := e.do(eventRequest(body)); rec.Code != http.StatusOK {
				t.Fatalf("status %d", rec.Code)
			}
			eventually(t, "the core call", func() bool { return len(e.core.Requests()) == 1 })
			_ = e.a.Close()
			req := e.core.Requests()[0]
			want := intranet.MessageRef{Platform: intranet.PlatformSlack, Installation: "T0WRKPLK01", ChannelID: "C0VRAGEN001", ID: "1796116301.204519"}
			if req.Thread == nil || *req.Thread != want || req.Text != "Via het declaratieportaal, met de bonnetjes als foto." || req.Channel.Direct || req.User.ID != "U0EVABAKKR1" {
				t.Errorf("request %+v (thread %+v)", req, req.Thread)
			}
			for _, c := range e.slack.allCalls() {
				if strings.HasPrefix(c.Method, "chat.") {
					t.Errorf("an empty reply was posted: %s %v", c.Method, c.Form)
				}
			}
		})
	}
	t.Run("ReplyAnswered", func(t *testing.T) {
		e := newEnv(t, func(ctx context.Context, r intranet.Request) (intranet.Reply, error) {
			return intranet.Reply{Text: "dank je"}, nil
		})
		e.do(eventRequest(fixture(t, "event_message_thread.json")))
		eventually(t, "the answer", func() bool { return len(e.slack.callsTo("chat.postEphemeral")) == 1 })
		if c := e.slack.callsTo("chat.postEphemeral")[0].Form; c.Get("thread_ts") != "1796116301.204519" || c.Get("user") != "U0EVABAKKR1" {
			t.Errorf("postEphemeral %v", c)
		}
	})
	t.Run("CoreFailureSaysNothing", func(t *testing.T) {
		e := newEnv(t, func(ctx context.Context, r intranet.Request) (intranet.Reply, error) {
			return intranet.Reply{Text: "Er ging iets mis (ref 1)"}, &intranet.Failure{Ref: "1", Err: errors.New("boom")}
		})
		e.do(eventRequest(fixture(t, "event_message_thread.json")))
		eventually(t, "the core call", func() bool { return len(e.core.Requests()) == 1 })
		_ = e.a.Close()
		for _, c := range e.slack.allCalls() {
			if strings.HasPrefix(c.Method, "chat.") {
				t.Errorf("a failure was posted in the thread: %s", c.Method)
			}
		}
	})
	for _, tc := range []struct {
		name string
		edit func(ev map[string]any)
	}{
		{"OwnMessage", func(ev map[string]any) { ev["bot_id"] = "B0WERKBOT01"; ev["user"] = "U0WERKBOT01" }},
		{"OtherBot", func(ev map[string]any) { ev["bot_id"] = "B0OTHERBOT1"; ev["subtype"] = "bot_message" }},
		{"Edited", func(ev map[string]any) { ev["subtype"] = "message_changed" }},
		{"Broadcast", func(ev map[string]any) { ev["subtype"] = "thread_broadcast" }},
		{"Root", func(ev map[string]any) { ev["thread_ts"] = ev["ts"] }},
		{"NoThread", func(ev map[string]any) { delete(ev, "thread_ts") }},
		{"Mention", func(ev map[string]any) { ev["text"] = "<@U0WERKBOT01> /kb reiskosten" }},
	} {
		t.Run("Ignore"+tc.name, func(t *testing.T) {
			e := newEnv(t, nil)
			body := e.jsonFixture(t, "event_message_thread.json", func(m map[string]any) { tc.edit(m["event"].(map[string]any)) })
			if rec := e.do(eventRequest(body)); rec.Code != http.StatusOK {
				t.Fatalf("status %d, want 200", rec.Code)
			}
			_ = e.a.Close()
			if n := len(e.core.Requests()); n != 0 {
				t.Errorf("core called %d times", n)
			}
			if !strings.Contains(e.logs.String(), "event ignored") {
				t.Errorf("no log line: %s", e.logs)
			}
		})
	}
}

func TestURLVerification(t *testing.T) {
	e := newEnv(t, nil)
	rec := e.do(eventRequest(fixture(t, "url_verification.json")))
	if rec.Code != http.StatusOK || rec.Body.String() != "Wk3pLeK0cHaLlEnGe7Zr9QvXm2TnB5sYd8GhJ4aFu6EoIcPwL1" {
		t.Fatalf("got %d %q", rec.Code, rec.Body)
	}
}

func TestBadInput(t *testing.T) {
	now := time.Now()
	slash := fixture(t, "slash_command.form")
	big := []byte("token=x&team_id=T1&user_id=U1&command=%2Fphonebook&text=" + strings.Repeat("a", MaxBodyBytes))
	for _, tc := range []struct {
		name     string
		req      func(e *testEnv) *http.Request
		status   int
		log      string
		wantCore bool
	}{
		{"WrongSignature", func(e *testEnv) *http.Request {
			r := commandRequest(slash)
			r.Header.Set("X-Slack-Signature", "v0="+sign("another-secret", r.Header.Get("X-Slack-Request-Timestamp"), slash))
			return r
		}, http.StatusUnauthorized, "signature mismatch", false},
		{"TamperedBody", func(e *testEnv) *http.Request {
			signed := commandRequest(slash)
			r := commandRequest([]byte(strings.Replace(string(slash), "jansen", "bakker", 1)))
			r.Header = signed.Header
			return r
		}, http.StatusUnauthorized, "signature mismatch", false},
		{"StaleTimestamp", func(e *testEnv) *http.Request {
			return signedRequest("/slack/commands", "application/x-www-form-urlencoded", slash, now.Add(-6*time.Minute))
		}, http.StatusUnauthorized, "outside the 5 minute window", false},
		{"FutureTimestamp", func(e *testEnv) *http.Request {
			return signedRequest("/slack/commands", "application/x-www-form-urlencoded", slash, now.Add(6*time.Minute))
		}, http.StatusUnauthorized, "outside the 5 minute window", false},
		{"MissingSignature", func(e *testEnv) *http.Request {
			r := commandRequest(slash)
			r.Header.Del("X-Slack-Signature")
			return r
		}, http.StatusUnauthorized, "missing signature headers", false},
		{"MissingTimestamp", func(e *testEnv) *http.Request {
			r := commandRequest(slash)
			r.Header.Del("X-Slack-Request-Timestamp")
			return r
		}, http.StatusUnauthorized, "missing signature headers", false},
		{"BadTimestamp", func(e *testEnv) *http.Request {
			r := commandRequest(slash)
			r.Header.Set("X-Slack-Request-Timestamp", "yesterday")
			return r
		}, http.StatusUnauthorized, "bad timestamp", false},
		{"OtherSignatureVersion", func(e *testEnv) *http.Request {
			r := commandRequest(slash)
			r.Header.Set("X-Slack-Signature", "v1="+strings.TrimPrefix(r.Header.Get("X-Slack-Signature"), "v0="))
			return r
		}, http.StatusUnauthorized, "unknown signature version", false},
		{"MalformedForm", func(e *testEnv) *http.Request {
			return commandRequest([]byte("team_id=T1&user_id=%zz"))
		}, http.StatusBadRequest, "malformed form", false},
		{"NoCommand", func(e *testEnv) *http.Request {
			return commandRequest([]byte("team_id=T1&user_id=U1&text=jansen"))
		}, http.StatusBadRequest, "bad slash command", false},
		{"NoUser", func(e *testEnv) *http.Request {
			return commandRequest([]byte("team_id=T1&command=%2Fphonebook&text=jansen"))
		}, http.StatusBadRequest, "bad slash command", false},
		{"MalformedPayloadJSON", func(e *testEnv) *http.Request {
			return interactionRequest([]byte(`{"type":"block_actions",`))
		}, http.StatusBadRequest, "bad interaction payload", false},
		{"NoPayload", func(e *testEnv) *http.Request {
			return signedRequest("/slack/interactions", "application/x-www-form-urlencoded", []byte("foo=bar"), now)
		}, http.StatusBadRequest, "no payload", false},
		{"MalformedEventJSON", func(e *testEnv) *http.Request {
			return eventRequest([]byte(`{"type":"event_callback","event":`))
		}, http.StatusBadRequest, "bad event payload", false},
		{"EventWithoutID", func(e *testEnv) *http.Request {
			return eventRequest([]byte(`{"type":"event_callback","event":{"type":"app_mention"}}`))
		}, http.StatusBadRequest, "bad event payload", false},
		{"UnknownInteraction", func(e *testEnv) *http.Request {
			return interactionRequest([]byte(`{"type":"shortcut","user":{"id":"U1"},"team":{"id":"T1"}}`))
		}, http.StatusOK, "interaction ignored", false},
		{"UnknownEnvelope", func(e *testEnv) *http.Request {
			return eventRequest([]byte(`{"type":"app_rate_limited","team_id":"T1"}`))
		}, http.StatusOK, "event ignored", false},
		{"Payload1MiB", func(e *testEnv) *http.Request {
			return commandRequest(big)
		}, http.StatusRequestEntityTooLarge, "body too large", false},
		{"UnknownCommand", func(e *testEnv) *http.Request {
			return commandRequest(e.slashForm(t, map[string]string{"command": "/bestaatniet"}))
		}, http.StatusOK, "not in the command list", true},
		{"EmptyText", func(e *testEnv) *http.Request {
			return commandRequest(e.slashForm(t, map[string]string{"text": ""}))
		}, http.StatusOK, "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, nil)
			rec := e.do(tc.req(e))
			if rec.Code != tc.status {
				t.Errorf("status %d, want %d (%s)", rec.Code, tc.status, rec.Body)
			}
			_ = e.a.Close()
			if got := len(e.core.Requests()) > 0; got != tc.wantCore {
				t.Errorf("core called: %v, want %v", got, tc.wantCore)
			}
			if !strings.Contains(e.logs.String(), tc.log) {
				t.Errorf("log lacks %q:\n%s", tc.log, e.logs)
			}
			if calls := e.slack.allCalls(); !tc.wantCore && len(calls) != 0 {
				t.Errorf("Slack was called: %+v", calls)
			}
		})
	}
}

func TestEmptyTextReachesCore(t *testing.T) {
	e := newEnv(t, nil)
	e.do(commandRequest(e.slashForm(t, map[string]string{"text": "   "})))
	if got := e.core.Requests()[0].Text; got != "/phonebook" {
		t.Errorf("text %q, want the bare command (the core answers with help)", got)
	}
}

func TestNoSigningSecretRefusesHTTP(t *testing.T) {
	e := newEnv(t, nil, func(c *Config) { c.SigningSecret = ""; c.AppToken = "xapp-test" })
	if rec := e.do(commandRequest(fixture(t, "slash_command.form"))); rec.Code != http.StatusUnauthorized {
		t.Fatalf("status %d, want 401", rec.Code)
	}
}

func TestNewValidates(t *testing.T) {
	core, state := &mock.Core{}, &mock.StateStore{}
	for _, tc := range []struct {
		name string
		cfg  Config
	}{
		{"NoSecretNoAppToken", Config{BotToken: "xoxb"}},
		{"SocketModeWithoutBotToken", Config{AppToken: "xapp"}},
		{"BadAPIURL", Config{SigningSecret: "s", APIURL: "slack.com/api"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := New(tc.cfg, core, state, nil); err == nil {
				t.Error("New accepted a bad config")
			}
		})
	}
	a, err := New(Config{SigningSecret: "s", APIURL: "http://127.0.0.1:1/api"}, core, state, nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.cfg.APIURL != "http://127.0.0.1:1/api/" {
		t.Errorf("APIURL %q, want a trailing slash", a.cfg.APIURL)
	}
	if err := a.Run(context.Background()); err != nil {
		t.Errorf("Run without app token = %v, want nil at once", err)
	}
}

func TestParseCommandEnterprise(t *testing.T) {
	v := url.Values{"team_id": {"T1"}, "enterprise_id": {"E1"}, "user_id": {"U1"}, "command": {"/phonebook"}, "channel_id": {"D1"}, "channel_name": {"directmessage"}}
	in, err := parseCommand(commandFromForm(v))
	if err != nil {
		t.Fatal(err)
	}
	if in.req.Installation != "E1" || !in.req.Channel.Direct {
		t.Errorf("got %+v", in.req)
	}
}

func TestFieldErrorTextIsSorted(t *testing.T) {
	got := fieldErrorText(map[string]string{"b": "2", "a": "1"})
	lines := strings.Split(got, "\n")
	if !sort.StringsAreSorted(lines) || len(lines) != 2 {
		t.Errorf("got %q", got)
	}
}

// BenchmarkSlashCommand measures one slash command through the HTTP
// handler: verify, parse, mock core, render. It reports requests per second
// and the 99th percentile latency.
func BenchmarkSlashCommand(b *testing.B) {
	reply := intranet.Reply{
		Title: "Pieter Jansen",
		Sections: []intranet.Section{{Title: "Pieter Jansen", Text: "Verpleegkundige, Zorg Oost", Fields: []intranet.Field{
			{Label: "Mobiel", Value: "[06 1234 5678](tel:+31612345678)"}, {Label: "E-mail", Value: "[pieter.jansen@example.nl](mailto:pieter.jansen@example.nl)"},
			{Label: "Afdeling", Value: "Zorg Oost"}, {Label: "Locatie", Value: "Utrecht"},
		}}},
		Buttons: []intranet.Button{{Label: "Meer", Command: "/phonebook jansen page:2"}},
		Context: []string{"1 van 3"},
	}
	e := newEnv(b, func(ctx context.Context, r intranet.Request) (intranet.Reply, error) { return reply, nil })
	body := e.slashForm(b, nil)
	var durs []time.Duration
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		start := time.Now()
		rec := e.do(commandRequest(body))
		durs = append(durs, time.Since(start))
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d", rec.Code)
		}
	}
	b.StopTimer()
	sort.Slice(durs, func(i, j int) bool { return durs[i] < durs[j] })
	var total time.Duration
	for _, d := range durs {
		total += d
	}
	if len(durs) > 0 {
		b.ReportMetric(float64(len(durs))/total.Seconds(), "req/s")
		b.ReportMetric(float64(durs[len(durs)*99/100].Microseconds()), "p99-µs")
	}
}
