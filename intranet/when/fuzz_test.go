package when

import (
	"strings"
	"testing"
)

// FuzzRead feeds typed words to every reader: none panics, and what reads
// without a mistake writes back (String) to words that read as the same.
func FuzzRead(f *testing.F) {
	for _, s := range []string{"morgen 10-11", "8-12 07:00-15:00", "31 februari 07:00-15:00", "gisteren", "ma 22:00-07:00",
		"elke week tot 28-12", "every 2 weeks until 2027-01-31", "werkdagen t/m 4 dec", "28 dec 9u", "2pm-3pm", "1u30", "29-02-2028", "14.00-15.30",
		"week 49", "wk53", "2026-W49", "49", "vorige week", "nov", "november 2025", "2026-11", "vorige maand", "7,5u", "7:30", "8 uur", "22:00-07:00", "45m"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, text string, back bool) {
		dir := Ahead
		if back {
			dir = Back
		}
		words := strings.Fields(text)
		if d, ok, err := ReadDate(words, today, dir); ok && err == nil {
			again, ok, err := ReadDate([]string{d.Date.String()}, today, dir)
			if !ok || err != nil || again.Date != d.Date {
				t.Errorf("date %q -> %s -> %v %v %v", text, d.Date, again.Date, ok, err)
			}
		}
		for _, overnight := range []bool{false, true} {
			if s, _, ok, err := ReadSlot(words, today, dir, overnight); ok && err == nil {
				again, _, ok, err := ReadSlot(strings.Fields(s.String()), today, dir, overnight)
				if !ok || err != nil || again.Date != s.Date || again.From != s.From || again.To != s.To || again.NextDay != s.NextDay {
					t.Errorf("slot %q -> %s -> %s %v %v", text, s, again, ok, err)
				}
			}
		}
		if r, _, ok, err := ReadRepeat(words, today, dir); ok && err == nil {
			again, _, ok, err := ReadRepeat(strings.Fields(r.String()), today, dir)
			if !ok || err != nil || again.Unit != r.Unit || again.Every != r.Every || again.Until != r.Until {
				t.Errorf("repeat %q -> %s -> %+v %v %v", text, r, again, ok, err)
			}
		}
		if dt, _, ok, err := ReadDateTime(words, today, dir); ok && err == nil {
			again, _, ok, err := ReadDateTime(strings.Fields(dt.String()), today, dir)
			if !ok || err != nil || again.Date != dt.Date || again.Clock != dt.Clock || again.ClockTyped != dt.ClockTyped {
				t.Errorf("date and time %q -> %s -> %s %v %v", text, dt, again, ok, err)
			}
		}
		if w, ok, err := ReadWeek(words, today, dir); ok && err == nil {
			again, ok, err := ReadWeek([]string{w.Week.String()}, today, dir)
			if !ok || err != nil || again.Week != w.Week || !w.Week.Valid() {
				t.Errorf("week %q -> %s -> %s %v %v", text, w.Week, again.Week, ok, err)
			}
		}
		if m, ok, err := ReadMonth(words, today, dir); ok && err == nil {
			again, ok, err := ReadMonth([]string{m.Month.String()}, today, dir)
			if !ok || err != nil || again.Month != m.Month {
				t.Errorf("month %q -> %s -> %s %v %v", text, m.Month, again.Month, ok, err)
			}
		}
		if w, _, ok, err := ReadWorked(words); ok && err == nil {
			again, _, ok, err := ReadWorked([]string{w.String()})
			if !ok || err != nil || again != w || w.Minutes < 1 || w.Minutes > 24*60 {
				t.Errorf("worked %q -> %s -> %+v %v %v", text, w, again, ok, err)
			}
		}
		_, _, _, _ = ReadDuration(words, 0)
		_, _, _ = ReadClock(text)
	})
}
