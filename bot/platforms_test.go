package main

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/pgtest"
	"github.com/werkplek/werkplek/intranet/demo"
	"github.com/werkplek/werkplek/intranet/router"
	"github.com/werkplek/werkplek/intranet/store"
)

// fakePlatforms is one loopback server that plays Slack's Web API,
// Mattermost's REST API and the Teams connector, enough for a phonebook
// question from each, and records what the bot sent to it.
type fakePlatforms struct {
	mu    sync.Mutex
	posts []string // bodies the bot POSTed to the Teams connector
}

func (f *fakePlatforms) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	w.Header().Set("Content-Type", "application/json")
	switch {
	case strings.HasPrefix(r.URL.Path, "/slack/api/users.info"):
		fmt.Fprint(w, `{"ok":true,"user":{"id":"U1","name":"jan","real_name":"Jan de Vries","locale":"nl-NL","profile":{"email":"jan.devries@example.nl","display_name":"jan"}}}`)
	case r.URL.Path == "/api/v4/users/mmjan":
		fmt.Fprint(w, `{"id":"mmjan","username":"jan","email":"jan.devries@example.nl","locale":"en","roles":"system_user"}`)
	case strings.HasPrefix(r.URL.Path, "/connector/v3/conversations/") && strings.Contains(r.URL.Path, "/members/"):
		fmt.Fprint(w, `{"id":"29:jan","name":"Jan de Vries","email":"jan.devries@example.nl","userPrincipalName":"jan.devries@example.nl"}`)
	case strings.HasPrefix(r.URL.Path, "/connector/v3/conversations/") && r.Method == http.MethodPost:
		f.mu.Lock()
		f.posts = append(f.posts, string(body))
		f.mu.Unlock()
		w.WriteHeader(http.StatusCreated)
		fmt.Fprint(w, `{"id":"activity-1"}`)
	default:
		// Registration and the websocket of the Mattermost adapter ask for
		// more; they are not part of this test.
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, `{"ok":false,"error":"not_in_this_test"}`)
	}
}

// slackRequest is a POST of body to url signed as Slack signs its requests
// with the app's signing secret.
func slackRequest(url, secret, contentType, body string) *http.Request {
	ts := fmt.Sprint(time.Now().Unix())
	mac := hmac.New(sha256.New, []byte(secret))
	fmt.Fprintf(mac, "v0:%s:%s", ts, body)
	req, _ := http.NewRequest("POST", url, strings.NewReader(body))
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("X-Slack-Request-Timestamp", ts)
	req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	return req
}

func (f *fakePlatforms) teamsPosts() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.posts...)
}

// TestPlatformsEndToEnd runs the real serve with all three platforms on and
// asks the phonebook through each one's HTTP endpoint, as the platforms do.
func TestPlatformsEndToEnd(t *testing.T) {
	fake := &fakePlatforms{}
	platform := httptest.NewServer(fake)
	defer platform.Close()

	dbURL := pgtest.URL(t)
	s, err := store.Open(context.Background(), dbURL)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ImportPeople(context.Background(), demo.People(), false); err != nil {
		t.Fatal(err)
	}
	s.Close()

	env := map[string]string{
		"WERKPLEK_DATABASE_URL": dbURL, "WERKPLEK_LISTEN": "127.0.0.1:0", "WERKPLEK_PUBLIC_URL": "http://127.0.0.1:1",
		"WERKPLEK_SECRET":      "test-secret",
		"SLACK_SIGNING_SECRET": "slack-secret", "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_API_URL": platform.URL + "/slack/api/",
		"MATTERMOST_URL": platform.URL, "MATTERMOST_BOT_TOKEN": "mm-bot", "MATTERMOST_COMMAND_TOKENS": "mm-command-token",
		"TEAMS_AUTH": "off",
	}
	m := startServe(t, env)
	base := "http://" + m.Addr

	t.Run("Slack", func(t *testing.T) {
		form := url.Values{"command": {"/telefoon"}, "text": {"pieter jansen"}, "user_id": {"U1"}, "team_id": {"T1"},
			"channel_id": {"C1"}, "response_url": {platform.URL + "/slack/response"}, "trigger_id": {"1.2.3"}}.Encode()
		code, body := do(t, slackRequest(base+"/slack/commands", "slack-secret", "application/x-www-form-urlencoded", form))
		if code != 200 || !strings.Contains(body, "Pieter Jansen") || !strings.Contains(body, "Wijkverpleegkundige") {
			t.Fatalf("slack %d: %s", code, body)
		}
		// Unsigned: refused.
		req, _ := http.NewRequest("POST", base+"/slack/commands", strings.NewReader(form))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if code, _ := do(t, req); code != 401 {
			t.Errorf("unsigned slack request: %d", code)
		}
	})

	t.Run("Mattermost", func(t *testing.T) {
		form := url.Values{"command": {"/phonebook"}, "text": {"pieter jansen"}, "user_id": {"mmjan"}, "team_id": {"team1"},
			"channel_id": {"chan1"}, "token": {"mm-command-token"}, "response_url": {platform.URL + "/hooks/commands/x"}, "trigger_id": {"t"}}.Encode()
		req, _ := http.NewRequest("POST", base+"/mattermost/command", strings.NewReader(form))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Authorization", "Token mm-command-token")
		code, body := do(t, req)
		if code != 200 || !strings.Contains(body, "Pieter Jansen") || !strings.Contains(body, "Wijkverpleegkundige") {
			t.Fatalf("mattermost %d: %s", code, body)
		}
		req, _ = http.NewRequest("POST", base+"/mattermost/command", strings.NewReader(form))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Authorization", "Token wrong")
		if code, _ := do(t, req); code != 401 {
			t.Errorf("wrong mattermost token: %d", code)
		}
	})

	t.Run("Teams", func(t *testing.T) {
		activity := map[string]any{
			"type": "message", "id": "msg-1", "channelId": "msteams", "serviceUrl": platform.URL + "/connector/",
			"from":         map[string]any{"id": "29:jan", "name": "Jan de Vries", "aadObjectId": "aad-jan"},
			"recipient":    map[string]any{"id": "28:bot", "name": "Werkplek"},
			"conversation": map[string]any{"id": "a:personal-jan", "conversationType": "personal", "tenantId": "tenant-1"},
			"channelData":  map[string]any{"tenant": map[string]any{"id": "tenant-1"}},
			"text":         "telefoon pieter jansen", "locale": "nl-NL",
		}
		b, _ := json.Marshal(activity)
		req, _ := http.NewRequest("POST", base+"/api/messages", bytes.NewReader(b))
		req.Header.Set("Content-Type", "application/json")
		if code, body := do(t, req); code != 200 {
			t.Fatalf("teams %d: %s", code, body)
		}
		deadline := time.Now().Add(60 * time.Second)
		for time.Now().Before(deadline) {
			for _, p := range fake.teamsPosts() {
				if strings.Contains(p, "Pieter Jansen") && strings.Contains(p, "AdaptiveCard") {
					return
				}
			}
			time.Sleep(20 * time.Millisecond)
		}
		t.Fatalf("no card with Pieter Jansen reached the connector: %v", fake.teamsPosts())
	})

	// Hours and trips through the other two: a trip on Mattermost (Jan's
	// client there is English), hours on Teams (Dutch).
	t.Run("Hours", func(t *testing.T) {
		form := url.Values{"command": {"/km"}, "text": {"today 23 Utrecht to Zeist return purpose:client visit"}, "user_id": {"mmjan"}, "team_id": {"team1"},
			"channel_id": {"chan1"}, "token": {"mm-command-token"}, "response_url": {platform.URL + "/hooks/commands/x"}, "trigger_id": {"t"}}.Encode()
		req, _ := http.NewRequest("POST", base+"/mattermost/command", strings.NewReader(form))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Authorization", "Token mm-command-token")
		if code, body := do(t, req); code != 200 || !strings.Contains(body, "46 km") || !strings.Contains(body, "Utrecht") {
			t.Fatalf("mattermost /km %d: %s", code, body)
		}
		activity := map[string]any{
			"type": "message", "id": "msg-2", "channelId": "msteams", "serviceUrl": platform.URL + "/connector/",
			"from":         map[string]any{"id": "29:jan", "name": "Jan de Vries", "aadObjectId": "aad-jan"},
			"recipient":    map[string]any{"id": "28:bot", "name": "Werkplek"},
			"conversation": map[string]any{"id": "a:personal-jan", "conversationType": "personal", "tenantId": "tenant-1"},
			"channelData":  map[string]any{"tenant": map[string]any{"id": "tenant-1"}},
			"text":         "uren vandaag 7,5u", "locale": "nl-NL",
		}
		b, _ := json.Marshal(activity)
		req, _ = http.NewRequest("POST", base+"/api/messages", bytes.NewReader(b))
		req.Header.Set("Content-Type", "application/json")
		if code, body := do(t, req); code != 200 {
			t.Fatalf("teams %d: %s", code, body)
		}
		waitFor(t, 60*time.Second, "the entry confirmed on Teams", func() bool {
			for _, p := range fake.teamsPosts() {
				if strings.Contains(p, "7,5 uur") {
					return true
				}
			}
			return false
		})
	})

	// Each platform's user is now linked to Jan de Vries.
	s, err = store.Open(context.Background(), dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p, _ := s.FindPersonByEmail(context.Background(), demo.User)
	if len(p.Accounts) != 3 {
		t.Errorf("accounts of Jan: %+v", p.Accounts)
	}
}

func do(t *testing.T, req *http.Request) (int, string) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// syncBuffer is a bytes.Buffer safe for the logger's concurrent writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestManifestIsCurrent fails when the committed manifest.yml differs from
// what `werkplek manifest slack` generates from the command list.
func TestManifestIsCurrent(t *testing.T) {
	code, out, errOut := run(t, nil, "", "manifest", "slack")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	committed, err := os.ReadFile("../manifest.yml")
	if err != nil {
		t.Fatal(err)
	}
	if string(committed) != out {
		t.Errorf("manifest.yml is out of date: run `go run ./bot manifest slack > manifest.yml`")
	}
}

// TestTeamsMenus: every command a Teams menu should show fits in it
// (Teams shows ten per scope, the rest would silently fall off), and
// one's own chat with Werkplek offers the personal commands and help.
func TestTeamsMenus(t *testing.T) {
	menus := map[string][]string{}
	for _, c := range router.Commands(Grammar()) {
		for _, scope := range []string{"personal", "team", "groupChat"} {
			if len(c.Teams) == 0 || slices.Contains(c.Teams, scope) {
				menus[scope] = append(menus[scope], c.Name)
			}
		}
	}
	for scope, cmds := range menus {
		if len(cmds) > 10 {
			t.Errorf("the %s menu would show %d commands, Teams shows ten: %v", scope, len(cmds), cmds)
		}
	}
	for _, want := range []string{"hours", "km", "werkplek", "phonebook", "room"} {
		if !slices.Contains(menus["personal"], want) {
			t.Errorf("the personal menu lacks /%s: %v", want, menus["personal"])
		}
	}
}
