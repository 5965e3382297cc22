package jobs

import (
	"context"
	"time"
)

// River's own rescuer runs only on its elected leader, every 30 s, neither
// of which can be configured: a job of a replica that died, while that
// replica was the leader too, waited RescueAfter + 30 s + the election of
// a new leader (about 20 s) before it ran elsewhere, more on a machine
// whose CPUs are busy. So every runner on PostgreSQL also looks for itself,
// every rescueInterval, for jobs that have been running longer than
// RescueAfter and makes them available again at once: a dead replica's
// jobs run elsewhere within RescueAfter + rescueInterval + PollInterval,
// whoever leads. A job that used its attempts is left to River's rescuer,
// which fails it.

// rescueInterval is how often a runner looks for stuck jobs: a fifth of
// RescueAfter, between 1 and 10 seconds.
func (r *Runner) rescueInterval() time.Duration {
	return min(max(r.cfg.RescueAfter/5, time.Second), 10*time.Second)
}

// rescueLoop looks for stuck jobs until ctx ends.
func (q *riverQueue) rescueLoop(ctx context.Context) {
	t := time.NewTicker(q.r.rescueInterval())
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if n, err := q.rescue(ctx); err != nil && ctx.Err() == nil {
			q.r.log.Warn("jobs: rescue stuck jobs", "err", err)
		} else if n > 0 {
			q.r.log.Info("jobs: rescued the jobs of a process that stopped", "jobs", n)
		}
	}
}

// rescue makes the jobs that have been running longer than RescueAfter
// available again, noting why in their errors, and returns how many.
func (q *riverQueue) rescue(ctx context.Context) (int64, error) {
	db, err := q.r.store.DB()
	if err != nil {
		return 0, err
	}
	now := q.r.now().UTC()
	res, err := db.ExecContext(ctx, `UPDATE river_job SET state = 'available', scheduled_at = $1,
errors = array_append(errors, jsonb_build_object('at', $1::timestamptz, 'attempt', attempt, 'error', 'rescued: its process stopped working it', 'trace', ''))
WHERE state = 'running' AND attempted_at < $2 AND attempt < max_attempts`, now, now.Add(-q.r.cfg.RescueAfter))
	if err != nil {
		return 0, unavailable(err)
	}
	return res.RowsAffected()
}
