package main

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/werkplek/werkplek/adapters/console"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/demo"
	"github.com/werkplek/werkplek/intranet/grammar"
	"github.com/werkplek/werkplek/intranet/phonebook"
)

// partnerMay is every form a partner may use, by command and subcommand:
// what the issue lists (their contacts, news for partners, questions to
// topics open to partners, visitor rooms, their organisation) and the
// help, language, quiet hours, home and web that every guest has. A form
// added to this set must be one a partner is meant to have.
var partnerMay = []string{
	"answer accept",
	"ask ", "ask close", "ask mine", "ask search", "ask send", "ask show", "ask solved",
	"kb ",
	"news ", "news read", "news show",
	"partner ", "partner list", "partner show",
	"phonebook ", "phonebook show",
	"room ", "room book", "room cancel", "room confirm", "room day", "room free", "room mine", "room release",
	"werkplek confirm", "werkplek help", "werkplek home", "werkplek language", "werkplek privacy mobile", "werkplek quiet", "werkplek web",
}

// TestPartnerSeesOnlyWhatIsShared drives the real core over the demo as
// its partner, Gijs of Hulpmiddelen Partner: every form of every command
// outside partnerMay is refused with the sentence that says what a partner
// may do, and no reply to any form a partner may use (nor to any button
// those replies carry) holds a mobile number, an employee's email, the
// name of an employee who is not their contact, the title of a booking
// that is not theirs, an internal news item or the internal knowledge
// base.
func TestPartnerSeesOnlyWhatIsShared(t *testing.T) {
	bothEngines(t, func(t *testing.T, env map[string]string) {
		m := openedMain(t, env)
		defer m.Close()
		ctx := context.Background()
		if _, err := m.Store.ImportPeople(ctx, demo.People(), false); err != nil {
			t.Fatal(err)
		}
		if err := m.seedDemo(ctx); err != nil {
			t.Fatal(err)
		}
		// Employees' bookings, of an internal room and of the visitor room.
		tomorrow := time.Now().In(m.location()).AddDate(0, 0, 1)
		at := func(h int) time.Time {
			return time.Date(tomorrow.Year(), tomorrow.Month(), tomorrow.Day(), h, 0, 0, 0, m.location())
		}
		rooms, err := m.Store.Rooms(ctx, false)
		if err != nil {
			t.Fatal(err)
		}
		pieter, err := m.Store.FindPersonByEmail(ctx, "pieter.jansen@example.nl")
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rooms {
			title := map[string]string{"De Dom": "Reorganisatie bespreken", demo.Rooms()[len(demo.Rooms())-1].Name: "Sollicitatiegesprek"}[r.Name]
			if title == "" {
				continue
			}
			if _, err := m.Store.CreateBookings(ctx, intranet.NewBookings{RoomID: r.ID, PersonID: pieter.ID, Title: title, Slots: []intranet.Slot{{Start: at(9), End: at(10)}}}); err != nil {
				t.Fatal(err)
			}
		}

		gijs := "gijs@partner.example"
		say := func(text string, pressed bool) intranet.Reply {
			req := intranet.Request{Platform: intranet.PlatformConsole, Installation: console.Installation,
				User: intranet.User{ID: gijs, Email: gijs, Name: "Gijs"}, Channel: intranet.Channel{ID: "dm:" + gijs, Direct: true}, Text: text}
			if pressed {
				req.Text, req.Action = "", &intranet.Action{Command: text}
			}
			reply, err := m.Router.Handle(ctx, req)
			if err != nil {
				t.Fatalf("%s: %v", text, err)
			}
			return reply
		}
		say("/werkplek language en", false)
		refusal := "As a partner of Hulpmiddelen Partner you can use only what is shared with partners"

		// Every form: refused unless a partner may use it.
		names := grammar.Examples{grammar.Person: demo.PartnerContact, grammar.Room: "Ontvangstkamer", grammar.Topic: "Hulpmiddelen"}
		var may []string
		for _, cmd := range Grammar().Commands {
			for i := range cmd.Subs {
				sub := &cmd.Subs[i]
				name := cmd.Word.EN + " " + sub.Name()
				text := grammar.Example(sub, "en", names)
				if text == "" {
					text = strings.TrimSpace("/" + name)
				}
				reply := say(text, false)
				allowed := slices.Contains(partnerMay, name)
				if allowed {
					may = append(may, name)
				}
				if got := reply.Text; !allowed && !strings.HasPrefix(got, refusal) {
					t.Errorf("%s (%s): not refused: %.200q", name, text, got)
				}
			}
		}
		slices.Sort(may)
		if !slices.Equal(may, partnerMay) {
			t.Errorf("forms a partner may use: %q, want %q", may, partnerMay)
		}

		// What must never reach a partner.
		contact, author := demo.PartnerContact, demo.NewsAuthor()
		var hidden []string
		for _, p := range demo.People() {
			if p.Mobile != "" {
				hidden = append(hidden, p.Mobile, phonebook.PhoneKey(p.Mobile))
			}
			if p.Email != gijs {
				hidden = append(hidden, p.Email)
			}
			if p.Email != gijs && p.Email != contact && p.Email != author {
				hidden = append(hidden, p.Name)
			}
		}
		hidden = append(hidden, "Reorganisatie bespreken", "Sollicitatiegesprek", "Pieter")
		for _, n := range demo.News() {
			if !n.Partners {
				hidden = append(hidden, n.Title)
			}
		}
		for _, q := range demo.Questions() {
			hidden = append(hidden, q.Text)
			if q.Answer != "" {
				hidden = append(hidden, q.Answer)
			}
		}
		day := tomorrow.Format("2006-01-02")
		texts := []string{
			"/werkplek help", "/werkplek home", "/phonebook", "/phonebook jansen", "/phonebook 06", "/phonebook dept:ICT", "/phonebook skill:EHBO",
			"/room", "/room " + day, "/room day " + day, "/room free " + day + " 09:00-10:00", "/room free " + day + " 14:00-15:00",
			"/room book De Dom " + day + " 11:00-12:00", "/room book Ontvangstkamer " + day + " 09:00-10:00", "/room book Ontvangstkamer " + day + " 14:00-15:00 Levering",
			"/room mine", "/news", "/ask How do I confirm a delivery in the portal?", "/ask mine", "/partner", "/partner list", "/partner show Hulpmiddelen Partner",
		}
		for i := 1; i <= 8; i++ {
			texts = append(texts, fmt.Sprintf("/phonebook show %d", i), fmt.Sprintf("/news %d", i), fmt.Sprintf("/ask show %d", i), fmt.Sprintf("/room cancel %d", i))
		}
		// The internal knowledge base, searched by each question's longest
		// word (the partner's own words come back; the question must not).
		for _, q := range demo.Questions() {
			word := ""
			for _, w := range strings.FieldsFunc(q.Text, func(r rune) bool { return r == ' ' || r == '?' || r == ',' }) {
				if len(w) > len(word) {
					word = w
				}
			}
			texts = append(texts, "/kb "+word, "/ask search "+word, "/ask Wat weten jullie van "+word+"? topic:Hulpmiddelen")
		}
		pressed := map[string]bool{}
		check := func(text string, reply intranet.Reply) {
			all, _ := json.Marshal(reply)
			for _, h := range hidden {
				if h != "" && strings.Contains(string(all), h) {
					t.Errorf("%s: a partner sees %q:\n%s", text, h, all)
				}
			}
		}
		for _, text := range texts {
			reply := say(text, false)
			check(text, reply)
			// And every button those replies carry, pressed once.
			for _, b := range reply.Buttons {
				if !pressed[b.Command] && !strings.Contains(b.Command, "cancel") && !strings.Contains(b.Command, "close") {
					pressed[b.Command] = true
					check(b.Command, say(b.Command, true))
				}
			}
			for _, s := range reply.Sections {
				for _, b := range s.Buttons {
					if !pressed[b.Command] && !strings.Contains(b.Command, "cancel") && !strings.Contains(b.Command, "close") {
						pressed[b.Command] = true
						check(b.Command, say(b.Command, true))
					}
				}
			}
		}
		if len(pressed) == 0 {
			t.Error("no button was pressed: the replies carry none?")
		}
	})
}
