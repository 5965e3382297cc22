package jobs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/werkplek/werkplek/intranet"
)

// OutboxKind is the job kind that delivers one outbox entry.
const OutboxKind = "outbox.deliver"

// ReleaseKind is the job kind that delivers a person's DMs held through
// their quiet hours, as one message where several waited; its key is
// "person:<id>".
const ReleaseKind = "outbox.release"

// WebhookKind is the job kind that delivers one outbox entry to a webhook
// endpoint (intranet.PlatformWebhook): an OutboxKind job under its own
// kind, so that the console, which shows chat, need not wait for it.
const WebhookKind = "outbox.webhook"

// MaxDeliveryAge is how long an outbound message is tried (a platform down
// for days) before it counts as failed.
const MaxDeliveryAge = 6 * 24 * time.Hour

// MaxDeliveryWait is the default cap of the wait between tries of one
// delivery (Config.DeliveryMaxWait), so that after an outage everything is
// delivered within minutes of the platform's return.
const MaxDeliveryWait = 5 * time.Minute

// deliveryBackoff is the wait before try attempt+1 without a Retry-After:
// doubling from 2 s to limit, each a random wait between half and all of
// it, so that the messages that waited for one outage do not all come back
// at once.
func deliveryBackoff(attempt int, limit time.Duration) time.Duration {
	d := limit
	if attempt < 30 {
		d = min(limit, time.Duration(1<<attempt)*time.Second)
	}
	return d/2 + time.Duration(rand.Int64N(int64(d/2)+1))
}

// backoff is deliveryBackoff with the runner's cap.
func (o *Outbox) backoff(attempt int) time.Duration {
	return deliveryBackoff(attempt, o.r.cfg.DeliveryMaxWait)
}

// expired reports whether an entry has been tried long enough.
func (o *Outbox) expired(e intranet.OutboxEntry) bool {
	return o.r.now().Sub(e.Created) >= MaxDeliveryAge
}

// Outbox delivers outbound messages as jobs; see intranet.Outbox for the
// guarantees and what a crash can still do.
type Outbox struct {
	r *Runner
	// posters returns the poster of a platform; the set is filled as
	// adapters start, so it is looked up at delivery time.
	posters func(intranet.Platform) intranet.Poster
	// people chooses the account of a DM to a person when it is delivered.
	people intranet.Recipients
	// gone says which installations are gone: nothing is sent there.
	gone intranet.Installations
}

var _ intranet.Outbox = (*Outbox)(nil)

// ErrInstallationGone is the failure of a delivery to an installation that
// is gone (intranet.Departures): it is not attempted, and not tried again.
var ErrInstallationGone = errors.New("installation gone")

// NewOutbox registers the delivery jobs on r; posters returns the poster of
// a platform (nil when that platform is off), people chooses the account of
// a DM to a person (nil: such DMs count as unreachable), gone says which
// installations are gone (nil: none).
func NewOutbox(r *Runner, posters func(intranet.Platform) intranet.Poster, people intranet.Recipients, gone intranet.Installations) (*Outbox, error) {
	o := &Outbox{r: r, posters: posters, people: people, gone: gone}
	if err := r.HandleJobs(OutboxKind, o.deliver); err != nil {
		return nil, err
	}
	if err := r.HandleJobs(WebhookKind, o.deliver); err != nil {
		return nil, err
	}
	if err := r.HandleJobs(ReleaseKind, o.release); err != nil {
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
	if d.To.Platform == "" && d.To.PersonID == 0 {
		return 0, intranet.Errorf(intranet.EINVALID, "An outbound message needs a platform or a person.")
	}
	if !d.Release.IsZero() && d.To.PersonID == 0 {
		return 0, intranet.Errorf(intranet.EINVALID, "Only a DM to a person waits for their quiet hours.")
	}
	var id int64
	err := o.r.store.InTx(ctx, func(ctx context.Context) error {
		var created bool
		var err error
		id, created, err = o.r.store.PutOutbox(ctx, d)
		if err != nil || !created {
			return err
		}
		if !d.Release.IsZero() {
			// Every DM held to one release shares the person's one job.
			return o.r.Schedule(ctx, ReleaseKind, releaseKey(d.To.PersonID), d.Release, nil)
		}
		p, _ := json.Marshal(outboxPayload{ID: id})
		kind := OutboxKind
		if d.To.Platform == intranet.PlatformWebhook {
			kind = WebhookKind
		}
		_, err = o.r.Enqueue(ctx, kind, p)
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
	if e.State == intranet.OutboxSent || e.State == intranet.OutboxHeld {
		return nil // held: its release job delivers it
	}
	if e.To.PersonID != 0 && e.To.Platform == "" {
		to, err := o.account(ctx, e)
		if err != nil {
			return err
		}
		e.To = to
	}
	if o.gone != nil {
		gone, err := o.gone.Gone(ctx, e.To.Platform, e.To.Installation)
		if err != nil {
			return err
		}
		if gone && e.To.PersonID != 0 {
			// A DM to a person chosen before the installation went: the
			// Recipients choose again, skipping it.
			if e.To, err = o.account(ctx, e); err != nil {
				return err
			}
			gone, err = o.gone.Gone(ctx, e.To.Platform, e.To.Installation)
			if err != nil {
				return err
			}
		}
		if gone {
			return o.failed(ctx, e, ErrInstallationGone)
		}
	}
	poster := o.posters(e.To.Platform)
	if poster == nil {
		// A console working jobs has only the console's poster: a serve with
		// that platform on may deliver it later.
		err := fmt.Errorf("platform %q is not on in this process", e.To.Platform)
		if o.expired(e) {
			return o.failed(ctx, e, err)
		}
		if err := o.r.store.MarkOutboxAttempt(context.WithoutCancel(ctx), e.ID, err.Error(), false); err != nil {
			return err
		}
		return intranet.RetryLater(time.Minute, err)
	}
	reply := o.mentions(ctx, e.Reply, e.To)
	ref, err := poster.Deliver(ctx, intranet.Delivery{To: e.To, Reply: reply, Key: e.Key, Event: e.Event})
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
	if o.expired(e) {
		return o.failed(ctx, e, fmt.Errorf("gave up after %d attempts in %s: %w", e.Attempts+1, MaxDeliveryAge, err))
	}
	if err := o.r.store.MarkOutboxAttempt(context.WithoutCancel(ctx), e.ID, err.Error(), false); err != nil {
		return err
	}
	// The outbox decides when to give up (MaxDeliveryAge), so the queue
	// must not: without a Retry-After the wait is our own backoff, and a
	// wait never uses up one of the queue's attempts. Otherwise the queue
	// would drop the job after its own 10 while the entry stayed pending.
	after := o.backoff(e.Attempts + 1)
	if de != nil && de.RetryAfter > 0 {
		after = de.RetryAfter
	}
	return intranet.RetryLater(after, err)
}

// account chooses, and records, the account a DM to a person goes to. A
// person reachable nowhere fails the entry and tells whom it names.
func (o *Outbox) account(ctx context.Context, e intranet.OutboxEntry) (intranet.Destination, error) {
	var to intranet.Destination
	var err error = intranet.Errorf(intranet.ENOTFOUND, "no Recipients to choose an account")
	if o.people != nil {
		to, err = o.people.Account(ctx, e.To.PersonID, e.Guests)
	}
	switch {
	case intranet.ErrorCode(err) == intranet.ENOTFOUND:
		for _, d := range e.IfUnreachable {
			if _, err := o.Send(ctx, d); err != nil {
				return to, err
			}
		}
		return to, o.failed(ctx, e, fmt.Errorf("person %d is reachable on no platform: %w", e.To.PersonID, err))
	case err != nil:
		if o.expired(e) {
			return to, o.failed(ctx, e, err)
		}
		if err := o.r.store.MarkOutboxAttempt(context.WithoutCancel(ctx), e.ID, err.Error(), false); err != nil {
			return to, err
		}
		return to, intranet.RetryLater(o.backoff(e.Attempts+1), err)
	}
	to.PersonID = e.To.PersonID
	if err := o.r.store.ResolveOutbox(ctx, e.ID, to); err != nil {
		return to, err
	}
	return to, nil
}

// mentions rewrites the reply's person mentions (intranet.PersonMention)
// for the platform and installation it is delivered to: the mention of the
// person's account there, else their name. A lookup that fails gives the
// name too: a mention is not worth a failed or delayed message.
func (o *Outbox) mentions(ctx context.Context, r intranet.Reply, to intranet.Destination) intranet.Reply {
	return intranet.ResolveMentions(r, func(personID int64) (intranet.Account, bool) {
		if o.people == nil {
			return intranet.Account{}, false
		}
		a, err := o.people.AccountOn(ctx, personID, to.Platform, to.Installation)
		return a, err == nil
	})
}

func releaseKey(personID int64) string { return fmt.Sprintf("person:%d", personID) }

// release delivers a person's DMs that waited for the end of their quiet
// hours: one alone as it was, several as one message (the Recipients
// write it), in one transaction with their new state.
func (o *Outbox) release(ctx context.Context, j intranet.Job) error {
	var personID int64
	if _, err := fmt.Sscanf(j.Key, "person:%d", &personID); err != nil || personID <= 0 {
		return intranet.FailJob(fmt.Errorf("%s job with key %q", j.Kind, j.Key))
	}
	return o.r.store.InTx(ctx, func(ctx context.Context) error {
		held, err := o.r.store.HeldOutbox(ctx, personID, o.r.now())
		if err != nil || len(held) == 0 {
			return err
		}
		ids := make([]int64, len(held))
		for i, e := range held {
			ids[i] = e.ID
		}
		if len(held) == 1 {
			if err := o.r.store.ReleaseOutbox(ctx, ids); err != nil {
				return err
			}
			p, _ := json.Marshal(outboxPayload{ID: ids[0]})
			_, err := o.r.Enqueue(ctx, OutboxKind, p)
			return err
		}
		replies := make([]intranet.Reply, len(held))
		merged := intranet.Delivery{To: intranet.Destination{PersonID: personID}, Asked: true, Guests: true,
			Key: fmt.Sprintf("quiet-%d-%d-%d", personID, held[0].Release.Unix(), ids[0])}
		for i, e := range held {
			replies[i] = e.Reply
			merged.Guests = merged.Guests && e.Guests
			merged.IfUnreachable = append(merged.IfUnreachable, e.IfUnreachable...)
		}
		if o.people == nil {
			return intranet.FailJob(errors.New("no Recipients to write the held DMs as one"))
		}
		if merged.Reply, err = o.people.Merge(ctx, personID, replies); err != nil {
			return err
		}
		into, err := o.Send(ctx, merged)
		if err != nil {
			return err
		}
		return o.r.store.MarkOutboxMerged(ctx, ids, into)
	})
}

func (o *Outbox) failed(ctx context.Context, e intranet.OutboxEntry, cause error) error {
	if err := o.r.store.MarkOutboxAttempt(context.WithoutCancel(ctx), e.ID, cause.Error(), true); err != nil {
		return err
	}
	return intranet.FailJob(fmt.Errorf("deliver %s to %s: %w", e.Key, e.To.Platform, cause))
}
