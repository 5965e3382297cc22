package scenario_test

import (
	"context"
	"os"
	"sync"
	"testing"

	"github.com/werkplek/werkplek/bench/scenario"
	"github.com/werkplek/werkplek/internal/pgtest"
)

// The scenario tests share one environment per test binary: one PostgreSQL
// server and one built werkplek binary. Each test takes its own database
// from it (testEnv.Database()).
//
// The tests of this package must not call t.Parallel: the database outage
// test stops the shared PostgreSQL server for a few seconds.
var (
	testEnv     *scenario.Env
	testEnvErr  error
	testEnvOnce sync.Once
)

func TestMain(m *testing.M) {
	code := m.Run()
	if testEnv != nil {
		testEnv.Close()
	}
	os.Exit(code)
}

// sharedEnv starts the environment on first use and returns it. Without
// PostgreSQL (or a Go toolchain to build the binary) it skips the test,
// unless WERKPLEK_TEST_POSTGRES=require, which makes it a failure.
func sharedEnv(t testing.TB) *scenario.Env {
	t.Helper()
	if testing.Short() {
		t.Skip("scenario tests run real processes; skipped with -short")
	}
	testEnvOnce.Do(func() {
		testEnv, testEnvErr = scenario.NewEnv(context.Background())
	})
	if testEnvErr != nil {
		if os.Getenv(pgtest.RequireEnv) == "require" {
			t.Fatalf("scenario environment is required (%s=require) but cannot start: %v", pgtest.RequireEnv, testEnvErr)
		}
		t.Skipf("no scenario environment here (%v); set %s=require to fail instead", testEnvErr, pgtest.RequireEnv)
	}
	return testEnv
}
