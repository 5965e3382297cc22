package help

import (
	g "github.com/werkplek/werkplek/intranet/grammar"
	"github.com/werkplek/werkplek/intranet/when"
)

var (
	apiWord   = g.W("api")
	tokenWord = g.W("token")
	// The admins' /werkplek person and /werkplek role, which the help unit
	// hands to its Directory.
	personWord = g.W("person", "persoon")
	roleWord   = g.W("role", "rol")
	personArg  = g.Arg{Name: "person", Kind: g.Person}
	sureFlag   = g.Option{Key: g.W("sure", "zeker"), Kind: g.Flag}
)

// Command is /werkplek: help, the language of Werkplek's replies, the
// front door (home, the web's sign-in link, usage, the API's tokens and
// webhooks), which the help unit hands to its Door, and the admins' people
// and roles, which it hands to its Directory.
var Command = &g.Command{
	Word:  g.W("werkplek"),
	Title: "Werkplek", TitleNL: "Werkplek",
	Summary: "Help, your home, Werkplek on the web, and your language", SummaryNL: "Hulp, je startpagina, Werkplek op het web, en je taal",
	Guests: true,
	Teams:  []string{"personal", "team", "groupChat"},
	// The one date (the audit log's since:) looks back.
	Direction: when.Back,
	Subs: []g.Sub{
		{
			Path:  []g.Word{g.W("help", "hulp")},
			Doc:   "this help (also `help` in a direct message, and `help` after any command: `/room help`)",
			DocNL: "deze hulp (ook `help` in een privébericht, en `help` achter elk commando: `/room help`)",
		},
		{
			Path: []g.Word{g.W("language", "taal")},
			Args: []g.Arg{{Name: "language", Kind: g.Choice, Optional: true,
				Choices: []g.Word{g.W("nl", "nederlands", "dutch"), g.W("en", "engels", "english")}}},
			Doc:     "the language Werkplek answers you in",
			DocNL:   "de taal waarin Werkplek je antwoordt",
			Example: "/werkplek language en",
		},
		{
			Path: []g.Word{g.W("quiet", "stil", "rust")},
			Args: []g.Arg{{Name: "hours", Kind: g.TimeRange, Optional: true},
				{Name: "setting", Kind: g.Choice, Optional: true, Choices: []g.Word{g.Off, g.W("default", "standaard")}}},
			Doc:     "your hours without direct messages (a night worker: `08:00-16:00`; `off`: none; `default`: the installation's); what waits comes when they end, as one message",
			DocNL:   "je uren zonder privéberichten (nachtdienst: `08:00-16:00`; `off`: geen; `default`: die van de installatie); wat wacht komt als ze voorbij zijn, in één bericht",
			Example: "/werkplek quiet 08:00-16:00",
		},
		{
			Path: []g.Word{g.W("privacy"), g.W("mobile", "mobiel")},
			Args: []g.Arg{{Name: "visibility", Kind: g.Choice, Optional: true,
				Choices: []g.Word{g.W("everyone", "iedereen"), g.W("team"), g.W("hidden", "verborgen"), g.W("default", "standaard")}}},
			Doc:     "who sees your mobile number in the phonebook: everyone, your team(s) and your manager, or only you (`default`: the installation's); guests never do",
			DocNL:   "wie je mobiele nummer in het telefoonboek ziet: iedereen, je team(s) en je manager, of alleen jij (`default`: die van de installatie); gasten nooit",
			Example: "/werkplek privacy mobile team", ExampleNL: "/werkplek privacy mobiel team",
		},
		{
			Path:  []g.Word{g.W("home", "start", "thuis")},
			Doc:   "what waits for you: news to read, your bookings, handovers, questions, hours, the board",
			DocNL: "wat op je wacht: nieuws om te lezen, je boekingen, overdrachten, vragen, uren, het prikbord",
		},
		{
			Path:  []g.Word{g.W("web")},
			Doc:   "a sign-in link for Werkplek on the web, by direct message (it works once, for 10 minutes)",
			DocNL: "een inloglink voor Werkplek op het web, in een privébericht (werkt één keer, 10 minuten)",
		},
		{
			Path:  []g.Word{g.W("usage", "gebruik")},
			Staff: true,
			Doc:   "how much each feature and platform was used in the last 30 days (admins)",
			DocNL: "hoeveel elke functie en elk platform de laatste 30 dagen is gebruikt (beheerders)",
		},
		{
			Path:  []g.Word{apiWord},
			Staff: true,
			Doc:   "admins: the REST API's tokens and the webhooks, with buttons to revoke and remove them",
			DocNL: "beheerders: de tokens van de REST-API en de webhooks, met knoppen om ze in te trekken en te verwijderen",
		},
		{
			Path:  []g.Word{apiWord, tokenWord, g.W("add", "toevoegen", "nieuw")},
			Staff: true,
			Audit: true, Secret: true,
			Args:    []g.Arg{{Name: "name", Kind: g.Name, Placeholder: "<name>", PlaceholderNL: "<naam>"}},
			Options: []g.Option{{Key: g.W("scope", "scopes"), Kind: g.Text, Placeholder: "<scopes>", PlaceholderNL: "<scopes>"}},
			Doc:     "admins, in a direct message: a token for the organisation's software; its secret is shown once (`scope:` comma-separated, default `hours:read`)",
			DocNL:   "beheerders, in een privébericht: een token voor de software van de organisatie; het geheim zie je één keer (`scope:` met komma's, standaard `hours:read`)",
			Example: "/werkplek api token add payroll scope:hours:read",
		},
		{
			Path:    []g.Word{apiWord, tokenWord, g.W("revoke", "intrekken")},
			Staff:   true,
			Audit:   true,
			Args:    []g.Arg{{Name: "name", Kind: g.Name, Placeholder: "<name>", PlaceholderNL: "<naam>"}},
			Doc:     "admins: stop a token at once (the API refuses it)",
			DocNL:   "beheerders: stop een token meteen (de API weigert het)",
			Example: "/werkplek api token revoke payroll",
		},
		{
			Path:  []g.Word{apiWord, g.W("webhook"), g.W("add", "toevoegen", "nieuw")},
			Staff: true,
			Audit: true, Secret: true,
			Args:    []g.Arg{{Name: "url", Kind: g.Text, Placeholder: "<url>", PlaceholderNL: "<url>"}},
			Options: []g.Option{{Key: g.W("events", "event"), Kind: g.Text, Placeholder: "<events>", PlaceholderNL: "<events>"}},
			Doc:     "admins, in a direct message: post events to an address of the organisation's software, signed with a secret shown once (`events:` comma-separated, default all: timesheet.approved, timesheet.reopened)",
			DocNL:   "beheerders, in een privébericht: stuur gebeurtenissen naar een adres van de software van de organisatie, ondertekend met een geheim dat je één keer ziet (`events:` met komma's, standaard alle: timesheet.approved, timesheet.reopened)",
			Example: "/werkplek api webhook add https://payroll.example.nl/hooks/werkplek events:timesheet.approved",
		},
		{
			Path:    []g.Word{apiWord, g.W("webhook"), g.W("remove", "verwijder", "verwijderen")},
			Staff:   true,
			Audit:   true,
			Args:    []g.Arg{{Name: "webhook", Kind: g.Text, Placeholder: "<url or number>", PlaceholderNL: "<url of nummer>"}},
			Doc:     "admins: post nothing more to a webhook",
			DocNL:   "beheerders: stuur niets meer naar een webhook",
			Example: "/werkplek api webhook remove https://payroll.example.nl/hooks/werkplek",
		},
		{
			Path:  []g.Word{g.W("audit", "logboek")},
			Staff: true,
			Options: []g.Option{{Key: g.W("since", "sinds", "vanaf"), Kind: g.Date, Placeholder: "<date>", PlaceholderNL: "<datum>"},
				{Key: g.W("person", "persoon"), Kind: g.Person, Placeholder: "<person>", PlaceholderNL: "<persoon>"}},
			Doc:     "admins: the latest 20 admin and content-manager actions (`since:` from a date, `person:` by or about someone); on the web also as CSV",
			DocNL:   "beheerders: de laatste 20 handelingen van beheerders en contentbeheerders (`since:` vanaf een datum, `person:` door of over iemand); op het web ook als CSV",
			Example: "/werkplek audit since:2026-11-01 person:{person}",
		},
		{
			Path: []g.Word{personWord, g.W("deactivate", "deactiveer", "deactiveren", "uitschakelen")}, Args: []g.Arg{personArg},
			Staff:   true,
			Options: []g.Option{sureFlag},
			Doc:     "admins: someone left: out of the phonebook, routing and subscriptions, chat accounts unlinked, coming bookings cancelled, open questions closed, topics to the admins, open handovers kept for the team (after one question; `sure` answers it)",
			DocNL:   "beheerders: iemand is vertrokken: uit het telefoonboek, de routering en abonnementen, chataccounts ontkoppeld, komende boekingen geannuleerd, open vragen gesloten, onderwerpen naar de beheerders, open overdrachten blijven voor het team (na één vraag; `sure` beantwoordt die)",
			Example: "/werkplek person deactivate kees.janssen@example.nl",
		},
		{
			Path: []g.Word{personWord, g.W("activate", "activeer", "activeren", "inschakelen")}, Args: []g.Arg{personArg},
			Staff:   true,
			Doc:     "admins: someone is back, with their history (by email address or full name)",
			DocNL:   "beheerders: iemand is terug, met de geschiedenis (op e-mailadres of volledige naam)",
			Example: "/werkplek person activate kees.janssen@example.nl",
		},
		{
			Path:    []g.Word{roleWord, g.W("add", "toevoegen", "geef")},
			Staff:   true,
			Args:    []g.Arg{personArg, {Name: "role", Kind: g.Name, Placeholder: "<role>", PlaceholderNL: "<rol>"}},
			Doc:     "admins: give someone a role (employee, content manager, room admin, team lead, admin, guest)",
			DocNL:   "beheerders: geef iemand een rol (medewerker, contentbeheerder, ruimtebeheerder, teamleider, beheerder, gast; de Engelse namen kunnen ook)",
			Example: "/werkplek role add lotte.berg@example.nl content manager", ExampleNL: "/werkplek role add lotte.berg@example.nl contentbeheerder",
			Audit: true,
		},
		{
			Path:    []g.Word{roleWord, g.W("remove", "verwijderen", "verwijder", "afnemen")},
			Staff:   true,
			Args:    []g.Arg{personArg, {Name: "role", Kind: g.Name, Placeholder: "<role>", PlaceholderNL: "<rol>"}},
			Doc:     "admins: take a role away (the last admin keeps theirs)",
			DocNL:   "beheerders: neem een rol af (de laatste beheerder houdt die van hem of haar)",
			Example: "/werkplek role remove lotte.berg@example.nl content manager", ExampleNL: "/werkplek role remove lotte.berg@example.nl contentbeheerder",
			Audit: true,
		},
		{
			Path: []g.Word{g.W("confirm", "bevestig")}, Args: []g.Arg{{Name: "id", Kind: g.ID}}, Confirm: true,
			Doc:   "do what a button of mine offered, when its command was too long for the button",
			DocNL: "doe wat een knop van mij aanbood, als het commando te lang was voor de knop",
		},
	},
}
