package when

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Slot is a date with a time slot: "8-12 07:00-15:00", "morgen 10-11", or a
// lone "10-11" for today.
type Slot struct {
	Date Date
	// DateRead is the date as typed; its Words is 0 when none was (today).
	DateRead DateRead
	From, To Clock
	// NextDay is true when the slot ends on the next day (22:00-07:00, a
	// night shift), which only a command that allows it accepts.
	NextDay bool
}

// Start and End return the slot's instants in loc.
func (s Slot) Start(loc *time.Location) time.Time { return s.Date.At(s.From, loc) }

// End returns the end instant in loc.
func (s Slot) End(loc *time.Location) time.Time {
	if s.NextDay {
		return s.Date.AddDays(1).At(s.To, loc)
	}
	return s.Date.At(s.To, loc)
}

// String writes the slot in the form ReadSlot reads back: "2026-12-08 07:00-15:00".
func (s Slot) String() string { return fmt.Sprintf("%s %s-%s", s.Date, s.From, s.To) }

// ReadSlot reads a slot from the first words of words. Position and need
// decide: a date followed by a time slot is that date ("8-12 07:00-15:00"
// is 8 December, 07:00 to 15:00; "morgen 10-11"), and a lone time slot is
// today's ("10-11", also "8-12" when no time slot follows it). An end
// before the start is the next day when overnight is set (a shift), and a
// mistake otherwise. ok is false when the words do not start with a slot;
// err names a date or time that is meant but wrong.
func ReadSlot(words []string, today Date, dir Direction, overnight bool) (s Slot, n int, ok bool, err error) {
	if len(words) == 0 {
		return s, 0, false, nil
	}
	d, dateShaped, derr := ReadDate(words, today, dir)
	if dateShaped && d.Words < len(words) && LooksLikeTimeRange(words[d.Words]) {
		if derr != nil {
			return s, 0, true, derr
		}
		from, to, _, err := ReadTimeRange(words[d.Words])
		if err != nil {
			return s, 0, true, err
		}
		s = Slot{Date: d.Date, DateRead: d, From: from, To: to}
		return s, d.Words + 1, true, s.order(overnight, words[d.Words])
	}
	from, to, rangeShaped, rerr := ReadTimeRange(words[0])
	switch {
	case !rangeShaped:
		return s, 0, false, nil
	case rerr != nil && dateShaped && derr == nil:
		return s, 0, false, nil // "25-12" alone: a date, and no time slot after it
	case rerr != nil:
		return s, 0, true, rerr
	}
	s = Slot{Date: today, From: from, To: to}
	return s, 1, true, s.order(overnight, words[0])
}

// order checks that the slot ends after it starts, or on the next day
// when overnight allows it.
func (s *Slot) order(overnight bool, typed string) error {
	switch {
	case s.From == s.To:
		return errorf("`%s` duurt nul minuten; geef een begin en een eind, bijvoorbeeld `14:00-15:30`.", "`%s` lasts zero minutes; give a start and an end, e.g. `14:00-15:30`.", typed)
	case s.To < s.From && overnight:
		s.NextDay = true
	case s.To < s.From:
		return errorf("`%s`: het begin (%s) ligt niet vóór het eind (%s).", "`%s`: the start (%s) is not before the end (%s).", typed, s.From, s.To)
	}
	return nil
}

// DateTime is a moment as typed: a date, a time of day, or both
// ("morgen 09:00", "28-12", "14:00" for today).
type DateTime struct {
	Date     Date
	DateRead DateRead
	Clock    Clock
	// ClockTyped is false for a date alone; the command decides whether
	// that means the start or the end of the day.
	ClockTyped bool
}

// String writes the moment in the form ReadDateTime reads back.
func (t DateTime) String() string {
	if t.ClockTyped {
		return t.Date.String() + " " + t.Clock.String()
	}
	return t.Date.String()
}

// ReadDateTime reads a date followed by an optional time of day, or a time
// of day alone (today). ok is false when the words start with neither.
func ReadDateTime(words []string, today Date, dir Direction) (t DateTime, n int, ok bool, err error) {
	if len(words) == 0 {
		return t, 0, false, nil
	}
	d, dateShaped, derr := ReadDate(words, today, dir)
	if dateShaped {
		if derr != nil {
			return t, 0, true, derr
		}
		t = DateTime{Date: d.Date, DateRead: d}
		n = d.Words
		if n < len(words) && LooksLikeClock(words[n]) && !LooksLikeTimeRange(words[n]) {
			c, _, err := ReadClock(words[n])
			if err != nil {
				return t, 0, true, err
			}
			t.Clock, t.ClockTyped = c, true
			n++
		}
		return t, n, true, nil
	}
	c, clockShaped, err := ReadClock(words[0])
	switch {
	case !clockShaped:
		return t, 0, false, nil
	case err != nil:
		return t, 0, true, err
	}
	return DateTime{Date: today, Clock: c, ClockTyped: true}, 1, true, nil
}

// durationUnits maps the words of a duration to their length.
var durationUnits = map[string]time.Duration{
	"h": time.Hour, "u": time.Hour, "uur": time.Hour, "uren": time.Hour, "hour": time.Hour, "hours": time.Hour,
	"m": time.Minute, "min": time.Minute, "minuut": time.Minute, "minuten": time.Minute, "minute": time.Minute, "minutes": time.Minute,
}

// DurationTerms returns the unit words a duration may be written with.
func DurationTerms() []Term {
	return []Term{{"h", []string{"u", "uur", "uren", "hour", "hours"}}, {"min", []string{"m", "minuut", "minuten", "minute", "minutes"}}}
}

// ReadDuration reads a length of time: "4" (in unit), "4h", "4u", "4 uur",
// "90m", "1h30", "1u30". ok is false when the words do not start with one.
func ReadDuration(words []string, unit time.Duration) (d time.Duration, n int, ok bool, err error) {
	if len(words) == 0 {
		return 0, 0, false, nil
	}
	w := strings.ToLower(words[0])
	i := strings.IndexFunc(w, func(r rune) bool { return r < '0' || r > '9' })
	if i == 0 {
		return 0, 0, false, nil
	}
	num, rest := w, ""
	if i > 0 {
		num, rest = w[:i], w[i:]
	}
	k, err := strconv.Atoi(num)
	if err != nil || len(num) > 5 {
		return 0, 0, true, errorf("`%s` is geen tijdsduur.", "`%s` is not a length of time.", words[0])
	}
	n = 1
	switch {
	case rest == "" && len(words) > 1 && durationUnits[strings.ToLower(words[1])] != 0:
		unit, n = durationUnits[strings.ToLower(words[1])], 2
	case rest == "":
	case durationUnits[rest] != 0:
		unit = durationUnits[rest]
	case (rest[0] == 'h' || rest[0] == 'u') && len(rest) == 3 && strings.Trim(rest[1:], "0123456789") == "":
		m, _ := strconv.Atoi(rest[1:])
		if m > 59 {
			return 0, 0, true, errorf("`%s` is geen tijdsduur.", "`%s` is not a length of time.", words[0])
		}
		return time.Duration(k)*time.Hour + time.Duration(m)*time.Minute, 1, true, nil
	default:
		return 0, 0, true, errorf("`%s` is geen tijdsduur; schrijf bijvoorbeeld `4u` of `90m`.", "`%s` is not a length of time; write e.g. `4h` or `90m`.", words[0])
	}
	return time.Duration(k) * unit, n, true, nil
}
