// Package teams is the teams unit: /team lists and shows the organisation's
// teams (every department is one already) and lets admins and team leads
// make teams, add and remove members and leads, turn the leads' approval of
// handovers on or off and link a chat channel to a team. The handover unit
// finds the team a request goes to with FindTeam.
package teams

import (
	"context"
	"errors"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/grammar"
)

// Config is what the unit needs.
type Config struct {
	Teams  intranet.TeamService
	People intranet.PersonService
	// Accounts finds the person a platform mention points at.
	Accounts intranet.AccountService
}

// Unit answers /team.
type Unit struct{ cfg Config }

var _ feature.Unit = (*Unit)(nil)

// New returns the unit; every service is required.
func New(cfg Config) (*Unit, error) {
	switch {
	case cfg.Teams == nil:
		return nil, errors.New("teams: Config.Teams is required")
	case cfg.People == nil:
		return nil, errors.New("teams: Config.People is required")
	case cfg.Accounts == nil:
		return nil, errors.New("teams: Config.Accounts is required")
	}
	return &Unit{cfg: cfg}, nil
}

// Commands returns /team.
func (u *Unit) Commands() []*grammar.Command { return []*grammar.Command{Command} }

// Handle answers /team and its subcommands. Department teams are brought
// up to date first, so a new colleague's department team knows them.
func (u *Unit) Handle(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	if err := u.cfg.Teams.SyncDepartmentTeams(ctx); err != nil {
		return intranet.Reply{}, err
	}
	switch {
	case c.Is("show"):
		return u.show(ctx, c)
	case c.Is("add"):
		return u.add(ctx, c)
	case c.Is("member add"), c.Is("member remove"), c.Is("lead add"), c.Is("lead remove"):
		return u.person(ctx, c)
	case c.Is("approval"):
		return u.approval(ctx, c)
	case c.Is("channel"):
		return u.channel(ctx, c)
	}
	return u.list(ctx, c)
}

// mayManage reports whether the caller may change the team: an admin or
// one of its leads.
func mayManage(c *feature.Call, t *intranet.Team) bool {
	return c.Has(intranet.RoleAdmin) || t.IsLead(c.Person.ID)
}

func (u *Unit) list(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	teams, err := u.cfg.Teams.Teams(ctx)
	if err != nil {
		return intranet.Reply{}, err
	}
	return teamList(c, teams), nil
}

func (u *Unit) show(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	t, problem, err := FindTeam(ctx, u.cfg.Teams, c, c.Cmd.Text("team"))
	if t == nil {
		return c.Reply(problem), err
	}
	return teamCard(c, t), nil
}

func (u *Unit) add(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	name := c.Cmd.Text("name")
	if !c.Has(intranet.RoleAdmin, intranet.RoleTeamLead) {
		return c.Reply(onlyAdminsMakeTeams(c)), nil
	}
	t, err := u.cfg.Teams.CreateTeam(ctx, name)
	switch intranet.ErrorCode(err) {
	case "":
	case intranet.ECONFLICT:
		return c.Reply(teamExists(c, name)), nil
	case intranet.EINVALID:
		return c.Reply(teamNameInvalid(c)), nil
	default:
		return intranet.Reply{}, err
	}
	// A lead who makes a team leads it.
	if c.Has(intranet.RoleTeamLead) {
		if _, err := u.cfg.Teams.SetTeamLead(ctx, t.ID, c.Person.ID, true); err != nil {
			return intranet.Reply{}, err
		}
	}
	return c.Reply(teamMade(c, t)), nil
}

// person adds or removes a member or a lead.
func (u *Unit) person(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	t, p, problem, err := u.teamAndPerson(ctx, c)
	if err != nil || problem != "" {
		return c.Reply(problem), err
	}
	lead, add := c.Is("lead add") || c.Is("lead remove"), c.Is("member add") || c.Is("lead add")
	// The identity provider keeps a managed team's members; leads stay
	// Werkplek's.
	if !lead && t.ManagedBy != "" {
		return c.Reply(membersManaged(c, t)), nil
	}
	// Guests (partners from outside) ask and take no shifts, and see
	// only what is shared with guests: a team is not for them.
	if add && p.IsGuest() {
		return c.Reply(guestNotInTeam(c, p, t)), nil
	}
	var changed bool
	if lead {
		changed, err = u.cfg.Teams.SetTeamLead(ctx, t.ID, p.ID, add)
	} else {
		changed, err = u.cfg.Teams.SetTeamMember(ctx, t.ID, p.ID, add)
	}
	if err != nil {
		return intranet.Reply{}, err
	}
	if !changed {
		return c.Reply(personUnchanged(c, p, t, lead, add)), nil
	}
	return c.Reply(personChanged(c, p, t, lead, add)), nil
}

func (u *Unit) approval(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	t, problem, err := FindTeam(ctx, u.cfg.Teams, c, c.Cmd.Text("team"))
	if t == nil {
		return c.Reply(problem), err
	}
	if !mayManage(c, t) {
		return c.Reply(onlyLeads(c, t)), nil
	}
	on := c.Cmd.Text("on") == "on"
	if err := u.cfg.Teams.SetTeamApproval(ctx, t.ID, on); err != nil {
		return intranet.Reply{}, err
	}
	return c.Reply(approvalSet(c, t, on)), nil
}

func (u *Unit) channel(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	if c.Req.Channel.Direct || c.Req.Channel.ID == "" {
		return c.Reply(channelNotInDM(c)), nil
	}
	t, problem, err := FindTeam(ctx, u.cfg.Teams, c, c.Cmd.Text("team"))
	if t == nil {
		return c.Reply(problem), err
	}
	if !mayManage(c, t) {
		return c.Reply(onlyLeads(c, t)), nil
	}
	ch := intranet.TeamChannel{Platform: c.Req.Platform, Installation: c.Req.Installation, ChannelID: c.Req.Channel.ID}
	if err := u.cfg.Teams.LinkTeamChannel(ctx, t.ID, ch); err != nil {
		return intranet.Reply{}, err
	}
	return c.Reply(channelLinked(c, t)), nil
}
