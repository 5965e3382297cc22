package store_test

import (
	"context"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/demo"
)

// TestEnginesAgree searches the demo organisation on both engines and
// requires the same first result and the same top-10 set for every query.
func TestEnginesAgree(t *testing.T) {
	queries := []intranet.PersonSearch{
		{Query: "jansen"}, {Query: "jansn"}, {Query: "de jong"}, {Query: "van den berg"}, {Query: "vandenberg"}, {Query: "berg"},
		{Query: "muller"}, {Query: "bjorn"}, {Query: "anouk"}, {Query: "pieter jansen"}, {Query: "zoe"}, {Query: "renee"},
		{Query: "wijkverpleegkundige"}, {Query: "utrecht"}, {Query: "wondzorg"}, {Query: "06-12345678"}, {Query: "+31 6 1000 0004"},
		{Query: "0004"}, {Query: "el amrani"}, {Query: "ozturk"}, {Query: "van t hof"}, {Query: "ter horst"},
		{Query: "jan", Departments: []string{"Zorg Oost"}}, {Skills: []string{"Tilliften"}}, {Departments: []string{"ICT"}},
	}
	results := map[string][][]string{}
	for _, engine := range []string{"sqlite", "postgres"} {
		s := open(t, engine)
		if _, err := s.ImportPeople(context.Background(), demo.People(), false); err != nil {
			t.Fatal(err)
		}
		for _, q := range queries {
			res, err := s.SearchPeople(context.Background(), q)
			if err != nil {
				t.Fatalf("%s %+v: %v", engine, q, err)
			}
			results[engine] = append(results[engine], emails(res))
		}
	}
	for i, q := range queries {
		lite, pg := results["sqlite"][i], results["postgres"][i]
		if len(lite) == 0 {
			t.Errorf("%+v: nothing found", q)
			continue
		}
		if len(pg) == 0 || lite[0] != pg[0] {
			t.Errorf("%+v: first differs: sqlite %v, postgres %v", q, lite, pg)
		}
		ls, ps := append([]string(nil), lite...), append([]string(nil), pg...)
		sort.Strings(ls)
		sort.Strings(ps)
		if diff := cmp.Diff(ls, ps); diff != "" {
			t.Errorf("%+v: top-10 sets differ (-sqlite +postgres):\n%s", q, diff)
		}
	}
}
