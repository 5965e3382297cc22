package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/werkplek/werkplek/bench/scenario"
)

// FaultOptions are the flags of the digest and fault scenarios.
type FaultOptions struct {
	KillRepetitions int           // -kill-repetitions
	DatabaseDown    time.Duration // -database-down
	PlatformDown    time.Duration // -platform-down
}

// progress writes a scenario's progress to stderr with the time.
func progress(format string, args ...any) {
	fmt.Fprintf(os.Stderr, time.Now().Format("15:04:05 ")+format+"\n", args...)
}

// check turns a scenario that ran but failed its guarantee into an error,
// so that the harness exits non-zero.
func check(ok bool, what string) error {
	if !ok {
		return fmt.Errorf("%s: FAILED", what)
	}
	fmt.Printf("%s: passed\n", what)
	return nil
}

func runDigests(ctx context.Context, env *scenario.Env, o Options) error {
	do := scenario.FullDigests()
	do.Log = progress
	res, err := scenario.Digests(ctx, env, do)
	if err != nil {
		return err
	}
	fmt.Printf("\n**Digests through a fake Slack with Slack's limits**\n\n%s\n", res)
	return check(res.Delivered == res.Want && res.Twice == 0, "digests: all delivered, none twice")
}

func runKill(ctx context.Context, env *scenario.Env, o Options) error {
	ko := scenario.FullReplicaKill()
	ko.Repetitions, ko.Log = o.Faults.KillRepetitions, progress
	res, err := scenario.ReplicaKill(ctx, env, ko)
	fmt.Printf("\n**Replica SIGKILLed while sending digests (every CPU busy: %t)**\n\n", ko.Saturate)
	fmt.Println("| repetition | delivered | twice | kill to last delivery | leader killed |")
	fmt.Println("|---:|---:|---:|---:|---|")
	ok, worst := true, time.Duration(0)
	for i, r := range res {
		fmt.Printf("| %d | %d/%d | %d | %.1f s | %t |\n", i+1, r.Delivered, r.Want, r.Twice, r.KillToLast.Seconds(), r.Leader)
		ok = ok && r.Delivered == r.Want && r.Twice == 0 && r.KillToLast <= KillDeadline
		worst = max(worst, r.KillToLast)
	}
	if err != nil {
		return err
	}
	fmt.Printf("\nslowest: %.1f s after the kill (target: within %s)\n", worst.Seconds(), KillDeadline)
	return check(ok && len(res) == ko.Repetitions, fmt.Sprintf("replica kill: %d repetitions, each all delivered within %s, none twice", ko.Repetitions, KillDeadline))
}

// KillDeadline is the target: every digest delivered within this
// long of the kill.
const KillDeadline = 120 * time.Second

// PlatformReturnDeadline is the target: everything delivered
// within this long of the platform's return.
const PlatformReturnDeadline = 6 * time.Minute

func runDatabaseDown(ctx context.Context, env *scenario.Env, o Options) error {
	res, err := scenario.DatabaseOutage(ctx, env, scenario.DBOutageOptions{Down: o.Faults.DatabaseDown, Replicas: 3})
	if err != nil {
		return err
	}
	fmt.Printf("\n**PostgreSQL stopped under load**\n\n%s\n", res)
	return check(res.OK(), "database outage: every command answered in time, deliveries all once")
}

func runPlatformDown(ctx context.Context, env *scenario.Env, o Options) error {
	res, err := scenario.PlatformOutage(ctx, env, scenario.PlatformOutageOptions{Down: o.Faults.PlatformDown, Replicas: 3})
	if err != nil {
		return err
	}
	fmt.Printf("\n**Slack answering 503**\n\n%s\n", res)
	return check(res.OK() && res.LastAfterReturn <= PlatformReturnDeadline,
		fmt.Sprintf("platform outage: everything delivered once, within %s of the return", PlatformReturnDeadline))
}
