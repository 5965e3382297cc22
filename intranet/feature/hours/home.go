package hours

import (
	"context"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/when"
)

// Home is the hours part of the caller's home: their week so far (hours,
// km, its state, Submit while it may be submitted), nothing of it when
// they wrote nothing this week; and for an approver how many submitted
// weeks wait for them. Guests keep no hours: nil.
func (u *Unit) Home(ctx context.Context, c *feature.Call) ([]intranet.Section, error) {
	if c.Person == nil || c.Guest {
		return nil, nil
	}
	sheet, err := u.cfg.Timesheets.Timesheet(ctx, c.Person.ID, sheetWeek(when.WeekOf(u.cfg.Today())))
	if err != nil {
		return nil, err
	}
	waiting, err := u.cfg.Timesheets.Timesheets(ctx, intranet.TimesheetFilter{States: []intranet.WeekState{intranet.WeekSubmitted}})
	if err != nil {
		return nil, err
	}
	n := 0
	if len(waiting) > 0 {
		a, err := u.approval(ctx)
		if err != nil {
			return nil, err
		}
		if n, err = a.waitingFor(ctx, c.Person, waiting); err != nil {
			return nil, err
		}
	}
	return u.homeView(c, sheet, n), nil
}

// waitingFor counts the sheets whose person has caller among their
// approvers (of, as /hours team and the submission ask it).
func (a *approval) waitingFor(ctx context.Context, caller *intranet.Person, sheets []*intranet.Timesheet) (int, error) {
	n := 0
	for _, s := range sheets {
		p, err := a.person(ctx, s.PersonID)
		if err != nil {
			return 0, err
		}
		if p == nil || p.ID == caller.ID {
			continue
		}
		approvers, err := a.of(ctx, p)
		if err != nil {
			return 0, err
		}
		if containsPerson(approvers, caller.ID) {
			n++
		}
	}
	return n, nil
}
