package grammar

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/werkplek/werkplek/intranet/when"
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

func TestJoinedAndRest(t *testing.T) {
	cmd := &Command{Word: W("trip"), Subs: []Sub{{Args: []Arg{{Name: "km", Kind: Km, Optional: true},
		{Name: "from", Kind: Name, Optional: true, Joined: true},
		{Name: "toword", Kind: Literal, Word: W("to", "naar"), Optional: true, Joined: true},
		{Name: "to", Kind: Name, Optional: true, Joined: true}},
		Options: []Option{{Key: W("back"), Kind: Flag}, {Key: W("purpose"), Kind: Text, Rest: true}}}}}
	g := New(cmd)
	for _, tc := range []struct{ in, want string }{
		{"/trip", "/trip"},
		{"/trip 23 A naar B", "/trip 23 A to B"},
		{"/trip 23 A naar B purpose:visit Mrs Jansen", `/trip 23 A to B purpose:"visit Mrs Jansen"`},
		{"/trip 23 A naar B purpose:visit Mrs Jansen back", `/trip 23 A to B back:yes purpose:"visit Mrs Jansen"`},
		{"/trip purpose:visit 23 A naar B", "/trip 23 A to B purpose:visit"}, // the arguments keep their words
		{"/trip purpose:visit Mrs Jansen", `/trip purpose:"visit Mrs Jansen"`},
	} {
		p, err := g.Parse(tc.in, today())
		if err != nil || p.String() != tc.want {
			t.Errorf("%s: %v %v, want %s", tc.in, p, err, tc.want)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"/trip 23", "Ik mis `<naam>`."},
		{"/trip 23 A", "Ik mis `naar`."},
		{"/trip 23 A naar", "Ik mis `<naam>`."},
		{"/trip A naar B 23", "Zet de kilometers vóór de plaatsen: `23 A naar B`."},
		{"/trip A naar B 23,5 km", "Zet de kilometers vóór de plaatsen: `23,5 km A naar B`."},
		{"/trip A naar B", "`A` is geen aantal kilometers"},
	} {
		_, err := g.Parse(tc.in, today())
		var e *Error
		if !errors.As(err, &e) || !strings.Contains(e.Message("nl"), tc.want) {
			t.Errorf("%s: %v, want %q", tc.in, err, tc.want)
		}
	}
}

func today() when.Date { return when.Date{Year: 2026, Month: time.November, Day: 27} }

// TestTimeBeforeOptionalDate: where an optional date stands before the
// hours, "8-9" alone is the time (as "10-11" alone is everywhere), not 8
// September; before a time it is the date.
func TestTimeBeforeOptionalDate(t *testing.T) {
	cmd := &Command{Word: W("hours"), Direction: when.Back, Subs: []Sub{{Path: []Word{W("edit")}, Args: []Arg{{Name: "id", Kind: ID},
		{Name: "date", Kind: Date, Optional: true}, {Name: "time", Kind: Worked, Optional: true}, {Name: "note", Kind: Text, Optional: true}}}}}
	g := New(cmd)
	for _, tc := range []struct{ in, date, time, note string }{
		{"/hours edit 12 8-9", "", "08:00-09:00", ""},
		{"/hours edit 12 8-12 Overleg", "", "08:00-12:00", "Overleg"},
		{"/hours edit 12 8-9 07:00-15:30", "2026-09-08", "07:00-15:30", ""},
		{"/hours edit 12 8-9 7,5u", "2026-09-08", "7h30", ""},
		{"/hours edit 12 30-11", "2025-11-30", "", ""},
		{"/hours edit 12 gisteren", "2026-11-26", "", ""},
	} {
		p, err := g.Parse(tc.in, today())
		if err != nil {
			t.Errorf("%s: %v", tc.in, err)
			continue
		}
		var date, worked string
		if d, ok := p.Date("date"); ok {
			date = d.String()
		}
		if w, ok := p.Worked("time"); ok {
			worked = w.String()
		}
		if date != tc.date || worked != tc.time || p.Text("note") != tc.note {
			t.Errorf("%s: date %q time %q note %q, want %q %q %q", tc.in, date, worked, p.Text("note"), tc.date, tc.time, tc.note)
		}
	}
}

// TestPathWordOfSeveralWords: a path word's alias of several words ("tot
// en met") takes as many tokens; its single words still work alone, and
// a quoted phrase is no path.
func TestPathWordOfSeveralWords(t *testing.T) {
	cmd := &Command{Word: W("profile"), Subs: []Sub{{Path: []Word{W("away"), W("until", "tot", "t/m", "tot en met")},
		Args: []Arg{{Name: "date", Kind: Date}, {Name: "note", Kind: Text, Optional: true}}}}}
	g := New(cmd)
	for _, tc := range []struct{ in, date, note string }{
		{"/profile away tot en met 4 dec ziek", "2026-12-04", "ziek"},
		{"/profile away Tot En Met 4 dec", "2026-12-04", ""},
		{"/profile away tot 4 dec en met verlof", "2026-12-04", "en met verlof"},
		{"/profile away t/m 4 dec", "2026-12-04", ""},
	} {
		p, err := g.Parse(tc.in, today())
		if err != nil {
			t.Errorf("%s: %v", tc.in, err)
			continue
		}
		if d, _ := p.Date("date"); d.String() != tc.date || p.Text("note") != tc.note {
			t.Errorf("%s: date %s note %q, want %s %q", tc.in, d, p.Text("note"), tc.date, tc.note)
		}
	}
	if _, err := g.Parse(`/profile away "tot en met" 4 dec`, today()); err == nil {
		t.Error("a quoted phrase read as the path")
	}
}
