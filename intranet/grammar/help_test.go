package grammar

import (
	"strings"
	"testing"
)

// TestHelpForOtherWords: /werkplek help names each other word once, and
// none of a command the caller may not use (a partner's help has no
// `/volg` when /follow is not theirs).
func TestHelpForOtherWords(t *testing.T) {
	show := W("show", "toon")
	news := &Command{Word: W("news", "nieuws"), Subs: []Sub{{Partners: true}, {Path: []Word{show}, Partners: true}}}
	follow := &Command{Word: W("follow", "volg"), HelpOf: "news", Subs: []Sub{{}}}
	room := &Command{Word: W("room", "zaal"), Subs: []Sub{{Path: []Word{show}, Partners: true}}}
	g := New(news, follow, room)
	words := func(may May) string {
		secs := g.HelpFor("nl", may)
		for _, s := range secs {
			if s.Title == "Andere woorden" {
				return s.Text
			}
		}
		t.Fatalf("no other words in %+v", secs)
		return ""
	}
	partner := func(_ *Command, s *Sub) bool { return s.Partners }
	for name, got := range map[string]string{"everyone": words(nil), "partner": words(partner)} {
		if n := strings.Count(got, "`toon` = `show`"); n != 1 {
			t.Errorf("%s: `toon` = `show` %d times in %s", name, n, got)
		}
		if !strings.Contains(got, "`/nieuws` = `/news`") || !strings.Contains(got, "`/zaal` = `/room`") {
			t.Errorf("%s: %s", name, got)
		}
	}
	if got := words(nil); !strings.Contains(got, "`/volg` = `/follow`") {
		t.Errorf("everyone: %s", got)
	}
	if got := words(partner); strings.Contains(got, "/volg") {
		t.Errorf("partner: %s", got)
	}
}
