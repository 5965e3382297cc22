package directory_test

import (
	"context"
	"testing"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet/feature/directory"
)

// TestPartnerLabelled: an admin sees a partner with their organisation
// when deactivating them, and among the people a name fits.
func TestPartnerLabelled(t *testing.T) {
	withCore(t, func(t *testing.T, e *coretest.Env, d *directory.Unit) {
		ctx := context.Background()
		org, err := e.Store.AddOrganisation(ctx, "Thuiszorg Midden")
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range []struct{ email, name string }{{"anna@thuiszorgmidden.nl", "Anna Smit"}, {"bram@thuiszorgmidden.nl", "Bram Smit"}} {
			if _, _, err := e.Store.AddPartnerPerson(ctx, org.ID, p.email, p.name); err != nil {
				t.Fatal(err)
			}
		}
		coretest.Wants(t, "several", e.Say(sanne, "", "/werkplek person deactivate smit").Text,
			`"smit" past bij meer mensen: Anna Smit · Thuiszorg Midden (partner) (anna@thuiszorgmidden.nl), Bram Smit · Thuiszorg Midden (partner) (bram@thuiszorgmidden.nl).`)
		coretest.Wants(t, "question", coretest.All(e.Say(sanne, "", "/werkplek person deactivate anna@thuiszorgmidden.nl")), "Anna Smit · Thuiszorg Midden (partner) uitschakelen?")
		coretest.Wants(t, "done", e.Say(sanne, "", "/werkplek person deactivate anna@thuiszorgmidden.nl sure").Text, "Anna Smit · Thuiszorg Midden (partner) is uitgeschakeld.")
	})
}
