package main

import (
	"context"
	"fmt"

	"github.com/werkplek/werkplek/intranet/demo"
)

// seedDemoPartner gives the demo's partner organisation (which the people
// import added for its person) its email domain and its contact.
// Idempotent.
func (m *Main) seedDemoPartner(ctx context.Context) error {
	org, err := m.Store.FindOrganisation(ctx, demo.PartnerName)
	if err != nil {
		return fmt.Errorf("seed the demo partner: %w", err)
	}
	if err := m.Store.AddPartnerDomain(ctx, org.ID, demo.PartnerDomain); err != nil {
		return fmt.Errorf("seed the demo partner: %w", err)
	}
	contact, err := m.Store.FindPersonByEmail(ctx, demo.PartnerContact)
	if err != nil {
		return fmt.Errorf("seed the demo partner: %w", err)
	}
	if err := m.Store.AddPartnerContact(ctx, org.ID, contact.ID); err != nil {
		return fmt.Errorf("seed the demo partner: %w", err)
	}
	return nil
}
