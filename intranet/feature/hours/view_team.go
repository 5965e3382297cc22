package hours

import (
	"fmt"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// maxNothingNames is how many of those who wrote nothing /hours team
// names; the others are counted.
const maxNothingNames = 10

// maxElsewhereButtons is how many other weeks that wait /hours team
// gives a button.
const maxElsewhereButtons = 3

// teamView is /hours team's reply: a section per person who waits for a
// decision (with its buttons), then who is approved, rejected, did not
// submit, and wrote nothing.
func (u *Unit) teamView(c *feature.Call, w intranet.Week, rows []teamRow, elsewhere []weekCount, lastWeek, department bool) intranet.Reply {
	r := c.Reply("")
	r.Title = c.T("Uren van je team: %s", "Your team's hours: %s", weekText(c.Lang, w))
	var waiting []intranet.Section
	var approved, rejected, open, nothing []string
	for _, row := range rows {
		p, s := row.person, row.sheet
		if s == nil || s.State == intranet.WeekOpen && len(s.Entries) == 0 && len(s.Trips) == 0 {
			nothing = append(nothing, p.Name)
			continue
		}
		totals := totalsText(c.Lang, s, u.cfg.Rate)
		switch s.State {
		case intranet.WeekSubmitted:
			waiting = append(waiting, intranet.Section{Title: p.Name, Text: totals, Buttons: decisionButtons(c.Lang, p.Email, w)})
		case intranet.WeekApproved:
			approved = append(approved, fmt.Sprintf("- %s · %s · %s", p.Name, totals, c.T("door %s", "by %s", s.DecidedBy)))
		case intranet.WeekRejected:
			rejected = append(rejected, fmt.Sprintf("- %s · %s: %s", p.Name, c.T("afgewezen door %s", "rejected by %s", s.DecidedBy), intranet.Plain(s.Reason)))
		default:
			open = append(open, fmt.Sprintf("- %s · %s", p.Name, totals))
		}
	}
	if len(waiting) > 0 {
		r.Text = c.T("*Ingediend, wacht op goedkeuring (%d)*", "*Submitted, waiting for approval (%d)*", len(waiting))
		r.Sections = append(r.Sections, waiting...)
	} else {
		r.Text = c.T("Niemand wacht op goedkeuring.", "Nobody waits for approval.")
	}
	add := func(nl, en string, lines []string) {
		if len(lines) > 0 {
			r.Sections = append(r.Sections, intranet.Section{Title: c.T(nl, en, len(lines)), Text: strings.Join(lines, "\n")})
		}
	}
	add("Goedgekeurd (%d)", "Approved (%d)", approved)
	add("Afgewezen (%d)", "Rejected (%d)", rejected)
	add("Niet ingediend (%d)", "Not submitted (%d)", open)
	if len(nothing) > 0 {
		// Only a few names: on a phone a long list hides the rest, and
		// these people have nothing to decide on.
		text := strings.Join(nothing, ", ")
		if len(nothing) > maxNothingNames {
			text = strings.Join(nothing[:maxNothingNames], ", ") + c.T(" en nog %d", " and %d more", len(nothing)-maxNothingNames)
		}
		r.Sections = append(r.Sections, intranet.Section{Title: c.T("Niets geschreven (%d)", "Nothing written (%d)", len(nothing)), Text: text})
	}
	if len(elsewhere) > 0 {
		// Other weeks that wait, the oldest first, a button for the
		// first few.
		var weeks []string
		for i, e := range elsewhere {
			weeks = append(weeks, c.T("week %d (%d)", "week %d (%d)", e.week.Number, e.n))
			if i < maxElsewhereButtons {
				r.Buttons = append(r.Buttons, intranet.Button{Label: c.T("Week %d bekijken", "See week %d", e.week.Number), Command: "/hours team " + e.week.String()})
			}
		}
		r.Context = append(r.Context, c.T("Wachten ook op goedkeuring: %s.", "Also waiting for approval: %s.", strings.Join(weeks, ", ")))
	}
	if lastWeek {
		r.Context = append(r.Context, c.T("Op maandagochtend is dat vorige week; deze week: `/uren team %s`.", "On Monday morning that is last week; this week: `/hours team %s`.", w.Next()))
	}
	if department {
		r.Context = append(r.Context, c.T("Je keurt niemands uren goed; als beheerder zie je je eigen afdeling. `/uren exporteer <van> <tot>` geeft die van iedereen.",
			"You approve nobody's hours; as an admin you see your own department. `/hours export <from> <to>` gives everyone's."))
	}
	return r
}
