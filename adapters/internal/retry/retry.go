// Package retry is the one retry policy of the platform clients (Slack,
// Mattermost, Teams): a call the platform refused for now (429) is tried
// again after its Retry-After; a call whose outcome is unknown (5xx,
// timeout, broken connection) only when repeating it cannot show anything
// twice. Between tries a doubling backoff with full jitter
// (https://aws.amazon.com/builders-library/timeouts-retries-and-backoff-with-jitter/)
// spreads many senders out instead of all hitting the platform at its
// return, and its cap (5 minutes a wait) keeps them from waiting long past
// that return.
//
// What is still failing when the tries run out comes back as a temporary
// *intranet.DeliveryError (with the platform's Retry-After, when it gave
// one), for the outbox to try later.
package retry

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"time"

	"github.com/werkplek/werkplek/adapters/internal/background"
	"github.com/werkplek/werkplek/intranet"
)

// Policy bounds the tries of one platform call. The zero value of a field
// means its default.
type Policy struct {
	// Attempts is the most tries of one call, the first included; default 3.
	Attempts int
	// Base is the ceiling of the first backoff; it doubles with every try.
	// Default 1 s.
	Base time.Duration
	// Cap is the ceiling of one backoff wait; default 5 minutes, so that a
	// call waits at most that long once the platform is back.
	Cap time.Duration
	// MaxWait bounds the waiting inside one Do; default 30 s. A Retry-After
	// beyond it is not waited for but handed to the caller, so that a
	// worker is not held for minutes.
	MaxWait time.Duration
	// Now is the clock that Retry-After dates are read against; default time.Now.
	Now func() time.Time
	// Sleep waits between tries and returns early with ctx's error;
	// default a timer. Tests record the waits instead.
	Sleep func(ctx context.Context, d time.Duration) error
	// Jitter draws a wait in [0, ceiling]; default uniformly at random.
	Jitter func(ceiling time.Duration) time.Duration
	// Log, when set, hears of every retry.
	Log *slog.Logger
}

// Call is one platform call as the policy sees it.
type Call struct {
	// Op names the call in logs ("chat.postMessage").
	Op string
	// Safe says that repeating the call after an unknown outcome shows
	// nothing twice: a read, an update, opening the one DM channel, or a
	// post carrying a key the platform dedupes by.
	Safe bool
	// Check, when set, is asked after an unknown outcome whether the try
	// took effect after all: true ends the call as a success, false allows
	// another try (so a call that is not Safe may still be retried), an
	// error ends the call with that error.
	Check func(ctx context.Context) (bool, error)
}

// kind is what a failed try did at the platform.
type kind int

const (
	// final is a refusal that a later try would get again (a 4xx); any
	// error that is not marked otherwise is final.
	final kind = iota
	// notDone is a try the platform did not act on: a 429, or a request
	// that never left. It is always tried again.
	notDone
	// maybeDone is a try whose outcome is unknown: a 5xx, a timeout, a
	// broken connection. It is tried again only for a Safe call, or when
	// Check says it did not take effect.
	maybeDone
)

// marked is an error with the kind of failure an adapter read in it.
type marked struct {
	kind kind
	wait time.Duration
	err  error
}

func (m *marked) Error() string { return m.err.Error() }
func (m *marked) Unwrap() error { return m.err }

// Refused marks err as a try the platform did not act on (a 429, or a
// request that never left), with the wait its Retry-After asked for (0:
// none). Do always tries it again.
func Refused(err error, wait time.Duration) error {
	return &marked{kind: notDone, wait: wait, err: err}
}

// Unknown marks err as a try whose outcome is unknown (a 5xx, a timeout, a
// broken connection), with the wait a Retry-After asked for (0: none). Do
// tries it again only for a Safe call, or when Check says it did not land.
func Unknown(err error, wait time.Duration) error {
	return &marked{kind: maybeDone, wait: wait, err: err}
}

// kindOf returns the kind err was marked with and its wait, and err without
// the mark, so that callers see the adapter's own error.
func kindOf(err error) (kind, time.Duration, error) {
	if m, ok := err.(*marked); ok {
		return m.kind, m.wait, m.err
	}
	return final, 0, err
}

// Do runs try until it succeeds, fails finally or the policy gives up. try
// returns nil, an error marked with Refused or Unknown, or any other error,
// which is final and returned as it is; its errors name the call, for Do
// wraps them without repeating c.Op. A cancelled ctx stops Do at once with a
// temporary *intranet.DeliveryError that wraps ctx's error.
func (p Policy) Do(ctx context.Context, c Call, try func(ctx context.Context) error) error {
	p = p.withDefaults()
	var waited time.Duration
	for attempt := 1; ; attempt++ {
		err := try(ctx)
		if err == nil {
			return nil
		}
		k, serverWait, err := kindOf(err)
		if k == final {
			return err
		}
		if ctx.Err() != nil {
			return &intranet.DeliveryError{Temporary: true, Err: fmt.Errorf("%w (after %w)", ctx.Err(), err)}
		}
		if k == maybeDone && !c.Safe {
			if c.Check == nil {
				return &intranet.DeliveryError{Temporary: true, RetryAfter: serverWait, Err: fmt.Errorf("not retried, it may have taken effect: %w", err)}
			}
			done, cerr := c.Check(ctx)
			if cerr != nil {
				return cerr
			}
			if done {
				p.log("earlier attempt had taken effect", c.Op, attempt, 0, err)
				return nil
			}
		}
		wait := serverWait
		if wait <= 0 {
			wait = p.backoff(attempt)
		}
		if attempt >= p.Attempts || waited+wait > p.MaxWait {
			return &intranet.DeliveryError{Temporary: true, RetryAfter: serverWait, Err: fmt.Errorf("after %d attempts: %w", attempt, err)}
		}
		p.log("retrying", c.Op, attempt, wait, err)
		if serr := p.Sleep(ctx, wait); serr != nil {
			return &intranet.DeliveryError{Temporary: true, RetryAfter: serverWait, Err: fmt.Errorf("%w (after %w)", serr, err)}
		}
		waited += wait
	}
}

// backoff is the wait before try attempt+1: full jitter below a ceiling
// that starts at Base and doubles up to Cap.
func (p Policy) backoff(attempt int) time.Duration {
	ceiling := p.Base
	for i := 1; i < attempt && ceiling < p.Cap; i++ {
		ceiling *= 2
	}
	return p.Jitter(min(ceiling, p.Cap))
}

func (p Policy) log(msg, op string, attempt int, wait time.Duration, err error) {
	if p.Log != nil {
		p.Log.Info(msg, "op", op, "attempt", attempt, "wait", wait.String(), "err", err)
	}
}

func (p Policy) withDefaults() Policy {
	if p.Attempts <= 0 {
		p.Attempts = 3
	}
	if p.Base <= 0 {
		p.Base = time.Second
	}
	if p.Cap <= 0 {
		p.Cap = 5 * time.Minute
	}
	if p.MaxWait <= 0 {
		p.MaxWait = 30 * time.Second
	}
	if p.Now == nil {
		p.Now = time.Now
	}
	if p.Sleep == nil {
		p.Sleep = background.Sleep
	}
	if p.Jitter == nil {
		p.Jitter = fullJitter
	}
	return p
}

// fullJitter draws uniformly from [0, ceiling].
func fullJitter(ceiling time.Duration) time.Duration {
	if ceiling <= 0 {
		return 0
	}
	return rand.N(ceiling + 1)
}
