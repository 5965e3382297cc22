package hours

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/when"
)

// This file holds the entries of hours: /hours <date> <time>, /hours week,
// /hours edit and /hours remove. A person sees and changes only their own
// entries; someone else's number is one that does not exist.

// clear is the value that empties a project or a note in an edit.
const clear = "-"

// sheetWeek is the vocabulary's week of a week read by the grammar.
func sheetWeek(w when.Week) intranet.Week { return intranet.Week{Year: w.Year, Number: w.Number} }

// weekOf returns the week of a date of the vocabulary (DateLayout).
func weekOf(date string) intranet.Week {
	w, _ := intranet.WeekOf(date)
	return w
}

// calledWeek is the week a command names, else the current one.
func (u *Unit) calledWeek(c *feature.Call) intranet.Week {
	if w, ok := c.Cmd.Week("week"); ok {
		return sheetWeek(w)
	}
	return sheetWeek(when.WeekOf(u.cfg.Today()))
}

// dateOf reads a date of the vocabulary back (it is always well formed).
func dateOf(s string) when.Date {
	t, _ := time.Parse(intranet.DateLayout, s)
	return when.Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}
}

// draft is an entry being written or edited, before it goes to the store.
type draft struct {
	date    when.Date
	worked  when.Worked
	brk     int
	project string
	note    string
}

// entry turns the draft into the store's entry of person.
func (u *Unit) entry(personID int64, d draft) intranet.NewTimeEntry {
	ne := intranet.NewTimeEntry{PersonID: personID, Date: d.date.String(), Project: d.project, Note: d.note}
	if !d.worked.Ranged {
		ne.Minutes = d.worked.Minutes
		return ne
	}
	end := d.date
	if d.worked.NextDay {
		end = d.date.AddDays(1)
	}
	ne.Start, ne.End = d.date.At(d.worked.From, u.cfg.Location), end.At(d.worked.To, u.cfg.Location)
	ne.BreakMinutes = d.brk
	return ne
}

// draftOf is a stored entry as a draft, to edit.
func (u *Unit) draftOf(e *intranet.TimeEntry) draft {
	d := draft{date: dateOf(e.Date), brk: e.BreakMinutes, project: e.Project, note: e.Note}
	if !e.Ranged() {
		d.worked = when.Worked{Minutes: e.Minutes}
		return d
	}
	start, end := e.Start.In(u.cfg.Location), e.End.In(u.cfg.Location)
	d.worked = when.Worked{Ranged: true, From: when.Clock(start.Hour()*60 + start.Minute()), To: when.Clock(end.Hour()*60 + end.Minute()),
		NextDay: when.DateOf(end, u.cfg.Location) != d.date}
	d.worked.Minutes = int(end.Sub(start).Minutes())
	return d
}

// problem says what is wrong with a draft before the store is asked, in
// the caller's language; "" when nothing is.
func (u *Unit) problem(c *feature.Call, d draft) string {
	switch {
	case !d.worked.Ranged && d.brk > 0:
		return c.T("Een pauze hoort bij een tijd van-tot; bij een aantal uren tel je de pauze gewoon niet mee.",
			"A break goes with a time range; with a number of hours, just leave the break out.")
	case d.worked.Ranged && d.brk >= d.worked.Minutes:
		return c.T("De pauze (%d min) is even lang als de tijd %s of langer.", "The break (%d min) is as long as the time %s or longer.", d.brk, d.worked.String())
	case utf8.RuneCountInString(d.project) > intranet.MaxProject:
		return c.T("Een projectcode is hoogstens %d tekens.", "A project code is at most %d characters.", intranet.MaxProject)
	case utf8.RuneCountInString(d.note) > intranet.MaxNote:
		return c.T("Een notitie is hoogstens %d tekens.", "A note is at most %d characters.", intranet.MaxNote)
	}
	return ""
}

// dayTotal returns the minutes of a person's entries on a date, without
// the entry self, and the week's sheet.
func (u *Unit) dayTotal(ctx context.Context, personID int64, date string, self int64) (int, *intranet.Timesheet, error) {
	sheet, err := u.cfg.Timesheets.Timesheet(ctx, personID, weekOf(date))
	if err != nil {
		return 0, nil, err
	}
	n := 0
	for _, e := range sheet.Entries {
		if e.Date == date && e.ID != self {
			n += e.Minutes
		}
	}
	return n, sheet, nil
}

// fullDay refuses a draft that takes its day above 24 hours.
func (u *Unit) fullDay(ctx context.Context, c *feature.Call, d draft, self int64) (string, error) {
	minutes := d.worked.Minutes - d.brk
	have, _, err := u.dayTotal(ctx, c.Person.ID, d.date.String(), self)
	if err != nil {
		return "", err
	}
	if have+minutes > intranet.MaxDayMinutes {
		return c.T("Op %s staat al %s; met %s erbij wordt dat meer dan 24 uur. Kijk je dag na met `/uren week %s`.",
			"%s already holds %s; with %s more that is over 24 hours. Check your day with `/hours week %s`.",
			dayText(c.Lang, d.date.String()), hoursText(c.Lang, have), hoursText(c.Lang, minutes), d.date), nil
	}
	return "", nil
}

// addEntry is /hours <date> <from>-<to>|<hours> [<note>] [break:] [project:].
func (u *Unit) addEntry(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	date, _ := c.Cmd.Date("date")
	worked, _ := c.Cmd.Worked("time")
	d := draft{date: date, worked: worked, brk: int(c.Cmd.Number("break")), project: strings.TrimSpace(c.Cmd.Text("project")), note: strings.TrimSpace(c.Cmd.Text("note"))}
	if !c.Cmd.Has("break") {
		if brk, rest, ok := breakInNote(d.note); ok {
			d.brk, d.note = brk, rest
		}
	}
	if msg := u.problem(c, d); msg != "" {
		return c.Reply(msg + " " + c.Usage()), nil
	}
	if msg, err := u.fullDay(ctx, c, d, 0); err != nil || msg != "" {
		return c.Reply(msg), err
	}
	e, err := u.cfg.Timesheets.AddTimeEntry(ctx, u.entry(c.Person.ID, d), u.cfg.Now())
	if err != nil {
		return u.entryRefused(ctx, c, err)
	}
	return u.savedEntry(ctx, c, e, c.T("Genoteerd als regel %d", "Written down as entry %d", e.ID))
}

// savedEntry confirms an added or changed entry with the day's and the
// week's totals.
func (u *Unit) savedEntry(ctx context.Context, c *feature.Call, e *intranet.TimeEntry, head string) (intranet.Reply, error) {
	day, sheet, err := u.dayTotal(ctx, c.Person.ID, e.Date, 0)
	if err != nil {
		return intranet.Reply{}, err
	}
	return u.savedEntryView(c, e, head, day, sheet), nil
}

// entryRefused explains why the store refused an entry: an overlap names
// the other entry, a locked week says whom to ask.
func (u *Unit) entryRefused(ctx context.Context, c *feature.Call, err error) (intranet.Reply, error) {
	var overlap *intranet.EntryOverlap
	var locked *intranet.WeekLocked
	switch {
	case errors.As(err, &overlap):
		return u.overlapView(c, overlap.Other), nil
	case errors.As(err, &locked):
		return u.lockedReply(ctx, c, locked)
	case intranet.ErrorCode(err) == intranet.EINVALID:
		// The unit checks first; this is what the store saw in a race.
		return c.Reply(c.T("Dat kan zo niet: %s", "That cannot be: %s", intranet.ErrorMessage(err))), nil
	}
	return intranet.Reply{}, err
}

// lockedReply says that a week is submitted or approved, and whom to ask
// for a change.
func (u *Unit) lockedReply(ctx context.Context, c *feature.Call, locked *intranet.WeekLocked) (intranet.Reply, error) {
	sheet, err := u.cfg.Timesheets.Timesheet(ctx, c.Person.ID, locked.Week)
	if err != nil {
		return intranet.Reply{}, err
	}
	ask, err := u.askWhom(ctx, c.Person, sheet)
	if err != nil {
		return intranet.Reply{}, err
	}
	return lockedView(c, sheet, ask), nil
}

// askWhom names who can open a locked week again: who approved it, else
// the leads of the person's department team, else their manager, else an
// admin.
func (u *Unit) askWhom(ctx context.Context, p *intranet.Person, sheet *intranet.Timesheet) (string, error) {
	if sheet.State == intranet.WeekApproved && sheet.DecidedBy != "" {
		return intranet.Plain(sheet.DecidedBy), nil
	}
	teams, err := u.cfg.Teams.TeamsOf(ctx, p.ID)
	if err != nil {
		return "", err
	}
	var leads []string
	for _, t := range teams {
		if t.Department == "" || t.Department != p.Department {
			continue
		}
		for _, l := range t.Leads() {
			if l.PersonID != p.ID {
				leads = append(leads, intranet.Plain(l.Name))
			}
		}
	}
	if len(leads) > 0 {
		return strings.Join(leads, ", "), nil
	}
	if p.Manager != "" && p.ManagerID != p.ID {
		return intranet.Plain(p.Manager), nil
	}
	return "", nil
}

// week is /hours week [<week>].
func (u *Unit) week(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	sheet, err := u.cfg.Timesheets.Timesheet(ctx, c.Person.ID, u.calledWeek(c))
	if err != nil {
		return intranet.Reply{}, err
	}
	return u.weekView(c, sheet), nil
}

// ownEntry finds one of the caller's entries; someone else's is not found.
func (u *Unit) ownEntry(ctx context.Context, c *feature.Call) (*intranet.TimeEntry, *intranet.Reply, error) {
	id := c.Cmd.Number("id")
	e, err := u.cfg.Timesheets.FindTimeEntry(ctx, id)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND || err == nil && e.PersonID != c.Person.ID {
		r := c.Reply(c.T("Je hebt geen regel %d. Je regels staan in `/uren week` (het nummer vooraan).", "You have no entry %d. Your entries are in `/hours week` (the number in front).", id))
		return nil, &r, nil
	}
	return e, nil, err
}

// editEntry is /hours edit <id> [<date>] [<time>] [<note>] [break:] [project:]:
// what is given changes, the rest stays.
func (u *Unit) editEntry(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	e, refused, err := u.ownEntry(ctx, c)
	if refused != nil || err != nil {
		return deref(refused), err
	}
	d := u.draftOf(e)
	changed := false
	if date, ok := c.Cmd.Date("date"); ok {
		d.date, changed = date, true
	}
	if w, ok := c.Cmd.Worked("time"); ok {
		d.worked, changed = w, true
		if !w.Ranged && !c.Cmd.Has("break") {
			d.brk = 0 // hours without a range have no break
		}
	}
	if c.Cmd.Has("break") {
		d.brk, changed = int(c.Cmd.Number("break")), true
	}
	if c.Cmd.Has("project") {
		d.project, changed = cleared(c.Cmd.Text("project")), true
	}
	if c.Cmd.Has("note") {
		note := c.Cmd.Text("note")
		if brk, rest, ok := breakInNote(note); ok && !c.Cmd.Has("break") {
			d.brk, changed = brk, true
			if note = rest; note == "" {
				note = d.note // only a break: the note stays
			}
		}
		d.note, changed = cleared(note), true
	}
	if !changed {
		return c.Reply(c.T("Wat moet er anders aan regel %d? ", "What should change in entry %d? ", e.ID) + c.Usage()), nil
	}
	if msg := u.problem(c, d); msg != "" {
		return c.Reply(msg + " " + c.Usage()), nil
	}
	if msg, err := u.fullDay(ctx, c, d, e.ID); err != nil || msg != "" {
		return c.Reply(msg), err
	}
	e, err = u.cfg.Timesheets.UpdateTimeEntry(ctx, e.ID, u.entry(c.Person.ID, d), u.cfg.Now())
	if err != nil {
		return u.entryRefused(ctx, c, err)
	}
	return u.savedEntry(ctx, c, e, c.T("Regel %d is gewijzigd", "Entry %d was changed", e.ID))
}

// removeEntry is /hours remove <id>.
func (u *Unit) removeEntry(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	e, refused, err := u.ownEntry(ctx, c)
	if refused != nil || err != nil {
		return deref(refused), err
	}
	if _, err := u.cfg.Timesheets.RemoveTimeEntry(ctx, e.ID); err != nil {
		return u.entryRefused(ctx, c, err)
	}
	day, sheet, err := u.dayTotal(ctx, c.Person.ID, e.Date, 0)
	if err != nil {
		return intranet.Reply{}, err
	}
	return u.removedEntryView(c, e, day, sheet), nil
}

// cleared is a typed project or note, "" for the value that clears it.
func cleared(s string) string {
	if s = strings.TrimSpace(s); s == clear {
		return ""
	}
	return s
}

func deref(r *intranet.Reply) intranet.Reply {
	if r == nil {
		return intranet.Reply{}
	}
	return *r
}

// breakInNote reads a break typed without its colon at the start of a
// note, "pauze 30", "break 30 min", "pauze 30m": people write it so on a
// phone. rest is the note after it.
func breakInNote(note string) (minutes int, rest string, ok bool) {
	words := strings.Fields(note)
	if len(words) < 2 {
		return 0, note, false
	}
	switch strings.ToLower(strings.TrimSuffix(words[0], ":")) {
	case "pauze", "break":
	default:
		return 0, note, false
	}
	n := strings.ToLower(words[1])
	unit := strings.TrimLeft(n, "0123456789")
	digits := strings.TrimSuffix(n, unit)
	v, err := strconv.Atoi(digits)
	if err != nil || len(digits) > 4 {
		return 0, note, false
	}
	used := 2
	if unit == "" && len(words) > 2 && isMinutes(words[2]) {
		used = 3
	} else if unit != "" && !isMinutes(unit) {
		return 0, note, false
	}
	return v, strings.Join(words[used:], " "), true
}

func isMinutes(w string) bool {
	switch strings.ToLower(strings.TrimSuffix(w, ".")) {
	case "m", "min", "mins", "minuten", "minuut", "minutes", "minute":
		return true
	}
	return false
}
