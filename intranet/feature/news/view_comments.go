package news

import (
	"fmt"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// This file holds how comments read: under an item, a page of them, the
// form, the author's daily summary and every answer about comments.

// commentButton opens the comment form (typed: /news comment <id> <text>).
func commentButton(lang string, n *intranet.NewsItem) intranet.Button {
	return intranet.Button{Label: feature.T(lang, "Reageren", "Comment"), Command: fmt.Sprintf("/news comment %d", n.ID)}
}

// commentSections are a page of comments, each a section: who, when, the
// text and its number.
func (u *Unit) commentSections(lang string, list []*intranet.NewsComment) []intranet.Section {
	var out []intranet.Section
	for _, cm := range list {
		out = append(out, intranet.Section{Text: fmt.Sprintf("*%s* · %s %s · #%d\n%s", cm.Author, u.dateText(cm.Created, lang), u.clockText(cm.Created), cm.ID, intranet.Plain(cm.Body))})
	}
	return out
}

// withComments adds an item's newest comments to its card (/news <id>).
func (u *Unit) withComments(c *feature.Call, card intranet.Reply, n *intranet.NewsItem, list []*intranet.NewsComment, total int) intranet.Reply {
	head := intranet.Section{Title: c.N(total, "reactie", "reacties", "comment", "comments")}
	switch {
	case n.CommentsClosed:
		head.Text = c.T("Reageren is gesloten.", "Comments are closed.")
	case total == 0:
		// The card's Comment button is on every platform (the console
		// prints its command beside it), so no typed command here.
		head.Text = c.T("Nog geen reacties: reageer als eerste met Reageren.", "No comments yet: be the first with Comment.")
	case total > len(list):
		head.Text = c.T("De nieuwste %d:", "The newest %d:", len(list))
	}
	card.Sections = append(card.Sections, head)
	card.Sections = append(card.Sections, u.commentSections(c.Lang, list)...)
	if total > len(list) {
		card.Buttons = append(card.Buttons, moreComments(c, n.ID, 2))
	}
	if total > 0 && mayPublish(c) {
		card.Context = append(card.Context, removeHint(c))
	}
	return card
}

func moreComments(c *feature.Call, id int64, page int) intranet.Button {
	return intranet.Button{Label: c.T("Meer reacties", "More comments"), Command: fmt.Sprintf("/news comments %d %d", id, page)}
}

func removeHint(c *feature.Call) string {
	return c.T("Een reactie verwijderen: `/news comment remove <nummer> <reden>`.", "To remove a comment: `/news comment remove <number> <reason>`.")
}

// commentsView is /news comments <id> <page>.
func (u *Unit) commentsView(c *feature.Call, n *intranet.NewsItem, list []*intranet.NewsComment, total, page int, moderator bool) intranet.Reply {
	reply := intranet.Reply{Lang: c.Lang, Title: c.T("Reacties op %q", "Comments on %q", n.Title)}
	pages := (total + CommentsPage - 1) / CommentsPage
	switch {
	case total == 0:
		reply.Text = c.T("Nog geen reacties op bericht %d.", "No comments on item %d yet.", n.ID)
	case len(list) == 0:
		reply.Text = c.T("Er zijn maar %s: pagina %d bestaat niet.", "There are only %s: page %d does not exist.",
			c.N(pages, "pagina", "pagina's", "page", "pages"), page)
	default:
		reply.Text = c.N(total, "reactie", "reacties", "comment", "comments") + c.T(", nieuwste eerst; pagina %d van %d.", ", newest first; page %d of %d.", page, pages)
	}
	reply.Sections = u.commentSections(c.Lang, list)
	if page < pages {
		reply.Buttons = append(reply.Buttons, moreComments(c, n.ID, page+1))
	}
	reply.Buttons = append(reply.Buttons, intranet.Button{Label: c.T("Bericht", "Item"), Command: fmt.Sprintf("/news %d", n.ID)})
	if !n.CommentsClosed && n.Visible(u.cfg.Now()) {
		reply.Buttons = append(reply.Buttons, commentButton(c.Lang, n))
	}
	if moderator && total > 0 {
		reply.Context = append(reply.Context, removeHint(c))
	}
	return reply
}

// commentForm asks for a comment on n; errs are the fields' mistakes.
func commentForm(c *feature.Call, n *intranet.NewsItem, errs map[string]string) intranet.Reply {
	r := intranet.Reply{Lang: c.Lang, Text: c.T("Typ `/news comment %d <je reactie>`.", "Type `/news comment %d <your comment>`.", n.ID),
		Form: &intranet.Form{ID: fmt.Sprintf("%s%d", commentFormID, n.ID), Title: c.T("Reageren op bericht %d", "Comment on item %d", n.ID),
			SubmitLabel: c.T("Versturen", "Send"), Command: fmt.Sprintf("/news comment %d <%s>", n.ID, c.T("reactie", "comment")),
			Fields: []intranet.FormField{{Name: "text", Label: excerpt(n.Title, 140), Kind: intranet.FieldLongText, Required: true,
				MaxLength: intranet.MaxCommentBody, Placeholder: c.T("Je reactie", "Your comment")}}},
		FieldErrors: errs}
	return r
}

// commented answers a new comment.
func commented(c *feature.Call, n *intranet.NewsItem, cm *intranet.NewsComment) intranet.Reply {
	r := c.Reply(c.T("Dank je! Je reactie (%d) staat bij %q.", "Thank you! Your comment (%d) is on %q.", cm.ID, n.Title))
	r.Buttons = []intranet.Button{{Label: c.T("Bekijken", "View"), Command: fmt.Sprintf("/news %d", n.ID)}}
	return r
}

// removedMessage tells a comment's writer it was removed, and why.
func (u *Unit) removedMessage(lang string, n *intranet.NewsItem, cm *intranet.NewsComment, by string) intranet.Reply {
	t := func(nl, en string, args ...any) string { return feature.T(lang, nl, en, args...) }
	return intranet.Reply{Lang: lang, Title: t("Je reactie is verwijderd", "Your comment was removed"),
		Text:     t("%s verwijderde je reactie op %q.\nReden: %s", "%s removed your comment on %q.\nReason: %s", by, n.Title, cm.RemovedReason),
		Sections: []intranet.Section{{Title: t("Je schreef", "You wrote"), Text: intranet.Plain(cm.Body)}},
		Context:  []string{t("Vragen hierover? Stuur %s een bericht.", "Questions about it? Send %s a message.", by)}}
}

// summaryMessage is an author's daily DM about new comments on their items.
func summaryMessage(lang string, items []commentedItem) intranet.Reply {
	t := func(nl, en string, args ...any) string { return feature.T(lang, nl, en, args...) }
	total := 0
	for _, it := range items {
		total += len(it.comments)
	}
	m := intranet.Reply{Lang: lang, Title: t("Reacties op je nieuws", "Comments on your news"),
		Text: feature.N(lang, total, "nieuwe reactie", "nieuwe reacties", "new comment", "new comments") + t(" sinds gisteren.", " since yesterday.")}
	for i, it := range items {
		if i == DigestMax {
			m.Context = append(m.Context, t("En reacties op %d andere berichten.", "And comments on %d other items.", len(items)-i))
			break
		}
		var lines []string
		for j, cm := range it.comments {
			if j == 3 {
				lines = append(lines, t("en %d meer", "and %d more", len(it.comments)-j))
				break
			}
			lines = append(lines, fmt.Sprintf("*%s*: %s", cm.Author, intranet.Plain(excerpt(cm.Body, 140))))
		}
		m.Sections = append(m.Sections, intranet.Section{
			Title:   it.item.Title + " · " + feature.N(lang, len(it.comments), "nieuwe reactie", "nieuwe reacties", "new comment", "new comments"),
			Text:    strings.Join(lines, "\n"),
			Buttons: []intranet.Button{{Label: t("Lezen", "Read"), Command: fmt.Sprintf("/news comments %d", it.item.ID)}}})
	}
	return m
}

// The answers about comments.

func commentsClosed(c *feature.Call, n *intranet.NewsItem) string {
	return c.T("Reageren op bericht %d is gesloten.", "Comments on item %d are closed.", n.ID)
}

func notVisibleForComments(c *feature.Call, n *intranet.NewsItem) string {
	return c.T("Bericht %d is niet zichtbaar (nog niet verschenen, verlopen of ingetrokken), dus niemand kan erop reageren.",
		"Item %d is not visible (not out yet, expired or withdrawn), so nobody can comment on it.", n.ID)
}

func commentTooLong(c *feature.Call, n int) string {
	return c.T("Je reactie is te lang: %d tekens, hoogstens %d.", "Your comment is too long: %d characters, at most %d.", n, intranet.MaxCommentBody)
}

func onlyModerators(c *feature.Call) string {
	return c.T("Alleen contentbeheerders en beheerders verwijderen reacties.", "Only content managers and admins remove comments.")
}

func noComment(c *feature.Call, id int64) string {
	return c.T("Er is geen reactie %d.", "There is no comment %d.", id)
}

func commentRemoved(c *feature.Call, cm *intranet.NewsComment) string {
	return c.T("Reactie %d van %s is verwijderd; %s krijgt de reden te horen.", "Comment %d by %s is removed; %s is told the reason.", cm.ID, cm.Author, cm.Author)
}

func commentRemovedAlready(c *feature.Call, id int64) string {
	return c.T("Reactie %d was al verwijderd.", "Comment %d was removed already.", id)
}
