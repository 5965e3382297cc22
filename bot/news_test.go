package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNewsCommands is news end to end through the real Main: people from
// CSV, an immediate subscription of a console channel, an important item
// published by a content manager that arrives in that channel through the
// outbox, the acknowledgement, and the CSV of who read it.
func TestNewsCommands(t *testing.T) {
	bothEngines(t, func(t *testing.T, env map[string]string) {
		dir := t.TempDir()
		people := filepath.Join(dir, "people.csv")
		os.WriteFile(people, []byte("name,email,department,roles\n"+
			"Carla Content,carla@example.nl,Communicatie,content manager\n"+
			"Jan de Vries,jan@example.nl,Zorg Oost,team lead\n"+
			"Pieter Jansen,pieter@example.nl,Zorg Oost,\n"+
			"Kees Janssen,kees@example.nl,Zorg West,\n"), 0o600)
		if code, out, errOut := run(t, env, "", "import", people); code != 0 {
			t.Fatalf("import: %s %s", out, errOut)
		}
		// Jan links his team's channel to the team (so that it gets the
		// department's items) and subscribes it.
		code, out, errOut := run(t, env, "/team channel \"Zorg Oost\"\n/news subscribe immediate dept:\"zorg oost\"\n/news post Hoi | Tekst\n", "console", "--as", "jan@example.nl", "--channel", "oost")
		if code != 0 || !strings.Contains(out, "Abonnement 1") || !strings.Contains(out, "Alleen contentbeheerders") {
			t.Fatalf("subscribe: %d %s %s", code, out, errOut)
		}
		code, out, errOut = run(t, env, "/nieuws plaats Nieuwe wondzorgkar | Staat in de berging. dept:\"Zorg Oost\" important\n/news plaats Kort | Tekst dept:\"Zorg Oots\"\n", "console", "--as", "carla@example.nl")
		if code != 0 || !strings.Contains(out, "Geplaatst als bericht 1") || !strings.Contains(out, "Ik ken geen afdeling") {
			t.Fatalf("post: %d %s %s", code, out, errOut)
		}
		out = consoleUntil(t, env, "/news read 1\n", []string{"Nieuws: Nieuwe wondzorgkar", "genoteerd dat je"}, "console", "--as", "jan@example.nl", "--channel", "oost")
		if !strings.Contains(out, "Nieuws: Nieuwe wondzorgkar") || !strings.Contains(out, "[Gelezen: /news read 1]") {
			t.Errorf("the immediate item did not reach Jan's console:\n%s", out)
		}
		code, out, _ = run(t, env, "/news stats 1\n", "console", "--as", "carla@example.nl")
		if code != 0 || !strings.Contains(out, "1 van 2 in de doelgroep") || !strings.Contains(out, "Pieter Jansen") {
			t.Errorf("stats: %s", out)
		}
		code, out, errOut = run(t, env, "", "news", "acks", "1")
		if code != 0 {
			t.Fatalf("news acks: %d %s", code, errOut)
		}
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil || len(rows) != 3 || strings.Join(rows[0], ",") != "name,email,acknowledged_at" {
			t.Fatalf("csv %q: %v", out, err)
		}
		for _, r := range rows[1:] {
			if (r[1] == "jan@example.nl") != (r[2] != "") {
				t.Errorf("row %v", r)
			}
		}
		if code, _, errOut := run(t, env, "", "news", "acks", "99"); code != 1 || !strings.Contains(errOut, "no news item 99") {
			t.Errorf("unknown item: %d %s", code, errOut)
		}
		if code, _, errOut := run(t, env, "", "news", "acks"); code != 2 || !strings.Contains(errOut, "give one item number") {
			t.Errorf("no item: %d %s", code, errOut)
		}
		env["WERKPLEK_NEWS_REMINDER_HOURS"] = "soon"
		if code, _, errOut := run(t, env, "", "news", "acks", "1"); code != 1 || !strings.Contains(errOut, "WERKPLEK_NEWS_REMINDER_HOURS") {
			t.Errorf("bad reminder hours: %d %s", code, errOut)
		}
	})
}
