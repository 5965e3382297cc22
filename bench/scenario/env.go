// Package scenario holds the load and fault scenarios of the harness: each
// runs real `werkplek serve` processes (bench/proc) over a real PostgreSQL
// (internal/pgserver) against fake platforms (bench/fake), in a full version
// for the harness (`go run ./bench`, minutes) and a short one that the
// package's tests run in CI (seconds). Numbers are reported, never asserted
// as timings; what is asserted is what must hold: nothing lost, nothing
// twice, an answer within the platform's deadline.
package scenario

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"sync/atomic"
	"time"

	"github.com/werkplek/werkplek/bench/proc"
	"github.com/werkplek/werkplek/internal/pgserver"
)

// Env is what scenarios share: one PostgreSQL server, the werkplek binary
// and a scratch directory.
type Env struct {
	PG  *pgserver.Server
	Bin string // the werkplek binary
	Tmp string // scratch directory, removed by Close

	databases atomic.Int64
}

// NewEnv starts PostgreSQL and builds the binary from the module that holds
// the current directory.
func NewEnv(ctx context.Context) (*Env, error) {
	root, err := proc.ModuleRoot(".")
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "werkplek-bench-")
	if err != nil {
		return nil, err
	}
	bin, err := proc.Build(ctx, root, tmp)
	if err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	pg, err := pgserver.New(pgserver.Options{MaxConnections: 400})
	if err != nil {
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("start PostgreSQL: %w", err)
	}
	return &Env{PG: pg, Bin: bin, Tmp: tmp}, nil
}

// Close stops PostgreSQL and removes the scratch directory.
func (e *Env) Close() {
	e.PG.Remove()
	os.RemoveAll(e.Tmp)
}

// Database creates a new empty database and returns its address.
func (e *Env) Database() (string, error) {
	return e.PG.CreateDatabase(fmt.Sprintf("bench_%d_%d", os.Getpid(), e.databases.Add(1)))
}

// Serve starts one `werkplek serve` replica over the database at dbURL with
// the settings of env added to BaseSettings.
func (e *Env) Serve(ctx context.Context, dbURL string, env map[string]string) (*proc.Serve, error) {
	all := BaseSettings(dbURL)
	for k, v := range env {
		all[k] = v
	}
	return proc.Start(ctx, e.Bin, all, ServeStartWait)
}

// ServeStartWait is how long a replica may take to answer /healthz.
const ServeStartWait = time.Minute

// BaseSettings are the settings every replica of a scenario gets: the
// database, a secret, and the log as JSON.
func BaseSettings(dbURL string) map[string]string {
	return map[string]string{
		"WERKPLEK_DATABASE_URL": dbURL,
		"WERKPLEK_SECRET":       "bench-secret-bench-secret-bench-secret",
		"WERKPLEK_PUBLIC_URL":   "http://127.0.0.1:1",
		"WERKPLEK_LOG_FORMAT":   "json",
	}
}

// Platform is a fake platform on loopback.
type Platform struct {
	*httptest.Server
}

// StartPlatform serves h on a loopback port until Close.
func StartPlatform(h http.Handler) *Platform { return &Platform{httptest.NewServer(h)} }
