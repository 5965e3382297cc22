package feature

import (
	"context"
	"errors"
	"fmt"

	"github.com/werkplek/werkplek/intranet"
)

// Recipients chooses, when a DM to a person is delivered, the account it
// goes to (intranet.Recipients, for the outbox): everyone in the phonebook
// is reachable, also who never wrote to Werkplek.
type Recipients struct {
	People   intranet.PersonService
	Accounts intranet.AccountService
	// Platforms says which platforms are on and can find a user by email.
	Platforms Platforms
	// Order is WERKPLEK_DM_PLATFORMS: the platforms where someone without
	// a usable account is looked for by email, in turn. bot adds the
	// console when no chat platform is configured (a trial), where
	// everyone's identity is their email.
	Order []intranet.Platform
	// Installations says which installations are gone (intranet.Departures):
	// their accounts are skipped like those of a platform that is off, so
	// that the person is reached elsewhere. nil: none is gone.
	Installations intranet.Installations
	// Language is WERKPLEK_LANGUAGE, for people who chose none.
	Language string
}

var _ intranet.Recipients = Recipients{}

// DefaultDMPlatforms is WERKPLEK_DM_PLATFORMS's default.
var DefaultDMPlatforms = []intranet.Platform{intranet.PlatformSlack, intranet.PlatformTeams, intranet.PlatformMattermost}

// Account chooses the account a DM to the person goes to now (a guest or
// partner only with guests): of their
// accounts on platforms that are on (guest accounts only with guests), the
// one they used last, or without any use the first by Order; without one,
// the first platform by Order that knows their email, whose account is
// then linked. Returns ENOTFOUND when nothing reaches the person (nothing
// reaches who left), and the
// platforms' errors when none reached them and some could not answer.
func (r Recipients) Account(ctx context.Context, personID int64, guests bool) (intranet.Destination, error) {
	p, err := r.People.FindPersonByID(ctx, personID)
	if err != nil {
		return intranet.Destination{}, err
	} else if p.Inactive {
		// Who left is reached nowhere, and linked again nowhere.
		return intranet.Destination{}, intranet.Errorf(intranet.ENOTFOUND, "%s no longer works here.", p.Name)
	} else if p.IsGuest() && !guests {
		// A partner or guest gets only what is shared with guests, on
		// whatever account: a handover, an approval, an internal message
		// never reaches them.
		return intranet.Destination{}, intranet.Errorf(intranet.ENOTFOUND, "%s is a guest or partner: this message is not shared with them.", p.Name)
	}
	rank := func(pl intranet.Platform) int {
		for i, o := range r.Order {
			if o == pl {
				return i
			}
		}
		return len(r.Order)
	}
	var best *intranet.Account
	for i, a := range p.Accounts {
		if a.Guest && !guests || r.Platforms.Poster(a.Platform) == nil {
			continue
		}
		if gone, err := r.gone(ctx, a); err != nil {
			return intranet.Destination{}, err
		} else if gone {
			continue
		}
		switch {
		case best == nil, a.LastSeen.After(best.LastSeen):
			best = &p.Accounts[i]
		case a.LastSeen.Equal(best.LastSeen) && rank(a.Platform) < rank(best.Platform):
			best = &p.Accounts[i]
		}
	}
	if best != nil {
		return destination(*best), nil
	}
	// A platform that fails to answer (a revoked token, an outage) does not
	// keep the person from the next; only when no platform reaches them is
	// its error the answer, and the delivery is tried again later.
	var failed error
	for _, pl := range r.Order {
		reacher, ok := r.Platforms.Poster(pl).(intranet.Reacher)
		if !ok {
			continue
		}
		a, err := reacher.Reach(ctx, p.Email)
		switch {
		case intranet.ErrorCode(err) == intranet.ENOTFOUND:
			continue
		case err != nil:
			failed = errors.Join(failed, fmt.Errorf("reach %s on %s: %w", p.Email, pl, err))
			continue
		case a.Guest && !guests:
			continue
		case a.UserID == "" || a.Installation == "":
			failed = errors.Join(failed, fmt.Errorf("reach %s on %s: an account without a user or installation", p.Email, pl))
			continue
		}
		if gone, err := r.gone(ctx, a); err != nil {
			return intranet.Destination{}, err
		} else if gone {
			continue
		}
		a.PersonID = p.ID
		if err := r.Accounts.LinkAccount(ctx, a); err != nil {
			return intranet.Destination{}, err
		}
		return destination(a), nil
	}
	if failed != nil {
		return intranet.Destination{}, failed
	}
	return intranet.Destination{}, intranet.Errorf(intranet.ENOTFOUND, "%s is on no platform that is on.", p.Name)
}

// AccountOn returns the person's account on the platform and
// installation, for a person mention in a message delivered there: the
// one they used last, should they have several. Returns ENOTFOUND when they have none there.
func (r Recipients) AccountOn(ctx context.Context, personID int64, platform intranet.Platform, installation string) (intranet.Account, error) {
	p, err := r.People.FindPersonByID(ctx, personID)
	if err != nil {
		return intranet.Account{}, err
	}
	var best *intranet.Account
	for i, a := range p.Accounts {
		if a.Platform == platform && a.Installation == installation && (best == nil || a.LastSeen.After(best.LastSeen)) {
			best = &p.Accounts[i]
		}
	}
	if best != nil {
		return *best, nil
	}
	return intranet.Account{}, intranet.Errorf(intranet.ENOTFOUND, "%s has no account on %s %s.", p.Name, platform, installation)
}

// gone reports whether the account's installation is gone.
func (r Recipients) gone(ctx context.Context, a intranet.Account) (bool, error) {
	if r.Installations == nil {
		return false, nil
	}
	return r.Installations.Gone(ctx, a.Platform, a.Installation)
}

func destination(a intranet.Account) intranet.Destination {
	return intranet.Destination{Platform: a.Platform, Installation: a.Installation, UserID: a.UserID, PersonID: a.PersonID}
}

// Merge writes the DMs that waited for the end of the person's quiet
// hours as one message: each one a section with its buttons.
func (r Recipients) Merge(ctx context.Context, personID int64, msgs []intranet.Reply) (intranet.Reply, error) {
	p, err := r.People.FindPersonByID(ctx, personID)
	if err != nil {
		return intranet.Reply{}, err
	}
	return Notifier{Language: r.Language}.Write(p, func(lang string) intranet.Reply {
		out := intranet.Reply{Title: N(lang, len(msgs), "bericht van Werkplek terwijl je rust had", "berichten van Werkplek terwijl je rust had", "message from Werkplek while you were off", "messages from Werkplek while you were off")}
		for _, m := range msgs {
			s := intranet.Section{Title: m.Title, Text: m.Text}
			for _, x := range m.Sections {
				if x.Title != "" {
					s.Text += "\n*" + x.Title + "*"
				}
				if x.Text != "" {
					s.Text += "\n" + x.Text
				}
				s.Fields = append(s.Fields, x.Fields...)
				s.Buttons = append(s.Buttons, x.Buttons...)
			}
			s.Buttons = append(s.Buttons, m.Buttons...)
			out.Sections = append(out.Sections, s)
		}
		return out
	}), nil
}
