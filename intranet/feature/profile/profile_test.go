package profile_test

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/internal/pgtest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature/phonebook"
	"github.com/werkplek/werkplek/intranet/feature/profile"
	pb "github.com/werkplek/werkplek/intranet/phonebook"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// core builds the phonebook and profile units, with /werkplek privacy
// handed to the profile unit as bot wires it.
func core(t *testing.T, e *coretest.Env, def intranet.FieldVisibility) {
	t.Helper()
	book := phonebook.New(phonebook.Config{People: e.Store, Teams: e.Store, MobileDefault: def, Location: coretest.Amsterdam, Now: e.Clock})
	u, err := profile.New(profile.Config{People: e.Store, Profiles: e.Store, Phonebook: book, MobileDefault: def, Quiet: "22:00-07:00",
		Location: coretest.Amsterdam, Now: e.Clock})
	if err != nil {
		t.Fatal(err)
	}
	e.Privacy = u
	e.Core(book, u)
}

func person(t *testing.T, e *coretest.Env, email string) *intranet.Person {
	t.Helper()
	p, err := e.Store.FindPersonByEmail(context.Background(), email)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestProfile(t *testing.T) {
	pieter := coretest.Pieter
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		core(t, e, "")
		for _, tc := range []struct {
			name, text string
			want       []string
		}{
			{"ShowNL", "/profiel", []string{"Je profiel: Pieter Jansen", "Mobiel: [0612345678](tel:+31612345678)", "Vaardigheden: Wondzorg",
				"Afwezig: nee", "Wie je mobiel ziet: iedereen in het telefoonboek (standaard)", "Taal: Nederlands (standaard)", "Rusturen: 22:00-07:00 (standaard)"}},
			{"SetMobileNL", "/profiel zet mobiel +31 6 8765 4321", []string{"Je mobiele nummer is nu +31 6 8765 4321.", "`/profiel`"}},
			{"ShowSetMobileNL", "/profiel", []string{"Mobiel: [+31 6 8765 4321](tel:+31687654321)"}},
			{"ErrMobile", "/profile set mobile bel me", []string{"`bel me` is geen mobiel nummer.", "`/profile set mobile 06-12345678`"}},
			{"ErrMobileShort", "/profile set mobile 1234", []string{"`1234` is geen mobiel nummer."}},
			{"SetSkillsNL", "/profiel instellen vaardigheden wondzorg, EHBO ,  palliatieve   zorg", []string{"Je vaardigheden zijn nu: wondzorg, EHBO, palliatieve zorg."}},
			{"SetLocationNL", "/profiel zet locatie Zeist", []string{"Je locatie is nu Zeist."}},
			{"ShowSetNL", "/profiel", []string{"Vaardigheden: wondzorg, EHBO, palliatieve zorg", "Locatie: Zeist"}},
			{"AwayNL", "/profiel afwezig tot 24 dec met verlof", []string{"Je staat afwezig t/m do 24 december (met verlof).", "[Ik ben terug: /profile back]"}},
			{"ShowAwayNL", "/profiel", []string{"Afwezig: t/m do 24 december — met verlof", "[Ik ben terug: /profile back]"}},
			{"AwayThroughNL", "/profiel afwezig tot en met 24 dec ziek", []string{"Je staat afwezig t/m do 24 december (ziek)."}},
			{"ErrAwayPast", "/profiel afwezig tot gisteren", []string{"voorbij", "Schrijf `/profile away until <laatste dag> [<toelichting>]`"}},
			{"ErrAwayNoDate", "/profiel afwezig tot", []string{"Schrijf `/profile away until <laatste dag>"}},
			{"BackNL", "/profiel terug", []string{"Welkom terug"}},
			{"ShowBackNL", "/profiel", []string{"Afwezig: nee"}},
			{"BackNotAway", "/profiel terug", []string{"Je stond niet als afwezig"}},
			{"PrivacyShow", "/werkplek privacy mobiel", []string{"Wie je mobiele nummer ziet: iedereen in het telefoonboek (standaard). Gasten nooit."}},
			{"PrivacyTeam", "/werkplek privacy mobiel team", []string{"Goed. Wie je mobiele nummer ziet: je team(s) en je manager."}},
			{"PrivacyHidden", "/werkplek privacy mobiel verborgen", []string{"Goed. Wie je mobiele nummer ziet: alleen jij."}},
			{"ErrPrivacy", "/werkplek privacy mobiel niemand", []string{"Schrijf `/werkplek privacy mobile"}},
			{"ShowAfter", "/profiel", []string{"Wie je mobiel ziet: alleen jij", "Mobiel: [+31 6 8765 4321]"}},
			{"PrivacyDefault", "/werkplek privacy mobile default", []string{"iedereen in het telefoonboek (standaard)"}},
			// Nothing after the field (sent too soon on a phone) clears
			// nothing: it says what is there and how.
			{"KeepMobile", "/profiel zet mobiel", []string{"Je mobiele nummer: +31 6 8765 4321. Er verandert niets.", "Wijzig met `/profiel zet mobiel 06-12345678`; `-` maakt het leeg."}},
			{"ClearMobile", "/profiel zet mobiel -", []string{"Je mobiele nummer is leeg gemaakt."}},
			{"ClearSkills", "/profiel zet vaardigheden -", []string{"Je vaardigheden zijn leeg gemaakt."}},
			{"KeepSkills", "/profiel zet vaardigheden", []string{"Je vaardigheden: (leeg). Er verandert niets."}},
			{"Help", "/profiel help", []string{"Je profiel", "`zet`, `instellen` = `set`", "`afwezig` = `away`"}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				got := coretest.All(e.Say(pieter, "", tc.text))
				coretest.Wants(t, tc.text, got, tc.want...)
				if strings.HasPrefix(tc.name, "Set") || strings.HasPrefix(tc.name, "Away") || strings.HasPrefix(tc.name, "Back") {
					// Short for a phone: the card is one /profiel away.
					coretest.Lacks(t, tc.text, got, "Je keuzes", "E-mail:")
				}
			})
		}
		p := person(t, e, pieter)
		if p.Mobile != "" || len(p.Skills) != 0 || p.Location != "Zeist" || p.MobileVisibility != "" || p.AwayUntil != "" {
			t.Errorf("stored: %+v", p)
		}
		if want := []string{intranet.OwnLocation, intranet.OwnMobile, intranet.OwnSkills}; !slices.Equal(p.OwnFields, want) {
			t.Errorf("own fields = %v, want %v", p.OwnFields, want)
		}
	})
}

func TestProfileEnglish(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		core(t, e, intranet.VisibleTeam)
		jan := person(t, e, coretest.Jan)
		if err := e.Store.SetLanguage(context.Background(), jan.ID, "en"); err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			name, text string
			want       []string
		}{
			{"Show", "/profile", []string{"Your profile: Jan de Vries", "Away: no", "Who sees your mobile: your team(s) and your manager (default)", "Language: English", "Quiet hours: 22:00-07:00 (default)"}},
			{"SetMobile", "/profile set mobile 06 1111 2222", []string{"Your mobile number is now 06 1111 2222.", "`/profile`"}},
			{"ShowSetMobile", "/profile", []string{"Mobile: [06 1111 2222](tel:+31611112222)"}},
			{"SetSkills", "/profile set skills first aid; wound care", []string{"Your skills are now: first aid, wound care."}},
			{"SetLocation", "/profile set location Amersfoort", []string{"Your location is now Amersfoort."}},
			{"KeepLocation", "/profile set location", []string{"Your location: Amersfoort. Nothing changes.", "Change it with `/profile set location Utrecht`; `-` clears it."}},
			// Today is Friday 27 November 2026: "fri" is today, 3 jan next year.
			{"AwayToday", "/profile away until fri", []string{"You are marked away through Fri 27 November. Through that day you get no questions, handovers or hours to approve; from the day after, they come again."}},
			{"AwayNextYear", "/profile away until 3 jan course", []string{"You are marked away through Sun 3 January 2027 (course).", "[I am back: /profile back]"}},
			{"ShowAway", "/profile", []string{"Away: through Sun 3 January 2027 — course"}},
			{"ErrAwayFar", "/profile away until 2028-01-01", []string{"is more than a year ahead"}},
			{"Back", "/profile back", []string{"Welcome back"}},
			{"Privacy", "/werkplek privacy mobile everyone", []string{"Done. Who sees your mobile number: everyone in the phonebook. Guests never do."}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				got := coretest.All(e.Say(coretest.Jan, "", tc.text))
				coretest.Wants(t, tc.text, got, tc.want...)
				if strings.HasPrefix(tc.name, "Set") || strings.HasPrefix(tc.name, "Away") || tc.name == "Back" {
					coretest.Lacks(t, tc.text, got, "Your choices", "Email:")
				}
			})
		}
		// The skill is searchable at once; the old one (EHBO) is gone.
		coretest.Wants(t, "skill", coretest.All(e.Say(coretest.Pieter, "", "/phonebook skill:\"wound care\"")), "Jan de Vries")
		coretest.Wants(t, "old skill", coretest.All(e.Say(coretest.Pieter, "", "/phonebook skill:ehbo")), "Niemand heeft de vaardigheid")
		coretest.Wants(t, "location", coretest.All(e.Say(coretest.Pieter, "", "/phonebook amersfoort")), "Jan de Vries")
		coretest.Wants(t, "number", coretest.All(e.Say(coretest.Pieter, "", "/phonebook 0611112222")), "Jan de Vries")
	})
}

// A field the person set is theirs: a later import of the people file
// changes the others, not it, and says it changes nothing there.
func TestOwnFieldsKeptByImport(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		core(t, e, "")
		e.Say(coretest.Pieter, "", "/profile set mobile 06-99999999")
		e.Say(coretest.Pieter, "", "/profile set skills Stomazorg")
		e.Say(coretest.Pieter, "", "/werkplek privacy mobile hidden")
		e.Say(coretest.Pieter, "", "/profile away until 4 dec")
		file := strings.Replace(coretest.People, "Pieter Jansen,pieter.jansen@example.nl,0612345678,Zorg Oost,Verpleegkundige,Utrecht",
			"Pieter Jansen,pieter.jansen@example.nl,0677777777,Zorg Oost,Senior verpleegkundige,Nieuwegein", 1)
		recs, probs := pb.ParseCSV(strings.NewReader(file))
		if len(probs) > 0 {
			t.Fatal(probs)
		}
		dry, err := e.Store.ImportPeople(ctx, recs, true)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range dry.Lines {
			if l.Email == coretest.Pieter && !slices.Equal(l.Fields, []string{"title", "location"}) {
				t.Errorf("dry run: fields %v, want title and location (mobile and skills are his)", l.Fields)
			}
		}
		if _, err := e.Store.ImportPeople(ctx, recs, false); err != nil {
			t.Fatal(err)
		}
		p := person(t, e, coretest.Pieter)
		if p.Mobile != "06-99999999" || !slices.Equal(p.Skills, []string{"Stomazorg"}) || p.Title != "Senior verpleegkundige" || p.Location != "Nieuwegein" ||
			p.MobileVisibility != intranet.VisibleHidden || p.AwayUntil != "2026-12-04" {
			t.Errorf("after import: %+v", p)
		}
		// Searches follow what is stored.
		coretest.Wants(t, "own skill", coretest.All(e.Say(coretest.Jan, "", "/phonebook skill:stomazorg")), "Pieter Jansen")
		coretest.Lacks(t, "file's number", coretest.All(e.Say(coretest.Pieter, "", "/phonebook 0677777777")), "Pieter Jansen")
		coretest.Wants(t, "own number", coretest.All(e.Say(coretest.Pieter, "", "/phonebook 0699999999")), "Pieter Jansen")
	})
}

// Someone not in the phonebook has no profile.
func TestProfileNotInPhonebook(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		core(t, e, "")
		got := coretest.All(e.Say("nobody@example.nl", "", "/werkplek privacy mobile hidden"))
		coretest.Wants(t, "stranger", got, "niet gekoppeld")
	})
}

// TestGuestAccountOfEmployeeKeepsTheirSettings: a platform's guest
// account linked to an employee's address (the guest's email is theirs)
// does not change that employee's language, quiet hours or who sees
// their mobile; a partner keeps choosing their own.
func TestGuestAccountOfEmployeeKeepsTheirSettings(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		core(t, e, "")
		for _, text := range []string{"/werkplek language en", "/werkplek quiet 00:00-23:59", "/werkplek privacy mobile everyone"} {
			r := coretest.Request(coretest.Jan, "", text)
			r.User.ID, r.User.Guest = "guest-jan", true
			coretest.Wants(t, text, e.Do(r).Text, "Dit is een gastaccount")
		}
		p, err := e.Store.FindPersonByEmail(ctx, coretest.Jan)
		if err != nil || p.Language != "" || p.QuietHours != "" || p.MobileVisibility != "" {
			t.Fatalf("jan's settings: %+v, %v", p, err)
		}
		org, err := e.Store.AddOrganisation(ctx, "Thuiszorg Midden")
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := e.Store.AddPartnerPerson(ctx, org.ID, "anna@thuiszorgmidden.nl", "Anna Smit"); err != nil {
			t.Fatal(err)
		}
		r := coretest.Request("anna@thuiszorgmidden.nl", "", "/werkplek language en")
		r.User.Guest = true
		coretest.Wants(t, "a partner", e.Do(r).Text, "English from now on")
	})
}
