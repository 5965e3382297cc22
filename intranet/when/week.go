package when

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Week is an ISO 8601 week: it starts on Monday, and week 1 is the week
// with the year's first Thursday. (intranet.Week is the same week in the
// vocabulary; this package imports nothing of it.)
type Week struct {
	Year, Number int
}

// WeekOf returns the ISO week of a date.
func WeekOf(d Date) Week {
	y, n := time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC).ISOWeek()
	return Week{y, n}
}

// Monday returns the week's first day.
func (w Week) Monday() Date {
	// 4 January is always in week 1.
	jan4 := Date{w.Year, time.January, 4}
	return jan4.AddDays(-(int(jan4.Weekday())+6)%7 + 7*(w.Number-1))
}

// Valid reports whether the week exists (week 53 only in long years).
func (w Week) Valid() bool {
	return w.Year >= 1 && w.Year <= 9999 && w.Number >= 1 && w.Number <= 53 && WeekOf(w.Monday()) == w
}

// String writes the week as ISO 8601 does, the form ReadWeek reads back:
// "2026-W49".
func (w Week) String() string { return fmt.Sprintf("%04d-W%02d", w.Year, w.Number) }

// WeekRead is a week as it was typed.
type WeekRead struct {
	Week Week
	// Words is how many words the week took ("week 49" takes two).
	Words int
	Typed string
}

// weekWords name a week by its number ("week 49", "wk49", "w49").
var weekWords = []string{"week", "wk", "w"}

// relativeWeeks name this week and the one before.
var relativeWeeks = []struct {
	words  []string
	offset int
}{
	{[]string{"deze", "this", "current", "huidige"}, 0},
	{[]string{"vorige", "last", "previous", "afgelopen"}, -1},
	{[]string{"volgende", "next", "komende"}, 1},
}

// WeekTerms returns the words a week may be written with, for help.
func WeekTerms() []Term {
	return []Term{{"week 49", []string{"wk49", "2026-W49"}}, {"this week", []string{"deze week"}}, {"last week", []string{"vorige week"}}}
}

// ReadWeek reads an ISO week from the first words of words: "week 49",
// "wk49", "wk 49", "w49", a bare "49", "2026-W49", "deze week", "vorige
// week", "last week", or any date in it ("ma", "30-11", "2026-12-08"). A
// week number without a year is the most recent such week looking back
// (Back; the current week included), the next one looking ahead. ok is
// false when the words do not start with a week; err names a week that is
// meant but does not exist or lies on the wrong side of today.
func ReadWeek(words []string, today Date, dir Direction) (r WeekRead, ok bool, err error) {
	if len(words) == 0 {
		return r, false, nil
	}
	w := clean(words[0])
	r.Words, r.Typed = 1, words[0]
	current := WeekOf(today)
	numbered := func(s string) (WeekRead, bool, error) {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 53 {
			return r, true, errorf("`%s` is geen week: weken lopen van 1 tot 53.", "`%s` is not a week: weeks run from 1 to 53.", r.Typed)
		}
		r.Week = nearestWeek(n, current, dir)
		return r, true, nil
	}
	// 2026-W49
	if y, n, found := strings.Cut(w, "-w"); found && len(y) == 4 && isNumber(y) && isNumber(n) {
		year, _ := strconv.Atoi(y)
		num, _ := strconv.Atoi(n)
		r.Week = Week{year, num}
		if !r.Week.Valid() {
			return r, true, errorf("`%s` bestaat niet: %d heeft geen week %d.", "`%s` does not exist: %d has no week %d.", r.Typed, year, num)
		}
		return r, true, weekSide(r, current, dir)
	}
	for _, rel := range relativeWeeks {
		for _, word := range rel.words {
			if w == word && len(words) > 1 && clean(words[1]) == "week" {
				r.Words, r.Typed = 2, words[0]+" "+words[1]
				r.Week = WeekOf(today.AddDays(7 * rel.offset))
				return r, true, weekSide(r, current, dir)
			}
		}
	}
	for _, prefix := range weekWords {
		rest, found := strings.CutPrefix(w, prefix)
		switch {
		case !found:
			continue
		case rest == "" && len(words) > 1 && isNumber(clean(words[1])):
			r.Words, r.Typed = 2, words[0]+" "+words[1]
			return numbered(clean(words[1]))
		case rest != "" && isNumber(rest):
			return numbered(rest)
		}
	}
	if isNumber(w) && (len(words) == 1 || !hasKey(monthWords, clean(strings.TrimSuffix(words[1], ".")))) {
		return numbered(w)
	}
	d, ok, err := ReadDate(words, today, dir)
	if !ok {
		return r, false, nil
	}
	r.Words, r.Typed, r.Week = d.Words, d.Typed, WeekOf(d.Date)
	return r, true, err
}

// nearestWeek is week number n of the current year, else of the year
// before (Back) or after (Ahead) when that one lies on the wrong side or
// does not exist; a week 53 is looked for further in years that have one.
func nearestWeek(n int, current Week, dir Direction) Week {
	step := -1
	if dir == Ahead {
		step = 1
	}
	for y := current.Year; y >= current.Year-7 && y <= current.Year+7; y += step {
		w := Week{y, n}
		if !w.Valid() {
			continue
		}
		if dir == Back && !current.Before(w) || dir == Ahead && !w.Before(current) {
			return w
		}
	}
	return Week{current.Year + step, n} // unreachable: week 53 comes every few years
}

// Before reports whether w is earlier than o.
func (w Week) Before(o Week) bool {
	return w.Year < o.Year || w.Year == o.Year && w.Number < o.Number
}

// weekSide refuses a week on the wrong side of the current one.
func weekSide(r WeekRead, current Week, dir Direction) error {
	switch {
	case dir == Back && current.Before(r.Week):
		return errorf("`%s` is nog niet begonnen%s; kies deze week of eerder.", "`%s` has not begun%s; choose this week or earlier.", r.Typed, readAs(r.Typed, r.Week.String()))
	case dir == Ahead && r.Week.Before(current):
		return errorf("`%s` is voorbij%s; kies deze week of later.", "`%s` has passed%s; choose this week or later.", r.Typed, readAs(r.Typed, r.Week.String()))
	}
	return nil
}

// readAs is what a typed week or month was read as, in brackets after it
// ("volgende week (2026-W50)"), or nothing when that is what was typed.
func readAs(typed, read string) string {
	if strings.EqualFold(strings.TrimSpace(typed), read) {
		return ""
	}
	return " (" + read + ")"
}

// Month is a month of a year.
type Month struct {
	Year  int
	Month time.Month
}

// MonthOf returns the month of a date.
func MonthOf(d Date) Month { return Month{d.Year, d.Month} }

// First and Last are the month's first and last day.
func (m Month) First() Date { return Date{m.Year, m.Month, 1} }

// Last returns the month's last day.
func (m Month) Last() Date {
	t := time.Date(m.Year, m.Month+1, 0, 12, 0, 0, 0, time.UTC)
	return Date{t.Year(), t.Month(), t.Day()}
}

// Before reports whether m is earlier than o.
func (m Month) Before(o Month) bool {
	return m.Year < o.Year || m.Year == o.Year && m.Month < o.Month
}

// String writes the month as "2026-11", the form ReadMonth reads back.
func (m Month) String() string { return fmt.Sprintf("%04d-%02d", m.Year, int(m.Month)) }

// Format writes the month for people: "november 2026".
func (m Month) Format(lang string) string {
	if lang == "nl" {
		return fmt.Sprintf("%s %d", monthNameNL[m.Month-1], m.Year)
	}
	return fmt.Sprintf("%s %d", m.Month, m.Year)
}

// MonthRead is a month as it was typed.
type MonthRead struct {
	Month Month
	// Words is how many words the month took ("nov 2026" takes two).
	Words int
	Typed string
}

// ReadMonth reads a month from the first words of words: a month's name in
// Dutch or English ("nov", "november", "mrt"), with or without a year
// ("nov 2026"), "2026-11", "11-2026", "deze maand", "vorige maand", "this
// month", "last month". A name without a year is the most recent such
// month looking back (the current one included), the next one looking
// ahead. ok is false when the words do not start with a month; err names a
// month that is meant but wrong.
func ReadMonth(words []string, today Date, dir Direction) (r MonthRead, ok bool, err error) {
	if len(words) == 0 {
		return r, false, nil
	}
	w := clean(words[0])
	r.Words, r.Typed = 1, words[0]
	current := MonthOf(today)
	for _, rel := range relativeWeeks {
		for _, word := range rel.words {
			if w == word && len(words) > 1 && (clean(words[1]) == "maand" || clean(words[1]) == "month") {
				r.Words, r.Typed = 2, words[0]+" "+words[1]
				t := time.Date(today.Year, today.Month+time.Month(rel.offset), 1, 12, 0, 0, 0, time.UTC)
				r.Month = Month{t.Year(), t.Month()}
				return r, true, monthSide(r, current, dir)
			}
		}
	}
	if m, named := monthWords[clean(strings.TrimSuffix(words[0], "."))]; named {
		if len(words) > 1 && len(clean(words[1])) == 4 && isNumber(clean(words[1])) {
			year, _ := strconv.Atoi(clean(words[1]))
			r.Words, r.Typed, r.Month = 2, words[0]+" "+words[1], Month{year, m}
			if year < 1 {
				return r, true, notAMonth(r.Typed)
			}
			return r, true, monthSide(r, current, dir)
		}
		r.Month = Month{today.Year, m}
		switch {
		case dir == Back && current.Before(r.Month):
			r.Month.Year--
		case dir == Ahead && r.Month.Before(current):
			r.Month.Year++
		}
		return r, true, nil
	}
	// 2026-11, 11-2026, 11/2026
	parts := strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '/' })
	if len(parts) != 2 || strings.Count(w, "-")+strings.Count(w, "/") != 1 || !isNumber(parts[0]) || !isNumber(parts[1]) {
		return r, false, nil
	}
	ys, ms := parts[0], parts[1]
	if len(ms) == 4 {
		ys, ms = ms, ys
	}
	if len(ys) != 4 || len(ms) > 2 {
		return r, false, nil
	}
	year, _ := strconv.Atoi(ys)
	month, _ := strconv.Atoi(ms)
	if year < 1 || month < 1 || month > 12 {
		return r, true, notAMonth(r.Typed)
	}
	r.Month = Month{year, time.Month(month)}
	return r, true, monthSide(r, current, dir)
}

func notAMonth(typed string) *Error {
	return errorf("`%s` is geen maand. Schrijf bijvoorbeeld `nov`, `november` of `2026-11`.", "`%s` is not a month. Write e.g. `nov`, `november` or `2026-11`.", typed)
}

// monthSide refuses a month on the wrong side of the current one.
func monthSide(r MonthRead, current Month, dir Direction) error {
	switch {
	case dir == Back && current.Before(r.Month):
		return errorf("`%s` is nog niet begonnen%s; kies deze maand of eerder.", "`%s` has not begun%s; choose this month or earlier.", r.Typed, readAs(r.Typed, r.Month.String()))
	case dir == Ahead && r.Month.Before(current):
		return errorf("`%s` is voorbij%s; kies deze maand of later.", "`%s` has passed%s; choose this month or later.", r.Typed, readAs(r.Typed, r.Month.String()))
	}
	return nil
}
