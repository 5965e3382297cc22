package questions

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/when"
)

// sentTo says where a question went.
type sentTo struct {
	channels []string
	experts  []string
}

// sendQuestion posts an open question in its topic's channels (through the
// outbox, remembering each card with its outbox entry), DMs the first
// experts and schedules the first escalation step. It runs in the
// question's transaction.
func (u *Unit) sendQuestion(ctx context.Context, q *intranet.Question, topic *intranet.Topic) (sentTo, error) {
	var sent sentTo
	if topic != nil {
		card := questionCard(q, q.Lang, true)
		for _, ch := range topic.Channels {
			if u.cfg.Platforms.Poster(ch.Platform) == nil {
				continue // the platform is off
			}
			d := intranet.Delivery{To: intranet.Destination{Platform: ch.Platform, Installation: ch.Installation, ChannelID: ch.ChannelID},
				Reply: card, Key: fmt.Sprintf("question-%d-card-%s-%s", q.ID, ch.Platform, ch.ChannelID)}
			id, err := u.cfg.Outbox.Send(ctx, d)
			if err != nil {
				return sent, err
			}
			post := intranet.QuestionPost{QuestionID: q.ID, OutboxID: id,
				Ref: intranet.MessageRef{Platform: ch.Platform, Installation: ch.Installation, ChannelID: ch.ChannelID}}
			// An outbox that delivered at once knows the message already.
			if e, err := u.cfg.Outbox.OutboxEntry(ctx, id); err == nil && e.State == intranet.OutboxSent {
				post.Ref = feature.SentRef(post.Ref, e.Ref)
			} else if err != nil && intranet.ErrorCode(err) != intranet.ENOTFOUND {
				return sent, err
			}
			if err := u.cfg.Questions.AddQuestionPost(ctx, post); err != nil {
				return sent, err
			}
			sent.channels = append(sent.channels, fmt.Sprintf("%s:%s", ch.Platform, ch.ChannelID))
		}
	}
	experts, err := u.routed(ctx, topic, q)
	if err != nil {
		return sent, err
	}
	if sent.experts, err = u.notifyExperts(ctx, q, topic, experts, 0); err != nil {
		return sent, err
	}
	return sent, u.scheduleEscalation(ctx, q, topic, 1, u.cfg.Now())
}

// notifyExperts DMs the experts of one step (step 0: the first five, step
// 1: the next five) and returns their names. An expert whom no platform
// reaches is told of to the asker and the topic's owner.
func (u *Unit) notifyExperts(ctx context.Context, q *intranet.Question, topic *intranet.Topic, experts []int64, step int) ([]string, error) {
	from := step * MaxExpertsPerStep
	if from >= len(experts) {
		return nil, nil
	}
	tell, err := u.people(ctx, q.AskerID, topicOwner(topic))
	if err != nil {
		return nil, err
	}
	var names []string
	for _, id := range experts[from:min(from+MaxExpertsPerStep, len(experts))] {
		p, err := u.cfg.People.FindPersonByID(ctx, id)
		if err != nil {
			return nil, err
		}
		dm := feature.DM{To: p, Key: fmt.Sprintf("question-%d-expert-%d", q.ID, id), Write: func(lang string) intranet.Reply { return expertDM(lang, q, step) }}
		for _, who := range tell {
			// The asker hears even as a partner: it is about their question;
			// but a partner is not told the expert's name (only their
			// contacts and who answers them are theirs to know).
			partner := who.IsPartner()
			dm.Unreachable = append(dm.Unreachable, feature.Notice{To: who, Key: fmt.Sprintf("question-%d-expert-%d-unreachable-%d", q.ID, id, who.ID), Guests: partner,
				Write: func(lang string) intranet.Reply {
					if partner {
						return expertUnreachableDM(lang, q, oneOfTheExperts(lang, topic))
					}
					return expertUnreachableDM(lang, q, p.Name)
				}})
		}
		if err := u.notifier.Send(ctx, dm); err != nil {
			return nil, err
		}
		names = append(names, p.Name)
	}
	return names, nil
}

func topicOwner(t *intranet.Topic) int64 {
	if t == nil {
		return 0
	}
	return t.OwnerID
}

// people finds people by id, once each, leaving out who is gone.
func (u *Unit) people(ctx context.Context, ids ...int64) ([]*intranet.Person, error) {
	var out []*intranet.Person
	seen := map[int64]bool{}
	for _, id := range ids {
		if id == 0 || seen[id] {
			continue
		}
		seen[id] = true
		p, err := u.cfg.People.FindPersonByID(ctx, id)
		if intranet.ErrorCode(err) == intranet.ENOTFOUND {
			continue
		} else if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

func escalationKey(id int64, step int) string { return fmt.Sprintf("question:%d:%d", id, step) }

// escalateAfter is the topic's escalation time, else the default.
func (u *Unit) escalateAfter(topic *intranet.Topic) time.Duration {
	h := u.cfg.EscalateHours
	if topic != nil && topic.EscalateHours > 0 {
		h = topic.EscalateHours
	}
	return time.Duration(h) * time.Hour
}

type jobPayload struct {
	ID   int64 `json:"id"`
	Step int   `json:"step"`
}

// scheduleEscalation schedules an escalation step of a question, the
// topic's working hours after from.
func (u *Unit) scheduleEscalation(ctx context.Context, q *intranet.Question, topic *intranet.Topic, step int, from time.Time) error {
	payload, err := json.Marshal(jobPayload{ID: q.ID, Step: step})
	if err != nil {
		return err
	}
	due := when.AddWorkingHours(from, u.escalateAfter(topic), u.cfg.Location)
	return u.cfg.Jobs.Schedule(ctx, QuestionEscalateJob, escalationKey(q.ID, step), due, payload)
}

// unscheduleEscalation cancels the pending steps of a question that was
// answered or closed (a step that runs anyway sees that and does nothing).
func (u *Unit) unscheduleEscalation(ctx context.Context, id int64) error {
	for step := 1; step <= 2; step++ {
		if err := u.cfg.Jobs.Cancel(ctx, QuestionEscalateJob, escalationKey(id, step)); err != nil {
			return fmt.Errorf("cancel escalation of question %d: %w", id, err)
		}
	}
	return nil
}

// escalateReopened schedules the next escalation step of a question that
// lost its only answer and is open again (its steps were cancelled when it
// was answered); after the last step, the owner has heard already.
func (u *Unit) escalateReopened(ctx context.Context, id int64) error {
	q, err := u.cfg.Questions.FindQuestionByID(ctx, id)
	if err != nil || q.State != intranet.QuestionOpen || q.Step >= 2 {
		return err
	}
	topic, err := u.findTopicByID(ctx, q.TopicID)
	if err != nil {
		return err
	}
	return u.scheduleEscalation(ctx, q, topic, q.Step+1, u.cfg.Now())
}

// escalateJob runs one escalation step of a question still unanswered:
// step 1 DMs the next experts, step 2 the topic's owner. A step with nobody
// to ask goes on to the next at once. Safe to run twice (the DM keys).
func (u *Unit) escalateJob(ctx context.Context, j intranet.Job) error {
	var p jobPayload
	if err := json.Unmarshal(j.Payload, &p); err != nil || p.ID == 0 {
		return intranet.FailJob(fmt.Errorf("question escalation payload %q: %v", j.Payload, err))
	}
	return feature.InTx(ctx, u.cfg.Tx, func(ctx context.Context) error {
		q, err := u.cfg.Questions.FindQuestionByID(ctx, p.ID)
		if intranet.ErrorCode(err) == intranet.ENOTFOUND {
			return nil
		} else if err != nil {
			return err
		}
		if q.State != intranet.QuestionOpen {
			return nil
		}
		topic, err := u.findTopicByID(ctx, q.TopicID)
		if err != nil {
			return err
		}
		if p.Step == 1 {
			experts, err := u.routed(ctx, topic, q)
			if err != nil {
				return err
			}
			names, err := u.notifyExperts(ctx, q, topic, experts, 1)
			if err != nil {
				return err
			}
			if len(names) > 0 {
				if err := u.cfg.Questions.SetQuestionStep(ctx, q.ID, 1); err != nil && intranet.ErrorCode(err) != intranet.ECONFLICT {
					return err
				}
				return u.scheduleEscalation(ctx, q, topic, 2, u.cfg.Now())
			}
			// Nobody else to ask: the owner hears at once.
		} else if p.Step != 2 {
			return intranet.FailJob(fmt.Errorf("question %d: no escalation step %d", q.ID, p.Step))
		}
		return u.tellOwner(ctx, q, topic)
	})
}

// tellOwner is the last step: the topic's owner hears of the question.
func (u *Unit) tellOwner(ctx context.Context, q *intranet.Question, topic *intranet.Topic) error {
	if topic == nil || topic.OwnerID == 0 {
		return nil
	}
	owner, err := u.cfg.People.FindPersonByID(ctx, topic.OwnerID)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return nil
	} else if err != nil {
		return err
	}
	if owner.ID != q.AskerID {
		if err := u.notifier.Send(ctx, feature.DM{To: owner, Key: fmt.Sprintf("question-%d-owner", q.ID), Write: func(lang string) intranet.Reply {
			return ownerDM(lang, q, topic, u.cfg.Location)
		}}); err != nil {
			return err
		}
	}
	if err := u.cfg.Questions.SetQuestionStep(ctx, q.ID, 2); err != nil && intranet.ErrorCode(err) != intranet.ECONFLICT {
		return err
	}
	return nil
}

// cardSource is the questions' posted cards, for feature.Cards.
type cardSource struct{ u *Unit }

var _ feature.CardSource = cardSource{}

// CardPosts returns a question's cards and its card now. Returns ENOTFOUND.
func (c cardSource) CardPosts(ctx context.Context, id int64) ([]feature.CardPost, intranet.Reply, error) {
	q, err := c.u.cfg.Questions.FindQuestionByID(ctx, id)
	if err != nil {
		return nil, intranet.Reply{}, err
	}
	posts, err := c.u.cfg.Questions.QuestionPosts(ctx, q.ID)
	if err != nil {
		return nil, intranet.Reply{}, err
	}
	cards := make([]feature.CardPost, len(posts))
	for i, p := range posts {
		cards[i] = feature.CardPost{Ref: p.Ref, OutboxID: p.OutboxID}
	}
	return cards, questionCard(q, q.Lang, true), nil
}

// CardPosted remembers where a card of the question went, so that a reply
// in its thread is found.
func (c cardSource) CardPosted(ctx context.Context, id int64, p feature.CardPost) error {
	return c.u.cfg.Questions.AddQuestionPost(ctx, intranet.QuestionPost{QuestionID: id, Ref: p.Ref, OutboxID: p.OutboxID})
}
