package rooms

import (
	"context"
	"fmt"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// cancel answers /room cancel <id> and /room release <id> (the reminder's
// button). The owner, a partner's host or a room admin may; an owner whose
// booking someone else cancelled is told by a direct message, and so is
// a host whose partner's booking someone else cancelled. To a partner
// another's booking is as unknown as a number never used.
func (u *Unit) cancel(ctx context.Context, c *feature.Call, release bool) (intranet.Reply, error) {
	id := c.Cmd.Number("id")
	b, err := u.cfg.Rooms.FindBookingByID(ctx, id)
	switch {
	case intranet.ErrorCode(err) == intranet.ENOTFOUND, err == nil && isPartner(c) && b.PersonID != c.Person.ID:
		return c.Reply(noBooking(c, id)), nil
	case err != nil:
		return intranet.Reply{}, err
	case b.PersonID != c.Person.ID && (b.HostID == 0 || b.HostID != c.Person.ID) && !isRoomAdmin(c):
		return c.Reply(notYours(c, b)), nil
	case !b.Active():
		return c.Reply(u.alreadyCancelled(c, b)), nil
	case !b.End.After(u.now()):
		return c.Reply(u.alreadyOver(c, b)), nil
	}
	if series, _ := c.Cmd.Flag("series"); series && b.SeriesID != 0 && !release {
		return u.cancelSeries(ctx, c, b)
	}
	byOther := b.PersonID != c.Person.ID
	err = u.inTx(ctx, func(ctx context.Context) error {
		var err error
		if b, err = u.cfg.Rooms.CancelBooking(ctx, id, u.now()); err != nil {
			return err
		}
		if err := u.unscheduleReminder(ctx, b); err != nil {
			return err
		}
		if byOther {
			who, booking := c.Person.Name, *b
			// A partner knows their host by name, not a room admin.
			anonymous := b.Organisation != "" && b.HostID != c.Person.ID
			err = u.tell(ctx, b.PersonID, fmt.Sprintf("booking-%d-cancelled", b.ID), false, c.Person, func(lang string) intranet.Reply {
				if anonymous {
					return u.cancelledByOther(lang, feature.T(lang, "Een ruimtebeheerder", "A room admin"), booking)
				}
				return u.cancelledByOther(lang, who, booking)
			})
		}
		if err == nil && b.HostID != 0 && b.HostID != c.Person.ID {
			who, booking := c.Person.Label(), *b
			err = u.tell(ctx, b.HostID, fmt.Sprintf("booking-%d-cancelled-host", b.ID), false, nil, func(lang string) intranet.Reply {
				return u.hostCancelled(lang, who, !byOther, booking)
			})
		}
		return err
	})
	if intranet.ErrorCode(err) == intranet.ECONFLICT {
		return c.Reply(cancelledMeanwhile(c, id)), nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	reply := u.cancelled(c, b, release, byOther)
	reply.ReplaceOriginal = c.ReplacesOriginal()
	return reply, nil
}

// cancelSeries answers /room cancel <id> series: booking id and every later
// time of its series. It asks once, with a button that runs the same
// command with `sure`; with `sure` it cancels them in one statement, tells
// the owner once when it was someone else's, and replies with the count.
func (u *Unit) cancelSeries(ctx context.Context, c *feature.Call, b *intranet.Booking) (intranet.Reply, error) {
	sure, _ := c.Cmd.Flag("sure")
	if !sure {
		coming, err := u.cfg.Rooms.Bookings(ctx, intranet.BookingFilter{SeriesID: b.SeriesID, From: b.Start})
		if err != nil {
			return intranet.Reply{}, err
		}
		var times []intranet.Booking
		for _, x := range coming {
			if x.ID == b.ID || x.Start.After(b.Start) {
				times = append(times, x)
			}
		}
		return u.seriesQuestion(c, b, times), nil
	}
	byOther := b.PersonID != c.Person.ID
	var cancelled []intranet.Booking
	err := u.inTx(ctx, func(ctx context.Context) error {
		var err error
		if cancelled, err = u.cfg.Rooms.CancelSeries(ctx, b.ID, u.now()); err != nil {
			return err
		}
		for _, x := range cancelled {
			if err := u.cfg.Jobs.Cancel(ctx, RoomReminderJob, bookingKey(x.ID)); err != nil {
				return err
			}
		}
		if byOther {
			who, times := c.Person.Name, cancelled
			return u.tell(ctx, b.PersonID, fmt.Sprintf("booking-%d-series-cancelled", b.ID), false, c.Person, func(lang string) intranet.Reply {
				return u.seriesCancelledByOther(lang, who, times)
			})
		}
		return nil
	})
	if intranet.ErrorCode(err) == intranet.ECONFLICT {
		return c.Reply(cancelledMeanwhile(c, b.ID)), nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	reply := u.seriesCancelled(c, cancelled, byOther)
	reply.ReplaceOriginal = c.ReplacesOriginal()
	return reply, nil
}

// CancelBookingsOf cancels the coming bookings of someone who left, in the
// transaction of ctx: their rooms are free again and the reminders are
// off; the person, who left, is told nothing. A booking under way is left
// to end. Returns how many were cancelled.
func (u *Unit) CancelBookingsOf(ctx context.Context, personID int64) (int, error) {
	now := u.now()
	coming, err := u.cfg.Rooms.Bookings(ctx, intranet.BookingFilter{PersonID: personID, From: now})
	if err != nil {
		return 0, err
	}
	var cancelled []*intranet.Booking
	for _, b := range coming {
		if !b.Active() || !b.Start.After(now) {
			continue
		}
		c, err := u.cfg.Rooms.CancelBooking(ctx, b.ID, now)
		if intranet.ErrorCode(err) == intranet.ECONFLICT {
			continue // cancelled meanwhile
		} else if err != nil {
			return 0, err
		}
		cancelled = append(cancelled, c)
	}
	// Their reminders go once all are cancelled: a series' next reminder is
	// scheduled only for a time still booked.
	for _, b := range cancelled {
		if err := u.unscheduleReminder(ctx, b); err != nil {
			return 0, err
		}
	}
	return len(cancelled), nil
}
