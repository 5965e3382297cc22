package board

import (
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature/digest"
	g "github.com/werkplek/werkplek/intranet/grammar"
)

// categoryWords are the categories as typed: the English name first, the
// Dutch name second, and one-word spellings for where a name of several
// words does not fit (`/board sale`, `category:tekoop`).
var categoryWords = []g.Word{
	g.W(string(intranet.CategoryOffered), "aangeboden", "aanbod"),
	g.W(string(intranet.CategoryWanted), "gezocht", "gevraagd"),
	g.W(string(intranet.CategoryForSale), "te koop", "sale", "forsale", "tekoop", "koop"),
	g.W(string(intranet.CategoryEvent), "evenement", "events", "evenementen"),
	g.W(string(intranet.CategoryLost), "gevonden", "lost", "found", "verloren"),
	g.W(string(intranet.CategoryOther), "overig", "overige"),
}

var (
	idArg       = g.Arg{Name: "id", Kind: g.ID}
	categoryOpt = g.Option{Key: g.W("category", "categorie"), Kind: g.Choice, Choices: categoryWords}
	expiresOpt  = g.Option{Key: g.W("expires", "verloopt"), Kind: g.DateTime}
	adOptions   = []g.Option{categoryOpt, expiresOpt}
	bar         = g.Arg{Name: "bar", Kind: g.Literal, Word: g.W("|")}
	reasonArg   = g.Arg{Name: "reason", Kind: g.Text, Placeholder: "<reason>", PlaceholderNL: "<reden>"}
)

// Command is /board, declared once for the parser, help and manifests.
var Command = &g.Command{
	Word:  g.W("board", "prikbord"),
	Title: "Bulletin board", TitleNL: "Prikbord",
	Summary: "Ads of colleagues: offered, wanted, for sale, events, lost and found", SummaryNL: "Advertenties van collega's: aangeboden, gezocht, te koop, evenementen, gevonden",
	// Teams shows at most ten commands in a personal chat's menu, and has
	// ten there already: /board is typed there.
	Teams: []string{"team", "groupChat"},
	Notes: "Categories: offered, wanted, for sale, event, lost and found, other. An ad expires after 30 days unless `expires:` says otherwise (at most 90); two days before, its poster can extend it. " +
		"Text shows as typed: links work, mentions do not notify anyone. " +
		"A subscription typed in a channel is the channel's, typed in a direct message yours; a channel shared with another organisation gets no ads.",
	NotesNL: "Categorieën: aangeboden, gezocht, te koop, evenement, gevonden, overig. Een advertentie verloopt na 30 dagen tenzij `expires:` anders zegt (hoogstens 90); twee dagen ervoor kan wie haar plaatste haar verlengen. " +
		"Tekst staat er zoals getypt: links werken, vermeldingen waarschuwen niemand. " +
		"Een abonnement getypt in een kanaal is van het kanaal, getypt in een privébericht van jou; een kanaal dat gedeeld is met een andere organisatie krijgt geen advertenties.",
	Subs: []g.Sub{
		{
			Args: []g.Arg{{Name: "id", Kind: g.ID, Optional: true},
				{Name: "category", Kind: g.Name, Optional: true, Placeholder: "<category>", PlaceholderNL: "<categorie>"}},
			Options: []g.Option{{Key: g.W("page", "pagina"), Kind: g.Number}},
			Doc:     "the newest ads, 10 at a time; with a category only those, with a number that ad in full",
			DocNL:   "de nieuwste advertenties, 10 tegelijk; met een categorie alleen die, met een nummer die advertentie helemaal",
			Example: "/board for sale", ExampleNL: "/board te koop",
		},
		{
			Path: []g.Word{g.W("post", "plaats", "nieuw")},
			Args: []g.Arg{{Name: "title", Kind: g.Text, Placeholder: "<title>", PlaceholderNL: "<titel>"}, bar,
				{Name: "text", Kind: g.Text, Placeholder: "<text>", PlaceholderNL: "<tekst>"}},
			Options: adOptions,
			Form:    true,
			Doc:     "put up an ad (in a category, until a date); alone it opens a form",
			DocNL:   "hang een advertentie op (in een categorie, tot een datum); zonder meer opent een formulier",
			Example: "/board post Bike for sale | Blue city bike, 50 euro. category:sale", ExampleNL: "/board post Fiets te koop | Blauwe stadsfiets, 50 euro. category:tekoop",
		},
		{Path: []g.Word{g.W("mine", "mijn")}, Doc: "your ads, also expired ones", DocNL: "je eigen advertenties, ook verlopen"},
		{Path: []g.Word{g.W("search", "zoek", "zoeken")}, Args: []g.Arg{{Name: "words", Kind: g.Text, Placeholder: "<words>", PlaceholderNL: "<woorden>"}},
			Doc: "search the ads, in Dutch or English, typos are fine", DocNL: "zoek in de advertenties, in het Nederlands of Engels, tikfouten mogen",
			Example: "/board search bike", ExampleNL: "/board zoek fiets"},
		{
			Path: []g.Word{g.W("edit", "wijzig")},
			Args: []g.Arg{idArg, {Name: "title", Kind: g.Text, Optional: true, Placeholder: "<title>", PlaceholderNL: "<titel>"},
				{Name: "bar", Kind: g.Literal, Word: g.W("|"), Optional: true},
				{Name: "text", Kind: g.Text, Optional: true, Placeholder: "<text>", PlaceholderNL: "<tekst>"}},
			Options: adOptions,
			Doc:     "change your ad: a new title, a new text after `|`, or options", DocNL: "wijzig je advertentie: een nieuwe titel, een nieuwe tekst na `|`, of opties",
			Example: "/board edit 3 | Sold, thanks!", ExampleNL: "/board edit 3 | Verkocht, bedankt!",
		},
		{Path: []g.Word{g.W("extend", "verleng")}, Args: []g.Arg{idArg},
			Doc: "keep your ad up 30 days more (at most 90 days from now)", DocNL: "laat je advertentie 30 dagen langer hangen (hoogstens 90 dagen vanaf nu)"},
		{Path: []g.Word{g.W("remove", "verwijder", "weg")}, Audit: true, Args: []g.Arg{idArg, func() g.Arg { a := reasonArg; a.Optional = true; return a }()},
			Doc: "take an ad down: yours, or as a content manager with a reason its poster is told", DocNL: "haal een advertentie weg: die van jou, of als contentbeheerder met een reden die de plaatser hoort",
			Example: "/board remove 3"},
		{Path: []g.Word{g.W("reply", "reageer")}, Args: []g.Arg{idArg, {Name: "text", Kind: g.Text, Placeholder: "<text>", PlaceholderNL: "<tekst>"}},
			Doc: "answer an ad: its poster gets your message and a mention of you by direct message, to go on privately", DocNL: "reageer op een advertentie: de plaatser krijgt je bericht en een vermelding van jou als privébericht, om samen verder te gaan",
			Example: "/board reply 3 Is it still there?", ExampleNL: "/board reply 3 Is hij er nog?"},
		{Path: []g.Word{g.W("report", "meld")}, Args: []g.Arg{idArg, reasonArg},
			Doc: "report an ad that does not belong here: the content managers look at it", DocNL: "meld een advertentie die hier niet hoort: de contentbeheerders kijken ernaar",
			Example: "/board report 3 Not work related"},
		{Path: []g.Word{g.W("keep", "houd")}, Audit: true, Args: []g.Arg{idArg}, Doc: "content managers: a reported ad stays", DocNL: "contentbeheerders: een gemelde advertentie blijft"},
		{
			Path:    []g.Word{g.W("subscribe", "abonneer")},
			Args:    digest.ScheduleArgs,
			Options: []g.Option{categoryOpt},
			Doc:     "each new ad as it is put up, or a digest of new ads at a time of day (weekly on a day), of one category or all; in a channel for the channel, in a direct message for yourself",
			DocNL:   "elke nieuwe advertentie meteen, of een overzicht van nieuwe advertenties op een tijd (wekelijks op een dag), van één categorie of alle; in een kanaal voor het kanaal, in een privébericht voor jezelf",
			Example: "/board subscribe weekly mon 09:00 category:sale", ExampleNL: "/prikbord abonneer wekelijks ma 09:00 categorie:tekoop",
		},
		{Path: []g.Word{g.W("subscriptions", "abonnementen")}, Doc: "the board subscriptions here and yours", DocNL: "de prikbordabonnementen hier en de jouwe"},
		{Path: []g.Word{g.W("unsubscribe", "opzeggen", "zeg")}, Args: []g.Arg{idArg}, Doc: "end a board subscription", DocNL: "zeg een prikbordabonnement op"},
	},
}
