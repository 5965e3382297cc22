package handover

import (
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// homeView is the handover part of the home: a line per request as
// /handover list writes it, the first titled, each with the take button.
func homeView(c *feature.Call, list []*intranet.Handover, loc *time.Location) []intranet.Section {
	var out []intranet.Section
	for _, h := range list {
		out = append(out, intranet.Section{Text: line(c, h, loc) + " · " + c.T("van %s", "from %s", h.Requester), Buttons: []intranet.Button{takeButton(h, c.Lang)}})
	}
	if len(out) > 0 {
		out[0].Title = c.T("Diensten die je kunt overnemen", "Shifts you can take over")
	}
	return out
}
