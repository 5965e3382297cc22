package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/werkplek/werkplek/adapters/mattermost"
	"github.com/werkplek/werkplek/adapters/slack"
	"github.com/werkplek/werkplek/adapters/teams"
	"github.com/werkplek/werkplek/adapters/web"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/jobs"
)

// serve runs `werkplek serve`: one HTTP listener with the endpoints of every
// configured platform, health, readiness and metrics; it stops gracefully on
// SIGTERM, finishing requests in flight.
func (m *Main) serve(ctx context.Context, args []string) error {
	fs := m.flags("serve", "werkplek serve\n\nServes the HTTP endpoints of every configured platform (see the environment variables in\n`werkplek help`), /healthz, /readyz and /metrics on WERKPLEK_LISTEN, until SIGTERM or Ctrl-C.")
	if err := fs.Parse(args); err != nil {
		return err
	}
	applyMemoryLimit(m.Config.MemoryLimit, m.Getenv("GOMEMLIMIT"))
	metrics := newMetrics()
	m.observe = metrics.observeJob
	if err := m.open(ctx); err != nil {
		return err
	}
	mux := http.NewServeMux()
	core := &instrumentedCore{Core: m.Router, metrics: metrics}
	platforms, err := m.wireAdapters(ctx, mux, core)
	if err != nil {
		return err
	}
	if err := m.scheduleDirectorySync(ctx, time.Now()); err != nil {
		return err
	}
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	ready := &readiness{store: m.Store, metrics: metrics, log: m.Log}
	mux.Handle("GET /readyz", ready)
	mux.Handle("GET /metrics", metrics.handler())
	m.roomFeeds(mux)
	if err := m.mountAPI(mux); err != nil {
		return err
	}
	if err := m.mountWeb(ctx, mux, core); err != nil {
		return err
	}
	if err := m.mountSCIM(mux); err != nil {
		return err
	}

	ln, err := net.Listen("tcp", m.Config.Listen)
	if err != nil {
		return &exitError{code: 1, msg: fmt.Sprintf("werkplek serve: cannot listen on %s: %v", m.Config.Listen, err)}
	}
	srv := &http.Server{
		Handler:           metrics.middleware(mux),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	stopJobs, err := m.startServeJobs(ctx)
	if err != nil {
		ln.Close()
		return err
	}
	defer stopJobs()
	stopUsage := m.countUsage(ctx)
	defer stopUsage()
	m.Addr = ln.Addr().String()
	m.Log.Info("werkplek serving", "addr", m.Addr, "version", Version, "database", string(m.Store.Engine()), "platforms", platforms)
	close(m.Ready)

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	// Live at once (/healthz), ready once warm (/readyz).
	m.background.Add(1)
	go func() {
		defer m.background.Done()
		ready.warm(ctx)
	}()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	m.Log.Info("werkplek stopping: finishing requests in flight")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shut down: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	stopJobs()
	stopUsage()
	m.background.Wait()
	for _, closeFn := range m.closers {
		if err := closeFn(); err != nil {
			m.Log.Warn("adapter close", "err", err)
		}
	}
	m.Log.Info("werkplek stopped")
	return nil
}

// platformAdapter is what every chat adapter offers the server.
type platformAdapter interface {
	intranet.Poster
	Routes(mux *http.ServeMux)
	Run(ctx context.Context) error
}

// wireAdapters builds every configured platform's adapter, mounts its
// routes, registers it as poster (and directory) and starts its background
// work; it returns the platforms that are on.
func (m *Main) wireAdapters(ctx context.Context, mux *http.ServeMux, core intranet.Core) ([]string, error) {
	adapters := map[intranet.Platform]platformAdapter{}
	c := m.Config
	if c.SlackOn() {
		a, err := slack.New(slack.Config{
			SigningSecret: c.SlackSigningSecret, BotToken: c.SlackBotToken, AppToken: c.SlackAppToken,
			APIURL: c.SlackAPIURL, PublicURL: c.PublicURL, MessageRate: c.SlackMessageRate, MaxRetryWait: m.retryWait(),
		}, core, m.Store, m.Log.With("platform", "slack"))
		if err != nil {
			return nil, fmt.Errorf("slack: %w", err)
		}
		adapters[intranet.PlatformSlack] = a
		m.closers = append(m.closers, a.Close)
	}
	if c.MattermostOn() {
		a, err := mattermost.New(mattermost.Config{
			URL: c.MattermostURL, BotToken: c.MattermostBotToken, CommandTokens: c.MattermostCommandTokens,
			PublicURL: c.PublicURL, Secret: []byte(c.Secret), Language: c.Language,
		}, core, m.Store, m.Store, m.Log.With("platform", "mattermost"))
		if err != nil {
			return nil, fmt.Errorf("mattermost: %w", err)
		}
		adapters[intranet.PlatformMattermost] = a
	}
	if c.TeamsOn() {
		a, err := teams.New(teams.Config{
			AppID: c.TeamsAppID, AppPassword: c.TeamsAppPassword, TenantID: c.TeamsTenantID,
			OpenIDMetadataURL: c.TeamsOpenIDMetadataURL, TokenURL: c.TeamsTokenURL, AuthOff: c.TeamsAuth == "off",
		}, core, m.Store, m.Log.With("platform", "teams"))
		if err != nil {
			return nil, fmt.Errorf("teams: %w", err)
		}
		adapters[intranet.PlatformTeams] = a
	}
	var on []string
	for _, p := range []intranet.Platform{intranet.PlatformSlack, intranet.PlatformMattermost, intranet.PlatformTeams} {
		a := adapters[p]
		if a == nil {
			continue
		}
		on = append(on, string(p))
		a.Routes(mux)
		dir, _ := a.(intranet.Directory)
		m.Platforms.add(p, a, dir)
		m.background.Add(1)
		go func() {
			defer m.background.Done()
			if err := a.Run(ctx); err != nil {
				m.Log.Error("adapter stopped", "platform", string(p), "err", err)
			}
		}()
	}
	return on, nil
}

// mountWeb serves the web front door under /web/ over the same core as
// the chats (with the usage counted the same way).
func (m *Main) mountWeb(ctx context.Context, mux *http.ServeMux, core intranet.Core) error {
	c := m.Config
	a, err := web.New(ctx, web.Config{PublicURL: c.PublicURL, Language: c.Language,
		OIDC: web.OIDCConfig{Issuer: c.OIDCIssuer, ClientID: c.OIDCClientID, ClientSecret: c.OIDCClientSecret}},
		core, m.Store, m.Store, m.Log.With("platform", "web"))
	if err != nil {
		return &exitError{code: 1, msg: "werkplek: web: " + err.Error()}
	}
	a.Routes(mux)
	return nil
}

// retryWait bounds the waiting for 429s and 5xx inside one delivery (the
// adapters' MaxRetryWait): half the job timeout, at most 30 s, so that a
// delivery job ends, and hands a longer wait back to the outbox, before
// its timeout cancels it.
func (m *Main) retryWait() time.Duration {
	t := m.Config.JobTimeout
	if t <= 0 {
		t = jobs.DefaultJobTimeout
	}
	return min(t/2, 30*time.Second)
}
