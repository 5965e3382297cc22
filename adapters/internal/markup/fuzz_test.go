package markup

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse: whatever the text, Parse does not panic, loses and adds
// nothing (the spans write back as the text, but for a mention's empty
// name), reads its own writing the same way, keeps valid UTF-8 valid, and a
// text without marks is one text span. `go test -fuzz FuzzParse` explores
// further; the seeds run in every `go test`.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"", "Goedemorgen", "*vet* _schuin_ `code` [a](https://x.nl/(b)) <@U1|Zoë Çelik> https://x.nl/a_b.",
		"- een\n  - *twee*\n-drie", "*a _b* c_", "_*beide*_", "2*3*4 snake_case", "<@U1|> <@> [](tel:1)",
		"*`x`*", "[*x*](https://e.nl/a*b*c)", "\xff*\xfe*", strings.Repeat("*_", 50),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		spans := Parse(s)
		back := source(spans)
		if !strings.Contains(s, "|>") && back != s {
			t.Fatalf("Parse(%q) writes back as %q: %s", s, back, show(spans))
		}
		if again := source(Parse(back)); again != back {
			t.Fatalf("Parse(%q) writes back as %q, then as %q", s, back, again)
		}
		if utf8.ValidString(s) {
			if p := Plain(spans, nil); !utf8.ValidString(p) {
				t.Fatalf("Plain(Parse(%q)) = %q is not valid UTF-8", s, p)
			}
		}
		if !strings.ContainsAny(s, "*_`[<") && !strings.Contains(strings.ToLower(s), "http") && !bulleted(s) {
			if s == "" && spans != nil || s != "" && (len(spans) != 1 || spans[0].Kind != Text || spans[0].Text != s) {
				t.Fatalf("Parse(%q) = %s, want one text span", s, show(spans))
			}
		}
	})
}

func bulleted(s string) bool {
	for line := range strings.SplitSeq(s, "\n") {
		if strings.HasPrefix(strings.TrimLeft(line, " "), "- ") {
			return true
		}
	}
	return false
}
