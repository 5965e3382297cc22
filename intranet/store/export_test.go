package store

import (
	"database/sql"
	"strings"
	"sync"
	"sync/atomic"

	"gorm.io/gorm"
)

// MigrationVersions are the versions of every registered migration, in
// order, for the tests of package store_test.
func MigrationVersions() []int {
	out := make([]int, len(migrations))
	for i, m := range migrations {
		out[i] = m.Version
	}
	return out
}

// Exec runs a statement on the store's database, for a test to set what
// no method of its package sets yet.
func Exec(s *Store, query string, args ...any) error { return s.db.Exec(query, args...).Error }

// CountStatements counts the statements the store sends from now on, for a
// test of how many round trips an operation takes.
func CountStatements(s *Store) func() int {
	var n atomic.Int64
	count := func(*gorm.DB) { n.Add(1) }
	cb := s.db.Callback()
	_ = cb.Query().After("gorm:query").Register("test:count_query", count)
	_ = cb.Row().After("gorm:row").Register("test:count_row", count)
	_ = cb.Raw().After("gorm:raw").Register("test:count_raw", count)
	return func() int { return int(n.Load()) }
}

// CaptureStatements records the statements the store sends from now on,
// with their values written in, for a test to explain their plans.
func CaptureStatements(s *Store) func() []string {
	var mu sync.Mutex
	var out []string
	record := func(db *gorm.DB) {
		mu.Lock()
		defer mu.Unlock()
		out = append(out, db.Dialector.Explain(db.Statement.SQL.String(), db.Statement.Vars...))
	}
	cb := s.db.Callback()
	_ = cb.Query().After("gorm:query").Register("test:capture_query", record)
	_ = cb.Row().After("gorm:row").Register("test:capture_row", record)
	_ = cb.Raw().After("gorm:raw").Register("test:capture_raw", record)
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), out...)
	}
}

// Explain returns PostgreSQL's plan for query with the given planner
// methods turned off ("seqscan", "sort" …): a plan that needs one anyway
// shows it, marked disabled.
func Explain(s *Store, off []string, query string, args ...any) (string, error) {
	var plan []string
	err := s.db.Transaction(func(tx *gorm.DB) error {
		for _, m := range off {
			if err := tx.Exec("SET LOCAL enable_" + m + " = off").Error; err != nil {
				return err
			}
		}
		return tx.Raw("EXPLAIN "+query, args...).Scan(&plan).Error
	})
	return strings.Join(plan, "\n"), err
}

// Rows runs a query on the store's database and returns each row as its
// columns' text joined by "|", for a test to compare whole tables.
func Rows(s *Store, query string, args ...any) ([]string, error) {
	rows, err := s.db.Raw(query, args...).Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var out []string
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		parts := make([]string, len(cols))
		for i, v := range vals {
			parts[i] = v.String
			if !v.Valid {
				parts[i] = "NULL"
			}
		}
		out = append(out, strings.Join(parts, "|"))
	}
	return out, rows.Err()
}
