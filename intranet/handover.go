package intranet

import (
	"context"
	"time"
)

// Handover is a request to the team to take over a shift or a client pool.
// The first eligible colleague to take it gets it; with the team's approval
// flag on, a lead approves that first.
type Handover struct {
	ID     int64
	TeamID int64
	Team   string
	// Requester asks; Taker took it (0 while open).
	RequesterID    int64
	Requester      string
	RequesterEmail string
	TakerID        int64
	Taker          string
	TakerEmail     string
	Start, End     time.Time
	What           string
	// Skill, when set, is the phonebook skill a taker must have.
	Skill string
	State HandoverState
	// Lang is the language the cards of the request are written in.
	Lang    string
	Created time.Time
	// Changed is when the state last changed (when it was taken, cancelled ...).
	Changed time.Time
}

// HandoverState is where a handover request is.
type HandoverState string

// The states of a handover request. Open requests wait for a colleague;
// pending ones for the lead's approval; taken, cancelled and expired ones
// are settled (a taken one may still be cancelled by its requester).
const (
	HandoverOpen      HandoverState = "open"
	HandoverPending   HandoverState = "pending"
	HandoverTaken     HandoverState = "taken"
	HandoverCancelled HandoverState = "cancelled"
	HandoverExpired   HandoverState = "expired"
)

// MaxShift is the longest shift a handover may ask for.
const MaxShift = 16 * time.Hour

// HandoverEvent is one recorded state change: who did what, when.
type HandoverEvent struct {
	ID         int64
	HandoverID int64
	At         time.Time
	// ActorID is 0 for Werkplek itself (expiry).
	ActorID    int64
	Actor      string
	ActorEmail string
	Action     HandoverAction
	State      HandoverState
}

// HandoverAction names a state change.
type HandoverAction string

// The recorded actions.
const (
	ActionCreated   HandoverAction = "created"
	ActionTaken     HandoverAction = "taken"
	ActionRequested HandoverAction = "approval_requested"
	ActionApproved  HandoverAction = "approved"
	ActionRejected  HandoverAction = "rejected"
	ActionCancelled HandoverAction = "cancelled"
	ActionExpired   HandoverAction = "expired"
	ActionNotified  HandoverAction = "notified"
	ActionReminded  HandoverAction = "reminded"
)

// NewHandover is a request as the requester typed it.
type NewHandover struct {
	TeamID      int64
	RequesterID int64
	Start, End  time.Time
	What        string
	Skill       string
	Lang        string
}

// HandoverFilter selects requests; nil fields are not filtered on.
type HandoverFilter struct {
	TeamIDs     []int64
	States      []HandoverState
	RequesterID *int64
	TakerID     *int64
	// StartFrom and StartTo bound the shift's start (From included, To not).
	StartFrom, StartTo *time.Time
	Limit              int
}

// HandoverPost is a card of a request as posted in one channel. A card sent
// through the Outbox has its OutboxID and gets its Ref.ID once delivered.
type HandoverPost struct {
	HandoverID int64
	Ref        MessageRef
	OutboxID   int64
}

// HandoverService keeps handover requests. Every state change is a
// conditional update, so of any number of concurrent changes across
// replicas exactly one succeeds and the others get ECONFLICT with the
// request as it then is.
type HandoverService interface {
	// CreateHandover stores an open request and records "created". Returns
	// EINVALID for an empty description, a shift of zero length, longer
	// than MaxShift or starting before now; ENOTFOUND for an unknown team.
	CreateHandover(ctx context.Context, n NewHandover, now time.Time) (*Handover, error)
	// FindHandoverByID returns ENOTFOUND for an unknown id.
	FindHandoverByID(ctx context.Context, id int64) (*Handover, error)
	// Handovers returns requests by shift start, earliest first.
	Handovers(ctx context.Context, f HandoverFilter) ([]*Handover, error)
	// TakeHandover gives an open request whose shift has not started to
	// takerID: taken, or pending when approval is true. Returns ECONFLICT
	// when it is not open (any more) or its shift started, EINVALID when the
	// taker is the requester, ENOTFOUND for an unknown id. The returned
	// request is the one as it then is, also with ECONFLICT.
	TakeHandover(ctx context.Context, id, takerID int64, approval bool, now time.Time) (*Handover, error)
	// DecideHandover approves (taken) or rejects (open again, no taker) a
	// pending request; with takerID set, only while that person is its
	// taker (a lead's button is about one colleague). Returns ECONFLICT
	// when it is not pending (or has another taker), ENOTFOUND.
	DecideHandover(ctx context.Context, id, leadID, takerID int64, approve bool, now time.Time) (*Handover, error)
	// CancelHandover cancels an open, pending or taken request of
	// requesterID. Returns EUNAUTHORIZED for someone else's request,
	// ECONFLICT when it is cancelled or expired already, ENOTFOUND.
	CancelHandover(ctx context.Context, id, requesterID int64, now time.Time) (*Handover, error)
	// ExpireHandover expires a request still open or pending at its shift's
	// start. Returns ECONFLICT when it is not open or pending or its shift
	// has not started, ENOTFOUND.
	ExpireHandover(ctx context.Context, id int64, now time.Time) (*Handover, error)
	// RecordHandoverEvent records an action that does not change the state
	// (notified, reminded).
	RecordHandoverEvent(ctx context.Context, id, actorID int64, action HandoverAction, now time.Time) error
	// HandoverEvents returns the recorded changes of requests whose shift
	// starts in [from, to), by request and time.
	HandoverEvents(ctx context.Context, from, to time.Time) ([]HandoverEvent, error)
	// AddHandoverPost remembers a posted card, to update it later; adding
	// the card of the same channel again replaces it (its Ref once known).
	// Joins the transaction of ctx (Transactor.InTx).
	AddHandoverPost(ctx context.Context, p HandoverPost) error
	// HandoverPosts returns the posted cards of a request.
	HandoverPosts(ctx context.Context, id int64) ([]HandoverPost, error)
}

// PosterSet finds the poster of a platform: nil when the platform is off.
// The handover feature posts its cards and DMs through it, and keeps the
// MessageRefs to update the cards later.
type PosterSet interface {
	Poster(p Platform) Poster
}
