package intranet

import (
	"context"
	"time"
)

// Category is the kind of a bulletin board ad. Its value is the English
// name as typed; the board unit shows the Dutch name to Dutch readers.
type Category string

// The categories of an ad.
const (
	CategoryOffered Category = "offered"
	CategoryWanted  Category = "wanted"
	CategoryForSale Category = "for sale"
	CategoryEvent   Category = "event"
	CategoryLost    Category = "lost and found"
	CategoryOther   Category = "other"
)

// Limits of an ad: it hangs DefaultAdExpiry unless its poster says
// otherwise, never longer than MaxAdExpiry from now.
const (
	DefaultAdExpiry = 30 * 24 * time.Hour
	MaxAdExpiry     = 90 * 24 * time.Hour
	MaxAdTitle      = 200
	MaxAdText       = 4000
)

// Categories lists every category, in the order lists name them.
var Categories = []Category{CategoryOffered, CategoryWanted, CategoryForSale, CategoryEvent, CategoryLost, CategoryOther}

// Ad is one bulletin board ad: plain text by a colleague (or a guest,
// where the organisation lets guests on the board), visible until Expires
// unless it was removed.
type Ad struct {
	ID          int64
	Title       string
	Text        string // plain text, as typed
	Category    Category
	PosterID    int64
	Poster      string
	PosterEmail string
	// PosterOrganisation is the poster's partner organisation ("" for an
	// employee): employees see a partner's ad labelled.
	PosterOrganisation string
	Expires            time.Time
	Removed            time.Time // zero while not removed
	// Replies is how many people replied (not what).
	Replies int
	Created time.Time
	Updated time.Time
}

// Visible reports whether readers see the ad at now.
func (a *Ad) Visible(now time.Time) bool { return a.Removed.IsZero() && now.Before(a.Expires) }

// NewAd is an ad as its poster wrote it.
type NewAd struct {
	Title, Text string
	Category    Category
	PosterID    int64
	Expires     time.Time
}

// AdUpdate corrects an ad; nil fields stay as they are.
type AdUpdate struct {
	Title, Text *string
	Category    *Category
	Expires     *time.Time
}

// AdFilter selects ads; zero fields are not filtered on.
type AdFilter struct {
	// VisibleAt keeps the ads readers see at that moment.
	VisibleAt time.Time
	Category  Category
	PosterID  int64
	// ExpiresBefore keeps ads that expire before it.
	ExpiresBefore time.Time
	// CreatedAfter and CreatedUntil bound Created: (after, until], to
	// the stored precision, so that consecutive digests' windows hold
	// every ad once.
	CreatedAfter, CreatedUntil time.Time
	// Limit keeps Limit ads (0: all), after skipping the newest Offset.
	Offset, Limit int
}

// BoardService keeps the bulletin board's ads.
type BoardService interface {
	// CreateAd stores an ad. Returns EINVALID for an empty title or text,
	// one over its limit, or an unknown category.
	CreateAd(ctx context.Context, a NewAd, now time.Time) (*Ad, error)
	// UpdateAd corrects an ad. Returns ENOTFOUND, EINVALID as CreateAd,
	// ECONFLICT for a removed ad.
	UpdateAd(ctx context.Context, id int64, u AdUpdate, now time.Time) (*Ad, error)
	// RemoveAd removes an ad. Returns ENOTFOUND, ECONFLICT when it was
	// removed already.
	RemoveAd(ctx context.Context, id int64, now time.Time) (*Ad, error)
	// FindAdByID returns ENOTFOUND for an unknown id.
	FindAdByID(ctx context.Context, id int64) (*Ad, error)
	// Ads returns the ads of f, newest first.
	Ads(ctx context.Context, f AdFilter) ([]*Ad, error)
	// SearchAds returns the ads visible at now that match the words, in
	// Dutch or English with typos, best first.
	SearchAds(ctx context.Context, query string, now time.Time, limit int) ([]*Ad, error)
	// ReplyToAd records that a person replied to an ad; first is false when
	// they had already. Returns ENOTFOUND.
	ReplyToAd(ctx context.Context, id, personID int64, now time.Time) (first bool, err error)
}
