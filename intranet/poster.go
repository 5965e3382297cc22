package intranet

import (
	"context"
	"time"
)

// Destination is where an outbound message goes: a channel, a platform
// user's direct message (UserID), or a person (PersonID) on whichever of
// their accounts reaches them when it is delivered.
type Destination struct {
	Platform     Platform
	Installation string
	ChannelID    string
	// UserID is the platform user id for a direct message.
	UserID string
	// PersonID addresses a phonebook person; the account (and with it
	// Platform, Installation and UserID) is chosen when the message is
	// delivered: the one they used last among the platforms that are on.
	PersonID int64
}

// IsDirect reports whether the destination is a person rather than a channel.
func (d Destination) IsDirect() bool { return d.UserID != "" || d.PersonID != 0 }

// MessageRef points at a message a poster sent, so it can be updated later
// (a handover card that says "taken").
type MessageRef struct {
	Platform     Platform
	Installation string
	ChannelID    string
	// ID is the platform's message id (Slack ts, Mattermost post id, Teams activity id).
	ID string
}

// Delivery is one outbound message.
type Delivery struct {
	To    Destination
	Reply Reply
	// Key identifies the intent to send, unique per message: a poster that
	// retries uses it, where the platform allows, so that a retry never shows
	// the message twice.
	Key string
	// Asked is set on a DM the person asked for at this time (their own
	// booking's reminder, an answer to their own question): it is delivered
	// in their quiet hours too. Every other DM waits for their end.
	Asked bool `json:"asked,omitempty"`
	// Guests lets a DM go to a guest account, where the feature shares what
	// it says with guests; by default guests get none.
	Guests bool `json:"guests,omitempty"`
	// IfUnreachable are the messages to send when the person of a DM turns
	// out to be reachable on no platform: someone is told, never silence.
	IfUnreachable []Delivery `json:"if_unreachable,omitempty"`
	// Release, when set, holds a DM to a person until then (the end of
	// their quiet hours); DMs held to one release go out as one message.
	Release time.Time `json:"release,omitempty"`
	// Event is what a Delivery to a webhook endpoint (PlatformWebhook)
	// posts; such a delivery has no Reply.
	Event *Event `json:"event,omitempty"`
}

// Poster sends outbound messages: digests, handover posts, notifications,
// reminders. Every adapter implements it; rate limits and retries of 429 and
// 5xx answers are the adapter's problem.
type Poster interface {
	// Deliver posts to a channel or DMs a person. It returns a
	// *DeliveryError for answers the caller may retry later.
	Deliver(ctx context.Context, d Delivery) (MessageRef, error)
	// Update replaces the content of a message this poster sent.
	// Returns ENOTFOUND when the message is gone.
	Update(ctx context.Context, ref MessageRef, r Reply) error
}

// DeliveryError is a failed delivery that is worth trying again: the platform
// was rate limiting (RetryAfter set) or answered with a server error.
type DeliveryError struct {
	// Temporary is true when a later attempt may succeed.
	Temporary bool
	// RetryAfter is the platform's own Retry-After, when it gave one.
	RetryAfter time.Duration
	Err        error
}

func (e *DeliveryError) Error() string { return "deliver: " + e.Err.Error() }
func (e *DeliveryError) Unwrap() error { return e.Err }

// Directory is an optional adapter capability: it asks the platform who a user
// is, so the core can link an account to its phonebook entry by email on first
// contact.
type Directory interface {
	// LookupUser returns what the platform knows of the user (at least Email
	// where the platform shares it). Returns ENOTFOUND for an unknown user.
	LookupUser(ctx context.Context, installation, userID string) (User, error)
}

// DirectoryLister is an optional capability of a platform's Directory: it
// lists the chat's users, so that the directory sync can link them to
// their phonebook entries by email before they first write, and report
// who is missing on either side.
type DirectoryLister interface {
	// ListUsers returns every user the platform lists, all pages of them:
	// bots and deactivated users too, marked so, for the caller to skip.
	// Returns EUNAVAILABLE when the platform cannot be asked (no token).
	ListUsers(ctx context.Context) ([]DirectoryUser, error)
}

// DirectoryUser is a chat user as the platform lists them.
type DirectoryUser struct {
	User
	// Installation is where the account lives, as requests name it (a
	// Slack workspace or Grid org, a Mattermost server).
	Installation string
	// Bot is an app or bot account; Deactivated a deleted or deactivated
	// user.
	Bot         bool
	Deactivated bool
}

// Mail is a message kept for a platform without a live connection (the
// console): DMs to a person and posts to a channel, shown when a console
// opens and while it is open.
type Mail struct {
	ID      int64
	To      Destination
	Reply   Reply
	Created time.Time
	// Updated is true when the message replaced an earlier one (Poster.Update).
	Updated bool
}

// Mailbox stores outbound messages for the console. Each viewer (the
// console's person) has its own marks: a channel's posts reach every
// console open on it, a DM only its person.
type Mailbox interface {
	// PutMail stores a delivery and returns its reference.
	PutMail(ctx context.Context, d Delivery) (MessageRef, error)
	// ReplaceMail replaces a stored message's content; every viewer is
	// shown it once more. Returns ENOTFOUND for an unknown reference.
	ReplaceMail(ctx context.Context, ref MessageRef, r Reply) error
	// TakeMail returns what viewer has not seen yet (in its current
	// version): DMs to viewer and posts in the channel, oldest first, and
	// marks them seen by viewer. Returns EINVALID for an empty viewer.
	TakeMail(ctx context.Context, platform Platform, viewer, channelID string) ([]Mail, error)
}
