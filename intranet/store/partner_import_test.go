package store_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/phonebook"
	"github.com/werkplek/werkplek/intranet/store"
)

// inTeam reports whether the person is in the team (member or lead).
func inTeam(t *testing.T, s *store.Store, team string, personID int64) bool {
	t.Helper()
	tm, err := s.FindTeamByName(context.Background(), team)
	if err != nil {
		t.Fatal(err)
	}
	return slices.ContainsFunc(tm.Members, func(m intranet.TeamMember) bool { return m.PersonID == personID })
}

func parse(t *testing.T, csv string) []intranet.PersonRecord {
	t.Helper()
	recs, probs := phonebook.ParseCSV(strings.NewReader(csv))
	if len(probs) > 0 {
		t.Fatalf("parse: %v", probs)
	}
	return recs
}

// TestImportOrganisations: the organisation column makes people partners
// of an organisation found case- and accent-insensitively or added (a dry
// run says which, and per line that the organisation changes); a partner
// leaves their teams and contacts and keeps no role beyond employee; a
// file without the column keeps organisations, an empty one in a file
// with it makes the person an employee again.
func TestImportOrganisations(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s)
		if err := s.SyncDepartmentTeams(ctx); err != nil {
			t.Fatal(err)
		}
		org, err := s.AddOrganisation(ctx, "Thuiszorg Midden")
		if err != nil {
			t.Fatal(err)
		}
		pieter, _ := s.FindPersonByEmail(ctx, "pieter.jansen@example.nl")
		kees, _ := s.FindPersonByEmail(ctx, "kees.janssen@example.nl")
		if !inTeam(t, s, "Zorg Oost", pieter.ID) || !inTeam(t, s, "Zorg West", kees.ID) {
			t.Fatal("not in their department teams")
		}
		if err := s.AddPartnerContact(ctx, org.ID, pieter.ID); err != nil {
			t.Fatal(err)
		}
		file := `name,email,department,roles,organisatie
Pieter Jansen,pieter.jansen@example.nl,Zorg Oost,,thuiszorg middén
Kees Janssen,kees.janssen@example.nl,Zorg West,team lead;guest,Hulpmiddelen  BV
Anna Smit,anna@hulp.example,,,hulpmiddelen bv
Eva Bakker,eva.bakker@example.nl,Zorg Oost,,
`
		dry, err := s.ImportPeople(ctx, parse(t, file), true)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(dry.Organisations, []string{"Hulpmiddelen BV"}) || dry.Created != 1 {
			t.Errorf("dry run: %+v", dry)
		}
		for _, l := range dry.Lines[:2] {
			if !slices.Contains(l.Fields, "organisation") {
				t.Errorf("dry run line %d: %+v", l.Line, l)
			}
		}
		if slices.Contains(dry.Lines[3].Fields, "organisation") {
			t.Errorf("an employee stays one: %+v", dry.Lines[3])
		}
		if orgs, _ := s.Organisations(ctx); len(orgs) != 1 {
			t.Fatalf("the dry run added an organisation: %+v", orgs)
		}
		sum, err := s.ImportPeople(ctx, parse(t, file), false)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(sum.Organisations, []string{"Hulpmiddelen BV"}) || sum.Created != 1 {
			t.Errorf("import: %+v", sum)
		}
		hulp, err := s.FindOrganisation(ctx, "HULPMIDDELEN BV")
		if err != nil || hulp.Name != "Hulpmiddelen BV" || hulp.Members != 2 {
			t.Fatalf("added organisation: %+v, %v", hulp, err)
		}
		pieter, _ = s.FindPersonByEmail(ctx, "pieter.jansen@example.nl")
		kees, _ = s.FindPersonByEmail(ctx, "kees.janssen@example.nl")
		anna, _ := s.FindPersonByEmail(ctx, "anna@hulp.example")
		if pieter.OrganisationID != org.ID || kees.OrganisationID != hulp.ID || anna.OrganisationID != hulp.ID {
			t.Errorf("organisations: pieter %d, kees %d, anna %d", pieter.OrganisationID, kees.OrganisationID, anna.OrganisationID)
		}
		if !slices.Equal(kees.Roles, []intranet.Role{intranet.RoleGuest}) {
			t.Errorf("a partner keeps no team lead role: %v", kees.Roles)
		}
		if err := s.SyncDepartmentTeams(ctx); err != nil {
			t.Fatal(err)
		}
		if inTeam(t, s, "Zorg Oost", pieter.ID) || inTeam(t, s, "Zorg West", kees.ID) {
			t.Error("a partner stays in a team")
		}
		if cs, _ := s.PartnerContacts(ctx, org.ID); len(cs) != 0 {
			t.Errorf("a partner stays a contact: %v", cs)
		}
		again, err := s.ImportPeople(ctx, parse(t, file), false)
		if err != nil || again.Created+again.Updated != 0 || len(again.Organisations) != 0 {
			t.Errorf("the same file again: %+v, %v", again, err)
		}

		// Without the column: organisations stay, and so does a partner's
		// lack of roles.
		without := "name,email,department,roles\nPieter Jansen,pieter.jansen@example.nl,Zorg Oost,admin\n"
		if sum, err := s.ImportPeople(ctx, parse(t, without), false); err != nil || sum.Updated != 0 {
			t.Errorf("without the column: %+v, %v", sum, err)
		}
		if p, _ := s.FindPersonByEmail(ctx, "pieter.jansen@example.nl"); p.OrganisationID != org.ID || len(p.Roles) != 0 {
			t.Errorf("without the column: %+v", p)
		}

		// An empty organisation in a file with the column: an employee again.
		back := "name,email,department,organisation\nPieter Jansen,pieter.jansen@example.nl,Zorg Oost,\n"
		sum, err = s.ImportPeople(ctx, parse(t, back), false)
		if err != nil || sum.Updated != 1 || !slices.Equal(sum.Lines[0].Fields, []string{"organisation"}) {
			t.Errorf("back: %+v, %v", sum, err)
		}
		if p, _ := s.FindPersonByEmail(ctx, "pieter.jansen@example.nl"); p.OrganisationID != 0 || p.IsGuest() {
			t.Errorf("back: %+v", p)
		}
	})
}
