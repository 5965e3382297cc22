package main

import (
	"strings"
	"testing"
)

// TestOnOffSettings: the on/off values outside the commands (TEAMS_AUTH,
// the approval column of a teams CSV) take on/off and aan/uit too.
func TestOnOffSettings(t *testing.T) {
	for v, want := range map[string]string{"on": "on", "aan": "on", "AAN": "on", "off": "off", "uit": "off", "Uit": "off"} {
		c, problems := LoadConfig(func(k string) string {
			switch k {
			case "TEAMS_AUTH":
				return v
			case "WERKPLEK_LISTEN":
				return "127.0.0.1:8080"
			case "TEAMS_APP_ID":
				if want == "on" {
					return "app"
				}
			case "TEAMS_APP_PASSWORD":
				return "pw"
			}
			return ""
		})
		if c.TeamsAuth != want || len(problems) != 0 {
			t.Errorf("TEAMS_AUTH=%s: %q %v, want %q", v, c.TeamsAuth, problems, want)
		}
	}
	if _, problems := LoadConfig(func(k string) string {
		if k == "TEAMS_AUTH" {
			return "misschien"
		}
		return ""
	}); !strings.Contains(strings.Join(problems, "\n"), `TEAMS_AUTH: "misschien" is not on or off`) {
		t.Errorf("TEAMS_AUTH=misschien: %v", problems)
	}

	recs, problems := parseTeamsCSV(strings.NewReader("name,approval\nA,aan\nB,uit\nC,on\nD,off\nE,ja\nF,nee\n"))
	if len(problems) != 0 || len(recs) != 6 {
		t.Fatalf("%d teams, problems %v", len(recs), problems)
	}
	for i, want := range []bool{true, false, true, false, true, false} {
		if recs[i].Approval == nil || *recs[i].Approval != want {
			t.Errorf("team %s: approval %v, want %v", recs[i].Name, recs[i].Approval, want)
		}
	}
}
