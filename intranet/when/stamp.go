package when

import "time"

// Stamp writes a moment the one way every export writes it (CSV, JSON):
// RFC 3339 to the second, in the organisation's time zone (loc, from
// WERKPLEK_TIMEZONE) with its offset: "2026-11-27T10:00:00+01:00". A
// spreadsheet or a payroll system reads it unambiguously, and a person reads
// the local time. The zero time is "" (not yet); a nil loc is UTC.
func Stamp(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	if loc == nil {
		loc = time.UTC
	}
	return t.In(loc).Format(time.RFC3339)
}
