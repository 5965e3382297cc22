package phonebook_test

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/internal/xlsxtest"
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

// TestImportFormFiles: the form takes the file as Dutch Excel saves it
// (semicolons, CRLF, Windows-1252) and as an .xlsx workbook, as the web's
// upload hands them over, says how it read them, and offers the file
// again as UTF-8 text that imports the same.
func TestImportFormFiles(t *testing.T) {
	cp1252, err := charmap.Windows1252.NewEncoder().String("name;email;phone;department;manager_email\r\n" +
		"René Müller;rene@example.nl;020 123 4567;Zorg Oost;anouk.vandenberg@example.nl\r\n" +
		"Zoë Brontë;zoe@example.nl;;Zorg Oost;\r\n")
	if err != nil {
		t.Fatal(err)
	}
	book := string(xlsxtest.Workbook(xlsxtest.Sheet{Name: "Blad1", Rows: [][]xlsxtest.Cell{
		{xlsxtest.S("name"), xlsxtest.S("email"), xlsxtest.S("phone")},
		{xlsxtest.S("Zoë Brontë"), xlsxtest.S("zoe@example.nl"), xlsxtest.N("612345678")},
	}}))
	withImport(t, "https://werkplek.example.nl", func(t *testing.T, e *coretest.Env) {
		dry := submit(e, ada, cp1252, "no")
		coretest.Wants(t, "Dutch Excel", coretest.All(dry), "Proefimport: nog niets veranderd", "Gelezen als Windows-1252 (geen UTF-8).",
			"Toegevoegd (2)", "- regel 2: René Müller (rene@example.nl)", "- regel 3: Zoë Brontë (zoe@example.nl)")
		if dry.Form == nil || !utf8.ValidString(dry.Form.Fields[0].Value) || !strings.Contains(dry.Form.Fields[0].Value, "René Müller;rene@example.nl") {
			t.Fatalf("dry run form %+v", dry.Form)
		}
		done := submit(e, ada, dry.Form.Fields[0].Value, "yes")
		coretest.Wants(t, "Dutch Excel applied", coretest.All(done), "Mensen geïmporteerd", "2 toegevoegd")
		if p, err := e.Store.FindPersonByEmail(context.Background(), "rene@example.nl"); err != nil || p.Name != "René Müller" || p.Phone != "020 123 4567" {
			t.Fatalf("René: %+v (%v)", p, err)
		}

		e.Say(ada, "", "/werkplek language en")
		dry = submit(e, ada, book, "no")
		coretest.Wants(t, "workbook", coretest.All(dry), "Dry run: nothing changed yet", `Read the first sheet ("Blad1") of the workbook.`,
			"Changed (1)", "- line 2: Zoë Brontë (zoe@example.nl): `phone`")
		if dry.Form == nil || dry.Form.Fields[0].Value != "name,email,phone\nZoë Brontë,zoe@example.nl,612345678\n" {
			t.Fatalf("workbook form %+v", dry.Form)
		}
		coretest.Wants(t, "workbook applied", coretest.All(submit(e, ada, dry.Form.Fields[0].Value, "yes")), "People imported", "0 added, 1 changed")
		if p, err := e.Store.FindPersonByEmail(context.Background(), "zoe@example.nl"); err != nil || p.Phone != "612345678" {
			t.Fatalf("Zoë: %+v (%v)", p, err)
		}
	})
}

// TestImportFormOrganisation: the dry run of a file with the organisation
// column names the partner organisations it adds and, per line, that a
// person's organisation changes; applied, the person is a partner.
func TestImportFormOrganisation(t *testing.T) {
	withImport(t, "", func(t *testing.T, e *coretest.Env) {
		lines := strings.Split(importFile, "\n")
		file := lines[0] + ",organisatie\n" + lines[1] + ",Thuiszorg Midden\n" + lines[2] + ",\nAnna Smit,anna@thuiszorgmidden.nl,,,,,,,,thuiszorg midden\n"
		dry := submit(e, ada, file, "no")
		coretest.Wants(t, "dry run", coretest.All(dry), "Toegevoegd (1)", "- regel 4: Anna Smit (anna@thuiszorgmidden.nl)",
			"- regel 2: Pieter Jansen (pieter.jansen@example.nl): `title`, `organisation`", "Ongewijzigd: 1", "Nieuwe partnerorganisaties (1)", "Thuiszorg Midden")
		if _, err := e.Store.FindOrganisation(context.Background(), "Thuiszorg Midden"); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Fatalf("a dry run added the organisation: %v", err)
		}
		coretest.Wants(t, "import", coretest.All(submit(e, ada, file, "yes")), "1 toegevoegd, 1 gewijzigd, 1 ongewijzigd.", "Nieuwe partnerorganisaties (1)")
		p, err := e.Store.FindPersonByEmail(context.Background(), coretest.Pieter)
		if err != nil || p.Organisation != "Thuiszorg Midden" || !p.IsPartner() {
			t.Fatalf("Pieter: %+v, %v", p, err)
		}
	})
}
