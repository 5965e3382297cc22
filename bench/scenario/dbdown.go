package scenario

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/werkplek/werkplek/bench/fake"
	"github.com/werkplek/werkplek/bench/proc"
)

// DBOutageOptions shape DatabaseOutage. Zero values are the defaults.
type DBOutageOptions struct {
	// Down is how long PostgreSQL is stopped (default 20 s; CI 5 s).
	Down time.Duration
	// Replicas is how many `werkplek serve` run (default 2).
	Replicas int
	// Workers is how many commands are in flight at once, all the time
	// (default 4).
	Workers int
	// Before is how long the load runs before the stop, After how long
	// after the start (default 2 s each).
	Before, After time.Duration
	// Deliveries are enqueued half a second before the stop, and as many
	// again just after the start (default 100 each).
	Deliveries int
	// PerSecond is the fake Slack's workspace limit (default 20), so that
	// deliveries are still being sent when the database stops.
	PerSecond int
	// Deadline is the platform's: every command must be answered within
	// it (default 3 s, Slack's).
	Deadline time.Duration
	// Settle bounds the wait for the deliveries after the start (default
	// 3 minutes: a job that was running at the stop is taken back after
	// the runner's rescue time, 45 s).
	Settle time.Duration
	// Settings are added to every replica's.
	Settings map[string]string
	// Freeze, instead of stopping PostgreSQL, freezes its processes
	// (SIGSTOP, then SIGCONT): the database takes connections and never
	// answers, so that every wait ends by a timeout. Needs the right to
	// signal the server's processes (root, or the same user).
	Freeze bool
}

func (o *DBOutageOptions) defaults() {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&o.Down, 20*time.Second)
	def(&o.Before, 2*time.Second)
	def(&o.After, 2*time.Second)
	def(&o.Deadline, 3*time.Second)
	def(&o.Settle, 3*time.Minute)
	if o.Replicas <= 0 {
		o.Replicas = 2
	}
	if o.Workers <= 0 {
		o.Workers = 4
	}
	if o.Deliveries <= 0 {
		o.Deliveries = 100
	}
	if o.PerSecond <= 0 {
		o.PerSecond = 20
	}
}

// DBOutageResult is what DatabaseOutage saw.
type DBOutageResult struct {
	Down time.Duration // how long PostgreSQL was stopped, as measured
	// Commands: all sent; During: sent after the stop and answered before
	// the start; TryAgain: of those, answered within the deadline with the
	// "try again" wording.
	Commands, During, TryAgain int
	// Late: commands (any phase) answered after the deadline or not at all.
	Late int
	// TryAgainAfter: commands sent after the start that still got "try
	// again" (connections the pool had yet to replace).
	TryAgainAfter int
	// SlowestDuring and Slowest are the slowest answers during the outage
	// and overall.
	SlowestDuring, Slowest time.Duration
	// Unexpected are a few answers that were neither a result nor "try
	// again", or came late.
	Unexpected []string
	// Deliveries enqueued around the outage: how many arrived, how many
	// more than once, and the time from the database's return to the last.
	Deliveries, Delivered, Twice int
	LastDelivery                 time.Duration
	// TwiceKeys are the keys that arrived more than once.
	TwiceKeys []string
	// PendingAtStop is how many of the deliveries enqueued before the stop
	// had not arrived when it came.
	PendingAtStop int
	// ReadyDuring and ReadyAfter are the distinct /readyz answers during
	// the outage and after the return ("200 ready / database: down").
	ReadyDuring, ReadyAfter []string
	// Exited counts replicas that ended on their own.
	Exited int
	// Logs are the ends of the replicas' logs when something went wrong.
	Logs string
}

// OK tells whether the outage went as it must: every command answered in
// time, "try again" during the outage, every delivery once, every replica
// still running and ready.
func (r DBOutageResult) OK() bool {
	return r.Late == 0 && r.During > 0 && r.TryAgain == r.During && r.Delivered == r.Deliveries && r.Twice == 0 && r.Exited == 0 &&
		len(r.Unexpected) == 0 && allOf(r.ReadyDuring, "200 ready / database: down") && contains(r.ReadyAfter, "200 ready / database: up")
}

func (r DBOutageResult) String() string {
	return fmt.Sprintf("database outage %s: %d commands, %d during the outage, %d of them \"try again\" within the deadline (slowest %s; slowest overall %s), %d late, %d \"try again\" after the return; "+
		"deliveries %d/%d (%d pending at the stop), %d twice, last %s after the return; readyz during %v, after %v; %d replicas exited",
		r.Down.Round(100*time.Millisecond), r.Commands, r.During, r.TryAgain, r.SlowestDuring.Round(time.Millisecond), r.Slowest.Round(time.Millisecond), r.Late, r.TryAgainAfter,
		r.Delivered, r.Deliveries, r.PendingAtStop, r.Twice, r.LastDelivery.Round(100*time.Millisecond), r.ReadyDuring, r.ReadyAfter, r.Exited)
}

// DatabaseOutage stops PostgreSQL under load for o.Down and starts it
// again: replicas answer Slack slash commands all the while, deliveries
// are being sent when it stops and more are enqueued when it is back, and
// /readyz is watched. The database env.PG serves is stopped for everyone
// using it: run nothing else on env meanwhile.
func DatabaseOutage(ctx context.Context, env *Env, o DBOutageOptions) (DBOutageResult, error) {
	o.defaults()
	var res DBOutageResult
	db, err := seedOrg(ctx, env)
	if err != nil {
		return res, err
	}
	defer db.Close()
	slack := &fake.Slack{PerSecond: o.PerSecond}
	platform := StartPlatform(slack)
	defer platform.Close()
	replicas, err := StartReplicas(ctx, env, db.URL, o.Replicas, merge(SlackSettings(platform.URL), o.Settings))
	if err != nil {
		return res, err
	}
	defer StopReplicas(replicas)

	loadCtx, stopLoad := context.WithCancel(ctx)
	defer stopLoad()
	var mu sync.Mutex
	var answers []Answer
	var readyz []Readiness
	var wg sync.WaitGroup
	client := &http.Client{Timeout: 4 * o.Deadline}
	for w := range o.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; loadCtx.Err() == nil; i++ {
				a := Slash(context.WithoutCancel(loadCtx), client, replicas[i%len(replicas)].URL(), "/phonebook", "jansen")
				mu.Lock()
				answers = append(answers, a)
				mu.Unlock()
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for loadCtx.Err() == nil {
			for _, s := range replicas {
				r := ReadyzOf(context.WithoutCancel(loadCtx), client, s)
				mu.Lock()
				readyz = append(readyz, r)
				mu.Unlock()
			}
			select {
			case <-loadCtx.Done():
			case <-time.After(200 * time.Millisecond):
			}
		}
	}()

	sleep(ctx, o.Before)
	keys, err := db.enqueue(ctx, "before", o.Deliveries)
	if err != nil {
		return res, err
	}
	sleep(ctx, 500*time.Millisecond) // some are being sent
	arrived, _ := delivered(slack.Keys(), keys)
	res.PendingAtStop = len(keys) - arrived
	stop, start := env.PG.Stop, env.PG.Start
	if o.Freeze {
		stop = func() error { return freezePG(env.PG.Dir, true) }
		start = func() error { return freezePG(env.PG.Dir, false) }
	}
	if err := stop(); err != nil {
		return res, fmt.Errorf("stop PostgreSQL: %w", err)
	}
	stopped := time.Now()
	sleep(ctx, o.Down)
	starting := time.Now()
	if err := start(); err != nil {
		return res, fmt.Errorf("start PostgreSQL again: %w", err)
	}
	up := time.Now()
	res.Down = starting.Sub(stopped)
	more, err := db.enqueue(ctx, "after", o.Deliveries)
	keys = append(keys, more...)
	if err != nil {
		return res, err
	}
	sleep(ctx, o.After)
	stopLoad()
	wg.Wait()

	// Every delivery, once; wait for the last (a job that was running at
	// the stop comes back after the rescue time).
	res.Deliveries = len(keys)
	deadline := time.Now().Add(o.Settle)
	for {
		res.Delivered, res.Twice = delivered(slack.Keys(), keys)
		if res.Delivered == res.Deliveries || time.Now().After(deadline) || ctx.Err() != nil {
			break
		}
		sleep(ctx, 250*time.Millisecond)
	}
	if last := lastArrival(slack.Posts(), keys); last.After(up) {
		res.LastDelivery = last.Sub(up)
	}
	// A moment more for a late duplicate to show.
	sleep(ctx, time.Second)
	res.Delivered, res.TwiceKeys = deliveredKeys(slack.Keys(), keys)
	res.Twice = len(res.TwiceKeys)
	for _, p := range slack.Posts() {
		if contains(res.TwiceKeys, p.Key) {
			res.TwiceKeys = append(res.TwiceKeys, fmt.Sprintf("%s at %+.3fs from the stop", p.Key, p.At.Sub(stopped).Seconds()))
		}
	}

	res.Commands = len(answers)
	for _, a := range answers {
		done := a.Sent.Add(a.Took)
		during := a.Sent.After(stopped) && done.Before(starting)
		res.Slowest = max(res.Slowest, a.Took)
		late := a.Status == 0 || a.Took > o.Deadline || a.Body == ""
		if late {
			res.Late++
		}
		switch {
		case during:
			res.During++
			res.SlowestDuring = max(res.SlowestDuring, a.Took)
			if a.TryAgain() && !late {
				res.TryAgain++
			} else {
				res.unexpected("during", a)
			}
		case a.Sent.After(up) && a.TryAgain():
			res.TryAgainAfter++
		case late || a.Status != http.StatusOK:
			res.unexpected("around", a)
		}
	}
	for _, r := range readyz {
		switch {
		case r.At.After(stopped.Add(500*time.Millisecond)) && r.At.Before(starting):
			res.ReadyDuring = addOnce(res.ReadyDuring, r.String())
		case r.At.After(up.Add(time.Second)):
			res.ReadyAfter = addOnce(res.ReadyAfter, r.String())
		}
	}
	res.Exited = exited(replicas)
	if !res.OK() {
		res.Logs = logTails(replicas)
	}
	return res, nil
}

func (r *DBOutageResult) unexpected(phase string, a Answer) {
	if len(r.Unexpected) < 5 {
		body := a.Body
		if len(body) > 160 {
			body = body[:160] + "…"
		}
		r.Unexpected = append(r.Unexpected, fmt.Sprintf("%s: %d after %s %q %v", phase, a.Status, a.Took.Round(time.Millisecond), body, a.Err))
	}
}

// exited counts the replicas that ended on their own.
func exited(replicas []*proc.Serve) int {
	n := 0
	for _, s := range replicas {
		if s.Exited() {
			n++
		}
	}
	return n
}

// logTails is the end of each replica's log, for a failure to show.
func logTails(replicas []*proc.Serve) string {
	var b strings.Builder
	for i, s := range replicas {
		l := s.Log()
		if len(l) > 200000 {
			l = l[len(l)-200000:]
		}
		fmt.Fprintf(&b, "--- replica %d\n%s\n", i, l)
	}
	return b.String()
}

func sleep(ctx context.Context, d time.Duration) {
	select {
	case <-ctx.Done():
	case <-time.After(d):
	}
}

func addOnce(list []string, s string) []string {
	if contains(list, s) {
		return list
	}
	list = append(list, s)
	sort.Strings(list)
	return list
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// allOf tells whether list is exactly one s.
func allOf(list []string, s string) bool { return len(list) == 1 && list[0] == s }
