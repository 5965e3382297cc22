package mattermost

// Whether the bot token works, as the core hears it (intranet.Departures):
// the first 401 Mattermost answers to one of the bot's own calls (a post,
// the websocket's authentication, registering commands) says that this
// Mattermost is gone, so that nothing more is sent there and the admins
// are told; the first call that works after says it is back. Every replica
// says so for itself; the core records a departure once.

import (
	"context"
	"net/http"
	"time"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/werkplek/werkplek/adapters/internal/retry"
	"github.com/werkplek/werkplek/intranet"
)

// checkTimeout bounds the token check after a request, which the person's
// answer waits for while the token is refused.
const checkTimeout = 5 * time.Second

// tokenHealth is what the adapter last told the core of its bot token.
type tokenHealth int

const (
	tokenUnknown tokenHealth = iota // nothing yet, or the core may know better
	tokenWorks
	tokenRefused
)

// answered records how Mattermost answered a call made with the bot token:
// a 401 says the token is refused, an answer without error that it works.
func (a *Adapter) answered(ctx context.Context, op string, resp *model.Response, err error) {
	switch {
	case err == nil:
		a.tokenIs(ctx, tokenWorks, op)
	case resp != nil && resp.StatusCode == http.StatusUnauthorized:
		a.tokenIs(ctx, tokenRefused, op)
	}
}

// tokenIs tells the core when the token's health changed. When the core
// could not record it, the next call tells it again.
func (a *Adapter) tokenIs(ctx context.Context, h tokenHealth, op string) {
	a.mu.Lock()
	was := a.token
	a.token = h
	a.mu.Unlock()
	if was == h {
		return
	}
	ctx = context.WithoutCancel(ctx)
	var err error
	if h == tokenRefused {
		a.log.Error("bot token refused (401): nothing more is sent to this Mattermost until it works; check MATTERMOST_BOT_TOKEN and the bot account", "op", op)
		if a.departures != nil {
			err = a.departures.InstallationGone(ctx, intranet.PlatformMattermost, a.cfg.Installation, "401 Unauthorized: "+op)
		}
	} else {
		if was == tokenRefused {
			a.log.Info("bot token works again", "op", op)
		}
		if a.departures != nil {
			err = a.departures.InstallationBack(ctx, intranet.PlatformMattermost, a.cfg.Installation)
		}
	}
	if err != nil {
		a.log.Error("bot token's state not recorded", "op", op, "err", err)
		a.mu.Lock()
		if a.token == h {
			a.token = tokenUnknown
		}
		a.mu.Unlock()
	}
}

// handle hands a request to the core. The core brings a gone installation
// back when a request comes from it, but Mattermost sends slash commands,
// button presses and dialogs even when the bot token is dead: while it is
// refused, the token is checked again at once, and a 401 says so again.
func (a *Adapter) handle(ctx context.Context, req intranet.Request) (intranet.Reply, error) {
	rep, err := a.core.Handle(ctx, req)
	a.mu.Lock()
	refused := a.token == tokenRefused
	if refused {
		a.token = tokenUnknown
	}
	a.mu.Unlock()
	if refused {
		cctx, cancel := context.WithTimeout(ctx, checkTimeout)
		defer cancel()
		a.checkToken(cctx)
	}
	return rep, err
}

// checkToken asks Mattermost who the bot is, to learn whether the token
// works (after a websocket that closed before its hello, or a request from
// a Mattermost whose token was refused).
func (a *Adapter) checkToken(ctx context.Context) {
	if a.api == nil {
		return
	}
	err := a.retry(ctx, retry.Call{Op: "check bot token", Safe: true}, func() (*model.Response, error) {
		_, resp, err := a.api.GetMe(ctx, "")
		return resp, err
	})
	if err != nil {
		a.log.Warn("bot token check failed", "err", err)
	}
}
