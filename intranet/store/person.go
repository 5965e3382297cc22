package store

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
)

// personRow is a row of people.
type personRow struct {
	ID             int64 `gorm:"primaryKey"`
	Name           string
	Email          string
	Phone          string
	Mobile         string
	PhoneKey       string
	MobileKey      string
	PhoneRev       string
	MobileRev      string
	DepartmentID   *int64
	Title          string
	Location       string
	ManagerEmail   string
	Skills         string
	Roles          string
	Language       string
	QuietHours     string
	EmployeeNumber string
	SortKey        string
	// The directory's columns (migration 18).
	Active           bool
	DeactivatedAt    *time.Time
	AwayUntil        string
	AwayNote         string
	MobileVisibility string
	OwnFields        string
	ScimUserName     string
	ScimExternalID   string
	// ScimOrganisation is the identity provider's organization, as it
	// sent it (migration 27).
	ScimOrganisation string
	OrganisationID   *int64
	CreatedAt        time.Time
	UpdatedAt        time.Time
	// Department is the department's name, and ManagerID and ManagerName
	// the manager's, read through joins only.
	Department  string `gorm:"->"`
	ManagerID   int64  `gorm:"->"`
	ManagerName string `gorm:"->"`
	// Organisation is the partner organisation's name (joined).
	Organisation string `gorm:"->"`
}

func (personRow) TableName() string { return "people" }

// personTermRow is one word a person is found by.
type personTermRow struct {
	Term     string `gorm:"primaryKey"`
	PersonID int64  `gorm:"primaryKey"`
	Display  string
	Field    string
	Weight   float64
	SortKey  string
	// DepartmentID is the person's, repeated here so that a dept: filter is
	// checked on the row the ranked index scan reads.
	DepartmentID *int64
}

func (personTermRow) TableName() string { return "person_terms" }

type departmentRow struct {
	ID   int64 `gorm:"primaryKey"`
	Name string
	Key  string
}

func (departmentRow) TableName() string { return "departments" }

const personSelect = `SELECT p.*, COALESCE(d.name, '') AS department, COALESCE(m.id, 0) AS manager_id, COALESCE(m.name, '') AS manager_name, COALESCE(o.name, '') AS organisation
FROM people p LEFT JOIN departments d ON d.id = p.department_id LEFT JOIN people m ON m.email = p.manager_email AND p.manager_email <> ''
LEFT JOIN partner_orgs o ON o.id = p.organisation_id`

// FindPersonByID returns ENOTFOUND for an unknown id.
func (s *Store) FindPersonByID(ctx context.Context, id int64) (*intranet.Person, error) {
	people, err := s.peopleWhere(ctx, "p.id = ?", id)
	if err != nil {
		return nil, fmt.Errorf("find person %d: %w", id, err)
	} else if len(people) == 0 {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "No person %d.", id)
	}
	return people[0], nil
}

// FindPersonByEmail matches case-insensitively; returns ENOTFOUND.
func (s *Store) FindPersonByEmail(ctx context.Context, email string) (*intranet.Person, error) {
	people, err := s.peopleWhere(ctx, "p.email = ?", strings.ToLower(strings.TrimSpace(email)))
	if err != nil {
		return nil, fmt.Errorf("find person by email: %w", err)
	} else if len(people) == 0 {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "Nobody has the email address %s.", email)
	}
	return people[0], nil
}

// CountPeople returns how many people the phonebook holds (active ones:
// who left is in no count).
func (s *Store) CountPeople(ctx context.Context) (int, error) {
	var n int64
	err := s.conn(ctx).Table("people").Where("active").Count(&n).Error
	return int(n), translate(err)
}

// SetLanguage stores a person's language choice.
func (s *Store) SetLanguage(ctx context.Context, personID int64, lang string) error {
	res := s.conn(ctx).Exec("UPDATE people SET language = ?, updated_at = ? WHERE id = ?", lang, s.Now().UTC(), personID)
	if res.Error != nil {
		return fmt.Errorf("set language: %w", translate(res.Error))
	} else if res.RowsAffected == 0 {
		return intranet.Errorf(intranet.ENOTFOUND, "No person %d.", personID)
	}
	return nil
}

// Departments returns the name of every department with an active
// person in it, sorted.
func (s *Store) Departments(ctx context.Context) ([]string, error) {
	var names []string
	err := s.conn(ctx).Raw("SELECT name FROM departments d WHERE EXISTS (SELECT 1 FROM people p WHERE p.department_id = d.id AND p.active) ORDER BY name").Scan(&names).Error
	return names, translate(err)
}

// Skills returns every skill name people have, sorted.
func (s *Store) Skills(ctx context.Context) ([]string, error) {
	var names []string
	err := s.conn(ctx).Raw("SELECT name FROM skills ORDER BY name").Scan(&names).Error
	return names, translate(err)
}

// peopleWhere reads people with their department, manager and platform
// accounts, in two queries whatever their number.
func (s *Store) peopleWhere(ctx context.Context, where string, args ...any) ([]*intranet.Person, error) {
	return s.readPeople(ctx, true, where, args...)
}

// readPeople is peopleWhere, with the platform accounts only when
// withAccounts (a list of search results shows none).
func (s *Store) readPeople(ctx context.Context, withAccounts bool, where string, args ...any) ([]*intranet.Person, error) {
	var rows []personRow
	if err := s.conn(ctx).Raw(personSelect+" WHERE "+where, args...).Scan(&rows).Error; err != nil {
		return nil, translate(err)
	}
	if len(rows) == 0 {
		return nil, nil
	}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	var accounts []accountRow
	if withAccounts {
		if err := s.conn(ctx).Where("person_id IN ?", ids).Order("platform, installation, user_id").Find(&accounts).Error; err != nil {
			return nil, translate(err)
		}
	}
	out := make([]*intranet.Person, len(rows))
	for i, r := range rows {
		p := &intranet.Person{
			ID: r.ID, Name: r.Name, Email: r.Email, Phone: r.Phone, Mobile: r.Mobile, Department: r.Department,
			Title: r.Title, Location: r.Location, Skills: splitList(r.Skills), Language: r.Language, QuietHours: r.QuietHours, EmployeeNumber: r.EmployeeNumber, Updated: r.UpdatedAt,
			Inactive: !r.Active, AwayUntil: r.AwayUntil, AwayNote: r.AwayNote,
			MobileVisibility: intranet.FieldVisibility(r.MobileVisibility), OwnFields: splitList(r.OwnFields),
		}
		for _, role := range splitList(r.Roles) {
			p.Roles = append(p.Roles, intranet.Role(role))
		}
		p.ManagerID, p.Manager = r.ManagerID, r.ManagerName
		if r.OrganisationID != nil {
			p.OrganisationID, p.Organisation = *r.OrganisationID, r.Organisation
		}
		for _, a := range accounts {
			if a.PersonID == r.ID {
				p.Accounts = append(p.Accounts, a.account())
			}
		}
		out[i] = p
	}
	return out, nil
}

func splitList(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ";") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

func chunks[T any](s []T, n int) [][]T {
	var out [][]T
	for len(s) > n {
		out = append(out, s[:n])
		s = s[n:]
	}
	if len(s) > 0 {
		out = append(out, s)
	}
	return out
}

// sortMatches orders matches best first, ties by surname (sort key), then id.
func sortMatches(m []scored) {
	sort.Slice(m, func(i, j int) bool {
		if m[i].score != m[j].score {
			return m[i].score > m[j].score
		}
		if m[i].sortKey != m[j].sortKey {
			return m[i].sortKey < m[j].sortKey
		}
		return m[i].id < m[j].id
	})
}
