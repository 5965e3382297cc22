package news

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/when"
)

// latest answers /news: the newest items for the caller's audience.
func (u *Unit) latest(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	sc := personScope(c.Person)
	items, err := u.cfg.News.News(ctx, intranet.NewsFilter{VisibleAt: u.cfg.Now(), Scope: &sc, Limit: DigestMax})
	if err != nil {
		return intranet.Reply{}, err
	}
	return u.latestView(c, items, forPartners(sc)), nil
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
	sc := personScope(c.Person)
	if !sc.Sees(n) || !mayPublish(c) && !n.Visible(now) {
		return c.Reply(noItemForYou(c, id)), nil
	}
	if forPartners(sc) {
		// A partner reads the item, not its comments (internal), and
		// does not comment.
		return u.shownCard(c, n, now, true), nil
	}
	list, total, err := u.commentPage(ctx, n.ID, 1)
	if err != nil {
		return intranet.Reply{}, err
	}
	return u.withComments(c, u.shownCard(c, n, now, false), n, list, total), nil
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
	if !asked(n, c.Person) {
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

// stats shows the author and admins who read an item, and how many a day.
func (u *Unit) stats(ctx context.Context, c *feature.Call, id int64) (intranet.Reply, error) {
	n, readers, refusal, err := u.statsOf(ctx, c, id)
	if err != nil || refusal != "" {
		return c.Reply(refusal), err
	}
	reply := statsView(c, n, readers)
	if days := u.readsPerDay(n, readers); len(days) > 0 {
		reply.Charts = append(reply.Charts, readsChart(c, days))
		reply.Context = append([]string{readsPerDayText(c, days)}, reply.Context...)
	}
	return reply, nil
}

// statsCSV answers /news stats <id> csv: the audience with when each read
// the item, as a file the web serves.
func (u *Unit) statsCSV(ctx context.Context, c *feature.Call, id int64) (intranet.Reply, error) {
	n, readers, refusal, err := u.statsOf(ctx, c, id)
	if err != nil || refusal != "" {
		return c.Reply(refusal), err
	}
	data, err := readsCSV(readers, u.cfg.Location)
	if err != nil {
		return intranet.Reply{}, err
	}
	reply := c.Reply(u.csvText(c, n.ID))
	reply.Title = c.T("Gelezen: %s", "Read: %s", n.Title)
	reply.File = &intranet.File{Name: fmt.Sprintf("news-%d-reads.csv", n.ID), ContentType: "text/csv; charset=utf-8", Data: data}
	return reply, nil
}

// statsOf finds an item and its audience for its read statistics, or says
// why the caller gets none (refusal): only its author and admins do.
func (u *Unit) statsOf(ctx context.Context, c *feature.Call, id int64) (n *intranet.NewsItem, readers []intranet.NewsReader, refusal string, err error) {
	n, err = u.cfg.News.FindNewsByID(ctx, id)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return nil, nil, noItem(c, id), nil
	} else if err != nil {
		return nil, nil, "", err
	}
	if n.AuthorID != c.Person.ID && !c.Has(intranet.RoleAdmin) {
		return nil, nil, statsNotYours(c, n), nil
	}
	readers, err = u.cfg.News.NewsAudience(ctx, id)
	if err != nil {
		return nil, nil, "", err
	}
	return n, readers, "", nil
}

// dayCount is how many read an item on one day.
type dayCount struct {
	Day   when.Date
	Count int
}

// readsPerDay counts the confirmations of an important item by day in the
// organisation's zone, one entry a day from its publication until today,
// at most the last ChartDays days. Items that ask no confirmation record
// no reads, so they have none.
func (u *Unit) readsPerDay(n *intranet.NewsItem, readers []intranet.NewsReader) []dayCount {
	if !n.Important {
		return nil
	}
	loc := u.cfg.Location
	today := when.DateOf(u.cfg.Now(), loc)
	first := when.DateOf(n.Publish, loc)
	if first.After(today) {
		return nil
	}
	if earliest := today.AddDays(-(ChartDays - 1)); first.Before(earliest) {
		first = earliest
	}
	var days []dayCount
	index := map[when.Date]int{}
	for d := first; !d.After(today); d = d.AddDays(1) {
		index[d] = len(days)
		days = append(days, dayCount{Day: d})
	}
	for _, r := range readers {
		if r.Acked.IsZero() {
			continue
		}
		if i, ok := index[when.DateOf(r.Acked, loc)]; ok {
			days[i].Count++
		}
	}
	return days
}

// ChartDays is how many days the read statistics' chart shows at most.
const ChartDays = 30

// readsCSV writes the audience as the statistics' download: name, email,
// department, and when they read it (confirmed; RFC 3339 in loc, empty
// when not yet), every cell defused.
func readsCSV(readers []intranet.NewsReader, loc *time.Location) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write([]string{"name", "email", "department", "read_at"}) // keeps its first error for Flush below
	for _, p := range readers {
		dept := p.Department
		if p.Organisation != "" {
			dept = p.Organisation + " (partner)"
		}
		row := []string{p.Name, p.Email, dept, when.Stamp(p.Acked, loc)}
		for i := range row {
			row[i] = intranet.DefuseCell(row[i])
		}
		_ = w.Write(row)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return nil, fmt.Errorf("write the reads csv: %w", err)
	}
	return b.Bytes(), nil
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
