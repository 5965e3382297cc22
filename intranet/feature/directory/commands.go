package directory

import (
	"context"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/phonebook"
)

// The unit's commands are subcommands of /werkplek (help.Command: person
// deactivate, person activate, role add, role remove), which the help unit
// hands to Handle.

// Handle answers /werkplek person deactivate|activate and /werkplek role
// add|remove, for admins only.
func (u *Unit) Handle(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	if !c.Has(intranet.RoleAdmin) { // nobody, and no guest account, is one
		return c.Reply(notAdmin(c)), nil
	}
	switch {
	case c.Is("person deactivate"):
		return u.deactivate(ctx, c)
	case c.Is("person activate"):
		return u.activate(ctx, c)
	case c.Is("role add"):
		return u.role(ctx, c, true)
	case c.Is("role remove"):
		return u.role(ctx, c, false)
	}
	return c.Reply(c.Usage()), nil
}

// actor is the caller as the audit log names them.
func actor(c *feature.Call) intranet.Actor {
	return intranet.Actor{PersonID: c.Person.ID, Name: c.Person.Email, Platform: string(c.Req.Platform)}
}

// deactivate asks once, with a button that runs the same command with
// `sure`; with `sure` it deactivates and says what that did.
func (u *Unit) deactivate(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	p, problem, err := feature.FindAnyPerson(ctx, u.cfg.People, u.cfg.Accounts, c, c.Cmd.Text("person"))
	if err != nil || problem != "" {
		return c.Reply(problem), err
	}
	switch {
	case p.Inactive:
		return c.Reply(alreadyInactive(c, p)), nil
	case p.ID == c.Person.ID:
		return c.Reply(notYourself(c)), nil
	}
	if p.Has(intranet.RoleAdmin) {
		if last, err := u.lastAdmin(ctx, p); err != nil || last {
			return c.Reply(lastAdmin(c, p)), err
		}
	}
	if sure, _ := c.Cmd.Flag("sure"); !sure {
		return deactivateQuestion(c, p), nil
	}
	d, err := u.Deactivate(ctx, actor(c), p.ID)
	if intranet.ErrorCode(err) == intranet.ECONFLICT {
		// Another admin left or lost the role since the check above.
		return c.Reply(lastAdmin(c, p)), nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	reply := deactivated(c, p, d)
	reply.ReplaceOriginal = c.ReplacesOriginal()
	return reply, nil
}

func (u *Unit) activate(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	who := c.Cmd.Text("person")
	p, problem, err := feature.FindAnyPerson(ctx, u.cfg.People, u.cfg.Accounts, c, who)
	if err != nil {
		return intranet.Reply{}, err
	} else if problem != "" {
		// Search skips who left: their full name finds them here.
		left, err := u.leftByName(ctx, who)
		if err != nil {
			return intranet.Reply{}, err
		}
		switch len(left) {
		case 0:
			return c.Reply(problem + " " + byEmail(c)), nil
		case 1:
			p = left[0]
		default:
			return c.Reply(severalLeft(c, who, left)), nil
		}
	}
	if !p.Inactive {
		return c.Reply(alreadyActive(c, p)), nil
	}
	if err := u.Activate(ctx, actor(c), p.ID); err != nil {
		return intranet.Reply{}, err
	}
	return c.Reply(activated(c, p)), nil
}

// leftByName returns the people who left whose full name is name (case
// and accents aside).
func (u *Unit) leftByName(ctx context.Context, name string) ([]*intranet.Person, error) {
	key := phonebook.Key(name)
	if key == "" {
		return nil, nil
	}
	left, err := u.cfg.Store.InactivePeople(ctx)
	if err != nil {
		return nil, err
	}
	var out []*intranet.Person
	for _, p := range left {
		if phonebook.Key(p.Name) == key {
			out = append(out, p)
		}
	}
	return out, nil
}

// lastAdmin reports whether p is the only active admin.
func (u *Unit) lastAdmin(ctx context.Context, p *intranet.Person) (bool, error) {
	admins, err := u.cfg.Store.FindPeopleWithRole(ctx, intranet.RoleAdmin)
	if err != nil {
		return false, err
	}
	for _, a := range admins {
		if a.ID != p.ID {
			return false, nil
		}
	}
	return true, nil
}

// role answers /werkplek role add|remove <person> <role>.
func (u *Unit) role(ctx context.Context, c *feature.Call, add bool) (intranet.Reply, error) {
	who, role, ok := splitRole(c.Cmd.Text("person"), c.Cmd.Text("role"))
	if !ok {
		return c.Reply(unknownRole(c, u.typedRole(ctx, c))), nil
	}
	p, problem, err := feature.FindPerson(ctx, u.cfg.People, u.cfg.Accounts, c, who)
	if err != nil {
		return intranet.Reply{}, err
	} else if problem != "" {
		// Search skips who left; by their full name they are not
		// "not in the phonebook" but gone, with the way back.
		if left, err := u.leftByName(ctx, who); err != nil {
			return intranet.Reply{}, err
		} else if len(left) == 1 {
			return c.Reply(roleOfLeaver(c, left[0])), nil
		}
		return c.Reply(problem), nil
	}
	has := p.Has(role)
	switch {
	case add && has:
		return c.Reply(hasRoleAlready(c, p, role)), nil
	case !add && !has:
		return c.Reply(hasNoRole(c, p, role)), nil
	}
	roles := make([]intranet.Role, 0, len(p.Roles)+1)
	for _, r := range p.Roles {
		if r != role {
			roles = append(roles, r)
		}
	}
	if add {
		roles = append(roles, role)
	} else if role == intranet.RoleAdmin {
		if last, err := u.lastAdmin(ctx, p); err != nil || last {
			return c.Reply(lastAdmin(c, p)), err
		}
	}
	if err := u.cfg.Store.SetRoles(ctx, p.ID, roles); intranet.ErrorCode(err) == intranet.ECONFLICT {
		// The store's own check: another admin lost the role just now.
		return c.Reply(lastAdmin(c, p)), nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	p.Roles = roles
	return c.Reply(roleChanged(c, p, role, add)), nil
}

// typedRole is what was typed as a role that names none: the words after
// the longest run that is a person ("Anna Bakker koning" is "koning", not
// the parser's "Bakker koning").
func (u *Unit) typedRole(ctx context.Context, c *feature.Call) string {
	words := strings.Fields(c.Cmd.Text("person") + " " + c.Cmd.Text("role"))
	for n := len(words) - 1; n >= 1; n-- {
		if p, _, err := feature.FindAnyPerson(ctx, u.cfg.People, u.cfg.Accounts, c, strings.Join(words[:n], " ")); err == nil && p != nil {
			return strings.Join(words[n:], " ")
		}
	}
	return c.Cmd.Text("role")
}

// splitRole reads the person and the role from what the grammar read as
// the two: the role is the longest run of last words that names one
// ("room admin" before "admin"), so that "Jan de Vries room admin" and
// "jan@example.nl content manager" both read right however the parser
// split them.
func splitRole(person, role string) (string, intranet.Role, bool) {
	words := strings.Fields(person + " " + role)
	for n := min(3, len(words)-1); n >= 1; n-- {
		if r, ok := parseRole(strings.Join(words[len(words)-n:], " ")); ok {
			return strings.Join(words[:len(words)-n], " "), r, true
		}
	}
	return "", "", false
}
