package handover_test

import (
	"context"
	"strings"
	"testing"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// TestHandoverHome: the home shows the open requests of the caller's
// teams that /handover take would give them, with the card's button;
// not their own, not another team's, not one that needs a skill they lack.
func TestHandoverHome(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		u := setup(t, e, 0, nil)
		home := func(email, lang string) (string, int) {
			t.Helper()
			p, err := e.Store.FindPersonByEmail(context.Background(), email)
			if err != nil {
				t.Fatal(err)
			}
			secs, err := u.Home(context.Background(), &feature.Call{Req: coretest.Request(email, "", ""), Person: p, Lang: lang})
			if err != nil {
				t.Fatal(err)
			}
			return coretest.All(intranet.Reply{Sections: secs}), len(secs)
		}
		if got, n := home(jan, "nl"); n != 0 {
			t.Errorf("home without requests:\n%s", got)
		}
		w := coretest.Wants
		w(t, "skill", say(e, pieter, "", "/handover morgen 14:00-22:00 Wondbehandeling needs:wondzorg"), "Overdracht 1")
		w(t, "plain", say(e, pieter, "", "/handover morgen 07:00-15:00 Ochtendronde"), "Overdracht 2")
		w(t, "west", say(e, kees, "", "/handover morgen 07:00-15:00 Westronde"), "Overdracht 3")

		got, n := home(jan, "nl")
		w(t, "jan", got, "Diensten die je kunt overnemen", "Ochtendronde", "van Pieter Jansen", "[Ik neem hem: /handover take 2]")
		coretest.Lacks(t, "jan", got, "Wondbehandeling", "Westronde", "/handover take 1", "/handover take 3")
		if n != 1 {
			t.Errorf("jan's home has %d requests, want 1", n)
		}
		got, _ = home(anouk, "en")
		w(t, "anouk", got, "Shifts you can take over", "Ochtendronde", "Wondbehandeling", "from Pieter Jansen", "[I'll take it: /handover take 1]", "[I'll take it: /handover take 2]")
		coretest.Lacks(t, "anouk", got, "Westronde")
		if got, n := home(pieter, "nl"); n != 0 {
			t.Errorf("pieter's own requests on his home:\n%s", got)
		}
		if got, n := home(kees, "nl"); n != 0 {
			t.Errorf("another team's requests on kees' home:\n%s", got)
		}

		w(t, "take", press(e, jan, "/handover take 2"), "Je neemt de dienst over")
		got, _ = home(anouk, "nl")
		coretest.Lacks(t, "taken", got, "Ochtendronde")
		w(t, "taken", got, "Wondbehandeling")

		for i := 0; i < 6; i++ {
			say(e, pieter, "", "/handover overmorgen 07:00-15:00 Ronde")
		}
		if _, n := home(anouk, "nl"); n != 5 {
			t.Errorf("anouk's home has %d requests, want at most 5", n)
		}
	})
}

// TestHandoverHomeNotOnGuestAccount: a platform's guest account linked to
// an employee's address (/werkplek home is open to guests) shows none of
// the requests of that employee's teams; their own account does.
func TestHandoverHomeNotOnGuestAccount(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		u := setup(t, e, 0, nil)
		coretest.Wants(t, "ask", say(e, pieter, "", "/handover morgen 07:00-15:00 Ochtendronde"), "Overdracht 1")
		p, err := e.Store.FindPersonByEmail(context.Background(), jan)
		if err != nil {
			t.Fatal(err)
		}
		for _, guest := range []bool{false, true} {
			secs, err := u.Home(context.Background(), &feature.Call{Req: coretest.Request(jan, "", ""), Person: p, Guest: guest, Lang: "nl"})
			if err != nil {
				t.Fatal(err)
			}
			if got := coretest.All(intranet.Reply{Sections: secs}); guest != !strings.Contains(got, "Ochtendronde") {
				t.Errorf("guest account %v: %q", guest, got)
			}
		}
	})
}
