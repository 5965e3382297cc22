package scenario

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/werkplek/werkplek/bench/fake"
	"github.com/werkplek/werkplek/bench/proc"
	"github.com/werkplek/werkplek/internal/peoplegen"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature/digest"
	"github.com/werkplek/werkplek/intranet/feature/news"
	"github.com/werkplek/werkplek/intranet/jobs"
	"github.com/werkplek/werkplek/intranet/store"
)

// DigestOptions shape the digest scenario.
type DigestOptions struct {
	// Channels is the number of Slack channels subscribed to a daily news
	// digest; People the number of people with a daily digest in their DM.
	// Each gets one message (default 100 each).
	Channels, People int
	// Replicas is the number of `werkplek serve` processes (default 2).
	Replicas int
	// Settings are added to every replica's settings.
	Settings map[string]string
	// Wait bounds the wait for every delivery (default 10 minutes).
	Wait time.Duration
	// Log, when set, hears of the scenario's progress.
	Log func(format string, args ...any)
}

func (o *DigestOptions) defaults() {
	if o.Channels == 0 && o.People == 0 {
		o.Channels, o.People = 100, 100
	}
	if o.Replicas <= 0 {
		o.Replicas = 2
	}
	if o.Wait <= 0 {
		o.Wait = 10 * time.Minute
	}
	if o.Log == nil {
		o.Log = func(string, ...any) {}
	}
}

// DigestResult is what one digest run measured.
type DigestResult struct {
	Want      int           // digests that fell due (one message each)
	Delivered int           // distinct delivery keys Slack accepted
	Posts     int           // messages Slack accepted, repeats included
	Twice     int           // delivery keys Slack accepted more than once
	Limited   int           // 429 answers
	Elapsed   time.Duration // from the due time to the last first delivery
	// Allowed is what Slack's limits allow at best: Want messages at
	// PerSecond a second.
	Allowed time.Duration
}

func (r DigestResult) String() string {
	return fmt.Sprintf("%d of %d delivered, %d twice, %d posts, %d answered 429, in %.1f s (the limits allow %.0f s: %.3f×)",
		r.Delivered, r.Want, r.Twice, r.Posts, r.Limited, r.Elapsed.Seconds(), r.Allowed.Seconds(), r.Elapsed.Seconds()/r.Allowed.Seconds())
}

// SlackLimits are Slack's message limits as the fake enforces them: one
// message per second in a channel, 100 a second in the workspace.
const (
	SlackPerChannel = time.Second
	SlackPerSecond  = 100
)

// NewLimitedSlack returns a fake Slack with Slack's message limits.
func NewLimitedSlack() *fake.Slack {
	return &fake.Slack{PerChannel: SlackPerChannel, PerSecond: SlackPerSecond}
}

// Digests runs the digest scenario: it seeds a new database with
// o.Channels channel and o.People personal news subscriptions whose daily
// digest lists two items, starts o.Replicas replicas against a fake Slack
// with Slack's limits, makes every digest fall due at once and waits until
// each was delivered and nothing is left to do. Elapsed runs from the due
// time to the last delivery.
func Digests(ctx context.Context, env *Env, o DigestOptions) (DigestResult, error) {
	o.defaults()
	res := DigestResult{Want: o.Channels + o.People}
	res.Allowed = time.Duration(float64(res.Want) / SlackPerSecond * float64(time.Second))
	rig, err := startDigestRig(ctx, env, o.Channels, o.People, o.Replicas, o.Settings)
	if err != nil {
		return res, err
	}
	defer rig.Close()
	o.Log("seeded %d subscriptions in %.1f s", res.Want, rig.seeded.Seconds())
	slack, replicas, db := rig.slack, rig.replicas, rig.db
	start, err := FallDue(ctx, db)
	if err != nil {
		return res, err
	}
	o.Log("%d digests due on %d replicas", res.Want, len(replicas))
	if err := waitDelivered(ctx, slack, res.Want, o.Wait, replicas); err != nil {
		return res, err
	}
	if err := WaitIdle(ctx, db, time.Minute); err != nil {
		return res, err
	}
	fill(&res, slack, start)
	o.Log("deliveries per 10 s from the due time: %v", perTen(slack, start))
	return res, nil
}

// digestRig is what the digest and replica-kill scenarios start: a new
// database with digests seeded, a fake Slack with Slack's limits, the
// replicas against both, and a connection for the scenario's own
// statements.
type digestRig struct {
	slack    *fake.Slack
	platform *Platform
	replicas []*proc.Serve
	db       *sql.DB
	seeded   time.Duration // how long seeding took
}

func startDigestRig(ctx context.Context, env *Env, channels, people, replicas int, settings map[string]string) (*digestRig, error) {
	dbURL, err := env.Database()
	if err != nil {
		return nil, err
	}
	t0 := time.Now()
	if err := SeedDigests(ctx, dbURL, channels, people); err != nil {
		return nil, err
	}
	rig := &digestRig{slack: NewLimitedSlack(), seeded: time.Since(t0)}
	rig.platform = StartPlatform(rig.slack)
	if rig.replicas, err = StartReplicas(ctx, env, dbURL, replicas, merge(SlackSettings(rig.platform.URL), settings)); err == nil {
		rig.db, err = sql.Open("pgx", dbURL)
	}
	if err != nil {
		rig.Close()
		return nil, err
	}
	return rig, nil
}

// Close stops the replicas and the fake Slack.
func (r *digestRig) Close() {
	if r.db != nil {
		r.db.Close()
	}
	StopReplicas(r.replicas)
	r.platform.Close()
}

// perTen counts the first deliveries of keys in each 10 s from start.
func perTen(slack *fake.Slack, start time.Time) []int {
	var out []int
	seen := map[string]bool{}
	for _, p := range slack.Posts() {
		if p.Key == "" || seen[p.Key] {
			continue
		}
		seen[p.Key] = true
		i := max(int(p.At.Sub(start)/(10*time.Second)), 0)
		for len(out) <= i {
			out = append(out, 0)
		}
		out[i]++
	}
	return out
}

// fill counts what slack received, with the time from start to the last
// first delivery of a key.
func fill(res *DigestResult, slack *fake.Slack, start time.Time) {
	res.Posts, res.Twice, res.Limited, _ = slack.Stats()
	seen := map[string]bool{}
	var last time.Time
	for _, p := range slack.Posts() {
		if p.Key != "" && !seen[p.Key] {
			seen[p.Key] = true
			last = p.At
		}
	}
	res.Delivered = len(seen)
	res.Elapsed = last.Sub(start)
}

// waitDelivered waits until slack has n distinct delivery keys, at most
// wait; it fails early when every replica has exited.
func waitDelivered(ctx context.Context, slack *fake.Slack, n int, wait time.Duration, replicas []*proc.Serve) error {
	deadline := time.Now().Add(wait)
	for {
		if len(slack.Keys()) >= n {
			return nil
		}
		alive := false
		for _, r := range replicas {
			alive = alive || r != nil && !r.Exited()
		}
		switch {
		case !alive:
			return fmt.Errorf("every replica exited with %d of %d delivered", len(slack.Keys()), n)
		case time.Now().After(deadline):
			return fmt.Errorf("%d of %d delivered after %s", len(slack.Keys()), n, wait)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// WaitIdle waits until the database has no job left that is due within
// the hour (the next digests are further), at most wait.
func WaitIdle(ctx context.Context, db *sql.DB, wait time.Duration) error {
	deadline := time.Now().Add(wait)
	for {
		var left int
		err := db.QueryRowContext(ctx, `SELECT count(*) FROM river_job WHERE state IN ('available', 'running', 'retryable', 'scheduled', 'pending')
AND scheduled_at < now() + interval '1 hour'`).Scan(&left)
		if err == nil && left == 0 {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%d jobs left after %s (%v)", left, wait, err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// StartReplicas starts n replicas at once over dbURL with settings and
// waits until each says it is ready. On an error it stops those it started.
func StartReplicas(ctx context.Context, env *Env, dbURL string, n int, settings map[string]string) ([]*proc.Serve, error) {
	out := make([]*proc.Serve, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range out {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if out[i], errs[i] = env.Serve(ctx, dbURL, settings); errs[i] == nil {
				errs[i] = WaitReady(ctx, out[i], ServeStartWait)
			}
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		StopReplicas(out)
		return nil, err
	}
	return out, nil
}

// StopReplicas stops the replicas that still run (SIGTERM, then SIGKILL).
func StopReplicas(replicas []*proc.Serve) {
	var wg sync.WaitGroup
	for _, r := range replicas {
		if r != nil && !r.Exited() {
			wg.Add(1)
			go func() { defer wg.Done(); _ = r.Stop(30 * time.Second) }()
		}
	}
	wg.Wait()
}

func merge(ms ...map[string]string) map[string]string {
	out := map[string]string{}
	for _, m := range ms {
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}

// The seeded digests: subscriptions made a day ago, two items published
// since, and every digest due an hour from now until FallDue moves their
// jobs to now. A digest job that runs before its due time acts as at its
// due time (intranet.Job.At), so what it lists and what it claims do not
// depend on when FallDue runs.
const (
	seededAgo = 24 * time.Hour
	seededDue = time.Hour
)

// SeedDigests seeds the database at dbURL through the store and the job
// runner (not started): people, two news items for everyone, channels
// Slack channel subscriptions and people personal ones (To the person's
// Slack user "U<n>", delivered in the DM "DU<n>"), each with its digest job
// due in an hour. Their next digest after that is half a day or more
// later.
func SeedDigests(ctx context.Context, dbURL string, channels, people int) error {
	st, err := store.Open(ctx, dbURL)
	if err != nil {
		return err
	}
	defer st.Close()
	runner, err := jobs.New(ctx, jobs.Config{Store: st, Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		return err
	}
	if err := runner.HandleJobs(news.NewsDigestJob, func(context.Context, intranet.Job) error { return nil }); err != nil {
		return err
	}
	records := peoplegen.Generate(max(people, 1))
	for i := range records {
		records[i].Organisation = "" // partners see no item for everyone
	}
	if _, err := st.ImportPeople(ctx, records, false); err != nil {
		return fmt.Errorf("import people: %w", err)
	}
	db, err := st.DB()
	if err != nil {
		return err
	}
	var ids []int64
	rows, err := db.QueryContext(ctx, `SELECT id FROM people ORDER BY id`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, id)
	}
	rows.Close()
	now := time.Now().UTC()
	made := now.Add(-seededAgo)
	for _, title := range []string{"Nieuwe roosterapp", "Kerstborrel"} {
		if _, err := st.CreateNews(ctx, intranet.NewNewsItem{Title: title, Body: "Tekst.", AuthorID: ids[0], Publish: made.Add(time.Hour)}, made); err != nil {
			return fmt.Errorf("create news: %w", err)
		}
	}
	due := now.Add(seededDue).Truncate(time.Second)
	// The daily time lies half a day after now, so the digest after the
	// one made due comes long after the scenario.
	ams, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		return err
	}
	later := now.Add(12 * time.Hour).In(ams)
	sched := intranet.Schedule{Kind: intranet.ScheduleDaily, Minute: later.Hour()*60 + later.Minute()}
	subs := make(chan intranet.Subscription)
	errs := make(chan error, 8)
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for s := range subs {
				made, err := st.CreateSubscription(ctx, s, s.Created)
				if err == nil {
					err = runner.Schedule(ctx, news.NewsDigestJob, digest.Key(made.ID, due), due, nil)
				}
				if err != nil {
					errs <- fmt.Errorf("subscription: %w", err)
					return
				}
			}
		}()
	}
	var failed error
send:
	for i := 0; i < channels+people; i++ {
		s := intranet.Subscription{Feed: intranet.FeedNews, Schedule: sched, Lang: "nl", Created: made, Next: due,
			To: intranet.Destination{Platform: intranet.PlatformSlack, Installation: "T1"}}
		if i < channels {
			s.PersonID, s.To.ChannelID = ids[i%len(ids)], fmt.Sprintf("C%06d", i)
		} else {
			p := i - channels
			s.PersonID, s.Personal, s.To.UserID = ids[p], true, fmt.Sprintf("U%06d", p)
		}
		select {
		case subs <- s:
		case failed = <-errs:
			break send
		case <-ctx.Done():
			failed = ctx.Err()
			break send
		}
	}
	close(subs)
	wg.Wait()
	if failed == nil {
		select {
		case failed = <-errs:
		default:
		}
	}
	return failed
}

// FallDue makes every seeded digest fall due now, at once, and returns
// that moment.
func FallDue(ctx context.Context, db *sql.DB) (time.Time, error) {
	start := time.Now()
	_, err := db.ExecContext(ctx, `UPDATE river_job SET state = 'available', scheduled_at = now() WHERE state = 'scheduled' AND args->>'kind' = $1`, news.NewsDigestJob)
	if err != nil {
		return start, fmt.Errorf("make the digests due: %w", err)
	}
	return start, nil
}

// FullDigests are the harness's options of the target: 20 000
// digests (10 000 channels, 10 000 people) on 3 replicas, each posting its
// share of Slack's workspace limit (SLACK_MESSAGE_RATE=34).
func FullDigests() DigestOptions {
	return DigestOptions{Channels: 10000, People: 10000, Replicas: 3, Settings: map[string]string{"SLACK_MESSAGE_RATE": "34"}, Wait: 15 * time.Minute}
}
