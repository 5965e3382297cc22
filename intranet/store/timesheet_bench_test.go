package store_test

import (
	"context"
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/pgtest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/store"
)

// reportLatency reports the median and p95 of lat.
func reportLatency(b *testing.B, lat []time.Duration) {
	b.StopTimer()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "median-ms")
	b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds())/1000, "p95-ms")
}

// BenchmarkTimesheets measures what payroll's API asks of PostgreSQL: a
// month of approved weeks of 1 000 people (four weeks of five shifts and
// two trips each, 20 000 entries and 8 000 trips), one page of 50 at a
// time; and writing one entry as /hours does (lock the week, check
// overlaps and the day's total, insert).
//
//	go test ./intranet/store -run '^$' -bench Timesheets -benchtime 200x
func BenchmarkTimesheets(b *testing.B) {
	ctx := context.Background()
	s, err := store.Open(ctx, pgtest.URL(&testing.T{}))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	const people = 1000
	if _, err := s.ImportPeople(ctx, generatePeople(people), false); err != nil {
		b.Fatal(err)
	}
	lead, err := s.FindPersonByEmail(ctx, "p000000@example.nl")
	if err != nil {
		b.Fatal(err)
	}
	ams, _ := time.LoadLocation("Europe/Amsterdam")
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, ams)
	weeks := []intranet.Week{{Year: 2026, Number: 45}, {Year: 2026, Number: 46}, {Year: 2026, Number: 47}, {Year: 2026, Number: 48}}
	start := time.Now()
	for i := range people {
		p, err := s.FindPersonByEmail(ctx, fmt.Sprintf("p%06d@example.nl", i))
		if err != nil {
			b.Fatal(err)
		}
		for _, w := range weeks {
			days := w.Days()
			for d, day := range days[:5] {
				t0, _ := time.ParseInLocation(intranet.DateLayout+" 15:04", day+" 07:00", ams)
				if _, err := s.AddTimeEntry(ctx, intranet.NewTimeEntry{PersonID: p.ID, Date: day, Start: t0, End: t0.Add(8*time.Hour + 30*time.Minute),
					BreakMinutes: 30, Project: fmt.Sprintf("WZ-%d", d)}, now); err != nil {
					b.Fatal(err)
				}
			}
			for _, day := range []string{days[0], days[3]} {
				if _, err := s.AddTrip(ctx, intranet.NewTrip{PersonID: p.ID, Date: day, Km: 46, From: "Utrecht", To: "Zeist", Return: true}, now); err != nil {
					b.Fatal(err)
				}
			}
			if _, err := s.SubmitWeek(ctx, p.ID, w, 0.23, now); err != nil {
				b.Fatal(err)
			}
			if _, err := s.DecideWeek(ctx, p.ID, w, true, lead.ID, "", now); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Logf("wrote %d weeks of %d people in %s", len(weeks)*people, people, time.Since(start).Round(time.Second))
	// What autovacuum does soon after a bulk load in production.
	if db, err := s.DB(); err != nil {
		b.Fatal(err)
	} else if _, err := db.ExecContext(ctx, "VACUUM ANALYZE time_entries, trips, timesheets, people"); err != nil {
		b.Fatal(err)
	}

	filter := intranet.TimesheetFilter{From: "2026-11-01", To: "2026-11-30", States: []intranet.WeekState{intranet.WeekApproved}, Limit: 50}
	b.Run("page", func(b *testing.B) {
		lat := make([]time.Duration, 0, b.N)
		for i := 0; b.Loop(); i++ {
			f := filter
			f.Offset = (i % 80) * 50
			t0 := time.Now()
			sheets, err := s.Timesheets(ctx, f)
			lat = append(lat, time.Since(t0))
			if err != nil || len(sheets) != 50 {
				b.Fatalf("page %d: %d sheets, %v", i%80, len(sheets), err)
			}
		}
		reportLatency(b, lat)
	})
	b.Run("entry", func(b *testing.B) {
		p, _ := s.FindPersonByEmail(ctx, "p000001@example.nl")
		day := time.Date(2026, 12, 7, 0, 0, 0, 0, ams)
		lat := make([]time.Duration, 0, b.N)
		for i := 0; b.Loop(); i++ {
			// One two-hour entry after another, six a day, never overlapping.
			t0 := day.AddDate(0, 0, i/6).Add(time.Duration(i%6) * 2 * time.Hour)
			start := time.Now()
			_, err := s.AddTimeEntry(ctx, intranet.NewTimeEntry{PersonID: p.ID, Date: t0.Format(intranet.DateLayout), Start: t0, End: t0.Add(2 * time.Hour)}, now)
			lat = append(lat, time.Since(start))
			if err != nil {
				b.Fatal(err)
			}
		}
		reportLatency(b, lat)
	})
}
