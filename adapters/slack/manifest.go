package slack

// The Slack app manifest, following
// https://docs.slack.dev/reference/app-manifest: one document that creates
// or updates the app with every slash command, scope, event and URL.

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/werkplek/werkplek/intranet"
)

// Scopes are the bot token scopes Werkplek asks for: slash commands,
// posting, DMs (reading, opening, history), mentions, and users with their
// email to link them to the phonebook. channels:history and groups:history
// let the poster check, after an ambiguous failure, whether a post arrived
// before it tries again (see Deliver), and bring the message.channels and
// message.groups events: replies in the thread of a posted question.
// channels:read and groups:read let conversations.info tell a channel
// shared with another organisation (Slack Connect).
var Scopes = []string{
	"commands",
	"chat:write",
	"im:history",
	"im:read",
	"im:write",
	"app_mentions:read",
	"users:read",
	"users:read.email",
	"channels:history",
	"groups:history",
	"channels:read",
	"groups:read",
}

// BotEvents are the Events API events Werkplek subscribes to: mentions,
// DMs, and messages in public and private channels the bot is in (only
// thread replies are handed to the core, as answers to posted questions);
// app_home_opened, to show a person's home in the app's Home tab; and
// app_uninstalled and tokens_revoked (these three need no scope), after
// which nothing more is sent to the workspace and the admins are told.
var BotEvents = []string{"app_mention", "message.im", "message.channels", "message.groups", "app_home_opened", "app_uninstalled", "tokens_revoked"}

type manifest struct {
	DisplayInformation struct {
		Name            string `yaml:"name"`
		Description     string `yaml:"description"`
		BackgroundColor string `yaml:"background_color"`
	} `yaml:"display_information"`
	Features struct {
		AppHome struct {
			HomeTabEnabled             bool `yaml:"home_tab_enabled"`
			MessagesTabEnabled         bool `yaml:"messages_tab_enabled"`
			MessagesTabReadOnlyEnabled bool `yaml:"messages_tab_read_only_enabled"`
		} `yaml:"app_home"`
		BotUser struct {
			DisplayName  string `yaml:"display_name"`
			AlwaysOnline bool   `yaml:"always_online"`
		} `yaml:"bot_user"`
		SlashCommands []manifestCommand `yaml:"slash_commands"`
	} `yaml:"features"`
	OAuthConfig struct {
		Scopes struct {
			Bot []string `yaml:"bot"`
		} `yaml:"scopes"`
	} `yaml:"oauth_config"`
	Settings struct {
		EventSubscriptions struct {
			RequestURL string   `yaml:"request_url,omitempty"`
			BotEvents  []string `yaml:"bot_events"`
		} `yaml:"event_subscriptions"`
		Interactivity struct {
			IsEnabled  bool   `yaml:"is_enabled"`
			RequestURL string `yaml:"request_url,omitempty"`
		} `yaml:"interactivity"`
		OrgDeployEnabled     bool `yaml:"org_deploy_enabled"`
		SocketModeEnabled    bool `yaml:"socket_mode_enabled"`
		TokenRotationEnabled bool `yaml:"token_rotation_enabled"`
	} `yaml:"settings"`
}

type manifestCommand struct {
	Command     string `yaml:"command"`
	URL         string `yaml:"url,omitempty"`
	Description string `yaml:"description"`
	UsageHint   string `yaml:"usage_hint,omitempty"`
	// ShouldEscape makes Slack send mentions as <@U…|name>, the form the
	// core reads people from.
	ShouldEscape bool `yaml:"should_escape"`
}

// commandNameRE is what Slack accepts as a slash command name (32 at most).
var commandNameRE = regexp.MustCompile(`^[a-z0-9][a-z0-9_\-]{0,30}$`)

// Manifest returns the Slack app manifest as YAML: every command name and
// alias as a slash command (with its English hint and summary), the scopes,
// the bot events and, unless socketMode, the request URLs under publicURL.
// In Socket Mode Slack needs no URL, so publicURL may be empty.
func Manifest(cmds []intranet.Command, publicURL string, socketMode bool) ([]byte, error) {
	base := strings.TrimRight(publicURL, "/")
	if !socketMode || base != "" {
		u, err := url.Parse(base)
		if err != nil || u.Scheme != "https" && u.Scheme != "http" || u.Host == "" {
			return nil, fmt.Errorf("slack manifest: WERKPLEK_PUBLIC_URL %q is not an http(s) URL", publicURL)
		}
	}
	endpoint := func(path string) string {
		if socketMode {
			return ""
		}
		return base + path
	}
	var m manifest
	m.DisplayInformation.Name = "Werkplek"
	m.DisplayInformation.Description = "The company intranet in chat: phonebook, news, shift handover, rooms and questions."
	m.DisplayInformation.BackgroundColor = "#1f4e79"
	m.Features.AppHome.HomeTabEnabled = true
	m.Features.AppHome.MessagesTabEnabled = true
	m.Features.BotUser.DisplayName = "Werkplek"
	m.Features.BotUser.AlwaysOnline = true
	seen := map[string]bool{}
	for _, c := range cmds {
		for _, name := range c.Names() {
			if !commandNameRE.MatchString(name) {
				return nil, fmt.Errorf("slack manifest: %q is not a valid slash command name", name)
			}
			if seen[name] {
				return nil, fmt.Errorf("slack manifest: slash command /%s listed twice", name)
			}
			seen[name] = true
			m.Features.SlashCommands = append(m.Features.SlashCommands, manifestCommand{
				Command:      "/" + name,
				URL:          endpoint("/slack/commands"),
				Description:  truncate(firstNonEmpty(c.Summary, c.Name), 2000),
				UsageHint:    truncate(c.Hint, 1000),
				ShouldEscape: true,
			})
		}
	}
	if len(m.Features.SlashCommands) == 0 {
		return nil, errors.New("slack manifest: no commands")
	}
	m.OAuthConfig.Scopes.Bot = Scopes
	m.Settings.EventSubscriptions.RequestURL = endpoint("/slack/events")
	m.Settings.EventSubscriptions.BotEvents = BotEvents
	m.Settings.Interactivity.IsEnabled = true
	m.Settings.Interactivity.RequestURL = endpoint("/slack/interactions")
	m.Settings.SocketModeEnabled = socketMode

	var buf bytes.Buffer
	buf.WriteString("# Slack app manifest for Werkplek, generated by `werkplek manifest slack`: do not edit.\n")
	buf.WriteString("# Paste it at https://api.slack.com/apps > Create New App > From a manifest.\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(m); err != nil {
		return nil, fmt.Errorf("slack manifest: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("slack manifest: %w", err)
	}
	return buf.Bytes(), nil
}
