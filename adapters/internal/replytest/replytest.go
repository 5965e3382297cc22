// Package replytest holds the shared golden replies: one list of replies of
// every kind (cards with sections and fields, lists with buttons, forms,
// buttons with styles and confirmations, errors, long texts, the markup's
// edge cases), in Dutch and English, that every adapter renders and checks
// against its own golden files, so that a change to the core's Reply or to
// the markup shows on all four platforms at once.
package replytest

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/werkplek/werkplek/intranet"
)

// Case is one golden reply; Name is its golden file's name.
type Case struct {
	Name  string
	Reply intranet.Reply
}

// Mentioned people; the ids are valid on Slack and readable elsewhere.
const (
	zoe  = "<@U0ZOECELIK|Zoë Çelik>"
	anna = "<@U0ANNABAKKR|Anna Bakker>"
	jan  = "<@U0JANDVRIES|jan.devries>"
)

// Replies returns the golden replies, a fresh copy on every call.
func Replies() []Case {
	return []Case{
		{"phonebook_card_nl", card("nl", false)},
		{"phonebook_card_en", card("en", true)},
		{"phonebook_list_nl", list("nl", 12)},
		{"phonebook_list_en", list("en", 3)},
		{"handover_card_nl", handover("nl", true)},
		{"handover_card_en", handover("en", false)},
		{"room_form_nl", roomForm("nl", nil)},
		{"room_form_errors_en", roomForm("en", map[string]string{
			"end": "The end is before the start.", "date": "That date has *passed*.", "_": "Fix the fields below, then press _Book_ again.",
		})},
		{"field_errors_nl", intranet.Reply{Lang: "nl", Text: "Niet geboekt:", FieldErrors: map[string]string{
			"start": "Begintijd ontbreekt", "room": "Zaal Amstel is dan bezet (tot 11:00)",
		}}},
		{"error_internal_nl", intranet.Reply{Lang: "nl", Text: "Er ging iets mis (ref 4f2a9c01). Probeer het later opnieuw; noem de ref als je hulp vraagt."}},
		{"error_unavailable_en", intranet.Reply{Lang: "en", Text: "Werkplek cannot reach its data right now. Please try again in a minute (ref 0b7e3d22)."}},
		{"error_not_found_nl", intranet.Reply{Lang: "nl", Text: "Geen collega gevonden voor *jansn*. Bedoelde je `/phonebook jansen`?", Context: []string{"Zoek ook op `dept:<afdeling>` of `skill:<vaardigheid>`."}}},
		{"news_digest_en", digest()},
		{"long_text_nl", long("nl")},
		{"long_text_en", long("en")},
		{"question_dm_en", question()},
		{"buttons_only_nl", intranet.Reply{Lang: "nl", Buttons: []intranet.Button{
			{Label: "Help", Command: "/werkplek help"},
			{Label: "Taal: English", Style: intranet.StylePrimary, Command: "/werkplek language en"},
			{Label: "Afmelden", Style: intranet.StyleDanger, Command: "/news unsubscribe all", Confirm: &intranet.Confirm{}},
		}}},
		{"markup_edges_nl", edges()},
		{"person_mention_nl", personMention()},
	}
}

func pick(lang, nl, en string) string {
	if lang == "en" {
		return en
	}
	return nl
}

func card(lang string, pressed bool) intranet.Reply {
	t := func(nl, en string) string { return pick(lang, nl, en) }
	return intranet.Reply{
		Lang:  lang,
		Title: "Zoë Çelik",
		Text:  t("Wijkverpleegkundige, *Stomazorg* · Utrecht", "District nurse, *Stomazorg* · Utrecht"),
		Sections: []intranet.Section{{Fields: []intranet.Field{
			{Label: t("Functie", "Title"), Value: t("Wijkverpleegkundige", "District nurse")},
			{Label: t("Afdeling", "Department"), Value: "Zorg Oost & R&D <Lab>"},
			{Label: t("Telefoon", "Phone"), Value: "[030 123 4567](tel:+31301234567)"},
			{Label: t("Mobiel", "Mobile"), Value: "[06 1234 5678](tel:+31612345678)"},
			{Label: "E-mail", Value: "[zoe.celik@example.nl](mailto:zoe.celik@example.nl)"},
			{Label: "Manager", Value: "Anna Bakker"},
			{Label: t("Vaardigheden", "Skills"), Value: t("stomazorg, wondzorg, diabetes_type_2", "stoma care, wound care, diabetes_type_2")},
			{Label: "Chat", Value: zoe},
		}}},
		Buttons:         []intranet.Button{{Label: t("Manager tonen", "Show manager"), Command: "/phonebook show 12"}},
		ReplaceOriginal: pressed,
	}
}

func list(lang string, n int) intranet.Reply {
	r := intranet.Reply{Lang: lang, Title: pick(lang, fmt.Sprintf("De eerste %d gevonden mensen", n), fmt.Sprintf("The first %d people found", n))}
	names := []string{"Pieter Jansen", "Eva Jansen-de Boer", "Jan Jansen", "Anna Bakker", "Zoë Çelik", "Mohammed El Amrani", "Sanne van 't Hek", "Daan Visser", "Lotte de Jong", "Bram Smit", "Fleur Mulder", "Thijs Bos"}
	for i := range n {
		r.Sections = append(r.Sections, intranet.Section{
			Title:   names[i%len(names)],
			Text:    pick(lang, fmt.Sprintf("Verpleegkundige · _Zorg Oost %d_", i+1), fmt.Sprintf("Nurse · _Zorg Oost %d_", i+1)),
			Buttons: []intranet.Button{{Label: pick(lang, "Kaart", "Card"), Command: fmt.Sprintf("/phonebook show %d", 100+i)}},
		})
	}
	r.Context = []string{pick(lang,
		"Er zijn er meer: maak je zoekopdracht preciezer, bijvoorbeeld met een voornaam, `dept:<afdeling>` of `skill:<vaardigheid>`.",
		fmt.Sprintf("%d of %d shown", n, n))}
	return r
}

func handover(lang string, open bool) intranet.Reply {
	t := func(nl, en string) string { return pick(lang, nl, en) }
	cancel := intranet.Button{Label: t("Annuleren", "Cancel"), Style: intranet.StyleDanger, Command: "/handover cancel 1042",
		Confirm: &intranet.Confirm{Title: t("Verzoek annuleren?", "Cancel the request?"), Text: t("Alleen wie het vroeg kan *annuleren*.", "Only the requester can *cancel*."),
			Confirm: t("Annuleren", "Cancel it"), Deny: t("Terug", "Back")}}
	r := intranet.Reply{
		Lang: lang, Visibility: intranet.InChannel,
		Title: t("Dienst over te nemen: vroege dienst Oost-2", "Shift to take over: early shift Oost-2"),
		Sections: []intranet.Section{{Fields: []intranet.Field{
			{Label: t("Gevraagd door", "Asked by"), Value: anna},
			{Label: t("Dienst", "Shift"), Value: t("do 3 dec 2026 07:00–15:00", "Thu 3 Dec 2026 07:00–15:00")},
			{Label: t("Wat", "What"), Value: t("vroege dienst Oost-2", "early shift Oost-2")},
			{Label: "Team", Value: "Zorg Oost"},
			{Label: t("Nodig", "Needs"), Value: "BIG-registratie"},
		}}},
		Context: []string{t("Overdracht 1042", "Handover 1042")},
	}
	if open {
		r.Text = t(anna+" vraagt of iemand van Zorg Oost deze dienst overneemt. Wie het eerst drukt, krijgt hem.",
			anna+" asks whether someone in Zorg Oost takes over this shift. The first to press gets it.")
		r.Buttons = []intranet.Button{{Label: t("Ik neem hem", "I'll take it"), Style: intranet.StylePrimary, Command: "/handover take 1042"}, cancel}
		return r
	}
	r.Text = t("Overgenomen door "+jan+" om 09:12.", "Taken over by "+jan+" at 09:12.")
	r.Buttons = []intranet.Button{cancel}
	r.ReplaceOriginal = true
	return r
}

func roomForm(lang string, errs map[string]string) intranet.Reply {
	t := func(nl, en string) string { return pick(lang, nl, en) }
	return intranet.Reply{
		Lang:  lang,
		Title: t("Zaal boeken", "Book a room"),
		Text:  t("Of typ `/room book <zaal> <datum> <van>-<tot>`.", "Or type `/room book <room> <date> <from>-<to>`."),
		Form: &intranet.Form{
			ID: "room.book", Title: t("Vergaderruimte boeken", "Book a meeting room"), SubmitLabel: t("Boeken", "Book"),
			Command: "/room book <room> <date> <from>-<to> [purpose:<text>]",
			Fields: []intranet.FormField{
				{Name: "room", Label: t("Zaal", "Room"), Kind: intranet.FieldChoice, Required: true, Value: "room-3", Options: []intranet.Option{
					{Label: "Zaal Amstel (8 pers.)", Value: "room-3"}, {Label: "Zaal Maas (4 pers.)", Value: "room-7"}, {Label: "Café Zoë", Value: "room-9"},
				}},
				{Name: "date", Label: t("Datum", "Date"), Kind: intranet.FieldDate, Required: true, Value: "2026-12-03"},
				{Name: "start", Label: t("Van", "From"), Kind: intranet.FieldTime, Required: true, Value: "09:00"},
				{Name: "end", Label: t("Tot", "To"), Kind: intranet.FieldTime, Required: true, Placeholder: t("Eindtijd", "End time")},
				{Name: "purpose", Label: t("Onderwerp", "Purpose"), Kind: intranet.FieldText, MaxLength: 200, Placeholder: t("Bijvoorbeeld: teamoverleg", "For example: team meeting")},
				{Name: "note", Label: t("Toelichting voor de receptie, koffie en lunch", "A note for reception, coffee and lunch"), Kind: intranet.FieldLongText, MaxLength: 5000},
				{Name: "weekly", Label: t("Elke week?", "Every week?"), Kind: intranet.FieldYesNo, Value: "no"},
			},
		},
		FieldErrors: errs,
	}
}

func digest() intranet.Reply {
	return intranet.Reply{
		Lang: "en", Visibility: intranet.InChannel, Title: "News digest: Thursday 3 December",
		Text: "3 new items since yesterday:",
		Sections: []intranet.Section{
			{Title: "Canteen closed on *Friday*", Text: "The canteen at Utrecht is closed on Friday 4 December.\n- Coffee on the 2nd floor\n- Lunch: see https://intranet.example.nl/lunch_menu_(week_49).", Buttons: []intranet.Button{
				{Label: "Read it", Style: intranet.StylePrimary, Command: "/news ack 311"},
			}},
			{Title: "New parking rules", Text: "From January, park in [garage P2](https://maps.example.nl/?q=P2&z=17) (see [the rules](https://nl.wikipedia.org/wiki/Parkeren_(verkeer))).", Fields: []intranet.Field{
				{Label: "Topic", Value: "Facilities"}, {Label: "By", Value: anna},
			}},
			{Title: "Stomazorg: new expert", Text: zoe + " answers questions in _Stomazorg_ from now on."},
		},
		Buttons: []intranet.Button{{Label: "Unsubscribe", Command: "/news unsubscribe digest", Confirm: &intranet.Confirm{Title: "Unsubscribe from the digest?", Text: "You can subscribe again with `/news subscribe digest`."}}},
		Context: []string{"3 of 3 shown", "Sent at 08:00 to #algemeen"},
	}
}

func long(lang string) intranet.Reply {
	var b strings.Builder
	b.WriteString(pick(lang, "*Werkafspraken Zorg Oost*, bijgewerkt op 1 december:\n", "*Working agreements Zorg Oost*, updated on 1 December:\n"))
	for i := range 40 {
		fmt.Fprintf(&b, pick(lang, "- Afspraak %d: overdracht om 07:00 en 15:00; bij twijfel bel je de dienstdoende (_niet_ de manager), zie `/handover list`.\n",
			"- Agreement %d: handover at 07:00 and 15:00; when in doubt call whoever is on duty (_not_ the manager), see `/handover list`.\n"), i+1)
	}
	b.WriteString(pick(lang, "Vragen? Stel ze aan "+anna+".", "Questions? Ask "+anna+"."))
	return intranet.Reply{Lang: lang, Title: pick(lang, "Werkafspraken", "Working agreements"), Text: b.String()}
}

func question() intranet.Reply {
	return intranet.Reply{
		Lang:     "en",
		Title:    "A question in Stomazorg",
		Text:     anna + " asks: _how often do I change a colostomy bag after surgery?_ You were asked as one of its experts, with " + zoe + ".",
		Sections: []intranet.Section{{Title: "Earlier answers", Text: "- [Q 87](https://werkplek.example.nl/q/87): every 2–3 days\n- none in the last 30 days"}},
		Buttons: []intranet.Button{
			{Label: "Answer", Style: intranet.StylePrimary, Command: "/answer 311"},
			{Label: "Not my field", Command: "/answer 311 pass", Confirm: &intranet.Confirm{Text: "The question goes to the next expert."}},
		},
		Context: []string{"Question 311 · asked at 10:42"},
	}
}

func edges() intranet.Reply {
	return intranet.Reply{
		Lang:  "nl",
		Title: "*Vet* in de titel met " + anna,
		Text: "Open *vet en _schuin_ open, 2*3*4 = 24, a * b, snake_case_naam, __init__, `code met *sterren*`, `open.\n" +
			"*vet*, _schuin_, *_beide_*, *Zoë Çelik*, é*x*, [link met (haakjes)](https://nl.wikipedia.org/wiki/Foo_(bar)) en [x](javascript:alert(1)).\n" +
			"Kale link https://x.example.nl/a_b/?q=1&r=2. Mail <jan@example.nl> & 5 < 6 > 4; <@U1> <@ZONDER NAAM> <@U2|>.\n" +
			"  - ingesprongen\n-geen bullet\n\n",
		Sections: []intranet.Section{{
			Title:  "_Schuin_ en `code`",
			Text:   "*Onafgesloten",
			Fields: []intranet.Field{{Label: "*Vet label*", Value: "[*vet*](https://x.nl/a*b*c)"}, {Label: "Leeg", Value: ""}},
		}},
		Buttons: []intranet.Button{{Label: "*Ja* " + zoe, Command: "/x ja"}},
		Context: []string{"_Klein_ met *vet*"},
	}
}

// personMention is a reply with person mentions (intranet.PersonMention)
// that the outbox did not rewrite for a platform, beside a platform
// mention: each shows as the name, never as a mention of an id no platform
// knows.
func personMention() intranet.Reply {
	sanne := intranet.PersonMention(42, "Sanne *van* Dijk")
	return intranet.Reply{
		Lang:     "nl",
		Title:    "Reactie van " + sanne,
		Text:     sanne + " en " + anna + " reageerden.",
		Sections: []intranet.Section{{Text: "*" + sanne + "*", Fields: []intranet.Field{{Label: "Van", Value: sanne + " (Zorg Oost)"}}}},
		Buttons:  []intranet.Button{{Label: "Bel " + sanne, Command: "/phonebook 42"}},
		Context:  []string{"Schrijf " + sanne + " terug."},
	}
}

// CheckFiles fails t when dir holds a golden file with ext (".json") that
// is no case any more, so that renamed cases leave no stale files behind.
func CheckFiles(t *testing.T, dir, ext string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range Replies() {
		names = append(names, c.Name+ext)
	}
	for _, e := range entries {
		if !slices.Contains(names, e.Name()) {
			t.Errorf("%s is no golden reply any more: remove it", filepath.Join(dir, e.Name()))
		}
	}
}
