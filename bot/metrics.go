package main

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/jobs"
)

// metrics are what /metrics shows; the README lists each name.
type metrics struct {
	reg          *prometheus.Registry
	requests     *prometheus.CounterVec
	duration     *prometheus.HistogramVec
	httpRequests *prometheus.CounterVec
	databaseUp   prometheus.Gauge
	// Background jobs, by kind (jobs.go).
	jobsRun     *prometheus.CounterVec
	jobsFailed  *prometheus.CounterVec
	jobsRetried *prometheus.CounterVec
	jobDelay    *prometheus.HistogramVec
}

func newMetrics() *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "werkplek_requests_total", Help: "Requests the core answered, by platform, command and outcome (ok or failure).",
		}, []string{"platform", "command", "outcome"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "werkplek_request_duration_seconds", Help: "Time the core took to answer a request, by platform.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5},
		}, []string{"platform"}),
		httpRequests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "werkplek_http_requests_total", Help: "HTTP requests by route and status code.",
		}, []string{"route", "code"}),
		databaseUp: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "werkplek_database_up", Help: "1 when the last readiness check reached the database, else 0.",
		}),
	}
	m.jobsRun = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "werkplek_jobs_run_total", Help: "Background jobs that ran successfully, by kind.",
	}, []string{"kind"})
	m.jobsFailed = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "werkplek_jobs_failed_total", Help: "Background jobs that failed for good or used their attempts, by kind.",
	}, []string{"kind"})
	m.jobsRetried = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "werkplek_jobs_retried_total", Help: "Failed attempts of background jobs that will be tried again, by kind.",
	}, []string{"kind"})
	m.jobDelay = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "werkplek_job_delay_seconds", Help: "Time from a job's due time until it was done, by kind.",
		Buckets: []float64{.1, .25, .5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900, 3600},
	}, []string{"kind"})
	m.reg.MustRegister(m.jobsRun, m.jobsFailed, m.jobsRetried, m.jobDelay)
	m.reg.MustRegister(m.requests, m.duration, m.httpRequests, m.databaseUp,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

func (m *metrics) handler() http.Handler { return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{}) }

// middleware counts HTTP requests by the route pattern that served them.
func (m *metrics) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w, code: http.StatusOK}
		next.ServeHTTP(rec, r)
		route := r.Pattern
		if route == "" {
			route = "unmatched"
		}
		m.httpRequests.WithLabelValues(route, strconv.Itoa(rec.code)).Inc()
	})
}

type statusRecorder struct {
	http.ResponseWriter
	code int
}

func (s *statusRecorder) WriteHeader(code int) {
	s.code = code
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

var _ intranet.Departures = (*instrumentedCore)(nil)

// instrumentedCore counts and times the core's answers for /metrics.
type instrumentedCore struct {
	intranet.Core
	metrics *metrics
}

func (c *instrumentedCore) Handle(ctx context.Context, r intranet.Request) (intranet.Reply, error) {
	start := time.Now()
	reply, err := c.Core.Handle(ctx, r)
	c.metrics.duration.WithLabelValues(string(r.Platform)).Observe(time.Since(start).Seconds())
	outcome := "ok"
	if err != nil {
		outcome = "failure"
	}
	c.metrics.requests.WithLabelValues(string(r.Platform), c.command(r.CommandText()), outcome).Inc()
	return reply, err
}

// InstallationGone passes an adapter's report on to the core, so that
// adapters find the core's Departures on the core they were given.
func (c *instrumentedCore) InstallationGone(ctx context.Context, p intranet.Platform, installation, reason string) error {
	d, ok := c.Core.(intranet.Departures)
	if !ok {
		return intranet.Errorf(intranet.ENOTIMPLEMENTED, "The core keeps no departures.")
	}
	return d.InstallationGone(ctx, p, installation, reason)
}

// InstallationBack passes an adapter's report on to the core.
func (c *instrumentedCore) InstallationBack(ctx context.Context, p intranet.Platform, installation string) error {
	d, ok := c.Core.(intranet.Departures)
	if !ok {
		return intranet.Errorf(intranet.ENOTIMPLEMENTED, "The core keeps no departures.")
	}
	return d.InstallationBack(ctx, p, installation)
}

// command is the canonical command name of a request, or "other", so that
// the label stays a small set whatever people type.
func (c *instrumentedCore) command(text string) string {
	word, _, _ := strings.Cut(strings.TrimPrefix(strings.TrimSpace(text), "/"), " ")
	word = strings.ToLower(word)
	for _, cmd := range c.Core.Commands() {
		for _, n := range cmd.Names() {
			if n == word {
				return cmd.Name
			}
		}
	}
	return "other"
}

// observeJob counts a job's run for /metrics.
func (m *metrics) observeJob(kind string, o jobs.Outcome, delay time.Duration) {
	switch o {
	case jobs.OutcomeDone:
		m.jobsRun.WithLabelValues(kind).Inc()
		m.jobDelay.WithLabelValues(kind).Observe(max(delay, 0).Seconds())
	case jobs.OutcomeFailed:
		m.jobsFailed.WithLabelValues(kind).Inc()
	case jobs.OutcomeRetried:
		m.jobsRetried.WithLabelValues(kind).Inc()
	}
}
