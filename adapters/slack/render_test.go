package slack

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/werkplek/werkplek/intranet"
)

// golden compares v, as indented JSON, with testdata/<name>; -update
// rewrites the file.
func golden(t *testing.T, name string, v any) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // keep Slack's <url|label> readable
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	got := buf.Bytes()
	path := filepath.Join("testdata", name)
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
		t.Errorf("%s differs (-want +got):\n%s", path, d)
	}
}

func TestRenderMessageGolden(t *testing.T) {
	for _, tc := range []struct {
		name  string
		reply intranet.Reply
	}{
		{"title_text", intranet.Reply{Title: "Telefoonboek", Text: "3 collega's gevonden voor *jansen*.\n_Tip_: zoek ook op `afdeling`."}},
		{"sections_fields", intranet.Reply{
			Visibility: intranet.InChannel,
			Sections: []intranet.Section{
				{Title: "Pieter Jansen", Text: "Verpleegkundige, Zorg Oost", Fields: []intranet.Field{
					{Label: "Mobiel", Value: "[06 1234 5678](tel:+31612345678)"},
					{Label: "E-mail", Value: "[pieter.jansen@example.nl](mailto:pieter.jansen@example.nl)"},
					{Label: "Manager", Value: "<@U0ANNABAKKR|Anna Bakker>"},
				}, Buttons: []intranet.Button{{Label: "Details", Command: "/phonebook show 42"}}},
				{Title: "Eva Jansen", Fields: []intranet.Field{{Label: "Afdeling", Value: "R&D <Lab>"}}},
			},
		}},
		{"many_fields", intranet.Reply{Sections: []intranet.Section{{Title: "Alles", Fields: manyFields(12)}}}},
		{"buttons_confirm", intranet.Reply{
			Lang: "nl",
			Text: "Dienstoverdracht gevraagd door <@U0ANNABAKKR|Anna Bakker>: vroege dienst do 3 dec",
			Buttons: []intranet.Button{
				{Label: "Ik neem het over", Style: intranet.StylePrimary, Command: "/handover take 1042"},
				{Label: "Details", Command: "/handover show 1042"},
				{Label: "Annuleer", Style: intranet.StyleDanger, Command: "/handover cancel 1042", Confirm: &intranet.Confirm{Title: "Overdracht annuleren?", Text: "Collega's zien de vraag dan niet meer."}},
			},
		}},
		{"context", intranet.Reply{Text: "Resultaten", Context: []string{"10 van 38 getoond", "Typ `/phonebook jansen page:2` voor meer"}}},
		{"replace_original", intranet.Reply{Text: "✅ Overgenomen door <@U0JANDVRIES|Jan de Vries>", ReplaceOriginal: true}},
		{"mentions_links", intranet.Reply{Text: "- Vraag het <@U0EVADEBOER|Eva de Boer>\n- Zie [het intranet](https://intranet.example.nl/a?b=1&c=2)\n- Mail [support](mailto:support@example.nl) of bel [030 123 4567](tel:+31301234567)\n- 5 < 6 & 7 > 3"}},
		{"field_errors_message", intranet.Reply{Text: "Niet geboekt:", FieldErrors: map[string]string{"end": "Eindtijd ligt voor de begintijd", "date": "Datum ligt in het verleden"}}},
		{"form_as_message", intranet.Reply{Text: "Typ `/news post <titel> | <tekst>`", Form: &intranet.Form{ID: "news.post", Title: "Nieuwsbericht"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			golden(t, "render/"+tc.name+".json", RenderMessage(tc.reply))
		})
	}
}

func manyFields(n int) []intranet.Field {
	var fs []intranet.Field
	for i := range n {
		fs = append(fs, intranet.Field{Label: "Veld " + string(rune('A'+i)), Value: "waarde"})
	}
	return fs
}

func TestRenderModalGolden(t *testing.T) {
	form := intranet.Form{
		ID:          "room.book",
		Title:       "Vergaderruimte boeken (lange titel)",
		SubmitLabel: "Boeken",
		Command:     "/room book <room> <date> <from>-<to>",
		Fields: []intranet.FormField{
			{Name: "room", Label: "Vergaderruimte", Kind: intranet.FieldChoice, Required: true, Value: "room-3", Options: []intranet.Option{{Label: "Zaal Amstel (8 pers.)", Value: "room-3"}, {Label: "Zaal Maas (4 pers.)", Value: "room-7"}}},
			{Name: "date", Label: "Datum", Kind: intranet.FieldDate, Required: true, Value: "2026-12-01"},
			{Name: "start", Label: "Van", Kind: intranet.FieldTime, Required: true, Placeholder: "Begintijd", Value: "09:00"},
			{Name: "purpose", Label: "Onderwerp", Kind: intranet.FieldText, MaxLength: 200},
			{Name: "body", Label: "Toelichting", Kind: intranet.FieldLongText, MaxLength: 5000},
			{Name: "recurring", Label: "Elke week?", Kind: intranet.FieldYesNo, Value: "no"},
		},
	}
	golden(t, "render/form.json", RenderModal(form, "nl", "C0ALGEMEEN1"))
}

func TestRenderFieldErrorsGolden(t *testing.T) {
	golden(t, "render/field_errors.json", RenderFieldErrors(map[string]string{"end": "Eindtijd ligt voor de begintijd", "room": "Zaal Amstel is dan bezet"}))
}

func TestRenderedModalRoundTrips(t *testing.T) {
	// A modal we render, submitted, parses back to the form's id and the
	// channel it was opened from.
	view := RenderModal(intranet.Form{ID: "news.post", Fields: []intranet.FormField{{Name: "title"}}}, "en", "C1")
	payload, _ := json.Marshal(map[string]any{
		"type": "view_submission", "team": map[string]any{"id": "T1"}, "user": map[string]any{"id": "U1"},
		"view": map[string]any{"callback_id": view.CallbackID, "private_metadata": view.PrivateMetadata,
			"state": map[string]any{"values": map[string]any{"title": map[string]any{"title": map[string]any{"type": "plain_text_input", "value": "Hallo"}}}}},
	})
	in, err := parseInteraction(payload)
	if err != nil {
		t.Fatal(err)
	}
	want := &intranet.FormSubmission{FormID: "news.post", Values: map[string]string{"title": "Hallo"}}
	if d := cmp.Diff(want, in.req.Form); d != "" || in.req.Channel.ID != "C1" {
		t.Errorf("form (-want +got):\n%s channel %q", d, in.req.Channel.ID)
	}
}

func TestMrkdwn(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"*bold* _italic_ `code`", "*bold* _italic_ `code`"},
		{"[Slack](https://slack.com)", "<https://slack.com|Slack>"},
		{"[a|b](https://x.nl/?q=a|b&r=1)", "<https://x.nl/?q=a%7Cb&amp;r=1|a|b>"},
		{"[mail](mailto:jan@example.nl)", "<mailto:jan@example.nl|mail>"},
		{"bel [06 1234](tel:+316 1234)", "bel [06 1234](tel:+316 1234)"},
		{"bel [06 1234](tel:+3161234)", "bel 06 1234"},
		{"<@U123|Jan> en <@U456>", "<@U123> en <@U456>"},
		{"- een\n- twee\n  - drie", "• een\n• twee\n  • drie"},
		{"a < b & c > d", "a &lt; b &amp; c &gt; d"},
		{"<script>", "&lt;script&gt;"},
		{"[x](javascript:alert(1))", "[x](javascript:alert(1))"},
		{"`[x](https://a.nl)` en `a<b`", "`[x](https://a.nl)` en `a&lt;b`"},
		{"<@jan@example.nl|Jan de Vries> <@29:x>", "@Jan de Vries @29:x"},
		{"2*3*4, snake_case, *Zoë*", "2*3*4, snake_case, *Zoë*"},
		{"", ""},
	} {
		if got := Mrkdwn(tc.in); got != tc.want {
			t.Errorf("Mrkdwn(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestBold(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Nieuws", "*Nieuws*"},
		{"*Nieuws*", "*Nieuws*"},
		{"Vraag van *Anna* & <@U1|Eva>", "*Vraag van Anna &amp; <@U1>*"},
		{"_Schuin_ titel", "*_Schuin_ titel*"},
	} {
		if got := bold(tc.in); got != tc.want {
			t.Errorf("bold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestRenderLimits(t *testing.T) {
	long := strings.Repeat("lang ", 1000) // 5000 characters
	var sections []intranet.Section
	for range 60 {
		sections = append(sections, intranet.Section{Title: "s"})
	}
	var buttons []intranet.Button
	for range 30 {
		buttons = append(buttons, intranet.Button{Label: strings.Repeat("b", 100), Command: "/x"})
	}
	m := RenderMessage(intranet.Reply{Title: long, Text: long, Sections: sections, Buttons: buttons})
	if len(m.Blocks) > maxBlocks {
		t.Errorf("%d blocks, Slack takes %d", len(m.Blocks), maxBlocks)
	}
	b, _ := json.Marshal(m)
	if !bytes.Contains(b, []byte(`"type":"header"`)) {
		t.Error("no header")
	}
	var doc struct {
		Blocks []struct {
			Type string `json:"type"`
			Text *struct {
				Text string `json:"text"`
			} `json:"text"`
			Elements []json.RawMessage `json:"elements"`
		} `json:"blocks"`
	}
	_ = json.Unmarshal(b, &doc)
	for _, bl := range doc.Blocks {
		if bl.Text != nil && len([]rune(bl.Text.Text)) > maxSectionText {
			t.Errorf("%s block text of %d characters", bl.Type, len([]rune(bl.Text.Text)))
		}
		if bl.Type == "header" && len([]rune(bl.Text.Text)) > maxHeaderText {
			t.Errorf("header of %d characters", len([]rune(bl.Text.Text)))
		}
		if len(bl.Elements) > maxButtons {
			t.Errorf("%d elements in one block", len(bl.Elements))
		}
	}
	if title := RenderModal(intranet.Form{ID: "x", Title: long}, "en", "").Title.Text; len([]rune(title)) > maxModalTitle {
		t.Errorf("modal title of %d characters", len([]rune(title)))
	}
}
