package feature_test

import (
	"context"
	"strings"
	"testing"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// TestRecipientsNeverPartner: a DM not shared with guests reaches no
// partner, even on an account the platform does not call a guest's; one
// shared with guests does. Through the notifier, the sender of a DM that
// names its fallback is told instead.
func TestRecipientsNeverPartner(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		org, err := e.Store.AddOrganisation(ctx, "Thuiszorg Midden")
		if err != nil {
			t.Fatal(err)
		}
		anna, _, err := e.Store.AddPartnerPerson(ctx, org.ID, "anna@thuiszorgmidden.nl", "Anna Smit")
		if err != nil {
			t.Fatal(err)
		}
		if err := e.Store.LinkAccount(ctx, intranet.Account{Platform: intranet.PlatformConsole, Installation: "local", UserID: anna.Email, PersonID: anna.ID}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.Recipients.Account(ctx, anna.ID, false); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("a partner without guests: %v", err)
		}
		if d, err := e.Recipients.Account(ctx, anna.ID, true); err != nil || d.UserID != anna.Email {
			t.Errorf("a partner with guests: %+v, %v", d, err)
		}
		pieter, err := e.Store.FindPersonByEmail(ctx, coretest.Pieter)
		if err != nil {
			t.Fatal(err)
		}
		n := feature.Notifier{Outbox: e.Outbox, Language: "nl", Location: coretest.Amsterdam, Now: e.Clock}
		write := func(text string) func(string) intranet.Reply {
			return func(lang string) intranet.Reply { return intranet.Reply{Text: text} }
		}
		if err := n.Send(ctx, feature.DM{To: anna, Key: "internal", Write: write("Interne dienst"), Asked: true,
			Unreachable: []feature.Notice{{To: pieter, Key: "internal-unreachable", Write: write("Anna is niet bereikt")}}}); err != nil {
			t.Fatal(err)
		}
		if err := n.Send(ctx, feature.DM{To: anna, Key: "shared", Guests: true, Asked: true, Write: write("Voor partners")}); err != nil {
			t.Fatal(err)
		}
		got := e.Posters.DMs(intranet.PlatformConsole, anna.Email)
		if len(got) != 1 || !strings.Contains(got[0], "Voor partners") {
			t.Errorf("the partner got %q", got)
		}
		coretest.Wants(t, "fallback", strings.Join(e.Posters.DMs(intranet.PlatformConsole, coretest.Pieter), "\n"), "Anna is niet bereikt")
	})
}
