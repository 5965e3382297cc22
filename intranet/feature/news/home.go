package news

import (
	"context"
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
	// A guest account (a platform's guest) of someone who is no partner
	// reads no news, whoever's address it has: /news is not theirs.
	if sc.None || c.Guest && c.Partner() == 0 {
		return nil, nil
	}
	now := u.cfg.Now()
	// Those asked to confirm an item are its department's people
	// (NewsItem.For), whatever else they may read; a partner those
	// addressed to them (asked).
	asked := intranet.NewsScope{Department: c.Person.Department}
	if c.Person.IsPartner() {
		asked = sc
	}
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
	return u.homeView(c, unread, today, forPartners(sc)), nil
}
