package scenario_test

import (
	"context"
	"testing"
	"time"

	"github.com/werkplek/werkplek/bench/scenario"
)

// TestDigests: 300 digests (150 channels, 150 people's DMs) fall due at
// once on two replicas against a fake Slack with Slack's limits (one
// message a second in a channel, 100 a second in the workspace, 429 with
// Retry-After beyond): every one is delivered, none twice. The time is
// logged, never asserted.
func TestDigests(t *testing.T) {
	env := sharedEnv(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	res, err := scenario.Digests(ctx, env, scenario.DigestOptions{Channels: 150, People: 150, Replicas: 2, Wait: 3 * time.Minute, Log: t.Logf})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(res)
	if res.Delivered != res.Want || res.Twice != 0 {
		t.Errorf("%d of %d delivered, %d twice", res.Delivered, res.Want, res.Twice)
	}
}
