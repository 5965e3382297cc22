package grammar

import "testing"

// FuzzQuote: whatever Quote says it can keep whole, Tokenize reads back as
// that one text; Tokenize never panics.
func FuzzQuote(f *testing.F) {
	for _, s := range []string{"De Dom", "'s-Hertogenbosch", "in 't Veld", `say "hi"`, "<@U1|Jan de Vries>", "a|b", "dept:zorg", "14:00 - 15:00", "„x\"", "«y»"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		Tokenize(text)
		q, ok := Quote(text)
		if !ok {
			return
		}
		toks := Tokenize(q)
		if len(toks) != 1 || toks[0].Text != text {
			t.Errorf("Quote(%q) = %q reads back as %+v", text, q, toks)
		}
	})
}
