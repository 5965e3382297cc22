package questions_test

import (
	"testing"

	"github.com/werkplek/werkplek/internal/coretest"
)

// TestMineCounts: a question with one answer says "1 antwoord" ("1
// answer"), not "1 antwoorden".
func TestMineCounts(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		setup(t, e)
		say(e, femke, "", "/ask topic add Declaraties")
		say(e, femke, "", "/ask expert add Declaraties eva.bakker@example.nl")
		coretest.Wants(t, "ask", say(e, jan, "", "/ask Hoe declareer ik mijn reiskosten? topic:Declaraties"), "Vraag #1 gesteld")
		coretest.Wants(t, "answer", say(e, kees, "", "/answer 1 Via het portaal."), "Dank je!")
		got := say(e, jan, "", "/ask mine")
		coretest.Wants(t, "nl", got, "#1", "· 1 antwoord\n")
		coretest.Lacks(t, "nl", got, "1 antwoorden")
		coretest.Wants(t, "ask en", say(e, pieter, "", "/ask Where do I find the parking form? topic:Declaraties"), "Question #2 asked")
		say(e, kees, "", "/answer 2 In the portal.")
		say(e, jan, "", "/answer 2 Ask Femke.")
		coretest.Wants(t, "en", say(e, pieter, "", "/ask mine"), "#2", "· 2 answers\n")
		coretest.Wants(t, "en", say(e, kees, "", "/werkplek language en"), "English")
		say(e, kees, "", "/ask Who approves overtime? topic:Declaraties")
		say(e, pieter, "", "/answer 3 Your team lead.")
		got = say(e, kees, "", "/ask mine")
		coretest.Wants(t, "en one", got, "#3", "· 1 answer\n")
		coretest.Lacks(t, "en one", got, "1 answers")
	})
}
