package intranet

import (
	"context"
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
