package main

import (
	"context"
	"fmt"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/demo"
)

// seedDemoBoard puts the demo's ads up once, backdated, when the board
// has none yet. They expire 30 days after they were put up; the demo
// schedules no reminders for them (ads put up in the demo get theirs).
func (m *Main) seedDemoBoard(ctx context.Context) error {
	if ads, err := m.Store.Ads(ctx, intranet.AdFilter{Limit: 1}); err != nil || len(ads) > 0 {
		return err
	}
	now := time.Now()
	for _, a := range demo.Ads() {
		poster, err := m.Store.FindPersonByEmail(ctx, a.Poster)
		if err != nil {
			return fmt.Errorf("seed the demo board: %w", err)
		}
		at := now.Add(-a.Age)
		if _, err := m.Store.CreateAd(ctx, intranet.NewAd{Title: a.Title, Text: a.Text, Category: a.Category, PosterID: poster.ID,
			Expires: at.Add(intranet.DefaultAdExpiry)}, at); err != nil {
			return fmt.Errorf("seed the demo board: %w", err)
		}
	}
	return nil
}
