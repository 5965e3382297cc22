package teams

import (
	"context"

	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/grammar"
)

var _ feature.ExampleUnit = (*Unit)(nil)

// ExampleNames names a real team for the examples of mistakes: the
// caller's own first team, else the first team there is.
func (u *Unit) ExampleNames(ctx context.Context, c *feature.Call) (grammar.Examples, error) {
	all, err := u.cfg.Teams.Teams(ctx)
	if err != nil || len(all) == 0 {
		return nil, err
	}
	for _, t := range all {
		for _, m := range t.Members {
			if c.Person != nil && m.PersonID == c.Person.ID {
				return grammar.Examples{grammar.Team: t.Name}, nil
			}
		}
	}
	return grammar.Examples{grammar.Team: all[0].Name}, nil
}
