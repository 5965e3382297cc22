package store

import (
	"context"
	"database/sql"
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
