package jobs_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/pgtest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/jobs"
	"github.com/werkplek/werkplek/intranet/store"
)

func TestMain(m *testing.M) {
	if url := os.Getenv(helperEnv); url != "" {
		os.Exit(helperRunner(url))
	}
	os.Exit(pgtest.Main(m))
}

// clock is an injectable time that tests move forward.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Now().UTC().Truncate(time.Second)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

func engines(t *testing.T, fn func(t *testing.T, url string)) {
	for _, e := range []string{"sqlite", "postgres"} {
		t.Run(e, func(t *testing.T) {
			url := "sqlite:" + filepath.Join(t.TempDir(), "w.db")
			if e == "postgres" {
				url = pgtest.URL(t)
			}
			fn(t, url)
		})
	}
}

func openStore(t testing.TB, url string, c *clock) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	if c != nil {
		s.Now = c.Now
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// newRunner builds a runner on its own store (its own connections).
func newRunner(t testing.TB, url string, c *clock, cfg jobs.Config) *jobs.Runner {
	t.Helper()
	cfg.Store = openStore(t, url, c)
	if c != nil {
		cfg.Now = c.Now
	}
	if cfg.PollInterval == 0 {
		cfg.PollInterval = 50 * time.Millisecond
	}
	r, err := jobs.New(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func start(t testing.TB, r *jobs.Runner) {
	t.Helper()
	if err := r.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = r.Stop(ctx)
	})
}

// drive makes due jobs run: on SQLite by running them here; on PostgreSQL
// River's loops run them, and drive waits (polling, with a deadline) until
// done reports true.
func drive(t testing.TB, r *jobs.Runner, deadline time.Duration, done func() bool) {
	t.Helper()
	end := time.Now().Add(deadline)
	for {
		if _, err := r.RunDue(context.Background()); err != nil && intranet.ErrorCode(err) != intranet.ENOTIMPLEMENTED {
			t.Fatal(err)
		}
		if done() {
			return
		}
		if time.Now().After(end) {
			t.Fatalf("not done after %s", deadline)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// settled waits until no job is running, so that a test moves its clock
// only after the jobs it watched recorded their end: moved past
// RescueAfter while a job still finishes, the clock would make the job
// look like one of a process that stopped, and it would run again.
func settled(t testing.TB, r *jobs.Runner) {
	t.Helper()
	drive(t, r, 30*time.Second, func() bool {
		list, err := r.Jobs(context.Background(), 1000)
		if err != nil {
			t.Fatal(err)
		}
		for _, j := range list {
			if j.State == intranet.JobRunning {
				return false
			}
		}
		return true
	})
}

// waitWaiting waits until the one job has recorded its failed attempt and
// waits for its retry, so that moving the clock happens after the runner
// computed the retry time.
func waitWaiting(t testing.TB, r *jobs.Runner, c *clock) {
	t.Helper()
	end := time.Now().Add(30 * time.Second)
	for {
		list, err := r.Jobs(context.Background(), 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) == 1 && list[0].State != intranet.JobRunning && list[0].Next.After(c.Now()) {
			return
		}
		if time.Now().After(end) {
			t.Fatalf("job not waiting for a retry: %+v", list)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// hits counts handler runs per key and due time.
type hits struct {
	mu sync.Mutex
	m  map[string]int
	n  atomic.Int64
}

func (h *hits) handler(ctx context.Context, j intranet.Job) error {
	h.mu.Lock()
	if h.m == nil {
		h.m = map[string]int{}
	}
	h.m[fmt.Sprintf("%s@%s:%s", j.Key, j.Due.UTC().Format(time.RFC3339), j.Payload)]++
	h.mu.Unlock()
	h.n.Add(1)
	return nil
}

func (h *hits) count(key string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.m[key]
}

func (h *hits) snapshot() map[string]int {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := map[string]int{}
	for k, v := range h.m {
		out[k] = v
	}
	return out
}

func at(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// TestSchedule: a row's job runs once at its due time, not before; the same
// due time scheduled again does not run again; rescheduling moves it and
// cancelling removes it.
func TestSchedule(t *testing.T) {
	engines(t, func(t *testing.T, url string) {
		ctx := context.Background()
		c := newClock()
		r := newRunner(t, url, c, jobs.Config{})
		var h hits
		if err := r.HandleJobs("booking.reminder", h.handler); err != nil {
			t.Fatal(err)
		}
		if err := r.HandleJobs("booking.reminder", h.handler); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Fatalf("second handler: %v", err)
		}
		if err := r.Schedule(ctx, "nobody.handles", "x", c.Now(), nil); intranet.ErrorCode(err) != intranet.EINVALID {
			t.Fatalf("unknown kind: %v", err)
		}
		start(t, r)
		due := c.Now().Add(10 * time.Minute)
		for _, key := range []string{"b1", "b2", "b3"} {
			if err := r.Schedule(ctx, "booking.reminder", key, due, []byte("p")); err != nil {
				t.Fatal(err)
			}
		}
		// The same due time again only replaces the payload.
		if err := r.Schedule(ctx, "booking.reminder", "b1", due, []byte("q")); err != nil {
			t.Fatal(err)
		}
		later := due.Add(time.Hour)
		if err := r.Reschedule(ctx, "booking.reminder", "b2", later); err != nil {
			t.Fatal(err)
		}
		if err := r.Cancel(ctx, "booking.reminder", "b3"); err != nil {
			t.Fatal(err)
		}
		if err := r.Reschedule(ctx, "booking.reminder", "b3", later); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Fatalf("reschedule cancelled: %v", err)
		}
		if n, _ := r.RunDue(ctx); n != 0 || h.n.Load() != 0 {
			t.Fatalf("ran %d before due", h.n.Load())
		}
		list, err := r.Jobs(ctx, 10)
		if err != nil || len(list) != 2 || list[0].State != intranet.JobScheduled || list[0].Kind != "booking.reminder" {
			t.Fatalf("jobs before due: %+v %v", list, err)
		}

		c.Advance(10 * time.Minute)
		drive(t, r, 30*time.Second, func() bool { return h.count("b1@"+at(due)+":q") == 1 })
		// The same row and due time scheduled again never runs again.
		if err := r.Schedule(ctx, "booking.reminder", "b1", due, []byte("q")); err != nil {
			t.Fatal(err)
		}
		settled(t, r)
		c.Advance(time.Hour)
		drive(t, r, 30*time.Second, func() bool { return h.count("b2@"+at(later)+":p") == 1 })
		if got := h.snapshot(); len(got) != 2 || h.n.Load() != 2 {
			t.Fatalf("runs: %v", got)
		}
		drive(t, r, 30*time.Second, func() bool { list, err = r.Jobs(ctx, 10); return err == nil && len(list) == 0 })
	})
}

// await waits for a value from ch, failing the test after a minute
// instead of hanging until the binary's timeout.
func await[T any](t *testing.T, ch <-chan T, what string) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(60 * time.Second):
		t.Fatalf("%s did not start within a minute", what)
	}
}

// TestRescheduleWhileRunning: while a row's job runs, the row is moved away
// and back to the same due time (and, for a second row, cancelled and
// scheduled again at it): that due time still runs once, not a second time
// in a new job beside the running one, and no schedule is left behind.
func TestRescheduleWhileRunning(t *testing.T) {
	engines(t, func(t *testing.T, url string) {
		ctx := context.Background()
		r := newRunner(t, url, nil, jobs.Config{Workers: 4})
		var mu sync.Mutex
		runs := map[string]int{}
		started, release := make(chan string, 2), make(chan struct{})
		err := r.HandleJobs("shift.expiry", func(ctx context.Context, j intranet.Job) error {
			mu.Lock()
			runs[j.Key+"@"+j.Due.Format(time.RFC3339Nano)]++
			first := runs[j.Key+"@"+j.Due.Format(time.RFC3339Nano)] == 1
			mu.Unlock()
			if first {
				started <- j.Key
				select {
				case <-release:
				case <-ctx.Done(): // a failed test's runner stops
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		start(t, r)
		due := store.DueTime(time.Now())
		for _, key := range []string{"moved", "cancelled"} {
			if err := r.Schedule(ctx, "shift.expiry", key, due, nil); err != nil {
				t.Fatal(err)
			}
		}
		await(t, started, "the first job")
		await(t, started, "the second job")
		// Both jobs are running now.
		if err := r.Schedule(ctx, "shift.expiry", "moved", due.Add(time.Hour), nil); err != nil {
			t.Fatal(err)
		}
		if err := r.Schedule(ctx, "shift.expiry", "moved", due, nil); err != nil {
			t.Fatal(err)
		}
		if err := r.Cancel(ctx, "shift.expiry", "cancelled"); err != nil {
			t.Fatal(err)
		}
		if err := r.Schedule(ctx, "shift.expiry", "cancelled", due, nil); err != nil {
			t.Fatal(err)
		}
		// Let any other job of these rows run (it would be a second run)
		// before the first ones end: wait until only they are left.
		drive(t, r, 30*time.Second, func() bool {
			list, err := r.Jobs(ctx, 10)
			if err != nil {
				t.Fatal(err)
			}
			for _, j := range list {
				if j.State != intranet.JobRunning {
					return false
				}
			}
			return len(list) == 2
		})
		close(release)
		drive(t, r, 30*time.Second, func() bool { list, err := r.Jobs(ctx, 10); return err == nil && len(list) == 0 })
		mu.Lock()
		defer mu.Unlock()
		for _, key := range []string{"moved", "cancelled"} {
			if n := runs[key+"@"+due.Format(time.RFC3339Nano)]; n != 1 {
				t.Errorf("%s: its due time ran %d times, want once", key, n)
			}
			if sc, err := r.Store().LockSchedule(ctx, "shift.expiry", key); intranet.ErrorCode(err) != intranet.ENOTFOUND {
				t.Errorf("%s: schedule left: %+v %v", key, sc, err)
			}
		}
		if len(runs) != 2 {
			t.Errorf("runs: %v", runs)
		}
	})
}

// TestSlowJobLeavesOthersRunning: while one job runs long, a job that falls
// due meanwhile runs on a free worker, not after the slow one ended.
func TestSlowJobLeavesOthersRunning(t *testing.T) {
	engines(t, func(t *testing.T, url string) {
		ctx := context.Background()
		r := newRunner(t, url, nil, jobs.Config{Workers: 2})
		slowStarted, release, quickRan := make(chan struct{}), make(chan struct{}), make(chan struct{})
		if err := r.HandleJobs("slow.job", func(ctx context.Context, j intranet.Job) error {
			close(slowStarted)
			select {
			case <-release:
			case <-ctx.Done(): // a failed test's runner stops
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if err := r.HandleJobs("quick.job", func(ctx context.Context, j intranet.Job) error {
			close(quickRan)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		start(t, r)
		defer close(release)
		if _, err := r.Enqueue(ctx, "slow.job", nil); err != nil {
			t.Fatal(err)
		}
		await(t, slowStarted, "the slow job")
		if _, err := r.Enqueue(ctx, "quick.job", nil); err != nil {
			t.Fatal(err)
		}
		await(t, quickRan, "the quick job while the slow one runs")
	})
}

// TestRetryAndFail: an error is retried with backoff; a FailJob is kept as
// failed and listed, and an admin's retry runs it again.
func TestRetryAndFail(t *testing.T) {
	engines(t, func(t *testing.T, url string) {
		ctx := context.Background()
		c := newClock()
		r := newRunner(t, url, c, jobs.Config{})
		var calls atomic.Int64
		var failNow atomic.Bool
		failNow.Store(true)
		_ = r.HandleJobs("flaky.job", func(ctx context.Context, j intranet.Job) error {
			n := calls.Add(1)
			switch {
			case n == 1:
				return errors.New("first attempt fails")
			case failNow.Load():
				return intranet.FailJob(errors.New("the row is gone"))
			}
			return nil
		})
		start(t, r)
		id, err := r.Enqueue(ctx, "flaky.job", []byte(`{"n":1}`))
		if err != nil {
			t.Fatal(err)
		}
		drive(t, r, 30*time.Second, func() bool { return calls.Load() == 1 })
		waitWaiting(t, r, c)
		c.Advance(2 * time.Second) // backoff of attempt 1: 1 s
		var list []intranet.JobInfo
		drive(t, r, 30*time.Second, func() bool {
			list, _ = r.Jobs(ctx, 10)
			return calls.Load() == 2 && len(list) == 1 && list[0].State == intranet.JobFailed
		})
		if list[0].ID != id || list[0].LastError == "" {
			t.Fatalf("failed job: %+v", list[0])
		}
		failNow.Store(false)
		if err := r.RetryJob(ctx, id); err != nil {
			t.Fatal(err)
		}
		drive(t, r, 30*time.Second, func() bool {
			list, _ = r.Jobs(ctx, 10)
			return calls.Load() == 3 && len(list) == 0
		})
		if err := r.RetryJob(ctx, id); intranet.ErrorCode(err) == "" || intranet.ErrorCode(err) == intranet.EINTERNAL {
			t.Fatalf("retry of a done job: %v", err)
		}
	})
}

// fakePoster answers deliveries from a script.
type fakePoster struct {
	mu      sync.Mutex
	answers []error
	posts   []intranet.Delivery
	calls   int
}

func (p *fakePoster) Deliver(ctx context.Context, d intranet.Delivery) (intranet.MessageRef, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.calls++
	if len(p.answers) > 0 {
		err := p.answers[0]
		p.answers = p.answers[1:]
		if err != nil {
			return intranet.MessageRef{}, err
		}
	}
	p.posts = append(p.posts, d)
	return intranet.MessageRef{Platform: d.To.Platform, ChannelID: d.To.ChannelID, ID: fmt.Sprint(len(p.posts))}, nil
}

func (p *fakePoster) Update(ctx context.Context, ref intranet.MessageRef, r intranet.Reply) error {
	return nil
}

func (p *fakePoster) stats() (calls, posts int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.calls, len(p.posts)
}

// TestOutbox: a 429 with Retry-After and a 500 then success make one post;
// a definite failure is recorded on the entry and the job shows as failed.
func TestOutbox(t *testing.T) {
	engines(t, func(t *testing.T, url string) {
		ctx := context.Background()
		c := newClock()
		r := newRunner(t, url, c, jobs.Config{})
		poster := &fakePoster{answers: []error{
			&intranet.DeliveryError{Temporary: true, RetryAfter: 30 * time.Second, Err: errors.New("429 too many requests")},
			&intranet.DeliveryError{Temporary: true, Err: errors.New("500 internal server error")},
		}}
		o, err := jobs.NewOutbox(r, func(p intranet.Platform) intranet.Poster {
			if p == intranet.PlatformSlack {
				return poster
			}
			return nil
		}, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		start(t, r)
		d := intranet.Delivery{To: intranet.Destination{Platform: intranet.PlatformSlack, Installation: "T1", ChannelID: "C1"}, Reply: intranet.Reply{Text: "Reminder"}, Key: "reminder:booking:1"}
		id, err := o.Send(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		if again, err := o.Send(ctx, d); err != nil || again != id {
			t.Fatalf("second send of one key: %d %v", again, err)
		}
		if _, err := o.Send(ctx, intranet.Delivery{To: intranet.Destination{Platform: intranet.PlatformTeams}}); intranet.ErrorCode(err) != intranet.EINVALID {
			t.Fatalf("send without key: %v", err)
		}
		drive(t, r, 30*time.Second, func() bool { calls, _ := poster.stats(); return calls == 1 })
		waitWaiting(t, r, c)
		c.Advance(29 * time.Second)
		if calls, _ := poster.stats(); calls != 1 {
			t.Fatalf("retried before Retry-After")
		}
		c.Advance(2 * time.Second)
		drive(t, r, 30*time.Second, func() bool { calls, _ := poster.stats(); return calls == 2 })
		waitWaiting(t, r, c)
		c.Advance(17 * time.Second) // the outbox's backoff after a second attempt
		var e intranet.OutboxEntry
		drive(t, r, 30*time.Second, func() bool {
			e, _ = o.OutboxEntry(ctx, id)
			return e.State == intranet.OutboxSent
		})
		if calls, posts := poster.stats(); calls != 3 || posts != 1 || poster.posts[0].Key != d.Key {
			t.Fatalf("calls %d posts %d", calls, posts)
		}
		if e.Attempts != 3 || e.Ref.ID != "1" || e.Reply.Text != "Reminder" {
			t.Fatalf("entry: %+v", e)
		}

		poster.mu.Lock()
		poster.answers = []error{errors.New("channel_not_found")}
		poster.mu.Unlock()
		d.Key = "reminder:booking:2"
		id2, err := o.Send(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		var list []intranet.JobInfo
		drive(t, r, 30*time.Second, func() bool {
			e, _ = o.OutboxEntry(ctx, id2)
			list, _ = r.Jobs(ctx, 10)
			return e.State == intranet.OutboxFailed && len(list) == 1 && list[0].State == intranet.JobFailed
		})
		if e.LastError != "channel_not_found" || list[0].Kind != jobs.OutboxKind {
			t.Fatalf("failed entry %+v, job %+v", e, list[0])
		}
		// An admin's retry delivers it after all.
		if err := r.RetryJob(ctx, list[0].ID); err != nil {
			t.Fatal(err)
		}
		drive(t, r, 30*time.Second, func() bool {
			e, _ = o.OutboxEntry(ctx, id2)
			return e.State == intranet.OutboxSent
		})
		if _, posts := poster.stats(); posts != 2 {
			t.Fatalf("posts %d", posts)
		}
		// A platform that is off here waits for a process that has it.
		id3, err := o.Send(ctx, intranet.Delivery{To: intranet.Destination{Platform: intranet.PlatformTeams, Installation: "tenant", UserID: "u1"}, Key: "teams:1"})
		if err != nil {
			t.Fatal(err)
		}
		drive(t, r, 30*time.Second, func() bool {
			e, _ = o.OutboxEntry(ctx, id3)
			return e.Attempts == 1
		})
		if e.State != intranet.OutboxPending || !strings.Contains(e.LastError, "not on") {
			t.Fatalf("entry for a platform that is off: %+v", e)
		}
	})
}

// TestOutboxOutlastsQueueAttempts: a platform that answers 502 (no
// Retry-After) more often than the queue's own attempts allow is still
// tried, up to the outbox's MaxDeliveryAttempts; here it recovers at the
// sixth try and the message goes out once.
func TestOutboxOutlastsQueueAttempts(t *testing.T) {
	engines(t, func(t *testing.T, url string) {
		ctx := context.Background()
		c := newClock()
		r := newRunner(t, url, c, jobs.Config{MaxAttempts: 2})
		poster := &fakePoster{}
		for range 5 {
			poster.answers = append(poster.answers, &intranet.DeliveryError{Temporary: true, Err: errors.New("502 bad gateway")})
		}
		o, err := jobs.NewOutbox(r, func(intranet.Platform) intranet.Poster { return poster }, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		start(t, r)
		id, err := o.Send(ctx, intranet.Delivery{To: intranet.Destination{Platform: intranet.PlatformMattermost, ChannelID: "ch1"}, Reply: intranet.Reply{Text: "Digest"}, Key: "digest:1"})
		if err != nil {
			t.Fatal(err)
		}
		for call := 1; call <= 5; call++ {
			drive(t, r, 30*time.Second, func() bool { calls, _ := poster.stats(); return calls == call })
			waitWaiting(t, r, c)
			c.Advance(24 * time.Hour)
		}
		var e intranet.OutboxEntry
		drive(t, r, 30*time.Second, func() bool {
			e, _ = o.OutboxEntry(ctx, id)
			return e.State == intranet.OutboxSent
		})
		if calls, posts := poster.stats(); calls != 6 || posts != 1 || e.Attempts != 6 {
			t.Fatalf("calls %d posts %d entry %+v", calls, posts, e)
		}
	})
}

// goneSet says the installations it holds ("platform:installation") are gone.
type goneSet map[string]bool

func (g goneSet) Gone(ctx context.Context, p intranet.Platform, installation string) (bool, error) {
	return g[string(p)+":"+installation], nil
}

// TestOutboxInstallationGone: a post to a channel of a gone installation is
// not attempted: the entry fails at once with "installation gone", and the
// job is not tried again. Another installation of the platform still gets
// its posts.
func TestOutboxInstallationGone(t *testing.T) {
	engines(t, func(t *testing.T, url string) {
		ctx := context.Background()
		c := newClock()
		r := newRunner(t, url, c, jobs.Config{})
		poster := &fakePoster{}
		o, err := jobs.NewOutbox(r, func(intranet.Platform) intranet.Poster { return poster }, nil, goneSet{"slack:T1": true})
		if err != nil {
			t.Fatal(err)
		}
		start(t, r)
		gone, err := o.Send(ctx, intranet.Delivery{To: intranet.Destination{Platform: intranet.PlatformSlack, Installation: "T1", ChannelID: "C1"}, Reply: intranet.Reply{Text: "Digest"}, Key: "digest:T1"})
		if err != nil {
			t.Fatal(err)
		}
		there, err := o.Send(ctx, intranet.Delivery{To: intranet.Destination{Platform: intranet.PlatformSlack, Installation: "T2", ChannelID: "C1"}, Reply: intranet.Reply{Text: "Digest"}, Key: "digest:T2"})
		if err != nil {
			t.Fatal(err)
		}
		var e, sent intranet.OutboxEntry
		var list []intranet.JobInfo
		drive(t, r, 30*time.Second, func() bool {
			e, _ = o.OutboxEntry(ctx, gone)
			sent, _ = o.OutboxEntry(ctx, there)
			list, _ = r.Jobs(ctx, 10)
			return e.State == intranet.OutboxFailed && sent.State == intranet.OutboxSent && len(list) == 1 && list[0].State == intranet.JobFailed
		})
		if e.LastError != "installation gone" || e.Attempts != 1 || list[0].Attempt != 1 {
			t.Fatalf("entry %+v, job %+v", e, list[0])
		}
		if calls, posts := poster.stats(); calls != 1 || posts != 1 || poster.posts[0].To.Installation != "T2" {
			t.Fatalf("poster called %d times, %d posts", calls, posts)
		}
	})
}

// TestInTx: a job enqueued in a transaction that rolls back never exists.
func TestInTx(t *testing.T) {
	engines(t, func(t *testing.T, url string) {
		ctx := context.Background()
		c := newClock()
		r := newRunner(t, url, c, jobs.Config{})
		s := r.Store()
		var h hits
		_ = r.HandleJobs("handover.expire", h.handler)
		boom := errors.New("boom")
		err := s.InTx(ctx, func(ctx context.Context) error {
			if err := r.Schedule(ctx, "handover.expire", "h1", c.Now(), nil); err != nil {
				return err
			}
			if _, err := r.Enqueue(ctx, "handover.expire", nil); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatal(err)
		}
		if list, err := r.Jobs(ctx, 10); err != nil || len(list) != 0 {
			t.Fatalf("jobs after rollback: %+v %v", list, err)
		}
		if err := r.Cancel(ctx, "handover.expire", "h1"); err != nil {
			t.Fatal(err)
		}
	})
}

var _ = json.Marshal

// TestRescueSQLite: a job claimed by a process that died runs again once
// the rescue time passed (the clock is driven; on PostgreSQL River's rescuer
// does this, see TestRunnerKilled).
func TestRescueSQLite(t *testing.T) {
	url := "sqlite:" + filepath.Join(t.TempDir(), "w.db")
	c := newClock()
	r := newRunner(t, url, c, jobs.Config{})
	var h hits
	_ = r.HandleJobs("handover.expire", h.handler)
	if err := r.Schedule(context.Background(), "handover.expire", "h9", c.Now(), nil); err != nil {
		t.Fatal(err)
	}
	// Another process claims it and dies.
	dead := openStore(t, url, c)
	if _, err := dead.ClaimQueuedJob(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n, _ := r.RunDue(context.Background()); n != 0 {
		t.Fatalf("ran a job another process holds")
	}
	c.Advance(jobs.DefaultRescueAfter + time.Second)
	if n, err := r.RunDue(context.Background()); n != 1 || err != nil || h.n.Load() != 1 {
		t.Fatalf("rescued %d %v, hits %d", n, err, h.n.Load())
	}
}

// TestStartStopStart: a console stops working jobs when a serve appears and
// starts again when it is gone; the runner survives that on both engines.
// Observe sees every outcome with its delay.
func TestStartStopStart(t *testing.T) {
	engines(t, func(t *testing.T, url string) {
		ctx := context.Background()
		var mu sync.Mutex
		outcomes := map[jobs.Outcome]int{}
		r := newRunner(t, url, nil, jobs.Config{Observe: func(kind string, o jobs.Outcome, delay time.Duration) {
			mu.Lock()
			outcomes[o]++
			mu.Unlock()
			if kind != "digest.send" || delay < 0 || delay > time.Minute {
				t.Errorf("observed %s %s %s", kind, o, delay)
			}
		}})
		var h hits
		_ = r.HandleJobs("digest.send", h.handler)
		for i := range 2 {
			if err := r.Start(ctx); err != nil {
				t.Fatal(err)
			}
			if _, err := r.Enqueue(ctx, "digest.send", nil); err != nil {
				t.Fatal(err)
			}
			end := time.Now().Add(20 * time.Second)
			for h.n.Load() != int64(i+1) {
				if time.Now().After(end) {
					t.Fatalf("round %d: job not run", i)
				}
				time.Sleep(10 * time.Millisecond)
			}
			if err := r.Stop(ctx); err != nil {
				t.Fatal(err)
			}
		}
		mu.Lock()
		defer mu.Unlock()
		if outcomes[jobs.OutcomeDone] != 2 {
			t.Errorf("outcomes %v", outcomes)
		}
	})
}

// TestDueWhileDown: jobs that fell due while no process ran them run once
// when one comes back.
func TestDueWhileDown(t *testing.T) {
	engines(t, func(t *testing.T, url string) {
		ctx := context.Background()
		c := newClock()
		before := newRunner(t, url, c, jobs.Config{})
		var h hits
		_ = before.HandleJobs("question.escalate", h.handler)
		due := c.Now().Add(time.Hour)
		for _, key := range []string{"q1", "q2", "q3"} {
			if err := before.Schedule(ctx, "question.escalate", key, due, nil); err != nil {
				t.Fatal(err)
			}
		}
		// Everything is down for a day; then one process comes back.
		c.Advance(24 * time.Hour)
		after := newRunner(t, url, c, jobs.Config{})
		_ = after.HandleJobs("question.escalate", h.handler)
		start(t, after)
		drive(t, after, 30*time.Second, func() bool {
			list, err := after.Jobs(ctx, 10)
			return err == nil && len(list) == 0 && h.n.Load() == 3
		})
		c.Advance(time.Hour)
		time.Sleep(300 * time.Millisecond)
		if _, err := after.RunDue(ctx); err != nil && intranet.ErrorCode(err) != intranet.ENOTIMPLEMENTED {
			t.Fatal(err)
		}
		if got := h.snapshot(); len(got) != 3 || h.n.Load() != 3 {
			t.Fatalf("runs %v", got)
		}
	})
}

// TestStartPurgesWeb: a started runner deletes sign-in links expired more
// than a day ago and idle web sessions, and keeps the rest.
func TestStartPurgesWeb(t *testing.T) {
	engines(t, func(t *testing.T, url string) {
		ctx := context.Background()
		c := newClock()
		s := openStore(t, url, c)
		if _, err := s.ImportPeople(ctx, []intranet.PersonRecord{{Line: 2, Name: "Tim Twee", Email: "tim@example.nl"}}, false); err != nil {
			t.Fatal(err)
		}
		p, err := s.FindPersonByEmail(ctx, "tim@example.nl")
		if err != nil {
			t.Fatal(err)
		}
		now := c.Now()
		for hash, expires := range map[string]time.Time{"old": now.Add(-48 * time.Hour), "new": now.Add(time.Minute)} {
			if err := s.CreateSignIn(ctx, intranet.SignIn{Hash: hash, PersonID: p.ID, Expires: expires}); err != nil {
				t.Fatal(err)
			}
		}
		for hash, seen := range map[string]time.Time{"idle": now.Add(-intranet.SessionIdle - time.Hour), "busy": now} {
			if err := s.CreateWebSession(ctx, intranet.WebSession{Hash: hash, PersonID: p.ID, CSRF: "c", Created: seen}); err != nil {
				t.Fatal(err)
			}
		}
		db, err := s.DB()
		if err != nil {
			t.Fatal(err)
		}
		count := func(q string) int {
			var n int
			if err := db.QueryRowContext(ctx, q).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		start(t, newRunner(t, url, c, jobs.Config{}))
		end := time.Now().Add(20 * time.Second)
		for count("SELECT count(*) FROM web_sign_ins")+count("SELECT count(*) FROM web_sessions") != 2 {
			if time.Now().After(end) {
				t.Fatal("old sign-in link and idle session not purged")
			}
			time.Sleep(20 * time.Millisecond)
		}
		if _, err := s.UseSignIn(ctx, "new", now); err != nil {
			t.Errorf("working link: %v", err)
		}
		if _, err := s.FindWebSession(ctx, "busy", now); err != nil {
			t.Errorf("busy session: %v", err)
		}
	})
}
