package intranet

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// Organisation is a partner organisation: a supplier, customer, care
// partner or client whose people use Werkplek from the same chats as
// guests (the extranet). A person belongs to at most one; a partner sees
// only what is shared with partners (DESIGN.md's guest), and employees
// see them labelled.
type Organisation struct {
	ID   int64
	Name string
	// Domains are the email domains of its people ("thuiszorgmidden.nl"),
	// lowercase: a guest account with such an address is linked to a new
	// partner person of the organisation on first contact.
	Domains []string
	// Members and Contacts count its active people and the employees named
	// as its contacts (Organisations fills them).
	Members, Contacts int
	Created           time.Time
}

// PartnerLabel is how employees see a partner: "Anna Smit · Thuiszorg
// Midden (partner)" (the same in Dutch and English).
func PartnerLabel(name, organisation string) string {
	if organisation == "" {
		return name
	}
	return name + " · " + organisation + " (partner)"
}

// PartnerFields are the phonebook fields an organisation may share with
// partners about its contacts, besides the name. A mobile number is never
// one of them: it is private.
var PartnerFields = []string{"title", "department", "phone", "email", "location"}

// DefaultPartnerFields is WERKPLEK_PARTNER_FIELDS's default.
const DefaultPartnerFields = "title,department,phone"

// ParsePartnerFields reads a comma-separated list of PartnerFields
// (Dutch names too: functie, afdeling, telefoon, e-mail, locatie).
func ParsePartnerFields(s string) ([]string, error) {
	nl := map[string]string{"functie": "title", "afdeling": "department", "telefoon": "phone", "e-mail": "email", "locatie": "location"}
	var out []string
	for _, f := range strings.Split(s, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		if en, ok := nl[f]; ok {
			f = en
		}
		switch {
		case f == "" || f == "name" || f == "naam":
			continue // the name is always shared
		case f == "mobile" || f == "mobiel":
			return nil, fmt.Errorf("a mobile number is private and never shared with partners")
		}
		known := false
		for _, x := range PartnerFields {
			known = known || x == f
		}
		if !known {
			return nil, fmt.Errorf("unknown field %q (fields: %s)", f, strings.Join(PartnerFields, ", "))
		}
		out = append(out, f)
	}
	return out, nil
}

// SharedWithPartners is what a partner may see of a person (their
// contact): a copy with the id, the name and only the fields listed
// (PartnerFields; a mobile number, skills, manager, accounts and
// everything else never). Every reply to a partner about a person is
// built from such a copy.
func (p *Person) SharedWithPartners(fields []string) *Person {
	v := &Person{ID: p.ID, Name: p.Name}
	for _, f := range fields {
		switch f {
		case "title":
			v.Title = p.Title
		case "department":
			v.Department = p.Department
		case "phone":
			v.Phone = p.Phone
		case "email":
			v.Email = p.Email
		case "location":
			v.Location = p.Location
		}
	}
	return v
}

// EmailDomain returns the lowercase domain of an email address, "" when it
// has none.
func EmailDomain(email string) string {
	_, domain, ok := strings.Cut(strings.ToLower(strings.TrimSpace(email)), "@")
	if !ok {
		return ""
	}
	return domain
}

// PartnerService keeps the partner organisations, their domains, their
// contacts (employees) and their members (partner people).
type PartnerService interface {
	// AddOrganisation adds one; ECONFLICT when the name exists in any
	// letter case, EINVALID for an empty or overlong name.
	AddOrganisation(ctx context.Context, name string) (*Organisation, error)
	// Organisations returns every organisation, by name, with domains and
	// counts.
	Organisations(ctx context.Context) ([]*Organisation, error)
	// FindOrganisation finds one by name in any letter case; ENOTFOUND.
	FindOrganisation(ctx context.Context, name string) (*Organisation, error)
	// OrganisationByID returns ENOTFOUND for an unknown id.
	OrganisationByID(ctx context.Context, id int64) (*Organisation, error)
	// OrganisationOfDomain finds the organisation an email domain belongs
	// to; ENOTFOUND.
	OrganisationOfDomain(ctx context.Context, domain string) (*Organisation, error)
	// AddPartnerDomain gives an organisation an email domain; ECONFLICT
	// when another organisation has it or active employees have addresses
	// at it, EINVALID for something that is no domain. Adding a domain it
	// has already changes nothing.
	AddPartnerDomain(ctx context.Context, orgID int64, domain string) error
	// RemovePartnerDomain returns ENOTFOUND when it does not have it.
	RemovePartnerDomain(ctx context.Context, orgID int64, domain string) error
	// AddPartnerContact names an employee as the organisation's contact;
	// EINVALID for a partner or a guest.
	AddPartnerContact(ctx context.Context, orgID, personID int64) error
	// RemovePartnerContact returns ENOTFOUND when they are none.
	RemovePartnerContact(ctx context.Context, orgID, personID int64) error
	// PartnerContacts returns the organisation's active contacts, by name.
	PartnerContacts(ctx context.Context, orgID int64) ([]*Person, error)
	// PartnerMembers returns the organisation's active people, by name.
	PartnerMembers(ctx context.Context, orgID int64) ([]*Person, error)
	// SetOrganisation makes a person a partner of the organisation (0:
	// nobody's partner any more). A partner is in no team, and holds no
	// role beyond employee and guest.
	SetOrganisation(ctx context.Context, personID, orgID int64) error
	// AddPartnerPerson returns the active person with the email when there
	// is one (created false), else adds them to the phonebook as a partner
	// of the organisation (name: the part before @ when empty).
	AddPartnerPerson(ctx context.Context, orgID int64, email, name string) (p *Person, created bool, err error)
}
