package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/store"
)

// TestPartnerQuestions: a topic opens to partners and closes again, a
// question carries its asker's organisation, and a search for a partner
// organisation finds only the questions of its people.
func TestPartnerQuestions(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		ids := questionPeople(t, s)
		now := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
		topic, err := s.CreateTopic(ctx, "Wondzorg", ids["fatima.elamrani"])
		if err != nil || topic.Partners {
			t.Fatalf("create = %+v, %v", topic, err)
		}
		if err := s.SetTopicPartners(ctx, topic.ID, true); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.FindTopicByID(ctx, topic.ID); !got.Partners {
			t.Fatalf("not open to partners: %+v", got)
		}
		if err := s.SetTopicPartners(ctx, 9999, true); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Fatalf("unknown topic: %v", err)
		}
		midden, err := s.AddOrganisation(ctx, "Thuiszorg Midden")
		if err != nil {
			t.Fatal(err)
		}
		noord, err := s.AddOrganisation(ctx, "Zorg Noord")
		if err != nil {
			t.Fatal(err)
		}
		anna, _, err := s.AddPartnerPerson(ctx, midden.ID, "anna@thuiszorgmidden.nl", "Anna Smit")
		if err != nil {
			t.Fatal(err)
		}
		bert, _, err := s.AddPartnerPerson(ctx, noord.ID, "bert@zorgnoord.nl", "Bert Noord")
		if err != nil {
			t.Fatal(err)
		}
		ask := func(asker int64, text string) *intranet.Question {
			t.Helper()
			q, err := s.CreateQuestion(ctx, intranet.NewQuestion{AskerID: asker, TopicID: topic.ID, Text: text}, now)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.AddAnswer(ctx, q.ID, ids["eva.bakker"], "Met steriel gaas verbinden.", now); err != nil {
				t.Fatal(err)
			}
			if q, err = s.FindQuestionByID(ctx, q.ID); err != nil {
				t.Fatal(err)
			}
			return q
		}
		qa := ask(anna.ID, "Hoe verbind ik een brandwond?")
		qb := ask(bert.ID, "Hoe verbind ik een schaafwond bij een brandwond?")
		qj := ask(ids["jan.devries"], "Welke zalf voor een brandwond?")
		if qa.AskerOrganisation != "Thuiszorg Midden" || qa.AskerOrganisationID != midden.ID || qj.AskerOrganisation != "" || qj.AskerOrganisationID != 0 {
			t.Fatalf("organisations: %+v / %+v", qa, qj)
		}
		found := func(ks intranet.KnowledgeSearch) []int64 {
			t.Helper()
			ks.Query, ks.States = "brandwond", []intranet.QuestionState{intranet.QuestionAnswered, intranet.QuestionAccepted}
			m, err := s.SearchKnowledge(ctx, ks)
			if err != nil {
				t.Fatal(err)
			}
			var out []int64
			for _, x := range m {
				out = append(out, x.Question.ID)
			}
			return out
		}
		if got := found(intranet.KnowledgeSearch{}); len(got) != 3 {
			t.Fatalf("everyone's = %v", got)
		}
		if got := found(intranet.KnowledgeSearch{Organisation: midden.ID}); len(got) != 1 || got[0] != qa.ID {
			t.Fatalf("Thuiszorg Midden's = %v, want [%d]", got, qa.ID)
		}
		if got := found(intranet.KnowledgeSearch{Organisation: noord.ID}); len(got) != 1 || got[0] != qb.ID {
			t.Fatalf("Zorg Noord's = %v, want [%d]", got, qb.ID)
		}
		if err := s.SetTopicPartners(ctx, topic.ID, false); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.FindTopicByID(ctx, topic.ID); got.Partners {
			t.Fatalf("still open to partners: %+v", got)
		}
	})
}
