package store_test

import (
	"context"
	"testing"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/store"
)

// TestPartnerOrganisations: an organisation with a domain, a contact and a
// member; names and domains are unique across organisations; a partner
// leaves their teams and roles, and an import keeps their organisation.
func TestPartnerOrganisations(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s)
		org, err := s.AddOrganisation(ctx, "  Thuiszorg   Midden ")
		if err != nil || org.Name != "Thuiszorg Midden" {
			t.Fatalf("add: %+v, %v", org, err)
		}
		if _, err := s.AddOrganisation(ctx, "thuiszorg midden"); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Errorf("same name again: %v", err)
		}
		other, err := s.AddOrganisation(ctx, "Hulpmiddelen BV")
		if err != nil {
			t.Fatal(err)
		}
		if err := s.AddPartnerDomain(ctx, org.ID, "@ThuiszorgMidden.nl"); err != nil {
			t.Fatal(err)
		}
		if err := s.AddPartnerDomain(ctx, other.ID, "thuiszorgmidden.nl"); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Errorf("a domain of another: %v", err)
		}
		if err := s.AddPartnerDomain(ctx, org.ID, "not a domain"); intranet.ErrorCode(err) != intranet.EINVALID {
			t.Errorf("no domain: %v", err)
		}
		// The domain of the employees (seed's) is no partner's.
		if err := s.AddPartnerDomain(ctx, other.ID, "Example.nl"); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Errorf("the employees' domain: %v", err)
		}
		if got, err := s.OrganisationOfDomain(ctx, "thuiszorgmidden.nl"); err != nil || got.ID != org.ID {
			t.Errorf("of domain: %+v, %v", got, err)
		}
		sanne, err := s.FindPersonByEmail(ctx, "sanne.muller@example.nl")
		if err != nil {
			t.Fatal(err)
		}
		if err := s.AddPartnerContact(ctx, org.ID, sanne.ID); err != nil {
			t.Fatal(err)
		}
		anna, created, err := s.AddPartnerPerson(ctx, org.ID, "Anna@ThuiszorgMidden.nl", "Anna Smit")
		if err != nil || !created || anna.OrganisationID != org.ID || anna.Organisation != "Thuiszorg Midden" || !anna.IsGuest() {
			t.Fatalf("partner person: %+v, %v, %v", anna, created, err)
		}
		if anna.Label() != "Anna Smit · Thuiszorg Midden (partner)" {
			t.Errorf("label %q", anna.Label())
		}
		if again, created, err := s.AddPartnerPerson(ctx, org.ID, "anna@thuiszorgmidden.nl", ""); err != nil || created || again.ID != anna.ID {
			t.Errorf("again: %+v, %v, %v", again, created, err)
		}
		if err := s.AddPartnerContact(ctx, org.ID, anna.ID); intranet.ErrorCode(err) != intranet.EINVALID {
			t.Errorf("a partner as contact: %v", err)
		}
		orgs, err := s.Organisations(ctx)
		if err != nil || len(orgs) != 2 || orgs[1].Name != "Thuiszorg Midden" || orgs[1].Members != 1 || orgs[1].Contacts != 1 || len(orgs[1].Domains) != 1 || orgs[1].Domains[0] != "thuiszorgmidden.nl" {
			t.Fatalf("organisations: %+v, %v", orgs, err)
		}
		if cs, err := s.PartnerContacts(ctx, org.ID); err != nil || len(cs) != 1 || cs[0].ID != sanne.ID {
			t.Errorf("contacts %v, %v", cs, err)
		}
		// An employee who becomes a partner leaves their roles beyond
		// employee; an import without the column keeps the organisation.
		if err := s.SetOrganisation(ctx, sanne.ID, other.ID); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Errorf("the last admin made a partner: %v", err)
		}
		seed(t, s)
		if got, err := s.FindPersonByID(ctx, anna.ID); err != nil || got.OrganisationID != org.ID {
			t.Errorf("after an import: %+v, %v", got, err)
		}
		if err := s.RemovePartnerContact(ctx, org.ID, sanne.ID); err != nil {
			t.Fatal(err)
		}
		if err := s.RemovePartnerDomain(ctx, org.ID, "thuiszorgmidden.nl"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.OrganisationOfDomain(ctx, "thuiszorgmidden.nl"); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("removed domain: %v", err)
		}
	})
}
