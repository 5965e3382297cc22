package board_test

import (
	"context"
	"testing"

	"github.com/werkplek/werkplek/internal/coretest"
)

// TestBoardPartnerLabelled: where partners may use the board, employees
// see a partner's ad and reply labelled with their organisation.
func TestBoardPartnerLabelled(t *testing.T) {
	boardEnv(t, true, func(t *testing.T, e *env) {
		ctx := context.Background()
		org, err := e.Store.AddOrganisation(ctx, "Thuiszorg Midden")
		if err != nil {
			t.Fatal(err)
		}
		const anna = "anna@thuiszorgmidden.nl"
		if _, _, err := e.Store.AddPartnerPerson(ctx, org.ID, anna, "Anna Smit"); err != nil {
			t.Fatal(err)
		}
		e.say(jan, "/board post Fiets | Te koop.")
		coretest.Wants(t, "partner posts", e.say(anna, "/board post Workshop | Donderdag bij ons. category:event"), "nummer 2")
		coretest.Wants(t, "list", e.say(jan, "/board"), "Anna Smit · Thuiszorg Midden (partner)")
		coretest.Wants(t, "ad", e.say(jan, "/board 2"), "Van: Anna Smit · Thuiszorg Midden (partner)")
		coretest.Wants(t, "partner replies", e.say(anna, "/board reply 1 Interesse!"), "Verstuurd")
		coretest.Wants(t, "reply dm", last(e.dms(jan)), "|Anna Smit> · Thuiszorg Midden (partner)", "anna@thuiszorgmidden.nl")
		// An employee's ad is not labelled.
		coretest.Lacks(t, "employee", e.say(anna, "/board 1"), "(partner)")
	})
}
