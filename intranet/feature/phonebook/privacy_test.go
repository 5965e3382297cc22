package phonebook_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature/phonebook"
)

// Pieter's mobile (0612345678) and Kees's (06-33333333), in every form a
// reply could hold them.
var (
	pieterMobile = []string{"0612345678", "31612345678", "12345678"}
	keesMobile   = []string{"06-33333333", "31633333333", "33333333"}
)

// replies are every phonebook reply that could show a person's mobile: the
// card (found by name, and by /phonebook show), lists (by name and by
// department), and searches by the number itself (its start and its end).
func replies(t *testing.T, e *coretest.Env, who, name string, id int64, number string) string {
	t.Helper()
	var b strings.Builder
	for _, text := range []string{
		"/phonebook " + name,
		fmt.Sprintf("/phonebook show %d", id),
		"/phonebook jansen",
		"/telefoon afd:zorg",
		"/phonebook " + number,
		"/phonebook " + number[len(number)-8:],
	} {
		b.WriteString(coretest.All(e.Say(who, "", text)) + "\n")
	}
	// "Nobody found for `0612345678`" says what the caller typed, which
	// reveals nothing.
	got := b.String()
	for _, typed := range []string{number, number[len(number)-8:]} {
		got = strings.ReplaceAll(got, "`"+typed+"`", "`(typed)`")
	}
	return got
}

func TestMobilePrivacy(t *testing.T) {
	const ada = "ada.admin@example.nl"
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		e.Import(intranet.PersonRecord{Name: "Ada Admin", Email: ada, Department: "Staf", Roles: []intranet.Role{intranet.RoleAdmin}})
		e.Core(phonebook.New(phonebook.Config{People: e.Store, Teams: e.Store, Location: coretest.Amsterdam, Now: e.Clock}))
		pieter, _ := e.Store.FindPersonByEmail(ctx, coretest.Pieter)
		kees, _ := e.Store.FindPersonByEmail(ctx, coretest.Kees)
		everyone := []string{coretest.Pieter, coretest.Jan, coretest.Anouk, coretest.Kees, ada, coretest.Gijs}

		check := func(t *testing.T, p *intranet.Person, name, number string, mobile []string, sees map[string]bool) {
			t.Helper()
			for _, who := range everyone {
				got := replies(t, e, who, name, p.ID, number)
				if sees[who] {
					coretest.Wants(t, who, got, mobile[0], "tel:+"+mobile[1])
				} else {
					coretest.Lacks(t, who, got, mobile...)
				}
			}
		}

		t.Run("Everyone", func(t *testing.T) {
			// The default: everyone in the phonebook, never a guest.
			check(t, pieter, "pieter jansen", "0612345678", pieterMobile, map[string]bool{coretest.Pieter: true, coretest.Jan: true, coretest.Anouk: true, coretest.Kees: true, ada: true})
		})
		t.Run("Team", func(t *testing.T) {
			if err := e.Store.SetMobileVisibility(ctx, pieter.ID, intranet.VisibleTeam); err != nil {
				t.Fatal(err)
			}
			// Jan and Anouk share Zorg Oost with Pieter (Anouk is also his
			// manager); Kees is in Zorg West, Ada in Staf.
			check(t, pieter, "pieter jansen", "0612345678", pieterMobile, map[string]bool{coretest.Pieter: true, coretest.Jan: true, coretest.Anouk: true})
		})
		t.Run("TeamManager", func(t *testing.T) {
			if err := e.Store.SetMobileVisibility(ctx, kees.ID, intranet.VisibleTeam); err != nil {
				t.Fatal(err)
			}
			// Anouk leads Zorg Oost, not Kees's Zorg West, but manages him.
			check(t, kees, "kees janssen", "06-33333333", keesMobile, map[string]bool{coretest.Kees: true, coretest.Anouk: true})
		})
		t.Run("Hidden", func(t *testing.T) {
			if err := e.Store.SetMobileVisibility(ctx, pieter.ID, intranet.VisibleHidden); err != nil {
				t.Fatal(err)
			}
			// Only Pieter: not his team, not his manager, not an admin.
			check(t, pieter, "pieter jansen", "0612345678", pieterMobile, map[string]bool{coretest.Pieter: true})
		})
		t.Run("HiddenNumberFindsNobody", func(t *testing.T) {
			for _, q := range []string{"0612345678", "+31 6 1234 5678", "12345678", "5678"} {
				got := coretest.All(e.Say(coretest.Jan, "", "/phonebook "+q))
				coretest.Lacks(t, q, got, "Pieter Jansen")
				// Pieter finds himself by it.
				coretest.Wants(t, q, coretest.All(e.Say(coretest.Pieter, "", "/phonebook "+q)), "Pieter Jansen")
			}
			// By name he is found, without the number.
			got := coretest.All(e.Say(coretest.Jan, "", "/phonebook pieter jansen"))
			coretest.Wants(t, "by name", got, "Pieter Jansen", "Verpleegkundige")
		})
	})
}

// A person's own choice beats the default; the default holds for who
// chose nothing.
func TestMobilePrivacyDefault(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		e.Core(phonebook.New(phonebook.Config{People: e.Store, Teams: e.Store, MobileDefault: intranet.VisibleHidden}))
		kees, _ := e.Store.FindPersonByEmail(ctx, coretest.Kees)
		if err := e.Store.SetMobileVisibility(ctx, kees.ID, intranet.VisibleEveryone); err != nil {
			t.Fatal(err)
		}
		got := coretest.All(e.Say(coretest.Jan, "", "/phonebook jansen"))
		coretest.Lacks(t, "default hidden", got, pieterMobile...)
		coretest.Wants(t, "own choice everyone", got, "06-33333333")
		coretest.Lacks(t, "by the number", coretest.All(e.Say(coretest.Jan, "", "/phonebook 0612345678")), "Pieter")
		coretest.Wants(t, "own", coretest.All(e.Say(coretest.Pieter, "", "/phonebook pieter jansen")), "0612345678")
	})
}

// Who is away shows so in the phonebook through the last day, and no
// longer after it.
func TestAwayInPhonebook(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		e.Core(phonebook.New(phonebook.Config{People: e.Store, Location: coretest.Amsterdam, Now: e.Clock}))
		pieter, _ := e.Store.FindPersonByEmail(ctx, coretest.Pieter)
		// Today is Friday 27 November 2026.
		if err := e.Store.SetAway(ctx, pieter.ID, "2026-12-24", "met verlof"); err != nil {
			t.Fatal(err)
		}
		coretest.Wants(t, "card nl", coretest.All(e.Say(coretest.Jan, "", "/phonebook pieter jansen")), "Afwezig: t/m 24 dec — met verlof")
		coretest.Wants(t, "list nl", coretest.All(e.Say(coretest.Jan, "", "/phonebook jansen")), "_afwezig t/m 24 dec — met verlof_")
		if err := e.Store.SetLanguage(ctx, mustPerson(t, e, coretest.Jan).ID, "en"); err != nil {
			t.Fatal(err)
		}
		coretest.Wants(t, "card en", coretest.All(e.Say(coretest.Jan, "", "/phonebook pieter jansen")), "Away: through Dec 24 — met verlof")
		e.Now = e.Now.AddDate(0, 0, 27) // Thursday 24 December: the last day
		coretest.Wants(t, "last day", coretest.All(e.Say(coretest.Jan, "", "/phonebook pieter jansen")), "Away: through Dec 24")
		e.Now = e.Now.AddDate(0, 0, 1)
		coretest.Lacks(t, "after", coretest.All(e.Say(coretest.Jan, "", "/phonebook pieter jansen")), "Away", "met verlof")
	})
}

func mustPerson(t *testing.T, e *coretest.Env, email string) *intranet.Person {
	t.Helper()
	p, err := e.Store.FindPersonByEmail(context.Background(), email)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
