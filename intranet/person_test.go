package intranet_test

import (
	"testing"

	"github.com/werkplek/werkplek/intranet"
)

// Roles and visibilities read in either language, as the people file, the
// chat and WERKPLEK_PRIVACY_MOBILE write them.
func TestParseRoleAndVisibilityDutch(t *testing.T) {
	for in, want := range map[string]intranet.Role{"Content  Manager": intranet.RoleContentManager, "Beheerder": intranet.RoleAdmin, "teamleider": intranet.RoleTeamLead, "gast": intranet.RoleGuest} {
		if got, ok := intranet.ParseRole(in); !ok || got != want {
			t.Errorf("ParseRole(%q) = %q %v, want %q", in, got, ok, want)
		}
	}
	if _, ok := intranet.ParseRole("baas"); ok {
		t.Error("baas is a role")
	}
	for in, want := range map[string]intranet.FieldVisibility{"everyone": intranet.VisibleEveryone, "Iedereen": intranet.VisibleEveryone, "team": intranet.VisibleTeam, "verborgen": intranet.VisibleHidden, "hidden": intranet.VisibleHidden} {
		if got, ok := intranet.ParseVisibility(in); !ok || got != want {
			t.Errorf("ParseVisibility(%q) = %q %v, want %q", in, got, ok, want)
		}
	}
	if _, ok := intranet.ParseVisibility("niemand"); ok {
		t.Error("niemand is a visibility")
	}
}
