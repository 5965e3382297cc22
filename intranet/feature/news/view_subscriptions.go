package news

import (
	"fmt"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/grammar"
)

// This file holds how subscriptions, digests and follows read, in Dutch
// and English.

// subscriptionText says what a subscription delivers, in lang.
func (u *Unit) subscriptionText(lang string, s *intranet.Subscription) string {
	t := func(nl, en string, args ...any) string { return feature.T(lang, nl, en, args...) }
	what := u.digests.ScheduleText(lang, s.Schedule)
	var filters []string
	if s.Topic != "" {
		filters = append(filters, t("onderwerp %s", "topic %s", s.Topic))
	}
	if s.Department != "" {
		filters = append(filters, t("voor %s", "for %s", s.Department))
	}
	if s.AuthorID != 0 {
		filters = append(filters, t("van %s", "from %s", s.Author))
	}
	if s.Shared && !s.Personal {
		filters = append(filters, t("alleen nieuws voor alle partners", "only news for every partner"))
	}
	if len(filters) > 0 {
		what += " (" + strings.Join(filters, ", ") + ")"
	}
	return what
}

// subscribedView answers a new subscription.
func (u *Unit) subscribedView(c *feature.Call, s *intranet.Subscription) intranet.Reply {
	text := c.T("Abonnement %d: dit kanaal krijgt %s.", "Subscription %d: this channel gets %s.", s.ID, u.subscriptionText(c.Lang, s))
	if s.Personal {
		text = c.T("Abonnement %d: jij krijgt als privébericht %s.", "Subscription %d: you get %s by direct message.", s.ID, u.subscriptionText(c.Lang, s))
	}
	if s.Shared && !s.Personal {
		text += " " + c.T("Dit kanaal is gedeeld met een andere organisatie, dus hier komen alleen de berichten voor alle partners (`doelgroep:partners`).",
			"This channel is shared with another organisation, so only the items for every partner (`audience:partners`) come here.")
	}
	if !s.Next.IsZero() {
		text += " " + c.T("Het eerste overzicht komt %s %s, met het nieuws vanaf nu (een leeg overzicht stuur ik niet).", "The first digest comes %s %s, with the news from now on (an empty digest is not sent).",
			u.dateText(s.Next, c.Lang), u.clockText(s.Next))
	}
	reply := c.Reply(text)
	reply.Buttons = []intranet.Button{u.digests.UnsubscribeButton(c.Lang, s.ID)}
	return reply
}

// subscriptionsView is /news subscriptions: the channel's and the
// caller's subscriptions, and whom the caller follows.
func (u *Unit) subscriptionsView(c *feature.Call, list []*intranet.Subscription, follows []intranet.Follow) intranet.Reply {
	if len(list) == 0 && len(follows) == 0 {
		return c.Reply(c.T("Geen abonnementen hier of van jou. Begin met `/news subscribe daily 08:30` of `/follow <collega|afdeling|onderwerp>`.",
			"No subscriptions here or of yours. Start with `/news subscribe daily 08:30` or `/follow <colleague|department|topic>`."))
	}
	reply := intranet.Reply{Lang: c.Lang, Title: c.T("Abonnementen", "Subscriptions")}
	for _, s := range list {
		where := c.T("Dit kanaal", "This channel")
		if s.Personal {
			where = c.T("Jij", "You")
		}
		reply.Sections = append(reply.Sections, intranet.Section{Text: fmt.Sprintf("*%d* · %s: %s", s.ID, where, u.subscriptionText(c.Lang, s)),
			Buttons: []intranet.Button{u.digests.UnsubscribeButton(c.Lang, s.ID)}})
	}
	reply.Sections = append(reply.Sections, followSections(c, follows)...)
	return reply
}

// digestMessage lists at most DigestMax items, newest first, each with its
// /news <id>, and counts the rest; outside says partners read it.
func (u *Unit) digestMessage(s *intranet.Subscription, items []*intranet.NewsItem, outside bool) intranet.Reply {
	lang := s.Lang
	t := func(nl, en string, args ...any) string { return feature.T(lang, nl, en, args...) }
	m := intranet.Reply{Lang: lang, Visibility: intranet.InChannel, Title: t("Nieuwsoverzicht", "News digest")}
	m.Text = feature.N(lang, len(items), "nieuw bericht sinds het vorige overzicht.", "nieuwe berichten sinds het vorige overzicht.", "new item since the previous digest.", "new items since the previous digest.")
	if len(items) == 1 {
		m.Text = t("1 nieuw bericht sinds het vorige overzicht.", "1 new item since the previous digest.")
	}
	for i, n := range items {
		if i == DigestMax {
			m.Context = append(m.Context, t("en %d meer: typ `/news`", "and %d more: type `/news`", len(items)-DigestMax))
			break
		}
		m.Sections = append(m.Sections, u.newsLine(lang, n, outside))
	}
	m.Context = append(m.Context, t("Abonnement %d: %s. Opzeggen: `/news unsubscribe %d`.", "Subscription %d: %s. Unsubscribe: `/news unsubscribe %d`.",
		s.ID, u.subscriptionText(lang, s), s.ID))
	return m
}

// Follows.

// followText names what a follow follows, in lang.
func followText(lang string, f intranet.Follow) string {
	switch f.Kind {
	case intranet.FollowDepartment:
		return feature.T(lang, "afdeling %s", "department %s", f.Value)
	case intranet.FollowTopic:
		return feature.T(lang, "onderwerp %s", "topic %s", f.Value)
	}
	return f.Value
}

// followCommand is the typed /unfollow of a follow.
func followCommand(f intranet.Follow) string {
	q := func(s string) string {
		v, _ := grammar.Quote(s)
		return v
	}
	switch f.Kind {
	case intranet.FollowDepartment:
		return "/unfollow dept:" + q(f.Value)
	case intranet.FollowTopic:
		return "/unfollow topic:" + q(f.Value)
	}
	return "/unfollow " + q(f.Value)
}

// followSections are the follows in a list, each with an Unfollow button.
func followSections(c *feature.Call, follows []intranet.Follow) []intranet.Section {
	var out []intranet.Section
	for _, f := range follows {
		out = append(out, intranet.Section{Text: c.T("Je volgt %s", "You follow %s", followText(c.Lang, f)),
			Buttons: []intranet.Button{{Label: c.T("Ontvolgen", "Unfollow"), Command: followCommand(f)}}})
	}
	return out
}

// followsView is /follow list: whom and what the caller follows.
func followsView(c *feature.Call, follows []intranet.Follow) intranet.Reply {
	if len(follows) == 0 {
		return c.Reply(c.T("Je volgt nog niemand en niets. Volg een collega, afdeling of onderwerp met `/follow <collega|afdeling|onderwerp>`, bijvoorbeeld `/follow Zorg Oost`.",
			"You follow nobody and nothing yet. Follow a colleague, department or topic with `/follow <colleague|department|topic>`, e.g. `/follow Zorg Oost`."))
	}
	reply := intranet.Reply{Lang: c.Lang, Title: c.T("Wie en wat je volgt", "Whom and what you follow"), Sections: followSections(c, follows)}
	reply.Context = []string{c.T("Hun nieuwe berichten krijg je meteen als privébericht. Je abonnementen: `/news subscriptions`.",
		"Their new items come to you straight away by direct message. Your subscriptions: `/news subscriptions`.")}
	return reply
}

// followNear offers the departments and topics near a name that is no
// colleague.
func followNear(c *feature.Call, near []string) string {
	if len(near) == 0 {
		return ""
	}
	if len(near) > 3 {
		near = near[:3]
	}
	return " " + c.T("Of bedoel je de afdeling of het onderwerp %s?", "Or do you mean the department or topic %s?", strings.Join(near, c.T(" of ", " or ")))
}

func unfollowWhat(c *feature.Call) string {
	return c.T("Wat wil je niet meer volgen? Typ `/unfollow <collega|afdeling|onderwerp>`; `/follow list` toont wat je volgt.",
		"What do you want to stop following? Type `/unfollow <colleague|department|topic>`; `/follow list` shows what you follow.")
}

// oneThingToFollow refuses a name together with dept: or topic:. When the
// name is the rest of an unquoted dept: or topic: ("dept:zorg oost"), it
// offers the quoted one.
func oneThingToFollow(c *feature.Call) intranet.Reply {
	p := c.Cmd
	reply := c.Reply(c.T("Geef één collega, afdeling of onderwerp tegelijk. ", "Give one colleague, department or topic at a time. ") + c.Usage())
	what := p.Text("what")
	if p.Quoted("what") || p.Has("dept") == p.Has("topic") {
		return reply
	}
	key := "dept"
	if p.Has("topic") {
		key = "topic"
	}
	if p.Quoted(key) {
		return reply
	}
	name := p.Text(key) + " " + what
	fixed := p.Without("what").SetText(key, name).String()
	reply.Text = c.T("Een naam met spaties staat tussen aanhalingstekens. Bedoel je `%s`?", "A name with spaces goes in quotes. Did you mean `%s`?", fixed)
	reply.Buttons = []intranet.Button{{Label: name, Command: fixed}}
	return reply
}

func followed(c *feature.Call, f intranet.Follow, made bool) string {
	if !made {
		return c.T("Je volgde %s al.", "You were following %s already.", followText(c.Lang, f))
	}
	return c.T("Je volgt nu %s: nieuwe berichten krijg je meteen als privébericht. Stoppen: `%s`.",
		"You now follow %s: new items come to you straight away by direct message. Stop with `%s`.", followText(c.Lang, f), followCommand(f))
}

func unfollowed(c *feature.Call, f intranet.Follow, gone bool) string {
	if !gone {
		return c.T("Je volgde %s niet.", "You were not following %s.", followText(c.Lang, f))
	}
	return c.T("Je volgt %s niet meer.", "You no longer follow %s.", followText(c.Lang, f))
}
