package slack

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/gorilla/websocket"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/mock"
)

// fakeSocket is Slack's Socket Mode end: it greets the client, sends the
// envelopes a test gives it and hands back the client's acks.
type fakeSocket struct {
	srv   *httptest.Server
	acks  chan map[string]any
	conns chan struct{}

	mu   sync.Mutex
	send chan []byte // of the newest connection
}

// push sends a message on the newest connection.
func (fs *fakeSocket) push(msg []byte) {
	fs.mu.Lock()
	ch := fs.send
	fs.mu.Unlock()
	ch <- msg
}

func newFakeSocket(t *testing.T) *fakeSocket {
	fs := &fakeSocket{acks: make(chan map[string]any, 10), conns: make(chan struct{}, 10)}
	up := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }} // the client sends Origin https://api.slack.com
	fs.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, err := up.Upgrade(w, r, nil)
		if err != nil {
			t.Errorf("upgrade: %v", err)
			return
		}
		defer conn.Close()
		send := make(chan []byte, 10)
		fs.mu.Lock()
		fs.send = send
		fs.mu.Unlock()
		fs.conns <- struct{}{}
		_ = conn.WriteMessage(websocket.TextMessage, []byte(`{"type":"hello","num_connections":1,"connection_info":{"app_id":"A0WERKPLEK1"}}`))
		done := make(chan struct{})
		go func() {
			defer close(done)
			for {
				var m map[string]any
				if err := conn.ReadJSON(&m); err != nil {
					return
				}
				fs.acks <- m
			}
		}()
		for {
			select {
			case msg := <-send:
				if err := conn.WriteMessage(websocket.TextMessage, msg); err != nil {
					return
				}
			case <-done:
				return
			case <-r.Context().Done():
				return
			}
		}
	}))
	t.Cleanup(fs.srv.Close)
	return fs
}

func (fs *fakeSocket) url() string { return "ws" + strings.TrimPrefix(fs.srv.URL, "http") }

func (fs *fakeSocket) ack(t *testing.T) map[string]any {
	t.Helper()
	select {
	case a := <-fs.acks:
		return a
	case <-time.After(60 * time.Second):
		t.Fatal("no ack")
		return nil
	}
}

func envelope(t *testing.T, id, typ string, payload []byte, retry int) []byte {
	b, err := json.Marshal(map[string]any{"envelope_id": id, "type": typ, "payload": json.RawMessage(payload), "accepts_response_payload": typ != "events_api", "retry_attempt": retry})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestSocketMode(t *testing.T) {
	fs := newFakeSocket(t)
	e := newEnv(t, func(ctx context.Context, r intranet.Request) (intranet.Reply, error) {
		if r.Form != nil {
			return intranet.Reply{FieldErrors: map[string]string{"end": "te vroeg"}}, nil
		}
		if strings.HasSuffix(r.Text, "alles") {
			var secs []intranet.Section
			for range 40 {
				secs = append(secs, intranet.Section{Title: "Collega", Text: strings.Repeat("veel tekst ", 60)})
			}
			return intranet.Reply{Sections: secs}, nil
		}
		return intranet.Reply{Text: "ok: " + r.CommandText()}, nil
	}, func(c *Config) { c.SigningSecret = ""; c.AppToken = "xapp-test" })
	e.slack.socket = fs.url()

	ctx, cancel := context.WithCancel(context.Background())
	runErr := make(chan error, 1)
	go func() { runErr <- e.a.Run(ctx) }()
	select {
	case <-fs.conns:
	case <-time.After(60 * time.Second):
		t.Fatal("Socket Mode did not connect")
	}
	if c := e.slack.callsTo("apps.connections.open"); len(c) != 1 {
		t.Fatalf("apps.connections.open calls: %d", len(c))
	}

	t.Run("SlashCommand", func(t *testing.T) {
		v, _ := url.ParseQuery(string(fixture(t, "slash_command.form")))
		cmd := map[string]string{}
		for k := range v {
			cmd[k] = v.Get(k)
		}
		payload, _ := json.Marshal(cmd) // Socket Mode sends the form fields as JSON strings
		fs.push(envelope(t, "env-cmd", "slash_commands", payload, 0))
		ack := fs.ack(t)
		if ack["envelope_id"] != "env-cmd" {
			t.Fatalf("ack %v", ack)
		}
		p, _ := ack["payload"].(map[string]any)
		if p["text"] != "ok: /phonebook jansen" || p["response_type"] != "ephemeral" {
			t.Errorf("ack payload %v", p)
		}
	})
	t.Run("LargeAnswerViaResponseURL", func(t *testing.T) {
		payload, _ := json.Marshal(map[string]string{"team_id": "T0WRKPLK01", "user_id": "U0JANDVRIES", "channel_id": "C0ALGEMEEN1",
			"command": "/phonebook", "text": "alles", "response_url": e.slack.responseURL(), "is_enterprise_install": "false"})
		fs.push(envelope(t, "env-big", "slash_commands", payload, 0))
		if ack := fs.ack(t); ack["envelope_id"] != "env-big" || ack["payload"] != nil {
			t.Errorf("ack %v, want an empty one", ack)
		}
		eventually(t, "the answer at response_url", func() bool { return len(e.slack.responseBodies()) == 1 })
	})
	t.Run("ViewSubmission", func(t *testing.T) {
		fs.push(envelope(t, "env-view", "interactive", fixture(t, "view_submission.json"), 0))
		ack := fs.ack(t)
		p, _ := ack["payload"].(map[string]any)
		if ack["envelope_id"] != "env-view" || p["response_action"] != "errors" {
			t.Errorf("ack %v", ack)
		}
	})
	t.Run("EventOnceDespiteRetry", func(t *testing.T) {
		for i := range 2 {
			fs.push(envelope(t, "env-ev", "events_api", fixture(t, "event_message_im.json"), i))
			if ack := fs.ack(t); ack["envelope_id"] != "env-ev" || ack["payload"] != nil {
				t.Errorf("ack %v", ack)
			}
		}
		eventually(t, "the DM answer", func() bool { return len(e.slack.posted("D0JANWERKB1")) == 1 })
	})
	t.Run("AppUninstalled", func(t *testing.T) {
		for i := range 2 {
			fs.push(envelope(t, "env-gone", "events_api", fixture(t, "event_app_uninstalled.json"), i))
			if ack := fs.ack(t); ack["envelope_id"] != "env-gone" || ack["payload"] != nil {
				t.Errorf("ack %v", ack)
			}
		}
		want := []mock.Departure{{Platform: intranet.PlatformSlack, Installation: "T0WRKPLK01", Reason: "app_uninstalled"}}
		if d := cmp.Diff(want, e.departures.Gone()); d != "" {
			t.Errorf("departures (-want +got):\n%s", d)
		}
	})
	t.Run("ReconnectOnDisconnect", func(t *testing.T) {
		fs.push([]byte(`{"type":"disconnect","reason":"refresh_requested"}`))
		select {
		case <-fs.conns:
		case <-time.After(60 * time.Second):
			t.Fatal("no reconnect")
		}
		fs.push(envelope(t, "env-after", "interactive", fixture(t, "view_submission.json"), 0))
		if ack := fs.ack(t); ack["envelope_id"] != "env-after" {
			t.Errorf("ack after reconnect %v", ack)
		}
	})

	cancel()
	select {
	case err := <-runErr:
		if err != nil {
			t.Errorf("Run = %v, want nil after cancel", err)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("Run did not return")
	}
	if n := len(e.slack.posted("D0JANWERKB1")); n != 1 {
		t.Errorf("%d DM answers, want 1", n)
	}
}

func TestSocketModeRefusedToken(t *testing.T) {
	e := newEnv(t, nil, func(c *Config) { c.AppToken = "xapp-revoked" })
	e.slack.fail("apps.connections.open", failure{slackErr: "invalid_auth"})
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if err := e.a.Run(ctx); err == nil || !strings.Contains(err.Error(), "invalid_auth") {
		t.Errorf("Run = %v, want the invalid_auth error", err)
	}
}
