package main

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/pgtest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/demo"
)

// slowSlackAPI is Slack's Web API for reminders: it opens DMs and takes
// posts slowly, so that a replica stopped midway has posts in flight; it
// counts the posts per booking (the release button names the booking).
type slowSlackAPI struct {
	mu    sync.Mutex
	posts map[string]int
	total int
	ts    int
}

var releaseButton = regexp.MustCompile(`/room release (\d+)`)

func (f *slowSlackAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	w.Header().Set("Content-Type", "application/json")
	switch strings.TrimPrefix(r.URL.Path, "/slack/api/") {
	case "conversations.open":
		fmt.Fprint(w, `{"ok":true,"channel":{"id":"D-JAN"}}`)
	case "conversations.history":
		fmt.Fprint(w, `{"ok":true,"messages":[]}`)
	case "chat.postMessage":
		time.Sleep(50 * time.Millisecond) // a slow platform, not a wait for a result
		f.mu.Lock()
		f.ts++
		f.total++
		if m := releaseButton.FindStringSubmatch(r.PostForm.Get("blocks")); m != nil {
			f.posts[m[1]]++
		}
		ts := f.ts
		f.mu.Unlock()
		fmt.Fprintf(w, `{"ok":true,"channel":"D-JAN","ts":"1700000000.%06d"}`, ts)
	default:
		fmt.Fprint(w, `{"ok":true}`)
	}
}

func (f *slowSlackAPI) count() (total int, bookings map[string]int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	bookings = map[string]int{}
	for k, v := range f.posts {
		bookings[k] = v
	}
	return f.total, bookings
}

// TestReplicasRemindOnce: three `werkplek serve` against one PostgreSQL
// share the booking reminders that fall due at once; one replica is
// stopped with SIGTERM while they are being sent. Every reminder reaches
// Slack exactly once, and no job is left failed or pending.
func TestReplicasRemindOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := werkplekBinary(t)
	dbURL := pgtest.URL(t)
	ctx := context.Background()
	fake := &slowSlackAPI{posts: map[string]int{}}
	platform := httptest.NewServer(fake)
	defer platform.Close()

	// Bookings made through the core, as Jan on Slack: each schedules its
	// reminder 10 minutes before the start.
	env := map[string]string{"WERKPLEK_DATABASE_URL": dbURL}
	m := openedMain(t, env)
	defer m.Close()
	if _, err := m.Store.ImportPeople(ctx, demo.People(), false); err != nil {
		t.Fatal(err)
	}
	if _, err := m.Store.SaveRooms(ctx, demo.Rooms(), false); err != nil {
		t.Fatal(err)
	}
	jan, err := m.Store.FindPersonByEmail(ctx, demo.User)
	if err != nil {
		t.Fatal(err)
	}
	linkSlack(t, m.Store, jan.ID)
	req := intranet.Request{Platform: intranet.PlatformSlack, Installation: "T1", User: intranet.User{ID: "U1"}, Channel: intranet.Channel{ID: "C1"}}
	booked := 0
	for day := 1; day <= 4; day++ {
		date := time.Now().In(m.Config.Location).AddDate(0, 0, day).Format("2006-01-02")
		for _, room := range []string{"De Dom", "Oudegracht", "Stilte", "Zorgkamer Oost"} {
			for hour := 8; hour < 17; hour++ {
				req.Text = fmt.Sprintf("/room book %q %s %02d:00-%02d:00", room, date, hour, hour+1)
				reply, err := m.Router.Handle(ctx, req)
				if err != nil || !strings.Contains(reply.Title+reply.Text+strings.Join(reply.Context, " "), "Boeking") {
					t.Fatalf("%s: %+v %v", req.Text, reply, err)
				}
				booked++
			}
		}
	}

	// Three replicas, then every reminder falls due at once.
	replicaEnv := []string{"WERKPLEK_DATABASE_URL=" + dbURL, "SLACK_SIGNING_SECRET=replica-secret", "SLACK_BOT_TOKEN=xoxb-test",
		"SLACK_API_URL=" + platform.URL + "/slack/api/", "WERKPLEK_LOG_FORMAT=json"}
	var replicas []*replica
	for i := 0; i < 3; i++ {
		replicas = append(replicas, startReplica(t, bin, replicaEnv))
	}
	for _, r := range replicas {
		r.waitReady(t)
	}
	db, err := sql.Open("pgx", dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	res, err := db.ExecContext(ctx, `UPDATE river_job SET scheduled_at = now() WHERE args->>'kind' = 'booking.reminder' AND state = 'scheduled'`)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := res.RowsAffected(); n != int64(booked) {
		t.Fatalf("%d reminders scheduled for %d bookings", n, booked)
	}

	waitFor(t, 60*time.Second, "a quarter of the reminders", func() bool {
		total, _ := fake.count()
		return total >= booked/4
	})
	replicas[0].terminate(t)
	stoppedAt, _ := fake.count()
	waitFor(t, 120*time.Second, "every reminder", func() bool {
		_, bookings := fake.count()
		return len(bookings) >= booked
	})
	// The outbox settles after the post it records; then nothing is left
	// but the weekly reminder of hours, which waits for its Monday.
	waitFor(t, 30*time.Second, "every job done", func() bool {
		var left int
		err := db.QueryRowContext(ctx, `SELECT count(*) FROM river_job WHERE state NOT IN ('completed', 'cancelled', 'discarded') AND args->>'kind' <> 'hours.remind'`).Scan(&left)
		return err == nil && left == 0
	})
	total, bookings := fake.count()
	for id, n := range bookings {
		if n != 1 {
			t.Errorf("booking %s: %d reminders", id, n)
		}
	}
	if total != booked {
		t.Errorf("%d posts for %d bookings", total, booked)
	}
	var failed, unsent int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM river_job WHERE state = 'discarded'`).Scan(&failed); err != nil || failed != 0 {
		t.Errorf("failed jobs: %d %v", failed, err)
	}
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM outbox WHERE state <> 'sent'`).Scan(&unsent); err != nil || unsent != 0 {
		t.Errorf("outbox entries not sent: %d %v", unsent, err)
	}
	if !strings.Contains(replicas[0].logs.String(), "werkplek stopped") {
		t.Errorf("no graceful stop in the log:\n%s", lastLines(replicas[0].logs.String(), 5))
	}
	t.Logf("%d reminders, each sent once; %d were sent when the first replica was stopped", booked, stoppedAt)
}
