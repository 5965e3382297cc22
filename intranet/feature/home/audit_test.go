package home_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature/home"
)

// TestAuditCommand: admins see the latest 20 entries of the audit log,
// since a date and by or about a person, with all of them as CSV (the web
// gets a button that downloads it); nobody else does.
func TestAuditCommand(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		setup(t, e, home.Config{Audit: e.Store})
		pieter, _ := e.Store.FindPersonByEmail(ctx, coretest.Pieter)
		start := e.Now
		for i := 0; i < 24; i++ {
			if err := e.Store.Audit(ctx, intranet.AuditEntry{At: start.AddDate(0, 0, i-24), Actor: admin, Platform: "slack", Action: "room admin add",
				Subject: fmt.Sprintf("Zaal %d", i), Detail: fmt.Sprintf("/room admin add \"Zaal %d\" → Added: Zaal %d", i, i)}); err != nil {
				t.Fatal(err)
			}
		}
		if err := e.Store.Audit(ctx, intranet.AuditEntry{At: start.Add(-1), Actor: admin, Platform: "teams", Action: "team member add",
			SubjectID: pieter.ID, Subject: "=cmd|' /C calc'!A0", Detail: "/team member add Zorg pieter → Added."}); err != nil {
			t.Fatal(err)
		}

		for _, who := range []string{coretest.Jan, coretest.Anouk} {
			coretest.Wants(t, who, e.Say(who, "", "/werkplek audit").Text, "Alleen beheerders zien het logboek.")
		}
		reply := e.Say(admin, "", "/werkplek audit")
		lines := strings.Split(reply.Text, "\n")
		if len(lines) != 20 || !strings.Contains(lines[0], "team member add") || !strings.Contains(lines[1], "Zaal 23 → Added: Zaal 23") {
			t.Fatalf("latest 20, newest first:\n%s", reply.Text)
		}
		coretest.Wants(t, "context", strings.Join(reply.Context, "\n"), "20 van 25 getoond, nieuwste eerst.")
		if reply.File == nil || len(reply.Buttons) != 0 {
			t.Fatalf("file %v, buttons %v", reply.File, reply.Buttons)
		}
		csv := string(reply.File.Data)
		if strings.Count(csv, "\n") != 26 || !strings.HasPrefix(csv, "at,actor,platform,action,subject,detail\n") || !strings.Contains(csv, `'=cmd|`) {
			t.Errorf("csv:\n%s", csv)
		}

		reply = e.Say(admin, "", "/werkplek audit person:"+coretest.Pieter)
		if reply.Title != "Logboek: Pieter Jansen" || strings.Count(reply.Text, "\n") != 0 || !strings.Contains(reply.Text, "team member add") {
			t.Errorf("by person: %+v", reply)
		}
		reply = e.Say(admin, "", "/werkplek logboek sinds:"+start.AddDate(0, 0, -2).Format("2006-01-02"))
		if n := strings.Count(reply.Text, "\n") + 1; n != 3 {
			t.Errorf("since: %d entries:\n%s", n, reply.Text)
		}
		coretest.Wants(t, "nobody", e.Say(admin, "", "/werkplek audit person:nobody@example.nl").Text, "niet in het telefoonboek")
		// Someone who left is found by email: their entries are what an
		// admin looks up.
		left, _ := e.Store.FindPersonByEmail(context.Background(), coretest.Pieter)
		if _, _, err := e.Store.DeactivatePerson(context.Background(), left.ID, 0); err != nil {
			t.Fatal(err)
		}
		if reply := e.Say(admin, "", "/werkplek audit person:"+coretest.Pieter); reply.Title != "Logboek: Pieter Jansen" || !strings.Contains(reply.Text, "team member add") {
			t.Errorf("who left: %+v", reply)
		}

		web := coretest.Request(admin, "", "/werkplek audit")
		web.Platform = intranet.PlatformWeb
		if reply := e.Do(web); len(reply.Buttons) != 1 || reply.Buttons[0].Command != "/werkplek audit" || reply.Buttons[0].Label != "CSV downloaden" {
			t.Errorf("web button: %+v", reply.Buttons)
		}
	})
}

// TestAdminPagesNotForGuestAccounts: a guest account (a Slack guest, a
// partner's account) linked to an admin's email does not act as the
// admin: no audit log, API tokens or usage.
func TestAdminPagesNotForGuestAccounts(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		setup(t, e, home.Config{Audit: e.Store})
		if err := e.Store.Audit(context.Background(), intranet.AuditEntry{Actor: admin, Platform: "slack", Action: "room admin add", Subject: "Zaal 1"}); err != nil {
			t.Fatal(err)
		}
		// The router refuses the admins' forms of /werkplek to a guest.
		for _, cmd := range []string{"/werkplek audit", "/werkplek api", "/werkplek usage"} {
			r := coretest.Request(admin, "", cmd)
			r.User.ID, r.User.Guest = "guest-ada", true
			r.Channel.ID = "dm-guest-ada"
			if got := e.Do(r); !strings.HasPrefix(got.Text, "Je bent gast in Werkplek") || len(got.Sections) > 0 || got.File != nil {
				t.Errorf("%s as a guest account: %+v", cmd, got)
			}
		}
	})
}
