// Package handover is the shift handover unit: /handover asks a team to
// take over a shift or a client pool. The request's card is posted in the
// team's channels on every platform that is on; the first eligible
// colleague to press "I'll take it" gets it (after a lead's approval when
// the team asks for one). The cards are updated at every change, the
// people concerned get a DM, the leads are reminded of a request nobody
// took, and a request still open at the shift's start expires.
//
// Every card and DM goes through the outbox, recorded in the transaction
// of the change that causes it; the one cards job (feature.Cards) learns
// where each card was posted from its outbox entry and brings the cards
// up to date.
package handover

import (
	"context"
	"errors"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/grammar"
)

// The job kinds of the handover feature. Databases hold scheduled jobs
// under these names: keep them.
const (
	// HandoverExpireJob expires a request still open at its shift's start;
	// key "handover:<id>".
	HandoverExpireJob = "handover.expire"
	// HandoverRemindJob tells the team's leads, ReminderBefore the start,
	// that a request is still open; key "handover:<id>".
	HandoverRemindJob = "handover.remind"
	// HandoverCardsJob is the former kind of feature.CardsJob for
	// requests (payload {"id": <id>}); no longer enqueued, it is still
	// handled for the jobs of it an upgraded database may hold.
	HandoverCardsJob = "handover.cards"
)

// cardsName is the name of the requests' cards in feature.Cards.
const cardsName = "handover"

// Config is what the unit needs. Its Env's Jobs run the expiry and the
// reminder, its Cards (required) the card updates; its Outbox delivers
// every card and DM; its Tx (required) writes a change with its jobs and
// messages in one transaction; its Location is the zone shifts are typed
// and shown in.
type Config struct {
	feature.Env
	Teams     intranet.TeamService
	Handovers intranet.HandoverService
	// ReminderBefore is how long before a shift's start the leads hear that
	// it is still open (WERKPLEK_HANDOVER_REMINDER_HOURS); 0 sends no
	// reminder.
	ReminderBefore time.Duration
}

// Unit answers /handover and runs its jobs.
type Unit struct {
	cfg      Config
	notifier feature.Notifier
	cards    feature.CardRefresh
}

var _ feature.Unit = (*Unit)(nil)

// New returns the unit with its job handlers registered on cfg.Jobs.
func New(cfg Config) (*Unit, error) {
	switch {
	case cfg.Teams == nil:
		return nil, errors.New("handover: Config.Teams is required")
	case cfg.Handovers == nil:
		return nil, errors.New("handover: Config.Handovers is required")
	case cfg.ReminderBefore < 0:
		return nil, errors.New("handover: Config.ReminderBefore is negative")
	}
	if err := cfg.Ready("handover", feature.NeedTx, feature.NeedCards); err != nil {
		return nil, err
	}
	u := &Unit{cfg: cfg, notifier: cfg.Notifier()}
	var err error
	if u.cards, err = cfg.HandleCards(cardsName, cardSource{u}); err != nil {
		return nil, err
	}
	for kind, h := range map[string]intranet.JobHandler{
		HandoverExpireJob: u.expireJob,
		HandoverRemindJob: u.remindJob,
		HandoverCardsJob:  u.cards.FormerJob,
	} {
		if err := cfg.Jobs.HandleJobs(kind, h); err != nil {
			return nil, err
		}
	}
	return u, nil
}

// Commands returns /handover.
func (u *Unit) Commands() []*grammar.Command { return []*grammar.Command{Command} }

// Handle answers /handover and its subcommands.
func (u *Unit) Handle(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	switch {
	case c.Is(""):
		return u.create(ctx, c)
	case c.Is("list"):
		return u.list(ctx, c)
	case c.Is("mine"):
		return u.mine(ctx, c)
	}
	id := c.Cmd.Number("id")
	h, err := u.cfg.Handovers.FindHandoverByID(ctx, id)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return c.Reply(noSuchHandover(c, id)), nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	switch {
	case c.Is("take"):
		return u.take(ctx, c, h)
	case c.Is("cancel"):
		return u.cancel(ctx, c, h)
	case c.Is("approve"), c.Is("reject"):
		return u.decide(ctx, c, h, c.Cmd.Number("for"), c.Is("approve"))
	case c.Is("notify"):
		return u.notify(ctx, c, h)
	}
	reply := card(h, c.Lang, u.cfg.Location, u.cfg.Now())
	reply.Visibility = intranet.Ephemeral
	return reply, nil
}

// mayManage reports whether the caller may act for the team's leads.
func mayManage(c *feature.Call, t *intranet.Team) bool {
	return c.Has(intranet.RoleAdmin) || t.IsLead(c.Person.ID)
}

// message DMs a person through the notifier. asked marks news about the
// person's own request or takeover, which comes in their quiet hours too;
// unreachable are told when the person turns out to be reachable nowhere.
// A person gone from the phonebook since is no error.
func (u *Unit) message(ctx context.Context, personID int64, key string, asked bool, unreachable []feature.Notice, reply func(lang string) intranet.Reply) error {
	if personID == 0 {
		return nil
	}
	p, err := u.cfg.People.FindPersonByID(ctx, personID)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return nil
	} else if err != nil {
		return err
	}
	return u.notifier.Send(ctx, feature.DM{To: p, Key: key, Asked: asked, Unreachable: unreachable, Write: reply})
}

// startedOrOver reports whether a request can no longer be taken because
// its shift started (the expiry job may not have run yet).
func startedOrOver(h *intranet.Handover, now time.Time) bool {
	return (h.State == intranet.HandoverOpen || h.State == intranet.HandoverPending) && !now.Before(h.Start)
}

// hasSkill reports whether the phonebook lists the skill for the person.
func hasSkill(p *intranet.Person, skill string) bool {
	for _, s := range p.Skills {
		if sameName(s, skill) {
			return true
		}
	}
	return false
}
