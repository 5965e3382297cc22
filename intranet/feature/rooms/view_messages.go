package rooms

import (
	"fmt"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/when"
)

// The direct messages of rooms, each written in the recipient's language.

// reminder is the message RoomReminderBefore a booking starts, with a
// button that releases the room.
func (u *Unit) reminder(lang string, b intranet.Booking) intranet.Reply {
	reply := intranet.Reply{Title: feature.T(lang, "Zo meteen: %s", "Coming up: %s", b.Room),
		Text: feature.T(lang, "Je boeking %s begint om %s.", "Your booking %s starts at %s.", u.span(lang, b.Slot), u.clock(b.Start))}
	if b.Title != "" {
		reply.Text += " (" + b.Title + ")"
	}
	reply.Text += " " + feature.T(lang, "Heb je de ruimte niet meer nodig? Geef hem vrij, dan kan een ander hem boeken.", "Don't need the room any more? Release it so someone else can book it.")
	reply.Buttons = []intranet.Button{{Label: feature.T(lang, "Ruimte vrijgeven", "Release the room"), Style: intranet.StyleDanger, Command: fmt.Sprintf("/room release %d", b.ID)}}
	return reply
}

// hostBooked tells an employee that a partner booked a room with them as
// host, with buttons to see or cancel it.
func (u *Unit) hostBooked(lang string, b intranet.Booking) intranet.Reply {
	when := u.span(lang, b.Slot)
	if b.Title != "" {
		when += " (" + b.Title + ")"
	}
	reply := intranet.Reply{Title: feature.T(lang, "Bezoek: %s", "Visitor: %s", b.Owner()),
		Text: feature.T(lang, "%s heeft %s geboekt op %s, met jou als contactpersoon.", "%s booked %s on %s, with you as host.", b.Owner(), b.Room, when)}
	reply.Buttons = []intranet.Button{
		{Label: feature.T(lang, "Mijn boekingen", "My bookings"), Command: fmt.Sprintf("/%s mine", Command.Word.EN)},
		{Label: feature.T(lang, "Annuleren", "Cancel"), Style: intranet.StyleDanger, Command: fmt.Sprintf("/%s cancel %d", Command.Word.EN, b.ID),
			Confirm: &intranet.Confirm{Title: feature.T(lang, "Boeking annuleren?", "Cancel the booking?"), Text: fmt.Sprintf("%s, %s", b.Room, u.span(lang, b.Slot)),
				Confirm: feature.T(lang, "Annuleren", "Cancel it"), Deny: feature.T(lang, "Houden", "Keep it")}},
	}
	return reply
}

// hostCancelled tells a host that who cancelled the partner's booking
// they hosted; byOwner: the partner cancelled it themselves, so they are
// named once.
func (u *Unit) hostCancelled(lang, who string, byOwner bool, b intranet.Booking) intranet.Reply {
	if byOwner {
		return intranet.Reply{Text: feature.T(lang, "%s heeft het bezoek afgezegd waarbij jij contactpersoon was: %s, %s.",
			"%s cancelled the visit you were hosting: %s, %s.", who, b.Room, u.span(lang, b.Slot))}
	}
	return intranet.Reply{Text: feature.T(lang, "%s heeft de boeking van %s geannuleerd waarbij jij contactpersoon was: %s, %s.",
		"%s cancelled the booking of %s you were hosting: %s, %s.", who, b.Owner(), b.Room, u.span(lang, b.Slot))}
}

// cancelledByOther tells an owner that who (a room admin) cancelled their booking.
func (u *Unit) cancelledByOther(lang, who string, b intranet.Booking) intranet.Reply {
	return intranet.Reply{Text: feature.T(lang, "%s heeft je boeking van %s geannuleerd: %s.", "%s cancelled your booking of %s: %s.", who, b.Room, u.span(lang, b.Slot))}
}

// unreachableOwner tells an admin that the owner of a booking they
// cancelled could not be reached, and what the owner would have read.
func unreachableOwner(lang, owner string, msg intranet.Reply) intranet.Reply {
	return intranet.Reply{Text: feature.T(lang, "Ik kon %s nergens een bericht sturen; laat het zelf weten: %s", "I could not reach %s on any platform; please tell them yourself: %s", owner, msg.Text)}
}

// roomRetired tells an owner that their booking went with a retired room.
func (u *Unit) roomRetired(lang, room string, b intranet.Booking) intranet.Reply {
	return intranet.Reply{Text: feature.T(lang, "Ruimte %s is opgeheven, dus je boeking van %s is geannuleerd. Zoek een andere ruimte met `/room free %s %s-%s`.",
		"Room %s was retired, so your booking of %s is cancelled. Find another room with `/room free %s %s-%s`.",
		room, u.span(lang, b.Slot), when.DateOf(b.Start, u.cfg.Location), u.clock(b.Start), u.clock(b.End))}
}

// hostRoomRetired tells a host that the partner's booking they hosted went
// with a retired room (the partner is told too).
func (u *Unit) hostRoomRetired(lang, room string, b intranet.Booking) intranet.Reply {
	return intranet.Reply{Text: feature.T(lang, "Ruimte %s is opgeheven, dus de boeking van %s waarbij jij contactpersoon was is geannuleerd: %s. %s krijgt ook bericht.",
		"Room %s was retired, so the booking of %s you were hosting is cancelled: %s. %s is told too.", room, b.Owner(), u.span(lang, b.Slot), b.Person)}
}

// seriesCancelledByOther tells an owner that who (a room admin) cancelled
// the rest of their series, in one message.
func (u *Unit) seriesCancelledByOther(lang, who string, bs []intranet.Booking) intranet.Reply {
	return intranet.Reply{Text: feature.T(lang, "%s heeft %s van je reeks geannuleerd: %s.", "%s cancelled %s of your series: %s.", who, times(lang, len(bs)), u.seriesSpan(lang, bs))}
}
