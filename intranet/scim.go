package intranet

import (
	"context"
	"time"
)

// ProvisionedPerson is a person as the identity provider (Entra ID, Okta)
// provisions them over SCIM: a SCIM User. Its ID is the person's id.
type ProvisionedPerson struct {
	ID int64
	// UserName is SCIM's userName (Entra's UPN), unique case-insensitively.
	UserName   string
	ExternalID string
	// Inactive is SCIM's active false; the store reports it, the
	// DirectoryService changes it.
	Inactive   bool
	Name       string
	Email      string
	Phone      string
	Mobile     string
	Title      string
	Location   string
	Department string
	// ManagerID is the manager's person id (SCIM's manager.value), 0 for
	// none; a manager the phonebook does not know is left out.
	ManagerID      int64
	EmployeeNumber string
	// Organisation is the enterprise extension's organization, as the
	// identity provider sent it. When it names a partner organisation
	// (in any letter case) the person becomes its partner; anything else
	// (the employer's own name, which Entra fills in) changes nothing.
	Organisation string
	Created      time.Time
	Updated      time.Time
}

// ProvisionedGroup is a team the identity provider manages: a SCIM Group.
// Its ID is the team's id.
type ProvisionedGroup struct {
	ID         int64
	Name       string
	ExternalID string
	// Members are the team's members (never its leads).
	Members []GroupMember
	Created time.Time
}

// GroupMember is one member of a provisioned group.
type GroupMember struct {
	PersonID int64
	Name     string
}

// PeopleQuery selects provisioned people; zero fields select all. Offset
// and Limit page the result (Limit 0: all).
type PeopleQuery struct {
	UserName   string // case-insensitive
	ExternalID string
	Email      string // case-insensitive
	Offset     int
	Limit      int
}

// GroupQuery selects provisioned groups, as PeopleQuery.
type GroupQuery struct {
	Name       string // case- and accent-insensitive
	ExternalID string
	Offset     int
	Limit      int
}

// GroupUpdate changes a provisioned group; nil fields stay. Members
// replaces every member; Add and Remove add and remove some.
type GroupUpdate struct {
	Name       *string
	ExternalID *string
	Members    *[]int64
	Add        []int64
	Remove     []int64
}

// ProvisioningService keeps what the identity provider provisions: people
// (SCIM Users) and the teams it manages (SCIM Groups). Only people with a
// SCIM userName are Users, only teams managed by it are Groups. Every
// change is audited with the actor "scim". Roles, a person's own profile
// fields (Person.OwnFields), their mobile visibility and their active
// state are never changed here: Activate and Deactivate are the
// DirectoryService's.
type ProvisioningService interface {
	// ProvisionedPeople returns the people selected and how many there are
	// in all (before paging), by id.
	ProvisionedPeople(ctx context.Context, q PeopleQuery) ([]*ProvisionedPerson, int, error)
	// ProvisionedPerson returns ENOTFOUND for an unknown id or a person the
	// identity provider does not provision (never did, or deleted).
	ProvisionedPerson(ctx context.Context, id int64) (*ProvisionedPerson, error)
	// ProvisionPerson creates a person, or adopts the one with that email
	// who has no SCIM userName yet. Returns ECONFLICT when the userName or
	// the email is another provisioned person's, EINVALID for a missing
	// or bad name, email or phone number.
	ProvisionPerson(ctx context.Context, p ProvisionedPerson) (*ProvisionedPerson, error)
	// ReplaceProvisionedPerson replaces the person's fields (p.ID) with p's.
	// Returns ENOTFOUND, ECONFLICT and EINVALID as ProvisionPerson.
	ReplaceProvisionedPerson(ctx context.Context, p ProvisionedPerson) (*ProvisionedPerson, error)
	// UnprovisionPerson ends the identity provider's hold on a person
	// (SCIM's DELETE): the person keeps their history and is no User any
	// more. The caller deactivates them. Returns ENOTFOUND.
	UnprovisionPerson(ctx context.Context, id int64) error

	// ProvisionedGroups returns the groups selected and their total.
	ProvisionedGroups(ctx context.Context, q GroupQuery) ([]*ProvisionedGroup, int, error)
	// ProvisionedGroup returns ENOTFOUND for a team that is not managed.
	ProvisionedGroup(ctx context.Context, id int64) (*ProvisionedGroup, error)
	// ProvisionGroup makes a managed team with those members, or takes
	// over the unmanaged team of that name. Returns ECONFLICT when a
	// managed team has the name, EINVALID for an empty name, ENOTFOUND for
	// an unknown member.
	ProvisionGroup(ctx context.Context, g ProvisionedGroup) (*ProvisionedGroup, error)
	// UpdateProvisionedGroup renames the group or changes its members.
	// Returns ENOTFOUND (also for an unknown member), ECONFLICT, EINVALID.
	UpdateProvisionedGroup(ctx context.Context, id int64, u GroupUpdate) (*ProvisionedGroup, error)
	// UnprovisionGroup hands the team back to Werkplek (SCIM's DELETE):
	// it stays, with its members, leads, channels and history, and is no
	// longer managed. Returns ENOTFOUND.
	UnprovisionGroup(ctx context.Context, id int64) error
}

// ManagedBySCIM marks a team whose members the identity provider keeps.
const ManagedBySCIM = "scim"
