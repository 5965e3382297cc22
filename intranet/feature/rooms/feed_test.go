package rooms_test

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature/rooms"
)

// feedFixture books, straight in the store, Jan's bookings on both sides
// of the feeds' window (a month back to a year ahead of Friday 27
// November 2026, 08:00), one of Kees's, and gives Jan a night shift he
// took over from Anouk plus one beyond the window. It returns Jan's id.
func feedFixture(t *testing.T, e *coretest.Env) int64 {
	t.Helper()
	ctx := context.Background()
	id := func(email string) int64 {
		p, err := e.Store.FindPersonByEmail(ctx, email)
		if err != nil {
			t.Fatal(err)
		}
		return p.ID
	}
	roomID := map[string]int64{}
	rs, err := e.Store.Rooms(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		roomID[r.Name] = r.ID
	}
	for _, b := range []struct {
		who, room, title string
		start            time.Time
	}{
		{jan, "Grote zaal", "Te oud", time.Date(2026, 10, 20, 10, 0, 0, 0, coretest.Amsterdam)},
		{jan, "Grote zaal", "Terugblik", time.Date(2026, 10, 30, 10, 0, 0, 0, coretest.Amsterdam)},
		{jan, "Grote zaal", "Teamoverleg", at(28, 14, 0)},
		{jan, "Kleine zaal", "", at(30, 9, 0)},
		{jan, "Grote zaal", "Ver weg", time.Date(2027, 12, 20, 10, 0, 0, 0, coretest.Amsterdam)},
		{jan, "Grote zaal", "Te ver", time.Date(2028, 1, 10, 10, 0, 0, 0, coretest.Amsterdam)},
		{kees, "Grote zaal", "", at(28, 10, 0)},
	} {
		if _, err := e.Store.CreateBookings(ctx, intranet.NewBookings{RoomID: roomID[b.room], PersonID: id(b.who), Title: b.title,
			Slots: []intranet.Slot{{Start: b.start, End: b.start.Add(time.Hour)}}}); err != nil {
			t.Fatalf("book %s: %v", b.title, err)
		}
	}
	team, err := e.Store.CreateTeam(ctx, "Nachtploeg")
	if err != nil {
		t.Fatal(err)
	}
	for _, start := range []time.Time{at(29, 22, 0), time.Date(2028, 1, 10, 22, 0, 0, 0, coretest.Amsterdam)} {
		h, err := e.Store.CreateHandover(ctx, intranet.NewHandover{TeamID: team.ID, RequesterID: id(coretest.Anouk), Start: start, End: start.Add(9 * time.Hour),
			What: "Nachtdienst", Lang: "nl"}, e.Now)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.Store.TakeHandover(ctx, h.ID, id(jan), false, e.Now); err != nil {
			t.Fatal(err)
		}
	}
	return id(jan)
}

// event is what a test reads of one parsed VEVENT.
type event struct {
	uid, summary, location, description string
	start, end                          time.Time
}

// readFeed parses a feed with golang-ical and returns its name, its
// refresh interval and its events by start.
func readFeed(t *testing.T, data []byte) (name, refresh string, events []event) {
	t.Helper()
	cal, err := ics.ParseCalendar(strings.NewReader(string(data)))
	if err != nil {
		t.Fatalf("parse: %v\n%s", err, data)
	}
	for _, p := range cal.CalendarProperties {
		switch p.IANAToken {
		case "X-WR-CALNAME":
			name = p.Value
		case "REFRESH-INTERVAL":
			refresh = p.Value
		}
	}
	for _, ve := range cal.Events() {
		var ev event
		for prop, dst := range map[ics.ComponentProperty]*string{ics.ComponentPropertyUniqueId: &ev.uid, ics.ComponentPropertySummary: &ev.summary,
			ics.ComponentPropertyLocation: &ev.location, ics.ComponentPropertyDescription: &ev.description} {
			if p := ve.GetProperty(prop); p != nil {
				*dst = p.Value
			}
		}
		if ev.start, err = ve.GetStartAt(); err != nil {
			t.Fatal(err)
		}
		if ev.end, err = ve.GetEndAt(); err != nil {
			t.Fatal(err)
		}
		if stamp, err := ve.GetDtStampTime(); err != nil || !stamp.Equal(at(27, 8, 0)) {
			t.Errorf("%s: DTSTAMP %v, %v", ev.uid, stamp, err)
		}
		events = append(events, ev)
	}
	sort.Slice(events, func(i, j int) bool { return events[i].start.Before(events[j].start) })
	return name, refresh, events
}

func summaries(events []event) string {
	var s []string
	for _, e := range events {
		s = append(s, e.summary)
	}
	return strings.Join(s, " | ")
}

// feedUnit is a second rooms unit over e (the router has the first), with
// its own job registry, in lang, over shifts.
func feedUnit(t *testing.T, e *coretest.Env, lang, publicURL string, shifts rooms.Shifts) *rooms.Unit {
	t.Helper()
	env := e.Feature()
	env.Jobs, env.Language = &coretest.Jobs{}, lang
	u, err := rooms.New(rooms.Config{Env: env, Rooms: e.Store, Shifts: shifts, PublicURL: publicURL})
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func token(t *testing.T, e *coretest.Env, feed string) string {
	t.Helper()
	tok, err := e.Store.FeedToken(context.Background(), feed)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// TestPersonFeed: a person's feed holds their bookings and the shifts they
// took over within the window, in their language, Dutch until they choose
// English.
func TestPersonFeed(t *testing.T) {
	withRooms(t, fourRooms, func(t *testing.T, e *coretest.Env) {
		janID := feedFixture(t, e)
		u := feedUnit(t, e, "nl", "https://werkplek.example.nl", e.Store)
		tok := token(t, e, fmt.Sprintf("person:%d", janID))
		data, err := u.Feed(context.Background(), rooms.PersonFeed, janID, tok)
		if err != nil {
			t.Fatal(err)
		}
		name, refresh, events := readFeed(t, data)
		if name != "Werkplek: Jan de Vries" || refresh != "PT15M" {
			t.Errorf("name %q, refresh %q", name, refresh)
		}
		if got, want := summaries(events), "Grote zaal: Terugblik | Grote zaal: Teamoverleg | Dienst: Nachtdienst | Kleine zaal: Geboekt | Grote zaal: Ver weg"; got != want {
			t.Fatalf("summaries\n got %s\nwant %s", got, want)
		}
		overleg, shift := events[1], events[2]
		if !overleg.start.Equal(at(28, 14, 0)) || !overleg.end.Equal(at(28, 15, 0)) || overleg.location != "Grote zaal" {
			t.Errorf("booking %+v", overleg)
		}
		var bookingID int64
		if _, err := fmt.Sscanf(overleg.uid, "booking-%d@werkplek.example.nl", &bookingID); err != nil || overleg.uid != fmt.Sprintf("booking-%d@werkplek.example.nl", bookingID) {
			t.Errorf("UID %q", overleg.uid)
		}
		if want := fmt.Sprintf("Geboekt door Jan de Vries. Boeking %d; annuleer met /room cancel %d.", bookingID, bookingID); overleg.description != want {
			t.Errorf("description %q, want %q", overleg.description, want)
		}
		if !shift.start.Equal(at(29, 22, 0)) || !shift.end.Equal(at(30, 7, 0)) || shift.location != "Nachtploeg" ||
			!strings.HasPrefix(shift.uid, "handover-") || !strings.HasSuffix(shift.uid, "@werkplek.example.nl") {
			t.Errorf("shift %+v", shift)
		}
		coretest.Wants(t, "shift", shift.description, "Overgenomen van Anouk van den Berg (overdracht ", ", team Nachtploeg).")
		coretest.Lacks(t, "Dutch feed", string(data), "Booked", "Shift", "Taken over", "cancel with")

		// In English once Jan chooses it: the same events, other words.
		e.Say(jan, "", "/werkplek language en")
		data, err = u.Feed(context.Background(), rooms.PersonFeed, janID, tok)
		if err != nil {
			t.Fatal(err)
		}
		_, _, en := readFeed(t, data)
		if got, want := summaries(en), "Grote zaal: Terugblik | Grote zaal: Teamoverleg | Shift: Nachtdienst | Kleine zaal: Booked | Grote zaal: Ver weg"; got != want {
			t.Fatalf("English summaries\n got %s\nwant %s", got, want)
		}
		for i := range en {
			if en[i].uid != events[i].uid || !en[i].start.Equal(events[i].start) || !en[i].end.Equal(events[i].end) {
				t.Errorf("event %d changed with the language: %+v, was %+v", i, en[i], events[i])
			}
		}
		if want := fmt.Sprintf("Booked by Jan de Vries. Booking %d; cancel with /room cancel %d.", bookingID, bookingID); en[1].description != want {
			t.Errorf("description %q, want %q", en[1].description, want)
		}
		coretest.Wants(t, "shift", en[2].description, "Taken over from Anouk van den Berg (handover ", ", team Nachtploeg).")
		coretest.Lacks(t, "English feed", string(data), "Geboekt", "Dienst", "Overgenomen", "annuleer")
	})
}

// TestRoomFeed: a room's feed holds everyone's bookings of that room in
// the installation's language, whatever its bookers chose.
func TestRoomFeed(t *testing.T) {
	withRooms(t, fourRooms, func(t *testing.T, e *coretest.Env) {
		feedFixture(t, e)
		e.Say(jan, "", "/werkplek language en")
		rs, _ := e.Store.Rooms(context.Background(), false)
		grote := rs[0]
		tok := token(t, e, fmt.Sprintf("room:%d", grote.ID))
		for _, tc := range []struct {
			lang, want string
		}{
			{"nl", "Terugblik (Jan de Vries) | Geboekt (Kees Janssen) | Teamoverleg (Jan de Vries) | Ver weg (Jan de Vries)"},
			{"en", "Terugblik (Jan de Vries) | Booked (Kees Janssen) | Teamoverleg (Jan de Vries) | Ver weg (Jan de Vries)"},
		} {
			t.Run(tc.lang, func(t *testing.T) {
				u := feedUnit(t, e, tc.lang, "", e.Store)
				data, err := u.Feed(context.Background(), rooms.RoomFeed, grote.ID, tok)
				if err != nil {
					t.Fatal(err)
				}
				name, _, events := readFeed(t, data)
				if name != "Grote zaal" || summaries(events) != tc.want {
					t.Fatalf("%q: %s", name, summaries(events))
				}
				if kees := events[1]; !kees.start.Equal(at(28, 10, 0)) || !kees.end.Equal(at(28, 11, 0)) || !strings.HasSuffix(kees.uid, "@werkplek") {
					t.Errorf("Kees's booking %+v (no WERKPLEK_PUBLIC_URL: UIDs @werkplek)", kees)
				}
				by := map[string]string{"nl": "Geboekt door Jan de Vries.", "en": "Booked by Jan de Vries."}[tc.lang]
				coretest.Wants(t, "description", events[0].description, by)
				coretest.Lacks(t, "shifts", string(data), "Nachtdienst")
			})
		}
	})
}

// TestFeedNotFound: unknown feeds and wrong tokens all say ENOTFOUND; a
// failing store is another error.
func TestFeedNotFound(t *testing.T) {
	withRooms(t, fourRooms, func(t *testing.T, e *coretest.Env) {
		janID := feedFixture(t, e)
		u := feedUnit(t, e, "nl", "", e.Store)
		rs, _ := e.Store.Rooms(context.Background(), false)
		roomTok, personTok := token(t, e, fmt.Sprintf("room:%d", rs[0].ID)), token(t, e, fmt.Sprintf("person:%d", janID))
		for _, tc := range []struct {
			name  string
			kind  rooms.FeedKind
			id    int64
			token string
		}{
			{"WrongToken", rooms.RoomFeed, rs[0].ID, "guess"},
			{"NoToken", rooms.PersonFeed, janID, ""},
			{"TokenOfAnotherRoom", rooms.RoomFeed, rs[1].ID, roomTok},
			{"RoomTokenForPerson", rooms.PersonFeed, janID, roomTok},
			{"PersonTokenForRoom", rooms.RoomFeed, janID, personTok},
			{"TokenPrefix", rooms.PersonFeed, janID, personTok[:len(personTok)-1]},
			{"UnknownRoom", rooms.RoomFeed, 99999, roomTok},
			{"UnknownPerson", rooms.PersonFeed, 99999, personTok},
			{"UnknownKind", "team", 1, roomTok},
			{"ZeroID", rooms.RoomFeed, 0, roomTok},
		} {
			t.Run(tc.name, func(t *testing.T) {
				data, err := u.Feed(context.Background(), tc.kind, tc.id, tc.token)
				if intranet.ErrorCode(err) != intranet.ENOTFOUND || data != nil {
					t.Errorf("%d bytes, %v; want ENOTFOUND", len(data), err)
				}
			})
		}
		broken := errors.New("disk on fire")
		bad := feedUnit(t, e, "nl", "", failingShifts{broken})
		if _, err := bad.Feed(context.Background(), rooms.PersonFeed, janID, personTok); !errors.Is(err, broken) || intranet.ErrorCode(err) == intranet.ENOTFOUND {
			t.Errorf("failing shifts: %v", err)
		}
		env := e.Feature()
		env.Jobs = &coretest.Jobs{}
		if _, err := rooms.New(rooms.Config{Env: env, Rooms: e.Store}); err == nil {
			t.Error("New without Shifts: no error")
		}
	})
}

type failingShifts struct{ err error }

func (f failingShifts) Handovers(context.Context, intranet.HandoverFilter) ([]*intranet.Handover, error) {
	return nil, f.err
}
