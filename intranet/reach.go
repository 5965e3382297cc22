package intranet

import "context"

// Reaching people: every colleague in the phonebook can get a direct
// message, also one who never wrote to Werkplek. The core picks the
// account (the platform the person used last, among those that are on);
// for someone without one it asks the platforms, in the order of
// WERKPLEK_DM_PLATFORMS, whether they know the person's email.

// Reacher is an optional capability of a Poster: it finds a person's user
// on its platform by email, so that a DM can reach someone who never wrote
// to Werkplek (Slack users.lookupByEmail, Mattermost's user by email, the
// console's own email identities). The core links the account it returns
// to the person and sends there.
type Reacher interface {
	// Reach returns the account of the platform's user with that email
	// (Platform, Installation, UserID, UserName, Guest; PersonID is left to
	// the caller). Returns ENOTFOUND when the platform has no such user or
	// cannot message them; any other error is temporary.
	Reach(ctx context.Context, email string) (Account, error)
}

// Linker is an optional capability of the Core: an adapter that learns of
// users before they write (Teams tells the bot who it was installed for)
// hands them over, and the core links each whose email is in the
// phonebook, so that they can be reached at once.
type Linker interface {
	// Link links the users of an installation (ID and Email set; Name,
	// Guest where known) to their phonebook entries; users whose email is
	// not in the phonebook are left alone. Returns EUNAVAILABLE when the
	// database cannot be reached.
	Link(ctx context.Context, platform Platform, installation string, users []User) error
}

// Departures is an optional capability of the Core: an adapter that learns
// that an installation is gone (the Slack app was uninstalled or its token
// revoked, a Mattermost bot token stopped working) says so, and from then
// on nothing is sent there, people are reached on their other platforms,
// and the admins are told.
type Departures interface {
	// InstallationGone records that an installation is gone, for reason
	// (said to the admins); saying it again changes nothing.
	InstallationGone(ctx context.Context, platform Platform, installation, reason string) error
	// InstallationBack records that a gone installation works again (the
	// app was installed anew).
	InstallationBack(ctx context.Context, platform Platform, installation string) error
}

// Recipients is how the outbox delivers a DM addressed to a person
// (Destination.PersonID): the core chooses the account at that moment, and
// writes the DMs that waited through quiet hours as one.
type Recipients interface {
	// Account chooses the account a DM to the person goes to now: the one
	// they used last among the platforms that are on (guest accounts only
	// with guests), else the first platform of WERKPLEK_DM_PLATFORMS that
	// knows their email (the account is then linked). Returns ENOTFOUND
	// when no platform reaches them; any other error is temporary.
	Account(ctx context.Context, personID int64, guests bool) (Destination, error)
	// Merge writes DMs that waited for the end of the person's quiet hours
	// as one message, in the person's language.
	Merge(ctx context.Context, personID int64, msgs []Reply) (Reply, error)
	// AccountOn returns the person's account on the platform and
	// installation, for a person mention (PersonMention) in a message
	// delivered there. Returns ENOTFOUND when they have none there.
	AccountOn(ctx context.Context, personID int64, platform Platform, installation string) (Account, error)
}

// QuietHoursDefault is WERKPLEK_QUIET_HOURS's default: no DMs at night.
const QuietHoursDefault = "22:00-07:00"

// Installations tells whether an installation is gone (see Departures), so
// that nothing is sent there: the Recipients skip the accounts of a gone
// installation, the outbox fails a delivery to it at once and posted cards
// there are not updated.
type Installations interface {
	// Gone reports whether the installation is gone. Returns EUNAVAILABLE
	// when the database cannot be read.
	Gone(ctx context.Context, platform Platform, installation string) (bool, error)
}
