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

var _ intranet.ProfileService = (*Store)(nil)

// UpdateProfile sets what a person wrote about themselves and marks those
// fields their own, so that the people import (and the identity provider,
// through keepOwnFields) leaves them. It takes the imports' lock: an
// import that read the person before would otherwise write the old value
// back. The person's search words and the dictionary follow.
func (s *Store) UpdateProfile(ctx context.Context, personID int64, u intranet.ProfileUpdate) error {
	err := s.WithLock(ctx, "import", func(ctx context.Context) error {
		return s.conn(ctx).Transaction(func(tx *gorm.DB) error {
			var row personRow
			if err := s.forUpdate(tx.Where("id = ?", personID)).Take(&row).Error; err != nil {
				return translate(err)
			}
			own := splitList(row.OwnFields)
			mark := func(field string) {
				if !slices.Contains(own, field) {
					own = append(own, field)
				}
			}
			if u.Mobile != nil {
				row.Mobile = strings.TrimSpace(*u.Mobile)
				row.MobileKey = phonebook.PhoneKey(row.Mobile)
				row.MobileRev = phonebook.Reverse(row.MobileKey)
				mark(intranet.OwnMobile)
			}
			if u.Location != nil {
				row.Location = strings.TrimSpace(*u.Location)
				mark(intranet.OwnLocation)
			}
			if u.Skills != nil {
				var skills []string
				for _, sk := range *u.Skills {
					if sk = strings.Join(strings.Fields(strings.ReplaceAll(sk, ";", " ")), " "); sk != "" && !slices.ContainsFunc(skills, func(x string) bool { return strings.EqualFold(x, sk) }) {
						skills = append(skills, sk)
					}
				}
				row.Skills = strings.Join(skills, ";")
				mark(intranet.OwnSkills)
			}
			slices.Sort(own)
			row.OwnFields = strings.Join(own, ";")
			row.UpdatedAt = s.Now().UTC()
			err := tx.Model(&personRow{}).Where("id = ?", personID).Updates(map[string]any{
				"mobile": row.Mobile, "mobile_key": row.MobileKey, "mobile_rev": row.MobileRev,
				"location": row.Location, "skills": row.Skills, "own_fields": row.OwnFields, "updated_at": row.UpdatedAt,
			}).Error
			if err != nil {
				return err
			}
			return reindexPerson(tx, &row)
		})
	})
	if err != nil {
		return fmt.Errorf("update profile of %d: %w", personID, translate(err))
	}
	return nil
}

// reindexPerson writes one person's search words again after a change of
// their own, and brings the dictionary's entries of the words they lost
// or gained up to date (rebuildDictionary does all of them, for an import).
func reindexPerson(tx *gorm.DB, row *personRow) error {
	var dept string
	if row.DepartmentID != nil {
		if err := tx.Raw("SELECT name FROM departments WHERE id = ?", *row.DepartmentID).Scan(&dept).Error; err != nil {
			return err
		}
	}
	var before []string
	if err := tx.Raw("SELECT term FROM person_terms WHERE person_id = ?", row.ID).Scan(&before).Error; err != nil {
		return err
	}
	if err := tx.Exec("DELETE FROM person_terms WHERE person_id = ?", row.ID).Error; err != nil {
		return err
	}
	p := &intranet.Person{Name: row.Name, Title: row.Title, Location: row.Location, Skills: splitList(row.Skills), Department: dept}
	var terms []personTermRow
	touched := before
	for _, t := range phonebook.PersonTerms(p) {
		terms = append(terms, personTermRow{Term: t.Term, PersonID: row.ID, Display: t.Display, Field: t.Field, Weight: t.Weight, SortKey: row.SortKey, DepartmentID: row.DepartmentID})
		touched = append(touched, t.Term)
	}
	if len(terms) > 0 {
		if err := tx.Create(&terms).Error; err != nil {
			return err
		}
	}
	return refreshDictionary(tx, touched)
}

// keepOwnFields keeps the profile fields the person set themselves (their
// OwnFields) as they are in old, whatever row, from an import file or the
// identity provider, says: the person's word is the last. Call it before
// comparing the rows, so that an own field counts as no change.
func keepOwnFields(row, old *personRow) {
	for _, f := range splitList(old.OwnFields) {
		switch f {
		case intranet.OwnMobile:
			row.Mobile, row.MobileKey, row.MobileRev = old.Mobile, old.MobileKey, old.MobileRev
		case intranet.OwnSkills:
			row.Skills = old.Skills
		case intranet.OwnLocation:
			row.Location = old.Location
		}
	}
}

// SetAway marks a person away through until (YYYY-MM-DD), or back with "".
func (s *Store) SetAway(ctx context.Context, personID int64, until, note string) error {
	if until == "" {
		note = ""
	}
	res := s.conn(ctx).Exec("UPDATE people SET away_until = ?, away_note = ?, updated_at = ? WHERE id = ?", until, strings.TrimSpace(note), s.Now().UTC(), personID)
	if res.Error != nil {
		return fmt.Errorf("set away: %w", translate(res.Error))
	} else if res.RowsAffected == 0 {
		return intranet.Errorf(intranet.ENOTFOUND, "No person %d.", personID)
	}
	return nil
}

// SetMobileVisibility stores who may see a person's mobile number.
func (s *Store) SetMobileVisibility(ctx context.Context, personID int64, v intranet.FieldVisibility) error {
	if v != "" {
		if _, ok := intranet.ParseVisibility(string(v)); !ok {
			return intranet.Errorf(intranet.EINVALID, "%q is no visibility: everyone, team or hidden.", v)
		}
	}
	res := s.conn(ctx).Exec("UPDATE people SET mobile_visibility = ?, updated_at = ? WHERE id = ?", string(v), s.Now().UTC(), personID)
	if res.Error != nil {
		return fmt.Errorf("set mobile visibility: %w", translate(res.Error))
	} else if res.RowsAffected == 0 {
		return intranet.Errorf(intranet.ENOTFOUND, "No person %d.", personID)
	}
	return nil
}
