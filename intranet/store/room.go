package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/phonebook"
	"gorm.io/gorm"
)

// Room booking. PostgreSQL makes a double booking impossible with an
// exclusion constraint on (room, time range) of active bookings, which holds
// between replicas and whatever the code above it does; SQLite serves one
// process and runs the overlap check and the insert in one write transaction
// (the DSN's _txlock=immediate takes the write lock at BEGIN, so two checks
// never interleave). Times are stored in UTC, to the second.

func init() {
	register(migration{3, "rooms, bookings (no overlap), feed tokens", `
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE rooms (
	id bigserial PRIMARY KEY,
	name text NOT NULL,
	key text NOT NULL UNIQUE,
	location text NOT NULL DEFAULT '',
	capacity integer NOT NULL DEFAULT 0,
	facilities text NOT NULL DEFAULT '',
	opens integer NOT NULL DEFAULT 0,
	closes integer NOT NULL DEFAULT 1440,
	retired_at timestamptz,
	created_at timestamptz NOT NULL,
	updated_at timestamptz NOT NULL
);
CREATE TABLE bookings (
	id bigserial PRIMARY KEY,
	room_id bigint NOT NULL REFERENCES rooms(id),
	person_id bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	title text NOT NULL DEFAULT '',
	starts_at timestamptz NOT NULL,
	ends_at timestamptz NOT NULL,
	during tstzrange GENERATED ALWAYS AS (tstzrange(starts_at, ends_at, '[)')) STORED,
	series_id bigint,
	active boolean NOT NULL DEFAULT true,
	cancelled_at timestamptz,
	created_at timestamptz NOT NULL,
	CONSTRAINT bookings_order CHECK (ends_at > starts_at),
	CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&) WHERE (active)
);
CREATE INDEX bookings_person ON bookings (person_id, starts_at);
CREATE INDEX bookings_room ON bookings (room_id, starts_at);
CREATE INDEX bookings_series ON bookings (series_id) WHERE series_id IS NOT NULL;
CREATE TABLE feed_tokens (
	feed text PRIMARY KEY,
	token text NOT NULL UNIQUE,
	created_at timestamptz NOT NULL
);
`, `
CREATE TABLE rooms (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	name TEXT NOT NULL,
	key TEXT NOT NULL UNIQUE,
	location TEXT NOT NULL DEFAULT '',
	capacity INTEGER NOT NULL DEFAULT 0,
	facilities TEXT NOT NULL DEFAULT '',
	opens INTEGER NOT NULL DEFAULT 0,
	closes INTEGER NOT NULL DEFAULT 1440,
	retired_at DATETIME,
	created_at DATETIME NOT NULL,
	updated_at DATETIME NOT NULL
);
CREATE TABLE bookings (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	room_id INTEGER NOT NULL REFERENCES rooms(id),
	person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	title TEXT NOT NULL DEFAULT '',
	starts_at DATETIME NOT NULL,
	ends_at DATETIME NOT NULL,
	series_id INTEGER,
	active BOOLEAN NOT NULL DEFAULT true,
	cancelled_at DATETIME,
	created_at DATETIME NOT NULL,
	CHECK (ends_at > starts_at)
);
CREATE INDEX bookings_active ON bookings (room_id, starts_at) WHERE active;
CREATE INDEX bookings_person ON bookings (person_id, starts_at);
CREATE INDEX bookings_room ON bookings (room_id, starts_at);
CREATE INDEX bookings_series ON bookings (series_id) WHERE series_id IS NOT NULL;
CREATE TABLE feed_tokens (
	feed TEXT PRIMARY KEY,
	token TEXT NOT NULL UNIQUE,
	created_at DATETIME NOT NULL
);
`})
}

var _ intranet.RoomService = (*Store)(nil)

type roomRow struct {
	ID         int64 `gorm:"primaryKey"`
	Name       string
	Key        string
	Location   string
	Capacity   int
	Facilities string
	Opens      int
	Closes     int
	RetiredAt  *time.Time
	Partners   bool
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

func (roomRow) TableName() string { return "rooms" }

func (r roomRow) room() intranet.Room {
	return intranet.Room{ID: r.ID, Name: r.Name, Location: r.Location, Capacity: r.Capacity, Facilities: splitFacilities(r.Facilities),
		Opens: r.Opens, Closes: r.Closes, Retired: r.RetiredAt != nil, Partners: r.Partners}
}

func splitFacilities(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ";") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// RoomKey is the key rooms are unique by: the name folded (case, accents,
// spaces), so "Grote Zaal" and "grote  zaal" are one room.
func RoomKey(name string) string { return strings.Join(phonebook.Words(name), " ") }

// roomTx runs fn in one transaction: the InTx transaction of ctx when it
// carries one (so that a booking and its reminder job commit together),
// else a new one.
func (s *Store) roomTx(ctx context.Context, fn func(tx *gorm.DB) error) error {
	return s.InTx(ctx, func(ctx context.Context) error { return fn(s.conn(ctx)) })
}

// Rooms returns the rooms by name; retired ones only when asked.
func (s *Store) Rooms(ctx context.Context, retired bool) ([]intranet.Room, error) {
	q := s.db.WithContext(ctx).Order("key")
	if !retired {
		q = q.Where("retired_at IS NULL")
	}
	var rows []roomRow
	if err := q.Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list rooms: %w", translate(err))
	}
	out := make([]intranet.Room, len(rows))
	for i, r := range rows {
		out[i] = r.room()
	}
	return out, nil
}

// FindRoomByID returns ENOTFOUND for an unknown id.
func (s *Store) FindRoomByID(ctx context.Context, id int64) (*intranet.Room, error) {
	return s.findRoom(s.db.WithContext(ctx), id)
}

func (s *Store) findRoom(db *gorm.DB, id int64) (*intranet.Room, error) {
	var rows []roomRow
	if err := db.Where("id = ?", id).Limit(1).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("find room %d: %w", id, translate(err))
	} else if len(rows) == 0 {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "There is no room %d.", id)
	}
	r := rows[0].room()
	return &r, nil
}

// CheckRoom returns the problems of one room record, for an admin's command
// and an import alike, each in English and Dutch.
func CheckRoom(r intranet.RoomRecord) []intranet.ImportProblem {
	var problems []intranet.ImportProblem
	add := func(nl, en string, args ...any) {
		problems = append(problems, intranet.ImportProblem{Line: r.Line, Reason: fmt.Sprintf(en, args...), ReasonNL: fmt.Sprintf(nl, args...)})
	}
	if strings.TrimSpace(r.Name) == "" || RoomKey(r.Name) == "" {
		add("de naam ontbreekt", "the name is missing")
	} else if len([]rune(r.Name)) > 80 {
		add("de naam is langer dan 80 tekens", "the name is longer than 80 characters")
	}
	if r.Capacity < 0 || r.Capacity > 10000 {
		add("capaciteit %d is geen aantal personen", "capacity %d is not a number of people", r.Capacity)
	}
	if r.Opens < 0 || r.Closes > 1440 || r.Opens >= r.Closes {
		opens, closes := fmt.Sprintf("%02d:%02d", r.Opens/60, r.Opens%60), fmt.Sprintf("%02d:%02d", r.Closes/60, r.Closes%60)
		add("de ruimte gaat open (%s) nadat hij sluit (%s)", "the room opens (%s) after it closes (%s)", opens, closes)
	}
	for _, f := range r.Facilities {
		if strings.Contains(f, ";") {
			add("voorziening %q bevat een ';'", "facility %q contains a ';'", f)
		}
	}
	return problems
}

// SaveRooms creates or updates rooms by name, all or nothing.
func (s *Store) SaveRooms(ctx context.Context, records []intranet.RoomRecord, dryRun bool) (intranet.ImportSummary, error) {
	return oneAtATime(ctx, s, "import", func(ctx context.Context) (intranet.ImportSummary, error) { return s.saveRooms(ctx, records, dryRun) })
}

func (s *Store) saveRooms(ctx context.Context, records []intranet.RoomRecord, dryRun bool) (intranet.ImportSummary, error) {
	var sum intranet.ImportSummary
	var problems []intranet.ImportProblem
	seen := map[string]int{}
	for _, r := range records {
		problems = append(problems, CheckRoom(r)...)
		k := RoomKey(r.Name)
		if first, dup := seen[k]; dup && k != "" {
			problems = append(problems, intranet.ImportProblem{Line: r.Line, Reason: fmt.Sprintf("room %q appears twice (also line %d)", r.Name, first),
				ReasonNL: fmt.Sprintf("ruimte %q staat er twee keer in (ook regel %d)", r.Name, first)})
		} else {
			seen[k] = r.Line
		}
	}
	if len(problems) > 0 {
		return sum, &intranet.ImportError{Problems: problems}
	}
	now := s.Now().UTC()
	err := s.roomTx(ctx, func(tx *gorm.DB) error {
		for _, r := range records {
			var existing []roomRow
			if err := tx.Where("key = ?", RoomKey(r.Name)).Limit(1).Find(&existing).Error; err != nil {
				return err
			}
			if r.ID != 0 {
				if len(existing) > 0 && existing[0].ID != r.ID {
					return intranet.Errorf(intranet.ECONFLICT, "There is a room called %s already.", existing[0].Name)
				}
				if err := tx.Where("id = ?", r.ID).Limit(1).Find(&existing).Error; err != nil {
					return err
				} else if len(existing) == 0 {
					return intranet.Errorf(intranet.ENOTFOUND, "There is no room %d.", r.ID)
				}
			}
			facilities := make([]string, 0, len(r.Facilities))
			for _, f := range r.Facilities {
				if f = strings.ToLower(strings.TrimSpace(f)); f != "" {
					facilities = append(facilities, f)
				}
			}
			row := roomRow{Name: strings.TrimSpace(r.Name), Key: RoomKey(r.Name), Location: strings.TrimSpace(r.Location), Capacity: r.Capacity,
				Facilities: strings.Join(facilities, ";"), Opens: r.Opens, Closes: r.Closes, CreatedAt: now, UpdatedAt: now}
			if r.Partners != nil {
				row.Partners = *r.Partners
			}
			if len(existing) == 0 {
				sum.Created++
				if err := tx.Create(&row).Error; err != nil {
					return err
				}
				continue
			}
			sum.Updated++
			changes := map[string]any{"name": row.Name, "key": row.Key, "location": row.Location, "capacity": row.Capacity, "facilities": row.Facilities,
				"opens": row.Opens, "closes": row.Closes, "updated_at": now}
			if r.Partners != nil {
				changes["partners"] = *r.Partners
			}
			err := tx.Model(&roomRow{}).Where("id = ?", existing[0].ID).Updates(changes).Error
			if err != nil {
				return err
			}
		}
		if dryRun {
			return errDryRun
		}
		return nil
	})
	if err != nil && !errors.Is(err, errDryRun) {
		return intranet.ImportSummary{}, fmt.Errorf("save rooms: %w", translate(err))
	}
	return sum, nil
}

var errDryRun = errors.New("dry run")

// RetireRoom retires a room and cancels its bookings that start after now.
func (s *Store) RetireRoom(ctx context.Context, id int64, now time.Time) ([]intranet.Booking, error) {
	var cancelled []intranet.Booking
	err := s.roomTx(ctx, func(tx *gorm.DB) error {
		room, err := s.findRoom(s.forUpdate(tx), id)
		if err != nil {
			return err
		}
		if room.Retired {
			return intranet.Errorf(intranet.ECONFLICT, "Room %s is retired already.", room.Name)
		}
		t := bookingTime(now)
		if err := tx.Exec("UPDATE rooms SET retired_at = ?, updated_at = ? WHERE id = ?", t, t, id).Error; err != nil {
			return err
		}
		// Exactly the bookings this statement cancelled are reported (and
		// their owners told), not one a user cancelled a moment before.
		var ids []int64
		if err := tx.Raw("UPDATE bookings SET active = false, cancelled_at = ? WHERE room_id = ? AND active AND starts_at > ? RETURNING id", t, id, t).Scan(&ids).Error; err != nil {
			return err
		}
		var rows []bookingRow
		if len(ids) > 0 {
			if err := tx.Raw("SELECT "+bookingColumns+" WHERE b.id IN ? ORDER BY b.starts_at, b.id", ids).Scan(&rows).Error; err != nil {
				return err
			}
		}
		for _, r := range rows {
			b := r.booking()
			b.Cancelled = t
			cancelled = append(cancelled, b)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("retire room %d: %w", id, translate(err))
	}
	return cancelled, nil
}

// FreeRooms returns the active rooms that fit q and are free for its slot.
func (s *Store) FreeRooms(ctx context.Context, q intranet.FreeQuery) ([]intranet.Room, error) {
	start, end := bookingTime(q.Slot.Start), bookingTime(q.Slot.End)
	busy := "b.starts_at < ? AND b.ends_at > ?"
	args := []any{q.Capacity, end, start}
	if s.engine == Postgres {
		// The exclusion constraint's GiST index answers this.
		busy = "b.during && tstzrange(?, ?, '[)')"
		args = []any{q.Capacity, start, end}
	}
	var rows []roomRow
	err := s.db.WithContext(ctx).Raw(`SELECT r.* FROM rooms r WHERE r.retired_at IS NULL AND r.capacity >= ?
AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.room_id = r.id AND b.active AND `+busy+`) ORDER BY r.key`, args...).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("free rooms: %w", translate(err))
	}
	var out []intranet.Room
	for _, r := range rows {
		room := r.room()
		if q.Facility == "" || room.Has(q.Facility) {
			out = append(out, room)
		}
	}
	return out, nil
}
