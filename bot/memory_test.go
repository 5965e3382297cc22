package main

import (
	"math"
	"runtime/debug"
	"strings"
	"testing"
)

func TestMemoryLimitSetting(t *testing.T) {
	for v, want := range map[string]int64{"": 24 << 20, "off": 0, "uit": 0, "0": 0, "64MiB": 64 << 20, "48MB": 48 << 20, "1GiB": 1 << 30, "16777216": 16 << 20} {
		cfg, problems := LoadConfig(testGetenv(map[string]string{"WERKPLEK_MEMORY_LIMIT": v}))
		if len(problems) != 0 || cfg.MemoryLimit != want {
			t.Errorf("WERKPLEK_MEMORY_LIMIT=%q: %d %v, want %d", v, cfg.MemoryLimit, problems, want)
		}
	}
	for _, v := range []string{"lots", "1MiB", "-5MiB", "24 furlongs"} {
		_, problems := LoadConfig(testGetenv(map[string]string{"WERKPLEK_MEMORY_LIMIT": v}))
		if len(problems) != 1 || !strings.HasPrefix(problems[0], "WERKPLEK_MEMORY_LIMIT: ") {
			t.Errorf("WERKPLEK_MEMORY_LIMIT=%q: problems %v", v, problems)
		}
	}
}

func TestApplyMemoryLimit(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(before)

	debug.SetMemoryLimit(math.MaxInt64)
	if got := applyMemoryLimit(32<<20, ""); got != 32<<20 || debug.SetMemoryLimit(-1) != 32<<20 {
		t.Errorf("limit in force %d, runtime %d; want 32 MiB", got, debug.SetMemoryLimit(-1))
	}
	// GOMEMLIMIT is the operator's: left as the runtime read it.
	debug.SetMemoryLimit(100 << 20)
	if got := applyMemoryLimit(32<<20, "100MiB"); got != 100<<20 || debug.SetMemoryLimit(-1) != 100<<20 {
		t.Errorf("with GOMEMLIMIT: %d, runtime %d", got, debug.SetMemoryLimit(-1))
	}
	// off: no limit set.
	debug.SetMemoryLimit(math.MaxInt64)
	if got := applyMemoryLimit(0, ""); got != math.MaxInt64 {
		t.Errorf("off: %d", got)
	}
}
