// Package harness is the load run of `go run ./bench`: for each size of
// phonebook it imports generated people with the real `werkplek import`,
// seeds what the commands need, starts `werkplek serve` with Slack,
// Mattermost and Teams against fake platforms on loopback, and drives
// signed requests per platform and command with the load generator
// (bench/load): requests/s, p50, p99, errors and RSS, the first seconds
// after /readyz says ready, and optionally RSS over a soak.
package harness

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/werkplek/werkplek/bench/scenario"
	"github.com/werkplek/werkplek/internal/peoplegen"
	"github.com/werkplek/werkplek/intranet/demo"
)

// Config is what a load run measures.
type Config struct {
	People      []int         // phonebook sizes, one run each
	Duration    time.Duration // per platform and command
	Connections int
	Platforms   []string // of PlatformNames
	Commands    []string // of CommandNames
	// First is how long the first measurement after /readyz lasts (the
	// first seconds after a start).
	First time.Duration
	// Soak, when set, drives every platform and command for this long and
	// samples RSS.
	Soak time.Duration
	Log  io.Writer // progress, one line a step (nil: none)
	// ServeLog, when set, is a file each serve's log is written to when its
	// run ends (the size is added to the name).
	ServeLog string
}

// Row is one platform and command of a run.
type Row struct {
	Platform, Command string
	Requests, Errors  int
	// Late are the commands answered at once with an empty 200 (Slack) or
	// a "one moment" (Mattermost) whose answer came to their response_url
	// afterwards, as both do for a slow command; one that never came is an
	// error.
	Late       int
	PerSecond  float64
	P50, P99   time.Duration
	RSS        int64 // after the measurement
	FirstError string
}

// Run is the measurements of one phonebook size.
type Run struct {
	People    int
	Import    time.Duration // `werkplek import` of the generated people
	ReadyIn   time.Duration // from the start of serve to /readyz answering 200
	First     Row           // the first seconds after ready
	RSSReady  int64         // when ready
	RSSAfter  int64         // after every row
	MemAfter  Memory        // RSSAfter split
	Rows      []Row
	SoakRSS   []int64 // sampled over the soak (empty without one)
	SoakEvery time.Duration
	Soak      Row // the soak's mixed load
}

// Report is a whole load run.
type Report struct {
	Machine     Machine
	Connections int
	Duration    time.Duration
	First       time.Duration
	Runs        []Run
}

// Load does the load run in env.
func Load(ctx context.Context, env *scenario.Env, cfg Config) (Report, error) {
	if cfg.First <= 0 {
		cfg.First = 10 * time.Second
	}
	rep := Report{Machine: ReadMachine(), Connections: cfg.Connections, Duration: cfg.Duration, First: cfg.First}
	fakes, err := StartFakes(env.Tmp)
	if err != nil {
		return rep, err
	}
	defer fakes.Close()
	for _, n := range cfg.People {
		run, err := loadRun(ctx, env, fakes, cfg, n)
		rep.Runs = append(rep.Runs, run)
		if err != nil {
			return rep, fmt.Errorf("%d people: %w", n, err)
		}
	}
	return rep, nil
}

func (c Config) logf(format string, args ...any) {
	if c.Log != nil {
		fmt.Fprintf(c.Log, "%s  "+format+"\n", append([]any{time.Now().Format("15:04:05")}, args...)...)
	}
}

func loadRun(ctx context.Context, env *scenario.Env, fakes *Fakes, cfg Config, n int) (Run, error) {
	run := Run{People: n}
	dbURL, err := env.Database()
	if err != nil {
		return run, err
	}
	cfg.logf("%d people: generate and import", n)
	var surnames map[string]bool
	if run.Import, surnames, err = importPeople(ctx, env, dbURL, n); err != nil {
		return run, err
	}
	cfg.logf("%d people: imported in %s; seed the demo's rooms, news, questions and handovers", n, run.Import.Round(time.Millisecond))
	if err := seed(ctx, env, dbURL); err != nil {
		return run, err
	}
	platforms := fakes.Platforms()
	started := time.Now()
	srv, err := env.Serve(ctx, dbURL, fakes.Settings())
	if err != nil {
		return run, err
	}
	defer func() {
		srv.Stop(30 * time.Second)
		if cfg.ServeLog != "" {
			_ = os.WriteFile(fmt.Sprintf("%s.%d", cfg.ServeLog, n), []byte(srv.Log()), 0o644)
		}
	}()
	if err := waitReady(ctx, srv.URL(), scenario.ServeStartWait); err != nil {
		return run, fmt.Errorf("%w\n%s", err, lastLines(srv.Log(), 20))
	}
	run.ReadyIn = time.Since(started)
	run.RSSReady, _ = srv.RSS()
	cmds := Commands(n, surnames)
	d := Driver{Fakes: fakes, ServeURL: srv.URL(), Connections: cfg.Connections}

	first := cfg.Platforms[0]
	cfg.logf("%d people: ready after %s; the first %s (%s phonebook)", n, run.ReadyIn.Round(time.Millisecond), cfg.First, first)
	run.First = d.Measure(ctx, platforms[first], []Command{cmds["phonebook"]}, cfg.First)
	run.First.RSS, _ = srv.RSS()
	if run.First.FirstError != "" {
		cfg.logf("  first error: %s\n  serve's last problems:\n%s", run.First.FirstError, problems(srv.Log(), 5))
	}
	for _, p := range cfg.Platforms {
		for _, c := range cfg.Commands {
			row := d.Measure(ctx, platforms[p], []Command{cmds[c]}, cfg.Duration)
			row.RSS, _ = srv.RSS()
			cfg.logf("%d people: %-10s %-13s %7.0f/s p50 %s p99 %s errors %d", n, row.Platform, row.Command, row.PerSecond, ms(row.P50), ms(row.P99), row.Errors)
			if row.FirstError != "" {
				cfg.logf("  first error: %s\n  serve's last problems:\n%s", row.FirstError, problems(srv.Log(), 5))
			}
			run.Rows = append(run.Rows, row)
		}
	}
	run.RSSAfter, _ = srv.RSS()
	run.MemAfter, _ = ReadMemory(srv.Pid())
	if cfg.Soak > 0 {
		cfg.logf("%d people: soak for %s", n, cfg.Soak)
		run.SoakEvery = max(cfg.Soak/20, time.Second)
		done := make(chan Row)
		go func() {
			var all []Command
			for _, c := range cfg.Commands {
				all = append(all, cmds[c])
			}
			done <- d.MeasureMixed(ctx, platforms, cfg.Platforms, all, cfg.Soak)
		}()
		tick := time.NewTicker(run.SoakEvery)
		defer tick.Stop()
		run.SoakRSS = append(run.SoakRSS, run.RSSAfter)
	soak:
		for {
			select {
			case run.Soak = <-done:
				break soak
			case <-tick.C:
				if rss, err := srv.RSS(); err == nil {
					run.SoakRSS = append(run.SoakRSS, rss)
				}
			}
		}
		if rss, err := srv.RSS(); err == nil {
			run.SoakRSS = append(run.SoakRSS, rss)
			run.Soak.RSS = rss
		}
		cfg.logf("%d people: soak %7.0f/s p50 %s p99 %s errors %d", n, run.Soak.PerSecond, ms(run.Soak.P50), ms(run.Soak.P99), run.Soak.Errors)
		if run.Soak.FirstError != "" {
			cfg.logf("  first error: %s\n  serve's last problems:\n%s", run.Soak.FirstError, problems(srv.Log(), 5))
		}
	}
	if srv.Exited() {
		return run, fmt.Errorf("werkplek serve ended during the run\n%s", lastLines(srv.Log(), 20))
	}
	return run, nil
}

// importPeople writes n generated people as a CSV file and imports it with
// the binary's `werkplek import`, timed; it returns their surnames too.
func importPeople(ctx context.Context, env *scenario.Env, dbURL string, n int) (time.Duration, map[string]bool, error) {
	file := filepath.Join(env.Tmp, fmt.Sprintf("people-%d.csv", n))
	f, err := os.Create(file)
	if err != nil {
		return 0, nil, err
	}
	people := peoplegen.Generate(n)
	surnames := Surnames(people)
	if err := peoplegen.WriteCSV(f, people); err != nil {
		f.Close()
		return 0, nil, err
	}
	people = nil
	if err := f.Close(); err != nil {
		return 0, nil, err
	}
	defer os.Remove(file)
	start := time.Now()
	if out, err := command(ctx, env, dbURL, "", "import", file); err != nil {
		return 0, nil, fmt.Errorf("werkplek import: %w\n%s", err, lastLines(out, 20))
	}
	return time.Since(start), surnames, nil
}

// handoverAsker asks the seeded handovers; the harness's users are his
// colleagues of team Zorg Oost.
const handoverAsker = "pieter.jansen@example.nl"

// seed adds the demo organisation's rooms, news, knowledge base and teams
// (`werkplek demo`), and two open handover requests of team Zorg Oost.
func seed(ctx context.Context, env *scenario.Env, dbURL string) error {
	in := fmt.Sprintf("/handover tomorrow 07:00-15:00 %s\n/handover tomorrow 15:00-23:00 %s\n", HandoverWhat, HandoverWhat)
	out, err := command(ctx, env, dbURL, in, "demo", "--as", handoverAsker)
	if err != nil {
		return fmt.Errorf("werkplek demo: %w\n%s", err, lastLines(out, 20))
	}
	if strings.Count(out, HandoverWhat) < 2 {
		return fmt.Errorf("werkplek demo: the handovers were not made:\n%s", lastLines(out, 20))
	}
	return nil
}

// Users are the demo colleagues of team Zorg Oost who ask the commands, by
// the local part of their email (the fake platforms answer user id x as
// x@example.nl).
func Users() []string {
	var out []string
	for _, p := range demo.People() {
		if p.Department == "Zorg Oost" && p.Email != handoverAsker && strings.HasSuffix(p.Email, "@example.nl") && len(out) < 12 {
			out = append(out, strings.TrimSuffix(p.Email, "@example.nl"))
		}
	}
	return out
}

// command runs the binary with args over the database, with stdin.
func command(ctx context.Context, env *scenario.Env, dbURL, stdin string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, env.Bin, args...)
	cmd.Env = os.Environ()
	for k, v := range scenario.BaseSettings(dbURL) {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	cmd.Stdin = strings.NewReader(stdin)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// waitReady polls /readyz until it answers 200.
func waitReady(ctx context.Context, base string, wait time.Duration) error {
	deadline := time.Now().Add(wait)
	for {
		if resp, err := http.Get(base + "/readyz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("/readyz did not answer 200 within %s", wait)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// problems are the last n warnings and errors of a structured log.
func problems(log string, n int) string {
	var out []string
	for _, l := range strings.Split(log, "\n") {
		if strings.Contains(l, `"level":"WARN"`) || strings.Contains(l, `"level":"ERROR"`) {
			out = append(out, "    "+l)
		}
	}
	return lastLines(strings.Join(out, "\n"), n)
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
