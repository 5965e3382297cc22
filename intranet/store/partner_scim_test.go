package store_test

import (
	"context"
	"testing"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/store"
)

// TestProvisionOrganisation: the identity provider's organization, kept
// as sent, makes a person the partner of the partner organisation it names
// (any letter case), out of their teams and roles; one that names none
// (the employer's own name) changes nothing; the last admin is not made a
// partner this way either.
func TestProvisionOrganisation(t *testing.T) {
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
		eva, err := s.ProvisionPerson(ctx, intranet.ProvisionedPerson{UserName: "eva@zorg.onmicrosoft.com", Name: "Eva Bakker", Email: "eva.bakker@example.nl",
			Department: "Zorg Oost", Organisation: "Zorg Thuis BV"})
		if err != nil || eva.Organisation != "Zorg Thuis BV" {
			t.Fatalf("employer's name: %+v, %v", eva, err)
		}
		if p, _ := s.FindPersonByID(ctx, eva.ID); p.OrganisationID != 0 {
			t.Errorf("the employer's name made a partner: %+v", p)
		}

		anouk, _ := s.FindPersonByEmail(ctx, "anouk.vandenberg@example.nl")
		if !inTeam(t, s, "Zorg Oost", anouk.ID) {
			t.Fatal("Anouk is not in her team")
		}
		got, err := s.ProvisionPerson(ctx, intranet.ProvisionedPerson{UserName: "anouk@zorg.onmicrosoft.com", Name: "Anouk van den Berg",
			Email: "anouk.vandenberg@example.nl", Department: "Zorg Oost", Organisation: "thuiszorg MIDDEN"})
		if err != nil || got.Organisation != "thuiszorg MIDDEN" {
			t.Fatalf("partner: %+v, %v", got, err)
		}
		p, _ := s.FindPersonByID(ctx, anouk.ID)
		if p.OrganisationID != org.ID || len(p.Roles) != 0 || inTeam(t, s, "Zorg Oost", anouk.ID) {
			t.Errorf("partner: organisation %d, roles %v, in team %v", p.OrganisationID, p.Roles, inTeam(t, s, "Zorg Oost", anouk.ID))
		}
		// The employer's name again (or nothing): she stays a partner.
		for _, name := range []string{"", "Zorg Thuis BV"} {
			got.Organisation = name
			if again, err := s.ReplaceProvisionedPerson(ctx, *got); err != nil || again.Organisation != name {
				t.Fatalf("replace %q: %+v, %v", name, again, err)
			}
			if p, _ := s.FindPersonByID(ctx, anouk.ID); p.OrganisationID != org.ID {
				t.Errorf("replace %q: organisation %d", name, p.OrganisationID)
			}
		}
		// Importing the file again (without the column) keeps it all.
		seed(t, s)
		if pp, _ := s.ProvisionedPerson(ctx, anouk.ID); pp.Organisation != "Zorg Thuis BV" {
			t.Errorf("after an import: %+v", pp)
		}
		if p, _ := s.FindPersonByID(ctx, anouk.ID); p.OrganisationID != org.ID {
			t.Errorf("after an import: organisation %d", p.OrganisationID)
		}

		_, err = s.ProvisionPerson(ctx, intranet.ProvisionedPerson{UserName: "sanne@zorg.onmicrosoft.com", Name: "Sanne Müller",
			Email: "sanne.muller@example.nl", Organisation: "Thuiszorg Midden"})
		if intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Errorf("the last admin made a partner: %v", err)
		}
	})
}
