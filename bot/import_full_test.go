package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/store"
)

const fullHeader = "name,email,department,roles\n"

// TestImportFull: `import --full` lists who is not in the file (and
// changes nothing), `--apply` deactivates them as the cli, guests are left
// alone, and a file that would deactivate more than half is refused
// without --force.
func TestImportFull(t *testing.T) {
	bothEngines(t, func(t *testing.T, env map[string]string) {
		dir := t.TempDir()
		file := func(name string, lines ...string) string {
			path := filepath.Join(dir, name)
			if err := os.WriteFile(path, []byte(fullHeader+strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			return path
		}
		a, b, c, d := "Anna Admin,anna@example.nl,Zorg,admin", "Bas Berg,bas@example.nl,Zorg,", "Cor Smit,cor@example.nl,Zorg,", "Dirk Dam,dirk@example.nl,Zorg,"
		e, g := "Eva Eik,eva@example.nl,Zorg,", "Gert Gast,gert@partner.example,Extern,guest"
		if code, out, errOut := run(t, env, "", "import", file("all.csv", a, b, c, d, e, g)); code != 0 {
			t.Fatalf("import: %s %s", out, errOut)
		}
		withoutEva := file("without-eva.csv", a, b, c, d)

		// A dry run: Eva is listed (the guest is not), and nothing changes.
		code, out, errOut := run(t, env, "", "import", "--full", withoutEva)
		if code != 0 {
			t.Fatalf("dry run: exit %d %s", code, errOut)
		}
		for _, want := range []string{"1 active person in Werkplek is not in " + withoutEva + " (nobody was deactivated):", "  Eva Eik <eva@example.nl>", "To deactivate them: werkplek import --full --apply " + withoutEva} {
			if !strings.Contains(out, want) {
				t.Errorf("dry run lacks %q:\n%s", want, out)
			}
		}
		if strings.Contains(out, "gert@") {
			t.Errorf("dry run lists the guest:\n%s", out)
		}
		if _, out, _ := run(t, env, "/phonebook eva\n", "console", "--as", "anna@example.nl"); !strings.Contains(out, "Eva Eik") {
			t.Fatalf("the dry run changed something:\n%s", out)
		}

		// Applied: Eva is deactivated by the cli, audited.
		code, out, errOut = run(t, env, "", "import", "--full", "--apply", withoutEva)
		if code != 0 || !strings.Contains(out, "deactivated Eva Eik <eva@example.nl>") || !strings.Contains(out, "Deactivated 1 person") {
			t.Fatalf("apply: exit %d\n%s\n%s", code, out, errOut)
		}
		if _, out, _ := run(t, env, "/phonebook eva\n", "console", "--as", "anna@example.nl"); strings.Contains(out, "Eva Eik") {
			t.Errorf("Eva is still found:\n%s", out)
		}
		// Again: nobody left to deactivate. Eva, back in the file, stays
		// deactivated until an admin brings her back.
		if code, out, _ := run(t, env, "", "import", "--full", "--apply", withoutEva); code != 0 || !strings.Contains(out, "nobody to deactivate") {
			t.Errorf("again: %d %s", code, out)
		}
		if code, out, _ := run(t, env, "", "import", "--full", file("with-eva.csv", a, b, c, d, e)); code != 0 || !strings.Contains(out, "Eva Eik <eva@example.nl> is in") || !strings.Contains(out, "/werkplek person activate eva@example.nl") {
			t.Errorf("with eva: %d %s", code, out)
		}

		// A truncated file: 3 of the 5 active people would go.
		truncated := file("truncated.csv", a)
		code, _, errOut = run(t, env, "", "import", "--full", "--apply", truncated)
		if code != 1 || !strings.Contains(errOut, "more than half") || !strings.Contains(errOut, "--force") {
			t.Fatalf("truncated: exit %d %s", code, errOut)
		}
		if _, out, _ := run(t, env, "", "import", "--full", truncated); !strings.Contains(out, "--apply --force") {
			t.Errorf("truncated dry run: %s", out)
		}
		if code, out, errOut := run(t, env, "", "import", "--full", "--apply", "--force", truncated); code != 0 || !strings.Contains(out, "Deactivated 3 people") {
			t.Fatalf("forced: exit %d %s %s", code, out, errOut)
		}
		if code, _, errOut := run(t, env, "", "import", "--apply", truncated); code != 2 || !strings.Contains(errOut, "go with --full") {
			t.Errorf("--apply alone: %d %s", code, errOut)
		}

		s, err := store.Open(context.Background(), env["WERKPLEK_DATABASE_URL"])
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		eva, err := s.FindPersonByEmail(context.Background(), "eva@example.nl")
		if err != nil || !eva.Inactive {
			t.Fatalf("eva: %+v %v", eva, err)
		}
		log, err := s.AuditLog(context.Background(), intranet.AuditQuery{PersonID: eva.ID})
		if err != nil || len(log) != 1 || log[0].Actor != "cli" || log[0].Platform != "cli" || log[0].Action != "person deactivate" {
			t.Errorf("audit: %+v %v", log, err)
		}
		if guest, _ := s.FindPersonByEmail(context.Background(), "gert@partner.example"); guest.Inactive {
			t.Error("the guest was deactivated")
		}
	})
}
