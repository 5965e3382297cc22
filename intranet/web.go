package intranet

import (
	"context"
	"time"
)

// PlatformWeb is the web front door (adapters/web): a person signed in
// with a one-time link or OpenID Connect. It has no poster, so a DM never
// goes to it; its requests carry the person's own email.
const PlatformWeb Platform = "web"

// Web front door lifetimes.
const (
	// SignInValid is how long a one-time sign-in link works.
	SignInValid = 10 * time.Minute
	// SessionIdle is how long a web session lives without a request.
	SessionIdle = 8 * time.Hour
)

// SignIn is a one-time link to the web front door, made for one person.
type SignIn struct {
	// Hash is the hash of the link's secret; the secret is only in the link.
	Hash     string
	PersonID int64
	Expires  time.Time
	// Platform is where the link was asked for: a link asked for in Teams
	// opens a session that also works inside Teams' frame (the personal tab).
	Platform Platform
}

// WebSession is a signed-in browser. Sessions live in the database, so
// that any replica serves any request.
type WebSession struct {
	// Hash is the hash of the session cookie's secret.
	Hash     string
	PersonID int64
	// CSRF is the session's token that every form sends back.
	CSRF     string
	Created  time.Time
	LastSeen time.Time
	// Framed sessions are meant for Teams' frame (cookie SameSite=None).
	Framed bool
}

// WebIdentity links an OpenID Connect subject (sub, or Entra's oid) of
// one issuer to a person, so that a later changed email cannot take over
// another person.
type WebIdentity struct {
	Issuer   string
	Subject  string
	PersonID int64
}

// WebService keeps sign-in links, web sessions and OpenID Connect
// identities.
type WebService interface {
	// CreateSignIn stores a sign-in link.
	CreateSignIn(ctx context.Context, s SignIn) error
	// UseSignIn returns the link of that hash and marks it used, so that
	// it works once. Returns ENOTFOUND for an unknown, used or expired link.
	UseSignIn(ctx context.Context, hash string, now time.Time) (*SignIn, error)
	// CreateWebSession stores a new session.
	CreateWebSession(ctx context.Context, s WebSession) error
	// FindWebSession returns the session of that hash and records now as
	// its last use (a touch within a minute of the last writes nothing).
	// Returns ENOTFOUND for an unknown session or one idle longer than
	// SessionIdle, which it deletes.
	FindWebSession(ctx context.Context, hash string, now time.Time) (*WebSession, error)
	// DeleteWebSession signs a session out; an unknown hash is no error.
	DeleteWebSession(ctx context.Context, hash string) error
	// FindWebIdentity returns ENOTFOUND for a subject never linked.
	FindWebIdentity(ctx context.Context, issuer, subject string) (*WebIdentity, error)
	// LinkWebIdentity stores a subject's link. Returns ECONFLICT when the
	// person is already linked to another subject of that issuer.
	LinkWebIdentity(ctx context.Context, id WebIdentity) error
}

// Chart is a series of numbers a reply carries beside its text (reads per
// day of a news item, use per feature): the web draws it, chat adapters
// show the reply's text, which says the same in words.
type Chart struct {
	Title  string  `json:"title,omitempty"`
	Points []Point `json:"points,omitempty"`
}

// Point is one bar of a chart.
type Point struct {
	Label string  `json:"label"`
	Value float64 `json:"value"`
}

// File is a file a reply offers for download (a CSV export). The web
// serves it; chat adapters show the reply's text, which says where to get
// it.
type File struct {
	Name        string `json:"name"`
	ContentType string `json:"content_type"`
	Data        []byte `json:"-"`
}

// UsageCount is how often one feature was used on one platform on one day.
type UsageCount struct {
	// Day is the day in UTC, at midnight.
	Day      time.Time
	Feature  string
	Platform Platform
	Count    int
}

// UsageService keeps counts of use per day, feature and platform, for the
// admin's usage charts; no person is recorded.
type UsageService interface {
	// AddUsage adds the counts to what is stored (several replicas add
	// their own).
	AddUsage(ctx context.Context, counts []UsageCount) error
	// Usage returns the counts of the days from since on, by day.
	Usage(ctx context.Context, since time.Time) ([]UsageCount, error)
}
