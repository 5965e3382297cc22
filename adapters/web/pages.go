package web

import (
	"context"
	"html/template"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/werkplek/werkplek/intranet"
)

// page is what the layout template draws.
type page struct {
	Lang, Title string
	CSRF        string
	Nav         []navLink
	SignedIn    bool
	SignOut     string
	Skip        string
	// Notice is an action's result, shown above the page it came from.
	Notice      template.HTML
	NoticeLabel string
	Body        template.HTML
	// Who is the signed-in person's name, so that someone who pressed
	// another's sign-in link sees whose pages these are.
	Who string
}

type navLink struct {
	Href, Label string
	Current     bool
}

func parsePages() (*template.Template, error) {
	return template.ParseFS(assets, "templates/*.html")
}

// render draws a page around body.
func (a *Adapter) render(w http.ResponseWriter, r *http.Request, v *visit, status int, title string, body template.HTML) {
	p := page{Lang: v.lang, Title: title, Body: body, Skip: v.t("Naar de inhoud", "Skip to content"),
		Notice: notice(r), NoticeLabel: v.t("Resultaat", "Result")}
	if v.session != nil {
		p.SignedIn, p.CSRF, p.SignOut, p.Who = true, v.session.CSRF, v.t("Afmelden", "Sign out"), v.person.Name
		p.Nav = a.nav(r, v)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	if err := a.pages.ExecuteTemplate(w, "page.html", p); err != nil {
		a.log.Error("web page", "err", err)
	}
}

// nav is the menu; the admin page is listed for who manages something.
func (a *Adapter) nav(r *http.Request, v *visit) []navLink {
	links := []navLink{{Href: "/web/", Label: v.t("Start", "Home")}}
	// A guest may not use the phonebook or the rooms (a partner may: their
	// contacts, the visitor rooms); the core says so when the page is
	// asked, the menu does not offer them.
	if !v.person.IsGuest() || v.person.IsPartner() {
		links = append(links, navLink{Href: "/web/phonebook", Label: v.t("Telefoonboek", "Phonebook")},
			navLink{Href: "/web/rooms", Label: v.t("Zalen", "Rooms")})
	}
	links = append(links, navLink{Href: "/web/news", Label: v.t("Nieuws", "News")})
	if !v.person.IsGuest() {
		links = append(links, navLink{Href: "/web/profile", Label: v.t("Profiel", "Profile")})
	}
	if v.has(intranet.RoleAdmin, intranet.RoleRoomAdmin, intranet.RoleContentManager) {
		links = append(links, navLink{Href: "/web/admin", Label: v.t("Beheer", "Admin")})
	}
	// An action's page (a confirmation, a result) belongs to the page it
	// came from.
	path := r.URL.Path
	if r.Method == http.MethodPost {
		path, _, _ = strings.Cut(back(r), "?")
	}
	for i := range links {
		l := &links[i]
		l.Current = path == l.Href || l.Href != "/web/" && strings.HasPrefix(path, l.Href)
	}
	return links
}

// problem draws a page that says what went wrong, in the person's language.
func (a *Adapter) problem(w http.ResponseWriter, r *http.Request, v *visit, status int, nl, en string) {
	h := &html{v: v}
	h.f(`<p class="problem" role="alert">%s</p>`, md(v.t(nl, en)))
	a.render(w, r, v, status, v.t("Dat lukte niet", "That did not work"), h.String())
}

// failure logs an internal error with a reference and shows the reference.
func (a *Adapter) failure(w http.ResponseWriter, r *http.Request, v *visit, err error) {
	ref, _ := intranet.NewSecret()
	ref = ref[:8]
	a.log.Error("web request failed", "ref", ref, "path", r.URL.Path, "err", err)
	a.problem(w, r, v, http.StatusInternalServerError, "Er ging iets mis (ref "+ref+").", "Something went wrong (ref "+ref+").")
}

// request is a request to the core as the signed-in person, as if they
// typed in a direct message with Werkplek.
func (a *Adapter) request(v *visit, r *http.Request) intranet.Request {
	p := v.person
	return intranet.Request{
		Platform: intranet.PlatformWeb, Installation: "web",
		User:    intranet.User{ID: userID(p), Name: p.Name, Email: p.Email, Locale: browserLocale(r), Guest: platformGuest(p)},
		Channel: intranet.Channel{ID: "web", Direct: true},
	}
}

// ask hands the core a request; an internal failure is logged with the
// reference the reply already shows.
func (a *Adapter) ask(ctx context.Context, req intranet.Request) intranet.Reply {
	reply, err := a.core.Handle(ctx, req)
	if err != nil {
		ref := ""
		if f, ok := err.(*intranet.Failure); ok {
			ref = f.Ref
		}
		a.log.Error("core failed", "ref", ref, "err", err)
	}
	return reply
}

// command asks the core a typed command.
func (a *Adapter) command(v *visit, r *http.Request, text string) intranet.Reply {
	req := a.request(v, r)
	req.Text = text
	return a.ask(r.Context(), req)
}

// show draws a page of core replies to typed commands; their buttons and
// forms come back to this page.
func (a *Adapter) show(w http.ResponseWriter, r *http.Request, v *visit, title string, before template.HTML, commands ...string) {
	a.showFor(w, r, v, r.URL.RequestURI(), title, before, commands...)
}

// showFor is show whose buttons and forms return to back: a form page's
// result belongs on the list it adds to.
func (a *Adapter) showFor(w http.ResponseWriter, r *http.Request, v *visit, back, title string, before template.HTML, commands ...string) {
	h := &html{v: v, page: title}
	h.raw(string(before))
	for _, c := range commands {
		reply := a.command(v, r, c)
		if reply.Title == title {
			reply.Title = "" // the page's own heading says it
		}

		h.reply(reply, back)
	}
	a.render(w, r, v, http.StatusOK, title, h.String())
}

// quote writes a typed value so that the command reads it as one word.
func quote(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || !strings.ContainsAny(s, " \t\"':") {
		return s
	}
	if !strings.Contains(s, `"`) {
		return `"` + s + `"`
	}
	return `'` + strings.ReplaceAll(s, `'`, "") + `'`
}

func (a *Adapter) home(w http.ResponseWriter, r *http.Request, v *visit) {
	a.show(w, r, v, v.t("Start", "Home"), "", "/werkplek home")
}

func (a *Adapter) phonebook(w http.ResponseWriter, r *http.Request, v *visit) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	h := &html{v: v}
	h.raw(`<form method="get" action="/web/phonebook" class="search" role="search">`)
	// What to search by is written under the label, not as a placeholder,
	// which a phone cuts off and which goes when typing starts.
	h.f(`<label for="q">%s</label><p class="hint" id="q-hint">%s</p><input type="search" id="q" name="q" value="%s" aria-describedby="q-hint">`,
		esc(v.t("Zoek een collega", "Find a colleague")), esc(v.t("Op naam, afdeling, vaardigheid of nummer.", "By name, department, skill or number.")), esc(q))
	h.f(`<button type="submit" class="primary">%s</button></form>`, esc(v.t("Zoeken", "Search")))
	var cmds []string
	if q != "" {
		cmds = append(cmds, "/phonebook "+q)
	}
	// A person's card, from a result's Card button.
	if id := r.URL.Query().Get("person"); id != "" {
		if _, err := strconv.ParseInt(id, 10, 64); err == nil {
			cmds = append(cmds, "/phonebook show "+id)
		}
	}
	a.show(w, r, v, v.t("Telefoonboek", "Phonebook"), h.String(), cmds...)
}

// profile is the person's own entry and choices (/profile); its button
// (back from away) comes back here, and the changes are typed as in a chat.
func (a *Adapter) profile(w http.ResponseWriter, r *http.Request, v *visit) {
	a.show(w, r, v, v.t("Profiel", "Profile"), "", "/profile")
}

func (a *Adapter) rooms(w http.ResponseWriter, r *http.Request, v *visit) {
	date := strings.TrimSpace(r.URL.Query().Get("date"))
	loc := strings.TrimSpace(r.URL.Query().Get("location"))
	h := &html{v: v}
	h.raw(`<form method="get" action="/web/rooms" class="search">`)
	h.f(`<div class="field"><label for="date">%s</label><input type="date" id="date" name="date" value="%s"></div>`, esc(v.t("Dag", "Day")), esc(date))
	h.f(`<div class="field"><label for="location">%s</label><input type="text" id="location" name="location" value="%s"></div>`, esc(v.t("Locatie", "Location")), esc(loc))
	h.f(`<button type="submit" class="primary">%s</button></form>`, esc(v.t("Toon", "Show")))
	day := "/room day"
	if date != "" {
		day += " " + quote(date)
	}
	if loc != "" {
		day += " location:" + quote(loc)
	}
	h.f(`<p><a class="button" href="/web/rooms/book">%s</a></p>`, esc(v.t("Een andere tijd boeken", "Book another time")))
	a.show(w, r, v, v.t("Zalen", "Rooms"), h.String(), day, "/room mine")
}

func (a *Adapter) newsList(w http.ResponseWriter, r *http.Request, v *visit) {
	h := &html{v: v}
	if v.has(intranet.RoleContentManager, intranet.RoleAdmin) {
		h.f(`<p><a class="button primary" href="/web/news/new">%s</a></p>`, esc(v.t("Nieuw bericht schrijven", "Write a news item")))
	}
	a.show(w, r, v, v.t("Nieuws", "News"), h.String(), "/news")
}

// id is the path's numeric id, or false with a page that says so.
func (a *Adapter) id(w http.ResponseWriter, r *http.Request, v *visit) (string, bool) {
	id := r.PathValue("id")
	if _, err := strconv.ParseInt(id, 10, 64); err != nil {
		a.problem(w, r, v, http.StatusNotFound, "Die pagina bestaat niet.", "That page does not exist.")
		return "", false
	}
	return id, true
}

func (a *Adapter) newsItem(w http.ResponseWriter, r *http.Request, v *visit) {
	// The item's card has its newest comments and a button for more.
	if id, ok := a.id(w, r, v); ok {
		a.show(w, r, v, v.t("Nieuws", "News"), "", "/news show "+id)
	}
}

// newsEditor is the form to write an item; what it publishes is shown on
// top of the news list.
func (a *Adapter) newsEditor(w http.ResponseWriter, r *http.Request, v *visit) {
	a.showFor(w, r, v, "/web/news", v.t("Nieuws plaatsen", "Publish news"), "", "/news post")
}

// roomBook is the booking form, for a time the day's hour buttons do not
// offer; the booking is shown on top of the rooms page.
func (a *Adapter) roomBook(w http.ResponseWriter, r *http.Request, v *visit) {
	a.showFor(w, r, v, "/web/rooms", v.t("Ruimte boeken", "Book a room"), "", "/room book")
}

func (a *Adapter) newsStats(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := a.id(w, r, v)
	if !ok {
		return
	}
	// The reply's own button downloads the CSV (/web/do serves a reply's
	// file); /web/news/{id}/stats.csv is the same as a plain link.
	a.show(w, r, v, v.t("Gelezen", "Reads"), "", "/news stats "+id)
}

// newsStatsCSV serves the file of the stats reply; who may not see the
// stats gets the core's answer as a page.
func (a *Adapter) newsStatsCSV(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := a.id(w, r, v)
	if !ok {
		return
	}
	reply := a.command(v, r, "/news stats "+id+" csv")
	if reply.File == nil {
		h := &html{v: v}
		h.reply(reply, "/web/news/"+id+"/stats")
		a.render(w, r, v, http.StatusForbidden, v.t("Gelezen", "Reads"), h.String())
		return
	}
	serveFile(w, reply.File)
}

// serveFile sends a reply's file as a download; the name is quoted (and
// written RFC 2231 style when it is not plain ASCII), so that it cannot
// end the header's parameter.
func serveFile(w http.ResponseWriter, f *intranet.File) {
	typ := f.ContentType
	if typ == "" {
		typ = "application/octet-stream"
	}
	w.Header().Set("Content-Type", typ)
	w.Header().Set("Content-Disposition", attachment(f.Name))
	w.Write(f.Data)
}

func attachment(name string) string {
	plain := name != ""
	for _, c := range name {
		if c < ' ' || c > '~' || c == '"' || c == '\\' {
			plain = false
		}
	}
	if plain {
		return `attachment; filename="` + name + `"`
	}
	if d := mime.FormatMediaType("attachment", map[string]string{"filename": name}); d != "" {
		return d
	}
	return "attachment"
}

// adminPages are the admin pages and the command each shows.
