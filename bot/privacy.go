package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/store"
)

const auditHelp = `werkplek audit [--since DATE] [--person EMAIL]

Prints the audit log as CSV with the header at,actor,platform,action,subject,detail
(times in WERKPLEK_TIMEZONE with their offset): every admin and content-manager
action, with who, when, what and from which platform. --since starts at a day
(YYYY-MM-DD); --person keeps the entries by or about one person.`

const personHelp = `werkplek person export EMAIL [--out FILE]
werkplek person erase EMAIL [--yes]

export writes everything Werkplek holds about a person as JSON: their
profile, chat accounts, and every record that names them (bookings,
handovers, news read and comments, questions and answers, hours, trips,
subscriptions, board ads, web sessions without their secrets, the audit
entries by and about them).

erase removes or anonymises their personal data everywhere, keeping only
what the README's "Export, erasure and retention" lists (approved payroll
records, answers in the knowledge base as by a former colleague, counts).
It asks for confirmation unless --yes. Both are recorded in the audit log.`

// cliActor is who acts from the command line, in the audit log.
var cliActor = intranet.AuditEntry{Actor: "cli", Platform: "cli"}

// audit records a command line action; a failure is logged, not fatal:
// the action itself is done.
func (m *Main) audit(ctx context.Context, action string, subjectID int64, subject, detail string) {
	e := cliActor
	e.Action, e.SubjectID, e.Subject, e.Detail = action, subjectID, subject, detail
	if err := m.Store.Audit(ctx, e); err != nil {
		m.Log.Error("audit entry not written", "err", err, "action", action, "subject", subject, "detail", detail)
	}
}

func (m *Main) auditCommand(ctx context.Context, args []string) error {
	fs := m.flags("audit", auditHelp)
	since := fs.String("since", "", "the first day (YYYY-MM-DD)")
	person := fs.String("person", "", "only entries by or about this email")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return &exitError{code: 2, msg: "werkplek audit: unexpected " + fs.Arg(0) + "\n\n" + auditHelp}
	}
	var q intranet.AuditQuery
	if *since != "" {
		d, err := time.ParseInLocation("2006-01-02", *since, m.Config.Location)
		if err != nil {
			return &exitError{code: 2, msg: fmt.Sprintf("werkplek audit: --since %q is not a date like 2026-12-01", *since)}
		}
		q.Since = d
	}
	if err := m.open(ctx); err != nil {
		return err
	}
	if *person != "" {
		p, err := m.findPerson(ctx, "audit", *person)
		if err != nil {
			return err
		}
		q.PersonID = p.ID
	}
	entries, err := m.Store.AuditLog(ctx, q)
	if err != nil {
		return err
	}
	return csv.NewWriter(m.Stdout).WriteAll(feature.AuditCSV(entries, m.Config.Location))
}

// findPerson finds a person by email for a command, or says there is none.
func (m *Main) findPerson(ctx context.Context, cmd, email string) (*intranet.Person, error) {
	p, err := m.Store.FindPersonByEmail(ctx, strings.TrimSpace(email))
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return nil, &exitError{code: 1, msg: fmt.Sprintf("werkplek %s: nobody in Werkplek has the email %s", cmd, email)}
	}
	return p, err
}

func (m *Main) personCommand(ctx context.Context, args []string) error {
	if len(args) == 0 || (args[0] != "export" && args[0] != "erase") {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
			fmt.Fprintln(m.Stdout, personHelp)
			return nil
		}
		if isCommand(args) {
			return unknownCommand("person", args[0], []string{"export", "erase"}, personHelp)
		}
		return &exitError{code: 2, msg: "werkplek person: use werkplek person export EMAIL or werkplek person erase EMAIL\n\n" + personHelp}
	}
	sub := args[0]
	fs := m.flags("person "+sub, personHelp)
	out := fs.String("out", "", "export: write to this file instead of stdout")
	yes := fs.Bool("yes", false, "erase: do not ask for confirmation")
	// The email may come before the flags: werkplek person export a@b --out x.json.
	rest := args[1:]
	var email string
	if len(rest) > 0 && !strings.HasPrefix(rest[0], "-") {
		email, rest = rest[0], rest[1:]
	}
	if err := fs.Parse(rest); err != nil {
		return err
	}
	if email == "" && fs.NArg() == 1 {
		email = fs.Arg(0)
	} else if fs.NArg() > 0 {
		email = ""
	}
	if email == "" {
		return &exitError{code: 2, msg: fmt.Sprintf("werkplek person %s: give one email, e.g. werkplek person %s pieter.jansen@example.nl", sub, sub)}
	}
	if err := m.open(ctx); err != nil {
		return err
	}
	p, err := m.findPerson(ctx, "person "+sub, email)
	if err != nil {
		return err
	}
	if sub == "export" {
		return m.exportPerson(ctx, p, *out)
	}
	return m.erasePerson(ctx, p, *yes)
}

func (m *Main) exportPerson(ctx context.Context, p *intranet.Person, out string) error {
	data, err := m.Store.PersonData(ctx, p.ID)
	if err != nil {
		return err
	}
	var w io.Writer = m.Stdout
	if out != "" {
		f, err := os.OpenFile(out, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
		if err != nil {
			return &exitError{code: 1, msg: "werkplek person export: " + err.Error()}
		}
		defer f.Close()
		w = f
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(data); err != nil {
		return fmt.Errorf("write export: %w", err)
	}
	n := 0
	for _, rows := range data.Records {
		n += len(rows)
	}
	m.audit(ctx, "person export", p.ID, p.Email, fmt.Sprintf("%d records", n))
	if out != "" {
		fmt.Fprintf(m.Stderr, "Wrote what Werkplek holds about %s to %s.\n", p.Email, out)
	}
	return nil
}

func (m *Main) erasePerson(ctx context.Context, p *intranet.Person, yes bool) error {
	if intranet.Erased(p.Email) {
		return &exitError{code: 1, msg: "werkplek person erase: this person was erased already"}
	}
	if !yes {
		fmt.Fprintf(m.Stdout, "Erase %s (%s)? Their personal data is removed for good; approved hours and answers stay, anonymised.\nType the email again to confirm: ", p.Name, p.Email)
		line, _ := bufio.NewReader(m.Stdin).ReadString('\n')
		if !strings.EqualFold(strings.TrimSpace(line), p.Email) {
			return &exitError{code: 1, msg: "werkplek person erase: not confirmed; nothing was erased"}
		}
	}
	var done store.Erasure
	err := m.Store.InTx(ctx, func(ctx context.Context) error {
		var err error
		if done, err = m.Store.ErasePerson(ctx, p.ID); err != nil {
			return err
		}
		// The entry is written with the erasure, and names no one.
		e := cliActor
		e.Action, e.SubjectID, e.Subject = "person erase", p.ID, fmt.Sprintf("erased person %d", p.ID)
		e.Detail = "removed " + counts(done.Removed) + "; kept " + counts(done.Kept)
		return m.Store.Audit(ctx, e)
	})
	if intranet.ErrorCode(err) == intranet.ECONFLICT {
		return &exitError{code: 1, msg: fmt.Sprintf("werkplek person erase: %s is the last active admin; make someone else an admin first (/werkplek role add, or the roles column of the people file). Nothing was erased.", p.Email)}
	} else if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "Erased person %d. Removed: %s. Kept, anonymised: %s.\n", p.ID, counts(done.Removed), counts(done.Kept))
	return nil
}

// counts writes rows by table: "bookings 3, accounts 1".
func counts(m map[string]int) string {
	var out []string
	for _, t := range sortedTables(m) {
		out = append(out, fmt.Sprintf("%s %d", t, m[t]))
	}
	if len(out) == 0 {
		return "nothing"
	}
	return strings.Join(out, ", ")
}

func sortedTables(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
