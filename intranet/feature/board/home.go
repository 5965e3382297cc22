package board

import (
	"context"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// HomeMax is how many ads the caller's home shows at most.
const HomeMax = 5

// HomeDays is how many days back an ad is new on the home.
const HomeDays = 7

// homeLook is how many new ads the home looks through for others' ads.
const homeLook = 25

// Home is the board part of the caller's home: the ads others put up in
// the last HomeDays days that hang now (as /board lists them), newest
// first, at most HomeMax; nil when there is none or the caller may not
// see the board.
func (u *Unit) Home(ctx context.Context, c *feature.Call) ([]intranet.Section, error) {
	if !u.mayRead(c) {
		return nil, nil
	}
	now := u.cfg.Now()
	ads, err := u.cfg.Board.Ads(ctx, intranet.AdFilter{VisibleAt: now, CreatedAfter: now.Add(-HomeDays * 24 * time.Hour), Limit: homeLook})
	if err != nil {
		return nil, err
	}
	var others []*intranet.Ad
	for _, a := range ads {
		if len(others) < HomeMax && (c.Person == nil || a.PosterID != c.Person.ID) {
			others = append(others, a)
		}
	}
	return u.homeView(c, others), nil
}
