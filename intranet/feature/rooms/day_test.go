package rooms_test

import (
	"testing"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
)

// button finds the button of a reply with that command.
func button(r intranet.Reply, command string) *intranet.Button {
	for _, s := range r.Sections {
		for i := range s.Buttons {
			if s.Buttons[i].Command == command {
				return &s.Buttons[i]
			}
		}
	}
	return nil
}

func TestRoomDay(t *testing.T) {
	withRooms(t, fourRooms, func(t *testing.T, e *coretest.Env) {
		coretest.Wants(t, "booked", say(e, kees, "/room book Kleine zaal vandaag 12:30-13:30 Klant"), "Geboekt: Kleine zaal")
		e.Now = at(27, 10, 30)
		reply := e.Say(jan, "", "/zaal dag locatie:utrecht")
		got := coretest.All(reply)
		coretest.Wants(t, "day in Dutch", got, "Ruimtes op vr 27 nov 2026", "Kleine zaal · Utrecht · 6 personen", "12:30–13:30 bezet (Kees Janssen, Klant)",
			"Grote zaal · Utrecht · 20 personen",
			`[11:00: /room book "Kleine zaal" 2026-11-27 11:00-12:00]`, `[14:00: /room book "Kleine zaal" 2026-11-27 14:00-15:00]`,
			`[17:00: /room book "Kleine zaal" 2026-11-27 17:00-18:00]`, `[21:00: /room book "Grote zaal" 2026-11-27 21:00-22:00]`)
		coretest.Lacks(t, "day in Dutch", got,
			// Partly taken by the booking of 12:30-13:30.
			`"Kleine zaal" 2026-11-27 12:00-13:00`, `"Kleine zaal" 2026-11-27 13:00-14:00`,
			// Begun or passed at 10:30.
			`2026-11-27 10:00-11:00`, `2026-11-27 09:00-10:00`,
			// Outside the opening hours; another location.
			`"Kleine zaal" 2026-11-27 18:00-19:00`, "Zaal 1", "Zaal 10")
		b := button(reply, `/room book "Kleine zaal" 2026-11-27 14:00-15:00`)
		if b == nil || b.Confirm == nil || b.Confirm.Text != "Boek Kleine zaal op vr 27 nov 2026 14:00–15:00?" {
			t.Fatalf("button %+v", b)
		}
		// Pressed, it books; the hour is no longer offered.
		coretest.Wants(t, "press", coretest.All(e.Press(jan, b.Command)), "Geboekt: Kleine zaal", "vr 27 nov 2026 14:00–15:00")
		got = say(e, jan, "/room day locatie:utrecht")
		coretest.Wants(t, "after booking", got, "14:00–15:00 bezet (Jan de Vries)")
		coretest.Lacks(t, "after booking", got, `"Kleine zaal" 2026-11-27 14:00-15:00`)
		coretest.Wants(t, "unknown location", say(e, jan, "/room dag locatie:Zwolle"), `Ik ken geen locatie "Zwolle". Locaties: Utrecht.`)

		e.Say(kees, "", "/werkplek language en")
		reply = e.Say(kees, "", "/room day tomorrow")
		got = coretest.All(reply)
		coretest.Wants(t, "day in English", got, "Rooms on Sat 28 Nov 2026", "Zaal 10 · 4 people", "Free (open 07:00–19:00).",
			`[07:00: /room book "Zaal 10" 2026-11-28 07:00-08:00]`, `[08:00: /room book "Kleine zaal" 2026-11-28 08:00-09:00]`)
		b = button(reply, `/room book "Zaal 1" 2026-11-28 18:00-19:00`)
		if b == nil || b.Confirm == nil || b.Confirm.Text != "Book Zaal 1 on Sat 28 Nov 2026 18:00–19:00?" {
			t.Fatalf("button %+v", b)
		}
		coretest.Wants(t, "press in English", coretest.All(e.Press(kees, b.Command)), "Booked: Zaal 1")
		coretest.Wants(t, "busy in English", say(e, kees, "/room day 28-11"), "18:00–19:00 busy (Kees Janssen)")
		coretest.Wants(t, "unknown location in English", say(e, kees, "/room day location:Zwolle"), `I know no location "Zwolle". Locations: Utrecht.`)
		// A retired room has no day.
		coretest.Wants(t, "retire", say(e, rita, "/room admin retire Zaal 10"), "Zaal 10")
		coretest.Lacks(t, "retired", say(e, kees, "/room day tomorrow"), "Zaal 10")
		if n := len(bookings(t, e)); n != 3 {
			t.Fatalf("%d bookings, want 3", n)
		}
	})
}

// TestTypingHints: the day's and an empty booking list's typed /room book
// are marked as typing, for the web, which has a booking form; chat still
// shows them.
func TestTypingHints(t *testing.T) {
	withRooms(t, fourRooms, func(t *testing.T, e *coretest.Env) {
		for _, text := range []string{"/room day", "/room mine"} {
			r := e.Say(jan, "", text)
			if len(r.Typing) != 1 || len(r.Context) == 0 || r.Typing[0] != r.Context[0] {
				t.Fatalf("%s: typing %q, context %q", text, r.Typing, r.Context)
			}
			coretest.Wants(t, text, coretest.All(r), "`/room book <ruimte> <datum> <van>-<tot>`")
		}
		if r := e.Say(jan, "", "/room mine"); r.Text != "Je hebt geen komende boekingen." || r.Context[0] != "Boek met `/room book <ruimte> <datum> <van>-<tot>`." {
			t.Errorf("an empty list: %q %q", r.Text, r.Context)
		}
	})
}
