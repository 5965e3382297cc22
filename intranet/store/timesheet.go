package store

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/werkplek/werkplek/intranet"
	"gorm.io/gorm"
)

// Hours and mileage. Every change to a person's entries or trips first
// takes the row of their week in timesheets (made on first use, then
// SELECT … FOR UPDATE on PostgreSQL; SQLite's write transaction holds the
// whole database), so that a submit and an add, two decisions, or two adds
// on one day take turns: a locked week never gains an entry, a day never
// holds more than MaxDayMinutes. Overlapping time ranges of one person are
// also refused by an exclusion constraint on PostgreSQL, which holds for
// ranges over midnight whose weeks differ. Days are text (DateLayout),
// weeks text as Week.String writes them ("2026-W49"): both sort as time
// does. Instants are UTC to the second, as bookings are.

func init() {
	register(migration{15, "hours and mileage: time entries (no overlap), trips, routes, weeks and their states, one-time downloads, employee numbers", `
ALTER TABLE people ADD COLUMN employee_number text NOT NULL DEFAULT '';
CREATE TABLE timesheets (
	person_id bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	week text NOT NULL,
	state text NOT NULL DEFAULT 'open',
	reason text NOT NULL DEFAULT '',
	submitted_at timestamptz,
	decided_by bigint REFERENCES people(id) ON DELETE SET NULL,
	decided_at timestamptz,
	updated_at timestamptz NOT NULL,
	PRIMARY KEY (person_id, week)
);
CREATE INDEX timesheets_week ON timesheets (week, state);
CREATE TABLE time_entries (
	id bigserial PRIMARY KEY,
	person_id bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	week text NOT NULL,
	day text NOT NULL,
	starts_at timestamptz,
	ends_at timestamptz,
	during tstzrange GENERATED ALWAYS AS (tstzrange(starts_at, ends_at, '[)')) STORED,
	break_minutes integer NOT NULL DEFAULT 0,
	minutes integer NOT NULL,
	project text NOT NULL DEFAULT '',
	note text NOT NULL DEFAULT '',
	created_at timestamptz NOT NULL,
	updated_at timestamptz NOT NULL,
	CONSTRAINT time_entries_range CHECK ((starts_at IS NULL) = (ends_at IS NULL) AND (starts_at IS NULL OR ends_at > starts_at)),
	CONSTRAINT time_entries_no_overlap EXCLUDE USING gist (person_id WITH =, during WITH &&) WHERE (starts_at IS NOT NULL)
);
CREATE INDEX time_entries_person ON time_entries (person_id, week, day);
CREATE INDEX time_entries_day ON time_entries (day);
CREATE TABLE trips (
	id bigserial PRIMARY KEY,
	person_id bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	week text NOT NULL,
	day text NOT NULL,
	km double precision NOT NULL,
	from_place text NOT NULL,
	to_place text NOT NULL,
	return_trip boolean NOT NULL DEFAULT false,
	purpose text NOT NULL DEFAULT '',
	route text NOT NULL DEFAULT '',
	rate double precision NOT NULL DEFAULT 0,
	created_at timestamptz NOT NULL,
	updated_at timestamptz NOT NULL
);
CREATE INDEX trips_person ON trips (person_id, week, day);
CREATE INDEX trips_day ON trips (day);
CREATE TABLE routes (
	id bigserial PRIMARY KEY,
	person_id bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	name text NOT NULL,
	name_key text NOT NULL,
	km double precision NOT NULL,
	from_place text NOT NULL,
	to_place text NOT NULL,
	created_at timestamptz NOT NULL,
	UNIQUE (person_id, name_key)
);
CREATE TABLE downloads (
	hash text PRIMARY KEY,
	person_id bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	kind text NOT NULL,
	from_day text NOT NULL DEFAULT '',
	to_day text NOT NULL DEFAULT '',
	states text NOT NULL DEFAULT '',
	person_ids text NOT NULL DEFAULT '',
	expires_at timestamptz NOT NULL,
	used_at timestamptz,
	created_at timestamptz NOT NULL
);
`, `
ALTER TABLE people ADD COLUMN employee_number TEXT NOT NULL DEFAULT '';
CREATE TABLE timesheets (
	person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	week TEXT NOT NULL,
	state TEXT NOT NULL DEFAULT 'open',
	reason TEXT NOT NULL DEFAULT '',
	submitted_at DATETIME,
	decided_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
	decided_at DATETIME,
	updated_at DATETIME NOT NULL,
	PRIMARY KEY (person_id, week)
);
CREATE INDEX timesheets_week ON timesheets (week, state);
CREATE TABLE time_entries (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	week TEXT NOT NULL,
	day TEXT NOT NULL,
	starts_at DATETIME,
	ends_at DATETIME,
	break_minutes INTEGER NOT NULL DEFAULT 0,
	minutes INTEGER NOT NULL,
	project TEXT NOT NULL DEFAULT '',
	note TEXT NOT NULL DEFAULT '',
	created_at DATETIME NOT NULL,
	updated_at DATETIME NOT NULL,
	CHECK ((starts_at IS NULL) = (ends_at IS NULL) AND (starts_at IS NULL OR ends_at > starts_at))
);
CREATE INDEX time_entries_person ON time_entries (person_id, week, day);
CREATE INDEX time_entries_range ON time_entries (person_id, starts_at) WHERE starts_at IS NOT NULL;
CREATE INDEX time_entries_day ON time_entries (day);
CREATE TABLE trips (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	week TEXT NOT NULL,
	day TEXT NOT NULL,
	km REAL NOT NULL,
	from_place TEXT NOT NULL,
	to_place TEXT NOT NULL,
	return_trip BOOLEAN NOT NULL DEFAULT false,
	purpose TEXT NOT NULL DEFAULT '',
	route TEXT NOT NULL DEFAULT '',
	rate REAL NOT NULL DEFAULT 0,
	created_at DATETIME NOT NULL,
	updated_at DATETIME NOT NULL
);
CREATE INDEX trips_person ON trips (person_id, week, day);
CREATE INDEX trips_day ON trips (day);
CREATE TABLE routes (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	name TEXT NOT NULL,
	name_key TEXT NOT NULL,
	km REAL NOT NULL,
	from_place TEXT NOT NULL,
	to_place TEXT NOT NULL,
	created_at DATETIME NOT NULL,
	UNIQUE (person_id, name_key)
);
CREATE TABLE downloads (
	hash TEXT PRIMARY KEY,
	person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	kind TEXT NOT NULL,
	from_day TEXT NOT NULL DEFAULT '',
	to_day TEXT NOT NULL DEFAULT '',
	states TEXT NOT NULL DEFAULT '',
	person_ids TEXT NOT NULL DEFAULT '',
	expires_at DATETIME NOT NULL,
	used_at DATETIME,
	created_at DATETIME NOT NULL
);
`})
}

var (
	_ intranet.TimesheetService = (*Store)(nil)
	_ intranet.DownloadService  = (*Store)(nil)
)

type timeEntryRow struct {
	ID           int64 `gorm:"primaryKey"`
	PersonID     int64
	Week         string
	Day          string
	StartsAt     *time.Time
	EndsAt       *time.Time
	BreakMinutes int
	Minutes      int
	Project      string
	Note         string
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

func (timeEntryRow) TableName() string { return "time_entries" }

func (r timeEntryRow) entry() *intranet.TimeEntry {
	e := &intranet.TimeEntry{ID: r.ID, PersonID: r.PersonID, Date: r.Day, BreakMinutes: r.BreakMinutes, Minutes: r.Minutes,
		Project: r.Project, Note: r.Note, Created: r.CreatedAt.UTC(), Updated: r.UpdatedAt.UTC()}
	if r.StartsAt != nil && r.EndsAt != nil {
		e.Start, e.End = r.StartsAt.UTC(), r.EndsAt.UTC()
	}
	return e
}

// entryColumns leaves out PostgreSQL's generated range.
const entryColumns = "id, person_id, week, day, starts_at, ends_at, break_minutes, minutes, project, note, created_at, updated_at"

type tripRow struct {
	ID         int64 `gorm:"primaryKey"`
	PersonID   int64
	Week       string
	Day        string
	Km         float64
	FromPlace  string
	ToPlace    string
	ReturnTrip bool
	Purpose    string
	Route      string
	Rate       float64
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

func (tripRow) TableName() string { return "trips" }

func (r tripRow) trip() *intranet.Trip {
	return &intranet.Trip{ID: r.ID, PersonID: r.PersonID, Date: r.Day, Km: r.Km, From: r.FromPlace, To: r.ToPlace, Return: r.ReturnTrip,
		Purpose: r.Purpose, Route: r.Route, Rate: r.Rate, Created: r.CreatedAt.UTC(), Updated: r.UpdatedAt.UTC()}
}

type routeRow struct {
	ID        int64 `gorm:"primaryKey"`
	PersonID  int64
	Name      string
	NameKey   string
	Km        float64
	FromPlace string
	ToPlace   string
	CreatedAt time.Time
}

func (routeRow) TableName() string { return "routes" }

func (r routeRow) route() *intranet.Route {
	return &intranet.Route{ID: r.ID, PersonID: r.PersonID, Name: r.Name, Km: r.Km, From: r.FromPlace, To: r.ToPlace}
}

// sheetRow is a person's week with the person, read through joins.
type sheetRow struct {
	PersonID       int64
	Week           string
	State          string
	Reason         string
	SubmittedAt    *time.Time
	DecidedBy      *int64
	DecidedAt      *time.Time
	Person         string
	Email          string
	EmployeeNumber string
	Department     string
	DecidedByName  string
}

func (r sheetRow) sheet() *intranet.Timesheet {
	w, _ := intranet.ParseWeek(r.Week)
	t := &intranet.Timesheet{PersonID: r.PersonID, Person: r.Person, Email: r.Email, EmployeeNumber: r.EmployeeNumber, Department: r.Department,
		Week: w, State: intranet.WeekState(r.State), Reason: r.Reason, DecidedBy: r.DecidedByName}
	if t.State == "" {
		t.State = intranet.WeekOpen
	}
	if r.SubmittedAt != nil {
		t.SubmittedAt = r.SubmittedAt.UTC()
	}
	if r.DecidedBy != nil {
		t.DecidedByID = *r.DecidedBy
	}
	if r.DecidedAt != nil {
		t.DecidedAt = r.DecidedAt.UTC()
	}
	return t
}

// sheetJoins follows a FROM that names the person-weeks "i" (person_id,
// week) and reads sheetRow.
const sheetSelect = `SELECT i.person_id, i.week, COALESCE(t.state, 'open') AS state, COALESCE(t.reason, '') AS reason, t.submitted_at, t.decided_by, t.decided_at,
	p.name AS person, p.email, p.employee_number, COALESCE(d.name, '') AS department, COALESCE(dp.name, '') AS decided_by_name`

const sheetJoins = ` JOIN people p ON p.id = i.person_id LEFT JOIN departments d ON d.id = p.department_id
	LEFT JOIN timesheets t ON t.person_id = i.person_id AND t.week = i.week LEFT JOIN people dp ON dp.id = t.decided_by`

// sheetTime is how the store keeps an instant: UTC to the second, so that
// SQLite's text timestamps compare in time order.
func sheetTime(t time.Time) time.Time { return t.UTC().Truncate(time.Second) }

// lockWeek makes the row of a person's week when it has none and locks it
// until the transaction ends; it returns the week's state.
func (s *Store) lockWeek(tx *gorm.DB, personID int64, w intranet.Week, now time.Time) (intranet.WeekState, error) {
	if err := tx.Exec("INSERT INTO timesheets (person_id, week, state, updated_at) VALUES (?, ?, 'open', ?) ON CONFLICT (person_id, week) DO NOTHING",
		personID, w.String(), sheetTime(now)).Error; err != nil {
		return "", err
	}
	q := "SELECT state FROM timesheets WHERE person_id = ? AND week = ?"
	if s.engine == Postgres {
		q += " FOR UPDATE"
	}
	var state []string
	if err := tx.Raw(q, personID, w.String()).Scan(&state).Error; err != nil {
		return "", err
	} else if len(state) == 0 {
		return "", fmt.Errorf("week %s of person %d: not stored", w, personID)
	}
	return intranet.WeekState(state[0]), nil
}

// lockWeeks locks the given weeks of a person in order (so that two
// transactions never wait on each other) and refuses a change when one is
// submitted or approved.
func (s *Store) lockWeeks(tx *gorm.DB, personID int64, now time.Time, weeks ...intranet.Week) error {
	ws := append([]intranet.Week(nil), weeks...)
	sort.Slice(ws, func(i, j int) bool { return ws[i].Before(ws[j]) })
	var locked error
	for i, w := range ws {
		if i > 0 && w == ws[i-1] {
			continue
		}
		state, err := s.lockWeek(tx, personID, w, now)
		if err != nil {
			return err
		}
		if state.Locked() && locked == nil {
			locked = &intranet.WeekLocked{Week: w, State: state}
		}
	}
	return locked
}

// personExists returns ENOTFOUND for an unknown person.
func personExists(db *gorm.DB, id int64) error {
	var ids []int64
	if err := db.Raw("SELECT id FROM people WHERE id = ?", id).Scan(&ids).Error; err != nil {
		return err
	} else if len(ids) == 0 {
		return intranet.Errorf(intranet.ENOTFOUND, "There is no person %d.", id)
	}
	return nil
}

// dayWeek checks a civil date and returns its week.
func dayWeek(date string) (intranet.Week, error) {
	w, ok := intranet.WeekOf(date)
	if !ok || !w.Valid() {
		return intranet.Week{}, intranet.Errorf(intranet.EINVALID, "%q is not a date like 2026-12-07.", date)
	}
	return w, nil
}

func tooLong(s string, max int) bool { return utf8.RuneCountInString(s) > max }

// checkEntry validates an entry as typed and returns it cleaned, with its
// Minutes computed for a range, and its week.
func checkEntry(e intranet.NewTimeEntry) (intranet.NewTimeEntry, intranet.Week, error) {
	e.Project, e.Note = strings.TrimSpace(e.Project), strings.TrimSpace(e.Note)
	if e.Date == "" && !e.Start.IsZero() {
		e.Date = e.Start.Format(intranet.DateLayout)
	}
	w, err := dayWeek(e.Date)
	if err != nil {
		return e, w, err
	}
	switch {
	case tooLong(e.Project, intranet.MaxProject):
		return e, w, intranet.Errorf(intranet.EINVALID, "A project code is at most %d characters.", intranet.MaxProject)
	case tooLong(e.Note, intranet.MaxNote):
		return e, w, intranet.Errorf(intranet.EINVALID, "A note is at most %d characters.", intranet.MaxNote)
	case e.BreakMinutes < 0:
		return e, w, intranet.Errorf(intranet.EINVALID, "A break cannot be negative.")
	case e.Start.IsZero() != e.End.IsZero():
		return e, w, intranet.Errorf(intranet.EINVALID, "A time range needs a start and an end.")
	}
	if e.Start.IsZero() {
		if e.BreakMinutes > 0 {
			return e, w, intranet.Errorf(intranet.EINVALID, "A break goes with a time range, not with a number of hours.")
		}
		if e.Minutes <= 0 {
			return e, w, intranet.Errorf(intranet.EINVALID, "An entry needs some time worked.")
		}
		if e.Minutes > intranet.MaxDayMinutes {
			return e, w, intranet.Errorf(intranet.EINVALID, "A day has no more than %d hours.", intranet.MaxDayMinutes/60)
		}
		return e, w, nil
	}
	e.Start, e.End = sheetTime(e.Start), sheetTime(e.End)
	if !e.End.After(e.Start) {
		return e, w, intranet.Errorf(intranet.EINVALID, "A time range must end after it starts.")
	}
	// The range starts on its date, in whatever time zone it was typed:
	// within a day either side of the date's UTC midnight.
	day, _ := time.Parse(intranet.DateLayout, e.Date)
	if e.Start.Before(day.Add(-14*time.Hour)) || !e.Start.Before(day.Add(38*time.Hour)) {
		return e, w, intranet.Errorf(intranet.EINVALID, "The time range does not start on %s.", e.Date)
	}
	span := int(e.End.Sub(e.Start) / time.Minute)
	if span > intranet.MaxDayMinutes {
		return e, w, intranet.Errorf(intranet.EINVALID, "A time range is at most %d hours.", intranet.MaxDayMinutes/60)
	}
	if e.BreakMinutes >= span {
		return e, w, intranet.Errorf(intranet.EINVALID, "The break is as long as the time range or longer.")
	}
	e.Minutes = span - e.BreakMinutes
	return e, w, nil
}

// checkDayAndOverlap refuses an entry that would take its day above
// MaxDayMinutes or whose range overlaps another of the person's (except
// the entry with id self, which it replaces).
func (s *Store) checkDayAndOverlap(tx *gorm.DB, personID int64, e intranet.NewTimeEntry, self int64) error {
	var total []int
	if err := tx.Raw("SELECT COALESCE(SUM(minutes), 0) FROM time_entries WHERE person_id = ? AND day = ? AND id <> ?", personID, e.Date, self).Scan(&total).Error; err != nil {
		return err
	}
	if len(total) > 0 && total[0]+e.Minutes > intranet.MaxDayMinutes {
		return intranet.Errorf(intranet.EINVALID, "%s would hold more than %d hours.", e.Date, intranet.MaxDayMinutes/60)
	}
	if e.Start.IsZero() {
		return nil
	}
	other, err := s.overlapping(tx, personID, e.Start, e.End, self)
	if err != nil {
		return err
	} else if other != nil {
		return &intranet.EntryOverlap{Other: other}
	}
	return nil
}

// overlapping returns the first entry of the person whose range overlaps
// start to end, other than self; nil when there is none.
func (s *Store) overlapping(db *gorm.DB, personID int64, start, end time.Time, self int64) (*intranet.TimeEntry, error) {
	var rows []timeEntryRow
	if err := db.Raw("SELECT "+entryColumns+" FROM time_entries WHERE person_id = ? AND starts_at IS NOT NULL AND starts_at < ? AND ends_at > ? AND id <> ? ORDER BY starts_at, id LIMIT 1",
		personID, sheetTime(end), sheetTime(start), self).Scan(&rows).Error; err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, nil
	}
	return rows[0].entry(), nil
}

// entryError turns what PostgreSQL's exclusion constraint caught (an entry
// of another week committed between our check and our write) into the
// *EntryOverlap naming it.
func (s *Store) entryError(ctx context.Context, op string, personID int64, e intranet.NewTimeEntry, self int64, err error) error {
	var overlap *intranet.EntryOverlap
	var locked *intranet.WeekLocked
	if errors.As(err, &overlap) || errors.As(err, &locked) {
		return err
	}
	err = translate(err)
	if intranet.ErrorCode(err) == intranet.ECONFLICT && !e.Start.IsZero() {
		if other, oerr := s.overlapping(s.conn(ctx), personID, e.Start, e.End, self); oerr == nil && other != nil {
			return &intranet.EntryOverlap{Other: other}
		}
		return intranet.Errorf(intranet.ECONFLICT, "The time overlaps another entry.")
	}
	if intranet.ErrorCode(err) != intranet.EINTERNAL {
		return err
	}
	return fmt.Errorf("%s: %w", op, err)
}

func rangeCols(e intranet.NewTimeEntry) (start, end *time.Time) {
	if e.Start.IsZero() {
		return nil, nil
	}
	a, b := e.Start, e.End
	return &a, &b
}

// AddTimeEntry stores an entry (see intranet.TimesheetService); it joins
// the transaction of ctx.
func (s *Store) AddTimeEntry(ctx context.Context, ne intranet.NewTimeEntry, now time.Time) (*intranet.TimeEntry, error) {
	ne, w, err := checkEntry(ne)
	if err != nil {
		return nil, err
	}
	var out *intranet.TimeEntry
	err = s.InTx(ctx, func(ctx context.Context) error {
		tx := s.conn(ctx)
		if err := personExists(tx, ne.PersonID); err != nil {
			return err
		}
		if err := s.lockWeeks(tx, ne.PersonID, now, w); err != nil {
			return err
		}
		if err := s.checkDayAndOverlap(tx, ne.PersonID, ne, 0); err != nil {
			return err
		}
		t := sheetTime(now)
		start, end := rangeCols(ne)
		row := timeEntryRow{PersonID: ne.PersonID, Week: w.String(), Day: ne.Date, StartsAt: start, EndsAt: end, BreakMinutes: ne.BreakMinutes,
			Minutes: ne.Minutes, Project: ne.Project, Note: ne.Note, CreatedAt: t, UpdatedAt: t}
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		out = row.entry()
		return nil
	})
	if err != nil {
		return nil, s.entryError(ctx, "add time entry", ne.PersonID, ne, 0, err)
	}
	return out, nil
}

// findEntry reads an entry, locked until the transaction ends on
// PostgreSQL when lock.
func (s *Store) findEntry(db *gorm.DB, id int64, lock bool) (*timeEntryRow, error) {
	q := "SELECT " + entryColumns + " FROM time_entries WHERE id = ?"
	if lock && s.engine == Postgres {
		q += " FOR UPDATE"
	}
	var rows []timeEntryRow
	if err := db.Raw(q, id).Scan(&rows).Error; err != nil {
		return nil, err
	} else if len(rows) == 0 {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "There is no time entry %d.", id)
	}
	return &rows[0], nil
}

// UpdateTimeEntry replaces an entry's content; the entry stays its
// person's (ne.PersonID is not read). It joins the transaction of ctx.
func (s *Store) UpdateTimeEntry(ctx context.Context, id int64, ne intranet.NewTimeEntry, now time.Time) (*intranet.TimeEntry, error) {
	ne, w, err := checkEntry(ne)
	if err != nil {
		return nil, err
	}
	var out *intranet.TimeEntry
	var personID int64
	err = s.InTx(ctx, func(ctx context.Context) error {
		tx := s.conn(ctx)
		old, err := s.findEntry(tx, id, true)
		if err != nil {
			return err
		}
		personID = old.PersonID
		oldWeek, _ := intranet.ParseWeek(old.Week)
		if err := s.lockWeeks(tx, personID, now, oldWeek, w); err != nil {
			return err
		}
		if err := s.checkDayAndOverlap(tx, personID, ne, id); err != nil {
			return err
		}
		start, end := rangeCols(ne)
		t := sheetTime(now)
		if err := tx.Exec("UPDATE time_entries SET week = ?, day = ?, starts_at = ?, ends_at = ?, break_minutes = ?, minutes = ?, project = ?, note = ?, updated_at = ? WHERE id = ?",
			w.String(), ne.Date, start, end, ne.BreakMinutes, ne.Minutes, ne.Project, ne.Note, t, id).Error; err != nil {
			return err
		}
		row, err := s.findEntry(tx, id, false)
		if err != nil {
			return err
		}
		out = row.entry()
		return nil
	})
	if err != nil {
		return nil, s.entryError(ctx, fmt.Sprintf("update time entry %d", id), personID, ne, id, err)
	}
	return out, nil
}

// RemoveTimeEntry deletes an entry of an open or rejected week; it joins
// the transaction of ctx.
func (s *Store) RemoveTimeEntry(ctx context.Context, id int64) (*intranet.TimeEntry, error) {
	var out *intranet.TimeEntry
	err := s.InTx(ctx, func(ctx context.Context) error {
		tx := s.conn(ctx)
		row, err := s.findEntry(tx, id, true)
		if err != nil {
			return err
		}
		w, _ := intranet.ParseWeek(row.Week)
		if err := s.lockWeeks(tx, row.PersonID, s.Now(), w); err != nil {
			return err
		}
		if err := tx.Exec("DELETE FROM time_entries WHERE id = ?", id).Error; err != nil {
			return err
		}
		out = row.entry()
		return nil
	})
	if err != nil {
		return nil, sheetError(fmt.Sprintf("remove time entry %d", id), err)
	}
	return out, nil
}

// FindTimeEntry returns ENOTFOUND for an unknown id.
func (s *Store) FindTimeEntry(ctx context.Context, id int64) (*intranet.TimeEntry, error) {
	row, err := s.findEntry(s.conn(ctx), id, false)
	if err != nil {
		return nil, sheetError(fmt.Sprintf("find time entry %d", id), err)
	}
	return row.entry(), nil
}

// sheetError keeps coded errors (and *WeekLocked) as they are and wraps the
// rest with the operation.
func sheetError(op string, err error) error {
	var locked *intranet.WeekLocked
	if errors.As(err, &locked) {
		return err
	}
	err = translate(err)
	if code := intranet.ErrorCode(err); code != intranet.EINTERNAL {
		return err
	}
	return fmt.Errorf("%s: %w", op, err)
}

// checkTrip validates a trip as typed and returns it cleaned, with its week.
func checkTrip(t intranet.NewTrip) (intranet.NewTrip, intranet.Week, error) {
	t.From, t.To, t.Purpose, t.Route = strings.TrimSpace(t.From), strings.TrimSpace(t.To), strings.TrimSpace(t.Purpose), strings.TrimSpace(t.Route)
	w, err := dayWeek(t.Date)
	if err != nil {
		return t, w, err
	}
	if err := checkDistance(t.Km, t.From, t.To); err != nil {
		return t, w, err
	}
	if tooLong(t.Purpose, intranet.MaxNote) {
		return t, w, intranet.Errorf(intranet.EINVALID, "A purpose is at most %d characters.", intranet.MaxNote)
	}
	return t, w, nil
}

func checkDistance(km float64, from, to string) error {
	switch {
	case !(km > 0):
		return intranet.Errorf(intranet.EINVALID, "A trip needs a distance above 0 km.")
	case km > intranet.MaxTripKm:
		return intranet.Errorf(intranet.EINVALID, "A trip is at most %d km.", intranet.MaxTripKm)
	case from == "" || to == "":
		return intranet.Errorf(intranet.EINVALID, "A trip needs a place it starts and a place it ends.")
	case tooLong(from, intranet.MaxPlace) || tooLong(to, intranet.MaxPlace):
		return intranet.Errorf(intranet.EINVALID, "A place is at most %d characters.", intranet.MaxPlace)
	}
	return nil
}

// AddTrip stores a trip; it joins the transaction of ctx.
func (s *Store) AddTrip(ctx context.Context, nt intranet.NewTrip, now time.Time) (*intranet.Trip, error) {
	nt, w, err := checkTrip(nt)
	if err != nil {
		return nil, err
	}
	var out *intranet.Trip
	err = s.InTx(ctx, func(ctx context.Context) error {
		tx := s.conn(ctx)
		if err := personExists(tx, nt.PersonID); err != nil {
			return err
		}
		if err := s.lockWeeks(tx, nt.PersonID, now, w); err != nil {
			return err
		}
		t := sheetTime(now)
		row := tripRow{PersonID: nt.PersonID, Week: w.String(), Day: nt.Date, Km: nt.Km, FromPlace: nt.From, ToPlace: nt.To, ReturnTrip: nt.Return,
			Purpose: nt.Purpose, Route: nt.Route, CreatedAt: t, UpdatedAt: t}
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		out = row.trip()
		return nil
	})
	if err != nil {
		return nil, sheetError("add trip", err)
	}
	return out, nil
}

func (s *Store) findTrip(db *gorm.DB, id int64, lock bool) (*tripRow, error) {
	q := db.Where("id = ?", id).Limit(1)
	if lock {
		q = s.forUpdate(q)
	}
	var rows []tripRow
	if err := q.Find(&rows).Error; err != nil {
		return nil, err
	} else if len(rows) == 0 {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "There is no trip %d.", id)
	}
	return &rows[0], nil
}

// UpdateTrip replaces a trip's content; the trip stays its person's
// (nt.PersonID is not read). It joins the transaction of ctx.
func (s *Store) UpdateTrip(ctx context.Context, id int64, nt intranet.NewTrip, now time.Time) (*intranet.Trip, error) {
	nt, w, err := checkTrip(nt)
	if err != nil {
		return nil, err
	}
	var out *intranet.Trip
	err = s.InTx(ctx, func(ctx context.Context) error {
		tx := s.conn(ctx)
		old, err := s.findTrip(tx, id, true)
		if err != nil {
			return err
		}
		oldWeek, _ := intranet.ParseWeek(old.Week)
		if err := s.lockWeeks(tx, old.PersonID, now, oldWeek, w); err != nil {
			return err
		}
		t := sheetTime(now)
		if err := tx.Exec("UPDATE trips SET week = ?, day = ?, km = ?, from_place = ?, to_place = ?, return_trip = ?, purpose = ?, route = ?, rate = 0, updated_at = ? WHERE id = ?",
			w.String(), nt.Date, nt.Km, nt.From, nt.To, nt.Return, nt.Purpose, nt.Route, t, id).Error; err != nil {
			return err
		}
		row, err := s.findTrip(tx, id, false)
		if err != nil {
			return err
		}
		out = row.trip()
		return nil
	})
	if err != nil {
		return nil, sheetError(fmt.Sprintf("update trip %d", id), err)
	}
	return out, nil
}

// RemoveTrip deletes a trip of an open or rejected week; it joins the
// transaction of ctx.
func (s *Store) RemoveTrip(ctx context.Context, id int64) (*intranet.Trip, error) {
	var out *intranet.Trip
	err := s.InTx(ctx, func(ctx context.Context) error {
		tx := s.conn(ctx)
		row, err := s.findTrip(tx, id, true)
		if err != nil {
			return err
		}
		w, _ := intranet.ParseWeek(row.Week)
		if err := s.lockWeeks(tx, row.PersonID, s.Now(), w); err != nil {
			return err
		}
		if err := tx.Exec("DELETE FROM trips WHERE id = ?", id).Error; err != nil {
			return err
		}
		out = row.trip()
		return nil
	})
	if err != nil {
		return nil, sheetError(fmt.Sprintf("remove trip %d", id), err)
	}
	return out, nil
}

// FindTrip returns ENOTFOUND for an unknown id.
func (s *Store) FindTrip(ctx context.Context, id int64) (*intranet.Trip, error) {
	row, err := s.findTrip(s.conn(ctx), id, false)
	if err != nil {
		return nil, sheetError(fmt.Sprintf("find trip %d", id), err)
	}
	return row.trip(), nil
}

// routeKey is what route names are unique by: lower case, single spaces.
func routeKey(name string) string { return strings.Join(strings.Fields(strings.ToLower(name)), " ") }

// SaveRoute stores a person's route; it joins the transaction of ctx.
func (s *Store) SaveRoute(ctx context.Context, r intranet.Route) (*intranet.Route, error) {
	r.Name, r.From, r.To = strings.Join(strings.Fields(r.Name), " "), strings.TrimSpace(r.From), strings.TrimSpace(r.To)
	switch {
	case r.Name == "":
		return nil, intranet.Errorf(intranet.EINVALID, "A route needs a name.")
	case tooLong(r.Name, intranet.MaxRouteName):
		return nil, intranet.Errorf(intranet.EINVALID, "A route's name is at most %d characters.", intranet.MaxRouteName)
	}
	if err := checkDistance(r.Km, r.From, r.To); err != nil {
		return nil, err
	}
	var out *intranet.Route
	err := s.InTx(ctx, func(ctx context.Context) error {
		tx := s.conn(ctx)
		if err := personExists(tx, r.PersonID); err != nil {
			return err
		}
		row := routeRow{PersonID: r.PersonID, Name: r.Name, NameKey: routeKey(r.Name), Km: r.Km, FromPlace: r.From, ToPlace: r.To, CreatedAt: sheetTime(s.Now())}
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		out = row.route()
		return nil
	})
	if err != nil {
		if err = translate(err); intranet.ErrorCode(err) == intranet.ECONFLICT {
			return nil, intranet.Errorf(intranet.ECONFLICT, "You have a route called %s already.", r.Name)
		}
		return nil, sheetError("save route", err)
	}
	return out, nil
}

// Routes returns a person's routes by name.
func (s *Store) Routes(ctx context.Context, personID int64) ([]*intranet.Route, error) {
	var rows []routeRow
	if err := s.conn(ctx).Where("person_id = ?", personID).Order("name_key, id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("routes of person %d: %w", personID, translate(err))
	}
	out := make([]*intranet.Route, len(rows))
	for i, r := range rows {
		out[i] = r.route()
	}
	return out, nil
}

// FindRoute finds a person's route by name, case-insensitively.
func (s *Store) FindRoute(ctx context.Context, personID int64, name string) (*intranet.Route, error) {
	var rows []routeRow
	if err := s.conn(ctx).Where("person_id = ? AND name_key = ?", personID, routeKey(name)).Limit(1).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("find route: %w", translate(err))
	} else if len(rows) == 0 {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "You have no route called %s.", strings.TrimSpace(name))
	}
	return rows[0].route(), nil
}

// RemoveRoute deletes a person's route and returns it; it joins the
// transaction of ctx.
func (s *Store) RemoveRoute(ctx context.Context, personID int64, name string) (*intranet.Route, error) {
	var out *intranet.Route
	err := s.InTx(ctx, func(ctx context.Context) error {
		r, err := s.FindRoute(ctx, personID, name)
		if err != nil {
			return err
		}
		res := s.conn(ctx).Exec("DELETE FROM routes WHERE id = ?", r.ID)
		if res.Error != nil {
			return res.Error
		} else if res.RowsAffected == 0 {
			return intranet.Errorf(intranet.ENOTFOUND, "You have no route called %s.", strings.TrimSpace(name))
		}
		out = r
		return nil
	})
	if err != nil {
		return nil, sheetError("remove route", err)
	}
	return out, nil
}

// Timesheet returns a person's week with all its entries and trips; it
// joins the transaction of ctx.
func (s *Store) Timesheet(ctx context.Context, personID int64, w intranet.Week) (*intranet.Timesheet, error) {
	if !w.Valid() {
		return nil, intranet.Errorf(intranet.EINVALID, "%v is not a week.", w)
	}
	db := s.conn(ctx)
	var rows []sheetRow
	err := db.Raw(sheetSelect+" FROM (SELECT CAST(? AS bigint) AS person_id, CAST(? AS text) AS week) i"+sheetJoins, personID, w.String()).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("timesheet %s of person %d: %w", w, personID, translate(err))
	} else if len(rows) == 0 {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "There is no person %d.", personID)
	}
	sheets := []*intranet.Timesheet{rows[0].sheet()}
	if err := s.fillSheets(db, sheets, "", ""); err != nil {
		return nil, fmt.Errorf("timesheet %s of person %d: %w", w, personID, translate(err))
	}
	return sheets[0], nil
}

// fillSheets reads the entries and trips of sheets, dated from to to (both
// included, "" for no bound), in date and time order.
func (s *Store) fillSheets(db *gorm.DB, sheets []*intranet.Timesheet, from, to string) error {
	if len(sheets) == 0 {
		return nil
	}
	type key struct {
		person int64
		week   string
	}
	bySheet := map[key]*intranet.Timesheet{}
	personSet, weekSet := map[int64]bool{}, map[string]bool{}
	var persons []int64
	var weeks []string
	for _, t := range sheets {
		k := key{t.PersonID, t.Week.String()}
		bySheet[k] = t
		if !personSet[k.person] {
			personSet[k.person] = true
			persons = append(persons, k.person)
		}
		if !weekSet[k.week] {
			weekSet[k.week] = true
			weeks = append(weeks, k.week)
		}
	}
	where, args := "person_id IN ? AND week IN ?", []any{persons, weeks}
	if from != "" {
		where, args = where+" AND day >= ?", append(args, from)
	}
	if to != "" {
		where, args = where+" AND day <= ?", append(args, to)
	}
	var entries []timeEntryRow
	if err := db.Raw("SELECT "+entryColumns+" FROM time_entries WHERE "+where+" ORDER BY day, starts_at IS NULL, starts_at, id", args...).Scan(&entries).Error; err != nil {
		return err
	}
	for _, r := range entries {
		if t := bySheet[key{r.PersonID, r.Week}]; t != nil {
			t.Entries = append(t.Entries, r.entry())
		}
	}
	var trips []tripRow
	if err := db.Where(where, args...).Order("day, id").Find(&trips).Error; err != nil {
		return err
	}
	for _, r := range trips {
		if t := bySheet[key{r.PersonID, r.Week}]; t != nil {
			t.Trips = append(t.Trips, r.trip())
		}
	}
	return nil
}

// Timesheets returns the weeks f selects that hold entries or trips (within
// From and To when set), by week, then person name (the phonebook's order:
// surname first). The page of weeks is chosen first and only its rows are
// joined to names and decisions; asked only for states other than open, it
// starts from the weeks' rows (open weeks may have none) and keeps those
// with an entry or trip in the period.
func (s *Store) Timesheets(ctx context.Context, f intranet.TimesheetFilter) ([]*intranet.Timesheet, error) {
	// Conditions on entries and trips (e), and on the weeks' rows (w).
	var e, w []string
	var eArgs, wArgs []any
	if len(f.PersonIDs) > 0 {
		e, eArgs = append(e, "person_id IN ?"), append(eArgs, f.PersonIDs)
		w, wArgs = append(w, "w.person_id IN ?"), append(wArgs, f.PersonIDs)
	}
	if f.From != "" {
		wk, err := dayWeek(f.From)
		if err != nil {
			return nil, err
		}
		e, eArgs = append(e, "day >= ?"), append(eArgs, f.From)
		w, wArgs = append(w, "w.week >= ?"), append(wArgs, wk.String())
	}
	if f.To != "" {
		wk, err := dayWeek(f.To)
		if err != nil {
			return nil, err
		}
		e, eArgs = append(e, "day <= ?"), append(eArgs, f.To)
		w, wArgs = append(w, "w.week <= ?"), append(wArgs, wk.String())
	}
	if f.Week != (intranet.Week{}) {
		e, eArgs = append(e, "week = ?"), append(eArgs, f.Week.String())
		w, wArgs = append(w, "w.week = ?"), append(wArgs, f.Week.String())
	}
	states := make([]string, len(f.States))
	open := false
	for i, st := range f.States {
		states[i] = string(st)
		open = open || st == intranet.WeekOpen
	}
	var page string
	var qargs []any
	if len(states) > 0 && !open {
		has := func(table string) string {
			c := append([]string{"x.person_id = w.person_id", "x.week = w.week"}, e...)
			for i := 2; i < len(c); i++ {
				c[i] = "x." + c[i]
			}
			return "EXISTS (SELECT 1 FROM " + table + " x WHERE " + strings.Join(c, " AND ") + ")"
		}
		w = append([]string{"w.state IN ?"}, w...)
		page = "SELECT w.person_id, w.week, p.sort_key FROM timesheets w JOIN people p ON p.id = w.person_id WHERE " +
			strings.Join(w, " AND ") + " AND (" + has("time_entries") + " OR " + has("trips") + ")"
		qargs = append(append(append([]any{states}, wArgs...), eArgs...), eArgs...)
		page += " ORDER BY w.week, p.sort_key, p.id"
	} else {
		cond := ""
		if len(e) > 0 {
			cond = " WHERE " + strings.Join(e, " AND ")
		}
		page = "SELECT i.person_id, i.week, p.sort_key FROM (SELECT person_id, week FROM time_entries" + cond + " UNION SELECT person_id, week FROM trips" + cond + ") i" +
			" JOIN people p ON p.id = i.person_id"
		qargs = append(append([]any(nil), eArgs...), eArgs...)
		if len(states) > 0 {
			page += " LEFT JOIN timesheets t ON t.person_id = i.person_id AND t.week = i.week WHERE COALESCE(t.state, 'open') IN ?"
			qargs = append(qargs, states)
		}
		page += " ORDER BY i.week, p.sort_key, p.id"
	}
	if f.Limit > 0 {
		page += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	if f.Offset > 0 {
		if f.Limit <= 0 {
			page += " LIMIT -1" // SQLite's "no limit", which PostgreSQL calls ALL
			if s.engine == Postgres {
				page = strings.TrimSuffix(page, " LIMIT -1") + " LIMIT ALL"
			}
		}
		page += fmt.Sprintf(" OFFSET %d", f.Offset)
	}
	q := sheetSelect + " FROM (" + page + ") i" + sheetJoins + " ORDER BY i.week, i.sort_key, i.person_id"
	db := s.conn(ctx)
	var rows []sheetRow
	if err := db.Raw(q, qargs...).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("timesheets: %w", translate(err))
	}
	out := make([]*intranet.Timesheet, len(rows))
	for i, r := range rows {
		out[i] = r.sheet()
	}
	if err := s.fillSheets(db, out, f.From, f.To); err != nil {
		return nil, fmt.Errorf("timesheets: %w", translate(err))
	}
	return out, nil
}

// SubmitWeek submits an open or rejected week, fixing rate on its trips;
// it joins the transaction of ctx.
func (s *Store) SubmitWeek(ctx context.Context, personID int64, w intranet.Week, rate float64, now time.Time) (*intranet.Timesheet, error) {
	if !w.Valid() {
		return nil, intranet.Errorf(intranet.EINVALID, "%v is not a week.", w)
	}
	if rate < 0 {
		return nil, intranet.Errorf(intranet.EINVALID, "A mileage rate cannot be negative.")
	}
	var out *intranet.Timesheet
	err := s.InTx(ctx, func(ctx context.Context) error {
		tx := s.conn(ctx)
		if err := personExists(tx, personID); err != nil {
			return err
		}
		if err := s.lockWeeks(tx, personID, now, w); err != nil {
			return err
		}
		var n []int64
		if err := tx.Raw("SELECT (SELECT COUNT(*) FROM time_entries WHERE person_id = ? AND week = ?) + (SELECT COUNT(*) FROM trips WHERE person_id = ? AND week = ?)",
			personID, w.String(), personID, w.String()).Scan(&n).Error; err != nil {
			return err
		} else if len(n) == 0 || n[0] == 0 {
			return intranet.Errorf(intranet.EINVALID, "Week %s has no hours or trips to submit.", w)
		}
		t := sheetTime(now)
		if err := tx.Exec("UPDATE timesheets SET state = ?, reason = '', submitted_at = ?, decided_by = NULL, decided_at = NULL, updated_at = ? WHERE person_id = ? AND week = ?",
			string(intranet.WeekSubmitted), t, t, personID, w.String()).Error; err != nil {
			return err
		}
		if err := tx.Exec("UPDATE trips SET rate = ? WHERE person_id = ? AND week = ?", rate, personID, w.String()).Error; err != nil {
			return err
		}
		var err error
		out, err = s.Timesheet(ctx, personID, w)
		return err
	})
	if err != nil {
		return nil, sheetError(fmt.Sprintf("submit week %s of person %d", w, personID), err)
	}
	return out, nil
}

// changeWeek locks the person's week, checks that its state is one of
// want, and applies set (the SET of an UPDATE of timesheets, with args) and
// then each extra statement (whose arguments are the person and the week).
func (s *Store) changeWeek(ctx context.Context, personID int64, w intranet.Week, want []intranet.WeekState, verb string, set string, args []any, extra ...string) (*intranet.Timesheet, error) {
	if !w.Valid() {
		return nil, intranet.Errorf(intranet.EINVALID, "%v is not a week.", w)
	}
	var out *intranet.Timesheet
	err := s.InTx(ctx, func(ctx context.Context) error {
		tx := s.conn(ctx)
		q := "SELECT state FROM timesheets WHERE person_id = ? AND week = ?"
		if s.engine == Postgres {
			q += " FOR UPDATE"
		}
		var state []string
		if err := tx.Raw(q, personID, w.String()).Scan(&state).Error; err != nil {
			return err
		}
		cur := intranet.WeekOpen
		if len(state) > 0 {
			cur = intranet.WeekState(state[0])
		}
		ok := false
		for _, st := range want {
			ok = ok || st == cur
		}
		if !ok {
			return intranet.Errorf(intranet.ECONFLICT, "Week %s is %s and cannot be %s.", w, cur, verb)
		}
		if err := tx.Exec("UPDATE timesheets SET "+set+" WHERE person_id = ? AND week = ?", append(args, personID, w.String())...).Error; err != nil {
			return err
		}
		for _, x := range extra {
			if err := tx.Exec(x, personID, w.String()).Error; err != nil {
				return err
			}
		}
		var err error
		out, err = s.Timesheet(ctx, personID, w)
		return err
	})
	if err != nil {
		return nil, sheetError(fmt.Sprintf("%s week %s of person %d", verb, w, personID), err)
	}
	return out, nil
}

// DecideWeek approves or rejects a submitted week; it joins the
// transaction of ctx.
func (s *Store) DecideWeek(ctx context.Context, personID int64, w intranet.Week, approve bool, byID int64, reason string, now time.Time) (*intranet.Timesheet, error) {
	state, verb := intranet.WeekApproved, "approved"
	if !approve {
		state, verb = intranet.WeekRejected, "rejected"
	}
	t := sheetTime(now)
	var by *int64
	if byID != 0 {
		by = &byID
	}
	return s.changeWeek(ctx, personID, w, []intranet.WeekState{intranet.WeekSubmitted}, verb,
		"state = ?, reason = ?, decided_by = ?, decided_at = ?, updated_at = ?", []any{string(state), strings.TrimSpace(reason), by, t, t})
}

// ReopenWeek opens a submitted or approved week again and clears the rate
// on its trips; it joins the transaction of ctx.
func (s *Store) ReopenWeek(ctx context.Context, personID int64, w intranet.Week, byID int64, reason string, now time.Time) (*intranet.Timesheet, error) {
	t := sheetTime(now)
	return s.changeWeek(ctx, personID, w, []intranet.WeekState{intranet.WeekSubmitted, intranet.WeekApproved}, "reopened",
		"state = ?, reason = ?, submitted_at = NULL, decided_by = NULL, decided_at = NULL, updated_at = ?", []any{string(intranet.WeekOpen), strings.TrimSpace(reason), t},
		"UPDATE trips SET rate = 0 WHERE person_id = ? AND week = ?")
}
