package main

import (
	"fmt"
	"runtime/debug"
	"strconv"
	"strings"
)

// DefaultMemoryLimit is WERKPLEK_MEMORY_LIMIT's default: what the load
// harness (go run ./bench) found keeps serve's heap flat after load without
// making the collector run much more often (the live heap is about 10 MiB
// under load at 100 000 people; without a limit the heap grows to twice
// that and the runtime keeps the pages).
const DefaultMemoryLimit = "24MiB"

// minMemoryLimit is the least WERKPLEK_MEMORY_LIMIT: below it the collector
// would run all the time.
const minMemoryLimit = 8 << 20

// parseMemoryLimit reads WERKPLEK_MEMORY_LIMIT: "off" (or 0) for none, else
// a size as GOMEMLIMIT writes it (24MiB, 512KiB, 1GiB, or bytes; any case),
// also with MB or GB taken as MiB and GiB, at least 8 MiB.
func parseMemoryLimit(v string) (int64, error) {
	v = strings.ToLower(strings.TrimSpace(v))
	if v == "off" || v == "0" {
		return 0, nil
	}
	units := []struct {
		suffix string
		size   int64
	}{{"kib", 1 << 10}, {"mib", 1 << 20}, {"gib", 1 << 30}, {"kb", 1 << 10}, {"mb", 1 << 20}, {"gb", 1 << 30}, {"b", 1}}
	num, mult := v, int64(1)
	for _, u := range units {
		if n, ok := strings.CutSuffix(v, u.suffix); ok {
			num, mult = strings.TrimSpace(n), u.size
			break
		}
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("%q is not a size like 24MiB, or off", v)
	}
	if n*mult < minMemoryLimit {
		return 0, fmt.Errorf("%q is below the least of 8MiB", v)
	}
	return n * mult, nil
}

// applyMemoryLimit sets the Go runtime's soft memory limit to limit, unless
// it is 0 or GOMEMLIMIT is set (then the runtime already has the operator's
// limit). It returns the limit in force.
func applyMemoryLimit(limit int64, gomemlimit string) int64 {
	if strings.TrimSpace(gomemlimit) != "" || limit <= 0 {
		return debug.SetMemoryLimit(-1)
	}
	debug.SetMemoryLimit(limit)
	return limit
}
