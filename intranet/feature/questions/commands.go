package questions

import g "github.com/werkplek/werkplek/intranet/grammar"

var (
	idArg    = g.Arg{Name: "id", Kind: g.ID}
	topicArg = g.Arg{Name: "topic", Kind: g.Topic}
	topicW   = g.W("topic", "onderwerp", "onderwerpen", "topics")
	expertW  = g.W("expert", "deskundige", "deskundigen", "experts")
	addW     = g.W("add", "nieuw", "toevoegen", "erbij")
	removeW  = g.W("remove", "verwijder", "verwijderen", "eraf")
)

// Ask is /ask, declared once for the parser, help and manifests.
var Ask = &g.Command{
	Word:  g.W("ask", "vraag"),
	Title: "Questions and knowledge base", TitleNL: "Vragen en kennisbank",
	Summary: "Ask the colleagues who know; earlier answers first", SummaryNL: "Vraag het de collega's die het weten; eerdere antwoorden eerst",
	Teams: []string{"personal", "team", "groupChat"},
	// "/ask close the window?" is a question.
	TextFallback: true,
	Subs: []g.Sub{
		{
			Partners: true,
			Args:     []g.Arg{{Name: "question", Kind: g.Text, Placeholder: "<question>", PlaceholderNL: "<vraag>"}},
			Options:  []g.Option{{Key: g.W("topic", "onderwerp"), Kind: g.Topic}},
			Doc:      "I look for earlier answers first; else your question goes to the topic's channel and experts",
			DocNL:    "eerst zoek ik eerdere antwoorden; anders gaat je vraag naar het kanaal en de deskundigen van het onderwerp",
			Example:  "/ask How do I claim travel expenses? topic:Declaraties", ExampleNL: "/vraag Hoe declareer ik reiskosten? onderwerp:Declaraties",
		},
		{Path: []g.Word{g.W("search", "zoek", "zoeken")}, Partners: true, Args: []g.Arg{{Name: "words", Kind: g.Text, Placeholder: "<words>", PlaceholderNL: "<woorden>"}},
			Doc: "search the knowledge base, in Dutch or English, typos are fine (also `/kb`)", DocNL: "zoek in de kennisbank, in het Nederlands of Engels, tikfouten mogen (ook `/kb`)"},
		{Path: []g.Word{g.W("mine", "mijn")}, Partners: true, Doc: "my questions", DocNL: "mijn vragen"},
		{Path: []g.Word{g.W("show", "toon")}, Partners: true, Args: []g.Arg{idArg}, Doc: "one question with its answers", DocNL: "één vraag met de antwoorden"},
		{Path: []g.Word{g.W("send", "stuur", "versturen")}, Partners: true, Args: []g.Arg{idArg}, Doc: "send it to the experts after all (when earlier answers did not help)", DocNL: "stuur hem toch naar de deskundigen (als eerdere antwoorden niet hielpen)"},
		{Path: []g.Word{g.W("solved", "opgelost")}, Partners: true, Args: []g.Arg{idArg}, Doc: "an earlier answer helped: nothing is sent", DocNL: "een eerder antwoord hielp: er gaat niets uit"},
		{Path: []g.Word{g.W("close", "sluit", "sluiten")}, Partners: true, Args: []g.Arg{idArg}, Doc: "close your question", DocNL: "sluit je vraag"},
		{Path: []g.Word{topicW}, NoFallback: true, Doc: "every topic with its owner, experts and channels", DocNL: "alle onderwerpen met eigenaar, deskundigen en kanalen"},
		{Path: []g.Word{topicW, g.W("list", "lijst")}, NoFallback: true, Doc: "the same", DocNL: "hetzelfde"},
		{Path: []g.Word{topicW, g.W("show", "toon")}, NoFallback: true, Args: []g.Arg{topicArg}, Doc: "one topic", DocNL: "één onderwerp"},
		{Path: []g.Word{topicW, addW}, Audit: true, NoFallback: true, Args: []g.Arg{{Name: "name", Kind: g.Name}}, Doc: "a new topic (admins)", DocNL: "een nieuw onderwerp (beheerders)",
			Example: "/ask topic add Declaraties"},
		{Path: []g.Word{topicW, g.W("channel", "kanaal")}, Audit: true, NoFallback: true, Args: []g.Arg{topicArg}, Doc: "typed in a channel: questions of the topic are posted there", DocNL: "getypt in een kanaal: vragen van het onderwerp komen daar"},
		{Path: []g.Word{topicW, g.W("set", "instellen", "stel")}, Audit: true, NoFallback: true, Args: []g.Arg{topicArg},
			Options: []g.Option{{Key: g.W("escalate", "escaleer", "escalatie"), Kind: g.Duration, Placeholder: "<working hours>", PlaceholderNL: "<werkuren>"},
				{Key: g.W("partners"), Kind: g.Choice, Choices: g.OnOff()}},
			Doc:     "after how many working hours an unanswered question goes to the next experts (0: the default); `partners:on` lets partners ask its experts (its owner or an admin)",
			DocNL:   "na hoeveel werkuren een onbeantwoorde vraag naar de volgende deskundigen gaat (0: de standaard); `partners:aan` laat partners de deskundigen vragen (de eigenaar of een beheerder)",
			Example: "/ask topic set {topic} escalate:8"},
		{Path: []g.Word{expertW, addW}, Audit: true, NoFallback: true, Args: []g.Arg{topicArg, {Name: "person", Kind: g.Person}}, Doc: "make a colleague an expert of a topic (its owner or an admin)", DocNL: "maak een collega deskundige van een onderwerp (de eigenaar of een beheerder)",
			Example: "/ask expert add {topic} {person}"},
		{Path: []g.Word{expertW, removeW}, Audit: true, NoFallback: true, Args: []g.Arg{topicArg, {Name: "person", Kind: g.Person}}, Doc: "no longer an expert", DocNL: "geen deskundige meer"},
	},
}

// Answer is /answer; its help is told in /ask's.
var Answer = &g.Command{
	Word:    g.W("answer", "antwoord"),
	Summary: "Answer a colleague's question", SummaryNL: "Beantwoord de vraag van een collega",
	HelpOf: "ask",
	Teams:  []string{"personal", "team", "groupChat"},
	Subs: []g.Sub{
		{Args: []g.Arg{{Name: "question", Kind: g.ID, Placeholder: "<question number>", PlaceholderNL: "<vraagnummer>"},
			{Name: "text", Kind: g.Text, Optional: true, Placeholder: "<answer>", PlaceholderNL: "<antwoord>"}},
			Doc:     "answer a question (without an answer it opens a form; or answer in the thread under the question)",
			DocNL:   "beantwoord een vraag (zonder antwoord opent een formulier; of antwoord in de draad onder de vraag)",
			Example: "/answer 12 Through the expenses portal.", ExampleNL: "/antwoord 12 Via het declaratieportaal."},
		{Path: []g.Word{g.W("edit", "bewerk", "wijzig")}, Args: []g.Arg{{Name: "id", Kind: g.ID, Placeholder: "<answer number>", PlaceholderNL: "<antwoordnummer>"},
			{Name: "text", Kind: g.Text, Placeholder: "<text>", PlaceholderNL: "<tekst>"}},
			Doc: "change your answer", DocNL: "wijzig je antwoord"},
		{Path: []g.Word{g.W("accept", "accepteer", "accepteren")}, Partners: true, Args: []g.Arg{{Name: "id", Kind: g.ID, Placeholder: "<answer number>", PlaceholderNL: "<antwoordnummer>"}},
			Doc: "the asker accepts an answer: it goes into the knowledge base", DocNL: "de vrager accepteert een antwoord: het komt in de kennisbank"},
		{Path: []g.Word{removeW}, Args: []g.Arg{{Name: "id", Kind: g.ID, Placeholder: "<answer number>", PlaceholderNL: "<antwoordnummer>"}},
			Doc: "admins: remove an answer", DocNL: "beheerders: haal een antwoord weg"},
	},
}

// KB is /kb; its help is told in /ask's.
var KB = &g.Command{
	Word:    g.W("kb", "kennisbank"),
	Summary: "Search the knowledge base of answered questions", SummaryNL: "Zoek in de kennisbank van beantwoorde vragen",
	HelpOf: "ask",
	Teams:  []string{"personal", "team", "groupChat"},
	Subs: []g.Sub{
		{Partners: true, Args: []g.Arg{{Name: "words", Kind: g.Text, Placeholder: "<words>", PlaceholderNL: "<woorden>"}},
			Doc: "search the knowledge base", DocNL: "zoek in de kennisbank", Example: "/kb travel expenses", ExampleNL: "/kb reiskosten declareren"},
	},
}
