package router

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/grammar"
)

// The audit log records the admin and content-manager actions: a
// subcommand marked grammar.Sub.Audit, or a form a unit names in
// feature.AuditedFormUnit, answered for a person with a role beyond
// employee. It also records every command a partner runs (what is shared
// with partners, grammar.Sub.Partners): what an outside organisation did
// inside is the organisation's to account for. The entry is written after the unit answered, with the
// reply's first line as the outcome, so that a refusal shows as one.
//
// The units commit their own changes, so the entry is not in the same
// transaction: a failure to write it is logged with everything the entry
// held (the log keeps what the table could not) and the person's action
// stands. Refusing an action that already happened would only mislead.

// Lengths of an entry's detail: the command as typed and the outcome.
const (
	auditCommandLen = 180
	auditOutcomeLen = 120
)

// auditCommand records a parsed command marked Audit.
func (r *Router) auditCommand(ctx context.Context, c *feature.Call, reply intranet.Reply) {
	if !r.audited(c) {
		return
	}
	p := c.Cmd
	e := intranet.AuditEntry{Action: strings.TrimSpace(p.Command.Word.EN + " " + p.Sub.Name())}
	e.SubjectID, e.Subject = r.auditSubject(ctx, c)
	outcome, command := firstLine(reply), oneLine(c.Req.CommandText())
	if p.Sub.Secret {
		// Neither the reply nor a key in a typed address is kept.
		outcome = "(reply not kept: it may show a secret)"
		command, e.Subject = intranet.RedactURLs(command), intranet.RedactURLs(e.Subject)
	}
	e.Detail = clip(command, auditCommandLen) + " → " + clip(outcome, auditOutcomeLen)
	r.audit(ctx, c, e)
}

// auditForm records a submitted form that its unit names as audited.
func (r *Router) auditForm(ctx context.Context, c *feature.Call, u feature.Unit, reply intranet.Reply) {
	au, ok := u.(feature.AuditedFormUnit)
	if !ok || !r.audited(c) {
		return
	}
	id := c.Req.Form.FormID
	for prefix, action := range au.AuditedForms() {
		if strings.HasPrefix(id, prefix) {
			e := intranet.AuditEntry{Action: action, Subject: strings.Trim(strings.TrimPrefix(id, prefix), ".:")}
			e.Detail = clip("form "+id, auditCommandLen) + " → " + clip(firstLine(reply), auditOutcomeLen)
			r.audit(ctx, c, e)
			return
		}
	}
}

// audited reports whether the caller's actions are recorded: a person
// with a role beyond employee (admin, content manager, room admin, team
// lead), or a partner. What every employee may do is theirs, not the
// organisation's.
func (r *Router) audited(c *feature.Call) bool {
	if r.cfg.Audit != nil && c.Partner() != 0 {
		return true
	}
	if r.cfg.Audit == nil || c.Person == nil || c.Guest {
		return false
	}
	for _, role := range c.Person.Roles {
		if !role.Basic() {
			return true
		}
	}
	return false
}

// audit writes an entry as the caller; a failure is logged, not returned.
func (r *Router) audit(ctx context.Context, c *feature.Call, e intranet.AuditEntry) {
	e.ActorID, e.Actor, e.Platform = c.Person.ID, c.Person.Email, string(c.Req.Platform)
	if err := r.cfg.Audit.Audit(ctx, e); err != nil {
		r.cfg.Log.Error("audit entry not written", "err", err, "actor", e.Actor, "platform", e.Platform,
			"action", e.Action, "subject", e.Subject, "detail", e.Detail)
	}
}

// auditSubject is what a command is about: its first person argument
// (found by email, mention or name, also who left, else as typed), else
// its first argument as typed.
func (r *Router) auditSubject(ctx context.Context, c *feature.Call) (int64, string) {
	p := c.Cmd
	for i, a := range p.Sub.Args {
		if a.Kind != grammar.Person {
			continue
		}
		v, ok := p.Value(a.Name)
		if !ok {
			continue
		}
		text := strings.TrimSpace(v.Text)
		if r.cfg.People != nil && r.cfg.Accounts != nil {
			// The parser may give a name's last words to the next
			// argument ("Anna Bakker admin" as "Anna", "Bakker admin"),
			// as the unit reads it: the longest run that is one person.
			words := strings.Fields(text)
			for _, b := range p.Sub.Args[i+1:] {
				if w, ok := p.Value(b.Name); ok && b.Kind != grammar.Literal {
					words = append(words, strings.Fields(w.Text)...)
				}
			}
			for n := len(words); n >= len(strings.Fields(text)) && n > 0; n-- {
				// Who left too (by email): an admin's attempt about them
				// is theirs in the log.
				if person, _, err := feature.FindAnyPerson(ctx, r.cfg.People, r.cfg.Accounts, c, strings.Join(words[:n], " ")); err == nil && person != nil {
					return person.ID, person.Email
				}
			}
		}
		return 0, clip(text, auditOutcomeLen)
	}
	for _, a := range p.Sub.Args {
		if a.Kind == grammar.Literal {
			continue
		}
		if v, ok := p.Value(a.Name); ok {
			text := v.Typed
			if text == "" {
				text = v.Text
			}
			return 0, clip(oneLine(text), auditOutcomeLen)
		}
	}
	return 0, ""
}

// firstLine is a reply's outcome: its title (what happened, "Added:
// Proefzaal") and the first line of its text, else of its first section.
func firstLine(reply intranet.Reply) string {
	text := strings.TrimSpace(reply.Text)
	if text == "" && len(reply.Sections) > 0 {
		text = strings.TrimSpace(reply.Sections[0].Title + "\n" + reply.Sections[0].Text)
	}
	line, _, _ := strings.Cut(text, "\n")
	parts := []string{}
	for _, s := range []string{strings.TrimSpace(reply.Title), strings.TrimSpace(line)} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ": ")
}

// oneLine puts a typed command on one line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// clip cuts s to n characters, marking the cut.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}
