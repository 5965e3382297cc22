package router

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/phonebook"
	"github.com/werkplek/werkplek/intranet/when"
)

// News is what /news, /follow and /unfollow need beyond the phonebook.
// Without it (UseNews never called) they say news is not available.
type News struct {
	News          intranet.NewsService
	Subscriptions intranet.SubscriptionService
	// Location is WERKPLEK_TIMEZONE: digest times and publication dates are
	// typed and shown in it.
	Location *time.Location
	// Now is the clock (default time.Now).
	Now func() time.Time
	// Scheduler, Outbox and Tx deliver: the publication job of each item
	// (immediate subscriptions and follows), the digests and the reminders
	// (register the handlers with RegisterNewsJobs before the runner
	// starts). Without them items are published and shown, but nothing is
	// delivered.
	Scheduler intranet.Scheduler
	Outbox    intranet.Outbox
	Tx        intranet.Transactor
	// Posters, when set, limits DMs to platforms that are on.
	Posters intranet.PosterSet
	// ReminderAfter is how long after publication people who have not
	// acknowledged an important item get a DM (WERKPLEK_NEWS_REMINDER_HOURS;
	// 0: no reminders). They get at most NewsReminders.
	ReminderAfter time.Duration
}

// The job kinds of the news feature.
const (
	// NewsPublishJob runs at an item's publication (key "news:<id>"): it
	// delivers the item to immediate subscriptions and followers.
	NewsPublishJob = "news.publish"
	// NewsDigestJob delivers one subscription's digest of one period (key
	// "digest:<subscription>:<period>").
	NewsDigestJob = "news.digest"
	// NewsRemindJob DMs those who have not acknowledged an important item
	// (key "news:<id>:remind:<n>").
	NewsRemindJob = "news.remind"
)

// NewsReminders is the most reminders one person gets about one item.
const NewsReminders = 2

// DigestMax is the most items a digest lists; the rest are counted.
const DigestMax = 10

// DigestSettle is how long before its run a digest's list of items ends:
// an item posted at that very moment may not be committed yet when the
// digest reads, and the next digest starts where this one ended, so the
// item comes then rather than never.
const DigestSettle = 5 * time.Second

// postFormID is the id of the publishing form.
const postFormID = "news.post"

// UseNews turns /news, /follow and /unfollow on.
func (r *Router) UseNews(n *News) {
	if n.Location == nil {
		n.Location = time.UTC
	}
	if n.Now == nil {
		n.Now = time.Now
	}
	r.newsSettings = n
}

// NewsSettings returns the configuration UseNews was given, nil without.
func (r *Router) NewsSettings() *News { return r.newsSettings }

func (r *Router) newsCommands() []command {
	return []command{{
		Command: intranet.Command{Name: "news", Aliases: []string{"nieuws"},
			Hint: "[<id>] | post <title> | <text> | subscribe daily 08:30 | subscriptions | read|stats|edit|withdraw <id>", HintNL: "[<nr>] | plaats <titel> | <tekst> | abonneer dagelijks 08:30 | abonnementen | gelezen|stats|wijzig|intrekken <nr>",
			Summary: "Company news: read, publish, subscribe a channel to a digest", SummaryNL: "Nieuws: lezen, plaatsen, een kanaal abonneren op een overzicht"},
		run: r.news,
		help: func(c *call) intranet.Section {
			return intranet.Section{Title: c.tr("Nieuws", "News"), Text: c.tr(
				"- `/news`: het laatste nieuws voor jou; `/news <nr>`: één bericht helemaal; `/news read <nr>`: bevestig dat je een belangrijk bericht las\n"+
					"- `/news post <titel> | <tekst> [topic:<onderwerp>] [dept:<afdeling>] [important] [publish:<datum> <tijd>] [expires:<datum>]`: plaatsen (contentbeheerders); zonder meer opent een formulier\n"+
					"- `/news edit <nr> [<titel>] | [<tekst>] [opties]`, `/news withdraw <nr>`, `/news stats <nr>`: wie het las\n"+
					"- `/news subscribe daily 08:30` (ook `weekly mon 09:00`, `weekdays 08:00`, `immediate`) `[topic:] [dept:] [from:@iemand]`: in een kanaal voor het kanaal, in een privébericht voor jezelf\n"+
					"- `/news subscriptions`: de abonnementen hier en de jouwe; `/news unsubscribe <nr>`\n"+
					"- `/follow <collega|afdeling|onderwerp>`: nieuw nieuws ervan meteen in je privéberichten (`dept:` of `topic:` ervoor als een naam meer kan betekenen); `/unfollow ...`",
				"- `/news`: the latest news for you; `/news <id>`: one item in full; `/news read <id>`: confirm you read an important item\n"+
					"- `/news post <title> | <text> [topic:<topic>] [dept:<department>] [important] [publish:<date> <time>] [expires:<date>]`: publish (content managers); on its own it opens a form\n"+
					"- `/news edit <id> [<title>] | [<text>] [options]`, `/news withdraw <id>`, `/news stats <id>`: who read it\n"+
					"- `/news subscribe daily 08:30` (also `weekly mon 09:00`, `weekdays 08:00`, `immediate`) `[topic:] [dept:] [from:@someone]`: in a channel for the channel, in a direct message for yourself\n"+
					"- `/news subscriptions`: the subscriptions here and yours; `/news unsubscribe <id>`\n"+
					"- `/follow <colleague|department|topic>`: their new items straight to your direct messages (put `dept:` or `topic:` before a name that could mean more than one); `/unfollow ...`")}
		},
		dutch: []string{"`/nieuws` = `/news`", "`plaats` = `post`", "`wijzig` = `edit`", "`intrekken` = `withdraw`", "`gelezen` = `read`",
			"`abonneer` = `subscribe`", "`abonnementen` = `subscriptions`", "`opzeggen` = `unsubscribe`", "`dagelijks` = `daily`", "`wekelijks` = `weekly`",
			"`werkdagen` = `weekdays`", "`direct` = `immediate`", "`onderwerp:` = `topic:`", "`afdeling:` = `dept:`", "`van:` = `from:`", "`belangrijk` = `important`",
			"`publiceer:` = `publish:`", "`verloopt:` = `expires:`", "`/volg` = `/follow`", "`/ontvolg` = `/unfollow`"},
	}, {
		Command: intranet.Command{Name: "follow", Aliases: []string{"volg"}, Hint: "<colleague|department|topic>", HintNL: "<collega|afdeling|onderwerp>",
			Summary: "Get a colleague's, department's or topic's news by direct message", SummaryNL: "Krijg het nieuws van een collega, afdeling of onderwerp als privébericht"},
		run: func(ctx context.Context, c *call) (intranet.Reply, error) { return r.follow(ctx, c, true) },
		// help: /news's section tells.
	}, {
		Command: intranet.Command{Name: "unfollow", Aliases: []string{"ontvolg"}, Hint: "<colleague|department|topic>", HintNL: "<collega|afdeling|onderwerp>",
			Summary: "Stop following", SummaryNL: "Stop met volgen"},
		run: func(ctx context.Context, c *call) (intranet.Reply, error) { return r.follow(ctx, c, false) },
		// help: /news's section tells.
	}}
}

var newsWords = map[string]string{"plaats": "post", "publiceer": "post", "nieuw": "post", "wijzig": "edit", "intrekken": "withdraw", "trek": "withdraw",
	"gelezen": "read", "lees": "read", "abonneer": "subscribe", "abonnementen": "subscriptions", "opzeggen": "unsubscribe", "zeg": "unsubscribe",
	"statistiek": "stats", "toon": "show"}

func newsKeyword(w string) string {
	w = strings.ToLower(w)
	if en, ok := newsWords[w]; ok {
		return en
	}
	return w
}

func mayPublish(p *intranet.Person) bool {
	return p != nil && (p.Has(intranet.RoleContentManager) || p.Has(intranet.RoleAdmin))
}

// news answers /news (and /nieuws).
func (r *Router) news(ctx context.Context, c *call) (intranet.Reply, error) {
	cfg := r.NewsSettings()
	if cfg == nil {
		return c.reply(c.tr("Nieuws is in deze installatie niet beschikbaar.", "News is not available in this installation.")), nil
	}
	if f := c.req.Form; f != nil && f.FormID == postFormID {
		return r.newsPostForm(ctx, c, cfg, f.Values)
	}
	sub, rest, _ := strings.Cut(c.args, " ")
	rest = strings.TrimSpace(rest)
	if id, err := strconv.ParseInt(strings.TrimPrefix(sub, "#"), 10, 64); err == nil {
		if rest != "" {
			return c.reply(c.tr("Typ `/news %d` om bericht %d te lezen, zonder meer erachter.", "Type `/news %d` to read item %d, with nothing after it.", id, id)), nil
		}
		return r.newsShow(ctx, c, cfg, id)
	}
	kw := newsKeyword(sub)
	switch kw {
	case "":
		return r.newsLatest(ctx, c, cfg)
	case "post":
		if !mayPublish(c.person) {
			return c.reply(c.tr("Alleen contentbeheerders en beheerders plaatsen nieuws. Vraag je contentbeheerder.", "Only content managers and admins publish news. Ask your content manager.")), nil
		}
		if rest == "" {
			return r.newsForm(ctx, c, nil)
		}
		reply, _, err := r.newsPost(ctx, c, cfg, rest)
		return reply, err
	case "subscribe":
		return r.newsSubscribe(ctx, c, cfg, rest)
	case "subscriptions":
		return r.newsSubscriptions(ctx, c, cfg)
	case "unsubscribe", "show", "read", "stats", "edit", "withdraw":
		idText, more, _ := strings.Cut(rest, " ")
		id, err := strconv.ParseInt(strings.TrimPrefix(idText, "#"), 10, 64)
		if err != nil || id <= 0 {
			return c.reply(c.tr("Gebruik `/news %s <nummer>`, bijvoorbeeld `/news %s 12`.", "Use `/news %s <number>`, e.g. `/news %s 12`.", kw, kw)), nil
		}
		switch kw {
		case "unsubscribe":
			return r.newsUnsubscribe(ctx, c, cfg, id)
		case "show":
			return r.newsShow(ctx, c, cfg, id)
		case "read":
			return r.newsRead(ctx, c, cfg, id)
		case "stats":
			return r.newsStats(ctx, c, cfg, id)
		case "edit":
			return r.newsEdit(ctx, c, cfg, id, strings.TrimSpace(more))
		}
		return r.newsWithdraw(ctx, c, cfg, id)
	case "help":
		return intranet.Reply{Lang: c.lang, Sections: []intranet.Section{r.byName["news"].help(c)}}, nil
	}
	return c.reply(c.tr("Dat ken ik niet bij `/news`: `%s`. ", "`/news` does not know `%s`. ", sub) + newsUsage(c)), nil
}

func newsUsage(c *call) string {
	return c.tr("Typ `/news` voor het laatste nieuws, `/news <nr>` voor één bericht, `/news subscribe daily 08:30` voor een dagelijks overzicht of `/werkplek help` voor alles.",
		"Type `/news` for the latest news, `/news <id>` for one item, `/news subscribe daily 08:30` for a daily digest or `/werkplek help` for everything.")
}

func postUsage(c *call) string {
	return c.tr("Schrijf `/news post <titel> | <tekst> [topic:<onderwerp>] [dept:<afdeling>] [important] [publish:<datum> <tijd>] [expires:<datum>]`, bijvoorbeeld `/news post Kerstborrel | Vrijdag 18 december om 16:00 in de kantine. topic:Personeel`.",
		"Write `/news post <title> | <text> [topic:<topic>] [dept:<department>] [important] [publish:<date> <time>] [expires:<date>]`, e.g. `/news post Christmas drinks | Friday 18 December at 16:00 in the canteen. topic:Staff`.")
}

func (cfg *News) today() when.Date { return when.DateOf(cfg.Now(), cfg.Location) }

// audience is the department a person reads news for.
func audienceOf(p *intranet.Person) *string {
	d := p.Department
	return &d
}

// newsLatest answers /news: the newest items for my audience.
func (r *Router) newsLatest(ctx context.Context, c *call, cfg *News) (intranet.Reply, error) {
	items, err := cfg.News.News(ctx, intranet.NewsFilter{VisibleAt: cfg.Now(), Audience: audienceOf(c.person), Limit: DigestMax})
	if err != nil {
		return intranet.Reply{}, err
	}
	if len(items) == 0 {
		return c.reply(c.tr("Er is nog geen nieuws voor je.", "There is no news for you yet.")), nil
	}
	reply := intranet.Reply{Lang: c.lang, Title: c.tr("Laatste nieuws", "Latest news")}
	for _, n := range items {
		reply.Sections = append(reply.Sections, r.newsLine(cfg, c.lang, n))
	}
	reply.Context = []string{c.tr("Abonneer een kanaal met `/news subscribe daily 08:30`.", "Subscribe a channel with `/news subscribe daily 08:30`.")}
	return reply, nil
}

// newsLine is one item in a list: title, date, topic, a line of text and
// its /news <id>.
func (r *Router) newsLine(cfg *News, lang string, n *intranet.NewsItem) intranet.Section {
	meta := []string{when.DateOf(n.Publish, cfg.Location).Format(lang)}
	if n.Topic != "" {
		meta = append(meta, n.Topic)
	}
	if n.Department != "" {
		meta = append(meta, n.Department)
	}
	title := "*" + n.Title + "*"
	if n.Important {
		title = "❗ " + title
	}
	text := fmt.Sprintf("%s · %s\n%s", title, strings.Join(meta, " · "), excerpt(n.Body, 140))
	return intranet.Section{Text: text, Buttons: []intranet.Button{{Label: ltr(lang, "Lezen", "Read more"), Command: fmt.Sprintf("/news %d", n.ID)}}}
}

func excerpt(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:max])) + "…"
}

// newsCard is one item in full.
func (r *Router) newsCard(cfg *News, lang string, n *intranet.NewsItem) intranet.Reply {
	reply := intranet.Reply{Lang: lang, Title: n.Title, Text: n.Body}
	fields := []intranet.Field{{Label: ltr(lang, "Door", "By"), Value: n.Author},
		{Label: ltr(lang, "Geplaatst", "Published"), Value: when.DateOf(n.Publish, cfg.Location).Format(lang) + " " + clockText(n.Publish, cfg.Location)}}
	if n.Topic != "" {
		fields = append(fields, intranet.Field{Label: ltr(lang, "Onderwerp", "Topic"), Value: n.Topic})
	}
	if n.Department != "" {
		fields = append(fields, intranet.Field{Label: ltr(lang, "Voor", "For"), Value: n.Department})
	}
	if !n.Expires.IsZero() {
		// Expires is the midnight after the last day shown.
		fields = append(fields, intranet.Field{Label: ltr(lang, "Tot en met", "Until"), Value: when.DateOf(n.Expires.Add(-time.Second), cfg.Location).Format(lang)})
	}
	reply.Sections = []intranet.Section{{Fields: fields}}
	if n.Important {
		reply.Buttons = []intranet.Button{{Label: ltr(lang, "Gelezen", "Read"), Style: intranet.StylePrimary, Command: fmt.Sprintf("/news read %d", n.ID)}}
		reply.Context = append(reply.Context, ltr(lang, "Belangrijk: bevestig met Gelezen dat je het las.", "Important: confirm with Read that you read it."))
	}
	reply.Context = append(reply.Context, ltr(lang, "Nieuws %d", "News %d", n.ID))
	return reply
}

// newsShow answers /news <id>. Readers see a visible item for their
// audience; publishers see every item with its state.
func (r *Router) newsShow(ctx context.Context, c *call, cfg *News, id int64) (intranet.Reply, error) {
	n, err := cfg.News.FindNewsByID(ctx, id)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return c.reply(c.tr("Er is geen nieuwsbericht %d.", "There is no news item %d.", id)), nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	now := cfg.Now()
	if !mayPublish(c.person) && (!n.Visible(now) || !n.For(c.person.Department)) {
		return c.reply(c.tr("Er is geen nieuwsbericht %d voor jou (meer).", "There is no news item %d for you (any more).", id)), nil
	}
	card := r.newsCard(cfg, c.lang, n)
	switch {
	case !n.Withdrawn.IsZero():
		card.Context = append(card.Context, c.tr("Ingetrokken op %s.", "Withdrawn on %s.", when.DateOf(n.Withdrawn, cfg.Location).Format(c.lang)))
		card.Buttons = nil
	case now.Before(n.Publish):
		card.Context = append(card.Context, c.tr("Nog niet gepubliceerd: verschijnt %s %s.", "Not published yet: appears %s %s.", when.DateOf(n.Publish, cfg.Location).Format(c.lang), clockText(n.Publish, cfg.Location)))
	case !n.Expires.IsZero() && !now.Before(n.Expires):
		card.Context = append(card.Context, c.tr("Verlopen.", "Expired."))
	}
	return card, nil
}

// newsOpts are the options of /news post and /news edit.
type newsOpts struct {
	topic, dept, publish, expires *string
	important                     *bool
}

var newsOptRE = regexp.MustCompile(`(?i)(?:^|\s)(topic|onderwerp|dept|afdeling|publish|publiceer|expires|verloopt|important|belangrijk):`)
var flagRE = regexp.MustCompile(`(?i)(?:^|\s)(important|belangrijk)\s*$`)

// parseNewsText splits "<title> | <body> [options]" into its parts. The
// options start at the first key: and run to the next; "important" as the
// last word of the text or of an option sets the flag.
func parseNewsText(text string) (title, body string, hasBody bool, o newsOpts) {
	main, opts := text, ""
	if loc := newsOptRE.FindStringIndex(text); loc != nil {
		main, opts = text[:loc[0]], text[loc[0]:]
	}
	flag := func(s string) string {
		if m := flagRE.FindStringIndex(s); m != nil {
			t := true
			o.important = &t
			return s[:m[0]]
		}
		return s
	}
	main = flag(main)
	title, body, hasBody = strings.Cut(main, "|")
	title, body = strings.TrimSpace(title), strings.TrimSpace(body)
	locs := newsOptRE.FindAllStringSubmatchIndex(opts, -1)
	for i, l := range locs {
		end := len(opts)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		key := strings.ToLower(opts[l[2]:l[3]])
		v := strings.TrimSpace(opts[l[1]:end])
		if key != "important" && key != "belangrijk" {
			v = strings.TrimSpace(flag(v))
		}
		v = strings.Trim(v, `"'`)
		switch key {
		case "topic", "onderwerp":
			o.topic = &v
		case "dept", "afdeling":
			o.dept = &v
		case "publish", "publiceer":
			o.publish = &v
		case "expires", "verloopt":
			o.expires = &v
		default:
			b := !isNo(v)
			o.important = &b
		}
	}
	return title, body, hasBody, o
}

func isNo(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "no", "nee", "false", "off", "uit", "0":
		return true
	}
	return false
}

// parseWhen reads "<date> [<time>]" or "<time>" in the organisation's zone.
func parseWhen(c *call, cfg *News, v string, endOfDay bool) (time.Time, string) {
	words := when.Words(v)
	if len(words) == 0 {
		return time.Time{}, c.tr("Geef een datum en tijd, bijvoorbeeld `morgen 09:00` of `28-11 14:00`.", "Give a date and time, e.g. `tomorrow 09:00` or `28-11 14:00`.")
	}
	date, n := cfg.today(), 0
	if d, used, err := when.ParseDate(words, cfg.today()); err == nil {
		date, n = d, used
	} else if _, cerr := when.ParseClock(words[0]); cerr != nil {
		return time.Time{}, dateErr(c, err)
	}
	if n == len(words) {
		if endOfDay {
			return date.AddDays(1).At(0, cfg.Location), ""
		}
		return date.At(0, cfg.Location), ""
	}
	if n+1 != len(words) {
		return time.Time{}, c.tr("`%s` begrijp ik niet als datum en tijd; schrijf bijvoorbeeld `morgen 09:00`.", "I don't read `%s` as a date and time; write e.g. `tomorrow 09:00`.", v)
	}
	clock, err := when.ParseClock(words[n])
	if err != nil {
		return time.Time{}, dateErr(c, err)
	}
	return date.At(clock, cfg.Location), ""
}

// resolveDept finds one department by name, or says what is wrong.
func (r *Router) resolveDept(ctx context.Context, c *call, name string) (string, string, error) {
	all, err := r.People.Departments(ctx)
	if err != nil {
		return "", "", err
	}
	match := matchNames(name, all)
	for _, m := range match {
		if phonebook.Key(m) == phonebook.Key(name) {
			return m, "", nil
		}
	}
	if len(match) == 1 && wordsStartWith(match[0], name) {
		return match[0], "", nil
	}
	if len(match) > 1 && wordsStartWith(match[0], name) {
		return "", c.tr("%q past bij meer afdelingen: %s. Typ de hele naam.", "%q matches several departments: %s. Type the whole name.", name, strings.Join(match, ", ")), nil
	}
	return "", c.tr("Ik ken geen afdeling %q.%s", "I know no department %q.%s", name, didYouMean(c, name, all)), nil
}

// resolveTopic finds a known topic. For a new item an unknown topic is
// made (known keeps the authors' spelling); for a filter it must exist.
func resolveTopic(ctx context.Context, c *call, cfg *News, name string, mustExist bool) (string, string, error) {
	all, err := cfg.News.NewsTopics(ctx)
	if err != nil {
		return "", "", err
	}
	for _, t := range all {
		if phonebook.Key(t) == phonebook.Key(name) {
			return t, "", nil
		}
	}
	if !mustExist {
		return name, "", nil
	}
	if len(all) == 0 {
		return "", c.tr("Er zijn nog geen onderwerpen: geen bericht heeft er een.", "There are no topics yet: no item has one."), nil
	}
	return "", c.tr("Ik ken geen onderwerp %q.%s", "I know no topic %q.%s", name, didYouMean(c, name, all)), nil
}

// newsPost publishes from the typed command; field names the form field a
// mistake belongs to.
func (r *Router) newsPost(ctx context.Context, c *call, cfg *News, text string) (intranet.Reply, string, error) {
	title, body, _, o := parseNewsText(text)
	return r.newsCreate(ctx, c, cfg, title, body, o)
}

// newsCreate checks and publishes an item, from the typed command or the form.
func (r *Router) newsCreate(ctx context.Context, c *call, cfg *News, title, body string, o newsOpts) (intranet.Reply, string, error) {
	n := intranet.NewNewsItem{Title: title, Body: body, AuthorID: c.person.ID, Lang: c.lang}
	if o.important != nil {
		n.Important = *o.important
	}
	if reply, field, err := r.applyNewsOpts(ctx, c, cfg, o, &n.Topic, &n.Department, &n.Publish, &n.Expires); reply != "" || err != nil {
		return c.reply(reply), field, err
	}
	switch {
	case title == "":
		return c.reply(c.tr("Een bericht heeft een titel nodig. ", "An item needs a title. ") + postUsage(c)), "title", nil
	case body == "":
		return c.reply(c.tr("Een bericht heeft een tekst nodig, na de titel en een `|`. ", "An item needs a text, after the title and a `|`. ") + postUsage(c)), "body", nil
	case utf8.RuneCountInString(title) > intranet.MaxNewsTitle:
		return c.reply(c.tr("De titel is te lang: hoogstens %d tekens.", "The title is too long: at most %d characters.", intranet.MaxNewsTitle)), "title", nil
	case utf8.RuneCountInString(body) > intranet.MaxNewsBody:
		return c.reply(c.tr("De tekst is te lang: %d tekens, hoogstens %d.", "The text is too long: %d characters, at most %d.", utf8.RuneCountInString(body), intranet.MaxNewsBody)), "body", nil
	}
	now := cfg.Now()
	if !n.Publish.IsZero() && n.Publish.Before(now.Add(-time.Minute)) {
		return c.reply(c.tr("Het publicatiemoment ligt in het verleden. Laat `publish:` weg om nu te plaatsen.", "The publication time is in the past. Leave out `publish:` to publish now.")), "publish_date", nil
	}
	if !n.Expires.IsZero() && !n.Expires.After(maxTime(now, n.Publish)) {
		return c.reply(c.tr("Het bericht zou verlopen voordat het verschijnt; kies een latere `expires:`.", "The item would expire before it appears; choose a later `expires:`.")), "expires", nil
	}
	var item *intranet.NewsItem
	err := inTx(ctx, cfg.Tx, func(ctx context.Context) error {
		var err error
		if item, err = cfg.News.CreateNews(ctx, n, now); err != nil {
			return err
		}
		return r.scheduleNews(ctx, cfg, item, true)
	})
	if intranet.ErrorCode(err) == intranet.EINVALID {
		return c.reply(intranet.ErrorMessage(err) + " " + postUsage(c)), "", nil
	} else if err != nil {
		return intranet.Reply{}, "", err
	}
	reply := r.newsCard(cfg, c.lang, item)
	if item.Publish.After(now) {
		reply.Text = c.tr("Gepland: bericht %d verschijnt %s %s.", "Scheduled: item %d appears %s %s.", item.ID, when.DateOf(item.Publish, cfg.Location).Format(c.lang), clockText(item.Publish, cfg.Location)) + "\n\n" + reply.Text
	} else {
		reply.Text = c.tr("Geplaatst als bericht %d.", "Published as item %d.", item.ID) + "\n\n" + reply.Text
	}
	reply.Buttons = []intranet.Button{{Label: c.tr("Intrekken", "Withdraw"), Style: intranet.StyleDanger, Command: fmt.Sprintf("/news withdraw %d", item.ID)}}
	if item.Important {
		reply.Buttons = append(reply.Buttons, intranet.Button{Label: c.tr("Wie las het", "Who read it"), Command: fmt.Sprintf("/news stats %d", item.ID)})
	}
	return reply, "", nil
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// applyNewsOpts checks topic, dept, publish and expires and stores them.
func (r *Router) applyNewsOpts(ctx context.Context, c *call, cfg *News, o newsOpts, topic, dept *string, publish, expires *time.Time) (string, string, error) {
	if o.topic != nil {
		if *o.topic == "" {
			*topic = ""
		} else {
			t, bad, err := resolveTopic(ctx, c, cfg, *o.topic, false)
			if bad != "" || err != nil {
				return bad, "topic", err
			}
			*topic = t
		}
	}
	if o.dept != nil {
		if *o.dept == "" || strings.EqualFold(*o.dept, "iedereen") || strings.EqualFold(*o.dept, "everyone") {
			*dept = ""
		} else {
			d, bad, err := r.resolveDept(ctx, c, *o.dept)
			if bad != "" || err != nil {
				return bad, "dept", err
			}
			*dept = d
		}
	}
	if o.publish != nil {
		t, bad := parseWhen(c, cfg, *o.publish, false)
		if bad != "" {
			return bad, "publish_date", nil
		}
		*publish = t
	}
	if o.expires != nil {
		t, bad := parseWhen(c, cfg, *o.expires, true)
		if bad != "" {
			return bad, "expires", nil
		}
		*expires = t
	}
	return "", "", nil
}

// newsForm asks for an item with a form; adapters without forms show the
// typed command.
func (r *Router) newsForm(ctx context.Context, c *call, values map[string]string) (intranet.Reply, error) {
	depts, err := r.People.Departments(ctx)
	if err != nil {
		return intranet.Reply{}, err
	}
	opts := []intranet.Option{{Label: c.tr("Iedereen", "Everyone"), Value: ""}}
	for _, d := range depts {
		opts = append(opts, intranet.Option{Label: d, Value: d})
	}
	f := &intranet.Form{ID: postFormID, Title: c.tr("Nieuws plaatsen", "Publish news"), SubmitLabel: c.tr("Plaatsen", "Publish"),
		Command: c.tr("/news post <titel> | <tekst> [topic:<onderwerp>] [dept:<afdeling>] [important] [publish:<datum> <tijd>] [expires:<datum>]",
			"/news post <title> | <text> [topic:<topic>] [dept:<department>] [important] [publish:<date> <time>] [expires:<date>]"),
		Fields: []intranet.FormField{
			{Name: "title", Label: c.tr("Titel", "Title"), Kind: intranet.FieldText, Required: true, MaxLength: intranet.MaxNewsTitle},
			{Name: "body", Label: c.tr("Tekst", "Text"), Kind: intranet.FieldLongText, Required: true, MaxLength: intranet.MaxNewsBody},
			{Name: "topic", Label: c.tr("Onderwerp", "Topic"), Kind: intranet.FieldText, Placeholder: c.tr("Personeel", "Staff")},
			{Name: "dept", Label: c.tr("Voor", "For"), Kind: intranet.FieldChoice, Options: opts},
			{Name: "important", Label: c.tr("Belangrijk (lezers bevestigen)", "Important (readers confirm)"), Kind: intranet.FieldYesNo, Value: "no"},
			{Name: "publish_date", Label: c.tr("Publiceren op (leeg: nu)", "Publish on (empty: now)"), Kind: intranet.FieldDate},
			{Name: "publish_time", Label: c.tr("Om", "At"), Kind: intranet.FieldTime, Placeholder: "09:00"},
			{Name: "expires", Label: c.tr("Verloopt na", "Expires after"), Kind: intranet.FieldDate},
		}}
	for i := range f.Fields {
		if v, ok := values[f.Fields[i].Name]; ok {
			f.Fields[i].Value = v
		}
	}
	return intranet.Reply{Lang: c.lang, Text: postUsage(c), Form: f}, nil
}

// newsPostForm publishes from a submitted form, or shows it again with the
// mistake next to its field.
func (r *Router) newsPostForm(ctx context.Context, c *call, cfg *News, v map[string]string) (intranet.Reply, error) {
	if !mayPublish(c.person) {
		return c.reply(c.tr("Alleen contentbeheerders en beheerders plaatsen nieuws.", "Only content managers and admins publish news.")), nil
	}
	get := func(k string) string { return strings.TrimSpace(v[k]) }
	again := func(field, msg string) (intranet.Reply, error) {
		reply, err := r.newsForm(ctx, c, v)
		reply.Text, reply.FieldErrors = msg, map[string]string{field: msg}
		return reply, err
	}
	for _, k := range []string{"title", "body"} {
		if get(k) == "" {
			return again(k, c.tr("Vul dit in.", "Fill this in."))
		}
	}
	var o newsOpts
	for k, dst := range map[string]**string{"topic": &o.topic, "dept": &o.dept, "expires": &o.expires} {
		if x := get(k); x != "" {
			*dst = &x
		}
	}
	if x := strings.TrimSpace(get("publish_date") + " " + get("publish_time")); x != "" {
		o.publish = &x
	}
	important := !isNo(get("important")) && get("important") != ""
	o.important = &important
	reply, field, err := r.newsCreate(ctx, c, cfg, get("title"), get("body"), o)
	if err != nil || field == "" {
		return reply, err
	}
	return again(field, reply.Text)
}

// newsEdit corrects an item: "<title> | <body>" parts left empty stay.
func (r *Router) newsEdit(ctx context.Context, c *call, cfg *News, id int64, text string) (intranet.Reply, error) {
	if !mayPublish(c.person) {
		return c.reply(c.tr("Alleen contentbeheerders en beheerders wijzigen nieuws.", "Only content managers and admins edit news.")), nil
	}
	usage := c.tr("Schrijf `/news edit <nr> <nieuwe titel> | <nieuwe tekst>` (een leeg deel blijft zoals het was) en/of opties als `topic:`, `dept:`, `important:no`, `expires:<datum>`.",
		"Write `/news edit <id> <new title> | <new text>` (an empty part stays as it was) and/or options such as `topic:`, `dept:`, `important:no`, `expires:<date>`.")
	if text == "" {
		return c.reply(usage), nil
	}
	old, err := cfg.News.FindNewsByID(ctx, id)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return c.reply(c.tr("Er is geen nieuwsbericht %d.", "There is no news item %d.", id)), nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	if !old.Withdrawn.IsZero() {
		return c.reply(c.tr("Bericht %d is ingetrokken; plaats een nieuw.", "Item %d was withdrawn; publish a new one.", id)), nil
	}
	title, body, _, o := parseNewsText(text)
	var u intranet.NewsUpdate
	if title != "" {
		u.Title = &title
	}
	if body != "" {
		u.Body = &body
	}
	u.Important = o.important
	topic, dept, publish, expires := old.Topic, old.Department, old.Publish, old.Expires
	if reply, _, err := r.applyNewsOpts(ctx, c, cfg, o, &topic, &dept, &publish, &expires); reply != "" || err != nil {
		return c.reply(reply), err
	}
	now := cfg.Now()
	if o.publish != nil {
		if !old.Publish.After(now) {
			return c.reply(c.tr("Bericht %d is al verschenen; het publicatiemoment verandert niet meer.", "Item %d has appeared already; its publication time no longer changes.", id)), nil
		}
		if publish.Before(now) {
			publish = now
		}
		u.Publish = &publish
	}
	u.Topic, u.Department, u.Expires = &topic, &dept, &expires
	if !expires.IsZero() && !expires.After(maxTime(now, publish)) {
		return c.reply(c.tr("Het bericht zou verlopen voordat het verschijnt; kies een latere `expires:`.", "The item would expire before it appears; choose a later `expires:`.")), nil
	}
	if u.Title == nil && u.Body == nil && u.Important == nil && o.topic == nil && o.dept == nil && o.publish == nil && o.expires == nil {
		return c.reply(usage), nil
	}
	var item *intranet.NewsItem
	err = inTx(ctx, cfg.Tx, func(ctx context.Context) error {
		var err error
		if item, err = cfg.News.UpdateNews(ctx, id, u, now); err != nil {
			return err
		}
		if u.Publish != nil || u.Important != nil {
			return r.scheduleNews(ctx, cfg, item, u.Publish != nil)
		}
		return nil
	})
	switch intranet.ErrorCode(err) {
	case "":
	case intranet.ECONFLICT: // withdrawn meanwhile
		return c.reply(c.tr("Bericht %d is ingetrokken; plaats een nieuw.", "Item %d was withdrawn; publish a new one.", id)), nil
	case intranet.EINVALID:
		return c.reply(intranet.ErrorMessage(err)), nil
	default:
		return intranet.Reply{}, err
	}
	reply := r.newsCard(cfg, c.lang, item)
	reply.Text = c.tr("Bericht %d is gewijzigd.", "Item %d is corrected.", id) + "\n\n" + reply.Text
	return reply, nil
}

// newsWithdraw withdraws an item: readers no longer see it and nothing
// more is delivered.
func (r *Router) newsWithdraw(ctx context.Context, c *call, cfg *News, id int64) (intranet.Reply, error) {
	if !mayPublish(c.person) {
		return c.reply(c.tr("Alleen contentbeheerders en beheerders trekken nieuws in.", "Only content managers and admins withdraw news.")), nil
	}
	err := inTx(ctx, cfg.Tx, func(ctx context.Context) error {
		if _, err := cfg.News.WithdrawNews(ctx, id, cfg.Now()); err != nil {
			return err
		}
		if cfg.Scheduler == nil {
			return nil
		}
		if err := cfg.Scheduler.Cancel(ctx, NewsPublishJob, newsKey(id)); err != nil {
			return err
		}
		for i := 1; i <= NewsReminders; i++ {
			if err := cfg.Scheduler.Cancel(ctx, NewsRemindJob, remindKey(id, i)); err != nil {
				return err
			}
		}
		return nil
	})
	switch intranet.ErrorCode(err) {
	case "":
		return c.reply(c.tr("Bericht %d is ingetrokken; niemand ziet het meer.", "Item %d is withdrawn; nobody sees it any more.", id)), nil
	case intranet.ENOTFOUND:
		return c.reply(c.tr("Er is geen nieuwsbericht %d.", "There is no news item %d.", id)), nil
	case intranet.ECONFLICT:
		return c.reply(c.tr("Bericht %d was al ingetrokken.", "Item %d was withdrawn already.", id)), nil
	}
	return intranet.Reply{}, err
}

// newsRead records that I read an important item.
func (r *Router) newsRead(ctx context.Context, c *call, cfg *News, id int64) (intranet.Reply, error) {
	n, err := cfg.News.FindNewsByID(ctx, id)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return c.reply(c.tr("Er is geen nieuwsbericht %d.", "There is no news item %d.", id)), nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	if !n.Visible(cfg.Now()) || !n.For(c.person.Department) {
		return c.reply(c.tr("Er is geen nieuwsbericht %d voor jou (meer).", "There is no news item %d for you (any more).", id)), nil
	}
	if !n.Important {
		return c.reply(c.tr("Bericht %d vraagt geen bevestiging; fijn dat je het las.", "Item %d asks for no confirmation; thanks for reading it.", id)), nil
	}
	first, at, err := cfg.News.AckNews(ctx, id, c.person.ID, cfg.Now())
	if err != nil {
		return intranet.Reply{}, err
	}
	if !first {
		return c.reply(c.tr("Je had al bevestigd dat je %q las (%s %s); dat blijft zo.", "You had already confirmed reading %q (%s %s); that stays as it is.",
			n.Title, when.DateOf(at, cfg.Location).Format(c.lang), clockText(at, cfg.Location))), nil
	}
	return c.reply(c.tr("Dank je: genoteerd dat je %q las.", "Thank you: noted that you read %q.", n.Title)), nil
}

// newsStats shows the author and admins who read an important item.
func (r *Router) newsStats(ctx context.Context, c *call, cfg *News, id int64) (intranet.Reply, error) {
	n, err := cfg.News.FindNewsByID(ctx, id)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return c.reply(c.tr("Er is geen nieuwsbericht %d.", "There is no news item %d.", id)), nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	if n.AuthorID != c.person.ID && !c.person.Has(intranet.RoleAdmin) {
		return c.reply(c.tr("Alleen %s, die het plaatste, en beheerders zien wie bericht %d las.", "Only %s, who published it, and admins see who read item %d.", n.Author, id)), nil
	}
	readers, err := cfg.News.NewsAudience(ctx, id)
	if err != nil {
		return intranet.Reply{}, err
	}
	var unread, unreachable []string
	read := 0
	for _, p := range readers {
		if !p.Acked.IsZero() {
			read++
			continue
		}
		unread = append(unread, p.Name)
		if len(p.Accounts) == 0 {
			unreachable = append(unreachable, p.Name)
		}
	}
	reply := intranet.Reply{Lang: c.lang, Title: c.tr("Gelezen: %s", "Read: %s", n.Title)}
	if !n.Important {
		reply.Text = c.tr("Bericht %d is niet belangrijk, dus lezers bevestigen het niet. ", "Item %d is not important, so readers do not confirm it. ", id)
	}
	reply.Text += c.tr("%d van %d in de doelgroep hebben het gelezen.", "%d of %d in the audience have read it.", read, len(readers))
	if len(unread) > 0 {
		shown := unread
		if len(shown) > 40 {
			shown = shown[:40]
		}
		s := intranet.Section{Title: c.tr("Nog niet gelezen (%d)", "Not read yet (%d)", len(unread)), Text: strings.Join(shown, ", ")}
		if len(unread) > len(shown) {
			s.Text += " " + c.tr("en %d meer", "and %d more", len(unread)-len(shown))
		}
		reply.Sections = append(reply.Sections, s)
	}
	switch {
	case len(unreachable) == 0 || !n.Important:
	case len(unreachable) <= 20:
		reply.Context = append(reply.Context, c.tr("Zonder chataccount, dus geen herinnering mogelijk: %s.", "No chat account, so they cannot be reminded: %s.", strings.Join(unreachable, ", ")))
	default:
		reply.Context = append(reply.Context, c.tr("%d van hen hebben geen chataccount en krijgen dus geen herinnering (zie de CSV).", "%d of them have no chat account, so they cannot be reminded (see the CSV).", len(unreachable)))
	}
	reply.Context = append(reply.Context, c.tr("De hele lijst als CSV: `werkplek news acks %d`.", "The whole list as CSV: `werkplek news acks %d`.", id))
	return reply, nil
}

// parseSchedule reads the schedule words at the start of words and
// returns how many it used.
func parseSchedule(c *call, cfg *News, words []string) (intranet.Schedule, int, string) {
	usage := c.tr("Schrijf `daily 08:30`, `weekdays 08:00`, `weekly mon 09:00` of `immediate` (ook `dagelijks`, `werkdagen`, `wekelijks ma`, `direct`).",
		"Write `daily 08:30`, `weekdays 08:00`, `weekly mon 09:00` or `immediate` (also `dagelijks`, `werkdagen`, `wekelijks ma`, `direct`).")
	if len(words) == 0 {
		return intranet.Schedule{}, 0, c.tr("Wanneer? ", "When? ") + usage
	}
	var s intranet.Schedule
	i := 1
	switch strings.ToLower(words[0]) {
	case "immediate", "immediately", "direct", "meteen":
		return intranet.Schedule{Kind: intranet.ScheduleImmediate}, 1, ""
	case "daily", "dagelijks", "day", "elke dag":
		s.Kind = intranet.ScheduleDaily
	case "weekdays", "werkdagen", "workdays":
		s.Kind = intranet.ScheduleWeekdays
	case "weekly", "wekelijks", "week":
		s.Kind = intranet.ScheduleWeekly
		if len(words) < 2 {
			return s, 0, c.tr("Welke dag? ", "Which day? ") + usage
		}
		d, n, err := when.ParseDate(words[1:2], cfg.today())
		if err != nil || n != 1 || strings.ContainsAny(words[1], "0123456789") {
			return s, 0, c.tr("`%s` is geen dag van de week. ", "`%s` is not a day of the week. ", words[1]) + usage
		}
		s.Weekday, i = d.Weekday(), 2
	default:
		return s, 0, c.tr("`%s` is geen schema. ", "`%s` is not a schedule. ", words[0]) + usage
	}
	if len(words) <= i {
		return s, 0, c.tr("Hoe laat? ", "At what time? ") + usage
	}
	clock, err := when.ParseClock(words[i])
	if err != nil || clock >= 24*60 {
		return s, 0, c.tr("`%s` is geen tijd van de dag (00:00 tot 23:59). ", "`%s` is not a time of day (00:00 to 23:59). ", words[i]) + usage
	}
	s.Minute = int(clock)
	return s, i + 1, ""
}

var (
	filterRE    = regexp.MustCompile(`(?i)^(topic|onderwerp|dept|afdeling|from|van):(.*)$`)
	subFilterRE = regexp.MustCompile(`(?i)(?:^|\s)(topic|onderwerp|dept|afdeling|from|van):("[^"]*"|'[^']*'|\S+)`)
)

// newsSubscribe answers /news subscribe: for the channel, or in a DM for me.
func (r *Router) newsSubscribe(ctx context.Context, c *call, cfg *News, text string) (intranet.Reply, error) {
	var filters [][]string
	rest := subFilterRE.ReplaceAllStringFunc(text, func(m string) string {
		filters = append(filters, subFilterRE.FindStringSubmatch(m))
		return " "
	})
	words := when.Words(rest)
	sch, n, bad := parseSchedule(c, cfg, words)
	if bad != "" {
		return c.reply(bad), nil
	}
	if n < len(words) {
		return c.reply(c.tr("`%s` begrijp ik niet. Filters zijn `topic:<onderwerp>`, `dept:<afdeling>` en `from:<collega>`; namen met spaties tussen aanhalingstekens.",
			"I don't understand `%s`. Filters are `topic:<topic>`, `dept:<department>` and `from:<colleague>`; names with spaces in quotes.", strings.Join(words[n:], " "))), nil
	}
	sub := intranet.Subscription{PersonID: c.person.ID, Schedule: sch, Lang: c.lang}
	for _, m := range filters {
		v := strings.Trim(strings.TrimSpace(m[2]), `"'`)
		switch strings.ToLower(m[1]) {
		case "topic", "onderwerp":
			t, bad, err := resolveTopic(ctx, c, cfg, v, true)
			if bad != "" || err != nil {
				return c.reply(bad), err
			}
			sub.Topic = t
		case "dept", "afdeling":
			d, bad, err := r.resolveDept(ctx, c, v)
			if bad != "" || err != nil {
				return c.reply(bad), err
			}
			sub.Department = d
		default:
			p, reply := r.findPerson(ctx, c, strings.TrimPrefix(v, "@"))
			if p == nil {
				return reply, nil
			}
			sub.AuthorID, sub.Author = p.ID, p.Name
		}
	}
	if c.req.Channel.Direct || c.req.Channel.ID == "" {
		sub.Personal = true
		sub.To = intranet.Destination{Platform: c.req.Platform, Installation: c.req.Installation, UserID: c.req.User.ID}
	} else {
		sub.To = intranet.Destination{Platform: c.req.Platform, Installation: c.req.Installation, ChannelID: c.req.Channel.ID}
	}
	now := cfg.Now()
	sub.Next = sch.Next(now, cfg.Location)
	var made *intranet.Subscription
	err := inTx(ctx, cfg.Tx, func(ctx context.Context) error {
		var err error
		if made, err = cfg.Subscriptions.CreateSubscription(ctx, sub, now); err != nil {
			return err
		}
		return r.scheduleDigest(ctx, cfg, made)
	})
	if intranet.ErrorCode(err) == intranet.ECONFLICT {
		return c.reply(c.tr("Dat abonnement bestaat hier al. Zie `/news subscriptions`.", "That subscription exists here already. See `/news subscriptions`.")), nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	where := c.tr("dit kanaal", "this channel")
	if made.Personal {
		where = c.tr("jou (privéberichten)", "you (direct messages)")
	}
	text = c.tr("Abonnement %d: %s krijgt %s.", "Subscription %d: %s gets %s.", made.ID, where, r.subscriptionText(cfg, c.lang, made))
	if !made.Next.IsZero() {
		text += " " + c.tr("Het eerste overzicht komt %s %s, met het nieuws vanaf nu (een leeg overzicht stuur ik niet).", "The first digest comes %s %s, with the news from now on (an empty digest is not sent).",
			when.DateOf(made.Next, cfg.Location).Format(c.lang), clockText(made.Next, cfg.Location))
	}
	reply := c.reply(text)
	reply.Buttons = []intranet.Button{{Label: c.tr("Opzeggen", "Unsubscribe"), Style: intranet.StyleDanger, Command: fmt.Sprintf("/news unsubscribe %d", made.ID)}}
	return reply, nil
}

// subscriptionText says what a subscription delivers, in lang.
func (r *Router) subscriptionText(cfg *News, lang string, s *intranet.Subscription) string {
	clock := fmt.Sprintf("%02d:%02d", s.Schedule.Minute/60, s.Schedule.Minute%60)
	var what string
	switch s.Schedule.Kind {
	case intranet.ScheduleImmediate:
		what = ltr(lang, "elk bericht zodra het verschijnt", "each item as it appears")
	case intranet.ScheduleDaily:
		what = ltr(lang, "elke dag om %s een overzicht", "a digest every day at %s", clock)
	case intranet.ScheduleWeekdays:
		what = ltr(lang, "elke werkdag om %s een overzicht", "a digest every weekday at %s", clock)
	case intranet.ScheduleWeekly:
		day := when.Date{Year: 2026, Month: 11, Day: 22 + int(s.Schedule.Weekday)}.Format(lang) // 22 Nov 2026 is a Sunday
		what = ltr(lang, "elke %s om %s een overzicht", "a digest every %s at %s", strings.Fields(day)[0], clock)
	}
	var filters []string
	if s.Topic != "" {
		filters = append(filters, ltr(lang, "onderwerp %s", "topic %s", s.Topic))
	}
	if s.Department != "" {
		filters = append(filters, ltr(lang, "voor %s", "for %s", s.Department))
	}
	if s.AuthorID != 0 {
		filters = append(filters, ltr(lang, "van %s", "from %s", s.Author))
	}
	if len(filters) > 0 {
		what += " (" + strings.Join(filters, ", ") + ")"
	}
	return what
}

// newsSubscriptions lists the channel's subscriptions and mine, and my follows.
func (r *Router) newsSubscriptions(ctx context.Context, c *call, cfg *News) (intranet.Reply, error) {
	var list []*intranet.Subscription
	if !c.req.Channel.Direct && c.req.Channel.ID != "" {
		here, err := cfg.Subscriptions.Subscriptions(ctx, intranet.SubscriptionFilter{Platform: c.req.Platform, ChannelID: c.req.Channel.ID})
		if err != nil {
			return intranet.Reply{}, err
		}
		list = here
	}
	mine, err := cfg.Subscriptions.Subscriptions(ctx, intranet.SubscriptionFilter{PersonID: c.person.ID})
	if err != nil {
		return intranet.Reply{}, err
	}
	list = append(list, mine...)
	me := c.person.ID
	follows, err := cfg.Subscriptions.Follows(ctx, &me)
	if err != nil {
		return intranet.Reply{}, err
	}
	if len(list) == 0 && len(follows) == 0 {
		return c.reply(c.tr("Geen abonnementen hier of van jou. Begin met `/news subscribe daily 08:30` of `/follow <collega|afdeling|onderwerp>`.",
			"No subscriptions here or of yours. Start with `/news subscribe daily 08:30` or `/follow <colleague|department|topic>`.")), nil
	}
	reply := intranet.Reply{Lang: c.lang, Title: c.tr("Abonnementen", "Subscriptions")}
	for _, s := range list {
		where := c.tr("Dit kanaal", "This channel")
		if s.Personal {
			where = c.tr("Jij", "You")
		}
		reply.Sections = append(reply.Sections, intranet.Section{Text: fmt.Sprintf("*%d* · %s: %s", s.ID, where, r.subscriptionText(cfg, c.lang, s)),
			Buttons: []intranet.Button{{Label: c.tr("Opzeggen", "Unsubscribe"), Style: intranet.StyleDanger, Command: fmt.Sprintf("/news unsubscribe %d", s.ID)}}})
	}
	for _, f := range follows {
		reply.Sections = append(reply.Sections, intranet.Section{Text: c.tr("Je volgt %s", "You follow %s", followText(c, f)),
			Buttons: []intranet.Button{{Label: c.tr("Ontvolgen", "Unfollow"), Command: "/unfollow " + followCommand(f)}}})
	}
	return reply, nil
}

func followText(c *call, f intranet.Follow) string {
	switch f.Kind {
	case intranet.FollowDepartment:
		return c.tr("afdeling %s", "department %s", f.Value)
	case intranet.FollowTopic:
		return c.tr("onderwerp %s", "topic %s", f.Value)
	}
	return f.Value
}

func followCommand(f intranet.Follow) string {
	switch f.Kind {
	case intranet.FollowDepartment:
		return "dept:" + quote(f.Value)
	case intranet.FollowTopic:
		return "topic:" + quote(f.Value)
	}
	return quote(f.Value)
}

// newsUnsubscribe removes a subscription: a channel's by anyone in that
// channel (or its maker, or an admin), a personal one by its owner.
func (r *Router) newsUnsubscribe(ctx context.Context, c *call, cfg *News, id int64) (intranet.Reply, error) {
	s, err := cfg.Subscriptions.FindSubscriptionByID(ctx, id)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return c.reply(c.tr("Er is geen abonnement %d (meer).", "There is no subscription %d (any more).", id)), nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	inChannel := !s.Personal && s.To.Platform == c.req.Platform && s.To.ChannelID == c.req.Channel.ID
	if s.Personal && s.PersonID != c.person.ID || !s.Personal && !inChannel && s.PersonID != c.person.ID && !c.person.Has(intranet.RoleAdmin) {
		return c.reply(c.tr("Abonnement %d is niet van jou of van dit kanaal.", "Subscription %d is not yours or this channel's.", id)), nil
	}
	err = inTx(ctx, cfg.Tx, func(ctx context.Context) error {
		if cfg.Scheduler != nil && !s.Next.IsZero() {
			if err := cfg.Scheduler.Cancel(ctx, NewsDigestJob, digestKey(s.ID, s.Next)); err != nil {
				return err
			}
		}
		return cfg.Subscriptions.DeleteSubscription(ctx, id)
	})
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return c.reply(c.tr("Abonnement %d was al opgezegd.", "Subscription %d was cancelled already.", id)), nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	reply := c.reply(c.tr("Abonnement %d is opgezegd.", "Subscription %d is cancelled.", id))
	reply.ReplaceOriginal = c.req.Pressed()
	return reply, nil
}

// follow answers /follow and /unfollow (and /volg, /ontvolg).
func (r *Router) follow(ctx context.Context, c *call, on bool) (intranet.Reply, error) {
	cfg := r.NewsSettings()
	if cfg == nil {
		return c.reply(c.tr("Nieuws is in deze installatie niet beschikbaar.", "News is not available in this installation.")), nil
	}
	what := strings.TrimSpace(c.args)
	if what == "" {
		if on {
			return r.newsSubscriptions(ctx, c, cfg)
		}
		return c.reply(c.tr("Wat wil je niet meer volgen? Typ `/unfollow <collega|afdeling|onderwerp>`; `/news subscriptions` toont wat je volgt.",
			"What do you want to stop following? Type `/unfollow <colleague|department|topic>`; `/news subscriptions` shows what you follow.")), nil
	}
	f, reply, err := r.resolveFollow(ctx, c, cfg, what, on)
	if err != nil || f == nil {
		return reply, err
	}
	if on {
		made, err := cfg.Subscriptions.AddFollow(ctx, *f)
		if err != nil {
			return intranet.Reply{}, err
		}
		if !made {
			return c.reply(c.tr("Je volgde %s al.", "You were following %s already.", followText(c, *f))), nil
		}
		return c.reply(c.tr("Je volgt nu %s: nieuwe berichten krijg je meteen als privébericht. Stoppen: `/unfollow %s`.",
			"You now follow %s: new items come to you straight away by direct message. Stop with `/unfollow %s`.", followText(c, *f), followCommand(*f))), nil
	}
	gone, err := cfg.Subscriptions.RemoveFollow(ctx, *f)
	if err != nil {
		return intranet.Reply{}, err
	}
	if !gone {
		return c.reply(c.tr("Je volgde %s niet.", "You were not following %s.", followText(c, *f))), nil
	}
	return c.reply(c.tr("Je volgt %s niet meer.", "You no longer follow %s.", followText(c, *f))), nil
}

// resolveFollow reads what to follow: "dept:<name>", "topic:<name>", or a
// name that is a department, a topic or a colleague, in that order.
func (r *Router) resolveFollow(ctx context.Context, c *call, cfg *News, what string, on bool) (*intranet.Follow, intranet.Reply, error) {
	f := &intranet.Follow{PersonID: c.person.ID}
	if m := filterRE.FindStringSubmatch(what); m != nil {
		v := strings.Trim(strings.TrimSpace(m[2]), `"'`)
		switch strings.ToLower(m[1]) {
		case "dept", "afdeling":
			d, bad, err := r.resolveDept(ctx, c, v)
			if bad != "" || err != nil {
				return nil, c.reply(bad), err
			}
			f.Kind, f.Value = intranet.FollowDepartment, d
			return f, intranet.Reply{}, nil
		case "topic", "onderwerp":
			t, bad, err := resolveTopic(ctx, c, cfg, v, on)
			if bad != "" || err != nil {
				return nil, c.reply(bad), err
			}
			f.Kind, f.Value = intranet.FollowTopic, t
			return f, intranet.Reply{}, nil
		}
		what = v
	}
	what = strings.Trim(what, `"'`)
	depts, err := r.People.Departments(ctx)
	if err != nil {
		return nil, intranet.Reply{}, err
	}
	for _, d := range depts {
		if phonebook.Key(d) == phonebook.Key(what) {
			f.Kind, f.Value = intranet.FollowDepartment, d
			return f, intranet.Reply{}, nil
		}
	}
	topics, err := cfg.News.NewsTopics(ctx)
	if err != nil {
		return nil, intranet.Reply{}, err
	}
	for _, t := range topics {
		if phonebook.Key(t) == phonebook.Key(what) {
			f.Kind, f.Value = intranet.FollowTopic, t
			return f, intranet.Reply{}, nil
		}
	}
	p, reply := r.findPerson(ctx, c, strings.TrimPrefix(what, "@"))
	if p == nil {
		reply.Text += didYouMean(c, what, append(depts, topics...))
		return nil, reply, nil
	}
	f.Kind, f.TargetID, f.Value = intranet.FollowPerson, p.ID, p.Name
	return f, intranet.Reply{}, nil
}

// Keys of the news feature's jobs and messages.
func newsKey(id int64) string          { return fmt.Sprintf("news:%d", id) }
func remindKey(id int64, n int) string { return fmt.Sprintf("news:%d:remind:%d", id, n) }

// Period names a digest's due time; it is part of the job's key, the
// delivery record and the outbox key, so each is once per period.
func Period(due time.Time) string { return due.UTC().Format("2006-01-02T15:04:05Z") }

func digestKey(sub int64, due time.Time) string { return fmt.Sprintf("digest:%d:%s", sub, Period(due)) }

// scheduleNews schedules an item's publication job and, for an important
// item, its first reminder. publishSet says the publication time was just
// set (a new item, or an edit of one not yet out, "now" included); other
// edits leave a publication job alone, so an item out already is not
// delivered again.
func (r *Router) scheduleNews(ctx context.Context, cfg *News, n *intranet.NewsItem, publishSet bool) error {
	if cfg.Scheduler == nil {
		return nil
	}
	if publishSet {
		if err := cfg.Scheduler.Schedule(ctx, NewsPublishJob, newsKey(n.ID), n.Publish, nil); err != nil {
			return err
		}
	}
	if !n.Important || cfg.ReminderAfter <= 0 {
		return cfg.Scheduler.Cancel(ctx, NewsRemindJob, remindKey(n.ID, 1))
	}
	return cfg.Scheduler.Schedule(ctx, NewsRemindJob, remindKey(n.ID, 1), n.Publish.Add(cfg.ReminderAfter), nil)
}

// scheduleDigest schedules a subscription's next digest.
func (r *Router) scheduleDigest(ctx context.Context, cfg *News, s *intranet.Subscription) error {
	if cfg.Scheduler == nil || s.Next.IsZero() {
		return nil
	}
	return cfg.Scheduler.Schedule(ctx, NewsDigestJob, digestKey(s.ID, s.Next), s.Next, nil)
}

// RescheduleDigest moves a subscription's next digest to due, in one
// transaction with its job; operators and tests use it to make digests fall
// due now. Returns ENOTFOUND.
func (r *Router) RescheduleDigest(ctx context.Context, id int64, due time.Time) error {
	cfg := r.NewsSettings()
	if cfg == nil || cfg.Scheduler == nil {
		return intranet.Errorf(intranet.EINVALID, "News jobs are not set up.")
	}
	return inTx(ctx, cfg.Tx, func(ctx context.Context) error {
		s, err := cfg.Subscriptions.FindSubscriptionByID(ctx, id)
		if err != nil {
			return err
		}
		if !s.Next.IsZero() {
			if err := cfg.Scheduler.Cancel(ctx, NewsDigestJob, digestKey(s.ID, s.Next)); err != nil {
				return err
			}
		}
		due = due.UTC().Truncate(time.Second)
		if err := cfg.Subscriptions.SetSubscriptionNext(ctx, id, due); err != nil {
			return err
		}
		s.Next = due
		return r.scheduleDigest(ctx, cfg, s)
	})
}

// RegisterNewsJobs registers the handlers of the news jobs.
func (r *Router) RegisterNewsJobs(reg intranet.JobRegistry) error {
	for kind, h := range map[string]intranet.JobHandler{NewsPublishJob: r.publishJob, NewsDigestJob: r.digestJob, NewsRemindJob: r.newsRemindJob} {
		if err := reg.HandleJobs(kind, h); err != nil {
			return err
		}
	}
	return nil
}

func newsJobConfig() error { return intranet.FailJob(errors.New("news is not set up")) }

// newsJobItem is the item of a publish or reminder job ("news:<id>[:...:<nth>]")
// and the nth reminder; the item is nil when it was deleted meanwhile.
func (r *Router) newsJobItem(ctx context.Context, j intranet.Job) (*News, *intranet.NewsItem, int, error) {
	cfg := r.NewsSettings()
	if cfg == nil || cfg.Outbox == nil {
		return nil, nil, 0, newsJobConfig()
	}
	id, nth, err := jobNewsID(j)
	if err != nil {
		return nil, nil, 0, err
	}
	n, err := cfg.News.FindNewsByID(ctx, id)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return cfg, nil, 0, nil
	} else if err != nil {
		return nil, nil, 0, err
	}
	return cfg, n, nth, nil
}

func jobNewsID(j intranet.Job) (int64, int, error) {
	parts := strings.Split(j.Key, ":")
	if len(parts) < 2 || parts[0] != "news" {
		return 0, 0, intranet.FailJob(fmt.Errorf("%s job with key %q", j.Kind, j.Key))
	}
	id, err := strconv.ParseInt(parts[1], 10, 64)
	if err != nil {
		return 0, 0, intranet.FailJob(fmt.Errorf("%s job with key %q", j.Kind, j.Key))
	}
	n := 0
	if len(parts) == 4 {
		n, _ = strconv.Atoi(parts[3])
	}
	return id, n, nil
}

// dmPerson sends a person a direct message through the outbox, on their
// first account on a platform that is on; it reports whether one was sent.
func (r *Router) dmPerson(ctx context.Context, cfg *News, p *intranet.Person, accounts []intranet.Account, key string, msg func(lang string) intranet.Reply) (bool, error) {
	for _, a := range accounts {
		if a.Guest || cfg.Posters != nil && cfg.Posters.Poster(a.Platform) == nil {
			continue
		}
		lang := r.Language
		if p != nil && p.Language != "" {
			lang = p.Language
		}
		m := msg(lang)
		m.Lang = lang
		if _, err := cfg.Outbox.Send(ctx, intranet.Delivery{To: intranet.Destination{Platform: a.Platform, Installation: a.Installation, UserID: a.UserID}, Reply: m, Key: key}); err != nil {
			return false, err
		}
		return true, nil
	}
	return false, nil
}

// itemMessage is an item as delivered on its own (immediate, follows).
func (r *Router) itemMessage(cfg *News, lang string, n *intranet.NewsItem, why string) intranet.Reply {
	m := r.newsCard(cfg, lang, n)
	m.Visibility = intranet.InChannel
	m.Title = ltr(lang, "Nieuws: %s", "News: %s", n.Title)
	if why != "" {
		m.Context = append([]string{why}, m.Context...)
	}
	return m
}

// publishJob runs at an item's publication: each immediate subscription
// and each follower gets it once. A delivery per (subscription, item) is
// claimed in the transaction that sends it, so a rerun sends nothing twice.
func (r *Router) publishJob(ctx context.Context, j intranet.Job) error {
	cfg, n, _, err := r.newsJobItem(ctx, j)
	if n == nil || err != nil {
		return err
	}
	now := maxTime(cfg.Now(), j.Due)
	if !n.Visible(now) {
		return nil
	}
	subs, err := cfg.Subscriptions.Subscriptions(ctx, intranet.SubscriptionFilter{Immediate: true})
	if err != nil {
		return err
	}
	people := map[int64]*intranet.Person{}
	person := func(id int64) (*intranet.Person, error) {
		if p, ok := people[id]; ok {
			return p, nil
		}
		p, err := r.People.FindPersonByID(ctx, id)
		if err != nil {
			return nil, err
		}
		people[id] = p
		return p, nil
	}
	for _, s := range subs {
		if !s.Matches(n) || n.Publish.Before(s.Created) {
			continue
		}
		if s.Personal {
			p, err := person(s.PersonID)
			if intranet.ErrorCode(err) == intranet.ENOTFOUND {
				continue
			} else if err != nil {
				return err
			}
			if !n.For(p.Department) || p.IsGuest() {
				continue
			}
		}
		err := inTx(ctx, cfg.Tx, func(ctx context.Context) error {
			won, err := cfg.Subscriptions.ClaimDelivery(ctx, intranet.DigestClaim{SubscriptionID: s.ID, Period: fmt.Sprintf("item:%d", n.ID), Items: 1}, now)
			if err != nil || !won {
				return err
			}
			_, err = cfg.Outbox.Send(ctx, intranet.Delivery{To: s.To, Reply: r.itemMessage(cfg, s.Lang, n, ""), Key: fmt.Sprintf("news:%d:sub:%d", n.ID, s.ID)})
			return err
		})
		if err != nil && intranet.ErrorCode(err) != intranet.ENOTFOUND {
			return err
		}
	}
	follows, err := cfg.Subscriptions.Follows(ctx, nil)
	if err != nil {
		return err
	}
	done := map[int64]bool{}
	for _, f := range follows {
		if done[f.PersonID] || f.PersonID == n.AuthorID || !f.Matches(n) {
			continue
		}
		done[f.PersonID] = true
		p, err := person(f.PersonID)
		if intranet.ErrorCode(err) == intranet.ENOTFOUND {
			continue
		} else if err != nil {
			return err
		}
		if !n.For(p.Department) || p.IsGuest() {
			continue
		}
		follow := f
		// One DM per person and item, whatever they follow: the outbox key.
		if _, err := r.dmPerson(ctx, cfg, p, p.Accounts, fmt.Sprintf("news:%d:follow:%d", n.ID, p.ID), func(lang string) intranet.Reply {
			return r.itemMessage(cfg, lang, n, ltr(lang, "Je volgt %s.", "You follow %s.", followText(&call{lang: lang}, follow)))
		}); err != nil {
			return err
		}
	}
	return nil
}

// digestJob delivers one subscription's digest of one period: the items
// published since its previous digest that match its filters. The delivery
// record, the outbox message (keyed by the period) and the next period's
// job are written in one transaction, so a rerun, on this replica or
// another, finds the period claimed and sends nothing. The next period is
// computed from now, so a digest that fell due while everything was down
// goes out once, not once per missed period.
func (r *Router) digestJob(ctx context.Context, j intranet.Job) error {
	cfg := r.NewsSettings()
	if cfg == nil || cfg.Outbox == nil {
		return newsJobConfig()
	}
	var subID int64
	if _, err := fmt.Sscanf(j.Key, "digest:%d:", &subID); err != nil {
		return intranet.FailJob(fmt.Errorf("%s job with key %q", j.Kind, j.Key))
	}
	s, err := cfg.Subscriptions.FindSubscriptionByID(ctx, subID)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return nil
	} else if err != nil {
		return err
	}
	if Period(s.Next) != Period(j.Due) {
		return nil // rescheduled meanwhile: the other job delivers
	}
	at := maxTime(cfg.Now(), j.Due).UTC().Truncate(time.Second)
	until := at.Add(-DigestSettle)
	f := intranet.NewsFilter{VisibleAt: until, PublishedAfter: s.Since, PublishedUntil: until, Topic: s.Topic, Department: s.Department, AuthorID: s.AuthorID}
	if s.Personal {
		p, err := r.People.FindPersonByID(ctx, s.PersonID)
		if intranet.ErrorCode(err) == intranet.ENOTFOUND {
			return nil
		} else if err != nil {
			return err
		}
		f.Audience = audienceOf(p)
	}
	items, err := cfg.News.News(ctx, f)
	if err != nil {
		return err
	}
	next := s.Schedule.Next(at, cfg.Location)
	return inTx(ctx, cfg.Tx, func(ctx context.Context) error {
		won, err := cfg.Subscriptions.ClaimDelivery(ctx, intranet.DigestClaim{SubscriptionID: s.ID, Period: Period(j.Due), Until: until, Next: next, Items: len(items)}, at)
		if intranet.ErrorCode(err) == intranet.ENOTFOUND {
			return nil
		} else if err != nil || !won {
			return err
		}
		if len(items) > 0 {
			if _, err := cfg.Outbox.Send(ctx, intranet.Delivery{To: s.To, Reply: r.digestMessage(cfg, s, items), Key: digestKey(s.ID, j.Due)}); err != nil {
				return err
			}
		}
		s.Next = next
		return r.scheduleDigest(ctx, cfg, s)
	})
}

// digestMessage lists at most DigestMax items, newest first, each with its
// /news <id>, and counts the rest.
func (r *Router) digestMessage(cfg *News, s *intranet.Subscription, items []*intranet.NewsItem) intranet.Reply {
	lang := s.Lang
	m := intranet.Reply{Lang: lang, Visibility: intranet.InChannel, Title: ltr(lang, "Nieuwsoverzicht", "News digest")}
	m.Text = ltr(lang, "%d nieuwe berichten sinds het vorige overzicht.", "%d new items since the previous digest.", len(items))
	if len(items) == 1 {
		m.Text = ltr(lang, "1 nieuw bericht sinds het vorige overzicht.", "1 new item since the previous digest.")
	}
	for i, n := range items {
		if i == DigestMax {
			m.Context = append(m.Context, ltr(lang, "en %d meer: typ `/news`", "and %d more: type `/news`", len(items)-DigestMax))
			break
		}
		m.Sections = append(m.Sections, r.newsLine(cfg, lang, n))
	}
	m.Context = append(m.Context, ltr(lang, "Abonnement %d: %s. Opzeggen: `/news unsubscribe %d`.", "Subscription %d: %s. Unsubscribe: `/news unsubscribe %d`.",
		s.ID, r.subscriptionText(cfg, lang, s), s.ID))
	return m
}

// newsRemindJob DMs everyone in an important item's audience who has not
// acknowledged it, and schedules the next reminder (at most NewsReminders).
func (r *Router) newsRemindJob(ctx context.Context, j intranet.Job) error {
	cfg, n, nth, err := r.newsJobItem(ctx, j)
	if n == nil || err != nil {
		return err
	}
	if !n.Important || !n.Visible(maxTime(cfg.Now(), j.Due)) {
		return nil
	}
	readers, err := cfg.News.NewsAudience(ctx, n.ID)
	if err != nil {
		return err
	}
	for _, p := range readers {
		if !p.Acked.IsZero() || p.PersonID == n.AuthorID {
			continue
		}
		person, err := r.People.FindPersonByID(ctx, p.PersonID)
		if err != nil {
			return err
		}
		if _, err := r.dmPerson(ctx, cfg, person, p.Accounts, fmt.Sprintf("news:%d:remind:%d:%d", n.ID, nth, p.PersonID), func(lang string) intranet.Reply {
			m := r.newsCard(cfg, lang, n)
			m.Title = ltr(lang, "Herinnering: %s", "Reminder: %s", n.Title)
			m.Text = ltr(lang, "Dit belangrijke bericht vraagt je te bevestigen dat je het las.", "This important item asks you to confirm that you read it.") + "\n\n" + n.Body
			return m
		}); err != nil {
			return err
		}
	}
	if nth < NewsReminders && cfg.ReminderAfter > 0 && cfg.Scheduler != nil {
		return cfg.Scheduler.Schedule(ctx, NewsRemindJob, remindKey(n.ID, nth+1), j.Due.Add(cfg.ReminderAfter), nil)
	}
	return nil
}

// NewsAcksCSV is the acknowledgement list of an item for `werkplek news
// acks`: the audience, one row each, with when they acknowledged.
func NewsAcksCSV(ctx context.Context, news intranet.NewsService, id int64) ([][]string, error) {
	readers, err := news.NewsAudience(ctx, id)
	if err != nil {
		return nil, err
	}
	rows := [][]string{{"name", "email", "acknowledged_at"}}
	for _, p := range readers {
		at := ""
		if !p.Acked.IsZero() {
			at = p.Acked.UTC().Format(time.RFC3339)
		}
		rows = append(rows, []string{p.Name, p.Email, at})
	}
	return rows, nil
}
