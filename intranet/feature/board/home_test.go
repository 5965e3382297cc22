package board_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// home is the board part of email's home in lang: every text, and how many
// sections.
func (e *env) home(email, lang string) (string, int) {
	e.T.Helper()
	p, err := e.Store.FindPersonByEmail(context.Background(), email)
	if err != nil {
		e.T.Fatal(err)
	}
	secs, err := e.unit.Home(context.Background(), &feature.Call{Req: coretest.Request(email, "", ""), Person: p, Guest: p.IsGuest(), Lang: lang})
	if err != nil {
		e.T.Fatal(err)
	}
	return coretest.All(intranet.Reply{Sections: secs}), len(secs)
}

// TestBoardHome: the home shows others' ads of the last 7 days that hang
// now, newest first, at most 5; not older ones, not removed ones, not the
// caller's own, and nothing to a guest where guests may not see the board.
func TestBoardHome(t *testing.T) {
	boardEnv(t, false, func(t *testing.T, e *env) {
		w, l := coretest.Wants, coretest.Lacks
		if got, n := e.home(jan, "nl"); n != 0 {
			t.Errorf("home of an empty board:\n%s", got)
		}
		start := e.Now
		e.Now = start.Add(-8 * 24 * time.Hour)
		w(t, "old", e.say(pieter, "/board post Oude kast | Nog steeds te koop."), "nummer 1")
		e.Now = start.Add(-6 * 24 * time.Hour)
		w(t, "fiets", e.say(jan, "/board post Fiets te koop | Blauwe stadsfiets. categorie:tekoop"), "nummer 2")
		e.Now = start
		w(t, "keys", e.say(kees, "/board post Lost keys | In the canteen. category:lost"), "number 3")
		w(t, "puppies", e.say(kees, "/board post Puppies | For sale."), "number 4")
		w(t, "removed", coretest.All(e.Press(carla, "/board remove 4 Dieren verkopen mag hier niet")), "weggehaald")

		got, n := e.home(pieter, "nl")
		w(t, "pieter", got, "Nieuw op het prikbord", "*#3 Lost keys* · gevonden", "*#2 Fiets te koop* · te koop · Jan de Vries", "[Bekijken: /board 3]", "[Bekijken: /board 2]")
		l(t, "pieter", got, "Oude kast", "Puppies")
		if n != 2 {
			t.Errorf("pieter's home has %d ads, want 2:\n%s", n, got)
		}
		got, _ = e.home(jan, "en")
		w(t, "jan", got, "New on the board", "#3 Lost keys", "[View: /board 3]")
		l(t, "jan's own", got, "Fiets")
		if got, n := e.home(gijs, "nl"); n != 0 {
			t.Errorf("a guest's home without guests on the board:\n%s", got)
		}

		for i := 0; i < 6; i++ {
			e.say(kees, fmt.Sprintf("/board post Ad %d | Text.", i))
		}
		if _, n := e.home(jan, "nl"); n != 5 {
			t.Errorf("jan's home has %d ads, want at most 5", n)
		}
	})
	boardEnv(t, true, func(t *testing.T, e *env) {
		e.say(jan, "/board post Fiets | Te koop.")
		coretest.Wants(t, "guests on", func() string { got, _ := e.home(gijs, "nl"); return got }(), "#1 Fiets")
	})
}
