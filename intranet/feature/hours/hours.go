// Package hours is the unit of hours and mileage (uren- en
// kilometeradministratie): people write down the hours they worked
// (/hours) and the trips they made for work (/km) on their phone, submit
// each week to its approvers (the leads of their department's team, else
// their manager, else the admins), who approve or reject it from a card in
// their direct messages or by typing. An approved week is locked until an
// approver reopens it; payroll takes approved weeks through the export,
// the API and webhooks (adapters/api, adapters/webhook).
//
// Dates look back: "ma" is the most recent Monday. Weeks are ISO weeks.
package hours

import (
	"context"
	"errors"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/feature/help"
	"github.com/werkplek/werkplek/intranet/grammar"
)

// Config is what the unit needs: its Env's Jobs run the weekly reminders,
// its Tx writes a decision with its messages and events.
type Config struct {
	feature.Env
	Timesheets intranet.TimesheetService
	// Teams finds the leads of a person's department team, who approve.
	Teams intranet.TeamService
	// Admins finds the admins, who approve where nobody else does.
	Admins feature.AdminFinder
	// Downloads keeps the one-time links of /hours export.
	Downloads intranet.DownloadService
	// Events tells the organisation's software of approved and reopened
	// weeks (webhooks).
	Events intranet.Publisher
	// Rate is WERKPLEK_MILEAGE_RATE, euro per km, for trips of weeks not
	// yet submitted (a submitted week keeps the rate it was submitted at).
	Rate float64
	// PublicURL is WERKPLEK_PUBLIC_URL, where download links point.
	PublicURL string
	// State keeps where the approvers' cards of a week went, so that they
	// are updated once it is decided (with Env.Cards; nil: they are not,
	// and an approver pressing one is told who decided).
	State intranet.StateStore
}

// Unit answers /hours and /km and runs the submission reminders.
type Unit struct {
	cfg      Config
	notifier feature.Notifier
	// cards refreshes the approvers' cards (with Config.State).
	cards feature.CardRefresh
}

var _ feature.Unit = (*Unit)(nil)

// New returns the unit with its job handlers registered on cfg.Jobs.
func New(cfg Config) (*Unit, error) {
	switch {
	case cfg.Timesheets == nil:
		return nil, errors.New("hours: no TimesheetService")
	case cfg.Teams == nil:
		return nil, errors.New("hours: no TeamService")
	case cfg.Admins == nil:
		return nil, errors.New("hours: no Admins")
	case cfg.Downloads == nil:
		return nil, errors.New("hours: no DownloadService")
	case cfg.Events == nil:
		return nil, errors.New("hours: no Events")
	case cfg.Rate <= 0:
		return nil, errors.New("hours: no mileage Rate")
	}
	if err := cfg.Ready("hours", feature.NeedTx); err != nil {
		return nil, err
	}
	u := &Unit{cfg: cfg, notifier: cfg.Notifier()}
	if cfg.State != nil && cfg.Cards != nil {
		var err error
		if u.cards, err = cfg.HandleCards(cardsName, cardSource{u}); err != nil {
			return nil, err
		}
	}
	if err := u.registerJobs(); err != nil {
		return nil, err
	}
	return u, nil
}

// Commands returns /hours and /km.
func (u *Unit) Commands() []*grammar.Command { return []*grammar.Command{Hours, Km} }

// Handle answers a parsed /hours or /km. Guests and people outside the
// phonebook keep no hours.
func (u *Unit) Handle(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	if c.Person == nil || c.Guest {
		return c.Reply(help.NotForGuests(c)), nil
	}
	if c.Cmd.Command == Km {
		return u.handleKm(ctx, c)
	}
	switch {
	case c.Is(""):
		return u.addEntry(ctx, c)
	case c.Is("week"):
		return u.week(ctx, c)
	case c.Is("edit"):
		return u.editEntry(ctx, c)
	case c.Is("remove"):
		return u.removeEntry(ctx, c)
	case c.Is("submit"):
		return u.submit(ctx, c)
	case c.Is("approve"):
		return u.approve(ctx, c)
	case c.Is("reject"):
		return u.reject(ctx, c)
	case c.Is("reopen"):
		return u.reopen(ctx, c)
	case c.Is("team"):
		return u.team(ctx, c)
	case c.Is("export"):
		return u.export(ctx, c)
	}
	return c.Reply(c.Usage()), nil
}

// handleKm answers a parsed /km.
func (u *Unit) handleKm(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	switch {
	case c.Is(""):
		return u.addTrip(ctx, c)
	case c.Is("week"):
		return u.kmWeek(ctx, c)
	case c.Is("month"):
		return u.kmMonth(ctx, c)
	case c.Is("edit"):
		return u.editTrip(ctx, c)
	case c.Is("remove"):
		return u.removeTrip(ctx, c)
	case c.Is("route add"):
		return u.addRoute(ctx, c)
	case c.Is("route list"):
		return u.routes(ctx, c)
	case c.Is("route remove"):
		return u.removeRoute(ctx, c)
	}
	return c.Reply(c.Usage()), nil
}
