package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/demo"
)

// webSite is a running `werkplek serve` on the demo organisation, for the
// web front door's page tests over the real core.
type webSite struct {
	t    *testing.T
	srv  *served
	base string
}

func startWebSite(t *testing.T) *webSite {
	t.Helper()
	dir := t.TempDir()
	port := freePort(t)
	base := "http://127.0.0.1:" + port
	env := map[string]string{"WERKPLEK_DATABASE_URL": "sqlite:" + filepath.Join(dir, "werkplek.db"),
		"WERKPLEK_LISTEN": "127.0.0.1:" + port, "WERKPLEK_PUBLIC_URL": base}
	consoleUntil(t, env, "", nil, "demo")
	return &webSite{t: t, srv: startServe(t, env), base: base}
}

// person returns the demo's first person with the role (and only roles
// among want), or the person of that email.
func (s *webSite) person(email string) *intranet.Person {
	s.t.Helper()
	p, err := s.srv.Store.FindPersonByEmail(context.Background(), email)
	if err != nil {
		s.t.Fatal(err)
	}
	return p
}

// withRole is the email of a demo person who holds exactly that role.
func withRole(t *testing.T, r intranet.Role) string {
	t.Helper()
	for _, p := range demo.People() {
		if len(p.Roles) == 1 && p.Roles[0] == r {
			return p.Email
		}
	}
	t.Fatalf("the demo has nobody with only the role %s", r)
	return ""
}

// visitor is a browser signed in as one person.
type visitor struct {
	s    *webSite
	c    *http.Client
	lang string
}

// signIn makes a one-time link for the person, as /werkplek web does,
// and uses it; lang sets the person's own language first.
func (s *webSite) signIn(email, lang string) *visitor {
	s.t.Helper()
	ctx := context.Background()
	p := s.person(email)
	if err := s.srv.Store.SetLanguage(ctx, p.ID, lang); err != nil {
		s.t.Fatal(err)
	}
	secret, hash := intranet.NewSecret()
	if err := s.srv.Store.CreateSignIn(ctx, intranet.SignIn{Hash: hash, PersonID: p.ID, Expires: time.Now().Add(intranet.SignInValid), Platform: intranet.PlatformConsole}); err != nil {
		s.t.Fatal(err)
	}
	jar, _ := cookiejar.New(nil)
	v := &visitor{s: s, lang: lang, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
	if code, _ := v.post("/web/signin", url.Values{"token": {secret}}); code != http.StatusSeeOther {
		s.t.Fatalf("sign in %s: %d", email, code)
	}
	return v
}

func (v *visitor) get(path string) (int, string) {
	v.s.t.Helper()
	res, err := v.c.Get(v.s.base + path)
	if err != nil {
		v.s.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

var webCSRF = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

func (v *visitor) csrf() string {
	_, page := v.get("/web/")
	m := webCSRF.FindStringSubmatch(page)
	if m == nil {
		v.s.t.Fatalf("no CSRF token on the home page:\n%s", page)
	}
	return m[1]
}

func (v *visitor) post(path string, form url.Values) (int, string) {
	v.s.t.Helper()
	res, err := v.c.PostForm(v.s.base+path, form)
	if err != nil {
		v.s.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

func (v *visitor) upload(path, file string) (int, string) {
	v.s.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.WriteField("csrf", v.csrf())
	fw, _ := mw.CreateFormFile("file", "people.csv")
	io.WriteString(fw, file)
	mw.Close()
	res, err := v.c.Post(v.s.base+path, mw.FormDataContentType(), &buf)
	if err != nil {
		v.s.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// t picks the wording of the visitor's language.
func (v *visitor) t(nl, en string) string {
	if v.lang == "en" {
		return en
	}
	return nl
}

// page fetches a page that must answer 200 in the visitor's language and
// contain every text of want and none of not.
func (v *visitor) page(path string, want, not []string) string {
	v.s.t.Helper()
	code, page := v.get(path)
	var wrong []string
	if code != 200 {
		wrong = append(wrong, fmt.Sprintf("answers %d", code))
	}
	if !strings.Contains(page, `<html lang="`+v.lang+`">`) {
		wrong = append(wrong, "is not in "+v.lang)
	}
	for _, w := range want {
		if !strings.Contains(page, w) {
			wrong = append(wrong, fmt.Sprintf("lacks %q", w))
		}
	}
	for _, n := range not {
		if strings.Contains(page, n) {
			wrong = append(wrong, fmt.Sprintf("shows %q", n))
		}
	}
	if wrong != nil {
		v.s.t.Errorf("%s %s; its main part:\n%s", path, strings.Join(wrong, ", "), mainPart(page))
	}
	return page
}

// mainPart is a page's text between <main> and </main>, for failures.
func mainPart(page string) string {
	if _, after, ok := strings.Cut(page, "<main"); ok {
		page, _, _ = strings.Cut(after, "</main>")
	}
	return page
}

// TestWebPages asks every page and action of the front door as every role,
// in both languages, over the real core: a page shows and allows what the
// chat command it stands for does, no more.
func TestWebPages(t *testing.T) {
	s := startWebSite(t)
	// A guest of no partner organisation (the demo's Gijs is a partner).
	guest := intranet.PersonRecord{Line: 2, Name: "Gerda Gast", Email: "gerda@gast.example", Roles: []intranet.Role{intranet.RoleGuest}}
	if _, err := s.srv.Store.ImportPeople(context.Background(), []intranet.PersonRecord{guest}, false); err != nil {
		t.Fatal(err)
	}
	roles := []struct {
		name, email            string
		admin, publish, guest  bool
		adminMenu, roomManager bool
	}{
		{name: "employee", email: "anna.bakker@example.nl"},
		{name: "team lead", email: "anouk.vandenberg@example.nl"},
		{name: "content manager", email: withRole(t, intranet.RoleContentManager), publish: true, adminMenu: true},
		{name: "room admin", email: withRole(t, intranet.RoleRoomAdmin), adminMenu: true, roomManager: true},
		{name: "admin", email: demo.User, admin: true, publish: true, adminMenu: true, roomManager: true},
		{name: "guest", email: guest.Email, guest: true},
	}
	people := "name,email,phone,mobile,department,title,location,manager_email,skills,roles\n" +
		"Web Tester,web.tester@example.nl,,06-99999999,Zorg Oost,Tester,Utrecht,anouk.vandenberg@example.nl,,\n"
	for _, lang := range []string{"nl", "en"} {
		for _, role := range roles {
			t.Run(lang+"/"+role.name, func(t *testing.T) {
				s := &webSite{t: t, srv: s.srv, base: s.base}
				v := s.signIn(role.email, lang)
				menu := ">" + v.t("Beheer", "Admin") + "<"
				home := v.page("/web/", []string{v.t("Afmelden", "Sign out")}, []string{v.t("Op het web:", "On the web:")})
				if strings.Contains(home, menu) != role.adminMenu {
					t.Errorf("the admin menu shown: %v, want %v", !role.adminMenu, role.adminMenu)
				}

				// Phonebook and rooms: everyone but a guest.
				if role.guest {
					// Not in a guest's menu; asked anyway, the core refuses.
					if strings.Contains(home, `href="/web/phonebook"`) || strings.Contains(home, `href="/web/rooms"`) {
						t.Errorf("a guest's menu offers the phonebook or the rooms")
					}
					v.page("/web/phonebook?q=anna", []string{v.t("Je bent gast", "You are a guest")}, []string{"06-10000003"})
					v.page("/web/rooms", nil, []string{"/room book"})
				} else {
					v.page("/web/phonebook?q=anna", []string{"Anna Bakker", `href="tel:`}, nil)
					// The typed /room book is left out: the page links to the form.
					// Tomorrow's rooms: late in the evening today has no free
					// whole hour left, and so no book buttons.
					v.page("/web/rooms?date="+time.Now().AddDate(0, 0, 1).Format("2006-01-02"), []string{`name="command" value="/room book`, `action="/web/confirm"`, `href="/web/rooms/book"`}, []string{"<code>/room book"})
					v.page("/web/rooms/book", []string{`name="form_id" value="room.book"`, `name="back" value="/web/rooms"`}, nil)
				}
				if !role.guest {
					v.page("/web/news", []string{"Kerstborrel", `href="/web/news/2"`}, nil)
				}

				// The news editor: content managers and admins.
				editor := v.page("/web/news/new", nil, nil)
				if strings.Contains(editor, `action="/web/form"`) != role.publish {
					t.Errorf("the editor's form shown: %v, want %v", !role.publish, role.publish)
				}

				// Admin pages: each as its chat command allows.
				usage := v.page("/web/admin/usage", nil, nil)
				if strings.Contains(usage, "<svg") != role.admin {
					t.Errorf("usage charts shown: %v, want %v", !role.admin, role.admin)
				}
				api := v.page("/web/admin/api", nil, nil)
				if strings.Contains(api, "/werkplek api token add") != role.admin {
					t.Errorf("the API's tokens and webhooks shown: %v, want %v", !role.admin, role.admin)
				}
				rooms := v.page("/web/admin/rooms", nil, nil)
				if strings.Contains(rooms, "De Dom") != role.roomManager {
					t.Errorf("the rooms' admin list shown: %v, want %v", !role.roomManager, role.roomManager)
				}
				v.page("/web/admin/teams", nil, nil)
				v.page("/web/admin/topics", nil, nil)
				v.page("/web/admin", nil, nil)
				v.page("/web/admin/people", []string{`type="file"`}, nil)
				code, dry := v.upload("/web/admin/people", people)
				if code != 200 || strings.Contains(dry, v.t("Doorvoeren", "Apply")) != role.admin {
					t.Errorf("people dry run (%d) offers to apply: %v, want %v:\n%s", code, !role.admin, role.admin, dry)
				}
				if role.admin {
					// The file as Dutch Excel saves it: semicolons, Windows-1252.
					code, dry := v.upload("/web/admin/people", "name;email;department\r\nRen\xe9 M\xfcller;rene.web@example.nl;Zorg Oost\r\n")
					if code != 200 || !strings.Contains(dry, "René Müller (rene.web@example.nl)") || !strings.Contains(dry, v.t("Gelezen als Windows-1252 (geen UTF-8).", "Read as Windows-1252 (not UTF-8).")) {
						t.Errorf("Dutch Excel's file (%d):\n%s", code, mainPart(dry))
					}
				}
				refusal := v.t("Alleen een beheerder kan mensen importeren.", "Only an admin can import people.")
				if role.guest {
					refusal = v.t("Je bent gast", "You are a guest")
				}
				if !role.admin && !strings.Contains(dry, refusal) {
					t.Errorf("people dry run of a non-admin:\n%s", dry)
				}
			})
		}
	}

	t.Run("Actions", func(t *testing.T) {
		s := &webSite{t: t, srv: s.srv, base: s.base}
		author := s.signIn(withRole(t, intranet.RoleContentManager), "nl")
		editor := author.page("/web/news/new", nil, nil)
		def := regexp.MustCompile(`name="form_def" value="([^"]+)"`).FindStringSubmatch(editor)[1]
		publish := func(v *visitor, title string) (int, string) {
			return v.post("/web/form", url.Values{"csrf": {v.csrf()}, "form_id": {"news.post"}, "form_def": {def},
				"title": {title}, "body": {"Vanaf *maandag*."}, "dept": {"Zorg Oost"}, "important": {"yes"}, "comments": {"yes"}})
		}
		// A mistake comes back beside its field, with what was typed.
		code, page := publish(author, "")
		if code != 200 || !strings.Contains(page, `aria-invalid="true"`) || !strings.Contains(page, "Vanaf *maandag*.</textarea>") {
			t.Errorf("without a title (%d):\n%s", code, page)
		}
		_, page = publish(author, "Griepprik")
		m := regexp.MustCompile(`Geplaatst als bericht (\d+)`).FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("publish:\n%s", page)
		}
		id := m[1]
		// An employee posting the same form is refused by the core.
		employee := s.signIn("anna.bakker@example.nl", "en")
		if _, page := publish(employee, "Nep"); !strings.Contains(page, "Only content managers and admins publish news.") {
			t.Errorf("an employee publishing:\n%s", page)
		}
		// Anna (Zorg Oost) reads it on her home page and confirms there.
		employee.page("/web/", []string{"Griepprik", `value="/news read ` + id + `"`}, nil)
		// Read, home shows the thanks on top and the item no longer asks.
		if _, page := employee.post("/web/do", url.Values{"csrf": {employee.csrf()}, "command": {"/news read " + id}, "back": {"/web/"}}); !strings.Contains(page, "<h1>Home</h1>") ||
			!strings.Contains(page, "Thank you: noted that you read") || strings.Contains(page, `value="/news read `+id+`"`) {
			t.Errorf("read:\n%s", mainPart(page))
		}
		employee.page("/web/", nil, []string{`value="/news read ` + id + `"`})
		employee.page("/web/news/"+id, []string{"Griepprik"}, nil)
		// The author sees who read it; the employee does not.
		author.page("/web/news/"+id+"/stats", []string{"1 van ", "<svg"}, nil)
		if code, _ := employee.get("/web/news/" + id + "/stats.csv"); code != http.StatusForbidden {
			t.Errorf("an employee's stats CSV: %d", code)
		}
		if code, csv := author.get("/web/news/" + id + "/stats.csv"); code != 200 || !strings.Contains(csv, "Anna Bakker") {
			t.Errorf("the author's stats CSV (%d):\n%s", code, csv)
		}
		// A room is booked in two presses: the slot's confirmation, then yes.
		rooms := employee.page("/web/rooms?date="+time.Now().AddDate(0, 0, 1).Format("2006-01-02"), nil, nil)
		slot := regexp.MustCompile(`<form method="post" action="/web/confirm"><input type="hidden" name="csrf" value="[^"]+"><input type="hidden" name="command" value="([^"]+)"><input type="hidden" name="back" value="[^"]+"><input type="hidden" name="button" value="([^"]+)">`).FindStringSubmatch(rooms)
		if slot == nil {
			t.Fatalf("no free slot:\n%s", rooms)
		}
		command := strings.ReplaceAll(slot[1], "&#34;", `"`)
		_, confirm := employee.post("/web/confirm", url.Values{"csrf": {employee.csrf()}, "command": {command}, "button": {slot[2]}, "back": {"/web/rooms"}})
		if !strings.Contains(confirm, "Are you sure") && !strings.Contains(confirm, "Book ") {
			t.Errorf("confirmation:\n%s", confirm)
		}
		// The booking shows above the rooms page, whose list has it.
		if _, page := employee.post("/web/do", url.Values{"csrf": {employee.csrf()}, "command": {command}, "back": {"/web/rooms"}}); !strings.Contains(page, `<section class="notice" role="status" aria-label="Result"><article class="reply"><h2>Booked`) ||
			!strings.Contains(page, "<h1>Rooms</h1>") || !strings.Contains(page, "Your coming bookings") {
			t.Errorf("booking:\n%s", mainPart(page))
		}
		employee.page("/web/", []string{`value="/room cancel `}, nil)
	})
}
