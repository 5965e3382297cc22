package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/pgtest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/demo"
	"github.com/werkplek/werkplek/intranet/store"
)

// fakeSlackAPI plays the part of Slack's Web API that a handover uses:
// who a user is, posting, updating and opening a DM; it records each call.
type fakeSlackAPI struct {
	mu    sync.Mutex
	calls []string // "method channel text", with the blocks' JSON
	ts    int
	// people, when set, are the workspace's users (id → email): each is
	// found by email and has a DM channel "D-<id>".
	people map[string]string
}

func (f *fakeSlackAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	body := r.PostForm
	if len(body) == 0 {
		b, _ := io.ReadAll(r.Body)
		body = url.Values{"raw": {string(b)}}
	}
	w.Header().Set("Content-Type", "application/json")
	method := strings.TrimPrefix(r.URL.Path, "/slack/api/")
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, method+" "+body.Get("channel")+" "+body.Get("text")+" "+body.Get("blocks")+body.Get("raw"))
	switch method {
	case "users.info":
		email := map[string]string{"U1": "jan.devries@example.nl", "U2": "anouk.vandenberg@example.nl"}[body.Get("user")]
		if f.people != nil {
			email = f.people[body.Get("user")]
		}
		fmt.Fprintf(w, `{"ok":true,"user":{"id":%q,"name":"x","locale":"nl-NL","profile":{"email":%q}}}`, body.Get("user"), email)
	case "chat.postMessage":
		f.ts++
		fmt.Fprintf(w, `{"ok":true,"channel":%q,"ts":"1700000000.%06d"}`, body.Get("channel"), f.ts)
	case "chat.update":
		fmt.Fprintf(w, `{"ok":true,"channel":%q,"ts":%q}`, body.Get("channel"), body.Get("ts"))
	case "conversations.open":
		if f.people != nil {
			fmt.Fprintf(w, `{"ok":true,"channel":{"id":"D-%s"}}`, body.Get("users"))
			return
		}
		fmt.Fprint(w, `{"ok":true,"channel":{"id":"D-JAN"}}`)
	case "conversations.history":
		fmt.Fprint(w, `{"ok":true,"messages":[]}`)
	case "users.lookupByEmail":
		for id, email := range f.people {
			if strings.EqualFold(email, body.Get("email")) {
				fmt.Fprintf(w, `{"ok":true,"user":{"id":%q,"team_id":"T1","name":"x","profile":{"email":%q}}}`, id, email)
				return
			}
		}
		fmt.Fprint(w, `{"ok":false,"error":"users_not_found"}`)
	default:
		fmt.Fprint(w, `{"ok":true}`)
	}
}

// find returns the first recorded call that starts with prefix and holds
// every want, "" when there is none.
func (f *fakeSlackAPI) find(prefix string, want ...string) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, c := range f.calls {
		ok := strings.HasPrefix(c, prefix)
		for _, w := range want {
			ok = ok && strings.Contains(c, w)
		}
		if ok {
			return c
		}
	}
	return ""
}

// count returns how many recorded calls start with prefix and hold every
// want.
func (f *fakeSlackAPI) count(prefix string, want ...string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, c := range f.calls {
		ok := strings.HasPrefix(c, prefix)
		for _, w := range want {
			ok = ok && strings.Contains(c, w)
		}
		if ok {
			n++
		}
	}
	return n
}

func (f *fakeSlackAPI) seen(prefix string, want ...string) bool { return f.find(prefix, want...) != "" }

// TestHandoverOnSlack: a request typed as a Slack slash command in the
// team's channel posts the card there, the lead presses "I'll take it" on
// it, the card is updated in place and the requester gets a DM.
func TestHandoverOnSlack(t *testing.T) {
	fake := &fakeSlackAPI{}
	platform := httptest.NewServer(fake)
	defer platform.Close()
	dbURL := pgtest.URL(t)
	ctx := context.Background()
	s, err := store.Open(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ImportPeople(ctx, demo.People(), false); err != nil {
		t.Fatal(err)
	}
	if err := s.SyncDepartmentTeams(ctx); err != nil {
		t.Fatal(err)
	}
	team, err := s.FindTeamByName(ctx, "Zorg Oost")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.LinkTeamChannel(ctx, team.ID, intranet.TeamChannel{Platform: intranet.PlatformSlack, Installation: "T1", ChannelID: "C-ZO"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	env := map[string]string{"WERKPLEK_DATABASE_URL": dbURL, "WERKPLEK_LISTEN": "127.0.0.1:0",
		"SLACK_SIGNING_SECRET": "slack-secret", "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_API_URL": platform.URL + "/slack/api/"}
	m := startServe(t, env)
	base := "http://" + m.Addr
	signed := func(path, form string) (int, string) {
		return do(t, slackRequest(base+path, "slack-secret", "application/x-www-form-urlencoded", form))
	}
	code, body := signed("/slack/commands", url.Values{"command": {"/overdracht"}, "text": {"morgen 14:00-22:00 Pool Noord"}, "user_id": {"U1"}, "team_id": {"T1"},
		"channel_id": {"C-ZO"}, "response_url": {platform.URL + "/slack/response"}, "trigger_id": {"1.2.3"}}.Encode())
	if code != 200 {
		t.Fatalf("slash command %d: %s", code, body)
	}
	waitFor(t, 60*time.Second, "the card in C-ZO", func() bool {
		return fake.seen("chat.postMessage C-ZO", "Pool Noord", "/handover take 1")
	})
	payload := `{"type":"block_actions","user":{"id":"U2","team_id":"T1"},"team":{"id":"T1"},"channel":{"id":"C-ZO"},` +
		`"container":{"type":"message","channel_id":"C-ZO","message_ts":"1700000000.000001"},"response_url":"` + platform.URL + `/slack/response",` +
		`"actions":[{"type":"button","block_id":"b0","action_id":"werkplek.0","value":"/handover take 1"}]}`
	code, answer := signed("/slack/interactions", url.Values{"payload": {payload}}.Encode())
	if code != 200 {
		t.Fatalf("button %d: %s", code, answer)
	}
	waitFor(t, 60*time.Second, "the card updated", func() bool {
		return fake.seen("chat.update C-ZO", "Overgenomen door Anouk van den Berg")
	})
	waitFor(t, 60*time.Second, "the requester's DM", func() bool {
		return fake.seen("chat.postMessage D-JAN", "Anouk van den Berg neemt je dienst")
	})
	waitFor(t, 60*time.Second, "the taker's answer", func() bool {
		return strings.Contains(answer, "Je neemt de dienst over") || fake.seen("/slack/response", "Je neemt de dienst over")
	})
}
