package feature

import (
	"context"
	"fmt"

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
// first. Guest accounts get nothing. A person with no such account who is
// no guest is reached on prefer when its poster finds people by email
// (intranet.Reacher; the console: a question asked there reaches experts
// who never opened one). It reports whether a message was recorded; an
// error is the outbox's or the lookup's (the caller's transaction fails).
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
	var dest intranet.Destination
	if to != nil {
		dest = intranet.Destination{Platform: to.Platform, Installation: to.Installation, UserID: to.UserID}
	} else {
		var ok bool
		var err error
		if dest, ok, err = m.reach(ctx, p, prefer); !ok || err != nil {
			return false, err
		}
	}
	d := intranet.Delivery{To: dest, Reply: m.Write(p, reply), Key: key}
	if _, err := m.Outbox.Send(ctx, d); err != nil {
		return false, err
	}
	return true, nil
}

// reach finds p by email on platform, when its poster can.
func (m Messenger) reach(ctx context.Context, p *intranet.Person, platform intranet.Platform) (intranet.Destination, bool, error) {
	r, ok := m.Platforms.Poster(platform).(intranet.Reacher)
	if !ok || p.Email == "" || p.IsGuest() {
		return intranet.Destination{}, false, nil
	}
	d, err := r.Reach(ctx, p.Email)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return intranet.Destination{}, false, nil
	} else if err != nil {
		return intranet.Destination{}, false, fmt.Errorf("reach %s on %s: %w", p.Email, platform, err)
	}
	return d, true, nil
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
