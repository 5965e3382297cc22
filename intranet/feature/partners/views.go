package partners

import (
	"fmt"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// This file holds every reply of /partner, in Dutch and English.

// orgList is /partner for employees: one line per organisation.
func orgList(c *feature.Call, all []*intranet.Organisation) intranet.Reply {
	if len(all) == 0 {
		return c.Reply(c.T("Er zijn nog geen partnerorganisaties. Een beheerder voegt er een toe met `/partner add <organisatie>`.",
			"There are no partner organisations yet. An admin adds one with `/partner add <organisation>`."))
	}
	reply := intranet.Reply{Lang: c.Lang, Title: c.N(len(all), "partnerorganisatie", "partnerorganisaties", "partner organisation", "partner organisations")}
	for _, o := range all {
		text := fmt.Sprintf("*%s* · %s · %s", o.Name, c.N(o.Members, "persoon", "personen", "person", "people"),
			c.N(o.Contacts, "contactpersoon", "contactpersonen", "contact", "contacts"))
		if len(o.Domains) > 0 {
			text += " · " + strings.Join(o.Domains, ", ")
		}
		reply.Sections = append(reply.Sections, intranet.Section{Text: text,
			Buttons: []intranet.Button{{Label: c.T("Toon", "Show"), Command: "/partner show " + feature.Quote(o.Name)}}})
	}
	return reply
}

// orgCard is /partner show for employees: domains, contacts and people.
func orgCard(c *feature.Call, o *intranet.Organisation, contacts, members []*intranet.Person) intranet.Reply {
	orNone := func(s []string) string {
		if len(s) == 0 {
			return c.T("(geen)", "(none)")
		}
		return strings.Join(s, ", ")
	}
	var cs, ms []string
	for _, p := range contacts {
		cs = append(cs, p.Name)
	}
	for _, p := range members {
		ms = append(ms, p.Label())
	}
	q := feature.Quote(o.Name)
	fields := []intranet.Field{
		{Label: c.T("Domeinen", "Domains"), Value: orNone(o.Domains)},
		{Label: c.T("Contactpersonen", "Contacts"), Value: orNone(cs)},
		{Label: c.T("Mensen", "People"), Value: orNone(ms)},
	}
	reply := intranet.Reply{Lang: c.Lang, Title: o.Name, Sections: []intranet.Section{{Fields: fields}}}
	if c.Has(intranet.RoleAdmin) {
		reply.Context = []string{c.T("Beheer: `/partner domain add %s <domein>`, `/partner contact add %s <persoon>`, `/partner member add %s <e-mail>`",
			"Manage: `/partner domain add %s <domain>`, `/partner contact add %s <person>`, `/partner member add %s <email>`", q, q, q)}
	}
	return reply
}

// partnerView is what a partner sees of their own organisation: its
// contacts, with only the fields shared with partners.
func partnerView(c *feature.Call, o *intranet.Organisation, contacts []*intranet.Person, fields []string) intranet.Reply {
	reply := intranet.Reply{Lang: c.Lang, Title: o.Name}
	if len(contacts) == 0 {
		reply.Text = c.T("Er zijn nog geen contactpersonen voor %s. Vraag je contact hier om er een aan te wijzen.",
			"%s has no contacts yet. Ask your contact here to have one named.", o.Name)
		return reply
	}
	reply.Text = c.T("Je contactpersonen:", "Your contacts:")
	for _, p := range contacts {
		reply.Sections = append(reply.Sections, feature.PartnerCard(c, p, fields))
	}
	return reply
}

func onlyAdmins(c *feature.Call) string {
	return c.T("Alleen beheerders beheren partnerorganisaties. `/partner` toont ze.", "Only admins manage partner organisations. `/partner` shows them.")
}

func unknownOrg(c *feature.Call, name string, all []string) string {
	return c.T("Ik ken geen partnerorganisatie %q.%s", "I know no partner organisation %q.%s", name, c.DidYouMean(name, all))
}

func orgAdded(c *feature.Call, o *intranet.Organisation) string {
	q := feature.Quote(o.Name)
	return c.T("Partnerorganisatie %s is toegevoegd. Geef haar e-maildomein met `/partner domain add %s <domein>` en een contactpersoon met `/partner contact add %s <persoon>`.",
		"Partner organisation %s is added. Give its email domain with `/partner domain add %s <domain>` and a contact with `/partner contact add %s <person>`.", o.Name, q, q)
}

func orgExists(c *feature.Call, name string) string {
	return c.T("Er is al een partnerorganisatie %q.", "There is a partner organisation %q already.", name)
}

func orgNameInvalid(c *feature.Call) string {
	return c.T("Geef de organisatie een naam met letters of cijfers. ", "Give the organisation a name with letters or digits. ") + c.Usage()
}

func domainAdded(c *feature.Call, o *intranet.Organisation, d string) string {
	return c.T("Chataccounts met een e-mailadres op %s worden bij hun eerste bericht gekoppeld aan %s, als partner.",
		"Chat accounts with an email address at %s are linked to %s as partners when they first write.", d, o.Name)
}

func domainRemoved(c *feature.Call, o *intranet.Organisation, d string) string {
	return c.T("%s hoort niet meer bij %s: nieuwe accounts van dat domein worden niet meer gekoppeld; wie al gekoppeld is, blijft.",
		"%s no longer belongs to %s: new accounts of that domain are no longer linked; who is linked already stays.", d, o.Name)
}

func domainNotOf(c *feature.Call, o *intranet.Organisation, d string) string {
	return c.T("%s heeft het domein %s niet; er is niets veranderd.", "%s does not have the domain %s; nothing changed.", o.Name, d)
}

func domainTaken(c *feature.Call, d string, other *intranet.Organisation) string {
	return c.T("Het domein %s hoort al bij %s. Haal het daar eerst weg met `/partner domain remove %s %s`.",
		"The domain %s belongs to %s already. Remove it there first with `/partner domain remove %s %s`.", d, other.Name, feature.Quote(other.Name), d)
}

func domainOfEmployees(c *feature.Call, d string) string {
	return c.T("Collega's hebben een adres op %s: dat is jullie eigen domein, geen partnerdomein. Iedereen met een nieuw account op dat domein zou partner worden. Koppel één persoon met `/partner member add <organisatie> <e-mail>`.",
		"Colleagues have an address at %s: it is your own domain, not a partner's. Everyone with a new account at that domain would become a partner. Link one person with `/partner member add <organisation> <email>`.", d)
}

func domainInvalid(c *feature.Call, d string) string {
	return c.T("%q is geen e-maildomein (zoals thuiszorgmidden.nl). ", "%q is no email domain (such as thuiszorgmidden.nl). ", d) + c.Usage()
}

func contactAdded(c *feature.Call, p *intranet.Person, o *intranet.Organisation) string {
	return c.T("%s is nu contactpersoon van %s: de partners van %s vinden %s met `/phonebook`.",
		"%s is now a contact of %s: the partners of %s find %s with `/phonebook`.", p.Name, o.Name, o.Name, p.Name)
}

// noEmail, noOrganisation and notOnlyMention say what is wrong with a
// /partner member add, before its usage.
func noEmail(c *feature.Call) string {
	return c.T("Ik mis het e-mailadres van de persoon (een vermelding alleen is niet genoeg). ",
		"The person's email address is missing (a mention alone is not enough). ") + c.Usage()
}

func noOrganisation(c *feature.Call) string {
	return c.T("Ik mis de organisatie, vóór het e-mailadres. ", "The organisation is missing, before the email address. ") + c.Usage()
}

func notOnlyMention(c *feature.Call, rest string) string {
	return c.T("Na het e-mailadres mag alleen een vermelding van het chataccount komen, niet %q. ",
		"After the email address only a mention of the chat account may follow, not %q. ", rest) + c.Usage()
}

func contactRemoved(c *feature.Call, p *intranet.Person, o *intranet.Organisation) string {
	return c.T("%s is geen contactpersoon van %s meer.", "%s is no longer a contact of %s.", p.Name, o.Name)
}

func notAContact(c *feature.Call, p *intranet.Person, o *intranet.Organisation) string {
	return c.T("%s was geen contactpersoon van %s; er is niets veranderd.", "%s was not a contact of %s; nothing changed.", p.Name, o.Name)
}

func guestNoContact(c *feature.Call, p *intranet.Person) string {
	return c.T("%s is gast of partner; een contactpersoon is een collega van hier.", "%s is a guest or partner; a contact is a colleague from here.", p.Label())
}

func notAMention(c *feature.Call, m string) string {
	return c.T("%s is geen vermelding van een chataccount. Kies het account in de lijst die verschijnt als je @ typt; in Mattermost is dat niet nodig: het e-mailadres koppelt het account.",
		"%s is no mention of a chat account. Pick the account from the list that appears when you type @; in Mattermost there is no need: the email address links the account.", m)
}

func accountTaken(c *feature.Call, other *intranet.Person) string {
	return c.T("Dat chataccount is gekoppeld aan %s; er is niets veranderd.", "That chat account is linked to %s; nothing changed.", other.Label())
}

func personLeft(c *feature.Call, p *intranet.Person) string {
	return c.T("%s is uitgeschakeld (vertrokken). Zet eerst terug met `/werkplek person activate %s`.",
		"%s is deactivated (left). Bring them back first with `/werkplek person activate %s`.", p.Name, p.Email)
}

func notYourself(c *feature.Call) string {
	return c.T("Je kunt jezelf geen partner maken.", "You cannot make yourself a partner.")
}

func lastAdmin(c *feature.Call, p *intranet.Person) string {
	return c.T("%s is de laatste beheerder en kan geen partner worden. Maak eerst een ander beheerder.",
		"%s is the last admin and cannot become a partner. Make someone else admin first.", p.Name)
}

// moveQuestion asks before an employee becomes a partner, with the button
// and the typed command that confirm it.
func moveQuestion(c *feature.Call, p *intranet.Person, o *intranet.Organisation, mention string) intranet.Reply {
	cmd := fmt.Sprintf("/partner member add %s %s", feature.Quote(o.Name), p.Email)
	if mention != "" {
		cmd += " " + mention
	}
	cmd += " sure"
	reply := intranet.Reply{Lang: c.Lang, Title: c.T("%s partner maken?", "Make %s a partner?", p.Name),
		Text: c.T("%s (%s) is nu nog een collega. Als partner van %s verliest die alle rollen, teams, contactpersoonschappen en expertises, en ziet alleen wat met partners gedeeld is.",
			"%s (%s) is still a colleague. As a partner of %s they lose every role, team, contact duty and expertise, and see only what is shared with partners.", p.Name, p.Email, o.Name)}
	reply.Buttons = []intranet.Button{{Label: c.T("Partner maken", "Make partner"), Style: intranet.StyleDanger, Command: cmd}}
	reply.Context = []string{c.T("Er verandert niets tot je drukt, of `%s` typt.", "Nothing changes until you press it, or type `%s`.", cmd)}
	return reply
}

func memberAdded(c *feature.Call, p *intranet.Person, o *intranet.Organisation, created bool, from string, wasEmployee, linked bool) string {
	var text string
	switch {
	case created:
		text = c.T("%s (%s) staat nu in het telefoonboek als partner van %s.", "%s (%s) is now in the phonebook as a partner of %s.", p.Name, p.Email, o.Name)
	case from != "":
		text = c.T("%s is nu partner van %s (was van %s).", "%s is now a partner of %s (was of %s).", p.Name, o.Name, from)
	case wasEmployee:
		text = c.T("%s is nu partner van %s: rollen en teams zijn weg.", "%s is now a partner of %s: roles and teams are gone.", p.Name, o.Name)
	case p.OrganisationID == o.ID && !linked:
		return c.T("%s is al partner van %s; er is niets veranderd.", "%s is already a partner of %s; nothing changed.", p.Name, o.Name)
	default:
		text = c.T("%s is partner van %s.", "%s is a partner of %s.", p.Name, o.Name)
	}
	if linked {
		text += " " + c.T("Het vermelde chataccount is aan %s gekoppeld, als gast.", "The mentioned chat account is linked to %s, as a guest.", p.Name)
	}
	return text
}

func notAMember(c *feature.Call, p *intranet.Person, o *intranet.Organisation) string {
	return c.T("%s hoort niet bij %s; er is niets veranderd.", "%s is not of %s; nothing changed.", p.Label(), o.Name)
}

func memberRemoved(c *feature.Call, p *intranet.Person, o *intranet.Organisation) string {
	return c.T("%s hoort niet meer bij %s. Die blijft in het telefoonboek als gast zonder organisatie en kan, net als een onbekend account, alleen de hulp gebruiken. Helemaal weg: `/werkplek person deactivate %s`.",
		"%s is no longer of %s. They stay in the phonebook as a guest without an organisation and, like an unknown account, may use only the help. To take them out: `/werkplek person deactivate %s`.", p.Name, o.Name, p.Email)
}
