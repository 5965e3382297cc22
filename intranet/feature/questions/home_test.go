package questions_test

import (
	"context"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// TestQuestionsHome: the home shows the open questions waiting for the
// caller: of a topic they are a named expert of, or sent to them by their
// skill at the step the question reached; not their own, not answered
// ones, not those that went to others.
func TestQuestionsHome(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		e.Now = time.Date(2026, 11, 23, 10, 0, 0, 0, coretest.Amsterdam)
		u := setup(t, e)
		home := func(email, lang string) (string, int) {
			t.Helper()
			p, err := e.Store.FindPersonByEmail(ctx, email)
			if err != nil {
				t.Fatal(err)
			}
			secs, err := u.Home(ctx, &feature.Call{Req: coretest.Request(email, "", ""), Person: p, Lang: lang})
			if err != nil {
				t.Fatal(err)
			}
			return coretest.All(intranet.Reply{Sections: secs}), len(secs)
		}
		w := coretest.Wants
		say(e, femke, "", "/ask topic add Declaraties")
		w(t, "expert", say(e, femke, "", "/ask expert add Declaraties "+pieter), "is deskundige")
		w(t, "ask 1", say(e, jan, "", "/ask Hoe declareer ik mijn reiskosten? topic:Declaraties"), "Vraag #1 gesteld")

		got, _ := home(pieter, "en")
		w(t, "named expert", got, "Questions for you", "*#1* · Declaraties · from Jan de Vries", "Hoe declareer ik mijn reiskosten?", "[Answer: /answer 1]")
		got, _ = home(eva, "nl")
		w(t, "skill expert", got, "Vragen voor jou", "van Jan de Vries", "[Beantwoorden: /answer 1]")
		for _, who := range []string{jan, kees} {
			if got, n := home(who, "nl"); n != 0 {
				t.Errorf("%s's home:\n%s", who, got)
			}
		}

		// Five more named experts: Eva, by her skill, is the seventh, asked
		// at the first escalation only.
		for _, who := range others[:5] {
			w(t, "expert", say(e, femke, "", "/ask expert add Declaraties "+who), "is deskundige")
		}
		w(t, "ask 2", say(e, jan, "", "/ask Wie keurt overuren goed? topic:Declaraties"), "Vraag #2 gesteld")
		// (The experts are who they are now, for question 1 as well.)
		if got, n := home(eva, "nl"); n != 0 {
			t.Errorf("eva, not asked yet:\n%s", got)
		}
		got, n := home(pieter, "nl")
		w(t, "pieter", got, "[Beantwoorden: /answer 2]", "[Beantwoorden: /answer 1]")
		if n != 2 {
			t.Errorf("pieter's home has %d questions, want 2", n)
		}
		if err := e.Store.SetQuestionStep(ctx, 2, 1); err != nil {
			t.Fatal(err)
		}
		got, _ = home(eva, "nl")
		w(t, "escalated", got, "[Beantwoorden: /answer 2]")
		coretest.Lacks(t, "escalated", got, "/answer 1]")

		w(t, "answer", say(e, pieter, "", "/answer 1 Via het portaal."), "Thank you!")
		got, _ = home(pieter, "nl")
		coretest.Lacks(t, "answered", got, "/answer 1]")
		w(t, "answered", got, "/answer 2]")

		for i := 0; i < 6; i++ {
			say(e, jan, "", "/ask Waar vind ik formulier nummer "+string(rune('a'+i))+"? topic:Declaraties")
		}
		if _, n := home(pieter, "nl"); n != 5 {
			t.Errorf("pieter's home has %d questions, want at most 5", n)
		}
	})
}
