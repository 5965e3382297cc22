// Package digest is what the feeds people and channels subscribe to (news,
// the bulletin board) share: reading a schedule as typed, making a
// subscription with its first digest job, the digest job of one period
// with its claim, an immediate delivery claimed once per subscription and
// item, and ending a subscription. A unit gives what differs: its feed,
// its command, its digest job's kind and how a digest of its items reads.
//
// Every delivery is claimed (SubscriptionService.ClaimDelivery) in the
// transaction that enqueues its message in the outbox and schedules the
// next digest, so a job run again, on this replica or another, finds its
// period claimed and sends nothing: each channel gets each period's digest
// once. A digest's window is (the previous window's end, now - Settle],
// so each moment belongs to exactly one digest.
package digest

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// Settle is how long before its run a digest's window ends: an item posted
// at that very moment may not be committed yet when the digest reads, and
// the next digest starts where this one ended, so the item comes then
// rather than never.
const Settle = 5 * time.Second

// Period names a digest's due time; it is part of the job's key, the
// delivery record and the outbox key, so each is once per period.
func Period(due time.Time) string { return due.UTC().Format("2006-01-02T15:04:05Z") }

// Key is the key of a subscription's digest job and message of one period
// ("digest:<subscription>:<period>"). Subscriptions of every feed are
// numbered in one sequence, so keys of different feeds never meet.
func Key(sub int64, due time.Time) string { return fmt.Sprintf("digest:%d:%s", sub, Period(due)) }

// Collector finds what a subscription's digest lists: the items published
// in (since, until] that it sees, and the message listing them (unused
// when there are none).
type Collector func(ctx context.Context, s *intranet.Subscription, since, until time.Time) (Collected, error)

// Collected is one digest's content.
type Collected struct {
	// Count is the number of items; none sends nothing.
	Count   int
	Message intranet.Reply
	// Sent, when set, runs in the transaction that enqueued the message,
	// with its outbox id: news remembers which message carried which
	// items, so that a reply in its thread finds them.
	Sent Sent
}

// Sent is told the outbox id of a message the transaction enqueued.
type Sent func(ctx context.Context, outboxID int64) error

// Config is one feed's part.
type Config struct {
	Feed intranet.Feed
	// Command is the unit's command as typed ("/news"), for the buttons
	// and messages about its subscriptions.
	Command string
	// JobKind is the kind of the feed's digest jobs; New registers Job as
	// its handler.
	JobKind string
	// EachNL and EachEN say what an immediate subscription sends ("elk
	// bericht zodra het verschijnt", "each item as it appears").
	EachNL, EachEN string
	Subscriptions  intranet.SubscriptionService
	Jobs           feature.Jobs
	Outbox         intranet.Outbox
	Tx             intranet.Transactor
	Location       *time.Location
	Now            func() time.Time
	Collect        Collector
}

// Digests runs one feed's subscriptions.
type Digests struct{ cfg Config }

// New returns the feed's Digests with its digest job handler registered.
func New(cfg Config) (*Digests, error) {
	switch {
	case cfg.Feed == "" || cfg.Command == "" || cfg.JobKind == "":
		return nil, errors.New("digest: no feed, command or job kind")
	case cfg.Subscriptions == nil || cfg.Jobs == nil || cfg.Outbox == nil || cfg.Collect == nil:
		return nil, fmt.Errorf("digest %s: no subscriptions, jobs, outbox or collector", cfg.Feed)
	}
	if cfg.Location == nil {
		cfg.Location = time.UTC
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	d := &Digests{cfg: cfg}
	if err := cfg.Jobs.HandleJobs(cfg.JobKind, d.Job); err != nil {
		return nil, err
	}
	return d, nil
}

// Subscribe stores the caller's subscription s (its schedule and filters
// set) with its first digest job, in one transaction: typed in a channel
// it is the channel's, typed in a direct message (or where there is no
// channel) the caller's own. Returns ECONFLICT for one that exists.
func (d *Digests) Subscribe(ctx context.Context, c *feature.Call, s intranet.Subscription) (*intranet.Subscription, error) {
	s.PersonID, s.Lang = c.Person.ID, c.Lang
	if c.Req.Channel.Direct || c.Req.Channel.ID == "" {
		s.Personal = true
		s.To = intranet.Destination{Platform: c.Req.Platform, Installation: c.Req.Installation, UserID: c.Req.User.ID}
	} else {
		s.To = intranet.Destination{Platform: c.Req.Platform, Installation: c.Req.Installation, ChannelID: c.Req.Channel.ID}
	}
	now := d.cfg.Now()
	s.Feed = d.cfg.Feed
	s.Next = s.Schedule.Next(now, d.cfg.Location)
	var made *intranet.Subscription
	err := feature.InTx(ctx, d.cfg.Tx, func(ctx context.Context) error {
		var err error
		if made, err = d.cfg.Subscriptions.CreateSubscription(ctx, s, now); err != nil {
			return err
		}
		return d.schedule(ctx, made)
	})
	return made, err
}

// schedule schedules a subscription's next digest.
func (d *Digests) schedule(ctx context.Context, s *intranet.Subscription) error {
	if s.Next.IsZero() {
		return nil
	}
	return d.cfg.Jobs.Schedule(ctx, d.cfg.JobKind, Key(s.ID, s.Next), s.Next, nil)
}

// Find returns the feed's subscription of id; ENOTFOUND also for another
// feed's.
func (d *Digests) Find(ctx context.Context, id int64) (*intranet.Subscription, error) {
	s, err := d.cfg.Subscriptions.FindSubscriptionByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if feedOf(s) != d.cfg.Feed {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "No subscription %d.", id)
	}
	return s, nil
}

func feedOf(s *intranet.Subscription) intranet.Feed {
	if s.Feed == "" {
		return intranet.FeedNews
	}
	return s.Feed
}

// Reschedule moves a subscription's next digest to due, in one transaction
// with its job; operators and tests use it to make digests fall due now.
// Returns ENOTFOUND.
func (d *Digests) Reschedule(ctx context.Context, id int64, due time.Time) error {
	return feature.InTx(ctx, d.cfg.Tx, func(ctx context.Context) error {
		s, err := d.Find(ctx, id)
		if err != nil {
			return err
		}
		if !s.Next.IsZero() {
			if err := d.cfg.Jobs.Cancel(ctx, d.cfg.JobKind, Key(s.ID, s.Next)); err != nil {
				return err
			}
		}
		due = due.UTC().Truncate(time.Second)
		if err := d.cfg.Subscriptions.SetSubscriptionNext(ctx, id, due); err != nil {
			return err
		}
		s.Next = due
		return d.schedule(ctx, s)
	})
}

// Job delivers one subscription's digest of one period: the items
// published since its previous digest that it sees (Collect). The delivery
// record, the outbox message (keyed by the period) and the next period's
// job are written in one transaction, so a rerun, on this replica or
// another, finds the period claimed and sends nothing. The next period is
// computed from now, so a digest that fell due while everything was down
// goes out once, not once per missed period.
func (d *Digests) Job(ctx context.Context, j intranet.Job) error {
	var subID int64
	if _, err := fmt.Sscanf(j.Key, "digest:%d:", &subID); err != nil {
		return intranet.FailJob(fmt.Errorf("%s job with key %q", j.Kind, j.Key))
	}
	s, err := d.Find(ctx, subID)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return nil
	} else if err != nil {
		return err
	}
	if Period(s.Next) != Period(j.Due) {
		return nil // rescheduled meanwhile: the other job delivers
	}
	at := j.At(d.cfg.Now()).UTC().Truncate(time.Second)
	until := at.Add(-Settle)
	got, err := d.cfg.Collect(ctx, s, s.Since, until)
	if err != nil {
		return err
	}
	next := s.Schedule.Next(at, d.cfg.Location)
	return feature.InTx(ctx, d.cfg.Tx, func(ctx context.Context) error {
		won, err := d.cfg.Subscriptions.ClaimDelivery(ctx, intranet.DigestClaim{SubscriptionID: s.ID, Period: Period(j.Due), Until: until, Next: next, Items: got.Count}, at)
		if intranet.ErrorCode(err) == intranet.ENOTFOUND {
			return nil
		} else if err != nil || !won {
			return err
		}
		if got.Count > 0 {
			id, err := d.cfg.Outbox.Send(ctx, intranet.Delivery{To: s.To, Reply: got.Message, Key: Key(s.ID, j.Due)})
			if err != nil {
				return err
			}
			if got.Sent != nil {
				if err := got.Sent(ctx, id); err != nil {
					return err
				}
			}
		}
		s.Next = next
		return d.schedule(ctx, s)
	})
}

// Deliver sends one item to an immediate subscription once: the delivery
// (subscription, period, e.g. "item:12") is claimed in the transaction
// that enqueues the message under key, so a rerun sends nothing twice. A
// subscription ended meanwhile gets nothing. sent, when not nil, runs in
// that transaction with the message's outbox id.
func (d *Digests) Deliver(ctx context.Context, s *intranet.Subscription, period string, msg intranet.Reply, key string, sent Sent) error {
	err := feature.InTx(ctx, d.cfg.Tx, func(ctx context.Context) error {
		won, err := d.cfg.Subscriptions.ClaimDelivery(ctx, intranet.DigestClaim{SubscriptionID: s.ID, Period: period, Items: 1}, d.cfg.Now())
		if err != nil || !won {
			return err
		}
		id, err := d.cfg.Outbox.Send(ctx, intranet.Delivery{To: s.To, Reply: msg, Key: key})
		if err != nil || sent == nil {
			return err
		}
		return sent(ctx, id)
	})
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return nil
	}
	return err
}

// Listed returns the feed's subscriptions of the caller's channel (none in
// a direct message) and the caller's own.
func (d *Digests) Listed(ctx context.Context, c *feature.Call) ([]*intranet.Subscription, error) {
	var list []*intranet.Subscription
	if !c.Req.Channel.Direct && c.Req.Channel.ID != "" {
		here, err := d.cfg.Subscriptions.Subscriptions(ctx, intranet.SubscriptionFilter{Feed: d.cfg.Feed, Platform: c.Req.Platform, ChannelID: c.Req.Channel.ID})
		if err != nil {
			return nil, err
		}
		list = here
	}
	mine, err := d.cfg.Subscriptions.Subscriptions(ctx, intranet.SubscriptionFilter{Feed: d.cfg.Feed, PersonID: c.Person.ID})
	if err != nil {
		return nil, err
	}
	return append(list, mine...), nil
}

// Unsubscribe ends a subscription of the feed: a channel's by anyone in
// that channel (or its maker, or an admin), a personal one by its owner.
func (d *Digests) Unsubscribe(ctx context.Context, c *feature.Call, id int64) (intranet.Reply, error) {
	s, err := d.Find(ctx, id)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return c.Reply(noSubscription(c, id)), nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	inChannel := !s.Personal && s.To.Platform == c.Req.Platform && s.To.ChannelID == c.Req.Channel.ID
	if s.Personal && s.PersonID != c.Person.ID || !s.Personal && !inChannel && s.PersonID != c.Person.ID && !c.Has(intranet.RoleAdmin) {
		return c.Reply(notYours(c, id)), nil
	}
	err = feature.InTx(ctx, d.cfg.Tx, func(ctx context.Context) error {
		if !s.Next.IsZero() {
			if err := d.cfg.Jobs.Cancel(ctx, d.cfg.JobKind, Key(s.ID, s.Next)); err != nil {
				return err
			}
		}
		return d.cfg.Subscriptions.DeleteSubscription(ctx, id)
	})
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return c.Reply(unsubscribedAlready(c, id)), nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	reply := c.Reply(unsubscribed(c, id))
	reply.ReplaceOriginal = c.Req.Pressed()
	return reply, nil
}

// SetShared records that the caller's channel is shared with another
// organisation, when the platform says so: its subscriptions, of every
// feed, deliver nothing more.
func (d *Digests) SetShared(ctx context.Context, c *feature.Call) error {
	if !c.Req.Channel.Shared || c.Req.Channel.Direct {
		return nil
	}
	return d.cfg.Subscriptions.SetChannelShared(ctx, c.Req.Platform, c.Req.Channel.ID, true)
}
