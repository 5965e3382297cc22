package questions

import (
	"fmt"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// The cards and direct messages that go to others than the person typing,
// each written in its recipient's language.

// questionCard is the card of a question as posted in channels (inChannel)
// and DMed to experts, in lang; it shows the question's state.
func questionCard(q *intranet.Question, lang string, inChannel bool) intranet.Reply {
	title := feature.T(lang, "Vraag #%d", "Question #%d", q.ID)
	if q.Topic != "" {
		title += " · " + q.Topic
	}
	r := intranet.Reply{Lang: lang, Title: title, Text: q.Text,
		Sections: []intranet.Section{{Fields: []intranet.Field{{Label: feature.T(lang, "Gevraagd door", "Asked by"), Value: askerLabel(q)}}}},
		Buttons:  []intranet.Button{answerButton(q, lang)}}
	if inChannel {
		r.Visibility = intranet.InChannel
		r.Context = []string{feature.T(lang, "Antwoord in de draad onder dit bericht, met de knop of met `/answer %d <antwoord>`.", "Answer in this message's thread, with the button or with `/answer %d <answer>`.", q.ID)}
	} else {
		r.Context = []string{feature.T(lang, "Antwoord met de knop of met `/answer %d <antwoord>`.", "Answer with the button or with `/answer %d <answer>`.", q.ID)}
	}
	switch q.State {
	case intranet.QuestionAnswered:
		r.Context = append(r.Context, feature.T(lang, "Antwoorden tot nu toe: %d.", "Answers so far: %d.", len(q.Answers)))
	case intranet.QuestionAccepted:
		r.Buttons = nil
		if a := q.Accepted(); a != nil {
			r.Sections = append(r.Sections, intranet.Section{Title: feature.T(lang, "Geaccepteerd antwoord van %s", "Accepted answer by %s", feature.Author(lang, a.Author, a.AuthorEmail)), Text: a.Text})
		}
		r.Context = []string{feature.T(lang, "Beantwoord; staat in de kennisbank (`/kb`).", "Answered; in the knowledge base (`/kb`).")}
	case intranet.QuestionClosed, intranet.QuestionSelfServed:
		r.Buttons = nil
		r.Context = []string{feature.T(lang, "Gesloten door %s; er kunnen geen antwoorden meer bij.", "Closed by %s; it takes no more answers.", askerLabel(q))}
		if q.AskerLeft {
			r.Context = []string{feature.T(lang, "Gesloten: gevraagd door een oud-collega, die hier niet meer werkt; er kunnen geen antwoorden meer bij.",
				"Closed: asked by a former colleague, who no longer works here; it takes no more answers.")}
		}
	}
	return r
}

// answerButton opens the answer form of a question (or, typed with a
// text, answers it).
func answerButton(q *intranet.Question, lang string) intranet.Button {
	return intranet.Button{Label: feature.T(lang, "Beantwoorden", "Answer"), Style: intranet.StylePrimary, Command: fmt.Sprintf("/answer %d", q.ID)}
}

// expertDM asks an expert; after the first step it says nobody answered yet.
func expertDM(lang string, q *intranet.Question, step int) intranet.Reply {
	card := questionCard(q, lang, false)
	if step > 0 {
		card.Text = feature.T(lang, "Nog niemand beantwoordde deze vraag van %s; weet jij het?\n\n%s", "Nobody has answered this question of %s yet; do you know?\n\n%s", askerLabel(q), q.Text)
	}
	return card
}

// expertUnreachableDM tells the asker (and the topic's owner) that an
// expert the question went to is reachable on no platform.
func expertUnreachableDM(lang string, q *intranet.Question, expert string) intranet.Reply {
	return intranet.Reply{Text: feature.T(lang, "Ik kon %s nergens een bericht sturen over vraag #%d (%s).", "I could not reach %s anywhere about question #%d (%s).", expert, q.ID, shorten(q.Text, 80))}
}

// oneOfTheExperts names an expert to a partner, who is not told who the
// experts are.
func oneOfTheExperts(lang string, topic *intranet.Topic) string {
	if topic == nil {
		return feature.T(lang, "een van de deskundigen", "one of the experts")
	}
	return feature.T(lang, "een van de deskundigen van %s", "one of the experts of %s", topic.Name)
}

// ownerDM tells a topic's owner of a question nobody answered.
func ownerDM(lang string, q *intranet.Question, topic *intranet.Topic, loc *time.Location) intranet.Reply {
	card := questionCard(q, lang, false)
	card.Title = feature.T(lang, "Onbeantwoorde vraag #%d · %s", "Unanswered question #%d · %s", q.ID, topic.Name)
	card.Text = feature.T(lang, "Je bent eigenaar van %s. Niemand beantwoordde deze vraag van %s (gesteld %s); kun jij hem beantwoorden of iemand vragen die het weet?\n\n%s",
		"You own %s. Nobody answered this question of %s (asked %s); can you answer it or ask someone who knows?\n\n%s",
		topic.Name, askerLabel(q), dayTime(q.Created, loc, lang), q.Text)
	return card
}

// answerDM brings an answer to the asker.
func answerDM(lang string, q *intranet.Question, a *intranet.Answer, author *intranet.Person) intranet.Reply {
	return intranet.Reply{Title: feature.T(lang, "Antwoord op je vraag #%d", "An answer to your question #%d", q.ID), Text: a.Text,
		Sections: []intranet.Section{{Fields: []intranet.Field{{Label: feature.T(lang, "Van", "From"), Value: author.Name}, {Label: feature.T(lang, "Je vroeg", "You asked"), Value: shorten(q.Text, 200)}}}},
		Buttons: []intranet.Button{
			{Label: feature.T(lang, "Accepteren", "Accept"), Style: intranet.StylePrimary, Command: fmt.Sprintf("/answer accept %d", a.ID)},
			{Label: feature.T(lang, "Vraag sluiten", "Close question"), Command: fmt.Sprintf("/ask close %d", q.ID)},
		},
		Context: []string{feature.T(lang, "Helpt dit? Accepteer het, dan komt het in de kennisbank.", "Does this help? Accept it and it goes into the knowledge base.")}}
}

// acceptedDM thanks the author of an accepted answer.
func acceptedDM(lang string, q *intranet.Question, a *intranet.Answer) intranet.Reply {
	return intranet.Reply{Text: feature.T(lang, "%s accepteerde je antwoord op vraag #%d (%s); het staat nu in de kennisbank. Dank je!",
		"%s accepted your answer to question #%d (%s); it is in the knowledge base now. Thank you!", askerLabel(q), q.ID, shorten(q.Text, 120))}
}

// askerLabel is the asker as employees see them: a partner with their
// organisation ("Anna Smit · Thuiszorg Midden (partner)"). A partner sees
// only their own organisation's questions, so the label tells them
// nothing new.
func askerLabel(q *intranet.Question) string {
	return intranet.PartnerLabel(q.Asker, q.AskerOrganisation)
}
