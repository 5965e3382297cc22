package store_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/werkplek/werkplek/internal/pgtest"
	"github.com/werkplek/werkplek/intranet/store"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// engines runs fn once per engine, each with a fresh, migrated store.
func engines(t *testing.T, fn func(t *testing.T, s *store.Store)) {
	t.Helper()
	for _, engine := range []string{"sqlite", "postgres"} {
		t.Run(engine, func(t *testing.T) {
			fn(t, open(t, engine))
		})
	}
}

func open(t testing.TB, engine string) *store.Store {
	t.Helper()
	url := "sqlite:" + filepath.Join(t.TempDir(), "werkplek.db")
	if engine == "postgres" {
		url = pgtest.URL(t)
	}
	s, err := store.Open(context.Background(), url)
	if err != nil {
		t.Fatalf("open %s: %v", engine, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestParseURL(t *testing.T) {
	for _, tc := range []struct {
		in     string
		engine store.Engine
		ok     bool
	}{
		{"", store.SQLite, true},
		{"sqlite:data/w.db", store.SQLite, true},
		{"postgres://u:p@localhost/werkplek", store.Postgres, true},
		{"postgresql:///werkplek?host=/run/postgresql", store.Postgres, true},
		{"host=/tmp dbname=werkplek", store.Postgres, true},
		{"mysql://x", "", false},
		{"sqlite:", "", false},
	} {
		engine, _, err := store.ParseURL(tc.in)
		if (err == nil) != tc.ok || engine != tc.engine {
			t.Errorf("ParseURL(%q) = %q, %v", tc.in, engine, err)
		}
	}
	// A path with the signs that end a file: URI opens that very file.
	dir := filepath.Join(t.TempDir(), "run #1?", "100%")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(context.Background(), "sqlite:"+filepath.Join(dir, "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := os.Stat(filepath.Join(dir, "w.db")); err != nil {
		t.Errorf("the database is not where asked: %v", err)
	}
	if got := store.Redact("postgres://werkplek:geheim@db/werkplek"); got != "postgres://werkplek:xxxxx@db/werkplek" {
		t.Errorf("Redact = %q", got)
	}
}

func TestMigrateTwiceAndConcurrently(t *testing.T) {
	url := pgtest.URL(t)
	ctx := context.Background()
	errs := make(chan error, 4)
	for i := 0; i < 4; i++ {
		go func() {
			s, err := store.Open(ctx, url)
			if err == nil {
				s.Close()
			}
			errs <- err
		}()
	}
	for i := 0; i < 4; i++ {
		if err := <-errs; err != nil {
			t.Fatalf("concurrent open: %v", err)
		}
	}
	s, err := store.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	v, err := s.AppliedMigrations(ctx)
	// Every registered migration, once: versions need not be contiguous
	// (features register theirs, and a branch may lack another's).
	if err != nil || !slices.Equal(v, store.MigrationVersions()) || v[len(v)-1] != store.SchemaVersion() {
		t.Fatalf("applied = %v, %v", v, err)
	}
}

func TestOpenUnreachable(t *testing.T) {
	_, err := store.Open(context.Background(), "postgres://nobody@127.0.0.1:1/none?connect_timeout=2")
	if err == nil {
		t.Fatal("want an error for an unreachable database")
	}
}
