package web

import (
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
)

// cookieName is the session cookie; it is only sent to /web/.
const cookieName = "werkplek_session"

// nextCookie keeps the page someone wanted while they sign in (with a
// link from the chat or with their organisation), for ten minutes.
const (
	nextCookie    = "werkplek_next"
	nextCookieTTL = 10 * time.Minute
)

// maxBody is the most a form may send (the people file included);
// maxSignInBody the most the sign-in form may.
const (
	maxBody       = 8 << 20
	maxSignInBody = 4 << 10
)

// visit is one request of a signed-in person.
type visit struct {
	session *intranet.WebSession
	person  *intranet.Person
	lang    string
}

func (v *visit) t(nl, en string) string {
	if v.lang == "en" {
		return en
	}
	return nl
}

func (v *visit) csrf() string {
	if v.session == nil {
		return ""
	}
	return v.session.CSRF
}

// has reports whether the person holds one of the roles; it only decides
// which links the menu shows, the core decides what a page shows.
func (v *visit) has(roles ...intranet.Role) bool {
	for _, r := range roles {
		if v.person.Has(r) {
			return true
		}
	}
	return false
}

// language is the language of the pages: the person's choice, else the
// browser's first language when it is Dutch, else the installation's (the
// core's rule for chat, with the browser as the chat client, so that the
// pages speak as the core's replies on them). Before signing in nobody's
// choice is known, and an English browser gets English.
func (a *Adapter) language(p *intranet.Person, r *http.Request) string {
	if p != nil && p.Language != "" {
		return p.Language
	}
	if intranet.IsDutch(browserLocale(r)) {
		return "nl"
	}
	if l := strings.ToLower(browserLocale(r)); p == nil && (l == "en" || strings.HasPrefix(l, "en-")) {
		return "en"
	}
	return a.cfg.Language
}

// browserLocale is the first language of Accept-Language.
func browserLocale(r *http.Request) string {
	first, _, _ := strings.Cut(r.Header.Get("Accept-Language"), ",")
	first, _, _ = strings.Cut(first, ";")
	return strings.TrimSpace(first)
}

// signedIn runs fn for a person with a live session; others are sent to
// the sign-in page. Unsafe methods must come from our own pages (the
// browser's Sec-Fetch-Site and Origin) and carry the session's CSRF token.
func (a *Adapter) signedIn(fn func(http.ResponseWriter, *http.Request, *visit)) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		v, err := a.session(w, r)
		if err != nil {
			// The database did not answer: no reason to sign anyone out.
			a.failure(w, r, &visit{lang: a.language(nil, r)}, err)
			return
		}
		if v == nil {
			if r.Method == http.MethodGet || r.Method == http.MethodHead {
				http.Redirect(w, r, "/web/signin?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
				return
			}
			a.problem(w, r, &visit{lang: a.language(nil, r)}, http.StatusForbidden,
				"Je bent niet (meer) aangemeld. Meld je opnieuw aan.", "You are not signed in (any more). Please sign in again.")
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			if err := a.crossOrigin.Check(r); err != nil {
				a.problem(w, r, v, http.StatusForbidden, "Dit verzoek kwam niet van Werkplek zelf.", "This request did not come from Werkplek itself.")
				return
			}
			r.Body = http.MaxBytesReader(w, r.Body, maxBody)
			token := r.Header.Get("X-CSRF-Token")
			if token == "" {
				var tooLarge *http.MaxBytesError
				if err := parseForm(r); errors.As(err, &tooLarge) {
					a.problem(w, r, v, http.StatusRequestEntityTooLarge,
						"Dat is te veel in één keer: hoogstens 8 MB. Kies een kleiner bestand.",
						"That is too much at once: at most 8 MB. Choose a smaller file.")
					return
				}
				token = r.FormValue("csrf")
			}
			if subtle.ConstantTimeCompare([]byte(token), []byte(v.session.CSRF)) != 1 || token == "" {
				a.problem(w, r, v, http.StatusForbidden,
					"Dit formulier is verlopen of kwam niet van deze pagina. Laad de pagina opnieuw en probeer het nog eens.",
					"This form has expired or did not come from this page. Reload the page and try again.")
				return
			}
		}
		fn(w, r, v)
	}
}

// parseForm reads a posted form, a file upload or not, so that its
// errors (a body over the limit) are seen rather than dropped by
// FormValue.
func parseForm(r *http.Request) error {
	err := r.ParseMultipartForm(maxBody)
	if errors.Is(err, http.ErrNotMultipart) {
		return r.ParseForm()
	}
	return err
}

// session finds the signed-in person of the request: nil when there is
// none (no cookie, a session that ended, a person no longer in the
// phonebook; the cookie is then cleared), an error when the database did
// not answer.
func (a *Adapter) session(w http.ResponseWriter, r *http.Request) (*visit, error) {
	c, err := r.Cookie(cookieName)
	if err != nil || c.Value == "" {
		return nil, nil
	}
	s, err := a.web.FindWebSession(r.Context(), intranet.HashSecret(c.Value), a.cfg.Now())
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		a.clearCookie(w)
		return nil, nil
	} else if err != nil {
		return nil, fmt.Errorf("find web session: %w", err)
	}
	p, err := a.people.FindPersonByID(r.Context(), s.PersonID)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND || err == nil && p.Inactive {
		// Gone from the phonebook, or left: the session ends with them.
		if err := a.web.DeleteWebSession(r.Context(), s.Hash); err != nil {
			return nil, fmt.Errorf("end the session of person %d: %w", s.PersonID, err)
		}
		a.clearCookie(w)
		return nil, nil
	} else if err != nil {
		return nil, fmt.Errorf("find person %d of a web session: %w", s.PersonID, err)
	}
	return &visit{session: s, person: p, lang: a.language(p, r)}, nil
}

// platformGuest reports whether any of the person's chat accounts is a
// guest account (a Slack restricted user, a Mattermost or Teams guest);
// the web's own account only echoes what this said at its first request.
// The web has no platform of its own to say so, and someone who is a
// guest in the chat must not be more on the web.
func platformGuest(p *intranet.Person) bool {
	for _, acct := range p.Accounts {
		if acct.Guest && acct.Platform != intranet.PlatformWeb {
			return true
		}
	}
	return false
}

// startSession signs the person in: a new session in the database and its
// secret in the cookie. A session asked for from Teams also works inside
// Teams' frame (SameSite=None, which browsers only take with Secure). A
// session the browser had (perhaps of someone else) ends: one browser,
// one person.
func (a *Adapter) startSession(w http.ResponseWriter, r *http.Request, personID int64, framed bool) error {
	if old, err := r.Cookie(cookieName); err == nil && old.Value != "" {
		if err := a.web.DeleteWebSession(r.Context(), intranet.HashSecret(old.Value)); err != nil {
			return fmt.Errorf("end the browser's earlier session: %w", err)
		}
	}
	raw, rawHash := intranet.NewSecret()
	csrf, _ := intranet.NewSecret()
	now := a.cfg.Now()
	framed = framed && a.secure
	s := intranet.WebSession{Hash: rawHash, PersonID: personID, CSRF: csrf, Created: now, LastSeen: now, Framed: framed}
	if err := a.web.CreateWebSession(r.Context(), s); err != nil {
		return err
	}
	same := http.SameSiteLaxMode
	if framed {
		same = http.SameSiteNoneMode
	}
	http.SetCookie(w, &http.Cookie{Name: cookieName, Value: raw, Path: "/web/", HttpOnly: true, Secure: a.secure, SameSite: same})
	return nil
}

// clearCookie ends the session cookie. Over https it says SameSite=None,
// so that a browser also takes it inside Teams' frame, where a Lax one is
// refused and a framed session's cookie would stay.
func (a *Adapter) clearCookie(w http.ResponseWriter) {
	same := http.SameSiteLaxMode
	if a.secure {
		same = http.SameSiteNoneMode
	}
	http.SetCookie(w, &http.Cookie{Name: cookieName, Value: "", Path: "/web/", MaxAge: -1, HttpOnly: true, Secure: a.secure, SameSite: same})
}

// localPage returns a page of the front door to go to after signing in,
// or false for anything else (another site, a sign-in page).
func localPage(s string) (string, bool) {
	if !strings.HasPrefix(s, "/web/") || strings.HasPrefix(s, "/web/signin") || strings.HasPrefix(s, "/web/oidc/") || strings.HasPrefix(s, "/web/static/") {
		return "", false
	}
	for _, c := range []byte(s) {
		if c < 0x21 || c == 0x7f || c == '\\' {
			return "", false
		}
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || !strings.HasPrefix(u.Path, "/web/") {
		return "", false
	}
	return s, true
}

// keepNext remembers the page asked for while signing in.
func (a *Adapter) keepNext(w http.ResponseWriter, r *http.Request) {
	if next, ok := localPage(r.URL.Query().Get("next")); ok {
		http.SetCookie(w, &http.Cookie{Name: nextCookie, Value: base64.RawURLEncoding.EncodeToString([]byte(next)), Path: "/web/",
			MaxAge: int(nextCookieTTL / time.Second), HttpOnly: true, Secure: a.secure, SameSite: http.SameSiteLaxMode})
	}
}

// signedInTo sends who just signed in to the page they asked for, or home.
func (a *Adapter) signedInTo(w http.ResponseWriter, r *http.Request) {
	to := "/web/"
	if c, err := r.Cookie(nextCookie); err == nil {
		http.SetCookie(w, &http.Cookie{Name: nextCookie, Path: "/web/", MaxAge: -1, HttpOnly: true, Secure: a.secure, SameSite: http.SameSiteLaxMode})
		if raw, err := base64.RawURLEncoding.DecodeString(c.Value); err == nil {
			if next, ok := localPage(string(raw)); ok {
				to = next
			}
		}
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// signInHelp tells who is not signed in how to sign in.
func (a *Adapter) signInHelp(w http.ResponseWriter, r *http.Request) {
	v := &visit{lang: a.language(nil, r)}
	a.keepNext(w, r)
	h := &html{v: v}
	h.f("<p>%s</p>", md(v.t("Typ `/werkplek web` in de chat (Slack, Teams of Mattermost). Werkplek stuurt je dan een privébericht met een link die je hier aanmeldt; hij werkt één keer, 10 minuten lang.",
		"Type `/werkplek web` in the chat (Slack, Teams or Mattermost). Werkplek sends you a direct message with a link that signs you in here; it works once, for 10 minutes.")))
	if a.oidc != nil {
		h.f(`<p><a class="button primary" href="/web/oidc/login">%s</a></p>`, esc(v.t("Aanmelden met je organisatieaccount", "Sign in with your organisation account")))
	}
	// Inside Teams' tab a link from the chat opens in the browser, not in
	// the tab: pasting it here signs the tab in.
	h.raw(`<form method="post" action="/web/signin" class="paste">`)
	h.f(`<div class="field"><label for="token">%s</label><input type="text" id="token" name="token" autocomplete="off" required></div>`,
		esc(v.t("Of plak de link hier (bijvoorbeeld in de tab in Teams)", "Or paste the link here (in the tab in Teams, say)")))
	h.f(`<div class="buttons"><button type="submit">%s</button></div></form>`, esc(v.t("Aanmelden", "Sign in")))
	a.render(w, r, v, http.StatusOK, v.t("Aanmelden", "Sign in"), h.String())
}

// linkToken is the secret of a sign-in link, given as the secret itself
// or as the whole link someone pasted.
func linkToken(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndex(s, "/web/signin/"); i >= 0 {
		s = s[i+len("/web/signin/"):]
	}
	s, _, _ = strings.Cut(s, "?")
	return strings.TrimRight(s, "/ ")
}

// signInPage shows the link's sign-in button. The link itself changes
// nothing: chat apps open links to preview them, which must not use up a
// one-time link, so signing in takes a press (a POST).
func (a *Adapter) signInPage(w http.ResponseWriter, r *http.Request) {
	v := &visit{lang: a.language(nil, r)}
	h := &html{v: v}
	h.f("<p>%s</p>", esc(v.t("Druk op de knop om je aan te melden bij Werkplek.", "Press the button to sign in to Werkplek.")))
	h.raw(`<form method="post" action="/web/signin">`)
	h.hidden("token", r.PathValue("token"))
	h.f(`<div class="buttons"><button type="submit" class="primary">%s</button></div></form>`, esc(v.t("Aanmelden", "Sign in")))
	a.render(w, r, v, http.StatusOK, v.t("Aanmelden", "Sign in"), h.String())
}

// signIn uses a one-time link and opens a session for its person.
func (a *Adapter) signIn(w http.ResponseWriter, r *http.Request) {
	v := &visit{lang: a.language(nil, r)}
	if err := a.crossOrigin.Check(r); err != nil {
		a.problem(w, r, v, http.StatusForbidden, "Dit verzoek kwam niet van Werkplek zelf.", "This request did not come from Werkplek itself.")
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxSignInBody)
	link, err := a.web.UseSignIn(r.Context(), intranet.HashSecret(linkToken(r.FormValue("token"))), a.cfg.Now())
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		a.problem(w, r, v, http.StatusGone,
			"Deze aanmeldlink is al gebruikt of verlopen. Typ `/werkplek web` in de chat voor een nieuwe.",
			"This sign-in link was used already or has expired. Type `/werkplek web` in the chat for a new one.")
		return
	} else if err != nil {
		a.failure(w, r, v, err)
		return
	}
	if err := a.startSession(w, r, link.PersonID, link.Platform == intranet.PlatformTeams); err != nil {
		a.failure(w, r, v, err)
		return
	}
	a.signedInTo(w, r)
}

// signOutRoute signs out: with a session, as any action (its CSRF token);
// without one (it ended meanwhile, in another tab or by idling) there is
// nothing to end, and the browser goes to the sign-in page all the same.
func (a *Adapter) signOutRoute(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(cookieName); err == nil && c.Value != "" {
		if _, err := a.web.FindWebSession(r.Context(), intranet.HashSecret(c.Value), a.cfg.Now()); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			a.signedIn(a.signOut)(w, r)
			return
		}
	}
	a.clearCookie(w)
	http.Redirect(w, r, "/web/signin", http.StatusSeeOther)
}

// signOut ends the session.
func (a *Adapter) signOut(w http.ResponseWriter, r *http.Request, v *visit) {
	if err := a.web.DeleteWebSession(r.Context(), v.session.Hash); err != nil {
		a.failure(w, r, v, err)
		return
	}
	a.clearCookie(w)
	http.Redirect(w, r, "/web/signin", http.StatusSeeOther)
}

// oidcStart sends the browser to the organisation's provider.
func (a *Adapter) oidcStart(w http.ResponseWriter, r *http.Request) {
	if a.oidc == nil {
		http.NotFound(w, r)
		return
	}
	a.oidc.start(w, r)
}

// oidcCallback signs in who the provider vouched for, when the phonebook
// knows them.
func (a *Adapter) oidcCallback(w http.ResponseWriter, r *http.Request) {
	v := &visit{lang: a.language(nil, r)}
	if a.oidc == nil {
		http.NotFound(w, r)
		return
	}
	p, err := a.oidc.callback(w, r)
	var refused *OIDCError
	if errors.As(err, &refused) {
		a.log.Info("oidc sign-in refused", "refusal", string(refused.Refusal), "err", refused.Cause)
		nl, en := oidcRefusal(refused, strings.TrimRight(a.cfg.PublicURL, "/")+"/web/oidc/login")
		a.problem(w, r, v, http.StatusForbidden, nl, en)
		return
	} else if err != nil {
		a.failure(w, r, v, err)
		return
	}
	if err := a.startSession(w, r, p.ID, false); err != nil {
		a.failure(w, r, v, err)
		return
	}
	a.signedInTo(w, r)
}

// oidcRefusal says why the provider's answer signs nobody in, and what to
// do instead.
func oidcRefusal(e *OIDCError, again string) (nl, en string) {
	email := intranet.Plain(e.Email)
	switch e.Refusal {
	case OIDCNotInPhonebook:
		return email + " staat niet in het telefoonboek van Werkplek. Vraag je beheerder je toe te voegen.",
			email + " is not in Werkplek's phonebook. Ask your admin to add you."
	case OIDCNoEmail:
		return "Je account heeft geen bevestigd e-mailadres, dus Werkplek weet niet wie je bent. Meld je aan met `/werkplek web` in de chat.",
			"Your account has no verified email address, so Werkplek cannot tell who you are. Sign in with `/werkplek web` in the chat."
	case OIDCLinkedElsewhere:
		return "Bij " + email + " hoort al een ander account van je organisatie. Vraag je beheerder om hulp.",
			email + " is already linked to another account of your organisation. Ask your admin for help."
	case OIDCExpired:
		return "Het aanmelden duurde te lang of begon niet hier. [Probeer het opnieuw](" + again + ").",
			"Signing in took too long or did not start here. [Try again](" + again + ")."
	}
	return "Je organisatie meldde je niet aan. [Probeer het opnieuw](" + again + ") of meld je aan met `/werkplek web` in de chat.",
		"Your organisation did not sign you in. [Try again](" + again + ") or sign in with `/werkplek web` in the chat."
}

// userID is the person's account id on the web platform.
func userID(p *intranet.Person) string { return "p" + strconv.FormatInt(p.ID, 10) }
