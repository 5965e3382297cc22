// Package when reads dates, times and repetitions as people type them in a
// chat, in Dutch and English: "vandaag", "tomorrow", "ma", "28-11",
// "28 nov", "2026-11-28", "14:00-15:30", "14-15", "14u-15u", "every week
// until 19-12", "elke 2 weken tot 1 feb". It knows nothing of rooms, news or
// shifts, so every feature reads times alike.
//
// Dates are civil dates in the organisation's time zone (WERKPLEK_TIMEZONE);
// Date.At turns a date and a clock time into an instant, so a booking at
// 09:00 stays at 09:00 on both sides of a daylight saving change. Store the
// instant in UTC.
//
// Errors are *Error values carrying the message in both languages.
package when

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Error is a typing mistake, explained in Dutch and English.
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

// String writes the date as 2026-11-28, the form every parser here reads.
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// Valid reports whether the date exists (no 31-02).
func (d Date) Valid() bool {
	if d.Month < 1 || d.Month > 12 || d.Day < 1 || d.Year < 1 {
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
	return fmt.Sprintf("%s %d %s %d", wd.String()[:3], d.Day, time.Month(d.Month).String()[:3], d.Year)
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

var dayWords = map[string]int{"vandaag": 0, "today": 0, "morgen": 1, "tomorrow": 1, "overmorgen": 2}

var weekdayWords = map[string]time.Weekday{}

var monthWords = map[string]time.Month{}

func init() {
	for i, names := range [][]string{
		{"zo", "zon", "zondag", "sun", "sunday"},
		{"ma", "maa", "maandag", "mon", "monday"},
		{"di", "din", "dinsdag", "tue", "tues", "tuesday"},
		{"wo", "woe", "woensdag", "wed", "wednesday"},
		{"do", "don", "donderdag", "thu", "thur", "thurs", "thursday"},
		{"vr", "vri", "vrijdag", "fri", "friday"},
		{"za", "zat", "zaterdag", "sat", "saturday"},
	} {
		for _, n := range names {
			weekdayWords[n] = time.Weekday(i)
		}
	}
	for i, names := range [][]string{
		{"jan", "januari", "january"},
		{"feb", "februari", "february"},
		{"mrt", "mar", "maart", "march"},
		{"apr", "april"},
		{"mei", "may"},
		{"jun", "juni", "june"},
		{"jul", "juli", "july"},
		{"aug", "augustus", "august"},
		{"sep", "sept", "september"},
		{"okt", "oct", "oktober", "october"},
		{"nov", "november"},
		{"dec", "december"},
	} {
		for _, n := range names {
			monthWords[n] = time.Month(i + 1)
		}
	}
}

// ParseDate reads a date from the first words of words and returns it with
// the number of words it used. today is the current date in the
// organisation's time zone. A weekday means the next such day, today
// included; a day and month without a year that has passed this year means
// next year.
func ParseDate(words []string, today Date) (Date, int, error) {
	if len(words) == 0 {
		return Date{}, 0, errorf("Geef een datum, bijvoorbeeld `morgen`, `vr`, `28-11` of `2026-11-28`.", "Give a date, e.g. `tomorrow`, `fri`, `28-11` or `2026-11-28`.")
	}
	w := strings.ToLower(strings.TrimSuffix(words[0], ","))
	if n, ok := dayWords[w]; ok {
		return today.AddDays(n), 1, nil
	}
	if wd, ok := weekdayWords[w]; ok {
		return today.AddDays((int(wd) - int(today.Weekday()) + 7) % 7), 1, nil
	}
	// 28 nov [2026]
	if day, err := strconv.Atoi(w); err == nil && len(words) > 1 {
		if m, ok := monthWords[strings.ToLower(strings.TrimSuffix(words[1], "."))]; ok {
			used := 2
			year := 0
			if len(words) > 2 {
				if y, err := strconv.Atoi(words[2]); err == nil && y >= 1000 && y <= 9999 {
					year, used = y, 3
				}
			}
			d, err := complete(day, m, year, today, words[0]+" "+words[1])
			return d, used, err
		}
	}
	parts := strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '/' || r == '.' })
	nums := make([]int, len(parts))
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil {
			return Date{}, 0, errorf("`%s` is geen datum. Schrijf bijvoorbeeld `morgen`, `vr`, `28-11`, `28 nov` of `2026-11-28`.",
				"`%s` is not a date. Write e.g. `tomorrow`, `fri`, `28-11`, `28 nov` or `2026-11-28`.", words[0])
		}
		nums[i] = n
	}
	switch {
	case len(nums) == 3 && len(parts[0]) == 4: // 2026-11-28
		d, err := complete(nums[2], time.Month(nums[1]), nums[0], today, words[0])
		return d, 1, err
	case len(nums) == 3: // 28-11-2026
		year := nums[2]
		if len(parts[2]) == 2 {
			year += 2000
		}
		d, err := complete(nums[0], time.Month(nums[1]), year, today, words[0])
		return d, 1, err
	case len(nums) == 2: // 28-11
		d, err := complete(nums[0], time.Month(nums[1]), 0, today, words[0])
		return d, 1, err
	}
	return Date{}, 0, errorf("`%s` is geen datum. Schrijf bijvoorbeeld `morgen`, `vr`, `28-11`, `28 nov` of `2026-11-28`.",
		"`%s` is not a date. Write e.g. `tomorrow`, `fri`, `28-11`, `28 nov` or `2026-11-28`.", words[0])
}

// complete checks a typed day and month and picks the year when none was
// given: this year, or next year when the date has passed.
func complete(day int, month time.Month, year int, today Date, typed string) (Date, error) {
	impossible := errorf("`%s` bestaat niet: die maand heeft geen dag %d.", "`%s` does not exist: that month has no day %d.", typed, day)
	if month < 1 || month > 12 {
		return Date{}, errorf("`%s` is geen datum: er is geen maand %d.", "`%s` is not a date: there is no month %d.", typed, int(month))
	}
	if year != 0 {
		d := Date{year, month, day}
		if !d.Valid() {
			return Date{}, impossible
		}
		return d, nil
	}
	d := Date{today.Year, month, day}
	if d.Valid() && !d.Before(today) {
		return d, nil
	}
	d.Year++
	if !d.Valid() {
		// 29-02 in a year without it, or 31-04 in any year.
		return Date{}, impossible
	}
	return d, nil
}

// ParseClock reads a time of day: "14:00", "14.30", "14u", "14u30", "14",
// "9". "24:00" is the end of the day.
func ParseClock(s string) (Clock, error) {
	w := strings.ToLower(strings.TrimSpace(s))
	bad := errorf("`%s` is geen tijd. Schrijf bijvoorbeeld `14:00`, `14u` of `9.30`.", "`%s` is not a time. Write e.g. `14:00`, `2pm` or `9.30`.", s)
	pm, am := strings.HasSuffix(w, "pm"), strings.HasSuffix(w, "am")
	w = strings.TrimSuffix(strings.TrimSuffix(w, "pm"), "am")
	w = strings.TrimSuffix(w, "h")
	var hs, ms string
	if i := strings.IndexAny(w, ":.u"); i >= 0 {
		hs, ms = w[:i], w[i+1:]
	} else {
		hs = w
	}
	if hs == "" || len(hs) > 2 || len(ms) == 1 || len(ms) > 2 {
		return 0, bad
	}
	h, err := strconv.Atoi(hs)
	if err != nil {
		return 0, bad
	}
	m := 0
	if ms != "" {
		if m, err = strconv.Atoi(ms); err != nil || m > 59 {
			return 0, bad
		}
	}
	if pm || am {
		if h < 1 || h > 12 {
			return 0, bad
		}
		h %= 12
		if pm {
			h += 12
		}
	}
	if h > 24 || h == 24 && m != 0 {
		return 0, bad
	}
	return Clock(h*60 + m), nil
}

// ParseTimeRange reads "14:00-15:30", "14-15", "14u-15u" or "9.30-10". It
// does not require from before to: the caller says why that is wrong in its
// own terms.
func ParseTimeRange(s string) (from, to Clock, err error) {
	a, b, ok := strings.Cut(strings.ReplaceAll(s, "–", "-"), "-")
	if !ok {
		return 0, 0, errorf("`%s` is geen tijdvak. Schrijf van-tot, bijvoorbeeld `14:00-15:30`, `14-15` of `14u-15u`.",
			"`%s` is not a time slot. Write from-to, e.g. `14:00-15:30`, `14-15` or `2pm-3pm`.", s)
	}
	if from, err = ParseClock(a); err != nil {
		return 0, 0, err
	}
	if to, err = ParseClock(b); err != nil {
		return 0, 0, err
	}
	return from, to, nil
}

// Unit is what a repetition counts in.
type Unit int

// The units of a repetition.
const (
	Days Unit = iota + 1
	Weeks
	Weekdays // Monday to Friday
)

// Repeat is a repetition: every Every days or weeks until Until (included).
type Repeat struct {
	Every int
	Unit  Unit
	Until Date
}

// MaxOccurrences bounds a repetition, so that a typo in the year does not
// book a room for a decade.
const MaxOccurrences = 366

// Dates returns first and every repetition until r.Until, at most
// MaxOccurrences dates. On Weekdays a first date at the weekend is skipped.
func (r Repeat) Dates(first Date) []Date {
	var out []Date
	for d, i := first, 0; !d.After(r.Until) && len(out) < MaxOccurrences; i++ {
		switch r.Unit {
		case Weekdays:
			if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
				out = append(out, d)
			}
			d = d.AddDays(1)
		case Weeks:
			out = append(out, d)
			d = first.AddDays(7 * r.Every * (i + 1))
		default:
			out = append(out, d)
			d = first.AddDays(r.Every * (i + 1))
		}
	}
	return out
}

// IsRepeatStart reports whether word begins a repetition ("every", "elke",
// "iedere", "daily", "dagelijks", "weekly", "wekelijks", "weekdays", "werkdagen").
func IsRepeatStart(word string) bool {
	switch strings.ToLower(word) {
	case "every", "each", "elke", "iedere", "daily", "dagelijks", "weekly", "wekelijks", "weekdays", "werkdagen":
		return true
	}
	return false
}

// ParseRepeat reads a repetition from the first words of words: "every day
// until 19-12", "every week until fri", "every 2 weeks until 2027-01-31",
// "elke week tot 19 dec", "dagelijks tot ...", "weekdays until ...". It
// returns the repetition and how many words it used. The until date is read
// like ParseDate does, relative to today.
func ParseRepeat(words []string, today Date) (Repeat, int, error) {
	form := errorf("Schrijf een herhaling als `elke dag|week|2 weken tot <datum>` of `werkdagen tot <datum>`.",
		"Write a repetition as `every day|week|2 weeks until <date>` or `weekdays until <date>`.")
	if len(words) == 0 {
		return Repeat{}, 0, form
	}
	r := Repeat{Every: 1}
	i := 0
	switch strings.ToLower(words[0]) {
	case "daily", "dagelijks":
		r.Unit, i = Days, 1
	case "weekly", "wekelijks":
		r.Unit, i = Weeks, 1
	case "weekdays", "werkdagen":
		r.Unit, i = Weekdays, 1
	case "every", "each", "elke", "iedere":
		i = 1
		if i < len(words) {
			if n, err := strconv.Atoi(words[i]); err == nil {
				if n < 1 || n > 52 {
					return Repeat{}, 0, form
				}
				r.Every = n
				i++
			}
		}
		if i >= len(words) {
			return Repeat{}, 0, form
		}
		switch strings.ToLower(words[i]) {
		case "day", "days", "dag", "dagen":
			r.Unit = Days
		case "week", "weeks", "weken":
			r.Unit = Weeks
		case "weekday", "weekdays", "werkdag", "werkdagen":
			r.Unit = Weekdays
		default:
			return Repeat{}, 0, form
		}
		i++
	default:
		return Repeat{}, 0, form
	}
	if i >= len(words) {
		return Repeat{}, 0, errorf("Tot wanneer? Schrijf bijvoorbeeld `elke week tot 19-12`.", "Until when? Write e.g. `every week until 19-12`.")
	}
	switch strings.ToLower(words[i]) {
	case "until", "till", "tot", "t/m":
		i++
		if i < len(words) && strings.EqualFold(words[i-1], "tot") && strings.EqualFold(words[i], "en") && i+1 < len(words) && strings.EqualFold(words[i+1], "met") {
			i += 2 // "tot en met"
		}
	default:
		return Repeat{}, 0, errorf("Tot wanneer? Schrijf bijvoorbeeld `elke week tot 19-12`.", "Until when? Write e.g. `every week until 19-12`.")
	}
	until, n, err := ParseDate(words[i:], today)
	if err != nil {
		return Repeat{}, 0, err
	}
	r.Until = until
	return r, i + n, nil
}

// Found is a date and a time slot found among words: the words
// [Start, End) are the date (when given) and the time range.
type Found struct {
	Start, End int
	Date       Date
	// DateGiven is false when no date preceded the time range; Date is then today.
	DateGiven bool
	From, To  Clock
}

// FindSlot finds "<date> <from>-<to>" among words, the date optional
// (today). Words before Start are free text such as a room's name, words
// from End on follow it (a title, a repetition). It prefers a time range
// with a date in front, so "10-11 14-15" is 10 November, 14:00 to 15:00;
// without one it takes the first time range. ok is false when there is no
// time range. err explains a date that was meant but does not exist
// ("31-02 14-15", "30 feb 9-10").
func FindSlot(words []string, today Date) (f Found, ok bool, err error) {
	f, ok = findSlot(words, today)
	if !ok || f.DateGiven || f.Start == 0 {
		return f, ok, nil
	}
	// A word before the time range that looks like a date but is none.
	prev := strings.ToLower(words[f.Start-1])
	if strings.ContainsAny(prev, "0123456789") && strings.ContainsAny(prev, "-/") {
		if _, _, err := ParseDate(words[f.Start-1:f.Start], today); err != nil {
			return f, false, err
		}
	}
	if _, month := monthWords[strings.TrimSuffix(prev, ".")]; month && f.Start >= 2 {
		if _, numErr := strconv.Atoi(words[f.Start-2]); numErr == nil {
			if _, _, err := ParseDate(words[f.Start-2:f.Start], today); err != nil {
				return f, false, err
			}
		}
	}
	return f, ok, nil
}

func findSlot(words []string, today Date) (Found, bool) {
	first := Found{Start: -1}
	for t, w := range words {
		from, to, err := ParseTimeRange(w)
		if err != nil {
			continue
		}
		for j := t - 1; j >= 0 && j >= t-3; j-- {
			d, n, err := ParseDate(words[j:t], today)
			if err == nil && n == t-j {
				return Found{Start: j, End: t + 1, Date: d, DateGiven: true, From: from, To: to}, true
			}
		}
		if first.Start < 0 {
			first = Found{Start: t, End: t + 1, Date: today, From: from, To: to}
		}
	}
	return first, first.Start >= 0
}

// Words splits text into words, keeping a time range typed with spaces
// ("14:00 - 15:30") as one word and a quoted phrase ("Grote zaal") as one.
func Words(text string) []string {
	text = strings.ReplaceAll(text, "–", "-")
	var out []string
	for len(text) > 0 {
		text = strings.TrimLeft(text, " \t\n")
		if text == "" {
			break
		}
		if q := text[0]; q == '"' || q == '\'' {
			if end := strings.IndexByte(text[1:], q); end >= 0 {
				out = append(out, text[1:1+end])
				text = text[2+end:]
				continue
			}
		}
		i := strings.IndexAny(text, " \t\n")
		if i < 0 {
			i = len(text)
		}
		out = append(out, text[:i])
		text = text[i:]
	}
	// Glue "14:00 - 15:30", "14:00- 15:30" and "14:00 -15:30".
	var glued []string
	for i := 0; i < len(out); i++ {
		w := out[i]
		switch {
		case w == "-" && len(glued) > 0 && i+1 < len(out) && isClockish(glued[len(glued)-1]) && isClockish(out[i+1]):
			glued[len(glued)-1] += "-" + out[i+1]
			i++
			continue
		case strings.HasSuffix(w, "-") && i+1 < len(out) && isClockish(strings.TrimSuffix(w, "-")) && isClockish(out[i+1]):
			w += out[i+1]
			i++
		case strings.HasPrefix(w, "-") && len(glued) > 0 && isClockish(glued[len(glued)-1]) && isClockish(w[1:]):
			glued[len(glued)-1] += w
			continue
		}
		glued = append(glued, w)
	}
	return glued
}

func isClockish(w string) bool {
	_, err := ParseClock(w)
	return err == nil
}
