package questions

import (
	"fmt"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/grammar"
	"github.com/werkplek/werkplek/intranet/when"
)

// This file holds the replies to the person asking, answering or managing
// topics, in Dutch and English; view_messages.go holds the cards and DMs
// that go to others.

// askUsage is the right form of a question, with its example.
func askUsage(c *feature.Call) string { return grammar.UsageSentence(Ask, &Ask.Subs[0], c.Lang) }

func noQuestion(c *feature.Call, id int64) intranet.Reply {
	return c.Reply(c.T("Er is geen vraag %d.", "There is no question %d.", id))
}

func noAnswer(c *feature.Call, id int64) intranet.Reply {
	return c.Reply(c.T("Er is geen antwoord %d.", "There is no answer %d.", id))
}

func unknownForm(c *feature.Call) intranet.Reply {
	return c.Reply(c.T("Dat formulier ken ik niet.", "I don't know that form."))
}

func tellMore(c *feature.Call) intranet.Reply {
	return c.Reply(c.T("Kun je wat meer vertellen? Met één woord weten de deskundigen niet wat je bedoelt.", "Could you tell a little more? With one word the experts cannot tell what you mean.") +
		" " + c.Usage())
}

// withoutTopic offers to ask a question whose topic was not found without one.
func withoutTopic(c *feature.Call, r *intranet.Reply) {
	r.Text += " " + c.T("Of vraag het zonder onderwerp.", "Or ask without a topic.")
	r.Buttons = append(r.Buttons, intranet.Button{Label: c.T("Vraag zonder onderwerp", "Ask without a topic"), Command: c.Cmd.Without("topic").String()})
}

// whichTopic asks for the topic of a question nobody would get, with a
// button per topic that asks it again with that topic (when ask is set).
func whichTopic(c *feature.Call, ask *grammar.Parsed, text string, topics []*intranet.Topic) intranet.Reply {
	if len(topics) == 0 {
		return c.Reply(c.T("Ik weet niet bij wie ik dit moet vragen: er zijn nog geen onderwerpen met deskundigen. Een beheerder maakt ze met `/ask topic add <naam>`.",
			"I don't know whom to ask: there are no topics with experts yet. An admin creates them with `/ask topic add <name>`."))
	}
	r := c.Reply(c.T("Bij welk onderwerp hoort je vraag? Dan weet ik wie het weet. Typ `/ask %s topic:<onderwerp>` of kies:",
		"Which topic is your question about? Then I know who knows. Type `/ask %s topic:<topic>` or choose:", text))
	if ask == nil {
		return r
	}
	for _, t := range topics[:min(len(topics), 8)] {
		r.Buttons = append(r.Buttons, intranet.Button{Label: t.Name, Command: ask.SetText("topic", t.Name).String()})
	}
	return r
}

// earlierAnswers shows the earlier answers found for a new question, kept
// as draft q.
func earlierAnswers(c *feature.Call, loc *time.Location, q *intranet.Question, matches []intranet.KnowledgeMatch) intranet.Reply {
	r := intranet.Reply{Lang: c.Lang, Title: c.T("Misschien is dit al beantwoord", "Maybe this was answered already"),
		Text: c.T("Ik vond eerdere antwoorden op je vraag: \"%s\". Helpt een ervan?", "I found earlier answers to your question: \"%s\". Does one of them help?", q.Text)}
	for _, m := range matches {
		s := kbSection(c, loc, m.Question)
		s.Buttons = []intranet.Button{{Label: c.T("Dit beantwoordt het", "This answers it"), Style: intranet.StylePrimary, Command: fmt.Sprintf("/ask solved %d", q.ID)}}
		r.Sections = append(r.Sections, s)
	}
	r.Buttons = []intranet.Button{{Label: c.T("Toch vragen", "Ask anyway"), Command: fmt.Sprintf("/ask send %d", q.ID)}}
	r.Context = []string{c.T("Vraag %d (nog niet verstuurd)", "Question %d (not sent yet)", q.ID)}
	return r
}

// asked tells the asker where the question went and its reference.
func asked(c *feature.Call, q *intranet.Question, topic *intranet.Topic, sent sentTo) intranet.Reply {
	r := intranet.Reply{Lang: c.Lang, Title: c.T("Vraag #%d gesteld", "Question #%d asked", q.ID)}
	var where []string
	// A partner is shown neither the internal channels nor the experts'
	// names (only their contacts are theirs to know), only the topic.
	switch {
	case c.Partner() != 0 && (len(sent.channels) > 0 || len(sent.experts) > 0) && topic != nil:
		where = append(where, c.T("naar de deskundigen van %s", "to the experts of %s", topic.Name))
	case c.Partner() != 0:
	default:
		if len(sent.channels) > 0 {
			where = append(where, c.T("in %s", "in %s", strings.Join(sent.channels, ", ")))
		}
		if len(sent.experts) > 0 {
			where = append(where, c.T("aan %s", "to %s", strings.Join(sent.experts, ", ")))
		}
	}
	if len(where) == 0 {
		hint := c.T("Kies een onderwerp met deskundigen (`/ask topic list`).", "Pick a topic with experts (`/ask topic list`).")
		switch {
		case c.Partner() != 0:
			hint = c.T("Je contactpersoon hier kan je verder helpen.", "Your contact person here can help you further.")
		case topic != nil:
			hint = c.T("Een beheerder of de eigenaar van %s voegt deskundigen toe met `/ask expert add %s <persoon>`.", "An admin or the owner of %s adds experts with `/ask expert add %s <person>`.", topic.Name, feature.Quote(topic.Name))
		}
		r.Text = c.T("Je vraag is bewaard als #%d, maar ik kon niemand bereiken: er is geen kanaal of deskundige. %s", "Your question is saved as #%d, but I could not reach anyone: there is no channel or expert. %s", q.ID, hint)
	} else {
		r.Text = c.T("Je vraag ging %s. Je krijgt elk antwoord van me; noem #%d als je ernaar verwijst.", "Your question went %s. I'll send you every answer; mention #%d when you refer to it.", strings.Join(where, c.T(" en ", " and ")), q.ID)
	}
	r.Buttons = []intranet.Button{{Label: c.T("Vraag sluiten", "Close question"), Style: intranet.StyleDanger, Command: fmt.Sprintf("/ask close %d", q.ID)}}
	return r
}

// onlyAsker refuses what only the asker of q may do.
func onlyAsker(c *feature.Call, q *intranet.Question, what string) intranet.Reply {
	switch what {
	case "send":
		return c.Reply(c.T("Alleen %s, die vraag %d stelde, kan hem versturen.", "Only %s, who asked question %d, can send it.", askerLabel(q), q.ID))
	case "solved":
		return c.Reply(c.T("Alleen %s, die vraag %d stelde, kan dat zeggen.", "Only %s, who asked question %d, can say that.", askerLabel(q), q.ID))
	case "accept":
		return c.Reply(c.T("Alleen %s, die vraag %d stelde, kan een antwoord accepteren.", "Only %s, who asked question %d, can accept an answer.", askerLabel(q), q.ID))
	}
	return c.Reply(c.T("Alleen %s, die vraag %d stelde, kan hem sluiten.", "Only %s, who asked question %d, can close it.", askerLabel(q), q.ID))
}

func solved(c *feature.Call) intranet.Reply {
	return c.Reply(c.T("Mooi dat een eerder antwoord hielp; ik heb je vraag niet verstuurd.", "Glad an earlier answer helped; I did not send your question."))
}

func closed(c *feature.Call, q *intranet.Question) intranet.Reply {
	return c.Reply(c.T("Vraag %d is gesloten; er komen geen antwoorden meer bij.", "Question %d is closed; it takes no more answers.", q.ID))
}

// stateText says where a question is, for a change that cannot be made.
func stateText(c *feature.Call, q *intranet.Question) string {
	switch q.State {
	case intranet.QuestionDraft:
		return c.T("Vraag %d is nog niet verstuurd (`/ask send %d`).", "Question %d was not sent yet (`/ask send %d`).", q.ID, q.ID)
	case intranet.QuestionOpen:
		return c.T("Vraag %d is al verstuurd en wacht op een antwoord.", "Question %d was sent already and waits for an answer.", q.ID)
	case intranet.QuestionAnswered:
		return c.T("Vraag %d is al verstuurd en heeft antwoorden.", "Question %d was sent already and has answers.", q.ID)
	case intranet.QuestionAccepted:
		return c.T("Vraag %d is al beantwoord: %s accepteerde een antwoord.", "Question %d is answered already: %s accepted an answer.", q.ID, askerLabel(q))
	case intranet.QuestionSelfServed:
		return c.T("Vraag %d is niet verstuurd: een eerder antwoord hielp.", "Question %d was not sent: an earlier answer helped.", q.ID)
	}
	return c.T("Vraag %d is gesloten.", "Question %d is closed.", q.ID)
}

// settledText says why a question takes no more answers.
func settledText(c *feature.Call, q *intranet.Question) string {
	switch q.State {
	case intranet.QuestionAccepted:
		return c.T("Vraag %d is al beantwoord: %s accepteerde een antwoord. Dank je toch!", "Question %d is answered already: %s accepted an answer. Thanks all the same!", q.ID, askerLabel(q))
	case intranet.QuestionDraft:
		return c.T("Vraag %d is nog niet verstuurd.", "Question %d was not sent.", q.ID)
	case intranet.QuestionSelfServed:
		return c.T("Vraag %d is niet verstuurd: een eerder antwoord hielp %s al.", "Question %d was not sent: an earlier answer helped %s already.", q.ID, askerLabel(q))
	}
	return c.T("Vraag %d is gesloten door %s; er kunnen geen antwoorden meer bij.", "Question %d was closed by %s; it takes no more answers.", q.ID, askerLabel(q))
}

// stateName names a state in the caller's language.
func stateName(c *feature.Call, s intranet.QuestionState) string {
	switch s {
	case intranet.QuestionDraft:
		return c.T("niet verstuurd", "not sent")
	case intranet.QuestionOpen:
		return c.T("wacht op antwoord", "waiting for an answer")
	case intranet.QuestionAnswered:
		return c.T("beantwoord", "answered")
	case intranet.QuestionAccepted:
		return c.T("geaccepteerd", "accepted")
	case intranet.QuestionSelfServed:
		return c.T("eerder antwoord hielp", "an earlier answer helped")
	}
	return c.T("gesloten", "closed")
}

// dayTime is a moment as "vr 27 nov 2026 14:00".
func dayTime(t time.Time, loc *time.Location, lang string) string {
	return when.DateOf(t, loc).Format(lang) + " " + t.In(loc).Format("15:04")
}

// questionView shows a question with its answers.
func questionView(c *feature.Call, loc *time.Location, q *intranet.Question) intranet.Reply {
	title := c.T("Vraag #%d", "Question #%d", q.ID)
	if q.Topic != "" {
		title += " · " + q.Topic
	}
	r := intranet.Reply{Lang: c.Lang, Title: title, Text: q.Text,
		Context: []string{c.T("Gesteld door %s, %s · %s", "Asked by %s, %s · %s", askerLabel(q), dayTime(q.Created, loc, c.Lang), stateName(c, q.State))}}
	mine := q.AskerID == c.Person.ID
	for _, a := range q.Answers {
		s := intranet.Section{Title: byline(c, loc, a, a.ID == q.AcceptedAnswerID), Text: a.Text}
		if mine && (q.State == intranet.QuestionAnswered || q.State == intranet.QuestionAccepted) && a.ID != q.AcceptedAnswerID {
			s.Buttons = []intranet.Button{{Label: c.T("Accepteren", "Accept"), Style: intranet.StylePrimary, Command: fmt.Sprintf("/answer accept %d", a.ID)}}
		}
		r.Sections = append(r.Sections, s)
	}
	// Partners ask; the experts answer.
	if !q.Settled() && !mine && c.Partner() == 0 {
		r.Buttons = append(r.Buttons, intranet.Button{Label: c.T("Beantwoorden", "Answer"), Style: intranet.StylePrimary, Command: fmt.Sprintf("/answer %d", q.ID)})
	}
	if mine && (q.State == intranet.QuestionOpen || q.State == intranet.QuestionAnswered || q.State == intranet.QuestionDraft) {
		r.Buttons = append(r.Buttons, intranet.Button{Label: c.T("Vraag sluiten", "Close question"), Style: intranet.StyleDanger, Command: fmt.Sprintf("/ask close %d", q.ID)})
	}
	return r
}

// byline says who answered when.
func byline(c *feature.Call, loc *time.Location, a intranet.Answer, accepted bool) string {
	s := c.T("Antwoord %d van %s, %s", "Answer %d by %s, %s", a.ID, feature.Author(c.Lang, a.Author, a.AuthorEmail), dayTime(a.Created, loc, c.Lang))
	if !a.Edited.IsZero() {
		s += c.T(" (bewerkt)", " (edited)")
	}
	if accepted {
		s += " ✓ " + c.T("geaccepteerd", "accepted")
	}
	return s
}

// kbSection shows a question found in the knowledge base with its best
// answer (the accepted one, else the latest), who answered and when.
func kbSection(c *feature.Call, loc *time.Location, q *intranet.Question) intranet.Section {
	a := q.Accepted()
	if a == nil && len(q.Answers) > 0 {
		a = &q.Answers[len(q.Answers)-1]
	}
	s := intranet.Section{Title: fmt.Sprintf("#%d · %s", q.ID, q.Text)}
	if a != nil {
		s.Text = a.Text
		s.Fields = []intranet.Field{{Label: c.T("Beantwoord door", "Answered by"), Value: fmt.Sprintf("%s, %s", feature.Author(c.Lang, a.Author, a.AuthorEmail), when.DateOf(a.Created, loc).Format(c.Lang))}}
		if q.Topic != "" {
			s.Fields = append(s.Fields, intranet.Field{Label: c.T("Onderwerp", "Topic"), Value: q.Topic})
		}
	}
	if q.AskerOrganisation != "" && c.Partner() == 0 {
		// Employees see that a partner asked it.
		s.Fields = append(s.Fields, intranet.Field{Label: c.T("Gevraagd door", "Asked by"), Value: askerLabel(q)})
	}
	return s
}

// knowledge shows what the knowledge base has on words.
func knowledge(c *feature.Call, loc *time.Location, words string, matches []intranet.KnowledgeMatch) intranet.Reply {
	if len(matches) == 0 && c.Partner() != 0 {
		// A partner searches their own organisation's questions only.
		return c.Reply(c.T("De vragen van je organisatie hebben niets over %q. Vraag het de deskundigen met `/ask <vraag>`.", "Your organisation's questions have nothing on %q. Ask the experts with `/ask <question>`.", words))
	}
	if len(matches) == 0 {
		return c.Reply(c.T("De kennisbank heeft niets over %q. Vraag het je collega's met `/ask <vraag>`.", "The knowledge base has nothing on %q. Ask your colleagues with `/ask <question>`.", words))
	}
	r := intranet.Reply{Lang: c.Lang, Title: c.T("Kennisbank: %s", "Knowledge base: %s", words)}
	for _, m := range matches {
		s := kbSection(c, loc, m.Question)
		s.Buttons = []intranet.Button{{Label: c.T("Toon", "Show"), Command: fmt.Sprintf("/ask show %d", m.Question.ID)}}
		r.Sections = append(r.Sections, s)
	}
	return r
}

// mine lists the caller's questions.
func mine(c *feature.Call, list []*intranet.Question) intranet.Reply {
	if len(list) == 0 {
		return c.Reply(c.T("Je stelde nog geen vragen.", "You asked no questions yet.") + " " + askUsage(c))
	}
	r := intranet.Reply{Lang: c.Lang, Title: c.T("Mijn vragen", "My questions")}
	for _, q := range list {
		s := intranet.Section{Text: fmt.Sprintf("*#%d* · %s · %s · %s", q.ID, q.Text, stateName(c, q.State), c.N(len(q.Answers), "antwoord", "antwoorden", "answer", "answers"))}
		s.Buttons = []intranet.Button{{Label: c.T("Toon", "Show"), Command: fmt.Sprintf("/ask show %d", q.ID)}}
		r.Sections = append(r.Sections, s)
	}
	return r
}
