package home

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/when"
)

// auditShown is how many entries /werkplek audit lists in a chat.
const auditShown = 20

// audit shows admins the latest entries of the audit log, since a date
// and by or about a person when asked, with the whole selection as a CSV
// file the web serves (the command line has `werkplek audit`).
func (u *Unit) audit(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	if !c.Has(intranet.RoleAdmin) { // Has gives a guest account no admin role
		return c.Reply(c.T("Alleen beheerders zien het logboek.", "Only admins see the audit log.")), nil
	}
	if u.cfg.Audit == nil {
		return c.Reply(c.T("Deze Werkplek houdt geen logboek bij.", "This Werkplek keeps no audit log.")), nil
	}
	loc := u.cfg.Env.Location
	var q intranet.AuditQuery
	if d, ok := c.Cmd.Date("since"); ok {
		q.Since = d.At(0, loc)
	}
	var who string
	if c.Cmd.Has("person") {
		// Who left is found too, by email: what was done about them is
		// what an admin looks up most.
		p, problem, err := feature.FindAnyPerson(ctx, u.cfg.Env.People, u.cfg.Env.Accounts, c, c.Cmd.Text("person"))
		if err != nil || problem != "" {
			return c.Reply(problem), err
		}
		q.PersonID, who = p.ID, p.Name
	}
	entries, err := u.cfg.Audit.AuditLog(ctx, q)
	if err != nil {
		return intranet.Reply{}, fmt.Errorf("audit log: %w", err)
	}
	reply, err := auditView(c, entries, who, loc)
	if err == nil && reply.File != nil && c.Req.Platform == intranet.PlatformWeb {
		// The web serves the file of the reply a pressed button gets.
		reply.Buttons = []intranet.Button{{Label: c.T("CSV downloaden", "Download CSV"), Command: strings.TrimSpace(c.Req.CommandText())}}
	}
	return reply, err
}

// auditView lists the newest entries, newest first, one line each, and
// attaches them all as CSV.
func auditView(c *feature.Call, entries []intranet.AuditEntry, who string, loc *time.Location) (intranet.Reply, error) {
	reply := intranet.Reply{Lang: c.Lang, Title: c.T("Logboek", "Audit log")}
	if who != "" {
		reply.Title = c.T("Logboek: %s", "Audit log: %s", who)
	}
	if len(entries) == 0 {
		reply.Text = c.T("Geen handelingen in het logboek.", "No actions in the audit log.")
		return reply, nil
	}
	var lines []string
	for i := len(entries) - 1; i >= 0 && len(lines) < auditShown; i-- {
		e := entries[i]
		line := fmt.Sprintf("`%s %s` %s (%s): %s", when.DateOf(e.At, loc).Format(c.Lang), e.At.In(loc).Format("15:04"), e.Actor, e.Platform, e.Action)
		if e.Subject != "" {
			line += " · " + e.Subject
		}
		if _, outcome, ok := strings.Cut(e.Detail, " → "); ok && outcome != "" {
			line += " → " + outcome
		}
		lines = append(lines, line)
	}
	reply.Text = strings.Join(lines, "\n")
	reply.Context = []string{c.T("%d van %d getoond, nieuwste eerst.", "%d of %d shown, newest first.", len(lines), len(entries))}
	reply.Typing = []string{c.T("Alles als CSV: deze pagina op het web, of `werkplek audit` op de server.", "All of it as CSV: this page on the web, or `werkplek audit` on the server.")}
	var b bytes.Buffer
	if err := csv.NewWriter(&b).WriteAll(feature.AuditCSV(entries, loc)); err != nil {
		return intranet.Reply{}, fmt.Errorf("audit csv: %w", err)
	}
	reply.File = &intranet.File{Name: "audit.csv", ContentType: "text/csv; charset=utf-8", Data: b.Bytes()}
	return reply, nil
}
