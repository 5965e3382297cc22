package feature_test

import (
	"strings"
	"testing"

	"github.com/werkplek/werkplek/intranet/feature"
)

func TestUnping(t *testing.T) {
	const wj = "\u2060"
	for _, tc := range []struct{ in, want string }{
		{"@here kijk even", "@" + wj + "here kijk even"},
		{"Iedereen @channel @all @everyone", "Iedereen @" + wj + "channel @" + wj + "all @" + wj + "everyone"},
		{"<!here> en <!channel> en <!everyone> en <!subteam^S1>", "<" + wj + "!here> en <" + wj + "!channel> en <" + wj + "!everyone> en <" + wj + "!subteam^S1>"},
		{"Vraag het <@U123|Jan> of <@U456>", "Vraag het @" + wj + "Jan of @" + wj + "U456"},
		{"(@jan.devries)", "(@" + wj + "jan.devries)"},
		{"Mail jan@example.nl", "Mail jan@example.nl"},
		{"Geen mention: a < b en <@ niets", "Geen mention: a < b en <@" + wj + " niets"},
		{"Gewoon tekst, *vet* en _schuin_.", "Gewoon tekst, *vet* en _schuin_."},
	} {
		got := feature.Unping(tc.in)
		if got != tc.want {
			t.Errorf("Unping(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if strings.ReplaceAll(got, wj, "") != strings.ReplaceAll(strings.ReplaceAll(tc.in, "<@U123|Jan>", "@Jan"), "<@U456>", "@U456") {
			t.Errorf("Unping(%q) reads differently: %q", tc.in, got)
		}
	}
}
