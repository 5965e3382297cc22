package router_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/router"
)

// TestDepartures: a Slack installation the adapter says is gone gets
// nothing more (no DM, no post) while the people there are reached on
// their other platform; the admins are told once, in their language, on a
// platform that is not gone; a request from the installation brings it
// back; going again soon after is the same departure, a day later a new one.
func TestDepartures(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		e.Import(
			intranet.PersonRecord{Name: "Ria Beheer", Email: "ria@example.nl", Department: "ICT", Roles: []intranet.Role{intranet.RoleAdmin}},
			intranet.PersonRecord{Name: "Eve Admin", Email: "eve@example.nl", Department: "ICT", Roles: []intranet.Role{intranet.RoleAdmin}},
			intranet.PersonRecord{Name: "Sam Slack", Email: "sam@example.nl", Department: "ICT", Roles: []intranet.Role{intranet.RoleAdmin}},
		)
		link := func(email string, accts ...intranet.Account) *intranet.Person {
			t.Helper()
			p, err := e.Store.FindPersonByEmail(ctx, email)
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range accts {
				a.PersonID = p.ID
				if err := e.Store.LinkAccount(ctx, a); err != nil {
					t.Fatal(err)
				}
			}
			return p
		}
		slack := func(user string) intranet.Account {
			return intranet.Account{Platform: intranet.PlatformSlack, Installation: "T1", UserID: user}
		}
		mm := func(user string) intranet.Account {
			return intranet.Account{Platform: intranet.PlatformMattermost, Installation: "chat.example.nl", UserID: user}
		}
		link("ria@example.nl", slack("URIA"), mm("ria"))
		eve := link("eve@example.nl", mm("eve"))
		if err := e.Store.SetLanguage(ctx, eve.ID, "en"); err != nil {
			t.Fatal(err)
		}
		link("sam@example.nl", slack("USAM"))
		link(coretest.Pieter, slack("UPIETER"), mm("pieter"))
		// Pieter used Slack last: his DMs go there while it is not gone.
		if err := e.Store.TouchAccount(ctx, intranet.PlatformSlack, "T1", "UPIETER", e.Now); err != nil {
			t.Fatal(err)
		}
		r := e.Core()
		msg := e.Feature().Notifier()
		n := 0
		dmPieter := func() {
			t.Helper()
			n++
			p, err := e.Store.FindPersonByEmail(ctx, coretest.Pieter)
			if err != nil {
				t.Fatal(err)
			}
			err = msg.Send(ctx, feature.DM{To: p, Key: "test:" + string(rune('a'+n)), Write: func(lang string) intranet.Reply {
				return intranet.Reply{Text: "bericht " + string(rune('a'+n))}
			}})
			if err != nil {
				t.Fatalf("dm: %v", err)
			}
		}
		post := func(installation string) intranet.OutboxEntry {
			t.Helper()
			n++
			id, err := e.Outbox.Send(ctx, intranet.Delivery{To: intranet.Destination{Platform: intranet.PlatformSlack, Installation: installation, ChannelID: "CZORG"},
				Reply: intranet.Reply{Text: "kaart"}, Key: "post:" + string(rune('a'+n))})
			if err != nil {
				t.Fatal(err)
			}
			entry, err := e.Outbox.OutboxEntry(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			return entry
		}
		counts := func() (slackPieter, mmPieter int) {
			return len(e.Posters.DMs(intranet.PlatformSlack, "UPIETER")), len(e.Posters.DMs(intranet.PlatformMattermost, "pieter"))
		}

		dmPieter()
		if s, m := counts(); s != 1 || m != 0 {
			t.Fatalf("before: slack %d, mattermost %d DMs; want the last used slack", s, m)
		}

		for range 2 { // said twice (two replicas, or two events): one departure
			if err := r.InstallationGone(ctx, intranet.PlatformSlack, "T1", "app_uninstalled"); err != nil {
				t.Fatal(err)
			}
		}
		ria, eveDMs := e.Posters.DMs(intranet.PlatformMattermost, "ria"), e.Posters.DMs(intranet.PlatformMattermost, "eve")
		if len(ria) != 1 || len(eveDMs) != 1 {
			t.Fatalf("admins told %d and %d times, want once each", len(ria), len(eveDMs))
		}
		coretest.Wants(t, "ria's notice", ria[0], "Werkplek bereikt Slack `T1` niet meer", "Sinds vr 27 nov 2026 10:00 (reden: `app_uninstalled`)", "ander platform", "Installeer de app opnieuw")
		coretest.Wants(t, "eve's notice", eveDMs[0], "Werkplek can no longer reach Slack `T1`", "Since Fri 27 Nov 2026 10:00 (reason: `app_uninstalled`)")
		if got := e.Posters.DMs(intranet.PlatformSlack, "USAM"); len(got) != 0 {
			t.Errorf("the admin whose only account is gone was DMed there: %q", got)
		}

		dmPieter()
		if s, m := counts(); s != 1 || m != 1 {
			t.Fatalf("gone: slack %d, mattermost %d DMs; want the next one on mattermost", s, m)
		}
		if entry := post("T1"); entry.State != intranet.OutboxFailed || entry.LastError != "installation gone" {
			t.Errorf("post to the gone installation: %+v", entry)
		}
		if entry := post("T2"); entry.State != intranet.OutboxSent {
			t.Errorf("post to another installation of the platform: %+v", entry)
		}
		if got := e.Posters.Posts(intranet.PlatformSlack, "CZORG"); len(got) != 1 {
			t.Errorf("%d posts on slack, want only T2's", len(got))
		}
		// Another replica reads it from the database.
		if gone, err := feature.NewInstallations(e.Store, e.Clock).Gone(ctx, intranet.PlatformSlack, "T1"); err != nil || !gone {
			t.Errorf("another replica: gone %v, %v", gone, err)
		}

		// Someone writes from it: it works, so it is back.
		e.Do(intranet.Request{Platform: intranet.PlatformSlack, Installation: "T1", User: intranet.User{ID: "UPIETER"}, Channel: intranet.Channel{ID: "DPIETER", Direct: true}, Text: "help"})
		dmPieter()
		if s, m := counts(); s != 2 || m != 1 {
			t.Fatalf("back: slack %d, mattermost %d DMs; want slack again", s, m)
		}
		if entry := post("T1"); entry.State != intranet.OutboxSent {
			t.Errorf("post after it came back: %+v", entry)
		}

		// Gone again an hour later: the same departure, the admins were told.
		e.Now = e.Now.Add(time.Hour)
		if err := r.InstallationGone(ctx, intranet.PlatformSlack, "T1", "tokens_revoked"); err != nil {
			t.Fatal(err)
		}
		if got := e.Posters.DMs(intranet.PlatformMattermost, "ria"); len(got) != 1 {
			t.Errorf("admin told %d times after it went again within a day, want once", len(got))
		}
		dmPieter()
		if s, m := counts(); s != 2 || m != 2 {
			t.Fatalf("gone again: slack %d, mattermost %d DMs", s, m)
		}

		// The adapter says it is back; a day later it goes again: a new
		// departure, told again.
		if err := r.InstallationBack(ctx, intranet.PlatformSlack, "T1"); err != nil {
			t.Fatal(err)
		}
		if err := r.InstallationBack(ctx, intranet.PlatformSlack, "T1"); err != nil {
			t.Fatalf("back when not gone: %v", err)
		}
		e.Now = e.Now.Add(25 * time.Hour)
		if err := r.InstallationGone(ctx, intranet.PlatformSlack, "T1", "tokens_revoked"); err != nil {
			t.Fatal(err)
		}
		ria = e.Posters.DMs(intranet.PlatformMattermost, "ria")
		if len(ria) != 2 || !strings.Contains(ria[1], "za 28 nov 2026 12:00 (reden: `tokens_revoked`)") {
			t.Errorf("a new departure a day later: %q", ria)
		}
	})
}

// TestDeparturesBadInput: a report without an installation is refused; a
// router built without Departures says it keeps none.
func TestDeparturesBadInput(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		r := e.Core()
		if err := r.InstallationGone(ctx, intranet.PlatformSlack, "", "app_uninstalled"); intranet.ErrorCode(err) != intranet.EINVALID {
			t.Errorf("no installation: %v", err)
		}
		bare := router.New(router.Config{People: e.Store, Accounts: e.Store, Platforms: e.Posters, Decisions: e.Store})
		if err := bare.InstallationGone(ctx, intranet.PlatformSlack, "T1", "x"); intranet.ErrorCode(err) != intranet.ENOTIMPLEMENTED {
			t.Errorf("router without departures: %v", err)
		}
		if _, err := feature.NewDepartures(feature.DeparturesConfig{Env: e.Feature()}); err == nil {
			t.Error("departures without a registry built")
		}
	})
}

// countingOutbox counts the messages sent through it: only the one report
// that records a departure tells the admins.
type countingOutbox struct {
	intranet.Outbox
	mu *sync.Mutex
	n  *int
}

func (c countingOutbox) Send(ctx context.Context, d intranet.Delivery) (int64, error) {
	c.mu.Lock()
	*c.n++
	c.mu.Unlock()
	return c.Outbox.Send(ctx, d)
}

// TestDeparturesRace: many replicas reporting one departure at once record
// it once, and the admins are told once.
func TestDeparturesRace(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		e.Import(intranet.PersonRecord{Name: "Ria Beheer", Email: "ria@example.nl", Department: "ICT", Roles: []intranet.Role{intranet.RoleAdmin}})
		ria, err := e.Store.FindPersonByEmail(ctx, "ria@example.nl")
		if err != nil {
			t.Fatal(err)
		}
		if err := e.Store.LinkAccount(ctx, intranet.Account{Platform: intranet.PlatformSlack, Installation: "T2", UserID: "URIA", PersonID: ria.ID}); err != nil {
			t.Fatal(err)
		}
		var mu sync.Mutex
		sent := 0
		var wg sync.WaitGroup
		for range 10 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				// Each replica has its own registry and Departures.
				gone := feature.NewInstallations(e.Store, e.Clock)
				env := e.Feature()
				env.Installations = gone
				env.Outbox = countingOutbox{Outbox: e.Outbox, mu: &mu, n: &sent}
				d, err := feature.NewDepartures(feature.DeparturesConfig{Env: env, Installations: gone, State: e.Store, Admins: e.Store})
				if err != nil {
					t.Error(err)
					return
				}
				if err := d.InstallationGone(ctx, intranet.PlatformMattermost, "chat.example.nl", "401 Unauthorized: create post"); err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
		if sent != 1 {
			t.Errorf("%d reports told the admin, want 1", sent)
		}
		if got := e.Posters.DMs(intranet.PlatformSlack, "URIA"); len(got) != 1 {
			t.Errorf("admin told %d times", len(got))
		}
	})
}
