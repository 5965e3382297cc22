package feature_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/werkplek/werkplek/intranet/feature/handover"
	"github.com/werkplek/werkplek/intranet/feature/help"
	"github.com/werkplek/werkplek/intranet/feature/news"
	"github.com/werkplek/werkplek/intranet/feature/phonebook"
	"github.com/werkplek/werkplek/intranet/feature/questions"
	"github.com/werkplek/werkplek/intranet/feature/rooms"
	"github.com/werkplek/werkplek/intranet/feature/teams"
	"github.com/werkplek/werkplek/intranet/grammar"
	"github.com/werkplek/werkplek/intranet/when"
)

// Friday 27 November 2026.
var today = when.Date{Year: 2026, Month: time.November, Day: 27}

func all() *grammar.Grammar {
	return grammar.New(phonebook.Command, rooms.Command, teams.Command, handover.Command, news.Command, news.Follow, news.Unfollow,
		questions.Ask, questions.Answer, questions.KB, help.Command)
}

func TestParseSmoke(t *testing.T) {
	g := all()
	for _, tc := range []struct{ in, want string }{
		{"/room book \"De Dom\" ma 10:00-11:00 Wekelijks elke week tot 28-12", `/room book "De Dom" 2026-11-30 10:00-11:00 Wekelijks every week until 2026-12-28`},
		{"/handover 8-12 07:00-15:00 Vroege dienst Pool Zuid", `/handover 2026-12-08 07:00-15:00 "Vroege dienst Pool Zuid"`},
		{"/phonebook dept:\"Zorg Oost\" jansen", `/phonebook jansen dept:"Zorg Oost"`},
	} {
		p, err := g.Parse(tc.in, today)
		if err != nil {
			t.Errorf("%s: %v", tc.in, err)
			continue
		}
		if got := p.String(); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct{ in, nl string }{
		{"/handover 31 februari 07:00-15:00 X", "`31 februari` bestaat niet"},
		{"/handover gisteren 14:00-22:00 X", "`gisteren` is voorbij"},
		{"/room book Stilte gisteren 10-11", "`gisteren` is voorbij"},
		{"/room book Stilte morgen 25:00-26:00", "`25:00` is geen tijd"},
		{"/room free morgen 10-11 0 personen", "`0 personen`"},
		{"/room admin change Nachtkamer2 foo:bar", "`foo:` ken ik niet"},
		{"/phonebook dept:", "Achter `dept:` mist de waarde"},
	} {
		_, err := g.Parse(tc.in, today)
		var e *grammar.Error
		if !errors.As(err, &e) || !strings.Contains(e.Message("nl"), tc.nl) {
			t.Errorf("%s: %v; want %q", tc.in, err, tc.nl)
		}
	}
}
