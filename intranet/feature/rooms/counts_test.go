package rooms_test

import (
	"testing"

	"github.com/werkplek/werkplek/internal/coretest"
)

// TestRoomCounts: one of anything is singular, in Dutch and English: a
// room for one person, one clashing time of a series, one booking
// cancelled with a room.
func TestRoomCounts(t *testing.T) {
	withRooms(t, fourRooms, func(t *testing.T, e *coretest.Env) {
		got := say(e, rita, "/room admin add Belcel capacity:1 hours:08:00-17:00")
		coretest.Wants(t, "capacity one", got, "*Belcel* · 1 persoon ·")
		coretest.Lacks(t, "capacity one", got, "1 personen")

		say(e, kees, "/room book Kleine zaal 4-12 10-11 Klant")
		got = say(e, jan, "/room book Kleine zaal vr 10-11 Teamoverleg elke week tot 25-12")
		coretest.Wants(t, "one clash", got, "1 van de 5 keer botst:")

		say(e, kees, "/room book Belcel ma 9-10 Bellen")
		got = say(e, rita, "/room admin retire Belcel")
		coretest.Wants(t, "one cancelled", got, "1 komende boeking is geannuleerd:")

		coretest.Wants(t, "english", say(e, jan, "/werkplek language en"), "English")
		say(e, rita, "/room admin add Belcel2 capacity:1 hours:08:00-17:00")
		got = say(e, jan, "/room book Kleine zaal vr 10-11 Teamoverleg elke week tot 25-12")
		coretest.Wants(t, "one clash, English", got, "1 of the 5 times clashes:")
		form := e.Say(jan, "", "/room book")
		if form.Form == nil {
			t.Fatalf("no booking form: %s", coretest.All(form))
		}
		var labels string
		for _, o := range form.Form.Fields[0].Options {
			labels += o.Label + "\n"
		}
		coretest.Wants(t, "form", labels, "Belcel2 (1 person)\n", "Zaal 10 (4 people)\n")
	})
}
