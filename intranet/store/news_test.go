package store_test

import (
	"context"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/store"
)

func personID(t *testing.T, s *store.Store, email string) int64 {
	t.Helper()
	p, err := s.FindPersonByEmail(context.Background(), email)
	if err != nil {
		t.Fatal(err)
	}
	return p.ID
}

func TestNews(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s)
		author := personID(t, s, "anouk.vandenberg@example.nl")
		now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

		for name, n := range map[string]intranet.NewNewsItem{
			"EmptyTitle":  {Body: "x", AuthorID: author},
			"EmptyBody":   {Title: "x", AuthorID: author},
			"LongBody":    {Title: "x", Body: strings.Repeat("a", intranet.MaxNewsBody+1), AuthorID: author},
			"ExpiryFirst": {Title: "x", Body: "y", AuthorID: author, Expires: now.Add(-time.Hour)},
		} {
			if _, err := s.CreateNews(ctx, n, now); intranet.ErrorCode(err) != intranet.EINVALID {
				t.Errorf("%s: %v", name, err)
			}
		}
		all, err := s.CreateNews(ctx, intranet.NewNewsItem{Title: "Kerstborrel", Body: "Op 18 december.", Topic: "Personeel", AuthorID: author}, now)
		if err != nil {
			t.Fatal(err)
		}
		zo, err := s.CreateNews(ctx, intranet.NewNewsItem{Title: "Nieuwe wondzorgkar", Body: "Staat klaar.", Department: "Zorg Oost", Important: true, AuthorID: author}, now.Add(time.Minute))
		if err != nil {
			t.Fatal(err)
		}
		later, err := s.CreateNews(ctx, intranet.NewNewsItem{Title: "Later", Body: "Morgen.", AuthorID: author, Publish: now.Add(24 * time.Hour)}, now)
		if err != nil {
			t.Fatal(err)
		}
		gone, err := s.CreateNews(ctx, intranet.NewNewsItem{Title: "Kort", Body: "Weg.", AuthorID: author, Expires: now.Add(time.Hour)}, now)
		if err != nil {
			t.Fatal(err)
		}
		at := now.Add(2 * time.Hour)
		ids := func(items []*intranet.NewsItem) []int64 {
			var out []int64
			for _, n := range items {
				out = append(out, n.ID)
			}
			return out
		}
		ict := "ICT"
		got, err := s.News(ctx, intranet.NewsFilter{VisibleAt: at, Scope: &intranet.NewsScope{Department: ict}})
		if err != nil || len(got) != 1 || got[0].ID != all.ID {
			t.Errorf("ICT sees %v, %v", ids(got), err)
		}
		zorg := "zorg oost"
		got, _ = s.News(ctx, intranet.NewsFilter{VisibleAt: at, Scope: &intranet.NewsScope{Department: zorg}})
		if len(got) != 2 || got[0].ID != zo.ID || got[1].ID != all.ID {
			t.Errorf("Zorg Oost sees %v", ids(got))
		}
		got, _ = s.News(ctx, intranet.NewsFilter{VisibleAt: now.Add(25 * time.Hour), Scope: &intranet.NewsScope{Department: ict}})
		if len(got) != 2 || got[0].ID != later.ID {
			t.Errorf("a day later ICT sees %v", ids(got))
		}
		got, _ = s.News(ctx, intranet.NewsFilter{VisibleAt: now.Add(30 * time.Minute), Topic: "personeel"})
		if len(got) != 1 || got[0].ID != all.ID {
			t.Errorf("topic: %v", ids(got))
		}
		if _, err := s.WithdrawNews(ctx, all.ID, at); err != nil {
			t.Fatal(err)
		}
		if _, err := s.WithdrawNews(ctx, all.ID, at); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Errorf("withdraw twice: %v", err)
		}
		got, _ = s.News(ctx, intranet.NewsFilter{VisibleAt: at, Scope: &intranet.NewsScope{Department: ict}})
		if len(got) != 0 {
			t.Errorf("withdrawn still shown: %v", ids(got))
		}
		if _, err := s.UpdateNews(ctx, all.ID, intranet.NewsUpdate{}, at); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Errorf("edit withdrawn: %v", err)
		}
		title := "Kort en krachtig"
		if n, err := s.UpdateNews(ctx, gone.ID, intranet.NewsUpdate{Title: &title}, at); err != nil || n.Title != title {
			t.Errorf("edit: %v %v", n, err)
		}
		empty := " "
		if _, err := s.UpdateNews(ctx, gone.ID, intranet.NewsUpdate{Body: &empty}, at); intranet.ErrorCode(err) != intranet.EINVALID {
			t.Errorf("edit to empty body: %v", err)
		}
		if topics, err := s.NewsTopics(ctx); err != nil || len(topics) != 1 || topics[0] != "Personeel" {
			t.Errorf("topics %v %v", topics, err)
		}

		// Acknowledgements: once, the second harmless.
		jan := personID(t, s, "jan.devries@example.nl")
		first, when1, err := s.AckNews(ctx, zo.ID, jan, at)
		if err != nil || !first {
			t.Fatalf("ack: %v %v", first, err)
		}
		first, when2, err := s.AckNews(ctx, zo.ID, jan, at.Add(time.Hour))
		if err != nil || first || !when2.Equal(when1) {
			t.Errorf("second ack: %v %v %v", first, when2, err)
		}
		// UnreadBy keeps the important items a person has not confirmed.
		unread := func(person int64) []int64 {
			got, err := s.News(ctx, intranet.NewsFilter{VisibleAt: at, UnreadBy: person})
			if err != nil {
				t.Fatal(err)
			}
			return ids(got)
		}
		if got := unread(jan); len(got) != 0 {
			t.Errorf("unread by jan after his ack: %v", got)
		}
		if got := unread(author); len(got) != 1 || got[0] != zo.ID {
			t.Errorf("unread by the author: %v, want [%d]", got, zo.ID)
		}
		if err := s.LinkAccount(ctx, intranet.Account{Platform: intranet.PlatformSlack, Installation: "T1", UserID: "UJAN", PersonID: jan}); err != nil {
			t.Fatal(err)
		}
		readers, err := s.NewsAudience(ctx, zo.ID)
		if err != nil {
			t.Fatal(err)
		}
		acked := 0
		for _, r := range readers {
			if !r.Acked.IsZero() {
				acked++
				if r.PersonID != jan || len(r.Accounts) != 1 || r.Accounts[0].UserID != "UJAN" {
					t.Errorf("reader %+v", r)
				}
			}
		}
		if acked != 1 || len(readers) < 3 {
			t.Errorf("audience of %d, %d acked", len(readers), acked)
		}
		everyone, _ := s.NewsAudience(ctx, all.ID)
		if len(everyone) <= len(readers) {
			t.Errorf("everyone's audience %d not larger than Zorg Oost's %d", len(everyone), len(readers))
		}
	})
}

func TestSubscriptions(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s)
		jan := personID(t, s, "jan.devries@example.nl")
		anouk := personID(t, s, "anouk.vandenberg@example.nl")
		now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
		daily := intranet.Schedule{Kind: intranet.ScheduleDaily, Minute: 8*60 + 30}
		sub := intranet.Subscription{To: intranet.Destination{Platform: intranet.PlatformSlack, Installation: "T1", ChannelID: "C1"}, PersonID: jan,
			Schedule: daily, Topic: "Personeel", AuthorID: anouk, Lang: "en", Next: now.Add(23 * time.Hour)}
		made, err := s.CreateSubscription(ctx, sub, now)
		if err != nil {
			t.Fatal(err)
		}
		if made.Author != "Anouk van den Berg" || !made.Since.Equal(now) || !made.Next.Equal(now.Add(23*time.Hour)) || made.Schedule != daily {
			t.Errorf("made %+v", made)
		}
		if _, err := s.CreateSubscription(ctx, sub, now); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Errorf("duplicate: %v", err)
		}
		personal := intranet.Subscription{To: intranet.Destination{Platform: intranet.PlatformSlack, Installation: "T1", UserID: "UJAN"}, PersonID: jan, Personal: true,
			Schedule: intranet.Schedule{Kind: intranet.ScheduleImmediate}}
		if _, err := s.CreateSubscription(ctx, personal, now); err != nil {
			t.Fatal(err)
		}
		if l, _ := s.Subscriptions(ctx, intranet.SubscriptionFilter{Platform: intranet.PlatformSlack, ChannelID: "C1"}); len(l) != 1 || l[0].ID != made.ID {
			t.Errorf("channel: %v", l)
		}
		if l, _ := s.Subscriptions(ctx, intranet.SubscriptionFilter{PersonID: jan}); len(l) != 1 || !l[0].Personal {
			t.Errorf("personal: %v", l)
		}
		if l, _ := s.Subscriptions(ctx, intranet.SubscriptionFilter{Immediate: true}); len(l) != 1 || !l[0].Personal {
			t.Errorf("immediate: %v", l)
		}

		// Racing claims of one period: exactly one wins, on any number of stores.
		var wins atomic.Int32
		var wg sync.WaitGroup
		for i := 0; i < 24; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				won, err := s.ClaimDelivery(ctx, intranet.DigestClaim{SubscriptionID: made.ID, Period: "2026-11-28T07:30Z", Until: now.Add(23 * time.Hour), Next: now.Add(47 * time.Hour), Items: 2}, now)
				if err != nil {
					t.Error(err)
				}
				if won {
					wins.Add(1)
				}
			}()
		}
		wg.Wait()
		if wins.Load() != 1 {
			t.Errorf("%d claims won", wins.Load())
		}
		got, _ := s.FindSubscriptionByID(ctx, made.ID)
		if !got.Since.Equal(now.Add(23*time.Hour)) || !got.Next.Equal(now.Add(47*time.Hour)) {
			t.Errorf("after the claim: since %v next %v", got.Since, got.Next)
		}
		if n, _ := s.Deliveries(ctx, made.ID); n != 1 {
			t.Errorf("%d deliveries", n)
		}
		if _, err := s.ClaimDelivery(ctx, intranet.DigestClaim{SubscriptionID: 999, Period: "x"}, now); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("unknown: %v", err)
		}
		if err := s.DeleteSubscription(ctx, made.ID); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteSubscription(ctx, made.ID); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("delete twice: %v", err)
		}

		// Follows.
		for _, f := range []intranet.Follow{{PersonID: jan, Kind: intranet.FollowPerson, TargetID: anouk}, {PersonID: jan, Kind: intranet.FollowTopic, Value: "Personeel"}} {
			if ok, err := s.AddFollow(ctx, f); err != nil || !ok {
				t.Errorf("follow %v: %v %v", f, ok, err)
			}
			if ok, _ := s.AddFollow(ctx, f); ok {
				t.Errorf("follow %v twice", f)
			}
		}
		fs, err := s.Follows(ctx, &jan)
		if err != nil || len(fs) != 2 || fs[0].Value != "Anouk van den Berg" || fs[1].Value != "Personeel" {
			t.Errorf("follows %+v %v", fs, err)
		}
		if ok, _ := s.RemoveFollow(ctx, intranet.Follow{PersonID: jan, Kind: intranet.FollowTopic, Value: "personeel"}); !ok {
			t.Error("unfollow")
		}
		if ok, _ := s.RemoveFollow(ctx, intranet.Follow{PersonID: jan, Kind: intranet.FollowTopic, Value: "personeel"}); ok {
			t.Error("unfollow twice")
		}
	})
}

// TestNewsTimesCompareInOrder: publication times keep their fraction of a
// second on both engines, and windows (after, until] compare them in time
// order, also on SQLite, where times are text: a whole second sorts before
// the same second with a fraction, .5 after .25, and a moment given to the
// nanosecond is the microsecond stored.
func TestNewsTimesCompareInOrder(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s)
		author := personID(t, s, "anouk.vandenberg@example.nl")
		base := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
		offsets := []time.Duration{0, 500 * time.Millisecond, 250 * time.Millisecond, time.Second, time.Microsecond, 50 * time.Millisecond, 999999 * time.Microsecond}
		byOffset := map[time.Duration]int64{}
		for _, d := range offsets {
			n, err := s.CreateNews(ctx, intranet.NewNewsItem{Title: d.String(), Body: "x", AuthorID: author, Publish: base.Add(d)}, base.Add(-time.Hour))
			if err != nil {
				t.Fatal(err)
			}
			if !n.Publish.Equal(base.Add(d)) {
				t.Errorf("published %v stored as %v", base.Add(d), n.Publish)
			}
			byOffset[d] = n.ID
		}
		ids := func(f intranet.NewsFilter) []int64 {
			items, err := s.News(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			var out []int64
			for _, n := range items {
				out = append(out, n.ID)
			}
			return out
		}
		want := func(ds ...time.Duration) []int64 {
			var out []int64
			for _, d := range ds {
				out = append(out, byOffset[d])
			}
			return out
		}
		// Newest first, and the window (base, base+.5s].
		if got, w := ids(intranet.NewsFilter{}), want(time.Second, 999999*time.Microsecond, 500*time.Millisecond, 250*time.Millisecond, 50*time.Millisecond, time.Microsecond, 0); !equalIDs(got, w) {
			t.Errorf("order %v, want %v", got, w)
		}
		if got, w := ids(intranet.NewsFilter{PublishedAfter: base, PublishedUntil: base.Add(500 * time.Millisecond)}), want(500*time.Millisecond, 250*time.Millisecond, 50*time.Millisecond, time.Microsecond); !equalIDs(got, w) {
			t.Errorf("window (0, .5s] %v, want %v", got, w)
		}
		// The next window takes the rest of the second and the next one.
		if got, w := ids(intranet.NewsFilter{PublishedAfter: base.Add(500 * time.Millisecond), PublishedUntil: base.Add(time.Second)}), want(time.Second, 999999*time.Microsecond); !equalIDs(got, w) {
			t.Errorf("window (.5s, 1s] %v, want %v", got, w)
		}
		// Times finer than a microsecond count as the microsecond they are in.
		if got, w := ids(intranet.NewsFilter{PublishedAfter: base.Add(time.Nanosecond), PublishedUntil: base.Add(time.Microsecond + time.Nanosecond)}), want(time.Microsecond); !equalIDs(got, w) {
			t.Errorf("window (1ns, 1µs1ns] %v, want %v", got, w)
		}
		if got, w := ids(intranet.NewsFilter{VisibleAt: base.Add(250 * time.Millisecond)}), want(250*time.Millisecond, 50*time.Millisecond, time.Microsecond, 0); !equalIDs(got, w) {
			t.Errorf("visible at .25s %v, want %v", got, w)
		}
	})
}

func equalIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
