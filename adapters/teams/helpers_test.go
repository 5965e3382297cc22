package teams

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/go-cmp/cmp"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/mock"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// Values of the fixtures in testdata/.
const (
	fixtureServiceURL = "https://smba.trafficmanager.net/emea/3fcb4b70-f79a-4ffc-a71b-9592244ececa/"
	tenant            = "3fcb4b70-f79a-4ffc-a71b-9592244ececa"
	appID             = "2a438f2a-3172-4442-bbce-14ab261db1d4"
	botID             = "28:" + appID
	janID             = "29:1kDrPe6wmMvQGY7nU4dINx2eZRwN-ptWPYxAwIZ0DqK7fCOokPyQnP8o4FG5B5EGnwAp-cz2jlPR9-RrxEmlKi-"
	janPersonal       = "a:11sjBNMFZlvLu5MhikfhyPsrTEIXdHJwqRIsBIrlyDrWNHa9ZPJ055h3ZY7Isg_qOwVxQ3pZ9wpzcVRMk245Brxqq-KyzsOnFg4xarI6F3H_r-up8cUb1ErTHEZnVwX5lfi"
	zorgOostChannel   = "19:6e3ca3947c17988120875edcb0c450e1@thread.tacv2"
	algemeenChannel   = "19:7472dc930f7ccff44c3698e3feb947e0@thread.tacv2"
	zorgOostTeam      = "19:9Rw9NSp6lpBOpnbxR5KvW3-_q-UXX84FI0Ta01Mjk4Jy@thread.tacv2"
)

// testKey signs tokens as the Bot Framework would; otherKey is a key the
// key set does not know.
var (
	testKey  = mustKey()
	otherKey = mustKey()
)

func mustKey() *rsa.PrivateKey {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		panic(err)
	}
	return k
}

// clock is a settable time source.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// garbled, queued with failNext, answers 201 with a body that is not JSON.
const garbled = 299

// recorded is one request the fake connector received.
type recorded struct {
	Method string
	// Path is the escaped path, as the adapter sent it.
	Path  string
	Query string
	Auth  string
	Body  string
}

// connectorFake is an httptest Bot Connector and login endpoint. It
// records every call, answers the statuses queued in fail first, and
// serves OpenID metadata and a key set for testKey.
type connectorFake struct {
	t   testing.TB
	srv *httptest.Server

	mu      sync.Mutex
	reqs    []recorded
	fail    []int // statuses to answer next, in order
	members map[string]teamsMember
	nextID  int
	hang    chan struct{} // when set, activity POSTs wait for it to close
	// retryAfter is the Retry-After of a 429; default "2".
	retryAfter string

	// pageSize caps a page of pagedmembers below what the bot asks (0: no cap).
	pageSize int

	metadataFetches atomic.Int32
	rotated         atomic.Bool // the key set holds k2 (otherKey) instead of k1
	tokenRequests   atomic.Int32
	tokenStatus     atomic.Int32 // when set, the token endpoint answers it
}

func newConnector(t testing.TB) *connectorFake {
	c := &connectorFake{t: t, members: map[string]teamsMember{}, retryAfter: "2"}
	c.srv = httptest.NewTLSServer(http.HandlerFunc(c.serve))
	t.Cleanup(c.srv.Close)
	return c
}

// serviceURL has the per-tenant path prefix and trailing slash of the real one.
func (c *connectorFake) serviceURL() string { return c.srv.URL + "/emea/" + tenant + "/" }

func (c *connectorFake) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	switch r.URL.Path {
	case "/openid":
		c.metadataFetches.Add(1)
		json.NewEncoder(w).Encode(map[string]any{"issuer": botFrameworkIssuer, "jwks_uri": c.srv.URL + "/keys"})
		return
	case "/keys":
		if c.rotated.Load() {
			json.NewEncoder(w).Encode(map[string]any{"keys": []any{jwk("k2", &otherKey.PublicKey, "msteams")}})
			return
		}
		json.NewEncoder(w).Encode(map[string]any{"keys": []any{jwk("k1", &testKey.PublicKey, "msteams")}})
		return
	case "/token":
		c.tokenRequests.Add(1)
		if s := c.tokenStatus.Load(); s != 0 {
			w.WriteHeader(int(s))
			fmt.Fprint(w, `{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided.\r\nTrace ID: x"}`)
			return
		}
		form, err := url.ParseQuery(string(body))
		if err != nil || form.Get("grant_type") != "client_credentials" || form.Get("scope") != botFrameworkScope || form.Get("client_id") != appID || form.Get("client_secret") != "secret" {
			http.Error(w, "bad token request", http.StatusBadRequest)
			return
		}
		fmt.Fprintf(w, `{"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,"access_token":"tok-%d"}`, c.tokenRequests.Load())
		return
	}
	c.mu.Lock()
	c.reqs = append(c.reqs, recorded{Method: r.Method, Path: r.URL.EscapedPath(), Query: r.URL.RawQuery, Auth: r.Header.Get("Authorization"), Body: string(body)})
	var status int
	if len(c.fail) > 0 {
		status, c.fail = c.fail[0], c.fail[1:]
	}
	c.nextID++
	id := c.nextID
	hang := c.hang
	c.mu.Unlock()
	if status == garbled {
		w.WriteHeader(http.StatusCreated)
		fmt.Fprint(w, "<html>created</html>")
		return
	}
	if status != 0 {
		if status == http.StatusTooManyRequests {
			c.mu.Lock()
			ra := c.retryAfter
			c.mu.Unlock()
			w.Header().Set("Retry-After", ra)
		}
		w.WriteHeader(status)
		fmt.Fprintf(w, `{"error":{"code":"Fake%d","message":"fake failure"}}`, status)
		return
	}
	prefix := "/emea/" + tenant + "/v3/conversations"
	p := strings.TrimPrefix(r.URL.Path, prefix)
	switch {
	case r.Method == http.MethodPost && p == "":
		w.WriteHeader(http.StatusCreated)
		fmt.Fprint(w, `{"id":"a:created-personal"}`)
	case r.Method == http.MethodPost && strings.Contains(p, "/activities"):
		if hang != nil {
			select {
			case <-hang:
			case <-r.Context().Done():
			}
			return
		}
		w.WriteHeader(http.StatusCreated)
		fmt.Fprintf(w, `{"id":"act-%d"}`, id)
	case r.Method == http.MethodPut:
		fmt.Fprintf(w, `{"id":%q}`, p[strings.LastIndex(p, "/")+1:])
	case r.Method == http.MethodGet && strings.HasSuffix(p, "/pagedmembers"):
		json.NewEncoder(w).Encode(c.page(r.URL.Query()))
	case r.Method == http.MethodGet && strings.Contains(p, "/members/"):
		c.mu.Lock()
		m, ok := c.members[p[strings.LastIndex(p, "/")+1:]]
		c.mu.Unlock()
		if !ok {
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprint(w, `{"error":{"code":"MemberNotFoundInConversation","message":"Member not found in conversation"}}`)
			return
		}
		json.NewEncoder(w).Encode(m)
	default:
		http.NotFound(w, r)
	}
}

// page answers pagedmembers from members, in id order; the continuation
// token is the index of the next member.
func (c *connectorFake) page(q url.Values) map[string]any {
	c.mu.Lock()
	defer c.mu.Unlock()
	ids := make([]string, 0, len(c.members))
	for id := range c.members {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	size, _ := strconv.Atoi(q.Get("pageSize"))
	if c.pageSize > 0 && (size <= 0 || c.pageSize < size) {
		size = c.pageSize
	}
	if size <= 0 {
		size = len(ids)
	}
	start, _ := strconv.Atoi(q.Get("continuationToken"))
	start = min(start, len(ids))
	end := min(start+size, len(ids))
	page := []teamsMember{}
	for _, id := range ids[start:end] {
		page = append(page, c.members[id])
	}
	out := map[string]any{"members": page}
	if end < len(ids) {
		out["continuationToken"] = strconv.Itoa(end)
	}
	return out
}

func (c *connectorFake) requests() []recorded {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]recorded(nil), c.reqs...)
}

func (c *connectorFake) failNext(statuses ...int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.fail = append(c.fail, statuses...)
}

func jwk(kid string, pub *rsa.PublicKey, endorsements ...string) map[string]any {
	return map[string]any{
		"kty": "RSA", "use": "sig", "kid": kid,
		"n":            base64.RawURLEncoding.EncodeToString(pub.N.Bytes()),
		"e":            base64.RawURLEncoding.EncodeToString(big.NewInt(int64(pub.E)).Bytes()),
		"endorsements": endorsements,
	}
}

// env is an adapter wired to fakes.
type env struct {
	t     testing.TB
	a     *Adapter
	core  *mock.Core
	state *mock.StateStore
	conn  *connectorFake
	clock *clock
	mux   *http.ServeMux
	log   *lockedBuffer

	mu    sync.Mutex
	waits []time.Duration
}

// newEnv starts an adapter with inbound and outbound auth against the fake
// connector; edit changes the config first.
func newEnv(t testing.TB, edit func(*Config)) *env {
	t.Helper()
	e := &env{t: t, state: &mock.StateStore{}, conn: newConnector(t), clock: &clock{t: time.Date(2026, 12, 1, 8, 14, 5, 0, time.UTC)}, log: &lockedBuffer{}}
	e.core = &mock.Core{HandleFn: func(ctx context.Context, r intranet.Request) (intranet.Reply, error) {
		return intranet.Reply{Lang: "nl", Title: "Pieter Jansen", Text: "Teamleider Zorg Oost"}, nil
	}}
	cfg := Config{
		AppID:             appID,
		AppPassword:       "secret",
		TenantID:          tenant,
		OpenIDMetadataURL: e.conn.srv.URL + "/openid",
		TokenURL:          e.conn.srv.URL + "/token",
		HTTPClient:        e.conn.srv.Client(),
		Now:               e.clock.Now,
		Sleep: func(ctx context.Context, d time.Duration) error {
			e.mu.Lock()
			defer e.mu.Unlock()
			e.waits = append(e.waits, d)
			return ctx.Err()
		},
		// The backoff's full jitter pinned to its ceiling, so waits compare.
		Jitter: func(ceiling time.Duration) time.Duration { return ceiling },
	}
	if edit != nil {
		edit(&cfg)
	}
	a, err := New(cfg, e.core, e.state, slog.New(slog.NewTextHandler(e.log, &slog.HandlerOptions{Level: slog.LevelDebug})))
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	e.a = a
	e.mux = http.NewServeMux()
	a.Routes(e.mux)
	return e
}

func (e *env) recordedWaits() []time.Duration {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]time.Duration(nil), e.waits...)
}

// fixture reads a testdata activity with its serviceUrl pointed at the
// fake connector.
func (e *env) fixture(name string) []byte {
	e.t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		e.t.Fatal(err)
	}
	return bytes.ReplaceAll(b, []byte(fixtureServiceURL), []byte(e.conn.serviceURL()))
}

// token signs a Bot Framework token for the fake connector's service URL.
func (e *env) token(edit func(jwt.MapClaims)) string {
	claims := jwt.MapClaims{
		"iss":        botFrameworkIssuer,
		"aud":        appID,
		"exp":        e.clock.Now().Add(time.Hour).Unix(),
		"nbf":        e.clock.Now().Add(-time.Minute).Unix(),
		"serviceurl": e.conn.serviceURL(),
	}
	if edit != nil {
		edit(claims)
	}
	return sign(e.t, claims, "k1", testKey)
}

func sign(t testing.TB, claims jwt.MapClaims, kid string, key *rsa.PrivateKey) string {
	t.Helper()
	tok := jwt.NewWithClaims(jwt.SigningMethodRS256, claims)
	tok.Header["kid"] = kid
	s, err := tok.SignedString(key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// post sends an activity to the handler with the given bearer token (none
// when empty) and waits until the reply was sent.
func (e *env) post(body []byte, token string) *httptest.ResponseRecorder {
	e.t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/api/messages", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	rec := httptest.NewRecorder()
	e.mux.ServeHTTP(rec, req)
	e.settle()
	return rec
}

// settle waits for the replies in flight.
func (e *env) settle() {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if err := e.a.turns.Wait(ctx); err != nil {
		e.t.Fatalf("replies still in flight: %v", err)
	}
}

func (e *env) stateValue(ns, key string) map[string]any {
	e.t.Helper()
	s, err := e.state.State(context.Background(), ns, key)
	if err != nil {
		e.t.Fatalf("state %s %s: %v", ns, key, err)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		e.t.Fatal(err)
	}
	return m
}

// lockedBuffer is a log sink for concurrent writers.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// golden compares got (JSON-marshalled, indented) with testdata/name, or
// rewrites the file with -update.
func golden(t *testing.T, name string, got any) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(got); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(b)); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", name, diff)
	}
}
