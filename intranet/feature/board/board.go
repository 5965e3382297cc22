// Package board is the bulletin board unit (prikbord): colleagues put up
// ads in a category (offered, wanted, for sale, event, lost and found,
// other), which expire after 30 days unless extended; others read, search
// and reply to them, the reply going to the poster by direct message.
// Channels and people subscribe to new ads (at once, or a digest at a
// time of day) as they do to news, through the same digest.Digests.
// Content managers remove ads, with a reason the poster is told, and look
// at reported ones. Guests see and use the board only where the
// organisation turns that on (WERKPLEK_BOARD_GUESTS).
//
// An ad's text is plain: what the adapters would read as markup is shown
// as typed (intranet.Plain), links work and mentions notify nobody.
package board

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/feature/digest"
	"github.com/werkplek/werkplek/intranet/feature/help"
	"github.com/werkplek/werkplek/intranet/grammar"
	"github.com/werkplek/werkplek/intranet/when"
)

// PageSize is how many ads a list shows at a time.
const PageSize = 10

// ExtendBy is how much longer an ad hangs when its poster extends it.
const ExtendBy = 30 * 24 * time.Hour

// RemindBefore is how long before an ad expires its poster is asked
// whether to extend it.
const RemindBefore = 2 * 24 * time.Hour

// Config is what the unit needs: its Env's Jobs run the expiry reminders
// and the subscriptions' deliveries, its Tx writes an ad with its jobs and
// messages.
type Config struct {
	feature.Env
	Board intranet.BoardService
	// Subscriptions keeps the board's subscriptions beside the news ones,
	// with one record of deliveries.
	Subscriptions intranet.SubscriptionService
	// Managers finds the content managers told of a reported ad.
	Managers feature.AdminFinder
	// Guests is WERKPLEK_BOARD_GUESTS: guests see and post on the board.
	Guests bool
}

// Unit answers /board and runs its expiry reminders.
type Unit struct {
	cfg      Config
	notifier feature.Notifier
	// digests runs the subscriptions to the board: digest jobs, claims,
	// unsubscribing.
	digests *digest.Digests
	// command is /board as this installation declares it: for guests or
	// not, as Config.Guests says.
	command *grammar.Command
	// grammar reads the post form's fields as the typed command.
	grammar *grammar.Grammar
}

var (
	_ feature.Unit     = (*Unit)(nil)
	_ feature.FormUnit = (*Unit)(nil)
)

// New returns the unit with its job handler registered on cfg.Jobs.
func New(cfg Config) (*Unit, error) {
	switch {
	case cfg.Board == nil:
		return nil, errors.New("board: no BoardService")
	case cfg.Managers == nil:
		return nil, errors.New("board: no Managers")
	case cfg.Subscriptions == nil:
		return nil, errors.New("board: no SubscriptionService")
	}
	if err := cfg.Ready("board", feature.NeedTx); err != nil {
		return nil, err
	}
	cmd := *Command
	cmd.Guests = cfg.Guests
	u := &Unit{cfg: cfg, notifier: cfg.Notifier(), command: &cmd, grammar: grammar.New(&cmd)}
	var err error
	if u.digests, err = digest.New(digest.Config{Feed: intranet.FeedBoard, Command: "/board", JobKind: BoardDigestJob,
		EachNL: "elke nieuwe advertentie meteen", EachEN: "each new ad as it is put up",
		Subscriptions: cfg.Subscriptions, Jobs: cfg.Jobs, Outbox: cfg.Outbox, Tx: cfg.Tx, Location: cfg.Location, Now: cfg.Now, Collect: u.collectDigest}); err != nil {
		return nil, err
	}
	for _, j := range []struct {
		kind string
		h    intranet.JobHandler
	}{{BoardRemindJob, u.remindJob}, {BoardPublishJob, u.publishJob}} {
		if err := cfg.Jobs.HandleJobs(j.kind, j.h); err != nil {
			return nil, err
		}
	}
	return u, nil
}

// Commands returns /board, for guests where the installation lets them.
func (u *Unit) Commands() []*grammar.Command { return []*grammar.Command{u.command} }

// Handle answers a parsed /board.
func (u *Unit) Handle(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	if !u.mayRead(c) {
		return c.Reply(help.NotForGuests(c)), nil
	}
	if c.Person == nil && !c.Is("") {
		// Someone not in the phonebook reads the board (where guests
		// may) but cannot be answered: they post nothing.
		return c.Reply(help.NotForGuests(c)), nil
	}
	// The platform may say this channel is shared with another
	// organisation now: its subscriptions deliver nothing more.
	if err := u.digests.SetShared(ctx, c); err != nil {
		return intranet.Reply{}, err
	}
	id := c.Cmd.Number("id")
	switch {
	case c.Is(""):
		return u.list(ctx, c)
	case c.Is("post"):
		return u.post(ctx, c)
	case c.Is("mine"):
		return u.mine(ctx, c)
	case c.Is("search"):
		return u.search(ctx, c, c.Cmd.Text("words"))
	case c.Is("edit"):
		return u.edit(ctx, c, id)
	case c.Is("extend"):
		return u.extend(ctx, c, id)
	case c.Is("remove"):
		return u.remove(ctx, c, id, strings.TrimSpace(c.Cmd.Text("reason")))
	case c.Is("reply"):
		return u.reply(ctx, c, id, strings.TrimSpace(c.Cmd.Text("text")))
	case c.Is("report"):
		return u.report(ctx, c, id, strings.TrimSpace(c.Cmd.Text("reason")))
	case c.Is("keep"):
		return u.keep(ctx, c, id)
	case c.Is("subscribe"):
		return u.subscribe(ctx, c)
	case c.Is("subscriptions"):
		return u.subscriptions(ctx, c)
	case c.Is("unsubscribe"):
		return u.digests.Unsubscribe(ctx, c, id)
	}
	return c.Reply(c.Usage()), nil
}

// mayRead reports whether the caller sees the board: guests and people
// outside the phonebook only where the organisation lets guests.
func (u *Unit) mayRead(c *feature.Call) bool {
	return u.cfg.Guests || !c.Guest && c.Person != nil
}

// mayModerate reports whether the caller removes others' ads.
func mayModerate(c *feature.Call) bool {
	return c.Has(intranet.RoleContentManager, intranet.RoleAdmin)
}

// list answers /board [<number>] [<category>] [page:<n>].
func (u *Unit) list(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	if c.Cmd.Has("id") {
		return u.show(ctx, c, c.Cmd.Number("id"))
	}
	var cat intranet.Category
	if what := strings.TrimSpace(c.Cmd.Text("category")); what != "" {
		var ok bool
		if cat, ok = category(what); !ok {
			return c.Reply(unknownCategory(c, what)), nil
		}
	}
	page := int(c.Cmd.Number("page"))
	if page < 1 {
		page = 1
	}
	ads, err := u.cfg.Board.Ads(ctx, intranet.AdFilter{VisibleAt: u.cfg.Now(), Category: cat, Offset: (page - 1) * PageSize, Limit: PageSize + 1})
	if err != nil {
		return intranet.Reply{}, err
	}
	more := len(ads) > PageSize
	if more {
		ads = ads[:PageSize]
	}
	return u.listView(c, ads, cat, page, more), nil
}

// category reads a category by any of its names.
func category(s string) (intranet.Category, bool) {
	s = strings.Join(strings.Fields(strings.ToLower(s)), " ")
	for _, w := range categoryWords {
		if w.Is(s) {
			return intranet.Category(w.EN), true
		}
	}
	return "", false
}

// show answers /board <id>.
func (u *Unit) show(ctx context.Context, c *feature.Call, id int64) (intranet.Reply, error) {
	a, bad, err := u.find(ctx, c, id)
	if bad != "" || err != nil {
		return c.Reply(bad), err
	}
	mine := c.Person != nil && a.PosterID == c.Person.ID
	if !a.Visible(u.cfg.Now()) && !mine && !mayModerate(c) {
		return c.Reply(gone(c, a, u.cfg.Now())), nil
	}
	return u.adView(c, a), nil
}

// find finds an ad; bad is the reply for one that does not exist.
func (u *Unit) find(ctx context.Context, c *feature.Call, id int64) (*intranet.Ad, string, error) {
	a, err := u.cfg.Board.FindAdByID(ctx, id)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return nil, noAd(c, id), nil
	}
	return a, "", err
}

// mine answers /board mine.
func (u *Unit) mine(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	ads, err := u.cfg.Board.Ads(ctx, intranet.AdFilter{PosterID: c.Person.ID, Limit: 50})
	if err != nil {
		return intranet.Reply{}, err
	}
	return u.mineView(c, ads), nil
}

// search answers /board search.
func (u *Unit) search(ctx context.Context, c *feature.Call, words string) (intranet.Reply, error) {
	ads, err := u.cfg.Board.SearchAds(ctx, words, u.cfg.Now(), PageSize)
	if err != nil {
		return intranet.Reply{}, err
	}
	return u.searchView(c, words, ads), nil
}

// expiry is when an ad typed with expires: (or without: zero) expires,
// and what is wrong with it.
func (u *Unit) expiry(c *feature.Call, p *grammar.Parsed, now time.Time) (time.Time, string) {
	dt, ok := p.DateTime("expires")
	if !ok {
		return now.Add(intranet.DefaultAdExpiry), ""
	}
	at := dt.Date.AddDays(1).At(0, u.cfg.Location)
	if dt.ClockTyped {
		at = dt.Date.At(dt.Clock, u.cfg.Location)
	}
	switch {
	case !at.After(now):
		return time.Time{}, expiresPast(c)
	case at.After(now.Add(intranet.MaxAdExpiry)):
		return time.Time{}, expiresTooLate(c, u.dateText(now.Add(intranet.MaxAdExpiry), c.Lang))
	}
	return at, ""
}

func (u *Unit) dateText(t time.Time, lang string) string {
	return when.DateOf(t, u.cfg.Location).Format(lang)
}

// untilText is the last day an ad expiring at t is up: an ad typed to
// expire on a day expires at the midnight after it.
func (u *Unit) untilText(t time.Time, lang string) string {
	return u.dateText(t.Add(-time.Nanosecond), lang)
}

// sub returns a subcommand of /board by its English words.
func sub(name string) *grammar.Sub {
	for i := range Command.Subs {
		if Command.Subs[i].Name() == name {
			return &Command.Subs[i]
		}
	}
	panic("board: no subcommand " + name)
}

// usage is the right form of a subcommand, also where no command was
// parsed (a submitted form).
func usage(c *feature.Call, name string) string {
	return grammar.UsageSentence(Command, sub(name), c.Lang)
}
