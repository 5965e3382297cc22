package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"gorm.io/gorm"
)

// Groups of the identity provider are teams it manages (teams.managed_by):
// their members follow SCIM; leads, approval and channels stay Werkplek's.

// ProvisionedGroups returns the managed teams q selects, by id.
func (s *Store) ProvisionedGroups(ctx context.Context, q intranet.GroupQuery) ([]*intranet.ProvisionedGroup, int, error) {
	where, args := []string{"t.managed_by = ?"}, []any{intranet.ManagedBySCIM}
	if q.Name != "" {
		where, args = append(where, "t.key = ?"), append(args, teamKey(q.Name))
	}
	if q.ExternalID != "" {
		where, args = append(where, "t.scim_external_id <> '' AND t.scim_external_id = ?"), append(args, q.ExternalID)
	}
	cond := strings.Join(where, " AND ")
	db := s.conn(ctx)
	var total int64
	if err := db.Raw("SELECT COUNT(*) FROM teams t WHERE "+cond, args...).Scan(&total).Error; err != nil {
		return nil, 0, fmt.Errorf("provisioned groups: %w", translate(err))
	}
	var ids []int64
	query := db.Raw("SELECT t.id FROM teams t WHERE "+cond+" ORDER BY t.id", args...)
	if q.Limit > 0 || q.Offset > 0 {
		limit := q.Limit
		if limit <= 0 {
			limit = int(total)
		}
		query = db.Raw("SELECT t.id FROM teams t WHERE "+cond+fmt.Sprintf(" ORDER BY t.id LIMIT %d OFFSET %d", limit, q.Offset), args...)
	}
	if err := query.Scan(&ids).Error; err != nil {
		return nil, 0, fmt.Errorf("provisioned groups: %w", translate(err))
	}
	out, err := s.groups(db, ids)
	return out, int(total), err
}

// ProvisionedGroup returns ENOTFOUND for a team that is not managed.
func (s *Store) ProvisionedGroup(ctx context.Context, id int64) (*intranet.ProvisionedGroup, error) {
	gs, err := s.groups(s.conn(ctx), []int64{id})
	if err != nil {
		return nil, err
	} else if len(gs) == 0 {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "No provisioned group %d.", id)
	}
	return gs[0], nil
}

// groups reads the managed teams of ids, in that order.
func (s *Store) groups(db *gorm.DB, ids []int64) ([]*intranet.ProvisionedGroup, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	var rows []struct {
		ID             int64
		Name           string
		ScimExternalID string
		CreatedAt      time.Time
	}
	if err := db.Raw("SELECT id, name, scim_external_id, created_at FROM teams WHERE id IN ? AND managed_by = ?", ids, intranet.ManagedBySCIM).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("provisioned groups: %w", translate(err))
	}
	byID := map[int64]*intranet.ProvisionedGroup{}
	for _, r := range rows {
		byID[r.ID] = &intranet.ProvisionedGroup{ID: r.ID, Name: r.Name, ExternalID: r.ScimExternalID, Created: r.CreatedAt}
	}
	var members []teamMemberRow
	if err := db.Raw(`SELECT m.team_id, m.person_id, p.name FROM team_members m JOIN people p ON p.id = m.person_id
WHERE m.team_id IN ? AND m.is_member ORDER BY m.person_id`, ids).Scan(&members).Error; err != nil {
		return nil, fmt.Errorf("provisioned group members: %w", translate(err))
	}
	for _, m := range members {
		if g := byID[m.TeamID]; g != nil {
			g.Members = append(g.Members, intranet.GroupMember{PersonID: m.PersonID, Name: m.Name})
		}
	}
	var out []*intranet.ProvisionedGroup
	for _, id := range ids {
		if g := byID[id]; g != nil {
			out = append(out, g)
		}
	}
	return out, nil
}

// ProvisionGroup makes a managed team, or takes over the unmanaged team of
// that name (a department's team too: its members then follow the
// identity provider, not the department).
func (s *Store) ProvisionGroup(ctx context.Context, g intranet.ProvisionedGroup) (*intranet.ProvisionedGroup, error) {
	name := strings.Join(strings.Fields(g.Name), " ")
	key := teamKey(name)
	var id int64
	err := s.InTx(ctx, func(ctx context.Context) error {
		db := s.conn(ctx)
		if key == "" {
			return intranet.Errorf(intranet.EINVALID, "A group needs a displayName.")
		}
		var existing []teamRow
		if err := db.Raw("SELECT id, name, key FROM teams WHERE key = ?", key).Scan(&existing).Error; err != nil {
			return err
		}
		var managed []int64
		if err := db.Raw("SELECT id FROM teams WHERE key = ? AND managed_by <> ''", key).Scan(&managed).Error; err != nil {
			return err
		} else if len(managed) > 0 {
			return intranet.Errorf(intranet.ECONFLICT, "There is a group %q already.", name)
		}
		action := "scim group create"
		if len(existing) > 0 {
			id, action = existing[0].ID, "scim group adopt"
			if err := db.Exec("UPDATE teams SET managed_by = ?, scim_external_id = ? WHERE id = ?", intranet.ManagedBySCIM, g.ExternalID, id).Error; err != nil {
				return err
			}
		} else {
			row := teamRow{Name: name, Key: key, CreatedAt: s.Now().UTC().Truncate(time.Second), ManagedBy: intranet.ManagedBySCIM, ScimExternalID: g.ExternalID}
			if err := db.Omit("Department").Create(&row).Error; err != nil {
				return err
			}
			id = row.ID
		}
		ids := make([]int64, len(g.Members))
		for i, m := range g.Members {
			ids[i] = m.PersonID
		}
		if err := s.setGroupMembers(db, id, &ids, nil, nil); err != nil {
			return err
		}
		return s.auditSCIM(ctx, action, 0, name, fmt.Sprintf("team %d, %d members", id, len(ids)))
	})
	if err != nil {
		return nil, provisionError("provision group", err)
	}
	return s.ProvisionedGroup(ctx, id)
}

// UpdateProvisionedGroup renames a managed team or changes its members.
func (s *Store) UpdateProvisionedGroup(ctx context.Context, id int64, u intranet.GroupUpdate) (*intranet.ProvisionedGroup, error) {
	err := s.InTx(ctx, func(ctx context.Context) error {
		db := s.conn(ctx)
		if err := s.lockRow(db, "teams", id); err != nil {
			return err
		}
		var name string
		if err := db.Raw("SELECT name FROM teams WHERE id = ? AND managed_by = ?", id, intranet.ManagedBySCIM).Scan(&name).Error; err != nil {
			return err
		} else if name == "" {
			return intranet.Errorf(intranet.ENOTFOUND, "No provisioned group %d.", id)
		}
		var did []string
		if u.Name != nil {
			newName := strings.Join(strings.Fields(*u.Name), " ")
			key := teamKey(newName)
			if key == "" {
				return intranet.Errorf(intranet.EINVALID, "A group needs a displayName.")
			}
			if newName != name {
				var n int64
				if err := db.Raw("SELECT COUNT(*) FROM teams WHERE key = ? AND id <> ?", key, id).Scan(&n).Error; err != nil {
					return err
				} else if n > 0 {
					return intranet.Errorf(intranet.ECONFLICT, "There is a team %q already.", newName)
				}
				if err := db.Exec("UPDATE teams SET name = ?, key = ? WHERE id = ?", newName, key, id).Error; err != nil {
					return err
				}
				did = append(did, fmt.Sprintf("renamed from %q", name))
				name = newName
			}
		}
		if u.ExternalID != nil {
			if err := db.Exec("UPDATE teams SET scim_external_id = ? WHERE id = ?", *u.ExternalID, id).Error; err != nil {
				return err
			}
		}
		if u.Members != nil || len(u.Add) > 0 || len(u.Remove) > 0 {
			if err := s.setGroupMembers(db, id, u.Members, u.Add, u.Remove); err != nil {
				return err
			}
			switch {
			case u.Members != nil:
				did = append(did, fmt.Sprintf("%d members", len(*u.Members)))
			default:
				did = append(did, fmt.Sprintf("%d added, %d removed", len(u.Add), len(u.Remove)))
			}
		}
		if len(did) == 0 {
			return nil
		}
		return s.auditSCIM(ctx, "scim group update", 0, name, fmt.Sprintf("team %d: %s", id, strings.Join(did, "; ")))
	})
	if err != nil {
		return nil, provisionError("update provisioned group", err)
	}
	return s.ProvisionedGroup(ctx, id)
}

// setGroupMembers replaces the members (members not nil), then adds and
// removes some. Leads stay leads; a removed member's row stays, as a
// removal by hand does. A partner is left out: they are in no team.
func (s *Store) setGroupMembers(db *gorm.DB, teamID int64, members *[]int64, add, remove []int64) error {
	var all []int64
	if members != nil {
		all = append(all, *members...)
	}
	all = append(all, add...)
	if len(all) > 0 {
		slices.Sort(all)
		all = slices.Compact(all)
		var found []int64
		for _, batch := range chunks(all, 1000) {
			var ids []int64
			if err := db.Raw("SELECT id FROM people WHERE id IN ?", batch).Scan(&ids).Error; err != nil {
				return err
			}
			found = append(found, ids...)
		}
		for _, id := range all {
			if !slices.Contains(found, id) {
				return intranet.Errorf(intranet.ENOTFOUND, "No person %d.", id)
			}
		}
		// A partner is in no team, whatever the identity provider's group
		// holds: they are left out.
		var partners []int64
		for _, batch := range chunks(all, 1000) {
			var ids []int64
			if err := db.Raw("SELECT id FROM people WHERE id IN ? AND organisation_id IS NOT NULL", batch).Scan(&ids).Error; err != nil {
				return err
			}
			partners = append(partners, ids...)
		}
		if len(partners) > 0 {
			notPartner := func(ids []int64) []int64 {
				return slices.DeleteFunc(slices.Clone(ids), func(id int64) bool { return slices.Contains(partners, id) })
			}
			add = notPartner(add)
			if members != nil {
				kept := notPartner(*members)
				members = &kept
			}
		}
	}
	if members != nil {
		keep := *members
		q := "UPDATE team_members SET is_member = false WHERE team_id = ? AND is_member"
		args := []any{teamID}
		if len(keep) > 0 {
			q += " AND person_id NOT IN ?"
			args = append(args, keep)
		}
		if err := db.Exec(q, args...).Error; err != nil {
			return err
		}
		add = append(slices.Clone(keep), add...)
	}
	for _, pid := range add {
		if err := db.Exec(`INSERT INTO team_members (team_id, person_id, is_member) VALUES (?, ?, true)
ON CONFLICT (team_id, person_id) DO UPDATE SET is_member = true`, teamID, pid).Error; err != nil {
			return err
		}
	}
	for _, batch := range chunks(remove, 1000) {
		if err := db.Exec("UPDATE team_members SET is_member = false WHERE team_id = ? AND person_id IN ?", teamID, batch).Error; err != nil {
			return err
		}
	}
	return nil
}

// UnprovisionGroup hands a managed team back to Werkplek.
func (s *Store) UnprovisionGroup(ctx context.Context, id int64) error {
	err := s.InTx(ctx, func(ctx context.Context) error {
		db := s.conn(ctx)
		var name string
		if err := db.Raw("SELECT name FROM teams WHERE id = ? AND managed_by = ?", id, intranet.ManagedBySCIM).Scan(&name).Error; err != nil {
			return err
		} else if name == "" {
			return intranet.Errorf(intranet.ENOTFOUND, "No provisioned group %d.", id)
		}
		if err := db.Exec("UPDATE teams SET managed_by = '', scim_external_id = '' WHERE id = ?", id).Error; err != nil {
			return err
		}
		return s.auditSCIM(ctx, "scim group delete", 0, name, fmt.Sprintf("team %d is no longer managed", id))
	})
	if err != nil {
		return provisionError("unprovision group", err)
	}
	return nil
}
