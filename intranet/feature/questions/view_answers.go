package questions

import (
	"fmt"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// The replies of /answer, in Dutch and English.

func ownQuestion(c *feature.Call, q *intranet.Question) intranet.Reply {
	return c.Reply(c.T("Dit is je eigen vraag. Heb je het antwoord zelf gevonden? Sluit hem met `/ask close %d`.", "This is your own question. Found the answer yourself? Close it with `/ask close %d`.", q.ID))
}

// answerForm opens the form that answers q; fromForm marks a form sent
// back empty.
func answerForm(c *feature.Call, q *intranet.Question, fromForm bool) intranet.Reply {
	r := intranet.Reply{Lang: c.Lang, Text: c.T("Typ `/answer %d <je antwoord>`.", "Type `/answer %d <your answer>`.", q.ID),
		Form: &intranet.Form{ID: fmt.Sprintf("%s%d", answerFormID, q.ID), Title: c.T("Vraag #%d beantwoorden", "Answer question #%d", q.ID), SubmitLabel: c.T("Versturen", "Send"),
			Command: fmt.Sprintf("/answer %d <%s>", q.ID, c.T("antwoord", "answer")),
			Fields: []intranet.FormField{{Name: "text", Label: shorten(q.Text, 140), Kind: intranet.FieldLongText, Required: true, MaxLength: 900,
				Placeholder: c.T("Je antwoord", "Your answer")}}}}
	if fromForm {
		r.FieldErrors = map[string]string{"text": c.T("Vul je antwoord in.", "Fill in your answer.")}
	}
	return r
}

func shorten(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

func answered(c *feature.Call, q *intranet.Question, a *intranet.Answer) intranet.Reply {
	return c.Reply(c.T("Dank je! Je antwoord (%d) ging naar %s. Aanpassen: `/answer edit %d <tekst>`.", "Thank you! Your answer (%d) went to %s. To change it: `/answer edit %d <text>`.", a.ID, askerLabel(q), a.ID))
}

func onlyAuthor(c *feature.Call, a *intranet.Answer) intranet.Reply {
	return c.Reply(c.T("Alleen %s, die antwoord %d schreef, kan het bewerken.", "Only %s, who wrote answer %d, can edit it.", feature.Author(c.Lang, a.Author, a.AuthorEmail), a.ID))
}

func answerRemoved(c *feature.Call, a *intranet.Answer) intranet.Reply {
	return c.Reply(c.T("Antwoord %d is verwijderd.", "Answer %d was removed.", a.ID))
}

// answerEdited answers an edit; inKB says whether the answer is the one
// the knowledge base shows.
func answerEdited(c *feature.Call, a *intranet.Answer, inKB bool) intranet.Reply {
	if inKB {
		return c.Reply(c.T("Antwoord %d is bijgewerkt, ook in de kennisbank.", "Answer %d is updated, in the knowledge base too.", a.ID))
	}
	return c.Reply(c.T("Antwoord %d is bijgewerkt.", "Answer %d is updated.", a.ID))
}

func onlyAdminRemoves(c *feature.Call, a *intranet.Answer) intranet.Reply {
	return c.Reply(c.T("Alleen een beheerder kan antwoorden verwijderen; de schrijver kan het bewerken met `/answer edit %d <tekst>`.", "Only an admin can remove answers; its author can edit it with `/answer edit %d <text>`.", a.ID))
}

func removedAlready(c *feature.Call, a *intranet.Answer) intranet.Reply {
	return c.Reply(c.T("Antwoord %d was al verwijderd.", "Answer %d was removed already.", a.ID))
}

func answerRemovedNow(c *feature.Call, a *intranet.Answer) intranet.Reply {
	return c.Reply(c.T("Antwoord %d is verwijderd; de kennisbank toont het niet meer.", "Answer %d is removed; the knowledge base no longer shows it.", a.ID))
}

func cannotAccept(c *feature.Call, a *intranet.Answer) intranet.Reply {
	return c.Reply(c.T("Antwoord %d kan niet geaccepteerd worden.", "Answer %d cannot be accepted.", a.ID))
}

func acceptedAlready(c *feature.Call, q *intranet.Question, a *intranet.Answer) intranet.Reply {
	return c.Reply(c.T("Je had het antwoord van %s op vraag %d al geaccepteerd; het staat in de kennisbank.", "You accepted %s's answer to question %d already; it is in the knowledge base.", feature.Author(c.Lang, a.Author, a.AuthorEmail), q.ID))
}

func acceptedReply(c *feature.Call, q *intranet.Question, a *intranet.Answer) intranet.Reply {
	return c.Reply(c.T("Geaccepteerd: het antwoord van %s op vraag %d staat nu in de kennisbank.", "Accepted: %s's answer to question %d is in the knowledge base now.", feature.Author(c.Lang, a.Author, a.AuthorEmail), q.ID))
}
