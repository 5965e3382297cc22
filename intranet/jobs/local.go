package jobs

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/store"
)

// localQueue is the SQLite queue: the store's jobs table, worked by this
// process. It behaves as River does: the same states, attempt⁴ backoff,
// snoozes that do not count as attempts, and rescue of jobs whose process
// stopped after RescueAfter. A claim is one UPDATE … RETURNING, so two
// processes on one SQLite file never take the same job either.
type localQueue struct {
	r    *Runner
	wake chan struct{}

	mu         sync.Mutex
	stopClaims context.CancelFunc // stop takes no new jobs
	cancelJobs context.CancelFunc // and cancels running ones if it must
	done       chan struct{}
}

func newLocalQueue(r *Runner) *localQueue {
	return &localQueue{r: r, wake: make(chan struct{}, 1)}
}

func (q *localQueue) insert(ctx context.Context, a args, at time.Time) (int64, error) {
	b, err := json.Marshal(a)
	if err != nil {
		return 0, err
	}
	id, err := q.r.store.InsertQueuedJob(ctx, a.JobKind, b, at, q.r.cfg.MaxAttempts, a.Key != "")
	if err != nil {
		return 0, err
	}
	q.poke()
	return id, nil
}

func (q *localQueue) remove(ctx context.Context, id int64) error {
	return q.r.store.DeleteQueuedJob(ctx, id)
}

func (q *localQueue) start(ctx context.Context) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.stopClaims != nil {
		return fmt.Errorf("jobs: runner already started")
	}
	base := context.WithoutCancel(ctx)
	ctx, q.stopClaims = context.WithCancel(base)
	jobCtx, cancelJobs := context.WithCancel(base)
	q.cancelJobs = cancelJobs
	done := make(chan struct{})
	q.done = done
	go func() {
		defer close(done)
		var running sync.WaitGroup
		defer running.Wait()
		workers := make(chan struct{}, q.r.cfg.Workers)
		t := time.NewTicker(q.r.cfg.PollInterval)
		defer t.Stop()
		for {
			if err := q.dispatch(ctx, jobCtx, workers, &running); err != nil && ctx.Err() == nil {
				q.r.log.Warn("jobs: run due jobs", "err", err)
			}
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			case <-q.wake:
			}
		}
	}()
	return nil
}

// dispatch rescues stuck jobs, then claims due jobs while one of the
// workers is free and runs each in a goroutine of its own (with jobCtx),
// so that a slow job never keeps a free worker from the next due one. A
// job that ends wakes the loop to claim the next.
func (q *localQueue) dispatch(ctx, jobCtx context.Context, workers chan struct{}, running *sync.WaitGroup) error {
	if err := q.rescue(ctx); err != nil {
		return err
	}
	for ctx.Err() == nil {
		select {
		case workers <- struct{}{}:
		default:
			return nil // every worker is busy
		}
		j, err := q.r.store.ClaimQueuedJob(ctx)
		if err != nil {
			<-workers
			if intranet.ErrorCode(err) == intranet.ENOTFOUND {
				return nil
			}
			return err
		}
		running.Add(1)
		go func() {
			defer running.Done()
			if err := q.work(jobCtx, j); err != nil {
				q.r.log.Warn("jobs: record a job's end", "job_id", j.ID, "err", err)
			}
			<-workers
			q.poke()
		}()
	}
	return nil
}

// rescue makes the jobs of a process that stopped running them due again.
func (q *localQueue) rescue(ctx context.Context) error {
	now := q.r.now()
	n, err := q.r.store.RescueQueuedJobs(ctx, now.Add(-q.r.cfg.RescueAfter), now.Add(-24*time.Hour))
	if n > 0 {
		q.r.log.Warn("jobs: rescued jobs of a stopped process", "jobs", n)
	}
	return err
}

// poke wakes the loop of start.
func (q *localQueue) poke() {
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

// stop takes no new jobs and waits for the jobs in flight; a ctx that ends
// first cancels them.
func (q *localQueue) stop(ctx context.Context) error {
	q.mu.Lock()
	stopClaims, cancelJobs, done := q.stopClaims, q.cancelJobs, q.done
	q.stopClaims, q.cancelJobs = nil, nil
	q.mu.Unlock()
	if stopClaims == nil {
		return nil
	}
	stopClaims()
	defer cancelJobs()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		cancelJobs()
		<-done
		return ctx.Err()
	}
}

// runDue rescues stuck jobs, then runs every due job with up to Workers at
// once, and returns how many it ran, when they all ended: RunDue's batch.
// It claims jobs while ctx lasts and runs them with jobCtx.
func (q *localQueue) runDue(ctx, jobCtx context.Context) (int, error) {
	if err := q.rescue(ctx); err != nil {
		return 0, err
	}
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		ran      int
		firstErr error
	)
	for range q.r.cfg.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				j, err := q.r.store.ClaimQueuedJob(ctx)
				if intranet.ErrorCode(err) == intranet.ENOTFOUND {
					return
				}
				if err == nil {
					err = q.work(jobCtx, j)
				}
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = err
				}
				ran++
				mu.Unlock()
				if err != nil {
					return
				}
			}
		}()
	}
	wg.Wait()
	return ran, firstErr
}

// work runs one claimed job and records how its attempt ended.
func (q *localQueue) work(ctx context.Context, qj store.QueuedJob) error {
	var a args
	if err := json.Unmarshal(qj.Args, &a); err != nil {
		return q.r.store.FinishQueuedJob(ctx, qj.ID, store.QueueDiscarded, time.Time{}, "unreadable arguments: "+err.Error())
	}
	jctx, cancel := context.WithTimeout(ctx, q.r.cfg.JobTimeout)
	defer cancel()
	_, err := q.r.execute(jctx, a.job(qj.ID, qj.Attempt), qj.MaxAttempts, func(ctx context.Context) error {
		return q.r.store.FinishQueuedJob(ctx, qj.ID, store.QueueCompleted, time.Time{}, "")
	})
	if err == nil {
		return nil
	}
	now := q.r.now()
	state, at := store.QueueRetryable, now.Add(backoff(qj.Attempt))
	if je, ok := intranet.AsJobError(err); ok {
		switch {
		case !je.Retry:
			state = store.QueueCancelled
		case je.RetryAfter > 0:
			state, at = store.QueueScheduled, now.Add(je.RetryAfter)
		}
	}
	return q.r.store.FinishQueuedJob(context.WithoutCancel(ctx), qj.ID, state, at, err.Error())
}

func (q *localQueue) list(ctx context.Context, limit int) ([]intranet.JobInfo, error) {
	jobs, err := q.r.store.QueuedJobs(ctx, limit)
	if err != nil {
		return nil, err
	}
	out := make([]intranet.JobInfo, 0, len(jobs))
	for _, j := range jobs {
		var a args
		info := intranet.JobInfo{ID: j.ID, Next: j.ScheduledAt, Attempt: j.Attempt, MaxAttempts: j.MaxAttempts, LastError: j.LastError}
		if err := json.Unmarshal(j.Args, &a); err != nil {
			info.LastError = "unreadable arguments: " + err.Error()
		}
		info.Kind, info.Key, info.Due = a.JobKind, a.Key, a.Due
		switch j.State {
		case store.QueueScheduled:
			info.State = intranet.JobScheduled
		case store.QueueRunning:
			info.State = intranet.JobRunning
		case store.QueueRetryable:
			info.State = intranet.JobRetrying
		case store.QueueCancelled, store.QueueDiscarded:
			info.State = intranet.JobFailed
		default:
			info.State = intranet.JobAvailable
		}
		out = append(out, info)
	}
	return out, nil
}

func (q *localQueue) retry(ctx context.Context, id int64) error {
	return q.r.store.RetryQueuedJob(ctx, id)
}

// RunDue runs the jobs that are due now (by Config.Now) in this goroutine's
// call, after rescuing jobs of a stopped process, and returns how many ran.
// Tests drive the SQLite queue with it. On PostgreSQL River's own loops run
// jobs: it returns ENOTIMPLEMENTED there.
func (r *Runner) RunDue(ctx context.Context) (int, error) {
	q, ok := r.q.(*localQueue)
	if !ok {
		return 0, intranet.Errorf(intranet.ENOTIMPLEMENTED, "River runs the jobs on PostgreSQL.")
	}
	return q.runDue(ctx, ctx)
}
