package store

import "testing"

// TestWithConnectTimeout: a PostgreSQL address without connect_timeout
// gets ConnectTimeout, in its own form; one that sets it keeps its own.
func TestWithConnectTimeout(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"postgres://u@db/werkplek", "postgres://u@db/werkplek?connect_timeout=3"},
		{"postgresql://u@/werkplek?host=/run/pg&sslmode=disable", "postgresql://u@/werkplek?host=/run/pg&sslmode=disable&connect_timeout=3"},
		{"host=db dbname=werkplek", "host=db dbname=werkplek connect_timeout=3"},
		{"postgres://u@db/werkplek?connect_timeout=10", "postgres://u@db/werkplek?connect_timeout=10"},
	} {
		if got := withConnectTimeout(tc.in); got != tc.want {
			t.Errorf("withConnectTimeout(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
