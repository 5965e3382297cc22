package store_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/store"
)

func TestState(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		if _, err := s.State(ctx, "ns", "k"); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Fatalf("missing: %v", err)
		}
		if err := s.SetState(ctx, "ns", "k", "1"); err != nil {
			t.Fatal(err)
		}
		if err := s.SetState(ctx, "ns", "k", "2"); err != nil {
			t.Fatal(err)
		}
		if v, err := s.State(ctx, "ns", "k"); v != "2" || err != nil {
			t.Fatalf("state = %q, %v", v, err)
		}
		var wins atomic.Int32
		var wg sync.WaitGroup
		for i := 0; i < 20; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				ok, err := s.ClaimState(ctx, "events", "E1", "x")
				if err != nil {
					t.Error(err)
				}
				if ok {
					wins.Add(1)
				}
			}()
		}
		wg.Wait()
		if wins.Load() != 1 {
			t.Errorf("claims won = %d, want 1", wins.Load())
		}
		m, _ := s.StateList(ctx, "ns")
		if len(m) != 1 || m["k"] != "2" {
			t.Errorf("list = %v", m)
		}
		if err := s.DeleteState(ctx, "ns", "k"); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteState(ctx, "ns", "k"); err != nil {
			t.Fatal(err)
		}
	})
}

// TestStateInTx: state written in a transaction that rolls back is gone,
// so a claim and the messages it causes are written together or not at all.
func TestStateInTx(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		boom := errors.New("boom")
		err := s.InTx(ctx, func(ctx context.Context) error {
			if won, err := s.ClaimState(ctx, "ns", "k", "v"); err != nil || !won {
				t.Fatalf("claim in tx: %v %v", won, err)
			}
			if v, err := s.State(ctx, "ns", "k"); err != nil || v != "v" {
				t.Fatalf("read in tx: %q %v", v, err)
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatal(err)
		}
		if _, err := s.State(ctx, "ns", "k"); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("after rollback: %v", err)
		}
	})
}

func TestWithLock(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		var inside, most atomic.Int32
		var wg sync.WaitGroup
		for i := 0; i < 8; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				err := s.WithLock(context.Background(), "register", func(ctx context.Context) error {
					n := inside.Add(1)
					if n > most.Load() {
						most.Store(n)
					}
					_, _ = s.CountPeople(ctx)
					inside.Add(-1)
					return nil
				})
				if err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
		if most.Load() != 1 {
			t.Errorf("%d holders at once", most.Load())
		}
	})
}
