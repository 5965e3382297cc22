package store

// A large people import on PostgreSQL: the rows go in with COPY (the
// people of the file straight into people, the changed ones and the search
// words through temporary tables), then a few set-based statements. On
// SQLite the same rows go in through gorm, in batches.

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/phonebook"
	"gorm.io/gorm"
)

// importTx runs fn in one transaction. On PostgreSQL the transaction is
// on one connection, which fn gets too, for COPY; on SQLite pg is nil.
func (s *Store) importTx(db *gorm.DB, fn func(tx *gorm.DB, pg *sql.Conn) error) error {
	if s.engine != Postgres {
		return db.Transaction(func(tx *gorm.DB) error { return fn(tx, nil) })
	}
	return db.Connection(func(conn *gorm.DB) error {
		pg, ok := conn.Statement.ConnPool.(*sql.Conn)
		if !ok {
			return fmt.Errorf("no single connection: %T", conn.Statement.ConnPool)
		}
		return conn.Transaction(func(tx *gorm.DB) error { return fn(tx, pg) })
	})
}

// copyFrom copies the rows src gives into table's columns, on the
// connection's open transaction.
func copyFrom(ctx context.Context, pg *sql.Conn, table string, columns []string, src pgx.CopyFromSource) error {
	return pg.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("copy into %s: not a pgx connection: %T", table, dc)
		}
		_, err := c.Conn().CopyFrom(ctx, pgx.Identifier{table}, columns, src)
		return err
	})
}

// importColumns are the columns of people an import writes (all but id).
var importColumns = []string{"name", "email", "phone", "mobile", "phone_key", "mobile_key", "phone_rev", "mobile_rev", "department_id",
	"title", "location", "manager_email", "skills", "roles", "language", "quiet_hours", "employee_number", "sort_key",
	"active", "deactivated_at", "away_until", "away_note", "mobile_visibility", "own_fields", "scim_user_name", "scim_external_id",
	"scim_organisation", "organisation_id", "created_at", "updated_at"}

// personValues are a row's values in the order of id and importColumns.
func personValues(r *personRow) []any {
	return []any{r.ID, r.Name, r.Email, r.Phone, r.Mobile, r.PhoneKey, r.MobileKey, r.PhoneRev, r.MobileRev, r.DepartmentID,
		r.Title, r.Location, r.ManagerEmail, r.Skills, r.Roles, r.Language, r.QuietHours, r.EmployeeNumber, r.SortKey,
		r.Active, r.DeactivatedAt, r.AwayUntil, r.AwayNote, r.MobileVisibility, r.OwnFields, r.ScimUserName, r.ScimExternalID,
		r.ScimOrganisation, r.OrganisationID, r.CreatedAt, r.UpdatedAt}
}

// everyone reads every person's row. On PostgreSQL the columns are
// scanned straight into the rows, several times faster than gorm's Find
// for a million people.
func (s *Store) everyone(db *gorm.DB) ([]personRow, error) {
	var out []personRow
	if s.engine != Postgres {
		err := db.Find(&out).Error
		return out, err
	}
	rows, err := db.Raw("SELECT id, " + joinColumns(importColumns, "") + " FROM people").Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var r personRow
		if err := rows.Scan(personTargets(&r)...); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// personTargets are pointers to a row's fields, in the order of
// personValues.
func personTargets(r *personRow) []any {
	return []any{&r.ID, &r.Name, &r.Email, &r.Phone, &r.Mobile, &r.PhoneKey, &r.MobileKey, &r.PhoneRev, &r.MobileRev, &r.DepartmentID,
		&r.Title, &r.Location, &r.ManagerEmail, &r.Skills, &r.Roles, &r.Language, &r.QuietHours, &r.EmployeeNumber, &r.SortKey,
		&r.Active, &r.DeactivatedAt, &r.AwayUntil, &r.AwayNote, &r.MobileVisibility, &r.OwnFields, &r.ScimUserName, &r.ScimExternalID,
		&r.ScimOrganisation, &r.OrganisationID, &r.CreatedAt, &r.UpdatedAt}
}

// peopleSource gives rows to COPY.
type peopleSource struct {
	rows []*personRow
	i    int
}

func (p *peopleSource) Next() bool             { p.i++; return p.i <= len(p.rows) }
func (p *peopleSource) Values() ([]any, error) { return personValues(p.rows[p.i-1]), nil }
func (p *peopleSource) Err() error             { return nil }

// writePeople writes the people an import creates and changes and their
// search words, and takes who joined a partner organisation out of teams.
// An import on PostgreSQL that adds more people than there were builds the
// indexes of people and person_terms anew (see withoutIndexes).
func (s *Store) writePeople(tx *gorm.DB, pg *sql.Conn, created, changed []*personRow, joined []int64, deptOf map[string]string, before int) error {
	write := func() error {
		if err := s.updatePeople(tx, pg, changed); err != nil {
			return err
		}
		if len(created) > 0 {
			if err := s.insertPeople(tx, pg, created); err != nil {
				return err
			}
		}
		if err := leaveForPartner(tx, joined); err != nil {
			return err
		}
		return s.replaceTerms(tx, pg, created, changed, deptOf)
	}
	if pg == nil {
		return write()
	}
	// Room to sort the words and build the indexes in memory.
	if err := tx.Exec("SET LOCAL work_mem = '64MB'; SET LOCAL maintenance_work_mem = '256MB'").Error; err != nil {
		return err
	}
	if len(created) <= before || len(created) < 1000 {
		return write()
	}
	return withoutIndexes(tx, write)
}

// insertPeople inserts new people and sets their ids, in the order of
// rows. On PostgreSQL the ids are drawn from the sequence first and the
// rows copied in.
func (s *Store) insertPeople(tx *gorm.DB, pg *sql.Conn, rows []*personRow) error {
	if pg == nil {
		return tx.CreateInBatches(rows, 500).Error
	}
	var ids []int64
	if err := tx.Raw("SELECT nextval(pg_get_serial_sequence('people', 'id')) AS id FROM generate_series(1, ?) ORDER BY 1", len(rows)).Scan(&ids).Error; err != nil {
		return err
	} else if len(ids) != len(rows) {
		return fmt.Errorf("insert people: %d ids for %d people", len(ids), len(rows))
	}
	for i, r := range rows {
		r.ID = ids[i]
	}
	return copyFrom(tx.Statement.Context, pg, "people", append([]string{"id"}, importColumns...), &peopleSource{rows: rows})
}

// updatePeople writes changed people whole (as gorm's Save does). On
// PostgreSQL they are copied into a temporary table first, then updated in
// one statement; the table stays until the transaction ends, for
// replaceTerms.
func (s *Store) updatePeople(tx *gorm.DB, pg *sql.Conn, rows []*personRow) error {
	if pg == nil {
		for _, r := range rows {
			if err := tx.Save(r).Error; err != nil {
				return err
			}
		}
		return nil
	}
	if err := tx.Exec("CREATE TEMPORARY TABLE import_people ON COMMIT DROP AS SELECT id, " + joinColumns(importColumns, "") + " FROM people WITH NO DATA").Error; err != nil {
		return err
	}
	if len(rows) == 0 {
		return nil
	}
	if err := copyFrom(tx.Statement.Context, pg, "import_people", append([]string{"id"}, importColumns...), &peopleSource{rows: rows}); err != nil {
		return err
	}
	if err := tx.Exec("ANALYZE import_people").Error; err != nil {
		return err
	}
	set := ""
	for i, c := range importColumns {
		if i > 0 {
			set += ", "
		}
		set += c + " = u." + c
	}
	return tx.Exec("UPDATE people p SET " + set + " FROM import_people u WHERE p.id = u.id").Error
}

func joinColumns(cols []string, prefix string) string {
	out := ""
	for i, c := range cols {
		if i > 0 {
			out += ", "
		}
		out += prefix + c
	}
	return out
}

// recordRows are the rows of records (recordRow), made on every core.
func recordRows(records []intranet.PersonRecord, deptIDs map[string]int64) []personRow {
	rows := make([]personRow, len(records))
	var wg sync.WaitGroup
	n := runtime.GOMAXPROCS(0)
	size := (len(records) + n - 1) / n
	for start := 0; start < len(records); start += size {
		end := min(start+size, len(records))
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := start; i < end; i++ {
				rows[i] = recordRow(records[i], deptIDs)
			}
		}()
	}
	wg.Wait()
	return rows
}

// termCache keeps the words of a name, department, title, location or
// skill list, which many people share: PersonTerms of the whole person is
// the words of each, merged (see personTerms).
type termCache map[[2]string][]phonebook.Term

func (c termCache) of(field, value string, p *intranet.Person) []phonebook.Term {
	k := [2]string{field, value}
	if t, ok := c[k]; ok {
		return t
	}
	t := phonebook.PersonTerms(p)
	if field != "name" && len(c) < 10000 { // names are mostly one person's
		c[k] = t
	}
	return t
}

// personTerms are the words row is found by (none for who left); dept is
// the name of their department. They are phonebook.PersonTerms of the
// person: the words of each field in PersonTerms' order, a word found
// again kept from the first field with its highest weight.
func personTerms(row *personRow, dept string, c termCache) []personTermRow {
	if !row.Active {
		return nil // who left is found by no word until they come back
	}
	var words []phonebook.Term
	for _, part := range [][]phonebook.Term{
		c.of("name", row.Name, &intranet.Person{Name: row.Name}),
		c.of("department", dept, &intranet.Person{Department: dept}),
		c.of("title", row.Title, &intranet.Person{Title: row.Title}),
		c.of("location", row.Location, &intranet.Person{Location: row.Location}),
		c.of("skills", row.Skills, &intranet.Person{Skills: splitList(row.Skills)}),
	} {
	merge:
		for _, t := range part {
			for i := range words {
				if words[i].Term == t.Term {
					if words[i].Weight < t.Weight {
						words[i] = t
					}
					continue merge
				}
			}
			words = append(words, t)
		}
	}
	slices.SortFunc(words, func(a, b phonebook.Term) int { return strings.Compare(a.Term, b.Term) })
	terms := make([]personTermRow, len(words))
	for i, t := range words {
		terms[i] = personTermRow{Term: t.Term, PersonID: row.ID, Display: t.Display, Field: t.Field, Weight: t.Weight, SortKey: row.SortKey, DepartmentID: row.DepartmentID}
	}
	return terms
}

// buildTerms makes the words of rows on every core, and hands each batch
// of them to out as it is ready (in no particular order); out is closed at
// the end.
func buildTerms(rows []*personRow, deptOf map[string]string, out chan<- []personTermRow, stop <-chan struct{}) {
	batches := make(chan []*personRow)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cache := termCache{}
			for b := range batches {
				var terms []personTermRow
				for _, r := range b {
					terms = append(terms, personTerms(r, deptOf[r.Email], cache)...)
				}
				select {
				case out <- terms:
				case <-stop:
				}
			}
		}()
	}
	go func() {
	feed:
		for _, b := range chunks(rows, 2000) {
			select {
			case batches <- b:
			case <-stop:
				break feed
			}
		}
		close(batches)
		wg.Wait()
		close(out)
	}()
}

// termSource gives the words buildTerms makes to COPY.
type termSource struct {
	in    <-chan []personTermRow
	batch []personTermRow
	i     int
}

func (t *termSource) Next() bool {
	for t.i >= len(t.batch) {
		b, ok := <-t.in
		if !ok {
			return false
		}
		t.batch, t.i = b, 0
	}
	t.i++
	return true
}

func (t *termSource) Values() ([]any, error) {
	r := &t.batch[t.i-1]
	return []any{r.Term, r.PersonID, r.Display, r.Field, r.Weight, r.SortKey, r.DepartmentID}, nil
}

func (t *termSource) Err() error { return nil }

var termColumns = []string{"term", "person_id", "display", "field", "weight", "sort_key", "department_id"}

// replaceTerms makes the search words of the created and changed people
// those of their rows. On PostgreSQL the words are built on every core
// while they are copied into a temporary table; then the words of changed
// people that no longer hold are deleted and the new ones inserted, in the
// order of the primary key. Words that stay the same are not touched.
func (s *Store) replaceTerms(tx *gorm.DB, pg *sql.Conn, created, changed []*personRow, deptOf map[string]string) error {
	if pg == nil {
		ids := make([]int64, len(changed))
		for i, r := range changed {
			ids[i] = r.ID
		}
		for _, batch := range chunks(ids, 1000) {
			if err := tx.Exec("DELETE FROM person_terms WHERE person_id IN ?", batch).Error; err != nil {
				return err
			}
		}
		var terms []personTermRow
		cache := termCache{}
		for _, r := range append(created, changed...) {
			terms = append(terms, personTerms(r, deptOf[r.Email], cache)...)
		}
		if len(terms) == 0 {
			return nil
		}
		return tx.CreateInBatches(terms, 1000).Error
	}
	if len(created) > 0 {
		// New people have no words yet: theirs go straight in.
		if err := copyTerms(tx, pg, "person_terms", created, deptOf); err != nil {
			return err
		}
	}
	if len(changed) == 0 {
		return nil
	}
	if err := tx.Exec("CREATE TEMPORARY TABLE import_terms ON COMMIT DROP AS SELECT " + joinColumns(termColumns, "") + " FROM person_terms WITH NO DATA").Error; err != nil {
		return err
	}
	if err := copyTerms(tx, pg, "import_terms", changed, deptOf); err != nil {
		return err
	}
	if err := tx.Exec("ANALYZE import_terms").Error; err != nil {
		return err
	}
	err := tx.Exec(`DELETE FROM person_terms t USING import_people u WHERE t.person_id = u.id AND NOT EXISTS (
	SELECT 1 FROM import_terms n WHERE n.person_id = t.person_id AND n.term = t.term AND n.display = t.display AND n.field = t.field
		AND n.weight = t.weight AND n.sort_key = t.sort_key AND n.department_id IS NOT DISTINCT FROM t.department_id)`).Error
	if err != nil {
		return err
	}
	return tx.Exec("INSERT INTO person_terms (" + joinColumns(termColumns, "") + ") SELECT " + joinColumns(termColumns, "n.") +
		" FROM import_terms n WHERE NOT EXISTS (SELECT 1 FROM person_terms t WHERE t.term = n.term AND t.person_id = n.person_id) ORDER BY n.term, n.person_id").Error
}

// copyTerms copies the words of rows into table, building them on every
// core while the copy runs.
func copyTerms(tx *gorm.DB, pg *sql.Conn, table string, rows []*personRow, deptOf map[string]string) error {
	out := make(chan []personTermRow, 4)
	stop := make(chan struct{})
	defer close(stop)
	buildTerms(rows, deptOf, out, stop)
	return copyFrom(tx.Statement.Context, pg, table, termColumns, &termSource{in: out})
}

// dropIndexes drops table's indexes, the primary key too when withKey
// (other constraints stay), and returns the statements that make them
// again as they were.
func dropIndexes(tx *gorm.DB, table string, withKey bool) ([]string, error) {
	var again []string
	if withKey {
		var keys []struct{ Conname, Def string }
		if err := tx.Raw("SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = ?::regclass AND contype = 'p'", table).Scan(&keys).Error; err != nil {
			return nil, err
		}
		for _, k := range keys {
			if err := tx.Exec("ALTER TABLE " + pgx.Identifier{table}.Sanitize() + " DROP CONSTRAINT " + pgx.Identifier{k.Conname}.Sanitize()).Error; err != nil {
				return nil, err
			}
			again = append(again, "ALTER TABLE "+pgx.Identifier{table}.Sanitize()+" ADD CONSTRAINT "+pgx.Identifier{k.Conname}.Sanitize()+" "+k.Def)
		}
	}
	var rows []struct{ Indexname, Indexdef string }
	err := tx.Raw(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ?
	AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = ?::regclass)`, table, table).Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		if err := tx.Exec("DROP INDEX " + pgx.Identifier{r.Indexname}.Sanitize()).Error; err != nil {
			return nil, err
		}
		again = append(again, r.Indexdef)
	}
	return again, nil
}

// withoutIndexes runs fn with the indexes of people (but those of its
// constraints) and person_terms (its primary key too) dropped, then
// builds them again as they were: for an import that writes more rows
// than the tables hold, building an index once is many times faster than
// adding to it row by row. The tables stay locked until the transaction
// ends (a search waits for the import, instead of seeing the old
// phonebook).
func withoutIndexes(tx *gorm.DB, fn func() error) error {
	var again []string
	for _, t := range []string{"people", "person_terms"} {
		stmts, err := dropIndexes(tx, t, t == "person_terms")
		if err != nil {
			return err
		}
		again = append(again, stmts...)
	}
	if err := fn(); err != nil {
		return err
	}
	for _, stmt := range again {
		if err := tx.Exec(stmt).Error; err != nil {
			return err
		}
	}
	return nil
}
