package store_test

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/phonebook"
	"github.com/werkplek/werkplek/intranet/store"
)

// testPeople is a small organisation with the names that make search hard.
const testPeople = `name,email,phone,mobile,department,title,location,manager_email,skills,roles
Anouk van den Berg,anouk.vandenberg@example.nl,030-1234567,06-11111111,Zorg Oost,Teamleider,Utrecht,,Wondzorg;Planning,team lead
Pieter Jansen,pieter.jansen@example.nl,030-2222222,0612345678,Zorg Oost,Verpleegkundige,Utrecht,anouk.vandenberg@example.nl,Wondzorg,
Kees Janssen,kees.janssen@example.nl,,06-33333333,Zorg West,Verzorgende,Amersfoort,anouk.vandenberg@example.nl,,
Jan de Vries,jan.devries@example.nl,,06-44444444,Zorg Oost,Wijkverpleegkundige,Utrecht,anouk.vandenberg@example.nl,EHBO,
Eva Bakker,eva.bakker@example.nl,,06-55555555,Zorg Oost,Planner,Utrecht,anouk.vandenberg@example.nl,Planning,
Sanne Müller,sanne.muller@example.nl,,06-66666666,ICT,Ontwikkelaar,Amsterdam,,Go;PostgreSQL,admin
Bjørn Hansen,bjorn.hansen@example.nl,,06-77777777,ICT,Beheerder,Amsterdam,sanne.muller@example.nl,Linux,
Lotte Berg,lotte.berg@example.nl,,06-88888888,Communicatie,Redacteur,Amsterdam,,Schrijven,content manager
Daan van der Berg,daan.vanderberg@example.nl,,06-99999999,Facilitair,Beheerder,Utrecht,,,room admin
Fatima el Amrani,fatima.elamrani@example.nl,020-7654321,,HR,Adviseur,Amsterdam,,,
`

func seed(t testing.TB, s *store.Store) {
	t.Helper()
	recs, probs := phonebook.ParseCSV(strings.NewReader(testPeople))
	if len(probs) > 0 {
		t.Fatalf("test data: %v", probs)
	}
	if _, err := s.ImportPeople(context.Background(), recs, false); err != nil {
		t.Fatalf("import: %v", err)
	}
}

func emails(res *intranet.SearchResult) []string {
	var out []string
	for _, m := range res.Matches {
		out = append(out, strings.Split(m.Person.Email, "@")[0])
	}
	return out
}

// searchCases is the search-quality table: every case the issue lists.
var searchCases = []struct {
	name  string
	in    intranet.PersonSearch
	first string   // the best match
	all   []string // exactly these, in this order, when set
}{
	{"exact surname", intranet.PersonSearch{Query: "jansen"}, "pieter.jansen", nil},
	{"typo", intranet.PersonSearch{Query: "jansn"}, "pieter.jansen", nil},
	{"typo double letter", intranet.PersonSearch{Query: "janssen"}, "kees.janssen", nil},
	{"no umlaut", intranet.PersonSearch{Query: "muller"}, "sanne.muller", nil},
	{"with umlaut", intranet.PersonSearch{Query: "Müller"}, "sanne.muller", nil},
	{"no slashed o", intranet.PersonSearch{Query: "bjorn"}, "bjorn.hansen", nil},
	{"surname without prefix", intranet.PersonSearch{Query: "berg"}, "anouk.vandenberg", []string{"anouk.vandenberg", "daan.vanderberg", "lotte.berg"}},
	{"surname with prefix", intranet.PersonSearch{Query: "van den berg"}, "anouk.vandenberg", nil},
	{"surname glued", intranet.PersonSearch{Query: "vandenberg"}, "anouk.vandenberg", []string{"anouk.vandenberg", "daan.vanderberg"}},
	{"given and surname", intranet.PersonSearch{Query: "anouk berg"}, "anouk.vandenberg", []string{"anouk.vandenberg"}},
	{"first name", intranet.PersonSearch{Query: "pieter"}, "pieter.jansen", []string{"pieter.jansen"}},
	{"mobile plain", intranet.PersonSearch{Query: "0612345678"}, "pieter.jansen", []string{"pieter.jansen"}},
	{"mobile dashed", intranet.PersonSearch{Query: "06-12345678"}, "pieter.jansen", []string{"pieter.jansen"}},
	{"mobile international", intranet.PersonSearch{Query: "+31 6 1234 5678"}, "pieter.jansen", []string{"pieter.jansen"}},
	{"phone partial", intranet.PersonSearch{Query: "030-22"}, "pieter.jansen", []string{"pieter.jansen"}},
	{"extension", intranet.PersonSearch{Query: "4321"}, "fatima.elamrani", []string{"fatima.elamrani"}},
	{"department word", intranet.PersonSearch{Query: "facilitair"}, "daan.vanderberg", []string{"daan.vanderberg"}},
	{"title", intranet.PersonSearch{Query: "planner"}, "eva.bakker", nil},
	{"skill word", intranet.PersonSearch{Query: "linux"}, "bjorn.hansen", []string{"bjorn.hansen"}},
	{"location", intranet.PersonSearch{Query: "amersfoort"}, "kees.janssen", []string{"kees.janssen"}},
	{"dept filter sorted by surname", intranet.PersonSearch{Departments: []string{"Zorg Oost"}}, "eva.bakker",
		[]string{"eva.bakker", "anouk.vandenberg", "pieter.jansen", "jan.devries"}},
	{"dept filter with name", intranet.PersonSearch{Query: "berg", Departments: []string{"Zorg Oost"}}, "anouk.vandenberg", []string{"anouk.vandenberg"}},
	{"skill filter", intranet.PersonSearch{Skills: []string{"Wondzorg"}}, "anouk.vandenberg", []string{"anouk.vandenberg", "pieter.jansen"}},
	{"skill filter with name", intranet.PersonSearch{Query: "jansen", Skills: []string{"Wondzorg"}}, "pieter.jansen", []string{"pieter.jansen"}},
	{"email", intranet.PersonSearch{Query: "Jan.DeVries@example.nl"}, "jan.devries", []string{"jan.devries"}},
}

func TestSearchPeople(t *testing.T) {
	results := map[string]map[string][]string{}
	var mu sync.Mutex
	engines(t, func(t *testing.T, s *store.Store) {
		seed(t, s)
		got := map[string][]string{}
		for _, tc := range searchCases {
			t.Run(tc.name, func(t *testing.T) {
				res, err := s.SearchPeople(context.Background(), tc.in)
				if err != nil {
					t.Fatal(err)
				}
				e := emails(res)
				got[tc.name] = e
				if len(e) == 0 || e[0] != tc.first {
					t.Fatalf("first = %v, want %s", e, tc.first)
				}
				if tc.all != nil {
					if diff := cmp.Diff(tc.all, e); diff != "" {
						t.Errorf("result (-want +got):\n%s", diff)
					}
				}
			})
		}
		mu.Lock()
		results[string(s.Engine())] = got
		mu.Unlock()
	})
	// Both engines give the same first result and the same top-10 set.
	pg, lite := results["postgres"], results["sqlite"]
	if pg == nil || lite == nil {
		return
	}
	for name, p := range pg {
		l := lite[name]
		if len(p) == 0 || len(l) == 0 || p[0] != l[0] {
			t.Errorf("%s: first differs: postgres %v, sqlite %v", name, p, l)
		}
		ps, ls := append([]string(nil), p...), append([]string(nil), l...)
		sort.Strings(ps)
		sort.Strings(ls)
		if !cmp.Equal(ps, ls) {
			t.Errorf("%s: top-10 set differs: postgres %v, sqlite %v", name, p, l)
		}
	}
}

func TestSearchNobody(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		seed(t, s)
		ctx := context.Background()
		res, err := s.SearchPeople(ctx, intranet.PersonSearch{Query: "jnsenn"})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Matches) != 0 || len(res.Suggestions) == 0 || res.Suggestions[0] != "Jansen" {
			t.Errorf("nobody with suggestions: %v %v", emails(res), res.Suggestions)
		}
		for _, q := range []string{"%", "_", "'", "' OR 1=1 --", "a%b", "x_y", `\`, "zzzzqqq"} {
			res, err := s.SearchPeople(ctx, intranet.PersonSearch{Query: q, Departments: []string{"Nergens"}})
			if err != nil {
				t.Errorf("%q: %v", q, err)
			} else if len(res.Matches) != 0 {
				t.Errorf("%q found %v", q, emails(res))
			}
		}
		if n, _ := s.CountPeople(ctx); n != 10 {
			t.Errorf("people = %d after odd queries", n)
		}
	})
}

func TestSearchLimitAndMore(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		var b strings.Builder
		b.WriteString("name,email,department\n")
		for i := 0; i < 25; i++ {
			fmt.Fprintf(&b, "Persoon%02d Jansen,p%02d@example.nl,Zorg\n", i, i)
		}
		recs, _ := phonebook.ParseCSV(strings.NewReader(b.String()))
		if _, err := s.ImportPeople(context.Background(), recs, false); err != nil {
			t.Fatal(err)
		}
		res, err := s.SearchPeople(context.Background(), intranet.PersonSearch{Query: "jansen"})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Matches) != 10 || !res.More || emails(res)[0] != "p00" || emails(res)[9] != "p09" {
			t.Errorf("got %v more=%v", emails(res), res.More)
		}
	})
}

func TestImportPeople(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s)
		t.Run("Idempotent", func(t *testing.T) {
			recs, _ := phonebook.ParseCSV(strings.NewReader(testPeople))
			sum, err := s.ImportPeople(ctx, recs, false)
			if err != nil || sum.Created != 0 || sum.Updated != 0 || len(sum.Lines) != 10 {
				t.Fatalf("re-import = %+v, %v", sum, err)
			}
			for _, l := range sum.Lines {
				if l.Change != intranet.ImportUnchanged || l.Fields != nil {
					t.Errorf("re-import: %+v", l)
				}
			}
			if n, _ := s.CountPeople(ctx); n != 10 {
				t.Fatalf("people = %d", n)
			}
		})
		t.Run("Lines", func(t *testing.T) {
			// Pieter moves to a department the file brings and gets another
			// title; Jan stays as he is; Nina is new.
			csv := "name,email,phone,mobile,department,title,location,manager_email,skills,roles\n" +
				"Pieter Jansen,pieter.jansen@example.nl,030-2222222,0612345678,Zorg Noord,Senior,Utrecht,anouk.vandenberg@example.nl,Wondzorg,\n" +
				"Jan de Vries,jan.devries@example.nl,,06-44444444,Zorg Oost,Wijkverpleegkundige,Utrecht,anouk.vandenberg@example.nl,EHBO,\n" +
				"Nina Nieuw,nina.nieuw@example.nl,,,Zorg Oost,,,,,\n"
			recs, probs := phonebook.ParseCSV(strings.NewReader(csv))
			if len(probs) > 0 {
				t.Fatal(probs)
			}
			want := []intranet.ImportLine{
				{Line: 2, Email: "pieter.jansen@example.nl", Name: "Pieter Jansen", Change: intranet.ImportChanged, Fields: []string{"department", "title"}},
				{Line: 3, Email: "jan.devries@example.nl", Name: "Jan de Vries", Change: intranet.ImportUnchanged},
				{Line: 4, Email: "nina.nieuw@example.nl", Name: "Nina Nieuw", Change: intranet.ImportAdded},
			}
			dry, err := s.ImportPeople(ctx, recs, true)
			if err != nil || dry.Created != 1 || dry.Updated != 1 {
				t.Fatalf("dry run = %+v, %v", dry, err)
			}
			if d := cmp.Diff(want, dry.Lines); d != "" {
				t.Errorf("dry run lines (-want +got):\n%s", d)
			}
			if _, err := s.FindPersonByEmail(ctx, "nina.nieuw@example.nl"); intranet.ErrorCode(err) != intranet.ENOTFOUND {
				t.Fatalf("a dry run wrote something: %v", err)
			}
			sum, err := s.ImportPeople(ctx, recs, false)
			if err != nil || sum.Created != 1 || sum.Updated != 1 {
				t.Fatalf("import = %+v, %v", sum, err)
			}
			if d := cmp.Diff(want, sum.Lines); d != "" {
				t.Errorf("import lines (-want +got):\n%s", d)
			}
			if p, err := s.FindPersonByEmail(ctx, "pieter.jansen@example.nl"); err != nil || p.Department != "Zorg Noord" {
				t.Fatalf("person = %+v, %v", p, err)
			}
		})
		t.Run("Update", func(t *testing.T) {
			recs, _ := phonebook.ParseCSV(strings.NewReader("name,email,department,title\nPieter Jansen-Smit,PIETER.JANSEN@example.nl,Zorg West,Senior\n"))
			sum, err := s.ImportPeople(ctx, recs, false)
			if err != nil || sum.Updated != 1 || sum.Created != 0 {
				t.Fatalf("update = %+v, %v", sum, err)
			}
			p, err := s.FindPersonByEmail(ctx, "pieter.jansen@example.nl")
			if err != nil || p.Name != "Pieter Jansen-Smit" || p.Department != "Zorg West" || p.Title != "Senior" {
				t.Fatalf("person = %+v, %v", p, err)
			}
			res, _ := s.SearchPeople(ctx, intranet.PersonSearch{Query: "smit"})
			if e := emails(res); len(e) != 1 || e[0] != "pieter.jansen" {
				t.Errorf("search new name: %v", e)
			}
		})
		t.Run("ErrUnknownManager", func(t *testing.T) {
			recs, _ := phonebook.ParseCSV(strings.NewReader("name,email,manager_email\nNieuw Persoon,nieuw@example.nl,baas@example.nl\nTweede,tweede@example.nl,nieuw@example.nl\n"))
			_, err := s.ImportPeople(ctx, recs, false)
			var ie *intranet.ImportError
			if !errors.As(err, &ie) || len(ie.Problems) != 1 || ie.Problems[0].Line != 2 {
				t.Fatalf("err = %v", err)
			}
			if _, err := s.FindPersonByEmail(ctx, "tweede@example.nl"); intranet.ErrorCode(err) != intranet.ENOTFOUND {
				t.Errorf("a refused import wrote something: %v", err)
			}
		})
		t.Run("Card", func(t *testing.T) {
			p, err := s.FindPersonByEmail(ctx, "jan.devries@example.nl")
			if err != nil {
				t.Fatal(err)
			}
			if p.Manager != "Anouk van den Berg" || p.ManagerID == 0 || p.Department != "Zorg Oost" || !cmp.Equal(p.Skills, []string{"EHBO"}) {
				t.Errorf("card = %+v", p)
			}
			a, _ := s.FindPersonByEmail(ctx, "anouk.vandenberg@example.nl")
			if !a.Has(intranet.RoleTeamLead) {
				t.Errorf("roles = %v", a.Roles)
			}
			if _, err := s.FindPersonByID(ctx, 999999); intranet.ErrorCode(err) != intranet.ENOTFOUND {
				t.Errorf("unknown id: %v", err)
			}
		})
		t.Run("Lists", func(t *testing.T) {
			d, _ := s.Departments(ctx)
			sk, _ := s.Skills(ctx)
			// Six from the seed; Zorg Noord, which Pieter joined in Lines
			// and left in Update, has nobody and is not listed.
			if len(d) != 6 || contains(d, "Zorg Noord") || !contains(sk, "Wondzorg") || !contains(sk, "EHBO") {
				t.Errorf("departments %v skills %v", d, sk)
			}
		})
	})
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestAccountsAndLanguage(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s)
		p, _ := s.FindPersonByEmail(ctx, "jan.devries@example.nl")
		if _, err := s.FindAccount(ctx, intranet.PlatformSlack, "T1", "U1"); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Fatalf("unlinked: %v", err)
		}
		a := intranet.Account{Platform: intranet.PlatformSlack, Installation: "T1", UserID: "U1", UserName: "jan", PersonID: p.ID}
		if err := s.LinkAccount(ctx, a); err != nil {
			t.Fatal(err)
		}
		a.UserName = "jan.devries"
		if err := s.LinkAccount(ctx, a); err != nil {
			t.Fatal(err)
		}
		got, err := s.FindAccount(ctx, intranet.PlatformSlack, "T1", "U1")
		if err != nil || *got != a {
			t.Fatalf("account = %+v, %v", got, err)
		}
		if err := s.SetLanguage(ctx, p.ID, "en"); err != nil {
			t.Fatal(err)
		}
		p, _ = s.FindPersonByID(ctx, p.ID)
		if p.Language != "en" || len(p.Accounts) != 1 || p.Accounts[0].UserName != "jan.devries" {
			t.Errorf("person = %+v", p)
		}
		// A new people file that changes Jan keeps what he chose himself.
		if err := s.SetQuietHours(ctx, p.ID, "08:00-16:00"); err != nil {
			t.Fatal(err)
		}
		recs, probs := phonebook.ParseCSV(strings.NewReader(strings.Replace(testPeople, "Wijkverpleegkundige", "Senior wijkverpleegkundige", 1)))
		if len(probs) > 0 {
			t.Fatal(probs)
		}
		if sum, err := s.ImportPeople(ctx, recs, false); err != nil || sum.Updated != 1 {
			t.Fatalf("re-import: %+v, %v", sum, err)
		}
		p, _ = s.FindPersonByID(ctx, p.ID)
		if p.Title != "Senior wijkverpleegkundige" || p.Language != "en" || p.QuietHours != "08:00-16:00" {
			t.Errorf("after a re-import: title %q, language %q, quiet hours %q", p.Title, p.Language, p.QuietHours)
		}
	})
}

var _ = store.Postgres
