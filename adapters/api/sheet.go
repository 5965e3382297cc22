package api

import (
	"math"
	"time"

	"github.com/werkplek/werkplek/intranet"
)

// Sheet is one person's week as the API writes it. Times are RFC 3339 in
// WERKPLEK_TIMEZONE with their offset; null where not set.
type Sheet struct {
	Person Person `json:"person"`
	// Week is the ISO week ("2026-W49"); FirstDay and LastDay its Monday
	// and Sunday.
	Week        string  `json:"week"`
	FirstDay    string  `json:"first_day"`
	LastDay     string  `json:"last_day"`
	State       string  `json:"state"`
	SubmittedAt *string `json:"submitted_at"`
	// ApprovedBy and ApprovedAt are set on an approved week.
	ApprovedBy *string `json:"approved_by"`
	ApprovedAt *string `json:"approved_at"`
	// Reason is the approver's reason of a rejection or a reopening.
	Reason  string  `json:"reason"`
	Totals  Totals  `json:"totals"`
	Entries []Entry `json:"entries"`
	Trips   []Trip  `json:"trips"`
}

// Person is whose week it is.
type Person struct {
	ID             int64  `json:"id"`
	Email          string `json:"email"`
	Name           string `json:"name"`
	EmployeeNumber string `json:"employee_number"`
	Department     string `json:"department"`
}

// Totals sum the entries and trips the sheet holds.
type Totals struct {
	Minutes int     `json:"minutes"`
	Hours   float64 `json:"hours"`
	Km      float64 `json:"km"`
	// Allowance is in euro: each trip at its own rate once its week was
	// submitted, else at WERKPLEK_MILEAGE_RATE.
	Allowance float64 `json:"allowance"`
}

// Entry is time worked on one day: a range (start, end, break_minutes) or
// a number of hours (start and end null).
type Entry struct {
	ID           int64   `json:"id"`
	Date         string  `json:"date"`
	Start        *string `json:"start"`
	End          *string `json:"end"`
	BreakMinutes int     `json:"break_minutes"`
	Minutes      int     `json:"minutes"`
	Hours        float64 `json:"hours"`
	Project      string  `json:"project"`
	Note         string  `json:"note"`
}

// Trip is a journey for work with one's own vehicle.
type Trip struct {
	ID   int64   `json:"id"`
	Date string  `json:"date"`
	Km   float64 `json:"km"`
	From string  `json:"from"`
	To   string  `json:"to"`
	// Return says the distance is both ways.
	Return  bool   `json:"return"`
	Purpose string `json:"purpose"`
	Route   string `json:"route"`
	// Rate is the euro per km of the allowance: fixed when the week was
	// submitted, else the one in force.
	Rate      float64 `json:"rate"`
	Allowance float64 `json:"allowance"`
}

func (h *Handler) sheet(s *intranet.Timesheet) Sheet {
	loc, rate := h.cfg.Location, h.cfg.MileageRate
	out := Sheet{
		Person:      Person{ID: s.PersonID, Email: s.Email, Name: s.Person, EmployeeNumber: s.EmployeeNumber, Department: s.Department},
		Week:        s.Week.String(),
		FirstDay:    s.Week.First(),
		LastDay:     s.Week.Last(),
		State:       string(s.State),
		SubmittedAt: optStamp(s.SubmittedAt, loc),
		Reason:      s.Reason,
		Totals:      Totals{Minutes: s.Minutes(), Hours: round2(float64(s.Minutes()) / 60), Km: s.Km(), Allowance: s.Allowance(rate)},
		Entries:     []Entry{},
		Trips:       []Trip{},
	}
	if s.State == intranet.WeekApproved {
		by := s.DecidedBy
		out.ApprovedBy, out.ApprovedAt = &by, optStamp(s.DecidedAt, loc)
	}
	for _, e := range s.Entries {
		je := Entry{ID: e.ID, Date: e.Date, Minutes: e.Minutes, Hours: round2(float64(e.Minutes) / 60), Project: e.Project, Note: e.Note}
		if e.Ranged() {
			je.Start, je.End, je.BreakMinutes = optStamp(e.Start, loc), optStamp(e.End, loc), e.BreakMinutes
		}
		out.Entries = append(out.Entries, je)
	}
	for _, t := range s.Trips {
		r := t.Rate
		if r <= 0 {
			r = rate
		}
		out.Trips = append(out.Trips, Trip{ID: t.ID, Date: t.Date, Km: math.Round(t.Km*10) / 10, From: t.From, To: t.To, Return: t.Return,
			Purpose: t.Purpose, Route: t.Route, Rate: r, Allowance: t.Allowance(rate)})
	}
	return out
}

// optStamp is stamp, nil for the zero time.
func optStamp(t time.Time, loc *time.Location) *string {
	if t.IsZero() {
		return nil
	}
	s := stamp(t, loc)
	return &s
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }
