package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/store"
)

// TestPartnerInNoTeam: a partner is never a team member or lead, though
// their department is a team's: the department sync leaves them out
// (before it first ran and after), a member or lead added by hand or by a
// team file is refused, and an identity provider's group leaves them out.
func TestPartnerInNoTeam(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
		s.Now = func() time.Time { return now }
		seed(t, s)
		org, err := s.AddOrganisation(ctx, "Thuiszorg Midden")
		if err != nil {
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
		kees, pieter, eva := person("kees.janssen@example.nl"), person("pieter.jansen@example.nl"), person("eva.bakker@example.nl")
		// Kees (Zorg West) is a partner before the teams exist.
		if err := s.SetOrganisation(ctx, kees.ID, org.ID); err != nil {
			t.Fatal(err)
		}
		if err := s.SyncDepartmentTeams(ctx); err != nil {
			t.Fatal(err)
		}
		inTeams := func(p *intranet.Person) []*intranet.Team {
			t.Helper()
			teams, err := s.TeamsOf(ctx, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			return teams
		}
		if teams := inTeams(kees); len(teams) != 0 {
			t.Errorf("a partner synced into %s", teams[0].Name)
		}
		if teams := inTeams(pieter); len(teams) != 1 {
			t.Fatalf("pieter in %d teams", len(teams))
		}
		// Pieter (Zorg Oost) becomes one later: he leaves his team, and the
		// next sync does not bring him back.
		now = now.Add(time.Hour)
		if err := s.SetOrganisation(ctx, pieter.ID, org.ID); err != nil {
			t.Fatal(err)
		}
		if err := s.SyncDepartmentTeams(ctx); err != nil {
			t.Fatal(err)
		}
		if teams := inTeams(pieter); len(teams) != 0 {
			t.Errorf("a partner synced back into %s", teams[0].Name)
		}
		oost, err := s.FindTeamByName(ctx, "Zorg Oost")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.SetTeamMember(ctx, oost.ID, pieter.ID, true); intranet.ErrorCode(err) != intranet.EINVALID {
			t.Errorf("member: %v", err)
		}
		if _, err := s.SetTeamLead(ctx, oost.ID, kees.ID, true); intranet.ErrorCode(err) != intranet.EINVALID {
			t.Errorf("lead: %v", err)
		}
		if changed, err := s.SetTeamMember(ctx, oost.ID, pieter.ID, false); err != nil || changed {
			t.Errorf("removing a partner: %v, %v", changed, err)
		}
		// A team file naming a partner is refused, dry run too.
		for _, dry := range []bool{true, false} {
			_, err := s.ImportTeams(ctx, []intranet.TeamRecord{{Line: 2, Name: "Nachtdienst", Members: []string{"eva.bakker@example.nl", "kees.janssen@example.nl"}, Leads: []string{"pieter.jansen@example.nl"}}}, dry)
			var ie *intranet.ImportError
			if !errors.As(err, &ie) || len(ie.Problems) != 1 || ie.Problems[0].Reason != "a partner is in no team: pieter.jansen@example.nl, kees.janssen@example.nl" {
				t.Errorf("team file (dry %v): %v", dry, err)
			}
		}
		if _, err := s.FindTeamByName(ctx, "Nachtdienst"); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("refused team file made a team: %v", err)
		}
		// The identity provider's group: the partner is left out.
		g, err := s.ProvisionGroup(ctx, intranet.ProvisionedGroup{Name: "Wijkteam Noord", Members: []intranet.GroupMember{{PersonID: eva.ID}, {PersonID: kees.ID}}})
		if err != nil {
			t.Fatal(err)
		}
		if len(g.Members) != 1 || g.Members[0].PersonID != eva.ID {
			t.Errorf("group members = %+v", g.Members)
		}
		add := []int64{pieter.ID}
		if g, err = s.UpdateProvisionedGroup(ctx, g.ID, intranet.GroupUpdate{Add: add}); err != nil {
			t.Fatal(err)
		}
		if len(g.Members) != 1 {
			t.Errorf("group members after adding a partner = %+v", g.Members)
		}
		for _, p := range []*intranet.Person{kees, pieter} {
			if teams := inTeams(p); len(teams) != 0 {
				t.Errorf("%s in %s", p.Name, teams[0].Name)
			}
		}
	})
}
