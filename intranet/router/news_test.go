package router_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/jobs"
	"github.com/werkplek/werkplek/intranet/router"
	"github.com/werkplek/werkplek/intranet/store"
)

const carla = "carla.content@example.nl"

// fakeOutbox records deliveries by key, the first of a key only.
type fakeOutbox struct {
	mu   sync.Mutex
	sent []intranet.Delivery
	keys map[string]bool
}

func (o *fakeOutbox) Send(ctx context.Context, d intranet.Delivery) (int64, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.keys == nil {
		o.keys = map[string]bool{}
	}
	if !o.keys[d.Key] {
		o.keys[d.Key] = true
		o.sent = append(o.sent, d)
	}
	return int64(len(o.sent)), nil
}

func (o *fakeOutbox) OutboxEntry(ctx context.Context, id int64) (intranet.OutboxEntry, error) {
	return intranet.OutboxEntry{}, intranet.Errorf(intranet.ENOTFOUND, "not in the fake")
}

// newsEnv is a router with news on, a clock the test moves, and a way to
// run the jobs that are due and see what was delivered where.
type newsEnv struct {
	r      *router.Router
	s      *store.Store
	now    *time.Time
	runDue func()
	sent   func() []intranet.Delivery
}

// to returns the texts delivered to a channel or user, in order.
func (e *newsEnv) to(where string) []string {
	var out []string
	for _, d := range e.sent() {
		if d.To.ChannelID == where || d.To.UserID == where {
			out = append(out, all(d.Reply))
		}
	}
	return out
}

func newsRouter(t *testing.T, fn func(t *testing.T, e *newsEnv)) {
	engines(t, func(t *testing.T, r *router.Router, s *store.Store) {
		ctx := context.Background()
		if _, err := s.ImportPeople(ctx, []intranet.PersonRecord{{Line: 2, Name: "Carla Content", Email: carla, Department: "Communicatie", Roles: []intranet.Role{intranet.RoleContentManager}}}, false); err != nil {
			t.Fatal(err)
		}
		now := time.Date(2026, 11, 27, 10, 0, 0, 0, hoZone)
		clock := func() time.Time { return now }
		e := &newsEnv{r: r, s: s, now: &now}
		cfg := &router.News{News: s, Subscriptions: s, Location: hoZone, Now: clock, Tx: s, ReminderAfter: 24 * time.Hour}
		if s.Engine() == store.SQLite {
			s.Now = clock
			runner, err := jobs.New(ctx, jobs.Config{Store: s, Now: clock})
			if err != nil {
				t.Fatal(err)
			}
			if err := r.RegisterNewsJobs(runner); err != nil {
				t.Fatal(err)
			}
			ps := &hoPosters{}
			outbox, err := jobs.NewOutbox(runner, ps.Poster)
			if err != nil {
				t.Fatal(err)
			}
			cfg.Scheduler, cfg.Outbox = runner, outbox
			e.runDue = func() {
				for i := 0; i < 5; i++ { // a job's own jobs (the outbox's) run in the next round
					if _, err := runner.RunDue(ctx); err != nil {
						t.Fatal(err)
					}
				}
			}
			e.sent = func() []intranet.Delivery {
				rec := ps.Poster(intranet.PlatformConsole).(*hoRecorder)
				rec.mu.Lock()
				defer rec.mu.Unlock()
				return append([]intranet.Delivery(nil), rec.sent...)
			}
		} else {
			fake := &fakeJobs{handlers: map[string]intranet.JobHandler{}}
			if err := r.RegisterNewsJobs(fake); err != nil {
				t.Fatal(err)
			}
			out := &fakeOutbox{}
			cfg.Scheduler, cfg.Outbox = fake, out
			e.runDue = func() {
				for i := 0; i < 3; i++ {
					if err := fake.runDue(ctx, now); err != nil {
						t.Fatal(err)
					}
				}
			}
			e.sent = func() []intranet.Delivery {
				out.mu.Lock()
				defer out.mu.Unlock()
				return append([]intranet.Delivery(nil), out.sent...)
			}
		}
		r.UseNews(cfg)
		for _, p := range []string{carla, hoAnouk, hoPieter, hoKees, hoJan} {
			hoSay(t, r, p, "", "/werkplek help") // links their console accounts
		}
		fn(t, e)
	})
}

func TestNewsPublishReadStats(t *testing.T) {
	newsRouter(t, func(t *testing.T, e *newsEnv) {
		r := e.r
		wants(t, "not a publisher", hoSay(t, r, hoJan, "", "/news post Hoi | Tekst"), "Alleen contentbeheerders en beheerders")
		wants(t, "no title", hoSay(t, r, carla, "", "/news post | Tekst"), "heeft een titel nodig")
		wants(t, "no body", hoSay(t, r, carla, "", "/news post Titel"), "heeft een tekst nodig")
		wants(t, "unknown dept", hoSay(t, r, carla, "", "/news post Titel | Tekst dept:Zorg Oots"), "Ik ken geen afdeling", "Zorg Oost")
		wants(t, "past", hoSay(t, r, carla, "", "/news post Titel | Tekst publish:gisteren 09:00"), "gisteren")
		if items, _ := e.s.News(context.Background(), intranet.NewsFilter{}); len(items) != 0 {
			t.Fatalf("bad input published %d items", len(items))
		}
		got := hoSay(t, r, carla, "", "/news post Nieuwe wondzorgkar | De kar staat in de berging. dept:zorg oost topic:Zorg important")
		wants(t, "post", got, "Geplaatst als bericht 1", "Nieuwe wondzorgkar", "Zorg Oost", "[Intrekken: /news withdraw 1]")
		wants(t, "post 2", hoSay(t, r, carla, "", "/news post Kerstborrel | Vrijdag 18 december. topic:Personeel"), "Geplaatst als bericht 2")
		wants(t, "scheduled", hoSay(t, r, carla, "", "/news post Later | Morgen pas. publish:morgen 09:00"), "Gepland: bericht 3 verschijnt")
		wants(t, "expires", hoSay(t, r, carla, "", "/news 3"), "Nog niet gepubliceerd")
		wants(t, "extra words", hoSay(t, r, hoJan, "", "/news 3 extra"), "Typ `/news 3`")
		wants(t, "expires before publication", hoSay(t, r, carla, "", "/news post Kort | Tekst publish:morgen 09:00 expires:vandaag"), "zou verlopen voordat het verschijnt")
		wants(t, "bad expiry", hoSay(t, r, carla, "", "/news post Kort | Tekst expires:31-02"), "31-02")

		wants(t, "jan's list", hoSay(t, r, hoJan, "", "/nieuws"), "Nieuwe wondzorgkar", "Kerstborrel", "[Lezen: /news 1]")
		kees := hoSay(t, r, hoKees, "", "/news")
		wants(t, "kees' list", kees, "Kerstborrel")
		if strings.Contains(kees, "wondzorgkar") || strings.Contains(hoSay(t, r, hoJan, "", "/news"), "Later") {
			t.Errorf("an item shown outside its audience or before its time:\n%s", kees)
		}
		wants(t, "kees reads 1", hoSay(t, r, hoKees, "", "/news 1"), "geen nieuwsbericht 1 voor jou")
		wants(t, "show", hoSay(t, r, hoJan, "", "/news 1"), "De kar staat in de berging.", "[Gelezen: /news read 1]")

		wants(t, "read", press(t, r, hoJan, "/news read 1"), "genoteerd dat je")
		wants(t, "read twice", hoSay(t, r, hoJan, "", "/news gelezen 1"), "Je had al bevestigd")
		wants(t, "stats not author", hoSay(t, r, hoJan, "", "/news stats 1"), "Alleen Carla Content")
		// Zorg Oost: Anouk, Pieter, Jan; Jan read it.
		wants(t, "stats", hoSay(t, r, carla, "", "/news stats 1"), "1 van 3 in de doelgroep", "Anouk van den Berg", "Pieter Jansen", "werkplek news acks 1")

		wants(t, "edit", hoSay(t, r, carla, "", "/news edit 2 Kerstborrel 2026 | expires:31-12"), "Bericht 2 is gewijzigd", "Kerstborrel 2026", "Vrijdag 18 december.", "Tot en met: do 31 dec 2026")
		wants(t, "edit expires before publication", hoSay(t, r, carla, "", "/news edit 3 | expires:vandaag"), "zou verlopen voordat het verschijnt")
		wants(t, "withdraw", hoSay(t, r, carla, "", "/news withdraw 2"), "is ingetrokken")
		wants(t, "withdraw twice", hoSay(t, r, carla, "", "/news intrekken 2"), "was al ingetrokken")
		if strings.Contains(hoSay(t, r, hoKees, "", "/news"), "Kerstborrel") {
			t.Error("a withdrawn item is still shown")
		}
		rows, err := router.NewsAcksCSV(context.Background(), e.s, 1)
		if err != nil || len(rows) != 4 || rows[0][2] != "acknowledged_at" {
			t.Fatalf("csv %v %v", rows, err)
		}
		for _, row := range rows[1:] {
			if (row[1] == hoJan) != (row[2] != "") {
				t.Errorf("csv row %v", row)
			}
		}
	})
}

func TestNewsForm(t *testing.T) {
	newsRouter(t, func(t *testing.T, e *newsEnv) {
		reply := say(t, e.r, carla, "/news post")
		if reply.Form == nil || reply.Form.ID != "news.post" || !strings.Contains(reply.Text, "/news post <titel> | <tekst>") {
			t.Fatalf("no form: %+v", reply)
		}
		submit := func(v map[string]string) intranet.Reply {
			q := req(carla, "")
			q.Form = &intranet.FormSubmission{FormID: "news.post", Values: v}
			reply, err := e.r.Handle(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			return reply
		}
		long := submit(map[string]string{"title": "Lang", "body": strings.Repeat("woord ", 2000)})
		if long.Form == nil || long.FieldErrors["body"] == "" || !strings.Contains(long.Text, "hoogstens 10000") {
			t.Fatalf("long body: %+v", long)
		}
		ok := submit(map[string]string{"title": "Via formulier", "body": "Met topic: in de tekst.", "topic": "Personeel", "dept": "", "important": "yes", "publish_date": "", "publish_time": ""})
		wants(t, "form post", all(ok), "Geplaatst als bericht 1", "Met topic: in de tekst.", "Personeel")
		n, err := e.s.FindNewsByID(context.Background(), 1)
		if err != nil || !n.Important || n.Topic != "Personeel" {
			t.Fatalf("item %+v %v", n, err)
		}
	})
}

func TestNewsDigests(t *testing.T) {
	newsRouter(t, func(t *testing.T, e *newsEnv) {
		r := e.r
		wants(t, "bad time", hoSay(t, r, hoAnouk, "zorg-oost", "/news subscribe daily 25:00"), "geen tijd van de dag")
		wants(t, "bad schedule", hoSay(t, r, hoAnouk, "zorg-oost", "/news subscribe sometimes"), "is geen schema")
		wants(t, "bad day", hoSay(t, r, hoAnouk, "zorg-oost", "/news subscribe weekly 12 09:00"), "geen dag van de week")
		hoSay(t, r, carla, "", "/news post Eerste | Tekst topic:Personeel")
		*e.now = e.now.Add(time.Minute) // subscriptions made after it do not get it
		wants(t, "unknown topic", hoSay(t, r, hoAnouk, "zorg-oost", "/news subscribe daily 08:30 topic:Persneel"), "Ik ken geen onderwerp", "Personeel")
		wants(t, "unknown person", hoSay(t, r, hoAnouk, "zorg-oost", "/news subscribe daily 08:30 from:nobody@example.nl"), "niet in het telefoonboek")
		if subs, _ := e.s.Subscriptions(context.Background(), intranet.SubscriptionFilter{}); len(subs) != 0 {
			t.Fatalf("bad input subscribed: %d", len(subs))
		}
		got := hoSay(t, r, hoAnouk, "zorg-oost", "/news abonneer dagelijks 08:30")
		wants(t, "subscribe", got, "Abonnement 1: dit kanaal krijgt elke dag om 08:30 een overzicht", "za 28 nov 2026 08:30", "[Opzeggen: /news unsubscribe 1]")
		wants(t, "twice", hoSay(t, r, hoAnouk, "zorg-oost", "/news subscribe daily 08:30"), "bestaat hier al")
		wants(t, "filtered", hoSay(t, r, hoAnouk, "zorg-oost", "/news subscribe weekly mon 09:00 from:carla.content@example.nl"), "Abonnement 2", "elke ma om 09:00", "van Carla Content")
		wants(t, "personal", hoSay(t, r, hoJan, "", "/news subscribe immediate topic:personeel"), "Abonnement 3: jou (privéberichten)")
		wants(t, "list", hoSay(t, r, hoAnouk, "zorg-oost", "/news subscriptions"), "Dit kanaal", "[Opzeggen: /news unsubscribe 2]")
		wants(t, "not mine", hoSay(t, r, hoKees, "", "/news unsubscribe 3"), "niet van jou")

		// Twelve items after the subscription: the digest lists ten and counts two.
		*e.now = e.now.Add(time.Hour)
		for i := 1; i <= 12; i++ {
			*e.now = e.now.Add(time.Minute)
			hoSay(t, r, carla, "", fmt.Sprintf("/news post Bericht %d | Tekst %d topic:Personeel", i, i))
		}
		e.runDue()
		if dms := e.to(hoJan); len(dms) != 12 || !strings.Contains(strings.Join(dms, "\n"), "Nieuws: Bericht 1\n") {
			t.Fatalf("immediate DMs to Jan: %d %v", len(dms), dms)
		}
		if got := e.to("zorg-oost"); len(got) != 0 {
			t.Fatalf("digest before its time: %v", got)
		}
		*e.now = time.Date(2026, 11, 28, 8, 30, 0, 0, hoZone)
		e.runDue()
		e.runDue()
		digests := e.to("zorg-oost")
		if len(digests) != 1 {
			t.Fatalf("%d digests: %v", len(digests), digests)
		}
		wants(t, "digest", digests[0], "Nieuwsoverzicht", "12 nieuwe berichten", "Bericht 12", "[Lezen: /news 13]", "en 2 meer")
		if strings.Contains(digests[0], "Bericht 2\n") || strings.Contains(digests[0], "Eerste") {
			t.Errorf("digest holds old or too many items:\n%s", digests[0])
		}
		// Nothing new: no digest the next day.
		*e.now = time.Date(2026, 11, 29, 8, 30, 0, 0, hoZone)
		e.runDue()
		if n := len(e.to("zorg-oost")); n != 1 {
			t.Errorf("an empty digest was sent: %d", n)
		}
		// Posted the very second that (empty) digest ran: the next digest
		// lists it. Then down for three days: one digest per subscription on
		// return (the weekly one's first), the next one computed from now.
		hoSay(t, r, carla, "", "/news post Tijdens de storing | Tekst")
		*e.now = time.Date(2026, 12, 2, 12, 0, 0, 0, hoZone)
		e.runDue()
		e.runDue()
		got = strings.Join(e.to("zorg-oost")[1:], "\n")
		if n := len(e.to("zorg-oost")); n != 3 || strings.Count(got, "Tijdens de storing") != 2 || !strings.Contains(got, "Abonnement 1:") || !strings.Contains(got, "Abonnement 2:") {
			t.Fatalf("after the outage: %d digests\n%s", n, got)
		}
		sub, _ := e.s.FindSubscriptionByID(context.Background(), 1)
		if want := time.Date(2026, 12, 3, 8, 30, 0, 0, hoZone); !sub.Next.Equal(want) {
			t.Errorf("next digest %v, want %v", sub.Next, want)
		}
		wants(t, "unsubscribe", press(t, r, hoAnouk, "/news unsubscribe 1"), "Abonnement 1 is opgezegd")
		wants(t, "again", press(t, r, hoAnouk, "/news unsubscribe 1"), "geen abonnement 1")
	})
}

func TestNewsFollowAndRemind(t *testing.T) {
	newsRouter(t, func(t *testing.T, e *newsEnv) {
		r := e.r
		wants(t, "unknown", hoSay(t, r, hoJan, "", "/follow Zorg Oots"), "niet in het telefoonboek", "Zorg Oost")
		wants(t, "person", hoSay(t, r, hoJan, "", "/volg carla.content@example.nl"), "Je volgt nu Carla Content")
		wants(t, "dept", hoSay(t, r, hoKees, "", "/follow zorg west"), "Je volgt nu afdeling Zorg West")
		wants(t, "twice", hoSay(t, r, hoJan, "", "/follow Carla Content"), "Je volgde Carla Content al")
		hoSay(t, r, carla, "", "/news post Belangrijk | Lees dit. important")
		e.runDue()
		if dms := e.to(hoJan); len(dms) != 1 || !strings.Contains(dms[0], "Je volgt Carla Content") {
			t.Fatalf("follow DM: %v", dms)
		}
		if dms := e.to(hoKees); len(dms) != 0 {
			t.Fatalf("kees follows Zorg West only: %v", dms)
		}
		hoSay(t, r, hoPieter, "", "/news read 1")
		// 24 hours: a reminder to everyone who has not read it, twice at most.
		for day := 1; day <= 3; day++ {
			*e.now = e.now.Add(24 * time.Hour)
			e.runDue()
		}
		count := func(who string) int {
			n := 0
			for _, d := range e.to(who) {
				if strings.Contains(d, "Herinnering: Belangrijk") {
					n++
				}
			}
			return n
		}
		if count(hoJan) != 2 || count(hoKees) != 2 || count(hoPieter) != 0 || count(carla) != 0 {
			t.Errorf("reminders: jan %d kees %d pieter %d carla %d", count(hoJan), count(hoKees), count(hoPieter), count(carla))
		}
		// Planned for tomorrow, then moved to now: followers get it now.
		wants(t, "planned", hoSay(t, r, carla, "", "/news post Gepland | Eerst morgen. publish:morgen 09:00"), "Gepland: bericht 2")
		e.runDue()
		*e.now = e.now.Add(time.Minute)
		wants(t, "moved to now", hoSay(t, r, carla, "", "/news edit 2 | publish:vandaag"), "Bericht 2 is gewijzigd")
		e.runDue()
		if dms := strings.Join(e.to(hoJan), "\n"); !strings.Contains(dms, "Nieuws: Gepland") {
			t.Errorf("the item moved to now did not reach its follower now:\n%s", dms)
		}
		wants(t, "unfollow", hoSay(t, r, hoJan, "", "/ontvolg Carla Content"), "Je volgt Carla Content niet meer")
		wants(t, "unfollow twice", hoSay(t, r, hoJan, "", "/unfollow Carla Content"), "Je volgde Carla Content niet")
	})
}

// TestScheduleAcrossDST: a daily 08:30 digest stays at 08:30 in Amsterdam
// across both daylight-saving changes, and a weekly one keeps its weekday.
func TestScheduleAcrossDST(t *testing.T) {
	ams, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		t.Fatal(err)
	}
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
