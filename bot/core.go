package main

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/werkplek/werkplek/adapters/console"
	"github.com/werkplek/werkplek/adapters/webhook"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/feature/board"
	"github.com/werkplek/werkplek/intranet/feature/directory"
	"github.com/werkplek/werkplek/intranet/feature/handover"
	"github.com/werkplek/werkplek/intranet/feature/help"
	"github.com/werkplek/werkplek/intranet/feature/home"
	"github.com/werkplek/werkplek/intranet/feature/hours"
	"github.com/werkplek/werkplek/intranet/feature/news"
	"github.com/werkplek/werkplek/intranet/feature/partners"
	"github.com/werkplek/werkplek/intranet/feature/phonebook"
	"github.com/werkplek/werkplek/intranet/feature/profile"
	"github.com/werkplek/werkplek/intranet/feature/questions"
	"github.com/werkplek/werkplek/intranet/feature/rooms"
	"github.com/werkplek/werkplek/intranet/feature/teams"
	"github.com/werkplek/werkplek/intranet/grammar"
	"github.com/werkplek/werkplek/intranet/jobs"
	"github.com/werkplek/werkplek/intranet/router"
	"github.com/werkplek/werkplek/intranet/store"
)

// Units are the features of the core, built once in open with everything
// they need.
type Units struct {
	Phonebook *phonebook.Unit
	// Profile is /profile, and /werkplek privacy through the help unit.
	Profile   *profile.Unit
	Rooms     *rooms.Unit
	Teams     *teams.Unit
	Handover  *handover.Unit
	News      *news.Unit
	Questions *questions.Unit
	Board     *board.Unit
	Hours     *hours.Unit
	// Partners is /partner: the partner organisations (the extranet).
	Partners *partners.Unit
	// Home is the front door: /werkplek home, web and usage (through the
	// help unit, which the router builds).
	Home *home.Unit
	// Directory deactivates and activates people and changes roles
	// (through the help unit's /werkplek person and role), for the chat,
	// the full import and the identity provider alike.
	Directory *directory.Unit
	// Departures records gone installations and tells the admins (no unit:
	// it has no commands, but is built from the same Env).
	Departures *feature.Departures
}

// list returns the units in the order help lists them.
func (u *Units) list() []feature.Unit {
	return []feature.Unit{u.Phonebook, u.Profile, u.Rooms, u.Teams, u.Handover, u.News, u.Questions, u.Board, u.Hours, u.Partners}
}

// Grammar is every command Werkplek answers, in the order of the units
// (and of help): what the manifests are made from, without a database.
func Grammar() *grammar.Grammar {
	return grammar.New(phonebook.Command, profile.Command, rooms.Command, teams.Command, handover.Command, news.Command, news.Follow, news.Unfollow,
		questions.Ask, questions.Answer, questions.KB, board.Command, hours.Hours, hours.Km, partners.Command, help.Command)
}

// open connects to the database and builds the core with everything it
// needs, once: the job runner and the outbox, every unit (each registers
// its job kinds), and the router over them. What exists only once the
// adapters are up (posters, directories) the units find in m.Platforms,
// which serve fills before it serves.
func (m *Main) open(ctx context.Context) error {
	if _, err := m.mileageRate(); err != nil {
		return err
	}
	s, err := store.Open(ctx, m.Config.DatabaseURL)
	if err != nil {
		return &exitError{code: 1, msg: "werkplek: " + err.Error()}
	}
	m.Store = s
	m.Platforms = newPlatforms(s, s, m.Log.With("component", "webhook"))
	r, err := jobs.New(ctx, jobs.Config{Store: s, Log: m.Log.With("component", "jobs"), Observe: m.observe, ID: m.jobsID(),
		Retention: time.Duration(m.Config.RetentionDays) * 24 * time.Hour, DeliveryMaxWait: m.Config.RetryMaxWait,
		JobTimeout: m.Config.JobTimeout, RescueAfter: m.Config.JobRescueAfter, Workers: m.Config.JobWorkers})
	if err != nil {
		return fmt.Errorf("job runner: %w", err)
	}
	// Nothing is sent to an installation that is gone: not by the outbox,
	// not on a DM's choice of account, not by a card's refresh.
	gone := feature.NewInstallations(s, nil)
	recipients := feature.Recipients{People: s, Accounts: s, Platforms: m.Platforms, Installations: gone, Order: m.dmPlatforms(), Language: m.Config.Language}
	o, err := jobs.NewOutbox(r, m.Platforms.Poster, recipients, gone)
	if err != nil {
		return err
	}
	m.Jobs, m.Outbox = r, o
	// Events reach the webhook endpoints through the outbox.
	if m.Events, err = feature.NewEvents(s, o, s); err != nil {
		return err
	}
	if err := m.buildUnits(gone); err != nil {
		return err
	}
	if err := m.registerDirectorySync(); err != nil {
		return err
	}
	cfg := router.Config{People: s, Accounts: s, Platforms: m.Platforms, Decisions: s, Partners: s,
		Language: m.Config.Language, Location: m.location(), Quiet: m.Config.QuietHours, Units: m.Units.list(), Departures: m.Units.Departures,
		Door: m.Units.Home, Privacy: m.Units.Profile, Directory: m.Units.Directory, Audit: s, Log: m.Log}
	m.Usage = feature.NewUsage(s, nil)
	cfg.Usage = m.Usage
	m.Router = router.New(cfg)
	return nil
}

// countUsage flushes the router's counts of use to the store every
// minute, until the returned function is called, which flushes them once
// more and waits for that. serve calls it once its requests are finished,
// console when it ends, so that a stopping process loses no count.
func (m *Main) countUsage(ctx context.Context) (stop func()) {
	if m.Usage == nil {
		return func() {}
	}
	ctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	done := make(chan struct{})
	log := m.Log.With("component", "usage")
	go func() {
		defer close(done)
		m.Usage.Run(ctx, time.Minute, func(err error) { log.Warn("usage: flush", "err", err) })
	}()
	return func() {
		cancel()
		<-done
	}
}

// dmPlatforms is where someone who never wrote is looked for by email:
// WERKPLEK_DM_PLATFORMS, and on a trial without any chat platform the
// console, where everyone's identity is their email.
func (m *Main) dmPlatforms() []intranet.Platform {
	c := m.Config
	if !c.SlackOn() && !c.MattermostOn() && !c.TeamsOn() {
		return append(append([]intranet.Platform(nil), c.DMPlatforms...), intranet.PlatformConsole)
	}
	return c.DMPlatforms
}

func (m *Main) location() *time.Location {
	if m.Config.Location != nil {
		return m.Config.Location
	}
	return time.UTC
}

// buildUnits makes every unit over the store, the job runner and the outbox:
// the units that message people and schedule work share one feature.Env,
// and in it the one refresh job of posted cards (feature.Cards), which
// skips the installations gone says are gone.
func (m *Main) buildUnits(gone *feature.Installations) error {
	s := m.Store
	handoverHours, err := m.hoursSetting("WERKPLEK_HANDOVER_REMINDER_HOURS", DefaultHandoverReminderHours, 0, 24*7, "of hours from 0 (no reminder) to 168")
	if err != nil {
		return err
	}
	newsHours, err := m.hoursSetting("WERKPLEK_NEWS_REMINDER_HOURS", DefaultNewsReminderHours, 0, 24*14, "of hours from 0 (no reminders) to 336")
	if err != nil {
		return err
	}
	escalateHours, err := m.hoursSetting("WERKPLEK_QUESTION_ESCALATE_HOURS", questions.DefaultEscalateHours, 1, 80, "of working hours from 1 to 80")
	if err != nil {
		return err
	}
	boardGuests, err := m.onOffSetting("WERKPLEK_BOARD_GUESTS", false)
	if err != nil {
		return err
	}
	cards, err := feature.NewCards(m.Jobs)
	if err != nil {
		return err
	}
	env := feature.Env{People: s, Accounts: s, Platforms: m.Platforms, Installations: gone, Jobs: m.Jobs, Outbox: m.Outbox, Cards: cards, Tx: s, Quiet: m.Config.QuietHours,
		Location: m.location(), Language: m.Config.Language}
	u := &Units{Phonebook: phonebook.New(phonebook.Config{People: s, PublicURL: m.Config.PublicURL, Teams: s,
		MobileDefault: m.Config.PrivacyMobile, Location: m.location(), Partners: s, PartnerFields: m.Config.PartnerFields})}
	if u.Profile, err = profile.New(profile.Config{People: s, Profiles: s, Phonebook: u.Phonebook, MobileDefault: m.Config.PrivacyMobile,
		Quiet: m.Config.QuietHours, Location: m.location()}); err != nil {
		return err
	}
	if u.Rooms, err = rooms.New(rooms.Config{Env: env, Rooms: s, Shifts: s, Partners: s, PublicURL: m.Config.PublicURL}); err != nil {
		return err
	}
	if u.Teams, err = teams.New(teams.Config{Teams: s, People: s, Accounts: s}); err != nil {
		return err
	}
	if u.Handover, err = handover.New(handover.Config{Env: env, Teams: s, Handovers: s,
		ReminderBefore: time.Duration(handoverHours) * time.Hour}); err != nil {
		return err
	}
	if u.News, err = news.New(news.Config{Env: env, News: s, Subscriptions: s, Teams: s, Comments: s,
		Partners:      s,
		ReminderAfter: time.Duration(newsHours) * time.Hour, PublicURL: m.Config.PublicURL}); err != nil {
		return err
	}
	if u.Questions, err = questions.New(questions.Config{Env: env, Topics: s, Questions: s, EscalateHours: escalateHours, Partners: s}); err != nil {
		return err
	}
	if u.Board, err = board.New(board.Config{Env: env, Board: s, Subscriptions: s, Managers: s, Guests: boardGuests}); err != nil {
		return err
	}
	rate, err := m.mileageRate()
	if err != nil {
		return err
	}
	if u.Hours, err = hours.New(hours.Config{Env: env, Timesheets: s, Teams: s, Admins: s, Downloads: s, Events: m.Events, State: s,
		Rate: rate, PublicURL: m.Config.PublicURL}); err != nil {
		return err
	}
	if u.Partners, err = partners.New(partners.Config{Partners: s, People: s, Accounts: s, Roles: s, Tx: s, Fields: m.Config.PartnerFields}); err != nil {
		return err
	}
	// The home is made of the units' parts, in this order.
	parts := []home.Part{u.News, u.Rooms, u.Handover, u.Questions, u.Hours, u.Board}
	if u.Home, err = home.New(home.Config{Env: env, Web: s, Usage: s, Audit: s, Tokens: s, Webhooks: s, PublicURL: m.Config.PublicURL, Parts: parts}); err != nil {
		return err
	}
	if u.Directory, err = directory.New(directory.Config{Env: env, Store: s, Audit: s, Handovers: s, Teams: s,
		Bookings: u.Rooms, Questions: u.Questions}); err != nil {
		return err
	}
	if u.Departures, err = feature.NewDepartures(feature.DeparturesConfig{Env: env, Installations: gone, State: s, Admins: s}); err != nil {
		return err
	}
	m.Units = u
	return nil
}

// hoursSetting reads a setting that is a whole number of hours from lo to
// hi; what says so in the message for any other value.
func (m *Main) hoursSetting(name string, def, lo, hi int, what string) (int, error) {
	v := strings.TrimSpace(m.Getenv(name))
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, &exitError{code: 1, msg: fmt.Sprintf("werkplek: %s: %q is not a number %s", name, v, what)}
	}
	return n, nil
}

// onOffSetting reads a setting that is on or off (on, off, aan, uit; any
// case), def when it is unset.
func (m *Main) onOffSetting(name string, def bool) (bool, error) {
	switch v := strings.ToLower(strings.TrimSpace(m.Getenv(name))); v {
	case "":
		return def, nil
	case "on", "aan":
		return true, nil
	case "off", "uit":
		return false, nil
	default:
		return false, &exitError{code: 1, msg: fmt.Sprintf("werkplek: %s: %q is not on or off (aan or uit)", name, v)}
	}
}

// platforms is the registry of what exists only once the adapters are up:
// each platform's poster and directory. serve fills it once, before it
// serves; the console platform's mailbox poster is always there, so console
// and demo show cards and DMs, and so is the webhook poster, so that every
// process that works the jobs posts events to the webhook endpoints.
type platforms struct {
	mu      sync.RWMutex
	posters map[intranet.Platform]intranet.Poster
	dirs    map[intranet.Platform]intranet.Directory
}

var _ feature.Platforms = (*platforms)(nil)

func newPlatforms(mailbox intranet.Mailbox, hooks intranet.WebhookService, log *slog.Logger) *platforms {
	return &platforms{
		posters: map[intranet.Platform]intranet.Poster{
			intranet.PlatformConsole: &console.Poster{Mailbox: mailbox},
			intranet.PlatformWebhook: webhook.New(hooks, log),
		},
		dirs: map[intranet.Platform]intranet.Directory{},
	}
}

// Poster returns a platform's poster, nil when the platform is off.
func (p *platforms) Poster(pl intranet.Platform) intranet.Poster {
	p.mu.RLock()
	defer p.mu.RUnlock()
	return p.posters[pl]
}

// Directory returns a platform's directory, nil when it has none.
func (p *platforms) Directory(pl intranet.Platform) intranet.Directory {
	p.mu.RLock()
	defer p.mu.RUnlock()
	return p.dirs[pl]
}

// add registers a platform that is on.
func (p *platforms) add(pl intranet.Platform, poster intranet.Poster, dir intranet.Directory) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.posters[pl] = poster
	if dir != nil {
		p.dirs[pl] = dir
	}
}
