package news

import (
	"github.com/werkplek/werkplek/intranet/feature/digest"
	g "github.com/werkplek/werkplek/intranet/grammar"
)

var (
	idArg       = g.Arg{Name: "id", Kind: g.ID}
	topicOpt    = g.Option{Key: g.W("topic", "onderwerp"), Kind: g.Topic}
	deptOpt     = g.Option{Key: g.W("dept", "afdeling", "afd", "department"), Kind: g.Department}
	fromOpt     = g.Option{Key: g.W("from", "van"), Kind: g.Person}
	importantOp = g.Option{Key: g.W("important", "belangrijk"), Kind: g.Flag}
	publishOpt  = g.Option{Key: g.W("publish", "publiceer"), Kind: g.DateTime}
	expiresOpt  = g.Option{Key: g.W("expires", "verloopt"), Kind: g.DateTime}
	commentsOpt = g.Option{Key: g.W("comments", "reacties"), Kind: g.Choice, Choices: g.OnOff()}
	// audience:partners addresses an item to every partner organisation
	// too, audience:employees to employees only again; partner:<name> to
	// one organisation (audience.go).
	audienceOpt = g.Option{Key: g.W("audience", "doelgroep"), Kind: g.Choice, Choices: []g.Word{g.W("partners"), g.W("employees", "medewerkers", "staff", "intern")}}
	partnerOpt  = g.Option{Key: g.W("partner"), Kind: g.Name, Placeholder: "<organisation>", PlaceholderNL: "<organisatie>"}
	itemOptions = []g.Option{topicOpt, deptOpt, importantOp, publishOpt, expiresOpt, commentsOpt, audienceOpt, partnerOpt}
	commentWord = g.W("comment", "reageer", "reactie")
	bar         = g.Arg{Name: "bar", Kind: g.Literal, Word: g.W("|")}
)

// Command is /news, declared once for the parser, help and manifests.
var Command = &g.Command{
	Word:  g.W("news", "nieuws"),
	Title: "News", TitleNL: "Nieuws",
	Summary: "Company news: read, publish, subscribe a channel to a digest", SummaryNL: "Nieuws: lezen, plaatsen, een kanaal abonneren op een overzicht",
	Teams: []string{"personal", "team", "groupChat"},
	Notes: "A subscription typed in a channel is the channel's, typed in a direct message yours. " +
		"An item for a department (`dept:`) reaches only that department's people, those who manage content, and the channels linked to its team (`/team channel`). " +
		"An item for partners (`audience:partners`, or `partner:<organisation>` for one organisation) reaches those partners as well as every employee (or the department of `dept:`), who see it labelled; a channel shared with another organisation gets only the items for every partner.",
	NotesNL: "Een abonnement getypt in een kanaal is van het kanaal, getypt in een privébericht van jou. " +
		"Een bericht voor een afdeling (`dept:`) bereikt alleen de mensen van die afdeling, wie nieuws beheert, en de kanalen die aan haar team gekoppeld zijn (`/team channel`). " +
		"Een bericht voor partners (`doelgroep:partners`, of `partner:<organisatie>` voor één organisatie) bereikt die partners en ook alle medewerkers (of de afdeling van `dept:`), die het gemarkeerd zien; een kanaal dat gedeeld is met een andere organisatie krijgt alleen de berichten voor alle partners.",
	Subs: []g.Sub{
		{
			Args:     []g.Arg{{Name: "id", Kind: g.ID, Optional: true}},
			Partners: true,
			Doc:      "the latest news for you; with a number, that item in full",
			DocNL:    "het laatste nieuws voor jou; met een nummer dat bericht helemaal",
		},
		{Path: []g.Word{g.W("show", "toon")}, Args: []g.Arg{idArg}, Partners: true, Doc: "one item in full", DocNL: "één bericht helemaal",
			Example: "/news show 3"},
		{Path: []g.Word{g.W("read", "gelezen", "lees")}, Args: []g.Arg{idArg}, Partners: true, Doc: "confirm you read an important item", DocNL: "bevestig dat je een belangrijk bericht las",
			Example: "/news read 3"},
		{
			Path: []g.Word{g.W("post", "plaats", "publiceer", "nieuw")}, Audit: true,
			Args: []g.Arg{{Name: "title", Kind: g.Text, Placeholder: "<title>", PlaceholderNL: "<titel>"}, bar,
				{Name: "body", Kind: g.Text, Placeholder: "<text>", PlaceholderNL: "<tekst>"}},
			Options: itemOptions,
			Form:    true,
			Doc:     "publish (content managers), also later (`publish:`), until a date (`expires:`), for one department, for partners too (`audience:partners`, `partner:<organisation>`), important with a Read button, or without comments (`comments:off`); alone it opens a form",
			DocNL:   "plaatsen (contentbeheerders), ook later (`publish:`), tot een datum (`expires:`), voor één afdeling, ook voor partners (`doelgroep:partners`, `partner:<organisatie>`), belangrijk met een knop Gelezen, of zonder reacties (`comments:off`); zonder meer opent een formulier",
			Example: "/news post Christmas drinks | Friday 18 December at 16:00 in the canteen. topic:Staff", ExampleNL: "/news post Kerstborrel | Vrijdag 18 december om 16:00 in de kantine. topic:Personeel",
		},
		{
			Path: []g.Word{g.W("edit", "wijzig")}, Audit: true,
			Args: []g.Arg{idArg, {Name: "title", Kind: g.Text, Optional: true, Placeholder: "<title>", PlaceholderNL: "<titel>"},
				{Name: "bar", Kind: g.Literal, Word: g.W("|"), Optional: true},
				{Name: "body", Kind: g.Text, Optional: true, Placeholder: "<text>", PlaceholderNL: "<tekst>"}},
			Options: itemOptions,
			Doc:     "change an item: a new title, a new text after `|`, or options (`comments:off` closes its comments, `audience:employees` takes it from partners); with only its number it opens a form", DocNL: "wijzig een bericht: een nieuwe titel, een nieuwe tekst na `|`, of opties (`comments:off` sluit de reacties, `doelgroep:medewerkers` haalt het bij partners weg); met alleen het nummer opent een formulier",
			Example: "/news edit 12 | The drinks start at 17:00.", ExampleNL: "/news edit 12 | De borrel begint om 17:00.",
		},
		{
			Path:    []g.Word{commentWord},
			Args:    []g.Arg{idArg, {Name: "text", Kind: g.Text, Optional: true, Placeholder: "<text>", PlaceholderNL: "<tekst>"}},
			Doc:     "comment on an item; without a text it opens a form",
			DocNL:   "reageer op een bericht; zonder tekst opent een formulier",
			Example: "/news comment 12 Nice, I'll bring cake!", ExampleNL: "/news comment 12 Leuk, ik neem taart mee!",
		},
		{
			Path: []g.Word{g.W("comments", "reacties")}, Args: []g.Arg{idArg, {Name: "page", Kind: g.Number, Optional: true, Placeholder: "<page>", PlaceholderNL: "<pagina>"}},
			Doc: "an item's comments, newest first, 10 a page", DocNL: "de reacties op een bericht, nieuwste eerst, 10 per pagina",
			Example: "/news comments 12 2",
		},
		{
			Path: []g.Word{commentWord, g.W("remove", "verwijder", "weg")}, Audit: true,
			Args: []g.Arg{{Name: "id", Kind: g.ID, Placeholder: "<comment>", PlaceholderNL: "<reactie>"}, {Name: "reason", Kind: g.Text, Placeholder: "<reason>", PlaceholderNL: "<reden>"}},
			Doc:  "remove a comment (content managers); its writer is told the reason", DocNL: "verwijder een reactie (contentbeheerders); de schrijver krijgt de reden te horen",
			Example: "/news comment remove 31 Personal details of a client", ExampleNL: "/news comment remove 31 Persoonsgegevens van een cliënt",
		},
		{Path: []g.Word{g.W("withdraw", "intrekken", "trek")}, Audit: true, Args: []g.Arg{idArg}, Doc: "withdraw an item", DocNL: "trek een bericht in"},
		{Path: []g.Word{g.W("stats", "statistiek")}, Audit: true, Args: []g.Arg{idArg, {Name: "csv", Kind: g.Choice, Optional: true, Choices: []g.Word{g.W("csv", "bestand", "export")}}},
			Doc:     "who read an item, per day; with `csv` the list as a file to download from the web page",
			DocNL:   "wie een bericht las, per dag; met `csv` de lijst als bestand om te downloaden van de webpagina",
			Example: "/news stats 12 csv"},
		{
			Path:    []g.Word{g.W("subscribe", "abonneer")},
			Args:    digest.ScheduleArgs,
			Options: []g.Option{topicOpt, deptOpt, fromOpt},
			Doc:     "each item as it appears, or a digest at a time of day (weekly on a day); in a channel for the channel, in a direct message for yourself",
			DocNL:   "elk bericht zodra het verschijnt, of een overzicht op een tijd (wekelijks op een dag); in een kanaal voor het kanaal, in een privébericht voor jezelf",
			Example: "/news subscribe weekly mon 09:00 topic:Staff", ExampleNL: "/news subscribe dagelijks 08:30 afdeling:{department}",
		},
		{Path: []g.Word{g.W("subscriptions", "abonnementen")}, Doc: "the subscriptions here and yours, and whom you follow", DocNL: "de abonnementen hier en de jouwe, en wie je volgt"},
		{Path: []g.Word{g.W("unsubscribe", "opzeggen", "zeg")}, Args: []g.Arg{idArg}, Doc: "end a subscription", DocNL: "zeg een abonnement op"},
	},
}

// The /follow and /unfollow forms: a colleague, a department or a topic.
var followWhat = []g.Arg{{Name: "what", Kind: g.Name, Optional: true, Placeholder: "<colleague|department|topic>", PlaceholderNL: "<collega|afdeling|onderwerp>"}}

// Follow is /follow; its help is told in /news's.
var Follow = &g.Command{
	Word:    g.W("follow", "volg"),
	Summary: "Get a colleague's, department's or topic's news by direct message", SummaryNL: "Krijg het nieuws van een collega, afdeling of onderwerp als privébericht",
	HelpOf: "news",
	// Teams' personal menu holds ten commands; following is mostly done
	// with the buttons on news items.
	Teams: g.TeamsTyped,
	Subs: []g.Sub{
		{Args: followWhat, Options: []g.Option{deptOpt, topicOpt},
			Doc:     "their new items straight to your direct messages (`dept:` or `topic:` before a name that could mean more than one)",
			DocNL:   "hun nieuwe berichten meteen in je privéberichten (`dept:` of `topic:` ervoor als een naam meer kan betekenen)",
			Example: "/follow {department}", ExampleNL: "/volg {department}"},
		{Path: []g.Word{g.W("list", "lijst")}, Doc: "whom and what you follow", DocNL: "wie en wat je volgt"},
	},
}

// Unfollow is /unfollow; its help is told in /news's.
var Unfollow = &g.Command{
	Word:    g.W("unfollow", "ontvolg"),
	Summary: "Stop following", SummaryNL: "Stop met volgen",
	HelpOf: "news",
	// Teams' personal menu holds ten commands; following is mostly done
	// with the buttons on news items.
	Teams: g.TeamsTyped,
	Subs: []g.Sub{
		{Args: followWhat, Options: []g.Option{deptOpt, topicOpt},
			Doc: "stop following", DocNL: "stop met volgen"},
	},
}
