package intranet

import (
	"context"
	"strconv"
	"strings"
	"time"
)

// Role is what a person may do beyond the basics.
type Role string

// The roles of DESIGN.md. A guest (an extranet partner) sees only what is
// shared with guests.
const (
	RoleEmployee       Role = "employee"
	RoleContentManager Role = "content manager"
	RoleRoomAdmin      Role = "room admin"
	RoleTeamLead       Role = "team lead"
	RoleAdmin          Role = "admin"
	RoleGuest          Role = "guest"
)

// Roles lists every role, in the order the docs name them.
var Roles = []Role{RoleEmployee, RoleContentManager, RoleRoomAdmin, RoleTeamLead, RoleAdmin, RoleGuest}

// RolesNL are the roles' Dutch names, in the order of Roles.
var RolesNL = []string{"medewerker", "contentbeheerder", "ruimtebeheerder", "teamleider", "beheerder", "gast"}

// Basic reports whether the role is no more than what everyone has:
// employee or guest. A guest account or a partner holds only basic roles;
// the audit log records the actions of people with a role beyond them.
func (r Role) Basic() bool { return r == RoleEmployee || r == RoleGuest }

// ParseRole reads a role name, English or Dutch ("beheerder"),
// case-insensitively; ok is false for an unknown one.
func ParseRole(s string) (Role, bool) {
	s = strings.Join(strings.Fields(strings.ToLower(s)), " ")
	for i, r := range Roles {
		if string(r) == s || RolesNL[i] == s {
			return r, true
		}
	}
	return "", false
}

// Person is a phonebook entry.
type Person struct {
	ID    int64
	Name  string // display name as written: "Anouk van den Berg"
	Email string
	// Phone and Mobile are as written in the source; search uses their normalised form.
	Phone      string
	Mobile     string
	Department string
	Title      string
	Location   string
	ManagerID  int64 // 0 when the person has no manager
	Manager    string
	Skills     []string
	Roles      []Role
	// EmployeeNumber is payroll's number for the person, "" when the
	// people file has none.
	EmployeeNumber string
	// Language is the person's own choice ("nl" or "en"), "" when not chosen.
	Language string
	// QuietHours are the person's own hours without DMs ("08:00-16:00" for
	// a night worker), "off" for none, "" for WERKPLEK_QUIET_HOURS.
	QuietHours string
	Accounts   []Account
	Updated    time.Time

	// Inactive is set for someone who left (deactivated by an admin, the
	// full import or the identity provider): they are in no search, routing
	// or subscription until activated again, and keep their history.
	Inactive bool
	// AwayUntil is the last day (YYYY-MM-DD, in WERKPLEK_TIMEZONE) the
	// person marked themselves away, "" when not away: questions, handover
	// eligibility and approvals skip them through that day.
	AwayUntil string
	// AwayNote is what they said with it ("met verlof"), "" for nothing.
	AwayNote string
	// MobileVisibility is the person's own choice of who sees their mobile
	// number; "" is the installation's default (WERKPLEK_PRIVACY_MOBILE).
	MobileVisibility FieldVisibility
	// OwnFields are the profile fields the person set themselves
	// ("mobile", "skills", "location"): an import or the identity provider
	// leaves them as the person wrote them.
	OwnFields []string
	// OrganisationID is the partner organisation the person belongs to, 0
	// for an employee; Organisation is its name. A partner is a guest who
	// sees what is shared with partners (partner.go).
	OrganisationID int64
	Organisation   string
}

// FieldVisibility is who may see a field of a person's profile.
type FieldVisibility string

// A field is seen by everyone in the phonebook, only by the person's own
// team(s), or by nobody but the person. Guests and partners never see a
// mobile number, whatever its visibility.
const (
	VisibleEveryone FieldVisibility = "everyone"
	VisibleTeam     FieldVisibility = "team"
	VisibleHidden   FieldVisibility = "hidden"
)

// ParseVisibility reads a visibility ("team", "everyone", "hidden", or the
// Dutch "iedereen", "verborgen");
// ok is false for anything else.
func ParseVisibility(s string) (FieldVisibility, bool) {
	switch v := FieldVisibility(strings.ToLower(strings.TrimSpace(s))); v {
	case VisibleEveryone, VisibleTeam, VisibleHidden:
		return v, true
	case "iedereen":
		return VisibleEveryone, true
	case "verborgen":
		return VisibleHidden, true
	}
	return "", false
}

// Has reports whether the person holds a role.
func (p *Person) Has(r Role) bool {
	for _, x := range p.Roles {
		if x == r {
			return true
		}
	}
	return false
}

// IsGuest reports whether the person may use only what is shared with
// guests: a guest by role, or a partner.
func (p *Person) IsGuest() bool { return p.Has(RoleGuest) || p.OrganisationID != 0 }

// IsPartner reports whether the person belongs to a partner organisation.
func (p *Person) IsPartner() bool { return p.OrganisationID != 0 }

// Label is the person's name as employees see it: a partner's with their
// organisation ("Anna Smit · Thuiszorg Midden (partner)").
func (p *Person) Label() string { return PartnerLabel(p.Name, p.Organisation) }

// Account links a platform account to a person.
type Account struct {
	Platform     Platform
	Installation string
	UserID       string
	UserName     string
	PersonID     int64
	// Guest is the platform's own verdict (Slack restricted user, Mattermost
	// or Teams guest): such an account is a guest whatever its email.
	Guest bool
	// LastSeen is when the person last wrote to Werkplek from this account
	// (to the minute or so), zero when never: a DM goes where they were
	// active last.
	LastSeen time.Time
}

// PersonRecord is one person as an import file states it (DESIGN.md's CSV).
type PersonRecord struct {
	Line         int // the line in the source file, for error messages
	Name         string
	Email        string
	Phone        string
	Mobile       string
	Department   string
	Title        string
	Location     string
	ManagerEmail string
	Skills       []string
	Roles        []Role
	// EmployeeNumber is payroll's number for the person ("" for none).
	EmployeeNumber string
	// Organisation names the partner organisation the person belongs to
	// ("" for an employee); the import adds an organisation it does not
	// know yet.
	Organisation string
	// OrganisationColumn says the file has the organisation column: an
	// empty Organisation then makes the person an employee again. Without
	// it the import leaves a person's organisation as it is.
	OrganisationColumn bool
}

// ImportSummary says what an import did (or, in a dry run, would do).
type ImportSummary struct {
	Created int
	Updated int
	// Lines are the outcome of each record, in the file's order; the
	// people import fills them, in a dry run too.
	Lines []ImportLine
	// Organisations are the partner organisations the file names that
	// did not exist yet: the import adds them (a dry run would).
	Organisations []string
}

// ImportLine is what an import does with one line of the file.
type ImportLine struct {
	Line   int
	Email  string
	Name   string
	Change ImportChange
	// Fields are the CSV columns whose values change (ImportChanged only).
	Fields []string
}

// ImportChange is what an import does with a person.
type ImportChange string

// An import adds a person, changes them, or leaves them as they are.
const (
	ImportAdded     ImportChange = "added"
	ImportChanged   ImportChange = "changed"
	ImportUnchanged ImportChange = "unchanged"
)

// PersonSearch is a phonebook query, already split into its parts.
type PersonSearch struct {
	// Query is the free text: names, department, title, location, skill, a
	// phone number or an email address.
	Query string
	// Departments, when set, limits the result to these departments (names
	// as Departments returns them).
	Departments []string
	// Skills, when set, limits the result to people with one of these skills
	// (names as Skills returns them).
	Skills []string
	// Limit is the most people to return (default 10).
	Limit int
}

// PersonMatch is one person found, with how well they matched.
type PersonMatch struct {
	Person *Person
	Score  float64
}

// SearchResult is the answer to a phonebook query.
type SearchResult struct {
	Matches []PersonMatch
	// More is true when more people matched than Limit.
	More bool
	// Suggestions are "did you mean" words when nobody matched.
	Suggestions []string
}

// PersonService is the phonebook's storage.
type PersonService interface {
	// FindPersonByID returns ENOTFOUND for an unknown id.
	FindPersonByID(ctx context.Context, id int64) (*Person, error)
	// FindPersonByEmail matches case-insensitively; returns ENOTFOUND.
	FindPersonByEmail(ctx context.Context, email string) (*Person, error)
	// SearchPeople ranks people for a query, best first, ties by surname.
	// Persons carry their platform accounts only when exactly one matched.
	SearchPeople(ctx context.Context, s PersonSearch) (*SearchResult, error)
	// Departments returns every department name, sorted.
	Departments(ctx context.Context) ([]string, error)
	// Skills returns every skill name people have, sorted.
	Skills(ctx context.Context) ([]string, error)
	// ImportPeople creates or updates people by email, all or nothing: it
	// returns *ImportError listing every line naming an unknown manager and
	// writes nothing then. With dryRun it only checks. The summary's Lines
	// say what happens to each record, in a dry run as in a real one.
	ImportPeople(ctx context.Context, records []PersonRecord, dryRun bool) (ImportSummary, error)
	// SetLanguage stores a person's language choice ("nl", "en" or "").
	SetLanguage(ctx context.Context, personID int64, lang string) error
	// SetQuietHours stores a person's own quiet hours ("08:00-16:00",
	// "off", or "" for the installation's).
	SetQuietHours(ctx context.Context, personID int64, hours string) error
	// CountPeople returns how many people the phonebook holds.
	CountPeople(ctx context.Context) (int, error)
}

// AccountService links platform accounts to people.
type AccountService interface {
	// FindAccount returns ENOTFOUND when the account was never linked.
	FindAccount(ctx context.Context, platform Platform, installation, userID string) (*Account, error)
	// LinkAccount creates or updates the link of a platform account.
	LinkAccount(ctx context.Context, a Account) error
	// TouchAccount records that the account was used at at; a touch
	// within a few minutes of the last one changes nothing, so that a
	// request costs no write. Returns ENOTFOUND for an unlinked account.
	TouchAccount(ctx context.Context, platform Platform, installation, userID string, at time.Time) error
}

// ImportError lists every bad line of an import file.
type ImportError struct {
	Problems []ImportProblem
}

// ImportProblem is one bad line.
type ImportProblem struct {
	Line   int
	Reason string
	// ReasonNL is the reason in Dutch, for a problem that a chat reply may
	// show (a room admin's command); empty when only English was written.
	ReasonNL string
}

// Message is the reason in lang ("nl" or "en"), English when it has no
// Dutch wording.
func (p ImportProblem) Message(lang string) string {
	if lang == "nl" && p.ReasonNL != "" {
		return p.ReasonNL
	}
	return p.Reason
}

func (e *ImportError) Error() string {
	var b strings.Builder
	b.WriteString("import refused, nothing was imported:")
	for _, p := range e.Problems {
		b.WriteString("\n  line ")
		b.WriteString(strconv.Itoa(p.Line))
		b.WriteString(": ")
		b.WriteString(p.Reason)
	}
	return b.String()
}

// ErasedEmail is the placeholder email of a person whose data was erased
// (`werkplek person erase`): unique, and never a mailbox.
func ErasedEmail(id int64) string { return "erased-" + strconv.FormatInt(id, 10) + "@invalid" }

// Erased reports whether an email is an erased person's placeholder: what
// they left (an answer in the knowledge base) shows "a former colleague".
func Erased(email string) bool {
	return strings.HasPrefix(email, "erased-") && strings.HasSuffix(email, "@invalid")
}
