package when

import (
	"testing"
	"time"
)

func TestAddWorkingHours(t *testing.T) {
	ams, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		t.Fatal(err)
	}
	at := func(s string) time.Time {
		v, err := time.ParseInLocation("2006-01-02 15:04", s, ams)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, tc := range []struct {
		name  string
		from  string
		hours float64
		want  string
	}{
		{"within the day", "2026-11-23 09:00", 4, "2026-11-23 13:00"},
		{"to the closing minute", "2026-11-23 13:00", 4, "2026-11-23 17:00"},
		{"over the night", "2026-11-23 15:00", 4, "2026-11-24 10:00"},
		{"before opening", "2026-11-23 06:30", 4, "2026-11-23 12:00"},
		{"after closing", "2026-11-23 18:00", 4, "2026-11-24 12:00"},
		{"friday afternoon to monday", "2026-11-27 15:30", 4, "2026-11-30 10:30"},
		{"saturday", "2026-11-28 11:00", 4, "2026-11-30 12:00"},
		{"sunday night", "2026-11-29 23:59", 1, "2026-11-30 09:00"},
		{"more than a day", "2026-11-23 08:00", 20, "2026-11-25 10:00"},
		{"half an hour", "2026-11-23 16:45", 0.5, "2026-11-24 08:15"},
		{"zero", "2026-11-28 11:00", 0, "2026-11-28 11:00"},
		// Daylight saving: the clocks go forward on Sunday 29 March and back
		// on Sunday 25 October 2026; working hours stay 08:00-17:00.
		{"spring forward weekend", "2026-03-27 15:00", 4, "2026-03-30 10:00"},
		{"autumn back weekend", "2026-10-23 16:00", 2, "2026-10-26 09:00"},
		{"over summer time start", "2026-03-27 08:00", 18, "2026-03-30 17:00"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := AddWorkingHours(at(tc.from), time.Duration(tc.hours*float64(time.Hour)), ams)
			if want := at(tc.want); !got.Equal(want) {
				t.Errorf("AddWorkingHours(%s, %v h) = %s, want %s", tc.from, tc.hours, got.In(ams).Format("2006-01-02 15:04 MST"), tc.want)
			}
		})
	}
}
