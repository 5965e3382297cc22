package home

import (
	"context"
	"fmt"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// signIn makes a one-time link to the web front door and sends it to the
// caller by direct message, so that only who can read their DMs may use
// it. Guests may have one too: the web shows them what they may see. Only
// the secret's hash is stored; the secret is only in the link.
func (u *Unit) signIn(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	if u.cfg.PublicURL == "" || u.cfg.Web == nil {
		return notSetUpView(c), nil
	}
	secret, hash := intranet.NewSecret()
	link := u.cfg.PublicURL + "/web/signin/" + secret
	s := intranet.SignIn{Hash: hash, PersonID: c.Person.ID, Expires: u.cfg.Env.Now().Add(intranet.SignInValid), Platform: c.Req.Platform}
	err := feature.InTx(ctx, u.cfg.Env.Tx, func(ctx context.Context) error {
		if err := u.cfg.Web.CreateSignIn(ctx, s); err != nil {
			return fmt.Errorf("create sign-in link: %w", err)
		}
		// Asked for now, so it comes in quiet hours too; the key is the
		// link's own, so that a retry sends it once.
		return u.cfg.Env.Notifier().Send(ctx, feature.DM{To: c.Person, Key: "web:signin:" + hash[:12], Asked: true, Guests: true,
			Write: func(lang string) intranet.Reply { return signInDM(lang, link) }})
	})
	if err != nil {
		return intranet.Reply{}, err
	}
	return signInSentView(c), nil
}
