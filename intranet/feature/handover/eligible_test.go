package handover_test

import (
	"context"
	"testing"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
)

// TestHandoverListOffersWhatYouMay: /handover list shows the take button
// only to whom /handover take would give the shift, and says why not to
// the others: a skill they lack, a team they only lead.
func TestHandoverListOffersWhatYouMay(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		setup(t, e, 0, nil)
		say(e, pieter, "", "/werkplek language en")
		coretest.Wants(t, "lead", say(e, anouk, "", `/team lead add "Zorg Oost" kees.janssen@example.nl`), "Kees Janssen is nu leider van Zorg Oost.")
		coretest.Wants(t, "create", say(e, pieter, "", "/handover morgen 14:00-22:00 Wondbehandeling needs:wondzorg"), "Shift to take over: Wondbehandeling")

		got := say(e, jan, "", "/handover list")
		coretest.Wants(t, "no skill", got, "Wondbehandeling", "Vraagt Wondzorg, en dat heb jij niet")
		coretest.Lacks(t, "no skill", got, "/handover take 1")
		coretest.Wants(t, "no skill takes", press(e, jan, "/handover take 1"), "Voor deze dienst is de vaardigheid Wondzorg nodig")

		got = say(e, kees, "", "/handover list")
		coretest.Wants(t, "lead only", got, "Wondbehandeling", "Alleen voor leden van Zorg Oost")
		coretest.Lacks(t, "lead only", got, "/handover take 1")

		got = say(e, anouk, "", "/handover list")
		coretest.Wants(t, "may take", got, "[Ik neem hem: /handover take 1]")
		coretest.Lacks(t, "may take", got, "Vraagt Wondzorg")

		got = say(e, pieter, "", "/handover list")
		coretest.Wants(t, "own", got, "[Cancel: /handover cancel 1]")
		coretest.Lacks(t, "own", got, "/handover take 1", "Needs Wondzorg")

		say(e, jan, "", "/werkplek language en")
		coretest.Wants(t, "english", say(e, jan, "", "/handover list"), "Needs Wondzorg, which you don't have")
	})
}

// TestHandoverNobodyCanTake: a request nobody in its team may take is
// made all the same, and the asker is warned and told where else to
// turn: another of their teams (a button that asks it) and the team's
// lead.
func TestHandoverNobodyCanTake(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		setup(t, e, 0, nil)
		for _, step := range []struct{ who, text, want string }{
			{anouk, "/team add Nachtdienst", "Team Nachtdienst is gemaakt."},
			{anouk, "/team member add Nachtdienst jan.devries@example.nl", "Jan de Vries is nu lid van Nachtdienst."},
		} {
			coretest.Wants(t, step.text, say(e, step.who, "", step.text), step.want)
		}

		// A team of one.
		got := say(e, jan, "", "/handover morgen 22:00-07:00 Nacht team:Nachtdienst")
		coretest.Wants(t, "alone", got, "Let op: niemand kan deze dienst nemen, want je bent de enige in Nachtdienst. Je verzoek staat er wel.",
			`[Vraag Zorg Oost: /handover 2026-11-28 22:00-07:00 Nacht team:"Zorg Oost"]`,
			"Of vraag Anouk van den Berg (leiding van Nachtdienst) om een collega aan het team toe te voegen: `/team member add Nachtdienst <persoon>`.",
			"Nachtdienst heeft geen kanaal")
		if h, err := e.Store.FindHandoverByID(context.Background(), 1); err != nil || h.State != intranet.HandoverOpen {
			t.Fatalf("the request of a team of one: %+v, %v", h, err)
		}
		// The button asks Zorg Oost, where Pieter may take it.
		got = press(e, jan, `/handover 2026-11-28 22:00-07:00 Nacht team:"Zorg Oost"`)
		coretest.Wants(t, "other team", got, "Overdracht 2", "Zorg Oost")
		coretest.Lacks(t, "other team", got, "niemand kan")

		// Nobody else with the skill.
		coretest.Wants(t, "kees", say(e, anouk, "", "/team member add Nachtdienst kees.janssen@example.nl"), "Kees Janssen is nu lid van Nachtdienst.")
		got = say(e, jan, "", "/handover morgen 22:00-07:00 Wond team:Nachtdienst needs:wondzorg")
		coretest.Wants(t, "no skill", got, "Let op: niemand kan deze dienst nemen, want niemand anders in Nachtdienst heeft Wondzorg.",
			`[Vraag Zorg Oost: /handover 2026-11-28 22:00-07:00 Wond team:"Zorg Oost" needs:Wondzorg]`)
		// Kees may take one without the skill: no warning.
		coretest.Lacks(t, "kees may", say(e, jan, "", "/handover morgen 22:00-07:00 Nacht team:Nachtdienst"), "niemand kan")

		// A lead who asks hears to add someone; in English.
		say(e, anouk, "", "/werkplek language en")
		coretest.Wants(t, "lead asks", say(e, anouk, "", "/handover morgen 08:00-12:00 Wond team:Nachtdienst needs:wondzorg"),
			"Note: nobody can take this shift, as nobody else in Nachtdienst has Wondzorg. Your request stands all the same.",
			"Add a colleague to the team yourself: `/team member add Nachtdienst <person>`.")
	})
}

// TestHandoverTakeAgain: pressing take on a shift you took already says it
// is yours, not that you were too late; others still hear who took it.
func TestHandoverTakeAgain(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		setup(t, e, 0, nil)
		coretest.Wants(t, "create", say(e, jan, "", "/handover morgen 14:00-22:00 Pool Noord"), "Dienst over te nemen: Pool Noord", "Overdracht 1")
		coretest.Wants(t, "take", press(e, pieter, "/handover take 1"), "Je neemt de dienst over")
		got := press(e, pieter, "/handover take 1")
		coretest.Wants(t, "again", got, "Deze dienst is al van jou: je nam overdracht 1 om 10:00 over.")
		coretest.Lacks(t, "again", got, "Te laat")
		coretest.Wants(t, "someone else", press(e, anouk, "/handover take 1"), "Te laat: Pieter Jansen nam overdracht 1 om 10:00 over.")

		// Waiting for approval, in English.
		say(e, pieter, "", "/werkplek language en")
		coretest.Wants(t, "approval", say(e, anouk, "", `/team approval "Zorg Oost" on`), "hebben nu de goedkeuring")
		coretest.Wants(t, "create 2", say(e, jan, "", "/handover morgen 06:00-10:00 Vroeg"), "Dienst over te nemen: Vroeg", "Overdracht 2")
		coretest.Wants(t, "pending", press(e, pieter, "/handover take 2"), "a team lead of Zorg Oost still has to approve")
		got = press(e, pieter, "/handover take 2")
		coretest.Wants(t, "again pending", got, "You already took handover 2; it waits for a team lead's approval.")
		coretest.Lacks(t, "again pending", got, "Too late")
	})
}

// TestHandoverSkipsAway: a colleague who marked themselves away is not
// told of a request and may not take it, through the last day they gave;
// the day after they are again, without doing anything.
func TestHandoverSkipsAway(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		setup(t, e, 0, nil)
		ctx := context.Background()
		// Today is Friday 27 November; Jan is away through Monday 30.
		if err := e.Store.SetAway(ctx, personID(t, e, jan), "2026-11-30", "cursus"); err != nil {
			t.Fatal(err)
		}
		coretest.Wants(t, "create", say(e, pieter, "", "/handover 5 dec 14:00-22:00 Late dienst"), "Overdracht 1")
		before := len(e.Posters.DMs(intranet.PlatformConsole, jan))
		coretest.Wants(t, "notify", say(e, pieter, "", "/handover notify 1"), "1 collega")
		if n := len(e.Posters.DMs(intranet.PlatformConsole, jan)); n != before {
			t.Errorf("away Jan got %d DMs", n-before)
		}
		coretest.Wants(t, "anouk told", dms(e, anouk), "Late dienst")
		got := say(e, jan, "", "/handover list")
		coretest.Wants(t, "list away", got, "Late dienst", "Je bent afwezig")
		coretest.Lacks(t, "list away", got, "/handover take 1")
		coretest.Wants(t, "take away", press(e, jan, "/handover take 1"), "Je staat afwezig t/m 2026-11-30", "`/profile back`")
		coretest.Lacks(t, "home away", say(e, jan, "", "/handover list"), "[Ik neem hem")

		e.Now = e.Now.AddDate(0, 0, 3) // Monday 30 November: the last day
		coretest.Lacks(t, "last day", say(e, jan, "", "/handover list"), "/handover take 1")

		e.Now = e.Now.AddDate(0, 0, 1) // Tuesday 1 December
		coretest.Wants(t, "list back", say(e, jan, "", "/handover list"), "/handover take 1")
		coretest.Wants(t, "notify back", say(e, pieter, "", "/handover notify 1"), "2 collega")
		if n := len(e.Posters.DMs(intranet.PlatformConsole, jan)); n != before+1 {
			t.Errorf("Jan, back, got %d DMs, want 1", n-before)
		}
		coretest.Wants(t, "take back", press(e, jan, "/handover take 1"), "Je neemt de dienst over")
	})
}

// TestHandoverApprovalSkipsAwayLead: a takeover waiting for approval is
// put to the leads who are here; when every lead is away, to them all.
// An away lead may still decide.
func TestHandoverApprovalSkipsAwayLead(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		setup(t, e, 0, nil)
		ctx := context.Background()
		coretest.Wants(t, "lead", say(e, anouk, "", `/team lead add "Zorg Oost" kees.janssen@example.nl`), "Kees Janssen is nu leider van Zorg Oost.")
		coretest.Wants(t, "approval", say(e, anouk, "", `/team approval "Zorg Oost" on`), "hebben nu de goedkeuring")
		if err := e.Store.SetAway(ctx, personID(t, e, anouk), "2026-11-30", ""); err != nil {
			t.Fatal(err)
		}
		say(e, pieter, "", "/handover 5 dec 14:00-22:00 Late dienst")
		coretest.Wants(t, "take", press(e, jan, "/handover take 1"), "keurt het nog goed")
		coretest.Wants(t, "kees asked", dms(e, kees), "/handover approve 1")
		coretest.Lacks(t, "anouk not asked", dms(e, anouk), "/handover approve 1")
		coretest.Wants(t, "anouk may", press(e, anouk, "/handover approve 1"), "Goedgekeurd")

		// Both leads away: both are asked.
		if err := e.Store.SetAway(ctx, personID(t, e, kees), "2026-12-31", ""); err != nil {
			t.Fatal(err)
		}
		say(e, pieter, "", "/handover 6 dec 14:00-22:00 Late dienst")
		coretest.Wants(t, "take 2", press(e, jan, "/handover take 2"), "keurt het nog goed")
		coretest.Wants(t, "kees asked 2", dms(e, kees), "/handover approve 2")
		coretest.Wants(t, "anouk asked 2", dms(e, anouk), "/handover approve 2")
	})
}
