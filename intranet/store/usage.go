package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

var _ intranet.UsageService = (*Store)(nil)

// The usage_days table is made by migration 17 in web.go.

type usageRow struct {
	Day      time.Time `gorm:"primaryKey"`
	Feature  string    `gorm:"primaryKey"`
	Platform string    `gorm:"primaryKey"`
	Count    int64
}

func (usageRow) TableName() string { return "usage_days" }

// utcDay is the UTC midnight of t's day in UTC.
func utcDay(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// AddUsage adds the counts to what is stored, in one statement that adds
// to a stored count (replicas add their own at once). A count's Day may be
// any time of that day in UTC; counts of no use are left out. Returns
// EINVALID for a count without feature or a negative count.
func (s *Store) AddUsage(ctx context.Context, counts []intranet.UsageCount) error {
	sums := map[usageRow]int64{}
	for _, c := range counts {
		if c.Feature == "" || c.Count < 0 {
			return intranet.Errorf(intranet.EINVALID, "A usage count needs a feature and a count of 0 or more.")
		} else if c.Count > 0 {
			sums[usageRow{Day: utcDay(c.Day), Feature: c.Feature, Platform: string(c.Platform)}] += int64(c.Count)
		}
	}
	if len(sums) == 0 {
		return nil
	}
	// One row per key (PostgreSQL refuses to update a row twice in one
	// statement), in key order, so that replicas lock rows in one order.
	rows := make([]usageRow, 0, len(sums))
	for k, n := range sums {
		k.Count = n
		rows = append(rows, k)
	}
	slices.SortFunc(rows, func(a, b usageRow) int {
		return cmp.Or(a.Day.Compare(b.Day), cmp.Compare(a.Feature, b.Feature), cmp.Compare(a.Platform, b.Platform))
	})
	err := s.conn(ctx).Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "day"}, {Name: "feature"}, {Name: "platform"}},
		DoUpdates: clause.Assignments(map[string]any{"count": gorm.Expr("usage_days.count + excluded.count")}),
	}).CreateInBatches(&rows, 500).Error
	if err != nil {
		return fmt.Errorf("add usage: %w", translate(err))
	}
	return nil
}

// Usage returns the counts of the days from since's day (in UTC) on, by
// day, feature and platform.
func (s *Store) Usage(ctx context.Context, since time.Time) ([]intranet.UsageCount, error) {
	var rows []usageRow
	if err := s.conn(ctx).Where("day >= ?", utcDay(since)).Order("day, feature, platform").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("usage: %w", translate(err))
	}
	out := make([]intranet.UsageCount, len(rows))
	for i, r := range rows {
		out[i] = intranet.UsageCount{Day: r.Day.UTC(), Feature: r.Feature, Platform: intranet.Platform(r.Platform), Count: int(r.Count)}
	}
	return out, nil
}
