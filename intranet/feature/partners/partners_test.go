package partners_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/internal/pgtest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/feature/partners"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

const (
	// sanne is the admin of the tests, eva a colleague named as a
	// partner's contact; the other people are coretest's.
	sanne  = "sanne.muller@example.nl"
	eva    = "eva.kok@example.nl"
	pieter = coretest.Pieter
	gijs   = coretest.Gijs
	anna   = "anna@thuiszorgmidden.nl"
)

// withCore runs fn once per engine with the partner unit (the default
// fields shared with partners) and the admin and the contact in the
// phonebook.
func withCore(t *testing.T, fn func(t *testing.T, e *coretest.Env)) {
	withFields(t, intranet.DefaultPartnerFields, fn)
}

func withFields(t *testing.T, fields string, fn func(t *testing.T, e *coretest.Env)) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		e.Import(intranet.PersonRecord{Name: "Sanne Müller", Email: sanne, Department: "ICT", Roles: []intranet.Role{intranet.RoleAdmin}},
			intranet.PersonRecord{Name: "Eva Kok", Email: eva, Phone: "030-7654321", Mobile: "06-98765432", Department: "Wijkzorg", Title: "Coördinator", Location: "Zeist"})
		f, err := intranet.ParsePartnerFields(fields)
		if err != nil {
			t.Fatal(err)
		}
		u, err := partners.New(partners.Config{Partners: e.Store, People: e.Store, Accounts: e.Store, Roles: e.Store, Tx: e.Store, Fields: f})
		if err != nil {
			t.Fatal(err)
		}
		e.Core(u)
		for _, who := range []string{sanne, pieter, eva} {
			e.Say(who, "", "/werkplek language en")
		}
		fn(t, e)
	})
}

func person(t *testing.T, e *coretest.Env, email string) *intranet.Person {
	t.Helper()
	p, err := e.Store.FindPersonByEmail(context.Background(), email)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// organisation adds an organisation with a domain and Eva as its contact,
// through the store.
func organisation(t *testing.T, e *coretest.Env, name, domain string) *intranet.Organisation {
	t.Helper()
	ctx := context.Background()
	o, err := e.Store.AddOrganisation(ctx, name)
	if err != nil {
		t.Fatal(err)
	}
	if domain != "" {
		if err := e.Store.AddPartnerDomain(ctx, o.ID, domain); err != nil {
			t.Fatal(err)
		}
	}
	if err := e.Store.AddPartnerContact(ctx, o.ID, person(t, e, eva).ID); err != nil {
		t.Fatal(err)
	}
	return o
}

func actions(t *testing.T, e *coretest.Env) []string {
	t.Helper()
	log, err := e.Store.AuditLog(context.Background(), intranet.AuditQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, x := range log {
		out = append(out, x.Actor+" "+x.Action+" "+x.Subject)
	}
	return out
}

func TestNew(t *testing.T) {
	if _, err := partners.New(partners.Config{}); err == nil {
		t.Fatal("New without services: no error")
	}
}

// TestAdminCommands runs the admins' /partner commands in order, each
// reply checked, and finds each in the audit log.
func TestAdminCommands(t *testing.T) {
	withCore(t, func(t *testing.T, e *coretest.Env) {
		say := func(text string, want ...string) string {
			t.Helper()
			got := coretest.All(e.Say(sanne, "", text))
			coretest.Wants(t, text, got, want...)
			return got
		}
		say("/partner", "There are no partner organisations yet")
		say(`/partner add "Thuiszorg Midden"`, "Partner organisation Thuiszorg Midden is added")
		say(`/partner add thuiszorg midden`, `There is a partner organisation "thuiszorg midden" already`)
		say("/partner toevoegen Apotheek De Linde", "Partner organisation Apotheek De Linde is added")
		// An organisation of several words needs no quotes.
		say("/partner domain add Thuiszorg Midden thuiszorgmidden.nl", "at thuiszorgmidden.nl are linked to Thuiszorg Midden")
		say("/partner domein toevoegen Apotheek De Linde thuiszorgmidden.nl", "The domain thuiszorgmidden.nl belongs to Thuiszorg Midden already")
		say("/partner domain add Apotheek De Linde geen-domein", `"geen-domein" is no email domain`, "/partner domain add")
		say("/partner domain add Apotheek De Linde delinde.nl", "delinde.nl are linked to Apotheek De Linde")
		say("/partner domain remove Apotheek De Linde delinde.nl", "delinde.nl no longer belongs to Apotheek De Linde")
		say("/partner domain remove Apotheek De Linde delinde.nl", "does not have the domain delinde.nl; nothing changed")
		say("/partner contact add Thuiszorg Midden Eva Kok", "Eva Kok is now a contact of Thuiszorg Midden: the partners of Thuiszorg Midden find Eva Kok with `/phonebook`.")
		say("/partner contact add Thuiszorg Midden "+gijs, "Gijs Gast is a guest or partner")
		say("/partner member add Thuiszorg Midden "+anna, "anna (anna@thuiszorgmidden.nl) is now in the phonebook as a partner of Thuiszorg Midden")
		say("/partner lid toevoegen Thuiszorg Midden "+anna, "anna is already a partner of Thuiszorg Midden; nothing changed")
		// Gijs, a guest without an organisation, joins without a question.
		say("/partner member add Apotheek De Linde "+gijs, "Gijs Gast is a partner of Apotheek De Linde")
		say("/partner member add Thuiszorg Midden "+gijs, "Gijs Gast is now a partner of Thuiszorg Midden (was of Apotheek De Linde)")
		say("/partner show Thuiszorg Midden", "Thuiszorg Midden", "Domains: thuiszorgmidden.nl", "Contacts: Eva Kok",
			"People: anna · Thuiszorg Midden (partner), Gijs Gast · Thuiszorg Midden (partner)")
		say("/partner list", "*Apotheek De Linde* · 0 people · 0 contacts", "*Thuiszorg Midden* · 2 people · 1 contact · thuiszorgmidden.nl",
			`[Show: /partner show "Thuiszorg Midden"]`)
		say("/partner contact remove Thuiszorg Midden "+eva, "Eva Kok is no longer a contact of Thuiszorg Midden")
		say("/partner contact remove Thuiszorg Midden "+eva, "Eva Kok was not a contact of Thuiszorg Midden; nothing changed")

		if p := person(t, e, anna); p.OrganisationID == 0 || p.Organisation != "Thuiszorg Midden" || !p.IsGuest() {
			t.Errorf("anna: %+v", p)
		}
		got := strings.Join(actions(t, e), "\n")
		coretest.Wants(t, "audit log", got,
			sanne+" partner add Thuiszorg Midden",
			sanne+" partner domain add Thuiszorg Midden",
			sanne+" partner domain remove Apotheek De Linde",
			sanne+" partner contact add "+eva,
			sanne+" partner contact remove "+eva,
			sanne+" partner member add "+anna,
			sanne+" partner member add "+gijs)
	})
}

// TestBadInput: a missing part gets the usage, an unknown organisation a
// did-you-mean.
// TestOwnDomainIsNoPartners: the domain employees have is refused as a
// partner's, with why; so a new colleague's account at it, not in the
// phonebook yet, does not become a partner when they first write. A
// domain only a guest without organisation has is a partner's.
func TestOwnDomainIsNoPartners(t *testing.T) {
	withCore(t, func(t *testing.T, e *coretest.Env) {
		organisation(t, e, "Thuiszorg Midden", "")
		got := coretest.All(e.Say(sanne, "", "/partner domain add Thuiszorg Midden example.nl"))
		coretest.Wants(t, "own domain", got, "Colleagues have an address at example.nl", "not a partner's", "/partner member add")
		if o, err := e.Store.FindOrganisation(context.Background(), "Thuiszorg Midden"); err != nil || len(o.Domains) != 0 {
			t.Fatalf("domains: %+v, %v", o, err)
		}
		e.Say("new.colleague@example.nl", "", "/werkplek help")
		if _, err := e.Store.FindPersonByEmail(context.Background(), "new.colleague@example.nl"); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("a new colleague became a person: %v", err)
		}
		coretest.Wants(t, "a guest's domain", coretest.All(e.Say(sanne, "", "/partner domain add Thuiszorg Midden partner.example")), "at partner.example are linked to Thuiszorg Midden")
	})
}

func TestBadInput(t *testing.T) {
	withCore(t, func(t *testing.T, e *coretest.Env) {
		organisation(t, e, "Thuiszorg Midden", "")
		for text, want := range map[string]string{
			"/partner show Thuiszorg Midsen":                        `I know no partner organisation "Thuiszorg Midsen". Did you mean: Thuiszorg Midden?`,
			"/partner domain add Thuiszorg":                         "/partner domain add <organisation> <domain>",
			"/partner member add Thuiszorg Midden anna":             "The person's email address is missing (a mention alone is not enough). Write `/partner member add <organisation> <email>",
			"/partner member add Thuiszorg Midden anna@x.nl ja nee": `After the email address only a mention of the chat account may follow, not "ja nee". Write`,
			"/partner member add anna@x.nl @anna":                   "The organisation is missing, before the email address. Write `/partner member add <organisation> <email>",
			"/partner member add Thuiszorg Midden anna@x.nl ja":     "ja is no mention of a chat account",
			"/partner member add Thuiszorg Midden anna@x.nl @anna":  "is no mention of a chat account",
			"/partner contact add Thuiszorg Midden Nomen Nescio":    `I did not find "Nomen Nescio" in the phonebook`,
			"/partner contact add Thuiszorgen Eva Kok":              `I know no partner organisation "Thuiszorgen"`,
		} {
			coretest.Wants(t, text, coretest.All(e.Say(sanne, "", text)), want)
		}
	})
}

// TestEmployee: an employee sees every organisation and is refused every
// admin command, which changes nothing and is not audited as theirs.
func TestEmployee(t *testing.T) {
	withCore(t, func(t *testing.T, e *coretest.Env) {
		o := organisation(t, e, "Thuiszorg Midden", "thuiszorgmidden.nl")
		coretest.Wants(t, "list", coretest.All(e.Say(pieter, "", "/partner")), "Thuiszorg Midden", "1 contact")
		coretest.Wants(t, "show", coretest.All(e.Say(pieter, "", "/partner show Thuiszorg Midden")), "Contacts: Eva Kok")
		for _, text := range []string{`/partner add Zorgboog`, "/partner domain add Thuiszorg Midden zorg.nl", "/partner contact add Thuiszorg Midden " + pieter,
			"/partner member add Thuiszorg Midden x@zorg.nl", "/partner member remove Thuiszorg Midden " + eva} {
			coretest.Wants(t, text, e.Say(pieter, "", text).Text, "Only admins manage partner organisations.")
		}
		all, err := e.Store.Organisations(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if len(all) != 1 || len(all[0].Domains) != 1 || all[0].Contacts != 1 || all[0].Members != 0 || all[0].ID != o.ID {
			t.Errorf("organisations changed: %+v", all[0])
		}
		if got := actions(t, e); len(got) != 0 {
			t.Errorf("audit log: %v", got)
		}
	})
}

// TestPartnerSeesOwn: a partner sees their own organisation and its
// contact with the shared fields only; another organisation is as
// unknown as one that does not exist, and admin commands are refused.
func TestPartnerSeesOwn(t *testing.T) {
	withCore(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		mine := organisation(t, e, "Thuiszorg Midden", "thuiszorgmidden.nl")
		other := organisation(t, e, "Apotheek De Linde", "delinde.nl")
		if err := e.Store.AddPartnerContact(ctx, other.ID, person(t, e, pieter).ID); err != nil {
			t.Fatal(err)
		}
		if _, _, err := e.Store.AddPartnerPerson(ctx, mine.ID, anna, "Anna Smit"); err != nil {
			t.Fatal(err)
		}
		e.Say(anna, "", "/werkplek language en")
		hidden := []string{"06-98765432", eva, "Zeist", "Apotheek", "Pieter", "delinde", "thuiszorgmidden.nl", "Anna Smit"}
		for _, text := range []string{"/partner", "/partner list", "/partner show Thuiszorg Midden", "/partner toon thuiszorg"} {
			got := coretest.All(e.Say(anna, "", text))
			coretest.Wants(t, text, got, "Thuiszorg Midden", "Your contacts:", "Eva Kok", "Title: Coördinator", "Department: Wijkzorg", "Phone: 030-7654321")
			coretest.Lacks(t, text, got, hidden...)
		}
		got := coretest.All(e.Say(anna, "", "/partner show Apotheek De Linde"))
		coretest.Wants(t, "other", got, `I know no partner organisation "Apotheek De Linde".`)
		coretest.Lacks(t, "other", got, "Thuiszorg", "Pieter", "There are")
		for _, text := range []string{"/partner add Nieuw", "/partner member add Thuiszorg Midden bob@thuiszorgmidden.nl", "/partner contact add Thuiszorg Midden " + eva} {
			got := e.Say(anna, "", text).Text
			coretest.Wants(t, text, got, "As a partner of Thuiszorg Midden you can use only what is shared with partners")
		}
		// What the partner ran is in the audit log, their language
		// (open to guests) too; what they were refused changed nothing
		// and is not.
		want := []string{"anna@thuiszorgmidden.nl werkplek language en", "anna@thuiszorgmidden.nl partner ", "anna@thuiszorgmidden.nl partner list ", "anna@thuiszorgmidden.nl partner show Thuiszorg Midden",
			"anna@thuiszorgmidden.nl partner show thuiszorg", "anna@thuiszorgmidden.nl partner show Apotheek De Linde"}
		if got := actions(t, e); strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("audit log: %q", got)
		}
	})
}

// TestPartnerFields: WERKPLEK_PARTNER_FIELDS decides what a partner sees
// of a contact; a mobile number never reaches them.
func TestPartnerFields(t *testing.T) {
	withFields(t, "e-mail,locatie", func(t *testing.T, e *coretest.Env) {
		o := organisation(t, e, "Thuiszorg Midden", "")
		if _, _, err := e.Store.AddPartnerPerson(context.Background(), o.ID, anna, "Anna Smit"); err != nil {
			t.Fatal(err)
		}
		e.Say(anna, "", "/werkplek language en")
		got := coretest.All(e.Say(anna, "", "/partner"))
		coretest.Wants(t, "fields", got, "Eva Kok", "Email: "+eva, "Location: Zeist")
		coretest.Lacks(t, "fields", got, "Coördinator", "Wijkzorg", "030-7654321", "06-98765432")
		if _, err := partners.New(partners.Config{Partners: e.Store, People: e.Store, Accounts: e.Store, Roles: e.Store, Fields: []string{"mobile"}}); err == nil {
			t.Error("New shares a mobile number")
		}
	})
}

// TestPartnerCard: every field only as allowed, never the mobile.
func TestPartnerCard(t *testing.T) {
	p := &intranet.Person{Name: "Eva Kok", Email: eva, Phone: "030-1", Mobile: "06-2", Title: "T", Department: "D", Location: "L"}
	c := &feature.Call{Lang: "en"}
	for _, tc := range []struct {
		fields []string
		want   string
	}{
		{nil, "Eva Kok"},
		{[]string{"title", "department", "phone"}, "Eva Kok Title:T Department:D Phone:030-1"},
		{[]string{"email", "location", "mobile"}, "Eva Kok Email:" + eva + " Location:L"},
	} {
		s := feature.PartnerCard(c, p, tc.fields)
		got := s.Title
		for _, f := range s.Fields {
			got += " " + f.Label + ":" + f.Value
		}
		if got != tc.want {
			t.Errorf("%v: %q, want %q", tc.fields, got, tc.want)
		}
	}
}
