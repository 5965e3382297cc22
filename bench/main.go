// Command bench is Werkplek's load harness: `go run ./bench` starts a
// throwaway PostgreSQL, builds the werkplek binary, imports generated
// phonebooks with `werkplek import`, runs `werkplek serve` with Slack,
// Mattermost and Teams against fake platforms on loopback, drives signed
// requests per platform and command, and prints a table of requests/s,
// p50, p99, errors and RSS with the machine it ran on and the targets of
// issue 23. `go run ./bench -help` lists its flags.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/werkplek/werkplek/bench/harness"
	"github.com/werkplek/werkplek/bench/scenario"
)

// Options are the harness's flags, for every scenario.
type Options struct {
	Load   harness.Config
	Faults FaultOptions
}

// Scenario is one thing the harness can run: its name in -scenarios, what
// it does (for -help), and the function that runs it and prints its
// results.
type Scenario struct {
	Name string
	Help string
	Run  func(ctx context.Context, env *scenario.Env, o Options) error
}

// Scenarios are what -scenarios chooses from, in the order they run.
var Scenarios = []Scenario{
	{Name: "load", Help: "requests/s, p50, p99, errors and RSS per platform and command, the first seconds after ready, -soak", Run: runLoad},
	{Name: "digests", Help: "20 000 digests (10 000 channels, 10 000 people) on 3 replicas through a fake Slack with Slack's limits", Run: runDigests},
	{Name: "kill", Help: "a replica SIGKILLed while sending 2 000 digests, every CPU busy; -kill-repetitions times", Run: runKill},
	{Name: "dbdown", Help: "PostgreSQL stopped for -database-down under Slack load and deliveries, then started again", Run: runDatabaseDown},
	{Name: "platformdown", Help: "Slack answering 503 for -platform-down while deliveries wait", Run: runPlatformDown},
}

func runLoad(ctx context.Context, env *scenario.Env, o Options) error {
	rep, err := harness.Load(ctx, env, o.Load)
	if len(rep.Runs) > 0 {
		fmt.Println()
		rep.Print(os.Stdout)
	}
	return err
}

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	var names []string
	for _, s := range Scenarios {
		names = append(names, s.Name)
	}
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), `go run ./bench [flags]

Werkplek's load harness. Starts a throwaway PostgreSQL (Debian's postgresql
package), builds the werkplek binary, and runs the scenarios:
`)
		for _, s := range Scenarios {
			fmt.Fprintf(fs.Output(), "  %-13s %s\n", s.Name, s.Help)
		}
		fmt.Fprintf(fs.Output(), `
The load scenario imports -people generated people (Dutch names, prefixes,
accents, phone numbers in mixed notations) with `+"`werkplek import`"+` (timed),
seeds the demo's rooms, news, knowledge base and two handovers, starts
`+"`werkplek serve`"+` with Slack, Mattermost and Teams on against fake platforms
on loopback, measures the first seconds after /readyz says ready, then
each platform and command for -duration with -connections closed loops
(an error is a non-2xx answer or one without the expected content; on
Teams, an activity whose answer never reached the connector), and prints
a Markdown table with the machine and the targets.

Flags:
`)
		fs.PrintDefaults()
	}
	people := fs.String("people", "100000,1000000", "phonebook sizes, comma-separated; one run each")
	duration := fs.Duration("duration", 20*time.Second, "how long each platform and command is measured")
	conns := fs.Int("connections", 16, "concurrent connections (closed loops)")
	platforms := fs.String("platforms", strings.Join(harness.PlatformNames, ","), "platforms to drive: "+strings.Join(harness.PlatformNames, ","))
	commands := fs.String("commands", strings.Join(harness.CommandNames, ","), "commands to measure: "+strings.Join(harness.CommandNames, ","))
	first := fs.Duration("first", 10*time.Second, "how long the measurement right after /readyz says ready lasts")
	soak := fs.Duration("soak", 0, "after the rows, drive every platform and command this long and sample RSS (e.g. 10m; 0: no soak)")
	serveLog := fs.String("serve-log", "", "write each serve's log to this file (the number of people is added to the name)")
	scenarios := fs.String("scenarios", "load", "scenarios to run, comma-separated: "+strings.Join(names, ",")+", or all")
	killReps := fs.Int("kill-repetitions", 20, "repetitions of the kill scenario")
	dbDown := fs.Duration("database-down", 20*time.Second, "how long the dbdown scenario stops PostgreSQL")
	platformDown := fs.Duration("platform-down", 10*time.Minute, "how long the platformdown scenario makes Slack answer 503")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return nil
		}
		return err
	}
	o := Options{Load: harness.Config{Duration: *duration, Connections: *conns, First: *first, Soak: *soak, Log: os.Stderr, ServeLog: *serveLog},
		Faults: FaultOptions{KillRepetitions: *killReps, DatabaseDown: *dbDown, PlatformDown: *platformDown}}
	if *scenarios == "all" {
		*scenarios = strings.Join(names, ",")
	}
	var err error
	if o.Load.People, err = sizes(*people); err != nil {
		return err
	}
	if o.Load.Platforms, err = oneOf("-platforms", *platforms, harness.PlatformNames); err != nil {
		return err
	}
	if o.Load.Commands, err = oneOf("-commands", *commands, harness.CommandNames); err != nil {
		return err
	}
	chosen, err := oneOf("-scenarios", *scenarios, names)
	if err != nil {
		return err
	}
	if *conns < 1 || *duration <= 0 || *killReps < 1 || *dbDown <= 0 || *platformDown <= 0 {
		return fmt.Errorf("-connections, -duration, -kill-repetitions, -database-down and -platform-down must be positive")
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	fmt.Fprintln(os.Stderr, "bench: start PostgreSQL and build werkplek")
	env, err := scenario.NewEnv(ctx)
	if err != nil {
		return err
	}
	defer env.Close()
	for _, s := range Scenarios {
		if slices.Contains(chosen, s.Name) {
			if err := s.Run(ctx, env, o); err != nil {
				return fmt.Errorf("%s: %w", s.Name, err)
			}
		}
	}
	return nil
}

// sizes parses "100000,1000000" (underscores allowed).
func sizes(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.ReplaceAll(strings.TrimSpace(f), "_", ""))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("-people: %q is not a number of people", f)
		}
		out = append(out, n)
	}
	return out, nil
}

// oneOf splits a comma-separated list and checks each item is known.
func oneOf(flagName, s string, known []string) ([]string, error) {
	var out []string
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if !slices.Contains(known, f) {
			return nil, fmt.Errorf("%s: %q is not one of %s", flagName, f, strings.Join(known, ", "))
		}
		out = append(out, f)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: none given", flagName)
	}
	return out, nil
}
