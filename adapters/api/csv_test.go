package api_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/werkplek/werkplek/adapters/api"
	"github.com/werkplek/werkplek/intranet"
)

// TestWriteHoursCSV: the columns, a row per entry and per trip, local RFC
// 3339 times, the allowance at the trip's own rate or the one in force,
// the approver only on approved weeks, and cells a spreadsheet would read
// as a formula defused.
func TestWriteHoursCSV(t *testing.T) {
	open := &intranet.Timesheet{PersonID: 3, Person: "+Kees Janssen", Email: "kees.janssen@example.nl", Week: intranet.Week{Year: 2026, Number: 48}, State: intranet.WeekRejected,
		DecidedBy: "Anouk van den Berg", DecidedAt: time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC),
		Entries: []*intranet.TimeEntry{{ID: 31, Date: "2026-11-28", Start: time.Date(2026, 11, 28, 21, 0, 0, 0, time.UTC), End: time.Date(2026, 11, 29, 7, 0, 0, 0, time.UTC), Minutes: 600}}}
	s := &sheets{list: []*intranet.Timesheet{pieterWeek(), open}}
	var buf bytes.Buffer
	f := intranet.TimesheetFilter{From: "2026-11-01", To: "2026-11-30", Offset: 4, Limit: 2}
	if err := api.WriteHoursCSV(context.Background(), &buf, s, f, amsterdam, 0.25); err != nil {
		t.Fatal(err)
	}
	if got := s.last(); got.Offset != 0 || got.Limit != 0 || got.From != "2026-11-01" {
		t.Errorf("asked %+v, want every sheet of the period", got)
	}
	want := `email,name,employee_number,date,start,end,break_minutes,hours,project,km,from,to,purpose,allowance,state,approved_by,approved_at
pieter.jansen@example.nl,Pieter Jansen,10042,2026-11-23,2026-11-23T07:00:00+01:00,2026-11-23T15:30:00+01:00,30,8.00,WZ-Noord,,,,,,approved,Anouk van den Berg,2026-11-30T09:15:00+01:00
pieter.jansen@example.nl,Pieter Jansen,10042,2026-11-24,,,,7.50,"'=HYPERLINK(""http://evil"")",,,,,,approved,Anouk van den Berg,2026-11-30T09:15:00+01:00
pieter.jansen@example.nl,Pieter Jansen,10042,2026-11-23,,,,,,46,Utrecht,Zeist,cliëntbezoek,9.66,approved,Anouk van den Berg,2026-11-30T09:15:00+01:00
pieter.jansen@example.nl,Pieter Jansen,10042,2026-11-24,,,,,,12.5,Zeist,'-Bilthoven,'@overleg,3.13,approved,Anouk van den Berg,2026-11-30T09:15:00+01:00
kees.janssen@example.nl,'+Kees Janssen,,2026-11-28,2026-11-28T22:00:00+01:00,2026-11-29T08:00:00+01:00,0,10.00,,,,,,,rejected,,
`
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("CSV (-want +got):\n%s", diff)
	}
	rows, err := csv.NewReader(strings.NewReader(buf.String())).ReadAll()
	if err != nil || !cmp.Equal(rows[0], api.HoursColumns) || len(api.HoursColumns) != 17 {
		t.Errorf("header %v: %v", rows[0], err)
	}
}

// failing is a TimesheetService whose query fails.
type failing struct{ intranet.TimesheetService }

func (failing) Timesheets(ctx context.Context, f intranet.TimesheetFilter) ([]*intranet.Timesheet, error) {
	return nil, errors.New("database gone")
}

// downloads is a DownloadService with links by hash that work once.
type downloads map[string]*intranet.Download

func (d downloads) CreateDownload(ctx context.Context, dl intranet.Download) error { return nil }
func (d downloads) UseDownload(ctx context.Context, hash string, now time.Time) (*intranet.Download, error) {
	dl, ok := d[hash]
	if !ok || now.After(dl.Expires) {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "No such link.")
	}
	delete(d, hash)
	return dl, nil
}

// TestDownload: a link gives the export it was made for once, as a CSV
// attachment; used, unknown and expired links get a page in Dutch and
// English.
func TestDownload(t *testing.T) {
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	s := &sheets{list: []*intranet.Timesheet{pieterWeek()}}
	links := downloads{
		intranet.HashSecret("s3cret"):  {Hash: intranet.HashSecret("s3cret"), PersonID: 1, Kind: "hours", From: "2026-11-01", To: "2026-11-30", States: []intranet.WeekState{intranet.WeekApproved}, PersonIDs: []int64{2, 4}, Expires: now.Add(10 * time.Minute)},
		intranet.HashSecret("expired"): {Hash: intranet.HashSecret("expired"), Kind: "hours", Expires: now.Add(-time.Minute)},
	}
	h := api.New(api.Config{Timesheets: s, Tokens: testTokens, Downloads: links, Location: amsterdam, Now: func() time.Time { return now }})
	w := get(t, h, "/download/s3cret", "")
	if w.Code != 200 || w.Header().Get("Content-Type") != "text/csv; charset=utf-8" ||
		w.Header().Get("Content-Disposition") != `attachment; filename="werkplek-hours-2026-11-01-2026-11-30.csv"` || w.Header().Get("Cache-Control") != "no-store" {
		t.Fatalf("%d %v", w.Code, w.Header())
	}
	if !strings.HasPrefix(w.Body.String(), strings.Join(api.HoursColumns, ",")+"\n") || strings.Count(w.Body.String(), "\n") != 5 {
		t.Errorf("body:\n%s", w.Body)
	}
	want := intranet.TimesheetFilter{From: "2026-11-01", To: "2026-11-30", States: []intranet.WeekState{intranet.WeekApproved}, PersonIDs: []int64{2, 4}}
	if diff := cmp.Diff(want, s.last()); diff != "" {
		t.Errorf("filter (-want +got):\n%s", diff)
	}
	for _, tc := range []struct {
		path   string
		status int
	}{
		{"/download/s3cret", http.StatusGone},  // used
		{"/download/expired", http.StatusGone}, // expired
		{"/download/guessed", http.StatusGone}, // unknown
		{"/download/", http.StatusNotFound},
		{"/download/a/b", http.StatusNotFound},
	} {
		w := get(t, h, tc.path, "")
		body := w.Body.String()
		if w.Code != tc.status || w.Header().Get("Content-Type") != "text/html; charset=utf-8" || strings.Contains(body, "pieter") ||
			!strings.Contains(body, "/uren exporteer") || !strings.Contains(body, "/hours export") {
			t.Errorf("%s: %d %s", tc.path, w.Code, body)
		}
	}

	links[intranet.HashSecret("x")] = &intranet.Download{Kind: "hours", Expires: now.Add(time.Minute)}
	broken := api.New(api.Config{Timesheets: failing{}, Downloads: links, Now: func() time.Time { return now }})
	if w := get(t, broken, "/download/x", ""); w.Code != 500 || strings.Contains(w.Body.String(), "database gone") {
		t.Errorf("failing export: %d %s", w.Code, w.Body)
	}
}
