// Package store keeps Werkplek's state through gorm on PostgreSQL (the
// production engine, several replicas) or SQLite (pure Go, the embedded
// default for a first try and small organisations). It is the only package
// that imports gorm; it translates driver errors into intranet error codes in
// one place (translate).
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"hash/fnv"
	"net"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/glebarez/sqlite"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/werkplek/werkplek/intranet"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
	"gorm.io/gorm/logger"
)

// Engine names the database engine behind a store.
type Engine string

// The two engines.
const (
	Postgres Engine = "postgres"
	SQLite   Engine = "sqlite"
)

// DefaultURL is the database when WERKPLEK_DATABASE_URL is not set.
const DefaultURL = "sqlite:werkplek.db"

// Store implements the intranet storage interfaces.
type Store struct {
	db     *gorm.DB
	engine Engine
	// Now is the clock; tests replace it.
	Now func() time.Time

	locks sync.Map // SQLite: lock name -> *sync.Mutex
}

var (
	_ intranet.PersonService  = (*Store)(nil)
	_ intranet.AccountService = (*Store)(nil)
	_ intranet.StateStore     = (*Store)(nil)
	_ intranet.Locker         = (*Store)(nil)
	_ intranet.Mailbox        = (*Store)(nil)
)

// ParseURL tells the engine and driver DSN of a WERKPLEK_DATABASE_URL:
// "postgres://…", "postgresql://…" or a key=value DSN for PostgreSQL,
// "sqlite:PATH" for SQLite, "" for DefaultURL.
func ParseURL(raw string) (Engine, string, error) {
	if raw == "" {
		raw = DefaultURL
	}
	switch {
	case strings.HasPrefix(raw, "postgres://"), strings.HasPrefix(raw, "postgresql://"), strings.Contains(raw, "host=") || strings.Contains(raw, "dbname="):
		return Postgres, raw, nil
	case strings.HasPrefix(raw, "sqlite:"):
		path := strings.TrimPrefix(strings.TrimPrefix(raw, "sqlite:"), "//")
		if path == "" {
			return "", "", fmt.Errorf("sqlite: needs a file path, e.g. sqlite:werkplek.db")
		}
		q := url.Values{}
		q.Add("_pragma", "busy_timeout(10000)")
		q.Add("_pragma", "foreign_keys(1)")
		if path != ":memory:" {
			q.Add("_pragma", "journal_mode(WAL)")
		}
		q.Set("_txlock", "immediate")
		// The path goes into a file: URI, where "?" and "#" would end it
		// (a test's directory "TestX/sqlite#01" became "TestX/sqlite",
		// shared by every run): they and "%" are written as %HH.
		path = strings.NewReplacer("%", "%25", "?", "%3F", "#", "%23").Replace(path)
		return SQLite, "file:" + path + "?" + q.Encode(), nil
	}
	return "", "", fmt.Errorf("%q is not a database address: use postgres://USER:PASSWORD@HOST/DB or sqlite:PATH", Redact(raw))
}

// Redact hides the password of a database address for messages and logs.
func Redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return raw
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}

// Open connects to the database, checks that it answers and runs the
// migrations (under a lock, so replicas starting together migrate once).
func Open(ctx context.Context, rawURL string) (*Store, error) {
	engine, dsn, err := ParseURL(rawURL)
	if err != nil {
		return nil, err
	}
	cfg := &gorm.Config{Logger: logger.Discard, NowFunc: func() time.Time { return time.Now().UTC() }}
	var db *gorm.DB
	if engine == Postgres {
		db, err = gorm.Open(postgres.Open(withConnectTimeout(dsn)), cfg)
	} else {
		db, err = gorm.Open(sqlite.Open(dsn), cfg)
	}
	if err != nil {
		return nil, fmt.Errorf("cannot reach the %s database at %s: %s", engine, Redact(rawURL), oneLine(err))
	}
	s := &Store{db: db, engine: engine, Now: time.Now}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, err
	}
	if engine == SQLite {
		sqlDB.SetMaxOpenConns(4)
	} else {
		sqlDB.SetMaxOpenConns(20)
		sqlDB.SetMaxIdleConns(20)
		sqlDB.SetConnMaxIdleTime(5 * time.Minute)
	}
	pingCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := sqlDB.PingContext(pingCtx); err != nil {
		_ = sqlDB.Close()
		return nil, fmt.Errorf("cannot reach the %s database at %s: %s", engine, Redact(rawURL), oneLine(err))
	}
	if err := s.migrate(ctx); err != nil {
		_ = sqlDB.Close()
		return nil, fmt.Errorf("migrate %s database: %w", engine, err)
	}
	return s, nil
}

// Engine tells which engine the store runs on.
func (s *Store) Engine() Engine { return s.engine }

// Close closes the connections.
func (s *Store) Close() error {
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

// Ping checks that the database answers, for /readyz.
func (s *Store) Ping(ctx context.Context) error {
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	return translate(sqlDB.PingContext(ctx))
}

// DB returns the underlying database/sql handle, for the job runner.
func (s *Store) DB() (*sql.DB, error) { return s.db.DB() }

// WithLock runs fn while holding a lock named name across every process of
// this database: a PostgreSQL session advisory lock on one pinned connection,
// a process mutex on SQLite (which serves one process).
func (s *Store) WithLock(ctx context.Context, name string, fn func(ctx context.Context) error) error {
	if s.engine == SQLite {
		l, _ := s.locks.LoadOrStore(name, &sync.Mutex{})
		mu := l.(*sync.Mutex)
		mu.Lock()
		defer mu.Unlock()
		return fn(ctx)
	}
	key := lockKey(name)
	return s.db.WithContext(ctx).Connection(func(conn *gorm.DB) error {
		if err := conn.Exec("SELECT pg_advisory_lock(?)", key).Error; err != nil {
			return fmt.Errorf("lock %s: %w", name, translate(err))
		}
		defer conn.WithContext(context.WithoutCancel(ctx)).Exec("SELECT pg_advisory_unlock(?)", key)
		return fn(ctx)
	})
}

// oneAtATime runs an import under a named lock: the same file imported on
// every replica at once (a scheduled sync) takes turns instead of colliding
// on the unique names. The imports share one name: they are rare, and on
// SQLite one import waiting for another's write transaction could
// otherwise outlast the busy timeout.
func oneAtATime(ctx context.Context, s *Store, name string, fn func(ctx context.Context) (intranet.ImportSummary, error)) (intranet.ImportSummary, error) {
	var sum intranet.ImportSummary
	err := s.WithLock(ctx, name, func(ctx context.Context) error {
		var err error
		sum, err = fn(ctx)
		return err
	})
	return sum, err
}

func lockKey(name string) int64 {
	h := fnv.New64a()
	_, _ = h.Write([]byte("werkplek:" + name))
	return int64(h.Sum64())
}

// translate turns driver errors into coded intranet errors: not found,
// conflicts (unique and exclusion violations) and an unreachable database.
func translate(err error) error {
	var pgErr *pgconn.PgError
	var netErr net.Error
	switch {
	case err == nil:
		return nil
	case errors.Is(err, gorm.ErrRecordNotFound), errors.Is(err, sql.ErrNoRows):
		return &intranet.Error{Code: intranet.ENOTFOUND, Message: "Not found."}
	case errors.As(err, &pgErr) && (pgErr.Code == "23505" || pgErr.Code == "23P01"):
		return fmt.Errorf("%w: %w", intranet.Errorf(intranet.ECONFLICT, "That conflicts with something that exists."), err)
	case strings.Contains(err.Error(), "UNIQUE constraint failed"):
		return fmt.Errorf("%w: %w", intranet.Errorf(intranet.ECONFLICT, "That conflicts with something that exists."), err)
	case errors.As(err, &netErr), pgconn.SafeToRetry(err), isConnectError(err), errors.Is(err, sql.ErrConnDone):
		// context.DeadlineExceeded is a net.Error too: a database that did
		// not answer within the caller's patience cannot be reached.
		return fmt.Errorf("%w: %w", intranet.Errorf(intranet.EUNAVAILABLE, "The database cannot be reached."), err)
	}
	return err
}

// ConnectTimeout bounds one attempt to open a PostgreSQL connection when
// the address sets no connect_timeout of its own: without it a database
// host that drops packets holds every new connection (a job's, a
// request's) for the system's TCP timeout, minutes.
const ConnectTimeout = 3 * time.Second

// withConnectTimeout adds connect_timeout to a PostgreSQL address (URL or
// key=value form) that has none.
func withConnectTimeout(dsn string) string {
	if strings.Contains(dsn, "connect_timeout") {
		return dsn
	}
	secs := fmt.Sprint(int(ConnectTimeout / time.Second))
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		sep := "?"
		if strings.Contains(dsn, "?") {
			sep = "&"
		}
		return dsn + sep + "connect_timeout=" + secs
	}
	return dsn + " connect_timeout=" + secs
}

func isConnectError(err error) bool {
	var ce *pgconn.ConnectError
	return errors.As(err, &ce) || strings.Contains(err.Error(), "connection refused") || strings.Contains(err.Error(), "no such file or directory") && strings.Contains(err.Error(), ".s.PGSQL")
}

// lockingClause locks the selected rows and skips rows another transaction
// holds (PostgreSQL).
func lockingClause() clause.Locking {
	return clause.Locking{Strength: "UPDATE", Options: "SKIP LOCKED"}
}

// oneLine folds a driver's multi-line error (pgx lists every address it
// tried) into one line without repeats, for a start-up message.
func oneLine(err error) string {
	var parts []string
	seen := map[string]bool{}
	for _, l := range strings.Split(err.Error(), "\n") {
		if l = strings.TrimSpace(l); l != "" && !seen[l] {
			seen[l] = true
			parts = append(parts, l)
		}
	}
	return strings.Join(parts, " ")
}
