package teams_test

import (
	"context"
	"os"
	"testing"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/internal/pgtest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature/teams"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

const (
	anouk  = coretest.Anouk
	pieter = coretest.Pieter
	kees   = coretest.Kees
	jan    = coretest.Jan
)

func core(t *testing.T, e *coretest.Env) {
	t.Helper()
	u, err := teams.New(teams.Config{Teams: e.Store, People: e.Store, Accounts: e.Store})
	if err != nil {
		t.Fatal(err)
	}
	e.Core(u)
}

func TestNew(t *testing.T) {
	if _, err := teams.New(teams.Config{}); err == nil {
		t.Fatal("New without services: no error")
	}
}

// TestTeamCommands runs the /team commands in order, each step's reply
// checked; later steps rely on earlier ones.
func TestTeamCommands(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		core(t, e)
		for _, tc := range []struct {
			who, text string
			want      string
		}{
			{jan, "/team add Nachtdienst", "Alleen beheerders en teamleiders maken teams."},
			{anouk, "/team add Nachtdienst", "Team Nachtdienst is gemaakt."},
			{anouk, "/team add nachtdienst", `Er is al een team "nachtdienst".`},
			{anouk, "/team member add Nachtdienst pieter.jansen@example.nl", "Pieter Jansen is nu lid van Nachtdienst."},
			{anouk, "/team lid erbij nachtdienst Kees Janssen", "Kees Janssen is nu lid van Nachtdienst."},
			{anouk, "/team member remove Nachtdienst kees.janssen@example.nl", "Kees Janssen is geen lid van Nachtdienst meer."},
			{anouk, "/team member add Nachtdienst nobody@example.nl", `Ik vond "nobody@example.nl" niet in het telefoonboek.`},
			{anouk, "/team member add Nacht pieter.jansen@example.nl", "Pieter Jansen is al lid van Nachtdienst; er is niets veranderd."},
			{anouk, "/team member add Nachtdinest pieter.jansen@example.nl", `Ik ken geen team "Nachtdinest". Bedoel je: Nachtdienst?`},
			{anouk, "/team member add Nachtdienst jansen", `"jansen" past bij meer mensen`},
			{jan, "/team member add Nachtdienst jan.devries@example.nl", "Alleen een leider van Nachtdienst of een beheerder mag dat."},
			{anouk, `/team lead add "Zorg Oost" pieter.jansen@example.nl`, "Pieter Jansen is nu leider van Zorg Oost."},
			{anouk, "/team approval Nachtdienst aan", "Overnames in Nachtdienst hebben nu de goedkeuring"},
			{anouk, "/team approval Nachtdienst maybe", "`maybe` kan hier niet; kies `on`, `off`"},
			{anouk, "/team approval Nachtdienst maybe", "Schrijf `/team approval <team> on|off`"},
			{jan, "/team approval Nachtdienst uit", "Alleen een leider van Nachtdienst of een beheerder mag dat."},
			{anouk, "/team channel Nachtdienst", "niet in een privébericht"},
			{jan, "/team show nachtdienst", "Leiding: Anouk van den Berg"},
			{jan, "/team show nachtdienst", "Leden: Pieter Jansen"},
			{jan, "/team show nachtdienst", "Goedkeuring nodig: ja, door een teamleider"},
			{jan, `/team toon "Zorg Oost"`, "Afdeling: Zorg Oost"},
			{jan, "/team show zorg", `"zorg" past bij meer teams: Zorg Oost, Zorg West`},
			{jan, "/team show Nachtdinest", `Ik ken geen team "Nachtdinest". Bedoel je: Nachtdienst?`},
			{jan, "/team", "Nachtdienst"},
			{jan, "/team", "[Toon: /team show \"Zorg Oost\"]"},
			{jan, "/team lijst", "Zorg West"},
			{jan, "/team foo", "`/team foo` ken ik niet."},
			{jan, "/team foo", "Typ `/team help`"},
			{coretest.Gijs, "/team", "Je bent gast in Werkplek"},
		} {
			coretest.Wants(t, tc.text, coretest.All(e.Say(tc.who, "", tc.text)), tc.want)
		}
	})
}

// TestTeamPersonUnchanged: adding who already is a member or lead, or
// removing who is not, says so instead of "now a member"; a guest is not
// added to a team.
func TestTeamPersonUnchanged(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		core(t, e)
		for _, step := range []struct {
			name, text, want string
		}{
			{"Made", "/team add Nachtdienst", "Team Nachtdienst is gemaakt."},
			{"Add", "/team member add Nachtdienst Pieter Jansen", "Pieter Jansen is nu lid van Nachtdienst."},
			{"AddAgain", "/team member add Nachtdienst Pieter Jansn", "Pieter Jansen is al lid van Nachtdienst; er is niets veranderd."},
			{"LeadAgain", "/team lead add Nachtdienst anouk.vandenberg@example.nl", "Anouk van den Berg is al leider van Nachtdienst; er is niets veranderd."},
			{"RemoveNonMember", "/team member remove Nachtdienst kees.janssen@example.nl", "Kees Janssen was geen lid van Nachtdienst; er is niets veranderd."},
			{"Guest", "/team member add Nachtdienst gijs@partner.example", "Gijs Gast is gast (van buiten de organisatie) en kan geen lid of leider van Nachtdienst worden"},
			{"GuestLead", "/team lead add Nachtdienst gijs@partner.example", "Gijs Gast is gast"},
			{"English", "/werkplek language en", "English"},
			{"AddAgainEnglish", "/team member add Nachtdienst pieter.jansen@example.nl", "Pieter Jansen is already a member of Nachtdienst; nothing changed."},
			{"GuestEnglish", "/team member add Nachtdienst gijs@partner.example", "Gijs Gast is a guest (from outside the organisation) and cannot become a member or lead of Nachtdienst"},
		} {
			t.Run(step.name, func(t *testing.T) {
				coretest.Wants(t, step.text, coretest.All(e.Say(anouk, "", step.text)), step.want)
			})
		}
		team, err := e.Store.FindTeamByName(context.Background(), "Nachtdienst")
		if err != nil {
			t.Fatal(err)
		}
		gijs, err := e.Store.FindPersonByEmail(context.Background(), coretest.Gijs)
		if err != nil {
			t.Fatal(err)
		}
		if team.IsMember(gijs.ID) || team.IsLead(gijs.ID) || len(team.Members) != 2 {
			t.Fatalf("team = %+v", team.Members)
		}
	})
}

// TestTeamChannel: /team channel typed in a channel links it, by a lead only.
func TestTeamChannel(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		core(t, e)
		coretest.Wants(t, "non-lead", coretest.All(e.Say(jan, "zorg-oost", `/team channel "Zorg Oost"`)), "Alleen een leider van Zorg Oost")
		coretest.Wants(t, "lead", coretest.All(e.Say(anouk, "zorg-oost", `/team kanaal zorg oost`)), "Dit kanaal hoort nu bij Zorg Oost", "nieuws voor afdeling Zorg Oost")
		coretest.Wants(t, "shown", coretest.All(e.Say(jan, "", `/team show "Zorg Oost"`)), "Kanalen: console:zorg-oost")
	})
}

// TestTeamPersonSplit: an unquoted team of two words with a name after it
// ("Zorg Oost Jan de Vries") is read as the known team and the rest the
// person, though the grammar's own split is the shortest team ("Zorg").
func TestTeamPersonSplit(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		core(t, e)
		for _, tc := range []struct {
			name, who, text string
			want            string
		}{
			{"RemoveMember", anouk, "/team member remove Zorg Oost Jan de Vries", "Jan de Vries is geen lid van Zorg Oost meer."},
			{"AddMember", anouk, "/team member add zorg oost Jan de Vries", "Jan de Vries is nu lid van Zorg Oost."},
			{"AddLead", anouk, "/team lead add Zorg Oost Pieter Jansen", "Pieter Jansen is nu leider van Zorg Oost."},
			{"StartOfName", anouk, "/team member add Zorg O Kees Janssen", "Kees Janssen is nu lid van Zorg Oost."},
			{"Quoted", anouk, `/team member remove "Zorg Oost" Jan de Vries`, "Jan de Vries is geen lid van Zorg Oost meer."},
			{"Ambiguous", anouk, "/team member add Zorg Jan de Vries", `"Zorg" past bij meer teams: Zorg Oost, Zorg West`},
			{"UnknownPerson", anouk, "/team member add Zorg Oost Marie Curie", `niet in het telefoonboek`},
			{"NotLead", kees, "/team member add Zorg Oost Kees Janssen", "Alleen een leider van Zorg Oost of een beheerder mag dat."},
			{"UnknownTeam", anouk, "/team member add Pool Noord Jan de Vries", `Ik ken geen team "Pool".`},
		} {
			t.Run(tc.name, func(t *testing.T) {
				coretest.Wants(t, tc.text, coretest.All(e.Say(tc.who, "", tc.text)), tc.want)
			})
		}
		// Kees's mention works once his console account is linked.
		e.Say(kees, "", "/team")
		coretest.Wants(t, "mention", coretest.All(e.Say(anouk, "", "/team member remove Zorg Oost <@kees.janssen@example.nl>")), "Kees Janssen is geen lid van Zorg Oost meer.")
	})
}

// TestTeamHelp: /team help is the router's, generated from the grammar.
func TestTeamHelp(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		core(t, e)
		coretest.Wants(t, "help", coretest.All(e.Say(jan, "", "/team help")), "Teams", "/team member add <team> <persoon>", "/team approval <team> on|off", "Elke afdeling is al een team", "Een gast (een partner van buiten) kan niet aan een team worden toegevoegd.", "voeg een lid toe (geen gasten)")
		e.Say(pieter, "", "/werkplek language en")
		coretest.Wants(t, "help in English", coretest.All(e.Say(pieter, "", "/team help")), "A guest (a partner from outside) cannot be added to a team.", "add a lead (no guests)")
		coretest.Wants(t, "sub help", coretest.All(e.Say(jan, "", "/team member add help")), "Schrijf `/team member add <team> <persoon>`")
	})
}

// TestTeamManagedMembers: the members of a team the identity provider
// manages are changed there, not by hand (in both languages); its leads,
// approval and channels stay Werkplek's.
func TestTeamManagedMembers(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		core(t, e)
		ctx := context.Background()
		pieterP, err := e.Store.FindPersonByEmail(ctx, pieter)
		if err != nil {
			t.Fatal(err)
		}
		g, err := e.Store.ProvisionGroup(ctx, intranet.ProvisionedGroup{Name: "Wijkteam Noord", ExternalID: "g-1", Members: []intranet.GroupMember{{PersonID: pieterP.ID}}})
		if err != nil {
			t.Fatal(err)
		}
		anoukP, err := e.Store.FindPersonByEmail(ctx, anouk)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.Store.SetTeamLead(ctx, g.ID, anoukP.ID, true); err != nil {
			t.Fatal(err)
		}
		for _, step := range []struct {
			name, text, want string
		}{
			{"Add", `/team member add "Wijkteam Noord" kees.janssen@example.nl`, "De leden van Wijkteam Noord komen uit de identiteitsprovider (Entra ID, Okta); wijzig ze daar."},
			{"Remove", `/team member remove "Wijkteam Noord" pieter.jansen@example.nl`, "De leden van Wijkteam Noord komen uit de identiteitsprovider (Entra ID, Okta); wijzig ze daar."},
			{"Lead", `/team lead add "Wijkteam Noord" kees.janssen@example.nl`, "Kees Janssen is nu leider van Wijkteam Noord."},
			{"Approval", `/team approval "Wijkteam Noord" on`, "Overnames in Wijkteam Noord hebben nu de goedkeuring"},
			{"Show", `/team show "Wijkteam Noord"`, "Leden uit: de identiteitsprovider (Entra ID, Okta)"},
			{"English", "/werkplek language en", "English"},
			{"AddEnglish", `/team member add "Wijkteam Noord" kees.janssen@example.nl`, "The members of Wijkteam Noord come from the identity provider (Entra ID, Okta); change them there."},
		} {
			t.Run(step.name, func(t *testing.T) {
				coretest.Wants(t, step.text, coretest.All(e.Say(anouk, "", step.text)), step.want)
			})
		}
		team, err := e.Store.FindTeamByID(ctx, g.ID)
		if err != nil {
			t.Fatal(err)
		}
		keesP, err := e.Store.FindPersonByEmail(ctx, kees)
		if err != nil {
			t.Fatal(err)
		}
		if !team.IsMember(pieterP.ID) || team.IsMember(keesP.ID) || !team.IsLead(keesP.ID) {
			t.Fatalf("team = %+v", team.Members)
		}
	})
}

// TestPartnerInNoTeam: a partner cannot be made a member or lead of a
// team, is in no department's team though they have the department, and
// may not use /team.
func TestPartnerInNoTeam(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		core(t, e)
		org, err := e.Store.AddOrganisation(ctx, "Thuiszorg Midden")
		if err != nil {
			t.Fatal(err)
		}
		anna, _, err := e.Store.AddPartnerPerson(ctx, org.ID, "anna@thuiszorgmidden.nl", "Anna Smit")
		if err != nil {
			t.Fatal(err)
		}
		// Kees (Zorg West) becomes a partner.
		k, err := e.Store.FindPersonByEmail(ctx, kees)
		if err != nil {
			t.Fatal(err)
		}
		if err := e.Store.SetOrganisation(ctx, k.ID, org.ID); err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			who, text, want string
		}{
			{anouk, `/team member add "Zorg Oost" anna@thuiszorgmidden.nl`, "Anna Smit is partner (van Thuiszorg Midden) en kan geen lid of leider van Zorg Oost worden"},
			{anouk, `/team lead add "Zorg Oost" Anna Smit`, "Anna Smit is partner (van Thuiszorg Midden) en kan geen lid of leider van Zorg Oost worden"},
			{anouk, `/team member add "Zorg Oost" kees.janssen@example.nl`, "Kees Janssen is partner (van Thuiszorg Midden)"},
			{anouk, `/team show "Zorg West"`, "Leden: (geen)"},
			{"anna@thuiszorgmidden.nl", "/team", "Als partner van Thuiszorg Midden"},
			{"anna@thuiszorgmidden.nl", `/team member add "Zorg Oost" anna@thuiszorgmidden.nl`, "Als partner van Thuiszorg Midden"},
		} {
			got := coretest.All(e.Say(tc.who, "", tc.text))
			coretest.Wants(t, tc.text, got, tc.want)
			coretest.Lacks(t, tc.text, got, "is nu lid", "is nu leider", "Kees Janssen\n", "Leden: Kees")
		}
		for _, p := range []*intranet.Person{anna, k} {
			teams, err := e.Store.TeamsOf(ctx, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(teams) != 0 {
				t.Errorf("%s is in %s", p.Name, teams[0].Name)
			}
		}
	})
}
