package store

// The partner organisations a people file names.

import (
	"fmt"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/phonebook"
	"gorm.io/gorm"
)

// importOrgs are the partner organisations of an import: the ids by key
// (a stand-in below zero for one the file adds, until it is added), the
// names of those the file adds, and the records with the roles a partner
// may have.
type importOrgs struct {
	ids      map[string]int64
	added    []string
	records  []intranet.PersonRecord
	problems []intranet.ImportProblem
}

// importOrganisations finds the organisations the records name (case and
// accents ignored), and takes from the records of partners (named so, or
// already one in a file without the organisation column) every role but
// employee and guest, as SetOrganisation does.
func importOrganisations(db *gorm.DB, records []intranet.PersonRecord) (*importOrgs, error) {
	var stored []partnerOrgRow
	if err := db.Raw("SELECT id, key FROM partner_orgs").Scan(&stored).Error; err != nil {
		return nil, err
	}
	o := &importOrgs{ids: make(map[string]int64, len(stored))}
	for _, r := range stored {
		o.ids[r.Key] = r.ID
	}
	var partners []string
	if err := db.Raw("SELECT email FROM people WHERE organisation_id IS NOT NULL").Scan(&partners).Error; err != nil {
		return nil, err
	}
	partner := make(map[string]bool, len(partners))
	for _, e := range partners {
		partner[e] = true
	}
	o.records = make([]intranet.PersonRecord, len(records))
	for i, r := range records {
		r.Organisation = strings.Join(strings.Fields(r.Organisation), " ")
		if r.Organisation != "" {
			k := phonebook.Key(r.Organisation)
			if _, ok := o.ids[k]; !ok && k != "" {
				o.ids[k] = -int64(len(o.added)) - 1
				o.added = append(o.added, r.Organisation)
			} else if k == "" {
				o.problems = append(o.problems, intranet.ImportProblem{Line: r.Line, Reason: fmt.Sprintf("organisation %q has no letters or digits", r.Organisation),
					ReasonNL: fmt.Sprintf("organisatie %q heeft geen letters of cijfers", r.Organisation)})
			}
		}
		if r.Organisation != "" || (!r.OrganisationColumn && partner[strings.ToLower(r.Email)]) {
			var roles []intranet.Role
			for _, x := range r.Roles {
				if x.Basic() {
					roles = append(roles, x)
				}
			}
			r.Roles = roles
		}
		o.records[i] = r
	}
	return o, nil
}

// set gives a record's row its organisation: the one it names, none for
// an empty one in a file with the organisation column (an employee
// again), else the one the person has (old nil: none).
func (o *importOrgs) set(row *personRow, r intranet.PersonRecord, old *personRow) {
	switch {
	case r.Organisation != "":
		id := o.ids[phonebook.Key(r.Organisation)]
		row.OrganisationID = &id
	case r.OrganisationColumn || old == nil:
		row.OrganisationID = nil
	default:
		row.OrganisationID = old.OrganisationID
	}
}
