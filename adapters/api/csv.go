package api

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"time"

	"github.com/werkplek/werkplek/intranet"
)

// HoursColumns are the columns of the hours export, in order: one row per
// time entry and one per trip.
var HoursColumns = []string{"email", "name", "employee_number", "date", "start", "end", "break_minutes", "hours", "project",
	"km", "from", "to", "purpose", "allowance", "state", "approved_by", "approved_at"}

// WriteHoursCSV writes the timesheets f selects (all pages) as the hours
// export: a header of HoursColumns, then per sheet a row per entry (start,
// end, break_minutes, hours, project) and a row per trip (km, from, to,
// purpose, allowance at the trip's own rate once submitted, else at rate).
// Times are RFC 3339 in loc with their offset (stamp); approved_by and
// approved_at are filled for approved weeks. It is the one export of
// hours: the CLI's and the download link's.
func WriteHoursCSV(ctx context.Context, w io.Writer, sheets intranet.TimesheetService, f intranet.TimesheetFilter, loc *time.Location, rate float64) error {
	f.Offset, f.Limit = 0, 0
	list, err := sheets.Timesheets(ctx, f)
	if err != nil {
		return err
	}
	return writeHours(w, list, loc, rate)
}

// writeHours writes sheets as WriteHoursCSV does.
func writeHours(w io.Writer, sheets []*intranet.Timesheet, loc *time.Location, rate float64) error {
	cw := csv.NewWriter(w)
	_ = cw.Write(HoursColumns) // keeps its first error for Flush below
	for _, s := range sheets {
		approvedBy, approvedAt := "", ""
		if s.State == intranet.WeekApproved {
			approvedBy, approvedAt = s.DecidedBy, stamp(s.DecidedAt, loc)
		}
		row := func(date string, cells ...string) []string {
			out := append([]string{s.Email, s.Person, s.EmployeeNumber, date}, cells...)
			out = append(out, string(s.State), approvedBy, approvedAt)
			for i, c := range out {
				out[i] = defuse(c)
			}
			return out
		}
		for _, e := range s.Entries {
			breakMinutes := ""
			if e.Ranged() {
				breakMinutes = strconv.Itoa(e.BreakMinutes)
			}
			_ = cw.Write(row(e.Date, stamp(e.Start, loc), stamp(e.End, loc), breakMinutes, hours(e.Minutes), e.Project, "", "", "", "", ""))
		}
		for _, t := range s.Trips {
			_ = cw.Write(row(t.Date, "", "", "", "", "", km(t.Km), t.From, t.To, t.Purpose, euro(t.Allowance(rate))))
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write the hours export: %w", err)
	}
	return nil
}

// stamp writes a moment as every export does (intranet/when.Stamp): RFC
// 3339 to the second in the organisation's zone with its offset, "" for
// the zero time.
func stamp(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	if loc == nil {
		loc = time.UTC
	}
	return t.In(loc).Format(time.RFC3339)
}

// hours writes minutes as decimal hours with two decimals ("7.50").
func hours(minutes int) string { return strconv.FormatFloat(float64(minutes)/60, 'f', 2, 64) }

// km writes a distance with at most one decimal ("23.5", "46").
func km(v float64) string { return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64) }

// euro writes an amount with two decimals ("5.29").
func euro(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }

// defuse keeps a spreadsheet from reading a cell as a formula
// (intranet.DefuseCell).
func defuse(cell string) string { return intranet.DefuseCell(cell) }
