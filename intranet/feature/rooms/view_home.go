package rooms

import (
	"fmt"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// homeView is the rooms part of the home: a line per booking as /room
// mine writes it, the first titled, each with the Cancel of /room mine.
func (u *Unit) homeView(c *feature.Call, next []intranet.Booking) []intranet.Section {
	var out []intranet.Section
	for _, b := range next {
		text := fmt.Sprintf("*%s* · %s", b.Room, u.span(c.Lang, b.Slot))
		if b.Title != "" {
			text += " · " + b.Title
		}
		text += fmt.Sprintf(" · #%d", b.ID)
		out = append(out, intranet.Section{Text: text, Buttons: []intranet.Button{u.cancelButton(c, b)}})
	}
	if len(out) > 0 {
		out[0].Title = c.T("Je volgende boekingen", "Your next bookings")
	}
	return out
}
