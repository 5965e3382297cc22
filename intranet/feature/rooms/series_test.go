package rooms_test

import (
	"strings"
	"testing"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/demo"
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
