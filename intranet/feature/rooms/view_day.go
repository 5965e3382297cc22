package rooms

import (
	"fmt"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/when"
)

// manyRooms is where the day view suggests a location: Slack shows 50
// blocks a message, and each room takes two (its text and its buttons).
const manyRooms = 20

// dayPlanView is /room day: a section a room (name, location, capacity),
// its busy times, and a button for each free hour, which books that hour
// after a confirmation.
func (u *Unit) dayPlanView(c *feature.Call, d when.Date, place string, plans []roomPlan) intranet.Reply {
	reply := intranet.Reply{Lang: c.Lang, Title: c.T("Ruimtes op %s", "Rooms on %s", d.Format(c.Lang))}
	start, end := d.At(0, u.cfg.Location), d.AddDays(1).At(0, u.cfg.Location)
	for _, p := range plans {
		title := p.room.Name
		if p.room.Location != "" {
			title += " · " + p.room.Location
		}
		if p.room.Capacity > 0 {
			title += " · " + c.N(p.room.Capacity, "persoon", "personen", "person", "people")
		}
		var lines []string
		for _, b := range p.busy {
			from, to := u.clock(b.Start), u.clock(b.End)
			if b.Start.Before(start) {
				from = 0
			}
			if !b.End.Before(end) {
				to = 24 * 60
			}
			line := fmt.Sprintf("%s–%s %s", from, to, c.T("bezet", "busy"))
			if who := u.busyWith(c, b); who != "" {
				if b.Title != "" {
					who += ", " + b.Title
				}
				line += " (" + who + ")"
			}
			lines = append(lines, line)
		}
		switch {
		case len(p.hours) == 0 && len(p.busy) == 0:
			lines = append(lines, c.T("Open %s–%s; geen heel uur meer vrij.", "Open %s–%s; no whole hour left.", when.Clock(p.room.Opens), when.Clock(p.room.Closes)))
		case len(p.hours) == 0:
			lines = append(lines, c.T("Geen heel uur meer vrij.", "No whole hour left free."))
		case len(p.busy) == 0:
			lines = append(lines, c.T("Vrij (open %s–%s).", "Free (open %s–%s).", when.Clock(p.room.Opens), when.Clock(p.room.Closes)))
		}
		s := intranet.Section{Title: title, Text: strings.Join(lines, "\n")}
		for _, h := range p.hours {
			s.Buttons = append(s.Buttons, u.hourButton(c, p.room, h))
		}
		reply.Sections = append(reply.Sections, s)
	}
	// The web has a booking form and a location field for these.
	another := c.T("Een knop boekt dat uur, na één vraag. Een andere tijd: `/room book <ruimte> <datum> <van>-<tot>`.",
		"A button books that hour, after one question. Another time: `/room book <room> <date> <from>-<to>`.")
	reply.Context, reply.Typing = []string{another}, []string{another}
	if len(plans) > manyRooms && place == "" {
		fewer := c.T("Veel ruimtes: kies er minder met `location:<plaats>`.", "Many rooms: show fewer with `location:<place>`.")
		reply.Context, reply.Typing = append(reply.Context, fewer), append(reply.Typing, fewer)
	}
	return reply
}

// hourButton books a free hour of a room, after a confirmation.
func (u *Unit) hourButton(c *feature.Call, room intranet.Room, h when.Slot) intranet.Button {
	return intranet.Button{Label: h.From.String(), Command: fmt.Sprintf("/%s book %s %s", Command.Word.EN, quote(room.Name), h),
		Confirm: &intranet.Confirm{Title: c.T("Boeken?", "Book?"),
			Text:    c.T("Boek %s op %s %s–%s?", "Book %s on %s %s–%s?", room.Name, h.Date.Format(c.Lang), h.From, h.To),
			Confirm: c.T("Boeken", "Book"), Deny: c.T("Niet", "Don't")}}
}

func unknownLocation(c *feature.Call, typed string, known []string) string {
	if len(known) == 0 {
		return c.T("Geen ruimte heeft locatie %q; de ruimtes hebben nog geen locatie. Typ `/room day` voor alle ruimtes.",
			"No room has location %q; the rooms have no location yet. Type `/room day` for every room.", typed)
	}
	return c.T("Ik ken geen locatie %q. Locaties: %s.", "I know no location %q. Locations: %s.", typed, strings.Join(known, ", "))
}
