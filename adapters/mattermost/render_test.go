package mattermost

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/mattermost/mattermost/server/public/model"

	"github.com/werkplek/werkplek/intranet"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

var (
	testSecret = []byte("test-secret-not-for-production")
	testNow    = time.Date(2026, 12, 1, 8, 30, 0, 0, time.UTC)
	testOpts   = RenderOptions{ActionURL: "https://werkplek.example.nl/mattermost/actions", Secret: testSecret, Expires: testNow.Add(30 * 24 * time.Hour)}
)

// golden compares v, as indented JSON, with testdata/golden/name.json.
func golden(t *testing.T, name string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", "golden", name+".json")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}

func phonebookReply() intranet.Reply {
	return intranet.Reply{
		Lang: "nl",
		Text: "2 collega's gevonden voor *jansen* (1 van 2):",
		Sections: []intranet.Section{{
			Title: "Pieter Jansen",
			Text:  "Teamleider Zorg Oost · Utrecht",
			Fields: []intranet.Field{
				{Label: "Telefoon", Value: "[+31 20 000 0142](tel:+31200000142)"},
				{Label: "E-mail", Value: "[pieter.jansen@example.nl](mailto:pieter.jansen@example.nl)"},
				{Label: "Leidinggevende", Value: "Eva de Boer"},
			},
		}},
		Buttons: []intranet.Button{{Label: "Volgende resultaat", Command: "/phonebook jansen page:2"}},
		Context: []string{"1 van 2 getoond"},
	}
}

func TestRenderGolden(t *testing.T) {
	form := intranet.Form{
		ID: "handover.request", Title: "Dienst overdragen aan het team", SubmitLabel: "Vragen",
		Command: "/handover request <date> <shift> [note:<text>]",
		Fields: []intranet.FormField{
			{Name: "date", Label: "Datum", Kind: intranet.FieldDate, Required: true},
			{Name: "time", Label: "Begintijd", Kind: intranet.FieldTime},
			{Name: "shift", Label: "Dienst", Kind: intranet.FieldChoice, Required: true, Value: "early",
				Options: []intranet.Option{{Label: "Vroeg", Value: "early"}, {Label: "Laat", Value: "late"}}},
			{Name: "note", Label: "Toelichting voor de collega die het overneemt", Kind: intranet.FieldLongText, MaxLength: 500, Placeholder: "Sleutels, cliënten…"},
			{Name: "urgent", Label: "Spoed", Kind: intranet.FieldYesNo, Value: "nee"},
			{Name: "pool", Label: "Cliëntenpool", Kind: intranet.FieldText, Value: "Oost-2"},
		},
	}
	tests := []struct {
		name string
		v    any
	}{
		{"title_text", RenderCommandResponse(intranet.Reply{Title: "Telefoonboek", Text: "Typ `/phonebook <naam>` om te zoeken.\n- op *naam*\n- op _afdeling_"}, testOpts)},
		{"sections_fields", RenderCommandResponse(phonebookReply(), testOpts)},
		{"buttons_styles_confirm", Render(intranet.Reply{
			Visibility: intranet.InChannel,
			Text:       "Anna vraagt of iemand haar vroege dienst van 2 december overneemt.",
			Sections: []intranet.Section{{Title: "Overdracht 1042", Buttons: []intranet.Button{
				{Label: "Ik neem het over", Style: intranet.StylePrimary, Command: "/handover take 1042"},
			}}},
			Buttons: []intranet.Button{
				{Label: "Details", Command: "/handover show 1042"},
				{Label: "Intrekken", Style: intranet.StyleDanger, Command: "/handover cancel 1042",
					Confirm: &intranet.Confirm{Title: "Intrekken?", Text: "De vraag verdwijnt voor *iedereen*.", Confirm: "Intrekken", Deny: "Laat staan"}},
			},
		}, testOpts)},
		{"context_only", RenderCommandResponse(intranet.Reply{Text: "Geen resultaten.", Context: []string{"Zoek ook op *afdeling*", "0 van 0"}}, testOpts)},
		{"form_dialog", RenderDialog(form, "nl", testOpts)},
		{"confirm_dialog", RenderConfirmDialog(intranet.Confirm{Title: "Zeker?", Text: "Dit kan *niet* terug."}, "/room cancel 7", "3zh7896fjtbrtjtak1fyrtpzkw", "en", testOpts)},
		{"field_errors_dialog", RenderFieldErrors(intranet.Reply{FieldErrors: map[string]string{"date": "Die datum is al voorbij.", "shift": "Kies *vroeg* of *laat*."}})},
		{"field_errors_message", RenderCommandResponse(intranet.Reply{Text: "Niet gelukt:", FieldErrors: map[string]string{"date": "Die datum is al voorbij."}}, testOpts)},
		{"replace_original", RenderActionResponse(intranet.Reply{ReplaceOriginal: true, Text: "*Overgenomen* door <@pbai4ko8ojd8fy8r9gfwepskso|jan.devries>."}, testOpts)},
		{"ephemeral_action", RenderActionResponse(phonebookReply(), testOpts)},
		{"mentions_links", RenderCommandResponse(intranet.Reply{
			Visibility: intranet.InChannel,
			Text:       "<@pbai4ko8ojd8fy8r9gfwepskso|jan.devries> en <@x1|Eva de Boer> zie [het rooster](https://werkplek.example.nl/rooster), bel [020 000 0142](tel:+31200000142) of mail [Pieter](mailto:pieter.jansen@example.nl). Code: `a*b*c` en *vet_met_underscore*.",
		}, testOpts)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { golden(t, tt.name, tt.v) })
	}
}

// The rendered dialog must pass the server's own validation.
func TestRenderDialogValid(t *testing.T) {
	f := intranet.Form{ID: "x", Title: "Een heel erg lange titel voor een formulier", Fields: []intranet.FormField{
		{Name: "a", Label: "Een label dat veel te lang is voor Mattermost", Kind: intranet.FieldChoice, Value: "missing", Options: []intranet.Option{{Label: "A", Value: "a"}}},
		{Name: "b", Label: "B", Kind: intranet.FieldYesNo, Value: "maybe"},
		{Name: "c", Label: "C", Kind: intranet.FieldText, MaxLength: -3},
	}}
	d := RenderDialog(f, "en", testOpts)
	req := model.OpenDialogRequest{TriggerId: "t", URL: "https://werkplek.example.nl/mattermost/dialogs", Dialog: d}
	if err := req.IsValid(); err != nil {
		t.Fatalf("dialog not valid: %v", err)
	}
}

func TestRenderedActionsValid(t *testing.T) {
	m := Render(phonebookReply(), testOpts)
	for _, att := range m.Attachments {
		if err := att.IsValid(); err != nil {
			t.Fatalf("attachment not valid: %v", err)
		}
		for _, a := range att.Actions {
			for _, r := range a.Id {
				if !('a' <= r && r <= 'z' || '0' <= r && r <= '9') {
					t.Fatalf("button id %q not alphanumeric", a.Id)
				}
			}
		}
	}
}

func TestToMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"*vet*", "**vet**"},
		{"**geen subset**", "\\*\\*geen subset\\*\\*"},
		{"a * b * c", "a * b * c"},
		{"2*3*4 en snake_case_naam", "2\\*3\\*4 en snake_case_naam"},
		{"_tmp en __init__", "\\_tmp en \\_\\_init\\_\\_"},
		{"`*code*`", "`*code*`"},
		{"[*x*](https://e.nl/a*b*c)", "[**x**](https://e.nl/a*b*c)"},
		{"[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"},
		{"zie https://e.nl/a_b_/*c*", "zie https://e.nl/a_b_/*c*"},
		{"<@u1|jan.devries>", "@jan.devries"},
		{"<@u1|Eva de Boer>", "Eva de Boer"},
		{"<@u1>", "@u1"},
		{"- _schuin_\n  - *Zoë*", "- _schuin_\n  - **Zoë**"},
		{"*open\nzonder eind*", "\\*open\nzonder eind\\*"},
		{"`open", "\\`open"},
		{"C:\\pad", "C:\\\\pad"},
		{"<@", "<@"},
		{"Je vraag staat in ~team-zorg-oost.", "Je vraag staat in ~team-zorg-oost."},
	}
	for _, tt := range tests {
		if got := toMarkdown(tt.in); got != tt.want {
			t.Errorf("toMarkdown(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStripMarkup(t *testing.T) {
	tests := []struct{ in, want string }{
		{"*Vet* en _schuin_ `code`", "Vet en schuin code"},
		{"2*3 = 6, snake_case", "2*3 = 6, snake_case"},
		{"[het rooster](https://x.nl) <@u1|jan.devries> <@u2|Eva de Boer>", "het rooster @jan.devries Eva de Boer"},
	}
	for _, tt := range tests {
		if got := stripMarkup(tt.in); got != tt.want {
			t.Errorf("stripMarkup(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got, want := italicLine("Zie _dit_ en *dat*"), "_Zie dit en **dat**_"; got != want {
		t.Errorf("italicLine = %q, want %q", got, want)
	}
}

// The fixture's command response and ours have the same fields, so what we
// send is what Mattermost's own type produces.
func TestCommandResponseShape(t *testing.T) {
	want := keysOf(t, mustRead(t, "testdata/command_response.json"))
	r := phonebookReply()
	r.Sections[0].Buttons, r.Buttons = r.Buttons, nil
	b, _ := json.Marshal(RenderCommandResponse(r, testOpts))
	got := keysOf(t, b)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("shape mismatch (-fixture +ours):\n%s", diff)
	}
}

// keysOf lists the JSON object keys of the response and its first attachment and action.
func keysOf(t *testing.T, b []byte) map[string][]string {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	keys := func(o map[string]any) []string {
		var ks []string
		for k := range o {
			ks = append(ks, k)
		}
		slices.Sort(ks)
		return ks
	}
	out := map[string][]string{"response": keys(m)}
	att := m["attachments"].([]any)[0].(map[string]any)
	out["attachment"] = keys(att)
	act := att["actions"].([]any)[0].(map[string]any)
	out["action"] = keys(act)
	out["integration"] = keys(act["integration"].(map[string]any))
	return out
}

func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
