package rooms_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/demo"
	"github.com/werkplek/werkplek/intranet/when"
)

// The demo's rooms: De Dom (12, screen video whiteboard), Oudegracht (6,
// screen whiteboard), Stilte (2), Zorgkamer Oost (8, screen, 06-23),
// Amersfoort Kei (10, video whiteboard, 08-18), Zeist Slot (4, screen, 08-17),
// Ontvangstkamer (6, screen, 08-18, a visitor room).

// TestGrammarMistakes: what the grammar refuses names the value, offers no
// room and books nothing.
func TestGrammarMistakes(t *testing.T) {
	withRooms(t, demo.Rooms(), func(t *testing.T, e *coretest.Env) {
		for _, tc := range []struct {
			email, text string
			want        []string
		}{
			{jan, "/room book Stilte gisteren 10-11", []string{"`gisteren` is voorbij", "Schrijf `/room book <ruimte>"}},
			{jan, "/room book Stilte morgen 25:00-26:00", []string{"`25:00` is geen tijd"}},
			{jan, "/room free morgen 10-11 0 personen", []string{"`0 personen`"}},
			{rita, "/room admin change Stilte foo:bar", []string{"`foo:` ken ik niet"}},
		} {
			reply := e.Say(tc.email, "", tc.text)
			got := coretest.All(reply)
			coretest.Wants(t, tc.text, got, tc.want...)
			coretest.Lacks(t, tc.text, got, "Bedoel je")
			if len(reply.Buttons) > 0 {
				t.Errorf("%s: buttons %+v", tc.text, reply.Buttons)
			}
		}
		if n := len(bookings(t, e)); n != 0 {
			t.Errorf("mistakes booked %d", n)
		}
		if rs, _ := e.Store.Rooms(t.Context(), true); len(rs) != len(demo.Rooms()) {
			t.Errorf("mistakes changed the rooms: %d", len(rs))
		}
	})
}

// TestSeriesReadBack: a series is booked whole and read back as people say it.
func TestSeriesReadBack(t *testing.T) {
	withRooms(t, demo.Rooms(), func(t *testing.T, e *coretest.Env) {
		got := say(e, jan, `/room book "De Dom" ma 10:00-11:00 Wekelijks elke week tot 28-12`)
		coretest.Wants(t, "weekly", got, "Geboekt: De Dom", "5 keer 10:00–11:00 vanaf ma 30 nov 2026, elke week tot en met ma 28 dec 2026 · Wekelijks", "`/room mine`")
		coretest.Lacks(t, "weekly", got, "every", "elke 1")
		b := bookings(t, e)
		if len(b) != 5 || b[0].Title != "Wekelijks" || b[0].SeriesID == 0 || b[4].SeriesID != b[0].SeriesID ||
			when.DateOf(b[4].Start, coretest.Amsterdam) != (when.Date{Year: 2026, Month: 12, Day: 28}) {
			t.Fatalf("stored %+v", b)
		}
		got = say(e, kees, "/room book stilte morgen 9-10 elke 2 weken tot 1-1")
		coretest.Wants(t, "fortnightly", got, "3 keer 09:00–10:00 vanaf za 28 nov 2026, elke 2 weken tot en met vr 1 jan 2027")
		e.Say(jan, "", "/werkplek language en")
		got = say(e, jan, "/room book Stilte 2026-12-01 14-15 every day until 2026-12-03")
		coretest.Wants(t, "daily", got, "3 times 14:00–15:00 from Tue 1 Dec 2026, every day until Thu 3 Dec 2026")
		coretest.Lacks(t, "daily", got, "every 1 days")
	})
}

// TestDidYouMeanKeepsValues: a button offering a room keeps every other
// value typed; so do the "taken" reply's other times and rooms.
func TestDidYouMeanKeepsValues(t *testing.T) {
	withRooms(t, demo.Rooms(), func(t *testing.T, e *coretest.Env) {
		reply := e.Say(jan, "", "/room book Stlte morgen 10-11 Overleg")
		coretest.Wants(t, "typo", coretest.All(reply), `Ik ken geen ruimte "Stlte". Bedoel je: Stilte?`, "[Stilte: /room book Stilte 2026-11-28 10:00-11:00 Overleg]")
		coretest.Wants(t, "press", coretest.All(e.Press(jan, reply.Buttons[0].Command)), "Geboekt: Stilte", "za 28 nov 2026 10:00–11:00 · Overleg")
		coretest.Wants(t, "ambiguous", say(e, jan, "/room book z morgen 10-11 Overleg elke week tot 18-12 skip:4-12"),
			`Welke ruimte bedoel je met "z": Zeist Slot, Zorgkamer Oost?`,
			`[Zeist Slot: /room book "Zeist Slot" 2026-11-28 10:00-11:00 Overleg every week until 2026-12-18 skip:2026-12-04]`,
			`[Zorgkamer Oost: /room book "Zorgkamer Oost" 2026-11-28 10:00-11:00 Overleg every week until 2026-12-18 skip:2026-12-04]`)
		// Taken: the nearest times of Stilte, and free rooms of its size.
		coretest.Wants(t, "taken", say(e, kees, "/room book stilte morgen 10:30-11:30 Klant"),
			"Stilte is bezet", "Bezet: za 28 nov 2026 10:00–11:00 Jan de Vries (Overleg).",
			"[Stilte 11:00–12:00: /room book Stilte 2026-11-28 11:00-12:00 Klant]",
			"[Stilte 11:15–12:15: /room book Stilte 2026-11-28 11:15-12:15 Klant]",
			"[Amersfoort Kei 10:30–11:30: /room book \"Amersfoort Kei\" 2026-11-28 10:30-11:30 Klant]",
			"[De Dom 10:30–11:30: /room book \"De Dom\" 2026-11-28 10:30-11:30 Klant]")
		coretest.Wants(t, "retired", say(e, rita, "/room admin retire zeist slot"), "Opgeheven: Zeist Slot")
		reply = e.Say(jan, "", "/room book zeist slot morgen 10-11")
		coretest.Wants(t, "retired room", coretest.All(reply), "Ruimte Zeist Slot is opgeheven")
		if len(reply.Buttons) != 0 {
			t.Errorf("retired room offers %+v", reply.Buttons)
		}
	})
}

// TestLongSeriesButton: the "book the other N" button of a series with many
// clashes is too long to carry its command; the router keeps it, the
// button is short, and pressing it books exactly the other dates.
func TestLongSeriesButton(t *testing.T) {
	withRooms(t, demo.Rooms(), func(t *testing.T, e *coretest.Env) {
		coretest.Wants(t, "kees", say(e, kees, "/room book Stilte ma 10-11 Kees elke week tot 30-4"), "22 keer")
		reply := e.Say(jan, "", "/room book Stilte ma 10-11 Dagelijks elke dag tot 30-4")
		coretest.Wants(t, "clash", coretest.All(reply), "Niets geboekt: Stilte is bezet", "22 van de 152 keer botsen", "Boek de andere 130")
		if len(reply.Buttons) != 1 {
			t.Fatalf("buttons: %+v", reply.Buttons)
		}
		cmd := reply.Buttons[0].Command
		if !strings.HasPrefix(cmd, "/room confirm ") || utf8.RuneCountInString(cmd) > 200 {
			t.Fatalf("long button: %q", cmd)
		}
		if n := len(bookings(t, e)); n != 22 {
			t.Fatalf("a clashing series booked %d", n-22)
		}
		coretest.Wants(t, "someone else's", say(e, kees, cmd), "was voor iemand anders")
		coretest.Wants(t, "press", coretest.All(e.Press(jan, cmd)), "Geboekt: Stilte", "130 keer 10:00–11:00 vanaf di 1 dec 2026, elke dag tot en met vr 30 apr 2027 · Dagelijks",
			"Overgeslagen: ma 30 nov 2026, ma 7 dec 2026")
		var mine []intranet.Booking
		for _, b := range bookings(t, e) {
			if b.Person == "Jan de Vries" {
				mine = append(mine, b)
				if b.Start.In(coretest.Amsterdam).Weekday() == 1 {
					t.Errorf("booked a clashing Monday: %s", b.Start)
				}
			}
		}
		if len(mine) != 130 {
			t.Errorf("booked %d, want 130", len(mine))
		}
	})
}

// TestHelp: `help` after /room or a subcommand gives its help (the router's).
func TestHelp(t *testing.T) {
	withRooms(t, demo.Rooms(), func(t *testing.T, e *coretest.Env) {
		coretest.Wants(t, "help", say(e, jan, "/room help"), "Vergaderruimtes", "/room book <ruimte>", "scherm")
		coretest.Wants(t, "book help", say(e, jan, "/room book help"), "Schrijf `/room book <ruimte> <datum> <van>-<tot>")
		if n := len(bookings(t, e)); n != 0 {
			t.Errorf("help booked %d", n)
		}
	})
}

// TestFacilities: the Dutch words of the facilities, the number of people,
// and an unknown facility refused with the known ones.
func TestFacilities(t *testing.T) {
	withRooms(t, demo.Rooms(), func(t *testing.T, e *coretest.Env) {
		for _, tc := range []struct {
			text       string
			want, lack []string
		}{
			{"/room free morgen 10-11 beeldscherm", []string{"*De Dom*", "*Oudegracht*", "*Zorgkamer Oost*", "*Zeist Slot*"}, []string{"Stilte", "Amersfoort"}},
			{"/room free morgen 10-11 tv", []string{"*De Dom*", "*Zeist Slot*"}, []string{"Stilte", "Amersfoort"}},
			{"/room free morgen 10-11 videobellen", []string{"*De Dom*", "*Amersfoort Kei*"}, []string{"Oudegracht", "Zeist"}},
			{"/room free morgen 10-11 camera", []string{"*De Dom*", "*Amersfoort Kei*"}, []string{"Oudegracht"}},
			{"/room free morgen 10-11 bord", []string{"*De Dom*", "*Oudegracht*", "*Amersfoort Kei*"}, []string{"Zorgkamer", "Zeist"}},
			{"/room free morgen 10-11 whitebord", []string{"*Oudegracht*"}, []string{"Zorgkamer"}},
			{"/room free morgen 10-11 10 personen", []string{"*De Dom*", "*Amersfoort Kei*"}, []string{"Oudegracht", "Zorgkamer"}},
			{"/room free morgen 10-11 8p scherm", []string{"*De Dom*", "*Zorgkamer Oost*"}, []string{"Oudegracht", "Amersfoort"}},
			{"/room free morgen 17-18 2 personen", []string{"*Amersfoort Kei*"}, []string{"Zeist"}},
			{"/room free morgen 10-11 beamer", []string{`Geen ruimte heeft "beamer". Voorzieningen: scherm, video, whiteboard.`}, []string{"Boeken"}},
		} {
			got := say(e, jan, tc.text)
			coretest.Wants(t, tc.text, got, tc.want...)
			coretest.Lacks(t, tc.text, got, tc.lack...)
		}
		coretest.Wants(t, "add", say(e, rita, "/room admin add Kelder capacity:3 facilities:scherm,camera;bord;beamer"), "*Kelder* · 3 personen · scherm, video, whiteboard, beamer · 07:00–19:00")
		coretest.Wants(t, "new facility", say(e, jan, "/room free morgen 10-11 beamer"), "*Kelder*")
	})
}
