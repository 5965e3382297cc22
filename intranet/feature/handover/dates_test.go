package handover_test

import (
	"context"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
)

// TestHandoverDates: what a request's date and times are read as, and the
// mistakes refused naming the value.
func TestHandoverDates(t *testing.T) {
	at := func(y int, m time.Month, d, h int) time.Time {
		return time.Date(y, m, d, h, 0, 0, 0, coretest.Amsterdam)
	}
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		setup(t, e, 0, nil)
		last := func(t *testing.T) *intranet.Handover {
			t.Helper()
			list, err := e.Store.Handovers(ctx, intranet.HandoverFilter{})
			if err != nil || len(list) == 0 {
				t.Fatalf("no request: %v", err)
			}
			newest := list[0]
			for _, h := range list {
				if h.ID > newest.ID {
					newest = h
				}
			}
			return newest
		}
		count := func() int {
			list, err := e.Store.Handovers(ctx, intranet.HandoverFilter{})
			if err != nil {
				t.Fatal(err)
			}
			return len(list)
		}
		check := func(t *testing.T, h *intranet.Handover, start, end time.Time, what string) {
			t.Helper()
			if !h.Start.Equal(start) || !h.End.Equal(end) || h.What != what {
				t.Fatalf("got %v-%v %q, want %v-%v %q", h.Start.In(coretest.Amsterdam), h.End.In(coretest.Amsterdam), h.What, start, end, what)
			}
		}

		t.Run("DayMonth", func(t *testing.T) {
			got := say(e, jan, "", "/handover 8-12 07:00-15:00 Vroege dienst Pool Zuid")
			coretest.Wants(t, "8-12", got, "Overdracht", "di 8 dec 2026 07:00–15:00", "Wat: Vroege dienst Pool Zuid")
			check(t, last(t), at(2026, 12, 8, 7), at(2026, 12, 8, 15), "Vroege dienst Pool Zuid")
			say(e, jan, "", "/handover 14-12 07:00-15:00 X")
			check(t, last(t), at(2026, 12, 14, 7), at(2026, 12, 14, 15), "X")
		})
		t.Run("NextYear", func(t *testing.T) {
			defer func(now time.Time) { e.Now = now }(e.Now)
			e.Now = at(2026, 12, 20, 10)
			got := say(e, jan, "", "/handover 8-12 07:00-15:00 Vroege dienst Pool Zuid")
			coretest.Wants(t, "8-12 after 8 December", got, "wo 8 dec 2027 07:00–15:00", "`8-12` gelezen als wo 8 dec 2027.")
			check(t, last(t), at(2027, 12, 8, 7), at(2027, 12, 8, 15), "Vroege dienst Pool Zuid")
		})
		t.Run("Night", func(t *testing.T) {
			got := say(e, jan, "", "/handover morgen 22:00-07:00 Nachtdienst")
			coretest.Wants(t, "night", got, "za 28 nov 2026 22:00 – zo 29 nov 2026 07:00")
			check(t, last(t), at(2026, 11, 28, 22), at(2026, 11, 29, 7), "Nachtdienst")
		})
		t.Run("Refused", func(t *testing.T) {
			before := count()
			for _, tc := range []struct{ text, want string }{
				{"/handover 31 februari 07:00-15:00 X", "`31 februari` bestaat niet"},
				{"/handover gisteren 14:00-22:00 X", "`gisteren` is voorbij"},
				{"/handover morgen 25:00-26:00 X", "`25:00` is geen tijd"},
			} {
				coretest.Wants(t, tc.text, say(e, jan, "", tc.text), tc.want, "Schrijf `/handover <datum> <van>-<tot> <wat>")
			}
			if after := count(); after != before {
				t.Fatalf("refused requests made %d requests", after-before)
			}
		})
	})
}

// TestHandoverHelp: /handover help is the router's, from the grammar.
func TestHandoverHelp(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		setup(t, e, 0, nil)
		coretest.Wants(t, "help", say(e, jan, "", "/handover help"), "Dienst overdragen", "/handover <datum> <van>-<tot> <wat>", "/handover take <", "22:00-07:00")
		coretest.Wants(t, "alias help", say(e, jan, "", "/dienst hulp"), "Dienst overdragen")
		coretest.Wants(t, "sub help", say(e, jan, "", "/handover approve help"), "Schrijf `/handover approve <nummer> [for:<persoonsnummer>]`")
		coretest.Wants(t, "english", say(e, pieter, "", "/werkplek language en"), "English")
		coretest.Wants(t, "help en", say(e, pieter, "", "/handover help"), "Shift handover", "/handover <date> <from>-<to> <what>")
	})
}
