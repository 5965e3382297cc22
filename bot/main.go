// Command werkplek is the company intranet inside the chat tool people
// already use: one binary that serves Slack, Microsoft Teams and Mattermost
// over one shared database, plus a terminal console for local trials.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/jobs"
	"github.com/werkplek/werkplek/intranet/router"
	"github.com/werkplek/werkplek/intranet/store"
)

// Version is set at build time (-ldflags "-X main.Version=v0.1.0").
var Version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	m := NewMain()
	os.Exit(m.Run(ctx, os.Args[1:]))
}

// Main is the program with its inputs and outputs injectable, so that tests
// run the real code path: Run parses the command line and does the work,
// Close releases what Run opened.
type Main struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	// StdinIsTerminal says whether the console is interactive.
	StdinIsTerminal bool

	Config Config
	Log    *slog.Logger
	Store  *store.Store
	// Router answers every platform's requests; Units are the features it
	// hands them to (core.go builds both in open).
	Router *router.Router
	Units  *Units
	// Ready is closed once serve listens (tests wait on it); Addr is then set.
	Ready chan struct{}
	Addr  string
	// Platforms holds each platform's poster and directory: the console's
	// always, the others once serve has built their adapters.
	Platforms *platforms
	// Jobs runs background work and Outbox delivers outbound messages
	// (jobs.go); built in open, started by serve, console and demo.
	Jobs   *jobs.Runner
	Outbox *jobs.Outbox
	// Events publishes events to the webhook endpoints (built in open).
	Events *feature.Events
	// Usage counts the use of features in memory (built in open when the
	// store keeps counts; serve and console flush it).
	Usage *feature.Usage
	// observe, when set before open, is told how each job ran (metrics).
	observe func(kind string, o jobs.Outcome, delay time.Duration)

	background sync.WaitGroup // adapters' Run
	closers    []func() error // run after the server stopped
}

// NewMain returns a Main wired to the process's stdio and environment.
func NewMain() *Main {
	fi, err := os.Stdin.Stat()
	return &Main{
		Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv,
		StdinIsTerminal: err == nil && fi.Mode()&os.ModeCharDevice != 0,
		Ready:           make(chan struct{}),
	}
}

const usage = `werkplek: the company intranet inside Slack, Microsoft Teams and Mattermost.

Usage:
  werkplek demo [--as EMAIL]                 seed a fictional organisation, then open the console
  werkplek console --as EMAIL [--channel NAME | --dm] [--json] [--follow]
                                             chat with Werkplek in the terminal (stdin may be a script)
  werkplek serve                             HTTP endpoints for every configured platform, /healthz, /readyz, /metrics
  werkplek import [--dry-run] FILE           load people from CSV or .xlsx (idempotent by email, all or nothing)
  werkplek import --full [--apply [--force]] FILE
                                             the file is everyone: list (or deactivate) who is not in it
  werkplek rooms import [--dry-run] FILE     load meeting rooms from CSV or .xlsx (idempotent by name, all or nothing)
  werkplek migrate                           apply database migrations and exit
  werkplek teams import [--dry-run] FILE     load teams from CSV or .xlsx: name,leads,members,channels,approval (all or nothing)
  werkplek directory sync slack|mattermost   link the chat's users to the phonebook by email; report who is missing
  werkplek handovers export --from DATE --to DATE [--out FILE]
                                             every recorded handover change of shifts in those dates, as CSV
  werkplek news acks ID [--out FILE]         who an item is for and when each acknowledged it, as CSV
  werkplek hours export --from DATE --to DATE [--state approved] [--out FILE]
                                             hours and trips of those dates as CSV for payroll
  werkplek api token add NAME --scope hours:read | list | revoke NAME
                                             bearer tokens of the REST API (/api/v1/); add prints the secret once
  werkplek webhook add URL [--events E,E] | list | remove URL
                                             endpoints told of events (timesheet.approved, ...); add prints the secret
  werkplek audit [--since DATE] [--person EMAIL]
                                             the audit log of admin and content-manager actions, as CSV
  werkplek person export EMAIL [--out FILE]  everything Werkplek holds about a person, as JSON
  werkplek person erase EMAIL [--yes]        remove or anonymise a person's data (README: what is kept)
  werkplek jobs [--limit N] [--json]         list pending and failed background jobs
  werkplek jobs retry ID                     run a failed job again
  werkplek manifest slack [--socket-mode]    print the Slack app manifest (YAML) for WERKPLEK_PUBLIC_URL
  werkplek manifest teams --out FILE.zip     write the Teams app package for TEAMS_APP_ID and WERKPLEK_PUBLIC_URL
  werkplek healthcheck                       ask the local serve's /healthz (for container health checks)
  werkplek version                           print the version
  werkplek help                              this text

People file columns (header row; CSV separated by , ; or tab, UTF-8 or Windows-1252, or .xlsx): name,email,phone,mobile,department,title,location,manager_email,skills,roles[,employee_number]
(skills and roles separated by ; or ,; roles: employee, content manager, room admin, team lead, admin, guest; Dutch headers and roles read too).

Configuration is read from the environment (each secret also as NAME_FILE):
`

// Run runs one command and returns the process exit code.
func (m *Main) Run(ctx context.Context, args []string) int {
	if len(args) == 0 {
		m.printUsage()
		return 2
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "help", "-h", "--help", "-help":
		m.printUsage()
		return 0
	case "version", "--version":
		fmt.Fprintf(m.Stdout, "werkplek %s\n", Version)
		return 0
	}
	cfg, problems := LoadConfig(m.Getenv)
	if len(problems) > 0 {
		fmt.Fprintln(m.Stderr, "werkplek: the configuration has problems:")
		for _, p := range problems {
			fmt.Fprintln(m.Stderr, "  - "+p)
		}
		return 1
	}
	m.Config = cfg
	m.Log = newLogger(m.Stderr, cfg.LogFormat)

	var err error
	switch cmd {
	case "serve":
		err = m.serve(ctx, rest)
	case "console":
		err = m.console(ctx, rest, false)
	case "demo":
		err = m.console(ctx, rest, true)
	case "import":
		err = m.importPeople(ctx, rest)
	case "migrate":
		err = m.migrate(ctx, rest)
	case "teams":
		err = m.teams(ctx, rest)
	case "directory":
		err = m.directoryCommand(ctx, rest)
	case "handovers":
		err = m.handovers(ctx, rest)
	case "news":
		err = m.news(ctx, rest)
	case "rooms":
		err = m.rooms(ctx, rest)
	case "hours":
		err = m.hoursCommand(ctx, rest)
	case "api":
		err = m.apiCommand(ctx, rest)
	case "webhook", "webhooks":
		err = m.webhookCommand(ctx, rest)
	case "jobs":
		err = m.jobsCommand(ctx, rest)
	case "audit":
		err = m.auditCommand(ctx, rest)
	case "person":
		err = m.personCommand(ctx, rest)
	case "healthcheck":
		err = m.healthcheck(ctx, rest)
	case "manifest":
		err = m.manifest(rest)
	default:
		fmt.Fprintf(m.Stderr, "werkplek: unknown command %q\n\n", cmd)
		m.printUsage()
		return 2
	}
	defer m.Close()
	var exit *exitError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &exit):
		if exit.msg != "" {
			fmt.Fprintln(m.Stderr, exit.msg)
		}
		return exit.code
	}
	fmt.Fprintf(m.Stderr, "werkplek %s: %v\n", cmd, err)
	return 1
}

// Close releases what Run opened.
func (m *Main) Close() error {
	if m.Store != nil {
		err := m.Store.Close()
		m.Store = nil
		return err
	}
	return nil
}

// exitError ends a command with a given exit code and message.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

func (m *Main) printUsage() {
	fmt.Fprint(m.Stdout, usage)
	for _, s := range settings {
		def := s.Default
		if def == "" {
			def = "(unset)"
		}
		fmt.Fprintf(m.Stdout, "  %-27s %s Default: %s\n", s.Name, s.Doc, def)
	}
}

func newLogger(w io.Writer, format string) *slog.Logger {
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, nil))
	}
	return slog.New(slog.NewTextHandler(w, nil))
}

func (m *Main) migrate(ctx context.Context, args []string) error {
	fs := m.flags("migrate", "werkplek migrate\n\nApplies the database migrations (also done at every start) and exits.")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := m.open(ctx); err != nil { // River's tables on PostgreSQL too
		return err
	}
	v, err := m.Store.AppliedMigrations(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "database %s is at schema version %d (%d migrations applied)\n", store.Redact(m.Config.DatabaseURL), store.SchemaVersion(), len(v))
	return nil
}

// flags returns a flag set that prints its help to stdout.
func (m *Main) flags(name, help string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	fs.Usage = func() {
		fmt.Fprintln(m.Stdout, help)
		fs.SetOutput(m.Stdout)
		fs.PrintDefaults()
		fs.SetOutput(m.Stderr)
	}
	return fs
}

var _ intranet.Core = (*router.Router)(nil)
