package grammar

import (
	"strings"
	"testing"
)

func TestReadKm(t *testing.T) {
	for _, tc := range []struct {
		in    string
		km    float64
		words int
	}{
		{"23", 23, 1}, {"23,5", 23.5, 1}, {"23.5", 23.5, 1}, {"23km", 23, 1}, {"23,5 km", 23.5, 2}, {"0,5", 0.5, 1}, {"23 Utrecht", 23, 1},
	} {
		km, n, ok, err := readKm(strings.Fields(tc.in))
		if !ok || err != nil || km != tc.km || n != tc.words {
			t.Errorf("readKm(%q) = %v %d %v %v", tc.in, km, n, ok, err)
		}
	}
	for _, in := range []string{"Utrecht", "23-5", "#3", ""} {
		if _, _, ok, err := readKm(strings.Fields(in)); ok || err != nil {
			t.Errorf("readKm(%q) = %v %v, want nothing", in, ok, err)
		}
	}
	for _, in := range []string{"23,55", "0", "0,0", "200000"} {
		if _, _, ok, err := readKm(strings.Fields(in)); !ok || err == nil || err.NL == err.EN {
			t.Errorf("readKm(%q) = %v %v, want a mistake in both languages", in, ok, err)
		}
	}
}

func TestJoinedUsage(t *testing.T) {
	cmd := &Command{Word: W("km"), Subs: []Sub{{Args: []Arg{{Name: "date", Kind: Date}, {Name: "km", Kind: Km, Optional: true},
		{Name: "from", Kind: Name, Optional: true, Joined: true, Placeholder: "<from>", PlaceholderNL: "<van>"},
		{Name: "toword", Kind: Literal, Word: W("to", "naar"), Optional: true, Joined: true}}}}}
	if got := Usage(cmd, &cmd.Subs[0], "nl"); got != "/km <datum> [<km> <van> naar]" {
		t.Errorf("usage %q", got)
	}
}
