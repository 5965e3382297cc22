// Package background holds the small concurrency helpers every chat adapter
// needs for work that outlives an HTTP request: waiting with a context, and
// counting answers still on their way so a shutdown can wait for them.
package background

import (
	"context"
	"sync"
	"time"
)

// Sleep waits for d or until ctx ends, and then returns ctx's error.
func Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Tracker counts work in flight. Unlike sync.WaitGroup it may be added to
// while someone waits: at shutdown, the wait and a last request can overlap.
// Its zero value is ready.
type Tracker struct {
	mu   sync.Mutex
	n    int
	idle chan struct{}
}

// Add counts one more piece of work.
func (t *Tracker) Add() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.n == 0 {
		t.idle = make(chan struct{})
	}
	t.n++
}

// Done marks one piece of work finished.
func (t *Tracker) Done() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.n--
	if t.n == 0 {
		close(t.idle)
	}
}

// Wait returns when nothing is in flight or ctx ends (then with its error).
func (t *Tracker) Wait(ctx context.Context) error {
	for {
		t.mu.Lock()
		if t.n == 0 {
			t.mu.Unlock()
			return nil
		}
		ch := t.idle
		t.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}
