package store

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"gorm.io/gorm"
)

// A host's /room mine finds the partners' bookings they host.
func init() {
	register(migration{31, "bookings by host", `
CREATE INDEX bookings_host ON bookings (host_id, starts_at) WHERE host_id IS NOT NULL;
`, `
CREATE INDEX bookings_host ON bookings (host_id, starts_at) WHERE host_id IS NOT NULL;
`})
}

type bookingRow struct {
	ID          int64 `gorm:"primaryKey"`
	RoomID      int64
	PersonID    int64
	Title       string
	StartsAt    time.Time
	EndsAt      time.Time
	SeriesID    *int64
	Active      bool
	CancelledAt *time.Time
	CreatedAt   time.Time
	HostID      *int64
	// Room, Person, PersonOrg (the owner's partner organisation) and Host
	// are names, read through a join only.
	Room      string `gorm:"->"`
	Person    string `gorm:"->"`
	PersonOrg string `gorm:"->"`
	Host      string `gorm:"->"`
}

func (bookingRow) TableName() string { return "bookings" }

func (r bookingRow) booking() intranet.Booking {
	b := intranet.Booking{ID: r.ID, RoomID: r.RoomID, Room: r.Room, PersonID: r.PersonID, Person: r.Person, Organisation: r.PersonOrg,
		Host: r.Host, Title: r.Title, Slot: intranet.Slot{Start: r.StartsAt.UTC(), End: r.EndsAt.UTC()}, Created: r.CreatedAt.UTC()}
	if r.HostID != nil {
		b.HostID = *r.HostID
	}
	if r.SeriesID != nil {
		b.SeriesID = *r.SeriesID
	}
	if r.CancelledAt != nil {
		b.Cancelled = r.CancelledAt.UTC()
	} else if !r.Active {
		b.Cancelled = r.CreatedAt.UTC()
	}
	return b
}

// bookingTime is how a booking's time is stored: UTC to the second, so that
// SQLite's text timestamps compare in time order.
func bookingTime(t time.Time) time.Time { return t.UTC().Truncate(time.Second) }

const bookingColumns = `b.id, b.room_id, b.person_id, b.host_id, b.title, b.starts_at, b.ends_at, b.series_id, b.active, b.cancelled_at, b.created_at,
r.name AS room, p.name AS person, COALESCE(o.name, '') AS person_org, COALESCE(h.name, '') AS host
FROM bookings b JOIN rooms r ON r.id = b.room_id JOIN people p ON p.id = b.person_id
LEFT JOIN partner_orgs o ON o.id = p.organisation_id LEFT JOIN people h ON h.id = b.host_id`

// CreateBookings books every slot or none.
func (s *Store) CreateBookings(ctx context.Context, nb intranet.NewBookings) ([]intranet.Booking, error) {
	if len(nb.Slots) == 0 {
		return nil, intranet.Errorf(intranet.EINVALID, "No time to book.")
	}
	slots := make([]intranet.Slot, len(nb.Slots))
	for i, sl := range nb.Slots {
		slots[i] = intranet.Slot{Start: bookingTime(sl.Start), End: bookingTime(sl.End)}
		if !slots[i].End.After(slots[i].Start) {
			return nil, intranet.Errorf(intranet.EINVALID, "A booking must end after it starts.")
		}
	}
	for i := range slots {
		for j := i + 1; j < len(slots); j++ {
			if slots[i].Overlaps(slots[j]) {
				return nil, intranet.Errorf(intranet.EINVALID, "The times asked for overlap each other.")
			}
		}
	}
	var out []intranet.Booking
	err := s.roomTx(ctx, func(tx *gorm.DB) error {
		// Bookings of one room take turns on the room's row. Without this
		// lock, PostgreSQL's exclusion constraint alone still refuses every
		// overlap, but two inserts that wait on each other's uncommitted rows
		// end in "deadlock detected" instead of a clear conflict; the lock
		// also keeps a retirement from slipping between check and insert.
		room, err := s.findRoom(s.forUpdate(tx), nb.RoomID)
		if err != nil {
			return err
		}
		if room.Retired {
			return intranet.Errorf(intranet.EINVALID, "Room %s is retired and takes no bookings.", room.Name)
		}
		var person []struct{ Name, Org string }
		if err := tx.Raw("SELECT p.name, COALESCE(o.name, '') AS org FROM people p LEFT JOIN partner_orgs o ON o.id = p.organisation_id WHERE p.id = ?", nb.PersonID).
			Scan(&person).Error; err != nil {
			return err
		} else if len(person) == 0 {
			return intranet.Errorf(intranet.ENOTFOUND, "There is no person %d.", nb.PersonID)
		}
		var hostID *int64
		host := ""
		if nb.HostID != 0 {
			var hosts []string
			if err := tx.Raw("SELECT name FROM people WHERE id = ?", nb.HostID).Scan(&hosts).Error; err != nil {
				return err
			} else if len(hosts) == 0 {
				return intranet.Errorf(intranet.ENOTFOUND, "There is no person %d.", nb.HostID)
			}
			hostID, host = &nb.HostID, hosts[0]
		}
		if clashes, err := s.clashes(tx, nb.RoomID, slots); err != nil {
			return err
		} else if len(clashes) > 0 {
			return &intranet.BookingConflict{Clashes: clashes}
		}
		now := bookingTime(s.Now())
		rows := make([]bookingRow, len(slots))
		for i, sl := range slots {
			rows[i] = bookingRow{RoomID: nb.RoomID, PersonID: nb.PersonID, HostID: hostID, Title: strings.TrimSpace(nb.Title), StartsAt: sl.Start, EndsAt: sl.End, Active: true, CreatedAt: now}
		}
		if err := tx.Omit("Room", "Person", "PersonOrg", "Host").CreateInBatches(&rows, 500).Error; err != nil {
			return err
		}
		if len(rows) > 1 {
			ids := make([]int64, len(rows))
			for i, r := range rows {
				ids[i] = r.ID
			}
			if err := tx.Exec("UPDATE bookings SET series_id = ? WHERE id IN ?", rows[0].ID, ids).Error; err != nil {
				return err
			}
			for i := range rows {
				rows[i].SeriesID = &rows[0].ID
			}
		}
		for _, r := range rows {
			r.Room, r.Person, r.PersonOrg, r.Host = room.Name, person[0].Name, person[0].Org, host
			out = append(out, r.booking())
		}
		return nil
	})
	var conflict *intranet.BookingConflict
	switch {
	case err == nil:
		return out, nil
	case errors.As(err, &conflict):
		return nil, err
	}
	err = translate(err)
	if intranet.ErrorCode(err) == intranet.ECONFLICT {
		// PostgreSQL's constraint caught a booking that committed between
		// our check and our insert: name it now that it is visible.
		if clashes, cerr := s.clashes(s.db.WithContext(ctx), nb.RoomID, slots); cerr == nil && len(clashes) > 0 {
			return nil, &intranet.BookingConflict{Clashes: clashes}
		}
		return nil, &intranet.BookingConflict{}
	}
	return nil, fmt.Errorf("book room %d: %w", nb.RoomID, err)
}

// clashes returns, for each slot, the active bookings of the room that
// overlap it.
func (s *Store) clashes(db *gorm.DB, roomID int64, slots []intranet.Slot) ([]intranet.Clash, error) {
	lo, hi := slots[0].Start, slots[0].End
	for _, sl := range slots {
		if sl.Start.Before(lo) {
			lo = sl.Start
		}
		if sl.End.After(hi) {
			hi = sl.End
		}
	}
	var rows []bookingRow
	if err := db.Raw("SELECT "+bookingColumns+" WHERE b.room_id = ? AND b.active AND b.starts_at < ? AND b.ends_at > ? ORDER BY b.starts_at, b.id", roomID, hi, lo).Scan(&rows).Error; err != nil {
		return nil, err
	}
	var out []intranet.Clash
	for _, sl := range slots {
		for _, r := range rows {
			if b := r.booking(); sl.Overlaps(b.Slot) {
				out = append(out, intranet.Clash{Slot: sl, Booking: b})
			}
		}
	}
	return out, nil
}

// FindBookingByID returns ENOTFOUND for an unknown id.
func (s *Store) FindBookingByID(ctx context.Context, id int64) (*intranet.Booking, error) {
	var rows []bookingRow
	if err := s.conn(ctx).Raw("SELECT "+bookingColumns+" WHERE b.id = ?", id).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("find booking %d: %w", id, translate(err))
	} else if len(rows) == 0 {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "There is no booking %d.", id)
	}
	b := rows[0].booking()
	return &b, nil
}

// Bookings returns the bookings f selects, by start time.
func (s *Store) Bookings(ctx context.Context, f intranet.BookingFilter) ([]intranet.Booking, error) {
	var where []string
	var args []any
	if f.RoomID != 0 {
		where, args = append(where, "b.room_id = ?"), append(args, f.RoomID)
	}
	switch {
	case f.PersonID != 0 && f.Hosted:
		where, args = append(where, "(b.person_id = ? OR b.host_id = ?)"), append(args, f.PersonID, f.PersonID)
	case f.PersonID != 0:
		where, args = append(where, "b.person_id = ?"), append(args, f.PersonID)
	}
	if f.SeriesID != 0 {
		where, args = append(where, "b.series_id = ?"), append(args, f.SeriesID)
	}
	if !f.From.IsZero() {
		where, args = append(where, "b.ends_at > ?"), append(args, bookingTime(f.From))
	}
	if !f.To.IsZero() {
		where, args = append(where, "b.starts_at < ?"), append(args, bookingTime(f.To))
	}
	if !f.Cancelled {
		where = append(where, "b.active")
	}
	q := "SELECT " + bookingColumns
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY b.starts_at, b.id"
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	var rows []bookingRow
	if err := s.conn(ctx).Raw(q, args...).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("list bookings: %w", translate(err))
	}
	out := make([]intranet.Booking, len(rows))
	for i, r := range rows {
		out[i] = r.booking()
	}
	return out, nil
}

// CancelBooking cancels an active booking and returns it; it joins the
// transaction of ctx.
func (s *Store) CancelBooking(ctx context.Context, id int64, now time.Time) (*intranet.Booking, error) {
	t := bookingTime(now)
	res := s.conn(ctx).Exec("UPDATE bookings SET active = false, cancelled_at = ? WHERE id = ? AND active", t, id)
	if res.Error != nil {
		return nil, fmt.Errorf("cancel booking %d: %w", id, translate(res.Error))
	}
	b, err := s.FindBookingByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if res.RowsAffected == 0 {
		return b, intranet.Errorf(intranet.ECONFLICT, "Booking %d was cancelled already.", id)
	}
	return b, nil
}

// CancelSeries cancels a booking and the later active bookings of its
// series with one UPDATE, so that the series is cancelled whole or not at
// all, on both engines; it joins the transaction of ctx.
func (s *Store) CancelSeries(ctx context.Context, id int64, now time.Time) ([]intranet.Booking, error) {
	b, err := s.FindBookingByID(ctx, id)
	if err != nil {
		return nil, err
	}
	t := bookingTime(now)
	db := s.conn(ctx)
	var ids []int64
	q, args := "UPDATE bookings SET active = false, cancelled_at = ? WHERE id = ? AND active RETURNING id", []any{t, id}
	if b.SeriesID != 0 {
		q = `UPDATE bookings SET active = false, cancelled_at = ? WHERE series_id = ? AND active AND (id = ? OR starts_at > ?)
AND EXISTS (SELECT 1 FROM bookings x WHERE x.id = ? AND x.active) RETURNING id`
		args = []any{t, b.SeriesID, id, bookingTime(b.Start), id}
	}
	if err := db.Raw(q, args...).Scan(&ids).Error; err != nil {
		return nil, fmt.Errorf("cancel series of booking %d: %w", id, translate(err))
	}
	if len(ids) == 0 {
		return nil, intranet.Errorf(intranet.ECONFLICT, "Booking %d was cancelled already.", id)
	}
	var rows []bookingRow
	if err := db.Raw("SELECT "+bookingColumns+" WHERE b.id IN ? ORDER BY b.starts_at, b.id", ids).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("cancel series of booking %d: %w", id, translate(err))
	}
	out := make([]intranet.Booking, len(rows))
	for i, r := range rows {
		out[i] = r.booking()
	}
	return out, nil
}

// FeedToken returns the secret token of a calendar feed, creating it on
// first use: 24 random bytes, so an address cannot be guessed.
func (s *Store) FeedToken(ctx context.Context, feed string) (string, error) {
	raw := make([]byte, 24)
	if _, err := rand.Read(raw); err != nil {
		return "", fmt.Errorf("feed token: %w", err)
	}
	db := s.db.WithContext(ctx)
	token := base64.RawURLEncoding.EncodeToString(raw)
	if err := db.Exec("INSERT INTO feed_tokens (feed, token, created_at) VALUES (?, ?, ?) ON CONFLICT (feed) DO NOTHING", feed, token, s.Now().UTC()).Error; err != nil {
		return "", fmt.Errorf("feed token %s: %w", feed, translate(err))
	}
	var got []string
	if err := db.Raw("SELECT token FROM feed_tokens WHERE feed = ?", feed).Scan(&got).Error; err != nil {
		return "", fmt.Errorf("feed token %s: %w", feed, translate(err))
	} else if len(got) == 0 {
		return "", fmt.Errorf("feed token %s: not stored", feed)
	}
	return got[0], nil
}
