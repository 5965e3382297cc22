package mattermost

// Registration of Werkplek's slash commands as custom commands in every team
// the bot belongs to (https://api.mattermost.com/#tag/commands), so an admin
// does not type them in by hand. It runs under a lock shared by every
// replica; each replica finds the commands the first one made and only
// updates what differs, so each command exists once per team.

import (
	"context"
	"fmt"
	"github.com/werkplek/werkplek/adapters/internal/background"
	"regexp"
	"time"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/werkplek/werkplek/adapters/internal/retry"
)

// reserved are Mattermost's built-in triggers (and those of the plugins it
// ships); the server refuses custom commands with these names.
var reserved = map[string]bool{
	"away": true, "code": true, "collapse": true, "dnd": true, "echo": true, "expand": true,
	"groupmsg": true, "header": true, "help": true, "invite": true, "invite_people": true,
	"join": true, "kick": true, "leave": true, "logout": true, "me": true, "msg": true,
	"mute": true, "offline": true, "online": true, "open": true, "purpose": true,
	"remove": true, "rename": true, "search": true, "settings": true, "shortcuts": true,
	"shrug": true, "status": true, "marketplace": true, "call": true, "playbook": true,
	"boards": true, "jira": true, "github": true, "gitlab": true, "todo": true, "share-channel": true,
}

var triggerRE = regexp.MustCompile(`^[a-z0-9_.-]{1,128}$`)

// reregisterEvery is how often registration runs again, so that a team the
// bot joined later gets the commands without a restart.
const reregisterEvery = time.Hour

// registerWithRetry registers until it succeeds or ctx is done (a
// Mattermost that is still starting is normal next to docker-compose), and
// again every hour.
func (a *Adapter) registerWithRetry(ctx context.Context) {
	wait := a.cfg.ReconnectBase
	for {
		err := a.register(ctx)
		if ctx.Err() != nil {
			return
		}
		next := reregisterEvery
		if err != nil {
			a.log.Error("register slash commands", "err", err, "retry_in", wait.String())
			next = wait
			wait = min(wait*2, a.cfg.ReconnectMax)
		} else {
			wait = a.cfg.ReconnectBase
		}
		if background.Sleep(ctx, next) != nil {
			return
		}
	}
}

// register creates or updates every command name and alias in every team of
// the bot, and stores the tokens Mattermost returns.
func (a *Adapter) register(ctx context.Context) error {
	return a.locker.WithLock(ctx, "mattermost.register", func(ctx context.Context) error {
		bot, err := a.botUserID(ctx)
		if err != nil {
			return err
		}
		var teams []*model.Team
		err = a.retry(ctx, retry.Call{Op: "list teams", Safe: true}, func() (*model.Response, error) {
			t, resp, err := a.api.GetTeamsForUser(ctx, bot, "")
			teams = t
			return resp, err
		})
		if err != nil {
			return err
		}
		if len(teams) == 0 {
			a.log.Warn("the bot belongs to no team: add it to the teams that should have the commands")
		}
		for _, team := range teams {
			if err := a.registerTeam(ctx, team); err != nil {
				return fmt.Errorf("team %s: %w", team.Name, err)
			}
		}
		a.mu.Lock()
		a.tokensAt = time.Time{} // read the new tokens on the next command
		a.mu.Unlock()
		return nil
	})
}

func (a *Adapter) registerTeam(ctx context.Context, team *model.Team) error {
	var existing []*model.Command
	err := a.retry(ctx, retry.Call{Op: "list commands", Safe: true}, func() (*model.Response, error) {
		c, resp, err := a.api.ListCommands(ctx, team.Id, true)
		existing = c
		return resp, err
	})
	if err != nil {
		return err
	}
	byTrigger := map[string]*model.Command{}
	for _, c := range existing {
		if c.DeleteAt == 0 {
			byTrigger[c.Trigger] = c
		}
	}
	nl := a.cfg.Language == "nl"
	for _, cmd := range a.core.Commands() {
		hint, summary := cmd.Hint, cmd.Summary
		if nl {
			hint, summary = orElse(cmd.HintNL, hint), orElse(cmd.SummaryNL, summary)
		}
		for _, name := range cmd.Names() {
			if reserved[name] || !triggerRE.MatchString(name) {
				a.log.Warn("command name skipped", "trigger", name, "reason", "reserved by Mattermost or invalid")
				continue
			}
			want := &model.Command{
				TeamId:           team.Id,
				Trigger:          name,
				Method:           model.CommandMethodPost,
				URL:              a.commandURL,
				AutoComplete:     true,
				AutoCompleteDesc: clip(summary, 128),
				AutoCompleteHint: clip(hint, 128),
				DisplayName:      clip("Werkplek "+name, 64),
				Description:      clip(summary, 128),
			}
			var saved *model.Command
			old := byTrigger[name]
			switch {
			case old == nil:
				err = a.retry(ctx, retry.Call{Op: "create command"}, func() (*model.Response, error) {
					c, resp, err := a.api.CreateCommand(ctx, want)
					saved = c
					return resp, err
				})
			case old.URL != a.commandURL:
				a.log.Warn("command left alone: an admin made it for another URL", "trigger", name, "team", team.Name, "url", old.URL)
				continue
			case same(old, want):
				saved = old
			default:
				upd := *old
				upd.Method, upd.AutoComplete = want.Method, true
				upd.AutoCompleteDesc, upd.AutoCompleteHint = want.AutoCompleteDesc, want.AutoCompleteHint
				upd.DisplayName, upd.Description = want.DisplayName, want.Description
				err = a.retry(ctx, retry.Call{Op: "update command", Safe: true}, func() (*model.Response, error) {
					c, resp, err := a.api.UpdateCommand(ctx, &upd)
					saved = c
					return resp, err
				})
			}
			if err != nil {
				return fmt.Errorf("command %s: %w", name, err)
			}
			if saved == nil || saved.Token == "" {
				continue
			}
			if err := a.state.SetState(ctx, tokenNamespace, team.Id+"/"+name, saved.Token); err != nil {
				return fmt.Errorf("store token of %s: %w", name, err)
			}
		}
	}
	return nil
}

func same(old, want *model.Command) bool {
	return old.Method == want.Method && old.AutoComplete && old.AutoCompleteDesc == want.AutoCompleteDesc &&
		old.AutoCompleteHint == want.AutoCompleteHint && old.DisplayName == want.DisplayName && old.Description == want.Description
}

func orElse(s, def string) string {
	if s != "" {
		return s
	}
	return def
}
