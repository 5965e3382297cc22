package rooms

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// adminList answers /room admin [list]: every room, retired ones too.
func (u *Unit) adminList(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	if !isRoomAdmin(c) {
		return c.Reply(adminOnly(c)), nil
	}
	rooms, err := u.cfg.Rooms.Rooms(ctx, true)
	if err != nil {
		return intranet.Reply{}, err
	}
	return adminListView(c, rooms), nil
}

// adminAdd answers /room admin add <name> [options].
func (u *Unit) adminAdd(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	if !isRoomAdmin(c) {
		return c.Reply(adminOnly(c)), nil
	}
	rec := intranet.RoomRecord{Name: strings.TrimSpace(c.Cmd.Text("name")), Opens: defaultOpens, Closes: defaultCloses}
	applyOptions(c, &rec)
	rooms, err := u.cfg.Rooms.Rooms(ctx, true)
	if err != nil {
		return intranet.Reply{}, err
	}
	for _, room := range rooms {
		if roomKey(room.Name) == roomKey(rec.Name) {
			return c.Reply(roomExists(c, room.Name)), nil
		}
	}
	return u.saveRoom(ctx, c, rec, false)
}

// adminChange answers /room admin change <room> <key>:<value>….
func (u *Unit) adminChange(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	if !isRoomAdmin(c) {
		return c.Reply(adminOnly(c)), nil
	}
	room, m, err := u.findRoom(ctx, c, c.Cmd.Text("room"))
	if err != nil {
		return intranet.Reply{}, err
	} else if m != nil {
		return missReply(c, m, func(name string) string { return c.Cmd.SetText("room", name).String() }), nil
	}
	if !c.Cmd.Has("name") && !c.Cmd.Has("capacity") && !c.Cmd.Has("location") && !c.Cmd.Has("facilities") && !c.Cmd.Has("hours") && !c.Cmd.Has("partners") {
		return c.Reply(nothingToChange(c, room.Name)), nil
	}
	partners := room.Partners
	rec := intranet.RoomRecord{ID: room.ID, Name: room.Name, Location: room.Location, Capacity: room.Capacity,
		Facilities: room.Facilities, Opens: room.Opens, Closes: room.Closes, Partners: &partners}
	applyOptions(c, &rec)
	return u.saveRoom(ctx, c, rec, true)
}

// applyOptions fills a room record from the options typed.
func applyOptions(c *feature.Call, rec *intranet.RoomRecord) {
	p := c.Cmd
	if p.Has("name") {
		rec.Name = strings.TrimSpace(p.Text("name"))
	}
	if p.Has("location") {
		rec.Location = strings.TrimSpace(p.Text("location"))
	}
	if p.Has("capacity") {
		rec.Capacity = int(p.Number("capacity"))
	}
	if p.Has("facilities") {
		rec.Facilities = nil
		for _, f := range strings.FieldsFunc(p.Text("facilities"), func(r rune) bool { return r == ';' || r == ',' }) {
			if f = strings.TrimSpace(f); f != "" {
				rec.Facilities = append(rec.Facilities, FacilityWord(f))
			}
		}
	}
	if hours, ok := p.Slot("hours"); ok {
		rec.Opens, rec.Closes = int(hours.From), int(hours.To)
	}
	if p.Has("partners") {
		on := p.Text("partners") == "on"
		rec.Partners = &on
	}
}

// saveRoom saves one room record and answers with the room.
func (u *Unit) saveRoom(ctx context.Context, c *feature.Call, rec intranet.RoomRecord, changed bool) (intranet.Reply, error) {
	_, err := u.cfg.Rooms.SaveRooms(ctx, []intranet.RoomRecord{rec}, false)
	var ie *intranet.ImportError
	switch {
	case errors.As(err, &ie):
		var reasons []string
		for _, p := range ie.Problems {
			reasons = append(reasons, p.Message(c.Lang))
		}
		return c.Reply(notPossible(c, strings.Join(reasons, "; ")+".")), nil
	case intranet.ErrorCode(err) == intranet.ECONFLICT:
		return c.Reply(nameTaken(c, rec.Name)), nil
	case intranet.ErrorCode(err) == intranet.ENOTFOUND:
		return c.Reply(roomGone(c)), nil
	case err != nil:
		return intranet.Reply{}, err
	}
	room := intranet.Room{Name: rec.Name, Location: rec.Location, Capacity: rec.Capacity, Facilities: rec.Facilities, Opens: rec.Opens, Closes: rec.Closes,
		Partners: rec.Partners != nil && *rec.Partners}
	return savedView(c, room, changed), nil
}

// adminRetire answers /room admin retire <room>: the room takes no more
// bookings, its coming bookings are cancelled and their owners told.
func (u *Unit) adminRetire(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	if !isRoomAdmin(c) {
		return c.Reply(adminOnly(c)), nil
	}
	room, m, err := u.findRoom(ctx, c, c.Cmd.Text("room"))
	if err != nil {
		return intranet.Reply{}, err
	} else if m != nil {
		if m.retired != nil {
			return c.Reply(retiredAlready(c, m.retired.Name)), nil
		}
		return missReply(c, m, func(name string) string { return c.Cmd.SetText("room", name).String() }), nil
	}
	var cancelled []intranet.Booking
	err = u.inTx(ctx, func(ctx context.Context) error {
		var err error
		if cancelled, err = u.cfg.Rooms.RetireRoom(ctx, room.ID, u.now()); err != nil {
			return err
		}
		for _, b := range cancelled {
			if err := u.unscheduleReminder(ctx, &b); err != nil {
				return err
			}
			booking := b
			if err := u.tell(ctx, b.PersonID, fmt.Sprintf("booking-%d-retired", b.ID), false, c.Person, func(lang string) intranet.Reply {
				return u.roomRetired(lang, room.Name, booking)
			}); err != nil {
				return err
			}
			if b.HostID == 0 {
				continue
			}
			if err := u.tell(ctx, b.HostID, fmt.Sprintf("booking-%d-retired-host", b.ID), false, nil, func(lang string) intranet.Reply {
				return u.hostRoomRetired(lang, room.Name, booking)
			}); err != nil {
				return err
			}
		}
		return nil
	})
	if intranet.ErrorCode(err) == intranet.ECONFLICT {
		return c.Reply(retiredAlready(c, room.Name)), nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	return u.retiredView(c, room, cancelled), nil
}
