package rooms

import (
	"fmt"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/grammar"
)

// The views of /room admin.

func adminOnly(c *feature.Call) string {
	return c.T("Ruimtes beheren mag alleen een ruimtebeheerder.", "Only a room admin may manage rooms.")
}

// adminUsage names the forms of /room admin, generated from the grammar.
func adminUsage(c *feature.Call) string {
	var forms []string
	for i := range Command.Subs {
		s := &Command.Subs[i]
		if len(s.Path) == 2 && s.Path[0].EN == "admin" && len(s.Args) > 0 {
			forms = append(forms, "`"+grammar.Usage(Command, s, c.Lang)+"`")
		}
	}
	return c.T("Beheer met %s. Waarden met spaties tussen aanhalingstekens.", "Manage with %s. Values with spaces in quotes.", strings.Join(forms, ", "))
}

// adminListView is /room admin: every room, retired ones marked.
func adminListView(c *feature.Call, rooms []intranet.Room) intranet.Reply {
	reply := intranet.Reply{Lang: c.Lang, Title: c.T("Alle ruimtes", "All rooms"), Context: []string{adminUsage(c)}}
	for _, room := range rooms {
		line := adminLine(c, room)
		if room.Retired {
			line += " · _" + c.T("opgeheven", "retired") + "_"
		}
		reply.Sections = append(reply.Sections, intranet.Section{Text: line})
	}
	if len(rooms) == 0 {
		reply.Text = noRoomsYet(c)
	}
	return reply
}

func roomExists(c *feature.Call, name string) string {
	return c.T("Er is al een ruimte %s; wijzig hem met `/room admin change %s ...`.", "There is a room %s already; change it with `/room admin change %s ...`.", name, quote(name))
}

func nothingToChange(c *feature.Call, name string) string {
	return c.T("Wat wil je aan %s wijzigen?", "What do you want to change about %s?", name) + " " + c.Usage()
}

func nameTaken(c *feature.Call, name string) string {
	return c.T("Er is al een zaal die %s heet.", "There is a room called %s already.", name)
}

func roomGone(c *feature.Call) string {
	return c.T("Die zaal bestaat niet meer.", "That room no longer exists.")
}

func retiredAlready(c *feature.Call, name string) string {
	return c.T("%s is al opgeheven.", "%s is retired already.", name)
}

// savedView answers a room added or changed.
func savedView(c *feature.Call, room intranet.Room, changed bool) intranet.Reply {
	done := c.T("Toegevoegd", "Added")
	if changed {
		done = c.T("Gewijzigd", "Changed")
	}
	return intranet.Reply{Lang: c.Lang, Title: done + ": " + room.Name, Text: adminLine(c, room)}
}

// adminLine describes a room for room admins: a visitor room marked.
func adminLine(c *feature.Call, room intranet.Room) string {
	line := roomLine(c, room)
	if room.Partners {
		line += " · " + c.T("bezoekersruimte", "visitor room")
	}
	return line
}

// retiredView answers a retired room: the bookings that were cancelled,
// and whether their owners were told (missed: those Werkplek could not
// reach, whom the admin should tell).
func (u *Unit) retiredView(c *feature.Call, room *intranet.Room, cancelled []intranet.Booking) intranet.Reply {
	reply := intranet.Reply{Lang: c.Lang, Title: c.T("Opgeheven: %s", "Retired: %s", room.Name),
		Text: c.T("De ruimte neemt geen boekingen meer aan; de geschiedenis blijft bewaard.", "The room takes no more bookings; its history is kept.")}
	if len(cancelled) == 0 {
		return reply
	}
	var lines []string
	for _, b := range cancelled {
		lines = append(lines, fmt.Sprintf("- %s · %s", u.span(c.Lang, b.Slot), u.owner(c.Lang, b)))
	}
	reply.Text += "\n" + c.N(len(cancelled), "komende boeking is geannuleerd:", "komende boekingen zijn geannuleerd:", "coming booking was cancelled:", "coming bookings were cancelled:") + "\n" + strings.Join(lines, "\n")
	reply.Context = []string{c.T("De eigenaren krijgen een bericht; wie ik nergens kan bereiken, hoor je van me.",
		"The owners are told by a direct message; whom I cannot reach anywhere, I tell you.")}
	return reply
}
