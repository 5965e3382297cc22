package store_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/demo"
	"github.com/werkplek/werkplek/intranet/store"
)

// TestProvisionPeople: the identity provider adopts the person of an
// email without duplicating them, creates new people (searchable, with
// department and manager), finds them by userName (any case), externalId
// and email with paging, keeps roles and the person's own fields, makes a
// reused userName a conflict and a person without email invalid, follows
// an email change in the reports' manager, and forgets a deleted User
// while the person stays; every change is audited.
func TestProvisionPeople(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		if _, err := s.ImportPeople(ctx, demo.People(), false); err != nil {
			t.Fatal(err)
		}
		jan, err := s.FindPersonByEmail(ctx, "jan.devries@example.nl")
		if err != nil {
			t.Fatal(err)
		}
		count, err := s.CountPeople(ctx)
		if err != nil {
			t.Fatal(err)
		}

		adopted, err := s.ProvisionPerson(ctx, intranet.ProvisionedPerson{UserName: "JanDV@zorg.onmicrosoft.com", ExternalID: "ext-jan",
			Name: "Jan de Vries", Email: "Jan.deVries@example.nl", Title: "Directeur", Department: jan.Department, Phone: "030 123 4567"})
		if err != nil {
			t.Fatal(err)
		}
		if adopted.ID != jan.ID || adopted.Title != "Directeur" || adopted.UserName != "JanDV@zorg.onmicrosoft.com" {
			t.Fatalf("adopted = %+v, want person %d", adopted, jan.ID)
		}
		if n, _ := s.CountPeople(ctx); n != count {
			t.Fatalf("people = %d, want %d (adopted, not duplicated)", n, count)
		}
		after, err := s.FindPersonByID(ctx, jan.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(after.Roles, jan.Roles) || after.Language != jan.Language {
			t.Fatalf("roles %v, want %v", after.Roles, jan.Roles)
		}

		sanne, err := s.ProvisionPerson(ctx, intranet.ProvisionedPerson{UserName: "sanne@zorg.onmicrosoft.com", ExternalID: "ext-sanne",
			Name: "Sanne van der Wal", Email: "sanne.vanderwal@example.nl", Mobile: "06-12121212", Title: "Planner",
			Location: "Zeist", Department: "Planning Noord", ManagerID: jan.ID, EmployeeNumber: "E-77"})
		if err != nil {
			t.Fatal(err)
		}
		if sanne.Department != "Planning Noord" || sanne.ManagerID != jan.ID || sanne.EmployeeNumber != "E-77" || sanne.Inactive {
			t.Fatalf("sanne = %+v", sanne)
		}
		res, err := s.SearchPeople(ctx, intranet.PersonSearch{Query: "sanne wal"})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Matches) == 0 || res.Matches[0].Person.ID != sanne.ID {
			t.Fatalf("search sanne wal: %+v", res.Matches)
		}
		p, err := s.FindPersonByID(ctx, sanne.ID)
		if err != nil {
			t.Fatal(err)
		}
		if p.Manager != "Jan de Vries" {
			t.Fatalf("manager = %q", p.Manager)
		}

		for name, c := range map[string]struct {
			p    intranet.ProvisionedPerson
			code string
		}{
			"UserNameTaken":    {intranet.ProvisionedPerson{UserName: "SANNE@zorg.onmicrosoft.com", Name: "X", Email: "x@example.nl"}, intranet.ECONFLICT},
			"EmailProvisioned": {intranet.ProvisionedPerson{UserName: "other@zorg.onmicrosoft.com", Name: "X", Email: "sanne.vanderwal@example.nl"}, intranet.ECONFLICT},
			"NoEmail":          {intranet.ProvisionedPerson{UserName: "x@zorg.onmicrosoft.com", Name: "X"}, intranet.EINVALID},
			"NoName":           {intranet.ProvisionedPerson{UserName: "x@zorg.onmicrosoft.com", Email: "x@example.nl"}, intranet.EINVALID},
			"PhoneNoDigits":    {intranet.ProvisionedPerson{UserName: "x@zorg.onmicrosoft.com", Name: "X", Email: "x@example.nl", Phone: "n/a"}, intranet.EINVALID},
		} {
			if _, err := s.ProvisionPerson(ctx, c.p); intranet.ErrorCode(err) != c.code {
				t.Errorf("%s: %v, want %s", name, err, c.code)
			}
		}

		for name, c := range map[string]struct {
			q     intranet.PeopleQuery
			want  []int64
			total int
		}{
			"All":        {intranet.PeopleQuery{}, []int64{jan.ID, sanne.ID}, 2},
			"UserName":   {intranet.PeopleQuery{UserName: "jandv@ZORG.onmicrosoft.com"}, []int64{jan.ID}, 1},
			"ExternalID": {intranet.PeopleQuery{ExternalID: "ext-sanne"}, []int64{sanne.ID}, 1},
			"Email":      {intranet.PeopleQuery{Email: "SANNE.vanderwal@example.nl"}, []int64{sanne.ID}, 1},
			"Nobody":     {intranet.PeopleQuery{UserName: "nobody"}, nil, 0},
			"Page2":      {intranet.PeopleQuery{Offset: 1, Limit: 1}, []int64{sanne.ID}, 2},
		} {
			got, total, err := s.ProvisionedPeople(ctx, c.q)
			if err != nil {
				t.Fatal(err)
			}
			var ids []int64
			for _, p := range got {
				ids = append(ids, p.ID)
			}
			if !slices.Equal(ids, c.want) || total != c.total {
				t.Errorf("%s: %v (total %d), want %v (%d)", name, ids, total, c.want, c.total)
			}
		}

		// The person set their own mobile and location: SCIM leaves them.
		if err := store.Exec(s, "UPDATE people SET own_fields = 'mobile;location', mobile = '06-99999999', mobile_visibility = 'team' WHERE id = ?", sanne.ID); err != nil {
			t.Fatal(err)
		}
		repl := *sanne
		repl.Mobile, repl.Location, repl.Title, repl.Email = "06-00000000", "Utrecht", "Teamleider planning", "sanne.wal@example.nl"
		got, err := s.ReplaceProvisionedPerson(ctx, repl)
		if err != nil {
			t.Fatal(err)
		}
		// The person's own mobile is not shown to the provider either.
		if got.Mobile != "" || got.Location != "Zeist" || got.Title != "Teamleider planning" || got.Email != "sanne.wal@example.nl" {
			t.Fatalf("replaced = %+v", got)
		}
		if p, _ := s.FindPersonByID(ctx, sanne.ID); p.MobileVisibility != intranet.VisibleTeam || p.Mobile != "06-99999999" {
			t.Fatalf("mobile %q, visibility %q", p.Mobile, p.MobileVisibility)
		}
		// Jan's email changes: Sanne's manager is still Jan.
		jr := *adopted
		jr.Email = "j.devries@example.nl"
		if _, err := s.ReplaceProvisionedPerson(ctx, jr); err != nil {
			t.Fatal(err)
		}
		if p, _ := s.FindPersonByID(ctx, sanne.ID); p.ManagerID != jan.ID {
			t.Fatalf("manager after email change = %d, want %d", p.ManagerID, jan.ID)
		}
		if _, err := s.ReplaceProvisionedPerson(ctx, intranet.ProvisionedPerson{ID: 999999, UserName: "x", Name: "X", Email: "x@example.nl"}); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("replace unknown: %v", err)
		}

		// Who left is found by no word, also after the provider updates them.
		if err := store.Exec(s, "UPDATE people SET active = false WHERE id = ?", sanne.ID); err != nil {
			t.Fatal(err)
		}
		if err := store.Exec(s, "DELETE FROM person_terms WHERE person_id = ?", sanne.ID); err != nil {
			t.Fatal(err)
		}
		left := *got
		left.Title = "Planner Noord"
		if _, err := s.ReplaceProvisionedPerson(ctx, left); err != nil {
			t.Fatal(err)
		}
		if res, err := s.SearchPeople(ctx, intranet.PersonSearch{Query: "sanne wal"}); err != nil || len(res.Matches) != 0 {
			t.Fatalf("search for who left: %+v %v", res, err)
		}
		if p, _ := s.ProvisionedPerson(ctx, sanne.ID); !p.Inactive || p.Title != "Planner Noord" {
			t.Fatalf("who left, updated = %+v", p)
		}

		if err := s.UnprovisionPerson(ctx, sanne.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.ProvisionedPerson(ctx, sanne.ID); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Fatalf("after delete: %v, want ENOTFOUND", err)
		}
		if _, err := s.FindPersonByID(ctx, sanne.ID); err != nil {
			t.Fatalf("the person is gone: %v", err)
		}
		if err := s.UnprovisionPerson(ctx, sanne.ID); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("delete twice: %v", err)
		}

		log, err := s.AuditLog(ctx, intranet.AuditQuery{})
		if err != nil {
			t.Fatal(err)
		}
		var actions []string
		for _, e := range log {
			if e.Actor == "scim" && e.Platform == "scim" {
				actions = append(actions, e.Action)
			}
		}
		want := []string{"scim user adopt", "scim user create", "scim user update", "scim user update", "scim user update", "scim user delete"}
		if !slices.Equal(actions, want) {
			t.Fatalf("audit = %v, want %v", actions, want)
		}
	})
}

// TestProvisionGroups: a group becomes a managed team (or takes over the
// team of its name), its members are replaced, added and removed while
// leads stay, the department sync adds nobody to it, a name in use is a
// conflict, and a deleted group's team stays, no longer managed.
func TestProvisionGroups(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		if _, err := s.ImportPeople(ctx, demo.People(), false); err != nil {
			t.Fatal(err)
		}
		if err := s.SyncDepartmentTeams(ctx); err != nil {
			t.Fatal(err)
		}
		person := func(email string) int64 {
			t.Helper()
			p, err := s.FindPersonByEmail(ctx, email)
			if err != nil {
				t.Fatal(err)
			}
			return p.ID
		}
		jan, anna := person("jan.devries@example.nl"), person("anna.bakker@example.nl")
		members := func(g *intranet.ProvisionedGroup) []int64 {
			var ids []int64
			for _, m := range g.Members {
				ids = append(ids, m.PersonID)
			}
			return ids
		}

		g, err := s.ProvisionGroup(ctx, intranet.ProvisionedGroup{Name: "Wijkteam Noord", ExternalID: "grp-1", Members: []intranet.GroupMember{{PersonID: jan}}})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(members(g), []int64{jan}) || g.ExternalID != "grp-1" {
			t.Fatalf("group = %+v", g)
		}
		if _, err := s.ProvisionGroup(ctx, intranet.ProvisionedGroup{Name: "wijkteam  noord"}); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Errorf("same name: %v, want ECONFLICT", err)
		}
		if _, err := s.ProvisionGroup(ctx, intranet.ProvisionedGroup{Name: "Ander", Members: []intranet.GroupMember{{PersonID: 999999}}}); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("unknown member: %v, want ENOTFOUND", err)
		}
		if _, err := s.SetTeamLead(ctx, g.ID, anna, true); err != nil {
			t.Fatal(err)
		}
		g, err = s.UpdateProvisionedGroup(ctx, g.ID, intranet.GroupUpdate{Add: []int64{anna}})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(members(g), []int64{jan, anna}) && !slices.Equal(members(g), []int64{anna, jan}) {
			t.Fatalf("after add: %v", members(g))
		}
		g, err = s.UpdateProvisionedGroup(ctx, g.ID, intranet.GroupUpdate{Remove: []int64{jan}})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(members(g), []int64{anna}) {
			t.Fatalf("after remove: %v", members(g))
		}
		name := "Wijkteam Noord-Oost"
		g, err = s.UpdateProvisionedGroup(ctx, g.ID, intranet.GroupUpdate{Name: &name, Members: &[]int64{jan}})
		if err != nil {
			t.Fatal(err)
		}
		if g.Name != name || !slices.Equal(members(g), []int64{jan}) {
			t.Fatalf("after replace: %+v", g)
		}
		team, err := s.FindTeamByID(ctx, g.ID)
		if err != nil {
			t.Fatal(err)
		}
		if team.ManagedBy != intranet.ManagedBySCIM || !team.IsLead(anna) || team.IsMember(anna) {
			t.Fatalf("team = %+v", team)
		}

		// The department's team taken over: the sync adds no new colleague.
		zorg, err := s.FindTeamByName(ctx, "Zorg Oost")
		if err != nil {
			t.Fatal(err)
		}
		adopted, err := s.ProvisionGroup(ctx, intranet.ProvisionedGroup{Name: "zorg oost", Members: []intranet.GroupMember{{PersonID: jan}}})
		if err != nil {
			t.Fatal(err)
		}
		if adopted.ID != zorg.ID || !slices.Equal(members(adopted), []int64{jan}) {
			t.Fatalf("adopted = %+v (team %d)", adopted, zorg.ID)
		}
		if _, err := s.ImportPeople(ctx, []intranet.PersonRecord{{Name: "Nieuw Mens", Email: "nieuw@example.nl", Department: "Zorg Oost"}}, false); err != nil {
			t.Fatal(err)
		}
		if err := s.SyncDepartmentTeams(ctx); err != nil {
			t.Fatal(err)
		}
		if g, _ := s.ProvisionedGroup(ctx, zorg.ID); !slices.Equal(members(g), []int64{jan}) {
			t.Fatalf("after department sync: %v", members(g))
		}

		list, total, err := s.ProvisionedGroups(ctx, intranet.GroupQuery{Name: "ZORG OOST"})
		if err != nil || total != 1 || len(list) != 1 || list[0].ID != zorg.ID {
			t.Fatalf("by name: %v %d %v", list, total, err)
		}
		list, total, err = s.ProvisionedGroups(ctx, intranet.GroupQuery{Offset: 1, Limit: 5})
		if err != nil || total != 2 || len(list) != 1 || list[0].ID != g.ID { // by id: the department team is older
			t.Fatalf("page 2: %v %d %v", list, total, err)
		}

		if err := s.UnprovisionGroup(ctx, g.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.ProvisionedGroup(ctx, g.ID); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Fatalf("after delete: %v", err)
		}
		team, err = s.FindTeamByID(ctx, g.ID)
		if err != nil {
			t.Fatal(err)
		}
		if team.ManagedBy != "" || !team.IsMember(jan) || !team.IsLead(anna) {
			t.Fatalf("team after delete = %+v", team)
		}
		log, err := s.AuditLog(ctx, intranet.AuditQuery{})
		if err != nil {
			t.Fatal(err)
		}
		var actions []string
		for _, e := range log {
			if e.Actor == "scim" {
				actions = append(actions, e.Action)
			}
		}
		want := []string{"scim group create", "scim group update", "scim group update", "scim group update", "scim group adopt", "scim group delete"}
		if !slices.Equal(actions, want) {
			t.Fatalf("audit = %v, want %v", actions, want)
		}
	})
}

// TestImportTeamsManaged: a teams file may not list members of a managed
// team (they come from the identity provider); its leads it may.
func TestImportTeamsManaged(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		if _, err := s.ImportPeople(ctx, demo.People(), false); err != nil {
			t.Fatal(err)
		}
		if _, err := s.ProvisionGroup(ctx, intranet.ProvisionedGroup{Name: "Wijkteam Noord"}); err != nil {
			t.Fatal(err)
		}
		_, err := s.ImportTeams(ctx, []intranet.TeamRecord{{Line: 2, Name: "wijkteam noord", Members: []string{"jan.devries@example.nl"}}}, false)
		var ie *intranet.ImportError
		if !errors.As(err, &ie) || len(ie.Problems) != 1 || !strings.Contains(ie.Problems[0].Reason, "come from the identity provider (Entra ID, Okta)") {
			t.Fatalf("members of a managed team: %v", err)
		}
		if _, err := s.ImportTeams(ctx, []intranet.TeamRecord{{Line: 2, Name: "Wijkteam Noord", Leads: []string{"jan.devries@example.nl"}}}, false); err != nil {
			t.Fatalf("leads of a managed team: %v", err)
		}
	})
}
