package hours_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature/hours"
)

// recordedEvents is a Publisher that keeps what it was given.
type recordedEvents struct {
	mu  sync.Mutex
	all []intranet.Event
}

func (r *recordedEvents) Publish(ctx context.Context, e intranet.Event) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.all = append(r.all, e)
	return nil
}

type entryEnv struct {
	*coretest.Env
	unit *hours.Unit
}

// entriesEnv runs fn on both engines with the hours unit at a rate of
// € 0,23 per km.
func entriesEnv(t *testing.T, fn func(t *testing.T, e *entryEnv)) {
	coretest.Engines(t, func(t *testing.T, ce *coretest.Env) {
		if err := ce.Store.SyncDepartmentTeams(context.Background()); err != nil {
			t.Fatal(err)
		}
		u, err := hours.New(hours.Config{Env: ce.Feature(), Timesheets: ce.Store, Teams: ce.Store, Admins: ce.Store,
			Downloads: ce.Store, Events: &recordedEvents{}, Rate: 0.23})
		if err != nil {
			t.Fatal(err)
		}
		ce.Core(u)
		for _, p := range []string{anouk, pieter, kees, jan, coretest.Gijs} {
			ce.Say(p, "", "/werkplek help")
		}
		ce.Say(kees, "", "/werkplek language en")
		fn(t, &entryEnv{Env: ce, unit: u})
	})
}

func (e *entryEnv) say(email, text string) string {
	e.T.Helper()
	return coretest.All(e.Say(email, "", text))
}

// person returns the id of a person by email.
func (e *entryEnv) person(email string) int64 {
	e.T.Helper()
	p, err := e.Store.FindPersonByEmail(context.Background(), email)
	if err != nil {
		e.T.Fatal(err)
	}
	return p.ID
}

var week48 = intranet.Week{Year: 2026, Number: 48}

func TestNew(t *testing.T) {
	if _, err := hours.New(hours.Config{}); err == nil {
		t.Error("a unit without its services was built")
	}
}

func TestAddEntries(t *testing.T) {
	entriesEnv(t, func(t *testing.T, e *entryEnv) {
		w, l := coretest.Wants, coretest.Lacks
		w(t, "hours nl", e.say(jan, "/uren ma 7,5u"), "Genoteerd als regel 1: ma 23 nov, 7,5 uur.", "ma 23 nov: 7,5 uur. Week 48: 7,5 uur.", "[Verwijderen: /hours remove 1]", "`/uren wijzig 1 …`")
		w(t, "range nl", e.say(jan, "/uren vandaag 07:00-15:30 pauze:30 project:WZ-Noord"),
			"regel 2: vr 27 nov, 07:00-15:30, pauze 30 min: 8 uur · WZ-Noord.", "vr 27 nov: 8 uur. Week 48: 15,5 uur.", "[Week bekijken: /hours week 2026-W48]")
		w(t, "hours en", e.say(kees, "/hours mon 7.5h"), "Written down as entry 3: Mon 23 Nov, 7.5 h.", "Mon 23 Nov: 7.5 h. Week 48: 7.5 h.", "`/hours edit 3 …`")
		w(t, "7:30", e.say(kees, "/hours tue 7:30 Training"), "Tue 24 Nov, 7.5 h · Training.", "Week 48: 15 h.")
		w(t, "7h30", e.say(kees, "/hours wed 7h30"), "Wed 25 Nov, 7.5 h.")
		w(t, "8", e.say(kees, "/hours thu 8"), "Thu 26 Nov, 8 h.", "Week 48: 30.5 h.")
		w(t, "note of several words", e.say(jan, "/uren di 9-17 pauze:45 Scholing wondzorg"), "di 24 nov, 09:00-17:00, pauze 45 min: 7,25 uur · Scholing wondzorg.")

		// Mistakes say what was wrong and show the right form.
		w(t, "future", e.say(jan, "/uren morgen 8"), "`morgen` is nog niet geweest", "Schrijf `/hours <datum> <van>-<tot>|<uren>")
		w(t, "no time", e.say(kees, "/hours mon"), "`<from>-<to>|<hours>` is missing.", "Write `/hours <date> <from>-<to>|<hours> [<note>] [break:<minutes>] [project:<code>]`")
		w(t, "not a time", e.say(jan, "/uren ma Nachtdienst"), "`Nachtdienst` is geen tijd of aantal uren")
		w(t, "break with hours", e.say(jan, "/uren ma 8 pauze:30"), "Een pauze hoort bij een tijd van-tot")
		w(t, "break too long", e.say(kees, "/hours fri 13:00-13:30 break:30"), "The break (30 min) is as long as the time 13:00-13:30 or longer.")
		w(t, "too many hours", e.say(jan, "/uren ma 25u"), "`25u` is meer dan een dag (24 uur).")
		w(t, "project too long", e.say(jan, "/uren za 8 project:"+strings.Repeat("x", 41)), "Een projectcode is hoogstens 40 tekens.")
		l(t, "nothing stored by mistakes", e.say(jan, "/uren week"), "#8")
	})
}

// TestBreakWithoutColon: "pauze 30" typed without its colon is the break,
// not a note, on a new entry and an edit.
func TestBreakWithoutColon(t *testing.T) {
	entriesEnv(t, func(t *testing.T, e *entryEnv) {
		w := coretest.Wants
		w(t, "nl", e.say(jan, "/uren ma 08:00-16:00 pauze 30"), "ma 23 nov, 08:00-16:00, pauze 30 min: 7,5 uur.")
		w(t, "with a note", e.say(jan, "/uren di 08:00-16:00 pauze 45 min Scholing"), "di 24 nov, 08:00-16:00, pauze 45 min: 7,25 uur · Scholing.")
		w(t, "en", e.say(kees, "/hours mon 9-17 break 30m"), "Mon 23 Nov, 09:00-17:00, break 30 min: 7.5 h.")
		w(t, "edit", e.say(jan, "/uren wijzig 2 pauze 15"), "di 24 nov, 08:00-16:00, pauze 15 min: 7,75 uur · Scholing.")
		w(t, "a note about a break stays a note", e.say(jan, "/uren wo 08:00-16:00 pauze overgeslagen"), "wo 25 nov, 08:00-16:00: 8 uur · pauze overgeslagen.")
		w(t, "hours have no break", e.say(jan, "/uren do 8 pauze 30"), "Een pauze hoort bij een tijd van-tot")
	})
}

func TestOverlapAndMidnight(t *testing.T) {
	entriesEnv(t, func(t *testing.T, e *entryEnv) {
		w := coretest.Wants
		w(t, "night shift", e.say(jan, "/uren do 22:00-07:00 Nachtdienst"), "do 26 nov, 22:00-07:00 (tot vr 27 nov): 9 uur · Nachtdienst.", "do 26 nov: 9 uur.")
		// The night ran into Friday morning: a Friday range before 07:00 overlaps it.
		w(t, "overlap nl", e.say(jan, "/uren vr 06:00-14:00"), "Die tijd overlapt regel 1: do 26 nov, 22:00-07:00 (tot vr 27 nov).",
			"`/uren wijzig 1 <van>-<tot>`", "`/uren verwijder 1`", "[Regel 1 verwijderen: /hours remove 1]")
		w(t, "after the night", e.say(jan, "/uren vr 07:00-15:00"), "vr 27 nov, 07:00-15:00: 8 uur.", "vr 27 nov: 8 uur. Week 48: 17 uur.")
		w(t, "overlap en", e.say(kees, "/hours thu 08:00-16:00"), "entry 3")
		w(t, "overlap en", e.say(kees, "/hours thu 15:00-18:00"), "That time overlaps entry 3: Thu 26 Nov, 08:00-16:00.", "`/hours edit 3 <from>-<to>`", "`/hours remove 3`")
		// Someone else's hours never overlap yours.
		w(t, "others do not overlap", e.say(pieter, "/uren do 22:00-07:00"), "Genoteerd als regel 4")
		// Hours without a range do not overlap, but a day holds 24 h at most.
		w(t, "hours beside a range", e.say(jan, "/uren vr 10u"), "vr 27 nov: 18 uur.")
		w(t, "day full", e.say(jan, "/uren vr 6,5u"), "Op vr 27 nov staat al 18 uur; met 6,5 uur erbij wordt dat meer dan 24 uur.", "`/uren week 2026-11-27`")
		w(t, "day full en", e.say(kees, "/hours thu 17h"), "Thu 26 Nov already holds 8 h; with 17 h more that is over 24 hours.")
		w(t, "day exactly full", e.say(jan, "/uren vr 6u"), "vr 27 nov: 24 uur.")
	})
}

func TestWeekView(t *testing.T) {
	entriesEnv(t, func(t *testing.T, e *entryEnv) {
		w, l := coretest.Wants, coretest.Lacks
		w(t, "empty", e.say(jan, "/uren week"), "Uren week 48 (23 nov – 29 nov 2026)", "Nog geen uren of ritten in deze week", "Stand: open, nog niet ingediend.", "[Week ervoor: /hours week 2026-W47]")
		e.say(jan, "/uren ma 07:00-15:30 pauze:30 project:WZ-Noord")
		e.say(jan, "/uren ma 16:00-18:00 project:WZ-Zuid Overleg")
		e.say(jan, "/uren di 7,5u project:WZ-Noord")
		e.say(jan, "/uren wo 4u")
		e.say(jan, "/km di 23 Utrecht naar Zeist retour doel:cliëntbezoek")
		e.say(jan, "/uren vorige vr 8")  // not a day: "vorige" is no date
		e.say(jan, "/uren 2026-11-20 8") // week 47
		week := e.say(jan, "/uren week")
		w(t, "week nl", week, "Uren week 48 (23 nov – 29 nov 2026)", "Totaal: 21,5 uur · 46 km · € 10,58", "Stand: open, nog niet ingediend.",
			"ma 23 nov: 10 uur\n#1 07:00-15:30, pauze 30 min: 8 uur · WZ-Noord\n#2 16:00-18:00: 2 uur · WZ-Zuid · Overleg",
			"di 24 nov: 7,5 uur\n#3 7,5 uur · WZ-Noord", "wo 25 nov: 4 uur",
			"Per project", "WZ-Noord: 15,5 uur", "WZ-Zuid: 2 uur", "Zonder project: 4 uur",
			"Ritten", "#1 di 24 nov, Utrecht → Zeist en terug: 46 km, € 10,58 · cliëntbezoek", "Kilometers: 46 km", "Vergoeding: € 10,58",
			"[Week indienen: /hours submit 2026-W48]", "[Week ervoor: /hours week 2026-W47]", "`/uren wijzig <nummer> …`")
		if strings.Index(week, "WZ-Noord: 15,5 uur") > strings.Index(week, "Zonder project") {
			t.Errorf("projects not biggest first, no project last:\n%s", week)
		}
		l(t, "other week", week, "vr 20 nov")
		for _, typed := range []string{"/uren week 47", "/uren week week 47", "/uren week wk47", "/uren week 2026-W47", "/uren week vorige week", "/uren week 20-11"} {
			w(t, typed, e.say(jan, typed), "Uren week 47 (16 nov – 22 nov 2026)", "vr 20 nov: 8 uur", "Totaal: 8 uur")
		}
		w(t, "week en", e.say(kees, "/hours week last week"), "Hours week 47 (16 Nov – 22 Nov 2026)", "No hours or trips in this week yet", "State: open, not submitted yet.")
		e.say(kees, "/hours mon 8")
		w(t, "no projects", e.say(kees, "/hours week"), "Mon 23 Nov: 8 h")
		l(t, "no projects", e.say(kees, "/hours week"), "Per project", "No project")
		w(t, "a bare number looks back", e.say(jan, "/uren week 49"), "Uren week 49 (1 dec – 7 dec 2025)")
		w(t, "weeks over two months", e.say(jan, "/uren week 2026-W44"), "Uren week 44 (26 okt – 1 nov 2026)")
		w(t, "weeks over two years nl", e.say(jan, "/uren week 53"), "Uren week 53 (28 dec 2020 – 3 jan 2021)")
		w(t, "weeks over two years en", e.say(kees, "/hours week 2026-W01"), "Hours week 1 (29 Dec 2025 – 4 Jan 2026)")
		w(t, "not a week", e.say(jan, "/uren week 54"), "`54` is geen week: weken lopen van 1 tot 53.", "Schrijf `/hours week [<week>]`")
		w(t, "own only", e.say(pieter, "/uren week"), "Nog geen uren of ritten")
	})
}

func TestWeekStates(t *testing.T) {
	entriesEnv(t, func(t *testing.T, e *entryEnv) {
		ctx := context.Background()
		w, l := coretest.Wants, coretest.Lacks
		janID, anoukID := e.person(jan), e.person(anouk)
		e.say(jan, "/uren ma 8")
		e.say(jan, "/km ma 10 Utrecht naar Zeist")
		if _, err := e.Store.SubmitWeek(ctx, janID, week48, 0.21, e.Now); err != nil {
			t.Fatal(err)
		}
		week := e.say(jan, "/uren week")
		w(t, "submitted", week, "Stand: ingediend op vr 27 nov 10:00, wacht op goedkeuring.", "€ 2,10 (tegen € 0,21 per km)")
		l(t, "submitted", week, "[Week indienen", "/uren wijzig")
		w(t, "locked add", e.say(jan, "/uren di 8"), "Week 48 (23 nov – 29 nov 2026) is ingediend en wacht op goedkeuring", "Vraag Anouk van den Berg om de week af te wijzen")
		w(t, "locked edit", e.say(jan, "/uren wijzig 1 9u"), "is ingediend en wacht op goedkeuring")
		w(t, "locked remove", e.say(jan, "/uren verwijder 1"), "is ingediend en wacht op goedkeuring")
		w(t, "locked trip", e.say(jan, "/km di 5 Zeist naar Utrecht"), "is ingediend en wacht op goedkeuring")
		w(t, "locked trip remove", e.say(jan, "/km verwijder 1"), "is ingediend en wacht op goedkeuring")
		w(t, "other weeks stay open", e.say(jan, "/uren 2026-11-20 8"), "Genoteerd als regel 2")

		if _, err := e.Store.DecideWeek(ctx, janID, week48, true, anoukID, "", e.Now); err != nil {
			t.Fatal(err)
		}
		w(t, "approved", e.say(jan, "/uren week"), "Stand: goedgekeurd door Anouk van den Berg op vr 27 nov 10:00.")
		w(t, "locked approved", e.say(jan, "/uren ma 09:00-10:00"), "is goedgekeurd en ligt vast", "Vraag Anouk van den Berg om de week te heropenen.")

		if _, err := e.Store.ReopenWeek(ctx, janID, week48, anoukID, "Verkeerd project", e.Now); err != nil {
			t.Fatal(err)
		}
		w(t, "reopened", e.say(jan, "/uren week"), "open (heropend: “Verkeerd project”)", "[Week indienen: /hours submit 2026-W48]")
		w(t, "open again", e.say(jan, "/uren wijzig 1 7u"), "Regel 1 is gewijzigd")
		if _, err := e.Store.SubmitWeek(ctx, janID, week48, 0.23, e.Now); err != nil {
			t.Fatal(err)
		}
		if _, err := e.Store.DecideWeek(ctx, janID, week48, false, anoukID, "Dinsdag ontbreekt", e.Now); err != nil {
			t.Fatal(err)
		}
		rejected := e.say(jan, "/uren week")
		w(t, "rejected", rejected, "afgewezen door Anouk van den Berg: “Dinsdag ontbreekt”. Verbeter de week en dien hem opnieuw in.", "[Week indienen")
		l(t, "one full stop", rejected+e.say(jan, "/km week"), "in..")
		w(t, "rejected is open to change", e.say(jan, "/uren di 8"), "Genoteerd als regel")

		// Kees has no team lead beside Anouk's department: his manager is asked.
		e.say(kees, "/hours mon 8")
		if _, err := e.Store.SubmitWeek(ctx, e.person(kees), week48, 0.23, e.Now); err != nil {
			t.Fatal(err)
		}
		w(t, "locked en", e.say(kees, "/hours tue 8"), "Week 48 (23 Nov – 29 Nov 2026) is submitted and waits for approval", "Ask Anouk van den Berg to reject the week")
	})
}

func TestEditAndRemoveEntries(t *testing.T) {
	entriesEnv(t, func(t *testing.T, e *entryEnv) {
		w, l := coretest.Wants, coretest.Lacks
		e.say(jan, "/uren ma 07:00-15:30 pauze:30 project:WZ-Noord Vroege dienst")
		e.say(jan, "/uren di 8")
		w(t, "time", e.say(jan, "/uren wijzig 1 08:00-16:00"), "Regel 1 is gewijzigd: ma 23 nov, 08:00-16:00, pauze 30 min: 7,5 uur · WZ-Noord · Vroege dienst.", "Week 48: 15,5 uur.")
		w(t, "date keeps the times", e.say(jan, "/uren wijzig 1 wo"), "wo 25 nov, 08:00-16:00, pauze 30 min: 7,5 uur · WZ-Noord · Vroege dienst.")
		short := e.say(jan, "/uren wijzig 1 8-12")
		w(t, "a short range is the time, not 8 December", short, "wo 25 nov, 08:00-12:00, pauze 30 min: 3,5 uur")
		l(t, "a short range is the time, not 8 December", short, "8 dec", "gelezen als")
		w(t, "back", e.say(jan, "/uren wijzig 1 08:00-16:00"), "wo 25 nov, 08:00-16:00, pauze 30 min: 7,5 uur")
		w(t, "break", e.say(jan, "/uren wijzig 1 pauze:0"), "wo 25 nov, 08:00-16:00: 8 uur · WZ-Noord")
		w(t, "project and note", e.say(jan, "/uren wijzig 1 project:WZ-Zuid Late dienst"), "8 uur · WZ-Zuid · Late dienst.")
		w(t, "clear", e.say(jan, "/uren wijzig 1 project:- -"), "wo 25 nov, 08:00-16:00: 8 uur.")
		w(t, "to hours", e.say(jan, "/uren wijzig 1 6,5u"), "wo 25 nov, 6,5 uur.")
		w(t, "nothing", e.say(jan, "/uren wijzig 1"), "Wat moet er anders aan regel 1?", "Schrijf `/hours edit <nummer>")
		w(t, "overlap on edit", e.say(jan, "/uren wijzig 2 ma 07:00-09:00"), "Regel 2 is gewijzigd")
		w(t, "overlap on edit", e.say(jan, "/uren wijzig 1 ma 08:00-12:00"), "Die tijd overlapt regel 2: ma 23 nov, 07:00-09:00.")
		w(t, "edit en", e.say(kees, "/hours mon 8"), "entry 3")
		w(t, "edit en", e.say(kees, "/hours edit 3 7.5h"), "Entry 3 was changed: Mon 23 Nov, 7.5 h.")

		// Someone else's entry does not exist for you.
		w(t, "edit not mine", e.say(kees, "/hours edit 1 8h"), "You have no entry 1.")
		w(t, "remove not mine", e.say(pieter, "/uren verwijder 1"), "Je hebt geen regel 1.")
		l(t, "not shown", e.say(pieter, "/uren verwijder 1"), "wo 25 nov", "6,5")
		w(t, "unknown", e.say(jan, "/uren verwijder 99"), "Je hebt geen regel 99.")

		w(t, "remove", e.say(jan, "/uren verwijder 1"), "Regel 1 is verwijderd (wo 25 nov, 6,5 uur). wo 25 nov: 0 uur. Week 48: 2 uur.")
		w(t, "removed en", e.say(kees, "/hours remove 3"), "Entry 3 was removed (Mon 23 Nov, 7.5 h). Mon 23 Nov: 0 h. Week 48: 0 h.")
		w(t, "gone", e.say(jan, "/uren verwijder 1"), "Je hebt geen regel 1.")
	})
}

func TestGuestsKeepNoHours(t *testing.T) {
	entriesEnv(t, func(t *testing.T, e *entryEnv) {
		coretest.Lacks(t, "guest", e.say(coretest.Gijs, "/hours mon 8"), "Written down", "Genoteerd")
	})
}
