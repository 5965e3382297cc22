package retry

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/werkplek/werkplek/intranet"
)

var now = time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)

// recorder is a policy whose sleeps are recorded, never slept, and whose
// jitter is pinned to its ceiling, so that waits can be compared.
type recorder struct {
	waits    []time.Duration
	ceilings []time.Duration
}

func (r *recorder) policy() Policy {
	return Policy{
		Now: func() time.Time { return now },
		Sleep: func(ctx context.Context, d time.Duration) error {
			r.waits = append(r.waits, d)
			return ctx.Err()
		},
		Jitter: func(c time.Duration) time.Duration {
			r.ceilings = append(r.ceilings, c)
			return c
		},
	}
}

func TestRetryAfter(t *testing.T) {
	p := Policy{Now: func() time.Time { return now }}
	for _, tc := range []struct {
		name, in string
		want     time.Duration
	}{
		{"Missing", "", 0},
		{"Seconds", "7", 7 * time.Second},
		{"SecondsWithSpace", " 120 ", 2 * time.Minute},
		{"Zero", "0", 0},
		{"Negative", "-1", 0},
		{"Signed", "+5", 0},
		{"Fraction", "1.5", 0},
		{"Garbage", "soon", 0},
		{"TooLarge", "99999999999999999999", 0},
		{"DateIMF", "Tue, 01 Dec 2026 08:00:10 GMT", 10 * time.Second},
		{"DateRFC850", "Tuesday, 01-Dec-26 08:01:30 GMT", 90 * time.Second},
		{"DateAsctime", "Tue Dec  1 08:05:00 2026", 5 * time.Minute},
		{"DateNow", "Tue, 01 Dec 2026 08:00:00 GMT", 0},
		{"DatePast", "Tue, 01 Dec 2026 07:59:00 GMT", 0},
		{"DateGarbled", "Tue, 41 Dec 2026 08:00:10 GMT", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := p.RetryAfter(tc.in); got != tc.want {
				t.Errorf("RetryAfter(%q) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

func TestDo(t *testing.T) {
	errPlatform := errors.New("platform trouble")
	errRefusal := errors.New("channel_not_found")
	p := Policy{Now: func() time.Time { return now }}
	refused := func(v string) error { return Refused(errPlatform, p.RetryAfter(v)) }
	unknown := Unknown(errPlatform, 0)
	type want struct {
		tries      int
		waits      []time.Duration
		err        error // nil, or the final error itself
		temporary  bool  // a temporary *intranet.DeliveryError
		retryAfter time.Duration
	}
	for _, tc := range []struct {
		name  string
		call  Call
		edit  func(*Policy)
		fails []error // what the tries return before one succeeds
		want  want
	}{
		{"RateLimitedSeconds", Call{}, nil, []error{refused("7")}, want{tries: 2, waits: []time.Duration{7 * time.Second}}},
		{"RateLimitedDate", Call{}, nil, []error{refused("Tue, 01 Dec 2026 08:00:20 GMT")}, want{tries: 2, waits: []time.Duration{20 * time.Second}}},
		{"RateLimitedDatePast", Call{}, nil, []error{refused("Tue, 01 Dec 2026 07:00:00 GMT")}, want{tries: 2, waits: []time.Duration{time.Second}}},
		{"RateLimitedGarbage", Call{}, nil, []error{refused("later"), refused("")}, want{tries: 3, waits: []time.Duration{time.Second, 2 * time.Second}}},
		{"ServerErrorUnkeyed", Call{}, nil, []error{unknown}, want{tries: 1, temporary: true}},
		{"ServerErrorUnkeyedRetryAfter", Call{}, nil, []error{Unknown(errPlatform, 4*time.Second)}, want{tries: 1, temporary: true, retryAfter: 4 * time.Second}},
		{"ServerErrorKeyed", Call{Safe: true}, nil, []error{unknown, unknown}, want{tries: 3, waits: []time.Duration{time.Second, 2 * time.Second}}},
		{"ServerErrorKeyedRetryAfter", Call{Safe: true}, nil, []error{Unknown(errPlatform, 5*time.Second)}, want{tries: 2, waits: []time.Duration{5 * time.Second}}},
		{"NeverSent", Call{}, nil, []error{Refused(errPlatform, 0)}, want{tries: 2, waits: []time.Duration{time.Second}}},
		{"Final", Call{Safe: true}, nil, []error{errRefusal}, want{tries: 1, err: errRefusal}},
		{"GivesUp", Call{Safe: true}, nil, []error{unknown, unknown, unknown}, want{tries: 3, waits: []time.Duration{time.Second, 2 * time.Second}, temporary: true}},
		{"AttemptsConfigured", Call{Safe: true}, func(p *Policy) { p.Attempts = 5 }, []error{unknown, unknown, unknown, unknown}, want{tries: 5, waits: []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second}}},
		{"RetryAfterBeyondBudget", Call{}, nil, []error{refused("60")}, want{tries: 1, temporary: true, retryAfter: time.Minute}},
		{"BackoffBeyondBudget", Call{Safe: true}, func(p *Policy) { p.Attempts, p.MaxWait = 10, 5*time.Second }, []error{unknown, unknown, unknown, unknown}, want{tries: 3, waits: []time.Duration{time.Second, 2 * time.Second}, temporary: true}},
		{"LastRetryAfterCarried", Call{}, nil, []error{refused("2"), refused("3"), refused("4")}, want{tries: 3, waits: []time.Duration{2 * time.Second, 3 * time.Second}, temporary: true, retryAfter: 4 * time.Second}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := &recorder{}
			pol := r.policy()
			if tc.edit != nil {
				tc.edit(&pol)
			}
			tries := 0
			err := pol.Do(context.Background(), tc.call, func(ctx context.Context) error {
				tries++
				if tries <= len(tc.fails) {
					return tc.fails[tries-1]
				}
				return nil
			})
			if tries != tc.want.tries {
				t.Errorf("%d tries, want %d", tries, tc.want.tries)
			}
			if d := cmp.Diff(tc.want.waits, r.waits); d != "" {
				t.Errorf("waits (-want +got):\n%s", d)
			}
			var de *intranet.DeliveryError
			switch {
			case tc.want.temporary:
				if !errors.As(err, &de) || !de.Temporary || de.RetryAfter != tc.want.retryAfter || !errors.Is(err, errPlatform) {
					t.Errorf("err = %#v, want a temporary DeliveryError with RetryAfter %v wrapping the platform's error", err, tc.want.retryAfter)
				}
			case tc.want.err != nil:
				if err != tc.want.err {
					t.Errorf("err = %v, want the final error itself", err)
				}
			case err != nil:
				t.Errorf("err = %v, want success", err)
			}
		})
	}
}

func TestDoCheck(t *testing.T) {
	errPlatform := errors.New("500 Internal Server Error")
	errHistory := errors.New("history not readable")
	for _, tc := range []struct {
		name      string
		landed    bool  // what the check finds
		checkErr  error // what the check fails with
		wantTries int
		wantErr   error
	}{
		{"LandedAfterAll", true, nil, 1, nil},
		{"NotLanded", false, nil, 2, nil},
		{"CheckFails", false, errHistory, 1, errHistory},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := &recorder{}
			tries, checks := 0, 0
			err := r.policy().Do(context.Background(), Call{Op: "chat.postMessage", Check: func(context.Context) (bool, error) {
				checks++
				return tc.landed, tc.checkErr
			}}, func(ctx context.Context) error {
				tries++
				if tries == 1 {
					return Unknown(errPlatform, 0)
				}
				return nil
			})
			if err != tc.wantErr || tries != tc.wantTries || checks != 1 {
				t.Errorf("err %v after %d tries and %d checks; want %v after %d tries and 1 check", err, tries, checks, tc.wantErr, tc.wantTries)
			}
		})
	}
	t.Run("NotAskedOnRateLimit", func(t *testing.T) {
		r := &recorder{}
		tries := 0
		err := r.policy().Do(context.Background(), Call{Check: func(context.Context) (bool, error) {
			t.Error("a 429 cannot have taken effect: no check")
			return false, nil
		}}, func(ctx context.Context) error {
			if tries++; tries == 1 {
				return Refused(errPlatform, time.Second)
			}
			return nil
		})
		if err != nil || tries != 2 {
			t.Errorf("err %v after %d tries", err, tries)
		}
	})
}

func TestBackoffCap(t *testing.T) {
	r := &recorder{}
	p := r.policy()
	p.Base, p.Attempts, p.MaxWait = time.Minute, 8, 24*time.Hour
	err := p.Do(context.Background(), Call{Safe: true}, func(ctx context.Context) error { return Unknown(errors.New("503"), 0) })
	var de *intranet.DeliveryError
	if !errors.As(err, &de) || !de.Temporary {
		t.Fatalf("err = %v, want temporary", err)
	}
	m := time.Minute
	if d := cmp.Diff([]time.Duration{m, 2 * m, 4 * m, 5 * m, 5 * m, 5 * m, 5 * m}, r.waits); d != "" {
		t.Errorf("waits (-want +got):\n%s", d)
	}
	// A server's own Retry-After is honoured even beyond the cap.
	r = &recorder{}
	p = r.policy()
	p.MaxWait = time.Hour
	tries := 0
	if err := p.Do(context.Background(), Call{}, func(ctx context.Context) error {
		if tries++; tries == 1 {
			return Refused(errors.New("429"), 10*time.Minute)
		}
		return nil
	}); err != nil || len(r.waits) != 1 || r.waits[0] != 10*time.Minute {
		t.Errorf("err %v, waits %v; want one wait of 10m", err, r.waits)
	}
}

func TestJitter(t *testing.T) {
	t.Run("Bounds", func(t *testing.T) {
		for _, ceiling := range []time.Duration{0, time.Nanosecond, time.Second, 5 * time.Minute} {
			lo, hi := ceiling, time.Duration(0)
			for range 2000 {
				d := fullJitter(ceiling)
				if d < 0 || d > ceiling {
					t.Fatalf("fullJitter(%v) = %v, outside [0, %v]", ceiling, d, ceiling)
				}
				lo, hi = min(lo, d), max(hi, d)
			}
			// Full jitter spreads over the whole range, not just near its top.
			if ceiling >= time.Second && (lo > ceiling/10 || hi < ceiling*9/10) {
				t.Errorf("fullJitter(%v) drew only from [%v, %v]", ceiling, lo, hi)
			}
		}
	})
	t.Run("DrawnBelowTheDoublingCeiling", func(t *testing.T) {
		var waits []time.Duration
		p := Policy{Attempts: 6, MaxWait: time.Hour, Sleep: func(ctx context.Context, d time.Duration) error {
			waits = append(waits, d)
			return nil
		}}
		p.Do(context.Background(), Call{Safe: true}, func(ctx context.Context) error { return Unknown(errors.New("502"), 0) })
		if len(waits) != 5 {
			t.Fatalf("%d waits, want 5", len(waits))
		}
		for i, w := range waits {
			if ceiling := time.Second << i; w < 0 || w > ceiling {
				t.Errorf("wait %d = %v, outside [0, %v]", i+1, w, ceiling)
			}
		}
	})
}

func TestCancel(t *testing.T) {
	errPlatform := errors.New("503")
	t.Run("BeforeTheWait", func(t *testing.T) {
		r := &recorder{}
		ctx, cancel := context.WithCancel(context.Background())
		tries := 0
		err := r.policy().Do(ctx, Call{Check: func(context.Context) (bool, error) {
			t.Error("checked after cancellation")
			return false, nil
		}}, func(ctx context.Context) error {
			tries++
			cancel()
			return Unknown(errPlatform, 0)
		})
		var de *intranet.DeliveryError
		if !errors.As(err, &de) || !de.Temporary || !errors.Is(err, context.Canceled) || !errors.Is(err, errPlatform) || tries != 1 || len(r.waits) != 0 {
			t.Errorf("err %v after %d tries and waits %v", err, tries, r.waits)
		}
	})
	t.Run("DuringTheWait", func(t *testing.T) {
		// The real timer: a Retry-After of an hour, cancelled after 10 ms.
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		start := time.Now()
		tries := 0
		err := Policy{MaxWait: 2 * time.Hour}.Do(ctx, Call{}, func(ctx context.Context) error {
			tries++
			time.AfterFunc(10*time.Millisecond, cancel)
			return Refused(errPlatform, time.Hour)
		})
		if !errors.Is(err, context.Canceled) || tries != 1 {
			t.Errorf("err %v after %d tries", err, tries)
		}
		if el := time.Since(start); el > 5*time.Second {
			t.Errorf("returned after %v, not at once", el)
		}
	})
	t.Run("FinalWins", func(t *testing.T) {
		// A refusal that came with the cancellation is still a refusal.
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		errRefusal := errors.New("not_in_channel")
		if err := (Policy{}).Do(ctx, Call{}, func(ctx context.Context) error { return errRefusal }); err != errRefusal {
			t.Errorf("err = %v", err)
		}
	})
}

func TestMarks(t *testing.T) {
	base := errors.New("x")
	for _, tc := range []struct {
		err  error
		kind kind
		wait time.Duration
	}{
		{base, final, 0},
		{Refused(base, time.Second), notDone, time.Second},
		{Unknown(base, 0), maybeDone, 0},
		// A mark inside another error is not looked for: try returns it as is.
		{fmt.Errorf("wrapped: %w", Refused(base, 0)), final, 0},
	} {
		k, w, err := kindOf(tc.err)
		if k != tc.kind || w != tc.wait || !errors.Is(tc.err, base) || (k != final && err != base) {
			t.Errorf("kindOf(%v) = %v, %v, %v", tc.err, k, w, err)
		}
	}
}

func TestTransport(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if h := r.URL.Query().Get("h"); h != "" {
			w.Header().Set("Retry-After", h)
		}
		w.WriteHeader(http.StatusTooManyRequests)
	}))
	defer srv.Close()
	c := &http.Client{Transport: Policy{Now: func() time.Time { return now }}.Transport(srv.Client().Transport)}
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"30", "30"},
		{"Tue, 01 Dec 2026 08:00:30 GMT", "30"},
		{"Tue Dec  1 08:02:00 2026", "120"},
		{"Tue, 01 Dec 2026 07:00:00 GMT", ""},
		{"soon", ""},
	} {
		resp, err := c.Get(srv.URL + "?h=" + url.QueryEscape(tc.in))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if got := resp.Header.Get("Retry-After"); got != tc.want || resp.StatusCode != http.StatusTooManyRequests {
			t.Errorf("Retry-After %q arrived as %q (status %d), want %q", tc.in, got, resp.StatusCode, tc.want)
		}
	}
}
