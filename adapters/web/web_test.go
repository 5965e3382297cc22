package web

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/werkplek/werkplek/intranet"
)

// door is a front door over fakes, served on loopback.
type door struct {
	t    *testing.T
	a    *Adapter
	srv  *httptest.Server
	web  *memWeb
	core *fakeCore
	mu   sync.Mutex
	now  time.Time
}

var (
	jan   = &intranet.Person{ID: 1, Name: "Jan de Vries", Email: "jan@example.nl", Roles: []intranet.Role{intranet.RoleAdmin}}
	sanne = &intranet.Person{ID: 2, Name: "Sanne Muller", Email: "sanne@example.nl", Language: "en"}
	gijs  = &intranet.Person{ID: 3, Name: "Gijs", Email: "gijs@partner.example", Roles: []intranet.Role{intranet.RoleGuest}}
	// anna is a partner: a guest whose contacts and visitor rooms are hers.
	anna = &intranet.Person{ID: 40, Name: "Anna Smit", Email: "anna@thuiszorgmidden.nl", OrganisationID: 1, Organisation: "Thuiszorg Midden"}
)

func newDoor(t *testing.T, publicURL string) *door {
	t.Helper()
	d := &door{t: t, web: newMemWeb(), core: &fakeCore{}, now: time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)}
	a, err := New(context.Background(), Config{PublicURL: publicURL, Language: "nl", Now: d.clock}, d.core, d.web,
		&memPeople{people: []*intranet.Person{jan, sanne, gijs, anna}}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	d.a = a
	mux := http.NewServeMux()
	a.Routes(mux)
	d.srv = httptest.NewServer(mux)
	t.Cleanup(d.srv.Close)
	return d
}

func (d *door) clock() time.Time {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.now
}

func (d *door) later(by time.Duration) {
	d.mu.Lock()
	d.now = d.now.Add(by)
	d.mu.Unlock()
}

// link makes a sign-in link for a person, as /werkplek web does.
func (d *door) link(p *intranet.Person, platform intranet.Platform) string {
	raw, h := intranet.NewSecret()
	if err := d.web.CreateSignIn(context.Background(), intranet.SignIn{Hash: h, PersonID: p.ID, Expires: d.clock().Add(intranet.SignInValid), Platform: platform}); err != nil {
		d.t.Fatal(err)
	}
	return raw
}

// browser is a client with cookies that does not follow redirects.
func (d *door) browser() *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// signIn signs p in on a new browser.
func (d *door) signIn(p *intranet.Person) *http.Client {
	c := d.browser()
	res := d.post(c, "/web/signin", url.Values{"token": {d.link(p, intranet.PlatformSlack)}}, nil)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/web/" {
		d.t.Fatalf("sign in: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	return c
}

func (d *door) get(c *http.Client, path string, header map[string]string) (*http.Response, string) {
	d.t.Helper()
	req, _ := http.NewRequest("GET", d.srv.URL+path, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	res, err := c.Do(req)
	if err != nil {
		d.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

func (d *door) post(c *http.Client, path string, form url.Values, header map[string]string) *http.Response {
	d.t.Helper()
	req, _ := http.NewRequest("POST", d.srv.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for k, v := range header {
		req.Header.Set(k, v)
	}
	res, err := c.Do(req)
	if err != nil {
		d.t.Fatal(err)
	}
	return res
}

func body(t *testing.T, res *http.Response) string {
	t.Helper()
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return string(b)
}

var csrfField = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// csrf reads the CSRF token of a signed-in browser from a page.
func (d *door) csrf(c *http.Client) string {
	_, page := d.get(c, "/web/", nil)
	m := csrfField.FindStringSubmatch(page)
	if m == nil {
		d.t.Fatalf("no csrf token on the home page:\n%s", page)
	}
	return m[1]
}

func TestSignInLink(t *testing.T) {
	d := newDoor(t, "http://werkplek.test")
	raw := d.link(jan, intranet.PlatformSlack)
	c := d.browser()

	// Opening the link (as a chat's link preview does) uses nothing up.
	res, page := d.get(c, "/web/signin/"+raw, nil)
	if res.StatusCode != 200 || !strings.Contains(page, `action="/web/signin"`) || !strings.Contains(page, raw) {
		t.Fatalf("sign-in page: %d\n%s", res.StatusCode, page)
	}
	res = d.post(c, "/web/signin", url.Values{"token": {raw}}, nil)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign in: %d %s", res.StatusCode, body(t, res))
	}
	cookie := res.Header.Get("Set-Cookie")
	for _, want := range []string{cookieName + "=", "HttpOnly", "SameSite=Lax", "Path=/web/"} {
		if !strings.Contains(cookie, want) {
			t.Errorf("cookie %q lacks %s", cookie, want)
		}
	}
	if strings.Contains(cookie, "Secure") {
		t.Errorf("cookie on an http address is Secure: %q", cookie)
	}
	_, page = d.get(c, "/web/", nil)
	req := d.core.last()
	if req.Text != "/werkplek home" || req.Platform != intranet.PlatformWeb || req.User.Email != jan.Email || !req.Channel.Direct || req.User.ID != "p1" {
		t.Errorf("home asked %+v", req)
	}
	if !strings.Contains(page, "ok: /werkplek home") || !strings.Contains(page, `lang="nl"`) {
		t.Errorf("home page:\n%s", page)
	}

	t.Run("UsedLink", func(t *testing.T) {
		res := d.post(d.browser(), "/web/signin", url.Values{"token": {raw}}, map[string]string{"Accept-Language": "en-GB"})
		if page := body(t, res); res.StatusCode != http.StatusGone || !strings.Contains(page, "used already or has expired") {
			t.Errorf("used link: %d\n%s", res.StatusCode, page)
		}
	})
	t.Run("ExpiredLink", func(t *testing.T) {
		raw := d.link(jan, intranet.PlatformSlack)
		d.later(intranet.SignInValid + time.Second)
		res := d.post(d.browser(), "/web/signin", url.Values{"token": {raw}}, map[string]string{"Accept-Language": "nl-NL"})
		if page := body(t, res); res.StatusCode != http.StatusGone || !strings.Contains(page, "al gebruikt of verlopen") {
			t.Errorf("expired link: %d\n%s", res.StatusCode, page)
		}
	})
	t.Run("UnknownLink", func(t *testing.T) {
		res := d.post(d.browser(), "/web/signin", url.Values{"token": {"made-up"}}, nil)
		if res.StatusCode != http.StatusGone {
			t.Errorf("unknown link: %d", res.StatusCode)
		}
	})
}

func TestSessions(t *testing.T) {
	d := newDoor(t, "")
	t.Run("NotSignedIn", func(t *testing.T) {
		res, _ := d.get(d.browser(), "/web/rooms?date=2026-12-08", nil)
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/web/signin?next=%2Fweb%2Frooms%3Fdate%3D2026-12-08" {
			t.Errorf("page without a session: %d %s", res.StatusCode, res.Header.Get("Location"))
		}
		res = d.post(d.browser(), "/web/do", url.Values{"command": {"/room cancel 1"}}, nil)
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("action without a session: %d", res.StatusCode)
		}
	})
	t.Run("IdleExpires", func(t *testing.T) {
		c := d.signIn(jan)
		d.later(intranet.SessionIdle - time.Minute)
		if res, _ := d.get(c, "/web/", nil); res.StatusCode != 200 {
			t.Fatalf("within the idle time: %d", res.StatusCode)
		}
		d.later(intranet.SessionIdle + time.Minute)
		if res, _ := d.get(c, "/web/", nil); res.StatusCode != http.StatusSeeOther {
			t.Errorf("after the idle time: %d", res.StatusCode)
		}
	})
	t.Run("SignOut", func(t *testing.T) {
		c := d.signIn(jan)
		res := d.post(c, "/web/signout", url.Values{"csrf": {d.csrf(c)}}, nil)
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/web/signin" {
			t.Fatalf("sign out: %d", res.StatusCode)
		}
		if res, _ := d.get(c, "/web/", nil); res.StatusCode != http.StatusSeeOther {
			t.Errorf("after sign-out: %d", res.StatusCode)
		}
	})
	t.Run("TeamsFrame", func(t *testing.T) {
		d := newDoor(t, "https://werkplek.example.nl")
		for _, tc := range []struct {
			platform intranet.Platform
			want     string
		}{{intranet.PlatformTeams, "SameSite=None"}, {intranet.PlatformSlack, "SameSite=Lax"}} {
			res := d.post(d.browser(), "/web/signin", url.Values{"token": {d.link(jan, tc.platform)}}, nil)
			cookie := res.Header.Get("Set-Cookie")
			if !strings.Contains(cookie, tc.want) || !strings.Contains(cookie, "Secure") {
				t.Errorf("%s: cookie %q, want %s; Secure", tc.platform, cookie, tc.want)
			}
		}
	})
}

func TestCSRF(t *testing.T) {
	d := newDoor(t, "")
	c := d.signIn(jan)
	token := d.csrf(c)
	asked := len(d.core.asked)
	for name, tc := range map[string]struct {
		form   url.Values
		header map[string]string
	}{
		"NoToken":    {url.Values{"command": {"/room cancel 7"}}, nil},
		"WrongToken": {url.Values{"command": {"/room cancel 7"}, "csrf": {"x" + token}}, nil},
		"CrossSite":  {url.Values{"command": {"/room cancel 7"}, "csrf": {token}}, map[string]string{"Sec-Fetch-Site": "cross-site"}},
	} {
		t.Run(name, func(t *testing.T) {
			res := d.post(c, "/web/do", tc.form, tc.header)
			if page := body(t, res); res.StatusCode != http.StatusForbidden || !strings.Contains(page, "role=\"alert\"") {
				t.Errorf("%d\n%s", res.StatusCode, page)
			}
		})
	}
	if len(d.core.asked) != asked {
		t.Fatalf("the core was asked a refused action: %+v", d.core.asked[asked:])
	}
	res := d.post(c, "/web/do", url.Values{"command": {"/room cancel 7"}, "csrf": {token}, "back": {"/web/rooms"}}, nil)
	if page := body(t, res); res.StatusCode != 200 || !strings.Contains(page, "ok: /room cancel 7") || !strings.Contains(page, `href="/web/rooms"`) {
		t.Errorf("with the token: %d\n%s", res.StatusCode, page)
	}
	if a := d.core.lastWith(isAction).Action; a == nil || a.Command != "/room cancel 7" {
		t.Errorf("action %+v", a)
	}
}

func TestHeaders(t *testing.T) {
	d := newDoor(t, "")
	c := d.signIn(jan)
	res, page := d.get(c, "/web/", nil)
	csp := res.Header.Get("Content-Security-Policy")
	for _, want := range []string{"script-src 'self'", "default-src 'self'", "frame-ancestors 'self' https://teams.microsoft.com"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %s", csp, want)
		}
	}
	if strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP allows inline code: %q", csp)
	}
	if regexp.MustCompile(`<script(?:\s[^>]*)?>[^<]`).MatchString(page) || regexp.MustCompile(`\son[a-z]+=`).MatchString(page) || strings.Contains(page, "style=") {
		t.Errorf("the page has inline script or style:\n%s", page)
	}
	if res.Header.Get("Cache-Control") != "no-store" || res.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("headers %v", res.Header)
	}
	for _, asset := range []string{"/web/static/style.css", "/web/static/app.js"} {
		if res, _ := d.get(c, asset, nil); res.StatusCode != 200 {
			t.Errorf("%s: %d", asset, res.StatusCode)
		}
	}
}

func TestRenderReply(t *testing.T) {
	d := newDoor(t, "")
	d.core.handle = func(r intranet.Request) intranet.Reply {
		return intranet.Reply{
			Title: "*Jan* <script>alert(1)</script>",
			Text:  "Zie [site](https://example.nl) en [kwaad](javascript:alert(1))\n- een\n- twee",
			Sections: []intranet.Section{{Title: "Jan de Vries", Fields: []intranet.Field{
				{Label: "Mobiel", Value: "+31 6 1234 5678"}, {Label: "E-mail", Value: "jan@example.nl"}, {Label: "Mail", Value: "[anna@example.nl](mailto:anna@example.nl)"}, {Label: "Afdeling", Value: "Zorg Oost"}},
				Buttons: []intranet.Button{{Label: "Annuleer", Style: intranet.StyleDanger, Command: "/room cancel 3",
					Confirm: &intranet.Confirm{Title: "Annuleren?", Text: "Boeking 3 annuleren?", Confirm: "Ja, annuleer", Deny: "Nee"}}}}},
			Charts:  []intranet.Chart{{Title: "Gelezen per dag", Points: []intranet.Point{{Label: "7 dec", Value: 3}, {Label: "8 dec", Value: 5}}}},
			Context: []string{"1 van 1", "Typ `/room cancel 3`."},
			Typing:  []string{"Typ `/room cancel 3`."},
		}
	}
	c := d.signIn(jan)
	_, page := d.get(c, "/web/phonebook?q=jan", nil)
	if d.core.last().Text != "/phonebook jan" {
		t.Errorf("asked %q", d.core.last().Text)
	}
	for _, want := range []string{
		"<strong>Jan</strong> &lt;script&gt;alert(1)&lt;/script&gt;",
		`<a href="https://example.nl" rel="noopener noreferrer">site</a>`,
		`<a href="tel:+31612345678">+31 6 1234 5678</a>`,
		`<a href="mailto:jan@example.nl">jan@<wbr>example.nl</a>`, `<a href="mailto:anna@example.nl" rel="noopener noreferrer">anna@<wbr>example.nl</a>`,
		`action="/web/confirm"`, `name="command" value="/room cancel 3"`, `class="danger"`,
		`<svg viewBox=`, `aria-label="Gelezen per dag"`, `class="context">1 van 1`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if strings.Contains(page, `href="javascript`) {
		t.Error("a javascript: link was made")
	}
	if strings.Contains(page, "/room cancel 3</code>") {
		t.Error("a context line marked as typing is shown")
	}
	// The confirmation page asks, and its button runs the command.
	button := regexp.MustCompile(`name="button" value="([^"]+)"`).FindStringSubmatch(page)
	res := d.post(c, "/web/confirm", url.Values{"csrf": {d.csrf(c)}, "command": {"/room cancel 3"}, "button": {button[1]}, "back": {"/web/rooms"}}, nil)
	confirm := body(t, res)
	for _, want := range []string{"Annuleren?", "Boeking 3 annuleren?", `action="/web/do"`, `class="danger primary">Ja, annuleer`, `href="/web/rooms"`, `href="/web/rooms" aria-current="page"`} {
		if !strings.Contains(confirm, want) {
			t.Errorf("confirmation lacks %s:\n%s", want, confirm)
		}
	}
	// A button's command cannot be swapped under its confirmation.
	res = d.post(c, "/web/confirm", url.Values{"csrf": {d.csrf(c)}, "command": {"/room cancel 4"}, "button": {button[1]}}, nil)
	if res.StatusCode != http.StatusBadRequest {
		t.Errorf("swapped confirmation: %d", res.StatusCode)
	}
}

func TestForms(t *testing.T) {
	d := newDoor(t, "")
	form := &intranet.Form{ID: "news.post", Title: "Nieuw bericht", SubmitLabel: "Publiceer", Fields: []intranet.FormField{
		{Name: "title", Label: "Titel", Required: true},
		{Name: "body", Label: "Tekst", Kind: intranet.FieldLongText},
		{Name: "important", Label: "Belangrijk", Kind: intranet.FieldYesNo},
		{Name: "publish", Label: "Publiceer op", Kind: intranet.FieldDate},
		{Name: "topic", Label: "Onderwerp", Kind: intranet.FieldChoice, Options: []intranet.Option{{Label: "Zorg", Value: "zorg"}}},
	}}
	d.core.handle = func(r intranet.Request) intranet.Reply {
		switch {
		case r.Form != nil && r.Form.Values["title"] == "":
			return intranet.Reply{FieldErrors: map[string]string{"title": "Geef een titel."}}
		case r.Form != nil:
			return intranet.Reply{Text: "Gepubliceerd: " + r.Form.Values["title"]}
		}
		return intranet.Reply{Text: "Vul het formulier in.", Form: form}
	}
	c := d.signIn(jan)
	_, page := d.get(c, "/web/news/new", nil)
	for _, want := range []string{`action="/web/form"`, `<textarea id="f-body"`, `data-preview-of="f-body"`, `type="date"`, `<option value="zorg">Zorg</option>`, "Publiceer</button>"} {
		if !strings.Contains(page, want) {
			t.Errorf("editor lacks %s", want)
		}
	}
	def := regexp.MustCompile(`name="form_def" value="([^"]+)"`).FindStringSubmatch(page)[1]
	send := func(title string) *http.Response {
		return d.post(c, "/web/form", url.Values{"csrf": {d.csrf(c)}, "form_id": {"news.post"}, "form_def": {def},
			"title": {title}, "body": {"*vet*"}, "important": {"yes"}, "publish": {"2026-12-08"}, "topic": {"zorg"}}, nil)
	}
	res := send("")
	page = body(t, res)
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, "Geef een titel.") || !strings.Contains(page, `aria-invalid="true"`) || !strings.Contains(page, "*vet*</textarea>") ||
		!strings.Contains(page, "<h1>Nieuw bericht</h1>") || strings.Contains(page, "<h2>Nieuw bericht</h2>") {
		t.Errorf("mistakes: %d\n%s", res.StatusCode, page)
	}
	res = send("Kerstborrel")
	if page := body(t, res); !strings.Contains(page, "Gepubliceerd: Kerstborrel") {
		t.Errorf("published:\n%s", page)
	}
	sub := d.core.lastWith(isForm).Form
	if sub.FormID != "news.post" || sub.Values["important"] != "yes" || sub.Values["publish"] != "2026-12-08" || sub.Values["body"] != "*vet*" {
		t.Errorf("submission %+v", sub)
	}
	// The preview writes the markup as the page shows it.
	res = d.post(c, "/web/preview", url.Values{"text": {"*vet* <b>"}}, map[string]string{"X-CSRF-Token": d.csrf(c)})
	if got := body(t, res); got != "<strong>vet</strong> &lt;b&gt;" {
		t.Errorf("preview %q", got)
	}
}

func TestPeopleUpload(t *testing.T) {
	d := newDoor(t, "")
	d.core.handle = func(r intranet.Request) intranet.Reply {
		if r.Form != nil {
			return intranet.Reply{Title: "Proef", Text: "typ dit", Sections: []intranet.Section{{Title: "Erbij (1)"}}, Form: &intranet.Form{ID: "people.import", Fields: []intranet.FormField{{Name: "csv", Kind: intranet.FieldLongText, Value: r.Form.Values["csv"]}}}}
		}
		return intranet.Reply{}
	}
	c := d.signIn(jan)
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.WriteField("csrf", d.csrf(c))
	fw, _ := mw.CreateFormFile("file", "people.csv")
	io.WriteString(fw, "name,email\nAnna,anna@example.nl\n")
	mw.Close()
	req, _ := http.NewRequest("POST", d.srv.URL+"/web/admin/people", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	page := body(t, res)
	sub := d.core.last().Form
	if sub == nil || sub.FormID != "people.import" || sub.Values["apply"] != "no" || sub.Values["csv"] != "name,email\nAnna,anna@example.nl\n" {
		t.Fatalf("submission %+v", sub)
	}
	if !strings.Contains(page, "Erbij (1)") || !strings.Contains(page, "anna@example.nl") || strings.Contains(page, "typ dit") {
		t.Errorf("dry run page:\n%s", page)
	}
}

// TestPeopleUploadAnyFile: the form offers Excel's files, and hands a
// Windows-1252 or .xlsx file to the core byte for byte.
func TestPeopleUploadAnyFile(t *testing.T) {
	d := newDoor(t, "")
	d.core.handle = func(r intranet.Request) intranet.Reply { return intranet.Reply{Text: "ok"} }
	c := d.signIn(jan)
	res, err := c.Get(d.srv.URL + "/web/admin/people")
	if err != nil {
		t.Fatal(err)
	}
	if page := body(t, res); !strings.Contains(page, `accept=".csv,.txt,.tsv,.xlsx,`) {
		t.Errorf("upload form:\n%s", page)
	}
	for name, data := range map[string]string{"medewerkers.csv": "name;email\r\nRen\xe9;r@example.nl\r\n", "Export HR": "PK\x03\x04\x14\x00binary\xff"} {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		mw.WriteField("csrf", d.csrf(c))
		fw, _ := mw.CreateFormFile("file", name)
		io.WriteString(fw, data)
		mw.Close()
		req, _ := http.NewRequest("POST", d.srv.URL+"/web/admin/people", &buf)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		res, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body(t, res)
		if sub := d.core.last().Form; sub == nil || sub.Values["csv"] != data {
			t.Errorf("%s: submission %+v", name, sub)
		}
	}
}

func TestStatsCSV(t *testing.T) {
	d := newDoor(t, "")
	allowed := true
	d.core.handle = func(r intranet.Request) intranet.Reply {
		if !allowed {
			return intranet.Reply{Text: "Alleen de schrijver ziet wie het las."}
		}
		return intranet.Reply{Text: "csv", File: &intranet.File{Name: "news-4-reads.csv", ContentType: "text/csv; charset=utf-8", Data: []byte("name\nJan\n")}}
	}
	c := d.signIn(jan)
	res, got := d.get(c, "/web/news/4/stats.csv", nil)
	if got != "name\nJan\n" || res.Header.Get("Content-Disposition") != `attachment; filename="news-4-reads.csv"` || d.core.last().Text != "/news stats 4 csv" {
		t.Errorf("csv: %q %v", got, res.Header)
	}
	allowed = false
	res, page := d.get(c, "/web/news/4/stats.csv", nil)
	if res.StatusCode != http.StatusForbidden || !strings.Contains(page, "Alleen de schrijver") {
		t.Errorf("not allowed: %d", res.StatusCode)
	}
	if res, _ := d.get(c, "/web/news/abc/stats", nil); res.StatusCode != http.StatusNotFound {
		t.Errorf("bad id: %d", res.StatusCode)
	}
}

func TestLanguageAndMenu(t *testing.T) {
	d := newDoor(t, "")
	_, page := d.get(d.signIn(jan), "/web/", nil)
	for _, want := range []string{`lang="nl"`, ">Telefoonboek<", ">Beheer<", "Afmelden"} {
		if !strings.Contains(page, want) {
			t.Errorf("Dutch admin page lacks %s", want)
		}
	}
	_, page = d.get(d.signIn(sanne), "/web/", nil)
	for _, want := range []string{`lang="en"`, ">Phonebook<", "Sign out"} {
		if !strings.Contains(page, want) {
			t.Errorf("English page lacks %s", want)
		}
	}
	if strings.Contains(page, ">Admin<") {
		t.Error("an employee's menu lists the admin pages")
	}
	_, page = d.get(d.signIn(gijs), "/web/", nil)
	if strings.Contains(page, `href="/web/phonebook"`) || strings.Contains(page, `href="/web/rooms"`) || !strings.Contains(page, `href="/web/news"`) {
		t.Errorf("a guest's menu:\n%s", page)
	}
	_, page = d.get(d.signIn(anna), "/web/", nil)
	if !strings.Contains(page, `href="/web/phonebook"`) || !strings.Contains(page, `href="/web/rooms"`) || strings.Contains(page, `href="/web/profile"`) || strings.Contains(page, `href="/web/admin"`) {
		t.Errorf("a partner's menu:\n%s", page)
	}
}

func TestBackStaysHome(t *testing.T) {
	for in, want := range map[string]string{"/web/rooms?date=2026-12-08": "/web/rooms?date=2026-12-08", "https://evil.example": "/web/", "//evil.example/web/": "/web/", "/web/\\evil": "/web/"} {
		r := httptest.NewRequest("POST", "/web/do", strings.NewReader(url.Values{"back": {in}}.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if got := back(r); got != want {
			t.Errorf("back(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestButtonDownloads(t *testing.T) {
	d := newDoor(t, "")
	d.core.handle = func(r intranet.Request) intranet.Reply {
		return intranet.Reply{Text: "csv", File: &intranet.File{Name: "x.csv", ContentType: "text/csv", Data: []byte("a,b\n")}}
	}
	c := d.signIn(jan)
	res := d.post(c, "/web/do", url.Values{"csrf": {d.csrf(c)}, "command": {"/news stats 4 csv"}}, nil)
	if got := body(t, res); got != "a,b\n" || res.Header.Get("Content-Disposition") != `attachment; filename="x.csv"` {
		t.Errorf("download %q %v", got, res.Header)
	}
}

// A link pasted whole (in Teams' tab, where a chat link opens elsewhere)
// signs in like the link's own button.
func TestPastedLink(t *testing.T) {
	d := newDoor(t, "https://werkplek.example.nl")
	_, page := d.get(d.browser(), "/web/signin", nil)
	if !strings.Contains(page, `class="paste"`) || !strings.Contains(page, `name="token"`) {
		t.Fatalf("no paste field:\n%s", page)
	}
	raw := d.link(jan, intranet.PlatformTeams)
	res := d.post(d.browser(), "/web/signin", url.Values{"token": {"  https://werkplek.example.nl/web/signin/" + raw + "\n"}}, nil)
	if res.StatusCode != http.StatusSeeOther || !strings.Contains(res.Header.Get("Set-Cookie"), "SameSite=None") {
		t.Errorf("pasted link: %d %q", res.StatusCode, res.Header.Get("Set-Cookie"))
	}
	for in, want := range map[string]string{"abc": "abc", "http://x/web/signin/abc?x=1": "abc", " abc/ ": "abc"} {
		if got := linkToken(in); got != want {
			t.Errorf("linkToken(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestResultOnTop: an action's result is shown above the page it came
// from, with that page's title and menu; a form page's result stands alone
// with a link back.
func TestResultOnTop(t *testing.T) {
	d := newDoor(t, "")
	d.core.handle = func(r intranet.Request) intranet.Reply {
		if r.Action != nil {
			return intranet.Reply{Title: "Geboekt: De Dom", Text: "ma 8 dec 10:00–11:00"}
		}
		return intranet.Reply{Text: "pagina: " + r.Text}
	}
	c := d.signIn(jan)
	res := d.post(c, "/web/do", url.Values{"csrf": {d.csrf(c)}, "command": {"/room book Dom 2026-12-08 10:00-11:00"}, "back": {"/web/rooms?date=2026-12-08"}}, nil)
	page := body(t, res)
	if res.StatusCode != 200 || d.core.lastWith(isAction).Action.Command != "/room book Dom 2026-12-08 10:00-11:00" {
		t.Fatalf("%d %+v", res.StatusCode, d.core.asked)
	}
	notice := strings.Index(page, `<section class="notice" role="status" aria-label="Resultaat">`)
	booked := strings.Index(page, "Geboekt: De Dom")
	day := strings.Index(page, "pagina: /room day 2026-12-08")
	if notice < 0 || booked < notice || day < booked || !strings.Contains(page, "<h1>Zalen</h1>") ||
		!strings.Contains(page, `href="/web/rooms" aria-current="page"`) || !strings.Contains(page, "pagina: /room mine") {
		t.Errorf("the result is not on top of the rooms page:\n%s", page)
	}
	if strings.Contains(page, ">Terug<") {
		t.Errorf("a page under its result links back to itself:\n%s", page)
	}
	// An import's result is drawn above the upload form, for the next file.
	res = d.post(c, "/web/do", url.Values{"csrf": {d.csrf(c)}, "command": {"/room cancel 3"}, "back": {"/web/admin/people"}}, nil)
	if page := body(t, res); !strings.Contains(page, `class="notice"`) || !strings.Contains(page, `type="file"`) || !strings.Contains(page, "<h1>Mensen</h1>") {
		t.Errorf("the people page under a result:\n%s", page)
	}
	// The editor's result is not drawn above a second, empty editor.
	res = d.post(c, "/web/do", url.Values{"csrf": {d.csrf(c)}, "command": {"/news withdraw 4"}, "back": {"/web/news/new"}}, nil)
	page = body(t, res)
	if strings.Contains(page, `class="notice"`) || strings.Contains(page, "pagina: /news post") || !strings.Contains(page, `<a class="button" href="/web/news/new">Terug</a>`) ||
		!strings.Contains(page, "<h1>Nieuws</h1>") {
		t.Errorf("the editor's result:\n%s", page)
	}
}

// TestButtonsAsLinks: a button that only shows what a page shows is a link
// to that page; a button that does something stays a form.
func TestButtonsAsLinks(t *testing.T) {
	d := newDoor(t, "")
	d.core.handle = func(r intranet.Request) intranet.Reply {
		return intranet.Reply{Buttons: []intranet.Button{
			{Label: "Lezen", Command: "/news 4"}, {Label: "Bekijk", Command: "/news show 4"}, {Label: "Reacties", Command: "/news comments 4"},
			{Label: "Wie las het", Command: "/news stats 4"}, {Label: "CSV", Command: "/news stats 4 csv"}, {Label: "Kaart", Command: "/phonebook show 7"},
			{Label: "Gelezen", Style: intranet.StylePrimary, Command: "/news read 4"}, {Label: "Meer", Command: "/news comments 4 2"},
		}}
	}
	c := d.signIn(jan)
	_, page := d.get(c, "/web/news", nil)
	for _, want := range []string{
		`<a class="button plain" href="/web/news/4">Lezen</a>`, `<a class="button plain" href="/web/news/4">Bekijk</a>`,
		`<a class="button plain" href="/web/news/4">Reacties</a>`, `<a class="button plain" href="/web/news/4/stats">Wie las het</a>`,
		`<a class="button plain" href="/web/news/4/stats.csv">CSV</a>`, `<a class="button plain" href="/web/phonebook?person=7">Kaart</a>`,
		`name="command" value="/news read 4"`, `name="command" value="/news comments 4 2"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	for path, asked := range map[string]string{"/web/phonebook?person=7": "/phonebook show 7", "/web/rooms/book": "/room book"} {
		d.get(c, path, nil)
		if got := d.core.last().Text; got != asked {
			t.Errorf("%s asked %q, want %q", path, got, asked)
		}
	}
	if _, page := d.get(c, "/web/phonebook?person=x", nil); strings.Contains(page, "/phonebook show") {
		t.Errorf("a wrong person id was asked:\n%s", page)
	}
}

// TestFormPagesReturnToTheirList: the booking form and the editor send
// their result to the rooms page and the news list, and the rooms page
// links to the booking form.
func TestFormPagesReturnToTheirList(t *testing.T) {
	d := newDoor(t, "")
	d.core.handle = func(r intranet.Request) intranet.Reply {
		return intranet.Reply{Form: &intranet.Form{ID: "x", Title: "Ruimte boeken", Fields: []intranet.FormField{{Name: "a", Label: "A"}}}}
	}
	c := d.signIn(jan)
	for path, back := range map[string]string{"/web/rooms/book": "/web/rooms", "/web/news/new": "/web/news"} {
		if _, page := d.get(c, path, nil); !strings.Contains(page, `name="back" value="`+back+`"`) {
			t.Errorf("%s does not return to %s:\n%s", path, back, page)
		}
	}
	// The form's title is the page's: said once.
	if _, page := d.get(c, "/web/rooms/book", nil); strings.Count(page, "Ruimte boeken") != 2 || !strings.Contains(page, "<h1>Ruimte boeken</h1>") {
		t.Errorf("the booking form's title is not said once (and in the tab's title):\n%s", page)
	}
	if _, page := d.get(c, "/web/rooms", nil); !strings.Contains(page, `href="/web/rooms/book"`) {
		t.Errorf("the rooms page does not link to the booking form:\n%s", page)
	}
}

// TestPhonebookHint: what to search by stays visible under the label and
// is the field's description, not a placeholder a phone cuts off.
func TestPhonebookHint(t *testing.T) {
	d := newDoor(t, "")
	_, page := d.get(d.signIn(sanne), "/web/phonebook", nil)
	if !strings.Contains(page, `<p class="hint" id="q-hint">By name, department, skill or number.</p>`) || !strings.Contains(page, `aria-describedby="q-hint"`) || strings.Contains(page, "placeholder=") {
		t.Errorf("phonebook search:\n%s", page)
	}
}

// TestNewsItemOnce: an item's page asks for its card, which holds the
// newest comments, and not for its comments again.
func TestNewsItemOnce(t *testing.T) {
	d := newDoor(t, "")
	c := d.signIn(jan)
	asked := len(d.core.asked)
	d.get(c, "/web/news/4", nil)
	if got := d.core.asked[asked:]; len(got) != 1 || got[0].Text != "/news show 4" {
		t.Errorf("asked %+v", got)
	}
}

// TestPeopleDirectory: the people page's form for roles and leavers sends
// the /werkplek person or role command to the core as the admin, and
// draws its answer (a deactivation's question with its button).
func TestPeopleDirectory(t *testing.T) {
	d := newDoor(t, "")
	d.core.handle = func(r intranet.Request) intranet.Reply {
		if strings.HasPrefix(r.Text, "/werkplek person deactivate") {
			return intranet.Reply{Title: "Kees Janssen uitschakelen?", Buttons: []intranet.Button{{Label: "Uitschakelen", Style: intranet.StyleDanger, Command: "/werkplek person deactivate kees@example.nl sure"}}}
		}
		return intranet.Reply{Text: "Kees is nu contentbeheerder."}
	}
	c := d.signIn(jan)
	if _, page := d.get(c, "/web/admin/people", nil); !strings.Contains(page, `action="/web/admin/people/directory"`) || !strings.Contains(page, `<option value="content manager">contentbeheerder</option>`) ||
		!strings.Contains(page, "<code>naam</code>, <code>e-mail</code>") || !strings.Contains(page, "<code>organisatie</code>") {
		t.Fatalf("people page:\n%s", page)
	}
	for _, tc := range []struct{ action, person, role, command, want string }{
		{"role-add", "Kees Janssen", "content manager", `/werkplek role add "Kees Janssen" content manager`, "Kees is nu contentbeheerder."},
		{"role-remove", "kees@example.nl", "admin", "/werkplek role remove kees@example.nl admin", "Kees is nu"},
		{"deactivate", "kees@example.nl", "", "/werkplek person deactivate kees@example.nl", "/werkplek person deactivate kees@example.nl sure"},
		{"activate", "kees@example.nl", "", "/werkplek person activate kees@example.nl", "Kees is nu"},
	} {
		res := d.post(c, "/web/admin/people/directory", url.Values{"csrf": {d.csrf(c)}, "action": {tc.action}, "person": {tc.person}, "role": {tc.role}}, nil)
		page := body(t, res)
		if got := d.core.last().Text; got != tc.command {
			t.Errorf("%s: command %q, want %q", tc.action, got, tc.command)
		}
		if !strings.Contains(page, tc.want) {
			t.Errorf("%s: page lacks %q:\n%s", tc.action, tc.want, page)
		}
	}
	res := d.post(c, "/web/admin/people/directory", url.Values{"csrf": {d.csrf(c)}, "action": {"role-add"}, "person": {"kees@example.nl"}}, nil)
	if res.StatusCode != http.StatusBadRequest {
		t.Errorf("without a role: %d", res.StatusCode)
	}
}
