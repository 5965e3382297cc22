package background

import (
	"context"
	"testing"
	"time"
)

func TestTracker(t *testing.T) {
	var tr Tracker
	if err := tr.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	tr.Add()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if err := tr.Wait(ctx); err == nil {
		t.Fatal("Wait returned with work in flight")
	}
	go func() { time.Sleep(5 * time.Millisecond); tr.Add(); tr.Done(); tr.Done() }()
	if err := tr.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := Sleep(context.Background(), time.Millisecond); err != nil {
		t.Fatal(err)
	}
	cancel()
	if err := Sleep(ctx, time.Hour); err == nil {
		t.Fatal("Sleep ignored its context")
	}
}
