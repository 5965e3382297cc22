// Package home is the front door: a person's home (what waits for them in
// every unit), their one-time sign-in link to Werkplek on the web, and the
// admins' counts of use and the API's tokens and webhooks. Its commands
// are /werkplek home, web, usage and api, declared with the help unit's
// /werkplek, which hands them here.
package home

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/feature/help"
)

// Part is a unit's part of a person's home: its sections, none when
// nothing of it waits for the caller. A part shows the caller only what
// its own commands would show them (a guest only what is shared with
// guests).
type Part interface {
	Home(ctx context.Context, c *feature.Call) ([]intranet.Section, error)
}

// Config is what the unit needs.
type Config struct {
	// Env gives the notifier the sign-in link goes out with, and the clock.
	Env feature.Env
	// Web keeps the sign-in links (nil: no link can be made, as without
	// PublicURL).
	Web intranet.WebService
	// Usage keeps the counts of use (nil: there are none to show).
	Usage intranet.UsageService
	// Tokens and Webhooks keep the REST API's tokens and webhook endpoints
	// (nil: /werkplek api answers that there is no API).
	Tokens   intranet.APITokenService
	Webhooks intranet.WebhookService
	// Audit keeps the audit log /werkplek audit shows (nil: there is none).
	Audit intranet.AuditService
	// PublicURL is WERKPLEK_PUBLIC_URL, where the web front door is.
	PublicURL string
	// Parts make up the home, in order (news, rooms, handover, questions,
	// hours, board).
	Parts []Part
}

// Unit answers /werkplek home, web, usage and api.
type Unit struct{ cfg Config }

var _ help.Door = (*Unit)(nil)

// New returns the unit.
func New(cfg Config) (*Unit, error) {
	if err := cfg.Env.Ready("home"); err != nil {
		return nil, err
	}
	cfg.PublicURL = strings.TrimRight(cfg.PublicURL, "/")
	for _, p := range cfg.Parts {
		if p == nil {
			return nil, errors.New("home: Config.Parts holds nil")
		}
	}
	return &Unit{cfg: cfg}, nil
}

// Handle answers /werkplek home, web, usage and api.
func (u *Unit) Handle(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	if c.Person == nil {
		return c.Reply(help.NotForGuests(c)), nil
	}
	switch {
	case c.Is("web"):
		return u.signIn(ctx, c)
	case c.Is("usage"):
		return u.usage(ctx, c)
	case c.Is("audit"):
		return u.audit(ctx, c)
	case help.IsAPI(c):
		return u.api(ctx, c)
	}
	return u.home(ctx, c)
}

// WebHome is the web front door's home, "" without WERKPLEK_PUBLIC_URL.
func (u *Unit) WebHome() string {
	if u.cfg.PublicURL == "" {
		return ""
	}
	return u.cfg.PublicURL + "/web/"
}

// home gathers what waits for the caller in every unit.
func (u *Unit) home(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	var sections []intranet.Section
	for _, p := range u.cfg.Parts {
		s, err := p.Home(ctx, c)
		if err != nil {
			return intranet.Reply{}, fmt.Errorf("home of %T: %w", p, err)
		}
		sections = append(sections, s...)
	}
	return homeView(c, sections, u.WebHome()), nil
}
