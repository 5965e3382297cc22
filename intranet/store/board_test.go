package store_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/store"
)

func TestBoard(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s)
		poster := personID(t, s, "anouk.vandenberg@example.nl")
		other := personID(t, s, "pieter.jansen@example.nl")
		now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
		until := now.Add(intranet.DefaultAdExpiry)

		for name, a := range map[string]intranet.NewAd{
			"EmptyTitle":      {Text: "x", Category: intranet.CategoryOther, PosterID: poster, Expires: until},
			"EmptyText":       {Title: "x", Category: intranet.CategoryOther, PosterID: poster, Expires: until},
			"LongText":        {Title: "x", Text: strings.Repeat("a", intranet.MaxAdText+1), Category: intranet.CategoryOther, PosterID: poster, Expires: until},
			"UnknownCategory": {Title: "x", Text: "y", Category: "cars", PosterID: poster, Expires: until},
			"NoExpiry":        {Title: "x", Text: "y", Category: intranet.CategoryOther, PosterID: poster},
		} {
			if _, err := s.CreateAd(ctx, a, now); intranet.ErrorCode(err) != intranet.EINVALID {
				t.Errorf("%s: %v", name, err)
			}
		}
		var ids []int64
		for i, title := range []string{"Fiets te koop", "Winterbanden", "Kerstmarkt"} {
			cat := []intranet.Category{intranet.CategoryForSale, intranet.CategoryForSale, intranet.CategoryEvent}[i]
			a, err := s.CreateAd(ctx, intranet.NewAd{Title: title, Text: "Tekst " + title, Category: cat, PosterID: poster, Expires: until.Add(time.Duration(i) * time.Hour)}, now.Add(time.Duration(i)*time.Minute))
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, a.ID)
		}
		titles := func(ads []*intranet.Ad) string {
			var out []string
			for _, a := range ads {
				out = append(out, a.Title)
			}
			return strings.Join(out, ",")
		}
		check := func(what string, f intranet.AdFilter, want string) {
			t.Helper()
			ads, err := s.Ads(ctx, f)
			if err != nil || titles(ads) != want {
				t.Errorf("%s: %q %v, want %q", what, titles(ads), err, want)
			}
		}
		check("newest first", intranet.AdFilter{VisibleAt: now}, "Kerstmarkt,Winterbanden,Fiets te koop")
		check("category", intranet.AdFilter{VisibleAt: now, Category: intranet.CategoryForSale}, "Winterbanden,Fiets te koop")
		check("page", intranet.AdFilter{VisibleAt: now, Offset: 1, Limit: 1}, "Winterbanden")
		check("expired", intranet.AdFilter{VisibleAt: until.Add(30 * time.Minute)}, "Kerstmarkt,Winterbanden")

		// Replies count people, once each, also when they race.
		var wg sync.WaitGroup
		firsts := make(chan bool, 8)
		for i := 0; i < 8; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				first, err := s.ReplyToAd(ctx, ids[0], other, now)
				if err != nil {
					t.Error(err)
				}
				firsts <- first
			}()
		}
		wg.Wait()
		close(firsts)
		n := 0
		for f := range firsts {
			if f {
				n++
			}
		}
		if a, _ := s.FindAdByID(ctx, ids[0]); n != 1 || a.Replies != 1 {
			t.Errorf("%d first replies, %d counted", n, a.Replies)
		}
		if _, err := s.ReplyToAd(ctx, 999, other, now); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("reply to nothing: %v", err)
		}

		// Search: stems, typos, an edit reindexes, removal hides.
		found := func(q string) string {
			ads, err := s.SearchAds(ctx, q, now, 10)
			if err != nil {
				t.Fatal(err)
			}
			return titles(ads)
		}
		if got := found("fietsen"); got != "Fiets te koop" {
			t.Errorf("fietsen: %q", got)
		}
		if got := found("winterbandn"); got != "Winterbanden" {
			t.Errorf("typo: %q", got)
		}
		title := "Racefiets"
		if _, err := s.UpdateAd(ctx, ids[1], intranet.AdUpdate{Title: &title}, now); err != nil {
			t.Fatal(err)
		}
		if got := found("racefiets"); got != "Racefiets" {
			t.Errorf("after edit: %q", got)
		}
		if _, err := s.RemoveAd(ctx, ids[1], now); err != nil {
			t.Fatal(err)
		}
		if got := found("racefiets"); got != "" {
			t.Errorf("removed ad found: %q", got)
		}
		if _, err := s.RemoveAd(ctx, ids[1], now); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Errorf("removed twice: %v", err)
		}
		if _, err := s.UpdateAd(ctx, ids[1], intranet.AdUpdate{Title: &title}, now); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Errorf("edit removed: %v", err)
		}
		if _, err := s.FindAdByID(ctx, 999); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("find nothing: %v", err)
		}
	})
}
