package news

import (
	"context"

	"github.com/werkplek/werkplek/intranet"
)

// Who sees an item is decided here, for every path an item travels (a
// channel post, a digest, a DM to a follower or a subscriber, /news, the
// reminders): an item for everyone reaches everyone but guests and
// channels shared with another organisation; an item for a department
// reaches that department's people, those who manage content, and the
// channels linked to that department's team. A channel linked to no team,
// or to a team of no department, gets the items for everyone only.
// (Reminders, the read statistics and `werkplek news acks` count the
// people asked to confirm: the department's people, NewsAudience.)

// personScope is what a person sees.
func personScope(p *intranet.Person) intranet.NewsScope {
	switch {
	case p == nil || p.IsGuest():
		return intranet.NewsScope{None: true}
	case p.Has(intranet.RoleContentManager) || p.Has(intranet.RoleAdmin):
		return intranet.NewsScope{All: true}
	}
	return intranet.NewsScope{Department: p.Department}
}

// reach decides, for one job, what each person, channel and subscription
// sees, finding each person and channel's team once.
type reach struct {
	u      *Unit
	people people
	teams  map[string]intranet.NewsScope
}

func (u *Unit) reach() *reach {
	return &reach{u: u, people: people{svc: u.cfg.People}, teams: map[string]intranet.NewsScope{}}
}

// person is what the person of id sees (nothing when they are gone).
func (r *reach) person(ctx context.Context, id int64) (intranet.NewsScope, *intranet.Person, error) {
	p, err := r.people.find(ctx, id)
	if err != nil {
		return intranet.NewsScope{}, nil, err
	}
	return personScope(p), p, nil
}

// channel is what a channel sees: the department of the team it is linked
// to; nothing when it is shared with another organisation.
func (r *reach) channel(ctx context.Context, platform intranet.Platform, channelID string, shared bool) (intranet.NewsScope, error) {
	if shared {
		return intranet.NewsScope{None: true}, nil
	}
	key := string(platform) + "\x00" + channelID
	if sc, ok := r.teams[key]; ok {
		return sc, nil
	}
	var sc intranet.NewsScope
	t, err := r.u.cfg.Teams.FindTeamByChannel(ctx, platform, channelID)
	switch {
	case intranet.ErrorCode(err) == intranet.ENOTFOUND:
	case err != nil:
		return sc, err
	default:
		sc.Department = t.Department
	}
	r.teams[key] = sc
	return sc, nil
}

// subscription is what a subscription delivers: its owner's scope for a
// personal one, its channel's for a channel's.
func (r *reach) subscription(ctx context.Context, s *intranet.Subscription) (intranet.NewsScope, error) {
	if s.Personal {
		sc, _, err := r.person(ctx, s.PersonID)
		return sc, err
	}
	return r.channel(ctx, s.To.Platform, s.To.ChannelID, s.Shared)
}
