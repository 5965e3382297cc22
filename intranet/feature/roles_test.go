package feature_test

import (
	"testing"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// TestGuestAccountHoldsNoRole: through a guest account an admin is no
// admin (nor content manager, room admin or team lead) for any unit; the
// same person through their own account is.
func TestGuestAccountHoldsNoRole(t *testing.T) {
	p := &intranet.Person{ID: 1, Email: "ada@example.nl", Roles: []intranet.Role{intranet.RoleEmployee, intranet.RoleAdmin, intranet.RoleContentManager, intranet.RoleRoomAdmin, intranet.RoleTeamLead}}
	own, guest := &feature.Call{Person: p}, &feature.Call{Person: p, Guest: true}
	for _, r := range []intranet.Role{intranet.RoleAdmin, intranet.RoleContentManager, intranet.RoleRoomAdmin, intranet.RoleTeamLead} {
		if !own.Has(r) {
			t.Errorf("own account: no %s", r)
		}
		if guest.Has(r) || !guest.Has(intranet.RoleEmployee, r) {
			t.Errorf("guest account: %s %v, employee or %s %v", r, guest.Has(r), r, guest.Has(intranet.RoleEmployee, r))
		}
	}
}
