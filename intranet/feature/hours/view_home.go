package hours

import (
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// homeView is the hours part of the home: the week's totals and state
// with Submit when it may be submitted, and the weeks waiting for the
// caller's approval (waiting).
func (u *Unit) homeView(c *feature.Call, t *intranet.Timesheet, waiting int) []intranet.Section {
	var out []intranet.Section
	if len(t.Entries) > 0 || len(t.Trips) > 0 {
		totals := hoursText(c.Lang, t.Minutes())
		if len(t.Trips) > 0 {
			totals += " · " + kmText(c.Lang, t.Km())
		}
		s := intranet.Section{Title: c.T("Je uren deze week", "Your hours this week"), Text: totals + "\n" + c.T("Stand: %s.", "State: %s.", u.stateText(c.Lang, t))}
		if maySubmit(t) {
			s.Buttons = append(s.Buttons, intranet.Button{Label: c.T("Indienen", "Submit"), Style: intranet.StylePrimary, Command: submitCommand(t)})
		}
		s.Buttons = append(s.Buttons, intranet.Button{Label: c.T("Bekijk", "Show"), Command: "/hours week " + t.Week.String()})
		out = append(out, s)
	}
	if waiting > 0 {
		out = append(out, intranet.Section{Title: c.T("Uren goedkeuren", "Hours to approve"),
			Text:    c.N(waiting, "week wacht op jouw goedkeuring: `%s`.", "weken wachten op jouw goedkeuring: `%s`.", "week waiting for your approval: `%s`.", "weeks waiting for your approval: `%s`.", hoursCmd(c.Lang, "team", "team")),
			Buttons: []intranet.Button{{Label: c.T("Bekijk", "Show"), Command: "/hours team"}}})
	}
	return out
}
