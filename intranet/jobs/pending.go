package jobs

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
)

// Pending reports whether a job created at or after since is due now and
// not finished: work on its way, such as a message being delivered or a
// card being brought up to date. The console waits on it to show what its
// commands caused (and, with since zero, everything due when it starts),
// leaving out the kinds in except (a webhook's deliveries, which it does
// not show). A job waiting for a later retry is not due. Returns
// EUNAVAILABLE when the database cannot be reached.
func (r *Runner) Pending(ctx context.Context, since time.Time, except ...string) (bool, error) {
	now := r.now()
	switch q := r.q.(type) {
	case *localQueue:
		return r.store.QueuedJobDue(ctx, since, now, except...)
	case *riverQueue:
		where := "scheduled_at <= @now AND created_at >= @since"
		named := river.NamedArgs{"now": now.UTC(), "since": since.UTC()}
		if len(except) > 0 {
			// The Werkplek kind is in the arguments (riverKind).
			names := make([]string, len(except))
			for i, k := range except {
				names[i] = "@except" + strconv.Itoa(i)
				named["except"+strconv.Itoa(i)] = k
			}
			where += " AND args->>'kind' NOT IN (" + strings.Join(names, ", ") + ")"
		}
		params := river.NewJobListParams().
			States(rivertype.JobStateAvailable, rivertype.JobStatePending, rivertype.JobStateRunning, rivertype.JobStateRetryable, rivertype.JobStateScheduled).
			Where(where, named).
			First(1)
		res, err := q.client.JobList(ctx, params)
		if err != nil {
			return false, fmt.Errorf("pending jobs: %w", unavailable(err))
		}
		return len(res.Jobs) > 0, nil
	}
	return false, fmt.Errorf("pending jobs: unknown queue %T", r.q)
}
