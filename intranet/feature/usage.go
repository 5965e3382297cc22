package feature

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/werkplek/werkplek/intranet"
)

// Usage counts the use of features in memory, by day (UTC), feature and
// platform, and adds the counts to the store when flushed (every minute,
// and when the process stops): a request costs a map update under a lock,
// never a write. No person is recorded.
type Usage struct {
	store intranet.UsageService
	now   func() time.Time

	mu     sync.Mutex
	counts map[usageKey]int
}

type usageKey struct {
	day      time.Time
	feature  string
	platform intranet.Platform
}

// NewUsage returns a counter that flushes to store; now is the clock
// (nil: time.Now).
func NewUsage(store intranet.UsageService, now func() time.Time) *Usage {
	if now == nil {
		now = time.Now
	}
	return &Usage{store: store, now: now, counts: map[usageKey]int{}}
}

// Count counts one use of a feature (a command's top-level English word)
// on a platform, today.
func (u *Usage) Count(feature string, p intranet.Platform) {
	t := u.now().UTC()
	k := usageKey{day: time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), feature: feature, platform: p}
	u.mu.Lock()
	u.counts[k]++
	u.mu.Unlock()
}

// Flush adds what was counted since the last flush to the store. When the
// store fails, the counts are kept for the next flush.
func (u *Usage) Flush(ctx context.Context) error {
	u.mu.Lock()
	counts := u.counts
	u.counts = map[usageKey]int{}
	u.mu.Unlock()
	if len(counts) == 0 {
		return nil
	}
	out := make([]intranet.UsageCount, 0, len(counts))
	for k, n := range counts {
		out = append(out, intranet.UsageCount{Day: k.day, Feature: k.feature, Platform: k.platform, Count: n})
	}
	if err := u.store.AddUsage(ctx, out); err != nil {
		u.mu.Lock()
		for k, n := range counts {
			u.counts[k] += n
		}
		u.mu.Unlock()
		return fmt.Errorf("flush usage: %w", err)
	}
	return nil
}

// Run flushes every interval until ctx ends, then once more (with at most
// 10 s to do it), so that a stopping process loses no count. failed is
// told of each flush that failed (nil: nobody).
func (u *Usage) Run(ctx context.Context, every time.Duration, failed func(error)) {
	report := func(err error) {
		if err != nil && failed != nil {
			failed(err)
		}
	}
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-tick.C:
			report(u.Flush(ctx))
		case <-ctx.Done():
			last, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
			defer cancel()
			report(u.Flush(last))
			return
		}
	}
}
