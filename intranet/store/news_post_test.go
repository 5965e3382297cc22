package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/store"
)

// TestNewsPosts: a news message is found by its thread root, whether its id
// was known when it was recorded or comes from its outbox entry once
// delivered; a digest keeps its items in order; other messages, channels
// and an undelivered message are no news post.
func TestNewsPosts(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s)
		author := personID(t, s, "anouk.vandenberg@example.nl")
		now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
		var items []int64
		for _, title := range []string{"Kerstborrel", "Wondzorgkar", "Parkeren"} {
			n, err := s.CreateNews(ctx, intranet.NewNewsItem{Title: title, Body: "x", AuthorID: author}, now)
			if err != nil {
				t.Fatal(err)
			}
			items = append(items, n.ID)
		}
		slack := func(channel, id string) intranet.MessageRef {
			return intranet.MessageRef{Platform: intranet.PlatformSlack, Installation: "T1", ChannelID: channel, ID: id}
		}
		if err := s.AddNewsPost(ctx, intranet.NewsPost{Ref: slack("C1", "1.1"), OutboxID: 7}); intranet.ErrorCode(err) != intranet.EINVALID {
			t.Errorf("no items: %v", err)
		}
		// Known at once (an outbox that delivered in the transaction).
		digest := intranet.NewsPost{Ref: slack("C1", "1.1"), OutboxID: 900, Items: []int64{items[2], items[0], items[1]}}
		if err := s.AddNewsPost(ctx, digest); err != nil {
			t.Fatal(err)
		}
		if err := s.AddNewsPost(ctx, digest); err != nil {
			t.Fatalf("again: %v", err)
		}
		// Learnt from the outbox once delivered.
		oid, _, err := s.PutOutbox(ctx, intranet.Delivery{To: intranet.Destination{Platform: intranet.PlatformSlack, Installation: "T1", ChannelID: "C1"},
			Reply: intranet.Reply{Text: "Nieuws"}, Key: "news:1:sub:1"})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.AddNewsPost(ctx, intranet.NewsPost{Ref: slack("C1", ""), OutboxID: oid, Items: []int64{items[0]}}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.FindNewsPost(ctx, slack("C1", "2.2")); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("before delivery: %v", err)
		}
		if err := s.MarkOutboxSent(ctx, oid, slack("C1", "2.2")); err != nil {
			t.Fatal(err)
		}

		got, err := s.FindNewsPost(ctx, slack("C1", "1.1"))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(&digest, got); diff != "" {
			t.Errorf("digest (-want +got):\n%s", diff)
		}
		got, err = s.FindNewsPost(ctx, intranet.MessageRef{Platform: intranet.PlatformSlack, ChannelID: "C1", ID: "2.2"})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(&intranet.NewsPost{Ref: slack("C1", "2.2"), OutboxID: oid, Items: []int64{items[0]}}, got); diff != "" {
			t.Errorf("item (-want +got):\n%s", diff)
		}
		for name, ref := range map[string]intranet.MessageRef{
			"OtherMessage":  slack("C1", "3.3"),
			"OtherChannel":  slack("C2", "1.1"),
			"OtherPlatform": {Platform: intranet.PlatformMattermost, ChannelID: "C1", ID: "1.1"},
			"NoID":          slack("C1", ""),
		} {
			if _, err := s.FindNewsPost(ctx, ref); intranet.ErrorCode(err) != intranet.ENOTFOUND {
				t.Errorf("%s: %v", name, err)
			}
		}
	})
}
