package store_test

import (
	"context"
	"testing"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/store"
)

// TestFindPeopleWithRole: only the people who hold the role, with their
// accounts; "admin" is not "room admin".
func TestFindPeopleWithRole(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s)
		sanne, err := s.FindPersonByEmail(ctx, "sanne.muller@example.nl")
		if err != nil {
			t.Fatal(err)
		}
		if err := s.LinkAccount(ctx, intranet.Account{Platform: intranet.PlatformSlack, Installation: "T1", UserID: "U1", PersonID: sanne.ID}); err != nil {
			t.Fatal(err)
		}
		admins, err := s.FindPeopleWithRole(ctx, intranet.RoleAdmin)
		if err != nil {
			t.Fatal(err)
		}
		if len(admins) != 1 || admins[0].Email != "sanne.muller@example.nl" || len(admins[0].Accounts) != 1 || admins[0].Accounts[0].UserID != "U1" {
			t.Fatalf("admins %+v", admins)
		}
		if nobody, err := s.FindPeopleWithRole(ctx, intranet.RoleGuest); err != nil || len(nobody) != 0 {
			t.Errorf("guests %v, %v", nobody, err)
		}
	})
}
