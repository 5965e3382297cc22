// Package router is the core's front door: it finds out who is asking (and
// links their platform account to the phonebook on first contact), picks the
// reply language, parses the command and dispatches it to the feature that
// answers. It implements intranet.Core for every adapter at once.
package router

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/werkplek/werkplek/intranet"
)

var _ intranet.Core = (*Router)(nil)

// Router answers requests from every platform.
type Router struct {
	People   intranet.PersonService
	Accounts intranet.AccountService
	// Directories ask a platform who an unlinked user is (their email).
	Directories map[intranet.Platform]intranet.Directory
	// Language is WERKPLEK_LANGUAGE: the reply language when neither the
	// person nor their chat client says otherwise ("nl" or "en").
	Language string
	// Rooms is room booking's configuration (nil: /room says it is not set up).
	Rooms *Rooms

	// The configurations of shift handover, news and questions, set by
	// UseHandovers, UseNews and UseQuestions (nil: the feature is off).
	handoverSettings *Handovers
	newsSettings     *News
	questionSettings *Questions

	commands []command
	byName   map[string]*command
}

// command is one top-level command with the function that answers it.
type command struct {
	intranet.Command
	// Guests may use it (help does; nothing else by default).
	Guests bool
	run    func(ctx context.Context, c *call) (intranet.Reply, error)
	// help is the command's section of /werkplek help, in the caller's
	// language; nil when another command's section covers it (/kb, /ask).
	help func(c *call) intranet.Section
	// dutch lists the Dutch keywords the command accepts, as "`nl` = `en`".
	dutch []string
}

// call is one request on its way through the router.
type call struct {
	req    intranet.Request
	person *intranet.Person // nil for someone not in the phonebook
	guest  bool
	lang   string
	name   string // the command word as typed, lowercased
	args   string // what follows the command word
}

// New returns a router with every command registered.
func New(people intranet.PersonService, accounts intranet.AccountService, language string) *Router {
	r := &Router{People: people, Accounts: accounts, Language: language, Directories: map[intranet.Platform]intranet.Directory{}}
	if r.Language != "en" {
		r.Language = "nl"
	}
	// Each feature adds its commands here, in the order help lists them.
	for _, feature := range []func() []command{r.phonebookCommands, r.roomCommands, r.handoverCommands, r.newsCommands, r.askCommands, r.werkplekCommands} {
		r.commands = append(r.commands, feature()...)
	}
	r.byName = map[string]*command{}
	for i := range r.commands {
		for _, n := range r.commands[i].Names() {
			r.byName[n] = &r.commands[i]
		}
	}
	return r
}

// Commands returns the slash commands, in a stable order.
func (r *Router) Commands() []intranet.Command {
	out := make([]intranet.Command, len(r.commands))
	for i, c := range r.commands {
		out[i] = c.Command
	}
	return out
}

// Handle answers a request; see intranet.Core.
func (r *Router) Handle(ctx context.Context, req intranet.Request) (intranet.Reply, error) {
	c := &call{req: req, lang: r.Language}
	if intranet.IsDutch(req.User.Locale) {
		c.lang = "nl"
	}
	person, guest, err := r.identify(ctx, req)
	if err != nil {
		return r.failure(c, err)
	}
	c.person, c.guest = person, guest
	if person != nil && person.Language != "" {
		c.lang = person.Language
	}
	reply, err := r.dispatch(ctx, c)
	if err != nil {
		if code := intranet.ErrorCode(err); code != intranet.EINTERNAL && code != intranet.EUNAVAILABLE {
			// A coded error the feature did not phrase itself: say it plainly.
			return c.reply(intranet.ErrorMessage(err)), nil
		}
		return r.failure(c, err)
	}
	if reply.Lang == "" {
		reply.Lang = c.lang
	}
	return reply, nil
}

func (r *Router) dispatch(ctx context.Context, c *call) (intranet.Reply, error) {
	if c.req.Thread != nil && c.req.Action == nil && c.req.Form == nil {
		// A message in a channel thread is no command: it may answer a
		// posted question, else Werkplek says nothing.
		return r.threadMessage(ctx, c)
	}
	text := strings.TrimSpace(strings.ReplaceAll(c.req.CommandText(), "\r", ""))
	if text == "" && c.req.Form != nil {
		// A submitted form goes to the command that opened it ("room.book" -> /room).
		text, _, _ = strings.Cut(c.req.Form.FormID, ".")
	}
	if utf8.RuneCountInString(text) > intranet.MaxTextLength {
		return c.reply(c.tr("Dat is te lang: een commando mag hoogstens %d tekens hebben.", "That is too long: a command may have at most %d characters.", intranet.MaxTextLength)), nil
	}
	if !utf8.ValidString(text) || strings.IndexFunc(text, isControl) >= 0 {
		return c.reply(c.tr("Je bericht bevat onzichtbare stuurtekens; typ het commando opnieuw, bijvoorbeeld `/phonebook jansen`.",
			"Your message contains invisible control characters; please type the command again, e.g. `/phonebook jansen`.")), nil
	}
	slash := strings.HasPrefix(text, "/")
	word, args, _ := strings.Cut(strings.TrimPrefix(text, "/"), " ")
	c.name, c.args = strings.ToLower(word), strings.TrimSpace(args)
	if c.name == "" {
		return r.help(c), nil
	}
	cmd := r.byName[c.name]
	if cmd == nil && (c.name == "help" || c.name == "hulp") && (!slash || c.req.Platform == intranet.PlatformConsole) {
		// "help" in a DM or mention, and /help in the console (platforms
		// reserve /help for themselves).
		cmd, c.args = r.byName["werkplek"], "help"
	}
	if cmd == nil {
		return r.unknown(c), nil
	}
	if !cmd.Guests && (c.person == nil || c.guest) {
		return r.notForGuests(c), nil
	}
	return cmd.run(ctx, c)
}

// identify finds the person behind a request. On first contact it links the
// platform account by email (asking the platform for it when the request did
// not carry it). It returns nil for someone not in the phonebook.
func (r *Router) identify(ctx context.Context, req intranet.Request) (*intranet.Person, bool, error) {
	acct, err := r.Accounts.FindAccount(ctx, req.Platform, req.Installation, req.User.ID)
	switch intranet.ErrorCode(err) {
	case "":
		p, err := r.People.FindPersonByID(ctx, acct.PersonID)
		if intranet.ErrorCode(err) == intranet.ENOTFOUND {
			return nil, req.User.Guest, nil
		} else if err != nil {
			return nil, false, err
		}
		return p, acct.Guest || req.User.Guest || p.IsGuest(), nil
	case intranet.ENOTFOUND:
	default:
		return nil, false, err
	}

	user := req.User
	if user.Email == "" {
		if dir := r.Directories[req.Platform]; dir != nil {
			u, err := dir.LookupUser(ctx, req.Installation, user.ID)
			if err != nil && intranet.ErrorCode(err) != intranet.ENOTFOUND {
				return nil, false, err
			}
			user.Email, user.Guest = u.Email, user.Guest || u.Guest
			if user.Name == "" {
				user.Name = u.Name
			}
		}
	}
	if user.Email == "" {
		return nil, user.Guest, nil
	}
	p, err := r.People.FindPersonByEmail(ctx, user.Email)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return nil, user.Guest, nil
	} else if err != nil {
		return nil, false, err
	}
	err = r.Accounts.LinkAccount(ctx, intranet.Account{Platform: req.Platform, Installation: req.Installation, UserID: user.ID, UserName: user.Name, PersonID: p.ID, Guest: user.Guest})
	if err != nil {
		return nil, false, err
	}
	p.Accounts = append(p.Accounts, intranet.Account{Platform: req.Platform, Installation: req.Installation, UserID: user.ID, UserName: user.Name, PersonID: p.ID, Guest: user.Guest})
	return p, user.Guest || p.IsGuest(), nil
}

// failure turns an internal error into a polite reply with a reference that
// the adapter logs together with the error.
func (r *Router) failure(c *call, err error) (intranet.Reply, error) {
	ref := newRef()
	if intranet.ErrorCode(err) == intranet.EUNAVAILABLE {
		return c.reply(c.tr("Werkplek kan zijn gegevens nu even niet bereiken. Probeer het over een minuut opnieuw (ref %s).",
			"Werkplek cannot reach its data right now. Please try again in a minute (ref %s).", ref)), &intranet.Failure{Ref: ref, Err: err}
	}
	return c.reply(c.tr("Er ging iets mis (ref %s). Probeer het later opnieuw; noem de ref als je hulp vraagt.",
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

// reply is a plain ephemeral reply in the caller's language.
func (c *call) reply(text string) intranet.Reply {
	return intranet.Reply{Lang: c.lang, Text: text}
}
