package hours

import (
	"context"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/when"
)

// teamWeek is the week /hours team shows without one: this week, but on
// Monday morning (before noon) last week, which is then being submitted
// and approved.
func (u *Unit) teamWeek() (intranet.Week, bool) {
	now := u.cfg.Now().In(u.cfg.Location)
	w := weekOfDate(when.DateOf(now, u.cfg.Location))
	if now.Weekday() == time.Monday && now.Hour() < 12 {
		return w.Prev(), true
	}
	return w, false
}

// teamRow is one person of /hours team with their week.
type teamRow struct {
	person *intranet.Person
	sheet  *intranet.Timesheet // nil: nothing written
}

// team answers /hours team [<week>]: of the people whose weeks the caller
// approves, who submitted, who was approved or rejected, who wrote hours
// but did not submit them and who wrote nothing. An admin who approves
// nobody's sees their own department.
func (u *Unit) team(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	w, typed, bad := u.typedWeek(c, "week")
	if bad != "" {
		return c.Reply(bad), nil
	}
	lastWeek := false
	if !typed {
		w, lastWeek = u.teamWeek()
	}
	a, err := u.approval(ctx)
	if err != nil {
		return intranet.Reply{}, err
	}
	sheets, err := u.cfg.Timesheets.Timesheets(ctx, intranet.TimesheetFilter{Week: w})
	if err != nil {
		return intranet.Reply{}, err
	}
	people, err := a.approvees(ctx, c.Person, sheets)
	if err != nil {
		return intranet.Reply{}, err
	}
	department := false
	if len(people) == 0 && c.Has(intranet.RoleAdmin) && c.Person.Department != "" {
		all, err := a.departmentPeople(ctx, c.Person.Department)
		if err != nil {
			return intranet.Reply{}, err
		}
		for _, p := range all {
			if p.ID != c.Person.ID {
				people = append(people, p)
			}
		}
		department = true
	}
	if len(people) == 0 {
		return c.Reply(c.T("Je keurt van niemand de uren goed. `/uren team` is voor teamleiders, managers en beheerders.",
			"You approve nobody's hours. `/hours team` is for team leads, managers and admins.")), nil
	}
	bySheet := map[int64]*intranet.Timesheet{}
	for _, s := range sheets {
		bySheet[s.PersonID] = s
	}
	rows := make([]teamRow, len(people))
	mine := map[int64]bool{}
	for i, p := range people {
		rows[i] = teamRow{person: p, sheet: bySheet[p.ID]}
		mine[p.ID] = true
	}
	// Weeks that wait elsewhere: on a Sunday last week's may still wait
	// while this week's list says nobody does. Of the caller's, also of
	// people who wrote nothing this week.
	waiting, err := u.cfg.Timesheets.Timesheets(ctx, intranet.TimesheetFilter{States: []intranet.WeekState{intranet.WeekSubmitted}})
	if err != nil {
		return intranet.Reply{}, err
	}
	more, err := a.approvees(ctx, c.Person, waiting)
	if err != nil {
		return intranet.Reply{}, err
	}
	for _, p := range more {
		mine[p.ID] = true
	}
	var elsewhere []weekCount
	for _, s := range waiting {
		switch {
		case s.Week == w || !mine[s.PersonID]:
		case len(elsewhere) > 0 && elsewhere[len(elsewhere)-1].week == s.Week:
			elsewhere[len(elsewhere)-1].n++
		default:
			elsewhere = append(elsewhere, weekCount{week: s.Week, n: 1})
		}
	}
	return u.teamView(c, w, rows, elsewhere, lastWeek, department), nil
}

// weekCount is how many people's weeks wait in one week.
type weekCount struct {
	week intranet.Week
	n    int
}
