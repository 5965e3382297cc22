package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/store"
)

// phonebookState is everything a people import writes, by email instead of
// id (the engines number rows their own way), sorted.
var phonebookState = map[string]string{
	"people": `SELECT p.email, p.name, p.phone, p.mobile, p.phone_key, p.mobile_key, p.phone_rev, p.mobile_rev, COALESCE(d.name, '-'),
	p.title, p.location, p.manager_email, p.skills, p.roles, p.language, p.quiet_hours, p.employee_number, p.sort_key,
	CASE WHEN p.active THEN 'active' ELSE 'left' END, p.away_until, p.own_fields, COALESCE(o.name, '-')
FROM people p LEFT JOIN departments d ON d.id = p.department_id LEFT JOIN partner_orgs o ON o.id = p.organisation_id ORDER BY p.email`,
	"person_terms": `SELECT p.email, t.term, t.display, t.field, CAST(ROUND(t.weight * 100) AS INTEGER), t.sort_key, COALESCE(d.name, '-')
FROM person_terms t JOIN people p ON p.id = t.person_id LEFT JOIN departments d ON d.id = t.department_id ORDER BY p.email, t.term`,
	"orphan terms":  `SELECT term FROM person_terms WHERE person_id NOT IN (SELECT id FROM people)`,
	"search_terms":  `SELECT term, display, CAST(people AS TEXT) FROM search_terms ORDER BY term`,
	"skills":        `SELECT term, name FROM skills ORDER BY term`,
	"departments":   `SELECT name, key FROM departments ORDER BY key`,
	"organisations": `SELECT name, key FROM partner_orgs ORDER BY key`,
}

func dumpPhonebook(t *testing.T, s *store.Store) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for name, q := range phonebookState {
		rows, err := store.Rows(s, q)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = rows
	}
	return out
}

// bulkPeople are n people over a few departments, titles and partner
// organisations, with managers among them.
func bulkPeople(n int) []intranet.PersonRecord {
	out := generatePeople(n)
	for i := range out {
		if i%10 == 3 {
			out[i].ManagerEmail = out[0].Email
		}
	}
	return out
}

// TestImportLargeFile imports a file large enough for PostgreSQL's bulk
// path (more new people than there were: the indexes are built anew),
// then a re-import that changes, adds and leaves people alone (the
// incremental path), and a file that fails in the database on its last
// line. Both engines must end with the same phonebook, every table an
// import writes compared row by row, and a failed file must change
// nothing, the indexes included.
func TestImportLargeFile(t *testing.T) {
	ctx := context.Background()
	first := bulkPeople(1500)
	second := bulkPeople(1800) // 300 new at the end
	for i := range second[:1500] {
		switch i % 7 {
		case 0:
			second[i].Title += " Senior"
		case 1:
			second[i].Department = "Afdeling Nieuw"
		case 2:
			second[i].Name = "Tess " + strings.Fields(second[i].Name)[len(strings.Fields(second[i].Name))-1]
		case 3:
			second[i].Skills = append(second[i].Skills, "Triage")
		}
	}
	second[5].Organisation = "Partner Nieuw" // an employee becomes a partner
	second[99].Organisation = ""             // a partner an employee again
	// A file that fails only in the database, after the people it changes
	// were written: its last line repeats the email of a new person (in
	// capitals; the CSV parser refuses that, the store's caller may not),
	// so the unique email refuses it.
	withDuplicate := func(recs []intranet.PersonRecord) []intranet.PersonRecord {
		last := recs[len(recs)-1]
		out := append(append([]intranet.PersonRecord{}, recs...), last)
		out[len(out)-1].Email = strings.ToUpper(last.Email)
		out[len(out)-1].Line = len(out) + 1
		return out
	}
	broken := withDuplicate(append(append([]intranet.PersonRecord{}, second...), bulkPeople(1801)[1800]))

	states := map[string][]map[string][]string{}
	sums := map[string][]string{}
	for _, engine := range []string{"sqlite", "postgres"} {
		s := open(t, engine)
		indexes := func() []string {
			if engine != "postgres" {
				return nil
			}
			rows, err := store.Rows(s, `SELECT indexdef FROM pg_indexes WHERE tablename IN ('people', 'person_terms')
	UNION ALL SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid IN ('people'::regclass, 'person_terms'::regclass)
	ORDER BY 1`)
			if err != nil {
				t.Fatal(err)
			}
			return rows
		}
		// A failing first import into an empty phonebook leaves it empty.
		before := indexes()
		if _, err := s.ImportPeople(ctx, withDuplicate(first), false); err == nil {
			t.Fatalf("%s: the broken file was imported", engine)
		}
		if st := dumpPhonebook(t, s); len(st["people"])+len(st["person_terms"])+len(st["departments"]) > 0 {
			t.Fatalf("%s: a failed import left %d people, %d words", engine, len(st["people"]), len(st["person_terms"]))
		}
		if diff := cmp.Diff(before, indexes()); diff != "" {
			t.Fatalf("%s: the failed import changed the indexes (-before +after):\n%s", engine, diff)
		}

		sum, err := s.ImportPeople(ctx, first, false)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(before, indexes()); diff != "" {
			t.Fatalf("%s: the import did not build the indexes again as they were (-before +after):\n%s", engine, diff)
		}
		sums[engine] = append(sums[engine], fmt.Sprint(sum.Created, sum.Updated, sum.Organisations))
		states[engine] = append(states[engine], dumpPhonebook(t, s))

		// Someone leaves, someone sets their own mobile; the file changes
		// both, and neither changes.
		left, err := s.FindPersonByEmail(ctx, first[7].Email)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.DeactivatePerson(ctx, left.ID, 0); err != nil {
			t.Fatal(err)
		}
		own, err := s.FindPersonByEmail(ctx, first[8].Email)
		if err != nil {
			t.Fatal(err)
		}
		mobile := "06-99999999"
		if err := s.UpdateProfile(ctx, own.ID, intranet.ProfileUpdate{Mobile: &mobile}); err != nil {
			t.Fatal(err)
		}
		dry, err := s.ImportPeople(ctx, second, true)
		if err != nil {
			t.Fatal(err)
		}
		sum, err = s.ImportPeople(ctx, second, false)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(dry, sum); diff != "" {
			t.Errorf("%s: the dry run said otherwise (-dry +real):\n%s", engine, diff)
		}
		changes := map[intranet.ImportChange]int{}
		for _, l := range sum.Lines {
			changes[l.Change]++
		}
		sums[engine] = append(sums[engine], fmt.Sprint(sum.Created, sum.Updated, sum.Organisations, changes))
		after := dumpPhonebook(t, s)
		states[engine] = append(states[engine], after)
		if len(after["orphan terms"]) > 0 {
			t.Errorf("%s: words of nobody: %v", engine, after["orphan terms"][:1])
		}

		// A failing re-import changes nothing.
		before = indexes()
		if _, err := s.ImportPeople(ctx, broken, false); err == nil {
			t.Fatalf("%s: the broken file was imported", engine)
		}
		if diff := cmp.Diff(after, dumpPhonebook(t, s)); diff != "" {
			t.Errorf("%s: a failed import changed the phonebook (-before +after):\n%s", engine, diff)
		}
		if diff := cmp.Diff(before, indexes()); diff != "" {
			t.Errorf("%s: the failed import changed the indexes (-before +after):\n%s", engine, diff)
		}
	}
	if diff := cmp.Diff(sums["sqlite"], sums["postgres"]); diff != "" {
		t.Errorf("summaries differ (-sqlite +postgres):\n%s", diff)
	}
	if got := sums["sqlite"]; len(got) != 2 || got[0] != "1500 0 [Partner 4]" {
		t.Errorf("summaries = %q", got)
	}
	for i := range states["sqlite"] {
		if diff := cmp.Diff(states["sqlite"][i], states["postgres"][i]); diff != "" {
			t.Errorf("import %d: the engines differ (-sqlite +postgres):\n%s", i+1, diff)
		}
	}
}
