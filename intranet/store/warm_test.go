package store_test

import (
	"context"
	"testing"

	"github.com/werkplek/werkplek/intranet/demo"
	"github.com/werkplek/werkplek/intranet/store"
)

// TestWarm: after Warm the pool holds the connections it opened, idle and
// ready for the first requests (one on SQLite), and the store still works.
func TestWarm(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		if _, err := s.ImportPeople(ctx, demo.People(), false); err != nil {
			t.Fatal(err)
		}
		if err := s.Warm(ctx, 6); err != nil {
			t.Fatal(err)
		}
		db, err := s.DB()
		if err != nil {
			t.Fatal(err)
		}
		want := 6
		if s.Engine() == store.SQLite {
			want = 1
		}
		if idle := db.Stats().Idle; idle < want {
			t.Errorf("%d idle connections after Warm, want at least %d", idle, want)
		}
		if _, err := s.FindPersonByEmail(ctx, demo.User); err != nil {
			t.Fatal(err)
		}
	})
}
