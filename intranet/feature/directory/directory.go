// Package directory is the unit of people who leave, come back, and hold
// roles: it implements intranet.DirectoryService (the chat commands, the
// full import and the identity provider deactivate through it, so that a
// departure has the same effects whoever records it), and answers the
// admins' /werkplek person and /werkplek role, which the help unit hands
// to it.
package directory

import (
	"context"
	"errors"
	"fmt"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// Store is what the unit keeps in the store.
type Store interface {
	// DeactivatePerson marks a person inactive and takes them out of
	// search, their accounts, web sessions, own digests and follows; their
	// topics go to topicsTo. changed is false when they were inactive.
	// Joins the transaction of ctx. Returns ENOTFOUND.
	DeactivatePerson(ctx context.Context, id, topicsTo int64) (d intranet.Departure, changed bool, err error)
	// ActivatePerson brings a person back; changed is false when they were
	// active. Returns ENOTFOUND.
	ActivatePerson(ctx context.Context, id int64) (changed bool, err error)
	// SetRoles replaces a person's roles. Returns ENOTFOUND.
	SetRoles(ctx context.Context, id int64, roles []intranet.Role) error
	// FindPeopleWithRole returns the active people who hold a role.
	FindPeopleWithRole(ctx context.Context, role intranet.Role) ([]*intranet.Person, error)
	// InactivePeople returns the people who left, by name.
	InactivePeople(ctx context.Context) ([]*intranet.Person, error)
}

// Bookings frees the rooms of who left (the rooms unit).
type Bookings interface {
	// CancelBookingsOf cancels a person's coming bookings in the
	// transaction of ctx and returns how many.
	CancelBookingsOf(ctx context.Context, personID int64) (int, error)
}

// Questions closes the questions of who left (the questions unit).
type Questions interface {
	// CloseQuestionsOf closes a person's waiting questions in the
	// transaction of ctx and returns how many.
	CloseQuestionsOf(ctx context.Context, personID int64) (int, error)
}

// Config is what the unit needs: its Env's People, Accounts (person
// mentions), Outbox (the leads' DMs), Tx (a departure is one
// transaction), Now, Location and Language, and the services below.
type Config struct {
	feature.Env
	Store     Store
	Audit     intranet.AuditService
	Handovers intranet.HandoverService
	Teams     intranet.TeamService
	Bookings  Bookings
	Questions Questions
}

// Unit deactivates and activates people and changes roles.
type Unit struct {
	cfg Config
	dm  feature.Notifier
}

var _ intranet.DirectoryService = (*Unit)(nil)

// New checks the config and returns the unit.
func New(cfg Config) (*Unit, error) {
	switch {
	case cfg.Store == nil:
		return nil, errors.New("directory: Config.Store is required")
	case cfg.Audit == nil:
		return nil, errors.New("directory: Config.Audit is required")
	case cfg.Handovers == nil || cfg.Teams == nil:
		return nil, errors.New("directory: Config.Handovers and Teams are required")
	case cfg.Bookings == nil || cfg.Questions == nil:
		return nil, errors.New("directory: Config.Bookings and Questions are required")
	}
	if err := cfg.Ready("directory", feature.NeedTx, feature.NeedAccounts); err != nil {
		return nil, err
	}
	return &Unit{cfg: cfg, dm: cfg.Notifier()}, nil
}

// Deactivate takes a person out of the phonebook, routing and
// subscriptions; see intranet.DirectoryService. All of it is one
// transaction, the leads' DMs included. Returns ENOTFOUND.
func (u *Unit) Deactivate(ctx context.Context, by intranet.Actor, personID int64) (intranet.Departure, error) {
	p, err := u.cfg.People.FindPersonByID(ctx, personID)
	if err != nil {
		return intranet.Departure{}, err
	}
	if p.Inactive {
		return intranet.Departure{}, nil
	}
	heir, err := u.heir(ctx, by, personID)
	if err != nil {
		return intranet.Departure{}, err
	}
	var d intranet.Departure
	err = feature.InTx(ctx, u.cfg.Tx, func(ctx context.Context) error {
		var changed bool
		var err error
		if d, changed, err = u.cfg.Store.DeactivatePerson(ctx, personID, heir); err != nil || !changed {
			return err // !changed: someone else did it just now
		}
		if d.BookingsCancelled, err = u.cfg.Bookings.CancelBookingsOf(ctx, personID); err != nil {
			return err
		}
		if d.QuestionsClosed, err = u.cfg.Questions.CloseQuestionsOf(ctx, personID); err != nil {
			return err
		}
		if d.HandoversKept, err = u.keepHandovers(ctx, p); err != nil {
			return err
		}
		return u.cfg.Audit.Audit(ctx, intranet.AuditEntry{ActorID: by.PersonID, Actor: by.Name, Platform: by.Platform,
			Action: "person deactivate", SubjectID: p.ID, Subject: p.Email, Detail: summary(d)})
	})
	if err != nil {
		return intranet.Departure{}, fmt.Errorf("deactivate %s: %w", p.Email, err)
	}
	return d, nil
}

// Activate brings a person back with their history (what was cancelled
// when they left stays cancelled); audited. Activating an active person
// changes nothing. Returns ENOTFOUND.
func (u *Unit) Activate(ctx context.Context, by intranet.Actor, personID int64) error {
	p, err := u.cfg.People.FindPersonByID(ctx, personID)
	if err != nil {
		return err
	}
	if !p.Inactive {
		return nil
	}
	err = feature.InTx(ctx, u.cfg.Tx, func(ctx context.Context) error {
		changed, err := u.cfg.Store.ActivatePerson(ctx, personID)
		if err != nil || !changed {
			return err
		}
		return u.cfg.Audit.Audit(ctx, intranet.AuditEntry{ActorID: by.PersonID, Actor: by.Name, Platform: by.Platform,
			Action: "person activate", SubjectID: p.ID, Subject: p.Email})
	})
	if err != nil {
		return fmt.Errorf("activate %s: %w", p.Email, err)
	}
	return nil
}

// heir is the admin the topics of who leaves go to: the admin who
// deactivates them, else the first other admin by name, else nobody (0).
func (u *Unit) heir(ctx context.Context, by intranet.Actor, leaving int64) (int64, error) {
	admins, err := u.cfg.Store.FindPeopleWithRole(ctx, intranet.RoleAdmin)
	if err != nil {
		return 0, err
	}
	var first int64
	for _, a := range admins {
		switch {
		case a.ID == leaving:
		case a.ID == by.PersonID:
			return a.ID, nil
		case first == 0:
			first = a.ID
		}
	}
	return first, nil
}

// keepHandovers leaves the open requests of who leaves open for their
// teams and tells each team's leads; it returns how many there are.
func (u *Unit) keepHandovers(ctx context.Context, p *intranet.Person) (int, error) {
	hs, err := u.cfg.Handovers.Handovers(ctx, intranet.HandoverFilter{RequesterID: &p.ID,
		States: []intranet.HandoverState{intranet.HandoverOpen, intranet.HandoverPending}})
	if err != nil {
		return 0, err
	}
	for _, h := range hs {
		team, err := u.cfg.Teams.FindTeamByID(ctx, h.TeamID)
		if intranet.ErrorCode(err) == intranet.ENOTFOUND {
			continue
		} else if err != nil {
			return 0, err
		}
		for _, m := range team.Members {
			if !m.Lead || m.PersonID == p.ID {
				continue
			}
			lead, err := u.cfg.People.FindPersonByID(ctx, m.PersonID)
			if intranet.ErrorCode(err) == intranet.ENOTFOUND {
				continue
			} else if err != nil {
				return 0, err
			}
			h, who := *h, p.Name
			err = u.dm.Send(ctx, feature.DM{To: lead, Key: fmt.Sprintf("handover-%d-requester-left-%d", h.ID, lead.ID), Write: func(lang string) intranet.Reply {
				return u.leadDM(lang, who, h)
			}})
			if err != nil {
				return 0, err
			}
		}
	}
	return len(hs), nil
}
