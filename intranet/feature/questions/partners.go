package questions

import (
	"context"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/grammar"
	"github.com/werkplek/werkplek/intranet/phonebook"
)

// Partners (people of a partner organisation) ask only topics open to
// partners (/ask topic set <topic> partners:on), and see only their own
// organisation's questions: never the internal knowledge base, never
// another organisation's questions, never the names of closed topics.

// sees reports whether the caller may see a question: an employee any, a
// partner their own and those asked by people of their organisation to
// a topic open to partners (not what one of them asked as an employee,
// before they became a partner).
func sees(c *feature.Call, q *intranet.Question) bool {
	return c.Partner() == 0 || q.AskerID == c.Person.ID || q.AskerOrganisationID == c.Partner() && q.TopicPartners
}

// partnerTopics returns the topics open to partners, by name.
func (u *Unit) partnerTopics(ctx context.Context) ([]*intranet.Topic, error) {
	all, err := u.cfg.Topics.Topics(ctx)
	if err != nil {
		return nil, err
	}
	var out []*intranet.Topic
	for _, t := range all {
		if t.Partners {
			out = append(out, t)
		}
	}
	return out, nil
}

// partnerTopic chooses the topic of a partner's new question: the one
// named with topic: when it is open to partners, else the channel's when
// it is, else the only topic open to partners. When there is none to
// choose, problem says which there are (with a button per topic that
// asks the question again with it: ask, when set) or that none is open.
func (u *Unit) partnerTopic(ctx context.Context, c *feature.Call, ask *grammar.Parsed, name string, exact bool, text string) (*intranet.Topic, *intranet.Reply, error) {
	open, err := u.partnerTopics(ctx)
	if err != nil {
		return nil, nil, err
	}
	if len(open) == 0 {
		r, err := u.nothingOpen(ctx, c)
		return nil, &r, err
	}
	if name != "" {
		var match []*intranet.Topic
		for _, t := range open {
			if phonebook.Key(t.Name) == phonebook.Key(name) {
				return t, nil, nil
			}
			if !exact && feature.WordsStartWith(t.Name, name) {
				match = append(match, t)
			}
		}
		if len(match) == 1 {
			return match[0], nil, nil
		}
		r := notOpenTopic(c, ask, name, text, open)
		return nil, &r, nil
	}
	if !c.Req.Channel.Direct && c.Req.Channel.ID != "" {
		t, err := u.cfg.Topics.FindTopicByChannel(ctx, c.Req.Platform, c.Req.Channel.ID)
		if err == nil && t.Partners {
			return t, nil, nil
		} else if err != nil && intranet.ErrorCode(err) != intranet.ENOTFOUND {
			return nil, nil, err
		}
	}
	if len(open) == 1 {
		return open[0], nil, nil
	}
	r := whichPartnerTopic(c, ask, text, open)
	return nil, &r, nil
}

// nothingOpen tells a partner that no topic is open to partners yet, and
// whom to ask: their organisation's contacts here.
func (u *Unit) nothingOpen(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	var contacts []string
	if u.cfg.Partners != nil {
		people, err := u.cfg.Partners.PartnerContacts(ctx, c.Partner())
		if err != nil {
			return intranet.Reply{}, err
		}
		for _, p := range people {
			contacts = append(contacts, p.Name)
		}
	}
	return noPartnerTopics(c, contacts), nil
}
