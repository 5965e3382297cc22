package hours_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
)

// A confirmation names the entry's or trip's number once: in its head,
// which says what to type to correct it.
func TestConfirmationsNameTheNumberOnce(t *testing.T) {
	entriesEnv(t, func(t *testing.T, e *entryEnv) {
		w, l := coretest.Wants, coretest.Lacks
		added := e.say(jan, "/uren ma 7,5u")
		w(t, "entry nl", added, "Genoteerd als regel 1: ma 23 nov, 7,5 uur.", "`/uren wijzig 1 …`")
		l(t, "entry nl twice", added, "#1")
		added = e.say(kees, "/hours mon 07:00-15:00")
		w(t, "entry en", added, "Written down as entry 2: Mon 23 Nov, 07:00-15:00: 8 h.", "`/hours edit 2 …`")
		l(t, "entry en twice", added, "#2")
		w(t, "edited", e.say(jan, "/uren wijzig 1 6u"), "Regel 1 is gewijzigd: ma 23 nov, 6 uur.")
		removed := e.say(jan, "/uren verwijder 1")
		w(t, "removed", removed, "Regel 1 is verwijderd (ma 23 nov, 6 uur).")
		l(t, "removed twice", removed, "#1")

		trip := e.say(jan, "/km ma 23 Utrecht naar Zeist")
		w(t, "trip nl", trip, "Rit genoteerd als nummer 1: ma 23 nov, Utrecht → Zeist: 23 km, € 5,29.", "`/km wijzig 1 …`")
		l(t, "trip nl twice", trip, "#1")
		trip = e.say(kees, "/km mon 12 Amersfoort to Soest return")
		w(t, "trip en", trip, "Trip written down as number 2: Mon 23 Nov, Amersfoort → Soest and back: 24 km, €5.52.", "`/km edit 2 …`")
		l(t, "trip en twice", trip, "#2")
		w(t, "trip edited", e.say(jan, "/km wijzig 1 25 Utrecht naar Zeist"), "Rit 1 is gewijzigd: ma 23 nov, Utrecht → Zeist: 25 km")
		removed = e.say(jan, "/km verwijder 1")
		w(t, "trip removed", removed, "Rit 1 is verwijderd (ma 23 nov, Utrecht → Zeist: 25 km, € 5,75).")
		l(t, "trip removed twice", removed, "#1")
		// Lists keep the numbers: they are what one types.
		e.say(jan, "/uren di 8u")
		e.say(jan, "/km di 10 Utrecht naar Zeist")
		w(t, "week keeps numbers", e.say(jan, "/uren week"), "#3 8 uur", "#3 di 24 nov, Utrecht → Zeist: 10 km")
	})
}

// The approver's card writes a night shift's end and a return trip as
// the week view does.
func TestCardReadsAsTheWeek(t *testing.T) {
	hoursEnv(t, "", func(t *testing.T, e *env) {
		w, l := coretest.Wants, coretest.Lacks
		e.say(pieter, "/uren do 22:30-07:00 pauze:30")
		e.say(pieter, "/km di 23 Utrecht naar Zeist retour")
		w(t, "week", e.say(pieter, "/uren week"), "#1 22:30-07:00 (tot vr 27 nov), pauze 30 min: 8 uur", "#1 di 24 nov, Utrecht → Zeist en terug: 46 km")
		e.say(pieter, "/uren indienen")
		card := last(e.dms(anouk))
		w(t, "card nl", card, "- do 26 nov 22:30-07:00 (tot vr 27 nov), pauze 30 min: 8 uur", "- di 24 nov 46 km Utrecht → Zeist en terug")
		l(t, "card nl", card, "retour", "–07:00")

		e.say(anouk, "/werkplek language en")
		e.say(kees, "/hours thu 22:00-06:00")
		e.say(kees, "/km tue 12 Amersfoort to Soest return")
		w(t, "week en", e.say(kees, "/hours week"), "22:00-06:00 (to Fri 27 Nov): 8 h", "Amersfoort → Soest and back: 24 km")
		e.say(kees, "/hours submit")
		card = last(e.dms(anouk))
		w(t, "card en", card, "- Thu 26 Nov 22:00-06:00 (to Fri 27 Nov): 8 h", "- Tue 24 Nov 24 km Amersfoort → Soest and back")
		l(t, "card en", card, " return")
	})
}

// /hours team counts everyone who wrote nothing but names ten; the lists
// an approver acts on stay whole.
func TestTeamNamesFewWhoWroteNothing(t *testing.T) {
	hoursEnv(t, "", func(t *testing.T, e *env) {
		var names []string
		for i := 1; i <= 14; i++ {
			name := fmt.Sprintf("Zorger %02d", i)
			names = append(names, name)
			e.Import(intranet.PersonRecord{Name: name, Email: fmt.Sprintf("zorger%02d@example.nl", i), Department: "Zorg Oost"})
			e.work(fmt.Sprintf("zorger%02d@example.nl", i), "2026-11-23", 60, 0)
		}
		all := append(names, "Jan de Vries", "Pieter Jansen", "Sanne Oost")
		named := func(text string) int {
			n := 0
			for _, name := range all {
				if strings.Contains(text, name) {
					n++
				}
			}
			return n
		}
		// Week 47: all 17 wrote nothing.
		team := e.say(anouk, "/uren team 2026-W47")
		coretest.Wants(t, "nothing nl", team, "Niets geschreven (17)", " en nog 7")
		if n := named(team); n != 10 {
			t.Errorf("/uren team names %d of the 17 who wrote nothing, want 10:\n%s", n, team)
		}
		// Week 48: the 14 wrote hours and did not submit: all named.
		team = e.say(anouk, "/uren team")
		coretest.Wants(t, "not submitted", team, "Niet ingediend (14)", "Niets geschreven (3)", "Jan de Vries", "Pieter Jansen", "Sanne Oost")
		coretest.Lacks(t, "three is few", team, "en nog")
		for _, name := range names {
			coretest.Wants(t, "not submitted named", team, "- "+name+" · 1 uur")
		}
		e.say(anouk, "/werkplek language en")
		team = e.say(anouk, "/hours team 2026-W47")
		coretest.Wants(t, "nothing en", team, "Nothing written (17)", " and 7 more")
		if n := named(team); n != 10 {
			t.Errorf("/hours team names %d of the 17 who wrote nothing, want 10:\n%s", n, team)
		}
	})
}

// Large amounts carry the reader's thousands separators; a rate stays
// as it was.
func TestLargeAmounts(t *testing.T) {
	entriesEnv(t, func(t *testing.T, e *entryEnv) {
		w := coretest.Wants
		w(t, "trip nl", e.say(jan, "/km ma 1999,5 Utrecht naar Rome"), "Utrecht → Rome: 1.999,5 km, € 459,89.", "Week 48: 1.999,5 km, € 459,89.", "Vergoeding € 0,23 per km.")
		e.say(jan, "/km di 1999,5 Rome naar Utrecht")
		e.say(jan, "/km wo 1999,5 Utrecht naar Rome")
		w(t, "week nl", e.say(jan, "/uren week"), "Totaal: 0 uur · 5.998,5 km · € 1.379,67", "Kilometers: 5.998,5 km", "Vergoeding: € 1.379,67")
		w(t, "km week nl", e.say(jan, "/km week"), "Totaal: 5.998,5 km, € 1.379,67.", "Vergoeding € 0,23 per km;")
		w(t, "month nl", e.say(jan, "/km maand"), "Totaal: 5.998,5 km in 3 ritten, € 1.379,67.")
		w(t, "too far nl", e.say(jan, "/km vandaag 1500 Utrecht naar Rome retour"), "3.000 km is meer dan de 2.000 km die één rit mag zijn.")

		w(t, "trip en", e.say(kees, "/km mon 1999.5 Utrecht to Rome"), "Utrecht → Rome: 1,999.5 km, €459.89.", "Allowance €0.23 per km.")
		e.say(kees, "/km tue 1999.5 Rome to Utrecht")
		e.say(kees, "/km wed 1999.5 Utrecht to Rome")
		w(t, "week en", e.say(kees, "/hours week"), "Total: 0 h · 5,998.5 km · €1,379.67")
		w(t, "too far en", e.say(kees, "/km today 1500 Utrecht to Rome return"), "3,000 km is more than the 2,000 km one trip may be.")
		w(t, "small stays", e.say(kees, "/km thu 23.4 Utrecht to Zeist"), "23.4 km, €5.38.")
	})
}

// The trips' own commands are told where trips are listed, and /km week
// and a removed trip lead on.
func TestTripsNextSteps(t *testing.T) {
	entriesEnv(t, func(t *testing.T, e *entryEnv) {
		w, l := coretest.Wants, coretest.Lacks
		w(t, "empty month nl", e.say(jan, "/km maand oktober"), "Geen ritten in oktober 2026. Schrijf er een met `/km <datum> 23 Utrecht naar Zeist`.")
		w(t, "empty month en", e.say(kees, "/km month october"), "No trips in October 2026. Write one with `/km <date> 23 Utrecht to Zeist`.")
		e.say(jan, "/km ma 23 Utrecht naar Zeist")
		week := e.say(jan, "/uren week")
		w(t, "week of trips only", week, "Een rit verbeteren: `/km wijzig <nummer> …`; weghalen: `/km verwijder <nummer>`.")
		l(t, "no hours to correct", week, "/uren wijzig")
		e.say(jan, "/uren ma 8u")
		w(t, "week of both", e.say(jan, "/uren week"), "Verbeteren: `/uren wijzig <nummer> …`", "Een rit verbeteren: `/km wijzig <nummer> …`")
		w(t, "km week nl", e.say(jan, "/km week"), "[Week indienen: /hours submit 2026-W48]", "Een rit verbeteren: `/km wijzig <nummer> …`; weghalen: `/km verwijder <nummer>`.")
		e.say(kees, "/km mon 12 Amersfoort to Soest")
		w(t, "km week en", e.say(kees, "/km week"), "[Submit the week: /hours submit 2026-W48]", "To correct a trip: `/km edit <number> …`; remove: `/km remove <number>`.")
		w(t, "removed leads on", e.say(jan, "/km verwijder 1"), "[Week bekijken: /km week 2026-W48]")
		e.say(jan, "/uren indienen")
		submitted := e.say(jan, "/km week")
		l(t, "submitted: nothing to submit or correct", submitted, "Week indienen", "/km wijzig")
	})
}

// Who cannot submit, or submitted already, is told what to do next.
func TestSubmitNextSteps(t *testing.T) {
	entriesEnv(t, func(t *testing.T, e *entryEnv) {
		w := coretest.Wants
		// Anouk leads Zorg Oost, has no manager, and there is no admin.
		e.say(anouk, "/uren ma 8u")
		w(t, "nobody approves", e.say(anouk, "/uren indienen"), "Werkplek heeft nog geen beheerder. Vraag wie Werkplek installeerde om een teamleider, manager of beheerder in te stellen.")
		e.say(jan, "/uren ma 8u")
		e.say(jan, "/uren indienen")
		w(t, "again nl", e.say(jan, "/uren indienen"), "al ingediend en wacht op goedkeuring. Moet er iets anders? Vraag Anouk van den Berg hem af te wijzen, dan kun je hem verbeteren.")
		e.say(anouk, "/uren goedkeuren jan.devries@example.nl 48")
		w(t, "approved nl", e.say(jan, "/uren indienen 48"), "al goedgekeurd. Moet er iets anders? Vraag Anouk van den Berg hem te heropenen.")
		e.say(kees, "/hours mon 8h")
		e.say(kees, "/hours submit")
		w(t, "again en", e.say(kees, "/hours submit"), "submitted already and waits for approval. Need a change? Ask Anouk van den Berg to reject it, then you can correct it.")
	})
}

// /uren team of one week says which other weeks wait for a decision, so
// that a lead on Sunday does not miss last week's.
func TestTeamTellsOtherWeeksWaiting(t *testing.T) {
	hoursEnv(t, "", func(t *testing.T, e *env) {
		w, l := coretest.Wants, coretest.Lacks
		e.work(pieter, "2026-11-17", 480, 0)
		e.work(kees, "2026-11-18", 480, 0)
		e.work(jan, "2026-11-10", 480, 0)
		e.say(pieter, "/uren indienen 47")
		e.say(kees, "/hours submit 47")
		e.say(jan, "/uren indienen 46")
		e.work(wim, "2026-11-17", 480, 0) // Ada approves Wim's, not Anouk
		e.say(wim, "/uren indienen 47")
		team := e.say(anouk, "/uren team")
		w(t, "this week", team, "Niemand wacht op goedkeuring.", "Wachten ook op goedkeuring: week 46 (1), week 47 (2).",
			"[Week 46 bekijken: /hours team 2026-W46]", "[Week 47 bekijken: /hours team 2026-W47]")
		team = e.say(anouk, "/uren team 47")
		w(t, "week 47", team, "Ingediend, wacht op goedkeuring (2)", "Wachten ook op goedkeuring: week 46 (1).")
		l(t, "week 47 not again", team, "week 47 (2)")
		e.say(anouk, "/werkplek language en")
		w(t, "en", e.say(anouk, "/hours team"), "Also waiting for approval: week 46 (1), week 47 (2).", "[See week 46: /hours team 2026-W46]")
		e.say(anouk, "/hours approve jan.devries@example.nl 46")
		e.say(anouk, "/hours approve pieter.jansen@example.nl 47")
		e.say(anouk, "/hours approve kees.janssen@example.nl 47")
		l(t, "none left", e.say(anouk, "/hours team"), "Also waiting")
	})
}
