package intranet

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// NewsItem is one piece of company news. It is visible to readers from
// Publish until Expires (zero: never), unless it was withdrawn; an item with
// a Department is for that department's people only, one without is for
// everyone.
type NewsItem struct {
	ID         int64
	Title      string
	Body       string // markdown subset of Reply.Text
	Topic      string // "" when none
	Department string // "" for everyone
	// Partners addresses the item to partners too (audience:partners), or
	// to one partner organisation (partner:<organisation>, PartnerOrgID
	// and PartnerOrg set); employees see it as well, labelled.
	Partners     bool
	PartnerOrgID int64
	PartnerOrg   string
	Important    bool // readers acknowledge it ("Read")
	// CommentsClosed says nobody may comment on it (any more).
	CommentsClosed bool
	AuthorID       int64
	Author         string
	AuthorEmail    string
	Publish        time.Time
	Expires        time.Time
	Withdrawn      time.Time // zero while not withdrawn
	Lang           string
	Created        time.Time
	Updated        time.Time
}

// Limits of a news item, so that it fits every platform's message.
const (
	MaxNewsTitle = 200
	MaxNewsBody  = 10000
)

// Visible reports whether readers see the item at now.
func (n *NewsItem) Visible(now time.Time) bool {
	return n.Withdrawn.IsZero() && !now.Before(n.Publish) && (n.Expires.IsZero() || now.Before(n.Expires))
}

// For reports whether the item is meant for someone in department: the
// people asked to confirm an important item.
func (n *NewsItem) For(department string) bool {
	return n.Department == "" || strings.EqualFold(n.Department, department)
}

// NewsScope is which items a reader sees: a person, or a channel and the
// subscriptions that post to it. The news unit decides a reader's scope
// (who manages content sees every item; a channel sees its team's
// department); Sees and the store's NewsFilter.Scope apply it.
type NewsScope struct {
	// All sees every item (those who manage content).
	All bool
	// None sees no item (a guest; a channel shared with another
	// organisation).
	None bool
	// Department sees the items for everyone and for this department; ""
	// only those for everyone.
	Department string
	// Partner is a partner's organisation: it sees only the items
	// addressed to partners and those addressed to it.
	Partner int64
	// PartnersOnly sees only the items addressed to every partner (a
	// channel shared with another organisation).
	PartnersOnly bool
}

// Sees reports whether a reader of scope s may see the item (visible or
// not: that is Visible's question).
func (s NewsScope) Sees(n *NewsItem) bool {
	switch {
	case s.None:
		return false
	case s.Partner != 0:
		return n.Partners && (n.PartnerOrgID == 0 || n.PartnerOrgID == s.Partner)
	case s.PartnersOnly:
		return n.Partners && n.PartnerOrgID == 0
	case s.All:
		return true
	}
	return n.Department == "" || s.Department != "" && strings.EqualFold(n.Department, s.Department)
}

// NewNewsItem is an item as its author wrote it.
type NewNewsItem struct {
	Title, Body, Topic, Department string
	// Partners and PartnerOrgID address it to partners (NewsItem).
	Partners       bool
	PartnerOrgID   int64
	Important      bool
	CommentsClosed bool
	AuthorID       int64
	// Publish is when it becomes visible (zero: now); Expires is zero for never.
	Publish, Expires time.Time
	Lang             string
}

// NewsUpdate corrects an item; nil fields stay as they are.
type NewsUpdate struct {
	Title, Body, Topic, Department *string
	Important, CommentsClosed      *bool
	// Partners and PartnerOrgID change the partner audience (both set
	// together).
	Partners         *bool
	PartnerOrgID     *int64
	Publish, Expires *time.Time
}

// NewsFilter selects items; zero fields are not filtered on.
type NewsFilter struct {
	// VisibleAt keeps only items readers see at that moment.
	VisibleAt time.Time
	// Scope keeps the items a reader of that scope sees (nil: all).
	Scope *NewsScope
	// Topic, Department and AuthorID keep items with exactly that value
	// (Department "" is not a filter; topic and department ignore case).
	Topic      string
	Department string
	AuthorID   int64
	// PublishedAfter and PublishedUntil bound Publish: (after, until], to
	// the stored precision (the microsecond), so that consecutive windows
	// take each moment once.
	PublishedAfter, PublishedUntil time.Time
	// UnreadBy keeps the important items the person of that id has not
	// confirmed reading (0: not a filter).
	UnreadBy int64
	// Limit keeps the newest Limit items (0: all).
	Limit int
}

// NewsReader is one person in an item's audience, with when they
// acknowledged it (zero: not yet) and their chat accounts.
type NewsReader struct {
	PersonID   int64
	Name       string
	Email      string
	Department string
	// Organisation is a partner's organisation ("" for an employee).
	Organisation string
	Acked        time.Time
	Accounts     []Account
}

// Ack is one acknowledgement of an important item.
type Ack struct {
	ItemID   int64
	PersonID int64
	At       time.Time
}

// NewsService keeps news items and who read the important ones.
type NewsService interface {
	// CreateNews stores an item. Returns EINVALID for an empty title or body,
	// a title or body over its limit, expiry before publication.
	CreateNews(ctx context.Context, n NewNewsItem, now time.Time) (*NewsItem, error)
	// UpdateNews corrects an item. Returns ENOTFOUND, EINVALID as CreateNews,
	// ECONFLICT for a withdrawn item.
	UpdateNews(ctx context.Context, id int64, u NewsUpdate, now time.Time) (*NewsItem, error)
	// WithdrawNews withdraws an item. Returns ENOTFOUND, ECONFLICT when it
	// was withdrawn already.
	WithdrawNews(ctx context.Context, id int64, now time.Time) (*NewsItem, error)
	// FindNewsByID returns ENOTFOUND for an unknown id.
	FindNewsByID(ctx context.Context, id int64) (*NewsItem, error)
	// News returns the items of f, newest publication first.
	News(ctx context.Context, f NewsFilter) ([]*NewsItem, error)
	// NewsTopics returns every topic an item has had, sorted.
	NewsTopics(ctx context.Context) ([]string, error)
	// AckNews records that the person read the item; first is false when
	// they had already (at is then the first time). Returns ENOTFOUND.
	AckNews(ctx context.Context, itemID, personID int64, now time.Time) (first bool, at time.Time, err error)
	// NewsAudience returns the people the item is for (not guests; an
	// item addressed to partners is also for the partners it is addressed
	// to), by name, with their acknowledgement and accounts (a partner's
	// guest accounts too). Returns ENOTFOUND.
	NewsAudience(ctx context.Context, itemID int64) ([]NewsReader, error)
}

// ScheduleKind says how often a subscription delivers.
type ScheduleKind string

// The schedules of a subscription.
const (
	ScheduleImmediate ScheduleKind = "immediate"
	ScheduleDaily     ScheduleKind = "daily"
	ScheduleWeekdays  ScheduleKind = "weekdays"
	ScheduleWeekly    ScheduleKind = "weekly"
)

// Schedule is when a subscription's digest goes out, in local time.
type Schedule struct {
	Kind ScheduleKind
	// Weekday is the day of a weekly digest.
	Weekday time.Weekday
	// Minute is the local time of day, minutes after midnight.
	Minute int
}

// Next returns the first digest time strictly after after, computed with
// time.Date in loc, so that 08:30 stays 08:30 across daylight-saving
// changes. An immediate schedule has no digest times (zero).
func (s Schedule) Next(after time.Time, loc *time.Location) time.Time {
	if s.Kind == ScheduleImmediate || s.Kind == "" {
		return time.Time{}
	}
	l := after.In(loc)
	y, m, d := l.Date()
	for i := 0; i < 9; i++ {
		t := time.Date(y, m, d+i, s.Minute/60, s.Minute%60, 0, 0, loc)
		if !t.After(after) {
			continue
		}
		switch wd := t.Weekday(); s.Kind {
		case ScheduleWeekdays:
			if wd == time.Saturday || wd == time.Sunday {
				continue
			}
		case ScheduleWeekly:
			if wd != s.Weekday {
				continue
			}
		}
		return t
	}
	return time.Time{}
}

// String writes the schedule as typed in English ("weekly mon 09:00").
func (s Schedule) String() string {
	clock := fmt.Sprintf("%02d:%02d", s.Minute/60, s.Minute%60)
	switch s.Kind {
	case ScheduleWeekly:
		return fmt.Sprintf("weekly %s %s", strings.ToLower(s.Weekday.String()[:3]), clock)
	case ScheduleDaily, ScheduleWeekdays:
		return string(s.Kind) + " " + clock
	}
	return string(ScheduleImmediate)
}

// Feed is what a subscription delivers: company news, or the bulletin
// board's ads. Both feeds keep their subscriptions, and the record of
// their deliveries, in one SubscriptionService.
type Feed string

// The feeds one subscribes to.
const (
	FeedNews  Feed = "news"
	FeedBoard Feed = "board"
)

// Subscription delivers news to a channel, or to a person's DM (Personal),
// as a digest at its schedule's times or each item at once (immediate);
// or, of the board's feed, ads the same way.
type Subscription struct {
	ID int64
	// Feed is news or board (empty: news).
	Feed Feed
	// To is the channel, or the person's DM (To.UserID).
	To Destination
	// PersonID made the subscription; for a personal one, it is theirs.
	PersonID int64
	Personal bool
	Schedule Schedule
	// Filters; empty or zero is none.
	Topic      string
	Department string
	AuthorID   int64
	Author     string
	// Category is the board feed's filter.
	Category Category
	Lang     string
	// Shared says the channel is shared with another organisation (Slack
	// Connect, a Teams shared channel, as the platform said): it gets only
	// the items addressed to every partner.
	Shared  bool
	Created time.Time
	// Since is the end of the window of the previous digest (first: Created).
	Since time.Time
	// Next is when the next digest is due (zero for immediate).
	Next time.Time
}

// Matches reports whether an item passes the subscription's filters.
func (s *Subscription) Matches(n *NewsItem) bool {
	return (s.Topic == "" || strings.EqualFold(s.Topic, n.Topic)) &&
		(s.Department == "" || strings.EqualFold(s.Department, n.Department)) &&
		(s.AuthorID == 0 || s.AuthorID == n.AuthorID)
}

// MatchesAd reports whether an ad passes a board subscription's filter.
func (s *Subscription) MatchesAd(a *Ad) bool {
	return s.Category == "" || s.Category == a.Category
}

// SubscriptionFilter selects subscriptions; zero fields are not filtered on.
type SubscriptionFilter struct {
	// Feed keeps the subscriptions of one feed (empty: news).
	Feed      Feed
	PersonID  int64 // personal subscriptions of this person
	Platform  Platform
	ChannelID string // channel subscriptions of this channel
	Immediate bool   // only immediate ones
	// Matching keeps those whose filters (topic, department, author) the
	// item passes, as Subscription.Matches.
	Matching *NewsItem
	// MatchingAd keeps those whose category filter the ad passes, as
	// Subscription.MatchesAd.
	MatchingAd *Ad
}

// FollowKind is what a person follows.
type FollowKind string

// The things a person can follow.
const (
	FollowPerson     FollowKind = "person"
	FollowDepartment FollowKind = "department"
	FollowTopic      FollowKind = "topic"
)

// Follow is a person following a colleague (TargetID), a department or a
// topic (Value): matching items come to them by DM as they are published.
type Follow struct {
	PersonID int64
	Kind     FollowKind
	TargetID int64
	Value    string // the department or topic; the colleague's name when read
}

// Matches reports whether an item comes from what is followed.
func (f Follow) Matches(n *NewsItem) bool {
	switch f.Kind {
	case FollowPerson:
		return n.AuthorID == f.TargetID
	case FollowDepartment:
		return n.Department != "" && strings.EqualFold(n.Department, f.Value)
	case FollowTopic:
		return n.Topic != "" && strings.EqualFold(n.Topic, f.Value)
	}
	return false
}

// DigestClaim records one delivery of a subscription: a digest for a
// period or an immediate item. It is written in the transaction that sends
// the message through the Outbox and schedules the next digest.
type DigestClaim struct {
	SubscriptionID int64
	// Period identifies the delivery: "2026-11-28T07:30Z" for a digest due
	// then, "item:12" for an immediate item.
	Period string
	// Until is the end of the digest's window (the subscription's new
	// Since); Next its next due time. Both zero for an immediate item.
	Until, Next time.Time
	Items       int
}

// SubscriptionService keeps subscriptions, follows and the record of
// deliveries. Methods that write join the transaction of ctx
// (Transactor.InTx).
type SubscriptionService interface {
	// CreateSubscription stores s (ID, Created and Since are set). Returns
	// ECONFLICT when the same destination already has a subscription to
	// the same feed with the same schedule and filters.
	CreateSubscription(ctx context.Context, s Subscription, now time.Time) (*Subscription, error)
	// FindSubscriptionByID returns ENOTFOUND.
	FindSubscriptionByID(ctx context.Context, id int64) (*Subscription, error)
	// Subscriptions returns the subscriptions of f (of one feed), by id.
	Subscriptions(ctx context.Context, f SubscriptionFilter) ([]*Subscription, error)
	// DeleteSubscription removes it with its record. Returns ENOTFOUND.
	DeleteSubscription(ctx context.Context, id int64) error
	// SetSubscriptionNext sets when the next digest is due. Returns ENOTFOUND.
	SetSubscriptionNext(ctx context.Context, id int64, next time.Time) error
	// ClaimDelivery records a delivery once: it reports false when
	// (subscription, period) was recorded before, and changes nothing then.
	// A digest's claim also moves the subscription's Since and Next.
	// Returns ENOTFOUND for an unknown subscription.
	ClaimDelivery(ctx context.Context, c DigestClaim, now time.Time) (bool, error)
	// Deliveries counts the recorded deliveries of a subscription.
	Deliveries(ctx context.Context, subscriptionID int64) (int, error)
	// AddFollow stores a follow; false when it existed.
	AddFollow(ctx context.Context, f Follow) (bool, error)
	// RemoveFollow removes a follow; false when there was none.
	RemoveFollow(ctx context.Context, f Follow) (bool, error)
	// Follows returns a person's follows (nil personID: everyone's).
	Follows(ctx context.Context, personID *int64) ([]Follow, error)
	// FollowsOf returns the follows the item matches (Follow.Matches), by
	// person.
	FollowsOf(ctx context.Context, n *NewsItem) ([]Follow, error)
	// SetChannelShared records whether a channel is shared with another
	// organisation on its subscriptions.
	SetChannelShared(ctx context.Context, platform Platform, channelID string, shared bool) error
	// AddNewsPost remembers a channel message that carried news, so that a
	// reply in its thread finds the items. Recording the same message
	// again changes nothing. Returns EINVALID without items.
	AddNewsPost(ctx context.Context, p NewsPost) error
	// FindNewsPost returns the news message ref points at (Platform,
	// ChannelID and ID). Returns ENOTFOUND.
	FindNewsPost(ctx context.Context, ref MessageRef) (*NewsPost, error)
}

// NewsPost is a channel message that carried news: one item posted as it
// appeared, or a digest listing several. A message sent through the Outbox
// has its OutboxID and gets its Ref.ID once delivered.
type NewsPost struct {
	Ref      MessageRef
	OutboxID int64
	// Items are the ids of the items the message shows, in its order.
	Items []int64
}
