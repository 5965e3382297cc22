package feature

import "github.com/werkplek/werkplek/intranet"

// PartnerCard is a contact as a partner sees them: the name always, and of
// the other fields only those the organisation shares with partners
// (WERKPLEK_PARTNER_FIELDS, read by intranet.ParsePartnerFields: title,
// department, phone, email, location). A mobile number is never shown,
// whatever fields says: it is private. Empty fields are left out. The
// partner unit and the phonebook's answer to a partner both use it, so
// that one rule decides what reaches a partner.
func PartnerCard(c *Call, p *intranet.Person, fields []string) intranet.Section {
	p = p.SharedWithPartners(fields)
	s := intranet.Section{Title: p.Name}
	for _, f := range fields {
		var label, value string
		switch f {
		case "title":
			label, value = c.T("Functie", "Title"), p.Title
		case "department":
			label, value = c.T("Afdeling", "Department"), p.Department
		case "phone":
			label, value = c.T("Telefoon", "Phone"), p.Phone
		case "email":
			label, value = c.T("E-mail", "Email"), p.Email
		case "location":
			label, value = c.T("Locatie", "Location"), p.Location
		}
		if value != "" {
			s.Fields = append(s.Fields, intranet.Field{Label: label, Value: value})
		}
	}
	return s
}
