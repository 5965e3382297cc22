package rooms_test

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
	"github.com/werkplek/werkplek/intranet/feature/rooms"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

const (
	jan  = coretest.Jan
	kees = coretest.Kees
	rita = "rita.ruimte@example.nl" // room admin
)

// at is a time in Amsterdam in November 2026 (day 27 is a Friday).
func at(day, hour, min int) time.Time {
	return time.Date(2026, 11, day, hour, min, 0, 0, coretest.Amsterdam)
}

// fourRooms are the rooms of the tests that came from the old router.
var fourRooms = []intranet.RoomRecord{
	{Line: 2, Name: "Grote zaal", Location: "Utrecht", Capacity: 20, Facilities: []string{"screen", "video"}, Opens: 7 * 60, Closes: 22 * 60},
	{Line: 3, Name: "Kleine zaal", Location: "Utrecht", Capacity: 6, Facilities: []string{"whiteboard"}, Opens: 8 * 60, Closes: 18 * 60},
	{Line: 4, Name: "Zaal 1", Capacity: 20, Facilities: []string{"screen"}, Opens: 7 * 60, Closes: 19 * 60},
	{Line: 5, Name: "Zaal 10", Capacity: 4, Opens: 7 * 60, Closes: 19 * 60},
}

// withRooms runs fn once per engine with the rooms unit over these rooms,
// Rita as a room admin and the clock at Friday 27 November 2026, 08:00.
func withRooms(t *testing.T, recs []intranet.RoomRecord, fn func(t *testing.T, e *coretest.Env)) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		e.Now = at(27, 8, 0)
		e.Import(intranet.PersonRecord{Name: "Rita Ruimte", Email: rita, Roles: []intranet.Role{intranet.RoleRoomAdmin}})
		if _, err := e.Store.SaveRooms(context.Background(), recs, false); err != nil {
			t.Fatal(err)
		}
		e.Core(unit(t, e))
		fn(t, e)
	})
}

func unit(t *testing.T, e *coretest.Env) *rooms.Unit {
	t.Helper()
	u, err := rooms.New(rooms.Config{Env: e.Feature(), Rooms: e.Store, Shifts: e.Store, Partners: e.Store, PublicURL: "https://werkplek.example.nl"})
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func bookings(t *testing.T, e *coretest.Env) []intranet.Booking {
	t.Helper()
	b, err := e.Store.Bookings(context.Background(), intranet.BookingFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func say(e *coretest.Env, email, text string) string { return coretest.All(e.Say(email, "", text)) }

func TestNew(t *testing.T) {
	if _, err := rooms.New(rooms.Config{}); err == nil {
		t.Error("New without services: no error")
	}
	if rooms.RoomReminderJob != "booking.reminder" || rooms.RoomReminderBefore != 10*time.Minute {
		t.Errorf("reminder job %q before %s", rooms.RoomReminderJob, rooms.RoomReminderBefore)
	}
}

func TestRoomBook(t *testing.T) {
	withRooms(t, fourRooms, func(t *testing.T, e *coretest.Env) {
		coretest.Wants(t, "book", say(e, jan, "/room book Grote zaal morgen 14-15 Teamoverleg"),
			"Geboekt: Grote zaal", "za 28 nov 2026 14:00–15:00 · Teamoverleg", "[Annuleren: /room cancel ", "herinnering")
		b := bookings(t, e)
		if len(b) != 1 || b[0].Title != "Teamoverleg" || !b[0].Start.Equal(time.Date(2026, 11, 28, 13, 0, 0, 0, time.UTC)) {
			t.Fatalf("stored %+v", b)
		}
		// The Dutch words and a prefix of the room's name, back to back.
		coretest.Wants(t, "back to back", say(e, kees, "/zaal boek grote 28 nov 15:00 - 16:00"), "Geboekt: Grote zaal")
		// Taken: by whom, the nearest free times and other rooms of that size.
		reply := e.Say(kees, "", "/room book Grote zaal 2026-11-28 14:30-15:30 Sync")
		got := coretest.All(reply)
		coretest.Wants(t, "taken", got, "Grote zaal is bezet", "14:00–15:00 Jan de Vries (Teamoverleg)", "15:00–16:00 Kees Janssen",
			`[Grote zaal 16:00–17:00: /room book "Grote zaal" 2026-11-28 16:00-17:00 Sync]`, `[Grote zaal 13:00–14:00: /room book "Grote zaal" 2026-11-28 13:00-14:00 Sync]`,
			`[Zaal 1 14:30–15:30: /room book "Zaal 1" 2026-11-28 14:30-15:30 Sync]`)
		coretest.Lacks(t, "taken: a smaller room", got, "Kleine zaal 14:30", "Zaal 10 14:30")
		// Pressing an offered button books it.
		for _, btn := range reply.Buttons {
			if strings.HasPrefix(btn.Label, "Zaal 1 ") {
				coretest.Wants(t, "press "+btn.Command, coretest.All(e.Press(kees, btn.Command)), "Geboekt: Zaal 1")
			}
		}
		if n := len(bookings(t, e)); n != 3 {
			t.Fatalf("%d bookings, want 3", n)
		}
		// In English; "mon" is relative to today (Friday 27th): Monday 30 November.
		e.Say(jan, "", "/werkplek language en")
		got = say(e, jan, "/room book zaal 10 tomorrow 9-10 every day until mon")
		coretest.Wants(t, "series in English", got, "Booked: Zaal 10", "3 times 09:00–10:00 from Sat 28 Nov 2026, every day until Mon 30 Nov 2026")
		coretest.Lacks(t, "series in English", got, "every 1")
	})
}

func TestRoomSeriesClash(t *testing.T) {
	withRooms(t, fourRooms, func(t *testing.T, e *coretest.Env) {
		say(e, kees, "/room book Kleine zaal 4-12 10-11 Klant")
		say(e, kees, "/room book Kleine zaal 18-12 9:30-10:30 Klant")
		before := len(bookings(t, e))
		reply := e.Say(jan, "", "/room book Kleine zaal vr 10-11 Teamoverleg elke week tot 25-12")
		coretest.Wants(t, "series clash", coretest.All(reply), "Niets geboekt: Kleine zaal is bezet", "2 van de 5 keer botsen",
			"vr 4 dec 2026 10:00–11:00 Kees Janssen (Klant)", "vr 18 dec 2026 09:30–10:30 Kees Janssen (Klant)",
			`[Boek de andere 3: /room book "Kleine zaal" 2026-11-27 10:00-11:00 Teamoverleg every week until 2026-12-25 skip:2026-12-04,2026-12-18]`)
		if n := len(bookings(t, e)); n != before {
			t.Fatalf("a clashing series booked %d", n-before)
		}
		coretest.Wants(t, "book the rest", coretest.All(e.Press(jan, reply.Buttons[0].Command)),
			"3 keer 10:00–11:00 vanaf vr 27 nov 2026, elke week tot en met vr 25 dec 2026 · Teamoverleg", "Overgeslagen: vr 4 dec 2026, vr 18 dec 2026")
		if n := len(bookings(t, e)); n != before+3 {
			t.Fatalf("booked %d, want 3", n-before)
		}
	})
}

// TestRoomBadInput: every mistake gets a clear reply and changes nothing.
func TestRoomBadInput(t *testing.T) {
	withRooms(t, fourRooms, func(t *testing.T, e *coretest.Env) {
		say(e, kees, "/room book Grote zaal morgen 10-11 Klant")
		theirs := bookings(t, e)[0].ID
		for _, tc := range []struct {
			name, email, text string
			want              []string
		}{
			{"ErrUnknownRoomDidYouMean", jan, "/room book Grote zal morgen 14-15", []string{`Ik ken geen ruimte "Grote zal". Bedoel je: Grote zaal?`, `[Grote zaal: /room book "Grote zaal" 2026-11-28 14:00-15:00]`}},
			{"ErrUnknownRoomList", jan, "/room book Serverhok morgen 14-15", []string{`Ik ken geen ruimte "Serverhok". Er zijn: Grote zaal, Kleine zaal, Zaal 1, Zaal 10.`}},
			{"ErrAmbiguousRoom", jan, "/room book zaal morgen 14-15", []string{`Welke ruimte bedoel je met "zaal": Grote zaal, Kleine zaal, Zaal 1, Zaal 10?`, `[Zaal 10: /room book "Zaal 10" 2026-11-28 14:00-15:00]`}},
			{"ErrImpossibleDate", jan, "/room book Grote zaal 31-02 14-15", []string{"`31-02` bestaat niet: februari heeft geen 31 dagen."}},
			{"ErrImpossibleDateWords", jan, "/room book Grote zaal 30 feb 14-15", []string{"`30 feb` bestaat niet"}},
			{"ErrFromAfterTo", jan, "/room book Grote zaal morgen 15-14", []string{"het begin (15:00) ligt niet vóór het eind (14:00)."}},
			{"ErrNoTime", jan, "/room book Grote zaal morgen", []string{"Na `morgen` mis ik de tijden", "/room book <ruimte> <datum> <van>-<tot>"}},
			{"ErrNoRoom", jan, "/room book morgen 14-15", []string{"Ik mis `<ruimte>` vóór `morgen`", "/room book <ruimte> <datum> <van>-<tot>"}},
			{"ErrPast", jan, "/room book Grote zaal vandaag 7-8", []string{"vr 27 nov 2026 07:00–08:00 is al begonnen of voorbij"}},
			{"ErrTooShort", jan, "/room book Grote zaal morgen 14:00-14:04", []string{"minstens 5 minuten; `14:00-14:04`"}},
			{"ErrTooLong", jan, "/room book Grote zaal morgen 7-20", []string{"hoogstens 12 uur"}},
			{"ErrClosed", jan, "/room book Kleine zaal morgen 17-19", []string{"Kleine zaal is open van 08:00 tot 18:00; 17:00–19:00 valt daarbuiten."}},
			{"ErrTaken", jan, "/room book Grote zaal morgen 10:30-11:30", []string{"Grote zaal is bezet", "Kees Janssen (Klant)"}},
			{"ErrCancelTheirs", jan, fmt.Sprintf("/room cancel %d", theirs), []string{fmt.Sprintf("Boeking %d is van Kees Janssen; alleen die persoon of een ruimtebeheerder kan hem annuleren.", theirs)}},
			{"ErrCancelUnknown", jan, "/room cancel 99999", []string{"Boeking 99999 bestaat niet"}},
			{"ErrCancelNoNumber", jan, "/room cancel morgen", []string{"`morgen` is geen nummer", "Schrijf `/room cancel <nummer> [series] [sure]`"}},
			{"ErrRepeatNoUntil", jan, "/room book Grote zaal morgen 14-15 elke week", []string{"Tot wanneer?"}},
			{"ErrRepeatBackwards", jan, "/room book Grote zaal 2026-12-10 14-15 elke week tot 2026-12-01", []string{"De herhaling eindigt (di 1 dec 2026) vóór de eerste keer (do 10 dec 2026)."}},
			{"ErrTitleTooLong", jan, "/room book Grote zaal morgen 14-15 " + strings.Repeat("x", 201), []string{"De titel is te lang"}},
			{"ErrFreeBadDate", jan, "/room free 31-04 14-15", []string{"`31-04` bestaat niet"}},
			{"ErrFreeUnknownFacility", jan, "/room free morgen 14-15 beamer", []string{`Geen ruimte heeft "beamer". Voorzieningen: scherm, video, whiteboard.`}},
			{"ErrFreeTwoFacilities", jan, "/room free morgen 14-15 scherm bord", []string{"`scherm bord`: één voorziening tegelijk graag."}},
			{"ErrFreePast", jan, "/room free vandaag 7-8", []string{"is al begonnen of voorbij"}},
			{"ErrAdminNotAllowed", jan, "/room admin add Hok capacity:2", []string{"Ruimtes beheren mag alleen een ruimtebeheerder."}},
			{"ErrAdminListNotAllowed", jan, "/room admin", []string{"Ruimtes beheren mag alleen een ruimtebeheerder."}},
			{"ErrAdminBadHours", rita, "/room admin add Hok hours:18-07", []string{"Dat kan niet: de ruimte gaat open (18:00) nadat hij sluit (07:00)."}},
			{"ErrAdminDuplicate", rita, "/room admin add grote ZAAL", []string{"Er is al een ruimte Grote zaal"}},
			{"ErrAdminChangeNothing", rita, "/room admin change grote zaal", []string{"Wat wil je aan Grote zaal wijzigen?", "/room admin change <ruimte>"}},
			{"ErrAdminCapacity", rita, "/room admin change grote zaal capacity:veel", []string{"`capacity:veel` is geen getal"}},
			{"ErrUnknownSub", jan, "/room zingen", []string{"`zingen`", "Schrijf `/room [<datum>]`"}},
			{"DefaultLanguage", coretest.Pieter, "/room book Grote zaal 31-02 14-15", []string{"`31-02` bestaat niet"}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				coretest.Wants(t, tc.text, say(e, tc.email, tc.text), tc.want...)
			})
		}
		if b := bookings(t, e); len(b) != 1 || !b[0].Active() {
			t.Errorf("bad input changed the bookings: %+v", b)
		}
		if rs, _ := e.Store.Rooms(context.Background(), true); len(rs) != 4 || rs[0].Capacity != 20 {
			t.Errorf("bad input changed the rooms: %+v", rs)
		}
		// The same mistakes in English.
		e.Say(jan, "", "/werkplek language en")
		for text, want := range map[string]string{
			"/room book Grote zaal 31-02 14-15":       "`31-02` does not exist: February has no 31 days.",
			"/room book Grote zal morgen 14-15":       `I know no room "Grote zal". Did you mean: Grote zaal?`,
			"/room book Grote zaal morgen 15-14":      "the start (15:00) is not before the end (14:00).",
			fmt.Sprintf("/room cancel %d", theirs):    "is Kees Janssen's; only they or a room admin can cancel it.",
			"/room book zaal tomorrow 14-15":          `Which room do you mean by "zaal"`,
			"/room book Kleine zaal tomorrow 17-19":   "Kleine zaal is open from 08:00 to 18:00",
			"/room book Grote zaal tomorrow 9-9:03":   "A booking lasts at least 5 minutes",
			"/room book Grote zaal tomorrow 7-19:01":  "A booking lasts at most 12 hours",
			"/room book Grote zaal today 7-8":         "has begun or passed",
			"/room book Grote zaal tomorrow 10-11 hi": "Grote zaal is taken",
			"/room free tomorrow 14-15 beamer":        `No room has "beamer". Facilities: screen, video, whiteboard.`,
		} {
			coretest.Wants(t, text, say(e, jan, text), want)
		}
	})
}

func TestRoomMineCancelAndAdmin(t *testing.T) {
	withRooms(t, fourRooms, func(t *testing.T, e *coretest.Env) {
		say(e, jan, "/room book Grote zaal morgen 10-11 Eerste")
		say(e, jan, "/room book Kleine zaal ma 9-10")
		reply := e.Say(jan, "", "/room mijn")
		got := coretest.All(reply)
		if len(reply.Sections) != 2 {
			t.Fatalf("mine:\n%s", got)
		}
		coretest.Wants(t, "mine", got, "*Grote zaal* · za 28 nov 2026 10:00–11:00 · Eerste", "[Annuleren: /room cancel")
		cancel := reply.Sections[0].Buttons[0]
		if cancel.Confirm == nil || cancel.Style != intranet.StyleDanger {
			t.Errorf("cancel button without confirmation: %+v", cancel)
		}
		pressed := e.Press(jan, cancel.Command)
		if !strings.Contains(pressed.Text, "Geannuleerd: Grote zaal") || !pressed.ReplaceOriginal {
			t.Fatalf("cancel: %+v", pressed)
		}
		coretest.Wants(t, "cancel twice", say(e, jan, cancel.Command), "al geannuleerd")
		// A room admin may cancel someone else's booking; the owner is told.
		mine := e.Say(jan, "", "/room mine")
		if len(mine.Sections) != 1 {
			t.Fatalf("mine after cancel:\n%s", coretest.All(mine))
		}
		coretest.Wants(t, "admin cancel", say(e, rita, mine.Sections[0].Buttons[0].Command), "Geannuleerd: Kleine zaal", "was van Jan de Vries", "Die persoon krijgt een bericht;")
		coretest.Wants(t, "owner told", strings.Join(e.Posters.DMs(intranet.PlatformConsole, jan), "\n"), "Rita Ruimte heeft je boeking van Kleine zaal geannuleerd: ma 30 nov 2026 09:00–10:00.")
		// Admin: add, change (rename), list, retire.
		coretest.Wants(t, "add", say(e, rita, `/room admin add Serre capacity:8 location:"Gebouw B" facilities:scherm;whiteboard hours:08:00-17:30`),
			"Toegevoegd: Serre", "*Serre* · Gebouw B · 8 personen · scherm, whiteboard · 08:00–17:30")
		// A typo offers the room, keeping the options typed.
		coretest.Wants(t, "change typo", say(e, rita, "/room admin change Sere name:Oranjerie capacity:10"),
			`Ik ken geen ruimte "Sere". Bedoel je: Serre?`, "[Serre: /room admin change Serre name:Oranjerie capacity:10]")
		coretest.Wants(t, "change", say(e, rita, "/room admin change Serre name:Oranjerie capacity:10"), "Gewijzigd: Oranjerie", "10 personen", "08:00–17:30")
		coretest.Wants(t, "rename onto another", say(e, rita, `/room admin change oranjerie name:"Kleine zaal"`), "Er is al een zaal die Kleine zaal heet.")
		say(e, kees, "/room book Oranjerie ma 9-10 Klant")
		say(e, kees, "/room book Oranjerie di 9-10 Klant")
		coretest.Wants(t, "retire typo", say(e, rita, "/room admin retire oranjrie"), "[Oranjerie: /room admin retire Oranjerie]")
		coretest.Wants(t, "retire", say(e, rita, "/room beheer opheffen oranjerie"),
			"Opgeheven: Oranjerie", "2 komende boekingen zijn geannuleerd", "Kees Janssen", "De eigenaren krijgen een bericht;")
		coretest.Wants(t, "retired told", strings.Join(e.Posters.DMs(intranet.PlatformConsole, kees), "\n"),
			"Ruimte Oranjerie is opgeheven, dus je boeking van ma 30 nov 2026 09:00–10:00 is geannuleerd. Zoek een andere ruimte met `/room free 2026-11-30 09:00-10:00`.")
		coretest.Wants(t, "retire twice", say(e, rita, "/room admin retire oranjerie"), "Oranjerie is al opgeheven.")
		coretest.Wants(t, "book retired", say(e, kees, "/room book Oranjerie wo 9-10"), "Ruimte Oranjerie is opgeheven")
		coretest.Wants(t, "list", say(e, rita, "/room admin"), "*Oranjerie*", "_opgeheven_", "/room admin add <naam>")
		coretest.Wants(t, "list", say(e, rita, "/room admin list"), "Alle ruimtes")
		history, _ := e.Store.Bookings(context.Background(), intranet.BookingFilter{Cancelled: true})
		if len(history) != 4 {
			t.Errorf("history = %d bookings, want 4 kept", len(history))
		}
	})
}

func TestRoomFreeAndDay(t *testing.T) {
	withRooms(t, fourRooms, func(t *testing.T, e *coretest.Env) {
		say(e, kees, "/room book Zaal 1 morgen 14-15 Klant")
		got := say(e, jan, "/room free morgen 14:30-15:30 6 personen scherm")
		coretest.Wants(t, "free", got, "Vrij op za 28 nov 2026 14:30–15:30", `[Boeken: /room book "Grote zaal" 2026-11-28 14:30-15:30]`)
		coretest.Lacks(t, "free", got, "Zaal 1*", "Kleine zaal")
		got = say(e, jan, "/room vrij morgen 18-19")
		coretest.Wants(t, "free after closing time", got, "Zaal 10")
		coretest.Lacks(t, "free after closing time", got, "Kleine zaal")
		coretest.Wants(t, "day", say(e, jan, "/room morgen"), "Ruimtes op za 28 nov 2026", "Bezet: 14:00–15:00 (Kees Janssen, Klant)", "Vrij: 07:00–14:00, 15:00–19:00")
		coretest.Wants(t, "today", say(e, jan, "/ruimte"), "Ruimtes op vr 27 nov 2026")
	})
}

func TestRoomFeedAddress(t *testing.T) {
	withRooms(t, fourRooms, func(t *testing.T, e *coretest.Env) {
		mine := e.Say(jan, "", "/room feed")
		p, _ := e.Store.FindPersonByEmail(context.Background(), jan)
		token, _ := e.Store.FeedToken(context.Background(), fmt.Sprintf("person:%d", p.ID))
		coretest.Wants(t, "feed", mine.Text, fmt.Sprintf("https://werkplek.example.nl/rooms/person/%d.ics?token=%s", p.ID, token))
		room := e.Say(jan, "", "/room feed kleine")
		if !strings.Contains(room.Title, "Kleine zaal") || !strings.Contains(room.Text, "/rooms/") || strings.Contains(room.Text, token) {
			t.Errorf("room feed: %+v", room)
		}
		coretest.Wants(t, "feed typo", say(e, jan, "/room feed klene zaal"), "[Kleine zaal: /room feed \"Kleine zaal\"]")
	})
}

// TestRoomConcurrentCommands races people typing /room book for
// overlapping slots through the router: one wins each hour.
func TestRoomConcurrentCommands(t *testing.T) {
	withRooms(t, fourRooms, func(t *testing.T, e *coretest.Env) {
		people := []string{jan, kees, rita}
		for _, who := range people {
			say(e, who, "/room mine") // link the accounts first
		}
		var wg sync.WaitGroup
		for i := 0; i < 60; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				h := 9 + i%4
				reply, err := e.Router.Handle(context.Background(), coretest.Request(people[i%3], "", fmt.Sprintf("/room book Grote zaal morgen %d-%d", h, h+1)))
				if err != nil {
					t.Error(err)
				} else if !strings.Contains(reply.Title, "Geboekt") && !strings.Contains(reply.Title, "bezet") {
					t.Errorf("reply: %s", coretest.All(reply))
				}
			}()
		}
		wg.Wait()
		if n := len(bookings(t, e)); n != 4 {
			t.Fatalf("%d bookings for 4 hours", n)
		}
	})
}
