package slack

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"

	"github.com/werkplek/werkplek/intranet"
)

var testCommands = []intranet.Command{
	{Name: "phonebook", Aliases: []string{"telefoon"}, Hint: "<name, department, skill or phone>", HintNL: "<naam, afdeling, vaardigheid of telefoon>", Summary: "Find a colleague", SummaryNL: "Zoek een collega"},
	{Name: "werkplek", Hint: "help | language nl|en", Summary: "Help and settings: language, subscriptions"},
}

func TestManifestGolden(t *testing.T) {
	for _, tc := range []struct {
		file       string
		socketMode bool
		publicURL  string
	}{
		{"manifest_http.golden.yml", false, "https://werkplek.example.nl/"},
		{"manifest_socket.golden.yml", true, ""},
	} {
		t.Run(tc.file, func(t *testing.T) {
			got, err := Manifest(testCommands, tc.publicURL, tc.socketMode)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", tc.file)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if d := cmp.Diff(string(want), string(got)); d != "" {
				t.Errorf("manifest differs (-want +got):\n%s", d)
			}
		})
	}
}

func TestManifestContent(t *testing.T) {
	b, err := Manifest(testCommands, "https://werkplek.example.nl", false)
	if err != nil {
		t.Fatal(err)
	}
	var m manifest
	if err := yaml.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range m.Features.SlashCommands {
		names = append(names, c.Command)
		if c.URL != "https://werkplek.example.nl/slack/commands" {
			t.Errorf("%s url %q", c.Command, c.URL)
		}
	}
	if d := cmp.Diff([]string{"/phonebook", "/telefoon", "/werkplek"}, names); d != "" {
		t.Errorf("commands (-want +got):\n%s", d)
	}
	if m.Settings.Interactivity.RequestURL != "https://werkplek.example.nl/slack/interactions" || m.Settings.EventSubscriptions.RequestURL != "https://werkplek.example.nl/slack/events" {
		t.Errorf("settings %+v", m.Settings)
	}
	for _, s := range []string{"commands", "chat:write", "im:history", "im:read", "im:write", "app_mentions:read", "users:read", "users:read.email"} {
		found := false
		for _, got := range m.OAuthConfig.Scopes.Bot {
			found = found || got == s
		}
		if !found {
			t.Errorf("scope %s missing", s)
		}
	}
}

func TestManifestRefuses(t *testing.T) {
	for _, tc := range []struct {
		name      string
		cmds      []intranet.Command
		publicURL string
	}{
		{"NoPublicURL", testCommands, ""},
		{"RelativeURL", testCommands, "werkplek.example.nl"},
		{"NoCommands", nil, "https://x.nl"},
		{"BadName", []intranet.Command{{Name: "Phone Book"}}, "https://x.nl"},
		{"Duplicate", []intranet.Command{{Name: "a", Aliases: []string{"a"}}}, "https://x.nl"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Manifest(tc.cmds, tc.publicURL, false); err == nil {
				t.Error("no error")
			}
		})
	}
}

func TestAdapterManifest(t *testing.T) {
	e := newEnv(t, nil)
	got, err := e.a.Manifest()
	if err != nil {
		t.Fatal(err)
	}
	want, _ := Manifest(e.core.Commands(), "https://werkplek.example.nl", false)
	if string(got) != string(want) {
		t.Error("Adapter.Manifest differs from Manifest with the core's commands")
	}
}
