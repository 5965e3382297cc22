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
	"github.com/werkplek/werkplek/intranet/jobs"
	"github.com/werkplek/werkplek/intranet/when"
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

// consoleJobs works jobs in a console or demo while no serve holds its
// lease and this console holds the console lease; DMs then arrive through
// the console poster. It is the console's console.Work: a console waiting
// for deliveries checks the leases at once (at most once a second) rather
// than at the next 15 s check, so that when the console that worked the
// jobs has ended, this one takes over while it waits.
type consoleJobs struct {
	m      *Main
	holder string
	ctx    context.Context // the loop's: ends with stop
	stopFn context.CancelFunc
	wg     sync.WaitGroup

	mu      sync.Mutex
	running bool
	checked time.Time
}

// startConsoleJobs checks the leases, starts working jobs when this
// console may, and keeps checking every 15 s until stop.
func (m *Main) startConsoleJobs(ctx context.Context) *consoleJobs {
	j := &consoleJobs{m: m, holder: m.jobsID()}
	j.ctx, j.stopFn = context.WithCancel(context.WithoutCancel(ctx))
	j.check()
	j.wg.Add(1)
	go func() {
		defer j.wg.Done()
		t := time.NewTicker(consoleCheck)
		defer t.Stop()
		for {
			select {
			case <-j.ctx.Done():
				return
			case <-t.C:
				j.check()
			}
		}
	}()
	return j
}

// check starts working jobs when no serve holds its lease and this console
// gets the console lease, and stops when that is no longer so.
func (j *consoleJobs) check() {
	j.mu.Lock()
	defer j.mu.Unlock()
	m, ctx := j.m, j.ctx
	j.checked = time.Now()
	serve, err := m.Store.LeaseHolder(ctx, serveLease)
	mine := false
	if err == nil && serve == "" {
		mine, err = m.Store.TakeLease(ctx, consoleLease, j.holder, leaseTTL)
	}
	if err != nil {
		if ctx.Err() == nil {
			m.Log.Warn("jobs: check the leases", "err", err)
		}
		return
	}
	switch {
	case mine && !j.running:
		if err := m.Jobs.Start(ctx); err != nil {
			m.Log.Warn("jobs: start", "err", err)
			return
		}
		j.running = true
	case !mine && j.running:
		j.stopWorking()
	}
}

// stopWorking stops the runner and gives up the console lease; j.mu is held.
func (j *consoleJobs) stopWorking() {
	stopCtx, cancel := context.WithTimeout(context.WithoutCancel(j.ctx), 30*time.Second)
	defer cancel()
	if err := j.m.Jobs.Stop(stopCtx); err != nil {
		j.m.Log.Warn("jobs: stop", "err", err)
	}
	if err := j.m.Store.DropLease(stopCtx, consoleLease, j.holder); err != nil {
		j.m.Log.Warn("jobs: drop the console lease", "err", err)
	}
	j.running = false
}

// Pending reports whether work caused since then is due and unfinished
// (console.Work); while there is, it makes sure someone works it. A
// webhook's deliveries do not count: the console shows chat, not them, and
// an endpoint that is down would hold it for its whole wait.
func (j *consoleJobs) Pending(ctx context.Context, since time.Time) (bool, error) {
	busy, err := j.m.Jobs.Pending(ctx, since, jobs.WebhookKind)
	if err != nil || !busy {
		return busy, err
	}
	j.mu.Lock()
	stale := !j.running && time.Since(j.checked) >= time.Second
	j.mu.Unlock()
	if stale {
		j.check()
	}
	return true, nil
}

// stop stops checking and working jobs, waiting for running ones.
func (j *consoleJobs) stop() {
	j.stopFn()
	j.wg.Wait()
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.running {
		j.stopWorking()
	}
}

const jobsHelp = `werkplek jobs [--limit N] [--json]
werkplek jobs retry ID

Lists the background jobs that are pending (scheduled, available, running,
retrying) and those that failed, failed first: reminders, expiries, digests
and outbound messages. A failed job has used its attempts or failed for good
(a message a platform refused: its last error says why); "werkplek jobs retry
ID" runs it again at once. Times are in WERKPLEK_TIMEZONE; --json writes them
in RFC 3339 with their offset, as every export does.`

// jobsCommand runs `werkplek jobs` and `werkplek jobs retry ID`.
func (m *Main) jobsCommand(ctx context.Context, args []string) error {
	fs := m.flags("jobs", jobsHelp)
	limit := fs.Int("limit", 100, "list at most this many jobs")
	asJSON := fs.Bool("json", false, "print one JSON object a line")
	if err := fs.Parse(args); err != nil {
		return err
	}
	rest := fs.Args()
	if len(rest) > 0 && rest[0] != "retry" {
		return unknownCommand("jobs", rest[0], []string{"retry"}, jobsHelp)
	}
	if len(rest) == 1 || len(rest) > 2 {
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
			return &exitError{code: 1, msg: "werkplek jobs retry: " + cliMessage(intranet.ErrorMessage(err))}
		}
		return err
	}
	list, err := m.Jobs.Jobs(ctx, *limit)
	if err != nil {
		return err
	}
	loc := m.Config.Location
	if loc == nil {
		loc = time.UTC
	}
	if *asJSON {
		enc := json.NewEncoder(m.Stdout)
		for _, j := range list {
			if err := enc.Encode(jobJSON(j, loc)); err != nil {
				return err
			}
		}
		return nil
	}
	if len(list) == 0 {
		fmt.Fprintln(m.Stdout, "No pending or failed jobs.")
		return nil
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

// jobLine is one job of `werkplek jobs --json`, its times written as
// every export writes them (when.Stamp).
type jobLine struct {
	ID          int64
	Kind        string
	Key         string
	State       intranet.JobState
	Due         string
	Next        string
	Attempt     int
	MaxAttempts int
	LastError   string
}

func jobJSON(j intranet.JobInfo, loc *time.Location) jobLine {
	return jobLine{ID: j.ID, Kind: j.Kind, Key: j.Key, State: j.State, Due: when.Stamp(j.Due, loc), Next: when.Stamp(j.Next, loc),
		Attempt: j.Attempt, MaxAttempts: j.MaxAttempts, LastError: j.LastError}
}

func shorten(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > max {
		return string(r[:max-1]) + "…"
	}
	return s
}
