package scenario_test

import (
	"context"
	"testing"
	"time"

	"github.com/werkplek/werkplek/bench/scenario"
)

// TestDatabaseOutage is the short version of the harness's database
// outage: PostgreSQL stopped for 5 s under load and started again. Every
// command is answered within Slack's 3 s, with "try again" while the
// database is down; /readyz stays 200 and says database: down, then up;
// the deliveries enqueued before the stop and after the start all arrive,
// once.
func TestDatabaseOutage(t *testing.T) {
	env := sharedEnv(t)
	res, err := scenario.DatabaseOutage(context.Background(), env, scenario.DBOutageOptions{Down: 5 * time.Second, Deliveries: 60})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(res)
	if res.Late != 0 {
		t.Errorf("%d commands answered late or not at all: %v", res.Late, res.Unexpected)
	}
	if res.During == 0 || res.TryAgain != res.During {
		t.Errorf("during the outage %d of %d commands got \"try again\": %v", res.TryAgain, res.During, res.Unexpected)
	}
	if len(res.ReadyDuring) != 1 || res.ReadyDuring[0] != "200 ready / database: down" {
		t.Errorf("readyz during the outage: %v", res.ReadyDuring)
	}
	if len(res.ReadyAfter) != 1 || res.ReadyAfter[0] != "200 ready / database: up" {
		t.Errorf("readyz after the outage: %v", res.ReadyAfter)
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
