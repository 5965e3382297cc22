package webhook_test

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/werkplek/werkplek/adapters/webhook"
	"github.com/werkplek/werkplek/internal/pgtest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/jobs"
	"github.com/werkplek/werkplek/intranet/store"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// clock is the job runner's time, which the test moves on.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

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

// TestThroughOutbox: events published through the real outbox and job
// runner reach each endpoint that asked for them once (one 2xx per event
// and endpoint, however often published), signed, with one webhook-id
// over the retries of an endpoint that first answers 500 (both tries of
// the first delivery, so that the outbox tries again later).
func TestThroughOutbox(t *testing.T) {
	for _, engine := range []string{"sqlite", "postgres"} {
		t.Run(engine, func(t *testing.T) {
			ctx := context.Background()
			url := "sqlite:" + filepath.Join(t.TempDir(), "w.db")
			if engine == "postgres" {
				url = pgtest.URL(t)
			}
			s, err := store.Open(ctx, url)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			c := &clock{t: time.Now().UTC().Truncate(time.Second)}
			s.Now = c.Now
			// The clock runs 50 times faster than the wall's below: a
			// rescue after the default 45 s would take back a delivery
			// that a busy machine keeps running for a second.
			r, err := jobs.New(ctx, jobs.Config{Store: s, Now: c.Now, PollInterval: 50 * time.Millisecond, RescueAfter: 24 * time.Hour})
			if err != nil {
				t.Fatal(err)
			}
			failing := newReceiver(t, status(500), status(500))
			fine := newReceiver(t)
			if _, err := s.AddWebhook(ctx, failing.srv.URL+"/a", []string{intranet.EventTimesheetApproved}, failing.secret, c.Now()); err != nil {
				t.Fatal(err)
			}
			if _, err := s.AddWebhook(ctx, fine.srv.URL+"/b", intranet.Events, fine.secret, c.Now()); err != nil {
				t.Fatal(err)
			}
			poster := webhook.New(s, nil)
			poster.Retry = noWait
			o, err := jobs.NewOutbox(r, func(p intranet.Platform) intranet.Poster {
				if p == intranet.PlatformWebhook {
					return poster
				}
				return nil
			}, nil, feature.NewInstallations(s, c.Now))
			if err != nil {
				t.Fatal(err)
			}
			events, err := feature.NewEvents(s, o, s)
			if err != nil {
				t.Fatal(err)
			}
			approved := intranet.Event{ID: "evt_approved", Type: intranet.EventTimesheetApproved, Data: []byte(`{"week":"2026-W49"}`)}
			for range 2 {
				if err := events.Publish(ctx, approved); err != nil {
					t.Fatal(err)
				}
			}
			if err := events.Publish(ctx, intranet.Event{ID: "evt_reopened", Type: intranet.EventTimesheetReopened}); err != nil {
				t.Fatal(err)
			}
			if err := r.Start(ctx); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() {
				ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
				defer cancel()
				_ = r.Stop(ctx)
			})
			accepted := func(rc *receiver) map[string]int {
				n := map[string]int{}
				for _, a := range rc.attempts() {
					if a.answered < 300 {
						n[a.id]++
					}
				}
				return n
			}
			// The outbox waits its backoff after the failed delivery: the
			// clock moves on while the jobs run.
			end := time.Now().Add(30 * time.Second)
			for {
				if _, err := r.RunDue(ctx); err != nil && intranet.ErrorCode(err) != intranet.ENOTIMPLEMENTED {
					t.Fatal(err)
				}
				list, err := r.Jobs(ctx, 10)
				if err != nil {
					t.Fatal(err)
				}
				if len(accepted(failing)) == 1 && len(accepted(fine)) == 2 && len(list) == 0 {
					break
				}
				if time.Now().After(end) {
					t.Fatalf("not delivered: failing endpoint %+v, fine endpoint %+v, jobs %+v", failing.attempts(), fine.attempts(), list)
				}
				c.Advance(time.Second)
				time.Sleep(20 * time.Millisecond)
			}
			if got := accepted(failing); got["evt_approved"] != 1 {
				t.Errorf("failing endpoint accepted %v", got)
			}
			if got := accepted(fine); got["evt_approved"] != 1 || got["evt_reopened"] != 1 {
				t.Errorf("fine endpoint accepted %v", got)
			}
			tries := failing.attempts()
			if len(tries) != 3 || tries[0].answered != http.StatusInternalServerError || tries[1].answered != http.StatusInternalServerError {
				t.Errorf("failing endpoint's tries: %+v", tries)
			}
			for _, rc := range []*receiver{failing, fine} {
				for _, a := range rc.attempts() {
					if a.verified != nil {
						t.Errorf("%s: %v", a.id, a.verified)
					}
				}
			}
			for _, a := range failing.attempts() {
				if a.id != "evt_approved" {
					t.Errorf("failing endpoint got %s", a.id)
				}
			}
		})
	}
}
