// Package slack connects Werkplek to Slack: slash commands, interactivity
// (buttons and modals) and the Events API (DMs and mentions), over HTTP or
// Socket Mode, with Block Kit rendering of the core's replies and a poster for
// outbound messages.
//
// It follows https://docs.slack.dev/interactivity/handling-user-interaction
// and https://docs.slack.dev/apis/events-api/ and uses
// github.com/slack-go/slack for the wire types and the Web API.
package slack

import (
	"context"
	"errors"
	"fmt"
	"github.com/werkplek/werkplek/adapters/internal/background"
	"github.com/werkplek/werkplek/adapters/internal/outbound"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/slack-go/slack"

	"github.com/werkplek/werkplek/adapters/internal/retry"
	"github.com/werkplek/werkplek/intranet"
)

var (
	_ intranet.Poster    = (*Adapter)(nil)
	_ intranet.Directory = (*Adapter)(nil)
)

// DefaultAPIURL is Slack's own Web API base address.
const DefaultAPIURL = "https://slack.com/api/"

// Config holds the adapter's settings; bot/ fills it from the environment.
type Config struct {
	// SigningSecret verifies HTTP requests (SLACK_SIGNING_SECRET).
	SigningSecret string
	// BotToken (xoxb-…) calls the Web API (SLACK_BOT_TOKEN). One token
	// serves one installation (a workspace, or a Grid org for an org-wide
	// install); the poster and the directory do not pick tokens by
	// installation.
	BotToken string
	// AppToken (xapp-…) turns on Socket Mode (SLACK_APP_TOKEN).
	AppToken string
	// APIURL is the Web API base address (SLACK_API_URL); default DefaultAPIURL.
	APIURL string
	// PublicURL is where Slack reaches Werkplek (WERKPLEK_PUBLIC_URL); only
	// the app manifest uses it.
	PublicURL string
	// HTTPClient makes every outbound call; default a client with a 10 s timeout.
	HTTPClient *http.Client
	// Now is the clock for the signature window; default time.Now.
	Now func() time.Time

	// AckTimeout is how long a request waits for the core before it is
	// acknowledged empty and answered later through response_url; Slack
	// gives 3 s in all. Default 2.5 s.
	AckTimeout time.Duration
	// AnswerTimeout bounds the core call and the late answer. Default 2 min.
	AnswerTimeout time.Duration
	// MaxAttempts bounds the tries of one Web API call on 429/5xx. Default 3.
	MaxAttempts int
	// MaxRetryWait bounds the total waiting between tries; a longer
	// Retry-After goes back to the caller. Default 30 s.
	MaxRetryWait time.Duration
	// Backoff is the ceiling of the first wait after a 5xx or a timeout
	// (full jitter); it doubles, up to 5 minutes. Default 1 s.
	Backoff time.Duration
	// Sleep waits between tries; tests replace it to not wait. Default a timer.
	Sleep func(ctx context.Context, d time.Duration) error
	// Jitter draws a backoff wait in [0, ceiling]; tests pin it. Default random.
	Jitter func(ceiling time.Duration) time.Duration
	// MessageRate is how many messages a second this process posts to the
	// workspace at most (SLACK_MESSAGE_RATE), besides one a second in a
	// channel; default DefaultMessageRate, Slack's limit for a workspace.
	// Replicas that share a workspace each take their share.
	MessageRate float64
	// UserCacheTTL is how long users.info answers are kept in memory to fill
	// a request's locale, email and guest flag, and conversations.info
	// answers (whether a channel is shared with another organisation).
	// Default 10 min.
	UserCacheTTL time.Duration
}

// Adapter is Werkplek's Slack adapter.
type Adapter struct {
	cfg   Config
	core  intranet.Core
	state intranet.StateStore
	log   *slog.Logger
	api   *slack.Client
	http  *http.Client
	// policy retries Web API and response_url calls.
	policy retry.Policy
	// pace spaces the posts by Slack's message limits.
	pace *pacer

	// departures is the core's, when it keeps them: app_uninstalled and
	// tokens_revoked are told to it.
	departures intranet.Departures

	// base is the parent of the contexts of late answers: they outlive the
	// HTTP request that started them.
	base   context.Context
	cancel context.CancelFunc
	wg     background.Tracker

	users userCache
	// channels keeps whether channels are shared with another organisation.
	channels channelCache

	pruneMu   sync.Mutex
	lastPrune time.Time
}

// New checks the config and returns an adapter. It needs a signing secret
// (HTTP mode) or an app token (Socket Mode); Socket Mode and the poster need
// the bot token too.
func New(cfg Config, core intranet.Core, state intranet.StateStore, log *slog.Logger) (*Adapter, error) {
	if core == nil || state == nil {
		return nil, errors.New("slack: core and state store are required")
	}
	if cfg.SigningSecret == "" && cfg.AppToken == "" {
		return nil, errors.New("slack: set SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode)")
	}
	if cfg.AppToken != "" && cfg.BotToken == "" {
		return nil, errors.New("slack: Socket Mode (SLACK_APP_TOKEN) needs SLACK_BOT_TOKEN too")
	}
	if cfg.APIURL == "" {
		cfg.APIURL = DefaultAPIURL
	}
	u, err := url.Parse(cfg.APIURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("slack: SLACK_API_URL %q is not an http(s) URL", cfg.APIURL)
	}
	if !strings.HasSuffix(cfg.APIURL, "/") {
		cfg.APIURL += "/"
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = outbound.Client(10 * time.Second)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.AckTimeout <= 0 {
		cfg.AckTimeout = 2500 * time.Millisecond
	}
	if cfg.AnswerTimeout <= 0 {
		cfg.AnswerTimeout = 2 * time.Minute
	}
	if cfg.UserCacheTTL <= 0 {
		cfg.UserCacheTTL = 10 * time.Minute
	}
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	log = log.With("platform", "slack")
	policy := retry.Policy{
		Attempts: cfg.MaxAttempts, Base: cfg.Backoff, MaxWait: cfg.MaxRetryWait,
		Now: cfg.Now, Sleep: cfg.Sleep, Jitter: cfg.Jitter, Log: log,
	}
	// slack-go reads Retry-After only as seconds: dates are turned into
	// seconds before it sees them.
	client := *cfg.HTTPClient
	client.Transport = policy.Transport(client.Transport)
	opts := []slack.Option{slack.OptionAPIURL(cfg.APIURL), slack.OptionHTTPClient(&client)}
	if cfg.AppToken != "" {
		opts = append(opts, slack.OptionAppLevelToken(cfg.AppToken))
	}
	a := &Adapter{
		cfg:    cfg,
		core:   core,
		state:  state,
		log:    log,
		api:    slack.New(cfg.BotToken, opts...),
		http:   &client,
		policy: policy,
		pace:   newPacer(cfg.MessageRate, cfg.Now, cfg.Sleep),
	}
	if d, ok := core.(intranet.Departures); ok {
		a.departures = d
	}
	a.base, a.cancel = context.WithCancel(context.Background())
	a.users.entries = map[string]cachedUser{}
	return a, nil
}

// Routes registers the HTTP endpoints Slack calls. In Socket Mode they stay
// registered; without a signing secret they refuse everything with 401.
func (a *Adapter) Routes(mux *http.ServeMux) {
	mux.HandleFunc("POST /slack/commands", a.handleCommands)
	mux.HandleFunc("POST /slack/interactions", a.handleInteractions)
	mux.HandleFunc("POST /slack/events", a.handleEvents)
}

// Manifest returns the Slack app manifest for this adapter's core and config.
func (a *Adapter) Manifest() ([]byte, error) {
	return Manifest(a.core.Commands(), a.cfg.PublicURL, a.cfg.AppToken != "")
}

// Close waits for answers still on their way to Slack (each is bounded by
// AnswerTimeout), then releases the adapter. Stop the HTTP server first.
func (a *Adapter) Close() error {
	_ = a.wg.Wait(context.Background())
	a.cancel()
	return nil
}

// goBackground runs fn tracked by the adapter's WaitGroup, with a context
// that outlives the request that started it.
func (a *Adapter) goBackground(fn func(ctx context.Context)) {
	a.wg.Add()
	go func() {
		defer a.wg.Done()
		ctx, cancel := context.WithTimeout(a.base, a.cfg.AnswerTimeout)
		defer cancel()
		fn(ctx)
	}()
}
