package phonebook

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/werkplek/werkplek/intranet"
)

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Müller":             "muller",
		"Bjørn":              "bjorn",
		"Anouk van den Berg": "anouk van den berg",
		"'t Hart":            " t hart",
		"Ærø-Straße":         "aero strasse",
		"50% _x_":            "50   x ",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseName(t *testing.T) {
	for in, want := range map[string]Name{
		"Anouk van den Berg":  {"Anouk", "van den", "Berg"},
		"Jan de Vries":        {"Jan", "de", "Vries"},
		"Jan-Willem Jansen":   {"Jan-Willem", "", "Jansen"},
		"Anna Maria Bakker":   {"Anna Maria", "", "Bakker"},
		"Sanne van 't Hof":    {"Sanne", "van 't", "Hof"},
		"Pieter":              {"", "", "Pieter"},
		"Eva de Boer-Smit":    {"Eva", "de", "Boer-Smit"},
		"Fatima El Amrani":    {"Fatima", "", "El Amrani"},
		"Lotte van der Linde": {"Lotte", "van der", "Linde"},
	} {
		if got := ParseName(in); got != want {
			t.Errorf("ParseName(%q) = %+v, want %+v", in, got, want)
		}
	}
	if got := SortKey("Anouk van den Berg"); got != "berg anouk van den" {
		t.Errorf("SortKey = %q", got)
	}
}

func TestPhoneKey(t *testing.T) {
	for _, in := range []string{"0612345678", "06-12345678", "+31 6 1234 5678", "0031 6 12345678", "(06) 1234 5678"} {
		if got := PhoneKey(in); got != "31612345678" {
			t.Errorf("PhoneKey(%q) = %q", in, got)
		}
	}
	if q, ok := ParsePhoneQuery("5678"); !ok || q.Suffix != "5678" {
		t.Errorf("extension: %+v %v", q, ok)
	}
	if q, ok := ParsePhoneQuery("06-1234"); !ok || q.Prefix != "31612 34"[:5]+"34" {
		t.Errorf("partial: %+v %v", q, ok)
	}
	for _, not := range []string{"jansen", "12", "06-12a", ""} {
		if _, ok := ParsePhoneQuery(not); ok {
			t.Errorf("ParsePhoneQuery(%q) took it for a phone number", not)
		}
	}
}

func TestPersonTerms(t *testing.T) {
	p := &intranet.Person{Name: "Anouk van den Berg", Department: "Zorg Oost", Title: "Wijkverpleegkundige", Location: "Utrecht", Skills: []string{"Wondzorg", "EHBO"}}
	var got []string
	for _, term := range PersonTerms(p) {
		got = append(got, term.Field+":"+term.Term)
	}
	want := []string{"name:anouk", "name:berg", "location:utrecht", "skill:ehbo", "name:vandenberg", "title:wijkverpleegkundige", "skill:wondzorg", "department:oost", "department:zorg", "department:zorgoost"}
	if diff := cmp.Diff(sortStrings(want), sortStrings(got)); diff != "" {
		t.Errorf("terms (-want +got):\n%s", diff)
	}
}

func TestParseQuery(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Query
	}{
		{"jansen", Query{Words: []string{"jansen"}, Glued: []string{""}}},
		{"van den berg", Query{Words: []string{"berg"}, Glued: []string{"vandenberg"}}},
		{"van", Query{Words: []string{"van"}, Glued: []string{""}}},
		{"anouk dept:zorg", Query{Words: []string{"anouk"}, Glued: []string{""}, Department: "zorg"}},
		{`afd:"zorg oost" skill:ehbo`, Query{Department: "zorg oost", Skill: "ehbo"}},
		{"+31 6 1234 5678", Query{Phone: &PhoneQuery{Prefix: "31612345678"}}},
		{"Jan.DeVries@example.nl", Query{Email: "jan.devries@example.nl"}},
		{"50% _ '", Query{Words: []string{"50"}, Glued: []string{""}}},
	} {
		if diff := cmp.Diff(tc.want, ParseQuery(tc.in)); diff != "" {
			t.Errorf("ParseQuery(%q) (-want +got):\n%s", tc.in, diff)
		}
	}
}

func TestCandidates(t *testing.T) {
	dict := []string{"jansen", "janssen", "jan", "jannie", "berg", "vandenberg", "bakker", "muller", "bjorn"}
	top := func(word, glued string) string { return Candidates(word, glued, dict)[0].Term }
	for _, tc := range []struct{ word, glued, want string }{
		{"jansn", "", "jansen"}, {"muller", "", "muller"}, {"bjorn", "", "bjorn"},
		{"berg", "vandenberg", "vandenberg"}, {"vandenberg", "", "vandenberg"}, {"jan", "", "jan"},
	} {
		if got := top(tc.word, tc.glued); got != tc.want {
			t.Errorf("best candidate for %q = %q, want %q", tc.word, got, tc.want)
		}
	}
	if got := Suggest("jnsenn", dict, 2); len(got) == 0 || got[0] != "jansen" {
		t.Errorf("Suggest = %v", got)
	}
}

func TestParseCSV(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		in := "\xef\xbb\xbfname,email,phone,department,skills,roles,manager_email\n" +
			"Anouk van den Berg,Anouk.vandenBerg@example.nl,06-12345678,Zorg Oost,Wondzorg; EHBO,team lead;Admin,\n" +
			"Jan de Vries,jan.devries@example.nl,,Zorg Oost,,,anouk.vandenberg@example.nl\n"
		recs, probs := ParseCSV(strings.NewReader(in))
		if len(probs) > 0 {
			t.Fatalf("problems: %v", probs)
		}
		if len(recs) != 2 || recs[0].Email != "anouk.vandenberg@example.nl" || recs[0].Line != 2 || recs[1].Line != 3 ||
			!cmp.Equal(recs[0].Skills, []string{"Wondzorg", "EHBO"}) || !cmp.Equal(recs[0].Roles, []intranet.Role{intranet.RoleTeamLead, intranet.RoleAdmin}) {
			t.Fatalf("records: %+v", recs)
		}
	})
	t.Run("DutchHeaderAndRoles", func(t *testing.T) {
		// As a Dutch HR department heads its export, with its role names.
		in := "Naam;E-mailadres;Mobiel;Afdeling;Functie;Vaardigheden;Rollen\r\nJosé Müller;jose@example.nl;06-12345678;Zorg Oost;Verzorgende;wondzorg, EHBO;\"Teamleider; Beheerder\"\r\n"
		recs, probs := ParseCSV(strings.NewReader(in))
		if len(probs) > 0 {
			t.Fatalf("problems: %v", probs)
		}
		if len(recs) != 1 || recs[0].Name != "José Müller" || recs[0].Mobile != "06-12345678" || recs[0].Title != "Verzorgende" || !cmp.Equal(recs[0].Skills, []string{"wondzorg", "EHBO"}) ||
			!cmp.Equal(recs[0].Roles, []intranet.Role{intranet.RoleTeamLead, intranet.RoleAdmin}) {
			t.Fatalf("records: %+v", recs)
		}
	})
	t.Run("Organisation", func(t *testing.T) {
		// The Dutch header; spaces tidied; whether the file has the
		// column at all is told apart from an empty value.
		recs, probs := ParseCSV(strings.NewReader("naam;e-mail;organisatie\nAnna Smit;anna@thuiszorgmidden.nl;  Thuiszorg   Midden \nJan;jan@example.nl;\n"))
		if len(probs) > 0 || len(recs) != 2 || recs[0].Organisation != "Thuiszorg Midden" || !recs[0].OrganisationColumn || recs[1].Organisation != "" || !recs[1].OrganisationColumn {
			t.Fatalf("records %+v, problems %v", recs, probs)
		}
		recs, _ = ParseCSV(strings.NewReader("name,email\nJan,jan@example.nl\n"))
		if len(recs) != 1 || recs[0].OrganisationColumn {
			t.Fatalf("without the column: %+v", recs)
		}
		_, probs = ParseCSV(strings.NewReader("name,email,organisation\nJan,jan@example.nl," + strings.Repeat("x", MaxOrganisation+1) + "\n"))
		if len(probs) != 1 || probs[0].Reason != "organisation longer than 100 characters" {
			t.Fatalf("too long: %v", probs)
		}
	})
	for _, tc := range []struct {
		name, in string
		want     []intranet.ImportProblem
	}{
		{"ErrUnknownColumn", "name,email,shoe_size\n", []intranet.ImportProblem{{Line: 1, Reason: `unknown column "shoe_size"; the columns are name,email,phone,mobile,department,title,location,manager_email,skills,roles,employee_number,organisation`}}},
		{"ErrMissingEmailColumn", "name\nJan\n", []intranet.ImportProblem{{Line: 1, Reason: `column "email" is missing`}}},
		// Windows-1252 alone is read as such (csvfile); UTF-8 with a line
		// in something else has no one right reading.
		{"ErrMixedEncoding", "name,email\nZo\xc3\xab,zoe@example.nl\nJan M\xfcller,jan@example.nl\n", []intranet.ImportProblem{{Line: 3, Reason: "not UTF-8 while other lines are (mixed encodings): save the file as CSV UTF-8"}}},
		{"ErrLines", "name,email,roles\nJan,,\n,piet@example.nl,\nKees,kees@@example,\nEva,eva@example.nl,boss\nEva B,eva@example.nl,\n",
			[]intranet.ImportProblem{
				{Line: 2, Reason: "missing email"},
				{Line: 3, Reason: "missing name"},
				{Line: 4, Reason: `bad email "kees@@example"`},
				{Line: 5, Reason: `unknown role "boss"; roles are employee, content manager, room admin, team lead, admin, guest`},
				{Line: 6, Reason: "email eva@example.nl also on line 5"},
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, probs := ParseCSV(strings.NewReader(tc.in))
			if diff := cmp.Diff(tc.want, probs, cmpopts.IgnoreFields(intranet.ImportProblem{}, "ReasonNL")); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			for _, p := range probs {
				if p.ReasonNL == "" {
					t.Errorf("line %d: %q has no Dutch", p.Line, p.Reason)
				}
			}
		})
	}
}

func sortStrings(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}
