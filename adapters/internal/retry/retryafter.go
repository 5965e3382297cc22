package retry

import (
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// RetryAfter reads a Retry-After value as RFC 9110 (section 10.2.3) gives
// it: delay-seconds, or an HTTP date read against the policy's clock. It
// returns 0, meaning "none: use the backoff", for a missing, unreadable or
// negative value and for a date already past (the clocks differ).
func (p Policy) RetryAfter(v string) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, ok := seconds(v); ok {
		return s
	}
	t, err := http.ParseTime(v) // IMF-fixdate, RFC 850 and asctime, as RFC 9110 asks
	if err != nil {
		return 0
	}
	now := time.Now
	if p.Now != nil {
		now = p.Now
	}
	if d := t.Sub(now()); d > 0 {
		return d
	}
	return 0
}

// seconds reads delay-seconds (digits only); ok is false for anything else
// and for values beyond what a Duration holds.
func seconds(v string) (time.Duration, bool) {
	if strings.Trim(v, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n > math.MaxInt64/int64(time.Second) {
		return 0, false
	}
	return time.Duration(n) * time.Second, true
}

// Transport wraps next so that every answer's Retry-After arrives as
// delay-seconds: a date is turned into the seconds until then (rounded up),
// and a value that cannot be read, or a date already past, is dropped. It
// is for clients that read only seconds (slack-go fails on a date).
func (p Policy) Transport(next http.RoundTripper) http.RoundTripper {
	if next == nil {
		next = http.DefaultTransport
	}
	return secondsOnly{next: next, p: p}
}

type secondsOnly struct {
	next http.RoundTripper
	p    Policy
}

func (t secondsOnly) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := t.next.RoundTrip(r)
	if err != nil || resp == nil {
		return resp, err
	}
	v := resp.Header.Get("Retry-After")
	if v == "" {
		return resp, nil
	}
	if _, ok := seconds(v); ok {
		return resp, nil
	}
	if d := t.p.RetryAfter(v); d > 0 {
		resp.Header.Set("Retry-After", strconv.FormatInt(int64((d+time.Second-1)/time.Second), 10))
	} else {
		resp.Header.Del("Retry-After")
	}
	return resp, nil
}
