package when

import (
	"testing"
	"time"
)

func TestStamp(t *testing.T) {
	ams, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		at   time.Time
		loc  *time.Location
		want string
	}{
		{time.Date(2026, 11, 27, 9, 0, 0, 500, time.UTC), ams, "2026-11-27T10:00:00+01:00"},
		{time.Date(2026, 7, 1, 9, 0, 0, 0, time.UTC), ams, "2026-07-01T11:00:00+02:00"},
		{time.Date(2026, 7, 1, 9, 0, 0, 0, ams), nil, "2026-07-01T07:00:00Z"},
		{time.Time{}, ams, ""},
	} {
		if got := Stamp(tc.at, tc.loc); got != tc.want {
			t.Errorf("Stamp(%v) = %q, want %q", tc.at, got, tc.want)
		}
	}
}
