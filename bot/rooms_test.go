package main

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/werkplek/werkplek/internal/pgtest"
	"github.com/werkplek/werkplek/intranet"
)

const roomsCSV = "name,location,capacity,facilities,opens,closes\n" +
	"Grote zaal,\"Utrecht, 2e verdieping\",20,screen;video,07:00,22:00\n" +
	"Kleine zaal,Utrecht,6,whiteboard,08:00,18:00\n"

func TestRoomsImportCommand(t *testing.T) {
	bothEngines(t, func(t *testing.T, env map[string]string) {
		dir := t.TempDir()
		good := filepath.Join(dir, "rooms.csv")
		os.WriteFile(good, []byte(roomsCSV), 0o600)
		if code, out, errOut := run(t, env, "", "rooms", "import", good); code != 0 || !strings.Contains(out, "2 new rooms, 0 updated") {
			t.Fatalf("import: %d %s %s", code, out, errOut)
		}
		if code, out, _ := run(t, env, "", "rooms", "import", good); code != 0 || !strings.Contains(out, "0 new rooms, 2 updated") {
			t.Fatalf("re-import: %d %s", code, out)
		}
		bad := filepath.Join(dir, "bad.csv")
		os.WriteFile(bad, []byte("name,location,capacity,facilities,opens,closes\n"+
			"Serre,Zeist,acht,,08:00,17:00\n"+
			",Zeist,4,,08:00,17:00\n"+
			"Kelder,Zeist,4,,18:00,08:00\n"+
			"Zolder,Zeist,4,,8 uur,17:00\n"+
			"grote ZAAL,Zeist,4,,08:00,17:00\n"+
			"Nieuw,Zeist,4,,08:00,17:00\n"+
			"nieuw,Zeist,4,,08:00,17:00\n"), 0o600)
		code, out, errOut := run(t, env, "", "rooms", "import", bad)
		if code != 1 {
			t.Fatalf("bad import exit %d: %s %s", code, out, errOut)
		}
		for _, want := range []string{"nothing was imported", `line 2: capacity "acht" is not a number`, "line 3: the name is missing",
			"line 4: the room opens (18:00) after it closes (08:00)", `line 5: opens "8 uur" is not a time like 07:00`, `line 8: room "nieuw" appears twice (also line 7)`} {
			if !strings.Contains(errOut, want) {
				t.Errorf("errors lack %q:\n%s", want, errOut)
			}
		}
		code, _, errOut = run(t, env, "", "rooms", "import", filepath.Join(dir, "header.csv"))
		if code != 1 || !strings.Contains(errOut, "no such file") {
			t.Errorf("missing file: %d %s", code, errOut)
		}
		os.WriteFile(filepath.Join(dir, "header.csv"), []byte("name,seats\nA,4\n"), 0o600)
		if code, _, errOut := run(t, env, "", "rooms", "import", filepath.Join(dir, "header.csv")); code != 1 || !strings.Contains(errOut, `line 1: unknown column "seats"`) {
			t.Errorf("unknown column: %d %s", code, errOut)
		}
		// Nothing of the bad files was written; the console sees the two rooms.
		os.WriteFile(filepath.Join(dir, "people.csv"), []byte("name,email,roles\nRita Ruimte,rita@example.nl,room admin\n"), 0o600)
		run(t, env, "", "import", filepath.Join(dir, "people.csv"))
		code, out, errOut = run(t, env, "/room admin\n", "console", "--as", "rita@example.nl")
		if code != 0 || strings.Count(out, "Utrecht") != 2 || strings.Contains(out, "Serre") || strings.Contains(out, "Nieuw") {
			t.Errorf("rooms after the refused imports: %d\n%s%s", code, out, errOut)
		}
		// Facilities typed in Dutch are stored by their word and shown in each reader's language.
		serre := filepath.Join(dir, "serre.csv")
		os.WriteFile(serre, []byte("name,location,capacity,facilities,opens,closes,partners\nSerre,Zeist,8,scherm;flip-over;koffie,08:00,17:00,ja\n"), 0o600)
		if code, out, errOut := run(t, env, "", "rooms", "import", serre); code != 0 {
			t.Fatalf("import serre: %d %s %s", code, out, errOut)
		}
		code, out, errOut = run(t, env, "/room admin\n/werkplek language en\n/room admin\n", "console", "--as", "rita@example.nl")
		for _, want := range []string{"*Serre* · Zeist · 8 personen · scherm, flip-over, koffie · 08:00–17:00 · bezoekersruimte",
			"*Serre* · Zeist · 8 people · screen, flipchart, koffie · 08:00–17:00 · visitor room"} {
			if code != 0 || !strings.Contains(out, want) {
				t.Errorf("facilities lack %q: %d\n%s%s", want, code, out, errOut)
			}
		}
	})
}

// TestRoomFeeds books through the real serve's core and reads the room's and
// the person's calendar feeds with an iCalendar parser.
func TestRoomFeeds(t *testing.T) {
	env := map[string]string{"WERKPLEK_DATABASE_URL": pgtest.URL(t), "WERKPLEK_LISTEN": "127.0.0.1:0", "WERKPLEK_PUBLIC_URL": "https://werkplek.example.nl"}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "rooms.csv"), []byte(roomsCSV), 0o600)
	os.WriteFile(filepath.Join(dir, "people.csv"), []byte("name,email,department\nJan de Vries,jan@example.nl,Zorg\nAnna Bakker,anna@example.nl,Zorg\n"), 0o600)
	for _, args := range [][]string{{"import", filepath.Join(dir, "people.csv")}, {"rooms", "import", filepath.Join(dir, "rooms.csv")}} {
		if code, _, errOut := run(t, env, "", args...); code != 0 {
			t.Fatalf("%v: %s", args, errOut)
		}
	}
	srv := startServe(t, env)
	ask := func(email, text string) intranet.Reply {
		t.Helper()
		reply, err := srv.Router.Handle(context.Background(), intranet.Request{Platform: intranet.PlatformConsole, Installation: "local",
			User: intranet.User{ID: email, Email: email}, Channel: intranet.Channel{ID: "console"}, Text: text})
		if err != nil {
			t.Fatal(err)
		}
		return reply
	}
	day := time.Now().In(srv.Config.Location).AddDate(0, 0, 3).Format("2006-01-02")
	for _, b := range []struct{ who, text string }{
		{"jan@example.nl", "/room book Grote zaal " + day + " 10-11 Overleg; met komma, en puntkomma"},
		{"anna@example.nl", "/room book Grote zaal " + day + " 11-12:30"},
		{"jan@example.nl", "/room book Kleine zaal " + day + " 14-15 Eén op één"},
	} {
		if r := ask(b.who, b.text); !strings.HasPrefix(r.Title, "Geboekt") {
			t.Fatalf("%s: %+v", b.text, r)
		}
	}
	// Each booking's reminder is a pending job of the runner serve started.
	reminders := func() []string {
		t.Helper()
		list, err := srv.Jobs.Jobs(context.Background(), 50)
		if err != nil {
			t.Fatal(err)
		}
		var keys []string
		for _, j := range list {
			if j.Kind == "booking.reminder" {
				keys = append(keys, j.Key+" "+j.Due.In(srv.Config.Location).Format("15:04"))
			}
		}
		return keys
	}
	if got := strings.Join(reminders(), ", "); got != "booking:1 09:50, booking:2 10:50, booking:3 13:50" {
		t.Errorf("reminders = %s", got)
	}
	address := regexp.MustCompile("https://werkplek.example.nl(/rooms/[^ `]+)")
	get := func(path string) (int, string, string) {
		resp, err := http.Get("http://" + srv.Addr + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header.Get("Content-Type"), string(b)
	}
	parse := func(path string) *ics.Calendar {
		t.Helper()
		code, ctype, body := get(path)
		if code != 200 || ctype != "text/calendar; charset=utf-8" {
			t.Fatalf("GET %s: %d %s\n%s", path, code, ctype, body)
		}
		cal, err := ics.ParseCalendar(strings.NewReader(body))
		if err != nil {
			t.Fatalf("parse %s: %v\n%s", path, err, body)
		}
		return cal
	}

	m := address.FindStringSubmatch(ask("jan@example.nl", "/room feed grote zaal").Text)
	if m == nil {
		t.Fatal("no feed address for the room")
	}
	roomFeed := m[1]
	cal := parse(roomFeed)
	events := cal.Events()
	if len(events) != 2 {
		t.Fatalf("room feed has %d events", len(events))
	}
	first := events[0]
	start, err := first.GetStartAt()
	if err != nil {
		t.Fatal(err)
	}
	wantStart, _ := time.ParseInLocation("2006-01-02 15:04", day+" 10:00", srv.Config.Location)
	if !start.Equal(wantStart) {
		t.Errorf("DTSTART = %v, want %v", start, wantStart)
	}
	if got := first.GetProperty(ics.ComponentPropertySummary).Value; got != `Overleg; met komma, en puntkomma (Jan de Vries)` && got != `Overleg\; met komma\, en puntkomma (Jan de Vries)` {
		t.Errorf("SUMMARY = %q", got)
	}
	if p := first.GetProperty(ics.ComponentPropertyUniqueId); p == nil || !strings.HasSuffix(p.Value, "@werkplek.example.nl") {
		t.Errorf("UID = %+v", p)
	}
	// The rooms unit writes the feed in WERKPLEK_LANGUAGE (Dutch here), in
	// that one language.
	if got := first.GetProperty(ics.ComponentPropertyDescription).Value; !strings.HasPrefix(got, "Geboekt door Jan de Vries. Boeking 1; annuleer met /room cancel 1") {
		t.Errorf("DESCRIPTION = %q", got)
	}
	end, _ := events[1].GetEndAt()
	if want := wantStart.Add(150 * time.Minute); !end.Equal(want) {
		t.Errorf("second DTEND = %v, want %v", end, want)
	}

	// Jan's own feed: his two bookings in two rooms, not Anna's.
	m = address.FindStringSubmatch(ask("jan@example.nl", "/room feed").Text)
	if m == nil {
		t.Fatal("no personal feed address")
	}
	mine := parse(m[1]).Events()
	if len(mine) != 2 || !strings.HasPrefix(mine[1].GetProperty(ics.ComponentPropertySummary).Value, "Kleine zaal: E") {
		t.Errorf("personal feed: %d events", len(mine))
	}
	// A shift Jan takes over from Anna (in the department team Zorg)
	// appears in his feed too.
	if r := ask("anna@example.nl", "/handover "+day+" 22:00-07:00 Nachtdienst team:Zorg"); !strings.Contains(all(r), "Nachtdienst") {
		t.Fatalf("handover: %+v", r)
	}
	if r := ask("jan@example.nl", "/handover take 1"); !strings.Contains(all(r), "Nachtdienst") {
		t.Fatalf("take: %+v", r)
	}
	mine = parse(m[1]).Events()
	var shift *ics.VEvent
	for _, e := range mine {
		if strings.HasPrefix(e.GetProperty(ics.ComponentPropertySummary).Value, "Dienst: Nachtdienst") {
			shift = e
		}
	}
	if len(mine) != 3 || shift == nil {
		t.Fatalf("personal feed after taking a shift: %d events", len(mine))
	}
	if got := shift.GetProperty(ics.ComponentPropertyDescription).Value; !strings.HasPrefix(got, "Overgenomen van Anna Bakker (overdracht 1") {
		t.Errorf("shift DESCRIPTION = %q", got)
	}
	if _, _, body := get(m[1]); strings.Contains(body, "Booked") {
		t.Errorf("a Dutch feed in two languages:\n%s", body)
	}
	if end, _ := shift.GetEndAt(); end.In(srv.Config.Location).Format("15:04") != "07:00" || !end.After(wantStart) {
		t.Errorf("shift ends %v", end)
	}
	// A cancelled booking leaves the feed.
	ask("jan@example.nl", "/room cancel 1")
	if n := len(parse(roomFeed).Events()); n != 1 {
		t.Errorf("after cancelling, %d events", n)
	}
	if got := strings.Join(reminders(), ", "); got != "booking:2 10:50, booking:3 13:50" {
		t.Errorf("reminders after cancelling = %s", got)
	}
	// Wrong, missing or another feed's token: 404, as for an unknown room.
	path, _, _ := strings.Cut(roomFeed, "?")
	for _, bad := range []string{path, path + "?token=guess", strings.Replace(roomFeed, "/rooms/1.ics", "/rooms/2.ics", 1), "/rooms/999.ics?token=x", "/rooms/abc.ics", m[1][:len(m[1])-3]} {
		if code, _, _ := get(bad); code != 404 {
			t.Errorf("GET %s: %d, want 404", bad, code)
		}
	}
}

// all returns every text of a reply, for assertions that do not care where.
func all(r intranet.Reply) string {
	var b strings.Builder
	b.WriteString(r.Title + "\n" + r.Text + "\n")
	for _, s := range r.Sections {
		b.WriteString(s.Title + "\n" + s.Text + "\n")
		for _, f := range s.Fields {
			b.WriteString(f.Label + ": " + f.Value + "\n")
		}
	}
	return b.String()
}

// TestRoomsCSVPartners: the optional partners column marks visitor rooms
// (yes/no, ja/nee, Dutch header too); empty or absent keeps what a room has.
func TestRoomsCSVPartners(t *testing.T) {
	recs, problems := parseRoomsCSV(strings.NewReader("naam;bezoekersruimte\nA;ja\nB;no\nC;\n"))
	if len(problems) != 0 || len(recs) != 3 || recs[0].Partners == nil || !*recs[0].Partners || recs[1].Partners == nil || *recs[1].Partners || recs[2].Partners != nil {
		t.Fatalf("records %+v, problems %v", recs, problems)
	}
	if recs, _ := parseRoomsCSV(strings.NewReader(roomsCSV)); recs[0].Partners != nil {
		t.Error("a file without the column sets partners")
	}
	if _, problems := parseRoomsCSV(strings.NewReader("name,partners\nA,misschien\n")); len(problems) != 1 || !strings.Contains(problems[0].Reason, `partners "misschien" is not yes or no`) {
		t.Errorf("bad value: %v", problems)
	}
}
