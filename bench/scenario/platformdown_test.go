package scenario_test

import (
	"context"
	"testing"
	"time"

	"github.com/werkplek/werkplek/bench/scenario"
)

// TestPlatformOutage is the short version of the harness's platform
// outage: Slack answers 503 for 30 s while deliveries wait, with the wait
// between tries capped at 2 s (WERKPLEK_RETRY_MAX_WAIT). Everything
// arrives after its return, once.
func TestPlatformOutage(t *testing.T) {
	env := sharedEnv(t)
	res, err := scenario.PlatformOutage(context.Background(), env, scenario.PlatformOutageOptions{
		Down: 30 * time.Second, Deliveries: 40, RetryMaxWait: 2 * time.Second, Settle: time.Minute,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(res)
	if res.Failed == 0 {
		t.Errorf("the platform was never asked during its outage")
	}
	if res.Delivered != res.Deliveries || res.Twice != 0 {
		t.Errorf("deliveries: %d of %d arrived, %d twice %v", res.Delivered, res.Deliveries, res.Twice, res.TwiceKeys)
	}
	if res.Exited != 0 {
		t.Errorf("%d replicas exited", res.Exited)
	}
	if t.Failed() {
		t.Log(res.Logs)
	}
}
