package when

import (
	"errors"
	"strings"
	"testing"
)

func TestReadWeek(t *testing.T) {
	// Today is Friday 27 November 2026, in week 48.
	for _, tc := range []struct {
		in    string
		dir   Direction
		want  string
		words int
	}{
		{"week 49", Back, "2025-W49", 2}, // the most recent week 49
		{"week 48", Back, "2026-W48", 2}, // the current week counts
		{"week 47", Back, "2026-W47", 2},
		{"Week 49", Ahead, "2026-W49", 2},
		{"wk49", Back, "2025-W49", 1},
		{"wk 47", Back, "2026-W47", 2},
		{"w47", Back, "2026-W47", 1},
		{"week47", Back, "2026-W47", 1},
		{"47", Back, "2026-W47", 1},
		{"1", Back, "2026-W01", 1},
		{"53", Back, "2020-W53", 1}, // the last year with a week 53
		{"53", Ahead, "2026-W53", 1},
		{"2026-W49", Ahead, "2026-W49", 1},
		{"2025-w49", Back, "2025-W49", 1},
		{"deze week", Back, "2026-W48", 2},
		{"this week", Back, "2026-W48", 2},
		{"vorige week", Back, "2026-W47", 2},
		{"last week", Back, "2026-W47", 2},
		{"ma", Back, "2026-W48", 1},
		{"vandaag", Back, "2026-W48", 1},
		{"30-11", Back, "2025-W48", 1}, // Sunday 30 November 2025
		{"2026-11-16", Back, "2026-W47", 1},
		{"3 jan 2027", Ahead, "2026-W53", 3}, // 3 January 2027 is a Sunday of 2026's week 53
		{"4 jan 2021", Back, "2021-W01", 3},
		{"week 49 Dinsdag ontbreekt", Back, "2025-W49", 2},
		{"49 ontbreekt", Back, "2025-W49", 1},
	} {
		r, ok, err := ReadWeek(strings.Fields(tc.in), today, tc.dir)
		if !ok || err != nil || r.Week.String() != tc.want || r.Words != tc.words {
			t.Errorf("ReadWeek(%q, %v) = %s (%d words) %v %v, want %s (%d)", tc.in, tc.dir, r.Week, r.Words, ok, err, tc.want, tc.words)
		}
	}
	for _, in := range []string{"Stilte", "weekend", "weken", ""} {
		if r, ok, err := ReadWeek(strings.Fields(in), today, Back); ok || err != nil {
			t.Errorf("ReadWeek(%q) = %v %v %v, want nothing", in, r, ok, err)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"week 54", "weken lopen van 1 tot 53"},
		{"0", "weken lopen van 1 tot 53"},
		{"2026-W54", "2026 heeft geen week 54"},
		{"2025-W53", "2025 heeft geen week 53"},
		{"2026-W49", "nog niet begonnen"},
		{"volgende week", "nog niet begonnen"},
		{"morgen", "nog niet geweest"},
	} {
		_, ok, err := ReadWeek(strings.Fields(tc.in), today, Back)
		var e *Error
		if !ok || !errors.As(err, &e) || !strings.Contains(e.NL, tc.want) {
			t.Errorf("ReadWeek(%q) = %v %v, want %q", tc.in, ok, err, tc.want)
		}
	}
}

func TestWeek(t *testing.T) {
	w := Week{2026, 49}
	if got := w.Monday(); got != (Date{2026, 11, 30}) {
		t.Errorf("monday of %s: %s", w, got)
	}
	if got := (Week{2026, 53}).Monday(); got != (Date{2026, 12, 28}) || !(Week{2026, 53}).Valid() {
		t.Errorf("monday of 2026-W53: %s", got)
	}
	if (Week{2027, 53}).Valid() || (Week{2026, 0}).Valid() {
		t.Error("a week that does not exist is valid")
	}
	if got := WeekOf(Date{2027, 1, 1}); got != (Week{2026, 53}) {
		t.Errorf("week of 1 January 2027: %s", got)
	}
}

func TestReadMonth(t *testing.T) {
	for _, tc := range []struct {
		in    string
		dir   Direction
		want  string
		words int
	}{
		{"nov", Back, "2026-11", 1},
		{"november", Back, "2026-11", 1},
		{"dec", Back, "2025-12", 1},
		{"december", Ahead, "2026-12", 1},
		{"okt", Back, "2026-10", 1},
		{"oct.", Back, "2026-10", 1},
		{"maart", Back, "2026-03", 1},
		{"nov 2025", Back, "2025-11", 2},
		{"2026-11", Back, "2026-11", 1},
		{"11-2025", Back, "2025-11", 1},
		{"11/2025", Back, "2025-11", 1},
		{"deze maand", Back, "2026-11", 2},
		{"vorige maand", Back, "2026-10", 2},
		{"last month", Back, "2026-10", 2},
	} {
		r, ok, err := ReadMonth(strings.Fields(tc.in), today, tc.dir)
		if !ok || err != nil || r.Month.String() != tc.want || r.Words != tc.words {
			t.Errorf("ReadMonth(%q, %v) = %s (%d words) %v %v, want %s (%d)", tc.in, tc.dir, r.Month, r.Words, ok, err, tc.want, tc.words)
		}
	}
	for _, in := range []string{"Stilte", "8-12", "49"} {
		if r, ok, err := ReadMonth(strings.Fields(in), today, Back); ok || err != nil {
			t.Errorf("ReadMonth(%q) = %v %v %v, want nothing", in, r, ok, err)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"2026-13", "geen maand"},
		{"2026-12", "nog niet begonnen"},
		{"dec 2026", "nog niet begonnen"},
	} {
		_, ok, err := ReadMonth(strings.Fields(tc.in), today, Back)
		var e *Error
		if !ok || !errors.As(err, &e) || !strings.Contains(e.NL, tc.want) {
			t.Errorf("ReadMonth(%q) = %v %v, want %q", tc.in, ok, err, tc.want)
		}
	}
	m := Month{2024, 2}
	if m.First() != (Date{2024, 2, 1}) || m.Last() != (Date{2024, 2, 29}) || m.Format("nl") != "februari 2024" || m.Format("en") != "February 2024" {
		t.Errorf("month %s: %s %s %s", m, m.First(), m.Last(), m.Format("nl"))
	}
}

func TestReadWorked(t *testing.T) {
	for _, tc := range []struct {
		in      string
		ranged  bool
		minutes int
		nextDay bool
		words   int
	}{
		{"07:00-15:30", true, 510, false, 1},
		{"7-15:30", true, 510, false, 1},
		{"22:00-07:00", true, 540, true, 1},
		{"23-1", true, 120, true, 1},
		{"8", false, 480, false, 1},
		{"8u", false, 480, false, 1},
		{"8h", false, 480, false, 1},
		{"7,5u", false, 450, false, 1},
		{"7.5h", false, 450, false, 1},
		{"7,5", false, 450, false, 1},
		{"7,25 uur", false, 435, false, 2},
		{"7.5 hours", false, 450, false, 2},
		{"7:30", false, 450, false, 1},
		{"7h30", false, 450, false, 1},
		{"7u30", false, 450, false, 1},
		{"45m", false, 45, false, 1},
		{"90min", false, 90, false, 1},
		{"24", false, 1440, false, 1},
		{"8 Nachtdienst", false, 480, false, 1},
	} {
		w, n, ok, err := ReadWorked(strings.Fields(tc.in))
		if !ok || err != nil || w.Ranged != tc.ranged || w.Minutes != tc.minutes || w.NextDay != tc.nextDay || n != tc.words {
			t.Errorf("ReadWorked(%q) = %+v %d %v %v", tc.in, w, n, ok, err)
		}
	}
	for _, in := range []string{"Nachtdienst", "", "ma", "#3"} {
		if w, _, ok, err := ReadWorked(strings.Fields(in)); ok || err != nil {
			t.Errorf("ReadWorked(%q) = %+v %v %v, want nothing", in, w, ok, err)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"25u", "meer dan een dag"},
		{"24,5", "meer dan een dag"},
		{"0", "nul uren"},
		{"0:00", "nul uren"},
		{"7:75", "geen tijd of aantal uren"},
		{"07:00-07:00", "nul minuten"},
		{"24-0", "het eind van een dag"},
		{"24:00-08:00", "het eind van een dag"},
		{"25:00-26:00", "geen tijd"},
	} {
		_, _, ok, err := ReadWorked(strings.Fields(tc.in))
		var e *Error
		if !ok || !errors.As(err, &e) || !strings.Contains(e.NL, tc.want) {
			t.Errorf("ReadWorked(%q) = %v %v, want %q", tc.in, ok, err, tc.want)
		}
	}
	for _, w := range []Worked{{Minutes: 450}, {Minutes: 480}, {Ranged: true, From: 1320, To: 420, NextDay: true, Minutes: 540}} {
		again, _, ok, err := ReadWorked([]string{w.String()})
		if !ok || err != nil || again != w {
			t.Errorf("%+v writes %q, which reads %+v %v %v", w, w.String(), again, ok, err)
		}
	}
}

// TestWrongSideSaysNoTwice: a week or month typed the way it is written
// back is not repeated in brackets; one read from words is.
func TestWrongSideSaysNoTwice(t *testing.T) {
	today := Date{2026, 11, 27}
	for _, tc := range []struct {
		in, nl, en string
		month      bool
	}{
		{"2026-W53", "`2026-W53` is nog niet begonnen; kies deze week of eerder.", "`2026-W53` has not begun; choose this week or earlier.", false},
		{"2026-w53", "`2026-w53` is nog niet begonnen; kies deze week of eerder.", "`2026-w53` has not begun; choose this week or earlier.", false},
		{"volgende week", "`volgende week` is nog niet begonnen (2026-W49); kies deze week of eerder.", "`volgende week` has not begun (2026-W49); choose this week or earlier.", false},
		{"2027-01", "`2027-01` is nog niet begonnen; kies deze maand of eerder.", "`2027-01` has not begun; choose this month or earlier.", true},
		{"dec 2026", "`dec 2026` is nog niet begonnen (2026-12); kies deze maand of eerder.", "`dec 2026` has not begun (2026-12); choose this month or earlier.", true},
	} {
		var err error
		if tc.month {
			_, _, err = ReadMonth(strings.Fields(tc.in), today, Back)
		} else {
			_, _, err = ReadWeek(strings.Fields(tc.in), today, Back)
		}
		var e *Error
		if !errors.As(err, &e) || e.NL != tc.nl || e.EN != tc.en {
			t.Errorf("%q: %v, want %q / %q", tc.in, err, tc.nl, tc.en)
		}
	}
}
