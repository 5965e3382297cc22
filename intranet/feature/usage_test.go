package feature_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// TestUsageFlush: counts per day (UTC), feature and platform stay in
// memory until a flush adds them to the store; a failed flush keeps them
// for the next.
func TestUsageFlush(t *testing.T) {
	ctx := context.Background()
	store := &coretest.Usage{}
	// 23:30 in UTC on 6 December is already 7 December in Amsterdam: the
	// day counted is UTC's.
	now := time.Date(2026, 12, 6, 23, 30, 0, 0, time.UTC)
	u := feature.NewUsage(store, func() time.Time { return now })
	dec6 := time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)
	dec7 := dec6.AddDate(0, 0, 1)

	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			u.Count("room", intranet.PlatformSlack)
		}()
	}
	wg.Wait()
	u.Count("news", intranet.PlatformTeams)
	if got := store.Count(dec6, "room", intranet.PlatformSlack); got != 0 {
		t.Fatalf("before a flush the store has %d, want 0 (no write per request)", got)
	}
	if err := u.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if got := store.Count(dec6, "room", intranet.PlatformSlack); got != 50 {
		t.Errorf("room on slack: %d, want 50", got)
	}
	if got := store.Count(dec6, "news", intranet.PlatformTeams); got != 1 {
		t.Errorf("news on teams: %d, want 1", got)
	}

	store.Fail = errors.New("database down")
	now = now.Add(time.Hour)
	u.Count("room", intranet.PlatformSlack)
	if err := u.Flush(ctx); err == nil {
		t.Fatal("a failed store is no error of Flush")
	}
	store.Fail = nil
	u.Count("room", intranet.PlatformSlack)
	if err := u.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if got := store.Count(dec7, "room", intranet.PlatformSlack); got != 2 {
		t.Errorf("after a failed flush, room on 7 December: %d, want 2 (kept for the next flush)", got)
	}
	if got := store.Count(dec6, "room", intranet.PlatformSlack); got != 50 {
		t.Errorf("6 December changed to %d", got)
	}
	adds := store.Adds
	if err := u.Flush(ctx); err != nil || store.Adds != adds {
		t.Errorf("a flush with nothing counted wrote (err %v)", err)
	}
}

// TestUsageRunFlushesWhenStopped: when the process stops (Run's context
// ends), what was counted since the last flush is flushed.
func TestUsageRunFlushesWhenStopped(t *testing.T) {
	store := &coretest.Usage{}
	u := feature.NewUsage(store, nil)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		u.Run(ctx, time.Hour, func(err error) { t.Error(err) })
	}()
	u.Count("hours", intranet.PlatformConsole)
	cancel()
	<-done
	counts, err := store.Usage(context.Background(), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(counts) != 1 || counts[0].Feature != "hours" || counts[0].Count != 1 {
		t.Errorf("after stopping the store has %+v, want one use of hours", counts)
	}
}
