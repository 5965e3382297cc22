package main

import (
	"strings"
	"testing"
)

// TestDemoUnknownPerson: `werkplek demo --as` someone the demo lacks names
// demo people to be instead, not "try werkplek demo"; `werkplek console`
// still suggests importing people or the demo.
func TestDemoUnknownPerson(t *testing.T) {
	bothEngines(t, func(t *testing.T, env map[string]string) {
		code, _, errOut := run(t, env, "", "demo", "--as", "nobody@x.nl")
		if code != 0 {
			t.Fatalf("demo: exit %d\n%s", code, errOut)
		}
		for _, want := range []string{"nobody@x.nl is not in the demo organisation", "--as", "anouk.vandenberg@example.nl (Teamleider, Zorg Oost)", "jan.devries@example.nl", "/phonebook"} {
			if !strings.Contains(errOut, want) {
				t.Errorf("demo note lacks %q:\n%s", want, errOut)
			}
		}
		if strings.Contains(errOut, "try werkplek demo") {
			t.Errorf("demo suggests the demo:\n%s", errOut)
		}
		code, _, errOut = run(t, env, "", "console", "--as", "nobody@x.nl")
		if code != 0 || !strings.Contains(errOut, "is not in the phonebook") || !strings.Contains(errOut, "werkplek import FILE") {
			t.Errorf("console note: exit %d\n%s", code, errOut)
		}
	})
}
