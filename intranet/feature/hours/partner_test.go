package hours_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/coretest"
)

// TestApproversNeverPartners: a manager who became a partner approves
// nobody's weeks (they go on to the admins), and a partner is refused the
// approver's commands.
func TestApproversNeverPartners(t *testing.T) {
	hoursEnv(t, "", func(t *testing.T, e *env) {
		ctx := context.Background()
		org, err := e.Store.AddOrganisation(ctx, "Thuiszorg Midden")
		if err != nil {
			t.Fatal(err)
		}
		// Anouk, Zorg Oost's lead and Pieter's and Kees's manager, leaves
		// for the partner.
		e.Now = e.Now.Add(time.Hour)
		if err := e.Store.SetOrganisation(ctx, e.person(anouk).ID, org.ID); err != nil {
			t.Fatal(err)
		}
		for _, who := range []string{pieter, kees, jan} {
			got, err := e.unit.Approvers(ctx, e.person(who))
			if err != nil {
				t.Fatal(err)
			}
			var emails []string
			for _, p := range got {
				emails = append(emails, p.Email)
			}
			if strings.Join(emails, ",") != ada {
				t.Errorf("approvers of %s: %v, want the admin", who, emails)
			}
		}
		e.work(pieter, "2026-11-23", 450, 0)
		coretest.Wants(t, "submit", e.say(pieter, "/uren indienen"), "ingediend bij Ada Admin")
		coretest.Lacks(t, "submit", e.say(pieter, "/uren team"), "Anouk")
		if dms := e.dms(anouk); len(dms) != 0 {
			t.Errorf("the partner got %q", dms)
		}
		for _, text := range []string{"/hours approve pieter.jansen@example.nl 2026-W48", "/hours team", "/hours mon 8"} {
			got := e.say(anouk, text)
			coretest.Wants(t, text, got, "Als partner van Thuiszorg Midden")
			coretest.Lacks(t, text, got, "goedgekeurd", "Pieter")
		}
		got := coretest.All(e.Press(anouk, "/hours approve pieter.jansen@example.nl 2026-W48"))
		coretest.Wants(t, "press", got, "Als partner van Thuiszorg Midden")
		if s := e.state(pieter, w48); s.State != "submitted" {
			t.Errorf("week = %s", s.State)
		}
	})
}
