package grammar

import (
	"errors"
	"fmt"

	"github.com/werkplek/werkplek/intranet/when"
)

// Error is a mistake in a typed command, in Dutch and English: what was
// wrong, naming the value, and the right form of the command.
type Error struct {
	NL, EN  string
	Command *Command
	// Sub is the form whose usage the message shows; nil shows every form
	// of the command.
	Sub *Sub
	// Names fill the marks of the form's example (see Examples); without
	// them the example shows placeholders.
	Names Examples
}

func (e *Error) Error() string { return e.EN }

// Message returns the explanation in lang, followed by the right form.
func (e *Error) Message(lang string) string {
	msg := e.EN
	if lang == "nl" {
		msg = e.NL
	}
	if e.Command == nil {
		return msg
	}
	if e.Sub != nil {
		return msg + " " + UsageSentenceWith(e.Command, e.Sub, lang, e.Names)
	}
	return msg + " " + tr(lang, "Typ `/%s help` voor alles wat kan.", "Type `/%s help` for everything it does.", e.Command.Word.EN)
}

// UnknownCommand is a first word that names no command.
type UnknownCommand struct {
	Word string
}

func (e *UnknownCommand) Error() string { return fmt.Sprintf("unknown command %q", e.Word) }

func tr(lang, nl, en string, args ...any) string {
	if lang == "nl" {
		return fmt.Sprintf(nl, args...)
	}
	return fmt.Sprintf(en, args...)
}

// errorf makes an Error whose Dutch and English texts take the same arguments.
func errorf(cmd *Command, sub *Sub, nl, en string, args ...any) *Error {
	return &Error{NL: fmt.Sprintf(nl, args...), EN: fmt.Sprintf(en, args...), Command: cmd, Sub: sub}
}

// fromWhen turns a reading mistake of package when into an Error of the
// command.
func fromWhen(cmd *Command, sub *Sub, err error) *Error {
	var w *when.Error
	if errors.As(err, &w) {
		return &Error{NL: w.NL, EN: w.EN, Command: cmd, Sub: sub}
	}
	var g *Error
	if errors.As(err, &g) {
		return g
	}
	return &Error{NL: err.Error(), EN: err.Error(), Command: cmd, Sub: sub}
}
