package main

import (
	"fmt"
	"net/http"

	"github.com/werkplek/werkplek/adapters/scim"
)

// mountSCIM serves the identity provider's provisioning (SCIM 2.0) at
// /scim/v2/ when WERKPLEK_SCIM_TOKEN is set; off otherwise.
func (m *Main) mountSCIM(mux *http.ServeMux) error {
	if m.Config.SCIMToken == "" {
		return nil
	}
	// The directory unit deactivates and activates, so that a departure
	// has the same effects whoever records it.
	h, err := scim.New(scim.Config{Token: m.Config.SCIMToken, PublicURL: m.Config.PublicURL, Provisioner: m.Store, Directory: m.Units.Directory,
		Log: m.Log.With("component", "scim")})
	if err != nil {
		return &exitError{code: 1, msg: fmt.Sprintf("werkplek: scim: %v", err)}
	}
	h.Routes(mux)
	return nil
}
