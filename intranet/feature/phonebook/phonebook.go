// Package phonebook is the phonebook unit: /phonebook finds colleagues by
// name, department, title, place, skill or phone number, typo, accent and
// surname-prefix tolerant, and shows their card (a partner labelled with
// their organisation); a partner finds only their organisation's contacts
// (partner.go); admins import the people from a CSV file through its form
// (the web's admin page), first as a dry run.
package phonebook

import (
	"context"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/grammar"
	pb "github.com/werkplek/werkplek/intranet/phonebook"
	"github.com/werkplek/werkplek/intranet/when"
)

// Config is what the unit needs.
type Config struct {
	People intranet.PersonService
	// PublicURL is WERKPLEK_PUBLIC_URL, where the web's admin page for the
	// people import is ("" when the web is not reachable).
	PublicURL string
	// Teams tells who shares a team with whom, for mobile numbers seen by
	// the team only (nil: only the person and their manager see those).
	Teams intranet.TeamService
	// MobileDefault is WERKPLEK_PRIVACY_MOBILE, who sees the mobile number
	// of someone who chose nothing ("" is everyone).
	MobileDefault intranet.FieldVisibility
	// Location is WERKPLEK_TIMEZONE, where the day someone is away is
	// read (default UTC); Now the clock (default time.Now).
	Location *time.Location
	Now      func() time.Time
	// Partners gives a partner their organisation's contacts, the only
	// people a partner finds (nil: a partner finds nobody).
	Partners intranet.PartnerService
	// PartnerFields are WERKPLEK_PARTNER_FIELDS (intranet.PartnerFields):
	// what a partner sees of a contact besides the name. nil shares only
	// the name; a mobile number, skills, a manager and accounts are never
	// shared.
	PartnerFields []string
}

// Unit answers /phonebook.
type Unit struct{ cfg Config }

var (
	_ feature.Unit     = (*Unit)(nil)
	_ feature.FormUnit = (*Unit)(nil)
)

// New returns the unit.
func New(cfg Config) *Unit {
	if cfg.Location == nil {
		cfg.Location = time.UTC
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Unit{cfg: cfg}
}

// today is the day in the organisation's time zone, "2026-12-24".
func (u *Unit) today() string { return when.DateOf(u.cfg.Now(), u.cfg.Location).String() }

// Card is a person's contact card as the caller may see it (the
// profile unit shows a person their own with it); a partner sees only a
// contact's, as partnerShow does.
func (u *Unit) Card(ctx context.Context, c *feature.Call, p *intranet.Person) (intranet.Reply, error) {
	if c.Partner() != 0 {
		return u.partnerShow(ctx, c, p.ID)
	}
	seen, err := u.viewable(ctx, c, []*intranet.Person{p}, nil)
	if err != nil || len(seen) == 0 {
		return intranet.Reply{}, err
	}
	return card(c, seen[0], u.today()), nil
}

// Commands returns /phonebook.
func (u *Unit) Commands() []*grammar.Command { return []*grammar.Command{Command} }

// Handle answers /phonebook <query>, /phonebook show <id> and
// /phonebook import.
func (u *Unit) Handle(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	if c.Is("import") {
		if !c.Has(intranet.RoleAdmin) {
			return c.Reply(adminOnly(c)), nil
		}
		return importWhere(c, u.cfg.PublicURL), nil
	}
	if c.Partner() != 0 {
		// A partner finds only their organisation's contacts (partner.go).
		if c.Is("show") {
			return u.partnerShow(ctx, c, c.Cmd.Number("id"))
		}
		return u.partnerSearch(ctx, c)
	}
	if c.Is("show") {
		id := c.Cmd.Number("id")
		p, err := u.cfg.People.FindPersonByID(ctx, id)
		if intranet.ErrorCode(err) == intranet.ENOTFOUND || err == nil && p.Inactive {
			return c.Reply(notFound(c, id)), nil
		} else if err != nil {
			return intranet.Reply{}, err
		}
		return u.Card(ctx, c, p)
	}
	return u.search(ctx, c)
}

func (u *Unit) search(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	query := c.Cmd.Text("query")
	dept, skill := c.Cmd.Text("dept"), c.Cmd.Text("skill")
	if query == "" && dept == "" && skill == "" {
		return c.Reply(whoUsage(c)), nil
	}
	if query != "" && pb.ParseQuery(query).Empty() {
		return c.Reply(c.T("Je zoekopdracht `%s` bevat geen letters of cijfers. Typ een naam, afdeling of telefoonnummer, bijvoorbeeld `/phonebook jansen`.",
			"Your search `%s` has no letters or digits. Type a name, department or phone number, e.g. `/phonebook jansen`.", query)), nil
	}
	search := intranet.PersonSearch{Query: query, Limit: 10}
	if dept != "" {
		all, err := u.cfg.People.Departments(ctx)
		if err != nil {
			return intranet.Reply{}, err
		}
		if search.Departments = feature.MatchNames(dept, all); len(search.Departments) == 0 {
			return c.Reply(c.T("Ik ken geen afdeling %q.%s", "I know no department %q.%s", dept, c.DidYouMean(dept, all))), nil
		}
	}
	if skill != "" {
		all, err := u.cfg.People.Skills(ctx)
		if err != nil {
			return intranet.Reply{}, err
		}
		if search.Skills = feature.MatchNames(skill, all); len(search.Skills) == 0 {
			return c.Reply(c.T("Niemand heeft de vaardigheid %q.%s", "Nobody has the skill %q.%s", skill, c.DidYouMean(skill, all))), nil
		}
	}
	res, err := u.cfg.People.SearchPeople(ctx, search)
	if err != nil {
		return intranet.Reply{}, err
	}
	// Only people as the caller may see them go on.
	people := make([]*intranet.Person, len(res.Matches))
	for i, m := range res.Matches {
		people[i] = m.Person
	}
	if people, err = u.viewable(ctx, c, people, pb.ParseQuery(query).Phone); err != nil {
		return intranet.Reply{}, err
	}
	seen := *res
	seen.Matches = nil
	for _, p := range people {
		seen.Matches = append(seen.Matches, intranet.PersonMatch{Person: p})
	}
	switch len(seen.Matches) {
	case 0:
		return nobody(c, &seen), nil
	case 1:
		return card(c, seen.Matches[0].Person, u.today()), nil
	}
	return list(c, &seen, u.today()), nil
}
