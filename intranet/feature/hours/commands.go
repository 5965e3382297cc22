package hours

import (
	g "github.com/werkplek/werkplek/intranet/grammar"
	"github.com/werkplek/werkplek/intranet/when"
)

// The arguments and options /hours and /km share.
var (
	idArg     = g.Arg{Name: "id", Kind: g.ID}
	weekArg   = g.Arg{Name: "week", Kind: g.Week, Optional: true}
	personArg = g.Arg{Name: "person", Kind: g.Person}
	reasonArg = g.Arg{Name: "reason", Kind: g.Text, Placeholder: "<reason>", PlaceholderNL: "<reden>"}
	// optionalReason is the reason of a reject, asked in a form when the
	// card's button leaves it out.
	optionalReason = g.Arg{Name: "reason", Kind: g.Text, Optional: true, Placeholder: "<reason>", PlaceholderNL: "<reden>"}
)

// The arguments and options of an entry.
var (
	noteArg    = g.Arg{Name: "note", Kind: g.Text, Optional: true, Placeholder: "<note>", PlaceholderNL: "<notitie>"}
	breakOpt   = g.Option{Key: g.W("break", "pauze"), Kind: g.Number, Placeholder: "<minutes>", PlaceholderNL: "<minuten>"}
	projectOpt = g.Option{Key: g.W("project"), Kind: g.Name, Placeholder: "<code>", PlaceholderNL: "<code>"}
)

// Hours is /hours (/uren), declared once for the parser, help and
// manifests. Its dates look back: "ma" is the most recent Monday.
var Hours = &g.Command{
	Word:  g.W("hours", "uren"),
	Title: "Hours", TitleNL: "Uren",
	Summary: "Write down your hours; submit the week to your team lead", SummaryNL: "Schrijf je uren; dien de week in bij je teamleider",
	Direction: when.Back,
	// Written in one's own chat with Werkplek rather than in a team's.
	Teams: []string{"personal"},
	Subs: []g.Sub{
		{
			Args:    []g.Arg{{Name: "date", Kind: g.Date}, {Name: "time", Kind: g.Worked}, noteArg},
			Options: []g.Option{breakOpt, projectOpt},
			Doc:     "write down hours worked: a time range (over midnight is fine) with a break in minutes, or a number of hours (`7.5h`, `7:30`, `8`)",
			DocNL:   "schrijf gewerkte uren: van-tot (over middernacht mag) met pauze in minuten, of een aantal uren (`7,5u`, `7:30`, `8`)",
			Example: "/hours today 07:00-15:30 break:30 project:WZ-Noord", ExampleNL: "/uren vandaag 07:00-15:30 pauze:30 project:WZ-Noord",
		},
		{Path: []g.Word{g.W("week")}, Args: []g.Arg{weekArg},
			Doc: "a week's hours and trips, totals per day and project, and its state", DocNL: "de uren en ritten van een week, totalen per dag en project, en de stand",
			Example: "/hours week 49", ExampleNL: "/uren week 49"},
		{Path: []g.Word{g.W("submit", "indienen")}, Args: []g.Arg{weekArg},
			Doc: "send the week (hours and trips) to your team lead for approval", DocNL: "stuur de week (uren en ritten) naar je teamleider ter goedkeuring",
			Example: "/hours submit", ExampleNL: "/uren indienen"},
		{Path: []g.Word{g.W("edit", "wijzig")}, Args: []g.Arg{idArg, {Name: "date", Kind: g.Date, Optional: true}, {Name: "time", Kind: g.Worked, Optional: true}, noteArg},
			Options: []g.Option{breakOpt, projectOpt},
			Doc:     "correct an entry of an open or rejected week: what you give changes, the rest stays (`project:-` clears the project, a note `-` the note)", DocNL: "verbeter een regel van een open of afgewezen week: wat je geeft verandert, de rest blijft (`project:-` wist het project, notitie `-` de notitie)",
			Example: "/hours edit 12 08:00-16:00", ExampleNL: "/uren wijzig 12 08:00-16:00"},
		{Path: []g.Word{g.W("remove", "verwijder")}, Args: []g.Arg{idArg},
			Doc: "remove an entry of an open or rejected week", DocNL: "verwijder een regel van een open of afgewezen week",
			Example: "/hours remove 12", ExampleNL: "/uren verwijder 12"},
		{Path: []g.Word{g.W("approve", "goedkeuren")}, Args: []g.Arg{personArg, weekArg},
			Doc: "approvers: approve a submitted week", DocNL: "goedkeurders: keur een ingediende week goed",
			Example: "/hours approve {person} 49", ExampleNL: "/uren goedkeuren {person} 49"},
		{Path: []g.Word{g.W("reject", "afwijzen")}, Args: []g.Arg{personArg, {Name: "week", Kind: g.Week}, optionalReason},
			Doc: "approvers: send a submitted week back, with the reason (without one, a form asks for it)", DocNL: "goedkeurders: stuur een ingediende week terug, met de reden (zonder reden vraagt een formulier erom)",
			Example: "/hours reject {person} 49 Tuesday is missing", ExampleNL: "/uren afwijzen {person} 49 Dinsdag ontbreekt"},
		{Path: []g.Word{g.W("reopen", "heropen")}, Audit: true, Args: []g.Arg{personArg, {Name: "week", Kind: g.Week}, reasonArg},
			Doc: "approvers: open an approved week again for a correction", DocNL: "goedkeurders: open een goedgekeurde week opnieuw voor een correctie",
			Example: "/hours reopen {person} 49 Wrong project", ExampleNL: "/uren heropen {person} 49 Verkeerd project"},
		{Path: []g.Word{g.W("team")}, Args: []g.Arg{weekArg},
			Doc: "approvers: who submitted a week, who did not, who is approved", DocNL: "goedkeurders: wie een week indiende, wie niet, wie is goedgekeurd",
			Example: "/hours team", ExampleNL: "/uren team"},
		{Path: []g.Word{g.W("export", "exporteer")}, Audit: true, Args: []g.Arg{{Name: "from", Kind: g.Date}, {Name: "to", Kind: g.Date}},
			Doc: "approvers and admins: a one-time link (10 minutes) to a CSV of the hours and trips", DocNL: "goedkeurders en beheerders: een eenmalige link (10 minuten) naar een CSV van de uren en ritten",
			Example: "/hours export 1-11 30-11", ExampleNL: "/uren exporteer 1-11 30-11"},
	},
}

// The words of a trip.
var (
	toWord     = g.W("to", "naar")
	returnWord = g.W("return", "retour")
	purposeOpt = g.Option{Key: g.W("purpose", "doel"), Kind: g.Text, Placeholder: "<purpose>", PlaceholderNL: "<doel>", Rest: true}
	routeOpt   = g.Option{Key: g.W("route"), Kind: g.Name, Placeholder: "<name>", PlaceholderNL: "<naam>"}
	returnOpt  = g.Option{Key: returnWord, Kind: g.Flag}
)

// tripArgs are a trip's distance and places, "<km> <from> to <to>": given
// together, or (optional) not at all; in an edit (apart) the distance and
// the places each on their own.
func tripArgs(optional, apart bool) []g.Arg {
	return []g.Arg{
		{Name: "km", Kind: g.Km, Optional: optional},
		{Name: "from", Kind: g.Name, Optional: optional, Joined: optional && !apart, Placeholder: "<from>", PlaceholderNL: "<van>"},
		{Name: "toword", Kind: g.Literal, Word: toWord, Optional: optional, Joined: optional},
		{Name: "to", Kind: g.Name, Optional: optional, Joined: optional, Placeholder: "<to>", PlaceholderNL: "<naar>"},
	}
}

// Km is /km (/kilometers), declared once for the parser, help and
// manifests. Its dates look back.
var Km = &g.Command{
	Word:  g.W("km", "kilometers"),
	Title: "Mileage", TitleNL: "Kilometers",
	Summary: "Write down trips for work; they go with your week's hours", SummaryNL: "Schrijf zakelijke ritten; ze gaan mee met de uren van je week",
	Direction: when.Back,
	// Written in one's own chat with Werkplek rather than in a team's.
	Teams: []string{"personal"},
	Subs: []g.Sub{
		{
			Args:    append([]g.Arg{{Name: "date", Kind: g.Date}}, tripArgs(true, false)...),
			Options: []g.Option{returnOpt, purposeOpt, routeOpt},
			Doc:     "write down a trip (`return` counts it both ways; the purpose last), or one of your routes with `route:`",
			DocNL:   "schrijf een rit (`retour` telt heen en terug; het doel achteraan), of een van je routes met `route:`",
			Example: "/km today 23 Utrecht to Zeist return purpose:client visit", ExampleNL: "/km vandaag 23 Utrecht naar Zeist retour doel:cliëntbezoek",
		},
		{Path: []g.Word{g.W("week")}, Args: []g.Arg{weekArg},
			Doc: "a week's trips, kilometres and allowance", DocNL: "de ritten van een week, kilometers en vergoeding", Example: "/km week", ExampleNL: "/km week vorige week"},
		{Path: []g.Word{g.W("month", "maand")}, Args: []g.Arg{{Name: "month", Kind: g.Month, Optional: true}},
			Doc: "a month's trips, kilometres and allowance", DocNL: "de ritten van een maand, kilometers en vergoeding", Example: "/km month november", ExampleNL: "/km maand november"},
		{Path: []g.Word{g.W("edit", "wijzig")}, Args: append([]g.Arg{idArg, {Name: "date", Kind: g.Date, Optional: true}}, tripArgs(true, true)...),
			Options: []g.Option{returnOpt, purposeOpt},
			Doc:     "correct a trip of an open or rejected week: what you give changes, the rest stays (`return:no` makes it one way)", DocNL: "verbeter een rit van een open of afgewezen week: wat je geeft verandert, de rest blijft (`retour:nee` maakt het enkele reis)",
			Example: "/km edit 7 25 Utrecht to Zeist", ExampleNL: "/km wijzig 7 25 Utrecht naar Zeist"},
		{Path: []g.Word{g.W("remove", "verwijder")}, Args: []g.Arg{idArg},
			Doc: "remove a trip of an open or rejected week", DocNL: "verwijder een rit van een open of afgewezen week", Example: "/km remove 7", ExampleNL: "/km verwijder 7"},
		{Path: []g.Word{g.W("route"), g.W("add", "nieuw")}, Args: append([]g.Arg{{Name: "name", Kind: g.Name, Placeholder: "<name>", PlaceholderNL: "<naam>"}}, tripArgs(false, false)...),
			Doc: "save a route you drive often", DocNL: "bewaar een route die je vaak rijdt",
			Example: "/km route add office 23 Utrecht to Zeist", ExampleNL: "/km route nieuw kantoor 23 Utrecht naar Zeist"},
		{Path: []g.Word{g.W("route"), g.W("list", "lijst")}, Doc: "your saved routes", DocNL: "je bewaarde routes"},
		{Path: []g.Word{g.W("route"), g.W("remove", "verwijder")}, Args: []g.Arg{{Name: "name", Kind: g.Name, Placeholder: "<name>", PlaceholderNL: "<naam>"}},
			Doc: "remove a saved route", DocNL: "verwijder een bewaarde route", Example: "/km route remove office", ExampleNL: "/km route verwijder kantoor"},
	},
}
