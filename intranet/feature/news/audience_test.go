package news_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature/news"
)

// linkChannel links a console channel to a team, as /team channel does.
func (e *env) linkChannel(team, channel string) {
	e.T.Helper()
	ctx := context.Background()
	if err := e.Store.SyncDepartmentTeams(ctx); err != nil {
		e.T.Fatal(err)
	}
	t, err := e.Store.FindTeamByName(ctx, team)
	if err != nil {
		e.T.Fatal(err)
	}
	if err := e.Store.LinkTeamChannel(ctx, t.ID, intranet.TeamChannel{Platform: intranet.PlatformConsole, Installation: "local", ChannelID: channel}); err != nil {
		e.T.Fatal(err)
	}
}

// TestDepartmentItemStaysInDepartment follows an item for Zorg West down
// every path it travels: only Kees (Zorg West), Carla (who manages
// content) and the channel of the Zorg West team get it; Pieter (Zorg
// Oost), the Zorg Oost team's channel and a channel of no team do not,
// while an item for everyone reaches them all.
func TestDepartmentItemStaysInDepartment(t *testing.T) {
	newsEnv(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		w := coretest.Wants
		e.linkChannel("Zorg West", "west")
		e.linkChannel("Zorg Oost", "oost")
		channels := []string{"west", "oost", "los"} // los: linked to no team
		for _, ch := range channels {
			w(t, "subscribe "+ch, e.say(pieter, ch, "/news subscribe immediate"), "Abonnement")
			w(t, "digest "+ch, e.say(pieter, ch, "/news subscribe daily 08:30"), "Abonnement")
		}
		// Carla (who manages content) and Pieter subscribe themselves;
		// Kees gets a digest and follows Carla; Pieter follows the
		// department and Carla too; Jan follows the topic.
		for _, p := range []string{pieter, carla} {
			w(t, "personal "+p, e.say(p, "", "/news subscribe immediate"), "Abonnement")
		}
		for _, p := range []string{kees, pieter, carla} {
			w(t, "personal digest "+p, e.say(p, "", "/news subscribe daily 08:30"), "Abonnement")
		}
		w(t, "follow dept", e.say(pieter, "", `/follow dept:"Zorg West"`), "Zorg West")
		w(t, "follow author", e.say(pieter, "", "/follow "+carla), "Carla Content")
		w(t, "kees follows", e.say(kees, "", "/follow "+carla), "Carla Content")

		e.Now = e.Now.Add(time.Minute)
		w(t, "post for west", e.say(carla, "", `/news post Geheim rooster | Alleen voor Zorg West. dept:"Zorg West" topic:Rooster important`), "Geplaatst als bericht 1")
		w(t, "post for all", e.say(carla, "", "/news post Kerstborrel | Voor iedereen. topic:Rooster"), "Geplaatst als bericht 2")
		w(t, "jan follows", e.say(jan, "", "/follow topic:Rooster"), "Rooster")
		e.RunDue()

		count := func(msgs []string, title string) int { return strings.Count(strings.Join(msgs, "\n"), title) }
		check := func(what string, msgs []string, secret, all int) {
			t.Helper()
			if got := count(msgs, "Geheim rooster"); got != secret {
				t.Errorf("%s: the item for Zorg West came %d times, want %d\n%s", what, got, secret, strings.Join(msgs, "\n---\n"))
			}
			if got := count(msgs, "Kerstborrel"); got != all {
				t.Errorf("%s: the item for everyone came %d times, want %d", what, got, all)
			}
		}
		// Immediate subscriptions and follows.
		check("immediate west", e.posts("west"), 1, 1)
		check("immediate oost", e.posts("oost"), 0, 1)
		check("immediate los", e.posts("los"), 0, 1)
		check("follow kees", e.dms(kees), 1, 1)
		check("immediate carla", e.dms(carla), 1, 1)
		check("immediate and follows pieter", e.dms(pieter), 0, 2)
		check("follow jan", e.dms(jan), 0, 1)

		// Digests.
		e.Now = time.Date(2026, 11, 28, 8, 30, 0, 0, coretest.Amsterdam)
		e.RunDue()
		check("digest west", e.posts("west"), 2, 2)
		check("digest oost", e.posts("oost"), 0, 2)
		check("digest los", e.posts("los"), 0, 2)
		check("digest kees", e.dms(kees), 2, 2)
		check("digest carla", e.dms(carla), 2, 2)
		check("digest pieter", e.dms(pieter), 0, 3)

		// Reminders: only Kees is asked to confirm.
		e.Now = time.Date(2026, 11, 28, 10, 5, 0, 0, coretest.Amsterdam)
		e.RunDue()
		if got := count(e.dms(kees), "Herinnering"); got != 1 {
			t.Errorf("kees got %d reminders:\n%s", got, strings.Join(e.dms(kees), "\n---\n"))
		}
		for _, p := range []string{pieter, jan, anouk} {
			if got := count(e.dms(p), "Geheim rooster"); got != 0 {
				t.Errorf("%s was reminded of an item for Zorg West: %v", p, e.dms(p))
			}
		}

		// /news and /news <id>.
		w(t, "kees' list", e.say(kees, "", "/news"), "Geheim rooster", "Kerstborrel")
		w(t, "carla's list", e.say(carla, "", "/news"), "Geheim rooster", "Kerstborrel")
		pieterList := e.say(pieter, "", "/news")
		w(t, "pieter's list", pieterList, "Kerstborrel")
		coretest.Lacks(t, "pieter's list", pieterList, "Geheim rooster")
		w(t, "kees shows", e.say(kees, "west", "/news 1"), "Alleen voor Zorg West.")
		w(t, "pieter shows", e.say(pieter, "west", "/news 1"), "geen nieuwsbericht 1 voor jou")
		w(t, "pieter reads", e.say(pieter, "", "/news read 1"), "geen nieuwsbericht 1 voor jou")
		w(t, "carla reads", e.say(carla, "", "/news read 1"), "alleen Zorg West om bevestiging")
		w(t, "kees reads", e.say(kees, "", "/news read 1"), "genoteerd")

		// The read statistics and the acks export: Kees alone.
		stats := e.say(carla, "", "/news stats 1")
		w(t, "stats", stats, "1 van 1 in de doelgroep")
		coretest.Lacks(t, "stats", stats, "Pieter", "Carla")
		rows, err := news.NewsAcksCSV(ctx, e.Store, 1, coretest.Amsterdam)
		if err != nil || len(rows) != 2 || rows[1][1] != kees || rows[1][2] == "" {
			t.Errorf("acks export: %v %v", rows, err)
		}
	})
}

// TestSharedChannelGetsOnlyNewsForEveryPartner: a channel the platform
// says is shared with another organisation may be subscribed, told that
// only the items for every partner come there; its subscriptions, also
// one made before it was shared, deliver those items (immediately and in
// digests, without what is internal) and no other: not one for employees,
// not one for one organisation.
func TestSharedChannelGetsOnlyNewsForEveryPartner(t *testing.T) {
	newsEnv(t, func(t *testing.T, e *env) {
		w := coretest.Wants
		e.addPartners()
		w(t, "before sharing", e.say(pieter, "partners", "/news subscribe immediate"), "Abonnement 1")
		shared := coretest.Request(pieter, "partners", "/news subscribe daily 08:30")
		shared.Channel.Shared = true
		w(t, "subscribed", coretest.All(e.Do(shared)), "Abonnement 2", "gedeeld met een andere organisatie", "alleen de berichten voor alle partners")
		shared.Text = "/news subscriptions"
		w(t, "listed", coretest.All(e.Do(shared)), "alleen nieuws voor alle partners")
		subs, _ := e.Store.Subscriptions(context.Background(), intranet.SubscriptionFilter{Platform: intranet.PlatformConsole, ChannelID: "partners"})
		if len(subs) != 2 || !subs[0].Shared || !subs[1].Shared {
			t.Fatalf("subscriptions of the shared channel: %+v", subs)
		}
		e.Now = e.Now.Add(time.Minute)
		e.say(carla, "", "/news post Kerstborrel | Voor iedereen.")
		e.say(carla, "", "/news post Protocol | Voor alle partners. audience:partners topic:Wondzorg important")
		e.say(carla, "", `/news post Overdracht | Voor Thuiszorg Midden. partner:"Thuiszorg Midden"`)
		e.RunDue()
		check := func(what string, protocol int) {
			t.Helper()
			posts := strings.Join(e.posts("partners"), "\n---\n")
			if got := strings.Count(posts, "Protocol"); got != protocol {
				t.Errorf("%s: the item for every partner came %d times, want %d\n%s", what, got, protocol, posts)
			}
			coretest.Lacks(t, what, posts, "Kerstborrel", "Overdracht", "Wondzorg", "Reageren", "Voor partners")
		}
		check("immediate", 1)
		e.Now = time.Date(2026, 11, 28, 8, 30, 0, 0, coretest.Amsterdam)
		e.RunDue()
		check("digest", 2)
	})
}
