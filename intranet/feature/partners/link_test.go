package partners_test

import (
	"context"
	"strings"
	"testing"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
)

// slack is a request from a Slack workspace, where a guest's email may be
// hidden (Slack Connect): user is the Slack user id.
func slack(user, email, name, text string, guest bool) intranet.Request {
	return intranet.Request{Platform: intranet.PlatformSlack, Installation: "T1",
		User:    intranet.User{ID: user, Email: email, Name: name, Guest: guest},
		Channel: intranet.Channel{ID: "D1", Direct: true}, Text: text}
}

func account(t *testing.T, e *coretest.Env, p intranet.Platform, installation, user string) *intranet.Account {
	t.Helper()
	a, err := e.Store.FindAccount(context.Background(), p, installation, user)
	if err != nil {
		t.Fatalf("account %s %s: %v", p, user, err)
	}
	return a
}

// TestFirstContactByDomain: a guest account whose email domain is a
// partner's is added as a partner of it on first contact (the name from
// the platform), linked as a guest, welcomed once, labelled for employees
// and audited as the system's doing; it then sees its own organisation.
func TestFirstContactByDomain(t *testing.T) {
	withCore(t, func(t *testing.T, e *coretest.Env) {
		organisation(t, e, "Thuiszorg Midden", "thuiszorgmidden.nl")
		got := coretest.All(e.Do(slack("U0BOB", "Bob.Bakker@ThuiszorgMidden.nl", "Bob Bakker", "/partner", true)))
		coretest.Wants(t, "first contact", got, "Thuiszorg Midden", "Je contactpersonen:", "Eva Kok", "Telefoon: 030-7654321",
			"Welkom bij Werkplek! Je account is gekoppeld als partner van Thuiszorg Midden. Typ `/werkplek help`")
		coretest.Lacks(t, "first contact", got, "06-98765432", "niet gekoppeld")

		p := person(t, e, "bob.bakker@thuiszorgmidden.nl")
		if p.Name != "Bob Bakker" || p.Organisation != "Thuiszorg Midden" || !p.IsPartner() || p.Inactive {
			t.Errorf("bob: %+v", p)
		}
		if a := account(t, e, intranet.PlatformSlack, "T1", "U0BOB"); a.PersonID != p.ID || !a.Guest {
			t.Errorf("account: %+v", a)
		}
		coretest.Wants(t, "employee's view", coretest.All(e.Say(pieter, "", "/partner show Thuiszorg Midden")), "Bob Bakker · Thuiszorg Midden (partner)")
		coretest.Wants(t, "audit", strings.Join(actions(t, e), "\n"), "system partner linked bob.bakker@thuiszorgmidden.nl")

		// The second request finds the linked account: no second person,
		// no second entry.
		again := coretest.All(e.Do(slack("U0BOB", "", "", "/partner", true)))
		coretest.Wants(t, "again", again, "Eva Kok")
		coretest.Lacks(t, "again", again, "Welkom")
		if n := strings.Count(strings.Join(actions(t, e), "\n"), "partner linked"); n != 1 {
			t.Errorf("%d partner linked entries", n)
		}
		// A domain that is not the organisation's (a subdomain) links nobody.
		got = e.Do(slack("U0EVE", "eve@mail.thuiszorgmidden.nl", "Eve", "/partner", true)).Text
		coretest.Wants(t, "subdomain", got, "vraag dan je contactpersoon hier om je als partner te laten koppelen")
	})
}

// TestUnknownGuest: a guest account of a domain no partner has gets only
// the help, with the sentence on whom to ask, and is added to nothing;
// someone who left stays unknown though their domain is a partner's.
func TestUnknownGuest(t *testing.T) {
	withCore(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		o := organisation(t, e, "Thuiszorg Midden", "thuiszorgmidden.nl")
		got := e.Do(slack("U0X", "x@elders.nl", "X", "/partner", true)).Text
		coretest.Wants(t, "unknown", got, "je kunt nu alleen `/werkplek help` gebruiken", "ben je van een partnerorganisatie, vraag dan je contactpersoon hier om je als partner te laten koppelen")
		if _, err := e.Store.FindPersonByEmail(ctx, "x@elders.nl"); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("x@elders.nl: %v", err)
		}
		if _, err := e.Store.FindAccount(ctx, intranet.PlatformSlack, "T1", "U0X"); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("account of x: %v", err)
		}

		left, _, err := e.Store.AddPartnerPerson(ctx, o.ID, "oud@thuiszorgmidden.nl", "Oud")
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := e.Store.DeactivatePerson(ctx, left.ID, person(t, e, sanne).ID); err != nil {
			t.Fatal(err)
		}
		got = e.Do(slack("U0OUD", "oud@thuiszorgmidden.nl", "Oud", "/partner", true)).Text
		coretest.Wants(t, "left", got, "je kunt nu alleen `/werkplek help` gebruiken")
		if _, err := e.Store.FindAccount(ctx, intranet.PlatformSlack, "T1", "U0OUD"); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("account of who left: %v", err)
		}
		if strings.Contains(strings.Join(actions(t, e), "\n"), "partner linked") {
			t.Errorf("audit: %v", actions(t, e))
		}
	})
}

// TestMentionLink: an admin links a guest account whose email the
// platform hides by mentioning it; the guest is then that partner. A
// colleague's account is never taken.
func TestMentionLink(t *testing.T) {
	withCore(t, func(t *testing.T, e *coretest.Env) {
		organisation(t, e, "Thuiszorg Midden", "")
		admin := func(text string) string {
			return coretest.All(e.Do(slack("U0SANNE", sanne, "sanne", text, false)))
		}
		// Before: the hidden guest is unknown.
		coretest.Wants(t, "before", e.Do(slack("U0ANNA", "", "anna", "/partner", true)).Text, "je kunt nu alleen `/werkplek help` gebruiken")

		coretest.Wants(t, "link", admin("/partner member add Thuiszorg Midden "+anna+" <@U0ANNA|Anna Smit>"),
			"Anna Smit (anna@thuiszorgmidden.nl) is now in the phonebook as a partner of Thuiszorg Midden.", "The mentioned chat account is linked to Anna Smit, as a guest.")
		p := person(t, e, anna)
		if a := account(t, e, intranet.PlatformSlack, "T1", "U0ANNA"); a.PersonID != p.ID || !a.Guest || a.UserName != "Anna Smit" {
			t.Errorf("account: %+v", a)
		}
		coretest.Wants(t, "after", coretest.All(e.Do(slack("U0ANNA", "", "anna", "/partner", true))), "Thuiszorg Midden", "Je contactpersonen:", "Eva Kok")

		// Pieter's Slack account is his.
		e.Do(slack("U0PIETER", pieter, "pieter", "/partner", false))
		coretest.Wants(t, "taken", admin("/partner member add Thuiszorg Midden bob@thuiszorgmidden.nl <@U0PIETER>"), "That chat account is linked to Pieter Jansen; nothing changed.")
		if a := account(t, e, intranet.PlatformSlack, "T1", "U0PIETER"); a.PersonID != person(t, e, pieter).ID {
			t.Errorf("pieter's account: %+v", a)
		}
		if _, err := e.Store.FindPersonByEmail(context.Background(), "bob@thuiszorgmidden.nl"); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("bob: %v", err)
		}
		coretest.Wants(t, "audit", strings.Join(actions(t, e), "\n"), sanne+" partner member add "+anna)
	})
}

// TestMemberMoveAndRemove: an employee becomes a partner only after a
// question (they lose their roles and teams); a removed partner stays a
// guest with only the help.
func TestMemberMoveAndRemove(t *testing.T) {
	withCore(t, func(t *testing.T, e *coretest.Env) {
		organisation(t, e, "Thuiszorg Midden", "")
		ask := e.Say(sanne, "", "/partner member add Thuiszorg Midden "+pieter)
		coretest.Wants(t, "question", coretest.All(ask), "Make Pieter Jansen a partner?", "Pieter Jansen (pieter.jansen@example.nl) is still a colleague.", "lose every role, team", `/partner member add "Thuiszorg Midden" `+pieter+" sure")
		if person(t, e, pieter).IsPartner() {
			t.Fatal("moved before the answer")
		}
		got := e.Press(sanne, ask.Buttons[0].Command).Text
		coretest.Wants(t, "moved", got, "Pieter Jansen is now a partner of Thuiszorg Midden: roles and teams are gone.")
		if p := person(t, e, pieter); !p.IsPartner() || !p.IsGuest() {
			t.Errorf("pieter: %+v", p)
		}
		coretest.Wants(t, "partner now", e.Say(pieter, "", "/partner add X").Text, "As a partner of Thuiszorg Midden")

		coretest.Wants(t, "self", e.Say(sanne, "", "/partner member add Thuiszorg Midden "+sanne+" sure").Text, "You cannot make yourself a partner.")

		coretest.Wants(t, "not a member", e.Say(sanne, "", "/partner member remove Thuiszorg Midden "+eva).Text, "Eva Kok is not of Thuiszorg Midden; nothing changed.")
		coretest.Wants(t, "remove", e.Say(sanne, "", "/partner lid verwijder Thuiszorg Midden "+pieter).Text,
			"Pieter Jansen is no longer of Thuiszorg Midden. They stay in the phonebook as a guest without an organisation", "/werkplek person deactivate "+pieter)
		p := person(t, e, pieter)
		if p.IsPartner() || !p.Has(intranet.RoleGuest) {
			t.Errorf("pieter after removal: %+v", p)
		}
		got = e.Say(pieter, "", "/partner").Text
		coretest.Wants(t, "guest", got, "You are a guest in Werkplek")
		coretest.Lacks(t, "guest", got, "Thuiszorg")
		coretest.Wants(t, "audit", strings.Join(actions(t, e), "\n"), sanne+" partner member add "+pieter, sanne+" partner member remove "+pieter)
	})
}

// TestLinkByDomain: Router.Link (the users a Teams install names) adds
// and links a partner by their domain as first contact does, and leaves
// other unknown users alone.
func TestLinkByDomain(t *testing.T) {
	withCore(t, func(t *testing.T, e *coretest.Env) {
		organisation(t, e, "Thuiszorg Midden", "thuiszorgmidden.nl")
		err := e.Router.Link(context.Background(), intranet.PlatformTeams, "tenant", []intranet.User{
			{ID: "29:carla", Email: "carla@thuiszorgmidden.nl", Name: "Carla de Wit"},
			{ID: "29:x", Email: "x@elders.nl", Name: "X"}})
		if err != nil {
			t.Fatal(err)
		}
		p := person(t, e, "carla@thuiszorgmidden.nl")
		if p.Name != "Carla de Wit" || p.Organisation != "Thuiszorg Midden" {
			t.Errorf("carla: %+v", p)
		}
		if a := account(t, e, intranet.PlatformTeams, "tenant", "29:carla"); a.PersonID != p.ID || !a.Guest {
			t.Errorf("account: %+v", a)
		}
		if _, err := e.Store.FindPersonByEmail(context.Background(), "x@elders.nl"); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("x: %v", err)
		}
		coretest.Wants(t, "audit", strings.Join(actions(t, e), "\n"), "system partner linked carla@thuiszorgmidden.nl")
	})
}
