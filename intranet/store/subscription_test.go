package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/store"
)

// TestSubscriptionFeeds: news and board subscriptions live side by side:
// the same schedule in one channel is no duplicate across feeds, each
// feed lists only its own, a board subscription's category filters ads,
// a shared channel is recorded on both, and the board's claims are once
// per period as the news ones.
func TestSubscriptionFeeds(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s)
		jan := personID(t, s, "jan.devries@example.nl")
		now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
		to := intranet.Destination{Platform: intranet.PlatformSlack, Installation: "T1", ChannelID: "C1"}
		immediate := intranet.Schedule{Kind: intranet.ScheduleImmediate}
		news, err := s.CreateSubscription(ctx, intranet.Subscription{To: to, PersonID: jan, Schedule: immediate}, now)
		if err != nil || news.Feed != intranet.FeedNews {
			t.Fatalf("news: %+v %v", news, err)
		}
		board, err := s.CreateSubscription(ctx, intranet.Subscription{Feed: intranet.FeedBoard, To: to, PersonID: jan, Schedule: immediate}, now)
		if err != nil || board.Feed != intranet.FeedBoard {
			t.Fatalf("board beside news: %+v %v", board, err)
		}
		sale, err := s.CreateSubscription(ctx, intranet.Subscription{Feed: intranet.FeedBoard, To: to, PersonID: jan, Schedule: immediate, Category: intranet.CategoryForSale}, now)
		if err != nil || sale.Category != intranet.CategoryForSale {
			t.Fatalf("board with a category: %+v %v", sale, err)
		}
		if _, err := s.CreateSubscription(ctx, intranet.Subscription{Feed: intranet.FeedBoard, To: to, PersonID: jan, Schedule: immediate, Category: intranet.CategoryForSale}, now); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Errorf("board duplicate: %v", err)
		}
		ids := func(l []*intranet.Subscription) []int64 {
			var out []int64
			for _, x := range l {
				out = append(out, x.ID)
			}
			return out
		}
		if l, _ := s.Subscriptions(ctx, intranet.SubscriptionFilter{Platform: intranet.PlatformSlack, ChannelID: "C1"}); len(l) != 1 || l[0].ID != news.ID {
			t.Errorf("news of the channel: %v", ids(l))
		}
		if l, _ := s.Subscriptions(ctx, intranet.SubscriptionFilter{Feed: intranet.FeedBoard, Platform: intranet.PlatformSlack, ChannelID: "C1"}); len(l) != 2 {
			t.Errorf("board of the channel: %v", ids(l))
		}
		event := &intranet.Ad{Category: intranet.CategoryEvent}
		if l, _ := s.Subscriptions(ctx, intranet.SubscriptionFilter{Feed: intranet.FeedBoard, Immediate: true, MatchingAd: event}); len(l) != 1 || l[0].ID != board.ID {
			t.Errorf("board for an event: %v", ids(l))
		}
		if l, _ := s.Subscriptions(ctx, intranet.SubscriptionFilter{Feed: intranet.FeedBoard, Immediate: true, MatchingAd: &intranet.Ad{Category: intranet.CategoryForSale}}); len(l) != 2 {
			t.Errorf("board for a sale: %v", ids(l))
		}
		if err := s.SetChannelShared(ctx, intranet.PlatformSlack, "C1", true); err != nil {
			t.Fatal(err)
		}
		for _, id := range []int64{news.ID, board.ID} {
			if got, _ := s.FindSubscriptionByID(ctx, id); !got.Shared {
				t.Errorf("subscription %d not shared", id)
			}
		}
		for i := 0; i < 3; i++ {
			won, err := s.ClaimDelivery(ctx, intranet.DigestClaim{SubscriptionID: board.ID, Period: "ad:1", Items: 1}, now)
			if err != nil || won != (i == 0) {
				t.Errorf("claim %d: %v %v", i, won, err)
			}
		}
		if won, _ := s.ClaimDelivery(ctx, intranet.DigestClaim{SubscriptionID: news.ID, Period: "ad:1", Items: 1}, now); !won {
			t.Error("another subscription's claim of the same period lost")
		}
	})
}

// TestAdsCreatedWindow: an ad belongs to the window (after, until] of its
// creation, to the stored precision.
func TestAdsCreatedWindow(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s)
		poster := personID(t, s, "anouk.vandenberg@example.nl")
		end := time.Date(2026, 11, 30, 7, 59, 55, 0, time.UTC)
		for i, at := range []time.Time{end.Add(-time.Second), end, end.Add(500 * time.Millisecond)} {
			if _, err := s.CreateAd(ctx, intranet.NewAd{Title: []string{"Voor", "Grens", "Na"}[i], Text: "x", Category: intranet.CategoryOther, PosterID: poster, Expires: at.Add(time.Hour)}, at); err != nil {
				t.Fatal(err)
			}
		}
		titles := func(f intranet.AdFilter) []string {
			ads, err := s.Ads(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, a := range ads {
				out = append(out, a.Title)
			}
			return out
		}
		if got := titles(intranet.AdFilter{CreatedAfter: end.Add(-time.Second), CreatedUntil: end}); len(got) != 1 || got[0] != "Grens" {
			t.Errorf("first window: %v", got)
		}
		if got := titles(intranet.AdFilter{CreatedAfter: end, CreatedUntil: end.Add(time.Hour)}); len(got) != 1 || got[0] != "Na" {
			t.Errorf("next window: %v", got)
		}
	})
}
