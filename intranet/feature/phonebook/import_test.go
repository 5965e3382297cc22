package phonebook_test

import (
	"context"
	"testing"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature/phonebook"
)

const ada = "ada.admin@example.nl" // admin

// importFile changes Pieter's title, keeps Jan and adds Nina.
const importFile = `name,email,mobile,department,title,location,manager_email,skills,roles
Pieter Jansen,pieter.jansen@example.nl,0612345678,Zorg Oost,Senior verpleegkundige,Utrecht,anouk.vandenberg@example.nl,Wondzorg,
Jan de Vries,jan.devries@example.nl,06-44444444,Zorg Oost,Wijkverpleegkundige,Utrecht,anouk.vandenberg@example.nl,EHBO,
Nina Nieuw,nina.nieuw@example.nl,,Zorg Oost,,Utrecht,anouk.vandenberg@example.nl,,
`

// submit sends the import form as email.
func submit(e *coretest.Env, email, csv, apply string) intranet.Reply {
	e.T.Helper()
	r := coretest.Request(email, "", "")
	r.Form = &intranet.FormSubmission{FormID: "people.import", Values: map[string]string{"csv": csv, "apply": apply}}
	return e.Do(r)
}

func withImport(t *testing.T, publicURL string, fn func(t *testing.T, e *coretest.Env)) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		e.Import(intranet.PersonRecord{Name: "Ada Admin", Email: ada, Roles: []intranet.Role{intranet.RoleAdmin}})
		e.Core(phonebook.New(phonebook.Config{People: e.Store, PublicURL: publicURL}))
		fn(t, e)
	})
}

// known reports whether the phonebook holds email.
func known(t *testing.T, e *coretest.Env, email string) bool {
	t.Helper()
	_, err := e.Store.FindPersonByEmail(context.Background(), email)
	if err != nil && intranet.ErrorCode(err) != intranet.ENOTFOUND {
		t.Fatal(err)
	}
	return err == nil
}

func TestImportForm(t *testing.T) {
	withImport(t, "https://werkplek.example.nl", func(t *testing.T, e *coretest.Env) {
		coretest.Wants(t, "employee", coretest.All(submit(e, coretest.Jan, importFile, "yes")), "Alleen een beheerder kan mensen importeren.")
		if known(t, e, "nina.nieuw@example.nl") {
			t.Fatal("an employee imported")
		}

		dry := submit(e, ada, importFile, "no")
		coretest.Wants(t, "dry run", coretest.All(dry), "Proefimport: nog niets veranderd",
			"Toegevoegd (1)", "- regel 4: Nina Nieuw (nina.nieuw@example.nl)",
			"Gewijzigd (1)", "- regel 2: Pieter Jansen (pieter.jansen@example.nl): `title`", "Ongewijzigd: 1")
		f := dry.Form
		if f == nil || f.ID != "people.import" || f.SubmitLabel != "Doorvoeren" || len(f.Fields) != 2 ||
			f.Fields[0].Name != "csv" || f.Fields[0].Kind != intranet.FieldLongText || f.Fields[0].Value != importFile ||
			f.Fields[1].Name != "apply" || f.Fields[1].Kind != intranet.FieldYesNo || f.Fields[1].Value != "yes" {
			t.Fatalf("dry run form %+v", f)
		}
		if known(t, e, "nina.nieuw@example.nl") {
			t.Fatal("a dry run imported")
		}

		// Submitting the form it offered imports.
		values := map[string]string{}
		for _, fl := range f.Fields {
			values[fl.Name] = fl.Value
		}
		done := submit(e, ada, values["csv"], values["apply"])
		coretest.Wants(t, "import", coretest.All(done), "Mensen geïmporteerd", "1 toegevoegd, 1 gewijzigd, 1 ongewijzigd.", "- regel 4: Nina Nieuw")
		if done.Form != nil || !known(t, e, "nina.nieuw@example.nl") {
			t.Fatalf("import: form %+v, Nina known %v", done.Form, known(t, e, "nina.nieuw@example.nl"))
		}
		if p, _ := e.Store.FindPersonByEmail(context.Background(), coretest.Pieter); p.Title != "Senior verpleegkundige" {
			t.Errorf("Pieter's title %q", p.Title)
		}

		// An unknown manager and a bad line: nothing is imported, every
		// problem is named, and no form offers to apply it.
		bad := "name,email,manager_email\nOtto Onbekend,otto@example.nl,baas@example.nl\nGeen Mail,geen-mail,\n"
		for _, apply := range []string{"no", "yes"} {
			reply := submit(e, ada, bad, apply)
			coretest.Wants(t, "bad file "+apply, coretest.All(reply), "Niets geïmporteerd", "Fouten (2)",
				"- regel 2: onbekende manager baas@example.nl", `- regel 3: ongeldig e-mailadres "geen-mail"`)
			if reply.Form != nil || known(t, e, "otto@example.nl") {
				t.Fatalf("bad file %s: form %+v", apply, reply.Form)
			}
		}
		coretest.Wants(t, "bad column", coretest.All(submit(e, ada, "name,email,shoe\nOtto,otto@example.nl,43\n", "no")),
			"Fouten (1)", `- regel 1: onbekende kolom "shoe"`)

		e.Say(ada, "", "/werkplek language en")
		dry = submit(e, ada, importFile+"Nora Nieuw,nora@example.nl,,Zorg West,,,,,\n", "no")
		coretest.Wants(t, "dry run in English", coretest.All(dry), "Dry run: nothing changed yet", "Added (1)", "- line 5: Nora Nieuw (nora@example.nl)", "Unchanged: 3")
		coretest.Lacks(t, "dry run in English", coretest.All(dry), "Changed (")
		if dry.Form == nil || dry.Form.SubmitLabel != "Apply" {
			t.Fatalf("form in English %+v", dry.Form)
		}
		coretest.Wants(t, "bad file in English", coretest.All(submit(e, ada, bad, "no")), "Nothing imported", "Errors (2)",
			"- line 2: unknown manager baas@example.nl (not in the file, not in the phonebook)", `- line 3: bad email "geen-mail"`)
		coretest.Wants(t, "bad column in English", coretest.All(submit(e, ada, "name,email,shoe\n", "no")), `- line 1: unknown column "shoe"`)
		e.Say(coretest.Jan, "", "/werkplek language en")
		coretest.Wants(t, "employee in English", coretest.All(submit(e, coretest.Jan, importFile, "no")), "Only an admin can import people.")
	})
}

func TestImportCommand(t *testing.T) {
	withImport(t, "https://werkplek.example.nl/", func(t *testing.T, e *coretest.Env) {
		coretest.Wants(t, "admin", coretest.All(e.Say(ada, "", "/telefoon importeer")), "Importeer mensen op de beheerpagina: https://werkplek.example.nl/web/admin/people.", "`werkplek import BESTAND`")
		coretest.Wants(t, "employee", coretest.All(e.Say(coretest.Jan, "", "/phonebook import")), "Alleen een beheerder kan mensen importeren.")
		e.Say(ada, "", "/werkplek language en")
		coretest.Wants(t, "admin in English", coretest.All(e.Say(ada, "", "/phonebook import")), "Import people on the admin page: https://werkplek.example.nl/web/admin/people.", "`werkplek import FILE`")
		e.Say(coretest.Jan, "", "/werkplek language en")
		coretest.Wants(t, "employee in English", coretest.All(e.Say(coretest.Jan, "", "/phonebook import")), "Only an admin can import people.")
	})
	withImport(t, "", func(t *testing.T, e *coretest.Env) {
		got := coretest.All(e.Say(ada, "", "/phonebook import"))
		coretest.Wants(t, "without the web", got, "Mensen importeren doe je op de server: `werkplek import BESTAND`")
		coretest.Lacks(t, "without the web", got, "/web/admin/people")
	})
}
