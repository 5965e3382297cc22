package news

import (
	"context"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// Who sees an item is decided here, for every path an item travels (a
// channel post, a digest, a DM to a follower or a subscriber, /news, the
// reminders): an item for everyone reaches every employee, but no guest
// and no partner; an item for a department reaches that department's
// people, those who manage content, and the channels linked to that
// department's team. A channel linked to no team, or to a team of no
// department, gets the items for everyone only.
//
// An item addressed to partners (audience:partners) reaches every partner
// besides the employees above (it is for everyone inside as well, or for
// its department), and one addressed to one organisation
// (partner:<organisation>) reaches that organisation's people only; a
// guest without an organisation sees nothing. A channel shared with
// another organisation gets only the items addressed to every partner.
// Partners see an item without what is internal (topic, department,
// comments); employees see it labelled "For partners".
//
// Reminders, the read statistics and `werkplek news acks` count the people
// asked to confirm (NewsAudience): the department's people (everyone's
// without one), and the partners the item is addressed to, who confirm
// with /news read as employees do.

// personScope is what a person sees.
func personScope(p *intranet.Person) intranet.NewsScope {
	switch {
	case p == nil:
		return intranet.NewsScope{None: true}
	case p.IsPartner():
		return intranet.NewsScope{Partner: p.OrganisationID}
	case p.IsGuest():
		return intranet.NewsScope{None: true}
	case p.Has(intranet.RoleContentManager) || p.Has(intranet.RoleAdmin):
		return intranet.NewsScope{All: true}
	}
	return intranet.NewsScope{Department: p.Department}
}

// forPartners reports whether a reader of scope sc is outside the
// organisation (a partner, a shared channel): they see items without
// what is internal.
func forPartners(sc intranet.NewsScope) bool { return sc.Partner != 0 || sc.PartnersOnly }

// asked reports whether p is asked to confirm an important item: the
// employees of its department (every employee without one) and the
// partners it is addressed to, as NewsAudience counts them.
func asked(n *intranet.NewsItem, p *intranet.Person) bool {
	if p.IsPartner() {
		return intranet.NewsScope{Partner: p.OrganisationID}.Sees(n)
	}
	return n.For(p.Department)
}

// findOrganisation finds the partner organisation a typed name means;
// problem says why none, in the caller's language.
func (u *Unit) findOrganisation(ctx context.Context, c *feature.Call, name string) (org *intranet.Organisation, problem string, err error) {
	org, err = u.cfg.Partners.FindOrganisation(ctx, name)
	if err == nil || intranet.ErrorCode(err) != intranet.ENOTFOUND {
		return org, "", err
	}
	all, err := u.cfg.Partners.Organisations(ctx)
	if err != nil {
		return nil, "", err
	}
	if len(all) == 0 {
		return nil, c.T("Er zijn nog geen partnerorganisaties; een beheerder voegt ze toe met `/partner add <organisatie>`.",
			"There are no partner organisations yet; an admin adds them with `/partner add <organisation>`."), nil
	}
	names := make([]string, len(all))
	for i, o := range all {
		names[i] = o.Name
	}
	match := feature.MatchNames(name, names)
	switch {
	case len(match) == 1 && feature.WordsStartWith(match[0], name):
		for _, o := range all {
			if o.Name == match[0] {
				return o, "", nil
			}
		}
	case len(match) > 1 && feature.WordsStartWith(match[0], name):
		return nil, c.T("%q past bij meer partnerorganisaties: %s. Typ de hele naam, tussen aanhalingstekens.", "%q matches several partner organisations: %s. Type the whole name, in quotes.",
			name, strings.Join(match, ", ")), nil
	}
	return nil, c.T("Ik ken geen partnerorganisatie %q.%s", "I know no partner organisation %q.%s", name, c.DidYouMean(name, names)), nil
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
// to; only the items for every partner when it is shared with another
// organisation.
func (r *reach) channel(ctx context.Context, platform intranet.Platform, channelID string, shared bool) (intranet.NewsScope, error) {
	if shared {
		return intranet.NewsScope{PartnersOnly: true}, nil
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
