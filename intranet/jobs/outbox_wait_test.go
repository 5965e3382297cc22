package jobs_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/jobs"
)

// TestOutboxWaitCapped: with DeliveryMaxWait set (WERKPLEK_RETRY_MAX_WAIT),
// no wait between two tries of a failing delivery is longer, however many
// tries it took; the message goes out once when the platform is back.
func TestOutboxWaitCapped(t *testing.T) {
	engines(t, func(t *testing.T, url string) {
		ctx := context.Background()
		c := newClock()
		const limit = 10 * time.Second
		r := newRunner(t, url, c, jobs.Config{DeliveryMaxWait: limit})
		poster := &fakePoster{}
		const failures = 8 // the doubling backoff would wait 256 s before the ninth
		for range failures {
			poster.answers = append(poster.answers, &intranet.DeliveryError{Temporary: true, Err: errors.New("503 service unavailable")})
		}
		o, err := jobs.NewOutbox(r, func(intranet.Platform) intranet.Poster { return poster }, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		start(t, r)
		id, err := o.Send(ctx, intranet.Delivery{To: intranet.Destination{Platform: intranet.PlatformSlack, Installation: "T1", ChannelID: "C1"}, Reply: intranet.Reply{Text: "Nieuws"}, Key: "news:1"})
		if err != nil {
			t.Fatal(err)
		}
		for call := 1; call <= failures; call++ {
			drive(t, r, 30*time.Second, func() bool { calls, _ := poster.stats(); return calls == call })
			waitWaiting(t, r, c)
			list, err := r.Jobs(ctx, 10)
			if err != nil {
				t.Fatal(err)
			}
			if wait := list[0].Next.Sub(c.Now()); wait > limit {
				t.Fatalf("after try %d the next waits %s, more than %s", call, wait, limit)
			}
			c.Advance(limit)
		}
		var e intranet.OutboxEntry
		drive(t, r, 30*time.Second, func() bool {
			e, _ = o.OutboxEntry(ctx, id)
			return e.State == intranet.OutboxSent
		})
		if calls, posts := poster.stats(); calls != failures+1 || posts != 1 {
			t.Fatalf("calls %d posts %d entry %+v", calls, posts, e)
		}
	})
}
