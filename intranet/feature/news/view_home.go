package news

import (
	"fmt"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// homeView is the news part of the home: one section per item, the first
// titled, the unread important ones first with Read (outside: for a
// partner).
func (u *Unit) homeView(c *feature.Call, unread, today []*intranet.NewsItem, outside bool) []intranet.Section {
	var out []intranet.Section
	seen := map[int64]bool{}
	add := func(n *intranet.NewsItem, ask bool) {
		if seen[n.ID] || len(out) == HomeMax {
			return
		}
		seen[n.ID] = true
		s := u.newsLine(c.Lang, n, outside)
		s.Buttons = nil
		if ask {
			s.Buttons = append(s.Buttons, intranet.Button{Label: c.T("Gelezen", "Read"), Style: intranet.StylePrimary, Command: fmt.Sprintf("/news read %d", n.ID)})
		}
		s.Buttons = append(s.Buttons, intranet.Button{Label: c.T("Bekijk", "Show"), Command: fmt.Sprintf("/news show %d", n.ID)})
		out = append(out, s)
	}
	for _, n := range unread {
		add(n, true)
	}
	for _, n := range today {
		add(n, false)
	}
	if len(out) > 0 {
		out[0].Title = c.T("Nieuws voor jou", "News for you")
	}
	return out
}
