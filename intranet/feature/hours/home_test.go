package hours_test

import (
	"context"
	"testing"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// home is the hours part of email's home in lang: every text, and how
// many sections.
func (e *entryEnv) home(email, lang string) (string, int) {
	e.T.Helper()
	p, err := e.Store.FindPersonByEmail(context.Background(), email)
	if err != nil {
		e.T.Fatal(err)
	}
	secs, err := e.unit.Home(context.Background(), &feature.Call{Req: coretest.Request(email, "", ""), Person: p, Guest: p.IsGuest(), Lang: lang})
	if err != nil {
		e.T.Fatal(err)
	}
	return coretest.All(intranet.Reply{Sections: secs}), len(secs)
}

// TestHoursHome: the home shows the caller's week (hours, km, state) with
// Submit while it may be submitted, nothing when they wrote nothing; and
// an approver how many weeks wait for them.
func TestHoursHome(t *testing.T) {
	entriesEnv(t, func(t *testing.T, e *entryEnv) {
		w, l := coretest.Wants, coretest.Lacks
		for _, who := range []string{jan, anouk, coretest.Gijs} {
			if got, n := e.home(who, "nl"); n != 0 {
				t.Errorf("%s's home without hours:\n%s", who, got)
			}
		}
		w(t, "hours", e.say(jan, "/uren vandaag 07:00-15:30 pauze:30"), "8 uur")
		w(t, "km", e.say(jan, "/km vandaag 23 Utrecht naar Zeist retour"), "46 km")
		got, n := e.home(jan, "nl")
		w(t, "jan", got, "Je uren deze week", "8 uur · 46 km", "Stand: open, nog niet ingediend.", "[Indienen: /hours submit 2026-W48]", "[Bekijk: /hours week 2026-W48]")
		if n != 1 {
			t.Errorf("jan's home has %d sections, want 1:\n%s", n, got)
		}
		w(t, "kees", e.say(kees, "/hours mon 7.5h"), "7.5 h")
		got, _ = e.home(kees, "en")
		w(t, "kees", got, "Your hours this week", "7.5 h\n", "State: open, not submitted yet.", "[Submit: /hours submit 2026-W48]")
		l(t, "kees", got, "8 uur", " km")

		w(t, "submit", e.say(jan, "/uren indienen"), "is ingediend bij Anouk van den Berg")
		got, _ = e.home(jan, "nl")
		w(t, "submitted", got, "8 uur · 46 km", "ingediend op", "wacht op goedkeuring")
		l(t, "submitted", got, "/hours submit", "Uren goedkeuren")
		got, _ = e.home(anouk, "nl")
		w(t, "lead", got, "Uren goedkeuren", "1 week wacht op jouw goedkeuring: `/uren team`.", "[Bekijk: /hours team]")
		l(t, "lead", got, "Je uren deze week")
		// Kees' manager is Anouk: his week waits for her too.
		w(t, "submit kees", e.say(kees, "/hours submit"), "went to Anouk van den Berg")
		got, _ = e.home(anouk, "en")
		w(t, "lead en", got, "Hours to approve", "2 weeks waiting for your approval: `/hours team`.")
		for _, who := range []string{pieter, jan, kees} {
			got, _ := e.home(who, "nl")
			l(t, who+" approves nobody", got, "goedkeuring: `/uren team`")
		}
		w(t, "approve", coretest.All(e.Press(anouk, "/hours approve jan.devries@example.nl 2026-W48")), "goed")
		got, _ = e.home(jan, "nl")
		w(t, "approved", got, "goedgekeurd door Anouk van den Berg")
		l(t, "approved", got, "/hours submit")
		w(t, "one left", func() string { got, _ := e.home(anouk, "nl"); return got }(), "1 week wacht op jouw goedkeuring")
	})
}
