package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"gorm.io/gorm"
)

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

// entriesLockKey is the first key of the advisory lock on a person's time
// entries ("te").
const entriesLockKey = 0x7465

// lockEntries makes a person's entry writes wait for each other on
// PostgreSQL, until the transaction ends. The week locks alone do not: a
// range from Sunday into Monday is in one week and may overlap an entry of
// that Monday in the next, and two such inserts racing each wait in the
// exclusion constraint for the other, which PostgreSQL ends as a deadlock
// instead of an overlap. SQLite runs one write at a time anyway.
func (s *Store) lockEntries(tx *gorm.DB, personID int64) error {
	if s.engine != Postgres {
		return nil
	}
	return tx.Exec("SELECT pg_advisory_xact_lock(?, ?)", entriesLockKey, int32(personID)).Error
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
		if err := s.lockEntries(tx, ne.PersonID); err != nil {
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
		if err := s.lockEntries(tx, personID); err != nil {
			return err
		}
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
	row, err := removeFromWeek(s, ctx, "time_entries", id, s.findEntry)
	if err != nil {
		return nil, sheetError(fmt.Sprintf("remove time entry %d", id), err)
	}
	return row.entry(), nil
}

// FindTimeEntry returns ENOTFOUND for an unknown id.
func (s *Store) FindTimeEntry(ctx context.Context, id int64) (*intranet.TimeEntry, error) {
	row, err := s.findEntry(s.conn(ctx), id, false)
	if err != nil {
		return nil, sheetError(fmt.Sprintf("find time entry %d", id), err)
	}
	return row.entry(), nil
}
