package main

import (
	"context"
	"fmt"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/demo"
	"github.com/werkplek/werkplek/intranet/when"
)

// seedDemoHours writes the demo user's last week of hours and trips, and
// their saved route, once: when they have no route yet. The week stays
// open, so that submitting it is there to try.
func (m *Main) seedDemoHours(ctx context.Context) error {
	jan, err := m.Store.FindPersonByEmail(ctx, demo.User)
	if err != nil {
		return fmt.Errorf("seed the demo hours: %w", err)
	}
	if routes, err := m.Store.Routes(ctx, jan.ID); err != nil || len(routes) > 0 {
		return err
	}
	loc := m.location()
	now := time.Now()
	today := when.DateOf(now, loc)
	monday := today.AddDays(-int(today.Weekday()+6)%7 - 7)
	shifts, drives := demo.Hours()
	for _, s := range shifts {
		day := monday.AddDays(s.Day)
		from, err := when.ParseClock(s.From)
		if err != nil {
			return fmt.Errorf("seed the demo hours: %w", err)
		}
		to, err := when.ParseClock(s.To)
		if err != nil {
			return fmt.Errorf("seed the demo hours: %w", err)
		}
		end := day
		if to <= from {
			end = day.AddDays(1)
		}
		if _, err := m.Store.AddTimeEntry(ctx, intranet.NewTimeEntry{PersonID: jan.ID, Date: day.String(), Start: day.At(from, loc), End: end.At(to, loc),
			BreakMinutes: s.BreakMinutes, Project: s.Project, Note: s.Note}, now); err != nil {
			return fmt.Errorf("seed the demo hours: %w", err)
		}
	}
	for _, d := range drives {
		km := d.Km
		if d.Return {
			km *= 2
		}
		if _, err := m.Store.AddTrip(ctx, intranet.NewTrip{PersonID: jan.ID, Date: monday.AddDays(d.Day).String(), Km: km, From: d.From, To: d.To,
			Return: d.Return, Purpose: d.Purpose}, now); err != nil {
			return fmt.Errorf("seed the demo trips: %w", err)
		}
	}
	name, r := demo.Route()
	if _, err := m.Store.SaveRoute(ctx, intranet.Route{PersonID: jan.ID, Name: name, Km: r.Km, From: r.From, To: r.To}); err != nil {
		return fmt.Errorf("seed the demo route: %w", err)
	}
	return nil
}
