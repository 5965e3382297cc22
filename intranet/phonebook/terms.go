package phonebook

import (
	"sort"
	"strings"

	"github.com/werkplek/werkplek/intranet"
)

// Field names where a search word was found, with their weight in ranking:
// a match on a name counts more than one on a location.
const (
	FieldName       = "name"
	FieldSkill      = "skill"
	FieldDepartment = "department"
	FieldTitle      = "title"
	FieldLocation   = "location"
)

// FieldWeight is how much a match in a field counts.
var FieldWeight = map[string]float64{
	FieldName:       1.0,
	FieldSkill:      0.7,
	FieldDepartment: 0.6,
	FieldTitle:      0.5,
	FieldLocation:   0.5,
}

// Term is one word a person can be found by.
type Term struct {
	Term    string  // folded: "vandenberg"
	Display string  // as written: "van den Berg"
	Field   string  // FieldName …
	Weight  float64 // FieldWeight[Field]
}

// PersonTerms returns the words a person is found by, at most one per word
// (the one with the highest weight). Surname prefixes are not words of their
// own, but the surname with its prefix glued on is ("vandenberg").
func PersonTerms(p *intranet.Person) []Term {
	best := map[string]Term{}
	add := func(term, display, field string) {
		if len([]rune(term)) < 2 || surnamePrefixes[term] {
			return
		}
		t := Term{Term: term, Display: display, Field: field, Weight: FieldWeight[field]}
		if old, ok := best[term]; !ok || old.Weight < t.Weight {
			best[term] = t
		}
	}
	addWords := func(s, field string) {
		for _, w := range strings.Fields(s) {
			for _, f := range Words(w) {
				add(f, displayWord(w), field)
			}
		}
		if k := Key(s); len(Words(s)) > 1 {
			add(k, s, field)
		}
	}

	n := ParseName(p.Name)
	addWords(n.Given, FieldName)
	addWords(n.Surname, FieldName)
	if n.Prefix != "" {
		add(Key(n.Prefix+" "+n.Surname), n.Prefix+" "+n.Surname, FieldName)
	}
	addWords(p.Department, FieldDepartment)
	addWords(p.Title, FieldTitle)
	addWords(p.Location, FieldLocation)
	for _, s := range p.Skills {
		addWords(s, FieldSkill)
	}

	out := make([]Term, 0, len(best))
	for _, t := range best {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Term < out[j].Term })
	return out
}

// displayWord trims punctuation around a word as written ("(Zorg)" -> "Zorg").
func displayWord(w string) string {
	return strings.TrimFunc(w, func(r rune) bool { return strings.ContainsRune("()[]{},;:.!?\"'", r) })
}
