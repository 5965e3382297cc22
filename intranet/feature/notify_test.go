package feature_test

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/internal/pgtest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// TestQuietUntil: the installation's night, a night worker's own day, and
// none at all.
func TestQuietUntil(t *testing.T) {
	ams := coretest.Amsterdam
	n := feature.Notifier{Quiet: "22:00-07:00", Location: ams}
	day := &intranet.Person{}
	night := &intranet.Person{QuietHours: "08:00-16:00"}
	off := &intranet.Person{QuietHours: "off"}
	at := func(d, h, m int) time.Time { return time.Date(2026, 12, d, h, m, 0, 0, ams) }
	for _, tc := range []struct {
		who  *intranet.Person
		at   time.Time
		want time.Time
	}{
		{day, at(7, 21, 59), time.Time{}},
		{day, at(7, 22, 0), at(8, 7, 0)},
		{day, at(8, 3, 0), at(8, 7, 0)},
		{day, at(8, 7, 0), time.Time{}},
		{night, at(7, 23, 0), time.Time{}},
		{night, at(8, 9, 30), at(8, 16, 0)},
		{night, at(8, 16, 0), time.Time{}},
		{off, at(8, 3, 0), time.Time{}},
	} {
		got, err := n.QuietUntil(tc.who, tc.at)
		if err != nil || !got.Equal(tc.want) {
			t.Errorf("%q at %s: %s, %v; want %s", tc.who.QuietHours, tc.at, got, err, tc.want)
		}
	}
	if _, err := (feature.Notifier{Quiet: "25:00-07:00"}).QuietUntil(day, at(7, 1, 0)); err == nil {
		t.Error("bad quiet hours read")
	}
}

// TestRecipients: a DM goes to the account used last on a platform that is
// on; guests only when allowed; someone without any is found by email on
// the platforms of the order, and linked; nobody else is reachable.
func TestRecipients(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		jan, err := e.Store.FindPersonByEmail(ctx, coretest.Jan)
		if err != nil {
			t.Fatal(err)
		}
		link := func(a intranet.Account, seen time.Time) {
			t.Helper()
			a.PersonID = jan.ID
			if err := e.Store.LinkAccount(ctx, a); err != nil {
				t.Fatal(err)
			}
			if !seen.IsZero() {
				if err := e.Store.TouchAccount(ctx, a.Platform, a.Installation, a.UserID, seen); err != nil {
					t.Fatal(err)
				}
			}
		}
		r := e.Recipients
		account := func(guests bool) string {
			t.Helper()
			d, err := r.Account(ctx, jan.ID, guests)
			if err != nil {
				return intranet.ErrorCode(err)
			}
			if d.PersonID != jan.ID {
				t.Errorf("destination without the person: %+v", d)
			}
			return string(d.Platform) + ":" + d.UserID
		}
		// Never wrote: found on the console by email, and linked there.
		if got := account(false); got != "console:"+coretest.Jan {
			t.Fatalf("never wrote: %s", got)
		}
		if a, err := e.Store.FindAccount(ctx, intranet.PlatformConsole, "local", coretest.Jan); err != nil || a.PersonID != jan.ID {
			t.Fatalf("not linked: %+v %v", a, err)
		}
		// Active on Slack later than on the console: Slack.
		link(intranet.Account{Platform: intranet.PlatformSlack, Installation: "T1", UserID: "U1"}, coretest.Start.Add(time.Hour))
		if got := account(false); got != "slack:U1" {
			t.Fatalf("used last: %s", got)
		}
		// Teams is off in the tests: a later use there does not count.
		link(intranet.Account{Platform: intranet.PlatformTeams, Installation: "tenant", UserID: "29:jan"}, coretest.Start.Add(2*time.Hour))
		if got := account(false); got != "slack:U1" {
			t.Fatalf("a platform that is off: %s", got)
		}
		// A guest account gets only what is shared with guests.
		link(intranet.Account{Platform: intranet.PlatformMattermost, Installation: "mm", UserID: "guest-jan", Guest: true}, coretest.Start.Add(3*time.Hour))
		if got := account(false); got != "slack:U1" {
			t.Fatalf("a guest account without guests: %s", got)
		}
		if got := account(true); got != "mattermost:guest-jan" {
			t.Fatalf("a guest account with guests: %s", got)
		}
		// Kees has nothing, and no platform of the order knows him.
		kees, _ := e.Store.FindPersonByEmail(ctx, coretest.Kees)
		none := feature.Recipients{People: e.Store, Accounts: e.Store, Platforms: e.Posters, Order: []intranet.Platform{intranet.PlatformSlack}}
		if _, err := none.Account(ctx, kees.ID, false); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Fatalf("unreachable: %v", err)
		}
	})
}

// TestNotifierQuietAndUnreachable: a DM in someone's quiet hours waits for
// their end (what they asked for comes at once); several that waited come
// as one; one to a person reachable nowhere tells whom it names.
func TestNotifierQuietAndUnreachable(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		e.Now = time.Date(2026, 12, 7, 23, 0, 0, 0, coretest.Amsterdam)
		n := feature.Notifier{Outbox: e.Outbox, Language: "nl", Quiet: "22:00-07:00", Location: coretest.Amsterdam, Now: e.Clock}
		jan, _ := e.Store.FindPersonByEmail(ctx, coretest.Jan)
		pieter, _ := e.Store.FindPersonByEmail(ctx, coretest.Pieter)
		write := func(text string) func(string) intranet.Reply {
			return func(lang string) intranet.Reply { return intranet.Reply{Title: text, Text: lang} }
		}
		for i, text := range []string{"Nieuws A", "Nieuws B"} {
			if err := n.Send(ctx, feature.DM{To: jan, Key: "quiet-" + string(rune('a'+i)), Write: write(text)}); err != nil {
				t.Fatal(err)
			}
		}
		if err := n.Send(ctx, feature.DM{To: jan, Key: "asked", Asked: true, Write: write("Je herinnering")}); err != nil {
			t.Fatal(err)
		}
		if got := e.Posters.DMs(intranet.PlatformConsole, coretest.Jan); len(got) != 1 || !strings.Contains(got[0], "Je herinnering") {
			t.Fatalf("in the quiet hours: %q", got)
		}
		if err := e.Outbox.Release(ctx, jan.ID); err != nil {
			t.Fatal(err)
		}
		got := e.Posters.DMs(intranet.PlatformConsole, coretest.Jan)
		if len(got) != 2 || !strings.Contains(got[1], "2 berichten van Werkplek terwijl je rust had") || !strings.Contains(got[1], "Nieuws A") || !strings.Contains(got[1], "Nieuws B") {
			t.Fatalf("after the quiet hours: %q", got)
		}

		// Nobody reaches Kees: Pieter, named, hears it in his language.
		e.Outbox.People = feature.Recipients{People: e.Store, Accounts: e.Store, Platforms: e.Posters, Language: "nl"}
		if err := e.Store.LinkAccount(ctx, intranet.Account{Platform: intranet.PlatformConsole, Installation: "local", UserID: coretest.Pieter, PersonID: pieter.ID}); err != nil {
			t.Fatal(err)
		}
		kees, _ := e.Store.FindPersonByEmail(ctx, coretest.Kees)
		if err := n.Send(ctx, feature.DM{To: kees, Key: "to-kees", Asked: true, Write: write("Voor Kees"),
			Unreachable: []feature.Notice{{To: pieter, Key: "kees-unreachable", Write: write("Kees is onbereikbaar")}}}); err != nil {
			t.Fatal(err)
		}
		if got := e.Posters.DMs(intranet.PlatformConsole, coretest.Pieter); len(got) != 1 || !strings.Contains(got[0], "Kees is onbereikbaar") {
			t.Fatalf("the unreachable told of: %q", got)
		}
	})
}

// refusingSlack is the test's platforms with a Slack whose lookups fail
// (a revoked token, an outage).
type refusingSlack struct{ *coretest.Posters }

func (p refusingSlack) Poster(pl intranet.Platform) intranet.Poster {
	if pl == intranet.PlatformSlack {
		return refusingReacher{p.Posters.Poster(pl)}
	}
	return p.Posters.Poster(pl)
}

type refusingReacher struct{ intranet.Poster }

func (refusingReacher) Reach(ctx context.Context, email string) (intranet.Account, error) {
	return intranet.Account{}, errors.New("slack: token_revoked")
}

// TestRecipientsPastAFailingPlatform: a platform that cannot answer does
// not keep a person from the next one; with no next one, its error says
// to try again later (not "reachable nowhere").
func TestRecipientsPastAFailingPlatform(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		jan, _ := e.Store.FindPersonByEmail(ctx, coretest.Jan)
		r := feature.Recipients{People: e.Store, Accounts: e.Store, Platforms: refusingSlack{e.Posters}, Language: "nl"}
		r.Order = []intranet.Platform{intranet.PlatformSlack}
		if _, err := r.Account(ctx, jan.ID, false); err == nil || intranet.ErrorCode(err) == intranet.ENOTFOUND || !strings.Contains(err.Error(), "token_revoked") {
			t.Fatalf("only a failing platform: %v", err)
		}
		r.Order = []intranet.Platform{intranet.PlatformSlack, intranet.PlatformConsole}
		if d, err := r.Account(ctx, jan.ID, false); err != nil || d.Platform != intranet.PlatformConsole {
			t.Fatalf("past the failing platform: %+v %v", d, err)
		}
	})
}

// TestNotifierSkipsWhoLeft: a DM to someone who left is not sent (nor is
// anyone told they were unreachable); after they are back it is.
func TestNotifierSkipsWhoLeft(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		n := e.Feature().Notifier()
		p, _ := e.Store.FindPersonByEmail(ctx, coretest.Pieter)
		if _, _, err := e.Store.DeactivatePerson(ctx, p.ID, 0); err != nil {
			t.Fatal(err)
		}
		p, _ = e.Store.FindPersonByEmail(ctx, coretest.Pieter)
		write := func(lang string) intranet.Reply { return intranet.Reply{Text: "Dien je uren in"} }
		if err := n.Send(ctx, feature.DM{To: p, Key: "k1", Write: write}); err != nil {
			t.Fatal(err)
		}
		if got := e.Outbox.Entries(); len(got) != 0 {
			t.Fatalf("sent to who left: %+v", got)
		}
		if _, err := e.Store.ActivatePerson(ctx, p.ID); err != nil {
			t.Fatal(err)
		}
		p, _ = e.Store.FindPersonByEmail(ctx, coretest.Pieter)
		if err := n.Send(ctx, feature.DM{To: p, Key: "k2", Write: write}); err != nil {
			t.Fatal(err)
		}
		if got := e.Posters.DMs(intranet.PlatformConsole, coretest.Pieter); len(got) != 1 {
			t.Errorf("after activate: %v", got)
		}
	})
}
