package handover

import (
	"context"
	"fmt"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/feature/teams"
	"github.com/werkplek/werkplek/intranet/phonebook"
)

func sameName(a, b string) bool { return phonebook.Key(a) == phonebook.Key(b) }

// create reads a new request ("/handover 8-12 07:00-15:00 Vroege dienst"),
// stores it, schedules its expiry and reminder and posts its card in the
// team's channels, all in one transaction. The grammar checked the date
// and the times; the unit checks what needs the clock and the teams.
func (u *Unit) create(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	slot, _ := c.Cmd.Slot("slot")
	what := c.Cmd.Text("what")
	loc, now := u.cfg.Location, u.cfg.Now()
	start, end := slot.Start(loc), slot.End(loc)
	if d := end.Sub(start); d > intranet.MaxShift {
		return c.Reply(shiftTooLong(c, slot.From, slot.To, d)), nil
	}
	if !start.After(now) {
		return c.Reply(shiftStarted(c, start, end, loc)), nil
	}
	if err := u.cfg.Teams.SyncDepartmentTeams(ctx); err != nil {
		return intranet.Reply{}, err
	}
	team, problem, err := u.teamOf(ctx, c)
	if team == nil {
		return c.Reply(problem), err
	}
	if !team.IsMember(c.Person.ID) && !team.IsLead(c.Person.ID) && !c.Has(intranet.RoleAdmin) {
		return c.Reply(notInTeam(c, team)), nil
	}
	skill := ""
	if name := c.Cmd.Text("needs"); name != "" {
		var problem string
		if skill, problem, err = feature.FindSkill(ctx, u.cfg.People, c, name); skill == "" {
			return c.Reply(problem), err
		}
	}
	// Nobody who may take it: the request stands, and the asker hears
	// so, with where else to turn.
	var stuck *nobodyTakes
	takers, err := u.takers(ctx, team, &intranet.Handover{RequesterID: c.Person.ID, Skill: skill})
	if err != nil {
		return intranet.Reply{}, err
	}
	if len(takers) == 0 {
		if stuck, err = u.nobodyTakes(ctx, c, team); err != nil {
			return intranet.Reply{}, err
		}
	}
	var h *intranet.Handover
	var posted []string
	err = feature.InTx(ctx, u.cfg.Tx, func(ctx context.Context) error {
		var err error
		h, err = u.cfg.Handovers.CreateHandover(ctx, intranet.NewHandover{TeamID: team.ID, RequesterID: c.Person.ID,
			Start: start, End: end, What: what, Skill: skill, Lang: c.Lang}, now)
		if err != nil {
			return err
		}
		if err := u.schedule(ctx, h, now); err != nil {
			return err
		}
		posted, err = u.postCards(ctx, h, team)
		return err
	})
	if err != nil {
		return intranet.Reply{}, err
	}
	var reply intranet.Reply
	if len(posted) == 0 {
		reply = requestedWithoutChannel(c, h, team, u.cfg.Location, now)
	} else {
		reply = requested(c, h, team, posted, u.cfg.Location, now)
	}
	if stuck != nil {
		stuck.warn(c, &reply, h, team, u.cfg.Location)
	}
	return reply, nil
}

// nobodyTakes is where else the asker of a request nobody in its team may
// take can turn: their other teams and the team's leads.
type nobodyTakes struct {
	// others is the skill's holders aside: whether the team has other
	// members at all.
	others bool
	// teams are the asker's other teams, which they may ask instead.
	teams []*intranet.Team
	// leads are the team's leads other than the asker.
	leads []string
}

// nobodyTakes gathers the wider options for a request to team that
// nobody may take.
func (u *Unit) nobodyTakes(ctx context.Context, c *feature.Call, team *intranet.Team) (*nobodyTakes, error) {
	n := &nobodyTakes{}
	for _, m := range team.Members {
		if m.Member && m.PersonID != c.Person.ID {
			n.others = true
		}
		if m.Lead && m.PersonID != c.Person.ID {
			n.leads = append(n.leads, m.Name)
		}
	}
	all, err := u.cfg.Teams.TeamsOf(ctx, c.Person.ID)
	if err != nil {
		return nil, err
	}
	for _, t := range all {
		if t.ID != team.ID && t.IsMember(c.Person.ID) {
			n.teams = append(n.teams, t)
		}
	}
	return n, nil
}

// teamOf picks the team of a new request: the one named with team:, else
// the channel's, else the requester's only team.
func (u *Unit) teamOf(ctx context.Context, c *feature.Call) (*intranet.Team, string, error) {
	if name := c.Cmd.Text("team"); name != "" {
		return teams.FindTeam(ctx, u.cfg.Teams, c, name)
	}
	if !c.Req.Channel.Direct && c.Req.Channel.ID != "" {
		t, err := u.cfg.Teams.FindTeamByChannel(ctx, c.Req.Platform, c.Req.Channel.ID)
		if err == nil {
			return t, "", nil
		} else if intranet.ErrorCode(err) != intranet.ENOTFOUND {
			return nil, "", err
		}
	}
	all, err := u.cfg.Teams.TeamsOf(ctx, c.Person.ID)
	if err != nil {
		return nil, "", err
	}
	var mine []*intranet.Team
	for _, t := range all {
		if t.IsMember(c.Person.ID) {
			mine = append(mine, t)
		}
	}
	if len(mine) == 0 {
		mine = all // a lead who is no member
	}
	switch len(mine) {
	case 0:
		return nil, inNoTeam(c), nil
	case 1:
		return mine[0], "", nil
	}
	return nil, inSeveralTeams(c, mine), nil
}

// postCards records the card for every channel of the team whose platform
// is on in the outbox, in the request's transaction, and remembers each
// with its outbox entry: the cards job learns its MessageRef from there.
// It returns where the card goes ("slack:C012").
func (u *Unit) postCards(ctx context.Context, h *intranet.Handover, team *intranet.Team) ([]string, error) {
	msg := card(h, h.Lang, u.cfg.Location, u.cfg.Now())
	var posted []string
	for _, ch := range team.Channels {
		if u.cfg.Platforms.Poster(ch.Platform) == nil {
			continue
		}
		id, err := u.cfg.Outbox.Send(ctx, intranet.Delivery{To: intranet.Destination{Platform: ch.Platform, Installation: ch.Installation, ChannelID: ch.ChannelID},
			Reply: msg, Key: fmt.Sprintf("handover-%d-card-%s-%s", h.ID, ch.Platform, ch.ChannelID)})
		if err != nil {
			return nil, err
		}
		ref := intranet.MessageRef{Platform: ch.Platform, Installation: ch.Installation, ChannelID: ch.ChannelID}
		if err := u.cfg.Handovers.AddHandoverPost(ctx, intranet.HandoverPost{HandoverID: h.ID, Ref: ref, OutboxID: id}); err != nil {
			return nil, err
		}
		posted = append(posted, fmt.Sprintf("%s:%s", ch.Platform, ch.ChannelID))
	}
	return posted, nil
}

// notify DMs every colleague who may take the request, with its take
// button. Each press is its own message (the next day, or after a reject
// reopened the request); a double tap in the same second is one.
func (u *Unit) notify(ctx context.Context, c *feature.Call, h *intranet.Handover) (intranet.Reply, error) {
	team, err := u.cfg.Teams.FindTeamByID(ctx, h.TeamID)
	if err != nil {
		return intranet.Reply{}, err
	}
	if h.RequesterID != c.Person.ID && !mayManage(c, team) {
		return c.Reply(onlyRequesterNotifies(c, h)), nil
	}
	if reply, ok := u.gone(c, h); ok {
		return reply, nil
	}
	if h.State != intranet.HandoverOpen {
		return c.Reply(u.stateText(c, h)), nil
	}
	now := u.cfg.Now()
	takers, err := u.takers(ctx, team, h)
	if err != nil {
		return intranet.Reply{}, err
	}
	err = feature.InTx(ctx, u.cfg.Tx, func(ctx context.Context) error {
		for _, p := range takers {
			name := p.Name
			if err := u.notifier.Send(ctx, feature.DM{To: p, Key: fmt.Sprintf("handover-%d-notify-%d-%d", h.ID, p.ID, now.Unix()),
				Write: func(lang string) intranet.Reply { return notifyDM(h, lang, u.cfg.Location, now) },
				Unreachable: []feature.Notice{{To: c.Person, Key: fmt.Sprintf("handover-%d-notify-%d-%d-unreachable", h.ID, p.ID, now.Unix()),
					Write: func(lang string) intranet.Reply { return colleagueUnreachableDM(h, name, lang) }}},
			}); err != nil {
				return err
			}
		}
		return u.cfg.Handovers.RecordHandoverEvent(ctx, h.ID, c.Person.ID, intranet.ActionNotified, now)
	})
	if err != nil {
		return intranet.Reply{}, err
	}
	return c.Reply(notified(c, h, team, len(takers))), nil
}
