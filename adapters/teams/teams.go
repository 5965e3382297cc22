// Package teams connects Werkplek to Microsoft Teams through the Bot Framework:
// activities arrive at POST /api/messages, replies and proactive posts go to
// the Bot Connector REST API as Adaptive Cards.
//
// It follows the Bot Connector API reference
// (https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference)
// and uses msbotbuilder-go's schema package for the activity types. The
// library's connector client and JWT validator are not used: the client panics
// when a token request fails, caches tokens without a lock, always sends a
// token and drops the id of a posted activity; the validator fetches the key
// set from a fixed address on every request. This package makes those calls
// itself (connector.go, token.go, auth.go). Its core/activity helpers are not
// imported either, because they pull in the library's connector and a second
// JWT module for two small functions.
package teams

import (
	"context"
	"errors"
	"fmt"
	"github.com/werkplek/werkplek/adapters/internal/background"
	"github.com/werkplek/werkplek/adapters/internal/outbound"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/werkplek/werkplek/adapters/internal/retry"
	"github.com/werkplek/werkplek/intranet"
)

// Defaults for the Bot Framework endpoints.
const (
	// DefaultOpenIDMetadataURL is where the Bot Framework publishes the keys
	// it signs inbound activities with.
	DefaultOpenIDMetadataURL = "https://login.botframework.com/v1/.well-known/openidconfiguration"
	// botFrameworkIssuer is the iss claim of tokens the channel sends.
	botFrameworkIssuer = "https://api.botframework.com"
	// botFrameworkScope is the scope of the bot's own access token.
	botFrameworkScope = "https://api.botframework.com/.default"
	// maxBody is the largest activity accepted; Teams messages are far smaller.
	maxBody = 1 << 20
)

var (
	_ intranet.Poster    = (*Adapter)(nil)
	_ intranet.Directory = (*Adapter)(nil)
)

// Config is the adapter's configuration; bot/ fills it from the environment.
type Config struct {
	// AppID is the bot's Microsoft app id (TEAMS_APP_ID): the audience of
	// inbound tokens and the client id of outbound ones.
	AppID string
	// AppPassword is the app's client secret (TEAMS_APP_PASSWORD).
	AppPassword string
	// TenantID is the tenant of a single-tenant bot (TEAMS_TENANT_ID); it
	// picks the token endpoint when TokenURL is empty. Empty means the
	// multi-tenant endpoint (botframework.com).
	TenantID string
	// OpenIDMetadataURL (TEAMS_OPENID_METADATA_URL) defaults to DefaultOpenIDMetadataURL.
	OpenIDMetadataURL string
	// TokenURL (TEAMS_TOKEN_URL) defaults to
	// https://login.microsoftonline.com/<TenantID>/oauth2/v2.0/token.
	TokenURL string
	// AuthOff (TEAMS_AUTH=off) skips the inbound token check and sends no
	// outbound token, as the Agents Playground expects. Only for a listener
	// on a loopback address; bot/ refuses it otherwise.
	AuthOff bool

	// HTTPClient makes every outbound call; nil means a client with a 30 s timeout.
	HTTPClient *http.Client
	// Now is the clock for token expiry; nil means time.Now.
	Now func() time.Time

	// MaxAttempts bounds the tries of one connector call (default 3).
	MaxAttempts int
	// MaxRetryWait bounds the total wait between tries (default 30 s); a
	// longer Retry-After is handed to the caller in a DeliveryError.
	MaxRetryWait time.Duration
	// Backoff is the ceiling of the first wait after a 5xx (full jitter),
	// doubled each time up to 5 minutes (default 1 s).
	Backoff time.Duration
	// Sleep waits between tries; tests replace it to record the waits.
	Sleep func(ctx context.Context, d time.Duration) error
	// Jitter draws a backoff wait in [0, ceiling]; tests pin it. Default random.
	Jitter func(ceiling time.Duration) time.Duration
	// TurnTimeout bounds the work for one inbound activity after the POST
	// was answered: the core's answer and the reply (default 60 s).
	TurnTimeout time.Duration
	// MaxTurns bounds the activities handled at once (default 64); further
	// requests wait for a free slot before they are answered.
	MaxTurns int
}

// Adapter serves the Teams messaging endpoint and implements intranet.Poster
// and intranet.Directory.
type Adapter struct {
	cfg    Config
	core   intranet.Core
	state  intranet.StateStore
	log    *slog.Logger
	auth   *verifier    // nil when AuthOff
	tokens *tokenSource // nil when AuthOff
	conn   *connector

	turns background.Tracker
	slots chan struct{}
	memo  memo
}

// New checks the configuration and returns an adapter.
func New(cfg Config, core intranet.Core, state intranet.StateStore, log *slog.Logger) (*Adapter, error) {
	if core == nil || state == nil {
		return nil, errors.New("teams: core and state are required")
	}
	if log == nil {
		log = slog.Default()
	}
	log = log.With("adapter", "teams")
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = outbound.Client(30 * time.Second)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.OpenIDMetadataURL == "" {
		cfg.OpenIDMetadataURL = DefaultOpenIDMetadataURL
	}
	if cfg.TokenURL == "" {
		tenant := cfg.TenantID
		if tenant == "" {
			tenant = "botframework.com"
		}
		cfg.TokenURL = "https://login.microsoftonline.com/" + url.PathEscape(tenant) + "/oauth2/v2.0/token"
	}
	if cfg.TurnTimeout <= 0 {
		cfg.TurnTimeout = 60 * time.Second
	}
	if cfg.MaxTurns <= 0 {
		cfg.MaxTurns = 64
	}
	a := &Adapter{cfg: cfg, core: core, state: state, log: log, slots: make(chan struct{}, cfg.MaxTurns)}
	a.memo.now = cfg.Now
	if cfg.AuthOff {
		log.Warn("TEAMS_AUTH=off: inbound Teams activities are NOT authenticated and replies carry no token; use this only on a loopback listener for local trials")
	} else {
		var problems []string
		if cfg.AppID == "" {
			problems = append(problems, "TEAMS_APP_ID is empty")
		}
		if cfg.AppPassword == "" {
			problems = append(problems, "TEAMS_APP_PASSWORD is empty")
		}
		for name, u := range map[string]string{"TEAMS_OPENID_METADATA_URL": cfg.OpenIDMetadataURL, "TEAMS_TOKEN_URL": cfg.TokenURL} {
			if p, err := url.Parse(u); err != nil || (p.Scheme != "https" && p.Scheme != "http") || p.Host == "" {
				problems = append(problems, name+" is not an http(s) URL")
			}
		}
		if len(problems) > 0 {
			return nil, fmt.Errorf("teams: %s", strings.Join(problems, "; "))
		}
		a.auth = newVerifier(cfg.OpenIDMetadataURL, cfg.AppID, cfg.HTTPClient, cfg.Now, log)
		a.tokens = newTokenSource(cfg.TokenURL, cfg.AppID, cfg.AppPassword, cfg.HTTPClient, cfg.Now)
	}
	a.conn = &connector{
		client: cfg.HTTPClient,
		tokens: a.tokens,
		policy: retry.Policy{
			Attempts: cfg.MaxAttempts, Base: cfg.Backoff, MaxWait: cfg.MaxRetryWait,
			Now: cfg.Now, Sleep: cfg.Sleep, Jitter: cfg.Jitter, Log: log,
		},
	}
	return a, nil
}

// Routes registers the messaging endpoint.
func (a *Adapter) Routes(mux *http.ServeMux) {
	mux.HandleFunc("POST /api/messages", a.handleMessages)
}

// Run waits for ctx to end, then gives the activities still being answered
// up to ten seconds to finish, so a shutdown does not drop replies the POST
// already promised. It always returns nil.
func (a *Adapter) Run(ctx context.Context) error {
	<-ctx.Done()
	drain, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := a.turns.Wait(drain); err != nil {
		a.log.Warn("teams: shutdown with replies still in flight", "err", err)
	}
	return nil
}
