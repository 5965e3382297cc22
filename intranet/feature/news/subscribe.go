package news

import (
	"context"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/when"
)

// subscribe answers /news subscribe: for the channel, or in a direct
// message for the caller.
func (u *Unit) subscribe(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	p := c.Cmd
	if c.Req.Channel.Shared && !c.Req.Channel.Direct {
		return c.Reply(sharedChannel(c)), nil
	}
	sch, bad := readSchedule(c)
	if bad != "" {
		return c.Reply(bad + " " + c.Usage()), nil
	}
	s := intranet.Subscription{PersonID: c.Person.ID, Schedule: sch, Lang: c.Lang}
	if p.Has("topic") {
		t, bad, err := u.findTopic(ctx, c, p.Text("topic"), true)
		if bad != "" || err != nil {
			return c.Reply(bad), err
		}
		s.Topic = t
	}
	if p.Has("dept") {
		d, bad, err := feature.FindDepartment(ctx, u.cfg.People, c, p.Text("dept"))
		if bad != "" || err != nil {
			return c.Reply(bad), err
		}
		s.Department = d
	}
	if p.Has("from") {
		author, bad, err := feature.FindPerson(ctx, u.cfg.People, u.cfg.Accounts, c, p.Text("from"))
		if bad != "" || err != nil {
			return c.Reply(bad), err
		}
		s.AuthorID, s.Author = author.ID, author.Name
	}
	if c.Req.Channel.Direct || c.Req.Channel.ID == "" {
		s.Personal = true
		s.To = intranet.Destination{Platform: c.Req.Platform, Installation: c.Req.Installation, UserID: c.Req.User.ID}
	} else {
		s.To = intranet.Destination{Platform: c.Req.Platform, Installation: c.Req.Installation, ChannelID: c.Req.Channel.ID}
	}
	now := u.cfg.Now()
	s.Next = sch.Next(now, u.cfg.Location)
	var made *intranet.Subscription
	err := feature.InTx(ctx, u.cfg.Tx, func(ctx context.Context) error {
		var err error
		if made, err = u.cfg.Subscriptions.CreateSubscription(ctx, s, now); err != nil {
			return err
		}
		return u.scheduleDigest(ctx, made)
	})
	if intranet.ErrorCode(err) == intranet.ECONFLICT {
		return c.Reply(subscriptionExists(c)), nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	return u.subscribedView(c, made), nil
}

// readSchedule checks the schedule's combination of day and time, which
// the grammar reads as optional: a weekly digest needs a day, every digest
// a time, and each item at once takes neither.
func readSchedule(c *feature.Call) (intranet.Schedule, string) {
	p := c.Cmd
	s := intranet.Schedule{Kind: intranet.ScheduleKind(p.Text("schedule"))}
	day, hasDay := p.Weekday("day")
	clock, hasTime := p.Clock("time")
	switch s.Kind {
	case intranet.ScheduleImmediate:
		if hasDay || hasTime {
			return s, immediateTakesNoTime(c)
		}
		return s, ""
	case intranet.ScheduleWeekly:
		switch {
		case !hasDay && !hasTime:
			return s, weeklyNeedsDayAndTime(c)
		case !hasDay:
			return s, weeklyNeedsDay(c)
		}
		s.Weekday = day
	default:
		if hasDay {
			return s, dayOnlyWeekly(c, s.Kind)
		}
	}
	if !hasTime {
		return s, digestNeedsTime(c, s.Kind)
	}
	if clock >= 24*60 {
		return s, notTimeOfDay(c)
	}
	s.Minute = int(clock)
	return s, ""
}

// subscriptions lists the channel's subscriptions and the caller's, and
// whom the caller follows.
func (u *Unit) subscriptions(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	var list []*intranet.Subscription
	if !c.Req.Channel.Direct && c.Req.Channel.ID != "" {
		here, err := u.cfg.Subscriptions.Subscriptions(ctx, intranet.SubscriptionFilter{Platform: c.Req.Platform, ChannelID: c.Req.Channel.ID})
		if err != nil {
			return intranet.Reply{}, err
		}
		list = here
	}
	mine, err := u.cfg.Subscriptions.Subscriptions(ctx, intranet.SubscriptionFilter{PersonID: c.Person.ID})
	if err != nil {
		return intranet.Reply{}, err
	}
	list = append(list, mine...)
	me := c.Person.ID
	follows, err := u.cfg.Subscriptions.Follows(ctx, &me)
	if err != nil {
		return intranet.Reply{}, err
	}
	return subscriptionsView(c, list, follows), nil
}

// unsubscribe removes a subscription: a channel's by anyone in that
// channel (or its maker, or an admin), a personal one by its owner.
func (u *Unit) unsubscribe(ctx context.Context, c *feature.Call, id int64) (intranet.Reply, error) {
	s, err := u.cfg.Subscriptions.FindSubscriptionByID(ctx, id)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return c.Reply(noSubscription(c, id)), nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	inChannel := !s.Personal && s.To.Platform == c.Req.Platform && s.To.ChannelID == c.Req.Channel.ID
	if s.Personal && s.PersonID != c.Person.ID || !s.Personal && !inChannel && s.PersonID != c.Person.ID && !c.Has(intranet.RoleAdmin) {
		return c.Reply(subscriptionNotYours(c, id)), nil
	}
	err = feature.InTx(ctx, u.cfg.Tx, func(ctx context.Context) error {
		if !s.Next.IsZero() {
			if err := u.cfg.Jobs.Cancel(ctx, NewsDigestJob, digestKey(s.ID, s.Next)); err != nil {
				return err
			}
		}
		return u.cfg.Subscriptions.DeleteSubscription(ctx, id)
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

// clockOf is a time of day as typed in a schedule.
func clockOf(minute int) string { return when.Clock(minute).String() }
