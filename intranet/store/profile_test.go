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

// TestProfile: a person's own fields are stored, searchable at once and
// kept by a later import; away and the mobile's visibility are stored and
// cleared; unknown people and visibilities are refused with their codes.
func TestProfile(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s)
		p, err := s.FindPersonByEmail(ctx, "anouk.vandenberg@example.nl")
		if err != nil {
			t.Fatal(err)
		}
		mobile, location, skills := "+31 6 5555 0000", "Zeist", []string{"Stomazorg", " ", "stomazorg", "Palliatieve zorg"}
		if err := s.UpdateProfile(ctx, p.ID, intranet.ProfileUpdate{Mobile: &mobile, Location: &location, Skills: &skills}); err != nil {
			t.Fatal(err)
		}
		got, _ := s.FindPersonByID(ctx, p.ID)
		if got.Mobile != mobile || got.Location != location || !slices.Equal(got.Skills, []string{"Stomazorg", "Palliatieve zorg"}) ||
			!slices.Equal(got.OwnFields, []string{"location", "mobile", "skills"}) {
			t.Errorf("stored: %+v", got)
		}
		for q, want := range map[string]bool{"0655550000": true, "0611111111": false, "zeist": true, "stomazorg": true, "palliatieve": true, "planning": false} {
			res, err := s.SearchPeople(ctx, intranet.PersonSearch{Query: q})
			if err != nil {
				t.Fatal(err)
			}
			found := slices.ContainsFunc(res.Matches, func(m intranet.PersonMatch) bool { return m.Person.ID == p.ID })
			if found != want {
				t.Errorf("search %q finds her: %v, want %v", q, found, want)
			}
		}
		if all, _ := s.Skills(ctx); !slices.Contains(all, "Stomazorg") || !slices.Contains(all, "Palliatieve zorg") || !slices.Contains(all, "Planning") {
			t.Errorf("skills: %v", all)
		}
		// The file again: her own fields stay, the rest follows the file.
		recs, _ := phonebook.ParseCSV(strings.NewReader(strings.Replace(testPeople, ",Teamleider,", ",Hoofd zorg,", 1)))
		if _, err := s.ImportPeople(ctx, recs, false); err != nil {
			t.Fatal(err)
		}
		got, _ = s.FindPersonByID(ctx, p.ID)
		if got.Mobile != mobile || got.Location != location || len(got.Skills) != 2 || got.Title != "Hoofd zorg" {
			t.Errorf("after the import: %+v", got)
		}

		if err := s.SetAway(ctx, p.ID, "2026-12-24", "met verlof"); err != nil {
			t.Fatal(err)
		}
		if got, _ = s.FindPersonByID(ctx, p.ID); got.AwayUntil != "2026-12-24" || got.AwayNote != "met verlof" || !got.AwayOn("2026-12-24") || got.AwayOn("2026-12-25") {
			t.Errorf("away: %+v", got)
		}
		if err := s.SetAway(ctx, p.ID, "", "ignored"); err != nil {
			t.Fatal(err)
		}
		if got, _ = s.FindPersonByID(ctx, p.ID); got.AwayUntil != "" || got.AwayNote != "" {
			t.Errorf("back: %q %q", got.AwayUntil, got.AwayNote)
		}
		if err := s.SetMobileVisibility(ctx, p.ID, intranet.VisibleTeam); err != nil {
			t.Fatal(err)
		}
		if got, _ = s.FindPersonByID(ctx, p.ID); got.MobileVisibility != intranet.VisibleTeam {
			t.Errorf("visibility: %q", got.MobileVisibility)
		}
		if err := s.SetMobileVisibility(ctx, p.ID, "friends"); intranet.ErrorCode(err) != intranet.EINVALID {
			t.Errorf("a bad visibility: %v", err)
		}
		for name, err := range map[string]error{
			"profile":    s.UpdateProfile(ctx, 99999, intranet.ProfileUpdate{Location: &location}),
			"away":       s.SetAway(ctx, 99999, "2026-12-24", ""),
			"visibility": s.SetMobileVisibility(ctx, 99999, intranet.VisibleHidden),
		} {
			if intranet.ErrorCode(err) != intranet.ENOTFOUND {
				t.Errorf("%s of nobody: %v", name, err)
			}
		}
	})
}
