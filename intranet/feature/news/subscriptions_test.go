package news_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature/news"
)

func TestNewsDigests(t *testing.T) {
	newsEnv(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		w := coretest.Wants
		w(t, "bad time", e.say(anouk, "zorg-oost", "/news subscribe daily 25:00"), "`25:00` is geen tijd")
		w(t, "bad schedule", e.say(anouk, "zorg-oost", "/news subscribe sometimes"), "`sometimes` kan hier niet; kies `immediate`, `daily`, `weekdays`, `weekly`")
		w(t, "bad day", e.say(anouk, "zorg-oost", "/news subscribe weekly 12 09:00"), "Schrijf `/news subscribe immediate|daily|weekdays|weekly [<dag>] [<tijd>]")
		e.say(carla, "", "/news post Eerste | Tekst topic:Personeel")
		e.Now = e.Now.Add(time.Minute) // subscriptions made after it do not get it
		w(t, "unknown topic", e.say(anouk, "zorg-oost", "/news subscribe daily 08:30 topic:Persneel"), "Ik ken geen onderwerp", "Personeel")
		w(t, "unknown person", e.say(anouk, "zorg-oost", "/news subscribe daily 08:30 from:nobody@example.nl"), "niet in het telefoonboek")
		w(t, "unknown dept", e.say(anouk, "zorg-oost", `/news subscribe daily 08:30 dept:"Zorg Zuid"`), "Ik ken geen afdeling")
		if subs, _ := e.Store.Subscriptions(ctx, intranet.SubscriptionFilter{}); len(subs) != 0 {
			t.Fatalf("bad input subscribed: %d", len(subs))
		}
		w(t, "subscribe", e.say(anouk, "zorg-oost", "/news abonneer dagelijks 08:30"),
			"Abonnement 1: dit kanaal krijgt elke dag om 08:30 een overzicht", "za 28 nov 2026 08:30", "[Opzeggen: /news unsubscribe 1]")
		if _, ok := e.Jobs.Pending(news.NewsDigestJob, "digest:1:2026-11-28T07:30:00Z"); !ok {
			t.Error("no digest job under its key")
		}
		w(t, "twice", e.say(anouk, "zorg-oost", "/news subscribe daily 08:30"), "bestaat hier al")
		w(t, "filtered", e.say(anouk, "zorg-oost", "/news subscribe weekly mon 09:00 from:carla.content@example.nl"), "Abonnement 2", "elke ma om 09:00", "van Carla Content")
		w(t, "personal", e.say(jan, "", "/news subscribe immediate topic:personeel"), "Abonnement 3: jij krijgt als privébericht elk bericht zodra het verschijnt (onderwerp Personeel).")
		w(t, "list", e.say(anouk, "zorg-oost", "/news subscriptions"), "Dit kanaal", "[Opzeggen: /news unsubscribe 2]")
		w(t, "not mine", e.say(kees, "", "/news unsubscribe 3"), "niet van jou")

		// Twelve items after the subscription: the digest lists ten and counts two.
		e.Now = e.Now.Add(time.Hour)
		for i := 1; i <= 12; i++ {
			e.Now = e.Now.Add(time.Minute)
			e.say(carla, "", fmt.Sprintf("/news post Bericht %d | Tekst %d topic:Personeel", i, i))
		}
		e.RunDue()
		if dms := e.dms(jan); len(dms) != 12 || !strings.Contains(strings.Join(dms, "\n"), "Nieuws: Bericht 1\n") {
			t.Fatalf("immediate DMs to Jan: %d %v", len(dms), dms)
		}
		if got := e.posts("zorg-oost"); len(got) != 0 {
			t.Fatalf("digest before its time: %v", got)
		}
		e.Now = time.Date(2026, 11, 28, 8, 30, 0, 0, coretest.Amsterdam)
		e.RunDue()
		e.RunDue()
		digests := e.posts("zorg-oost")
		if len(digests) != 1 {
			t.Fatalf("%d digests: %v", len(digests), digests)
		}
		w(t, "digest", digests[0], "Nieuwsoverzicht", "12 nieuwe berichten", "Bericht 12", "[Lezen: /news 13]", "en 2 meer")
		coretest.Lacks(t, "digest", digests[0], "Bericht 2\n", "Eerste")
		// Nothing new: no digest the next day.
		e.Now = time.Date(2026, 11, 29, 8, 30, 0, 0, coretest.Amsterdam)
		e.RunDue()
		if n := len(e.posts("zorg-oost")); n != 1 {
			t.Errorf("an empty digest was sent: %d", n)
		}
		// Posted the very second that (empty) digest ran: the next digest
		// lists it. Then down for three days: one digest per subscription on
		// return (the weekly one's first), the next one computed from now.
		e.say(carla, "", "/news post Tijdens de storing | Tekst")
		e.Now = time.Date(2026, 12, 2, 12, 0, 0, 0, coretest.Amsterdam)
		e.RunDue()
		e.RunDue()
		got := strings.Join(e.posts("zorg-oost")[1:], "\n")
		if n := len(e.posts("zorg-oost")); n != 3 || strings.Count(got, "Tijdens de storing") != 2 || !strings.Contains(got, "Abonnement 1:") || !strings.Contains(got, "Abonnement 2:") {
			t.Fatalf("after the outage: %d digests\n%s", n, got)
		}
		sub, _ := e.Store.FindSubscriptionByID(ctx, 1)
		if want := time.Date(2026, 12, 3, 8, 30, 0, 0, coretest.Amsterdam); !sub.Next.Equal(want) {
			t.Errorf("next digest %v, want %v", sub.Next, want)
		}
		if n, _ := e.Store.Deliveries(ctx, 1); n != 3 {
			t.Errorf("subscription 1 recorded %d deliveries, want 3 (one per period)", n)
		}
		w(t, "unsubscribe", coretest.All(e.Press(anouk, "/news unsubscribe 1")), "Abonnement 1 is opgezegd")
		w(t, "again", coretest.All(e.Press(anouk, "/news unsubscribe 1")), "geen abonnement 1")
		if _, ok := e.Jobs.Pending(news.NewsDigestJob, "digest:1:"+news.Period(sub.Next)); ok {
			t.Error("the digest job of a cancelled subscription is still pending")
		}
	})
}

// TestRescheduleDigest: the next digest and its job move together, and the
// digest comes once, at the new time.
func TestRescheduleDigest(t *testing.T) {
	newsEnv(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		e.say(anouk, "zorg-oost", "/news subscribe daily 08:30")
		e.Now = e.Now.Add(time.Second)
		e.say(carla, "", "/news post Kerstborrel | Tekst")
		due := e.Now.Add(time.Minute)
		if err := e.unit.RescheduleDigest(ctx, 1, due); err != nil {
			t.Fatal(err)
		}
		if err := e.unit.RescheduleDigest(ctx, 99, due); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("unknown subscription: %v", err)
		}
		if _, ok := e.Jobs.Pending(news.NewsDigestJob, "digest:1:2026-11-28T07:30:00Z"); ok {
			t.Error("the old digest job is still pending")
		}
		if got, ok := e.Jobs.Pending(news.NewsDigestJob, "digest:1:"+news.Period(due)); !ok || !got.Equal(due) {
			t.Fatalf("the moved digest job: %v %v", got, ok)
		}
		e.Now = due
		e.RunDue()
		e.RunDue()
		if posts := e.posts("zorg-oost"); len(posts) != 1 || !strings.Contains(posts[0], "Kerstborrel") {
			t.Errorf("digests after the move: %v", posts)
		}
	})
}

// TestSubscribeSchedule: a weekly digest needs a day, a digest a time, and
// each item at once neither; the reply names what is missing.
func TestSubscribeSchedule(t *testing.T) {
	newsEnv(t, func(t *testing.T, e *env) {
		for _, tc := range []struct {
			text string
			want []string
		}{
			{"/news subscribe weekly 09:00", []string{"Welke dag? Een wekelijks overzicht heeft een dag nodig, bijvoorbeeld `weekly mon 09:00`.", "Schrijf `/news subscribe"}},
			{"/news subscribe wekelijks", []string{"Welke dag en hoe laat?", "een dag en een tijd nodig"}},
			{"/news subscribe weekly di", []string{"Hoe laat? Een overzicht (`weekly`) heeft een tijd nodig, bijvoorbeeld `weekly di 09:00`."}},
			{"/news subscribe daily", []string{"Hoe laat? Een overzicht (`daily`) heeft een tijd nodig, bijvoorbeeld `daily 08:30`."}},
			{"/news subscribe werkdagen", []string{"Hoe laat?", "(`weekdays`)"}},
			{"/news subscribe daily mon 08:30", []string{"`daily` komt niet op één dag (`mon`)", "`weekly mon 09:00`"}},
			{"/news subscribe immediate 08:30", []string{"`immediate` stuurt elk bericht zodra het verschijnt en heeft geen dag of tijd"}},
			{"/news subscribe daily 24:00", []string{"`24:00` is geen tijd van de dag"}},
		} {
			coretest.Wants(t, tc.text, e.say(anouk, "zorg-oost", tc.text), tc.want...)
		}
		if subs, _ := e.Store.Subscriptions(context.Background(), intranet.SubscriptionFilter{}); len(subs) != 0 {
			t.Fatalf("a schedule without its day or time subscribed: %d", len(subs))
		}
		coretest.Wants(t, "weekdays", e.say(anouk, "zorg-oost", "/news subscribe weekdays 8:00"), "elke werkdag om 08:00 een overzicht", "ma 30 nov 2026 08:00")
		e.Say(jan, "", "/werkplek language en")
		coretest.Wants(t, "English", e.say(jan, "", "/news subscribe weekly 09:00"), "Which day? A weekly digest needs a day, e.g. `weekly mon 09:00`.", "Write `/news subscribe")
		coretest.Wants(t, "English digest", e.say(jan, "", "/news subscribe weekly fri 7"), "Subscription 2: you get a digest every Fri at 07:00 by direct message.")
	})
}

func TestNewsFollowAndRemind(t *testing.T) {
	newsEnv(t, func(t *testing.T, e *env) {
		w := coretest.Wants
		w(t, "unknown", e.say(jan, "", "/follow Zorg Oots"), "niet in het telefoonboek", "Zorg Oost")
		w(t, "person", e.say(jan, "", "/volg carla.content@example.nl"), "Je volgt nu Carla Content", "`/unfollow \"Carla Content\"`")
		w(t, "dept", e.say(kees, "", "/follow zorg west"), "Je volgt nu afdeling Zorg West")
		w(t, "twice", e.say(jan, "", "/follow Carla Content"), "Je volgde Carla Content al")
		e.say(carla, "", "/news post Belangrijk | Lees dit. important")
		e.RunDue()
		if dms := e.dms(jan); len(dms) != 1 || !strings.Contains(dms[0], "Je volgt Carla Content") || !strings.Contains(dms[0], "Nieuws: Belangrijk") {
			t.Fatalf("follow DM: %v", dms)
		}
		if dms := e.dms(kees); len(dms) != 0 {
			t.Fatalf("kees follows Zorg West only: %v", dms)
		}
		e.say(pieter, "", "/news read 1")
		// 24 hours: a reminder to everyone who has not read it, twice at most.
		for day := 1; day <= 3; day++ {
			e.Now = e.Now.Add(24 * time.Hour)
			e.RunDue()
		}
		count := func(who string) int {
			n := 0
			for _, d := range e.dms(who) {
				if strings.Contains(d, "Herinnering: Belangrijk") {
					n++
				}
			}
			return n
		}
		if count(jan) != 2 || count(kees) != 2 || count(pieter) != 0 || count(carla) != 0 {
			t.Errorf("reminders: jan %d kees %d pieter %d carla %d", count(jan), count(kees), count(pieter), count(carla))
		}
		if count(coretest.Gijs) != 0 {
			t.Error("a guest was reminded")
		}
		// Planned for tomorrow, then moved to now: followers get it now.
		w(t, "planned", e.say(carla, "", "/news post Gepland | Eerst morgen. publish:morgen 09:00"), "Gepland: bericht 2")
		e.RunDue()
		e.Now = e.Now.Add(time.Minute)
		w(t, "moved to now", e.say(carla, "", "/news edit 2 | publish:vandaag"), "Bericht 2 is gewijzigd")
		w(t, "appeared", e.say(carla, "", "/news edit 1 | publish:morgen"), "is al verschenen")
		e.RunDue()
		if dms := strings.Join(e.dms(jan), "\n"); !strings.Contains(dms, "Nieuws: Gepland") {
			t.Errorf("the item moved to now did not reach its follower now:\n%s", dms)
		}
		w(t, "unfollow", e.say(jan, "", "/ontvolg Carla Content"), "Je volgt Carla Content niet meer")
		w(t, "unfollow twice", e.say(jan, "", "/unfollow Carla Content"), "Je volgde Carla Content niet")
		w(t, "unfollow nothing", e.say(jan, "", "/unfollow"), "Wat wil je niet meer volgen?")
	})
}

// TestFollowList: /follow list (and /follow alone) lists whom and what
// you follow, each with an Unfollow button that works.
func TestFollowList(t *testing.T) {
	newsEnv(t, func(t *testing.T, e *env) {
		w := coretest.Wants
		w(t, "nothing yet", e.say(jan, "", "/follow list"), "Je volgt nog niemand en niets")
		e.say(carla, "", "/news post Eerste | Tekst topic:Personeel")
		e.say(jan, "", "/follow Carla Content")
		e.say(jan, "", `/follow dept:"Zorg West"`)
		e.say(jan, "", "/follow topic:personeel")
		for _, text := range []string{"/follow list", "/follow", "/volg lijst"} {
			w(t, text, e.say(jan, "", text), "Wie en wat je volgt", "Je volgt Carla Content", "Je volgt afdeling Zorg West", "Je volgt onderwerp Personeel",
				`[Ontvolgen: /unfollow "Carla Content"]`, `[Ontvolgen: /unfollow dept:"Zorg West"]`, "[Ontvolgen: /unfollow topic:Personeel]")
		}
		w(t, "subscriptions show follows", e.say(jan, "", "/news subscriptions"), "Je volgt afdeling Zorg West")
		w(t, "unfollow button", coretest.All(e.Press(jan, `/unfollow dept:"Zorg West"`)), "Je volgt afdeling Zorg West niet meer")
		coretest.Lacks(t, "after unfollowing", e.say(jan, "", "/follow list"), "Zorg West")
	})
}

// TestFollowQuotes: a department with a space in quotes, and an unquoted
// one offered quoted.
func TestFollowQuotes(t *testing.T) {
	newsEnv(t, func(t *testing.T, e *env) {
		reply := e.Say(jan, "", "/follow dept:zorg west")
		coretest.Wants(t, "unquoted", coretest.All(reply), "Een naam met spaties staat tussen aanhalingstekens. Bedoel je `/follow dept:\"zorg west\"`?")
		if len(reply.Buttons) != 1 {
			t.Fatalf("no button: %+v", reply)
		}
		coretest.Wants(t, "pressed", coretest.All(e.Press(jan, reply.Buttons[0].Command)), "Je volgt nu afdeling Zorg West")
		coretest.Wants(t, "two things", e.say(jan, "", `/follow Carla dept:"Zorg West"`), "Geef één collega, afdeling of onderwerp tegelijk.")
		coretest.Wants(t, "quoted", e.say(jan, "", `/unfollow afdeling:"Zorg West"`), "Je volgt afdeling Zorg West niet meer")
		coretest.Wants(t, "unknown topic", e.say(jan, "", "/follow topic:Nergens"), "nog geen onderwerpen")
	})
}

// TestScheduleAcrossDST: a daily 08:30 digest stays at 08:30 in Amsterdam
// across both daylight-saving changes, and a weekly one keeps its weekday.
func TestScheduleAcrossDST(t *testing.T) {
	ams := coretest.Amsterdam
	daily := intranet.Schedule{Kind: intranet.ScheduleDaily, Minute: 8*60 + 30}
	at := time.Date(2026, 10, 23, 9, 0, 0, 0, ams) // the week of the change to winter time (25 Oct)
	for i := 0; i < 7; i++ {
		next := daily.Next(at, ams)
		if l := next.In(ams); l.Hour() != 8 || l.Minute() != 30 || l.Day() != 24+i {
			t.Errorf("daily after %v: %v", at, l)
		}
		at = next
	}
	if got := daily.Next(time.Date(2027, 3, 27, 9, 0, 0, 0, ams), ams); got.UTC() != time.Date(2027, 3, 28, 6, 30, 0, 0, time.UTC) {
		t.Errorf("over the change to summer time: %v", got.UTC())
	}
	weekly := intranet.Schedule{Kind: intranet.ScheduleWeekly, Weekday: time.Monday, Minute: 9 * 60}
	if got := weekly.Next(time.Date(2026, 10, 19, 9, 0, 0, 0, ams), ams); !got.Equal(time.Date(2026, 10, 26, 9, 0, 0, 0, ams)) || got.Sub(time.Date(2026, 10, 19, 9, 0, 0, 0, ams)) != 7*24*time.Hour+time.Hour {
		t.Errorf("weekly over the change: %v", got)
	}
	weekdays := intranet.Schedule{Kind: intranet.ScheduleWeekdays, Minute: 8 * 60}
	if got := weekdays.Next(time.Date(2026, 11, 27, 8, 0, 0, 0, ams), ams); !got.Equal(time.Date(2026, 11, 30, 8, 0, 0, 0, ams)) {
		t.Errorf("weekdays after a Friday: %v", got)
	}
}

// TestDigestAcrossDST: a daily digest subscribed before the change to
// summer time comes at 08:30 Amsterdam time on both sides of it.
func TestDigestAcrossDST(t *testing.T) {
	newsEnv(t, func(t *testing.T, e *env) {
		e.Now = time.Date(2027, 3, 27, 9, 0, 0, 0, coretest.Amsterdam)
		coretest.Wants(t, "subscribe", e.say(anouk, "zorg-oost", "/news subscribe daily 08:30"), "zo 28 mrt 2027 08:30")
		if _, ok := e.Jobs.Pending(news.NewsDigestJob, "digest:1:2027-03-28T06:30:00Z"); !ok {
			t.Error("the digest after the change is not at 08:30 summer time")
		}
	})
}

// handlers records the job handlers a unit registers, so that a test can
// run one job many times at once.
type handlers struct {
	*coretest.Jobs
	all map[string]intranet.JobHandler
}

func (h *handlers) HandleJobs(kind string, fn intranet.JobHandler) error {
	if h.all == nil {
		h.all = map[string]intranet.JobHandler{}
	}
	h.all[kind] = fn
	return h.Jobs.HandleJobs(kind, fn)
}

// TestDigestRace: the same digest job run by eight workers at once (a
// rerun on several replicas) is delivered and recorded once.
func TestDigestRace(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		e.Import(intranet.PersonRecord{Name: "Carla Content", Email: carla, Department: "Communicatie", Roles: []intranet.Role{intranet.RoleContentManager}})
		jobs := &handlers{Jobs: e.Jobs}
		env := e.Feature()
		env.Jobs = jobs
		u, err := news.New(news.Config{Env: env, News: e.Store, Subscriptions: e.Store, Comments: e.Store, Teams: e.Store, Partners: e.Store})
		if err != nil {
			t.Fatal(err)
		}
		e.Core(u)
		e.Say(anouk, "zorg-oost", "/news subscribe daily 08:30")
		e.Now = e.Now.Add(time.Minute)
		e.Say(carla, "", "/news post Kerstborrel | Tekst")
		due := time.Date(2026, 11, 28, 8, 30, 0, 0, coretest.Amsterdam)
		e.Now = due
		job := intranet.Job{Kind: news.NewsDigestJob, Key: "digest:1:" + news.Period(due), Due: due, Attempt: 1}
		errs := make(chan error, 8)
		for i := 0; i < 8; i++ {
			go func() { errs <- jobs.all[news.NewsDigestJob](ctx, job) }()
		}
		for i := 0; i < 8; i++ {
			if err := <-errs; err != nil {
				t.Error(err)
			}
		}
		if n, err := e.Store.Deliveries(ctx, 1); n != 1 || err != nil {
			t.Errorf("%d deliveries recorded (%v), want 1", n, err)
		}
		if posts := e.Posters.Posts(intranet.PlatformConsole, "zorg-oost"); len(posts) != 1 {
			t.Errorf("%d digests posted, want 1", len(posts))
		}
		if next, ok := e.Jobs.Pending(news.NewsDigestJob, "digest:1:"+news.Period(due.AddDate(0, 0, 1))); !ok || !next.Equal(due.AddDate(0, 0, 1)) {
			t.Errorf("next digest job: %v %v", next, ok)
		}
	})
}

// TestItemInBoundarySecondsComesOnce: an item published in the second the
// subscription was made (after it), and items around the end of a
// digest's window (its last moment, and later in that same second), each
// arrive exactly once, in a digest and at once.
func TestItemInBoundarySecondsComesOnce(t *testing.T) {
	newsEnv(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		e.Now = coretest.Start.Add(200 * time.Millisecond)
		e.say(pieter, "los", "/news subscribe daily 08:30")
		e.say(pieter, "los", "/news subscribe immediate")
		e.Now = coretest.Start.Add(700 * time.Millisecond)
		e.say(carla, "", "/news post Eerste seconde | In de seconde van het abonnement.")
		e.RunDue()

		// The first digest, due Saturday 08:30:00, ends its window at
		// 08:29:55; one item exactly then, one half a second later.
		due := time.Date(2026, 11, 28, 8, 30, 0, 0, coretest.Amsterdam)
		until := due.Add(-news.DigestSettle)
		e.Now = until
		e.say(carla, "", "/news post Grens | Precies op het einde.")
		e.Now = until.Add(500 * time.Millisecond)
		e.say(carla, "", "/news post Na de grens | Een halve seconde later.")
		e.Now = due
		e.RunDue()
		e.Now = due.AddDate(0, 0, 1)
		e.RunDue()

		posts := e.posts("los")
		all := strings.Join(posts, "\n---\n")
		var digests []string
		for _, p := range posts {
			if strings.Contains(p, "Nieuwsoverzicht") {
				digests = append(digests, p)
			}
		}
		if len(digests) != 2 {
			t.Fatalf("%d digests, want 2:\n%s", len(digests), all)
		}
		if !strings.Contains(digests[0], "*Grens*") || !strings.Contains(digests[1], "*Na de grens*") {
			t.Errorf("the window's last moment belongs to the first digest, the rest of its second to the next:\n%s", all)
		}
		for _, title := range []string{"Eerste seconde", "Grens", "Na de grens"} {
			// Once at once, once in a digest.
			if n := strings.Count(all, "*"+title+"*"); n != 1 {
				t.Errorf("%q is in %d digests, want 1:\n%s", title, n, all)
			}
			if n := strings.Count(all, "Nieuws: "+title+"\n"); n != 1 {
				t.Errorf("%q came at once %d times, want 1", title, n)
			}
		}
		if n, _ := e.Store.Deliveries(ctx, 1); n != 2 {
			t.Errorf("the digest subscription recorded %d deliveries, want 2", n)
		}
	})
}
