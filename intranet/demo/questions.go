package demo

import "time"

// QuestionChannel is the console channel where questions about
// Declaraties are posted in the demo.
const QuestionChannel = "vragen"

// Topic is a question topic of the demo: its owner and named experts by
// email, and a console channel ("" for none). People whose skills match the
// name (Wondzorg) are experts too.
type Topic struct {
	Name    string
	Owner   string
	Experts []string
	Channel string
	// Partners opens the topic to partners.
	Partners bool
}

// Question is a question of the demo, asked Age before the demo is
// seeded; with an Answer it is answered (and accepted when Accepted).
type Question struct {
	Topic, Asker, Text string
	Answerer, Answer   string
	Accepted           bool
	Age                time.Duration
}

// Topics returns the demo's question topics.
func Topics() []Topic {
	fin := inDepartment("Financiën", 2)
	ict := inDepartment("ICT", 2)
	return []Topic{
		{Name: "Declaraties", Owner: "marieke.terhorst@example.nl", Experts: fin, Channel: QuestionChannel},
		{Name: "Wondzorg", Owner: "anouk.vandenberg@example.nl", Experts: []string{"pieter.jansen@example.nl"}, Channel: "wondzorg"},
		{Name: "ICT", Owner: "sanne.muller@example.nl", Experts: append([]string{"sanne.muller@example.nl"}, ict...)},
		{Name: "Hulpmiddelen", Owner: "anouk.vandenberg@example.nl", Experts: []string{"anouk.vandenberg@example.nl"}, Partners: true},
	}
}

// Questions returns the demo's questions, oldest first: a few answered and
// accepted ones that /kb finds, and one about Wondzorg still open, which
// the demo user (a wound care expert by skill) can answer.
func Questions() []Question {
	fin := inDepartment("Financiën", 1)[0]
	fac := inDepartment("Facilitair", 1)[0]
	return []Question{
		{Topic: "Declaraties", Asker: "anna.bakker@example.nl", Text: "Hoe declareer ik mijn reiskosten voor een cursus?", Answerer: fin, Accepted: true, Age: 21 * 24 * time.Hour,
			Answer: "Via het declaratieportaal op intranet: kies Reiskosten, vul de kilometers in en voeg de bonnetjes als foto toe. Je krijgt het met het volgende salaris."},
		{Topic: "Wondzorg", Asker: "anna.bakker@example.nl", Text: "Welk verband gebruik ik bij een decubituswond categorie 2?", Answerer: "pieter.jansen@example.nl", Accepted: true, Age: 14 * 24 * time.Hour,
			Answer: "Een hydrocolloïdverband, twee keer per week wisselen; staat ook in het wondzorgprotocol op intranet."},
		{Topic: "ICT", Asker: "bjorn.hansen@example.nl", Text: "How do I reset my password for the roster app?", Answerer: "sanne.muller@example.nl", Accepted: true, Age: 9 * 24 * time.Hour,
			Answer: "Use the self-service page (Forgot password) on the login screen; the servicedesk can reset it too."},
		{Asker: "eva.deboer@example.nl", Text: "Waar vraag ik een parkeerpas aan voor het kantoor in Utrecht?", Answerer: fac, Accepted: true, Age: 5 * 24 * time.Hour,
			Answer: "Bij Facilitair, met het formulier Parkeerpas op intranet; de pas ligt na twee werkdagen bij de receptie."},
		{Topic: "Wondzorg", Asker: "anna.bakker@example.nl", Text: "Mag ik zilververband gebruiken bij een cliënt met een jodiumallergie?", Age: 2 * time.Hour},
	}
}

// inDepartment returns the emails of the first n people of a department
// who lead no team (the demo is deterministic, so they are always the same).
func inDepartment(name string, n int) []string {
	var out []string
	for _, p := range People() {
		if p.Department == name && p.Title != "Teamleider" && len(out) < n {
			out = append(out, p.Email)
		}
	}
	return out
}
