package mattermost

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/mattermost/mattermost/server/public/model"
)

// fakeMM is a fake Mattermost server: the REST routes the adapter calls and
// the websocket, speaking the real model types.
type fakeMM struct {
	t     testing.TB
	srv   *httptest.Server
	token string
	bot   *model.User
	users map[string]*model.User
	// channels are what GET /channels/{id} answers (under mu); other ids
	// are ordinary open channels.
	channels map[string]*model.Channel
	teams    []*model.Team
	failMu   sync.Mutex
	// fail holds statuses to answer, in order, before serving a route
	// ("POST /api/v4/posts").
	fail map[string][]int
	// retryAfter is the Retry-After header sent with a 429.
	retryAfter string
	// hideEmails answers a lookup by email with 403, as a server whose
	// privacy settings hide emails from the bot.
	hideEmails bool

	mu         sync.Mutex
	commands   map[string]*model.Command
	posts      map[string]*model.Post
	postOrder  []string
	pending    map[string]string
	ephemeral  []*model.PostEphemeral
	dialogs    []model.OpenDialogRequest
	hooks      [][]byte // bodies posted to /hooks/commands/...
	calls      map[string]int
	wsConns    int
	wsConn     *websocket.Conn
	wsReady    chan struct{}
	dialogFail bool
	// loseAnswers makes the next post creations succeed but answer 500, as
	// when a proxy times out after the server saved the post.
	loseAnswers int
	// revoked makes the server refuse the bot token: 401 on the REST API,
	// and the websocket closed after its authentication challenge, as
	// Mattermost does.
	revoked bool
}

const (
	botID   = "t5w6a1gwuiyqzcfqzaf36mk8fy"
	janID   = "pbai4ko8ojd8fy8r9gfwepskso"
	guestID = "g0esttttttttttttttttttttt1"
	teamID  = "r67iq3c7r7ycmc9wki93bztbtr"
	// sharedChannel is shared with another Mattermost server.
	sharedChannel = "sh4redchanne1w1thpartner01"
)

func newFakeMM(t testing.TB) *fakeMM {
	f := &fakeMM{
		t:     t,
		token: "bot-token",
		bot:   &model.User{Id: botID, Username: "werkplek", IsBot: true, Roles: "system_user"},
		users: map[string]*model.User{
			janID:   {Id: janID, Username: "jan.devries", Email: "jan.devries@example.nl", Locale: "nl", Roles: "system_user"},
			guestID: {Id: guestID, Username: "partner", Email: "partner@extern.example", Locale: "en", Roles: "system_guest"},
		},
		teams:    []*model.Team{{Id: teamID, Name: "werkplek", DisplayName: "Werkplek"}, {Id: "team2team2team2team2team22", Name: "zorg"}},
		channels: map[string]*model.Channel{sharedChannel: {Id: sharedChannel, Name: "zorg-samen", Type: model.ChannelTypeOpen, Shared: model.NewPointer(true)}},
		fail:     map[string][]int{},
		commands: map[string]*model.Command{},
		posts:    map[string]*model.Post{},
		pending:  map[string]string{},
		calls:    map[string]int{},
		wsReady:  make(chan struct{}, 10),
	}
	f.users[botID] = f.bot
	mux := http.NewServeMux()
	// wrap counts a call of the route key, checks the token and answers a
	// scripted failure before h.
	wrap := func(key string, h func(w http.ResponseWriter, r *http.Request)) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			f.mu.Lock()
			f.calls[key]++
			f.mu.Unlock()
			if !strings.EqualFold(r.Header.Get("Authorization"), "Bearer "+f.validToken()) {
				appError(w, http.StatusUnauthorized, "api.context.session_expired.app_error")
				return
			}
			if code := f.nextFailure(key); code != 0 {
				if code == http.StatusTooManyRequests {
					w.Header().Set("Retry-After", f.retryAfter)
				}
				appError(w, code, "fake.failure")
				return
			}
			h(w, r)
		}
	}
	api := func(pattern string, h func(w http.ResponseWriter, r *http.Request)) {
		method, path, _ := strings.Cut(pattern, " ")
		mux.HandleFunc(method+" /api/v4"+path, wrap(pattern, h))
	}
	api("GET /users", func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		defer f.mu.Unlock()
		ids := make([]string, 0, len(f.users))
		for id := range f.users {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		per, _ := strconv.Atoi(r.URL.Query().Get("per_page"))
		out := []*model.User{}
		for i := page * per; i < len(ids) && i < (page+1)*per; i++ {
			out = append(out, f.users[ids[i]])
		}
		writeJSONT(w, out)
	})
	api("GET /users/me", func(w http.ResponseWriter, r *http.Request) { writeJSONT(w, f.bot) })
	api("GET /users/{id}", func(w http.ResponseWriter, r *http.Request) {
		u, ok := f.users[r.PathValue("id")]
		if !ok {
			appError(w, http.StatusNotFound, "app.user.missing_account.const")
			return
		}
		writeJSONT(w, u)
	})
	// /users/email/{email} and /users/{id}/teams overlap as patterns
	// (/users/email/teams): one route serves both.
	userTeams := wrap("GET /users/{id}/teams", func(w http.ResponseWriter, r *http.Request) { writeJSONT(w, f.teams) })
	userByEmail := wrap("GET /users/email/{email}", func(w http.ResponseWriter, r *http.Request) {
		if f.hideEmails {
			appError(w, http.StatusForbidden, "api.user.get_user_by_email.permissions.app_error")
			return
		}
		f.mu.Lock()
		defer f.mu.Unlock()
		for _, u := range f.users {
			if strings.EqualFold(u.Email, r.PathValue("what")) {
				writeJSONT(w, u)
				return
			}
		}
		appError(w, http.StatusNotFound, "app.user.missing_account.const")
	})
	mux.HandleFunc("GET /api/v4/users/{id}/{what}", func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.PathValue("id") == "email":
			userByEmail(w, r)
		case r.PathValue("what") == "teams":
			userTeams(w, r)
		default:
			appError(w, http.StatusNotFound, "api.context.404.app_error")
		}
	})
	api("GET /commands", func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		defer f.mu.Unlock()
		out := []*model.Command{}
		for _, c := range f.commands {
			if c.TeamId == r.URL.Query().Get("team_id") {
				out = append(out, c)
			}
		}
		writeJSONT(w, out)
	})
	api("POST /commands", func(w http.ResponseWriter, r *http.Request) {
		var c model.Command
		if json.NewDecoder(r.Body).Decode(&c) != nil {
			appError(w, 400, "bad")
			return
		}
		c.Trigger = strings.ToLower(c.Trigger)
		if err := validCommand(&c); err != "" {
			appError(w, 400, err)
			return
		}
		f.mu.Lock()
		defer f.mu.Unlock()
		for _, o := range f.commands {
			if o.TeamId == c.TeamId && o.Trigger == c.Trigger {
				appError(w, 400, "api.command.duplicate_trigger.app_error")
				return
			}
		}
		c.Id, c.Token, c.CreatorId = model.NewId(), model.NewId(), botID
		f.commands[c.Id] = &c
		writeJSONStatus(w, http.StatusCreated, &c)
	})
	api("PUT /commands/{id}", func(w http.ResponseWriter, r *http.Request) {
		var c model.Command
		if json.NewDecoder(r.Body).Decode(&c) != nil {
			appError(w, 400, "bad")
			return
		}
		f.mu.Lock()
		defer f.mu.Unlock()
		old, ok := f.commands[r.PathValue("id")]
		if !ok {
			appError(w, 404, "missing")
			return
		}
		c.Id, c.Token, c.TeamId, c.CreatorId = old.Id, old.Token, old.TeamId, old.CreatorId
		f.commands[c.Id] = &c
		writeJSONT(w, &c)
	})
	api("POST /posts", func(w http.ResponseWriter, r *http.Request) {
		var p model.Post
		if json.NewDecoder(r.Body).Decode(&p) != nil || p.ChannelId == "" {
			appError(w, 400, "bad")
			return
		}
		f.mu.Lock()
		defer f.mu.Unlock()
		// Like deduplicateCreatePost: a pending_post_id seen before returns the same post.
		if id, ok := f.pending[p.PendingPostId]; ok && p.PendingPostId != "" {
			writeJSONStatus(w, http.StatusCreated, f.posts[id])
			return
		}
		p.Id, p.UserId, p.CreateAt = model.NewId(), botID, model.GetMillis()
		f.posts[p.Id] = &p
		f.postOrder = append(f.postOrder, p.Id)
		if p.PendingPostId != "" {
			f.pending[p.PendingPostId] = p.Id
		}
		if f.loseAnswers > 0 {
			f.loseAnswers--
			appError(w, http.StatusBadGateway, "fake.lost_answer")
			return
		}
		writeJSONStatus(w, http.StatusCreated, &p)
	})
	api("PUT /posts/{id}/patch", func(w http.ResponseWriter, r *http.Request) {
		var patch model.PostPatch
		if json.NewDecoder(r.Body).Decode(&patch) != nil {
			appError(w, 400, "bad")
			return
		}
		f.mu.Lock()
		defer f.mu.Unlock()
		p, ok := f.posts[r.PathValue("id")]
		if !ok {
			appError(w, 404, "app.post.get.app_error")
			return
		}
		p.Patch(&patch)
		writeJSONT(w, p)
	})
	api("POST /posts/ephemeral", func(w http.ResponseWriter, r *http.Request) {
		var pe model.PostEphemeral
		if json.NewDecoder(r.Body).Decode(&pe) != nil || pe.Post == nil {
			appError(w, 400, "bad")
			return
		}
		f.mu.Lock()
		f.ephemeral = append(f.ephemeral, &pe)
		f.mu.Unlock()
		writeJSONStatus(w, http.StatusCreated, pe.Post)
	})
	api("GET /channels/{id}", func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		c, ok := f.channels[r.PathValue("id")]
		f.mu.Unlock()
		if !ok {
			c = &model.Channel{Id: r.PathValue("id"), Type: model.ChannelTypeOpen}
		}
		writeJSONT(w, c)
	})
	api("POST /channels/direct", func(w http.ResponseWriter, r *http.Request) {
		var ids []string
		if json.NewDecoder(r.Body).Decode(&ids) != nil || len(ids) != 2 {
			appError(w, 400, "bad")
			return
		}
		writeJSONT(w, &model.Channel{Id: "dm" + ids[1][:24], Type: model.ChannelTypeDirect, Name: model.GetDMNameFromIds(ids[0], ids[1])})
	})
	api("POST /actions/dialogs/open", func(w http.ResponseWriter, r *http.Request) {
		var d model.OpenDialogRequest
		if json.NewDecoder(r.Body).Decode(&d) != nil {
			appError(w, 400, "bad")
			return
		}
		if err := d.IsValid(); err != nil || f.dialogFail {
			appError(w, 400, "interactive_dialog.invalid")
			return
		}
		f.mu.Lock()
		f.dialogs = append(f.dialogs, d)
		f.mu.Unlock()
		w.WriteHeader(http.StatusOK)
	})
	mux.HandleFunc("POST /hooks/commands/{id}", func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		f.mu.Lock()
		f.hooks = append(f.hooks, b)
		f.mu.Unlock()
	})
	up := websocket.Upgrader{}
	mux.HandleFunc("GET /api/v4/websocket", func(w http.ResponseWriter, r *http.Request) {
		conn, err := up.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		var req model.WebSocketRequest
		if err := conn.ReadJSON(&req); err != nil || req.Action != string(model.WebsocketAuthenticationChallenge) || req.Data["token"] != f.validToken() {
			conn.Close()
			return
		}
		resp, _ := model.NewWebSocketResponse(model.StatusOk, req.Seq, nil).ToJSON()
		hello, _ := model.NewWebSocketEvent(model.WebsocketEventHello, "", "", botID, nil, "").SetSequence(0).ToJSON()
		f.mu.Lock()
		f.wsConns++
		f.wsConn = conn
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
	f.srv = httptest.NewServer(mux)
	t.Cleanup(f.srv.Close)
	return f
}

func validCommand(c *model.Command) string {
	if reserved[c.Trigger] || !triggerRE.MatchString(c.Trigger) {
		return "model.command.is_valid.trigger.app_error"
	}
	if c.Method != model.CommandMethodPost && c.Method != model.CommandMethodGet {
		return "model.command.is_valid.method.app_error"
	}
	if len(c.DisplayName) > 64 || len(c.Description) > 128 || !model.IsValidHTTPURL(c.URL) {
		return "model.command.is_valid.app_error"
	}
	return ""
}

// revoke makes the bot token stop working (true) or work again.
func (f *fakeMM) revoke(revoked bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.revoked = revoked
}

// validToken is the token the server accepts now ("" none).
func (f *fakeMM) validToken() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.revoked {
		return ""
	}
	return f.token
}

func (f *fakeMM) failNext(route string, codes ...int) {
	f.failMu.Lock()
	defer f.failMu.Unlock()
	f.fail[route] = append(f.fail[route], codes...)
}

func (f *fakeMM) nextFailure(route string) int {
	f.failMu.Lock()
	defer f.failMu.Unlock()
	q := f.fail[route]
	if len(q) == 0 {
		return 0
	}
	f.fail[route] = q[1:]
	return q[0]
}

// send writes one event to the current websocket connection.
func (f *fakeMM) send(b []byte) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.wsConn.WriteMessage(websocket.TextMessage, b); err != nil {
		f.t.Errorf("ws send: %v", err)
	}
}

// drop closes the current websocket connection abruptly.
func (f *fakeMM) drop() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.wsConn.Close()
}

func (f *fakeMM) allPosts() []*model.Post {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]*model.Post, 0, len(f.postOrder))
	for _, id := range f.postOrder {
		out = append(out, f.posts[id].Clone())
	}
	return out
}

func (f *fakeMM) callCount(route string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls[route]
}

func appError(w http.ResponseWriter, code int, id string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(model.NewAppError("fake", id, nil, "", code))
}

func writeJSONT(w http.ResponseWriter, v any) { writeJSONStatus(w, http.StatusOK, v) }

func writeJSONStatus(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}

// eventually polls cond until it holds or a deadline passes.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
