package when

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// A Term is one word these readers know, in English with its Dutch
// aliases; Terms lists them all, so that help shows every word that is
// accepted and nothing else.
type Term struct {
	EN string
	NL []string
}

// dayTerms are the days named relative to today, with their offset.
var dayTerms = []struct {
	Term
	offset int
}{
	{Term{"today", []string{"vandaag"}}, 0},
	{Term{"tomorrow", []string{"morgen"}}, 1},
	{Term{"", []string{"overmorgen"}}, 2},
	{Term{"yesterday", []string{"gisteren"}}, -1},
	{Term{"", []string{"eergisteren"}}, -2},
}

// weekdayTerms are indexed by time.Weekday.
var weekdayTerms = [7]Term{
	{"sun", []string{"zo", "zondag", "sunday"}},
	{"mon", []string{"ma", "maandag", "monday"}},
	{"tue", []string{"di", "dinsdag", "tuesday"}},
	{"wed", []string{"wo", "woensdag", "wednesday"}},
	{"thu", []string{"do", "donderdag", "thursday"}},
	{"fri", []string{"vr", "vrijdag", "friday"}},
	{"sat", []string{"za", "zaterdag", "saturday"}},
}

// monthTerms are indexed by month - 1.
var monthTerms = [12]Term{
	{"jan", []string{"januari", "january"}},
	{"feb", []string{"februari", "february"}},
	{"mar", []string{"mrt", "maart", "march"}},
	{"apr", []string{"april"}},
	{"may", []string{"mei"}},
	{"jun", []string{"juni", "june"}},
	{"jul", []string{"juli", "july"}},
	{"aug", []string{"augustus", "august"}},
	{"sep", []string{"sept", "september"}},
	{"oct", []string{"okt", "oktober", "october"}},
	{"nov", []string{"november"}},
	{"dec", []string{"december"}},
}

var (
	dayWords     = map[string]int{}
	weekdayWords = map[string]time.Weekday{}
	monthWords   = map[string]time.Month{}
)

func init() {
	for _, d := range dayTerms {
		for _, w := range d.words() {
			dayWords[w] = d.offset
		}
	}
	for i, t := range weekdayTerms {
		for _, w := range t.words() {
			weekdayWords[w] = time.Weekday(i)
		}
	}
	for i, t := range monthTerms {
		for _, w := range t.words() {
			monthWords[w] = time.Month(i + 1)
		}
	}
}

func (t Term) words() []string {
	var out []string
	if t.EN != "" {
		out = append(out, t.EN)
	}
	return append(out, t.NL...)
}

// DateTerms returns every word a date may be written with: the relative
// days, the weekdays and the months.
func DateTerms() (days, weekdays, months []Term) {
	for _, d := range dayTerms {
		days = append(days, d.Term)
	}
	return days, weekdayTerms[:], monthTerms[:]
}

// DateRead is a date as it was typed.
type DateRead struct {
	Date Date
	// Words is how many words the date took ("8 dec 2026" takes three).
	Words int
	// Typed is those words as typed.
	Typed string
	// Named is true for a date named relative to today (morgen, ma): there
	// is no year to read back.
	Named bool
	// YearTyped is true when the person wrote the year.
	YearTyped bool
}

// Far reports whether the date is more than 60 days from today and was
// written without a year, so that a reply should say which year it read.
func (r DateRead) Far(today Date) bool {
	if r.Named || r.YearTyped {
		return false
	}
	n := today.DaysUntil(r.Date)
	return n > 60 || n < -60
}

func clean(w string) string { return strings.ToLower(strings.TrimRight(w, ",")) }

// looksLikeNumericDate reports whether w is two or three numbers joined by
// -, / or . ("8-12", "8/12", "2026-12-08", "8.12.26").
func looksLikeNumericDate(w string) bool {
	parts := strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '/' || r == '.' })
	if len(parts) < 2 || len(parts) > 3 || strings.Count(w, "-")+strings.Count(w, "/")+strings.Count(w, ".") != len(parts)-1 {
		return false
	}
	for _, p := range parts {
		if p == "" || len(p) > 4 || strings.Trim(p, "0123456789") != "" {
			return false
		}
	}
	return true
}

// isNumber reports whether w is one to four digits.
func isNumber(w string) bool {
	return w != "" && len(w) <= 4 && strings.Trim(w, "0123456789") == ""
}

// ReadDate reads a date from the first words of words: a day named
// relative to today (vandaag, morgen, gisteren), a weekday, "8 dec [2026]",
// "8-12", "8/12", "8-12-2026" or "2026-12-08". today is the current date in
// the organisation's time zone, dir the command's direction. ok is false
// when the first word is no date at all; err names a date that is meant but
// does not exist or lies on the wrong side of today.
func ReadDate(words []string, today Date, dir Direction) (r DateRead, ok bool, err error) {
	return ReadDateFrom(words, today, today, dir)
}

// ReadDateFrom reads a date like ReadDate, but completes a weekday and a
// day and month without a year from the date from rather than from today:
// the end of a series that starts on 28 December, "tot 5-1", is 5 January
// after it, and "werkdagen tot vr" the Friday after its first day.
// Days named from today (morgen) and the side of today stay today's.
func ReadDateFrom(words []string, today, from Date, dir Direction) (r DateRead, ok bool, err error) {
	if len(words) == 0 {
		return r, false, nil
	}
	w := clean(words[0])
	r.Words, r.Typed = 1, words[0]
	switch {
	case w == "":
		return r, false, nil
	case hasKey(dayWords, w):
		r.Date, r.Named = today.AddDays(dayWords[w]), true
		return r, true, side(r, today, dir)
	case hasKey(weekdayWords, w):
		r.Named = true
		delta := (int(weekdayWords[w]) - int(from.Weekday()) + 7) % 7
		if dir == Back {
			delta = -((int(from.Weekday()) - int(weekdayWords[w]) + 7) % 7)
		}
		r.Date = from.AddDays(delta)
		return r, true, side(r, today, dir)
	case isNumber(w) && len(words) > 1 && hasKey(monthWords, clean(strings.TrimSuffix(words[1], "."))):
		// 8 dec [2026]
		day, _ := strconv.Atoi(w)
		month := monthWords[clean(strings.TrimSuffix(words[1], "."))]
		r.Words, r.Typed = 2, words[0]+" "+words[1]
		year := 0
		if len(words) > 2 && len(clean(words[2])) == 4 && isNumber(clean(words[2])) {
			year, _ = strconv.Atoi(clean(words[2]))
			r.Words, r.Typed = 3, r.Typed+" "+words[2]
		}
		r.Date, r.YearTyped, err = complete(day, month, year, from, dir, r.Typed)
		if err == nil {
			err = side(r, today, dir)
		}
		return r, true, err
	case looksLikeNumericDate(w):
		parts := strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '/' || r == '.' })
		nums := make([]int, len(parts))
		for i, p := range parts {
			nums[i], _ = strconv.Atoi(p)
		}
		switch {
		case len(parts) == 3 && len(parts[0]) == 4: // 2026-12-08
			r.Date, r.YearTyped, err = complete(nums[2], time.Month(nums[1]), nums[0], from, dir, r.Typed)
		case len(parts) == 3 && (len(parts[2]) == 2 || len(parts[2]) == 4): // 8-12-2026, 8-12-26
			year := nums[2]
			if len(parts[2]) == 2 {
				year += 2000
			}
			r.Date, r.YearTyped, err = complete(nums[0], time.Month(nums[1]), year, from, dir, r.Typed)
		case len(parts) == 2 && len(parts[0]) <= 2 && len(parts[1]) <= 2: // 8-12
			r.Date, r.YearTyped, err = complete(nums[0], time.Month(nums[1]), 0, from, dir, r.Typed)
		default:
			return r, true, notADate(r.Typed)
		}
		if err == nil {
			err = side(r, today, dir)
		}
		return r, true, err
	}
	return r, false, nil
}

func hasKey[V any](m map[string]V, k string) bool {
	_, ok := m[k]
	return ok
}

func notADate(typed string) *Error {
	return errorf("`%s` is geen datum. Schrijf bijvoorbeeld `morgen`, `vr`, `8-12`, `8 dec` of `2026-12-08`.",
		"`%s` is not a date. Write e.g. `tomorrow`, `fri`, `8-12`, `8 dec` or `2026-12-08`.", typed)
}

// side refuses a date on the wrong side of today for the direction.
func side(r DateRead, today Date, dir Direction) error {
	switch {
	case dir == Ahead && r.Date.Before(today):
		return &Error{NL: fmt.Sprintf("`%s` is voorbij (%s); kies vandaag of later.", r.Typed, r.Date.Format("nl")),
			EN: fmt.Sprintf("`%s` has passed (%s); choose today or later.", r.Typed, r.Date.Format("en"))}
	case dir == Back && r.Date.After(today):
		return &Error{NL: fmt.Sprintf("`%s` is nog niet geweest (%s); kies vandaag of eerder.", r.Typed, r.Date.Format("nl")),
			EN: fmt.Sprintf("`%s` is still to come (%s); choose today or earlier.", r.Typed, r.Date.Format("en"))}
	}
	return nil
}

// complete checks a typed day and month and picks the year when none was
// given: this year, else the next (Ahead) or the previous (Back) when the
// date lies on the wrong side of today.
func complete(day int, month time.Month, year int, today Date, dir Direction, typed string) (Date, bool, error) {
	if month < 1 || month > 12 {
		return Date{}, year != 0, errorf("`%s` is geen datum: er is geen maand %d.", "`%s` is not a date: there is no month %d.", typed, int(month))
	}
	impossible := &Error{NL: fmt.Sprintf("`%s` bestaat niet: %s heeft geen %d dagen.", typed, monthNameNL[month-1], day),
		EN: fmt.Sprintf("`%s` does not exist: %s has no %d days.", typed, month, day)}
	if year != 0 {
		d := Date{year, month, day}
		if !d.Valid() {
			switch {
			case year < 1 || year > 9999:
				return Date{}, true, notADate(typed)
			case month == time.February && day == 29:
				return Date{}, true, errorf("`%s` bestaat niet: %d is geen schrikkeljaar.", "`%s` does not exist: %d is no leap year.", typed, year)
			}
			return Date{}, true, impossible
		}
		return d, true, nil
	}
	d := Date{today.Year, month, day}
	switch {
	case dir == Ahead && (!d.Valid() || d.Before(today)):
		d.Year++
	case dir == Back && (!d.Valid() || d.After(today)):
		d.Year--
	}
	if !d.Valid() {
		if month == time.February && day == 29 {
			return Date{}, false, errorf("`%s` bestaat niet in %d: dat is geen schrikkeljaar.", "`%s` does not exist in %d: that is no leap year.", typed, d.Year)
		}
		return Date{}, false, impossible // 31-04 in any year
	}
	return d, false, nil
}

var monthNameNL = [...]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}

// ReadWeekday reads the name of a day of the week ("ma", "maandag", "mon").
func ReadWeekday(w string) (time.Weekday, bool) {
	d, ok := weekdayWords[clean(w)]
	return d, ok
}
