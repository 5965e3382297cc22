package store

import (
	"context"
	"fmt"

	"github.com/werkplek/werkplek/intranet"
)

// FindPeopleWithRole returns the people who hold a role, with their platform
// accounts, by name: the admins to tell that an installation is gone.
// Who left (inactive) holds no role.
func (s *Store) FindPeopleWithRole(ctx context.Context, role intranet.Role) ([]*intranet.Person, error) {
	people, err := s.peopleWhere(ctx, "p.active AND (';' || LOWER(p.roles) || ';') LIKE ? ORDER BY p.sort_key, p.id", "%;"+string(role)+";%")
	if err != nil {
		return nil, fmt.Errorf("find people with role %s: %w", role, err)
	}
	return people, nil
}
