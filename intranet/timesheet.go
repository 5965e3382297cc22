package intranet

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// DateLayout is how a civil date (a day in the calendar, without a time
// zone) is written in the vocabulary: TimeEntry.Date, Trip.Date, filters.
// Such strings sort as the days do.
const DateLayout = "2006-01-02"

// DefaultMileageRate is the allowance per kilometre (euro) when
// WERKPLEK_MILEAGE_RATE does not say otherwise.
const DefaultMileageRate = 0.23

// Week is an ISO 8601 week: it starts on Monday, and week 1 is the week
// with the year's first Thursday.
type Week struct {
	Year, Number int
}

// WeekOf returns the ISO week of a civil date (DateLayout); ok is false for
// anything else.
func WeekOf(date string) (w Week, ok bool) {
	t, err := time.Parse(DateLayout, date)
	if err != nil {
		return Week{}, false
	}
	w.Year, w.Number = t.ISOWeek()
	return w, true
}

// ParseWeek reads a week as String writes it ("2026-W49").
func ParseWeek(s string) (Week, error) {
	y, n, ok := strings.Cut(strings.ToUpper(strings.TrimSpace(s)), "-W")
	year, err1 := strconv.Atoi(y)
	num, err2 := strconv.Atoi(n)
	w := Week{year, num}
	if !ok || err1 != nil || err2 != nil || !w.Valid() {
		return Week{}, Errorf(EINVALID, "%q is not a week like 2026-W49.", s)
	}
	return w, nil
}

// Valid reports whether the week exists (week 53 only in long years).
func (w Week) Valid() bool {
	if w.Year < 1 || w.Year > 9999 || w.Number < 1 || w.Number > 53 {
		return false
	}
	y, n := w.monday().ISOWeek()
	return y == w.Year && n == w.Number
}

// monday returns the week's Monday at midnight UTC.
func (w Week) monday() time.Time {
	// 4 January is always in week 1.
	jan4 := time.Date(w.Year, time.January, 4, 0, 0, 0, 0, time.UTC)
	offset := (int(jan4.Weekday()) + 6) % 7 // days since Monday
	return jan4.AddDate(0, 0, -offset+7*(w.Number-1))
}

// Days returns the week's dates (DateLayout), Monday first.
func (w Week) Days() [7]string {
	var out [7]string
	m := w.monday()
	for i := range out {
		out[i] = m.AddDate(0, 0, i).Format(DateLayout)
	}
	return out
}

// First and Last are the week's Monday and Sunday (DateLayout).
func (w Week) First() string { return w.Days()[0] }
func (w Week) Last() string  { return w.Days()[6] }

// Next returns the week after w; Prev the week before.
func (w Week) Next() Week { y, n := w.monday().AddDate(0, 0, 7).ISOWeek(); return Week{y, n} }
func (w Week) Prev() Week { y, n := w.monday().AddDate(0, 0, -7).ISOWeek(); return Week{y, n} }

// String writes the week as ISO 8601 does: "2026-W49".
func (w Week) String() string { return fmt.Sprintf("%04d-W%02d", w.Year, w.Number) }

// Before reports whether w is earlier than o.
func (w Week) Before(o Week) bool {
	return w.Year < o.Year || w.Year == o.Year && w.Number < o.Number
}

// WeekState is where a person's week is on its way to payroll.
type WeekState string

// The states of a week. A week nobody submitted is open; a submitted or
// approved week is locked: its entries and trips cannot change until an
// approver rejects or reopens it.
const (
	WeekOpen      WeekState = "open"
	WeekSubmitted WeekState = "submitted"
	WeekApproved  WeekState = "approved"
	WeekRejected  WeekState = "rejected"
)

// Locked reports whether entries and trips of a week in this state are
// kept as they are.
func (s WeekState) Locked() bool { return s == WeekSubmitted || s == WeekApproved }

// Limits of what one person writes down.
const (
	MaxDayMinutes = 24 * 60
	MaxProject    = 40
	MaxNote       = 300
	MaxTripKm     = 2000
	MaxPlace      = 100
	MaxRouteName  = 40
)

// TimeEntry is time one person worked on one day: a range (Start to End,
// which may end the next day, minus BreakMinutes), or a number of hours
// without a range (Start and End zero).
type TimeEntry struct {
	ID       int64
	PersonID int64
	// Date is the day the work is booked on (DateLayout): the day it
	// started.
	Date       string
	Start, End time.Time
	// BreakMinutes is the unpaid break within a range.
	BreakMinutes int
	// Minutes is the time worked: End-Start-BreakMinutes for a range, as
	// typed otherwise.
	Minutes int
	Project string
	Note    string
	Created time.Time
	Updated time.Time
}

// Ranged reports whether the entry is a time range rather than a number of
// hours.
func (e *TimeEntry) Ranged() bool { return !e.Start.IsZero() }

// NewTimeEntry is an entry as its person typed it (also the whole new
// content of an edited entry). For a range Minutes is computed by the
// store; without one, Minutes is what was typed.
type NewTimeEntry struct {
	PersonID     int64
	Date         string
	Start, End   time.Time
	BreakMinutes int
	Minutes      int
	Project      string
	Note         string
}

// EntryOverlap is the ECONFLICT of an entry whose time range overlaps
// another entry of the same person: it names that entry.
type EntryOverlap struct {
	Other *TimeEntry
}

func (e *EntryOverlap) Error() string {
	return fmt.Sprintf("overlaps time entry %d", e.Other.ID)
}

func (e *EntryOverlap) Unwrap() error {
	return Errorf(ECONFLICT, "The time overlaps entry %d.", e.Other.ID)
}

// WeekLocked is the ECONFLICT of a change to an entry or trip of a week that
// is submitted or approved.
type WeekLocked struct {
	Week  Week
	State WeekState
}

func (e *WeekLocked) Error() string { return fmt.Sprintf("week %s is %s", e.Week, e.State) }

func (e *WeekLocked) Unwrap() error {
	return Errorf(ECONFLICT, "Week %s is %s.", e.Week, e.State)
}

// Trip is a journey made for work with one's own vehicle.
type Trip struct {
	ID       int64
	PersonID int64
	Date     string
	// Km is the distance driven: both ways for a return trip.
	Km       float64
	From, To string
	Return   bool
	Purpose  string
	// Route is the saved route the trip was made from ("" when typed).
	Route string
	// Rate is the allowance per km (euro) fixed when its week was
	// submitted; 0 while the week is open.
	Rate    float64
	Created time.Time
	Updated time.Time
}

// Allowance returns the trip's allowance in euro, rounded to cents: at its
// own rate once its week was submitted, else at rate (the one in force).
func (t *Trip) Allowance(rate float64) float64 {
	if t.Rate > 0 {
		rate = t.Rate
	}
	return math.Round(t.Km*rate*100) / 100
}

// NewTrip is a trip as its person typed it (also the whole new content of
// an edited trip). Km is the distance driven, already doubled for a
// return trip.
type NewTrip struct {
	PersonID int64
	Date     string
	Km       float64
	From, To string
	Return   bool
	Purpose  string
	Route    string
}

// Route is a trip a person makes often, saved under a name of theirs.
type Route struct {
	ID       int64
	PersonID int64
	Name     string
	// Km is one way.
	Km       float64
	From, To string
}

// Timesheet is one person's week: its state, and the entries and trips a
// query asked for.
type Timesheet struct {
	PersonID       int64
	Person         string
	Email          string
	EmployeeNumber string
	Department     string
	Week           Week
	State          WeekState
	// Reason is the approver's reason of a rejection or a reopening.
	Reason      string
	SubmittedAt time.Time
	// DecidedByID, DecidedBy and DecidedAt are who approved or rejected
	// the week, and when; zero while it is not decided.
	DecidedByID int64
	DecidedBy   string
	DecidedAt   time.Time
	Entries     []*TimeEntry
	Trips       []*Trip
}

// Minutes returns the time worked in the sheet's entries.
func (t *Timesheet) Minutes() int {
	n := 0
	for _, e := range t.Entries {
		n += e.Minutes
	}
	return n
}

// Km returns the distance of the sheet's trips.
func (t *Timesheet) Km() float64 {
	km := 0.0
	for _, tr := range t.Trips {
		km += tr.Km
	}
	return math.Round(km*10) / 10
}

// Allowance returns the sheet's mileage allowance (each trip at its own
// rate once submitted, else at rate).
func (t *Timesheet) Allowance(rate float64) float64 {
	sum := 0.0
	for _, tr := range t.Trips {
		sum += tr.Allowance(rate)
	}
	return math.Round(sum*100) / 100
}

// TimesheetFilter selects timesheets; zero fields are not filtered on.
type TimesheetFilter struct {
	PersonIDs []int64
	// From and To bound the dates of the entries and trips (DateLayout,
	// both included): a sheet holds only those, and a week without any is
	// left out.
	From, To string
	// Week keeps that one week.
	Week Week
	// States keeps weeks in one of these states (WeekOpen: nobody
	// submitted it).
	States []WeekState
	// Offset and Limit page through the result (0: all), ordered by week,
	// then person name.
	Offset, Limit int
}

// TimesheetService keeps hours, trips, routes and the weeks they are
// submitted and approved in.
type TimesheetService interface {
	// AddTimeEntry stores an entry. Returns EINVALID for an entry without
	// time, one that ends before it starts, a break longer than its
	// range, a day that would hold more than MaxDayMinutes; *EntryOverlap
	// for a range that overlaps another of the person's (also when both
	// are written at once); *WeekLocked when its week is submitted or
	// approved.
	AddTimeEntry(ctx context.Context, e NewTimeEntry, now time.Time) (*TimeEntry, error)
	// UpdateTimeEntry replaces an entry's content, with AddTimeEntry's
	// checks (for the old week and the new). Returns ENOTFOUND.
	UpdateTimeEntry(ctx context.Context, id int64, e NewTimeEntry, now time.Time) (*TimeEntry, error)
	// RemoveTimeEntry deletes an entry of an open or rejected week and
	// returns it. Returns ENOTFOUND, *WeekLocked.
	RemoveTimeEntry(ctx context.Context, id int64) (*TimeEntry, error)
	// FindTimeEntry returns ENOTFOUND for an unknown id.
	FindTimeEntry(ctx context.Context, id int64) (*TimeEntry, error)

	// AddTrip stores a trip. Returns EINVALID for a distance of 0 or above
	// MaxTripKm, *WeekLocked.
	AddTrip(ctx context.Context, t NewTrip, now time.Time) (*Trip, error)
	// UpdateTrip replaces a trip's content, with AddTrip's checks.
	// Returns ENOTFOUND.
	UpdateTrip(ctx context.Context, id int64, t NewTrip, now time.Time) (*Trip, error)
	// RemoveTrip deletes a trip of an open or rejected week and returns
	// it. Returns ENOTFOUND, *WeekLocked.
	RemoveTrip(ctx context.Context, id int64) (*Trip, error)
	// FindTrip returns ENOTFOUND for an unknown id.
	FindTrip(ctx context.Context, id int64) (*Trip, error)

	// SaveRoute stores a person's route. Returns ECONFLICT when they have
	// one of that name (case-insensitive), EINVALID for an empty name or a
	// distance as AddTrip refuses.
	SaveRoute(ctx context.Context, r Route) (*Route, error)
	// Routes returns a person's routes by name.
	Routes(ctx context.Context, personID int64) ([]*Route, error)
	// FindRoute finds a person's route by name, case-insensitively.
	// Returns ENOTFOUND.
	FindRoute(ctx context.Context, personID int64, name string) (*Route, error)
	// RemoveRoute deletes a person's route and returns it. Returns
	// ENOTFOUND.
	RemoveRoute(ctx context.Context, personID int64, name string) (*Route, error)

	// Timesheet returns a person's week with all its entries and trips;
	// a week nobody touched is open and empty. Returns ENOTFOUND for an
	// unknown person.
	Timesheet(ctx context.Context, personID int64, w Week) (*Timesheet, error)
	// Timesheets returns the weeks f selects, by week, then person name.
	Timesheets(ctx context.Context, f TimesheetFilter) ([]*Timesheet, error)
	// SubmitWeek submits an open or rejected week for approval, fixing
	// rate on its trips. Returns EINVALID for a week without entries or
	// trips, *WeekLocked when it is submitted or approved already (so of
	// two submits at once one wins).
	SubmitWeek(ctx context.Context, personID int64, w Week, rate float64, now time.Time) (*Timesheet, error)
	// DecideWeek approves (or, with approve false, rejects with reason) a
	// submitted week, by byID. Returns ECONFLICT unless the week is
	// submitted, so that of two decisions at once exactly one wins.
	DecideWeek(ctx context.Context, personID int64, w Week, approve bool, byID int64, reason string, now time.Time) (*Timesheet, error)
	// ReopenWeek opens a submitted or approved week again for a
	// correction, with the approver's reason; its trips' rates are fixed
	// again when it is submitted. Returns ECONFLICT for an open or
	// rejected week.
	ReopenWeek(ctx context.Context, personID int64, w Week, byID int64, reason string, now time.Time) (*Timesheet, error)
}

// Scopes an API token may hold.
const (
	// ScopeHoursRead reads approved and other timesheets (/api/v1/timesheets).
	ScopeHoursRead = "hours:read"
)

// APIToken is a bearer token an admin made for the organisation's payroll or
// business software. Only a hash of the token is kept.
type APIToken struct {
	ID      int64
	Name    string
	Scopes  []string
	Created time.Time
	// LastUsed is when it last opened the API; zero when never.
	LastUsed time.Time
	// Revoked is zero while the token works.
	Revoked time.Time
}

// Allows reports whether the token holds a scope.
func (t *APIToken) Allows(scope string) bool {
	for _, s := range t.Scopes {
		if s == scope {
			return true
		}
	}
	return false
}

// APITokenService keeps the API's tokens.
type APITokenService interface {
	// AddAPIToken stores a token by the hash of its secret. Returns
	// ECONFLICT when a token that is not revoked has the name, EINVALID for
	// an empty name or no scopes.
	AddAPIToken(ctx context.Context, name string, scopes []string, hash string, now time.Time) (*APIToken, error)
	// APITokens returns every token, revoked ones too, by name.
	APITokens(ctx context.Context) ([]*APIToken, error)
	// RevokeAPIToken revokes the token of that name. Returns ENOTFOUND when
	// no working token has it.
	RevokeAPIToken(ctx context.Context, name string, now time.Time) (*APIToken, error)
	// UseAPIToken returns the working token of that hash and records its
	// use. Returns ENOTFOUND for an unknown or revoked one.
	UseAPIToken(ctx context.Context, hash string, now time.Time) (*APIToken, error)
}

// The events webhooks hear of.
const (
	EventTimesheetApproved = "timesheet.approved"
	EventTimesheetReopened = "timesheet.reopened"
)

// Events lists every event type, in the order the docs name them.
var Events = []string{EventTimesheetApproved, EventTimesheetReopened}

// Event is something that happened which the organisation's software may
// want to hear of.
type Event struct {
	// ID is unique per event: receivers deduplicate on it (webhook-id).
	ID   string    `json:"id"`
	Type string    `json:"type"`
	Time time.Time `json:"timestamp"`
	// Data is the event's JSON object.
	Data []byte `json:"data"`
}

// Webhook is an endpoint of the organisation's software that hears of
// events, signed with its secret (Standard Webhooks).
type Webhook struct {
	ID     int64
	URL    string
	Events []string
	// Secret signs what is posted to it ("whsec_" and base64).
	Secret  string
	Created time.Time
}

// WebhookService keeps the webhook endpoints.
type WebhookService interface {
	// AddWebhook stores an endpoint. Returns ECONFLICT for a URL that has
	// one, EINVALID for a URL that is not http(s) or an unknown event.
	AddWebhook(ctx context.Context, url string, events []string, secret string, now time.Time) (*Webhook, error)
	// Webhooks returns every endpoint by URL.
	Webhooks(ctx context.Context) ([]*Webhook, error)
	// FindWebhookByID returns ENOTFOUND for an unknown id.
	FindWebhookByID(ctx context.Context, id int64) (*Webhook, error)
	// RemoveWebhook deletes the endpoint of that URL. Returns ENOTFOUND.
	RemoveWebhook(ctx context.Context, url string) (*Webhook, error)
}

// Publisher hands an event to every webhook endpoint that asked for its
// type, through the outbox (once per event and endpoint, with retries), in
// the transaction of ctx when it has one.
type Publisher interface {
	Publish(ctx context.Context, e Event) error
}

// Download is a one-time link to an export, made for one person and
// valid for a short while.
type Download struct {
	// Hash is the hash of the link's secret; the secret is only in the link.
	Hash     string
	PersonID int64
	// Kind says what is downloaded ("hours").
	Kind string
	// From, To and States are the export's filter; PersonIDs limits it
	// to these people (nil: everyone).
	From, To  string
	States    []WeekState
	PersonIDs []int64
	Expires   time.Time
}

// DownloadService keeps one-time download links.
type DownloadService interface {
	// CreateDownload stores a link.
	CreateDownload(ctx context.Context, d Download) error
	// UseDownload returns the link of that hash and marks it used, so that
	// it works once. Returns ENOTFOUND for an unknown, used or expired
	// link.
	UseDownload(ctx context.Context, hash string, now time.Time) (*Download, error)
}
