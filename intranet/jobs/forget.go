package jobs

import "context"

// forget is the runner's hourly clean-up: scheduled runs older than
// RunsKept, old sign-in links and idle web sessions, and delivered
// messages and finished jobs past their retention. A failure is logged and
// tried again the next hour.
func (r *Runner) forget(ctx context.Context) {
	if err := r.store.PruneScheduleRuns(ctx, r.now().Add(-RunsKept)); err != nil && ctx.Err() == nil {
		r.log.Warn("jobs: prune scheduled runs", "err", err)
	}
	if _, err := r.store.PurgeWeb(ctx, r.now()); err != nil && ctx.Err() == nil {
		r.log.Warn("jobs: purge old sign-in links and idle web sessions", "err", err)
	}
	if r.cfg.Retention > 0 {
		if _, err := r.store.PurgeRetention(ctx, r.now().Add(-r.cfg.Retention)); err != nil && ctx.Err() == nil {
			r.log.Warn("jobs: purge delivered messages and finished jobs past their retention", "err", err)
		}
	}
}
