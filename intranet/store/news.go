package store

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/werkplek/werkplek/intranet"
)

var (
	_ intranet.NewsService         = (*Store)(nil)
	_ intranet.SubscriptionService = (*Store)(nil)
)

func init() {
	register(migration{5, "news items, acknowledgements, subscriptions, digest deliveries, follows", `
CREATE TABLE news_items (
	id bigserial PRIMARY KEY,
	title text NOT NULL,
	body text NOT NULL,
	topic text NOT NULL DEFAULT '',
	department text NOT NULL DEFAULT '',
	important boolean NOT NULL DEFAULT false,
	author_id bigint NOT NULL REFERENCES people(id),
	publish_at timestamptz NOT NULL,
	expires_at timestamptz,
	withdrawn_at timestamptz,
	lang text NOT NULL DEFAULT 'nl',
	created_at timestamptz NOT NULL,
	updated_at timestamptz NOT NULL
);
CREATE INDEX news_items_publish ON news_items (publish_at DESC, id DESC);
CREATE TABLE news_acks (
	item_id bigint NOT NULL REFERENCES news_items(id) ON DELETE CASCADE,
	person_id bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	at timestamptz NOT NULL,
	PRIMARY KEY (item_id, person_id)
);
CREATE TABLE news_subscriptions (
	id bigserial PRIMARY KEY,
	platform text NOT NULL,
	installation text NOT NULL DEFAULT '',
	channel_id text NOT NULL DEFAULT '',
	user_id text NOT NULL DEFAULT '',
	person_id bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	personal boolean NOT NULL DEFAULT false,
	schedule_kind text NOT NULL,
	weekday integer NOT NULL DEFAULT 0,
	minute integer NOT NULL DEFAULT 0,
	topic text NOT NULL DEFAULT '',
	department text NOT NULL DEFAULT '',
	author_id bigint REFERENCES people(id) ON DELETE CASCADE,
	lang text NOT NULL DEFAULT 'nl',
	created_at timestamptz NOT NULL,
	since_at timestamptz NOT NULL,
	next_at timestamptz
);
CREATE INDEX news_subscriptions_channel ON news_subscriptions (platform, channel_id);
CREATE INDEX news_subscriptions_person ON news_subscriptions (person_id, personal);
-- One row per delivery: (subscription, period) is unique, so a digest of a
-- period, or an immediate item, is recorded once whatever runs it again.
CREATE TABLE digest_deliveries (
	subscription_id bigint NOT NULL REFERENCES news_subscriptions(id) ON DELETE CASCADE,
	period text NOT NULL,
	until_at timestamptz,
	items integer NOT NULL DEFAULT 0,
	created_at timestamptz NOT NULL,
	PRIMARY KEY (subscription_id, period)
);
CREATE TABLE news_follows (
	person_id bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	kind text NOT NULL,
	target_id bigint NOT NULL DEFAULT 0,
	value text NOT NULL DEFAULT '',
	PRIMARY KEY (person_id, kind, target_id, value)
);
`, `
CREATE TABLE news_items (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	title TEXT NOT NULL,
	body TEXT NOT NULL,
	topic TEXT NOT NULL DEFAULT '',
	department TEXT NOT NULL DEFAULT '',
	important BOOLEAN NOT NULL DEFAULT false,
	author_id INTEGER NOT NULL REFERENCES people(id),
	publish_at DATETIME NOT NULL,
	expires_at DATETIME,
	withdrawn_at DATETIME,
	lang TEXT NOT NULL DEFAULT 'nl',
	created_at DATETIME NOT NULL,
	updated_at DATETIME NOT NULL
);
CREATE INDEX news_items_publish ON news_items (publish_at DESC, id DESC);
CREATE TABLE news_acks (
	item_id INTEGER NOT NULL REFERENCES news_items(id) ON DELETE CASCADE,
	person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	at DATETIME NOT NULL,
	PRIMARY KEY (item_id, person_id)
);
CREATE TABLE news_subscriptions (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	platform TEXT NOT NULL,
	installation TEXT NOT NULL DEFAULT '',
	channel_id TEXT NOT NULL DEFAULT '',
	user_id TEXT NOT NULL DEFAULT '',
	person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	personal BOOLEAN NOT NULL DEFAULT false,
	schedule_kind TEXT NOT NULL,
	weekday INTEGER NOT NULL DEFAULT 0,
	minute INTEGER NOT NULL DEFAULT 0,
	topic TEXT NOT NULL DEFAULT '',
	department TEXT NOT NULL DEFAULT '',
	author_id INTEGER REFERENCES people(id) ON DELETE CASCADE,
	lang TEXT NOT NULL DEFAULT 'nl',
	created_at DATETIME NOT NULL,
	since_at DATETIME NOT NULL,
	next_at DATETIME
);
CREATE INDEX news_subscriptions_channel ON news_subscriptions (platform, channel_id);
CREATE INDEX news_subscriptions_person ON news_subscriptions (person_id, personal);
CREATE TABLE digest_deliveries (
	subscription_id INTEGER NOT NULL REFERENCES news_subscriptions(id) ON DELETE CASCADE,
	period TEXT NOT NULL,
	until_at DATETIME,
	items INTEGER NOT NULL DEFAULT 0,
	created_at DATETIME NOT NULL,
	PRIMARY KEY (subscription_id, period)
);
CREATE TABLE news_follows (
	person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	kind TEXT NOT NULL,
	target_id INTEGER NOT NULL DEFAULT 0,
	value TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (person_id, kind, target_id, value)
);
`})
}

// newsTime is how news times are stored and compared: UTC to the
// microsecond, PostgreSQL's precision, so that both engines keep the same
// instant and a moment is never rounded into its neighbour's window (to the
// second, an item published in a subscription's first second fell in no
// digest). SQLite keeps times as text, "2006-01-02 15:04:05.999999-07:00"
// without trailing zeros; in UTC that text sorts in time order, since the
// offset's "+" sorts before the fraction's "." and before every digit
// (TestNewsTimesCompareInOrder).
func newsTime(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

func optTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	t = newsTime(t)
	return &t
}

func fromOpt(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return t.UTC()
}

type newsRow struct {
	ID             int64
	Title          string
	Body           string
	Topic          string
	Department     string
	Important      bool
	CommentsClosed bool
	Partners       bool
	PartnerOrgID   *int64
	PartnerOrg     *string
	AuthorID       int64
	PublishAt      time.Time
	ExpiresAt      *time.Time
	WithdrawnAt    *time.Time
	Lang           string
	CreatedAt      time.Time
	UpdatedAt      time.Time
	Author         string
	AuthorEmail    string
}

func (r newsRow) item() *intranet.NewsItem {
	n := &intranet.NewsItem{ID: r.ID, Title: r.Title, Body: r.Body, Topic: r.Topic, Department: r.Department, Important: r.Important, CommentsClosed: r.CommentsClosed,
		Partners: r.Partners, AuthorID: r.AuthorID, Author: r.Author, AuthorEmail: r.AuthorEmail, Publish: r.PublishAt.UTC(), Expires: fromOpt(r.ExpiresAt),
		Withdrawn: fromOpt(r.WithdrawnAt), Lang: r.Lang, Created: r.CreatedAt.UTC(), Updated: r.UpdatedAt.UTC()}
	if r.PartnerOrgID != nil {
		n.PartnerOrgID = *r.PartnerOrgID
	}
	if r.PartnerOrg != nil {
		n.PartnerOrg = *r.PartnerOrg
	}
	return n
}

const newsSelect = `SELECT n.id, n.title, n.body, n.topic, n.department, n.important, n.comments_closed, n.partners, n.partner_org_id, o.name AS partner_org,
n.author_id, n.publish_at, n.expires_at, n.withdrawn_at, n.lang, n.created_at, n.updated_at, p.name AS author, p.email AS author_email
FROM news_items n JOIN people p ON p.id = n.author_id LEFT JOIN partner_orgs o ON o.id = n.partner_org_id`

// checkNews validates an item as CreateNews and UpdateNews store it.
func checkNews(n *intranet.NewsItem) error {
	n.Title, n.Body = strings.TrimSpace(n.Title), strings.TrimSpace(n.Body)
	switch {
	case n.Title == "":
		return intranet.Errorf(intranet.EINVALID, "A news item needs a title.")
	case n.Body == "":
		return intranet.Errorf(intranet.EINVALID, "A news item needs a text.")
	case utf8.RuneCountInString(n.Title) > intranet.MaxNewsTitle:
		return intranet.Errorf(intranet.EINVALID, "A title may have at most %d characters.", intranet.MaxNewsTitle)
	case utf8.RuneCountInString(n.Body) > intranet.MaxNewsBody:
		return intranet.Errorf(intranet.EINVALID, "A text may have at most %d characters.", intranet.MaxNewsBody)
	case !n.Expires.IsZero() && !n.Expires.After(n.Publish):
		return intranet.Errorf(intranet.EINVALID, "An item must expire after it is published.")
	}
	return nil
}

// checkPartners makes an item for one partner organisation an item for
// partners, and checks that the organisation exists (EINVALID).
func (s *Store) checkPartners(ctx context.Context, n *intranet.NewsItem) error {
	if n.PartnerOrgID == 0 {
		return nil
	}
	n.Partners = true
	if _, err := s.OrganisationByID(ctx, n.PartnerOrgID); intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return intranet.Errorf(intranet.EINVALID, "There is no partner organisation %d.", n.PartnerOrgID)
	} else if err != nil {
		return err
	}
	return nil
}

// optID stores 0 as NULL.
func optID(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

// CreateNews stores an item.
func (s *Store) CreateNews(ctx context.Context, n intranet.NewNewsItem, now time.Time) (*intranet.NewsItem, error) {
	now = newsTime(now)
	item := &intranet.NewsItem{Title: n.Title, Body: n.Body, Topic: strings.TrimSpace(n.Topic), Department: n.Department, Important: n.Important,
		CommentsClosed: n.CommentsClosed, Partners: n.Partners, PartnerOrgID: n.PartnerOrgID, AuthorID: n.AuthorID, Publish: newsTime(n.Publish), Expires: n.Expires, Lang: n.Lang}
	if n.Publish.IsZero() {
		item.Publish = now
	}
	if err := checkNews(item); err != nil {
		return nil, err
	}
	if err := s.checkPartners(ctx, item); err != nil {
		return nil, err
	}
	if item.Lang == "" {
		item.Lang = "nl"
	}
	var id int64
	err := s.conn(ctx).Raw(`INSERT INTO news_items (title, body, topic, department, important, comments_closed, partners, partner_org_id, author_id, publish_at, expires_at, lang, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, item.Title, item.Body, item.Topic, item.Department, item.Important, item.CommentsClosed,
		item.Partners, optID(item.PartnerOrgID), item.AuthorID, item.Publish, optTime(item.Expires), item.Lang, now, now).Scan(&id).Error
	if err != nil {
		return nil, fmt.Errorf("create news: %w", translate(err))
	}
	return s.FindNewsByID(ctx, id)
}

// UpdateNews corrects an item.
func (s *Store) UpdateNews(ctx context.Context, id int64, u intranet.NewsUpdate, now time.Time) (*intranet.NewsItem, error) {
	var out *intranet.NewsItem
	err := s.InTx(ctx, func(ctx context.Context) error {
		// Two corrections, or a correction and a withdrawal, take turns:
		// none is lost and a withdrawn item is never corrected.
		if err := s.lockRow(s.conn(ctx), "news_items", id); err != nil {
			return err
		}
		n, err := s.FindNewsByID(ctx, id)
		if err != nil {
			return err
		}
		if !n.Withdrawn.IsZero() {
			return intranet.Errorf(intranet.ECONFLICT, "News item %d was withdrawn.", id)
		}
		set := func(dst *string, v *string) {
			if v != nil {
				*dst = *v
			}
		}
		set(&n.Title, u.Title)
		set(&n.Body, u.Body)
		set(&n.Topic, u.Topic)
		set(&n.Department, u.Department)
		if u.Important != nil {
			n.Important = *u.Important
		}
		if u.CommentsClosed != nil {
			n.CommentsClosed = *u.CommentsClosed
		}
		if u.Publish != nil {
			n.Publish = newsTime(*u.Publish)
		}
		if u.Expires != nil {
			n.Expires = *u.Expires
		}
		if u.Partners != nil {
			n.Partners = *u.Partners
		}
		if u.PartnerOrgID != nil {
			n.PartnerOrgID = *u.PartnerOrgID
		}
		if !n.Partners {
			n.PartnerOrgID = 0
		}
		if err := checkNews(n); err != nil {
			return err
		}
		if err := s.checkPartners(ctx, n); err != nil {
			return err
		}
		if err := s.conn(ctx).Exec(`UPDATE news_items SET title = ?, body = ?, topic = ?, department = ?, important = ?, comments_closed = ?, partners = ?, partner_org_id = ?,
publish_at = ?, expires_at = ?, updated_at = ? WHERE id = ?`,
			n.Title, n.Body, strings.TrimSpace(n.Topic), n.Department, n.Important, n.CommentsClosed, n.Partners, optID(n.PartnerOrgID),
			n.Publish, optTime(n.Expires), newsTime(now), id).Error; err != nil {
			return err
		}
		out, err = s.FindNewsByID(ctx, id)
		return err
	})
	if code := intranet.ErrorCode(err); code == intranet.ENOTFOUND || code == intranet.ECONFLICT || code == intranet.EINVALID {
		return nil, err
	} else if err != nil {
		return nil, fmt.Errorf("update news %d: %w", id, translate(err))
	}
	return out, nil
}

// WithdrawNews withdraws an item.
func (s *Store) WithdrawNews(ctx context.Context, id int64, now time.Time) (*intranet.NewsItem, error) {
	res := s.conn(ctx).Exec("UPDATE news_items SET withdrawn_at = ?, updated_at = ? WHERE id = ? AND withdrawn_at IS NULL", newsTime(now), newsTime(now), id)
	if res.Error != nil {
		return nil, fmt.Errorf("withdraw news %d: %w", id, translate(res.Error))
	}
	n, err := s.FindNewsByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if res.RowsAffected == 0 {
		return n, intranet.Errorf(intranet.ECONFLICT, "News item %d was withdrawn already.", id)
	}
	return n, nil
}

// FindNewsByID returns ENOTFOUND for an unknown id.
func (s *Store) FindNewsByID(ctx context.Context, id int64) (*intranet.NewsItem, error) {
	var rows []newsRow
	if err := s.conn(ctx).Raw(newsSelect+" WHERE n.id = ?", id).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("find news %d: %w", id, translate(err))
	} else if len(rows) == 0 {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "No news item %d.", id)
	}
	return rows[0].item(), nil
}

// News returns the items of f, newest first.
func (s *Store) News(ctx context.Context, f intranet.NewsFilter) ([]*intranet.NewsItem, error) {
	var where []string
	var args []any
	if !f.VisibleAt.IsZero() {
		at := newsTime(f.VisibleAt)
		where = append(where, "n.withdrawn_at IS NULL AND n.publish_at <= ? AND (n.expires_at IS NULL OR n.expires_at > ?)")
		args = append(args, at, at)
	}
	if sc := f.Scope; sc != nil {
		// The query form of NewsScope.Sees, case by case in its order
		// (TestNewsScopeQueryIsSees).
		switch {
		case sc.None:
			where = append(where, "1 = 0")
		case sc.Partner != 0:
			where, args = append(where, "n.partners AND (n.partner_org_id IS NULL OR n.partner_org_id = ?)"), append(args, sc.Partner)
		case sc.PartnersOnly:
			where = append(where, "n.partners AND n.partner_org_id IS NULL")
		case sc.All:
		case sc.Department == "":
			where = append(where, "n.department = ''")
		default:
			where, args = append(where, "(n.department = '' OR LOWER(n.department) = LOWER(?))"), append(args, sc.Department)
		}
	}
	if f.Topic != "" {
		where, args = append(where, "LOWER(n.topic) = LOWER(?)"), append(args, f.Topic)
	}
	if f.Department != "" {
		where, args = append(where, "LOWER(n.department) = LOWER(?)"), append(args, f.Department)
	}
	if f.AuthorID != 0 {
		where, args = append(where, "n.author_id = ?"), append(args, f.AuthorID)
	}
	if !f.PublishedAfter.IsZero() {
		where, args = append(where, "n.publish_at > ?"), append(args, newsTime(f.PublishedAfter))
	}
	if !f.PublishedUntil.IsZero() {
		where, args = append(where, "n.publish_at <= ?"), append(args, newsTime(f.PublishedUntil))
	}
	if f.UnreadBy != 0 {
		where = append(where, "n.important AND NOT EXISTS (SELECT 1 FROM news_acks k WHERE k.item_id = n.id AND k.person_id = ?)")
		args = append(args, f.UnreadBy)
	}
	q := newsSelect
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY n.publish_at DESC, n.id DESC"
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	var rows []newsRow
	if err := s.conn(ctx).Raw(q, args...).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("list news: %w", translate(err))
	}
	out := make([]*intranet.NewsItem, len(rows))
	for i, r := range rows {
		out[i] = r.item()
	}
	return out, nil
}

// NewsTopics returns every topic an item has had, sorted.
func (s *Store) NewsTopics(ctx context.Context) ([]string, error) {
	var topics []string
	if err := s.conn(ctx).Raw("SELECT DISTINCT topic FROM news_items WHERE topic <> ''").Scan(&topics).Error; err != nil {
		return nil, fmt.Errorf("news topics: %w", translate(err))
	}
	// One spelling per topic, whatever case the authors used.
	seen := map[string]bool{}
	var out []string
	sort.Strings(topics)
	for _, t := range topics {
		if k := strings.ToLower(t); !seen[k] {
			seen[k] = true
			out = append(out, t)
		}
	}
	return out, nil
}
