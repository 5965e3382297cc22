package when

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// Friday 27 November 2026.
var today = Date{2026, time.November, 27}

func TestReadDate(t *testing.T) {
	for _, tc := range []struct {
		in    string
		dir   Direction
		want  string
		words int
	}{
		{"vandaag", Ahead, "2026-11-27", 1},
		{"today", Back, "2026-11-27", 1},
		{"morgen", Ahead, "2026-11-28", 1},
		{"Tomorrow", Ahead, "2026-11-28", 1},
		{"overmorgen", Ahead, "2026-11-29", 1},
		{"gisteren", Back, "2026-11-26", 1},
		{"yesterday", Back, "2026-11-26", 1},
		{"eergisteren", Back, "2026-11-25", 1},
		{"vr", Ahead, "2026-11-27", 1}, // today included
		{"vr", Back, "2026-11-27", 1},
		{"fri", Ahead, "2026-11-27", 1},
		{"za", Ahead, "2026-11-28", 1},
		{"za", Back, "2026-11-21", 1},
		{"ma", Ahead, "2026-11-30", 1},
		{"ma", Back, "2026-11-23", 1},
		{"monday", Ahead, "2026-11-30", 1},
		{"do", Ahead, "2026-12-03", 1},
		{"zondag", Ahead, "2026-11-29", 1},
		{"28-11", Ahead, "2026-11-28", 1},
		{"28-11", Back, "2025-11-28", 1},
		{"27-11", Ahead, "2026-11-27", 1},
		{"27-11", Back, "2026-11-27", 1},
		{"26-11", Ahead, "2027-11-26", 1}, // passed this year: next year
		{"26-11", Back, "2026-11-26", 1},
		{"8-12", Ahead, "2026-12-08", 1},
		{"08-12", Ahead, "2026-12-08", 1},
		{"8/12", Ahead, "2026-12-08", 1},
		{"8.12", Ahead, "2026-12-08", 1},
		{"1/2", Ahead, "2027-02-01", 1},
		{"28 nov", Ahead, "2026-11-28", 2},
		{"8 dec", Ahead, "2026-12-08", 2},
		{"8 december", Ahead, "2026-12-08", 2},
		{"8 Dec.", Ahead, "2026-12-08", 2},
		{"3 jan", Ahead, "2027-01-03", 2},
		{"3 jan", Back, "2026-01-03", 2},
		{"3 januari 2028", Ahead, "2028-01-03", 3},
		{"15 mrt", Ahead, "2027-03-15", 2},
		{"15 march", Ahead, "2027-03-15", 2},
		{"2026-12-08", Ahead, "2026-12-08", 1},
		{"28-11-2026", Ahead, "2026-11-28", 1},
		{"28-11-26", Ahead, "2026-11-28", 1},
		{"29-02-2028", Ahead, "2028-02-29", 1},
		{"morgen,", Ahead, "2026-11-28", 1},
	} {
		r, ok, err := ReadDate(strings.Fields(tc.in), today, tc.dir)
		if !ok || err != nil || r.Date.String() != tc.want || r.Words != tc.words {
			t.Errorf("ReadDate(%q, %d) = %s, %d, %v, %v; want %s, %d", tc.in, tc.dir, r.Date, r.Words, ok, err, tc.want, tc.words)
		}
	}
	for _, tc := range []struct {
		in  string
		dir Direction
		nl  string
	}{
		{"31-02", Ahead, "`31-02` bestaat niet: februari heeft geen 31 dagen."},
		{"31 februari", Ahead, "`31 februari` bestaat niet: februari heeft geen 31 dagen."},
		{"30-02-2027", Ahead, "`30-02-2027` bestaat niet"},
		{"29-02", Ahead, "`29-02` bestaat niet in 2027: dat is geen schrikkeljaar."},
		{"29-02-2027", Ahead, "2027 is geen schrikkeljaar"},
		{"31-04", Ahead, "april heeft geen 31 dagen"},
		{"32-1", Ahead, "januari heeft geen 32 dagen"},
		{"1-13", Ahead, "er is geen maand 13"},
		{"2026-13-01", Ahead, "er is geen maand 13"},
		{"gisteren", Ahead, "`gisteren` is voorbij (do 26 nov 2026)"},
		{"yesterday", Ahead, "`yesterday` is voorbij"},
		{"2026-11-01", Ahead, "`2026-11-01` is voorbij"},
		{"morgen", Back, "`morgen` is nog niet geweest"},
		{"2026-12-08", Back, "nog niet geweest"},
	} {
		_, ok, err := ReadDate(strings.Fields(tc.in), today, tc.dir)
		var e *Error
		if !ok || !errors.As(err, &e) || !strings.Contains(e.NL, tc.nl) || e.EN == "" {
			t.Errorf("ReadDate(%q, %d) = %v, %v; want a *Error with %q", tc.in, tc.dir, ok, err, tc.nl)
		}
	}
	for _, notDate := range []string{"abc", "2026", "Stilte", "10:00-11:00", "14", ""} {
		if _, ok, err := ReadDate(strings.Fields(notDate), today, Ahead); ok || err != nil {
			t.Errorf("ReadDate(%q) = %v, %v; want no date and no error", notDate, ok, err)
		}
	}
}

func TestFar(t *testing.T) {
	for _, tc := range []struct {
		in  string
		far bool
	}{{"8-12", false}, {"26-11", true}, {"8 feb", true}, {"8 feb 2027", false}, {"ma", false}, {"2027-11-26", false}} {
		r, _, _ := ReadDate(strings.Fields(tc.in), today, Ahead)
		if r.Far(today) != tc.far {
			t.Errorf("%q: Far = %v, want %v", tc.in, !tc.far, tc.far)
		}
	}
}

func TestReadTimeRange(t *testing.T) {
	for _, tc := range []struct{ in, from, to string }{
		{"14:00-15:30", "14:00", "15:30"},
		{"14-15", "14:00", "15:00"},
		{"14u-15u", "14:00", "15:00"},
		{"14u30-15u", "14:30", "15:00"},
		{"14.00-15.30", "14:00", "15:30"},
		{"9.30-10", "09:30", "10:00"},
		{"2pm-3:30pm", "14:00", "15:30"},
		{"2pm-3pm", "14:00", "15:00"},
		{"23-24", "23:00", "24:00"},
		{"14:00–15:00", "14:00", "15:00"},
		{"15-14", "15:00", "14:00"}, // the slot reader decides
	} {
		f, to, err := ParseTimeRange(tc.in)
		if err != nil || f.String() != tc.from || to.String() != tc.to {
			t.Errorf("ParseTimeRange(%q) = %s, %s, %v", tc.in, f, to, err)
		}
	}
	for _, tc := range []struct{ in, nl string }{
		{"25:00-26:00", "`25:00` is geen tijd"},
		{"14:60-15", "`14:60` is geen tijd"},
		{"14:5-15", "`14:5` is geen tijd"},
		{"24:30-25", "`24:30` is geen tijd"},
		{"13pm-2pm", "`13pm` is geen tijd"},
		{"14", "`14` is geen tijdvak"},
		{"a-b", "`a-b` is geen tijdvak"},
	} {
		_, _, err := ParseTimeRange(tc.in)
		var e *Error
		if !errors.As(err, &e) || !strings.Contains(e.NL, tc.nl) {
			t.Errorf("ParseTimeRange(%q) = %v; want %q", tc.in, err, tc.nl)
		}
	}
}

func TestReadSlot(t *testing.T) {
	for _, tc := range []struct {
		in        string
		overnight bool
		want      string
		n         int
		nextDay   bool
	}{
		{"8-12 07:00-15:00 Vroege dienst", true, "2026-12-08 07:00-15:00", 2, false},
		{"08-12 07:00-15:00", true, "2026-12-08 07:00-15:00", 2, false},
		{"8 dec 07:00-15:00", true, "2026-12-08 07:00-15:00", 3, false},
		{"14-12 07:00-15:00", true, "2026-12-14 07:00-15:00", 2, false},
		{"morgen 10-11", false, "2026-11-28 10:00-11:00", 2, false},
		{"10-11 Overleg", false, "2026-11-27 10:00-11:00", 1, false},
		{"8-12 Overleg", false, "2026-11-27 08:00-12:00", 1, false},
		{"ma 22:00-07:00", true, "2026-11-30 22:00-07:00", 2, true},
		{"vr 2pm-3pm", false, "2026-11-27 14:00-15:00", 2, false},
	} {
		s, n, ok, err := ReadSlot(strings.Fields(tc.in), today, Ahead, tc.overnight)
		if !ok || err != nil || s.String() != tc.want || n != tc.n || s.NextDay != tc.nextDay {
			t.Errorf("ReadSlot(%q) = %s, %d, %v, %v, next day %v; want %s, %d", tc.in, s, n, ok, err, s.NextDay, tc.want, tc.n)
		}
	}
	for _, tc := range []struct{ in, nl string }{
		{"31 februari 07:00-15:00", "`31 februari` bestaat niet"},
		{"gisteren 14:00-22:00", "`gisteren` is voorbij"},
		{"morgen 25:00-26:00", "`25:00` is geen tijd"},
		{"25:00-26:00 X", "`25:00` is geen tijd"},
		{"morgen 15-14", "het begin (15:00) ligt niet vóór het eind (14:00)"},
		{"morgen 14-14", "duurt nul minuten"},
	} {
		_, _, ok, err := ReadSlot(strings.Fields(tc.in), today, Ahead, false)
		var e *Error
		if !ok || !errors.As(err, &e) || !strings.Contains(e.NL, tc.nl) {
			t.Errorf("ReadSlot(%q) = %v, %v; want %q", tc.in, ok, err, tc.nl)
		}
	}
	for _, none := range []string{"Stilte morgen 10-11", "morgen", "25-12 Kerst", "Overleg"} {
		if _, _, ok, err := ReadSlot(strings.Fields(none), today, Ahead, false); ok || err != nil {
			t.Errorf("ReadSlot(%q) = %v, %v; want no slot", none, ok, err)
		}
	}
}

func TestReadDateTime(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		n        int
	}{
		{"morgen 09:00", "2026-11-28 09:00", 2},
		{"28 dec 9u", "2026-12-28 09:00", 3},
		{"28-12", "2026-12-28", 1},
		{"14:00", "2026-11-27 14:00", 1},
		{"morgen Overleg", "2026-11-28", 1},
	} {
		dt, n, ok, err := ReadDateTime(strings.Fields(tc.in), today, Ahead)
		if !ok || err != nil || dt.String() != tc.want || n != tc.n {
			t.Errorf("ReadDateTime(%q) = %s, %d, %v, %v; want %s, %d", tc.in, dt, n, ok, err, tc.want, tc.n)
		}
	}
	if _, _, ok, err := ReadDateTime([]string{"morgen", "25:00"}, today, Ahead); !ok || err == nil {
		t.Errorf("morgen 25:00: want an error, got %v, %v", ok, err)
	}
}

func TestReadDuration(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want time.Duration
		n    int
	}{{"4", 4 * time.Hour, 1}, {"4h", 4 * time.Hour, 1}, {"4u", 4 * time.Hour, 1}, {"4 uur", 4 * time.Hour, 2}, {"90m", 90 * time.Minute, 1}, {"1u30", 90 * time.Minute, 1}, {"30 min", 30 * time.Minute, 2}} {
		d, n, ok, err := ReadDuration(strings.Fields(tc.in), time.Hour)
		if !ok || err != nil || d != tc.want || n != tc.n {
			t.Errorf("ReadDuration(%q) = %s, %d, %v, %v", tc.in, d, n, ok, err)
		}
	}
	if _, _, ok, err := ReadDuration([]string{"4x"}, time.Hour); !ok || err == nil {
		t.Errorf("4x: want an error")
	}
	if _, _, ok, _ := ReadDuration([]string{"vier"}, time.Hour); ok {
		t.Errorf("vier: want no duration")
	}
}

func TestRepeat(t *testing.T) {
	for _, tc := range []struct {
		in     string
		used   int
		unit   Unit
		every  int
		until  string
		dates  int
		format string
	}{
		{"every day until 3-12", 4, Days, 1, "2026-12-03", 7, "elke dag tot en met do 3 dec 2026"},
		{"elke week tot 19 dec", 5, Weeks, 1, "2026-12-19", 4, "elke week tot en met za 19 dec 2026"},
		{"every 2 weeks until 2027-01-31", 5, Weeks, 2, "2027-01-31", 5, "elke 2 weken tot en met zo 31 jan 2027"},
		{"dagelijks tot en met 30-11", 5, Days, 1, "2026-11-30", 4, "elke dag tot en met ma 30 nov 2026"},
		{"werkdagen tot 4-12", 3, Weekdays, 1, "2026-12-04", 6, "werkdagen tot en met vr 4 dec 2026"},
		{"wekelijks t/m 11-12 Overleg", 3, Weeks, 1, "2026-12-11", 3, "elke week tot en met vr 11 dec 2026"},
	} {
		r, n, ok, err := ReadRepeat(strings.Fields(tc.in), today, Ahead)
		if !ok || err != nil || n != tc.used || r.Unit != tc.unit || r.Every != tc.every || r.Until.String() != tc.until {
			t.Errorf("ReadRepeat(%q) = %+v, %d, %v, %v", tc.in, r, n, ok, err)
			continue
		}
		if got := len(r.Dates(today)); got != tc.dates {
			t.Errorf("%q: %d dates, want %d", tc.in, got, tc.dates)
		}
		if got := r.Format("nl"); got != tc.format {
			t.Errorf("%q: Format = %q, want %q", tc.in, got, tc.format)
		}
		back, _, ok, err := ReadRepeat(strings.Fields(r.String()), today, Ahead)
		if !ok || err != nil || back.Unit != r.Unit || back.Every != r.Every || back.Until != r.Until {
			t.Errorf("%q: String %q reads back as %+v, %v", tc.in, r.String(), back, err)
		}
	}
	if got := (Repeat{Every: 1, Unit: Days, Until: today}).Format("en"); got != "every day until Fri 27 Nov 2026" {
		t.Errorf("Format(en) = %q", got)
	}
	// A single word that may be a title's is no repetition; a clear one
	// without its end is a mistake.
	for _, weak := range []string{"Wekelijks elke week tot 28-12", "Wekelijks overleg", "elke keer", "dagelijks"} {
		if _, _, ok, err := ReadRepeat(strings.Fields(weak), today, Ahead); ok || err != nil {
			t.Errorf("ReadRepeat(%q) = %v, %v; want none", weak, ok, err)
		}
	}
	for _, tc := range []struct{ in, nl string }{
		{"elke week", "Tot wanneer?"},
		{"every 2 weeks overleg", "Tot wanneer?"},
		{"every 60 days until 1-1", "1 tot 52"},
		{"elke week tot 31-02", "bestaat niet"},
		{"dagelijks tot gisteren", "is voorbij"},
		{"elke week tot", "Tot wanneer?"},
	} {
		_, _, ok, err := ReadRepeat(strings.Fields(tc.in), today, Ahead)
		var e *Error
		if !ok || !errors.As(err, &e) || !strings.Contains(e.NL, tc.nl) {
			t.Errorf("ReadRepeat(%q) = %v, %v; want %q", tc.in, ok, err, tc.nl)
		}
	}
}

func TestRepeatMax(t *testing.T) {
	r := Repeat{Every: 1, Unit: Days, Until: Date{2030, 1, 1}}
	if n := len(r.Dates(today)); n != MaxOccurrences {
		t.Errorf("%d dates, want %d", n, MaxOccurrences)
	}
}

func TestDateAtAcrossDST(t *testing.T) {
	loc, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		t.Skip("no tzdata")
	}
	before := Date{2026, time.October, 23}.At(9*60, loc)
	after := Date{2026, time.October, 30}.At(9*60, loc)
	if before.In(loc).Hour() != 9 || after.In(loc).Hour() != 9 || after.Sub(before) != 7*24*time.Hour+time.Hour {
		t.Errorf("09:00 across DST: %s, %s", before, after)
	}
}

// TestTermsAreRead: every word DateTerms and RepeatTerms list (and help
// shows) is read.
func TestTermsAreRead(t *testing.T) {
	days, weekdays, months := DateTerms()
	for _, list := range [][]Term{days, weekdays} {
		for _, term := range list {
			for _, w := range term.words() {
				if _, ok, _ := ReadDate([]string{w}, today, Back); !ok {
					t.Errorf("%q is listed but not read", w)
				}
			}
		}
	}
	for _, term := range months {
		for _, w := range term.words() {
			if _, ok, err := ReadDate([]string{"8", w}, today, Ahead); !ok || err != nil {
				t.Errorf("8 %q is listed but not read: %v", w, err)
			}
		}
	}
	for _, w := range []string{"every day until 3-12", "each week until 3-12", "elke dag tot 3-12", "iedere week tot 3-12", "daily until 3-12", "dagelijks tot 3-12",
		"weekly till 3-12", "wekelijks t/m 3-12", "weekdays until 3-12", "werkdagen tot en met 3-12", "every 2 days until 3-12", "elke 2 dagen tot 3-12",
		"every 2 weeks until 30-12", "elke 2 weken tot 30-12", "every weekday until 3-12", "elke werkdag tot 3-12", "elke werkdagen tot 3-12"} {
		if _, _, ok, err := ReadRepeat(strings.Fields(w), today, Ahead); !ok || err != nil {
			t.Errorf("%q is not read: %v", w, err)
		}
	}
	for _, term := range DurationTerms() {
		for _, w := range term.words() {
			if _, _, ok, err := ReadDuration([]string{"4", w}, time.Hour); !ok || err != nil {
				t.Errorf("4 %q is listed but not read: %v", w, err)
			}
		}
	}
}

func TestRepeatTooLong(t *testing.T) {
	first := Date{2026, 11, 30}
	for _, tc := range []struct {
		r    Repeat
		want bool
	}{
		{Repeat{Every: 1, Unit: Days, Until: Date{2028, 12, 31}}, true},
		{Repeat{Every: 1, Unit: Days, Until: first.AddDays(MaxOccurrences - 1)}, false},
		{Repeat{Every: 1, Unit: Days, Until: first.AddDays(MaxOccurrences)}, true},
		{Repeat{Every: 1, Unit: Weeks, Until: Date{2030, 1, 1}}, false},
	} {
		if got := tc.r.TooLong(first); got != tc.want {
			t.Errorf("%s: TooLong = %v, want %v", tc.r, got, tc.want)
		}
	}
}
