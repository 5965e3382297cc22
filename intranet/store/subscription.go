package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
)

func init() {
	register(migration{10, "news subscriptions: whether the channel is shared with another organisation", `
ALTER TABLE news_subscriptions ADD COLUMN shared boolean NOT NULL DEFAULT false;
`, `
ALTER TABLE news_subscriptions ADD COLUMN shared BOOLEAN NOT NULL DEFAULT false;
`})
	// The board's subscriptions live beside the news ones, so that both
	// feeds share one record of deliveries (digest_deliveries, keyed by the
	// subscription) and with it one claim per period.
	register(migration{14, "subscriptions to the bulletin board: the feed of a subscription, its category filter", `
ALTER TABLE news_subscriptions ADD COLUMN feed text NOT NULL DEFAULT 'news';
ALTER TABLE news_subscriptions ADD COLUMN category text NOT NULL DEFAULT '';
`, `
ALTER TABLE news_subscriptions ADD COLUMN feed TEXT NOT NULL DEFAULT 'news';
ALTER TABLE news_subscriptions ADD COLUMN category TEXT NOT NULL DEFAULT '';
`})
}

// feedOf is the stored feed: empty is news.
func feedOf(f intranet.Feed) string {
	if f == "" {
		return string(intranet.FeedNews)
	}
	return string(f)
}

type subscriptionRow struct {
	ID           int64
	Feed         string
	Category     string
	Platform     string
	Installation string
	ChannelID    string
	UserID       string
	PersonID     int64
	Personal     bool
	ScheduleKind string
	Weekday      int
	Minute       int
	Topic        string
	Department   string
	AuthorID     *int64
	Lang         string
	Shared       bool
	CreatedAt    time.Time
	SinceAt      time.Time
	NextAt       *time.Time
	Author       string
}

func (r subscriptionRow) subscription() *intranet.Subscription {
	s := &intranet.Subscription{ID: r.ID, Feed: intranet.Feed(r.Feed), Category: intranet.Category(r.Category), To: intranet.Destination{Platform: intranet.Platform(r.Platform), Installation: r.Installation, ChannelID: r.ChannelID, UserID: r.UserID},
		PersonID: r.PersonID, Personal: r.Personal, Schedule: intranet.Schedule{Kind: intranet.ScheduleKind(r.ScheduleKind), Weekday: time.Weekday(r.Weekday), Minute: r.Minute},
		Topic: r.Topic, Department: r.Department, Author: r.Author, Lang: r.Lang, Shared: r.Shared, Created: r.CreatedAt.UTC(), Since: r.SinceAt.UTC(), Next: fromOpt(r.NextAt)}
	if r.AuthorID != nil {
		s.AuthorID = *r.AuthorID
	}
	return s
}

const subscriptionSelect = `SELECT s.id, s.feed, s.category, s.platform, s.installation, s.channel_id, s.user_id, s.person_id, s.personal, s.schedule_kind, s.weekday, s.minute,
s.topic, s.department, s.author_id, s.lang, s.shared, s.created_at, s.since_at, s.next_at, COALESCE(a.name, '') AS author
FROM news_subscriptions s LEFT JOIN people a ON a.id = s.author_id`

// CreateSubscription stores a subscription.
func (s *Store) CreateSubscription(ctx context.Context, sub intranet.Subscription, now time.Time) (*intranet.Subscription, error) {
	now = newsTime(now)
	var author *int64
	if sub.AuthorID != 0 {
		author = &sub.AuthorID
	}
	if sub.Lang == "" {
		sub.Lang = "nl"
	}
	var id int64
	err := s.InTx(ctx, func(ctx context.Context) error {
		// Two identical subscribes at once (a double tap) must not both
		// pass the check below: one channel's subscribes take turns.
		if err := s.lockName(s.conn(ctx), "news.subscribe:"+string(sub.To.Platform)+":"+sub.To.ChannelID+":"+sub.To.UserID); err != nil {
			return err
		}
		var dup int64
		if err := s.conn(ctx).Raw(`SELECT COUNT(*) FROM news_subscriptions WHERE feed = ? AND platform = ? AND channel_id = ? AND user_id = ? AND schedule_kind = ? AND weekday = ? AND minute = ?
AND LOWER(topic) = LOWER(?) AND LOWER(department) = LOWER(?) AND COALESCE(author_id, 0) = ? AND category = ?`, feedOf(sub.Feed), string(sub.To.Platform), sub.To.ChannelID, sub.To.UserID,
			string(sub.Schedule.Kind), int(sub.Schedule.Weekday), sub.Schedule.Minute, sub.Topic, sub.Department, sub.AuthorID, string(sub.Category)).Scan(&dup).Error; err != nil {
			return err
		} else if dup > 0 {
			return intranet.Errorf(intranet.ECONFLICT, "That subscription exists already.")
		}
		return s.conn(ctx).Raw(`INSERT INTO news_subscriptions (feed, category, platform, installation, channel_id, user_id, person_id, personal, schedule_kind, weekday, minute,
topic, department, author_id, lang, shared, created_at, since_at, next_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			feedOf(sub.Feed), string(sub.Category), string(sub.To.Platform), sub.To.Installation, sub.To.ChannelID, sub.To.UserID, sub.PersonID, sub.Personal, string(sub.Schedule.Kind),
			int(sub.Schedule.Weekday), sub.Schedule.Minute, sub.Topic, sub.Department, author, sub.Lang, sub.Shared, now, now, optTime(sub.Next)).Scan(&id).Error
	})
	if intranet.ErrorCode(err) == intranet.ECONFLICT {
		return nil, err
	} else if err != nil {
		return nil, fmt.Errorf("create subscription: %w", translate(err))
	}
	return s.FindSubscriptionByID(ctx, id)
}

// FindSubscriptionByID returns ENOTFOUND.
func (s *Store) FindSubscriptionByID(ctx context.Context, id int64) (*intranet.Subscription, error) {
	var rows []subscriptionRow
	if err := s.conn(ctx).Raw(subscriptionSelect+" WHERE s.id = ?", id).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("find subscription %d: %w", id, translate(err))
	} else if len(rows) == 0 {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "No subscription %d.", id)
	}
	return rows[0].subscription(), nil
}

// Subscriptions returns the subscriptions of f (of one feed), by id.
func (s *Store) Subscriptions(ctx context.Context, f intranet.SubscriptionFilter) ([]*intranet.Subscription, error) {
	where, args := []string{"s.feed = ?"}, []any{feedOf(f.Feed)}
	if f.PersonID != 0 {
		where, args = append(where, "s.personal AND s.person_id = ?"), append(args, f.PersonID)
	}
	if f.ChannelID != "" {
		where, args = append(where, "NOT s.personal AND s.platform = ? AND s.channel_id = ?"), append(args, string(f.Platform), f.ChannelID)
	}
	if f.Immediate {
		where, args = append(where, "s.schedule_kind = ?"), append(args, string(intranet.ScheduleImmediate))
	}
	if n := f.Matching; n != nil {
		// The query form of Subscription.Matches.
		where = append(where, "(s.topic = '' OR LOWER(s.topic) = LOWER(?)) AND (s.department = '' OR LOWER(s.department) = LOWER(?)) AND (s.author_id IS NULL OR s.author_id = ?)")
		args = append(args, n.Topic, n.Department, n.AuthorID)
	}
	if a := f.MatchingAd; a != nil {
		// The query form of Subscription.MatchesAd.
		where, args = append(where, "(s.category = '' OR s.category = ?)"), append(args, string(a.Category))
	}
	q := subscriptionSelect + " WHERE " + strings.Join(where, " AND ")
	var rows []subscriptionRow
	if err := s.conn(ctx).Raw(q+" ORDER BY s.id", args...).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("list subscriptions: %w", translate(err))
	}
	out := make([]*intranet.Subscription, len(rows))
	for i, r := range rows {
		out[i] = r.subscription()
	}
	return out, nil
}

// SetChannelShared records on a channel's subscriptions, of every feed,
// whether it is shared with another organisation.
func (s *Store) SetChannelShared(ctx context.Context, platform intranet.Platform, channelID string, shared bool) error {
	if err := s.conn(ctx).Exec("UPDATE news_subscriptions SET shared = ? WHERE NOT personal AND platform = ? AND channel_id = ? AND shared <> ?",
		shared, string(platform), channelID, shared).Error; err != nil {
		return fmt.Errorf("set channel %s shared: %w", channelID, translate(err))
	}
	return nil
}

// DeleteSubscription removes a subscription with its record.
func (s *Store) DeleteSubscription(ctx context.Context, id int64) error {
	err := s.InTx(ctx, func(ctx context.Context) error {
		if err := s.conn(ctx).Exec("DELETE FROM digest_deliveries WHERE subscription_id = ?", id).Error; err != nil {
			return err
		}
		res := s.conn(ctx).Exec("DELETE FROM news_subscriptions WHERE id = ?", id)
		if res.Error != nil {
			return res.Error
		} else if res.RowsAffected == 0 {
			return intranet.Errorf(intranet.ENOTFOUND, "No subscription %d.", id)
		}
		return nil
	})
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return err
	} else if err != nil {
		return fmt.Errorf("delete subscription %d: %w", id, translate(err))
	}
	return nil
}

// SetSubscriptionNext sets when the next digest is due.
func (s *Store) SetSubscriptionNext(ctx context.Context, id int64, next time.Time) error {
	res := s.conn(ctx).Exec("UPDATE news_subscriptions SET next_at = ? WHERE id = ?", optTime(next), id)
	if res.Error != nil {
		return fmt.Errorf("set subscription %d next: %w", id, translate(res.Error))
	} else if res.RowsAffected == 0 {
		return intranet.Errorf(intranet.ENOTFOUND, "No subscription %d.", id)
	}
	return nil
}

// ClaimDelivery records a delivery once. The insert is the claim: of any
// number of concurrent claims of one (subscription, period), on any
// replica, the primary key lets exactly one insert; the others change
// nothing and report false.
func (s *Store) ClaimDelivery(ctx context.Context, c intranet.DigestClaim, now time.Time) (bool, error) {
	var won bool
	err := s.InTx(ctx, func(ctx context.Context) error {
		var n int64
		if err := s.conn(ctx).Raw("SELECT COUNT(*) FROM news_subscriptions WHERE id = ?", c.SubscriptionID).Scan(&n).Error; err != nil {
			return err
		} else if n == 0 {
			return intranet.Errorf(intranet.ENOTFOUND, "No subscription %d.", c.SubscriptionID)
		}
		res := s.conn(ctx).Exec("INSERT INTO digest_deliveries (subscription_id, period, until_at, items, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
			c.SubscriptionID, c.Period, optTime(c.Until), c.Items, newsTime(now))
		if res.Error != nil {
			return res.Error
		}
		if won = res.RowsAffected == 1; !won || c.Until.IsZero() {
			return nil
		}
		return s.conn(ctx).Exec("UPDATE news_subscriptions SET since_at = ?, next_at = ? WHERE id = ?", newsTime(c.Until), optTime(c.Next), c.SubscriptionID).Error
	})
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return false, err
	} else if err != nil {
		return false, fmt.Errorf("claim delivery %d %s: %w", c.SubscriptionID, c.Period, translate(err))
	}
	return won, nil
}

// Deliveries counts the recorded deliveries of a subscription.
func (s *Store) Deliveries(ctx context.Context, subscriptionID int64) (int, error) {
	var n int64
	if err := s.conn(ctx).Raw("SELECT COUNT(*) FROM digest_deliveries WHERE subscription_id = ?", subscriptionID).Scan(&n).Error; err != nil {
		return 0, fmt.Errorf("count deliveries: %w", translate(err))
	}
	return int(n), nil
}

// AddFollow stores a follow; false when it existed.
func (s *Store) AddFollow(ctx context.Context, f intranet.Follow) (bool, error) {
	res := s.conn(ctx).Exec("INSERT INTO news_follows (person_id, kind, target_id, value) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
		f.PersonID, string(f.Kind), f.TargetID, followValue(f))
	if res.Error != nil {
		return false, fmt.Errorf("follow: %w", translate(res.Error))
	}
	return res.RowsAffected == 1, nil
}

// RemoveFollow removes a follow; false when there was none.
func (s *Store) RemoveFollow(ctx context.Context, f intranet.Follow) (bool, error) {
	res := s.conn(ctx).Exec("DELETE FROM news_follows WHERE person_id = ? AND kind = ? AND target_id = ? AND LOWER(value) = LOWER(?)",
		f.PersonID, string(f.Kind), f.TargetID, followValue(f))
	if res.Error != nil {
		return false, fmt.Errorf("unfollow: %w", translate(res.Error))
	}
	return res.RowsAffected > 0, nil
}

// followValue is the stored value: a colleague is kept by id alone.
func followValue(f intranet.Follow) string {
	if f.Kind == intranet.FollowPerson {
		return ""
	}
	return f.Value
}

// Follows returns a person's follows, or everyone's.
func (s *Store) Follows(ctx context.Context, personID *int64) ([]intranet.Follow, error) {
	if personID == nil {
		return s.follows(ctx, "")
	}
	return s.follows(ctx, "f.person_id = ?", *personID)
}

// FollowsOf returns the follows the item matches: the query form of
// Follow.Matches.
func (s *Store) FollowsOf(ctx context.Context, n *intranet.NewsItem) ([]intranet.Follow, error) {
	return s.follows(ctx, `(f.kind = 'person' AND f.target_id = ?) OR (f.kind = 'department' AND ? <> '' AND LOWER(f.value) = LOWER(?))
OR (f.kind = 'topic' AND ? <> '' AND LOWER(f.value) = LOWER(?))`, n.AuthorID, n.Department, n.Department, n.Topic, n.Topic)
}

func (s *Store) follows(ctx context.Context, where string, args ...any) ([]intranet.Follow, error) {
	q := `SELECT f.person_id, f.kind, f.target_id, CASE WHEN f.kind = 'person' THEN COALESCE(p.name, '') ELSE f.value END AS value
FROM news_follows f LEFT JOIN people p ON p.id = f.target_id AND f.kind = 'person'`
	if where != "" {
		q += " WHERE " + where
	}
	var rows []struct {
		PersonID int64
		Kind     string
		TargetID int64
		Value    string
	}
	if err := s.conn(ctx).Raw(q+" ORDER BY f.person_id, f.kind, value", args...).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("list follows: %w", translate(err))
	}
	out := make([]intranet.Follow, len(rows))
	for i, r := range rows {
		out[i] = intranet.Follow{PersonID: r.PersonID, Kind: intranet.FollowKind(r.Kind), TargetID: r.TargetID, Value: r.Value}
	}
	return out, nil
}
