package scenario

import (
	"context"
	"fmt"
	"time"

	"github.com/werkplek/werkplek/bench/fake"
)

// PlatformOutageOptions shape PlatformOutage. Zero values are the defaults.
type PlatformOutageOptions struct {
	// Down is how long Slack answers every call with 503 (default 10
	// minutes; CI 30 s).
	Down time.Duration
	// Replicas is how many `werkplek serve` run (default 2).
	Replicas int
	// Deliveries are enqueued when the outage begins, and as many again
	// halfway through it (default 100 each).
	Deliveries int
	// RetryMaxWait is the replicas' WERKPLEK_RETRY_MAX_WAIT: the longest
	// wait between two tries of a delivery (default: Werkplek's, 5m).
	RetryMaxWait time.Duration
	// Settle bounds the wait for the deliveries after the return (default
	// twice the retry cap and a minute).
	Settle time.Duration
	// Settings are added to every replica's.
	Settings map[string]string
}

// PlatformOutageResult is what PlatformOutage saw.
type PlatformOutageResult struct {
	Down time.Duration
	// Deliveries enqueued, how many arrived, how many more than once (and
	// which), and the time from the platform's return to the last arrival.
	Deliveries, Delivered, Twice int
	TwiceKeys                    []string
	LastAfterReturn              time.Duration
	// Failed is how many calls the platform answered 503.
	Failed int
	// Exited counts replicas that ended on their own.
	Exited int
	// Logs are the ends of the replicas' logs when something went wrong.
	Logs string
}

// OK tells whether everything arrived, once, with every replica running.
func (r PlatformOutageResult) OK() bool {
	return r.Delivered == r.Deliveries && r.Twice == 0 && r.Exited == 0
}

func (r PlatformOutageResult) String() string {
	return fmt.Sprintf("platform outage %s: deliveries %d/%d, %d twice, last %s after the return; %d calls answered 503; %d replicas exited",
		r.Down.Round(time.Second), r.Delivered, r.Deliveries, r.Twice, r.LastAfterReturn.Round(100*time.Millisecond), r.Failed, r.Exited)
}

// PlatformOutage makes Slack answer 503 to everything for o.Down while
// deliveries wait in the outbox (enqueued at its start and halfway), then
// lets it work again and measures how long after its return the last one
// arrives, and whether any arrived twice.
func PlatformOutage(ctx context.Context, env *Env, o PlatformOutageOptions) (PlatformOutageResult, error) {
	if o.Down <= 0 {
		o.Down = 10 * time.Minute
	}
	if o.Replicas <= 0 {
		o.Replicas = 2
	}
	if o.Deliveries <= 0 {
		o.Deliveries = 100
	}
	capWait := o.RetryMaxWait
	if capWait <= 0 {
		capWait = 5 * time.Minute
	}
	if o.Settle <= 0 {
		o.Settle = 2*capWait + time.Minute
	}
	var res PlatformOutageResult
	db, err := seedOrg(ctx, env)
	if err != nil {
		return res, err
	}
	defer db.Close()
	slack := &fake.Slack{}
	platform := StartPlatform(slack)
	defer platform.Close()
	settings := SlackSettings(platform.URL)
	if o.RetryMaxWait > 0 {
		settings["WERKPLEK_RETRY_MAX_WAIT"] = o.RetryMaxWait.String()
	}
	replicas, err := StartReplicas(ctx, env, db.URL, o.Replicas, merge(settings, o.Settings))
	if err != nil {
		return res, err
	}
	defer StopReplicas(replicas)

	slack.Fail(true)
	began := time.Now()
	keys, err := db.enqueue(ctx, "early", o.Deliveries)
	if err != nil {
		return res, err
	}
	sleep(ctx, time.Until(began.Add(o.Down/2)))
	more, err := db.enqueue(ctx, "midway", o.Deliveries)
	keys = append(keys, more...)
	if err != nil {
		return res, err
	}
	sleep(ctx, time.Until(began.Add(o.Down)))
	slack.Fail(false)
	back := time.Now()
	res.Down = back.Sub(began)

	res.Deliveries = len(keys)
	deadline := back.Add(o.Settle)
	for {
		res.Delivered, res.Twice = delivered(slack.Keys(), keys)
		if res.Delivered == res.Deliveries || time.Now().After(deadline) || ctx.Err() != nil {
			break
		}
		sleep(ctx, 250*time.Millisecond)
	}
	sleep(ctx, time.Second) // a moment more for a late duplicate to show
	res.Delivered, res.TwiceKeys = deliveredKeys(slack.Keys(), keys)
	res.Twice = len(res.TwiceKeys)
	if last := lastArrival(slack.Posts(), keys); last.After(back) {
		res.LastAfterReturn = last.Sub(back)
	}
	_, _, _, res.Failed = slack.Stats()
	res.Exited = exited(replicas)
	if !res.OK() {
		res.Logs = logTails(replicas)
	}
	return res, nil
}
