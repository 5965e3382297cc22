package rooms

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/grammar"
	"github.com/werkplek/werkplek/intranet/phonebook"
	"github.com/werkplek/werkplek/intranet/when"
)

// book answers /room book <room> <slot> [title] [repeat] [skip:…]. field
// names the form field a mistake belongs to ("" when it is none's).
func (u *Unit) book(ctx context.Context, c *feature.Call) (intranet.Reply, string, error) {
	p := c.Cmd
	slot, _ := p.Slot("slot")
	title := strings.TrimSpace(p.Text("title"))
	repeat := p.Repeat("repeat")
	skip := p.Dates("skip")
	if len([]rune(title)) > maxTitle {
		return c.Reply(titleTooLong(c)), "title", nil
	}
	switch {
	case isPartner(c) && repeat != nil:
		return c.Reply(partnerNoSeries(c)), "repeat", nil
	case !isPartner(c) && p.Has("host"):
		return c.Reply(hostForPartners(c)), "", nil
	}
	if repeat != nil && repeat.Until.Before(slot.Date) {
		return c.Reply(repeatBackwards(c, *repeat, slot.Date)), "repeat", nil
	}
	if repeat != nil && repeat.TooLong(slot.Date) {
		// Refused whole, never booked cut short: the last date the limit
		// reaches tells what until to write.
		dates := repeat.Dates(slot.Date)
		return c.Reply(repeatTooLong(c, *repeat, dates[len(dates)-1])), "repeat", nil
	}
	room, m, err := u.findRoom(ctx, c, p.Text("room"))
	if err != nil {
		return intranet.Reply{}, "", err
	}
	if m != nil {
		return missReply(c, m, func(name string) string { return p.SetText("room", name).String() }), "room", nil
	}
	slots := u.slots(slot, repeat, skip)
	if len(slots) == 0 {
		return c.Reply(allSkipped(c)), "repeat", nil
	}
	if problem := u.checkSlot(room, slot, slots[0]); problem != slotFine {
		return c.Reply(u.slotRefusal(c, problem, room, slot, slots[0])), "from", nil
	}
	var host *intranet.Person
	if isPartner(c) {
		var refusal string
		if host, refusal, err = u.host(ctx, c); err != nil {
			return intranet.Reply{}, "", err
		} else if refusal != "" {
			return c.Reply(refusal), "", nil
		}
	}
	nb := intranet.NewBookings{RoomID: room.ID, PersonID: c.Person.ID, Title: title, Slots: slots}
	if host != nil {
		nb.HostID = host.ID
	}
	var booked []intranet.Booking
	err = u.inTx(ctx, func(ctx context.Context) error {
		var err error
		booked, err = u.cfg.Rooms.CreateBookings(ctx, nb)
		if err != nil {
			return err
		}
		if err := u.scheduleReminder(ctx, booked); err != nil {
			return err
		}
		if host == nil {
			return nil
		}
		b := booked[0]
		return u.tell(ctx, host.ID, fmt.Sprintf("booking-%d-host", b.ID), false, nil, func(lang string) intranet.Reply { return u.hostBooked(lang, b) })
	})
	var conflict *intranet.BookingConflict
	switch {
	case errors.As(err, &conflict):
		reply, err := u.taken(ctx, c, room, slot, slots, conflict)
		return reply, "", err
	case intranet.ErrorCode(err) == intranet.EINVALID:
		return c.Reply(notPossible(c, intranet.ErrorMessage(err))), "", nil
	case err != nil:
		return intranet.Reply{}, "", err
	}
	return u.booked(c, room, slot, repeat, skip, title, booked), "", nil
}

// host finds the host of a partner's booking among their organisation's
// contacts: the one `host:` names, else the first by name. refusal says
// why there is none: no contact yet, or `host:` names someone else.
func (u *Unit) host(ctx context.Context, c *feature.Call) (host *intranet.Person, refusal string, err error) {
	var contacts []*intranet.Person
	if u.cfg.Partners != nil {
		if contacts, err = u.cfg.Partners.PartnerContacts(ctx, c.Partner()); err != nil {
			return nil, "", err
		}
	}
	if len(contacts) == 0 {
		return nil, noContact(c), nil
	}
	typed := strings.TrimSpace(c.Cmd.Text("host"))
	if typed == "" {
		return contacts[0], "", nil
	}
	var starts []*intranet.Person
	for _, p := range contacts {
		if strings.EqualFold(p.Email, typed) || phonebook.Key(p.Name) == phonebook.Key(typed) {
			return p, "", nil
		}
		if feature.WordsStartWith(p.Name, typed) {
			starts = append(starts, p)
		}
	}
	if len(starts) == 1 {
		return starts[0], "", nil
	}
	return nil, notAContact(c, typed, contacts), nil
}

// slots returns the slots a booking asks for: the slot's date, or every
// date of the repetition, skipped dates left out.
func (u *Unit) slots(s when.Slot, repeat *when.Repeat, skip []when.Date) []intranet.Slot {
	dates := []when.Date{s.Date}
	if repeat != nil {
		dates = repeat.Dates(s.Date)
	}
	var out []intranet.Slot
	for _, d := range dates {
		skipped := false
		for _, x := range skip {
			skipped = skipped || x == d
		}
		if !skipped {
			out = append(out, intranet.Slot{Start: d.At(s.From, u.cfg.Location), End: d.At(s.To, u.cfg.Location)})
		}
	}
	return out
}

// slotProblem is why a room cannot be booked for a slot, whatever the
// other bookings.
type slotProblem int

const (
	slotFine slotProblem = iota
	slotPast
	slotShort
	slotLong
	slotClosed
)

// checkSlot checks the first slot asked for: still to come, 5 minutes to
// 12 hours, within the room's opening hours (room nil: any room).
func (u *Unit) checkSlot(room *intranet.Room, s when.Slot, first intranet.Slot) slotProblem {
	d := first.End.Sub(first.Start)
	switch {
	case first.Start.Before(u.now().Truncate(time.Minute)):
		return slotPast
	case d < minBooking:
		return slotShort
	case d > maxBooking:
		return slotLong
	case room != nil && !opensFor(*room, s):
		return slotClosed
	}
	return slotFine
}

// opensFor reports whether the room is open for the whole of the slot's times.
func opensFor(room intranet.Room, s when.Slot) bool {
	return int(s.From) >= room.Opens && int(s.To) <= room.Closes
}

// alternative is a button of the "taken" reply: the same booking at
// another time or in another room.
type alternative struct {
	room     string
	from, to when.Clock
	command  string
}

// taken answers a booking that clashes: who holds the room when; for one
// booking the three nearest free times of the room that day and other
// free rooms of its size; for a series the clashing dates and a button
// that books the others.
func (u *Unit) taken(ctx context.Context, c *feature.Call, room *intranet.Room, s when.Slot, slots []intranet.Slot, conflict *intranet.BookingConflict) (intranet.Reply, error) {
	if len(slots) > 1 {
		clashing := map[when.Date]bool{}
		for _, x := range conflict.Clashes {
			clashing[when.DateOf(x.Slot.Start, u.cfg.Location)] = true
		}
		var dates []when.Date
		for d := range clashing {
			dates = append(dates, d)
		}
		sort.Slice(dates, func(i, j int) bool { return dates[i].Before(dates[j]) })
		rest := ""
		if len(dates) < len(slots) {
			var skip []when.DateRead
			for _, d := range append(c.Cmd.Dates("skip"), dates...) {
				skip = append(skip, when.DateRead{Date: d})
			}
			rest = c.Cmd.SetText("room", room.Name).Set("skip", grammar.Value{Kind: grammar.Dates, Dates: skip}).String()
		}
		return u.seriesTaken(c, room, conflict.Clashes, len(dates), len(slots), rest), nil
	}
	d, length := s.Date, s.To-s.From
	loc := u.cfg.Location
	busy, err := u.cfg.Rooms.Bookings(ctx, intranet.BookingFilter{RoomID: room.ID, From: d.At(0, loc), To: d.AddDays(1).At(0, loc)})
	if err != nil {
		return intranet.Reply{}, err
	}
	type candidate struct{ from, dist when.Clock }
	var cands []candidate
	for at := when.Clock(room.Opens); at+length <= when.Clock(room.Closes); at += 15 {
		sl := intranet.Slot{Start: d.At(at, loc), End: d.At(at+length, loc)}
		if sl.Start.Before(u.now()) {
			continue
		}
		free := true
		for _, b := range busy {
			free = free && !b.Overlaps(sl)
		}
		if free {
			dist := at - s.From
			if dist < 0 {
				dist = -dist
			}
			cands = append(cands, candidate{at, dist})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].dist < cands[j].dist })
	var alts []alternative
	for i := 0; i < len(cands) && i < 3; i++ {
		other := s
		other.From, other.To = cands[i].from, cands[i].from+length
		cmd := c.Cmd.SetText("room", room.Name).Set("slot", grammar.Value{Kind: grammar.Slot, Slot: other}).String()
		alts = append(alts, alternative{room: room.Name, from: other.From, to: other.To, command: cmd})
	}
	others, err := u.cfg.Rooms.FreeRooms(ctx, intranet.FreeQuery{Slot: slots[0], Capacity: room.Capacity})
	if err != nil {
		return intranet.Reply{}, err
	}
	if isPartner(c) {
		others = visitorRooms(others)
	}
	n := 0
	for _, o := range others {
		if o.ID == room.ID || !opensFor(o, s) || n == 3 {
			continue
		}
		n++
		alts = append(alts, alternative{room: o.Name, from: s.From, to: s.To, command: c.Cmd.SetText("room", o.Name).String()})
	}
	return u.slotTaken(c, room, conflict.Clashes, alts), nil
}
