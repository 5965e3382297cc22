package handover

import (
	"context"
	"fmt"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// Every change below is the store's conditional update: of colleagues
// pressing at once exactly one wins, and the others are told who did. The
// change, the update of its cards and its DMs are one transaction.

// take gives the request to the caller: taken at once, or pending when
// the team asks a lead's approval (and has a lead to give it).
func (u *Unit) take(ctx context.Context, c *feature.Call, h *intranet.Handover) (intranet.Reply, error) {
	if reply, ok := u.gone(c, h); ok {
		return reply, nil
	}
	if h.State != intranet.HandoverOpen {
		return c.Reply(u.takenText(c, h)), nil
	}
	team, err := u.cfg.Teams.FindTeamByID(ctx, h.TeamID)
	if err != nil {
		return intranet.Reply{}, err
	}
	if why := u.notEligible(c, team, h); why != "" {
		return c.Reply(why), nil
	}
	approval := team.Approval && len(team.Leads()) > 0
	var took error
	asked := 0
	err = feature.InTx(ctx, u.cfg.Tx, func(ctx context.Context) error {
		h, took = u.cfg.Handovers.TakeHandover(ctx, h.ID, c.Person.ID, approval, u.cfg.Now())
		if took != nil {
			return took
		}
		if err := u.cards.Enqueue(ctx, h.ID); err != nil {
			return err
		}
		if h.State == intranet.HandoverPending {
			var err error
			asked, err = u.askLeads(ctx, c, team, h)
			return err
		}
		err := u.message(ctx, h.RequesterID, fmt.Sprintf("handover-%d-taken-%d", h.ID, h.Changed.Unix()), true, nil, func(lang string) intranet.Reply {
			return takenDM(h, lang, u.cfg.Location)
		})
		return err
	})
	if took != nil {
		switch intranet.ErrorCode(took) {
		case intranet.ECONFLICT:
			if reply, ok := u.gone(c, h); ok {
				return reply, nil
			}
			return c.Reply(u.takenText(c, h)), nil
		case intranet.EINVALID:
			return c.Reply(u.notEligible(c, team, h)), nil
		}
	}
	if err != nil {
		return intranet.Reply{}, err
	}
	if h.State == intranet.HandoverPending {
		return c.Reply(tookPending(c, h, team, asked)), nil
	}
	return c.Reply(youTook(c, h, u.cfg.Location)), nil
}

// askLeads DMs the team's leads to approve or reject the takeover, and
// the requester that it waits for them. It returns how many leads it
// asked; one whom no platform reaches is told of to the taker.
func (u *Unit) askLeads(ctx context.Context, c *feature.Call, team *intranet.Team, h *intranet.Handover) (int, error) {
	asked := 0
	now := u.cfg.Now()
	leads, err := u.presentLeads(ctx, team)
	if err != nil {
		return 0, err
	}
	for _, lead := range leads {
		// The taker hears it when a lead is reachable nowhere, and whom to ask.
		unreachable := []feature.Notice{{To: c.Person, Key: fmt.Sprintf("handover-%d-approve-%d-%d-unreachable", h.ID, lead.PersonID, h.Changed.Unix()),
			Write: func(lang string) intranet.Reply { return leadUnreachableDM(h, lead.Name, lang) }}}
		if err := u.message(ctx, lead.PersonID, fmt.Sprintf("handover-%d-approve-%d-%d", h.ID, lead.PersonID, h.Changed.Unix()), false, unreachable, func(lang string) intranet.Reply {
			return approvalDM(h, lang, u.cfg.Location, now)
		}); err != nil {
			return 0, err
		}
		asked++
	}
	err = u.message(ctx, h.RequesterID, fmt.Sprintf("handover-%d-pending-%d", h.ID, h.Changed.Unix()), true, nil, func(lang string) intranet.Reply {
		return pendingDM(h, lang, u.cfg.Location)
	})
	return asked, err
}

// presentLeads are the team's leads who are not away today, to be asked
// for an approval or reminded; when every lead is away, all of them, so
// that the question reaches someone. Any lead may still decide.
func (u *Unit) presentLeads(ctx context.Context, team *intranet.Team) ([]intranet.TeamMember, error) {
	today := u.cfg.Today().String()
	all := team.Leads()
	var here []intranet.TeamMember
	for _, l := range all {
		p, err := u.cfg.People.FindPersonByID(ctx, l.PersonID)
		if intranet.ErrorCode(err) == intranet.ENOTFOUND {
			continue
		} else if err != nil {
			return nil, err
		}
		if !p.AwayOn(today) {
			here = append(here, l)
		}
	}
	if len(here) == 0 {
		return all, nil
	}
	return here, nil
}

// decide approves or rejects the pending takeover of h; with forTaker set
// (a lead's button says "for:<person>"), only while that colleague is its
// taker.
func (u *Unit) decide(ctx context.Context, c *feature.Call, h *intranet.Handover, forTaker int64, approve bool) (intranet.Reply, error) {
	team, err := u.cfg.Teams.FindTeamByID(ctx, h.TeamID)
	if err != nil {
		return intranet.Reply{}, err
	}
	if !mayManage(c, team) {
		return c.Reply(onlyLeadsDecide(c, team)), nil
	}
	if reply, ok := u.gone(c, h); ok {
		return reply, nil
	}
	if h.State != intranet.HandoverPending {
		return c.Reply(notPending(c, h) + u.stateText(c, h)), nil
	}
	if forTaker != 0 && h.TakerID != forTaker {
		return c.Reply(changedMeanwhile(c, h)), nil
	}
	taker := h.TakerID
	var decided error
	err = feature.InTx(ctx, u.cfg.Tx, func(ctx context.Context) error {
		h, decided = u.cfg.Handovers.DecideHandover(ctx, h.ID, c.Person.ID, forTaker, approve, u.cfg.Now())
		if decided != nil {
			return decided
		}
		if err := u.cards.Enqueue(ctx, h.ID); err != nil {
			return err
		}
		if !approve {
			err := u.message(ctx, taker, fmt.Sprintf("handover-%d-rejected-%d-%d", h.ID, taker, h.Changed.Unix()), true, nil, func(lang string) intranet.Reply {
				return rejectedDM(h, c.Person.Name, lang, u.cfg.Location)
			})
			return err
		}
		for _, id := range []int64{h.RequesterID, h.TakerID} {
			if err := u.message(ctx, id, fmt.Sprintf("handover-%d-approved-%d", h.ID, id), true, nil, func(lang string) intranet.Reply {
				return approvedDM(h, c.Person.Name, lang, u.cfg.Location)
			}); err != nil {
				return err
			}
		}
		return nil
	})
	if decided != nil && intranet.ErrorCode(decided) == intranet.ECONFLICT {
		return c.Reply(someoneFirst(c) + u.stateText(c, h)), nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	if approve {
		return c.Reply(approved(c, h)), nil
	}
	return c.Reply(rejected(c, h)), nil
}

// cancel withdraws the caller's own request; a colleague who had taken it
// is told.
func (u *Unit) cancel(ctx context.Context, c *feature.Call, h *intranet.Handover) (intranet.Reply, error) {
	if h.RequesterID != c.Person.ID {
		return c.Reply(onlyRequesterCancels(c, h)), nil
	}
	if reply, ok := u.gone(c, h); ok {
		return reply, nil
	}
	var cancelled error
	err := feature.InTx(ctx, u.cfg.Tx, func(ctx context.Context) error {
		h, cancelled = u.cfg.Handovers.CancelHandover(ctx, h.ID, c.Person.ID, u.cfg.Now())
		if cancelled != nil {
			return cancelled
		}
		if err := u.cards.Enqueue(ctx, h.ID); err != nil {
			return err
		}
		err := u.message(ctx, h.TakerID, fmt.Sprintf("handover-%d-cancelled", h.ID), true, nil, func(lang string) intranet.Reply {
			return cancelledDM(h, lang, u.cfg.Location)
		})
		return err
	})
	if cancelled != nil {
		if code := intranet.ErrorCode(cancelled); code == intranet.ECONFLICT || code == intranet.EUNAUTHORIZED {
			return c.Reply(u.stateText(c, h)), nil
		}
	}
	if err != nil {
		return intranet.Reply{}, err
	}
	return c.Reply(cancelledReply(c, h)), nil
}

// refusal is why a person may not take a request; mayTake when they may.
type refusal int

const (
	mayTake refusal = iota
	refusedOwn
	refusedGuest
	refusedNotMember
	refusedSkill
	refusedAway
)

// takeRefusal is the one check of who may take a request: /handover take,
// the take buttons of /handover list and the colleagues /handover notify
// reaches all ask it. Someone who marked themselves away today (today is
// the organisation's date, YYYY-MM-DD) is not asked and may not take,
// through the last day they gave; after it they may again, by themselves.
func takeRefusal(team *intranet.Team, h *intranet.Handover, p *intranet.Person, today string) refusal {
	switch {
	case p.ID == h.RequesterID:
		return refusedOwn
	case p.IsGuest():
		return refusedGuest
	case !team.IsMember(p.ID):
		return refusedNotMember
	case h.Skill != "" && !hasSkill(p, h.Skill):
		return refusedSkill
	case p.AwayOn(today):
		return refusedAway
	}
	return mayTake
}

// notEligible says why the caller may not take the request, "" when they
// may.
func (u *Unit) notEligible(c *feature.Call, team *intranet.Team, h *intranet.Handover) string {
	return refusalText(c, team, h, takeRefusal(team, h, c.Person, u.cfg.Today().String()))
}

// takers returns the team's members who may take the request.
func (u *Unit) takers(ctx context.Context, team *intranet.Team, h *intranet.Handover) ([]*intranet.Person, error) {
	var out []*intranet.Person
	for _, m := range team.Members {
		if !m.Member || m.PersonID == h.RequesterID {
			continue
		}
		p, err := u.cfg.People.FindPersonByID(ctx, m.PersonID)
		if intranet.ErrorCode(err) == intranet.ENOTFOUND {
			continue
		} else if err != nil {
			return nil, err
		}
		if takeRefusal(team, h, p, u.cfg.Today().String()) == mayTake {
			out = append(out, p)
		}
	}
	return out, nil
}
