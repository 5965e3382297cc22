package store

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/phonebook"
	"gorm.io/gorm"
)

// Partners: the partner organisations, their email domains, their
// contacts (employees named for them), and who belongs to one
// (people.organisation_id). Rooms and topics may be opened to partners,
// a partner's booking has a host, and a news item may be addressed to
// partners (all, or one organisation).
func init() {
	register(migration{25, "partners: organisations, domains, contacts; visitor rooms, partner topics, news for partners", `
CREATE TABLE partner_orgs (
	id bigserial PRIMARY KEY,
	name text NOT NULL,
	key text NOT NULL UNIQUE,
	created_at timestamptz NOT NULL
);
CREATE TABLE partner_domains (
	domain text PRIMARY KEY,
	org_id bigint NOT NULL REFERENCES partner_orgs(id) ON DELETE CASCADE
);
CREATE INDEX partner_domains_org ON partner_domains (org_id);
CREATE TABLE partner_contacts (
	org_id bigint NOT NULL REFERENCES partner_orgs(id) ON DELETE CASCADE,
	person_id bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	PRIMARY KEY (org_id, person_id)
);
CREATE INDEX partner_contacts_person ON partner_contacts (person_id);
ALTER TABLE people ADD COLUMN organisation_id bigint REFERENCES partner_orgs(id);
CREATE INDEX people_organisation ON people (organisation_id) WHERE organisation_id IS NOT NULL;
ALTER TABLE rooms ADD COLUMN partners boolean NOT NULL DEFAULT false;
ALTER TABLE bookings ADD COLUMN host_id bigint REFERENCES people(id) ON DELETE SET NULL;
ALTER TABLE question_topics ADD COLUMN partners boolean NOT NULL DEFAULT false;
ALTER TABLE news_items ADD COLUMN partners boolean NOT NULL DEFAULT false;
ALTER TABLE news_items ADD COLUMN partner_org_id bigint REFERENCES partner_orgs(id) ON DELETE SET NULL;
`, `
CREATE TABLE partner_orgs (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	name TEXT NOT NULL,
	key TEXT NOT NULL UNIQUE,
	created_at DATETIME NOT NULL
);
CREATE TABLE partner_domains (
	domain TEXT PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES partner_orgs(id) ON DELETE CASCADE
);
CREATE INDEX partner_domains_org ON partner_domains (org_id);
CREATE TABLE partner_contacts (
	org_id INTEGER NOT NULL REFERENCES partner_orgs(id) ON DELETE CASCADE,
	person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	PRIMARY KEY (org_id, person_id)
);
CREATE INDEX partner_contacts_person ON partner_contacts (person_id);
ALTER TABLE people ADD COLUMN organisation_id INTEGER REFERENCES partner_orgs(id);
CREATE INDEX people_organisation ON people (organisation_id) WHERE organisation_id IS NOT NULL;
ALTER TABLE rooms ADD COLUMN partners BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE bookings ADD COLUMN host_id INTEGER REFERENCES people(id) ON DELETE SET NULL;
ALTER TABLE question_topics ADD COLUMN partners BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE news_items ADD COLUMN partners BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE news_items ADD COLUMN partner_org_id INTEGER REFERENCES partner_orgs(id) ON DELETE SET NULL;
`})
}

// partnerOrgRow is a row of partner_orgs.
type partnerOrgRow struct {
	ID        int64 `gorm:"primaryKey"`
	Name      string
	Key       string
	CreatedAt time.Time
	Members   int `gorm:"->"`
	Contacts  int `gorm:"->"`
}

// maxOrganisationName bounds a partner organisation's name.
const maxOrganisationName = phonebook.MaxOrganisation

// AddOrganisation adds a partner organisation.
func (s *Store) AddOrganisation(ctx context.Context, name string) (*intranet.Organisation, error) {
	name = strings.Join(strings.Fields(name), " ")
	key := phonebook.Key(name)
	switch {
	case key == "":
		return nil, intranet.Errorf(intranet.EINVALID, "An organisation needs a name.")
	case utf8.RuneCountInString(name) > maxOrganisationName:
		return nil, intranet.Errorf(intranet.EINVALID, "An organisation's name has at most %d characters.", maxOrganisationName)
	}
	var id int64
	err := s.conn(ctx).Raw("INSERT INTO partner_orgs (name, key, created_at) VALUES (?, ?, ?) RETURNING id", name, key, s.Now().UTC()).Scan(&id).Error
	if err = translate(err); intranet.ErrorCode(err) == intranet.ECONFLICT {
		return nil, intranet.Errorf(intranet.ECONFLICT, "There is a partner organisation %q already.", name)
	} else if err != nil {
		return nil, fmt.Errorf("add organisation: %w", err)
	}
	return s.OrganisationByID(ctx, id)
}

// Organisations returns every partner organisation, by name.
func (s *Store) Organisations(ctx context.Context) ([]*intranet.Organisation, error) {
	return s.organisationsWhere(ctx, "")
}

// FindOrganisation finds one by name (case and accents ignored).
func (s *Store) FindOrganisation(ctx context.Context, name string) (*intranet.Organisation, error) {
	return s.oneOrganisation(ctx, fmt.Sprintf("No partner organisation %q.", strings.TrimSpace(name)), "o.key = ?", phonebook.Key(name))
}

// OrganisationByID returns ENOTFOUND for an unknown id.
func (s *Store) OrganisationByID(ctx context.Context, id int64) (*intranet.Organisation, error) {
	return s.oneOrganisation(ctx, fmt.Sprintf("No partner organisation %d.", id), "o.id = ?", id)
}

// OrganisationOfDomain finds the organisation an email domain belongs to.
func (s *Store) OrganisationOfDomain(ctx context.Context, domain string) (*intranet.Organisation, error) {
	domain = strings.ToLower(strings.TrimSpace(domain))
	return s.oneOrganisation(ctx, fmt.Sprintf("No partner organisation has the domain %q.", domain), "o.id IN (SELECT org_id FROM partner_domains WHERE domain = ?)", domain)
}

func (s *Store) oneOrganisation(ctx context.Context, missing, where string, args ...any) (*intranet.Organisation, error) {
	orgs, err := s.organisationsWhere(ctx, where, args...)
	if err != nil {
		return nil, err
	} else if len(orgs) == 0 {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "%s", missing)
	}
	return orgs[0], nil
}

func (s *Store) organisationsWhere(ctx context.Context, where string, args ...any) ([]*intranet.Organisation, error) {
	q := `SELECT o.id, o.name, o.key, o.created_at,
	(SELECT COUNT(*) FROM people p WHERE p.organisation_id = o.id AND p.active) AS members,
	(SELECT COUNT(*) FROM partner_contacts c JOIN people p ON p.id = c.person_id WHERE c.org_id = o.id AND p.active) AS contacts
FROM partner_orgs o`
	if where != "" {
		q += " WHERE " + where
	}
	var rows []partnerOrgRow
	if err := s.conn(ctx).Raw(q+" ORDER BY o.key", args...).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("organisations: %w", translate(err))
	}
	out := make([]*intranet.Organisation, len(rows))
	byID := map[int64]*intranet.Organisation{}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		out[i] = &intranet.Organisation{ID: r.ID, Name: r.Name, Members: r.Members, Contacts: r.Contacts, Created: r.CreatedAt}
		byID[r.ID], ids[i] = out[i], r.ID
	}
	if len(ids) == 0 {
		return out, nil
	}
	var domains []struct {
		Domain string
		OrgID  int64
	}
	if err := s.conn(ctx).Raw("SELECT domain, org_id FROM partner_domains WHERE org_id IN ? ORDER BY domain", ids).Scan(&domains).Error; err != nil {
		return nil, fmt.Errorf("organisation domains: %w", translate(err))
	}
	for _, d := range domains {
		byID[d.OrgID].Domains = append(byID[d.OrgID].Domains, d.Domain)
	}
	return out, nil
}

// validDomain is a lowercase host name with a dot: "thuiszorgmidden.nl".
var validDomain = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$`)

// AddPartnerDomain gives an organisation an email domain.
func (s *Store) AddPartnerDomain(ctx context.Context, orgID int64, domain string) error {
	domain = strings.TrimPrefix(strings.ToLower(strings.TrimSpace(domain)), "@")
	if len(domain) > 253 || !validDomain.MatchString(domain) {
		return intranet.Errorf(intranet.EINVALID, "%q is no email domain (such as thuiszorgmidden.nl).", domain)
	}
	return s.InTx(ctx, func(ctx context.Context) error {
		db := s.conn(ctx)
		if _, err := s.OrganisationByID(ctx, orgID); err != nil {
			return err
		}
		var owner []int64
		if err := db.Raw("SELECT org_id FROM partner_domains WHERE domain = ?", domain).Scan(&owner).Error; err != nil {
			return translate(err)
		}
		switch {
		case len(owner) > 0 && owner[0] == orgID:
			return nil
		case len(owner) > 0:
			other, err := s.OrganisationByID(ctx, owner[0])
			if err != nil {
				return err
			}
			return intranet.Errorf(intranet.ECONFLICT, "The domain %s belongs to %s already.", domain, other.Name)
		}
		// The organisation's own domain is no partner's: every new
		// account of it would become a partner on first contact.
		var employees int64
		if err := db.Raw(`SELECT COUNT(*) FROM people p WHERE p.active AND p.organisation_id IS NULL
AND (';' || LOWER(p.roles) || ';') NOT LIKE '%;guest;%' AND LOWER(p.email) LIKE ? ESCAPE '\'`, "%@"+escapeLike(domain)).Scan(&employees).Error; err != nil {
			return translate(err)
		}
		if employees > 0 {
			return intranet.Errorf(intranet.ECONFLICT, "%d employees have an address at %s: it is no partner's domain.", employees, domain)
		}
		return translate(db.Exec("INSERT INTO partner_domains (domain, org_id) VALUES (?, ?)", domain, orgID).Error)
	})
}

// RemovePartnerDomain takes a domain from an organisation.
func (s *Store) RemovePartnerDomain(ctx context.Context, orgID int64, domain string) error {
	domain = strings.TrimPrefix(strings.ToLower(strings.TrimSpace(domain)), "@")
	res := s.conn(ctx).Exec("DELETE FROM partner_domains WHERE org_id = ? AND domain = ?", orgID, domain)
	if res.Error != nil {
		return fmt.Errorf("remove partner domain: %w", translate(res.Error))
	} else if res.RowsAffected == 0 {
		return intranet.Errorf(intranet.ENOTFOUND, "The organisation has no domain %s.", domain)
	}
	return nil
}

// AddPartnerContact names an active employee as an organisation's contact.
func (s *Store) AddPartnerContact(ctx context.Context, orgID, personID int64) error {
	return s.InTx(ctx, func(ctx context.Context) error {
		if _, err := s.OrganisationByID(ctx, orgID); err != nil {
			return err
		}
		p, err := s.FindPersonByID(ctx, personID)
		switch {
		case err != nil:
			return err
		case p.Inactive:
			return intranet.Errorf(intranet.EINVALID, "%s no longer works here.", p.Name)
		case p.IsGuest():
			return intranet.Errorf(intranet.EINVALID, "%s is a guest or partner, not an employee: a contact is an employee.", p.Name)
		}
		return translate(s.conn(ctx).Exec("INSERT INTO partner_contacts (org_id, person_id) VALUES (?, ?) ON CONFLICT DO NOTHING", orgID, personID).Error)
	})
}

// RemovePartnerContact takes a contact from an organisation.
func (s *Store) RemovePartnerContact(ctx context.Context, orgID, personID int64) error {
	res := s.conn(ctx).Exec("DELETE FROM partner_contacts WHERE org_id = ? AND person_id = ?", orgID, personID)
	if res.Error != nil {
		return fmt.Errorf("remove partner contact: %w", translate(res.Error))
	} else if res.RowsAffected == 0 {
		return intranet.Errorf(intranet.ENOTFOUND, "That person is no contact of the organisation.")
	}
	return nil
}

// PartnerContacts returns an organisation's active contacts, by name.
func (s *Store) PartnerContacts(ctx context.Context, orgID int64) ([]*intranet.Person, error) {
	return s.readPeople(ctx, false, "p.active AND p.id IN (SELECT person_id FROM partner_contacts WHERE org_id = ?) ORDER BY p.sort_key, p.id", orgID)
}

// PartnerMembers returns an organisation's active people, by name.
func (s *Store) PartnerMembers(ctx context.Context, orgID int64) ([]*intranet.Person, error) {
	return s.readPeople(ctx, false, "p.active AND p.organisation_id = ? ORDER BY p.sort_key, p.id", orgID)
}

// SetOrganisation makes a person a partner of an organisation (0: of
// none). A partner leaves every team, is nobody's contact, and keeps no
// role beyond employee and guest; an admin could otherwise lose the last
// admin this way, so that is refused as role removal is.
func (s *Store) SetOrganisation(ctx context.Context, personID, orgID int64) error {
	return s.InTx(ctx, func(ctx context.Context) error {
		db := s.conn(ctx)
		if err := s.personExists(db, personID); err != nil {
			return err
		}
		if orgID == 0 {
			return translate(db.Exec("UPDATE people SET organisation_id = NULL, updated_at = ? WHERE id = ?", s.Now().UTC(), personID).Error)
		}
		if _, err := s.OrganisationByID(ctx, orgID); err != nil {
			return err
		}
		if err := s.keepAnAdmin(db, personID); err != nil {
			return err
		}
		var roles string
		if err := db.Raw("SELECT roles FROM people WHERE id = ?", personID).Scan(&roles).Error; err != nil {
			return translate(err)
		}
		if err := db.Exec("UPDATE people SET organisation_id = ?, roles = ?, updated_at = ? WHERE id = ?", orgID, partnerRoles(roles), s.Now().UTC(), personID).Error; err != nil {
			return translate(err)
		}
		return translate(leaveForPartner(db, []int64{personID}))
	})
}

// partnerRoles keeps of a person's roles (as stored: "a;b") only those a
// partner may have: employee and guest.
func partnerRoles(roles string) string {
	var keep []string
	for _, r := range splitList(roles) {
		if role, _ := intranet.ParseRole(r); role.Basic() {
			keep = append(keep, string(role))
		}
	}
	return strings.Join(keep, ";")
}

// leaveForPartner takes people who became partners out of every team, the
// contacts of organisations and the experts of topics.
func leaveForPartner(db *gorm.DB, ids []int64) error {
	for _, batch := range chunks(ids, 1000) {
		for _, table := range []string{"team_members", "partner_contacts", "question_experts"} {
			if err := db.Exec("DELETE FROM "+table+" WHERE person_id IN ?", batch).Error; err != nil {
				return err
			}
		}
	}
	return nil
}

// AddPartnerPerson returns the active person with the email, else adds
// them as a partner of the organisation. Someone who left stays gone
// (EINVALID): an admin brings them back.
func (s *Store) AddPartnerPerson(ctx context.Context, orgID int64, email, name string) (*intranet.Person, bool, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	if !phonebook.ValidEmail(email) {
		return nil, false, intranet.Errorf(intranet.EINVALID, "%q is not an email address.", email)
	}
	name = strings.Join(strings.Fields(name), " ")
	if name == "" {
		name, _, _ = strings.Cut(email, "@")
	}
	var id int64
	created := false
	err := s.InTx(ctx, func(ctx context.Context) error {
		db := s.conn(ctx)
		if _, err := s.OrganisationByID(ctx, orgID); err != nil {
			return err
		}
		var old []personRow
		if err := db.Where("email = ?", email).Find(&old).Error; err != nil {
			return translate(err)
		}
		if len(old) > 0 {
			if !old[0].Active {
				return intranet.Errorf(intranet.EINVALID, "%s left; an admin brings them back with /werkplek person activate.", email)
			}
			id = old[0].ID
			return nil
		}
		now := s.Now().UTC()
		row := recordRow(intranet.PersonRecord{Name: name, Email: email}, nil)
		row.OrganisationID, row.CreatedAt, row.UpdatedAt = &orgID, now, now
		if err := db.Create(&row).Error; err != nil {
			return translate(err)
		}
		id, created = row.ID, true
		return s.writeTerms(db, id)
	})
	if err != nil {
		return nil, false, err
	}
	p, err := s.FindPersonByID(ctx, id)
	return p, created, err
}
