package main

import (
	"fmt"
	"net/http"

	"github.com/werkplek/werkplek/adapters/scim"
	"github.com/werkplek/werkplek/intranet"
)

// mountSCIM serves the identity provider's provisioning (SCIM 2.0) at
// /scim/v2/ when WERKPLEK_SCIM_TOKEN is set; off otherwise.
func (m *Main) mountSCIM(mux *http.ServeMux) error {
	if m.Config.SCIMToken == "" {
		return nil
	}
	dir := m.directoryService()
	if dir == nil {
		return &exitError{code: 1, msg: "werkplek: WERKPLEK_SCIM_TOKEN is set, but this build has no directory unit to deactivate and activate people"}
	}
	h, err := scim.New(scim.Config{Token: m.Config.SCIMToken, PublicURL: m.Config.PublicURL, Provisioner: m.Store, Directory: dir,
		Log: m.Log.With("component", "scim")})
	if err != nil {
		return &exitError{code: 1, msg: fmt.Sprintf("werkplek: scim: %v", err)}
	}
	h.Routes(mux)
	return nil
}

// directoryService is the core's DirectoryService, the directory unit
// that core.go builds, through which a departure has the same effects
// whoever records it.
//
// LEAD (merge of issue 21): the directory unit comes with the lifecycle
// branch; return m.Units.Directory here once it is in core.go.
func (m *Main) directoryService() intranet.DirectoryService {
	return nil
}
