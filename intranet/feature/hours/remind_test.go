package hours_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature/hours"
	"github.com/werkplek/werkplek/intranet/when"
)

func at(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, coretest.Amsterdam)
}

func TestFirstWorkday(t *testing.T) {
	for _, c := range []struct {
		week intranet.Week
		want when.Date
	}{
		{intranet.Week{Year: 2026, Number: 49}, when.Date{Year: 2026, Month: 11, Day: 30}}, // an ordinary Monday
		{intranet.Week{Year: 2026, Number: 15}, when.Date{Year: 2026, Month: 4, Day: 7}},   // Easter Monday 6 April
		{intranet.Week{Year: 2026, Number: 18}, when.Date{Year: 2026, Month: 4, Day: 28}},  // King's Day, Monday 27 April
		{intranet.Week{Year: 2026, Number: 22}, when.Date{Year: 2026, Month: 5, Day: 26}},  // Whit Monday 25 May
		{intranet.Week{Year: 2027, Number: 1}, when.Date{Year: 2027, Month: 1, Day: 4}},    // New Year on a Friday
		{intranet.Week{Year: 2026, Number: 53}, when.Date{Year: 2026, Month: 12, Day: 28}}, // Christmas on the Friday before
		{intranet.Week{Year: 2025, Number: 52}, when.Date{Year: 2025, Month: 12, Day: 22}},
		{intranet.Week{Year: 2025, Number: 1}, when.Date{Year: 2024, Month: 12, Day: 30}},
	} {
		if got := hours.FirstWorkday(c.week); got != c.want {
			t.Errorf("first working day of %s: %s, want %s", c.week, got, c.want)
		}
	}
}

func TestReminderOnMonday(t *testing.T) {
	hoursEnv(t, "", func(t *testing.T, e *env) {
		// Built on Friday 27 November (week 48): the reminder of week 48
		// goes out on Monday 30 November at 09:00.
		if due, ok := e.Jobs.Pending(hours.HoursRemindJob, "hours:remind:2026-W48"); !ok || !due.Equal(at(2026, 11, 30, 9, 0)) {
			t.Fatalf("first reminder: %v %v", due, ok)
		}
		e.work(pieter, "2026-11-23", 480, 0) // open
		e.work(kees, "2026-11-24", 0, 30)    // a trip only, English
		e.work(jan, "2026-11-25", 480, 0)    // submitted
		e.say(jan, "/hours submit")
		e.work(sanne, "2026-11-30", 480, 0) // the week after
		e.Now = at(2026, 11, 30, 8, 59)
		e.RunDue()
		if len(e.dms(pieter)) != 0 {
			t.Fatal("reminded before 09:00")
		}
		e.Now = at(2026, 11, 30, 9, 0)
		e.RunDue()
		coretest.Wants(t, "reminder nl", last(e.dms(pieter)), "Je week 48 (23 nov – 29 nov 2026) is nog niet ingediend (8 uur)", "[Week 48 indienen: /hours submit 2026-W48]")
		coretest.Wants(t, "reminder en", last(e.dms(kees)), "Your week 48", "[Submit week 48: /hours submit 2026-W48]")
		for _, who := range []string{jan, sanne, anouk} {
			for _, dm := range e.dms(who) {
				if strings.Contains(dm, "nog niet ingediend") {
					t.Errorf("%s reminded: %s", who, dm)
				}
			}
		}
		// Once per person and week, also when the job runs again.
		n := len(e.dms(pieter))
		if err := e.Jobs.Schedule(context.Background(), hours.HoursRemindJob, "hours:remind:2026-W48", e.Now.Add(time.Minute), nil); err != nil {
			t.Fatal(err)
		}
		e.Now = e.Now.Add(time.Minute)
		e.RunDue()
		if len(e.dms(pieter)) != n {
			t.Errorf("reminded twice: %v", e.dms(pieter))
		}
		// The button submits the week.
		coretest.Wants(t, "button", coretest.All(e.Press(pieter, "/hours submit 2026-W48")), "is ingediend bij Anouk van den Berg")
		if due, ok := e.Jobs.Pending(hours.HoursRemindJob, "hours:remind:2026-W49"); !ok || !due.Equal(at(2026, 12, 7, 9, 0)) {
			t.Errorf("next reminder: %v %v", due, ok)
		}
	})
}

// TestReminderAfterHolidays: on Easter Monday, King's Day and Whit Monday
// nobody is reminded; the reminder goes out on the Tuesday.
func TestReminderAfterHolidays(t *testing.T) {
	for _, c := range []struct {
		name    string
		built   time.Time
		worked  string
		week    string
		holiday time.Time
		next    time.Time
	}{
		{"Easter Monday", at(2026, 4, 2, 10, 0), "2026-03-31", "2026-W14", at(2026, 4, 6, 9, 0), at(2026, 4, 7, 9, 0)},
		{"King's Day", at(2026, 4, 23, 10, 0), "2026-04-21", "2026-W17", at(2026, 4, 27, 9, 0), at(2026, 4, 28, 9, 0)},
		{"Whit Monday", at(2026, 5, 21, 10, 0), "2026-05-19", "2026-W21", at(2026, 5, 25, 9, 0), at(2026, 5, 26, 9, 0)},
	} {
		t.Run(c.name, func(t *testing.T) {
			coretest.Engines(t, func(t *testing.T, ce *coretest.Env) {
				ce.Now = c.built
				u, err := hours.New(hours.Config{Env: ce.Feature(), Timesheets: ce.Store, Teams: ce.Store, Admins: ce.Store, Downloads: ce.Store,
					Events: &publisher{}, Rate: 0.23})
				if err != nil {
					t.Fatal(err)
				}
				ce.Core(u)
				if due, ok := ce.Jobs.Pending(hours.HoursRemindJob, "hours:remind:"+c.week); !ok || !due.Equal(c.next) {
					t.Fatalf("reminder of %s: %v %v, want %v", c.week, due, ok, c.next)
				}
				p, err := ce.Store.FindPersonByEmail(context.Background(), pieter)
				if err != nil {
					t.Fatal(err)
				}
				if _, err := ce.Store.AddTimeEntry(context.Background(), intranet.NewTimeEntry{PersonID: p.ID, Date: c.worked, Minutes: 480}, ce.Now); err != nil {
					t.Fatal(err)
				}
				ce.Now = c.holiday.Add(3 * time.Hour)
				ce.RunDue()
				if dms := ce.Posters.DMs(intranet.PlatformConsole, pieter); len(dms) != 0 {
					t.Fatalf("reminded on %s: %v", c.name, dms)
				}
				ce.Now = c.next
				ce.RunDue()
				dms := ce.Posters.DMs(intranet.PlatformConsole, pieter)
				if len(dms) != 1 {
					t.Fatalf("reminders the day after %s: %v", c.name, dms)
				}
				coretest.Wants(t, c.name, dms[0], "/hours submit "+c.week)
			})
		})
	}
}

// TestReminderAfterRestart: a unit built again on the reminder's day,
// after it ran, schedules nothing that reminds twice; built on the day
// before it ran, it keeps that day's reminder.
func TestReminderAfterRestart(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, ce *coretest.Env) {
		ce.Now = at(2026, 11, 30, 11, 0) // Monday, after 09:00
		u, err := hours.New(hours.Config{Env: ce.Feature(), Timesheets: ce.Store, Teams: ce.Store, Admins: ce.Store, Downloads: ce.Store,
			Events: &publisher{}, Rate: 0.23})
		if err != nil {
			t.Fatal(err)
		}
		ce.Core(u)
		// The day's reminder is still sent (it may not have run while
		// Werkplek was down).
		if due, ok := ce.Jobs.Pending(hours.HoursRemindJob, "hours:remind:2026-W48"); !ok || !due.Equal(at(2026, 11, 30, 9, 0)) {
			t.Fatalf("today's reminder: %v %v", due, ok)
		}
	})
	coretest.Engines(t, func(t *testing.T, ce *coretest.Env) {
		ce.Now = at(2026, 12, 1, 8, 0) // Tuesday: Monday's has passed
		if _, err := hours.New(hours.Config{Env: ce.Feature(), Timesheets: ce.Store, Teams: ce.Store, Admins: ce.Store, Downloads: ce.Store,
			Events: &publisher{}, Rate: 0.23}); err != nil {
			t.Fatal(err)
		}
		if _, ok := ce.Jobs.Pending(hours.HoursRemindJob, "hours:remind:2026-W48"); ok {
			t.Error("last Monday's reminder scheduled on Tuesday")
		}
		if due, ok := ce.Jobs.Pending(hours.HoursRemindJob, "hours:remind:2026-W49"); !ok || !due.Equal(at(2026, 12, 7, 9, 0)) {
			t.Errorf("next reminder: %v %v", due, ok)
		}
	})
}

// TestSubmitOnMondayMorning: on Monday before noon /hours submit means
// last week while it waits to be submitted, and says so.
func TestSubmitOnMondayMorning(t *testing.T) {
	hoursEnv(t, "", func(t *testing.T, e *env) {
		e.work(pieter, "2026-11-27", 480, 0)
		e.Now = at(2026, 11, 30, 10, 0)
		e.work(pieter, "2026-11-30", 120, 0)
		coretest.Wants(t, "monday", e.say(pieter, "/hours submit"), "Je week 48 (23 nov – 29 nov 2026) is ingediend", "Op maandagochtend is dat vorige week", "`/uren indienen 2026-W49`")
		coretest.Wants(t, "then this week", e.say(pieter, "/hours submit"), "Je week 49 (30 nov – 6 dec 2026) is ingediend")
		e.work(jan, "2026-11-30", 120, 0)
		e.Now = at(2026, 11, 30, 12, 0)
		coretest.Wants(t, "afternoon", e.say(jan, "/hours submit"), "Je week 49")
	})
}
