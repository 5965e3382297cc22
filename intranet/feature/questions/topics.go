package questions

import (
	"context"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/phonebook"
)

// MaxEscalateHours is the longest escalation time a topic may set.
const MaxEscalateHours = 80

// topicList answers /ask topic (list).
func (u *Unit) topicList(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	topics, err := u.cfg.Topics.Topics(ctx)
	if err != nil {
		return intranet.Reply{}, err
	}
	if len(topics) == 0 {
		return noTopicsYet(c), nil
	}
	var infos []topicInfo
	for _, t := range topics {
		info, err := u.topicInfo(ctx, t)
		if err != nil {
			return intranet.Reply{}, err
		}
		infos = append(infos, info)
	}
	return topicsView(c, infos), nil
}

// topicShow answers /ask topic show <topic>.
func (u *Unit) topicShow(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	t, problem, err := u.findTopic(ctx, c, c.Cmd.Text("topic"), c.Cmd.Quoted("topic"))
	if t == nil {
		return reply(problem), err
	}
	info, err := u.topicInfo(ctx, t)
	if err != nil {
		return intranet.Reply{}, err
	}
	return topicView(c, info), nil
}

// topicAdd answers /ask topic add <name> (admins).
func (u *Unit) topicAdd(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	if !c.Has(intranet.RoleAdmin) {
		return onlyAdminAddsTopics(c), nil
	}
	name := c.Cmd.Text("name")
	if phonebook.Key(name) == "" {
		return c.Reply(c.Usage()), nil
	}
	t, err := u.cfg.Topics.CreateTopic(ctx, name, c.Person.ID)
	if intranet.ErrorCode(err) == intranet.ECONFLICT {
		return topicExists(c, name), nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	return topicCreated(c, t), nil
}

// mayManage reports whether the caller may change a topic: an admin or its owner.
func mayManage(c *feature.Call, t *intranet.Topic) bool {
	return c.Has(intranet.RoleAdmin) || t.OwnerID == c.Person.ID
}

// topicChannel answers /ask topic channel <topic>, typed in the channel.
func (u *Unit) topicChannel(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	t, problem, err := u.findTopic(ctx, c, c.Cmd.Text("topic"), c.Cmd.Quoted("topic"))
	if t == nil {
		return reply(problem), err
	}
	if !mayManage(c, t) {
		return onlyOwner(c, t, "channel"), nil
	}
	if c.Req.Channel.Direct || c.Req.Channel.ID == "" {
		return notInDM(c), nil
	}
	ch := intranet.TopicChannel{Platform: c.Req.Platform, Installation: c.Req.Installation, ChannelID: c.Req.Channel.ID}
	if err := u.cfg.Topics.LinkTopicChannel(ctx, t.ID, ch); err != nil {
		return intranet.Reply{}, err
	}
	return channelLinked(c, t), nil
}

// topicSet answers /ask topic set <topic> [escalate:<working hours>]
// [partners:on|off].
func (u *Unit) topicSet(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	d, escalate := c.Cmd.Duration("escalate")
	partners := c.Cmd.Has("partners")
	if !escalate && !partners {
		return setMissing(c), nil
	}
	if escalate && (d < 0 || d%time.Hour != 0 || d > MaxEscalateHours*time.Hour) {
		v, _ := c.Cmd.Value("escalate")
		return escalateBad(c, v.Typed), nil
	}
	t, problem, err := u.findTopic(ctx, c, c.Cmd.Text("topic"), c.Cmd.Quoted("topic"))
	if t == nil {
		return reply(problem), err
	}
	if !mayManage(c, t) {
		return onlyOwner(c, t, "set"), nil
	}
	var said []string
	err = feature.InTx(ctx, u.cfg.Tx, func(ctx context.Context) error {
		if escalate {
			hours := int(d / time.Hour)
			if err := u.cfg.Topics.SetTopicEscalation(ctx, t.ID, hours); err != nil {
				return err
			}
			if hours == 0 {
				hours = u.cfg.EscalateHours
			}
			said = append(said, escalationSet(c, t, hours))
		}
		if partners {
			on := c.Cmd.Text("partners") == "on"
			if err := u.cfg.Topics.SetTopicPartners(ctx, t.ID, on); err != nil {
				return err
			}
			said = append(said, partnersSet(c, t, on))
		}
		return nil
	})
	if err != nil {
		return intranet.Reply{}, err
	}
	return c.Reply(strings.Join(said, " ")), nil
}

// expert answers /ask expert add|remove <topic> <person>.
func (u *Unit) expert(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	add := c.Is("expert add")
	t, problem, err := u.findTopic(ctx, c, c.Cmd.Text("topic"), c.Cmd.Quoted("topic"))
	if t == nil {
		return reply(problem), err
	}
	if !mayManage(c, t) {
		return onlyOwner(c, t, "expert"), nil
	}
	p, why, err := feature.FindPerson(ctx, u.cfg.People, u.cfg.Accounts, c, c.Cmd.Text("person"))
	if err != nil {
		return intranet.Reply{}, err
	}
	if p == nil {
		return c.Reply(why), nil
	}
	if add && p.IsGuest() {
		// An expert sees the questions of everyone who asks the topic.
		return noGuestExperts(c, p), nil
	}
	if err := u.cfg.Topics.SetTopicExpert(ctx, t.ID, p.ID, add); err != nil {
		return intranet.Reply{}, err
	}
	return expertSet(c, t, p, add), nil
}

// findTopic finds a topic by its name, or by the start of its words unless
// the name was quoted. When there is none or more than one, problem says so
// (with a did-you-mean) and the topic is nil.
func (u *Unit) findTopic(ctx context.Context, c *feature.Call, name string, exact bool) (*intranet.Topic, *intranet.Reply, error) {
	t, err := u.cfg.Topics.FindTopicByName(ctx, name)
	if err == nil {
		return t, nil, nil
	} else if intranet.ErrorCode(err) != intranet.ENOTFOUND {
		return nil, nil, err
	}
	topics, err := u.cfg.Topics.Topics(ctx)
	if err != nil {
		return nil, nil, err
	}
	var names []string
	var match []*intranet.Topic
	for _, t := range topics {
		names = append(names, t.Name)
		if !exact && feature.WordsStartWith(t.Name, name) {
			match = append(match, t)
		}
	}
	if len(match) == 1 {
		return match[0], nil, nil
	}
	var r intranet.Reply
	switch {
	case len(match) > 1:
		r = severalTopics(c, name, match)
	case len(names) == 0:
		r = noTopicsYet(c)
	default:
		r = unknownTopic(c, name, names)
	}
	return nil, &r, nil
}

// topicInfo is a topic with the people who get its questions by their skill.
type topicInfo struct {
	*intranet.Topic
	// BySkill are the first of those whose skill names the topic; More
	// counts the others.
	BySkill []string
	More    int
	// EscalateHours is the topic's escalation time, or the default.
	EscalateHours int
}

func (u *Unit) topicInfo(ctx context.Context, t *intranet.Topic) (topicInfo, error) {
	info := topicInfo{Topic: t, EscalateHours: int(u.escalateAfter(t) / time.Hour)}
	ids, err := u.experts(ctx, t, &intranet.Question{})
	if err != nil {
		return info, err
	}
	bySkill := ids[len(t.Experts):]
	for _, id := range bySkill[:min(len(bySkill), 8)] {
		p, err := u.cfg.People.FindPersonByID(ctx, id)
		if err != nil {
			return info, err
		}
		info.BySkill = append(info.BySkill, p.Name)
	}
	info.More = max(len(bySkill)-8, 0)
	return info, nil
}

// routed returns the experts a question goes to now (experts), without
// those who marked themselves away today: they get it again, with no
// action, once the last day they gave has passed. A topic's listing shows
// every expert.
func (u *Unit) routed(ctx context.Context, topic *intranet.Topic, q *intranet.Question) ([]int64, error) {
	ids, err := u.experts(ctx, topic, q)
	if err != nil {
		return nil, err
	}
	today := u.cfg.Today().String()
	out := ids[:0:0]
	for _, id := range ids {
		p, err := u.cfg.People.FindPersonByID(ctx, id)
		if intranet.ErrorCode(err) == intranet.ENOTFOUND {
			continue
		} else if err != nil {
			return nil, err
		}
		if !p.AwayOn(today) {
			out = append(out, id)
		}
	}
	return out, nil
}

// experts returns the people a question goes to, in order: the topic's
// named experts, then those whose phonebook skills match the topic's name
// (without a topic: a word of the question), never the asker or a guest.
func (u *Unit) experts(ctx context.Context, topic *intranet.Topic, q *intranet.Question) ([]int64, error) {
	var out []int64
	seen := map[int64]bool{q.AskerID: true}
	if topic != nil {
		for _, e := range topic.Experts {
			if !seen[e.PersonID] {
				seen[e.PersonID] = true
				out = append(out, e.PersonID)
			}
		}
	}
	skills, err := u.cfg.People.Skills(ctx)
	if err != nil {
		return nil, err
	}
	var match []string
	for _, s := range skills {
		if topic != nil && skillMatches(s, phonebook.Words(topic.Name)) || topic == nil && skillInText(s, q.Text) {
			match = append(match, s)
		}
	}
	if len(match) == 0 {
		return out, nil
	}
	res, err := u.cfg.People.SearchPeople(ctx, intranet.PersonSearch{Skills: match, Limit: 50})
	if err != nil {
		return nil, err
	}
	for _, m := range res.Matches {
		if !seen[m.Person.ID] && !m.Person.IsGuest() {
			seen[m.Person.ID] = true
			out = append(out, m.Person.ID)
		}
	}
	return out, nil
}

// skillMatches reports whether a skill names the topic: the topic's words
// (folded) all among the skill's.
func skillMatches(skill string, topicWords []string) bool {
	if len(topicWords) == 0 {
		return false
	}
	have := map[string]bool{}
	for _, w := range phonebook.Words(skill) {
		have[w] = true
	}
	for _, w := range topicWords {
		if !have[w] {
			return false
		}
	}
	return true
}

// skillInText reports whether every word of a skill is a word of the text.
func skillInText(skill, text string) bool {
	words := phonebook.Words(skill)
	return len(words) > 0 && skillMatches(text, words)
}
