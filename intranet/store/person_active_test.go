package store_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/store"
)

// TestDeactivateAndActivate: who left is found by no search, count, role,
// team or topic, and loses their accounts, sessions, digests and follows;
// coming back makes them searchable again with their history.
func TestDeactivateAndActivate(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s)
		if err := s.SyncDepartmentTeams(ctx); err != nil {
			t.Fatal(err)
		}
		person := func(email string) *intranet.Person {
			t.Helper()
			p, err := s.FindPersonByEmail(ctx, email)
			if err != nil {
				t.Fatal(err)
			}
			return p
		}
		anouk, sanne := person("anouk.vandenberg@example.nl"), person("sanne.muller@example.nl")
		found := func(q intranet.PersonSearch) []string {
			t.Helper()
			res, err := s.SearchPeople(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			return emails(res)
		}
		searches := []intranet.PersonSearch{{Query: "anouk"}, {Query: "van den berg"}, {Query: "anouk.vandenberg@example.nl"},
			{Query: "06-11111111"}, {Query: "teamleider"}, {Query: "", Limit: 50}, {Query: "planning"}}
		for _, q := range searches {
			if got := found(q); !slices.Contains(got, "anouk.vandenberg") {
				t.Fatalf("before: %+v found %v", q, got)
			}
		}
		before, _ := s.CountPeople(ctx)

		// Things that reach Anouk.
		if err := s.LinkAccount(ctx, intranet.Account{Platform: intranet.PlatformSlack, Installation: "T1", UserID: "U1", PersonID: anouk.ID}); err != nil {
			t.Fatal(err)
		}
		if err := s.CreateWebSession(ctx, intranet.WebSession{Hash: "h1", PersonID: anouk.ID, CSRF: "c", Created: time.Now(), LastSeen: time.Now()}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.CreateSubscription(ctx, intranet.Subscription{PersonID: anouk.ID, Personal: true,
			To: intranet.Destination{Platform: intranet.PlatformSlack, Installation: "T1", UserID: "U1"}, Schedule: intranet.Schedule{Kind: intranet.ScheduleDaily, Minute: 480}}, time.Now()); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddFollow(ctx, intranet.Follow{PersonID: anouk.ID, Kind: intranet.FollowTopic, Value: "zorg"}); err != nil {
			t.Fatal(err)
		}
		topic, err := s.CreateTopic(ctx, "Wondzorg", anouk.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SetTopicExpert(ctx, topic.ID, anouk.ID, true); err != nil {
			t.Fatal(err)
		}

		d, changed, err := s.DeactivatePerson(ctx, anouk.ID, sanne.ID)
		if err != nil || !changed {
			t.Fatalf("deactivate: %v %v", changed, err)
		}
		if d.AccountsUnlinked != 1 || d.Subscriptions != 2 || d.TopicsHandedOver != 1 {
			t.Errorf("departure = %+v", d)
		}
		for _, q := range searches {
			if got := found(q); slices.Contains(got, "anouk.vandenberg") {
				t.Errorf("inactive: %+v still finds her: %v", q, got)
			}
		}
		// Planning is Eva's skill too; a skill only Anouk had would go.
		if skills, _ := s.Skills(ctx); !slices.Contains(skills, "Planning") {
			t.Errorf("skills = %v", skills)
		}
		if after, _ := s.CountPeople(ctx); after != before-1 {
			t.Errorf("count %d, then %d", before, after)
		}
		p := person("anouk.vandenberg@example.nl")
		if !p.Inactive || len(p.Accounts) != 0 {
			t.Errorf("FindPersonByEmail: inactive %v, accounts %v", p.Inactive, p.Accounts)
		}
		if _, err := s.FindAccount(ctx, intranet.PlatformSlack, "T1", "U1"); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("account: %v", err)
		}
		if _, err := s.FindWebSession(ctx, "h1", time.Now()); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("web session: %v", err)
		}
		if subs, _ := s.Subscriptions(ctx, intranet.SubscriptionFilter{}); len(subs) != 0 {
			t.Errorf("subscriptions: %v", subs)
		}
		if tp, _ := s.FindTopicByID(ctx, topic.ID); tp.OwnerID != sanne.ID || len(tp.Experts) != 0 {
			t.Errorf("topic: owner %d, experts %v", tp.OwnerID, tp.Experts)
		}
		team, err := s.FindTeamByName(ctx, "Zorg Oost")
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range team.Members {
			if m.PersonID == anouk.ID {
				t.Errorf("still a member of the team: %+v", m)
			}
		}
		if leads, _ := s.FindPeopleWithRole(ctx, intranet.RoleTeamLead); len(leads) != 0 {
			t.Errorf("team leads: %v", leads)
		}

		// Twice changes nothing.
		if _, changed, err := s.DeactivatePerson(ctx, anouk.ID, sanne.ID); err != nil || changed {
			t.Errorf("again: %v %v", changed, err)
		}
		if _, _, err := s.DeactivatePerson(ctx, 999999, 0); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("unknown: %v", err)
		}
		// An import that changes her keeps her out of search.
		if _, err := s.ImportPeople(ctx, []intranet.PersonRecord{{Line: 2, Name: "Anouk van den Berg", Email: anouk.Email, Department: "Zorg Oost", Title: "Coördinator"}}, false); err != nil {
			t.Fatal(err)
		}
		if got := found(intranet.PersonSearch{Query: "coordinator"}); len(got) != 0 {
			t.Errorf("after import: %v", got)
		}

		if changed, err := s.ActivatePerson(ctx, anouk.ID); err != nil || !changed {
			t.Fatalf("activate: %v %v", changed, err)
		}
		for _, q := range []intranet.PersonSearch{{Query: "anouk"}, {Query: "coordinator"}, {Query: "anouk.vandenberg@example.nl"}} {
			if got := found(q); !slices.Contains(got, "anouk.vandenberg") {
				t.Errorf("active again: %+v found %v", q, got)
			}
		}
		if p := person(anouk.Email); p.Inactive {
			t.Error("still inactive")
		}
		if team, _ := s.FindTeamByName(ctx, "Zorg Oost"); !slices.ContainsFunc(team.Members, func(m intranet.TeamMember) bool { return m.PersonID == anouk.ID && m.Lead }) {
			t.Errorf("not back as lead: %+v", team.Members)
		}
		if changed, err := s.ActivatePerson(ctx, anouk.ID); err != nil || changed {
			t.Errorf("activate again: %v %v", changed, err)
		}
		// A department whose only person left is in no list.
		fatima := person("fatima.elamrani@example.nl")
		if _, _, err := s.DeactivatePerson(ctx, fatima.ID, 0); err != nil {
			t.Fatal(err)
		}
		if depts, _ := s.Departments(ctx); slices.Contains(depts, "HR") || !slices.Contains(depts, "ICT") {
			t.Errorf("departments = %v", depts)
		}
	})
}

func TestSetRoles(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s)
		p, _ := s.FindPersonByEmail(ctx, "fatima.elamrani@example.nl")
		if err := s.SetRoles(ctx, p.ID, []intranet.Role{intranet.RoleAdmin, intranet.RoleContentManager}); err != nil {
			t.Fatal(err)
		}
		p, _ = s.FindPersonByEmail(ctx, "fatima.elamrani@example.nl")
		if !p.Has(intranet.RoleAdmin) || !p.Has(intranet.RoleContentManager) || len(p.Roles) != 2 {
			t.Errorf("roles = %v", p.Roles)
		}
		if err := s.SetRoles(ctx, 999999, nil); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("unknown: %v", err)
		}
	})
}
