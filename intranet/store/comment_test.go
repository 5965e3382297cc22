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

func TestComments(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s)
		author := personID(t, s, "lotte.berg@example.nl")
		jan := personID(t, s, "jan.devries@example.nl")
		now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
		n, err := s.CreateNews(ctx, intranet.NewNewsItem{Title: "Borrel", Body: "Vrijdag", AuthorID: author}, now)
		if err != nil || n.CommentsClosed {
			t.Fatalf("create: %+v %v", n, err)
		}
		for name, body := range map[string]string{"Empty": "  ", "Long": strings.Repeat("a", intranet.MaxCommentBody+1)} {
			if _, err := s.AddComment(ctx, n.ID, jan, body, now); intranet.ErrorCode(err) != intranet.EINVALID {
				t.Errorf("%s: %v", name, err)
			}
		}
		if _, err := s.AddComment(ctx, 999, jan, "Hoi", now); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("unknown item: %v", err)
		}
		for i := 0; i < 12; i++ {
			if _, err := s.AddComment(ctx, n.ID, jan, "Reactie", now.Add(time.Duration(i)*time.Minute)); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.AddComment(ctx, n.ID, author, "Van mij", now.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		page2, err := s.Comments(ctx, intranet.CommentFilter{ItemID: n.ID, Offset: 10, Limit: 10})
		if err != nil || len(page2) != 3 || page2[0].ID != 3 || page2[2].ID != 1 || page2[0].Author != "Jan de Vries" {
			t.Fatalf("page 2: %d %v", len(page2), err)
		}
		mine, _ := s.Comments(ctx, intranet.CommentFilter{ItemAuthorID: author, NotBy: author, CreatedAfter: now.Add(5 * time.Minute), CreatedUntil: now.Add(8 * time.Minute)})
		if len(mine) != 3 {
			t.Errorf("window (5, 8] minutes: %d comments, want 3", len(mine))
		}

		c, err := s.RemoveComment(ctx, 1, author, " Privé ", now)
		if err != nil || c.Removed.IsZero() || c.RemovedReason != "Privé" || c.RemovedByID != author {
			t.Fatalf("remove: %+v %v", c, err)
		}
		if _, err := s.RemoveComment(ctx, 1, author, "Nog eens", now); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Errorf("removed twice: %v", err)
		}
		if _, err := s.RemoveComment(ctx, 999, author, "x", now); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("unknown comment: %v", err)
		}
		if n, _ := s.CountComments(ctx, n.ID); n != 12 {
			t.Errorf("%d standing comments, want 12", n)
		}

		closed := true
		if n, err = s.UpdateNews(ctx, n.ID, intranet.NewsUpdate{CommentsClosed: &closed}, now); err != nil || !n.CommentsClosed {
			t.Fatalf("close: %+v %v", n, err)
		}
		if _, err := s.AddComment(ctx, n.ID, jan, "Hoi", now); intranet.ErrorCode(err) != intranet.ECONFLICT {
			t.Errorf("closed: %v", err)
		}
		shut, err := s.CreateNews(ctx, intranet.NewNewsItem{Title: "Dicht", Body: "x", AuthorID: author, CommentsClosed: true}, now)
		if err != nil || !shut.CommentsClosed {
			t.Errorf("created closed: %+v %v", shut, err)
		}

		// One summary per author and day, whoever claims it at once.
		if at, err := s.CommentsSummarised(ctx, author); err != nil || !at.IsZero() {
			t.Errorf("no summary yet: %v %v", at, err)
		}
		var won atomic.Int32
		var wg sync.WaitGroup
		for i := 0; i < 8; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				ok, err := s.ClaimCommentSummary(ctx, intranet.CommentSummaryClaim{AuthorID: author, Day: "2026-11-27", Until: now.Add(8 * time.Hour), Comments: 12}, now)
				if err != nil {
					t.Error(err)
				}
				if ok {
					won.Add(1)
				}
			}()
		}
		wg.Wait()
		if won.Load() != 1 {
			t.Errorf("%d claims won, want 1", won.Load())
		}
		if at, _ := s.CommentsSummarised(ctx, author); !at.Equal(now.Add(8 * time.Hour)) {
			t.Errorf("summarised until %v", at)
		}
		if n, _ := s.CommentSummaries(ctx, author); n != 1 {
			t.Errorf("%d summaries", n)
		}
	})
}
