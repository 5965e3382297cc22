package slack

// Finding a colleague who never wrote to Werkplek, by email:
// users.lookupByEmail (https://docs.slack.dev/reference/methods/users.lookupByEmail,
// scope users:read.email). A DM to the user id it returns opens its channel
// with conversations.open (Deliver).

import (
	"context"
	"fmt"

	"github.com/slack-go/slack"

	"github.com/werkplek/werkplek/adapters/internal/retry"
	"github.com/werkplek/werkplek/intranet"
)

var _ intranet.Reacher = (*Adapter)(nil)

// Reach finds the Slack user with that email. Deactivated users and bots
// are ENOTFOUND, like an unknown email; without a bot token nobody can be
// messaged, so everyone is ENOTFOUND. The installation is the user's Grid
// org, else their workspace, as the request payloads give it.
func (a *Adapter) Reach(ctx context.Context, email string) (intranet.Account, error) {
	if a.cfg.BotToken == "" {
		return intranet.Account{}, intranet.Errorf(intranet.ENOTFOUND, "slack: no bot token (SLACK_BOT_TOKEN) to reach %s", email)
	}
	var u *slack.User
	err := a.retry(ctx, retry.Call{Op: "users.lookupByEmail", Safe: true}, func(ctx context.Context) error {
		var err error
		u, err = a.api.GetUserByEmailContext(ctx, email)
		return err
	})
	// Slack documents users_not_found; older answers said user_not_found.
	if isSlackError(err, "users_not_found", "user_not_found") || err == nil && (u.Deleted || u.IsBot) {
		return intranet.Account{}, intranet.Errorf(intranet.ENOTFOUND, "no slack user with email %s", email)
	}
	if err != nil {
		return intranet.Account{}, err
	}
	if u.ID == "" || u.TeamID == "" && u.Enterprise.EnterpriseID == "" {
		return intranet.Account{}, fmt.Errorf("slack: users.lookupByEmail answered for %s without a user id or workspace", email)
	}
	// Not put in the user cache: without include_locale the answer has no
	// locale, and the cache fills a request's locale.
	return intranet.Account{
		Platform:     intranet.PlatformSlack,
		Installation: installation(u.TeamID, u.Enterprise.EnterpriseID),
		UserID:       u.ID,
		UserName:     firstNonEmpty(u.Profile.DisplayName, u.RealName, u.Name),
		Guest:        slackGuest(u),
	}, nil
}
