package teams

// The Teams app package to sideload: manifest.json (schema 1.16,
// https://learn.microsoft.com/en-us/microsoftteams/platform/resources/schema/manifest-schema),
// a Dutch localization file
// (https://learn.microsoft.com/en-us/microsoftteams/platform/concepts/build-and-test/apps-localization)
// and the two icons
// (https://learn.microsoft.com/en-us/microsoftteams/platform/concepts/build-and-test/apps-package#app-icons).

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
)

// AppVersion is the version of the app package. Teams only takes an
// updated package whose version is higher than the installed one.
const AppVersion = "1.0.0"

// maxCommands is how many commands one commandList may hold.
const maxCommands = 10

var (
	guidRe      = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
	accent      = color.RGBA{0x1F, 0x6F, 0x6B, 0xFF}
	accentColor = "#1F6F6B"
)

// teamsScopes are where the bot lives in Teams.
var teamsScopes = []string{"personal", "team", "groupChat"}

// commandList is one command menu of the bot and the scopes that show it.
type commandList struct {
	scopes []string
	cmds   []intranet.Command
}

// commandLists makes the bot's command menus: per scope the commands whose
// declaration names it (Command.Teams; one that names none is in every
// scope), at most ten (Teams' limit per menu), scopes with the same
// commands sharing one menu.
func commandLists(cmds []intranet.Command) []commandList {
	var out []commandList
	for _, scope := range teamsScopes {
		var in []intranet.Command
		for _, c := range cmds {
			if len(c.Teams) == 0 || slices.Contains(c.Teams, scope) {
				in = append(in, c)
			}
		}
		if len(in) > maxCommands {
			in = in[:maxCommands]
		}
		if len(in) == 0 {
			continue
		}
		shared := false
		for i := range out {
			if slices.EqualFunc(out[i].cmds, in, func(a, b intranet.Command) bool { return a.Name == b.Name }) {
				out[i].scopes, shared = append(out[i].scopes, scope), true
			}
		}
		if !shared {
			out = append(out, commandList{scopes: []string{scope}, cmds: in})
		}
	}
	return out
}

// AppPackage returns the zipped Teams app package for the bot with the
// given Microsoft app id; publicURL (WERKPLEK_PUBLIC_URL, https) is the
// developer, privacy and terms address and the valid domain. The bot's
// command menus list, per scope, the commands declared for it (at most
// ten, Teams' limit per menu), with English descriptions in manifest.json
// and Dutch ones in nl.json.
//
// webTab adds the personal tab "Werkplek" showing the web front door
// (<publicURL>/web/) inside Teams: only for a public URL that was really
// configured, not the example address a package is made with otherwise.
func AppPackage(cmds []intranet.Command, appID, publicURL string, webTab bool) ([]byte, error) {
	if !guidRe.MatchString(appID) {
		return nil, fmt.Errorf("teams app package: app id %q is not a GUID (TEAMS_APP_ID)", appID)
	}
	u, err := url.Parse(publicURL)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		return nil, errors.New("teams app package: the public URL must be an https URL (WERKPLEK_PUBLIC_URL)")
	}
	site := strings.TrimRight(publicURL, "/")

	type command struct {
		Title       string `json:"title"`
		Description string `json:"description"`
	}
	nl := map[string]string{
		"$schema":           "https://developer.microsoft.com/en-us/json-schemas/teams/v1.16/MicrosoftTeams.Localization.schema.json",
		"name.short":        "Werkplek",
		"name.full":         "Werkplek: het intranet in je chat",
		"description.short": "Telefoonboek, nieuws, diensten overdragen en zalen boeken in Teams.",
		"description.full":  "Werkplek is het intranet in de chat: zoek collega's in het telefoonboek, lees en bevestig bedrijfsnieuws, draag een dienst over aan je team, boek een vergaderruimte en stel vragen aan collega's die het weten. Typ een opdracht in een persoonlijke chat met Werkplek, of noem @Werkplek in een kanaal.",
	}
	var lists []any
	for i, l := range commandLists(cmds) {
		var list []command
		for j, c := range l.cmds {
			list = append(list, command{Title: clip(c.Name, 32), Description: clip(describe(c.Summary, c.Name, c.Hint), 128)})
			key := fmt.Sprintf("bots[0].commandLists[%d].commands[%d].", i, j)
			nl[key+"title"] = clip(c.Name, 32)
			nl[key+"description"] = clip(describe(c.SummaryNL, c.Name, c.HintNL), 128)
		}
		lists = append(lists, map[string]any{"scopes": l.scopes, "commands": list})
	}
	bot := map[string]any{
		"botId":              appID,
		"scopes":             teamsScopes,
		"supportsFiles":      false,
		"isNotificationOnly": false,
	}
	if len(lists) > 0 {
		bot["commandLists"] = lists
	}
	manifest := map[string]any{
		"$schema":         "https://developer.microsoft.com/en-us/json-schemas/teams/v1.16/MicrosoftTeams.schema.json",
		"manifestVersion": "1.16",
		"version":         AppVersion,
		"id":              appID,
		"developer": map[string]string{
			"name":          "Werkplek",
			"websiteUrl":    site,
			"privacyUrl":    site,
			"termsOfUseUrl": site,
		},
		"name": map[string]string{"short": "Werkplek", "full": "Werkplek: the intranet in your chat"},
		"description": map[string]string{
			"short": "Phonebook, news, shift handover and room booking in Teams.",
			"full":  "Werkplek is the intranet in your chat: find colleagues in the phonebook, read and acknowledge company news, hand a shift over to your team, book a meeting room and ask colleagues who know. Type a command in a personal chat with Werkplek, or mention @Werkplek in a channel.",
		},
		"icons":       map[string]string{"color": "color.png", "outline": "outline.png"},
		"accentColor": accentColor,
		"bots":        []any{bot},
		"permissions": []string{"identity", "messageTeamMembers"},
		"validDomains": []string{
			u.Host,
		},
		"localizationInfo": map[string]any{
			"defaultLanguageTag":  "en",
			"additionalLanguages": []any{map[string]string{"languageTag": "nl", "file": "nl.json"}},
		},
	}
	if webTab {
		// Its host is the valid domain above.
		manifest["staticTabs"] = []any{map[string]any{
			"entityId":   "werkplek",
			"name":       "Werkplek",
			"contentUrl": site + "/web/?frame=teams",
			"websiteUrl": site + "/web/",
			"scopes":     []string{"personal"},
		}}
	}
	mj, err := json.MarshalIndent(manifest, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("teams app package: %w", err)
	}
	nj, err := json.MarshalIndent(nl, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("teams app package: %w", err)
	}
	colorPNG, err := icon(192, false)
	if err != nil {
		return nil, err
	}
	outlinePNG, err := icon(32, true)
	if err != nil {
		return nil, err
	}

	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	// A fixed time keeps the package byte-for-byte reproducible.
	stamp := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, f := range []struct {
		name string
		data []byte
	}{{"manifest.json", mj}, {"nl.json", nj}, {"color.png", colorPNG}, {"outline.png", outlinePNG}} {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: stamp})
		if err != nil {
			return nil, fmt.Errorf("teams app package: %w", err)
		}
		if _, err := w.Write(f.data); err != nil {
			return nil, fmt.Errorf("teams app package: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("teams app package: %w", err)
	}
	return buf.Bytes(), nil
}

// describe is a command menu line: "Find a colleague: phonebook <name>".
func describe(summary, name, hint string) string {
	usage := strings.TrimSpace(name + " " + hint)
	if summary == "" {
		return usage
	}
	return summary + ": " + usage
}

// clip cuts s to n runes, the manifest's field limits.
func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// icon draws Werkplek's "W": white on the accent colour for the 192x192
// colour icon, white on transparent for the 32x32 outline icon (which Teams
// requires to be white and transparent only).
func icon(size int, outline bool) ([]byte, error) {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	white := color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}
	// The W as a polyline in unit coordinates, and its stroke half-width.
	pts := [][2]float64{{0.18, 0.26}, {0.34, 0.74}, {0.5, 0.38}, {0.66, 0.74}, {0.82, 0.26}}
	half := 0.055
	if outline {
		half = 0.07
	}
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			px, py := (float64(x)+0.5)/float64(size), (float64(y)+0.5)/float64(size)
			d := math.Inf(1)
			for i := 0; i+1 < len(pts); i++ {
				d = math.Min(d, segmentDistance(px, py, pts[i], pts[i+1]))
			}
			switch {
			case d <= half:
				img.SetRGBA(x, y, white)
			case !outline:
				img.SetRGBA(x, y, accent)
			}
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("teams app package: icon: %w", err)
	}
	return buf.Bytes(), nil
}

// segmentDistance is the distance from (px, py) to the segment a-b.
func segmentDistance(px, py float64, a, b [2]float64) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	t := ((px-a[0])*dx + (py-a[1])*dy) / (dx*dx + dy*dy)
	t = math.Max(0, math.Min(1, t))
	return math.Hypot(px-(a[0]+t*dx), py-(a[1]+t*dy))
}
