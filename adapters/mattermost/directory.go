package mattermost

// Who a Mattermost user is, from GET /api/v4/users/{id}
// (https://api.mattermost.com/#tag/users/operation/GetUser). The email is
// only shown to the bot when the server's ShowEmailAddress privacy setting is
// on or the bot has the system admin role; the README says so.

import (
	"context"
	"net/http"
	"time"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/werkplek/werkplek/adapters/internal/retry"
	"github.com/werkplek/werkplek/intranet"
)

// userTTL is how long a looked-up user is kept in memory: long enough to
// spare a lookup per command, short enough that a changed locale or role
// shows soon.
const userTTL = 5 * time.Minute

// LookupUser returns the user's email, locale and guest flag. Returns
// ENOTFOUND for an unknown user.
func (a *Adapter) LookupUser(ctx context.Context, installation, userID string) (intranet.User, error) {
	if a.api == nil {
		return intranet.User{}, intranet.Errorf(intranet.EUNAVAILABLE, "mattermost: no MATTERMOST_URL and bot token")
	}
	var u *model.User
	err := a.retry(ctx, retry.Call{Op: "get user", Safe: true}, func() (*model.Response, error) {
		got, resp, err := a.api.GetUser(ctx, userID, "")
		u = got
		return resp, err
	})
	if s := status(err); s == http.StatusNotFound || s == http.StatusBadRequest {
		return intranet.User{}, intranet.Errorf(intranet.ENOTFOUND, "mattermost user %s not found", userID)
	} else if err != nil {
		return intranet.User{}, err
	}
	user := userFromModel(u)
	a.remember(user)
	return user, nil
}

// userFromModel reads a user. A guest account (the system_guest role) is
// a guest, and so is a remote user: someone of another Mattermost server
// in a shared channel (remote_id set).
func userFromModel(u *model.User) intranet.User {
	return intranet.User{ID: u.Id, Name: u.Username, Email: u.Email, Locale: u.Locale, Guest: u.IsGuest() || u.IsRemote()}
}

// withShared sets Channel.Shared for a channel Mattermost shares with
// another server (shared channels, the channel's "shared"), from a short
// lookup cached like users. A DM is left alone, and so is the channel when
// the lookup fails (logged): the bot may not read a private channel it is
// not in.
func (a *Adapter) withShared(ctx context.Context, ch intranet.Channel) intranet.Channel {
	if a.api == nil || ch.ID == "" || ch.Direct {
		return ch
	}
	now := a.cfg.Now()
	a.mu.Lock()
	c, ok := a.channels[ch.ID]
	a.mu.Unlock()
	if !ok || now.Sub(c.at) > userTTL {
		lctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		defer cancel()
		got, resp, err := a.api.GetChannel(lctx, ch.ID)
		a.answered(ctx, "get channel", resp, err)
		if err != nil {
			code := 0
			if resp != nil {
				code = resp.StatusCode
			}
			a.log.Warn("channel lookup failed", "channel_id", ch.ID, "status", code, "err", err)
			return ch
		}
		c = cachedChannel{shared: got.IsShared(), at: now}
		a.mu.Lock()
		if len(a.channels) >= 10000 {
			clear(a.channels)
		}
		a.channels[ch.ID] = c
		a.mu.Unlock()
	}
	ch.Shared = c.shared
	return ch
}

// identify returns what is known of the user behind a callback: the id and
// name from the payload, and email, locale and guest flag from a short
// lookup (cached briefly). A failed lookup is logged and the request goes on
// without them.
func (a *Adapter) identify(ctx context.Context, id, name string) intranet.User {
	base := intranet.User{ID: id, Name: name}
	if a.api == nil || id == "" {
		return base
	}
	now := a.cfg.Now()
	a.mu.Lock()
	c, ok := a.users[id]
	a.mu.Unlock()
	if !ok || now.Sub(c.at) > userTTL {
		lctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		defer cancel()
		got, resp, err := a.api.GetUser(lctx, id, "")
		a.answered(ctx, "get user", resp, err)
		if err != nil {
			code := 0
			if resp != nil {
				code = resp.StatusCode
			}
			a.log.Warn("user lookup failed", "user_id", id, "status", code, "err", err)
			return base
		}
		c = cachedUser{user: userFromModel(got), at: now}
		a.remember(c.user)
	}
	u := c.user
	if name != "" {
		u.Name = name
	}
	return u
}

func (a *Adapter) remember(u intranet.User) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if len(a.users) >= 10000 {
		clear(a.users)
	}
	a.users[u.ID] = cachedUser{user: u, at: a.cfg.Now()}
}

var _ intranet.DirectoryLister = (*Adapter)(nil)

// defaultUsersPage is how many users one GET /api/v4/users asks for
// (the server's most).
const defaultUsersPage = 200

// ListUsers lists the server's users with GET /api/v4/users
// (https://developers.mattermost.com/api-documentation/#/operations/GetUsers),
// page by page until a short page. Their emails come only where the bot
// may see them (the ShowEmailAddress setting, or a system admin bot);
// bots and deactivated users come back marked.
func (a *Adapter) ListUsers(ctx context.Context) ([]intranet.DirectoryUser, error) {
	if a.api == nil {
		return nil, intranet.Errorf(intranet.EUNAVAILABLE, "mattermost: no MATTERMOST_URL and bot token to list users")
	}
	var out []intranet.DirectoryUser
	for page := 0; ; page++ {
		var users []*model.User
		err := a.retry(ctx, retry.Call{Op: "get users", Safe: true}, func() (*model.Response, error) {
			got, resp, err := a.api.GetUsers(ctx, page, a.usersPage(), "")
			users = got
			return resp, err
		})
		if err != nil {
			return nil, err
		}
		for _, u := range users {
			out = append(out, intranet.DirectoryUser{User: userFromModel(u), Installation: a.cfg.Installation, Bot: u.IsBot, Deactivated: u.DeleteAt != 0})
		}
		if len(users) < a.usersPage() {
			return out, nil
		}
	}
}

// usersPage is the page size of ListUsers (small in tests, to show the
// paging).
func (a *Adapter) usersPage() int {
	if a.cfg.UsersPage > 0 {
		return a.cfg.UsersPage
	}
	return defaultUsersPage
}
