package questions_test

import (
	"context"
	"testing"

	"github.com/werkplek/werkplek/internal/coretest"
)

// TestAnswerAcceptAgain: accepting the accepted answer again says it is
// accepted already, not a fresh success, and tells its author nothing
// new; accepting another answer still moves the acceptance.
func TestAnswerAcceptAgain(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		setup(t, e)
		say(e, femke, "", "/ask topic add Declaraties")
		say(e, femke, "", "/ask expert add Declaraties "+eva)
		coretest.Wants(t, "ask", say(e, jan, "", "/ask Hoe declareer ik reiskosten? topic:Declaraties"), "Vraag #1 gesteld")
		coretest.Wants(t, "answer 1", say(e, eva, "", "/answer 1 Via het declaratieportaal."), "Dank je!")
		coretest.Wants(t, "answer 2", say(e, pieter, "", "/answer 1 Ask HR."), "Thank you!")
		coretest.Wants(t, "accept", press(e, jan, "/answer accept 1"), "Geaccepteerd: het antwoord van Eva Bakker op vraag 1 staat nu in de kennisbank.")
		told := len(e.Posters.DMs("console", eva))

		got := press(e, jan, "/answer accept 1")
		coretest.Wants(t, "again", got, "Je had het antwoord van Eva Bakker op vraag 1 al geaccepteerd; het staat in de kennisbank.")
		coretest.Lacks(t, "again", got, "Geaccepteerd:")
		if n := len(e.Posters.DMs("console", eva)); n != told {
			t.Errorf("the author got %d more DMs", n-told)
		}

		coretest.Wants(t, "another", press(e, jan, "/answer accept 2"), "Geaccepteerd: het antwoord van Pieter Jansen op vraag 1")
		say(e, jan, "", "/werkplek language en")
		coretest.Wants(t, "again in English", press(e, jan, "/answer accept 2"), "You accepted Pieter Jansen's answer to question 1 already; it is in the knowledge base.")
	})
}

// TestAnswerEditKnowledgeBase: an edited answer is said to be in the
// knowledge base only when it is the question's accepted answer.
func TestAnswerEditKnowledgeBase(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		setup(t, e)
		say(e, femke, "", "/ask topic add Declaraties")
		say(e, femke, "", "/ask expert add Declaraties "+eva)
		coretest.Wants(t, "ask", say(e, jan, "", "/ask Hoe declareer ik reiskosten? topic:Declaraties"), "Vraag #1 gesteld")
		coretest.Wants(t, "answer 1", say(e, eva, "", "/answer 1 Via het declaratieportaal."), "Dank je!")
		coretest.Wants(t, "answer 2", say(e, pieter, "", "/answer 1 Ask HR."), "Thank you!")

		// Not accepted yet.
		got := say(e, eva, "", "/answer edit 1 Via het declaratieportaal, met bonnetjes.")
		coretest.Wants(t, "edit unaccepted", got, "Antwoord 1 is bijgewerkt.")
		coretest.Lacks(t, "edit unaccepted", got, "kennisbank")

		coretest.Wants(t, "accept", press(e, jan, "/answer accept 1"), "staat nu in de kennisbank")
		coretest.Wants(t, "edit accepted", say(e, eva, "", "/answer edit 1 Via het portaal Declaro."), "Antwoord 1 is bijgewerkt, ook in de kennisbank.")
		// The other answer of the accepted question is not in it.
		got = say(e, pieter, "", "/answer edit 2 Ask HR, room 12.")
		coretest.Wants(t, "edit other", got, "Answer 2 is updated.")
		coretest.Lacks(t, "edit other", got, "knowledge base")
	})
}

// TestErasedAuthor: the answers of an erased person stay in the knowledge
// base, written by "a former colleague" in the reader's language.
func TestErasedAuthor(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		setup(t, e)
		say(e, femke, "", "/ask topic add Declaraties")
		say(e, femke, "", "/ask expert add Declaraties "+eva)
		say(e, jan, "", "/ask Hoe declareer ik reiskosten? topic:Declaraties")
		say(e, eva, "", "/answer 1 Via het declaratieportaal.")
		press(e, jan, "/answer accept 1")
		p, err := e.Store.FindPersonByEmail(context.Background(), eva)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.Store.ErasePerson(context.Background(), p.ID); err != nil {
			t.Fatal(err)
		}
		got := say(e, jan, "", "/ask show 1")
		coretest.Wants(t, "Dutch", got, "Via het declaratieportaal.", "een voormalig collega")
		coretest.Lacks(t, "Dutch", got, "Eva Bakker", "Former colleague")
		coretest.Wants(t, "again", press(e, jan, "/answer accept 1"), "Je had het antwoord van een voormalig collega op vraag 1 al geaccepteerd")
		say(e, jan, "", "/werkplek language en")
		coretest.Wants(t, "English", say(e, jan, "", "/ask show 1"), "a former colleague")
	})
}
