package web

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/werkplek/werkplek/intranet"
)

// sessionCookie is the session cookie a response set.
func sessionCookie(t *testing.T, res *http.Response) *http.Cookie {
	t.Helper()
	for _, c := range res.Cookies() {
		if c.Name == cookieName {
			return c
		}
	}
	t.Fatalf("no session cookie in %v", res.Header["Set-Cookie"])
	return nil
}

// with sends a request with the session cookie by hand (a cookie jar
// keeps a Secure cookie from the test server's http).
func (d *door) with(c *http.Cookie, method, path string, form url.Values, header map[string]string) *http.Response {
	d.t.Helper()
	req, _ := http.NewRequest(method, d.srv.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(c)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	res, err := d.browser().Do(req)
	if err != nil {
		d.t.Fatal(err)
	}
	return res
}

// The page asked for before signing in is where the sign-in leads, when
// it is one of the front door's own pages.
func TestSignInGoesWhereAsked(t *testing.T) {
	d := newDoor(t, "http://werkplek.test")
	for _, tc := range []struct{ asked, want string }{
		{"/web/rooms?date=2026-12-08", "/web/rooms?date=2026-12-08"},
		{"https://evil.example/web/", "/web/"},
		{"//evil.example/web/", "/web/"},
		{"/web/\\evil.example", "/web/"},
		{"/web/signin", "/web/"},
		{"/elsewhere", "/web/"},
	} {
		c := d.browser()
		res, _ := d.get(c, "/web/signin?next="+url.QueryEscape(tc.asked), nil)
		if res.StatusCode != 200 {
			t.Fatalf("sign-in help: %d", res.StatusCode)
		}
		res = d.post(c, "/web/signin", url.Values{"token": {d.link(jan, intranet.PlatformSlack)}}, nil)
		if got := res.Header.Get("Location"); res.StatusCode != http.StatusSeeOther || got != tc.want {
			t.Errorf("asked %q: signed in to %d %q, want %q", tc.asked, res.StatusCode, got, tc.want)
		}
		// Once: the next sign-in goes home.
		res = d.post(c, "/web/signin", url.Values{"token": {d.link(jan, intranet.PlatformSlack)}}, nil)
		if got := res.Header.Get("Location"); got != "/web/" {
			t.Errorf("asked %q: the second sign-in went to %q", tc.asked, got)
		}
	}
	// A page (GET or HEAD) without a session sends to the sign-in with it.
	for _, method := range []string{"GET", "HEAD"} {
		req, _ := http.NewRequest(method, d.srv.URL+"/web/news/4", nil)
		res, err := d.browser().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/web/signin?next=%2Fweb%2Fnews%2F4" {
			t.Errorf("%s without a session: %d %q", method, res.StatusCode, res.Header.Get("Location"))
		}
	}
}

// Signing in on a browser that has a session ends that session, so that
// the earlier person's cookie (copied, or kept by a shared computer)
// opens nothing.
func TestSignInEndsEarlierSession(t *testing.T) {
	d := newDoor(t, "http://werkplek.test")
	c := d.signIn(jan)
	u, _ := url.Parse(d.srv.URL + "/web/")
	var old *http.Cookie
	for _, k := range c.Jar.Cookies(u) {
		if k.Name == cookieName {
			old = k
		}
	}
	res := d.post(c, "/web/signin", url.Values{"token": {d.link(sanne, intranet.PlatformSlack)}}, nil)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("second sign-in: %d", res.StatusCode)
	}
	if _, page := d.get(c, "/web/", nil); !strings.Contains(page, `lang="en"`) || d.core.last().User.Email != sanne.Email {
		t.Errorf("the browser is not Sanne's: %+v", d.core.last().User)
	}
	if res := d.with(old, "GET", "/web/", nil, nil); res.StatusCode != http.StatusSeeOther {
		t.Errorf("Jan's earlier cookie still opens a page: %d", res.StatusCode)
	}
	if n := len(d.web.sessions); n != 1 {
		t.Errorf("%d sessions, want only Sanne's", n)
	}
}

// Signing in and out need the browser's word that the form is our own:
// a cross-site form cannot sign someone in as the attacker (login CSRF)
// nor out.
func TestSignInAndOutCrossSite(t *testing.T) {
	d := newDoor(t, "http://werkplek.test")
	raw := d.link(jan, intranet.PlatformSlack)
	res := d.post(d.browser(), "/web/signin", url.Values{"token": {raw}}, map[string]string{"Sec-Fetch-Site": "cross-site"})
	if res.StatusCode != http.StatusForbidden || len(d.web.sessions) != 0 || d.web.used[intranet.HashSecret(raw)] {
		t.Errorf("cross-site sign-in: %d, %d sessions, link used %v", res.StatusCode, len(d.web.sessions), d.web.used[intranet.HashSecret(raw)])
	}
	c := d.signIn(jan)
	for name, h := range map[string]map[string]string{"NoToken": nil, "CrossSite": {"Sec-Fetch-Site": "cross-site"}, "OtherOrigin": {"Origin": "https://evil.example"}} {
		form := url.Values{}
		if h != nil {
			form.Set("csrf", d.csrf(c))
		}
		if res := d.post(c, "/web/signout", form, h); res.StatusCode != http.StatusForbidden {
			t.Errorf("%s sign-out: %d", name, res.StatusCode)
		}
	}
	if res, _ := d.get(c, "/web/", nil); res.StatusCode != 200 {
		t.Errorf("signed out by a forged form: %d", res.StatusCode)
	}
}

// Behind a proxy the server may see another Host than the public
// address; a browser that sends only Origin (no Sec-Fetch-Site) names the
// public address, and its forms work. Another origin is still refused.
func TestPublicOriginTrusted(t *testing.T) {
	d := newDoor(t, "https://Werkplek.Example.nl")
	res := d.post(d.browser(), "/web/signin", url.Values{"token": {d.link(jan, intranet.PlatformSlack)}}, map[string]string{"Origin": "https://werkplek.example.nl"})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign-in from the public origin: %d", res.StatusCode)
	}
	cookie := sessionCookie(t, res)
	csrf := ""
	for _, s := range d.web.sessions {
		csrf = s.CSRF
	}
	form := url.Values{"csrf": {csrf}, "command": {"/room cancel 7"}}
	if res := d.with(cookie, "POST", "/web/do", form, map[string]string{"Origin": "https://werkplek.example.nl"}); res.StatusCode != 200 {
		t.Errorf("a form from the public origin: %d", res.StatusCode)
	}
	if res := d.with(cookie, "POST", "/web/do", form, map[string]string{"Origin": "https://evil.example"}); res.StatusCode != http.StatusForbidden {
		t.Errorf("a form from another origin: %d", res.StatusCode)
	}
}

// Signing out of a session of Teams' frame clears its cookie with
// SameSite=None; Secure: a browser refuses a Lax cookie in the frame.
func TestFramedSignOut(t *testing.T) {
	d := newDoor(t, "https://werkplek.example.nl")
	res := d.post(d.browser(), "/web/signin", url.Values{"token": {d.link(jan, intranet.PlatformTeams)}}, nil)
	cookie := sessionCookie(t, res)
	if cookie.SameSite != http.SameSiteNoneMode || !cookie.Secure || !cookie.HttpOnly {
		t.Fatalf("framed cookie %+v", cookie)
	}
	csrf := ""
	for _, s := range d.web.sessions {
		csrf = s.CSRF
	}
	res = d.with(cookie, "POST", "/web/signout", url.Values{"csrf": {csrf}}, nil)
	cleared := sessionCookie(t, res)
	if res.StatusCode != http.StatusSeeOther || cleared.MaxAge >= 0 || cleared.SameSite != http.SameSiteNoneMode || !cleared.Secure || !cleared.HttpOnly || cleared.Path != "/web/" {
		t.Errorf("sign-out %d cleared the cookie as %q", res.StatusCode, res.Header.Get("Set-Cookie"))
	}
	// Over http nothing is framed, Secure or SameSite=None.
	d = newDoor(t, "http://werkplek.test")
	res = d.post(d.browser(), "/web/signin", url.Values{"token": {d.link(jan, intranet.PlatformTeams)}}, nil)
	if c := sessionCookie(t, res); c.SameSite != http.SameSiteLaxMode || c.Secure {
		t.Errorf("Teams cookie over http: %q", res.Header.Get("Set-Cookie"))
	}
}

// Someone who is a guest in the chat is a guest on the web too: the core
// is told, as the chat adapter tells it.
func TestGuestStaysGuest(t *testing.T) {
	d := newDoor(t, "")
	guest := &intranet.Person{ID: 13, Name: "Gijs Gast", Email: "gijs.gast@partner.example",
		Accounts: []intranet.Account{{Platform: intranet.PlatformSlack, Installation: "T1", UserID: "U13", PersonID: 13, Guest: true}}}
	people := d.a.people.(*memPeople)
	people.people = append(people.people, guest)
	d.get(d.signIn(guest), "/web/", nil)
	if !d.core.last().User.Guest {
		t.Errorf("a chat guest asked the core as no guest: %+v", d.core.last().User)
	}
	d.get(d.signIn(jan), "/web/", nil)
	if d.core.last().User.Guest {
		t.Errorf("Jan asked as a guest")
	}
	// Only the chats say who is a guest, not the web's own account.
	promoted := &intranet.Person{ID: 5, Name: "Pim Partner", Email: "pim@example.nl", Accounts: []intranet.Account{
		{Platform: intranet.PlatformSlack, Installation: "T1", UserID: "U5", PersonID: 5},
		{Platform: intranet.PlatformWeb, Installation: "web", UserID: "p5", PersonID: 5, Guest: true}}}
	people.people = append(people.people, promoted)
	d.get(d.signIn(promoted), "/web/", nil)
	if d.core.last().User.Guest {
		t.Errorf("the web account's own guest mark was passed on")
	}
}

// Someone removed from the phonebook mid-session is signed out, and their
// session ends.
func TestRemovedMidSession(t *testing.T) {
	d := newDoor(t, "")
	gone := &intranet.Person{ID: 4, Name: "Vera Vertrokken", Email: "vera@example.nl"}
	people := d.a.people.(*memPeople)
	people.people = append(people.people, gone)
	c := d.signIn(gone)
	token := d.csrf(c)
	people.people = people.people[:len(people.people)-1]
	asked := len(d.core.asked)
	if res := d.post(c, "/web/do", url.Values{"csrf": {token}, "command": {"/room cancel 1"}}, nil); res.StatusCode != http.StatusForbidden {
		t.Errorf("an action after removal: %d", res.StatusCode)
	}
	if res, _ := d.get(c, "/web/", nil); res.StatusCode != http.StatusSeeOther {
		t.Errorf("a page after removal: %d", res.StatusCode)
	}
	if len(d.core.asked) != asked || len(d.web.sessions) != 0 {
		t.Errorf("asked the core %d times, %d sessions left", len(d.core.asked)-asked, len(d.web.sessions))
	}
}

// flakyWeb is a store that cannot be reached.
type flakyWeb struct{ *memWeb }

func (f flakyWeb) FindWebSession(ctx context.Context, hash string, now time.Time) (*intranet.WebSession, error) {
	return nil, errors.New("connection refused")
}

// A database that does not answer signs nobody out: the page says
// something went wrong, with a reference, and keeps the cookie.
func TestStoreDownKeepsSession(t *testing.T) {
	d := newDoor(t, "")
	c := d.signIn(jan)
	d.a.web = flakyWeb{d.web}
	res, page := d.get(c, "/web/", map[string]string{"Accept-Language": "en"})
	if res.StatusCode != http.StatusInternalServerError || !strings.Contains(page, "(ref ") || strings.Contains(page, "connection refused") {
		t.Errorf("store down: %d\n%s", res.StatusCode, page)
	}
	if sc := res.Header.Get("Set-Cookie"); sc != "" {
		t.Errorf("the cookie was touched: %q", sc)
	}
	d.a.web = d.web
	if res, _ := d.get(c, "/web/", nil); res.StatusCode != 200 {
		t.Errorf("back up: %d", res.StatusCode)
	}
}

// A file over the limit is refused as too large, not as an expired form.
func TestUploadTooLarge(t *testing.T) {
	d := newDoor(t, "")
	c := d.signIn(jan)
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.WriteField("csrf", d.csrf(c))
	fw, _ := mw.CreateFormFile("file", "people.csv")
	fw.Write(bytes.Repeat([]byte("Anna,anna@example.nl\n"), (8<<20)/21+1000))
	mw.Close()
	asked := len(d.core.asked)
	req, _ := http.NewRequest("POST", d.srv.URL+"/web/admin/people", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if page := body(t, res); res.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(page, "hoogstens 8 MB") {
		t.Errorf("too large: %d\n%s", res.StatusCode, page)
	}
	if len(d.core.asked) != asked {
		t.Errorf("the core was asked")
	}
}

// A file's name cannot break out of Content-Disposition: the browser
// reads back the very name.
func TestDownloadName(t *testing.T) {
	d := newDoor(t, "")
	name := ""
	d.core.handle = func(r intranet.Request) intranet.Reply {
		return intranet.Reply{File: &intranet.File{Name: name, Data: []byte("a\n")}}
	}
	c := d.signIn(jan)
	for _, name = range []string{"reads.csv", `a"b.csv`, `back\`, "a\r\nX-Evil: 1.csv", "Übersicht.csv"} {
		res := d.post(c, "/web/do", url.Values{"csrf": {d.csrf(c)}, "command": {"/news stats 4 csv"}}, nil)
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		typ, params, err := mime.ParseMediaType(res.Header.Get("Content-Disposition"))
		if err != nil || typ != "attachment" || params["filename"] != name || res.Header.Get("X-Evil") != "" {
			t.Errorf("%q: Content-Disposition %q (%v)", name, res.Header.Get("Content-Disposition"), err)
		}
		if ct := res.Header.Get("Content-Type"); ct != "application/octet-stream" {
			t.Errorf("%q: Content-Type %q", name, ct)
		}
	}
}

// Signing in with the organisation goes through the provider and back to
// the page asked for, with a session cookie (SameSite=Lax) and the
// provider's cookie only on the callback's path.
func TestOIDCSignInGoesWhereAsked(t *testing.T) {
	p := newOIDCTestProvider(t)
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	core := &fakeCore{}
	people := &memPeople{people: []*intranet.Person{jan}}
	a, err := New(context.Background(), Config{PublicURL: srv.URL, OIDC: OIDCConfig{Issuer: p.srv.URL, ClientID: oidcTestClient, ClientSecret: oidcTestSecret}},
		core, newMemWeb(), people, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	a.Routes(mux)
	p.claims = map[string]any{"sub": "s-jan", "email": jan.Email, "email_verified": true}

	jar, _ := cookiejar.New(nil)
	var hops []*http.Response
	c := &http.Client{Jar: jar, CheckRedirect: func(req *http.Request, via []*http.Request) error {
		hops = append(hops, req.Response)
		return nil
	}}
	res, err := c.Get(srv.URL + "/web/rooms?date=2026-12-08")
	if err != nil {
		t.Fatal(err)
	}
	page := body(t, res)
	if !strings.Contains(page, `href="/web/oidc/login"`) {
		t.Fatalf("sign-in page without the organisation's button:\n%s", page)
	}
	res, err = c.Get(srv.URL + "/web/oidc/login")
	if err != nil {
		t.Fatal(err)
	}
	page = body(t, res)
	if res.Request.URL.RequestURI() != "/web/rooms?date=2026-12-08" || !strings.Contains(page, "ok: /room day 2026-12-08") {
		t.Errorf("signed in to %s:\n%s", res.Request.URL, page)
	}
	for _, hop := range hops {
		for _, k := range hop.Cookies() {
			switch {
			case k.Name == oidcCookie && k.Path != "/web/oidc/callback":
				t.Errorf("the provider's cookie goes to %s", k.Path)
			case k.Name == cookieName && k.MaxAge == 0 && (k.SameSite != http.SameSiteLaxMode || !k.HttpOnly):
				t.Errorf("session cookie %+v", k)
			}
		}
	}
}

// failingCore answers as the router does when something breaks inside:
// a reply with a reference, and the *intranet.Failure.
type failingCore struct{ fakeCore }

func (f *failingCore) Handle(ctx context.Context, r intranet.Request) (intranet.Reply, error) {
	return intranet.Reply{Text: "Something went wrong (ref abc123)."},
		&intranet.Failure{Ref: "abc123", Err: errors.New("pq: relation \"secret_table\" does not exist\ngoroutine 1 [running]")}
}

// A failure of the core shows its reference, never its error; actions
// answer only POST.
func TestCoreFailureAndMethods(t *testing.T) {
	d := newDoor(t, "")
	c := d.signIn(jan)
	token := d.csrf(c)
	d.a.core = &failingCore{}
	for _, path := range []string{"/web/", "/web/phonebook?q=x"} {
		_, page := d.get(c, path, nil)
		if !strings.Contains(page, "ref abc123") || strings.Contains(page, "secret_table") || strings.Contains(page, "goroutine") {
			t.Errorf("%s:\n%s", path, page)
		}
	}
	page := body(t, d.post(c, "/web/do", url.Values{"csrf": {token}, "command": {"/room cancel 1"}}, nil))
	if !strings.Contains(page, "ref abc123") || strings.Contains(page, "secret_table") {
		t.Errorf("action:\n%s", page)
	}
	for _, path := range []string{"/web/do", "/web/confirm", "/web/form", "/web/preview", "/web/signout"} {
		for _, method := range []string{"GET", "HEAD"} {
			req, _ := http.NewRequest(method, d.srv.URL+path, nil)
			res, err := c.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != http.StatusMethodNotAllowed {
				t.Errorf("%s %s: %d", method, path, res.StatusCode)
			}
		}
	}
}

// xss is text a reply may carry from anyone (a news title, a name, an
// answer): every way out of text, a quoted attribute or a link.
const xss = `<script>X1</script><img src=x onerror=X2>" onmouseover="X3' onfocus='X4 [k](javascript:X5) <@U1|<b>X6</b>>`

// raw are the pieces of xss that must never reach a page unescaped.
var raw = []string{"<script>X1", "<img src=x", `" onmouseover="X3`, `' onfocus='X4`, `href="javascript:`, "<b>X6"}

func wantEscaped(t *testing.T, where, page string) {
	t.Helper()
	for _, r := range raw {
		if strings.Contains(page, r) {
			t.Errorf("%s shows %q unescaped:\n%s", where, r, page)
		}
	}
}

// Every text of a reply, a button, a form and a chart is escaped, on the
// page, the confirmation and a form shown again with its mistakes.
func TestRenderEscapesEverything(t *testing.T) {
	d := newDoor(t, "")
	form := &intranet.Form{ID: "news.post" + xss, Title: xss, SubmitLabel: xss, Fields: []intranet.FormField{
		{Name: "title" + xss, Label: xss, Placeholder: xss, Value: xss},
		{Name: "body", Label: xss, Kind: intranet.FieldLongText, Value: xss, Placeholder: xss},
		{Name: "topic", Label: xss, Kind: intranet.FieldChoice, Options: []intranet.Option{{Label: xss, Value: xss}}},
		{Name: "when", Label: xss, Kind: intranet.FieldDate, Value: xss},
		{Name: "yes", Label: xss, Kind: intranet.FieldYesNo, Value: xss},
	}}
	d.core.handle = func(r intranet.Request) intranet.Reply {
		if r.Form != nil {
			return intranet.Reply{FieldErrors: map[string]string{"body": xss, xss: xss}}
		}
		return intranet.Reply{
			Title: xss, Text: xss,
			Sections: []intranet.Section{{Title: xss, Text: xss, Fields: []intranet.Field{{Label: xss, Value: xss}, {Label: xss, Value: "a@b.nl" + xss}},
				Buttons: []intranet.Button{{Label: xss, Command: xss, Confirm: &intranet.Confirm{Title: xss, Text: xss, Confirm: xss, Deny: xss}}}}},
			Buttons: []intranet.Button{{Label: xss, Command: xss}},
			Charts:  []intranet.Chart{{Title: xss, Points: []intranet.Point{{Label: xss, Value: 1}}}},
			Context: []string{xss},
			File:    &intranet.File{Name: xss},
			Form:    form,
		}
	}
	c := d.signIn(jan)
	_, page := d.get(c, "/web/phonebook?q="+url.QueryEscape(xss), nil)
	wantEscaped(t, "the page", page)

	button := regexp.MustCompile(`name="button" value="([^"]+)"`).FindStringSubmatch(page)
	if button == nil {
		t.Fatalf("no confirmation button:\n%s", page)
	}
	confirm := body(t, d.post(c, "/web/confirm", url.Values{"csrf": {d.csrf(c)}, "command": {xss}, "button": {button[1]}, "back": {"/web/" + xss}}, nil))
	wantEscaped(t, "the confirmation", confirm)
	if !strings.Contains(confirm, `href="/web/`) {
		t.Errorf("the confirmation has no way back:\n%s", confirm)
	}

	def := regexp.MustCompile(`name="form_def" value="([^"]+)"`).FindStringSubmatch(page)
	again := body(t, d.post(c, "/web/form", url.Values{"csrf": {d.csrf(c)}, "form_id": {form.ID}, "form_def": {def[1]}, "body": {xss}, "back": {xss}}, nil))
	wantEscaped(t, "the form with its mistakes", again)

	preview := body(t, d.post(c, "/web/preview", url.Values{"text": {xss}}, map[string]string{"X-CSRF-Token": d.csrf(c)}))
	wantEscaped(t, "the preview", preview)
}

// Every page says who is signed in, so that someone who pressed another's
// sign-in link (handed over, or sent to them to sign them in as someone
// else) sees whose pages these are.
func TestPagesSayWho(t *testing.T) {
	d := newDoor(t, "")
	_, page := d.get(d.signIn(sanne), "/web/rooms", nil)
	if !strings.Contains(page, `<span class="who">Sanne Muller</span>`) {
		t.Errorf("the page does not say who is signed in:\n%s", page)
	}
}

// Signing out of a session that ended meanwhile (idle, or signed out in
// another tab) leads to the sign-in page, not to a refusal.
func TestSignOutEnded(t *testing.T) {
	d := newDoor(t, "")
	c := d.signIn(jan)
	token := d.csrf(c)
	d.later(intranet.SessionIdle + time.Minute)
	res := d.post(c, "/web/signout", url.Values{"csrf": {token}}, nil)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/web/signin" {
		t.Errorf("sign-out of an ended session: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	// A live session still needs its token.
	c = d.signIn(jan)
	if res := d.post(c, "/web/signout", nil, nil); res.StatusCode != http.StatusForbidden {
		t.Errorf("sign-out without the token: %d", res.StatusCode)
	}
}

// Over https the browser is told to keep to https; over http it is not.
func TestHSTS(t *testing.T) {
	for url, want := range map[string]string{"https://werkplek.example.nl": "max-age=31536000", "http://werkplek.test": ""} {
		d := newDoor(t, url)
		res, _ := d.get(d.browser(), "/web/signin", nil)
		if got := res.Header.Get("Strict-Transport-Security"); got != want {
			t.Errorf("%s: Strict-Transport-Security %q, want %q", url, got, want)
		}
	}
}
