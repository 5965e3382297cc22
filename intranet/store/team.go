package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/phonebook"
	"gorm.io/gorm"
)

var _ intranet.TeamService = (*Store)(nil)

// The department teams' fingerprint (SyncDepartmentTeams) reads the
// people's last change from an index.
func init() {
	register(migration{34, "people by last change, for the department teams' fingerprint", `
CREATE INDEX IF NOT EXISTS people_updated_at ON people (updated_at);
`, `
CREATE INDEX IF NOT EXISTS people_updated_at ON people (updated_at);
`})
}

func init() {
	register(migration{4, "teams, members, channels; handovers, their events and posted cards", `
CREATE TABLE teams (
	id bigserial PRIMARY KEY,
	name text NOT NULL,
	key text NOT NULL UNIQUE,
	department_id bigint UNIQUE REFERENCES departments(id) ON DELETE SET NULL,
	approval boolean NOT NULL DEFAULT false,
	created_at timestamptz NOT NULL
);
-- A row with is_member and is_lead both false remembers that someone was
-- removed by hand, so that the department sync does not add them again.
CREATE TABLE team_members (
	team_id bigint NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
	person_id bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	is_member boolean NOT NULL DEFAULT false,
	is_lead boolean NOT NULL DEFAULT false,
	PRIMARY KEY (team_id, person_id)
);
CREATE INDEX team_members_person ON team_members (person_id);
CREATE TABLE team_channels (
	platform text NOT NULL,
	channel_id text NOT NULL,
	installation text NOT NULL DEFAULT '',
	team_id bigint NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
	PRIMARY KEY (platform, channel_id)
);
CREATE INDEX team_channels_team ON team_channels (team_id);
CREATE TABLE handovers (
	id bigserial PRIMARY KEY,
	team_id bigint NOT NULL REFERENCES teams(id),
	requester_id bigint NOT NULL REFERENCES people(id),
	taker_id bigint REFERENCES people(id),
	starts_at timestamptz NOT NULL,
	ends_at timestamptz NOT NULL,
	what text NOT NULL,
	skill text NOT NULL DEFAULT '',
	state text NOT NULL,
	lang text NOT NULL DEFAULT 'nl',
	created_at timestamptz NOT NULL,
	changed_at timestamptz NOT NULL,
	CHECK (ends_at > starts_at)
);
CREATE INDEX handovers_team ON handovers (team_id, state, starts_at);
CREATE INDEX handovers_requester ON handovers (requester_id, starts_at);
CREATE INDEX handovers_taker ON handovers (taker_id, starts_at);
CREATE INDEX handovers_start ON handovers (starts_at);
CREATE TABLE handover_events (
	id bigserial PRIMARY KEY,
	handover_id bigint NOT NULL REFERENCES handovers(id) ON DELETE CASCADE,
	at timestamptz NOT NULL,
	actor_id bigint REFERENCES people(id),
	action text NOT NULL,
	state text NOT NULL
);
CREATE INDEX handover_events_handover ON handover_events (handover_id, id);
CREATE TABLE handover_posts (
	handover_id bigint NOT NULL REFERENCES handovers(id) ON DELETE CASCADE,
	platform text NOT NULL,
	channel_id text NOT NULL,
	installation text NOT NULL DEFAULT '',
	message_id text NOT NULL DEFAULT '',
	outbox_id bigint,
	PRIMARY KEY (handover_id, platform, channel_id)
);
`, `
CREATE TABLE teams (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	name TEXT NOT NULL,
	key TEXT NOT NULL UNIQUE,
	department_id INTEGER UNIQUE REFERENCES departments(id) ON DELETE SET NULL,
	approval BOOLEAN NOT NULL DEFAULT false,
	created_at DATETIME NOT NULL
);
CREATE TABLE team_members (
	team_id INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
	person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	is_member BOOLEAN NOT NULL DEFAULT false,
	is_lead BOOLEAN NOT NULL DEFAULT false,
	PRIMARY KEY (team_id, person_id)
);
CREATE INDEX team_members_person ON team_members (person_id);
CREATE TABLE team_channels (
	platform TEXT NOT NULL,
	channel_id TEXT NOT NULL,
	installation TEXT NOT NULL DEFAULT '',
	team_id INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
	PRIMARY KEY (platform, channel_id)
);
CREATE INDEX team_channels_team ON team_channels (team_id);
CREATE TABLE handovers (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	team_id INTEGER NOT NULL REFERENCES teams(id),
	requester_id INTEGER NOT NULL REFERENCES people(id),
	taker_id INTEGER REFERENCES people(id),
	starts_at DATETIME NOT NULL,
	ends_at DATETIME NOT NULL,
	what TEXT NOT NULL,
	skill TEXT NOT NULL DEFAULT '',
	state TEXT NOT NULL,
	lang TEXT NOT NULL DEFAULT 'nl',
	created_at DATETIME NOT NULL,
	changed_at DATETIME NOT NULL,
	CHECK (ends_at > starts_at)
);
CREATE INDEX handovers_team ON handovers (team_id, state, starts_at);
CREATE INDEX handovers_requester ON handovers (requester_id, starts_at);
CREATE INDEX handovers_taker ON handovers (taker_id, starts_at);
CREATE INDEX handovers_start ON handovers (starts_at);
CREATE TABLE handover_events (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	handover_id INTEGER NOT NULL REFERENCES handovers(id) ON DELETE CASCADE,
	at DATETIME NOT NULL,
	actor_id INTEGER REFERENCES people(id),
	action TEXT NOT NULL,
	state TEXT NOT NULL
);
CREATE INDEX handover_events_handover ON handover_events (handover_id, id);
CREATE TABLE handover_posts (
	handover_id INTEGER NOT NULL REFERENCES handovers(id) ON DELETE CASCADE,
	platform TEXT NOT NULL,
	channel_id TEXT NOT NULL,
	installation TEXT NOT NULL DEFAULT '',
	message_id TEXT NOT NULL DEFAULT '',
	outbox_id INTEGER,
	PRIMARY KEY (handover_id, platform, channel_id)
);
`})
}

type teamRow struct {
	ID           int64 `gorm:"primaryKey"`
	Name         string
	Key          string
	DepartmentID *int64
	Approval     bool
	CreatedAt    time.Time
	// ManagedBy is "scim" for a team the identity provider manages
	// (migration 18), with its SCIM externalId.
	ManagedBy      string
	ScimExternalID string
	Department     string `gorm:"->"`
}

func (teamRow) TableName() string { return "teams" }

type teamMemberRow struct {
	TeamID   int64
	PersonID int64
	IsMember bool
	IsLead   bool
	Name     string `gorm:"->"`
	Email    string `gorm:"->"`
}

type teamChannelRow struct {
	Platform     string
	ChannelID    string
	Installation string
	TeamID       int64
}

// teamKey is how team names compare: case, accents and spaces do not count.
func teamKey(name string) string { return phonebook.Key(name) }

// SyncDepartmentTeams makes every department a team and adds the people of
// each department the team never had (leads by the team lead role; guests
// and partners never, even with a department), except to a team the
// identity provider manages, whose members are its. It remembers a
// fingerprint of the people table and does nothing while that is
// unchanged. The fingerprint reads two index ends and the small
// departments table, never every person: /handover and /team ask for it on
// every call, and a count of a million people took longer than the command.
// People are never deleted, so the highest id tells every insert.
func (s *Store) SyncDepartmentTeams(ctx context.Context) error {
	var fp struct {
		N     int64
		Depts int64
		Last  string
	}
	db := s.db.WithContext(ctx)
	if err := db.Raw(`SELECT COALESCE((SELECT MAX(id) FROM people), 0) AS n, (SELECT COUNT(*) FROM departments) AS depts, COALESCE((SELECT CAST(MAX(updated_at) AS text) FROM people), '') AS last`).Scan(&fp).Error; err != nil {
		return fmt.Errorf("sync department teams: %w", translate(err))
	}
	fingerprint := fmt.Sprintf("%d|%d|%s", fp.N, fp.Depts, fp.Last)
	if v, err := s.State(ctx, "teams", "department_sync"); err == nil && v == fingerprint {
		return nil
	}
	err := db.Transaction(func(tx *gorm.DB) error {
		// Every /team and /handover of every replica may start a sync
		// after an import: one at a time, the others then find it done.
		if err := s.lockName(tx, "teams.sync"); err != nil {
			return err
		}
		var depts []departmentRow
		if err := tx.Raw(`SELECT d.* FROM departments d WHERE NOT EXISTS (SELECT 1 FROM teams t WHERE t.department_id = d.id) ORDER BY d.id`).Scan(&depts).Error; err != nil {
			return err
		}
		now := s.Now().UTC().Truncate(time.Second)
		for _, d := range depts {
			key := teamKey(d.Name)
			// A team of that name made by hand becomes the department's.
			res := tx.Exec("UPDATE teams SET department_id = ? WHERE key = ? AND department_id IS NULL", d.ID, key)
			if res.Error != nil {
				return res.Error
			}
			if res.RowsAffected > 0 {
				continue
			}
			if err := tx.Exec("INSERT INTO teams (name, key, department_id, approval, created_at) VALUES (?, ?, ?, false, ?) ON CONFLICT DO NOTHING", d.Name, key, d.ID, now).Error; err != nil {
				return err
			}
		}
		return tx.Exec(`INSERT INTO team_members (team_id, person_id, is_member, is_lead)
SELECT t.id, p.id, true, (';' || LOWER(p.roles) || ';') LIKE '%;team lead;%'
FROM teams t JOIN people p ON p.department_id = t.department_id
WHERE p.active AND NOT EXISTS (SELECT 1 FROM team_members m WHERE m.team_id = t.id AND m.person_id = p.id)
AND (';' || LOWER(p.roles) || ';') NOT LIKE '%;guest;%' AND p.organisation_id IS NULL
AND t.managed_by = ''
ON CONFLICT DO NOTHING`).Error
	})
	if err != nil {
		return fmt.Errorf("sync department teams: %w", translate(err))
	}
	return s.SetState(ctx, "teams", "department_sync", fingerprint)
}

// Teams returns every team with its members and channels, by name.
func (s *Store) Teams(ctx context.Context) ([]*intranet.Team, error) {
	return s.teamsWhere(ctx, "1 = 1")
}

// FindTeamByID returns ENOTFOUND for an unknown id.
func (s *Store) FindTeamByID(ctx context.Context, id int64) (*intranet.Team, error) {
	return s.oneTeam(ctx, fmt.Sprintf("team %d", id), "t.id = ?", id)
}

// FindTeamByName matches case- and accent-insensitively; returns ENOTFOUND.
func (s *Store) FindTeamByName(ctx context.Context, name string) (*intranet.Team, error) {
	return s.oneTeam(ctx, fmt.Sprintf("team %q", name), "t.key = ?", teamKey(name))
}

// FindTeamByChannel returns the team a channel is linked to; ENOTFOUND.
func (s *Store) FindTeamByChannel(ctx context.Context, platform intranet.Platform, channelID string) (*intranet.Team, error) {
	return s.oneTeam(ctx, "the team of this channel", "t.id IN (SELECT team_id FROM team_channels WHERE platform = ? AND channel_id = ?)", string(platform), channelID)
}

// TeamsOf returns the teams the person is a member or lead of.
func (s *Store) TeamsOf(ctx context.Context, personID int64) ([]*intranet.Team, error) {
	return s.teamsWhere(ctx, "t.id IN (SELECT team_id FROM team_members WHERE person_id = ? AND (is_member OR is_lead))", personID)
}

func (s *Store) oneTeam(ctx context.Context, what, where string, args ...any) (*intranet.Team, error) {
	teams, err := s.teamsWhere(ctx, where, args...)
	if err != nil {
		return nil, err
	} else if len(teams) == 0 {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "No %s.", what)
	}
	return teams[0], nil
}

func (s *Store) teamsWhere(ctx context.Context, where string, args ...any) ([]*intranet.Team, error) {
	db := s.hdb(ctx)
	var rows []teamRow
	if err := db.Raw(`SELECT t.*, COALESCE(d.name, '') AS department FROM teams t LEFT JOIN departments d ON d.id = t.department_id WHERE `+where+` ORDER BY t.key`, args...).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("find teams: %w", translate(err))
	}
	if len(rows) == 0 {
		return nil, nil
	}
	ids := make([]int64, len(rows))
	byID := map[int64]*intranet.Team{}
	out := make([]*intranet.Team, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
		out[i] = &intranet.Team{ID: r.ID, Name: r.Name, Department: r.Department, Approval: r.Approval, ManagedBy: r.ManagedBy}
		byID[r.ID] = out[i]
	}
	var members []teamMemberRow
	if err := db.Raw(`SELECT m.team_id, m.person_id, m.is_member, m.is_lead, p.name, p.email FROM team_members m JOIN people p ON p.id = m.person_id
WHERE m.team_id IN ? AND (m.is_member OR m.is_lead) AND p.active ORDER BY p.sort_key, p.id`, ids).Scan(&members).Error; err != nil {
		return nil, fmt.Errorf("find team members: %w", translate(err))
	}
	for _, m := range members {
		t := byID[m.TeamID]
		t.Members = append(t.Members, intranet.TeamMember{PersonID: m.PersonID, Name: m.Name, Email: m.Email, Member: m.IsMember, Lead: m.IsLead})
	}
	var channels []teamChannelRow
	if err := db.Raw(`SELECT platform, channel_id, installation, team_id FROM team_channels WHERE team_id IN ? ORDER BY platform, channel_id`, ids).Scan(&channels).Error; err != nil {
		return nil, fmt.Errorf("find team channels: %w", translate(err))
	}
	for _, c := range channels {
		t := byID[c.TeamID]
		t.Channels = append(t.Channels, intranet.TeamChannel{Platform: intranet.Platform(c.Platform), Installation: c.Installation, ChannelID: c.ChannelID})
	}
	return out, nil
}

// CreateTeam returns ECONFLICT when the name is taken, EINVALID when empty.
func (s *Store) CreateTeam(ctx context.Context, name string) (*intranet.Team, error) {
	name = strings.Join(strings.Fields(name), " ")
	key := teamKey(name)
	if key == "" {
		return nil, intranet.Errorf(intranet.EINVALID, "A team needs a name.")
	}
	row := teamRow{Name: name, Key: key, CreatedAt: s.Now().UTC().Truncate(time.Second)}
	if err := s.hdb(ctx).Omit("Department").Create(&row).Error; err != nil {
		if intranet.ErrorCode(translate(err)) == intranet.ECONFLICT {
			return nil, intranet.Errorf(intranet.ECONFLICT, "There is a team %q already.", name)
		}
		return nil, fmt.Errorf("create team: %w", translate(err))
	}
	return &intranet.Team{ID: row.ID, Name: row.Name}, nil
}

// SetTeamMember adds or removes a member; changed is false when the
// person already was (or was not) one. Returns ENOTFOUND, and EINVALID
// for adding a partner.
func (s *Store) SetTeamMember(ctx context.Context, teamID, personID int64, member bool) (bool, error) {
	return s.setTeamFlag(ctx, teamID, personID, "is_member", member)
}

// SetTeamLead adds or removes a lead; changed is false when nothing
// changed. Returns ENOTFOUND, and EINVALID for adding a partner.
func (s *Store) SetTeamLead(ctx context.Context, teamID, personID int64, lead bool) (bool, error) {
	return s.setTeamFlag(ctx, teamID, personID, "is_lead", lead)
}

func (s *Store) setTeamFlag(ctx context.Context, teamID, personID int64, column string, on bool) (bool, error) {
	changed := false
	err := s.htx(ctx, func(ctx context.Context) error {
		changed = false
		db := s.hdb(ctx)
		if err := s.teamAndPersonExist(db, teamID, personID); err != nil {
			return err
		}
		if on {
			// A partner is in no team: they ask and take no shifts.
			var partner []string
			if err := db.Raw("SELECT name FROM people WHERE id = ? AND organisation_id IS NOT NULL", personID).Scan(&partner).Error; err != nil {
				return err
			} else if len(partner) > 0 {
				return intranet.Errorf(intranet.EINVALID, "%s is a partner and cannot be in a team.", partner[0])
			}
		}
		// Conditional statements, so that of two at once (a double tap,
		// the department sync) both succeed and exactly one changes it.
		res := db.Exec("UPDATE team_members SET "+column+" = ? WHERE team_id = ? AND person_id = ? AND "+column+" <> ?", on, teamID, personID, on)
		if res.Error != nil {
			return res.Error
		} else if res.RowsAffected > 0 {
			changed = true
			return nil
		}
		// No row yet. A removal writes one too: the department sync does not
		// add again whom a lead removed by hand.
		res = db.Exec("INSERT INTO team_members (team_id, person_id, "+column+") VALUES (?, ?, ?) ON CONFLICT (team_id, person_id) DO NOTHING",
			teamID, personID, on)
		changed = on && res.RowsAffected > 0
		return res.Error
	})
	if code := intranet.ErrorCode(err); code == intranet.ENOTFOUND || code == intranet.EINVALID {
		return false, err
	} else if err != nil {
		return false, fmt.Errorf("set team %s: %w", column, translate(err))
	}
	return changed, nil
}

func (s *Store) teamAndPersonExist(db *gorm.DB, teamID, personID int64) error {
	var n int64
	if err := db.Raw("SELECT COUNT(*) FROM teams WHERE id = ?", teamID).Scan(&n).Error; err != nil {
		return err
	} else if n == 0 {
		return intranet.Errorf(intranet.ENOTFOUND, "No team %d.", teamID)
	}
	if err := db.Raw("SELECT COUNT(*) FROM people WHERE id = ?", personID).Scan(&n).Error; err != nil {
		return err
	} else if n == 0 {
		return intranet.Errorf(intranet.ENOTFOUND, "No person %d.", personID)
	}
	return nil
}

// SetTeamApproval turns approval on or off. Returns ENOTFOUND.
func (s *Store) SetTeamApproval(ctx context.Context, teamID int64, on bool) error {
	res := s.hdb(ctx).Exec("UPDATE teams SET approval = ? WHERE id = ?", on, teamID)
	if res.Error != nil {
		return fmt.Errorf("set team approval: %w", translate(res.Error))
	} else if res.RowsAffected == 0 {
		return intranet.Errorf(intranet.ENOTFOUND, "No team %d.", teamID)
	}
	return nil
}

// LinkTeamChannel links a channel to a team. Returns ENOTFOUND.
func (s *Store) LinkTeamChannel(ctx context.Context, teamID int64, ch intranet.TeamChannel) error {
	err := s.htx(ctx, func(ctx context.Context) error {
		db := s.hdb(ctx)
		var n int64
		if err := db.Raw("SELECT COUNT(*) FROM teams WHERE id = ?", teamID).Scan(&n).Error; err != nil {
			return err
		} else if n == 0 {
			return intranet.Errorf(intranet.ENOTFOUND, "No team %d.", teamID)
		}
		return db.Exec(`INSERT INTO team_channels (platform, channel_id, installation, team_id) VALUES (?, ?, ?, ?)
ON CONFLICT (platform, channel_id) DO UPDATE SET installation = excluded.installation, team_id = excluded.team_id`, string(ch.Platform), ch.ChannelID, ch.Installation, teamID).Error
	})
	if code := intranet.ErrorCode(err); code == intranet.ENOTFOUND {
		return err
	} else if err != nil {
		return fmt.Errorf("link team channel: %w", translate(err))
	}
	return nil
}

// htx runs fn in one transaction (Store.InTx): the team and handover
// methods, the job scheduler and the outbox join it when called with fn's
// ctx, so a handover and its expiry job are written together.
func (s *Store) htx(ctx context.Context, fn func(ctx context.Context) error) error {
	return s.InTx(ctx, fn)
}

// hdb is the database handle for ctx: its InTx transaction, or the pool.
func (s *Store) hdb(ctx context.Context) *gorm.DB { return s.conn(ctx) }
