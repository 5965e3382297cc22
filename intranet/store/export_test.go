package store

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
