package store

import (
	"context"
	"fmt"

	"github.com/werkplek/werkplek/intranet"
)

func init() {
	register(migration{13, "news posts: which channel message carried which news items", `
CREATE TABLE news_posts (
	outbox_id bigint NOT NULL,
	position integer NOT NULL,
	item_id bigint NOT NULL REFERENCES news_items(id) ON DELETE CASCADE,
	platform text NOT NULL,
	installation text NOT NULL DEFAULT '',
	channel_id text NOT NULL,
	message_id text NOT NULL DEFAULT '',
	PRIMARY KEY (outbox_id, position)
);
CREATE INDEX news_posts_message ON news_posts (platform, channel_id, message_id);
`, `
CREATE TABLE news_posts (
	outbox_id INTEGER NOT NULL,
	position INTEGER NOT NULL,
	item_id INTEGER NOT NULL REFERENCES news_items(id) ON DELETE CASCADE,
	platform TEXT NOT NULL,
	installation TEXT NOT NULL DEFAULT '',
	channel_id TEXT NOT NULL,
	message_id TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (outbox_id, position)
);
CREATE INDEX news_posts_message ON news_posts (platform, channel_id, message_id);
`})
}

// AddNewsPost remembers a channel message that carried news items, one row
// per item in the message's order. The outbox entry is the message's
// identity: a message not yet delivered learns its id from it. Returns
// EINVALID without items or outbox entry.
func (s *Store) AddNewsPost(ctx context.Context, p intranet.NewsPost) error {
	if len(p.Items) == 0 || p.OutboxID == 0 {
		return intranet.Errorf(intranet.EINVALID, "A news post needs its items and its outbox entry.")
	}
	for i, id := range p.Items {
		err := s.conn(ctx).Exec(`INSERT INTO news_posts (outbox_id, position, item_id, platform, installation, channel_id, message_id) VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (outbox_id, position) DO NOTHING`,
			p.OutboxID, i, id, string(p.Ref.Platform), p.Ref.Installation, p.Ref.ChannelID, p.Ref.ID).Error
		if err != nil {
			return fmt.Errorf("add news post: %w", translate(err))
		}
	}
	return nil
}

// FindNewsPost returns the news message ref points at: its own message id,
// or, for one recorded before it was delivered, its outbox entry's.
func (s *Store) FindNewsPost(ctx context.Context, ref intranet.MessageRef) (*intranet.NewsPost, error) {
	if ref.ID == "" {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "No news message without a message id.")
	}
	var rows []struct {
		OutboxID     int64
		ItemID       int64
		Installation string
	}
	err := s.conn(ctx).Raw(`SELECT p.outbox_id, p.item_id, p.installation FROM news_posts p LEFT JOIN outbox o ON o.id = p.outbox_id AND o.state = 'sent'
WHERE p.platform = ? AND p.channel_id = ? AND (p.message_id = ? OR (p.message_id = '' AND o.message_id = ?)) ORDER BY p.outbox_id, p.position`,
		string(ref.Platform), ref.ChannelID, ref.ID, ref.ID).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("find news post: %w", translate(err))
	} else if len(rows) == 0 {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "That message carried no news.")
	}
	p := &intranet.NewsPost{OutboxID: rows[0].OutboxID, Ref: ref}
	p.Ref.Installation = rows[0].Installation
	for _, r := range rows {
		if r.OutboxID != p.OutboxID {
			break // one message is one outbox entry
		}
		p.Items = append(p.Items, r.ItemID)
	}
	return p, nil
}
