// Package load is the harness's load generator: a closed loop of N
// connections, each sending its next request as soon as the previous one
// answered, for a fixed duration, with every request's latency kept. An
// error is an answer that is not 2xx, a failed request, or an answer
// without the content the request expects.
package load

import (
	"context"
	"io"
	"net/http"
	"slices"
	"sync"
	"time"
)

// Request is one request of a run and how to judge its answer.
type Request struct {
	*http.Request
	// Check judges a 2xx answer's body; nil accepts any.
	Check func(body []byte) bool
}

// Source makes the i-th request of connection conn.
type Source func(conn, i int) Request

// Options say how hard and how long to drive.
type Options struct {
	Connections int           // concurrent closed loops (default 1)
	Duration    time.Duration // how long to send (default 10 s)
	Client      *http.Client  // default: one with a connection per loop
}

// Result is what a run measured.
type Result struct {
	Requests  int
	Errors    int
	Elapsed   time.Duration
	Latencies []time.Duration // every request's, sorted
	// FirstError describes the first error seen ("" when none).
	FirstError string
}

// PerSecond is the throughput: answered requests (errors included) per
// second of the run.
func (r Result) PerSecond() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Requests) / r.Elapsed.Seconds()
}

// Percentile is the latency that p percent of the requests stayed within
// (nearest rank); 0 without requests.
func (r Result) Percentile(p float64) time.Duration {
	if len(r.Latencies) == 0 {
		return 0
	}
	k := int(float64(len(r.Latencies))*p/100+0.999999) - 1
	k = max(0, min(k, len(r.Latencies)-1))
	return r.Latencies[k]
}

// NewClient is an HTTP client that keeps up to conns connections to one
// host open.
func NewClient(conns int) *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns, t.MaxIdleConnsPerHost, t.MaxConnsPerHost = conns, conns, conns
	return &http.Client{Transport: t, Timeout: 30 * time.Second}
}

// Run drives src with o.Connections closed loops for o.Duration (or until
// ctx ends) and returns what it measured.
func Run(ctx context.Context, o Options, src Source) Result {
	if o.Connections <= 0 {
		o.Connections = 1
	}
	if o.Duration <= 0 {
		o.Duration = 10 * time.Second
	}
	client := o.Client
	if client == nil {
		client = NewClient(o.Connections)
	}
	ctx, cancel := context.WithTimeout(ctx, o.Duration)
	defer cancel()
	type loop struct {
		lat      []time.Duration
		errs     int
		firstErr string
	}
	loops := make([]loop, o.Connections)
	var wg sync.WaitGroup
	start := time.Now()
	for c := range loops {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l := &loops[c]
			for i := 0; ctx.Err() == nil; i++ {
				req := src(c, i)
				t0 := time.Now()
				problem := do(client, req)
				l.lat = append(l.lat, time.Since(t0))
				if problem != "" {
					l.errs++
					if l.firstErr == "" {
						l.firstErr = problem
					}
				}
			}
		}()
	}
	wg.Wait()
	res := Result{Elapsed: time.Since(start)}
	for _, l := range loops {
		res.Latencies = append(res.Latencies, l.lat...)
		res.Errors += l.errs
		if res.FirstError == "" {
			res.FirstError = l.firstErr
		}
	}
	res.Requests = len(res.Latencies)
	slices.Sort(res.Latencies)
	return res
}

// do sends one request and says what was wrong with its answer ("" when
// nothing). The run's context is not attached: a request under way when
// the run ends is finished, so the server sees no aborted requests.
func do(client *http.Client, req Request) string {
	resp, err := client.Do(req.Request)
	if err != nil {
		return err.Error()
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err.Error()
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return resp.Status + ": " + truncate(string(body))
	}
	if req.Check != nil && !req.Check(body) {
		return "unexpected answer: " + truncate(string(body))
	}
	return ""
}

func truncate(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}
