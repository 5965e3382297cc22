package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/werkplek/werkplek/adapters/webhook"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/jobs"
)

// importTestPeople imports a people CSV for a console test.
func importTestPeople(t *testing.T, env map[string]string, csv string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "people.csv")
	if err := os.WriteFile(path, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := run(t, env, "", "import", path); code != 0 {
		t.Fatalf("import: %s %s", out, errOut)
	}
}

// TestConsoleAskReachesExpert is the script, 20 times over:
//
//	printf '/ask … topic:Stomazorg\n' | werkplek console --as jan@example.nl
//	printf '' | werkplek console --as zoe.celik@example.nl
//
// The expert never opened a console before (the console reaches everyone
// by email); each time her console shows her the question with its answer
// button, and only that one.
func TestConsoleAskReachesExpert(t *testing.T) {
	bothEngines(t, func(t *testing.T, env map[string]string) {
		importTestPeople(t, env, "name,email,department,roles\n"+
			"Femke Admin,femke@example.nl,ICT,admin\n"+
			"Jan de Vries,jan@example.nl,Zorg Oost,\n"+
			"Zoë Çelik,zoe.celik@example.nl,Zorg West,\n")
		code, out, errOut := run(t, env, "/ask topic add Stomazorg\n/ask expert add Stomazorg zoe.celik@example.nl\n", "console", "--as", "femke@example.nl")
		if code != 0 || !strings.Contains(out, "Onderwerp Stomazorg gemaakt") || !strings.Contains(out, "Zoë Çelik") {
			t.Fatalf("topic: %d %s %s", code, out, errOut)
		}
		begin := time.Now()
		first := ""
		for i := 1; i <= 20; i++ {
			code, out, errOut := run(t, env, fmt.Sprintf("/ask Hoe vaak verschoon ik een stomazakje, keer %d? topic:Stomazorg\n", i), "console", "--as", "jan@example.nl")
			if code != 0 || !strings.Contains(out, fmt.Sprintf("Vraag #%d gesteld", i)) || !strings.Contains(out, "Zoë Çelik") {
				t.Fatalf("run %d, the asker's console: exit %d\n%s%s", i, code, out, errOut)
			}
			code, out, errOut = run(t, env, "", "console", "--as", "zoe.celik@example.nl")
			want := fmt.Sprintf("[DM from Werkplek]\n== Vraag #%d · Stomazorg ==\nHoe vaak verschoon ik een stomazakje, keer %d?\n", i, i)
			if code != 0 || !strings.Contains(out, want) || !strings.Contains(out, fmt.Sprintf("[Beantwoorden: /answer %d]", i)) || strings.Count(out, "[DM from Werkplek]") != 1 {
				t.Fatalf("run %d, the expert's console: exit %d\n%s%s", i, code, out, errOut)
			}
			// The same output every run, but for the question's number.
			same := regexp.MustCompile(fmt.Sprintf(`\b%d\b`, i)).ReplaceAllString(out, "N")
			if first == "" {
				first = same
			} else if same != first {
				t.Fatalf("run %d, the expert's console differs from the first run's:\n%s\nfirst:\n%s", i, same, first)
			}
		}
		t.Logf("20 questions asked and shown in %s", time.Since(begin).Round(time.Millisecond))
	})
}

// liveConsole is a console whose input the test writes while it runs, as
// a piped console that stays open.
type liveConsole struct {
	in         *io.PipeWriter
	out, logs  *syncBuffer
	done       chan int
	exitedCode int
}

func startConsole(t *testing.T, env map[string]string, args ...string) *liveConsole {
	t.Helper()
	m := NewMain()
	in, inW := io.Pipe()
	c := &liveConsole{in: inW, out: &syncBuffer{}, logs: &syncBuffer{}, done: make(chan int, 1)}
	m.Stdin, m.Stdout, m.Stderr, m.Getenv = in, c.out, c.logs, testGetenv(env)
	m.StdinIsTerminal = false
	go func() { c.done <- m.Run(context.Background(), args) }()
	t.Cleanup(func() { inW.Close() })
	return c
}

// waitFor polls the console's output until it holds want.
func (c *liveConsole) waitFor(t *testing.T, want string, within time.Duration) {
	t.Helper()
	end := time.Now().Add(within)
	for !strings.Contains(c.out.String(), want) {
		if time.Now().After(end) {
			t.Fatalf("the console did not print %q within %s:\n%s\nits log:\n%s", want, within, c.out.String(), c.logs.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (c *liveConsole) write(t *testing.T, line string) {
	t.Helper()
	if _, err := io.WriteString(c.in, line); err != nil {
		t.Fatal(err)
	}
}

// end closes the input and waits for the console to end.
func (c *liveConsole) end(t *testing.T) int {
	t.Helper()
	c.in.Close()
	select {
	case code := <-c.done:
		return code
	case <-time.After(30 * time.Second):
		t.Fatal("the console did not end")
	}
	return 0
}

// teamOost imports three colleagues and team Zorg Oost with the console
// channel oost and more channels.
func teamOost(t *testing.T, env map[string]string, channels string) {
	t.Helper()
	importTestPeople(t, env, "name,email,department,roles\n"+
		"Anouk van den Berg,anouk@example.nl,Zorg Oost,team lead\n"+
		"Jan de Vries,jan@example.nl,Zorg Oost,\n"+
		"Pieter Jansen,pieter@example.nl,Zorg Oost,\n")
	path := filepath.Join(t.TempDir(), "teams.csv")
	os.WriteFile(path, []byte("name,leads,members,channels,approval\nZorg Oost,anouk@example.nl,jan@example.nl;pieter@example.nl,"+channels+",no\n"), 0o600)
	if code, out, errOut := run(t, env, "", "teams", "import", path); code != 0 {
		t.Fatalf("teams import: %s %s", out, errOut)
	}
}

const cardOost = "[#oost]\n== Dienst over te nemen: Pool Noord =="

// TestConsoleChannelPosts: a channel's posts reach every console open on
// it. A piped console that types nothing prints the card when it is
// posted; the requester's own console prints it before it ends (it waits
// for what its command caused); a colleague who opens the channel later
// sees it too, each once; the card brought up to date is shown again to
// each of them once.
func TestConsoleChannelPosts(t *testing.T) {
	bothEngines(t, func(t *testing.T, env map[string]string) {
		teamOost(t, env, "console:oost")
		pieter := startConsole(t, env, "console", "--as", "pieter@example.nl", "--channel", "oost")
		code, out, errOut := run(t, env, "/handover morgen 14:00-22:00 Pool Noord\n", "console", "--as", "jan@example.nl", "--channel", "oost")
		if code != 0 || !strings.Contains(out, "Overdracht 1 gevraagd") || strings.Count(out, cardOost) != 1 {
			t.Fatalf("the requester's console: exit %d\n%s%s", code, out, errOut)
		}
		pieter.waitFor(t, cardOost, 10*time.Second)

		code, out, _ = run(t, env, "", "console", "--as", "anouk@example.nl", "--channel", "oost")
		if code != 0 || strings.Count(out, cardOost) != 1 {
			t.Errorf("a colleague opening the channel later:\n%s", out)
		}
		for _, who := range []string{"anouk@example.nl", "jan@example.nl"} {
			if _, out, _ = run(t, env, "", "console", "--as", who, "--channel", "oost"); strings.Contains(out, "Pool Noord") {
				t.Errorf("%s is shown the card twice:\n%s", who, out)
			}
		}

		pieter.write(t, "/handover take 1\n")
		pieter.waitFor(t, "[#oost, updated]", 10*time.Second)
		if code := pieter.end(t); code != 0 {
			t.Fatalf("pieter's console: exit %d: %s", code, pieter.logs.String())
		}
		if strings.Count(pieter.out.String(), cardOost) != 1 {
			t.Errorf("pieter's console:\n%s", pieter.out.String())
		}
		code, out, _ = run(t, env, "", "console", "--as", "anouk@example.nl", "--channel", "oost")
		if code != 0 || strings.Count(out, "[#oost, updated]") != 1 {
			t.Errorf("the card brought up to date, for a colleague:\n%s", out)
		}
		code, out, _ = run(t, env, "", "console", "--as", "jan@example.nl", "--channel", "oost")
		if code != 0 || strings.Count(out, "[#oost, updated]") != 1 || !strings.Contains(out, "[DM from Werkplek]") || !strings.Contains(out, "Pieter Jansen neemt je dienst") {
			t.Errorf("the requester after the take:\n%s", out)
		}
	})
}

// TestConsoleDirect: --dm is a private conversation with Werkplek: a
// subscription typed there is the person's own, and what it sends arrives
// in place, in the conversation.
func TestConsoleDirect(t *testing.T) {
	bothEngines(t, func(t *testing.T, env map[string]string) {
		importTestPeople(t, env, "name,email,department,roles\n"+
			"Carla Content,carla@example.nl,Communicatie,content manager\n"+
			"Jan de Vries,jan@example.nl,Zorg Oost,\n")
		code, out, errOut := run(t, env, "/news subscribe immediate\n", "console", "--as", "jan@example.nl", "--dm")
		if code != 0 || !strings.Contains(out, "Abonnement 1: jij krijgt als privébericht") {
			t.Fatalf("subscribe in the DM: exit %d\n%s%s", code, out, errOut)
		}
		if code, out, _ := run(t, env, "/news subscribe immediate\n", "console", "--as", "jan@example.nl"); code != 0 || !strings.Contains(out, "dit kanaal krijgt") {
			t.Errorf("in a channel the subscription is the channel's:\n%s", out)
		}
		if code, _, errOut := run(t, env, "", "console", "--as", "jan@example.nl", "--dm", "--channel", "oost"); code != 2 || !strings.Contains(errOut, "--dm is a private conversation") {
			t.Errorf("--dm with --channel: exit %d, %s", code, errOut)
		}
		if code, out, errOut := run(t, env, "/news post Nieuwe wondzorgkar | Staat in de berging.\n", "console", "--as", "carla@example.nl"); code != 0 || !strings.Contains(out, "Geplaatst als bericht 1") {
			t.Fatalf("post: exit %d\n%s%s", code, out, errOut)
		}
		code, out, _ = run(t, env, "", "console", "--as", "jan@example.nl", "--dm")
		if code != 0 || !strings.Contains(out, "[Werkplek]\n== Nieuws: Nieuwe wondzorgkar ==") || strings.Contains(out, "DM from") {
			t.Errorf("the item in Jan's DM conversation:\n%s", out)
		}
	})
}

// TestConsoleLogs: logs go to stderr, never into the chat: the job
// runner's (a DM that a serve left for Slack, which is off in a console,
// is put off) and the console's; nothing is written to the process's own
// stdout or to the default logger (where a library's stray log would go).
func TestConsoleLogs(t *testing.T) {
	bothEngines(t, func(t *testing.T, env map[string]string) {
		teamOost(t, env, "console:oost")
		m := openedMain(t, env)
		slack := intranet.Delivery{To: intranet.Destination{Platform: intranet.PlatformSlack, Installation: "T1", UserID: "U1"}, Reply: intranet.Reply{Text: "Hoi"}, Key: "left-by-serve"}
		if _, err := m.Outbox.Send(context.Background(), slack); err != nil {
			t.Fatal(err)
		}
		m.Close()
		var stray bytes.Buffer
		old := slog.Default()
		slog.SetDefault(slog.New(slog.NewTextHandler(&stray, nil)))
		defer slog.SetDefault(old)
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		stdout := os.Stdout
		os.Stdout = w
		code, out, errOut := run(t, env, "/handover morgen 14:00-22:00 Pool Noord\n/phonebook jansen\n", "console", "--as", "jan@example.nl", "--channel", "oost")
		os.Stdout = stdout
		w.Close()
		direct, _ := io.ReadAll(r)
		if code != 0 || !strings.Contains(out, cardOost) || !strings.Contains(out, "Pieter Jansen") {
			t.Fatalf("exit %d\n%s%s", code, out, errOut)
		}
		if !strings.Contains(errOut, `level=WARN msg="job did not succeed" component=jobs`) || !strings.Contains(errOut, `platform \"slack\" is not on in this process`) {
			t.Errorf("the job runner's warning is not on stderr:\n%s", errOut)
		}
		for _, s := range []string{"level=", "msg=", "component="} {
			if strings.Contains(out, s) {
				t.Errorf("a log line in the chat output (%s):\n%s", s, out)
			}
		}
		if len(direct) > 0 || stray.Len() > 0 {
			t.Errorf("written past the console: to stdout %q, to the default logger %q", direct, stray.String())
		}
	})
}

// TestConsoleWaitsForChatOnly: what the console waits for at the end of its
// input is the chat its commands caused, never a webhook's delivery (an
// approval publishes one): the console does not show it, and an endpoint
// that is down would hold the console for its whole wait.
func TestConsoleWaitsForChatOnly(t *testing.T) {
	bothEngines(t, func(t *testing.T, env map[string]string) {
		m := openedMain(t, env)
		defer m.Close()
		ctx := context.Background()
		// A serve holds the jobs: nothing works them, what is due stays due.
		if _, err := m.Store.TakeLease(ctx, serveLease, "a serve", leaseTTL); err != nil {
			t.Fatal(err)
		}
		work := m.startConsoleJobs(ctx)
		defer work.stop()
		pending := func(since time.Time) bool {
			t.Helper()
			busy, err := work.Pending(ctx, since)
			if err != nil {
				t.Fatal(err)
			}
			return busy
		}
		begin := time.Now().Add(-time.Second)
		if _, err := m.Store.AddWebhook(ctx, "https://erp.example.nl/hooks", intranet.Events, webhook.NewSecret(), begin); err != nil {
			t.Fatal(err)
		}
		if err := m.Events.Publish(ctx, intranet.Event{ID: "evt_1", Type: intranet.EventTimesheetApproved, Data: []byte(`{"week":"2026-W49"}`)}); err != nil {
			t.Fatal(err)
		}
		list, err := m.Jobs.Jobs(ctx, 10)
		if err != nil || !slices.ContainsFunc(list, func(j intranet.JobInfo) bool { return j.Kind == jobs.WebhookKind && j.State == intranet.JobAvailable }) {
			t.Fatalf("the webhook's delivery is not a due job of its own kind: %v %+v", err, list)
		}
		if pending(begin) {
			t.Error("the console waits for a webhook's delivery")
		}
		chat := intranet.Delivery{To: intranet.Destination{Platform: intranet.PlatformConsole, ChannelID: "oost"}, Reply: intranet.Reply{Text: "Hoi"}, Key: "chat-1"}
		if _, err := m.Outbox.Send(ctx, chat); err != nil {
			t.Fatal(err)
		}
		if !pending(begin) {
			t.Error("the console does not wait for a chat delivery")
		}
	})
}
