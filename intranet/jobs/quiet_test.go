package jobs_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/jobs"
)

// onePlatform is a registry with only Slack on, through one poster.
type onePlatform struct{ p intranet.Poster }

func (o onePlatform) Poster(pl intranet.Platform) intranet.Poster {
	if pl == intranet.PlatformSlack {
		return o.p
	}
	return nil
}

func (onePlatform) Directory(intranet.Platform) intranet.Directory { return nil }

// TestQuietHours: on the real job runner, a day worker (the installation's
// 22:00-07:00) gets nothing at night but what they asked for, and the rest
// at 07:00 as one message; a night worker (their own 08:00-16:00) gets the
// same night's DM at once, and one in their sleep at 16:00, alone as it was.
func TestQuietHours(t *testing.T) {
	ams, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		t.Fatal(err)
	}
	engines(t, func(t *testing.T, url string) {
		ctx := context.Background()
		c := &clock{t: time.Date(2026, 12, 7, 23, 0, 0, 0, ams).UTC()}
		r := newRunner(t, url, c, jobs.Config{})
		s := r.Store()
		if _, err := s.ImportPeople(ctx, []intranet.PersonRecord{
			{Line: 2, Name: "Dag Werker", Email: "dag@example.nl"},
			{Line: 3, Name: "Nacht Werker", Email: "nacht@example.nl"},
		}, false); err != nil {
			t.Fatal(err)
		}
		day, _ := s.FindPersonByEmail(ctx, "dag@example.nl")
		night, _ := s.FindPersonByEmail(ctx, "nacht@example.nl")
		if err := s.SetQuietHours(ctx, night.ID, "08:00-16:00"); err != nil {
			t.Fatal(err)
		}
		night, _ = s.FindPersonByEmail(ctx, "nacht@example.nl")
		for i, p := range []*intranet.Person{day, night} {
			if err := s.LinkAccount(ctx, intranet.Account{Platform: intranet.PlatformSlack, Installation: "T1", UserID: []string{"U-DAY", "U-NIGHT"}[i], PersonID: p.ID}); err != nil {
				t.Fatal(err)
			}
		}
		poster := &fakePoster{}
		platforms := onePlatform{poster}
		o, err := jobs.NewOutbox(r, platforms.Poster, feature.Recipients{People: s, Accounts: s, Platforms: platforms, Order: []intranet.Platform{intranet.PlatformSlack}, Language: "nl"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		n := feature.Notifier{Outbox: o, Language: "nl", Quiet: "22:00-07:00", Location: ams, Now: c.Now}
		start(t, r)
		send := func(p *intranet.Person, key string, asked bool) {
			t.Helper()
			if err := n.Send(ctx, feature.DM{To: p, Key: key, Asked: asked, Write: func(lang string) intranet.Reply {
				return intranet.Reply{Title: key}
			}}); err != nil {
				t.Fatal(err)
			}
		}
		to := func(user string) []string {
			poster.mu.Lock()
			defer poster.mu.Unlock()
			var out []string
			for _, d := range poster.posts {
				if d.To.UserID == user {
					out = append(out, d.Reply.Title+" "+strings.Join(sectionTitles(d.Reply), ","))
				}
			}
			return out
		}
		waitFor := func(user string, n int) {
			t.Helper()
			drive(t, r, 30*time.Second, func() bool { return len(to(user)) >= n })
		}

		// 23:00: the day worker sleeps, the night worker is at work.
		send(day, "nieuws-1", false)
		send(day, "nieuws-2", false)
		send(day, "herinnering", true)
		send(night, "nieuws-nacht", false)
		waitFor("U-DAY", 1)
		waitFor("U-NIGHT", 1)
		if got := to("U-DAY"); len(got) != 1 || !strings.HasPrefix(got[0], "herinnering") {
			t.Fatalf("the day worker at night: %q", got)
		}
		// Nothing more comes before 07:00.
		settled(t, r)
		c.Advance(7*time.Hour + 59*time.Minute) // 06:59
		drive(t, r, 2*time.Second, func() bool { return true })
		if got := to("U-DAY"); len(got) != 1 {
			t.Fatalf("before the end of the quiet hours: %q", got)
		}
		settled(t, r)
		c.Advance(time.Minute) // 07:00
		waitFor("U-DAY", 2)
		if got := to("U-DAY"); len(got) != 2 || !strings.Contains(got[1], "2 berichten van Werkplek terwijl je rust had") || !strings.Contains(got[1], "nieuws-1,nieuws-2") {
			t.Fatalf("at 07:00: %q", got)
		}

		// 09:00: the night worker sleeps; 16:00 brings the one DM as it was.
		settled(t, r)
		c.Advance(2 * time.Hour)
		send(night, "rooster", false)
		drive(t, r, 2*time.Second, func() bool { return true })
		if got := to("U-NIGHT"); len(got) != 1 {
			t.Fatalf("the night worker in their sleep: %q", got)
		}
		settled(t, r)
		c.Advance(7 * time.Hour) // 16:00
		waitFor("U-NIGHT", 2)
		if got := to("U-NIGHT"); len(got) != 2 || !strings.HasPrefix(got[1], "rooster") {
			t.Fatalf("the night worker at 16:00: %q", got)
		}
	})
}

func sectionTitles(r intranet.Reply) []string {
	var out []string
	for _, s := range r.Sections {
		out = append(out, s.Title)
	}
	return out
}

// goneLater is a registry of gone installations a test changes.
type goneLater struct {
	mu   sync.Mutex
	gone map[string]bool
}

func (g *goneLater) Gone(ctx context.Context, p intranet.Platform, installation string) (bool, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.gone[string(p)+":"+installation], nil
}

// TestOutboxChoosesAgainWhenGone: a DM whose account was chosen, and whose
// first try failed for a while, goes to the person's other account when
// the chosen installation is gone before the retry.
func TestOutboxChoosesAgainWhenGone(t *testing.T) {
	engines(t, func(t *testing.T, url string) {
		ctx := context.Background()
		c := newClock()
		r := newRunner(t, url, c, jobs.Config{})
		s := r.Store()
		if _, err := s.ImportPeople(ctx, []intranet.PersonRecord{{Line: 2, Name: "Tim Twee", Email: "tim@example.nl"}}, false); err != nil {
			t.Fatal(err)
		}
		tim, _ := s.FindPersonByEmail(ctx, "tim@example.nl")
		for _, inst := range []string{"T1", "T2"} {
			if err := s.LinkAccount(ctx, intranet.Account{Platform: intranet.PlatformSlack, Installation: inst, UserID: "U-" + inst, PersonID: tim.ID}); err != nil {
				t.Fatal(err)
			}
		}
		// Tim used T1 last, so the DM goes there first.
		if err := s.TouchAccount(ctx, intranet.PlatformSlack, "T1", "U-T1", c.Now()); err != nil {
			t.Fatal(err)
		}
		poster := &fakePoster{answers: []error{&intranet.DeliveryError{Temporary: true, RetryAfter: 30 * time.Second, Err: errors.New("503")}}}
		platforms := onePlatform{poster}
		gone := &goneLater{gone: map[string]bool{}}
		rec := feature.Recipients{People: s, Accounts: s, Platforms: platforms, Installations: gone, Order: []intranet.Platform{intranet.PlatformSlack}, Language: "nl"}
		o, err := jobs.NewOutbox(r, platforms.Poster, rec, gone)
		if err != nil {
			t.Fatal(err)
		}
		start(t, r)
		id, err := o.Send(ctx, intranet.Delivery{To: intranet.Destination{PersonID: tim.ID}, Reply: intranet.Reply{Text: "Je dienst is overgenomen"}, Key: "handover:1:taken", Asked: true})
		if err != nil {
			t.Fatal(err)
		}
		drive(t, r, 30*time.Second, func() bool { calls, _ := poster.stats(); return calls == 1 })
		waitWaiting(t, r, c)
		if e, _ := o.OutboxEntry(ctx, id); e.To.Installation != "T1" {
			t.Fatalf("first choice: %+v", e.To)
		}
		gone.mu.Lock()
		gone.gone["slack:T1"] = true
		gone.mu.Unlock()
		c.Advance(31 * time.Second)
		var e intranet.OutboxEntry
		drive(t, r, 30*time.Second, func() bool {
			e, _ = o.OutboxEntry(ctx, id)
			return e.State != intranet.OutboxPending
		})
		if e.State != intranet.OutboxSent || e.To.Installation != "T2" || e.To.UserID != "U-T2" {
			t.Fatalf("after T1 went: %+v", e)
		}
		if calls, posts := poster.stats(); calls != 2 || posts != 1 || poster.posts[0].To.Installation != "T2" {
			t.Fatalf("poster called %d times, %d posts: %+v", calls, posts, poster.posts)
		}
	})
}
