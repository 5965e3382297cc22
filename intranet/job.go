package intranet

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Background work: booking reminders, handover expiry, digests, escalations
// and the delivery of outbound messages run as jobs in the database, so that
// they survive restarts and run once across replicas.
//
// A feature registers a handler per job kind (JobRegistry), schedules work per
// row (Scheduler: "the reminder of booking 12 at 09:50") and sends outbound
// messages through the Outbox, which records the intent before a job hands it
// to the platform's Poster. Changes and the jobs they cause are written in one
// transaction (Transactor).

// Job is one run of background work as its handler sees it.
type Job struct {
	ID   int64
	Kind string
	// Key is the row the work belongs to ("booking:12") for scheduled work,
	// empty for one-off jobs.
	Key string
	// Due is when the job was meant to run.
	Due time.Time
	// Payload is what the feature gave when it scheduled the job (JSON).
	Payload []byte
	// Attempt counts runs of this job, 1 for the first.
	Attempt int
}

// At is the moment a job acts at: now, or its due time when it runs early
// (a clock a little behind another replica's, a test), so that what it
// checks ("still visible?", "which period?") is what was meant when it was
// scheduled.
func (j Job) At(now time.Time) time.Time {
	if now.Before(j.Due) {
		return j.Due
	}
	return now
}

// JobHandler does one job. A nil error marks the job done. A *JobError says
// when to try again or that the job failed for good; any other error is
// retried with exponential backoff until the runner's attempts are used up,
// and the job then counts as failed. Handlers keep jobs short (well under 30
// seconds): a job running on a process that died is run again elsewhere, so
// a handler must be safe to run twice (use Delivery.Key for messages).
type JobHandler func(ctx context.Context, j Job) error

// JobError is a handler's answer for a job that did not succeed.
type JobError struct {
	// Retry asks for another attempt, after RetryAfter when it is set, else
	// after the runner's backoff. A retry after RetryAfter (a platform's rate
	// limit) does not use up an attempt, so a handler that keeps asking for
	// one limits itself (the outbox gives up after 20 tries). Without Retry
	// the job failed for good: it is kept as failed, visible to an admin
	// (`werkplek jobs`), who may retry it.
	Retry      bool
	RetryAfter time.Duration
	Err        error
}

func (e *JobError) Error() string {
	if e.Retry {
		return fmt.Sprintf("retry after %s: %v", e.RetryAfter, e.Err)
	}
	return "failed: " + e.Err.Error()
}
func (e *JobError) Unwrap() error { return e.Err }

// RetryLater asks the runner to run the job again after d (0: backoff).
func RetryLater(d time.Duration, err error) error {
	return &JobError{Retry: true, RetryAfter: d, Err: err}
}

// FailJob tells the runner the job failed for good and must not be retried.
func FailJob(err error) error { return &JobError{Err: err} }

// AsJobError returns the *JobError in err's chain, if any.
func AsJobError(err error) (*JobError, bool) {
	var je *JobError
	ok := errors.As(err, &je)
	return je, ok
}

// JobRegistry is where features register the handlers of their job kinds.
type JobRegistry interface {
	// HandleJobs registers the handler of a job kind, before the runner
	// starts. A kind is lowercase words joined by dots ("booking.reminder").
	// Returns EINVALID for a malformed kind or a nil handler, ECONFLICT when
	// the kind already has a handler.
	HandleJobs(kind string, h JobHandler) error
}

// Scheduler schedules work per row: a booking's reminder at its start minus
// ten minutes, a handover's expiry. A row has at most one pending job per
// kind, and a (kind, key, due) is never run twice, however often it is
// scheduled. Its methods join the transaction of a ctx given by
// Transactor.InTx, so the job changes with the row or not at all.
type Scheduler interface {
	// Schedule makes the job of kind for key run once at due with payload.
	// A pending job of (kind, key) at another time is moved to due; at the
	// same time only its payload is replaced; a (kind, key, due) that already
	// ran is left alone (nil error). A due time in the past runs at once.
	// Returns EINVALID for a kind without handler or an empty key,
	// EUNAVAILABLE when the database cannot be reached.
	Schedule(ctx context.Context, kind, key string, due time.Time, payload []byte) error
	// Reschedule moves the pending job of (kind, key) to due, keeping its
	// payload. Returns ENOTFOUND when (kind, key) has no pending job,
	// EUNAVAILABLE when the database cannot be reached.
	Reschedule(ctx context.Context, kind, key string, due time.Time) error
	// Cancel removes the pending job of (kind, key); a missing one is not an
	// error. A run already in progress finishes. Returns EUNAVAILABLE when the
	// database cannot be reached.
	Cancel(ctx context.Context, kind, key string) error
	// Enqueue runs a one-off job of kind as soon as possible and returns its
	// id. Returns EINVALID for a kind without handler, EUNAVAILABLE when the
	// database cannot be reached.
	Enqueue(ctx context.Context, kind string, payload []byte) (int64, error)
}

// Transactor runs work in one database transaction.
type Transactor interface {
	// InTx runs fn in a transaction; the Scheduler, the Outbox and the store
	// methods that say so join it when called with fn's ctx. The transaction
	// commits when fn returns nil and rolls back otherwise. A nested InTx
	// joins the outer transaction. Returns fn's error, or EUNAVAILABLE when
	// the database cannot be reached.
	InTx(ctx context.Context, fn func(ctx context.Context) error) error
}

// Outbox delivers outbound messages as jobs: Send records the intent, in the
// caller's transaction when there is one, and a job hands it to the
// platform's Poster. 429 and 5xx answers (a temporary *DeliveryError) are
// retried after the platform's Retry-After, else with backoff; a definite
// failure is recorded on the entry and the job shows as failed.
//
// At most once per intent where the platform lets us know: the Slack and
// Mattermost posters dedupe by Delivery.Key, so a retry after an ambiguous
// timeout never shows a message twice. What a crash can still do: a process
// that dies after the platform accepted a post but before the entry was
// marked sent leaves the job running; it is run again after the rescue time
// (about a minute). On Slack and Mattermost the poster recognises the key and
// nothing is shown twice; on Teams and any poster without such a check the
// message may then appear twice. No message is ever lost that way.
type Outbox interface {
	// Send records the intent to deliver d and enqueues its delivery. d.Key
	// identifies the intent: sending the same key again changes nothing and
	// returns the first entry's id. Returns EINVALID for an empty key, or a
	// destination with neither a platform nor a person, EUNAVAILABLE when
	// the database cannot be reached.
	Send(ctx context.Context, d Delivery) (int64, error)
	// OutboxEntry returns an entry with its state. Returns ENOTFOUND.
	OutboxEntry(ctx context.Context, id int64) (OutboxEntry, error)
}

// OutboxState is where an outbound message is.
type OutboxState string

// The outbox states.
const (
	OutboxPending OutboxState = "pending"
	OutboxSent    OutboxState = "sent"
	OutboxFailed  OutboxState = "failed"
	// OutboxHeld is a DM waiting for the end of its person's quiet hours.
	OutboxHeld OutboxState = "held"
)

// OutboxEntry is one recorded intent to deliver a message.
type OutboxEntry struct {
	ID  int64
	Key string
	// To is where it goes; for a DM to a person, To.PersonID, and once the
	// account was chosen, its platform and user too.
	To            Destination
	Reply         Reply
	Asked         bool
	Guests        bool
	IfUnreachable []Delivery
	// Event is what an entry to a webhook endpoint posts.
	Event *Event
	State OutboxState
	// Release is when a held DM is delivered (its person's quiet hours end).
	Release  time.Time
	Attempts int
	// LastError is the last failed attempt's error.
	LastError string
	// Ref points at the message once it is sent.
	Ref     MessageRef
	Created time.Time
	Sent    time.Time
}

// JobState is where a job is. Pending jobs are scheduled, available,
// running or retrying; failed jobs have used their attempts or failed for
// good and wait for an admin.
type JobState string

// The job states an admin sees.
const (
	JobScheduled JobState = "scheduled"
	JobAvailable JobState = "available"
	JobRunning   JobState = "running"
	JobRetrying  JobState = "retrying"
	JobFailed    JobState = "failed"
	JobDone      JobState = "done"
)

// JobInfo describes a job for an admin.
type JobInfo struct {
	ID    int64
	Kind  string
	Key   string
	State JobState
	// Due is when the job was meant to run; Next when it runs (again).
	Due         time.Time
	Next        time.Time
	Attempt     int
	MaxAttempts int
	LastError   string
}

// JobAdmin lets an admin see and retry jobs (`werkplek jobs`).
type JobAdmin interface {
	// Jobs lists pending and failed jobs, failed first, then by due time,
	// at most limit. Returns EUNAVAILABLE when the database cannot be reached.
	Jobs(ctx context.Context, limit int) ([]JobInfo, error)
	// RetryJob makes a failed job run again at once. Returns ENOTFOUND for
	// an unknown id, ECONFLICT when the job has not failed.
	RetryJob(ctx context.Context, id int64) error
}
