package store

import (
	"context"
	"fmt"

	"github.com/werkplek/werkplek/intranet"
)

// ActivePeople returns everyone in the phonebook who has not left, with
// their platform accounts, by name: the directory sync compares them with
// a chat's users, and a full import with its file.
func (s *Store) ActivePeople(ctx context.Context) ([]*intranet.Person, error) {
	people, err := s.peopleWhere(ctx, "p.active ORDER BY p.sort_key, p.id")
	if err != nil {
		return nil, fmt.Errorf("list active people: %w", err)
	}
	return people, nil
}
