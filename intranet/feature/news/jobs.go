package news

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/feature/digest"
	"github.com/werkplek/werkplek/intranet/when"
)

// The job kinds of the news unit; databases hold scheduled jobs under
// these names.
const (
	// NewsPublishJob runs at an item's publication (key "news:<id>"): it
	// delivers the item to immediate subscriptions and followers.
	NewsPublishJob = "news.publish"
	// NewsDigestJob delivers one subscription's digest of one period (key
	// "digest:<subscription>:<period>"; digest.Digests runs it).
	NewsDigestJob = "news.digest"
	// NewsRemindJob DMs those who have not confirmed an important item
	// (key "news:<id>:remind:<n>").
	NewsRemindJob = "news.remind"
	// NewsCommentsJob DMs an item's author the new comments on their items
	// once a day (key "comments:<author>:<local date>").
	NewsCommentsJob = "news.comments"
)

// NewsReminders is the most reminders one person gets about one item.
const NewsReminders = 2

// DigestMax is the most items a digest (and /news) lists; the rest are counted.
const DigestMax = 10

// DigestSettle is how long before its run a digest's window ends
// (digest.Settle, the same for every feed).
const DigestSettle = digest.Settle

// Keys of the news jobs and messages.
func newsKey(id int64) string          { return fmt.Sprintf("news:%d", id) }
func remindKey(id int64, n int) string { return fmt.Sprintf("news:%d:remind:%d", id, n) }

// Period names a digest's due time (digest.Period); it is part of the
// job's key ("digest:<subscription>:<period>"), the delivery record and
// the outbox key, so each is once per period.
func Period(due time.Time) string { return digest.Period(due) }

// scheduleItem schedules an item's publication job and, for an important
// item, its first reminder. publishSet says the publication time was just
// set (a new item, or an edit of one not yet out, "now" included); other
// edits leave a publication job alone, so an item out already is not
// delivered again.
func (u *Unit) scheduleItem(ctx context.Context, n *intranet.NewsItem, publishSet bool) error {
	if publishSet {
		if err := u.cfg.Jobs.Schedule(ctx, NewsPublishJob, newsKey(n.ID), n.Publish, nil); err != nil {
			return err
		}
	}
	if !n.Important || u.cfg.ReminderAfter <= 0 {
		return u.cfg.Jobs.Cancel(ctx, NewsRemindJob, remindKey(n.ID, 1))
	}
	return u.cfg.Jobs.Schedule(ctx, NewsRemindJob, remindKey(n.ID, 1), n.Publish.Add(u.cfg.ReminderAfter), nil)
}

// cancelItemJobs drops a withdrawn item's publication and reminders.
func (u *Unit) cancelItemJobs(ctx context.Context, id int64) error {
	if err := u.cfg.Jobs.Cancel(ctx, NewsPublishJob, newsKey(id)); err != nil {
		return err
	}
	for i := 1; i <= NewsReminders; i++ {
		if err := u.cfg.Jobs.Cancel(ctx, NewsRemindJob, remindKey(id, i)); err != nil {
			return err
		}
	}
	return nil
}

// RescheduleDigest moves a subscription's next digest to due, in one
// transaction with its job; operators and tests use it to make digests
// fall due now. Returns ENOTFOUND.
func (u *Unit) RescheduleDigest(ctx context.Context, id int64, due time.Time) error {
	return u.digests.Reschedule(ctx, id, due)
}

// jobItem is the item of a publication or reminder job
// ("news:<id>[:remind:<n>]") and n; the item is nil when it is gone.
func (u *Unit) jobItem(ctx context.Context, j intranet.Job) (*intranet.NewsItem, int, error) {
	parts := strings.Split(j.Key, ":")
	bad := intranet.FailJob(fmt.Errorf("%s job with key %q", j.Kind, j.Key))
	if len(parts) < 2 || parts[0] != "news" {
		return nil, 0, bad
	}
	id, err := strconv.ParseInt(parts[1], 10, 64)
	if err != nil {
		return nil, 0, bad
	}
	nth := 0
	if len(parts) == 4 {
		if nth, err = strconv.Atoi(parts[3]); err != nil {
			return nil, 0, bad
		}
	}
	n, err := u.cfg.News.FindNewsByID(ctx, id)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return nil, 0, nil
	} else if err != nil {
		return nil, 0, err
	}
	return n, nth, nil
}

// people finds people by id for one job, each once; nil for one who is
// gone.
type people struct {
	svc  intranet.PersonService
	seen map[int64]*intranet.Person
}

func (ps *people) find(ctx context.Context, id int64) (*intranet.Person, error) {
	if p, ok := ps.seen[id]; ok {
		return p, nil
	}
	p, err := ps.svc.FindPersonByID(ctx, id)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		p, err = nil, nil
	} else if err != nil {
		return nil, err
	}
	if ps.seen == nil {
		ps.seen = map[int64]*intranet.Person{}
	}
	ps.seen[id] = p
	return p, nil
}

// publishJob runs at an item's publication: each immediate subscription
// and each follower gets it once. A delivery per (subscription, item) is
// claimed in the transaction that sends it, so a rerun sends nothing
// twice; a follower's DM is once per person and item by its outbox key.
func (u *Unit) publishJob(ctx context.Context, j intranet.Job) error {
	n, _, err := u.jobItem(ctx, j)
	if n == nil || err != nil {
		return err
	}
	now := j.At(u.cfg.Now())
	if !n.Visible(now) {
		return nil
	}
	subs, err := u.cfg.Subscriptions.Subscriptions(ctx, intranet.SubscriptionFilter{Immediate: true, Matching: n})
	if err != nil {
		return err
	}
	r := u.reach()
	for _, s := range subs {
		if n.Publish.Before(s.Created) {
			continue
		}
		sc, err := r.subscription(ctx, s)
		if err != nil {
			return err
		}
		if !sc.Sees(n) {
			continue
		}
		sent := func(ctx context.Context, id int64) error { return u.recordPost(ctx, s, id, []*intranet.NewsItem{n}) }
		if err := u.digests.Deliver(ctx, s, fmt.Sprintf("item:%d", n.ID), u.itemMessage(s.Lang, n, nil, forPartners(sc)), fmt.Sprintf("news:%d:sub:%d", n.ID, s.ID), sent); err != nil {
			return err
		}
	}
	follows, err := u.cfg.Subscriptions.FollowsOf(ctx, n)
	if err != nil {
		return err
	}
	done := map[int64]bool{}
	for _, f := range follows {
		if done[f.PersonID] || f.PersonID == n.AuthorID {
			continue
		}
		done[f.PersonID] = true
		sc, p, err := r.person(ctx, f.PersonID)
		if err != nil {
			return err
		}
		if !sc.Sees(n) {
			continue
		}
		follow, outside := f, forPartners(sc)
		if err := u.notifier.Send(ctx, feature.DM{To: p, Key: fmt.Sprintf("news:%d:follow:%d", n.ID, p.ID), Write: func(lang string) intranet.Reply {
			return u.itemMessage(lang, n, &follow, outside)
		}}); err != nil {
			return err
		}
	}
	return nil
}

// collectDigest lists a subscription's digest (digest.Digests runs the
// job, claims its period and sends it): the items published in (since,
// until] that match its filters and that it sees.
func (u *Unit) collectDigest(ctx context.Context, s *intranet.Subscription, since, until time.Time) (digest.Collected, error) {
	sc, err := u.reach().subscription(ctx, s)
	if err != nil || sc.None {
		return digest.Collected{}, err
	}
	f := intranet.NewsFilter{VisibleAt: until, PublishedAfter: since, PublishedUntil: until, Topic: s.Topic, Department: s.Department, AuthorID: s.AuthorID, Scope: &sc}
	items, err := u.cfg.News.News(ctx, f)
	if err != nil || len(items) == 0 {
		return digest.Collected{}, err
	}
	shown := items[:min(len(items), DigestMax)]
	sent := func(ctx context.Context, id int64) error { return u.recordPost(ctx, s, id, shown) }
	return digest.Collected{Count: len(items), Message: u.digestMessage(s, items, forPartners(sc)), Sent: sent}, nil
}

// recordPost remembers a subscription's channel message with the items it
// shows, so that a reply in its thread finds them (thread.go). It runs in
// the transaction that sends the message; a person's DM has no threads.
func (u *Unit) recordPost(ctx context.Context, s *intranet.Subscription, outboxID int64, items []*intranet.NewsItem) error {
	if s.Personal || s.To.ChannelID == "" || outboxID == 0 {
		return nil
	}
	p := intranet.NewsPost{OutboxID: outboxID, Ref: intranet.MessageRef{Platform: s.To.Platform, Installation: s.To.Installation, ChannelID: s.To.ChannelID}}
	for _, n := range items {
		p.Items = append(p.Items, n.ID)
	}
	// An outbox that delivered at once knows the message already.
	if e, err := u.cfg.Outbox.OutboxEntry(ctx, outboxID); err == nil && e.State == intranet.OutboxSent {
		p.Ref = feature.SentRef(p.Ref, e.Ref)
	} else if err != nil && intranet.ErrorCode(err) != intranet.ENOTFOUND {
		return err
	}
	return u.cfg.Subscriptions.AddNewsPost(ctx, p)
}

// remindJob DMs everyone in an important item's audience who has not
// confirmed it, and schedules the next reminder (at most NewsReminders).
func (u *Unit) remindJob(ctx context.Context, j intranet.Job) error {
	n, nth, err := u.jobItem(ctx, j)
	if n == nil || err != nil {
		return err
	}
	if !n.Important || !n.Visible(j.At(u.cfg.Now())) {
		return nil
	}
	readers, err := u.cfg.News.NewsAudience(ctx, n.ID)
	if err != nil {
		return err
	}
	ps := &people{svc: u.cfg.People}
	for _, r := range readers {
		if !r.Acked.IsZero() || r.PersonID == n.AuthorID {
			continue
		}
		p, err := ps.find(ctx, r.PersonID)
		if err != nil {
			return err
		}
		if p == nil {
			continue
		}
		// A partner the item is addressed to is reminded on their guest
		// account too, and sees it as partners do.
		partner := p.IsPartner()
		if err := u.notifier.Send(ctx, feature.DM{To: p, Key: fmt.Sprintf("news:%d:remind:%d:%d", n.ID, nth, p.ID), Guests: partner, Write: func(lang string) intranet.Reply {
			return u.reminderMessage(lang, n, partner)
		}}); err != nil {
			return err
		}
	}
	if nth < NewsReminders && u.cfg.ReminderAfter > 0 {
		return u.cfg.Jobs.Schedule(ctx, NewsRemindJob, remindKey(n.ID, nth+1), j.Due.Add(u.cfg.ReminderAfter), nil)
	}
	return nil
}

// NewsAcksCSV is the confirmation list of an item for `werkplek news
// acks`: the audience, one row each, with when they confirmed, written as
// every export writes a moment (when.Stamp, in loc), every cell defused
// (intranet.DefuseCell). Returns ENOTFOUND.
func NewsAcksCSV(ctx context.Context, news intranet.NewsService, id int64, loc *time.Location) ([][]string, error) {
	readers, err := news.NewsAudience(ctx, id)
	if err != nil {
		return nil, err
	}
	rows := [][]string{{"name", "email", "acknowledged_at"}}
	for _, p := range readers {
		rows = append(rows, []string{intranet.DefuseCell(p.Name), intranet.DefuseCell(p.Email), when.Stamp(p.Acked, loc)})
	}
	return rows, nil
}

// commentsJob DMs an author the comments on their items since their
// previous summary. The summary's record (author, day) and its DM are
// written in one transaction, so a rerun, on this replica or another,
// finds the day claimed and sends nothing; the next summary starts where
// this one's window ended.
func (u *Unit) commentsJob(ctx context.Context, j intranet.Job) error {
	var authorID int64
	var day string
	if parts := strings.Split(j.Key, ":"); len(parts) == 3 && parts[0] == "comments" {
		authorID, _ = strconv.ParseInt(parts[1], 10, 64)
		day = parts[2]
	}
	if authorID == 0 || day == "" {
		return intranet.FailJob(fmt.Errorf("%s job with key %q", j.Kind, j.Key))
	}
	author, err := (&people{svc: u.cfg.People}).find(ctx, authorID)
	if author == nil || err != nil {
		return err
	}
	since, err := u.cfg.Comments.CommentsSummarised(ctx, authorID)
	if err != nil {
		return err
	}
	at := j.At(u.cfg.Now()).UTC().Truncate(time.Second)
	until := at.Add(-DigestSettle)
	list, err := u.cfg.Comments.Comments(ctx, intranet.CommentFilter{ItemAuthorID: authorID, NotBy: authorID, CreatedAfter: since, CreatedUntil: until})
	if err != nil {
		return err
	}
	var items []commentedItem
	seen := map[int64]int{}
	for _, cm := range list {
		i, ok := seen[cm.ItemID]
		if !ok {
			n, err := u.cfg.News.FindNewsByID(ctx, cm.ItemID)
			if err != nil {
				return err
			}
			if !n.Withdrawn.IsZero() {
				i = -1
				seen[cm.ItemID] = i
				continue
			}
			i = len(items)
			seen[cm.ItemID] = i
			items = append(items, commentedItem{item: n})
		}
		if i >= 0 {
			items[i].comments = append(items[i].comments, cm)
		}
	}
	return feature.InTx(ctx, u.cfg.Tx, func(ctx context.Context) error {
		won, err := u.cfg.Comments.ClaimCommentSummary(ctx, intranet.CommentSummaryClaim{AuthorID: authorID, Day: day, Until: until, Comments: len(list)}, at)
		if err != nil || !won || len(items) == 0 {
			return err
		}
		return u.notifier.Send(ctx, feature.DM{To: author, Key: "news:" + j.Key, Write: func(lang string) intranet.Reply {
			return summaryMessage(lang, items)
		}})
	})
}

// commentedItem is an item with its new comments, newest first.
type commentedItem struct {
	item     *intranet.NewsItem
	comments []*intranet.NewsComment
}
