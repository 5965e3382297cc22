package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/werkplek/werkplek/intranet"
)

var _ intranet.WebService = (*Store)(nil)

// The web front door: one-time sign-in links and sessions (kept as the
// hash of their secret, so a copy of the database signs no one in), the
// OpenID Connect subjects linked to people, and the usage counts per day
// that the admin's charts show (no person in them). A person has at most
// one subject per issuer, so a changed email at the provider cannot take
// over another person.
func init() {
	register(migration{17, "web front door: sign-in links, sessions, OpenID Connect identities; usage counts per day", `
CREATE TABLE web_sign_ins (
	hash text PRIMARY KEY,
	person_id bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	platform text NOT NULL DEFAULT '',
	expires timestamptz NOT NULL,
	used_at timestamptz
);
CREATE INDEX web_sign_ins_person ON web_sign_ins (person_id);
CREATE INDEX web_sign_ins_expires ON web_sign_ins (expires);
CREATE TABLE web_sessions (
	hash text PRIMARY KEY,
	person_id bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	csrf text NOT NULL,
	created timestamptz NOT NULL,
	last_seen timestamptz NOT NULL,
	framed boolean NOT NULL DEFAULT false
);
CREATE INDEX web_sessions_person ON web_sessions (person_id);
CREATE INDEX web_sessions_last_seen ON web_sessions (last_seen);
CREATE TABLE web_identities (
	issuer text NOT NULL,
	subject text NOT NULL,
	person_id bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	PRIMARY KEY (issuer, subject),
	UNIQUE (issuer, person_id)
);
CREATE INDEX web_identities_person ON web_identities (person_id);
CREATE TABLE usage_days (
	day timestamptz NOT NULL,
	feature text NOT NULL,
	platform text NOT NULL,
	count bigint NOT NULL,
	PRIMARY KEY (day, feature, platform)
);
`, `
CREATE TABLE web_sign_ins (
	hash TEXT PRIMARY KEY,
	person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	platform TEXT NOT NULL DEFAULT '',
	expires DATETIME NOT NULL,
	used_at DATETIME
);
CREATE INDEX web_sign_ins_person ON web_sign_ins (person_id);
CREATE INDEX web_sign_ins_expires ON web_sign_ins (expires);
CREATE TABLE web_sessions (
	hash TEXT PRIMARY KEY,
	person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	csrf TEXT NOT NULL,
	created DATETIME NOT NULL,
	last_seen DATETIME NOT NULL,
	framed BOOLEAN NOT NULL DEFAULT false
);
CREATE INDEX web_sessions_person ON web_sessions (person_id);
CREATE INDEX web_sessions_last_seen ON web_sessions (last_seen);
CREATE TABLE web_identities (
	issuer TEXT NOT NULL,
	subject TEXT NOT NULL,
	person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	PRIMARY KEY (issuer, subject),
	UNIQUE (issuer, person_id)
);
CREATE INDEX web_identities_person ON web_identities (person_id);
CREATE TABLE usage_days (
	day DATETIME NOT NULL,
	feature TEXT NOT NULL,
	platform TEXT NOT NULL,
	count INTEGER NOT NULL,
	PRIMARY KEY (day, feature, platform)
);
`})
}

// webTime is how a web front door time is stored: in UTC, to the
// microsecond PostgreSQL keeps, so that both engines compare alike.
func webTime(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

// isForeignKey tells a foreign key violation (an unknown person).
func isForeignKey(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && pgErr.Code == "23503" || err != nil && strings.Contains(err.Error(), "FOREIGN KEY constraint failed")
}

type webSignInRow struct {
	Hash     string `gorm:"primaryKey"`
	PersonID int64
	Platform string
	Expires  time.Time
	UsedAt   *time.Time
}

func (webSignInRow) TableName() string { return "web_sign_ins" }

// CreateSignIn stores a sign-in link. Returns EINVALID for an empty hash,
// ENOTFOUND for an unknown person, ECONFLICT for a hash that is stored.
func (s *Store) CreateSignIn(ctx context.Context, in intranet.SignIn) error {
	if in.Hash == "" {
		return intranet.Errorf(intranet.EINVALID, "A sign-in link needs the hash of its secret.")
	}
	row := webSignInRow{Hash: in.Hash, PersonID: in.PersonID, Platform: string(in.Platform), Expires: webTime(in.Expires)}
	if err := s.conn(ctx).Create(&row).Error; err != nil {
		if isForeignKey(err) {
			return fmt.Errorf("create sign-in: %w: %w", intranet.Errorf(intranet.ENOTFOUND, "No person %d.", in.PersonID), err)
		}
		return fmt.Errorf("create sign-in: %w", translate(err))
	}
	return nil
}

// UseSignIn marks the link used in one statement, so that of many callers
// at once exactly one gets it. Returns ENOTFOUND for an unknown, used or
// expired link (expired from its Expires on).
func (s *Store) UseSignIn(ctx context.Context, hash string, now time.Time) (*intranet.SignIn, error) {
	now = webTime(now)
	var rows []webSignInRow
	err := s.conn(ctx).Raw("UPDATE web_sign_ins SET used_at = ? WHERE hash = ? AND used_at IS NULL AND expires > ? RETURNING hash, person_id, platform, expires, used_at",
		now, hash, now).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("use sign-in: %w", translate(err))
	} else if len(rows) == 0 {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "This sign-in link is unknown, used or expired.")
	}
	r := rows[0]
	return &intranet.SignIn{Hash: r.Hash, PersonID: r.PersonID, Platform: intranet.Platform(r.Platform), Expires: r.Expires.UTC()}, nil
}

type webSessionRow struct {
	Hash     string `gorm:"primaryKey"`
	PersonID int64
	CSRF     string `gorm:"column:csrf"`
	Created  time.Time
	LastSeen time.Time
	Framed   bool
}

func (webSessionRow) TableName() string { return "web_sessions" }

func (r webSessionRow) session() *intranet.WebSession {
	return &intranet.WebSession{Hash: r.Hash, PersonID: r.PersonID, CSRF: r.CSRF, Created: r.Created.UTC(), LastSeen: r.LastSeen.UTC(), Framed: r.Framed}
}

// CreateWebSession stores a new session; a zero LastSeen is its Created.
// Returns EINVALID for an empty hash or CSRF token, ENOTFOUND for an
// unknown person, ECONFLICT for a hash that is stored.
func (s *Store) CreateWebSession(ctx context.Context, in intranet.WebSession) error {
	if in.Hash == "" || in.CSRF == "" {
		return intranet.Errorf(intranet.EINVALID, "A web session needs the hash of its secret and a CSRF token.")
	}
	row := webSessionRow{Hash: in.Hash, PersonID: in.PersonID, CSRF: in.CSRF, Created: webTime(in.Created), LastSeen: webTime(in.LastSeen), Framed: in.Framed}
	if in.LastSeen.IsZero() {
		row.LastSeen = row.Created
	}
	if err := s.conn(ctx).Create(&row).Error; err != nil {
		if isForeignKey(err) {
			return fmt.Errorf("create web session: %w: %w", intranet.Errorf(intranet.ENOTFOUND, "No person %d.", in.PersonID), err)
		}
		return fmt.Errorf("create web session: %w", translate(err))
	}
	return nil
}

// FindWebSession returns the session and records now as its last use,
// writing only when the last use is more than a minute old (a page view
// normally costs no write). Returns ENOTFOUND for an unknown session or
// one idle longer than intranet.SessionIdle, which it deletes.
func (s *Store) FindWebSession(ctx context.Context, hash string, now time.Time) (*intranet.WebSession, error) {
	now = webTime(now)
	var rows []webSessionRow
	if err := s.conn(ctx).Where("hash = ?", hash).Limit(1).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("find web session: %w", translate(err))
	} else if len(rows) == 0 {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "This web session is unknown or has ended.")
	}
	r := rows[0]
	if idleSince := now.Add(-intranet.SessionIdle); r.LastSeen.Before(idleSince) {
		// Only while still idle: a request that touched it meanwhile keeps it.
		if err := s.conn(ctx).Exec("DELETE FROM web_sessions WHERE hash = ? AND last_seen < ?", hash, idleSince).Error; err != nil {
			return nil, fmt.Errorf("find web session: %w", translate(err))
		}
		return nil, intranet.Errorf(intranet.ENOTFOUND, "This web session is unknown or has ended.")
	}
	if now.Sub(r.LastSeen) > time.Minute {
		if err := s.conn(ctx).Exec("UPDATE web_sessions SET last_seen = ? WHERE hash = ? AND last_seen < ?", now, hash, now).Error; err != nil {
			return nil, fmt.Errorf("find web session: %w", translate(err))
		}
		r.LastSeen = now
	}
	return r.session(), nil
}

// DeleteWebSession signs a session out; an unknown hash is no error.
func (s *Store) DeleteWebSession(ctx context.Context, hash string) error {
	if err := s.conn(ctx).Exec("DELETE FROM web_sessions WHERE hash = ?", hash).Error; err != nil {
		return fmt.Errorf("delete web session: %w", translate(err))
	}
	return nil
}

type webIdentityRow struct {
	Issuer   string `gorm:"primaryKey"`
	Subject  string `gorm:"primaryKey"`
	PersonID int64
}

func (webIdentityRow) TableName() string { return "web_identities" }

// FindWebIdentity returns ENOTFOUND for a subject never linked.
func (s *Store) FindWebIdentity(ctx context.Context, issuer, subject string) (*intranet.WebIdentity, error) {
	var rows []webIdentityRow
	if err := s.conn(ctx).Where("issuer = ? AND subject = ?", issuer, subject).Limit(1).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("find web identity: %w", translate(err))
	} else if len(rows) == 0 {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "This sign-in is not linked to anyone yet.")
	}
	return &intranet.WebIdentity{Issuer: rows[0].Issuer, Subject: rows[0].Subject, PersonID: rows[0].PersonID}, nil
}

// LinkWebIdentity stores a subject's link; linking the same again is no
// error. Returns ECONFLICT when the person is linked to another subject of
// that issuer or the subject to another person, EINVALID for an empty
// issuer or subject, ENOTFOUND for an unknown person.
func (s *Store) LinkWebIdentity(ctx context.Context, id intranet.WebIdentity) error {
	if id.Issuer == "" || id.Subject == "" {
		return intranet.Errorf(intranet.EINVALID, "A sign-in identity needs an issuer and a subject.")
	}
	// DO NOTHING on either unique key, so that a transaction of ctx on
	// PostgreSQL is not aborted by a conflict; then tell which it was.
	res := s.conn(ctx).Exec("INSERT INTO web_identities (issuer, subject, person_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", id.Issuer, id.Subject, id.PersonID)
	if res.Error != nil {
		if isForeignKey(res.Error) {
			return fmt.Errorf("link web identity: %w: %w", intranet.Errorf(intranet.ENOTFOUND, "No person %d.", id.PersonID), res.Error)
		}
		return fmt.Errorf("link web identity: %w", translate(res.Error))
	} else if res.RowsAffected == 1 {
		return nil
	}
	had, err := s.FindWebIdentity(ctx, id.Issuer, id.Subject)
	switch {
	case err == nil && had.PersonID == id.PersonID:
		return nil
	case err == nil:
		return intranet.Errorf(intranet.ECONFLICT, "This sign-in belongs to someone else.")
	case intranet.ErrorCode(err) == intranet.ENOTFOUND:
		return intranet.Errorf(intranet.ECONFLICT, "This person signs in with another account of %s.", id.Issuer)
	}
	return fmt.Errorf("link web identity: %w", err)
}

// PurgeWeb deletes sign-in links used or expired more than a day ago and
// sessions idle longer than intranet.SessionIdle, and returns how many it
// deleted. Every replica may run it at any time.
func (s *Store) PurgeWeb(ctx context.Context, now time.Time) (int, error) {
	now = webTime(now)
	dayAgo := now.Add(-24 * time.Hour)
	links := s.conn(ctx).Exec("DELETE FROM web_sign_ins WHERE expires < ? OR used_at < ?", dayAgo, dayAgo)
	if links.Error != nil {
		return 0, fmt.Errorf("purge web: %w", translate(links.Error))
	}
	sessions := s.conn(ctx).Exec("DELETE FROM web_sessions WHERE last_seen < ?", now.Add(-intranet.SessionIdle))
	if sessions.Error != nil {
		return int(links.RowsAffected), fmt.Errorf("purge web: %w", translate(sessions.Error))
	}
	return int(links.RowsAffected + sessions.RowsAffected), nil
}
