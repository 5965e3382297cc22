package teams_test

import (
	"testing"

	"github.com/werkplek/werkplek/internal/coretest"
)

// TestTeamListCounts: a team of one has "1 lid", not "1 leden", in both
// languages.
func TestTeamListCounts(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		core(t, e)
		nl := coretest.All(e.Say(jan, "", "/team list"))
		coretest.Wants(t, "nl", nl, "*Zorg West* · 1 lid", "*Zorg Oost* · 3 leden")
		coretest.Lacks(t, "nl", nl, "1 leden")
		e.Say(jan, "", "/werkplek language en")
		en := coretest.All(e.Say(jan, "", "/team list"))
		coretest.Wants(t, "en", en, "*Zorg West* · 1 member", "*Zorg Oost* · 3 members")
		coretest.Lacks(t, "en", en, "1 members")
	})
}
