package jobs

import (
	"context"
	"fmt"
	"log/slog"
	"math"
	"time"

	"github.com/werkplek/werkplek/intranet"
)

// execute runs one job: it checks that a scheduled job is still its row's
// pending job, calls the handler, and on success calls complete in one
// transaction with the ledger entry of the run. The returned error is the
// handler's (a *intranet.JobError or any error), for the queue to act on.
func (r *Runner) execute(ctx context.Context, j intranet.Job, maxAttempts int, complete func(ctx context.Context) error) (Outcome, error) {
	h := r.handler(j.Kind)
	if h == nil {
		err := intranet.FailJob(fmt.Errorf("no handler for job kind %q", j.Kind))
		r.observe(j, OutcomeFailed)
		return OutcomeFailed, err
	}
	if j.Key != "" {
		// Checking that this is still the row's pending job and completing
		// it when not are one transaction under the schedule's lock, so
		// that a Schedule racing it either comes before (and this job is
		// stale) or after (and sees the job finished, not running).
		stale := false
		err := r.store.InTx(ctx, func(ctx context.Context) error {
			sc, err := r.store.LockSchedule(ctx, j.Kind, j.Key)
			stale = intranet.ErrorCode(err) == intranet.ENOTFOUND || err == nil && (sc.JobID != j.ID || !sc.Due.Equal(j.Due))
			if err != nil && !stale {
				return err
			}
			if !stale {
				ran, err := r.store.ScheduleRan(ctx, j.Kind, j.Key, j.Due)
				if err != nil {
					return err
				} else if ran {
					stale = true
					if err := r.store.DeleteSchedule(ctx, j.Kind, j.Key, j.ID); err != nil {
						return err
					}
				}
			}
			if stale {
				return complete(ctx)
			}
			j.Payload = sc.Payload
			return nil
		})
		if err != nil {
			return OutcomeRetried, err
		}
		if stale {
			r.observe(j, OutcomeSkipped)
			return OutcomeSkipped, nil
		}
	}
	err := r.call(ctx, h, j)
	if err == nil {
		err = r.store.InTx(ctx, func(ctx context.Context) error {
			if j.Key != "" {
				if _, err := r.store.MarkScheduleRan(ctx, j.Kind, j.Key, j.Due); err != nil {
					return err
				}
				if err := r.store.DeleteSchedule(ctx, j.Kind, j.Key, j.ID); err != nil {
					return err
				}
			}
			return complete(ctx)
		})
		if err == nil {
			r.observe(j, OutcomeDone)
			return OutcomeDone, nil
		}
		err = fmt.Errorf("record job %d done: %w", j.ID, err)
	}
	outcome := OutcomeRetried
	if je, ok := intranet.AsJobError(err); ok && !je.Retry || j.Attempt >= maxAttempts && !(ok && je.RetryAfter > 0) {
		outcome = OutcomeFailed
	}
	lvl := slog.LevelWarn
	if outcome == OutcomeFailed {
		lvl = slog.LevelError
	}
	r.log.Log(ctx, lvl, "job did not succeed", "job_id", j.ID, "kind", j.Kind, "key", j.Key, "attempt", j.Attempt, "outcome", string(outcome), "err", err)
	r.observe(j, outcome)
	return outcome, err
}

// call runs a handler, turning a panic into a failed attempt.
func (r *Runner) call(ctx context.Context, h intranet.JobHandler, j intranet.Job) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("job %d (%s) panicked: %v", j.ID, j.Kind, p)
		}
	}()
	return h(ctx, j)
}

func (r *Runner) observe(j intranet.Job, o Outcome) {
	if r.cfg.Observe != nil {
		r.cfg.Observe(j.Kind, o, r.now().Sub(j.Due))
	}
}

// backoff is the wait before attempt+1 after a failed attempt: attempt⁴
// seconds, as River does, with at most a day.
func backoff(attempt int) time.Duration {
	s := math.Pow(float64(attempt), 4)
	if s > 86400 {
		s = 86400
	}
	return time.Duration(s * float64(time.Second))
}
