package rooms_test

import (
	"context"
	"strings"
	"testing"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

func TestRoomsHome(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		e.Now = at(27, 8, 0)
		if _, err := e.Store.SaveRooms(ctx, fourRooms, false); err != nil {
			t.Fatal(err)
		}
		u := unit(t, e)
		e.Core(u)
		home := func(email, lang string) []intranet.Section {
			t.Helper()
			p, err := e.Store.FindPersonByEmail(ctx, email)
			if err != nil {
				t.Fatal(err)
			}
			secs, err := u.Home(ctx, &feature.Call{Req: coretest.Request(email, "", ""), Person: p, Lang: lang})
			if err != nil {
				t.Fatal(err)
			}
			return secs
		}
		if got := home(jan, "nl"); got != nil {
			t.Errorf("home without bookings: %v", got)
		}
		w := coretest.Wants
		w(t, "past by then", say(e, jan, "/room book Kleine zaal vandaag 9-10 Vroeg"), "Boeking 1.")
		w(t, "tomorrow", say(e, jan, "/room book Grote zaal morgen 14-15 Teamoverleg"), "Boeking 2.")
		w(t, "kees", say(e, kees, "/room book Zaal 1 morgen 14-15 Van Kees"), "Boeking 3.")
		w(t, "series", say(e, jan, "/room book zaal 10 ma 9-10 every day until 6-12"), "Zaal 10")
		e.Now = at(27, 11, 0)

		secs := home(jan, "nl")
		got := coretest.All(intranet.Reply{Sections: secs})
		w(t, "jan", got, "Je volgende boekingen", "*Grote zaal* · za 28 nov 2026 14:00–15:00 · Teamoverleg · #2", "[Annuleren: /room cancel 2]", "*Zaal 10* · ma 30 nov 2026 09:00–10:00")
		coretest.Lacks(t, "jan", got, "Vroeg", "Van Kees", "/room cancel 1]", "/room cancel 3]")
		if len(secs) != 5 {
			t.Errorf("jan's home has %d bookings, want at most 5:\n%s", len(secs), got)
		}
		if c := secs[0].Buttons[0].Confirm; c == nil || c.Title != "Boeking annuleren?" || !strings.Contains(c.Text, "Grote zaal") {
			t.Errorf("cancel confirm %+v", c)
		}
		got = coretest.All(intranet.Reply{Sections: home(kees, "en")})
		w(t, "kees", got, "Your next bookings", "*Zaal 1* · Sat 28 Nov 2026 14:00–15:00 · Van Kees · #3", "[Cancel: /room cancel 3]")
		coretest.Lacks(t, "kees", got, "Grote zaal", "Zaal 10")

		w(t, "cancel", coretest.All(e.Press(jan, "/room cancel 2")), "Geannuleerd")
		coretest.Lacks(t, "after cancel", coretest.All(intranet.Reply{Sections: home(jan, "nl")}), "Grote zaal")
	})
}

// TestRoomsHomeNotOnGuestAccount: a platform's guest account linked to an
// employee's address (/werkplek home is open to guests) shows none of
// that employee's bookings; their own account does.
func TestRoomsHomeNotOnGuestAccount(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		e.Now = at(27, 8, 0)
		if _, err := e.Store.SaveRooms(ctx, fourRooms, false); err != nil {
			t.Fatal(err)
		}
		u := unit(t, e)
		e.Core(u)
		coretest.Wants(t, "book", say(e, jan, "/room book Grote zaal morgen 14-15 Teamoverleg"), "Boeking 1.")
		p, err := e.Store.FindPersonByEmail(ctx, jan)
		if err != nil {
			t.Fatal(err)
		}
		for _, guest := range []bool{false, true} {
			secs, err := u.Home(ctx, &feature.Call{Req: coretest.Request(jan, "", ""), Person: p, Guest: guest, Lang: "nl"})
			if err != nil {
				t.Fatal(err)
			}
			if got := coretest.All(intranet.Reply{Sections: secs}); guest != !strings.Contains(got, "Teamoverleg") {
				t.Errorf("guest account %v: %q", guest, got)
			}
		}
	})
}
