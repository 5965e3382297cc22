package rooms

import (
	"context"
	"sort"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/when"
)

// dayPlan answers /room day [<date>] [location:<place>]: for each active
// room (of that location) its busy times that day and a button for each
// free whole hour still to come within its opening hours, which books it.
func (u *Unit) dayPlan(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	d, ok := c.Cmd.Date("date")
	if !ok {
		d = u.cfg.Today()
	}
	all, err := u.rooms(ctx, c, false)
	if err != nil {
		return intranet.Reply{}, err
	}
	if len(all) == 0 {
		return c.Reply(noRoomsYet(c)), nil
	}
	rooms := all
	place := c.Cmd.Text("location")
	if place != "" {
		rooms = nil
		for _, room := range all {
			if room.Location != "" && feature.WordsStartWith(room.Location, place) {
				rooms = append(rooms, room)
			}
		}
		if len(rooms) == 0 {
			return c.Reply(unknownLocation(c, place, locations(all))), nil
		}
	}
	byRoom, err := u.dayBookings(ctx, d)
	if err != nil {
		return intranet.Reply{}, err
	}
	plans := make([]roomPlan, len(rooms))
	for i, room := range rooms {
		plans[i] = u.planRoom(d, room, byRoom[room.ID])
	}
	return u.dayPlanView(c, d, place, plans), nil
}

// roomPlan is one room's day: its bookings and its free whole hours.
type roomPlan struct {
	room  intranet.Room
	busy  []intranet.Booking
	hours []when.Slot
}

// planRoom finds the whole hours of the room's opening hours on d that no
// booking overlaps, even partly, and that have not begun. A day has at
// most 24 of them, under the 25 buttons Slack shows in one actions block.
func (u *Unit) planRoom(d when.Date, room intranet.Room, busy []intranet.Booking) roomPlan {
	p := roomPlan{room: room, busy: busy}
	first := (room.Opens + 59) / 60 * 60
	for at := when.Clock(first); at+60 <= when.Clock(room.Closes); at += 60 {
		s := when.Slot{Date: d, From: at, To: at + 60}
		sl := intranet.Slot{Start: d.At(s.From, u.cfg.Location), End: d.At(s.To, u.cfg.Location)}
		if sl.Start.Before(u.now()) {
			continue
		}
		free := true
		for _, b := range busy {
			free = free && !b.Overlaps(sl)
		}
		if free {
			p.hours = append(p.hours, s)
		}
	}
	return p
}

// locations are the rooms' locations, each once, sorted.
func locations(rooms []intranet.Room) []string {
	seen := map[string]bool{}
	var out []string
	for _, room := range rooms {
		if room.Location != "" && !seen[room.Location] {
			seen[room.Location] = true
			out = append(out, room.Location)
		}
	}
	sort.Strings(out)
	return out
}
