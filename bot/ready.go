package main

import (
	"context"
	"fmt"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/werkplek/werkplek/intranet/store"
)

// warmConnections is how many database connections serve opens, with a
// request's statements run on each, before /readyz says ready: the
// replica's first requests then find them open (store.Warm).
const warmConnections = 16

// warmTimeout bounds the warm-up: a replica whose database is slow to
// answer becomes ready anyway (it answers "try again" where it must).
const warmTimeout = 30 * time.Second

// readiness answers /readyz. It is 503 "starting" until the warm-up is
// done, then 200 for as long as the process answers at all: a replica
// whose database is down still answers every person (with a "try again
// in a moment"), and a load balancer that took every replica out at once
// would answer nobody. The body and werkplek_database_up say whether the
// database answers; /healthz is the liveness check.
type readiness struct {
	store   *store.Store
	metrics *metrics
	warmed  atomic.Bool
	log     interface {
		Warn(msg string, args ...any)
	}
}

// warm warms the store's connections and statements, then makes the
// process ready.
func (rd *readiness) warm(ctx context.Context) {
	defer rd.warmed.Store(true)
	wctx, cancel := context.WithTimeout(ctx, warmTimeout)
	defer cancel()
	if err := rd.store.Warm(wctx, warmConnections); err != nil {
		rd.log.Warn("warm-up incomplete; ready anyway", "err", err)
	}
}

// pingTimeout bounds /readyz's question to the database: within the 1 s a
// Kubernetes probe waits by default, so that a database that does not
// answer shows as "database: down" rather than as a probe that failed.
const pingTimeout = 900 * time.Millisecond

func (rd *readiness) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), pingTimeout)
	defer cancel()
	database := "up"
	if err := rd.store.Ping(ctx); err != nil {
		rd.metrics.databaseUp.Set(0)
		rd.log.Warn("readiness: database unreachable", "err", err)
		database = "down"
	} else {
		rd.metrics.databaseUp.Set(1)
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if !rd.warmed.Load() {
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintf(w, "starting\ndatabase: %s\n", database)
		return
	}
	fmt.Fprintf(w, "ready\ndatabase: %s\n", database)
}
