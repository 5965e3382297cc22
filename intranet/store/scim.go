package store

// Provisioning by the identity provider (SCIM 2.0 from Entra ID or Okta):
// people with a SCIM userName are its Users, teams it manages its Groups.
// A person's fields are checked as the people import checks them, and
// written with their search words; what the person chose themselves, their
// roles and whether they are active stay as they are.

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/phonebook"
	"gorm.io/gorm"
)

var _ intranet.ProvisioningService = (*Store)(nil)

func init() {
	// Entra ID and Okta look users up by userName (migration 18's index)
	// and by externalId; groups by name (teams.key) and externalId.
	register(migration{22, "SCIM: people and teams found by the identity provider's externalId", `
CREATE INDEX people_scim_external_id ON people (scim_external_id) WHERE scim_external_id <> '';
CREATE INDEX teams_scim_external_id ON teams (scim_external_id) WHERE scim_external_id <> '';
`, `
CREATE INDEX people_scim_external_id ON people (scim_external_id) WHERE scim_external_id <> '';
CREATE INDEX teams_scim_external_id ON teams (scim_external_id) WHERE scim_external_id <> '';
`})
	// The identity provider's organization of a person, kept as sent: a
	// partner organisation's name makes the person its partner.
	register(migration{27, "SCIM: a person's organization as the identity provider sends it", `
ALTER TABLE people ADD COLUMN scim_organisation text NOT NULL DEFAULT '';
`, `
ALTER TABLE people ADD COLUMN scim_organisation TEXT NOT NULL DEFAULT '';
`})
}

// scimActor is who the audit log says made a provisioning change.
const scimActor = "scim"

func (s *Store) auditSCIM(ctx context.Context, action string, subjectID int64, subject, detail string) error {
	return s.Audit(ctx, intranet.AuditEntry{Actor: scimActor, Platform: scimActor, Action: action, SubjectID: subjectID, Subject: subject, Detail: detail})
}

// ProvisionedPeople returns the provisioned people q selects, by id, and
// their total.
func (s *Store) ProvisionedPeople(ctx context.Context, q intranet.PeopleQuery) ([]*intranet.ProvisionedPerson, int, error) {
	where, args := []string{"p.scim_user_name <> ''"}, []any{}
	if q.UserName != "" {
		where, args = append(where, "lower(p.scim_user_name) = ?"), append(args, strings.ToLower(q.UserName))
	}
	if q.ExternalID != "" {
		where, args = append(where, "p.scim_external_id <> '' AND p.scim_external_id = ?"), append(args, q.ExternalID)
	}
	if q.Email != "" {
		where, args = append(where, "p.email = ?"), append(args, strings.ToLower(strings.TrimSpace(q.Email)))
	}
	cond := strings.Join(where, " AND ")
	var total int64
	if err := s.conn(ctx).Raw("SELECT COUNT(*) FROM people p WHERE "+cond, args...).Scan(&total).Error; err != nil {
		return nil, 0, fmt.Errorf("provisioned people: %w", translate(err))
	}
	page := " ORDER BY p.id"
	if q.Limit > 0 || q.Offset > 0 {
		limit := q.Limit
		if limit <= 0 {
			limit = int(total)
		}
		page += fmt.Sprintf(" LIMIT %d OFFSET %d", limit, q.Offset)
	}
	var rows []personRow
	if err := s.conn(ctx).Raw(personSelect+" WHERE "+cond+page, args...).Scan(&rows).Error; err != nil {
		return nil, 0, fmt.Errorf("provisioned people: %w", translate(err))
	}
	out := make([]*intranet.ProvisionedPerson, len(rows))
	for i := range rows {
		out[i] = provisioned(&rows[i])
	}
	return out, int(total), nil
}

// ProvisionedPerson returns ENOTFOUND for an unknown or unprovisioned id.
func (s *Store) ProvisionedPerson(ctx context.Context, id int64) (*intranet.ProvisionedPerson, error) {
	var rows []personRow
	if err := s.conn(ctx).Raw(personSelect+" WHERE p.id = ? AND p.scim_user_name <> ''", id).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("provisioned person %d: %w", id, translate(err))
	}
	if len(rows) == 0 {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "No provisioned person %d.", id)
	}
	return provisioned(&rows[0]), nil
}

// provisioned is a person as the identity provider sees them: a mobile
// number the person set themselves is theirs, not the provider's to read.
func provisioned(r *personRow) *intranet.ProvisionedPerson {
	mobile := r.Mobile
	if slices.Contains(splitList(r.OwnFields), "mobile") {
		mobile = ""
	}
	return &intranet.ProvisionedPerson{
		ID: r.ID, UserName: r.ScimUserName, ExternalID: r.ScimExternalID, Inactive: !r.Active,
		Name: r.Name, Email: r.Email, Phone: r.Phone, Mobile: mobile, Title: r.Title, Location: r.Location,
		Department: r.Department, ManagerID: r.ManagerID, EmployeeNumber: r.EmployeeNumber, Organisation: r.ScimOrganisation,
		Created: r.CreatedAt, Updated: r.UpdatedAt,
	}
}

// ProvisionPerson creates a person or adopts the unprovisioned one with
// that email.
func (s *Store) ProvisionPerson(ctx context.Context, p intranet.ProvisionedPerson) (*intranet.ProvisionedPerson, error) {
	var id int64
	err := s.InTx(ctx, func(ctx context.Context) error {
		db := s.conn(ctx)
		rec, err := s.provisionRecord(db, p)
		if err != nil {
			return err
		}
		if err := userNameFree(db, p.UserName, 0); err != nil {
			return err
		}
		var olds []personRow
		if err := db.Where("email = ?", rec.Email).Find(&olds).Error; err != nil {
			return err
		}
		var old *personRow
		action := "scim user create"
		if len(olds) > 0 {
			if olds[0].ScimUserName != "" {
				return intranet.Errorf(intranet.ECONFLICT, "The email address %s belongs to another provisioned user.", rec.Email)
			}
			old, action = &olds[0], "scim user adopt"
		}
		if id, err = s.writeProvisioned(db, old, rec, p); err != nil {
			return err
		}
		return s.auditSCIM(ctx, action, id, rec.Email, "userName "+p.UserName)
	})
	if err != nil {
		return nil, provisionError("provision person", err)
	}
	return s.ProvisionedPerson(ctx, id)
}

// ReplaceProvisionedPerson replaces a provisioned person's fields.
func (s *Store) ReplaceProvisionedPerson(ctx context.Context, p intranet.ProvisionedPerson) (*intranet.ProvisionedPerson, error) {
	err := s.InTx(ctx, func(ctx context.Context) error {
		db := s.conn(ctx)
		if err := s.lockRow(db, "people", p.ID); err != nil {
			return err
		}
		var olds []personRow
		if err := db.Where("id = ? AND scim_user_name <> ''", p.ID).Find(&olds).Error; err != nil {
			return err
		} else if len(olds) == 0 {
			return intranet.Errorf(intranet.ENOTFOUND, "No provisioned person %d.", p.ID)
		}
		rec, err := s.provisionRecord(db, p)
		if err != nil {
			return err
		}
		if err := userNameFree(db, p.UserName, p.ID); err != nil {
			return err
		}
		old := olds[0]
		if rec.Email != old.Email {
			var n int64
			if err := db.Raw("SELECT COUNT(*) FROM people WHERE email = ? AND id <> ?", rec.Email, p.ID).Scan(&n).Error; err != nil {
				return err
			} else if n > 0 {
				return intranet.Errorf(intranet.ECONFLICT, "The email address %s belongs to someone else.", rec.Email)
			}
		}
		if _, err := s.writeProvisioned(db, &old, rec, p); err != nil {
			return err
		}
		if rec.Email != old.Email {
			// Managers are referred to by email: their people follow them.
			if err := db.Exec("UPDATE people SET manager_email = ? WHERE manager_email = ?", rec.Email, old.Email).Error; err != nil {
				return err
			}
		}
		return s.auditSCIM(ctx, "scim user update", p.ID, rec.Email, "userName "+p.UserName)
	})
	if err != nil {
		return nil, provisionError("replace provisioned person", err)
	}
	return s.ProvisionedPerson(ctx, p.ID)
}

// UnprovisionPerson forgets the person's SCIM names; the person stays.
func (s *Store) UnprovisionPerson(ctx context.Context, id int64) error {
	err := s.InTx(ctx, func(ctx context.Context) error {
		db := s.conn(ctx)
		var email string
		if err := db.Raw("SELECT email FROM people WHERE id = ? AND scim_user_name <> ''", id).Scan(&email).Error; err != nil {
			return err
		} else if email == "" {
			return intranet.Errorf(intranet.ENOTFOUND, "No provisioned person %d.", id)
		}
		if err := db.Exec("UPDATE people SET scim_user_name = '', scim_external_id = '', updated_at = ? WHERE id = ?", s.Now().UTC(), id).Error; err != nil {
			return err
		}
		return s.auditSCIM(ctx, "scim user delete", id, email, "")
	})
	if err != nil {
		return provisionError("unprovision person", err)
	}
	return nil
}

// provisionError keeps coded errors as they are and wraps the rest.
func provisionError(op string, err error) error {
	switch intranet.ErrorCode(err) {
	case intranet.ENOTFOUND, intranet.EINVALID, intranet.ECONFLICT:
		return err
	}
	return fmt.Errorf("%s: %w", op, translate(err))
}

func userNameFree(db *gorm.DB, userName string, self int64) error {
	var n int64
	if err := db.Raw("SELECT COUNT(*) FROM people WHERE scim_user_name <> '' AND lower(scim_user_name) = ? AND id <> ?", strings.ToLower(userName), self).Scan(&n).Error; err != nil {
		return err
	} else if n > 0 {
		return intranet.Errorf(intranet.ECONFLICT, "The userName %s is another user's.", userName)
	}
	return nil
}

// provisionRecord checks a provisioned person as the people import checks
// a line, and turns it into an import record (the manager by email).
func (s *Store) provisionRecord(db *gorm.DB, p intranet.ProvisionedPerson) (intranet.PersonRecord, error) {
	rec := intranet.PersonRecord{
		Name: strings.Join(strings.Fields(p.Name), " "), Email: strings.ToLower(strings.TrimSpace(p.Email)),
		Phone: strings.TrimSpace(p.Phone), Mobile: strings.TrimSpace(p.Mobile), Department: strings.TrimSpace(p.Department),
		Title: strings.TrimSpace(p.Title), Location: strings.TrimSpace(p.Location), EmployeeNumber: strings.TrimSpace(p.EmployeeNumber),
	}
	switch {
	case strings.TrimSpace(p.UserName) == "":
		return rec, intranet.Errorf(intranet.EINVALID, "A user needs a userName.")
	case rec.Name == "":
		return rec, intranet.Errorf(intranet.EINVALID, "A user needs a name (displayName or name.givenName and name.familyName).")
	case rec.Email == "":
		return rec, intranet.Errorf(intranet.EINVALID, "A user needs an email address (emails, or a userName that is one).")
	case !phonebook.ValidEmail(rec.Email):
		return rec, intranet.Errorf(intranet.EINVALID, "%q is not an email address.", rec.Email)
	case len([]rune(rec.EmployeeNumber)) > phonebook.MaxEmployeeNumber:
		return rec, intranet.Errorf(intranet.EINVALID, "The employee number is longer than %d characters.", phonebook.MaxEmployeeNumber)
	}
	for _, ph := range []string{rec.Phone, rec.Mobile} {
		if ph != "" && phonebook.PhoneKey(ph) == "" {
			return rec, intranet.Errorf(intranet.EINVALID, "The phone number %q has no digits.", ph)
		}
	}
	if p.ManagerID != 0 && p.ManagerID != p.ID {
		// A manager not provisioned yet is left out; the identity provider
		// sends the reference again once it is.
		var email string
		if err := db.Raw("SELECT email FROM people WHERE id = ?", p.ManagerID).Scan(&email).Error; err != nil {
			return rec, err
		}
		if email != rec.Email {
			rec.ManagerEmail = email
		}
	}
	return rec, nil
}

// writeProvisioned writes a provisioned person (old nil: a new one) with
// their search words, and returns their id. Roles, skills, the person's
// own fields and choices and whether they are active are kept.
func (s *Store) writeProvisioned(db *gorm.DB, old *personRow, rec intranet.PersonRecord, p intranet.ProvisionedPerson) (int64, error) {
	deptIDs, err := upsertDepartments(db, []intranet.PersonRecord{rec})
	if err != nil {
		return 0, err
	}
	row := recordRow(rec, deptIDs)
	row.ScimUserName, row.ScimExternalID = strings.TrimSpace(p.UserName), strings.TrimSpace(p.ExternalID)
	row.ScimOrganisation = strings.Join(strings.Fields(p.Organisation), " ")
	now := s.Now().UTC()
	var oldTerms []string
	if old == nil {
		row.CreatedAt, row.UpdatedAt = now, now
		if err := db.Create(&row).Error; err != nil {
			return 0, err
		}
	} else {
		row.ID, row.Language, row.QuietHours, row.CreatedAt, row.UpdatedAt = old.ID, old.Language, old.QuietHours, old.CreatedAt, now
		row.Active, row.DeactivatedAt = old.Active, old.DeactivatedAt
		row.AwayUntil, row.AwayNote, row.MobileVisibility, row.OwnFields = old.AwayUntil, old.AwayNote, old.MobileVisibility, old.OwnFields
		row.Roles, row.Skills, row.OrganisationID = old.Roles, old.Skills, old.OrganisationID
		own := splitList(old.OwnFields)
		if slices.Contains(own, "mobile") {
			row.Mobile, row.MobileKey, row.MobileRev = old.Mobile, old.MobileKey, old.MobileRev
		}
		if slices.Contains(own, "location") {
			row.Location = old.Location
		}
		if err := db.Save(&row).Error; err != nil {
			return 0, err
		}
		if err := db.Raw("SELECT term FROM person_terms WHERE person_id = ?", row.ID).Scan(&oldTerms).Error; err != nil {
			return 0, err
		}
		if err := db.Exec("DELETE FROM person_terms WHERE person_id = ?", row.ID).Error; err != nil {
			return 0, err
		}
	}
	person := &intranet.Person{Name: row.Name, Title: row.Title, Location: row.Location, Skills: splitList(row.Skills), Department: rec.Department}
	terms := slices.Clone(oldTerms)
	var rows []personTermRow
	for _, t := range phonebook.PersonTerms(person) {
		if !row.Active {
			break // who left is found by no word until they come back
		}
		rows = append(rows, personTermRow{Term: t.Term, PersonID: row.ID, Display: t.Display, Field: t.Field, Weight: t.Weight, SortKey: row.SortKey, DepartmentID: row.DepartmentID})
		terms = append(terms, t.Term)
	}
	if len(rows) > 0 {
		if err := db.Create(&rows).Error; err != nil {
			return 0, err
		}
	}
	if err := s.joinProvisioned(db, &row); err != nil {
		return 0, err
	}
	return row.ID, refreshDictionary(db, terms)
}

// joinProvisioned makes a provisioned person the partner of the partner
// organisation their organization names (case and accents ignored), as
// SetOrganisation does; an organization that names none changes nothing.
func (s *Store) joinProvisioned(db *gorm.DB, row *personRow) error {
	key := phonebook.Key(row.ScimOrganisation)
	if key == "" {
		return nil
	}
	var ids []int64
	if err := db.Raw("SELECT id FROM partner_orgs WHERE key = ?", key).Scan(&ids).Error; err != nil {
		return err
	}
	if len(ids) == 0 || (row.OrganisationID != nil && *row.OrganisationID == ids[0]) {
		return nil
	}
	if err := s.keepAnAdmin(db, row.ID); err != nil {
		return err
	}
	if err := db.Exec("UPDATE people SET organisation_id = ?, roles = ? WHERE id = ?", ids[0], partnerRoles(row.Roles), row.ID).Error; err != nil {
		return err
	}
	return leaveForPartner(db, []int64{row.ID})
}
