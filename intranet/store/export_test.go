package store

import (
	"strings"
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

// ExplainIndexOnly returns PostgreSQL's plan for query with every way of
// reading a table but an index-only scan turned off, so that a plan that
// must visit the table shows a (disabled) sequential or index scan.
func ExplainIndexOnly(s *Store, query string, args ...any) (string, error) {
	var plan []string
	err := s.db.Transaction(func(tx *gorm.DB) error {
		for _, set := range []string{"enable_seqscan", "enable_indexscan", "enable_bitmapscan"} {
			if err := tx.Exec("SET LOCAL " + set + " = off").Error; err != nil {
				return err
			}
		}
		return tx.Raw("EXPLAIN "+query, args...).Scan(&plan).Error
	})
	return strings.Join(plan, "\n"), err
}
