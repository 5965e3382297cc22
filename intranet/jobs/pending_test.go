package jobs_test

import (
	"context"
	"testing"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/jobs"
)

// TestPending: a job due now counts until it is done, while waiting and
// while running; one created before since does not, nor one due later, nor
// one of a kind left out.
func TestPending(t *testing.T) {
	engines(t, func(t *testing.T, url string) {
		ctx := context.Background()
		c := newClock()
		r := newRunner(t, url, c, jobs.Config{})
		release := make(chan struct{})
		running := make(chan struct{}, 1)
		if err := r.HandleJobs("slow.job", func(ctx context.Context, j intranet.Job) error {
			running <- struct{}{}
			<-release
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		pending := func(since time.Time) bool {
			t.Helper()
			busy, err := r.Pending(ctx, since)
			if err != nil {
				t.Fatal(err)
			}
			return busy
		}
		begin := c.Now()
		if pending(time.Time{}) {
			t.Fatal("pending in an empty queue")
		}
		if err := r.Schedule(ctx, "slow.job", "later", begin.Add(time.Hour), nil); err != nil {
			t.Fatal(err)
		}
		if pending(time.Time{}) {
			t.Error("a job due in an hour counts as pending")
		}
		if _, err := r.Enqueue(ctx, "slow.job", nil); err != nil {
			t.Fatal(err)
		}
		if !pending(begin) || !pending(time.Time{}) {
			t.Error("a job due now is not pending")
		}
		if pending(begin.Add(time.Second)) {
			t.Error("a job created before since counts")
		}
		if busy, err := r.Pending(ctx, begin, "slow.job"); err != nil || busy {
			t.Errorf("a job of a kind left out counts: %v %v", busy, err)
		}
		if busy, err := r.Pending(ctx, begin, "other.job", "third.job"); err != nil || !busy {
			t.Errorf("a job of a kind not left out does not count: %v %v", busy, err)
		}
		start(t, r)
		await(t, running, "the job to run")
		if !pending(begin) {
			t.Error("a running job is not pending")
		}
		close(release)
		end := time.Now().Add(30 * time.Second)
		for pending(begin) {
			if time.Now().After(end) {
				t.Fatal("still pending 30 s after the job was released")
			}
			time.Sleep(20 * time.Millisecond)
		}
	})
}
