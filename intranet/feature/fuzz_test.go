package feature_test

import "testing"

// FuzzParse types anything at the whole grammar: nothing panics, and a
// command that reads without a mistake writes back (String, what a button
// carries) to a command that reads as the same.
func FuzzParse(f *testing.F) {
	for _, tc := range parses {
		f.Add(tc.in)
	}
	for _, tc := range mistakes {
		f.Add(tc.in)
	}
	g := all()
	f.Fuzz(func(t *testing.T, text string) {
		p, err := g.Parse(text, today)
		if err != nil {
			return
		}
		canonical := p.String()
		again, err := g.Parse(canonical, today)
		if err != nil {
			t.Fatalf("%q reads as %q, which does not read: %v", text, canonical, err)
		}
		if again.String() != canonical {
			t.Fatalf("%q reads as %q, which reads as %q", text, canonical, again.String())
		}
	})
}

// BenchmarkParse reads the table's commands, one per iteration, with the
// whole grammar: the cost the command language adds to every request.
//
//	go test ./intranet/feature -run '^$' -bench Parse
func BenchmarkParse(b *testing.B) {
	g := all()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := g.Parse(parses[i%len(parses)].in, today); err != nil {
			b.Fatal(err)
		}
	}
}
