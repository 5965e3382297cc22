package home_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/feature/home"
)

// TestUsage: admins see the last 30 days of use per feature, per platform
// and per day, as charts and in words; nobody else does.
func TestUsage(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		store := &coretest.Usage{}
		// The clock is 27 November 2026, 10:00 in Amsterdam: the 30 days
		// are 29 October to 27 November (UTC).
		day := func(d int) time.Time { return time.Date(2026, 11, d, 0, 0, 0, 0, time.UTC) }
		if err := store.AddUsage(ctx, []intranet.UsageCount{
			{Day: day(27), Feature: "room", Platform: intranet.PlatformSlack, Count: 5},
			{Day: day(27), Feature: "news", Platform: intranet.PlatformTeams, Count: 2},
			{Day: day(1), Feature: "room", Platform: intranet.PlatformTeams, Count: 3},
			{Day: time.Date(2026, 10, 29, 0, 0, 0, 0, time.UTC), Feature: "hours", Platform: intranet.PlatformWeb, Count: 1},
			// 28 October is 31 days ago: not counted.
			{Day: time.Date(2026, 10, 28, 0, 0, 0, 0, time.UTC), Feature: "board", Platform: intranet.PlatformSlack, Count: 100},
		}); err != nil {
			t.Fatal(err)
		}
		setup(t, e, home.Config{Usage: store})
		e.Say(admin, "", "/werkplek language en")

		for _, who := range []string{coretest.Jan, coretest.Anouk, coretest.Gijs} {
			reply := e.Say(who, "console", "/werkplek usage")
			want := "Alleen beheerders zien hoeveel Werkplek gebruikt wordt."
			if who == coretest.Gijs {
				want = "Je bent gast in Werkplek" // the router refuses the admins' forms to a guest
			}
			coretest.Wants(t, who, reply.Text, want)
			if len(reply.Charts) != 0 {
				t.Errorf("%s sees charts", who)
			}
		}
		coretest.Wants(t, "English", e.Say(english, "console", "/werkplek usage").Text, "Only admins see how much Werkplek is used.")
		coretest.Wants(t, "unknown", e.Say(nobody, "console", "/werkplek gebruik").Text, "niet gekoppeld")

		reply := e.Say(admin, "console", "/werkplek usage")
		coretest.Wants(t, "admin", reply.Text, "Werkplek was used 11 times in the last 30 days (counted up to a minute ago).",
			"*Per feature*\n- `/room`: 8 times\n- `/news`: 2 times\n- `/hours`: 1 time",
			"*Per platform*\n- slack: 5 times\n- teams: 5 times\n- web: 1 time")
		coretest.Lacks(t, "admin", reply.Text, "board")
		if len(reply.Charts) != 3 {
			t.Fatalf("charts: %+v", reply.Charts)
		}
		wantChart(t, reply.Charts[0], "Use per feature (30 days)", "/room=8 /news=2 /hours=1")
		wantChart(t, reply.Charts[1], "Use per platform (30 days)", "slack=5 teams=5 web=1")
		days := reply.Charts[2]
		if days.Title != "Use per day" || len(days.Points) != 30 {
			t.Fatalf("days chart %q has %d points, want 30", days.Title, len(days.Points))
		}
		if first, last := days.Points[0], days.Points[29]; first != (intranet.Point{Label: "29-10", Value: 1}) || last != (intranet.Point{Label: "27-11", Value: 7}) {
			t.Errorf("days run from %+v to %+v", first, last)
		}
		if p := days.Points[3]; p != (intranet.Point{Label: "01-11", Value: 3}) {
			t.Errorf("1 November: %+v", p)
		}

		e.Say(admin, "", "/werkplek language nl")
		nl := e.Say(admin, "console", "/werkplek gebruik")
		coretest.Wants(t, "Dutch", nl.Text, "Werkplek is de laatste 30 dagen 11 keer gebruikt (geteld tot een minuut geleden).", "*Per functie*\n- `/room`: 8 keer")
		wantChart(t, nl.Charts[0], "Gebruik per functie (30 dagen)", "/room=8 /news=2 /hours=1")
		if nl.Charts[1].Title != "Gebruik per platform (30 dagen)" || nl.Charts[2].Title != "Gebruik per dag" {
			t.Errorf("Dutch chart titles: %q, %q", nl.Charts[1].Title, nl.Charts[2].Title)
		}
	})
}

// TestUsageEmpty: with nothing counted the admin is told so, and the day
// chart still has its 30 days.
func TestUsageEmpty(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		setup(t, e, home.Config{Usage: &coretest.Usage{}})
		reply := e.Say(admin, "console", "/werkplek usage")
		coretest.Wants(t, "empty", reply.Text, "De laatste 30 dagen is Werkplek niet gebruikt")
		if len(reply.Charts) != 3 || len(reply.Charts[2].Points) != 30 {
			t.Errorf("charts: %+v", reply.Charts)
		}
	})
}

// TestUsageCounted: the router counts what people do, by the command's
// English word, and the admin sees it once flushed.
func TestUsageCounted(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		store := &coretest.Usage{}
		counter := feature.NewUsage(store, e.Clock)
		e.Counter = counter
		setup(t, e, home.Config{Usage: store})
		e.Say(coretest.Jan, "console", "/werkplek thuis")
		e.Say(coretest.Jan, "console", "/werkplek help")
		if err := counter.Flush(context.Background()); err != nil {
			t.Fatal(err)
		}
		// Kees's "/werkplek language en" in setup counts too.
		coretest.Wants(t, "counted", e.Say(admin, "console", "/werkplek usage").Text, "- `/werkplek`: 3 keer", "- console: 3 keer")
	})
}

func wantChart(t *testing.T, c intranet.Chart, title, points string) {
	t.Helper()
	var got []string
	for _, p := range c.Points {
		got = append(got, fmt.Sprintf("%s=%g", p.Label, p.Value))
	}
	if c.Title != title || strings.Join(got, " ") != points {
		t.Errorf("chart %q: %s, want %q: %s", c.Title, strings.Join(got, " "), title, points)
	}
}
