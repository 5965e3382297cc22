package questions_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature/questions"
	"github.com/werkplek/werkplek/intranet/phonebook"
)

// Partners of two organisations; Carla is Anna's colleague.
const (
	anna  = "anna@thuiszorgmidden.nl"
	carla = "carla@thuiszorgmidden.nl"
	bert  = "bert@zorgnoord.nl"
)

// partnerEnv is the questions unit with partners: Thuiszorg Midden (Anna,
// Carla; Kees is their contact) and Zorg Noord (Bert). Everyone said hello
// once; the partners from a guest account, as a platform reports them.
// From then on a DM goes only to an account someone wrote from, so that
// one to a partner's guest account goes out only where the feature lets
// it.
type partnerEnv struct {
	*coretest.Env
	ids map[string]int64
}

func partnerSetup(t *testing.T, e *coretest.Env) *partnerEnv {
	t.Helper()
	ctx := context.Background()
	e.Now = time.Date(2026, 11, 23, 10, 0, 0, 0, coretest.Amsterdam)
	recs, probs := phonebook.ParseCSV(strings.NewReader(askPeople))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	e.Import(recs...)
	u, err := questions.New(questions.Config{Env: e.Feature(), Topics: e.Store, Questions: e.Store, Partners: e.Store})
	if err != nil {
		t.Fatal(err)
	}
	e.Core(u)
	pe := &partnerEnv{Env: e, ids: map[string]int64{}}
	midden, err := e.Store.AddOrganisation(ctx, "Thuiszorg Midden")
	if err != nil {
		t.Fatal(err)
	}
	noord, err := e.Store.AddOrganisation(ctx, "Zorg Noord")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []struct {
		org         int64
		email, name string
	}{{midden.ID, anna, "Anna Smit"}, {midden.ID, carla, "Carla Groen"}, {noord.ID, bert, "Bert Noord"}} {
		if _, _, err := e.Store.AddPartnerPerson(ctx, p.org, p.email, p.name); err != nil {
			t.Fatal(err)
		}
		pe.partner(p.email, "/werkplek help")
	}
	for _, who := range []string{coretest.Anouk, pieter, kees, jan, femke, eva} {
		e.Say(who, "", "/werkplek help")
	}
	for _, who := range []string{anna, carla, bert, jan, eva, kees} {
		p, err := e.Store.FindPersonByEmail(ctx, who)
		if err != nil {
			t.Fatal(err)
		}
		pe.ids[who] = p.ID
	}
	if err := e.Store.AddPartnerContact(ctx, midden.ID, pe.ids[kees]); err != nil {
		t.Fatal(err)
	}
	linked := e.Recipients
	linked.Order = nil
	e.Outbox.People = linked
	return pe
}

// partner types text as a partner, from a guest account, in a DM.
func (e *partnerEnv) partner(email, text string) string {
	e.T.Helper()
	r := coretest.Request(email, "", text)
	r.User.Guest = true
	return coretest.All(e.Do(r))
}

// asked returns the number of the question a reply says was asked.
func asked(t *testing.T, reply string) int64 {
	t.Helper()
	var id int64
	for _, line := range strings.Split(reply, "\n") {
		if _, err := fmt.Sscanf(line, "Vraag #%d gesteld", &id); err == nil {
			return id
		}
	}
	t.Fatalf("no question asked:\n%s", reply)
	return 0
}

// answered stores a question of asker with an answer by Eva (accepted when
// accept), straight in the store.
func (e *partnerEnv) answered(asker, topic, text, answer string, accept bool) *intranet.Question {
	e.T.Helper()
	ctx := context.Background()
	t, err := e.Store.FindTopicByName(ctx, topic)
	if err != nil {
		e.T.Fatal(err)
	}
	q, err := e.Store.CreateQuestion(ctx, intranet.NewQuestion{AskerID: e.ids[asker], TopicID: t.ID, Text: text}, e.Now)
	if err != nil {
		e.T.Fatal(err)
	}
	a, err := e.Store.AddAnswer(ctx, q.ID, e.ids[eva], answer, e.Now)
	if err != nil {
		e.T.Fatal(err)
	}
	if accept {
		if _, err := e.Store.AcceptAnswer(ctx, q.ID, a.ID, e.ids[asker], e.Now); err != nil {
			e.T.Fatal(err)
		}
	}
	if q, err = e.Store.FindQuestionByID(ctx, q.ID); err != nil {
		e.T.Fatal(err)
	}
	return q
}

// TestTopicOpenToPartners: a topic's owner or an admin opens it to
// partners and closes it again; anyone else may not; employees see which
// topics are open to partners.
func TestTopicOpenToPartners(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		pe := partnerSetup(t, e)
		ctx := context.Background()
		say(e, femke, "", "/ask topic add Wondzorg")
		say(e, femke, "", "/ask topic add Declaraties")
		if _, err := e.Store.CreateTopic(ctx, "Reiskosten", pe.ids[eva]); err != nil {
			t.Fatal(err)
		}
		coretest.Wants(t, "by an employee", say(e, jan, "", "/ask topic set Wondzorg partners:on"), "Alleen een beheerder of de eigenaar van Wondzorg")
		coretest.Wants(t, "by a partner", pe.partner(anna, "/ask topic set Wondzorg partners:on"), "Als partner van Thuiszorg Midden")
		if topic, _ := e.Store.FindTopicByName(ctx, "Wondzorg"); topic.Partners {
			t.Fatal("opened by someone who may not")
		}
		coretest.Wants(t, "by an admin", say(e, femke, "", "/vraag onderwerp instellen Wondzorg partners:aan"), "Wondzorg staat open voor partners")
		coretest.Wants(t, "by its owner", say(e, eva, "", "/ask topic set Reiskosten partners:on escalate:2"), "Reiskosten staat open voor partners", "na 2 werkuren")
		list := say(e, jan, "", "/ask topic list")
		coretest.Wants(t, "list", list, "Partners: open voor partners")
		if n := strings.Count(list, "open voor partners"); n != 2 {
			t.Errorf("list: %d topics open to partners, want 2:\n%s", n, list)
		}
		coretest.Wants(t, "show", say(e, jan, "", "/ask topic show Wondzorg"), "Partners: open voor partners")
		coretest.Lacks(t, "show closed", say(e, jan, "", "/ask topic show Declaraties"), "partners")
		coretest.Wants(t, "close", say(e, femke, "", "/ask topic set Wondzorg partners:uit"), "Wondzorg staat niet meer open voor partners")
		if topic, _ := e.Store.FindTopicByName(ctx, "Wondzorg"); topic.Partners {
			t.Fatal("still open to partners")
		}
		coretest.Lacks(t, "show after closing", say(e, jan, "", "/ask topic show Wondzorg"), "open voor partners")
	})
}

// TestPartnerAsks: a partner asks only topics open to partners (never
// told the names of the others), the experts get the question labelled,
// the answer reaches the partner's guest account with the expert's name
// only, and a partner does not answer.
func TestPartnerAsks(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		pe := partnerSetup(t, e)
		say(e, femke, "", "/ask topic add Wondzorg")
		say(e, femke, "", "/ask expert add Wondzorg eva.bakker@example.nl")
		say(e, femke, "vragen", "/ask topic channel Wondzorg")
		say(e, femke, "", "/ask topic add Geheimhouding")
		say(e, femke, "", "/ask topic add Reiskosten")

		// Nothing open yet: whom to ask.
		got := pe.partner(anna, "/ask Hoe verbind ik een brandwond?")
		coretest.Wants(t, "nothing open", got, "Er staan nog geen onderwerpen open voor vragen van partners", "je contactpersoon hier (Kees Janssen)")
		coretest.Lacks(t, "nothing open", got, "Geheimhouding", "Wondzorg", "Reiskosten")

		say(e, femke, "", "/ask topic set Wondzorg partners:on")
		for _, topic := range []string{"Geheimhouding", "Geheim", "Bestaatniet"} {
			got := pe.partner(anna, "/ask Hoe verbind ik een brandwond? topic:"+topic)
			coretest.Wants(t, "closed topic "+topic, got, "Partners kunnen geen vragen stellen over", "Wel over: Wondzorg", "[Wondzorg: /ask")
			coretest.Lacks(t, "closed topic "+topic, got, "Reiskosten", "Vraag #")
			if topic != "Geheimhouding" && topic != "Geheim" {
				coretest.Lacks(t, "closed topic "+topic, got, "Geheimhouding")
			}
		}

		// The one topic open to partners.
		got = pe.partner(anna, "/ask Hoe verbind ik een brandwond?")
		id := asked(t, got)
		coretest.Wants(t, "asked", got, "Je vraag ging naar de deskundigen van Wondzorg")
		coretest.Lacks(t, "asked", got, "vragen", "console:", "Eva Bakker")
		label := "Anna Smit · Thuiszorg Midden (partner)"
		coretest.Wants(t, "card in the topic's channel", card(e), "Hoe verbind ik een brandwond?", "Gevraagd door: "+label)
		coretest.Wants(t, "the expert's DM", dms(e, eva), "Hoe verbind ik een brandwond?", "Gevraagd door: "+label)
		coretest.Wants(t, "an employee's show", say(e, jan, "", fmt.Sprintf("/ask show %d", id)), "Gesteld door "+label)

		// Two open: the partner chooses, among those only.
		say(e, femke, "", "/ask topic set Reiskosten partners:on")
		got = pe.partner(anna, "/ask Wat kost een parkeerkaart bij jullie?")
		coretest.Wants(t, "which topic", got, "Over welk onderwerp gaat je vraag? Partners kunnen vragen stellen over: Reiskosten, Wondzorg", "[Wondzorg: /ask", "topic:Reiskosten]")
		coretest.Lacks(t, "which topic", got, "Geheimhouding", "Vraag #")

		// A partner does not answer, not even their colleague's question.
		got = pe.partner(carla, fmt.Sprintf("/answer %d Met gaas.", id))
		coretest.Wants(t, "a partner answers", got, "Als partner van Thuiszorg Midden gebruik je in Werkplek alleen wat met partners gedeeld is")
		coretest.Lacks(t, "a colleague's question shown to a partner", pe.partner(carla, fmt.Sprintf("/ask show %d", id)), "Beantwoorden")

		// The expert's answer reaches the partner's guest account.
		coretest.Wants(t, "answer", say(e, eva, "", fmt.Sprintf("/answer %d Met steriel gaas, niet te strak.", id)), "ging naar "+label)
		got = dms(e, anna)
		coretest.Wants(t, "the answer's DM", got, "Antwoord op je vraag #", "Met steriel gaas, niet te strak.", "Van: Eva Bakker\n")
		coretest.Lacks(t, "the answer's DM", got, "eva.bakker@example.nl", "Financien", "Controller")
		q, err := e.Store.FindQuestionByID(context.Background(), id)
		if err != nil || len(q.Answers) != 1 {
			t.Fatalf("answers = %+v, %v (the partner's answer must not be stored)", q, err)
		}
		coretest.Wants(t, "accept", pe.partner(anna, fmt.Sprintf("/answer accept %d", q.Answers[0].ID)), "Geaccepteerd")
		coretest.Wants(t, "the author hears", dms(e, eva), label+" accepteerde je antwoord")
	})
}

// TestPartnerSeesOwnOrganisation: the earlier answers, the search, show,
// close, accept and mine of a partner know only their own organisation's
// questions: never an employee's, never another organisation's.
func TestPartnerSeesOwnOrganisation(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		pe := partnerSetup(t, e)
		say(e, femke, "", "/ask topic add Wondzorg")
		say(e, femke, "", "/ask expert add Wondzorg eva.bakker@example.nl")
		say(e, femke, "", "/ask topic set Wondzorg partners:on")
		internal := pe.answered(jan, "Wondzorg", "Welke zalf bij een brandwond op de afdeling?", "De interne zalf uit kast 3.", true)
		other := pe.answered(bert, "Wondzorg", "Hoe verbind ik een brandwond bij Zorg Noord?", "Met het Noord-protocol.", true)
		own := pe.answered(carla, "Wondzorg", "Hoe verbind ik een brandwond thuis?", "Met steriel gaas.", true)
		hidden := []string{internal.Text, "kast 3", other.Text, "Noord-protocol"}

		for _, cmd := range []string{"/ask search brandwond", "/kb brandwond", "/kennisbank brandwond verbinden"} {
			got := pe.partner(anna, cmd)
			coretest.Wants(t, cmd, got, own.Text, "Met steriel gaas.")
			coretest.Lacks(t, cmd, got, hidden...)
		}
		coretest.Wants(t, "nothing found", pe.partner(anna, "/kb zalf kast"), "De vragen van je organisatie hebben niets over \"zalf kast\"")
		got := pe.partner(anna, "/ask Hoe verbind ik een brandwond?")
		coretest.Wants(t, "earlier answers", got, "Misschien is dit al beantwoord", own.Text)
		coretest.Lacks(t, "earlier answers", got, hidden...)

		for _, q := range []*intranet.Question{internal, other} {
			for _, cmd := range []string{"/ask show %d", "/ask close %d", "/ask send %d", "/ask solved %d"} {
				cmd = fmt.Sprintf(cmd, q.ID)
				got := pe.partner(anna, cmd)
				coretest.Wants(t, cmd, got, fmt.Sprintf("Er is geen vraag %d.", q.ID))
				coretest.Lacks(t, cmd, got, hidden...)
			}
			cmd := fmt.Sprintf("/answer accept %d", q.Answers[0].ID)
			coretest.Wants(t, cmd, pe.partner(anna, cmd), fmt.Sprintf("Er is geen antwoord %d.", q.Answers[0].ID))
		}
		coretest.Wants(t, "a colleague's question", pe.partner(anna, fmt.Sprintf("/ask show %d", own.ID)), own.Text, "Met steriel gaas.", "Gesteld door Carla Groen")
		mine := pe.partner(carla, "/ask mine")
		coretest.Wants(t, "mine", mine, own.Text)
		coretest.Lacks(t, "mine", mine, hidden...)

		// Employees search everything, a partner's question labelled.
		got = say(e, kees, "", "/kb brandwond")
		coretest.Wants(t, "an employee's search", got, internal.Text, other.Text, own.Text, "Gevraagd door: Bert Noord · Zorg Noord (partner)")
	})
}

// TestPartnerHearsOfUnreachableExpert: an expert whom no platform reaches
// is told of to the asker, also on a partner's guest account, without
// the expert's name (a partner knows only their contacts by name).
func TestPartnerHearsOfUnreachableExpert(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		pe := partnerSetup(t, e)
		say(e, femke, "", "/ask topic add Wondzorg")
		// Bram never wrote: no platform reaches him.
		say(e, femke, "", "/ask expert add Wondzorg bram.smit@example.nl")
		say(e, femke, "", "/ask topic set Wondzorg partners:on")
		id := asked(t, pe.partner(anna, "/ask Hoe verbind ik een brandwond?"))
		coretest.Wants(t, "the asker hears", dms(e, anna), fmt.Sprintf("Ik kon een van de deskundigen van Wondzorg nergens een bericht sturen over vraag #%d", id))
		coretest.Lacks(t, "the asker hears", dms(e, anna), "Bram")
		coretest.Wants(t, "the topic's owner hears", dms(e, femke), fmt.Sprintf("Ik kon Bram Smit nergens een bericht sturen over vraag #%d", id))
	})
}

// TestPartnerIsNoExpert: a partner is never made an expert, who would see
// everyone's questions of the topic.
func TestPartnerIsNoExpert(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		partnerSetup(t, e)
		say(e, femke, "", "/ask topic add Wondzorg")
		coretest.Wants(t, "a partner as expert", say(e, femke, "", "/ask expert add Wondzorg "+anna), "Anna Smit · Thuiszorg Midden (partner) kan geen deskundige zijn")
		topic, err := e.Store.FindTopicByName(context.Background(), "Wondzorg")
		if err != nil || len(topic.Experts) != 0 {
			t.Fatalf("experts = %+v, %v", topic, err)
		}
	})
}

// TestPartnerSeesNoQuestionOfFormerEmployee: an employee who becomes a
// partner brings along what they asked as an employee to a topic closed
// to partners; their organisation does not see it (search, show), they
// alone still see their own. A question of the organisation to a topic
// that closes to partners leaves their colleagues' sight too.
func TestPartnerSeesNoQuestionOfFormerEmployee(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		pe := partnerSetup(t, e)
		ctx := context.Background()
		say(e, femke, "", "/ask topic add Personeelszaken")
		say(e, femke, "", "/ask topic add Wondzorg")
		say(e, femke, "", "/ask topic set Wondzorg partners:on")
		internal := pe.answered(jan, "Personeelszaken", "Hoe meld ik verzuim van een collega brandwond?", "Via het interne verzuimportaal.", true)
		own := pe.answered(carla, "Wondzorg", "Hoe verbind ik een brandwond thuis?", "Met steriel gaas.", true)
		org, err := e.Store.FindOrganisation(ctx, "Thuiszorg Midden")
		if err != nil {
			t.Fatal(err)
		}
		if err := e.Store.SetOrganisation(ctx, pe.ids[jan], org.ID); err != nil {
			t.Fatal(err)
		}
		hidden := []string{internal.Text, "verzuimportaal"}
		for _, cmd := range []string{"/kb brandwond", fmt.Sprintf("/ask show %d", internal.ID)} {
			got := pe.partner(anna, cmd)
			coretest.Lacks(t, cmd, got, hidden...)
		}
		coretest.Wants(t, "search", pe.partner(anna, "/kb brandwond"), own.Text)
		coretest.Wants(t, "their own", pe.partner(jan, fmt.Sprintf("/ask show %d", internal.ID)), internal.Text)

		say(e, femke, "", "/ask topic set Wondzorg partners:off")
		coretest.Lacks(t, "a closed topic", pe.partner(anna, fmt.Sprintf("/ask show %d", own.ID)), own.Text)
		coretest.Wants(t, "their own, closed", pe.partner(carla, fmt.Sprintf("/ask show %d", own.ID)), own.Text)
	})
}
