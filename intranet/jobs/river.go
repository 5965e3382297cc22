package jobs

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/rivermigrate"
	"github.com/riverqueue/river/rivertype"
	"github.com/werkplek/werkplek/intranet"
)

// riverKind is River's kind of every Werkplek job; the Werkplek kind is in
// the arguments, so that features register handlers without a Go type each.
const riverKind = "werkplek"

// Kind makes args River's job arguments.
func (args) Kind() string { return riverKind }

// deliveryQueue is River's queue of the outbox's deliveries, worked by
// workers of their own beside the default queue's: River hands out the
// jobs of a queue in the order they fell due, so 20 000 digests due at
// once would otherwise all run before the first of the messages they
// enqueue goes out, and a flood of messages waiting for a platform's rate
// limit would hold back every other job. (Deliveries enqueued before this
// queue existed run in the default queue.)
const deliveryQueue = "outbox"

// riverQueue is the PostgreSQL queue: River on the store's *sql.DB.
type riverQueue struct {
	r      *Runner
	client *river.Client[*sql.Tx]

	stopRescue context.CancelFunc // ends rescueLoop; nil when it does not run
	rescueDone chan struct{}
}

// newRiverQueue migrates River's tables under the store's "migrate" lock and
// builds a client that works the default queue.
func newRiverQueue(ctx context.Context, r *Runner) (*riverQueue, error) {
	db, err := r.store.DB()
	if err != nil {
		return nil, err
	}
	driver := riverdatabasesql.New(db)
	err = r.store.WithLock(ctx, "migrate", func(ctx context.Context) error {
		m, err := rivermigrate.New(driver, &rivermigrate.Config{Logger: quiet(r.log)})
		if err != nil {
			return err
		}
		_, err = m.Migrate(ctx, rivermigrate.DirectionUp, nil)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("migrate river: %w", err)
	}
	q := &riverQueue{r: r}
	workers := river.NewWorkers()
	river.AddWorker(workers, &riverWorker{q: q})
	cfg := &river.Config{
		ID:                   r.cfg.ID,
		Logger:               quiet(r.log),
		Queues:               map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: r.cfg.Workers}, deliveryQueue: {MaxWorkers: r.cfg.Workers}},
		Workers:              workers,
		JobTimeout:           r.cfg.JobTimeout,
		RescueStuckJobsAfter: r.cfg.RescueAfter,
		FetchPollInterval:    r.cfg.PollInterval,
		FetchCooldown:        min(r.cfg.PollInterval, 100*time.Millisecond),
		MaxAttempts:          r.cfg.MaxAttempts,
		// A definite failure is a cancelled job (JobCancel; Scheduler.Cancel
		// deletes instead): keep it visible to `werkplek jobs` for a week,
		// as River keeps jobs that used their attempts.
		CancelledJobRetentionPeriod: FailedKept,
		DiscardedJobRetentionPeriod: FailedKept,
	}
	if r.cfg.Now != nil {
		cfg.Test.Time = clock{r.cfg.Now}
	}
	q.client, err = river.NewClient(driver, cfg)
	if err != nil {
		return nil, fmt.Errorf("river client: %w", err)
	}
	return q, nil
}

// clock is River's view of an injected clock.
type clock struct{ now func() time.Time }

func (c clock) Now() time.Time { return c.now() }
func (c clock) NowOrNil() *time.Time {
	t := c.now().UTC()
	return &t
}

func (q *riverQueue) insert(ctx context.Context, a args, at time.Time) (int64, error) {
	opts := &river.InsertOpts{MaxAttempts: q.r.cfg.MaxAttempts}
	if a.JobKind == OutboxKind || a.JobKind == WebhookKind {
		opts.Queue = deliveryQueue
	}
	if a.Key != "" {
		// One row's due time has one job at a time: a schedule that comes
		// back to a due time whose job is still running (or waiting for a
		// retry) gets that job, not a second one that would run beside it.
		// Finished jobs do not count, so a job that found itself stale
		// does not keep its due time from being scheduled again.
		opts.UniqueOpts = river.UniqueOpts{ByArgs: true, ByState: []rivertype.JobState{
			rivertype.JobStateAvailable, rivertype.JobStatePending, rivertype.JobStateRunning, rivertype.JobStateScheduled, rivertype.JobStateRetryable,
		}}
	}
	// River makes every job with a ScheduledAt "scheduled", which its leader
	// moves to "available" only every few seconds: a due job goes in
	// available at once.
	if at.After(q.r.now()) {
		opts.ScheduledAt = at
	}
	var res *rivertype.JobInsertResult
	var err error
	if tx, ok := q.r.store.SQLTx(ctx); ok {
		res, err = q.client.InsertTx(ctx, tx, a, opts)
	} else {
		res, err = q.client.Insert(ctx, a, opts)
	}
	if err != nil {
		return 0, unavailable(err)
	}
	return res.Job.ID, nil
}

func (q *riverQueue) remove(ctx context.Context, id int64) error {
	var err error
	if tx, ok := q.r.store.SQLTx(ctx); ok {
		_, err = q.client.JobDeleteTx(ctx, tx, id)
	} else {
		_, err = q.client.JobDelete(ctx, id)
	}
	if err != nil && !errors.Is(err, rivertype.ErrNotFound) && !errors.Is(err, rivertype.ErrJobRunning) {
		return unavailable(err)
	}
	return nil
}

// start starts River on a context that is never cancelled: River stops
// hard, cancelling running jobs, when its start context ends, and the
// runner stops only through stop, gracefully, as the SQLite queue does.
func (q *riverQueue) start(ctx context.Context) error {
	if err := q.client.Start(context.WithoutCancel(ctx)); err != nil {
		return err
	}
	if q.stopRescue == nil {
		rctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
		q.stopRescue, q.rescueDone = cancel, make(chan struct{})
		go func() { defer close(q.rescueDone); q.rescueLoop(rctx) }()
	}
	return nil
}

func (q *riverQueue) stop(ctx context.Context) error {
	if q.stopRescue != nil {
		q.stopRescue()
		<-q.rescueDone
		q.stopRescue = nil
	}
	return q.client.Stop(ctx)
}

func (q *riverQueue) list(ctx context.Context, limit int) ([]intranet.JobInfo, error) {
	var out []intranet.JobInfo
	for _, states := range [][]rivertype.JobState{
		{rivertype.JobStateDiscarded, rivertype.JobStateCancelled},
		{rivertype.JobStateRunning, rivertype.JobStateAvailable, rivertype.JobStatePending, rivertype.JobStateRetryable, rivertype.JobStateScheduled},
	} {
		if len(out) >= limit {
			break
		}
		res, err := q.client.JobList(ctx, river.NewJobListParams().States(states...).OrderBy(river.JobListOrderByScheduledAt, river.SortOrderAsc).First(limit-len(out)))
		if err != nil {
			return nil, fmt.Errorf("list jobs: %w", unavailable(err))
		}
		for _, j := range res.Jobs {
			out = append(out, riverInfo(j))
		}
	}
	return out, nil
}

func riverInfo(j *rivertype.JobRow) intranet.JobInfo {
	var a args
	unreadable := json.Unmarshal(j.EncodedArgs, &a)
	info := intranet.JobInfo{ID: j.ID, Kind: a.JobKind, Key: a.Key, Due: a.Due, Next: j.ScheduledAt, Attempt: j.Attempt, MaxAttempts: j.MaxAttempts}
	switch j.State {
	case rivertype.JobStateScheduled:
		info.State = intranet.JobScheduled
	case rivertype.JobStateRunning:
		info.State = intranet.JobRunning
	case rivertype.JobStateRetryable:
		info.State = intranet.JobRetrying
	case rivertype.JobStateDiscarded, rivertype.JobStateCancelled:
		info.State = intranet.JobFailed
	case rivertype.JobStateCompleted:
		info.State = intranet.JobDone
	default:
		info.State = intranet.JobAvailable
	}
	if n := len(j.Errors); n > 0 {
		info.LastError = j.Errors[n-1].Error
	}
	if unreadable != nil {
		info.LastError = "unreadable arguments: " + unreadable.Error()
	}
	return info
}

func (q *riverQueue) retry(ctx context.Context, id int64) error {
	j, err := q.client.JobGet(ctx, id)
	if errors.Is(err, rivertype.ErrNotFound) {
		return intranet.Errorf(intranet.ENOTFOUND, "No job %d.", id)
	} else if err != nil {
		return unavailable(err)
	}
	if j.State != rivertype.JobStateDiscarded && j.State != rivertype.JobStateCancelled {
		return intranet.Errorf(intranet.ECONFLICT, "Job %d has not failed (it is %s).", id, j.State)
	}
	if _, err := q.client.JobRetry(ctx, id); err != nil {
		return fmt.Errorf("retry job %d: %w", id, unavailable(err))
	}
	return nil
}

// riverWorker works every Werkplek job River hands out.
type riverWorker struct {
	river.WorkerDefaults[args]
	q *riverQueue
}

func (w *riverWorker) Work(ctx context.Context, job *river.Job[args]) error {
	r := w.q.r
	_, err := r.execute(ctx, job.Args.job(job.ID, job.Attempt), job.MaxAttempts, func(ctx context.Context) error {
		tx, ok := r.store.SQLTx(ctx)
		if !ok {
			return errors.New("complete job outside a transaction")
		}
		_, err := river.JobCompleteTx[*riverdatabasesql.Driver](ctx, tx, job)
		return err
	})
	if err == nil {
		return nil
	}
	if je, ok := intranet.AsJobError(err); ok {
		switch {
		case !je.Retry:
			return river.JobCancel(err)
		case je.RetryAfter > 0:
			return river.JobSnooze(je.RetryAfter)
		}
	}
	return err
}

// unavailable marks a database error as EUNAVAILABLE when the database could
// not be reached, and keeps it as it is otherwise.
func unavailable(err error) error {
	if err == nil || intranet.ErrorCode(err) != intranet.EINTERNAL {
		return err
	}
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, sql.ErrConnDone) {
		return fmt.Errorf("%w: %w", intranet.Errorf(intranet.EUNAVAILABLE, "The database cannot be reached."), err)
	}
	return err
}

// quiet passes on River's warnings and errors only: it reports its
// periodic upkeep at info level, which would fill the logs (and a console's
// terminal).
func quiet(l *slog.Logger) *slog.Logger { return slog.New(warnHandler{l.Handler()}) }

type warnHandler struct{ slog.Handler }

func (h warnHandler) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= slog.LevelWarn && h.Handler.Enabled(ctx, l)
}
func (h warnHandler) WithAttrs(a []slog.Attr) slog.Handler {
	return warnHandler{h.Handler.WithAttrs(a)}
}
func (h warnHandler) WithGroup(n string) slog.Handler { return warnHandler{h.Handler.WithGroup(n)} }
