package handover

import g "github.com/werkplek/werkplek/intranet/grammar"

var idArg = g.Arg{Name: "id", Kind: g.ID}

// forOpt names the colleague a lead's decision is about: the buttons say
// "approve 12 for:7", which decides only while person 7 has it.
var forOpt = g.Option{Key: g.W("for", "voor"), Kind: g.ID, Placeholder: "<person number>", PlaceholderNL: "<persoonsnummer>"}

// Command is /handover, declared once for the parser, help and manifests.
var Command = &g.Command{
	Word:  g.W("handover", "dienst", "overdracht"),
	Title: "Shift handover", TitleNL: "Dienst overdragen",
	Summary: "Ask your team to take over a shift; the first to accept gets it", SummaryNL: "Vraag je team een dienst over te nemen; wie het eerst ja zegt, krijgt hem",
	Teams: []string{"personal", "team", "groupChat"},
	Subs: []g.Sub{
		{
			Args: []g.Arg{{Name: "slot", Kind: g.Slot, Overnight: true}, {Name: "what", Kind: g.Text, Placeholder: "<what>", PlaceholderNL: "<wat>"}},
			Options: []g.Option{
				{Key: g.W("team"), Kind: g.Team},
				{Key: g.W("needs", "nodig", "skill", "vaardigheid"), Kind: g.Skill},
			},
			Doc:     "ask your team to take over the shift; an end before the start (22:00-07:00) is the next day",
			DocNL:   "vraag je team de dienst over te nemen; een eind vóór het begin (22:00-07:00) is de volgende dag",
			Example: "/handover tomorrow 14:00-22:00 Pool Noord", ExampleNL: "/overdracht morgen 14:00-22:00 Pool Noord",
		},
		{Path: []g.Word{g.W("list", "lijst")}, Doc: "open requests of my teams", DocNL: "open verzoeken van mijn teams"},
		{Path: []g.Word{g.W("mine", "mijn")}, Doc: "what I asked and took", DocNL: "wat ik vroeg en nam"},
		{Path: []g.Word{g.W("take", "neem", "overnemen")}, Args: []g.Arg{idArg}, Doc: "take it over", DocNL: "neem hem over", Example: "/handover take 12"},
		{Path: []g.Word{g.W("cancel", "annuleer", "annuleren")}, Args: []g.Arg{idArg}, Doc: "cancel your request", DocNL: "trek je verzoek in"},
		{Path: []g.Word{g.W("notify", "meld")}, Args: []g.Arg{idArg}, Doc: "DM the colleagues who may take it", DocNL: "stuur de collega's die hem mogen nemen een bericht"},
		{Path: []g.Word{g.W("show", "toon")}, Args: []g.Arg{idArg}, Doc: "one request", DocNL: "één verzoek"},
		{Path: []g.Word{g.W("approve", "goedkeuren", "keur")}, Args: []g.Arg{idArg}, Options: []g.Option{forOpt},
			Doc: "team leads: approve the takeover", DocNL: "teamleiders: keur de overname goed"},
		{Path: []g.Word{g.W("reject", "afwijzen", "wijs")}, Args: []g.Arg{idArg}, Options: []g.Option{forOpt},
			Doc: "team leads: reject it, so the request is open again", DocNL: "teamleiders: wijs hem af, zodat het verzoek weer open staat"},
	},
}
