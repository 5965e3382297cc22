package intranet

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// Room is a meeting room people can book.
type Room struct {
	ID       int64
	Name     string
	Location string
	Capacity int
	// Facilities are lowercase words such as "screen", "video", "whiteboard".
	Facilities []string
	// Opens and Closes are the opening hours as minutes after local midnight
	// (WERKPLEK_TIMEZONE): 420 is 07:00. Closes 1440 means midnight.
	Opens, Closes int
	// Retired rooms keep their history but take no new bookings.
	Retired bool
	// Partners marks a visitor room: partners may book it too, with their
	// organisation's contact as host (partners:on).
	Partners bool
}

// Has reports whether the room has a facility (case-insensitive).
func (r Room) Has(facility string) bool {
	f := strings.ToLower(strings.TrimSpace(facility))
	for _, x := range r.Facilities {
		if strings.ToLower(x) == f {
			return true
		}
	}
	return false
}

// Slot is a stretch of time [Start, End), in UTC.
type Slot struct {
	Start, End time.Time
}

// Overlaps reports whether two slots share time; back-to-back slots do not.
func (s Slot) Overlaps(o Slot) bool { return s.Start.Before(o.End) && o.Start.Before(s.End) }

// Booking is one booked slot of a room. A recurring booking is a series of
// bookings that share a SeriesID.
type Booking struct {
	ID       int64
	RoomID   int64
	Room     string // the room's name
	PersonID int64
	Person   string // the owner's name
	// Organisation is the owner's partner organisation, "" for an
	// employee's booking.
	Organisation string
	// HostID is the employee who hosts a partner's booking (their
	// organisation's contact), 0 for an employee's own booking; Host is
	// their name.
	HostID int64
	Host   string
	Title  string
	Slot
	// SeriesID is the first booking's id for every booking of a recurring
	// series, 0 for a single booking.
	SeriesID int64
	// Cancelled is set when the booking was cancelled or released; it then
	// no longer holds the room.
	Cancelled time.Time
	Created   time.Time
}

// Owner is the owner's name as employees see it: a partner's labelled
// with their organisation (PartnerLabel).
func (b *Booking) Owner() string { return PartnerLabel(b.Person, b.Organisation) }

// Active reports whether the booking still holds its room.
func (b *Booking) Active() bool { return b.Cancelled.IsZero() }

// NewBookings asks for one room in one or more slots (a recurring series),
// all or nothing.
type NewBookings struct {
	RoomID   int64
	PersonID int64
	// HostID is the employee hosting a partner's booking (0: none).
	HostID int64
	Title  string
	Slots  []Slot
}

// Clash is a slot asked for and the booking that already holds it.
type Clash struct {
	Slot    Slot
	Booking Booking
}

// BookingConflict is the ECONFLICT a booking attempt returns when any of its
// slots is taken; Clashes names each taken slot with the booking holding it.
// Nothing was booked.
type BookingConflict struct {
	Clashes []Clash
}

func (e *BookingConflict) Error() string {
	return fmt.Sprintf("booking conflict: %d slot(s) taken", len(e.Clashes))
}

// Unwrap makes ErrorCode see ECONFLICT.
func (e *BookingConflict) Unwrap() error { return Errorf(ECONFLICT, "The room is taken.") }

// BookingFilter selects bookings; zero fields select everything.
type BookingFilter struct {
	RoomID   int64
	PersonID int64
	// Hosted, with PersonID, also selects the bookings that person hosts.
	Hosted bool
	// SeriesID selects the bookings of one series.
	SeriesID int64
	// From and To select bookings that overlap [From, To).
	From, To time.Time
	// Cancelled includes cancelled bookings.
	Cancelled bool
	Limit     int
}

// RoomRecord is a room as an admin or an import file states it; saving it
// creates or updates the room of that name.
type RoomRecord struct {
	Line int // the line in the source file, for error messages
	// ID, when set, names the room to change, so an admin can rename it.
	ID         int64
	Name       string
	Location   string
	Capacity   int
	Facilities []string
	Opens      int
	Closes     int
	// Partners marks a visitor room; nil keeps what a saved room has (a
	// new room is no visitor room).
	Partners *bool
}

// FreeQuery asks which rooms are free for a whole slot.
type FreeQuery struct {
	Slot     Slot
	Capacity int
	Facility string
}

// RoomService is room booking's storage. It guarantees that two active
// bookings of one room never overlap, between any number of replicas.
type RoomService interface {
	// Rooms returns the rooms by name; retired ones only when asked.
	Rooms(ctx context.Context, retired bool) ([]Room, error)
	// FindRoomByID returns ENOTFOUND for an unknown id.
	FindRoomByID(ctx context.Context, id int64) (*Room, error)
	// SaveRooms creates or updates rooms by name (case-insensitive), or by
	// ID when a record has one, all or nothing: an *ImportError lists bad
	// records and nothing is written. A saved retired room stays retired.
	// Returns ENOTFOUND for an unknown ID, ECONFLICT when a rename takes
	// another room's name. With dryRun it only checks.
	SaveRooms(ctx context.Context, records []RoomRecord, dryRun bool) (ImportSummary, error)
	// RetireRoom retires a room: it takes no new bookings and its bookings
	// that start after now are cancelled and returned, so their owners can be
	// told. Returns ENOTFOUND, or ECONFLICT when it is retired already.
	RetireRoom(ctx context.Context, id int64, now time.Time) ([]Booking, error)
	// FreeRooms returns the active rooms that fit the query and have no
	// active booking overlapping its slot, by name. Opening hours are the
	// caller's concern.
	FreeRooms(ctx context.Context, q FreeQuery) ([]Room, error)
	// CreateBookings books every slot or none: when any slot overlaps an
	// active booking of the room it returns a *BookingConflict (ECONFLICT)
	// naming every clash. Returns ENOTFOUND for an unknown room or person,
	// EINVALID for a retired room or no slots. It joins the transaction of
	// a ctx from Transactor.InTx where the store offers one.
	CreateBookings(ctx context.Context, nb NewBookings) ([]Booking, error)
	// FindBookingByID returns ENOTFOUND for an unknown id.
	FindBookingByID(ctx context.Context, id int64) (*Booking, error)
	// Bookings returns the bookings the filter selects, by start time.
	Bookings(ctx context.Context, f BookingFilter) ([]Booking, error)
	// CancelBooking cancels an active booking and returns it. Returns
	// ENOTFOUND, or ECONFLICT when it was cancelled already. Authorisation
	// is the caller's concern. It joins the transaction of a ctx from
	// Transactor.InTx, like CreateBookings, FindBookingByID and Bookings.
	CancelBooking(ctx context.Context, id int64, now time.Time) (*Booking, error)
	// CancelSeries cancels booking id and every active booking of its
	// series that starts after it, in one statement, and returns what it
	// cancelled by start time (booking id alone when it is in no series).
	// Returns ENOTFOUND, or ECONFLICT when it cancelled nothing because the
	// booking was cancelled already. Authorisation is the caller's concern;
	// it joins the transaction of ctx like CancelBooking.
	CancelSeries(ctx context.Context, id int64, now time.Time) ([]Booking, error)
	// FeedToken returns the secret token of a calendar feed ("room:12",
	// "person:7"), creating it on first use.
	FeedToken(ctx context.Context, feed string) (string, error)
}
