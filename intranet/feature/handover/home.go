package handover

import (
	"context"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// HomeMax is how many requests the caller's home shows at most.
const HomeMax = 5

// homeLook is how many open requests the home looks through for those the
// caller may take.
const homeLook = 50

// Home is the handover part of the caller's home: the open requests of
// their teams that they may take (takeRefusal, as /handover take asks
// it), soonest first, at most HomeMax, each with the card's take button;
// nil when there is none.
func (u *Unit) Home(ctx context.Context, c *feature.Call) ([]intranet.Section, error) {
	if c.Guest {
		// A guest account (a partner's, or a platform's guest with an
		// employee's address) takes over no shift.
		return nil, nil
	}
	open, byID, err := u.openOfMyTeams(ctx, c, homeLook)
	if err != nil {
		return nil, err
	}
	var takeable []*intranet.Handover
	for _, h := range open {
		if len(takeable) < HomeMax && takeRefusal(byID[h.TeamID], h, c.Person, u.cfg.Today().String()) == mayTake {
			takeable = append(takeable, h)
		}
	}
	return homeView(c, takeable, u.cfg.Location), nil
}
