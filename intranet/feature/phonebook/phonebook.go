// Package phonebook is the phonebook unit: /phonebook finds colleagues by
// name, department, title, place, skill or phone number, typo, accent and
// surname-prefix tolerant, and shows their card; admins import the people
// from a CSV file through its form (the web's admin page), first as a dry
// run.
package phonebook

import (
	"context"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/grammar"
	pb "github.com/werkplek/werkplek/intranet/phonebook"
)

// Config is what the unit needs.
type Config struct {
	People intranet.PersonService
	// PublicURL is WERKPLEK_PUBLIC_URL, where the web's admin page for the
	// people import is ("" when the web is not reachable).
	PublicURL string
}

// Unit answers /phonebook.
type Unit struct{ cfg Config }

var (
	_ feature.Unit     = (*Unit)(nil)
	_ feature.FormUnit = (*Unit)(nil)
)

// New returns the unit.
func New(cfg Config) *Unit { return &Unit{cfg: cfg} }

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
	if c.Is("show") {
		id := c.Cmd.Number("id")
		p, err := u.cfg.People.FindPersonByID(ctx, id)
		if intranet.ErrorCode(err) == intranet.ENOTFOUND || err == nil && p.Inactive {
			return c.Reply(c.T("Persoon %d staat niet (meer) in het telefoonboek.", "Person %d is not in the phonebook (any more).", id)), nil
		} else if err != nil {
			return intranet.Reply{}, err
		}
		return card(c, p), nil
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
	switch len(res.Matches) {
	case 0:
		return nobody(c, res), nil
	case 1:
		return card(c, res.Matches[0].Person), nil
	}
	return list(c, res), nil
}
