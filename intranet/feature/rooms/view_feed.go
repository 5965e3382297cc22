package rooms

import (
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// The texts of the calendar feeds' events, each in the feed's one language.

// bookingSummary is a booking's title in a feed: who booked it in a
// room's feed ("Overleg (Jan de Vries)", a partner labelled), which room
// in a person's ("Grote zaal: Overleg").
func bookingSummary(lang string, kind FeedKind, b intranet.Booking) string {
	title := b.Title
	if title == "" {
		title = feature.T(lang, "Geboekt", "Booked")
	}
	if kind == RoomFeed {
		return title + " (" + b.Owner() + ")"
	}
	return b.Room + ": " + title
}

func bookingDescription(lang string, b intranet.Booking) string {
	by := b.Owner()
	if b.Host != "" {
		by += feature.T(lang, ", contactpersoon: %s", ", host: %s", b.Host)
	}
	return feature.T(lang, "Geboekt door %s. Boeking %d; annuleer met /room cancel %d.", "Booked by %s. Booking %d; cancel with /room cancel %d.", by, b.ID, b.ID)
}

// shiftSummary is a shift taken over, in its taker's feed.
func shiftSummary(lang string, h *intranet.Handover) string {
	return feature.T(lang, "Dienst: %s", "Shift: %s", h.What)
}

func shiftDescription(lang string, h *intranet.Handover) string {
	return feature.T(lang, "Overgenomen van %s (overdracht %d, team %s).", "Taken over from %s (handover %d, team %s).", h.Requester, h.ID, h.Team)
}
