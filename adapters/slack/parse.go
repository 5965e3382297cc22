package slack

// Translating Slack payloads into intranet requests. The payload shapes are
// https://docs.slack.dev/interactivity/implementing-slash-commands,
// https://docs.slack.dev/reference/interaction-payloads/ and
// https://docs.slack.dev/apis/events-api/; the same functions serve HTTP and
// Socket Mode.

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"github.com/werkplek/werkplek/intranet"
)

// errIgnored marks payloads that are valid but not for us (other event
// kinds, bot messages): they are acknowledged and dropped.
var errIgnored = errors.New("ignored")

type kind int

const (
	kindCommand    kind = iota // slash command
	kindAction                 // button press (block_actions)
	kindSubmission             // modal submitted (view_submission)
	kindMessage                // DM or mention (Events API)
	kindHome                   // the app's Home tab opened (app_home_opened)
)

// HomeCommand is what the Home tab shows: the person's home sections.
const HomeCommand = "/werkplek home"

func (k kind) String() string {
	switch k {
	case kindCommand:
		return "command"
	case kindAction:
		return "action"
	case kindSubmission:
		return "submission"
	case kindHome:
		return "home"
	default:
		return "message"
	}
}

// inbound is one verified Slack request, translated.
type inbound struct {
	kind kind
	req  intranet.Request
	// command is the slash command as typed ("/phonebook").
	command     string
	responseURL string
	triggerID   string
	// threadTS is the thread a DM or mention was written in, to answer there.
	threadTS string
	// home is set for a button pressed in the Home tab: there is no
	// message to answer to, and the tab is published again after.
	home bool
	// sharedKnown says the payload told whether the channel is shared
	// with another organisation (events do), so that it need not be
	// looked up.
	sharedKnown bool
}

// commandFromForm reads a slash command's form fields.
func commandFromForm(v url.Values) slack.SlashCommand {
	return slack.SlashCommand{
		TeamID:              v.Get("team_id"),
		TeamDomain:          v.Get("team_domain"),
		EnterpriseID:        v.Get("enterprise_id"),
		IsEnterpriseInstall: v.Get("is_enterprise_install") == "true",
		ChannelID:           v.Get("channel_id"),
		ChannelName:         v.Get("channel_name"),
		UserID:              v.Get("user_id"),
		UserName:            v.Get("user_name"),
		Command:             v.Get("command"),
		Text:                v.Get("text"),
		ResponseURL:         v.Get("response_url"),
		TriggerID:           v.Get("trigger_id"),
		APIAppID:            v.Get("api_app_id"),
	}
}

// parseCommand turns a slash command into a request whose Text is the
// command and its arguments ("/phonebook jansen").
func parseCommand(c slack.SlashCommand) (inbound, error) {
	if !strings.HasPrefix(c.Command, "/") || len(c.Command) < 2 || strings.ContainsAny(c.Command, " \t\n") {
		return inbound{}, fmt.Errorf("bad command %q", c.Command)
	}
	if c.UserID == "" || c.TeamID == "" && c.EnterpriseID == "" {
		return inbound{}, errors.New("no user or team")
	}
	text := strings.TrimSpace(c.Command + " " + plainText(c.Text))
	return inbound{
		kind: kindCommand,
		req: intranet.Request{
			Platform:     intranet.PlatformSlack,
			Installation: installation(c.TeamID, c.EnterpriseID),
			User:         intranet.User{ID: c.UserID, Name: c.UserName},
			Channel:      intranet.Channel{ID: c.ChannelID, Name: c.ChannelName, Direct: isDirect(c.ChannelID, c.ChannelName)},
			Text:         text,
		},
		command:     c.Command,
		responseURL: c.ResponseURL,
		triggerID:   c.TriggerID,
	}, nil
}

// formMetadata is what a modal carries in private_metadata, so that its
// submission knows where it was opened and which form it is.
type formMetadata struct {
	ChannelID string `json:"channel_id,omitempty"`
	FormID    string `json:"form_id,omitempty"`
	Lang      string `json:"lang,omitempty"`
}

// parseInteraction turns an interactivity payload (the JSON in the
// "payload" form field) into a button press or a form submission.
func parseInteraction(payload []byte) (inbound, error) {
	var ic slack.InteractionCallback
	if err := json.Unmarshal(payload, &ic); err != nil {
		return inbound{}, fmt.Errorf("decode interaction: %w", err)
	}
	if ic.User.ID == "" || ic.Team.ID == "" && ic.Enterprise.ID == "" && ic.User.TeamID == "" {
		return inbound{}, errors.New("no user or team")
	}
	// The workspace the app is installed in: a view's
	// app_installed_team_id, else the payload's team. In a Slack Connect
	// channel a button's team is the app's workspace and user.team_id the
	// clicking user's own; a modal's team may be the user's, and its
	// app_installed_team_id tells the app's.
	team := firstNonEmpty(ic.View.AppInstalledTeamID, ic.Team.ID)
	in := inbound{
		req: intranet.Request{
			Platform:     intranet.PlatformSlack,
			Installation: installation(firstNonEmpty(team, ic.User.TeamID), ic.Enterprise.ID),
			User: intranet.User{ID: ic.User.ID, Name: firstNonEmpty(ic.User.Name, ic.User.Profile.DisplayName),
				Guest: otherTeam(team, ic.Enterprise.ID, ic.User.TeamID)},
		},
		responseURL: ic.ResponseURL,
		triggerID:   ic.TriggerID,
	}
	switch ic.Type {
	case slack.InteractionTypeBlockActions:
		var act *slack.BlockAction
		for _, a := range ic.ActionCallback.BlockActions {
			if a.Type == slack.ActionType(slack.METButton) && a.Value != "" {
				act = a
				break
			}
		}
		if act == nil {
			return inbound{}, fmt.Errorf("%w: block_actions without a button value", errIgnored)
		}
		in.kind = kindAction
		in.req.Action = &intranet.Action{Command: act.Value}
		chID := firstNonEmpty(ic.Container.ChannelID, ic.Channel.ID)
		direct := isDirect(chID, ic.Channel.Name)
		in.req.Channel = intranet.Channel{ID: chID, Name: ic.Channel.Name, Direct: direct, Shared: ic.Channel.IsExtShared && !direct}
		if ts := firstNonEmpty(ic.Container.MessageTs, ic.Message.Timestamp); ts != "" && !ic.Container.IsEphemeral && chID != "" {
			// Ephemeral messages can only be replaced through response_url,
			// so the core is not told about them.
			in.req.Message = &intranet.MessageRef{Platform: intranet.PlatformSlack, Installation: in.req.Installation, ChannelID: chID, ID: ts}
		}
		in.threadTS = ic.Container.ThreadTs
		in.home = ic.View.Type == slack.VTHomeTab
		return in, nil
	case slack.InteractionTypeViewSubmission:
		var md formMetadata
		if ic.View.PrivateMetadata != "" {
			if err := json.Unmarshal([]byte(ic.View.PrivateMetadata), &md); err != nil {
				return inbound{}, fmt.Errorf("decode private_metadata: %w", err)
			}
		}
		formID := firstNonEmpty(md.FormID, ic.View.CallbackID)
		if formID == "" {
			return inbound{}, errors.New("view_submission without a form id")
		}
		values := map[string]string{}
		if ic.View.State != nil {
			for blockID, actions := range ic.View.State.Values {
				for _, v := range actions {
					values[blockID] = stateValue(v)
				}
			}
		}
		in.kind = kindSubmission
		in.req.Form = &intranet.FormSubmission{FormID: formID, Values: values}
		in.req.Channel = intranet.Channel{ID: md.ChannelID, Direct: isDirect(md.ChannelID, "")}
		return in, nil
	default:
		return inbound{}, fmt.Errorf("%w: interaction type %q", errIgnored, ic.Type)
	}
}

// stateValue reads the value of one input element of a submitted modal.
func stateValue(v slack.BlockAction) string {
	switch {
	case v.SelectedOption.Value != "":
		return v.SelectedOption.Value
	case v.SelectedDate != "":
		return v.SelectedDate
	case v.SelectedTime != "":
		return v.SelectedTime
	case len(v.SelectedOptions) > 0:
		vals := make([]string, len(v.SelectedOptions))
		for i, o := range v.SelectedOptions {
			vals[i] = o.Value
		}
		return strings.Join(vals, ",")
	case v.SelectedUser != "":
		return v.SelectedUser
	case v.SelectedChannel != "":
		return v.SelectedChannel
	default:
		return v.Value
	}
}

// event is an Events API envelope, translated.
type event struct {
	challenge string
	eventID   string
	in        inbound
	// gone is set when Slack says the app left an installation.
	gone *departure
}

// eventEnvelope holds the fields of https://docs.slack.dev/apis/events-api/#callback-field
// that Werkplek reads.
type eventEnvelope struct {
	Type         string `json:"type"`
	Challenge    string `json:"challenge"`
	TeamID       string `json:"team_id"`
	EnterpriseID string `json:"enterprise_id"`
	EventID      string `json:"event_id"`
	// IsExtSharedChannel says whether the event's channel is shared with
	// another organisation (Slack Connect); nil when Slack left it out.
	IsExtSharedChannel *bool `json:"is_ext_shared_channel"`
	Authorizations     []struct {
		UserID string `json:"user_id"`
		IsBot  bool   `json:"is_bot"`
	} `json:"authorizations"`
	Event *struct {
		Type        string `json:"type"`
		Subtype     string `json:"subtype"`
		User        string `json:"user"`
		BotID       string `json:"bot_id"`
		Text        string `json:"text"`
		Channel     string `json:"channel"`
		ChannelType string `json:"channel_type"`
		TS          string `json:"ts"`
		ThreadTS    string `json:"thread_ts"`
		Team        string `json:"team"`
		// UserTeam and SourceTeam are the writer's own workspace and the
		// one the message was written in, in a channel shared between
		// workspaces (Slack Connect).
		UserTeam   string `json:"user_team"`
		SourceTeam string `json:"source_team"`
		// Tab is the tab of the app's home that was opened (app_home_opened).
		Tab string `json:"tab"`
		// Tokens lists the users whose tokens were revoked (tokens_revoked).
		Tokens *struct {
			OAuth []string `json:"oauth"`
			Bot   []string `json:"bot"`
		} `json:"tokens"`
	} `json:"event"`
}

// parseEvent reads an Events API envelope. DMs to the bot (message.im) and
// mentions (app_mention) become text commands; a reply in a channel thread
// (message.channels, message.groups with thread_ts other than ts) becomes a
// Request with Thread set to the thread's root, which the core reads as an
// answer to a posted question or ignores. Messages from bots (the bot's own
// included) and edits carry bot_id or a subtype and are ignored, as are
// other channel messages and every other event kind (errIgnored, with the
// event id set). app_uninstalled, and tokens_revoked when the bot's token
// is among them, say that the installation is gone (event.gone).
func parseEvent(body []byte) (event, error) {
	var env eventEnvelope
	if err := json.Unmarshal(body, &env); err != nil {
		return event{}, fmt.Errorf("decode event: %w", err)
	}
	switch env.Type {
	case "url_verification":
		if env.Challenge == "" {
			return event{}, errors.New("url_verification without challenge")
		}
		return event{challenge: env.Challenge}, nil
	case "event_callback":
	default:
		return event{}, fmt.Errorf("%w: envelope type %q", errIgnored, env.Type)
	}
	if env.EventID == "" || env.Event == nil {
		return event{}, errors.New("event_callback without event_id or event")
	}
	ev := event{eventID: env.EventID}
	e := env.Event
	switch e.Type {
	case string(slackevents.AppUninstalled), string(slackevents.TokensRevoked):
		return parseDeparture(ev, env)
	}
	if e.Type == string(slackevents.AppHomeOpened) {
		return parseHomeOpened(ev, env)
	}
	inThread := false
	switch {
	case e.Type == "app_mention":
	case e.Type == "message" && e.ChannelType == "im":
	case e.Type == "message" && (e.ChannelType == "channel" || e.ChannelType == "group") && e.ThreadTS != "" && e.ThreadTS != e.TS:
		inThread = true
	default:
		return ev, fmt.Errorf("%w: event %q/%q", errIgnored, e.Type, e.ChannelType)
	}
	if e.BotID != "" || e.Subtype != "" {
		return ev, fmt.Errorf("%w: bot message or subtype %q", errIgnored, e.Subtype)
	}
	if e.User == "" || e.Channel == "" {
		return ev, fmt.Errorf("%w: event without user or channel", errIgnored)
	}
	bot := ""
	for _, au := range env.Authorizations {
		if au.IsBot {
			bot = au.UserID
			break
		}
	}
	if bot != "" && e.User == bot {
		return ev, fmt.Errorf("%w: the bot's own message", errIgnored)
	}
	if inThread && bot != "" && strings.Contains(e.Text, "<@"+bot) {
		// A thread reply that mentions the bot arrives as app_mention too,
		// and is answered as a command there.
		return ev, fmt.Errorf("%w: thread reply mentioning the bot", errIgnored)
	}
	text := strings.TrimSpace(plainText(stripMention(e.Text, bot, e.Type == "app_mention")))
	if text == "" {
		return ev, fmt.Errorf("%w: empty text", errIgnored)
	}
	team := firstNonEmpty(env.TeamID, e.Team)
	direct := e.ChannelType == "im"
	shared := env.IsExtSharedChannel != nil && *env.IsExtSharedChannel
	ev.in = inbound{
		kind: kindMessage,
		req: intranet.Request{
			Platform:     intranet.PlatformSlack,
			Installation: installation(team, env.EnterpriseID),
			User:         intranet.User{ID: e.User, Guest: otherTeam(env.TeamID, env.EnterpriseID, firstNonEmpty(e.UserTeam, e.SourceTeam))},
			Channel:      intranet.Channel{ID: e.Channel, Direct: direct, Shared: shared && !direct},
			Text:         text,
		},
		threadTS:    e.ThreadTS,
		sharedKnown: env.IsExtSharedChannel != nil,
	}
	if inThread {
		ev.in.req.Thread = &intranet.MessageRef{Platform: intranet.PlatformSlack, Installation: ev.in.req.Installation, ChannelID: e.Channel, ID: e.ThreadTS}
	}
	if e.Type == "app_mention" && e.ThreadTS == "" {
		// Answer a mention in a thread under it, so the channel stays calm.
		ev.in.threadTS = e.TS
	}
	return ev, nil
}

// parseHomeOpened reads app_home_opened
// (https://docs.slack.dev/reference/events/app_home_opened): the Home tab
// asks the core for the person's home (HomeCommand), as that person; the
// Messages and About tabs are ignored.
func parseHomeOpened(ev event, env eventEnvelope) (event, error) {
	e := env.Event
	if e.Tab != "home" {
		return ev, fmt.Errorf("%w: app_home_opened on tab %q", errIgnored, e.Tab)
	}
	if e.User == "" {
		return ev, fmt.Errorf("%w: app_home_opened without user", errIgnored)
	}
	ev.in = inbound{
		kind: kindHome,
		req: intranet.Request{
			Platform:     intranet.PlatformSlack,
			Installation: installation(firstNonEmpty(env.TeamID, e.Team), env.EnterpriseID),
			User:         intranet.User{ID: e.User},
			// The app's DM with the person, where the home's answers go.
			Channel: intranet.Channel{ID: e.Channel, Direct: true},
			Text:    HomeCommand,
		},
	}
	return ev, nil
}

var mentionRE = regexp.MustCompile(`<@([A-Z0-9]+)(?:\|[^>]*)?>`)

// stripMention removes the bot's own mentions from a message. When the bot's
// id is unknown, a leading mention of a mention event is taken to be the bot.
func stripMention(text, bot string, mention bool) string {
	if bot != "" {
		return mentionRE.ReplaceAllStringFunc(text, func(m string) string {
			if mentionRE.FindStringSubmatch(m)[1] == bot {
				return ""
			}
			return m
		})
	}
	t := strings.TrimSpace(text)
	if loc := mentionRE.FindStringIndex(t); mention && loc != nil && loc[0] == 0 {
		return t[loc[1]:]
	}
	return text
}

var markupRE = regexp.MustCompile(`<([^<>|]*)(?:\|([^<>]*))?>`)

// plainText turns Slack's message markup back into what the person typed,
// as the core reads it: user mentions stay <@U…|name>, the core's own
// mention syntax; <mailto:a@b|a@b> becomes a@b, links their URL, channels
// #name, <!here> @here; then &amp;, &lt; and &gt; are unescaped.
func plainText(s string) string {
	if strings.ContainsRune(s, '<') {
		s = markupRE.ReplaceAllStringFunc(s, func(m string) string {
			sub := markupRE.FindStringSubmatch(m)
			target, label := sub[1], sub[2]
			switch {
			case strings.HasPrefix(target, "@"):
				return m
			case strings.HasPrefix(target, "#"):
				if label != "" {
					return "#" + label
				}
				return target
			case strings.HasPrefix(target, "!"):
				name, _, _ := strings.Cut(target[1:], "^")
				return "@" + strings.TrimPrefix(firstNonEmpty(label, name), "@")
			case strings.HasPrefix(target, "mailto:"):
				return strings.TrimPrefix(target, "mailto:")
			case strings.HasPrefix(target, "tel:"):
				return firstNonEmpty(label, strings.TrimPrefix(target, "tel:"))
			default:
				return target
			}
		})
	}
	return unescape(s)
}

// unescape undoes Slack's escaping of &, < and > in message text.
func unescape(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&").Replace(s)
}

// installation is the team id, or the enterprise id on Enterprise Grid, where
// user ids are the same in every workspace of the organisation.
func installation(team, enterprise string) string {
	if enterprise != "" {
		return enterprise
	}
	return team
}

// otherTeam reports a user of another workspace than the one the request
// came to: Slack Connect tells the writer's workspace (user_team, an
// interaction's user.team_id). On Enterprise Grid the workspaces of one
// organisation differ too, so there the payload decides nothing and the
// users.info lookup compares organisations (cachedUser.as).
func otherTeam(team, enterprise, userTeam string) bool {
	return enterprise == "" && team != "" && userTeam != "" && userTeam != team
}

// isDirect tells a DM with the bot: D… channel ids, or the channel name
// Slack gives DMs in slash commands.
func isDirect(channelID, channelName string) bool {
	return strings.HasPrefix(channelID, "D") || channelName == "directmessage"
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
