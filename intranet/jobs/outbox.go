package jobs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/werkplek/werkplek/intranet"
)

// OutboxKind is the job kind that delivers one outbox entry.
const OutboxKind = "outbox.deliver"

// MaxDeliveryAttempts is how often an outbound message is tried (answers
// with a Retry-After included) before it counts as failed.
const MaxDeliveryAttempts = 20

// Outbox delivers outbound messages as jobs; see intranet.Outbox for the
// guarantees and what a crash can still do.
type Outbox struct {
	r *Runner
	// posters returns the poster of a platform; the set is filled as
	// adapters start, so it is looked up at delivery time.
	posters func(intranet.Platform) intranet.Poster
	// gone says which installations are gone: nothing is sent there.
	gone intranet.Installations
}

var _ intranet.Outbox = (*Outbox)(nil)

// ErrInstallationGone is the failure of a delivery to an installation that
// is gone (intranet.Departures): it is not attempted, and not tried again.
var ErrInstallationGone = errors.New("installation gone")

// NewOutbox registers the delivery job on r; posters returns the poster of a
// platform (nil when that platform is off); gone says which installations
// are gone (nil: none).
func NewOutbox(r *Runner, posters func(intranet.Platform) intranet.Poster, gone intranet.Installations) (*Outbox, error) {
	o := &Outbox{r: r, posters: posters, gone: gone}
	if err := r.HandleJobs(OutboxKind, o.deliver); err != nil {
		return nil, err
	}
	return o, nil
}

type outboxPayload struct {
	ID int64 `json:"id"`
}

// Send records the intent to deliver d and enqueues its delivery, in the
// transaction of ctx when it has one. Returns EINVALID for an empty key or
// platform. A platform that is off in the process that works the job is
// tried again every minute (a serve with it on may come), then failed.
func (o *Outbox) Send(ctx context.Context, d intranet.Delivery) (int64, error) {
	if d.Key == "" {
		return 0, intranet.Errorf(intranet.EINVALID, "An outbound message needs a key.")
	}
	if d.To.Platform == "" {
		return 0, intranet.Errorf(intranet.EINVALID, "An outbound message needs a platform.")
	}
	var id int64
	err := o.r.store.InTx(ctx, func(ctx context.Context) error {
		var created bool
		var err error
		id, created, err = o.r.store.PutOutbox(ctx, d)
		if err != nil || !created {
			return err
		}
		p, _ := json.Marshal(outboxPayload{ID: id})
		_, err = o.r.Enqueue(ctx, OutboxKind, p)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("send %s: %w", d.Key, err)
	}
	return id, nil
}

// OutboxEntry returns an entry with its state. Returns ENOTFOUND.
func (o *Outbox) OutboxEntry(ctx context.Context, id int64) (intranet.OutboxEntry, error) {
	return o.r.store.OutboxEntry(ctx, id)
}

// deliver is the job: it hands the entry to the platform's poster once, and
// records the outcome. A temporary failure (429, 5xx, a timeout) is tried
// again after the platform's Retry-After or with backoff; anything else is
// a definite failure, recorded on the entry.
func (o *Outbox) deliver(ctx context.Context, j intranet.Job) error {
	var p outboxPayload
	if err := json.Unmarshal(j.Payload, &p); err != nil {
		return intranet.FailJob(fmt.Errorf("outbox job payload: %w", err))
	}
	e, err := o.r.store.OutboxEntry(ctx, p.ID)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return intranet.FailJob(err)
	} else if err != nil {
		return err
	}
	if e.State == intranet.OutboxSent {
		return nil
	}
	if o.gone != nil {
		gone, err := o.gone.Gone(ctx, e.To.Platform, e.To.Installation)
		if err != nil {
			return err
		} else if gone {
			return o.failed(ctx, e, ErrInstallationGone)
		}
	}
	poster := o.posters(e.To.Platform)
	if poster == nil {
		// A console working jobs has only the console's poster: a serve with
		// that platform on may deliver it later.
		err := fmt.Errorf("platform %q is not on in this process", e.To.Platform)
		if e.Attempts+1 >= MaxDeliveryAttempts {
			return o.failed(ctx, e, err)
		}
		if err := o.r.store.MarkOutboxAttempt(context.WithoutCancel(ctx), e.ID, err.Error(), false); err != nil {
			return err
		}
		return intranet.RetryLater(time.Minute, err)
	}
	ref, err := poster.Deliver(ctx, intranet.Delivery{To: e.To, Reply: e.Reply, Key: e.Key})
	if err == nil {
		if err := o.r.store.MarkOutboxSent(context.WithoutCancel(ctx), e.ID, ref); err != nil {
			// Tried again; the poster's dedupe by key keeps it one post.
			return fmt.Errorf("record outbound message %d sent: %w", e.ID, err)
		}
		return nil
	}
	var de *intranet.DeliveryError
	temporary := errors.As(err, &de) && de.Temporary || errors.Is(err, context.DeadlineExceeded)
	if !temporary {
		return o.failed(ctx, e, err)
	}
	if e.Attempts+1 >= MaxDeliveryAttempts {
		return o.failed(ctx, e, fmt.Errorf("gave up after %d attempts: %w", e.Attempts+1, err))
	}
	if err := o.r.store.MarkOutboxAttempt(context.WithoutCancel(ctx), e.ID, err.Error(), false); err != nil {
		return err
	}
	// The outbox counts the attempts (MaxDeliveryAttempts), so the queue
	// must not: without a Retry-After the wait is our own backoff, and a
	// wait never uses up one of the queue's attempts. Otherwise the queue
	// would drop the job after its own 10 while the entry stayed pending.
	after := backoff(e.Attempts + 1)
	if de != nil && de.RetryAfter > 0 {
		after = de.RetryAfter
	}
	return intranet.RetryLater(after, err)
}

func (o *Outbox) failed(ctx context.Context, e intranet.OutboxEntry, cause error) error {
	if err := o.r.store.MarkOutboxAttempt(context.WithoutCancel(ctx), e.ID, cause.Error(), true); err != nil {
		return err
	}
	return intranet.FailJob(fmt.Errorf("deliver %s to %s: %w", e.Key, e.To.Platform, cause))
}
