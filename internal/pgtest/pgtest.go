// Package pgtest starts one throwaway PostgreSQL cluster per test binary from
// the machine's own binaries and hands every test a fresh database in it.
//
// A test package that uses it runs its tests through Main:
//
//	func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }
//
// When the binaries are missing the tests that need PostgreSQL are skipped,
// unless WERKPLEK_TEST_POSTGRES=require (set by the test command and CI),
// which turns a missing PostgreSQL into a failure.
package pgtest

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/werkplek/werkplek/internal/pgserver"
)

// RequireEnv is the switch that turns a missing PostgreSQL into a failure.
const RequireEnv = "WERKPLEK_TEST_POSTGRES"

var (
	once     sync.Once
	cluster  *Cluster
	startErr error
	counter  atomic.Int64
)

// Cluster is a running throwaway PostgreSQL server.
type Cluster struct {
	*pgserver.Server
}

// Main runs the tests and stops the cluster afterwards, if one was started.
func Main(m *testing.M) int {
	code := m.Run()
	if cluster != nil {
		cluster.Remove()
	}
	return code
}

// URL returns the address of a new, empty database for the test, dropped when
// the test ends. It skips the test when PostgreSQL is not installed, or fails
// it when RequireEnv is "require".
func URL(tb testing.TB) string {
	tb.Helper()
	c := Start(tb)
	name := fmt.Sprintf("t%d_%d", os.Getpid(), counter.Add(1))
	url, err := c.CreateDatabase(name)
	if err != nil {
		tb.Fatalf("pgtest: create database: %v", err)
	}
	tb.Cleanup(func() { _ = c.DropDatabase(name) })
	return url
}

// Start starts the cluster once per test binary and returns it.
func Start(tb testing.TB) *Cluster {
	tb.Helper()
	once.Do(func() {
		var s *pgserver.Server
		s, startErr = pgserver.New(pgserver.Options{})
		if startErr == nil {
			cluster = &Cluster{Server: s}
		}
	})
	if startErr != nil {
		if os.Getenv(RequireEnv) == "require" {
			tb.Fatalf("pgtest: PostgreSQL is required (%s=require) but cannot start: %v", RequireEnv, startErr)
		}
		tb.Skipf("pgtest: no PostgreSQL here (%v); set %s=require to fail instead", startErr, RequireEnv)
	}
	return cluster
}

// Load runs a plain SQL dump file into the database at url with psql,
// stopping at the first error.
func (c *Cluster) Load(tb testing.TB, url, file string) {
	tb.Helper()
	f, err := os.Open(file)
	if err != nil {
		tb.Fatalf("pgtest: %v", err)
	}
	defer f.Close()
	if err := c.Server.Load(url, f); err != nil {
		tb.Fatalf("pgtest: load %s: %v", filepath.Base(file), err)
	}
}
