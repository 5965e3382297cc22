package router

import (
	"context"

	"github.com/werkplek/werkplek/intranet"
)

// directMessage sends a person a direct message on one of their linked
// accounts: on prefer when they have an account there, else the first whose
// platform has a poster; through the outbox when there is one, else straight
// to the poster. The message is written in the person's language. It
// reports whether it sent.
func (r *Router) directMessage(ctx context.Context, posters intranet.PosterSet, outbox intranet.Outbox, p *intranet.Person, prefer intranet.Platform, key string, reply func(lang string) intranet.Reply) bool {
	if posters == nil || p == nil {
		return false
	}
	var to *intranet.Account
	for i, a := range p.Accounts {
		if posters.Poster(a.Platform) == nil {
			continue
		}
		if to == nil || a.Platform == prefer && to.Platform != prefer {
			to = &p.Accounts[i]
		}
	}
	if to == nil {
		return false
	}
	msg := r.messageFor(p, reply)
	d := intranet.Delivery{To: intranet.Destination{Platform: to.Platform, Installation: to.Installation, UserID: to.UserID}, Reply: msg, Key: key}
	var err error
	if outbox != nil {
		_, err = outbox.Send(ctx, d)
	} else {
		_, err = posters.Poster(to.Platform).Deliver(ctx, d)
	}
	return err == nil
}

// messageFor writes a message to p in p's language (the installation's when
// p has none).
func (r *Router) messageFor(p *intranet.Person, reply func(lang string) intranet.Reply) intranet.Reply {
	lang := p.Language
	if lang == "" {
		lang = r.Language
	}
	msg := reply(lang)
	msg.Lang = lang
	return msg
}
