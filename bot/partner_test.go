package main

import (
	"strings"
	"testing"
)

// TestPartnerFieldsSetting is /partner through the real Main and the
// console: an admin adds an organisation, its domain and a contact; a
// console account of that domain is linked on first contact and sees the
// contact with WERKPLEK_PARTNER_FIELDS' fields only (never the mobile);
// a mobile or unknown field stops the start with a clear message.
func TestPartnerFieldsSetting(t *testing.T) {
	bothEngines(t, func(t *testing.T, env map[string]string) {
		importTestPeople(t, env, "name,email,phone,mobile,department,title,location,roles\n"+
			"Sanne Muller,sanne@example.nl,,,ICT,,,admin\n"+
			"Eva Kok,eva@example.nl,030-7654321,06-98765432,Wijkzorg,Coordinator,Zeist,\n")
		script := "/werkplek language en\n/partner add \"Thuiszorg Midden\"\n/partner domain add Thuiszorg Midden thuiszorgmidden.nl\n/partner contact add Thuiszorg Midden eva@example.nl\n"
		if code, out, errOut := run(t, env, script, "console", "--as", "sanne@example.nl"); code != 0 || !strings.Contains(out, "Eva Kok is now a contact of Thuiszorg Midden") {
			t.Fatalf("admin: exit %d: %s %s", code, out, errOut)
		}
		for fields, want := range map[string][]string{
			"":               {"Coordinator", "Wijkzorg", "030-7654321"},
			"e-mail,locatie": {"eva@example.nl", "Zeist"},
		} {
			env["WERKPLEK_PARTNER_FIELDS"] = fields
			code, out, errOut := run(t, env, "/partner\n", "console", "--as", "anna@thuiszorgmidden.nl")
			if code != 0 || !strings.Contains(out, "Eva Kok") {
				t.Fatalf("partner, fields %q: exit %d: %s %s", fields, code, out, errOut)
			}
			for _, w := range want {
				if !strings.Contains(out, w) {
					t.Errorf("fields %q: lacks %q:\n%s", fields, w, out)
				}
			}
			if strings.Contains(errOut, "not in the phonebook") {
				t.Errorf("fields %q: the console says a partner's domain is unknown: %s", fields, errOut)
			}
			if strings.Contains(out, "98765432") {
				t.Errorf("fields %q: a partner sees the mobile:\n%s", fields, out)
			}
		}
		for _, bad := range []string{"mobile", "title,mobiel", "salary"} {
			env["WERKPLEK_PARTNER_FIELDS"] = bad
			if code, _, errOut := run(t, env, "/partner\n", "console", "--as", "sanne@example.nl"); code != 1 || !strings.Contains(errOut, "WERKPLEK_PARTNER_FIELDS: ") {
				t.Errorf("%q: exit %d, %s", bad, code, errOut)
			}
		}
	})
}
