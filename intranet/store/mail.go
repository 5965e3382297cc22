package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"gorm.io/gorm"
)

// Mail is kept for the console, which has no live connection. A message
// once read by one console used to be read for all; now each viewer (the
// console's person) keeps its own marks, so a channel's posts reach every
// console open on it and a replaced card (version + 1) is shown again to
// each viewer once. Channel posts some console read before this migration
// are shown once more to each viewer: who read them was not recorded.
func init() {
	register(migration{8, "mail: each viewer's own read marks, a version per replacement", `
ALTER TABLE mail ADD COLUMN version integer NOT NULL DEFAULT 0;
UPDATE mail SET version = 1 WHERE replaced;
CREATE TABLE mail_seen (
	viewer text NOT NULL,
	mail_id bigint NOT NULL REFERENCES mail(id) ON DELETE CASCADE,
	version integer NOT NULL,
	PRIMARY KEY (viewer, mail_id)
);
INSERT INTO mail_seen (viewer, mail_id, version) SELECT user_id, id, version FROM mail WHERE user_id <> '' AND read_at IS NOT NULL;
DROP INDEX mail_unread;
ALTER TABLE mail DROP COLUMN read_at;
ALTER TABLE mail DROP COLUMN replaced;
CREATE INDEX mail_to ON mail (platform, user_id, channel_id, id);
`, `
ALTER TABLE mail ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
UPDATE mail SET version = 1 WHERE replaced;
CREATE TABLE mail_seen (
	viewer TEXT NOT NULL,
	mail_id INTEGER NOT NULL REFERENCES mail(id) ON DELETE CASCADE,
	version INTEGER NOT NULL,
	PRIMARY KEY (viewer, mail_id)
);
INSERT INTO mail_seen (viewer, mail_id, version) SELECT user_id, id, version FROM mail WHERE user_id <> '' AND read_at IS NOT NULL;
DROP INDEX mail_unread;
ALTER TABLE mail DROP COLUMN read_at;
ALTER TABLE mail DROP COLUMN replaced;
CREATE INDEX mail_to ON mail (platform, user_id, channel_id, id);
`})
}

// mailRow is an outbound message kept for the console.
type mailRow struct {
	ID           int64 `gorm:"primaryKey"`
	Platform     string
	Installation string
	ChannelID    string
	UserID       string
	Reply        string
	Version      int
	CreatedAt    time.Time
}

func (mailRow) TableName() string { return "mail" }

// takeBatch is the most messages one TakeMail returns; the rest come with
// the next (a console asks every second).
const takeBatch = 200

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

// ReplaceMail replaces a stored message's content as a new version, which
// every viewer is shown once more.
func (s *Store) ReplaceMail(ctx context.Context, ref intranet.MessageRef, r intranet.Reply) error {
	id, err := strconv.ParseInt(ref.ID, 10, 64)
	if err != nil {
		return intranet.Errorf(intranet.ENOTFOUND, "No message %q.", ref.ID)
	}
	body, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("replace mail: %w", err)
	}
	res := s.db.WithContext(ctx).Exec("UPDATE mail SET reply = ?, version = version + 1 WHERE id = ?", string(body), id)
	if res.Error != nil {
		return fmt.Errorf("replace mail: %w", translate(res.Error))
	} else if res.RowsAffected == 0 {
		return intranet.Errorf(intranet.ENOTFOUND, "No message %q.", ref.ID)
	}
	return nil
}

// TakeMail returns what the viewer has not seen yet, in the version it has
// now: DMs to the viewer and posts in the channel, oldest first. It marks
// them seen by the viewer in the same transaction; of two consoles of one
// viewer taking at once, the mark that commits first wins the message (the
// other's upsert then changes nothing and does not return it).
func (s *Store) TakeMail(ctx context.Context, platform intranet.Platform, viewer, channelID string) ([]intranet.Mail, error) {
	if viewer == "" {
		return nil, intranet.Errorf(intranet.EINVALID, "Mail is taken by a viewer.")
	}
	var rows []mailRow
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		err := tx.Raw(`SELECT m.id, m.platform, m.installation, m.channel_id, m.user_id, m.reply, m.version, m.created_at FROM mail m
WHERE m.platform = ? AND (m.user_id = ? OR (m.user_id = '' AND m.channel_id = ?))
AND NOT EXISTS (SELECT 1 FROM mail_seen s WHERE s.viewer = ? AND s.mail_id = m.id AND s.version >= m.version)
ORDER BY m.id LIMIT ?`, string(platform), viewer, channelID, viewer, takeBatch).Scan(&rows).Error
		if err != nil || len(rows) == 0 {
			return err
		}
		values := make([]string, len(rows))
		args := make([]any, 0, 3*len(rows))
		for i, r := range rows {
			values[i] = "(?, ?, ?)"
			args = append(args, viewer, r.ID, r.Version)
		}
		var won []int64
		err = tx.Raw(`INSERT INTO mail_seen (viewer, mail_id, version) VALUES `+strings.Join(values, ", ")+`
ON CONFLICT (viewer, mail_id) DO UPDATE SET version = excluded.version WHERE mail_seen.version < excluded.version
RETURNING mail_id`, args...).Scan(&won).Error
		if err != nil {
			return err
		}
		mine := make(map[int64]bool, len(won))
		for _, id := range won {
			mine[id] = true
		}
		kept := rows[:0]
		for _, r := range rows {
			if mine[r.ID] {
				kept = append(kept, r)
			}
		}
		rows = kept
		return nil
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
			Updated: r.Version > 0,
		})
	}
	return out, nil
}
