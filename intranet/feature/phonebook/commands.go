package phonebook

import g "github.com/werkplek/werkplek/intranet/grammar"

// Command is /phonebook, declared once for the parser, help and manifests.
var Command = &g.Command{
	Word:  g.W("phonebook", "telefoon", "telefoonboek"),
	Title: "Phonebook", TitleNL: "Telefoonboek",
	Summary: "Find a colleague's phone, role, department, manager and location", SummaryNL: "Zoek het telefoonnummer, de functie, afdeling, manager en plek van een collega",
	Teams: []string{"personal", "team", "groupChat"},
	Subs: []g.Sub{
		{
			Args: []g.Arg{{Name: "query", Kind: g.Text, Optional: true,
				Placeholder: "<name, department, title, place, skill or phone>", PlaceholderNL: "<naam, afdeling, functie, plaats, vaardigheid of telefoon>"}},
			Options: []g.Option{
				{Key: g.W("dept", "afd", "afdeling", "department"), Kind: g.Department},
				{Key: g.W("skill", "vaardigheid"), Kind: g.Skill},
			},
			Partners: true,
			Doc:      "find a colleague; typos, missing accents and surname prefixes (`van den`, `v.d.`) are fine; a department or skill with spaces in quotes; a partner finds only their organisation's contacts (without a query: all of them)",
			DocNL:    "zoek een collega; tikfouten, accenten en tussenvoegsels (`van den`, `v.d.`) mogen; een afdeling of vaardigheid met spaties tussen aanhalingstekens; een partner vindt alleen de contactpersonen van de eigen organisatie (zonder zoekwoord: allemaal)",
			Example:  "/phonebook jansen dept:zorg", ExampleNL: "/telefoon jansen afd:zorg",
		},
		{
			Path:     []g.Word{g.W("show", "toon")},
			Args:     []g.Arg{{Name: "id", Kind: g.ID}},
			Partners: true,
			Doc:      "one person's card (the number of a list's Card button)",
			DocNL:    "de kaart van één persoon (het nummer achter de knop Kaart)",
			Example:  "/phonebook show 42",
		},
		{
			Path:  []g.Word{g.W("import", "importeer", "importeren")},
			Doc:   "admins: where to load the people from a CSV file (the web's admin page, or `werkplek import` on the server)",
			DocNL: "beheerders: waar je de mensen uit een CSV-bestand laadt (de beheerpagina op het web, of `werkplek import` op de server)",
		},
	},
}
