package news

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/when"
)

// Comments: a reader who sees an item may comment on it, unless those who
// manage content closed its comments (comments:off); /news <id> shows the
// newest CommentsPage, /news comments <id> <page> the older ones; those who
// manage content remove a comment with a reason its writer is told; the
// item's author gets one DM a day with the new comments (jobs.go).

// CommentsPage is how many comments one page shows.
const CommentsPage = 10

// commentFormID is the prefix of the comment form's id: "news.comment.<item id>".
const commentFormID = "news.comment."

// Comment adds a comment of c.Person to an item, as typed (`/news comment
// <id> <text>`), from the comment form, or from a reply in the thread of
// the posted item; without text it opens the comment form. Everything a
// person did wrong (an item they do not see, closed comments, a text too
// long) is the reply; an error is an internal failure.
func (u *Unit) Comment(ctx context.Context, c *feature.Call, itemID int64, text string) (intranet.Reply, error) {
	n, problem, err := u.commentable(ctx, c, itemID)
	if n == nil || err != nil {
		return c.Reply(problem), err
	}
	text = strings.TrimSpace(text)
	if text == "" {
		return commentForm(c, n, nil), nil
	}
	if utf8.RuneCountInString(text) > intranet.MaxCommentBody {
		return c.Reply(commentTooLong(c, utf8.RuneCountInString(text))), nil
	}
	now := u.cfg.Now()
	var cm *intranet.NewsComment
	err = feature.InTx(ctx, u.cfg.Tx, func(ctx context.Context) error {
		var err error
		if cm, err = u.cfg.Comments.AddComment(ctx, n.ID, c.Person.ID, feature.Unping(text), now); err != nil {
			return err
		}
		if n.AuthorID == c.Person.ID {
			return nil
		}
		due := u.summaryDue(now)
		return u.cfg.Jobs.Schedule(ctx, NewsCommentsJob, u.summaryKey(n.AuthorID, due), due, nil)
	})
	switch intranet.ErrorCode(err) {
	case "":
	case intranet.ECONFLICT: // closed meanwhile
		return c.Reply(commentsClosed(c, n)), nil
	case intranet.ENOTFOUND:
		return c.Reply(noItem(c, itemID)), nil
	case intranet.EINVALID:
		return c.Reply(intranet.ErrorMessage(err)), nil
	default:
		return intranet.Reply{}, err
	}
	return commented(c, n, cm), nil
}

// commentable finds an item the caller may comment on; problem says why
// not, in the caller's language.
func (u *Unit) commentable(ctx context.Context, c *feature.Call, id int64) (*intranet.NewsItem, string, error) {
	n, err := u.cfg.News.FindNewsByID(ctx, id)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return nil, noItem(c, id), nil
	} else if err != nil {
		return nil, "", err
	}
	switch {
	case c.Person == nil || !personScope(c.Person).Sees(n):
		return nil, noItemForYou(c, id), nil
	case !n.Visible(u.cfg.Now()):
		if mayPublish(c) {
			return nil, notVisibleForComments(c, n), nil
		}
		return nil, noItemForYou(c, id), nil
	case n.CommentsClosed:
		return nil, commentsClosed(c, n), nil
	}
	return n, "", nil
}

// comments answers /news comments <id> [page].
func (u *Unit) comments(ctx context.Context, c *feature.Call, id int64, page int) (intranet.Reply, error) {
	n, problem, err := u.visibleItem(ctx, c, id)
	if n == nil || err != nil {
		return c.Reply(problem), err
	}
	if page < 1 {
		page = 1
	}
	list, total, err := u.commentPage(ctx, n.ID, page)
	if err != nil {
		return intranet.Reply{}, err
	}
	return u.commentsView(c, n, list, total, page, mayPublish(c)), nil
}

// commentPage returns a page of an item's comments, newest first, and how
// many there are.
func (u *Unit) commentPage(ctx context.Context, id int64, page int) ([]*intranet.NewsComment, int, error) {
	total, err := u.cfg.Comments.CountComments(ctx, id)
	if err != nil || total == 0 {
		return nil, total, err
	}
	list, err := u.cfg.Comments.Comments(ctx, intranet.CommentFilter{ItemID: id, Offset: (page - 1) * CommentsPage, Limit: CommentsPage})
	return list, total, err
}

// visibleItem finds an item the caller may read, as /news <id> does.
func (u *Unit) visibleItem(ctx context.Context, c *feature.Call, id int64) (*intranet.NewsItem, string, error) {
	n, err := u.cfg.News.FindNewsByID(ctx, id)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return nil, noItem(c, id), nil
	} else if err != nil {
		return nil, "", err
	}
	if !personScope(c.Person).Sees(n) || !mayPublish(c) && !n.Visible(u.cfg.Now()) {
		return nil, noItemForYou(c, id), nil
	}
	return n, "", nil
}

// uncomment removes a comment with a reason, which its writer is told.
func (u *Unit) uncomment(ctx context.Context, c *feature.Call, id int64, reason string) (intranet.Reply, error) {
	if !mayPublish(c) {
		return c.Reply(onlyModerators(c)), nil
	}
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return c.Reply(c.Usage()), nil
	}
	var cm *intranet.NewsComment
	err := feature.InTx(ctx, u.cfg.Tx, func(ctx context.Context) error {
		var err error
		if cm, err = u.cfg.Comments.RemoveComment(ctx, id, c.Person.ID, reason, u.cfg.Now()); err != nil {
			return err
		}
		if cm.AuthorID == c.Person.ID {
			return nil
		}
		n, err := u.cfg.News.FindNewsByID(ctx, cm.ItemID)
		if err != nil {
			return err
		}
		writer, err := u.cfg.People.FindPersonByID(ctx, cm.AuthorID)
		if intranet.ErrorCode(err) == intranet.ENOTFOUND {
			return nil
		} else if err != nil {
			return err
		}
		by := c.Person.Name
		return u.notifier.Send(ctx, feature.DM{To: writer, Key: fmt.Sprintf("news:comment:%d:removed", cm.ID), Write: func(lang string) intranet.Reply {
			return u.removedMessage(lang, n, cm, by)
		}})
	})
	switch intranet.ErrorCode(err) {
	case "":
		if cm.AuthorID == c.Person.ID {
			return c.Reply(c.T("Je reactie %d is verwijderd.", "Your comment %d is removed.", cm.ID)), nil
		}
		return c.Reply(commentRemoved(c, cm)), nil
	case intranet.ENOTFOUND:
		return c.Reply(noComment(c, id)), nil
	case intranet.ECONFLICT:
		return c.Reply(commentRemovedAlready(c, id)), nil
	}
	return intranet.Reply{}, err
}

// handleCommentForm comments from a submitted comment form.
func (u *Unit) handleCommentForm(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	id, err := strconv.ParseInt(strings.TrimPrefix(c.Req.Form.FormID, commentFormID), 10, 64)
	if err != nil {
		return c.Reply(c.T("Dit formulier ken ik niet (meer).", "I do not know this form (any more).")), nil
	}
	text := strings.TrimSpace(c.Req.Form.Values["text"])
	if text == "" {
		n, problem, err := u.commentable(ctx, c, id)
		if n == nil || err != nil {
			return c.Reply(problem), err
		}
		return commentForm(c, n, map[string]string{"text": fillIn(c)}), nil
	}
	return u.Comment(ctx, c, id, text)
}

// The daily summary of new comments to an item's author.

// CommentSummaryAt is the local time of day an author's summary of new
// comments on their items goes out (held until their quiet hours end).
const CommentSummaryAt = when.Clock(17 * 60)

// summaryDue is the first summary time after a comment made at now, with
// room for the comment's transaction to commit before that summary reads.
func (u *Unit) summaryDue(now time.Time) time.Time {
	after := now.Add(DigestSettle)
	d := when.DateOf(after, u.cfg.Location)
	due := d.At(CommentSummaryAt, u.cfg.Location)
	if !due.After(after) {
		due = d.AddDays(1).At(CommentSummaryAt, u.cfg.Location)
	}
	return due
}

// summaryKey is the key of an author's summary job of a day:
// "comments:<author>:<local date>".
func (u *Unit) summaryKey(authorID int64, due time.Time) string {
	return fmt.Sprintf("comments:%d:%s", authorID, when.DateOf(due, u.cfg.Location))
}
