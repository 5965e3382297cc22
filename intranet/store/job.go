package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// The store side of background jobs (package jobs runs them): transactions
// that jobs join, a lease that says which process runs jobs, the per-row
// schedule with its ledger of runs, the outbox of outbound messages and, on
// SQLite, the queue itself (PostgreSQL uses River's tables, which River's own
// migrations create).

func init() {
	register(migration{2, "jobs: schedules, runs, outbox, SQLite queue", `
CREATE TABLE job_schedules (
	kind text NOT NULL,
	key text NOT NULL,
	due_at timestamptz NOT NULL,
	payload text NOT NULL DEFAULT '',
	job_id bigint NOT NULL,
	updated_at timestamptz NOT NULL,
	PRIMARY KEY (kind, key)
);
CREATE TABLE job_runs (
	kind text NOT NULL,
	key text NOT NULL,
	due_at timestamptz NOT NULL,
	ran_at timestamptz NOT NULL,
	PRIMARY KEY (kind, key, due_at)
);
CREATE INDEX job_runs_ran ON job_runs (ran_at);
CREATE TABLE outbox (
	id bigserial PRIMARY KEY,
	key text NOT NULL UNIQUE,
	platform text NOT NULL,
	installation text NOT NULL,
	channel_id text NOT NULL DEFAULT '',
	user_id text NOT NULL DEFAULT '',
	reply text NOT NULL,
	state text NOT NULL,
	attempts integer NOT NULL DEFAULT 0,
	last_error text NOT NULL DEFAULT '',
	message_id text NOT NULL DEFAULT '',
	message_channel_id text NOT NULL DEFAULT '',
	created_at timestamptz NOT NULL,
	sent_at timestamptz
);
`, `
CREATE TABLE job_schedules (
	kind TEXT NOT NULL,
	key TEXT NOT NULL,
	due_at DATETIME NOT NULL,
	payload TEXT NOT NULL DEFAULT '',
	job_id INTEGER NOT NULL,
	updated_at DATETIME NOT NULL,
	PRIMARY KEY (kind, key)
);
CREATE TABLE job_runs (
	kind TEXT NOT NULL,
	key TEXT NOT NULL,
	due_at DATETIME NOT NULL,
	ran_at DATETIME NOT NULL,
	PRIMARY KEY (kind, key, due_at)
);
CREATE INDEX job_runs_ran ON job_runs (ran_at);
CREATE TABLE outbox (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	key TEXT NOT NULL UNIQUE,
	platform TEXT NOT NULL,
	installation TEXT NOT NULL,
	channel_id TEXT NOT NULL DEFAULT '',
	user_id TEXT NOT NULL DEFAULT '',
	reply TEXT NOT NULL,
	state TEXT NOT NULL,
	attempts INTEGER NOT NULL DEFAULT 0,
	last_error TEXT NOT NULL DEFAULT '',
	message_id TEXT NOT NULL DEFAULT '',
	message_channel_id TEXT NOT NULL DEFAULT '',
	created_at DATETIME NOT NULL,
	sent_at DATETIME
);
CREATE TABLE jobs (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	kind TEXT NOT NULL,
	args TEXT NOT NULL,
	state TEXT NOT NULL,
	scheduled_at INTEGER NOT NULL,
	attempt INTEGER NOT NULL DEFAULT 0,
	max_attempts INTEGER NOT NULL,
	attempted_at INTEGER,
	last_error TEXT NOT NULL DEFAULT '',
	created_at INTEGER NOT NULL,
	finalized_at INTEGER
);
CREATE INDEX jobs_due ON jobs (state, scheduled_at, id);
`})
}

// txKey carries the transaction of InTx in a context.
type txKey struct{}

type txState struct {
	store *Store
	db    *gorm.DB
}

var _ intranet.Transactor = (*Store)(nil)

// InTx runs fn in one transaction. Store methods that say they join it, the
// job scheduler and the outbox use it when called with fn's ctx; a nested
// InTx joins the outer one.
func (s *Store) InTx(ctx context.Context, fn func(ctx context.Context) error) error {
	if tx, ok := ctx.Value(txKey{}).(*txState); ok && tx.store == s {
		return fn(ctx)
	}
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		return fn(context.WithValue(ctx, txKey{}, &txState{store: s, db: tx}))
	})
}

// SQLTx returns the *sql.Tx of the InTx transaction ctx carries, so that a
// job queue on the same database (River) enqueues in it.
func (s *Store) SQLTx(ctx context.Context) (*sql.Tx, bool) {
	tx, ok := ctx.Value(txKey{}).(*txState)
	if !ok || tx.store != s {
		return nil, false
	}
	sqlTx, ok := tx.db.Statement.ConnPool.(*sql.Tx)
	return sqlTx, ok
}

// conn is the database handle for ctx: its InTx transaction, or the pool.
func (s *Store) conn(ctx context.Context) *gorm.DB {
	if tx, ok := ctx.Value(txKey{}).(*txState); ok && tx.store == s {
		return tx.db.WithContext(ctx)
	}
	return s.db.WithContext(ctx)
}

// forUpdate locks the selected rows until the transaction ends (PostgreSQL;
// an SQLite write transaction already holds the whole database).
func (s *Store) forUpdate(q *gorm.DB) *gorm.DB {
	if s.engine == Postgres {
		return q.Clauses(clause.Locking{Strength: "UPDATE"})
	}
	return q
}

// lockRow locks one row of table until db's transaction ends, so that
// reading it, checking it and writing it is one step for racing requests
// (PostgreSQL; an SQLite write transaction already holds the whole
// database).
func (s *Store) lockRow(db *gorm.DB, table string, id int64) error {
	if s.engine != Postgres {
		return nil
	}
	return db.Exec("SELECT 1 FROM "+table+" WHERE id = ? FOR UPDATE", id).Error
}

// lockName takes a named lock until db's transaction ends, for a
// check-then-insert that no single row guards (PostgreSQL; SQLite as above).
func (s *Store) lockName(db *gorm.DB, name string) error {
	if s.engine != Postgres {
		return nil
	}
	return db.Exec("SELECT pg_advisory_xact_lock(?)", lockKey(name)).Error
}

// Leases are kept in the states table, namespace "lease", as
// "HOLDER|EXPIRY"; an expired or empty lease is free.
const leaseNamespace = "lease"

// TakeLease claims the lease name for holder, or renews it when holder has
// it, until now plus ttl; it reports whether holder holds it now.
func (s *Store) TakeLease(ctx context.Context, name, holder string, ttl time.Duration) (bool, error) {
	now := s.Now().UTC()
	var got bool
	err := s.InTx(ctx, func(ctx context.Context) error {
		db := s.conn(ctx)
		if err := db.Exec("INSERT INTO states (namespace, key, value, updated_at) VALUES (?, ?, '', ?) ON CONFLICT DO NOTHING", leaseNamespace, name, now).Error; err != nil {
			return err
		}
		var rows []stateRow
		if err := s.forUpdate(db.Where("namespace = ? AND key = ?", leaseNamespace, name)).Find(&rows).Error; err != nil {
			return err
		}
		if len(rows) == 0 {
			return nil
		}
		h, exp := parseLease(rows[0].Value)
		if h != "" && h != holder && now.Before(exp) {
			return nil
		}
		got = true
		return db.Exec("UPDATE states SET value = ?, updated_at = ? WHERE namespace = ? AND key = ?", holder+"|"+now.Add(ttl).Format(time.RFC3339Nano), now, leaseNamespace, name).Error
	})
	if err != nil {
		return false, fmt.Errorf("take lease %s: %w", name, translate(err))
	}
	return got, nil
}

// LeaseHolder returns who holds the lease name now, "" when nobody does.
func (s *Store) LeaseHolder(ctx context.Context, name string) (string, error) {
	v, err := s.State(ctx, leaseNamespace, name)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return "", nil
	} else if err != nil {
		return "", err
	}
	h, exp := parseLease(v)
	if h == "" || !s.Now().Before(exp) {
		return "", nil
	}
	return h, nil
}

// DropLease gives the lease up when holder has it.
func (s *Store) DropLease(ctx context.Context, name, holder string) error {
	err := s.conn(ctx).Exec("UPDATE states SET value = '' WHERE namespace = ? AND key = ? AND value LIKE ?", leaseNamespace, name, escapeLike(holder)+"|%").Error
	if err != nil {
		return fmt.Errorf("drop lease %s: %w", name, translate(err))
	}
	return nil
}

func parseLease(v string) (string, time.Time) {
	h, e, ok := strings.Cut(v, "|")
	if !ok {
		return "", time.Time{}
	}
	exp, err := time.Parse(time.RFC3339Nano, e)
	if err != nil {
		return "", time.Time{}
	}
	return h, exp
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// Schedule is the pending job of one (kind, key).
type Schedule struct {
	Kind    string
	Key     string
	Due     time.Time
	Payload []byte
	// JobID is the queue's job that runs it.
	JobID int64
}

type scheduleRow struct {
	Kind      string `gorm:"primaryKey"`
	Key       string `gorm:"primaryKey"`
	DueAt     time.Time
	Payload   string
	JobID     int64
	UpdatedAt time.Time
}

func (scheduleRow) TableName() string { return "job_schedules" }

// DueTime is how a due time is stored: UTC, to the microsecond (what
// PostgreSQL keeps), so that equal times compare equal on both engines.
func DueTime(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

// LockSchedule returns the pending schedule of (kind, key), locked until the
// transaction of ctx ends (call it inside InTx). Returns ENOTFOUND.
func (s *Store) LockSchedule(ctx context.Context, kind, key string) (Schedule, error) {
	var rows []scheduleRow
	if err := s.forUpdate(s.conn(ctx).Where("kind = ? AND key = ?", kind, key)).Limit(1).Find(&rows).Error; err != nil {
		return Schedule{}, fmt.Errorf("lock schedule: %w", translate(err))
	} else if len(rows) == 0 {
		return Schedule{}, intranet.Errorf(intranet.ENOTFOUND, "No job %s for %s is pending.", kind, key)
	}
	r := rows[0]
	return Schedule{Kind: r.Kind, Key: r.Key, Due: r.DueAt.UTC(), Payload: []byte(r.Payload), JobID: r.JobID}, nil
}

// PutSchedule stores the pending schedule of (kind, key), replacing any;
// it joins the transaction of ctx.
func (s *Store) PutSchedule(ctx context.Context, sc Schedule) error {
	row := scheduleRow{Kind: sc.Kind, Key: sc.Key, DueAt: DueTime(sc.Due), Payload: string(sc.Payload), JobID: sc.JobID, UpdatedAt: s.Now().UTC()}
	err := s.conn(ctx).Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "kind"}, {Name: "key"}},
		DoUpdates: clause.AssignmentColumns([]string{"due_at", "payload", "job_id", "updated_at"}),
	}).Create(&row).Error
	if err != nil {
		return fmt.Errorf("put schedule: %w", translate(err))
	}
	return nil
}

// DeleteSchedule removes the pending schedule of (kind, key) when it is
// still run by jobID (0: whatever job); it joins the transaction of ctx.
func (s *Store) DeleteSchedule(ctx context.Context, kind, key string, jobID int64) error {
	q := "DELETE FROM job_schedules WHERE kind = ? AND key = ?"
	args := []any{kind, key}
	if jobID != 0 {
		q += " AND job_id = ?"
		args = append(args, jobID)
	}
	if err := s.conn(ctx).Exec(q, args...).Error; err != nil {
		return fmt.Errorf("delete schedule: %w", translate(err))
	}
	return nil
}

// ScheduleRan reports whether (kind, key, due) has run.
func (s *Store) ScheduleRan(ctx context.Context, kind, key string, due time.Time) (bool, error) {
	var n int64
	err := s.conn(ctx).Raw("SELECT count(*) FROM job_runs WHERE kind = ? AND key = ? AND due_at = ?", kind, key, DueTime(due)).Scan(&n).Error
	if err != nil {
		return false, fmt.Errorf("schedule ran: %w", translate(err))
	}
	return n > 0, nil
}

// MarkScheduleRan records that (kind, key, due) ran, and reports false when
// it was recorded already (another run got there first). It joins the
// transaction of ctx.
func (s *Store) MarkScheduleRan(ctx context.Context, kind, key string, due time.Time) (bool, error) {
	res := s.conn(ctx).Exec("INSERT INTO job_runs (kind, key, due_at, ran_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", kind, key, DueTime(due), s.Now().UTC())
	if res.Error != nil {
		return false, fmt.Errorf("mark schedule ran: %w", translate(res.Error))
	}
	return res.RowsAffected == 1, nil
}

// PruneScheduleRuns forgets runs older than before (the ledger only has to
// outlive the changes that could schedule the same due time again).
func (s *Store) PruneScheduleRuns(ctx context.Context, before time.Time) error {
	if err := s.conn(ctx).Exec("DELETE FROM job_runs WHERE ran_at < ?", before.UTC()).Error; err != nil {
		return fmt.Errorf("prune schedule runs: %w", translate(err))
	}
	return nil
}

type outboxRow struct {
	ID               int64 `gorm:"primaryKey"`
	Key              string
	Platform         string
	Installation     string
	ChannelID        string
	UserID           string
	Reply            string
	State            string
	Attempts         int
	LastError        string
	MessageID        string
	MessageChannelID string
	CreatedAt        time.Time
	SentAt           *time.Time
}

func (outboxRow) TableName() string { return "outbox" }

// PutOutbox records the intent to deliver d, once per d.Key, and returns the
// entry's id and whether it is new. It joins the transaction of ctx.
func (s *Store) PutOutbox(ctx context.Context, d intranet.Delivery) (int64, bool, error) {
	body, err := json.Marshal(d.Reply)
	if err != nil {
		return 0, false, fmt.Errorf("put outbox: %w", err)
	}
	row := outboxRow{Key: d.Key, Platform: string(d.To.Platform), Installation: d.To.Installation, ChannelID: d.To.ChannelID, UserID: d.To.UserID,
		Reply: string(body), State: string(intranet.OutboxPending), CreatedAt: s.Now().UTC()}
	db := s.conn(ctx)
	res := db.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "key"}}, DoNothing: true}).Create(&row)
	if res.Error != nil {
		return 0, false, fmt.Errorf("put outbox: %w", translate(res.Error))
	}
	if res.RowsAffected == 1 && row.ID != 0 {
		return row.ID, true, nil
	}
	var id int64
	if err := db.Raw("SELECT id FROM outbox WHERE key = ?", d.Key).Scan(&id).Error; err != nil || id == 0 {
		return 0, false, fmt.Errorf("put outbox: %w", translate(err))
	}
	return id, false, nil
}

// OutboxEntry returns an outbox entry. Returns ENOTFOUND.
func (s *Store) OutboxEntry(ctx context.Context, id int64) (intranet.OutboxEntry, error) {
	var rows []outboxRow
	if err := s.conn(ctx).Where("id = ?", id).Limit(1).Find(&rows).Error; err != nil {
		return intranet.OutboxEntry{}, fmt.Errorf("outbox entry: %w", translate(err))
	} else if len(rows) == 0 {
		return intranet.OutboxEntry{}, intranet.Errorf(intranet.ENOTFOUND, "No outbound message %d.", id)
	}
	r := rows[0]
	e := intranet.OutboxEntry{
		ID: r.ID, Key: r.Key, State: intranet.OutboxState(r.State), Attempts: r.Attempts, LastError: r.LastError, Created: r.CreatedAt,
		To: intranet.Destination{Platform: intranet.Platform(r.Platform), Installation: r.Installation, ChannelID: r.ChannelID, UserID: r.UserID},
	}
	if r.MessageID != "" {
		e.Ref = intranet.MessageRef{Platform: e.To.Platform, Installation: r.Installation, ChannelID: r.MessageChannelID, ID: r.MessageID}
	}
	if r.SentAt != nil {
		e.Sent = *r.SentAt
	}
	if err := json.Unmarshal([]byte(r.Reply), &e.Reply); err != nil {
		return intranet.OutboxEntry{}, fmt.Errorf("outbox entry %d: %w", id, err)
	}
	return e, nil
}

// MarkOutboxSent records that entry id was delivered as ref.
func (s *Store) MarkOutboxSent(ctx context.Context, id int64, ref intranet.MessageRef) error {
	err := s.conn(ctx).Exec("UPDATE outbox SET state = ?, attempts = attempts + 1, last_error = '', message_id = ?, message_channel_id = ?, sent_at = ? WHERE id = ?",
		string(intranet.OutboxSent), ref.ID, ref.ChannelID, s.Now().UTC(), id).Error
	if err != nil {
		return fmt.Errorf("mark outbox sent: %w", translate(err))
	}
	return nil
}

// MarkOutboxAttempt records a failed attempt at entry id; with failed the
// entry failed for good.
func (s *Store) MarkOutboxAttempt(ctx context.Context, id int64, cause string, failed bool) error {
	state := intranet.OutboxPending
	if failed {
		state = intranet.OutboxFailed
	}
	err := s.conn(ctx).Exec("UPDATE outbox SET state = ?, attempts = attempts + 1, last_error = ? WHERE id = ?", string(state), cause, id).Error
	if err != nil {
		return fmt.Errorf("mark outbox attempt: %w", translate(err))
	}
	return nil
}

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
