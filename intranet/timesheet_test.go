package intranet

import "testing"

func TestISOWeeks(t *testing.T) {
	for _, c := range []struct {
		date  string
		week  Week
		first string
	}{
		{"2026-12-06", Week{2026, 49}, "2026-11-30"},
		{"2026-12-31", Week{2026, 53}, "2026-12-28"},
		{"2027-01-03", Week{2026, 53}, "2026-12-28"},
		{"2025-12-29", Week{2026, 1}, "2025-12-29"},
		{"2024-12-30", Week{2025, 1}, "2024-12-30"},
	} {
		w, ok := WeekOf(c.date)
		if !ok || w != c.week || w.First() != c.first || !w.Valid() {
			t.Errorf("WeekOf(%s) = %v %v, first %s; want %v first %s", c.date, w, ok, w.First(), c.week, c.first)
		}
		if p, err := ParseWeek(w.String()); err != nil || p != w {
			t.Errorf("ParseWeek(%s) = %v, %v", w, p, err)
		}
	}
	if (Week{2025, 53}).Valid() {
		t.Error("2025 has no week 53")
	}
	if got := (Week{2026, 53}).Next(); got != (Week{2027, 1}) {
		t.Errorf("after 2026-W53 comes %v", got)
	}
	if got := (Week{2026, 1}).Prev(); got != (Week{2025, 52}) {
		t.Errorf("before 2026-W01 comes %v", got)
	}
	if _, err := ParseWeek("2026-W54"); ErrorCode(err) != EINVALID {
		t.Errorf("ParseWeek(2026-W54) = %v", err)
	}
}

func TestTripAllowance(t *testing.T) {
	tr := &Trip{Km: 46}
	if got := tr.Allowance(0.23); got != 10.58 {
		t.Errorf("46 km at 0.23 = %v", got)
	}
	tr.Rate = 0.21
	if got := tr.Allowance(0.23); got != 9.66 {
		t.Errorf("a submitted trip keeps its rate: %v", got)
	}
}
