package scenario

import (
	"context"
	"os"
	"sync"
	"testing"
)

// The package's tests share one Env (PostgreSQL and the built binary),
// started by the first test that needs it and closed by TestMain.
var (
	envOnce sync.Once
	testEnv *Env
	envErr  error
)

// sharedEnv returns the package's Env; it skips the test when PostgreSQL
// cannot start, and fails it then with WERKPLEK_TEST_POSTGRES=require.
func sharedEnv(t *testing.T) *Env {
	t.Helper()
	if testing.Short() {
		t.Skip("runs real werkplek serve processes")
	}
	envOnce.Do(func() { testEnv, envErr = NewEnv(context.Background()) })
	if envErr != nil {
		if os.Getenv("WERKPLEK_TEST_POSTGRES") == "require" {
			t.Fatalf("scenario environment: %v", envErr)
		}
		t.Skipf("scenario environment: %v", envErr)
	}
	return testEnv
}

func TestMain(m *testing.M) {
	code := m.Run()
	if testEnv != nil {
		testEnv.Close()
	}
	os.Exit(code)
}
