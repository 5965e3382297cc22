// Package help is the help and language unit: /werkplek help, `help`
// after any command, the answer to an unknown command, and each person's
// choice of reply language. Every help text is generated from the grammar,
// so that what is accepted is what is listed.
package help

import (
	"context"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/grammar"
	"github.com/werkplek/werkplek/intranet/phonebook"
)

// Config is what the unit needs.
type Config struct {
	People intranet.PersonService
	// Grammar is every command of the installation, this unit's included.
	Grammar *grammar.Grammar
	// Quiet is WERKPLEK_QUIET_HOURS, the hours without DMs of who set none.
	Quiet string
	// Door answers /werkplek web, home, usage and api (the front door unit,
	// package home, which uses this package's answers); nil: they answer
	// that this Werkplek has no front door.
	Door Door
	// Privacy answers /werkplek privacy (the profile unit, package
	// profile); nil: it answers that this Werkplek keeps no choices.
	Privacy Privacy
	// Directory answers the admins' /werkplek person and role (the
	// directory unit); nil: they answer that this Werkplek has none.
	Directory Directory
}

// Privacy is where a person chooses who sees their profile's fields.
type Privacy interface {
	// Privacy answers /werkplek privacy mobile [<visibility>].
	Privacy(ctx context.Context, c *feature.Call) (intranet.Reply, error)
}

// Directory is the unit of people who leave and of roles.
type Directory interface {
	// Handle answers /werkplek person deactivate|activate and
	// /werkplek role add|remove.
	Handle(ctx context.Context, c *feature.Call) (intranet.Reply, error)
}

// Door is the front door: a person's home, their sign-in link to the web,
// the admins' usage charts and the API's tokens and webhooks. Help names
// it by this interface, so that the unit behind it may build on help's
// answers (NotForGuests).
type Door interface {
	// Handle answers /werkplek web, home, usage, audit and api.
	Handle(ctx context.Context, c *feature.Call) (intranet.Reply, error)
	// WebHome is the address of the web front door's home, "" when
	// WERKPLEK_PUBLIC_URL is not set.
	WebHome() string
}

// Unit answers /werkplek and every request for help.
type Unit struct{ cfg Config }

var _ feature.Unit = (*Unit)(nil)

// New returns the unit.
func New(cfg Config) *Unit { return &Unit{cfg: cfg} }

// Commands returns /werkplek.
func (u *Unit) Commands() []*grammar.Command { return []*grammar.Command{Command} }

// Handle answers /werkplek help and /werkplek language.
func (u *Unit) Handle(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	switch {
	case (c.Is("language") || c.Is("quiet") || c.Is("privacy mobile")) && guestAccountOfEmployee(c):
		return c.Reply(c.T("Dit is een gastaccount: daarmee verander je geen instellingen van een medewerker. Gebruik je eigen account van het werk.",
			"This is a guest account: it changes no settings of an employee. Use your own work account.")), nil
	case c.Is("language"):
		return u.language(ctx, c)
	case c.Is("quiet"):
		return u.quiet(ctx, c)
	case c.Is("privacy mobile"):
		if u.cfg.Privacy == nil {
			return c.Reply(c.T("Deze Werkplek houdt geen privacykeuzes bij.", "This Werkplek keeps no privacy choices.")), nil
		}
		return u.cfg.Privacy.Privacy(ctx, c)
	case c.Is("web"), c.Is("home"), c.Is("usage"), c.Is("audit"), IsAPI(c):
		if u.cfg.Door == nil {
			return c.Reply(c.T("Deze Werkplek heeft geen startpagina en geen web.", "This Werkplek has no home page and no web.")), nil
		}
		return u.cfg.Door.Handle(ctx, c)
	case IsDirectory(c):
		if u.cfg.Directory == nil {
			return c.Reply(c.T("Deze Werkplek beheert geen mensen en rollen.", "This Werkplek manages no people and roles.")), nil
		}
		return u.cfg.Directory.Handle(ctx, c)
	}
	return u.All(c), nil
}

// guestAccountOfEmployee reports whether the caller writes from a guest
// account (a platform's guest) linked to someone who is neither guest nor
// partner: the choices of an employee (their quiet hours, who sees their
// mobile) are not that account's to make.
func guestAccountOfEmployee(c *feature.Call) bool {
	return c.Guest && c.Person != nil && !c.Person.IsGuest()
}

// IsDirectory reports whether c is /werkplek person or /werkplek role.
func IsDirectory(c *feature.Call) bool {
	if c.Cmd == nil || c.Cmd.Sub == nil || len(c.Cmd.Sub.Path) == 0 {
		return false
	}
	first := c.Cmd.Sub.Path[0].EN
	return first == personWord.EN || first == roleWord.EN
}

// IsAPI reports whether c is /werkplek api or one of its subcommands.
func IsAPI(c *feature.Call) bool {
	return c.Cmd != nil && c.Cmd.Sub != nil && len(c.Cmd.Sub.Path) > 0 && c.Cmd.Sub.Path[0].EN == apiWord.EN
}

// language shows or sets the caller's reply language. A guest in the
// phonebook may choose too: it concerns only their own replies, and a
// partner who reads English must not be stuck with Dutch. Someone not in
// the phonebook has nowhere to keep a choice.
func (u *Unit) language(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	if c.Person == nil {
		return c.Reply(NotForGuests(c)), nil
	}
	choice := c.Cmd.Text("language")
	if choice == "" {
		return c.Reply(c.T("Werkplek antwoordt je in het Nederlands. Kies met `/werkplek language nl` of `/werkplek language en`.",
			"Werkplek answers you in English. Choose with `/werkplek language nl` or `/werkplek language en`.")), nil
	}
	if err := u.cfg.People.SetLanguage(ctx, c.Person.ID, choice); err != nil {
		return intranet.Reply{}, err
	}
	c.Lang = choice
	return c.Reply(c.T("Goed, Werkplek antwoordt je voortaan in het Nederlands.", "Done: Werkplek will answer you in English from now on.")), nil
}

// quiet shows or sets the caller's own quiet hours; a guest in the
// phonebook may too, since they only hold back DMs to themselves.
func (u *Unit) quiet(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	if c.Person == nil {
		return c.Reply(NotForGuests(c)), nil
	}
	slot, typed := c.Cmd.Slot("hours")
	setting := c.Cmd.Text("setting")
	var hours string
	switch {
	case typed && setting != "":
		return c.Reply(c.T("Geef tijden óf `off` óf `default`, niet allebei. ", "Give times or `off` or `default`, not both. ") + c.Usage()), nil
	case typed && slot.From == slot.To:
		return c.Reply(c.T("`%s-%s` duurt nul minuten. ", "`%s-%s` lasts zero minutes. ", slot.From, slot.To) + c.Usage()), nil
	case typed:
		hours = slot.From.String() + "-" + slot.To.String()
	case setting == "off":
		hours = "off"
	case setting == "default":
		hours = ""
	default:
		return c.Reply(quietNow(c, c.Person.QuietHours, u.cfg.Quiet)), nil
	}
	if err := u.cfg.People.SetQuietHours(ctx, c.Person.ID, hours); err != nil {
		return intranet.Reply{}, err
	}
	return c.Reply(c.T("Goed. ", "Done. ") + quietNow(c, hours, u.cfg.Quiet)), nil
}

// quietNow says which quiet hours hold for someone: their own, or the
// installation's.
func quietNow(c *feature.Call, own, installation string) string {
	switch {
	case own == "off":
		return c.T("Je krijgt privéberichten op elk uur.", "You get direct messages at any hour.")
	case own != "":
		return c.T("Tussen %s krijg je geen privéberichten, behalve wat je zelf vroeg (een herinnering aan je boeking, een antwoord op je vraag); wat wacht komt daarna in één bericht. `/werkplek quiet default` zet het terug.",
			"Between %s you get no direct messages but what you asked for (your booking's reminder, an answer to your question); what waits comes afterwards in one message. `/werkplek quiet default` sets it back.", between(c, own))
	case installation == "" || installation == "off":
		return c.T("Je krijgt privéberichten op elk uur; stel eigen rusturen in met `/werkplek quiet 22:00-07:00`.", "You get direct messages at any hour; set hours of your own with `/werkplek quiet 22:00-07:00`.")
	}
	return c.T("Je hebt de rusturen van iedereen: tussen %s geen privéberichten, behalve wat je zelf vroeg. Eigen uren: `/werkplek quiet 08:00-16:00`, of `/werkplek quiet off`.",
		"You have everyone's quiet hours: no direct messages between %s but what you asked for. Your own: `/werkplek quiet 08:00-16:00`, or `/werkplek quiet off`.", between(c, installation))
}

// between writes quiet hours ("22:00-07:00") as a sentence reads them:
// "22:00 en 07:00".
func between(c *feature.Call, hours string) string {
	from, to, ok := strings.Cut(hours, "-")
	if !ok {
		return hours
	}
	return from + c.T(" en ", " and ") + to
}

// All is /werkplek help: every command, the other words, dates and times.
func (u *Unit) All(c *feature.Call) intranet.Reply {
	reply := intranet.Reply{Lang: c.Lang, Title: c.T("Werkplek: alle commando's", "Werkplek: all commands")}
	reply.Text = c.T("Typ een commando hieronder, als slash-commando of in een privébericht aan Werkplek (zonder /). Woorden tussen <> vul je zelf in, [tussen haken] mag je weglaten; `help` achter een commando vertelt er meer over.",
		"Type a command below, as a slash command or in a direct message to Werkplek (without the /). Fill in the words between <> yourself, [in brackets] may be left out; `help` after a command tells more about it.")
	reply.Sections = sections(u.cfg.Grammar.HelpFor(c.Lang, may(c)))
	if u.cfg.Door != nil && u.cfg.Door.WebHome() != "" && c.Person != nil {
		// Who is not in the phonebook cannot sign in there.
		reply.Context = append(reply.Context, c.T("Op het web: %s — log in met `/werkplek web`.", "On the web: %s — sign in with `/werkplek web`.", u.cfg.Door.WebHome()))
	}
	if c.Person == nil || c.Guest {
		reply.Context = append(reply.Context, NotForGuests(c))
	}
	return reply
}

// Of is one command's help (/room help, /room book help).
func (u *Unit) Of(c *feature.Call, p *grammar.Parsed) intranet.Reply {
	reply := intranet.Reply{Lang: c.Lang}
	reply.Sections = sections(u.cfg.Grammar.CommandHelpFor(p.Command, c.Lang, may(c)))
	if p.Sub != nil {
		reply.Sections[0].Title += ": `" + strings.TrimSpace("/"+p.Command.Word.EN+" "+p.Sub.Name()) + "`"
		reply.Text = grammar.UsageSentence(p.Command, p.Sub, c.Lang)
	}
	if !c.MayAny(p.Command) {
		reply.Context = []string{NotForGuests(c)}
	}
	return reply
}

// may is what help lists for the caller: a guest or partner sees only the
// forms they may use, an employee every form (the units refuse what
// their role does not allow, and say why).
func may(c *feature.Call) grammar.May {
	if c.Person != nil && !c.Guest {
		return nil
	}
	return c.May
}

func sections(hs []grammar.HelpSection) []intranet.Section {
	out := make([]intranet.Section, len(hs))
	for i, h := range hs {
		out[i] = intranet.Section{Title: h.Title, Text: h.Text}
	}
	return out
}

// Unknown answers a first word that is no command, with the nearest ones.
func (u *Unit) Unknown(c *feature.Call, word string) intranet.Reply {
	near := phonebook.Suggest(phonebook.Key(word), u.cfg.Grammar.Words(), 2)
	text := c.T("Dat commando ken ik niet: `%s`.", "I don't know that command: `%s`.", word)
	if len(near) > 0 {
		text += " " + c.T("Bedoel je `/%s`?", "Did you mean `/%s`?", strings.Join(near, c.T("` of `/", "` or `/")))
	}
	text += " " + c.T("Typ `/werkplek help` voor alle commando's.", "Type `/werkplek help` for every command.")
	return c.Reply(text)
}

// NotForGuests tells someone who may not use a command why, and whom to
// ask.
func NotForGuests(c *feature.Call) string {
	if c.Person == nil {
		return c.T("Welkom! Je account is nog niet gekoppeld aan iemand in het telefoonboek van Werkplek (we vonden je e-mailadres daar niet), dus je kunt nu alleen `/werkplek help` gebruiken. Werk je hier, vraag dan de beheerder van Werkplek om je toe te voegen; ben je van een partnerorganisatie, vraag dan je contactpersoon hier om je als partner te laten koppelen.",
			"Welcome! Your account is not linked to anyone in Werkplek's phonebook yet (we did not find your email address there), so for now you can only use `/werkplek help`. If you work here, ask your Werkplek admin to add you; if you are from a partner organisation, ask your contact person here to have you linked as a partner.")
	}
	if c.Person.IsPartner() {
		return c.T("Als partner van %s gebruik je in Werkplek alleen wat met partners gedeeld is: je contactpersonen (`/phonebook`), nieuws voor partners (`/news`), vragen aan onderwerpen voor partners (`/ask`), bezoekersruimtes (`/room`), je taal en `/werkplek help`, dat alles laat zien.",
			"As a partner of %s you can use only what is shared with partners in Werkplek: your contacts (`/phonebook`), news for partners (`/news`), questions to topics open to partners (`/ask`), visitor rooms (`/room`), your language, and `/werkplek help`, which lists it all.", c.Person.Organisation)
	}
	return c.T("Je bent gast in Werkplek: je kunt `/werkplek help` gebruiken, je taal kiezen (`/werkplek language en`), je rusturen instellen (`/werkplek quiet`) en wat met gasten gedeeld is.",
		"You are a guest in Werkplek: you can use `/werkplek help`, choose your language (`/werkplek language nl`), set your quiet hours (`/werkplek quiet`) and what is shared with guests.")
}
