package board

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/grammar"
)

// This file holds how ads read: lists, the ad in full, the messages about
// ads and every answer, in Dutch and English. An ad's title and text are
// always written through intranet.Plain.

// categoryName is a category in a language.
func categoryName(lang string, cat intranet.Category) string {
	for _, w := range categoryWords {
		if w.EN == string(cat) {
			if lang == "nl" {
				return w.Aliases[0]
			}
			return w.EN
		}
	}
	return string(cat)
}

// line is one ad in a list: title, category, poster, expiry, a line of
// text and its /board <id>.
func (u *Unit) line(lang string, a *intranet.Ad) intranet.Section {
	meta := []string{categoryName(lang, a.Category), intranet.Plain(intranet.PartnerLabel(a.Poster, a.PosterOrganisation)),
		feature.T(lang, "tot %s", "until %s", u.untilText(a.Expires, lang))}
	text := fmt.Sprintf("*#%d %s* · %s\n%s", a.ID, intranet.Plain(a.Title), strings.Join(meta, " · "), intranet.Plain(excerpt(a.Text, 140)))
	return intranet.Section{Text: text, Buttons: []intranet.Button{{Label: feature.T(lang, "Bekijken", "View"), Command: fmt.Sprintf("/board %d", a.ID)}}}
}

func excerpt(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	return string([]rune(s)[:max-1]) + "…"
}

// listView is /board [<category>]: a page of ads, newest first.
func (u *Unit) listView(c *feature.Call, ads []*intranet.Ad, cat intranet.Category, page int, more bool) intranet.Reply {
	if len(ads) == 0 && page == 1 {
		if cat != "" {
			return c.Reply(c.T("Er hangt nu niets onder %s. Hang zelf iets op met `/board post`.", "Nothing is up under %s now. Put something up with `/board post`.", categoryName(c.Lang, cat)))
		}
		return c.Reply(c.T("Het prikbord is nog leeg. Hang iets op met `/board post`.", "The board is empty. Put something up with `/board post`."))
	}
	title := c.T("Prikbord", "Bulletin board")
	if cat != "" {
		title += ": " + categoryName(c.Lang, cat)
	}
	reply := intranet.Reply{Lang: c.Lang, Title: title}
	if len(ads) == 0 {
		reply.Text = c.T("Er zijn geen advertenties meer.", "There are no more ads.")
	}
	for _, a := range ads {
		reply.Sections = append(reply.Sections, u.line(c.Lang, a))
	}
	if more {
		next := fmt.Sprintf("/board page:%d", page+1)
		if cat != "" {
			next = fmt.Sprintf("/board %s page:%d", categoryArg(cat), page+1)
		}
		reply.Buttons = append(reply.Buttons, intranet.Button{Label: c.T("Meer", "More"), Command: next})
	}
	reply.Context = []string{c.T("Categorieën: %s. Zoeken: `/board search <woorden>`.", "Categories: %s. Search: `/board search <words>`.", categoryList(c.Lang))}
	return reply
}

// categoryArg is a category as typed after /board: one word.
func categoryArg(cat intranet.Category) string {
	for _, w := range categoryWords {
		if w.EN == string(cat) {
			for _, s := range w.All() {
				if !strings.Contains(s, " ") {
					return s
				}
			}
		}
	}
	return string(cat)
}

func categoryList(lang string) string {
	var names []string
	for _, cat := range intranet.Categories {
		names = append(names, categoryName(lang, cat))
	}
	return strings.Join(names, ", ")
}

// adView is one ad in full, with what the caller may do with it.
func (u *Unit) adView(c *feature.Call, a *intranet.Ad) intranet.Reply {
	now := u.cfg.Now()
	sec := intranet.Section{Title: fmt.Sprintf("#%d %s", a.ID, intranet.Plain(a.Title)), Text: intranet.Plain(a.Text)}
	sec.Fields = []intranet.Field{
		{Label: c.T("Categorie", "Category"), Value: categoryName(c.Lang, a.Category)},
		{Label: c.T("Van", "From"), Value: intranet.Plain(intranet.PartnerLabel(a.Poster, a.PosterOrganisation))},
		{Label: c.T("Geplaatst", "Posted"), Value: u.dateText(a.Created, c.Lang)},
		{Label: c.T("Verloopt", "Expires"), Value: u.untilText(a.Expires, c.Lang)},
		{Label: c.T("Reacties", "Replies"), Value: repliesText(c, a.Replies)},
	}
	reply := intranet.Reply{Lang: c.Lang, Sections: []intranet.Section{sec}}
	mine := c.Person != nil && a.PosterID == c.Person.ID
	switch {
	case !a.Removed.IsZero():
		reply.Text = c.T("Deze advertentie is weggehaald.", "This ad was removed.")
	case !a.Visible(now):
		reply.Text = c.T("Deze advertentie is verlopen.", "This ad has expired.")
	}
	if a.Removed.IsZero() && mine {
		reply.Buttons = append(reply.Buttons,
			intranet.Button{Label: c.T("Verlengen", "Extend"), Command: fmt.Sprintf("/board extend %d", a.ID)},
			intranet.Button{Label: c.T("Weghalen", "Remove"), Style: intranet.StyleDanger, Command: fmt.Sprintf("/board remove %d", a.ID)})
	}
	if a.Visible(now) && !mine {
		reply.Context = append(reply.Context, c.T("Reageer met `/board reply %d <tekst>`: %s krijgt het als privébericht.",
			"Reply with `/board reply %d <text>`: %s gets it by direct message.", a.ID, intranet.Plain(a.Poster)),
			c.T("Hoort dit hier niet? `/board report %d <reden>`.", "Does this not belong here? `/board report %d <reason>`.", a.ID))
	}
	return reply
}

// mineView is /board mine.
func (u *Unit) mineView(c *feature.Call, ads []*intranet.Ad) intranet.Reply {
	if len(ads) == 0 {
		return c.Reply(c.T("Je hebt niets op het prikbord. Hang iets op met `/board post`.", "You have nothing on the board. Put something up with `/board post`."))
	}
	now := u.cfg.Now()
	reply := intranet.Reply{Lang: c.Lang, Title: c.T("Jouw advertenties", "Your ads")}
	for _, a := range ads {
		sec := u.line(c.Lang, a)
		switch {
		case !a.Removed.IsZero():
			sec.Text += "\n" + c.T("_Weggehaald_", "_Removed_")
		case !a.Visible(now):
			sec.Text += "\n" + c.T("_Verlopen_", "_Expired_")
			sec.Buttons = append(sec.Buttons, intranet.Button{Label: c.T("Verlengen", "Extend"), Command: fmt.Sprintf("/board extend %d", a.ID)})
		default:
			sec.Text += "\n" + c.N(a.Replies, "reactie", "reacties", "reply", "replies")
		}
		reply.Sections = append(reply.Sections, sec)
	}
	return reply
}

// searchView is /board search.
func (u *Unit) searchView(c *feature.Call, words string, ads []*intranet.Ad) intranet.Reply {
	if len(ads) == 0 {
		return c.Reply(c.T("Geen advertenties gevonden voor “%s”. Bekijk alles met `/board`.", "No ads found for “%s”. See everything with `/board`.", intranet.Plain(words)))
	}
	reply := intranet.Reply{Lang: c.Lang, Title: c.T("Gevonden op het prikbord", "Found on the board")}
	for _, a := range ads {
		reply.Sections = append(reply.Sections, u.line(c.Lang, a))
	}
	return reply
}

// postedView answers a new ad.
func (u *Unit) postedView(c *feature.Call, a *intranet.Ad) intranet.Reply {
	reply := u.adView(c, a)
	reply.Text = c.T("Je advertentie hangt op het prikbord als nummer %d, tot %s. Twee dagen ervoor vraag ik of je haar wilt verlengen.",
		"Your ad is up on the board as number %d, until %s. Two days before, I ask whether you want to extend it.", a.ID, u.untilText(a.Expires, c.Lang))
	return reply
}

// editedView answers a corrected ad.
func (u *Unit) editedView(c *feature.Call, a *intranet.Ad) intranet.Reply {
	reply := u.adView(c, a)
	reply.Text = c.T("Advertentie %d is gewijzigd.", "Ad %d was changed.", a.ID)
	return reply
}

// postForm asks for an ad with a form, its fields filled with values;
// adapters without forms show the typed command.
func postForm(c *feature.Call, values map[string]string) intranet.Reply {
	var opts []intranet.Option
	for _, cat := range intranet.Categories {
		opts = append(opts, intranet.Option{Label: categoryName(c.Lang, cat), Value: string(cat)})
	}
	f := &intranet.Form{ID: postFormID, Title: c.T("Op het prikbord", "On the board"), SubmitLabel: c.T("Ophangen", "Put up"),
		Command: grammar.Usage(Command, sub("post"), c.Lang),
		Fields: []intranet.FormField{
			{Name: "title", Label: c.T("Titel", "Title"), Kind: intranet.FieldText, Required: true, MaxLength: intranet.MaxAdTitle},
			{Name: "text", Label: c.T("Tekst", "Text"), Kind: intranet.FieldLongText, Required: true, MaxLength: intranet.MaxAdText},
			{Name: "category", Label: c.T("Categorie", "Category"), Kind: intranet.FieldChoice, Options: opts, Value: string(intranet.CategoryOther)},
			{Name: "expires", Label: c.T("Verloopt na (leeg: over 30 dagen)", "Expires after (empty: in 30 days)"), Kind: intranet.FieldDate},
		}}
	for i := range f.Fields {
		if v, ok := values[f.Fields[i].Name]; ok {
			f.Fields[i].Value = v
		}
	}
	return intranet.Reply{Lang: c.Lang, Text: usage(c, "post"), Form: f}
}

// The messages about ads.

// replyMessage is the DM to a poster with a reply: the text and who sent
// it, so that they can write back: their name as a mention in the chat the
// DM arrives in (the outbox writes it for that platform; the name where
// they have no account there), department and email.
func replyMessage(lang string, a *intranet.Ad, from *intranet.Person, text string) intranet.Reply {
	who := intranet.PersonMention(from.ID, from.Name)
	if from.IsPartner() {
		// A partner is labelled with their organisation.
		who += " · " + intranet.Plain(from.Organisation) + " (partner)"
	} else if from.Department != "" {
		who += " (" + intranet.Plain(from.Department) + ")"
	}
	return intranet.Reply{Lang: lang, Title: feature.T(lang, "Reactie op je advertentie", "A reply to your ad"),
		Sections: []intranet.Section{{Title: fmt.Sprintf("#%d %s", a.ID, intranet.Plain(a.Title)), Text: intranet.Plain(text),
			Fields: []intranet.Field{
				{Label: feature.T(lang, "Van", "From"), Value: who},
				{Label: feature.T(lang, "E-mail", "Email"), Value: from.Email},
			}}},
		Context: []string{feature.T(lang, "Schrijf %s rechtstreeks terug; Werkplek stuurt je antwoord niet door.",
			"Write back to %s directly; Werkplek does not pass your answer on.", intranet.Plain(from.Name))}}
}

// removedMessage tells a poster a content manager removed their ad, and
// why.
func removedMessage(lang string, a *intranet.Ad, by, reason string) intranet.Reply {
	return intranet.Reply{Lang: lang, Text: feature.T(lang, "%s haalde je advertentie %d (%s) van het prikbord. Reden: %s",
		"%s removed your ad %d (%s) from the board. Reason: %s", intranet.Plain(by), a.ID, intranet.Plain(a.Title), intranet.Plain(reason))}
}

// reportMessage asks the content managers about a reported ad.
func (u *Unit) reportMessage(lang string, a *intranet.Ad, from *intranet.Person, reason string) intranet.Reply {
	c := &feature.Call{Lang: lang}
	reply := u.adView(c, a)
	reply.Title = feature.T(lang, "Gemelde advertentie", "Reported ad")
	reply.Text = feature.T(lang, "%s meldt advertentie %d: %s", "%s reports ad %d: %s", intranet.Plain(from.Name), a.ID, intranet.Plain(reason))
	reply.Context = nil
	reply.Buttons = []intranet.Button{
		{Label: feature.T(lang, "Weghalen", "Remove"), Style: intranet.StyleDanger, Command: fmt.Sprintf("/board remove %d %s", a.ID, oneLine(reason))},
		{Label: feature.T(lang, "Laten staan", "Keep"), Command: fmt.Sprintf("/board keep %d", a.ID)},
	}
	return reply
}

// reminderMessage asks a poster whether to extend their ad.
func (u *Unit) reminderMessage(lang string, a *intranet.Ad) intranet.Reply {
	return intranet.Reply{Lang: lang,
		Text: feature.T(lang, "Je advertentie %d (%s) verloopt op %s. Hangt ze er nog graag? Verleng haar met 30 dagen.",
			"Your ad %d (%s) expires on %s. Still want it up? Extend it by 30 days.", a.ID, intranet.Plain(a.Title), u.untilText(a.Expires, lang)),
		Buttons: []intranet.Button{{Label: feature.T(lang, "Verlengen", "Extend"), Style: intranet.StylePrimary, Command: fmt.Sprintf("/board extend %d", a.ID)}}}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// The answers.

func noAd(c *feature.Call, id int64) string {
	return c.T("Er is geen advertentie %d.", "There is no ad %d.", id)
}

func gone(c *feature.Call, a *intranet.Ad, now time.Time) string {
	if !a.Removed.IsZero() {
		return c.T("Advertentie %d is weggehaald.", "Ad %d was removed.", a.ID)
	}
	return c.T("Advertentie %d is verlopen.", "Ad %d has expired.", a.ID)
}

func unknownCategory(c *feature.Call, what string) string {
	return c.T("`%s` is geen nummer of categorie. Kies uit: %s.", "`%s` is no number or category. Choose from: %s.", intranet.Plain(what), categoryList(c.Lang))
}

func notYours(c *feature.Call, a *intranet.Ad) string {
	return c.T("Advertentie %d is van %s; alleen die en contentbeheerders halen haar weg, en alleen die wijzigt of verlengt haar.",
		"Ad %d is %s's; only they and content managers remove it, and only they change or extend it.", a.ID, intranet.Plain(a.Poster))
}

func removedAlready(c *feature.Call, id int64) string {
	return c.T("Advertentie %d is al weggehaald.", "Ad %d was removed already.", id)
}

func needsReason(c *feature.Call, a *intranet.Ad) string {
	return c.T("Geef een reden; %s krijgt die te horen: `/board remove %d <reden>`.", "Give a reason; %s is told it: `/board remove %d <reason>`.", intranet.Plain(a.Poster), a.ID)
}

func removed(c *feature.Call, a *intranet.Ad, moderated bool) string {
	if moderated {
		return c.T("Advertentie %d is weggehaald; %s krijgt de reden als privébericht.", "Ad %d was removed; %s gets the reason by direct message.", a.ID, intranet.Plain(a.Poster))
	}
	return c.T("Je advertentie %d is weggehaald.", "Your ad %d was removed.", a.ID)
}

func replied(c *feature.Call, a *intranet.Ad) string {
	return c.T("Verstuurd: %s krijgt je reactie als privébericht, met je naam, afdeling, e-mailadres en een vermelding van jou in de chat.",
		"Sent: %s gets your reply by direct message, with your name, department, email address and a mention of you in the chat.", intranet.Plain(a.Poster))
}

func reported(c *feature.Call, a *intranet.Ad) string {
	return c.T("Bedankt; de contentbeheerders kijken naar advertentie %d.", "Thanks; the content managers will look at ad %d.", a.ID)
}

func expiresPast(c *feature.Call) string {
	return c.T("Die verloopdatum is al voorbij; kies een latere.", "That expiry date has passed; choose a later one.")
}

func expiresTooLate(c *feature.Call, limit string) string {
	return c.T("Een advertentie hangt hoogstens 90 dagen, tot %s; kies een eerdere verloopdatum.", "An ad stays up at most 90 days, until %s; choose an earlier expiry date.", limit)
}

func extended(c *feature.Call, a *intranet.Ad, until string) string {
	return c.T("Advertentie %d hangt nu tot %s.", "Ad %d is now up until %s.", a.ID, until)
}

func extendedEnough(c *feature.Call, a *intranet.Ad, until string) string {
	return c.T("Advertentie %d hangt al tot %s, het langste dat kan (90 dagen vanaf nu).", "Ad %d is up until %s already, the longest possible (90 days from now).", a.ID, until)
}

// repliesText says how many people replied to an ad (not what they wrote).
func repliesText(c *feature.Call, n int) string {
	if n == 0 {
		return c.T("nog niemand", "nobody yet")
	}
	return c.N(n, "persoon reageerde", "personen reageerden", "person replied", "people replied")
}
