// Package coretest runs the core's units in tests: a fresh store per engine
// with a small organisation, a clock the test moves, posters that record
// what they were given, an outbox that delivers at once, and a job
// scheduler that runs what is due when the test says so.
//
// A test package that uses it runs its tests through pgtest:
//
//	func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }
package coretest

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/pgtest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/feature/help"
	"github.com/werkplek/werkplek/intranet/phonebook"
	"github.com/werkplek/werkplek/intranet/router"
	"github.com/werkplek/werkplek/intranet/store"
)

// People is the organisation of every Env: two teams' worth of colleagues
// and a guest.
const People = `name,email,mobile,department,title,location,manager_email,skills,roles
Anouk van den Berg,anouk.vandenberg@example.nl,06-11111111,Zorg Oost,Teamleider,Utrecht,,Wondzorg,team lead
Pieter Jansen,pieter.jansen@example.nl,0612345678,Zorg Oost,Verpleegkundige,Utrecht,anouk.vandenberg@example.nl,Wondzorg,
Kees Janssen,kees.janssen@example.nl,06-33333333,Zorg West,Verzorgende,Amersfoort,anouk.vandenberg@example.nl,,
Jan de Vries,jan.devries@example.nl,06-44444444,Zorg Oost,Wijkverpleegkundige,Utrecht,anouk.vandenberg@example.nl,EHBO,
Gijs Gast,gijs@partner.example,,Extern,Adviseur,,,,guest
`

// The people of People, by email.
const (
	Anouk  = "anouk.vandenberg@example.nl"
	Pieter = "pieter.jansen@example.nl"
	Kees   = "kees.janssen@example.nl"
	Jan    = "jan.devries@example.nl"
	Gijs   = "gijs@partner.example"
)

// Amsterdam is WERKPLEK_TIMEZONE in the tests.
var Amsterdam = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		panic(err)
	}
	return loc
}()

// Start is the clock's first reading: Friday 27 November 2026, 10:00 in
// Amsterdam.
var Start = time.Date(2026, 11, 27, 10, 0, 0, 0, Amsterdam)

// Env is one engine's store with everything a unit needs around it.
type Env struct {
	T     *testing.T
	Store *store.Store
	// Now is the clock's reading; set it to move time.
	Now     time.Time
	Posters *Posters
	Outbox  *Outbox
	Jobs    *Jobs
	// Recipients choose the account of a DM to a person, as in production.
	Recipients feature.Recipients
	// Quiet is WERKPLEK_QUIET_HOURS for the units; "off" unless a test of
	// quiet hours sets it before building its units.
	Quiet string
	// Cards is the one refresh job of posted cards, registered on Jobs.
	Cards *feature.Cards
	// Installations says which installations are gone (over the store);
	// the Recipients, the Outbox and the card refresh skip them.
	Installations *feature.Installations
	// Door and Counter, when set before Core, are the router's: the front
	// door unit and the counter of use.
	Door    help.Door
	Counter router.Counter
	// Privacy, when set before Core, answers /werkplek privacy (the
	// profile unit).
	Privacy help.Privacy
	// Directory, when set before Core, answers /werkplek person and role.
	Directory help.Directory
	// Router answers requests once Core built it, with Departures.
	Router     *router.Router
	Departures *feature.Departures
}

// Clock reads e.Now.
func (e *Env) Clock() time.Time { return e.Now }

// Feature is the units' Env over e: the store (also as the transactor),
// the recording posters, the jobs, the outbox, the cards, Amsterdam, e's
// clock and Dutch. A test that needs another part sets it on the copy.
func (e *Env) Feature() feature.Env {
	return feature.Env{People: e.Store, Accounts: e.Store, Platforms: e.Posters, Installations: e.Installations, Jobs: e.Jobs, Outbox: e.Outbox,
		Cards: e.Cards, Tx: e.Store, Location: Amsterdam, Now: e.Clock, Language: "nl", Quiet: e.Quiet}
}

// Engines runs fn once per engine (SQLite, then PostgreSQL) with a fresh Env.
func Engines(t *testing.T, fn func(t *testing.T, e *Env)) {
	for _, engine := range []string{"sqlite", "postgres"} {
		t.Run(engine, func(t *testing.T) {
			fn(t, New(t, engine))
		})
	}
}

// New returns an Env over a fresh store of engine ("sqlite" or "postgres").
func New(t *testing.T, engine string) *Env {
	t.Helper()
	url := "sqlite:" + filepath.Join(t.TempDir(), "w.db")
	if engine == "postgres" {
		url = pgtest.URL(t)
	}
	s, err := store.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	recs, probs := phonebook.ParseCSV(strings.NewReader(People))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if _, err := s.ImportPeople(context.Background(), recs, false); err != nil {
		t.Fatal(err)
	}
	e := &Env{T: t, Store: s, Now: Start}
	s.Now = e.Clock
	e.Posters = &Posters{}
	e.Installations = feature.NewInstallations(s, e.Clock)
	// As on a trial: someone who never wrote is found on the console.
	e.Recipients = feature.Recipients{People: s, Accounts: s, Platforms: e.Posters, Installations: e.Installations, Order: []intranet.Platform{intranet.PlatformConsole}, Language: "nl"}
	e.Outbox = &Outbox{Posters: e.Posters, People: e.Recipients, Installations: e.Installations}
	e.Quiet = "off"
	e.Jobs = &Jobs{}
	if e.Cards, err = feature.NewCards(e.Jobs); err != nil {
		t.Fatal(err)
	}
	return e
}

// Import adds people to the organisation.
func (e *Env) Import(recs ...intranet.PersonRecord) {
	e.T.Helper()
	for i := range recs {
		if recs[i].Line == 0 {
			recs[i].Line = i + 2
		}
	}
	if _, err := e.Store.ImportPeople(context.Background(), recs, false); err != nil {
		e.T.Fatal(err)
	}
}

// Core builds the router over the units (the help unit comes with it)
// and Departures, which tells the admins of a gone installation.
func (e *Env) Core(units ...feature.Unit) *router.Router {
	e.T.Helper()
	d, err := feature.NewDepartures(feature.DeparturesConfig{Env: e.Feature(), Installations: e.Installations, State: e.Store, Admins: e.Store})
	if err != nil {
		e.T.Fatal(err)
	}
	e.Departures = d
	e.Router = router.New(router.Config{People: e.Store, Accounts: e.Store, Platforms: e.Posters, Decisions: e.Store, Partners: e.Store,
		Language: "nl", Location: Amsterdam, Now: e.Clock, Units: units, Departures: d, Door: e.Door, Usage: e.Counter, Privacy: e.Privacy, Directory: e.Directory, Audit: e.Store})
	return e.Router
}

// Request is a console request by email in a channel ("" for a direct
// message with Werkplek).
func Request(email, channel, text string) intranet.Request {
	r := intranet.Request{Platform: intranet.PlatformConsole, Installation: "local",
		User: intranet.User{ID: email, Email: email}, Text: text}
	if channel == "" {
		r.Channel = intranet.Channel{ID: "dm-" + email, Direct: true}
	} else {
		r.Channel = intranet.Channel{ID: channel}
	}
	return r
}

// Do answers a request and fails the test on an internal error.
func (e *Env) Do(r intranet.Request) intranet.Reply {
	e.T.Helper()
	reply, err := e.Router.Handle(context.Background(), r)
	if err != nil {
		e.T.Fatalf("%s: %v", r.CommandText(), err)
	}
	return reply
}

// Say types text as email in a channel ("" for a direct message).
func (e *Env) Say(email, channel, text string) intranet.Reply {
	e.T.Helper()
	return e.Do(Request(email, channel, text))
}

// Press presses a button with command as email (in the console channel),
// on a message, so the reply may replace it.
func (e *Env) Press(email, command string) intranet.Reply {
	e.T.Helper()
	r := Request(email, "console", "")
	r.Action = &intranet.Action{Command: command}
	r.Message = &intranet.MessageRef{Platform: intranet.PlatformConsole, ChannelID: "console", ID: "m1"}
	return e.Do(r)
}

// RunDue runs the jobs that are due at the clock's time, a few rounds, so
// that jobs a job scheduled run too.
func (e *Env) RunDue() {
	e.T.Helper()
	for i := 0; i < 5; i++ {
		if err := e.Jobs.RunDue(context.Background(), e.Now); err != nil {
			e.T.Fatal(err)
		}
	}
}

// All returns every text of a reply, for assertions that do not care where.
func All(r intranet.Reply) string {
	var b strings.Builder
	b.WriteString(r.Title + "\n" + r.Text + "\n")
	for _, s := range r.Sections {
		b.WriteString(s.Title + "\n" + s.Text + "\n")
		for _, f := range s.Fields {
			b.WriteString(f.Label + ": " + f.Value + "\n")
		}
		for _, x := range s.Buttons {
			b.WriteString("[" + x.Label + ": " + x.Command + "]\n")
		}
	}
	for _, x := range r.Buttons {
		b.WriteString("[" + x.Label + ": " + x.Command + "]\n")
	}
	b.WriteString(strings.Join(r.Context, "\n"))
	return b.String()
}

// Wants fails the test for every want that got lacks.
func Wants(t *testing.T, what, got string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("%s: lacks %q in\n%s", what, w, got)
		}
	}
}

// Lacks fails the test for every unwanted text that got has.
func Lacks(t *testing.T, what, got string, unwanted ...string) {
	t.Helper()
	for _, w := range unwanted {
		if strings.Contains(got, w) {
			t.Errorf("%s: has %q in\n%s", what, w, got)
		}
	}
}
