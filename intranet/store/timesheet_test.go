package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/store"
)

// sheetWeek is week 49 of 2026: Monday 30 November to Sunday 6 December.
var sheetWeek = intranet.Week{Year: 2026, Number: 49}

var ams = func() *time.Location {
	l, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		panic(err)
	}
	return l
}()

// at is a time in Amsterdam on a day of December 2026 (November when day
// is 30).
func at(day, hour, minute int) time.Time {
	month := time.December
	if day >= 30 {
		month = time.November
	}
	return time.Date(2026, month, day, hour, minute, 0, 0, ams)
}

func ranged(person int64, date string, start, end time.Time, brk int) intranet.NewTimeEntry {
	return intranet.NewTimeEntry{PersonID: person, Date: date, Start: start, End: end, BreakMinutes: brk}
}

func TestTimeEntries(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s)
		jan, eva := personID(t, s, "jan.devries@example.nl"), personID(t, s, "eva.bakker@example.nl")
		now := at(4, 18, 0)

		day, err := s.AddTimeEntry(ctx, intranet.NewTimeEntry{PersonID: jan, Date: "2026-12-01", Start: at(1, 7, 0), End: at(1, 15, 30), BreakMinutes: 30, Project: " WZ-Noord ", Note: "wijkronde"}, now)
		if err != nil {
			t.Fatal(err)
		}
		if day.Minutes != 8*60 || day.Project != "WZ-Noord" || !day.Start.Equal(at(1, 7, 0)) || !day.End.Equal(at(1, 15, 30)) || day.Date != "2026-12-01" || !day.Ranged() {
			t.Errorf("entry = %+v", day)
		}

		t.Run("Invalid", func(t *testing.T) {
			for name, e := range map[string]intranet.NewTimeEntry{
				"NoTime":       {PersonID: jan, Date: "2026-12-02"},
				"EndFirst":     ranged(jan, "2026-12-02", at(2, 15, 0), at(2, 7, 0), 0),
				"LongBreak":    ranged(jan, "2026-12-02", at(2, 7, 0), at(2, 8, 0), 60),
				"BadDate":      {PersonID: jan, Date: "2026-13-01", Minutes: 60},
				"OtherDay":     ranged(jan, "2026-12-05", at(2, 7, 0), at(2, 8, 0), 0),
				"TooManyHours": {PersonID: jan, Date: "2026-12-02", Minutes: 25 * 60},
			} {
				if _, err := s.AddTimeEntry(ctx, e, now); intranet.ErrorCode(err) != intranet.EINVALID {
					t.Errorf("%s: %v", name, err)
				}
			}
			if _, err := s.AddTimeEntry(ctx, intranet.NewTimeEntry{PersonID: 999999, Date: "2026-12-02", Minutes: 60}, now); intranet.ErrorCode(err) != intranet.ENOTFOUND {
				t.Errorf("unknown person: %v", err)
			}
		})

		t.Run("ErrOverlap", func(t *testing.T) {
			_, err := s.AddTimeEntry(ctx, ranged(jan, "2026-12-01", at(1, 15, 0), at(1, 17, 0), 0), now)
			var overlap *intranet.EntryOverlap
			if !errors.As(err, &overlap) || overlap.Other.ID != day.ID || intranet.ErrorCode(err) != intranet.ECONFLICT {
				t.Fatalf("overlap: %v", err)
			}
			// Back to back is no overlap; another person's time neither.
			if _, err := s.AddTimeEntry(ctx, ranged(jan, "2026-12-01", at(1, 15, 30), at(1, 17, 0), 0), now); err != nil {
				t.Errorf("back to back: %v", err)
			}
			if _, err := s.AddTimeEntry(ctx, ranged(eva, "2026-12-01", at(1, 7, 0), at(1, 15, 30), 0), now); err != nil {
				t.Errorf("another person: %v", err)
			}
		})

		t.Run("Midnight", func(t *testing.T) {
			night, err := s.AddTimeEntry(ctx, ranged(jan, "2026-12-02", at(2, 22, 0), at(3, 6, 30), 15), now)
			if err != nil {
				t.Fatal(err)
			}
			if night.Date != "2026-12-02" || night.Minutes != 8*60+15 {
				t.Errorf("night = %+v", night)
			}
			// The next morning overlaps the night's end.
			_, err = s.AddTimeEntry(ctx, ranged(jan, "2026-12-03", at(3, 6, 0), at(3, 12, 0), 0), now)
			var overlap *intranet.EntryOverlap
			if !errors.As(err, &overlap) || overlap.Other.ID != night.ID {
				t.Errorf("morning after: %v", err)
			}
			// Sunday night into Monday is booked on Sunday, in its week,
			// and still refuses Monday's early shift of the next week.
			sunday, err := s.AddTimeEntry(ctx, ranged(jan, "2026-12-06", at(6, 23, 0), at(7, 7, 0), 0), now)
			if err != nil {
				t.Fatal(err)
			}
			_, err = s.AddTimeEntry(ctx, ranged(jan, "2026-12-07", at(7, 6, 0), at(7, 9, 0), 0), now)
			if !errors.As(err, &overlap) || overlap.Other.ID != sunday.ID {
				t.Errorf("monday: %v", err)
			}
		})

		t.Run("DayTotal", func(t *testing.T) {
			// Hours without a range never overlap, but a day holds 24 at most.
			for _, m := range []int{10 * 60, 14 * 60} {
				if _, err := s.AddTimeEntry(ctx, intranet.NewTimeEntry{PersonID: eva, Date: "2026-12-04", Minutes: m}, now); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := s.AddTimeEntry(ctx, intranet.NewTimeEntry{PersonID: eva, Date: "2026-12-04", Minutes: 1}, now); intranet.ErrorCode(err) != intranet.EINVALID {
				t.Errorf("25th hour: %v", err)
			}
			if _, err := s.AddTimeEntry(ctx, intranet.NewTimeEntry{PersonID: eva, Date: "2026-12-05", Minutes: 1}, now); err != nil {
				t.Errorf("next day: %v", err)
			}
		})

		t.Run("Update", func(t *testing.T) {
			// An edit does not overlap the entry it replaces.
			got, err := s.UpdateTimeEntry(ctx, day.ID, ranged(jan, "2026-12-01", at(1, 7, 30), at(1, 15, 30), 30), now.Add(time.Minute))
			if err != nil || got.Minutes != 7*60+30 || !got.Updated.After(got.Created) {
				t.Fatalf("update = %+v, %v", got, err)
			}
			night, err := s.AddTimeEntry(ctx, ranged(jan, "2026-11-30", at(30, 20, 0), at(30, 22, 0), 0), now)
			if err != nil {
				t.Fatal(err)
			}
			_, err = s.UpdateTimeEntry(ctx, night.ID, ranged(jan, "2026-12-01", at(1, 14, 0), at(1, 16, 0), 0), now)
			var overlap *intranet.EntryOverlap
			if !errors.As(err, &overlap) {
				t.Errorf("update into overlap: %v", err)
			}
			if _, err := s.UpdateTimeEntry(ctx, 999999, ranged(jan, "2026-12-01", at(1, 14, 0), at(1, 16, 0), 0), now); intranet.ErrorCode(err) != intranet.ENOTFOUND {
				t.Errorf("unknown entry: %v", err)
			}
			if got, err := s.FindTimeEntry(ctx, night.ID); err != nil || got.Date != "2026-11-30" {
				t.Errorf("find = %+v, %v", got, err)
			}
		})

		t.Run("Timesheet", func(t *testing.T) {
			sheet, err := s.Timesheet(ctx, jan, sheetWeek)
			if err != nil {
				t.Fatal(err)
			}
			if sheet.State != intranet.WeekOpen || sheet.Person != "Jan de Vries" || sheet.Email != "jan.devries@example.nl" || sheet.Department != "Zorg Oost" {
				t.Errorf("sheet = %+v", sheet)
			}
			var dates []string
			for _, e := range sheet.Entries {
				dates = append(dates, e.Date)
			}
			want := []string{"2026-11-30", "2026-12-01", "2026-12-01", "2026-12-02", "2026-12-06"}
			if len(dates) != len(want) {
				t.Fatalf("dates = %v, want %v", dates, want)
			}
			for i := range want {
				if dates[i] != want[i] {
					t.Fatalf("dates = %v, want %v", dates, want)
				}
			}
			empty, err := s.Timesheet(ctx, jan, sheetWeek.Prev())
			if err != nil || empty.State != intranet.WeekOpen || len(empty.Entries)+len(empty.Trips) != 0 {
				t.Errorf("untouched week = %+v, %v", empty, err)
			}
			if _, err := s.Timesheet(ctx, 999999, sheetWeek); intranet.ErrorCode(err) != intranet.ENOTFOUND {
				t.Errorf("unknown person: %v", err)
			}
		})

		t.Run("Remove", func(t *testing.T) {
			e, err := s.AddTimeEntry(ctx, intranet.NewTimeEntry{PersonID: eva, Date: "2026-12-01", Minutes: 90}, now)
			if err != nil {
				t.Fatal(err)
			}
			if got, err := s.RemoveTimeEntry(ctx, e.ID); err != nil || got.ID != e.ID {
				t.Fatalf("remove = %+v, %v", got, err)
			}
			if _, err := s.FindTimeEntry(ctx, e.ID); intranet.ErrorCode(err) != intranet.ENOTFOUND {
				t.Errorf("removed entry: %v", err)
			}
			if _, err := s.RemoveTimeEntry(ctx, e.ID); intranet.ErrorCode(err) != intranet.ENOTFOUND {
				t.Errorf("removed twice: %v", err)
			}
		})
	})
}

func TestTrips(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s)
		jan := personID(t, s, "jan.devries@example.nl")
		now := at(4, 18, 0)
		trip, err := s.AddTrip(ctx, intranet.NewTrip{PersonID: jan, Date: "2026-12-01", Km: 46, From: " Utrecht ", To: "Zeist", Return: true, Purpose: "cliëntbezoek"}, now)
		if err != nil {
			t.Fatal(err)
		}
		if trip.From != "Utrecht" || trip.Km != 46 || !trip.Return || trip.Rate != 0 || trip.Allowance(0.23) != 10.58 {
			t.Errorf("trip = %+v", trip)
		}
		for name, nt := range map[string]intranet.NewTrip{
			"NoKm":     {PersonID: jan, Date: "2026-12-01", From: "a", To: "b"},
			"TooFar":   {PersonID: jan, Date: "2026-12-01", Km: intranet.MaxTripKm + 1, From: "a", To: "b"},
			"NoPlace":  {PersonID: jan, Date: "2026-12-01", Km: 3, From: "a"},
			"BadDate":  {PersonID: jan, Date: "1-12-2026", Km: 3, From: "a", To: "b"},
			"Negative": {PersonID: jan, Date: "2026-12-01", Km: -3, From: "a", To: "b"},
		} {
			if _, err := s.AddTrip(ctx, nt, now); intranet.ErrorCode(err) != intranet.EINVALID {
				t.Errorf("%s: %v", name, err)
			}
		}
		got, err := s.UpdateTrip(ctx, trip.ID, intranet.NewTrip{Date: "2026-12-02", Km: 12.5, From: "Zeist", To: "Utrecht", Route: "kantoor"}, now)
		if err != nil || got.Km != 12.5 || got.Date != "2026-12-02" || got.Route != "kantoor" || got.PersonID != jan || got.Return {
			t.Errorf("update = %+v, %v", got, err)
		}
		sheet, err := s.Timesheet(ctx, jan, sheetWeek)
		if err != nil || len(sheet.Trips) != 1 || sheet.Km() != 12.5 {
			t.Errorf("sheet = %+v, %v", sheet, err)
		}
		if _, err := s.RemoveTrip(ctx, trip.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.FindTrip(ctx, trip.ID); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("removed trip: %v", err)
		}
	})
}
