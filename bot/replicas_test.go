package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/pgtest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/demo"
	"github.com/werkplek/werkplek/intranet/store"
)

var (
	buildOnce sync.Once
	binary    string
	buildErr  error
)

// werkplekBinary builds the real binary once per test run.
func werkplekBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "werkplek-bin-")
		if err != nil {
			buildErr = err
			return
		}
		binary = filepath.Join(dir, "werkplek")
		out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("%v: %s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatalf("build werkplek: %v", buildErr)
	}
	return binary
}

// replica is one `werkplek serve` process.
type replica struct {
	cmd  *exec.Cmd
	addr string
	logs *syncBuffer
	done chan error
}

func startReplica(t *testing.T, bin string, env []string) *replica {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	r := &replica{addr: addr, logs: &syncBuffer{}, done: make(chan error, 1)}
	r.cmd = exec.Command(bin, "serve")
	r.cmd.Env = append(append(os.Environ(), env...), "WERKPLEK_LISTEN="+addr)
	r.cmd.Stdout, r.cmd.Stderr = r.logs, r.logs
	if err := r.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { r.done <- r.cmd.Wait() }()
	t.Cleanup(func() {
		r.cmd.Process.Kill()
		<-r.done
		if t.Failed() {
			t.Logf("replica %s log:\n%s", addr, r.logs.String())
		}
	})
	return r
}

func (r *replica) waitReady(t *testing.T) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		resp, err := http.Get("http://" + r.addr + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return
			}
		}
		select {
		case err := <-r.done:
			t.Fatalf("replica %s exited: %v\n%s", r.addr, err, r.logs.String())
		case <-time.After(50 * time.Millisecond):
		}
	}
	t.Fatalf("replica %s not ready", r.addr)
}

// terminate stops the replica with SIGTERM and waits until it exited
// cleanly.
func (r *replica) terminate(t *testing.T) {
	t.Helper()
	if err := r.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-r.done:
		r.done <- err // for the cleanup
		if err != nil {
			t.Errorf("replica stopped with %v", err)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("replica did not stop on SIGTERM")
	}
}

// slackCommand is a signed /phonebook slash command.
func slackCommand(addr, text string) *http.Request {
	form := url.Values{"command": {"/phonebook"}, "text": {text}, "user_id": {"U1"}, "team_id": {"T1"},
		"channel_id": {"C1"}, "response_url": {"http://127.0.0.1:1/r"}, "trigger_id": {"1"}}.Encode()
	return slackRequest("http://"+addr+"/slack/commands", "replica-secret", "application/x-www-form-urlencoded", form)
}

// TestReplicas starts three `werkplek serve` processes against one
// PostgreSQL at once: they migrate once without an error, answer requests
// round-robin alike, and one stopped with SIGTERM under load finishes every
// request it accepted.
func TestReplicas(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := werkplekBinary(t)
	dbURL := pgtest.URL(t)
	env := []string{"WERKPLEK_DATABASE_URL=" + dbURL, "SLACK_SIGNING_SECRET=replica-secret", "WERKPLEK_LOG_FORMAT=json"}
	var replicas []*replica
	for i := 0; i < 3; i++ {
		replicas = append(replicas, startReplica(t, bin, env))
	}
	for _, r := range replicas {
		r.waitReady(t)
	}
	s, err := store.Open(context.Background(), dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	applied, err := s.AppliedMigrations(context.Background())
	if err != nil || len(applied) == 0 || applied[len(applied)-1] != store.SchemaVersion() {
		t.Fatalf("migrations: %v %v", applied, err)
	}
	for _, r := range replicas {
		if strings.Contains(r.logs.String(), `"level":"ERROR"`) {
			t.Errorf("replica %s logged an error:\n%s", r.addr, r.logs.String())
		}
	}
	if _, err := s.ImportPeople(context.Background(), demo.People(), false); err != nil {
		t.Fatal(err)
	}
	// Jan's Slack account, as linked on his first request.
	jan, _ := s.FindPersonByEmail(context.Background(), demo.User)
	linkSlack(t, s, jan.ID)

	// Round-robin: every replica gives the same answer.
	var answers []string
	for i := 0; i < 6; i++ {
		resp, err := http.DefaultClient.Do(slackCommand(replicas[i%3].addr, "pieter jansen"))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(b), "Pieter Jansen") {
			t.Fatalf("replica %d: %d %s", i%3, resp.StatusCode, b)
		}
		answers = append(answers, string(b))
	}
	for _, a := range answers[1:] {
		if a != answers[0] {
			t.Errorf("replicas answer differently:\n%s\n%s", answers[0], a)
		}
	}

	// Load on all three; SIGTERM to the first halfway. A client that finds
	// a replica gone tries the next one, as a load balancer does; every
	// request a replica accepted must be answered completely.
	// A fresh connection per request. While the stopping replica closes its
	// listener, a connection still in the kernel's accept queue is reset
	// (EOF or reset, the server never saw the request); a load balancer
	// retries those elsewhere, and so does this client, for the stopping
	// replica only. Every request a replica accepted must be answered in
	// full, and the two others must never fail.
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	var stopping atomic.Bool
	var answered, refused, broken atomic.Int64
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for w := 0; w < 6; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				for try := 0; try < 3; try++ {
					target := (w + i + try) % 3
					resp, err := client.Do(slackCommand(replicas[target].addr, "jansen"))
					if err != nil {
						if isRefused(err) || target == 0 && stopping.Load() && notAccepted(err) {
							refused.Add(1)
							continue
						}
						broken.Add(1)
						t.Errorf("request lost: %v", err)
						break
					}
					b, _ := io.ReadAll(resp.Body)
					resp.Body.Close()
					if resp.StatusCode != 200 || !strings.Contains(string(b), "Jansen") {
						broken.Add(1)
						t.Errorf("bad answer %d: %s", resp.StatusCode, b)
					}
					answered.Add(1)
					break
				}
			}
		}(w)
	}
	waitFor(t, 60*time.Second, "50 answers under load", func() bool { return answered.Load() >= 50 })
	stopping.Store(true)
	replicas[0].terminate(t)
	time.Sleep(500 * time.Millisecond)
	close(stop)
	wg.Wait()
	if broken.Load() > 0 || answered.Load() < 50 {
		t.Errorf("answered %d, broken %d, refused and retried %d", answered.Load(), broken.Load(), refused.Load())
	}
	if !strings.Contains(replicas[0].logs.String(), "werkplek stopped") {
		t.Errorf("no graceful stop in the log:\n%s", lastLines(replicas[0].logs.String(), 5))
	}
	t.Logf("answered %d requests, %d refused by the stopped replica and retried elsewhere", answered.Load(), refused.Load())
}

func isRefused(err error) bool {
	return strings.Contains(err.Error(), "connection refused")
}

// notAccepted reports a connection closed before any answer: the listener
// went away with the connection still in its accept queue.
func notAccepted(err error) bool {
	return errors.Is(err, io.EOF) || strings.Contains(err.Error(), "connection reset")
}

func lastLines(s string, n int) string {
	var lines []string
	sc := bufio.NewScanner(strings.NewReader(s))
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

func linkSlack(t *testing.T, s *store.Store, personID int64) {
	t.Helper()
	if err := s.LinkAccount(context.Background(), accountFor(personID)); err != nil {
		t.Fatal(err)
	}
}

func accountFor(personID int64) intranet.Account {
	return intranet.Account{Platform: intranet.PlatformSlack, Installation: "T1", UserID: "U1", UserName: "jan", PersonID: personID}
}
