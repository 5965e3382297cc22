package rooms_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature/rooms"
)

const (
	anna  = "anna@thuiszorgmidden.nl" // a partner of Thuiszorg Midden
	anouk = coretest.Anouk
	label = "Anna Smit · Thuiszorg Midden (partner)"
)

// withPartner runs fn with the rooms of withRooms, Kleine zaal a visitor
// room, and Anna Smit a partner of Thuiszorg Midden; contacts are the
// emails named as her organisation's contacts, in that order.
func withPartner(t *testing.T, contacts []string, fn func(t *testing.T, e *coretest.Env)) {
	withRooms(t, fourRooms, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		if got := say(e, rita, `/room admin change "Kleine zaal" partners:on`); !strings.Contains(got, "bezoekersruimte") {
			t.Fatalf("partners:on: %s", got)
		}
		org, err := e.Store.AddOrganisation(ctx, "Thuiszorg Midden")
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := e.Store.AddPartnerPerson(ctx, org.ID, anna, "Anna Smit"); err != nil {
			t.Fatal(err)
		}
		for _, email := range contacts {
			p, err := e.Store.FindPersonByEmail(ctx, email)
			if err != nil {
				t.Fatal(err)
			}
			if err := e.Store.AddPartnerContact(ctx, org.ID, p.ID); err != nil {
				t.Fatal(err)
			}
		}
		fn(t, e)
	})
}

// english makes email's language English.
func english(t *testing.T, e *coretest.Env, email string) {
	t.Helper()
	p, err := e.Store.FindPersonByEmail(context.Background(), email)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Store.SetLanguage(context.Background(), p.ID, "en"); err != nil {
		t.Fatal(err)
	}
}

func TestVisitorRoomsByRoomAdmins(t *testing.T) {
	withRooms(t, fourRooms, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		visitor := func(name string) bool {
			t.Helper()
			rooms, err := e.Store.Rooms(ctx, false)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rooms {
				if r.Name == name {
					return r.Partners
				}
			}
			t.Fatalf("no room %s", name)
			return false
		}
		coretest.Wants(t, "employee", say(e, kees, `/room admin change "Kleine zaal" partners:on`), "ruimtebeheerder")
		if visitor("Kleine zaal") {
			t.Fatal("an employee made a visitor room")
		}
		coretest.Wants(t, "aan", say(e, rita, `/room admin change "Kleine zaal" partners:aan`), "Gewijzigd: Kleine zaal", "bezoekersruimte")
		if !visitor("Kleine zaal") || visitor("Grote zaal") {
			t.Fatal("partners:aan did not make Kleine zaal alone a visitor room")
		}
		// Another change keeps it one.
		say(e, rita, `/room admin change "Kleine zaal" capacity:8`)
		if !visitor("Kleine zaal") {
			t.Fatal("capacity:8 took the visitor room away")
		}
		list := say(e, rita, "/room admin")
		for _, line := range strings.Split(list, "\n") {
			if strings.Contains(line, "bezoekersruimte") != strings.Contains(line, "Kleine zaal") {
				t.Errorf("admin list line %q", line)
			}
		}
		english(t, e, rita)
		coretest.Wants(t, "English", say(e, rita, "/room admin list"), "visitor room")
		coretest.Wants(t, "add", say(e, rita, `/room admin add Bezoek capacity:4 partners:on`), "Added: Bezoek", "visitor room")
		if !visitor("Bezoek") {
			t.Fatal("admin add partners:on made no visitor room")
		}
		say(e, rita, `/room admin change "Kleine zaal" partners:uit`)
		if visitor("Kleine zaal") {
			t.Fatal("partners:uit kept the visitor room")
		}
	})
}

func TestPartnerSeesOnlyVisitorRooms(t *testing.T) {
	withPartner(t, []string{anouk}, func(t *testing.T, e *coretest.Env) {
		say(e, jan, `/room book "Grote zaal" 10-11 Geheim overleg`)
		say(e, kees, `/room book "Kleine zaal" 11-12 Keesoverleg`)
		if n := len(bookings(t, e)); n != 2 {
			t.Fatalf("%d bookings", n)
		}
		kees := bookings(t, e)[1]
		hidden := []string{"Grote zaal", "Zaal 1", "Zaal 10", "Jan de Vries", "Kees Janssen", "Geheim", "Keesoverleg"}
		for _, cmd := range []string{"/room", "/room vandaag", "/room day", "/room day location:Utrecht", "/room free 14-15", "/room free 11-12",
			"/room free 14-15 2 people", `/room book "Grote zaal" 14-15`, `/room book "Zaal 10" 14-15`, `/room book "Kleine zaal" 11:30-12:30`,
			"/room book", fmt.Sprintf("/room cancel %d", kees.ID), fmt.Sprintf("/room release %d", kees.ID), "/room mine", "/room feed",
			`/room feed "Grote zaal"`, "/room admin", `/room admin change "Grote zaal" partners:on`, "/room book Grote 14-15 every week until 18-12"} {
			got := say(e, anna, cmd)
			for _, h := range hidden {
				if !strings.Contains(strings.ToLower(cmd), strings.ToLower(h)) { // what the partner typed may come back
					coretest.Lacks(t, cmd, got, h)
				}
			}
			coretest.Lacks(t, cmd, got, "token=")
		}
		coretest.Wants(t, "/room", say(e, anna, "/room"), "Kleine zaal", "11:00–12:00")
		coretest.Wants(t, "day", say(e, anna, "/room day"), "Kleine zaal", "11:00–12:00 bezet")
		coretest.Wants(t, "free", say(e, anna, "/room free 14-15"), "Kleine zaal")
		coretest.Wants(t, "not a visitor room", say(e, anna, `/room book "Grote zaal" 14-15`), `Ik ken geen ruimte "Grote zaal"`, "Je kunt boeken: Kleine zaal")
		coretest.Wants(t, "taken", say(e, anna, `/room book "Kleine zaal" 11:30-12:30`), "Kleine zaal is bezet")
		coretest.Wants(t, "other's booking", say(e, anna, fmt.Sprintf("/room cancel %d", kees.ID)), fmt.Sprintf("Boeking %d bestaat niet", kees.ID))
		coretest.Wants(t, "series", say(e, anna, `/room book "Kleine zaal" 14-15 every week until 18-12`), "één keer tegelijk")
		coretest.Wants(t, "feed", say(e, anna, "/room feed"), "partner")
		if n := len(bookings(t, e)); n != 2 {
			t.Fatalf("a partner's refused commands left %d bookings", n)
		}
		if !bookings(t, e)[1].Active() {
			t.Fatal("a partner cancelled an employee's booking")
		}
	})
}

func TestPartnerBooksWithHost(t *testing.T) {
	withPartner(t, nil, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		coretest.Wants(t, "no contact", say(e, anna, `/room book "Kleine zaal" 14-15 Kennismaking`), "nog geen contactpersoon", "beheerder")
		if n := len(bookings(t, e)); n != 0 {
			t.Fatalf("booked without a contact: %d", n)
		}
		org, err := e.Store.FindOrganisation(ctx, "Thuiszorg Midden")
		if err != nil {
			t.Fatal(err)
		}
		for _, email := range []string{jan, anouk} {
			p, _ := e.Store.FindPersonByEmail(ctx, email)
			if err := e.Store.AddPartnerContact(ctx, org.ID, p.ID); err != nil {
				t.Fatal(err)
			}
		}
		janP, _ := e.Store.FindPersonByEmail(ctx, jan)
		anoukP, _ := e.Store.FindPersonByEmail(ctx, anouk)

		// The first contact by name hosts, and is told.
		coretest.Wants(t, "book", say(e, anna, `/room book "Kleine zaal" 14-15 Kennismaking`), "Geboekt: Kleine zaal", "Anouk van den Berg")
		bs := bookings(t, e)
		if len(bs) != 1 || bs[0].HostID != anoukP.ID || bs[0].Organisation != "Thuiszorg Midden" {
			t.Fatalf("bookings = %+v", bs)
		}
		first := bs[0]
		coretest.Wants(t, "host's DM", strings.Join(e.Posters.DMs(intranet.PlatformConsole, anouk), "\n"),
			label+" heeft Kleine zaal geboekt op vr 27 nov 2026 14:00–15:00 (Kennismaking), met jou als contactpersoon.", fmt.Sprintf("/room cancel %d", first.ID))
		coretest.Lacks(t, "Jan's DMs", strings.Join(e.Posters.DMs(intranet.PlatformConsole, jan), "\n"), label)

		// host: names another contact, by name or email; someone else is refused.
		say(e, anna, `/room book "Kleine zaal" 15-16 host:jan`)
		coretest.Wants(t, "host:jan", strings.Join(e.Posters.DMs(intranet.PlatformConsole, jan), "\n"), label+" heeft Kleine zaal geboekt", "met jou als contactpersoon")
		say(e, anna, `/room book "Kleine zaal" 16-17 host:`+anouk)
		got := say(e, anna, `/room book "Kleine zaal" 17-18 host:kees`)
		coretest.Wants(t, "host:kees", got, `"kees" is geen contactpersoon`, "Anouk van den Berg, Jan de Vries")
		coretest.Lacks(t, "host:kees", got, "Kees Janssen")
		bs = bookings(t, e)
		if len(bs) != 3 || bs[1].HostID != janP.ID || bs[2].HostID != anoukP.ID {
			t.Fatalf("bookings = %+v", bs)
		}

		// Employees see the booking labelled, with its host.
		labelled := label + ", contactpersoon: Anouk van den Berg"
		coretest.Wants(t, "/room", say(e, kees, "/room"), labelled)
		coretest.Wants(t, "/room day", say(e, kees, "/room day"), labelled)
		coretest.Wants(t, "clash", say(e, kees, `/room book "Kleine zaal" 14:30-15:30`), labelled)
		english(t, e, kees)
		coretest.Wants(t, "English", say(e, kees, "/room"), label+", host: Anouk van den Berg")
		coretest.Wants(t, "employee host:", say(e, jan, `/room book "Kleine zaal" 09-10 host:anouk`), "`host:` is voor boekingen van partners")

		// The host's /room mine lists what they host; the partner's their own.
		coretest.Wants(t, "host's mine", say(e, anouk, "/room mine"), "jij ontvangt "+label, fmt.Sprintf("#%d", first.ID))
		coretest.Lacks(t, "host's mine", say(e, anouk, "/room mine"), fmt.Sprintf("#%d", bs[1].ID))
		coretest.Wants(t, "partner's mine", say(e, anna, "/room mine"), fmt.Sprintf("#%d", first.ID), fmt.Sprintf("#%d", bs[1].ID))
		coretest.Wants(t, "partner's /room", say(e, anna, "/room"), "14:00–15:00 (jij, Kennismaking)")

		// Another employee may not cancel it; the host may, and the
		// partner is told.
		coretest.Wants(t, "kees cancels", say(e, kees, fmt.Sprintf("/room cancel %d", first.ID)), label)
		coretest.Wants(t, "host cancels", say(e, anouk, fmt.Sprintf("/room cancel %d", first.ID)), "Geannuleerd: Kleine zaal")
		coretest.Wants(t, "partner told", strings.Join(e.Posters.DMs(intranet.PlatformConsole, anna), "\n"), "Anouk van den Berg heeft je boeking van Kleine zaal geannuleerd")
		// The partner cancels their own; the host is told.
		coretest.Wants(t, "partner cancels", say(e, anna, fmt.Sprintf("/room cancel %d", bs[1].ID)), "Geannuleerd: Kleine zaal")
		coretest.Wants(t, "host told", strings.Join(e.Posters.DMs(intranet.PlatformConsole, jan), "\n"), label+" heeft het bezoek afgezegd waarbij jij contactpersoon was: Kleine zaal, vr 27 nov 2026 15:00–16:00")
		coretest.Lacks(t, "host told", strings.Join(e.Posters.DMs(intranet.PlatformConsole, jan), "\n"), "boeking van "+label)
		if got := bookings(t, e); len(got) != 1 || got[0].ID != bs[2].ID {
			t.Fatalf("left = %+v", got)
		}
	})
}

// TestPartnerBookingInFeedsAndRetirement: a room's feed labels a partner's
// booking, the host's own feed holds it, and retiring the room tells the
// partner and the host.
func TestPartnerBookingInFeedsAndRetirement(t *testing.T) {
	withPartner(t, []string{anouk}, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		say(e, anna, `/room book "Kleine zaal" 14-15 Kennismaking`)
		bs := bookings(t, e)
		if len(bs) != 1 {
			t.Fatalf("bookings %+v", bs)
		}
		u := feedUnit(t, e, "nl", "", e.Store)
		data, err := u.Feed(ctx, rooms.RoomFeed, bs[0].RoomID, token(t, e, fmt.Sprintf("room:%d", bs[0].RoomID)))
		if err != nil {
			t.Fatal(err)
		}
		_, _, events := readFeed(t, data)
		if summaries(events) != "Kennismaking ("+label+")" {
			t.Errorf("room feed: %s", summaries(events))
		}
		coretest.Wants(t, "room feed", events[0].description, "Geboekt door "+label+", contactpersoon: Anouk van den Berg.")
		host, _ := e.Store.FindPersonByEmail(ctx, anouk)
		data, err = u.Feed(ctx, rooms.PersonFeed, host.ID, token(t, e, fmt.Sprintf("person:%d", host.ID)))
		if err != nil {
			t.Fatal(err)
		}
		if _, _, events := readFeed(t, data); summaries(events) != "Kleine zaal: Kennismaking" {
			t.Errorf("host's feed: %s", summaries(events))
		}
		coretest.Wants(t, "retire", say(e, rita, `/room admin retire "Kleine zaal"`), label+", contactpersoon: Anouk van den Berg")
		coretest.Wants(t, "partner told", strings.Join(e.Posters.DMs(intranet.PlatformConsole, anna), "\n"), "Ruimte Kleine zaal is opgeheven")
		coretest.Wants(t, "host told", strings.Join(e.Posters.DMs(intranet.PlatformConsole, anouk), "\n"), "Ruimte Kleine zaal is opgeheven, dus de boeking van "+label)
	})
}

// TestPartnerGetsReminder: the reminder of a partner's booking reaches
// their guest account, as the booking reply promises.
func TestPartnerGetsReminder(t *testing.T) {
	withPartner(t, []string{anouk}, func(t *testing.T, e *coretest.Env) {
		coretest.Wants(t, "book", say(e, anna, `/room book "Kleine zaal" morgen 14-15 Levering`), "Je krijgt 10 minuten vooraf een herinnering.")
		e.Now = at(28, 13, 50)
		e.RunDue()
		coretest.Wants(t, "reminder", strings.Join(e.Posters.DMs(intranet.PlatformConsole, anna), "\n"), "Zo meteen: Kleine zaal", "(Levering)")
	})
}

// TestPartnerToldOfCancellation: a partner whose booking a room admin
// cancels is told on their guest account, without the admin's name (a
// partner knows their contacts by name, no one else).
func TestPartnerToldOfCancellation(t *testing.T) {
	withPartner(t, []string{anouk}, func(t *testing.T, e *coretest.Env) {
		say(e, anna, `/room book "Kleine zaal" 14-15 Kennismaking`)
		bs := bookings(t, e)
		if len(bs) != 1 {
			t.Fatalf("bookings %+v", bs)
		}
		coretest.Wants(t, "admin cancels", say(e, rita, fmt.Sprintf("/room cancel %d", bs[0].ID)), "Geannuleerd: Kleine zaal")
		got := strings.Join(e.Posters.DMs(intranet.PlatformConsole, anna), "\n")
		coretest.Wants(t, "partner told", got, "Een ruimtebeheerder heeft je boeking van Kleine zaal geannuleerd")
		coretest.Lacks(t, "partner told", got, "Rita", rita)
	})
}
