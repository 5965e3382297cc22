package teams

import (
	"fmt"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// This file holds every reply of /team, in Dutch and English.

// teamList is /team and /team list: one line per team.
func teamList(c *feature.Call, teams []*intranet.Team) intranet.Reply {
	if len(teams) == 0 {
		return c.Reply(c.T("Er zijn nog geen teams. Maak er een met `/team add <naam>`.", "There are no teams yet. Make one with `/team add <name>`."))
	}
	reply := intranet.Reply{Lang: c.Lang, Title: c.N(len(teams), "team", "teams", "team", "teams")}
	for _, t := range teams {
		members := 0
		var leads []string
		for _, m := range t.Members {
			if m.Member {
				members++
			}
			if m.Lead {
				leads = append(leads, m.Name)
			}
		}
		text := fmt.Sprintf("*%s* · %s", t.Name, c.N(members, "lid", "leden", "member", "members"))
		if len(leads) > 0 {
			text += " · " + c.T("leiding: %s", "led by %s", strings.Join(leads, ", "))
		}
		if t.Approval {
			text += " · " + c.T("met goedkeuring", "with approval")
		}
		reply.Sections = append(reply.Sections, intranet.Section{Text: text,
			Buttons: []intranet.Button{{Label: c.T("Toon", "Show"), Command: "/team show " + feature.Quote(t.Name)}}})
	}
	return reply
}

// teamCard is /team show: a team's leads, members and channels.
func teamCard(c *feature.Call, t *intranet.Team) intranet.Reply {
	var members, leads, channels []string
	for _, m := range t.Members {
		if m.Member {
			members = append(members, m.Name)
		}
		if m.Lead {
			leads = append(leads, m.Name)
		}
	}
	for _, ch := range t.Channels {
		channels = append(channels, fmt.Sprintf("%s:%s", ch.Platform, ch.ChannelID))
	}
	orNone := func(s []string) string {
		if len(s) == 0 {
			return c.T("(geen)", "(none)")
		}
		return strings.Join(s, ", ")
	}
	approval := c.T("nee", "no")
	if t.Approval {
		approval = c.T("ja, door een teamleider", "yes, by a team lead")
	}
	fields := []intranet.Field{
		{Label: c.T("Leiding", "Leads"), Value: orNone(leads)},
		{Label: c.T("Leden", "Members"), Value: orNone(members)},
		{Label: c.T("Kanalen", "Channels"), Value: orNone(channels)},
		{Label: c.T("Goedkeuring nodig", "Approval needed"), Value: approval},
	}
	if t.Department != "" {
		fields = append(fields, intranet.Field{Label: c.T("Afdeling", "Department"), Value: t.Department})
	}
	if t.ManagedBy != "" {
		fields = append(fields, intranet.Field{Label: c.T("Leden uit", "Members from"), Value: c.T("de identiteitsprovider (Entra ID, Okta)", "the identity provider (Entra ID, Okta)")})
	}
	return intranet.Reply{Lang: c.Lang, Title: t.Name, Sections: []intranet.Section{{Fields: fields}}}
}

func onlyAdminsMakeTeams(c *feature.Call) string {
	return c.T("Alleen beheerders en teamleiders maken teams.", "Only admins and team leads make teams.")
}

func teamExists(c *feature.Call, name string) string {
	return c.T("Er is al een team %q.", "There is a team %q already.", name)
}

func teamNameInvalid(c *feature.Call) string {
	return c.T("Geef het team een naam met letters of cijfers. ", "Give the team a name with letters or digits. ") + c.Usage()
}

func teamMade(c *feature.Call, t *intranet.Team) string {
	q := feature.Quote(t.Name)
	return c.T("Team %s is gemaakt. Voeg mensen toe met `/team member add %s <persoon>` en koppel een kanaal met `/team channel %s` in dat kanaal.",
		"Team %s is made. Add people with `/team member add %s <person>` and link a channel with `/team channel %s` in that channel.", t.Name, q, q)
}

func onlyLeads(c *feature.Call, t *intranet.Team) string {
	return c.T("Alleen een leider van %s of een beheerder mag dat.", "Only a lead of %s or an admin may do that.", t.Name)
}

func personChanged(c *feature.Call, p *intranet.Person, t *intranet.Team, lead, add bool) string {
	role := c.T("lid", "a member")
	if lead {
		role = c.T("leider", "a lead")
	}
	if add {
		return c.T("%s is nu %s van %s.", "%s is now %s of %s.", p.Name, role, t.Name)
	}
	return c.T("%s is geen %s van %s meer.", "%s is no longer %s of %s.", p.Name, role, t.Name)
}

// personUnchanged answers an add of someone who already was a member or
// lead, or a removal of someone who was not.
func personUnchanged(c *feature.Call, p *intranet.Person, t *intranet.Team, lead, add bool) string {
	role := c.T("lid", "a member")
	if lead {
		role = c.T("leider", "a lead")
	}
	if add {
		return c.T("%s is al %s van %s; er is niets veranderd.", "%s is already %s of %s; nothing changed.", p.Name, role, t.Name)
	}
	return c.T("%s was geen %s van %s; er is niets veranderd.", "%s was not %s of %s; nothing changed.", p.Name, role, t.Name)
}

func membersManaged(c *feature.Call, t *intranet.Team) string {
	return c.T("De leden van %s komen uit de identiteitsprovider (Entra ID, Okta); wijzig ze daar. Leiding, goedkeuring en kanalen regel je hier.",
		"The members of %s come from the identity provider (Entra ID, Okta); change them there. Leads, approval and channels are set here.", t.Name)
}

func guestNotInTeam(c *feature.Call, p *intranet.Person, t *intranet.Team) string {
	if p.IsPartner() {
		return c.T("%s is partner (van %s) en kan geen lid of leider van %s worden: partners vragen en nemen geen diensten over.",
			"%s is a partner (of %s) and cannot become a member or lead of %s: partners do not ask for or take over shifts.", p.Name, p.Organisation, t.Name)
	}
	return c.T("%s is gast (van buiten de organisatie) en kan geen lid of leider van %s worden: gasten vragen en nemen geen diensten over.",
		"%s is a guest (from outside the organisation) and cannot become a member or lead of %s: guests do not ask for or take over shifts.", p.Name, t.Name)
}

func approvalSet(c *feature.Call, t *intranet.Team, on bool) string {
	if on {
		return c.T("Overnames in %s hebben nu de goedkeuring van een teamleider nodig.", "Takeovers in %s now need a team lead's approval.", t.Name)
	}
	return c.T("Overnames in %s hebben geen goedkeuring meer nodig: wie het eerst neemt, heeft het.", "Takeovers in %s no longer need approval: the first to take it gets it.", t.Name)
}

func channelNotInDM(c *feature.Call) string {
	return c.T("Typ `/team channel <team>` in het kanaal dat je aan het team wilt koppelen, niet in een privébericht.",
		"Type `/team channel <team>` in the channel you want to link to the team, not in a direct message.")
}

func channelLinked(c *feature.Call, t *intranet.Team) string {
	if t.Department != "" {
		return c.T("Dit kanaal hoort nu bij %s: overdrachten van het team verschijnen hier, en een nieuwsabonnement van dit kanaal brengt ook het nieuws voor afdeling %s.",
			"This channel now belongs to %s: the team's handovers appear here, and a news subscription of this channel also brings the news for department %s.", t.Name, t.Department)
	}
	return c.T("Dit kanaal hoort nu bij %s: overdrachten van het team verschijnen hier.", "This channel now belongs to %s: the team's handovers appear here.", t.Name)
}

// The answers of FindTeam.

func whichTeam(c *feature.Call) string {
	return c.T("Welk team? Typ de naam van het team, tussen aanhalingstekens als die uit meer woorden bestaat; `/team list` toont ze allemaal.", "Which team? Type the team's name, in quotes when it has more than one word; `/team list` shows them all.")
}

func unknownTeam(c *feature.Call, name string, all []string) string {
	return c.T("Ik ken geen team %q.%s", "I know no team %q.%s", name, c.DidYouMean(name, all))
}

func severalTeams(c *feature.Call, name string, match []string) string {
	return c.T("%q past bij meer teams: %s. Typ de hele naam, tussen aanhalingstekens.", "%q matches several teams: %s. Type the whole name, in quotes.", name, strings.Join(match, ", "))
}
