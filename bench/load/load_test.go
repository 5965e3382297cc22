package load

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestRunCountsRequestsAndErrors(t *testing.T) {
	var n atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i := n.Add(1)
		switch {
		case r.URL.Path == "/fail" && i%2 == 0:
			http.Error(w, "broken", http.StatusInternalServerError)
		default:
			fmt.Fprintf(w, "answer to %s", r.URL.Query().Get("q"))
		}
	}))
	defer srv.Close()

	get := func(path, want string) Source {
		return func(conn, i int) Request {
			req, _ := http.NewRequest(http.MethodGet, fmt.Sprintf("%s%s?q=c%d-%d", srv.URL, path, conn, i), nil)
			return Request{Request: req, Check: func(body []byte) bool { return strings.Contains(string(body), want) }}
		}
	}
	o := Options{Connections: 3, Duration: 200 * time.Millisecond}

	ok := Run(context.Background(), o, get("/ok", "answer to c"))
	if ok.Requests == 0 || ok.Errors != 0 || len(ok.Latencies) != ok.Requests || ok.FirstError != "" {
		t.Fatalf("all good: %d requests, %d errors (%s)", ok.Requests, ok.Errors, ok.FirstError)
	}
	if ok.PerSecond() <= 0 || ok.Percentile(50) <= 0 || ok.Percentile(99) < ok.Percentile(50) {
		t.Errorf("figures: %.0f/s p50 %s p99 %s", ok.PerSecond(), ok.Percentile(50), ok.Percentile(99))
	}

	// Every other answer a 500: about half are errors, and the first says why.
	half := Run(context.Background(), o, get("/fail", "answer to c"))
	if half.Errors == 0 || half.Errors == half.Requests || !strings.Contains(half.FirstError, "500") {
		t.Errorf("every other a 500: %d of %d errors, first %q", half.Errors, half.Requests, half.FirstError)
	}

	// A 200 without the expected content is an error too.
	wrong := Run(context.Background(), o, get("/ok", "something else"))
	if wrong.Errors != wrong.Requests || !strings.Contains(wrong.FirstError, "unexpected answer") {
		t.Errorf("wrong content: %d of %d errors, first %q", wrong.Errors, wrong.Requests, wrong.FirstError)
	}
}

func TestPercentile(t *testing.T) {
	var r Result
	if r.Percentile(99) != 0 || r.PerSecond() != 0 {
		t.Error("an empty result has no figures")
	}
	for i := 1; i <= 100; i++ {
		r.Latencies = append(r.Latencies, time.Duration(i)*time.Millisecond)
	}
	r.Requests, r.Elapsed = 100, 2*time.Second
	for p, want := range map[float64]time.Duration{50: 50 * time.Millisecond, 99: 99 * time.Millisecond, 100: 100 * time.Millisecond, 0: time.Millisecond} {
		if got := r.Percentile(p); got != want {
			t.Errorf("p%.0f = %s, want %s", p, got, want)
		}
	}
	if r.PerSecond() != 50 {
		t.Errorf("%.1f/s, want 50", r.PerSecond())
	}
}
