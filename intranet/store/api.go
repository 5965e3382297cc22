package store

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
)

var (
	_ intranet.APITokenService = (*Store)(nil)
	_ intranet.WebhookService  = (*Store)(nil)
)

// The API's bearer tokens (kept as the hash of their secret), the webhook
// endpoints that hear of events, and the event an outbox entry to such an
// endpoint posts. A token's name is unique among the tokens that work, so
// a revoked token's name may be given again.
func init() {
	register(migration{16, "api tokens and webhooks", `
CREATE TABLE api_tokens (
	id bigserial PRIMARY KEY,
	hash text NOT NULL UNIQUE,
	name text NOT NULL,
	scopes text NOT NULL,
	created_at timestamptz NOT NULL,
	last_used_at timestamptz,
	revoked_at timestamptz
);
CREATE UNIQUE INDEX api_tokens_name ON api_tokens (name) WHERE revoked_at IS NULL;
CREATE TABLE webhooks (
	id bigserial PRIMARY KEY,
	url text NOT NULL UNIQUE,
	events text NOT NULL,
	secret text NOT NULL,
	created_at timestamptz NOT NULL
);
ALTER TABLE outbox ADD COLUMN event text NOT NULL DEFAULT '';
`, `
CREATE TABLE api_tokens (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	hash TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	scopes TEXT NOT NULL,
	created_at DATETIME NOT NULL,
	last_used_at DATETIME,
	revoked_at DATETIME
);
CREATE UNIQUE INDEX api_tokens_name ON api_tokens (name) WHERE revoked_at IS NULL;
CREATE TABLE webhooks (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	url TEXT NOT NULL UNIQUE,
	events TEXT NOT NULL,
	secret TEXT NOT NULL,
	created_at DATETIME NOT NULL
);
ALTER TABLE outbox ADD COLUMN event TEXT NOT NULL DEFAULT '';
`})
}

type apiTokenRow struct {
	ID         int64 `gorm:"primaryKey"`
	Hash       string
	Name       string
	Scopes     string
	CreatedAt  time.Time
	LastUsedAt *time.Time
	RevokedAt  *time.Time
}

func (apiTokenRow) TableName() string { return "api_tokens" }

func (r apiTokenRow) token() *intranet.APIToken {
	return &intranet.APIToken{ID: r.ID, Name: r.Name, Scopes: splitList(r.Scopes), Created: r.CreatedAt.UTC(),
		LastUsed: fromOpt(r.LastUsedAt), Revoked: fromOpt(r.RevokedAt)}
}

// AddAPIToken stores a token by the hash of its secret. Returns ECONFLICT
// when a working token has the name (or the hash is known), EINVALID for an
// empty name or hash, no scopes or an unknown scope.
func (s *Store) AddAPIToken(ctx context.Context, name string, scopes []string, hash string, now time.Time) (*intranet.APIToken, error) {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return nil, intranet.Errorf(intranet.EINVALID, "A token needs a name.")
	case len(name) > 100:
		return nil, intranet.Errorf(intranet.EINVALID, "A token's name may have at most 100 characters.")
	case hash == "":
		return nil, intranet.Errorf(intranet.EINVALID, "A token needs the hash of its secret.")
	case len(scopes) == 0:
		return nil, intranet.Errorf(intranet.EINVALID, "A token needs a scope, e.g. %s.", intranet.ScopeHoursRead)
	}
	for _, sc := range scopes {
		if sc != intranet.ScopeHoursRead {
			return nil, intranet.Errorf(intranet.EINVALID, "%q is not a scope: use %s.", sc, intranet.ScopeHoursRead)
		}
	}
	row := apiTokenRow{Hash: hash, Name: name, Scopes: strings.Join(slices.Compact(slices.Sorted(slices.Values(scopes))), ";"), CreatedAt: now.UTC().Truncate(time.Second)}
	if err := s.conn(ctx).Create(&row).Error; err != nil {
		if err = translate(err); intranet.ErrorCode(err) == intranet.ECONFLICT {
			return nil, fmt.Errorf("add api token: %w: %w", intranet.Errorf(intranet.ECONFLICT, "A token named %q exists; revoke it first or choose another name.", name), err)
		}
		return nil, fmt.Errorf("add api token: %w", err)
	}
	return row.token(), nil
}

// APITokens returns every token, revoked ones too, by name (the working
// one of a name first).
func (s *Store) APITokens(ctx context.Context) ([]*intranet.APIToken, error) {
	var rows []apiTokenRow
	if err := s.conn(ctx).Order("name, revoked_at IS NOT NULL, revoked_at DESC, id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("api tokens: %w", translate(err))
	}
	out := make([]*intranet.APIToken, len(rows))
	for i, r := range rows {
		out[i] = r.token()
	}
	return out, nil
}

// RevokeAPIToken revokes the working token of that name. Returns ENOTFOUND.
func (s *Store) RevokeAPIToken(ctx context.Context, name string, now time.Time) (*intranet.APIToken, error) {
	var row apiTokenRow
	err := s.InTx(ctx, func(ctx context.Context) error {
		var rows []apiTokenRow
		if err := s.conn(ctx).Where("name = ? AND revoked_at IS NULL", strings.TrimSpace(name)).Limit(1).Find(&rows).Error; err != nil {
			return translate(err)
		} else if len(rows) == 0 {
			return intranet.Errorf(intranet.ENOTFOUND, "No working token is named %q.", name)
		}
		row = rows[0]
		at := now.UTC().Truncate(time.Second)
		row.RevokedAt = &at
		res := s.conn(ctx).Exec("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", at, row.ID)
		if res.Error != nil {
			return translate(res.Error)
		} else if res.RowsAffected == 0 {
			return intranet.Errorf(intranet.ENOTFOUND, "No working token is named %q.", name)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("revoke api token: %w", err)
	}
	return row.token(), nil
}

// UseAPIToken returns the working token of that hash and records its use.
// Returns ENOTFOUND for an unknown or revoked one.
func (s *Store) UseAPIToken(ctx context.Context, hash string, now time.Time) (*intranet.APIToken, error) {
	at := now.UTC().Truncate(time.Second)
	var rows []apiTokenRow
	if err := s.conn(ctx).Where("hash = ? AND revoked_at IS NULL", hash).Limit(1).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("use api token: %w", translate(err))
	} else if len(rows) == 0 || hash == "" {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "No such token.")
	}
	row := rows[0]
	// Written at most once a minute: a client paging through a year of
	// timesheets does not write on every page.
	if row.LastUsedAt == nil || at.Sub(*row.LastUsedAt) >= time.Minute {
		if err := s.conn(ctx).Exec("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", at, row.ID).Error; err != nil {
			return nil, fmt.Errorf("use api token: %w", translate(err))
		}
		row.LastUsedAt = &at
	}
	return row.token(), nil
}

type webhookRow struct {
	ID        int64 `gorm:"primaryKey"`
	URL       string
	Events    string
	Secret    string
	CreatedAt time.Time
}

func (webhookRow) TableName() string { return "webhooks" }

func (r webhookRow) webhook() *intranet.Webhook {
	return &intranet.Webhook{ID: r.ID, URL: r.URL, Events: splitList(r.Events), Secret: r.Secret, Created: r.CreatedAt.UTC()}
}

// AddWebhook stores an endpoint. Returns ECONFLICT for a URL that has one,
// EINVALID for a URL that is not http(s), no events or an unknown event,
// or an empty secret.
func (s *Store) AddWebhook(ctx context.Context, rawURL string, events []string, secret string, now time.Time) (*intranet.Webhook, error) {
	rawURL = strings.TrimSpace(rawURL)
	u, err := url.Parse(rawURL)
	switch {
	case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || len(rawURL) > 2000:
		return nil, intranet.Errorf(intranet.EINVALID, "%q is not a web address like https://payroll.example.nl/hooks/werkplek.", rawURL)
	case len(events) == 0:
		return nil, intranet.Errorf(intranet.EINVALID, "A webhook needs the events it hears of: %s.", strings.Join(intranet.Events, ", "))
	case secret == "":
		return nil, intranet.Errorf(intranet.EINVALID, "A webhook needs a signing secret.")
	}
	for _, e := range events {
		if !slices.Contains(intranet.Events, e) {
			return nil, intranet.Errorf(intranet.EINVALID, "%q is not an event: use %s.", e, strings.Join(intranet.Events, ", "))
		}
	}
	// In the docs' order, each once.
	var kept []string
	for _, e := range intranet.Events {
		if slices.Contains(events, e) {
			kept = append(kept, e)
		}
	}
	row := webhookRow{URL: rawURL, Events: strings.Join(kept, ";"), Secret: secret, CreatedAt: now.UTC().Truncate(time.Second)}
	if err := s.conn(ctx).Create(&row).Error; err != nil {
		if err = translate(err); intranet.ErrorCode(err) == intranet.ECONFLICT {
			return nil, fmt.Errorf("add webhook: %w: %w", intranet.Errorf(intranet.ECONFLICT, "%s has a webhook already.", rawURL), err)
		}
		return nil, fmt.Errorf("add webhook: %w", err)
	}
	return row.webhook(), nil
}

// Webhooks returns every endpoint by URL.
func (s *Store) Webhooks(ctx context.Context) ([]*intranet.Webhook, error) {
	var rows []webhookRow
	if err := s.conn(ctx).Order("url").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("webhooks: %w", translate(err))
	}
	out := make([]*intranet.Webhook, len(rows))
	for i, r := range rows {
		out[i] = r.webhook()
	}
	return out, nil
}

// FindWebhookByID returns ENOTFOUND for an unknown id.
func (s *Store) FindWebhookByID(ctx context.Context, id int64) (*intranet.Webhook, error) {
	var rows []webhookRow
	if err := s.conn(ctx).Where("id = ?", id).Limit(1).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("find webhook %d: %w", id, translate(err))
	} else if len(rows) == 0 {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "No webhook %d.", id)
	}
	return rows[0].webhook(), nil
}

// RemoveWebhook deletes the endpoint of that URL. Returns ENOTFOUND.
func (s *Store) RemoveWebhook(ctx context.Context, rawURL string) (*intranet.Webhook, error) {
	rawURL = strings.TrimSpace(rawURL)
	var rows []webhookRow
	err := s.InTx(ctx, func(ctx context.Context) error {
		if err := s.conn(ctx).Where("url = ?", rawURL).Limit(1).Find(&rows).Error; err != nil {
			return translate(err)
		} else if len(rows) == 0 {
			return intranet.Errorf(intranet.ENOTFOUND, "No webhook has the address %s.", rawURL)
		}
		return translate(s.conn(ctx).Exec("DELETE FROM webhooks WHERE id = ?", rows[0].ID).Error)
	})
	if err != nil {
		return nil, fmt.Errorf("remove webhook: %w", err)
	}
	return rows[0].webhook(), nil
}
