package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/werkplek/werkplek/intranet"
)

// Where background jobs run (DESIGN.md: in serve, and in console and demo
// when no serve runs). Every serve works jobs; River shares them out among
// the replicas on PostgreSQL and elects one leader for its upkeep (moving
// scheduled jobs to available, rescuing jobs of a dead replica). Serve also
// keeps the lease "jobs.serve" in the states table, renewed every 20 s for
// 60 s, as a sign of life; a console or demo works jobs only while that
// lease is free and it holds "jobs.console" itself, so one console of a
// database at a time shows reminders as they fall due, and stops working
// them within 15 s of a serve starting.
const (
	serveLease   = "jobs.serve"
	consoleLease = "jobs.console"
	leaseTTL     = 60 * time.Second
	leaseRenew   = 20 * time.Second
	consoleCheck = 15 * time.Second
)

// jobsID names this process among the runners of the database.
func (m *Main) jobsID() string {
	host, _ := os.Hostname()
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	return fmt.Sprintf("%s-%d-%s", host, os.Getpid(), hex.EncodeToString(b))
}

// startServeJobs starts working jobs for serve and keeps the serve lease;
// the returned function stops both, waiting for running jobs.
func (m *Main) startServeJobs(ctx context.Context) (func(), error) {
	if err := m.Jobs.Start(context.WithoutCancel(ctx)); err != nil {
		return nil, fmt.Errorf("start jobs: %w", err)
	}
	holder := m.jobsID()
	keepCtx, stopKeep := context.WithCancel(context.WithoutCancel(ctx))
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(leaseRenew)
		defer t.Stop()
		for {
			if _, err := m.Store.TakeLease(keepCtx, serveLease, holder, leaseTTL); err != nil && keepCtx.Err() == nil {
				m.Log.Warn("jobs: renew the serve lease", "err", err)
			}
			select {
			case <-keepCtx.Done():
				return
			case <-t.C:
			}
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() {
			stopKeep()
			wg.Wait()
			stopCtx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			if err := m.Jobs.Stop(stopCtx); err != nil {
				m.Log.Warn("jobs: stop", "err", err)
			}
			if err := m.Store.DropLease(stopCtx, serveLease, holder); err != nil {
				m.Log.Warn("jobs: drop the serve lease", "err", err)
			}
		})
	}, nil
}

// startConsoleJobs works jobs in a console or demo while no serve holds its
// lease and this console holds the console lease; DMs then arrive through
// the console poster. The returned function stops it.
func (m *Main) startConsoleJobs(ctx context.Context) (func(), error) {
	holder := m.jobsID()
	loopCtx, stopLoop := context.WithCancel(context.WithoutCancel(ctx))
	running := false
	check := func() {
		serve, err := m.Store.LeaseHolder(loopCtx, serveLease)
		mine := false
		if err == nil && serve == "" {
			mine, err = m.Store.TakeLease(loopCtx, consoleLease, holder, leaseTTL)
		}
		if err != nil {
			if loopCtx.Err() == nil {
				m.Log.Warn("jobs: check the leases", "err", err)
			}
			return
		}
		switch {
		case mine && !running:
			if err := m.Jobs.Start(loopCtx); err != nil {
				m.Log.Warn("jobs: start", "err", err)
				return
			}
			running = true
		case !mine && running:
			stopCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
			if err := m.Jobs.Stop(stopCtx); err != nil {
				m.Log.Warn("jobs: stop", "err", err)
			}
			_ = m.Store.DropLease(stopCtx, consoleLease, holder)
			cancel()
			running = false
		}
	}
	check()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(consoleCheck)
		defer t.Stop()
		for {
			select {
			case <-loopCtx.Done():
				return
			case <-t.C:
				check()
			}
		}
	}()
	return func() {
		stopLoop()
		wg.Wait()
		if running {
			stopCtx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			if err := m.Jobs.Stop(stopCtx); err != nil {
				m.Log.Warn("jobs: stop", "err", err)
			}
			_ = m.Store.DropLease(stopCtx, consoleLease, holder)
		}
	}, nil
}

const jobsHelp = `werkplek jobs [--limit N] [--json]
werkplek jobs retry ID

Lists the background jobs that are pending (scheduled, available, running,
retrying) and those that failed, failed first: reminders, expiries, digests
and outbound messages. A failed job has used its attempts or failed for good
(a message a platform refused: its last error says why); "werkplek jobs retry
ID" runs it again at once. Times are in WERKPLEK_TIMEZONE.`

// jobsCommand runs `werkplek jobs` and `werkplek jobs retry ID`.
func (m *Main) jobsCommand(ctx context.Context, args []string) error {
	fs := m.flags("jobs", jobsHelp)
	limit := fs.Int("limit", 100, "list at most this many jobs")
	asJSON := fs.Bool("json", false, "print one JSON object a line")
	if err := fs.Parse(args); err != nil {
		return err
	}
	rest := fs.Args()
	if len(rest) > 0 && rest[0] != "retry" || len(rest) == 1 || len(rest) > 2 {
		return &exitError{code: 2, msg: "werkplek jobs: use `werkplek jobs` to list or `werkplek jobs retry ID`"}
	}
	var retryID int64
	if len(rest) == 2 {
		id, err := strconv.ParseInt(rest[1], 10, 64)
		if err != nil || id <= 0 {
			return &exitError{code: 2, msg: fmt.Sprintf("werkplek jobs retry: %q is not a job id (see `werkplek jobs`)", rest[1])}
		}
		retryID = id
	}
	if err := m.open(ctx); err != nil {
		return err
	}
	if retryID != 0 {
		err := m.Jobs.RetryJob(ctx, retryID)
		switch intranet.ErrorCode(err) {
		case "":
			fmt.Fprintf(m.Stdout, "Job %d will run again now.\n", retryID)
			return nil
		case intranet.ENOTFOUND, intranet.ECONFLICT:
			return &exitError{code: 1, msg: "werkplek jobs retry: " + intranet.ErrorMessage(err)}
		}
		return err
	}
	list, err := m.Jobs.Jobs(ctx, *limit)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(m.Stdout)
		for _, j := range list {
			if err := enc.Encode(j); err != nil {
				return err
			}
		}
		return nil
	}
	if len(list) == 0 {
		fmt.Fprintln(m.Stdout, "No pending or failed jobs.")
		return nil
	}
	loc := m.Config.Location
	if loc == nil {
		loc = time.UTC
	}
	tw := tabwriter.NewWriter(m.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSTATE\tKIND\tKEY\tDUE\tNEXT\tATTEMPTS\tLAST ERROR")
	for _, j := range list {
		next := j.Next.In(loc).Format("2006-01-02 15:04:05")
		if j.State == intranet.JobFailed || j.State == intranet.JobRunning {
			next = "-"
		}
		key := j.Key
		if key == "" {
			key = "-"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%d/%d\t%s\n", j.ID, j.State, j.Kind, key, j.Due.In(loc).Format("2006-01-02 15:04:05"), next,
			j.Attempt, j.MaxAttempts, shorten(j.LastError, 80))
	}
	return tw.Flush()
}

func shorten(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > max {
		return string(r[:max-1]) + "…"
	}
	return s
}
