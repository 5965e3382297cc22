package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// run runs the real Main with args, stdin and environment, and returns the
// exit code, stdout and stderr.
func run(t *testing.T, env map[string]string, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	m := NewMain()
	m.Stdin, m.Stdout, m.Stderr = strings.NewReader(stdin), &out, &errOut
	m.StdinIsTerminal = false
	m.Getenv = testGetenv(env)
	code := m.Run(context.Background(), args)
	return code, out.String(), errOut.String()
}

// bothEngines runs fn once per engine with an environment for a fresh database.
func bothEngines(t *testing.T, fn func(t *testing.T, env map[string]string)) {
	for _, engine := range []string{"sqlite", "postgres"} {
		t.Run(engine, func(t *testing.T) {
			env := sqliteEnv(t)
			if engine == "postgres" {
				env["WERKPLEK_DATABASE_URL"] = pgtest.URL(t)
			}
			fn(t, env)
		})
	}
}

func sqliteEnv(t *testing.T) map[string]string {
	return map[string]string{"WERKPLEK_DATABASE_URL": "sqlite:" + filepath.Join(t.TempDir(), "werkplek.db")}
}

// TestDemoConsole is the newcomer's first run: demo seeds, the console answers
// the phonebook in Dutch and English, and every reply is JSON with --json.
func TestDemoConsole(t *testing.T) {
	bothEngines(t, func(t *testing.T, env map[string]string) {
		script := "/phonebook jansen\n/telefoon jansen\n/werkplek help\n/phonebook van den berg\n/phonebook show 1\n/help\n"
		code, out, errOut := run(t, env, script, "demo")
		if code != 0 {
			t.Fatalf("exit %d\n%s", code, errOut)
		}
		for _, want := range []string{
			"== De eerste 10 gevonden mensen ==", "*Pieter Jansen*", "[Kaart: /phonebook show 4]",
			"== Werkplek: alle commando's ==", "*Anouk van den Berg* · Teamleider", "== Anouk van den Berg ==",
			"Mobiel: 06-10000001 <tel:+31610000001>",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("output lacks %q", want)
			}
		}
		if !strings.Contains(errOut, "Demo organisation ready") {
			t.Errorf("stderr: %s", errOut)
		}
		// Again, now as a console with JSON: the demo data is still there
		// (idempotent) and the typed button command counts as a press.
		code, out, errOut = run(t, env, "/phonebook bjorn hansen\n/phonebook show 1\n/werkplek language en\n/phonebook jansn\n", "console", "--as", "Jan.DeVries@example.nl", "--json")
		if code != 0 {
			t.Fatalf("exit %d\n%s", code, errOut)
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if len(lines) != 4 {
			t.Fatalf("want 4 JSON lines, got %d:\n%s", len(lines), out)
		}
		var first struct {
			Kind  string `json:"kind"`
			Reply struct {
				Title   string `json:"title"`
				Buttons []struct{ Command string }
			} `json:"reply"`
		}
		if err := json.Unmarshal([]byte(lines[0]), &first); err != nil || first.Kind != "reply" || first.Reply.Title != "Bjørn Hansen" {
			t.Fatalf("first line: %s (%v)", lines[0], err)
		}
		if !strings.Contains(lines[3], `"title":"The first 10 people found"`) && !strings.Contains(lines[3], `people found"`) {
			t.Errorf("English after the switch: %s", lines[3])
		}
	})
}

func TestConsoleNeedsAs(t *testing.T) {
	code, _, errOut := run(t, sqliteEnv(t), "", "console")
	if code != 2 || !strings.Contains(errOut, "--as EMAIL is required") {
		t.Errorf("exit %d: %s", code, errOut)
	}
	code, _, errOut = run(t, sqliteEnv(t), "/phonebook x\n", "console", "--as", "stranger@example.nl")
	if code != 0 || !strings.Contains(errOut, "is not in the phonebook") {
		t.Errorf("exit %d: %s", code, errOut)
	}
}

func TestImportCommand(t *testing.T) {
	env := sqliteEnv(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "people.csv")
	os.WriteFile(good, []byte("name,email,department,manager_email\nAnouk van den Berg,anouk@example.nl,Zorg,\nJan de Vries,jan@example.nl,Zorg,anouk@example.nl\n"), 0o600)
	code, out, errOut := run(t, env, "", "import", good)
	if code != 0 || !strings.Contains(out, "2 new, 0 updated") {
		t.Fatalf("import: %d %s %s", code, out, errOut)
	}
	code, out, _ = run(t, env, "", "import", good)
	if code != 0 || !strings.Contains(out, "0 new, 0 updated, 2 unchanged") {
		t.Fatalf("re-import: %d %s", code, out)
	}
	bad := filepath.Join(dir, "bad.csv")
	// UTF-8 (Zoë) and a line in another encoding: no one reading is right.
	os.WriteFile(bad, []byte("name,email,manager_email\nPiet,piet@example.nl,baas@example.nl\n,leeg@example.nl,\nZo\xc3\xab,zoe@example.nl,\nWim,wim@example.nl,\xff\n"), 0o600)
	code, _, errOut = run(t, env, "", "import", bad)
	if code != 1 {
		t.Fatalf("bad import exit %d", code)
	}
	for _, want := range []string{"nothing was imported", "line 5: not UTF-8 while other lines are (mixed encodings)"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	os.WriteFile(bad, []byte("name,email,manager_email\nPiet,piet@example.nl,baas@example.nl\n,leeg@example.nl,\nKees,kees-at-example,\n"), 0o600)
	code, _, errOut = run(t, env, "", "import", bad)
	for _, want := range []string{"3 problems; nothing was imported", "line 2: unknown manager baas@example.nl", "line 3: missing name", `line 4: bad email "kees-at-example"`} {
		if code != 1 || !strings.Contains(errOut, want) {
			t.Errorf("exit %d, stderr lacks %q:\n%s", code, want, errOut)
		}
	}
	code, out, _ = run(t, env, "/phonebook piet\n", "console", "--as", "jan@example.nl")
	if code != 0 || !strings.Contains(out, "Niemand gevonden") {
		t.Errorf("a refused import wrote something: %s", out)
	}
}

func TestConfigProblems(t *testing.T) {
	code, _, errOut := run(t, map[string]string{
		"WERKPLEK_DATABASE_URL": "mysql://x", "WERKPLEK_LANGUAGE": "fr", "WERKPLEK_TIMEZONE": "Mars/Olympus",
		"TEAMS_AUTH": "off", "WERKPLEK_LISTEN": ":8080", "MATTERMOST_URL": "https://chat.example.nl", "WERKPLEK_RETENTION_DAYS": "0",
		"WERKPLEK_RETRY_MAX_WAIT": "2d",
	}, "", "serve")
	if code != 1 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"WERKPLEK_DATABASE_URL", "WERKPLEK_LANGUAGE: \"fr\"", "WERKPLEK_TIMEZONE", "TEAMS_AUTH=off is only allowed on a loopback", "MATTERMOST_URL and MATTERMOST_BOT_TOKEN go together",
		"WERKPLEK_RETENTION_DAYS: \"0\" is not a number of days from 1 to 3650", "WERKPLEK_RETRY_MAX_WAIT: \"2d\" is not a duration from 1s to 1h"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	secret := filepath.Join(t.TempDir(), "secret")
	os.WriteFile(secret, []byte("s3cret\n"), 0o600)
	cfg, problems := LoadConfig(func(k string) string { return map[string]string{"SLACK_SIGNING_SECRET_FILE": secret}[k] })
	if len(problems) != 0 || cfg.SlackSigningSecret != "s3cret" || !cfg.SlackOn() || cfg.RetentionDays != 90 || cfg.RetryMaxWait != 5*time.Minute {
		t.Errorf("_FILE: %+v %v", cfg.SlackSigningSecret, problems)
	}
}

func TestUnreachableDatabase(t *testing.T) {
	code, _, errOut := run(t, map[string]string{"WERKPLEK_DATABASE_URL": "postgres://werkplek:geheim@127.0.0.1:1/werkplek?connect_timeout=2"}, "", "serve")
	if code != 1 || !strings.Contains(errOut, "cannot reach the postgres database") || strings.Contains(errOut, "geheim") || strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}
}

func TestHelpAndVersion(t *testing.T) {
	code, out, _ := run(t, nil, "", "help")
	if code != 0 || !strings.Contains(out, "werkplek demo") || !strings.Contains(out, "WERKPLEK_DATABASE_URL") {
		t.Errorf("help: %d %s", code, out)
	}
	code, out, _ = run(t, nil, "", "version")
	if code != 0 || !strings.HasPrefix(out, "werkplek ") {
		t.Errorf("version: %d %s", code, out)
	}
	code, _, _ = run(t, nil, "", "frobnicate")
	if code != 2 {
		t.Errorf("unknown command exit %d", code)
	}
	code, out, _ = run(t, nil, "", "console", "--help")
	if code != 0 || !strings.Contains(out, "--as") {
		t.Errorf("console --help: %d %s", code, out)
	}
}

// TestServe starts the real serve on port 0 and checks health, readiness
// (also with the database gone) and metrics, then stops it like SIGTERM.
func TestServe(t *testing.T) {
	env := map[string]string{"WERKPLEK_DATABASE_URL": pgtest.URL(t), "WERKPLEK_LISTEN": "127.0.0.1:0"}
	srv := startServe(t, env)
	m := srv.Main
	get := func(path string) (int, string) {
		resp, err := http.Get("http://" + m.Addr + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, body := get("/healthz"); code != 200 || body != "ok\n" {
		t.Errorf("healthz %d %q", code, body)
	}
	if code, out, errOut := run(t, map[string]string{"WERKPLEK_LISTEN": m.Addr}, "", "healthcheck"); code != 0 || out != "healthy\n" {
		t.Errorf("healthcheck %d %q %s", code, out, errOut)
	}
	// Ready once warm: 503 "starting" until then.
	deadline := time.Now().Add(time.Minute)
	for {
		code, body := get("/readyz")
		if code == 200 && body == "ready\ndatabase: up\n" {
			break
		}
		if code != 503 || body != "starting\ndatabase: up\n" || time.Now().After(deadline) {
			t.Fatalf("readyz %d %q", code, body)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if code, body := get("/metrics"); code != 200 || !strings.Contains(body, "werkplek_database_up 1") || !strings.Contains(body, `werkplek_http_requests_total{code="200",route="GET /readyz"} 1`) {
		t.Errorf("metrics %d:\n%s", code, body)
	}
	if code, _ := get("/nothing"); code != 404 {
		t.Errorf("unknown path %d", code)
	}
	// The database goes away: readiness says so, and stays 200 (the
	// process still answers people, with a "try again"), and so do the
	// metrics; the process stays up.
	m.Store.Close()
	if code, body := get("/readyz"); code != 200 || body != "ready\ndatabase: down\n" {
		t.Errorf("readyz without database %d %q", code, body)
	}
	if code, body := get("/metrics"); code != 200 || !strings.Contains(body, "werkplek_database_up 0") {
		t.Errorf("metrics without database %d:\n%s", code, body)
	}
	if code := srv.stop(); code != 0 {
		t.Errorf("exit %d: %s", code, srv.logs.String())
	}
	if !strings.Contains(srv.logs.String(), "werkplek stopped") {
		t.Errorf("log: %s", srv.logs.String())
	}
}

// served is a running `werkplek serve` of a test.
type served struct {
	*Main
	logs *syncBuffer
	stop func() int // stops it like SIGTERM and returns the exit code
}

// startServe runs the real serve with env until the test ends (or stop).
func startServe(t *testing.T, env map[string]string) *served {
	t.Helper()
	m := NewMain()
	logs := &syncBuffer{}
	m.Stdout, m.Stderr, m.Getenv = io.Discard, logs, testGetenv(env)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() { done <- m.Run(ctx, []string{"serve"}) }()
	select {
	case <-m.Ready:
	case code := <-done:
		t.Fatalf("serve exited %d: %s", code, logs.String())
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not start")
	}
	var once sync.Once
	code := 0
	stop := func() int {
		once.Do(func() {
			cancel()
			select {
			case code = <-done:
			case <-time.After(30 * time.Second):
				t.Error("serve did not stop")
			}
			if t.Failed() {
				t.Logf("serve log:\n%s", logs.String())
			}
		})
		return code
	}
	t.Cleanup(func() { stop() })
	return &served{Main: m, logs: logs, stop: stop}
}

// openedMain is the real Main with its store, core and job runner open but
// not started, for tests that drive the core in process and schedule jobs.
func openedMain(t testing.TB, env map[string]string) *Main {
	t.Helper()
	m := NewMain()
	m.Stdout, m.Stderr, m.Getenv = io.Discard, io.Discard, testGetenv(env)
	cfg, problems := LoadConfig(m.Getenv)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	m.Config, m.Log = cfg, newLogger(io.Discard, "text")
	ctx := context.Background()
	if err := m.open(ctx); err != nil {
		t.Fatal(err)
	}
	return m
}

// testGetenv reads env as the process environment, with quiet hours off
// unless the test sets them: otherwise whether a DM is held would depend on
// the hour the suite runs at.
func testGetenv(env map[string]string) func(string) string {
	return func(k string) string {
		if v, ok := env[k]; ok || k != "WERKPLEK_QUIET_HOURS" {
			return v
		}
		return "off"
	}
}
