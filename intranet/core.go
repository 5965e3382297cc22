package intranet

import (
	"context"
	"fmt"
)

// Core is what adapters talk to: it answers requests and lists the commands
// it knows (for slash-command registration and app manifests).
type Core interface {
	// Handle answers a request. Everything a person did wrong is answered
	// with a Reply in their language and a nil error. A non-nil error is an
	// internal failure (*Failure): the returned Reply then already tells the
	// person "something went wrong (ref …)" in their language, and the
	// adapter logs the error with that reference and shows the Reply.
	Handle(ctx context.Context, r Request) (Reply, error)
	// Commands returns the slash commands, in a stable order.
	Commands() []Command
}

// Command is one slash command (a top-level word such as "phonebook") with its
// aliases; every alias is registered as a slash command of its own.
type Command struct {
	Name    string
	Aliases []string
	// Hint is the argument syntax for autocomplete, in English ("<name, department, skill or phone>").
	Hint string
	// HintNL is the same hint in Dutch.
	HintNL string
	// Summary says in one line what the command does, in English.
	Summary string
	// SummaryNL is the same in Dutch.
	SummaryNL string
	// Teams lists the scopes of the Teams app manifest ("personal", "team",
	// "groupChat") whose command menu shows the command; Teams shows at
	// most ten per scope.
	Teams []string
}

// Names returns the command's name followed by its aliases.
func (c Command) Names() []string { return append([]string{c.Name}, c.Aliases...) }

// Failure is an internal error with the reference a person was shown.
type Failure struct {
	Ref string
	Err error
}

func (f *Failure) Error() string { return fmt.Sprintf("ref %s: %v", f.Ref, f.Err) }
func (f *Failure) Unwrap() error { return f.Err }

// StateStore keeps small pieces of adapter state in the shared database, so
// that every replica sees them: Mattermost command tokens, Teams conversation
// references, Slack event ids already handled.
type StateStore interface {
	// State returns the value under (namespace, key). Returns ENOTFOUND.
	State(ctx context.Context, namespace, key string) (string, error)
	// SetState stores a value, replacing any earlier one.
	SetState(ctx context.Context, namespace, key, value string) error
	// ClaimState stores a value only when the key is new and reports whether
	// it did; of many concurrent claims of one key exactly one wins.
	ClaimState(ctx context.Context, namespace, key, value string) (bool, error)
	// StateList returns every key and value of a namespace.
	StateList(ctx context.Context, namespace string) (map[string]string, error)
	// DeleteState removes a key; removing a missing key is not an error.
	DeleteState(ctx context.Context, namespace, key string) error
}

// Locker runs work under a lock held across every replica of one database
// (a PostgreSQL advisory lock; a process mutex on SQLite).
type Locker interface {
	WithLock(ctx context.Context, name string, fn func(ctx context.Context) error) error
}
