// Package grammar is Werkplek's one command language. Every command is
// declared once, as data: its English word and its aliases, its
// subcommands, its arguments by kind and its key:value options. That one
// declaration drives the parser (Parse), each command's help and
// /werkplek help (Help), the usage shown with a mistake, the platforms'
// manifests and the README's command reference (Reference), so that a word
// that is accepted is a word that is listed, and the reverse.
//
// Dates and times are read by package when, with the command's direction.
// Position and need decide what a word is, the same way in every command:
// where a command takes a date and a time slot, "8-12 07:00-15:00" is a
// date and then the times, and a lone "10-11" is the times today.
package grammar

import (
	"strings"

	"github.com/werkplek/werkplek/intranet/when"
)

// Word is a keyword in English with the other spellings that mean the
// same: a command, a subcommand, an option key, a choice.
type Word struct {
	EN      string
	Aliases []string
}

// W makes a Word.
func W(en string, aliases ...string) Word { return Word{EN: en, Aliases: aliases} }

// On and Off are the words of every on/off choice in Werkplek: on or aan,
// off or uit (and yes/ja, no/nee, as a form's yes/no field sends them). A
// Choice of OnOff reads as "on" or "off".
var (
	On  = W("on", "aan", "yes", "ja")
	Off = W("off", "uit", "no", "nee")
)

// OnOff are the choices of an on/off argument or option.
func OnOff() []Word { return []Word{On, Off} }

// ReadOnOff reads an on/off value wherever one is typed (a Flag option, a
// CSV column, a setting): the words of On and Off, and true/false, 1/0;
// ok is false for anything else.
func ReadOnOff(s string) (on, ok bool) {
	s = strings.TrimSpace(s)
	switch {
	case On.Is(s) || strings.EqualFold(s, "true") || s == "1":
		return true, true
	case Off.Is(s) || strings.EqualFold(s, "false") || s == "0":
		return false, true
	}
	return false, false
}

// Is reports whether s (any case) is the word or one of its aliases.
func (w Word) Is(s string) bool {
	s = strings.ToLower(s)
	if s == w.EN {
		return true
	}
	for _, a := range w.Aliases {
		if s == a {
			return true
		}
	}
	return false
}

// All returns the word and its aliases.
func (w Word) All() []string { return append([]string{w.EN}, w.Aliases...) }

// Kind is what an argument or an option's value is.
type Kind int

// The kinds of values.
const (
	// Text is free text: a title, a question, a description. It may
	// contain anything, unknown key: words included.
	Text Kind = iota
	// The names of things, looked up by the unit after parsing. Several
	// words are fine; quotes ask for the exact name.
	Name
	Person // an email address, a mention or a name
	Room
	Team
	Topic
	Department
	Skill
	// Number is a whole number (a capacity); ID the number of a thing ("12", "#12").
	Number
	ID
	// Count is a number of people: "6", "6 personen", "6p".
	Count
	Date
	Clock
	Weekday
	TimeRange
	// Slot is a date with a time slot, the date optional ("morgen 10-11", "10-11").
	Slot
	// DateTime is a date with an optional time, or a time alone ("morgen 09:00").
	DateTime
	Duration
	Repeat
	// Dates is a comma-separated list of dates (skip:8-12,15-12).
	Dates
	// Choice is one of Arg.Choices or Option.Choices.
	Choice
	// Flag is an option without a value (important), also written key:yes|no.
	Flag
	// Literal is a fixed word or sign between arguments (the "|" between
	// a news item's title and text).
	Literal
	// Week is an ISO week: "week 49", "wk49", "2026-W49", a bare "49" (the
	// nearest such week in the command's direction), "vorige week", or any
	// date in it.
	Week
	// Month is a month: "nov", "november 2026", "2026-11", "vorige maand".
	Month
	// Worked is time worked on a day: a time range that may end the next
	// day ("22:00-07:00"), or a number of hours ("7,5u", "7:30", "8").
	Worked
	// Km is a distance in kilometres, at most one decimal: "23", "23,5",
	// "23.5", "23km".
	Km
)

// textual reports whether values of the kind are runs of words.
func (k Kind) textual() bool { return k <= Skill }

// Arg is one positional argument of a subcommand.
type Arg struct {
	// Name is the value's name (p.Text("room")); it is also the English
	// placeholder unless Placeholder is set.
	Name string
	// Placeholder and PlaceholderNL are shown in usage ("<room>", "<ruimte>").
	Placeholder, PlaceholderNL string
	Kind                       Kind
	Optional                   bool
	// Overnight lets a Slot end before it starts, on the next day (a shift).
	Overnight bool
	// Joined makes an optional argument go with the optional one before
	// it: given when that one is, else not at all, and shown inside its
	// brackets in usage (the parts of a trip, "[<km> <from> to <to>]").
	Joined bool
	// Choices are the words a Choice takes; Word is the Literal's sign, or
	// the unit word after a Count ("people").
	Choices []Word
	Word    Word
}

// Option is a key:value option of a subcommand (dept:zorg, skip:8-12).
type Option struct {
	Key  Word
	Kind Kind
	// Placeholder and PlaceholderNL name the value in usage ("<department>").
	Placeholder, PlaceholderNL string
	Choices                    []Word
	// Rest lets a Text option's value run on over the plain words after
	// it, up to the next key:value or a flag word ("doel:bezoek mevrouw
	// Jansen retour"), where the command still reads so; else it is one
	// word or a quoted phrase, as every option's value.
	Rest bool
}

// Sub is one form of a command: a subcommand ("/room book …") or, with an
// empty Path, the command without one ("/room [<date>]").
type Sub struct {
	// Path is the subcommand's words: [book], or [admin, change].
	Path    []Word
	Args    []Arg
	Options []Option
	// Doc and DocNL say in one line what it does.
	Doc, DocNL string
	// Example and ExampleNL are a typed example (English words in both).
	Example, ExampleNL string
	// Form is set when the subcommand alone (no arguments) opens a form.
	Form bool
	// NoFallback keeps a subcommand's words from ever starting the free
	// text of a command with TextFallback ("/ask topic add" is never a
	// question).
	NoFallback bool
	// Confirm marks the "confirm <n>" subcommand that runs a decision
	// stored for a long button (see the router).
	Confirm bool
	// Staff keeps a subcommand of a command open to guests (Guests) for
	// the organisation's own people: the admins' forms of /werkplek. No
	// guest or partner sees it in help or may use it.
	Staff bool
	// Partners lets a partner (a person of a partner organisation) use
	// it; the unit then shows them only what is shared with partners.
	// Guests without an organisation and unknown accounts may not.
	Partners bool
	// Audit marks an admin or content-manager action: the router records
	// it in the audit log when a person with a role beyond employee runs it.
	Audit bool
	// Secret marks a subcommand whose reply may show a secret once (an API
	// token, a webhook's signing secret): the audit log keeps the command
	// but never its reply.
	Secret bool
}

// Name returns the subcommand's English words ("admin change"), "" for the
// command's own form.
func (s *Sub) Name() string {
	var out []string
	for _, w := range s.Path {
		out = append(out, w.EN)
	}
	return strings.Join(out, " ")
}

// freeText reports whether the subcommand takes free text, where an
// unknown key: is text rather than a mistake.
func (s *Sub) freeText() bool {
	for _, a := range s.Args {
		if a.Kind == Text {
			return true
		}
	}
	return false
}

// TeamsTyped is Command.Teams of a command that no Teams menu shows
// (where ten others matter more); typed, it works in every scope.
var TeamsTyped = []string{"typed"}

// Command is one top-level command with all its forms.
type Command struct {
	Word Word
	// Title and TitleNL head its help section ("Meeting rooms").
	Title, TitleNL string
	// Summary and SummaryNL say in one line what it does (manifests).
	Summary, SummaryNL string
	// Direction is the way its dates look: Ahead for what is to come,
	// Back for what was done.
	Direction when.Direction
	// Guests may use it (help does; nothing else by default).
	Guests bool
	Subs   []Sub
	// Notes and NotesNL are extra lines of help (the facilities a room may have).
	Notes, NotesNL string
	// Teams lists the Teams manifest scopes ("personal", "team",
	// "groupChat") whose command menu shows it (none: every scope); Teams
	// shows at most ten commands per scope. TeamsTyped keeps a command
	// out of every menu: it is typed there.
	Teams []string
	// TextFallback makes a subcommand's word whose arguments do not fit the
	// start of the free text of the command's own form: "/ask close the
	// window?" is a question, not /ask close.
	TextFallback bool
	// HelpOf names the command whose help section tells about this one
	// (/kb is told of in /ask's); "" for its own section.
	HelpOf string
}

// Grammar is every command of an installation.
type Grammar struct {
	Commands []*Command
	byWord   map[string]*Command
}

// New returns the grammar of the commands, in the order help lists them.
// It panics on a word that two commands claim, a mistake of the
// declarations that tests catch at once.
func New(cmds ...*Command) *Grammar {
	g := &Grammar{Commands: cmds, byWord: map[string]*Command{}}
	for _, c := range cmds {
		for _, w := range c.Word.All() {
			if g.byWord[w] != nil {
				panic("grammar: command word " + w + " declared twice")
			}
			g.byWord[w] = c
		}
	}
	return g
}

// Find returns the command a word names, nil when none does.
func (g *Grammar) Find(word string) *Command {
	return g.byWord[strings.ToLower(strings.TrimPrefix(word, "/"))]
}

// Words returns every command word and alias, for a "did you mean".
func (g *Grammar) Words() []string {
	var out []string
	for _, c := range g.Commands {
		out = append(out, c.Word.All()...)
	}
	return out
}

// helpWords ask for help as the only argument of a command or subcommand.
var helpWords = W("help", "hulp", "?")

// IsHelp reports whether a word asks for help.
func IsHelp(word string) bool { return helpWords.Is(word) }
