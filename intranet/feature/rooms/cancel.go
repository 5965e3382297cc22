package rooms

import (
	"context"
	"fmt"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// cancel answers /room cancel <id> and /room release <id> (the reminder's
// button). The owner or a room admin may; an owner whose booking someone
// else cancelled is told by a direct message.
func (u *Unit) cancel(ctx context.Context, c *feature.Call, release bool) (intranet.Reply, error) {
	id := c.Cmd.Number("id")
	b, err := u.cfg.Rooms.FindBookingByID(ctx, id)
	switch {
	case intranet.ErrorCode(err) == intranet.ENOTFOUND:
		return c.Reply(noBooking(c, id)), nil
	case err != nil:
		return intranet.Reply{}, err
	case b.PersonID != c.Person.ID && !isRoomAdmin(c):
		return c.Reply(notYours(c, b)), nil
	case !b.Active():
		return c.Reply(u.alreadyCancelled(c, b)), nil
	case !b.End.After(u.now()):
		return c.Reply(u.alreadyOver(c, b)), nil
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
			err = u.tell(ctx, b.PersonID, fmt.Sprintf("booking-%d-cancelled", b.ID), false, c.Person, func(lang string) intranet.Reply {
				return u.cancelledByOther(lang, who, booking)
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
