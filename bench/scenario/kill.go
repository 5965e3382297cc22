package scenario

import (
	"context"
	"fmt"
	"os/exec"
	"runtime"
	"strings"
	"time"
)

// KillOptions shape the replica-kill scenario.
type KillOptions struct {
	// Repetitions is how often the scenario runs, each time on a new
	// database (default 1).
	Repetitions int
	// Saturate keeps every CPU of the machine busy (one busy loop a core,
	// in child processes) from the due time to the end of a repetition.
	Saturate bool
	// Channels and People are the digests of a repetition, as in
	// DigestOptions (default 1 000 each).
	Channels, People int
	// Replicas is the number of replicas (default 3); one is killed.
	Replicas int
	// KillAfter is the share of the digests delivered when the replica is
	// killed (default 0.25).
	KillAfter float64
	// Settings are added to every replica's settings: the job timeout and
	// the rescue time (WERKPLEK_JOB_TIMEOUT, WERKPLEK_JOB_RESCUE_AFTER),
	// Slack's message rate of each replica (SLACK_MESSAGE_RATE).
	Settings map[string]string
	// Wait bounds the wait for every delivery after the kill (default 5
	// minutes).
	Wait time.Duration
	// Log, when set, hears of the scenario's progress.
	Log func(format string, args ...any)
}

func (o *KillOptions) defaults() {
	if o.Repetitions <= 0 {
		o.Repetitions = 1
	}
	if o.Channels == 0 && o.People == 0 {
		o.Channels, o.People = 1000, 1000
	}
	if o.Replicas <= 0 {
		o.Replicas = 3
	}
	if o.KillAfter <= 0 || o.KillAfter >= 1 {
		o.KillAfter = 0.25
	}
	if o.Wait <= 0 {
		o.Wait = 5 * time.Minute
	}
	if o.Log == nil {
		o.Log = func(string, ...any) {}
	}
}

// KillResult is what one repetition measured.
type KillResult struct {
	Want      int // digests due
	Delivered int // distinct delivery keys Slack accepted
	AtKill    int // delivered when the replica was killed
	Twice     int // delivery keys Slack accepted more than once
	// Leader says the killed replica was River's leader (the one that does
	// the queue's upkeep), the harder case.
	Leader bool
	// KillToLast is the time from the kill to the last first delivery.
	KillToLast time.Duration
	// Total is the time from the due time to the last first delivery.
	Total time.Duration
}

func (r KillResult) String() string {
	return fmt.Sprintf("%d of %d delivered (%d before the kill, leader killed: %t), %d twice, last %.1f s after the kill (%.1f s after the due time)",
		r.Delivered, r.Want, r.AtKill, r.Leader, r.Twice, r.KillToLast.Seconds(), r.Total.Seconds())
}

// ReplicaKill runs the replica-kill scenario o.Repetitions times: the
// digests of o.Channels channels and o.People people fall due on
// o.Replicas replicas (against a fake Slack with Slack's limits); once
// o.KillAfter of them were delivered, River's leader (else the first
// replica) is killed with SIGKILL, and the scenario waits until every
// digest was delivered and no job is left. It returns what each repetition
// measured, also those before an error.
func ReplicaKill(ctx context.Context, env *Env, o KillOptions) ([]KillResult, error) {
	o.defaults()
	var out []KillResult
	for i := 0; i < o.Repetitions; i++ {
		res, err := replicaKill(ctx, env, o)
		out = append(out, res)
		if err != nil {
			return out, fmt.Errorf("repetition %d: %w", i+1, err)
		}
		o.Log("repetition %d: %s", i+1, res)
	}
	return out, nil
}

func replicaKill(ctx context.Context, env *Env, o KillOptions) (KillResult, error) {
	res := KillResult{Want: o.Channels + o.People}
	rig, err := startDigestRig(ctx, env, o.Channels, o.People, o.Replicas, o.Settings)
	if err != nil {
		return res, err
	}
	defer rig.Close()
	slack, replicas, db := rig.slack, rig.replicas, rig.db
	if o.Saturate {
		stop, err := Saturate()
		if err != nil {
			return res, err
		}
		defer stop()
	}
	start, err := FallDue(ctx, db)
	if err != nil {
		return res, err
	}
	if err := waitDelivered(ctx, slack, int(float64(res.Want)*o.KillAfter), o.Wait, replicas); err != nil {
		return res, err
	}
	victim := 0
	var leader string
	_ = db.QueryRowContext(ctx, `SELECT leader_id FROM river_leader LIMIT 1`).Scan(&leader)
	for i, r := range replicas {
		if strings.Contains(leader, fmt.Sprintf("-%d-", r.Pid())) {
			victim, res.Leader = i, true
		}
	}
	replicas[victim].Kill()
	killed := time.Now()
	res.AtKill = len(slack.Keys())
	o.Log("killed replica %d (leader: %t) with %d of %d delivered", victim, res.Leader, res.AtKill, res.Want)
	if err := waitDelivered(ctx, slack, res.Want, o.Wait, replicas); err != nil {
		return res, err
	}
	// The killed replica's jobs in flight run again once rescued: wait for
	// them, so that a second copy they might send is counted.
	if err := WaitIdle(ctx, db, o.Wait); err != nil {
		return res, err
	}
	var d DigestResult
	fill(&d, slack, start)
	res.Delivered, res.Twice, res.Total = d.Delivered, d.Twice, d.Elapsed
	res.KillToLast = start.Add(d.Elapsed).Sub(killed)
	return res, nil
}

// Saturate keeps every CPU busy with one busy loop a core, each in a child
// process (a shell loop), until the returned function ends them.
func Saturate() (func(), error) {
	var loops []*exec.Cmd
	stop := func() {
		for _, c := range loops {
			_ = c.Process.Kill()
			_ = c.Wait()
		}
	}
	for i := 0; i < runtime.NumCPU(); i++ {
		c := exec.Command("sh", "-c", "while :; do :; done")
		if err := c.Start(); err != nil {
			stop()
			return nil, fmt.Errorf("busy loop: %w", err)
		}
		loops = append(loops, c)
	}
	return stop, nil
}

// FullReplicaKill are the harness's options of the target: 20
// repetitions of 2 000 digests on 3 replicas with every CPU busy and the
// default job timeouts; each repetition takes one to two minutes.
func FullReplicaKill() KillOptions {
	return KillOptions{Repetitions: 20, Saturate: true, Channels: 1000, People: 1000, Replicas: 3, Settings: map[string]string{"SLACK_MESSAGE_RATE": "34"}}
}
