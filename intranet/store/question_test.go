package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/store"
)

// questionPeople seeds the test organisation and returns ids by email prefix.
func questionPeople(t testing.TB, s *store.Store) map[string]int64 {
	t.Helper()
	seed(t, s)
	ids := map[string]int64{}
	for _, e := range []string{"anouk.vandenberg", "pieter.jansen", "jan.devries", "eva.bakker", "sanne.muller", "fatima.elamrani"} {
		p, err := s.FindPersonByEmail(context.Background(), e+"@example.nl")
		if err != nil {
			t.Fatal(err)
		}
		ids[e] = p.ID
	}
	return ids
}

func TestTopics(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		ids := questionPeople(t, s)
		topic, err := s.CreateTopic(ctx, "  Declaraties ", ids["fatima.elamrani"])
		if err != nil || topic.Name != "Declaraties" || topic.OwnerID != ids["fatima.elamrani"] || topic.Owner != "Fatima el Amrani" {
			t.Fatalf("create = %+v, %v", topic, err)
		}
		if _, err := s.CreateTopic(ctx, "DECLARATIES", 0); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Fatalf("duplicate: %v", err)
		}
		if _, err := s.CreateTopic(ctx, " - ", 0); intranet.ErrorCode(err) != intranet.EINVALID {
			t.Fatalf("empty: %v", err)
		}
		if err := s.SetTopicExpert(ctx, topic.ID, ids["eva.bakker"], true); err != nil {
			t.Fatal(err)
		}
		if err := s.SetTopicExpert(ctx, topic.ID, ids["eva.bakker"], true); err != nil {
			t.Fatalf("twice: %v", err)
		}
		if err := s.SetTopicExpert(ctx, topic.ID, 99999, true); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Fatalf("unknown person: %v", err)
		}
		ch := intranet.TopicChannel{Platform: intranet.PlatformSlack, Installation: "T1", ChannelID: "C1"}
		if err := s.LinkTopicChannel(ctx, topic.ID, ch); err != nil {
			t.Fatal(err)
		}
		// A second Slack channel replaces the first; Mattermost is separate.
		ch2 := intranet.TopicChannel{Platform: intranet.PlatformSlack, Installation: "T1", ChannelID: "C2"}
		mm := intranet.TopicChannel{Platform: intranet.PlatformMattermost, ChannelID: "m1"}
		if err := s.LinkTopicChannel(ctx, topic.ID, ch2); err != nil {
			t.Fatal(err)
		}
		if err := s.LinkTopicChannel(ctx, topic.ID, mm); err != nil {
			t.Fatal(err)
		}
		if err := s.SetTopicEscalation(ctx, topic.ID, 2); err != nil {
			t.Fatal(err)
		}
		if err := s.SetTopicEscalation(ctx, topic.ID, -1); intranet.ErrorCode(err) != intranet.EINVALID {
			t.Fatalf("negative hours: %v", err)
		}
		got, err := s.FindTopicByName(ctx, "declaratiës")
		if err != nil {
			t.Fatal(err)
		}
		want := &intranet.Topic{ID: topic.ID, Name: "Declaraties", OwnerID: ids["fatima.elamrani"], Owner: "Fatima el Amrani", EscalateHours: 2,
			Experts:  []intranet.TopicExpert{{PersonID: ids["eva.bakker"], Name: "Eva Bakker", Email: "eva.bakker@example.nl"}},
			Channels: []intranet.TopicChannel{mm, ch2}}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("topic (-want +got):\n%s", diff)
		}
		if byCh, err := s.FindTopicByChannel(ctx, intranet.PlatformSlack, "C2"); err != nil || byCh.ID != topic.ID {
			t.Fatalf("by channel = %+v, %v", byCh, err)
		}
		if _, err := s.FindTopicByChannel(ctx, intranet.PlatformSlack, "C1"); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Fatalf("old channel: %v", err)
		}
		if err := s.SetTopicExpert(ctx, topic.ID, ids["eva.bakker"], false); err != nil {
			t.Fatal(err)
		}
		if got, _ = s.FindTopicByID(ctx, topic.ID); len(got.Experts) != 0 {
			t.Fatalf("expert not removed: %+v", got.Experts)
		}
	})
}

func TestQuestionLifecycle(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		ids := questionPeople(t, s)
		now := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
		topic, err := s.CreateTopic(ctx, "Declaraties", ids["fatima.elamrani"])
		if err != nil {
			t.Fatal(err)
		}
		jan, eva, pieter := ids["jan.devries"], ids["eva.bakker"], ids["pieter.jansen"]
		if _, err := s.CreateQuestion(ctx, intranet.NewQuestion{AskerID: jan, Text: "  "}, now); intranet.ErrorCode(err) != intranet.EINVALID {
			t.Fatalf("empty: %v", err)
		}
		if _, err := s.CreateQuestion(ctx, intranet.NewQuestion{AskerID: jan, TopicID: 999, Text: "x y"}, now); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Fatalf("unknown topic: %v", err)
		}
		q, err := s.CreateQuestion(ctx, intranet.NewQuestion{AskerID: jan, TopicID: topic.ID, Text: "Hoe declareer ik mijn reiskosten?", Lang: "nl", Platform: intranet.PlatformSlack, Draft: true}, now)
		if err != nil || q.State != intranet.QuestionDraft || q.Topic != "Declaraties" || q.Asker != "Jan de Vries" || q.Platform != intranet.PlatformSlack {
			t.Fatalf("create = %+v, %v", q, err)
		}
		if _, err := s.AddAnswer(ctx, q.ID, eva, "Via het portaal.", now); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Fatalf("answer a draft: %v", err)
		}
		if _, err := s.SetQuestionState(ctx, q.ID, eva, []intranet.QuestionState{intranet.QuestionDraft}, intranet.QuestionOpen, now); intranet.ErrorCode(err) != intranet.EUNAUTHORIZED {
			t.Fatalf("someone else sends: %v", err)
		}
		if q, err = s.SetQuestionState(ctx, q.ID, jan, []intranet.QuestionState{intranet.QuestionDraft}, intranet.QuestionOpen, now); err != nil || q.State != intranet.QuestionOpen {
			t.Fatalf("send = %+v, %v", q, err)
		}
		if _, err := s.SetQuestionState(ctx, q.ID, jan, []intranet.QuestionState{intranet.QuestionDraft}, intranet.QuestionOpen, now); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Fatalf("send twice: %v", err)
		}
		if err := s.SetQuestionStep(ctx, q.ID, 1); err != nil {
			t.Fatal(err)
		}
		a1, err := s.AddAnswer(ctx, q.ID, eva, "Via het declaratieportaal, met de bonnetjes als foto.", now.Add(time.Minute))
		if err != nil || a1.Author != "Eva Bakker" {
			t.Fatalf("answer = %+v, %v", a1, err)
		}
		a2, err := s.AddAnswer(ctx, q.ID, pieter, "Vraag het aan HR.", now.Add(2*time.Minute))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SetQuestionStep(ctx, q.ID, 2); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Fatalf("step of an answered question: %v", err)
		}
		// Answered questions are found by the ask search, not by the KB.
		answered := []intranet.QuestionState{intranet.QuestionAnswered, intranet.QuestionAccepted}
		if m, err := s.SearchKnowledge(ctx, intranet.KnowledgeSearch{Query: "reiskosten declareren", States: answered}); err != nil || len(m) != 1 || m[0].Question.ID != q.ID {
			t.Fatalf("answered search = %v, %v", m, err)
		}
		if m, err := s.SearchKnowledge(ctx, intranet.KnowledgeSearch{Query: "reiskosten declareren"}); err != nil || len(m) != 0 {
			t.Fatalf("kb before accept = %v, %v", m, err)
		}
		if _, err := s.EditAnswer(ctx, a1.ID, pieter, "mine now", now); intranet.ErrorCode(err) != intranet.EUNAUTHORIZED {
			t.Fatalf("edit someone else's: %v", err)
		}
		if a1, err = s.EditAnswer(ctx, a1.ID, eva, "Via het declaratieportaal, met de bonnetjes als foto; kilometers apart.", now.Add(3*time.Minute)); err != nil || a1.Edited.IsZero() {
			t.Fatalf("edit = %+v, %v", a1, err)
		}
		if _, err := s.AcceptAnswer(ctx, q.ID, a1.ID, eva, now); intranet.ErrorCode(err) != intranet.EUNAUTHORIZED {
			t.Fatalf("accept on someone else's question: %v", err)
		}
		other, err := s.CreateQuestion(ctx, intranet.NewQuestion{AskerID: eva, Text: "Where is the printer?"}, now)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.AcceptAnswer(ctx, other.ID, a1.ID, eva, now); intranet.ErrorCode(err) != intranet.EINVALID {
			t.Fatalf("accept an answer of another question: %v", err)
		}
		if q, err = s.AcceptAnswer(ctx, q.ID, a1.ID, jan, now.Add(4*time.Minute)); err != nil || q.State != intranet.QuestionAccepted || q.Accepted().ID != a1.ID || len(q.Answers) != 2 {
			t.Fatalf("accept = %+v, %v", q, err)
		}
		if again, err := s.AcceptAnswer(ctx, q.ID, a1.ID, jan, now.Add(5*time.Minute)); intranet.ErrorCode(err) != intranet.ECONFLICT || again == nil || again.AcceptedAnswerID != a1.ID || !again.Changed.Equal(q.Changed) {
			t.Fatalf("accept again = %+v, %v; want ECONFLICT and the question unchanged", again, err)
		}
		if _, err := s.AddAnswer(ctx, q.ID, pieter, "Nog iets", now); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Fatalf("answer an accepted question: %v", err)
		}
		m, err := s.SearchKnowledge(ctx, intranet.KnowledgeSearch{Query: "kilometers"})
		if err != nil || len(m) != 1 || m[0].Question.ID != q.ID {
			t.Fatalf("kb after accept = %v, %v", m, err)
		}
		// Removing the accepted answer takes its words out of the KB and
		// the question out of the KB (answered again).
		if _, err := s.RemoveAnswer(ctx, a1.ID, now.Add(5*time.Minute)); err != nil {
			t.Fatal(err)
		}
		if _, err := s.RemoveAnswer(ctx, a1.ID, now); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Fatalf("remove twice: %v", err)
		}
		if _, err := s.EditAnswer(ctx, a1.ID, eva, "back", now); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Fatalf("edit a removed answer: %v", err)
		}
		if q, _ = s.FindQuestionByID(ctx, q.ID); q.State != intranet.QuestionAnswered || q.AcceptedAnswerID != 0 || len(q.Answers) != 1 || q.Answers[0].ID != a2.ID {
			t.Fatalf("after removal = %+v", q)
		}
		if m, _ := s.SearchKnowledge(ctx, intranet.KnowledgeSearch{Query: "kilometers", States: answered}); len(m) != 0 {
			t.Fatalf("removed words still found: %v", m)
		}
		if _, err := s.RemoveAnswer(ctx, a2.ID, now); err != nil {
			t.Fatal(err)
		}
		if q, _ = s.FindQuestionByID(ctx, q.ID); q.State != intranet.QuestionOpen {
			t.Fatalf("no answer left: %+v", q)
		}
		if _, err := s.SetQuestionState(ctx, q.ID, jan, []intranet.QuestionState{intranet.QuestionOpen, intranet.QuestionAnswered}, intranet.QuestionClosed, now); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddAnswer(ctx, q.ID, eva, "Te laat", now); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Fatalf("answer a closed question: %v", err)
		}
		mine, err := s.Questions(ctx, intranet.QuestionFilter{AskerID: &jan})
		if err != nil || len(mine) != 1 || mine[0].State != intranet.QuestionClosed {
			t.Fatalf("mine = %v, %v", mine, err)
		}
	})
}

func TestQuestionPosts(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		ids := questionPeople(t, s)
		now := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
		q, err := s.CreateQuestion(ctx, intranet.NewQuestion{AskerID: ids["jan.devries"], Text: "Hoe werkt de printer?"}, now)
		if err != nil {
			t.Fatal(err)
		}
		// A card posted straight away knows its message id; one sent
		// through the outbox learns it from the entry once delivered.
		direct := intranet.MessageRef{Platform: intranet.PlatformMattermost, Installation: "mm", ChannelID: "town", ID: "post1"}
		if err := s.AddQuestionPost(ctx, intranet.QuestionPost{QuestionID: q.ID, Ref: direct}); err != nil {
			t.Fatal(err)
		}
		oid, _, err := s.PutOutbox(ctx, intranet.Delivery{To: intranet.Destination{Platform: intranet.PlatformSlack, Installation: "T1", ChannelID: "C1"}, Key: fmt.Sprintf("q-%d", q.ID)})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.AddQuestionPost(ctx, intranet.QuestionPost{QuestionID: q.ID, Ref: intranet.MessageRef{Platform: intranet.PlatformSlack, Installation: "T1", ChannelID: "C1"}, OutboxID: oid}); err != nil {
			t.Fatal(err)
		}
		slackRef := intranet.MessageRef{Platform: intranet.PlatformSlack, Installation: "T1", ChannelID: "C1", ID: "1700000000.000100"}
		if _, err := s.FindQuestionByPost(ctx, slackRef); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Fatalf("before delivery: %v", err)
		}
		if err := s.MarkOutboxSent(ctx, oid, slackRef); err != nil {
			t.Fatal(err)
		}
		for _, ref := range []intranet.MessageRef{direct, slackRef} {
			got, err := s.FindQuestionByPost(ctx, ref)
			if err != nil || got.ID != q.ID {
				t.Fatalf("by post %+v = %+v, %v", ref, got, err)
			}
		}
		if _, err := s.FindQuestionByPost(ctx, intranet.MessageRef{Platform: intranet.PlatformSlack, ChannelID: "C1", ID: "other"}); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Fatalf("other message: %v", err)
		}
		posts, err := s.QuestionPosts(ctx, q.ID)
		if err != nil || len(posts) != 2 || posts[1].Ref.ID != slackRef.ID || posts[1].OutboxID != oid || posts[0].Ref != direct {
			t.Fatalf("posts = %+v, %v", posts, err)
		}
	})
}

// kbFixture is the fixed set of accepted questions the quality test
// searches: Dutch and English, with their accepted answers.
var kbFixture = []struct{ q, a string }{
	{"Hoe declareer ik mijn reiskosten?", "Via het declaratieportaal, met de bonnetjes als foto."},
	{"Waar vind ik mijn loonstrook?", "In het personeelsportaal onder Salaris."},
	{"Hoe vraag ik verlof aan?", "In het rooster, minstens twee weken vooraf; je teamleider keurt het goed."},
	{"Mijn laptop start niet op, wat nu?", "Houd de aan-knop tien seconden ingedrukt; helpt dat niet, bel de servicedesk."},
	{"How do I reset my password?", "Use the self-service page; the servicedesk can reset it too."},
	{"Where can I submit travel expenses?", "In the expense portal; attach the receipts."},
	{"Welke wondverbanden gebruiken we bij decubitus?", "Hydrocolloïd verband, volgens het wondzorgprotocol."},
	{"Who approves overtime hours?", "Your team lead approves overtime in the roster."},
	{"Hoe werkt het parkeren bij het hoofdkantoor?", "Vraag een parkeerpas aan bij Facilitair."},
	{"Can I get a second monitor for my desk?", "Order one from the IT shop; your manager approves."},
}

// TestKnowledgeSearchQuality searches the fixed set on both engines with
// Dutch and English wording, plurals and typos, and requires the expected
// question first and the same results on both engines.
func TestKnowledgeSearchQuality(t *testing.T) {
	cases := []struct {
		query string
		want  int // index in kbFixture; -1: nothing
	}{
		{"reiskosten declareren", 0},
		{"declaratie reiskosten", 0},
		{"reiskost", 0},
		{"reiskostn declaraties", 0},    // typo, plural
		{"loonstroken", 1},              // plural
		{"loonstrok", 1},                // typo
		{"verlof aanvragen", 2},         // verb form
		{"verlov", 2},                   // typo
		{"laptops", 3},                  // plural
		{"laptop start niet", 3},        //
		{"reset passwords", 4},          // English plural
		{"pasword reset", 4},            // typo
		{"travel expense", 5},           // singular
		{"expenses", 5},                 // answer and question
		{"wondverband decubitus", 6},    // singular of wondverbanden
		{"overtime approval", 7},        // approves / approval
		{"parkeerpas", 8},               // a word of the answer only
		{"parkeren hoofdkantoor", 8},    //
		{"second monitors", 9},          //
		{"koffieautomaat kapot", -1},    // nothing about it
		{"hoe wat waar", -1},            // stop words only
		{"the", -1},                     //
		{"monitor laptop password", -1}, // three questions at a third each: below the 35% a match needs
		{"servicedesk", 4},              // in answers 3 and 4 alike: the one changed last first
	}
	results := map[string][][]int64{}
	for _, engine := range []string{"sqlite", "postgres"} {
		s := open(t, engine)
		ctx := context.Background()
		ids := questionPeople(t, s)
		var qids []int64
		now := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
		for i, f := range kbFixture {
			at := now.Add(time.Duration(i) * time.Hour)
			q, err := s.CreateQuestion(ctx, intranet.NewQuestion{AskerID: ids["jan.devries"], Text: f.q}, at)
			if err != nil {
				t.Fatal(err)
			}
			a, err := s.AddAnswer(ctx, q.ID, ids["eva.bakker"], f.a, at)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.AcceptAnswer(ctx, q.ID, a.ID, ids["jan.devries"], at); err != nil {
				t.Fatal(err)
			}
			qids = append(qids, q.ID)
		}
		for _, tc := range cases {
			m, err := s.SearchKnowledge(ctx, intranet.KnowledgeSearch{Query: tc.query})
			if err != nil {
				t.Fatalf("%s %q: %v", engine, tc.query, err)
			}
			var got []int64
			for _, x := range m {
				got = append(got, x.Question.ID)
			}
			results[engine] = append(results[engine], got)
			switch {
			case tc.want < 0 && len(got) > 0:
				t.Errorf("%s %q: want nothing, got %v", engine, tc.query, got)
			case tc.want >= 0 && (len(got) == 0 || got[0] != qids[tc.want]):
				t.Errorf("%s %q: want question %d (%q) first, got %v", engine, tc.query, qids[tc.want], kbFixture[tc.want].q, got)
			}
		}
	}
	for i, tc := range cases {
		if diff := cmp.Diff(results["sqlite"][i], results["postgres"][i]); diff != "" {
			t.Errorf("%q: engines differ (-sqlite +postgres):\n%s", tc.query, diff)
		}
	}
}
