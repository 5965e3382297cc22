package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/phonebook"
)

// ---- topics ----

type topicRow struct {
	ID            int64
	Name          string
	OwnerID       *int64
	Owner         string
	EscalateHours int
	Partners      bool
}

// CreateTopic stores a new topic owned by ownerID.
func (s *Store) CreateTopic(ctx context.Context, name string, ownerID int64) (*intranet.Topic, error) {
	name = strings.Join(strings.Fields(name), " ")
	key := phonebook.Key(name)
	if key == "" {
		return nil, intranet.Errorf(intranet.EINVALID, "A topic needs a name.")
	}
	var owner *int64
	if ownerID != 0 {
		owner = &ownerID
	}
	var id int64
	err := s.conn(ctx).Raw("INSERT INTO question_topics (name, key, owner_id, created_at) VALUES (?, ?, ?, ?) RETURNING id", name, key, owner, questionTime(s.Now())).Scan(&id).Error
	if err = translate(err); intranet.ErrorCode(err) == intranet.ECONFLICT {
		return nil, intranet.Errorf(intranet.ECONFLICT, "There is a topic %q already.", name)
	} else if err != nil {
		return nil, fmt.Errorf("create topic: %w", err)
	}
	return s.FindTopicByID(ctx, id)
}

// Topics returns every topic, by name.
func (s *Store) Topics(ctx context.Context) ([]*intranet.Topic, error) {
	return s.topicsWhere(ctx, "")
}

// FindTopicByID returns ENOTFOUND for an unknown id.
func (s *Store) FindTopicByID(ctx context.Context, id int64) (*intranet.Topic, error) {
	return s.oneTopic(ctx, fmt.Sprintf("No topic %d.", id), "t.id = ?", id)
}

// FindTopicByName matches case- and accent-insensitively.
func (s *Store) FindTopicByName(ctx context.Context, name string) (*intranet.Topic, error) {
	return s.oneTopic(ctx, fmt.Sprintf("No topic %q.", name), "t.key = ?", phonebook.Key(name))
}

// FindTopicByChannel returns the topic a channel is linked to.
func (s *Store) FindTopicByChannel(ctx context.Context, platform intranet.Platform, channelID string) (*intranet.Topic, error) {
	return s.oneTopic(ctx, "This channel belongs to no topic.", "t.id IN (SELECT topic_id FROM question_channels WHERE platform = ? AND channel_id = ?)", string(platform), channelID)
}

func (s *Store) oneTopic(ctx context.Context, missing, where string, args ...any) (*intranet.Topic, error) {
	list, err := s.topicsWhere(ctx, where, args...)
	if err != nil {
		return nil, err
	} else if len(list) == 0 {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "%s", missing)
	}
	return list[0], nil
}

func (s *Store) topicsWhere(ctx context.Context, where string, args ...any) ([]*intranet.Topic, error) {
	db := s.conn(ctx)
	q := "SELECT t.id, t.name, t.owner_id, COALESCE(p.name, '') AS owner, t.escalate_hours, t.partners FROM question_topics t LEFT JOIN people p ON p.id = t.owner_id"
	if where != "" {
		q += " WHERE " + where
	}
	var rows []topicRow
	if err := db.Raw(q+" ORDER BY t.key", args...).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("topics: %w", translate(err))
	}
	if len(rows) == 0 {
		return nil, nil
	}
	out := make([]*intranet.Topic, len(rows))
	byID := map[int64]*intranet.Topic{}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		t := &intranet.Topic{ID: r.ID, Name: r.Name, Owner: r.Owner, EscalateHours: r.EscalateHours, Partners: r.Partners}
		if r.OwnerID != nil {
			t.OwnerID = *r.OwnerID
		}
		out[i], byID[r.ID], ids[i] = t, t, r.ID
	}
	var experts []struct {
		TopicID  int64
		PersonID int64
		Name     string
		Email    string
	}
	if err := db.Raw("SELECT e.topic_id, e.person_id, p.name, p.email FROM question_experts e JOIN people p ON p.id = e.person_id WHERE p.active AND e.topic_id IN ? ORDER BY p.sort_key, p.id", ids).Scan(&experts).Error; err != nil {
		return nil, fmt.Errorf("topic experts: %w", translate(err))
	}
	for _, e := range experts {
		t := byID[e.TopicID]
		t.Experts = append(t.Experts, intranet.TopicExpert{PersonID: e.PersonID, Name: e.Name, Email: e.Email})
	}
	var channels []struct {
		TopicID      int64
		Platform     string
		Installation string
		ChannelID    string
	}
	if err := db.Raw("SELECT topic_id, platform, installation, channel_id FROM question_channels WHERE topic_id IN ? ORDER BY platform", ids).Scan(&channels).Error; err != nil {
		return nil, fmt.Errorf("topic channels: %w", translate(err))
	}
	for _, c := range channels {
		t := byID[c.TopicID]
		t.Channels = append(t.Channels, intranet.TopicChannel{Platform: intranet.Platform(c.Platform), Installation: c.Installation, ChannelID: c.ChannelID})
	}
	return out, nil
}

// SetTopicExpert adds or removes a named expert.
func (s *Store) SetTopicExpert(ctx context.Context, topicID, personID int64, on bool) error {
	return s.InTx(ctx, func(ctx context.Context) error {
		db := s.conn(ctx)
		var n int64
		if err := db.Raw("SELECT (SELECT COUNT(*) FROM question_topics WHERE id = ?) + (SELECT COUNT(*) FROM people WHERE id = ?)", topicID, personID).Scan(&n).Error; err != nil {
			return fmt.Errorf("set topic expert: %w", translate(err))
		} else if n != 2 {
			return intranet.Errorf(intranet.ENOTFOUND, "No topic %d or person %d.", topicID, personID)
		}
		var err error
		if on {
			err = db.Exec("INSERT INTO question_experts (topic_id, person_id) VALUES (?, ?) ON CONFLICT DO NOTHING", topicID, personID).Error
		} else {
			err = db.Exec("DELETE FROM question_experts WHERE topic_id = ? AND person_id = ?", topicID, personID).Error
		}
		if err != nil {
			return fmt.Errorf("set topic expert: %w", translate(err))
		}
		return nil
	})
}

// LinkTopicChannel makes ch the topic's channel on its platform.
func (s *Store) LinkTopicChannel(ctx context.Context, topicID int64, ch intranet.TopicChannel) error {
	return s.InTx(ctx, func(ctx context.Context) error {
		// A channel is unique per platform and a topic has one channel per
		// platform: two links at once take turns rather than collide.
		if err := s.lockName(s.conn(ctx), "question.channels"); err != nil {
			return fmt.Errorf("link topic channel: %w", translate(err))
		}
		db := s.conn(ctx)
		var n int64
		if err := db.Raw("SELECT COUNT(*) FROM question_topics WHERE id = ?", topicID).Scan(&n).Error; err != nil {
			return fmt.Errorf("link topic channel: %w", translate(err))
		} else if n == 0 {
			return intranet.Errorf(intranet.ENOTFOUND, "No topic %d.", topicID)
		}
		if err := db.Exec("DELETE FROM question_channels WHERE (topic_id = ? AND platform = ?) OR (platform = ? AND channel_id = ?)", topicID, string(ch.Platform), string(ch.Platform), ch.ChannelID).Error; err != nil {
			return fmt.Errorf("link topic channel: %w", translate(err))
		}
		if err := db.Exec("INSERT INTO question_channels (topic_id, platform, installation, channel_id) VALUES (?, ?, ?, ?)", topicID, string(ch.Platform), ch.Installation, ch.ChannelID).Error; err != nil {
			return fmt.Errorf("link topic channel: %w", translate(err))
		}
		return nil
	})
}

// SetTopicEscalation sets the topic's escalation time in working hours.
func (s *Store) SetTopicEscalation(ctx context.Context, topicID int64, hours int) error {
	if hours < 0 || hours > 80 {
		return intranet.Errorf(intranet.EINVALID, "An escalation time is 0 (the default) to 80 working hours.")
	}
	res := s.conn(ctx).Exec("UPDATE question_topics SET escalate_hours = ? WHERE id = ?", hours, topicID)
	if res.Error != nil {
		return fmt.Errorf("set topic escalation: %w", translate(res.Error))
	} else if res.RowsAffected == 0 {
		return intranet.Errorf(intranet.ENOTFOUND, "No topic %d.", topicID)
	}
	return nil
}

// SetTopicPartners opens the topic to partners or closes it.
func (s *Store) SetTopicPartners(ctx context.Context, topicID int64, on bool) error {
	res := s.conn(ctx).Exec("UPDATE question_topics SET partners = ? WHERE id = ?", on, topicID)
	if res.Error != nil {
		return fmt.Errorf("set topic partners: %w", translate(res.Error))
	} else if res.RowsAffected == 0 {
		return intranet.Errorf(intranet.ENOTFOUND, "No topic %d.", topicID)
	}
	return nil
}
