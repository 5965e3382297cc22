package main

import (
	"context"
	"strings"
	"testing"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/demo"
)

// profilePeople are Jan and Pieter of Zorg Oost, Kees of Zorg West, an
// admin and a partner (a guest).
const profilePeople = "name,email,mobile,department,manager_email,roles\n" +
	"Femke Admin,femke@example.nl,06-55555555,ICT,,admin\n" +
	"Jan de Vries,jan@example.nl,06-11111111,Zorg Oost,,\n" +
	"Pieter Jansen,pieter@example.nl,06-22222222,Zorg Oost,,\n" +
	"Kees Janssen,kees@example.nl,06-33333333,Zorg West,,\n" +
	"Gijs Gast,gijs@partner.example,06-44444444,Extern,,guest\n"

// TestProfilePrivacyConsole is the profile and the mobile's privacy through
// the real Main and the console's rendering: Pieter sets his own mobile
// and hides it from all but his team; everything the console prints for
// others lacks it, in Dutch and English; a later import leaves it; and
// WERKPLEK_PRIVACY_MOBILE is the default of who chose nothing.
func TestProfilePrivacyConsole(t *testing.T) {
	bothEngines(t, func(t *testing.T, env map[string]string) {
		importTestPeople(t, env, profilePeople)
		code, out, errOut := run(t, env, "/profiel zet mobiel 06-87654321\n/werkplek privacy mobiel team\n/profile away until 2099-01-01\n/profile away until tomorrow met verlof\n/profiel\n", "console", "--as", "pieter@example.nl")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		for _, want := range []string{"Je mobiele nummer is nu 06-87654321.", "Mobiel: 06-87654321 <tel:+31687654321>", "je team(s) en je manager", "meer dan een jaar vooruit", "Je staat afwezig t/m"} {
			if !strings.Contains(out, want) {
				t.Errorf("pieter's console lacks %q:\n%s", want, out)
			}
		}
		importTestPeople(t, env, profilePeople) // the file's 06-22222222 again
		script := "/phonebook pieter\n/phonebook jansen\n/phonebook 0687654321\n/phonebook 87654321\n/phonebook show 3\n/telefoon afd:zorg\n/werkplek language en\n/phonebook pieter\n"
		for who, sees := range map[string]bool{"jan@example.nl": true, "kees@example.nl": false, "femke@example.nl": false, "gijs@partner.example": false} {
			code, out, errOut := run(t, env, script, "console", "--as", who)
			if code != 0 {
				t.Fatalf("%s: exit %d: %s", who, code, errOut)
			}
			for _, typed := range []string{"`0687654321`", "`87654321`"} {
				out = strings.ReplaceAll(out, typed, "`…`") // "Nobody found for `…`"
			}
			if has := strings.Contains(out, "87654321"); has != sees {
				t.Errorf("%s sees Pieter's mobile: %v, want %v:\n%s", who, has, sees, out)
			}
			if strings.Contains(out, "22222222") {
				t.Errorf("%s: the import overwrote Pieter's own mobile:\n%s", who, out)
			}
			if who != "gijs@partner.example" && !strings.Contains(out, "afwezig t/m") {
				t.Errorf("%s: Pieter's away is not shown:\n%s", who, out)
			}
		}

		// The installation's default: team. Kees chose nothing.
		env["WERKPLEK_PRIVACY_MOBILE"] = "team"
		_, out, _ = run(t, env, "/phonebook kees\n", "console", "--as", "jan@example.nl")
		if strings.Contains(out, "33333333") || !strings.Contains(out, "Kees Janssen") {
			t.Errorf("default team: jan sees kees's mobile:\n%s", out)
		}
		_, out, _ = run(t, env, "/phonebook jan\n/werkplek privacy mobile\n", "console", "--as", "pieter@example.nl")
		if !strings.Contains(out, "06-11111111") || !strings.Contains(out, "your team(s) and your manager") && !strings.Contains(out, "je team(s) en je manager") {
			t.Errorf("default team: pieter, jan's teammate:\n%s", out)
		}
		// In Dutch too, as the chat takes it (Kees reads English).
		env["WERKPLEK_PRIVACY_MOBILE"] = "verborgen"
		if code, out, errOut := run(t, env, "/werkplek privacy mobile\n", "console", "--as", "kees@example.nl"); code != 0 || !strings.Contains(out, "only you (default)") {
			t.Errorf("verborgen: exit %d %s %s", code, out, errOut)
		}
		env["WERKPLEK_PRIVACY_MOBILE"] = "niemand"
		if code, _, errOut := run(t, env, "/profile\n", "console", "--as", "jan@example.nl"); code != 1 || !strings.Contains(errOut, `WERKPLEK_PRIVACY_MOBILE: "niemand" is not everyone, team or hidden`) {
			t.Errorf("a bad setting: exit %d, %s", code, errOut)
		}
	})
}

// TestWebProfileAndPrivacy: the web's Profile page is /profile for the
// signed-in person, and the web's phonebook page hides a mobile number as
// the chat does, in a card, a list and a search by the number.
func TestWebProfileAndPrivacy(t *testing.T) {
	s := startWebSite(t)
	ctx := context.Background()
	anna := s.person("anna.bakker@example.nl")
	if err := s.srv.Store.SetMobileVisibility(ctx, anna.ID, intranet.VisibleHidden); err != nil {
		t.Fatal(err)
	}
	v := s.signIn(anna.Email, "nl")
	v.page("/web/", []string{`href="/web/profile"`}, nil)
	v.page("/web/profile", []string{"Je profiel: Anna Bakker", "06-10000003", "alleen jij"}, nil)
	other := s.signIn(demo.User, "en")
	other.page("/web/phonebook?q=anna+bakker", []string{"Anna Bakker"}, []string{"06-10000003", "+31610000003"})
	other.page("/web/phonebook?q=bakker", []string{"Anna Bakker"}, []string{"06-10000003", "+31610000003"})
	other.page("/web/phonebook?q=0610000003", nil, []string{"Anna Bakker", "+31610000003"})
	other.page("/web/profile", []string{"Your profile: "}, []string{"Anna Bakker"})
}
