package handover_test

import (
	"context"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
)

// TestHandoverNeverPartners: a colleague who became a partner is no longer
// in their department's team, is not asked to take a shift, and cannot
// take one, by a command or a button; nor ask for one.
func TestHandoverNeverPartners(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		setup(t, e, 0, nil)
		ctx := context.Background()
		for _, who := range []string{anouk, pieter, kees, jan} {
			say(e, who, "", "/werkplek language nl")
		}
		org, err := e.Store.AddOrganisation(ctx, "Thuiszorg Midden")
		if err != nil {
			t.Fatal(err)
		}
		// Jan (Zorg Oost) leaves for the partner.
		e.Now = e.Now.Add(time.Hour)
		if err := e.Store.SetOrganisation(ctx, personID(t, e, jan), org.ID); err != nil {
			t.Fatal(err)
		}
		coretest.Wants(t, "create", say(e, pieter, "", "/overdracht morgen 14:00-22:00 Pool Noord"), "Overdracht 1\n")
		coretest.Wants(t, "notify", say(e, pieter, "", "/handover notify 1"), "1 collega")
		coretest.Wants(t, "colleague asked", dms(e, anouk), "/handover take 1")
		coretest.Lacks(t, "partner asked", dms(e, jan), "/handover take 1", "Pool Noord")
		for _, text := range []string{"/handover take 1", "/handover list", "/handover morgen 14:00-22:00 Pool Zuid"} {
			coretest.Wants(t, text, say(e, jan, "", text), "Als partner van Thuiszorg Midden")
		}
		coretest.Wants(t, "button", press(e, jan, "/handover take 1"), "Als partner van Thuiszorg Midden")
		h, err := e.Store.FindHandoverByID(ctx, 1)
		if err != nil || h.State != intranet.HandoverOpen || h.TakerID != 0 {
			t.Fatalf("handover = %+v, %v", h, err)
		}
		team, err := e.Store.FindTeamByName(ctx, "Zorg Oost")
		if err != nil {
			t.Fatal(err)
		}
		if id := personID(t, e, jan); team.IsMember(id) || team.IsLead(id) {
			t.Errorf("the partner is in Zorg Oost: %+v", team.Members)
		}
		if list, err := e.Store.Handovers(ctx, intranet.HandoverFilter{}); err != nil || len(list) != 1 {
			t.Errorf("handovers = %d, %v", len(list), err)
		}
	})
}
