package news

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/grammar"
	"github.com/werkplek/werkplek/intranet/when"
)

// This file holds how news items read: lists, cards, the messages that
// deliver them and every answer about items, in Dutch and English.

func (u *Unit) dateText(t time.Time, lang string) string {
	return when.DateOf(t, u.cfg.Location).Format(lang)
}

func (u *Unit) clockText(t time.Time) string { return t.In(u.cfg.Location).Format("15:04") }

// latestView is /news: the newest items, each a line; outside says the
// reader is a partner.
func (u *Unit) latestView(c *feature.Call, items []*intranet.NewsItem, outside bool) intranet.Reply {
	if len(items) == 0 {
		return c.Reply(c.T("Er is nog geen nieuws voor je.", "There is no news for you yet."))
	}
	reply := intranet.Reply{Lang: c.Lang, Title: c.T("Laatste nieuws", "Latest news")}
	for _, n := range items {
		reply.Sections = append(reply.Sections, u.newsLine(c.Lang, n, outside))
	}
	if !outside {
		reply.Context = []string{c.T("Abonneer een kanaal met `/news subscribe daily 08:30`.", "Subscribe a channel with `/news subscribe daily 08:30`.")}
	}
	return reply
}

// partnerLabel tells employees whom outside an item is for: "Voor
// partners", "Voor partner: Thuiszorg Midden"; "" for an item for
// employees only.
func partnerLabel(lang string, n *intranet.NewsItem) string {
	switch {
	case !n.Partners:
		return ""
	case n.PartnerOrgID != 0:
		return feature.T(lang, "Voor partner: %s", "For partner: %s", n.PartnerOrg)
	}
	return feature.T(lang, "Voor partners", "For partners")
}

// newsLine is one item in a list: title, date, topic, department, whether
// it is for partners, a line of text and its /news <id>. A reader outside
// (a partner, a shared channel) sees the title, date and text only.
func (u *Unit) newsLine(lang string, n *intranet.NewsItem, outside bool) intranet.Section {
	meta := []string{u.dateText(n.Publish, lang)}
	if n.Topic != "" && !outside {
		meta = append(meta, n.Topic)
	}
	if n.Department != "" && !outside {
		meta = append(meta, n.Department)
	}
	if label := partnerLabel(lang, n); label != "" && !outside {
		meta = append(meta, label)
	}
	title := "*" + n.Title + "*"
	if n.Important {
		title = "❗ " + title
	}
	text := fmt.Sprintf("%s · %s\n%s", title, strings.Join(meta, " · "), excerpt(n.Body, 140))
	return intranet.Section{Text: text, Buttons: []intranet.Button{{Label: feature.T(lang, "Lezen", "Read more"), Command: fmt.Sprintf("/news %d", n.ID)}}}
}

func excerpt(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:max])) + "…"
}

// newsCard is one item in full, with a Read button when it is important.
// A reader outside (a partner, a shared channel) sees its title, text,
// author's name and date, and the Read button, nothing internal: no
// topic, department or comments.
func (u *Unit) newsCard(lang string, n *intranet.NewsItem, outside bool) intranet.Reply {
	t := func(nl, en string, args ...any) string { return feature.T(lang, nl, en, args...) }
	reply := intranet.Reply{Lang: lang, Title: n.Title, Text: n.Body}
	fields := []intranet.Field{{Label: t("Door", "By"), Value: feature.Author(lang, n.Author, n.AuthorEmail)},
		{Label: t("Geplaatst", "Published"), Value: u.dateText(n.Publish, lang) + " " + u.clockText(n.Publish)}}
	if outside {
		reply.Sections = []intranet.Section{{Fields: fields}}
		if n.Important {
			reply.Buttons = []intranet.Button{{Label: t("Gelezen", "Read"), Style: intranet.StylePrimary, Command: fmt.Sprintf("/news read %d", n.ID)}}
			reply.Context = append(reply.Context, t("Belangrijk: bevestig met Gelezen dat je het las.", "Important: confirm with Read that you read it."))
		}
		reply.Context = append(reply.Context, t("Nieuws %d", "News %d", n.ID))
		return reply
	}
	if label := partnerLabel(lang, n); label != "" {
		reply.Context = append(reply.Context, label+".")
	}
	if n.Topic != "" {
		fields = append(fields, intranet.Field{Label: t("Onderwerp", "Topic"), Value: n.Topic})
	}
	if n.Department != "" {
		fields = append(fields, intranet.Field{Label: t("Voor", "For"), Value: n.Department})
	}
	if !n.Expires.IsZero() {
		// Expires is the midnight after the last day shown.
		fields = append(fields, intranet.Field{Label: t("Tot en met", "Until"), Value: u.dateText(n.Expires.Add(-time.Second), lang)})
	}
	if n.CommentsClosed {
		fields = append(fields, intranet.Field{Label: t("Reacties", "Comments"), Value: t("gesloten", "closed")})
	}
	reply.Sections = []intranet.Section{{Fields: fields}}
	if n.Important {
		reply.Buttons = []intranet.Button{{Label: t("Gelezen", "Read"), Style: intranet.StylePrimary, Command: fmt.Sprintf("/news read %d", n.ID)}}
		reply.Context = append(reply.Context, t("Belangrijk: bevestig met Gelezen dat je het las.", "Important: confirm with Read that you read it."))
	}
	if !n.CommentsClosed {
		reply.Buttons = append(reply.Buttons, commentButton(lang, n))
	}
	reply.Context = append(reply.Context, t("Nieuws %d", "News %d", n.ID))
	return reply
}

// shownCard is /news <id>: the card with the item's state.
func (u *Unit) shownCard(c *feature.Call, n *intranet.NewsItem, now time.Time, outside bool) intranet.Reply {
	card := u.newsCard(c.Lang, n, outside)
	switch {
	case !n.Withdrawn.IsZero():
		card.Context = append(card.Context, c.T("Ingetrokken op %s.", "Withdrawn on %s.", u.dateText(n.Withdrawn, c.Lang)))
		card.Buttons = nil
	case now.Before(n.Publish):
		card.Context = append(card.Context, c.T("Nog niet gepubliceerd: verschijnt %s %s.", "Not published yet: appears %s %s.", u.dateText(n.Publish, c.Lang), u.clockText(n.Publish)))
		card.Buttons = withoutComment(card.Buttons)
	case !n.Expires.IsZero() && !now.Before(n.Expires):
		card.Context = append(card.Context, c.T("Verlopen.", "Expired."))
		card.Buttons = withoutComment(card.Buttons)
	}
	return card
}

// withoutComment drops the Comment button of an item nobody may comment on.
func withoutComment(bs []intranet.Button) []intranet.Button {
	var out []intranet.Button
	for _, b := range bs {
		if !strings.HasPrefix(b.Command, "/news comment ") {
			out = append(out, b)
		}
	}
	return out
}

// postedView answers a published or planned item.
func (u *Unit) postedView(c *feature.Call, n *intranet.NewsItem, now time.Time) intranet.Reply {
	reply := u.newsCard(c.Lang, n, false)
	if n.Publish.After(now) {
		reply.Text = c.T("Gepland: bericht %d verschijnt %s %s.", "Scheduled: item %d appears %s %s.", n.ID, u.dateText(n.Publish, c.Lang), u.clockText(n.Publish)) + "\n\n" + reply.Text
	} else {
		reply.Text = c.T("Geplaatst als bericht %d.", "Published as item %d.", n.ID) + "\n\n" + reply.Text
	}
	// Right under Publish on a phone: one press must not undo the item.
	reply.Buttons = []intranet.Button{{Label: c.T("Intrekken", "Withdraw"), Style: intranet.StyleDanger, Command: fmt.Sprintf("/news withdraw %d", n.ID),
		Confirm: &intranet.Confirm{Title: c.T("Bericht intrekken?", "Withdraw the item?"), Text: c.T("%q verdwijnt voor iedereen.", "%q disappears for everyone.", n.Title),
			Confirm: c.T("Intrekken", "Withdraw"), Deny: c.T("Laten staan", "Keep it")}}}
	if n.Important {
		reply.Buttons = append(reply.Buttons, intranet.Button{Label: c.T("Wie las het", "Who read it"), Command: fmt.Sprintf("/news stats %d", n.ID)})
	}
	return reply
}

// editedView answers a corrected item.
func (u *Unit) editedView(c *feature.Call, n *intranet.NewsItem) intranet.Reply {
	reply := u.newsCard(c.Lang, n, false)
	reply.Text = c.T("Bericht %d is gewijzigd.", "Item %d is corrected.", n.ID) + "\n\n" + reply.Text
	return reply
}

// itemMessage is an item as delivered on its own: to an immediate
// subscription, or to a follower (f says what they follow); outside says
// partners read it.
func (u *Unit) itemMessage(lang string, n *intranet.NewsItem, f *intranet.Follow, outside bool) intranet.Reply {
	m := u.newsCard(lang, n, outside)
	m.Visibility = intranet.InChannel
	m.Title = feature.T(lang, "Nieuws: %s", "News: %s", n.Title)
	if f != nil {
		m.Context = append([]string{feature.T(lang, "Je volgt %s.", "You follow %s.", followText(lang, *f))}, m.Context...)
	}
	return m
}

// reminderMessage asks someone who has not confirmed an important item to
// (outside: a partner).
func (u *Unit) reminderMessage(lang string, n *intranet.NewsItem, outside bool) intranet.Reply {
	m := u.newsCard(lang, n, outside)
	m.Title = feature.T(lang, "Herinnering: %s", "Reminder: %s", n.Title)
	m.Text = feature.T(lang, "Dit belangrijke bericht vraagt je te bevestigen dat je het las.", "This important item asks you to confirm that you read it.") + "\n\n" + n.Body
	return m
}

// readText answers /news read.
func (u *Unit) readText(c *feature.Call, n *intranet.NewsItem, first bool, at time.Time) string {
	if !first {
		return c.T("Je had al bevestigd dat je %q las (%s %s); dat blijft zo.", "You had already confirmed reading %q (%s %s); that stays as it is.",
			n.Title, u.dateText(at, c.Lang), u.clockText(at))
	}
	return c.T("Dank je: genoteerd dat je %q las.", "Thank you: noted that you read %q.", n.Title)
}

// statsView is /news stats: how many of the audience read the item, and who not.
func statsView(c *feature.Call, n *intranet.NewsItem, readers []intranet.NewsReader) intranet.Reply {
	var unread, unreachable []string
	read := 0
	for _, p := range readers {
		if !p.Acked.IsZero() {
			read++
			continue
		}
		name := intranet.PartnerLabel(p.Name, p.Organisation)
		unread = append(unread, name)
		if len(p.Accounts) == 0 {
			unreachable = append(unreachable, name)
		}
	}
	reply := intranet.Reply{Lang: c.Lang, Title: c.T("Gelezen: %s", "Read: %s", n.Title)}
	if !n.Important {
		reply.Text = c.T("Bericht %d is niet belangrijk, dus lezers bevestigen het niet. ", "Item %d is not important, so readers do not confirm it. ", n.ID)
	}
	reply.Text += c.N(read, "van %d in de doelgroep heeft het gelezen.", "van %d in de doelgroep hebben het gelezen.", "of %d in the audience has read it.", "of %d in the audience have read it.", len(readers))
	if len(unread) > 0 {
		shown := unread
		if len(shown) > 40 {
			shown = shown[:40]
		}
		s := intranet.Section{Title: c.T("Nog niet gelezen (%d)", "Not read yet (%d)", len(unread)), Text: strings.Join(shown, ", ")}
		if len(unread) > len(shown) {
			s.Text += " " + c.T("en %d meer", "and %d more", len(unread)-len(shown))
		}
		reply.Sections = append(reply.Sections, s)
	}
	switch {
	case len(unreachable) == 0 || !n.Important:
	case len(unreachable) <= 20:
		reply.Context = append(reply.Context, c.T("Zonder chataccount, dus geen herinnering mogelijk: %s.", "No chat account, so they cannot be reminded: %s.", strings.Join(unreachable, ", ")))
	default:
		reply.Context = append(reply.Context, c.T("%d van hen hebben geen chataccount en krijgen dus geen herinnering (zie de CSV).", "%d of them have no chat account, so they cannot be reminded (see the CSV).", len(unreachable)))
	}
	csv := c.T("De hele lijst als CSV: `/news stats %d csv`.", "The whole list as CSV: `/news stats %d csv`.", n.ID)
	reply.Context = append(reply.Context, csv)
	reply.Typing = []string{csv}
	reply.Buttons = append(reply.Buttons, intranet.Button{Label: c.T("Lijst als CSV", "List as CSV"), Command: fmt.Sprintf("/news stats %d csv", n.ID)})
	return reply
}

// readsChart is the read statistics' chart: reads per day.
func readsChart(c *feature.Call, days []dayCount) intranet.Chart {
	ch := intranet.Chart{Title: c.T("Gelezen per dag", "Read per day")}
	for _, d := range days {
		ch.Points = append(ch.Points, intranet.Point{Label: d.Day.Short(c.Lang), Value: float64(d.Count)})
	}
	return ch
}

// readsPerDayText says the chart in words: the days someone read it.
func readsPerDayText(c *feature.Call, days []dayCount) string {
	var parts []string
	for _, d := range days {
		if d.Count > 0 {
			parts = append(parts, fmt.Sprintf("%s: %d", d.Day.Short(c.Lang), d.Count))
		}
	}
	if len(parts) == 0 {
		return c.T("Gelezen per dag: nog niemand sinds %s.", "Read per day: nobody yet since %s.", days[0].Day.Short(c.Lang))
	}
	return c.T("Gelezen per dag: %s.", "Read per day: %s.", strings.Join(parts, ", "))
}

// csvText says where the statistics' CSV is downloaded: the web serves
// the reply's File, chat shows this.
func (u *Unit) csvText(c *feature.Call, id int64) string {
	base := strings.TrimRight(u.cfg.PublicURL, "/")
	if base == "" {
		return c.T("De lijst als CSV download je van de webpagina van Werkplek, maar daarvoor moet de beheerder `WERKPLEK_PUBLIC_URL` instellen. Tot dan maakt de beheerder hem met `werkplek news acks %d`.",
			"You download the list as CSV from Werkplek's web page, but the admin must set `WERKPLEK_PUBLIC_URL` first. Until then the admin makes it with `werkplek news acks %d`.", id)
	}
	url := fmt.Sprintf("%s/web/news/%d/stats", base, id)
	return c.T("Download de lijst als CSV van de webpagina: [%s](%s)", "Download the list as CSV from the web page: [%s](%s)", url, url)
}

// postForm is the publishing form, its fields filled with values.
func postForm(c *feature.Call, l formLists, values map[string]string) intranet.Reply {
	f := &intranet.Form{ID: postFormID, Title: c.T("Nieuws plaatsen", "Publish news"), SubmitLabel: c.T("Plaatsen", "Publish"),
		Command: grammar.Usage(Command, sub("post"), c.Lang), Fields: itemFields(c, l, values, true)}
	return intranet.Reply{Lang: c.Lang, Text: postUsage(c), Form: f}
}

// editForm is the editing form of item id, its fields filled with values;
// scheduled items keep their publication fields.
func editForm(c *feature.Call, id int64, l formLists, values map[string]string, scheduled bool) intranet.Reply {
	f := &intranet.Form{ID: fmt.Sprintf("%s%d", editFormID, id), Title: c.T("Bericht %d wijzigen", "Edit item %d", id), SubmitLabel: c.T("Opslaan", "Save"),
		Command: grammar.Usage(Command, sub("edit"), c.Lang), Fields: itemFields(c, l, values, scheduled)}
	return intranet.Reply{Lang: c.Lang, Text: editUsage(c), Form: f}
}

// itemFields are the fields of an item's form, filled with values; the
// publication fields only with publish, the audience only where there
// are partners.
func itemFields(c *feature.Call, l formLists, values map[string]string, publish bool) []intranet.FormField {
	opts := []intranet.Option{{Label: c.T("Iedereen", "Everyone"), Value: ""}}
	for _, d := range l.depts {
		opts = append(opts, intranet.Option{Label: d, Value: d})
	}
	fields := []intranet.FormField{
		{Name: "title", Label: c.T("Titel", "Title"), Kind: intranet.FieldText, Required: true, MaxLength: intranet.MaxNewsTitle},
		{Name: "body", Label: c.T("Tekst", "Text"), Kind: intranet.FieldLongText, Required: true, MaxLength: intranet.MaxNewsBody,
			Placeholder: c.T("*vet*, _schuin_, [link](https://...), regels met - ", "*bold*, _italic_, [link](https://...), lines with - ")},
		{Name: "topic", Label: c.T("Onderwerp", "Topic"), Kind: intranet.FieldText, Placeholder: c.T("Personeel", "Staff")},
		{Name: "dept", Label: c.T("Voor", "For"), Kind: intranet.FieldChoice, Options: opts},
		{Name: "important", Label: c.T("Belangrijk (lezers bevestigen)", "Important (readers confirm)"), Kind: intranet.FieldYesNo, Value: "no"},
		{Name: "comments", Label: c.T("Reacties toestaan", "Allow comments"), Kind: intranet.FieldYesNo, Value: "yes"},
	}
	if l.audience {
		orgs := []intranet.Option{{Label: c.T("Alleen medewerkers", "Employees only"), Value: ""}, {Label: c.T("Ook alle partners", "All partners too"), Value: allPartners}}
		for _, o := range l.orgs {
			orgs = append(orgs, intranet.Option{Label: c.T("Ook partner %s", "Partner %s too", o), Value: onePartner + o})
		}
		fields = append(fields, intranet.FormField{Name: "audience", Label: c.T("Partners", "Partners"), Kind: intranet.FieldChoice, Options: orgs})
	}
	if publish {
		fields = append(fields,
			intranet.FormField{Name: "publish_date", Label: c.T("Publiceren op (leeg: nu)", "Publish on (empty: now)"), Kind: intranet.FieldDate},
			intranet.FormField{Name: "publish_time", Label: c.T("Om", "At"), Kind: intranet.FieldTime, Placeholder: "09:00"})
	}
	fields = append(fields,
		intranet.FormField{Name: "expires", Label: c.T("Verloopt na (leeg: nooit)", "Expires after (empty: never)"), Kind: intranet.FieldDate},
		intranet.FormField{Name: "expires_time", Label: c.T("Verloopt om (leeg: eind van de dag)", "Expires at (empty: end of the day)"), Kind: intranet.FieldTime, Placeholder: "17:00"})
	for i := range fields {
		if v, ok := values[fields[i].Name]; ok {
			fields[i].Value = v
		}
	}
	return fields
}

// The answers about items.

func noItem(c *feature.Call, id int64) string {
	return c.T("Er is geen nieuwsbericht %d.", "There is no news item %d.", id)
}

func noItemForYou(c *feature.Call, id int64) string {
	return c.T("Er is geen nieuwsbericht %d voor jou (meer).", "There is no news item %d for you (any more).", id)
}

func noConfirmationAsked(c *feature.Call, id int64) string {
	return c.T("Bericht %d vraagt geen bevestiging; fijn dat je het las.", "Item %d asks for no confirmation; thanks for reading it.", id)
}

func confirmationNotAskedOfYou(c *feature.Call, n *intranet.NewsItem) string {
	return c.T("Bericht %d vraagt alleen %s om bevestiging; jij hoeft niets te doen.", "Item %d asks only %s to confirm; nothing to do for you.", n.ID, n.Department)
}

func statsNotYours(c *feature.Call, n *intranet.NewsItem) string {
	return c.T("Alleen %s, die het plaatste, en beheerders zien wie bericht %d las.", "Only %s, who published it, and admins see who read item %d.", n.Author, n.ID)
}

// onlyPublishers refuses post, edit and withdraw to who may not.
func onlyPublishers(c *feature.Call, what string) string {
	switch what {
	case "edit":
		return c.T("Alleen contentbeheerders en beheerders wijzigen nieuws.", "Only content managers and admins edit news.")
	case "withdraw":
		return c.T("Alleen contentbeheerders en beheerders trekken nieuws in.", "Only content managers and admins withdraw news.")
	}
	return c.T("Alleen contentbeheerders en beheerders plaatsen nieuws. Vraag je contentbeheerder.", "Only content managers and admins publish news. Ask your content manager.")
}

func withdrawn(c *feature.Call, id int64) string {
	return c.T("Bericht %d is ingetrokken; niemand ziet het meer.", "Item %d is withdrawn; nobody sees it any more.", id)
}

func withdrawnAlready(c *feature.Call, id int64) string {
	return c.T("Bericht %d was al ingetrokken.", "Item %d was withdrawn already.", id)
}

func needsTitle(c *feature.Call) string {
	return c.T("Een bericht heeft een titel nodig. ", "An item needs a title. ") + postUsage(c)
}

func needsBody(c *feature.Call) string {
	return c.T("Een bericht heeft een tekst nodig, na de titel en een `|`. ", "An item needs a text, after the title and a `|`. ") + postUsage(c)
}

func titleTooLong(c *feature.Call) string {
	return c.T("De titel is te lang: hoogstens %d tekens.", "The title is too long: at most %d characters.", intranet.MaxNewsTitle)
}

func bodyTooLong(c *feature.Call, n int) string {
	return c.T("De tekst is te lang: %d tekens, hoogstens %d.", "The text is too long: %d characters, at most %d.", n, intranet.MaxNewsBody)
}

func publishPast(c *feature.Call) string {
	return c.T("Het publicatiemoment ligt in het verleden. Laat `publish:` weg om nu te plaatsen.", "The publication time is in the past. Leave out `publish:` to publish now.")
}

func expiresFirst(c *feature.Call) string {
	return c.T("Het bericht zou verlopen voordat het verschijnt; kies een latere `expires:`.", "The item would expire before it appears; choose a later `expires:`.")
}

func editUsage(c *feature.Call) string {
	return c.T("Wat moet er anders? Geef een nieuwe titel, een nieuwe tekst na `|` (een leeg deel blijft zoals het was) en/of opties als `topic:`, `dept:`, `important:no`, `expires:<datum>`, `comments:off`, `doelgroep:partners`. ",
		"What should change? Give a new title, a new text after `|` (an empty part stays as it was) and/or options such as `topic:`, `dept:`, `important:no`, `expires:<date>`, `comments:off`, `audience:partners`. ") + c.Usage()
}

// bothAudiences refuses audience: together with partner:.
func bothAudiences(c *feature.Call, audience string) string {
	if audience == "partners" {
		return c.T("`doelgroep:partners` is voor alle partners, `partner:<organisatie>` voor één organisatie: kies er één.",
			"`audience:partners` is for every partner, `partner:<organisation>` for one organisation: choose one.")
	}
	return c.T("`doelgroep:medewerkers` haalt een bericht bij partners weg, `partner:<organisatie>` richt het aan één organisatie: kies er één.",
		"`audience:employees` takes an item from partners, `partner:<organisation>` addresses it to one organisation: choose one.")
}

func whichPartner(c *feature.Call) string {
	return c.T("Welke partnerorganisatie? Typ `partner:\"<organisatie>\"`, of `doelgroep:partners` voor alle partners.",
		"Which partner organisation? Type `partner:\"<organisation>\"`, or `audience:partners` for every partner.")
}

func editWithdrawn(c *feature.Call, id int64) string {
	return c.T("Bericht %d is ingetrokken; plaats een nieuw.", "Item %d was withdrawn; publish a new one.", id)
}

func appearedAlready(c *feature.Call, id int64) string {
	return c.T("Bericht %d is al verschenen; het publicatiemoment verandert niet meer.", "Item %d has appeared already; its publication time no longer changes.", id)
}

func fillIn(c *feature.Call) string { return c.T("Vul dit in.", "Fill this in.") }

func noTopicsYet(c *feature.Call) string {
	return c.T("Er zijn nog geen onderwerpen: geen bericht heeft er een.", "There are no topics yet: no item has one.")
}

func unknownTopic(c *feature.Call, name string, all []string) string {
	return c.T("Ik ken geen onderwerp %q.%s", "I know no topic %q.%s", name, c.DidYouMean(name, all))
}
