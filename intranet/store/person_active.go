package store

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/phonebook"
	"gorm.io/gorm"
)

// People who leave and come back. An inactive person keeps their row and
// history (bookings, answers, hours) but is found by no search, routing or
// count: their search words (person_terms) are dropped when they leave and
// written again when they come back, so that the phonebook's ranked index
// scans stay as fast as before; the queries that read people directly say
// "active".

// DeactivatePerson marks a person inactive and takes them out of what
// finds or reaches them: their search words, chat accounts, web sessions
// and sign-in links, their own digests and follows. The topics they owned
// go to topicsTo (0: no owner). changed is false, and nothing is done, when
// they were inactive already. The Departure holds what the store did
// (AccountsUnlinked, Subscriptions, TopicsHandedOver). Joins the
// transaction of ctx. Returns ENOTFOUND, and ECONFLICT for the last
// active admin (keepAnAdmin).
func (s *Store) DeactivatePerson(ctx context.Context, id, topicsTo int64) (intranet.Departure, bool, error) {
	var d intranet.Departure
	changed := false
	err := s.InTx(ctx, func(ctx context.Context) error {
		d, changed = intranet.Departure{}, false
		db := s.conn(ctx)
		if err := s.keepAnAdmin(db, id); err != nil {
			return err
		}
		now := s.Now().UTC()
		res := db.Exec("UPDATE people SET active = false, deactivated_at = ?, updated_at = ? WHERE id = ? AND active", now, now, id)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return s.personExists(db, id)
		}
		changed = true
		if err := dropTerms(db, id); err != nil {
			return err
		}
		del := func(n *int, stmt string, args ...any) error {
			res := db.Exec(stmt, args...)
			if n != nil {
				*n += int(res.RowsAffected)
			}
			return res.Error
		}
		var owner *int64
		if topicsTo != 0 {
			owner = &topicsTo
		}
		for _, step := range []func() error{
			func() error { return keepFormerAccounts(db, id) },
			func() error { return del(&d.AccountsUnlinked, "DELETE FROM accounts WHERE person_id = ?", id) },
			func() error { return del(nil, "DELETE FROM web_sessions WHERE person_id = ?", id) },
			func() error { return del(nil, "DELETE FROM web_sign_ins WHERE person_id = ?", id) },
			func() error {
				return del(&d.Subscriptions, "DELETE FROM news_subscriptions WHERE person_id = ? AND personal", id)
			},
			func() error { return del(&d.Subscriptions, "DELETE FROM news_follows WHERE person_id = ?", id) },
			func() error {
				return del(&d.TopicsHandedOver, "UPDATE question_topics SET owner_id = ? WHERE owner_id = ?", owner, id)
			},
		} {
			if err := step(); err != nil {
				return err
			}
		}
		return nil
	})
	if code := intranet.ErrorCode(err); code == intranet.ENOTFOUND || code == intranet.ECONFLICT {
		return d, false, err
	} else if err != nil {
		return d, false, fmt.Errorf("deactivate person %d: %w", id, translate(err))
	}
	return d, changed, nil
}

// ActivatePerson brings an inactive person back: active, searchable again,
// with their history. changed is false when they were active. Joins the
// transaction of ctx. Returns ENOTFOUND.
func (s *Store) ActivatePerson(ctx context.Context, id int64) (bool, error) {
	changed := false
	err := s.InTx(ctx, func(ctx context.Context) error {
		changed = false
		db := s.conn(ctx)
		now := s.Now().UTC()
		res := db.Exec("UPDATE people SET active = true, deactivated_at = NULL, updated_at = ? WHERE id = ? AND NOT active", now, id)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return s.personExists(db, id)
		}
		changed = true
		return s.writeTerms(db, id)
	})
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return false, err
	} else if err != nil {
		return false, fmt.Errorf("activate person %d: %w", id, translate(err))
	}
	return changed, nil
}

// SetRoles replaces a person's roles. Returns ENOTFOUND, and ECONFLICT
// when that would leave no active admin (see keepAnAdmin).
func (s *Store) SetRoles(ctx context.Context, id int64, roles []intranet.Role) error {
	names := make([]string, 0, len(roles))
	for _, r := range roles {
		names = append(names, string(r))
	}
	err := s.InTx(ctx, func(ctx context.Context) error {
		db := s.conn(ctx)
		if !slices.Contains(roles, intranet.RoleAdmin) {
			if err := s.keepAnAdmin(db, id); err != nil {
				return err
			}
		}
		res := db.Exec("UPDATE people SET roles = ?, updated_at = ? WHERE id = ?", strings.Join(names, ";"), s.Now().UTC(), id)
		if res.Error != nil {
			return res.Error
		} else if res.RowsAffected == 0 {
			return intranet.Errorf(intranet.ENOTFOUND, "No person %d.", id)
		}
		return nil
	})
	if code := intranet.ErrorCode(err); code == intranet.ENOTFOUND || code == intranet.ECONFLICT {
		return err
	} else if err != nil {
		return fmt.Errorf("set roles: %w", translate(err))
	}
	return nil
}

// keepAnAdmin refuses (ECONFLICT) to let person id stop being an active
// admin when they are the only one. The check and the change that follows
// it in db's transaction are one step: the lock has two admins who take
// each other's role (or deactivate each other) at the same moment wait
// for one another on PostgreSQL, so that the second sees the first's
// change; SQLite writes one transaction at a time.
// isActiveAdmin is the condition on people p of an active admin ("room
// admin" is another role).
const isActiveAdmin = "p.active AND (';' || LOWER(p.roles) || ';') LIKE '%;admin;%'"

func (s *Store) keepAnAdmin(db *gorm.DB, id int64) error {
	if err := s.lockName(db, "people: the last admin"); err != nil {
		return err
	}
	var self, others int64
	if err := db.Raw("SELECT COUNT(*) FROM people p WHERE p.id = ? AND "+isActiveAdmin, id).Scan(&self).Error; err != nil {
		return err
	}
	if self == 0 {
		return nil
	}
	if err := db.Raw("SELECT COUNT(*) FROM people p WHERE p.id <> ? AND "+isActiveAdmin, id).Scan(&others).Error; err != nil {
		return err
	}
	if others == 0 {
		return intranet.Errorf(intranet.ECONFLICT, "Person %d is the last active admin.", id)
	}
	return nil
}

// InactivePeople returns the people who left, by name.
func (s *Store) InactivePeople(ctx context.Context) ([]*intranet.Person, error) {
	people, err := s.readPeople(ctx, false, "NOT p.active ORDER BY p.sort_key, p.id")
	if err != nil {
		return nil, fmt.Errorf("inactive people: %w", err)
	}
	return people, nil
}

func (s *Store) personExists(db *gorm.DB, id int64) error {
	var n int64
	if err := db.Raw("SELECT COUNT(*) FROM people WHERE id = ?", id).Scan(&n).Error; err != nil {
		return err
	} else if n == 0 {
		return intranet.Errorf(intranet.ENOTFOUND, "No person %d.", id)
	}
	return nil
}

// dropTerms removes a person's search words and brings the dictionary and
// the skill list up to date for those words only.
func dropTerms(db *gorm.DB, id int64) error {
	var terms []string
	if err := db.Raw("SELECT term FROM person_terms WHERE person_id = ?", id).Scan(&terms).Error; err != nil {
		return err
	}
	if err := db.Exec("DELETE FROM person_terms WHERE person_id = ?", id).Error; err != nil {
		return err
	}
	return refreshDictionary(db, terms)
}

// writeTerms writes a person's search words from their row, and brings the
// dictionary up to date for them.
func (s *Store) writeTerms(db *gorm.DB, id int64) error {
	var row personRow
	if err := db.Raw(personSelect+" WHERE p.id = ?", id).Scan(&row).Error; err != nil {
		return err
	}
	if err := db.Exec("DELETE FROM person_terms WHERE person_id = ?", id).Error; err != nil {
		return err
	}
	p := &intranet.Person{Name: row.Name, Title: row.Title, Location: row.Location, Skills: splitList(row.Skills), Department: row.Department}
	var terms []personTermRow
	var words []string
	for _, t := range phonebook.PersonTerms(p) {
		terms = append(terms, personTermRow{Term: t.Term, PersonID: id, Display: t.Display, Field: t.Field, Weight: t.Weight, SortKey: row.SortKey, DepartmentID: row.DepartmentID})
		words = append(words, t.Term)
	}
	if len(terms) > 0 {
		if err := db.CreateInBatches(terms, 500).Error; err != nil {
			return err
		}
	}
	return refreshDictionary(db, words)
}

// refreshDictionary recomputes the dictionary rows (search_terms, skills)
// of the given words from person_terms: what rebuildDictionary does for
// all words, for the few of one person.
func refreshDictionary(db *gorm.DB, terms []string) error {
	slices.Sort(terms)
	terms = slices.Compact(terms)
	for _, batch := range chunks(terms, 500) {
		for _, stmt := range []string{
			"DELETE FROM search_terms WHERE term IN ?",
			"INSERT INTO search_terms (term, display, people) SELECT term, MIN(display), COUNT(*) FROM person_terms WHERE term IN ? GROUP BY term",
			"DELETE FROM skills WHERE term IN ?",
			"INSERT INTO skills (term, name) SELECT term, MIN(display) FROM person_terms WHERE field = 'skill' AND term IN ? GROUP BY term",
		} {
			if err := db.Exec(stmt, batch).Error; err != nil {
				return err
			}
		}
	}
	return nil
}

// importLeavesNoAdmin returns a problem for each line of records that
// takes the admin role from an active admin, when the file would leave
// no active admin at all (who is not in the file keeps their roles); nil
// when an admin remains or there was none. The people import refuses such
// a file, as /werkplek role remove refuses the last admin's.
func importLeavesNoAdmin(db *gorm.DB, records []intranet.PersonRecord) ([]intranet.ImportProblem, error) {
	var admins []personRow
	if err := db.Raw("SELECT p.id, p.email FROM people p WHERE " + isActiveAdmin).Scan(&admins).Error; err != nil {
		return nil, err
	}
	if len(admins) == 0 {
		return nil, nil
	}
	byEmail := map[string]intranet.PersonRecord{}
	var makes []string // whom the file makes admin
	for _, r := range records {
		e := strings.ToLower(r.Email)
		byEmail[e] = r
		if slices.Contains(r.Roles, intranet.RoleAdmin) {
			makes = append(makes, e)
		}
	}
	for _, a := range admins {
		if r, ok := byEmail[a.Email]; !ok || slices.Contains(r.Roles, intranet.RoleAdmin) {
			return nil, nil // an admin the file leaves alone, or keeps
		}
	}
	if len(makes) > 0 {
		// A new person is active; one who left stays inactive.
		var gone int64
		if err := db.Raw("SELECT COUNT(*) FROM people WHERE NOT active AND email IN ?", makes).Scan(&gone).Error; err != nil {
			return nil, err
		} else if int(gone) < len(makes) {
			return nil, nil
		}
	}
	var problems []intranet.ImportProblem
	for _, r := range records {
		for _, a := range admins {
			if strings.EqualFold(r.Email, a.Email) {
				problems = append(problems, intranet.ImportProblem{Line: r.Line,
					Reason:   "takes the admin role from " + a.Email + ", and the file leaves no admin: keep the role admin for at least one person",
					ReasonNL: "neemt " + a.Email + " de rol admin af, en het bestand laat geen beheerder over: houd de rol admin voor minstens één persoon"})
			}
		}
	}
	return problems, nil
}
