package help

import g "github.com/werkplek/werkplek/intranet/grammar"

// Command is /werkplek: help, and the language of Werkplek's replies.
var Command = &g.Command{
	Word:    g.W("werkplek"),
	Title:   "Werkplek", TitleNL: "Werkplek",
	Summary: "Help, and your language for Werkplek's replies", SummaryNL: "Hulp, en de taal waarin Werkplek je antwoordt",
	Guests:  true,
	Teams:   []string{"personal", "team", "groupChat"},
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
	},
}
