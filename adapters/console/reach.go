package console

import (
	"context"
	"strings"

	"github.com/werkplek/werkplek/intranet"
)

var _ intranet.Reacher = (*Poster)(nil)

// Reach returns the console account of an email: on the console the user id
// is the (lower-case) email, as `werkplek console --as` uses it, so everyone
// in the phonebook is reachable and sees their DMs when they open a console.
// Only an empty email is ENOTFOUND.
func (p *Poster) Reach(ctx context.Context, email string) (intranet.Account, error) {
	id := strings.ToLower(strings.TrimSpace(email))
	if id == "" {
		return intranet.Account{}, intranet.Errorf(intranet.ENOTFOUND, "console: no email to reach")
	}
	return intranet.Account{Platform: intranet.PlatformConsole, Installation: Installation, UserID: id, UserName: id}, nil
}
