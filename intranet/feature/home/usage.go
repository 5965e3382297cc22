package home

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// usageDays is how far /werkplek usage looks back, today included.
const usageDays = 30

// usage shows admins how much each feature and platform was used in the
// last 30 days (UTC), as charts for the web and in words for the chats.
// The counts come from the store, where each process adds its own every
// minute.
func (u *Unit) usage(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	if !c.Has(intranet.RoleAdmin) { // Has gives a guest account no admin role
		return c.Reply(c.T("Alleen beheerders zien hoeveel Werkplek gebruikt wordt.", "Only admins see how much Werkplek is used.")), nil
	}
	if u.cfg.Usage == nil {
		return c.Reply(c.T("Deze Werkplek telt geen gebruik.", "This Werkplek counts no use.")), nil
	}
	now := u.cfg.Env.Now().UTC()
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	since := today.AddDate(0, 0, 1-usageDays)
	counts, err := u.cfg.Usage.Usage(ctx, since)
	if err != nil {
		return intranet.Reply{}, fmt.Errorf("usage since %s: %w", since.Format(time.DateOnly), err)
	}
	return usageView(c, tally(counts, since)), nil
}

// totals are the counts of the days looked at, added up three ways.
type totals struct {
	all       int
	features  []total
	platforms []total
	// days has one total a day, oldest first, labelled with its date.
	days []total
}

type total struct {
	name string
	n    int
	day  time.Time
}

// tally adds up counts per feature, per platform (most used first) and
// per day from since on.
func tally(counts []intranet.UsageCount, since time.Time) totals {
	var t totals
	features, platforms := map[string]int{}, map[string]int{}
	perDay := map[time.Time]int{}
	for _, c := range counts {
		day := c.Day.UTC()
		if day.Before(since) {
			continue
		}
		t.all += c.Count
		features[c.Feature] += c.Count
		platforms[string(c.Platform)] += c.Count
		perDay[time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, time.UTC)] += c.Count
	}
	t.features, t.platforms = ranked(features), ranked(platforms)
	for i := 0; i < usageDays; i++ {
		d := since.AddDate(0, 0, i)
		t.days = append(t.days, total{day: d, n: perDay[d]})
	}
	return t
}

// ranked lists the counts most first, then by name.
func ranked(m map[string]int) []total {
	out := make([]total, 0, len(m))
	for name, n := range m {
		out = append(out, total{name: name, n: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].n != out[j].n {
			return out[i].n > out[j].n
		}
		return out[i].name < out[j].name
	})
	return out
}
