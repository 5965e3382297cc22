package router_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/jobs"
	"github.com/werkplek/werkplek/intranet/phonebook"
	"github.com/werkplek/werkplek/intranet/router"
	"github.com/werkplek/werkplek/intranet/store"
)

// askPeople adds an admin and a few experts to the router tests' people.
const askPeople = `name,email,mobile,department,title,location,manager_email,skills,roles
Femke Admin,femke.admin@example.nl,,ICT,Beheerder,Utrecht,,,admin
Eva Bakker,eva.bakker@example.nl,,Financien,Controller,Utrecht,,Declaraties,
Bram Smit,bram.smit@example.nl,,Financien,Administrateur,Utrecht,,,
Cor Visser,cor.visser@example.nl,,Financien,Administrateur,Utrecht,,,
Dirk Mol,dirk.mol@example.nl,,Financien,Administrateur,Utrecht,,,
Els Kok,els.kok@example.nl,,Financien,Administrateur,Utrecht,,,
Fleur Bos,fleur.bos@example.nl,,Financien,Administrateur,Utrecht,,,
Geert Berg,geert.berg@example.nl,,Financien,Administrateur,Utrecht,,,
`

const (
	askFemke = "femke.admin@example.nl"
	askEva   = "eva.bakker@example.nl"
)

// askOthers are named experts in the phonebook's order (by surname): the
// first five are asked at once, the sixth at the first escalation.
var askOthers = []string{"geert.berg@example.nl", "fleur.bos@example.nl", "els.kok@example.nl", "dirk.mol@example.nl", "bram.smit@example.nl", "cor.visser@example.nl"}

func askSetup(t *testing.T, r *router.Router, s *store.Store, cfg *router.Questions) {
	t.Helper()
	recs, probs := phonebook.ParseCSV(strings.NewReader(askPeople))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if _, err := s.ImportPeople(context.Background(), recs, false); err != nil {
		t.Fatal(err)
	}
	r.UseQuestions(cfg)
	// Everyone says hello once, so that their console account is linked for DMs.
	for _, e := range append([]string{hoAnouk, hoPieter, hoKees, hoJan, askFemke, askEva}, askOthers...) {
		hoSay(t, r, e, "", "/werkplek help")
	}
	hoSay(t, r, hoPieter, "", "/werkplek language en")
}

// thread sends a message written in a channel thread under root.
func thread(t *testing.T, r *router.Router, email, channel, rootID, text string) intranet.Reply {
	t.Helper()
	q := req(email, text)
	q.Channel = intranet.Channel{ID: channel}
	q.Thread = &intranet.MessageRef{Platform: intranet.PlatformConsole, ChannelID: channel, ID: rootID}
	reply, err := r.Handle(context.Background(), q)
	if err != nil {
		t.Fatalf("%s: %v", text, err)
	}
	return reply
}

func TestAskFlow(t *testing.T) {
	engines(t, func(t *testing.T, r *router.Router, s *store.Store) {
		ctx := context.Background()
		now := time.Date(2026, 11, 23, 10, 0, 0, 0, hoZone)
		ps := &hoPosters{}
		askSetup(t, r, s, &router.Questions{Topics: s, Questions: s, Posters: ps, Location: hoZone, Now: func() time.Time { return now }, Tx: s})

		// Topics: admins add them, owners and admins manage them.
		wants(t, "add by non-admin", hoSay(t, r, hoJan, "", "/ask topic add Declaraties"), "Alleen een beheerder")
		wants(t, "add", hoSay(t, r, askFemke, "", "/ask topic add Declaraties"), "Onderwerp Declaraties gemaakt; jij bent de eigenaar")
		wants(t, "duplicate", hoSay(t, r, askFemke, "", "/vraag onderwerp nieuw declaraties"), "Er is al een onderwerp")
		wants(t, "channel in a DM", hoSay(t, r, askFemke, "", "/ask topic channel Declaraties"), "Typ dit in het kanaal")
		wants(t, "channel by non-owner", hoSay(t, r, hoJan, "vragen", "/ask topic channel Declaraties"), "Alleen een beheerder of de eigenaar van Declaraties (Femke Admin)")
		wants(t, "channel", hoSay(t, r, askFemke, "vragen", "/ask topic channel decl"), "Vragen over Declaraties komen voortaan in dit kanaal (op console)")
		wants(t, "expert by non-owner", hoSay(t, r, hoJan, "", "/ask expert add Declaraties pieter.jansen@example.nl"), "Alleen een beheerder of de eigenaar")
		wants(t, "expert nobody", hoSay(t, r, askFemke, "", "/ask expert add Declaraties Zwartekous"), "Ik vond \"Zwartekous\" niet in het telefoonboek")
		wants(t, "expert unknown topic", hoSay(t, r, askFemke, "", "/ask expert add Declaratis pieter.jansen@example.nl"), "Ik ken geen onderwerp \"Declaratis\"", "Bedoel je: Declaraties?")
		wants(t, "expert", hoSay(t, r, askFemke, "", "/ask deskundige toevoegen Declaraties pieter.jansen@example.nl"), "Pieter Jansen is deskundige voor Declaraties")
		wants(t, "topic list", hoSay(t, r, hoJan, "", "/ask topic list"), "Eigenaar: Femke Admin", "Pieter Jansen", "Eva Bakker (vaardigheid)", "console:vragen", "4 werkuren")

		// Bad input changes nothing.
		wants(t, "empty", hoSay(t, r, hoJan, "", "/ask"), "Typ `/ask <je vraag>")
		wants(t, "one word", hoSay(t, r, hoJan, "", "/ask declaraties?"), "Kun je wat meer vertellen?")
		got := hoSay(t, r, hoJan, "", "/ask Hoe declareer ik reiskosten? topic:declaratis")
		wants(t, "unknown topic", got, "Ik ken geen onderwerp \"declaratis\"", "Bedoel je: Declaraties?", "Of vraag het zonder onderwerp", "[Vraag zonder onderwerp: /ask Hoe declareer ik reiskosten?]")
		// Without a topic, and no expert's skill among its words: which topic?
		wants(t, "no topic", hoSay(t, r, hoJan, "", "/ask Waar staat de koffieautomaat?"), "Bij welk onderwerp hoort je vraag?",
			"[Declaraties: /ask Waar staat de koffieautomaat? topic:Declaraties]")
		if list, _ := s.Questions(ctx, intranet.QuestionFilter{}); len(list) != 0 {
			t.Fatalf("bad input made questions: %v", list)
		}

		// Ask: nothing earlier, so it goes to the channel and the experts.
		got = hoSay(t, r, hoJan, "", "/vraag Hoe declareer ik mijn reiskosten? onderwerp:Declaraties")
		wants(t, "asked", got, "Vraag #1 gesteld", "console:vragen", "Pieter Jansen", "Eva Bakker", "#1", "[Vraag sluiten: /ask close 1]")
		wants(t, "card", ps.card(intranet.PlatformConsole, "vragen"), "Vraag #1 · Declaraties", "Hoe declareer ik mijn reiskosten?", "Gevraagd door: Jan de Vries", "[Beantwoorden: /answer 1]")
		wants(t, "expert DM", strings.Join(ps.dms(intranet.PlatformConsole, hoPieter), "\n"), "Question #1 · Declaraties", "[Answer: /answer 1]")
		wants(t, "skill expert DM", strings.Join(ps.dms(intranet.PlatformConsole, askEva), "\n"), "Vraag #1")
		if got := ps.dms(intranet.PlatformConsole, hoJan); len(got) != 0 {
			t.Fatalf("the asker got a DM: %v", got)
		}

		// The answer button opens a form; the form answers.
		q := req(hoPieter, "")
		q.Action = &intranet.Action{Command: "/answer 1"}
		reply, err := r.Handle(ctx, q)
		if err != nil || reply.Form == nil || reply.Form.ID != "answer.1" || !strings.Contains(reply.Text, "/answer 1 <your answer>") {
			t.Fatalf("answer button = %+v, %v", reply, err)
		}
		q = req(hoPieter, "")
		q.Form = &intranet.FormSubmission{FormID: "answer.1", Values: map[string]string{"text": "  "}}
		if reply, err = r.Handle(ctx, q); err != nil || reply.FieldErrors["text"] == "" {
			t.Fatalf("empty form = %+v, %v", reply, err)
		}
		q.Form.Values["text"] = "Via het declaratieportaal, met de bonnetjes als foto."
		reply, err = r.Handle(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		wants(t, "answered by form", all(reply), "Thank you! Your answer (1) went to Jan de Vries.")
		wants(t, "asker told", strings.Join(ps.dms(intranet.PlatformConsole, hoJan), "\n"), "Antwoord op je vraag #1", "Via het declaratieportaal", "Van: Pieter Jansen", "[Accepteren: /answer accept 1]")
		wants(t, "own question", hoSay(t, r, hoJan, "", "/answer 1 zelf gevonden"), "Dit is je eigen vraag")

		// Thread replies under the card answer too; other chatter gets nothing.
		posts, err := s.QuestionPosts(ctx, 1)
		if err != nil || len(posts) != 1 || posts[0].Ref.ID == "" {
			t.Fatalf("posts = %+v, %v", posts, err)
		}
		root := posts[0].Ref.ID
		if reply := thread(t, r, askEva, "vragen", root, "En de kilometers apart opgeven in het portaal."); !reply.Empty() {
			t.Fatalf("thread answer replied: %+v", reply)
		}
		wants(t, "thread answer DM", strings.Join(ps.dms(intranet.PlatformConsole, hoJan), "\n"), "En de kilometers apart", "Van: Eva Bakker")
		if reply := thread(t, r, hoKees, "vragen", "some-other-message", "haha ja"); !reply.Empty() {
			t.Fatalf("chatter replied: %+v", reply)
		}
		if reply := thread(t, r, hoJan, "vragen", root, "dank jullie!"); !reply.Empty() {
			t.Fatalf("asker's thank-you replied: %+v", reply)
		}
		if reply := thread(t, r, hoKees, "vragen", root, "/ask topic add Hack"); !reply.Empty() {
			t.Fatalf("a command in a thread was run: %+v", reply)
		}
		question, err := s.FindQuestionByID(ctx, 1)
		if err != nil || len(question.Answers) != 3 || question.Answers[2].Text != "/ask topic add Hack" {
			t.Fatalf("answers = %+v, %v", question, err)
		}

		// Accept: only the asker.
		wants(t, "accept by another", press(t, r, hoPieter, "/answer accept 1"), "Only Jan de Vries, who asked question 1, can accept an answer.")
		wants(t, "accept", press(t, r, hoJan, "/answer accept 1"), "Geaccepteerd: het antwoord van Pieter Jansen op vraag 1 staat nu in de kennisbank.")
		wants(t, "author told", strings.Join(ps.dms(intranet.PlatformConsole, hoPieter), "\n"), "Jan de Vries accepted your answer to question #1")
		card := ps.card(intranet.PlatformConsole, "vragen")
		wants(t, "card accepted", card, "Geaccepteerd antwoord van Pieter Jansen", "Via het declaratieportaal", "Beantwoord; staat in de kennisbank")
		if strings.Contains(card, "[Beantwoorden: /answer 1]") {
			t.Errorf("the accepted card still has its answer button:\n%s", card)
		}
		wants(t, "answer accepted", hoSay(t, r, hoKees, "", "/antwoord 1 nog een tip"), "Vraag 1 is al beantwoord")

		// The knowledge base: who answered and when.
		wants(t, "kb", hoSay(t, r, hoKees, "", "/kb reiskosten declareren"), "#1 · Hoe declareer ik mijn reiskosten?", "Via het declaratieportaal", "Beantwoord door: Pieter Jansen, ma 23 nov 2026")
		wants(t, "ask search typo", hoSay(t, r, hoKees, "", "/ask zoek reiskostn"), "#1 · Hoe declareer ik mijn reiskosten?")
		wants(t, "kb nothing", hoSay(t, r, hoKees, "", "/kb koffieautomaat"), "De kennisbank heeft niets over \"koffieautomaat\"")

		// Asking again: earlier answers first; "This answers it" sends nothing.
		got = hoSay(t, r, hoKees, "", "/ask Hoe kan ik reiskosten declareren?")
		wants(t, "suggest", got, "Misschien is dit al beantwoord", "#1 · Hoe declareer ik mijn reiskosten?", "[Dit beantwoordt het: /ask solved 2]", "[Toch vragen: /ask send 2]")
		wants(t, "solved by another", press(t, r, hoJan, "/ask solved 2"), "Alleen Kees Janssen")
		wants(t, "solved", press(t, r, hoKees, "/ask solved 2"), "Mooi dat een eerder antwoord hielp")
		wants(t, "send after solved", press(t, r, hoKees, "/ask send 2"), "Vraag 2 is niet verstuurd: een eerder antwoord hielp.")
		cardsBefore := ps.card(intranet.PlatformConsole, "vragen")
		if strings.Contains(cardsBefore, "Vraag #2") {
			t.Fatalf("a self-served question was posted:\n%s", cardsBefore)
		}
		// "Ask anyway" sends the very text typed.
		hoSay(t, r, hoKees, "", "/ask Mag ik reiskosten declareren voor de trein naar een cursus? topic:declaraties")
		wants(t, "ask anyway", press(t, r, hoKees, "/ask send 3"), "Vraag #3 gesteld", "console:vragen")
		wants(t, "draft text survived", ps.card(intranet.PlatformConsole, "vragen"), "Vraag #3 · Declaraties", "Mag ik reiskosten declareren voor de trein naar een cursus?")
		wants(t, "send twice", press(t, r, hoKees, "/ask send 3"), "Vraag 3 is al verstuurd")

		// Edit and remove answers; the KB never shows removed content.
		wants(t, "edit by another", hoSay(t, r, hoJan, "", "/answer edit 1 iets anders"), "Alleen Pieter Jansen, die antwoord 1 schreef")
		wants(t, "edit", hoSay(t, r, hoPieter, "", "/answer edit 1 Via het nieuwe portaal Declaro."), "Answer 1 is updated")
		wants(t, "kb edited", hoSay(t, r, hoKees, "", "/kb declaro"), "Via het nieuwe portaal Declaro.")
		wants(t, "remove by non-admin", hoSay(t, r, hoPieter, "", "/answer remove 1"), "Only an admin can remove answers")
		wants(t, "remove", hoSay(t, r, askFemke, "", "/answer verwijder 1"), "Antwoord 1 is verwijderd")
		wants(t, "kb removed", hoSay(t, r, hoKees, "", "/kb declaro"), "De kennisbank heeft niets")
		wants(t, "card answered again", ps.card(intranet.PlatformConsole, "vragen"), "[Beantwoorden: /answer 1]", "Antwoorden tot nu toe: 2.")
		if got := hoSay(t, r, hoKees, "", "/ask show 1"); strings.Contains(got, "Declaro") {
			t.Fatalf("removed answer shown:\n%s", got)
		}

		// Close: only the asker; a closed question takes no answers.
		wants(t, "close by another", hoSay(t, r, hoPieter, "", "/ask close 3"), "Only Kees Janssen, who asked question 3, can close it.")
		wants(t, "close", hoSay(t, r, hoKees, "", "/ask sluit 3"), "Vraag 3 is gesloten")
		wants(t, "card closed", ps.card(intranet.PlatformConsole, "vragen"), "Gesloten door Kees Janssen; er kunnen geen antwoorden meer bij.")
		wants(t, "answer closed", hoSay(t, r, hoPieter, "", "/answer 3 Ja, dat mag."), "Question 3 was closed by Kees Janssen; it takes no more answers.")
		if reply := thread(t, r, hoPieter, "vragen", "3", "Ja"); !reply.Empty() {
			t.Fatalf("thread answer to a closed question replied: %+v", reply)
		}
		wants(t, "mine", hoSay(t, r, hoKees, "", "/ask mine"), "#3", "gesloten")
		// Without a topic, the people whose skill is a word of the question get it.
		wants(t, "no topic, by skill", hoSay(t, r, hoKees, "", "/ask Wie helpt met declaraties van de cursus?"), "Vraag #4 gesteld", "aan Eva Bakker")
		wants(t, "unknown question", hoSay(t, r, hoKees, "", "/answer 99 hallo"), "Er is geen vraag 99.")
	})
}

// TestAskEscalation runs the escalation through the real job runner on
// SQLite, driven by the clock (RunDue), and on both engines through the
// handler the router registers.
func TestAskEscalation(t *testing.T) {
	engines(t, func(t *testing.T, r *router.Router, s *store.Store) {
		ctx := context.Background()
		now := time.Date(2026, 11, 27, 14, 0, 0, 0, hoZone) // a Friday afternoon
		clock := func() time.Time { return now }
		ps := &hoPosters{}
		cfg := &router.Questions{Topics: s, Questions: s, Posters: ps, Location: hoZone, Now: clock, Tx: s}
		var runDue func() error
		if s.Engine() == store.SQLite {
			s.Now = clock
			runner, err := jobs.New(ctx, jobs.Config{Store: s, Now: clock})
			if err != nil {
				t.Fatal(err)
			}
			if err := r.RegisterQuestionJobs(runner); err != nil {
				t.Fatal(err)
			}
			outbox, err := jobs.NewOutbox(runner, ps.Poster)
			if err != nil {
				t.Fatal(err)
			}
			cfg.Scheduler, cfg.Outbox = runner, outbox
			runDue = func() error { _, err := runner.RunDue(ctx); return err }
		} else {
			fake := &fakeJobs{handlers: map[string]intranet.JobHandler{}}
			if err := r.RegisterQuestionJobs(fake); err != nil {
				t.Fatal(err)
			}
			cfg.Scheduler = fake
			runDue = func() error { return fake.runDue(ctx, now) }
		}
		askSetup(t, r, s, cfg)
		hoSay(t, r, askFemke, "", "/ask topic add Declaraties")
		hoSay(t, r, askFemke, "vragen", "/ask topic channel Declaraties")
		for _, e := range askOthers {
			wants(t, "expert", hoSay(t, r, askFemke, "", "/ask expert add Declaraties "+e), "is deskundige")
		}
		// Six named experts and Eva by her skill: five now, two at step 1.
		wants(t, "ask", hoSay(t, r, hoJan, "", "/ask Hoe declareer ik mijn reiskosten? topic:Declaraties"), "Vraag #1 gesteld")
		wants(t, "ask 2", hoSay(t, r, hoJan, "", "/ask Wie keurt overuren goed? topic:Declaraties"), "Vraag #2 gesteld")
		if err := runDue(); err != nil {
			t.Fatal(err)
		}
		dmsOf := func(email string) string { return strings.Join(ps.dms(intranet.PlatformConsole, email), "\n") }
		for _, e := range askOthers[:5] {
			wants(t, "first experts", dmsOf(e), "Vraag #1", "Vraag #2")
		}
		if got := dmsOf(askOthers[5]) + dmsOf(askEva); got != "" {
			t.Fatalf("later experts asked at once:\n%s", got)
		}
		if s.Engine() == store.SQLite {
			wants(t, "card via outbox", ps.card(intranet.PlatformConsole, "vragen"), "Vraag #1 · Declaraties")
			posts, err := s.QuestionPosts(ctx, 1)
			if err != nil || len(posts) != 1 || posts[0].Ref.ID == "" || posts[0].OutboxID == 0 {
				t.Fatalf("posts = %+v, %v", posts, err)
			}
			// A thread reply to the card the outbox delivered is an answer.
			if reply := thread(t, r, askOthers[0], "vragen", posts[0].Ref.ID, "Via het portaal."); !reply.Empty() {
				t.Fatalf("thread answer replied: %+v", reply)
			}
		} else {
			hoSay(t, r, askOthers[0], "", "/answer 1 Via het portaal.")
		}
		// Four working hours after Friday 14:00 is Monday 09:00.
		now = time.Date(2026, 11, 30, 8, 59, 0, 0, hoZone)
		if err := runDue(); err != nil {
			t.Fatal(err)
		}
		if got := dmsOf(askOthers[5]); got != "" {
			t.Fatalf("escalated too early:\n%s", got)
		}
		// The answered card says so (on SQLite through the outbox and the cards job).
		wants(t, "card answered", ps.card(intranet.PlatformConsole, "vragen"), "Antwoorden tot nu toe: 1.")
		now = time.Date(2026, 11, 30, 9, 0, 0, 0, hoZone)
		if err := runDue(); err != nil {
			t.Fatal(err)
		}
		wants(t, "next experts", dmsOf(askOthers[5]), "Nog niemand beantwoordde deze vraag van Jan de Vries", "Wie keurt overuren goed?")
		wants(t, "skill expert next", dmsOf(askEva), "Wie keurt overuren goed?")
		if strings.Contains(dmsOf(askOthers[5]), "reiskosten") {
			t.Fatalf("an answered question was escalated:\n%s", dmsOf(askOthers[5]))
		}
		if got := dmsOf(askFemke); strings.Contains(got, "Onbeantwoorde vraag") {
			t.Fatalf("owner told too early:\n%s", got)
		}
		now = time.Date(2026, 11, 30, 13, 0, 0, 0, hoZone)
		if err := runDue(); err != nil {
			t.Fatal(err)
		}
		wants(t, "owner", dmsOf(askFemke), "Onbeantwoorde vraag #2 · Declaraties", "Je bent eigenaar van Declaraties")
		q, err := s.FindQuestionByID(ctx, 2)
		if err != nil || q.Step != 2 {
			t.Fatalf("question 2 = %+v, %v", q, err)
		}
		// The topic's own escalation time.
		wants(t, "set", hoSay(t, r, askFemke, "", "/ask topic set Declaraties escalate:1"), "na 1 werkuren")
		wants(t, "set bad", hoSay(t, r, askFemke, "", "/ask topic set Declaraties escalate:veel"), "Typ `/ask topic set")
		wants(t, "set by non-owner", hoSay(t, r, hoJan, "", "/ask topic set Declaraties escalate:2"), "Alleen een beheerder of de eigenaar")
		hoSay(t, r, hoJan, "", "/ask Waar vind ik het formulier voor parkeerkosten? topic:Declaraties")
		hoSay(t, r, hoJan, "", "/ask close 3")
		now = now.Add(2 * time.Hour)
		if err := runDue(); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(dmsOf(askOthers[5]), "parkeerkosten") {
			t.Fatalf("a closed question was escalated")
		}
		// Question 1 loses its only answer: open again, it escalates again
		// (its steps were cancelled when it was answered).
		if strings.Contains(dmsOf(askOthers[5]), "reiskosten") {
			t.Fatalf("question 1 escalated while answered:\n%s", dmsOf(askOthers[5]))
		}
		wants(t, "remove the only answer", hoSay(t, r, askFemke, "", "/answer remove 1"), "Antwoord 1 is verwijderd")
		now = now.Add(2 * time.Hour)
		for range 2 { // the step, then the outbox's delivery
			if err := runDue(); err != nil {
				t.Fatal(err)
			}
		}
		wants(t, "reopened escalates", dmsOf(askOthers[5]), "Hoe declareer ik mijn reiskosten?")
	})
}

// TestAskAnswerGoesToTheAskersPlatform: the asker asked on Slack, the
// expert answers in the console: the answer's DM goes to the asker on
// Slack, although the asker has a console account too.
func TestAskAnswerGoesToTheAskersPlatform(t *testing.T) {
	engines(t, func(t *testing.T, r *router.Router, s *store.Store) {
		ctx := context.Background()
		ps := &hoPosters{}
		askSetup(t, r, s, &router.Questions{Topics: s, Questions: s, Posters: ps, Location: hoZone, Tx: s})
		jan, err := s.FindPersonByEmail(ctx, hoJan)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.LinkAccount(ctx, intranet.Account{Platform: intranet.PlatformSlack, Installation: "T1", UserID: "U-JAN", PersonID: jan.ID}); err != nil {
			t.Fatal(err)
		}
		hoSay(t, r, askFemke, "", "/ask topic add Declaraties")
		hoSay(t, r, askFemke, "", "/ask expert add Declaraties "+hoPieter)
		q := intranet.Request{Platform: intranet.PlatformSlack, Installation: "T1", User: intranet.User{ID: "U-JAN"}, Channel: intranet.Channel{ID: "D-JAN", Direct: true},
			Text: "/ask Hoe declareer ik mijn reiskosten? topic:Declaraties"}
		reply, err := r.Handle(ctx, q)
		if err != nil || !strings.Contains(reply.Title, "#1") {
			t.Fatalf("ask on Slack = %+v, %v", reply, err)
		}
		wants(t, "expert DM on the console", strings.Join(ps.dms(intranet.PlatformConsole, hoPieter), "\n"), "Question #1")
		wants(t, "answer", hoSay(t, r, hoPieter, "", "/answer 1 Via het portaal."), "went to Jan de Vries")
		wants(t, "asker's DM on Slack", strings.Join(ps.dms(intranet.PlatformSlack, "U-JAN"), "\n"), "Antwoord op je vraag #1", "Via het portaal.")
		if got := ps.dms(intranet.PlatformConsole, hoJan); len(got) != 0 {
			t.Errorf("the answer went to the console too: %v", got)
		}
	})
}
