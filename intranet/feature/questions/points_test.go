package questions_test

import (
	"context"
	"strings"
	"testing"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature/questions"
	"github.com/werkplek/werkplek/intranet/phonebook"
)

// TestHelp: help is the router's, from the declarations; "/ask help bij
// declaraties" is a question, not help.
func TestHelp(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		setup(t, e)
		say(e, femke, "", "/ask topic add Declaraties")
		for _, text := range []string{"/ask help", "/vraag hulp", "/answer help", "/antwoord help", "/kb help", "/kennisbank ?"} {
			coretest.Wants(t, text, say(e, jan, "", text), "Vragen en kennisbank", "/ask <vraag>", "/answer <vraagnummer>", "/kb <woorden>", "/ask topic set <onderwerp>")
		}
		coretest.Wants(t, "help of a subcommand", say(e, jan, "", "/ask topic add help"), "Schrijf `/ask topic add <naam>`")
		coretest.Wants(t, "help of /answer edit", say(e, jan, "", "/answer edit help"), "Schrijf `/answer edit <antwoordnummer> <tekst>`")
		if list, _ := e.Store.Questions(context.Background(), intranet.QuestionFilter{}); len(list) != 0 {
			t.Fatalf("help made questions: %v", list)
		}
		// A question that starts with "help" is a question: Eva's skill
		// Declaraties is among its words.
		coretest.Wants(t, "help as a question", say(e, jan, "", "/ask help bij declaraties"), "Vraag #1 gesteld", "aan Eva Bakker")
		coretest.Wants(t, "the question", say(e, eva, "", "/ask show 1"), "help bij declaraties")
		coretest.Wants(t, "help in English", say(e, pieter, "", "/kb help"), "Questions and knowledge base", "/kb <words>")
	})
}

// TestTextFallback: a subcommand's word whose arguments do not fit starts
// a question; "/ask topic …" and "/ask expert …" never do.
func TestTextFallback(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		setup(t, e)
		say(e, femke, "", "/ask topic add Declaraties")
		say(e, femke, "", "/ask expert add Declaraties "+pieter)
		got := say(e, jan, "", "/ask close the window in the meeting room?")
		coretest.Wants(t, "close as a question", got, "Bij welk onderwerp hoort je vraag?", "[Declaraties: /ask \"close the window in the meeting room?\" topic:Declaraties]")
		coretest.Wants(t, "its button", press(e, jan, `/ask "close the window in the meeting room?" topic:Declaraties`), "Vraag #1 gesteld", "aan Pieter Jansen")
		coretest.Wants(t, "the text kept", dms(e, pieter), "close the window in the meeting room?")
		coretest.Wants(t, "show as a question", say(e, jan, "", "/vraag toon mij het formulier voor declaraties"), "Vraag #2 gesteld")
		coretest.Wants(t, "mine as a question", say(e, jan, "", "/ask mine declaraties lopen achter, wie helpt?"), "Vraag #3 gesteld")
		coretest.Wants(t, "close without a number", say(e, jan, "", "/ask close"), "Ik mis `<nummer>`", "Schrijf `/ask close <nummer>`")
		coretest.Wants(t, "close", say(e, jan, "", "/ask close #1"), "Vraag 1 is gesloten")
		coretest.Wants(t, "mine", say(e, jan, "", "/ask mine"), "#1", "#2", "#3")
		coretest.Wants(t, "topic mistake", say(e, femke, "", "/ask topic channel"), "Ik mis `<onderwerp>`")
		coretest.Wants(t, "topic word mistake", say(e, femke, "", "/vraag onderwerp van de vergadering morgen?"), "`/ask topic van` ken ik niet; wel:", "`/ask topic add <naam>`", "`/ask topic set <onderwerp>")
		coretest.Lacks(t, "topic word mistake", say(e, femke, "", "/vraag onderwerp van de vergadering morgen?"), "/ask expert")
		coretest.Wants(t, "expert word mistake", say(e, femke, "", "/ask experts van declaraties zijn wie?"), "`/ask expert van` ken ik niet; wel:", "`/ask expert remove <onderwerp> <persoon>`")
		coretest.Wants(t, "a quoted question", say(e, jan, "", `/ask "onderwerp van de declaraties van morgen?"`), "Vraag #4 gesteld")
		coretest.Wants(t, "expert mistake", say(e, femke, "", "/ask expert remove Declaraties"), "Schrijf `/ask expert remove <onderwerp> <persoon>`")
		coretest.Wants(t, "answer without number", say(e, pieter, "", "/answer Via het portaal"), "`Via` is not a number", "Write `/answer <question number> [<answer>]`")
		if list, _ := e.Store.Questions(context.Background(), intranet.QuestionFilter{}); len(list) != 4 {
			t.Fatalf("questions = %d, want 4", len(list))
		}
	})
}

// TestExpertByEmailMentionOrName: a topic's expert is named by email, by a
// platform mention or by a name that matches one person.
func TestExpertByEmailMentionOrName(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		setup(t, e)
		say(e, femke, "", "/ask topic add Declaraties")
		coretest.Wants(t, "email", say(e, femke, "", "/ask expert add Declaraties eva.bakker@example.nl"), "Eva Bakker is deskundige voor Declaraties")
		coretest.Wants(t, "console mention", say(e, femke, "", "/ask expert add Declaraties <@pieter.jansen@example.nl|Pieter>"), "Pieter Jansen is deskundige voor Declaraties")
		coretest.Wants(t, "name", say(e, femke, "", "/ask expert add Declaraties Dirk Mol"), "Dirk Mol is deskundige voor Declaraties")
		coretest.Wants(t, "quoted topic and name", say(e, femke, "", `/ask expert add "Declaraties" "Geert Berg"`), "Geert Berg is deskundige voor Declaraties")
		coretest.Wants(t, "several", say(e, femke, "", "/ask expert add Declaraties Jansen"), "past bij meer mensen", "pieter.jansen@example.nl", "kees.janssen@example.nl")

		// A Slack mention is looked up among the Slack accounts.
		for email, id := range map[string]string{femke: "U-FEMKE", kees: "U-KEES"} {
			p, err := e.Store.FindPersonByEmail(ctx, email)
			if err != nil {
				t.Fatal(err)
			}
			if err := e.Store.LinkAccount(ctx, intranet.Account{Platform: intranet.PlatformSlack, Installation: "T1", UserID: id, PersonID: p.ID}); err != nil {
				t.Fatal(err)
			}
		}
		slack := func(text string) string {
			return coretest.All(e.Do(intranet.Request{Platform: intranet.PlatformSlack, Installation: "T1", User: intranet.User{ID: "U-FEMKE"},
				Channel: intranet.Channel{ID: "D-FEMKE", Direct: true}, Text: text}))
		}
		coretest.Wants(t, "slack mention", slack("/ask expert add Declaraties <@U-KEES|kees>"), "Kees Janssen is deskundige voor Declaraties")
		coretest.Wants(t, "unknown mention", slack("/ask expert add Declaraties <@U-NOBODY>"), "niet in het telefoonboek")

		coretest.Wants(t, "list", say(e, jan, "", "/ask topic show Declaraties"), "Eva Bakker", "Pieter Jansen", "Dirk Mol", "Geert Berg", "Kees Janssen")
		coretest.Wants(t, "remove by name", say(e, femke, "", "/ask expert verwijder Declaraties Dirk Mol"), "Dirk Mol is geen deskundige meer voor Declaraties")
		coretest.Wants(t, "remove by mention", slack("/ask expert remove Declaraties <@U-KEES>"), "Kees Janssen is geen deskundige meer voor Declaraties")
		coretest.Lacks(t, "removed", say(e, jan, "", "/ask topic show Declaraties"), "Dirk Mol", "Kees Janssen")
	})
}

// TestKnowledgeBaseEnglish: English questions are found by English words,
// and English readers read the knowledge base in English.
func TestKnowledgeBaseEnglish(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		setup(t, e)
		say(e, femke, "", "/ask topic add Declaraties")
		say(e, femke, "", "/ask expert add Declaraties "+eva)
		coretest.Wants(t, "ask", say(e, pieter, "", "/ask Who approves overtime hours? topic:Declaraties"), "Question #1 asked", "to Eva Bakker")
		coretest.Wants(t, "answer", say(e, eva, "", "/answer 1 Your team lead approves overtime in the roster."), "Dank je!")
		coretest.Wants(t, "accept", say(e, pieter, "", "/answer accept 1"), "Accepted: Eva Bakker's answer to question 1")
		coretest.Wants(t, "kb", say(e, pieter, "", "/kb overtime approval"), "Knowledge base: overtime approval", "#1 · Who approves overtime hours?",
			"Your team lead approves", "Answered by: Eva Bakker, Fri 27 Nov 2026", "Topic: Declaraties", "[Show: /ask show 1]")
		coretest.Wants(t, "kb in Dutch", say(e, jan, "", "/kennisbank overtime"), "Kennisbank: overtime", "Beantwoord door: Eva Bakker, vr 27 nov 2026")
		coretest.Wants(t, "earlier answers first", say(e, kees, "", "/ask who approves my overtime?"), "Misschien is dit al beantwoord", "#1 · Who approves overtime hours?")
		// Asked anyway without a topic that anyone's skill names: which topic?
		coretest.Wants(t, "ask anyway, which topic", press(e, kees, "/ask send 2"), "Bij welk onderwerp hoort je vraag?",
			`[Declaraties: /ask "who approves my overtime?" topic:Declaraties]`)
		coretest.Wants(t, "with the topic", press(e, kees, `/ask "who approves my overtime?" topic:Declaraties`), "Misschien is dit al beantwoord", "[Toch vragen: /ask send 3]")
		coretest.Wants(t, "sent", press(e, kees, "/ask send 3"), "Vraag #3 gesteld", "aan Eva Bakker")
	})
}

// TestAskWhere: a question typed in a topic's channel is of that topic; a
// platform that is off gets no card; a topic nobody can be reached for
// keeps the question and says so.
func TestAskWhere(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		setup(t, e)
		say(e, femke, "", "/ask topic add Declaraties")
		say(e, femke, "", "/ask topic add Leeg")
		say(e, femke, "vragen", "/ask topic channel Declaraties")
		teams := coretest.Request(femke, "t-vragen", "/ask topic channel Declaraties")
		teams.Platform, teams.Installation = intranet.PlatformTeams, "tenant"
		coretest.Wants(t, "teams channel", coretest.All(e.Do(teams)), "Vragen over Declaraties komen voortaan in dit kanaal (op teams)")
		coretest.Wants(t, "linked", say(e, jan, "", "/ask topic show Declaraties"), "console:vragen", "teams:t-vragen")

		got := say(e, jan, "vragen", "/ask Waar vind ik het formulier voor de fiets?")
		coretest.Wants(t, "the channel's topic", got, "Vraag #1 gesteld", "in console:vragen")
		coretest.Lacks(t, "teams is off", got, "teams:t-vragen")
		coretest.Wants(t, "card", card(e), "Vraag #1 · Declaraties", "Waar vind ik het formulier voor de fiets?")

		got = say(e, jan, "", "/ask Wie weet hier iets van? topic:Leeg")
		coretest.Wants(t, "nobody reached", got, "Je vraag is bewaard als #2, maar ik kon niemand bereiken", "`/ask expert add Leeg <persoon>`")
		coretest.Wants(t, "show", say(e, jan, "", "/ask show 2"), "Vraag #2 · Leeg", "Gesteld door Jan de Vries, vr 27 nov 2026 10:00 · wacht op antwoord", "[Vraag sluiten: /ask close 2]")
		coretest.Wants(t, "show to another", say(e, kees, "", "/ask show 2"), "[Beantwoorden: /answer 2]")
	})
}

// pendingOutbox hides its deliveries while pending is set, as the real
// outbox does before its job ran.
type pendingOutbox struct {
	*coretest.Outbox
	pending bool
}

func (o *pendingOutbox) OutboxEntry(ctx context.Context, id int64) (intranet.OutboxEntry, error) {
	e, err := o.Outbox.OutboxEntry(ctx, id)
	if o.pending {
		e.State, e.Ref = intranet.OutboxPending, intranet.MessageRef{}
	}
	return e, err
}

// TestCardsWaitForTheOutbox: a card not delivered yet is waited for; once
// delivered, the cards job learns its message from the outbox entry,
// updates it, and a reply in its thread is an answer.
func TestCardsWaitForTheOutbox(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		recs, _ := phonebook.ParseCSV(strings.NewReader(askPeople))
		e.Import(recs...)
		outbox := &pendingOutbox{Outbox: e.Outbox, pending: true}
		env := e.Feature()
		env.Outbox = outbox
		u, err := questions.New(questions.Config{Env: env, Topics: e.Store, Questions: e.Store})
		if err != nil {
			t.Fatal(err)
		}
		e.Core(u)
		for _, who := range []string{femke, eva, jan, pieter} {
			e.Say(who, "", "/werkplek help")
		}
		say(e, femke, "", "/ask topic add Declaraties")
		say(e, femke, "vragen", "/ask topic channel Declaraties")
		coretest.Wants(t, "ask", say(e, jan, "", "/ask Hoe declareer ik mijn reiskosten? topic:Declaraties"), "Vraag #1 gesteld", "console:vragen")
		posts, err := e.Store.QuestionPosts(ctx, 1)
		if err != nil || len(posts) != 1 || posts[0].Ref.ID != "" || posts[0].OutboxID == 0 {
			t.Fatalf("posts before delivery = %+v, %v", posts, err)
		}
		coretest.Wants(t, "answer", say(e, eva, "", "/answer 1 Via het portaal."), "Dank je!")
		e.RunDue()
		coretest.Lacks(t, "card before delivery", card(e), "Antwoorden tot nu toe")

		outbox.pending = false
		e.RunDue()
		coretest.Wants(t, "card after delivery", card(e), "Antwoorden tot nu toe: 1.")
		posts, err = e.Store.QuestionPosts(ctx, 1)
		if err != nil || len(posts) != 1 || posts[0].Ref.ID == "" {
			t.Fatalf("posts after delivery = %+v, %v", posts, err)
		}
		if reply := thread(e, pieter, "vragen", posts[0].Ref.ID, "En bewaar de bonnetjes."); !reply.Empty() {
			t.Fatalf("thread answer replied: %+v", reply)
		}
		coretest.Wants(t, "thread answer", dms(e, jan), "En bewaar de bonnetjes.", "Van: Pieter Jansen")
	})
}

// TestFormerCardsJob: a "question.cards" job queued before the one cards
// job existed still brings the cards up to date.
func TestFormerCardsJob(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		setup(t, e)
		say(e, femke, "", "/ask topic add Declaraties")
		say(e, femke, "vragen", "/ask topic channel Declaraties")
		coretest.Wants(t, "ask", say(e, jan, "", "/ask Hoe declareer ik mijn reiskosten? topic:Declaraties"), "Vraag #1 gesteld")
		e.RunDue()
		// Answered as the old code did, with its own cards job.
		p, err := e.Store.FindPersonByEmail(ctx, eva)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.Store.AddAnswer(ctx, 1, p.ID, "Via het portaal.", e.Now); err != nil {
			t.Fatal(err)
		}
		if _, err := e.Jobs.Enqueue(ctx, questions.QuestionCardsJob, []byte(`{"id":1,"step":0}`)); err != nil {
			t.Fatal(err)
		}
		e.RunDue()
		coretest.Wants(t, "card updated", card(e), "Antwoorden tot nu toe: 1.")
	})
}
