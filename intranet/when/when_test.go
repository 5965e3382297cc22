package when

import (
	"strings"
	"testing"
	"time"
)

// Friday 27 November 2026.
var today = Date{2026, time.November, 27}

func TestParseDate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
		used int
	}{
		{"vandaag", "2026-11-27", 1},
		{"today", "2026-11-27", 1},
		{"morgen", "2026-11-28", 1},
		{"Tomorrow", "2026-11-28", 1},
		{"vr", "2026-11-27", 1}, // today included
		{"fri", "2026-11-27", 1},
		{"za", "2026-11-28", 1},
		{"ma", "2026-11-30", 1},
		{"mon", "2026-11-30", 1},
		{"do", "2026-12-03", 1},
		{"zondag", "2026-11-29", 1},
		{"28-11", "2026-11-28", 1},
		{"27-11", "2026-11-27", 1},
		{"26-11", "2027-11-26", 1}, // passed this year: next year
		{"1/2", "2027-02-01", 1},
		{"28 nov", "2026-11-28", 2},
		{"3 jan", "2027-01-03", 2},
		{"3 januari 2028", "2028-01-03", 3},
		{"15 mrt", "2027-03-15", 2},
		{"15 march", "2027-03-15", 2},
		{"2026-11-28", "2026-11-28", 1},
		{"28-11-2026", "2026-11-28", 1},
		{"29-02-2028", "2028-02-29", 1},
	} {
		d, n, err := ParseDate(strings.Fields(tc.in), today)
		if err != nil || d.String() != tc.want || n != tc.used {
			t.Errorf("ParseDate(%q) = %s, %d, %v; want %s, %d", tc.in, d, n, err, tc.want, tc.used)
		}
	}
	for _, bad := range []string{"31-02", "30-02-2027", "29-02", "31-04", "32-1", "1-13", "2026-13-01", "gisteren", "abc", "2026"} {
		if d, _, err := ParseDate(strings.Fields(bad), today); err == nil {
			t.Errorf("ParseDate(%q) = %s, want an error", bad, d)
		} else if e, ok := err.(*Error); !ok || e.NL == "" || e.EN == "" {
			t.Errorf("ParseDate(%q): %v is not a bilingual *Error", bad, err)
		}
	}
}

func TestParseTimeRange(t *testing.T) {
	for _, tc := range []struct{ in, from, to string }{
		{"14:00-15:30", "14:00", "15:30"},
		{"14-15", "14:00", "15:00"},
		{"14u-15u", "14:00", "15:00"},
		{"14u30-15u", "14:30", "15:00"},
		{"9.30-10", "09:30", "10:00"},
		{"2pm-3:30pm", "14:00", "15:30"},
		{"23-24", "23:00", "24:00"},
		{"15-14", "15:00", "14:00"}, // the caller refuses from after to
	} {
		f, to, err := ParseTimeRange(tc.in)
		if err != nil || f.String() != tc.from || to.String() != tc.to {
			t.Errorf("ParseTimeRange(%q) = %s, %s, %v", tc.in, f, to, err)
		}
	}
	for _, bad := range []string{"14", "25-26", "14:60-15", "a-b", "14:5-15", "24:30-25"} {
		if _, _, err := ParseTimeRange(bad); err == nil {
			t.Errorf("ParseTimeRange(%q): want an error", bad)
		}
	}
}

func TestRepeat(t *testing.T) {
	for _, tc := range []struct {
		in    string
		first Date
		want  []string
		used  int
	}{
		{"every week until 18-12", today, []string{"2026-11-27", "2026-12-04", "2026-12-11", "2026-12-18"}, 4},
		{"elke week tot 18 dec titel", today, []string{"2026-11-27", "2026-12-04", "2026-12-11", "2026-12-18"}, 5},
		{"every 2 weeks until 2026-12-25", today, []string{"2026-11-27", "2026-12-11", "2026-12-25"}, 5},
		{"every day until ma", today, []string{"2026-11-27", "2026-11-28", "2026-11-29", "2026-11-30"}, 4},
		{"dagelijks tot en met 29-11", today, []string{"2026-11-27", "2026-11-28", "2026-11-29"}, 5},
		{"weekdays until 1-12", today, []string{"2026-11-27", "2026-11-30", "2026-12-01"}, 3},
		{"elke 2 weken tot 1 feb 2027", Date{2027, 1, 4}, []string{"2027-01-04", "2027-01-18", "2027-02-01"}, 7},
	} {
		r, n, err := ParseRepeat(strings.Fields(tc.in), today)
		if err != nil {
			t.Errorf("ParseRepeat(%q): %v", tc.in, err)
			continue
		}
		var got []string
		for _, d := range r.Dates(tc.first) {
			got = append(got, d.String())
		}
		if strings.Join(got, " ") != strings.Join(tc.want, " ") || n != tc.used {
			t.Errorf("ParseRepeat(%q) = %v (%d words), want %v (%d)", tc.in, got, n, tc.want, tc.used)
		}
	}
	for _, bad := range []string{"every", "every week", "every month until 1-1", "every week until 31-02", "elke 0 weken tot 1-1"} {
		if _, _, err := ParseRepeat(strings.Fields(bad), today); err == nil {
			t.Errorf("ParseRepeat(%q): want an error", bad)
		}
	}
	long := Repeat{Every: 1, Unit: Days, Until: Date{2040, 1, 1}}
	if n := len(long.Dates(today)); n != MaxOccurrences {
		t.Errorf("a ten-year daily repetition has %d dates, want at most %d", n, MaxOccurrences)
	}
}

func TestAtAcrossDaylightSaving(t *testing.T) {
	ams, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		t.Skip(err)
	}
	// Weekly at 09:00 across the end of summer time (25 October 2026).
	r := Repeat{Every: 1, Unit: Weeks, Until: Date{2026, 11, 1}}
	var utc []string
	for _, d := range r.Dates(Date{2026, 10, 18}) {
		utc = append(utc, d.At(9*60, ams).UTC().Format("2006-01-02 15:04"))
	}
	if got, want := strings.Join(utc, ", "), "2026-10-18 07:00, 2026-10-25 08:00, 2026-11-01 08:00"; got != want {
		t.Errorf("09:00 Amsterdam in UTC = %s, want %s", got, want)
	}
	if got := DateOf(time.Date(2026, 11, 27, 23, 30, 0, 0, time.UTC), ams); got.String() != "2026-11-28" {
		t.Errorf("DateOf = %s", got)
	}
}

func TestFindSlot(t *testing.T) {
	for _, tc := range []struct {
		in         string
		start, end int
		date, from string
		dateGiven  bool
	}{
		{"Zaal 1 morgen 14-15 Overleg", 2, 4, "2026-11-28", "14:00", true},
		{"Zaal 1 28 nov 14:00 - 15:30", 2, 5, "2026-11-28", "14:00", true},
		{"Zaal 1 10-12 14-15", 2, 4, "2026-12-10", "14:00", true},
		{"Zaal 12 14-15", 2, 3, "2026-11-27", "14:00", false},
		{"'Grote zaal' 2026-12-01 9u-10u every week until 15-12", 1, 3, "2026-12-01", "09:00", true},
	} {
		words := Words(tc.in)
		f, ok, err := FindSlot(words, today)
		if err != nil || !ok || f.Start != tc.start || f.End != tc.end || f.Date.String() != tc.date || f.From.String() != tc.from || f.DateGiven != tc.dateGiven {
			t.Errorf("FindSlot(%q) = %+v, %v (words %q)", tc.in, f, ok, words)
		}
	}
	if _, ok, _ := FindSlot(Words("Zaal 1 morgen"), today); ok {
		t.Error("FindSlot without a time range: want !ok")
	}
	for _, bad := range []string{"Zaal 1 31-02 14-15", "Zaal 1 30 feb 14-15", "Zaal 1 29-02-2027 9-10"} {
		if _, ok, err := FindSlot(Words(bad), today); ok || err == nil {
			t.Errorf("FindSlot(%q): want the date's error", bad)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"28-11", "14:00-15:30", "every 2 weeks until 1-1", "29 feb", "2pm-3pm"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w := Words(s)
		if d, _, err := ParseDate(w, today); err == nil && !d.Valid() {
			t.Fatalf("ParseDate(%q) = invalid %v", s, d)
		}
		_, _, _ = ParseRepeat(w, today)
		_, _, _ = FindSlot(w, today)
	})
}
