package board

import (
	"fmt"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// This file holds how board subscriptions and digests read, in Dutch and
// English.

// subscriptionText says what a board subscription delivers, in lang.
func (u *Unit) subscriptionText(lang string, s *intranet.Subscription) string {
	what := u.digests.ScheduleText(lang, s.Schedule)
	if s.Category != "" {
		what += " (" + feature.T(lang, "categorie %s", "category %s", categoryName(lang, s.Category)) + ")"
	}
	return what
}

// subscribedView answers a new subscription.
func (u *Unit) subscribedView(c *feature.Call, s *intranet.Subscription) intranet.Reply {
	text := c.T("Abonnement %d: dit kanaal krijgt van het prikbord %s.", "Subscription %d: this channel gets from the board %s.", s.ID, u.subscriptionText(c.Lang, s))
	if s.Personal {
		text = c.T("Abonnement %d: jij krijgt van het prikbord als privébericht %s.", "Subscription %d: you get from the board by direct message %s.", s.ID, u.subscriptionText(c.Lang, s))
	}
	if !s.Next.IsZero() {
		text += " " + c.T("Het eerste overzicht komt %s %s, met de advertenties vanaf nu (een leeg overzicht stuur ik niet).",
			"The first digest comes %s %s, with the ads from now on (an empty digest is not sent).", u.dateText(s.Next, c.Lang), s.Next.In(u.cfg.Location).Format("15:04"))
	}
	reply := c.Reply(text)
	reply.Buttons = []intranet.Button{u.digests.UnsubscribeButton(c.Lang, s.ID)}
	return reply
}

// subscriptionsView is /board subscriptions.
func (u *Unit) subscriptionsView(c *feature.Call, list []*intranet.Subscription) intranet.Reply {
	if len(list) == 0 {
		return c.Reply(c.T("Geen prikbordabonnementen hier of van jou. Begin met `/board subscribe weekly mon 09:00` of `/board subscribe immediate category:tekoop`.",
			"No board subscriptions here or of yours. Start with `/board subscribe weekly mon 09:00` or `/board subscribe immediate category:sale`."))
	}
	reply := intranet.Reply{Lang: c.Lang, Title: c.T("Prikbordabonnementen", "Board subscriptions")}
	for _, s := range list {
		where := c.T("Dit kanaal", "This channel")
		if s.Personal {
			where = c.T("Jij", "You")
		}
		reply.Sections = append(reply.Sections, intranet.Section{Text: fmt.Sprintf("*%d* · %s: %s", s.ID, where, u.subscriptionText(c.Lang, s)),
			Buttons: []intranet.Button{u.digests.UnsubscribeButton(c.Lang, s.ID)}})
	}
	return reply
}

// adMessage brings a new ad to an immediate subscription.
func (u *Unit) adMessage(s *intranet.Subscription, a *intranet.Ad) intranet.Reply {
	lang := s.Lang
	c := &feature.Call{Lang: lang}
	m := u.adView(c, a)
	m.Visibility = intranet.InChannel
	m.Title = feature.T(lang, "Nieuw op het prikbord", "New on the board")
	m.Buttons = nil
	if sec := &m.Sections[0]; len(sec.Fields) > 4 {
		sec.Fields = sec.Fields[:4] // a new ad has no replies yet
	}
	m.Context = []string{
		feature.T(lang, "Reageer met `/board reply %d <tekst>`: %s krijgt het als privébericht.", "Reply with `/board reply %d <text>`: %s gets it by direct message.", a.ID, intranet.Plain(a.Poster)),
		feature.T(lang, "Abonnement %d: %s. Opzeggen: `/board unsubscribe %d`.", "Subscription %d: %s. Unsubscribe: `/board unsubscribe %d`.", s.ID, u.subscriptionText(lang, s), s.ID),
	}
	return m
}

// digestMessage lists at most DigestMax ads, newest first, each with its
// /board <id>, and counts the rest.
func (u *Unit) digestMessage(s *intranet.Subscription, ads []*intranet.Ad) intranet.Reply {
	lang := s.Lang
	t := func(nl, en string, args ...any) string { return feature.T(lang, nl, en, args...) }
	m := intranet.Reply{Lang: lang, Visibility: intranet.InChannel, Title: t("Prikbordoverzicht", "Board digest")}
	m.Text = feature.N(lang, len(ads), "nieuwe advertentie sinds het vorige overzicht.", "nieuwe advertenties sinds het vorige overzicht.",
		"new ad since the previous digest.", "new ads since the previous digest.")
	for i, a := range ads {
		if i == DigestMax {
			m.Context = append(m.Context, t("en %d meer: typ `/board`", "and %d more: type `/board`", len(ads)-DigestMax))
			break
		}
		m.Sections = append(m.Sections, u.line(lang, a))
	}
	m.Context = append(m.Context, t("Abonnement %d: %s. Opzeggen: `/board unsubscribe %d`.", "Subscription %d: %s. Unsubscribe: `/board unsubscribe %d`.",
		s.ID, u.subscriptionText(lang, s), s.ID))
	return m
}

func sharedChannel(c *feature.Call) string {
	return c.T("Dit kanaal is gedeeld met een andere organisatie; daar komt ons prikbord niet. Abonneer een eigen kanaal, of jezelf in een privébericht met Werkplek.",
		"This channel is shared with another organisation, so our board does not go here. Subscribe a channel of your own, or yourself in a direct message with Werkplek.")
}
