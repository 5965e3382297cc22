package teams

import g "github.com/werkplek/werkplek/intranet/grammar"

var (
	teamArg   = g.Arg{Name: "team", Kind: g.Team}
	personArg = g.Arg{Name: "person", Kind: g.Person}
	addWord   = g.W("add", "erbij", "toevoegen", "nieuw")
	rmWord    = g.W("remove", "eraf", "verwijder", "verwijderen")
	member    = g.W("member", "lid", "leden", "members")
	lead      = g.W("lead", "leider", "teamleider", "leads")
)

// Command is /team, declared once for the parser, help and manifests.
var Command = &g.Command{
	Word:  g.W("team"),
	Title: "Teams", TitleNL: "Teams",
	Summary: "Teams of colleagues: members, leads, channels, approval of handovers", SummaryNL: "Teams van collega's: leden, leiders, kanalen, goedkeuring van overdrachten",
	Teams:   []string{"team", "groupChat"},
	Notes:   "Every department is a team already: its people are members, those with the team lead role its leads. A person is an email address, a mention or a full name; a team of several words in quotes. A guest (a partner from outside) cannot be added to a team.",
	NotesNL: "Elke afdeling is al een team: haar mensen zijn leden, wie de rol teamleider heeft is leider. Een persoon is een e-mailadres, een vermelding of een volledige naam; een team van meer woorden tussen aanhalingstekens. Een gast (een partner van buiten) kan niet aan een team worden toegevoegd.",
	Subs: []g.Sub{
		{Doc: "every team", DocNL: "alle teams"},
		{Path: []g.Word{g.W("list", "lijst")}, Doc: "the same", DocNL: "hetzelfde"},
		{Path: []g.Word{g.W("show", "toon")}, Args: []g.Arg{teamArg}, Doc: "a team's members, leads and channels", DocNL: "de leden, leiders en kanalen van een team",
			Example: `/team show {team}`},
		{Path: []g.Word{addWord}, Audit: true, Args: []g.Arg{{Name: "name", Kind: g.Name}}, Doc: "a new team (admins and team leads)", DocNL: "een nieuw team (beheerders en teamleiders)",
			Example: `/team add "Pool Noord"`},
		{Path: []g.Word{member, addWord}, Audit: true, Args: []g.Arg{teamArg, personArg}, Doc: "add a member (no guests)", DocNL: "voeg een lid toe (geen gasten)",
			Example: `/team member add {team} {person}`},
		{Path: []g.Word{member, rmWord}, Audit: true, Args: []g.Arg{teamArg, personArg}, Doc: "remove a member", DocNL: "haal een lid weg"},
		{Path: []g.Word{lead, addWord}, Audit: true, Args: []g.Arg{teamArg, personArg}, Doc: "add a lead (no guests)", DocNL: "voeg een leider toe (geen gasten)"},
		{Path: []g.Word{lead, rmWord}, Audit: true, Args: []g.Arg{teamArg, personArg}, Doc: "remove a lead", DocNL: "haal een leider weg"},
		{Path: []g.Word{g.W("approval", "goedkeuring")}, Audit: true, Args: []g.Arg{teamArg, {Name: "on", Kind: g.Choice, Choices: g.OnOff()}},
			Doc: "takeovers need a team lead's approval first, or no longer", DocNL: "overnames eerst door een teamleider laten goedkeuren, of niet meer",
			Example: `/team approval {team} on`},
		{Path: []g.Word{g.W("channel", "kanaal")}, Audit: true, Args: []g.Arg{teamArg},
			Doc: "typed in a channel: link that channel to the team, so its handovers appear there (and, for a department's team, its news reaches the channel's subscriptions)", DocNL: "getypt in een kanaal: koppel dat kanaal aan het team, zodat overdrachten daar verschijnen (en bij het team van een afdeling haar nieuws de abonnementen van het kanaal bereikt)"},
	},
}
