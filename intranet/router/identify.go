package router

import (
	"context"

	"github.com/werkplek/werkplek/intranet"
)

// identify finds the person behind a request. On first contact it links the
// platform account by email (asking the platform for it when the request did
// not carry it). It returns nil for someone not in the phonebook, and for
// someone who left (inactive), whose account is never linked again. The
// account's last use is recorded, so that DMs go where the person was
// active last. welcome is set when this request added them as a partner
// (first contact from a partner organisation's domain).
func (r *Router) identify(ctx context.Context, req intranet.Request) (p *intranet.Person, guest, welcome bool, err error) {
	p, guest, welcome, err = r.person(ctx, req)
	if err != nil || p == nil {
		return p, guest, false, err
	}
	if err := r.cfg.Accounts.TouchAccount(ctx, req.Platform, req.Installation, req.User.ID, r.cfg.Now()); err != nil {
		return nil, false, false, err
	}
	return p, guest, welcome, nil
}

func (r *Router) person(ctx context.Context, req intranet.Request) (*intranet.Person, bool, bool, error) {
	acct, err := r.cfg.Accounts.FindAccount(ctx, req.Platform, req.Installation, req.User.ID)
	switch intranet.ErrorCode(err) {
	case "":
		p, err := r.cfg.People.FindPersonByID(ctx, acct.PersonID)
		if intranet.ErrorCode(err) == intranet.ENOTFOUND {
			return nil, req.User.Guest, false, nil
		} else if err != nil {
			return nil, false, false, err
		} else if p.Inactive {
			return nil, req.User.Guest, false, nil // who left is not in the phonebook
		}
		return p, acct.Guest || req.User.Guest || p.IsGuest(), false, nil
	case intranet.ENOTFOUND:
	default:
		return nil, false, false, err
	}

	user := req.User
	if user.Email == "" && r.cfg.Platforms != nil {
		if dir := r.cfg.Platforms.Directory(req.Platform); dir != nil {
			u, err := dir.LookupUser(ctx, req.Installation, user.ID)
			if err != nil && intranet.ErrorCode(err) != intranet.ENOTFOUND {
				return nil, false, false, err
			}
			user.Email, user.Guest = u.Email, user.Guest || u.Guest
			if user.Name == "" {
				user.Name = u.Name
			}
		}
	}
	if user.Email == "" {
		return nil, user.Guest, false, nil
	}
	p, err := r.cfg.People.FindPersonByEmail(ctx, user.Email)
	welcome := false
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		if p, err = r.newPartner(ctx, req.Platform, user); p == nil || err != nil {
			return nil, user.Guest, false, err
		}
		welcome = true
	} else if err != nil {
		return nil, false, false, err
	} else if p.Inactive {
		// Who left is not in the phonebook, and their account stays unlinked.
		return nil, user.Guest, false, nil
	}
	a := intranet.Account{Platform: req.Platform, Installation: req.Installation, UserID: user.ID, UserName: user.Name, PersonID: p.ID, Guest: user.Guest || p.IsGuest()}
	if err := r.cfg.Accounts.LinkAccount(ctx, a); err != nil {
		return nil, false, false, err
	}
	p.Accounts = append(p.Accounts, a)
	return p, user.Guest || p.IsGuest(), welcome, nil
}

var _ intranet.Linker = (*Router)(nil)

// newPartner adds someone not in the phonebook whose email domain belongs
// to a partner organisation, as a partner of it, with the name the
// platform gave, and writes "partner linked" in the audit log (by the
// system: no person decided it at that moment; the admin who gave the
// organisation its domain did). An employee's domain is never a
// partner's: the admins decide which domains are. nil when the domain is
// no partner's, or there are no partners.
func (r *Router) newPartner(ctx context.Context, platform intranet.Platform, user intranet.User) (*intranet.Person, error) {
	if r.cfg.Partners == nil {
		return nil, nil
	}
	domain := intranet.EmailDomain(user.Email)
	if domain == "" {
		return nil, nil
	}
	org, err := r.cfg.Partners.OrganisationOfDomain(ctx, domain)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	p, created, err := r.cfg.Partners.AddPartnerPerson(ctx, org.ID, user.Email, user.Name)
	switch {
	case intranet.ErrorCode(err) == intranet.EINVALID:
		return nil, nil // not an address, or someone who left in the meantime
	case err != nil:
		return nil, err
	case p.Inactive:
		return nil, nil
	}
	if created && r.cfg.Audit != nil {
		e := intranet.AuditEntry{Actor: "system", Platform: string(platform), Action: "partner linked", SubjectID: p.ID, Subject: p.Email,
			Detail: "first contact from a domain of " + org.Name + " (" + domain + ")"}
		if err := r.cfg.Audit.Audit(ctx, e); err != nil {
			r.cfg.Log.Error("audit entry not written", "err", err, "actor", e.Actor, "platform", e.Platform,
				"action", e.Action, "subject", e.Subject, "detail", e.Detail)
		}
	}
	return p, nil
}

// Link links the users an adapter learned of before they wrote (Teams
// tells who the app was installed for) to the people with their email, so
// that DMs reach them at once; users not in the phonebook are left alone.
func (r *Router) Link(ctx context.Context, platform intranet.Platform, installation string, users []intranet.User) error {
	for _, u := range users {
		if u.ID == "" || u.Email == "" {
			continue
		}
		p, err := r.cfg.People.FindPersonByEmail(ctx, u.Email)
		if intranet.ErrorCode(err) == intranet.ENOTFOUND {
			if p, err = r.newPartner(ctx, platform, u); err != nil {
				return err
			} else if p == nil {
				continue
			}
		} else if err != nil {
			return err
		} else if p.Inactive {
			continue
		}
		if err := r.cfg.Accounts.LinkAccount(ctx, intranet.Account{Platform: platform, Installation: installation, UserID: u.ID, UserName: u.Name, PersonID: p.ID, Guest: u.Guest || p.IsGuest()}); err != nil {
			return err
		}
	}
	return nil
}
