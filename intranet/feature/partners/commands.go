package partners

import g "github.com/werkplek/werkplek/intranet/grammar"

var (
	orgArg   = g.Arg{Name: "organisation", Placeholder: "<organisation>", PlaceholderNL: "<organisatie>", Kind: g.Name}
	addWord  = g.W("add", "erbij", "toevoegen", "nieuw")
	rmWord   = g.W("remove", "eraf", "verwijder", "verwijderen")
	sureFlag = g.Option{Key: g.W("sure", "zeker"), Kind: g.Flag}
	domain   = g.W("domain", "domein", "domains", "domeinen")
	contact  = g.W("contact", "contactpersoon", "contacts", "contactpersonen")
	member   = g.W("member", "lid", "leden", "members")
)

// Command is /partner, declared once for the parser, help and manifests.
// "partner" is Dutch as well, as "team" is: the command has no alias,
// its subcommands have.
var Command = &g.Command{
	Word:  g.W("partner"),
	Title: "Partners", TitleNL: "Partners",
	Summary: "Partner organisations: their email domains, contacts and people (the extranet)", SummaryNL: "Partnerorganisaties: hun e-maildomeinen, contactpersonen en mensen (het extranet)",
	Teams:   g.TeamsTyped,
	Notes:   "A partner (someone of a partner organisation, a guest in the chat) sees only what is shared with partners: their organisation's contacts here with the fields the organisation shares (name, and by default title, department and work phone; never a mobile number), news for partners, questions to topics open to partners, visitor rooms, the help. A chat account whose email domain belongs to an organisation is linked to it when it first writes; where the chat hides a guest's email (Slack Connect), an admin links the account with `/partner member add <organisation> <email> <mention>`. Admins manage the organisations; quotes around an organisation of several words make sure it is read as one.",
	NotesNL: "Een partner (iemand van een partnerorganisatie, gast in de chat) ziet alleen wat met partners gedeeld is: hier de contactpersonen van de eigen organisatie met de velden die de organisatie deelt (naam, en standaard functie, afdeling en werktelefoon; nooit een mobiel nummer), nieuws voor partners, vragen aan onderwerpen voor partners, bezoekersruimtes, de hulp. Een chataccount met het e-maildomein van een organisatie wordt bij het eerste bericht daaraan gekoppeld; waar de chat het e-mailadres van een gast verbergt (Slack Connect), koppelt een beheerder het account met `/partner member add <organisatie> <e-mail> <vermelding>`. Beheerders beheren de organisaties; aanhalingstekens om een organisatie van meer woorden zorgen dat die als één naam gelezen wordt.",
	Subs: []g.Sub{
		{Partners: true, Doc: "every partner organisation (a partner: their own, with their contacts)", DocNL: "alle partnerorganisaties (een partner: de eigen, met de contactpersonen)"},
		{Path: []g.Word{g.W("list", "lijst")}, Partners: true, Doc: "the same", DocNL: "hetzelfde"},
		{Path: []g.Word{g.W("show", "toon")}, Partners: true, Args: []g.Arg{orgArg},
			Doc: "an organisation's domains, contacts and people (a partner: only their own, with their contacts)", DocNL: "de domeinen, contactpersonen en mensen van een organisatie (een partner: alleen de eigen, met de contactpersonen)",
			Example: `/partner show "Thuiszorg Midden"`},
		{Path: []g.Word{addWord}, Audit: true, Args: []g.Arg{{Name: "name", Placeholder: "<organisation>", PlaceholderNL: "<organisatie>", Kind: g.Name}},
			Doc: "admins: a new partner organisation", DocNL: "beheerders: een nieuwe partnerorganisatie",
			Example: `/partner add "Thuiszorg Midden"`},
		{Path: []g.Word{domain, addWord}, Audit: true, Args: []g.Arg{orgArg, {Name: "domain", Placeholder: "<domain>", PlaceholderNL: "<domein>", Kind: g.Name}},
			Doc: "admins: chat accounts with an email address at the domain are linked to the organisation when they first write", DocNL: "beheerders: chataccounts met een e-mailadres op het domein worden bij hun eerste bericht aan de organisatie gekoppeld",
			Example: `/partner domain add "Thuiszorg Midden" thuiszorgmidden.nl`},
		{Path: []g.Word{domain, rmWord}, Audit: true, Args: []g.Arg{orgArg, {Name: "domain", Placeholder: "<domain>", PlaceholderNL: "<domein>", Kind: g.Name}},
			Doc: "admins: no longer link accounts of the domain (who was linked stays)", DocNL: "beheerders: accounts van het domein niet meer koppelen (wie gekoppeld is, blijft)"},
		{Path: []g.Word{contact, addWord}, Audit: true, Args: []g.Arg{orgArg, {Name: "person", Kind: g.Person}},
			Doc: "admins: name a colleague as the organisation's contact: its people find them with `/phonebook` and book visitor rooms with them as host", DocNL: "beheerders: wijs een collega aan als contactpersoon: de mensen van de organisatie vinden die met `/phonebook` en boeken bezoekersruimtes met die als gastheer of gastvrouw",
			Example: `/partner contact add "Thuiszorg Midden" {person}`},
		{Path: []g.Word{contact, rmWord}, Audit: true, Args: []g.Arg{orgArg, {Name: "person", Kind: g.Person}},
			Doc: "admins: a colleague is no longer a contact", DocNL: "beheerders: een collega is geen contactpersoon meer"},
		{Path: []g.Word{member, addWord}, Audit: true, Options: []g.Option{sureFlag},
			Args:    []g.Arg{orgArg, {Name: "email", Placeholder: "<email>", PlaceholderNL: "<e-mail>", Kind: g.Person}, {Name: "mention", Placeholder: "<mention>", PlaceholderNL: "<vermelding>", Kind: g.Person, Optional: true}},
			Doc:     "admins: someone of the organisation, by email; a mention of their chat account links it too (where the chat hides their email); a colleague is asked about first (they lose their roles and teams), `sure` answers that",
			DocNL:   "beheerders: iemand van de organisatie, op e-mailadres; een vermelding van het chataccount koppelt dat ook (waar de chat het e-mailadres verbergt); voor een collega komt eerst een vraag (die verliest rollen en teams), `sure` beantwoordt die",
			Example: `/partner member add "Thuiszorg Midden" anna@thuiszorgmidden.nl`},
		{Path: []g.Word{member, rmWord}, Audit: true, Args: []g.Arg{orgArg, {Name: "email", Placeholder: "<email>", PlaceholderNL: "<e-mail>", Kind: g.Person}},
			Doc: "admins: someone is no longer of the organisation (they stay in the phonebook as a guest who may use only the help)", DocNL: "beheerders: iemand hoort niet meer bij de organisatie (die blijft in het telefoonboek als gast die alleen de hulp kan gebruiken)"},
	},
}
