// Package playgroundtest drives the Microsoft 365 Agents Playground,
// Microsoft's offline Teams emulator (npm @microsoft/m365agentsplayground,
// pinned in tools/playground), from Go tests: it starts it against a bot
// endpoint, sends messages and card submits through its conversation API and
// reads the bot's replies from its websocket. See ../shared/PLAYGROUND.md.
//
// Install it with `cd tools/playground && npm ci`. Without it a test is
// skipped, unless WERKPLEK_TEST_PLAYGROUND=require (set by the test command),
// which turns its absence into a failure.
package playgroundtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// Config makes the Playground's current user Jan, so the member
// lookup answers with his email. Its schema wants exactly five other users
// and at most one channel besides General.
const Config = `version: "0.1.1"
tenantId: 3fcb4b70-f79a-4ffc-a71b-9592244ececa
bot:
  id: 2a438f2a-3172-4442-bbce-14ab261db1d4
  name: Werkplek
currentUser:
  id: user-id-jan
  name: Jan de Vries
  userPrincipleName: jan.devries@example.nl
  aadObjectId: e427f474-114d-4fce-bf3f-3f8cfe53b312
  givenName: Jan
  surname: de Vries
  email: jan.devries@example.nl
users:
  - id: user-id-anna
    name: Anna Bakker
    userPrincipleName: anna.bakker@example.nl
    aadObjectId: 00000000-0000-0000-0000-0000000000021
    givenName: Anna
    surname: Bakker
    email: anna.bakker@example.nl
  - id: user-id-pieter
    name: Pieter Jansen
    userPrincipleName: pieter.jansen@example.nl
    aadObjectId: 00000000-0000-0000-0000-0000000000022
    givenName: Pieter
    surname: Jansen
    email: pieter.jansen@example.nl
  - id: user-id-eva
    name: Eva de Boer
    userPrincipleName: eva.deboer@example.nl
    aadObjectId: 00000000-0000-0000-0000-0000000000023
    givenName: Eva
    surname: de Boer
    email: eva.deboer@example.nl
  - id: user-id-sanne
    name: Sanne Visser
    userPrincipleName: sanne.visser@example.nl
    aadObjectId: 00000000-0000-0000-0000-0000000000024
    givenName: Sanne
    surname: Visser
    email: sanne.visser@example.nl
  - id: user-id-mohamed
    name: Mohamed El Amrani
    userPrincipleName: mohamed.elamrani@example.nl
    aadObjectId: 00000000-0000-0000-0000-0000000000025
    givenName: Mohamed
    surname: El Amrani
    email: mohamed.elamrani@example.nl
personalChat:
  id: __PERSONAL_CHAT_ID__
groupChat:
  id: __GROUP_CHAT_ID__
  name: Group Chat
team:
  id: team-zorg-oost
  name: Zorg Oost
  aadGroupId: 870adb98-cf87-44ef-9fd5-98db1dc49461
  channels:
    - id: channel-roosters
      name: Roosters
`

// CLI finds the installed Playground's cli.js from the repository
// root, or skips.
func CLI(t *testing.T) string {
	t.Helper()
	require := os.Getenv("WERKPLEK_TEST_PLAYGROUND") == "require"
	missing := func(why string) {
		t.Helper()
		msg := "Agents Playground not available (" + why + "); install it with: cd tools/playground && npm install --no-audit --no-fund"
		if require {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	if testing.Short() && !require {
		t.Skip("short mode")
	}
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			missing("no repository root above the test")
		}
		dir = parent
	}
	cli := filepath.Join(dir, "tools", "playground", "node_modules", "@microsoft", "m365agentsplayground", "cli.js")
	if _, err := os.Stat(cli); err != nil {
		missing("tools/playground/node_modules is not installed")
	}
	if _, err := exec.LookPath("node"); err != nil {
		missing("node is not on PATH")
	}
	return cli
}

// Playground is a running Playground.
type Playground struct {
	Base string
}

// Start runs the Playground against endpoint in its own process
// group, waits until it answers, and stops it when the test ends.
func Start(t *testing.T, cli, endpoint string) *Playground {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()

	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ".m365agentsplayground.yml"), []byte(Config), 0o644); err != nil {
		t.Fatal(err)
	}
	var out lockedBuffer
	cmd := exec.Command("node", cli, "start", "-e", endpoint, "-c", "msteams", "--dt", "-p", fmt.Sprint(port))
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TEAMSAPPTESTER_BROWSER=none", "M365_AGENTS_PLAYGROUND_CONFIG_PATH="+filepath.Join(dir, ".m365agentsplayground.yml"))
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(5 * time.Second):
			syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			<-exited
		}
		if t.Failed() {
			t.Logf("playground output:\n%s", out.String())
		}
	})

	pg := &Playground{Base: fmt.Sprintf("http://127.0.0.1:%d", port)}
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := http.Get(pg.Base + "/_internal/v1/config")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return pg
			}
		}
		select {
		case <-exited:
			t.Fatalf("playground exited:\n%s", out.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("playground did not answer within a minute:\n%s", out.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// GetJSON decodes the answer of a GET.
func (pg *Playground) GetJSON(t *testing.T, path string, out any) {
	t.Helper()
	resp, err := http.Get(pg.Base + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
}

// Post sends a JSON body and fails the test unless the answer is 2xx.
func (pg *Playground) Post(t *testing.T, path string, body any) {
	t.Helper()
	var rd io.Reader = http.NoBody
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	resp, err := http.Post(pg.Base+path, "application/json", rd)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		b, _ := io.ReadAll(resp.Body)
		t.Fatalf("POST %s: %s %s", path, resp.Status, b)
	}
}

// Event is one frame of the Playground's conversation websocket.
type Event struct {
	Action  string `json:"action"`
	Message struct {
		MessageID   string          `json:"messageId"`
		Text        string          `json:"text"`
		Attachments json.RawMessage `json:"attachments"`
	} `json:"message"`
}

// Stream is the conversation websocket.
type Stream struct {
	events chan Event
	mu     sync.Mutex
	err    error
}

// Stream connects to the conversation websocket that carries the bot's
// messages to the web chat.
func (pg *Playground) Stream(t *testing.T) *Stream {
	t.Helper()
	url := "ws" + strings.TrimPrefix(pg.Base, "http") + "/_ws_conversation/v1/conversations/stream"
	conn, _, err := websocket.DefaultDialer.Dial(url, nil)
	if err != nil {
		t.Fatalf("websocket: %v", err)
	}
	t.Cleanup(func() { conn.Close() })
	s := &Stream{events: make(chan Event, 64)}
	go func() {
		for {
			_, data, err := conn.ReadMessage()
			if err != nil {
				s.mu.Lock()
				s.err = err
				s.mu.Unlock()
				close(s.events)
				return
			}
			var ev Event
			if json.Unmarshal(data, &ev) == nil {
				s.events <- ev
			}
		}
	}()
	return s
}

// Next returns the next event of the given action, skipping others
// (typing indicators), or fails after a deadline.
func (s *Stream) Next(t *testing.T, action string) Event {
	t.Helper()
	timeout := time.After(60 * time.Second)
	for {
		select {
		case ev, ok := <-s.events:
			if !ok {
				s.mu.Lock()
				defer s.mu.Unlock()
				t.Fatalf("websocket closed waiting for %s: %v", action, s.err)
			}
			if ev.Action == action {
				return ev
			}
		case <-timeout:
			t.Fatalf("no %s on the websocket within 15 s", action)
		}
	}
}

// lockedBuffer collects the Playground's output from two pipes.
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
