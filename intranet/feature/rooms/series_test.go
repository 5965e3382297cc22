package rooms_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/demo"
	"github.com/werkplek/werkplek/intranet/feature/rooms"
)

// TestSeriesTooLong: a series longer than the limit is refused whole, with
// the limit and the last date it reaches named, never booked cut short;
// the form says the same at its repeat field.
func TestSeriesTooLong(t *testing.T) {
	withRooms(t, demo.Rooms(), func(t *testing.T, e *coretest.Env) {
		got := say(e, jan, "/room book Stilte ma 10-11 Dagelijks elke dag tot 2028-12-31")
		coretest.Wants(t, "nl", got, "Niets geboekt: een reeks is hoogstens 366 keer", "De 366e keer valt op di 30 nov 2027", "`tot 2027-11-30`")
		coretest.Lacks(t, "nl", got, "Geboekt:")
		if n := len(bookings(t, e)); n != 0 {
			t.Fatalf("a series too long booked %d", n)
		}
		// Exactly the limit is booked whole.
		coretest.Wants(t, "limit", say(e, jan, "/room book Stilte ma 10-11 Dagelijks elke dag tot 2027-11-30"), "Geboekt: Stilte", "366 keer")
		e.Say(kees, "", "/werkplek language en")
		coretest.Wants(t, "en", say(e, kees, "/room book Oudegracht mon 10-11 every week until 2034-01-01"),
			"Nothing booked: a series is at most 366 times", "Time 366 falls on", "`until ")
		rq := coretest.Request(kees, "", "")
		rq.Form = &intranet.FormSubmission{FormID: "room.book", Values: map[string]string{"room": "Oudegracht", "date": "2026-11-30", "from": "10:00", "to": "11:00", "repeat": "every day until 2028-12-31"}}
		form := e.Do(rq)
		if form.Form == nil || !strings.Contains(form.FieldErrors["repeat"], "a series is at most 366 times") {
			t.Fatalf("form: %+v", form)
		}
		if n := len(bookings(t, e)); n != 366 {
			t.Fatalf("%d bookings, want 366", n)
		}
	})
}

// TestCancelSeries: `/room cancel <id> series` (reeks) asks once, then
// cancels that time and every later one of the series, with one reply
// that counts them; only the owner or a room admin may, and the owner is
// told once.
func TestCancelSeries(t *testing.T) {
	withRooms(t, demo.Rooms(), func(t *testing.T, e *coretest.Env) {
		coretest.Wants(t, "book", say(e, jan, "/room book Stilte ma 10-11 Overleg elke week tot 28-12"), "5 keer", "/room cancel 1 series")
		third := bookings(t, e)[2]
		coretest.Wants(t, "not yours", say(e, kees, fmt.Sprintf("/room cancel %d reeks", third.ID)), "is van Jan de Vries")
		reply := e.Say(jan, "", fmt.Sprintf("/room annuleer reeks %d", third.ID))
		coretest.Wants(t, "question", coretest.All(reply), "Reeks annuleren?", "Dit annuleert 3 keer: Stilte, ma 14 dec 2026 10:00–11:00 tot en met ma 28 dec 2026.",
			fmt.Sprintf("[Annuleer 3 keer: /room cancel %d series sure]", third.ID))
		if n := len(bookings(t, e)); n != 5 {
			t.Fatalf("the question cancelled %d", 5-n)
		}
		coretest.Wants(t, "press", coretest.All(e.Press(jan, reply.Buttons[0].Command)), "Geannuleerd: 3 keer, Stilte, ma 14 dec 2026 10:00–11:00 tot en met ma 28 dec 2026.")
		left := bookings(t, e)
		if len(left) != 2 || left[1].ID != third.ID-1 {
			t.Fatalf("left %+v", left)
		}
		coretest.Wants(t, "again", coretest.All(e.Press(jan, reply.Buttons[0].Command)), "is al geannuleerd")
		// A room admin cancels the rest of someone else's series; its owner hears it once.
		coretest.Wants(t, "kees books", say(e, kees, "/room book Oudegracht di 9-10 elke dag tot 4-12"), "4 keer")
		var first intranet.Booking
		for _, b := range bookings(t, e) {
			if b.Person == "Kees Janssen" && first.ID == 0 {
				first = b
			}
		}
		e.Say(rita, "", "/werkplek language en")
		coretest.Wants(t, "admin question", say(e, rita, fmt.Sprintf("/room cancel %d series", first.ID)), "This cancels 4 times", "The series is Kees Janssen's.")
		coretest.Wants(t, "admin", say(e, rita, fmt.Sprintf("/room cancel %d series sure", first.ID)), "Cancelled: 4 times, Oudegracht", "The series was Kees Janssen's.")
		if n := len(bookings(t, e)); n != 2 {
			t.Fatalf("%d left, want 2", n)
		}
		if _, pending := e.Jobs.Pending(rooms.RoomReminderJob, fmt.Sprintf("booking:%d", first.ID)); pending {
			t.Error("a cancelled series keeps its reminder")
		}
		if _, pending := e.Jobs.Pending(rooms.RoomReminderJob, "booking:1"); !pending {
			t.Error("the series' earlier time lost its reminder")
		}
		dms := strings.Join(e.Posters.DMs(intranet.PlatformConsole, kees), "\n")
		if n := strings.Count(dms, "Rita Ruimte heeft 4 keer van je reeks geannuleerd: Oudegracht, di 1 dec 2026 09:00–10:00 tot en met vr 4 dec 2026."); n != 1 {
			t.Errorf("owner told %d times: %s", n, dms)
		}
	})
}

// TestMinePages: /room mine shows a series on one line and pages on
// past 25 lines, with a button that runs `/room mine 2`; `series:` shows
// each time of one series.
func TestMinePages(t *testing.T) {
	withRooms(t, demo.Rooms(), func(t *testing.T, e *coretest.Env) {
		coretest.Wants(t, "series", say(e, jan, "/room book Stilte ma 10-11 Overleg elke week tot 28-12"), "5 keer")
		coretest.Wants(t, "weekdays", say(e, jan, "/room book Oudegracht ma 9-10 werkdagen tot 2027-01-08"), "30 keer")
		for i := 0; i < 26; i++ {
			coretest.Wants(t, "single", say(e, jan, fmt.Sprintf("/room book De Dom 2027-01-%02d 14-15 Los %d", i+1, i+1)), "Geboekt")
		}
		reply := e.Say(jan, "", "/room mine")
		got := coretest.All(reply)
		coretest.Wants(t, "page 1", got, "*Stilte* · elke ma 10:00–11:00 tot 28-12, 5 keer · Overleg · #1",
			"*Oudegracht* · werkdagen 09:00–10:00 tot 8-1-2027, 30 keer", "Pagina 1 van 2.", "[Meer: /room mine 2]", "[Alle keren: /room mine series:1]",
			"[Reeks annuleren: /room cancel 1 series sure]", "Los 23 ·")
		coretest.Lacks(t, "page 1", got, "Los 24 ·", "De eerste 25")
		if n := len(reply.Sections); n != 25 {
			t.Errorf("page 1 has %d lines, want 25", n)
		}
		for _, s := range reply.Sections {
			for _, b := range s.Buttons {
				if strings.HasPrefix(b.Command, "/room cancel") && b.Confirm == nil {
					t.Errorf("cancel without confirmation: %+v", b)
				}
			}
		}
		got = coretest.All(e.Press(jan, reply.Buttons[0].Command))
		coretest.Wants(t, "page 2", got, "Los 24 ·", "Los 25 ·", "Los 26 ·", "Pagina 2 van 2.")
		coretest.Lacks(t, "page 2", got, "Meer", "Los 23 ·")
		coretest.Wants(t, "no page 3", say(e, jan, "/room mijn 3"), "Er is geen pagina 3")
		got = say(e, jan, "/room mine series:1")
		coretest.Wants(t, "each time", got, "Reeks 1: elke ma 10:00–11:00 tot 28-12, 5 keer", "*Stilte* · ma 28 dec 2026 10:00–11:00 · Overleg · #5", "[Annuleren: /room cancel 5]")
		coretest.Wants(t, "not mine", say(e, kees, "/room mine series:1"), "geen komende keren in reeks 1")
		e.Say(jan, "", "/werkplek language en")
		coretest.Wants(t, "en", say(e, jan, "/room mine"), "*Stilte* · every Mon 10:00–11:00 until 28-12, 5 times", "weekdays 09:00–10:00 until 8-1-2027, 30 times", "[More: /room mine 2]")
	})
}
