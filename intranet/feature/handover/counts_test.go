package handover_test

import (
	"testing"

	"github.com/werkplek/werkplek/internal/coretest"
)

// TestNotifyCount: a DM to one colleague says "1 collega" ("1
// colleague"), not "1 collega's".
func TestNotifyCount(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		setup(t, e, 0, nil)
		for _, who := range []string{anouk, kees, jan} {
			say(e, who, "", "/werkplek language nl")
		}
		say(e, anouk, "", "/team add Duo")
		say(e, anouk, "", "/team member add Duo jan.devries@example.nl")
		say(e, anouk, "", "/team member add Duo kees.janssen@example.nl")
		coretest.Wants(t, "request", say(e, jan, "", "/handover 28-11 14:00-22:00 Pool Noord team:Duo"), "Overdracht 1\n")
		got := press(e, jan, "/handover notify 1")
		coretest.Wants(t, "notify", got, "Ik stuurde 1 collega van Duo een bericht")
		say(e, jan, "", "/werkplek language en")
		coretest.Wants(t, "notify en", press(e, jan, "/handover notify 1"), "I sent 1 colleague of Duo a DM")
	})
}
