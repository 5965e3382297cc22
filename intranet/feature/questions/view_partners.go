package questions

import (
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/grammar"
)

// The replies to partners about the topics they may ask, in Dutch and
// English. They name only topics open to partners.

// topicNames lists topics by name.
func topicNames(topics []*intranet.Topic) string {
	names := make([]string, len(topics))
	for i, t := range topics {
		names[i] = t.Name
	}
	return strings.Join(names, ", ")
}

// topicButtons asks the question again with each topic (none without ask).
func topicButtons(ask *grammar.Parsed, topics []*intranet.Topic) []intranet.Button {
	if ask == nil {
		return nil
	}
	var out []intranet.Button
	for _, t := range topics[:min(len(topics), 8)] {
		out = append(out, intranet.Button{Label: t.Name, Command: ask.SetText("topic", t.Name).String()})
	}
	return out
}

// notOpenTopic refuses a topic a partner may not ask (closed to partners
// or unknown: they are not told which), with the topics they may.
func notOpenTopic(c *feature.Call, ask *grammar.Parsed, name, text string, open []*intranet.Topic) intranet.Reply {
	r := c.Reply(c.T("Partners kunnen geen vragen stellen over %q. Wel over: %s. Typ `/ask %s topic:<onderwerp>` of kies:",
		"Partners cannot ask about %q. They can ask about: %s. Type `/ask %s topic:<topic>` or choose:", name, topicNames(open), text))
	r.Buttons = topicButtons(ask, open)
	return r
}

// whichPartnerTopic asks a partner which of the topics open to partners
// their question is about.
func whichPartnerTopic(c *feature.Call, ask *grammar.Parsed, text string, open []*intranet.Topic) intranet.Reply {
	r := c.Reply(c.T("Over welk onderwerp gaat je vraag? Partners kunnen vragen stellen over: %s. Typ `/ask %s topic:<onderwerp>` of kies:",
		"Which topic is your question about? Partners can ask about: %s. Type `/ask %s topic:<topic>` or choose:", topicNames(open), text))
	r.Buttons = topicButtons(ask, open)
	return r
}

// noPartnerTopics tells a partner nothing is open to partners yet, and
// whom to ask (their contacts here, when they have any).
func noPartnerTopics(c *feature.Call, contacts []string) intranet.Reply {
	who := c.T("je contactpersoon hier", "your contact person here")
	if len(contacts) > 0 {
		who = c.T("je contactpersoon hier (%s)", "your contact person here (%s)", strings.Join(contacts, ", "))
	}
	return c.Reply(c.T("Er staan nog geen onderwerpen open voor vragen van partners. Vraag het %s.",
		"No topics are open to questions from partners yet. Please ask %s.", who))
}
