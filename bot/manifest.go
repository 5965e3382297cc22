package main

import (
	"fmt"
	"os"

	"github.com/werkplek/werkplek/adapters/slack"
	"github.com/werkplek/werkplek/adapters/teams"
	"github.com/werkplek/werkplek/intranet/router"
)

// ExampleURL is the public address in the committed manifest.yml; admins
// replace it with their own (or run `werkplek manifest slack`).
const ExampleURL = "https://werkplek.example.nl"

// manifest runs `werkplek manifest slack|teams`: the platform's app manifest
// generated from the same command list the core answers.
func (m *Main) manifest(args []string) error {
	fs := m.flags("manifest", "werkplek manifest slack [--socket-mode]\nwerkplek manifest teams --out FILE.zip\n\nThe Slack app manifest (YAML, to paste at api.slack.com/apps) or the Teams app package\n(a zip to upload in Teams), made from Werkplek's own command list. URLs come from\nWERKPLEK_PUBLIC_URL (default "+ExampleURL+"), the Teams bot id from TEAMS_APP_ID.")
	socket := fs.Bool("socket-mode", false, "Slack: Socket Mode (no public URL needed)")
	out := fs.String("out", "", "Teams: the zip file to write")
	if len(args) == 0 {
		return &exitError{code: 2, msg: "werkplek manifest: say which platform: slack or teams"}
	}
	platform := args[0]
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	publicURL := m.Config.PublicURL
	if publicURL == "" {
		publicURL = ExampleURL
	}
	cmds := router.Commands(Grammar())
	switch platform {
	case "slack":
		b, err := slack.Manifest(cmds, publicURL, *socket || m.Config.SlackAppToken != "")
		if err != nil {
			return err
		}
		_, err = m.Stdout.Write(b)
		return err
	case "teams":
		if *out == "" {
			return &exitError{code: 2, msg: "werkplek manifest teams: --out FILE.zip is required (the package is a zip file)"}
		}
		if m.Config.TeamsAppID == "" {
			return &exitError{code: 2, msg: "werkplek manifest teams: set TEAMS_APP_ID (the bot's Microsoft App ID) first"}
		}
		b, err := teams.AppPackage(cmds, m.Config.TeamsAppID, publicURL, m.Config.PublicURL != "")
		if err != nil {
			return err
		}
		if err := os.WriteFile(*out, b, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(m.Stdout, "Wrote the Teams app package to %s; upload it in Teams (Apps > Manage your apps > Upload an app).\n", *out)
		return nil
	}
	return &exitError{code: 2, msg: fmt.Sprintf("werkplek manifest: unknown platform %q (slack or teams)", platform)}
}
