package handover

import (
	"context"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// list is /handover list: the open requests of the caller's teams, each
// with the button the caller may press, or a word on why they may not
// take it.
func (u *Unit) list(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	open, byID, err := u.openOfMyTeams(ctx, c, 25)
	if err != nil {
		return intranet.Reply{}, err
	}
	if len(open) == 0 {
		return c.Reply(noOpenRequests(c)), nil
	}
	whyNot := func(h *intranet.Handover) string {
		team := byID[h.TeamID]
		return refusalLine(c, team, h, takeRefusal(team, h, c.Person, u.cfg.Today().String()))
	}
	return openList(c, open, whyNot, u.cfg.Location), nil
}

// openOfMyTeams returns the open requests of the caller's teams that have
// not started, soonest first, at most limit, with those teams by id.
func (u *Unit) openOfMyTeams(ctx context.Context, c *feature.Call, limit int) ([]*intranet.Handover, map[int64]*intranet.Team, error) {
	if err := u.cfg.Teams.SyncDepartmentTeams(ctx); err != nil {
		return nil, nil, err
	}
	mine, err := u.cfg.Teams.TeamsOf(ctx, c.Person.ID)
	if err != nil {
		return nil, nil, err
	}
	ids := make([]int64, 0, len(mine))
	byID := map[int64]*intranet.Team{}
	for _, t := range mine {
		ids = append(ids, t.ID)
		byID[t.ID] = t
	}
	now := u.cfg.Now()
	open, err := u.cfg.Handovers.Handovers(ctx, intranet.HandoverFilter{TeamIDs: ids, States: []intranet.HandoverState{intranet.HandoverOpen}, StartFrom: &now, Limit: limit})
	return open, byID, err
}

// mine is /handover mine: what the caller asked for and took, from
// yesterday on.
func (u *Unit) mine(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	now := u.cfg.Now()
	since := now.Add(-24 * time.Hour)
	me := c.Person.ID
	list, err := u.cfg.Handovers.Handovers(ctx, intranet.HandoverFilter{RequesterID: &me, TakerID: &me, StartFrom: &since, Limit: 25})
	if err != nil {
		return intranet.Reply{}, err
	}
	if len(list) == 0 {
		return c.Reply(nothingMine(c)), nil
	}
	return mineList(c, list, u.cfg.Location, now), nil
}
