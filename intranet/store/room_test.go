package store_test

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/pgtest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/store"
)

// roomFixture adds two people and three rooms; it returns the people's ids
// and the rooms by name.
func roomFixture(t testing.TB, s *store.Store) (int64, int64, map[string]intranet.Room) {
	t.Helper()
	ctx := context.Background()
	_, err := s.ImportPeople(ctx, []intranet.PersonRecord{
		{Line: 2, Name: "Anna Bakker", Email: "anna@example.nl"},
		{Line: 3, Name: "Bram de Boer", Email: "bram@example.nl"},
	}, false)
	if err != nil {
		t.Fatal(err)
	}
	anna, err := s.FindPersonByEmail(ctx, "anna@example.nl")
	if err != nil {
		t.Fatal(err)
	}
	bram, err := s.FindPersonByEmail(ctx, "bram@example.nl")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveRooms(ctx, []intranet.RoomRecord{
		{Line: 2, Name: "Grote zaal", Location: "Utrecht", Capacity: 20, Facilities: []string{"Screen", "video"}, Opens: 7 * 60, Closes: 22 * 60},
		{Line: 3, Name: "Kleine zaal", Location: "Utrecht", Capacity: 6, Facilities: []string{"whiteboard"}, Opens: 7 * 60, Closes: 18 * 60},
		{Line: 4, Name: "Stilteruimte", Capacity: 2, Opens: 0, Closes: 1440},
	}, false); err != nil {
		t.Fatal(err)
	}
	rooms, err := s.Rooms(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]intranet.Room{}
	for _, r := range rooms {
		byName[r.Name] = r
	}
	return anna.ID, bram.ID, byName
}

var day = time.Date(2030, 3, 4, 0, 0, 0, 0, time.UTC)

func slot(fromH, fromM, toH, toM int) intranet.Slot {
	return intranet.Slot{Start: day.Add(time.Duration(fromH)*time.Hour + time.Duration(fromM)*time.Minute), End: day.Add(time.Duration(toH)*time.Hour + time.Duration(toM)*time.Minute)}
}

func TestSaveRooms(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		_, _, rooms := roomFixture(t, s)
		if len(rooms) != 3 || !rooms["Grote zaal"].Has("screen") || rooms["Grote zaal"].Opens != 420 {
			t.Fatalf("rooms = %+v", rooms)
		}
		// Idempotent by name, whatever the case.
		sum, err := s.SaveRooms(ctx, []intranet.RoomRecord{{Line: 2, Name: "GROTE  Zaal", Capacity: 25, Opens: 480, Closes: 1080}}, false)
		if err != nil || sum.Updated != 1 || sum.Created != 0 {
			t.Fatalf("update = %+v, %v", sum, err)
		}
		r, err := s.FindRoomByID(ctx, rooms["Grote zaal"].ID)
		if err != nil || r.Capacity != 25 || r.Name != "GROTE  Zaal" {
			t.Fatalf("updated room = %+v, %v", r, err)
		}
		// All or nothing, every bad line named.
		_, err = s.SaveRooms(ctx, []intranet.RoomRecord{
			{Line: 2, Name: "Nieuw", Capacity: 4, Opens: 480, Closes: 1020},
			{Line: 3, Name: "", Capacity: 4, Opens: 480, Closes: 1020},
			{Line: 4, Name: "Laat", Capacity: 4, Opens: 1020, Closes: 480},
			{Line: 5, Name: "nieuw", Capacity: 4, Opens: 480, Closes: 1020},
		}, false)
		var ie *intranet.ImportError
		if !errors.As(err, &ie) || len(ie.Problems) != 3 || ie.Problems[0].Line != 3 || ie.Problems[1].Line != 4 || ie.Problems[2].Line != 5 {
			t.Fatalf("bad import = %v", err)
		}
		if all, _ := s.Rooms(ctx, true); len(all) != 3 {
			t.Fatalf("a refused import wrote %d rooms", len(all))
		}
		// Dry run checks only.
		if sum, err := s.SaveRooms(ctx, []intranet.RoomRecord{{Line: 2, Name: "Nieuw", Capacity: 4, Opens: 480, Closes: 1020}}, true); err != nil || sum.Created != 1 {
			t.Fatalf("dry run = %+v, %v", sum, err)
		}
		if all, _ := s.Rooms(ctx, true); len(all) != 3 {
			t.Fatalf("a dry run wrote rooms")
		}
	})
}

func TestBookings(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		anna, bram, rooms := roomFixture(t, s)
		grote := rooms["Grote zaal"].ID
		b, err := s.CreateBookings(ctx, intranet.NewBookings{RoomID: grote, PersonID: anna, Title: "Overleg", Slots: []intranet.Slot{slot(10, 0, 11, 0)}})
		if err != nil || len(b) != 1 || b[0].Room != "Grote zaal" || b[0].Person != "Anna Bakker" || !b[0].Start.Equal(slot(10, 0, 11, 0).Start) {
			t.Fatalf("book = %+v, %v", b, err)
		}
		t.Run("BackToBack", func(t *testing.T) {
			for _, sl := range []intranet.Slot{slot(9, 0, 10, 0), slot(11, 0, 12, 0)} {
				if _, err := s.CreateBookings(ctx, intranet.NewBookings{RoomID: grote, PersonID: bram, Slots: []intranet.Slot{sl}}); err != nil {
					t.Errorf("back-to-back %v: %v", sl, err)
				}
			}
		})
		t.Run("ErrRoomTaken", func(t *testing.T) {
			_, err := s.CreateBookings(ctx, intranet.NewBookings{RoomID: grote, PersonID: bram, Slots: []intranet.Slot{slot(10, 30, 10, 45)}})
			var c *intranet.BookingConflict
			if intranet.ErrorCode(err) != intranet.ECONFLICT || !errors.As(err, &c) || len(c.Clashes) != 1 || c.Clashes[0].Booking.Person != "Anna Bakker" || c.Clashes[0].Booking.Title != "Overleg" {
				t.Fatalf("overlap = %v", err)
			}
		})
		t.Run("OtherRoomFree", func(t *testing.T) {
			if _, err := s.CreateBookings(ctx, intranet.NewBookings{RoomID: rooms["Kleine zaal"].ID, PersonID: bram, Slots: []intranet.Slot{slot(10, 0, 11, 0)}}); err != nil {
				t.Fatal(err)
			}
		})
		t.Run("Free", func(t *testing.T) {
			free, err := s.FreeRooms(ctx, intranet.FreeQuery{Slot: slot(10, 30, 11, 30)})
			if err != nil || len(free) != 1 || free[0].Name != "Stilteruimte" {
				t.Fatalf("free = %+v, %v", free, err)
			}
			free, err = s.FreeRooms(ctx, intranet.FreeQuery{Slot: slot(12, 0, 13, 0), Capacity: 5, Facility: "Whiteboard"})
			if err != nil || len(free) != 1 || free[0].Name != "Kleine zaal" {
				t.Fatalf("free with whiteboard for 5 = %+v, %v", free, err)
			}
		})
		t.Run("ErrBadSlots", func(t *testing.T) {
			for _, nb := range []intranet.NewBookings{
				{RoomID: grote, PersonID: anna},
				{RoomID: grote, PersonID: anna, Slots: []intranet.Slot{slot(15, 0, 14, 0)}},
				{RoomID: grote, PersonID: anna, Slots: []intranet.Slot{slot(15, 0, 16, 0), slot(15, 30, 16, 30)}},
			} {
				if _, err := s.CreateBookings(ctx, nb); intranet.ErrorCode(err) != intranet.EINVALID {
					t.Errorf("CreateBookings(%+v) = %v, want EINVALID", nb, err)
				}
			}
			if _, err := s.CreateBookings(ctx, intranet.NewBookings{RoomID: 999, PersonID: anna, Slots: []intranet.Slot{slot(15, 0, 16, 0)}}); intranet.ErrorCode(err) != intranet.ENOTFOUND {
				t.Errorf("unknown room = %v", err)
			}
		})
		t.Run("Cancel", func(t *testing.T) {
			c, err := s.CancelBooking(ctx, b[0].ID, time.Now())
			if err != nil || c.Active() {
				t.Fatalf("cancel = %+v, %v", c, err)
			}
			if _, err := s.CancelBooking(ctx, b[0].ID, time.Now()); intranet.ErrorCode(err) != intranet.ECONFLICT {
				t.Fatalf("cancel twice = %v", err)
			}
			if _, err := s.CancelBooking(ctx, 99999, time.Now()); intranet.ErrorCode(err) != intranet.ENOTFOUND {
				t.Fatalf("cancel unknown = %v", err)
			}
			// The slot is free again.
			if _, err := s.CreateBookings(ctx, intranet.NewBookings{RoomID: grote, PersonID: bram, Slots: []intranet.Slot{slot(10, 0, 11, 0)}}); err != nil {
				t.Fatal(err)
			}
			mine, err := s.Bookings(ctx, intranet.BookingFilter{PersonID: anna, Cancelled: true})
			if err != nil || len(mine) != 1 || mine[0].Active() {
				t.Fatalf("history = %+v, %v", mine, err)
			}
			if mine, _ := s.Bookings(ctx, intranet.BookingFilter{PersonID: anna}); len(mine) != 0 {
				t.Fatalf("active bookings of anna = %+v", mine)
			}
		})
		t.Run("Retire", func(t *testing.T) {
			now := day.Add(10*time.Hour + 30*time.Minute) // during 10:00-11:00, before 11:00-12:00
			cancelled, err := s.RetireRoom(ctx, grote, now)
			if err != nil || len(cancelled) != 1 || !cancelled[0].Start.Equal(slot(11, 0, 12, 0).Start) || cancelled[0].Person != "Bram de Boer" {
				t.Fatalf("retire = %+v, %v", cancelled, err)
			}
			if _, err := s.RetireRoom(ctx, grote, now); intranet.ErrorCode(err) != intranet.ECONFLICT {
				t.Fatalf("retire twice = %v", err)
			}
			if _, err := s.CreateBookings(ctx, intranet.NewBookings{RoomID: grote, PersonID: bram, Slots: []intranet.Slot{slot(15, 0, 16, 0)}}); intranet.ErrorCode(err) != intranet.EINVALID {
				t.Fatalf("book a retired room = %v", err)
			}
			history, err := s.Bookings(ctx, intranet.BookingFilter{RoomID: grote, Cancelled: true})
			if err != nil || len(history) != 4 {
				t.Fatalf("history kept = %d, %v", len(history), err)
			}
			if active, _ := s.Rooms(ctx, false); len(active) != 2 {
				t.Fatalf("active rooms = %+v", active)
			}
			// Saving it again (an import) keeps it retired.
			if _, err := s.SaveRooms(ctx, []intranet.RoomRecord{{Line: 2, Name: "Grote zaal", Capacity: 20, Opens: 420, Closes: 1320}}, false); err != nil {
				t.Fatal(err)
			}
			if r, _ := s.FindRoomByID(ctx, grote); !r.Retired {
				t.Fatal("import revived a retired room")
			}
		})
		t.Run("FeedToken", func(t *testing.T) {
			a, err := s.FeedToken(ctx, "room:1")
			b, err2 := s.FeedToken(ctx, "room:1")
			c, err3 := s.FeedToken(ctx, "person:1")
			if err != nil || err2 != nil || err3 != nil || a != b || a == c || len(a) < 32 {
				t.Fatalf("tokens %q %q %q: %v %v %v", a, b, c, err, err2, err3)
			}
		})
	})
}

// TestSeriesAllOrNothing books a weekly series against existing bookings:
// nothing is booked, and exactly the clashing dates are named.
func TestSeriesAllOrNothing(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		anna, bram, rooms := roomFixture(t, s)
		room := rooms["Kleine zaal"].ID
		week := func(i int) intranet.Slot {
			sl := slot(9, 0, 10, 0)
			return intranet.Slot{Start: sl.Start.AddDate(0, 0, 7*i), End: sl.End.AddDate(0, 0, 7*i)}
		}
		// Bram holds weeks 2 and 5 (partly), and week 3 back to back.
		for _, sl := range []intranet.Slot{
			{Start: week(2).Start.Add(30 * time.Minute), End: week(2).End.Add(30 * time.Minute)},
			{Start: week(5).Start.Add(-30 * time.Minute), End: week(5).Start.Add(15 * time.Minute)},
			{Start: week(3).End, End: week(3).End.Add(time.Hour)},
		} {
			if _, err := s.CreateBookings(ctx, intranet.NewBookings{RoomID: room, PersonID: bram, Slots: []intranet.Slot{sl}}); err != nil {
				t.Fatal(err)
			}
		}
		var series []intranet.Slot
		for i := 0; i < 8; i++ {
			series = append(series, week(i))
		}
		_, err := s.CreateBookings(ctx, intranet.NewBookings{RoomID: room, PersonID: anna, Title: "Teamoverleg", Slots: series})
		var c *intranet.BookingConflict
		if !errors.As(err, &c) || intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Fatalf("series = %v, want a BookingConflict", err)
		}
		var clashed []string
		for _, x := range c.Clashes {
			clashed = append(clashed, x.Slot.Start.Format("2006-01-02")+" "+x.Booking.Person)
		}
		if got, want := fmt.Sprint(clashed), fmt.Sprint([]string{week(2).Start.Format("2006-01-02") + " Bram de Boer", week(5).Start.Format("2006-01-02") + " Bram de Boer"}); got != want {
			t.Fatalf("clashes = %s, want %s", got, want)
		}
		if got, _ := s.Bookings(ctx, intranet.BookingFilter{PersonID: anna, Cancelled: true}); len(got) != 0 {
			t.Fatalf("a refused series booked %d", len(got))
		}
		// All but the clashing dates.
		var rest []intranet.Slot
		for i, sl := range series {
			if i != 2 && i != 5 {
				rest = append(rest, sl)
			}
		}
		booked, err := s.CreateBookings(ctx, intranet.NewBookings{RoomID: room, PersonID: anna, Title: "Teamoverleg", Slots: rest})
		if err != nil || len(booked) != 6 {
			t.Fatalf("series without clashes = %d, %v", len(booked), err)
		}
		for _, b := range booked {
			if b.SeriesID != booked[0].ID {
				t.Fatalf("series ids = %+v", booked)
			}
		}
	})
}

// TestNoDoubleBooking races 240 booking attempts of overlapping slots of one
// room. Exactly the bookings that fit are made: the booked slots never
// overlap, and every refused attempt overlaps a booked one.
func TestNoDoubleBooking(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		anna, bram, rooms := roomFixture(t, s)
		room := rooms["Grote zaal"].ID
		var attempts []intranet.Slot
		for i := 0; i < 240; i++ {
			// 8 hours; per hour the full hour, the half hour either side and
			// quarter-hour shifts, so most attempts overlap several others
			// and back-to-back hours are among them.
			h := 8 + i%8
			off := []int{0, 0, 30, -15, 15, 0}[i/8%6]
			start := day.Add(time.Duration(h)*time.Hour + time.Duration(off)*time.Minute)
			attempts = append(attempts, intranet.Slot{Start: start, End: start.Add(time.Hour)})
		}
		type result struct {
			slot intranet.Slot
			err  error
		}
		results := make([]result, len(attempts))
		var wg sync.WaitGroup
		startGun := make(chan struct{})
		for i, sl := range attempts {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-startGun
				who := anna
				if i%2 == 1 {
					who = bram
				}
				_, err := s.CreateBookings(ctx, intranet.NewBookings{RoomID: room, PersonID: who, Slots: []intranet.Slot{sl}})
				results[i] = result{sl, err}
			}()
		}
		close(startGun)
		wg.Wait()
		var won []intranet.Slot
		for _, r := range results {
			switch intranet.ErrorCode(r.err) {
			case "":
				won = append(won, r.slot)
			case intranet.ECONFLICT:
			default:
				t.Fatalf("attempt %v: %v", r.slot, r.err)
			}
		}
		stored, err := s.Bookings(ctx, intranet.BookingFilter{RoomID: room})
		if err != nil || len(stored) != len(won) {
			t.Fatalf("stored %d bookings, %d attempts succeeded (%v)", len(stored), len(won), err)
		}
		sort.Slice(stored, func(i, j int) bool { return stored[i].Start.Before(stored[j].Start) })
		for i := 1; i < len(stored); i++ {
			if stored[i].Start.Before(stored[i-1].End) {
				t.Fatalf("double booking: %v and %v", stored[i-1].Slot, stored[i].Slot)
			}
		}
		for _, r := range results {
			if r.err == nil {
				continue
			}
			overlaps := false
			for _, b := range stored {
				overlaps = overlaps || b.Overlaps(r.slot)
			}
			if !overlaps {
				t.Fatalf("attempt %v was refused but fits", r.slot)
			}
		}
		t.Logf("%d attempts, %d booked", len(attempts), len(won))
	})
}

// TestRetireWhileBooking races a room's retirement with 40 bookings of it:
// whatever order they take, no active booking after the retirement is
// left in the room, and every refused booking says why.
func TestRetireWhileBooking(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		anna, _, rooms := roomFixture(t, s)
		room := rooms["Grote zaal"].ID
		now := time.Date(2030, 3, 1, 9, 0, 0, 0, time.UTC)
		var wg sync.WaitGroup
		startGun := make(chan struct{})
		errs := make([]error, 40)
		for i := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-startGun
				start := day.Add(time.Duration(i) * time.Hour)
				_, errs[i] = s.CreateBookings(ctx, intranet.NewBookings{RoomID: room, PersonID: anna, Slots: []intranet.Slot{{Start: start, End: start.Add(time.Hour)}}})
			}()
		}
		var retireErr error
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-startGun
			_, retireErr = s.RetireRoom(ctx, room, now)
		}()
		close(startGun)
		wg.Wait()
		if retireErr != nil {
			t.Fatalf("retire: %v", retireErr)
		}
		for i, err := range errs {
			if err != nil && intranet.ErrorCode(err) != intranet.EINVALID {
				t.Fatalf("booking %d: %v", i, err)
			}
		}
		left, err := s.Bookings(ctx, intranet.BookingFilter{RoomID: room, From: now})
		if err != nil || len(left) != 0 {
			t.Fatalf("active bookings after the retirement: %v (%v)", left, err)
		}
	})
}

// BenchmarkFreeRooms asks which rooms are free for a slot among 50 rooms
// with 100 000 bookings over a year (PostgreSQL), and reports the median
// and p95 of one question.
func BenchmarkFreeRooms(b *testing.B) {
	ctx := context.Background()
	s, err := store.Open(ctx, pgtest.URL(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if _, err := s.ImportPeople(ctx, []intranet.PersonRecord{{Line: 2, Name: "Anna Bakker", Email: "anna@example.nl"}}, false); err != nil {
		b.Fatal(err)
	}
	anna, _ := s.FindPersonByEmail(ctx, "anna@example.nl")
	var recs []intranet.RoomRecord
	for i := 0; i < 50; i++ {
		recs = append(recs, intranet.RoomRecord{Line: i + 2, Name: fmt.Sprintf("Zaal %02d", i), Capacity: 2 + i%20, Facilities: []string{[]string{"screen", "video", "whiteboard"}[i%3]}, Opens: 420, Closes: 1320})
	}
	if _, err := s.SaveRooms(ctx, recs, false); err != nil {
		b.Fatal(err)
	}
	rooms, _ := s.Rooms(ctx, false)
	// 2 000 bookings per room, 100 000 in all: up to 6 a day (from 08:00
	// every two hours, 1 or 1.5 hours long), spread over the year.
	first := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	for ri, r := range rooms {
		var slots []intranet.Slot
		for k := 0; len(slots) < 2000; k++ {
			d, h := k%365, k/365
			t := first.AddDate(0, 0, d).Add(time.Duration(8+2*h) * time.Hour)
			length := time.Hour + time.Duration((ri+d)%2)*30*time.Minute
			slots = append(slots, intranet.Slot{Start: t, End: t.Add(length)})
		}
		for len(slots) > 0 {
			n := min(len(slots), 500)
			if _, err := s.CreateBookings(ctx, intranet.NewBookings{RoomID: r.ID, PersonID: anna.ID, Slots: slots[:n]}); err != nil {
				b.Fatalf("seed room %d: %v", ri, err)
			}
			slots = slots[n:]
		}
	}
	// What autovacuum does soon after a bulk load in production.
	if db, err := s.DB(); err != nil {
		b.Fatal(err)
	} else if _, err := db.ExecContext(ctx, "VACUUM ANALYZE bookings, rooms"); err != nil {
		b.Fatal(err)
	}
	var total int
	if all, err := s.Bookings(ctx, intranet.BookingFilter{}); err != nil {
		b.Fatal(err)
	} else {
		total = len(all)
	}
	b.Logf("%d rooms, %d bookings", len(rooms), total)
	durations := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := first.AddDate(0, 0, i%365).Add(time.Duration(8+i%10) * time.Hour)
		t0 := time.Now()
		if _, err := s.FreeRooms(ctx, intranet.FreeQuery{Slot: intranet.Slot{Start: start, End: start.Add(time.Hour)}, Capacity: i % 10}); err != nil {
			b.Fatal(err)
		}
		durations = append(durations, time.Since(t0))
	}
	b.StopTimer()
	sort.Slice(durations, func(i, j int) bool { return durations[i] < durations[j] })
	b.ReportMetric(float64(durations[len(durations)/2].Microseconds())/1000, "median-ms")
	b.ReportMetric(float64(durations[len(durations)*95/100].Microseconds())/1000, "p95-ms")
}

// TestCancelSeries: one statement cancels a booking and the later ones of
// its series, not the earlier ones nor another series; twice is ECONFLICT.
func TestCancelSeries(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		anna, _, rooms := roomFixture(t, s)
		week := func(i int) intranet.Slot {
			sl := slot(9, 0, 10, 0)
			return intranet.Slot{Start: sl.Start.AddDate(0, 0, 7*i), End: sl.End.AddDate(0, 0, 7*i)}
		}
		var slots []intranet.Slot
		for i := 0; i < 6; i++ {
			slots = append(slots, week(i))
		}
		series, err := s.CreateBookings(ctx, intranet.NewBookings{RoomID: rooms["Kleine zaal"].ID, PersonID: anna, Slots: slots})
		if err != nil {
			t.Fatal(err)
		}
		other, err := s.CreateBookings(ctx, intranet.NewBookings{RoomID: rooms["Grote zaal"].ID, PersonID: anna, Slots: slots[:3]})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.CancelBooking(ctx, series[4].ID, time.Now()); err != nil {
			t.Fatal(err)
		}
		got, err := s.CancelSeries(ctx, series[2].ID, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 3 || got[0].ID != series[2].ID || got[1].ID != series[3].ID || got[2].ID != series[5].ID || got[0].Active() {
			t.Fatalf("cancelled %+v", got)
		}
		left, _ := s.Bookings(ctx, intranet.BookingFilter{PersonID: anna})
		if len(left) != 5 || left[0].ID != series[0].ID || left[1].ID != other[0].ID {
			t.Fatalf("left %+v", left)
		}
		if n, _ := s.Bookings(ctx, intranet.BookingFilter{SeriesID: series[0].ID}); len(n) != 2 {
			t.Fatalf("series filter: %+v", n)
		}
		if _, err := s.CancelSeries(ctx, series[2].ID, time.Now()); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Errorf("again = %v, want ECONFLICT", err)
		}
		if _, err := s.CancelSeries(ctx, 99999, time.Now()); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("unknown = %v, want ENOTFOUND", err)
		}
		single, _ := s.CreateBookings(ctx, intranet.NewBookings{RoomID: rooms["Stilteruimte"].ID, PersonID: anna, Slots: slots[:1]})
		if got, err := s.CancelSeries(ctx, single[0].ID, time.Now()); err != nil || len(got) != 1 {
			t.Errorf("single = %+v, %v", got, err)
		}
	})
}

// A visitor room keeps partners:on through an update that does not say,
// and a partner's booking has its host and its owner's organisation, read
// back everywhere; the host finds it with Hosted.
func TestVisitorRoomsAndHosts(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		anna, bram, rooms := roomFixture(t, s)
		on, off := true, false
		if _, err := s.SaveRooms(ctx, []intranet.RoomRecord{{Line: 2, Name: "Kleine zaal", Capacity: 6, Opens: 420, Closes: 1080, Partners: &on}}, false); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SaveRooms(ctx, []intranet.RoomRecord{{Line: 2, Name: "Kleine zaal", Capacity: 8, Opens: 420, Closes: 1080}}, false); err != nil {
			t.Fatal(err)
		}
		kleine, err := s.FindRoomByID(ctx, rooms["Kleine zaal"].ID)
		if err != nil || !kleine.Partners || kleine.Capacity != 8 {
			t.Fatalf("visitor room = %+v, %v", kleine, err)
		}
		if grote, _ := s.FindRoomByID(ctx, rooms["Grote zaal"].ID); grote.Partners {
			t.Fatal("Grote zaal is a visitor room")
		}
		org, err := s.AddOrganisation(ctx, "Thuiszorg Midden")
		if err != nil {
			t.Fatal(err)
		}
		partner, _, err := s.AddPartnerPerson(ctx, org.ID, "els@thuiszorgmidden.nl", "Els Smit")
		if err != nil {
			t.Fatal(err)
		}
		b, err := s.CreateBookings(ctx, intranet.NewBookings{RoomID: kleine.ID, PersonID: partner.ID, HostID: anna, Slots: []intranet.Slot{slot(10, 0, 11, 0)}})
		if err != nil || b[0].HostID != anna || b[0].Host != "Anna Bakker" || b[0].Organisation != "Thuiszorg Midden" || b[0].Owner() != "Els Smit · Thuiszorg Midden (partner)" {
			t.Fatalf("partner's booking = %+v, %v", b, err)
		}
		got, err := s.FindBookingByID(ctx, b[0].ID)
		if err != nil || got.HostID != anna || got.Host != "Anna Bakker" || got.Organisation != "Thuiszorg Midden" {
			t.Fatalf("found = %+v, %v", got, err)
		}
		own, err := s.CreateBookings(ctx, intranet.NewBookings{RoomID: kleine.ID, PersonID: anna, Slots: []intranet.Slot{slot(12, 0, 13, 0)}})
		if err != nil || own[0].HostID != 0 || own[0].Host != "" || own[0].Organisation != "" {
			t.Fatalf("own booking = %+v, %v", own, err)
		}
		for _, c := range []struct {
			f    intranet.BookingFilter
			want int
		}{
			{intranet.BookingFilter{PersonID: anna}, 1},
			{intranet.BookingFilter{PersonID: anna, Hosted: true}, 2},
			{intranet.BookingFilter{PersonID: bram, Hosted: true}, 0},
			{intranet.BookingFilter{PersonID: partner.ID}, 1},
		} {
			if got, err := s.Bookings(ctx, c.f); err != nil || len(got) != c.want {
				t.Errorf("%+v: %d bookings, want %d (%v)", c.f, len(got), c.want, err)
			}
		}
		// A host who does not exist books nothing.
		if _, err := s.CreateBookings(ctx, intranet.NewBookings{RoomID: kleine.ID, PersonID: partner.ID, HostID: 99999, Slots: []intranet.Slot{slot(14, 0, 15, 0)}}); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Fatalf("unknown host: %v", err)
		}
		if _, err := s.SaveRooms(ctx, []intranet.RoomRecord{{Line: 2, Name: "Kleine zaal", Capacity: 8, Opens: 420, Closes: 1080, Partners: &off}}, false); err != nil {
			t.Fatal(err)
		}
		if kleine, _ = s.FindRoomByID(ctx, kleine.ID); kleine.Partners {
			t.Fatal("partners:off kept the visitor room")
		}
	})
}
