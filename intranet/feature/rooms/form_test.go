package rooms_test

import (
	"strings"
	"testing"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
)

func TestRoomForm(t *testing.T) {
	withRooms(t, fourRooms, func(t *testing.T, e *coretest.Env) {
		reply := e.Say(jan, "", "/room book")
		if reply.Form == nil || reply.Form.ID != "room.book" || len(reply.Form.Fields) != 6 || len(reply.Form.Fields[0].Options) != 4 ||
			!strings.Contains(reply.Text, "/room book <ruimte>") || !strings.Contains(reply.Form.Command, "/room book <ruimte>") {
			t.Fatalf("form: %+v", reply)
		}
		submit := func(v map[string]string) intranet.Reply {
			t.Helper()
			rq := coretest.Request(jan, "", "")
			rq.Form = &intranet.FormSubmission{FormID: "room.book", Values: v}
			return e.Do(rq)
		}
		for _, tc := range []struct {
			name   string
			values map[string]string
			field  string
			want   string
		}{
			{"ErrMissing", map[string]string{"room": "Grote zaal", "date": "2026-11-28", "from": "14:00"}, "to", "Vul dit in."},
			{"ErrDate", map[string]string{"room": "Grote zaal", "date": "2026-02-31", "from": "14:00", "to": "15:00"}, "date", "`2026-02-31` bestaat niet"},
			{"ErrPastDate", map[string]string{"room": "Grote zaal", "date": "2026-11-20", "from": "14:00", "to": "15:00"}, "date", "`2026-11-20` is voorbij"},
			{"ErrFromAfterTo", map[string]string{"room": "Grote zaal", "date": "2026-11-28", "from": "15:00", "to": "14:00"}, "to", "het begin (15:00) ligt niet vóór het eind (14:00)"},
			{"ErrFrom", map[string]string{"room": "Grote zaal", "date": "2026-11-28", "from": "25:00", "to": "26:00"}, "from", "`25:00` is geen tijd"},
			{"ErrTo", map[string]string{"room": "Grote zaal", "date": "2026-11-28", "from": "14:00", "to": "vijf"}, "to", "`vijf` is geen tijd"},
			{"ErrRoom", map[string]string{"room": "Grote zal", "date": "2026-11-28", "from": "14:00", "to": "15:00"}, "room", `Ik ken geen ruimte "Grote zal"`},
			{"ErrClosed", map[string]string{"room": "Kleine zaal", "date": "2026-11-28", "from": "17:00", "to": "19:00"}, "from", "valt daarbuiten"},
			{"ErrRepeat", map[string]string{"room": "Grote zaal", "date": "2026-11-28", "from": "14:00", "to": "15:00", "repeat": "soms"}, "repeat", "`soms` is geen herhaling"},
			{"ErrRepeatNoUntil", map[string]string{"room": "Grote zaal", "date": "2026-11-28", "from": "14:00", "to": "15:00", "repeat": "elke week"}, "repeat", "Tot wanneer?"},
			{"ErrRepeatBackwards", map[string]string{"room": "Grote zaal", "date": "2026-12-10", "from": "14:00", "to": "15:00", "repeat": "elke week tot 2026-12-01"}, "repeat", "De herhaling eindigt"},
			{"ErrTitle", map[string]string{"room": "Grote zaal", "date": "2026-11-28", "from": "14:00", "to": "15:00", "title": strings.Repeat("x", 201)}, "title", "De titel is te lang"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				bad := submit(tc.values)
				if bad.Form == nil || !strings.Contains(bad.FieldErrors[tc.field], tc.want) {
					t.Fatalf("want %q at %s: %+v", tc.want, tc.field, bad)
				}
				for _, f := range bad.Form.Fields {
					if v, ok := tc.values[f.Name]; ok && f.Value != v {
						t.Errorf("field %s shown again as %q, typed %q", f.Name, f.Value, v)
					}
				}
			})
		}
		if n := len(bookings(t, e)); n != 0 {
			t.Fatalf("bad forms booked %d", n)
		}
		// A title that reads like a repetition stays a title.
		ok := submit(map[string]string{"room": "Grote zaal", "date": "2026-11-28", "from": "14:00", "to": "15:00", "title": "Via formulier elke week"})
		if ok.Form != nil {
			t.Fatalf("form booking: %+v", ok)
		}
		coretest.Wants(t, "form booking", coretest.All(ok), "Geboekt: Grote zaal", "za 28 nov 2026 14:00–15:00 · Via formulier elke week")
		series := submit(map[string]string{"room": "Zaal 1", "date": "ma", "from": "9", "to": "10", "title": "Stand-up", "repeat": "werkdagen tot 4-12"})
		coretest.Wants(t, "form series", coretest.All(series), "Geboekt: Zaal 1", "5 keer 09:00–10:00 vanaf ma 30 nov 2026, werkdagen tot en met vr 4 dec 2026 · Stand-up")
		// Taken: no field is wrong, so no form; the buttons keep what was filled in.
		taken := submit(map[string]string{"room": "Grote zaal", "date": "2026-11-28", "from": "14:30", "to": "15:30", "title": "Nog eens"})
		if taken.Form != nil {
			t.Errorf("taken shows the form: %+v", taken)
		}
		coretest.Wants(t, "form taken", coretest.All(taken), "Grote zaal is bezet", `[Zaal 1 14:30–15:30: /room book "Zaal 1" 2026-11-28 14:30-15:30 "Nog eens"]`)
		if n := len(bookings(t, e)); n != 6 {
			t.Fatalf("%d bookings, want 6", n)
		}
	})
}
