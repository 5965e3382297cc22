package news_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/internal/pgtest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature/news"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

const (
	carla  = "carla.content@example.nl"
	anouk  = coretest.Anouk
	pieter = coretest.Pieter
	kees   = coretest.Kees
	jan    = coretest.Jan
)

// env is a core with the news unit over one engine, with Carla, a content
// manager of Communicatie, added to the organisation.
type env struct {
	*coretest.Env
	unit *news.Unit
}

func newsEnv(t *testing.T, fn func(t *testing.T, e *env)) { newsEnvWith(t, "", fn) }

// newsEnvWith is newsEnv with WERKPLEK_PUBLIC_URL set to publicURL.
func newsEnvWith(t *testing.T, publicURL string, fn func(t *testing.T, e *env)) {
	coretest.Engines(t, func(t *testing.T, ce *coretest.Env) {
		ce.Import(intranet.PersonRecord{Name: "Carla Content", Email: carla, Department: "Communicatie", Roles: []intranet.Role{intranet.RoleContentManager}})
		u, err := news.New(news.Config{Env: ce.Feature(), News: ce.Store, Subscriptions: ce.Store, Comments: ce.Store, Teams: ce.Store, Partners: ce.Store, ReminderAfter: 24 * time.Hour,
			PublicURL: publicURL})
		if err != nil {
			t.Fatal(err)
		}
		ce.Core(u)
		for _, p := range []string{carla, anouk, pieter, kees, jan} {
			ce.Say(p, "", "/werkplek help") // links their console accounts
		}
		fn(t, &env{Env: ce, unit: u})
	})
}

// say types text as email in a channel ("" for a direct message) and
// returns every text of the reply.
func (e *env) say(email, channel, text string) string {
	e.T.Helper()
	return coretest.All(e.Say(email, channel, text))
}

// dms returns the direct messages a person got, in order.
func (e *env) dms(email string) []string { return e.Posters.DMs(intranet.PlatformConsole, email) }

// posts returns the messages posted in a console channel, in order.
func (e *env) posts(channel string) []string {
	return e.Posters.Posts(intranet.PlatformConsole, channel)
}

// submit submits the publishing form as email.
func (e *env) submit(email string, values map[string]string) intranet.Reply {
	e.T.Helper()
	r := coretest.Request(email, "", "")
	r.Form = &intranet.FormSubmission{FormID: "news.post", Values: values}
	return e.Do(r)
}

func TestNew(t *testing.T) {
	if _, err := news.New(news.Config{}); err == nil {
		t.Error("a unit without its services was built")
	}
}

func TestNewsPublishReadStats(t *testing.T) {
	newsEnv(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		w := coretest.Wants
		w(t, "not a publisher", e.say(jan, "", "/news post Hoi | Tekst"), "Alleen contentbeheerders en beheerders")
		w(t, "no title", e.say(carla, "", "/news post | Tekst"), "Ik mis `<titel>` vóór `|`", "Schrijf `/news post <titel> | <tekst>")
		w(t, "no body", e.say(carla, "", "/news post Titel"), "Ik mis `|`", "Schrijf `/news post <titel> | <tekst>")
		w(t, "show without a number", e.say(jan, "", "/news show"), "Ik mis `<nummer>`. Schrijf `/news show <nummer>`, bijvoorbeeld `/news show 3`.")
		w(t, "only a flag for a body", e.say(carla, "", "/news post Titel | important"), "Ik mis `<tekst>`")
		w(t, "unknown dept", e.say(carla, "", `/news post Titel | Tekst dept:"Zorg Oots"`), "Ik ken geen afdeling", "Zorg Oost")
		w(t, "ambiguous dept", e.say(carla, "", "/news post Titel | Tekst dept:zorg"), "past bij meer afdelingen", "tussen aanhalingstekens")
		w(t, "past day", e.say(carla, "", "/news post Titel | Tekst publish:gisteren 09:00"), "`gisteren` is voorbij")
		w(t, "past time", e.say(carla, "", "/news post Titel | Tekst publish:vandaag 08:00"), "publicatiemoment ligt in het verleden")
		if items, _ := e.Store.News(ctx, intranet.NewsFilter{}); len(items) != 0 {
			t.Fatalf("bad input published %d items", len(items))
		}
		w(t, "post", e.say(carla, "", `/news post Nieuwe wondzorgkar | De kar staat in de berging. dept:"zorg oost" topic:Zorg important`),
			"Geplaatst als bericht 1", "Nieuwe wondzorgkar", "Voor: Zorg Oost", "Onderwerp: Zorg", "[Intrekken: /news withdraw 1]", "[Wie las het: /news stats 1]")
		posted := e.Say(carla, "", "/news post Kerstborrel | Vrijdag 18 december. topic:Personeel")
		w(t, "post 2", coretest.All(posted), "Geplaatst als bericht 2")
		// Withdrawing, a press away from publishing, asks first.
		if b := posted.Buttons[0]; b.Command != "/news withdraw 2" || b.Confirm == nil ||
			b.Confirm.Title != "Bericht intrekken?" || b.Confirm.Text != `"Kerstborrel" verdwijnt voor iedereen.` || b.Confirm.Deny != "Laten staan" {
			t.Errorf("withdraw button %+v", b)
		}
		w(t, "scheduled", e.say(carla, "", "/news post Later | Morgen pas. publish:morgen 09:00"), "Gepland: bericht 3 verschijnt za 28 nov 2026 09:00")
		if due, ok := e.Jobs.Pending(news.NewsPublishJob, "news:3"); !ok || !due.Equal(time.Date(2026, 11, 28, 9, 0, 0, 0, coretest.Amsterdam)) {
			t.Errorf("publication job of item 3: %v %v", due, ok)
		}
		w(t, "not yet", e.say(carla, "", "/news 3"), "Nog niet gepubliceerd")
		w(t, "extra words", e.say(jan, "", "/news 3 extra"), "`extra` begrijp ik hier niet", "Schrijf `/news [<nummer>]`")
		w(t, "expires before publication", e.say(carla, "", "/news post Kort | Tekst publish:morgen 09:00 expires:vandaag"), "zou verlopen voordat het verschijnt")
		w(t, "bad expiry", e.say(carla, "", "/news post Kort | Tekst expires:31-02"), "`31-02` bestaat niet")

		w(t, "jan's list", e.say(jan, "", "/nieuws"), "Nieuwe wondzorgkar", "Kerstborrel", "[Lezen: /news 1]")
		keesList := e.say(kees, "", "/news")
		w(t, "kees' list", keesList, "Kerstborrel")
		coretest.Lacks(t, "kees' list", keesList, "wondzorgkar")
		coretest.Lacks(t, "jan's list", e.say(jan, "", "/news"), "Later")
		w(t, "kees reads 1", e.say(kees, "", "/news 1"), "geen nieuwsbericht 1 voor jou")
		w(t, "show", e.say(jan, "", "/news 1"), "De kar staat in de berging.", "[Gelezen: /news read 1]")
		w(t, "show sub", e.say(jan, "", "/news toon 2"), "Vrijdag 18 december.")
		w(t, "no such item", e.say(jan, "", "/news 99"), "Er is geen nieuwsbericht 99")

		w(t, "read", coretest.All(e.Press(jan, "/news read 1")), "genoteerd dat je")
		w(t, "read twice", e.say(jan, "", "/news gelezen 1"), "Je had al bevestigd")
		w(t, "read not important", e.say(jan, "", "/news read 2"), "vraagt geen bevestiging")
		w(t, "stats not author", e.say(jan, "", "/news stats 1"), "Alleen Carla Content")
		// Zorg Oost: Anouk, Pieter, Jan; Jan read it.
		w(t, "stats", e.say(carla, "", "/news stats 1"), "1 van 3 in de doelgroep", "Anouk van den Berg", "Pieter Jansen", "/news stats 1 csv")

		w(t, "edit", e.say(carla, "", "/news edit 2 Kerstborrel 2026 | expires:31-12"), "Bericht 2 is gewijzigd", "Kerstborrel 2026", "Vrijdag 18 december.", "Tot en met: do 31 dec 2026")
		w(t, "edit nothing", e.say(carla, "", "/news edit 2"), "Wat moet er anders?", "Schrijf `/news edit <nummer>")
		w(t, "edit expires before publication", e.say(carla, "", "/news edit 3 | expires:vandaag"), "zou verlopen voordat het verschijnt")
		w(t, "edit by a reader", e.say(jan, "", "/news edit 2 | Anders."), "Alleen contentbeheerders en beheerders wijzigen nieuws")
		w(t, "withdraw by a reader", e.say(jan, "", "/news withdraw 2"), "Alleen contentbeheerders en beheerders trekken nieuws in")
		w(t, "withdraw", e.say(carla, "", "/news withdraw 2"), "is ingetrokken")
		w(t, "withdraw twice", e.say(carla, "", "/news intrekken 2"), "was al ingetrokken")
		w(t, "edit withdrawn", e.say(carla, "", "/news edit 2 | Anders."), "is ingetrokken; plaats een nieuw")
		coretest.Lacks(t, "withdrawn", e.say(kees, "", "/news"), "Kerstborrel")
		w(t, "withdrawn card", e.say(carla, "", "/news 2"), "Ingetrokken op")

		rows, err := news.NewsAcksCSV(ctx, e.Store, 1, coretest.Amsterdam)
		if err != nil || len(rows) != 4 || rows[0][2] != "acknowledged_at" {
			t.Fatalf("csv %v %v", rows, err)
		}
		for _, row := range rows[1:] {
			if (row[1] == jan) != (row[2] != "") {
				t.Errorf("csv row %v", row)
			}
		}
	})
}

// TestNewsEditParts: a new title, a new text or both, as typed.
func TestNewsEditParts(t *testing.T) {
	newsEnv(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		e.say(carla, "", "/news post Oud | Oude tekst.")
		check := func(cmd, title, body string) {
			t.Helper()
			coretest.Wants(t, cmd, e.say(carla, "", cmd), "Bericht 1 is gewijzigd")
			n, err := e.Store.FindNewsByID(ctx, 1)
			if err != nil || n.Title != title || n.Body != body {
				t.Errorf("%s: %q | %q %v; want %q | %q", cmd, n.Title, n.Body, err, title, body)
			}
		}
		check("/news edit 1 Nieuwe titel", "Nieuwe titel", "Oude tekst.")
		check("/news edit 1 | Nieuwe tekst.", "Nieuwe titel", "Nieuwe tekst.")
		check("/news wijzig 1 Titel | Tekst met | erin.", "Titel", "Tekst met | erin.")
		check(`/news edit 1 "Titel | met streep"`, "Titel | met streep", "Tekst met | erin.")
		check("/news edit 1 important", "Titel | met streep", "Tekst met | erin.")
		if n, _ := e.Store.FindNewsByID(ctx, 1); !n.Important {
			t.Error("important was not set")
		}
		check("/news edit 1 important:no dept:iedereen", "Titel | met streep", "Tekst met | erin.")
		if n, _ := e.Store.FindNewsByID(ctx, 1); n.Important || n.Department != "" {
			t.Errorf("important:no dept:iedereen: %+v", n)
		}
	})
}

// TestNewsQuotedDepartment: a department with a space, in quotes, is the
// department; its people see the item, others do not.
func TestNewsQuotedDepartment(t *testing.T) {
	newsEnv(t, func(t *testing.T, e *env) {
		coretest.Wants(t, "post", e.say(carla, "", `/news post Alleen voor Zorg West | Geheim rooster. dept:"Zorg West"`),
			"Geplaatst als bericht 1", "Voor: Zorg West", "Geheim rooster.")
		coretest.Wants(t, "kees", e.say(kees, "", "/news"), "Alleen voor Zorg West")
		coretest.Lacks(t, "jan", e.say(jan, "", "/news"), "Alleen voor Zorg West")
		coretest.Wants(t, "jan reads it", e.say(jan, "", "/news 1"), "geen nieuwsbericht 1 voor jou")
	})
}

// TestNewsOptionsAndText: an unknown option is refused where a command has
// no free text, and is text in a post.
func TestNewsOptionsAndText(t *testing.T) {
	newsEnv(t, func(t *testing.T, e *env) {
		coretest.Wants(t, "unknown option", e.say(anouk, "zorg-oost", "/news subscribe daily 08:30 foo:bar"), "`foo:` ken ik niet; hier kan `topic:`, `dept:`, `from:`.")
		coretest.Wants(t, "text", e.say(carla, "", "/news post Rooster | Let op: de tijden veranderen."), "Geplaatst als bericht 1", "Let op: de tijden veranderen.")
		n, err := e.Store.FindNewsByID(context.Background(), 1)
		if err != nil || n.Body != "Let op: de tijden veranderen." {
			t.Errorf("body %q %v", n.Body, err)
		}
	})
}

// TestNewsHelp: help after /news, after a subcommand, after /follow and
// /unfollow.
func TestNewsHelp(t *testing.T) {
	newsEnv(t, func(t *testing.T, e *env) {
		for _, tc := range []struct {
			text string
			want []string
		}{
			{"/news help", []string{"Nieuws", "/news post <titel> | <tekst>", "/follow [<collega|afdeling|onderwerp>]", "/follow list", "/unfollow", "`/nieuws` = `/news`", "`/volg` = `/follow`"}},
			{"/nieuws hulp", []string{"Nieuws", "/news subscribe immediate|daily|weekdays|weekly [<dag>] [<tijd>]"}},
			{"/news post help", []string{"Schrijf `/news post <titel> | <tekst>", "bijvoorbeeld `/news post Kerstborrel"}},
			{"/news subscribe help", []string{"Schrijf `/news subscribe immediate|daily|weekdays|weekly [<dag>] [<tijd>]"}},
			{"/news read ?", []string{"Schrijf `/news read <nummer>`"}},
			{"/follow help", []string{"Nieuws", "/follow list", "stop met volgen"}},
			{"/follow list help", []string{"Schrijf `/follow list`"}},
			{"/unfollow help", []string{"Nieuws", "/unfollow [<collega|afdeling|onderwerp>]"}},
		} {
			coretest.Wants(t, tc.text, e.say(jan, "", tc.text), tc.want...)
		}
	})
}

func TestNewsForm(t *testing.T) {
	newsEnv(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		reply := e.Say(carla, "", "/news post")
		if reply.Form == nil || reply.Form.ID != "news.post" || !strings.Contains(reply.Text, "/news post <titel> | <tekst>") || !strings.Contains(reply.Form.Command, "/news post <titel> | <tekst>") {
			t.Fatalf("no form: %+v", reply)
		}
		if reply := e.Say(jan, "", "/news post"); reply.Form != nil {
			t.Errorf("a form for a reader: %+v", reply)
		}
		if reply := e.submit(jan, map[string]string{"title": "Hoi", "body": "Tekst"}); !strings.Contains(reply.Text, "Alleen contentbeheerders") {
			t.Errorf("a reader's form: %+v", reply)
		}
		field := func(what string, r intranet.Reply, name string, want ...string) {
			t.Helper()
			if r.Form == nil || r.FieldErrors[name] == "" {
				t.Errorf("%s: no form with a mistake at %s: %+v", what, name, r)
				return
			}
			coretest.Wants(t, what, r.FieldErrors[name], want...)
		}
		field("no title", e.submit(carla, map[string]string{"title": " ", "body": "Tekst"}), "title", "Vul dit in.")
		long := e.submit(carla, map[string]string{"title": "Lang", "body": strings.Repeat("woord ", 2000)})
		field("long body", long, "body", "hoogstens 10000")
		if long.Form.Fields[0].Value != "Lang" {
			t.Errorf("the form lost its values: %+v", long.Form.Fields[0])
		}
		field("bad date", e.submit(carla, map[string]string{"title": "T", "body": "B", "publish_date": "31-02"}), "publish_date", "`31-02` bestaat niet")
		field("past date", e.submit(carla, map[string]string{"title": "T", "body": "B", "publish_date": "2026-11-20"}), "publish_date", "voorbij")
		field("bad time", e.submit(carla, map[string]string{"title": "T", "body": "B", "publish_date": "2026-11-28", "publish_time": "25:00"}), "publish_time", "`25:00` is geen tijd")
		field("past time", e.submit(carla, map[string]string{"title": "T", "body": "B", "publish_time": "08:00"}), "publish_date", "in het verleden")
		field("expires first", e.submit(carla, map[string]string{"title": "T", "body": "B", "publish_date": "2026-11-30", "expires": "2026-11-28"}), "expires", "zou verlopen")
		field("unknown dept", e.submit(carla, map[string]string{"title": "T", "body": "B", "dept": "Zorg Zuid"}), "dept", "Ik ken geen afdeling")
		if items, _ := e.Store.News(ctx, intranet.NewsFilter{}); len(items) != 0 {
			t.Fatalf("bad forms published %d items", len(items))
		}

		ok := e.submit(carla, map[string]string{"title": "Via formulier", "body": "Met topic: in de tekst.", "topic": "Personeel", "dept": "", "important": "yes", "publish_date": "", "publish_time": ""})
		coretest.Wants(t, "form post", coretest.All(ok), "Geplaatst als bericht 1", "Met topic: in de tekst.", "Personeel")
		n, err := e.Store.FindNewsByID(ctx, 1)
		if err != nil || !n.Important || n.Topic != "Personeel" || n.Body != "Met topic: in de tekst." || n.Department != "" {
			t.Fatalf("item %+v %v", n, err)
		}
		// Every kind of quote, lines, a department with a space, a date and
		// a time, important:no.
		body := "Hij zei \"ja\", 'nee', «misschien» en “ooit”.\nTweede regel | met streep."
		planned := e.submit(carla, map[string]string{"title": `"Quotes" & co`, "body": body, "topic": "Nieuw onderwerp", "dept": "Zorg West",
			"important": "no", "publish_date": "2026-11-30", "publish_time": "09:15", "expires": "2026-12-31"})
		coretest.Wants(t, "planned", coretest.All(planned), "Gepland: bericht 2 verschijnt ma 30 nov 2026 09:15")
		n, err = e.Store.FindNewsByID(ctx, 2)
		if err != nil || n.Title != `"Quotes" & co` || n.Body != body || n.Topic != "Nieuw onderwerp" || n.Department != "Zorg West" || n.Important ||
			!n.Publish.Equal(time.Date(2026, 11, 30, 9, 15, 0, 0, coretest.Amsterdam)) || !n.Expires.Equal(time.Date(2027, 1, 1, 0, 0, 0, 0, coretest.Amsterdam)) {
			t.Fatalf("item %+v %v", n, err)
		}
	})
}

func (e *env) ctx() context.Context { return context.Background() }

// submitForm submits a form as email.
func (e *env) submitForm(email, id string, values map[string]string) intranet.Reply {
	e.T.Helper()
	r := coretest.Request(email, "", "")
	r.Form = &intranet.FormSubmission{FormID: id, Values: values}
	return e.Do(r)
}
