package questions_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/internal/pgtest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature/questions"
	"github.com/werkplek/werkplek/intranet/phonebook"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// askPeople adds an admin and a few experts to the test organisation.
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
	femke  = "femke.admin@example.nl"
	eva    = "eva.bakker@example.nl"
	jan    = coretest.Jan
	pieter = coretest.Pieter
	kees   = coretest.Kees
)

// others are named experts in the phonebook's order (by surname): the
// first five are asked at once, the sixth at the first escalation.
var others = []string{"geert.berg@example.nl", "fleur.bos@example.nl", "els.kok@example.nl", "dirk.mol@example.nl", "bram.smit@example.nl", "cor.visser@example.nl"}

// setup builds the router over the questions unit and returns the unit;
// everyone says hello once, so that their console account is linked for
// DMs, and Pieter reads English.
func setup(t *testing.T, e *coretest.Env) *questions.Unit {
	t.Helper()
	recs, probs := phonebook.ParseCSV(strings.NewReader(askPeople))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	e.Import(recs...)
	u, err := questions.New(questions.Config{Env: e.Feature(), Topics: e.Store, Questions: e.Store})
	if err != nil {
		t.Fatal(err)
	}
	e.Core(u)
	for _, who := range append([]string{coretest.Anouk, pieter, kees, jan, femke, eva}, others...) {
		e.Say(who, "", "/werkplek help")
	}
	e.Say(pieter, "", "/werkplek language en")
	return u
}

// say types text and returns everything the reply says.
func say(e *coretest.Env, email, channel, text string) string {
	e.T.Helper()
	return coretest.All(e.Say(email, channel, text))
}

func press(e *coretest.Env, email, command string) string {
	e.T.Helper()
	return coretest.All(e.Press(email, command))
}

// thread writes a plain message in a channel thread under root.
func thread(e *coretest.Env, email, channel, root, text string) intranet.Reply {
	e.T.Helper()
	r := coretest.Request(email, channel, text)
	r.Thread = &intranet.MessageRef{Platform: intranet.PlatformConsole, ChannelID: channel, ID: root}
	return e.Do(r)
}

func dms(e *coretest.Env, email string) string {
	return strings.Join(e.Posters.DMs(intranet.PlatformConsole, email), "\n")
}

func card(e *coretest.Env) string { return e.Posters.Card(intranet.PlatformConsole, "vragen") }

func TestNew(t *testing.T) {
	if _, err := questions.New(questions.Config{}); err == nil {
		t.Fatal("New without services: want an error")
	}
}

func TestAskFlow(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		e.Now = time.Date(2026, 11, 23, 10, 0, 0, 0, coretest.Amsterdam)
		setup(t, e)
		s := e.Store

		// Topics: admins add them, owners and admins manage them.
		coretest.Wants(t, "add by non-admin", say(e, jan, "", "/ask topic add Declaraties"), "Alleen een beheerder")
		coretest.Wants(t, "add", say(e, femke, "", "/ask topic add Declaraties"), "Onderwerp Declaraties gemaakt; jij bent de eigenaar")
		coretest.Wants(t, "duplicate", say(e, femke, "", "/vraag onderwerp nieuw declaraties"), "Er is al een onderwerp")
		coretest.Wants(t, "channel in a DM", say(e, femke, "", "/ask topic channel Declaraties"), "Typ dit in het kanaal")
		coretest.Wants(t, "channel by non-owner", say(e, jan, "vragen", "/ask topic channel Declaraties"), "Alleen een beheerder of de eigenaar van Declaraties (Femke Admin)")
		coretest.Wants(t, "channel", say(e, femke, "vragen", "/ask topic channel decl"), "Vragen over Declaraties komen voortaan in dit kanaal (op console)")
		coretest.Wants(t, "expert by non-owner", say(e, jan, "", "/ask expert add Declaraties pieter.jansen@example.nl"), "Alleen een beheerder of de eigenaar")
		coretest.Wants(t, "expert nobody", say(e, femke, "", "/ask expert add Declaraties Zwartekous"), "Ik vond \"Zwartekous\" niet in het telefoonboek")
		coretest.Wants(t, "expert unknown topic", say(e, femke, "", "/ask expert add Declaratis pieter.jansen@example.nl"), "Ik ken geen onderwerp \"Declaratis\"", "Bedoel je: Declaraties?")
		coretest.Wants(t, "expert", say(e, femke, "", "/ask deskundige toevoegen Declaraties pieter.jansen@example.nl"), "Pieter Jansen is deskundige voor Declaraties")
		coretest.Wants(t, "topic list", say(e, jan, "", "/ask topic list"), "Eigenaar: Femke Admin", "Pieter Jansen", "Eva Bakker (vaardigheid)", "console:vragen", "4 werkuren")
		coretest.Wants(t, "topic show", say(e, jan, "", "/ask topic show decl"), "Declaraties", "Eigenaar: Femke Admin")

		// Bad input changes nothing.
		coretest.Wants(t, "empty", say(e, jan, "", "/ask"), "Ik mis `<vraag>`", "Schrijf `/ask <vraag>")
		coretest.Wants(t, "one word", say(e, jan, "", "/ask declaraties?"), "Kun je wat meer vertellen?", "Schrijf `/ask <vraag>")
		got := say(e, jan, "", "/ask Hoe declareer ik reiskosten? topic:declaratis")
		coretest.Wants(t, "unknown topic", got, "Ik ken geen onderwerp \"declaratis\"", "Bedoel je: Declaraties?", "Of vraag het zonder onderwerp",
			"[Vraag zonder onderwerp: /ask \"Hoe declareer ik reiskosten?\"]")
		// Without a topic, and no expert's skill among its words: which topic?
		coretest.Wants(t, "no topic", say(e, jan, "", "/ask Waar staat de koffieautomaat?"), "Bij welk onderwerp hoort je vraag?",
			"[Declaraties: /ask \"Waar staat de koffieautomaat?\" topic:Declaraties]")
		// "/ask topic …" and "/ask expert …" that do not fit are mistakes, never questions.
		coretest.Wants(t, "expert without person", say(e, femke, "", "/ask expert add Declaraties"), "Schrijf `/ask expert add <onderwerp> <persoon>`")
		coretest.Wants(t, "topic show without topic", say(e, femke, "", "/ask topic show"), "Ik mis `<onderwerp>`")
		if list, _ := s.Questions(ctx, intranet.QuestionFilter{}); len(list) != 0 {
			t.Fatalf("bad input made questions: %v", list)
		}

		// Ask: nothing earlier, so it goes to the channel and the experts.
		got = say(e, jan, "", "/vraag Hoe declareer ik mijn reiskosten? onderwerp:Declaraties")
		coretest.Wants(t, "asked", got, "Vraag #1 gesteld", "console:vragen", "Pieter Jansen", "Eva Bakker", "#1", "[Vraag sluiten: /ask close 1]")
		coretest.Wants(t, "card", card(e), "Vraag #1 · Declaraties", "Hoe declareer ik mijn reiskosten?", "Gevraagd door: Jan de Vries", "[Beantwoorden: /answer 1]")
		coretest.Wants(t, "expert DM", dms(e, pieter), "Question #1 · Declaraties", "[Answer: /answer 1]")
		coretest.Wants(t, "skill expert DM", dms(e, eva), "Vraag #1")
		if got := dms(e, jan); got != "" {
			t.Fatalf("the asker got a DM: %v", got)
		}

		// The answer button opens a form; the form answers.
		r := coretest.Request(pieter, "", "")
		r.Action = &intranet.Action{Command: "/answer 1"}
		reply := e.Do(r)
		if reply.Form == nil || reply.Form.ID != "answer.1" || !strings.Contains(reply.Text, "/answer 1 <your answer>") {
			t.Fatalf("answer button = %+v", reply)
		}
		r = coretest.Request(pieter, "", "")
		r.Form = &intranet.FormSubmission{FormID: "answer.1", Values: map[string]string{"text": "  "}}
		if reply = e.Do(r); reply.FieldErrors["text"] == "" {
			t.Fatalf("empty form = %+v", reply)
		}
		r.Form.Values["text"] = "Via het declaratieportaal, met de bonnetjes als foto."
		coretest.Wants(t, "answered by form", coretest.All(e.Do(r)), "Thank you! Your answer (1) went to Jan de Vries.")
		coretest.Wants(t, "asker told", dms(e, jan), "Antwoord op je vraag #1", "Via het declaratieportaal", "Van: Pieter Jansen", "[Accepteren: /answer accept 1]")
		coretest.Wants(t, "own question", say(e, jan, "", "/answer 1 zelf gevonden"), "Dit is je eigen vraag")
		r.Form.FormID = "answer.x"
		coretest.Wants(t, "unknown form", coretest.All(e.Do(r)), "I don't know that form.")

		// Thread replies under the card answer too; other chatter gets nothing.
		posts, err := s.QuestionPosts(ctx, 1)
		if err != nil || len(posts) != 1 || posts[0].Ref.ID == "" {
			t.Fatalf("posts = %+v, %v", posts, err)
		}
		root := posts[0].Ref.ID
		if reply := thread(e, eva, "vragen", root, "En de kilometers apart opgeven in het portaal."); !reply.Empty() {
			t.Fatalf("thread answer replied: %+v", reply)
		}
		coretest.Wants(t, "thread answer DM", dms(e, jan), "En de kilometers apart", "Van: Eva Bakker")
		if reply := thread(e, kees, "vragen", "some-other-message", "haha ja"); !reply.Empty() {
			t.Fatalf("chatter replied: %+v", reply)
		}
		if reply := thread(e, jan, "vragen", root, "dank jullie!"); !reply.Empty() {
			t.Fatalf("asker's thank-you replied: %+v", reply)
		}
		if reply := thread(e, kees, "vragen", root, "/ask topic add Hack"); !reply.Empty() {
			t.Fatalf("a command in a thread was run: %+v", reply)
		}
		question, err := s.FindQuestionByID(ctx, 1)
		if err != nil || len(question.Answers) != 3 || question.Answers[2].Text != "/ask topic add Hack" {
			t.Fatalf("answers = %+v, %v", question, err)
		}
		e.RunDue()
		coretest.Wants(t, "card answered", card(e), "Antwoorden tot nu toe: 3.")

		// Accept: only the asker.
		coretest.Wants(t, "accept by another", press(e, pieter, "/answer accept 1"), "Only Jan de Vries, who asked question 1, can accept an answer.")
		reply = e.Press(jan, "/answer accept 1")
		coretest.Wants(t, "accept", coretest.All(reply), "Geaccepteerd: het antwoord van Pieter Jansen op vraag 1 staat nu in de kennisbank.")
		if !reply.ReplaceOriginal {
			t.Errorf("accept by button does not replace the DM: %+v", reply)
		}
		coretest.Wants(t, "author told", dms(e, pieter), "Jan de Vries accepted your answer to question #1")
		e.RunDue()
		coretest.Wants(t, "card accepted", card(e), "Geaccepteerd antwoord van Pieter Jansen", "Via het declaratieportaal", "Beantwoord; staat in de kennisbank")
		coretest.Lacks(t, "card accepted", card(e), "[Beantwoorden: /answer 1]")
		coretest.Wants(t, "answer accepted", say(e, kees, "", "/antwoord 1 nog een tip"), "Vraag 1 is al beantwoord")

		// The knowledge base: who answered and when.
		coretest.Wants(t, "kb", say(e, kees, "", "/kb reiskosten declareren"), "#1 · Hoe declareer ik mijn reiskosten?", "Via het declaratieportaal", "Beantwoord door: Pieter Jansen, ma 23 nov 2026", "[Toon: /ask show 1]")
		coretest.Wants(t, "ask search typo", say(e, kees, "", "/ask zoek reiskostn"), "#1 · Hoe declareer ik mijn reiskosten?")
		coretest.Wants(t, "kb nothing", say(e, kees, "", "/kb koffieautomaat"), "De kennisbank heeft niets over \"koffieautomaat\"")
		coretest.Wants(t, "kb empty", say(e, kees, "", "/kb"), "Ik mis `<woorden>`")

		// Asking again: earlier answers first; "This answers it" sends nothing.
		got = say(e, kees, "", "/ask Hoe kan ik reiskosten declareren?")
		coretest.Wants(t, "suggest", got, "Misschien is dit al beantwoord", "#1 · Hoe declareer ik mijn reiskosten?", "[Dit beantwoordt het: /ask solved 2]", "[Toch vragen: /ask send 2]")
		coretest.Wants(t, "solved by another", press(e, jan, "/ask solved 2"), "Alleen Kees Janssen")
		coretest.Wants(t, "solved", press(e, kees, "/ask solved 2"), "Mooi dat een eerder antwoord hielp")
		coretest.Wants(t, "send after solved", press(e, kees, "/ask send 2"), "Vraag 2 is niet verstuurd: een eerder antwoord hielp.")
		coretest.Lacks(t, "a self-served question was posted", card(e), "Vraag #2")
		// "Ask anyway" sends the very text typed.
		say(e, kees, "", "/ask Mag ik reiskosten declareren voor de trein naar een cursus? topic:declaraties")
		coretest.Wants(t, "ask anyway", press(e, kees, "/ask send 3"), "Vraag #3 gesteld", "console:vragen")
		coretest.Wants(t, "draft text survived", card(e), "Vraag #3 · Declaraties", "Mag ik reiskosten declareren voor de trein naar een cursus?")
		coretest.Wants(t, "send twice", press(e, kees, "/ask send 3"), "Vraag 3 is al verstuurd")

		// Edit and remove answers; the KB never shows removed content.
		coretest.Wants(t, "edit by another", say(e, jan, "", "/answer edit 1 iets anders"), "Alleen Pieter Jansen, die antwoord 1 schreef")
		coretest.Wants(t, "edit", say(e, pieter, "", "/answer edit 1 Via het nieuwe portaal Declaro."), "Answer 1 is updated")
		coretest.Wants(t, "kb edited", say(e, kees, "", "/kb declaro"), "Via het nieuwe portaal Declaro.")
		e.RunDue()
		coretest.Wants(t, "card edited", card(e), "Via het nieuwe portaal Declaro.")
		coretest.Wants(t, "remove by non-admin", say(e, pieter, "", "/answer remove 1"), "Only an admin can remove answers")
		coretest.Wants(t, "remove", say(e, femke, "", "/answer verwijder 1"), "Antwoord 1 is verwijderd")
		coretest.Wants(t, "remove twice", say(e, femke, "", "/answer remove 1"), "Antwoord 1 was al verwijderd")
		coretest.Wants(t, "kb removed", say(e, kees, "", "/kb declaro"), "De kennisbank heeft niets")
		e.RunDue()
		coretest.Wants(t, "card answered again", card(e), "[Beantwoorden: /answer 1]", "Antwoorden tot nu toe: 2.")
		coretest.Lacks(t, "removed answer shown", say(e, kees, "", "/ask show 1"), "Declaro")
		coretest.Wants(t, "unknown answer", say(e, jan, "", "/answer accept 99"), "Er is geen antwoord 99.")

		// Close: only the asker; a closed question takes no answers.
		coretest.Wants(t, "close by another", say(e, pieter, "", "/ask close 3"), "Only Kees Janssen, who asked question 3, can close it.")
		coretest.Wants(t, "close", say(e, kees, "", "/ask sluit 3"), "Vraag 3 is gesloten")
		e.RunDue()
		coretest.Wants(t, "card closed", card(e), "Gesloten door Kees Janssen; er kunnen geen antwoorden meer bij.")
		coretest.Wants(t, "answer closed", say(e, pieter, "", "/answer 3 Ja, dat mag."), "Question 3 was closed by Kees Janssen; it takes no more answers.")
		if reply := thread(e, pieter, "vragen", "3", "Ja"); !reply.Empty() {
			t.Fatalf("thread answer to a closed question replied: %+v", reply)
		}
		coretest.Wants(t, "mine", say(e, kees, "", "/ask mine"), "#3", "gesloten · 0 antwoorden")
		coretest.Wants(t, "mine, none", say(e, femke, "", "/ask mijn"), "Je stelde nog geen vragen.", "Schrijf `/ask <vraag>")
		// Without a topic, the people whose skill is a word of the question get it.
		coretest.Wants(t, "no topic, by skill", say(e, kees, "", "/ask Wie helpt met declaraties van de cursus?"), "Vraag #4 gesteld", "aan Eva Bakker")
		coretest.Wants(t, "unknown question", say(e, kees, "", "/answer 99 hallo"), "Er is geen vraag 99.")
		coretest.Wants(t, "show unknown", say(e, kees, "", "/ask show 99"), "Er is geen vraag 99.")
	})
}

// TestAskEscalation runs the escalation through the handlers the unit
// registers, driven by the clock.
func TestAskEscalation(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		e.Now = time.Date(2026, 11, 27, 14, 0, 0, 0, coretest.Amsterdam) // a Friday afternoon
		setup(t, e)
		s := e.Store
		say(e, femke, "", "/ask topic add Declaraties")
		say(e, femke, "vragen", "/ask topic channel Declaraties")
		for _, who := range others {
			coretest.Wants(t, "expert", say(e, femke, "", "/ask expert add Declaraties "+who), "is deskundige")
		}
		// Six named experts and Eva by her skill: five now, two at step 1.
		coretest.Wants(t, "ask", say(e, jan, "", "/ask Hoe declareer ik mijn reiskosten? topic:Declaraties"), "Vraag #1 gesteld")
		coretest.Wants(t, "ask 2", say(e, jan, "", "/ask Wie keurt overuren goed? topic:Declaraties"), "Vraag #2 gesteld")
		e.RunDue()
		for _, who := range others[:5] {
			coretest.Wants(t, "first experts", dms(e, who), "Vraag #1", "Vraag #2")
		}
		if got := dms(e, others[5]) + dms(e, eva); got != "" {
			t.Fatalf("later experts asked at once:\n%s", got)
		}
		// Four working hours after Friday 14:00 is Monday 09:00.
		monday9 := time.Date(2026, 11, 30, 9, 0, 0, 0, coretest.Amsterdam)
		if due, ok := e.Jobs.Pending(questions.QuestionEscalateJob, "question:2:1"); !ok || !due.Equal(monday9) {
			t.Fatalf("step 1 of question 2 due %s, %v; want %s", due, ok, monday9)
		}
		coretest.Wants(t, "card via outbox", card(e), "Vraag #1 · Declaraties")
		posts, err := s.QuestionPosts(ctx, 1)
		if err != nil || len(posts) != 1 || posts[0].Ref.ID == "" || posts[0].OutboxID == 0 {
			t.Fatalf("posts = %+v, %v", posts, err)
		}
		// A thread reply to the card the outbox delivered is an answer.
		if reply := thread(e, others[0], "vragen", posts[0].Ref.ID, "Via het portaal."); !reply.Empty() {
			t.Fatalf("thread answer replied: %+v", reply)
		}
		if _, ok := e.Jobs.Pending(questions.QuestionEscalateJob, "question:1:1"); ok {
			t.Fatalf("the answered question still escalates")
		}
		e.Now = monday9.Add(-time.Minute)
		e.RunDue()
		if got := dms(e, others[5]); got != "" {
			t.Fatalf("escalated too early:\n%s", got)
		}
		// The answered card says so (through the outbox and the cards job).
		coretest.Wants(t, "card answered", card(e), "Antwoorden tot nu toe: 1.")
		e.Now = monday9
		e.RunDue()
		coretest.Wants(t, "next experts", dms(e, others[5]), "Nog niemand beantwoordde deze vraag van Jan de Vries", "Wie keurt overuren goed?")
		coretest.Wants(t, "skill expert next", dms(e, eva), "Wie keurt overuren goed?")
		coretest.Lacks(t, "an answered question was escalated", dms(e, others[5]), "reiskosten")
		coretest.Lacks(t, "owner told too early", dms(e, femke), "Onbeantwoorde vraag")
		e.Now = time.Date(2026, 11, 30, 13, 0, 0, 0, coretest.Amsterdam)
		e.RunDue()
		coretest.Wants(t, "owner", dms(e, femke), "Onbeantwoorde vraag #2 · Declaraties", "Je bent eigenaar van Declaraties", "gesteld vr 27 nov 2026 14:00")
		q, err := s.FindQuestionByID(ctx, 2)
		if err != nil || q.Step != 2 {
			t.Fatalf("question 2 = %+v, %v", q, err)
		}
		// The topic's own escalation time.
		coretest.Wants(t, "set", say(e, femke, "", "/ask topic set Declaraties escalate:1"), "na 1 werkuur naar")
		coretest.Wants(t, "set bad", say(e, femke, "", "/ask topic set Declaraties escalate:veel"), "`escalate:veel` is geen tijdsduur", "Schrijf `/ask topic set <onderwerp>")
		coretest.Wants(t, "set half", say(e, femke, "", "/ask topic set Declaraties escalate:90m"), "`escalate:90m` kan niet", "Schrijf `/ask topic set <onderwerp>")
		coretest.Wants(t, "set too long", say(e, femke, "", "/ask topic set Declaraties escalate:81"), "`escalate:81` kan niet")
		coretest.Wants(t, "set nothing", say(e, femke, "", "/ask topic set Declaraties"), "Wat stel ik in? Geef `escalate:<werkuren>` of `partners:aan|uit`.")
		coretest.Wants(t, "set by non-owner", say(e, jan, "", "/ask topic set Declaraties escalate:2"), "Alleen een beheerder of de eigenaar")
		coretest.Wants(t, "shown", say(e, jan, "", "/ask topic show Declaraties"), "Escalatie na: 1 werkuur\n")
		say(e, jan, "", "/ask Waar vind ik het formulier voor parkeerkosten? topic:Declaraties")
		say(e, jan, "", "/ask close 3")
		e.Now = e.Now.Add(2 * time.Hour)
		e.RunDue()
		coretest.Lacks(t, "a closed question was escalated", dms(e, others[5]), "parkeerkosten")
		// Question 1 loses its only answer: open again, it escalates again
		// (its steps were cancelled when it was answered).
		coretest.Lacks(t, "question 1 escalated while answered", dms(e, others[5]), "reiskosten")
		coretest.Wants(t, "remove the only answer", say(e, femke, "", "/answer remove 1"), "Antwoord 1 is verwijderd")
		e.Now = e.Now.Add(2 * time.Hour)
		e.RunDue()
		coretest.Wants(t, "reopened escalates", dms(e, others[5]), "Hoe declareer ik mijn reiskosten?")
		// Back to the default: 0.
		coretest.Wants(t, "set default", say(e, femke, "", "/ask topic set Declaraties escalate:0"), "na 4 werkuren")
	})
}

// TestAskAnswerGoesToTheAskersPlatform: the asker asked on Slack, the
// expert answers in the console: the answer's DM goes to the asker on
// Slack, where they were active last, although they have a console
// account too.
func TestAskAnswerGoesToTheAskersPlatform(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		setup(t, e)
		p, err := e.Store.FindPersonByEmail(ctx, jan)
		if err != nil {
			t.Fatal(err)
		}
		if err := e.Store.LinkAccount(ctx, intranet.Account{Platform: intranet.PlatformSlack, Installation: "T1", UserID: "U-JAN", PersonID: p.ID}); err != nil {
			t.Fatal(err)
		}
		say(e, femke, "", "/ask topic add Declaraties")
		say(e, femke, "", "/ask expert add Declaraties "+pieter)
		e.Now = e.Now.Add(10 * time.Minute) // later than Jan's last use of the console
		r := intranet.Request{Platform: intranet.PlatformSlack, Installation: "T1", User: intranet.User{ID: "U-JAN"}, Channel: intranet.Channel{ID: "D-JAN", Direct: true},
			Text: "/ask Hoe declareer ik mijn reiskosten? topic:Declaraties"}
		if reply := e.Do(r); !strings.Contains(reply.Title, "#1") {
			t.Fatalf("ask on Slack = %+v", reply)
		}
		coretest.Wants(t, "expert DM on the console", dms(e, pieter), "Question #1")
		coretest.Wants(t, "answer", say(e, pieter, "", "/answer 1 Via het portaal."), "went to Jan de Vries")
		coretest.Wants(t, "asker's DM on Slack", strings.Join(e.Posters.DMs(intranet.PlatformSlack, "U-JAN"), "\n"), "Antwoord op je vraag #1", "Via het portaal.")
		if got := dms(e, jan); got != "" {
			t.Errorf("the answer went to the console too: %v", got)
		}
	})
}

// TestAskSkipsAway: an expert who marked themselves away is not asked,
// through the last day they gave, whether named or found by skill; the
// day after they are asked again without doing anything.
func TestAskSkipsAway(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		setup(t, e)
		geert := others[0]
		say(e, femke, "", "/ask topic add Declaraties")
		for _, who := range []string{geert, others[1]} {
			coretest.Wants(t, "expert", say(e, femke, "", "/ask expert add Declaraties "+who), "is deskundige")
		}
		// Today is Friday 27 November; Geert (named) and Eva (by her skill)
		// are away through Monday 30.
		for _, who := range []string{geert, eva} {
			p, err := e.Store.FindPersonByEmail(ctx, who)
			if err != nil {
				t.Fatal(err)
			}
			if err := e.Store.SetAway(ctx, p.ID, "2026-11-30", ""); err != nil {
				t.Fatal(err)
			}
		}
		coretest.Wants(t, "ask", say(e, jan, "", "/ask Hoe declareer ik mijn reiskosten? topic:Declaraties"), "Vraag #1 gesteld")
		e.RunDue()
		coretest.Wants(t, "present expert", dms(e, others[1]), "Vraag #1")
		if got := dms(e, geert) + dms(e, eva); got != "" {
			t.Fatalf("away experts asked:\n%s", got)
		}
		// The topic still lists them.
		coretest.Wants(t, "topic", say(e, femke, "", "/ask topic"), "Geert Berg", "Eva Bakker")

		e.Now = time.Date(2026, 12, 1, 9, 0, 0, 0, coretest.Amsterdam) // the day after
		coretest.Wants(t, "ask again", say(e, jan, "", "/ask Wie keurt overuren goed? topic:Declaraties"), "Vraag #2 gesteld")
		e.RunDue()
		coretest.Wants(t, "geert back", dms(e, geert), "Vraag #2")
		coretest.Wants(t, "eva back", dms(e, eva), "Vraag #2")
		coretest.Lacks(t, "not the old one", dms(e, geert), "Vraag #1 ")
	})
}
