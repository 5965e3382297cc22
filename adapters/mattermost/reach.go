package mattermost

// Finding a colleague who never wrote to Werkplek, by email: GET
// /api/v4/users/email/{email}
// (https://developers.mattermost.com/api-documentation/#/operations/GetUserByEmail).
// The server answers only when the bot may see emails (the ShowEmailAddress
// privacy setting, or the bot has the system admin role); a DM to the user
// then goes to the direct channel between the bot and them (Deliver).

import (
	"context"
	"fmt"
	"net/http"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/werkplek/werkplek/adapters/internal/retry"
	"github.com/werkplek/werkplek/intranet"
)

var _ intranet.Reacher = (*Adapter)(nil)

// Reach finds the Mattermost user with that email. Deactivated users and
// bots are ENOTFOUND, like an unknown email; without URL and bot token
// nobody can be messaged, so everyone is ENOTFOUND. A 403 (the bot may not
// see emails) is no answer about the person and comes back as an error
// that names the setting.
func (a *Adapter) Reach(ctx context.Context, email string) (intranet.Account, error) {
	if a.api == nil {
		return intranet.Account{}, intranet.Errorf(intranet.ENOTFOUND, "mattermost: no MATTERMOST_URL and bot token to reach %s", email)
	}
	var u *model.User
	err := a.retry(ctx, retry.Call{Op: "get user by email", Safe: true}, func() (*model.Response, error) {
		got, resp, err := a.api.GetUserByEmail(ctx, email, "")
		u = got
		return resp, err
	})
	switch s := status(err); {
	case s == http.StatusNotFound || s == http.StatusBadRequest || err == nil && (u.DeleteAt != 0 || u.IsBot):
		return intranet.Account{}, intranet.Errorf(intranet.ENOTFOUND, "no mattermost user with email %s", email)
	case s == http.StatusForbidden:
		return intranet.Account{}, fmt.Errorf("mattermost may not show the bot emails (turn on Site Configuration > Users and Teams > Show Email Address, or make the bot a system admin): %w", err)
	case err != nil:
		return intranet.Account{}, err
	}
	user := userFromModel(u)
	a.remember(user)
	return intranet.Account{
		Platform:     intranet.PlatformMattermost,
		Installation: a.cfg.Installation,
		UserID:       user.ID,
		UserName:     user.Name,
		Guest:        user.Guest,
	}, nil
}
