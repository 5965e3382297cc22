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
	// Language is WERKPLEK_LANGUAGE, for people who chose none.
	Language string
}

// Send DMs p, written in p's language by reply, on one of p's linked
// accounts whose platform is on: prefer's when p has one there, else the
// first. Guest accounts get nothing. It reports whether a message was
// recorded; an error is the outbox's (the caller's transaction fails).
func (m Messenger) Send(ctx context.Context, p *intranet.Person, prefer intranet.Platform, key string, reply func(lang string) intranet.Reply) (bool, error) {
	if p == nil || m.Outbox == nil || m.Platforms == nil {
		return false, nil
	}
	var to *intranet.Account
	for i, a := range p.Accounts {
		if a.Guest || m.Platforms.Poster(a.Platform) == nil {
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
