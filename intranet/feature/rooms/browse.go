package rooms

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/grammar"
	"github.com/werkplek/werkplek/intranet/when"
)

// day answers /room [<date>]: every room's busy and free times that day.
func (u *Unit) day(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	d, ok := c.Cmd.Date("date")
	if !ok {
		d = u.cfg.Today()
	}
	rooms, err := u.rooms(ctx, c, false)
	if err != nil {
		return intranet.Reply{}, err
	}
	if len(rooms) == 0 {
		return c.Reply(noRoomsYet(c)), nil
	}
	byRoom, err := u.dayBookings(ctx, d)
	if err != nil {
		return intranet.Reply{}, err
	}
	return u.dayView(c, d, rooms, byRoom), nil
}

// dayBookings returns the bookings of day d by room.
func (u *Unit) dayBookings(ctx context.Context, d when.Date) (map[int64][]intranet.Booking, error) {
	start, end := d.At(0, u.cfg.Location), d.AddDays(1).At(0, u.cfg.Location)
	bookings, err := u.cfg.Rooms.Bookings(ctx, intranet.BookingFilter{From: start, To: end})
	if err != nil {
		return nil, err
	}
	byRoom := map[int64][]intranet.Booking{}
	for _, b := range bookings {
		byRoom[b.RoomID] = append(byRoom[b.RoomID], b)
	}
	return byRoom, nil
}

// FacilityWord is the word a room's facility is stored by for what a
// person typed, in either language: "scherm", "tv" and "screen" are all
// "screen". A facility outside the vocabulary is kept as typed (lowercase).
// Room admins' commands and `werkplek rooms import` store through it.
func FacilityWord(typed string) string {
	w := strings.ToLower(strings.TrimSpace(typed))
	for _, f := range facilities {
		if w == f.en || w == strings.ToLower(f.nl) {
			return f.en
		}
		for _, x := range f.words {
			if w == x {
				return f.en
			}
		}
	}
	return w
}

// free answers /room free <slot> [<n> people] [<facility>].
func (u *Unit) free(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	s, _ := c.Cmd.Slot("slot")
	q := intranet.FreeQuery{Capacity: int(c.Cmd.Number("people"))}
	q.Slot = intranet.Slot{Start: s.Start(u.cfg.Location), End: s.End(u.cfg.Location)}
	if problem := u.checkSlot(nil, s, q.Slot); problem != slotFine {
		return c.Reply(u.slotRefusal(c, problem, nil, s, q.Slot)), nil
	}
	if typed := c.Cmd.Text("facility"); typed != "" {
		rooms, err := u.rooms(ctx, c, false)
		if err != nil {
			return intranet.Reply{}, err
		}
		known := map[string]bool{}
		for _, room := range rooms {
			for _, f := range room.Facilities {
				known[strings.ToLower(f)] = true
			}
		}
		q.Facility = FacilityWord(typed)
		if !known[q.Facility] {
			if len(strings.Fields(typed)) > 1 {
				return c.Reply(oneFacility(c, typed)), nil
			}
			list := make([]string, 0, len(known))
			for f := range known {
				list = append(list, facilityName(c.Lang, f))
			}
			sort.Strings(list)
			return c.Reply(unknownFacility(c, typed, list)), nil
		}
	}
	free, err := u.cfg.Rooms.FreeRooms(ctx, q)
	if err != nil {
		return intranet.Reply{}, err
	}
	if isPartner(c) {
		free = visitorRooms(free)
	}
	var open []intranet.Room
	var commands []string
	for _, room := range free {
		if opensFor(room, s) {
			open = append(open, room)
			commands = append(commands, fmt.Sprintf("/%s book %s %s", Command.Word.EN, quote(room.Name), s))
		}
	}
	return u.freeView(c, q.Slot, open, commands), nil
}

// quote writes a room's name so that a typed command reads it back.
func quote(name string) string {
	q, _ := grammar.Quote(name)
	return q
}

// mineItem is one line of /room mine: a booking, or the coming times of a
// series (times holds them all, first included).
type mineItem struct {
	first intranet.Booking
	times []intranet.Booking
}

// mine answers /room mine [<page>] [series:<id>]: my coming bookings and
// the partners' bookings I host, a series on one line, mineLimit lines a
// page; with series: each coming time of that series of mine, each with
// Cancel.
func (u *Unit) mine(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	page := max(int(c.Cmd.Number("page")), 1)
	series := c.Cmd.Number("series")
	all, err := u.cfg.Rooms.Bookings(ctx, intranet.BookingFilter{PersonID: c.Person.ID, Hosted: true, SeriesID: series, From: u.now()})
	if err != nil {
		return intranet.Reply{}, err
	}
	var items []mineItem
	index := map[int64]int{}
	for _, b := range all {
		if i, ok := index[b.SeriesID]; ok && b.SeriesID != 0 && series == 0 {
			items[i].times = append(items[i].times, b)
			continue
		}
		index[b.SeriesID] = len(items)
		items = append(items, mineItem{first: b, times: []intranet.Booking{b}})
	}
	return u.mineView(c, items, page, series), nil
}

// feed answers /room feed [<room>]: the address of a calendar feed.
func (u *Unit) feed(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	feed, path := fmt.Sprintf("person:%d", c.Person.ID), fmt.Sprintf("/rooms/person/%d.ics", c.Person.ID)
	var room *intranet.Room
	if typed := c.Cmd.Text("room"); typed != "" {
		var m *miss
		var err error
		if room, m, err = u.findRoom(ctx, c, typed); err != nil {
			return intranet.Reply{}, err
		} else if m != nil {
			return missReply(c, m, func(name string) string { return c.Cmd.SetText("room", name).String() }), nil
		}
		feed, path = fmt.Sprintf("room:%d", room.ID), fmt.Sprintf("/rooms/%d.ics", room.ID)
	}
	token, err := u.cfg.Rooms.FeedToken(ctx, feed)
	if err != nil {
		return intranet.Reply{}, err
	}
	addr := strings.TrimRight(u.cfg.PublicURL, "/") + path + "?token=" + token
	return feedView(c, room, addr, u.cfg.PublicURL != ""), nil
}

var _ feature.ExampleUnit = (*Unit)(nil)

// ExampleNames names a real room for the examples of mistakes: the first
// room the caller may book (by name).
func (u *Unit) ExampleNames(ctx context.Context, c *feature.Call) (grammar.Examples, error) {
	rooms, err := u.rooms(ctx, c, false)
	if err != nil || len(rooms) == 0 {
		return nil, err
	}
	return grammar.Examples{grammar.Room: rooms[0].Name}, nil
}
