package store

import (
	"context"
	"fmt"
	"time"

	"github.com/werkplek/werkplek/intranet"
)

// The SQLite job queue. Its states are River's, so both engines read alike.
const (
	QueueScheduled = "scheduled"
	QueueAvailable = "available"
	QueueRunning   = "running"
	QueueRetryable = "retryable"
	QueueCompleted = "completed"
	QueueCancelled = "cancelled"
	QueueDiscarded = "discarded"
)

// QueuedJob is one job of the SQLite queue.
type QueuedJob struct {
	ID          int64
	Kind        string
	Args        []byte
	State       string
	ScheduledAt time.Time
	Attempt     int
	MaxAttempts int
	LastError   string
}

type queueRow struct {
	ID          int64
	Kind        string
	Args        string
	State       string
	ScheduledAt int64
	Attempt     int
	MaxAttempts int
	LastError   string
}

func (r queueRow) job() QueuedJob {
	return QueuedJob{ID: r.ID, Kind: r.Kind, Args: []byte(r.Args), State: r.State, ScheduledAt: time.UnixMicro(r.ScheduledAt).UTC(),
		Attempt: r.Attempt, MaxAttempts: r.MaxAttempts, LastError: r.LastError}
}

// InsertQueuedJob adds a job to the SQLite queue, due at at; it joins the
// transaction of ctx. When unique, a job of the same kind and args that has
// not finished (waiting, running or to be retried) is returned instead of a
// new one, as River's unique jobs do: one row's due time never has two jobs
// at once.
func (s *Store) InsertQueuedJob(ctx context.Context, kind string, args []byte, at time.Time, maxAttempts int, unique bool) (int64, error) {
	now := s.Now().UTC()
	state := QueueAvailable
	if at.After(now) {
		state = QueueScheduled
	}
	var id int64
	err := s.InTx(ctx, func(ctx context.Context) error {
		db := s.conn(ctx)
		if unique {
			var ids []int64
			err := db.Raw("SELECT id FROM jobs WHERE kind = ? AND args = ? AND state IN (?, ?, ?, ?) LIMIT 1",
				kind, string(args), QueueScheduled, QueueAvailable, QueueRunning, QueueRetryable).Scan(&ids).Error
			if err != nil {
				return err
			} else if len(ids) > 0 {
				id = ids[0]
				return nil
			}
		}
		return db.Raw("INSERT INTO jobs (kind, args, state, scheduled_at, max_attempts, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
			kind, string(args), state, at.UnixMicro(), maxAttempts, now.UnixMicro()).Scan(&id).Error
	})
	if err != nil {
		return 0, fmt.Errorf("insert job: %w", translate(err))
	}
	return id, nil
}

// DeleteQueuedJob removes a job that is not running; it joins the
// transaction of ctx.
func (s *Store) DeleteQueuedJob(ctx context.Context, id int64) error {
	if err := s.conn(ctx).Exec("DELETE FROM jobs WHERE id = ? AND state <> ?", id, QueueRunning).Error; err != nil {
		return fmt.Errorf("delete job: %w", translate(err))
	}
	return nil
}

// ClaimQueuedJob marks the next due job running and returns it. Returns
// ENOTFOUND when no job is due.
func (s *Store) ClaimQueuedJob(ctx context.Context) (QueuedJob, error) {
	now := s.Now().UTC().UnixMicro()
	var rows []queueRow
	err := s.conn(ctx).Raw(`UPDATE jobs SET state = ?, attempt = attempt + 1, attempted_at = ?
WHERE id = (SELECT id FROM jobs WHERE state IN (?, ?, ?) AND scheduled_at <= ? ORDER BY scheduled_at, id LIMIT 1)
RETURNING id, kind, args, state, scheduled_at, attempt, max_attempts, last_error`,
		QueueRunning, now, QueueScheduled, QueueAvailable, QueueRetryable, now).Scan(&rows).Error
	if err != nil {
		return QueuedJob{}, fmt.Errorf("claim job: %w", translate(err))
	} else if len(rows) == 0 {
		return QueuedJob{}, intranet.Errorf(intranet.ENOTFOUND, "No job is due.")
	}
	return rows[0].job(), nil
}

// FinishQueuedJob ends a running job's attempt: state is QueueCompleted,
// QueueRetryable or QueueScheduled (again at at; a scheduled job's attempt
// does not count), QueueCancelled or QueueDiscarded. A retry of a job that
// used its attempts is discarded instead.
func (s *Store) FinishQueuedJob(ctx context.Context, id int64, state string, at time.Time, cause string) error {
	now := s.Now().UTC().UnixMicro()
	var q string
	var args []any
	switch state {
	case QueueCompleted, QueueCancelled, QueueDiscarded:
		q, args = "UPDATE jobs SET state = ?, finalized_at = ?, last_error = CASE WHEN ? = '' THEN last_error ELSE ? END WHERE id = ? AND state = ?", []any{state, now, cause, cause, id, QueueRunning}
	case QueueRetryable:
		q = `UPDATE jobs SET state = CASE WHEN attempt >= max_attempts THEN ? ELSE ? END,
finalized_at = CASE WHEN attempt >= max_attempts THEN ? ELSE NULL END, scheduled_at = ?, last_error = ? WHERE id = ? AND state = ?`
		args = []any{QueueDiscarded, QueueRetryable, now, at.UnixMicro(), cause, id, QueueRunning}
	case QueueScheduled:
		q, args = "UPDATE jobs SET state = ?, attempt = attempt - 1, scheduled_at = ? WHERE id = ? AND state = ?", []any{QueueScheduled, at.UnixMicro(), id, QueueRunning}
	default:
		return fmt.Errorf("finish job %d: unknown state %q", id, state)
	}
	if err := s.conn(ctx).Exec(q, args...).Error; err != nil {
		return fmt.Errorf("finish job %d: %w", id, translate(err))
	}
	return nil
}

// RescueQueuedJobs makes jobs that have been running since before the
// cutoff (their process died) retryable at once, or discarded when they
// used their attempts, and forgets completed jobs finished before forget.
// It returns how many it rescued.
func (s *Store) RescueQueuedJobs(ctx context.Context, cutoff, forget time.Time) (int64, error) {
	now := s.Now().UTC().UnixMicro()
	res := s.conn(ctx).Exec(`UPDATE jobs SET state = CASE WHEN attempt >= max_attempts THEN ? ELSE ? END,
finalized_at = CASE WHEN attempt >= max_attempts THEN ? ELSE NULL END, scheduled_at = ?, last_error = ?
WHERE state = ? AND attempted_at < ?`, QueueDiscarded, QueueRetryable, now, now, "rescued: the process running it stopped", QueueRunning, cutoff.UnixMicro())
	if res.Error != nil {
		return 0, fmt.Errorf("rescue jobs: %w", translate(res.Error))
	}
	if err := s.conn(ctx).Exec("DELETE FROM jobs WHERE state = ? AND finalized_at < ?", QueueCompleted, forget.UnixMicro()).Error; err != nil {
		return 0, fmt.Errorf("forget jobs: %w", translate(err))
	}
	return res.RowsAffected, nil
}

// QueuedJobs lists the jobs of the SQLite queue that are not completed,
// failed first, then by due time, at most limit.
func (s *Store) QueuedJobs(ctx context.Context, limit int) ([]QueuedJob, error) {
	var rows []queueRow
	err := s.conn(ctx).Raw(`SELECT id, kind, args, state, scheduled_at, attempt, max_attempts, last_error FROM jobs WHERE state <> ?
ORDER BY CASE WHEN state IN (?, ?) THEN 0 ELSE 1 END, scheduled_at, id LIMIT ?`, QueueCompleted, QueueCancelled, QueueDiscarded, limit).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("list jobs: %w", translate(err))
	}
	out := make([]QueuedJob, len(rows))
	for i, r := range rows {
		out[i] = r.job()
	}
	return out, nil
}

// QueuedJob returns one job of the SQLite queue. Returns ENOTFOUND.
func (s *Store) QueuedJob(ctx context.Context, id int64) (QueuedJob, error) {
	var rows []queueRow
	err := s.conn(ctx).Raw("SELECT id, kind, args, state, scheduled_at, attempt, max_attempts, last_error FROM jobs WHERE id = ?", id).Scan(&rows).Error
	if err != nil {
		return QueuedJob{}, fmt.Errorf("get job: %w", translate(err))
	} else if len(rows) == 0 {
		return QueuedJob{}, intranet.Errorf(intranet.ENOTFOUND, "No job %d.", id)
	}
	return rows[0].job(), nil
}

// RetryQueuedJob makes a failed job of the SQLite queue available at once,
// with one more attempt. Returns ENOTFOUND, or ECONFLICT when it has not
// failed.
func (s *Store) RetryQueuedJob(ctx context.Context, id int64) error {
	res := s.conn(ctx).Exec(`UPDATE jobs SET state = ?, scheduled_at = ?, finalized_at = NULL,
max_attempts = CASE WHEN attempt >= max_attempts THEN attempt + 1 ELSE max_attempts END WHERE id = ? AND state IN (?, ?)`,
		QueueAvailable, s.Now().UTC().UnixMicro(), id, QueueCancelled, QueueDiscarded)
	if res.Error != nil {
		return fmt.Errorf("retry job %d: %w", id, translate(res.Error))
	}
	if res.RowsAffected == 0 {
		if _, err := s.QueuedJob(ctx, id); err != nil {
			return err
		}
		return intranet.Errorf(intranet.ECONFLICT, "Job %d has not failed.", id)
	}
	return nil
}

// QueuedJobDue reports whether a job of the SQLite queue created at or
// after since is due at now and not finished (waiting, running, or to be
// retried by now), leaving out jobs of the kinds in except.
func (s *Store) QueuedJobDue(ctx context.Context, since, now time.Time, except ...string) (bool, error) {
	var ids []int64
	q := "SELECT id FROM jobs WHERE state IN (?, ?, ?, ?) AND scheduled_at <= ? AND created_at >= ?"
	vals := []any{QueueScheduled, QueueAvailable, QueueRunning, QueueRetryable, now.UTC().UnixMicro(), since.UTC().UnixMicro()}
	if len(except) > 0 {
		q += " AND kind NOT IN ?"
		vals = append(vals, except)
	}
	err := s.conn(ctx).Raw(q+" LIMIT 1", vals...).Scan(&ids).Error
	if err != nil {
		return false, fmt.Errorf("due jobs: %w", translate(err))
	}
	return len(ids) > 0, nil
}
