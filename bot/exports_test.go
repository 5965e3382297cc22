package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/werkplek/werkplek/intranet"
)

// stamp is how every export writes a moment: RFC 3339 to the second in
// WERKPLEK_TIMEZONE, with its offset (+05:30 for Asia/Kolkata), never Z.
var stamp = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+05:30$`)

// TestExportTimes: news acks, handovers export and jobs --json write their
// times alike, in local time with the offset.
func TestExportTimes(t *testing.T) {
	bothEngines(t, func(t *testing.T, env map[string]string) {
		env["WERKPLEK_TIMEZONE"] = "Asia/Kolkata"
		people := filepath.Join(t.TempDir(), "people.csv")
		os.WriteFile(people, []byte("name,email,department,roles\n"+
			"Carla Content,carla@example.nl,Communicatie,content manager\n"+
			"Jan de Vries,jan@example.nl,Zorg Oost,\n"), 0o600)
		if code, out, errOut := run(t, env, "", "import", people); code != 0 {
			t.Fatalf("import: %s %s", out, errOut)
		}
		ctx := context.Background()
		m := openedMain(t, env)
		say := func(email, text, want string) {
			t.Helper()
			req := intranet.Request{Platform: intranet.PlatformConsole, Installation: "local", User: intranet.User{ID: email, Email: email}, Text: text}
			reply, err := m.Router.Handle(ctx, req)
			if err != nil || !strings.Contains(reply.Title+reply.Text, want) {
				t.Fatalf("%s: %+v, %v", text, reply, err)
			}
		}
		say("carla@example.nl", "/news post Sleutels | Bij de balie. important", "Geplaatst als bericht 1")
		say("jan@example.nl", "/news read 1", "genoteerd")
		say("jan@example.nl", "/handover overmorgen 14:00-22:00 Pool Noord", "Pool Noord")
		m.Close()

		check := func(what, value string) {
			t.Helper()
			if !stamp.MatchString(value) {
				t.Errorf("%s: %q is not local time with its offset", what, value)
			}
		}
		code, out, errOut := run(t, env, "", "news", "acks", "1")
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if code != 0 || err != nil || len(rows) != 3 {
			t.Fatalf("news acks: %d %s %s %v", code, out, errOut, err)
		}
		for _, r := range rows[1:] {
			if r[1] == "jan@example.nl" {
				check("news acks", r[2])
			} else if r[2] != "" {
				t.Errorf("news acks: not acknowledged, yet %q", r[2])
			}
		}

		code, out, errOut = run(t, env, "", "handovers", "export", "--from", "2000-01-01", "--to", "2100-12-31")
		rows, err = csv.NewReader(strings.NewReader(out)).ReadAll()
		if code != 0 || err != nil || len(rows) < 2 {
			t.Fatalf("handovers export: %d %s %s %v", code, out, errOut, err)
		}
		for _, r := range rows[1:] {
			for i, col := range rows[0] {
				if col == "shift_start" || col == "shift_end" || col == "changed_at" {
					check("handovers export "+col, r[i])
				}
			}
		}

		code, out, errOut = run(t, env, "", "jobs", "--json")
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if code != 0 || out == "" {
			t.Fatalf("jobs --json: %d %s %s", code, out, errOut)
		}
		for _, line := range lines {
			var j struct{ Kind, Due, Next string }
			if err := json.Unmarshal([]byte(line), &j); err != nil {
				t.Fatalf("jobs --json: %v in %s", err, line)
			}
			check("jobs --json "+j.Kind+" Due", j.Due)
			check("jobs --json "+j.Kind+" Next", j.Next)
		}
	})
}
