package main

import (
	"context"
	"fmt"
	"time"

	"github.com/werkplek/werkplek/adapters/console"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/demo"
)

// seedDemoQuestions adds the demo's question topics (with their experts and
// console channels) and questions, answered and accepted as the demo says,
// once: when the database has no topics yet.
func (m *Main) seedDemoQuestions(ctx context.Context) error {
	if topics, err := m.Store.Topics(ctx); err != nil || len(topics) > 0 {
		return err
	}
	person := func(email string) (int64, error) {
		p, err := m.Store.FindPersonByEmail(ctx, email)
		if err != nil {
			return 0, fmt.Errorf("seed the demo questions: %s: %w", email, err)
		}
		return p.ID, nil
	}
	ids := map[string]int64{}
	for _, t := range demo.Topics() {
		owner, err := person(t.Owner)
		if err != nil {
			return err
		}
		topic, err := m.Store.CreateTopic(ctx, t.Name, owner)
		if err != nil {
			return fmt.Errorf("seed the demo questions: %w", err)
		}
		ids[t.Name] = topic.ID
		if t.Partners {
			if err := m.Store.SetTopicPartners(ctx, topic.ID, true); err != nil {
				return fmt.Errorf("seed the demo questions: %w", err)
			}
		}
		for _, e := range t.Experts {
			id, err := person(e)
			if err != nil {
				return err
			}
			if err := m.Store.SetTopicExpert(ctx, topic.ID, id, true); err != nil {
				return fmt.Errorf("seed the demo questions: %w", err)
			}
		}
		if t.Channel != "" {
			if err := m.Store.LinkTopicChannel(ctx, topic.ID, intranet.TopicChannel{Platform: intranet.PlatformConsole, Installation: console.Installation, ChannelID: t.Channel}); err != nil {
				return fmt.Errorf("seed the demo questions: %w", err)
			}
		}
	}
	now := time.Now()
	for _, q := range demo.Questions() {
		asker, err := person(q.Asker)
		if err != nil {
			return err
		}
		at := now.Add(-q.Age)
		question, err := m.Store.CreateQuestion(ctx, intranet.NewQuestion{AskerID: asker, TopicID: ids[q.Topic], Text: q.Text, Lang: "nl", Platform: intranet.PlatformConsole}, at)
		if err != nil {
			return fmt.Errorf("seed the demo questions: %w", err)
		}
		if q.Answer == "" {
			continue
		}
		author, err := person(q.Answerer)
		if err != nil {
			return err
		}
		a, err := m.Store.AddAnswer(ctx, question.ID, author, q.Answer, at.Add(40*time.Minute))
		if err != nil {
			return fmt.Errorf("seed the demo questions: %w", err)
		}
		if q.Accepted {
			if _, err := m.Store.AcceptAnswer(ctx, question.ID, a.ID, asker, at.Add(time.Hour)); err != nil {
				return fmt.Errorf("seed the demo questions: %w", err)
			}
		}
	}
	return nil
}
