package router

import (
	"context"
	"fmt"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/phonebook"
	"github.com/werkplek/werkplek/intranet/when"
)

func (r *Router) teamCommand() command {
	return command{
		Command: intranet.Command{Name: "team",
			Hint: "list | show <team> | add <name> | member add|remove <team> <person> | lead add|remove <team> <person> | approval <team> on|off | channel <team>", HintNL: "lijst | toon <team> | nieuw <naam> | lid erbij|eraf <team> <persoon> | leider erbij|eraf <team> <persoon> | goedkeuring <team> aan|uit | kanaal <team>",
			Summary: "Teams of colleagues: members, leads, channels, approval of handovers", SummaryNL: "Teams van collega's: leden, leiders, kanalen, goedkeuring van overdrachten"},
		run: r.team,
		help: func(c *call) intranet.Section {
			return intranet.Section{Title: c.tr("Teams", "Teams"), Text: c.tr(
				"- `/team list`: alle teams; `/team show <team>`: leden, leiders en kanalen\n"+
					"- `/team add <naam>`: een nieuw team (beheerders en teamleiders); elke afdeling is al een team\n"+
					"- `/team member add|remove <team> <persoon>` en `/team lead add|remove <team> <persoon>` (persoon als e-mail, vermelding of naam)\n"+
					"- `/team approval <team> on|off`: overnames eerst door een teamleider laten goedkeuren\n"+
					"- `/team channel <team>`, getypt in een kanaal: koppelt dat kanaal aan het team",
				"- `/team list`: every team; `/team show <team>`: members, leads and channels\n"+
					"- `/team add <name>`: a new team (admins and team leads); every department is a team already\n"+
					"- `/team member add|remove <team> <person>` and `/team lead add|remove <team> <person>` (person as email, mention or name)\n"+
					"- `/team approval <team> on|off`: a team lead approves every takeover first\n"+
					"- `/team channel <team>`, typed in a channel: links that channel to the team")}
		},
		dutch: []string{"`lijst` = `list`", "`toon` = `show`", "`nieuw` = `add`", "`lid` = `member`", "`leider` = `lead`", "`erbij` = `add`", "`eraf` = `remove`",
			"`goedkeuring` = `approval`", "`aan`/`uit` = `on`/`off`", "`kanaal` = `channel`"},
	}
}

// teamWords maps the Dutch keywords of /team to the English ones.
var teamWords = map[string]string{"lijst": "list", "toon": "show", "nieuw": "add", "toevoegen": "add", "erbij": "add", "lid": "member", "leden": "member",
	"leider": "lead", "teamleider": "lead", "eraf": "remove", "verwijder": "remove", "goedkeuring": "approval", "kanaal": "channel",
	"aan": "on", "uit": "off", "members": "member", "leads": "lead"}

func keyword(w string) string {
	w = strings.ToLower(w)
	if en, ok := teamWords[w]; ok {
		return en
	}
	if en, ok := handoverWords[w]; ok {
		return en
	}
	return w
}

// team answers /team.
func (r *Router) team(ctx context.Context, c *call) (intranet.Reply, error) {
	cfg := r.handovers()
	if cfg == nil {
		return c.reply(c.tr("Teams zijn in deze installatie niet beschikbaar.", "Teams are not available in this installation.")), nil
	}
	if err := cfg.Teams.SyncDepartmentTeams(ctx); err != nil {
		return intranet.Reply{}, err
	}
	words := when.Words(c.args)
	sub := ""
	if len(words) > 0 {
		sub = keyword(words[0])
	}
	usage := c.tr("Gebruik `/team list`, `/team show <team>`, `/team add <naam>`, `/team member add|remove <team> <persoon>`, `/team lead add|remove <team> <persoon>`, `/team approval <team> on|off` of `/team channel <team>`.",
		"Use `/team list`, `/team show <team>`, `/team add <name>`, `/team member add|remove <team> <person>`, `/team lead add|remove <team> <person>`, `/team approval <team> on|off` or `/team channel <team>`.")
	switch sub {
	case "", "list":
		return r.teamList(ctx, c, cfg)
	case "show":
		t, reply, err := r.findTeam(ctx, c, cfg, strings.Join(words[1:], " "))
		if t == nil {
			return reply, err
		}
		return teamCard(c, t), nil
	case "add":
		return r.teamAdd(ctx, c, cfg, strings.Join(words[1:], " "))
	case "member", "lead":
		if len(words) < 4 || (keyword(words[1]) != "add" && keyword(words[1]) != "remove") {
			return c.reply(c.tr("Gebruik `/team %s add <team> <persoon>` of `/team %s remove <team> <persoon>`, bijvoorbeeld `/team %s add \"Zorg Oost\" jan.devries@example.nl`.",
				"Use `/team %s add <team> <person>` or `/team %s remove <team> <person>`, e.g. `/team %s add \"Zorg Oost\" jan.devries@example.nl`.", sub, sub, sub)), nil
		}
		return r.teamPerson(ctx, c, cfg, sub, keyword(words[1]) == "add", words[2:])
	case "approval":
		if len(words) < 3 || (keyword(words[len(words)-1]) != "on" && keyword(words[len(words)-1]) != "off") {
			return c.reply(c.tr("Gebruik `/team approval <team> on` of `/team approval <team> off`.", "Use `/team approval <team> on` or `/team approval <team> off`.")), nil
		}
		t, reply, err := r.findTeam(ctx, c, cfg, strings.Join(words[1:len(words)-1], " "))
		if t == nil {
			return reply, err
		}
		if !mayManage(c, t) {
			return c.reply(c.tr("Alleen een leider van %s of een beheerder mag dat.", "Only a lead of %s or an admin may do that.", t.Name)), nil
		}
		on := keyword(words[len(words)-1]) == "on"
		if err := cfg.Teams.SetTeamApproval(ctx, t.ID, on); err != nil {
			return intranet.Reply{}, err
		}
		if on {
			return c.reply(c.tr("Overnames in %s hebben nu de goedkeuring van een teamleider nodig.", "Takeovers in %s now need a team lead's approval.", t.Name)), nil
		}
		return c.reply(c.tr("Overnames in %s hebben geen goedkeuring meer nodig: wie het eerst neemt, heeft het.", "Takeovers in %s no longer need approval: the first to take it gets it.", t.Name)), nil
	case "channel":
		if c.req.Channel.Direct || c.req.Channel.ID == "" {
			return c.reply(c.tr("Typ `/team channel <team>` in het kanaal dat je aan het team wilt koppelen, niet in een privébericht.",
				"Type `/team channel <team>` in the channel you want to link to the team, not in a direct message.")), nil
		}
		t, reply, err := r.findTeam(ctx, c, cfg, strings.Join(words[1:], " "))
		if t == nil {
			return reply, err
		}
		if !mayManage(c, t) {
			return c.reply(c.tr("Alleen een leider van %s of een beheerder mag dat.", "Only a lead of %s or an admin may do that.", t.Name)), nil
		}
		ch := intranet.TeamChannel{Platform: c.req.Platform, Installation: c.req.Installation, ChannelID: c.req.Channel.ID}
		if err := cfg.Teams.LinkTeamChannel(ctx, t.ID, ch); err != nil {
			return intranet.Reply{}, err
		}
		return c.reply(c.tr("Dit kanaal hoort nu bij %s: overdrachten van het team verschijnen hier.", "This channel now belongs to %s: the team's handovers appear here.", t.Name)), nil
	}
	return c.reply(c.tr("`/team %s` ken ik niet. ", "I don't know `/team %s`. ", words[0]) + usage), nil
}

func mayManage(c *call, t *intranet.Team) bool {
	return c.person.Has(intranet.RoleAdmin) || t.IsLead(c.person.ID)
}

func (r *Router) teamList(ctx context.Context, c *call, cfg *Handovers) (intranet.Reply, error) {
	teams, err := cfg.Teams.Teams(ctx)
	if err != nil {
		return intranet.Reply{}, err
	}
	if len(teams) == 0 {
		return c.reply(c.tr("Er zijn nog geen teams. Maak er een met `/team add <naam>`.", "There are no teams yet. Make one with `/team add <name>`.")), nil
	}
	reply := intranet.Reply{Lang: c.lang, Title: c.tr("%d teams", "%d teams", len(teams))}
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
		text := fmt.Sprintf("*%s* · %s", t.Name, c.tr("%d leden", "%d members", members))
		if len(leads) > 0 {
			text += " · " + c.tr("leiding: %s", "led by %s", strings.Join(leads, ", "))
		}
		if t.Approval {
			text += " · " + c.tr("met goedkeuring", "with approval")
		}
		reply.Sections = append(reply.Sections, intranet.Section{Text: text,
			Buttons: []intranet.Button{{Label: c.tr("Toon", "Show"), Command: "/team show " + quote(t.Name)}}})
	}
	return reply, nil
}

// quote writes a name so that when.Words reads it back as one word.
func quote(name string) string {
	if strings.ContainsAny(name, " \t") {
		return `"` + name + `"`
	}
	return name
}

func teamCard(c *call, t *intranet.Team) intranet.Reply {
	reply := intranet.Reply{Lang: c.lang, Title: t.Name}
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
	none := c.tr("(geen)", "(none)")
	orNone := func(s []string) string {
		if len(s) == 0 {
			return none
		}
		return strings.Join(s, ", ")
	}
	approval := c.tr("nee", "no")
	if t.Approval {
		approval = c.tr("ja, door een teamleider", "yes, by a team lead")
	}
	fields := []intranet.Field{
		{Label: c.tr("Leiding", "Leads"), Value: orNone(leads)},
		{Label: c.tr("Leden", "Members"), Value: orNone(members)},
		{Label: c.tr("Kanalen", "Channels"), Value: orNone(channels)},
		{Label: c.tr("Goedkeuring nodig", "Approval needed"), Value: approval},
	}
	if t.Department != "" {
		fields = append(fields, intranet.Field{Label: c.tr("Afdeling", "Department"), Value: t.Department})
	}
	reply.Sections = []intranet.Section{{Fields: fields}}
	return reply
}

func (r *Router) teamAdd(ctx context.Context, c *call, cfg *Handovers, name string) (intranet.Reply, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return c.reply(c.tr("Geef het team een naam: `/team add <naam>`, bijvoorbeeld `/team add Nachtdienst`.", "Give the team a name: `/team add <name>`, e.g. `/team add Night shift`.")), nil
	}
	if !c.person.Has(intranet.RoleAdmin) && !c.person.Has(intranet.RoleTeamLead) {
		return c.reply(c.tr("Alleen beheerders en teamleiders maken teams.", "Only admins and team leads make teams.")), nil
	}
	t, err := cfg.Teams.CreateTeam(ctx, name)
	if code := intranet.ErrorCode(err); code == intranet.ECONFLICT {
		return c.reply(c.tr("Er is al een team %q.", "There is a team %q already.", name)), nil
	} else if code == intranet.EINVALID {
		return c.reply(c.tr("Geef het team een naam met letters of cijfers.", "Give the team a name with letters or digits.")), nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	if c.person.Has(intranet.RoleTeamLead) {
		if err := cfg.Teams.SetTeamLead(ctx, t.ID, c.person.ID, true); err != nil {
			return intranet.Reply{}, err
		}
	}
	q := quote(t.Name)
	return c.reply(c.tr("Team %s is gemaakt. Voeg mensen toe met `/team member add %s <persoon>` en koppel een kanaal met `/team channel %s` in dat kanaal.",
		"Team %s is made. Add people with `/team member add %s <person>` and link a channel with `/team channel %s` in that channel.", t.Name, q, q)), nil
}

// teamPerson adds or removes a member or lead: words are "<team> <person>",
// the team being the longest run of first words that names a team.
func (r *Router) teamPerson(ctx context.Context, c *call, cfg *Handovers, what string, add bool, words []string) (intranet.Reply, error) {
	var t *intranet.Team
	var rest []string
	for i := len(words) - 1; i >= 1 && t == nil; i-- {
		found, err := cfg.Teams.FindTeamByName(ctx, strings.Join(words[:i], " "))
		if err == nil {
			t, rest = found, words[i:]
		} else if intranet.ErrorCode(err) != intranet.ENOTFOUND {
			return intranet.Reply{}, err
		}
	}
	if t == nil {
		// No exact name: the words before the last may start a team's name.
		found, reply, err := r.findTeam(ctx, c, cfg, strings.Join(words[:len(words)-1], " "))
		if found == nil {
			return reply, err
		}
		t, rest = found, words[len(words)-1:]
	}
	if !mayManage(c, t) {
		return c.reply(c.tr("Alleen een leider van %s of een beheerder mag dat.", "Only a lead of %s or an admin may do that.", t.Name)), nil
	}
	p, reply := r.findPerson(ctx, c, strings.Join(rest, " "))
	if p == nil {
		return reply, nil
	}
	var err error
	if what == "lead" {
		err = cfg.Teams.SetTeamLead(ctx, t.ID, p.ID, add)
	} else {
		err = cfg.Teams.SetTeamMember(ctx, t.ID, p.ID, add)
	}
	if err != nil {
		return intranet.Reply{}, err
	}
	role := c.tr("lid", "a member")
	if what == "lead" {
		role = c.tr("leider", "a lead")
	}
	if add {
		return c.reply(c.tr("%s is nu %s van %s.", "%s is now %s of %s.", p.Name, role, t.Name)), nil
	}
	return c.reply(c.tr("%s is geen %s van %s meer.", "%s is no longer %s of %s.", p.Name, role, t.Name)), nil
}

// findTeam finds a team by (part of) its name; when there is none or more
// than one, reply says so (with a did-you-mean) and the team is nil.
func (r *Router) findTeam(ctx context.Context, c *call, cfg *Handovers, name string) (*intranet.Team, intranet.Reply, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, c.reply(c.tr("Welk team? Typ de naam van het team, bijvoorbeeld `\"Zorg Oost\"`; `/team list` toont ze allemaal.", "Which team? Type the team's name, e.g. `\"Zorg Oost\"`; `/team list` shows them all.")), nil
	}
	t, err := cfg.Teams.FindTeamByName(ctx, name)
	if err == nil {
		return t, intranet.Reply{}, nil
	} else if intranet.ErrorCode(err) != intranet.ENOTFOUND {
		return nil, intranet.Reply{}, err
	}
	teams, err := cfg.Teams.Teams(ctx)
	if err != nil {
		return nil, intranet.Reply{}, err
	}
	names := make([]string, len(teams))
	for i, t := range teams {
		names[i] = t.Name
	}
	// Only names whose words start with the typed words: a typo gets a
	// did-you-mean, never a guess, so a request never goes to a team
	// nobody named.
	var match []string
	for _, n := range names {
		if wordsStartWith(n, name) {
			match = append(match, n)
		}
	}
	if len(match) == 1 {
		for _, t := range teams {
			if t.Name == match[0] {
				return t, intranet.Reply{}, nil
			}
		}
	}
	if len(match) > 1 {
		return nil, c.reply(c.tr("%q past bij meer teams: %s. Typ de hele naam.", "%q matches several teams: %s. Type the whole name.", name, strings.Join(match, ", "))), nil
	}
	return nil, c.reply(c.tr("Ik ken geen team %q.%s", "I know no team %q.%s", name, didYouMean(c, name, names))), nil
}

// findPerson finds one person by email, platform mention or name; when
// there is none or more than one, reply says so and the person is nil.
func (r *Router) findPerson(ctx context.Context, c *call, who string) (*intranet.Person, intranet.Reply) {
	who = strings.TrimSpace(who)
	fail := func(err error) (*intranet.Person, intranet.Reply) {
		return nil, c.reply(c.tr("Ik vond %q niet in het telefoonboek. Gebruik een e-mailadres, een vermelding of een volledige naam.", "I did not find %q in the phonebook. Use an email address, a mention or a full name.", who))
	}
	if strings.HasPrefix(who, "<@") && strings.HasSuffix(who, ">") {
		id, _, _ := strings.Cut(strings.TrimSuffix(strings.TrimPrefix(who, "<@"), ">"), "|")
		a, err := r.Accounts.FindAccount(ctx, c.req.Platform, c.req.Installation, id)
		if err != nil {
			return fail(err)
		}
		p, err := r.People.FindPersonByID(ctx, a.PersonID)
		if err != nil {
			return fail(err)
		}
		return p, intranet.Reply{}
	}
	if e := strings.ToLower(strings.TrimPrefix(who, "mailto:")); phonebook.ValidEmail(e) {
		p, err := r.People.FindPersonByEmail(ctx, e)
		if err != nil {
			return fail(err)
		}
		return p, intranet.Reply{}
	}
	if who == "" {
		return nil, c.reply(c.tr("Wie? Geef een e-mailadres, een vermelding of een naam.", "Who? Give an email address, a mention or a name."))
	}
	res, err := r.People.SearchPeople(ctx, intranet.PersonSearch{Query: who, Limit: 5})
	if err != nil || len(res.Matches) == 0 {
		return fail(err)
	}
	// One person whose full name is what was typed, or the only match.
	var exact []*intranet.Person
	for _, m := range res.Matches {
		if phonebook.Key(m.Person.Name) == phonebook.Key(who) {
			exact = append(exact, m.Person)
		}
	}
	if len(exact) == 1 {
		return exact[0], intranet.Reply{}
	}
	if len(res.Matches) == 1 {
		return res.Matches[0].Person, intranet.Reply{}
	}
	var names []string
	for _, m := range res.Matches {
		names = append(names, fmt.Sprintf("%s (%s)", m.Person.Name, m.Person.Email))
	}
	return nil, c.reply(c.tr("%q past bij meer mensen: %s. Gebruik het e-mailadres.", "%q matches several people: %s. Use the email address.", who, strings.Join(names, ", ")))
}

// wordsStartWith reports whether every word of typed starts a word of name.
func wordsStartWith(name, typed string) bool {
	want, words := phonebook.Words(typed), phonebook.Words(name)
	for _, w := range want {
		found := false
		for _, x := range words {
			found = found || strings.HasPrefix(x, w)
		}
		if !found {
			return false
		}
	}
	return len(want) > 0
}
