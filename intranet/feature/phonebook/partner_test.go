package phonebook_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature/phonebook"
)

// partners is an organisation with a partner person, Anna, whose
// contacts are Pieter Jansen and Sanne Bakker (who has a work phone), and
// a second partner, Bram, who is no contact of anyone.
type partners struct {
	org                               *intranet.Organisation
	anna, bram, pieter, sanne, kees   *intranet.Person
	anouk                             *intranet.Person
	annaEmail, bramEmail, sanneMobile string
}

func setUpPartners(t *testing.T, e *coretest.Env) *partners {
	t.Helper()
	ctx := context.Background()
	e.Import(intranet.PersonRecord{Name: "Sanne Bakker", Email: "sanne.bakker@example.nl", Phone: "030-1234567", Mobile: "06-55555555",
		Department: "Planning", Title: "Planner", Location: "Zeist", ManagerEmail: coretest.Anouk, Skills: []string{"Roosters"}})
	x := &partners{annaEmail: "anna@thuiszorgmidden.nl", bramEmail: "bram@thuiszorgmidden.nl", sanneMobile: "06-55555555"}
	var err error
	if x.org, err = e.Store.AddOrganisation(ctx, "Thuiszorg Midden"); err != nil {
		t.Fatal(err)
	}
	if x.anna, _, err = e.Store.AddPartnerPerson(ctx, x.org.ID, x.annaEmail, "Anna Smit"); err != nil {
		t.Fatal(err)
	}
	if x.bram, _, err = e.Store.AddPartnerPerson(ctx, x.org.ID, x.bramEmail, "Bram Smit"); err != nil {
		t.Fatal(err)
	}
	for _, p := range []struct {
		email string
		to    **intranet.Person
	}{{coretest.Pieter, &x.pieter}, {"sanne.bakker@example.nl", &x.sanne}, {coretest.Kees, &x.kees}, {coretest.Anouk, &x.anouk}} {
		if *p.to, err = e.Store.FindPersonByEmail(ctx, p.email); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []*intranet.Person{x.pieter, x.sanne} {
		if err := e.Store.AddPartnerContact(ctx, x.org.ID, c.ID); err != nil {
			t.Fatal(err)
		}
	}
	return x
}

// hidden is what no reply to Anna may hold: the contacts' mobile numbers
// (in any notation), their fields outside WERKPLEK_PARTNER_FIELDS's
// default (location, email, skills, manager, accounts), and every person
// who is no contact of hers, with their departments and titles.
var hidden = []string{
	"0612345678", "31612345678", "12345678", "06-55555555", "31655555555", "55555555",
	"Mobiel", "Mobile", "Locatie", "Utrecht", "Zeist", "E-mail", "@example.nl", "mailto:", "Vaardigheden", "Wondzorg", "Roosters",
	"Manager", "Chat", "<@",
	"Anouk", "van den Berg", "Kees", "Janssen", "Jan de Vries", "Vries", "Gijs", "Bram", "Anna",
	"Zorg West", "Amersfoort", "Teamleider", "Verzorgende", "Wijkverpleegkundige", "Extern", "Adviseur",
}

func TestPartnerPhonebook(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		x := setUpPartners(t, e)
		e.Core(phonebook.New(phonebook.Config{People: e.Store, Teams: e.Store, Partners: e.Store, PartnerFields: []string{"title", "department", "phone"}}))
		show := func(p *intranet.Person) string { return fmt.Sprintf("/phonebook show %d", p.ID) }
		notFound := func(p *intranet.Person) string {
			return fmt.Sprintf("Persoon %d staat niet (meer) in het telefoonboek.", p.ID)
		}
		for _, tc := range []struct {
			name, text string
			want       []string
			lacks      []string
		}{
			{"ListAll", "/phonebook", []string{"2 contactpersonen", "*Pieter Jansen* · Verpleegkundige, Zorg Oost", "*Sanne Bakker* · Planner, Planning · [030-1234567](tel:+31301234567)",
				"[Kaart: " + show(x.pieter) + "]", "[Kaart: " + show(x.sanne) + "]"}, nil},
			{"AliasListAll", "/telefoon", []string{"2 contactpersonen"}, nil},
			{"Card", "/phonebook jansen", []string{"Pieter Jansen", "Functie: Verpleegkundige", "Afdeling: Zorg Oost"}, []string{"Sanne", "Kaart"}},
			{"CardTypo", "/phonebook jansn", []string{"Pieter Jansen"}, []string{"Sanne"}},
			{"CardByPhone", "/phonebook 030-1234567", []string{"Sanne Bakker", "Telefoon: [030-1234567](tel:+31301234567)"}, []string{"Pieter"}},
			{"CardByExtension", "/phonebook 4567", []string{"Sanne Bakker"}, []string{"Pieter"}},
			{"CardByTitle", "/phonebook planner", []string{"Sanne Bakker"}, []string{"Pieter"}},
			{"Initial", "/phonebook p jansen", []string{"Pieter Jansen"}, nil},
			{"NotANonContactsSurname", "/phonebook vries", []string{"Geen van je contactpersonen past bij `vries`.", "Typ `/phonebook` voor al je contactpersonen."}, []string{"Pieter", "Sanne"}},
			{"NotAManager", "/phonebook anouk", []string{"Geen van je contactpersonen"}, []string{"Pieter", "Sanne"}},
			{"NotAPartner", "/phonebook bram", []string{"Geen van je contactpersonen"}, []string{"Pieter", "Sanne"}},
			{"NotAFellowPartner", "/phonebook smit", []string{"Geen van je contactpersonen"}, []string{"Pieter", "Sanne"}},
			{"NotByMobile", "/phonebook 0612345678", []string{"Geen van je contactpersonen"}, []string{"Pieter", "Sanne"}},
			{"NotByMobileEnd", "/phonebook 5555", []string{"Geen van je contactpersonen"}, []string{"Pieter", "Sanne"}},
			{"NotByOtherMobile", "/phonebook +31 6 5555 5555", []string{"Geen van je contactpersonen"}, []string{"Pieter", "Sanne"}},
			{"NotByLocation", "/phonebook zeist", []string{"Geen van je contactpersonen"}, []string{"Pieter", "Sanne"}},
			{"NotBySkill", "/phonebook wondzorg", []string{"Geen van je contactpersonen"}, []string{"Pieter", "Sanne"}},
			{"NotByEmail", "/phonebook pieter.jansen@example.nl", []string{"Geen van je contactpersonen"}, []string{"Pieter Jansen"}},
			{"NotBySkillFilter", "/phonebook skill:wondzorg", []string{"Geen van je contactpersonen"}, []string{"Pieter", "Sanne", "Er zijn"}},
			{"DeptFilter", "/phonebook dept:oost", []string{"Pieter Jansen", "Functie: Verpleegkundige"}, []string{"Sanne"}},
			{"DeptFilterOtherDept", "/phonebook dept:west", []string{"Geen van je contactpersonen"}, []string{"Pieter", "Sanne", "Bedoel je:", "Er zijn"}},
			{"DeptFilterAndQuery", "/phonebook jansen dept:planning", []string{"Geen van je contactpersonen"}, nil},
			{"DidYouMean", "/phonebook jnsenn", []string{"Geen van je contactpersonen past bij `jnsenn`. Bedoel je een van deze?", "[Jansen: /phonebook Jansen]"}, nil},
			{"TypoOfANonContact", "/phonebook janssens", []string{"Pieter Jansen"}, nil},
			{"ShowContact", show(x.pieter), []string{"Pieter Jansen", "Functie: Verpleegkundige", "Afdeling: Zorg Oost"}, []string{"Kaart"}},
			{"ShowNonContact", show(x.kees), []string{notFound(x.kees)}, nil},
			{"ShowManager", show(x.anouk), []string{notFound(x.anouk)}, nil},
			{"ShowFellowPartner", show(x.bram), []string{notFound(x.bram)}, nil},
			{"ShowSelf", show(x.anna), []string{notFound(x.anna)}, nil},
			{"ShowUnknown", "/phonebook show 99999", []string{"Persoon 99999 staat niet (meer) in het telefoonboek."}, nil},
			{"ErrShowBadID", "/phonebook show abc", []string{"`abc` is geen nummer."}, nil},
			{"ErrOnlyWildcards", "/phonebook %_'", []string{"bevat geen letters of cijfers"}, nil},
			{"ErrDeptEmpty", "/phonebook dept:", []string{"Achter `dept:` mist de waarde."}, nil},
			{"ImportNotForPartners", "/phonebook import", []string{"Als partner van Thuiszorg Midden"}, []string{"Pieter", "Sanne"}},
			{"Help", "/phonebook help", []string{"Telefoonboek"}, []string{"Pieter", "Sanne"}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				got := coretest.All(e.Say(x.annaEmail, "", tc.text))
				coretest.Wants(t, tc.text, got, tc.want...)
				// What Anna typed comes back to her as she typed it.
				typed := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(tc.text, "/phonebook"), " show"))
				got = strings.ReplaceAll(got, "`"+typed+"`", "`…`")
				coretest.Lacks(t, tc.text, got, append(tc.lacks, hidden...)...)
			})
		}
		t.Run("Buttons", func(t *testing.T) {
			// A button pressed by a partner is authorised again.
			got := coretest.All(e.Press(x.annaEmail, show(x.kees)))
			coretest.Wants(t, "press", got, notFound(x.kees))
			coretest.Lacks(t, "press", got, hidden...)
			got = coretest.All(e.Press(x.annaEmail, show(x.sanne)))
			coretest.Wants(t, "press", got, "Sanne Bakker", "Telefoon: [030-1234567]")
			coretest.Lacks(t, "press", got, hidden...)
		})
		t.Run("English", func(t *testing.T) {
			e.Say(x.annaEmail, "", "/werkplek language en")
			got := coretest.All(e.Say(x.annaEmail, "", "/phonebook kees"))
			coretest.Wants(t, "english", got, "None of your contacts matches `kees`.", "Type `/phonebook` for all your contacts.")
			coretest.Lacks(t, "english", got, hidden...)
			got = coretest.All(e.Say(x.annaEmail, "", "/phonebook"))
			coretest.Wants(t, "english", got, "2 contacts", "[Card: ")
			coretest.Lacks(t, "english", got, hidden...)
		})
	})
}

// TestPartnerFields: a card shows the fields WERKPLEK_PARTNER_FIELDS
// lists and no other; none lists only the name.
func TestPartnerFields(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		x := setUpPartners(t, e)
		fields, err := intranet.ParsePartnerFields("email,locatie")
		if err != nil {
			t.Fatal(err)
		}
		e.Core(phonebook.New(phonebook.Config{People: e.Store, Partners: e.Store, PartnerFields: fields}))
		show := fmt.Sprintf("/phonebook show %d", x.sanne.ID)
		got := coretest.All(e.Say(x.annaEmail, "", show))
		coretest.Wants(t, "email,location", got, "Sanne Bakker", "E-mail: [sanne.bakker@example.nl](mailto:sanne.bakker@example.nl)", "Locatie: Zeist")
		coretest.Lacks(t, "email,location", got, "Planner", "Planning", "030", "06-55555555", "Roosters", "Anouk", "Manager")
		// Found by what is shared: the place, the address.
		coretest.Wants(t, "by location", coretest.All(e.Say(x.annaEmail, "", "/phonebook zeist")), "Sanne Bakker")
		coretest.Wants(t, "by email", coretest.All(e.Say(x.annaEmail, "", "/phonebook sanne.bakker@example.nl")), "Sanne Bakker")
		coretest.Wants(t, "not by title", coretest.All(e.Say(x.annaEmail, "", "/phonebook planner")), "Geen van je contactpersonen")

		e.Core(phonebook.New(phonebook.Config{People: e.Store, Partners: e.Store}))
		got = coretest.All(e.Say(x.annaEmail, "", show))
		coretest.Wants(t, "name only", got, "Sanne Bakker")
		coretest.Lacks(t, "name only", got, "Planner", "Planning", "030", "06-55555555", "Zeist", "@", "Roosters", "Anouk", "Manager", ": ")
	})
}

// TestPartnerWithoutContacts: a partner whose organisation has no
// contacts is told so, and whom to ask; they find nobody.
func TestPartnerWithoutContacts(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		x := setUpPartners(t, e)
		org, err := e.Store.AddOrganisation(ctx, "Apotheek Noord")
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := e.Store.AddPartnerPerson(ctx, org.ID, "piet@apotheeknoord.nl", "Piet Post"); err != nil {
			t.Fatal(err)
		}
		e.Core(phonebook.New(phonebook.Config{People: e.Store, Partners: e.Store, PartnerFields: []string{"title", "department", "phone"}}))
		for _, text := range []string{"/phonebook", "/phonebook jansen", "/phonebook dept:oost"} {
			got := coretest.All(e.Say("piet@apotheeknoord.nl", "", text))
			coretest.Wants(t, text, got, "Je organisatie heeft nog geen contactpersonen in Werkplek", "Vraag degene met wie je hier samenwerkt")
			coretest.Lacks(t, text, got, append(hidden, "Pieter", "Sanne")...)
		}
		got := coretest.All(e.Say("piet@apotheeknoord.nl", "", fmt.Sprintf("/phonebook show %d", x.pieter.ID)))
		coretest.Wants(t, "show", got, fmt.Sprintf("Persoon %d staat niet", x.pieter.ID))
		coretest.Lacks(t, "show", got, "Pieter", "Verpleegkundige")
	})
}

// TestPartnerLabel: employees see a partner with their organisation, in a
// list and on the card.
func TestPartnerLabel(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		x := setUpPartners(t, e)
		e.Core(phonebook.New(phonebook.Config{People: e.Store, Partners: e.Store}))
		got := coretest.All(e.Say(coretest.Jan, "", "/phonebook smit"))
		coretest.Wants(t, "list", got, "*Anna Smit · Thuiszorg Midden (partner)*", "*Bram Smit · Thuiszorg Midden (partner)*")
		got = coretest.All(e.Say(coretest.Jan, "", fmt.Sprintf("/phonebook show %d", x.anna.ID)))
		coretest.Wants(t, "card", got, "Anna Smit · Thuiszorg Midden (partner)\n", "Organisatie: Thuiszorg Midden")
		// An employee is no partner: no label.
		coretest.Lacks(t, "employee", coretest.All(e.Say(coretest.Jan, "", fmt.Sprintf("/phonebook show %d", x.pieter.ID))), "(partner)", "Organisatie")
	})
}
