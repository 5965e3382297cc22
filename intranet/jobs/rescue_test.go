package jobs

import (
	"context"
	"database/sql"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/werkplek/werkplek/internal/pgtest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/store"
)

// TestRescue: on PostgreSQL every runner takes back, itself, the jobs that
// have been running longer than RescueAfter (those of a process that
// died), leaving alone one that runs for less and one that used its
// attempts (River's rescuer fails that one); a rescued job then runs. River's
// own rescuer would wait for its leader's next round (every 30 s).
func TestRescue(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, pgtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	r, err := New(ctx, Config{Store: st, JobTimeout: time.Second, RescueAfter: 3 * time.Second, PollInterval: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if got := r.rescueInterval(); got != time.Second {
		t.Errorf("rescue interval %s, want 1s", got)
	}
	ran := make(chan string, 10)
	if err := r.HandleJobs("stuck.job", func(ctx context.Context, j intranet.Job) error {
		ran <- string(j.Payload)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	db, _ := st.DB()
	// Three jobs as a dead process left them: running since an hour ago,
	// running since just now, and one on its last attempt.
	ids := map[string]int64{}
	for _, name := range []string{"dead", "live", "spent"} {
		id, err := r.Enqueue(ctx, "stuck.job", []byte(name))
		if err != nil {
			t.Fatal(err)
		}
		ids[name] = id
	}
	set := func(name, since string, attempt int) {
		if _, err := db.ExecContext(ctx, `UPDATE river_job SET state = 'running', attempt = $1, attempted_at = now() - $2::interval, attempted_by = '{gone}' WHERE id = $3`,
			attempt, since, ids[name]); err != nil {
			t.Fatal(err)
		}
	}
	set("dead", "1 hour", 1)
	set("live", "0 seconds", 1)
	set("spent", "1 hour", DefaultMaxAttempts)
	n, err := r.q.(*riverQueue).rescue(ctx)
	if err != nil || n != 1 {
		t.Fatalf("rescued %d jobs (%v), want 1", n, err)
	}
	state := func(name string) (s string) {
		_ = db.QueryRowContext(ctx, `SELECT state FROM river_job WHERE id = $1`, ids[name]).Scan(&s)
		return s
	}
	if state("dead") != "available" || state("live") != "running" || state("spent") != "running" {
		t.Errorf("states: dead %s, live %s, spent %s", state("dead"), state("live"), state("spent"))
	}
	if err := r.Start(ctx); err != nil {
		t.Fatal(err)
	}
	defer r.Stop(ctx)
	select {
	case got := <-ran:
		if got != "dead" {
			t.Errorf("ran %q, want the rescued job", got)
		}
	case <-time.After(time.Minute):
		t.Fatal("the rescued job did not run")
	}
	var errs sql.NullString
	_ = db.QueryRowContext(ctx, `SELECT errors[1]->>'error' FROM river_job WHERE id = $1`, ids["dead"]).Scan(&errs)
	if errs.String == "" {
		t.Error("the rescue is not noted in the job's errors")
	}
}

// TestDeliveryQueue: on PostgreSQL the outbox's deliveries go to a River
// queue with workers of their own, so that digests due by the thousand
// (in the default queue, worked in the order they fell due) do not all
// run before the first message goes out.
func TestDeliveryQueue(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, pgtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	r, err := New(ctx, Config{Store: st})
	if err != nil {
		t.Fatal(err)
	}
	o, err := NewOutbox(r, func(intranet.Platform) intranet.Poster { return nil }, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.HandleJobs("other.job", func(context.Context, intranet.Job) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Enqueue(ctx, "other.job", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := o.Send(ctx, intranet.Delivery{Key: "k1", To: intranet.Destination{Platform: intranet.PlatformSlack, ChannelID: "C1"}}); err != nil {
		t.Fatal(err)
	}
	db, _ := st.DB()
	queues := map[string]string{}
	rows, err := db.QueryContext(ctx, `SELECT args->>'kind', queue FROM river_job`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var kind, queue string
		if err := rows.Scan(&kind, &queue); err != nil {
			t.Fatal(err)
		}
		queues[kind] = queue
	}
	if queues[OutboxKind] != deliveryQueue || queues["other.job"] != "default" {
		t.Errorf("queues %v", queues)
	}
}
