package rooms_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/feature/rooms"
)

// TestRoomReminders drives the reminder jobs with the clock: a reminder 10
// minutes before, with a release button; a series reminds of each
// occurrence in turn; cancelled bookings are not reminded; owners hear of
// an admin's cancellation and of a retired room.
func TestRoomReminders(t *testing.T) {
	grote := []intranet.RoomRecord{{Line: 2, Name: "Grote zaal", Capacity: 20, Opens: 420, Closes: 1320}}
	withRooms(t, grote, func(t *testing.T, e *coretest.Env) {
		seen := map[string]int{}
		// run moves the clock, runs what is due and returns the DMs a
		// person got since the last look.
		run := func(at time.Time, email string) []string {
			t.Helper()
			e.Now = at
			e.RunDue()
			return news(e, seen, email)
		}
		dec := func(day, hour, min int) time.Time {
			return time.Date(2026, 12, day, hour, min, 0, 0, coretest.Amsterdam)
		}

		// One booking: nothing at 13:49, the reminder at 13:50.
		coretest.Wants(t, "book", say(e, jan, "/room book Grote zaal morgen 14-15 Overleg"), "Je krijgt 10 minuten vooraf een herinnering.")
		id := bookings(t, e)[0].ID
		if due, ok := e.Jobs.Pending(rooms.RoomReminderJob, fmt.Sprintf("booking:%d", id)); !ok || !due.Equal(at(28, 13, 50)) {
			t.Fatalf("reminder due %s %v", due, ok)
		}
		if got := run(at(28, 13, 49), jan); len(got) != 0 {
			t.Fatalf("early reminder: %q", got)
		}
		got := run(at(28, 13, 50), jan)
		if len(got) != 1 {
			t.Fatalf("reminder: %q", got)
		}
		coretest.Wants(t, "reminder", got[0], "Zo meteen: Grote zaal", "za 28 nov 2026 14:00–15:00 begint om 14:00", "(Overleg)", fmt.Sprintf("[Ruimte vrijgeven: /room release %d]", id))
		sent := e.Posters.Sent(intranet.PlatformConsole)
		if last := sent[len(sent)-1]; last.Key != fmt.Sprintf("booking-%d-reminder-%d", id, at(28, 14, 0).Unix()) || last.To.UserID != jan {
			t.Errorf("reminder delivery %q to %q", last.Key, last.To.UserID)
		}
		if again := run(at(28, 13, 51), jan); len(again) != 0 {
			t.Fatalf("reminded twice: %q", again)
		}
		// The button releases the room.
		coretest.Wants(t, "release", coretest.All(e.Press(jan, fmt.Sprintf("/room release %d", id))), "Vrijgegeven: Grote zaal")

		// A booking cancelled before its reminder gets none.
		e.Now = at(28, 14, 0)
		say(e, jan, "/room book Grote zaal ma 9-10")
		mine := e.Say(jan, "", "/room mine")
		say(e, jan, mine.Sections[0].Buttons[0].Command)
		if got := run(at(30, 8, 50), jan); len(got) != 0 {
			t.Fatalf("reminder of a cancelled booking: %q", got)
		}

		// A series: cancel the first; the second and third are reminded in turn.
		e.Now = at(30, 12, 0)
		say(e, jan, "/room book Grote zaal di 10-11 Stand-up elke dag tot do")
		series := e.Say(jan, "", "/room mine")
		series = e.Press(jan, series.Sections[0].Buttons[0].Command) // each time of the series
		if len(series.Sections) != 3 {
			t.Fatalf("series:\n%s", coretest.All(series))
		}
		say(e, jan, series.Sections[0].Buttons[0].Command)
		if got := run(dec(1, 9, 50), jan); len(got) != 0 {
			t.Fatalf("reminder of the cancelled first: %q", got)
		}
		if got := run(dec(2, 9, 50), jan); len(got) != 1 || !strings.Contains(got[0], "wo 2 dec 2026 10:00–11:00") {
			t.Fatalf("second of the series: %q", got)
		}
		if got := run(dec(3, 9, 50), jan); len(got) != 1 || !strings.Contains(got[0], "do 3 dec 2026 10:00–11:00") {
			t.Fatalf("third of the series: %q", got)
		}

		// English for whom chose it.
		e.Say(kees, "", "/werkplek language en")
		e.Now = dec(3, 12, 0)
		say(e, kees, "/room book Grote zaal 2026-12-09 9-10")
		if got := run(dec(9, 8, 50), kees); len(got) != 1 || !strings.Contains(got[0], "Your booking Wed 9 Dec 2026 09:00–10:00 starts at 09:00.") {
			t.Fatalf("English reminder: %q", got)
		}

		// A room admin cancels Kees's booking; a retired room's owners hear of it.
		e.Now = dec(9, 12, 0)
		say(e, kees, "/room book Grote zaal 2026-12-10 9-10")
		say(e, kees, "/room book Grote zaal 2026-12-11 9-10")
		kb := e.Say(kees, "", "/room mine")
		if len(kb.Sections) != 2 {
			t.Fatalf("Kees's bookings:\n%s", coretest.All(kb))
		}
		if _, ok := e.Jobs.Pending(rooms.RoomReminderJob, "booking:"+strings.TrimPrefix(kb.Sections[1].Buttons[0].Command, "/room cancel ")); !ok {
			t.Fatal("no reminder pending for Kees's booking")
		}
		coretest.Wants(t, "admin cancel", say(e, rita, kb.Sections[0].Buttons[0].Command), "Die persoon krijgt een bericht; kan ik hem of haar nergens bereiken, dan hoor je het van me.")
		if got := news(e, seen, kees); len(got) != 1 || !strings.Contains(got[0], "Rita Ruimte cancelled your booking of Grote zaal: Thu 10 Dec 2026 09:00–10:00.") {
			t.Fatalf("owner told: %q", got)
		}
		coretest.Wants(t, "retire", say(e, rita, "/room admin retire grote zaal"), "De eigenaren krijgen een bericht; wie ik nergens kan bereiken, hoor je van me.")
		if got := news(e, seen, kees); len(got) != 1 || !strings.Contains(got[0], "Room Grote zaal was retired, so your booking of Fri 11 Dec 2026 09:00–10:00 is cancelled.") {
			t.Fatalf("retired owner told: %q", got)
		}
		last := strings.TrimPrefix(kb.Sections[1].Buttons[0].Command, "/room cancel ")
		if _, ok := e.Jobs.Pending(rooms.RoomReminderJob, "booking:"+last); ok {
			t.Errorf("the reminder of booking %s is pending after the retirement", last)
		}
		if got := run(dec(11, 8, 50), kees); len(got) != 0 {
			t.Fatalf("reminder of a retired room's booking: %q", got)
		}
	})
}

// TestRoomUnreachable: an owner whom no platform reaches is not told, and
// the room admin hears it, with what the owner would have read.
func TestRoomUnreachable(t *testing.T) {
	grote := []intranet.RoomRecord{{Line: 2, Name: "Grote zaal", Capacity: 20, Opens: 420, Closes: 1320}}
	withRooms(t, grote, func(t *testing.T, e *coretest.Env) {
		// No platform that is on knows Jan's email.
		e.Outbox.People = feature.Recipients{People: e.Store, Accounts: e.Store, Platforms: e.Posters, Language: "nl"}
		// Jan's only account is on Teams, which is off here.
		onTeams := func(text string) {
			r := coretest.Request(jan, "", text)
			r.Platform, r.Installation = intranet.PlatformTeams, "tenant"
			coretest.Wants(t, text, coretest.All(e.Do(r)), "Geboekt")
		}
		onTeams("/room book Grote zaal morgen 9-10")
		onTeams("/room book Grote zaal ma 9-10")
		mine := bookings(t, e)
		coretest.Wants(t, "admin cancel", say(e, rita, fmt.Sprintf("/room cancel %d", mine[0].ID)), "De boeking was van Jan de Vries.", "hoor je het van me")
		coretest.Wants(t, "retire", say(e, rita, "/room admin retire grote zaal"), "wie ik nergens kan bereiken, hoor je van me")
		if got := e.Posters.DMs(intranet.PlatformConsole, jan); len(got) != 0 {
			t.Errorf("DMs to a person without a reachable account: %q", got)
		}
		told := strings.Join(e.Posters.DMs(intranet.PlatformConsole, rita), "\n")
		coretest.Wants(t, "the admin told", told, "Ik kon Jan de Vries nergens een bericht sturen; laat het zelf weten: Rita Ruimte heeft je boeking van Grote zaal geannuleerd",
			"Ik kon Jan de Vries nergens een bericht sturen; laat het zelf weten: Ruimte Grote zaal is opgeheven")
	})
}

// news returns the DMs email got on the console since the last call.
func news(e *coretest.Env, seen map[string]int, email string) []string {
	all := e.Posters.DMs(intranet.PlatformConsole, email)
	out := all[seen[email]:]
	seen[email] = len(all)
	return out
}

// TestRoomReminderReachesElsewhere: a person who booked on a platform that
// is switched off since (Teams has no poster in coretest) gets the reminder where the phonebook's email
// reaches them (here the console), and the account found there is kept.
func TestRoomReminderReachesElsewhere(t *testing.T) {
	grote := []intranet.RoomRecord{{Line: 2, Name: "Grote zaal", Capacity: 20, Opens: 420, Closes: 1320}}
	withRooms(t, grote, func(t *testing.T, e *coretest.Env) {
		r := coretest.Request(jan, "", "/room book Grote zaal morgen 9-10 Intake")
		r.Platform, r.Installation = intranet.PlatformTeams, "tenant"
		coretest.Wants(t, "book on Teams", coretest.All(e.Do(r)), "Geboekt")
		e.Now = at(28, 8, 50)
		e.RunDue()
		got := e.Posters.DMs(intranet.PlatformConsole, jan)
		if len(got) != 1 {
			t.Fatalf("reminder on the console: %q", got)
		}
		coretest.Wants(t, "reminder", got[0], "Zo meteen: Grote zaal", "(Intake)")
		a, err := e.Store.FindAccount(context.Background(), intranet.PlatformConsole, "local", jan)
		if err != nil || a == nil {
			t.Errorf("the console account found by email is not linked: %v %v", a, err)
		}
	})
}
