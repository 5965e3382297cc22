package board_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/internal/pgtest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature/board"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

const (
	carla  = "carla.content@example.nl"
	anouk  = coretest.Anouk
	pieter = coretest.Pieter
	kees   = coretest.Kees
	jan    = coretest.Jan
	gijs   = coretest.Gijs
)

type env struct {
	*coretest.Env
	unit *board.Unit
}

// boardEnv runs fn on both engines with the board unit, guests on or off,
// and Carla, a content manager; Kees reads English.
func boardEnv(t *testing.T, guests bool, fn func(t *testing.T, e *env)) {
	coretest.Engines(t, func(t *testing.T, ce *coretest.Env) {
		ce.Import(intranet.PersonRecord{Name: "Carla Content", Email: carla, Department: "Communicatie", Roles: []intranet.Role{intranet.RoleContentManager}})
		u, err := board.New(board.Config{Env: ce.Feature(), Board: ce.Store, Subscriptions: ce.Store, Managers: ce.Store, Guests: guests})
		if err != nil {
			t.Fatal(err)
		}
		ce.Core(u)
		for _, p := range []string{carla, anouk, pieter, kees, jan, gijs} {
			ce.Say(p, "", "/werkplek help")
		}
		ce.Say(kees, "", "/werkplek language en")
		fn(t, &env{Env: ce, unit: u})
	})
}

func (e *env) say(email, text string) string {
	e.T.Helper()
	return coretest.All(e.Say(email, "", text))
}

func (e *env) dms(email string) []string { return e.Posters.DMs(intranet.PlatformConsole, email) }

func last(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[len(s)-1]
}

func TestNew(t *testing.T) {
	if _, err := board.New(board.Config{}); err == nil {
		t.Error("a unit without its services was built")
	}
}

func TestBoardPostListShowEdit(t *testing.T) {
	boardEnv(t, false, func(t *testing.T, e *env) {
		w := coretest.Wants
		w(t, "no text", e.say(jan, "/prikbord plaats Fiets"), "Ik mis `|`")
		w(t, "post nl", e.say(jan, "/prikbord plaats Fiets te koop | Blauwe stadsfiets, 50 euro. categorie:tekoop"),
			"hangt op het prikbord als nummer 1", "tot zo 27 dec 2026", "Categorie: te koop", "Van: Jan de Vries", "Reacties: nog niemand", "[Verlengen: /board extend 1]")
		w(t, "post en", e.say(kees, "/board post Lost keys | Found a bunch of keys in the canteen. category:lost expires:2026-12-10"),
			"Your ad is up on the board as number 2, until Thu 10 Dec 2026", "Category: lost and found")
		w(t, "default category", e.say(pieter, "/board post Boek | Wie wil dit boek lenen?"), "Categorie: overig")
		w(t, "quoted category", e.say(pieter, `/board post Borrel | Vrijdag borrel. category:"te koop"`), "Categorie: te koop")
		w(t, "too late nl", e.say(jan, "/board post Lang | Heel lang. verloopt:2027-06-01"), "hoogstens 90 dagen, tot do 25 feb 2027")
		w(t, "too late en", e.say(kees, "/board post Long | Very long. expires:2027-06-01"), "at most 90 days, until Thu 25 Feb 2027")
		w(t, "past", e.say(jan, "/board post Oud | Oud. expires:2026-11-27 08:00"), "al voorbij")
		w(t, "bad category", e.say(jan, "/board post X | Y category:auto"), "`category:auto` kan niet; kies")

		list := e.say(kees, "/board")
		w(t, "list en", list, "Bulletin board", "#4 Borrel", "#1 Fiets te koop", "for sale", "[View: /board 4]")
		if strings.Index(list, "#4") > strings.Index(list, "#1") {
			t.Errorf("not newest first:\n%s", list)
		}
		w(t, "category nl", e.say(jan, "/board gevonden"), "Prikbord: gevonden", "#2 Lost keys")
		coretest.Lacks(t, "category nl", e.say(jan, "/board gevonden"), "Fiets")
		w(t, "category en", e.say(kees, "/board sale"), "Bulletin board: for sale", "#1 Fiets")
		w(t, "empty category", e.say(jan, "/board evenement"), "Er hangt nu niets onder evenement")
		w(t, "unknown category", e.say(jan, "/board fietsen"), "`fietsen` is geen nummer of categorie")
		w(t, "show", e.say(kees, "/board 1"), "#1 Fiets te koop", "Blauwe stadsfiets, 50 euro.", "Reply with `/board reply 1 <text>`")
		w(t, "no such", e.say(kees, "/board 99"), "There is no ad 99")
		w(t, "mine", e.say(pieter, "/board mijn"), "Jouw advertenties", "#3 Boek", "#4 Borrel")

		w(t, "edit not mine", e.say(kees, "/board edit 1 | Mine now"), "only they change or extend it")
		w(t, "edit nothing", e.say(jan, "/board wijzig 1"), "Wat moet er anders?")
		w(t, "edit", e.say(jan, "/board wijzig 1 | Verkocht, bedankt! categorie:overig"), "Advertentie 1 is gewijzigd", "Verkocht, bedankt!", "Categorie: overig")
		w(t, "edit too late", e.say(jan, "/board edit 1 | x expires:2027-06-01"), "hoogstens 90 dagen")
	})
}

func TestBoardPaging(t *testing.T) {
	boardEnv(t, false, func(t *testing.T, e *env) {
		for i := 1; i <= 12; i++ {
			e.say(jan, fmt.Sprintf("/board post Ad %d | Text %d", i, i))
		}
		first := e.Say(jan, "", "/board")
		if len(first.Sections) != board.PageSize || len(first.Buttons) != 1 || first.Buttons[0].Command != "/board page:2" {
			t.Fatalf("first page: %s", coretest.All(first))
		}
		second := coretest.All(e.Press(jan, "/board page:2"))
		coretest.Wants(t, "page 2", second, "#2 Ad 2", "#1 Ad 1")
		coretest.Lacks(t, "page 2", second, "#3 Ad 3", "[Meer")
	})
}

func TestBoardForm(t *testing.T) {
	boardEnv(t, false, func(t *testing.T, e *env) {
		r := e.Say(jan, "", "/board post")
		if r.Form == nil || r.Form.ID != "board.post" || !strings.Contains(r.Text, "/board post <titel> | <tekst>") {
			t.Fatalf("no form: %+v", r)
		}
		submit := func(values map[string]string) intranet.Reply {
			req := coretest.Request(jan, "", "")
			req.Form = &intranet.FormSubmission{FormID: "board.post", Values: values}
			return e.Do(req)
		}
		bad := submit(map[string]string{"title": "Tent", "text": "Te leen", "expires": "2027-06-01"})
		if bad.Form == nil || !strings.Contains(bad.FieldErrors["expires"], "90 dagen") {
			t.Fatalf("expiry too late: %+v", bad)
		}
		ok := submit(map[string]string{"title": "Tent", "text": `Te leen, "4 personen" en 'droog'`, "category": "offered", "expires": "2026-12-20"})
		coretest.Wants(t, "form", coretest.All(ok), "nummer 1", "tot zo 20 dec 2026", "Categorie: aangeboden", `"4 personen" en 'droog'`)
	})
}

func TestBoardTextIsPlain(t *testing.T) {
	boardEnv(t, false, func(t *testing.T, e *env) {
		e.say(jan, "/board post *Gratis* bank | Zie [foto](https://x.example/a) of https://x.example/b_c @here <!channel> <@U123> _schuin_ `code`")
		got := e.Say(kees, "", "/board 1").Sections[0]
		want := `Zie \[foto\](https://x.example/a) of https://x.example/b_c @` + "\u2060" + `here \<!channel\> \<@` + "\u2060" + `U123\> \_schuin\_ \` + "`code\\`"
		if got.Text != want {
			t.Errorf("text\n got %q\nwant %q", got.Text, want)
		}
		if got.Title != `#1 \*Gratis\* bank` {
			t.Errorf("title %q", got.Title)
		}
	})
}

func TestBoardExpiryThroughJobs(t *testing.T) {
	boardEnv(t, false, func(t *testing.T, e *env) {
		ctx := context.Background()
		e.say(jan, "/board post Fiets | Te koop. category:sale")                     // expires 27 Dec 10:00
		e.say(kees, "/board post Desk | For sale. category:sale expires:2026-12-05") // reminded on 4 Dec 00:00
		if due, ok := e.Jobs.Pending(board.BoardRemindJob, "board:1:remind"); !ok || !due.Equal(coretest.Start.Add(28*24*time.Hour)) {
			t.Fatalf("reminder of ad 1: %v %v", due, ok)
		}
		e.Now = time.Date(2026, 12, 4, 0, 0, 1, 0, coretest.Amsterdam)
		e.RunDue()
		coretest.Wants(t, "reminder en", last(e.dms(kees)), "Your ad 2 (Desk) expires on Sat 5 Dec 2026", "[Extend: /board extend 2]")
		if len(e.dms(jan)) != 0 {
			t.Errorf("jan reminded early: %v", e.dms(jan))
		}
		coretest.Wants(t, "extend by button", coretest.All(e.Press(kees, "/board extend 2")), "Ad 2 is now up until Mon 4 Jan 2027")
		e.Now = time.Date(2026, 12, 6, 0, 0, 1, 0, coretest.Amsterdam)
		e.RunDue()
		coretest.Wants(t, "still listed after extension", e.say(jan, "/board"), "#2 Desk")

		e.Now = coretest.Start.Add(28*24*time.Hour + time.Minute)
		e.RunDue()
		coretest.Wants(t, "reminder nl", last(e.dms(jan)), "Je advertentie 1 (Fiets) verloopt op zo 27 dec 2026", "[Verlengen: /board extend 1]")
		n := len(e.dms(jan))
		e.RunDue()
		if len(e.dms(jan)) != n {
			t.Error("reminded twice")
		}
		e.Now = coretest.Start.Add(30*24*time.Hour + time.Minute) // ad 1 expired
		coretest.Lacks(t, "expired list", e.say(kees, "/board"), "Fiets")
		coretest.Lacks(t, "expired search", e.say(kees, "/board search fiets"), "Fiets")
		coretest.Wants(t, "expired show", e.say(kees, "/board 1"), "Ad 1 has expired")
		coretest.Wants(t, "mine shows expired", e.say(jan, "/board mine"), "_Verlopen_", "[Verlengen: /board extend 1]")
		coretest.Wants(t, "extend expired", e.say(jan, "/board verleng 1"), "hangt nu tot di 26 jan 2027")
		coretest.Wants(t, "listed again", e.say(kees, "/board"), "Fiets")
		coretest.Wants(t, "extend capped", e.say(jan, "/board extend 1"), "hangt nu tot")
		coretest.Wants(t, "extend capped", e.say(jan, "/board extend 1"), "hangt nu tot")
		coretest.Wants(t, "extend at most 90 days", e.say(jan, "/board extend 1"), "het langste dat kan")
		a, err := e.Store.FindAdByID(ctx, 1)
		if err != nil || a.Expires.After(e.Now.Add(intranet.MaxAdExpiry)) {
			t.Errorf("extended beyond 90 days: %v %v", a, err)
		}
		coretest.Wants(t, "extend not mine", e.say(kees, "/board extend 1"), "only they change or extend it")
	})
}

func TestBoardSearch(t *testing.T) {
	boardEnv(t, false, func(t *testing.T, e *env) {
		e.say(jan, "/board post Fietsen te koop | Twee kinderfietsen, goed onderhouden.")
		e.say(kees, "/board post Winter tyres | Four winter tyres for a small car.")
		e.say(pieter, "/board post Kerstmarkt | Wie gaat mee naar de kerstmarkt?")
		w := coretest.Wants
		w(t, "nl stem", e.say(anouk, "/board zoek fiets"), "Gevonden op het prikbord", "#1 Fietsen te koop")
		w(t, "nl typo", e.say(anouk, "/board zoek fietsn"), "#1 Fietsen")
		w(t, "en", e.say(kees, "/board search tyre"), "Found on the board", "#2 Winter tyres")
		w(t, "en typo", e.say(kees, "/board search tires winter"), "#2 Winter tyres")
		coretest.Lacks(t, "en", e.say(kees, "/board search tyre"), "Fietsen")
		w(t, "nothing", e.say(anouk, "/board zoek grasmaaier"), "Geen advertenties gevonden voor “grasmaaier”")
		e.say(jan, "/board remove 1")
		coretest.Lacks(t, "removed", e.say(anouk, "/board zoek fiets"), "Fietsen")
	})
}

func TestBoardReply(t *testing.T) {
	boardEnv(t, false, func(t *testing.T, e *env) {
		e.say(kees, "/board post Desk | For sale, 20 euro.")
		coretest.Wants(t, "reply nl", e.say(jan, "/prikbord reageer 1 Staat hij er nog? *Graag* @channel"), "Verstuurd: Kees Janssen krijgt je reactie")
		dm := last(e.dms(kees))
		coretest.Wants(t, "dm en", dm, "A reply to your ad", "#1 Desk", `Staat hij er nog? \*Graag\* @`+"\u2060"+"channel",
			"From: <@jan.devries@example.nl|Jan de Vries> (Zorg Oost)", "Email: jan.devries@example.nl", "Write back to Jan de Vries directly")
		e.say(jan, "/board reply 1 Nog een vraag")
		e.say(pieter, "/board reply 1 I want it")
		if n := len(e.dms(kees)); n != 3 {
			t.Errorf("%d DMs to kees, want 3", n)
		}
		show := e.say(anouk, "/board 1")
		coretest.Wants(t, "count", show, "Reacties: 2 personen reageerden")
		coretest.Lacks(t, "what", show, "Nog een vraag", "I want it")
		coretest.Wants(t, "own ad", e.say(kees, "/board reply 1 hi"), "This is your own ad")
		coretest.Wants(t, "no such", e.say(jan, "/board reply 9 hoi"), "Er is geen advertentie 9")
		coretest.Wants(t, "no text", e.say(jan, "/board reply 1"), "Ik mis `<tekst>`")
	})
}

// TestBoardReplyMention: the reply's DM mentions the sender on the platform
// and installation it is delivered to (the poster's Slack, used last), as
// their account there; someone without an account there is named.
func TestBoardReplyMention(t *testing.T) {
	boardEnv(t, false, func(t *testing.T, e *env) {
		ctx := context.Background()
		e.say(kees, "/board post Desk | For sale, 20 euro.")
		for email, user := range map[string]string{kees: "U-KEES", jan: "U-JAN"} {
			p, err := e.Store.FindPersonByEmail(ctx, email)
			if err != nil {
				t.Fatal(err)
			}
			if err := e.Store.LinkAccount(ctx, intranet.Account{Platform: intranet.PlatformSlack, Installation: "T1", UserID: user, PersonID: p.ID}); err != nil {
				t.Fatal(err)
			}
			if err := e.Store.TouchAccount(ctx, intranet.PlatformSlack, "T1", user, e.Now.Add(time.Hour)); err != nil {
				t.Fatal(err)
			}
		}
		coretest.Wants(t, "sent", e.say(jan, "/board reply 1 Staat hij er nog?"), "een vermelding van jou in de chat")
		e.say(pieter, "/werkplek language en")
		coretest.Wants(t, "sent en", e.say(pieter, "/board reply 1 I want it"), "Sent: Kees Janssen gets your reply by direct message")
		dms := e.Posters.DMs(intranet.PlatformSlack, "U-KEES")
		if len(dms) != 2 {
			t.Fatalf("%d DMs to Kees on Slack, want 2", len(dms))
		}
		coretest.Wants(t, "jan mentioned", dms[0], "From: <@U-JAN|Jan de Vries> (Zorg Oost)", "Email: jan.devries@example.nl")
		coretest.Wants(t, "pieter named", dms[1], "From: Pieter Jansen (Zorg Oost)", "Email: pieter.jansen@example.nl")
		coretest.Lacks(t, "no mention left", dms[0]+dms[1], "person:", "jan.devries@example.nl|")
	})
}

func TestBoardModeration(t *testing.T) {
	boardEnv(t, false, func(t *testing.T, e *env) {
		e.say(jan, "/board post Fiets | Te koop.")
		e.say(kees, "/board post Puppies | For sale.")
		e.say(pieter, "/board post Boek | Te leen.")
		w := coretest.Wants
		w(t, "remove not mine", e.say(kees, "/board remove 1"), "Ad 1 is Jan de Vries's; only they and content managers remove it")
		w(t, "remove own", e.say(jan, "/board verwijder 1"), "Je advertentie 1 is weggehaald.")
		w(t, "remove twice", e.say(jan, "/board verwijder 1"), "al weggehaald")
		if len(e.dms(jan)) != 0 {
			t.Error("own removal told")
		}
		w(t, "moderation needs reason", e.say(carla, "/board remove 2"), "Geef een reden; Kees Janssen krijgt die te horen")
		w(t, "report", e.say(jan, "/board meld 2 Dieren verkopen mag hier niet"), "de contentbeheerders kijken naar advertentie 2")
		report := last(e.dms(carla))
		w(t, "report dm", report, "Gemelde advertentie", "Jan de Vries meldt advertentie 2: Dieren verkopen mag hier niet", "#2 Puppies",
			"[Weghalen: /board remove 2 Dieren verkopen mag hier niet]", "[Laten staan: /board keep 2]")
		w(t, "keep not manager", e.say(jan, "/board houd 2"), "Alleen contentbeheerders")
		w(t, "remove by button", coretest.All(e.Press(carla, "/board remove 2 Dieren verkopen mag hier niet")), "Advertentie 2 is weggehaald; Kees Janssen krijgt de reden")
		w(t, "poster told en", last(e.dms(kees)), "Carla Content removed your ad 2 (Puppies) from the board. Reason: Dieren verkopen mag hier niet")
		coretest.Lacks(t, "removed list", e.say(jan, "/board"), "Puppies")
		w(t, "report 3", e.say(kees, "/board report 3 spam"), "Thanks; the content managers will look at ad 3")
		w(t, "keep", coretest.All(e.Press(carla, "/board keep 3")), "Advertentie 3 (Boek) blijft staan.")
		w(t, "kept", e.say(jan, "/board"), "#3 Boek")
		w(t, "report removed", e.say(kees, "/board report 2 again"), "Ad 2 was removed.")
	})
}

func TestBoardGuests(t *testing.T) {
	t.Run("off", func(t *testing.T) {
		boardEnv(t, false, func(t *testing.T, e *env) {
			e.say(jan, "/board post Fiets | Te koop.")
			coretest.Wants(t, "guest reads", e.say(gijs, "/board"), "Je bent gast in Werkplek")
			coretest.Wants(t, "guest posts", e.say(gijs, "/board post Hoi | Hallo"), "Je bent gast in Werkplek")
			coretest.Wants(t, "unknown reads", e.say("nobody@elsewhere.example", "/board"), "Je account is nog niet gekoppeld")
			if ads, _ := e.Store.Ads(context.Background(), intranet.AdFilter{}); len(ads) != 1 {
				t.Errorf("%d ads", len(ads))
			}
		})
	})
	t.Run("on", func(t *testing.T) {
		boardEnv(t, true, func(t *testing.T, e *env) {
			e.say(jan, "/board post Fiets | Te koop.")
			coretest.Wants(t, "guest reads", e.say(gijs, "/board"), "#1 Fiets")
			coretest.Wants(t, "guest posts", e.say(gijs, "/board post Adviesavond | Donderdag bij ons. category:event"), "nummer 2")
			coretest.Wants(t, "guest form is the typed command", e.say(gijs, "/board post"), "Schrijf `/board post <titel> | <tekst>")
			coretest.Wants(t, "guest replies", e.say(gijs, "/board reply 1 Interesse!"), "Verstuurd")
			coretest.Wants(t, "reply dm", last(e.dms(jan)), "<@gijs@partner.example|Gijs Gast> (Extern)", "gijs@partner.example")
			e.say(jan, "/board reply 2 Ik kom")
			coretest.Wants(t, "guest gets reply", last(e.dms(gijs)), "<@jan.devries@example.nl|Jan de Vries> (Zorg Oost)", "Ik kom")
			coretest.Wants(t, "unknown reads", e.say("nobody@elsewhere.example", "/board"), "#2 Adviesavond")
			coretest.Wants(t, "unknown posts", e.say("nobody@elsewhere.example", "/board post A | B"), "Je account is nog niet gekoppeld")
		})
	})
}
