package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/phonebook"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// ImportPeople creates or updates people by email in one transaction.
func (s *Store) ImportPeople(ctx context.Context, records []intranet.PersonRecord, dryRun bool) (intranet.ImportSummary, error) {
	return oneAtATime(ctx, s, "import", func(ctx context.Context) (intranet.ImportSummary, error) { return s.importPeople(ctx, records, dryRun) })
}

func (s *Store) importPeople(ctx context.Context, records []intranet.PersonRecord, dryRun bool) (intranet.ImportSummary, error) {
	var sum intranet.ImportSummary
	db := s.db.WithContext(ctx)

	// Every manager must be in the file or already in the phonebook.
	inFile := map[string]bool{}
	for _, r := range records {
		inFile[strings.ToLower(r.Email)] = true
	}
	var wanted []string
	for _, r := range records {
		if r.ManagerEmail != "" && !inFile[r.ManagerEmail] {
			wanted = append(wanted, r.ManagerEmail)
		}
	}
	known := map[string]bool{}
	for _, batch := range chunks(wanted, 1000) {
		var found []string
		if err := db.Raw("SELECT email FROM people WHERE email IN ?", batch).Scan(&found).Error; err != nil {
			return sum, fmt.Errorf("import people: %w", translate(err))
		}
		for _, e := range found {
			known[e] = true
		}
	}
	var problems []intranet.ImportProblem
	for _, r := range records {
		if r.ManagerEmail != "" && !inFile[r.ManagerEmail] && !known[r.ManagerEmail] {
			problems = append(problems, intranet.ImportProblem{Line: r.Line, Reason: fmt.Sprintf("unknown manager %s (not in the file, not in the phonebook)", r.ManagerEmail),
				ReasonNL: fmt.Sprintf("onbekende manager %s (niet in het bestand, niet in het telefoonboek)", r.ManagerEmail)})
		}
	}
	orgs, err := importOrganisations(db, records)
	if err != nil {
		return sum, fmt.Errorf("import people: %w", translate(err))
	}
	problems = append(problems, orgs.problems...)
	records = orgs.records
	noAdmin, err := importLeavesNoAdmin(db, records)
	if err != nil {
		return sum, fmt.Errorf("import people: %w", translate(err))
	}
	if problems = append(problems, noAdmin...); len(problems) > 0 {
		return sum, &intranet.ImportError{Problems: problems}
	}
	if dryRun {
		return s.dryImport(db, records, orgs)
	}

	now := s.Now().UTC()
	err = s.importTx(db, func(tx *gorm.DB, pg *sql.Conn) error {
		// Checked again under the lock that role changes take, so that a
		// role removal at the same moment cannot leave no admin either.
		if err := s.lockName(tx, "people: the last admin"); err != nil {
			return err
		}
		if again, err := importLeavesNoAdmin(tx, records); err != nil {
			return err
		} else if len(again) > 0 {
			return &intranet.ImportError{Problems: again}
		}
		deptIDs, err := upsertDepartments(tx, records)
		if err != nil {
			return err
		}
		for _, name := range orgs.added {
			var id int64
			if err := tx.Raw("INSERT INTO partner_orgs (name, key, created_at) VALUES (?, ?, ?) RETURNING id", name, phonebook.Key(name), now).Scan(&id).Error; err != nil {
				return err
			}
			orgs.ids[phonebook.Key(name)] = id
		}
		sum.Organisations = orgs.added
		var existing []personRow
		if existing, err = s.everyone(tx); err != nil {
			return err
		}
		byEmail := make(map[string]*personRow, len(existing))
		for i := range existing {
			byEmail[existing[i].Email] = &existing[i]
		}

		var created []*personRow
		var changed []*personRow
		var joined []int64 // who became a partner, or of another organisation
		rows := recordRows(records, deptIDs)
		for i, r := range records {
			row := &rows[i]
			if old := byEmail[row.Email]; old != nil {
				keepOwnFields(row, old)
			}
			orgs.set(row, r, byEmail[row.Email])
			change, fields := compare(byEmail[row.Email], row)
			sum.Lines = append(sum.Lines, intranet.ImportLine{Line: r.Line, Email: row.Email, Name: row.Name, Change: change, Fields: fields})
			if old := byEmail[row.Email]; old != nil {
				// What the person chose in the chat is theirs, not the file's.
				row.ID, row.Language, row.QuietHours, row.CreatedAt, row.UpdatedAt = old.ID, old.Language, old.QuietHours, old.CreatedAt, old.UpdatedAt
				keepDirectory(row, old)
				if change == intranet.ImportUnchanged {
					continue
				}
				row.UpdatedAt = now
				if row.OrganisationID != nil && (old.OrganisationID == nil || *old.OrganisationID != *row.OrganisationID) {
					joined = append(joined, row.ID)
				}
				changed = append(changed, row)
				sum.Updated++
				continue
			}
			row.CreatedAt, row.UpdatedAt = now, now
			created = append(created, row)
		}
		deptOf := make(map[string]string, len(records))
		for _, r := range records {
			deptOf[strings.ToLower(r.Email)] = r.Department
		}
		if err := s.writePeople(tx, pg, created, changed, joined, deptOf, len(existing)); err != nil {
			return err
		}
		sum.Created = len(created)
		if len(created)+len(changed) > 0 {
			return rebuildDictionary(tx)
		}
		return nil
	})
	if err != nil {
		return intranet.ImportSummary{}, fmt.Errorf("import people: %w", translate(err))
	}
	if sum.Created+sum.Updated > 0 {
		// Fresh statistics let the planner see how common a name is; after
		// a large import also set the visibility map for index-only scans.
		stmt := "ANALYZE"
		if s.engine == Postgres {
			stmt = "ANALYZE people, person_terms, search_terms, departments"
			if sum.Created+sum.Updated >= 1000 {
				stmt = "VACUUM (ANALYZE) people, person_terms, search_terms, departments"
			}
		}
		if err := db.Exec(stmt).Error; err != nil {
			return sum, fmt.Errorf("import people: analyze: %w", translate(err))
		}
	}
	return sum, nil
}

// keepDirectory copies what an import does not decide from the stored row:
// whether the person is active, their own profile choices and what the
// identity provider knows them by. The fields the person set themselves
// keepOwnFields keeps, and the organisation importOrgs.set decides,
// before the rows are compared.
func keepDirectory(row, old *personRow) {
	row.Active, row.DeactivatedAt = old.Active, old.DeactivatedAt
	row.AwayUntil, row.AwayNote, row.MobileVisibility, row.OwnFields = old.AwayUntil, old.AwayNote, old.MobileVisibility, old.OwnFields
	row.ScimUserName, row.ScimExternalID, row.ScimOrganisation = old.ScimUserName, old.ScimExternalID, old.ScimOrganisation
}

// recordRow turns an import record into a row (without id and times).
func recordRow(r intranet.PersonRecord, deptIDs map[string]int64) personRow {
	row := personRow{
		Active: true,
		Name:   r.Name, Email: strings.ToLower(r.Email), Phone: r.Phone, Mobile: r.Mobile,
		PhoneKey: phonebook.PhoneKey(r.Phone), MobileKey: phonebook.PhoneKey(r.Mobile),
		Title: r.Title, Location: r.Location, ManagerEmail: strings.ToLower(r.ManagerEmail),
		Skills: strings.Join(r.Skills, ";"), SortKey: phonebook.SortKey(r.Name), EmployeeNumber: r.EmployeeNumber,
	}
	row.PhoneRev, row.MobileRev = phonebook.Reverse(row.PhoneKey), phonebook.Reverse(row.MobileKey)
	roles := make([]string, len(r.Roles))
	for i, x := range r.Roles {
		roles[i] = string(x)
	}
	row.Roles = strings.Join(roles, ";")
	if id, ok := deptIDs[phonebook.Key(r.Department)]; ok && r.Department != "" {
		row.DepartmentID = &id
	}
	return row
}

// dryImport says what importing the records would do, writing nothing:
// each record against the person of its email. A department the file
// brings gets a stand-in id, so that moving to it counts as a change.
func (s *Store) dryImport(db *gorm.DB, records []intranet.PersonRecord, orgs *importOrgs) (intranet.ImportSummary, error) {
	sum := intranet.ImportSummary{Organisations: orgs.added}
	var existing []personRow
	existing, err := s.everyone(db)
	if err != nil {
		return sum, fmt.Errorf("import people: %w", translate(err))
	}
	byEmail := make(map[string]*personRow, len(existing))
	for i := range existing {
		byEmail[existing[i].Email] = &existing[i]
	}
	var depts []departmentRow
	if err := db.Find(&depts).Error; err != nil {
		return sum, fmt.Errorf("import people: %w", translate(err))
	}
	deptIDs := make(map[string]int64, len(depts))
	for _, d := range depts {
		deptIDs[d.Key] = d.ID
	}
	for _, r := range records {
		if k := phonebook.Key(r.Department); k != "" {
			if _, ok := deptIDs[k]; !ok {
				deptIDs[k] = -int64(len(deptIDs)) - 1
			}
		}
	}
	rows := recordRows(records, deptIDs)
	for i, r := range records {
		row := &rows[i]
		if old := byEmail[row.Email]; old != nil {
			keepOwnFields(row, old)
		}
		orgs.set(row, r, byEmail[row.Email])
		change, fields := compare(byEmail[row.Email], row)
		sum.Lines = append(sum.Lines, intranet.ImportLine{Line: r.Line, Email: row.Email, Name: row.Name, Change: change, Fields: fields})
		switch change {
		case intranet.ImportAdded:
			sum.Created++
		case intranet.ImportChanged:
			sum.Updated++
		}
	}
	return sum, nil
}

// compare says what a record's row does to the person it names (old nil:
// nobody yet), with the CSV columns that change.
func compare(old, row *personRow) (intranet.ImportChange, []string) {
	if old == nil {
		return intranet.ImportAdded, nil
	}
	id := func(p *int64) int64 {
		if p == nil {
			return 0
		}
		return *p
	}
	var fields []string
	for _, f := range []struct {
		column string
		same   bool
	}{
		{"name", old.Name == row.Name},
		{"phone", old.Phone == row.Phone},
		{"mobile", old.Mobile == row.Mobile},
		{"department", id(old.DepartmentID) == id(row.DepartmentID)},
		{"title", old.Title == row.Title},
		{"location", old.Location == row.Location},
		{"manager_email", old.ManagerEmail == row.ManagerEmail},
		{"skills", old.Skills == row.Skills},
		{"roles", old.Roles == row.Roles},
		{"employee_number", old.EmployeeNumber == row.EmployeeNumber},
		{"organisation", id(old.OrganisationID) == id(row.OrganisationID)},
	} {
		if !f.same {
			fields = append(fields, f.column)
		}
	}
	if len(fields) == 0 {
		return intranet.ImportUnchanged, nil
	}
	return intranet.ImportChanged, fields
}

// upsertDepartments makes sure every department of the file exists and
// returns their ids by key.
func upsertDepartments(tx *gorm.DB, records []intranet.PersonRecord) (map[string]int64, error) {
	seen := map[string]bool{}
	var rows []departmentRow
	for _, r := range records {
		if k := phonebook.Key(r.Department); k != "" && !seen[k] {
			seen[k] = true
			rows = append(rows, departmentRow{Name: r.Department, Key: k})
		}
	}
	if len(rows) > 0 {
		err := tx.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "key"}}, DoUpdates: clause.AssignmentColumns([]string{"name"})}).
			Omit("id").Create(&rows).Error
		if err != nil {
			return nil, err
		}
	}
	var all []departmentRow
	if err := tx.Find(&all).Error; err != nil {
		return nil, err
	}
	ids := make(map[string]int64, len(all))
	for _, d := range all {
		ids[d.Key] = d.ID
	}
	return ids, nil
}

// rebuildDictionary recomputes the distinct search words (with how many
// people each has) and the skill list from person_terms.
func rebuildDictionary(tx *gorm.DB) error {
	for _, stmt := range []string{
		"DELETE FROM search_terms",
		"INSERT INTO search_terms (term, display, people) SELECT term, MIN(display), COUNT(*) FROM person_terms GROUP BY term",
		"DELETE FROM skills",
		"INSERT INTO skills (term, name) SELECT term, MIN(display) FROM person_terms WHERE field = 'skill' GROUP BY term",
	} {
		if err := tx.Exec(stmt).Error; err != nil {
			return err
		}
	}
	return nil
}
