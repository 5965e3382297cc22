package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"gorm.io/gorm/clause"
)

type outboxRow struct {
	ID               int64 `gorm:"primaryKey"`
	Key              string
	Platform         string
	Installation     string
	ChannelID        string
	UserID           string
	Reply            string
	State            string
	Attempts         int
	LastError        string
	MessageID        string
	MessageChannelID string
	CreatedAt        time.Time
	SentAt           *time.Time
	// A DM to a person (reach.go): its account is chosen when delivered.
	PersonID      int64
	Asked         bool
	Guests        bool
	IfUnreachable string
	ReleaseAt     *time.Time
	// A delivery to a webhook endpoint (api.go): the event it posts.
	Event string
}

func (outboxRow) TableName() string { return "outbox" }

// PutOutbox records the intent to deliver d, once per d.Key, and returns the
// entry's id and whether it is new. It joins the transaction of ctx.
func (s *Store) PutOutbox(ctx context.Context, d intranet.Delivery) (int64, bool, error) {
	body, err := json.Marshal(d.Reply)
	if err != nil {
		return 0, false, fmt.Errorf("put outbox: %w", err)
	}
	personID, fallback, err := deliveryFields(d)
	if err != nil {
		return 0, false, fmt.Errorf("put outbox: %w", err)
	}
	row := outboxRow{Key: d.Key, Platform: string(d.To.Platform), Installation: d.To.Installation, ChannelID: d.To.ChannelID, UserID: d.To.UserID,
		Reply: string(body), State: string(intranet.OutboxPending), CreatedAt: s.Now().UTC(),
		PersonID: personID, Asked: d.Asked, Guests: d.Guests, IfUnreachable: fallback}
	if !d.Release.IsZero() {
		release := d.Release.UTC().Truncate(time.Second)
		row.State, row.ReleaseAt = string(intranet.OutboxHeld), &release
	}
	if d.Event != nil {
		ev, err := json.Marshal(d.Event)
		if err != nil {
			return 0, false, fmt.Errorf("put outbox: %w", err)
		}
		row.Event = string(ev)
	}
	db := s.conn(ctx)
	res := db.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "key"}}, DoNothing: true}).Create(&row)
	if res.Error != nil {
		return 0, false, fmt.Errorf("put outbox: %w", translate(res.Error))
	}
	if res.RowsAffected == 1 && row.ID != 0 {
		return row.ID, true, nil
	}
	var id int64
	if err := db.Raw("SELECT id FROM outbox WHERE key = ?", d.Key).Scan(&id).Error; err != nil || id == 0 {
		return 0, false, fmt.Errorf("put outbox: %w", translate(err))
	}
	return id, false, nil
}

// OutboxEntry returns an outbox entry. Returns ENOTFOUND.
func (s *Store) OutboxEntry(ctx context.Context, id int64) (intranet.OutboxEntry, error) {
	var rows []outboxRow
	if err := s.conn(ctx).Where("id = ?", id).Limit(1).Find(&rows).Error; err != nil {
		return intranet.OutboxEntry{}, fmt.Errorf("outbox entry: %w", translate(err))
	} else if len(rows) == 0 {
		return intranet.OutboxEntry{}, intranet.Errorf(intranet.ENOTFOUND, "No outbound message %d.", id)
	}
	return rows[0].entry()
}

// entry reads a row into an OutboxEntry.
func (r outboxRow) entry() (intranet.OutboxEntry, error) {
	e := intranet.OutboxEntry{
		ID: r.ID, Key: r.Key, State: intranet.OutboxState(r.State), Attempts: r.Attempts, LastError: r.LastError, Created: r.CreatedAt,
		To:    intranet.Destination{Platform: intranet.Platform(r.Platform), Installation: r.Installation, ChannelID: r.ChannelID, UserID: r.UserID, PersonID: r.PersonID},
		Asked: r.Asked, Guests: r.Guests,
	}
	if r.MessageID != "" {
		e.Ref = intranet.MessageRef{Platform: e.To.Platform, Installation: r.Installation, ChannelID: r.MessageChannelID, ID: r.MessageID}
	}
	if r.SentAt != nil {
		e.Sent = *r.SentAt
	}
	if r.ReleaseAt != nil {
		e.Release = *r.ReleaseAt
	}
	if err := json.Unmarshal([]byte(r.Reply), &e.Reply); err != nil {
		return intranet.OutboxEntry{}, fmt.Errorf("outbox entry %d: %w", r.ID, err)
	}
	if r.Event != "" {
		e.Event = new(intranet.Event)
		if err := json.Unmarshal([]byte(r.Event), e.Event); err != nil {
			return intranet.OutboxEntry{}, fmt.Errorf("outbox entry %d: %w", r.ID, err)
		}
	}
	if r.IfUnreachable != "" {
		if err := json.Unmarshal([]byte(r.IfUnreachable), &e.IfUnreachable); err != nil {
			return intranet.OutboxEntry{}, fmt.Errorf("outbox entry %d: %w", r.ID, err)
		}
	}
	return e, nil
}

// MarkOutboxSent records that entry id was delivered as ref.
func (s *Store) MarkOutboxSent(ctx context.Context, id int64, ref intranet.MessageRef) error {
	err := s.conn(ctx).Exec("UPDATE outbox SET state = ?, attempts = attempts + 1, last_error = '', message_id = ?, message_channel_id = ?, sent_at = ? WHERE id = ?",
		string(intranet.OutboxSent), ref.ID, ref.ChannelID, s.Now().UTC(), id).Error
	if err != nil {
		return fmt.Errorf("mark outbox sent: %w", translate(err))
	}
	return nil
}

// MarkOutboxAttempt records a failed attempt at entry id; with failed the
// entry failed for good.
func (s *Store) MarkOutboxAttempt(ctx context.Context, id int64, cause string, failed bool) error {
	state := intranet.OutboxPending
	if failed {
		state = intranet.OutboxFailed
	}
	err := s.conn(ctx).Exec("UPDATE outbox SET state = ?, attempts = attempts + 1, last_error = ? WHERE id = ?", string(state), cause, id).Error
	if err != nil {
		return fmt.Errorf("mark outbox attempt: %w", translate(err))
	}
	return nil
}
