package slack

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/mock"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

const testSecret = "werkplek-test-signing-secret"

// fakeSlack is an httptest stand-in for Slack's Web API and response_urls:
// it records every call, stores posted messages (with their metadata, for
// conversations.history) and fails calls as a test scripts it.
type fakeSlack struct {
	t   testing.TB
	srv *httptest.Server

	mu        sync.Mutex
	calls     []apiCall
	messages  map[string][]fakeMessage // by channel
	responses []map[string]any         // bodies posted to response_urls
	views     []map[string]any         // views.open bodies
	published []map[string]any         // views.publish bodies
	script    map[string][]failure     // per method, consumed in order
	users     map[string]map[string]any
	// channels are what conversations.info answers; other channel ids
	// are ordinary channels.
	channels map[string]map[string]any
	ts       int
	// socket is the websocket URL apps.connections.open hands out.
	socket string
}

type apiCall struct {
	Method string
	Form   url.Values
}

type fakeMessage struct {
	TS       string          `json:"ts"`
	Text     string          `json:"text"`
	Thread   string          `json:"thread_ts,omitempty"`
	Metadata json.RawMessage `json:"metadata,omitempty"`
	Blocks   json.RawMessage `json:"blocks,omitempty"`
}

// failure is one scripted failed answer.
type failure struct {
	status     int    // HTTP status (429, 500, ...); 0 with slackErr means 200
	retryAfter string // Retry-After header of a 429
	slackErr   string // {"ok":false,"error":slackErr}
	store      bool   // do the work before failing (an ambiguous failure)
}

func newFakeSlack(t testing.TB) *fakeSlack {
	f := &fakeSlack{t: t, messages: map[string][]fakeMessage{}, script: map[string][]failure{}, users: map[string]map[string]any{
		"U0JANDVRIES": {"id": "U0JANDVRIES", "team_id": "T0WRKPLK01", "name": "jan.devries", "real_name": "Jan de Vries", "locale": "nl-NL",
			"profile": map[string]any{"display_name": "Jan", "email": "jan.devries@example.nl"}},
		"U0GUEST0001": {"id": "U0GUEST0001", "team_id": "T0WRKPLK01", "name": "partner", "locale": "en-US", "is_restricted": true,
			"profile": map[string]any{"email": "partner@example.com"}},
	}, channels: map[string]map[string]any{
		"C0GEDEELD01": {"id": "C0GEDEELD01", "name": "zorg-samen", "is_channel": true, "is_shared": true, "is_ext_shared": true},
	}}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeSlack) apiURL() string      { return f.srv.URL + "/api/" }
func (f *fakeSlack) responseURL() string { return f.srv.URL + "/response/T0WRKPLK01/1/abc" }

func (f *fakeSlack) fail(method string, fs ...failure) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.script[method] = append(f.script[method], fs...)
}

func (f *fakeSlack) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	if strings.HasPrefix(r.URL.Path, "/response/") {
		if fl, ok := f.next("response_url"); ok && fl.status != 0 {
			writeFailure(w, fl)
			return
		}
		var m map[string]any
		if err := json.Unmarshal(body, &m); err != nil {
			f.t.Errorf("response_url body: %v", err)
		}
		f.mu.Lock()
		f.responses = append(f.responses, m)
		f.mu.Unlock()
		_, _ = io.WriteString(w, "ok")
		return
	}
	method := strings.TrimPrefix(r.URL.Path, "/api/")
	form, _ := url.ParseQuery(string(body))
	for k, v := range r.URL.Query() {
		form[k] = v
	}
	f.mu.Lock()
	f.calls = append(f.calls, apiCall{Method: method, Form: form})
	f.mu.Unlock()
	fl, failing := f.next(method)
	if failing && !fl.store {
		writeFailure(w, fl)
		return
	}
	resp := f.handle(method, form, body)
	if failing {
		writeFailure(w, fl)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(resp)
}

func writeFailure(w http.ResponseWriter, fl failure) {
	if fl.retryAfter != "" {
		w.Header().Set("Retry-After", fl.retryAfter)
	}
	if fl.status != 0 {
		w.WriteHeader(fl.status)
		_, _ = io.WriteString(w, "<html>trouble</html>")
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]any{"ok": false, "error": fl.slackErr})
}

func (f *fakeSlack) next(method string) (failure, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	q := f.script[method]
	if len(q) == 0 {
		return failure{}, false
	}
	f.script[method] = q[1:]
	return q[0], true
}

// nextTS is a new message's ts as Slack makes it: the time of posting in
// seconds (the history check asks for messages from a time on), with a
// counter after the point to keep it unique.
func (f *fakeSlack) nextTS() string {
	f.ts++
	return fmt.Sprintf("%d.%06d", time.Now().Unix(), f.ts)
}

func (f *fakeSlack) handle(method string, form url.Values, body []byte) map[string]any {
	f.mu.Lock()
	defer f.mu.Unlock()
	switch method {
	case "chat.postMessage":
		m := fakeMessage{TS: f.nextTS(), Text: form.Get("text"), Thread: form.Get("thread_ts")}
		if md := form.Get("metadata"); md != "" {
			m.Metadata = json.RawMessage(md)
		}
		if b := form.Get("blocks"); b != "" {
			m.Blocks = json.RawMessage(b)
		}
		ch := form.Get("channel")
		f.messages[ch] = append(f.messages[ch], m)
		return map[string]any{"ok": true, "channel": ch, "ts": m.TS}
	case "chat.postEphemeral":
		return map[string]any{"ok": true, "message_ts": f.nextTS()}
	case "chat.update":
		ch, ts := form.Get("channel"), form.Get("ts")
		for i, m := range f.messages[ch] {
			if m.TS == ts {
				f.messages[ch][i].Text = form.Get("text")
				return map[string]any{"ok": true, "channel": ch, "ts": ts}
			}
		}
		return map[string]any{"ok": false, "error": "message_not_found"}
	case "conversations.open":
		return map[string]any{"ok": true, "channel": map[string]any{"id": "D" + strings.TrimPrefix(form.Get("users"), "U")}}
	case "conversations.history":
		oldest, _ := strconv.ParseFloat(form.Get("oldest"), 64)
		var out []map[string]any
		msgs := f.messages[form.Get("channel")]
		for i := len(msgs) - 1; i >= 0; i-- { // newest first, as Slack does
			m := msgs[i]
			ts, _ := strconv.ParseFloat(m.TS, 64)
			if ts < oldest {
				continue
			}
			o := map[string]any{"type": "message", "ts": m.TS, "text": m.Text}
			if v := form.Get("include_all_metadata"); (v == "1" || v == "true") && m.Metadata != nil {
				o["metadata"] = m.Metadata
			}
			out = append(out, o)
		}
		return map[string]any{"ok": true, "messages": out, "has_more": false}
	case "users.info":
		u, ok := f.users[form.Get("user")]
		if !ok {
			return map[string]any{"ok": false, "error": "user_not_found"}
		}
		return map[string]any{"ok": true, "user": u}
	case "conversations.info":
		c, ok := f.channels[form.Get("channel")]
		if !ok {
			c = map[string]any{"id": form.Get("channel"), "is_channel": true}
		}
		return map[string]any{"ok": true, "channel": c}
	case "users.list":
		// Two users a page, by id, the cursor their offset: Slack may
		// answer fewer than the limit asked.
		ids := make([]string, 0, len(f.users))
		for id := range f.users {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		start, _ := strconv.Atoi(form.Get("cursor"))
		end := min(start+2, len(ids))
		members := []map[string]any{}
		for _, id := range ids[start:end] {
			members = append(members, f.users[id])
		}
		next := ""
		if end < len(ids) {
			next = strconv.Itoa(end)
		}
		return map[string]any{"ok": true, "members": members, "response_metadata": map[string]any{"next_cursor": next}}
	case "users.lookupByEmail":
		for _, u := range f.users {
			if p, _ := u["profile"].(map[string]any); p != nil && strings.EqualFold(fmt.Sprint(p["email"]), form.Get("email")) {
				return map[string]any{"ok": true, "user": u}
			}
		}
		return map[string]any{"ok": false, "error": "users_not_found"}
	case "views.open":
		var v map[string]any
		if err := json.Unmarshal(body, &v); err != nil {
			f.t.Errorf("views.open body: %v", err)
		}
		f.views = append(f.views, v)
		return map[string]any{"ok": true, "view": map[string]any{"id": "V0NEW"}}
	case "views.publish":
		var v map[string]any
		if err := json.Unmarshal(body, &v); err != nil {
			f.t.Errorf("views.publish body: %v", err)
		}
		f.published = append(f.published, v)
		return map[string]any{"ok": true, "view": map[string]any{"id": "V0HOMEJAN01", "type": "home"}}
	case "apps.connections.open":
		return map[string]any{"ok": true, "url": f.socket}
	}
	f.t.Errorf("fake slack: unexpected method %s", method)
	return map[string]any{"ok": false, "error": "unknown_method"}
}

// callsTo returns the recorded calls of one Web API method.
func (f *fakeSlack) callsTo(method string) []apiCall {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []apiCall
	for _, c := range f.calls {
		if c.Method == method {
			out = append(out, c)
		}
	}
	return out
}

func (f *fakeSlack) allCalls() []apiCall {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]apiCall(nil), f.calls...)
}

func (f *fakeSlack) posted(channel string) []fakeMessage {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]fakeMessage(nil), f.messages[channel]...)
}

func (f *fakeSlack) responseBodies() []map[string]any {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]map[string]any(nil), f.responses...)
}

func (f *fakeSlack) openedViews() []map[string]any {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]map[string]any(nil), f.views...)
}

// publishedViews returns the views.publish bodies (user_id, view).
func (f *fakeSlack) publishedViews() []map[string]any {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]map[string]any(nil), f.published...)
}

// eventually polls cond until it holds or a deadline passes: for answers
// that arrive from background goroutines.
func eventually(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// logBuffer collects log output safely from many goroutines.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// testEnv is an adapter wired to a fake Slack, a mock core (that records
// departures) and an in-memory state store.
type testEnv struct {
	a     *Adapter
	slack *fakeSlack
	core  *mock.Core
	state *mock.StateStore
	logs  *logBuffer
	mux   *http.ServeMux
	waits []time.Duration // what Sleep was asked to wait
	mu    sync.Mutex

	// departures records what the adapter told the core of gone installations.
	departures *mock.Departures
}

func newEnv(t testing.TB, handle func(ctx context.Context, r intranet.Request) (intranet.Reply, error), tweak ...func(*Config)) *testEnv {
	t.Helper()
	e := &testEnv{slack: newFakeSlack(t), state: &mock.StateStore{}, logs: &logBuffer{}, mux: http.NewServeMux()}
	if handle == nil {
		handle = func(ctx context.Context, r intranet.Request) (intranet.Reply, error) {
			return intranet.Reply{Text: "ok: " + r.CommandText()}, nil
		}
	}
	e.core = &mock.Core{HandleFn: handle}
	e.departures = &mock.Departures{}
	cfg := Config{
		SigningSecret: testSecret,
		BotToken:      "xoxb-test",
		APIURL:        e.slack.apiURL(),
		PublicURL:     "https://werkplek.example.nl",
		HTTPClient:    e.slack.srv.Client(),
		Sleep: func(ctx context.Context, d time.Duration) error {
			e.mu.Lock()
			e.waits = append(e.waits, d)
			e.mu.Unlock()
			return nil
		},
		// The backoff's full jitter pinned to its ceiling, so waits compare.
		Jitter: func(ceiling time.Duration) time.Duration { return ceiling },
	}
	for _, fn := range tweak {
		fn(&cfg)
	}
	a, err := New(cfg, departingCore{e.core, e.departures}, e.state, slog.New(slog.NewTextHandler(e.logs, &slog.HandlerOptions{Level: slog.LevelDebug})))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = a.Close() })
	e.a = a
	a.Routes(e.mux)
	return e
}

// departingCore is a core that keeps departures, as the router does.
type departingCore struct {
	*mock.Core
	*mock.Departures
}

func (e *testEnv) sleeps() []time.Duration {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]time.Duration(nil), e.waits...)
}

// do sends a request through the adapter's routes and returns the recorder.
func (e *testEnv) do(r *http.Request) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	e.mux.ServeHTTP(rec, r)
	return rec
}

// signedRequest builds a request signed the way Slack signs, at ts.
func signedRequest(path, contentType string, body []byte, ts time.Time) *http.Request {
	r := httptest.NewRequest(http.MethodPost, path, bytes.NewReader(body))
	r.Header.Set("Content-Type", contentType)
	sec := strconv.FormatInt(ts.Unix(), 10)
	r.Header.Set("X-Slack-Request-Timestamp", sec)
	r.Header.Set("X-Slack-Signature", "v0="+sign(testSecret, sec, body))
	return r
}

func commandRequest(body []byte) *http.Request {
	return signedRequest("/slack/commands", "application/x-www-form-urlencoded", body, time.Now())
}

func interactionRequest(payload []byte) *http.Request {
	body := []byte("payload=" + url.QueryEscape(string(payload)))
	return signedRequest("/slack/interactions", "application/x-www-form-urlencoded", body, time.Now())
}

func eventRequest(body []byte) *http.Request {
	return signedRequest("/slack/events", "application/json", body, time.Now())
}

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// slashForm returns the slash command fixture with its response_url
// pointing at the fake, and with fields replaced as given.
func (e *testEnv) slashForm(t testing.TB, set map[string]string) []byte {
	t.Helper()
	v, err := url.ParseQuery(string(fixture(t, "slash_command.form")))
	if err != nil {
		t.Fatal(err)
	}
	v.Set("response_url", e.slack.responseURL())
	for k, val := range set {
		v.Set(k, val)
	}
	return []byte(v.Encode())
}

// jsonFixture returns a JSON fixture with its response_url pointing at the
// fake, after edit (if any) changed the decoded document.
func (e *testEnv) jsonFixture(t testing.TB, name string, edit func(m map[string]any)) []byte {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(fixture(t, name), &m); err != nil {
		t.Fatal(err)
	}
	if _, ok := m["response_url"]; ok {
		m["response_url"] = e.slack.responseURL()
	}
	if edit != nil {
		edit(m)
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
