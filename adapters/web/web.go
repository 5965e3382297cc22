// The web front door follows the OWASP session and CSRF cheat sheets:
// https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html
// https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html

package web

import (
	"context"
	"embed"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
)

//go:embed static templates
var assets embed.FS

// Config is what the web front door needs, handed over by bot.
type Config struct {
	// PublicURL is WERKPLEK_PUBLIC_URL; an https address makes the cookies
	// Secure, and lets sessions opened from Teams work in its frame.
	PublicURL string
	// Language is WERKPLEK_LANGUAGE, for people who chose none.
	Language string
	// OIDC is the organisation's OpenID Connect provider; off without an
	// issuer.
	OIDC OIDCConfig
	Now  func() time.Time
}

// Adapter serves the web front door under /web/. Every page asks the core
// the same commands a person types in chat, as that person, so that the
// core's authorisation is the only one; the adapter only knows who is
// signed in.
type Adapter struct {
	cfg    Config
	core   intranet.Core
	web    intranet.WebService
	people intranet.PersonService
	log    *slog.Logger
	oidc   *oidcLogin
	pages  *template.Template
	// secure is true when the public URL is https.
	secure bool
	// crossOrigin refuses unsafe requests a browser says came from another
	// site, before the CSRF token is even looked at.
	crossOrigin *http.CrossOriginProtection
	// backPages draws the page an action came from under its result.
	backPages *http.ServeMux
}

// New builds the front door. With an OIDC issuer it discovers the provider
// now, so that a wrong issuer fails at start-up rather than at sign-in.
func New(ctx context.Context, cfg Config, core intranet.Core, web intranet.WebService, people intranet.PersonService, log *slog.Logger) (*Adapter, error) {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Language == "" {
		cfg.Language = "nl"
	}
	pub, err := url.Parse(cfg.PublicURL)
	if err != nil {
		return nil, fmt.Errorf("public url: %w", err)
	}
	a := &Adapter{cfg: cfg, core: core, web: web, people: people, log: log,
		secure: pub.Scheme == "https", crossOrigin: http.NewCrossOriginProtection()}
	if pub.Scheme != "" && pub.Host != "" {
		// Behind a proxy the Host the server sees may not be the public
		// one; a browser that sends only Origin names the public one.
		// Browsers write the host in lower case.
		if err := a.crossOrigin.AddTrustedOrigin(pub.Scheme + "://" + strings.ToLower(pub.Host)); err != nil {
			return nil, fmt.Errorf("public url: %w", err)
		}
	}
	a.backPages = http.NewServeMux()
	for _, p := range a.pageRoutes() {
		a.backPages.HandleFunc(p.pattern, a.under(p.fn))
	}
	if a.pages, err = parsePages(); err != nil {
		return nil, err
	}
	if cfg.OIDC.Issuer != "" {
		if cfg.PublicURL == "" {
			return nil, fmt.Errorf("oidc: WERKPLEK_PUBLIC_URL is needed for the sign-in callback")
		}
		redirect := strings.TrimRight(cfg.PublicURL, "/") + "/web/oidc/callback"
		if a.oidc, err = newOIDCLogin(ctx, cfg.OIDC, redirect, web, people, a.secure); err != nil {
			return nil, err
		}
	}
	return a, nil
}

// Routes mounts the front door's pages and actions.
func (a *Adapter) Routes(mux *http.ServeMux) {
	h := func(pattern string, fn func(http.ResponseWriter, *http.Request)) {
		mux.Handle(pattern, a.headers(http.HandlerFunc(fn)))
	}
	// Pages for who is signed in.
	for _, p := range a.pageRoutes() {
		h(p.pattern, a.signedIn(p.fn))
	}
	h("GET /web/news/{id}/stats.csv", a.signedIn(a.newsStatsCSV))
	h("POST /web/admin/people", a.signedIn(a.peopleCheck))
	h("POST /web/admin/people/directory", a.signedIn(a.peopleDirectory))
	// Actions: a button's command, its confirmation, a form, a preview.
	h("POST /web/do", a.signedIn(a.do))
	h("POST /web/confirm", a.signedIn(a.confirm))
	h("POST /web/form", a.signedIn(a.form))
	h("POST /web/preview", a.signedIn(a.preview))
	h("POST /web/signout", a.signOutRoute)
	// Signing in.
	h("GET /web/signin", a.signInHelp)
	h("GET /web/signin/{token}", a.signInPage)
	h("POST /web/signin", a.signIn)
	h("GET /web/oidc/login", a.oidcStart)
	h("GET /web/oidc/callback", a.oidcCallback)
	mux.Handle("GET /web/static/", a.headers(http.StripPrefix("/web/", http.FileServerFS(assets))))
}

// frameAncestors are the hosts that may show the pages in a frame: Teams'
// web, desktop and mobile clients (the personal tab), and the page itself.
const frameAncestors = "'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.teams.cloud.microsoft https://*.office.com https://*.microsoft365.com"

// headers sets the security headers of every response: a policy that
// runs no inline script, frames only inside Teams, and keeps pages (and the
// sign-in secret in a link's path) out of caches and referrers.
func (a *Adapter) headers(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "+
			"form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors "+frameAncestors)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		if a.secure {
			// The public address is https: the browser keeps to it.
			h.Set("Strict-Transport-Security", "max-age=31536000")
		}
		if !strings.HasPrefix(r.URL.Path, "/web/static/") {
			h.Set("Cache-Control", "no-store")
		}
		next.ServeHTTP(w, r)
	})
}
