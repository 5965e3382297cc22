package feature

import (
	"context"

	"github.com/werkplek/werkplek/intranet"
)

// Messenger sends direct messages through the outbox, so they are retried
// on 429 and 5xx answers and sent once per key. Every unit that DMs people
// uses it, so that all choose an account the same way.
type Messenger struct {
	Outbox    intranet.Outbox
	Platforms intranet.PosterSet
	// Installations says which installations are gone (intranet.Departures):
	// their accounts are skipped like those of a platform that is off, so
	// that the person is reached elsewhere. nil: none is gone. (Kept as one
	// check for the notifier that replaces Messenger, issue 16.)
	Installations intranet.Installations
	// Language is WERKPLEK_LANGUAGE, for people who chose none.
	Language string
}

// Send DMs p, written in p's language by reply, on one of p's linked
// accounts whose platform is on and whose installation is not gone:
// prefer's when p has one there, else the first. Guest accounts get
// nothing. It reports whether a message was recorded; an error is the
// outbox's or the gone check's (the caller's transaction fails).
func (m Messenger) Send(ctx context.Context, p *intranet.Person, prefer intranet.Platform, key string, reply func(lang string) intranet.Reply) (bool, error) {
	if p == nil || m.Outbox == nil || m.Platforms == nil {
		return false, nil
	}
	var to *intranet.Account
	for i, a := range p.Accounts {
		if a.Guest || m.Platforms.Poster(a.Platform) == nil {
			continue
		}
		if gone, err := m.gone(ctx, a); err != nil {
			return false, err
		} else if gone {
			continue
		}
		if to == nil || a.Platform == prefer && to.Platform != prefer {
			to = &p.Accounts[i]
		}
	}
	if to == nil {
		return false, nil
	}
	msg := m.Write(p, reply)
	d := intranet.Delivery{To: intranet.Destination{Platform: to.Platform, Installation: to.Installation, UserID: to.UserID}, Reply: msg, Key: key}
	if _, err := m.Outbox.Send(ctx, d); err != nil {
		return false, err
	}
	return true, nil
}

// gone reports whether the account's installation is gone.
func (m Messenger) gone(ctx context.Context, a intranet.Account) (bool, error) {
	if m.Installations == nil {
		return false, nil
	}
	return m.Installations.Gone(ctx, a.Platform, a.Installation)
}

// Write writes a message to p in p's language (the installation's when p
// chose none).
func (m Messenger) Write(p *intranet.Person, reply func(lang string) intranet.Reply) intranet.Reply {
	lang := p.Language
	if lang == "" {
		lang = m.Language
	}
	if lang != "en" {
		lang = "nl"
	}
	msg := reply(lang)
	msg.Lang = lang
	return msg
}
