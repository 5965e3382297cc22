package intranet

import (
	"context"
	"time"
)

// NewsComment is a reaction of a reader on a news item. A removed comment
// is kept with who removed it and why, and shown to nobody.
type NewsComment struct {
	ID          int64
	ItemID      int64
	AuthorID    int64
	Author      string
	AuthorEmail string
	// Body is plain text: mentions in it do not ping (feature.Unping).
	Body    string
	Created time.Time
	// Removed is zero while the comment stands.
	Removed       time.Time
	RemovedByID   int64
	RemovedReason string
}

// MaxCommentBody is the longest comment, in characters.
const MaxCommentBody = 2000

// CommentFilter selects the standing (not removed) comments; zero fields
// are not filtered on.
type CommentFilter struct {
	ItemID int64
	// ItemAuthorID keeps the comments on that person's items, NotBy leaves
	// out that person's own comments (an author's summary).
	ItemAuthorID int64
	NotBy        int64
	// CreatedAfter and CreatedUntil bound Created: (after, until], to the
	// stored precision (the microsecond).
	CreatedAfter, CreatedUntil time.Time
	// Limit keeps Limit comments (0: all), after skipping the newest Offset
	// (with a Limit only).
	Offset, Limit int
}

// CommentSummaryClaim records one author's daily summary of new comments
// on their items: the comments created up to Until. It is written in the
// transaction that sends the summary, once per (author, day).
type CommentSummaryClaim struct {
	AuthorID int64
	// Day is the local date of the summary, "2026-11-27".
	Day      string
	Until    time.Time
	Comments int
}

// CommentService keeps the comments on news items and the record of the
// daily summaries their authors get. Methods that write join the
// transaction of ctx (Transactor.InTx).
type CommentService interface {
	// AddComment stores a comment on an item. Returns ENOTFOUND for an
	// unknown item, EINVALID for an empty or too long body, ECONFLICT when
	// the item's comments are closed.
	AddComment(ctx context.Context, itemID, authorID int64, body string, now time.Time) (*NewsComment, error)
	// FindCommentByID returns a comment, removed or not. Returns ENOTFOUND.
	FindCommentByID(ctx context.Context, id int64) (*NewsComment, error)
	// RemoveComment removes a comment with a reason. Returns ENOTFOUND,
	// ECONFLICT when it was removed already.
	RemoveComment(ctx context.Context, id, byID int64, reason string, now time.Time) (*NewsComment, error)
	// Comments returns the standing comments of f, newest first.
	Comments(ctx context.Context, f CommentFilter) ([]*NewsComment, error)
	// CountComments counts the standing comments of an item.
	CountComments(ctx context.Context, itemID int64) (int, error)
	// CommentsSummarised returns the end of the window of an author's last
	// summary (zero: none yet).
	CommentsSummarised(ctx context.Context, authorID int64) (time.Time, error)
	// ClaimCommentSummary records a summary once: it reports false when
	// (author, day) was recorded before, and changes nothing then.
	ClaimCommentSummary(ctx context.Context, c CommentSummaryClaim, now time.Time) (bool, error)
	// CommentSummaries counts the recorded summaries of an author.
	CommentSummaries(ctx context.Context, authorID int64) (int, error)
}
