package home_test

import (
	"context"
	"encoding/base64"
	"errors"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/internal/pgtest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/feature/home"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

const (
	public  = "https://werkplek.example.nl"
	nobody  = "nobody@example.nl"
	admin   = "ada.admin@example.nl"
	english = coretest.Kees // chooses English in setup
)

// part is a unit's part of the home, as a function.
type part func(ctx context.Context, c *feature.Call) ([]intranet.Section, error)

func (p part) Home(ctx context.Context, c *feature.Call) ([]intranet.Section, error) {
	return p(ctx, c)
}

// fixed is a part that always has these section titles.
func fixed(titles ...string) home.Part {
	return part(func(ctx context.Context, c *feature.Call) ([]intranet.Section, error) {
		var out []intranet.Section
		for _, t := range titles {
			out = append(out, intranet.Section{Title: t})
		}
		return out, nil
	})
}

// setup builds the router with the front door over cfg (its Env is e's),
// adds an admin, and makes Kees read English.
func setup(t *testing.T, e *coretest.Env, cfg home.Config) *home.Unit {
	t.Helper()
	e.Import(intranet.PersonRecord{Name: "Ada Admin", Email: admin, Department: "ICT", Roles: []intranet.Role{intranet.RoleAdmin}})
	cfg.Env = e.Feature()
	u, err := home.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	e.Door = u
	e.Core()
	e.Say(english, "", "/werkplek language en")
	return u
}

var linkRe = regexp.MustCompile(`https://werkplek\.example\.nl/web/signin/([A-Za-z0-9_-]+)`)

// TestSignIn: someone in the phonebook, a guest included, gets a one-time
// link by DM, in their language; only its secret's hash is stored, for
// that person, for 10 minutes from now.
func TestSignIn(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		web := &coretest.Web{}
		setup(t, e, home.Config{Web: web, PublicURL: public + "/"})
		for i, tc := range []struct {
			name, email string
			reply, dm   string
		}{
			{"Dutch", coretest.Jan, "Ik heb je een inloglink gestuurd in een privébericht", "Je inloglink voor Werkplek op het web. Hij werkt één keer, 10 minuten lang. Geef hem aan niemand door."},
			{"English", english, "I sent you a sign-in link by direct message", "Your sign-in link for Werkplek on the web. It works once, for 10 minutes. Don't pass it on."},
			{"Guest", coretest.Gijs, "Ik heb je een inloglink gestuurd", "Je inloglink voor Werkplek op het web."},
		} {
			t.Run(tc.name, func(t *testing.T) {
				reply := e.Say(tc.email, "console", "/werkplek web")
				coretest.Wants(t, "reply", reply.Text, tc.reply)
				if reply.Visibility != intranet.Ephemeral || linkRe.MatchString(coretest.All(reply)) {
					t.Errorf("the reply is not only for the caller, or shows the link: %+v", reply)
				}
				dms := e.Posters.DMs(intranet.PlatformConsole, tc.email)
				if len(dms) != 1 {
					t.Fatalf("DMs to %s: %q, want one", tc.email, dms)
				}
				coretest.Wants(t, "DM", dms[0], tc.dm)
				m := linkRe.FindStringSubmatch(dms[0])
				if m == nil {
					t.Fatalf("no link in the DM %q", dms[0])
				}
				if b, err := base64.RawURLEncoding.DecodeString(m[1]); err != nil || len(b) != 32 {
					t.Errorf("secret %q is not 32 bytes of base64url (%v)", m[1], err)
				}
				stored := web.SignIns()
				if len(stored) != i+1 {
					t.Fatalf("links stored: %d, want %d", len(stored), i+1)
				}
				s := stored[i]
				p, err := e.Store.FindPersonByEmail(context.Background(), tc.email)
				if err != nil {
					t.Fatal(err)
				}
				want := intranet.SignIn{Hash: intranet.HashSecret(m[1]), PersonID: p.ID, Expires: coretest.Start.Add(10 * time.Minute), Platform: intranet.PlatformConsole}
				if s.Hash != want.Hash || s.PersonID != want.PersonID || !s.Expires.Equal(want.Expires) || s.Platform != want.Platform {
					t.Errorf("stored %+v, want %+v", s, want)
				}
				if strings.Contains(s.Hash, m[1]) || len(s.Hash) != 64 {
					t.Errorf("stored hash %q is not a hex SHA-256", s.Hash)
				}
			})
		}
		t.Run("Twice", func(t *testing.T) {
			e.Say(coretest.Jan, "console", "/werkplek web")
			dms := e.Posters.DMs(intranet.PlatformConsole, coretest.Jan)
			if len(dms) != 2 || linkRe.FindString(dms[0]) == linkRe.FindString(dms[1]) {
				t.Errorf("a second link is not a new one: %q", dms)
			}
		})
		t.Run("UnknownPerson", func(t *testing.T) {
			n := len(web.SignIns())
			reply := e.Say(nobody, "console", "/werkplek web")
			coretest.Wants(t, "reply", reply.Text, "niet gekoppeld aan iemand in het telefoonboek")
			if len(web.SignIns()) != n || len(e.Posters.DMs(intranet.PlatformConsole, nobody)) != 0 {
				t.Error("someone not in the phonebook got a link")
			}
		})
	})
}

// TestSignInWithoutPublicURL: without WERKPLEK_PUBLIC_URL there is no web
// to sign in to, and the reply says who sets it.
func TestSignInWithoutPublicURL(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		web := &coretest.Web{}
		setup(t, e, home.Config{Web: web})
		coretest.Wants(t, "nl", e.Say(coretest.Jan, "console", "/werkplek web").Text, "Werkplek op het web is hier nog niet ingericht", "de beheerder moet `WERKPLEK_PUBLIC_URL` instellen")
		coretest.Wants(t, "en", e.Say(english, "console", "/werkplek web").Text, "Werkplek on the web is not set up here yet", "the admin has to set `WERKPLEK_PUBLIC_URL`")
		if len(web.SignIns()) != 0 || len(e.Posters.DMs(intranet.PlatformConsole, coretest.Jan)) != 0 {
			t.Error("a link was made without a public URL")
		}
	})
}

// TestHome: the parts' sections in the order of the parts; a friendly
// word when none has any; the web's address when there is one.
func TestHome(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		var seen []*feature.Call
		record := part(func(ctx context.Context, c *feature.Call) ([]intranet.Section, error) {
			seen = append(seen, c)
			return nil, nil
		})
		setup(t, e, home.Config{PublicURL: public, Parts: []home.Part{fixed("news 1", "news 2"), record, fixed(), fixed("hours")}})
		for _, text := range []string{"/werkplek home", "/werkplek start", "/werkplek thuis"} {
			reply := e.Say(coretest.Jan, "console", text)
			var titles []string
			for _, s := range reply.Sections {
				titles = append(titles, s.Title)
			}
			if reply.Title != "Start" || strings.Join(titles, ",") != "news 1,news 2,hours" {
				t.Errorf("%s: %q with sections %q", text, reply.Title, titles)
			}
			coretest.Wants(t, text, strings.Join(reply.Context, "\n"), "Op het web: https://werkplek.example.nl/web/")
		}
		if reply := e.Say(english, "console", "/werkplek home"); reply.Title != "Home" {
			t.Errorf("English title %q", reply.Title)
		}
		// A guest's home is what the parts show a guest.
		e.Say(coretest.Gijs, "console", "/werkplek home")
		if last := seen[len(seen)-1]; last.Person == nil || last.Person.Email != coretest.Gijs || !last.Guest {
			t.Errorf("the parts were not asked for the guest: %+v", last)
		}
		n := len(seen)
		coretest.Wants(t, "unknown", e.Say(nobody, "console", "/werkplek home").Text, "niet gekoppeld aan iemand in het telefoonboek")
		if len(seen) != n {
			t.Error("the parts were asked for someone not in the phonebook")
		}
	})
}

// TestHomeEmpty: when nothing waits, the home says so; without a public
// URL it has no web address.
func TestHomeEmpty(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		setup(t, e, home.Config{Parts: []home.Part{fixed(), fixed()}})
		nl := e.Say(coretest.Jan, "console", "/werkplek home")
		coretest.Wants(t, "nl", nl.Text, "Er wacht niets op je")
		if len(nl.Context) != 0 {
			t.Errorf("a web address without a public URL: %q", nl.Context)
		}
		coretest.Wants(t, "en", e.Say(english, "console", "/werkplek home").Text, "Nothing is waiting for you")
	})
}

// TestHomePartFails: a part's failure is an internal error (with a ref),
// not a home that silently lacks it.
func TestHomePartFails(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		broken := part(func(ctx context.Context, c *feature.Call) ([]intranet.Section, error) { return nil, errors.New("boom") })
		setup(t, e, home.Config{Parts: []home.Part{fixed("news"), broken}})
		_, err := e.Router.Handle(context.Background(), coretest.Request(coretest.Jan, "console", "/werkplek home"))
		var f *intranet.Failure
		if !errors.As(err, &f) {
			t.Errorf("a failing part gives %v, want a failure with a ref", err)
		}
	})
}

// TestHelpShowsWeb: /werkplek help names the web's address when there is
// one.
func TestHelpShowsWeb(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		u := setup(t, e, home.Config{PublicURL: public})
		if u.WebHome() != public+"/web/" {
			t.Errorf("WebHome %q", u.WebHome())
		}
		coretest.Wants(t, "nl", strings.Join(e.Say(coretest.Jan, "console", "/werkplek help").Context, "\n"), "Op het web: https://werkplek.example.nl/web/ — log in met `/werkplek web`.")
		coretest.Wants(t, "en", strings.Join(e.Say(english, "console", "/werkplek help").Context, "\n"), "On the web: https://werkplek.example.nl/web/ — sign in with `/werkplek web`.")
		// A guest may sign in; someone not in the phonebook cannot.
		coretest.Wants(t, "guest", strings.Join(e.Say(coretest.Gijs, "console", "/werkplek help").Context, "\n"), "Op het web", "Je bent gast")
		unknown := strings.Join(e.Say(nobody, "console", "/werkplek help").Context, "\n")
		coretest.Wants(t, "unknown", unknown, "niet gekoppeld")
		coretest.Lacks(t, "unknown", unknown, "Op het web")
	})
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		setup(t, e, home.Config{})
		coretest.Lacks(t, "no public URL", coretest.All(e.Say(coretest.Jan, "console", "/werkplek help")), "Op het web")
	})
}
