package web

// OpenID Connect sign-in: the authorization code flow with PKCE and a nonce,
// following https://openid.net/specs/openid-connect-core-1_0.html#CodeFlowAuth
// and, for Microsoft Entra ID, the claims of
// https://learn.microsoft.com/en-us/entra/identity-platform/id-token-claims-reference

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"github.com/werkplek/werkplek/intranet"
)

// OIDCConfig is the OpenID Connect provider the web front door signs in
// with, registered there as a web application.
type OIDCConfig struct {
	// Issuer is the provider's issuer URL, for Entra ID
	// https://login.microsoftonline.com/<tenant id>/v2.0.
	Issuer       string
	ClientID     string
	ClientSecret string
}

// oidcMultiTenant are Entra's issuers that let any organisation's (or any
// personal) Microsoft account sign in.
var oidcMultiTenant = map[string]bool{"common": true, "organizations": true, "consumers": true}

const entraHost = "login.microsoftonline.com"

// Validate refuses a configuration that would let strangers in: a
// multi-tenant Entra issuer, or an issuer without https (loopback hosts
// excepted, for tests and a provider on the same machine). Returns
// EINVALID with a message for the operator.
func (c OIDCConfig) Validate() error {
	if c.Issuer == "" {
		return intranet.Errorf(intranet.EINVALID, "OpenID Connect: the issuer is not set")
	}
	if c.ClientID == "" {
		return intranet.Errorf(intranet.EINVALID, "OpenID Connect: the client id is not set")
	}
	u, err := url.Parse(c.Issuer)
	if err != nil || u.Host == "" {
		return intranet.Errorf(intranet.EINVALID, "OpenID Connect: the issuer %q is not a URL", c.Issuer)
	}
	if u.Scheme != "https" && !(u.Scheme == "http" && oidcLoopback(u.Hostname())) {
		return intranet.Errorf(intranet.EINVALID, "OpenID Connect: the issuer %q must use https", c.Issuer)
	}
	if strings.EqualFold(u.Hostname(), entraHost) {
		tenant, _, _ := strings.Cut(strings.TrimPrefix(u.Path, "/"), "/")
		if oidcMultiTenant[strings.ToLower(tenant)] {
			return intranet.Errorf(intranet.EINVALID,
				"OpenID Connect: the issuer %q is multi-tenant, so any Microsoft account could sign in; use your own tenant's issuer, https://%s/<tenant id>/v2.0",
				c.Issuer, entraHost)
		}
	}
	return nil
}

func oidcLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// entraIssuerPattern is a single tenant's Entra ID v2.0 issuer, the
// form its ID tokens carry (the tenant's id).
var entraIssuerPattern = regexp.MustCompile(`^https://login\.microsoftonline\.com/([^/]+)/v2\.0/?$`)

// entraIssuer reports whether issuer is one Entra tenant's, whose
// preferred_username is the account name the tenant issued.
func entraIssuer(issuer string) bool {
	m := entraIssuerPattern.FindStringSubmatch(issuer)
	return m != nil && !oidcMultiTenant[strings.ToLower(m[1])]
}

// OIDCRefusal is why the callback refused a sign-in. The handler switches
// on it to say so in the person's language.
type OIDCRefusal string

const (
	// OIDCExpired: no sign-in was started in this browser, it was started
	// more than ten minutes ago, or the answer's state does not match (an
	// answer meant for another sign-in). Code EUNAUTHORIZED; sign in again.
	OIDCExpired OIDCRefusal = "expired"
	// OIDCFailed: the provider refused (the person cancelled), refused to
	// exchange the code, or its ID token does not verify (signature,
	// audience, expiry, nonce). Code EUNAUTHORIZED.
	OIDCFailed OIDCRefusal = "failed"
	// OIDCNoEmail: the ID token carries no verified email address, so the
	// person cannot be found in the phonebook. Code EUNAUTHORIZED.
	OIDCNoEmail OIDCRefusal = "no_email"
	// OIDCNotInPhonebook: nobody in the phonebook has the verified email,
	// which OIDCError.Email names. Code ENOTFOUND.
	OIDCNotInPhonebook OIDCRefusal = "not_in_phonebook"
	// OIDCLinkedElsewhere: the person of that email already signs in with
	// another account of this provider, so this account may not take them
	// over. Code ECONFLICT.
	OIDCLinkedElsewhere OIDCRefusal = "linked_elsewhere"
)

// OIDCError is a refused sign-in. It unwraps to an *intranet.Error, so
// intranet.ErrorCode and ErrorMessage give its code and English message.
// Errors of the callback that are not an OIDCError (the provider or the
// store unreachable) are internal.
type OIDCError struct {
	Refusal OIDCRefusal
	// Email is the verified email that was looked up, for
	// OIDCNotInPhonebook and OIDCLinkedElsewhere.
	Email string
	// Err is the code and the English message.
	Err *intranet.Error
	// Cause is what went wrong underneath (the provider's answer, why the
	// token did not verify), for the log; nil when there is nothing more.
	Cause error
}

func (e *OIDCError) Error() string {
	if e.Cause != nil {
		return fmt.Sprintf("oidc sign-in refused (%s): %v: %v", e.Refusal, e.Err, e.Cause)
	}
	return fmt.Sprintf("oidc sign-in refused (%s): %v", e.Refusal, e.Err)
}

func (e *OIDCError) Unwrap() []error {
	if e.Cause == nil {
		return []error{e.Err}
	}
	return []error{e.Err, e.Cause}
}

func oidcRefuse(refusal OIDCRefusal, email string, cause error) *OIDCError {
	e := &OIDCError{Refusal: refusal, Email: email, Cause: cause}
	switch refusal {
	case OIDCExpired:
		e.Err = intranet.Errorf(intranet.EUNAUTHORIZED, "This sign-in has expired. Please sign in again.")
	case OIDCFailed:
		e.Err = intranet.Errorf(intranet.EUNAUTHORIZED, "The sign-in did not succeed. Please sign in again.")
	case OIDCNoEmail:
		e.Err = intranet.Errorf(intranet.EUNAUTHORIZED, "Your account has no verified email address, so we cannot tell who you are. Ask your administrator.")
	case OIDCNotInPhonebook:
		e.Err = intranet.Errorf(intranet.ENOTFOUND, "%s is not in the phonebook. Ask your administrator to add you.", email)
	case OIDCLinkedElsewhere:
		e.Err = intranet.Errorf(intranet.ECONFLICT, "%s already signs in with another account. Sign in with that account, or ask your administrator.", email)
	}
	return e
}

// oidcCookie holds a started sign-in's state, nonce and PKCE verifier
// until the provider sends the browser back.
const (
	oidcCookie    = "werkplek_oidc"
	oidcCookieTTL = 10 * time.Minute
)

// oidcLogin signs people in with one OpenID Connect provider and finds
// them in the phonebook.
type oidcLogin struct {
	oauth    oauth2.Config
	verifier *oidc.IDTokenVerifier
	web      intranet.WebService
	people   intranet.PersonService
	secure   bool
	// cookiePath is the callback's path, the only one the cookie goes to.
	cookiePath string
	// entra trusts preferred_username as an email when the token has no
	// verified one: an Entra tenant issues it.
	entra bool
}

// newOIDCLogin validates cfg and discovers the provider. redirectURL is
// the callback's full URL, as registered with the provider. secure marks
// the cookie Secure (the site is served over https).
func newOIDCLogin(ctx context.Context, cfg OIDCConfig, redirectURL string, web intranet.WebService, people intranet.PersonService, secure bool) (*oidcLogin, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	u, err := url.Parse(redirectURL)
	if err != nil || !u.IsAbs() {
		return nil, intranet.Errorf(intranet.EINVALID, "OpenID Connect: the redirect URL %q is not a full URL", redirectURL)
	}
	provider, err := oidc.NewProvider(ctx, cfg.Issuer)
	if err != nil {
		return nil, fmt.Errorf("discover oidc provider %s: %w", cfg.Issuer, err)
	}
	path := u.Path
	if path == "" {
		path = "/"
	}
	return &oidcLogin{
		oauth: oauth2.Config{
			ClientID:     cfg.ClientID,
			ClientSecret: cfg.ClientSecret,
			Endpoint:     provider.Endpoint(),
			RedirectURL:  redirectURL,
			Scopes:       []string{oidc.ScopeOpenID, "email", "profile"},
		},
		verifier:   provider.Verifier(&oidc.Config{ClientID: cfg.ClientID}),
		web:        web,
		people:     people,
		secure:     secure,
		cookiePath: path,
		entra:      entraIssuer(cfg.Issuer),
	}, nil
}

// start sends the browser to the provider. The state, nonce and PKCE
// verifier wait in a short-lived cookie that only the callback receives;
// SameSite=Lax lets it come along on the provider's redirect back.
func (o *oidcLogin) start(w http.ResponseWriter, r *http.Request) {
	state, nonce, verifier := rand.Text(), rand.Text(), oauth2.GenerateVerifier()
	http.SetCookie(w, &http.Cookie{
		Name:     oidcCookie,
		Value:    state + "." + nonce + "." + verifier,
		Path:     o.cookiePath,
		MaxAge:   int(oidcCookieTTL / time.Second),
		HttpOnly: true,
		Secure:   o.secure,
		SameSite: http.SameSiteLaxMode,
	})
	w.Header().Set("Cache-Control", "no-store")
	http.Redirect(w, r, o.oauth.AuthCodeURL(state, oidc.Nonce(nonce), oauth2.S256ChallengeOption(verifier)), http.StatusFound)
}

// oidcClaims are the ID token's claims that say who signed in.
type oidcClaims struct {
	Subject       string   `json:"sub"`
	OID           string   `json:"oid"`
	Email         string   `json:"email"`
	EmailVerified oidcBool `json:"email_verified"`
	// PreferredUsername is Entra's account name (an email address).
	PreferredUsername string `json:"preferred_username"`
	// IDP is set by Entra when another provider signed the person in (a
	// guest); it then equals the issuer only for the tenant's own members.
	IDP string `json:"idp"`
}

// oidcBool reads a boolean claim that some providers send as a string.
type oidcBool bool

func (b *oidcBool) UnmarshalJSON(data []byte) error {
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	switch v := v.(type) {
	case bool:
		*b = oidcBool(v)
	case string:
		*b = oidcBool(v == "true")
	default:
		*b = false
	}
	return nil
}

// callback finishes a sign-in: it checks the state, exchanges the code
// with the PKCE verifier, verifies the ID token (signature, issuer,
// audience, expiry, nonce) and finds the person. The cookie is cleared
// whatever happens, so an answer works once. A refusal is an *OIDCError.
func (o *oidcLogin) callback(w http.ResponseWriter, r *http.Request) (*intranet.Person, error) {
	c, cookieErr := r.Cookie(oidcCookie)
	http.SetCookie(w, &http.Cookie{
		Name: oidcCookie, Path: o.cookiePath, MaxAge: -1,
		HttpOnly: true, Secure: o.secure, SameSite: http.SameSiteLaxMode,
	})
	if cookieErr != nil {
		return nil, oidcRefuse(OIDCExpired, "", errors.New("no sign-in cookie"))
	}
	parts := strings.Split(c.Value, ".")
	if len(parts) != 3 || parts[0] == "" || parts[1] == "" || parts[2] == "" {
		return nil, oidcRefuse(OIDCExpired, "", errors.New("malformed sign-in cookie"))
	}
	state, nonce, verifier := parts[0], parts[1], parts[2]
	q := r.URL.Query()
	if subtle.ConstantTimeCompare([]byte(q.Get("state")), []byte(state)) != 1 {
		return nil, oidcRefuse(OIDCExpired, "", errors.New("state does not match"))
	}
	if e := q.Get("error"); e != "" {
		return nil, oidcRefuse(OIDCFailed, "", fmt.Errorf("provider: %s: %s", e, q.Get("error_description")))
	}
	code := q.Get("code")
	if code == "" {
		return nil, oidcRefuse(OIDCFailed, "", errors.New("no code"))
	}

	ctx := r.Context()
	token, err := o.oauth.Exchange(ctx, code, oauth2.VerifierOption(verifier))
	if err != nil {
		var re *oauth2.RetrieveError
		if errors.As(err, &re) {
			return nil, oidcRefuse(OIDCFailed, "", fmt.Errorf("exchange code: %w", err))
		}
		return nil, fmt.Errorf("exchange oidc code: %w", err)
	}
	raw, _ := token.Extra("id_token").(string)
	if raw == "" {
		return nil, oidcRefuse(OIDCFailed, "", errors.New("no id_token in the token response"))
	}
	idToken, err := o.verifier.Verify(ctx, raw)
	if err != nil {
		return nil, oidcRefuse(OIDCFailed, "", fmt.Errorf("verify id token: %w", err))
	}
	if subtle.ConstantTimeCompare([]byte(idToken.Nonce), []byte(nonce)) != 1 {
		return nil, oidcRefuse(OIDCFailed, "", errors.New("nonce does not match"))
	}
	var claims oidcClaims
	if err := idToken.Claims(&claims); err != nil {
		return nil, oidcRefuse(OIDCFailed, "", fmt.Errorf("read id token claims: %w", err))
	}
	return o.person(ctx, idToken.Issuer, claims)
}

// person finds who signed in. A subject linked before wins over the email,
// so that a changed email cannot take over another person; a new subject
// is found by its verified email and linked.
func (o *oidcLogin) person(ctx context.Context, issuer string, claims oidcClaims) (*intranet.Person, error) {
	subject := claims.OID // Entra's object id, the same for every app of the tenant
	if subject == "" {
		subject = claims.Subject
	}
	if subject == "" {
		return nil, oidcRefuse(OIDCFailed, "", errors.New("id token has no subject"))
	}
	id, err := o.web.FindWebIdentity(ctx, issuer, subject)
	switch {
	case err == nil:
		p, err := o.people.FindPersonByID(ctx, id.PersonID)
		if err != nil {
			return nil, fmt.Errorf("find person %d of oidc subject: %w", id.PersonID, err)
		} else if p.Inactive {
			return nil, oidcRefuse(OIDCNotInPhonebook, p.Email, nil)
		}
		return p, nil
	case intranet.ErrorCode(err) != intranet.ENOTFOUND:
		return nil, fmt.Errorf("find oidc identity: %w", err)
	}

	email := o.verifiedEmail(issuer, claims)
	if email == "" {
		return nil, oidcRefuse(OIDCNoEmail, "", nil)
	}
	p, err := o.people.FindPersonByEmail(ctx, email)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND || err == nil && p.Inactive {
		return nil, oidcRefuse(OIDCNotInPhonebook, email, nil)
	} else if err != nil {
		return nil, fmt.Errorf("find person by oidc email: %w", err)
	}
	err = o.web.LinkWebIdentity(ctx, intranet.WebIdentity{Issuer: issuer, Subject: subject, PersonID: p.ID})
	if intranet.ErrorCode(err) == intranet.ECONFLICT {
		return nil, oidcRefuse(OIDCLinkedElsewhere, email, err)
	} else if err != nil {
		return nil, fmt.Errorf("link oidc identity: %w", err)
	}
	return p, nil
}

// verifiedEmail is the token's email when the provider vouches for it;
// on Entra, the account name the tenant issued to one of its own members
// (Entra sends no email_verified). "" when there is none.
func (o *oidcLogin) verifiedEmail(issuer string, claims oidcClaims) string {
	if email := strings.TrimSpace(claims.Email); email != "" && bool(claims.EmailVerified) {
		return email
	}
	name := strings.TrimSpace(claims.PreferredUsername)
	if o.entra && strings.Contains(name, "@") && (claims.IDP == "" || claims.IDP == issuer) {
		return name
	}
	return ""
}
