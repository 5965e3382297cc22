package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"gorm.io/gorm"
)

// mailRow is an outbound message kept for the console.
type mailRow struct {
	ID           int64 `gorm:"primaryKey"`
	Platform     string
	Installation string
	ChannelID    string
	UserID       string
	Reply        string
	Replaced     bool
	CreatedAt    time.Time
	ReadAt       *time.Time
}

func (mailRow) TableName() string { return "mail" }

// PutMail stores a delivery and returns its reference.
func (s *Store) PutMail(ctx context.Context, d intranet.Delivery) (intranet.MessageRef, error) {
	body, err := json.Marshal(d.Reply)
	if err != nil {
		return intranet.MessageRef{}, fmt.Errorf("put mail: %w", err)
	}
	row := mailRow{Platform: string(d.To.Platform), Installation: d.To.Installation, ChannelID: d.To.ChannelID, UserID: d.To.UserID, Reply: string(body), CreatedAt: s.Now().UTC()}
	if err := s.db.WithContext(ctx).Create(&row).Error; err != nil {
		return intranet.MessageRef{}, fmt.Errorf("put mail: %w", translate(err))
	}
	return intranet.MessageRef{Platform: d.To.Platform, Installation: d.To.Installation, ChannelID: d.To.ChannelID, ID: strconv.FormatInt(row.ID, 10)}, nil
}

// ReplaceMail replaces a stored message's content and marks it unread.
func (s *Store) ReplaceMail(ctx context.Context, ref intranet.MessageRef, r intranet.Reply) error {
	id, err := strconv.ParseInt(ref.ID, 10, 64)
	if err != nil {
		return intranet.Errorf(intranet.ENOTFOUND, "No message %q.", ref.ID)
	}
	body, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("replace mail: %w", err)
	}
	res := s.db.WithContext(ctx).Exec("UPDATE mail SET reply = ?, replaced = ?, read_at = NULL WHERE id = ?", string(body), true, id)
	if res.Error != nil {
		return fmt.Errorf("replace mail: %w", translate(res.Error))
	} else if res.RowsAffected == 0 {
		return intranet.Errorf(intranet.ENOTFOUND, "No message %q.", ref.ID)
	}
	return nil
}

// TakeMail returns the unread messages for the person and the channel,
// oldest first, and marks them read, in one transaction so that two consoles
// of one person do not both show a message.
func (s *Store) TakeMail(ctx context.Context, platform intranet.Platform, userID, channelID string) ([]intranet.Mail, error) {
	var rows []mailRow
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		q := tx.Where("platform = ? AND read_at IS NULL AND ((user_id = ? AND user_id <> '') OR (channel_id = ? AND user_id = ''))", string(platform), userID, channelID).Order("id")
		if s.engine == Postgres {
			q = q.Clauses(lockingClause())
		}
		if err := q.Find(&rows).Error; err != nil {
			return err
		}
		if len(rows) == 0 {
			return nil
		}
		ids := make([]int64, len(rows))
		for i, r := range rows {
			ids[i] = r.ID
		}
		return tx.Exec("UPDATE mail SET read_at = ? WHERE id IN ?", s.Now().UTC(), ids).Error
	})
	if err != nil {
		return nil, fmt.Errorf("take mail: %w", translate(err))
	}
	out := make([]intranet.Mail, 0, len(rows))
	for _, r := range rows {
		var reply intranet.Reply
		if err := json.Unmarshal([]byte(r.Reply), &reply); err != nil {
			return nil, fmt.Errorf("take mail %d: %w", r.ID, err)
		}
		out = append(out, intranet.Mail{
			ID:      r.ID,
			To:      intranet.Destination{Platform: intranet.Platform(r.Platform), Installation: r.Installation, ChannelID: r.ChannelID, UserID: r.UserID},
			Reply:   reply,
			Created: r.CreatedAt,
			Updated: r.Replaced,
		})
	}
	return out, nil
}
