package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/werkplek/werkplek/adapters/api"
	"github.com/werkplek/werkplek/intranet"
)

// mountAPI serves the REST API (/api/v1/) and the one-time download links
// of the hours export (/download/) on serve's mux.
func (m *Main) mountAPI(mux *http.ServeMux) error {
	rate, err := m.mileageRate()
	if err != nil {
		return err
	}
	h := api.New(api.Config{Timesheets: m.Store, Tokens: m.Store, Downloads: m.Store, Location: m.location(), MileageRate: rate,
		PublicURL: m.Config.PublicURL, Log: m.Log.With("component", "api")})
	mux.Handle("/api/v1/", h)
	mux.Handle("/download/", h)
	return nil
}

// parseArgs parses flags that may come before, between and after the
// positional arguments (werkplek api token add NAME --scope hours:read),
// and returns the positional ones.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func isHelp(arg string) bool { return arg == "-h" || arg == "--help" || arg == "help" }

const apiHelp = `werkplek api token add NAME --scope hours:read
werkplek api token list
werkplek api token revoke NAME

Bearer tokens for the read-only REST API under /api/v1/ (the organisation's
payroll or business software; see /api/v1/openapi.json on serve). add prints
the token's secret once, on stdout: give it to the software, which sends it as
  Authorization: Bearer <secret>
Only a hash of it is kept, so it cannot be shown again: revoke it and add a new
one when it is lost. Scopes: hours:read (GET /api/v1/timesheets).
list shows every token with its scopes, when it was made and last used, and
whether it is revoked. revoke stops a token at once (the API answers 401).`

// apiCommand runs `werkplek api token add|list|revoke`.
func (m *Main) apiCommand(ctx context.Context, args []string) error {
	if len(args) > 0 && isHelp(args[0]) || len(args) == 2 && args[0] == "token" && isHelp(args[1]) {
		fmt.Fprintln(m.Stdout, apiHelp)
		return nil
	}
	if isCommand(args) && args[0] != "token" {
		return unknownCommand("api", args[0], []string{"token"}, apiHelp)
	}
	if len(args) < 2 || args[0] != "token" || !isCommand(args[1:]) {
		return &exitError{code: 2, msg: "werkplek api: use werkplek api token add|list|revoke\n\n" + apiHelp}
	}
	verb, rest := args[1], args[2:]
	if !slices.Contains([]string{"add", "list", "revoke"}, verb) {
		return unknownCommand("api token", verb, []string{"add", "list", "revoke"}, apiHelp)
	}
	fs := m.flags("api token "+verb, apiHelp)
	var scopes *string
	if verb == "add" {
		scopes = fs.String("scope", "", "what the token may do, comma-separated: "+intranet.ScopeHoursRead)
	}
	pos, err := parseArgs(fs, rest)
	if err != nil {
		return err
	}
	usage := func(msg string) error { return &exitError{code: 2, msg: "werkplek api token " + verb + ": " + msg} }
	switch verb {
	case "add":
		if len(pos) != 1 {
			return usage("give one name, e.g. werkplek api token add payroll --scope hours:read")
		}
		if strings.TrimSpace(*scopes) == "" {
			return usage("give the token's scope, e.g. --scope hours:read")
		}
		var list []string
		for _, s := range strings.Split(*scopes, ",") {
			if s = strings.TrimSpace(s); s != "" {
				list = append(list, s)
			}
		}
		if err := m.open(ctx); err != nil {
			return err
		}
		secret, hash := intranet.NewAPIToken()
		tok, err := m.Store.AddAPIToken(ctx, pos[0], list, hash, time.Now())
		if err != nil {
			return m.coded("api token add", err)
		}
		m.audit(ctx, "api token add", 0, tok.Name, "scopes "+strings.Join(tok.Scopes, ","))
		fmt.Fprintln(m.Stdout, secret)
		fmt.Fprintf(m.Stderr, "Token %q (%s) made. Above is its secret, shown only now: give it to the software, which sends it as\n  Authorization: Bearer <secret>\nRevoke it with: werkplek api token revoke %s\n",
			tok.Name, strings.Join(tok.Scopes, ", "), shellWord(tok.Name))
	case "list":
		if len(pos) != 0 {
			return usage("takes no arguments")
		}
		if err := m.open(ctx); err != nil {
			return err
		}
		list, err := m.Store.APITokens(ctx)
		if err != nil {
			return err
		}
		if len(list) == 0 {
			fmt.Fprintln(m.Stdout, "No API tokens. Make one with: werkplek api token add NAME --scope hours:read")
			return nil
		}
		tw := tabwriter.NewWriter(m.Stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "NAME\tSCOPES\tCREATED\tLAST USED\tSTATE")
		for _, t := range list {
			state := "working"
			if !t.Revoked.IsZero() {
				state = "revoked " + m.shortTime(t.Revoked)
			}
			last := "never"
			if !t.LastUsed.IsZero() {
				last = m.shortTime(t.LastUsed)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", t.Name, strings.Join(t.Scopes, ","), m.shortTime(t.Created), last, state)
		}
		return tw.Flush()
	case "revoke":
		if len(pos) != 1 {
			return usage("give the token's name, e.g. werkplek api token revoke payroll")
		}
		if err := m.open(ctx); err != nil {
			return err
		}
		tok, err := m.Store.RevokeAPIToken(ctx, pos[0], time.Now())
		if err != nil {
			return m.coded("api token revoke", err)
		}
		m.audit(ctx, "api token revoke", 0, tok.Name, "")
		fmt.Fprintf(m.Stdout, "Token %q revoked: the API refuses it from now on.\n", tok.Name)
	}
	return nil
}

const webhookHelp = `werkplek webhook add URL --events timesheet.approved,timesheet.reopened
werkplek webhook list
werkplek webhook remove URL

Webhook endpoints of the organisation's software, told of events as they
happen: a POST of {"type": ..., "timestamp": ..., "data": {...}} signed per
Standard Webhooks (https://www.standardwebhooks.com/) with the headers
webhook-id (the same on every retry of one event: handle it once),
webhook-timestamp and webhook-signature. add prints the endpoint's signing
secret (whsec_...) once, on stdout; verify with any Standard Webhooks library.
An endpoint answers 2xx to accept; 429, 5xx and no answer are tried again for
up to 6 days, anything else is not.
Events: timesheet.approved, timesheet.reopened (default: all).`

// webhookCommand runs `werkplek webhook add|list|remove`.
func (m *Main) webhookCommand(ctx context.Context, args []string) error {
	if len(args) == 0 || isHelp(args[0]) {
		if len(args) > 0 {
			fmt.Fprintln(m.Stdout, webhookHelp)
			return nil
		}
		return &exitError{code: 2, msg: "werkplek webhook: use werkplek webhook add|list|remove\n\n" + webhookHelp}
	}
	verb, rest := args[0], args[1:]
	if !slices.Contains([]string{"add", "list", "remove"}, verb) {
		if !isCommand(args) {
			return &exitError{code: 2, msg: "werkplek webhook: use werkplek webhook add|list|remove\n\n" + webhookHelp}
		}
		return unknownCommand("webhook", verb, []string{"add", "list", "remove"}, webhookHelp)
	}
	fs := m.flags("webhook "+verb, webhookHelp)
	var events *string
	if verb == "add" {
		events = fs.String("events", strings.Join(intranet.Events, ","), "the events to post, comma-separated")
	}
	pos, err := parseArgs(fs, rest)
	if err != nil {
		return err
	}
	usage := func(msg string) error { return &exitError{code: 2, msg: "werkplek webhook " + verb + ": " + msg} }
	switch verb {
	case "add":
		if len(pos) != 1 {
			return usage("give one address, e.g. werkplek webhook add https://payroll.example.nl/hooks/werkplek --events timesheet.approved")
		}
		var list []string
		for _, e := range strings.Split(*events, ",") {
			if e = strings.TrimSpace(e); e != "" && !slices.Contains(list, e) {
				list = append(list, e)
			}
		}
		if err := m.open(ctx); err != nil {
			return err
		}
		hook, err := m.Store.AddWebhook(ctx, pos[0], list, intranet.NewWebhookSecret(), time.Now())
		if err != nil {
			return m.coded("webhook add", err)
		}
		m.audit(ctx, "api webhook add", 0, intranet.RedactURLs(hook.URL), "events "+strings.Join(hook.Events, ","))
		fmt.Fprintln(m.Stdout, hook.Secret)
		fmt.Fprintf(m.Stderr, "Webhook %s added for %s. Above is its signing secret, shown only now: the endpoint verifies each request's\nwebhook-signature with it (Standard Webhooks).\n",
			hook.URL, strings.Join(hook.Events, ", "))
	case "list":
		if len(pos) != 0 {
			return usage("takes no arguments")
		}
		if err := m.open(ctx); err != nil {
			return err
		}
		list, err := m.Store.Webhooks(ctx)
		if err != nil {
			return err
		}
		if len(list) == 0 {
			fmt.Fprintln(m.Stdout, "No webhooks. Add one with: werkplek webhook add URL --events timesheet.approved")
			return nil
		}
		tw := tabwriter.NewWriter(m.Stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "URL\tEVENTS\tCREATED")
		for _, h := range list {
			fmt.Fprintf(tw, "%s\t%s\t%s\n", h.URL, strings.Join(h.Events, ","), m.shortTime(h.Created))
		}
		return tw.Flush()
	case "remove":
		if len(pos) != 1 {
			return usage("give the endpoint's address, e.g. werkplek webhook remove https://payroll.example.nl/hooks/werkplek")
		}
		if err := m.open(ctx); err != nil {
			return err
		}
		hook, err := m.Store.RemoveWebhook(ctx, pos[0])
		if err != nil {
			return m.coded("webhook remove", err)
		}
		m.audit(ctx, "api webhook remove", 0, intranet.RedactURLs(hook.URL), "")
		fmt.Fprintf(m.Stdout, "Webhook %s removed: nothing more is posted to it.\n", hook.URL)
	}
	return nil
}

const hoursHelp = `werkplek hours export --from DATE --to DATE [--state approved] [--out FILE]

Writes the hours and trips dated from --from to --to (both included,
YYYY-MM-DD) as CSV for payroll, one row per time entry and one per trip, with
the columns
  email,name,employee_number,date,start,end,break_minutes,hours,project,km,from,
  to,purpose,allowance,state,approved_by,approved_at
Times are RFC 3339 in WERKPLEK_TIMEZONE with their offset; hours are decimal
(7.50); the allowance is in euro, at the rate fixed when the week was
submitted, else at WERKPLEK_MILEAGE_RATE. --state keeps weeks in these states
(comma-separated: open, submitted, approved, rejected; default all). A cell
that starts with = + - or @ gets a leading ' so spreadsheets show it as text.`

// hoursCommand runs `werkplek hours export`.
func (m *Main) hoursCommand(ctx context.Context, args []string) error {
	if len(args) > 0 && isHelp(args[0]) {
		fmt.Fprintln(m.Stdout, hoursHelp)
		return nil
	}
	if isCommand(args) && args[0] != "export" {
		return unknownCommand("hours", args[0], []string{"export"}, hoursHelp)
	}
	if len(args) == 0 || args[0] != "export" {
		return &exitError{code: 2, msg: "werkplek hours: use werkplek hours export --from DATE --to DATE\n\n" + hoursHelp}
	}
	fs := m.flags("hours export", hoursHelp)
	from := fs.String("from", "", "first date, YYYY-MM-DD")
	to := fs.String("to", "", "last date, YYYY-MM-DD (included)")
	states := fs.String("state", "", "only weeks in these states, comma-separated: open, submitted, approved, rejected")
	out := fs.String("out", "", "write to this file instead of stdout")
	pos, err := parseArgs(fs, args[1:])
	if err != nil {
		return err
	}
	usage := func(msg string) error { return &exitError{code: 2, msg: "werkplek hours export: " + msg} }
	f, t := strings.TrimSpace(*from), strings.TrimSpace(*to)
	d1, err1 := time.Parse(intranet.DateLayout, f)
	d2, err2 := time.Parse(intranet.DateLayout, t)
	switch {
	case len(pos) != 0:
		return usage(fmt.Sprintf("unexpected %q; give the period with --from and --to", pos[0]))
	case err1 != nil || err2 != nil:
		return usage("give --from and --to as YYYY-MM-DD, e.g. --from 2026-11-01 --to 2026-11-30")
	case d2.Before(d1):
		return usage("--to is before --from")
	}
	filter := intranet.TimesheetFilter{From: f, To: t}
	for _, s := range strings.Split(*states, ",") {
		st := intranet.WeekState(strings.ToLower(strings.TrimSpace(s)))
		switch st {
		case "":
		case intranet.WeekOpen, intranet.WeekSubmitted, intranet.WeekApproved, intranet.WeekRejected:
			filter.States = append(filter.States, st)
		default:
			return usage(fmt.Sprintf("--state %q is not open, submitted, approved or rejected", s))
		}
	}
	rate, err := m.mileageRate()
	if err != nil {
		return err
	}
	if err := m.open(ctx); err != nil {
		return err
	}
	w := m.Stdout
	var file *os.File
	if *out != "" {
		if file, err = os.Create(*out); err != nil {
			return &exitError{code: 1, msg: "werkplek hours export: " + err.Error()}
		}
		defer file.Close()
		w = file
	}
	if err := api.WriteHoursCSV(ctx, w, m.Store, filter, m.location(), rate); err != nil {
		if file != nil {
			file.Close()
			os.Remove(*out)
		}
		return err
	}
	m.audit(ctx, "hours export", 0, fmt.Sprintf("%s to %s", f, t), "states "+cmp.Or(*states, "all"))
	if file != nil {
		if err := file.Close(); err != nil {
			return fmt.Errorf("write %s: %w", *out, err)
		}
		fmt.Fprintf(m.Stderr, "Wrote the hours of %s to %s to %s.\n", f, t, *out)
	}
	return nil
}

// coded turns a coded error (a name taken, nothing found) into its message
// and exit code 1; other errors stay as they are.
func (m *Main) coded(op string, err error) error {
	var e *intranet.Error
	if errors.As(err, &e) && e.Code != intranet.EINTERNAL && e.Code != intranet.EUNAVAILABLE {
		return &exitError{code: 1, msg: "werkplek " + op + ": " + cliMessage(e.Message)}
	}
	return err
}

// shortTime writes a moment for a listing: to the minute in
// WERKPLEK_TIMEZONE.
func (m *Main) shortTime(t time.Time) string {
	return t.In(m.location()).Format("2006-01-02 15:04")
}

// shellWord quotes a name for a command line when it needs it.
func shellWord(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r == '-' || r == '_' || r == '.' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
