package phonebook

import (
	"fmt"
	"io"
	"net/mail"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/csvfile"
)

// CSVColumns are the columns of the people CSV, in the order of DESIGN.md,
// then the optional employee_number (payroll's number, for the hours export)
// and organisation (the partner organisation a person belongs to; empty for
// an employee).
var CSVColumns = []string{"name", "email", "phone", "mobile", "department", "title", "location", "manager_email", "skills", "roles", "employee_number", "organisation"}

// MaxOrganisation is the longest partner organisation name a file may hold.
const MaxOrganisation = 100

// MaxEmployeeNumber is the longest employee number a people file may hold.
const MaxEmployeeNumber = 40

// ParseCSV reads people from a file with a header row (CSV in any
// separator and encoding csvfile takes, or an .xlsx workbook) and checks
// every line it can without the database. It returns the records of the
// good lines and a problem for every bad one, so that a file with errors
// can be reported in one go. Columns other than name and email may be left
// out of the header; unknown columns are an error.
func ParseCSV(r io.Reader) ([]intranet.PersonRecord, []intranet.ImportProblem) {
	f, problems := csvfile.Open(r, CSVColumns, "name", "email")
	if problems != nil {
		return nil, problems
	}
	var records []intranet.PersonRecord
	seen := map[string]int{}
	for {
		row, problem, more := f.Next()
		if !more {
			break
		}
		if problem != nil {
			problems = append(problems, *problem)
			continue
		}
		line, get := row.Line, row.Get
		rec := intranet.PersonRecord{
			Line: line, Name: strings.Join(strings.Fields(get("name")), " "), Email: strings.ToLower(get("email")),
			Phone: get("phone"), Mobile: get("mobile"), Department: get("department"), Title: get("title"),
			Location: get("location"), ManagerEmail: strings.ToLower(get("manager_email")), Skills: splitList(get("skills")),
			EmployeeNumber: strings.TrimSpace(get("employee_number")),
			Organisation:   strings.Join(strings.Fields(get("organisation")), " "), OrganisationColumn: row.Has("organisation"),
		}
		bad := func(reason, reasonNL string) {
			problems = append(problems, intranet.ImportProblem{Line: line, Reason: reason, ReasonNL: reasonNL})
		}
		ok := true
		if rec.Name == "" {
			bad("missing name", "naam ontbreekt")
			ok = false
		}
		switch {
		case rec.Email == "":
			bad("missing email", "e-mailadres ontbreekt")
			ok = false
		case !ValidEmail(rec.Email):
			bad(fmt.Sprintf("bad email %q", rec.Email), fmt.Sprintf("ongeldig e-mailadres %q", rec.Email))
			ok = false
		case seen[rec.Email] > 0:
			bad(fmt.Sprintf("email %s also on line %d", rec.Email, seen[rec.Email]), fmt.Sprintf("e-mailadres %s staat ook op regel %d", rec.Email, seen[rec.Email]))
			ok = false
		default:
			seen[rec.Email] = line
		}
		if rec.ManagerEmail != "" && !ValidEmail(rec.ManagerEmail) {
			bad(fmt.Sprintf("bad manager email %q", rec.ManagerEmail), fmt.Sprintf("ongeldig e-mailadres van de manager %q", rec.ManagerEmail))
			ok = false
		}
		if rec.ManagerEmail != "" && rec.ManagerEmail == rec.Email {
			bad("a person cannot be their own manager", "iemand kan niet zijn eigen manager zijn")
			ok = false
		}
		if len([]rune(rec.EmployeeNumber)) > MaxEmployeeNumber {
			bad(fmt.Sprintf("employee number longer than %d characters", MaxEmployeeNumber), fmt.Sprintf("personeelsnummer langer dan %d tekens", MaxEmployeeNumber))
			ok = false
		}
		if len([]rune(rec.Organisation)) > MaxOrganisation {
			bad(fmt.Sprintf("organisation longer than %d characters", MaxOrganisation), fmt.Sprintf("organisatie langer dan %d tekens", MaxOrganisation))
			ok = false
		}
		for _, p := range []string{rec.Phone, rec.Mobile} {
			if p != "" && PhoneKey(p) == "" {
				bad(fmt.Sprintf("phone number %q has no digits", p), fmt.Sprintf("telefoonnummer %q heeft geen cijfers", p))
				ok = false
			}
		}
		for _, name := range splitList(get("roles")) {
			role, known := intranet.ParseRole(name)
			if !known {
				bad(fmt.Sprintf("unknown role %q; roles are employee, content manager, room admin, team lead, admin, guest", name),
					fmt.Sprintf("onbekende rol %q; de rollen zijn %s", name, strings.Join(intranet.RolesNL, ", ")))
				ok = false
				continue
			}
			rec.Roles = append(rec.Roles, role)
		}
		if ok {
			records = append(records, rec)
		}
	}
	return records, problems
}

// ValidEmail reports whether s is a bare email address (no display name).
func ValidEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s && strings.Contains(s[strings.LastIndex(s, "@"):], ".")
}

func splitList(s string) []string {
	var out []string
	// A comma separates too: in a semicolon file the list's own
	// semicolons would need quotes, and people write "wondzorg, EHBO".
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == ',' }) {
		if p := strings.Join(strings.Fields(part), " "); p != "" {
			out = append(out, p)
		}
	}
	return out
}
