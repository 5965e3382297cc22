package store

import (
	"context"
	"errors"
	"fmt"
	"sort"
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

// weekRow is a row of one person's week: a time entry or a trip.
type weekRow interface {
	owner() (personID int64, week string)
}

func (r *timeEntryRow) owner() (int64, string) { return r.PersonID, r.Week }
func (r *tripRow) owner() (int64, string)      { return r.PersonID, r.Week }

// removeFromWeek deletes row id of table (found, locked, by find) once its
// week is locked for the change, which refuses a submitted or approved
// week; it returns the row as it was, in the transaction of ctx.
func removeFromWeek[R weekRow](s *Store, ctx context.Context, table string, id int64, find func(*gorm.DB, int64, bool) (R, error)) (R, error) {
	var out R
	err := s.InTx(ctx, func(ctx context.Context) error {
		tx := s.conn(ctx)
		row, err := find(tx, id, true)
		if err != nil {
			return err
		}
		personID, week := row.owner()
		w, _ := intranet.ParseWeek(week)
		if err := s.lockWeeks(tx, personID, s.Now(), w); err != nil {
			return err
		}
		if err := tx.Exec("DELETE FROM "+table+" WHERE id = ?", id).Error; err != nil {
			return err
		}
		out = row
		return nil
	})
	return out, err
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
