package store

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"
)

// LoadKnowledgeForBench writes accepted questions with one answer each
// straight into a fresh PostgreSQL database, with the search terms the
// store would index (KnowledgeTerms, the same weights), in large batches:
// 50 000 questions through CreateQuestion, AddAnswer and AcceptAnswer would
// take minutes. Ids are 1..len(qa).
func (s *Store) LoadKnowledgeForBench(ctx context.Context, askerID, authorID int64, qa [][2]string, now time.Time) error {
	if s.engine != Postgres {
		return fmt.Errorf("load knowledge: PostgreSQL only")
	}
	db := s.db.WithContext(ctx)
	now = questionTime(now)
	const batch = 2000
	for start := 0; start < len(qa); start += batch {
		end := min(start+batch, len(qa))
		var qrows, arows []string
		var qargs, aargs []any
		type term struct {
			t  string
			id int64
			w  int
		}
		var terms []term
		words := map[string]bool{}
		for i := start; i < end; i++ {
			id := int64(i + 1)
			qrows = append(qrows, "(?, ?, NULL, ?, 'accepted', 'nl', 'slack', ?, 0, ?, ?)")
			qargs = append(qargs, id, askerID, qa[i][0], id, now, now)
			arows = append(arows, "(?, ?, ?, ?, ?)")
			aargs = append(aargs, id, id, authorID, qa[i][1], now)
			weights := map[string]int{}
			for t := range KnowledgeTerms(qa[i][1]) {
				weights[t] = answerWeight
			}
			for t := range KnowledgeTerms(qa[i][0]) {
				weights[t] = questionWeight
			}
			for t, w := range weights {
				terms = append(terms, term{t, id, w})
				words[t] = true
			}
		}
		if err := db.Exec("INSERT INTO questions (id, asker_id, topic_id, text, state, lang, platform, accepted_answer_id, step, created_at, changed_at) VALUES "+strings.Join(qrows, ", "), qargs...).Error; err != nil {
			return err
		}
		if err := db.Exec("INSERT INTO answers (id, question_id, author_id, text, created_at) VALUES "+strings.Join(arows, ", "), aargs...).Error; err != nil {
			return err
		}
		for ts := 0; ts < len(terms); ts += 5000 {
			part := terms[ts:min(ts+5000, len(terms))]
			rows := make([]string, len(part))
			args := make([]any, 0, 3*len(part))
			for j, t := range part {
				rows[j] = "(?, ?, ?, true)"
				args = append(args, t.t, t.id, t.w)
			}
			if err := db.Exec("INSERT INTO question_terms (term, question_id, weight, accepted) VALUES "+strings.Join(rows, ", "), args...).Error; err != nil {
				return err
			}
		}
		list := make([]string, 0, len(words))
		for w := range words {
			list = append(list, w)
		}
		sort.Strings(list)
		rows := make([]string, len(list))
		args := make([]any, len(list))
		for j, w := range list {
			rows[j], args[j] = "(?)", w
		}
		if err := db.Exec("INSERT INTO question_words (term) VALUES "+strings.Join(rows, ", ")+" ON CONFLICT (term) DO NOTHING", args...).Error; err != nil {
			return err
		}
	}
	for _, q := range []string{
		"SELECT setval('questions_id_seq', (SELECT MAX(id) FROM questions))",
		"SELECT setval('answers_id_seq', (SELECT MAX(id) FROM answers))",
		"VACUUM ANALYZE questions", "VACUUM ANALYZE answers", "VACUUM ANALYZE question_terms", "VACUUM ANALYZE question_words",
	} {
		if err := db.Exec(q).Error; err != nil {
			return err
		}
	}
	return nil
}
