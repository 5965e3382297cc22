package rooms_test

import (
	"context"
	"errors"
	"testing"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/demo"
)

// TestRoomWordsInBothLanguages: a room's problems and its facilities are
// worded in the reader's language, and a facility typed in Dutch finds
// and adds the same facility as the English word; an import keeps its
// English problems.
func TestRoomWordsInBothLanguages(t *testing.T) {
	withRooms(t, demo.Rooms(), func(t *testing.T, e *coretest.Env) {
		got := say(e, rita, "/room admin add Hok hours:19-07")
		coretest.Wants(t, "nl hours", got, "Dat kan niet: de ruimte gaat open (19:00) nadat hij sluit (07:00).")
		coretest.Lacks(t, "nl hours", got, "opens", "closes")
		got = say(e, jan, "/room 2026-11-30")
		coretest.Wants(t, "nl day", got, "*De Dom* · Utrecht, 3e verdieping · 12 personen · scherm, video, whiteboard")
		coretest.Lacks(t, "nl day", got, "screen")
		coretest.Wants(t, "nl add", say(e, rita, "/room admin add Serre capacity:8 facilities:flip-over;projector;koffie"), "*Serre* · 8 personen · flip-over, beamer, koffie")
		coretest.Wants(t, "nl find", say(e, jan, "/room free morgen 10-11 flip-over"), "*Serre*")
		coretest.Wants(t, "nl unknown", say(e, jan, "/room free morgen 10-11 sauna"), "Voorzieningen: beamer, flip-over, koffie, scherm, video, whiteboard.")

		e.Say(rita, "", "/werkplek language en")
		coretest.Wants(t, "en hours", say(e, rita, "/room admin add Hok hours:19-07"), "That is not possible: the room opens (19:00) after it closes (07:00).")
		coretest.Wants(t, "en serre", say(e, rita, "/room admin"), "*Serre* · 8 people · flipchart, beamer, koffie", "*De Dom* · Utrecht, 3e verdieping · 12 people · screen, video, whiteboard")
		coretest.Wants(t, "en find", say(e, rita, "/room free tomorrow 10-11 scherm"), "*De Dom*", "*Oudegracht*")

		_, err := e.Store.SaveRooms(context.Background(), []intranet.RoomRecord{{Line: 2, Name: "Hok", Opens: 19 * 60, Closes: 7 * 60}}, false)
		var ie *intranet.ImportError
		if !errors.As(err, &ie) || ie.Problems[0].Reason != "the room opens (19:00) after it closes (07:00)" || ie.Problems[0].Message("nl") != "de ruimte gaat open (19:00) nadat hij sluit (07:00)" {
			t.Fatalf("import problem: %v", err)
		}
	})
}
