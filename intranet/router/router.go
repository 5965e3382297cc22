// Package router is the core's front door: it finds out who is asking (and
// links their platform account to the phonebook on first contact), picks
// the reply language, reads the command with the one grammar and hands it
// to the unit that declared it. It implements intranet.Core for every
// adapter at once. The features themselves live in package feature's units.
package router

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/feature/help"
	"github.com/werkplek/werkplek/intranet/grammar"
	"github.com/werkplek/werkplek/intranet/when"
)

var (
	_ intranet.Core       = (*Router)(nil)
	_ intranet.Departures = (*Router)(nil)
)

// Config is what the router needs.
type Config struct {
	People   intranet.PersonService
	Accounts intranet.AccountService
	// Platforms gives each platform's directory, to ask who an unlinked
	// user is (their email) on first contact.
	Platforms feature.Platforms
	// Partners finds the partner organisation of an unknown account's
	// email domain on first contact (nil: no partners, as before).
	Partners intranet.PartnerService
	// Decisions keeps the commands of buttons too long to carry them.
	Decisions intranet.DecisionService
	// Language is WERKPLEK_LANGUAGE: the reply language when neither the
	// person nor their chat client says otherwise ("nl" or "en").
	Language string
	// Location is WERKPLEK_TIMEZONE, in which "today" and typed dates are read.
	Location *time.Location
	// Now is the clock (default time.Now).
	Now func() time.Time
	// Quiet is WERKPLEK_QUIET_HOURS, shown by /werkplek quiet.
	Quiet string
	// Departures records gone installations and tells the admins; the
	// router passes the adapters' reports on and brings an installation
	// back when a request comes from it. nil: no adapter's report is kept.
	Departures *feature.Departures
	// Units are the features, in the order help lists them; the help and
	// language unit is added by New.
	Units []feature.Unit
	// Door answers /werkplek web, home and usage for the help unit (nil:
	// this Werkplek has none).
	Door help.Door
	// Privacy answers /werkplek privacy for the help unit (the profile
	// unit; nil: none).
	Privacy help.Privacy
	// Directory answers the admins' /werkplek person and role for the help
	// unit (nil: this Werkplek has none).
	Directory help.Directory
	// Usage counts each command by its feature and platform (nil: none
	// is counted).
	Usage Counter
	// Audit keeps the audit log of admin and content-manager actions (nil:
	// nothing is recorded); see audit.go.
	Audit intranet.AuditService
	// Log receives what the router cannot tell the caller: an audit entry
	// it failed to write (default slog.Default()).
	Log *slog.Logger
	// FirstAnswer bounds the database's first answer of a request (who is
	// asking; default DefaultFirstAnswer): a database that does not answer
	// in that time gets the person a "try again in a moment" while the
	// platform still waits for an answer (Slack 3 s), instead of a reply
	// that never comes. What follows once the database has answered is not
	// bounded here: a command may take longer and answer late.
	FirstAnswer time.Duration
}

// DefaultFirstAnswer is Config.FirstAnswer's default: within Slack's 3 s,
// with room for the adapter's own work and the answer's way back.
const DefaultFirstAnswer = 2 * time.Second

// Counter counts the use of features. It is called on every request, so
// it keeps counts in memory (feature.Usage).
type Counter interface {
	// Count counts one use of feature (a command's English word) on p.
	Count(feature string, p intranet.Platform)
}

// Router answers requests from every platform.
type Router struct {
	cfg     Config
	grammar *grammar.Grammar
	help    *help.Unit
	units   map[*grammar.Command]feature.Unit
	// commands is Commands(grammar), described once: the adapters and the
	// metrics ask for it on every request, and its hints take a while.
	commands []intranet.Command
}

// New returns a router over the units.
func New(cfg Config) *Router {
	if cfg.Language != "en" {
		cfg.Language = "nl"
	}
	if cfg.Location == nil {
		cfg.Location = time.UTC
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	if cfg.FirstAnswer <= 0 {
		cfg.FirstAnswer = DefaultFirstAnswer
	}
	r := &Router{cfg: cfg, units: map[*grammar.Command]feature.Unit{}}
	var cmds []*grammar.Command
	for _, u := range cfg.Units {
		for _, c := range u.Commands() {
			cmds = append(cmds, c)
			r.units[c] = u
		}
	}
	cmds = append(cmds, help.Command)
	r.grammar = grammar.New(cmds...)
	r.help = help.New(help.Config{People: cfg.People, Grammar: r.grammar, Quiet: cfg.Quiet, Door: cfg.Door, Privacy: cfg.Privacy, Directory: cfg.Directory})
	r.units[help.Command] = r.help
	r.commands = Commands(r.grammar)
	return r
}

// Grammar returns every command the router answers.
func (r *Router) Grammar() *grammar.Grammar { return r.grammar }

// Commands returns the slash commands, in a stable order, for the
// platforms' manifests and registrations.
func (r *Router) Commands() []intranet.Command { return slices.Clone(r.commands) }

// Commands describes a grammar's commands for the adapters.
func Commands(g *grammar.Grammar) []intranet.Command {
	out := make([]intranet.Command, 0, len(g.Commands))
	for _, c := range g.Commands {
		out = append(out, intranet.Command{Name: c.Word.EN, Aliases: c.Word.Aliases,
			Hint: grammar.Hint(c, "en"), HintNL: grammar.Hint(c, "nl"), Summary: c.Summary, SummaryNL: c.SummaryNL, Teams: c.Teams})
	}
	return out
}

// Handle answers a request; see intranet.Core.
func (r *Router) Handle(ctx context.Context, req intranet.Request) (intranet.Reply, error) {
	c := &feature.Call{Req: req, Lang: r.cfg.Language}
	if intranet.IsDutch(req.User.Locale) {
		c.Lang = "nl"
	}
	person, guest, welcome, err := r.arrive(ctx, req)
	if err != nil {
		return r.failure(c, err)
	}
	c.Person, c.Guest = person, guest
	if person != nil && person.Language != "" {
		c.Lang = person.Language
	}
	reply, err := r.dispatch(ctx, c, 0)
	if err != nil {
		if code := intranet.ErrorCode(err); code != intranet.EINTERNAL && code != intranet.EUNAVAILABLE {
			// A coded error the unit did not phrase itself: say it plainly.
			return c.Reply(intranet.ErrorMessage(err)), nil
		}
		return r.failure(c, err)
	}
	if reply.Lang == "" {
		reply.Lang = c.Lang
	}
	if welcome {
		// Their first word to Werkplek linked them: say so, and what now.
		reply.Context = append(reply.Context, c.T("Welkom bij Werkplek! Je account is gekoppeld als partner van %s. Typ `/werkplek help` voor wat je hier kunt.",
			"Welcome to Werkplek! Your account is linked as a partner of %s. Type `/werkplek help` for what you can do here.", person.Organisation))
	}
	return reply, nil
}

// arrive brings a gone installation back when a request comes from it and
// finds out who is asking: the first words with the database, which must
// come within FirstAnswer. A deadline that ran out there (and not the
// caller's own) means the database cannot be reached.
func (r *Router) arrive(ctx context.Context, req intranet.Request) (p *intranet.Person, guest, welcome bool, err error) {
	fctx, cancel := context.WithTimeout(ctx, r.cfg.FirstAnswer)
	defer cancel()
	defer func() {
		if err != nil && fctx.Err() != nil && ctx.Err() == nil && intranet.ErrorCode(err) != intranet.EUNAVAILABLE {
			err = fmt.Errorf("%w: no answer within %s: %w", intranet.Errorf(intranet.EUNAVAILABLE, "The database cannot be reached."), r.cfg.FirstAnswer, err)
		}
	}()
	if r.cfg.Departures != nil {
		if err := r.cfg.Departures.Arrived(fctx, req.Platform, req.Installation); err != nil {
			return nil, false, false, err
		}
	}
	return r.identify(fctx, req)
}

// InstallationGone records that an installation is gone and tells the
// admins; see intranet.Departures. Returns ENOTIMPLEMENTED when the router
// was built without Departures.
func (r *Router) InstallationGone(ctx context.Context, p intranet.Platform, installation, reason string) error {
	if r.cfg.Departures == nil {
		return intranet.Errorf(intranet.ENOTIMPLEMENTED, "This Werkplek keeps no departures.")
	}
	return r.cfg.Departures.InstallationGone(ctx, p, installation, reason)
}

// InstallationBack records that a gone installation works again; see
// intranet.Departures.
func (r *Router) InstallationBack(ctx context.Context, p intranet.Platform, installation string) error {
	if r.cfg.Departures == nil {
		return intranet.Errorf(intranet.ENOTIMPLEMENTED, "This Werkplek keeps no departures.")
	}
	return r.cfg.Departures.InstallationBack(ctx, p, installation)
}

// dispatch reads the request and hands it to its unit; depth counts the
// decisions it ran on the way, so that one cannot run another forever.
func (r *Router) dispatch(ctx context.Context, c *feature.Call, depth int) (intranet.Reply, error) {
	if c.Req.Thread != nil && c.Req.Action == nil && c.Req.Form == nil {
		// A message in a channel thread is no command: it may answer a
		// unit's post, else Werkplek says nothing.
		return r.thread(ctx, c)
	}
	if f := c.Req.Form; f != nil && c.Req.Action == nil {
		return r.form(ctx, c)
	}
	text := strings.TrimSpace(strings.ReplaceAll(c.Req.CommandText(), "\r", ""))
	if utf8.RuneCountInString(text) > intranet.MaxTextLength {
		return c.Reply(c.T("Dat is te lang: een commando mag hoogstens %d tekens hebben.", "That is too long: a command may have at most %d characters.", intranet.MaxTextLength)), nil
	}
	if !utf8.ValidString(text) || strings.IndexFunc(text, isControl) >= 0 {
		return c.Reply(c.T("Je bericht bevat onzichtbare stuurtekens; typ het commando opnieuw, bijvoorbeeld `/phonebook jansen`.",
			"Your message contains invisible control characters; please type the command again, e.g. `/phonebook jansen`.")), nil
	}
	if text == "" || text == "/" {
		return r.help.All(c), nil
	}
	p, err := r.grammar.Parse(text, r.today())
	var unknown *grammar.UnknownCommand
	var mistake *grammar.Error
	switch {
	case errors.As(err, &unknown):
		// "help" in a DM or mention, and /help in the console (the chat
		// platforms keep /help for themselves).
		if grammar.IsHelp(unknown.Word) && (!strings.HasPrefix(text, "/") || c.Req.Platform == intranet.PlatformConsole) {
			return r.help.All(c), nil
		}
		return r.help.Unknown(c, unknown.Word), nil
	case errors.As(err, &mistake):
		if mistake.Sub != nil && !c.May(mistake.Command, mistake.Sub) || mistake.Sub == nil && !c.MayAny(mistake.Command) {
			return c.Reply(help.NotForGuests(c)), nil
		}
		if mistake.Sub != nil && mistake.Sub.ExampleMarks() {
			mistake.Names = r.exampleNames(ctx, c)
		}
		return c.Reply(mistake.Message(c.Lang)), nil
	case err != nil:
		return intranet.Reply{}, err
	}
	c.Cmd = p
	if p.Sub == nil || !p.Sub.Confirm {
		// A confirmed decision counts as the command it runs.
		r.count(c, p.Command.Word.EN)
	}
	if p.Help && p.Command == help.Command {
		return r.help.All(c), nil // "/werkplek", "/werkplek help"
	}
	if p.Help {
		return r.help.Of(c, p), nil
	}
	if !c.May(p.Command, p.Sub) {
		return c.Reply(help.NotForGuests(c)), nil
	}
	if p.Sub.Confirm {
		return r.confirm(ctx, c, depth)
	}
	reply, err := r.units[p.Command].Handle(ctx, c)
	if err != nil {
		return reply, err
	}
	// Everything a partner ran is recorded: the forms marked for partners,
	// and what is open to guests too (the board where guests may post,
	// their settings, a sign-in link).
	if p.Sub.Audit || c.Partner() != 0 {
		r.auditCommand(ctx, c, reply)
	}
	reply.Context = append(reply.Context, p.Notes(c.Lang)...)
	return r.keepLongButtons(ctx, c, reply)
}

// exampleNames asks the units for real names to show in an example. A
// unit that cannot say leaves its marks as placeholders: the mistake's
// reply matters more than the example's name.
func (r *Router) exampleNames(ctx context.Context, c *feature.Call) grammar.Examples {
	names := grammar.Examples{}
	if c.Person != nil {
		// The caller and their department are real.
		names[grammar.Person], names[grammar.Department] = c.Person.Email, c.Person.Department
	}
	for _, u := range r.cfg.Units {
		if eu, ok := u.(feature.ExampleUnit); ok {
			got, err := eu.ExampleNames(ctx, c)
			if err != nil {
				continue
			}
			for k, v := range got {
				names[k] = v
			}
		}
	}
	return names
}

// form hands a submitted form to the unit whose form it is.
func (r *Router) form(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	if c.Person == nil || c.Guest {
		return c.Reply(help.NotForGuests(c)), nil
	}
	for _, u := range r.cfg.Units {
		if fu, ok := u.(feature.FormUnit); ok {
			for _, prefix := range fu.FormIDs() {
				if strings.HasPrefix(c.Req.Form.FormID, prefix) {
					r.count(c, formFeature(u, prefix))
					reply, err := fu.HandleForm(ctx, c)
					if err != nil {
						return reply, err
					}
					r.auditForm(ctx, c, u, reply)
					return r.keepLongButtons(ctx, c, reply)
				}
			}
		}
	}
	return c.Reply(c.T("Dat formulier ken ik niet.", "I don't know that form.")), nil
}

// count counts one use of a feature by the caller's platform.
func (r *Router) count(c *feature.Call, word string) {
	if r.cfg.Usage != nil {
		r.cfg.Usage.Count(word, c.Req.Platform)
	}
}

// formFeature is the command a form belongs to: the one its id starts
// with ("room.book"), else the unit's first.
func formFeature(u feature.Unit, prefix string) string {
	word, _, _ := strings.Cut(prefix, ".")
	cmds := u.Commands()
	for _, c := range cmds {
		if c.Word.EN == word {
			return word
		}
	}
	if len(cmds) == 0 {
		return word
	}
	return cmds[0].Word.EN
}

// thread offers a thread message to the units that post in threads.
func (r *Router) thread(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	for _, u := range r.cfg.Units {
		if tu, ok := u.(feature.ThreadUnit); ok {
			reply, ok, err := tu.HandleThread(ctx, c)
			if ok || err != nil {
				return reply, err
			}
		}
	}
	return intranet.Reply{}, nil
}

// failure turns an internal error into a polite reply with a reference that
// the adapter logs together with the error.
func (r *Router) failure(c *feature.Call, err error) (intranet.Reply, error) {
	ref := newRef()
	if intranet.ErrorCode(err) == intranet.EUNAVAILABLE {
		return c.Reply(c.T("Werkplek kan zijn gegevens nu even niet bereiken. Probeer het over een minuut opnieuw (ref %s).",
			"Werkplek cannot reach its data right now. Please try again in a minute (ref %s).", ref)), &intranet.Failure{Ref: ref, Err: err}
	}
	return c.Reply(c.T("Er ging iets mis (ref %s). Probeer het later opnieuw; noem de ref als je hulp vraagt.",
		"Something went wrong (ref %s). Please try again later; mention the ref when you ask for help.", ref)), &intranet.Failure{Ref: ref, Err: err}
}

func newRef() string {
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func isControl(r rune) bool {
	return unicode.IsControl(r) && r != '\n' && r != '\t'
}

// today is the current date in the organisation's time zone.
func (r *Router) today() when.Date { return when.DateOf(r.cfg.Now(), r.cfg.Location) }

// String names the router in logs.
func (r *Router) String() string { return fmt.Sprintf("router(%d commands)", len(r.grammar.Commands)) }
