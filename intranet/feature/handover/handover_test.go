package handover_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/internal/pgtest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/feature/handover"
	"github.com/werkplek/werkplek/intranet/feature/teams"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

const (
	anouk  = coretest.Anouk
	pieter = coretest.Pieter
	kees   = coretest.Kees
	jan    = coretest.Jan
)

// setup builds the router with /team and /handover over e and returns the
// handover unit; outbox nil means e.Outbox.
func setup(t *testing.T, e *coretest.Env, reminder time.Duration, outbox intranet.Outbox) *handover.Unit {
	t.Helper()
	if outbox == nil {
		outbox = e.Outbox
	}
	tu, err := teams.New(teams.Config{Teams: e.Store, People: e.Store, Accounts: e.Store})
	if err != nil {
		t.Fatal(err)
	}
	env := e.Feature()
	env.Outbox = outbox
	hu, err := handover.New(handover.Config{Env: env, Teams: e.Store, Handovers: e.Store, ReminderBefore: reminder})
	if err != nil {
		t.Fatal(err)
	}
	e.Core(tu, hu)
	return hu
}

func say(e *coretest.Env, who, channel, text string) string {
	e.T.Helper()
	return coretest.All(e.Say(who, channel, text))
}

func press(e *coretest.Env, who, command string) string {
	e.T.Helper()
	return coretest.All(e.Press(who, command))
}

func dms(e *coretest.Env, who string) string {
	return strings.Join(e.Posters.DMs(intranet.PlatformConsole, who), "\n")
}

func personID(t *testing.T, e *coretest.Env, email string) int64 {
	t.Helper()
	p, err := e.Store.FindPersonByEmail(context.Background(), email)
	if err != nil {
		t.Fatal(err)
	}
	return p.ID
}

func TestNew(t *testing.T) {
	if _, err := handover.New(handover.Config{}); err == nil {
		t.Fatal("New without services: no error")
	}
}

func TestHandoverFlow(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		setup(t, e, 0, nil)
		ctx := context.Background()
		// Everyone says something once, so that their console account is
		// linked for DMs.
		for _, who := range []string{anouk, pieter, kees, jan} {
			say(e, who, "", "/werkplek language nl")
		}
		say(e, pieter, "", "/werkplek language en")
		coretest.Wants(t, "channel by a non-lead", say(e, jan, "zorg-oost", `/team channel "Zorg Oost"`), "Alleen een leider van Zorg Oost")
		coretest.Wants(t, "channel", say(e, anouk, "zorg-oost", `/team channel zorg oost`), "Dit kanaal hoort nu bij Zorg Oost")
		team, err := e.Store.FindTeamByName(ctx, "Zorg Oost")
		if err != nil {
			t.Fatal(err)
		}
		for _, ch := range []intranet.TeamChannel{{Platform: intranet.PlatformSlack, Installation: "T1", ChannelID: "C-ZO"}, {Platform: intranet.PlatformTeams, ChannelID: "19:zo"}} {
			if err := e.Store.LinkTeamChannel(ctx, team.ID, ch); err != nil {
				t.Fatal(err)
			}
		}
		cards := func() []string {
			return []string{e.Posters.Card(intranet.PlatformConsole, "zorg-oost"), e.Posters.Card(intranet.PlatformSlack, "C-ZO")}
		}

		got := say(e, jan, "", "/overdracht morgen 14:00-22:00 Pool Noord")
		coretest.Wants(t, "create", got, "Overdracht 1 gevraagd", "console:zorg-oost", "slack:C-ZO", "za 28 nov 2026 14:00–22:00", "Pool Noord", "/handover notify 1", "/handover cancel 1")
		coretest.Lacks(t, "create", got, "teams:19:zo") // Teams is off
		if n := len(e.Posters.Sent(intranet.PlatformSlack)); n != 1 {
			t.Errorf("slack got %d messages, want the one card", n)
		}
		for _, card := range cards() {
			coretest.Wants(t, "card", card, "Dienst over te nemen: Pool Noord", "Gevraagd door: Jan de Vries", "[Ik neem hem: /handover take 1]", "[Annuleren: /handover cancel 1]")
		}
		coretest.Wants(t, "show", press(e, kees, "/handover show 1"), "Dienst over te nemen: Pool Noord", "Overdracht 1")
		coretest.Wants(t, "outsider", press(e, kees, "/handover take 1"), "Alleen leden van Zorg Oost")
		coretest.Wants(t, "own", press(e, jan, "/handover take 1"), "je eigen verzoek")
		coretest.Wants(t, "take", press(e, pieter, "/handover take 1"), "You take over the shift: Sat 28 Nov 2026 14:00–22:00, Pool Noord. Jan de Vries knows.")
		coretest.Wants(t, "late", press(e, anouk, "/handover neem 1"), "Te laat: Pieter Jansen nam overdracht 1 om 10:00 over.")
		e.RunDue()
		for _, card := range cards() {
			coretest.Wants(t, "card taken", card, "Overgenomen door Pieter Jansen om 10:00.")
			coretest.Lacks(t, "card taken", card, "/handover take 1")
		}
		coretest.Wants(t, "requester told", dms(e, jan), "Pieter Jansen neemt je dienst van za 28 nov 2026 14:00–22:00 over (Pool Noord).")
		coretest.Wants(t, "not yours", say(e, pieter, "", "/handover cancel 1"), "Only Jan de Vries, who asked, can cancel handover 1.")
		coretest.Wants(t, "cancel taken", say(e, jan, "", "/dienst annuleer 1"), "Overdracht 1 is geannuleerd; Pieter Jansen, die hem had genomen, weet het.")
		coretest.Wants(t, "taker told", dms(e, pieter), "Jan de Vries cancelled handover 1")
		e.RunDue()
		coretest.Wants(t, "card cancelled", e.Posters.Card(intranet.PlatformSlack, "C-ZO"), "Geannuleerd door Jan de Vries")
		coretest.Wants(t, "press cancelled", press(e, anouk, "/handover take 1"), "Overdracht 1 is geannuleerd door Jan de Vries")

		// Night shift, approval on, a skill needed.
		coretest.Wants(t, "approval", say(e, anouk, "", `/team approval "Zorg Oost" on`), "hebben nu de goedkeuring")
		got = say(e, jan, "zorg-oost", "/handover 28-11 22:00-07:00 Nachtdienst Oost needs:wondzorg")
		coretest.Wants(t, "night", got, "Overdracht 2 gevraagd", "za 28 nov 2026 22:00 – zo 29 nov 2026 07:00", "Nodig: Wondzorg")
		coretest.Wants(t, "notify", press(e, jan, "/handover notify 2"), "Ik stuurde 2 collega's van Zorg Oost een bericht")
		coretest.Wants(t, "notified", dms(e, pieter), "[I'll take it: /handover take 2]")
		coretest.Lacks(t, "not notified: no skill", dms(e, jan), "[Ik neem hem: /handover take 2]")
		coretest.Wants(t, "notify by another", press(e, pieter, "/handover notify 2"), "Only Jan de Vries, who asked, can DM colleagues about handover 2.")
		// Pressed again later: a second DM, not a silent no-op.
		before := len(e.Posters.DMs(intranet.PlatformConsole, pieter))
		e.Now = e.Now.Add(time.Second)
		coretest.Wants(t, "notify again", press(e, jan, "/handover notify 2"), "Ik stuurde 2 collega's")
		if after := len(e.Posters.DMs(intranet.PlatformConsole, pieter)); after != before+1 {
			t.Fatalf("second notify: %d DMs to Pieter, want %d", after, before+1)
		}
		coretest.Wants(t, "pending", press(e, pieter, "/handover take 2"), "a team lead of Zorg Oost still has to approve")
		pieterID := personID(t, e, pieter)
		coretest.Wants(t, "lead asked", dms(e, anouk), fmt.Sprintf("[Goedkeuren: /handover approve 2 for:%d]", pieterID), fmt.Sprintf("[Afwijzen: /handover reject 2 for:%d]", pieterID))
		coretest.Wants(t, "requester told of pending", dms(e, jan), "Pieter Jansen wil je dienst van za 28 nov 2026 22:00 – zo 29 nov 2026 07:00 overnemen")
		coretest.Wants(t, "only leads", press(e, jan, "/handover approve 2"), "Alleen een leider van Zorg Oost")
		coretest.Wants(t, "reject", press(e, anouk, fmt.Sprintf("/handover afwijzen 2 for:%d", pieterID)), "Afgewezen: overdracht 2 staat weer open.")
		coretest.Wants(t, "taker told of reject", dms(e, pieter), "Anouk van den Berg rejected your takeover of handover 2")
		e.RunDue()
		coretest.Wants(t, "card open again", e.Posters.Card(intranet.PlatformConsole, "zorg-oost"), "[Ik neem hem: /handover take 2]")
		coretest.Wants(t, "not pending", press(e, anouk, "/handover approve 2"), "Overdracht 2 wacht niet op goedkeuring.")
		coretest.Wants(t, "take again", press(e, pieter, "/handover take 2"), "still has to approve")
		e.RunDue()
		coretest.Wants(t, "card pending", e.Posters.Card(intranet.PlatformConsole, "zorg-oost"), "Genomen door Pieter Jansen om 10:00; wacht op goedkeuring")
		// A button of an earlier takeover, by someone else, decides nothing.
		coretest.Wants(t, "stale button", press(e, anouk, "/handover approve 2 for:99999"), "Dit verzoek is intussen veranderd: Pieter Jansen nam het nu.")
		coretest.Wants(t, "bad taker", press(e, anouk, "/handover approve 2 for:x"), "`for:x` is geen getal.", "Schrijf `/handover approve <nummer>")
		coretest.Wants(t, "approve", press(e, anouk, fmt.Sprintf("/handover keur 2 voor:%d", pieterID)), "Goedgekeurd: Pieter Jansen neemt de dienst van Jan de Vries over.")
		coretest.Wants(t, "both told", dms(e, pieter), "Anouk van den Berg approved: Pieter Jansen takes over Jan de Vries's shift")
		coretest.Wants(t, "both told", dms(e, jan), "Anouk van den Berg keurde het goed: Pieter Jansen neemt de dienst van Jan de Vries over")
		e.RunDue()
		coretest.Wants(t, "card approved", e.Posters.Card(intranet.PlatformSlack, "C-ZO"), "Overgenomen door Pieter Jansen")

		// A third, to list and to let expire.
		say(e, jan, "", "/handover vandaag 12:00-16:00 Winkel")
		coretest.Wants(t, "list", say(e, pieter, "", "/handover list"), "Winkel", "[I'll take it: /handover take 3]")
		coretest.Wants(t, "list requester", say(e, jan, "", "/handover lijst"), "Winkel", "[Annuleren: /handover cancel 3]")
		coretest.Wants(t, "list nothing", say(e, kees, "", "/handover list"), "Je teams hebben geen open overdrachten.")
		coretest.Wants(t, "mine", say(e, pieter, "", "/handover mine"), "Taken · *2*", "Nachtdienst Oost", "from Jan de Vries")
		coretest.Wants(t, "mine requester", say(e, jan, "", "/handover mijn"), "Gevraagd · *1*", "geannuleerd", "[Annuleren: /handover cancel 3]")
		coretest.Wants(t, "mine nothing", say(e, kees, "", "/handover mine"), "Je vroeg of nam geen diensten")
		e.Now = e.Now.Add(3 * time.Hour)
		coretest.Wants(t, "expired", press(e, pieter, "/handover take 3"), "Handover 3 has expired")
		coretest.Wants(t, "expired cancel", press(e, jan, "/handover cancel 3"), "Overdracht 3 is verlopen")
		coretest.Wants(t, "mine expired", say(e, jan, "", "/handover mine"), "Winkel · Zorg Oost · verlopen")
		h, err := e.Store.FindHandoverByID(ctx, 3)
		if err != nil || h.TakerID != 0 || h.State == intranet.HandoverCancelled {
			t.Fatalf("expired request changed: %+v, %v", h, err)
		}
	})
}

// TestHandoverBadInput: every mistake gets a clear reply in the person's
// language and changes nothing.
func TestHandoverBadInput(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		setup(t, e, 0, nil)
		for _, tc := range []struct {
			name, who, text string
			want            []string
		}{
			{"NoArgs", jan, "/handover", []string{"Ik mis `<datum> <van>-<tot>`", "Schrijf `/handover <datum> <van>-<tot> <wat>"}},
			{"NoTimes", jan, "/handover morgen Pool Noord", []string{"Na `morgen` mis ik de tijden", "/overdracht morgen 14:00-22:00 Pool Noord"}},
			{"PastDate", jan, "/handover 2025-11-28 14:00-22:00 Pool Noord", []string{"`2025-11-28` is voorbij"}},
			{"PastToday", jan, "/handover vandaag 08:00-09:00 Pool Noord", []string{"Die dienst (vr 27 nov 2026 08:00–09:00) is al begonnen of voorbij", "Schrijf `/handover"}},
			{"ImpossibleDate", jan, "/handover 31-02 14:00-22:00 Pool Noord", []string{"bestaat niet"}},
			{"ZeroLength", jan, "/handover morgen 14:00-14:00 Pool Noord", []string{"`14:00-14:00` duurt nul minuten"}},
			{"TooLong", jan, "/handover morgen 06:00-23:00 Pool Noord", []string{"Een dienst mag hoogstens 16 uur duren; 06:00-23:00 is 17 h."}},
			{"TooLongOvernight", jan, "/handover morgen 07:00-06:00 Pool Noord", []string{"hoogstens 16 uur", "is 23 h"}},
			{"NoDescription", jan, "/handover morgen 14:00-22:00", []string{"Ik mis `<wat>`"}},
			{"UnknownTeam", jan, "/handover morgen 14:00-22:00 Pool team:zorg-oots", []string{`Ik ken geen team "zorg-oots". Bedoel je: Zorg Oost`}},
			{"UnknownSkill", jan, "/handover morgen 14:00-22:00 Pool needs:wondzrog", []string{`Niemand heeft de vaardigheid "wondzrog". Bedoel je: Wondzorg?`}},
			{"NotInTeam", kees, "/handover morgen 14:00-22:00 Pool team:\"Zorg Oost\"", []string{"Je hoort niet bij Zorg Oost"}},
			{"UnknownID", jan, "/handover take 99", []string{"Er is geen overdracht 99."}},
			{"BadID", jan, "/handover cancel x", []string{"`x` is geen nummer.", "Schrijf `/handover cancel <nummer>`"}},
			{"TwoTeams", jan, "/handover morgen 14:00-22:00 Pool team:a team:b", []string{"`team:` staat er twee keer"}},
			{"Guest", coretest.Gijs, "/handover list", []string{"Je bent gast in Werkplek"}},
			{"English", pieter, "/werkplek language en", []string{"English"}},
			{"EnglishPast", pieter, "/handover 2025-11-28 14:00-22:00 Pool", []string{"`2025-11-28` has passed"}},
			{"EnglishStarted", pieter, "/handover today 08:00-09:00 Pool", []string{"That shift (Fri 27 Nov 2026 08:00–09:00) has started or is over already."}},
			{"EnglishUnknownTeam", pieter, "/handover tomorrow 14-22 Pool team:noord", []string{`I know no team "noord".`}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				coretest.Wants(t, tc.text, say(e, tc.who, "", tc.text), tc.want...)
			})
		}
		list, err := e.Store.Handovers(context.Background(), intranet.HandoverFilter{})
		if err != nil || len(list) != 0 {
			t.Fatalf("bad input made %d requests, %v", len(list), err)
		}
	})
}

// TestHandoverNoReachableLead: approval is on but no platform reaches the
// team's only lead (they never wrote, and no platform knows their email):
// the taker is told so, and whom to ask, instead of waiting for an answer
// that never comes.
func TestHandoverNoReachableLead(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		setup(t, e, 0, nil)
		e.Outbox.People = feature.Recipients{People: e.Store, Accounts: e.Store, Platforms: e.Posters, Language: "nl"}
		for _, step := range []struct {
			who, text string
			want      []string
		}{
			{anouk, "/team add Nachtdienst", []string{"Team Nachtdienst is gemaakt."}},
			{anouk, "/team member add Nachtdienst pieter.jansen@example.nl", []string{"Pieter Jansen is nu lid van Nachtdienst."}},
			{anouk, "/team member add Nachtdienst jan.devries@example.nl", []string{"Jan de Vries is nu lid van Nachtdienst."}},
			{anouk, "/team lead add Nachtdienst kees.janssen@example.nl", []string{"Kees Janssen is nu leider van Nachtdienst."}},
			{anouk, "/team approval Nachtdienst aan", []string{"hebben nu de goedkeuring"}},
			{anouk, "/team lead remove Nachtdienst anouk.vandenberg@example.nl", []string{"Anouk van den Berg is geen leider van Nachtdienst meer."}},
			{jan, "/handover morgen 22:00-07:00 Nachtdienst team:Nachtdienst", []string{"Jan de Vries vraagt of iemand van Nachtdienst deze dienst overneemt.", "Nachtdienst heeft geen kanaal"}},
			{pieter, "/handover take 1", []string{"Je hebt overdracht 1 genomen; een teamleider van Nachtdienst keurt het nog goed."}},
		} {
			coretest.Wants(t, step.text, say(e, step.who, "", step.text), step.want...)
		}
		coretest.Wants(t, "the taker told", dms(e, pieter), "Ik kon Kees Janssen nergens een bericht sturen over je overname van overdracht 1. Vraag Kees Janssen om `/handover approve 1`.")
	})
}

// TestHandoverRace: colleagues press "I'll take it" at the same moment;
// exactly one gets the shift and the others hear who did.
func TestHandoverRace(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		setup(t, e, 0, nil)
		var who []string
		for i := 1; i <= 6; i++ {
			email := fmt.Sprintf("collega%d@example.nl", i)
			e.Import(intranet.PersonRecord{Name: fmt.Sprintf("Collega %d", i), Email: email, Department: "Zorg Oost"})
			who = append(who, email)
		}
		for _, w := range append(who, jan) {
			say(e, w, "", "/werkplek language nl")
		}
		coretest.Wants(t, "create", say(e, jan, "", "/handover morgen 14:00-22:00 Pool Noord"), "Overdracht 1")
		replies := make([]string, len(who))
		var wg sync.WaitGroup
		for i, w := range who {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r := coretest.Request(w, "", "")
				r.Action = &intranet.Action{Command: "/handover take 1"}
				reply, err := e.Router.Handle(context.Background(), r)
				if err != nil {
					replies[i] = err.Error()
					return
				}
				replies[i] = coretest.All(reply)
			}()
		}
		wg.Wait()
		won, late := 0, 0
		for _, r := range replies {
			switch {
			case strings.Contains(r, "Je neemt de dienst over"):
				won++
			case strings.Contains(r, "Te laat:"):
				late++
			default:
				t.Errorf("unexpected reply: %s", r)
			}
		}
		if won != 1 || late != len(who)-1 {
			t.Fatalf("%d won, %d too late:\n%s", won, late, strings.Join(replies, "\n"))
		}
		if got := strings.Count(dms(e, jan), "neemt je dienst"); got != 1 {
			t.Fatalf("requester told %d times", got)
		}
	})
}
