package when

import "time"

// Working hours: Monday to Friday, 08:00 to 17:00 local time. Escalation
// deadlines ("no answer after 4 working hours") count only these.
const (
	WorkdayStart Clock = 8 * 60
	WorkdayEnd   Clock = 17 * 60
)

// IsWorkday reports whether d is a working day (Monday to Friday).
func IsWorkday(d Date) bool {
	wd := d.Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

// AddWorkingHours returns the moment d of working time after t in loc,
// counting only Monday to Friday 08:00-17:00. A t outside working hours
// starts counting at the next opening; d <= 0 returns t. Each day's
// opening and closing are wall-clock times of that day, so a daylight
// saving change (at night) neither adds nor takes away working time.
func AddWorkingHours(t time.Time, d time.Duration, loc *time.Location) time.Time {
	if d <= 0 {
		return t
	}
	day := DateOf(t, loc)
	for i := 0; i < 3660; i++ { // ten years of days: a bound, never reached
		if IsWorkday(day) {
			open, closing := day.At(WorkdayStart, loc), day.At(WorkdayEnd, loc)
			if t.Before(open) {
				t = open
			}
			if t.Before(closing) {
				left := closing.Sub(t)
				if d <= left {
					return t.Add(d)
				}
				d -= left
			}
		}
		day = day.AddDays(1)
		t = day.At(0, loc)
	}
	return t
}
