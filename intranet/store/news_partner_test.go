package store_test

import (
	"context"
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/store"
)

// TestNewsForPartners: an item addressed to partners, or to one partner
// organisation, keeps its audience through create, read and edit (with the
// organisation's name), and an unknown organisation is refused.
func TestNewsForPartners(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s)
		author := personID(t, s, "anouk.vandenberg@example.nl")
		now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
		org, err := s.AddOrganisation(ctx, "Thuiszorg Midden")
		if err != nil {
			t.Fatal(err)
		}
		all, err := s.CreateNews(ctx, intranet.NewNewsItem{Title: "Nieuw protocol", Body: "Voor alle partners.", Partners: true, AuthorID: author}, now)
		if err != nil || !all.Partners || all.PartnerOrgID != 0 || all.PartnerOrg != "" {
			t.Fatalf("for every partner: %+v %v", all, err)
		}
		// An organisation alone makes it an item for partners.
		one, err := s.CreateNews(ctx, intranet.NewNewsItem{Title: "Overdracht", Body: "Voor Thuiszorg Midden.", PartnerOrgID: org.ID, AuthorID: author}, now)
		if err != nil || !one.Partners || one.PartnerOrgID != org.ID || one.PartnerOrg != "Thuiszorg Midden" {
			t.Fatalf("for one organisation: %+v %v", one, err)
		}
		if _, err := s.CreateNews(ctx, intranet.NewNewsItem{Title: "x", Body: "y", PartnerOrgID: org.ID + 99, AuthorID: author}, now); intranet.ErrorCode(err) != intranet.EINVALID {
			t.Errorf("unknown organisation: %v", err)
		}
		if list, err := s.News(ctx, intranet.NewsFilter{}); err != nil || len(list) != 2 || list[0].PartnerOrg == "" && list[1].PartnerOrg == "" {
			t.Errorf("list: %+v %v", list, err)
		}

		// Edits: to every partner, back to employees only (the
		// organisation goes with it), to one organisation.
		zero, yes, no := int64(0), true, false
		n, err := s.UpdateNews(ctx, one.ID, intranet.NewsUpdate{PartnerOrgID: &zero}, now)
		if err != nil || !n.Partners || n.PartnerOrgID != 0 {
			t.Errorf("to every partner: %+v %v", n, err)
		}
		n, err = s.UpdateNews(ctx, one.ID, intranet.NewsUpdate{PartnerOrgID: &org.ID}, now)
		if err != nil || n.PartnerOrgID != org.ID {
			t.Errorf("to the organisation: %+v %v", n, err)
		}
		n, err = s.UpdateNews(ctx, one.ID, intranet.NewsUpdate{Partners: &no}, now)
		if err != nil || n.Partners || n.PartnerOrgID != 0 || n.PartnerOrg != "" {
			t.Errorf("to employees only: %+v %v", n, err)
		}
		bad := org.ID + 99
		if _, err := s.UpdateNews(ctx, one.ID, intranet.NewsUpdate{Partners: &yes, PartnerOrgID: &bad}, now); intranet.ErrorCode(err) != intranet.EINVALID {
			t.Errorf("edit to an unknown organisation: %v", err)
		}
	})
}

// TestNewsScopeQueryIsSees: the store's NewsFilter.Scope keeps exactly the
// items NewsScope.Sees lets through, for every kind of scope and item
// (employees, a department, those who manage content, a partner of either
// organisation, a shared channel, nobody).
func TestNewsScopeQueryIsSees(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s)
		author := personID(t, s, "anouk.vandenberg@example.nl")
		now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
		a, err := s.AddOrganisation(ctx, "Thuiszorg Midden")
		if err != nil {
			t.Fatal(err)
		}
		b, err := s.AddOrganisation(ctx, "Apotheek Oost")
		if err != nil {
			t.Fatal(err)
		}
		var items []*intranet.NewsItem
		for _, n := range []intranet.NewNewsItem{
			{Title: "everyone"},
			{Title: "zorg oost", Department: "Zorg Oost"},
			{Title: "partners", Partners: true},
			{Title: "partner a", Partners: true, PartnerOrgID: a.ID},
			{Title: "partner b", PartnerOrgID: b.ID},
			{Title: "partners and zorg oost", Partners: true, Department: "Zorg Oost"},
			{Title: "partner a and ict", PartnerOrgID: a.ID, Department: "ICT"},
		} {
			n.Body, n.AuthorID = "text", author
			item, err := s.CreateNews(ctx, n, now)
			if err != nil {
				t.Fatal(err)
			}
			items = append(items, item)
		}
		for _, sc := range []intranet.NewsScope{
			{}, {All: true}, {None: true}, {Department: "Zorg Oost"}, {Department: "zorg oost"}, {Department: "ICT"},
			{Partner: a.ID}, {Partner: b.ID}, {Partner: b.ID + 99}, {PartnersOnly: true},
			{All: true, Partner: a.ID}, {All: true, PartnersOnly: true}, {None: true, Partner: a.ID}, {Department: "ICT", Partner: b.ID},
		} {
			var want []string
			for _, n := range items {
				if sc.Sees(n) {
					want = append(want, n.Title)
				}
			}
			sc := sc
			list, err := s.News(ctx, intranet.NewsFilter{Scope: &sc})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, n := range list {
				got = append(got, n.Title)
			}
			sort.Strings(want)
			sort.Strings(got)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("scope %+v: the query keeps %q, Sees %q", sc, got, want)
			}
		}
	})
}

// TestNewsAudienceOfPartnerItems: an item for employees asks no partner to
// confirm; one for every partner asks every partner (on a guest account
// too) besides the employees; one for an organisation asks only its
// people besides the employees.
func TestNewsAudienceOfPartnerItems(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s)
		author := personID(t, s, "anouk.vandenberg@example.nl")
		now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
		a, _ := s.AddOrganisation(ctx, "Thuiszorg Midden")
		b, _ := s.AddOrganisation(ctx, "Apotheek Oost")
		anna, _, err := s.AddPartnerPerson(ctx, a.ID, "anna@thuiszorgmidden.nl", "Anna Smit")
		if err != nil {
			t.Fatal(err)
		}
		bob, _, err := s.AddPartnerPerson(ctx, b.ID, "bob@apotheekoost.nl", "Bob Bakker")
		if err != nil {
			t.Fatal(err)
		}
		if err := s.LinkAccount(ctx, intranet.Account{Platform: intranet.PlatformSlack, Installation: "T1", UserID: "UANNA", PersonID: anna.ID, Guest: true}); err != nil {
			t.Fatal(err)
		}
		audience := func(n intranet.NewNewsItem) map[int64]intranet.NewsReader {
			t.Helper()
			n.Title, n.Body, n.AuthorID, n.Important = "Item", "Tekst", author, true
			item, err := s.CreateNews(ctx, n, now)
			if err != nil {
				t.Fatal(err)
			}
			readers, err := s.NewsAudience(ctx, item.ID)
			if err != nil {
				t.Fatal(err)
			}
			out := map[int64]intranet.NewsReader{}
			for _, r := range readers {
				out[r.PersonID] = r
			}
			return out
		}
		employees := audience(intranet.NewNewsItem{})
		if _, ok := employees[anna.ID]; ok || len(employees) == 0 {
			t.Errorf("an item for employees asks a partner, or nobody: %v", employees)
		}
		if _, ok := employees[bob.ID]; ok {
			t.Errorf("an item for employees asks Bob")
		}
		everyPartner := audience(intranet.NewNewsItem{Partners: true})
		if r, ok := everyPartner[anna.ID]; !ok || r.Organisation != "Thuiszorg Midden" || len(r.Accounts) != 1 || r.Accounts[0].UserID != "UANNA" {
			t.Errorf("every partner: Anna %+v", r)
		}
		if _, ok := everyPartner[bob.ID]; !ok || len(everyPartner) != len(employees)+2 {
			t.Errorf("every partner: %d readers, employees %d", len(everyPartner), len(employees))
		}
		onlyA := audience(intranet.NewNewsItem{PartnerOrgID: a.ID, Department: "Zorg Oost"})
		if _, ok := onlyA[bob.ID]; ok {
			t.Errorf("an item for Thuiszorg Midden asks Bob")
		}
		if _, ok := onlyA[anna.ID]; !ok {
			t.Errorf("an item for Thuiszorg Midden does not ask Anna")
		}
		for id, r := range onlyA {
			if id != anna.ID && r.Department != "Zorg Oost" {
				t.Errorf("an item for Zorg Oost and Thuiszorg Midden asks %+v", r)
			}
		}
	})
}
