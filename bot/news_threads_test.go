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

	"github.com/gorilla/websocket"
	"github.com/mattermost/mattermost/server/public/model"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/demo"
	"github.com/werkplek/werkplek/intranet/store"
)

// newsThreadPeople is the demo organisation with Anouk managing content,
// imported into the database of env; it returns the store, open.
func newsThreadPeople(t *testing.T, env map[string]string) *store.Store {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, env["WERKPLEK_DATABASE_URL"])
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	people := demo.People()
	for i := range people {
		if people[i].Email == "anouk.vandenberg@example.nl" {
			people[i].Roles = append(people[i].Roles, intranet.RoleContentManager)
		}
	}
	if _, err := s.ImportPeople(ctx, people, false); err != nil {
		t.Fatal(err)
	}
	return s
}

// comments returns an item's comments as "author: text", newest first.
func comments(t *testing.T, s *store.Store, item int64) []string {
	t.Helper()
	list, err := s.Comments(context.Background(), intranet.CommentFilter{ItemID: item})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range list {
		out = append(out, c.Author+": "+c.Body)
	}
	return out
}

// slackNewsAPI plays Slack's Web API for the news thread test: it knows
// two users, gives every posted message its own ts and records what the
// bot posted and showed to one person.
type slackNewsAPI struct {
	mu        sync.Mutex
	posted    []slackMessage
	ephemeral []slackMessage
}

type slackMessage struct{ channel, user, ts, threadTS, text string }

func (f *slackNewsAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	w.Header().Set("Content-Type", "application/json")
	f.mu.Lock()
	defer f.mu.Unlock()
	m := slackMessage{channel: r.PostForm.Get("channel"), user: r.PostForm.Get("user"), threadTS: r.PostForm.Get("thread_ts"),
		text: r.PostForm.Get("text") + " " + r.PostForm.Get("blocks")}
	switch strings.TrimPrefix(r.URL.Path, "/slack/api/") {
	case "users.info":
		email := map[string]string{"U1": "jan.devries@example.nl", "U2": "anouk.vandenberg@example.nl"}[r.PostForm.Get("user")]
		fmt.Fprintf(w, `{"ok":true,"user":{"id":%q,"name":"x","locale":"nl-NL","profile":{"email":%q}}}`, r.PostForm.Get("user"), email)
	case "chat.postMessage":
		m.ts = fmt.Sprintf("1700000000.%06d", len(f.posted)+1)
		f.posted = append(f.posted, m)
		fmt.Fprintf(w, `{"ok":true,"channel":%q,"ts":%q}`, m.channel, m.ts)
	case "chat.postEphemeral":
		f.ephemeral = append(f.ephemeral, m)
		fmt.Fprint(w, `{"ok":true,"message_ts":"1700000999.000001"}`)
	case "conversations.open":
		fmt.Fprint(w, `{"ok":true,"channel":{"id":"D-DM"}}`)
	case "users.lookupByEmail":
		fmt.Fprint(w, `{"ok":false,"error":"users_not_found"}`)
	default:
		fmt.Fprint(w, `{"ok":true}`)
	}
}

// find returns the first message of list in channel holding every want.
func (f *slackNewsAPI) find(list *[]slackMessage, channel string, wants ...string) (slackMessage, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, m := range *list {
		if m.channel == channel && containsAll(m.text, wants) {
			return m, true
		}
	}
	return slackMessage{}, false
}

// TestNewsThreadOnSlack: a channel subscribed to news at once gets an item
// through serve's outbox; a colleague's reply in the item's thread (a
// signed message.channels event with thread_ts) becomes a comment on the
// item, and the thanks is shown to them alone in the thread; nothing is
// posted for all to see.
func TestNewsThreadOnSlack(t *testing.T) {
	bothEngines(t, func(t *testing.T, env map[string]string) {
		fake := &slackNewsAPI{}
		platform := httptest.NewServer(fake)
		defer platform.Close()
		s := newsThreadPeople(t, env)
		env["SLACK_SIGNING_SECRET"], env["SLACK_BOT_TOKEN"], env["SLACK_API_URL"] = "slack-secret", "xoxb-test", platform.URL+"/slack/api/"
		env["WERKPLEK_LISTEN"] = "127.0.0.1:0"
		m := startServe(t, env)
		base := "http://" + m.Addr
		signed := func(path, contentType, body string) (int, string) {
			return do(t, slackRequest(base+path, "slack-secret", contentType, body))
		}
		command := func(user, command, text string) string {
			t.Helper()
			code, body := signed("/slack/commands", "application/x-www-form-urlencoded", url.Values{"command": {command}, "text": {text},
				"user_id": {user}, "team_id": {"T1"}, "channel_id": {"C-NIEUWS"}, "response_url": {platform.URL + "/slack/response"}, "trigger_id": {"1.2.3"}}.Encode())
			if code != 200 {
				t.Fatalf("%s %s: %d %s", command, text, code, body)
			}
			return body
		}
		if body := command("U1", "/nieuws", "abonneer direct"); !strings.Contains(body, "Abonnement 1") {
			t.Fatalf("subscribe: %s", body)
		}
		if body := command("U2", "/nieuws", "plaats Kerstborrel | Vrijdag om vier uur in de kantine."); !strings.Contains(body, "Geplaatst als bericht 1") {
			t.Fatalf("post: %s", body)
		}
		var root slackMessage
		waitFor(t, 60*time.Second, "the item in C-NIEUWS", func() bool {
			var ok bool
			root, ok = fake.find(&fake.posted, "C-NIEUWS", "Kerstborrel")
			return ok
		})
		// The outbox marks the message sent after Slack answered.
		waitFor(t, 60*time.Second, "the item's message known", func() bool {
			p, err := s.FindNewsPost(context.Background(), intranet.MessageRef{Platform: intranet.PlatformSlack, ChannelID: "C-NIEUWS", ID: root.ts})
			return err == nil && len(p.Items) == 1 && p.Items[0] == 1
		})
		body := fmt.Sprintf(`{"type":"event_callback","team_id":"T1","event_id":"Ev000001","authorizations":[{"user_id":"UBOT","is_bot":true}],`+
			`"event":{"type":"message","channel_type":"channel","channel":"C-NIEUWS","user":"U1","text":"Ik neem taart mee!","ts":"1700000999.000001","thread_ts":%q}}`, root.ts)
		if code, answer := signed("/slack/events", "application/json", body); code != 200 {
			t.Fatalf("event: %d %s", code, answer)
		}
		waitFor(t, 60*time.Second, "the comment", func() bool {
			got := comments(t, s, 1)
			return len(got) == 1 && got[0] == "Jan de Vries: Ik neem taart mee!"
		})
		waitFor(t, 60*time.Second, "the thanks, to Jan alone", func() bool {
			m, ok := fake.find(&fake.ephemeral, "C-NIEUWS", "Dank je! Je reactie (1)")
			return ok && m.user == "U1" && m.threadTS == root.ts
		})
		m.stop()
		fake.mu.Lock()
		defer fake.mu.Unlock()
		if len(fake.posted) != 1 {
			t.Errorf("posted for all to see: %+v", fake.posted)
		}
	})
}

// mattermostNewsAPI plays a Mattermost server for the news thread test,
// with the real model types: the REST routes serve calls and the bot's
// websocket, on which the test sends posted events.
type mattermostNewsAPI struct {
	mu        sync.Mutex
	posts     []*model.Post
	ephemeral []*model.PostEphemeral
	ws        *websocket.Conn
	wsReady   chan struct{}
}

func newMattermostNewsAPI(t *testing.T) (*mattermostNewsAPI, *httptest.Server) {
	f := &mattermostNewsAPI{wsReady: make(chan struct{}, 10)}
	users := map[string]*model.User{
		"mmbot":   {Id: "mmbot", Username: "werkplek", IsBot: true, Roles: "system_user"},
		"mmjan":   {Id: "mmjan", Username: "jan.devries", Email: "jan.devries@example.nl", Locale: "nl", Roles: "system_user"},
		"mmanouk": {Id: "mmanouk", Username: "anouk", Email: "anouk.vandenberg@example.nl", Locale: "nl", Roles: "system_user"},
	}
	writeJSON := func(w http.ResponseWriter, code int, v any) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(code)
		_ = json.NewEncoder(w).Encode(v)
	}
	notFound := func(w http.ResponseWriter) {
		writeJSON(w, http.StatusNotFound, model.NewAppError("fake", "not_in_this_test", nil, "", http.StatusNotFound))
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/v4/users/me", func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, users["mmbot"]) })
	mux.HandleFunc("GET /api/v4/users/{id}", func(w http.ResponseWriter, r *http.Request) {
		if u, ok := users[r.PathValue("id")]; ok {
			writeJSON(w, 200, u)
			return
		}
		notFound(w)
	})
	mux.HandleFunc("GET /api/v4/users/{id}/{what}", func(w http.ResponseWriter, r *http.Request) {
		if r.PathValue("what") == "teams" {
			writeJSON(w, 200, []*model.Team{}) // no team: no commands to register
			return
		}
		notFound(w)
	})
	mux.HandleFunc("POST /api/v4/posts", func(w http.ResponseWriter, r *http.Request) {
		var p model.Post
		if json.NewDecoder(r.Body).Decode(&p) != nil {
			notFound(w)
			return
		}
		f.mu.Lock()
		p.Id, p.UserId = fmt.Sprintf("post%022d", len(f.posts)+1), "mmbot"
		f.posts = append(f.posts, &p)
		f.mu.Unlock()
		writeJSON(w, http.StatusCreated, &p)
	})
	mux.HandleFunc("POST /api/v4/posts/ephemeral", func(w http.ResponseWriter, r *http.Request) {
		var pe model.PostEphemeral
		if json.NewDecoder(r.Body).Decode(&pe) != nil || pe.Post == nil {
			notFound(w)
			return
		}
		f.mu.Lock()
		f.ephemeral = append(f.ephemeral, &pe)
		f.mu.Unlock()
		writeJSON(w, http.StatusCreated, pe.Post)
	})
	mux.HandleFunc("POST /api/v4/channels/direct", func(w http.ResponseWriter, r *http.Request) {
		var ids []string
		_ = json.NewDecoder(r.Body).Decode(&ids)
		if len(ids) != 2 {
			notFound(w)
			return
		}
		writeJSON(w, 200, &model.Channel{Id: "dm-" + ids[1], Type: model.ChannelTypeDirect})
	})
	mux.HandleFunc("POST /hooks/commands/{id}", func(w http.ResponseWriter, r *http.Request) { _, _ = io.Copy(io.Discard, r.Body) })
	up := websocket.Upgrader{}
	mux.HandleFunc("GET /api/v4/websocket", func(w http.ResponseWriter, r *http.Request) {
		conn, err := up.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		var req model.WebSocketRequest
		if err := conn.ReadJSON(&req); err != nil || req.Action != string(model.WebsocketAuthenticationChallenge) || req.Data["token"] != "mm-bot" {
			conn.Close()
			return
		}
		resp, _ := model.NewWebSocketResponse(model.StatusOk, req.Seq, nil).ToJSON()
		hello, _ := model.NewWebSocketEvent(model.WebsocketEventHello, "", "", "mmbot", nil, "").SetSequence(0).ToJSON()
		f.mu.Lock()
		f.ws = conn
		_ = conn.WriteMessage(websocket.TextMessage, resp)
		_ = conn.WriteMessage(websocket.TextMessage, hello)
		f.mu.Unlock()
		f.wsReady <- struct{}{}
		for {
			if _, _, err := conn.ReadMessage(); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { notFound(w) })
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return f, srv
}

// threadReply sends a posted event: a reply by a user in the thread under
// root in a public channel.
func (f *mattermostNewsAPI) threadReply(t *testing.T, id, user, channel, root, text string) {
	t.Helper()
	post, _ := json.Marshal(&model.Post{Id: id, UserId: user, ChannelId: channel, RootId: root, Message: text, CreateAt: model.GetMillis()})
	ev := model.NewWebSocketEvent(model.WebsocketEventPosted, "", channel, "", nil, "")
	ev = ev.SetData(map[string]any{"post": string(post), "channel_type": "O", "sender_name": "@jan.devries"})
	b, err := ev.ToJSON()
	if err != nil {
		t.Fatal(err)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.ws.WriteMessage(websocket.TextMessage, b); err != nil {
		t.Fatal(err)
	}
}

// TestNewsThreadOnMattermost: as on Slack, through serve with a fake
// Mattermost: the item reaches the subscribed channel through the outbox,
// a colleague's reply in its thread (a posted event on the bot's
// websocket, with root_id) becomes a comment, and the thanks is an
// ephemeral post in the thread for them alone.
func TestNewsThreadOnMattermost(t *testing.T) {
	bothEngines(t, func(t *testing.T, env map[string]string) {
		fake, platform := newMattermostNewsAPI(t)
		s := newsThreadPeople(t, env)
		env["MATTERMOST_URL"], env["MATTERMOST_BOT_TOKEN"], env["MATTERMOST_COMMAND_TOKENS"] = platform.URL, "mm-bot", "mm-command-token"
		env["WERKPLEK_LISTEN"], env["WERKPLEK_PUBLIC_URL"], env["WERKPLEK_SECRET"] = "127.0.0.1:0", "http://127.0.0.1:1", "test-secret"
		m := startServe(t, env)
		base := "http://" + m.Addr
		select {
		case <-fake.wsReady:
		case <-time.After(60 * time.Second):
			t.Fatal("the websocket did not connect")
		}
		command := func(user, command, text string) string {
			t.Helper()
			form := url.Values{"command": {command}, "text": {text}, "user_id": {user}, "team_id": {"team1"}, "channel_id": {"nieuwskanaal"},
				"token": {"mm-command-token"}, "response_url": {platform.URL + "/hooks/commands/x"}, "trigger_id": {"t"}}.Encode()
			req, _ := http.NewRequest("POST", base+"/mattermost/command", strings.NewReader(form))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("Authorization", "Token mm-command-token")
			code, body := do(t, req)
			if code != 200 {
				t.Fatalf("%s %s: %d %s", command, text, code, body)
			}
			return body
		}
		if body := command("mmjan", "/news", "subscribe immediate"); !strings.Contains(body, "Abonnement 1") {
			t.Fatalf("subscribe: %s", body)
		}
		if body := command("mmanouk", "/news", "post Kerstborrel | Vrijdag om vier uur in de kantine."); !strings.Contains(body, "Geplaatst als bericht 1") {
			t.Fatalf("post: %s", body)
		}
		var root string
		waitFor(t, 60*time.Second, "the item in the channel", func() bool {
			fake.mu.Lock()
			defer fake.mu.Unlock()
			for _, p := range fake.posts {
				if p.ChannelId == "nieuwskanaal" && strings.Contains(p.Message+fmt.Sprint(p.GetProps()), "Kerstborrel") {
					root = p.Id
					return true
				}
			}
			return false
		})
		waitFor(t, 60*time.Second, "the item's message known", func() bool {
			p, err := s.FindNewsPost(context.Background(), intranet.MessageRef{Platform: intranet.PlatformMattermost, ChannelID: "nieuwskanaal", ID: root})
			return err == nil && len(p.Items) == 1 && p.Items[0] == 1
		})
		fake.threadReply(t, "reply000000000000000000001", "mmjan", "nieuwskanaal", root, "Ik neem taart mee!")
		waitFor(t, 60*time.Second, "the comment", func() bool {
			got := comments(t, s, 1)
			return len(got) == 1 && got[0] == "Jan de Vries: Ik neem taart mee!"
		})
		waitFor(t, 60*time.Second, "the thanks, to Jan alone", func() bool {
			fake.mu.Lock()
			defer fake.mu.Unlock()
			for _, pe := range fake.ephemeral {
				if pe.UserID == "mmjan" && pe.Post.ChannelId == "nieuwskanaal" && pe.Post.RootId == root && strings.Contains(pe.Post.Message, "Dank je! Je reactie (1)") {
					return true
				}
			}
			return false
		})
		m.stop()
		fake.mu.Lock()
		defer fake.mu.Unlock()
		for _, p := range fake.posts {
			if p.ChannelId == "nieuwskanaal" && p.Id != root {
				t.Errorf("posted for all to see: %+v", p)
			}
		}
	})
}
