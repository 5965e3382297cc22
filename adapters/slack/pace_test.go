package slack

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestPacer: messages to the workspace go out 1/rate apart, messages to
// one channel a second apart without holding back the others, and a 429
// holds the channel's next message for its Retry-After.
func TestPacer(t *testing.T) {
	now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	var waits []time.Duration
	p := newPacer(100, func() time.Time { return now }, func(_ context.Context, d time.Duration) error {
		waits = append(waits, d)
		return nil
	})
	ctx := context.Background()
	for _, ch := range []string{"C1", "C2", "C1", "C3"} {
		if err := p.wait(ctx, ch); err != nil {
			t.Fatal(err)
		}
	}
	p.refused("C2", 3*time.Second)
	if err := p.wait(ctx, "C2"); err != nil {
		t.Fatal(err)
	}
	// C1 now, C2 10 ms on, C1 again a second after the first, C3 in its
	// turn (30 ms), C2 after the Retry-After.
	want := []time.Duration{10 * time.Millisecond, time.Second, 30 * time.Millisecond, 3 * time.Second}
	if d := cmp.Diff(want, waits); d != "" {
		t.Errorf("waits (-want +got):\n%s", d)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	real := newPacer(1, time.Now, nil)
	_ = real.wait(ctx, "C1")
	if err := real.wait(cctx, "C2"); err == nil {
		t.Error("a wait ignored its context")
	}
}
