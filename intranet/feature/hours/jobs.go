package hours

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/nl"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/when"
)

// HoursRemindJob reminds, on the first working day of a week at
// RemindAt, everyone who wrote hours or trips in the week before and did
// not submit it (key "hours:remind:<that week>"). Each run schedules the
// next week's.
const HoursRemindJob = "hours.remind"

// RemindAt is the time of day of the reminder, in WERKPLEK_TIMEZONE.
const RemindAt = when.Clock(9 * 60)

// holidays are the Dutch public holidays (Algemene termijnenwet: New
// Year, Good Friday, Easter and Whit Monday, King's Day, Liberation Day,
// Ascension, Christmas), on which nobody is reminded.
var holidays = func() *cal.BusinessCalendar {
	c := cal.NewBusinessCalendar()
	c.AddHoliday(nl.Holidays...)
	return c
}()

// FirstWorkday returns the first day of w that is a working day: Monday
// to Friday and no Dutch public holiday (the Monday should there be none).
func FirstWorkday(w intranet.Week) when.Date {
	days := w.Days()
	for _, day := range days[:5] {
		t, _ := time.Parse(intranet.DateLayout, day)
		noon := time.Date(t.Year(), t.Month(), t.Day(), 12, 0, 0, 0, time.UTC)
		if actual, observed, _ := holidays.IsHoliday(noon); !actual && !observed {
			return when.Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}
		}
	}
	t, _ := time.Parse(intranet.DateLayout, w.First())
	return when.Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}
}

func remindKey(w intranet.Week) string { return "hours:remind:" + w.String() }

// remindDue is when the reminder of week w goes out: the first working
// day of the week after it, at RemindAt.
func (u *Unit) remindDue(w intranet.Week) time.Time {
	return FirstWorkday(w.Next()).At(RemindAt, u.cfg.Location)
}

// registerJobs registers the reminder's handler and schedules the next
// reminder: this week's (of last week) while its day has not passed, else
// next week's. Scheduling it again at every start changes nothing (one
// job per week's key and due).
func (u *Unit) registerJobs() error {
	if err := u.cfg.Jobs.HandleJobs(HoursRemindJob, u.remindJob); err != nil {
		return err
	}
	today := u.cfg.Today()
	w := weekOfDate(today).Prev()
	if due := u.remindDue(w); when.DateOf(due, u.cfg.Location).Before(today) {
		w = w.Next()
	}
	return u.cfg.Jobs.Schedule(context.Background(), HoursRemindJob, remindKey(w), u.remindDue(w), nil)
}

// remindJob DMs everyone with hours or trips in the job's week that is
// open or rejected a button to submit it, once per person and week, and
// schedules the next week's reminder.
func (u *Unit) remindJob(ctx context.Context, j intranet.Job) error {
	w, err := intranet.ParseWeek(strings.TrimPrefix(j.Key, "hours:remind:"))
	if err != nil || !strings.HasPrefix(j.Key, "hours:remind:") {
		return intranet.FailJob(fmt.Errorf("%s job with key %q", j.Kind, j.Key))
	}
	if err := u.cfg.Jobs.Schedule(ctx, HoursRemindJob, remindKey(w.Next()), u.remindDue(w.Next()), nil); err != nil {
		return err
	}
	sheets, err := u.cfg.Timesheets.Timesheets(ctx, intranet.TimesheetFilter{Week: w, States: []intranet.WeekState{intranet.WeekOpen, intranet.WeekRejected}})
	if err != nil {
		return err
	}
	for _, s := range sheets {
		if len(s.Entries) == 0 && len(s.Trips) == 0 || s.State.Locked() {
			continue
		}
		p, err := u.cfg.People.FindPersonByID(ctx, s.PersonID)
		if intranet.ErrorCode(err) == intranet.ENOTFOUND {
			continue
		} else if err != nil {
			return err
		}
		if p.IsGuest() {
			continue
		}
		if err := u.notifier.Send(ctx, feature.DM{To: p, Key: fmt.Sprintf("hours:%d:%s:remind", p.ID, w),
			Write: func(lang string) intranet.Reply { return u.reminderDM(lang, s) }}); err != nil {
			return err
		}
	}
	return nil
}

// reminderDM asks the person to submit their week.
func (u *Unit) reminderDM(lang string, s *intranet.Timesheet) intranet.Reply {
	text := feature.T(lang, "Je %s is nog niet ingediend (%s). Dien hem in, dan kan je teamleider hem goedkeuren.",
		"Your %s is not submitted yet (%s). Submit it so that your team lead can approve it.", weekText(lang, s.Week), totalsText(lang, s, u.cfg.Rate))
	if s.State == intranet.WeekRejected {
		text = feature.T(lang, "Je %s is afgewezen (%s) en nog niet opnieuw ingediend. Verbeter hem en dien hem opnieuw in.",
			"Your %s was rejected (%s) and is not submitted again yet. Correct it and submit it again.", weekText(lang, s.Week), intranet.Plain(s.Reason))
	}
	return intranet.Reply{Text: text, Buttons: []intranet.Button{
		{Label: feature.T(lang, "Week %d indienen", "Submit week %d", s.Week.Number), Style: intranet.StylePrimary, Command: fmt.Sprintf("/hours submit %s", s.Week)},
		{Label: feature.T(lang, "Bekijk de week", "View the week"), Command: fmt.Sprintf("/hours week %s", s.Week)},
	}}
}
