package store_test

import (
	"context"
	"errors"
	"strings"
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

// TestLastAdminStays: the store itself refuses to take the role, or the
// person, of the last active admin, also when two admins take each
// other's role (or deactivate each other) at the same moment: one of the
// two changes goes through, the other is refused, one admin is left.
func TestLastAdminStays(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		if _, err := s.ImportPeople(ctx, []intranet.PersonRecord{
			{Line: 2, Name: "Anouk Admin", Email: "anouk@example.nl", Roles: []intranet.Role{intranet.RoleAdmin}},
			{Line: 3, Name: "Bram Beheer", Email: "bram@example.nl", Roles: []intranet.Role{intranet.RoleAdmin}},
		}, false); err != nil {
			t.Fatal(err)
		}
		anouk, _ := s.FindPersonByEmail(ctx, "anouk@example.nl")
		bram, _ := s.FindPersonByEmail(ctx, "bram@example.nl")
		admins := func() int {
			t.Helper()
			got, err := s.FindPeopleWithRole(ctx, intranet.RoleAdmin)
			if err != nil {
				t.Fatal(err)
			}
			return len(got)
		}
		both := func(a, b func() error) {
			t.Helper()
			errs := make(chan error, 2)
			for _, f := range []func() error{a, b} {
				go func() { errs <- f() }()
			}
			var refused int
			for range 2 {
				switch err := <-errs; intranet.ErrorCode(err) {
				case "":
				case intranet.ECONFLICT:
					refused++
				default:
					t.Fatal(err)
				}
			}
			if refused != 1 || admins() != 1 {
				t.Fatalf("refused %d, admins left %d", refused, admins())
			}
		}
		employee := []intranet.Role{intranet.RoleEmployee}
		both(func() error { return s.SetRoles(ctx, anouk.ID, employee) }, func() error { return s.SetRoles(ctx, bram.ID, employee) })
		if err := s.SetRoles(ctx, anouk.ID, []intranet.Role{intranet.RoleAdmin}); err != nil {
			t.Fatal(err)
		}
		if err := s.SetRoles(ctx, bram.ID, []intranet.Role{intranet.RoleAdmin}); err != nil {
			t.Fatal(err)
		}
		both(func() error { _, _, err := s.DeactivatePerson(ctx, anouk.ID, 0); return err },
			func() error { _, _, err := s.DeactivatePerson(ctx, bram.ID, 0); return err })
		// Whoever is left is the last: neither change goes through.
		last, _ := s.FindPeopleWithRole(ctx, intranet.RoleAdmin)
		if err := s.SetRoles(ctx, last[0].ID, employee); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Errorf("the last admin's role taken: %v", err)
		}
		if _, _, err := s.DeactivatePerson(ctx, last[0].ID, 0); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Errorf("the last admin deactivated: %v", err)
		}
		if _, err := s.ErasePerson(ctx, last[0].ID); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Errorf("the last admin erased: %v", err)
		}
		if admins() != 1 {
			t.Errorf("admins left %d", admins())
		}
	})
}

// TestImportKeepsAnAdmin: a people file that takes the admin role from
// every active admin is refused, in a dry run too, naming its lines, and
// changes nothing; a file that leaves or makes another admin is taken.
func TestImportKeepsAnAdmin(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s) // sanne.muller is the one admin
		sanne := intranet.PersonRecord{Line: 2, Name: "Sanne Müller", Email: "Sanne.Muller@example.nl", Roles: []intranet.Role{intranet.RoleEmployee}}
		for _, dry := range []bool{true, false} {
			_, err := s.ImportPeople(ctx, []intranet.PersonRecord{sanne}, dry)
			var ie *intranet.ImportError
			if !errors.As(err, &ie) || len(ie.Problems) != 1 || ie.Problems[0].Line != 2 || !strings.Contains(ie.Problems[0].Message("nl"), "geen beheerder") {
				t.Fatalf("dry run %v: %v", dry, err)
			}
		}
		if admins, err := s.FindPeopleWithRole(ctx, intranet.RoleAdmin); err != nil || len(admins) != 1 {
			t.Fatalf("after the refusal: %v, %v", admins, err)
		}
		// With a new admin in the same file, Sanne may lose the role.
		kees := intranet.PersonRecord{Line: 3, Name: "Kees Admin", Email: "kees.admin@example.nl", Roles: []intranet.Role{intranet.RoleAdmin}}
		if _, err := s.ImportPeople(ctx, []intranet.PersonRecord{sanne, kees}, false); err != nil {
			t.Fatal(err)
		}
		admins, err := s.FindPeopleWithRole(ctx, intranet.RoleAdmin)
		if err != nil || len(admins) != 1 || admins[0].Email != "kees.admin@example.nl" {
			t.Fatalf("admins %v, %v", admins, err)
		}
	})
}
