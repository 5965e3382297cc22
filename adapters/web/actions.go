package web

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"html/template"
	"io"
	"net/http"
	"strings"

	"github.com/werkplek/werkplek/intranet"
)

// back is where a result page links back to: one of our own pages.
func back(r *http.Request) string {
	b := r.FormValue("back")
	if !strings.HasPrefix(b, "/web/") || strings.HasPrefix(b, "//") || strings.ContainsAny(b, "\\\r\n") {
		return "/web/"
	}
	return b
}

// result draws the core's answer to an action. Above the page the action
// came from when that page can show it (the rooms' day with the booking,
// home without the item just read), so that nobody is left on a page of
// its own; otherwise on a page with a link back.
func (a *Adapter) result(w http.ResponseWriter, r *http.Request, v *visit, reply intranet.Reply, status int) {
	h := &html{v: v}
	b := back(r)
	h.reply(reply, b)
	if status == http.StatusOK && a.showUnder(w, r, v, b, h.String()) {
		return
	}
	h.f(`<p><a class="button" href="%s">%s</a></p>`, esc(b), esc(v.t("Terug", "Back")))
	// Titled as the menu's page it came from, which the menu marks.
	title := "Werkplek"
	for _, l := range a.nav(r, v) {
		if l.Current {
			title = l.Label
		}
	}
	a.render(w, r, v, status, title, h.String())
}

// showUnder draws the page at path (one of ours) with the result above it,
// or reports false when that page does not take one.
func (a *Adapter) showUnder(w http.ResponseWriter, r *http.Request, v *visit, path string, result template.HTML) bool {
	ctx := context.WithValue(context.WithValue(r.Context(), visitKey, v), noticeKey, result)
	page, err := http.NewRequestWithContext(ctx, http.MethodGet, path, nil)
	if err != nil {
		return false
	}
	page.Header = r.Header.Clone()
	_, pattern := a.backPages.Handler(page)
	for _, p := range a.pageRoutes() {
		if p.pattern == pattern && p.under {
			a.backPages.ServeHTTP(w, page)
			return true
		}
	}
	return false
}

// do runs a button's command, as the person pressing it.
func (a *Adapter) do(w http.ResponseWriter, r *http.Request, v *visit) {
	cmd := strings.TrimSpace(r.FormValue("command"))
	if cmd == "" || len(cmd) > intranet.MaxTextLength {
		a.problem(w, r, v, http.StatusBadRequest, "Deze knop werkt niet.", "This button does not work.")
		return
	}
	req := a.request(v, r)
	req.Action = &intranet.Action{Command: cmd}
	reply := a.ask(r.Context(), req)
	if reply.File != nil {
		serveFile(w, reply.File) // a button that exports downloads its file
		return
	}
	a.result(w, r, v, reply, http.StatusOK)
}

// confirm asks before a button whose action needs confirming runs.
func (a *Adapter) confirm(w http.ResponseWriter, r *http.Request, v *visit) {
	var b intranet.Button
	raw, err := base64.RawURLEncoding.DecodeString(r.FormValue("button"))
	if err != nil || json.Unmarshal(raw, &b) != nil || b.Confirm == nil || b.Command != r.FormValue("command") {
		a.problem(w, r, v, http.StatusBadRequest, "Deze knop werkt niet.", "This button does not work.")
		return
	}
	c := b.Confirm
	h := &html{v: v}
	if c.Text != "" {
		h.mdBlock("text", c.Text)
	}
	yes, no := c.Confirm, c.Deny
	if yes == "" {
		yes = v.t("Ja", "Yes")
	}
	if no == "" {
		no = v.t("Nee", "No")
	}
	h.raw(`<div class="buttons"><form method="post" action="/web/do">`)
	h.csrf()
	h.hidden("command", b.Command)
	h.hidden("back", back(r))
	// Yes is the page's one strong button: filled, red when it removes.
	yesClass := "primary"
	if b.Style == intranet.StyleDanger {
		yesClass = "danger primary"
	}
	h.f(`<button type="submit" class="%s">%s</button></form>`, yesClass, esc(yes))
	h.f(`<a class="button" href="%s">%s</a></div>`, esc(back(r)), esc(no))
	title := c.Title
	if title == "" {
		title = v.t("Weet je het zeker?", "Are you sure?")
	}
	a.render(w, r, v, http.StatusOK, title, h.String())
}

// form hands a submitted form to the core; a submission with mistakes
// shows the form again with the values typed and each mistake.
func (a *Adapter) form(w http.ResponseWriter, r *http.Request, v *visit) {
	var def intranet.Form
	raw, err := base64.RawURLEncoding.DecodeString(r.FormValue("form_def"))
	if err != nil || json.Unmarshal(raw, &def) != nil || def.ID == "" || def.ID != r.FormValue("form_id") {
		a.problem(w, r, v, http.StatusBadRequest, "Dit formulier werkt niet. Laad de pagina opnieuw.", "This form does not work. Reload the page.")
		return
	}
	values := map[string]string{}
	for _, f := range def.Fields {
		values[f.Name] = r.FormValue(f.Name)
	}
	req := a.request(v, r)
	req.Form = &intranet.FormSubmission{FormID: def.ID, Values: values}
	reply := a.ask(r.Context(), req)
	if len(reply.FieldErrors) > 0 && reply.Form == nil {
		title := def.Title
		if title == "" {
			title = v.t("Formulier", "Form")
		}
		h := &html{v: v, page: title}
		h.form(def, values, reply.FieldErrors, back(r))
		a.render(w, r, v, http.StatusUnprocessableEntity, title, h.String())
		return
	}
	a.result(w, r, v, reply, http.StatusOK)
}

// preview writes the markup of a long text as the page will show it, for
// the editor's live preview.
func (a *Adapter) preview(w http.ResponseWriter, r *http.Request, v *visit) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	io.WriteString(w, string(md(r.FormValue("text"))))
}

// pageRoute is a page for who is signed in. An action's result is drawn
// on top of the page it came from when that page is under (a list or a
// day the result changes), so that the person sees what happened where
// they were; the editor and the booking form are not, a second empty form
// under "published" would only confuse (they send their result to their
// list).
type pageRoute struct {
	pattern string
	fn      func(http.ResponseWriter, *http.Request, *visit)
	under   bool
}

func (a *Adapter) pageRoutes() []pageRoute {
	return []pageRoute{
		{"GET /web/{$}", a.home, true},
		{"GET /web/phonebook", a.phonebook, true},
		{"GET /web/profile", a.profile, true},
		{"GET /web/rooms", a.rooms, true},
		{"GET /web/rooms/book", a.roomBook, false},
		{"GET /web/news", a.newsList, true},
		{"GET /web/news/new", a.newsEditor, false},
		{"GET /web/news/{id}", a.newsItem, true},
		{"GET /web/news/{id}/stats", a.newsStats, true},
		{"GET /web/admin", a.admin, true},
		{"GET /web/admin/people", a.peopleUpload, true},
		{"GET /web/admin/{page}", a.adminPage, true},
	}
}

type ctxKey int

const (
	visitKey ctxKey = iota
	noticeKey
)

// under serves a page inside an action's answer: the visit and the
// result travel in the request's context.
func (a *Adapter) under(fn func(http.ResponseWriter, *http.Request, *visit)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		fn(w, r, r.Context().Value(visitKey).(*visit))
	}
}

// notice is an action's result drawn above the page, or nothing.
func notice(r *http.Request) template.HTML {
	n, _ := r.Context().Value(noticeKey).(template.HTML)
	return n
}
