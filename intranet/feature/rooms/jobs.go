package rooms

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
)

// RoomReminderJob is the job kind of a booking's reminder; its key is
// "booking:<id>". A series has one pending reminder: the next occurrence's,
// scheduled by the previous one's run. Databases hold jobs of this kind,
// so the name stays.
const RoomReminderJob = "booking.reminder"

// RoomReminderBefore is how long before its start a booking's owner is reminded.
const RoomReminderBefore = 10 * time.Minute

func bookingKey(id int64) string { return fmt.Sprintf("booking:%d", id) }

// scheduleReminder schedules the reminder of the first of bookings (a
// single booking or a series) whose reminder time is still to come.
func (u *Unit) scheduleReminder(ctx context.Context, bookings []intranet.Booking) error {
	for _, b := range bookings {
		if due := b.Start.Add(-RoomReminderBefore); b.Active() && due.After(u.now()) {
			return u.cfg.Jobs.Schedule(ctx, RoomReminderJob, bookingKey(b.ID), due, nil)
		}
	}
	return nil
}

// unscheduleReminder cancels a cancelled booking's reminder and, for a
// series, makes sure the next occurrence has one.
func (u *Unit) unscheduleReminder(ctx context.Context, b *intranet.Booking) error {
	if err := u.cfg.Jobs.Cancel(ctx, RoomReminderJob, bookingKey(b.ID)); err != nil {
		return err
	}
	return u.scheduleNextInSeries(ctx, b)
}

// scheduleNextInSeries schedules the reminder of the series' next active
// occurrence after b.
func (u *Unit) scheduleNextInSeries(ctx context.Context, b *intranet.Booking) error {
	if b.SeriesID == 0 {
		return nil
	}
	next, err := u.cfg.Rooms.Bookings(ctx, intranet.BookingFilter{RoomID: b.RoomID, PersonID: b.PersonID, From: b.End})
	if err != nil {
		return err
	}
	var same []intranet.Booking
	for _, x := range next {
		if x.SeriesID == b.SeriesID && x.ID != b.ID && x.Start.After(b.Start) {
			same = append(same, x)
		}
	}
	return u.scheduleReminder(ctx, same)
}

// remind DMs a booking's owner before it starts, with a button that
// releases the room; then it schedules the next reminder of the series. A
// cancelled booking, or one that started meanwhile, gets no message. Safe
// to run twice: the delivery key makes it one message.
func (u *Unit) remind(ctx context.Context, j intranet.Job) error {
	id, err := strconv.ParseInt(strings.TrimPrefix(j.Key, "booking:"), 10, 64)
	if err != nil || !strings.HasPrefix(j.Key, "booking:") {
		return intranet.FailJob(fmt.Errorf("%s job with key %q", j.Kind, j.Key))
	}
	b, err := u.cfg.Rooms.FindBookingByID(ctx, id)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return nil
	} else if err != nil {
		return err
	}
	if !b.Active() {
		return nil
	}
	return u.inTx(ctx, func(ctx context.Context) error {
		if u.now().Before(b.Start) {
			key := fmt.Sprintf("booking-%d-reminder-%d", b.ID, b.Start.Unix())
			if err := u.tell(ctx, b.PersonID, key, true, nil, func(lang string) intranet.Reply { return u.reminder(lang, *b) }); err != nil {
				return err
			}
		}
		return u.scheduleNextInSeries(ctx, b)
	})
}
