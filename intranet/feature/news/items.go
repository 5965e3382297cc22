package news

import (
	"context"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// latest answers /news: the newest items for the caller's audience.
func (u *Unit) latest(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	sc := personScope(c.Person)
	items, err := u.cfg.News.News(ctx, intranet.NewsFilter{VisibleAt: u.cfg.Now(), Scope: &sc, Limit: DigestMax})
	if err != nil {
		return intranet.Reply{}, err
	}
	return u.latestView(c, items), nil
}

// show answers /news <id>. Readers see a visible item of their audience;
// publishers see every item with its state.
func (u *Unit) show(ctx context.Context, c *feature.Call, id int64) (intranet.Reply, error) {
	n, err := u.cfg.News.FindNewsByID(ctx, id)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return c.Reply(noItem(c, id)), nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	now := u.cfg.Now()
	if !personScope(c.Person).Sees(n) || !mayPublish(c) && !n.Visible(now) {
		return c.Reply(noItemForYou(c, id)), nil
	}
	list, total, err := u.commentPage(ctx, n.ID, 1)
	if err != nil {
		return intranet.Reply{}, err
	}
	return u.withComments(c, u.shownCard(c, n, now), n, list, total), nil
}

// read records that the caller read an important item.
func (u *Unit) read(ctx context.Context, c *feature.Call, id int64) (intranet.Reply, error) {
	n, err := u.cfg.News.FindNewsByID(ctx, id)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return c.Reply(noItem(c, id)), nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	if !n.Visible(u.cfg.Now()) || !personScope(c.Person).Sees(n) {
		return c.Reply(noItemForYou(c, id)), nil
	}
	if !n.Important {
		return c.Reply(noConfirmationAsked(c, id)), nil
	}
	if !n.For(c.Person.Department) {
		// A content manager of another department reads it, but only the
		// department is asked to confirm (NewsAudience).
		return c.Reply(confirmationNotAskedOfYou(c, n)), nil
	}
	first, at, err := u.cfg.News.AckNews(ctx, id, c.Person.ID, u.cfg.Now())
	if err != nil {
		return intranet.Reply{}, err
	}
	return c.Reply(u.readText(c, n, first, at)), nil
}

// stats shows the author and admins who read an item.
func (u *Unit) stats(ctx context.Context, c *feature.Call, id int64) (intranet.Reply, error) {
	n, err := u.cfg.News.FindNewsByID(ctx, id)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return c.Reply(noItem(c, id)), nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	if n.AuthorID != c.Person.ID && !c.Has(intranet.RoleAdmin) {
		return c.Reply(statsNotYours(c, n)), nil
	}
	readers, err := u.cfg.News.NewsAudience(ctx, id)
	if err != nil {
		return intranet.Reply{}, err
	}
	return statsView(c, n, readers), nil
}

// withdraw withdraws an item: readers no longer see it and nothing more
// is delivered.
func (u *Unit) withdraw(ctx context.Context, c *feature.Call, id int64) (intranet.Reply, error) {
	if !mayPublish(c) {
		return c.Reply(onlyPublishers(c, "withdraw")), nil
	}
	err := feature.InTx(ctx, u.cfg.Tx, func(ctx context.Context) error {
		if _, err := u.cfg.News.WithdrawNews(ctx, id, u.cfg.Now()); err != nil {
			return err
		}
		return u.cancelItemJobs(ctx, id)
	})
	switch intranet.ErrorCode(err) {
	case "":
		return c.Reply(withdrawn(c, id)), nil
	case intranet.ENOTFOUND:
		return c.Reply(noItem(c, id)), nil
	case intranet.ECONFLICT:
		return c.Reply(withdrawnAlready(c, id)), nil
	}
	return intranet.Reply{}, err
}
