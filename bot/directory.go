package main

// The directory sync: the chat's users (Slack users.list, Mattermost GET
// /api/v4/users) are linked to the phonebook by email before they first
// write, and the report names who is missing on either side. By hand with
// `werkplek directory sync slack|mattermost`, and daily at
// WERKPLEK_DIRECTORY_SYNC when that is set.

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/werkplek/werkplek/adapters/mattermost"
	"github.com/werkplek/werkplek/adapters/slack"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/when"
)

const directoryHelp = `werkplek directory sync slack|mattermost

Lists the chat's users through the platform's API and links each to the
person in the phonebook with their email, so that DMs reach them before they
ever wrote to Werkplek (guests are linked as guests). Bots and deactivated
users are skipped. Prints what it did and who is missing: chat users not in
the phonebook, and people in the phonebook not in the chat. Slack needs
SLACK_BOT_TOKEN with the scopes users:read and users:read.email; Mattermost
MATTERMOST_URL and MATTERMOST_BOT_TOKEN, with emails visible to the bot.
WERKPLEK_DIRECTORY_SYNC=03:00 runs it daily for every platform that is on.`

// directorySyncJob is the daily sync (key "directory:sync:<date>"): one job a
// day, whichever replica runs it; each run schedules the next day's.
const directorySyncJob = "directory.sync"

// syncReport is what a directory sync found.
type syncReport struct {
	Platform intranet.Platform
	// Linked are the chat users linked now; AlreadyLinked counts those
	// linked before.
	Linked        []intranet.DirectoryUser
	AlreadyLinked int
	// Unknown are members whose email is not in the phonebook; guests
	// (partners) without an entry are only counted.
	Unknown       []intranet.DirectoryUser
	UnknownGuests int
	// Left are chat users whose person left (deactivated): not linked.
	Left []intranet.DirectoryUser
	// NoEmail are users whose email the platform did not give.
	NoEmail []intranet.DirectoryUser
	// Skipped counts bots and deactivated users.
	Skipped int
	// NotInChat are the active people (not guests) no chat user is.
	NotInChat []*intranet.Person
}

// Summary is the report in one line, for the command, the log and the
// audit entry.
func (r syncReport) Summary() string {
	s := fmt.Sprintf("Directory sync %s: %d linked now, %d already linked, %s not in the phonebook, %s in the phonebook not in the chat",
		r.Platform, len(r.Linked), r.AlreadyLinked, feature.Count(len(r.Unknown), "chat user", "chat users"), feature.Count(len(r.NotInChat), "person", "people"))
	var also []string
	if len(r.Left) > 0 {
		also = append(also, feature.Count(len(r.Left), "chat user who left the phonebook", "chat users who left the phonebook"))
	}
	if len(r.NoEmail) > 0 {
		also = append(also, feature.Count(len(r.NoEmail), "chat user without a visible email", "chat users without a visible email"))
	}
	if r.UnknownGuests > 0 {
		also = append(also, feature.Count(r.UnknownGuests, "guest not in the phonebook", "guests not in the phonebook"))
	}
	if r.Skipped > 0 {
		also = append(also, feature.Count(r.Skipped, "bot or deactivated user skipped", "bots or deactivated users skipped"))
	}
	if len(also) > 0 {
		s += "; " + strings.Join(also, ", ")
	}
	return s + "."
}

// write prints the report: the summary, then who is in each list.
func (r syncReport) write(w io.Writer) {
	fmt.Fprintln(w, r.Summary())
	users := func(title string, us []intranet.DirectoryUser) {
		if len(us) == 0 {
			return
		}
		fmt.Fprintf(w, "\n%s (%d):\n", title, len(us))
		for _, u := range us {
			email := u.Email
			if email == "" {
				email = "no email"
			}
			fmt.Fprintf(w, "  %s <%s> (%s)\n", u.Name, email, u.ID)
		}
	}
	users("Linked now", r.Linked)
	users("Chat users not in the phonebook", r.Unknown)
	users("Chat users who left the phonebook (not linked)", r.Left)
	users("Chat users without a visible email (cannot be matched)", r.NoEmail)
	if len(r.NotInChat) > 0 {
		fmt.Fprintf(w, "\nIn the phonebook, not in the chat (%d):\n", len(r.NotInChat))
		for _, p := range r.NotInChat {
			fmt.Fprintf(w, "  %s <%s>\n", p.Name, p.Email)
		}
	}
}

// syncDirectory lists the platform's users and links each active member
// or guest whose email is in the phonebook (through the router's Link,
// as an installation's users are linked on first contact).
func (m *Main) syncDirectory(ctx context.Context, platform intranet.Platform, lister intranet.DirectoryLister) (syncReport, error) {
	r := syncReport{Platform: platform}
	users, err := lister.ListUsers(ctx)
	if err != nil {
		return r, fmt.Errorf("list the %s users: %w", platform, err)
	}
	people, err := m.Store.ActivePeople(ctx)
	if err != nil {
		return r, err
	}
	byEmail := map[string]*intranet.Person{}
	for _, p := range people {
		byEmail[strings.ToLower(p.Email)] = p
	}
	inChat := map[int64]bool{}
	link := map[string][]intranet.User{} // by installation
	var installations []string
	for _, u := range users {
		if u.Bot || u.Deactivated || u.ID == "" {
			r.Skipped++
			continue
		}
		acct, err := m.Store.FindAccount(ctx, platform, u.Installation, u.ID)
		if err == nil {
			r.AlreadyLinked++
			inChat[acct.PersonID] = true
			continue
		} else if intranet.ErrorCode(err) != intranet.ENOTFOUND {
			return r, err
		}
		email := strings.ToLower(strings.TrimSpace(u.Email))
		if email == "" {
			r.NoEmail = append(r.NoEmail, u)
			continue
		}
		p := byEmail[email]
		if p == nil {
			switch _, err := m.Store.FindPersonByEmail(ctx, email); {
			case err == nil:
				r.Left = append(r.Left, u) // in the phonebook, but not active
			case intranet.ErrorCode(err) != intranet.ENOTFOUND:
				return r, err
			case u.Guest:
				r.UnknownGuests++
			default:
				r.Unknown = append(r.Unknown, u)
			}
			continue
		}
		inChat[p.ID] = true
		u.Email = email
		if _, ok := link[u.Installation]; !ok {
			installations = append(installations, u.Installation)
		}
		link[u.Installation] = append(link[u.Installation], u.User)
		r.Linked = append(r.Linked, u)
	}
	for _, inst := range installations {
		if err := m.Router.Link(ctx, platform, inst, link[inst]); err != nil {
			return r, fmt.Errorf("link the %s users: %w", platform, err)
		}
	}
	for _, p := range people {
		if !inChat[p.ID] && !p.IsGuest() {
			r.NotInChat = append(r.NotInChat, p)
		}
	}
	return r, nil
}

// auditSync records a sync in the audit log.
func (m *Main) auditSync(ctx context.Context, actor string, r syncReport) error {
	err := m.Store.Audit(ctx, intranet.AuditEntry{Actor: actor, Platform: actor, Action: "directory sync " + string(r.Platform), Subject: string(r.Platform), Detail: r.Summary()})
	if err != nil {
		return fmt.Errorf("audit the directory sync: %w", err)
	}
	return nil
}

// directoryCommand runs `werkplek directory sync slack|mattermost`.
func (m *Main) directoryCommand(ctx context.Context, args []string) error {
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
		fmt.Fprintln(m.Stdout, directoryHelp)
		return nil
	}
	if len(args) == 0 || args[0] != "sync" {
		if isCommand(args) {
			return unknownCommand("directory", args[0], []string{"sync"}, directoryHelp)
		}
		return &exitError{code: 2, msg: "werkplek directory: use werkplek directory sync slack|mattermost\n\n" + directoryHelp}
	}
	fs := m.flags("directory sync", directoryHelp)
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return &exitError{code: 2, msg: "werkplek directory sync: name the platform: slack or mattermost"}
	}
	platform := intranet.Platform(strings.ToLower(fs.Arg(0)))
	if platform != intranet.PlatformSlack && platform != intranet.PlatformMattermost {
		return &exitError{code: 2, msg: fmt.Sprintf("werkplek directory sync: %q is not slack or mattermost (Teams tells Werkplek its users when the app is installed)", fs.Arg(0))}
	}
	if err := m.open(ctx); err != nil {
		return err
	}
	lister, err := m.newLister(platform)
	if err != nil {
		return err
	}
	if c, ok := lister.(io.Closer); ok {
		defer c.Close()
	}
	r, err := m.syncDirectory(ctx, platform, lister)
	if err != nil {
		return err
	}
	r.write(m.Stdout)
	return m.auditSync(ctx, "cli", r)
}

// newLister builds the platform's adapter for the command line, only to
// list its users.
func (m *Main) newLister(platform intranet.Platform) (intranet.DirectoryLister, error) {
	c := m.Config
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	switch platform {
	case intranet.PlatformSlack:
		if c.SlackBotToken == "" {
			return nil, &exitError{code: 1, msg: "werkplek directory sync slack: set SLACK_BOT_TOKEN (scopes users:read and users:read.email)"}
		}
		secret := c.SlackSigningSecret
		if secret == "" && c.SlackAppToken == "" {
			secret = "unused" // no callbacks are served: only the Web API is asked
		}
		a, err := slack.New(slack.Config{SigningSecret: secret, BotToken: c.SlackBotToken, AppToken: c.SlackAppToken, APIURL: c.SlackAPIURL, PublicURL: c.PublicURL},
			m.Router, m.Store, quiet)
		if err != nil {
			return nil, fmt.Errorf("slack: %w", err)
		}
		return a, nil
	default:
		if !c.MattermostOn() {
			return nil, &exitError{code: 1, msg: "werkplek directory sync mattermost: set MATTERMOST_URL and MATTERMOST_BOT_TOKEN"}
		}
		a, err := mattermost.New(mattermost.Config{URL: c.MattermostURL, BotToken: c.MattermostBotToken, PublicURL: c.PublicURL, Secret: []byte(c.Secret),
			Language: c.Language}, m.Router, m.Store, m.Store, quiet)
		if err != nil {
			return nil, fmt.Errorf("mattermost: %w", err)
		}
		return a, nil
	}
}

// registerDirectorySync registers the daily sync's handler; serve
// schedules it when WERKPLEK_DIRECTORY_SYNC is set.
func (m *Main) registerDirectorySync() error {
	return m.Jobs.HandleJobs(directorySyncJob, m.directorySyncJob)
}

// scheduleDirectorySync schedules the next daily sync: today's while its
// time has not come, else tomorrow's. Scheduling it again at every start
// changes nothing (one job per day's key and due).
func (m *Main) scheduleDirectorySync(ctx context.Context, now time.Time) error {
	at, on := m.Config.DirectorySyncAt, m.Config.DirectorySync
	if !on {
		return nil
	}
	loc := m.location()
	day := when.DateOf(now, loc)
	if !day.At(at, loc).After(now) {
		day = day.AddDays(1)
	}
	return m.Jobs.Schedule(ctx, directorySyncJob, "directory:sync:"+day.String(), day.At(at, loc), nil)
}

// directorySyncJob syncs every platform that is on and lists its users,
// logs each report and records it in the audit log, and schedules the
// next day's. A platform that fails is logged and the others go on; the
// job fails (and is retried) only when the store does.
func (m *Main) directorySyncJob(ctx context.Context, j intranet.Job) error {
	if !m.Config.DirectorySync {
		return nil
	}
	next := j.Due.Add(time.Minute) // past today's time: tomorrow's
	if now := time.Now(); now.After(next) {
		next = now
	}
	if err := m.scheduleDirectorySync(ctx, next); err != nil {
		return err
	}
	log := m.Log.With("job", directorySyncJob)
	for _, p := range []intranet.Platform{intranet.PlatformSlack, intranet.PlatformMattermost} {
		lister, ok := m.Platforms.Directory(p).(intranet.DirectoryLister)
		if !ok {
			continue
		}
		r, err := m.syncDirectory(ctx, p, lister)
		if err != nil {
			log.Warn("directory sync failed", "platform", string(p), "err", err)
			continue
		}
		log.Info("directory sync", "platform", string(p), "linked", len(r.Linked), "already_linked", r.AlreadyLinked,
			"not_in_phonebook", len(r.Unknown), "not_in_chat", len(r.NotInChat), "left", len(r.Left), "no_email", len(r.NoEmail))
		if err := m.auditSync(ctx, "job", r); err != nil {
			return err
		}
	}
	return nil
}
