package news_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// home is the news part of email's home in lang, as every text of a reply.
func (e *env) home(email, lang string) (string, int) {
	e.T.Helper()
	p, err := e.Store.FindPersonByEmail(context.Background(), email)
	if err != nil {
		e.T.Fatal(err)
	}
	secs, err := e.unit.Home(context.Background(), &feature.Call{Req: coretest.Request(email, "", ""), Person: p, Lang: lang})
	if err != nil {
		e.T.Fatal(err)
	}
	return coretest.All(intranet.Reply{Sections: secs}), len(secs)
}

func TestNewsHome(t *testing.T) {
	newsEnv(t, func(t *testing.T, e *env) {
		w := coretest.Wants
		if got, n := e.home(jan, "nl"); n != 0 {
			t.Errorf("home without news: %d sections\n%s", n, got)
		}
		// Yesterday: an important item for everyone and a plain one.
		e.Now = coretest.Start.Add(-24 * time.Hour)
		w(t, "old important", e.say(carla, "", "/news post Brandoefening | Lees de instructie. important"), "Geplaatst als bericht 1")
		w(t, "old plain", e.say(carla, "", "/news post Oud nieuws | Van gisteren."), "Geplaatst als bericht 2")
		// Today: an important item for Zorg Oost, one for Zorg West and one for everyone.
		e.Now = coretest.Start
		w(t, "east", e.say(carla, "", `/news post Nieuwe wondzorgkar | In de berging. dept:"zorg oost" important`), "Geplaatst als bericht 3")
		w(t, "west", e.say(carla, "", `/news post Westnieuws | Alleen west. dept:"zorg west"`), "Geplaatst als bericht 4")
		w(t, "all", e.say(carla, "", "/news post Kerstborrel | Vrijdag 18 december."), "Geplaatst als bericht 5")
		w(t, "later", e.say(carla, "", "/news post Morgen | Nog niet. publish:morgen 09:00"), "Gepland: bericht 6")

		got, n := e.home(jan, "nl")
		w(t, "jan", got, "Nieuws voor jou", "Brandoefening", "Nieuwe wondzorgkar", "Kerstborrel",
			"[Gelezen: /news read 1]", "[Bekijk: /news show 1]", "[Gelezen: /news read 3]", "[Bekijk: /news show 5]")
		coretest.Lacks(t, "jan", got, "Oud nieuws", "Westnieuws", "Morgen", "/news read 5")
		if n != 3 {
			t.Errorf("jan's home has %d items, want 3", n)
		}
		// Important unread first, newest first: 3, 1, then 5.
		if idx := [3]int{strings.Index(got, "/news show 3"), strings.Index(got, "/news show 1"), strings.Index(got, "/news show 5")}; !(idx[0] < idx[1] && idx[1] < idx[2]) {
			t.Errorf("jan's order %v\n%s", idx, got)
		}
		got, _ = e.home(kees, "en")
		w(t, "kees", got, "News for you", "Westnieuws", "Kerstborrel", "[Read: /news read 1]", "[Show: /news show 4]")
		coretest.Lacks(t, "kees", got, "wondzorgkar", "Nieuws voor jou")

		// Read, as the chat does it: the item leaves the home (it is not today's).
		w(t, "read", coretest.All(e.Press(jan, "/news read 1")), "genoteerd dat je")
		w(t, "read 3", coretest.All(e.Press(jan, "/news read 3")), "genoteerd dat je")
		got, _ = e.home(jan, "nl")
		coretest.Lacks(t, "jan after reading", got, "Brandoefening", "/news read")
		w(t, "jan after reading", got, "[Bekijk: /news show 3]", "Kerstborrel")

		if got, n := e.home(coretest.Gijs, "nl"); n != 0 {
			t.Errorf("a guest's home: %s", got)
		}
		for i := 0; i < 6; i++ {
			e.say(carla, "", fmt.Sprintf("/news post Bericht %d | Tekst.", i))
		}
		if _, n := e.home(kees, "nl"); n != 5 {
			t.Errorf("kees' home has %d items, want at most 5", n)
		}
	})
}

// TestNewsHomeNotOnGuestAccount: a platform's guest account linked to an
// employee's address (/werkplek home is open to guests) shows none of
// that employee's news; their own account does.
func TestNewsHomeNotOnGuestAccount(t *testing.T) {
	newsEnv(t, func(t *testing.T, e *env) {
		coretest.Wants(t, "post", e.say(carla, "", "/news post Kerstborrel | Vrijdag 18 december. important"), "Geplaatst als bericht 1")
		p, err := e.Store.FindPersonByEmail(context.Background(), jan)
		if err != nil {
			t.Fatal(err)
		}
		for _, guest := range []bool{false, true} {
			secs, err := e.unit.Home(context.Background(), &feature.Call{Req: coretest.Request(jan, "", ""), Person: p, Guest: guest, Lang: "nl"})
			if err != nil {
				t.Fatal(err)
			}
			if got := coretest.All(intranet.Reply{Sections: secs}); guest != !strings.Contains(got, "Kerstborrel") {
				t.Errorf("guest account %v: %q", guest, got)
			}
		}
	})
}
