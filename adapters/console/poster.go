package console

import (
	"context"
	"strings"

	"github.com/werkplek/werkplek/intranet"
)

var (
	_ intranet.Poster  = (*Poster)(nil)
	_ intranet.Reacher = (*Poster)(nil)
)

// Poster delivers outbound messages to console users by keeping them in the
// mailbox until a console for that person or channel shows them.
type Poster struct {
	Mailbox intranet.Mailbox
}

// Deliver stores the message for the person or channel.
func (p *Poster) Deliver(ctx context.Context, d intranet.Delivery) (intranet.MessageRef, error) {
	return p.Mailbox.PutMail(ctx, d)
}

// Update replaces a stored message; every console shows it again, marked
// updated.
func (p *Poster) Update(ctx context.Context, ref intranet.MessageRef, r intranet.Reply) error {
	return p.Mailbox.ReplaceMail(ctx, ref, r)
}

// Reach is anyone's DM by email: a console's user id is its person's
// email, so a DM is kept for that id until they open a console, whether or
// not they ever opened one before.
func (p *Poster) Reach(ctx context.Context, email string) (intranet.Destination, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	if email == "" {
		return intranet.Destination{}, intranet.Errorf(intranet.ENOTFOUND, "No console user without an email.")
	}
	return intranet.Destination{Platform: intranet.PlatformConsole, Installation: Installation, UserID: email}, nil
}
