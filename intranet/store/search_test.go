package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/werkplek/werkplek/intranet"
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
		plan, err := store.ExplainIndexOnly(s, q)
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
