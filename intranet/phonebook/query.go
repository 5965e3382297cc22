package phonebook

import (
	"sort"
	"strings"
)

// Query is a phonebook query split into its parts.
type Query struct {
	// Words are the folded words to match, surname prefixes left out.
	Words []string
	// Glued holds, per word, the word glued to the prefixes before it
	// ("van den berg" -> "vandenberg"), or "" when there were none.
	Glued []string
	// Phone is set when the query is a phone number.
	Phone *PhoneQuery
	// Email is set when the query is an email address.
	Email string
	// Initials are single letters typed beside a name ("p jansen"): a
	// name of the person starts with each.
	Initials []string
	// Department and Skill are the dept:/skill: filters as typed.
	Department string
	Skill      string
}

// abbreviatedPrefixes are how people shorten surname prefixes when they
// type: "v.d. berg", "vd berg", "v/d berg", "vdr meer". They count as
// prefixes in a query only; names are indexed as written.
var abbreviatedPrefixes = map[string]bool{"v": true, "vd": true, "vdr": true, "vdn": true}

// Empty reports whether the query asks for nothing.
func (q Query) Empty() bool {
	return len(q.Words) == 0 && len(q.Initials) == 0 && q.Phone == nil && q.Email == "" && q.Department == "" && q.Skill == ""
}

// ParseQuery reads what people type after /phonebook: free words, a phone
// number or an email address, and dept:<name> / skill:<name> filters (a name
// with spaces in quotes: dept:"zorg oost"; the Dutch afd: and vaardigheid:
// work too).
func ParseQuery(s string) Query {
	var q Query
	var free []string
	for _, tok := range splitQuoted(s) {
		key, val, ok := strings.Cut(tok, ":")
		if ok && val != "" {
			switch strings.ToLower(key) {
			case "dept", "department", "afd", "afdeling":
				q.Department = val
				continue
			case "skill", "vaardigheid":
				q.Skill = val
				continue
			}
		}
		free = append(free, tok)
	}
	text := strings.Join(free, " ")
	if p, ok := ParsePhoneQuery(text); ok {
		q.Phone = &p
		return q
	}
	if len(free) == 1 && strings.Contains(text, "@") {
		q.Email = strings.ToLower(strings.Trim(text, "<>"))
		return q
	}
	words := Words(text)
	prefix := func(w string) bool { return surnamePrefixes[w] || abbreviatedPrefixes[w] }
	allPrefixes, long := true, false
	for _, w := range words {
		if !prefix(w) {
			allPrefixes = false
			long = long || len([]rune(w)) > 1
		}
	}
	var pending []string
	for _, w := range words {
		if prefix(w) && !allPrefixes {
			pending = append(pending, w)
			continue
		}
		if long && len([]rune(w)) == 1 {
			q.Initials = append(q.Initials, w) // "p jansen"
			pending = nil
			continue
		}
		glued := ""
		if len(pending) > 0 {
			glued = strings.Join(pending, "") + w
		}
		q.Words = append(q.Words, w)
		q.Glued = append(q.Glued, glued)
		pending = nil
	}
	return q
}

// splitQuoted splits on spaces, keeping "quoted parts" (also after key:) together.
func splitQuoted(s string) []string {
	var out []string
	var cur strings.Builder
	quoted := false
	for _, r := range s {
		switch {
		case r == '"' || r == '“' || r == '”':
			quoted = !quoted
		case (r == ' ' || r == '\t' || r == '\n') && !quoted:
			if cur.Len() > 0 {
				out = append(out, cur.String())
				cur.Reset()
			}
		default:
			cur.WriteRune(r)
		}
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

// Candidate is a dictionary word that may be meant by a query word.
type Candidate struct {
	Term    string
	Quality float64 // 1 for the word itself, less for a prefix or a near miss
}

// MaxCandidates is how many dictionary words one query word may stand for.
const MaxCandidates = 8

// Candidates ranks dictionary words against one query word: the word itself,
// words it starts (for words of two letters or more), and words that are
// similar by trigrams (typos). glued, when not "", is the word with its
// surname prefixes glued on, which counts a little more than the word alone.
func Candidates(word, glued string, dictionary []string) []Candidate {
	best := map[string]float64{}
	for _, t := range dictionary {
		if q := Quality(word, t); q > best[t] {
			best[t] = q
		}
		if glued != "" && t == glued {
			best[t] = 1.05
		}
	}
	out := make([]Candidate, 0, len(best))
	for t, q := range best {
		if q > 0 {
			out = append(out, Candidate{t, q})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Quality != out[j].Quality {
			return out[i].Quality > out[j].Quality
		}
		return out[i].Term < out[j].Term
	})
	if len(out) > MaxCandidates {
		out = out[:MaxCandidates]
	}
	return out
}

// Quality says how well a dictionary word matches a query word: 1 when equal,
// between 0.75 and 0.95 when the word starts with the query, the trigram
// similarity scaled to at most 0.7 when it is close enough and about as long,
// else 0.
func Quality(query, term string) float64 {
	switch {
	case query == term:
		return 1
	case len(query) >= 2 && strings.HasPrefix(term, query):
		return 0.75 + 0.2*float64(len(query))/float64(len(term))
	}
	slack := 2
	if len(query) <= 5 {
		slack = 1
	}
	if d := len(term) - len(query); d < -slack || d > slack {
		// A typo changes a letter or two; "jan" is not a typo of "jansen".
		return 0
	}
	if s := Similarity(query, term); s >= SimilarityThreshold {
		return 0.7 * s
	}
	return 0
}

// Suggest returns up to n dictionary words that look like the query word,
// best first, for a "did you mean".
func Suggest(word string, dictionary []string, n int) []string {
	type scored struct {
		t string
		s float64
	}
	var all []scored
	for _, t := range dictionary {
		if s := Similarity(word, t); s >= SuggestThreshold && t != word {
			all = append(all, scored{t, s})
		}
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].s != all[j].s {
			return all[i].s > all[j].s
		}
		return all[i].t < all[j].t
	})
	var out []string
	for i := 0; i < len(all) && i < n; i++ {
		out = append(out, all[i].t)
	}
	return out
}
