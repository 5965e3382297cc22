package teams_test

import (
	"testing"

	"github.com/werkplek/werkplek/internal/coretest"
)

// TestExamplesNameRealTeams: the example of a mistake's reply names a
// team that exists (the caller's own) and a real person (the caller), or
// a placeholder while there are no teams; never a made-up team.
func TestExamplesNameRealTeams(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		core(t, e)
		coretest.Wants(t, "no teams yet", coretest.All(e.Say(kees, "", "/team approval")), "bijvoorbeeld `/team approval <team> on`")
		e.Say(jan, "", "/team list") // the departments' teams
		coretest.Wants(t, "own team", coretest.All(e.Say(jan, "", "/team member add")), "bijvoorbeeld `/team member add \"Zorg Oost\" jan.devries@example.nl`")
		coretest.Wants(t, "other team", coretest.All(e.Say(kees, "", "/team approval")), "bijvoorbeeld `/team approval \"Zorg West\" on`")
	})
}
