package questions

import (
	"context"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// HomeMax is how many questions the caller's home shows at most.
const HomeMax = 5

// homeLook is how many open questions the home looks through for those
// waiting for the caller.
const homeLook = 50

// Home is the questions part of the caller's home: the open questions
// (nobody answered yet) of others that wait for them, newest first, at
// most HomeMax, each with the Answer button of the experts' DM; nil when
// there is none.
func (u *Unit) Home(ctx context.Context, c *feature.Call) ([]intranet.Section, error) {
	if c.Guest {
		return nil, nil
	}
	open, err := u.cfg.Questions.Questions(ctx, intranet.QuestionFilter{States: []intranet.QuestionState{intranet.QuestionOpen}, Limit: homeLook})
	if err != nil {
		return nil, err
	}
	topics := map[int64]*intranet.Topic{}
	var mine []*intranet.Question
	for _, q := range open {
		if len(mine) == HomeMax {
			break
		}
		if q.AskerID == c.Person.ID {
			continue
		}
		topic, ok := topics[q.TopicID]
		if !ok {
			if topic, err = u.findTopicByID(ctx, q.TopicID); err != nil {
				return nil, err
			}
			topics[q.TopicID] = topic
		}
		waits, err := u.waitsFor(ctx, q, topic, c.Person.ID)
		if err != nil {
			return nil, err
		}
		if waits {
			mine = append(mine, q)
		}
	}
	return homeView(c, mine), nil
}

// waitsFor reports whether an open question waits for the person: they
// are an expert of its topic, or it went to them (the experts its steps
// so far asked, and the topic's owner at the last step).
func (u *Unit) waitsFor(ctx context.Context, q *intranet.Question, topic *intranet.Topic, personID int64) (bool, error) {
	if topic != nil && (topic.IsExpert(personID) || q.Step >= 2 && topic.OwnerID == personID) {
		return true, nil
	}
	experts, err := u.routed(ctx, topic, q)
	if err != nil {
		return false, err
	}
	asked := experts[:min(len(experts), (min(q.Step, 1)+1)*MaxExpertsPerStep)]
	for _, id := range asked {
		if id == personID {
			return true, nil
		}
	}
	return false, nil
}
