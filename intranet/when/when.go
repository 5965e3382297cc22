// Package when reads dates, times and repetitions as people type them in a
// chat, in Dutch and English: "vandaag", "tomorrow", "ma", "8-12", "8 dec",
// "2026-12-08", "14:00-15:30", "14-15", "14u-15u", "2pm-3pm", "every week
// until 28-12", "elke 2 weken tot 1 feb". It knows nothing of rooms, news or
// shifts, so every command reads times alike; package grammar decides where
// in a command a date or time may stand.
//
// Each command has a Direction: for what is to come (bookings, shifts,
// publication) "ma" is the next Monday, today included, and a day and month
// whose day has passed this year is next year's; for what was done (hours,
// kilometres) "ma" is the most recent Monday and a day and month still to
// come is last year's. A date on the wrong side of today is refused, naming
// it ("gisteren is voorbij").
//
// Dates are civil dates in the organisation's time zone (WERKPLEK_TIMEZONE);
// Date.At turns a date and a clock time into an instant, so a booking at
// 09:00 stays at 09:00 on both sides of a daylight saving change. Store the
// instant in UTC.
//
// The Read functions return ok=false and no error when the words do not
// look like what they read ("Stilte" is no date), and an *Error when they
// look like it but are wrong ("31-02", "25:00"), so that a caller can tell a
// mistake from a different word.
package when

import (
	"fmt"
	"time"
)

// Error is a typing mistake, explained in Dutch and English, naming the
// value that was wrong.
type Error struct {
	NL, EN string
}

func (e *Error) Error() string { return e.EN }

// Message returns the explanation in lang ("nl" or "en").
func (e *Error) Message(lang string) string {
	if lang == "nl" {
		return e.NL
	}
	return e.EN
}

func errorf(nl, en string, args ...any) *Error {
	return &Error{NL: fmt.Sprintf(nl, args...), EN: fmt.Sprintf(en, args...)}
}

// Direction says which way in time a command looks.
type Direction int

// The directions.
const (
	// Ahead is for what is to come: bookings, shifts, publication, expiry.
	Ahead Direction = iota
	// Back is for what was done: hours and kilometres.
	Back
)

// Date is a day in the calendar, without a time zone.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the civil date of t in loc.
func DateOf(t time.Time, loc *time.Location) Date {
	y, m, d := t.In(loc).Date()
	return Date{y, m, d}
}

// At returns the instant of the clock time c on d in loc. A time that a
// daylight saving change skips is moved forward as time.Date does.
func (d Date) At(c Clock, loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, int(c), 0, 0, loc)
}

// AddDays returns the date n days later (earlier for negative n).
func (d Date) AddDays(n int) Date {
	t := time.Date(d.Year, d.Month, d.Day+n, 12, 0, 0, 0, time.UTC)
	return Date{t.Year(), t.Month(), t.Day()}
}

// DaysUntil returns how many days o is after d (negative when before).
func (d Date) DaysUntil(o Date) int {
	a := time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC)
	b := time.Date(o.Year, o.Month, o.Day, 12, 0, 0, 0, time.UTC)
	return int(b.Sub(a).Hours() / 24)
}

// Weekday returns the day of the week.
func (d Date) Weekday() time.Weekday {
	return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC).Weekday()
}

// Before reports whether d is earlier than o.
func (d Date) Before(o Date) bool { return d.cmp(o) < 0 }

// After reports whether d is later than o.
func (d Date) After(o Date) bool { return d.cmp(o) > 0 }

func (d Date) cmp(o Date) int {
	switch {
	case d.Year != o.Year:
		return d.Year - o.Year
	case d.Month != o.Month:
		return int(d.Month) - int(o.Month)
	}
	return d.Day - o.Day
}

// IsZero reports whether d is the zero date (no date).
func (d Date) IsZero() bool { return d == Date{} }

// String writes the date as 2026-11-28, the form every reader here reads
// back to the same date in either direction.
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// Valid reports whether the date exists (no 31-02).
func (d Date) Valid() bool {
	if d.Month < 1 || d.Month > 12 || d.Day < 1 || d.Year < 1 || d.Year > 9999 {
		return false
	}
	t := time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC)
	return t.Day() == d.Day && t.Month() == d.Month
}

// Format writes the date for people: "vr 28 nov 2026" / "Fri 28 Nov 2026".
func (d Date) Format(lang string) string {
	wd := d.Weekday()
	if lang == "nl" {
		return fmt.Sprintf("%s %d %s %d", weekdaysNL[wd], d.Day, monthsNL[d.Month-1], d.Year)
	}
	return fmt.Sprintf("%s %d %s %d", wd.String()[:3], d.Day, d.Month.String()[:3], d.Year)
}

// Short writes the day and month for a chart's label: "8 dec" / "Dec 8".
func (d Date) Short(lang string) string {
	if lang == "nl" {
		return fmt.Sprintf("%d %s", d.Day, monthsNL[d.Month-1])
	}
	return fmt.Sprintf("%s %d", d.Month.String()[:3], d.Day)
}

var (
	weekdaysNL = [...]string{"zo", "ma", "di", "wo", "do", "vr", "za"}
	monthsNL   = [...]string{"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"}
)

// Clock is a time of day as minutes after midnight; 1440 is the midnight at
// the end of the day (a closing time).
type Clock int

// String writes the clock as 14:05.
func (c Clock) String() string { return fmt.Sprintf("%02d:%02d", int(c)/60, int(c)%60) }
