package teams

import (
	"context"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// FindTeam finds one team by its name, or by the start of its words
// ("zorg oo" is Zorg Oost). When there is none, or the name fits more than
// one, problem says so in the caller's language and the team is nil. A
// typo gets a did-you-mean, never a guess, so that nothing goes to a team
// nobody named.
func FindTeam(ctx context.Context, teams intranet.TeamService, c *feature.Call, name string) (t *intranet.Team, problem string, err error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, whichTeam(c), nil
	}
	if t, err := exactTeam(ctx, teams, name); t != nil || err != nil {
		return t, "", err
	}
	all, err := teams.Teams(ctx)
	if err != nil {
		return nil, "", err
	}
	match := startingWith(all, name)
	switch len(match) {
	case 1:
		return match[0], "", nil
	case 0:
		return nil, unknownTeam(c, name, names(all)), nil
	}
	return nil, severalTeams(c, name, names(match)), nil
}

// exactTeam returns the team of that name (case and accents aside), nil
// when there is none.
func exactTeam(ctx context.Context, teams intranet.TeamService, name string) (*intranet.Team, error) {
	t, err := teams.FindTeamByName(ctx, name)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return nil, nil
	}
	return t, err
}

// startingWith returns the teams whose words start with the typed words.
func startingWith(all []*intranet.Team, typed string) []*intranet.Team {
	var out []*intranet.Team
	for _, t := range all {
		if feature.WordsStartWith(t.Name, typed) {
			out = append(out, t)
		}
	}
	return out
}

func names(teams []*intranet.Team) []string {
	out := make([]string, len(teams))
	for i, t := range teams {
		out[i] = t.Name
	}
	return out
}

// split is one way to read "<team> <person>".
type split struct{ team, person string }

// splits returns the ways to read the team and person the grammar found:
// its own split first (the shortest team that leaves a person), then,
// unless either was quoted, the other splits of the same words, the
// longest team first. "Zorg Oost Jan de Vries" reads as team "Zorg" and
// person "Oost Jan de Vries" first, and then as "Zorg Oost" and "Jan de
// Vries".
func splits(c *feature.Call) []split {
	first := split{c.Cmd.Text("team"), c.Cmd.Text("person")}
	out := []split{first}
	if c.Cmd.Quoted("team") || c.Cmd.Quoted("person") {
		return out
	}
	words := strings.Fields(first.team + " " + first.person)
	for i := len(words) - 1; i >= 1; i-- {
		s := split{strings.Join(words[:i], " "), strings.Join(words[i:], " ")}
		if s.team != first.team {
			out = append(out, s)
		}
	}
	return out
}

// teamAndPerson finds the team and the person of "/team member|lead
// add|remove <team> <person>", checking that the caller may change the
// team. A split whose team is a known team name comes first (the one whose
// person is found, when several are); else a split whose team is the start
// of one team's name. problem explains what was not found or not allowed.
func (u *Unit) teamAndPerson(ctx context.Context, c *feature.Call) (*intranet.Team, *intranet.Person, string, error) {
	all := splits(c)
	var team *intranet.Team
	var person *intranet.Person
	var personProblem string
	for _, s := range all {
		t, err := exactTeam(ctx, u.cfg.Teams, s.team)
		if err != nil {
			return nil, nil, "", err
		}
		if t == nil {
			continue
		}
		p, problem, err := feature.FindPerson(ctx, u.cfg.People, u.cfg.Accounts, c, s.person)
		if err != nil {
			return nil, nil, "", err
		}
		if p != nil {
			team, person, personProblem = t, p, ""
			break
		}
		if team == nil {
			team, personProblem = t, problem
		}
	}
	if team == nil {
		teams, err := u.cfg.Teams.Teams(ctx)
		if err != nil {
			return nil, nil, "", err
		}
		for _, s := range all {
			if match := startingWith(teams, s.team); len(match) == 1 {
				p, problem, err := feature.FindPerson(ctx, u.cfg.People, u.cfg.Accounts, c, s.person)
				if err != nil {
					return nil, nil, "", err
				}
				team, person, personProblem = match[0], p, problem
				break
			}
		}
	}
	if team == nil {
		// Nothing fits: explain the grammar's own reading.
		_, problem, err := FindTeam(ctx, u.cfg.Teams, c, all[0].team)
		if problem == "" && err == nil {
			problem = unknownTeam(c, all[0].team, nil)
		}
		return nil, nil, problem, err
	}
	if !mayManage(c, team) {
		return nil, nil, onlyLeads(c, team), nil
	}
	if person == nil {
		return nil, nil, personProblem, nil
	}
	return team, person, "", nil
}
