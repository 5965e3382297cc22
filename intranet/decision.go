package intranet

import (
	"context"
	"time"
)

// Decision is a command that a reply offered a person as a button, kept in
// the database because it is too long to be the button's own (a series of
// bookings with many dates left out). The button runs "/room confirm <ID>"
// instead, which only that person may press, until Expires.
type Decision struct {
	ID       int64
	PersonID int64
	Command  string
	Expires  time.Time
}

// DecisionService keeps decisions.
type DecisionService interface {
	// SaveDecision stores a command for a person until expires and returns
	// its number; decisions that expired are removed on the way.
	SaveDecision(ctx context.Context, personID int64, command string, expires time.Time) (int64, error)
	// FindDecisionByID returns a decision. Returns ENOTFOUND.
	FindDecisionByID(ctx context.Context, id int64) (*Decision, error)
}
