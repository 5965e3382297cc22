package news_test

import (
	"context"
	"fmt"
	"github.com/werkplek/werkplek/intranet/feature/news"
	"strings"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
)

// TestComment: a reader comments on an item they see, in Dutch and
// English; someone outside the item's department, and a guest, may not;
// without a text the Comment button opens a form, whose submission
// comments too.
func TestComment(t *testing.T) {
	newsEnv(t, func(t *testing.T, e *env) {
		w := coretest.Wants
		e.say(carla, "", "/news post Kerstborrel | Vrijdag 18 december.")
		e.say(carla, "", `/news post Wondzorgkar | In de berging. dept:"Zorg Oost"`)
		w(t, "comment", e.say(jan, "", "/news comment 1 Ik neem taart mee!"), "Dank je! Je reactie (1) staat bij \"Kerstborrel\".", "[Bekijken: /news 1]")
		w(t, "reageer", e.say(pieter, "", "/nieuws reageer 2 Staat hij er al?"), "Je reactie (2) staat bij \"Wondzorgkar\"")
		e.Say(kees, "", "/werkplek language en")
		w(t, "English", e.say(kees, "", "/news comment 1 Count me in"), "Thank you! Your comment (3) is on \"Kerstborrel\".")
		w(t, "outside the department", e.say(kees, "", "/news comment 2 Hallo"), "There is no news item 2 for you")
		w(t, "outside the department, Dutch", e.say(kees, "", "/werkplek language nl")+e.say(kees, "", "/news reactie 2 Hallo"), "Er is geen nieuwsbericht 2 voor jou")
		w(t, "no item", e.say(jan, "", "/news comment 99 Hallo"), "Er is geen nieuwsbericht 99")
		guest := e.say(coretest.Gijs, "", "/news comment 1 Hallo")
		w(t, "guest", guest, "Je bent gast in Werkplek")
		coretest.Lacks(t, "guest", guest, "Dank je", "Thank you")
		if list, _ := e.Store.Comments(e.ctx(), intranet.CommentFilter{ItemID: 2}); len(list) != 1 {
			t.Errorf("item 2 has %d comments, want 1 (Pieter's)", len(list))
		}

		form := e.Press(anouk, "/news comment 1")
		if form.Form == nil || form.Form.ID != "news.comment.1" || form.Form.Fields[0].Name != "text" {
			t.Fatalf("the Comment button opened no form: %+v", form)
		}
		w(t, "typed form", coretest.All(form), "Typ `/news comment 1 <je reactie>`")
		again := e.submitForm(anouk, "news.comment.1", map[string]string{"text": "  "})
		if again.Form == nil || again.FieldErrors["text"] == "" {
			t.Errorf("an empty comment form was not shown again with its mistake: %+v", again)
		}
		w(t, "form", coretest.All(e.submitForm(anouk, "news.comment.1", map[string]string{"text": "Gezellig!"})), "Je reactie (4) staat bij")
		w(t, "form outside the department", coretest.All(e.submitForm(kees, "news.comment.2", map[string]string{"text": "Hoi"})), "geen nieuwsbericht 2 voor jou")
		w(t, "too long", coretest.All(e.submitForm(jan, "news.comment.1", map[string]string{"text": strings.Repeat("a", intranet.MaxCommentBody+1)})), "Je reactie is te lang")

		w(t, "card button", e.say(jan, "", "/news 1"), "[Reageren: /news comment 1]", "3 reacties", "Gezellig!", "Ik neem taart mee!", "Count me in")
		w(t, "one", e.say(jan, "", "/news 2"), "1 reactie\n", "Staat hij er al?")
		e.Say(jan, "", "/werkplek language en")
		w(t, "English count", e.say(jan, "", "/news 1"), "3 comments", "[Comment: /news comment 1]")

		// Mentions in a comment ping nobody where it is shown.
		e.say(anouk, "", "/news comment 1 @here komen jullie? <!channel> <@U123|Kees>")
		shown := e.say(jan, "", "/news 1")
		// Shown as typed (escaped markup), with no "@" that starts a mention.
		w(t, "unpinged", shown, `@`+"\u2060"+`here komen jullie? \<!channel\> \<@`+"\u2060"+`U123|Kees\>`)
		coretest.Lacks(t, "unpinged", shown, "@here", " <!channel>", "<@U123")
	})
}

// TestCommentsClosed: those who manage content close an item's comments
// when posting (comments:off, reacties:uit, the form's field) or editing,
// and open them again (comments:on, reacties:aan); a comment on a closed
// item is refused in both languages, and its card has no Comment button.
func TestCommentsClosed(t *testing.T) {
	newsEnv(t, func(t *testing.T, e *env) {
		w := coretest.Wants
		w(t, "post closed", e.say(carla, "", "/news post Rooster | Het nieuwe rooster. comments:off"), "Geplaatst als bericht 1", "Reacties: gesloten")
		w(t, "post closed, Dutch", e.say(carla, "", "/nieuws plaats Vakantie | Vraag op tijd aan. reacties:uit"), "Geplaatst als bericht 2", "Reacties: gesloten")
		w(t, "post open", e.say(carla, "", "/news post Borrel | Vrijdag. reacties:aan"), "Geplaatst als bericht 3")
		w(t, "bad value", e.say(carla, "", "/news post Borrel | Vrijdag. reacties:misschien"), "`reacties:misschien` kan niet; kies `on`, `off`")
		w(t, "refused", e.say(jan, "", "/news comment 1 Waarom?"), "Reageren op bericht 1 is gesloten.")
		e.Say(kees, "", "/werkplek language en")
		w(t, "refused, English", e.say(kees, "", "/news comment 2 Why?"), "Comments on item 2 are closed.")
		shown := e.say(jan, "", "/news 1")
		w(t, "closed card", shown, "Reacties: gesloten", "Reageren is gesloten.")
		coretest.Lacks(t, "closed card", shown, "/news comment 1")
		if r := e.Press(jan, "/news comment 1"); r.Form != nil || !strings.Contains(r.Text, "is gesloten") {
			t.Errorf("the Comment button of a closed item: %+v", r)
		}

		w(t, "edit by a reader", e.say(jan, "", "/news edit 1 comments:on"), "Alleen contentbeheerders en beheerders wijzigen nieuws")
		w(t, "open", e.say(carla, "", "/news edit 1 reacties:aan"), "Bericht 1 is gewijzigd", "[Reageren: /news comment 1]")
		w(t, "comment", e.say(jan, "", "/news comment 1 Fijn rooster"), "Je reactie (1) staat bij")
		w(t, "close", e.say(carla, "", "/news wijzig 1 comments:uit"), "Bericht 1 is gewijzigd", "Reacties: gesloten")
		w(t, "refused again", e.say(jan, "", "/news comment 1 Nog iets"), "Reageren op bericht 1 is gesloten.")
		w(t, "comments stay readable", e.say(jan, "", "/news 1"), "1 reactie", "Fijn rooster")

		reply := e.submit(carla, map[string]string{"title": "Uit het formulier", "body": "Tekst", "comments": "no"})
		w(t, "form", coretest.All(reply), "Geplaatst als bericht 4", "Reacties: gesloten")
		w(t, "form item refused", e.say(jan, "", "/news comment 4 Hoi"), "Reageren op bericht 4 is gesloten.")
		var field bool
		for _, f := range e.submit(carla, nil).Form.Fields {
			field = field || f.Name == "comments" && f.Kind == intranet.FieldYesNo
		}
		if !field {
			t.Error("the post form has no comments field")
		}
	})
}

// TestCommentRemoved: those who manage content remove a comment with a
// reason; its writer is told by DM with the reason, in their language; the
// comment is gone from the item; others may not remove.
func TestCommentRemoved(t *testing.T) {
	newsEnv(t, func(t *testing.T, e *env) {
		w := coretest.Wants
		e.say(carla, "", "/news post Borrel | Vrijdag.")
		e.say(jan, "", "/news comment 1 Mevrouw X van nummer 12 komt ook")
		e.Say(kees, "", "/werkplek language en")
		e.say(kees, "", "/news comment 1 See you there")
		w(t, "by a reader", e.say(pieter, "", "/news comment remove 1 Privé"), "Alleen contentbeheerders en beheerders verwijderen reacties.")
		w(t, "no reason", e.say(carla, "", "/news comment remove 1"), "Schrijf `/news comment remove <reactie> <reden>`")
		w(t, "remove", e.say(carla, "", "/news reactie verwijder 1 Persoonsgegevens van een cliënt"), "Reactie 1 van Jan de Vries is verwijderd; Jan de Vries krijgt de reden te horen.")
		w(t, "twice", e.say(carla, "", "/news comment remove 1 Nogmaals"), "Reactie 1 was al verwijderd.")
		w(t, "unknown", e.say(carla, "", "/news comment remove 99 Weg"), "Er is geen reactie 99.")
		dms := e.dms(jan)
		if len(dms) != 1 {
			t.Fatalf("Jan got %d DMs, want 1: %v", len(dms), dms)
		}
		w(t, "DM", dms[0], "Je reactie is verwijderd", "Carla Content verwijderde je reactie op \"Borrel\".", "Reden: Persoonsgegevens van een cliënt", "Mevrouw X van nummer 12")
		e.Say(carla, "", "/werkplek language en")
		w(t, "remove, English", e.say(carla, "", "/news comment remove 2 Off topic"), "Comment 2 by Kees Janssen is removed; Kees Janssen is told the reason.")
		w(t, "DM, English", strings.Join(e.dms(kees), "\n"), "Your comment was removed", "Carla Content removed your comment on \"Borrel\".", "Reason: Off topic")
		shown := e.say(pieter, "", "/news 1")
		w(t, "gone", shown, "0 reacties")
		coretest.Lacks(t, "gone", shown, "Mevrouw X", "See you there")
	})
}

// TestCommentPages: /news <id> shows the newest ten comments and a button
// for more; /news comments <id> <page> pages on.
func TestCommentPages(t *testing.T) {
	newsEnv(t, func(t *testing.T, e *env) {
		w := coretest.Wants
		e.say(carla, "", "/news post Borrel | Vrijdag.")
		for i := 1; i <= 12; i++ {
			e.Now = e.Now.Add(time.Minute)
			e.say(jan, "", fmt.Sprintf("/news comment 1 Reactie nummer %d.", i))
		}
		first := e.say(pieter, "", "/news 1")
		w(t, "first page", first, "12 reacties", "De nieuwste 10:", "Reactie nummer 12.", "Reactie nummer 3.", "[Meer reacties: /news comments 1 2]")
		coretest.Lacks(t, "first page", first, "Reactie nummer 2.", "Reactie nummer 1.")
		if strings.Index(first, "nummer 12.") > strings.Index(first, "nummer 3.") {
			t.Error("the newest comment is not first")
		}
		second := coretest.All(e.Press(pieter, "/news comments 1 2"))
		w(t, "second page", second, "12 reacties, nieuwste eerst; pagina 2 van 2.", "Reactie nummer 2.", "Reactie nummer 1.", "[Bericht: /news 1]")
		coretest.Lacks(t, "second page", second, "Reactie nummer 3.", "Meer reacties")
		w(t, "page 1", e.say(pieter, "", "/news reacties 1"), "pagina 1 van 2", "[Meer reacties: /news comments 1 2]")
		w(t, "no page 3", e.say(pieter, "", "/news comments 1 3"), "Er zijn maar 2 pagina's: pagina 3 bestaat niet.")
		e.Say(kees, "", "/werkplek language en")
		w(t, "English", e.say(kees, "", "/news comments 1 2"), "12 comments, newest first; page 2 of 2.")
		w(t, "English card", e.say(kees, "", "/news 1"), "12 comments", "The newest 10:", "[More comments: /news comments 1 2]")
		e.say(carla, "", `/news post Alleen oost | Tekst. dept:"Zorg Oost"`)
		w(t, "other department", e.say(kees, "", "/news comments 2"), "There is no news item 2 for you")
	})
}

// TestCommentSummary: the author of an item gets one DM a day with the new
// comments on their items, not one per comment; a second run of the day's
// job sends nothing; the next day's summary has only what came since; the
// author's own comments are not in it; it waits for their quiet hours.
func TestCommentSummary(t *testing.T) {
	newsEnv(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		w := coretest.Wants
		e.say(carla, "", "/news post Borrel | Vrijdag.")
		e.say(carla, "", "/news post Rooster | Nieuw.")
		e.say(jan, "", "/news comment 1 Ik kom!")
		e.say(pieter, "", "/news comment 1 Ik ook.")
		e.say(kees, "", "/news comment 2 Duidelijk.")
		e.say(carla, "", "/news comment 1 Tot dan!") // her own: not in her summary
		key := "comments:" + fmt.Sprint(e.person(carla).ID) + ":2026-11-27"
		due, ok := e.Jobs.Pending(news.NewsCommentsJob, key)
		if want := time.Date(2026, 11, 27, 17, 0, 0, 0, coretest.Amsterdam); !ok || !due.Equal(want) {
			t.Fatalf("summary job %s: %v %v, want %v", key, due, ok, want)
		}
		e.RunDue()
		if dms := e.dms(carla); len(dms) != 0 {
			t.Fatalf("a summary before its time, or a DM per comment: %v", dms)
		}
		e.Now = due
		e.RunDue()
		e.RunDue()
		dms := e.dms(carla)
		if len(dms) != 1 {
			t.Fatalf("Carla got %d summaries, want 1: %v", len(dms), dms)
		}
		w(t, "summary", dms[0], "Reacties op je nieuws", "3 nieuwe reacties", "Borrel · 2 nieuwe reacties", "Jan de Vries*: Ik kom!", "Rooster · 1 nieuwe reactie",
			"[Lezen: /news comments 1]")
		coretest.Lacks(t, "summary", dms[0], "Tot dan!")

		// The next day, in English, with quiet hours over the summary time.
		e.Say(carla, "", "/werkplek language en")
		e.Say(carla, "", "/werkplek quiet 16:00-18:00")
		e.Now = time.Date(2026, 11, 28, 9, 0, 0, 0, coretest.Amsterdam)
		e.say(jan, "", "/news comment 2 Vraag: geldt het ook in december?")
		next := time.Date(2026, 11, 28, 17, 0, 0, 0, coretest.Amsterdam)
		if got, ok := e.Jobs.Pending(news.NewsCommentsJob, "comments:"+fmt.Sprint(e.person(carla).ID)+":2026-11-28"); !ok || !got.Equal(next) {
			t.Fatalf("next day's summary job: %v %v", got, ok)
		}
		e.Now = next
		e.RunDue()
		if n := len(e.dms(carla)); n != 1 {
			t.Fatalf("a summary went out in quiet hours: %d", n)
		}
		if err := e.Outbox.Release(ctx, e.person(carla).ID); err != nil {
			t.Fatal(err)
		}
		dms = e.dms(carla)
		if len(dms) != 2 {
			t.Fatalf("after quiet hours Carla has %d summaries, want 2", len(dms))
		}
		w(t, "English summary", dms[1], "Comments on your news", "1 new comment since yesterday.", "Rooster · 1 new comment", "geldt het ook in december?")
		coretest.Lacks(t, "English summary", dms[1], "Ik kom!", "Duidelijk.")

		// A comment after the day's summary comes the next day.
		e.Now = time.Date(2026, 11, 28, 17, 30, 0, 0, coretest.Amsterdam)
		e.say(pieter, "", "/news comment 1 Te laat?")
		if _, ok := e.Jobs.Pending(news.NewsCommentsJob, "comments:"+fmt.Sprint(e.person(carla).ID)+":2026-11-29"); !ok {
			t.Error("a comment after the day's summary has no summary the next day")
		}
		if n, _ := e.Store.CommentSummaries(ctx, e.person(carla).ID); n != 2 {
			t.Errorf("%d summaries recorded, want 2", n)
		}
	})
}

// TestCommentSummaryRace: the same summary job run by eight workers at
// once (replicas) records one summary and sends one DM.
func TestCommentSummaryRace(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		e.Import(intranet.PersonRecord{Name: "Carla Content", Email: carla, Department: "Communicatie", Roles: []intranet.Role{intranet.RoleContentManager}})
		jobs := &handlers{Jobs: e.Jobs}
		env := e.Feature()
		env.Jobs = jobs
		u, err := news.New(news.Config{Env: env, News: e.Store, Subscriptions: e.Store, Teams: e.Store, Comments: e.Store, Partners: e.Store})
		if err != nil {
			t.Fatal(err)
		}
		e.Core(u)
		e.Say(carla, "", "/news post Borrel | Vrijdag.")
		e.Say(jan, "", "/news comment 1 Ik kom!")
		e.Say(pieter, "", "/news comment 1 Ik ook.")
		p, err := e.Store.FindPersonByEmail(ctx, carla)
		if err != nil {
			t.Fatal(err)
		}
		due := time.Date(2026, 11, 27, 17, 0, 0, 0, coretest.Amsterdam)
		e.Now = due
		job := intranet.Job{Kind: news.NewsCommentsJob, Key: fmt.Sprintf("comments:%d:2026-11-27", p.ID), Due: due, Attempt: 1}
		errs := make(chan error, 8)
		for i := 0; i < 8; i++ {
			go func() { errs <- jobs.all[news.NewsCommentsJob](ctx, job) }()
		}
		for i := 0; i < 8; i++ {
			if err := <-errs; err != nil {
				t.Error(err)
			}
		}
		if n, err := e.Store.CommentSummaries(ctx, p.ID); n != 1 || err != nil {
			t.Errorf("%d summaries recorded (%v), want 1", n, err)
		}
		if dms := e.Posters.DMs(intranet.PlatformConsole, carla); len(dms) != 1 || !strings.Contains(dms[0], "2 nieuwe reacties") {
			t.Errorf("%d summaries sent, want 1: %v", len(dms), dms)
		}
	})
}

// person finds someone of the organisation by email.
func (e *env) person(email string) *intranet.Person {
	e.T.Helper()
	p, err := e.Store.FindPersonByEmail(context.Background(), email)
	if err != nil {
		e.T.Fatal(err)
	}
	return p
}

// TestCommentButtonOnPostedItem: an item as posted to a channel (and in a
// DM) has a Comment button; pressed on Teams it opens the comment form,
// whose submission comments.
func TestCommentButtonOnPostedItem(t *testing.T) {
	newsEnv(t, func(t *testing.T, e *env) {
		e.say(anouk, "algemeen", "/news subscribe immediate")
		e.Now = e.Now.Add(time.Minute)
		e.say(carla, "", "/news post Borrel | Vrijdag.")
		e.RunDue()
		posts := e.posts("algemeen")
		if len(posts) != 1 {
			t.Fatalf("%d posts: %v", len(posts), posts)
		}
		coretest.Wants(t, "posted item", posts[0], "Nieuws: Borrel", "[Reageren: /news comment 1]")

		teams := func(r intranet.Request) intranet.Request {
			r.Platform, r.Installation = intranet.PlatformTeams, "tenant-1"
			r.User = intranet.User{ID: "29:jan", Name: "Jan de Vries", Email: jan}
			r.Channel = intranet.Channel{ID: "19:algemeen@thread.tacv2"}
			return r
		}
		press := teams(coretest.Request(jan, "", ""))
		press.Action = &intranet.Action{Command: "/news comment 1"}
		press.Message = &intranet.MessageRef{Platform: intranet.PlatformTeams, ChannelID: "19:algemeen@thread.tacv2", ID: "m1"}
		form := e.Do(press)
		if form.Form == nil || form.Form.ID != "news.comment.1" || form.Form.Fields[0].Kind != intranet.FieldLongText {
			t.Fatalf("the Comment button on Teams opened no form: %+v", form)
		}
		submit := teams(coretest.Request(jan, "", ""))
		submit.Form = &intranet.FormSubmission{FormID: form.Form.ID, Values: map[string]string{"text": "Gezellig, ik kom!"}}
		coretest.Wants(t, "submitted on Teams", coretest.All(e.Do(submit)), "Je reactie (1) staat bij \"Borrel\"")
		coretest.Wants(t, "shown", e.say(pieter, "", "/news 1"), "1 reactie", "Jan de Vries", "Gezellig, ik kom!")
	})
}

// TestNoCommentsYet: an item without comments points to its Comment
// button, which every platform shows, not to a command to type.
func TestNoCommentsYet(t *testing.T) {
	newsEnv(t, func(t *testing.T, e *env) {
		e.say(carla, "", "/news post Kerstborrel | Vrijdag 18 december.")
		got := e.say(jan, "", "/news 1")
		coretest.Wants(t, "nl", got, "Nog geen reacties: reageer als eerste met Reageren.", "[Reageren: /news comment 1]")
		coretest.Lacks(t, "nl", got, "Reageer met `/news comment")
		e.Say(jan, "", "/werkplek language en")
		got = e.say(jan, "", "/news 1")
		coretest.Wants(t, "en", got, "No comments yet: be the first with Comment.", "[Comment: /news comment 1]")
		coretest.Lacks(t, "en", got, "Comment with `/news comment")
	})
}
