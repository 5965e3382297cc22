package harness

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/werkplek/werkplek/bench/scenario"
	"github.com/werkplek/werkplek/internal/pgtest"
)

// TestLoadSmall is a tiny harness run: 200 people, every command on every
// platform for half a second. Every answer is right (on Teams: reached the
// connector) and the table is complete; no timing is asserted.
func TestLoadSmall(t *testing.T) {
	ctx := context.Background()
	env, err := scenario.NewEnv(ctx)
	if err != nil {
		if os.Getenv(pgtest.RequireEnv) == "require" {
			t.Fatal(err)
		}
		t.Skip("no PostgreSQL or no build:", err)
	}
	defer env.Close()

	var log strings.Builder
	cfg := Config{People: []int{200}, Duration: 500 * time.Millisecond, First: time.Second, Connections: 2,
		Platforms: PlatformNames, Commands: CommandNames, Log: &log}
	rep, err := Load(ctx, env, cfg)
	if err != nil {
		t.Fatalf("%v\n%s", err, log.String())
	}
	if len(rep.Runs) != 1 || rep.Runs[0].Import <= 0 || rep.Runs[0].RSSAfter <= 0 {
		t.Fatalf("runs: %+v", rep.Runs)
	}
	run := rep.Runs[0]
	if len(run.Rows) != len(CommandNames)*len(PlatformNames) {
		t.Fatalf("%d rows for %d commands on %d platforms", len(run.Rows), len(CommandNames), len(PlatformNames))
	}
	for _, row := range append(run.Rows, run.First) {
		if row.Requests == 0 || row.Errors != 0 {
			t.Errorf("%s %s: %d requests, %d errors (%s)\n%s", row.Platform, row.Command, row.Requests, row.Errors, row.FirstError, log.String())
		}
	}
	var b strings.Builder
	rep.Print(&b)
	for _, name := range []string{"| teams | kb search |", "| mattermost | room free |", "| slack | handover list |", "news", "Targets", "errors (200 people) | 0 | 0 | yes"} {
		if !strings.Contains(b.String(), name) {
			t.Errorf("no %q in the table:\n%s", name, b.String())
		}
	}
}
