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

// hoPosters is a PosterSet of recording hoPosters, one per platform.
type hoPosters struct {
	mu  sync.Mutex
	all map[intranet.Platform]*hoRecorder
}

func (p *hoPosters) Poster(pl intranet.Platform) intranet.Poster {
	p.mu.Lock()
	defer p.mu.Unlock()
	if pl == intranet.PlatformTeams {
		return nil // off
	}
	if p.all == nil {
		p.all = map[intranet.Platform]*hoRecorder{}
	}
	if p.all[pl] == nil {
		p.all[pl] = &hoRecorder{platform: pl, updates: map[string]intranet.Reply{}}
	}
	return p.all[pl]
}

// hoRecorder remembers every message by destination and its latest content.
// Like the outbox, it sends one message per delivery key.
type hoRecorder struct {
	platform intranet.Platform
	mu       sync.Mutex
	sent     []intranet.Delivery
	updates  map[string]intranet.Reply
}

func (r *hoRecorder) Deliver(ctx context.Context, d intranet.Delivery) (intranet.MessageRef, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for i, earlier := range r.sent {
		if d.Key != "" && earlier.Key == d.Key {
			return intranet.MessageRef{Platform: r.platform, Installation: d.To.Installation, ChannelID: d.To.ChannelID, ID: fmt.Sprint(i + 1)}, nil
		}
	}
	r.sent = append(r.sent, d)
	return intranet.MessageRef{Platform: r.platform, Installation: d.To.Installation, ChannelID: d.To.ChannelID, ID: fmt.Sprint(len(r.sent))}, nil
}

func (r *hoRecorder) Update(ctx context.Context, ref intranet.MessageRef, reply intranet.Reply) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.updates[ref.ID] = reply
	return nil
}

// dms returns every DM text sent to a user id, in order.
func (p *hoPosters) dms(pl intranet.Platform, user string) []string {
	rec := p.Poster(pl).(*hoRecorder)
	rec.mu.Lock()
	defer rec.mu.Unlock()
	var out []string
	for _, d := range rec.sent {
		if d.To.UserID == user {
			out = append(out, all(d.Reply))
		}
	}
	return out
}

// card returns the current content of the cards posted in a channel.
func (p *hoPosters) card(pl intranet.Platform, channel string) string {
	rec := p.Poster(pl).(*hoRecorder)
	rec.mu.Lock()
	defer rec.mu.Unlock()
	var cards []string
	for i, d := range rec.sent {
		if d.To.ChannelID == channel && !d.To.IsDirect() {
			card := all(d.Reply)
			if u, ok := rec.updates[fmt.Sprint(i+1)]; ok {
				card = all(u)
			}
			cards = append(cards, card)
		}
	}
	return strings.Join(cards, "\n---\n")
}

var hoZone, _ = time.LoadLocation("Europe/Amsterdam")

// handoverRouter is a router with handovers over s at a settable clock.
func handoverRouter(t *testing.T, r *router.Router, s *store.Store) (*hoPosters, *time.Time) {
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, hoZone)
	ps := &hoPosters{}
	r.UseHandovers(&router.Handovers{Teams: s, Handovers: s, Posters: ps, Location: hoZone, Now: func() time.Time { return now }})
	return ps, &now
}

func hoSay(t *testing.T, r *router.Router, email, channel, text string) string {
	t.Helper()
	q := req(email, text)
	if channel == "" {
		q.Channel = intranet.Channel{ID: "dm-" + email, Direct: true}
	} else {
		q.Channel = intranet.Channel{ID: channel}
	}
	reply, err := r.Handle(context.Background(), q)
	if err != nil {
		t.Fatalf("%s: %v", text, err)
	}
	return all(reply)
}

func press(t *testing.T, r *router.Router, email, command string) string {
	t.Helper()
	q := req(email, "")
	q.Action = &intranet.Action{Command: command}
	reply, err := r.Handle(context.Background(), q)
	if err != nil {
		t.Fatalf("%s: %v", command, err)
	}
	return all(reply)
}

func wants(t *testing.T, what, got string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("%s: lacks %q in\n%s", what, w, got)
		}
	}
}

const (
	hoAnouk  = "anouk.vandenberg@example.nl"
	hoPieter = "pieter.jansen@example.nl"
	hoKees   = "kees.janssen@example.nl"
	hoJan    = "jan.devries@example.nl"
)

func TestHandoverFlow(t *testing.T) {
	engines(t, func(t *testing.T, r *router.Router, s *store.Store) {
		ps, now := handoverRouter(t, r, s)
		ctx := context.Background()
		// Everyone says hello once, so that their console account is linked for DMs.
		for _, e := range []string{hoAnouk, hoPieter, hoKees, hoJan} {
			hoSay(t, r, e, "", "/werkplek language nl")
		}
		hoSay(t, r, hoPieter, "", "/werkplek language en")
		wants(t, "channel by a non-lead", hoSay(t, r, hoJan, "zorg-oost", `/team channel "Zorg Oost"`), "Alleen een leider van Zorg Oost")
		wants(t, "channel", hoSay(t, r, hoAnouk, "zorg-oost", `/team channel zorg oost`), "Dit kanaal hoort nu bij Zorg Oost")
		team, err := s.FindTeamByName(ctx, "Zorg Oost")
		if err != nil {
			t.Fatal(err)
		}
		if err := s.LinkTeamChannel(ctx, team.ID, intranet.TeamChannel{Platform: intranet.PlatformSlack, Installation: "T1", ChannelID: "C-ZO"}); err != nil {
			t.Fatal(err)
		}
		if err := s.LinkTeamChannel(ctx, team.ID, intranet.TeamChannel{Platform: intranet.PlatformTeams, ChannelID: "19:zo"}); err != nil {
			t.Fatal(err)
		}

		got := hoSay(t, r, hoJan, "", "/overdracht morgen 14:00-22:00 Pool Noord")
		wants(t, "create", got, "Overdracht 1 gevraagd", "console:zorg-oost", "slack:C-ZO", "za 28 nov 2026 14:00–22:00", "Pool Noord", "/handover notify 1", "/handover cancel 1")
		for _, where := range []string{ps.card(intranet.PlatformConsole, "zorg-oost"), ps.card(intranet.PlatformSlack, "C-ZO")} {
			wants(t, "card", where, "Dienst over te nemen: Pool Noord", "Gevraagd door: Jan de Vries", "[Ik neem hem: /handover take 1]", "[Annuleren: /handover cancel 1]")
		}
		wants(t, "outsider", press(t, r, hoKees, "/handover take 1"), "Alleen leden van Zorg Oost")
		wants(t, "own", press(t, r, hoJan, "/handover take 1"), "je eigen verzoek")
		wants(t, "take", press(t, r, hoPieter, "/handover take 1"), "You take over the shift: Sat 28 Nov 2026 14:00–22:00, Pool Noord. Jan de Vries knows.")
		wants(t, "late", press(t, r, hoAnouk, "/handover neem 1"), "Te laat: Pieter Jansen nam overdracht 1 om 10:00 over.")
		for _, where := range []string{ps.card(intranet.PlatformConsole, "zorg-oost"), ps.card(intranet.PlatformSlack, "C-ZO")} {
			wants(t, "card taken", where, "Overgenomen door Pieter Jansen om 10:00.")
			if strings.Contains(where, "/handover take 1") {
				t.Errorf("taken card still has the take button:\n%s", where)
			}
		}
		wants(t, "requester told", strings.Join(ps.dms(intranet.PlatformConsole, hoJan), "\n"), "Pieter Jansen neemt je dienst van za 28 nov 2026 14:00–22:00 over (Pool Noord).")
		wants(t, "not yours", hoSay(t, r, hoPieter, "", "/handover cancel 1"), "Only Jan de Vries, who asked, can cancel handover 1.")
		wants(t, "cancel taken", hoSay(t, r, hoJan, "", "/dienst annuleer 1"), "Overdracht 1 is geannuleerd; Pieter Jansen, die hem had genomen, weet het.")
		wants(t, "taker told", strings.Join(ps.dms(intranet.PlatformConsole, hoPieter), "\n"), "Jan de Vries cancelled handover 1")
		wants(t, "card cancelled", ps.card(intranet.PlatformSlack, "C-ZO"), "Geannuleerd door Jan de Vries")
		wants(t, "press cancelled", press(t, r, hoAnouk, "/handover take 1"), "Overdracht 1 is geannuleerd door Jan de Vries")

		// Night shift, approval on, a skill needed.
		wants(t, "approval", hoSay(t, r, hoAnouk, "", `/team approval "Zorg Oost" on`), "hebben nu de goedkeuring")
		got = hoSay(t, r, hoJan, "zorg-oost", "/handover 28-11 22:00-07:00 Nachtdienst Oost needs:wondzorg")
		wants(t, "night", got, "Overdracht 2 gevraagd", "za 28 nov 2026 22:00 – zo 29 nov 2026 07:00", "Nodig: Wondzorg")
		wants(t, "notify", press(t, r, hoJan, "/handover notify 2"), "Ik stuurde 2 collega's van Zorg Oost een bericht")
		wants(t, "notified", strings.Join(ps.dms(intranet.PlatformConsole, hoPieter), "\n"), "[I'll take it: /handover take 2]")
		// Pressed again later: a second DM, not a silent no-op.
		before := len(ps.dms(intranet.PlatformConsole, hoPieter))
		*now = now.Add(time.Second)
		wants(t, "notify again", press(t, r, hoJan, "/handover notify 2"), "Ik stuurde 2 collega's")
		if after := len(ps.dms(intranet.PlatformConsole, hoPieter)); after != before+1 {
			t.Fatalf("second notify: %d DMs to Pieter, want %d", after, before+1)
		}
		wants(t, "pending", press(t, r, hoPieter, "/handover take 2"), "a team lead of Zorg Oost still has to approve")
		wants(t, "lead asked", strings.Join(ps.dms(intranet.PlatformConsole, hoAnouk), "\n"), "[Goedkeuren: /handover approve 2 for:", "[Afwijzen: /handover reject 2 for:")
		wants(t, "only leads", press(t, r, hoJan, "/handover approve 2"), "Alleen een leider van Zorg Oost")
		wants(t, "reject", press(t, r, hoAnouk, "/handover afwijzen 2"), "Afgewezen: overdracht 2 staat weer open.")
		wants(t, "card open again", ps.card(intranet.PlatformConsole, "zorg-oost"), "[Ik neem hem: /handover take 2]")
		wants(t, "take again", press(t, r, hoPieter, "/handover take 2"), "still has to approve")
		// A button of an earlier takeover, by someone else, decides nothing.
		wants(t, "stale button", press(t, r, hoAnouk, "/handover approve 2 for:99999"), "Dit verzoek is intussen veranderd: Pieter Jansen nam het nu.")
		wants(t, "bad taker", press(t, r, hoAnouk, "/handover approve 2 for:x"), "Gebruik `/handover approve <nummer>`")
		wants(t, "approve", press(t, r, hoAnouk, "/handover approve 2"), "Goedgekeurd: Pieter Jansen neemt de dienst van Jan de Vries over.")
		wants(t, "both told", strings.Join(ps.dms(intranet.PlatformConsole, hoPieter), "\n"), "Anouk van den Berg approved: Pieter Jansen takes over Jan de Vries's shift")
		wants(t, "card approved", ps.card(intranet.PlatformSlack, "C-ZO"), "Overgenomen door Pieter Jansen")

		// A third, to list and to let expire.
		hoSay(t, r, hoJan, "", "/handover vandaag 12:00-16:00 Winkel")
		wants(t, "list", hoSay(t, r, hoPieter, "", "/handover list"), "Winkel", "[I'll take it: /handover take 3]")
		wants(t, "mine", hoSay(t, r, hoPieter, "", "/handover mine"), "Taken · *2*", "Nachtdienst Oost", "from Jan de Vries")
		wants(t, "mine requester", hoSay(t, r, hoJan, "", "/handover mijn"), "Gevraagd · *1*", "geannuleerd", "[Annuleren: /handover cancel 3]")
		*now = now.Add(3 * time.Hour)
		wants(t, "expired", press(t, r, hoPieter, "/handover take 3"), "Handover 3 has expired")
		wants(t, "expired cancel", press(t, r, hoJan, "/handover cancel 3"), "Overdracht 3 is verlopen")
		h, err := s.FindHandoverByID(ctx, 3)
		if err != nil || h.State != intranet.HandoverOpen || h.TakerID != 0 {
			t.Fatalf("expired request changed: %+v, %v", h, err)
		}
	})
}

// TestHandoverBadInput: every mistake gets a clear reply in the person's
// language and changes nothing.
func TestHandoverBadInput(t *testing.T) {
	engines(t, func(t *testing.T, r *router.Router, s *store.Store) {
		_, _ = handoverRouter(t, r, s)
		for _, tc := range []struct {
			name, who, text string
			want            string
		}{
			{"no args", hoJan, "/handover", "Typ `/handover <datum> <van>-<tot> <wat>"},
			{"no times", hoJan, "/handover morgen Pool Noord", "Ik zie geen tijden van de dienst"},
			{"past date", hoJan, "/handover 2025-11-28 14:00-22:00 Pool Noord", "is al begonnen of voorbij"},
			{"past today", hoJan, "/handover vandaag 08:00-09:00 Pool Noord", "is al begonnen of voorbij"},
			{"impossible date", hoJan, "/handover 31-02 14:00-22:00 Pool Noord", "bestaat niet"},
			{"zero length", hoJan, "/handover morgen 14:00-14:00 Pool Noord", "duurt nul minuten"},
			{"too long", hoJan, "/handover morgen 06:00-23:00 Pool Noord", "hoogstens 16 uur"},
			{"too long overnight", hoJan, "/handover morgen 07:00-06:00 Pool Noord", "hoogstens 16 uur"},
			{"no description", hoJan, "/handover morgen 14:00-22:00", "Wat moet er overgenomen worden?"},
			{"unknown team", hoJan, "/handover morgen 14:00-22:00 Pool team:zorg-oots", `Ik ken geen team "zorg-oots". Bedoel je: Zorg Oost`},
			{"unknown skill", hoJan, "/handover morgen 14:00-22:00 Pool needs:wondzrog", "Bedoel je: Wondzorg?"},
			{"not in team", hoKees, "/handover morgen 14:00-22:00 Pool team:\"Zorg Oost\"", "Je hoort niet bij Zorg Oost"},
			{"unknown id", hoJan, "/handover take 99", "Er is geen overdracht 99."},
			{"bad id", hoJan, "/handover cancel x", "Gebruik `/handover cancel <nummer>`"},
			{"english", hoPieter, "/werkplek language en", "English"},
			{"english past", hoPieter, "/handover 2025-11-28 14:00-22:00 Pool", "has started or is over already"},
			{"english unknown team", hoPieter, "/handover tomorrow 14-22 Pool team:noord", "I know no team \"noord\"."},
		} {
			t.Run(tc.name, func(t *testing.T) {
				wants(t, tc.name, hoSay(t, r, tc.who, "", tc.text), tc.want)
			})
		}
		list, err := s.Handovers(context.Background(), intranet.HandoverFilter{})
		if err != nil || len(list) != 0 {
			t.Fatalf("bad input made %d requests, %v", len(list), err)
		}
	})
}

// TestHandoverJobs runs the expiry and the reminder through the real job
// runner on SQLite, driven by the clock (RunDue), and on both engines
// through the handlers the router registers.
func TestHandoverJobs(t *testing.T) {
	engines(t, func(t *testing.T, r *router.Router, s *store.Store) {
		ctx := context.Background()
		now := time.Date(2026, 11, 27, 10, 0, 0, 0, hoZone)
		clock := func() time.Time { return now }
		ps := &hoPosters{}
		cfg := &router.Handovers{Teams: s, Handovers: s, Posters: ps, Location: hoZone, Now: clock, Tx: s, ReminderBefore: 12 * time.Hour}
		var runDue func() error
		if s.Engine() == store.SQLite {
			s.Now = clock // the SQLite queue claims due jobs by the store's clock
			runner, err := jobs.New(ctx, jobs.Config{Store: s, Now: clock})
			if err != nil {
				t.Fatal(err)
			}
			if err := r.RegisterHandoverJobs(runner); err != nil {
				t.Fatal(err)
			}
			// Cards and DMs through the outbox: nothing reaches a poster
			// until its job ran.
			outbox, err := jobs.NewOutbox(runner, ps.Poster)
			if err != nil {
				t.Fatal(err)
			}
			cfg.Scheduler, cfg.Outbox = runner, outbox
			runDue = func() error { _, err := runner.RunDue(ctx); return err }
		} else {
			fake := &fakeJobs{handlers: map[string]intranet.JobHandler{}}
			if err := r.RegisterHandoverJobs(fake); err != nil {
				t.Fatal(err)
			}
			cfg.Scheduler = fake
			runDue = func() error { return fake.runDue(ctx, now) }
		}
		r.UseHandovers(cfg)
		for _, e := range []string{hoAnouk, hoPieter, hoJan} {
			hoSay(t, r, e, "", "/werkplek help")
		}
		hoSay(t, r, hoAnouk, "zorg-oost", `/team channel "Zorg Oost"`)
		wants(t, "create", hoSay(t, r, hoJan, "", "/handover morgen 14:00-22:00 Pool Noord"), "Overdracht 1 gevraagd")
		wants(t, "create 2", hoSay(t, r, hoJan, "", "/handover morgen 15:00-22:00 Pool Zuid"), "Overdracht 2 gevraagd")
		hoSay(t, r, hoPieter, "", "/handover take 2")
		if err := runDue(); err != nil {
			t.Fatal(err)
		}
		// A cards job that ran before the outbox delivered its card waits
		// 5 s for it.
		now = now.Add(time.Minute)
		if err := runDue(); err != nil {
			t.Fatal(err)
		}
		// The second card was delivered (by the outbox's job, on SQLite)
		// and then updated to "taken" by the cards job.
		wants(t, "cards", ps.card(intranet.PlatformConsole, "zorg-oost"), "[Ik neem hem: /handover take 1]", "Overgenomen door Pieter Jansen om 10:00.")
		wants(t, "taken DM", strings.Join(ps.dms(intranet.PlatformConsole, hoJan), "\n"), "Pieter Jansen neemt je dienst van za 28 nov 2026 15:00–22:00 over (Pool Zuid).")
		if got := ps.dms(intranet.PlatformConsole, hoAnouk); len(got) != 0 {
			t.Fatalf("reminded too early: %v", got)
		}
		now = time.Date(2026, 11, 28, 2, 0, 0, 0, hoZone) // 12 hours before 14:00
		if err := runDue(); err != nil {
			t.Fatal(err)
		}
		reminders := strings.Join(ps.dms(intranet.PlatformConsole, hoAnouk), "\n")
		wants(t, "reminder", reminders, "Nog niet overgenomen: Pool Noord", "Niemand van Zorg Oost nam de dienst van Jan de Vries")
		if strings.Contains(reminders, "Pool Zuid") {
			t.Errorf("reminded of a taken request:\n%s", reminders)
		}
		now = time.Date(2026, 11, 28, 14, 0, 0, 0, hoZone)
		if err := runDue(); err != nil {
			t.Fatal(err)
		}
		h, err := s.FindHandoverByID(ctx, 1)
		if err != nil || h.State != intranet.HandoverExpired {
			t.Fatalf("after the start: %+v, %v", h, err)
		}
		wants(t, "card expired", ps.card(intranet.PlatformConsole, "zorg-oost"), "Verlopen: niemand nam de dienst voor het begin.")
		wants(t, "requester told", strings.Join(ps.dms(intranet.PlatformConsole, hoJan), "\n"), "Niemand nam je dienst van za 28 nov 2026 14:00–22:00 over (Pool Noord); overdracht 1 is verlopen.")
		if h, _ := s.FindHandoverByID(ctx, 2); h.State != intranet.HandoverTaken {
			t.Fatalf("taken request expired: %+v", h)
		}
		events, err := s.HandoverEvents(ctx, now.Add(-48*time.Hour), now.Add(2*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range events {
			got = append(got, fmt.Sprintf("%d %s", e.HandoverID, e.Action))
		}
		if want := "[1 created 1 reminded 1 expired 2 created 2 taken]"; fmt.Sprint(got) != want {
			t.Fatalf("events %v, want %s", got, want)
		}
	})
}

// fakeJobs is a scheduler that runs what is due when told to, through the
// handlers registered on it.
type fakeJobs struct {
	mu       sync.Mutex
	handlers map[string]intranet.JobHandler
	pending  map[string]intranet.Job
}

func (f *fakeJobs) HandleJobs(kind string, h intranet.JobHandler) error {
	f.handlers[kind] = h
	return nil
}

func (f *fakeJobs) Schedule(ctx context.Context, kind, key string, due time.Time, payload []byte) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.handlers[kind] == nil {
		return intranet.Errorf(intranet.EINVALID, "no handler for %s", kind)
	}
	if f.pending == nil {
		f.pending = map[string]intranet.Job{}
	}
	f.pending[kind+"|"+key] = intranet.Job{Kind: kind, Key: key, Due: due, Payload: payload, Attempt: 1}
	return nil
}

func (f *fakeJobs) Reschedule(ctx context.Context, kind, key string, due time.Time) error {
	return intranet.Errorf(intranet.ENOTIMPLEMENTED, "not in the fake")
}

func (f *fakeJobs) Cancel(ctx context.Context, kind, key string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.pending, kind+"|"+key)
	return nil
}

func (f *fakeJobs) Enqueue(ctx context.Context, kind string, payload []byte) (int64, error) {
	return 0, intranet.Errorf(intranet.ENOTIMPLEMENTED, "not in the fake")
}

func (f *fakeJobs) runDue(ctx context.Context, now time.Time) error {
	f.mu.Lock()
	var due []intranet.Job
	for k, j := range f.pending {
		if !now.Before(j.Due) {
			due = append(due, j)
			delete(f.pending, k)
		}
	}
	f.mu.Unlock()
	for _, j := range due {
		if err := f.handlers[j.Kind](ctx, j); err != nil {
			return err
		}
	}
	return nil
}

func TestTeamCommands(t *testing.T) {
	engines(t, func(t *testing.T, r *router.Router, s *store.Store) {
		_, _ = handoverRouter(t, r, s)
		for _, tc := range []struct {
			who, text string
			want      string
		}{
			{hoJan, "/team add Nachtdienst", "Alleen beheerders en teamleiders maken teams."},
			{hoAnouk, "/team add Nachtdienst", "Team Nachtdienst is gemaakt."},
			{hoAnouk, "/team add nachtdienst", `Er is al een team "nachtdienst".`},
			{hoAnouk, "/team member add Nachtdienst pieter.jansen@example.nl", "Pieter Jansen is nu lid van Nachtdienst."},
			{hoAnouk, "/team lid erbij nachtdienst Kees Janssen", "Kees Janssen is nu lid van Nachtdienst."},
			{hoAnouk, "/team member remove Nachtdienst kees.janssen@example.nl", "Kees Janssen is geen lid van Nachtdienst meer."},
			{hoAnouk, "/team member add Nachtdienst nobody@example.nl", `Ik vond "nobody@example.nl" niet in het telefoonboek.`},
			{hoAnouk, "/team member add Nacht pieter.jansen@example.nl", "Pieter Jansen is nu lid van Nachtdienst."},
			{hoAnouk, "/team member add Nachtdinest pieter.jansen@example.nl", `Ik ken geen team "Nachtdinest". Bedoel je: Nachtdienst?`},
			{hoAnouk, "/team member add Nachtdienst jansen", `"jansen" past bij meer mensen`},
			{hoJan, "/team member add Nachtdienst jan.devries@example.nl", "Alleen een leider van Nachtdienst of een beheerder mag dat."},
			{hoAnouk, `/team lead add "Zorg Oost" pieter.jansen@example.nl`, "Pieter Jansen is nu leider van Zorg Oost."},
			{hoAnouk, "/team approval Nachtdienst aan", "Overnames in Nachtdienst hebben nu de goedkeuring"},
			{hoAnouk, "/team approval Nachtdienst maybe", "Gebruik `/team approval <team> on`"},
			{hoAnouk, "/team channel Nachtdienst", "niet in een privébericht"},
			{hoJan, "/team show nachtdienst", "Leiding: Anouk van den Berg"},
			{hoJan, "/team show nachtdienst", "Leden: Pieter Jansen"},
			{hoJan, "/team show nachtdienst", "Goedkeuring nodig: ja, door een teamleider"},
			{hoJan, "/team", "Nachtdienst"},
			{hoJan, "/team foo", "`/team foo` ken ik niet."},
			{"gijs@partner.example", "/team", "Je bent gast in Werkplek"},
			{"gijs@partner.example", "/handover list", "Je bent gast in Werkplek"},
		} {
			wants(t, tc.text, hoSay(t, r, tc.who, "", tc.text), tc.want)
		}
	})
}

// TestHandoverNoReachableLead: approval is on but the team's only lead has
// never used Werkplek in the chat, so no DM can reach them: the taker is
// told whom to ask instead of being promised an answer that never comes.
func TestHandoverNoReachableLead(t *testing.T) {
	engines(t, func(t *testing.T, r *router.Router, s *store.Store) {
		_, _ = handoverRouter(t, r, s)
		for _, step := range []struct{ who, text, want string }{
			{hoAnouk, "/team add Nachtdienst", "Team Nachtdienst is gemaakt."},
			{hoAnouk, "/team member add Nachtdienst pieter.jansen@example.nl", "Pieter Jansen is nu lid van Nachtdienst."},
			{hoAnouk, "/team member add Nachtdienst jan.devries@example.nl", "Jan de Vries is nu lid van Nachtdienst."},
			{hoAnouk, "/team lead add Nachtdienst kees.janssen@example.nl", "Kees Janssen is nu leider van Nachtdienst."},
			{hoAnouk, "/team approval Nachtdienst aan", "hebben nu de goedkeuring"},
			{hoAnouk, "/team lead remove Nachtdienst anouk.vandenberg@example.nl", "Anouk van den Berg is geen leider van Nachtdienst meer."},
			{hoJan, "/handover morgen 22:00-07:00 Nachtdienst team:Nachtdienst", "Jan de Vries vraagt of iemand van Nachtdienst deze dienst overneemt."},
			{hoPieter, "/handover take 1", "ik kan geen van hen een bericht sturen. Vraag Kees Janssen om `/handover approve 1`."},
		} {
			wants(t, step.text, hoSay(t, r, step.who, "", step.text), step.want)
		}
	})
}
