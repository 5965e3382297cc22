package router_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/internal/pgtest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/feature/phonebook"
	"github.com/werkplek/werkplek/intranet/grammar"
	"github.com/werkplek/werkplek/intranet/router"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

func core(e *coretest.Env) *router.Router {
	return e.Core(phonebook.New(phonebook.Config{People: e.Store}))
}

func TestHandle(t *testing.T) {
	jan := coretest.Jan
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		core(e)
		for _, tc := range []struct {
			name, email, text string
			want              []string
		}{
			{"Help", jan, "/werkplek help", []string{"Werkplek: alle commando's", "/phonebook [<naam", "`/telefoon`, `/telefoonboek` = `/phonebook`", "Datums en tijden"}},
			{"HelpAlone", jan, "/werkplek", []string{"Werkplek: alle commando's"}},
			{"HelpInDM", jan, "help", []string{"Werkplek: alle commando's"}},
			{"HulpInDM", jan, "hulp", []string{"Werkplek: alle commando's"}},
			{"HelpConsole", jan, "/help", []string{"Werkplek: alle commando's"}},
			{"HelpOfCommand", jan, "/phonebook help", []string{"Telefoonboek", "/phonebook show <nummer>", "Bijvoorbeeld: `/telefoon jansen afd:zorg`"}},
			{"HelpOfSub", jan, "/phonebook show help", []string{"Schrijf `/phonebook show <nummer>`"}},
			{"QuestionMark", jan, "/phonebook ?", []string{"Telefoonboek"}},
			{"ErrUnknownCommand", jan, "/fonebook jansen", []string{"Dat commando ken ik niet: `fonebook`.", "Bedoel je `/phonebook`?"}},
			{"ErrUnknownSub", jan, "/werkplek zing", []string{"`/werkplek zing` ken ik niet.", "Typ `/werkplek help`"}},
			{"ErrTooLong", jan, "/phonebook " + strings.Repeat("a", 1001), []string{"Dat is te lang"}},
			{"ErrControl", jan, "/phonebook jan\x00sen", []string{"stuurtekens"}},
			{"UnknownPerson", "nobody@example.nl", "/phonebook jansen", []string{"niet gekoppeld aan iemand in het telefoonboek"}},
			{"UnknownPersonHelp", "nobody@example.nl", "/werkplek help", []string{"Werkplek: alle commando's", "alleen `/werkplek help`"}},
			{"UnknownPersonMistake", "nobody@example.nl", "/phonebook show x y", []string{"niet gekoppeld"}},
			{"Guest", coretest.Gijs, "/phonebook jansen", []string{"Je bent gast in Werkplek"}},
			{"GuestHelpOfCommand", coretest.Gijs, "/phonebook help", []string{"Telefoonboek", "Je bent gast in Werkplek"}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				coretest.Wants(t, tc.text, coretest.All(e.Say(tc.email, "console", tc.text)), tc.want...)
			})
		}
	})
}

func TestLanguage(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		core(e)
		jan := coretest.Jan
		reply := e.Say(jan, "", "/werkplek language en")
		if !strings.Contains(reply.Text, "English from now on") || reply.Lang != "en" {
			t.Fatalf("switch: %+v", reply)
		}
		if reply := e.Say(jan, "", "/phonebook jansen"); reply.Title != "2 people found" {
			t.Errorf("English list: %q", reply.Title)
		}
		if reply := e.Say(jan, "", "/werkplek taal nederlands"); !strings.Contains(reply.Text, "Nederlands") {
			t.Errorf("back to Dutch: %q", reply.Text)
		}
		if reply := e.Say(jan, "", "/werkplek language fr"); !strings.Contains(reply.Text, "`fr` kan hier niet; kies `nl`, `en`") {
			t.Errorf("unknown language: %q", reply.Text)
		}
		// Someone without a choice gets the default; an English router says English.
		en := router.New(router.Config{People: e.Store, Accounts: e.Store, Decisions: e.Store, Language: "en",
			Units: []feature.Unit{phonebook.New(phonebook.Config{People: e.Store})}})
		p := coretest.Request(coretest.Pieter, "", "/phonebook zzzzzz")
		if reply, _ := en.Handle(context.Background(), p); !strings.HasPrefix(reply.Text, "Nobody found") {
			t.Errorf("default en: %q", reply.Text)
		}
		p.User.Locale = "nl-NL"
		if reply, _ := en.Handle(context.Background(), p); !strings.HasPrefix(reply.Text, "Niemand gevonden") {
			t.Errorf("Dutch locale: %q", reply.Text)
		}
	})
}

// TestGuestChoosesOwnSettings: a guest (an English-speaking partner) may
// choose the language of their own replies and their own quiet hours, and
// still nothing else; someone not in the phonebook has nowhere to keep it.
func TestGuestChoosesOwnSettings(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		core(e)
		gijs := coretest.Gijs
		if reply := e.Say(gijs, "", "/werkplek language en"); !strings.Contains(reply.Text, "English from now on") || reply.Lang != "en" {
			t.Fatalf("guest chooses English: %+v", reply)
		}
		if reply := e.Say(gijs, "", "/phonebook jansen"); !strings.Contains(reply.Text, "You are a guest in Werkplek") {
			t.Errorf("guest still refused, now in English: %q", reply.Text)
		}
		if reply := e.Say(gijs, "", "/werkplek quiet 08:00-16:00"); !strings.Contains(reply.Text, "Between 08:00 and 16:00 you get no direct messages") {
			t.Errorf("guest sets quiet hours: %q", reply.Text)
		}
		p, err := e.Store.FindPersonByEmail(context.Background(), gijs)
		if err != nil || p.Language != "en" || p.QuietHours != "08:00-16:00" {
			t.Fatalf("stored: %+v, %v", p, err)
		}
		if reply := e.Say("nobody@example.nl", "", "/werkplek language en"); !strings.Contains(reply.Text, "niet gekoppeld aan iemand in het telefoonboek") {
			t.Errorf("unknown person: %q", reply.Text)
		}
	})
}

// directory is a fake platform that knows one user's email.
type directory struct{ calls int }

func (d *directory) LookupUser(ctx context.Context, installation, userID string) (intranet.User, error) {
	d.calls++
	switch userID {
	case "U1":
		return intranet.User{ID: "U1", Name: "jan", Email: "Jan.DeVries@example.nl", Locale: "nl-NL"}, nil
	case "G1":
		return intranet.User{ID: "G1", Email: "pieter.jansen@example.nl", Guest: true}, nil
	}
	return intranet.User{}, intranet.Errorf(intranet.ENOTFOUND, "no such user")
}

func TestLinkOnFirstContact(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		dir := &directory{}
		e.Posters.Directories = map[intranet.Platform]intranet.Directory{intranet.PlatformSlack: dir}
		core(e)
		ctx := context.Background()
		slack := intranet.Request{Platform: intranet.PlatformSlack, Installation: "T1", User: intranet.User{ID: "U1"}, Text: "/phonebook show 1"}
		for i := 0; i < 2; i++ {
			if reply := e.Do(slack); reply.Title != "Anouk van den Berg" {
				t.Fatalf("linked request %d: %+v", i, reply)
			}
		}
		if dir.calls != 1 {
			t.Errorf("directory asked %d times, want once", dir.calls)
		}
		a, err := e.Store.FindAccount(ctx, intranet.PlatformSlack, "T1", "U1")
		if err != nil || a.UserName != "jan" {
			t.Fatalf("account: %+v %v", a, err)
		}
		// The card shows a chat mention when the person is linked on this platform.
		p, _ := e.Store.FindPersonByEmail(ctx, coretest.Jan)
		slack.Text = fmt.Sprintf("/phonebook show %d", p.ID)
		coretest.Wants(t, "mention", coretest.All(e.Do(slack)), "Chat: <@U1|jan>")
		// A platform guest account is a guest whatever its email.
		guest := intranet.Request{Platform: intranet.PlatformSlack, Installation: "T1", User: intranet.User{ID: "G1"}, Text: "/phonebook jansen"}
		coretest.Wants(t, "guest", e.Do(guest).Text, "gast")
		unknown := intranet.Request{Platform: intranet.PlatformSlack, Installation: "T1", User: intranet.User{ID: "U9"}, Text: "/phonebook jansen"}
		coretest.Wants(t, "unknown", e.Do(unknown).Text, "niet gekoppeld")
	})
}

func TestButtonReplacesOriginal(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		core(e)
		if reply := e.Press(coretest.Jan, "/phonebook show 1"); !reply.ReplaceOriginal || reply.Title != "Anouk van den Berg" {
			t.Errorf("press: %+v", reply)
		}
	})
}

func TestFailureHasRef(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		r := core(e)
		e.Store.Close()
		reply, err := r.Handle(context.Background(), coretest.Request(coretest.Jan, "", "/phonebook jansen"))
		var f *intranet.Failure
		if !errors.As(err, &f) || f.Ref == "" || !strings.Contains(reply.Text, f.Ref) {
			t.Fatalf("reply %q, err %v", reply.Text, err)
		}
	})
}

// TestLongButtons: a button whose command is over the limit becomes a
// decision only its person may run, until it expires.
func TestLongButtons(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		long := &longUnit{}
		e.Core(long)
		reply := e.Say(coretest.Jan, "", "/echo go")
		cmd := reply.Buttons[0].Command
		if len(cmd) > router.MaxButtonCommand || !strings.HasPrefix(cmd, "/werkplek confirm ") {
			t.Fatalf("long button became %q", cmd)
		}
		if short := reply.Buttons[1].Command; short != "/echo say hi" {
			t.Errorf("short button became %q", short)
		}
		coretest.Wants(t, "someone else", e.Press(coretest.Pieter, cmd).Text, "was voor iemand anders")
		if got := e.Press(coretest.Jan, cmd); !strings.HasPrefix(got.Text, "said ") || len(got.Text) < router.MaxButtonCommand {
			t.Errorf("confirm ran %q", got.Text)
		}
		e.Now = e.Now.Add(router.DecisionLifetime + 1)
		coretest.Wants(t, "expired", e.Press(coretest.Jan, cmd).Text, "is verlopen")
		coretest.Wants(t, "unknown", e.Press(coretest.Jan, "/werkplek confirm 999").Text, "ken ik niet")
	})
}

// TestDecisionOfAnotherByStranger: someone not in the phonebook (who may
// use /werkplek, open to guests) and a partner who type the number of an
// employee's decision are told it was someone else's; it does not run.
func TestDecisionOfAnotherByStranger(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		e.Core(&longUnit{})
		cmd := e.Say(coretest.Jan, "", "/echo go").Buttons[0].Command
		coretest.Wants(t, "stranger", e.Say("someone@elsewhere.example", "", cmd).Text, "was voor iemand anders")
		org, err := e.Store.AddOrganisation(ctx, "Thuiszorg Midden")
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := e.Store.AddPartnerPerson(ctx, org.ID, "anna@thuiszorgmidden.nl", "Anna Smit"); err != nil {
			t.Fatal(err)
		}
		coretest.Wants(t, "partner", e.Say("anna@thuiszorgmidden.nl", "", cmd).Text, "was voor iemand anders")
	})
}

// longUnit is a unit whose reply offers a button too long to carry its command.
type longUnit struct{}

var echo = &grammar.Command{Word: grammar.W("echo"), Subs: []grammar.Sub{
	{Args: []grammar.Arg{{Name: "x", Kind: grammar.Text, Optional: true}}},
	{Path: []grammar.Word{grammar.W("say")}, Args: []grammar.Arg{{Name: "text", Kind: grammar.Text}}},
}}

func (longUnit) Commands() []*grammar.Command { return []*grammar.Command{echo} }

func (longUnit) Handle(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	if c.Is("say") {
		return c.Reply("said " + c.Cmd.Text("text")), nil
	}
	return intranet.Reply{Buttons: []intranet.Button{
		{Label: "long", Command: "/echo say " + strings.Repeat("word ", 60)},
		{Label: "short", Command: "/echo say hi"},
	}}, nil
}

// TestQuietHoursCommand: a person sees and sets their own quiet hours.
func TestQuietHoursCommand(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		e.Router = router.New(router.Config{People: e.Store, Accounts: e.Store, Decisions: e.Store, Language: "nl", Quiet: "22:00-07:00"})
		jan := coretest.Jan
		quiet := func() string {
			p, err := e.Store.FindPersonByEmail(context.Background(), jan)
			if err != nil {
				t.Fatal(err)
			}
			return p.QuietHours
		}
		coretest.Wants(t, "shown", e.Say(jan, "", "/werkplek quiet").Text, "Je hebt de rusturen van iedereen: tussen 22:00 en 07:00")
		coretest.Wants(t, "set", e.Say(jan, "", "/werkplek quiet 8-16").Text, "Goed. Tussen 08:00 en 16:00 krijg je geen privéberichten")
		if got := quiet(); got != "08:00-16:00" {
			t.Errorf("stored %q", got)
		}
		coretest.Wants(t, "off", e.Say(jan, "", "/werkplek stil uit").Text, "Je krijgt privéberichten op elk uur.")
		if got := quiet(); got != "off" {
			t.Errorf("stored %q", got)
		}
		coretest.Wants(t, "both", e.Say(jan, "", "/werkplek quiet 8-16 off").Text, "niet allebei")
		coretest.Wants(t, "bad", e.Say(jan, "", "/werkplek quiet 25-26").Text, "`25` is geen tijd")
		coretest.Wants(t, "default", e.Say(jan, "", "/werkplek quiet default").Text, "Je hebt de rusturen van iedereen")
		if got := quiet(); got != "" {
			t.Errorf("stored %q", got)
		}
		// A guest's quiet hours are their own; someone not in the phonebook
		// has nowhere to keep them.
		coretest.Wants(t, "guest", e.Say(coretest.Gijs, "", "/werkplek quiet off").Text, "Goed. Je krijgt privéberichten op elk uur.")
		coretest.Wants(t, "unknown", e.Say("nobody@example.nl", "", "/werkplek quiet off").Text, "niet gekoppeld")
	})
}

// TestInactivePersonNotInPhonebook: someone who left gets what someone not
// in the phonebook gets, on a linked account (an account linked again by
// hand, say) and on first contact by email, which links nothing.
func TestInactivePersonNotInPhonebook(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		core(e)
		ctx := context.Background()
		coretest.Wants(t, "before", coretest.All(e.Say(coretest.Pieter, "", "/phonebook jansen")), "Pieter")
		p, _ := e.Store.FindPersonByEmail(ctx, coretest.Pieter)
		if _, _, err := e.Store.DeactivatePerson(ctx, p.ID, 0); err != nil {
			t.Fatal(err)
		}
		// The console account was unlinked; the email would link it again.
		coretest.Wants(t, "by email", e.Say(coretest.Pieter, "", "/phonebook jansen").Text, "niet gekoppeld aan iemand in het telefoonboek")
		if _, err := e.Store.FindAccount(ctx, intranet.PlatformConsole, "local", coretest.Pieter); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("account linked again: %v", err)
		}
		if err := e.Store.LinkAccount(ctx, intranet.Account{Platform: intranet.PlatformConsole, Installation: "local", UserID: coretest.Pieter, PersonID: p.ID}); err != nil {
			t.Fatal(err)
		}
		coretest.Wants(t, "linked", e.Say(coretest.Pieter, "", "/phonebook jansen").Text, "niet gekoppeld aan iemand in het telefoonboek")
		// Told of by a platform (Teams' install), they are linked to nobody.
		if err := e.Router.Link(ctx, intranet.PlatformTeams, "tenant", []intranet.User{{ID: "29:1", Email: coretest.Pieter}}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.Store.FindAccount(ctx, intranet.PlatformTeams, "tenant", "29:1"); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("linked on install: %v", err)
		}
	})
}
