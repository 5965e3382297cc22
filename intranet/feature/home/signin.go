package home

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
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
	secret, hash, err := newSecret()
	if err != nil {
		return intranet.Reply{}, err
	}
	link := u.cfg.PublicURL + "/web/signin/" + secret
	s := intranet.SignIn{Hash: hash, PersonID: c.Person.ID, Expires: u.cfg.Env.Now().Add(intranet.SignInValid), Platform: c.Req.Platform}
	err = feature.InTx(ctx, u.cfg.Env.Tx, func(ctx context.Context) error {
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

// newSecret returns 32 random bytes as base64url (the link's secret) and
// the hex SHA-256 of that text (what is stored).
func newSecret() (secret, hash string, err error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", "", fmt.Errorf("sign-in secret: %w", err)
	}
	secret = base64.RawURLEncoding.EncodeToString(b)
	return secret, Hash(secret), nil
}

// Hash is how a sign-in link's secret is stored: the hex SHA-256 of the
// secret as it is in the link.
func Hash(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}
