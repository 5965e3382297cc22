package directory_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/internal/pgtest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature/directory"
	"github.com/werkplek/werkplek/intranet/feature/phonebook"
	"github.com/werkplek/werkplek/intranet/feature/questions"
	"github.com/werkplek/werkplek/intranet/feature/rooms"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// Sanne is the admin of the tests; the other people are coretest's.
const sanne = "sanne.muller@example.nl"

// withCore runs fn once per engine with the phonebook, rooms and questions
// units and the directory unit behind /werkplek person and role.
func withCore(t *testing.T, fn func(t *testing.T, e *coretest.Env, d *directory.Unit)) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		e.Import(intranet.PersonRecord{Name: "Sanne Müller", Email: sanne, Department: "ICT", Roles: []intranet.Role{intranet.RoleAdmin}})
		ru, err := rooms.New(rooms.Config{Env: e.Feature(), Rooms: e.Store, Shifts: e.Store})
		if err != nil {
			t.Fatal(err)
		}
		qu, err := questions.New(questions.Config{Env: e.Feature(), Topics: e.Store, Questions: e.Store})
		if err != nil {
			t.Fatal(err)
		}
		d, err := directory.New(directory.Config{Env: e.Feature(), Store: e.Store, Audit: e.Store, Handovers: e.Store, Teams: e.Store, Bookings: ru, Questions: qu})
		if err != nil {
			t.Fatal(err)
		}
		e.Directory = d
		e.Core(phonebook.New(phonebook.Config{People: e.Store}), ru, qu)
		fn(t, e, d)
	})
}

func person(t *testing.T, e *coretest.Env, email string) *intranet.Person {
	t.Helper()
	p, err := e.Store.FindPersonByEmail(context.Background(), email)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestDeactivate: a departure through the command (after its question)
// frees the booking's room, keeps the handover open and tells the lead,
// closes the question, hands the topic to the admin, ends the
// subscription, unlinks the account and is audited; twice changes
// nothing; activate brings the person back.
func TestDeactivate(t *testing.T) {
	withCore(t, func(t *testing.T, e *coretest.Env, d *directory.Unit) {
		ctx := context.Background()
		s := e.Store
		// Pieter wrote once (his console account is linked), booked a room
		// for Monday, asked his team and his colleagues, owns a topic and
		// gets a digest.
		e.Say(coretest.Pieter, "", "/phonebook anouk")
		pieter := person(t, e, coretest.Pieter)
		if _, err := s.SaveRooms(ctx, []intranet.RoomRecord{{Line: 2, Name: "Zaal 1", Capacity: 8, Opens: 7 * 60, Closes: 19 * 60}}, false); err != nil {
			t.Fatal(err)
		}
		rs, _ := s.Rooms(ctx, false)
		monday := time.Date(2026, 11, 30, 10, 0, 0, 0, coretest.Amsterdam)
		if _, err := s.CreateBookings(ctx, intranet.NewBookings{RoomID: rs[0].ID, PersonID: pieter.ID, Title: "Overleg",
			Slots: []intranet.Slot{{Start: monday, End: monday.Add(time.Hour)}}}); err != nil {
			t.Fatal(err)
		}
		if err := s.SyncDepartmentTeams(ctx); err != nil {
			t.Fatal(err)
		}
		team, err := s.FindTeamByName(ctx, "Zorg Oost")
		if err != nil {
			t.Fatal(err)
		}
		h, err := s.CreateHandover(ctx, intranet.NewHandover{TeamID: team.ID, RequesterID: pieter.ID, Start: monday, End: monday.Add(8 * time.Hour), What: "Dagdienst", Lang: "nl"}, e.Now)
		if err != nil {
			t.Fatal(err)
		}
		topic, err := s.CreateTopic(ctx, "Declaraties", pieter.ID)
		if err != nil {
			t.Fatal(err)
		}
		q, err := s.CreateQuestion(ctx, intranet.NewQuestion{AskerID: pieter.ID, TopicID: topic.ID, Text: "Hoe declareer ik parkeren?", Lang: "nl", Platform: intranet.PlatformConsole}, e.Now)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.CreateSubscription(ctx, intranet.Subscription{PersonID: pieter.ID, Personal: true,
			To: intranet.Destination{Platform: intranet.PlatformConsole, Installation: "local", UserID: coretest.Pieter}, Schedule: intranet.Schedule{Kind: intranet.ScheduleDaily, Minute: 480}}, e.Now); err != nil {
			t.Fatal(err)
		}

		// Only admins; the others hear so in their language.
		coretest.Wants(t, "employee nl", e.Say(coretest.Kees, "", "/werkplek persoon deactiveer "+coretest.Pieter).Text, "Alleen beheerders")
		kees := person(t, e, coretest.Kees)
		if err := s.SetLanguage(ctx, kees.ID, "en"); err != nil {
			t.Fatal(err)
		}
		coretest.Wants(t, "employee en", e.Say(coretest.Kees, "", "/werkplek person deactivate "+coretest.Pieter).Text, "Only Werkplek's admins")

		// The admin is asked first; nothing changes until she confirms.
		ask := e.Say(sanne, "", "/werkplek persoon uitschakelen Pieter Jansen")
		coretest.Wants(t, "question", coretest.All(ask), "Pieter Jansen uitschakelen?", "/werkplek person deactivate "+coretest.Pieter+" sure")
		if person(t, e, coretest.Pieter).Inactive {
			t.Fatal("deactivated before the confirmation")
		}
		done := e.Press(sanne, ask.Buttons[0].Command)
		coretest.Wants(t, "done", coretest.All(done), "Pieter Jansen is uitgeschakeld.", "1 boeking geannuleerd", "1 vraag gesloten",
			"1 overdracht blijft open", "1 onderwerp naar de beheerders", "1 chataccount ontkoppeld", "1 abonnement opgezegd", "/werkplek person activate "+coretest.Pieter)

		p := person(t, e, coretest.Pieter)
		if !p.Inactive || len(p.Accounts) != 0 {
			t.Errorf("inactive %v, accounts %v", p.Inactive, p.Accounts)
		}
		free, err := s.FreeRooms(ctx, intranet.FreeQuery{Slot: intranet.Slot{Start: monday, End: monday.Add(time.Hour)}})
		if err != nil || len(free) != 1 {
			t.Errorf("room not free again: %v %v", free, err)
		}
		if hh, _ := s.FindHandoverByID(ctx, h.ID); hh.State != intranet.HandoverOpen {
			t.Errorf("handover %s", hh.State)
		}
		coretest.Wants(t, "lead's DM", strings.Join(e.Posters.DMs(intranet.PlatformConsole, coretest.Anouk), "\n"), "Overdracht #", "Pieter Jansen werkt hier niet meer", "Dagdienst")
		if qq, _ := s.FindQuestionByID(ctx, q.ID); qq.State != intranet.QuestionClosed || !qq.AskerLeft {
			t.Errorf("question %s, asker left %v", qq.State, qq.AskerLeft)
		}
		admin := person(t, e, sanne)
		if tp, _ := s.FindTopicByID(ctx, topic.ID); tp.OwnerID != admin.ID {
			t.Errorf("topic owner %d, want %d", tp.OwnerID, admin.ID)
		}
		if subs, _ := s.Subscriptions(ctx, intranet.SubscriptionFilter{}); len(subs) != 0 {
			t.Errorf("subscriptions %v", subs)
		}
		log, err := s.AuditLog(ctx, intranet.AuditQuery{PersonID: pieter.ID})
		if err != nil || len(log) != 1 || log[0].Action != "person deactivate" || log[0].ActorID != admin.ID || log[0].Actor != sanne || log[0].Platform != "console" {
			t.Fatalf("audit %+v %v", log, err)
		}
		// Gone from the phonebook, and from what the account may do.
		coretest.Lacks(t, "search", coretest.All(e.Say(sanne, "", "/phonebook jansen")), "Pieter")
		coretest.Wants(t, "card", e.Say(sanne, "", fmt.Sprintf("/phonebook show %d", pieter.ID)).Text, "staat niet (meer) in het telefoonboek")
		coretest.Wants(t, "his account", e.Say(coretest.Pieter, "", "/phonebook anouk").Text, "niet gekoppeld")

		// Twice changes nothing; the command says so.
		again, err := d.Deactivate(ctx, intranet.Actor{Name: "cli", Platform: "cli"}, pieter.ID)
		if err != nil || again != (intranet.Departure{}) {
			t.Errorf("again: %+v %v", again, err)
		}
		coretest.Wants(t, "again", e.Say(sanne, "", "/werkplek person deactivate "+coretest.Pieter).Text, "al uitgeschakeld")
		coretest.Wants(t, "role of who left", e.Say(sanne, "", "/werkplek role add Pieter Jansen admin").Text, "Pieter Jansen werkt hier niet meer", "/werkplek person activate "+coretest.Pieter)
		if log, _ := s.AuditLog(ctx, intranet.AuditQuery{PersonID: pieter.ID}); len(log) != 1 {
			t.Errorf("audit after twice: %+v", log)
		}

		// Back, with his history: the booking stays cancelled. Search
		// skips who left, but his full name (any case, no accents) finds him.
		coretest.Wants(t, "not by part", e.Say(sanne, "", "/werkplek person activate Piet").Text, "niet in het telefoonboek", "op e-mailadres of volledige naam")
		coretest.Wants(t, "activate", e.Say(sanne, "", "/werkplek persoon activeer pieter jansen").Text, "Pieter Jansen is terug")
		coretest.Wants(t, "search", coretest.All(e.Say(sanne, "", "/phonebook jansen")), "Pieter")
		if bs, _ := s.Bookings(ctx, intranet.BookingFilter{PersonID: pieter.ID, From: e.Now, Cancelled: true}); len(bs) != 1 || bs[0].Active() {
			t.Errorf("bookings after activate: %+v", bs)
		}
		if log, _ := s.AuditLog(ctx, intranet.AuditQuery{PersonID: pieter.ID}); len(log) != 2 || log[1].Action != "person activate" {
			t.Errorf("audit: %+v", log)
		}
		coretest.Wants(t, "active", e.Say(sanne, "", "/werkplek person activate "+coretest.Pieter).Text, "is actief")
		coretest.Wants(t, "his account", coretest.All(e.Say(coretest.Pieter, "", "/phonebook anouk")), "Anouk")
	})
}

// TestDeactivateRefusals: not oneself, not the last admin; in English for
// an admin who chose it.
func TestDeactivateRefusals(t *testing.T) {
	withCore(t, func(t *testing.T, e *coretest.Env, d *directory.Unit) {
		s := person(t, e, sanne)
		if err := e.Store.SetLanguage(context.Background(), s.ID, "en"); err != nil {
			t.Fatal(err)
		}
		coretest.Wants(t, "self", e.Say(sanne, "", "/werkplek person deactivate "+sanne+" sure").Text, "You cannot deactivate yourself")
		coretest.Wants(t, "unknown", e.Say(sanne, "", "/werkplek person deactivate nobody@example.nl").Text, "I did not find")
		coretest.Wants(t, "question en", coretest.All(e.Say(sanne, "", "/werkplek person deactivate "+coretest.Kees)), "Deactivate Kees Janssen?", "Nothing changes until")
		coretest.Wants(t, "done en", e.Say(sanne, "", "/werkplek person deactivate "+coretest.Kees+" sure").Text, "Kees Janssen is deactivated.")
		coretest.Wants(t, "role of who left en", e.Say(sanne, "", "/werkplek role add Kees Janssen admin").Text, "Kees Janssen no longer works here (deactivated). Bring them back first")
		coretest.Wants(t, "activate part en", e.Say(sanne, "", "/werkplek person activate Kees").Text, "found by email address or full name")
		coretest.Wants(t, "activate en", e.Say(sanne, "", "/werkplek person activate Kees Janssen").Text, "Kees Janssen is back", "linked again on their first message")
	})
}

// TestRoles: admins add and remove roles, multi-word ones and Dutch names
// too; others are refused; the last admin keeps the role.
func TestRoles(t *testing.T) {
	withCore(t, func(t *testing.T, e *coretest.Env, d *directory.Unit) {
		roles := func(email string) []intranet.Role { return person(t, e, email).Roles }
		coretest.Wants(t, "employee", e.Say(coretest.Kees, "", "/werkplek role add "+coretest.Kees+" admin").Text, "Alleen beheerders")
		if len(roles(coretest.Kees)) != 0 {
			t.Fatal("an employee gave a role")
		}
		coretest.Wants(t, "add", e.Say(sanne, "", "/werkplek role add "+coretest.Kees+" content manager").Text, "Kees Janssen is nu contentbeheerder.")
		coretest.Wants(t, "add by name", e.Say(sanne, "", "/werkplek rol toevoegen Kees Janssen room admin").Text, "Kees Janssen is nu ruimtebeheerder.")
		coretest.Wants(t, "add dutch", e.Say(sanne, "", "/werkplek rol toevoegen Kees Janssen teamleider").Text, "is nu teamleider", "/team lead add")
		if got := roles(coretest.Kees); len(got) != 3 || got[0] != intranet.RoleContentManager || got[1] != intranet.RoleRoomAdmin || got[2] != intranet.RoleTeamLead {
			t.Errorf("roles = %v", got)
		}
		coretest.Wants(t, "again", e.Say(sanne, "", "/werkplek role add "+coretest.Kees+" room admin").Text, "is al ruimtebeheerder")
		coretest.Wants(t, "unknown role", e.Say(sanne, "", "/werkplek role add "+coretest.Kees+" baas").Text, "Die rol ken ik niet")
		// By name, the unknown role is what follows the name; a typo gets
		// the role it looks like.
		got := e.Say(sanne, "", "/werkplek role add Kees Janssen koning").Text
		coretest.Wants(t, "unknown role by name", got, `Die rol ken ik niet: "koning".`, "contentbeheerder`")
		coretest.Lacks(t, "unknown role by name", got, "Bedoel je")
		coretest.Wants(t, "typo", e.Say(sanne, "", "/werkplek role add Kees Janssen contnet manager").Text, `Die rol ken ik niet: "contnet manager".`, "Bedoel je contentbeheerder?")
		coretest.Wants(t, "typo nl", e.Say(sanne, "", "/werkplek role add "+coretest.Kees+" beheeder").Text, "Bedoel je beheerder?")
		coretest.Wants(t, "remove", e.Say(sanne, "", "/werkplek rol verwijderen "+coretest.Kees+" room admin").Text, "is geen ruimtebeheerder meer")
		coretest.Wants(t, "remove absent", e.Say(sanne, "", "/werkplek role remove "+coretest.Kees+" admin").Text, "heeft de rol beheerder niet")

		coretest.Wants(t, "last admin", e.Say(sanne, "", "/werkplek role remove "+sanne+" admin").Text, "de laatste beheerder")
		if !person(t, e, sanne).Has(intranet.RoleAdmin) {
			t.Fatal("the last admin lost the role")
		}
		coretest.Wants(t, "last admin deactivate", e.Say(sanne, "", "/werkplek role add "+coretest.Jan+" admin").Text, "is nu beheerder")
		jan := person(t, e, coretest.Jan)
		if err := e.Store.SetLanguage(context.Background(), jan.ID, "en"); err != nil {
			t.Fatal(err)
		}
		coretest.Wants(t, "remove en", e.Say(coretest.Jan, "", "/werkplek role remove "+sanne+" admin").Text, "Sanne Müller is no longer admin.")
		coretest.Wants(t, "last admin en", e.Say(coretest.Jan, "", "/werkplek role remove "+coretest.Jan+" admin").Text, "is the last admin")
		coretest.Wants(t, "typo en", e.Say(coretest.Jan, "", "/werkplek role add "+coretest.Kees+" contnet manager").Text, `I don't know the role "contnet manager".`, "Did you mean content manager?", "content manager`")
		coretest.Wants(t, "refused en", e.Say(coretest.Kees, "", "/werkplek role add "+coretest.Kees+" admin").Text, "Alleen beheerders")
	})
}
