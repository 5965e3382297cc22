package rooms

import (
	"bytes"
	"context"
	"crypto/subtle"
	"fmt"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/ical"
)

// FeedKind says whose calendar a feed is.
type FeedKind string

// The calendar feeds `/room feed` gives the addresses of.
const (
	// RoomFeed is a room's bookings, in WERKPLEK_LANGUAGE.
	RoomFeed FeedKind = "room"
	// PersonFeed is a person's own bookings, the partners' bookings they
	// host and the shifts they took over (handover), in that person's
	// language.
	PersonFeed FeedKind = "person"
)

// Shifts finds the shifts people took over from a colleague, which their
// own feed shows beside their bookings.
type Shifts interface {
	Handovers(ctx context.Context, f intranet.HandoverFilter) ([]*intranet.Handover, error)
}

// Feeds show what starts from a month ago to a year ahead.
const (
	feedPast   = 31 * 24 * time.Hour
	feedFuture = 400 * 24 * time.Hour
)

// Feed returns the iCalendar (RFC 5545) of a room's or a person's feed
// when token is that feed's secret token. An unknown kind or id and a
// wrong token all return ENOTFOUND, so that a guess tells nothing.
func (u *Unit) Feed(ctx context.Context, kind FeedKind, id int64, token string) ([]byte, error) {
	if kind != RoomFeed && kind != PersonFeed || id <= 0 {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "No such calendar feed.")
	}
	now := u.now()
	filter := intranet.BookingFilter{From: now.Add(-feedPast), To: now.Add(feedFuture)}
	// A calendar's name is a proper name, the same in both languages, so
	// that a subscribed calendar keeps its name whatever the language.
	var person *intranet.Person
	var name string
	lang := u.cfg.Language
	if kind == RoomFeed {
		room, err := u.cfg.Rooms.FindRoomByID(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("room feed %d: %w", id, err)
		}
		name, filter.RoomID = room.Name, room.ID
	} else {
		p, err := u.cfg.People.FindPersonByID(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("person feed %d: %w", id, err)
		}
		person, name, filter.PersonID, filter.Hosted = p, "Werkplek: "+p.Name, p.ID, true
		if p.Language != "" {
			lang = p.Language
		}
	}
	if lang != "en" {
		lang = "nl"
	}
	want, err := u.cfg.Rooms.FeedToken(ctx, fmt.Sprintf("%s:%d", kind, id))
	if err != nil {
		return nil, fmt.Errorf("%s feed %d: token: %w", kind, id, err)
	}
	if subtle.ConstantTimeCompare([]byte(want), []byte(token)) != 1 {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "No such calendar feed.")
	}
	bookings, err := u.cfg.Rooms.Bookings(ctx, filter)
	if err != nil {
		return nil, fmt.Errorf("%s feed %d: bookings: %w", kind, id, err)
	}
	var shifts []*intranet.Handover
	if person != nil {
		shifts, err = u.cfg.Shifts.Handovers(ctx, intranet.HandoverFilter{TakerID: &person.ID,
			States: []intranet.HandoverState{intranet.HandoverTaken}, StartFrom: &filter.From, StartTo: &filter.To})
		if err != nil {
			return nil, fmt.Errorf("person feed %d: shifts: %w", id, err)
		}
	}
	cal := u.calendar(lang, kind, name, bookings, shifts)
	var buf bytes.Buffer
	if err := cal.Write(&buf); err != nil {
		return nil, fmt.Errorf("%s feed %d: write: %w", kind, id, err)
	}
	return buf.Bytes(), nil
}

// calendar is a feed's calendar, every text in lang. Event UIDs name the
// host of WERKPLEK_PUBLIC_URL, so that they stay the same from one fetch
// to the next and clients update events instead of adding them again.
func (u *Unit) calendar(lang string, kind FeedKind, name string, bookings []intranet.Booking, shifts []*intranet.Handover) ical.Calendar {
	host := "werkplek"
	if u.cfg.PublicURL != "" {
		host = strings.TrimPrefix(strings.TrimPrefix(u.cfg.PublicURL, "https://"), "http://")
	}
	cal := ical.Calendar{ProdID: "-//Werkplek//Room booking//NL", Name: name, Stamp: u.now()}
	for _, b := range bookings {
		cal.Events = append(cal.Events, ical.Event{UID: fmt.Sprintf("booking-%d@%s", b.ID, host), Start: b.Start, End: b.End,
			Summary: bookingSummary(lang, kind, b), Location: b.Room, Description: bookingDescription(lang, b), Created: b.Created})
	}
	for _, h := range shifts {
		cal.Events = append(cal.Events, ical.Event{UID: fmt.Sprintf("handover-%d@%s", h.ID, host), Start: h.Start, End: h.End,
			Summary: shiftSummary(lang, h), Location: h.Team, Description: shiftDescription(lang, h), Created: h.Changed})
	}
	return cal
}
