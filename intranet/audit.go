package intranet

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"time"
)

// AuditEntry is one admin or content-manager action: who did what, when,
// and from where. The log is kept for the organisation's accountability;
// a person's export includes the entries by and about them.
type AuditEntry struct {
	ID int64
	At time.Time
	// ActorID is the person who acted, 0 for the system or a tool (the
	// identity provider, the command line).
	ActorID int64
	// Actor names who acted as the log shows it: the person's email, or
	// "scim" or "cli" for the identity provider and the command line.
	Actor string
	// Platform is where the action came from (slack, teams, mattermost,
	// console, web, scim, cli).
	Platform string
	// Action is what was done, as a short command-like name: "role add",
	// "person deactivate", "room add", "news withdraw", "import people".
	Action string
	// SubjectID is the person the action was about, 0 when none.
	SubjectID int64
	// Subject names what the action was about: an email, a room, a news
	// item's number.
	Subject string
	// Detail says the rest: the command as typed, or a summary (secrets
	// never appear here).
	Detail string
}

// AuditQuery selects audit entries; zero fields select everything.
type AuditQuery struct {
	Since time.Time
	// PersonID selects the entries by or about a person.
	PersonID int64
	Limit    int
}

// AuditService keeps the audit log.
type AuditService interface {
	// Audit records an entry (At is filled in when zero); in a caller's
	// transaction, it is written with the change it records.
	Audit(ctx context.Context, e AuditEntry) error
	// AuditLog returns entries, oldest first.
	AuditLog(ctx context.Context, q AuditQuery) ([]AuditEntry, error)
}

// Actor is who makes a directory change: a person through a platform, or
// a tool (the identity provider, the command line) with ID 0.
type Actor struct {
	PersonID int64
	// Name is the person's email, or "scim" or "cli".
	Name     string
	Platform string
}

// Departure says what deactivating a person did.
type Departure struct {
	BookingsCancelled int
	QuestionsClosed   int
	HandoversKept     int
	TopicsHandedOver  int
	AccountsUnlinked  int
	Subscriptions     int
}

// DirectoryService is the core's handling of people who leave and come
// back, for the chat commands, the full import and the identity provider
// alike, so that a departure has the same effects whoever records it.
type DirectoryService interface {
	// Deactivate takes a person out of the phonebook, routing and
	// subscriptions, unlinks their chat accounts, frees their future
	// bookings, keeps their open handover requests open for the team
	// (telling the lead), closes their open questions with a note and
	// hands their topics to the admins; audited. Deactivating an inactive
	// person changes nothing.
	Deactivate(ctx context.Context, by Actor, personID int64) (Departure, error)
	// Activate brings a person back with their history; audited.
	Activate(ctx context.Context, by Actor, personID int64) error
}

// urlInText is an address in a typed command.
var urlInText = regexp.MustCompile(`(?i)\bhttps?://[^\s<>"']+`)

// RedactURLs leaves of each web address in s its scheme, host and path:
// what it holds after "?" or "#", and a user name and password, go (a
// webhook's address often carries a key: https://…/api/hook?code=…).
// The audit log keeps a secret action's command text through it.
func RedactURLs(s string) string {
	return urlInText.ReplaceAllStringFunc(s, func(raw string) string {
		u, err := url.Parse(raw)
		if err != nil {
			return "(an address)"
		}
		cut := u.User != nil || u.RawQuery != "" || u.ForceQuery || u.Fragment != ""
		u.User, u.RawQuery, u.ForceQuery, u.Fragment, u.RawFragment = nil, "", false, "", ""
		out := u.String()
		if cut {
			out = strings.TrimSuffix(out, "/") + "…"
		}
		return out
	})
}
