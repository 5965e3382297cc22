package news

import (
	"context"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// subscribe answers /news subscribe: for the channel, or in a direct
// message for the caller. A channel shared with another organisation gets
// only the items addressed to every partner (reach.channel).
func (u *Unit) subscribe(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	p := c.Cmd
	sch, bad := u.digests.ReadSchedule(c)
	if bad != "" {
		return c.Reply(bad + " " + c.Usage()), nil
	}
	s := intranet.Subscription{Schedule: sch, Shared: c.Req.Channel.Shared && !c.Req.Channel.Direct}
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
	made, err := u.digests.Subscribe(ctx, c, s)
	if intranet.ErrorCode(err) == intranet.ECONFLICT {
		return c.Reply(u.digests.Exists(c)), nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	return u.subscribedView(c, made), nil
}

// subscriptions lists the channel's subscriptions and the caller's, and
// whom the caller follows.
func (u *Unit) subscriptions(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	list, err := u.digests.Listed(ctx, c)
	if err != nil {
		return intranet.Reply{}, err
	}
	me := c.Person.ID
	follows, err := u.cfg.Subscriptions.Follows(ctx, &me)
	if err != nil {
		return intranet.Reply{}, err
	}
	return u.subscriptionsView(c, list, follows), nil
}

// unsubscribe removes a subscription: a channel's by anyone in that
// channel (or its maker, or an admin), a personal one by its owner.
func (u *Unit) unsubscribe(ctx context.Context, c *feature.Call, id int64) (intranet.Reply, error) {
	return u.digests.Unsubscribe(ctx, c, id)
}
