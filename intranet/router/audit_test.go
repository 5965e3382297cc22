package router_test

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/grammar"
	"github.com/werkplek/werkplek/intranet/router"
)

// auditUnit has an audited action about a person, an audited one about a
// thing, one whose reply shows a secret, one not audited, and an audited form.
type auditUnit struct{}

var thing = &grammar.Command{Word: grammar.W("thing", "ding"), Subs: []grammar.Sub{
	{Path: []grammar.Word{grammar.W("grant")}, Args: []grammar.Arg{{Name: "what", Kind: grammar.Name}, {Name: "person", Kind: grammar.Person}}, Audit: true},
	{Path: []grammar.Word{grammar.W("drop")}, Args: []grammar.Arg{{Name: "id", Kind: grammar.ID}}, Audit: true},
	{Path: []grammar.Word{grammar.W("token")}, Args: []grammar.Arg{{Name: "name", Kind: grammar.Name}}, Audit: true, Secret: true},
	{Path: []grammar.Word{grammar.W("give")}, Args: []grammar.Arg{{Name: "person", Kind: grammar.Person}, {Name: "what", Kind: grammar.Name}}, Audit: true},
	{Path: []grammar.Word{grammar.W("look")}, Args: []grammar.Arg{{Name: "id", Kind: grammar.ID}}},
	{Path: []grammar.Word{grammar.W("hook")}, Args: []grammar.Arg{{Name: "url", Kind: grammar.Text}}, Audit: true, Secret: true},
}}

func (auditUnit) Commands() []*grammar.Command { return []*grammar.Command{thing} }

func (auditUnit) Handle(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	switch {
	case c.Is("grant"):
		return c.Reply("Granted " + c.Cmd.Text("what") + ".\nMore lines."), nil
	case c.Is("drop") && c.Cmd.Number("id") == 7:
		return c.Reply("Only admins may drop things."), nil
	case c.Is("token"):
		return c.Reply("Token made. The secret, shown once: `wpk_s3cr3t`"), nil
	}
	return c.Reply("Done."), nil
}

func (auditUnit) FormIDs() []string { return []string{"thing.form.", "thing.other"} }

func (auditUnit) HandleForm(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	return c.Reply("Form taken."), nil
}

func (auditUnit) AuditedForms() map[string]string {
	return map[string]string{"thing.form.": "thing edit"}
}

func TestAuditRecording(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		e.Core(auditUnit{})
		anouk, _ := e.Store.FindPersonByEmail(ctx, coretest.Anouk) // a team lead
		pieter, _ := e.Store.FindPersonByEmail(ctx, coretest.Pieter)
		log := func() []intranet.AuditEntry {
			t.Helper()
			got, err := e.Store.AuditLog(ctx, intranet.AuditQuery{})
			if err != nil {
				t.Fatal(err)
			}
			return got
		}

		e.Say(coretest.Anouk, "", "/thing grant keys "+coretest.Pieter)
		got := log()
		if len(got) != 1 {
			t.Fatalf("after one audited command: %+v", got)
		}
		want := intranet.AuditEntry{ActorID: anouk.ID, Actor: coretest.Anouk, Platform: "console", Action: "thing grant",
			SubjectID: pieter.ID, Subject: coretest.Pieter, Detail: "/thing grant keys " + coretest.Pieter + " → Granted keys."}
		got[0].ID, got[0].At = 0, want.At
		if got[0] != want {
			t.Errorf("entry\n got %+v\nwant %+v", got[0], want)
		}

		// An employee's audited command, and an unaudited command, are not recorded.
		e.Say(coretest.Pieter, "", "/thing grant keys "+coretest.Jan)
		e.Say(coretest.Anouk, "", "/thing look 3")
		if n := len(log()); n != 1 {
			t.Fatalf("employee's or unaudited command recorded: %+v", log())
		}

		// A refusal is visible as one; a pressed button is a command too.
		e.Press(coretest.Anouk, "/thing drop 7")
		if got := log(); len(got) != 2 || got[1].Subject != "7" || got[1].SubjectID != 0 ||
			got[1].Detail != "/thing drop 7 → Only admins may drop things." {
			t.Errorf("refusal: %+v", got[len(got)-1])
		}

		// A reply that shows a secret is not copied.
		e.Say(coretest.Anouk, "", "/thing token payroll")
		got = log()
		if last := got[len(got)-1]; last.Action != "thing token" || strings.Contains(last.Detail, "s3cr3t") || !strings.HasPrefix(last.Detail, "/thing token payroll → ") {
			t.Errorf("secret: %+v", last)
		}

		// Nor a key or password in a typed address of a secret action.
		e.Say(coretest.Anouk, "", "/thing hook https://ops:pa55@payroll.example.nl/api/hook?code=k3y#frag")
		got = log()
		if last := got[len(got)-1]; last.Action != "thing hook" || last.Subject != "https://payroll.example.nl/api/hook…" ||
			!strings.HasPrefix(last.Detail, "/thing hook https://payroll.example.nl/api/hook… → ") ||
			strings.Contains(last.Detail+last.Subject, "k3y") || strings.Contains(last.Detail+last.Subject, "pa55") {
			t.Errorf("address with a key: %+v", last)
		}

		// An audited form is recorded, another form of the unit is not.
		form := coretest.Request(coretest.Anouk, "", "")
		form.Form = &intranet.FormSubmission{FormID: "thing.form.12"}
		e.Do(form)
		form.Form = &intranet.FormSubmission{FormID: "thing.other"}
		e.Do(form)
		got = log()
		if len(got) != 5 || got[4].Action != "thing edit" || got[4].Subject != "12" || got[4].Detail != "form thing.form.12 → Form taken." {
			t.Errorf("forms: %+v", got[len(got)-1])
		}
	})
}

// failingAudit refuses every entry.
type failingAudit struct{ intranet.AuditService }

func (failingAudit) Audit(ctx context.Context, e intranet.AuditEntry) error {
	return errors.New("disk full")
}

// TestAuditFailureKeepsAction: an audit entry that cannot be written is
// logged, and the person's command still gets its answer.
func TestAuditFailureKeepsAction(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		var logged strings.Builder
		r := router.New(router.Config{People: e.Store, Accounts: e.Store, Decisions: e.Store, Language: "en",
			Units: []feature.Unit{auditUnit{}}, Audit: failingAudit{}, Log: slog.New(slog.NewTextHandler(&logged, nil))})
		reply, err := r.Handle(context.Background(), coretest.Request(coretest.Anouk, "", "/thing grant keys "+coretest.Pieter))
		if err != nil || !strings.HasPrefix(reply.Text, "Granted keys.") {
			t.Fatalf("reply %+v, %v", reply, err)
		}
		coretest.Wants(t, "log", logged.String(), "audit entry not written", "disk full", "action=\"thing grant\"", coretest.Anouk)
	})
}

// TestAuditSubjectName: a name the parser split between the person and
// the next argument ("Jan", "de Vries keys") is still its person, as the
// unit reads it (/werkplek role add Anna Bakker admin).
func TestAuditSubjectName(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		e.Core(auditUnit{})
		jan, _ := e.Store.FindPersonByEmail(ctx, coretest.Jan)
		e.Say(coretest.Anouk, "", "/thing give Jan de Vries keys")
		got, err := e.Store.AuditLog(ctx, intranet.AuditQuery{})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].SubjectID != jan.ID || got[0].Subject != coretest.Jan {
			t.Errorf("entries: %+v", got)
		}
		// Someone who left is still the subject, by email.
		if _, _, err := e.Store.DeactivatePerson(ctx, jan.ID, 0); err != nil {
			t.Fatal(err)
		}
		e.Say(coretest.Anouk, "", "/thing give "+coretest.Jan+" keys")
		if got, _ := e.Store.AuditLog(ctx, intranet.AuditQuery{PersonID: jan.ID}); len(got) != 2 || got[1].Subject != coretest.Jan {
			t.Errorf("entries about who left: %+v", got)
		}
	})
}
