package store

import (
	"database/sql"
	"strings"
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
