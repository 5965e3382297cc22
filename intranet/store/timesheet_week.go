package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"gorm.io/gorm"
)

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
