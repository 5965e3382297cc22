package phonebook

import (
	"context"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	pb "github.com/werkplek/werkplek/intranet/phonebook"
)

// The one place where the phonebook decides whose mobile number a caller
// sees: every reply (a card, a list, the web's phonebook page, a search by
// number) is built from the people viewable returns, never from the
// store's people themselves.
//
// A mobile number is seen
//   - by the person themselves, always;
//   - by nobody else when its visibility is hidden (admins neither);
//   - with visibility team, by who shares a team with the person (a member
//     or lead of one of their teams, a department's team included) and by
//     their own manager;
//   - with visibility everyone, by everyone in the phonebook;
//
// and never by a guest (a partner, or a platform's guest account) or
// someone not in the phonebook. A person's visibility "" is the
// installation's, WERKPLEK_PRIVACY_MOBILE.

// MobileVisibility is who sees p's mobile number: their own choice, else
// def (else everyone).
func MobileVisibility(p *intranet.Person, def intranet.FieldVisibility) intranet.FieldVisibility {
	if p.MobileVisibility != "" {
		return p.MobileVisibility
	}
	if def != "" {
		return def
	}
	return intranet.VisibleEveryone
}

// viewer is what decides, for one caller, which mobile numbers they see.
type viewer struct {
	u *Unit
	c *feature.Call
	// teammates are the people who share a team with the caller, read
	// when first needed.
	teammates map[int64]bool
}

// seesMobile reports whether the caller may see p's mobile number.
func (v *viewer) seesMobile(ctx context.Context, p *intranet.Person) (bool, error) {
	c := v.c
	switch {
	case c.Person == nil:
		return false, nil
	case c.Person.ID == p.ID:
		return true, nil
	case c.Guest || c.Person.IsGuest():
		return false, nil
	}
	switch MobileVisibility(p, v.u.cfg.MobileDefault) {
	case intranet.VisibleEveryone:
		return true, nil
	case intranet.VisibleTeam:
		if p.ManagerID == c.Person.ID {
			return true, nil
		}
		mates, err := v.mates(ctx)
		return mates[p.ID], err
	}
	return false, nil
}

// mates returns who shares a team with the caller.
func (v *viewer) mates(ctx context.Context) (map[int64]bool, error) {
	if v.teammates != nil || v.u.cfg.Teams == nil {
		return v.teammates, nil
	}
	// A department is a team: have the caller's be one.
	if err := v.u.cfg.Teams.SyncDepartmentTeams(ctx); err != nil {
		return nil, err
	}
	teams, err := v.u.cfg.Teams.TeamsOf(ctx, v.c.Person.ID)
	if err != nil {
		return nil, err
	}
	v.teammates = map[int64]bool{}
	for _, t := range teams {
		for _, m := range t.Members {
			v.teammates[m.PersonID] = true
		}
	}
	return v.teammates, nil
}

// viewable returns the people as the caller may see them: copies without
// the mobile numbers they may not see. A search by phone number (pq not
// nil) keeps only who matched by a number the caller sees, so that a
// hidden number finds nobody.
func (u *Unit) viewable(ctx context.Context, c *feature.Call, people []*intranet.Person, pq *pb.PhoneQuery) ([]*intranet.Person, error) {
	v := &viewer{u: u, c: c}
	out := make([]*intranet.Person, 0, len(people))
	for _, p := range people {
		sees, err := v.seesMobile(ctx, p)
		if err != nil {
			return nil, err
		}
		if sees || p.Mobile == "" {
			out = append(out, p)
			continue
		}
		if pq != nil && !numberMatches(p.Phone, *pq) {
			continue // found by the number the caller may not see
		}
		cp := *p
		cp.Mobile = ""
		out = append(out, &cp)
	}
	return out, nil
}

// numberMatches reports whether a number is found by a phone query, as the
// store's search finds it: the start of its key, or its end.
func numberMatches(number string, pq pb.PhoneQuery) bool {
	k := pb.PhoneKey(number)
	if k == "" {
		return false
	}
	if pq.Prefix != "" {
		return strings.HasPrefix(k, pq.Prefix)
	}
	return strings.HasSuffix(k, pq.Suffix)
}
