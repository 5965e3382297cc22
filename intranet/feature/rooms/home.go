package rooms

import (
	"context"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// HomeMax is how many bookings the caller's home shows at most.
const HomeMax = 5

// Home is the rooms part of the caller's home: their next bookings (as
// /room mine finds them, each time of a series on its own), at most
// HomeMax, each with Cancel; nil when there is none.
func (u *Unit) Home(ctx context.Context, c *feature.Call) ([]intranet.Section, error) {
	if c.Guest && c.Partner() == 0 {
		// A guest account of someone who is no partner: /room is not
		// theirs, nor the bookings of whose address it has.
		return nil, nil
	}
	next, err := u.cfg.Rooms.Bookings(ctx, intranet.BookingFilter{PersonID: c.Person.ID, From: u.now(), Limit: HomeMax})
	if err != nil {
		return nil, err
	}
	return u.homeView(c, next), nil
}
