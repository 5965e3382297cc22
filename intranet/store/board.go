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

var _ intranet.BoardService = (*Store)(nil)

// The bulletin board's ads are searched as the knowledge base is (see
// question.go): the Dutch and English stems of an ad's title and text in
// board_terms, every distinct stem in board_words, a query's words matched
// against that dictionary with typos (queryWords).
func init() {
	register(migration{11, "bulletin board: ads, who replied, search terms", `
CREATE TABLE board_ads (
	id bigserial PRIMARY KEY,
	title text NOT NULL,
	text text NOT NULL,
	category text NOT NULL,
	poster_id bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	expires_at timestamptz NOT NULL,
	removed_at timestamptz,
	created_at timestamptz NOT NULL,
	updated_at timestamptz NOT NULL
);
CREATE INDEX board_ads_created ON board_ads (created_at DESC, id DESC);
CREATE TABLE board_replies (
	ad_id bigint NOT NULL REFERENCES board_ads(id) ON DELETE CASCADE,
	person_id bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	at timestamptz NOT NULL,
	PRIMARY KEY (ad_id, person_id)
);
CREATE TABLE board_terms (
	term text COLLATE "C" NOT NULL,
	ad_id bigint NOT NULL REFERENCES board_ads(id) ON DELETE CASCADE,
	weight integer NOT NULL,
	PRIMARY KEY (term, ad_id) INCLUDE (weight)
);
CREATE INDEX board_terms_ad ON board_terms (ad_id);
CREATE TABLE board_words (
	term text COLLATE "C" PRIMARY KEY
);
CREATE INDEX board_words_trgm ON board_words USING gin (term gin_trgm_ops);
`, `
CREATE TABLE board_ads (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	title TEXT NOT NULL,
	text TEXT NOT NULL,
	category TEXT NOT NULL,
	poster_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	expires_at DATETIME NOT NULL,
	removed_at DATETIME,
	created_at DATETIME NOT NULL,
	updated_at DATETIME NOT NULL
);
CREATE INDEX board_ads_created ON board_ads (created_at DESC, id DESC);
CREATE TABLE board_replies (
	ad_id INTEGER NOT NULL REFERENCES board_ads(id) ON DELETE CASCADE,
	person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	at DATETIME NOT NULL,
	PRIMARY KEY (ad_id, person_id)
);
CREATE TABLE board_terms (
	term TEXT NOT NULL,
	ad_id INTEGER NOT NULL REFERENCES board_ads(id) ON DELETE CASCADE,
	weight INTEGER NOT NULL,
	PRIMARY KEY (term, ad_id)
);
CREATE INDEX board_terms_ad ON board_terms (ad_id);
CREATE TABLE board_words (
	term TEXT PRIMARY KEY
);
`})
}

// Weights of an ad's words in a search: its title counts as a question's
// words, its text as an answer's.
const (
	adTitleWeight = questionWeight
	adTextWeight  = answerWeight
)

type adRow struct {
	ID          int64
	Title       string
	Text        string
	Category    string
	PosterID    int64
	ExpiresAt   time.Time
	RemovedAt   *time.Time
	CreatedAt   time.Time
	UpdatedAt   time.Time
	Poster      string
	PosterEmail string
	PosterOrg   string
	Replies     int
}

func (r adRow) ad() *intranet.Ad {
	return &intranet.Ad{ID: r.ID, Title: r.Title, Text: r.Text, Category: intranet.Category(r.Category), PosterID: r.PosterID,
		Poster: r.Poster, PosterEmail: r.PosterEmail, PosterOrganisation: r.PosterOrg, Expires: r.ExpiresAt.UTC(), Removed: fromOpt(r.RemovedAt), Replies: r.Replies,
		Created: r.CreatedAt.UTC(), Updated: r.UpdatedAt.UTC()}
}

const adSelect = `SELECT a.id, a.title, a.text, a.category, a.poster_id, a.expires_at, a.removed_at, a.created_at, a.updated_at,
p.name AS poster, p.email AS poster_email, COALESCE(o.name, '') AS poster_org, (SELECT COUNT(*) FROM board_replies r WHERE r.ad_id = a.id) AS replies
FROM board_ads a JOIN people p ON p.id = a.poster_id LEFT JOIN partner_orgs o ON o.id = p.organisation_id`

// checkAd validates an ad as CreateAd and UpdateAd store it.
func checkAd(a *intranet.Ad) error {
	a.Title, a.Text = strings.TrimSpace(a.Title), strings.TrimSpace(a.Text)
	known := false
	for _, c := range intranet.Categories {
		known = known || c == a.Category
	}
	switch {
	case a.Title == "":
		return intranet.Errorf(intranet.EINVALID, "An ad needs a title.")
	case a.Text == "":
		return intranet.Errorf(intranet.EINVALID, "An ad needs a text.")
	case utf8.RuneCountInString(a.Title) > intranet.MaxAdTitle:
		return intranet.Errorf(intranet.EINVALID, "A title may have at most %d characters.", intranet.MaxAdTitle)
	case utf8.RuneCountInString(a.Text) > intranet.MaxAdText:
		return intranet.Errorf(intranet.EINVALID, "A text may have at most %d characters.", intranet.MaxAdText)
	case !known:
		return intranet.Errorf(intranet.EINVALID, "There is no category %q.", a.Category)
	case a.Expires.IsZero():
		return intranet.Errorf(intranet.EINVALID, "An ad needs an expiry.")
	}
	return nil
}

// CreateAd stores an ad and its search terms.
func (s *Store) CreateAd(ctx context.Context, n intranet.NewAd, now time.Time) (*intranet.Ad, error) {
	a := &intranet.Ad{Title: n.Title, Text: n.Text, Category: n.Category, PosterID: n.PosterID, Expires: newsTime(n.Expires)}
	if err := checkAd(a); err != nil {
		return nil, err
	}
	var out *intranet.Ad
	err := s.InTx(ctx, func(ctx context.Context) error {
		var id int64
		if err := s.conn(ctx).Raw(`INSERT INTO board_ads (title, text, category, poster_id, expires_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			a.Title, a.Text, string(a.Category), a.PosterID, a.Expires, newsTime(now), newsTime(now)).Scan(&id).Error; err != nil {
			return err
		}
		if err := s.reindexAd(ctx, id, a); err != nil {
			return err
		}
		var err error
		out, err = s.FindAdByID(ctx, id)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("create ad: %w", translate(err))
	}
	return out, nil
}

// reindexAd rebuilds an ad's search terms.
func (s *Store) reindexAd(ctx context.Context, id int64, a *intranet.Ad) error {
	db := s.conn(ctx)
	if err := db.Exec("DELETE FROM board_terms WHERE ad_id = ?", id).Error; err != nil {
		return err
	}
	weights := map[string]int{}
	for t := range KnowledgeTerms(a.Text) {
		weights[t] = adTextWeight
	}
	for t := range KnowledgeTerms(a.Title) {
		weights[t] = adTitleWeight
	}
	terms := make([]string, 0, len(weights))
	for t := range weights {
		terms = append(terms, t)
	}
	sort.Strings(terms)
	for start := 0; start < len(terms); start += 200 {
		part := terms[start:min(start+200, len(terms))]
		var rows, words []string
		var args, wargs []any
		for _, t := range part {
			rows, args = append(rows, "(?, ?, ?)"), append(args, t, id, weights[t])
			words, wargs = append(words, "(?)"), append(wargs, t)
		}
		if err := db.Exec("INSERT INTO board_terms (term, ad_id, weight) VALUES "+strings.Join(rows, ", "), args...).Error; err != nil {
			return err
		}
		if err := db.Exec("INSERT INTO board_words (term) VALUES "+strings.Join(words, ", ")+" ON CONFLICT (term) DO NOTHING", wargs...).Error; err != nil {
			return err
		}
	}
	return nil
}

// UpdateAd corrects an ad.
func (s *Store) UpdateAd(ctx context.Context, id int64, u intranet.AdUpdate, now time.Time) (*intranet.Ad, error) {
	var out *intranet.Ad
	err := s.InTx(ctx, func(ctx context.Context) error {
		if err := s.lockRow(s.conn(ctx), "board_ads", id); err != nil {
			return err
		}
		a, err := s.FindAdByID(ctx, id)
		if err != nil {
			return err
		}
		if !a.Removed.IsZero() {
			return intranet.Errorf(intranet.ECONFLICT, "Ad %d was removed.", id)
		}
		if u.Title != nil {
			a.Title = *u.Title
		}
		if u.Text != nil {
			a.Text = *u.Text
		}
		if u.Category != nil {
			a.Category = *u.Category
		}
		if u.Expires != nil {
			a.Expires = newsTime(*u.Expires)
		}
		if err := checkAd(a); err != nil {
			return err
		}
		if err := s.conn(ctx).Exec(`UPDATE board_ads SET title = ?, text = ?, category = ?, expires_at = ?, updated_at = ? WHERE id = ?`,
			a.Title, a.Text, string(a.Category), a.Expires, newsTime(now), id).Error; err != nil {
			return err
		}
		if u.Title != nil || u.Text != nil {
			if err := s.reindexAd(ctx, id, a); err != nil {
				return err
			}
		}
		out, err = s.FindAdByID(ctx, id)
		return err
	})
	if code := intranet.ErrorCode(err); code == intranet.ENOTFOUND || code == intranet.ECONFLICT || code == intranet.EINVALID {
		return nil, err
	} else if err != nil {
		return nil, fmt.Errorf("update ad %d: %w", id, translate(err))
	}
	return out, nil
}

// RemoveAd removes an ad.
func (s *Store) RemoveAd(ctx context.Context, id int64, now time.Time) (*intranet.Ad, error) {
	res := s.conn(ctx).Exec("UPDATE board_ads SET removed_at = ?, updated_at = ? WHERE id = ? AND removed_at IS NULL", newsTime(now), newsTime(now), id)
	if res.Error != nil {
		return nil, fmt.Errorf("remove ad %d: %w", id, translate(res.Error))
	}
	a, err := s.FindAdByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if res.RowsAffected == 0 {
		return a, intranet.Errorf(intranet.ECONFLICT, "Ad %d was removed already.", id)
	}
	return a, nil
}

// FindAdByID returns ENOTFOUND for an unknown id.
func (s *Store) FindAdByID(ctx context.Context, id int64) (*intranet.Ad, error) {
	var rows []adRow
	if err := s.conn(ctx).Raw(adSelect+" WHERE a.id = ?", id).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("find ad %d: %w", id, translate(err))
	} else if len(rows) == 0 {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "No ad %d.", id)
	}
	return rows[0].ad(), nil
}

// Ads returns the ads of f, newest first.
func (s *Store) Ads(ctx context.Context, f intranet.AdFilter) ([]*intranet.Ad, error) {
	where, args := adWhere(f)
	q := adSelect
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY a.created_at DESC, a.id DESC"
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	if f.Limit > 0 && f.Offset > 0 {
		q += fmt.Sprintf(" OFFSET %d", f.Offset)
	}
	var rows []adRow
	if err := s.conn(ctx).Raw(q, args...).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("list ads: %w", translate(err))
	}
	out := make([]*intranet.Ad, len(rows))
	for i, r := range rows {
		out[i] = r.ad()
	}
	return out, nil
}

func adWhere(f intranet.AdFilter) (where []string, args []any) {
	if !f.VisibleAt.IsZero() {
		where, args = append(where, "a.removed_at IS NULL AND a.expires_at > ?"), append(args, newsTime(f.VisibleAt))
	}
	if f.Category != "" {
		where, args = append(where, "a.category = ?"), append(args, string(f.Category))
	}
	if f.PosterID != 0 {
		where, args = append(where, "a.poster_id = ?"), append(args, f.PosterID)
	}
	if !f.ExpiresBefore.IsZero() {
		where, args = append(where, "a.expires_at < ?"), append(args, newsTime(f.ExpiresBefore))
	}
	if !f.CreatedAfter.IsZero() {
		where, args = append(where, "a.created_at > ?"), append(args, newsTime(f.CreatedAfter))
	}
	if !f.CreatedUntil.IsZero() {
		where, args = append(where, "a.created_at <= ?"), append(args, newsTime(f.CreatedUntil))
	}
	return where, args
}

// SearchAds ranks the visible ads for a query as SearchKnowledge ranks
// questions: each query word counts with its best matching term, and an
// ad must cover at least 35% of the query as well as exact title words.
func (s *Store) SearchAds(ctx context.Context, query string, now time.Time, limit int) ([]*intranet.Ad, error) {
	if limit <= 0 {
		limit = 10
	}
	words, err := s.queryWords(ctx, query, "board_words")
	if err != nil {
		return nil, fmt.Errorf("search ads: %w", err)
	}
	if len(words) == 0 {
		return nil, nil
	}
	var values []string
	var args []any
	for i := range words {
		for term, q := range words[i].candidates {
			values = append(values, "(CAST(? AS INTEGER), CAST(? AS TEXT), CAST(? AS INTEGER))")
			args = append(args, i, term, q)
		}
	}
	if len(values) == 0 {
		return nil, nil
	}
	threshold := len(words) * qualityScale * adTitleWeight * 35 / 100
	q := `WITH c (i, term, q) AS (VALUES ` + strings.Join(values, ", ") + `),
m AS (SELECT t.ad_id, c.i, MAX(c.q * t.weight) AS q FROM c JOIN board_terms t ON t.term = c.term
JOIN board_ads a ON a.id = t.ad_id WHERE a.removed_at IS NULL AND a.expires_at > ? GROUP BY t.ad_id, c.i)
SELECT ad_id AS id, SUM(q) AS score FROM m GROUP BY ad_id HAVING SUM(q) >= ? ORDER BY score DESC, ad_id DESC LIMIT ?`
	args = append(args, newsTime(now), threshold, limit)
	var hits []struct {
		ID    int64
		Score int64
	}
	if err := s.conn(ctx).Raw(q, args...).Scan(&hits).Error; err != nil {
		return nil, fmt.Errorf("search ads: %w", translate(err))
	}
	out := make([]*intranet.Ad, 0, len(hits))
	for _, h := range hits {
		a, err := s.FindAdByID(ctx, h.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// ReplyToAd records a reply.
func (s *Store) ReplyToAd(ctx context.Context, id, personID int64, now time.Time) (bool, error) {
	if _, err := s.FindAdByID(ctx, id); err != nil {
		return false, err
	}
	res := s.conn(ctx).Exec("INSERT INTO board_replies (ad_id, person_id, at) VALUES (?, ?, ?) ON CONFLICT (ad_id, person_id) DO NOTHING", id, personID, newsTime(now))
	if res.Error != nil {
		return false, fmt.Errorf("reply to ad %d: %w", id, translate(res.Error))
	}
	return res.RowsAffected == 1, nil
}
