package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/werkplek/werkplek/adapters/console"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/demo"
	"github.com/werkplek/werkplek/intranet/feature/hours"
	"github.com/werkplek/werkplek/intranet/jobs"
	"github.com/werkplek/werkplek/intranet/store"
)

// testRunner opens a runner of its own on the database of env.
func testRunner(t *testing.T, env map[string]string) *jobs.Runner {
	t.Helper()
	s, err := store.Open(context.Background(), env["WERKPLEK_DATABASE_URL"])
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	r, err := jobs.New(context.Background(), jobs.Config{Store: s, PollInterval: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// waitFor polls cond until it holds or the deadline passes.
func waitFor(t *testing.T, deadline time.Duration, what string, cond func() bool) {
	t.Helper()
	end := time.Now().Add(deadline)
	for !cond() {
		if time.Now().After(end) {
			t.Fatalf("%s: not after %s", what, deadline)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// othersThanRemind returns the jobs `werkplek jobs` lists, but for the
// weekly hours reminder that every start schedules (it waits for Monday).
func othersThanRemind(out string) []string {
	var jobs []string
	for i, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if i == 0 && strings.HasPrefix(line, "ID ") || strings.Contains(line, " hours.remind ") {
			continue
		}
		jobs = append(jobs, line)
	}
	return jobs
}

// TestJobsCommand: `werkplek jobs` lists a failed job with its error, and
// `werkplek jobs retry ID` runs it again.
func TestJobsCommand(t *testing.T) {
	bothEngines(t, func(t *testing.T, env map[string]string) {
		if code, out, _ := run(t, env, "", "jobs"); code != 0 || !strings.Contains(out, "hours.remind") || len(othersThanRemind(out)) != 0 {
			t.Fatalf("only the hours reminder: %d %q", code, out)
		}
		r := testRunner(t, env)
		var fail atomic.Bool
		fail.Store(true)
		_ = r.HandleJobs("test.flaky", func(ctx context.Context, j intranet.Job) error {
			if fail.Load() {
				return intranet.FailJob(errors.New("the platform said channel_not_found"))
			}
			return nil
		})
		id, err := r.Enqueue(context.Background(), "test.flaky", nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := r.Start(context.Background()); err != nil {
			t.Fatal(err)
		}
		defer r.Stop(context.Background())
		var out string
		waitFor(t, 60*time.Second, "failed job listed", func() bool {
			_, out, _ = run(t, env, "", "jobs")
			// Not just "failed": the empty list says "No pending or failed jobs."
			return strings.Contains(out, "test.flaky") && strings.Contains(out, "channel_not_found")
		})
		for _, want := range []string{"ID", "STATE", "LAST ERROR", fmt.Sprintf("%d ", id), "test.flaky", "channel_not_found"} {
			if !strings.Contains(out, want) {
				t.Errorf("list lacks %q:\n%s", want, out)
			}
		}
		if code, out, _ := run(t, env, "", "jobs", "--json"); code != 0 || !strings.Contains(out, `"State":"failed"`) {
			t.Errorf("--json: %d %s", code, out)
		}
		fail.Store(false)
		if code, out, errOut := run(t, env, "", "jobs", "retry", fmt.Sprint(id)); code != 0 || !strings.Contains(out, "will run again") {
			t.Fatalf("retry: %d %q %s", code, out, errOut)
		}
		waitFor(t, 60*time.Second, "retried job done", func() bool {
			_, out, _ = run(t, env, "", "jobs")
			return len(othersThanRemind(out)) == 0
		})
		if code, _, errOut := run(t, env, "", "jobs", "retry", "99999"); code != 1 || errOut != "werkplek jobs retry: no job 99999\n" {
			t.Errorf("retry of an unknown job: %d %s", code, errOut)
		}
		if code, _, errOut := run(t, env, "", "jobs", "retry", "x"); code != 2 || !strings.Contains(errOut, "not a job id") {
			t.Errorf("retry x: %d %s", code, errOut)
		}
		if code, out, _ := run(t, env, "", "jobs", "--help"); code != 0 || !strings.Contains(out, "werkplek jobs retry ID") {
			t.Errorf("--help: %d %s", code, out)
		}
	})
}

// sendDM records a DM to the demo user through the outbox of a runner that
// is not started, as a feature in another process would.
func sendDM(t *testing.T, env map[string]string, key, text string) int64 {
	t.Helper()
	r := testRunner(t, env)
	o, err := jobs.NewOutbox(r, func(p intranet.Platform) intranet.Poster {
		return &console.Poster{Mailbox: r.Store()}
	}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	id, err := o.Send(context.Background(), intranet.Delivery{
		To:    intranet.Destination{Platform: intranet.PlatformConsole, Installation: console.Installation, UserID: demo.User},
		Reply: intranet.Reply{Text: text}, Key: key,
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// runConsole runs the demo console with stdin open until the output has
// want (or the deadline passes), and returns the output.
func runConsole(t *testing.T, env map[string]string, want string, deadline time.Duration) string {
	t.Helper()
	m := NewMain()
	in, inW := io.Pipe()
	out := &syncBuffer{}
	m.Stdin, m.Stdout, m.Stderr, m.Getenv = in, out, io.Discard, testGetenv(env)
	done := make(chan int, 1)
	go func() { done <- m.Run(context.Background(), []string{"demo"}) }()
	end := time.Now().Add(deadline)
	for !strings.Contains(out.String(), want) && time.Now().Before(end) {
		time.Sleep(50 * time.Millisecond)
	}
	inW.Close()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("console did not end")
	}
	return out.String()
}

// TestConsoleRunsJobs: with no serve, the console works the jobs, so a DM
// recorded in the outbox arrives in the console; while a serve holds its
// lease the console leaves jobs alone.
func TestConsoleRunsJobs(t *testing.T) {
	bothEngines(t, func(t *testing.T, env map[string]string) {
		sendDM(t, env, "reminder:1", "Je boeking van Vergaderzaal Oost begint over 10 minuten.")
		if out := runConsole(t, env, "Vergaderzaal Oost", 90*time.Second); !strings.Contains(out, "Je boeking van Vergaderzaal Oost") {
			t.Fatalf("the DM did not arrive:\n%s", out)
		}

		s, err := store.Open(context.Background(), env["WERKPLEK_DATABASE_URL"])
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if ok, err := s.TakeLease(context.Background(), serveLease, "a-serve", time.Minute); err != nil || !ok {
			t.Fatal(ok, err)
		}
		id := sendDM(t, env, "reminder:2", "Tweede herinnering")
		if out := runConsole(t, env, "Tweede herinnering", 2*time.Second); strings.Contains(out, "Tweede herinnering") {
			t.Fatalf("the console ran jobs while a serve held the lease:\n%s", out)
		}
		r := testRunner(t, env)
		list, err := r.Jobs(context.Background(), 10)
		var waiting []intranet.JobInfo
		for _, j := range list {
			if j.Kind != hours.HoursRemindJob { // the weekly hours reminder waits for Monday
				waiting = append(waiting, j)
			}
		}
		if err != nil || len(waiting) != 1 {
			t.Fatalf("pending jobs: %+v %v", list, err)
		}
		_ = id
	})
}

// TestServeRunsJobs: serve works the jobs and counts them in /metrics.
func TestServeRunsJobs(t *testing.T) {
	env := sqliteEnv(t)
	env["WERKPLEK_LISTEN"] = "127.0.0.1:0"
	srv := startServe(t, env)
	id := sendDM(t, env, "digest:1", "Nieuws van vandaag")
	waitFor(t, 60*time.Second, "delivered", func() bool {
		e, err := srv.Outbox.OutboxEntry(context.Background(), id)
		return err == nil && e.State == intranet.OutboxSent
	})
	if h, err := srv.Store.LeaseHolder(context.Background(), serveLease); err != nil || h == "" {
		t.Errorf("serve lease: %q %v", h, err)
	}
	// The job counts once its completion is recorded, just after the entry.
	waitFor(t, 60*time.Second, "job metrics", func() bool {
		resp, err := http.Get("http://" + srv.Addr + "/metrics")
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return strings.Contains(string(body), `werkplek_jobs_run_total{kind="outbox.deliver"} 1`) &&
			strings.Contains(string(body), `werkplek_job_delay_seconds_count{kind="outbox.deliver"} 1`)
	})
	if code := srv.stop(); code != 0 {
		t.Fatalf("exit %d", code)
	}
	s, err := store.Open(context.Background(), env["WERKPLEK_DATABASE_URL"])
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if h, err := s.LeaseHolder(context.Background(), serveLease); err != nil || h != "" {
		t.Errorf("serve lease after stop: %q %v", h, err)
	}
}
