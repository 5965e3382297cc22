package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"github.com/werkplek/werkplek/internal/xlsxtest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/store"
)

// windows1252 is text as Dutch Excel saves "CSV (gescheiden door
// lijstscheidingsteken)": CRLF line ends, Windows-1252.
func windows1252(t *testing.T, text string) []byte {
	t.Helper()
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(strings.ReplaceAll(text, "\n", "\r\n")))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// openStore opens the test's database to look at what a command wrote.
func openStore(t *testing.T, env map[string]string) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), env["WERKPLEK_DATABASE_URL"])
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestImportFilesAsHRExportsThem: the people, rooms and teams imports read
// a semicolon file in Windows-1252 with accents and an .xlsx workbook;
// --dry-run shows what would change and writes nothing; a real import says
// how the file was read and is in the audit log.
func TestImportFilesAsHRExportsThem(t *testing.T) {
	bothEngines(t, func(t *testing.T, env map[string]string) {
		ctx := context.Background()
		dir := t.TempDir()
		write := func(name string, data []byte) string {
			path := filepath.Join(dir, name)
			if err := os.WriteFile(path, data, 0o600); err != nil {
				t.Fatal(err)
			}
			return path
		}
		people := write("medewerkers.csv", windows1252(t, "name;email;phone;department;skills;roles\n"+
			"René Müller;rene@example.nl;020 123 4567;Zorg Zuid;\"wondzorg;tillen\";team lead\n"+
			"Zoë Brontë;zoe@example.nl;;Zorg Zuid;;\n"))
		rooms := write("zalen.csv", windows1252(t, "name;location;capacity;facilities;opens;closes\nCafé;Utrecht, 1e verdieping;8;\"screen;video\";08:00;17:00\n"))
		teams := write("teams.csv", windows1252(t, "name;leads;members;approval\nNachtdienst Zuïd;rene@example.nl;\"rene@example.nl;zoe@example.nl\";ja\n"))

		// Dry runs first: they say what would change, and write nothing.
		code, out, errOut := run(t, env, "", "import", "--dry-run", people)
		if code != 0 {
			t.Fatalf("people dry run: %d %s %s", code, out, errOut)
		}
		for _, want := range []string{"line 2: new: René Müller (rene@example.nl)", "line 3: new: Zoë Brontë (zoe@example.nl)",
			"Checked (dry run, nothing written) " + people + ": 2 new, 0 updated, 0 unchanged; read as Windows-1252 (not UTF-8)."} {
			if !strings.Contains(out, want) {
				t.Errorf("people dry run lacks %q:\n%s", want, out)
			}
		}
		s := openStore(t, env)
		if n, err := s.CountPeople(ctx); err != nil || n != 0 {
			t.Fatalf("the dry run wrote %d people (%v)", n, err)
		}
		if code, out, errOut := run(t, env, "", "rooms", "import", "--dry-run", rooms); code != 0 || !strings.Contains(out, "1 new room, 0 updated; read as Windows-1252") {
			t.Fatalf("rooms dry run: %d %s %s", code, out, errOut)
		}
		if rs, err := s.Rooms(ctx, true); err != nil || len(rs) != 0 {
			t.Fatalf("the rooms dry run wrote %v (%v)", rs, err)
		}
		if log, err := s.AuditLog(ctx, intranet.AuditQuery{}); err != nil || len(log) != 0 {
			t.Fatalf("dry runs are in the audit log: %+v (%v)", log, err)
		}

		// The real imports.
		if code, out, errOut := run(t, env, "", "import", people); code != 0 || !strings.Contains(out, "Imported "+people+": 2 new, 0 updated, 0 unchanged; read as Windows-1252 (not UTF-8).") {
			t.Fatalf("people: %d %s %s", code, out, errOut)
		}
		p, err := s.FindPersonByEmail(ctx, "rene@example.nl")
		if err != nil || p.Name != "René Müller" || p.Department != "Zorg Zuid" || strings.Join(p.Skills, "|") != "wondzorg|tillen" || !p.Has(intranet.RoleTeamLead) {
			t.Fatalf("René read as %+v (%v)", p, err)
		}
		if code, out, errOut := run(t, env, "", "rooms", "import", rooms); code != 0 || !strings.Contains(out, "1 new room") {
			t.Fatalf("rooms: %d %s %s", code, out, errOut)
		}
		if rs, err := s.Rooms(ctx, false); err != nil || len(rs) != 1 || rs[0].Name != "Café" || rs[0].Location != "Utrecht, 1e verdieping" || rs[0].Opens != 8*60 || !rs[0].Has("video") {
			t.Fatalf("rooms: %+v (%v)", rs, err)
		}
		if code, out, errOut := run(t, env, "", "teams", "import", teams); code != 0 || !strings.Contains(out, "1 new team") {
			t.Fatalf("teams: %d %s %s", code, out, errOut)
		}
		if team, err := s.FindTeamByName(ctx, "Nachtdienst Zuïd"); err != nil || len(team.Members) != 2 || !team.Approval {
			t.Fatalf("team: %+v (%v)", team, err)
		}

		// A workbook: Zoë's phone typed as a number, René's kept as text
		// with its leading zero; a room's hours as Excel times.
		book := write("medewerkers.xlsx", xlsxtest.Workbook(xlsxtest.Sheet{Name: "Blad1", Rows: [][]xlsxtest.Cell{
			{xlsxtest.S("name"), xlsxtest.S("email"), xlsxtest.S("phone"), xlsxtest.S("department"), xlsxtest.S("skills"), xlsxtest.S("roles")},
			{xlsxtest.S("René Müller"), xlsxtest.S("rene@example.nl"), xlsxtest.S("0201234567"), xlsxtest.S("Zorg Zuid"), xlsxtest.S("wondzorg;tillen"), xlsxtest.S("team lead")},
			{xlsxtest.S("Zoë Brontë"), xlsxtest.S("zoe@example.nl"), xlsxtest.N("3.1612345678E10"), xlsxtest.S("Zorg Zuid")},
		}}))
		code, out, errOut = run(t, env, "", "import", "--dry-run", book)
		if code != 0 || !strings.Contains(out, "line 2: changed: René Müller (rene@example.nl): phone") || !strings.Contains(out, "line 3: changed: Zoë Brontë (zoe@example.nl): phone") ||
			!strings.Contains(out, `0 new, 2 updated, 0 unchanged; read the first sheet ("Blad1") of the workbook.`) {
			t.Fatalf("workbook dry run: %d %s %s", code, out, errOut)
		}
		if code, out, errOut := run(t, env, "", "import", book); code != 0 {
			t.Fatalf("workbook: %d %s %s", code, out, errOut)
		}
		for email, phone := range map[string]string{"rene@example.nl": "0201234567", "zoe@example.nl": "31612345678"} {
			if p, err := s.FindPersonByEmail(ctx, email); err != nil || p.Phone != phone {
				t.Errorf("%s: phone %q, want %q (%v)", email, p.Phone, phone, err)
			}
		}
		roomBook := write("zalen.xlsx", xlsxtest.Workbook(xlsxtest.Sheet{Name: "Zalen", Rows: [][]xlsxtest.Cell{
			{xlsxtest.S("name"), xlsxtest.S("capacity"), xlsxtest.S("opens"), xlsxtest.S("closes")},
			{xlsxtest.S("Café"), xlsxtest.N("12"), xlsxtest.T("0.29166666666666669"), xlsxtest.T("0.875")},
		}}))
		if code, out, errOut := run(t, env, "", "rooms", "import", roomBook); code != 0 || !strings.Contains(out, "0 new rooms, 1 updated") {
			t.Fatalf("rooms workbook: %d %s %s", code, out, errOut)
		}
		if rs, err := s.Rooms(ctx, false); err != nil || len(rs) != 1 || rs[0].Capacity != 12 || rs[0].Opens != 7*60 || rs[0].Closes != 21*60 {
			t.Fatalf("rooms after the workbook: %+v (%v)", rs, err)
		}
		teamBook := write("teams.xlsx", xlsxtest.Workbook(xlsxtest.Strings("Teams", []string{"name", "members"}, []string{"Dagdienst Zuïd", "zoe@example.nl"})))
		if code, out, errOut := run(t, env, "", "teams", "import", teamBook); code != 0 || !strings.Contains(out, "1 new team") {
			t.Fatalf("teams workbook: %d %s %s", code, out, errOut)
		}

		log, err := s.AuditLog(ctx, intranet.AuditQuery{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range log {
			if e.Actor != "cli" || e.Platform != "cli" || e.Detail == "" {
				t.Errorf("audit entry %+v", e)
			}
			got = append(got, e.Action+": "+e.Subject)
		}
		want := "import people: medewerkers.csv|import rooms: zalen.csv|import teams: teams.csv|import people: medewerkers.xlsx|import rooms: zalen.xlsx|import teams: teams.xlsx"
		if strings.Join(got, "|") != want {
			t.Errorf("audit log:\n%s\nwant\n%s", strings.Join(got, "|"), want)
		}
		if len(log) > 0 && !strings.Contains(log[0].Detail, "2 new, 0 updated, 0 unchanged; read as Windows-1252") {
			t.Errorf("audit detail %q", log[0].Detail)
		}
	})
}
