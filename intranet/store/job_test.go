package store_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/store"
)

// TestLease: one holder at a time; the holder renews; an expired lease is
// free for another; dropping is only the holder's.
func TestLease(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		now := time.Now().UTC()
		s.Now = func() time.Time { return now }
		take := func(holder string) bool {
			t.Helper()
			ok, err := s.TakeLease(ctx, "jobs.serve", holder, time.Minute)
			if err != nil {
				t.Fatal(err)
			}
			return ok
		}
		if h, err := s.LeaseHolder(ctx, "jobs.serve"); err != nil || h != "" {
			t.Fatalf("holder of a new lease: %q %v", h, err)
		}
		var wins atomic.Int32
		var wg sync.WaitGroup
		for _, h := range []string{"a", "b", "c", "d", "e", "f"} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if ok, err := s.TakeLease(ctx, "race", h, time.Minute); err != nil {
					t.Error(err)
				} else if ok {
					wins.Add(1)
				}
			}()
		}
		wg.Wait()
		if wins.Load() != 1 {
			t.Errorf("%d holders of one lease", wins.Load())
		}
		if !take("A") || take("B") || !take("A") {
			t.Fatal("A takes, B cannot, A renews")
		}
		if h, _ := s.LeaseHolder(ctx, "jobs.serve"); h != "A" {
			t.Fatalf("holder %q", h)
		}
		now = now.Add(61 * time.Second)
		if h, _ := s.LeaseHolder(ctx, "jobs.serve"); h != "" {
			t.Fatalf("holder of an expired lease %q", h)
		}
		if !take("B") {
			t.Fatal("B cannot take an expired lease")
		}
		if err := s.DropLease(ctx, "jobs.serve", "A"); err != nil {
			t.Fatal(err)
		}
		if h, _ := s.LeaseHolder(ctx, "jobs.serve"); h != "B" {
			t.Fatalf("A dropped B's lease: %q", h)
		}
		if err := s.DropLease(ctx, "jobs.serve", "B"); err != nil {
			t.Fatal(err)
		}
		if h, _ := s.LeaseHolder(ctx, "jobs.serve"); h != "" || !take("C") {
			t.Fatalf("after drop: %q", h)
		}
	})
}

// TestScheduleStore: the pending schedule per row, the ledger of runs and
// InTx rolling both back.
func TestScheduleStore(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		due := time.Date(2026, 12, 1, 9, 50, 0, 123456789, time.UTC)
		if _, err := s.LockSchedule(ctx, "booking.reminder", "1"); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Fatalf("missing schedule: %v", err)
		}
		if err := s.PutSchedule(ctx, store.Schedule{Kind: "booking.reminder", Key: "1", Due: due, Payload: []byte(`{"a":1}`), JobID: 7}); err != nil {
			t.Fatal(err)
		}
		sc, err := s.LockSchedule(ctx, "booking.reminder", "1")
		if err != nil || !sc.Due.Equal(store.DueTime(due)) || sc.JobID != 7 || string(sc.Payload) != `{"a":1}` {
			t.Fatalf("schedule %+v %v", sc, err)
		}
		if err := s.DeleteSchedule(ctx, "booking.reminder", "1", 8); err != nil {
			t.Fatal(err)
		}
		if _, err := s.LockSchedule(ctx, "booking.reminder", "1"); err != nil {
			t.Fatal("deleted by another job's id")
		}
		boom := errors.New("boom")
		err = s.InTx(ctx, func(ctx context.Context) error {
			if err := s.DeleteSchedule(ctx, "booking.reminder", "1", 7); err != nil {
				return err
			}
			if ok, err := s.MarkScheduleRan(ctx, "booking.reminder", "1", due); err != nil || !ok {
				t.Errorf("mark ran: %v %v", ok, err)
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatal(err)
		}
		if ran, _ := s.ScheduleRan(ctx, "booking.reminder", "1", due); ran {
			t.Fatal("ledger entry survived a rollback")
		}
		if _, err := s.LockSchedule(ctx, "booking.reminder", "1"); err != nil {
			t.Fatal("delete survived a rollback")
		}
		if ok, _ := s.MarkScheduleRan(ctx, "booking.reminder", "1", due); !ok {
			t.Fatal("first mark")
		}
		if ok, _ := s.MarkScheduleRan(ctx, "booking.reminder", "1", due.Add(time.Nanosecond)); ok {
			t.Fatal("second mark of one due time (to the microsecond)")
		}
		if ran, _ := s.ScheduleRan(ctx, "booking.reminder", "1", due); !ran {
			t.Fatal("not ran")
		}
		if err := s.PruneScheduleRuns(ctx, time.Now().Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		if ran, _ := s.ScheduleRan(ctx, "booking.reminder", "1", due); ran {
			t.Fatal("pruned run still there")
		}
	})
}

// TestOutboxStore: one entry per key however many send it at once; its
// states.
func TestOutboxStore(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		d := intranet.Delivery{To: intranet.Destination{Platform: intranet.PlatformMattermost, Installation: "mm", ChannelID: "town-square"}, Reply: intranet.Reply{Title: "Nieuws", Text: "Vandaag"}, Key: "digest:7:2026-12-01"}
		var created atomic.Int32
		ids := make([]int64, 8)
		var wg sync.WaitGroup
		for i := range ids {
			wg.Add(1)
			go func() {
				defer wg.Done()
				id, c, err := s.PutOutbox(ctx, d)
				if err != nil {
					t.Error(err)
				}
				if c {
					created.Add(1)
				}
				ids[i] = id
			}()
		}
		wg.Wait()
		if created.Load() != 1 {
			t.Fatalf("%d entries created for one key", created.Load())
		}
		for _, id := range ids {
			if id != ids[0] || id == 0 {
				t.Fatalf("ids %v", ids)
			}
		}
		e, err := s.OutboxEntry(ctx, ids[0])
		if err != nil || e.State != intranet.OutboxPending || e.Reply.Title != "Nieuws" || e.To != d.To {
			t.Fatalf("entry %+v %v", e, err)
		}
		if err := s.MarkOutboxAttempt(ctx, e.ID, "429 too many requests", false); err != nil {
			t.Fatal(err)
		}
		if err := s.MarkOutboxSent(ctx, e.ID, intranet.MessageRef{ChannelID: "town-square", ID: "p1"}); err != nil {
			t.Fatal(err)
		}
		e, _ = s.OutboxEntry(ctx, e.ID)
		if e.State != intranet.OutboxSent || e.Attempts != 2 || e.Ref.ID != "p1" || e.LastError != "" || e.Sent.IsZero() {
			t.Fatalf("sent entry %+v", e)
		}
		if _, err := s.OutboxEntry(ctx, 999); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Fatalf("missing entry: %v", err)
		}
	})
}

// TestQueue: the SQLite queue's claim, finish, rescue, list and retry.
func TestQueue(t *testing.T) {
	s := open(t, "sqlite")
	ctx := context.Background()
	now := time.Now().UTC()
	s.Now = func() time.Time { return now }
	due, err := s.InsertQueuedJob(ctx, "a.job", []byte(`{}`), now, 3, false)
	if err != nil {
		t.Fatal(err)
	}
	later, _ := s.InsertQueuedJob(ctx, "a.job", []byte(`{}`), now.Add(time.Hour), 3, false)
	j, err := s.ClaimQueuedJob(ctx)
	if err != nil || j.ID != due || j.Attempt != 1 {
		t.Fatalf("claim: %+v %v", j, err)
	}
	if _, err := s.ClaimQueuedJob(ctx); intranet.ErrorCode(err) != intranet.ENOTFOUND {
		t.Fatalf("second claim: %v", err)
	}
	// The process running it died: after the cutoff it is retried.
	if n, err := s.RescueQueuedJobs(ctx, now.Add(-time.Minute), now.Add(-24*time.Hour)); err != nil || n != 0 {
		t.Fatalf("rescue too early: %d %v", n, err)
	}
	now = now.Add(2 * time.Minute)
	if n, err := s.RescueQueuedJobs(ctx, now.Add(-time.Minute), now.Add(-24*time.Hour)); err != nil || n != 1 {
		t.Fatalf("rescue: %d %v", n, err)
	}
	j, _ = s.ClaimQueuedJob(ctx)
	if j.ID != due || j.Attempt != 2 {
		t.Fatalf("rescued claim %+v", j)
	}
	if err := s.FinishQueuedJob(ctx, j.ID, store.QueueScheduled, now.Add(time.Second), ""); err != nil {
		t.Fatal(err)
	}
	now = now.Add(time.Second)
	j, _ = s.ClaimQueuedJob(ctx)
	if j.ID != due || j.Attempt != 2 {
		t.Fatalf("a snooze counts no attempt: %+v", j)
	}
	if err := s.FinishQueuedJob(ctx, j.ID, store.QueueRetryable, now, "boom"); err != nil {
		t.Fatal(err)
	}
	j, _ = s.ClaimQueuedJob(ctx)
	if err := s.FinishQueuedJob(ctx, j.ID, store.QueueRetryable, now, "boom 3"); err != nil {
		t.Fatal(err)
	}
	list, err := s.QueuedJobs(ctx, 10)
	if err != nil || len(list) != 2 || list[0].ID != due || list[0].State != store.QueueDiscarded || list[0].LastError != "boom 3" || list[1].ID != later {
		t.Fatalf("list: %+v %v", list, err)
	}
	if err := s.RetryQueuedJob(ctx, later); intranet.ErrorCode(err) != intranet.ECONFLICT {
		t.Fatalf("retry of a pending job: %v", err)
	}
	if err := s.RetryQueuedJob(ctx, 999); intranet.ErrorCode(err) != intranet.ENOTFOUND {
		t.Fatalf("retry of a missing job: %v", err)
	}
	if err := s.RetryQueuedJob(ctx, due); err != nil {
		t.Fatal(err)
	}
	j, _ = s.ClaimQueuedJob(ctx)
	if j.ID != due || j.Attempt != 4 || j.MaxAttempts != 4 {
		t.Fatalf("retried: %+v", j)
	}
	if err := s.FinishQueuedJob(ctx, j.ID, store.QueueCompleted, time.Time{}, ""); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteQueuedJob(ctx, later); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.QueuedJobs(ctx, 10); len(list) != 0 {
		t.Fatalf("left: %+v", list)
	}
}

// TestQueueUnique: a unique job is not added beside an unfinished one of
// the same kind and args, but is once that one finished.
func TestQueueUnique(t *testing.T) {
	s := open(t, "sqlite")
	ctx := context.Background()
	now := time.Now().UTC()
	args := []byte(`{"key":"7","due":"x"}`)
	first, err := s.InsertQueuedJob(ctx, "a.job", args, now, 3, true)
	if err != nil {
		t.Fatal(err)
	}
	if id, err := s.InsertQueuedJob(ctx, "a.job", args, now, 3, true); err != nil || id != first {
		t.Fatalf("unique beside a waiting one: %d %v, want %d", id, err, first)
	}
	if other, _ := s.InsertQueuedJob(ctx, "b.job", args, now, 3, true); other == first {
		t.Fatal("another kind's job was taken for the same")
	}
	if j, err := s.ClaimQueuedJob(ctx); err != nil || j.ID != first {
		t.Fatalf("claim: %+v %v", j, err)
	}
	if id, _ := s.InsertQueuedJob(ctx, "a.job", args, now, 3, true); id != first {
		t.Fatalf("unique beside a running one: %d, want %d", id, first)
	}
	if plain, _ := s.InsertQueuedJob(ctx, "a.job", args, now, 3, false); plain == first {
		t.Fatal("a job that is not unique was not added")
	}
	if err := s.FinishQueuedJob(ctx, first, store.QueueCompleted, time.Time{}, ""); err != nil {
		t.Fatal(err)
	}
	if id, _ := s.InsertQueuedJob(ctx, "a.job", args, now, 3, true); id == first {
		t.Fatal("unique beside a finished one was not added")
	}
}
