package console

import (
	"context"

	"github.com/werkplek/werkplek/intranet"
)

var _ intranet.Poster = (*Poster)(nil)

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
