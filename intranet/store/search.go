package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/phonebook"
)

// Searching a phonebook of a million people reads person_terms through
// index-only scans: the primary key carries what the multi-word and skill
// filter lookups read besides (term, person_id), and the ranking index the
// department a department filter checks, so neither visits the table.
// SQLite keeps its indexes: its tables are small.
func init() {
	register(migration{32, "phonebook search at a million people: covering person_terms indexes", `
ALTER TABLE person_terms DROP CONSTRAINT person_terms_pkey,
	ADD CONSTRAINT person_terms_pkey PRIMARY KEY (term, person_id) INCLUDE (field, sort_key, department_id);
DROP INDEX person_terms_rank;
CREATE INDEX person_terms_rank ON person_terms (term, weight DESC, sort_key, person_id) INCLUDE (department_id);
`, `
SELECT 1;
`})
}

// scored is a person found, before their details are loaded.
type scored struct {
	id      int64
	score   float64
	sortKey string
}

// SearchPeople ranks people for a query.
//
// Names are matched through a small dictionary of distinct words
// (search_terms): each query word is matched against the dictionary first
// (exactly, as a prefix, or by trigram similarity for typos: pg_trgm's %
// operator on PostgreSQL, the same measure computed in Go on SQLite), and only
// then are people fetched, per candidate word, through an index ordered the
// way results rank. Scanning the whole name column with trigrams costs tens of
// milliseconds once common surnames have thousands of rows; this stays a few.
func (s *Store) SearchPeople(ctx context.Context, in intranet.PersonSearch) (*intranet.SearchResult, error) {
	if in.Limit <= 0 {
		in.Limit = 10
	}
	q := phonebook.ParseQuery(in.Query)
	f, err := s.filters(ctx, in)
	if err != nil {
		return nil, fmt.Errorf("search people: %w", err)
	}
	var found []scored
	var suggestions []string
	switch {
	case q.Phone != nil:
		found, err = s.searchPhone(ctx, *q.Phone, f, in.Limit)
	case q.Email != "":
		found, err = s.scan(ctx, "SELECT id, 1.0 AS score, sort_key FROM people WHERE active AND email = ?"+f.people("people.id"), append([]any{q.Email}, f.args...), in.Limit)
	case len(q.Words) == 0:
		found, err = s.scan(ctx, "SELECT id, 1.0 AS score, sort_key FROM people WHERE active"+f.people("people.id")+" ORDER BY sort_key, id", f.args, in.Limit)
	default:
		found, suggestions, err = s.searchWords(ctx, q, f, in.Limit)
	}
	if err != nil {
		return nil, fmt.Errorf("search people: %w", err)
	}
	res := &intranet.SearchResult{Suggestions: suggestions}
	if len(found) > in.Limit {
		res.More = true
		found = found[:in.Limit]
	}
	if len(found) == 0 {
		return res, nil
	}
	ids := make([]int64, len(found))
	for i, m := range found {
		ids[i] = m.id
	}
	// One match becomes a contact card, which shows a chat mention: only
	// then are the platform accounts needed.
	people, err := s.readPeople(ctx, len(ids) == 1, "p.id IN ?", ids)
	if err != nil {
		return nil, fmt.Errorf("search people: %w", err)
	}
	byID := map[int64]*intranet.Person{}
	for _, p := range people {
		byID[p.ID] = p
	}
	for _, m := range found {
		if p := byID[m.id]; p != nil {
			res.Matches = append(res.Matches, intranet.PersonMatch{Person: p, Score: m.score})
		}
	}
	return res, nil
}

// filter is the SQL of the dept: and skill: filters, applied to a person id.
type filter struct {
	deptIDs []int64
	skills  []string
	args    []any
}

func (s *Store) filters(ctx context.Context, in intranet.PersonSearch) (filter, error) {
	var f filter
	if len(in.Departments) > 0 {
		keys := make([]string, len(in.Departments))
		for i, d := range in.Departments {
			keys[i] = phonebook.Key(d)
		}
		if err := s.db.WithContext(ctx).Raw("SELECT id FROM departments WHERE key IN ?", keys).Scan(&f.deptIDs).Error; err != nil {
			return f, translate(err)
		}
		if len(f.deptIDs) == 0 {
			f.deptIDs = []int64{-1} // named departments that do not exist: nobody
		}
		f.args = append(f.args, f.deptIDs)
	}
	for _, sk := range in.Skills {
		f.skills = append(f.skills, phonebook.Key(sk))
	}
	if len(f.skills) > 0 {
		f.args = append(f.args, f.skills)
	}
	return f, nil
}

// people returns the filter's SQL for the person id column idCol.
func (f filter) people(idCol string) string {
	var b strings.Builder
	if len(f.deptIDs) > 0 {
		fmt.Fprintf(&b, " AND EXISTS (SELECT 1 FROM people fp WHERE fp.id = %s AND fp.department_id IN ?)", idCol)
	}
	if len(f.skills) > 0 {
		fmt.Fprintf(&b, " AND EXISTS (SELECT 1 FROM person_terms fs WHERE fs.person_id = %s AND fs.field = 'skill' AND fs.term IN ?)", idCol)
	}
	return b.String()
}

// terms returns the filter's SQL for a person_terms row alias, which carries
// the department itself.
func (f filter) terms(alias string) string {
	var b strings.Builder
	if len(f.deptIDs) > 0 {
		fmt.Fprintf(&b, " AND %s.department_id IN ?", alias)
	}
	if len(f.skills) > 0 {
		fmt.Fprintf(&b, " AND EXISTS (SELECT 1 FROM person_terms fs WHERE fs.person_id = %s.person_id AND fs.field = 'skill' AND fs.term IN ?)", alias)
	}
	return b.String()
}

// scan runs a query that selects (id, score, sort_key) with limit+1 rows.
func (s *Store) scan(ctx context.Context, query string, args []any, limit int) ([]scored, error) {
	type row struct {
		ID      int64
		Score   float64
		SortKey string
	}
	var rows []row
	if err := s.db.WithContext(ctx).Raw(query+fmt.Sprintf(" LIMIT %d", limit+1), args...).Scan(&rows).Error; err != nil {
		return nil, translate(err)
	}
	out := make([]scored, len(rows))
	for i, r := range rows {
		out[i] = scored{r.ID, r.Score, r.SortKey}
	}
	return out, nil
}

// searchPhone finds numbers that start with the query (full or partial
// numbers) or end with it (an extension), exact matches first.
//
// The exact matches and the others are read apart, each in surname order up
// to the limit: a short prefix ("06-10") matches tens of thousands of numbers
// in a large phonebook, and ranking them all in one sort took hundreds of
// milliseconds; now the planner can walk the surname index and stop.
func (s *Store) searchPhone(ctx context.Context, pq phonebook.PhoneQuery, f filter, limit int) ([]scored, error) {
	col, key := "phone_key", pq.Prefix
	if pq.Prefix == "" {
		col, key = "phone_rev", phonebook.Reverse(pq.Suffix)
	}
	other := strings.Replace(col, "phone", "mobile", 1)
	exact := fmt.Sprintf("(%s = ? OR %s = ?)", col, other)
	begins := fmt.Sprintf("(%s LIKE ? OR %s LIKE ?)", col, other)
	order := fmt.Sprintf(" ORDER BY sort_key, id LIMIT %d", limit+1)
	query := "SELECT * FROM (SELECT id, 1.0 AS score, sort_key FROM people WHERE active AND " + exact + f.people("people.id") + order + ") e" +
		" UNION ALL SELECT * FROM (SELECT id, 0.9 AS score, sort_key FROM people WHERE active AND " + begins + " AND NOT " + exact + f.people("people.id") + order + ") b" +
		" ORDER BY score DESC, sort_key, id"
	args := append([]any{key, key}, f.args...)
	args = append(append(args, key+"%", key+"%", key, key), f.args...)
	return s.scan(ctx, query, args, limit)
}

// searchWords finds people by words: every query word must match one of the
// person's words; the score adds up how well each did.
func (s *Store) searchWords(ctx context.Context, q phonebook.Query, f filter, limit int) ([]scored, []string, error) {
	dict, err := s.dictionary(ctx, q.Words)
	if err != nil {
		return nil, nil, err
	}
	terms := make([]string, 0, len(dict))
	for t := range dict {
		terms = append(terms, t)
	}
	cands := make([][]phonebook.Candidate, len(q.Words))
	var suggestions []string
	for i, w := range q.Words {
		cands[i] = phonebook.Candidates(w, q.Glued[i], terms)
		if len(cands[i]) == 0 {
			more, err := s.suggest(ctx, w)
			if err != nil {
				return nil, nil, err
			}
			suggestions = append(suggestions, more...)
		}
	}
	if len(suggestions) > 0 {
		return nil, suggestions, nil
	}
	for i := range cands {
		if len(cands[i]) == 0 {
			return nil, nil, nil
		}
	}

	// Drive with the word whose candidates have the fewest people; the others
	// must match too (EXISTS on the person's words).
	drive, fewest := 0, -1
	for i, cs := range cands {
		n := 0
		for _, c := range cs {
			n += dict[c.Term].people
		}
		if fewest < 0 || n < fewest {
			drive, fewest = i, n
		}
	}
	var parts []string
	var args []any
	for _, c := range cands[drive] {
		part := "SELECT pt.person_id, pt.sort_key FROM person_terms pt WHERE pt.term = ?"
		args = append(args, c.Term)
		for i, cs := range cands {
			if i == drive {
				continue
			}
			part += " AND EXISTS (SELECT 1 FROM person_terms o WHERE o.person_id = pt.person_id AND o.term IN ?)"
			args = append(args, termsOf(cs))
		}
		for _, initial := range q.Initials {
			part += " AND EXISTS (SELECT 1 FROM person_terms o WHERE o.person_id = pt.person_id AND o.field = ? AND o.term LIKE ?)"
			args = append(args, phonebook.FieldName, initial+"%")
		}
		part += f.terms("pt")
		args = append(args, f.args...)
		if len(cands) == 1 {
			// One word: read the people in the order they rank, so the
			// first limit+1 rows of each candidate word are the best.
			part += fmt.Sprintf(" ORDER BY pt.weight DESC, pt.sort_key, pt.person_id LIMIT %d", limit+1)
		} else {
			// More words: read in id order, which has nothing to do with
			// names. In surname order the people who also match the other
			// word ("bjorn visser") cluster at one end, and a scan that
			// must find them crosses the whole list first.
			part += fmt.Sprintf(" ORDER BY pt.person_id LIMIT %d", limit+1)
		}
		parts = append(parts, "SELECT * FROM ("+part+") q"+fmt.Sprint(len(parts)))
	}
	// The same statement reads which candidate words each person found has,
	// to score them: one round trip instead of two. Every person found has
	// at least the word they were found by.
	var all []string
	for _, cs := range cands {
		all = append(all, termsOf(cs)...)
	}
	type termHit struct {
		PersonID int64
		SortKey  string
		Term     string
		Field    string
	}
	var th []termHit
	query := "WITH hits AS (" + strings.Join(parts, " UNION ALL ") + ") SELECT h.person_id, h.sort_key, t.term, t.field FROM hits h JOIN person_terms t ON t.person_id = h.person_id AND t.term IN ?"
	if err := s.db.WithContext(ctx).Raw(query, append(args, all)...).Scan(&th).Error; err != nil {
		return nil, nil, translate(err)
	}
	if len(th) == 0 {
		return nil, nil, nil
	}
	sortKeys := map[int64]string{}
	var ids []int64
	best := map[int64][]float64{}
	for _, h := range th {
		if _, ok := sortKeys[h.PersonID]; !ok {
			ids = append(ids, h.PersonID)
			best[h.PersonID] = make([]float64, len(cands))
		}
		sortKeys[h.PersonID] = h.SortKey
		for i, cs := range cands {
			for _, c := range cs {
				if c.Term == h.Term {
					if v := c.Quality * phonebook.FieldWeight[h.Field]; v > best[h.PersonID][i] {
						best[h.PersonID][i] = v
					}
				}
			}
		}
	}
	out := make([]scored, 0, len(ids))
	for _, id := range ids {
		sum := 0.0
		for _, v := range best[id] {
			sum += v
		}
		out = append(out, scored{id: id, score: sum, sortKey: sortKeys[id]})
	}
	sortMatches(out)
	return out, nil, nil
}

func termsOf(cs []phonebook.Candidate) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Term
	}
	return out
}

// dictEntry is a dictionary word's display form and how many people have it.
type dictEntry struct {
	display string
	people  int
}

// dictionary returns the dictionary words that may match any of the query
// words. PostgreSQL narrows them down with its trigram index; SQLite reads
// the whole dictionary, which is small (distinct words, not people).
func (s *Store) dictionary(ctx context.Context, words []string) (map[string]dictEntry, error) {
	type entry struct {
		Term    string
		Display string
		People  int
	}
	var rows []entry
	db := s.db.WithContext(ctx)
	if s.engine == Postgres {
		var conds []string
		var args []any
		for _, w := range words {
			conds = append(conds, "term = ? OR term % ?")
			args = append(args, w, w)
			if len(w) >= 2 {
				conds = append(conds, "term LIKE ?")
				args = append(args, w+"%")
			}
		}
		if err := db.Raw("SELECT term, display, people FROM search_terms WHERE "+strings.Join(conds, " OR "), args...).Scan(&rows).Error; err != nil {
			return nil, translate(err)
		}
	} else if err := db.Raw("SELECT term, display, people FROM search_terms").Scan(&rows).Error; err != nil {
		return nil, translate(err)
	}
	out := make(map[string]dictEntry, len(rows))
	for _, r := range rows {
		out[r.Term] = dictEntry{r.Display, r.People}
	}
	return out, nil
}

// suggest returns up to three dictionary words (as written) that look like
// word, for "did you mean". Only asked when a word matched nothing.
func (s *Store) suggest(ctx context.Context, word string) ([]string, error) {
	type entry struct {
		Term    string
		Display string
	}
	var rows []entry
	db := s.db.WithContext(ctx)
	if s.engine == Postgres {
		err := db.Raw("SELECT term, display FROM search_terms WHERE similarity(term, ?) >= ? ORDER BY similarity(term, ?) DESC, term LIMIT 20",
			word, phonebook.SuggestThreshold, word).Scan(&rows).Error
		if err != nil {
			return nil, translate(err)
		}
	} else if err := db.Raw("SELECT term, display FROM search_terms").Scan(&rows).Error; err != nil {
		return nil, translate(err)
	}
	display := map[string]string{}
	terms := make([]string, len(rows))
	for i, r := range rows {
		terms[i] = r.Term
		display[r.Term] = r.Display
	}
	var out []string
	for _, t := range phonebook.Suggest(word, terms, 3) {
		out = append(out, display[t])
	}
	return out, nil
}
