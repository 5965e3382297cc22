package news_test

import (
	"strings"
	"testing"

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
	})
}
