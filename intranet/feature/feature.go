// Package feature is what every unit of the core shares. A unit is one
// feature (phonebook, rooms, teams, handover, news, questions, help): it
// declares its commands in the one grammar, answers them, writes its
// replies in Dutch and English (its views) and runs its jobs. The router
// finds out who is asking and in which language, parses the command with
// the grammar and hands the unit a Call.
package feature

import (
	"context"
	"fmt"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/grammar"
)

// Unit is one feature of the core, as the router sees it.
type Unit interface {
	// Commands are the unit's commands, declared once.
	Commands() []*grammar.Command
	// Handle answers a parsed command of the unit (c.Cmd). Everything a
	// person did wrong is a Reply; an error is an internal failure.
	Handle(ctx context.Context, c *Call) (intranet.Reply, error)
}

// FormUnit is a unit with forms: submitted forms whose id starts with one
// of FormIDs' prefixes come to HandleForm (c.Req.Form).
type FormUnit interface {
	FormIDs() []string
	HandleForm(ctx context.Context, c *Call) (intranet.Reply, error)
}

// AuditedFormUnit is a FormUnit some of whose forms are admin or
// content-manager actions: the router records a submitted form whose id
// starts with one of AuditedForms' keys in the audit log, under the action
// its value names ("news post"), as it does for a subcommand marked Audit.
type AuditedFormUnit interface {
	FormUnit
	AuditedForms() map[string]string
}

// ThreadUnit answers a plain message written in a thread under one of its
// posts (an answer under a posted question). ok is false when the thread is
// not the unit's.
type ThreadUnit interface {
	HandleThread(ctx context.Context, c *Call) (reply intranet.Reply, ok bool, err error)
}

// ExampleUnit names real things for the examples that replies to typed
// mistakes show ({room} in "/room book {room} …"): what the caller could
// use, such as the first room they may book. A kind it does not name shows
// its placeholder.
type ExampleUnit interface {
	ExampleNames(ctx context.Context, c *Call) (grammar.Examples, error)
}

// Platforms is what exists only once the adapters are up: each platform's
// poster and directory. bot fills it once, before serving; a unit asks it
// when it sends, and gets nil for a platform that is off.
type Platforms interface {
	intranet.PosterSet
	Directory(p intranet.Platform) intranet.Directory
}

// Call is one request on its way through a unit.
type Call struct {
	Req intranet.Request
	// Person is who is asking; nil for someone not in the phonebook.
	Person *intranet.Person
	// Guest is true for guests (the platform's or the phonebook's).
	Guest bool
	// Lang is the reply language, "nl" or "en".
	Lang string
	// Cmd is what the grammar read; nil for a submitted form or a thread
	// message.
	Cmd *grammar.Parsed
}

// T picks the Dutch or English text for the caller and formats it. Both
// languages sit side by side in the views, so that no reply exists in one
// language only.
func (c *Call) T(nl, en string, args ...any) string { return T(c.Lang, nl, en, args...) }

// T picks the Dutch or English text for lang and formats it.
func T(lang, nl, en string, args ...any) string {
	format := en
	if lang == "nl" {
		format = nl
	}
	if len(args) == 0 {
		return format
	}
	return fmt.Sprintf(format, args...)
}

// N writes a count and the words after it in the caller's language, the
// singular for one: c.N(n, "lid", "leden", "member", "members") is "1 lid"
// or "3 members". The words may hold a verb that agrees ("komende boeking
// is", "komende boekingen zijn") and be a format for args.
func (c *Call) N(n int, nl1, nl, en1, en string, args ...any) string {
	return N(c.Lang, n, nl1, nl, en1, en, args...)
}

// N writes a count and its words for lang; see Call.N.
func N(lang string, n int, nl1, nl, en1, en string, args ...any) string {
	return Count(n, T(lang, nl1, en1), T(lang, nl, en), args...)
}

// Count writes n and its word, one for 1 and many otherwise: "1 new room",
// "0 new rooms". one and many may be formats for args.
func Count(n int, one, many string, args ...any) string {
	words := many
	if n == 1 {
		words = one
	}
	return fmt.Sprintf("%d "+words, append([]any{n}, args...)...)
}

// Reply is a plain ephemeral reply in the caller's language.
func (c *Call) Reply(text string) intranet.Reply {
	return intranet.Reply{Lang: c.Lang, Text: text}
}

// Usage is the right form of the command being answered, with its
// example: "Schrijf `/room book …`, bijvoorbeeld `…`."
func (c *Call) Usage() string {
	if c.Cmd == nil || c.Cmd.Sub == nil {
		return ""
	}
	return grammar.UsageSentence(c.Cmd.Command, c.Cmd.Sub, c.Lang)
}

// Is reports whether the parsed command is the subcommand with these
// English words ("book", "admin change"; "" for the command's own form).
func (c *Call) Is(sub string) bool {
	return c.Cmd != nil && c.Cmd.Sub != nil && c.Cmd.Sub.Name() == sub
}

// ReplacesOriginal reports whether a reply should replace the message whose
// button was pressed.
func (c *Call) ReplacesOriginal() bool { return c.Req.Pressed() && c.Req.Message != nil }

// Has reports whether the caller has one of the roles. A guest account
// (a platform's guest, linked to a person by email) holds none beyond
// employee and guest, whoever the person is: an admin's address on a
// guest account does not make it an admin.
func (c *Call) Has(roles ...intranet.Role) bool {
	if c.Person == nil {
		return false
	}
	for _, r := range roles {
		if c.Guest && !r.Basic() {
			continue
		}
		if c.Person.Has(r) {
			return true
		}
	}
	return false
}

// Partner is the caller's partner organisation, 0 for an employee or
// someone not in the phonebook.
func (c *Call) Partner() int64 {
	if c.Person == nil {
		return 0
	}
	return c.Person.OrganisationID
}

// May reports whether the caller may use a subcommand at all (the unit
// then checks roles and what it shows): an employee may use any, a
// partner those marked Partners, and a guest without an organisation or
// someone not in the phonebook only the commands open to guests.
func (c *Call) May(cmd *grammar.Command, sub *grammar.Sub) bool {
	switch {
	case cmd.Guests:
		return !sub.Staff || c.Person != nil && !c.Guest
	case c.Person == nil:
		return false
	case !c.Guest:
		return true
	}
	return c.Partner() != 0 && sub != nil && sub.Partners
}

// MayAny reports whether the caller may use some form of the command.
func (c *Call) MayAny(cmd *grammar.Command) bool {
	for i := range cmd.Subs {
		if c.May(cmd, &cmd.Subs[i]) {
			return true
		}
	}
	return cmd.Guests
}

// InTx runs fn in one transaction when tx is set, else straight.
func InTx(ctx context.Context, tx intranet.Transactor, fn func(ctx context.Context) error) error {
	if tx == nil {
		return fn(ctx)
	}
	return tx.InTx(ctx, fn)
}
