package directory

import (
	"fmt"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/phonebook"
	"github.com/werkplek/werkplek/intranet/when"
)

// rolesNL are the Dutch names of the roles, which the commands read too.
var rolesNL = map[intranet.Role]string{
	intranet.RoleEmployee:       "medewerker",
	intranet.RoleContentManager: "contentbeheerder",
	intranet.RoleRoomAdmin:      "ruimtebeheerder",
	intranet.RoleTeamLead:       "teamleider",
	intranet.RoleAdmin:          "beheerder",
	intranet.RoleGuest:          "gast",
}

// parseRole reads a role by its English name (intranet.ParseRole, as in
// the people CSV) or its Dutch one.
func parseRole(s string) (intranet.Role, bool) {
	if r, ok := intranet.ParseRole(s); ok {
		return r, true
	}
	for r, nl := range rolesNL {
		if phonebook.Key(s) == nl {
			return r, true
		}
	}
	return "", false
}

func roleName(lang string, r intranet.Role) string {
	if lang == "nl" {
		return rolesNL[r]
	}
	return string(r)
}

func roleList(lang string, roles []intranet.Role) string {
	if len(roles) == 0 {
		return feature.T(lang, "geen (medewerker)", "none (employee)")
	}
	names := make([]string, len(roles))
	for i, r := range roles {
		names[i] = roleName(lang, r)
	}
	return strings.Join(names, ", ")
}

func notAdmin(c *feature.Call) string {
	return c.T("Alleen beheerders van Werkplek mogen mensen uitschakelen en rollen geven. Vraag het een beheerder.",
		"Only Werkplek's admins may deactivate people and change roles. Ask an admin.")
}

func notYourself(c *feature.Call) string {
	return c.T("Jezelf uitschakelen kan niet; vraag een andere beheerder.", "You cannot deactivate yourself; ask another admin.")
}

func lastAdmin(c *feature.Call, p *intranet.Person) string {
	return c.T("%s is de laatste beheerder; geef eerst iemand anders de rol: `/werkplek role add <persoon> admin`.",
		"%s is the last admin; give someone else the role first: `/werkplek role add <person> admin`.", p.Label())
}

func alreadyInactive(c *feature.Call, p *intranet.Person) string {
	return c.T("%s is al uitgeschakeld. Terug: `/werkplek person activate %s`.", "%s is deactivated already. To bring them back: `/werkplek person activate %s`.", p.Label(), p.Email)
}

func alreadyActive(c *feature.Call, p *intranet.Person) string {
	return c.T("%s is actief; er verandert niets.", "%s is active; nothing changes.", p.Label())
}

// roleOfLeaver answers a role change for someone who left.
func roleOfLeaver(c *feature.Call, p *intranet.Person) string {
	return c.T("%s werkt hier niet meer (uitgeschakeld). Eerst terugzetten: `/werkplek person activate %s`.",
		"%s no longer works here (deactivated). Bring them back first: `/werkplek person activate %s`.", p.Label(), p.Email)
}

// severalLeft names the people who left with one name, by email.
func severalLeft(c *feature.Call, name string, left []*intranet.Person) string {
	emails := make([]string, len(left))
	for i, p := range left {
		emails[i] = "`" + p.Email + "`"
	}
	return c.T("Meer mensen die vertrokken heten %q: %s. Gebruik het e-mailadres.", "Several people who left are called %q: %s. Use the email address.", name, strings.Join(emails, ", "))
}

func byEmail(c *feature.Call) string {
	return c.T("Wie uitgeschakeld is, vind je op e-mailadres of volledige naam.", "Who was deactivated is found by email address or full name.")
}

// deactivateQuestion asks before a deactivation, with the button and the
// typed command that confirm it.
func deactivateQuestion(c *feature.Call, p *intranet.Person) intranet.Reply {
	cmd := fmt.Sprintf("/werkplek person deactivate %s sure", p.Email)
	reply := intranet.Reply{Lang: c.Lang, Title: c.T("%s uitschakelen?", "Deactivate %s?", p.Label()),
		Text: c.T("%s (%s) verdwijnt uit het telefoonboek en krijgt geen berichten meer. Komende boekingen worden geannuleerd, open vragen gesloten, onderwerpen gaan naar de beheerders; open overdrachten blijven voor het team.",
			"%s (%s) leaves the phonebook and gets no more messages. Coming bookings are cancelled, open questions closed, topics go to the admins; open handovers stay open for the team.", p.Label(), p.Email)}
	reply.Buttons = []intranet.Button{{Label: c.T("Uitschakelen", "Deactivate"), Style: intranet.StyleDanger, Command: cmd}}
	reply.Context = []string{c.T("Er verandert niets tot je drukt, of `%s` typt.", "Nothing changes until you press it, or type `%s`.", cmd)}
	return reply
}

// deactivated says what a deactivation did, short.
func deactivated(c *feature.Call, p *intranet.Person, d intranet.Departure) intranet.Reply {
	var done []string
	add := func(n int, nl1, nl, en1, en string) {
		if n > 0 {
			done = append(done, c.N(n, nl1, nl, en1, en))
		}
	}
	add(d.BookingsCancelled, "boeking geannuleerd", "boekingen geannuleerd", "booking cancelled", "bookings cancelled")
	add(d.QuestionsClosed, "vraag gesloten", "vragen gesloten", "question closed", "questions closed")
	add(d.HandoversKept, "overdracht blijft open (teamleider bericht)", "overdrachten blijven open (teamleider bericht)", "handover kept open (lead told)", "handovers kept open (lead told)")
	add(d.TopicsHandedOver, "onderwerp naar de beheerders", "onderwerpen naar de beheerders", "topic to the admins", "topics to the admins")
	add(d.AccountsUnlinked, "chataccount ontkoppeld", "chataccounts ontkoppeld", "chat account unlinked", "chat accounts unlinked")
	add(d.Subscriptions, "abonnement opgezegd", "abonnementen opgezegd", "subscription ended", "subscriptions ended")
	text := c.T("%s is uitgeschakeld.", "%s is deactivated.", p.Label())
	if len(done) > 0 {
		text += "\n• " + strings.Join(done, "\n• ")
	}
	r := c.Reply(text)
	r.Context = []string{c.T("Terugzetten: `/werkplek person activate %s`", "To undo: `/werkplek person activate %s`", p.Email)}
	return r
}

func activated(c *feature.Call, p *intranet.Person) string {
	return c.T("%s is terug: weer in het telefoonboek, met de geschiedenis. Geannuleerde boekingen blijven geannuleerd; het chataccount wordt weer gekoppeld bij het eerste bericht aan Werkplek.",
		"%s is back: in the phonebook again, with their history. Cancelled bookings stay cancelled; their chat account is linked again on their first message to Werkplek.", p.Label())
}

func unknownRole(c *feature.Call, typed string) string {
	names := make([]string, len(intranet.Roles))
	for i, r := range intranet.Roles {
		names[i] = roleName(c.Lang, r)
	}
	text := c.T("Die rol ken ik niet: %q. Rollen: %s.", "I don't know the role %q. Roles: %s.", typed, strings.Join(names, ", "))
	if near := nearRole(typed); near != "" {
		text += " " + c.T("Bedoel je %s?", "Did you mean %s?", roleName(c.Lang, near))
	}
	return text + " " + c.Usage()
}

// nearRole is the role whose English or Dutch name looks like a typo of
// typed ("contnet manager", "beheeder"), "" when none does.
func nearRole(typed string) intranet.Role {
	byKey := map[string]intranet.Role{}
	var keys []string
	for i, r := range intranet.Roles {
		for _, name := range []string{string(r), intranet.RolesNL[i]} {
			byKey[phonebook.Key(name)] = r
			keys = append(keys, phonebook.Key(name))
		}
	}
	if near := phonebook.Suggest(phonebook.Key(typed), keys, 1); len(near) == 1 {
		return byKey[near[0]]
	}
	return ""
}

func hasRoleAlready(c *feature.Call, p *intranet.Person, r intranet.Role) string {
	return c.T("%s is al %s.", "%s is %s already.", p.Label(), roleName(c.Lang, r))
}

func hasNoRole(c *feature.Call, p *intranet.Person, r intranet.Role) string {
	return c.T("%s heeft de rol %s niet. Rollen: %s.", "%s does not have the role %s. Roles: %s.", p.Label(), roleName(c.Lang, r), roleList(c.Lang, p.Roles))
}

func roleChanged(c *feature.Call, p *intranet.Person, r intranet.Role, add bool) string {
	text := c.T("%s is nu %s.", "%s is now %s.", p.Label(), roleName(c.Lang, r))
	if !add {
		text = c.T("%s is geen %s meer.", "%s is no longer %s.", p.Label(), roleName(c.Lang, r))
	}
	text += " " + c.T("Rollen: %s.", "Roles: %s.", roleList(c.Lang, p.Roles))
	if r == intranet.RoleTeamLead {
		// Leads are kept per team: the role alone leads no team.
		if add {
			text += " " + c.T("Maak je ook leider van een team: `/team lead add <team> %s`.", "Make them lead of a team too: `/team lead add <team> %s`.", p.Email)
		} else {
			text += " " + c.T("Leider van een team blijft je tot `/team lead remove <team> %s`.", "They lead their teams until `/team lead remove <team> %s`.", p.Email)
		}
	}
	return text
}

// leadDM tells a team lead that the requester of an open handover left.
func (u *Unit) leadDM(lang, who string, h intranet.Handover) intranet.Reply {
	start := h.Start.In(u.cfg.Location)
	shift := when.DateOf(start, u.cfg.Location).Format(lang) + " " + start.Format("15:04")
	return intranet.Reply{Lang: lang, Title: feature.T(lang, "Overdracht #%d blijft open", "Handover #%d stays open", h.ID),
		Text: feature.T(lang, "%s werkt hier niet meer. Het verzoek (%s, %s) blijft open voor het team %s; wie het neemt, regelt het met jou.",
			"%s no longer works here. Their request (%s, %s) stays open for team %s; whoever takes it settles it with you.", who, h.What, shift, h.Team),
		Context: []string{feature.T(lang, "Bekijk het: `/handover show %d`", "See it: `/handover show %d`", h.ID)}}
}

// summary is a departure for the audit log.
func summary(d intranet.Departure) string {
	return fmt.Sprintf("bookings cancelled %d, questions closed %d, handovers kept %d, topics handed over %d, accounts unlinked %d, subscriptions %d",
		d.BookingsCancelled, d.QuestionsClosed, d.HandoversKept, d.TopicsHandedOver, d.AccountsUnlinked, d.Subscriptions)
}
