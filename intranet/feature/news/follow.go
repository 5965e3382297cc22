package news

import (
	"context"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/phonebook"
)

// follow answers /follow and /unfollow with a colleague, a department or
// a topic.
func (u *Unit) follow(ctx context.Context, c *feature.Call, on bool) (intranet.Reply, error) {
	p := c.Cmd
	what := strings.TrimSpace(p.Text("what"))
	given := 0
	for _, has := range []bool{what != "", p.Has("dept"), p.Has("topic")} {
		if has {
			given++
		}
	}
	switch {
	case given == 0 && on:
		return u.follows(ctx, c)
	case given == 0:
		return c.Reply(unfollowWhat(c)), nil
	case given > 1:
		return oneThingToFollow(c), nil
	}
	f, bad, err := u.resolveFollow(ctx, c, what, on)
	if bad != "" || err != nil {
		return c.Reply(bad), err
	}
	if on {
		made, err := u.cfg.Subscriptions.AddFollow(ctx, *f)
		if err != nil {
			return intranet.Reply{}, err
		}
		return c.Reply(followed(c, *f, made)), nil
	}
	gone, err := u.cfg.Subscriptions.RemoveFollow(ctx, *f)
	if err != nil {
		return intranet.Reply{}, err
	}
	return c.Reply(unfollowed(c, *f, gone)), nil
}

// follows answers /follow list (and /follow alone): whom and what the
// caller follows.
func (u *Unit) follows(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	me := c.Person.ID
	list, err := u.cfg.Subscriptions.Follows(ctx, &me)
	if err != nil {
		return intranet.Reply{}, err
	}
	return followsView(c, list), nil
}

// resolveFollow reads what to follow: dept:<name>, topic:<name>, or a
// name that is a department, a topic or a colleague, in that order. A
// topic to unfollow need not exist any more.
func (u *Unit) resolveFollow(ctx context.Context, c *feature.Call, what string, on bool) (*intranet.Follow, string, error) {
	p := c.Cmd
	f := &intranet.Follow{PersonID: c.Person.ID}
	switch {
	case p.Has("dept"):
		d, bad, err := feature.FindDepartment(ctx, u.cfg.People, c, p.Text("dept"))
		if bad != "" || err != nil {
			return nil, bad, err
		}
		f.Kind, f.Value = intranet.FollowDepartment, d
		return f, "", nil
	case p.Has("topic"):
		t, bad, err := u.findTopic(ctx, c, p.Text("topic"), on)
		if bad != "" || err != nil {
			return nil, bad, err
		}
		f.Kind, f.Value = intranet.FollowTopic, t
		return f, "", nil
	}
	depts, err := u.cfg.People.Departments(ctx)
	if err != nil {
		return nil, "", err
	}
	for _, d := range depts {
		if phonebook.Key(d) == phonebook.Key(what) {
			f.Kind, f.Value = intranet.FollowDepartment, d
			return f, "", nil
		}
	}
	topics, err := u.cfg.News.NewsTopics(ctx)
	if err != nil {
		return nil, "", err
	}
	for _, t := range topics {
		if phonebook.Key(t) == phonebook.Key(what) {
			f.Kind, f.Value = intranet.FollowTopic, t
			return f, "", nil
		}
	}
	person, bad, err := feature.FindPerson(ctx, u.cfg.People, u.cfg.Accounts, c, what)
	if err != nil {
		return nil, "", err
	}
	if person == nil {
		return nil, bad + followNear(c, feature.MatchNames(what, append(depts, topics...))), nil
	}
	f.Kind, f.TargetID, f.Value = intranet.FollowPerson, person.ID, person.Name
	return f, "", nil
}
