package rooms

import (
	"fmt"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/when"
)

// The views of rooms: the day, free rooms, mine, feeds, and a room that
// was not found. All wording of replies is in the view_*.go files.

// span writes a slot for people: "vr 28 nov 2026 14:00–15:00".
func (u *Unit) span(lang string, s intranet.Slot) string {
	d := when.DateOf(s.Start, u.cfg.Location)
	end := u.clock(s.End)
	if when.DateOf(s.End, u.cfg.Location) != d && end == 0 {
		end = 24 * 60
	}
	return fmt.Sprintf("%s %s–%s", d.Format(lang), u.clock(s.Start), end)
}

// facilities is the vocabulary of known facilities: the word a room stores
// (English), its Dutch name, and other words people type for it. Other
// facilities are shown as they were typed.
var facilities = []struct {
	en, nl string
	words  []string
}{
	{"screen", "scherm", []string{"beeldscherm", "tv", "monitor", "display"}},
	{"video", "video", []string{"videobellen", "beeld", "camera", "videocall", "webcam"}},
	{"whiteboard", "whiteboard", []string{"whitebord", "bord"}},
	{"beamer", "beamer", []string{"projector"}},
	{"flipchart", "flip-over", []string{"flipover", "flip-over"}},
	{"phone", "telefoon", []string{"vergadertelefoon", "speakerphone", "conference-phone"}},
}

// facilityName is a stored facility's name in lang.
func facilityName(lang, stored string) string {
	for _, f := range facilities {
		if strings.EqualFold(stored, f.en) {
			return feature.T(lang, f.nl, f.en)
		}
	}
	return stored
}

// facilityNames writes a room's facilities in lang: "scherm, video".
func facilityNames(lang string, stored []string) string {
	names := make([]string, len(stored))
	for i, f := range stored {
		names[i] = facilityName(lang, f)
	}
	return strings.Join(names, ", ")
}

// roomLine describes a room in one line.
func roomLine(c *feature.Call, room intranet.Room) string {
	parts := []string{"*" + room.Name + "*"}
	if room.Location != "" {
		parts = append(parts, room.Location)
	}
	if room.Capacity > 0 {
		parts = append(parts, c.N(room.Capacity, "persoon", "personen", "person", "people"))
	}
	if len(room.Facilities) > 0 {
		parts = append(parts, facilityNames(c.Lang, room.Facilities))
	}
	parts = append(parts, fmt.Sprintf("%s–%s", when.Clock(room.Opens), when.Clock(room.Closes)))
	return strings.Join(parts, " · ")
}

func noRoomsYet(c *feature.Call) string {
	if isPartner(c) {
		return c.T("Er zijn nog geen bezoekersruimtes die je kunt boeken; vraag je contactpersoon bij ons.",
			"There are no visitor rooms you can book yet; ask your contact here.")
	}
	return c.T("Er zijn nog geen ruimtes; een ruimtebeheerder voegt ze toe met `/room admin add`.", "There are no rooms yet; a room admin adds them with `/room admin add`.")
}

// missReply answers typed words that name no room: retired, ambiguous or
// unknown (with a did-you-mean). Its buttons run redo with a room's name.
func missReply(c *feature.Call, m *miss, redo func(name string) string) intranet.Reply {
	var reply intranet.Reply
	switch {
	case m.retired != nil:
		return c.Reply(c.T("Ruimte %s is opgeheven en neemt geen boekingen meer aan.", "Room %s is retired and takes no bookings.", m.retired.Name))
	case len(m.ambiguous) > 0:
		reply = c.Reply(c.T("Welke ruimte bedoel je met %q: %s?", "Which room do you mean by %q: %s?", m.typed, roomNames(m.ambiguous)))
	default:
		reply = c.Reply(c.T("Ik ken geen ruimte %q.", "I know no room %q.", m.typed))
		switch {
		case isPartner(c) && len(m.active) > 0:
			if len(m.near) > 0 {
				reply.Text += " " + c.T("Bedoel je: %s?", "Did you mean: %s?", roomNames(m.near))
			}
			reply.Text += " " + visitorRoomsAre(c, m.active)
		case len(m.near) > 0:
			reply.Text += " " + c.T("Bedoel je: %s?", "Did you mean: %s?", roomNames(m.near))
		case len(m.active) > 0 && len(m.active) <= 15:
			reply.Text += " " + c.T("Er zijn: %s.", "There are: %s.", roomNames(m.active))
		case len(m.active) == 0:
			reply.Text += " " + noRoomsYet(c)
		}
	}
	for _, room := range m.choices() {
		reply.Buttons = append(reply.Buttons, intranet.Button{Label: room.Name, Command: redo(room.Name)})
	}
	return reply
}

// visitorRoomsAre names the rooms a partner may book.
func visitorRoomsAre(c *feature.Call, rooms []intranet.Room) string {
	return c.T("Je kunt boeken: %s.", "You can book: %s.", roomNames(rooms))
}

func roomNames(rooms []intranet.Room) string {
	names := make([]string, len(rooms))
	for i, r := range rooms {
		names[i] = r.Name
	}
	return strings.Join(names, ", ")
}

// dayView is /room [<date>]: each room's busy and free times that day.
func (u *Unit) dayView(c *feature.Call, d when.Date, rooms []intranet.Room, byRoom map[int64][]intranet.Booking) intranet.Reply {
	start, end := d.At(0, u.cfg.Location), d.AddDays(1).At(0, u.cfg.Location)
	reply := intranet.Reply{Lang: c.Lang, Title: c.T("Ruimtes op %s", "Rooms on %s", d.Format(c.Lang))}
	for _, room := range rooms {
		var busy, free []string
		at, closes := when.Clock(room.Opens), when.Clock(room.Closes)
		for _, b := range byRoom[room.ID] {
			from, to := u.clock(b.Start), u.clock(b.End)
			if b.Start.Before(start) {
				from = 0
			}
			if !b.End.Before(end) {
				to = 24 * 60
			}
			if who := u.busyWith(c, b); who != "" {
				if b.Title != "" {
					who += ", " + b.Title
				}
				busy = append(busy, fmt.Sprintf("%s–%s (%s)", from, to, who))
			} else {
				busy = append(busy, fmt.Sprintf("%s–%s", from, to))
			}
			if from > at {
				free = append(free, fmt.Sprintf("%s–%s", at, min(from, closes)))
			}
			at = max(at, to)
		}
		if at < closes {
			free = append(free, fmt.Sprintf("%s–%s", at, closes))
		}
		text := roomLine(c, room)
		if len(busy) > 0 {
			text += "\n" + c.T("Bezet: ", "Busy: ") + strings.Join(busy, ", ")
		}
		if len(free) > 0 {
			text += "\n" + c.T("Vrij: ", "Free: ") + strings.Join(free, ", ")
		} else {
			text += "\n" + c.T("De hele dag bezet.", "Busy all day.")
		}
		reply.Sections = append(reply.Sections, intranet.Section{Text: text})
	}
	reply.Context = []string{c.T("Boek met `/room book <ruimte> <datum> <van>-<tot>`, of zoek met `/room free <datum> <van>-<tot>`.",
		"Book with `/room book <room> <date> <from>-<to>`, or search with `/room free <date> <from>-<to>`.")}
	return reply
}

func oneFacility(c *feature.Call, typed string) string {
	return c.T("`%s`: één voorziening tegelijk graag.", "`%s`: one facility at a time, please.", typed) + " " + c.Usage()
}

func unknownFacility(c *feature.Call, typed string, known []string) string {
	if len(known) == 0 {
		return c.T("Geen ruimte heeft %q; de ruimtes hebben nog geen voorzieningen.", "No room has %q; the rooms have no facilities yet.", typed)
	}
	return c.T("Geen ruimte heeft %q. Voorzieningen: %s.", "No room has %q. Facilities: %s.", typed, strings.Join(known, ", "))
}

// freeView is /room free: the rooms free for the whole slot, each with a
// button that books it (commands[i] for rooms[i]).
func (u *Unit) freeView(c *feature.Call, s intranet.Slot, rooms []intranet.Room, commands []string) intranet.Reply {
	reply := intranet.Reply{Lang: c.Lang, Title: c.T("Vrij op %s", "Free on %s", u.span(c.Lang, s))}
	for i, room := range rooms {
		reply.Sections = append(reply.Sections, intranet.Section{Text: roomLine(c, room),
			Buttons: []intranet.Button{{Label: c.T("Boeken", "Book"), Style: intranet.StylePrimary, Command: commands[i]}}})
	}
	if len(rooms) == 0 {
		reply.Text = c.T("Geen ruimte is dan vrij (en groot genoeg, met wat je vraagt). Probeer een ander tijdstip, of `/room` voor wat er vandaag vrij is.",
			"No room is free then (and big enough, with what you ask). Try another time, or `/room` for what is free today.")
	}
	return reply
}

// mineView is /room mine: one page of the coming bookings, a series on
// one line with buttons for its times and for cancelling it, single
// bookings with Cancel, and a button to the next page.
func (u *Unit) mineView(c *feature.Call, items []mineItem, page int, series int64) intranet.Reply {
	if len(items) == 0 && series != 0 {
		return c.Reply(c.T("Je hebt geen komende keren in reeks %d; `/room mine` toont je boekingen.", "You have no coming times in series %d; `/room mine` shows your bookings.", series))
	}
	if len(items) == 0 {
		reply := c.Reply(c.T("Je hebt geen komende boekingen.", "You have no coming bookings."))
		book := c.T("Boek met `/room book <ruimte> <datum> <van>-<tot>`.", "Book with `/room book <room> <date> <from>-<to>`.")
		reply.Context, reply.Typing = []string{book}, []string{book}
		return reply
	}
	pages := (len(items) + mineLimit - 1) / mineLimit
	if page > pages {
		return c.Reply(c.T("Er is geen pagina %d: je boekingen passen op %d. Typ `/room mine`.", "There is no page %d: your bookings fit on %d. Type `/room mine`.", page, pages))
	}
	reply := intranet.Reply{Lang: c.Lang, Title: c.T("Je komende boekingen", "Your coming bookings")}
	if series != 0 {
		reply.Title = c.T("Reeks %d: %s", "Series %d: %s", series, u.seriesRule(c.Lang, items))
	}
	for _, it := range items[(page-1)*mineLimit : min(page*mineLimit, len(items))] {
		b := it.first
		if len(it.times) > 1 {
			text := fmt.Sprintf("*%s* · %s", b.Room, u.seriesRule(c.Lang, toItems(it.times)))
			if b.Title != "" {
				text += " · " + b.Title
			}
			text += fmt.Sprintf(" · #%d", b.ID)
			reply.Sections = append(reply.Sections, intranet.Section{Text: text, Buttons: []intranet.Button{
				{Label: c.T("Alle keren", "Each time"), Command: fmt.Sprintf("/%s mine series:%d", Command.Word.EN, b.SeriesID)},
				u.cancelSeriesButton(c, it.times)}})
			continue
		}
		text := fmt.Sprintf("*%s* · %s", b.Room, u.span(c.Lang, b.Slot))
		if b.Title != "" {
			text += " · " + b.Title
		}
		if b.PersonID != c.Person.ID {
			text += " · " + c.T("jij ontvangt %s", "you host %s", b.Owner())
		}
		text += fmt.Sprintf(" · #%d", b.ID)
		reply.Sections = append(reply.Sections, intranet.Section{Text: text, Buttons: []intranet.Button{u.cancelButton(c, b)}})
	}
	if pages > 1 {
		reply.Context = []string{c.T("Pagina %d van %d.", "Page %d of %d.", page, pages)}
	}
	if page < pages {
		next := fmt.Sprintf("/%s mine %d", Command.Word.EN, page+1)
		if series != 0 {
			next += fmt.Sprintf(" series:%d", series)
		}
		reply.Buttons = []intranet.Button{{Label: c.T("Meer", "More"), Command: next}}
	}
	return reply
}

func toItems(bs []intranet.Booking) []mineItem {
	out := make([]mineItem, len(bs))
	for i, b := range bs {
		out[i] = mineItem{first: b, times: []intranet.Booking{b}}
	}
	return out
}

// seriesRule writes the coming times of a series as people say them:
// "elke ma 10:00–11:00 tot 28-12, 12 keer", "werkdagen 09:00–10:00 tot
// 4-12, 5 keer", "every 2 weeks on Mon …". The rule is read from the
// dates: the smallest gap between two of them (a skipped date leaves a
// larger one).
func (u *Unit) seriesRule(lang string, items []mineItem) string {
	first, last := items[0].first, items[len(items)-1].first
	loc := u.cfg.Location
	gap, weekend, jump := 0, false, false
	prev := when.DateOf(first.Start, loc)
	for i, it := range items {
		d := when.DateOf(it.first.Start, loc)
		if wd := d.Weekday(); wd == 0 || wd == 6 {
			weekend = true
		}
		if i > 0 {
			g := prev.DaysUntil(d)
			if gap == 0 || g < gap {
				gap = g
			}
			jump = jump || g > 1
		}
		prev = d
	}
	day := strings.Fields(when.DateOf(first.Start, loc).Format(lang))[0]
	var rule string
	switch {
	case gap == 1 && !weekend && jump:
		rule = feature.T(lang, "werkdagen", "weekdays")
	case gap == 1:
		rule = feature.T(lang, "elke dag", "every day")
	case gap == 7:
		rule = feature.T(lang, "elke %s", "every %s", day)
	case gap > 0 && gap%7 == 0:
		rule = feature.T(lang, "om de %d weken op %s", "every %d weeks on %s", gap/7, day)
	case gap > 0:
		rule = feature.T(lang, "om de %d dagen", "every %d days", gap)
	}
	end := when.DateOf(last.Start, loc)
	until := fmt.Sprintf("%d-%d", end.Day, end.Month)
	if end.Year != u.cfg.Today().Year {
		until += fmt.Sprintf("-%d", end.Year)
	}
	return strings.TrimSpace(fmt.Sprintf("%s %s–%s", rule, u.clock(first.Start), u.clock(first.End))) +
		feature.T(lang, " tot %s, %s", " until %s, %s", until, times(lang, len(items)))
}

// cancelSeriesButton cancels the coming times of a series (bs), after a
// confirmation.
func (u *Unit) cancelSeriesButton(c *feature.Call, bs []intranet.Booking) intranet.Button {
	return intranet.Button{Label: c.T("Reeks annuleren", "Cancel the series"), Style: intranet.StyleDanger,
		Command: fmt.Sprintf("/%s cancel %d series sure", Command.Word.EN, bs[0].ID),
		Confirm: &intranet.Confirm{Title: c.T("Reeks annuleren?", "Cancel the series?"),
			Text:    c.T("Dit annuleert %s: %s.", "This cancels %s: %s.", times(c.Lang, len(bs)), u.seriesSpan(c.Lang, bs)),
			Confirm: c.T("Annuleren", "Cancel them"), Deny: c.T("Houden", "Keep them")}}
}

// feedView is /room feed: the address of a calendar feed (room nil: the
// caller's own bookings).
func feedView(c *feature.Call, room *intranet.Room, addr string, haveURL bool) intranet.Reply {
	title := c.T("Je agenda met je boekingen", "Your calendar of your bookings")
	if room != nil {
		title = c.T("De agenda van %s", "The calendar of %s", room.Name)
	}
	reply := intranet.Reply{Lang: c.Lang, Title: title, Text: "`" + addr + "`"}
	reply.Context = []string{c.T("Abonneer je erop in Outlook (Agenda toevoegen → Van internet) of Google Agenda (Andere agenda's → Via URL). Houd het adres voor jezelf: wie het heeft, ziet de boekingen.",
		"Subscribe to it in Outlook (Add calendar → From internet) or Google Calendar (Other calendars → From URL). Keep the address to yourself: whoever has it sees the bookings.")}
	if !haveURL {
		reply.Context = append(reply.Context, c.T("WERKPLEK_PUBLIC_URL is niet ingesteld, dus dit is alleen het pad; vraag de beheerder het adres van Werkplek.",
			"WERKPLEK_PUBLIC_URL is not set, so this is only the path; ask your admin for Werkplek's address."))
	}
	return reply
}
