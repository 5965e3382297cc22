package demo

import (
	"strings"
	"testing"

	"github.com/werkplek/werkplek/intranet/phonebook"
)

func TestPeople(t *testing.T) {
	people := People()
	if len(people) < 200 || Departments() < 8 {
		t.Fatalf("%d people in %d departments", len(people), Departments())
	}
	// The demo round-trips through the CSV import without a problem.
	recs, probs := phonebook.ParseCSV(strings.NewReader(CSV()))
	if len(probs) > 0 || len(recs) != len(people) {
		t.Fatalf("CSV: %d records, problems %v", len(recs), probs)
	}
	emails := map[string]bool{}
	for _, p := range people {
		emails[p.Email] = true
	}
	jansen, prefixed, accented := 0, 0, 0
	for _, p := range people {
		if p.ManagerEmail != "" && !emails[p.ManagerEmail] {
			t.Errorf("%s has unknown manager %s", p.Email, p.ManagerEmail)
		}
		if strings.HasSuffix(p.Name, " Jansen") {
			jansen++
		}
		if phonebook.ParseName(p.Name).Prefix != "" {
			prefixed++
		}
		if phonebook.Fold(p.Name) != strings.ToLower(p.Name) {
			accented++
		}
	}
	if jansen < 3 || prefixed < 20 || accented < 5 {
		t.Errorf("jansen %d, prefixed %d, accented %d", jansen, prefixed, accented)
	}
}

func TestRooms(t *testing.T) {
	names := map[string]bool{}
	for _, r := range Rooms() {
		if names[r.Name] || r.Capacity <= 0 || r.Opens >= r.Closes {
			t.Errorf("room %+v", r)
		}
		names[r.Name] = true
	}
	if len(names) < 5 {
		t.Errorf("%d rooms", len(names))
	}
}

// TestPartner: the demo has one partner, of its partner organisation,
// with no role and no department; the CSV carries the organisation.
func TestPartner(t *testing.T) {
	var partners []string
	for _, p := range People() {
		if !p.OrganisationColumn {
			t.Fatalf("%s: the demo's file has the organisation column", p.Email)
		}
		if p.Organisation != "" {
			partners = append(partners, p.Email)
			if p.Organisation != PartnerName || len(p.Roles) != 0 || p.Department != "" {
				t.Errorf("partner %+v", p)
			}
		}
	}
	if len(partners) != 1 || partners[0] != PartnerPerson || !strings.HasSuffix(PartnerPerson, "@"+PartnerDomain) {
		t.Fatalf("partners %v", partners)
	}
	recs, _ := phonebook.ParseCSV(strings.NewReader(CSV()))
	if last := recs[len(recs)-1]; last.Email != PartnerPerson || last.Organisation != PartnerName {
		t.Errorf("CSV: %+v", last)
	}
}
