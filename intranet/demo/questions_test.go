package demo

import "testing"

func TestQuestions(t *testing.T) {
	people := map[string]bool{}
	for _, p := range People() {
		people[p.Email] = true
	}
	topics := map[string]bool{}
	for _, tp := range Topics() {
		topics[tp.Name] = true
		for _, e := range append([]string{tp.Owner}, tp.Experts...) {
			if !people[e] {
				t.Errorf("topic %s: %q is not in the demo", tp.Name, e)
			}
		}
	}
	for _, q := range Questions() {
		if q.Topic != "" && !topics[q.Topic] || !people[q.Asker] || q.Answer != "" && !people[q.Answerer] {
			t.Errorf("question %+v names someone or something not in the demo", q)
		}
	}
}
