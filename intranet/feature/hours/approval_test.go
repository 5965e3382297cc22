package hours_test

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature/hours"
)

// More people of the approval tests, beside main_test.go's.
const (
	ada   = "ada.admin@example.nl"
	mark  = "mark.manager@example.nl"
	sanne = "sanne.oost@example.nl" // Zorg Oost, manager Mark
	wim   = "wim.west@example.nl"   // Zorg West, no manager
)

// publisher records the events the unit publishes.
type publisher struct {
	mu     sync.Mutex
	events []intranet.Event
}

func (p *publisher) Publish(ctx context.Context, e intranet.Event) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.events = append(p.events, e)
	return nil
}

func (p *publisher) all() []intranet.Event {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]intranet.Event(nil), p.events...)
}

type env struct {
	*coretest.Env
	unit   *hours.Unit
	events *publisher
}

// hoursEnv runs fn on both engines with the hours unit over the coretest
// organisation, Ada the admin, Mark a manager, Sanne (Zorg Oost, managed
// by Mark) and Wim (Zorg West, no manager); Kees reads English.
func hoursEnv(t *testing.T, publicURL string, fn func(t *testing.T, e *env)) {
	coretest.Engines(t, func(t *testing.T, ce *coretest.Env) {
		ce.Import(
			intranet.PersonRecord{Name: "Ada Admin", Email: ada, Department: "Bestuur", Roles: []intranet.Role{intranet.RoleAdmin}},
			intranet.PersonRecord{Name: "Mark Manager", Email: mark, Department: "Staf"},
			intranet.PersonRecord{Name: "Sanne Oost", Email: sanne, Department: "Zorg Oost", ManagerEmail: mark},
			intranet.PersonRecord{Name: "Wim West", Email: wim, Department: "Zorg West"},
		)
		e := &env{Env: ce, events: &publisher{}}
		u, err := hours.New(hours.Config{Env: ce.Feature(), Timesheets: ce.Store, Teams: ce.Store, Admins: ce.Store, Downloads: ce.Store,
			Events: e.events, Rate: 0.23, PublicURL: publicURL, State: ce.Store})
		if err != nil {
			t.Fatal(err)
		}
		e.unit = u
		ce.Core(u)
		ce.Say(kees, "", "/werkplek language en")
		fn(t, e)
	})
}

func (e *env) say(email, text string) string {
	e.T.Helper()
	return coretest.All(e.Say(email, "", text))
}

func (e *env) dms(email string) []string { return e.Posters.DMs(intranet.PlatformConsole, email) }

func (e *env) person(email string) *intranet.Person {
	e.T.Helper()
	p, err := e.Store.FindPersonByEmail(context.Background(), email)
	if err != nil {
		e.T.Fatal(err)
	}
	return p
}

// work writes hours (and a return trip of km in all) for email on a date,
// straight in the store.
func (e *env) work(email, date string, minutes int, km float64) {
	e.T.Helper()
	id := e.person(email).ID
	if minutes > 0 {
		if _, err := e.Store.AddTimeEntry(context.Background(), intranet.NewTimeEntry{PersonID: id, Date: date, Minutes: minutes, Project: "WZ-Noord"}, e.Now); err != nil {
			e.T.Fatal(err)
		}
	}
	if km > 0 {
		if _, err := e.Store.AddTrip(context.Background(), intranet.NewTrip{PersonID: id, Date: date, Km: km, From: "Utrecht", To: "Zeist", Return: true}, e.Now); err != nil {
			e.T.Fatal(err)
		}
	}
}

func (e *env) state(email string, w intranet.Week) *intranet.Timesheet {
	e.T.Helper()
	s, err := e.Store.Timesheet(context.Background(), e.person(email).ID, w)
	if err != nil {
		e.T.Fatal(err)
	}
	return s
}

func last(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[len(s)-1]
}

var w48 = intranet.Week{Year: 2026, Number: 48}

func TestApprovers(t *testing.T) {
	hoursEnv(t, "", func(t *testing.T, e *env) {
		for _, c := range []struct {
			who  string
			want []string
		}{
			{pieter, []string{anouk}}, // the lead of the department's team
			{sanne, []string{anouk}},  // the lead, not the manager
			{kees, []string{anouk}},   // no lead in Zorg West: the manager
			{anouk, []string{ada}},    // the lead herself, without a manager: the admins
			{wim, []string{ada}},      // no lead, no manager: the admins
			{ada, nil},                // nobody approves their own week
		} {
			got, err := e.unit.Approvers(context.Background(), e.person(c.who))
			if err != nil {
				t.Fatal(err)
			}
			var emails []string
			for _, p := range got {
				emails = append(emails, p.Email)
			}
			if strings.Join(emails, ",") != strings.Join(c.want, ",") {
				t.Errorf("approvers of %s: %v, want %v", c.who, emails, c.want)
			}
		}
		// A second lead of Zorg Oost approves too; a lead's own week
		// goes to their manager.
		e.Import(intranet.PersonRecord{Name: "Lotte Lead", Email: "lotte@example.nl", Department: "Zorg Oost", ManagerEmail: mark, Roles: []intranet.Role{intranet.RoleTeamLead}})
		got, err := e.unit.Approvers(context.Background(), e.person(pieter))
		if err != nil || len(got) != 2 {
			t.Errorf("two leads: %v %v", got, err)
		}
		got, err = e.unit.Approvers(context.Background(), e.person("lotte@example.nl"))
		if err != nil || len(got) != 1 || got[0].Email != mark {
			t.Errorf("a lead's approver is her manager: %v %v", got, err)
		}
	})
}

func TestSubmitApproveByButton(t *testing.T) {
	hoursEnv(t, "", func(t *testing.T, e *env) {
		w := coretest.Wants
		w(t, "nothing", e.say(pieter, "/uren indienen"), "geen uren of ritten om in te dienen. Schrijf ze met `/uren <datum> <van>-<tot>` of `/km`.")
		e.work(pieter, "2026-11-23", 450, 46)
		e.work(pieter, "2026-11-24", 480, 0)
		w(t, "submit", e.say(pieter, "/uren indienen"), "Je week 48 (23 nov – 29 nov 2026) is ingediend bij Anouk van den Berg", "15,5 uur · 46 km · € 10,58")
		card := last(e.dms(anouk))
		w(t, "card", card, "Uren ter goedkeuring: Pieter Jansen", "15,5 uur · 46 km · € 10,58", "ma 23 nov 7,5 uur · WZ-Noord",
			"46 km Utrecht → Zeist en terug", "[Goedkeuren: /hours approve pieter.jansen@example.nl 2026-W48]", "[Afwijzen: /hours reject pieter.jansen@example.nl 2026-W48]")
		w(t, "again", e.say(pieter, "/hours submit 48"), "al ingediend")
		// The lock: nothing changes in a submitted week.
		if _, err := e.Store.AddTimeEntry(context.Background(), intranet.NewTimeEntry{PersonID: e.person(pieter).ID, Date: "2026-11-25", Minutes: 60}, e.Now); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Errorf("an entry in a submitted week: %v", err)
		}

		// Someone else's button is authorised again when pressed.
		w(t, "not jan's", coretest.All(e.Press(jan, "/hours approve pieter.jansen@example.nl 2026-W48")), "Alleen Anouk van den Berg (en de beheerders) beslissen over de uren van Pieter Jansen")
		w(t, "not his own", e.say(pieter, "/hours approve pieter.jansen@example.nl 48"), "Je eigen uren keurt iemand anders goed")

		r := e.Press(anouk, "/hours approve pieter.jansen@example.nl 2026-W48")
		if !r.ReplaceOriginal {
			t.Error("the approval does not replace the card")
		}
		w(t, "approved", coretest.All(r), "Je keurde de week 48 (23 nov – 29 nov 2026) van Pieter Jansen goed", "Pieter Jansen krijgt bericht")
		w(t, "told", last(e.dms(pieter)), "Anouk van den Berg keurde je week 48", "15,5 uur")
		if s := e.state(pieter, w48); s.State != intranet.WeekApproved || s.DecidedBy != "Anouk van den Berg" {
			t.Errorf("state %s by %q", s.State, s.DecidedBy)
		}

		// Double decisions: by the other button, typed by the admin.
		r = e.Press(anouk, "/hours reject pieter.jansen@example.nl 2026-W48")
		w(t, "decided already", coretest.All(r), "is al goedgekeurd door Anouk van den Berg")
		if r.Form != nil {
			t.Error("a form to reject a week approved already")
		}
		w(t, "admin too late", e.say(ada, "/hours approve pieter.jansen@example.nl 2026-W48"), "al goedgekeurd door Anouk van den Berg")

		events := e.events.all()
		if len(events) != 1 || events[0].Type != intranet.EventTimesheetApproved || !strings.HasPrefix(events[0].ID, "timesheet.approved:") {
			t.Fatalf("events: %+v", events)
		}
		var data map[string]any
		if err := json.Unmarshal(events[0].Data, &data); err != nil {
			t.Fatal(err)
		}
		for k, v := range map[string]any{"email": pieter, "name": "Pieter Jansen", "week": "2026-W48", "state": "approved", "hours": 15.5, "km": 46.0, "allowance": 10.58, "approved_by": "Anouk van den Berg", "approved_by_email": anouk} {
			if data[k] != v {
				t.Errorf("event %s = %v, want %v", k, data[k], v)
			}
		}
		if at, _ := data["approved_at"].(string); at == "" {
			t.Error("no approved_at")
		}
	})
}

// TestOtherApproversCard: with two leads, the card of the one who did not
// press says who decided.
func TestOtherApproversCard(t *testing.T) {
	hoursEnv(t, "", func(t *testing.T, e *env) {
		lotte := "lotte@example.nl"
		e.Import(intranet.PersonRecord{Name: "Lotte Lead", Email: lotte, Department: "Zorg Oost", ManagerEmail: mark, Roles: []intranet.Role{intranet.RoleTeamLead}})
		e.work(pieter, "2026-11-23", 480, 0)
		coretest.Wants(t, "two leads", e.say(pieter, "/hours submit"), "ingediend bij Anouk van den Berg en Lotte Lead")
		coretest.Wants(t, "lotte's card", last(e.Posters.DMsNow(intranet.PlatformConsole, lotte)), "Uren ter goedkeuring: Pieter Jansen", "[Goedkeuren:")
		e.Now = e.Now.Add(time.Hour)
		e.Press(anouk, "/hours approve pieter.jansen@example.nl 2026-W48")
		e.RunDue()
		card := last(e.Posters.DMsNow(intranet.PlatformConsole, lotte))
		coretest.Wants(t, "lotte's card now", card, "✅ Week 48 (23 nov – 29 nov 2026) is goedgekeurd door Anouk van den Berg (vr 27 nov 11:00)")
		coretest.Lacks(t, "no buttons", card, "[Goedkeuren:")
		coretest.Wants(t, "lotte presses", coretest.All(e.Press(lotte, "/hours reject pieter.jansen@example.nl 2026-W48")), "al goedgekeurd door Anouk van den Berg")
		e.say(anouk, "/hours reopen pieter.jansen@example.nl 48 Verkeerd project")
		e.RunDue()
		coretest.Wants(t, "reopened", last(e.Posters.DMsNow(intranet.PlatformConsole, lotte)), "Week 48 (23 nov – 29 nov 2026) is heropend en wacht tot Pieter Jansen hem opnieuw indient.")
	})
}

func TestRejectWithReason(t *testing.T) {
	hoursEnv(t, "", func(t *testing.T, e *env) {
		w := coretest.Wants
		e.work(kees, "2026-11-23", 480, 0)
		w(t, "submit en", e.say(kees, "/hours submit"), "Your week 48 (23 Nov – 29 Nov 2026) went to Anouk van den Berg")
		w(t, "card to the manager", last(e.dms(anouk)), "Uren ter goedkeuring: Kees Janssen")

		// The button asks the reason in a form.
		r := e.Press(anouk, "/hours reject kees.janssen@example.nl 2026-W48")
		if r.Form == nil || !strings.HasPrefix(r.Form.ID, "hours.reject:") || !strings.Contains(r.Text, "Typ `/uren afwijzen kees.janssen@example.nl 2026-W48 <reden>`") || r.Form.Command != "/hours reject kees.janssen@example.nl 2026-W48 <reden>" {
			t.Fatalf("no reject form: %+v", r)
		}
		form := func(who, reason string) intranet.Reply {
			req := coretest.Request(who, "", "")
			req.Form = &intranet.FormSubmission{FormID: r.Form.ID, Values: map[string]string{"reason": reason}}
			return e.Do(req)
		}
		if bad := form(anouk, " "); bad.Form == nil || bad.FieldErrors["reason"] == "" {
			t.Errorf("an empty reason: %+v", bad)
		}
		w(t, "form not jan's", coretest.All(form(jan, "nee")), "Alleen Anouk van den Berg")
		w(t, "rejected", coretest.All(form(anouk, "Dinsdag ontbreekt")), "❌ Je wees de week 48 (23 nov – 29 nov 2026) van Kees Janssen af. Kees Janssen krijgt bericht met je reden: Dinsdag ontbreekt")
		w(t, "told en", last(e.dms(kees)), "Anouk van den Berg rejected your week 48", "Dinsdag ontbreekt", "/hours submit 2026-W48")
		if s := e.state(kees, w48); s.State != intranet.WeekRejected || s.Reason != "Dinsdag ontbreekt" {
			t.Errorf("state %s %q", s.State, s.Reason)
		}
		w(t, "reject again", coretest.All(form(anouk, "nog eens")), "al afgewezen door Anouk van den Berg", "Dinsdag ontbreekt")

		// Submitted again, rejected typed (a multi-word name, "week 48").
		e.Now = e.Now.Add(time.Hour)
		e.work(kees, "2026-11-24", 480, 0)
		w(t, "resubmit", e.say(kees, "/hours submit 48"), "went to Anouk van den Berg")
		w(t, "typed reject", e.say(anouk, "/uren afwijzen Kees Janssen week 48 Woensdag dubbel"), "Je wees de week 48 (23 nov – 29 nov 2026) van Kees Janssen af", "Woensdag dubbel")
		w(t, "told again", last(e.dms(kees)), "Woensdag dubbel")
		e.work(jan, "2026-11-23", 480, 0)
		e.say(jan, "/uren indienen")
		e.say(anouk, "/uren afwijzen jan.devries@example.nl 48 Maandag dubbel")
		w(t, "told nl", last(e.dms(jan)), "Anouk van den Berg wees je week 48", "Maandag dubbel", "dien opnieuw in met `/uren indienen 2026-W48`")
		if len(e.events.all()) != 0 {
			t.Errorf("a rejection was published: %v", e.events.all())
		}
	})
}

func TestReopen(t *testing.T) {
	hoursEnv(t, "", func(t *testing.T, e *env) {
		w := coretest.Wants
		e.work(jan, "2026-11-23", 480, 10)
		e.say(jan, "/hours submit")
		w(t, "nothing to reopen by jan", e.say(pieter, "/hours reopen jan.devries@example.nl 48 fout"), "Alleen Anouk van den Berg")
		w(t, "no reason", e.say(anouk, "/hours reopen jan.devries@example.nl 48"), "Ik mis `<reden>`")
		e.say(anouk, "/hours goedkeuren jan.devries@example.nl 48")
		w(t, "reopen", e.say(anouk, "/uren heropen jan.devries@example.nl 48 Verkeerd project"), "De week 48 (23 nov – 29 nov 2026) van Jan de Vries is weer open")
		w(t, "told", last(e.dms(jan)), "Anouk van den Berg heeft je week 48", "Verkeerd project", "`/uren indienen 2026-W48`")
		if s := e.state(jan, w48); s.State != intranet.WeekOpen {
			t.Errorf("state after reopen: %s", s.State)
		}
		// Open again: entries change, and it is submitted and approved again.
		if _, err := e.Store.AddTimeEntry(context.Background(), intranet.NewTimeEntry{PersonID: e.person(jan).ID, Date: "2026-11-25", Minutes: 60}, e.Now); err != nil {
			t.Errorf("an entry in a reopened week: %v", err)
		}
		w(t, "reopen open", e.say(anouk, "/hours reopen jan.devries@example.nl 48 nog eens"), "is al open")
		events := e.events.all()
		if len(events) != 2 || events[0].Type != intranet.EventTimesheetApproved || events[1].Type != intranet.EventTimesheetReopened {
			t.Fatalf("events: %+v", events)
		}
		var data map[string]any
		if err := json.Unmarshal(events[1].Data, &data); err != nil {
			t.Fatal(err)
		}
		if data["email"] != jan || data["week"] != "2026-W48" || data["state"] != "open" || data["reason"] != "Verkeerd project" || data["reopened_by"] != "Anouk van den Berg" || data["reopened_by_email"] != anouk {
			t.Errorf("reopened event: %v", data)
		}
		e.say(jan, "/hours submit 48")
		e.Now = e.Now.Add(time.Minute)
		w(t, "approve again", e.say(anouk, "/hours approve jan.devries@example.nl 48"), "Je keurde")
		if events := e.events.all(); len(events) != 3 || events[2].ID == events[0].ID {
			t.Errorf("a second approval is a new event: %+v", events)
		}
	})
}

func TestTeamView(t *testing.T) {
	hoursEnv(t, "", func(t *testing.T, e *env) {
		e.work(pieter, "2026-11-23", 480, 0)
		e.work(jan, "2026-11-23", 240, 0)
		e.work(kees, "2026-11-23", 300, 0)
		e.work(sanne, "2026-11-24", 300, 0)
		e.say(pieter, "/hours submit")
		e.say(kees, "/hours submit")
		e.say(sanne, "/hours submit")
		e.say(anouk, "/hours approve sanne.oost@example.nl 48")
		team := e.Say(anouk, "", "/uren team")
		all := coretest.All(team)
		coretest.Wants(t, "team", all, "Uren van je team: week 48", "Ingediend, wacht op goedkeuring (2)",
			"Pieter Jansen\n8 uur", "[Goedkeuren: /hours approve pieter.jansen@example.nl 2026-W48]",
			"Kees Janssen\n5 uur", // managed by Anouk
			"Goedgekeurd (1)", "- Sanne Oost · 5 uur · door Anouk van den Berg",
			"Niet ingediend (1)", "- Jan de Vries · 4 uur")
		coretest.Lacks(t, "not hers", all, "Wim West", "Mark Manager", "Niets geschreven")
		coretest.Wants(t, "nobody", e.say(jan, "/hours team"), "Je keurt van niemand de uren goed. `/uren team` is voor")
		coretest.Wants(t, "other week", e.say(anouk, "/hours team 2026-W47"), "Niemand wacht op goedkeuring", "Niets geschreven (3)", "Jan de Vries", "Pieter Jansen", "Sanne Oost")
		coretest.Wants(t, "admin alone", e.say(ada, "/hours team"), "Je keurt van niemand de uren goed")
		e.Import(intranet.PersonRecord{Name: "Bram Bestuur", Email: "bram@example.nl", Department: "Bestuur", ManagerEmail: ada})
		coretest.Wants(t, "admin", e.say(ada, "/hours team"), "Niets geschreven (1)", "Bram Bestuur", "Je keurt niemands uren goed; als beheerder zie je je eigen afdeling. `/uren exporteer <van> <tot>` geeft")
		e.work(wim, "2026-11-25", 60, 0)
		coretest.Wants(t, "admin approves wim", e.say(ada, "/hours team"), "Niet ingediend (1)", "- Wim West · 1 uur")
	})
}

var link = regexp.MustCompile(`https://werkplek\.example/download/([A-Za-z0-9_-]+)\)`)

func TestExportLink(t *testing.T) {
	hoursEnv(t, "https://werkplek.example/", func(t *testing.T, e *env) {
		ctx := context.Background()
		e.work(pieter, "2026-11-23", 480, 0)
		e.work(kees, "2026-11-23", 480, 0)
		e.work(wim, "2026-11-23", 480, 0)
		use := func(reply intranet.Reply) *intranet.Download {
			t.Helper()
			m := link.FindStringSubmatch(reply.Text)
			if m == nil || reply.Visibility != intranet.Ephemeral {
				t.Fatalf("no link only for the caller: %+v", reply)
			}
			d, err := e.Store.UseDownload(ctx, intranet.HashSecret(m[1]), e.Now)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := e.Store.UseDownload(ctx, intranet.HashSecret(m[1]), e.Now); intranet.ErrorCode(err) != intranet.ENOTFOUND {
				t.Errorf("the link worked twice: %v", err)
			}
			return d
		}
		r := e.Say(anouk, "", "/uren exporteer 2026-11-01 2026-11-27")
		coretest.Wants(t, "reply", r.Text, "Je export van zo 1 nov 2026 t/m vr 27 nov 2026", "werkt één keer, 10 minuten lang, en alleen voor jou")
		d := use(r)
		var got []int64
		got = append(got, d.PersonIDs...)
		sort.Slice(got, func(i, k int) bool { return got[i] < got[k] })
		want := []int64{e.person(pieter).ID, e.person(kees).ID, e.person(jan).ID, e.person(sanne).ID}
		sort.Slice(want, func(i, k int) bool { return want[i] < want[k] })
		if d.PersonID != e.person(anouk).ID || d.Kind != "hours" || d.From != "2026-11-01" || d.To != "2026-11-27" || !d.Expires.Equal(e.Now.Add(10*time.Minute)) ||
			fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("download %+v, people %v want %v", d, got, want)
		}
		if d := use(e.Say(ada, "", "/hours export 2026-11-01 2026-11-27")); d.PersonIDs != nil || d.PersonID != e.person(ada).ID {
			t.Errorf("the admin's export is not everyone's: %+v", d)
		}
		coretest.Wants(t, "not an approver", e.say(jan, "/hours export 2026-11-01 2026-11-27"), "Alleen goedkeurders en beheerders exporteren uren")
		coretest.Wants(t, "backwards", e.say(anouk, "/hours export 2026-11-27 2026-11-01"), "De einddatum ligt vóór de begindatum")
	})
	hoursEnv(t, "", func(t *testing.T, e *env) {
		coretest.Wants(t, "no public url", e.say(anouk, "/hours export 2026-11-01 2026-11-27"), "`WERKPLEK_PUBLIC_URL`", "`werkplek hours export --from 2026-11-01 --to 2026-11-27`")
	})
}

// TestApproveWithoutWeek: the week may be left out when one week of the
// person's waits; otherwise the lead is told which weeks wait.
func TestApproveWithoutWeek(t *testing.T) {
	hoursEnv(t, "", func(t *testing.T, e *env) {
		w := coretest.Wants
		w(t, "none waits", e.say(anouk, "/uren goedkeuren jan.devries@example.nl"), "Jan de Vries heeft geen week die op goedkeuring wacht. `/uren team`")
		w(t, "none waits en", e.say(kees, "/hours approve jan.devries@example.nl"), "Only Anouk van den Berg (and the admins) decide")
		e.work(jan, "2026-11-16", 480, 0)
		e.work(jan, "2026-11-23", 480, 0)
		e.say(jan, "/uren indienen 47")
		e.say(jan, "/uren indienen 48")
		w(t, "two wait", e.say(anouk, "/uren goedkeuren jan.devries@example.nl"), "Welke week? Van Jan de Vries wachten week 47 en 48. Schrijf bijvoorbeeld `/uren goedkeuren jan.devries@example.nl 2026-W47`.")
		if s := e.state(jan, w48); s.State != intranet.WeekSubmitted {
			t.Errorf("approved without saying which: %s", s.State)
		}
		e.say(anouk, "/uren goedkeuren jan.devries@example.nl 47")
		w(t, "one waits", e.say(anouk, "/uren goedkeuren Jan de Vries"), "Je keurde de week 48 (23 nov – 29 nov 2026) van Jan de Vries goed")
		if s := e.state(jan, w48); s.State != intranet.WeekApproved {
			t.Errorf("state: %s", s.State)
		}
		w(t, "not a week", e.say(anouk, "/uren goedkeuren jan.devries@example.nl wk4x"), "`wk4x` is geen week")
	})
}

// TestDecisionRepliesInEnglish: the approver's replies read as English
// sentences, the reason last.
func TestDecisionRepliesInEnglish(t *testing.T) {
	hoursEnv(t, "", func(t *testing.T, e *env) {
		w := coretest.Wants
		e.say(anouk, "/werkplek language en")
		w(t, "not submitted", e.say(anouk, "/hours approve jan.devries@example.nl 48"), "Jan de Vries's week 48 (23 Nov – 29 Nov 2026) is not submitted; there is nothing to decide.")
		e.work(jan, "2026-11-23", 480, 0)
		e.say(jan, "/uren indienen")
		w(t, "rejected", e.say(anouk, "/hours reject jan.devries@example.nl 48 Monday twice"), "❌ You rejected Jan de Vries's week 48 (23 Nov – 29 Nov 2026). Jan de Vries is told, with your reason: Monday twice")
		w(t, "again", e.say(anouk, "/hours reject jan.devries@example.nl 48 again"), "Jan de Vries's week 48 (23 Nov – 29 Nov 2026) was already rejected by Anouk van den Berg")
		w(t, "nothing to reopen", e.say(anouk, "/hours reopen jan.devries@example.nl 48 why"), "Jan de Vries's week 48 (23 Nov – 29 Nov 2026) is open already")
		e.say(jan, "/uren indienen 48")
		w(t, "approved", e.say(anouk, "/hours approve jan.devries@example.nl 48"), "✅ You approved Jan de Vries's week 48 (23 Nov – 29 Nov 2026): 8 h. Jan de Vries is told.")
		w(t, "reopened", e.say(anouk, "/hours reopen jan.devries@example.nl 48 Wrong project"), "Jan de Vries's week 48 (23 Nov – 29 Nov 2026) is open again. Jan de Vries is told")
	})
}

// TestApproversSkipAway: who marked themselves away is skipped, through
// the last day they gave, at each step of the way to an approver (leads,
// manager, admins); when everyone is away the week goes where it would
// had nobody been; after the day they approve again by themselves. An
// away lead may still decide, as may who stood in.
func TestApproversSkipAway(t *testing.T) {
	hoursEnv(t, "", func(t *testing.T, e *env) {
		ctx := context.Background()
		approvers := func(who string) string {
			t.Helper()
			got, err := e.unit.Approvers(ctx, e.person(who))
			if err != nil {
				t.Fatal(err)
			}
			var emails []string
			for _, p := range got {
				emails = append(emails, p.Email)
			}
			return strings.Join(emails, ",")
		}
		away := func(who, until string) {
			t.Helper()
			if err := e.Store.SetAway(ctx, e.person(who).ID, until, ""); err != nil {
				t.Fatal(err)
			}
		}
		// Today is Friday 27 November; Anouk is away through Monday 30.
		away(anouk, "2026-11-30")
		for who, want := range map[string]string{
			pieter: ada,  // lead and manager Anouk away: the admins
			sanne:  mark, // lead away: her manager
			kees:   ada,  // manager away: the admins
		} {
			if got := approvers(who); got != want {
				t.Errorf("approvers of %s: %s, want %s", who, got, want)
			}
		}
		e.work(pieter, "2026-11-23", 480, 0)
		coretest.Wants(t, "submit", e.say(pieter, "/uren indienen"), "ingediend bij Ada Admin")
		coretest.Wants(t, "ada's card", last(e.dms(ada)), "Uren ter goedkeuring: Pieter Jansen")
		for _, m := range e.dms(anouk) {
			coretest.Lacks(t, "anouk's DMs", m, "Uren ter goedkeuring")
		}
		// Anouk, away, still may.
		coretest.Wants(t, "anouk may", coretest.All(e.Press(anouk, "/hours approve pieter.jansen@example.nl 2026-W48")), "Je keurde de week 48")

		// A second lead who is here takes the week.
		e.Import(intranet.PersonRecord{Name: "Lotte Lead", Email: "lotte@example.nl", Department: "Zorg Oost", ManagerEmail: mark, Roles: []intranet.Role{intranet.RoleTeamLead}})
		if got := approvers(pieter); got != "lotte@example.nl" {
			t.Errorf("approvers of pieter with Lotte: %s", got)
		}
		// Everyone on the way away: who would approve had nobody been.
		away("lotte@example.nl", "2026-12-31")
		away(ada, "2026-11-28")
		if got := approvers(pieter); got != anouk+",lotte@example.nl" {
			t.Errorf("approvers of pieter, all away: %s", got)
		}
		if got := approvers(wim); got != ada {
			t.Errorf("approvers of wim, all away: %s", got)
		}

		e.Now = e.Now.AddDate(0, 0, 3) // Monday 30 November: Anouk's last day
		if got := approvers(kees); got != ada {
			t.Errorf("approvers of kees on the last day: %s", got)
		}
		e.Now = e.Now.AddDate(0, 0, 1) // Tuesday 1 December
		if got := approvers(kees); got != anouk {
			t.Errorf("approvers of kees after: %s", got)
		}
		if got := approvers(pieter); got != anouk {
			t.Errorf("approvers of pieter after: %s", got)
		}
	})
}
