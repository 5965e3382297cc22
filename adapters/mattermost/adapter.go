// Package mattermost connects Werkplek to a Mattermost server: custom slash
// commands, interactive message buttons and dialogs arrive over HTTP; direct
// messages to the bot arrive over the bot's websocket; outbound posts go
// through the REST API as the bot account.
//
// It follows https://developers.mattermost.com/integrate/slash-commands/custom/,
// https://developers.mattermost.com/integrate/plugins/interactive-messages/ and
// https://developers.mattermost.com/integrate/plugins/interactive-dialogs/.
// Every payload uses the types of github.com/mattermost/mattermost/server/public/model.
package mattermost

import (
	"context"
	"errors"
	"fmt"
	"github.com/werkplek/werkplek/adapters/internal/background"
	"github.com/werkplek/werkplek/adapters/internal/outbound"
	"log/slog"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/werkplek/werkplek/adapters/internal/retry"
	"github.com/werkplek/werkplek/intranet"
)

var (
	_ intranet.Poster    = (*Adapter)(nil)
	_ intranet.Directory = (*Adapter)(nil)
)

// Paths of the HTTP callbacks Mattermost calls.
const (
	CommandPath = "/mattermost/command"
	ActionsPath = "/mattermost/actions"
	DialogsPath = "/mattermost/dialogs"
)

// tokenNamespace holds the tokens of the slash commands Werkplek registered
// itself, keyed by "<team id>/<trigger>", shared by every replica.
const tokenNamespace = "mattermost.command_tokens"

// maxBody is the largest request body a callback accepts.
const maxBody = 1 << 20

// Config is the adapter's configuration, filled by bot/ from the environment.
type Config struct {
	// URL is the Mattermost server's base URL (MATTERMOST_URL), e.g. https://chat.example.nl.
	URL string
	// BotToken is the bot account's access token (MATTERMOST_BOT_TOKEN).
	BotToken string
	// CommandTokens are tokens of slash commands an admin created by hand
	// (MATTERMOST_COMMAND_TOKENS, comma separated).
	CommandTokens []string
	// PublicURL is where Mattermost reaches Werkplek (WERKPLEK_PUBLIC_URL);
	// command, button and dialog URLs are built from it.
	PublicURL string
	// Secret signs button contexts and dialog states (WERKPLEK_SECRET).
	Secret []byte
	// Language is "nl" or "en" (WERKPLEK_LANGUAGE): the language of the
	// autocomplete hints and of the adapter's own few messages.
	Language string
	// Installation names this Mattermost server in Werkplek's state;
	// default the host of URL.
	Installation string
	// UsersPage is the page size of the user listing (directory sync);
	// default 200.
	UsersPage int

	// HTTPClient is used for the REST API and response URLs; default a client with a 30 s timeout.
	HTTPClient *http.Client
	// Now returns the current time; default time.Now.
	Now func() time.Time

	// CommandDeadline is how long a slash command waits for the core before
	// it answers "working on it" and sends the answer to the response URL
	// later; default 2.5 s (Mattermost gives up after 30 s by default, but a
	// person wants to see something at once).
	CommandDeadline time.Duration
	// ButtonLifetime is how long a button keeps working after it was
	// rendered; default 30 days.
	ButtonLifetime time.Duration
	// RetryAttempts bounds the attempts of one API call on 429 and 5xx; default 3.
	RetryAttempts int
	// RetryBase is the ceiling of the first backoff between attempts (full
	// jitter), doubled each time up to 5 minutes; default 1 s.
	RetryBase time.Duration
	// RetryMaxWait bounds the total time spent waiting between attempts; default 20 s,
	// so that retries stay inside Mattermost's 30 s pending_post_id window.
	RetryMaxWait time.Duration
	// Sleep waits between attempts and reconnects; tests replace it. Default
	// a timer that stops early when ctx is done.
	Sleep func(ctx context.Context, d time.Duration) error
	// Jitter draws a backoff wait in [0, ceiling]; tests pin it. Default random.
	Jitter func(ceiling time.Duration) time.Duration
	// ReconnectBase and ReconnectMax bound the websocket reconnect backoff;
	// default 1 s and 1 min.
	ReconnectBase time.Duration
	ReconnectMax  time.Duration
}

// Adapter is the Mattermost adapter. Build it with New.
type Adapter struct {
	cfg    Config
	core   intranet.Core
	state  intranet.StateStore
	locker intranet.Locker
	log    *slog.Logger
	api    *model.Client4 // nil without URL and bot token
	policy retry.Policy   // retries every REST call

	commandURL, actionURL, dialogURL string

	mu        sync.Mutex
	botID     string
	tokens    []string // registered command tokens, cached briefly
	tokensAt  time.Time
	users     map[string]cachedUser
	channels  map[string]cachedChannel // whether shared, briefly
	triggers  map[string]bool
	inflight  chan struct{} // bounds concurrent websocket handlers
	wg        sync.WaitGroup
	closeOnce sync.Once

	// departures is the core's, when it keeps them; token is what it was
	// last told of the bot token (token.go), guarded by mu.
	departures intranet.Departures
	token      tokenHealth
}

type cachedUser struct {
	user intranet.User
	at   time.Time
}

type cachedChannel struct {
	shared bool
	at     time.Time
}

// New checks the configuration and builds the adapter. The REST API, the
// websocket and the poster need URL and BotToken; the HTTP callbacks work
// without them (commands an admin registered by hand).
func New(cfg Config, core intranet.Core, state intranet.StateStore, locker intranet.Locker, log *slog.Logger) (*Adapter, error) {
	if core == nil || state == nil || locker == nil {
		return nil, errors.New("mattermost: core, state and locker are required")
	}
	if log == nil {
		log = slog.Default()
	}
	if len(cfg.Secret) == 0 {
		return nil, errors.New("mattermost: WERKPLEK_SECRET is required to sign button contexts")
	}
	if cfg.PublicURL == "" {
		return nil, errors.New("mattermost: WERKPLEK_PUBLIC_URL is required for command and button URLs")
	}
	pub, err := url.Parse(cfg.PublicURL)
	if err != nil || (pub.Scheme != "http" && pub.Scheme != "https") || pub.Host == "" {
		return nil, fmt.Errorf("mattermost: WERKPLEK_PUBLIC_URL %q is not an http(s) URL", cfg.PublicURL)
	}
	if (cfg.URL == "") != (cfg.BotToken == "") {
		return nil, errors.New("mattermost: MATTERMOST_URL and MATTERMOST_BOT_TOKEN go together")
	}
	if cfg.URL != "" {
		u, err := url.Parse(cfg.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("mattermost: MATTERMOST_URL %q is not an http(s) URL", cfg.URL)
		}
		if cfg.Installation == "" {
			cfg.Installation = u.Hostname()
		}
	}
	if cfg.Installation == "" {
		cfg.Installation = "mattermost"
	}
	if cfg.Language != "en" {
		cfg.Language = "nl"
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = outbound.Client(30 * time.Second)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.CommandDeadline <= 0 {
		cfg.CommandDeadline = 2500 * time.Millisecond
	}
	if cfg.ButtonLifetime <= 0 {
		cfg.ButtonLifetime = 30 * 24 * time.Hour
	}
	if cfg.RetryMaxWait <= 0 {
		cfg.RetryMaxWait = 20 * time.Second
	}
	if cfg.Sleep == nil {
		cfg.Sleep = background.Sleep
	}
	if cfg.ReconnectBase <= 0 {
		cfg.ReconnectBase = time.Second
	}
	if cfg.ReconnectMax <= 0 {
		cfg.ReconnectMax = time.Minute
	}
	base := pub.String()
	for len(base) > 0 && base[len(base)-1] == '/' {
		base = base[:len(base)-1]
	}
	log = log.With("platform", "mattermost")
	a := &Adapter{
		cfg: cfg, core: core, state: state, locker: locker, log: log,
		policy: retry.Policy{
			Attempts: cfg.RetryAttempts, Base: cfg.RetryBase, MaxWait: cfg.RetryMaxWait,
			Now: cfg.Now, Sleep: cfg.Sleep, Jitter: cfg.Jitter, Log: log,
		},
		commandURL: base + CommandPath, actionURL: base + ActionsPath, dialogURL: base + DialogsPath,
		users:    map[string]cachedUser{},
		channels: map[string]cachedChannel{},
		triggers: map[string]bool{},
		inflight: make(chan struct{}, 8),
	}
	for _, c := range core.Commands() {
		for _, n := range c.Names() {
			a.triggers[n] = true
		}
	}
	if d, ok := core.(intranet.Departures); ok {
		a.departures = d
	}
	if cfg.URL != "" {
		a.api = model.NewAPIv4Client(cfg.URL)
		a.api.HTTPClient = cfg.HTTPClient
		a.api.SetToken(cfg.BotToken)
	}
	return a, nil
}

// Routes registers the three callbacks Mattermost calls.
func (a *Adapter) Routes(mux *http.ServeMux) {
	mux.HandleFunc("POST "+CommandPath, a.handleCommand)
	mux.HandleFunc("GET "+CommandPath, a.handleCommand)
	mux.HandleFunc("POST "+ActionsPath, a.handleAction)
	mux.HandleFunc("POST "+DialogsPath, a.handleDialog)
}

// Run registers the slash commands and listens on the bot's websocket for
// direct messages until ctx is done. It returns at once without URL and bot
// token, and nil when ctx is done.
func (a *Adapter) Run(ctx context.Context) error {
	if a.api == nil {
		return nil
	}
	a.wg.Add(1)
	go func() {
		defer a.wg.Done()
		a.registerWithRetry(ctx)
	}()
	a.listen(ctx)
	a.wg.Wait()
	return nil
}

// renderOptions are the options every rendering of this adapter uses.
func (a *Adapter) renderOptions() RenderOptions {
	return RenderOptions{ActionURL: a.actionURL, Secret: a.cfg.Secret, Expires: a.cfg.Now().Add(a.cfg.ButtonLifetime)}
}

// logFailure logs the error Handle returned, with the reference the person saw.
func (a *Adapter) logFailure(err error, op string) {
	if err == nil {
		return
	}
	var f *intranet.Failure
	ref := ""
	if errors.As(err, &f) {
		ref = f.Ref
	}
	a.log.Error("core failed", "op", op, "ref", ref, "err", err)
}

// text returns the adapter's own message in the configured language.
func (a *Adapter) text(nl, en string) string {
	if a.cfg.Language == "en" {
		return en
	}
	return nl
}
