// Package news is the news unit: /news reads, publishes and subscribes
// channels and people to company news (each item at once or a digest at a
// time of day), /follow and /unfollow send a colleague's, department's or
// topic's new items by direct message, and important items ask their
// readers to confirm with Read, with reminders for those who did not.
//
// Deliveries are jobs: an item's publication job (immediate subscriptions
// and followers), one job per digest period, and the reminders of an
// important item. Channel posts and digests go through the outbox to the
// subscription's destination; DMs to people through feature.Notifier.
package news

import (
	"context"
	"errors"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/feature/digest"
	"github.com/werkplek/werkplek/intranet/grammar"
	"github.com/werkplek/werkplek/intranet/phonebook"
	"github.com/werkplek/werkplek/intranet/when"
)

// Config is what the unit needs. Its Env's Accounts (required) find the
// person behind a mention (`from:<@U1>`, `/follow <@U1>`); its Jobs run the
// publication, digest and reminder jobs; its Tx, when set, writes a change
// together with its jobs and messages; its Location is the zone digest
// times and publication dates are typed and shown in.
type Config struct {
	feature.Env
	News          intranet.NewsService
	Subscriptions intranet.SubscriptionService
	// Comments keeps readers' comments on items and their authors' daily
	// summaries.
	Comments intranet.CommentService
	// Teams tell which department's team a channel is linked to: a
	// channel gets that department's items (audience.go).
	Teams intranet.TeamService
	// Partners finds the partner organisation of partner:<organisation>.
	Partners intranet.PartnerService
	// ReminderAfter is how long after an important item's publication those
	// who have not confirmed it get a DM, and again as long after that, at
	// most NewsReminders times (WERKPLEK_NEWS_REMINDER_HOURS; 0: none).
	ReminderAfter time.Duration
	// PublicURL is WERKPLEK_PUBLIC_URL, where the web's pages are (the
	// read statistics' CSV is downloaded from there).
	PublicURL string
}

// Unit answers /news, /follow and /unfollow and runs the news jobs.
type Unit struct {
	cfg      Config
	notifier feature.Notifier
	// digests runs the subscriptions to news: digest jobs, claims,
	// unsubscribing.
	digests *digest.Digests
	// grammar reads the publishing form's fields as the typed command.
	grammar *grammar.Grammar
}

var (
	_ feature.Unit     = (*Unit)(nil)
	_ feature.FormUnit = (*Unit)(nil)
)

// New returns the unit with its job handlers registered on cfg.Jobs.
func New(cfg Config) (*Unit, error) {
	switch {
	case cfg.News == nil:
		return nil, errors.New("news: no NewsService")
	case cfg.Subscriptions == nil:
		return nil, errors.New("news: no SubscriptionService")
	case cfg.Teams == nil:
		return nil, errors.New("news: no TeamService")
	case cfg.Comments == nil:
		return nil, errors.New("news: no CommentService")
	case cfg.Partners == nil:
		return nil, errors.New("news: no PartnerService")
	case cfg.ReminderAfter < 0:
		return nil, errors.New("news: ReminderAfter is negative")
	}
	if err := cfg.Ready("news", feature.NeedAccounts); err != nil {
		return nil, err
	}
	u := &Unit{cfg: cfg, grammar: grammar.New(Command), notifier: cfg.Notifier()}
	var err error
	if u.digests, err = digest.New(digest.Config{Feed: intranet.FeedNews, Command: "/news", JobKind: NewsDigestJob,
		EachNL: "elk bericht zodra het verschijnt", EachEN: "each item as it appears",
		Subscriptions: cfg.Subscriptions, Jobs: cfg.Jobs, Outbox: cfg.Outbox, Tx: cfg.Tx, Location: cfg.Location, Now: cfg.Now, Collect: u.collectDigest}); err != nil {
		return nil, err
	}
	for _, j := range []struct {
		kind string
		h    intranet.JobHandler
	}{{NewsPublishJob, u.publishJob}, {NewsRemindJob, u.remindJob}, {NewsCommentsJob, u.commentsJob}} {
		if err := cfg.Jobs.HandleJobs(j.kind, j.h); err != nil {
			return nil, err
		}
	}
	return u, nil
}

// Commands returns /news, /follow and /unfollow.
func (u *Unit) Commands() []*grammar.Command {
	return []*grammar.Command{Command, Follow, Unfollow}
}

// Handle answers a parsed /news, /follow or /unfollow.
func (u *Unit) Handle(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	switch c.Cmd.Command {
	case Follow:
		if c.Is("list") {
			return u.follows(ctx, c)
		}
		return u.follow(ctx, c, true)
	case Unfollow:
		return u.follow(ctx, c, false)
	}
	// The platform may say this channel is shared with another
	// organisation now: its subscriptions deliver only the items for
	// every partner from now on.
	if err := u.digests.SetShared(ctx, c); err != nil {
		return intranet.Reply{}, err
	}
	id := c.Cmd.Number("id")
	switch {
	case c.Is(""):
		if c.Cmd.Has("id") {
			return u.show(ctx, c, id)
		}
		return u.latest(ctx, c)
	case c.Is("show"):
		return u.show(ctx, c, id)
	case c.Is("read"):
		return u.read(ctx, c, id)
	case c.Is("post"):
		return u.post(ctx, c)
	case c.Is("edit"):
		return u.edit(ctx, c, id)
	case c.Is("withdraw"):
		return u.withdraw(ctx, c, id)
	case c.Is("comment"):
		return u.Comment(ctx, c, id, c.Cmd.Text("text"))
	case c.Is("comments"):
		return u.comments(ctx, c, id, int(c.Cmd.Number("page")))
	case c.Is("comment remove"):
		return u.uncomment(ctx, c, id, c.Cmd.Text("reason"))
	case c.Is("stats"):
		if c.Cmd.Has("csv") {
			return u.statsCSV(ctx, c, id)
		}
		return u.stats(ctx, c, id)
	case c.Is("subscribe"):
		return u.subscribe(ctx, c)
	case c.Is("subscriptions"):
		return u.subscriptions(ctx, c)
	case c.Is("unsubscribe"):
		return u.unsubscribe(ctx, c, id)
	}
	return c.Reply(c.Usage()), nil
}

// mayPublish reports whether the caller publishes, edits and withdraws news.
func mayPublish(c *feature.Call) bool {
	return c.Has(intranet.RoleContentManager, intranet.RoleAdmin)
}

// instant is the moment a typed date and time mean: a date alone is the
// start of that day, or with endOfDay the midnight after it.
func (u *Unit) instant(dt when.DateTime, endOfDay bool) time.Time {
	switch {
	case dt.ClockTyped:
		return dt.Date.At(dt.Clock, u.cfg.Location)
	case endOfDay:
		return dt.Date.AddDays(1).At(0, u.cfg.Location)
	}
	return dt.Date.At(0, u.cfg.Location)
}

// findTopic finds a known topic by name. For a new item an unknown topic
// is made (a known one keeps its authors' spelling); for a filter it must
// exist. problem says what is wrong, in the caller's language.
func (u *Unit) findTopic(ctx context.Context, c *feature.Call, name string, mustExist bool) (topic, problem string, err error) {
	all, err := u.cfg.News.NewsTopics(ctx)
	if err != nil {
		return "", "", err
	}
	for _, t := range all {
		if phonebook.Key(t) == phonebook.Key(name) {
			return t, "", nil
		}
	}
	switch {
	case !mustExist:
		return name, "", nil
	case len(all) == 0:
		return "", noTopicsYet(c), nil
	}
	return "", unknownTopic(c, name, all), nil
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
