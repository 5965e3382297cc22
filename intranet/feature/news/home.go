package news

import (
	"context"
	"fmt"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/when"
)

// HomeMax is how many items the caller's home shows at most.
const HomeMax = 5

// Home is the news part of the caller's home: the important items they
// have not confirmed yet, then today's items of their audience (as /news
// shows them), newest first, at most HomeMax; nil when there is none.
func (u *Unit) Home(ctx context.Context, c *feature.Call) ([]intranet.Section, error) {
	sc := personScope(c.Person)
	if sc.None {
		return nil, nil
	}
	now := u.cfg.Now()
	// Those asked to confirm an item are its department's people
	// (NewsItem.For), whatever else they may read.
	asked := intranet.NewsScope{Department: c.Person.Department}
	unread, err := u.cfg.News.News(ctx, intranet.NewsFilter{VisibleAt: now, Scope: &asked, UnreadBy: c.Person.ID, Limit: HomeMax})
	if err != nil {
		return nil, err
	}
	// PublishedAfter is exclusive, to the microsecond: an item published
	// at midnight is today's.
	midnight := when.DateOf(now, u.cfg.Location).At(0, u.cfg.Location).Add(-time.Microsecond)
	today, err := u.cfg.News.News(ctx, intranet.NewsFilter{VisibleAt: now, Scope: &sc, PublishedAfter: midnight, Limit: HomeMax})
	if err != nil {
		return nil, err
	}
	return u.homeView(c, unread, today), nil
}

// homeView is the news part of the home: one section per item, the first
// titled, the unread important ones first with Read.
func (u *Unit) homeView(c *feature.Call, unread, today []*intranet.NewsItem) []intranet.Section {
	var out []intranet.Section
	seen := map[int64]bool{}
	add := func(n *intranet.NewsItem, ask bool) {
		if seen[n.ID] || len(out) == HomeMax {
			return
		}
		seen[n.ID] = true
		s := u.newsLine(c.Lang, n)
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
