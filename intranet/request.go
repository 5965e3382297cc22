// Package intranet is Werkplek's vocabulary: the domain types, the service
// interfaces and the platform-neutral port (Request in, Reply out) that every
// adapter speaks. It imports the standard library only, so that the core, the
// store and every chat platform can depend on it without depending on each other.
package intranet

import "strings"

// Platform names a chat product an adapter connects to.
type Platform string

// The platforms Werkplek serves.
const (
	PlatformSlack      Platform = "slack"
	PlatformMattermost Platform = "mattermost"
	PlatformTeams      Platform = "teams"
	PlatformConsole    Platform = "console"
	// PlatformWebhook is no chat: a Delivery to it posts Delivery.Event to
	// the webhook endpoint whose id is Destination.ChannelID.
	PlatformWebhook Platform = "webhook"
)

// MaxTextLength is the longest command text the core accepts; adapters may
// refuse longer input earlier, the core refuses it politely.
const MaxTextLength = 1000

// Request is one thing a person did in a chat: typed a command, pressed a
// button or submitted a form. Adapters fill it from the platform's payload
// after they verified that the payload really came from the platform.
type Request struct {
	Platform Platform
	// Installation is the Slack workspace, Mattermost server or Teams tenant.
	Installation string
	User         User
	Channel      Channel

	// Text is the typed command with its arguments, with or without the
	// leading slash: "/phonebook jansen" or "telefoon jansen".
	Text string
	// Action is set when the person pressed one of our buttons.
	Action *Action
	// Form is set when the person submitted one of our forms.
	Form *FormSubmission
	// Message is the message the button was on, when the platform says so.
	Message *MessageRef
	// Thread is set for a plain message written in a channel thread (Slack
	// thread_ts, Mattermost root_id): it points at the thread's root
	// message. Such a message is no command: the core answers it as a reply
	// to one of its own posts (an answer to a posted question) or says
	// nothing, and an adapter posts nothing for an empty Reply (Reply.Empty).
	Thread *MessageRef
}

// Empty reports whether a reply says nothing, so that an adapter posts
// nothing (a thread message that was not meant for Werkplek).
func (r Reply) Empty() bool {
	return r.Title == "" && r.Text == "" && len(r.Sections) == 0 && len(r.Buttons) == 0 && len(r.Context) == 0 && r.Form == nil && len(r.FieldErrors) == 0 && len(r.Charts) == 0 && r.File == nil
}

// Pressed reports whether the request is a button press rather than typed text.
func (r Request) Pressed() bool { return r.Action != nil }

// User is the platform account behind a request.
type User struct {
	// ID is the platform's own user id (Slack U…, Mattermost id, Teams 29:…),
	// or the email address on the console.
	ID string
	// Name is the display or user name the platform gave, for mentions.
	Name string
	// Email is set when the platform sent it or the adapter looked it up.
	Email string
	// Locale is the chat client's locale (e.g. "nl-NL", "en-US"), when known.
	Locale string
	// Guest is true for the platform's own guest accounts (Slack restricted
	// users, Mattermost guests, Teams guests): they are guests whatever their email.
	Guest bool
}

// Channel is where the request was made.
type Channel struct {
	ID   string
	Name string
	// Direct is true in a direct message with the bot.
	Direct bool
	// Shared is true in a channel shared with another organisation (Slack
	// Connect), where the platform says so.
	Shared bool
}

// Action is a pressed button. Every button carries the typed command that does
// the same (e.g. "/phonebook show 42"); the core dispatches it again with the
// clicking user's identity and authorises it again at that moment.
type Action struct {
	Command string
}

// FormSubmission is a submitted form: the form's id and the values by field name.
type FormSubmission struct {
	FormID string
	Values map[string]string
}

// CommandText returns the text the core should dispatch: the button's command
// when a button was pressed, else the typed text.
func (r Request) CommandText() string {
	if r.Action != nil {
		return r.Action.Command
	}
	return r.Text
}

// IsDutch reports whether a chat locale is Dutch ("nl", "nl-NL", "nl_BE").
func IsDutch(locale string) bool {
	l := strings.ToLower(locale)
	return l == "nl" || strings.HasPrefix(l, "nl-") || strings.HasPrefix(l, "nl_")
}
