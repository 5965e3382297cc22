package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportOrganisations: `werkplek import` with the organisation column
// says which partner organisations it adds, the dry run names the
// organisation per line, and `import --full` leaves partners alone as it
// leaves guests.
func TestImportOrganisations(t *testing.T) {
	bothEngines(t, func(t *testing.T, env map[string]string) {
		dir := t.TempDir()
		file := func(name string, lines ...string) string {
			path := filepath.Join(dir, name)
			if err := os.WriteFile(path, []byte("name,email,department,roles,organisatie\n"+strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			return path
		}
		anna, bas, pia := "Anna Admin,anna@example.nl,Zorg,admin,", "Bas Berg,bas@example.nl,Zorg,,", "Pia Partner,pia@thuiszorgmidden.nl,,,Thuiszorg Midden"
		all := file("all.csv", anna, bas, pia)
		if code, out, errOut := run(t, env, "", "import", all); code != 0 || !strings.Contains(out, "3 new, 0 updated, 0 unchanged; 1 new partner organisation: Thuiszorg Midden.") {
			t.Fatalf("import: %d %s %s", code, out, errOut)
		}
		code, out, errOut := run(t, env, "", "import", "--dry-run", file("bas.csv", anna, bas+"thuiszorg midden", pia))
		if code != 0 || !strings.Contains(out, "line 3: changed: Bas Berg (bas@example.nl): organisation") || strings.Contains(out, "new partner organisation") {
			t.Fatalf("dry run: %d %s %s", code, out, errOut)
		}
		code, out, errOut = run(t, env, "", "import", "--full", file("employees.csv", anna, bas))
		if code != 0 || !strings.Contains(out, "Everyone active in Werkplek is in") || strings.Contains(out, "pia@") {
			t.Fatalf("--full: %d %s %s", code, out, errOut)
		}
	})
}
