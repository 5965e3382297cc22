package slack

// An app that leaves a workspace: Slack's app_uninstalled, and
// tokens_revoked for the bot's token, tell the core (intranet.Departures)
// that the installation is gone, so that nothing more is sent there and the
// admins are told.

import (
	"context"
	"fmt"

	"github.com/slack-go/slack/slackevents"

	"github.com/werkplek/werkplek/intranet"
)

// departure is an installation the app was uninstalled from, or whose bot
// token was revoked; reason is the event's type, shown to the admins.
type departure struct {
	installation string
	reason       string
}

// parseDeparture reads app_uninstalled and tokens_revoked
// (https://docs.slack.dev/reference/events/app_uninstalled,
// https://docs.slack.dev/reference/events/tokens_revoked). Werkplek has
// only a bot token, so a revocation of user tokens alone changes nothing.
func parseDeparture(ev event, env eventEnvelope) (event, error) {
	e := env.Event
	if e.Type == string(slackevents.TokensRevoked) && (e.Tokens == nil || len(e.Tokens.Bot) == 0) {
		return ev, fmt.Errorf("%w: tokens_revoked without the bot's token", errIgnored)
	}
	inst := installation(env.TeamID, env.EnterpriseID)
	if inst == "" {
		return event{}, fmt.Errorf("%s without team_id", e.Type)
	}
	ev.gone = &departure{installation: inst, reason: e.Type}
	return ev, nil
}

// departed tells the core that the app left an installation. When the core
// cannot record it, the claim is let go and the error makes Slack deliver
// the event again.
func (a *Adapter) departed(ctx context.Context, ev event) error {
	g := ev.gone
	if a.departures == nil {
		a.log.Warn("slack: installation gone, but the core keeps no departures", "installation", g.installation, "reason", g.reason)
		return nil
	}
	a.log.Warn("slack: installation gone", "installation", g.installation, "reason", g.reason, "event_id", ev.eventID)
	err := a.departures.InstallationGone(ctx, intranet.PlatformSlack, g.installation, g.reason)
	if err == nil {
		return nil
	}
	if derr := a.state.DeleteState(context.WithoutCancel(ctx), "slack.events", ev.eventID); derr != nil {
		a.log.Error("slack: event claim not released; the departure is lost", "event_id", ev.eventID, "err", derr)
	}
	return fmt.Errorf("record departure of %s: %w", g.installation, err)
}
