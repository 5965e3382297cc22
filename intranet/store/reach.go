package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/werkplek/werkplek/intranet"
)

// Reaching people: when each account was last used, each person's quiet
// hours, and DMs to a person whose account is chosen when they are
// delivered, held through the person's quiet hours.
func init() {
	register(migration{9, "reaching people: accounts' last use, quiet hours, DMs to a person held until their quiet hours end", `
ALTER TABLE accounts ADD COLUMN last_seen timestamptz;
ALTER TABLE people ADD COLUMN quiet_hours text NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN person_id bigint NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN asked boolean NOT NULL DEFAULT false;
ALTER TABLE outbox ADD COLUMN guests boolean NOT NULL DEFAULT false;
ALTER TABLE outbox ADD COLUMN if_unreachable text NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN release_at timestamptz;
CREATE INDEX outbox_held ON outbox (person_id, release_at) WHERE state = 'held';
`, `
ALTER TABLE accounts ADD COLUMN last_seen DATETIME;
ALTER TABLE people ADD COLUMN quiet_hours TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN person_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN asked BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE outbox ADD COLUMN guests BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE outbox ADD COLUMN if_unreachable TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN release_at DATETIME;
CREATE INDEX outbox_held ON outbox (person_id, release_at) WHERE state = 'held';
`})
}

// touchEvery is how stale an account's last use may be before a request
// writes it again: a DM goes where someone was active last, and a few
// minutes do not change that.
const touchEvery = 5 * time.Minute

// TouchAccount records that the account was used at at, unless it was
// within touchEvery already. Returns ENOTFOUND for an unlinked account.
func (s *Store) TouchAccount(ctx context.Context, platform intranet.Platform, installation, userID string, at time.Time) error {
	at = at.UTC().Truncate(time.Second)
	// In a transaction, so that SQLite takes its write lock at once and
	// waits its turn (an UPDATE on its own may find the lock taken
	// between its read and its write, and fail at once).
	var touched int64
	err := s.InTx(ctx, func(ctx context.Context) error {
		res := s.conn(ctx).Exec("UPDATE accounts SET last_seen = ? WHERE platform = ? AND installation = ? AND user_id = ? AND (last_seen IS NULL OR last_seen < ?)",
			at, string(platform), installation, userID, at.Add(-touchEvery))
		touched = res.RowsAffected
		return res.Error
	})
	if err != nil {
		return fmt.Errorf("touch account: %w", translate(err))
	}
	if touched == 0 {
		if _, err := s.FindAccount(ctx, platform, installation, userID); err != nil {
			return err
		}
	}
	return nil
}

// SetQuietHours stores a person's own quiet hours.
func (s *Store) SetQuietHours(ctx context.Context, personID int64, hours string) error {
	res := s.conn(ctx).Exec("UPDATE people SET quiet_hours = ?, updated_at = ? WHERE id = ?", hours, s.Now().UTC(), personID)
	if res.Error != nil {
		return fmt.Errorf("set quiet hours: %w", translate(res.Error))
	} else if res.RowsAffected == 0 {
		return intranet.Errorf(intranet.ENOTFOUND, "No person %d.", personID)
	}
	return nil
}

// ResolveOutbox records the account a DM to a person goes to.
func (s *Store) ResolveOutbox(ctx context.Context, id int64, to intranet.Destination) error {
	err := s.conn(ctx).Exec("UPDATE outbox SET platform = ?, installation = ?, user_id = ? WHERE id = ?",
		string(to.Platform), to.Installation, to.UserID, id).Error
	if err != nil {
		return fmt.Errorf("resolve outbox %d: %w", id, translate(err))
	}
	return nil
}

// HoldOutbox keeps a DM until release (its person's quiet hours end).
func (s *Store) HoldOutbox(ctx context.Context, id int64, release time.Time) error {
	err := s.conn(ctx).Exec("UPDATE outbox SET state = ?, release_at = ? WHERE id = ? AND state = ?",
		string(intranet.OutboxHeld), release.UTC().Truncate(time.Second), id, string(intranet.OutboxPending)).Error
	if err != nil {
		return fmt.Errorf("hold outbox %d: %w", id, translate(err))
	}
	return nil
}

// HeldOutbox returns a person's held DMs whose release is at or before
// until, oldest first, locked until the transaction of ctx ends.
func (s *Store) HeldOutbox(ctx context.Context, personID int64, until time.Time) ([]intranet.OutboxEntry, error) {
	var rows []outboxRow
	q := s.conn(ctx).Where("person_id = ? AND state = ? AND release_at <= ?", personID, string(intranet.OutboxHeld), until.UTC()).Order("id")
	if err := s.forUpdate(q).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("held outbox: %w", translate(err))
	}
	out := make([]intranet.OutboxEntry, 0, len(rows))
	for _, r := range rows {
		e, err := r.entry()
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// ReleaseOutbox makes held DMs pending again, to be delivered now
// (asked: quiet hours no longer hold them).
func (s *Store) ReleaseOutbox(ctx context.Context, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	err := s.conn(ctx).Exec("UPDATE outbox SET state = ?, asked = ?, release_at = NULL WHERE id IN ? AND state = ?",
		string(intranet.OutboxPending), true, ids, string(intranet.OutboxHeld)).Error
	if err != nil {
		return fmt.Errorf("release outbox: %w", translate(err))
	}
	return nil
}

// MarkOutboxMerged records that held DMs went out inside another message.
func (s *Store) MarkOutboxMerged(ctx context.Context, ids []int64, into int64) error {
	if len(ids) == 0 {
		return nil
	}
	err := s.conn(ctx).Exec("UPDATE outbox SET state = ?, last_error = ?, release_at = NULL, sent_at = ? WHERE id IN ? AND state = ?",
		string(intranet.OutboxSent), fmt.Sprintf("sent in message %d", into), s.Now().UTC(), ids, string(intranet.OutboxHeld)).Error
	if err != nil {
		return fmt.Errorf("merge outbox: %w", translate(err))
	}
	return nil
}

// deliveryFields are the columns PutOutbox writes for a DM to a person.
func deliveryFields(d intranet.Delivery) (personID int64, fallback string, err error) {
	if len(d.IfUnreachable) > 0 {
		b, err := json.Marshal(d.IfUnreachable)
		if err != nil {
			return 0, "", err
		}
		fallback = string(b)
	}
	return d.To.PersonID, fallback, nil
}
