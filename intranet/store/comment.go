package store

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/werkplek/werkplek/intranet"
)

var _ intranet.CommentService = (*Store)(nil)

func init() {
	register(migration{12, "news comments: comments on items, whether an item takes them, authors' daily summaries", `
ALTER TABLE news_items ADD COLUMN comments_closed boolean NOT NULL DEFAULT false;
CREATE TABLE news_comments (
	id bigserial PRIMARY KEY,
	item_id bigint NOT NULL REFERENCES news_items(id) ON DELETE CASCADE,
	author_id bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	body text NOT NULL,
	created_at timestamptz NOT NULL,
	removed_at timestamptz,
	removed_by bigint REFERENCES people(id) ON DELETE SET NULL,
	removed_reason text NOT NULL DEFAULT ''
);
CREATE INDEX news_comments_item ON news_comments (item_id, created_at DESC, id DESC);
CREATE INDEX news_comments_created ON news_comments (created_at);
-- One row per author and day: the daily summary of new comments is
-- recorded once whatever runs its job again.
CREATE TABLE news_comment_summaries (
	author_id bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	day text NOT NULL,
	until_at timestamptz NOT NULL,
	comments integer NOT NULL DEFAULT 0,
	created_at timestamptz NOT NULL,
	PRIMARY KEY (author_id, day)
);
`, `
ALTER TABLE news_items ADD COLUMN comments_closed BOOLEAN NOT NULL DEFAULT false;
CREATE TABLE news_comments (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	item_id INTEGER NOT NULL REFERENCES news_items(id) ON DELETE CASCADE,
	author_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	body TEXT NOT NULL,
	created_at DATETIME NOT NULL,
	removed_at DATETIME,
	removed_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
	removed_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX news_comments_item ON news_comments (item_id, created_at DESC, id DESC);
CREATE INDEX news_comments_created ON news_comments (created_at);
CREATE TABLE news_comment_summaries (
	author_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	day TEXT NOT NULL,
	until_at DATETIME NOT NULL,
	comments INTEGER NOT NULL DEFAULT 0,
	created_at DATETIME NOT NULL,
	PRIMARY KEY (author_id, day)
);
`})
}

type commentRow struct {
	ID            int64
	ItemID        int64
	AuthorID      int64
	Body          string
	CreatedAt     time.Time
	RemovedAt     *time.Time
	RemovedBy     *int64
	RemovedReason string
	Author        string
	AuthorEmail   string
}

func (r commentRow) comment() *intranet.NewsComment {
	c := &intranet.NewsComment{ID: r.ID, ItemID: r.ItemID, AuthorID: r.AuthorID, Author: r.Author, AuthorEmail: r.AuthorEmail, Body: r.Body,
		Created: r.CreatedAt.UTC(), Removed: fromOpt(r.RemovedAt), RemovedReason: r.RemovedReason}
	if r.RemovedBy != nil {
		c.RemovedByID = *r.RemovedBy
	}
	return c
}

const commentSelect = `SELECT c.id, c.item_id, c.author_id, c.body, c.created_at, c.removed_at, c.removed_by, c.removed_reason,
p.name AS author, p.email AS author_email FROM news_comments c JOIN people p ON p.id = c.author_id`

// AddComment stores a comment on an item that takes comments. The item's
// row is locked, so that a comment and closing the comments take turns.
func (s *Store) AddComment(ctx context.Context, itemID, authorID int64, body string, now time.Time) (*intranet.NewsComment, error) {
	body = strings.TrimSpace(body)
	switch {
	case body == "":
		return nil, intranet.Errorf(intranet.EINVALID, "A comment needs a text.")
	case utf8.RuneCountInString(body) > intranet.MaxCommentBody:
		return nil, intranet.Errorf(intranet.EINVALID, "A comment may have at most %d characters.", intranet.MaxCommentBody)
	}
	var id int64
	err := s.InTx(ctx, func(ctx context.Context) error {
		if err := s.lockRow(s.conn(ctx), "news_items", itemID); err != nil {
			return err
		}
		n, err := s.FindNewsByID(ctx, itemID)
		if err != nil {
			return err
		}
		if n.CommentsClosed {
			return intranet.Errorf(intranet.ECONFLICT, "Comments on news item %d are closed.", itemID)
		}
		return s.conn(ctx).Raw("INSERT INTO news_comments (item_id, author_id, body, created_at) VALUES (?, ?, ?, ?) RETURNING id",
			itemID, authorID, body, newsTime(now)).Scan(&id).Error
	})
	if code := intranet.ErrorCode(err); code == intranet.ENOTFOUND || code == intranet.ECONFLICT {
		return nil, err
	} else if err != nil {
		return nil, fmt.Errorf("add comment to news %d: %w", itemID, translate(err))
	}
	return s.FindCommentByID(ctx, id)
}

// FindCommentByID returns a comment, removed or not.
func (s *Store) FindCommentByID(ctx context.Context, id int64) (*intranet.NewsComment, error) {
	var rows []commentRow
	if err := s.conn(ctx).Raw(commentSelect+" WHERE c.id = ?", id).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("find comment %d: %w", id, translate(err))
	} else if len(rows) == 0 {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "No comment %d.", id)
	}
	return rows[0].comment(), nil
}

// RemoveComment removes a standing comment, once.
func (s *Store) RemoveComment(ctx context.Context, id, byID int64, reason string, now time.Time) (*intranet.NewsComment, error) {
	res := s.conn(ctx).Exec("UPDATE news_comments SET removed_at = ?, removed_by = ?, removed_reason = ? WHERE id = ? AND removed_at IS NULL",
		newsTime(now), byID, strings.TrimSpace(reason), id)
	if res.Error != nil {
		return nil, fmt.Errorf("remove comment %d: %w", id, translate(res.Error))
	}
	c, err := s.FindCommentByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if res.RowsAffected == 0 {
		return c, intranet.Errorf(intranet.ECONFLICT, "Comment %d was removed already.", id)
	}
	return c, nil
}

// Comments returns the standing comments of f, newest first.
func (s *Store) Comments(ctx context.Context, f intranet.CommentFilter) ([]*intranet.NewsComment, error) {
	where := []string{"c.removed_at IS NULL"}
	var args []any
	if f.ItemID != 0 {
		where, args = append(where, "c.item_id = ?"), append(args, f.ItemID)
	}
	if f.ItemAuthorID != 0 {
		where, args = append(where, "c.item_id IN (SELECT id FROM news_items WHERE author_id = ?)"), append(args, f.ItemAuthorID)
	}
	if f.NotBy != 0 {
		where, args = append(where, "c.author_id <> ?"), append(args, f.NotBy)
	}
	if !f.CreatedAfter.IsZero() {
		where, args = append(where, "c.created_at > ?"), append(args, newsTime(f.CreatedAfter))
	}
	if !f.CreatedUntil.IsZero() {
		where, args = append(where, "c.created_at <= ?"), append(args, newsTime(f.CreatedUntil))
	}
	q := commentSelect + " WHERE " + strings.Join(where, " AND ") + " ORDER BY c.created_at DESC, c.id DESC"
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d OFFSET %d", f.Limit, max(f.Offset, 0))
	}
	var rows []commentRow
	if err := s.conn(ctx).Raw(q, args...).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("list comments: %w", translate(err))
	}
	out := make([]*intranet.NewsComment, len(rows))
	for i, r := range rows {
		out[i] = r.comment()
	}
	return out, nil
}

// CountComments counts the standing comments of an item.
func (s *Store) CountComments(ctx context.Context, itemID int64) (int, error) {
	var n int64
	if err := s.conn(ctx).Raw("SELECT COUNT(*) FROM news_comments WHERE item_id = ? AND removed_at IS NULL", itemID).Scan(&n).Error; err != nil {
		return 0, fmt.Errorf("count comments of news %d: %w", itemID, translate(err))
	}
	return int(n), nil
}

// CommentsSummarised returns the end of an author's last summary window.
func (s *Store) CommentsSummarised(ctx context.Context, authorID int64) (time.Time, error) {
	var until []time.Time
	if err := s.conn(ctx).Raw("SELECT until_at FROM news_comment_summaries WHERE author_id = ? ORDER BY until_at DESC LIMIT 1", authorID).Scan(&until).Error; err != nil {
		return time.Time{}, fmt.Errorf("comment summaries of %d: %w", authorID, translate(err))
	}
	if len(until) == 0 {
		return time.Time{}, nil
	}
	return until[0].UTC(), nil
}

// ClaimCommentSummary records a summary once. The insert is the claim:
// of any number of concurrent claims of one (author, day), on any
// replica, the primary key lets exactly one insert; the others change
// nothing and report false.
func (s *Store) ClaimCommentSummary(ctx context.Context, c intranet.CommentSummaryClaim, now time.Time) (bool, error) {
	res := s.conn(ctx).Exec("INSERT INTO news_comment_summaries (author_id, day, until_at, comments, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
		c.AuthorID, c.Day, newsTime(c.Until), c.Comments, newsTime(now))
	if res.Error != nil {
		return false, fmt.Errorf("claim comment summary %d %s: %w", c.AuthorID, c.Day, translate(res.Error))
	}
	return res.RowsAffected == 1, nil
}

// CommentSummaries counts the recorded summaries of an author.
func (s *Store) CommentSummaries(ctx context.Context, authorID int64) (int, error) {
	var n int64
	if err := s.conn(ctx).Raw("SELECT COUNT(*) FROM news_comment_summaries WHERE author_id = ?", authorID).Scan(&n).Error; err != nil {
		return 0, fmt.Errorf("count comment summaries of %d: %w", authorID, translate(err))
	}
	return int(n), nil
}
