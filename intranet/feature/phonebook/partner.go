package phonebook

import (
	"context"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	pb "github.com/werkplek/werkplek/intranet/phonebook"
)

// A partner's phonebook holds only the employees named as their
// organisation's contacts, and of each only the name and the fields the
// organisation shares with partners (Config.PartnerFields). Every reply to
// a partner is built from partnerView's copies, never from the store's
// people: searching, matching, suggestions, lists and cards alike, so
// that nothing else (a mobile number, skills, a manager, accounts, people
// who are no contact) can reach them, not even as the reason of a match.

// partnerView is what a partner sees of a contact.
func partnerView(p *intranet.Person, fields []string) *intranet.Person {
	return p.SharedWithPartners(fields)
}

// contacts returns the caller's organisation's contacts as the partner
// sees them, by name.
func (u *Unit) contacts(ctx context.Context, c *feature.Call) ([]*intranet.Person, error) {
	if u.cfg.Partners == nil {
		return nil, nil
	}
	people, err := u.cfg.Partners.PartnerContacts(ctx, c.Partner())
	if err != nil {
		return nil, err
	}
	out := make([]*intranet.Person, 0, len(people))
	for _, p := range people {
		if !p.Inactive && !p.IsGuest() {
			out = append(out, partnerView(p, u.cfg.PartnerFields))
		}
	}
	return out, nil
}

// partnerShow answers /phonebook show <id> for a partner: the card of a
// contact of theirs; anyone else is not found, as an unknown number.
func (u *Unit) partnerShow(ctx context.Context, c *feature.Call, id int64) (intranet.Reply, error) {
	contacts, err := u.contacts(ctx, c)
	if err != nil {
		return intranet.Reply{}, err
	}
	for _, p := range contacts {
		if p.ID == id {
			return partnerCard(c, p), nil
		}
	}
	return c.Reply(notFound(c, id)), nil
}

// partnerSearch answers /phonebook [<query>] for a partner: their
// contacts, those the query matches when there is one.
func (u *Unit) partnerSearch(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	contacts, err := u.contacts(ctx, c)
	if err != nil {
		return intranet.Reply{}, err
	}
	if len(contacts) == 0 {
		return c.Reply(noContacts(c)), nil
	}
	query := c.Cmd.Text("query")
	dept, skill := c.Cmd.Text("dept"), c.Cmd.Text("skill")
	q := pb.ParseQuery(query)
	if query != "" && q.Empty() {
		return c.Reply(c.T("Je zoekopdracht `%s` bevat geen letters of cijfers. Typ een naam of typ alleen `/phonebook` voor al je contactpersonen.",
			"Your search `%s` has no letters or digits. Type a name, or just `/phonebook` for all your contacts.", query)), nil
	}
	var found []*intranet.Person
	var depts []string
	if dept != "" {
		// Only the departments the partner sees, of their contacts.
		var known []string
		for _, p := range contacts {
			if p.Department != "" {
				known = append(known, p.Department)
			}
		}
		depts = feature.MatchNames(dept, known)
	}
	for _, p := range contacts {
		switch {
		case skill != "":
			continue // skills are never shared with partners
		case dept != "" && !containsName(depts, p.Department):
			continue
		case query != "" && !partnerMatches(p, q):
			continue
		}
		found = append(found, p)
	}
	switch len(found) {
	case 0:
		return partnerNobody(c, contacts, q), nil
	case 1:
		return partnerCard(c, found[0]), nil
	}
	res := &intranet.SearchResult{}
	for _, p := range found {
		res.Matches = append(res.Matches, intranet.PersonMatch{Person: p})
	}
	reply := list(c, res, "")
	if query == "" && dept == "" {
		reply.Title = c.N(len(found), "contactpersoon", "contactpersonen", "contact", "contacts")
	}
	return reply, nil
}

func containsName(names []string, name string) bool {
	for _, n := range names {
		if n == name {
			return true
		}
	}
	return false
}

// partnerMatches reports whether a query finds a contact as the partner
// sees them: every word in a field they see (a typo, a start or the
// surname with its prefix), every initial a start of a name, a phone
// number or email address only when shared.
func partnerMatches(p *intranet.Person, q pb.Query) bool {
	switch {
	case q.Phone != nil:
		return numberMatches(p.Phone, *q.Phone)
	case q.Email != "":
		return p.Email != "" && strings.EqualFold(p.Email, q.Email)
	}
	terms := pb.PersonTerms(p)
	for i, w := range q.Words {
		ok := false
		for _, t := range terms {
			ok = ok || pb.Quality(w, t.Term) > 0 || q.Glued[i] != "" && t.Term == q.Glued[i]
		}
		if !ok {
			return false
		}
	}
	for _, in := range q.Initials {
		ok := false
		for _, w := range pb.Words(p.Name) {
			ok = ok || strings.HasPrefix(w, in)
		}
		if !ok {
			return false
		}
	}
	return len(q.Words) > 0 || len(q.Initials) > 0
}

// partnerNobody answers a partner's search that found none of their
// contacts, with the words of their contacts that look like what they
// typed.
func partnerNobody(c *feature.Call, contacts []*intranet.Person, q pb.Query) intranet.Reply {
	typed := strings.TrimSpace(c.Cmd.Text("query") + " " + optionText(c))
	reply := c.Reply(c.T("Geen van je contactpersonen past bij `%s`.", "None of your contacts matches `%s`.", typed))
	display := map[string]string{}
	var keys []string
	for _, p := range contacts {
		for _, t := range pb.PersonTerms(p) {
			if _, ok := display[t.Term]; !ok {
				display[t.Term] = t.Display
				keys = append(keys, t.Term)
			}
		}
	}
	seen := map[string]bool{}
	for _, w := range q.Words {
		for _, k := range pb.Suggest(w, keys, 3) {
			if !seen[k] && len(reply.Buttons) < 3 {
				seen[k] = true
				reply.Buttons = append(reply.Buttons, intranet.Button{Label: display[k], Command: c.Cmd.SetText("query", display[k]).String()})
			}
		}
	}
	if len(reply.Buttons) > 0 {
		reply.Text += " " + c.T("Bedoel je een van deze?", "Did you mean one of these?")
	}
	reply.Text += " " + c.T("Typ `/phonebook` voor al je contactpersonen.", "Type `/phonebook` for all your contacts.")
	return reply
}

// noContacts tells a partner whose organisation has no contacts yet whom
// to ask.
func noContacts(c *feature.Call) string {
	return c.T("Je organisatie heeft nog geen contactpersonen in Werkplek, dus je telefoonboek is leeg. Vraag degene met wie je hier samenwerkt om jullie contactpersonen te laten toevoegen door de beheerder van Werkplek.",
		"Your organisation has no contacts in Werkplek yet, so your phonebook is empty. Ask the person you work with here to have Werkplek's admin add your contacts.")
}

// partnerCard is a contact's card as a partner sees it: the card of the
// partner's view of them (partnerView: the name and the shared fields),
// so nothing that leads to anyone else (no manager, no chat accounts).
func partnerCard(c *feature.Call, p *intranet.Person) intranet.Reply {
	return card(c, p, "")
}
