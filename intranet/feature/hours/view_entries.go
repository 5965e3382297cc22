package hours

import (
	"fmt"
	"sort"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/when"
)

// This file holds how hours read: amounts the Dutch way for Dutch readers
// (7,5 uur, € 10,58, 23,5 km) and the English way for English ones, an
// entry, a week, and the answers to /hours.

// timeText is an entry's time: "07:00-15:30, pauze 30 min" or "7,5 uur".
func (u *Unit) timeText(lang string, e *intranet.TimeEntry) string {
	if !e.Ranged() {
		return hoursText(lang, e.Minutes)
	}
	start, end := e.Start.In(u.cfg.Location), e.End.In(u.cfg.Location)
	s := start.Format("15:04") + "-" + end.Format("15:04")
	if when.DateOf(end, u.cfg.Location) != dateOf(e.Date) {
		s += feature.T(lang, " (tot %s)", " (to %s)", dayText(lang, when.DateOf(end, u.cfg.Location).String()))
	}
	if e.BreakMinutes > 0 {
		s += feature.T(lang, ", pauze %d min", ", break %d min", e.BreakMinutes)
	}
	return s
}

// entryLine is one entry in a list, its number first: "#12 07:00-15:30,
// pauze 30 min: 8 uur · WZ-Noord · note".
func (u *Unit) entryLine(lang string, e *intranet.TimeEntry, withDay bool) string {
	return fmt.Sprintf("#%d %s", e.ID, u.entryText(lang, e, withDay))
}

// entryText is an entry without its number, for replies that name the
// number already: "ma 23 nov, 07:00-15:30, pauze 30 min: 8 uur · WZ-Noord
// · note".
func (u *Unit) entryText(lang string, e *intranet.TimeEntry, withDay bool) string {
	s := ""
	if withDay {
		s += dayText(lang, e.Date) + ", "
	}
	s += u.workedText(lang, e)
	if e.Project != "" {
		s += " · " + intranet.Plain(e.Project)
	}
	if e.Note != "" {
		s += " · " + intranet.Plain(e.Note)
	}
	return s
}

// workedText is an entry's time with its hours, as the week view and the
// approver's card write it: "22:30-07:00 (tot vr 27 nov), pauze 30 min:
// 8 uur", or "7,5 uur".
func (u *Unit) workedText(lang string, e *intranet.TimeEntry) string {
	s := u.timeText(lang, e)
	if e.Ranged() {
		s += ": " + hoursText(lang, e.Minutes)
	}
	return s
}

// hoursCmd is /uren for Dutch readers and /hours for English ones, with a
// subcommand's word in the same language.
func hoursCmd(lang, en, nl string) string {
	if lang == "nl" {
		return strings.TrimSpace("/uren " + nl)
	}
	return strings.TrimSpace("/hours " + en)
}

// savedEntryView confirms an added or changed entry with the day's and
// the week's totals.
func (u *Unit) savedEntryView(c *feature.Call, e *intranet.TimeEntry, head string, day int, sheet *intranet.Timesheet) intranet.Reply {
	text := fmt.Sprintf("%s: %s.\n", head, u.entryText(c.Lang, e, true)) +
		c.T("%s: %s. Week %d: %s.", "%s: %s. Week %d: %s.", dayText(c.Lang, e.Date), hoursText(c.Lang, day), sheet.Week.Number, hoursText(c.Lang, sheet.Minutes()))
	return intranet.Reply{Lang: c.Lang, Text: text,
		Buttons: []intranet.Button{
			{Label: c.T("Week bekijken", "See the week"), Command: "/hours week " + sheet.Week.String()},
			{Label: c.T("Verwijderen", "Remove"), Style: intranet.StyleDanger, Command: fmt.Sprintf("/hours remove %d", e.ID)},
		},
		Context: []string{c.T("Verbeteren: `%s %d …` (datum, tijd, pauze:, project:, notitie).", "To correct it: `%s %d …` (date, time, break:, project:, note).",
			hoursCmd(c.Lang, "edit", "wijzig"), e.ID)}}
}

// removedEntryView confirms a removed entry.
func (u *Unit) removedEntryView(c *feature.Call, e *intranet.TimeEntry, day int, sheet *intranet.Timesheet) intranet.Reply {
	return intranet.Reply{Lang: c.Lang, Text: c.T("Regel %d is verwijderd (%s). %s: %s. Week %d: %s.", "Entry %d was removed (%s). %s: %s. Week %d: %s.",
		e.ID, u.entryText(c.Lang, e, true), dayText(c.Lang, e.Date), hoursText(c.Lang, day), sheet.Week.Number, hoursText(c.Lang, sheet.Minutes())),
		Buttons: []intranet.Button{{Label: c.T("Week bekijken", "See the week"), Command: "/hours week " + sheet.Week.String()}}}
}

// overlapView refuses a range that overlaps another entry: it names that
// entry and how to fix it.
func (u *Unit) overlapView(c *feature.Call, other *intranet.TimeEntry) intranet.Reply {
	return intranet.Reply{Lang: c.Lang,
		Text: c.T("Die tijd overlapt regel %d: %s, %s. Pas die aan met `%s %d <van>-<tot>` of verwijder hem met `%s %d`, of kies een andere tijd.",
			"That time overlaps entry %d: %s, %s. Change it with `%s %d <from>-<to>` or remove it with `%s %d`, or choose another time.",
			other.ID, dayText(c.Lang, other.Date), u.timeText(c.Lang, other),
			hoursCmd(c.Lang, "edit", "wijzig"), other.ID, hoursCmd(c.Lang, "remove", "verwijder"), other.ID),
		Buttons: []intranet.Button{{Label: c.T("Regel %d verwijderen", "Remove entry %d", other.ID), Style: intranet.StyleDanger, Command: fmt.Sprintf("/hours remove %d", other.ID)}}}
}

// lockedView says that a week is submitted or approved and cannot change,
// and whom to ask.
func lockedView(c *feature.Call, sheet *intranet.Timesheet, ask string) intranet.Reply {
	w := weekText(c.Lang, sheet.Week)
	var text string
	switch {
	case sheet.State == intranet.WeekApproved && ask != "":
		text = c.T("%s is goedgekeurd en ligt vast. Moet er iets anders? Vraag %s om de week te heropenen.",
			"%s is approved and locked. Does something need to change? Ask %s to reopen the week.", capital(w), ask)
	case sheet.State == intranet.WeekApproved:
		text = c.T("%s is goedgekeurd en ligt vast. Moet er iets anders? Vraag een beheerder om de week te heropenen.",
			"%s is approved and locked. Does something need to change? Ask an admin to reopen the week.", capital(w))
	case ask != "":
		text = c.T("%s is ingediend en wacht op goedkeuring; tot dan ligt hij vast. Moet er iets anders? Vraag %s om de week af te wijzen, dan kun je hem verbeteren.",
			"%s is submitted and waits for approval; until then it is locked. Does something need to change? Ask %s to reject the week, then you can correct it.", capital(w), ask)
	default:
		text = c.T("%s is ingediend en wacht op goedkeuring; tot dan ligt hij vast. Moet er iets anders? Vraag een beheerder om de week af te wijzen.",
			"%s is submitted and waits for approval; until then it is locked. Does something need to change? Ask an admin to reject the week.", capital(w))
	}
	return intranet.Reply{Lang: c.Lang, Text: text}
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// stateText is where a week is: open, submitted, approved by whom,
// rejected with the reason.
func (u *Unit) stateText(lang string, t *intranet.Timesheet) string {
	switch t.State {
	case intranet.WeekSubmitted:
		return feature.T(lang, "ingediend op %s, wacht op goedkeuring", "submitted on %s, waiting for approval", u.momentText(lang, t.SubmittedAt))
	case intranet.WeekApproved:
		return feature.T(lang, "goedgekeurd door %s op %s", "approved by %s on %s", intranet.Plain(t.DecidedBy), u.momentText(lang, t.DecidedAt))
	case intranet.WeekRejected:
		return feature.T(lang, "afgewezen door %s: “%s”. Verbeter de week en dien hem opnieuw in", "rejected by %s: “%s”. Correct the week and submit it again",
			intranet.Plain(t.DecidedBy), intranet.Plain(t.Reason))
	}
	if t.Reason != "" {
		return feature.T(lang, "open (heropend: “%s”), nog niet ingediend", "open (reopened: “%s”), not submitted yet", intranet.Plain(t.Reason))
	}
	return feature.T(lang, "open, nog niet ingediend", "open, not submitted yet")
}

// maySubmit reports whether a week may be submitted: it has hours or
// trips and is neither submitted nor approved.
func maySubmit(t *intranet.Timesheet) bool {
	return !t.State.Locked() && (len(t.Entries) > 0 || len(t.Trips) > 0)
}

// submitCommand submits the sheet's week.
func submitCommand(t *intranet.Timesheet) string { return "/hours submit " + t.Week.String() }

// weekView is /hours week: the week's entries by day, totals per day and
// per project, its trips, kilometres and allowance, and its state.
func (u *Unit) weekView(c *feature.Call, t *intranet.Timesheet) intranet.Reply {
	reply := intranet.Reply{Lang: c.Lang, Title: c.T("Uren %s", "Hours %s", weekText(c.Lang, t.Week))}
	state := c.T("Stand: %s.", "State: %s.", u.stateText(c.Lang, t))
	prev := intranet.Button{Label: c.T("Week ervoor", "Week before"), Command: "/hours week " + t.Week.Prev().String()}
	if len(t.Entries) == 0 && len(t.Trips) == 0 {
		reply.Text = c.T("Nog geen uren of ritten in deze week. Schrijf uren met `/uren vandaag 07:00-15:30 pauze:30` of `/uren ma 7,5u`.",
			"No hours or trips in this week yet. Write hours with `/hours today 07:00-15:30 break:30` or `/hours mon 7.5h`.") + "\n" + state
		reply.Buttons = []intranet.Button{prev}
		return reply
	}
	total := c.T("Totaal: %s", "Total: %s", hoursText(c.Lang, t.Minutes()))
	if len(t.Trips) > 0 {
		total += fmt.Sprintf(" · %s · %s", kmText(c.Lang, t.Km()), euroText(c.Lang, t.Allowance(u.cfg.Rate)))
	}
	reply.Text = total + "\n" + state
	for _, day := range t.Week.Days() {
		var lines []string
		minutes := 0
		for _, e := range t.Entries {
			if e.Date == day {
				lines = append(lines, u.entryLine(c.Lang, e, false))
				minutes += e.Minutes
			}
		}
		if len(lines) > 0 {
			reply.Sections = append(reply.Sections, intranet.Section{Title: dayText(c.Lang, day) + ": " + hoursText(c.Lang, minutes), Text: strings.Join(lines, "\n")})
		}
	}
	if projects := u.projectFields(c, t.Entries); hasProject(t.Entries) {
		// Only where a project was given: "no project" alone says nothing.
		reply.Sections = append(reply.Sections, intranet.Section{Title: c.T("Per project", "Per project"), Fields: projects})
	}
	if len(t.Trips) > 0 {
		reply.Sections = append(reply.Sections, u.tripsSection(c, t.Trips, t.Km(), t.Allowance(u.cfg.Rate)))
	}
	if maySubmit(t) {
		reply.Buttons = append(reply.Buttons, intranet.Button{Label: c.T("Week indienen", "Submit the week"), Style: intranet.StylePrimary, Command: submitCommand(t)})
	}
	reply.Buttons = append(reply.Buttons, prev)
	if !t.State.Locked() && len(t.Entries) > 0 {
		reply.Context = append(reply.Context, c.T("Verbeteren: `%s <nummer> …`; weghalen: `%s <nummer>`.", "Correct: `%s <number> …`; remove: `%s <number>`.",
			hoursCmd(c.Lang, "edit", "wijzig"), hoursCmd(c.Lang, "remove", "verwijder")))
	}
	if !t.State.Locked() && len(t.Trips) > 0 {
		// Trips have numbers of their own: /uren wijzig 3 is not trip 3.
		reply.Context = append(reply.Context, tripsContext(c))
	}
	return reply
}

// projectFields are the hours per project, the biggest first, entries
// without a project last.
func (u *Unit) projectFields(c *feature.Call, entries []*intranet.TimeEntry) []intranet.Field {
	per := map[string]int{}
	for _, e := range entries {
		per[e.Project] += e.Minutes
	}
	var names []string
	for p := range per {
		names = append(names, p)
	}
	sort.Slice(names, func(i, j int) bool {
		a, b := names[i], names[j]
		if (a == "") != (b == "") {
			return b == ""
		}
		if per[a] != per[b] {
			return per[a] > per[b]
		}
		return a < b
	})
	var out []intranet.Field
	for _, p := range names {
		label := intranet.Plain(p)
		if p == "" {
			label = c.T("Zonder project", "No project")
		}
		out = append(out, intranet.Field{Label: label, Value: hoursText(c.Lang, per[p])})
	}
	return out
}

// hasProject reports whether any entry names a project.
func hasProject(entries []*intranet.TimeEntry) bool {
	for _, e := range entries {
		if e.Project != "" {
			return true
		}
	}
	return false
}
