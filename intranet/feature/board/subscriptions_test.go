package board_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature/board"
	"github.com/werkplek/werkplek/intranet/feature/digest"
)

func (e *env) in(email, channel, text string) string {
	e.T.Helper()
	return coretest.All(e.Say(email, channel, text))
}

func (e *env) posts(channel string) []string {
	return e.Posters.Posts(intranet.PlatformConsole, channel)
}

// TestBoardSubscriptions: subscribe, list and unsubscribe in both
// languages, for a channel and for oneself; the board's subscriptions are
// apart from the news ones.
func TestBoardSubscriptions(t *testing.T) {
	boardEnv(t, false, func(t *testing.T, e *env) {
		ctx := context.Background()
		w := coretest.Wants
		w(t, "no day", e.in(anouk, "zorg-oost", "/board subscribe weekly 09:00"), "Welke dag? Een wekelijks overzicht heeft een dag nodig", "Schrijf `/board subscribe")
		w(t, "no time", e.in(anouk, "zorg-oost", "/prikbord abonneer dagelijks"), "Hoe laat? Een overzicht (`daily`) heeft een tijd nodig")
		w(t, "immediate at a time", e.in(anouk, "zorg-oost", "/board subscribe immediate 08:00"), "`immediate` stuurt elke nieuwe advertentie meteen en heeft geen dag of tijd")
		w(t, "bad category", e.in(anouk, "zorg-oost", "/board subscribe daily 08:00 category:fietsen"), "`category:fietsen` kan niet; kies `offered`")
		if subs, _ := e.Store.Subscriptions(ctx, intranet.SubscriptionFilter{Feed: intranet.FeedBoard}); len(subs) != 0 {
			t.Fatalf("bad input subscribed: %d", len(subs))
		}
		w(t, "channel nl", e.in(anouk, "zorg-oost", "/prikbord abonneer wekelijks ma 09:00 categorie:tekoop"),
			"Abonnement 1: dit kanaal krijgt van het prikbord elke ma om 09:00 een overzicht (categorie te koop).", "Het eerste overzicht komt ma 30 nov 2026 09:00", "[Opzeggen: /board unsubscribe 1]")
		if _, ok := e.Jobs.Pending(board.BoardDigestJob, "digest:1:2026-11-30T08:00:00Z"); !ok {
			t.Error("no digest job under its key")
		}
		w(t, "twice", e.in(anouk, "zorg-oost", "/board subscribe weekly mon 09:00 category:sale"), "Dat abonnement bestaat hier al. Zie `/board subscriptions`.")
		w(t, "personal en", e.say(kees, "/board subscribe immediate category:event"),
			"Subscription 2: you get from the board by direct message each new ad as it is put up (category event).")
		// A news subscription of the same channel is no board subscription.
		news, err := e.Store.CreateSubscription(ctx, intranet.Subscription{Feed: intranet.FeedNews, PersonID: 1, Schedule: intranet.Schedule{Kind: intranet.ScheduleImmediate},
			To: intranet.Destination{Platform: intranet.PlatformConsole, Installation: "local", ChannelID: "zorg-oost"}}, e.Now)
		if err != nil {
			t.Fatal(err)
		}
		list := e.in(pieter, "zorg-oost", "/prikbord abonnementen")
		w(t, "list nl", list, "Prikbordabonnementen", "*1* · Dit kanaal: elke ma om 09:00 een overzicht (categorie te koop)", "[Opzeggen: /board unsubscribe 1]")
		coretest.Lacks(t, "list nl", list, "unsubscribe 2", fmt.Sprintf("unsubscribe %d", news.ID))
		w(t, "list en", e.say(kees, "/board subscriptions"), "Board subscriptions", "*2* · You: each new ad as it is put up (category event)")
		w(t, "none", e.say(jan, "/board subscriptions"), "Geen prikbordabonnementen hier of van jou")
		w(t, "news id", e.in(anouk, "zorg-oost", fmt.Sprintf("/board unsubscribe %d", news.ID)), fmt.Sprintf("Er is geen abonnement %d (meer).", news.ID))
		w(t, "not yours", e.say(jan, "/board unsubscribe 2"), "Abonnement 2 is niet van jou of van dit kanaal.")
		w(t, "not this channel's", e.in(jan, "elders", "/board unsubscribe 1"), "Abonnement 1 is niet van jou of van dit kanaal.")
		w(t, "unsubscribe en", e.say(kees, "/board unsubscribe 2"), "Subscription 2 is cancelled.")
		w(t, "unsubscribe nl", e.in(pieter, "zorg-oost", "/prikbord opzeggen 1"), "Abonnement 1 is opgezegd.")
		w(t, "again", e.in(pieter, "zorg-oost", "/board unsubscribe 1"), "Er is geen abonnement 1 (meer).")
		if _, ok := e.Jobs.Pending(board.BoardDigestJob, "digest:1:2026-11-30T08:00:00Z"); ok {
			t.Error("the digest job of a cancelled subscription is still pending")
		}
		if _, err := e.Store.FindSubscriptionByID(ctx, news.ID); err != nil {
			t.Errorf("the news subscription went too: %v", err)
		}
	})
}

// TestBoardImmediate: a new ad reaches the immediate subscriptions of its
// category (or of all) once, as plain text; not those made after it, not
// a channel shared with another organisation, and nothing of an ad
// removed before its delivery.
func TestBoardImmediate(t *testing.T) {
	boardEnv(t, false, func(t *testing.T, e *env) {
		w := coretest.Wants
		e.say(jan, "/board post Oud | Van voor de abonnementen.")
		e.Now = e.Now.Add(time.Second)
		e.in(anouk, "zorg-oost", "/board subscribe immediate")
		e.say(kees, "/board subscribe immediate category:sale")
		e.in(anouk, "gedeeld", "/board subscribe immediate")
		shared := coretest.Request(anouk, "gedeeld", "/board")
		shared.Channel.Shared = true
		e.Do(shared) // the platform says it is shared now
		refused := coretest.Request(anouk, "ook-gedeeld", "/board subscribe immediate")
		refused.Channel.Shared = true
		w(t, "shared channel", coretest.All(e.Do(refused)), "Dit kanaal is gedeeld met een andere organisatie")
		e.RunDue()
		e.Now = e.Now.Add(time.Minute)
		e.say(jan, "/board post *Fiets* | Blauwe stadsfiets <!channel>, 50 euro. category:sale")
		e.RunDue()
		e.Now = e.Now.Add(time.Second)
		e.say(pieter, "/board post Borrel | Vrijdag. category:event")
		e.say(pieter, "/board post Weg | Snel weer weg.")
		e.say(pieter, "/board remove 4")
		e.RunDue()
		posts := e.posts("zorg-oost")
		all := strings.Join(posts, "\n---\n")
		if len(posts) != 2 || !strings.Contains(posts[0], `#2 \*Fiets\*`) || !strings.Contains(posts[1], "#3 Borrel") {
			t.Fatalf("channel posts: %d\n%s", len(posts), all)
		}
		w(t, "channel post", posts[0], "Nieuw op het prikbord", `Blauwe stadsfiets \<!channel\>, 50 euro.`, "Categorie: te koop", "Van: Jan de Vries", "/board reply 2 <tekst>", "Opzeggen: `/board unsubscribe 1`")
		coretest.Lacks(t, "channel posts", all, "Oud", "Weg")
		dms := e.dms(kees)
		if len(dms) != 1 {
			t.Fatalf("Kees got %d ads: %v", len(dms), dms)
		}
		w(t, "dm en", dms[0], "New on the board", `#2 \*Fiets\*`, "Category: for sale", "Unsubscribe: `/board unsubscribe 2`")
		if got := e.posts("gedeeld"); len(got) != 0 {
			t.Errorf("a shared channel got ads: %v", got)
		}
		// The publication job run again delivers nothing twice.
		for _, id := range []int64{2, 3} {
			e.Jobs.Schedule(context.Background(), board.BoardPublishJob, fmt.Sprintf("board:%d:publish", id), e.Now, nil)
		}
		e.RunDue()
		if n, m := len(e.posts("zorg-oost")), len(e.dms(kees)); n != 2 || m != 1 {
			t.Errorf("after a rerun: %d posts, %d DMs", n, m)
		}
	})
}

// TestBoardWeeklyDigest: the digest lists the ads put up in its window
// that are still up (not removed, not expired), ten and a count, in its
// category and language; every moment belongs to one digest; a rerun
// sends nothing; the next digest is scheduled.
func TestBoardWeeklyDigest(t *testing.T) {
	boardEnv(t, false, func(t *testing.T, e *env) {
		ctx := context.Background()
		w := coretest.Wants
		e.say(jan, "/board post Oud | Van voor het abonnement.")
		e.in(anouk, "zorg-oost", "/board subscribe weekly mon 09:00")
		e.say(kees, "/board subscribe weekly mon 09:00 category:event")
		for i := 1; i <= 11; i++ {
			e.Now = e.Now.Add(time.Minute)
			e.say(jan, fmt.Sprintf("/board post Fiets %02d | Tekst %d. category:sale", i, i))
		}
		e.say(pieter, "/board post Weg | Weggehaald.")
		e.say(pieter, "/board remove 13")
		e.say(pieter, "/board post Kort | Verloopt zondag. expires:2026-11-29")
		e.say(kees, "/board post Quiz night | Thursday. category:event")
		due := time.Date(2026, 11, 30, 9, 0, 0, 0, coretest.Amsterdam)
		until := due.Add(-digest.Settle)
		e.Now = until
		e.say(jan, "/board post Grens | Precies op het einde. category:event")
		e.Now = until.Add(500 * time.Millisecond)
		e.say(jan, "/board post Na de grens | Een halve seconde later. category:event")
		e.Now = due
		e.RunDue()
		e.RunDue()
		digests := e.posts("zorg-oost")
		if len(digests) != 1 {
			t.Fatalf("%d digests: %v", len(digests), digests)
		}
		w(t, "digest nl", digests[0], "Prikbordoverzicht", "13 nieuwe advertenties sinds het vorige overzicht.", "#16 Grens", "#15 Quiz night", "Fiets 11", "Fiets 04", "en 3 meer: typ `/board`",
			"Abonnement 1: elke ma om 09:00 een overzicht. Opzeggen: `/board unsubscribe 1`.")
		coretest.Lacks(t, "digest nl", digests[0], "Oud", "Weg", "Kort", "Na de grens", "Fiets 03")
		dms := e.dms(kees)
		if len(dms) != 1 {
			t.Fatalf("Kees got %d digests: %v", len(dms), dms)
		}
		w(t, "digest en", dms[0], "Board digest", "2 new ads since the previous digest.", "Grens", "Quiz night", "(category event)")
		coretest.Lacks(t, "digest en", dms[0], "Fiets", "Na de grens")
		if n, _ := e.Store.Deliveries(ctx, 1); n != 1 {
			t.Errorf("%d deliveries recorded, want 1", n)
		}
		next := due.AddDate(0, 0, 7)
		if got, ok := e.Jobs.Pending(board.BoardDigestJob, "digest:1:"+digest.Period(next)); !ok || !got.Equal(next) {
			t.Errorf("next digest job: %v %v", got, ok)
		}
		// The same period run again (another replica) sends nothing.
		if err := e.Jobs.Schedule(ctx, board.BoardDigestJob, "digest:1:"+digest.Period(due), due, nil); err != nil {
			t.Fatal(err)
		}
		e.RunDue()
		if n := len(e.posts("zorg-oost")); n != 1 {
			t.Errorf("a period delivered %d times", n)
		}
		e.Now = next
		e.RunDue()
		if got := e.posts("zorg-oost"); len(got) != 2 || !strings.Contains(got[1], "1 nieuwe advertentie sinds") || !strings.Contains(got[1], "Na de grens") || strings.Contains(got[1], "#16 Grens") {
			t.Errorf("the next week's digest: %v", got[1:])
		}
	})
}

// TestBoardSubscriptionGuests: a guest subscribes only where guests are on
// the board; a guest's subscription gets nothing once they are off.
func TestBoardSubscriptionGuests(t *testing.T) {
	t.Run("off", func(t *testing.T) {
		boardEnv(t, false, func(t *testing.T, e *env) {
			coretest.Wants(t, "guest subscribes", e.say(gijs, "/board subscribe immediate"), "Je bent gast in Werkplek")
			coretest.Wants(t, "guest lists", e.say(gijs, "/board subscriptions"), "Je bent gast in Werkplek")
			// A guest's subscription made while guests were on gets nothing now.
			ctx := context.Background()
			g, err := e.Store.FindPersonByEmail(ctx, gijs)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := e.Store.CreateSubscription(ctx, intranet.Subscription{Feed: intranet.FeedBoard, PersonID: g.ID, Personal: true, Schedule: intranet.Schedule{Kind: intranet.ScheduleImmediate},
				To: intranet.Destination{Platform: intranet.PlatformConsole, Installation: "local", UserID: gijs}}, e.Now); err != nil {
				t.Fatal(err)
			}
			e.Now = e.Now.Add(time.Second)
			e.say(jan, "/board post Fiets | Te koop.")
			e.RunDue()
			if dms := e.dms(gijs); len(dms) != 0 {
				t.Errorf("a guest got ads while guests are off: %v", dms)
			}
		})
	})
	t.Run("on", func(t *testing.T) {
		boardEnv(t, true, func(t *testing.T, e *env) {
			coretest.Wants(t, "guest subscribes", e.say(gijs, "/board subscribe immediate"), "Abonnement 1: jij krijgt van het prikbord als privébericht elke nieuwe advertentie meteen.")
			e.Now = e.Now.Add(time.Second)
			e.say(jan, "/board post Fiets | Te koop.")
			e.RunDue()
			coretest.Wants(t, "guest gets the ad", last(e.dms(gijs)), "Nieuw op het prikbord", "#1 Fiets")
		})
	})
}
