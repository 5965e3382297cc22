package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/werkplek/werkplek/intranet"
)

// TestHandoverCommands is the handover end to end through the real Main:
// people and teams imported from CSV, a request typed in a console channel
// of the team, taken by a colleague in another console, the requester's
// DM, and the CSV export of every change.
func TestHandoverCommands(t *testing.T) {
	bothEngines(t, func(t *testing.T, env map[string]string) {
		dir := t.TempDir()
		people := filepath.Join(dir, "people.csv")
		os.WriteFile(people, []byte("name,email,department,skills,roles\n"+
			"Anouk van den Berg,anouk@example.nl,Zorg Oost,Wondzorg,team lead\n"+
			"Jan de Vries,jan@example.nl,Zorg Oost,,\n"+
			"Pieter Jansen,pieter@example.nl,Zorg West,Wondzorg,\n"), 0o600)
		if code, out, errOut := run(t, env, "", "import", people); code != 0 {
			t.Fatalf("import: %s %s", out, errOut)
		}
		teams := filepath.Join(dir, "teams.csv")
		os.WriteFile(teams, []byte("name,leads,members,channels,approval\n"+
			"Nachtdienst,anouk@example.nl,jan@example.nl;nobody@example.nl,console:nacht;fax:1,maybe\n"), 0o600)
		code, _, errOut := run(t, env, "", "teams", "import", teams)
		for _, want := range []string{"3 problems; nothing was imported", `line 2: channels: "fax:1" is not platform:channel-id`, `line 2: approval: "maybe" is not yes or no`, "line 2: not in the phonebook: nobody@example.nl"} {
			if code != 1 || !strings.Contains(errOut, want) {
				t.Errorf("bad teams file: exit %d, stderr lacks %q:\n%s", code, want, errOut)
			}
		}
		os.WriteFile(teams, []byte("name,leads,members,channels,approval\n"+
			"Nachtdienst,anouk@example.nl,jan@example.nl;pieter@example.nl,console:nacht,no\n"+
			"Zorg Oost,,pieter@example.nl,console:oost,\n"), 0o600)
		code, out, errOut := run(t, env, "", "teams", "import", teams)
		if code != 0 || !strings.Contains(out, "1 new team, 1 existing team added to") {
			t.Fatalf("teams import: %d %s %s", code, out, errOut)
		}
		code, out, errOut = run(t, env, "/handover morgen 22:00-07:00 Nacht Noord needs:wondzorg\n/team show nachtdienst\n", "console", "--as", "jan@example.nl", "--channel", "nacht")
		if code != 0 {
			t.Fatalf("console: %s", errOut)
		}
		for _, want := range []string{"Overdracht 1 gevraagd", "console:nacht", "Nodig: Wondzorg", "Leiding: Anouk van den Berg", "Leden: Pieter Jansen, Jan de Vries"} {
			if !strings.Contains(out, want) {
				t.Errorf("requester's console lacks %q:\n%s", want, out)
			}
		}
		out = consoleUntil(t, env, "/overdracht neem 1\n", []string{"Dienst over te nemen: Nacht Noord", "Je neemt de dienst over"}, "console", "--as", "pieter@example.nl", "--channel", "nacht")
		for _, want := range []string{"Dienst over te nemen: Nacht Noord", "Je neemt de dienst over"} {
			if !strings.Contains(out, want) {
				t.Errorf("taker's console lacks %q:\n%s", want, out)
			}
		}
		// The DM goes through the outbox: it arrives while a console runs.
		out = consoleUntil(t, env, "/handover mine\n", []string{"Pieter Jansen neemt je dienst", "Gevraagd · *1*", "overgenomen · door Pieter Jansen"}, "console", "--as", "jan@example.nl", "--channel", "nacht")
		for _, want := range []string{"Pieter Jansen neemt je dienst", "Gevraagd · *1*", "overgenomen · door Pieter Jansen"} {
			if !strings.Contains(out, want) {
				t.Errorf("requester's second console lacks %q:\n%s", want, out)
			}
		}
		today := time.Now().Format("2006-01-02")
		later := time.Now().AddDate(0, 0, 3).Format("2006-01-02")
		code, out, errOut = run(t, env, "", "handovers", "export", "--from", today, "--to", later)
		if code != 0 {
			t.Fatalf("export: %s", errOut)
		}
		// Tomorrow night is 9 hours, or 8 or 10 when the clocks change in it.
		ams, err := time.LoadLocation("Europe/Amsterdam")
		if err != nil {
			t.Fatal(err)
		}
		y, m, d := time.Now().In(ams).Date()
		hours := time.Date(y, m, d+2, 7, 0, 0, 0, ams).Sub(time.Date(y, m, d+1, 22, 0, 0, 0, ams)).Hours()
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if len(lines) != 3 || !strings.HasPrefix(lines[0], "handover_id,team,requester_email") ||
			!strings.Contains(lines[1], ",Nachtdienst,jan@example.nl,Jan de Vries,") || !strings.Contains(lines[1], fmt.Sprintf(",%.2f,Nacht Noord,Wondzorg,taken,pieter@example.nl,Pieter Jansen,", hours)) ||
			!strings.Contains(lines[1], ",created,open,jan@example.nl,Jan de Vries") || !strings.Contains(lines[2], ",taken,taken,pieter@example.nl,Pieter Jansen") {
			t.Errorf("export:\n%s", out)
		}
		if code, _, errOut := run(t, env, "", "handovers", "export", "--from", "gisteren"); code != 2 || !strings.Contains(errOut, "YYYY-MM-DD") {
			t.Errorf("bad dates: %d %s", code, errOut)
		}
	})
}

// TestUseHandoverJobs: the core open builds has the handover jobs on the
// real job runner: a new request schedules its expiry at the start and the
// leads' reminder 12 hours before it, and its card goes through the outbox.
func TestUseHandoverJobs(t *testing.T) {
	bothEngines(t, func(t *testing.T, env map[string]string) {
		dir := t.TempDir()
		people := filepath.Join(dir, "people.csv")
		os.WriteFile(people, []byte("name,email,department,roles\nAnouk van den Berg,anouk@example.nl,Zorg Oost,team lead\nJan de Vries,jan@example.nl,Zorg Oost,\n"), 0o600)
		if code, out, errOut := run(t, env, "", "import", people); code != 0 {
			t.Fatalf("import: %s %s", out, errOut)
		}
		ctx := context.Background()
		m := openedMain(t, env)
		defer m.Close()
		req := intranet.Request{Platform: intranet.PlatformConsole, Installation: "local", User: intranet.User{ID: "anouk@example.nl", Email: "anouk@example.nl"},
			Channel: intranet.Channel{ID: "oost"}, Text: "/team channel \"Zorg Oost\""}
		if _, err := m.Router.Handle(ctx, req); err != nil {
			t.Fatal(err)
		}
		req.User, req.Text = intranet.User{ID: "jan@example.nl", Email: "jan@example.nl"}, "/handover overmorgen 14:00-22:00 Pool Noord"
		reply, err := m.Router.Handle(ctx, req)
		if err != nil || !strings.Contains(reply.Title, "Overdracht 1 gevraagd") {
			t.Fatalf("create: %+v, %v", reply, err)
		}
		jobs, err := m.Jobs.Jobs(ctx, 100)
		if err != nil {
			t.Fatal(err)
		}
		kinds := map[string]time.Time{}
		for _, j := range jobs {
			kinds[j.Kind] = j.Due
		}
		expire, remind := kinds["handover.expire"], kinds["handover.remind"]
		if expire.IsZero() || remind.IsZero() || expire.Sub(remind) != 12*time.Hour || kinds["outbox.deliver"].IsZero() {
			t.Fatalf("jobs: %+v", jobs)
		}
	})
}

// consoleUntil runs a console with the script on its input and ends it
// once its output holds every wanted text, or after 60 seconds: a DM from
// the outbox and the reply to the script arrive in either order.
func consoleUntil(t *testing.T, env map[string]string, script string, wants []string, args ...string) string {
	t.Helper()
	m := NewMain()
	in, inW := io.Pipe()
	out := &syncBuffer{}
	logs := &syncBuffer{}
	m.Stdin, m.Stdout, m.Stderr, m.Getenv = in, out, logs, testGetenv(env)
	done := make(chan int, 1)
	go func() { done <- m.Run(context.Background(), args) }()
	go func() { _, _ = io.WriteString(inW, script) }()
	end := time.Now().Add(60 * time.Second)
	for !containsAll(out.String(), wants) && time.Now().Before(end) {
		time.Sleep(50 * time.Millisecond)
	}
	inW.Close()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("console did not end")
	}
	if !containsAll(out.String(), wants) {
		t.Logf("console %v did not print all of %q within 60 s; its log:\n%s", args, wants, logs.String())
	}
	return out.String()
}

func containsAll(s string, wants []string) bool {
	for _, w := range wants {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}
