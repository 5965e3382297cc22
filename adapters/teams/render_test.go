package teams

import (
	"testing"

	"github.com/werkplek/werkplek/intranet"
)

func TestRender(t *testing.T) {
	tests := []struct {
		name  string
		reply intranet.Reply
	}{
		{"title_text", intranet.Reply{Lang: "nl", Title: "Telefoonboek", Text: "*3 resultaten* voor _jansen_. Typ `/phonebook jansen 2` voor meer."}},
		{"sections_fields", intranet.Reply{Lang: "nl", Title: "Pieter Jansen", Sections: []intranet.Section{
			{Title: "Pieter Jansen", Text: "Teamleider Zorg Oost · Utrecht", Fields: []intranet.Field{
				{Label: "Telefoon", Value: "[+31 20 000 0142](tel:+31200000142)"},
				{Label: "E-mail", Value: "[pieter.jansen@example.nl](mailto:pieter.jansen@example.nl)"},
				{Label: "Leidinggevende", Value: "Eva de Boer"},
			}, Buttons: []intranet.Button{{Label: "Toon team", Command: "/phonebook team zorg oost"}}},
			{Title: "Anna Bakker", Fields: []intranet.Field{{Label: "Telefoon", Value: "+31 20 000 0117"}}},
		}}},
		{"buttons_styles_confirm", intranet.Reply{Lang: "en", Text: "Your booking of *Zaal 3* tomorrow 10:00-11:00.", Buttons: []intranet.Button{
			{Label: "Book again", Style: intranet.StylePrimary, Command: "/room book zaal-3 wed 10:00-11:00"},
			{Label: "Cancel booking", Style: intranet.StyleDanger, Command: "/room cancel 77", Confirm: &intranet.Confirm{Title: "Cancel booking?", Text: "Zaal 3 will be free for others.", Confirm: "Yes, cancel", Deny: "Keep it"}},
			{Label: "More", Command: "/room mine"},
		}}},
		{"context", intranet.Reply{Lang: "nl", Title: "Nieuws", Text: "- Kantine dicht op vrijdag\n- Nieuwe parkeerregels", Context: []string{"2 van 38 getoond", "Typ `/news list 2` voor meer"}}},
		{"form", intranet.Reply{Lang: "nl", Title: "Dienst overdragen", Form: &intranet.Form{
			ID: "handover.request", Title: "Welke dienst wil je overdragen?", SubmitLabel: "Vraag het team",
			Command: "/handover request <datum> <dienst> [reden:<tekst>]",
			Fields: []intranet.FormField{
				{Name: "date", Label: "Datum", Kind: intranet.FieldDate, Required: true, Value: "2026-12-02"},
				{Name: "shift", Label: "Dienst", Kind: intranet.FieldChoice, Required: true, Options: []intranet.Option{{Label: "Vroeg", Value: "vroeg"}, {Label: "Laat", Value: "laat"}, {Label: "Nacht", Value: "nacht"}}},
				{Name: "start", Label: "Begintijd", Kind: intranet.FieldTime, Value: "07:00"},
				{Name: "reason", Label: "Reden", Kind: intranet.FieldLongText, Placeholder: "Optioneel", MaxLength: 500},
				{Name: "title", Label: "Titel", Kind: intranet.FieldText, MaxLength: 80},
				{Name: "urgent", Label: "Spoed", Kind: intranet.FieldYesNo, Value: "ja"},
			},
		}}},
		{"field_errors", intranet.Reply{Lang: "en", Form: &intranet.Form{
			ID: "room.book", Title: "Book a room",
			Fields: []intranet.FormField{
				{Name: "room", Label: "Room", Kind: intranet.FieldText, Required: true, Value: "Zaal 9"},
				{Name: "date", Label: "Date", Kind: intranet.FieldDate, Required: true, Value: "2026-11-30"},
			},
		}, FieldErrors: map[string]string{"room": "There is no room called Zaal 9.", "date": "That date has passed.", "_": "Fix the fields below."}}},
		{"field_errors_without_form", intranet.Reply{Lang: "en", Text: "The form could not be saved.", FieldErrors: map[string]string{"title": "Too long."}}},
		{"mentions_links", intranet.Reply{Lang: "nl", Text: "<@29:anna|Anna Bakker> vraagt of iemand haar *vroege dienst* wil overnemen. Zie [het rooster](https://werkplek.example.nl/rooster) of bel <@29:anna|Anna Bakker>.", Sections: []intranet.Section{
			{Fields: []intranet.Field{{Label: "Aangevraagd door", Value: "<@29:anna|Anna Bakker>"}, {Label: "Team", Value: "<@29:eva|Eva de Boer> (teamleider)"}}},
		}, Buttons: []intranet.Button{{Label: "Ik neem het over", Style: intranet.StylePrimary, Command: "/handover take 1042"}}}},
		{"buttons_only", intranet.Reply{Lang: "en", Buttons: []intranet.Button{{Label: "Help", Command: "/werkplek help"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			golden(t, "render_"+tt.name+".golden.json", Render(tt.reply))
		})
	}
}

func TestMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"*bold* and _italic_", "**bold** and _italic_"},
		{"a * b * c", "a * b * c"},
		{"`*not bold*`", "*not bold*"},
		{"[*label*](https://x.example/a_b*c)", "[label](https://x.example/a_b*c)"},
		{"2*3*4 en snake_case", "2*3*4 en snake_case"},
		{"*vet _en schuin_*", "**vet _en schuin_**"},
		{"<@29:x|Zoë Çelik> en [x](javascript:alert(1))", "<at>Zoë Çelik</at> en [x](javascript:alert(1))"},
		{"*unclosed", "*unclosed"},
		{"*two\nlines*", "*two\nlines*"},
		{"- one\n- *two*", "- one\n- **two**"},
		{"<@29:x|Jan> en <@29:y>", "<at>Jan</at> en <at>29:y</at>"},
		{"<@ broken", "<@ broken"},
		{"`unclosed code", "`unclosed code"},
		{"**", "**"},
	}
	for _, tt := range tests {
		rd := renderer{}
		if got := rd.md(tt.in); got != tt.want {
			t.Errorf("md(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSummary(t *testing.T) {
	for _, tt := range []struct {
		r    intranet.Reply
		want string
	}{
		{intranet.Reply{Title: "*Nieuws*", Text: "x"}, "Nieuws"},
		{intranet.Reply{Text: "<@29:a|Anna> vraagt hulp\nmeer"}, "Anna vraagt hulp"},
		{intranet.Reply{Form: &intranet.Form{Title: "Zaal boeken"}}, "Zaal boeken"},
		{intranet.Reply{Text: "<@29:a> vraagt 2*3 [hulp](https://x.nl)"}, "29:a vraagt 2*3 hulp"},
	} {
		if got := summary(tt.r); got != tt.want {
			t.Errorf("summary = %q, want %q", got, tt.want)
		}
	}
}
