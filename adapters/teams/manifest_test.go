package teams

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"image/png"
	"io"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/werkplek/werkplek/intranet"
)

func TestAppPackage(t *testing.T) {
	cmds := []intranet.Command{
		{Name: "phonebook", Aliases: []string{"telefoon"}, Hint: "<name, department, skill or phone>", HintNL: "<naam, afdeling, vaardigheid of telefoon>", Summary: "Find a colleague", SummaryNL: "Zoek een collega"},
		{Name: "room", Aliases: []string{"zaal"}, Hint: "free|book|mine|cancel", HintNL: "vrij|boek|mijn|annuleer", Summary: "Find and book a meeting room", SummaryNL: "Zoek en boek een vergaderruimte"},
	}
	zipped, err := AppPackage(cmds, appID, "https://werkplek.example.nl/", false)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(zipped), int64(len(zipped)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	if len(files) != 4 {
		t.Errorf("package holds %d files, want manifest.json, nl.json and two icons", len(files))
	}

	var m struct {
		Schema          string `json:"$schema"`
		ManifestVersion string `json:"manifestVersion"`
		ID              string `json:"id"`
		Developer       struct {
			WebsiteURL string `json:"websiteUrl"`
		} `json:"developer"`
		Icons map[string]string `json:"icons"`
		Bots  []struct {
			BotID        string   `json:"botId"`
			Scopes       []string `json:"scopes"`
			CommandLists []struct {
				Commands []struct{ Title, Description string } `json:"commands"`
			} `json:"commandLists"`
		} `json:"bots"`
		ValidDomains     []string `json:"validDomains"`
		LocalizationInfo struct {
			DefaultLanguageTag  string `json:"defaultLanguageTag"`
			AdditionalLanguages []struct {
				LanguageTag string `json:"languageTag"`
				File        string `json:"file"`
			} `json:"additionalLanguages"`
		} `json:"localizationInfo"`
	}
	if err := json.Unmarshal(files["manifest.json"], &m); err != nil {
		t.Fatalf("manifest.json: %v", err)
	}
	if m.ManifestVersion != "1.16" || m.ID != appID || len(m.Bots) != 1 || m.Bots[0].BotID != appID {
		t.Errorf("manifest %+v", m)
	}
	if m.Developer.WebsiteURL != "https://werkplek.example.nl" || !cmp.Equal(m.ValidDomains, []string{"werkplek.example.nl"}) {
		t.Errorf("urls %+v %v", m.Developer, m.ValidDomains)
	}
	wantCmds := []struct{ Title, Description string }{
		{"phonebook", "Find a colleague: phonebook <name, department, skill or phone>"},
		{"room", "Find and book a meeting room: room free|book|mine|cancel"},
	}
	if diff := cmp.Diff(wantCmds, m.Bots[0].CommandLists[0].Commands); diff != "" {
		t.Errorf("commands (-want +got):\n%s", diff)
	}
	if l := m.LocalizationInfo; l.DefaultLanguageTag != "en" || len(l.AdditionalLanguages) != 1 || l.AdditionalLanguages[0].File != "nl.json" {
		t.Errorf("localizationInfo %+v", l)
	}
	var nl map[string]string
	if err := json.Unmarshal(files["nl.json"], &nl); err != nil {
		t.Fatalf("nl.json: %v", err)
	}
	if nl["bots[0].commandLists[0].commands[1].description"] != "Zoek en boek een vergaderruimte: room vrij|boek|mijn|annuleer" || nl["name.short"] != "Werkplek" {
		t.Errorf("nl.json %v", nl)
	}
	for name, size := range map[string]int{m.Icons["color"]: 192, m.Icons["outline"]: 32} {
		img, err := png.Decode(bytes.NewReader(files[name]))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if b := img.Bounds(); b.Dx() != size || b.Dy() != size {
			t.Errorf("%s is %v, want %dx%d", name, b, size, size)
		}
	}
	// The outline icon is white on transparent only.
	img, _ := png.Decode(bytes.NewReader(files["outline.png"]))
	for y := range 32 {
		for x := range 32 {
			r, g, b, a := img.At(x, y).RGBA()
			if a != 0 && (r != 0xffff || g != 0xffff || b != 0xffff) {
				t.Fatalf("outline pixel %d,%d is neither white nor transparent", x, y)
			}
		}
	}
	// The same input gives the same bytes.
	again, _ := AppPackage(cmds, appID, "https://werkplek.example.nl/", false)
	if !bytes.Equal(zipped, again) {
		t.Error("package is not reproducible")
	}
}

func TestAppPackageLimits(t *testing.T) {
	var many []intranet.Command
	for _, n := range []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"} {
		many = append(many, intranet.Command{Name: n, Summary: string(bytes.Repeat([]byte("x"), 200))})
	}
	zipped, err := AppPackage(many, appID, "https://werkplek.example.nl", false)
	if err != nil {
		t.Fatal(err)
	}
	zr, _ := zip.NewReader(bytes.NewReader(zipped), int64(len(zipped)))
	rc, _ := zr.Open("manifest.json")
	var m struct {
		Bots []struct {
			CommandLists []struct {
				Commands []struct{ Title, Description string } `json:"commands"`
			} `json:"commandLists"`
		} `json:"bots"`
	}
	json.NewDecoder(rc).Decode(&m)
	cmds := m.Bots[0].CommandLists[0].Commands
	if len(cmds) != 10 || len([]rune(cmds[0].Description)) != 128 {
		t.Errorf("%d commands, description %d runes; want 10 and 128", len(cmds), len([]rune(cmds[0].Description)))
	}

	for name, args := range map[string][2]string{
		"AppIDNotGUID": {"werkplek", "https://werkplek.example.nl"},
		"NoPublicURL":  {appID, ""},
		"HTTPURL":      {appID, "http://werkplek.example.nl"},
	} {
		if _, err := AppPackage(nil, args[0], args[1], false); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestAppPackageTab: with a configured public URL the package has a
// personal tab "Werkplek" that shows the web front door at the public URL
// (with its path), whose host is a valid domain; without one it has none.
func TestAppPackageTab(t *testing.T) {
	zipped, err := AppPackage(nil, appID, "https://intranet.example.nl/werkplek/", true)
	if err != nil {
		t.Fatal(err)
	}
	zr, _ := zip.NewReader(bytes.NewReader(zipped), int64(len(zipped)))
	rc, _ := zr.Open("manifest.json")
	var m struct {
		StaticTabs []struct {
			EntityID   string   `json:"entityId"`
			Name       string   `json:"name"`
			ContentURL string   `json:"contentUrl"`
			WebsiteURL string   `json:"websiteUrl"`
			Scopes     []string `json:"scopes"`
		} `json:"staticTabs"`
		ValidDomains []string `json:"validDomains"`
	}
	if err := json.NewDecoder(rc).Decode(&m); err != nil {
		t.Fatal(err)
	}
	if len(m.StaticTabs) != 1 {
		t.Fatalf("static tabs: %+v", m.StaticTabs)
	}
	tab := m.StaticTabs[0]
	if tab.EntityID == "" || tab.Name != "Werkplek" || tab.ContentURL != "https://intranet.example.nl/werkplek/web/?frame=teams" ||
		tab.WebsiteURL != "https://intranet.example.nl/werkplek/web/" || !cmp.Equal(tab.Scopes, []string{"personal"}) {
		t.Errorf("tab %+v", tab)
	}
	if !cmp.Equal(m.ValidDomains, []string{"intranet.example.nl"}) {
		t.Errorf("valid domains %v", m.ValidDomains)
	}

	// Without a configured public URL there is no tab.
	zipped, err = AppPackage(nil, appID, "https://werkplek.example.nl/", false)
	if err != nil {
		t.Fatal(err)
	}
	zr, _ = zip.NewReader(bytes.NewReader(zipped), int64(len(zipped)))
	rc, _ = zr.Open("manifest.json")
	m.StaticTabs = nil
	if err := json.NewDecoder(rc).Decode(&m); err != nil || len(m.StaticTabs) != 0 {
		t.Errorf("a tab without a public URL: %+v %v", m.StaticTabs, err)
	}
}

// TestAppPackageScopes: each scope's menu shows the commands declared for
// it; scopes with the same commands share a menu.
func TestAppPackageScopes(t *testing.T) {
	cmds := []intranet.Command{
		{Name: "phonebook", Summary: "Find", Teams: []string{"personal", "team", "groupChat"}},
		{Name: "follow", Summary: "Follow", Teams: []string{"personal"}},
		{Name: "team", Summary: "Teams", Teams: []string{"team", "groupChat"}},
	}
	zipped, err := AppPackage(cmds, appID, "https://werkplek.example.nl", false)
	if err != nil {
		t.Fatal(err)
	}
	zr, _ := zip.NewReader(bytes.NewReader(zipped), int64(len(zipped)))
	rc, _ := zr.Open("manifest.json")
	var m struct {
		Bots []struct {
			CommandLists []struct {
				Scopes   []string                              `json:"scopes"`
				Commands []struct{ Title, Description string } `json:"commands"`
			} `json:"commandLists"`
		} `json:"bots"`
	}
	if err := json.NewDecoder(rc).Decode(&m); err != nil {
		t.Fatal(err)
	}
	type menu struct {
		Scopes []string
		Titles []string
	}
	var got []menu
	for _, l := range m.Bots[0].CommandLists {
		var titles []string
		for _, c := range l.Commands {
			titles = append(titles, c.Title)
		}
		got = append(got, menu{l.Scopes, titles})
	}
	want := []menu{{[]string{"personal"}, []string{"phonebook", "follow"}}, {[]string{"team", "groupChat"}, []string{"phonebook", "team"}}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("menus (-want +got):\n%s", diff)
	}
}
