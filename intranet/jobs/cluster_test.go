package jobs_test

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/werkplek/werkplek/internal/pgtest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/jobs"
	"github.com/werkplek/werkplek/intranet/store"
)

// Tests of several runners against one PostgreSQL database, each runner with
// its own store and so its own connections, one of them in a separate
// process that the test kills.

// helperEnv, when set to a database URL, makes the test binary a runner
// process (helperRunner) instead of running tests.
const helperEnv = "WERKPLEK_JOBS_HELPER_URL"

// clusterConfig is the runners' configuration, with the default job
// timeout and rescue time: a job slowed down by a loaded machine is never
// cancelled or taken back while it still runs.
var clusterConfig = jobs.Config{Workers: 10, PollInterval: 100 * time.Millisecond}

// killedConfig is the configuration of the test of a killed runner: a
// shorter rescue time, so that it finishes in seconds rather than a minute,
// yet far above the 50 ms its jobs take, even on a loaded machine.
var killedConfig = jobs.Config{Workers: 10, JobTimeout: 10 * time.Second, RescueAfter: 12 * time.Second, PollInterval: 100 * time.Millisecond}

// hitsTable records every handler run in the database, so that runs in the
// killed process count too.
const hitsTable = `CREATE TABLE IF NOT EXISTS job_hits (key text NOT NULL, due timestamptz NOT NULL, runner text NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp())`

// recorder is a handler that records its run in job_hits, then works for
// a while (so that jobs are in flight when a runner dies).
func recorder(db *sql.DB, runner string, work time.Duration) intranet.JobHandler {
	return func(ctx context.Context, j intranet.Job) error {
		if _, err := db.ExecContext(ctx, "INSERT INTO job_hits (key, due, runner) VALUES ($1, $2, $3)", j.Key, j.Due, runner); err != nil {
			return err
		}
		if work > 0 {
			select {
			case <-time.After(work):
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		return nil
	}
}

// helperRunner is the runner process: it works jobs until it is killed.
func helperRunner(url string) int {
	ctx := context.Background()
	s, err := store.Open(ctx, url)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	cfg := killedConfig
	cfg.Store = s
	cfg.ID = "killed"
	r, err := jobs.New(ctx, cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	db, _ := s.DB()
	_ = r.HandleJobs("load.job", recorder(db, "killed", 50*time.Millisecond))
	if err := r.Start(ctx); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Println("started")
	select {}
}

type cluster struct {
	t       *testing.T
	url     string
	db      *sql.DB
	runners []*jobs.Runner
}

func newCluster(t *testing.T, n int, work time.Duration, config jobs.Config) *cluster {
	url := pgtest.URL(t)
	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	c := &cluster{t: t, url: url, db: db}
	for i := range n {
		cfg := config
		cfg.ID = fmt.Sprintf("runner%d", i)
		r := newRunner(t, url, nil, cfg)
		if i == 0 {
			if _, err := db.Exec(hitsTable); err != nil {
				t.Fatal(err)
			}
		}
		if err := r.HandleJobs("load.job", recorder(db, cfg.ID, work)); err != nil {
			t.Fatal(err)
		}
		c.runners = append(c.runners, r)
	}
	return c
}

func (c *cluster) count(q string, args ...any) int {
	c.t.Helper()
	var n int
	if err := c.db.QueryRow(q, args...).Scan(&n); err != nil {
		c.t.Fatal(err)
	}
	return n
}

// schedule schedules n rows' jobs all due at due, spread over the runners.
func (c *cluster) schedule(n int, due time.Time) {
	c.t.Helper()
	var wg sync.WaitGroup
	errs := make(chan error, len(c.runners))
	for i, r := range c.runners {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := i; k < n; k += len(c.runners) {
				if err := r.Schedule(context.Background(), "load.job", fmt.Sprintf("row%d", k), due, nil); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		c.t.Fatal(err)
	}
}

// waitAll waits until every one of n rows ran and no job is left pending.
func (c *cluster) waitAll(n int, deadline time.Duration) {
	c.t.Helper()
	end := time.Now().Add(deadline)
	for {
		ran := c.count("SELECT count(DISTINCT key) FROM job_hits")
		pending := c.count("SELECT count(*) FROM river_job WHERE state NOT IN ('completed', 'discarded', 'cancelled')")
		if ran == n && pending == 0 {
			return
		}
		if time.Now().After(end) {
			c.t.Fatalf("after %s: %d of %d rows ran, %d jobs pending", deadline, ran, n, pending)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestThreeRunners: 1 000 jobs falling due at once, three runners: each
// runs exactly once.
func TestThreeRunners(t *testing.T) {
	c := newCluster(t, 3, 0, clusterConfig)
	const n = 1000
	t0 := time.Now()
	due := t0.Add(3 * time.Second)
	c.schedule(n, due)
	t.Logf("scheduled %d jobs in %s", n, time.Since(t0).Round(time.Millisecond))
	for _, r := range c.runners {
		start(t, r)
	}
	c.waitAll(n, 60*time.Second)
	var last time.Time
	_ = c.db.QueryRow("SELECT max(at) FROM job_hits").Scan(&last)
	t.Logf("%d jobs ran %s after they fell due (%.0f jobs/s)", n, last.Sub(due).Round(time.Millisecond), n/last.Sub(due).Seconds())
	time.Sleep(500 * time.Millisecond) // a double run would show now
	if runs := c.count("SELECT count(*) FROM job_hits"); runs != n {
		t.Errorf("%d runs of %d jobs", runs, n)
	}
	if left := c.count("SELECT count(*) FROM job_schedules"); left != 0 {
		t.Errorf("%d schedules left", left)
	}
	rows, _ := c.db.Query("SELECT runner, count(*) FROM job_hits GROUP BY runner ORDER BY runner")
	defer rows.Close()
	var spread []string
	for rows.Next() {
		var r string
		var k int
		_ = rows.Scan(&r, &k)
		spread = append(spread, fmt.Sprintf("%s=%d", r, k))
	}
	t.Logf("runs per runner: %s", strings.Join(spread, " "))
}

// TestRunnerKilled: of three runners, one is a process that is killed with
// SIGKILL while it works: no job is lost, and only jobs that were in flight
// in it (at most its Workers) may run twice, once there and once elsewhere.
func TestRunnerKilled(t *testing.T) {
	c := newCluster(t, 2, 50*time.Millisecond, killedConfig)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"="+c.url)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	if line, err := bufio.NewReader(out).ReadString('\n'); err != nil || line != "started\n" {
		t.Fatalf("helper: %q %v", line, err)
	}
	const n = 1000
	due := time.Now().Add(2 * time.Second)
	c.schedule(n, due)
	for _, r := range c.runners {
		start(t, r)
	}
	end := time.Now().Add(60 * time.Second)
	for c.count("SELECT count(*) FROM job_hits WHERE runner = 'killed'") < 60 {
		if time.Now().After(end) {
			t.Fatal("the helper runner ran too few jobs")
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	killed := time.Now()
	_ = cmd.Wait()
	stuck := c.count("SELECT count(*) FROM river_job WHERE state = 'running' AND attempted_by @> ARRAY['killed']")
	c.waitAll(n, 120*time.Second)
	t.Logf("killed with %d jobs running; all %d jobs done %s after the kill", stuck, n, time.Since(killed).Round(time.Millisecond))
	twice := c.count("SELECT count(*) FROM (SELECT key FROM job_hits GROUP BY key HAVING count(*) > 1) d")
	worse := c.count("SELECT count(*) FROM (SELECT key FROM job_hits GROUP BY key HAVING count(*) > 2 OR count(*) > 1 AND NOT bool_or(runner = 'killed')) d")
	t.Logf("%d jobs ran twice (in flight in the killed runner)", twice)
	if twice > killedConfig.Workers || worse > 0 {
		t.Errorf("%d jobs ran twice, %d of them not in the killed runner or more than twice", twice, worse)
	}
}

// TestRescheduleRace: rows are scheduled, rescheduled and cancelled through
// three runners while those runners run the jobs that fall due: no (row, due
// time) runs twice, a row's last schedule runs exactly once, and a cancelled
// row has nothing left pending.
func TestRescheduleRace(t *testing.T) {
	c := newCluster(t, 3, 0, clusterConfig)
	for _, r := range c.runners {
		start(t, r)
	}
	const rows, ops = 60, 25
	want := make([]time.Time, rows) // zero: cancelled
	var wg sync.WaitGroup
	errs := make(chan error, rows)
	for i := range rows {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx := context.Background()
			rnd := rand.New(rand.NewPCG(uint64(i), 7))
			key := fmt.Sprintf("row%d", i)
			for range ops {
				r := c.runners[rnd.IntN(len(c.runners))]
				due := time.Now().Add(time.Duration(rnd.IntN(600)-200) * time.Millisecond)
				var err error
				switch p := rnd.IntN(10); {
				case p < 6:
					if err = r.Schedule(ctx, "load.job", key, due, nil); err == nil {
						want[i] = store.DueTime(due)
					}
				case p < 8:
					err = r.Reschedule(ctx, "load.job", key, due)
					if err == nil {
						want[i] = store.DueTime(due)
					} else if intranet.ErrorCode(err) == intranet.ENOTFOUND {
						err = nil
					}
				default:
					if err = r.Cancel(ctx, "load.job", key); err == nil {
						want[i] = time.Time{}
					}
				}
				if err != nil {
					errs <- err
					return
				}
				time.Sleep(time.Duration(rnd.IntN(150)) * time.Millisecond)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	during := c.count("SELECT count(*) FROM job_hits")
	end := time.Now().Add(60 * time.Second)
	for c.count("SELECT count(*) FROM job_schedules") > 0 || c.count("SELECT count(*) FROM river_job WHERE state NOT IN ('completed', 'discarded', 'cancelled')") > 0 {
		if time.Now().After(end) {
			t.Fatal("jobs still pending after 60 s")
		}
		time.Sleep(100 * time.Millisecond)
	}
	if dup := c.count("SELECT count(*) FROM (SELECT key, due FROM job_hits GROUP BY key, due HAVING count(*) > 1) d"); dup > 0 {
		t.Errorf("%d (row, due) ran twice", dup)
	}
	cancelled := 0
	for i, due := range want {
		if due.IsZero() {
			cancelled++
			continue
		}
		if n := c.count("SELECT count(*) FROM job_hits WHERE key = $1 AND due = $2", fmt.Sprintf("row%d", i), due); n != 1 {
			t.Errorf("row%d: its last schedule (%s) ran %d times", i, due.Format(time.RFC3339Nano), n)
		}
	}
	t.Logf("%d rows, %d operations, %d runs while they changed, %d runs in all, %d rows cancelled last", rows, rows*ops, during, c.count("SELECT count(*) FROM job_hits"), cancelled)
}

// BenchmarkEnqueueAndRun measures PostgreSQL throughput: b.N one-off jobs
// enqueued one transaction each, then worked by three runners.
func BenchmarkEnqueueAndRun(b *testing.B) {
	url := pgtest.URL(b)
	var runners []*jobs.Runner
	var mu sync.Mutex
	done := 0
	all := make(chan struct{})
	for i := range 3 {
		cfg := clusterConfig
		cfg.PollInterval = 50 * time.Millisecond
		r := newRunner(b, url, nil, cfg)
		_ = r.HandleJobs("bench.job", func(ctx context.Context, j intranet.Job) error {
			mu.Lock()
			done++
			if done == b.N {
				close(all)
			}
			mu.Unlock()
			return nil
		})
		runners = append(runners, r)
		_ = i
	}
	ctx := context.Background()
	b.ResetTimer()
	t0 := time.Now()
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < b.N; i += 4 {
				if _, err := runners[0].Enqueue(ctx, "bench.job", nil); err != nil {
					b.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	enqueue := time.Since(t0)
	t1 := time.Now()
	for _, r := range runners {
		start(b, r)
	}
	select {
	case <-all:
	case <-time.After(5 * time.Minute):
		b.Fatal("jobs not done")
	}
	run := time.Since(t1)
	b.StopTimer()
	b.ReportMetric(float64(b.N)/enqueue.Seconds(), "enqueued/s")
	b.ReportMetric(float64(b.N)/run.Seconds(), "run/s")
}
