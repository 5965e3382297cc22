// Package jobs runs Werkplek's background work in the database: one-off
// jobs, work scheduled per row (a booking's reminder, a handover's expiry)
// and the delivery of outbound messages (Outbox).
//
// Two queues behind one Runner, chosen by the store's engine:
//
//   - PostgreSQL: River (riverqueue.com) through its database/sql driver on
//     the store's own *sql.DB, so a job is enqueued in the same transaction
//     as the change that causes it (store.InTx). River's migrations run at
//     New under the store's "migrate" lock, the lock our own migrations take.
//     Every started Runner works jobs; River locks each job for one of them
//     (FOR UPDATE SKIP LOCKED), and its elected leader moves scheduled jobs
//     to available and rescues jobs of a process that died.
//   - SQLite: a small queue in the store's jobs table with the same states,
//     retries, rescue and transactions. River's riversqlite driver was tried
//     first and does not work on our SQLite: its schema and queries use the
//     jsonb functions of SQLite 3.45, and the pure-Go driver the store uses
//     (glebarez/go-sqlite on modernc.org/sqlite v1.23) is SQLite 3.41.2
//     ("no such function: jsonb"); the driver also asks for a single
//     connection, where the store keeps four. SQLite serves one process, so
//     a single-process queue is all it needs.
//
// Rescue: a job may run at most JobTimeout (30 s) and is taken back from a
// process that stopped updating it after RescueAfter (45 s); every runner
// looks for such jobs every fifth of RescueAfter (rescue.go; River's own
// rescuer runs only on its leader, every 30 s), so a job of a dead replica
// runs elsewhere within about RescueAfter + 10 s. A job that fell due
// while every process was down runs once when one comes back.
//
// Scheduled work keeps its pending job per (kind, key) in job_schedules and
// a ledger of runs in job_runs: a job that finds it is no longer the row's
// pending job (rescheduled or cancelled meanwhile) does nothing, and a
// (kind, key, due) in the ledger never runs again. A (kind, key, due) has
// one unfinished job at a time (River's unique jobs; the same rule in the
// SQLite queue): a row moved away from a due time whose job is running and
// back to it gets that running job again, not a second one beside it, which
// the ledger could not stop because the first has not finished yet. The
// ledger entry and the
// job's completion commit in one transaction, after the handler returned;
// a process that dies between the handler's work and that commit has the
// job run again after the rescue time, so handlers must be safe to repeat
// (the outbox dedupes messages by Delivery.Key).
package jobs

import (
	"context"
	"fmt"
	"log/slog"
	"regexp"
	"sync"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/store"
)

// Defaults of Config.
const (
	DefaultJobTimeout   = 30 * time.Second
	DefaultRescueAfter  = 45 * time.Second
	DefaultPollInterval = time.Second
	DefaultMaxAttempts  = 10
	// RunsKept is how long the ledger of scheduled runs is kept.
	RunsKept = 30 * 24 * time.Hour
	// FailedKept is how long River keeps failed jobs for an admin to see
	// (the SQLite queue keeps them until they are retried).
	FailedKept = 7 * 24 * time.Hour
)

// Outcome is how one run of a job ended, for metrics.
type Outcome string

// The outcomes.
const (
	OutcomeDone    Outcome = "done"    // the handler succeeded
	OutcomeRetried Outcome = "retried" // it will be tried again
	OutcomeFailed  Outcome = "failed"  // it failed for good or used its attempts
	OutcomeSkipped Outcome = "skipped" // a stale scheduled job: rescheduled, cancelled or already run
)

// Config configures a Runner.
type Config struct {
	Store *store.Store
	Log   *slog.Logger
	// Now is the clock; tests set it to drive due jobs. Default time.Now.
	Now func() time.Time
	// Workers is how many jobs run at once in this process (default 10 on
	// PostgreSQL, 2 on SQLite); on PostgreSQL as many deliveries of
	// outbound messages run beside them.
	Workers int
	// JobTimeout cancels a handler's context after this long (default 30 s).
	JobTimeout time.Duration
	// RescueAfter takes a job back from a process that has been running it
	// this long (default 45 s); it must exceed JobTimeout.
	RescueAfter time.Duration
	// PollInterval is how often due jobs are looked for (default 1 s).
	PollInterval time.Duration
	// MaxAttempts is how often a failing job is tried (default 10; with the
	// backoff of attempt⁴ seconds that is about 7 hours).
	MaxAttempts int
	// DeliveryMaxWait caps the wait between two tries of one outbound
	// message on a platform that fails (default MaxDeliveryWait): once the
	// platform is back, everything is delivered within about this long.
	// The outbox tries for MaxDeliveryAge, however many tries that takes.
	DeliveryMaxWait time.Duration
	// Observe, when set, is told the outcome of every run, with the time
	// between the job's due time and its end.
	Observe func(kind string, outcome Outcome, delay time.Duration)
	// ID names this runner among others of the database (default random).
	ID string
	// Retention is WERKPLEK_RETENTION_DAYS: delivered messages and finished
	// jobs older than this are purged every hour (store.PurgeRetention);
	// 0 keeps them.
	Retention time.Duration
}

// Runner is the job runner of one process: features register handlers, then
// schedule and enqueue jobs; Start makes this process work them too.
type Runner struct {
	cfg   Config
	store *store.Store
	log   *slog.Logger
	q     queue

	mu       sync.RWMutex
	handlers map[string]intranet.JobHandler

	pruneMu   sync.Mutex
	stopPrune context.CancelFunc
	pruneDone chan struct{}
}

var (
	_ intranet.JobRegistry = (*Runner)(nil)
	_ intranet.Scheduler   = (*Runner)(nil)
	_ intranet.JobAdmin    = (*Runner)(nil)
)

// queue is what each engine's job queue offers the runner.
type queue interface {
	// insert enqueues a job, in the transaction of ctx when it has one.
	insert(ctx context.Context, a args, at time.Time) (int64, error)
	// remove deletes a job that is not running (a stale one is harmless).
	remove(ctx context.Context, id int64) error
	start(ctx context.Context) error
	stop(ctx context.Context) error
	list(ctx context.Context, limit int) ([]intranet.JobInfo, error)
	retry(ctx context.Context, id int64) error
}

// args are a job's arguments as the queue stores them.
type args struct {
	JobKind string    `json:"kind"`
	Key     string    `json:"key,omitempty"`
	Due     time.Time `json:"due"`
	Payload []byte    `json:"payload,omitempty"`
}

// job is the handler's view of a job with these arguments.
func (a args) job(id int64, attempt int) intranet.Job {
	return intranet.Job{ID: id, Kind: a.JobKind, Key: a.Key, Due: a.Due, Payload: a.Payload, Attempt: attempt}
}

// New builds the runner for the store's engine; on PostgreSQL it migrates
// River's tables first.
func New(ctx context.Context, cfg Config) (*Runner, error) {
	if cfg.Store == nil {
		return nil, fmt.Errorf("jobs: no store")
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.JobTimeout <= 0 {
		cfg.JobTimeout = DefaultJobTimeout
	}
	if cfg.RescueAfter <= 0 {
		cfg.RescueAfter = DefaultRescueAfter
	}
	if cfg.RescueAfter <= cfg.JobTimeout {
		return nil, fmt.Errorf("jobs: RescueAfter (%s) must exceed JobTimeout (%s)", cfg.RescueAfter, cfg.JobTimeout)
	}
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = DefaultPollInterval
	}
	if cfg.MaxAttempts <= 0 {
		cfg.MaxAttempts = DefaultMaxAttempts
	}
	if cfg.DeliveryMaxWait <= 0 {
		cfg.DeliveryMaxWait = MaxDeliveryWait
	}
	if cfg.Workers <= 0 {
		cfg.Workers = 10
		if cfg.Store.Engine() == store.SQLite {
			cfg.Workers = 2
		}
	}
	r := &Runner{cfg: cfg, store: cfg.Store, log: cfg.Log, handlers: map[string]intranet.JobHandler{}}
	var err error
	if cfg.Store.Engine() == store.Postgres {
		r.q, err = newRiverQueue(ctx, r)
	} else {
		r.q = newLocalQueue(r)
	}
	if err != nil {
		return nil, err
	}
	return r, nil
}

func (r *Runner) now() time.Time {
	if r.cfg.Now != nil {
		return r.cfg.Now()
	}
	return time.Now()
}

var kindRE = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$`)

// HandleJobs registers the handler of a kind. Returns EINVALID for a
// malformed kind or a nil handler, ECONFLICT for a kind registered twice.
func (r *Runner) HandleJobs(kind string, h intranet.JobHandler) error {
	if !kindRE.MatchString(kind) || h == nil {
		return intranet.Errorf(intranet.EINVALID, "Job kind %q is not lowercase words joined by dots, or has no handler.", kind)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.handlers[kind]; ok {
		return intranet.Errorf(intranet.ECONFLICT, "Job kind %q has a handler already.", kind)
	}
	r.handlers[kind] = h
	return nil
}

func (r *Runner) handler(kind string) intranet.JobHandler {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.handlers[kind]
}

func (r *Runner) checkKind(kind string) error {
	if r.handler(kind) == nil {
		return intranet.Errorf(intranet.EINVALID, "No handler for job kind %q.", kind)
	}
	return nil
}

// Start makes this process work jobs until Stop, which lets running jobs
// finish; ending ctx does not stop it. It also forgets, every hour,
// scheduled runs older than RunsKept, and old sign-in links and idle web
// sessions (store.PurgeWeb), and delivered messages and finished jobs
// older than Config.Retention (store.PurgeRetention).
func (r *Runner) Start(ctx context.Context) error {
	if err := r.q.start(ctx); err != nil {
		return err
	}
	r.pruneMu.Lock()
	defer r.pruneMu.Unlock()
	if r.stopPrune == nil {
		pctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
		done := make(chan struct{})
		r.stopPrune, r.pruneDone = cancel, done
		go func() {
			defer close(done)
			t := time.NewTicker(time.Hour)
			defer t.Stop()
			for {
				r.forget(pctx)
				select {
				case <-pctx.Done():
					return
				case <-t.C:
				}
			}
		}()
	}
	return nil
}

// Stop stops working jobs, waiting for the running ones to finish; when ctx
// ends first they are cancelled.
func (r *Runner) Stop(ctx context.Context) error {
	r.pruneMu.Lock()
	if r.stopPrune != nil {
		r.stopPrune()
		<-r.pruneDone
		r.stopPrune = nil
	}
	r.pruneMu.Unlock()
	return r.q.stop(ctx)
}

// Enqueue runs a one-off job of kind as soon as possible; it joins the
// transaction of ctx. Returns EINVALID for a kind without handler.
func (r *Runner) Enqueue(ctx context.Context, kind string, payload []byte) (int64, error) {
	if err := r.checkKind(kind); err != nil {
		return 0, err
	}
	now := store.DueTime(r.now())
	id, err := r.q.insert(ctx, args{JobKind: kind, Due: now, Payload: payload}, now)
	if err != nil {
		return 0, fmt.Errorf("enqueue %s: %w", kind, err)
	}
	return id, nil
}

// Schedule makes the job of kind for key run once at due with payload; see
// intranet.Scheduler. Returns EINVALID for a kind without handler or an
// empty key.
func (r *Runner) Schedule(ctx context.Context, kind, key string, due time.Time, payload []byte) error {
	if err := r.checkKind(kind); err != nil {
		return err
	} else if key == "" {
		return intranet.Errorf(intranet.EINVALID, "A scheduled job needs a key.")
	}
	due = store.DueTime(due)
	err := r.store.InTx(ctx, func(ctx context.Context) error {
		sc, err := r.store.LockSchedule(ctx, kind, key)
		switch {
		case err == nil && sc.Due.Equal(due):
			sc.Payload = payload
			return r.store.PutSchedule(ctx, sc)
		case err == nil:
			if err := r.q.remove(ctx, sc.JobID); err != nil {
				return err
			}
		case intranet.ErrorCode(err) != intranet.ENOTFOUND:
			return err
		}
		if ran, err := r.store.ScheduleRan(ctx, kind, key, due); err != nil {
			return err
		} else if ran {
			if sc.JobID != 0 {
				return r.store.DeleteSchedule(ctx, kind, key, 0)
			}
			return nil
		}
		id, err := r.q.insert(ctx, args{JobKind: kind, Key: key, Due: due}, due)
		if err != nil {
			return err
		}
		return r.store.PutSchedule(ctx, store.Schedule{Kind: kind, Key: key, Due: due, Payload: payload, JobID: id})
	})
	if err != nil {
		return fmt.Errorf("schedule %s %s: %w", kind, key, err)
	}
	return nil
}

// Reschedule moves the pending job of (kind, key) to due. Returns ENOTFOUND
// when there is none.
func (r *Runner) Reschedule(ctx context.Context, kind, key string, due time.Time) error {
	var payload []byte
	err := r.store.InTx(ctx, func(ctx context.Context) error {
		sc, err := r.store.LockSchedule(ctx, kind, key)
		if err != nil {
			return err
		}
		payload = sc.Payload
		return r.Schedule(ctx, kind, key, due, payload)
	})
	if err != nil {
		return fmt.Errorf("reschedule %s %s: %w", kind, key, err)
	}
	return nil
}

// Cancel removes the pending job of (kind, key); a missing one is not an
// error.
func (r *Runner) Cancel(ctx context.Context, kind, key string) error {
	err := r.store.InTx(ctx, func(ctx context.Context) error {
		sc, err := r.store.LockSchedule(ctx, kind, key)
		if intranet.ErrorCode(err) == intranet.ENOTFOUND {
			return nil
		} else if err != nil {
			return err
		}
		if err := r.q.remove(ctx, sc.JobID); err != nil {
			return err
		}
		return r.store.DeleteSchedule(ctx, kind, key, 0)
	})
	if err != nil {
		return fmt.Errorf("cancel %s %s: %w", kind, key, err)
	}
	return nil
}

// Jobs lists pending and failed jobs, failed first, at most limit.
func (r *Runner) Jobs(ctx context.Context, limit int) ([]intranet.JobInfo, error) {
	if limit <= 0 {
		limit = 100
	}
	return r.q.list(ctx, limit)
}

// RetryJob makes a failed job run again at once. Returns ENOTFOUND or
// ECONFLICT when the job has not failed.
func (r *Runner) RetryJob(ctx context.Context, id int64) error { return r.q.retry(ctx, id) }

// Store returns the store the runner keeps its jobs in, for InTx.
func (r *Runner) Store() *store.Store { return r.store }
