package home_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature/home"
)

var (
	tokenRe   = regexp.MustCompile("`(wpk_[A-Za-z0-9_-]+)`")
	webhookRe = regexp.MustCompile("`(whsec_[A-Za-z0-9+/=]+)`")
)

// apiSetup is the front door over e's store as the API's tokens and
// webhooks.
func apiSetup(t *testing.T, e *coretest.Env) {
	t.Helper()
	setup(t, e, home.Config{Tokens: e.Store, Webhooks: e.Store, PublicURL: public})
}

// TestAPIOnlyAdmins: employees and team leads get the admins-only answer
// (a guest the guest's) to every /werkplek api command, in their language, and make
// nothing; someone not in the phonebook is told so.
func TestAPIOnlyAdmins(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		apiSetup(t, e)
		for _, who := range []string{coretest.Jan, coretest.Anouk, coretest.Gijs} {
			for _, cmd := range []string{"/werkplek api", "/werkplek api token add payroll", "/werkplek api token revoke payroll",
				"/werkplek api webhook add https://erp.example.nl/hooks", "/werkplek api webhook remove 1"} {
				reply := e.Say(who, "", cmd)
				want := "Alleen beheerders beheren de tokens en webhooks van de API."
				if who == coretest.Gijs {
					want = "Je bent gast in Werkplek" // the router refuses the admins' forms to a guest
				}
				coretest.Wants(t, who+" "+cmd, reply.Text, want)
				coretest.Lacks(t, who+" "+cmd, coretest.All(reply), "wpk_", "whsec_")
			}
		}
		coretest.Wants(t, "English", e.Say(english, "", "/werkplek api").Text, "Only admins manage the API's tokens and webhooks.")
		coretest.Wants(t, "unknown", e.Say(nobody, "", "/werkplek api").Text, "niet gekoppeld")
		tokens, _ := e.Store.APITokens(context.Background())
		hooks, _ := e.Store.Webhooks(context.Background())
		if len(tokens) != 0 || len(hooks) != 0 {
			t.Errorf("non-admins made %d tokens and %d webhooks", len(tokens), len(hooks))
		}
	})
}

// TestAPITokens: an admin adds a token in a direct message and sees its
// secret once; the API knows the token by the hash of that secret; the
// list shows it with a button that revokes it, after which the API
// refuses it and the name is free again.
func TestAPITokens(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		apiSetup(t, e)
		empty := e.Say(admin, "", "/werkplek api")
		coretest.Wants(t, "empty", coretest.All(empty), "Er zijn nog geen API-tokens en geen webhooks.",
			"`/werkplek api token add <naam> scope:hours:read`", "`/werkplek api webhook add <url> events:timesheet.approved,timesheet.reopened`",
			public+"/api/v1/openapi.json")

		// In a channel no secret is shown, and no token made.
		channel := e.Say(admin, "console", "/werkplek api token add payroll")
		coretest.Wants(t, "channel", coretest.All(channel), "Een geheim hoort niet in een kanaal. Typ dit in een privébericht aan Werkplek, of doe het op het web.", public+"/web/")
		coretest.Lacks(t, "channel", coretest.All(channel), "wpk_")
		if list, _ := e.Store.APITokens(ctx); len(list) != 0 {
			t.Fatalf("a token was made in a channel: %+v", list[0])
		}

		made := e.Say(admin, "", "/werkplek api token add payroll scope:hours:read")
		coretest.Wants(t, "made", made.Text, "Token payroll (hours:read) is gemaakt. Hieronder het geheim, alleen nu te zien:",
			"`Authorization: Bearer <geheim>`", "kan het niet nog eens tonen", "`/werkplek api token revoke payroll`")
		if made.Visibility != intranet.Ephemeral {
			t.Errorf("the secret is shown to others: visibility %v", made.Visibility)
		}
		m := tokenRe.FindStringSubmatch(made.Text)
		if m == nil {
			t.Fatalf("no secret in %q", made.Text)
		}
		secret := m[1]
		coretest.Wants(t, "unused", coretest.All(e.Say(admin, "", "/werkplek api")), "Laatst gebruikt: nooit")
		e.Now = e.Now.Add(90 * time.Minute)
		tok, err := e.Store.UseAPIToken(ctx, intranet.HashSecret(secret), e.Now)
		if err != nil || tok.Name != "payroll" || !tok.Allows(intranet.ScopeHoursRead) {
			t.Fatalf("the secret's token: %+v, %v", tok, err)
		}

		list := e.Say(admin, "", "/werkplek api")
		coretest.Lacks(t, "list", coretest.All(list), secret, "Er zijn nog geen")
		if len(list.Sections) != 1 || list.Sections[0].Title != "Token payroll" {
			t.Fatalf("sections: %+v", list.Sections)
		}
		coretest.Wants(t, "list", coretest.All(list), "hours:read", "Gemaakt: vr 27 nov 2026 10:00", "Laatst gebruikt: vr 27 nov 2026 11:30", "Staat: werkt")
		b := list.Sections[0].Buttons
		if len(b) != 1 || b[0].Label != "Intrekken" || b[0].Command != "/werkplek api token revoke payroll" || b[0].Confirm == nil {
			t.Fatalf("buttons: %+v", b)
		}

		coretest.Wants(t, "taken", e.Say(admin, "", "/werkplek api token add payroll").Text,
			"Er is al een werkend token met de naam payroll. Trek het eerst in of kies een andere naam.")
		coretest.Wants(t, "scope", e.Say(admin, "", "/werkplek api token add other scope:hours:write").Text, "`hours:write` is geen scope; kies uit: hours:read.")

		revoked := e.Press(admin, b[0].Command)
		coretest.Wants(t, "revoked", revoked.Text, "Token payroll is ingetrokken: de API weigert het vanaf nu.")
		if !revoked.ReplaceOriginal || len(revoked.Sections) != 1 || len(revoked.Sections[0].Buttons) != 0 {
			t.Errorf("after revoking: %+v", revoked)
		}
		coretest.Wants(t, "revoked", coretest.All(revoked), "ingetrokken vr 27 nov 2026 11:30")
		if _, err := e.Store.UseAPIToken(ctx, intranet.HashSecret(secret), e.Now); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("a revoked token still works: %v", err)
		}
		coretest.Wants(t, "again", e.Say(admin, "", "/werkplek api token revoke payroll").Text, "Geen werkend token heet payroll.")

		// English, and the name is free again; no scope given is hours:read.
		e.Say(admin, "", "/werkplek language en")
		again := e.Say(admin, "", "/werkplek api token add payroll")
		coretest.Wants(t, "English", again.Text, "Token payroll (hours:read) is made. Below is its secret, shown only now:",
			"`Authorization: Bearer <secret>`", "Werkplek keeps only a hash of it and cannot show it again")
		m = tokenRe.FindStringSubmatch(again.Text)
		if m == nil || m[1] == secret {
			t.Fatalf("a new secret: %q", again.Text)
		}
		if _, err := e.Store.UseAPIToken(ctx, intranet.HashSecret(m[1]), e.Now); err != nil {
			t.Errorf("the new token: %v", err)
		}
		coretest.Wants(t, "English taken", e.Say(admin, "", "/werkplek api token add payroll").Text, "A working token is named payroll already.")
		coretest.Wants(t, "English channel", e.Say(admin, "console", "/werkplek api token add x").Text, "A secret does not belong in a channel.")
		list = e.Say(admin, "", "/werkplek api")
		coretest.Wants(t, "English list", coretest.All(list), "API and webhooks", "revoked Fri 27 Nov 2026 11:30", "State: working",
			"Add a token (in a direct message): `/werkplek api token add <name> scope:hours:read`")
	})
}

// TestAPIWebhooks: an admin adds a webhook in a direct message and sees
// its signing secret once; the list has a button that removes it; wrong
// addresses, events and doubles are answered.
func TestAPIWebhooks(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		apiSetup(t, e)
		const address = "https://erp.example.nl/hooks/werkplek"
		channel := e.Say(admin, "console", "/werkplek api webhook add "+address)
		coretest.Wants(t, "channel", channel.Text, "Een geheim hoort niet in een kanaal.")
		if hooks, _ := e.Store.Webhooks(ctx); len(hooks) != 0 {
			t.Fatal("a webhook was added in a channel")
		}

		added := e.Say(admin, "", "/werkplek api webhook add "+address+" events:timesheet.approved")
		coretest.Wants(t, "added", added.Text, "Webhook "+address+" is toegevoegd voor timesheet.approved. Hieronder het ondertekengeheim, alleen nu te zien:",
			"(Standard Webhooks)")
		hooks, err := e.Store.Webhooks(ctx)
		if err != nil || len(hooks) != 1 {
			t.Fatalf("webhooks: %v, %v", hooks, err)
		}
		m := webhookRe.FindStringSubmatch(added.Text)
		if m == nil || m[1] != hooks[0].Secret || hooks[0].URL != address || strings.Join(hooks[0].Events, ",") != "timesheet.approved" {
			t.Fatalf("shown %q, stored %+v", added.Text, hooks[0])
		}

		// Angle brackets around a link are taken off; no events given is all.
		e.Say(admin, "", "/werkplek api webhook add <https://b.example.nl/h>")
		if hooks, _ = e.Store.Webhooks(ctx); len(hooks) != 2 || hooks[0].URL != "https://b.example.nl/h" || len(hooks[0].Events) != len(intranet.Events) {
			t.Fatalf("webhooks: %+v", hooks)
		}

		for _, tc := range []struct{ cmd, want string }{
			{"/werkplek api webhook add " + address, address + " heeft al een webhook."},
			{"/werkplek api webhook add ftp://erp.example.nl/x", "`ftp://erp.example.nl/x` is geen webadres"},
			{"/werkplek api webhook add https://c.example.nl events:timesheet.deleted", "`timesheet.deleted` is geen gebeurtenis; kies uit: timesheet.approved, timesheet.reopened."},
			{"/werkplek api webhook remove 999", "Er is geen webhook 999."},
			{"/werkplek api webhook remove https://nowhere.example.nl", "Geen webhook heeft het adres https://nowhere.example.nl."},
		} {
			coretest.Wants(t, tc.cmd, e.Say(admin, "", tc.cmd).Text, tc.want)
		}

		list := e.Say(admin, "", "/werkplek api")
		coretest.Lacks(t, "list", coretest.All(list), m[1])
		var remove string
		for _, s := range list.Sections {
			if s.Title == "Webhook "+address {
				if len(s.Buttons) != 1 || s.Buttons[0].Label != "Verwijderen" || s.Buttons[0].Confirm == nil {
					t.Fatalf("buttons: %+v", s.Buttons)
				}
				remove = s.Buttons[0].Command
			}
		}
		if want := fmt.Sprintf("/werkplek api webhook remove %d", hooks[1].ID); remove != want {
			t.Fatalf("remove button %q, want %q", remove, want)
		}
		removed := e.Press(admin, remove)
		coretest.Wants(t, "removed", removed.Text, "Webhook "+address+" is verwijderd: er gaat niets meer naartoe.")
		if !removed.ReplaceOriginal || len(removed.Sections) != 1 {
			t.Errorf("after removing: %+v", removed)
		}
		e.Say(admin, "", "/werkplek language en")
		coretest.Wants(t, "by address", e.Say(admin, "", "/werkplek api webhook remove https://b.example.nl/h").Text,
			"Webhook https://b.example.nl/h is removed: nothing more is posted to it.", "There are no API tokens and no webhooks yet.")
		if hooks, _ = e.Store.Webhooks(ctx); len(hooks) != 0 {
			t.Errorf("left: %+v", hooks)
		}
	})
}
