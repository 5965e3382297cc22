package web

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/coreos/go-oidc/v3/oidc/oidctest"

	"github.com/werkplek/werkplek/intranet"
)

// The provider is go-oidc's own oidctest (discovery, keys, signing) with a
// hand-written authorize and token endpoint in front: no module beyond
// go-oidc, and each test writes exactly the claims it needs (oid,
// email_verified, a wrong nonce). mockoidc would add a module and still
// need a User type of our own for those claims.

const (
	oidcTestClient   = "werkplek-test"
	oidcTestSecret   = "test-secret"
	oidcTestCallback = "http://werkplek.test/signin/oidc/callback"
)

// oidcTestProvider is an OpenID Connect provider on loopback. Each
// authorize request takes the claims queued by signIn.
type oidcTestProvider struct {
	t      *testing.T
	srv    *httptest.Server
	key    *rsa.PrivateKey
	mu     sync.Mutex
	claims map[string]any // for the next authorize request
	grants map[string]oidcTestGrant
	// nonce, when set, replaces the nonce the client asked for.
	nonce string
}

type oidcTestGrant struct {
	claims      map[string]any
	nonce       string
	challenge   string
	redirectURI string
}

func newOIDCTestProvider(t *testing.T) *oidcTestProvider {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	p := &oidcTestProvider{t: t, key: key, grants: map[string]oidcTestGrant{}}
	keys := &oidctest.Server{PublicKeys: []oidctest.PublicKey{{PublicKey: key.Public(), KeyID: "k1", Algorithm: oidc.RS256}}}
	mux := http.NewServeMux()
	mux.Handle("/", keys)
	mux.HandleFunc("GET /auth", p.authorize)
	mux.HandleFunc("POST /token", p.token)
	p.srv = httptest.NewServer(mux)
	t.Cleanup(p.srv.Close)
	keys.SetIssuer(p.srv.URL)
	return p
}

func (p *oidcTestProvider) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	scopes := strings.Fields(q.Get("scope"))
	if q.Get("client_id") != oidcTestClient || q.Get("response_type") != "code" ||
		q.Get("code_challenge_method") != "S256" || q.Get("code_challenge") == "" ||
		strings.Join(scopes, " ") != "openid email profile" {
		http.Error(w, "bad authorize request: "+r.URL.RawQuery, http.StatusBadRequest)
		return
	}
	p.mu.Lock()
	code := rand.Text()
	p.grants[code] = oidcTestGrant{claims: p.claims, nonce: q.Get("nonce"), challenge: q.Get("code_challenge"), redirectURI: q.Get("redirect_uri")}
	p.mu.Unlock()
	back, _ := url.Parse(q.Get("redirect_uri"))
	v := back.Query()
	v.Set("code", code)
	v.Set("state", q.Get("state"))
	back.RawQuery = v.Encode()
	http.Redirect(w, r, back.String(), http.StatusFound)
}

func (p *oidcTestProvider) token(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	id, secret, ok := r.BasicAuth()
	if !ok {
		id, secret = r.PostForm.Get("client_id"), r.PostForm.Get("client_secret")
	}
	p.mu.Lock()
	g, found := p.grants[r.PostForm.Get("code")]
	delete(p.grants, r.PostForm.Get("code"))
	nonce := g.nonce
	if p.nonce != "" {
		nonce = p.nonce
	}
	p.mu.Unlock()
	sum := sha256.Sum256([]byte(r.PostForm.Get("code_verifier")))
	switch {
	case id != oidcTestClient || secret != oidcTestSecret:
		oidcTestTokenError(w, "invalid_client")
		return
	case !found || r.PostForm.Get("redirect_uri") != g.redirectURI:
		oidcTestTokenError(w, "invalid_grant")
		return
	case base64.RawURLEncoding.EncodeToString(sum[:]) != g.challenge:
		oidcTestTokenError(w, "invalid_grant") // PKCE
		return
	}
	claims := map[string]any{
		"iss": p.srv.URL, "aud": oidcTestClient, "nonce": nonce,
		"iat": time.Now().Unix(), "exp": time.Now().Add(time.Hour).Unix(),
	}
	for k, v := range g.claims {
		claims[k] = v
	}
	body, _ := json.Marshal(claims)
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{
		"access_token": "at", "token_type": "Bearer", "expires_in": 3600,
		"id_token": oidctest.SignIDToken(p.key, "k1", oidc.RS256, string(body)),
	})
}

func oidcTestTokenError(w http.ResponseWriter, code string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusBadRequest)
	json.NewEncoder(w).Encode(map[string]string{"error": code})
}

// signIn runs a whole sign-in: start, the provider's authorize redirect
// with claims, and the callback with the cookie start set. edit, when not
// nil, changes the callback URL first (a forged state).
func (p *oidcTestProvider) signIn(login *oidcLogin, claims map[string]any, edit func(url.Values)) (*intranet.Person, error) {
	t := p.t
	t.Helper()
	rec := httptest.NewRecorder()
	login.start(rec, httptest.NewRequest(http.MethodGet, "/signin/oidc", nil))
	if rec.Code != http.StatusFound {
		t.Fatalf("start: status %d", rec.Code)
	}
	cookies := rec.Result().Cookies()
	if len(cookies) != 1 {
		t.Fatalf("start: %d cookies", len(cookies))
	}

	p.mu.Lock()
	p.claims = claims
	p.mu.Unlock()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(rec.Header().Get("Location"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	back, err := resp.Location()
	if err != nil {
		t.Fatalf("authorize: status %d, no redirect: %v", resp.StatusCode, err)
	}
	if edit != nil {
		q := back.Query()
		edit(q)
		back.RawQuery = q.Encode()
	}

	req := httptest.NewRequest(http.MethodGet, back.String(), nil)
	req.AddCookie(cookies[0])
	rec = httptest.NewRecorder()
	person, err := login.callback(rec, req)
	if cleared := rec.Result().Cookies(); len(cleared) != 1 || cleared[0].Name != oidcCookie || cleared[0].MaxAge >= 0 {
		t.Errorf("callback does not clear the cookie: %v", cleared)
	}
	return person, err
}

// oidcFakeWeb keeps OpenID Connect identities in memory; the rest of
// WebService is not used here.
type oidcFakeWeb struct {
	intranet.WebService
	ids []intranet.WebIdentity
}

func (f *oidcFakeWeb) FindWebIdentity(_ context.Context, issuer, subject string) (*intranet.WebIdentity, error) {
	for _, id := range f.ids {
		if id.Issuer == issuer && id.Subject == subject {
			return &id, nil
		}
	}
	return nil, intranet.Errorf(intranet.ENOTFOUND, "Identity not found.")
}

func (f *oidcFakeWeb) LinkWebIdentity(_ context.Context, id intranet.WebIdentity) error {
	for _, o := range f.ids {
		if o.Issuer == id.Issuer && o.PersonID == id.PersonID && o.Subject != id.Subject {
			return intranet.Errorf(intranet.ECONFLICT, "Person already linked.")
		}
	}
	f.ids = append(f.ids, id)
	return nil
}

// oidcFakePeople is a phonebook in memory; the rest of PersonService is
// not used here.
type oidcFakePeople struct {
	intranet.PersonService
	people []intranet.Person
}

func (f *oidcFakePeople) FindPersonByID(_ context.Context, id int64) (*intranet.Person, error) {
	for _, p := range f.people {
		if p.ID == id {
			return &p, nil
		}
	}
	return nil, intranet.Errorf(intranet.ENOTFOUND, "Person not found.")
}

func (f *oidcFakePeople) FindPersonByEmail(_ context.Context, email string) (*intranet.Person, error) {
	for _, p := range f.people {
		if strings.EqualFold(p.Email, email) {
			return &p, nil
		}
	}
	return nil, intranet.Errorf(intranet.ENOTFOUND, "Person not found.")
}

type oidcTestEnv struct {
	provider *oidcTestProvider
	login    *oidcLogin
	web      *oidcFakeWeb
}

func newOIDCTestEnv(t *testing.T) *oidcTestEnv {
	t.Helper()
	p := newOIDCTestProvider(t)
	web := &oidcFakeWeb{}
	people := &oidcFakePeople{people: []intranet.Person{
		{ID: 1, Name: "Anouk van den Berg", Email: "anouk@zorg.example"},
		{ID: 2, Name: "Bram de Vries", Email: "bram@zorg.example"},
	}}
	login, err := newOIDCLogin(context.Background(), OIDCConfig{Issuer: p.srv.URL, ClientID: oidcTestClient, ClientSecret: oidcTestSecret},
		oidcTestCallback, web, people, true)
	if err != nil {
		t.Fatal(err)
	}
	return &oidcTestEnv{provider: p, login: login, web: web}
}

func (e *oidcTestEnv) signIn(claims map[string]any) (*intranet.Person, error) {
	e.provider.t.Helper()
	return e.provider.signIn(e.login, claims, nil)
}

func wantOIDCPerson(t *testing.T, p *intranet.Person, err error, id int64) {
	t.Helper()
	if err != nil {
		t.Fatalf("sign-in refused: %v", err)
	}
	if p.ID != id {
		t.Fatalf("signed in as person %d (%s), want %d", p.ID, p.Email, id)
	}
}

func wantOIDCRefusal(t *testing.T, err error, refusal OIDCRefusal, code string) *OIDCError {
	t.Helper()
	var oe *OIDCError
	if !errors.As(err, &oe) {
		t.Fatalf("error %v, want an OIDCError %s", err, refusal)
	}
	if oe.Refusal != refusal || intranet.ErrorCode(err) != code {
		t.Fatalf("refusal %s code %s (%v), want %s %s", oe.Refusal, intranet.ErrorCode(err), err, refusal, code)
	}
	return oe
}

func TestOIDCStartCookie(t *testing.T) {
	e := newOIDCTestEnv(t)
	rec := httptest.NewRecorder()
	e.login.start(rec, httptest.NewRequest(http.MethodGet, "/signin/oidc", nil))
	c := rec.Result().Cookies()[0]
	if !c.HttpOnly || !c.Secure || c.SameSite != http.SameSiteLaxMode || c.Path != "/signin/oidc/callback" || c.MaxAge != 600 {
		t.Errorf("cookie %+v: want HttpOnly, Secure, SameSite=Lax, the callback's path, 10 minutes", c)
	}
	loc, _ := url.Parse(rec.Header().Get("Location"))
	q := loc.Query()
	parts := strings.Split(c.Value, ".")
	if len(parts) != 3 || q.Get("state") != parts[0] || q.Get("nonce") != parts[1] || q.Get("redirect_uri") != oidcTestCallback {
		t.Errorf("authorize URL %s does not carry the cookie's state and nonce (%s)", loc, c.Value)
	}

	insecure, err := newOIDCLogin(context.Background(), OIDCConfig{Issuer: e.provider.srv.URL, ClientID: oidcTestClient}, oidcTestCallback, e.web, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	rec = httptest.NewRecorder()
	insecure.start(rec, httptest.NewRequest(http.MethodGet, "/signin/oidc", nil))
	if rec.Result().Cookies()[0].Secure {
		t.Error("cookie is Secure on a site without https")
	}
}

func TestOIDCSubject(t *testing.T) {
	t.Run("FirstSignInLinks", func(t *testing.T) {
		e := newOIDCTestEnv(t)
		p, err := e.signIn(map[string]any{"sub": "s-anouk", "email": "Anouk@zorg.example", "email_verified": true})
		wantOIDCPerson(t, p, err, 1)
		want := []intranet.WebIdentity{{Issuer: e.provider.srv.URL, Subject: "s-anouk", PersonID: 1}}
		if len(e.web.ids) != 1 || e.web.ids[0] != want[0] {
			t.Errorf("identities %v, want %v", e.web.ids, want)
		}
	})
	t.Run("ChangedEmailSamePerson", func(t *testing.T) {
		e := newOIDCTestEnv(t)
		p, err := e.signIn(map[string]any{"sub": "s-anouk", "email": "anouk@zorg.example", "email_verified": true})
		wantOIDCPerson(t, p, err, 1)
		p, err = e.signIn(map[string]any{"sub": "s-anouk", "email": "anouk.smit@zorg.example", "email_verified": true})
		wantOIDCPerson(t, p, err, 1)
	})
	t.Run("ChangedEmailOfAnotherPersonNoTakeover", func(t *testing.T) {
		e := newOIDCTestEnv(t)
		p, err := e.signIn(map[string]any{"sub": "s-anouk", "email": "anouk@zorg.example", "email_verified": true})
		wantOIDCPerson(t, p, err, 1)
		p, err = e.signIn(map[string]any{"sub": "s-anouk", "email": "bram@zorg.example", "email_verified": true})
		wantOIDCPerson(t, p, err, 1)
		if len(e.web.ids) != 1 {
			t.Errorf("identities %v, want only the first link", e.web.ids)
		}
	})
	t.Run("ErrLinkedElsewhere", func(t *testing.T) {
		e := newOIDCTestEnv(t)
		p, err := e.signIn(map[string]any{"sub": "s-anouk", "email": "anouk@zorg.example", "email_verified": true})
		wantOIDCPerson(t, p, err, 1)
		_, err = e.signIn(map[string]any{"sub": "s-other", "email": "anouk@zorg.example", "email_verified": true})
		oe := wantOIDCRefusal(t, err, OIDCLinkedElsewhere, intranet.ECONFLICT)
		if oe.Email != "anouk@zorg.example" {
			t.Errorf("email %q", oe.Email)
		}
	})
}

func TestOIDCEmail(t *testing.T) {
	t.Run("ErrUnverified", func(t *testing.T) {
		e := newOIDCTestEnv(t)
		_, err := e.signIn(map[string]any{"sub": "s1", "email": "anouk@zorg.example", "email_verified": false})
		wantOIDCRefusal(t, err, OIDCNoEmail, intranet.EUNAUTHORIZED)
		_, err = e.signIn(map[string]any{"sub": "s1", "email": "anouk@zorg.example"})
		wantOIDCRefusal(t, err, OIDCNoEmail, intranet.EUNAUTHORIZED)
		if len(e.web.ids) != 0 {
			t.Errorf("identities %v, want none", e.web.ids)
		}
	})
	t.Run("VerifiedAsString", func(t *testing.T) {
		e := newOIDCTestEnv(t)
		p, err := e.signIn(map[string]any{"sub": "s1", "email": "bram@zorg.example", "email_verified": "true"})
		wantOIDCPerson(t, p, err, 2)
	})
	t.Run("ErrNotInPhonebook", func(t *testing.T) {
		e := newOIDCTestEnv(t)
		_, err := e.signIn(map[string]any{"sub": "s1", "email": "nobody@zorg.example", "email_verified": true})
		oe := wantOIDCRefusal(t, err, OIDCNotInPhonebook, intranet.ENOTFOUND)
		if oe.Email != "nobody@zorg.example" || !strings.Contains(intranet.ErrorMessage(err), "nobody@zorg.example is not in the phonebook") {
			t.Errorf("email %q, message %q", oe.Email, intranet.ErrorMessage(err))
		}
	})
	t.Run("PreferredUsernameOnlyOnEntra", func(t *testing.T) {
		e := newOIDCTestEnv(t)
		claims := map[string]any{"sub": "pairwise-1", "oid": "oid-bram", "preferred_username": "bram@zorg.example"}
		_, err := e.signIn(claims)
		wantOIDCRefusal(t, err, OIDCNoEmail, intranet.EUNAUTHORIZED)
	})
}

func TestOIDCEntra(t *testing.T) {
	t.Run("OIDAndPreferredUsername", func(t *testing.T) {
		e := newOIDCTestEnv(t)
		e.login.entra = true // the test provider's issuer is on loopback
		p, err := e.signIn(map[string]any{"sub": "pairwise-1", "oid": "oid-bram", "preferred_username": "bram@zorg.example"})
		wantOIDCPerson(t, p, err, 2)
		if len(e.web.ids) != 1 || e.web.ids[0].Subject != "oid-bram" {
			t.Fatalf("identities %v, want the oid linked", e.web.ids)
		}
		// Another app's pairwise sub, same oid: the same person.
		p, err = e.signIn(map[string]any{"sub": "pairwise-2", "oid": "oid-bram", "preferred_username": "bram.renamed@zorg.example"})
		wantOIDCPerson(t, p, err, 2)
	})
	t.Run("ErrGuestPreferredUsername", func(t *testing.T) {
		e := newOIDCTestEnv(t)
		e.login.entra = true
		_, err := e.signIn(map[string]any{"sub": "s", "oid": "oid-guest", "preferred_username": "bram@zorg.example", "idp": "https://sts.windows.net/other-tenant/"})
		wantOIDCRefusal(t, err, OIDCNoEmail, intranet.EUNAUTHORIZED)
	})
}

func TestOIDCFlow(t *testing.T) {
	t.Run("ErrWrongState", func(t *testing.T) {
		e := newOIDCTestEnv(t)
		_, err := e.provider.signIn(e.login, map[string]any{"sub": "s1", "email": "anouk@zorg.example", "email_verified": true},
			func(q url.Values) { q.Set("state", "forged") })
		wantOIDCRefusal(t, err, OIDCExpired, intranet.EUNAUTHORIZED)
	})
	t.Run("ErrNoCookie", func(t *testing.T) {
		e := newOIDCTestEnv(t)
		rec := httptest.NewRecorder()
		_, err := e.login.callback(rec, httptest.NewRequest(http.MethodGet, oidcTestCallback+"?code=c&state=s", nil))
		wantOIDCRefusal(t, err, OIDCExpired, intranet.EUNAUTHORIZED)
	})
	t.Run("ErrWrongNonce", func(t *testing.T) {
		e := newOIDCTestEnv(t)
		e.provider.nonce = "another-sign-in"
		_, err := e.signIn(map[string]any{"sub": "s1", "email": "anouk@zorg.example", "email_verified": true})
		wantOIDCRefusal(t, err, OIDCFailed, intranet.EUNAUTHORIZED)
	})
	t.Run("ErrProviderRefused", func(t *testing.T) {
		e := newOIDCTestEnv(t)
		_, err := e.provider.signIn(e.login, map[string]any{"sub": "s1"},
			func(q url.Values) { q.Del("code"); q.Set("error", "access_denied") })
		wantOIDCRefusal(t, err, OIDCFailed, intranet.EUNAUTHORIZED)
	})
	t.Run("ErrWrongVerifier", func(t *testing.T) {
		e := newOIDCTestEnv(t)
		rec := httptest.NewRecorder()
		e.login.start(rec, httptest.NewRequest(http.MethodGet, "/signin/oidc", nil))
		c := rec.Result().Cookies()[0]
		state, _, _ := strings.Cut(c.Value, ".")
		loc := rec.Header().Get("Location")
		client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		resp, err := client.Get(loc)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		back, _ := resp.Location()
		c.Value = state + ".n." + "wrong-verifier"
		req := httptest.NewRequest(http.MethodGet, back.String(), nil)
		req.AddCookie(c)
		_, err = e.login.callback(httptest.NewRecorder(), req)
		wantOIDCRefusal(t, err, OIDCFailed, intranet.EUNAUTHORIZED)
	})
	t.Run("ErrWrongAudience", func(t *testing.T) {
		e := newOIDCTestEnv(t)
		_, err := e.signIn(map[string]any{"sub": "s1", "aud": "another-app", "email": "anouk@zorg.example", "email_verified": true})
		wantOIDCRefusal(t, err, OIDCFailed, intranet.EUNAUTHORIZED)
	})
}

func TestOIDCConfigValidate(t *testing.T) {
	for _, tc := range []struct {
		issuer string
		ok     bool
	}{
		{"https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0", true},
		{"https://accounts.google.com", true},
		{"http://127.0.0.1:5556/dex", true},
		{"http://localhost:8080", true},
		{"https://login.microsoftonline.com/common/v2.0", false},
		{"https://login.microsoftonline.com/organizations/v2.0", false},
		{"https://login.microsoftonline.com/Consumers/v2.0", false},
		{"http://idp.zorg.example", false},
		{"idp.zorg.example", false},
		{"", false},
	} {
		err := OIDCConfig{Issuer: tc.issuer, ClientID: "c"}.Validate()
		if tc.ok && err != nil {
			t.Errorf("%q: %v", tc.issuer, err)
		}
		if !tc.ok && intranet.ErrorCode(err) != intranet.EINVALID {
			t.Errorf("%q: %v, want EINVALID", tc.issuer, err)
		}
	}
	err := OIDCConfig{Issuer: "https://login.microsoftonline.com/common/v2.0", ClientID: "c"}.Validate()
	if msg := intranet.ErrorMessage(err); !strings.Contains(msg, "multi-tenant") {
		t.Errorf("message %q does not say why", msg)
	}
	if err := (OIDCConfig{Issuer: "https://accounts.google.com"}).Validate(); intranet.ErrorCode(err) != intranet.EINVALID {
		t.Errorf("no client id: %v", err)
	}
	if _, err := newOIDCLogin(context.Background(), OIDCConfig{Issuer: "https://login.microsoftonline.com/organizations/v2.0", ClientID: "c"},
		oidcTestCallback, nil, nil, true); intranet.ErrorCode(err) != intranet.EINVALID {
		t.Errorf("newOIDCLogin with a multi-tenant issuer: %v, want EINVALID before any discovery", err)
	}
}

func TestOIDCEntraIssuer(t *testing.T) {
	for issuer, want := range map[string]bool{
		"https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0": true,
		"https://login.microsoftonline.com/common/v2.0":                               false,
		"https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/":     false, // v1 tokens
		"https://accounts.google.com":                                                 false,
	} {
		if got := entraIssuer(issuer); got != want {
			t.Errorf("entraIssuer(%q) = %v, want %v", issuer, got, want)
		}
	}
}
