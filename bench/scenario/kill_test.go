package scenario_test

import (
	"context"
	"testing"
	"time"

	"github.com/werkplek/werkplek/bench/scenario"
)

// TestReplicaKill: 200 digests (100 channels, 100 people's DMs) fall due
// on two replicas with short job timeouts (WERKPLEK_JOB_TIMEOUT=2,
// WERKPLEK_JOB_RESCUE_AFTER=4); once a quarter is delivered, River's
// leader is killed with SIGKILL. Every digest is delivered, none twice:
// the killed replica's jobs in flight run again on the other, and a post
// Slack accepted before the kill is found in the channel's history by its
// key. The time from the kill to the last delivery is logged, never
// asserted.
func TestReplicaKill(t *testing.T) {
	env := sharedEnv(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	res, err := scenario.ReplicaKill(ctx, env, scenario.KillOptions{Channels: 100, People: 100, Replicas: 2,
		Settings: map[string]string{"WERKPLEK_JOB_TIMEOUT": "2", "WERKPLEK_JOB_RESCUE_AFTER": "4"}, Wait: 3 * time.Minute, Log: t.Logf})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		if r.Delivered != r.Want || r.Twice != 0 || r.AtKill >= r.Want {
			t.Errorf("%s", r)
		}
	}
}
