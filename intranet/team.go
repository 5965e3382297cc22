package intranet

import "context"

// Team is an organisational team of people (a care team, a shop, a field
// crew), never the chat product. By default every department is a team,
// with the department's people as members and those with the team lead role
// as its leads; more teams are added by hand or from a CSV file.
type Team struct {
	ID   int64
	Name string
	// Department is set for a department's own team.
	Department string
	// Approval says whether taking over a shift needs a lead's approval.
	Approval bool
	// ManagedBy is ManagedBySCIM for a team whose members the identity
	// provider keeps (a SCIM Group); "" for a team Werkplek keeps.
	ManagedBy string
	Members   []TeamMember
	Channels  []TeamChannel
}

// TeamMember is one person of a team.
type TeamMember struct {
	PersonID int64
	Name     string
	Email    string
	// Member is true for someone who may ask and take shifts; Lead for a
	// team lead (who need not be a member).
	Member bool
	Lead   bool
}

// TeamChannel is a chat channel a team uses on one platform.
type TeamChannel struct {
	Platform     Platform
	Installation string
	ChannelID    string
}

// Leads returns the team's leads.
func (t *Team) Leads() []TeamMember {
	var out []TeamMember
	for _, m := range t.Members {
		if m.Lead {
			out = append(out, m)
		}
	}
	return out
}

// IsMember reports whether the person is a member of the team.
func (t *Team) IsMember(personID int64) bool {
	for _, m := range t.Members {
		if m.PersonID == personID && m.Member {
			return true
		}
	}
	return false
}

// IsLead reports whether the person leads the team.
func (t *Team) IsLead(personID int64) bool {
	for _, m := range t.Members {
		if m.PersonID == personID && m.Lead {
			return true
		}
	}
	return false
}

// TeamRecord is one team as an import file states it:
// name,leads,members,channels,approval.
type TeamRecord struct {
	Line     int
	Name     string
	Leads    []string // emails
	Members  []string // emails
	Channels []TeamChannel
	// Approval is nil when the file leaves it empty (keep the current value).
	Approval *bool
}

// TeamService keeps teams, their members, leads and channels.
type TeamService interface {
	// SyncDepartmentTeams makes every department a team (named after it) and
	// adds the department's people that the team never had as members, those
	// with the team lead role as leads. Someone removed from a team by hand
	// is not added again. Cheap when nothing changed.
	SyncDepartmentTeams(ctx context.Context) error
	// Teams returns every team with its members and channels, by name.
	Teams(ctx context.Context) ([]*Team, error)
	// FindTeamByID returns ENOTFOUND for an unknown id.
	FindTeamByID(ctx context.Context, id int64) (*Team, error)
	// FindTeamByName matches the name case- and accent-insensitively;
	// returns ENOTFOUND.
	FindTeamByName(ctx context.Context, name string) (*Team, error)
	// FindTeamByChannel returns the team a channel is linked to; ENOTFOUND.
	FindTeamByChannel(ctx context.Context, platform Platform, channelID string) (*Team, error)
	// TeamsOf returns the teams the person is a member or lead of, by name.
	TeamsOf(ctx context.Context, personID int64) ([]*Team, error)
	// CreateTeam returns ECONFLICT when a team of that name exists, EINVALID
	// for an empty name.
	CreateTeam(ctx context.Context, name string) (*Team, error)
	// SetTeamMember adds (member true) or removes the person as member;
	// changed is false when they already were (or were not) a member, also
	// for all but one of the same change made at once. Returns ENOTFOUND
	// for an unknown team or person, EINVALID for adding a partner (a
	// partner is in no team).
	SetTeamMember(ctx context.Context, teamID, personID int64, member bool) (changed bool, err error)
	// SetTeamLead adds or removes the person as lead, changed as
	// SetTeamMember's. Returns ENOTFOUND, and EINVALID for adding a
	// partner.
	SetTeamLead(ctx context.Context, teamID, personID int64, lead bool) (changed bool, err error)
	// SetTeamApproval turns the lead's approval of handovers on or off.
	// Returns ENOTFOUND.
	SetTeamApproval(ctx context.Context, teamID int64, on bool) error
	// LinkTeamChannel links a channel to the team, moving it from any other
	// team (a channel belongs to one team). Returns ENOTFOUND.
	LinkTeamChannel(ctx context.Context, teamID int64, ch TeamChannel) error
	// ImportTeams creates or updates teams by name, all or nothing: it
	// returns *ImportError listing every line with an unknown person and
	// writes nothing then. Members and leads listed are added, never
	// removed; channels are linked. With dryRun it only checks.
	ImportTeams(ctx context.Context, records []TeamRecord, dryRun bool) (ImportSummary, error)
}
