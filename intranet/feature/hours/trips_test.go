package hours_test

import (
	"context"
	"testing"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
)

func TestAddTrips(t *testing.T) {
	entriesEnv(t, func(t *testing.T, e *entryEnv) {
		w, l := coretest.Wants, coretest.Lacks
		w(t, "return nl", e.say(jan, "/km vandaag 23 Utrecht naar Zeist retour doel:cliëntbezoek"),
			"Rit genoteerd als nummer 1: vr 27 nov, Utrecht → Zeist en terug: 46 km, € 10,58 · cliëntbezoek.", "Week 48: 46 km, € 10,58.",
			"[Week bekijken: /km week 2026-W48]", "[Verwijderen: /km remove 1]", "Vergoeding € 0,23 per km.", "`/km wijzig 1 …`")
		w(t, "places of several words en", e.say(kees, `/km mon 23.4 Den Haag to Bergen op Zoom purpose:"client visit"`),
			"Trip written down as number 2: Mon 23 Nov, Den Haag → Bergen op Zoom: 23.4 km, €5.38 · client visit.", "Week 48: 23.4 km, €5.38.", "Allowance €0.23 per km.")
		w(t, "decimal comma", e.say(jan, "/kilometers ma 23,4 Utrecht naar Zeist"), "ma 23 nov, Utrecht → Zeist: 23,4 km, € 5,38.", "Week 48: 69,4 km, € 15,96.")
		w(t, "decimal point nl", e.say(jan, "/km di 10.5km De Bilt naar Zeist"), "di 24 nov, De Bilt → Zeist: 10,5 km")
		w(t, "purpose of several words", e.say(jan, "/km di 4 Zeist naar De Bilt doel:bezoek mevrouw Jansen retour"), "di 24 nov, Zeist → De Bilt en terug: 8 km, € 1,84 · bezoek mevrouw Jansen.")
		w(t, "return en", e.say(kees, "/km tue 12 Amersfoort to Soest return"), "Tue 24 Nov, Amersfoort → Soest and back: 24 km, €5.52")

		w(t, "no places", e.say(jan, "/km vandaag 23"), "Ik mis `<van>`.", "Schrijf `/km <datum> [<km> <van> naar <naar>] [return]")
		w(t, "no to", e.say(jan, "/km vandaag 23 Utrecht"), "Ik mis `naar`.")
		w(t, "no km", e.say(kees, "/km today Utrecht to Zeist"), "`Utrecht` is not a number of kilometres", "Write `/km <date> [<km> <from> to <to>]")
		w(t, "nothing", e.say(jan, "/km vandaag"), "Ik mis de rit")
		w(t, "too far", e.say(jan, "/km vandaag 1500 Utrecht naar Rome retour"), "3.000 km is meer dan de 2.000 km die één rit mag zijn.")
		w(t, "two decimals", e.say(jan, "/km vandaag 23,45 Utrecht naar Zeist"), "`23,45`: schrijf kilometers met hoogstens één cijfer achter de komma")
		w(t, "future", e.say(jan, "/km morgen 23 Utrecht naar Zeist"), "`morgen` is nog niet geweest")
		w(t, "unknown option", e.say(jan, "/km vandaag 23 Utrecht naar Zeist doell:x"), "`doell:` ken ik niet")
		l(t, "nothing stored by mistakes", e.say(jan, "/km week"), "#7", "Rome")
	})
}

func TestRoutes(t *testing.T) {
	entriesEnv(t, func(t *testing.T, e *entryEnv) {
		w, l := coretest.Wants, coretest.Lacks
		w(t, "no routes", e.say(jan, "/km route lijst"), "Je hebt nog geen routes")
		w(t, "add nl", e.say(jan, "/km route nieuw kantoor 23 Utrecht naar Zeist"), "Route bewaard: kantoor: Utrecht → Zeist, 23 km.", "`/km vandaag route:kantoor`", "[Vandaag gereden: /km today route:kantoor]")
		w(t, "add en", e.say(jan, "/km route add Home office 12,5 De Bilt to Zeist"), "Route bewaard: Home office: De Bilt → Zeist, 12,5 km.", `[Vandaag gereden: /km today route:"Home office"]`)
		w(t, "twice", e.say(jan, "/km route nieuw Kantoor 5 A naar B"), "Je hebt al een route “Kantoor”", "`/km route verwijder Kantoor`")
		list := e.say(jan, "/km route lijst")
		w(t, "list", list, "Je routes", "Home office: De Bilt → Zeist, 12,5 km", "kantoor: Utrecht → Zeist, 23 km", `[Verwijderen: /km route remove "Home office"]`)

		w(t, "trip by route", e.say(jan, "/km ma route:kantoor retour"), "ma 23 nov, Utrecht → Zeist en terug: 46 km, € 10,58 · route kantoor.")
		w(t, "trip by route one way", e.say(jan, `/km di route:"home office" doel:overleg`), "di 24 nov, De Bilt → Zeist: 12,5 km, € 2,88 · route Home office · overleg.")
		w(t, "by button", coretest.All(e.Press(jan, "/km today route:kantoor")), "vr 27 nov, Utrecht → Zeist: 23 km")
		w(t, "route and trip", e.say(jan, "/km vandaag 5 A naar B route:kantoor"), "Geef een route of een rit, niet allebei.")
		w(t, "unknown route", e.say(jan, "/km vandaag route:thuis"), "Je hebt geen route “thuis”. Je routes: Home office, kantoor.")

		// Routes are one's own.
		w(t, "others' routes en", e.say(kees, "/km today route:kantoor"), "You have no route “kantoor”. Save one with `/km route add <name> <km> <from> to <to>`.")
		w(t, "others' list", e.say(kees, "/km route list"), "You have no routes yet.")
		w(t, "others' remove", e.say(kees, "/km route remove kantoor"), "You have no route “kantoor”.")

		w(t, "add en", e.say(kees, "/km route add office 8,5 Amersfoort to Soest"), "Route saved: office: Amersfoort → Soest, 8.5 km.", "Use it with `/km today route:office` (add `return` for both ways).")
		w(t, "list en", e.say(kees, "/km route list"), "Your routes", "office: Amersfoort → Soest, 8.5 km", "[Driven today: /km today route:office]", "[Remove: /km route remove office]")
		w(t, "use en", e.say(kees, "/km mon route:office return"), "Trip written down as number 4: Mon 23 Nov, Amersfoort → Soest and back: 17 km, €3.91 · route office.")
		w(t, "week en", e.say(kees, "/km week"), "Trips week 48 (23 Nov – 29 Nov 2026)", "Total: 17 km, €3.91.", "State: open, not submitted yet.", "Allowance €0.23 per km")
		w(t, "remove en", e.say(kees, "/km route remove office"), "Route “office” was removed. Trips you wrote with it stay.")

		w(t, "remove", e.say(jan, "/km route verwijder KANTOOR"), "Route “kantoor” is verwijderd. Ritten die je ermee schreef blijven staan.")
		l(t, "removed", e.say(jan, "/km route lijst"), "kantoor:")
		w(t, "trips stay", e.say(jan, "/km week"), "route kantoor")
	})
}

func TestKmWeekAndMonth(t *testing.T) {
	entriesEnv(t, func(t *testing.T, e *entryEnv) {
		ctx := context.Background()
		w, l := coretest.Wants, coretest.Lacks
		w(t, "empty week", e.say(jan, "/km week"), "Ritten week 48 (23 nov – 29 nov 2026)", "Nog geen ritten in deze week", "[Week ervoor: /km week 2026-W47]")
		e.say(jan, "/km 2026-10-30 10 Utrecht naar Zeist")            // October, week 44
		e.say(jan, "/km 2026-11-02 20 Utrecht naar Zeist retour")     // week 45
		e.say(jan, "/km ma 15 Utrecht naar Houten doel:cliëntbezoek") // week 48
		e.say(kees, "/km mon 100 Amersfoort to Utrecht")              // someone else's
		w(t, "week", e.say(jan, "/km week"), "Totaal: 15 km, € 3,45.", "#3 ma 23 nov, Utrecht → Houten: 15 km, € 3,45 · cliëntbezoek", "Stand: open, nog niet ingediend.", "[Uren en ritten: /hours week 2026-W48]")
		w(t, "week by number", e.say(jan, "/km week 45"), "Ritten week 45 (2 nov – 8 nov 2026)", "Totaal: 40 km, € 9,20.")
		l(t, "own only", e.say(jan, "/km week"), "Amersfoort")

		// A submitted week keeps the rate it was submitted at.
		if _, err := e.Store.SubmitWeek(ctx, e.person(jan), intranetWeek(2026, 45), 0.19, e.Now); err != nil {
			t.Fatal(err)
		}
		month := e.say(jan, "/km maand")
		w(t, "month", month, "Ritten november 2026", "Totaal: 55 km in 2 ritten, € 11,05.",
			"#2 ma 2 nov, Utrecht → Zeist en terug: 40 km, € 7,60 (tegen € 0,19 per km)", "#3 ma 23 nov, Utrecht → Houten: 15 km, € 3,45",
			"Kilometers: 55 km", "Vergoeding: € 11,05", "[Maand ervoor: /km month 2026-10]")
		l(t, "month", month, "30 okt", "Amersfoort")
		w(t, "submitted week", e.say(jan, "/km week 45"), "Totaal: 40 km, € 7,60.", "ingediend op")
		for _, typed := range []string{"/km maand okt", "/km maand oktober", "/km maand 2026-10", "/km maand vorige maand"} {
			w(t, typed, e.say(jan, typed), "Ritten oktober 2026", "Totaal: 10 km in 1 rit, € 2,30.")
		}
		w(t, "month en", e.say(kees, "/km month november"), "Trips November 2026", "Total: 100 km in 1 trip, €23.00.", "Allowance €0.23 per km")
		w(t, "a month name looks back", e.say(kees, "/km month december"), "Trips December 2025", "No trips in December 2025.")
		w(t, "not a month", e.say(jan, "/km maand 2026-13"), "`2026-13` is geen maand", "Schrijf `/km month [<maand>]`")
	})
}

func TestEditAndRemoveTrips(t *testing.T) {
	entriesEnv(t, func(t *testing.T, e *entryEnv) {
		w, l := coretest.Wants, coretest.Lacks
		e.say(jan, "/km ma 23 Utrecht naar Zeist retour doel:cliëntbezoek")
		w(t, "distance keeps return", e.say(jan, "/km wijzig 1 25"), "Rit 1 is gewijzigd: ma 23 nov, Utrecht → Zeist en terug: 50 km, € 11,50 · cliëntbezoek.")
		w(t, "one way", e.say(jan, "/km wijzig 1 retour:nee"), "ma 23 nov, Utrecht → Zeist: 25 km, € 5,75")
		w(t, "places", e.say(jan, "/km wijzig 1 Utrecht naar Den Dolder"), "Utrecht → Den Dolder: 25 km")
		w(t, "all of it", e.say(jan, "/km wijzig 1 di 18 Zeist naar Utrecht retour doel:overleg"), "di 24 nov, Zeist → Utrecht en terug: 36 km, € 8,28 · overleg.")
		w(t, "clear purpose", e.say(jan, "/km wijzig 1 doel:-"), "di 24 nov, Zeist → Utrecht en terug: 36 km, € 8,28.")
		w(t, "nothing", e.say(jan, "/km wijzig 1"), "Wat moet er anders aan rit 1?")
		w(t, "half a trip", e.say(jan, "/km wijzig 1 Utrecht"), "Ik mis `naar`.", "Schrijf `/km edit <nummer> [<datum>] [<km>] [<van> naar <naar>]")
		w(t, "purpose of several words", e.say(jan, "/km wijzig 1 doel:bezoek mevrouw Jansen"), "36 km, € 8,28 · bezoek mevrouw Jansen.")
		w(t, "edit en", e.say(kees, "/km tue 10 Soest to Baarn"), "number 2")
		w(t, "edit en", e.say(kees, "/km edit 2 return"), "Trip 2 was changed: Tue 24 Nov, Soest → Baarn and back: 20 km, €4.60.")

		w(t, "not mine", e.say(kees, "/km edit 1 30"), "You have no trip 1.")
		w(t, "not mine remove", e.say(pieter, "/km verwijder 1"), "Je hebt geen rit 1.")
		l(t, "not shown", e.say(pieter, "/km verwijder 1"), "Zeist")
		w(t, "remove", e.say(jan, "/km verwijder 1"), "Rit 1 is verwijderd (di 24 nov, Zeist → Utrecht en terug: 36 km, € 8,28 · bezoek mevrouw Jansen). Week 48: 0 km, € 0,00.")
		w(t, "removed en", e.say(kees, "/km remove 2"), "Trip 2 was removed")
		w(t, "gone", e.say(jan, "/km verwijder 1"), "Je hebt geen rit 1.")
		w(t, "not a number", e.say(jan, "/km verwijder abc"), "`abc` is geen nummer. Schrijf `/km remove <nummer>`, bijvoorbeeld `/km verwijder 7`.")
	})
}

func intranetWeek(year, number int) intranet.Week { return intranet.Week{Year: year, Number: number} }
