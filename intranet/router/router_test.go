package router_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/werkplek/werkplek/internal/pgtest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/phonebook"
	"github.com/werkplek/werkplek/intranet/router"
	"github.com/werkplek/werkplek/intranet/store"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

const people = `name,email,mobile,department,title,location,manager_email,skills,roles
Anouk van den Berg,anouk.vandenberg@example.nl,06-11111111,Zorg Oost,Teamleider,Utrecht,,Wondzorg,team lead
Pieter Jansen,pieter.jansen@example.nl,0612345678,Zorg Oost,Verpleegkundige,Utrecht,anouk.vandenberg@example.nl,Wondzorg,
Kees Janssen,kees.janssen@example.nl,06-33333333,Zorg West,Verzorgende,Amersfoort,anouk.vandenberg@example.nl,,
Jan de Vries,jan.devries@example.nl,06-44444444,Zorg Oost,Wijkverpleegkundige,Utrecht,anouk.vandenberg@example.nl,EHBO,
Gijs Gast,gijs@partner.example,,Extern,Adviseur,,,,guest
`

// engines runs fn with a router over a fresh store, once per engine.
func engines(t *testing.T, fn func(t *testing.T, r *router.Router, s *store.Store)) {
	for _, engine := range []string{"sqlite", "postgres"} {
		t.Run(engine, func(t *testing.T) {
			url := "sqlite:" + filepath.Join(t.TempDir(), "w.db")
			if engine == "postgres" {
				url = pgtest.URL(t)
			}
			s, err := store.Open(context.Background(), url)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			recs, probs := phonebook.ParseCSV(strings.NewReader(people))
			if len(probs) > 0 {
				t.Fatal(probs)
			}
			if _, err := s.ImportPeople(context.Background(), recs, false); err != nil {
				t.Fatal(err)
			}
			fn(t, router.New(s, s, "nl"), s)
		})
	}
}

func req(email, text string) intranet.Request {
	return intranet.Request{Platform: intranet.PlatformConsole, Installation: "local",
		User: intranet.User{ID: email, Email: email}, Channel: intranet.Channel{ID: "console"}, Text: text}
}

// all returns every text of a reply, for assertions that do not care where.
func all(r intranet.Reply) string {
	var b strings.Builder
	b.WriteString(r.Title + "\n" + r.Text + "\n")
	for _, s := range r.Sections {
		b.WriteString(s.Title + "\n" + s.Text + "\n")
		for _, f := range s.Fields {
			b.WriteString(f.Label + ": " + f.Value + "\n")
		}
		for _, x := range s.Buttons {
			b.WriteString("[" + x.Label + ": " + x.Command + "]\n")
		}
	}
	for _, x := range r.Buttons {
		b.WriteString("[" + x.Label + ": " + x.Command + "]\n")
	}
	b.WriteString(strings.Join(r.Context, "\n"))
	return b.String()
}

func TestHandle(t *testing.T) {
	jan := "jan.devries@example.nl"
	engines(t, func(t *testing.T, r *router.Router, s *store.Store) {
		for _, tc := range []struct {
			name, email, text string
			want              []string
		}{
			{"CardSlash", jan, "/phonebook jansn", []string{"Pieter Jansen", "Mobiel: [0612345678](tel:+31612345678)", "Manager: Anouk van den Berg", "[Manager tonen: /phonebook show"}},
			{"CardDutchAlias", jan, "/telefoon vandenberg", []string{"Anouk van den Berg", "Vaardigheden: Wondzorg"}},
			{"CardAsText", jan, "telefoon +31 6 1234 5678", []string{"Pieter Jansen"}},
			{"List", jan, "/phonebook jansen", []string{"2 mensen gevonden", "*Pieter Jansen*", "*Kees Janssen*", "[Kaart: /phonebook show"}},
			{"DeptFilter", jan, "/phonebook dept:oost", []string{"3 mensen gevonden"}},
			{"ErrDeptUnknown", jan, "/phonebook dept:zrog-oost", []string{`Ik ken geen afdeling "zrog-oost". Bedoel je: Zorg Oost`}},
			{"ErrSkillUnknown", jan, "/phonebook skill:koken", []string{`Niemand heeft de vaardigheid "koken".`}},
			{"Nobody", jan, "/phonebook jnsenn", []string{"Niemand gevonden voor `jnsenn`.", "[Jansen: /phonebook Jansen]"}},
			{"ErrEmpty", jan, "/phonebook", []string{"Wie zoek je?"}},
			{"ErrOnlyWildcards", jan, "/phonebook %_'", []string{"bevat geen letters of cijfers"}},
			{"SQLish", jan, "/phonebook ' OR 1=1 --", []string{"Niemand gevonden"}},
			{"ErrShowBadID", jan, "/phonebook show abc", []string{"Gebruik `/phonebook show <nummer>`"}},
			{"ErrShowUnknownID", jan, "/phonebook show 99999", []string{"Persoon 99999 staat niet (meer) in het telefoonboek."}},
			{"Help", jan, "/werkplek help", []string{"Werkplek: alle commando's", "/phonebook <naam", "`/telefoon` = `/phonebook`"}},
			{"HelpAlone", jan, "/werkplek", []string{"Werkplek: alle commando's"}},
			{"HelpInDM", jan, "help", []string{"Werkplek: alle commando's"}},
			{"HelpConsole", jan, "/help", []string{"Werkplek: alle commando's"}},
			{"ErrUnknownCommand", jan, "/fonebook jansen", []string{"Dat commando ken ik niet: `fonebook`.", "Bedoel je `/phonebook`?"}},
			{"ErrUnknownSub", jan, "/werkplek zing", []string{"`/werkplek zing` ken ik niet."}},
			{"ErrTooLong", jan, "/phonebook " + strings.Repeat("a", 1001), []string{"Dat is te lang"}},
			{"ErrControl", jan, "/phonebook jan\x00sen", []string{"stuurtekens"}},
			{"UnknownPerson", "nobody@example.nl", "/phonebook jansen", []string{"niet gekoppeld aan iemand in het telefoonboek"}},
			{"UnknownPersonHelp", "nobody@example.nl", "/werkplek help", []string{"Werkplek: alle commando's", "alleen `/werkplek help`"}},
			{"Guest", "gijs@partner.example", "/phonebook jansen", []string{"Je bent gast in Werkplek"}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				reply, err := r.Handle(context.Background(), req(tc.email, tc.text))
				if err != nil {
					t.Fatal(err)
				}
				got := all(reply)
				for _, w := range tc.want {
					if !strings.Contains(got, w) {
						t.Errorf("reply lacks %q:\n%s", w, got)
					}
				}
			})
		}
		if n, _ := s.CountPeople(context.Background()); n != 5 {
			t.Errorf("people = %d: bad input changed the database", n)
		}
	})
}

func TestLanguage(t *testing.T) {
	engines(t, func(t *testing.T, r *router.Router, s *store.Store) {
		ctx := context.Background()
		jan := req("jan.devries@example.nl", "/werkplek language en")
		reply, _ := r.Handle(ctx, jan)
		if !strings.Contains(reply.Text, "English from now on") || reply.Lang != "en" {
			t.Fatalf("switch: %+v", reply)
		}
		jan.Text = "/phonebook jansen"
		reply, _ = r.Handle(ctx, jan)
		if reply.Title != "2 people found" {
			t.Errorf("English list: %q", reply.Title)
		}
		jan.Text = "/werkplek taal nl"
		reply, _ = r.Handle(ctx, jan)
		if !strings.Contains(reply.Text, "Nederlands") {
			t.Errorf("back to Dutch: %q", reply.Text)
		}
		jan.Text = "/werkplek language fr"
		reply, _ = r.Handle(ctx, jan)
		if !strings.Contains(reply.Text, "Kies `nl`") {
			t.Errorf("unknown language: %q", reply.Text)
		}
		// Someone without a choice gets the default; an English router says English.
		en := router.New(s, s, "en")
		p := req("pieter.jansen@example.nl", "/phonebook zzzzzz")
		reply, _ = en.Handle(ctx, p)
		if !strings.HasPrefix(reply.Text, "Nobody found") {
			t.Errorf("default en: %q", reply.Text)
		}
		p.User.Locale = "nl-NL"
		reply, _ = en.Handle(ctx, p)
		if !strings.HasPrefix(reply.Text, "Niemand gevonden") {
			t.Errorf("Dutch locale: %q", reply.Text)
		}
	})
}

// directory is a fake platform that knows one user's email.
type directory struct{ calls int }

func (d *directory) LookupUser(ctx context.Context, installation, userID string) (intranet.User, error) {
	d.calls++
	if userID == "U1" {
		return intranet.User{ID: "U1", Name: "jan", Email: "Jan.DeVries@example.nl", Locale: "nl-NL"}, nil
	}
	if userID == "G1" {
		return intranet.User{ID: "G1", Email: "pieter.jansen@example.nl", Guest: true}, nil
	}
	return intranet.User{}, intranet.Errorf(intranet.ENOTFOUND, "no such user")
}

func TestLinkOnFirstContact(t *testing.T) {
	engines(t, func(t *testing.T, r *router.Router, s *store.Store) {
		ctx := context.Background()
		dir := &directory{}
		r.Directories[intranet.PlatformSlack] = dir
		slack := intranet.Request{Platform: intranet.PlatformSlack, Installation: "T1", User: intranet.User{ID: "U1"}, Text: "/phonebook show 1"}
		for i := 0; i < 2; i++ {
			reply, err := r.Handle(ctx, slack)
			if err != nil || reply.Title != "Anouk van den Berg" {
				t.Fatalf("linked request %d: %+v %v", i, reply, err)
			}
		}
		if dir.calls != 1 {
			t.Errorf("directory asked %d times, want once", dir.calls)
		}
		a, err := s.FindAccount(ctx, intranet.PlatformSlack, "T1", "U1")
		if err != nil || a.UserName != "jan" {
			t.Fatalf("account: %+v %v", a, err)
		}
		// The card shows a chat mention when the person is linked on this platform.
		p, _ := s.FindPersonByEmail(ctx, "jan.devries@example.nl")
		slack.Text = "/phonebook show " + itoa(p.ID)
		reply, _ := r.Handle(ctx, slack)
		if !strings.Contains(all(reply), "Chat: <@U1|jan>") {
			t.Errorf("no mention:\n%s", all(reply))
		}
		// A platform guest account is a guest whatever its email.
		guest := intranet.Request{Platform: intranet.PlatformSlack, Installation: "T1", User: intranet.User{ID: "G1"}, Text: "/phonebook jansen"}
		reply, _ = r.Handle(ctx, guest)
		if !strings.Contains(reply.Text, "gast") {
			t.Errorf("guest: %q", reply.Text)
		}
		unknown := intranet.Request{Platform: intranet.PlatformSlack, Installation: "T1", User: intranet.User{ID: "U9"}, Text: "/phonebook jansen"}
		reply, _ = r.Handle(ctx, unknown)
		if !strings.Contains(reply.Text, "niet gekoppeld") {
			t.Errorf("unknown: %q", reply.Text)
		}
	})
}

func TestButtonReplacesOriginal(t *testing.T) {
	engines(t, func(t *testing.T, r *router.Router, s *store.Store) {
		rq := req("jan.devries@example.nl", "")
		rq.Action = &intranet.Action{Command: "/phonebook show 1"}
		rq.Message = &intranet.MessageRef{ID: "m1"}
		reply, err := r.Handle(context.Background(), rq)
		if err != nil || !reply.ReplaceOriginal || reply.Title != "Anouk van den Berg" {
			t.Errorf("press: %+v %v", reply, err)
		}
	})
}

func TestFailureHasRef(t *testing.T) {
	engines(t, func(t *testing.T, r *router.Router, s *store.Store) {
		s.Close()
		reply, err := r.Handle(context.Background(), req("jan.devries@example.nl", "/phonebook jansen"))
		var f *intranet.Failure
		if !errors.As(err, &f) || f.Ref == "" || !strings.Contains(reply.Text, f.Ref) {
			t.Fatalf("reply %q, err %v", reply.Text, err)
		}
	})
}

func itoa(n int64) string {
	return strings.TrimSpace(strings.Repeat(" ", 0) + func() string { return fmtInt(n) }())
}

func fmtInt(n int64) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}
