package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/phonebook"
	"github.com/werkplek/werkplek/intranet/store"
)

// A name search is three statements (the dictionary, the people found with
// the words they match, their details): at a million people each round trip
// to a busy database server counts.
func TestSearchStatements(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		seed(t, s)
		ctx := context.Background()
		// Queries that find several people (one is a card, which also
		// reads the person's chat accounts).
		for _, q := range []string{"berg", "jans", "zorg oost"} {
			count := store.CountStatements(s)
			before := count()
			res, err := s.SearchPeople(ctx, intranet.PersonSearch{Query: q})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Matches) < 2 {
				t.Fatalf("%s: found %d, want several", q, len(res.Matches))
			}
			if n := count() - before; n > 3 {
				t.Errorf("%s: %d statements, want at most 3", q, n)
			}
		}
	})
}

// The lookups of a search in person_terms are answered from its indexes
// alone (PostgreSQL; SQLite keeps its own path): the words a second query
// word must match, a skill filter, and a department filter beside a common
// name, which at a million people read hundreds of rows each.
func TestSearchIndexOnly(t *testing.T) {
	s := open(t, "postgres")
	seed(t, s)
	for _, q := range []string{
		// two words: the driving word's people in id order, each checked for the other word
		`SELECT pt.person_id, pt.sort_key FROM person_terms pt WHERE pt.term = 'pieter'
		 AND EXISTS (SELECT 1 FROM person_terms o WHERE o.person_id = pt.person_id AND o.term IN ('jansen'))
		 ORDER BY pt.person_id LIMIT 11`,
		// a skill filter
		`SELECT pt.person_id, pt.sort_key FROM person_terms pt WHERE pt.term = 'jansen'
		 AND EXISTS (SELECT 1 FROM person_terms fs WHERE fs.person_id = pt.person_id AND fs.field = 'skill' AND fs.term IN ('wondzorg'))
		 ORDER BY pt.weight DESC, pt.sort_key, pt.person_id LIMIT 11`,
		// a department filter
		`SELECT pt.person_id, pt.sort_key FROM person_terms pt WHERE pt.term = 'jansen' AND pt.department_id IN (1)
		 ORDER BY pt.weight DESC, pt.sort_key, pt.person_id LIMIT 11`,
	} {
		plan, err := store.Explain(s, []string{"seqscan", "indexscan", "bitmapscan"}, q)
		if err != nil {
			t.Fatal(err)
		}
		indexOnly := false
		for _, line := range strings.Split(plan, "\n") {
			node := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "->"))
			if strings.HasPrefix(node, "Seq Scan") || strings.HasPrefix(node, "Index Scan") || strings.HasPrefix(node, "Bitmap") {
				t.Errorf("plan reads the table (%s):\n%s\nfor %s", node, plan, q)
			}
			indexOnly = indexOnly || strings.HasPrefix(node, "Index Only Scan")
		}
		if !indexOnly {
			t.Errorf("no index-only scan:\n%s\nfor %s", plan, q)
		}
	}
}

// A number typed in full comes first, before longer numbers it starts,
// whatever their surnames; those follow in surname order.
func TestSearchPhoneExactFirst(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		importCSV(t, s, `name,email,mobile
Zeger Zeeman,zeeman@example.nl,06-12345678
Anna Aalders,aalders@example.nl,06-123456789
Bram Bakker,bakker@example.nl,+31 6 1234 5678 0
Carla Claes,claes@example.nl,06-99999999
`)
		res, err := s.SearchPeople(context.Background(), intranet.PersonSearch{Query: "06 1234 5678"})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := strings.Join(emails(res), " "), "zeeman aalders bakker"; got != want {
			t.Errorf("found %q, want %q", got, want)
		}
	})
}

// A short number prefix ("06-10") matches most mobiles of a large
// phonebook: the search reads them in surname order up to the limit
// instead of sorting every match (which took 260 ms at a million people).
func TestSearchPhonePrefixNoFullSort(t *testing.T) {
	s := open(t, "postgres")
	var b strings.Builder
	b.WriteString("name,email,mobile\n")
	for i := 0; i < 50; i++ {
		fmt.Fprintf(&b, "Persoon %02d,p%02d@example.nl,06-10%06d\n", i, i, i)
	}
	importCSV(t, s, b.String())
	statements := store.CaptureStatements(s)
	res, err := s.SearchPeople(context.Background(), intranet.PersonSearch{Query: "06-10"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Matches) != 10 || !res.More {
		t.Fatalf("found %d (more %v), want 10 and more", len(res.Matches), res.More)
	}
	var query string
	for _, q := range statements() {
		if strings.Contains(q, "mobile_key") {
			query = q
		}
	}
	if query == "" {
		t.Fatal("no phone statement")
	}
	plan, err := store.Explain(s, []string{"seqscan", "bitmapscan", "sort"}, query)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(plan, "\n")
	for i, line := range lines {
		node := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "->"))
		if !strings.HasPrefix(node, "Sort  (") || i+1 >= len(lines) {
			continue
		}
		for _, next := range lines[i+1:] {
			child := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(next), "->"))
			if !strings.Contains(next, "->") {
				continue // Sort Key and other details
			}
			if strings.Contains(child, " on people") {
				t.Errorf("every match is sorted:\n%s", plan)
			}
			break
		}
	}
}

func importCSV(t *testing.T, s *store.Store, csv string) {
	t.Helper()
	recs, probs := phonebook.ParseCSV(strings.NewReader(csv))
	if len(probs) > 0 {
		t.Fatalf("test data: %v", probs)
	}
	if _, err := s.ImportPeople(context.Background(), recs, false); err != nil {
		t.Fatalf("import: %v", err)
	}
}
