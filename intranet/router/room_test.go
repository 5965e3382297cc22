package router_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/jobs"
	"github.com/werkplek/werkplek/intranet/phonebook"
	"github.com/werkplek/werkplek/intranet/router"
	"github.com/werkplek/werkplek/intranet/store"
)

const (
	jan  = "jan.devries@example.nl"
	kees = "kees.janssen@example.nl"
	rita = "rita.ruimte@example.nl" // room admin
)

// amsterdam is WERKPLEK_TIMEZONE in these tests.
var amsterdam = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		panic(err)
	}
	return loc
}()

// roomNow is Friday 27 November 2026, 08:00 in Amsterdam.
var roomNow = time.Date(2026, 11, 27, 8, 0, 0, 0, amsterdam)

// rooms runs fn with a router that books rooms, once per engine; Rita is a
// room admin and there are four rooms.
func rooms(t *testing.T, fn func(t *testing.T, r *router.Router, s *store.Store)) {
	engines(t, func(t *testing.T, r *router.Router, s *store.Store) {
		ctx := context.Background()
		if _, err := s.ImportPeople(ctx, []intranet.PersonRecord{{Line: 2, Name: "Rita Ruimte", Email: rita, Roles: []intranet.Role{intranet.RoleRoomAdmin}}}, false); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SaveRooms(ctx, []intranet.RoomRecord{
			{Line: 2, Name: "Grote zaal", Location: "Utrecht", Capacity: 20, Facilities: []string{"screen", "video"}, Opens: 7 * 60, Closes: 22 * 60},
			{Line: 3, Name: "Kleine zaal", Location: "Utrecht", Capacity: 6, Facilities: []string{"whiteboard"}, Opens: 8 * 60, Closes: 18 * 60},
			{Line: 4, Name: "Zaal 1", Capacity: 20, Facilities: []string{"screen"}, Opens: 7 * 60, Closes: 19 * 60},
			{Line: 5, Name: "Zaal 10", Capacity: 4, Opens: 7 * 60, Closes: 19 * 60},
		}, false); err != nil {
			t.Fatal(err)
		}
		r.Rooms = &router.Rooms{Service: s, Location: amsterdam, PublicURL: "https://werkplek.example.nl", Now: func() time.Time { return roomNow }, Tx: s}
		fn(t, r, s)
	})
}

func say(t *testing.T, r *router.Router, email, text string) intranet.Reply {
	t.Helper()
	reply, err := r.Handle(context.Background(), req(email, text))
	if err != nil {
		t.Fatalf("%s: %v", text, err)
	}
	return reply
}

func bookings(t *testing.T, s *store.Store) []intranet.Booking {
	t.Helper()
	b, err := s.Bookings(context.Background(), intranet.BookingFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestRoomBook(t *testing.T) {
	rooms(t, func(t *testing.T, r *router.Router, s *store.Store) {
		reply := say(t, r, jan, "/room book Grote zaal morgen 14-15 Teamoverleg")
		if got := all(reply); !strings.Contains(got, "Geboekt: Grote zaal") || !strings.Contains(got, "za 28 nov 2026 14:00–15:00 · Teamoverleg") || !strings.Contains(got, "[Annuleren: /room cancel ") {
			t.Fatalf("book:\n%s", got)
		}
		b := bookings(t, s)
		if len(b) != 1 || b[0].Title != "Teamoverleg" || !b[0].Start.Equal(time.Date(2026, 11, 28, 13, 0, 0, 0, time.UTC)) {
			t.Fatalf("stored %+v", b)
		}
		// The English alias words and a prefix of the room's name.
		reply = say(t, r, kees, "/zaal boek grote 28 nov 15:00 - 16:00")
		if !strings.Contains(all(reply), "Geboekt: Grote zaal") {
			t.Fatalf("back to back:\n%s", all(reply))
		}
		// Taken: by whom, the nearest free times and other rooms of that size.
		reply = say(t, r, kees, "/room book Grote zaal 2026-11-28 14:30-15:30 Sync")
		got := all(reply)
		for _, want := range []string{"Grote zaal is bezet", "14:00–15:00 Jan de Vries (Teamoverleg)", "15:00–16:00 Kees Janssen",
			`[Grote zaal 16:00–17:00: /room book "Grote zaal" 2026-11-28 16:00-17:00 Sync]`, `[Grote zaal 13:00–14:00: /room book "Grote zaal" 2026-11-28 13:00-14:00 Sync]`,
			`[Zaal 1 14:30–15:30: /room book "Zaal 1" 2026-11-28 14:30-15:30 Sync]`} {
			if !strings.Contains(got, want) {
				t.Errorf("taken reply lacks %q:\n%s", want, got)
			}
		}
		if strings.Contains(got, "Kleine zaal 14:30") || strings.Contains(got, "Zaal 10 14:30") {
			t.Errorf("offered a smaller room:\n%s", got)
		}
		// Pressing an offered button books it.
		for _, btn := range reply.Buttons {
			if strings.HasPrefix(btn.Label, "Zaal 1 ") {
				rq := req(kees, "")
				rq.Action = &intranet.Action{Command: btn.Command}
				pressed, err := r.Handle(context.Background(), rq)
				if err != nil || !strings.Contains(all(pressed), "Geboekt: Zaal 1") {
					t.Fatalf("press %s: %v\n%s", btn.Command, err, all(pressed))
				}
			}
		}
		if n := len(bookings(t, s)); n != 3 {
			t.Fatalf("%d bookings, want 3", n)
		}
		// In English.
		say(t, r, jan, "/werkplek language en")
		reply = say(t, r, jan, "/room book zaal 10 tomorrow 9-10 every day until mon")
		// "mon" is relative to today (Friday 27th): Monday 30 November.
		if got := all(reply); !strings.Contains(got, "Booked: Zaal 10") || !strings.Contains(got, "3 times 09:00–10:00, from Sat 28 Nov 2026 to Mon 30 Nov 2026") {
			t.Fatalf("series in English:\n%s", got)
		}
	})
}

func TestRoomSeriesClash(t *testing.T) {
	rooms(t, func(t *testing.T, r *router.Router, s *store.Store) {
		say(t, r, kees, "/room book Kleine zaal 4-12 10-11 Klant")
		say(t, r, kees, "/room book Kleine zaal 18-12 9:30-10:30 Klant")
		before := len(bookings(t, s))
		reply := say(t, r, jan, "/room book Kleine zaal vr 10-11 Teamoverleg elke week tot 25-12")
		got := all(reply)
		for _, want := range []string{"Niets geboekt: Kleine zaal is bezet", "2 van de 5 keer botsen", "vr 4 dec 2026 10:00–11:00 Kees Janssen (Klant)", "vr 18 dec 2026 09:30–10:30 Kees Janssen (Klant)",
			"[Boek de andere 3: /room book \"Kleine zaal\" 2026-11-27 10:00-11:00 Teamoverleg every 1 weeks until 2026-12-25 skip:2026-12-04,2026-12-18]"} {
			if !strings.Contains(got, want) {
				t.Errorf("series clash lacks %q:\n%s", want, got)
			}
		}
		if n := len(bookings(t, s)); n != before {
			t.Fatalf("a clashing series booked %d", n-before)
		}
		rq := req(jan, "")
		rq.Action = &intranet.Action{Command: reply.Buttons[0].Command}
		pressed, err := r.Handle(context.Background(), rq)
		if err != nil || !strings.Contains(all(pressed), "3 keer 10:00–11:00") || !strings.Contains(all(pressed), "Overgeslagen: vr 4 dec 2026, vr 18 dec 2026") {
			t.Fatalf("book the rest: %v\n%s", err, all(pressed))
		}
		if n := len(bookings(t, s)); n != before+3 {
			t.Fatalf("booked %d, want 3", n-before)
		}
	})
}

// TestRoomBadInput: every mistake gets a clear reply and changes nothing.
func TestRoomBadInput(t *testing.T) {
	rooms(t, func(t *testing.T, r *router.Router, s *store.Store) {
		say(t, r, kees, "/room book Grote zaal morgen 10-11 Klant")
		theirs := bookings(t, s)[0].ID
		for _, tc := range []struct {
			name, email, text string
			want              []string
		}{
			{"ErrUnknownRoomDidYouMean", jan, "/room book Grote zal morgen 14-15", []string{`Ik ken geen ruimte "Grote zal". Bedoel je: Grote zaal`, `[Grote zaal: /room book "Grote zaal" 2026-11-28 14:00-15:00]`}},
			{"ErrUnknownRoomList", jan, "/room book Serverhok morgen 14-15", []string{`Ik ken geen ruimte "Serverhok". Er zijn: Grote zaal, Kleine zaal, Zaal 1, Zaal 10.`}},
			{"ErrAmbiguousRoom", jan, "/room book zaal morgen 14-15", []string{`Welke ruimte bedoel je met "zaal": Grote zaal, Kleine zaal, Zaal 1, Zaal 10?`, `[Zaal 10: /room book "Zaal 10" 2026-11-28 14:00-15:00]`}},
			{"ErrImpossibleDate", jan, "/room book Grote zaal 31-02 14-15", []string{"`31-02` bestaat niet: die maand heeft geen dag 31."}},
			{"ErrImpossibleDateWords", jan, "/room book Grote zaal 30 feb 14-15", []string{"bestaat niet"}},
			{"ErrFromAfterTo", jan, "/room book Grote zaal morgen 15-14", []string{"Het begin (15:00) ligt niet vóór het eind (14:00)."}},
			{"ErrNoTime", jan, "/room book Grote zaal morgen", []string{"Ik mis het tijdvak.", "/room book <ruimte> <datum> <van>-<tot>"}},
			{"ErrNoRoom", jan, "/room book morgen 14-15", []string{"Welke ruimte?"}},
			{"ErrPast", jan, "/room book Grote zaal vandaag 7-8", []string{"is al begonnen of voorbij"}},
			{"ErrTooShort", jan, "/room book Grote zaal morgen 14:00-14:04", []string{"minstens 5 minuten"}},
			{"ErrTooLong", jan, "/room book Grote zaal morgen 7-20", []string{"hoogstens 12 uur"}},
			{"ErrClosed", jan, "/room book Kleine zaal morgen 17-19", []string{"Kleine zaal is open van 08:00 tot 18:00; 17:00–19:00 valt daarbuiten."}},
			{"ErrTaken", jan, "/room book Grote zaal morgen 10:30-11:30", []string{"Grote zaal is bezet", "Kees Janssen (Klant)"}},
			{"ErrCancelTheirs", jan, fmt.Sprintf("/room cancel %d", theirs), []string{fmt.Sprintf("Boeking %d is van Kees Janssen; alleen die persoon of een ruimtebeheerder kan hem annuleren.", theirs)}},
			{"ErrCancelUnknown", jan, "/room cancel 99999", []string{"Boeking 99999 bestaat niet."}},
			{"ErrCancelNoNumber", jan, "/room cancel morgen", []string{"Schrijf `/room cancel <nummer>`"}},
			{"ErrRepeatNoUntil", jan, "/room book Grote zaal morgen 14-15 elke week", []string{"Tot wanneer?"}},
			{"ErrRepeatBackwards", jan, "/room book Grote zaal 2026-12-10 14-15 elke week tot 2026-12-01", []string{"De herhaling eindigt"}},
			{"ErrFreeBadDate", jan, "/room free 31-04 14-15", []string{"`31-04` bestaat niet"}},
			{"ErrFreeUnknownFacility", jan, "/room free morgen 14-15 beamer", []string{`Geen ruimte heeft "beamer". Voorzieningen: screen, video, whiteboard.`}},
			{"ErrAdminNotAllowed", jan, "/room admin add Hok capacity:2", []string{"Ruimtes beheren mag alleen een ruimtebeheerder."}},
			{"ErrAdminBadHours", rita, "/room admin add Hok hours:18-07", []string{"opens (18:00) after it closes (07:00)"}},
			{"ErrAdminDuplicate", rita, "/room admin add grote ZAAL", []string{"Er is al een ruimte Grote zaal"}},
			{"ErrUnknownSub", jan, "/room zingen", []string{"`/room zingen` ken ik niet."}},
			{"DefaultLanguage", "pieter.jansen@example.nl", "/room book Grote zaal 31-02 14-15", []string{"`31-02` bestaat niet"}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				reply := say(t, r, tc.email, tc.text)
				got := all(reply)
				for _, w := range tc.want {
					if !strings.Contains(got, w) {
						t.Errorf("reply lacks %q:\n%s", w, got)
					}
				}
			})
		}
		if b := bookings(t, s); len(b) != 1 || !b[0].Active() {
			t.Errorf("bad input changed the bookings: %+v", b)
		}
		if rs, _ := s.Rooms(context.Background(), true); len(rs) != 4 {
			t.Errorf("bad input changed the rooms: %d", len(rs))
		}
		// The same mistake in English.
		say(t, r, jan, "/werkplek language en")
		for text, want := range map[string]string{
			"/room book Grote zaal 31-02 14-15":       "`31-02` does not exist: that month has no day 31.",
			"/room book Grote zal morgen 14-15":       `I know no room "Grote zal". Did you mean: Grote zaal?`,
			"/room book Grote zaal morgen 15-14":      "The start (15:00) is not before the end (14:00).",
			fmt.Sprintf("/room cancel %d", theirs):    "is Kees Janssen's; only they or a room admin can cancel it.",
			"/room book zaal tomorrow 14-15":          `Which room do you mean by "zaal"`,
			"/room book Kleine zaal tomorrow 17-19":   "Kleine zaal is open from 08:00 to 18:00",
			"/room book Grote zaal tomorrow 9-9:03":   "A booking lasts at least 5 minutes.",
			"/room book Grote zaal tomorrow 7-19:01":  "A booking lasts at most 12 hours.",
			"/room book Grote zaal today 7-8":         "has begun or passed",
			"/room book Grote zaal tomorrow 10-11 hi": "Grote zaal is taken",
		} {
			if got := all(say(t, r, jan, text)); !strings.Contains(got, want) {
				t.Errorf("%s: reply lacks %q:\n%s", text, want, got)
			}
		}
	})
}

func TestRoomMineCancelAndAdmin(t *testing.T) {
	rooms(t, func(t *testing.T, r *router.Router, s *store.Store) {
		say(t, r, jan, "/room book Grote zaal morgen 10-11 Eerste")
		say(t, r, jan, "/room book Kleine zaal ma 9-10")
		reply := say(t, r, jan, "/room mijn")
		got := all(reply)
		if len(reply.Sections) != 2 || !strings.Contains(got, "*Grote zaal* · za 28 nov 2026 10:00–11:00 · Eerste") || !strings.Contains(got, "[Annuleren: /room cancel") {
			t.Fatalf("mine:\n%s", got)
		}
		cancel := reply.Sections[0].Buttons[0]
		if cancel.Confirm == nil || cancel.Style != intranet.StyleDanger {
			t.Errorf("cancel button without confirmation: %+v", cancel)
		}
		rq := req(jan, "")
		rq.Action = &intranet.Action{Command: cancel.Command}
		if pressed, err := r.Handle(context.Background(), rq); err != nil || !strings.Contains(pressed.Text, "Geannuleerd: Grote zaal") {
			t.Fatalf("cancel: %v %+v", err, pressed)
		}
		if reply := say(t, r, jan, cancel.Command); !strings.Contains(reply.Text, "al geannuleerd") {
			t.Errorf("cancel twice: %q", reply.Text)
		}
		// A room admin may cancel someone else's booking.
		mine := say(t, r, jan, "/room mine")
		if len(mine.Sections) != 1 {
			t.Fatalf("mine after cancel:\n%s", all(mine))
		}
		if reply := say(t, r, rita, mine.Sections[0].Buttons[0].Command); !strings.Contains(reply.Text, "Geannuleerd: Kleine zaal") || !strings.Contains(reply.Text, "was van Jan de Vries") {
			t.Errorf("admin cancel: %q", reply.Text)
		}
		// Admin: add, change (rename), list, retire.
		if reply := say(t, r, rita, `/room admin add Serre capacity:8 location:"Gebouw B" facilities:scherm;whiteboard hours:08:00-17:30`); !strings.Contains(all(reply), "Toegevoegd: Serre") || !strings.Contains(all(reply), "*Serre* · Gebouw B · 8 personen · screen, whiteboard · 08:00–17:30") {
			t.Fatalf("add:\n%s", all(reply))
		}
		if reply := say(t, r, rita, "/room admin change serre name:Oranjerie capacity:10"); !strings.Contains(all(reply), "Gewijzigd: Oranjerie") || !strings.Contains(all(reply), "10 personen") {
			t.Fatalf("change:\n%s", all(reply))
		}
		if reply := say(t, r, rita, `/room admin change oranjerie name:"Kleine zaal"`); !strings.Contains(reply.Text, "Er is al een zaal die Kleine zaal heet.") {
			t.Errorf("rename onto another room: %q", reply.Text)
		}
		say(t, r, kees, "/room book Oranjerie ma 9-10 Klant")
		say(t, r, kees, "/room book Oranjerie di 9-10 Klant")
		reply = say(t, r, rita, "/room beheer opheffen oranjerie")
		if got := all(reply); !strings.Contains(got, "Opgeheven: Oranjerie") || !strings.Contains(got, "2 komende boekingen zijn geannuleerd") || !strings.Contains(got, "Kees Janssen") {
			t.Fatalf("retire:\n%s", got)
		}
		if reply := say(t, r, kees, "/room book Oranjerie wo 9-10"); !strings.Contains(reply.Text, "Ruimte Oranjerie is opgeheven") {
			t.Errorf("book retired: %q", reply.Text)
		}
		if got := all(say(t, r, rita, "/room admin")); !strings.Contains(got, "*Oranjerie*") || !strings.Contains(got, "_opgeheven_") {
			t.Errorf("list:\n%s", got)
		}
		history, _ := s.Bookings(context.Background(), intranet.BookingFilter{Cancelled: true})
		if len(history) != 4 {
			t.Errorf("history = %d bookings, want 4 kept", len(history))
		}
	})
}

func TestRoomFreeAndDay(t *testing.T) {
	rooms(t, func(t *testing.T, r *router.Router, s *store.Store) {
		say(t, r, kees, "/room book Zaal 1 morgen 14-15 Klant")
		reply := say(t, r, jan, "/room free morgen 14:30-15:30 6 personen scherm")
		got := all(reply)
		if !strings.Contains(got, "Vrij op za 28 nov 2026 14:30–15:30") || !strings.Contains(got, `[Boeken: /room book "Grote zaal" 2026-11-28 14:30-15:30]`) ||
			strings.Contains(got, "Zaal 1*") || strings.Contains(got, "Kleine zaal") {
			t.Fatalf("free:\n%s", got)
		}
		if got := all(say(t, r, jan, "/room vrij morgen 18-19")); strings.Contains(got, "Kleine zaal") || !strings.Contains(got, "Zaal 10") {
			t.Errorf("free after closing time:\n%s", got)
		}
		reply = say(t, r, jan, "/room morgen")
		got = all(reply)
		if !strings.Contains(got, "Ruimtes op za 28 nov 2026") || !strings.Contains(got, "Bezet: 14:00–15:00 (Kees Janssen, Klant)") || !strings.Contains(got, "Vrij: 07:00–14:00, 15:00–19:00") {
			t.Fatalf("day:\n%s", got)
		}
		if got := all(say(t, r, jan, "/ruimte")); !strings.Contains(got, "Ruimtes op vr 27 nov 2026") {
			t.Errorf("today:\n%s", got)
		}
	})
}

func TestRoomForm(t *testing.T) {
	rooms(t, func(t *testing.T, r *router.Router, s *store.Store) {
		reply := say(t, r, jan, "/room book")
		if reply.Form == nil || reply.Form.ID != "room.book" || len(reply.Form.Fields[0].Options) != 4 || !strings.Contains(reply.Text, "/room book <ruimte>") {
			t.Fatalf("form: %+v", reply)
		}
		submit := func(v map[string]string) intranet.Reply {
			rq := req(jan, "")
			rq.Form = &intranet.FormSubmission{FormID: "room.book", Values: v}
			reply, err := r.Handle(context.Background(), rq)
			if err != nil {
				t.Fatal(err)
			}
			return reply
		}
		bad := submit(map[string]string{"room": "Grote zaal", "date": "2026-02-31", "from": "14:00", "to": "15:00"})
		if bad.Form == nil || bad.FieldErrors["date"] == "" {
			t.Fatalf("bad date: %+v", bad)
		}
		bad = submit(map[string]string{"room": "Grote zaal", "date": "2026-11-28", "from": "15:00", "to": "14:00"})
		if bad.FieldErrors["to"] == "" {
			t.Fatalf("from after to: %+v", bad)
		}
		ok := submit(map[string]string{"room": "Grote zaal", "date": "2026-11-28", "from": "14:00", "to": "15:00", "title": "Via formulier"})
		if !strings.Contains(all(ok), "Geboekt: Grote zaal") || ok.Form != nil {
			t.Fatalf("form booking: %+v", ok)
		}
	})
}

func TestRoomFeedAddress(t *testing.T) {
	rooms(t, func(t *testing.T, r *router.Router, s *store.Store) {
		mine := say(t, r, jan, "/room feed")
		p, _ := s.FindPersonByEmail(context.Background(), jan)
		token, _ := s.FeedToken(context.Background(), fmt.Sprintf("person:%d", p.ID))
		if want := fmt.Sprintf("https://werkplek.example.nl/rooms/person/%d.ics?token=%s", p.ID, token); !strings.Contains(mine.Text, want) {
			t.Errorf("feed %q lacks %q", mine.Text, want)
		}
		room := say(t, r, jan, "/room feed kleine")
		if !strings.Contains(room.Title, "Kleine zaal") || !strings.Contains(room.Text, "/rooms/") || strings.Contains(room.Text, token) {
			t.Errorf("room feed: %+v", room)
		}
	})
}

// TestRoomConcurrentCommands races people typing /room book for
// overlapping slots through the router: one wins each hour.
func TestRoomConcurrentCommands(t *testing.T) {
	rooms(t, func(t *testing.T, r *router.Router, s *store.Store) {
		var wg sync.WaitGroup
		for i := 0; i < 60; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				who := []string{jan, kees, rita}[i%3]
				h := 9 + i%4
				if _, err := r.Handle(context.Background(), req(who, fmt.Sprintf("/room book Grote zaal morgen %d-%d", h, h+1))); err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
		if n := len(bookings(t, s)); n != 4 {
			t.Fatalf("%d bookings for 4 hours", n)
		}
	})
}

// outbox is a fake intranet.Outbox that keeps what was sent.
type outbox struct {
	mu   sync.Mutex
	sent []intranet.Delivery
	keys map[string]bool
}

func (o *outbox) Send(ctx context.Context, d intranet.Delivery) (int64, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.keys == nil {
		o.keys = map[string]bool{}
	}
	if !o.keys[d.Key] {
		o.keys[d.Key] = true
		o.sent = append(o.sent, d)
	}
	return int64(len(o.sent)), nil
}

func (o *outbox) OutboxEntry(ctx context.Context, id int64) (intranet.OutboxEntry, error) {
	return intranet.OutboxEntry{}, intranet.Errorf(intranet.ENOTFOUND, "not kept")
}

func (o *outbox) take() []intranet.Delivery {
	o.mu.Lock()
	defer o.mu.Unlock()
	out := o.sent
	o.sent = nil
	return out
}

// TestRoomReminders drives the real job runner (SQLite queue) with a clock:
// a reminder 10 minutes before, with a release button; a series reminds of
// each occurrence in turn; cancelled bookings are not reminded; owners hear
// of an admin's cancellation and of a retired room.
func TestRoomReminders(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(ctx, "sqlite:"+t.TempDir()+"/w.db")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	recs, _ := phonebookCSV(t)
	if _, err := s.ImportPeople(ctx, append(recs, intranet.PersonRecord{Line: 9, Name: "Rita Ruimte", Email: rita, Roles: []intranet.Role{intranet.RoleRoomAdmin}}), false); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveRooms(ctx, []intranet.RoomRecord{{Line: 2, Name: "Grote zaal", Capacity: 20, Opens: 420, Closes: 1320}}, false); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	now := roomNow
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	set := func(t time.Time) { mu.Lock(); now = t; mu.Unlock() }
	s.Now = clock
	runner, err := jobs.New(ctx, jobs.Config{Store: s, Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	out := &outbox{}
	r := router.New(s, s, "nl")
	r.Rooms = &router.Rooms{Service: s, Location: amsterdam, Now: clock, Scheduler: runner, Tx: s, Outbox: out}
	if err := r.RegisterRoomJobs(runner); err != nil {
		t.Fatal(err)
	}
	run := func(at time.Time) []intranet.Delivery {
		t.Helper()
		set(at)
		if _, err := runner.RunDue(ctx); err != nil {
			t.Fatal(err)
		}
		return out.take()
	}
	at := func(day, hour, min int) time.Time { return time.Date(2026, 11, day, hour, min, 0, 0, amsterdam) }

	// One booking: nothing at 13:49, the reminder at 13:50.
	reply := say(t, r, jan, "/room book Grote zaal morgen 14-15 Overleg")
	if !strings.Contains(all(reply), "herinnering") {
		t.Fatalf("book:\n%s", all(reply))
	}
	id := bookings(t, s)[0].ID
	if got := run(at(28, 13, 49)); len(got) != 0 {
		t.Fatalf("early reminder: %+v", got)
	}
	got := run(at(28, 13, 50))
	if len(got) != 1 || got[0].To.UserID != jan || got[0].To.Platform != intranet.PlatformConsole || !strings.Contains(got[0].Reply.Text, "za 28 nov 2026 14:00–15:00 begint om 14:00") ||
		len(got[0].Reply.Buttons) != 1 || got[0].Reply.Buttons[0].Command != fmt.Sprintf("/room release %d", id) {
		t.Fatalf("reminder: %+v", got)
	}
	if again := run(at(28, 13, 51)); len(again) != 0 {
		t.Fatalf("reminded twice: %+v", again)
	}
	// The button releases the room.
	rq := req(jan, "")
	rq.Action = &intranet.Action{Command: got[0].Reply.Buttons[0].Command}
	if pressed, err := r.Handle(ctx, rq); err != nil || !strings.Contains(pressed.Text, "Vrijgegeven: Grote zaal") {
		t.Fatalf("release: %v %+v", err, pressed)
	}
	// A booking cancelled before its reminder gets none.
	set(at(28, 14, 0))
	say(t, r, jan, "/room book Grote zaal ma 9-10")
	mine := say(t, r, jan, "/room mine")
	say(t, r, jan, mine.Sections[0].Buttons[0].Command)
	if got := run(at(30, 8, 50)); len(got) != 0 {
		t.Fatalf("reminder of a cancelled booking: %+v", got)
	}
	// A series: cancel the first; the second and third are reminded in turn.
	set(at(30, 12, 0))
	say(t, r, jan, "/room book Grote zaal di 10-11 Stand-up elke dag tot do")
	series := say(t, r, jan, "/room mine")
	if len(series.Sections) != 3 {
		t.Fatalf("series:\n%s", all(series))
	}
	say(t, r, jan, series.Sections[0].Buttons[0].Command)
	if got := run(time.Date(2026, 12, 1, 9, 50, 0, 0, amsterdam)); len(got) != 0 {
		t.Fatalf("reminder of the cancelled first: %+v", got)
	}
	if got := run(time.Date(2026, 12, 2, 9, 50, 0, 0, amsterdam)); len(got) != 1 || !strings.Contains(got[0].Reply.Text, "wo 2 dec 2026 10:00–11:00") {
		t.Fatalf("second of the series: %+v", got)
	}
	if got := run(time.Date(2026, 12, 3, 9, 50, 0, 0, amsterdam)); len(got) != 1 || !strings.Contains(got[0].Reply.Text, "do 3 dec 2026 10:00–11:00") {
		t.Fatalf("third of the series: %+v", got)
	}
	// A room admin cancels Kees's booking; a retired room's owners hear of it.
	set(time.Date(2026, 12, 3, 12, 0, 0, 0, amsterdam))
	say(t, r, kees, "/room book Grote zaal 2026-12-10 9-10")
	say(t, r, kees, "/room book Grote zaal 2026-12-11 9-10")
	kb := say(t, r, kees, "/room mine")
	if reply := say(t, r, rita, kb.Sections[0].Buttons[0].Command); !strings.Contains(reply.Text, "Die persoon krijgt een bericht.") {
		t.Errorf("admin cancel: %q", reply.Text)
	}
	if got := out.take(); len(got) != 1 || got[0].To.UserID != kees || !strings.Contains(got[0].Reply.Text, "Rita Ruimte heeft je boeking van Grote zaal geannuleerd") {
		t.Fatalf("owner told: %+v", got)
	}
	reply = say(t, r, rita, "/room admin retire grote zaal")
	if !strings.Contains(all(reply), "De eigenaren krijgen een bericht.") {
		t.Errorf("retire:\n%s", all(reply))
	}
	if got := out.take(); len(got) != 1 || got[0].To.UserID != kees || !strings.Contains(got[0].Reply.Text, "Ruimte Grote zaal is opgeheven") {
		t.Fatalf("retired owner told: %+v", got)
	}
	if got := run(time.Date(2026, 12, 11, 8, 50, 0, 0, amsterdam)); len(got) != 0 {
		t.Fatalf("reminder of a retired room's booking: %+v", got)
	}
}

func phonebookCSV(t *testing.T) ([]intranet.PersonRecord, []intranet.ImportProblem) {
	t.Helper()
	recs, probs := phonebook.ParseCSV(strings.NewReader(people))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	return recs, probs
}
