package grammar

import "testing"

// TestExampleMarks: an example's marks show a real name when one is given
// (quoted where the command needs it, also after a key:), else the kind's
// placeholder in the reader's language.
func TestExampleMarks(t *testing.T) {
	sub := &Sub{Example: "/room book {room} tomorrow 14-15 dept:{department}", ExampleNL: "/room book {room} morgen 14-15 afd:{department}"}
	if !sub.ExampleMarks() || (&Sub{Example: "/room cancel 12"}).ExampleMarks() {
		t.Fatal("ExampleMarks")
	}
	for _, tc := range []struct {
		lang  string
		names Examples
		want  string
	}{
		{"nl", nil, "/room book <ruimte> morgen 14-15 afd:<afdeling>"},
		{"en", nil, "/room book <room> tomorrow 14-15 dept:<department>"},
		{"en", Examples{Room: "Stilte"}, "/room book Stilte tomorrow 14-15 dept:<department>"},
		{"nl", Examples{Room: "De Dom", Department: "Zorg West"}, `/room book "De Dom" morgen 14-15 afd:"Zorg West"`},
	} {
		if got := Example(sub, tc.lang, tc.names); got != tc.want {
			t.Errorf("Example(%s, %v) = %q, want %q", tc.lang, tc.names, got, tc.want)
		}
	}
}
