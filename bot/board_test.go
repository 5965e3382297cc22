package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBoardGuestsSetting is WERKPLEK_BOARD_GUESTS through the real Main:
// off by default, on with on or aan, and a clear message for anything
// else.
func TestBoardGuestsSetting(t *testing.T) {
	bothEngines(t, func(t *testing.T, env map[string]string) {
		people := filepath.Join(t.TempDir(), "people.csv")
		os.WriteFile(people, []byte("name,email,department,roles\n"+
			"Jan de Vries,jan@example.nl,Zorg Oost,\n"+
			"Gijs Gast,gijs@partner.example,Extern,guest\n"), 0o600)
		if code, out, errOut := run(t, env, "", "import", people); code != 0 {
			t.Fatalf("import: %s %s", out, errOut)
		}
		if code, out, errOut := run(t, env, "/prikbord plaats Fiets | Te koop.\n", "console", "--as", "jan@example.nl"); code != 0 || !strings.Contains(out, "nummer 1") {
			t.Fatalf("post: %d %s %s", code, out, errOut)
		}
		if code, out, _ := run(t, env, "/board\n", "console", "--as", "gijs@partner.example"); code != 0 || strings.Contains(out, "Fiets") || !strings.Contains(out, "gast") {
			t.Errorf("guests off by default: %d %s", code, out)
		}
		for _, on := range []string{"on", "AAN"} {
			env["WERKPLEK_BOARD_GUESTS"] = on
			if code, out, _ := run(t, env, "/board\n", "console", "--as", "gijs@partner.example"); code != 0 || !strings.Contains(out, "Fiets") {
				t.Errorf("guests %s: %d %s", on, code, out)
			}
		}
		env["WERKPLEK_BOARD_GUESTS"] = "uit"
		if code, out, _ := run(t, env, "/board\n", "console", "--as", "gijs@partner.example"); code != 0 || strings.Contains(out, "Fiets") {
			t.Errorf("guests uit: %d %s", code, out)
		}
		env["WERKPLEK_BOARD_GUESTS"] = "misschien"
		if code, _, errOut := run(t, env, "/board\n", "console", "--as", "jan@example.nl"); code != 1 || !strings.Contains(errOut, "WERKPLEK_BOARD_GUESTS") {
			t.Errorf("bad setting: %d %s", code, errOut)
		}
	})
}

// TestDemoBoard: the demo has ads on the board, searchable, twice seeded
// once.
func TestDemoBoard(t *testing.T) {
	bothEngines(t, func(t *testing.T, env map[string]string) {
		for i := 0; i < 2; i++ {
			code, out, errOut := run(t, env, "/prikbord\n/board zoek fiets\n", "demo")
			if code != 0 || !strings.Contains(out, "Hardloopgroep na het werk") || !strings.Contains(out, "Sleutelbos gevonden") ||
				!strings.Contains(out, "#1 Stadsfiets te koop") || strings.Contains(out, "#5") {
				t.Fatalf("demo board (run %d): %d %s %s", i+1, code, out, errOut)
			}
		}
	})
}
