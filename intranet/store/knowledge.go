package store

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/dutch"
	"github.com/blevesearch/snowballstem/english"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/phonebook"
)

// ---- the knowledge base ----

// Term weights and qualities are integers, so that scores add up exactly
// and both engines rank alike.
const (
	questionWeight = 10
	answerWeight   = 6
	qualityScale   = 1000
	// termCap is how many of the newest questions with a dictionary word a
	// search considers.
	termCap = 500
)

// reindexQuestion rebuilds the search terms of a question: the words of the
// question and of its answers not removed, for answered and accepted
// questions only (nothing else is ever shown as an earlier answer).
func (s *Store) reindexQuestion(ctx context.Context, id int64) error {
	// Two rebuilds of one question at once would both delete and both
	// insert the same terms; they take turns on the question's row.
	if err := s.lockRow(s.conn(ctx), "questions", id); err != nil {
		return err
	}
	db := s.conn(ctx)
	if err := db.Exec("DELETE FROM question_terms WHERE question_id = ?", id).Error; err != nil {
		return err
	}
	var q struct {
		Text  string
		State string
	}
	if err := db.Raw("SELECT text, state FROM questions WHERE id = ?", id).Scan(&q).Error; err != nil {
		return err
	}
	if q.State != string(intranet.QuestionAnswered) && q.State != string(intranet.QuestionAccepted) {
		return nil
	}
	var answers []string
	if err := db.Raw("SELECT text FROM answers WHERE question_id = ? AND removed_at IS NULL ORDER BY id", id).Scan(&answers).Error; err != nil {
		return err
	}
	weights := map[string]int{}
	for _, a := range answers {
		for t := range KnowledgeTerms(a) {
			weights[t] = answerWeight
		}
	}
	for t := range KnowledgeTerms(q.Text) {
		weights[t] = questionWeight
	}
	if len(weights) == 0 {
		return nil
	}
	terms := make([]string, 0, len(weights))
	for t := range weights {
		terms = append(terms, t)
	}
	sort.Strings(terms)
	accepted := q.State == string(intranet.QuestionAccepted)
	for start := 0; start < len(terms); start += 200 {
		part := terms[start:min(start+200, len(terms))]
		var rows, words []string
		var args, wargs []any
		for _, t := range part {
			rows, args = append(rows, "(?, ?, ?, ?)"), append(args, t, id, weights[t], accepted)
			words, wargs = append(words, "(?)"), append(wargs, t)
		}
		if err := db.Exec("INSERT INTO question_terms (term, question_id, weight, accepted) VALUES "+strings.Join(rows, ", "), args...).Error; err != nil {
			return err
		}
		if err := db.Exec("INSERT INTO question_words (term) VALUES "+strings.Join(words, ", ")+" ON CONFLICT (term) DO NOTHING", wargs...).Error; err != nil {
			return err
		}
	}
	return nil
}

// stopWords are Dutch and English words that say nothing about a question.
var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`de het een en of van in op te dat die dit deze is zijn was ik je jij u we wij hij zij ze er aan met voor om hoe wat wie waar
wanneer welke waarom kan kun kunt kunnen moet moeten mag mogen niet wel ook als bij naar dan nog al mij me mijn jouw jullie onze ons zo uit over tot door
heb hebt heeft hebben had word wordt worden ben bent iemand iets hier daar nu toch maar dus
the a an and or of in on to for with how what who where when which why can could should would do does did is are was were be been
i you we he she it they my your our me us at by from as this that these those not if then there have has had get any some anyone someone`) {
		stopWords[w] = true
	}
}

// KnowledgeTerms returns the search terms of a text: every folded word
// that is not a stop word, as its Dutch and its English stem. Numbers stay
// as they are.
func KnowledgeTerms(text string) map[string]bool {
	out := map[string]bool{}
	for _, w := range phonebook.Words(text) {
		for _, t := range wordStems(w) {
			out[t] = true
		}
	}
	return out
}

// wordStems returns the distinct stems of one folded word, nil for a stop
// word.
func wordStems(w string) []string {
	if stopWords[w] {
		return nil
	}
	if strings.IndexFunc(w, func(r rune) bool { return r < '0' || r > '9' }) < 0 {
		return []string{w}
	}
	env := snowballstem.NewEnv(w)
	dutch.Stem(env)
	nl := env.Current()
	env.SetCurrent(w)
	english.Stem(env)
	en := env.Current()
	if nl == en {
		return []string{nl}
	}
	return []string{nl, en}
}

// queryWord is one word of a knowledge-base query with the dictionary
// stems it stands for.
type queryWord struct {
	stems      []string
	candidates map[string]int // stem -> quality (qualityScale is exact)
}

// SearchKnowledge ranks questions for a query, best first (ties: newest
// first). Only answered and accepted questions are indexed; States with
// QuestionAnswered searches both, else accepted ones only.
func (s *Store) SearchKnowledge(ctx context.Context, ks intranet.KnowledgeSearch) ([]intranet.KnowledgeMatch, error) {
	limit := ks.Limit
	if limit <= 0 {
		limit = 5
	}
	states := ks.States
	if len(states) == 0 {
		states = []intranet.QuestionState{intranet.QuestionAccepted}
	}
	words, err := s.queryWords(ctx, ks.Query, "question_words")
	if err != nil {
		return nil, fmt.Errorf("search knowledge: %w", err)
	}
	if len(words) == 0 {
		return nil, nil
	}
	db := s.conn(ctx)
	var values []string
	var args []any
	for i := range words {
		for term, q := range words[i].candidates {
			values = append(values, "(CAST(? AS INTEGER), CAST(? AS TEXT), CAST(? AS INTEGER))")
			args = append(args, i, term, q)
		}
	}
	if len(values) == 0 {
		return nil, nil
	}
	// A match must cover at least 35% of the query's words as well as an
	// exact word of the question would. Per dictionary word only the
	// termCap newest questions count: a word in thousands of questions
	// then costs no more than a rare one, and a question older than that
	// is still found through its rarer words.
	threshold := len(words) * qualityScale * questionWeight * 35 / 100
	onlyAccepted := true
	for _, st := range states {
		onlyAccepted = onlyAccepted && st != intranet.QuestionAnswered
	}
	filter := ""
	if onlyAccepted {
		filter = " AND t.accepted"
	}
	if ks.Organisation != 0 {
		// A partner's search: only the questions of people of their
		// organisation to topics open to partners (not what one of them
		// asked as an employee before), before the termCap newest are
		// taken.
		filter += " AND t.question_id IN (SELECT oq.id FROM questions oq JOIN people op ON op.id = oq.asker_id JOIN question_topics ot ON ot.id = oq.topic_id WHERE op.organisation_id = ? AND ot.partners)"
		args = append(args, ks.Organisation)
	}
	m := fmt.Sprintf(`SELECT t.question_id, c.i, MAX(c.q * t.weight) AS q FROM c CROSS JOIN LATERAL
(SELECT t.question_id, t.weight FROM question_terms t WHERE t.term = c.term%s ORDER BY t.question_id DESC LIMIT %d) t GROUP BY t.question_id, c.i`, filter, termCap)
	if s.engine == SQLite {
		// No LATERAL in SQLite: number each word's questions, newest first.
		m = fmt.Sprintf(`SELECT question_id, i, MAX(q * weight) AS q FROM (SELECT t.question_id, c.i, c.q, t.weight,
ROW_NUMBER() OVER (PARTITION BY c.i, c.term ORDER BY t.question_id DESC) AS n FROM c JOIN question_terms t ON t.term = c.term%s)
WHERE n <= %d GROUP BY question_id, i`, filter, termCap)
	}
	q := `WITH c (i, term, q) AS (VALUES ` + strings.Join(values, ", ") + `), m AS (` + m + `)
SELECT question_id AS id, SUM(q) AS score FROM m GROUP BY question_id HAVING SUM(q) >= ? ORDER BY score DESC, question_id DESC LIMIT ?`
	args = append(args, threshold, limit)
	var hits []struct {
		ID    int64
		Score int64
	}
	if err := db.Raw(q, args...).Scan(&hits).Error; err != nil {
		return nil, fmt.Errorf("search knowledge: %w", translate(err))
	}
	ids := make([]int64, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	list, err := s.questionsByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	score := map[int64]int64{}
	for _, h := range hits {
		score[h.ID] = h.Score
	}
	out := make([]intranet.KnowledgeMatch, 0, len(list))
	best := float64(len(words) * qualityScale * questionWeight)
	for _, qn := range list {
		out = append(out, intranet.KnowledgeMatch{Question: qn, Score: float64(score[qn.ID]) / best})
	}
	return out, nil
}

// queryWords reads a query into its words, each with the terms of the
// dictionary table (a table of one column, term) it stands for: a word the
// dictionary knows stands for itself, an unknown one (a typo, a word cut
// short) for the dictionary words it starts or resembles. The knowledge
// base and the bulletin board search through it.
func (s *Store) queryWords(ctx context.Context, query, table string) ([]queryWord, error) {
	var words []queryWord
	seen := map[string]bool{}
	for _, w := range phonebook.Words(query) {
		stems := wordStems(w)
		if len(stems) == 0 || seen[w] {
			continue
		}
		seen[w] = true
		words = append(words, queryWord{stems: stems, candidates: map[string]int{}})
		if len(words) == 12 {
			break
		}
	}
	if len(words) == 0 {
		return nil, nil
	}
	db := s.conn(ctx)
	// A word whose stem the dictionary knows stands for that stem; only an
	// unknown word (a typo, a word cut short) is corrected: it stands for
	// the dictionary words it starts or resembles (phonebook.Candidates).
	var all []string
	for _, w := range words {
		all = append(all, w.stems...)
	}
	known := map[string]bool{}
	var dictionary []string
	if s.engine == SQLite {
		if err := db.Raw("SELECT term FROM " + table).Scan(&dictionary).Error; err != nil {
			return nil, translate(err)
		}
		for _, t := range dictionary {
			known[t] = true
		}
	} else {
		var found []string
		if err := db.Raw("SELECT term FROM "+table+" WHERE term IN ?", all).Scan(&found).Error; err != nil {
			return nil, translate(err)
		}
		for _, t := range found {
			known[t] = true
		}
	}
	var unknown []string
	for i := range words {
		for _, stem := range words[i].stems {
			if known[stem] {
				words[i].candidates[stem] = qualityScale
			}
		}
		if len(words[i].candidates) == 0 {
			unknown = append(unknown, words[i].stems...)
		}
	}
	near := map[string][]string{} // unknown stem -> dictionary words to rank
	if len(unknown) > 0 && s.engine == Postgres {
		// One round trip: the trigram index finds the words similar enough
		// (pg_trgm's threshold 0.3, as phonebook.Quality), the C-collated
		// primary key the words a stem starts.
		var vals []string
		var vargs []any
		for _, stem := range unknown {
			vals, vargs = append(vals, "(CAST(? AS TEXT))"), append(vargs, stem)
		}
		var rows []struct{ Stem, Term string }
		err := db.Raw(`WITH s (stem) AS (VALUES `+strings.Join(vals, ", ")+`)
SELECT s.stem, w.term FROM s CROSS JOIN LATERAL (SELECT term FROM `+table+` WHERE term % s.stem OR (term >= s.stem AND term < s.stem || chr(1114111))) w`, vargs...).Scan(&rows).Error
		if err != nil {
			return nil, translate(err)
		}
		for _, r := range rows {
			near[r.Stem] = append(near[r.Stem], r.Term)
		}
	}
	for i := range words {
		if len(words[i].candidates) == 0 {
			for _, stem := range words[i].stems {
				dict := dictionary
				if s.engine == Postgres {
					dict = near[stem]
				}
				for _, c := range phonebook.Candidates(stem, "", dict) {
					if q := int(math.Round(c.Quality * qualityScale)); q > words[i].candidates[c.Term] {
						words[i].candidates[c.Term] = q
					}
				}
			}
		}
	}
	return words, nil
}
