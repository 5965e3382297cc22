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
// a guest: a restricted or single-channel guest account, or a user of
// another workspace or organisation (Slack Connect) than the installation
// asked about. It returns ENOTFOUND for unknown and deactivated users.
func (a *Adapter) LookupUser(ctx context.Context, installation, userID string) (intranet.User, error) {
	c, err := a.lookupUser(ctx, userID)
	if err != nil {
		return intranet.User{}, err
	}
	return c.as(installation), nil
}

// lookupUser asks users.info and keeps the answer in the user cache.
func (a *Adapter) lookupUser(ctx context.Context, userID string) (cachedUser, error) {
	if a.cfg.BotToken == "" {
		return cachedUser{}, intranet.Errorf(intranet.EUNAVAILABLE, "slack: no bot token to look users up")
	}
	var u *slack.User
	err := a.retry(ctx, retry.Call{Op: "users.info", Safe: true}, func(ctx context.Context) error {
		var err error
		u, err = a.api.GetUserInfoContext(ctx, userID, slack.GetUserInfoOptionIncludeLocale(true))
		return err
	})
	if isSlackError(err, "user_not_found", "user_not_visible") || err == nil && u.Deleted {
		return cachedUser{}, intranet.Errorf(intranet.ENOTFOUND, "slack user %s not found", userID)
	}
	if err != nil {
		return cachedUser{}, err
	}
	c := cachedUser{
		user: intranet.User{
			ID:     u.ID,
			Name:   firstNonEmpty(u.Profile.DisplayName, u.RealName, u.Name),
			Email:  u.Profile.Email,
			Locale: u.Locale,
			Guest:  slackGuest(u),
		},
		home: installation(u.TeamID, u.Enterprise.EnterpriseID),
	}
	a.users.put(c, a.cfg.Now(), a.cfg.UserCacheTTL)
	return c, nil
}

// slackGuest reports Slack's own guests: restricted (multi-channel) and
// ultra-restricted (single-channel) accounts, and strangers (users of an
// external organisation the workspace shares no channel with).
func slackGuest(u *slack.User) bool {
	return u.IsRestricted || u.IsUltraRestricted || u.IsStranger
}

// as is the cached user as seen from an installation: a user whose home
// workspace (or Grid organisation) is another one is a guest there, a
// Slack Connect user of a partner organisation. An empty installation or
// home decides nothing.
func (c cachedUser) as(installation string) intranet.User {
	u := c.user
	if installation != "" && c.home != "" && installation != c.home {
		u.Guest = true
	}
	return u
}

// enrichUser fills a request's user with the locale, email and guest flag
// that Slack payloads do not carry, from a short-lived in-memory cache of
// users.info, as seen from the request's installation. Failures leave the
// user as the payload gave it: the core still answers, in the default
// language.
func (a *Adapter) enrichUser(ctx context.Context, installation string, u *intranet.User) {
	if a.cfg.BotToken == "" || u.ID == "" {
		return
	}
	c, ok := a.users.get(u.ID, a.cfg.Now())
	if !ok {
		lctx, cancel := context.WithTimeout(ctx, time.Second)
		defer cancel()
		var err error
		if c, err = a.lookupUser(lctx, u.ID); err != nil {
			a.log.Warn("slack: users.info failed", "user_id", u.ID, "err", err)
			return
		}
	}
	info := c.as(installation)
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
	user intranet.User
	// home is the user's own installation: their workspace, or their Grid
	// organisation.
	home    string
	expires time.Time
}

// maxCachedUsers bounds the cache; past it, expired entries are dropped and,
// if still full, everything.
const maxCachedUsers = 10000

func (c *userCache) get(userID string, now time.Time) (cachedUser, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[userID]
	if !ok || now.After(e.expires) {
		return cachedUser{}, false
	}
	return e, true
}

// put keeps a user by id alone: Slack user ids are unique across
// workspaces.
func (c *userCache) put(u cachedUser, now time.Time, ttl time.Duration) {
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
	u.expires = now.Add(ttl)
	c.entries[u.user.ID] = u
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
					Locale: u.Locale, Guest: slackGuest(&u)},
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
