package news_test

import (
	"encoding/csv"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
)

// TestStatsChart: the read statistics carry a chart of the confirmations
// per day, one point a day from publication until today, and say the same
// in words, in Dutch and English.
func TestStatsChart(t *testing.T) {
	newsEnv(t, func(t *testing.T, e *env) {
		w := coretest.Wants
		// Published on Friday 27 November; Pieter reads it that day, Jan on
		// Sunday 29th, stats on Monday 30th.
		w(t, "post", e.say(carla, "", `/news post Nieuw rooster | Lees het even. dept:"Zorg Oost" important`), "Geplaatst als bericht 1")
		e.Press(pieter, "/news read 1")
		e.Now = e.Now.Add(2 * 24 * time.Hour)
		e.Press(jan, "/news read 1")
		e.Now = e.Now.Add(24 * time.Hour)

		r := e.Say(carla, "", "/news stats 1")
		if len(r.Charts) != 1 {
			t.Fatalf("charts: %+v", r.Charts)
		}
		got := r.Charts[0]
		want := "Gelezen per dag: 27 nov=1 28 nov=0 29 nov=1 30 nov=0"
		if s := chartText(got); s != want {
			t.Errorf("chart:\n got %s\nwant %s", s, want)
		}
		w(t, "stats nl", coretest.All(r), "2 van 3 in de doelgroep hebben het gelezen.", "Gelezen per dag: 27 nov: 1, 29 nov: 1.")
		if b := r.Buttons; len(b) != 1 || b[0].Command != "/news stats 1 csv" || b[0].Label != "Lijst als CSV" {
			t.Errorf("buttons %+v", b)
		}
		// The typed CSV command is marked, for the web that has the button.
		if csv := "De hele lijst als CSV: `/news stats 1 csv`."; len(r.Typing) != 1 || r.Typing[0] != csv || r.Context[len(r.Context)-1] != csv {
			t.Errorf("typing %q, context %q", r.Typing, r.Context)
		}

		e.say(carla, "", "/werkplek language en")
		r = e.Say(carla, "", "/news stats 1")
		if len(r.Charts) != 1 || chartText(r.Charts[0]) != "Read per day: Nov 27=1 Nov 28=0 Nov 29=1 Nov 30=0" {
			t.Errorf("chart en: %+v", r.Charts)
		}
		w(t, "stats en", coretest.All(r), "2 of 3 in the audience have read it.", "Read per day: Nov 27: 1, Nov 29: 1.")

		// Forty days on, the chart shows the last thirty.
		e.Now = e.Now.Add(40 * 24 * time.Hour)
		r = e.Say(carla, "", "/news stats 1")
		if len(r.Charts) != 1 || len(r.Charts[0].Points) != 30 || r.Charts[0].Points[29].Label != "Jan 9" {
			t.Errorf("chart after forty days: %s", chartText(r.Charts[0]))
		}
		w(t, "nobody lately", coretest.All(r), "Read per day: nobody yet since Dec 11.")

		// Nobody else sees it.
		r = e.Say(jan, "", "/news stats 1")
		if len(r.Charts) != 0 || r.File != nil {
			t.Errorf("Jan got the statistics: %+v", r)
		}
		w(t, "jan", coretest.All(r), "Alleen Carla Content")
	})
}

// TestStatsChartOnlyForImportant: an item that asks no confirmation
// records no reads, so it has no chart.
func TestStatsChartOnlyForImportant(t *testing.T) {
	newsEnv(t, func(t *testing.T, e *env) {
		e.say(carla, "", `/news post Kerstborrel | Vrijdag.`)
		if r := e.Say(carla, "", "/news stats 1"); len(r.Charts) != 0 {
			t.Errorf("chart of an item that is not important: %+v", r.Charts)
		}
	})
}

func chartText(c intranet.Chart) string {
	var b strings.Builder
	b.WriteString(c.Title + ":")
	for _, p := range c.Points {
		fmt.Fprintf(&b, " %s=%g", p.Label, p.Value)
	}
	return b.String()
}

// TestStatsCSV: `/news stats <id> csv` gives the author and admins the
// audience as a CSV file (name, email, department, read_at in the
// organisation's zone), formulas defused, with a text that sends chat
// users to the web page; others get the same refusal as the statistics.
func TestStatsCSV(t *testing.T) {
	newsEnvWith(t, "https://werkplek.example.nl/", func(t *testing.T, e *env) {
		w := coretest.Wants
		e.Import(intranet.PersonRecord{Name: "=HYPERLINK(1)", Email: "formula@example.nl", Department: "Zorg Oost"})
		w(t, "post", e.say(carla, "", `/news post Nieuw rooster | Lees het even. dept:"Zorg Oost" important`), "Geplaatst als bericht 1")
		e.Press(pieter, "/news read 1")

		r := e.Say(carla, "", "/news stats 1 csv")
		if r.File == nil || r.File.Name != "news-1-reads.csv" || !strings.HasPrefix(r.File.ContentType, "text/csv") {
			t.Fatalf("file: %+v", r.File)
		}
		w(t, "text nl", r.Text, "Download de lijst als CSV van de webpagina", "https://werkplek.example.nl/web/news/1/stats")
		rows, err := csv.NewReader(strings.NewReader(string(r.File.Data))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		byEmail := map[string][]string{}
		for _, row := range rows[1:] {
			byEmail[row[1]] = row
		}
		if h := strings.Join(rows[0], ","); h != "name,email,department,read_at" {
			t.Errorf("header %s", h)
		}
		if p := byEmail[pieter]; len(p) != 4 || p[0] != "Pieter Jansen" || p[2] != "Zorg Oost" || p[3] != "2026-11-27T10:00:00+01:00" {
			t.Errorf("pieter: %q", p)
		}
		if j := byEmail[jan]; len(j) != 4 || j[3] != "" {
			t.Errorf("jan: %q", j)
		}
		if f := byEmail["formula@example.nl"]; len(f) != 4 || f[0] != "'=HYPERLINK(1)" {
			t.Errorf("formula not defused: %q", f)
		}

		e.say(carla, "", "/werkplek language en")
		w(t, "alias en", e.Say(carla, "", "/nieuws statistiek 1 bestand").Text, "Download the list as CSV from the web page", "/web/news/1/stats")

		r = e.Say(pieter, "", "/news stats 1 csv")
		if r.File != nil {
			t.Errorf("Pieter got the file: %+v", r.File)
		}
		w(t, "pieter", r.Text, "Alleen Carla Content, die het plaatste, en beheerders")
	})
}

// TestStatsCSVWithoutPublicURL: without WERKPLEK_PUBLIC_URL the text says
// the admin must set it, and how to make the list until then.
func TestStatsCSVWithoutPublicURL(t *testing.T) {
	newsEnv(t, func(t *testing.T, e *env) {
		e.say(carla, "", `/news post Nieuw rooster | Lees het even. important`)
		r := e.Say(carla, "", "/news stats 1 csv")
		if r.File == nil {
			t.Fatal("no file")
		}
		coretest.Wants(t, "text", r.Text, "WERKPLEK_PUBLIC_URL", "werkplek news acks 1")
	})
}

// TestFormExpiryTime: the publishing form has every field of the typed
// command, an expiry time among them: a time with the expiry date makes
// the item expire then, a wrong time or a time without a date comes back
// at its own field, in Dutch and English.
func TestFormExpiryTime(t *testing.T) {
	newsEnv(t, func(t *testing.T, e *env) {
		form := e.Say(carla, "", "/news post").Form
		if form == nil {
			t.Fatal("no form")
		}
		var names []string
		for _, f := range form.Fields {
			names = append(names, f.Name)
		}
		if got := strings.Join(names, ","); got != "title,body,topic,dept,important,comments,publish_date,publish_time,expires,expires_time" {
			t.Errorf("fields: %s", got)
		}
		field := func(what string, r intranet.Reply, name string, want ...string) {
			t.Helper()
			if r.Form == nil || r.FieldErrors[name] == "" {
				t.Errorf("%s: no form with a mistake at %s: %+v", what, name, r)
				return
			}
			coretest.Wants(t, what, r.FieldErrors[name], want...)
		}
		field("bad time", e.submit(carla, map[string]string{"title": "T", "body": "B", "expires": "2026-12-31", "expires_time": "25:00"}), "expires_time", "`25:00` is geen tijd")
		field("time alone", e.submit(carla, map[string]string{"title": "T", "body": "B", "expires_time": "17:00"}), "expires_time", "Kies ook de dag")
		field("before publication", e.submit(carla, map[string]string{"title": "T", "body": "B", "publish_date": "2026-11-30", "publish_time": "09:00",
			"expires": "2026-11-30", "expires_time": "08:00"}), "expires", "zou verlopen")
		e.say(carla, "", "/werkplek language en")
		field("time alone en", e.submit(carla, map[string]string{"title": "T", "body": "B", "expires_time": "17:00"}), "expires_time", "Choose the day it expires on too.")

		coretest.Wants(t, "post", coretest.All(e.submit(carla, map[string]string{"title": "T", "body": "B", "expires": "2026-12-31", "expires_time": "17:30"})), "item 1")
		n, err := e.Store.FindNewsByID(e.ctx(), 1)
		if err != nil || !n.Expires.Equal(time.Date(2026, 12, 31, 17, 30, 0, 0, coretest.Amsterdam)) {
			t.Fatalf("item %+v %v", n, err)
		}
	})
}

// TestEditForm: `/news edit <id>` alone opens a form holding the item as
// it stands (the typed command in its text); submitting it corrects the
// item, an emptied topic, department or expiry clearing it; mistakes come
// back at their field, in Dutch and English; only publishers use it.
func TestEditForm(t *testing.T) {
	newsEnv(t, func(t *testing.T, e *env) {
		w := coretest.Wants
		w(t, "post", e.say(carla, "", `/news post Rooster | Oud. topic:Rooster dept:"Zorg Oost" important expires:31-12`), "Geplaatst als bericht 1")
		r := e.Say(carla, "", "/news edit 1")
		if r.Form == nil || r.Form.ID != "news.edit.1" || !strings.Contains(r.Form.Command, "/news edit") {
			t.Fatalf("no editing form: %+v", r)
		}
		w(t, "text", r.Text, "Wat moet er anders?")
		got := map[string]string{}
		for _, f := range r.Form.Fields {
			got[f.Name] = f.Value
		}
		want := map[string]string{"title": "Rooster", "body": "Oud.", "topic": "Rooster", "dept": "Zorg Oost", "important": "yes", "comments": "yes",
			"expires": "2026-12-31", "expires_time": ""}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("fields (-want +got):\n%s", d)
		}

		field := func(what string, r intranet.Reply, name string, want ...string) {
			t.Helper()
			if r.Form == nil || r.FieldErrors[name] == "" {
				t.Errorf("%s: no form with a mistake at %s: %+v", what, name, r)
				return
			}
			coretest.Wants(t, what, r.FieldErrors[name], want...)
		}
		values := func(set map[string]string) map[string]string {
			v := map[string]string{}
			for k, x := range got {
				v[k] = x
			}
			for k, x := range set {
				v[k] = x
			}
			return v
		}
		field("no title", e.submitForm(carla, "news.edit.1", values(map[string]string{"title": " "})), "title", "Vul dit in.")
		field("bad expiry", e.submitForm(carla, "news.edit.1", values(map[string]string{"expires": "31-02"})), "expires", "`31-02` bestaat niet")
		field("unknown dept", e.submitForm(carla, "news.edit.1", values(map[string]string{"dept": "Zorg Zuid"})), "dept", "Ik ken geen afdeling")
		field("expired", e.submitForm(carla, "news.edit.1", values(map[string]string{"expires": "2026-11-20"})), "expires", "voorbij")
		e.say(carla, "", "/werkplek language en")
		field("bad time en", e.submitForm(carla, "news.edit.1", values(map[string]string{"expires_time": "25:00"})), "expires_time", "`25:00` is not a time")

		ok := e.submitForm(carla, "news.edit.1", values(map[string]string{"title": "Nieuw rooster", "body": "Nieuw.", "topic": "", "dept": "", "important": "no",
			"comments": "no", "expires": ""}))
		w(t, "saved", coretest.All(ok), "Item 1 is corrected.")
		n, err := e.Store.FindNewsByID(e.ctx(), 1)
		if err != nil || n.Title != "Nieuw rooster" || n.Body != "Nieuw." || n.Topic != "" || n.Department != "" || n.Important || !n.CommentsClosed || !n.Expires.IsZero() {
			t.Fatalf("item %+v %v", n, err)
		}

		// A scheduled item's form holds its publication time, and a new one
		// moves it.
		w(t, "scheduled", e.say(carla, "", "/news post Later | Morgen. publish:morgen 09:00"), "item 2")
		var pub []string
		for _, f := range e.Say(carla, "", "/news edit 2").Form.Fields {
			if strings.HasPrefix(f.Name, "publish_") {
				pub = append(pub, f.Name+"="+f.Value)
			}
		}
		if strings.Join(pub, " ") != "publish_date=2026-11-28 publish_time=09:00" {
			t.Errorf("publication fields %v", pub)
		}
		e.submitForm(carla, "news.edit.2", map[string]string{"title": "Later", "body": "Morgen.", "publish_date": "2026-11-29", "publish_time": "10:00"})
		if n, err := e.Store.FindNewsByID(e.ctx(), 2); err != nil || !n.Publish.Equal(time.Date(2026, 11, 29, 10, 0, 0, 0, coretest.Amsterdam)) {
			t.Errorf("item 2 %+v %v", n, err)
		}

		r = e.submitForm(jan, "news.edit.1", values(nil))
		w(t, "jan", coretest.All(r), "Alleen contentbeheerders en beheerders wijzigen nieuws.")
		if r := e.Say(jan, "", "/news edit 1"); r.Form != nil {
			t.Errorf("Jan got the editing form")
		}
	})
}
