package markup

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/werkplek/werkplek/intranet"
)

// show writes spans as a small HTML-like tree, so that a table reads well.
func show(spans []Span) string {
	var b strings.Builder
	for _, sp := range spans {
		switch sp.Kind {
		case Text:
			b.WriteString(sp.Text)
		case Bold:
			b.WriteString("<b>" + show(sp.Children) + "</b>")
		case Italic:
			b.WriteString("<i>" + show(sp.Children) + "</i>")
		case Code:
			b.WriteString("<code>" + sp.Text + "</code>")
		case Link:
			b.WriteString("<a " + sp.URL + ">" + show(sp.Children) + "</a>")
		case Mention:
			b.WriteString("<@" + sp.ID + "=" + sp.Name + ">")
		case URL:
			b.WriteString("<url>" + sp.Text + "</url>")
		case Bullet:
			fmt.Fprintf(&b, "<li%d>", sp.Indent)
		}
	}
	return b.String()
}

// source writes spans back in the markup they were read from.
func source(spans []Span) string {
	var b strings.Builder
	for _, sp := range spans {
		switch sp.Kind {
		case Text, URL:
			b.WriteString(sp.Text)
		case Bold:
			b.WriteString("*" + source(sp.Children) + "*")
		case Italic:
			b.WriteString("_" + source(sp.Children) + "_")
		case Code:
			b.WriteString("`" + sp.Text + "`")
		case Link:
			b.WriteString("[" + source(sp.Children) + "](" + sp.URL + ")")
		case Mention:
			if sp.Name == "" {
				b.WriteString("<@" + sp.ID + ">")
			} else {
				b.WriteString("<@" + sp.ID + "|" + sp.Name + ">")
			}
		case Bullet:
			b.WriteString(strings.Repeat(" ", sp.Indent) + "- ")
		}
	}
	return b.String()
}

func TestParse(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"empty", "", ""},
		{"plain", "Goedemorgen, Zoë Çelik", "Goedemorgen, Zoë Çelik"},
		{"bold italic code", "*vet* _schuin_ `code`", "<b>vet</b> <i>schuin</i> <code>code</code>"},
		{"bold in a sentence", "3 collega's voor *jansen*.", "3 collega's voor <b>jansen</b>."},
		{"bold in parentheses", "(*vet*)", "(<b>vet</b>)"},
		{"accents inside", "*Zoë Çelik* en _café_", "<b>Zoë Çelik</b> en <i>café</i>"},
		{"accent before a mark", "é*x*", "é*x*"},
		{"accent after a mark", "*x*é", "*x*é"},
		{"snake_case", "zie snake_case_naam", "zie snake_case_naam"},
		{"snake_case in italic", "_snake_case_", "<i>snake_case</i>"},
		{"underscore in bold", "*vet_met_underscore*", "<b>vet_met_underscore</b>"},
		{"multiplication", "2*3*4 en 2 * 3", "2*3*4 en 2 * 3"},
		{"spaced stars", "a * b * c", "a * b * c"},
		{"space inside the closer", "*a *", "*a *"},
		{"double stars", "**al vet**", "**al vet**"},
		{"empty marks", "** __ ``", "** __ ``"},
		{"unclosed bold", "*open", "*open"},
		{"unclosed italic", "_open en *dicht*", "_open en <b>dicht</b>"},
		{"unclosed code", "`open", "`open"},
		{"marks do not cross lines", "*open\nzonder eind*", "*open\nzonder eind*"},
		{"code does not cross lines", "`a\nb`", "`a\nb`"},
		{"nested", "*vet _en schuin_*", "<b>vet <i>en schuin</i></b>"},
		{"nested tight", "_*beide*_", "<i><b>beide</b></i>"},
		{"crossed", "*a _b* c_", "<b>a _b</b> c_"},
		{"first closer wins", "*a *b* c*", "<b>a *b</b> c*"},
		{"star inside a word closes not", "*a*b*", "<b>a*b</b>"},
		{"code holds marks", "`*niet vet*` en `a_b`", "<code>*niet vet*</code> en <code>a_b</code>"},
		{"code inside bold", "*`x`*", "<b><code>x</code></b>"},
		{"code stops a closer", "*a `b* c`", "*a <code>b* c</code>"},
		{"code inside a word", "a`b`c", "a<code>b</code>c"},
		{"link", "[het rooster](https://werkplek.example.nl/rooster)", "<a https://werkplek.example.nl/rooster>het rooster</a>"},
		{"chat links of a card", "[Slack](https://slack.com/app_redirect?channel=U1&team=T1) · [Teams](https://teams.microsoft.com/l/chat/0/0?users=jan.devries%40example.nl)",
			"<a https://slack.com/app_redirect?channel=U1&team=T1>Slack</a> · <a https://teams.microsoft.com/l/chat/0/0?users=jan.devries%40example.nl>Teams</a>"},
		{"link with parentheses", "[Foo](https://nl.wikipedia.org/wiki/Foo_(bar))", "<a https://nl.wikipedia.org/wiki/Foo_(bar)>Foo</a>"},
		{"link in parentheses", "(zie [dit](https://x.nl/a_b))", "(zie <a https://x.nl/a_b>dit</a>)"},
		{"link with underscores and stars", "[*x*](https://e.nl/a*b*c_d_)", "<a https://e.nl/a*b*c_d_><b>x</b></a>"},
		{"mailto and tel", "[mail](mailto:jan@example.nl) [06 1234](tel:+31612345678)", "<a mailto:jan@example.nl>mail</a> <a tel:+31612345678>06 1234</a>"},
		{"scheme in capitals", "[x](HTTPS://X.NL)", "<a HTTPS://X.NL>x</a>"},
		{"unknown scheme", "[x](javascript:alert(1))", "[x](javascript:alert(1))"},
		{"relative target", "[x](/pad)", "[x](/pad)"},
		{"space in target", "[06 1234](tel:+316 1234)", "[06 1234](tel:+316 1234)"},
		{"unbalanced target", "[x](https://x.nl/(a", "[x](<url>https://x.nl/(a</url>"},
		{"bracket in label", "[[x](https://x.nl)", "[<a https://x.nl>x</a>"},
		{"empty label", "[](https://x.nl)", "[](<url>https://x.nl</url>)"},
		{"label holds no mention", "[<@U1|Jan>](https://x.nl)", "<a https://x.nl><@U1|Jan></a>"},
		{"mention", "<@U0ANNABAKKR|Anna Bakker> vraagt", "<@U0ANNABAKKR=Anna Bakker> vraagt"},
		{"mention without name", "<@U456>", "<@U456=>"},
		{"mention with an empty name", "<@U456|>", "<@U456=>"},
		{"teams mention", "<@29:1kDr-x_Y|Zoë Çelik>", "<@29:1kDr-x_Y=Zoë Çelik>"},
		{"console mention", "<@jan@example.nl|Jan de Vries>", "<@jan@example.nl=Jan de Vries>"},
		{"mention in bold", "*<@U1|Jan>*", "<b><@U1=Jan></b>"},
		{"broken mentions", "<@ x> <@> <@a\nb> <@", "<@ x> <@> <@a\nb> <@"},
		{"less than", "5 < 6 & 7 > 3 <tag>", "5 < 6 & 7 > 3 <tag>"},
		{"bare address", "zie https://x.nl/a_b_c/?q=1&r=2.", "zie <url>https://x.nl/a_b_c/?q=1&r=2</url>."},
		{"bare address in parentheses", "(https://nl.wikipedia.org/wiki/Foo_(bar))", "(<url>https://nl.wikipedia.org/wiki/Foo_(bar)</url>)"},
		{"bare address in bold", "*https://x.nl*", "<b><url>https://x.nl</url></b>"},
		{"bare address with stars", "https://x.nl/*a*", "<url>https://x.nl/*a</url>*"},
		{"no address inside a word", "xhttps://x.nl", "xhttps://x.nl"},
		{"scheme only", "https://", "https://"},
		{"bullets", "- een\n- *twee*\n  - drie\n-vier\n - ", "<li0>een\n<li0><b>twee</b>\n<li2>drie\n-vier\n<li1>"},
		{"bold across a bullet's start", "- *a\n- b*", "<li0>*a\n<li0>b*"},
		{"crlf", "*a*\r\n_b_", "<b>a</b>\r\n<i>b</i>"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Parse(tc.in)
			if s := show(got); s != tc.want {
				t.Errorf("Parse(%q) = %s, want %s", tc.in, s, tc.want)
			}
			if s := source(got); s != tc.in && !strings.Contains(tc.in, "|>") {
				t.Errorf("Parse(%q) writes back as %q", tc.in, s)
			}
		})
	}
}

func TestParseOneTextSpan(t *testing.T) {
	for _, in := range []string{"Goedemorgen", "regel een\nregel twee", "2*3 = 6", "snake_case", "a - b", "Zoë"} {
		want := []Span{{Kind: Text, Text: in}}
		if d := cmp.Diff(want, Parse(in)); d != "" {
			t.Errorf("Parse(%q) (-want +got):\n%s", in, d)
		}
	}
	if got := Parse(""); got != nil {
		t.Errorf("Parse(\"\") = %v, want nothing", got)
	}
}

func TestPlain(t *testing.T) {
	in := "- *Vet* en _schuin_ `code`, [het rooster](https://x.nl), <@U1|Anna Bakker>, <@U2> https://x.nl"
	if got, want := Plain(Parse(in), nil), "- Vet en schuin code, het rooster, Anna Bakker, U2 https://x.nl"; got != want {
		t.Errorf("Plain = %q, want %q", got, want)
	}
	at := func(s Span) string { return "@" + s.Who() }
	if got, want := Plain(Parse("<@U1|anna> en 2*3"), at), "@anna en 2*3"; got != want {
		t.Errorf("Plain with names = %q, want %q", got, want)
	}
}

// Hostile input stays linear: 50 000 marks without a closer take
// milliseconds (a reading that rescanned the line per mark would take
// minutes). The bound is loose so that a loaded machine passes.
func TestParseLinear(t *testing.T) {
	for _, unit := range []string{"*a ", "_a ", "[a](", "<@a", "`", "*_", "https://", "*[a](https://x.nl/", "*`a` "} {
		start := time.Now()
		Parse(strings.Repeat(unit, 50000))
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("%q × 50000: %v", unit, d)
		}
	}
}

func BenchmarkParse(b *testing.B) {
	s := strings.Repeat("- *Pieter Jansen* (_Zorg Oost_) vraagt: zie [het rooster](https://werkplek.example.nl/rooster) of bel <@U0ANNABAKKR|Anna Bakker>, code `ABC-12`.\n", 20)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Parse(s)
	}
}

func TestUnwrap(t *testing.T) {
	in := Parse("*Vet* en _schuin *vet*_ [*x*](https://x.nl)")
	if got, want := show(Unwrap(in, Bold)), "Vet en <i>schuin vet</i> <a https://x.nl>x</a>"; got != want {
		t.Errorf("Unwrap(Bold) = %s, want %s", got, want)
	}
	if got, want := show(Unwrap(in, Italic)), "<b>Vet</b> en schuin <b>vet</b> <a https://x.nl><b>x</b></a>"; got != want {
		t.Errorf("Unwrap(Italic) = %s, want %s", got, want)
	}
}

// TestEscapes: a backslash before a sign of the markup makes it text, the
// way intranet.Plain writes what a person typed; elsewhere it stays.
func TestEscapes(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`\*bold\*`, "*bold*"},
		{`*a\*`, "*a*"},
		{`\_x\_ \[l\](https://x.example) \<@U1\> \<!here\>`, "_x_ [l](<url>https://x.example</url>) <@U1> <!here>"},
		{"\\`code\\`", "`code`"},
		{`\- no bullet`, "- no bullet"},
		{`\\*b*`, `\<b>b</b>`},
		{`C:\Users\x`, `C:\Users\x`},
		{`*a \* b*`, "<b>a * b</b>"},
	} {
		if got := show(Parse(c.in)); got != c.want {
			t.Errorf("%q: got %q, want %q", c.in, got, c.want)
		}
	}
}

// TestPlainTextShowsAsTyped: what intranet.Plain writes reads back as the
// text typed, with no mark, mention or link made of it (bare addresses
// stay addresses), and @here broken so that it notifies nobody.
func TestPlainTextShowsAsTyped(t *testing.T) {
	for _, typed := range []string{
		"*Gratis* bank _snel_ `code` [foto](https://x.example/a)",
		"<@U123> <!channel> <!everyone> @here @channel",
		"- a list\n  - indented\nC:\\Users\\me and \\* done",
		"see https://x.example/a_b*c and 2*3*4 snake_case",
		"Vraag het @jan.devries (@anouk) of mail jan@example.nl, ＠pieter",
	} {
		spans := Parse(intranet.Plain(typed))
		for _, sp := range spans {
			if sp.Kind != Text && sp.Kind != URL {
				t.Errorf("%q: a %v span in %s", typed, sp.Kind, show(spans))
			}
		}
		if got := strings.NewReplacer("@\u2060", "@", "＠\u2060", "＠").Replace(Plain(spans, nil)); got != typed {
			t.Errorf("%q reads back as %q", typed, got)
		}
	}
	if strings.Contains(intranet.Plain("@here @channel @all @everyone"), "@h") {
		t.Error("@here not broken")
	}
	// A mention of one person pings them on Mattermost: broken too; the "@"
	// of an email address is no mention and stays.
	if got := intranet.Plain("(@jan.devries) jan@example.nl"); got != "(@\u2060jan.devries) jan@example.nl" {
		t.Errorf("a person's mention or an email address: %q", got)
	}
}

// A person mention the outbox did not rewrite for a platform is its name,
// as text: no renderer gets an id that no platform knows.
func TestParsePersonMention(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"person", "Van <@person:42|Sanne van Dijk>.", "Van Sanne van Dijk."},
		{"beside a platform mention", "<@person:42|Sanne> en <@U1|Jan>", "Sanne en <@U1=Jan>"},
		{"in bold", "*<@person:42|Sanne>*", "<b>Sanne</b>"},
		{"escaped", `\<@person:42|Sanne>`, "<@person:42|Sanne>"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if s := show(Parse(tc.in)); s != tc.want {
				t.Errorf("Parse(%q) = %s, want %s", tc.in, s, tc.want)
			}
		})
	}
	if d := cmp.Diff([]Span{{Kind: Text, Text: "Van Sanne van Dijk."}}, Parse("Van <@person:42|Sanne van Dijk>.")); d != "" {
		t.Errorf("a person mention is not text (-want +got):\n%s", d)
	}
}
