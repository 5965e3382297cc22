package board

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/feature/digest"
)

// Subscriptions to the board run as news subscriptions do, through
// digest.Digests: the same schedules, the same record of deliveries and
// the same claim, so each period's digest reaches a channel once whatever
// number of replicas run it, and each new ad reaches an immediate
// subscription once.

// The job kinds of board subscriptions.
const (
	// BoardPublishJob delivers a new ad to the immediate subscriptions
	// (key "board:<id>:publish"), scheduled with the ad.
	BoardPublishJob = "board.publish"
	// BoardDigestJob delivers one subscription's digest of one period (key
	// "digest:<subscription>:<period>").
	BoardDigestJob = "board.digest"
)

// DigestMax is the most ads a digest lists; the rest are counted.
const DigestMax = 10

func publishKey(id int64) string { return fmt.Sprintf("board:%d:publish", id) }

// subscribe answers /board subscribe: for the channel, or in a direct
// message for the caller.
func (u *Unit) subscribe(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	if c.Req.Channel.Shared && !c.Req.Channel.Direct {
		return c.Reply(sharedChannel(c)), nil
	}
	sch, bad := u.digests.ReadSchedule(c)
	if bad != "" {
		return c.Reply(bad + " " + c.Usage()), nil
	}
	s := intranet.Subscription{Schedule: sch}
	if c.Cmd.Has("category") {
		s.Category = intranet.Category(c.Cmd.Text("category"))
	}
	made, err := u.digests.Subscribe(ctx, c, s)
	if intranet.ErrorCode(err) == intranet.ECONFLICT {
		return c.Reply(u.digests.Exists(c)), nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	return u.subscribedView(c, made), nil
}

// subscriptions answers /board subscriptions: the channel's and the
// caller's board subscriptions.
func (u *Unit) subscriptions(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	list, err := u.digests.Listed(ctx, c)
	if err != nil {
		return intranet.Reply{}, err
	}
	return u.subscriptionsView(c, list), nil
}

// reaches reports whether a board subscription gets ads: not in a channel
// shared with another organisation, and not when the person who made it
// is gone, or is a guest while guests are off the board.
func (u *Unit) reaches(ctx context.Context, s *intranet.Subscription) (bool, error) {
	if s.Shared && !s.Personal {
		return false, nil
	}
	p, err := u.cfg.People.FindPersonByID(ctx, s.PersonID)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return false, nil
	} else if err != nil {
		return false, err
	}
	return !p.IsGuest() || u.cfg.Guests, nil
}

// publishJob delivers a new ad to each immediate subscription of its
// category (or of all) made before it, once (digest.Digests.Deliver).
func (u *Unit) publishJob(ctx context.Context, j intranet.Job) error {
	parts := strings.Split(j.Key, ":")
	if len(parts) != 3 || parts[0] != "board" || parts[2] != "publish" {
		return intranet.FailJob(fmt.Errorf("%s job with key %q", j.Kind, j.Key))
	}
	id, err := strconv.ParseInt(parts[1], 10, 64)
	if err != nil {
		return intranet.FailJob(fmt.Errorf("%s job with key %q", j.Kind, j.Key))
	}
	a, err := u.cfg.Board.FindAdByID(ctx, id)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return nil
	} else if err != nil {
		return err
	}
	if !a.Visible(j.At(u.cfg.Now())) {
		return nil
	}
	subs, err := u.cfg.Subscriptions.Subscriptions(ctx, intranet.SubscriptionFilter{Feed: intranet.FeedBoard, Immediate: true, MatchingAd: a})
	if err != nil {
		return err
	}
	for _, s := range subs {
		if a.Created.Before(s.Created) {
			continue
		}
		if ok, err := u.reaches(ctx, s); err != nil {
			return err
		} else if !ok {
			continue
		}
		if err := u.digests.Deliver(ctx, s, fmt.Sprintf("ad:%d", a.ID), u.adMessage(s, a), fmt.Sprintf("board:%d:sub:%d", a.ID, s.ID), nil); err != nil {
			return err
		}
	}
	return nil
}

// collectDigest lists a subscription's digest (digest.Digests runs the
// job, claims its period and sends it): the ads put up in (since, until]
// in its category that are still up.
func (u *Unit) collectDigest(ctx context.Context, s *intranet.Subscription, since, until time.Time) (digest.Collected, error) {
	if ok, err := u.reaches(ctx, s); !ok || err != nil {
		return digest.Collected{}, err
	}
	ads, err := u.cfg.Board.Ads(ctx, intranet.AdFilter{VisibleAt: until, Category: s.Category, CreatedAfter: since, CreatedUntil: until})
	if err != nil || len(ads) == 0 {
		return digest.Collected{}, err
	}
	return digest.Collected{Count: len(ads), Message: u.digestMessage(s, ads)}, nil
}

// RescheduleDigest moves a board subscription's next digest to due, with
// its job; operators and tests use it to make digests fall due now.
// Returns ENOTFOUND.
func (u *Unit) RescheduleDigest(ctx context.Context, id int64, due time.Time) error {
	return u.digests.Reschedule(ctx, id, due)
}
