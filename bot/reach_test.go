package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/werkplek/werkplek/internal/pgtest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/store"
)

// The people of the reach tests and their user ids, the same on Slack and
// on Mattermost. Zoë is the expert: she never wrote to Werkplek.
var reachPeople = []struct {
	id, name, email string
	admin           bool
}{
	{"UFEMKE", "Femke Admin", "femke@example.nl", true},
	{"UJAN", "Jan de Vries", "jan@example.nl", false},
	{"UZOE", "Zoë Çelik", "zoe.celik@example.nl", false},
}

const zoe = "zoe.celik@example.nl"

// fakeChat plays the part of Slack's Web API (under /slack/api/) and of
// Mattermost's REST API (under /api/v4/) that reaching a colleague uses:
// who a user is, finding one by email, opening a DM and posting. It
// records each post and each answer sent to a response URL.
type fakeChat struct {
	url     string
	mu      sync.Mutex
	posts   []string // "channel body" of each chat.postMessage and POST /api/v4/posts
	answers []string // bodies posted to response URLs
}

func (f *fakeChat) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	w.Header().Set("Content-Type", "application/json")
	if method, ok := strings.CutPrefix(r.URL.Path, "/slack/api/"); ok {
		f.slack(w, method, body)
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	path := strings.TrimPrefix(r.URL.Path, "/api/v4")
	byEmail, isByEmail := strings.CutPrefix(path, "/users/email/")
	switch {
	case strings.HasPrefix(r.URL.Path, "/response/"):
		f.answers = append(f.answers, string(body))
	case path == "/users/me":
		json.NewEncoder(w).Encode(&model.User{Id: "UBOT", Username: "werkplek", IsBot: true, Roles: "system_user"})
	case strings.HasSuffix(path, "/teams"):
		fmt.Fprint(w, `[]`)
	case isByEmail || strings.HasPrefix(path, "/users/"):
		for _, p := range reachPeople {
			if isByEmail && strings.EqualFold(p.email, byEmail) || path == "/users/"+p.id {
				json.NewEncoder(w).Encode(&model.User{Id: p.id, Username: strings.ToLower(p.id[1:]), Email: p.email, Locale: "nl", Roles: "system_user"})
				return
			}
		}
		w.WriteHeader(http.StatusNotFound)
		json.NewEncoder(w).Encode(model.NewAppError("fake", "app.user.missing_account.const", nil, "", http.StatusNotFound))
	case path == "/channels/direct":
		var ids []string
		json.Unmarshal(body, &ids)
		json.NewEncoder(w).Encode(&model.Channel{Id: "D" + ids[1], Type: model.ChannelTypeDirect})
	case path == "/posts":
		var p model.Post
		json.Unmarshal(body, &p)
		f.posts = append(f.posts, p.ChannelId+" "+string(body))
		p.Id = fmt.Sprintf("post%d", len(f.posts))
		w.WriteHeader(http.StatusCreated)
		json.NewEncoder(w).Encode(&p)
	default:
		// The websocket and the rest are not part of this test.
		w.WriteHeader(http.StatusNotFound)
		json.NewEncoder(w).Encode(model.NewAppError("fake", "not_in_this_test", nil, "", http.StatusNotFound))
	}
}

func (f *fakeChat) slack(w http.ResponseWriter, method string, body []byte) {
	form, _ := url.ParseQuery(string(body))
	f.mu.Lock()
	defer f.mu.Unlock()
	switch method {
	case "users.info", "users.lookupByEmail":
		for _, p := range reachPeople {
			if p.id == form.Get("user") || strings.EqualFold(p.email, form.Get("email")) {
				fmt.Fprintf(w, `{"ok":true,"user":{"id":%q,"team_id":"T1","name":%q,"real_name":%q,"locale":"nl-NL","profile":{"email":%q}}}`,
					p.id, strings.ToLower(p.id[1:]), p.name, p.email)
				return
			}
		}
		fmt.Fprint(w, `{"ok":false,"error":"users_not_found"}`)
	case "conversations.open":
		fmt.Fprintf(w, `{"ok":true,"channel":{"id":%q}}`, "D"+form.Get("users"))
	case "chat.postMessage":
		f.posts = append(f.posts, form.Get("channel")+" "+form.Get("text")+" "+form.Get("blocks"))
		fmt.Fprintf(w, `{"ok":true,"channel":%q,"ts":"1700000000.%06d"}`, form.Get("channel"), len(f.posts))
	default:
		fmt.Fprint(w, `{"ok":true}`)
	}
}

// posted reports whether a post in the channel holds every want.
func (f *fakeChat) posted(channel string, wants ...string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, p := range f.posts {
		if strings.HasPrefix(p, channel+" ") && containsAll(p, wants) {
			return true
		}
	}
	return false
}

// answered reports whether the reply to a command, in its response or
// sent later to its response URL, holds every want.
func (f *fakeChat) answered(response string, wants ...string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, a := range append([]string{response}, f.answers...) {
		if containsAll(a, wants) {
			return true
		}
	}
	return false
}

// TestAskReachesExpertOnSlack: a question in a topic whose expert never
// wrote to Werkplek reaches her on Slack, the only platform on: Werkplek
// finds her with users.lookupByEmail and DMs her the question with its
// answer button.
func TestAskReachesExpertOnSlack(t *testing.T) {
	chat, env := reachSetup(t)
	env["SLACK_SIGNING_SECRET"], env["SLACK_BOT_TOKEN"], env["SLACK_API_URL"] = "slack-secret", "xoxb-test", chat.url+"/slack/api/"
	base := "http://" + startServe(t, env).Addr
	ask := func(user, text string) string {
		form := url.Values{"command": {"/ask"}, "text": {text}, "user_id": {user}, "team_id": {"T1"}, "channel_id": {"C1"},
			"response_url": {chat.url + "/response/slack"}, "trigger_id": {"1.2.3"}}.Encode()
		code, body := do(t, slackRequest(base+"/slack/commands", "slack-secret", "application/x-www-form-urlencoded", form))
		if code != http.StatusOK {
			t.Fatalf("/ask %s: %d %s", text, code, body)
		}
		return body
	}
	askReachesZoe(t, chat, env, ask, intranet.PlatformSlack, `"value":"/answer 1"`)
}

// TestAskReachesExpertOnMattermost: the same on Mattermost, the only
// platform on: Werkplek finds her with GET /api/v4/users/email/{email} and
// posts the question with its answer button in her direct channel with
// the bot.
func TestAskReachesExpertOnMattermost(t *testing.T) {
	chat, env := reachSetup(t)
	env["MATTERMOST_URL"], env["MATTERMOST_BOT_TOKEN"], env["MATTERMOST_COMMAND_TOKENS"] = chat.url, "mm-bot", "mm-command-token"
	base := "http://" + startServe(t, env).Addr
	ask := func(user, text string) string {
		form := url.Values{"command": {"/ask"}, "text": {text}, "user_id": {user}, "team_id": {"team1"}, "channel_id": {"chan1"},
			"token": {"mm-command-token"}, "response_url": {chat.url + "/response/mattermost"}, "trigger_id": {"t"}}.Encode()
		req, _ := http.NewRequest("POST", base+"/mattermost/command", strings.NewReader(form))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Authorization", "Token mm-command-token")
		code, body := do(t, req)
		if code != http.StatusOK {
			t.Fatalf("/ask %s: %d %s", text, code, body)
		}
		return body
	}
	askReachesZoe(t, chat, env, ask, intranet.PlatformMattermost, `"command":"/answer 1"`)
}

// reachSetup imports reachPeople into a new database and starts the fake
// platform APIs; env has the database and no platform on yet.
func reachSetup(t *testing.T) (*fakeChat, map[string]string) {
	t.Helper()
	chat := &fakeChat{}
	fake := httptest.NewServer(chat)
	t.Cleanup(fake.Close)
	chat.url = fake.URL
	dbURL := pgtest.URL(t)
	s, err := store.Open(context.Background(), dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var people []intranet.PersonRecord
	for _, p := range reachPeople {
		r := intranet.PersonRecord{Name: p.name, Email: p.email, Department: "Zorg"}
		if p.admin {
			r.Roles = []intranet.Role{intranet.RoleAdmin}
		}
		people = append(people, r)
	}
	if _, err := s.ImportPeople(context.Background(), people, false); err != nil {
		t.Fatal(err)
	}
	return chat, map[string]string{"WERKPLEK_DATABASE_URL": dbURL, "WERKPLEK_LISTEN": "127.0.0.1:0", "WERKPLEK_PUBLIC_URL": "http://127.0.0.1:1",
		"WERKPLEK_SECRET": "test-secret", "WERKPLEK_QUIET_HOURS": "off"}
}

// askReachesZoe is the acceptance point through one platform's
// slash command: the admin makes topic Stomazorg with Zoë as its expert,
// Jan asks a question in it and is told it went to her, Zoë gets it in the
// DM channel the platform opened for her user id with its answer button
// (button), and her account on the platform is linked.
func askReachesZoe(t *testing.T, chat *fakeChat, env map[string]string, ask func(user, text string) string, platform intranet.Platform, button string) {
	t.Helper()
	s, err := store.Open(context.Background(), env["WERKPLEK_DATABASE_URL"])
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	replied := func(what, response string, wants ...string) {
		t.Helper()
		waitFor(t, 60*time.Second, what, func() bool { return chat.answered(response, wants...) })
	}
	replied("the topic made", ask("UFEMKE", "topic add Stomazorg"), "Onderwerp Stomazorg gemaakt")
	replied("the expert added", ask("UFEMKE", "expert add Stomazorg "+zoe), "Zoë Çelik")
	if p, err := s.FindPersonByEmail(context.Background(), zoe); err != nil || len(p.Accounts) != 0 {
		t.Fatalf("Zoë has written to Werkplek before the question: %+v %v", p, err)
	}

	replied("the asker's reply naming Zoë", ask("UJAN", "Hoe vaak verschoon ik een stomazakje? topic:Stomazorg"), "Vraag #1 gesteld", "aan Zoë Çelik")
	waitFor(t, 60*time.Second, "the question in Zoë's DM", func() bool {
		return chat.posted("DUZOE", "Vraag #1 · Stomazorg", "Hoe vaak verschoon ik een stomazakje?", button)
	})
	p, err := s.FindPersonByEmail(context.Background(), zoe)
	if err != nil || len(p.Accounts) != 1 || p.Accounts[0].Platform != platform || p.Accounts[0].UserID != "UZOE" {
		t.Errorf("Zoë's accounts after the question: %+v %v", p, err)
	}
}
