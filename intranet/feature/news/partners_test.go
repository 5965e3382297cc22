package news_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature/news"
)

// The partners of the partner tests: Anna of Thuiszorg Midden, Bob of
// Apotheek Oost.
const (
	anna = "anna@thuiszorgmidden.nl"
	bob  = "bob@apotheekoost.nl"
)

// addPartners adds the two partner organisations with one person each,
// and links their console accounts.
func (e *env) addPartners() {
	e.T.Helper()
	ctx := context.Background()
	for _, p := range []struct{ org, email, name string }{{"Thuiszorg Midden", anna, "Anna Smit"}, {"Apotheek Oost", bob, "Bob Bakker"}} {
		org, err := e.Store.AddOrganisation(ctx, p.org)
		if err != nil {
			e.T.Fatal(err)
		}
		if _, _, err := e.Store.AddPartnerPerson(ctx, org.ID, p.email, p.name); err != nil {
			e.T.Fatal(err)
		}
		e.Say(p.email, "", "/werkplek help")
	}
}

// TestPartnersSeeOnlyNewsForThem: a partner reads the items addressed to
// every partner and to their own organisation, and no other: not one for
// employees, a department's, another organisation's; they see them without
// what is internal (topic, department, comments, the author's address) and
// may confirm an important one, but not comment or subscribe. Employees
// see every item they would anyway, labelled for partners. A guest without
// an organisation sees nothing.
func TestPartnersSeeOnlyNewsForThem(t *testing.T) {
	newsEnv(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		w := coretest.Wants
		e.addPartners()
		w(t, "pieter digest", e.say(pieter, "", "/news subscribe daily 08:30"), "Abonnement")
		e.Now = e.Now.Add(time.Minute)
		for i, post := range []string{
			"/news post Intern nieuws | Alleen voor medewerkers.",
			`/news post Rooster West | Voor Zorg West. dept:"Zorg West"`,
			"/news post Protocol partners | Voor alle partners. audience:partners important topic:Wondzorg",
			`/news post Overdracht Midden | Voor Thuiszorg Midden. partner:"Thuiszorg Midden"`,
			`/news post Apotheek nieuws | Voor Apotheek Oost. partner:"apotheek oost"`,
			`/news post Hygiene partners | Partners en een afdeling. doelgroep:partners dept:"Zorg West" topic:Wondzorg`,
		} {
			w(t, "post", e.say(carla, "", post), "Geplaatst als bericht "+string(rune('1'+i)))
		}
		w(t, "pieter comments", e.say(pieter, "", "/news comment 3 Goed plan, intern besproken"), "")

		titles := []string{"Intern nieuws", "Rooster West", "Protocol partners", "Overdracht Midden", "Apotheek nieuws", "Hygiene partners"}
		sees := func(who, got string, want ...int) {
			t.Helper()
			for i, title := range titles {
				wanted := false
				for _, n := range want {
					wanted = wanted || n == i+1
				}
				if strings.Contains(got, title) != wanted {
					t.Errorf("%s sees %q: %v, want %v\n%s", who, title, !wanted, wanted, got)
				}
			}
		}
		annaList := e.say(anna, "", "/news")
		sees("anna", annaList, 3, 4, 6)
		coretest.Lacks(t, "anna's list", annaList, "Wondzorg", "Zorg West", "Voor partner", "subscribe")
		sees("bob", e.say(bob, "", "/nieuws"), 3, 5, 6)
		sees("gijs, a guest", e.say(coretest.Gijs, "", "/news"))

		w(t, "anna shows her organisation's", e.say(anna, "", "/news 4"), "Voor Thuiszorg Midden.")
		for _, id := range []string{"1", "2", "5"} {
			w(t, "anna shows "+id, e.say(anna, "", "/news show "+id), "geen nieuwsbericht "+id+" voor jou")
		}
		card := e.say(anna, "", "/news show 3")
		w(t, "anna's card", card, "Protocol partners", "Voor alle partners.", "Door: Carla Content", "Geplaatst:", "[Gelezen: /news read 3]")
		coretest.Lacks(t, "anna's card", card, carla, "Wondzorg", "Reageren", "reactie", "Goed plan", "/news comment")

		// Confirming: Anna may; what is not hers she may not.
		w(t, "anna reads", e.say(anna, "", "/news read 3"), "genoteerd")
		w(t, "anna reads bob's", e.say(anna, "", "/news read 5"), "geen nieuwsbericht 5 voor jou")
		// Commenting and subscribing are not for partners.
		w(t, "anna comments", e.say(anna, "", "/news comment 3 Dank!"), "Als partner van Thuiszorg Midden")
		w(t, "anna subscribes", e.say(anna, "", "/news subscribe daily 08:30"), "Als partner van Thuiszorg Midden")
		if n, err := e.Store.CountComments(ctx, 3); err != nil || n != 1 {
			t.Errorf("comments on item 3: %d %v", n, err)
		}
		if subs, err := e.Store.Subscriptions(ctx, intranet.SubscriptionFilter{}); err != nil || len(subs) != 1 {
			t.Errorf("subscriptions: %d %v", len(subs), err)
		}

		// Employees see what they saw before, labelled.
		pieterList := e.say(pieter, "", "/news")
		sees("pieter", pieterList, 1, 3, 4, 5)
		w(t, "pieter's labels", pieterList, "Voor partners", "Voor partner: Thuiszorg Midden", "Voor partner: Apotheek Oost")
		w(t, "pieter's card", e.say(pieter, "", "/news 4"), "Voor partner: Thuiszorg Midden.", "[Reageren: /news comment 4]")
		w(t, "kees' card", e.say(kees, "", "/news 6"), "Voor partners.", "Voor: Zorg West")
		w(t, "pieter's card en", e.say(pieter, "", "/werkplek language en")+e.say(pieter, "", "/news 3"), "For partners.")
		e.say(pieter, "", "/werkplek language nl")

		// The digest and the reminders: Pieter's digest labels them; the
		// important item for every partner reminds Bob (a partner who has
		// not confirmed), as partners see it, and not Anna.
		e.Now = time.Date(2026, 11, 28, 8, 30, 0, 0, coretest.Amsterdam)
		e.RunDue()
		w(t, "pieter's digest", strings.Join(e.dms(pieter), "\n"), "Protocol partners", "Voor partners", "Voor partner: Thuiszorg Midden")
		e.Now = time.Date(2026, 11, 28, 10, 5, 0, 0, coretest.Amsterdam)
		e.RunDue()
		bobs := strings.Join(e.dms(bob), "\n")
		w(t, "bob's reminder", bobs, "Herinnering: Protocol partners", "/news read 3")
		coretest.Lacks(t, "bob's reminder", bobs, "Wondzorg", "Reageren", carla)
		if got := strings.Join(e.dms(anna), "\n"); strings.Contains(got, "Herinnering") {
			t.Errorf("anna, who confirmed, was reminded: %s", got)
		}
		stats := e.say(carla, "", "/news stats 3")
		w(t, "stats", stats, "1 van ", "Bob Bakker · Apotheek Oost (partner)")
		coretest.Lacks(t, "stats", stats, "Anna Smit")
		rows, err := news.NewsAcksCSV(ctx, e.Store, 4, coretest.Amsterdam)
		if err != nil {
			t.Fatal(err)
		}
		names := ""
		for _, r := range rows {
			names += r[1] + " "
		}
		if !strings.Contains(names, anna) || strings.Contains(names, bob) {
			t.Errorf("the audience of an item for Thuiszorg Midden: %s", names)
		}
	})
}

// TestNewsForPartnersTyped: partner: finds an organisation in any case,
// offers the near one for a typo and changes nothing then; audience: and
// partner: together are refused; an edit addresses an item to partners,
// to another organisation, and takes it from partners again.
func TestNewsForPartnersTyped(t *testing.T) {
	newsEnv(t, func(t *testing.T, e *env) {
		w := coretest.Wants
		w(t, "no organisations", e.say(carla, "", `/news post X | Y. partner:Thuiszorg`), "nog geen partnerorganisaties")
		e.addPartners()
		w(t, "typo", e.say(carla, "", `/news post X | Y. partner:"Thuiszorg Midan"`), `Ik ken geen partnerorganisatie "Thuiszorg Midan".`, "Bedoel je: Thuiszorg Midden?")
		w(t, "both", e.say(carla, "", `/news post X | Y. partner:"Thuiszorg Midden" audience:partners`), "kies er één")
		if list, _ := e.Store.News(context.Background(), intranet.NewsFilter{}); len(list) != 0 {
			t.Fatalf("a refused item was stored: %d", len(list))
		}
		w(t, "post", e.say(carla, "", "/news post Nieuws | Voor iedereen."), "Geplaatst als bericht 1")
		coretest.Lacks(t, "anna before", e.say(anna, "", "/news"), "Nieuws |", "Voor iedereen")
		w(t, "to partners", e.say(carla, "", "/news edit 1 audience:partners"), "Voor partners.")
		w(t, "anna", e.say(anna, "", "/news"), "Voor iedereen")
		w(t, "to bob's", e.say(carla, "", `/news edit 1 partner:"Apotheek"`), "Voor partner: Apotheek Oost.")
		w(t, "anna no more", e.say(anna, "", "/news 1"), "geen nieuwsbericht 1 voor jou")
		w(t, "bob", e.say(bob, "", "/news 1"), "Voor iedereen")
		edited := e.say(carla, "", "/news edit 1 doelgroep:medewerkers")
		coretest.Lacks(t, "to employees", edited, "Voor partner")
		w(t, "bob no more", e.say(bob, "", "/news 1"), "geen nieuwsbericht 1 voor jou")
	})
}

// TestNewsFormForPartners: where there are partner organisations, the
// publishing form asks for the audience; what it submits addresses the
// item, and the editing form holds the item's audience.
func TestNewsFormForPartners(t *testing.T) {
	newsEnv(t, func(t *testing.T, e *env) {
		audience := func(r intranet.Reply) *intranet.FormField {
			if r.Form == nil {
				t.Fatalf("no form: %s", coretest.All(r))
			}
			for i := range r.Form.Fields {
				if r.Form.Fields[i].Name == "audience" {
					return &r.Form.Fields[i]
				}
			}
			return nil
		}
		if f := audience(e.Say(carla, "", "/news post")); f != nil {
			t.Errorf("an audience field without partners: %+v", f)
		}
		e.addPartners()
		f := audience(e.Say(carla, "", "/news post"))
		if f == nil || len(f.Options) != 4 || f.Options[3].Label != "Ook partner Thuiszorg Midden" {
			t.Fatalf("audience field: %+v", f)
		}
		reply := e.submit(carla, map[string]string{"title": "Overdracht", "body": "Voor Midden.", "audience": f.Options[3].Value})
		w := coretest.Wants
		w(t, "submitted", coretest.All(reply), "Geplaatst als bericht 1", "Voor partner: Thuiszorg Midden.")
		w(t, "anna", e.say(anna, "", "/news 1"), "Voor Midden.")
		if f := audience(e.Say(carla, "", "/news edit 1")); f == nil || f.Value != f.Options[3].Value {
			t.Errorf("the editing form's audience: %+v", f)
		}
		r := coretest.Request(carla, "", "")
		r.Form = &intranet.FormSubmission{FormID: "news.edit.1", Values: map[string]string{"title": "Overdracht", "body": "Voor Midden.", "audience": "all"}}
		w(t, "edited", coretest.All(e.Do(r)), "Voor partners.")
		w(t, "bob", e.say(bob, "", "/news 1"), "Voor Midden.")
	})
}
