package profile

import g "github.com/werkplek/werkplek/intranet/grammar"

var (
	setWord   = g.W("set", "zet", "instellen")
	valueArg  = g.Arg{Name: "value", Kind: g.Text, Optional: true, Placeholder: "<value>", PlaceholderNL: "<waarde>"}
	awayWord  = g.W("away", "afwezig")
	untilWord = g.W("until", "tot", "t/m", "tot en met")
)

// Command is /profile, declared once for the parser, help and manifests.
var Command = &g.Command{
	Word:  g.W("profile", "profiel"),
	Title: "Your profile", TitleNL: "Je profiel",
	Summary: "Your own phonebook entry: mobile, skills, location, away", SummaryNL: "Je eigen vermelding in het telefoonboek: mobiel, vaardigheden, locatie, afwezig",
	// Typed in Teams: its menus show ten commands, and others matter more there.
	Teams:   g.TeamsTyped,
	Notes:   "What you set here is yours: the people import and the identity provider do not overwrite it. Who sees your mobile number: `/werkplek privacy mobile`.",
	NotesNL: "Wat je hier instelt is van jou: de import van mensen en de identiteitsprovider overschrijven het niet. Wie je mobiele nummer ziet: `/werkplek privacy mobiel`.",
	Subs: []g.Sub{
		{
			Doc:   "your entry as colleagues see it in the phonebook, and your choices (away, who sees your mobile, language, quiet hours)",
			DocNL: "je vermelding zoals collega's die in het telefoonboek zien, en je keuzes (afwezig, wie je mobiel ziet, taal, rusturen)",
		},
		{
			Path: []g.Word{setWord, g.W("mobile", "mobiel")}, Args: []g.Arg{valueArg},
			Doc:     "your mobile number (`-` clears it; nothing shows it)",
			DocNL:   "je mobiele nummer (`-` maakt het leeg; niets toont het)",
			Example: "/profile set mobile 06-12345678", ExampleNL: "/profiel zet mobiel 06-12345678",
		},
		{
			Path: []g.Word{setWord, g.W("skills", "vaardigheden", "skill", "vaardigheid")}, Args: []g.Arg{valueArg},
			Doc:     "your skills, separated by commas (`-` clears them); colleagues' questions find you by them",
			DocNL:   "je vaardigheden, gescheiden door komma's (`-` maakt ze leeg); vragen van collega's vinden je erdoor",
			Example: "/profile set skills wound care, first aid", ExampleNL: "/profiel zet vaardigheden wondzorg, EHBO",
		},
		{
			Path: []g.Word{setWord, g.W("location", "locatie", "plaats")}, Args: []g.Arg{valueArg},
			Doc:     "where you work (`-` clears it)",
			DocNL:   "waar je werkt (`-` maakt het leeg)",
			Example: "/profile set location Utrecht", ExampleNL: "/profiel zet locatie Utrecht",
		},
		{
			Path: []g.Word{awayWord, untilWord},
			Args: []g.Arg{{Name: "date", Kind: g.Date, Placeholder: "<last day>", PlaceholderNL: "<laatste dag>"},
				{Name: "note", Kind: g.Text, Optional: true, Placeholder: "<note>", PlaceholderNL: "<toelichting>"}},
			Doc:     "away through that day (it included): the phonebook shows it, and questions, handovers and approvals of hours skip you until then",
			DocNL:   "afwezig tot en met die dag: het telefoonboek laat het zien, en vragen, overdrachten en goedkeuring van uren slaan je tot dan over",
			Example: "/profile away until 24 dec on leave", ExampleNL: "/profiel afwezig tot 24 dec met verlof",
		},
		{
			Path:  []g.Word{g.W("back", "terug")},
			Doc:   "back before the day you gave",
			DocNL: "terug vóór de dag die je gaf",
		},
	},
}
