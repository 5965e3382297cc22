package board

import (
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// homeView is the board part of the home: an ad a section as /board
// lists it, the first titled.
func (u *Unit) homeView(c *feature.Call, ads []*intranet.Ad) []intranet.Section {
	var out []intranet.Section
	for _, a := range ads {
		out = append(out, u.line(c.Lang, a))
	}
	if len(out) > 0 {
		out[0].Title = c.T("Nieuw op het prikbord", "New on the board")
	}
	return out
}
