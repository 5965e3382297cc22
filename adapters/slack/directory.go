package slack

// Who a user is, from users.info
// (https://docs.slack.dev/reference/methods/users.info); the email needs the
// users:read.email scope.

import (
	"context"
	"sync"
	"time"

	"github.com/slack-go/slack"

	"github.com/werkplek/werkplek/adapters/internal/retry"
	"github.com/werkplek/werkplek/intranet"
)

// LookupUser asks Slack for a user's name, email, locale and whether they are
// a guest (a restricted or single-channel guest account). It returns
// ENOTFOUND for unknown and deactivated users.
func (a *Adapter) LookupUser(ctx context.Context, installation, userID string) (intranet.User, error) {
	if a.cfg.BotToken == "" {
		return intranet.User{}, intranet.Errorf(intranet.EUNAVAILABLE, "slack: no bot token to look users up")
	}
	var u *slack.User
	err := a.retry(ctx, retry.Call{Op: "users.info", Safe: true}, func(ctx context.Context) error {
		var err error
		u, err = a.api.GetUserInfoContext(ctx, userID, slack.GetUserInfoOptionIncludeLocale(true))
		return err
	})
	if isSlackError(err, "user_not_found", "user_not_visible") || err == nil && u.Deleted {
		return intranet.User{}, intranet.Errorf(intranet.ENOTFOUND, "slack user %s not found", userID)
	}
	if err != nil {
		return intranet.User{}, err
	}
	user := intranet.User{
		ID:     u.ID,
		Name:   firstNonEmpty(u.Profile.DisplayName, u.RealName, u.Name),
		Email:  u.Profile.Email,
		Locale: u.Locale,
		Guest:  u.IsRestricted || u.IsUltraRestricted,
	}
	a.users.put(user, a.cfg.Now(), a.cfg.UserCacheTTL)
	return user, nil
}

// enrichUser fills a request's user with the locale, email and guest flag
// that Slack payloads do not carry, from a short-lived in-memory cache of
// users.info. Failures leave the user as the payload gave it: the core still
// answers, in the default language.
func (a *Adapter) enrichUser(ctx context.Context, u *intranet.User) {
	if a.cfg.BotToken == "" || u.ID == "" {
		return
	}
	info, ok := a.users.get(u.ID, a.cfg.Now())
	if !ok {
		lctx, cancel := context.WithTimeout(ctx, time.Second)
		defer cancel()
		var err error
		if info, err = a.LookupUser(lctx, "", u.ID); err != nil {
			a.log.Warn("slack: users.info failed", "user_id", u.ID, "err", err)
			return
		}
	}
	u.Locale = info.Locale
	u.Email = firstNonEmpty(u.Email, info.Email)
	u.Guest = u.Guest || info.Guest
	u.Name = firstNonEmpty(u.Name, info.Name)
}

// userCache keeps users.info answers briefly, so that a conversation does
// not cost a Web API call per message.
type userCache struct {
	mu      sync.Mutex
	entries map[string]cachedUser
}

type cachedUser struct {
	user    intranet.User
	expires time.Time
}

// maxCachedUsers bounds the cache; past it, expired entries are dropped and,
// if still full, everything.
const maxCachedUsers = 10000

func (c *userCache) get(userID string, now time.Time) (intranet.User, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[userID]
	if !ok || now.After(e.expires) {
		return intranet.User{}, false
	}
	return e.user, true
}

// put keeps a user by id alone: Slack user ids are unique across
// workspaces.
func (c *userCache) put(u intranet.User, now time.Time, ttl time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.entries) >= maxCachedUsers {
		for k, e := range c.entries {
			if now.After(e.expires) {
				delete(c.entries, k)
			}
		}
		if len(c.entries) >= maxCachedUsers {
			clear(c.entries)
		}
	}
	c.entries[u.ID] = cachedUser{user: u, expires: now.Add(ttl)}
}

var _ intranet.DirectoryLister = (*Adapter)(nil)

// usersPage is how many users one users.list call asks for: Slack
// recommends at most 200 (https://docs.slack.dev/reference/methods/users.list).
const usersPage = 200

// ListUsers lists the workspace's (or Grid org's) users with users.list
// (scopes users:read and users:read.email), page by page with its cursor;
// a page Slack rate limits is asked again after Slack's wait. Bots
// (Slackbot too) and deleted users come back marked.
func (a *Adapter) ListUsers(ctx context.Context) ([]intranet.DirectoryUser, error) {
	if a.cfg.BotToken == "" {
		return nil, intranet.Errorf(intranet.EUNAVAILABLE, "slack: no bot token (SLACK_BOT_TOKEN) to list users")
	}
	var out []intranet.DirectoryUser
	p := a.api.GetUsersPaginated(slack.GetUsersOptionLimit(usersPage), slack.GetUsersOptionIncludeLocale(true))
	for {
		var page slack.UserPagination
		err := a.retry(ctx, retry.Call{Op: "users.list", Safe: true}, func(ctx context.Context) error {
			var err error
			page, err = p.Next(ctx)
			return err
		})
		if err != nil {
			return nil, err
		}
		p = page
		for _, u := range p.Users {
			out = append(out, intranet.DirectoryUser{
				User: intranet.User{ID: u.ID, Name: firstNonEmpty(u.Profile.DisplayName, u.RealName, u.Name), Email: u.Profile.Email,
					Locale: u.Locale, Guest: u.IsRestricted || u.IsUltraRestricted},
				Installation: installation(u.TeamID, u.Enterprise.EnterpriseID),
				Bot:          u.IsBot || u.ID == "USLACKBOT",
				Deactivated:  u.Deleted,
			})
		}
		if p.Cursor == "" {
			return out, nil
		}
	}
}
