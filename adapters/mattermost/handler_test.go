package mattermost

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/mattermost/mattermost/server/public/model"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/mock"
)

// fixtureToken is the command token in testdata/slash_command.form.
const fixtureToken = "u93q8ikf9fr63rigistt18i5wy"

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

type env struct {
	a     *Adapter
	core  *mock.Core
	state *mock.StateStore
	mm    *fakeMM
	mux   *http.ServeMux
	logs  *syncBuffer

	mu     sync.Mutex
	sleeps []time.Duration

	// departures records what the adapter told the core of its bot token.
	departures *mock.Departures
}

// departingCore is a core that keeps departures, as the router does.
type departingCore struct {
	*mock.Core
	*mock.Departures
}

func (e *env) slept() []time.Duration {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]time.Duration(nil), e.sleeps...)
}

// newEnv builds an adapter against a fake Mattermost; edit changes the config first.
func newEnv(t testing.TB, edit func(*Config)) *env {
	t.Helper()
	e := &env{mm: newFakeMM(t), state: &mock.StateStore{}, logs: &syncBuffer{}}
	e.core = &mock.Core{HandleFn: func(ctx context.Context, r intranet.Request) (intranet.Reply, error) {
		return intranet.Reply{Text: "ok: " + r.CommandText()}, nil
	}}
	cfg := Config{
		URL:           e.mm.srv.URL,
		BotToken:      e.mm.token,
		CommandTokens: []string{fixtureToken},
		PublicURL:     "https://werkplek.example.nl/",
		Secret:        testSecret,
		Language:      "nl",
		Installation:  "chat.example.nl",
		HTTPClient:    e.mm.srv.Client(),
		Now:           func() time.Time { return testNow },
		RetryBase:     time.Second,
		Sleep: func(ctx context.Context, d time.Duration) error {
			e.mu.Lock()
			e.sleeps = append(e.sleeps, d)
			e.mu.Unlock()
			return ctx.Err()
		},
		// The backoff's full jitter pinned to its ceiling, so waits compare.
		Jitter:        func(ceiling time.Duration) time.Duration { return ceiling },
		ReconnectBase: time.Millisecond,
		ReconnectMax:  5 * time.Millisecond,
	}
	if edit != nil {
		edit(&cfg)
	}
	e.departures = &mock.Departures{}
	a, err := New(cfg, departingCore{e.core, e.departures}, e.state, e.state, slog.New(slog.NewTextHandler(e.logs, nil)))
	if err != nil {
		t.Fatal(err)
	}
	e.a = a
	e.mux = http.NewServeMux()
	a.Routes(e.mux)
	return e
}

func (e *env) do(method, path, contentType string, body []byte, header http.Header) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, path, bytes.NewReader(body))
	if contentType != "" {
		r.Header.Set("Content-Type", contentType)
	}
	for k, v := range header {
		r.Header[k] = v
	}
	w := httptest.NewRecorder()
	e.mux.ServeHTTP(w, r)
	return w
}

func (e *env) command(body []byte, token string) *httptest.ResponseRecorder {
	h := http.Header{}
	if token != "" {
		h.Set("Authorization", "Token "+token)
	}
	return e.do("POST", CommandPath, "application/x-www-form-urlencoded", body, h)
}

// fixtureForm returns the slash-command fixture with its response_url
// pointed at the fake server, and changes applied.
func (e *env) fixtureForm(t testing.TB, set map[string]string) []byte {
	t.Helper()
	v, err := url.ParseQuery(string(mustRead(t, "testdata/slash_command.form")))
	if err != nil {
		t.Fatal(err)
	}
	v.Set("response_url", e.mm.srv.URL+"/hooks/commands/1mq4nzi8z7bz7fkxygjadm48xe")
	for k, x := range set {
		v.Set(k, x)
	}
	return []byte(v.Encode())
}

func decode[T any](t *testing.T, b []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("decode %s: %v", b, err)
	}
	return v
}

var janUser = intranet.User{ID: janID, Name: "jan.devries", Email: "jan.devries@example.nl", Locale: "nl"}

func TestCommandFixture(t *testing.T) {
	e := newEnv(t, nil)
	e.core.HandleFn = func(ctx context.Context, r intranet.Request) (intranet.Reply, error) { return phonebookReply(), nil }
	// The fixture exactly as Mattermost sends it, response_url included.
	w := e.command(mustRead(t, "testdata/slash_command.form"), fixtureToken)
	if w.Code != 200 || w.Header().Get("Content-Type") != "application/json" {
		t.Fatalf("status %d %q: %s", w.Code, w.Header().Get("Content-Type"), w.Body)
	}
	resp := decode[model.CommandResponse](t, w.Body.Bytes())
	if resp.ResponseType != model.CommandResponseTypeEphemeral || len(resp.Attachments) != 2 {
		t.Errorf("response = %+v", resp)
	}
	want := []intranet.Request{{
		Platform: intranet.PlatformMattermost, Installation: "chat.example.nl", User: janUser,
		Channel: intranet.Channel{ID: "6ad9ax9b9frp9noynkbcgyu1dr", Name: "algemeen"},
		Text:    "/phonebook jansen",
	}}
	if diff := cmp.Diff(want, e.core.Requests()); diff != "" {
		t.Errorf("requests (-want +got):\n%s", diff)
	}
	golden(t, "handler_command_phonebook", resp)
}

func TestCommandGETAndRegisteredToken(t *testing.T) {
	e := newEnv(t, func(c *Config) { c.CommandTokens = nil })
	if err := e.state.SetState(context.Background(), tokenNamespace, teamID+"/phonebook", "registeredtoken"); err != nil {
		t.Fatal(err)
	}
	q := e.fixtureForm(t, map[string]string{"text": "  pieter  ", "command": "/Telefoon"})
	h := http.Header{"Authorization": {"Token registeredtoken"}}
	w := e.do("GET", CommandPath+"?"+string(q), "", nil, h)
	if w.Code != 200 {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	if got := e.core.Requests()[0].Text; got != "/telefoon pieter" {
		t.Errorf("text = %q", got)
	}
	// A Bearer header (outgoing OAuth) falls back to the token in the form.
	w = e.do("POST", CommandPath, "application/x-www-form-urlencoded", e.fixtureForm(t, map[string]string{"token": "registeredtoken"}), http.Header{"Authorization": {"Bearer oauth"}})
	if w.Code != 200 {
		t.Fatalf("bearer fallback: status %d", w.Code)
	}
}

func TestCommandInChannelAndFailure(t *testing.T) {
	e := newEnv(t, nil)
	e.core.HandleFn = func(ctx context.Context, r intranet.Request) (intranet.Reply, error) {
		return intranet.Reply{Visibility: intranet.InChannel, Text: "Er ging iets mis (ref abc123)."}, &intranet.Failure{Ref: "abc123", Err: io.ErrUnexpectedEOF}
	}
	w := e.command(e.fixtureForm(t, nil), fixtureToken)
	resp := decode[model.CommandResponse](t, w.Body.Bytes())
	if resp.ResponseType != model.CommandResponseTypeInChannel || !strings.Contains(resp.Text, "abc123") {
		t.Errorf("response = %+v", resp)
	}
	if !strings.Contains(e.logs.String(), "ref=abc123") {
		t.Errorf("failure not logged with its ref:\n%s", e.logs)
	}
}

func TestCommandSlowAnswersThroughResponseURL(t *testing.T) {
	e := newEnv(t, func(c *Config) { c.CommandDeadline = 10 * time.Millisecond })
	release := make(chan struct{})
	e.core.HandleFn = func(ctx context.Context, r intranet.Request) (intranet.Reply, error) {
		<-release
		return intranet.Reply{Text: "klaar", Visibility: intranet.InChannel}, nil
	}
	w := e.command(e.fixtureForm(t, nil), fixtureToken)
	resp := decode[model.CommandResponse](t, w.Body.Bytes())
	if resp.ResponseType != model.CommandResponseTypeEphemeral || !strings.Contains(resp.Text, "Even geduld") {
		t.Fatalf("first answer = %+v", resp)
	}
	close(release)
	eventually(t, "late answer", func() bool {
		e.mm.mu.Lock()
		defer e.mm.mu.Unlock()
		return len(e.mm.hooks) == 1
	})
	late := decode[model.CommandResponse](t, e.mm.hooks[0])
	if late.Text != "klaar" || late.ResponseType != model.CommandResponseTypeInChannel {
		t.Errorf("late answer = %+v", late)
	}
}

func TestCommandOpensForm(t *testing.T) {
	e := newEnv(t, nil)
	form := &intranet.Form{ID: "handover.request", Title: "Dienst overdragen", Fields: []intranet.FormField{{Name: "date", Label: "Datum", Kind: intranet.FieldDate, Required: true}}}
	e.core.HandleFn = func(ctx context.Context, r intranet.Request) (intranet.Reply, error) {
		return intranet.Reply{Text: "Typ `/handover request <datum>`", Form: form}, nil
	}
	w := e.command(e.fixtureForm(t, nil), fixtureToken)
	resp := decode[model.CommandResponse](t, w.Body.Bytes())
	if resp.Text != "" {
		t.Errorf("text shown although the dialog opened: %q", resp.Text)
	}
	if len(e.mm.dialogs) != 1 {
		t.Fatalf("dialogs opened: %d", len(e.mm.dialogs))
	}
	d := e.mm.dialogs[0]
	v, _ := url.ParseQuery(string(mustRead(t, "testdata/slash_command.form")))
	if d.TriggerId != v.Get("trigger_id") || d.URL != "https://werkplek.example.nl/mattermost/dialogs" || d.Dialog.CallbackId != "handover.request" {
		t.Errorf("dialog request = %+v", d)
	}

	// Without a working trigger the text (naming the typed command) is shown.
	e.mm.dialogFail = true
	w = e.command(e.fixtureForm(t, nil), fixtureToken)
	if resp := decode[model.CommandResponse](t, w.Body.Bytes()); !strings.Contains(resp.Text, "/handover request") {
		t.Errorf("fallback text = %q", resp.Text)
	}
}

// signedAction returns the post_action fixture with a context signed as ours.
func signedAction(t *testing.T, command, confirm string, exp time.Time) []byte {
	t.Helper()
	var in map[string]any
	if err := json.Unmarshal(mustRead(t, "testdata/post_action.json"), &in); err != nil {
		t.Fatal(err)
	}
	in["context"] = signAction(testSecret, command, confirm, exp)
	b, _ := json.Marshal(in)
	return b
}

func TestActionReplacesPost(t *testing.T) {
	e := newEnv(t, nil)
	e.core.HandleFn = func(ctx context.Context, r intranet.Request) (intranet.Reply, error) {
		return intranet.Reply{ReplaceOriginal: true, Text: "*Overgenomen* door <@" + r.User.ID + "|" + r.User.Name + ">."}, nil
	}
	w := e.do("POST", ActionsPath, "application/json", signedAction(t, "/handover take 1042", "", testNow.Add(time.Hour)), nil)
	if w.Code != 200 {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	resp := decode[model.PostActionIntegrationResponse](t, w.Body.Bytes())
	if resp.Update == nil || resp.Update.Message != "**Overgenomen** door @jan.devries." {
		t.Errorf("response = %+v", resp)
	}
	want := []intranet.Request{{
		Platform: intranet.PlatformMattermost, Installation: "chat.example.nl", User: janUser,
		Channel: intranet.Channel{ID: "deojc8rixfnsmxe61kx1dqcfmy", Name: "team-zorg-oost"},
		Action:  &intranet.Action{Command: "/handover take 1042"},
		Message: &intranet.MessageRef{Platform: intranet.PlatformMattermost, Installation: "chat.example.nl", ChannelID: "deojc8rixfnsmxe61kx1dqcfmy", ID: "3zh7896fjtbrtjtak1fyrtpzkw"},
	}}
	if diff := cmp.Diff(want, e.core.Requests()); diff != "" {
		t.Errorf("requests (-want +got):\n%s", diff)
	}
}

func TestActionEphemeralAndInChannel(t *testing.T) {
	e := newEnv(t, nil)
	reply := intranet.Reply{Text: "alleen voor jou"}
	e.core.HandleFn = func(ctx context.Context, r intranet.Request) (intranet.Reply, error) { return reply, nil }
	body := signedAction(t, "/phonebook jansen page:2", "", testNow.Add(time.Hour))
	resp := decode[model.PostActionIntegrationResponse](t, e.do("POST", ActionsPath, "application/json", body, nil).Body.Bytes())
	if resp.EphemeralText != "alleen voor jou" || resp.Update != nil {
		t.Errorf("ephemeral text response = %+v", resp)
	}
	// With sections the answer goes out as an ephemeral post, which keeps the attachments.
	reply = phonebookReply()
	e.do("POST", ActionsPath, "application/json", body, nil)
	if len(e.mm.ephemeral) != 1 || e.mm.ephemeral[0].UserID != janID || len(e.mm.ephemeral[0].Post.Attachments()) != 2 {
		t.Errorf("ephemeral posts = %+v", e.mm.ephemeral)
	}
	// In-channel answers are posted by the bot.
	reply = intranet.Reply{Visibility: intranet.InChannel, Text: "voor iedereen"}
	e.do("POST", ActionsPath, "application/json", body, nil)
	posts := e.mm.allPosts()
	if len(posts) != 1 || posts[0].Message != "voor iedereen" || posts[0].ChannelId != "deojc8rixfnsmxe61kx1dqcfmy" {
		t.Errorf("posts = %+v", posts)
	}
}

func TestActionConfirmThroughDialog(t *testing.T) {
	e := newEnv(t, nil)
	body := signedAction(t, "/handover cancel 1042", `{"title":"Intrekken?","text":"Zeker?"}`, testNow.Add(time.Hour))
	w := e.do("POST", ActionsPath, "application/json", body, nil)
	if w.Code != 200 || len(e.core.Requests()) != 0 {
		t.Fatalf("press with confirmation: status %d, core called %d times", w.Code, len(e.core.Requests()))
	}
	if len(e.mm.dialogs) != 1 || e.mm.dialogs[0].Dialog.Title != "Intrekken?" {
		t.Fatalf("confirmation dialog = %+v", e.mm.dialogs)
	}
	// Submitting the confirmation presses the button.
	var sub model.SubmitDialogRequest
	_ = json.Unmarshal(mustRead(t, "testdata/dialog_submission.json"), &sub)
	sub.CallbackId, sub.State, sub.Submission = "confirm", e.mm.dialogs[0].Dialog.State, map[string]any{}
	b, _ := json.Marshal(sub)
	if w := e.do("POST", DialogsPath, "application/json", b, nil); w.Code != 200 {
		t.Fatalf("confirm submit: %d %s", w.Code, w.Body)
	}
	reqs := e.core.Requests()
	if len(reqs) != 1 || reqs[0].Action == nil || reqs[0].Action.Command != "/handover cancel 1042" || reqs[0].Message == nil || reqs[0].Message.ID != "3zh7896fjtbrtjtak1fyrtpzkw" {
		t.Errorf("confirmed request = %+v", reqs)
	}
}

func signedDialog(t *testing.T, st dialogState) []byte {
	t.Helper()
	var in map[string]any
	if err := json.Unmarshal(mustRead(t, "testdata/dialog_submission.json"), &in); err != nil {
		t.Fatal(err)
	}
	in["state"] = signState(testSecret, st)
	b, _ := json.Marshal(in)
	return b
}

func TestDialogSubmission(t *testing.T) {
	e := newEnv(t, nil)
	var errs map[string]string
	e.core.HandleFn = func(ctx context.Context, r intranet.Request) (intranet.Reply, error) {
		return intranet.Reply{Text: "Je vraag staat in ~team-zorg-oost.", FieldErrors: errs}, nil
	}
	body := signedDialog(t, dialogState{Kind: "form", FormID: "handover.request", Exp: testNow.Add(time.Hour).Unix()})

	errs = map[string]string{"date": "Die datum is al voorbij."}
	w := e.do("POST", DialogsPath, "application/json", body, nil)
	resp := decode[model.SubmitDialogResponse](t, w.Body.Bytes())
	if diff := cmp.Diff(errs, resp.Errors); diff != "" {
		t.Errorf("field errors (-want +got):\n%s", diff)
	}
	want := intranet.Request{
		Platform: intranet.PlatformMattermost, Installation: "chat.example.nl",
		User:    intranet.User{ID: janID, Name: "jan.devries", Email: "jan.devries@example.nl", Locale: "nl"},
		Channel: intranet.Channel{ID: "deojc8rixfnsmxe61kx1dqcfmy"},
		Form: &intranet.FormSubmission{FormID: "handover.request", Values: map[string]string{
			"date": "2026-12-03", "note": "Cliëntenpool Oost-2, sleutels liggen bij de balie.", "shift": "early"}},
	}
	if diff := cmp.Diff(want, e.core.Requests()[0]); diff != "" {
		t.Errorf("request (-want +got):\n%s", diff)
	}

	// Accepted: the dialog closes and the answer is shown to the person.
	errs = nil
	w = e.do("POST", DialogsPath, "application/json", body, nil)
	if resp := decode[model.SubmitDialogResponse](t, w.Body.Bytes()); len(resp.Errors) != 0 {
		t.Errorf("errors on success: %+v", resp)
	}
	if len(e.mm.ephemeral) != 1 || e.mm.ephemeral[0].Post.Message != "Je vraag staat in ~team-zorg-oost." {
		t.Errorf("answer not shown: %+v", e.mm.ephemeral)
	}

	// Cancelled: nothing happens.
	var m map[string]any
	_ = json.Unmarshal(body, &m)
	m["cancelled"] = true
	b, _ := json.Marshal(m)
	if w := e.do("POST", DialogsPath, "application/json", b, nil); w.Code != 200 || len(e.core.Requests()) != 2 {
		t.Errorf("cancel: status %d, core calls %d", w.Code, len(e.core.Requests()))
	}
}

func TestSubmissionValue(t *testing.T) {
	for in, want := range map[any]string{nil: "", "x": "x", true: "true", false: "false", 3.0: "3", 2.5: "2.5"} {
		if got := submissionValue(in); got != want {
			t.Errorf("submissionValue(%v) = %q, want %q", in, got, want)
		}
	}
}

// Refused requests get the right status, a log line, and never reach the core.
func TestBadInput(t *testing.T) {
	e := newEnv(t, nil)
	okForm := e.fixtureForm(t, nil)
	noToken := e.fixtureForm(t, map[string]string{"token": ""})
	long := e.fixtureForm(t, map[string]string{"text": strings.Repeat("a", intranet.MaxTextLength+1)})
	huge := append([]byte("text="), bytes.Repeat([]byte("a"), maxBody+10)...)
	forged := mustRead(t, "testdata/post_action.json") // context carries no signature
	expired := signedAction(t, "/handover take 1042", "", testNow.Add(-time.Second))
	var tampered map[string]any
	_ = json.Unmarshal(signedAction(t, "/handover take 1042", "", testNow.Add(time.Hour)), &tampered)
	tampered["context"].(map[string]any)["command"] = "/admin delete everything"
	tamperedB, _ := json.Marshal(tampered)
	stringExp := signedAction(t, "/x", "", testNow.Add(time.Hour))
	stringExp = bytes.Replace(stringExp, []byte(`"exp":`), []byte(`"exp":"1`), 1)
	badDialog := mustRead(t, "testdata/dialog_submission.json") // state "handover:new" is not ours
	oldDialog := signedDialog(t, dialogState{Kind: "form", FormID: "x", Exp: testNow.Add(-time.Minute).Unix()})
	otherKey := []byte(strings.Replace(string(signedDialog(t, dialogState{Kind: "form", FormID: "x", Exp: testNow.Add(time.Hour).Unix()})), `"state":"`, `"state":"e30.`, 1))

	tests := []struct {
		name       string
		method     string
		path, ct   string
		body       []byte
		token      string
		wantStatus int
		wantText   string
	}{
		{"CommandMissingToken", "POST", CommandPath, "application/x-www-form-urlencoded", noToken, "", 401, ""},
		{"CommandWrongBodyToken", "POST", CommandPath, "application/x-www-form-urlencoded", e.fixtureForm(t, map[string]string{"token": "nope"}), "", 401, ""},
		{"CommandWrongToken", "POST", CommandPath, "application/x-www-form-urlencoded", okForm, "u93q8ikf9fr63rigistt18i5wz", 401, ""},
		{"CommandTokenPrefix", "POST", CommandPath, "application/x-www-form-urlencoded", okForm, "u93q8ikf9fr63rigistt18i5w", 401, ""},
		{"CommandMalformedForm", "POST", CommandPath, "application/x-www-form-urlencoded", []byte("%zz=1&token=" + fixtureToken), fixtureToken, 400, ""},
		{"CommandMissingUser", "POST", CommandPath, "application/x-www-form-urlencoded", []byte("command=%2Fphonebook&channel_id=c"), fixtureToken, 400, ""},
		{"CommandBadCommand", "POST", CommandPath, "application/x-www-form-urlencoded", e.fixtureForm(t, map[string]string{"command": "phonebook"}), fixtureToken, 400, ""},
		{"CommandUnknown", "POST", CommandPath, "application/x-www-form-urlencoded", e.fixtureForm(t, map[string]string{"command": "/kapot"}), fixtureToken, 200, "kent de opdracht `/kapot` niet"},
		{"CommandTooLong", "POST", CommandPath, "application/x-www-form-urlencoded", long, fixtureToken, 200, "te lang"},
		{"CommandHugeBody", "POST", CommandPath, "application/x-www-form-urlencoded", huge, fixtureToken, 413, ""},
		{"ActionForged", "POST", ActionsPath, "application/json", forged, "", 401, ""},
		{"ActionExpired", "POST", ActionsPath, "application/json", expired, "", 401, ""},
		{"ActionTampered", "POST", ActionsPath, "application/json", tamperedB, "", 401, ""},
		{"ActionExpNotNumber", "POST", ActionsPath, "application/json", stringExp, "", 400, ""},
		{"ActionNoContext", "POST", ActionsPath, "application/json", []byte(`{"user_id":"u"}`), "", 401, ""},
		{"ActionMalformed", "POST", ActionsPath, "application/json", []byte(`{"user_id":`), "", 400, ""},
		{"ActionTrailing", "POST", ActionsPath, "application/json", []byte(`{} {}`), "", 400, ""},
		{"ActionHuge", "POST", ActionsPath, "application/json", append([]byte(`{"user_id":"`), bytes.Repeat([]byte("a"), maxBody)...), "", 413, ""},
		{"DialogForeignState", "POST", DialogsPath, "application/json", badDialog, "", 401, ""},
		{"DialogExpired", "POST", DialogsPath, "application/json", oldDialog, "", 401, ""},
		{"DialogBadSignature", "POST", DialogsPath, "application/json", otherKey, "", 401, ""},
		{"DialogMalformed", "POST", DialogsPath, "application/json", []byte(`[]`), "", 400, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(e.logs.String())
			h := http.Header{}
			if tt.token != "" {
				h.Set("Authorization", "Token "+tt.token)
			}
			w := e.do(tt.method, tt.path, tt.ct, tt.body, h)
			if w.Code != tt.wantStatus {
				t.Errorf("status = %d, want %d (%s)", w.Code, tt.wantStatus, w.Body)
			}
			if tt.wantText != "" && !strings.Contains(w.Body.String(), tt.wantText) {
				t.Errorf("body %s does not say %q", w.Body, tt.wantText)
			}
			if logged := e.logs.String()[before:]; !strings.Contains(logged, "refused") {
				t.Errorf("no log line for the refusal; logged %q", logged)
			}
			if n := len(e.core.Requests()); n != 0 {
				t.Errorf("core was called %d times", n)
			}
		})
	}
	if n := len(e.mm.allPosts()); n != 0 {
		t.Errorf("%d posts made by refused requests", n)
	}
}

func TestNewRefusesBadConfig(t *testing.T) {
	core, st := &mock.Core{}, &mock.StateStore{}
	ok := Config{PublicURL: "https://w.example.nl", Secret: []byte("s")}
	for name, edit := range map[string]func(*Config){
		"NoSecret":      func(c *Config) { c.Secret = nil },
		"NoPublicURL":   func(c *Config) { c.PublicURL = "" },
		"BadPublicURL":  func(c *Config) { c.PublicURL = "werkplek.example.nl" },
		"URLWithoutBot": func(c *Config) { c.URL = "https://chat.example.nl" },
		"BotWithoutURL": func(c *Config) { c.BotToken = "x" },
		"BadMattermost": func(c *Config) { c.URL, c.BotToken = "chat", "x" },
	} {
		c := ok
		edit(&c)
		if _, err := New(c, core, st, st, nil); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	c := ok
	c.URL, c.BotToken = "https://chat.example.nl:8065/", "x"
	a, err := New(c, core, st, st, nil)
	if err != nil || a.cfg.Installation != "chat.example.nl" || a.cfg.Language != "nl" {
		t.Errorf("defaults: %v %+v", err, a)
	}
	// Without URL and bot token Run has nothing to do.
	a, _ = New(ok, core, st, st, nil)
	if err := a.Run(context.Background()); err != nil {
		t.Error(err)
	}
}

func FuzzParseCommand(f *testing.F) {
	f.Add(string(mustRead(f, "testdata/slash_command.form")))
	f.Add("command=%2Fphonebook&user_id=u&channel_id=c&text=%00%ff")
	f.Add("command=/&user_id=&channel_id=")
	f.Add("command=%2Fwerkplek+help&user_id=u&channel_id=c&text=" + strings.Repeat("x", 1100))
	e := newEnv(f, func(c *Config) { c.URL, c.BotToken = "", "" })
	e.core.HandleFn = func(ctx context.Context, r intranet.Request) (intranet.Reply, error) {
		if !strings.HasPrefix(r.Text, "/") || len([]rune(r.Text)) > intranet.MaxTextLength+len("/telefoon ") {
			panic("bad request reached the core: " + r.Text)
		}
		return intranet.Reply{Text: r.Text}, nil
	}
	f.Fuzz(func(t *testing.T, body string) {
		if v, err := url.ParseQuery(body); err == nil {
			_, _ = parseCommand(v)
		}
		w := e.command([]byte(body), fixtureToken)
		if w.Code != 200 && w.Code != 400 && w.Code != 413 {
			t.Fatalf("status %d for %q", w.Code, body)
		}
	})
}

func FuzzParseAction(f *testing.F) {
	f.Add(mustRead(f, "testdata/post_action.json"))
	f.Add([]byte(`{"context":{"command":"/x","exp":1e300,"sig":"x"}}`))
	f.Add([]byte(`{"context":{"command":1,"exp":"x","sig":null,"confirm":3}}`))
	e := newEnv(f, func(c *Config) { c.URL, c.BotToken = "", "" })
	f.Fuzz(func(t *testing.T, body []byte) {
		w := e.do("POST", ActionsPath, "application/json", body, nil)
		if w.Code != 401 && w.Code != 400 && w.Code != 413 {
			t.Fatalf("unsigned action got status %d", w.Code)
		}
		if len(e.core.Requests()) != 0 {
			t.Fatal("core called for an unsigned action")
		}
	})
}

func BenchmarkCommand(b *testing.B) {
	e := newEnv(b, func(c *Config) { c.URL, c.BotToken = "", "" })
	e.core.HandleFn = func(ctx context.Context, r intranet.Request) (intranet.Reply, error) { return phonebookReply(), nil }
	body := e.fixtureForm(b, nil)
	b.ReportAllocs()
	for b.Loop() {
		w := e.command(body, fixtureToken)
		if w.Code != 200 {
			b.Fatal(w.Code)
		}
	}
}
