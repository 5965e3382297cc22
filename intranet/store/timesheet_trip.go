package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"gorm.io/gorm"
)

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
	row, err := removeFromWeek(s, ctx, "trips", id, s.findTrip)
	if err != nil {
		return nil, sheetError(fmt.Sprintf("remove trip %d", id), err)
	}
	return row.trip(), nil
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
