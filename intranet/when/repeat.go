package when

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

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
	// UntilRead is the until date as typed, for read-backs.
	UntilRead DateRead
}

// MaxOccurrences bounds a repetition, so that a typo in the year does not
// book a room for a decade.
const MaxOccurrences = 366

// Dates returns first and every repetition until r.Until, at most
// MaxOccurrences dates (TooLong tells whether there would be more). On
// Weekdays a first date at the weekend is skipped.
func (r Repeat) Dates(first Date) []Date { return r.upTo(first, MaxOccurrences) }

// TooLong reports whether the repetition from first has more than
// MaxOccurrences dates: Dates would leave its end out, so the caller must
// refuse it rather than book it cut short.
func (r Repeat) TooLong(first Date) bool {
	return len(r.upTo(first, MaxOccurrences+1)) > MaxOccurrences
}

// upTo returns at most n dates of the repetition from first.
func (r Repeat) upTo(first Date, n int) []Date {
	var out []Date
	for d, i := first, 0; !d.After(r.Until) && len(out) < n; i++ {
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

// String writes the repetition in the canonical words ReadRepeat reads
// back: "every day until 2026-12-28", "every 2 weeks until …", "weekdays
// until …".
func (r Repeat) String() string {
	return r.every("en") + " until " + r.Until.String()
}

// Format writes the repetition as people say it: "elke dag tot en met
// ma 28 dec 2026", "every 2 weeks until Mon 28 Dec 2026".
func (r Repeat) Format(lang string) string {
	if lang == "nl" {
		return r.every("nl") + " tot en met " + r.Until.Format("nl")
	}
	return r.every("en") + " until " + r.Until.Format("en")
}

func (r Repeat) every(lang string) string {
	nl := lang == "nl"
	switch {
	case r.Unit == Weekdays && nl:
		return "werkdagen"
	case r.Unit == Weekdays:
		return "weekdays"
	case r.Every <= 1 && r.Unit == Weeks && nl:
		return "elke week"
	case r.Every <= 1 && r.Unit == Weeks:
		return "every week"
	case r.Every <= 1 && nl:
		return "elke dag"
	case r.Every <= 1:
		return "every day"
	case r.Unit == Weeks && nl:
		return fmt.Sprintf("elke %d weken", r.Every)
	case r.Unit == Weeks:
		return fmt.Sprintf("every %d weeks", r.Every)
	case nl:
		return fmt.Sprintf("elke %d dagen", r.Every)
	}
	return fmt.Sprintf("every %d days", r.Every)
}

// The words of a repetition, English first.
var (
	everyWords    = Term{"every", []string{"each", "elke", "iedere"}}
	dailyWords    = Term{"daily", []string{"dagelijks"}}
	weeklyWords   = Term{"weekly", []string{"wekelijks"}}
	weekdaysWords = Term{"weekdays", []string{"werkdagen"}}
	untilWords    = Term{"until", []string{"till", "tot", "t/m", "tot en met"}}
	dayUnit       = Term{"day", []string{"days", "dag", "dagen"}}
	weekUnit      = Term{"week", []string{"weeks", "weken"}}
	weekdayUnit   = Term{"weekday", []string{"weekdays", "werkdag", "werkdagen"}}
)

// RepeatTerms returns every word a repetition may be written with.
func RepeatTerms() []Term {
	return []Term{everyWords, dailyWords, weeklyWords, weekdaysWords, untilWords, dayUnit, weekUnit, weekdayUnit}
}

func is(t Term, w string) bool {
	w = strings.ToLower(w)
	for _, x := range t.words() {
		if x == w {
			return true
		}
	}
	return false
}

// ReadRepeat reads a repetition from the first words of words: "every day
// until 19-12", "every week until fri", "every 2 weeks until 2027-01-31",
// "elke week tot 19 dec", "dagelijks tot …", "werkdagen t/m …". The until
// date is read like ReadDate does. ok is false when the words do not start
// a repetition, or start one only by a single word that may as well be a
// title's ("Wekelijks overleg"); err explains a repetition that was clearly
// meant ("elke week" without an end, "elke week tot 31-02").
func ReadRepeat(words []string, today Date, dir Direction) (r Repeat, n int, ok bool, err error) {
	return ReadRepeatFrom(words, today, today, dir)
}

// ReadRepeatFrom reads a repetition whose first date is first: its end is
// completed from that date (see ReadDateFrom).
func ReadRepeatFrom(words []string, today, first Date, dir Direction) (r Repeat, n int, ok bool, err error) {
	form := errorf("Schrijf een herhaling als `elke dag|week|2 weken tot <datum>` of `werkdagen tot <datum>`.",
		"Write a repetition as `every day|week|2 weeks until <date>` or `weekdays until <date>`.")
	if len(words) == 0 {
		return r, 0, false, nil
	}
	r.Every = 1
	i := 0
	switch w := words[0]; {
	case is(dailyWords, w):
		r.Unit, i = Days, 1
	case is(weeklyWords, w):
		r.Unit, i = Weeks, 1
	case is(weekdaysWords, w):
		r.Unit, i = Weekdays, 1
	case is(everyWords, w):
		i = 1
		if i < len(words) {
			if k, err := strconv.Atoi(words[i]); err == nil {
				if k < 1 || k > 52 {
					return r, 0, true, errorf("`elke %s`: herhaal elke 1 tot 52 dagen of weken.", "`every %s`: repeat every 1 to 52 days or weeks.", words[i])
				}
				r.Every = k
				i++
			}
		}
		if i >= len(words) {
			return r, 0, i > 1, form
		}
		switch w := words[i]; {
		case is(dayUnit, w):
			r.Unit = Days
		case is(weekUnit, w):
			r.Unit = Weeks
		case is(weekdayUnit, w):
			r.Unit = Weekdays
		default:
			if i > 1 {
				return r, 0, true, form
			}
			return r, 0, false, nil // "elke" followed by anything else: a title's word
		}
		i++
	default:
		return r, 0, false, nil
	}
	// From here the repetition is clear when it took two words ("elke
	// week"), or when "tot"/"until" follows the single word.
	strong := i > 1
	missing := errorf("Tot wanneer? Schrijf bijvoorbeeld `elke week tot 19-12`.", "Until when? Write e.g. `every week until 19-12`.")
	if i >= len(words) || !is(untilWords, words[i]) {
		if strong {
			return r, 0, true, missing
		}
		return r, 0, false, nil
	}
	i++
	if i+1 < len(words) && strings.EqualFold(words[i-1], "tot") && strings.EqualFold(words[i], "en") && strings.EqualFold(words[i+1], "met") {
		i += 2 // "tot en met"
	}
	until, ok, err := ReadDateFrom(words[i:], today, first, dir)
	switch {
	case err != nil:
		return r, 0, true, err
	case !ok:
		return r, 0, true, missing
	}
	r.Until, r.UntilRead = until.Date, until
	return r, i + until.Words, true, nil
}
