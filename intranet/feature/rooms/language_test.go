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

// TestExamplesNameRealRooms: the example a mistake's reply shows names a
// room that exists (the first one), and a placeholder when there is none;
// never a made-up room.
func TestExamplesNameRealRooms(t *testing.T) {
	withRooms(t, demo.Rooms(), func(t *testing.T, e *coretest.Env) {
		got := say(e, jan, "/room book Stilte gisteren 10-11")
		coretest.Wants(t, "book", got, "bijvoorbeeld `/room book \"Amersfoort Kei\" morgen 14-15 Teamoverleg elke week tot 28-12`")
		coretest.Lacks(t, "book", got, "Grote zaal", "Big room")
		coretest.Wants(t, "change", say(e, rita, "/room admin change Stilte foo:bar"), "bijvoorbeeld `/room admin change \"Amersfoort Kei\" capacity:24`")
		e.Say(kees, "", "/werkplek language en")
		coretest.Wants(t, "en", say(e, kees, "/room book Stilte yesterday 10-11"), "e.g. `/room book \"Amersfoort Kei\" tomorrow 14-15 Team meeting`")
	})
	withRooms(t, nil, func(t *testing.T, e *coretest.Env) {
		got := say(e, jan, "/room book Stilte gisteren 10-11")
		coretest.Wants(t, "no rooms", got, "bijvoorbeeld `/room book <ruimte> morgen 14-15")
		coretest.Lacks(t, "no rooms", got, "Grote zaal")
	})
}
