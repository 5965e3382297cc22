package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/store"
)

// TestUsage: counts add up per UTC day, feature and platform, also within
// one call; no-use counts are left out; bad counts are refused; Usage
// returns the days from since's day on, in order.
func TestUsage(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		d6 := time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)
		d7 := d6.AddDate(0, 0, 1)
		amsterdam := time.FixedZone("CET", 3600)
		for name, bad := range map[string][]intranet.UsageCount{
			"no feature":     {{Day: d6, Platform: intranet.PlatformWeb, Count: 1}},
			"negative count": {{Day: d6, Feature: "rooms", Platform: intranet.PlatformWeb, Count: -1}},
		} {
			if err := s.AddUsage(ctx, bad); intranet.ErrorCode(err) != intranet.EINVALID {
				t.Errorf("%s: %v, want EINVALID", name, err)
			}
		}
		if err := s.AddUsage(ctx, nil); err != nil {
			t.Errorf("nothing: %v", err)
		}
		err := s.AddUsage(ctx, []intranet.UsageCount{
			{Day: d7.Add(10 * time.Hour), Feature: "rooms", Platform: intranet.PlatformSlack, Count: 2},
			{Day: d7, Feature: "rooms", Platform: intranet.PlatformSlack, Count: 3},
			// 00:30 in Amsterdam on the 7th is the 6th in UTC.
			{Day: time.Date(2026, 12, 7, 0, 30, 0, 0, amsterdam), Feature: "who", Platform: intranet.PlatformWeb, Count: 1},
			{Day: d6, Feature: "news", Platform: intranet.PlatformWeb, Count: 0},
		})
		if err != nil {
			t.Fatal(err)
		}
		err = s.AddUsage(ctx, []intranet.UsageCount{
			{Day: d7, Feature: "rooms", Platform: intranet.PlatformSlack, Count: 4},
			{Day: d7, Feature: "rooms", Platform: intranet.PlatformWeb, Count: 1},
			{Day: d7, Feature: "hours", Platform: intranet.PlatformTeams, Count: 6},
			{Day: d6.AddDate(0, 0, -1), Feature: "who", Platform: intranet.PlatformWeb, Count: 8},
		})
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Usage(ctx, d6.Add(15*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		want := []intranet.UsageCount{
			{Day: d6, Feature: "who", Platform: intranet.PlatformWeb, Count: 1},
			{Day: d7, Feature: "hours", Platform: intranet.PlatformTeams, Count: 6},
			{Day: d7, Feature: "rooms", Platform: intranet.PlatformSlack, Count: 9},
			{Day: d7, Feature: "rooms", Platform: intranet.PlatformWeb, Count: 1},
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("usage (-want +got):\n%s", diff)
		}
		if got, err := s.Usage(ctx, d7.AddDate(0, 0, 1)); err != nil || len(got) != 0 {
			t.Errorf("usage from tomorrow: %v, %v", got, err)
		}
	})
}

// TestAddUsageRace: ten replicas add one to the same two rows at once:
// nothing is lost (each adds to what is stored, none overwrites).
func TestAddUsageRace(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		day := time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)
		rooms := intranet.UsageCount{Day: day, Feature: "rooms", Platform: intranet.PlatformWeb, Count: 1}
		who := intranet.UsageCount{Day: day, Feature: "who", Platform: intranet.PlatformSlack, Count: 1}
		for i, err := range race(10, func(i int) error {
			if i%2 == 0 {
				return s.AddUsage(ctx, []intranet.UsageCount{rooms, who})
			}
			return s.AddUsage(ctx, []intranet.UsageCount{who, rooms})
		}) {
			if err != nil {
				t.Errorf("replica %d: %v", i, err)
			}
		}
		got, err := s.Usage(ctx, day)
		if err != nil {
			t.Fatal(err)
		}
		rooms.Count, who.Count = 10, 10
		if diff := cmp.Diff([]intranet.UsageCount{rooms, who}, got); diff != "" {
			t.Errorf("usage (-want +got):\n%s", diff)
		}
	})
}
