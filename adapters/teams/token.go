package teams

// The bot's own access token for calls to the Bot Connector: the OAuth 2.0
// client credentials grant described in
// https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-authentication#bot-to-connector

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

const (
	// tokenTimeout bounds one token request, so an unreachable endpoint
	// fails a delivery instead of hanging it.
	tokenTimeout = 10 * time.Second
	// tokenMargin renews a token this long before it expires, so a token
	// never runs out during a call or a retry.
	tokenMargin = 5 * time.Minute
)

// tokenError is a failed token request. Temporary is false when the endpoint
// refused the credentials: retrying will not help until the config changes.
type tokenError struct {
	Temporary bool
	Err       error
}

func (e *tokenError) Error() string { return "get access token: " + e.Err.Error() }
func (e *tokenError) Unwrap() error { return e.Err }

// tokenSource fetches and caches the bot's access token. The lock is a
// one-slot channel so that a caller waiting for another's fetch still
// honours its own context.
type tokenSource struct {
	url, clientID, secret string
	client                *http.Client
	now                   func() time.Time

	lock    chan struct{}
	token   string
	expires time.Time
}

func newTokenSource(tokenURL, clientID, secret string, client *http.Client, now func() time.Time) *tokenSource {
	return &tokenSource{url: tokenURL, clientID: clientID, secret: secret, client: client, now: now, lock: make(chan struct{}, 1)}
}

// Token returns a cached token, or fetches a new one when none is cached or
// the cached one expires within tokenMargin. Errors are *tokenError.
func (t *tokenSource) Token(ctx context.Context) (string, error) {
	select {
	case t.lock <- struct{}{}:
	case <-ctx.Done():
		return "", &tokenError{Temporary: true, Err: ctx.Err()}
	}
	defer func() { <-t.lock }()
	if t.token != "" && t.now().Before(t.expires.Add(-tokenMargin)) {
		return t.token, nil
	}
	tok, ttl, err := t.fetch(ctx)
	if err != nil {
		return "", err
	}
	t.token, t.expires = tok, t.now().Add(ttl)
	return tok, nil
}

// Forget drops the cached token when the connector refused it, so the next
// call fetches a new one.
func (t *tokenSource) Forget(token string) {
	t.lock <- struct{}{}
	defer func() { <-t.lock }()
	if t.token == token {
		t.token = ""
	}
}

func (t *tokenSource) fetch(ctx context.Context) (string, time.Duration, error) {
	ctx, cancel := context.WithTimeout(ctx, tokenTimeout)
	defer cancel()
	form := url.Values{
		"grant_type":    {"client_credentials"},
		"client_id":     {t.clientID},
		"client_secret": {t.secret},
		"scope":         {botFrameworkScope},
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, t.url, strings.NewReader(form.Encode()))
	if err != nil {
		return "", 0, &tokenError{Err: err}
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := t.client.Do(req)
	if err != nil {
		return "", 0, &tokenError{Temporary: true, Err: err}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if err != nil {
		return "", 0, &tokenError{Temporary: true, Err: err}
	}
	if resp.StatusCode != http.StatusOK {
		// 429 and 5xx pass; 400/401 mean wrong credentials or tenant.
		temp := resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500
		var e struct {
			Error       string `json:"error"`
			Description string `json:"error_description"`
		}
		_ = json.Unmarshal(body, &e)
		msg := strings.TrimSpace(e.Error + " " + firstLine(e.Description))
		if msg == "" {
			msg = "no error description"
		}
		return "", 0, &tokenError{Temporary: temp, Err: fmt.Errorf("%s: %s", resp.Status, msg)}
	}
	var r struct {
		AccessToken string          `json:"access_token"`
		ExpiresIn   json.RawMessage `json:"expires_in"`
	}
	if err := json.Unmarshal(body, &r); err != nil || r.AccessToken == "" {
		return "", 0, &tokenError{Temporary: true, Err: fmt.Errorf("malformed token response: %v", err)}
	}
	// expires_in is a number, but some endpoints send it as a string.
	secs, err := strconv.Atoi(strings.Trim(string(r.ExpiresIn), `"`))
	if err != nil || secs <= 0 {
		secs = 3600
	}
	return r.AccessToken, time.Duration(secs) * time.Second, nil
}

// firstLine returns s up to its first line break; AAD error descriptions
// carry trace ids and timestamps on later lines.
func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return strings.TrimSpace(s)
}
