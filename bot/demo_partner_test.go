package main

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/werkplek/werkplek/intranet/demo"
	"github.com/werkplek/werkplek/intranet/store"
)

// TestDemoPartner: `werkplek demo` seeds the partner organisation with its
// domain, its contact and Gijs as its one member (again and again the
// same), and says how to see what a partner sees.
func TestDemoPartner(t *testing.T) {
	bothEngines(t, func(t *testing.T, env map[string]string) {
		for i := 0; i < 2; i++ {
			code, _, errOut := run(t, env, "", "demo")
			if code != 0 || !strings.Contains(errOut, "Hulpmiddelen Partner is a partner organisation (contact anouk.vandenberg@example.nl); to see what a partner sees: werkplek demo --as gijs@partner.example") {
				t.Fatalf("demo: exit %d\n%s", code, errOut)
			}
		}
		ctx := context.Background()
		s, err := store.Open(ctx, env["WERKPLEK_DATABASE_URL"])
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		org, err := s.FindOrganisation(ctx, demo.PartnerName)
		if err != nil || !slices.Equal(org.Domains, []string{"partner.example"}) || org.Members != 1 || org.Contacts != 1 {
			t.Fatalf("organisation: %+v, %v", org, err)
		}
		gijs, err := s.FindPersonByEmail(ctx, demo.PartnerPerson)
		if err != nil || gijs.OrganisationID != org.ID || !gijs.IsPartner() || len(gijs.Roles) != 0 {
			t.Fatalf("Gijs: %+v, %v", gijs, err)
		}
		contacts, err := s.PartnerContacts(ctx, org.ID)
		if err != nil || len(contacts) != 1 || contacts[0].Email != demo.PartnerContact {
			t.Errorf("contacts %v, %v", contacts, err)
		}
	})
}
