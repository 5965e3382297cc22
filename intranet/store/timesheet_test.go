package store_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/phonebook"
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

func TestWeekStates(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s)
		jan, anouk := personID(t, s, "jan.devries@example.nl"), personID(t, s, "anouk.vandenberg@example.nl")
		now := at(4, 18, 0)
		if _, err := s.SubmitWeek(ctx, jan, sheetWeek, 0.23, now); intranet.ErrorCode(err) != intranet.EINVALID {
			t.Errorf("empty week submitted: %v", err)
		}
		entry, err := s.AddTimeEntry(ctx, ranged(jan, "2026-12-01", at(1, 7, 0), at(1, 15, 0), 30), now)
		if err != nil {
			t.Fatal(err)
		}
		trip, err := s.AddTrip(ctx, intranet.NewTrip{PersonID: jan, Date: "2026-12-01", Km: 100, From: "Utrecht", To: "Zeist"}, now)
		if err != nil {
			t.Fatal(err)
		}
		later, err := s.AddTimeEntry(ctx, intranet.NewTimeEntry{PersonID: jan, Date: "2026-12-09", Minutes: 60}, now)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.DecideWeek(ctx, jan, sheetWeek, true, anouk, "", now); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Errorf("open week approved: %v", err)
		}
		if _, err := s.ReopenWeek(ctx, jan, sheetWeek, anouk, "x", now); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Errorf("open week reopened: %v", err)
		}
		sheet, err := s.SubmitWeek(ctx, jan, sheetWeek, 0.23, now)
		if err != nil {
			t.Fatal(err)
		}
		if sheet.State != intranet.WeekSubmitted || !sheet.SubmittedAt.Equal(now) || len(sheet.Trips) != 1 || sheet.Trips[0].Rate != 0.23 || sheet.Allowance(0.30) != 23 {
			t.Errorf("submitted = %+v", sheet)
		}
		if _, err := s.SubmitWeek(ctx, jan, sheetWeek, 0.23, now); !isLocked(err, intranet.WeekSubmitted) {
			t.Errorf("submitted twice: %v", err)
		}

		// A submitted week keeps its entries and trips.
		locked := func(when string) {
			t.Helper()
			state := intranet.WeekState("")
			if sh, err := s.Timesheet(ctx, jan, sheetWeek); err == nil {
				state = sh.State
			}
			for name, err := range map[string]error{
				"AddEntry":    second(s.AddTimeEntry(ctx, intranet.NewTimeEntry{PersonID: jan, Date: "2026-12-02", Minutes: 60}, now)),
				"UpdateEntry": second(s.UpdateTimeEntry(ctx, entry.ID, ranged(jan, "2026-12-01", at(1, 8, 0), at(1, 15, 0), 0), now)),
				"MoveOut":     second(s.UpdateTimeEntry(ctx, entry.ID, ranged(jan, "2026-12-08", at(8, 8, 0), at(8, 15, 0), 0), now)),
				"MoveIn":      second(s.UpdateTimeEntry(ctx, later.ID, intranet.NewTimeEntry{Date: "2026-12-02", Minutes: 60}, now)),
				"RemoveEntry": second(s.RemoveTimeEntry(ctx, entry.ID)),
				"AddTrip":     second(s.AddTrip(ctx, intranet.NewTrip{PersonID: jan, Date: "2026-12-03", Km: 5, From: "a", To: "b"}, now)),
				"UpdateTrip":  second(s.UpdateTrip(ctx, trip.ID, intranet.NewTrip{Date: "2026-12-01", Km: 5, From: "a", To: "b"}, now)),
				"RemoveTrip":  second(s.RemoveTrip(ctx, trip.ID)),
			} {
				if !isLocked(err, state) {
					t.Errorf("%s: %s: %v", when, name, err)
				}
			}
		}
		locked("submitted")

		// A rejected week opens for corrections.
		sheet, err = s.DecideWeek(ctx, jan, sheetWeek, false, anouk, "Pauze vergeten", now.Add(time.Hour))
		if err != nil || sheet.State != intranet.WeekRejected || sheet.Reason != "Pauze vergeten" || sheet.DecidedBy != "Anouk van den Berg" || sheet.DecidedByID != anouk || !sheet.DecidedAt.Equal(now.Add(time.Hour)) {
			t.Fatalf("rejected = %+v, %v", sheet, err)
		}
		if _, err := s.UpdateTimeEntry(ctx, entry.ID, ranged(jan, "2026-12-01", at(1, 7, 0), at(1, 15, 30), 30), now); err != nil {
			t.Errorf("correct a rejected week: %v", err)
		}
		if sheet, err = s.SubmitWeek(ctx, jan, sheetWeek, 0.25, now.Add(2*time.Hour)); err != nil || sheet.Reason != "" || sheet.DecidedByID != 0 || sheet.Trips[0].Rate != 0.25 {
			t.Fatalf("resubmitted = %+v, %v", sheet, err)
		}
		if sheet, err = s.DecideWeek(ctx, jan, sheetWeek, true, anouk, "", now.Add(3*time.Hour)); err != nil || sheet.State != intranet.WeekApproved {
			t.Fatalf("approved = %+v, %v", sheet, err)
		}
		locked("approved")
		if _, err := s.DecideWeek(ctx, jan, sheetWeek, false, anouk, "toch niet", now); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Errorf("approved week rejected: %v", err)
		}

		// A reopened week is open, without its rate, until the next submit
		// fixes the rate then in force.
		sheet, err = s.ReopenWeek(ctx, jan, sheetWeek, anouk, "Kilometers klopten niet", now.Add(4*time.Hour))
		if err != nil || sheet.State != intranet.WeekOpen || sheet.Reason != "Kilometers klopten niet" || sheet.Trips[0].Rate != 0 || !sheet.SubmittedAt.IsZero() || sheet.DecidedByID != 0 {
			t.Fatalf("reopened = %+v, %v", sheet, err)
		}
		if _, err := s.UpdateTrip(ctx, trip.ID, intranet.NewTrip{Date: "2026-12-01", Km: 80, From: "Utrecht", To: "Zeist"}, now); err != nil {
			t.Errorf("correct a reopened week: %v", err)
		}
		if sheet, err = s.SubmitWeek(ctx, jan, sheetWeek, 0.30, now.Add(5*time.Hour)); err != nil || sheet.Trips[0].Rate != 0.30 || sheet.Allowance(0.23) != 24 {
			t.Fatalf("submitted again = %+v, %v", sheet, err)
		}
		// Another week is not locked by this one.
		if _, err := s.UpdateTimeEntry(ctx, later.ID, intranet.NewTimeEntry{Date: "2026-12-08", Minutes: 90}, now); err != nil {
			t.Errorf("next week: %v", err)
		}
	})
}

func second[T any](_ T, err error) error { return err }

func isLocked(err error, state intranet.WeekState) bool {
	var locked *intranet.WeekLocked
	return errors.As(err, &locked) && locked.Week == sheetWeek && locked.State == state && intranet.ErrorCode(err) == intranet.ECONFLICT
}

// TestRacingDecisions: two approvers decide one week at once, twenty
// times: exactly one decision wins, the other hears of a conflict.
func TestRacingDecisions(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s)
		jan, anouk, sanne := personID(t, s, "jan.devries@example.nl"), personID(t, s, "anouk.vandenberg@example.nl"), personID(t, s, "sanne.muller@example.nl")
		now := at(4, 18, 0)
		w := sheetWeek
		for round := range 20 {
			if _, err := s.AddTimeEntry(ctx, intranet.NewTimeEntry{PersonID: jan, Date: w.First(), Minutes: 60}, now); err != nil {
				t.Fatal(err)
			}
			if _, err := s.SubmitWeek(ctx, jan, w, 0.23, now); err != nil {
				t.Fatal(err)
			}
			errs := race(2, func(i int) error {
				if i == 0 {
					_, err := s.DecideWeek(ctx, jan, w, true, anouk, "", now)
					return err
				}
				_, err := s.DecideWeek(ctx, jan, w, false, sanne, "nee", now)
				return err
			})
			won := 0
			for i, err := range errs {
				switch intranet.ErrorCode(err) {
				case "":
					won++
				case intranet.ECONFLICT:
				default:
					t.Fatalf("round %d: decision %d: %v", round, i, err)
				}
			}
			sheet, err := s.Timesheet(ctx, jan, w)
			if err != nil {
				t.Fatal(err)
			}
			if won != 1 || (sheet.State == intranet.WeekApproved) != (errs[0] == nil) || (sheet.DecidedByID == anouk) != (errs[0] == nil) {
				t.Fatalf("round %d: %d decisions won; week %s by %d (errors %v)", round, won, sheet.State, sheet.DecidedByID, errs)
			}
			w = w.Next()
		}
	})
}

// TestRacingEntries: ten overlapping ranges of one person written at once,
// partly over midnight into the next week (whose lock is another row): one
// is stored, the others are refused naming it. Meanwhile adds race a
// submit: an entry is either in the submitted week or refused.
func TestRacingEntries(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s)
		jan, eva := personID(t, s, "jan.devries@example.nl"), personID(t, s, "eva.bakker@example.nl")
		now := at(4, 18, 0)
		for round := range 5 {
			d := 7 * round
			sunday := time.Date(2026, time.December, 6+d, 0, 0, 0, 0, ams)
			var stored []*intranet.TimeEntry
			var mu sync.Mutex
			errs := race(10, func(i int) error {
				e := ranged(jan, sunday.Format(intranet.DateLayout), sunday.Add(22*time.Hour), sunday.Add(30*time.Hour), 0)
				if i%2 == 1 { // Monday's early shift, in the next week
					monday := sunday.AddDate(0, 0, 1)
					e = ranged(jan, monday.Format(intranet.DateLayout), monday.Add(5*time.Hour), monday.Add(9*time.Hour), 0)
				}
				got, err := s.AddTimeEntry(ctx, e, now)
				if err == nil {
					mu.Lock()
					stored = append(stored, got)
					mu.Unlock()
				}
				return err
			})
			if len(stored) != 1 {
				t.Fatalf("round %d: %d overlapping entries stored (%v)", round, len(stored), errs)
			}
			for i, err := range errs {
				var overlap *intranet.EntryOverlap
				if err != nil && (!errors.As(err, &overlap) || overlap.Other.ID != stored[0].ID) {
					t.Errorf("round %d: add %d: %v, want the overlap with %d", round, i, err, stored[0].ID)
				}
			}
		}

		for w := sheetWeek; w.Before(intranet.Week{Year: 2027, Number: 10}); w = w.Next() {
			if _, err := s.AddTimeEntry(ctx, intranet.NewTimeEntry{PersonID: eva, Date: w.First(), Minutes: 60}, now); err != nil {
				t.Fatal(err)
			}
			var submitted *intranet.Timesheet
			errs := race(10, func(i int) error {
				if i == 0 {
					var err error
					submitted, err = s.SubmitWeek(ctx, eva, w, 0.23, now)
					return err
				}
				_, err := s.AddTimeEntry(ctx, intranet.NewTimeEntry{PersonID: eva, Date: w.Days()[1], Minutes: 30}, now)
				return err
			})
			if errs[0] != nil {
				t.Fatal(errs[0])
			}
			added := 0
			for i, err := range errs[1:] {
				var locked *intranet.WeekLocked
				if err == nil {
					added++
				} else if !errors.As(err, &locked) || locked.Week != w {
					t.Errorf("%s: add %d: %v", w, i+1, err)
				}
			}
			// What was submitted is what the week holds: no add slipped in
			// after the submit read it.
			sheet, err := s.Timesheet(ctx, eva, w)
			if err != nil || len(sheet.Entries) != len(submitted.Entries) || len(sheet.Entries) != 1+added {
				t.Fatalf("%s: submitted %d entries, the week holds %d, %d adds succeeded: %v", w, len(submitted.Entries), len(sheet.Entries), added, err)
			}
		}
	})
}

// TestTimesheets: the weeks a filter selects, with their people, by week
// and then person, a page at a time; "open" is a week nobody submitted
// that holds entries or trips.
func TestTimesheets(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s)
		jan, eva, pieter, anouk := personID(t, s, "jan.devries@example.nl"), personID(t, s, "eva.bakker@example.nl"),
			personID(t, s, "pieter.jansen@example.nl"), personID(t, s, "anouk.vandenberg@example.nl")
		now := at(4, 18, 0)
		w49, w50 := sheetWeek, sheetWeek.Next()
		add := func(person int64, date string, minutes int) {
			t.Helper()
			if _, err := s.AddTimeEntry(ctx, intranet.NewTimeEntry{PersonID: person, Date: date, Minutes: minutes}, now); err != nil {
				t.Fatal(err)
			}
		}
		// Week 49: Jan approved, Eva submitted, Pieter open with a trip
		// only, Anouk's made by an entry since removed (so never listed).
		// Week 50: Jan open.
		add(jan, "2026-12-01", 480)
		add(jan, "2026-12-04", 240)
		add(eva, "2026-12-02", 300)
		if _, err := s.AddTrip(ctx, intranet.NewTrip{PersonID: pieter, Date: "2026-12-03", Km: 12, From: "Utrecht", To: "Zeist"}, now); err != nil {
			t.Fatal(err)
		}
		add(jan, "2026-12-08", 120)
		gone, err := s.AddTimeEntry(ctx, intranet.NewTimeEntry{PersonID: anouk, Date: "2026-12-01", Minutes: 60}, now)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.RemoveTimeEntry(ctx, gone.ID); err != nil {
			t.Fatal(err)
		}
		for _, p := range []int64{jan, eva} {
			if _, err := s.SubmitWeek(ctx, p, w49, 0.23, now); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.DecideWeek(ctx, jan, w49, true, anouk, "", now); err != nil {
			t.Fatal(err)
		}

		type row struct {
			who   string
			week  intranet.Week
			state intranet.WeekState
			n     int // entries and trips
		}
		list := func(f intranet.TimesheetFilter) []row {
			t.Helper()
			sheets, err := s.Timesheets(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			var out []row
			for _, sh := range sheets {
				out = append(out, row{sh.Email[:strings.Index(sh.Email, ".")], sh.Week, sh.State, len(sh.Entries) + len(sh.Trips)})
			}
			return out
		}
		// By week, then surname: Bakker, Jansen, de Vries.
		all := []row{{"eva", w49, intranet.WeekSubmitted, 1}, {"pieter", w49, intranet.WeekOpen, 1}, {"jan", w49, intranet.WeekApproved, 2}, {"jan", w50, intranet.WeekOpen, 1}}
		for name, tc := range map[string]struct {
			f    intranet.TimesheetFilter
			want []row
		}{
			"All":       {intranet.TimesheetFilter{}, all},
			"Page":      {intranet.TimesheetFilter{Offset: 1, Limit: 2}, all[1:3]},
			"Rest":      {intranet.TimesheetFilter{Offset: 3}, all[3:]},
			"Week":      {intranet.TimesheetFilter{Week: w50}, all[3:]},
			"Person":    {intranet.TimesheetFilter{PersonIDs: []int64{jan, anouk}}, all[2:]},
			"Approved":  {intranet.TimesheetFilter{States: []intranet.WeekState{intranet.WeekApproved}}, all[2:3]},
			"Open":      {intranet.TimesheetFilter{States: []intranet.WeekState{intranet.WeekOpen}}, []row{all[1], all[3]}},
			"Submitted": {intranet.TimesheetFilter{States: []intranet.WeekState{intranet.WeekSubmitted, intranet.WeekRejected}}, all[:1]},
			// A date range keeps the entries and trips in it, and the weeks
			// that hold any.
			"Dates":    {intranet.TimesheetFilter{From: "2026-12-02", To: "2026-12-08"}, []row{all[0], all[1], {"jan", w49, intranet.WeekApproved, 1}, all[3]}},
			"OneDay":   {intranet.TimesheetFilter{From: "2026-12-01", To: "2026-12-01"}, []row{{"jan", w49, intranet.WeekApproved, 1}}},
			"Combined": {intranet.TimesheetFilter{From: "2026-11-30", To: "2026-12-31", States: []intranet.WeekState{intranet.WeekOpen}, PersonIDs: []int64{jan}}, all[3:]},
			"Nothing":  {intranet.TimesheetFilter{From: "2027-01-01"}, nil},
			// Asked for decided states only, the weeks' rows are the start:
			// the same filters, and the same rule that a week needs an entry
			// or trip in the period.
			"DecidedPage":   {intranet.TimesheetFilter{States: []intranet.WeekState{intranet.WeekSubmitted, intranet.WeekApproved}, Offset: 1, Limit: 1}, all[2:3]},
			"DecidedPerson": {intranet.TimesheetFilter{States: []intranet.WeekState{intranet.WeekSubmitted, intranet.WeekApproved}, PersonIDs: []int64{eva, anouk}}, all[:1]},
			"ApprovedDates": {intranet.TimesheetFilter{From: "2026-12-04", To: "2026-12-31", States: []intranet.WeekState{intranet.WeekApproved}}, []row{{"jan", w49, intranet.WeekApproved, 1}}},
			"ApprovedGap":   {intranet.TimesheetFilter{From: "2026-12-02", To: "2026-12-03", States: []intranet.WeekState{intranet.WeekApproved}}, nil},
			"ApprovedWeek":  {intranet.TimesheetFilter{Week: w50, States: []intranet.WeekState{intranet.WeekApproved}}, nil},
		} {
			if got := list(tc.f); !cmp.Equal(got, tc.want, cmp.AllowUnexported(row{})) {
				t.Errorf("%s: %v, want %v", name, got, tc.want)
			}
		}
		sheets, err := s.Timesheets(ctx, intranet.TimesheetFilter{States: []intranet.WeekState{intranet.WeekApproved}})
		if err != nil || len(sheets) != 1 {
			t.Fatal(sheets, err)
		}
		if sh := sheets[0]; sh.Person != "Jan de Vries" || sh.Department != "Zorg Oost" || sh.DecidedBy != "Anouk van den Berg" || sh.DecidedByID != anouk ||
			!sh.DecidedAt.Equal(now) || sh.Minutes() != 720 || sh.Entries[0].Date != "2026-12-01" {
			t.Errorf("approved sheet = %+v", sh)
		}
		if _, err := s.Timesheets(ctx, intranet.TimesheetFilter{From: "gisteren"}); intranet.ErrorCode(err) != intranet.EINVALID {
			t.Errorf("bad date: %v", err)
		}
	})
}

func TestRoutes(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s)
		jan, eva := personID(t, s, "jan.devries@example.nl"), personID(t, s, "eva.bakker@example.nl")
		r, err := s.SaveRoute(ctx, intranet.Route{PersonID: jan, Name: " Kantoor ", Km: 23.5, From: "Utrecht", To: "Zeist"})
		if err != nil || r.Name != "Kantoor" || r.Km != 23.5 {
			t.Fatalf("save = %+v, %v", r, err)
		}
		if _, err := s.SaveRoute(ctx, intranet.Route{PersonID: jan, Name: "KANTOOR", Km: 3, From: "a", To: "b"}); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Errorf("same name: %v", err)
		}
		if _, err := s.SaveRoute(ctx, intranet.Route{PersonID: eva, Name: "kantoor", Km: 3, From: "a", To: "b"}); err != nil {
			t.Errorf("another person's: %v", err)
		}
		if _, err := s.SaveRoute(ctx, intranet.Route{PersonID: jan, Name: "apotheek", Km: 2.1, From: "Zeist", To: "Zeist centrum"}); err != nil {
			t.Fatal(err)
		}
		for name, bad := range map[string]intranet.Route{
			"NoName": {PersonID: jan, Km: 3, From: "a", To: "b"},
			"NoKm":   {PersonID: jan, Name: "x", From: "a", To: "b"},
			"TooFar": {PersonID: jan, Name: "x", Km: intranet.MaxTripKm + 1, From: "a", To: "b"},
			"Long":   {PersonID: jan, Name: strings.Repeat("x", intranet.MaxRouteName+1), Km: 3, From: "a", To: "b"},
		} {
			if _, err := s.SaveRoute(ctx, bad); intranet.ErrorCode(err) != intranet.EINVALID {
				t.Errorf("%s: %v", name, err)
			}
		}
		routes, err := s.Routes(ctx, jan)
		if err != nil || len(routes) != 2 || routes[0].Name != "apotheek" || routes[1].Name != "Kantoor" {
			t.Errorf("routes = %v, %v", routes, err)
		}
		if got, err := s.FindRoute(ctx, jan, "kantoor"); err != nil || got.ID != r.ID {
			t.Errorf("find = %+v, %v", got, err)
		}
		if got, err := s.RemoveRoute(ctx, jan, "KanToor"); err != nil || got.ID != r.ID {
			t.Errorf("remove = %+v, %v", got, err)
		}
		if _, err := s.FindRoute(ctx, jan, "kantoor"); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("removed: %v", err)
		}
		if _, err := s.RemoveRoute(ctx, jan, "kantoor"); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("removed twice: %v", err)
		}
		if got, err := s.FindRoute(ctx, eva, "Kantoor"); err != nil || got.PersonID != eva {
			t.Errorf("eva's = %+v, %v", got, err)
		}
	})
}

// TestDownloads: a link works once, never after it expires, and of ten
// uses at once exactly one gets it.
func TestDownloads(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s)
		jan := personID(t, s, "jan.devries@example.nl")
		now := at(4, 18, 0)
		d := intranet.Download{Hash: "h1", PersonID: jan, Kind: "hours", From: "2026-11-01", To: "2026-11-30",
			States: []intranet.WeekState{intranet.WeekApproved}, PersonIDs: []int64{jan}, Expires: now.Add(10 * time.Minute)}
		if err := s.CreateDownload(ctx, d); err != nil {
			t.Fatal(err)
		}
		if err := s.CreateDownload(ctx, d); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Errorf("same hash: %v", err)
		}
		var got []*intranet.Download
		var mu sync.Mutex
		errs := race(10, func(int) error {
			dl, err := s.UseDownload(ctx, "h1", now.Add(time.Minute))
			if err == nil {
				mu.Lock()
				got = append(got, dl)
				mu.Unlock()
			}
			return err
		})
		if len(got) != 1 {
			t.Fatalf("%d uses got the link (%v)", len(got), errs)
		}
		want := d
		want.Expires = d.Expires.UTC()
		if !cmp.Equal(*got[0], want) {
			t.Errorf("download = %+v, want %+v", got[0], want)
		}
		for _, err := range errs {
			if err != nil && intranet.ErrorCode(err) != intranet.ENOTFOUND {
				t.Errorf("second use: %v", err)
			}
		}
		// Everyone's export, expired before its first use.
		if err := s.CreateDownload(ctx, intranet.Download{Hash: "h2", PersonID: jan, Kind: "hours", Expires: now.Add(10 * time.Minute)}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.UseDownload(ctx, "h2", now.Add(10*time.Minute)); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("expired: %v", err)
		}
		if err := s.CreateDownload(ctx, intranet.Download{Hash: "h3", PersonID: jan, Kind: "hours", Expires: now.Add(10 * time.Minute)}); err != nil {
			t.Fatal(err)
		}
		if dl, err := s.UseDownload(ctx, "h3", now.Add(9*time.Minute)); err != nil || dl.PersonIDs != nil || dl.States != nil {
			t.Errorf("everyone's = %+v, %v", dl, err)
		}
		if _, err := s.UseDownload(ctx, "nope", now); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("unknown: %v", err)
		}
	})
}

// TestEmployeeNumbers: the people file's optional employee_number column
// is stored, changed by a later import, and shown on a timesheet.
func TestEmployeeNumbers(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s) // a file without the column
		if p, err := s.FindPersonByEmail(ctx, "jan.devries@example.nl"); err != nil || p.EmployeeNumber != "" {
			t.Fatalf("without the column: %+v, %v", p, err)
		}
		imp := func(csv string) {
			t.Helper()
			recs, probs := phonebook.ParseCSV(strings.NewReader(csv))
			if len(probs) > 0 {
				t.Fatal(probs)
			}
			if _, err := s.ImportPeople(ctx, recs, false); err != nil {
				t.Fatal(err)
			}
		}
		imp("name,email,department,employee_number\nJan de Vries,jan.devries@example.nl,Zorg Oost, 1042 \nNina Smit,nina.smit@example.nl,Zorg Oost,2001\n")
		for email, want := range map[string]string{"jan.devries@example.nl": "1042", "nina.smit@example.nl": "2001", "eva.bakker@example.nl": ""} {
			if p, err := s.FindPersonByEmail(ctx, email); err != nil || p.EmployeeNumber != want {
				t.Errorf("%s: %q, %v; want %q", email, p.EmployeeNumber, err, want)
			}
		}
		imp("name,email,department,employee_number\nJan de Vries,jan.devries@example.nl,Zorg Oost,1043\n")
		jan, err := s.FindPersonByEmail(ctx, "jan.devries@example.nl")
		if err != nil || jan.EmployeeNumber != "1043" {
			t.Fatalf("changed: %+v, %v", jan, err)
		}
		if _, err := s.AddTimeEntry(ctx, intranet.NewTimeEntry{PersonID: jan.ID, Date: "2026-12-01", Minutes: 60}, at(4, 18, 0)); err != nil {
			t.Fatal(err)
		}
		sheet, err := s.Timesheet(ctx, jan.ID, sheetWeek)
		if err != nil || sheet.EmployeeNumber != "1043" {
			t.Errorf("sheet = %+v, %v", sheet, err)
		}
		if sheets, err := s.Timesheets(ctx, intranet.TimesheetFilter{}); err != nil || len(sheets) != 1 || sheets[0].EmployeeNumber != "1043" {
			t.Errorf("sheets = %v, %v", sheets, err)
		}
	})
}
