package web

import (
	"io"
	"net/http"
	"strings"

	"github.com/werkplek/werkplek/intranet"
)

var adminPages = []struct{ path, nl, en, command string }{
	{"people", "Mensen", "People", ""},
	{"rooms", "Zalen", "Rooms", "/room admin list"},
	{"teams", "Teams", "Teams", "/team list"},
	{"topics", "Onderwerpen en experts", "Topics and experts", "/ask topic list"},
	{"usage", "Gebruik", "Usage", "/werkplek usage"},
	{"api", "API en webhooks", "API and webhooks", "/werkplek api"},
	{"audit", "Logboek", "Audit log", "/werkplek audit"},
}

func (a *Adapter) admin(w http.ResponseWriter, r *http.Request, v *visit) {
	h := &html{v: v}
	h.raw(`<ul class="links">`)
	for _, p := range adminPages {
		h.raw("<li>")
		h.link("/web/admin/"+p.path, v.t(p.nl, p.en))
		h.raw("</li>")
	}
	h.raw("</ul>")
	a.render(w, r, v, http.StatusOK, v.t("Beheer", "Admin"), h.String())
}

func (a *Adapter) adminPage(w http.ResponseWriter, r *http.Request, v *visit) {
	for _, p := range adminPages {
		if p.path == r.PathValue("page") && p.command != "" {
			a.show(w, r, v, v.t(p.nl, p.en), "", p.command)
			return
		}
	}
	a.problem(w, r, v, http.StatusNotFound, "Die pagina bestaat niet.", "That page does not exist.")
}

// peopleUpload is the people file's upload form.
func (a *Adapter) peopleUpload(w http.ResponseWriter, r *http.Request, v *visit) {
	h := &html{v: v}
	h.f("<p>%s</p>", md(v.t("Kies het bestand met mensen: CSV (gescheiden door komma's, puntkomma's of tabs, zoals Excel het opslaat) of een Excel-werkmap (.xlsx, het eerste werkblad), met de kolommen `naam`, `e-mail`, `telefoon`, `mobiel`, `afdeling`, `functie`, `locatie`, `e-mail manager`, `vaardigheden`, `rollen`, `personeelsnummer`, `organisatie` (of in het Engels: `name,email,phone,mobile,department,title,location,manager_email,skills,roles,employee_number,organisation`); alleen naam en e-mail zijn nodig. Wie een organisatie heeft, is partner van die organisatie. Je ziet eerst wat er verandert; pas daarna voer je het door.",
		"Choose the people file: CSV (separated by commas, semicolons or tabs, as Excel saves it) or an Excel workbook (.xlsx, the first sheet), with the columns `name,email,phone,mobile,department,title,location,manager_email,skills,roles,employee_number,organisation` (Dutch names work too); only name and email are required. Someone with an organisation is a partner of that organisation. You see what will change first; only then you apply it.")))
	h.raw(`<form method="post" action="/web/admin/people" enctype="multipart/form-data">`)
	h.csrf()
	h.f(`<div class="field"><label for="file">%s</label><input type="file" id="file" name="file" accept=".csv,.txt,.tsv,.xlsx,text/csv,text/plain,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required></div>`, esc(v.t("Bestand", "File")))
	h.f(`<div class="buttons"><button type="submit" class="primary">%s</button></div></form>`, esc(v.t("Controleren", "Check")))
	peopleDirectoryForm(h, v)
	a.render(w, r, v, http.StatusOK, v.t("Mensen", "People"), h.String())
}

// peopleDirectoryActions are the admins' /werkplek person and role
// commands the people page offers, by the form's value.
var peopleDirectoryActions = []struct{ value, nl, en, command string }{
	{"role-add", "Rol geven", "Give a role", "/werkplek role add"},
	{"role-remove", "Rol afnemen", "Take a role away", "/werkplek role remove"},
	{"deactivate", "Uitschakelen (vertrokken)", "Deactivate (left)", "/werkplek person deactivate"},
	{"activate", "Weer inschakelen", "Activate again", "/werkplek person activate"},
}

// peopleDirectoryForm is the form for roles and people who leave: it
// sends the typed command to the core as the admin (peopleDirectory).
func peopleDirectoryForm(h *html, v *visit) {
	h.f("<h2>%s</h2>", esc(v.t("Rollen en vertrek", "Roles and leavers")))
	h.raw(`<form method="post" action="/web/admin/people/directory">`)
	h.csrf()
	h.f(`<div class="field"><label for="person">%s</label><input type="text" id="person" name="person" required></div>`, esc(v.t("Persoon (e-mailadres of naam)", "Person (email address or name)")))
	h.f(`<div class="field"><label for="action">%s</label><select id="action" name="action">`, esc(v.t("Wat", "What")))
	for _, x := range peopleDirectoryActions {
		h.f(`<option value="%s">%s</option>`, esc(x.value), esc(v.t(x.nl, x.en)))
	}
	h.raw(`</select></div>`)
	h.f(`<div class="field"><label for="role">%s</label><select id="role" name="role"><option value=""></option>`, esc(v.t("Rol (bij rol geven of afnemen)", "Role (to give or take away)")))
	for i, role := range intranet.Roles {
		h.f(`<option value="%s">%s</option>`, esc(string(role)), esc(v.t(intranet.RolesNL[i], string(role))))
	}
	h.raw(`</select></div>`)
	h.f(`<div class="buttons"><button type="submit">%s</button></div></form>`, esc(v.t("Doorgaan", "Continue")))
}

// peopleDirectory runs the chosen /werkplek person or role command as
// the person signed in; the core authorises it, and asks before a
// deactivation (its button confirms).
func (a *Adapter) peopleDirectory(w http.ResponseWriter, r *http.Request, v *visit) {
	person, role := strings.TrimSpace(r.FormValue("person")), strings.TrimSpace(r.FormValue("role"))
	cmd := ""
	for _, x := range peopleDirectoryActions {
		if x.value == r.FormValue("action") {
			cmd = x.command + " " + quote(person)
			if strings.HasPrefix(x.value, "role") {
				cmd += " " + role
			}
		}
	}
	if cmd == "" || person == "" || strings.HasPrefix(r.FormValue("action"), "role") && role == "" {
		a.problem(w, r, v, http.StatusBadRequest, "Kies een persoon, wat er moet gebeuren en bij een rol de rol.", "Choose a person, what to do and, for a role, the role.")
		return
	}
	h := &html{v: v}
	h.reply(a.command(v, r, cmd), "/web/admin/people")
	h.f(`<p><a class="button" href="/web/admin/people">%s</a></p>`, esc(v.t("Terug", "Back")))
	a.render(w, r, v, http.StatusOK, v.t("Mensen", "People"), h.String())
}

// peopleCheck hands the uploaded file to the core as the people import
// form, which answers with the dry run and the form to apply it. The
// file's bytes go as they are (a workbook, Windows-1252 text): the core
// reads them by their content, whatever the file is called.
func (a *Adapter) peopleCheck(w http.ResponseWriter, r *http.Request, v *visit) {
	f, _, err := r.FormFile("file")
	if err != nil {
		a.problem(w, r, v, http.StatusBadRequest, "Kies eerst een bestand.", "Choose a file first.")
		return
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		a.problem(w, r, v, http.StatusBadRequest, "Het bestand is te groot (meer dan 8 MB).", "The file is too large (more than 8 MB).")
		return
	}
	req := a.request(v, r)
	req.Form = &intranet.FormSubmission{FormID: "people.import", Values: map[string]string{"csv": string(data), "apply": "no"}}
	h := &html{v: v}
	h.reply(a.ask(r.Context(), req), "/web/admin/people")
	a.render(w, r, v, http.StatusOK, v.t("Mensen", "People"), h.String())
}
