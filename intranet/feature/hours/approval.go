package hours

import (
	"context"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// A week goes from its person to its approvers and back: submitted, it
// arrives as a card in each approver's DM; the first approver to decide
// wins (the store's conditional update), the person is told, and an
// approval is published to the organisation's software in the same
// transaction. Every button is a typed command, authorised again when it
// is pressed.

var _ feature.FormUnit = (*Unit)(nil)

// rejectFormID starts the id of the form that asks an approver why they
// reject a week: "hours.reject:<email>:<week>".
const rejectFormID = "hours.reject"

// Approvers returns who approves p's weeks: the leads of the team of p's
// department; where it has none, or p leads it, p's manager; else the
// admins. Nobody approves their own week, and no guest or partner
// approves (a manager who became a partner is passed over). Who is away today is skipped
// (see approval.of).
func (u *Unit) Approvers(ctx context.Context, p *intranet.Person) ([]*intranet.Person, error) {
	a, err := u.approval(ctx)
	if err != nil {
		return nil, err
	}
	return a.of(ctx, p)
}

// approval answers who approves whom for one request: the teams and the
// admins read once.
type approval struct {
	u          *Unit
	teams      []*intranet.Team
	admins     []*intranet.Person
	adminsRead bool
	people     map[int64]*intranet.Person
}

func (u *Unit) approval(ctx context.Context) (*approval, error) {
	if err := u.cfg.Teams.SyncDepartmentTeams(ctx); err != nil {
		return nil, err
	}
	teams, err := u.cfg.Teams.Teams(ctx)
	if err != nil {
		return nil, err
	}
	return &approval{u: u, teams: teams, people: map[int64]*intranet.Person{}}, nil
}

// departmentTeam returns the team of a department, nil when it has none.
func (a *approval) departmentTeam(dept string) *intranet.Team {
	if strings.TrimSpace(dept) == "" {
		return nil
	}
	for _, t := range a.teams {
		if t.Department != "" && strings.EqualFold(t.Department, dept) {
			return t
		}
	}
	return nil
}

// person finds someone by id once per request; nil when they are gone.
func (a *approval) person(ctx context.Context, id int64) (*intranet.Person, error) {
	if p, ok := a.people[id]; ok {
		return p, nil
	}
	p, err := a.u.cfg.People.FindPersonByID(ctx, id)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		p, err = nil, nil
	}
	if err != nil {
		return nil, err
	}
	a.people[id] = p
	return p, nil
}

// of returns who p's week goes to (see Unit.Approvers): the first of the
// leads of p's department's team, p's manager, the admins who is not away
// today (who marked themselves away is skipped through the last day they
// gave, and counts again after it). When everyone on that way is away, it
// is who would approve had nobody been away (everyone), so that a week
// always reaches someone.
func (a *approval) of(ctx context.Context, p *intranet.Person) ([]*intranet.Person, error) {
	today := a.u.cfg.Today().String()
	present := func(people []*intranet.Person) []*intranet.Person {
		var out []*intranet.Person
		for _, x := range people {
			if !x.AwayOn(today) {
				out = append(out, x)
			}
		}
		return out
	}
	leads, err := a.leadsOf(ctx, p)
	if err != nil {
		return nil, err
	}
	if here := present(leads); len(here) > 0 {
		return here, nil
	}
	manager, err := a.managerOf(ctx, p)
	if err != nil {
		return nil, err
	}
	if here := present(manager); len(here) > 0 {
		return here, nil
	}
	admins, err := a.adminsFor(ctx, p)
	if err != nil {
		return nil, err
	}
	if here := present(admins); len(here) > 0 {
		return here, nil
	}
	return a.all(ctx, p)
}

// all returns p's approvers as if nobody were away: the leads of p's
// department's team (where p leads it not), else p's manager, else the
// admins. Nobody approves their own week.
func (a *approval) all(ctx context.Context, p *intranet.Person) ([]*intranet.Person, error) {
	if leads, err := a.leadsOf(ctx, p); err != nil || len(leads) > 0 {
		return leads, err
	}
	if m, err := a.managerOf(ctx, p); err != nil || len(m) > 0 {
		return m, err
	}
	return a.adminsFor(ctx, p)
}

// may returns who may decide p's weeks besides the admins: who they go to
// (of) and who would approve them had nobody been away (all), so that a
// lead back early, or the one standing in, may both.
func (a *approval) may(ctx context.Context, p *intranet.Person) ([]*intranet.Person, error) {
	out, err := a.of(ctx, p)
	if err != nil {
		return nil, err
	}
	all, err := a.all(ctx, p)
	if err != nil {
		return nil, err
	}
	for _, x := range all {
		if !containsPerson(out, x.ID) {
			out = append(out, x)
		}
	}
	return out, nil
}

// leadsOf returns the leads of the team of p's department, none when p
// leads it.
func (a *approval) leadsOf(ctx context.Context, p *intranet.Person) ([]*intranet.Person, error) {
	var out []*intranet.Person
	if t := a.departmentTeam(p.Department); t != nil && !t.IsLead(p.ID) {
		for _, l := range t.Leads() {
			lp, err := a.person(ctx, l.PersonID)
			if err != nil {
				return nil, err
			}
			if lp != nil && lp.ID != p.ID && !lp.IsGuest() {
				out = append(out, lp)
			}
		}
	}
	return out, nil
}

// managerOf returns p's manager, none when p has none.
func (a *approval) managerOf(ctx context.Context, p *intranet.Person) ([]*intranet.Person, error) {
	if p.ManagerID == 0 || p.ManagerID == p.ID {
		return nil, nil
	}
	m, err := a.person(ctx, p.ManagerID)
	if err != nil || m == nil || m.IsGuest() {
		return nil, err
	}
	return []*intranet.Person{m}, nil
}

// adminsFor returns the admins other than p.
func (a *approval) adminsFor(ctx context.Context, p *intranet.Person) ([]*intranet.Person, error) {
	if !a.adminsRead {
		admins, err := a.u.cfg.Admins.FindPeopleWithRole(ctx, intranet.RoleAdmin)
		if err != nil {
			return nil, err
		}
		a.admins, a.adminsRead = admins, true
	}
	var out []*intranet.Person
	for _, ad := range a.admins {
		if ad.ID != p.ID && !ad.IsGuest() {
			out = append(out, ad)
		}
	}
	return out, nil
}

// mayDecide reports whether caller approves, rejects and reopens p's
// weeks: p's approvers and the admins, never p.
func (a *approval) mayDecide(ctx context.Context, caller, p *intranet.Person) (bool, error) {
	if caller.ID == p.ID {
		return false, nil
	}
	if caller.Has(intranet.RoleAdmin) {
		return true, nil
	}
	approvers, err := a.may(ctx, p)
	if err != nil {
		return false, err
	}
	return containsPerson(approvers, caller.ID), nil
}

// refuseUnlessApprover says why the caller may not decide p's weeks (and
// who may), "" when they may: every decision is authorised again, also
// one pressed on a card.
func (u *Unit) refuseUnlessApprover(ctx context.Context, c *feature.Call, p *intranet.Person) (string, error) {
	a, err := u.approval(ctx)
	if err != nil {
		return "", err
	}
	if ok, err := a.mayDecide(ctx, c.Person, p); err != nil || ok {
		return "", err
	}
	approvers, err := a.of(ctx, p)
	if err != nil {
		return "", err
	}
	return notYourApproval(c, p, approvers), nil
}

func containsPerson(people []*intranet.Person, id int64) bool {
	for _, p := range people {
		if p.ID == id {
			return true
		}
	}
	return false
}

// approvees returns the people whose weeks caller approves: the people of
// the departments whose teams they lead, and of sheets those whose
// approver they are (the people they manage, or, for an admin, those
// without lead and manager). By name.
func (a *approval) approvees(ctx context.Context, caller *intranet.Person, sheets []*intranet.Timesheet) ([]*intranet.Person, error) {
	seen := map[int64]bool{caller.ID: true}
	var out []*intranet.Person
	consider := func(p *intranet.Person) error {
		if p == nil || seen[p.ID] {
			return nil
		}
		seen[p.ID] = true
		approvers, err := a.may(ctx, p)
		if err != nil {
			return err
		}
		if containsPerson(approvers, caller.ID) {
			out = append(out, p)
		}
		return nil
	}
	for _, t := range a.teams {
		if t.Department == "" || !t.IsLead(caller.ID) {
			continue
		}
		people, err := a.departmentPeople(ctx, t.Department)
		if err != nil {
			return nil, err
		}
		for _, p := range people {
			if err := consider(p); err != nil {
				return nil, err
			}
		}
	}
	for _, s := range sheets {
		p, err := a.person(ctx, s.PersonID)
		if err != nil {
			return nil, err
		}
		if err := consider(p); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// maxDepartment is the most people of one department /hours team reads.
const maxDepartment = 1000

// departmentPeople returns the people of a department.
func (a *approval) departmentPeople(ctx context.Context, dept string) ([]*intranet.Person, error) {
	res, err := a.u.cfg.People.SearchPeople(ctx, intranet.PersonSearch{Departments: []string{dept}, Limit: maxDepartment})
	if err != nil {
		return nil, err
	}
	out := make([]*intranet.Person, 0, len(res.Matches))
	for _, m := range res.Matches {
		out = append(out, m.Person)
	}
	return out, nil
}
