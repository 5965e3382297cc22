package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/pgtest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/demo"
)

// countingSlack is Slack's Web API for channel posts: it keeps every post
// per channel with its delivery key (message metadata), answers
// conversations.history with them as Slack does, and, with perSecond set,
// allows one post per second per channel and answers 429 with Retry-After
// otherwise, as Slack's chat.postMessage limit does.
type countingSlack struct {
	perSecond bool
	mu        sync.Mutex
	posts     map[string][]string // channel -> delivery keys, in order
	last      map[string]time.Time
	limited   int
	lastNew   time.Time // when a channel last got its first post
	ts        int
}

func newCountingSlack(perSecond bool) *countingSlack {
	return &countingSlack{perSecond: perSecond, posts: map[string][]string{}, last: map[string]time.Time{}}
}

func (f *countingSlack) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	w.Header().Set("Content-Type", "application/json")
	ch := r.Form.Get("channel")
	switch strings.TrimPrefix(r.URL.Path, "/slack/api/") {
	case "chat.postMessage":
		var meta struct {
			EventPayload struct {
				Key string `json:"key"`
			} `json:"event_payload"`
		}
		_ = json.Unmarshal([]byte(r.Form.Get("metadata")), &meta)
		f.mu.Lock()
		now := time.Now()
		if f.perSecond && now.Sub(f.last[ch]) < time.Second {
			f.limited++
			f.mu.Unlock()
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			fmt.Fprint(w, `{"ok":false,"error":"ratelimited"}`)
			return
		}
		f.last[ch] = now
		if len(f.posts[ch]) == 0 {
			f.lastNew = now
		}
		f.ts++
		f.posts[ch] = append(f.posts[ch], meta.EventPayload.Key)
		ts := f.ts
		f.mu.Unlock()
		fmt.Fprintf(w, `{"ok":true,"channel":%q,"ts":"1700000000.%06d"}`, ch, ts)
	case "conversations.history":
		f.mu.Lock()
		var msgs []map[string]any
		for i, k := range f.posts[ch] {
			msgs = append(msgs, map[string]any{"type": "message", "ts": fmt.Sprintf("1700000000.%06d", i+1),
				"metadata": map[string]any{"event_type": "werkplek_delivery", "event_payload": map[string]any{"key": k}}})
		}
		f.mu.Unlock()
		b, _ := json.Marshal(map[string]any{"ok": true, "messages": msgs})
		w.Write(b)
	default:
		fmt.Fprint(w, `{"ok":true}`)
	}
}

// newest returns when a channel last got its first post.
func (f *countingSlack) newest() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.lastNew
}

// counts returns how many channels got a post, the posts in all, and the
// channels that got more than one.
func (f *countingSlack) counts() (channels, total int, twice map[string][]string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	twice = map[string][]string{}
	for ch, keys := range f.posts {
		total += len(keys)
		if len(keys) > 1 {
			twice[ch] = append([]string(nil), keys...)
		}
	}
	return len(f.posts), total, twice
}

// digestFeed is what the replica tests subscribe channels to: news, or
// the bulletin board.
type digestFeed struct {
	name string
	// subscribe is the command that subscribes a channel to a digest at
	// the local time clock on the local day (weekly feeds).
	subscribe func(day, clock string) string
	// publish adds two items of the feed at pub.
	publish func(ctx context.Context, t testing.TB, m *Main, pub time.Time)
	// reschedule makes a subscription's digest fall due at at.
	reschedule func(ctx context.Context, m *Main, id int64, at time.Time) error
	// job is the kind of its digest jobs.
	job string
}

// The feeds: the news to a daily digest, the board to a weekly one.
var (
	newsFeed = digestFeed{name: "news",
		subscribe: func(_, clock string) string { return "/news subscribe daily " + clock },
		publish: func(ctx context.Context, t testing.TB, m *Main, pub time.Time) {
			author, err := m.Store.FindPersonByEmail(ctx, demo.NewsAuthor())
			if err != nil {
				t.Fatal(err)
			}
			for _, title := range []string{"Kerstborrel", "Nieuwe roosterapp"} {
				if _, err := m.Store.CreateNews(ctx, intranet.NewNewsItem{Title: title, Body: "Tekst.", AuthorID: author.ID, Publish: pub}, time.Now()); err != nil {
					t.Fatal(err)
				}
			}
		},
		reschedule: func(ctx context.Context, m *Main, id int64, at time.Time) error {
			return m.Units.News.RescheduleDigest(ctx, id, at)
		},
		job: "news.digest"}
	boardFeed = digestFeed{name: "board",
		subscribe: func(day, clock string) string { return "/board subscribe weekly " + day + " " + clock },
		publish: func(ctx context.Context, t testing.TB, m *Main, pub time.Time) {
			poster, err := m.Store.FindPersonByEmail(ctx, demo.User)
			if err != nil {
				t.Fatal(err)
			}
			for _, title := range []string{"Fiets te koop", "Gevonden: sleutels"} {
				if _, err := m.Store.CreateAd(ctx, intranet.NewAd{Title: title, Text: "Tekst.", Category: intranet.CategoryOther, PosterID: poster.ID, Expires: pub.Add(intranet.DefaultAdExpiry)}, pub); err != nil {
					t.Fatal(err)
				}
			}
		},
		reschedule: func(ctx context.Context, m *Main, id int64, at time.Time) error {
			return m.Units.Board.RescheduleDigest(ctx, id, at)
		},
		job: "board.digest"}
)

// digestSetup subscribes n Slack channels to a daily news digest through
// the core, publishes two items after that, and makes every digest fall
// due at once, due after its start (RescheduleDigest: the subscription's
// next run and its job, in one transaction). It returns the database
// handle for the checks and the due time.
func digestSetup(t testing.TB, dbURL string, n int, due time.Duration) (*sql.DB, time.Time) {
	return feedSetup(t, dbURL, newsFeed, n, due)
}

// feedSetup is digestSetup for a feed.
func feedSetup(t testing.TB, dbURL string, feed digestFeed, n int, due time.Duration) (*sql.DB, time.Time) {
	t.Helper()
	ctx := context.Background()
	env := map[string]string{"WERKPLEK_DATABASE_URL": dbURL}
	m := openedMain(t, env) // with the feeds' jobs registered: digests can be scheduled
	defer m.Close()
	if _, err := m.Store.ImportPeople(ctx, demo.People(), false); err != nil {
		t.Fatal(err)
	}
	jan, err := m.Store.FindPersonByEmail(ctx, demo.User)
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Store.LinkAccount(ctx, accountFor(jan.ID)); err != nil {
		t.Fatal(err)
	}
	// The digest's time is half a day away in Amsterdam, so that the digest
	// after the one the test makes fall due is far ahead of the test's end
	// at any time of day it runs.
	ams, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		t.Fatal(err)
	}
	later := time.Now().In(ams).Add(12 * time.Hour)
	day, clock := strings.ToLower(later.Weekday().String()[:3]), later.Format("15:04")
	var ids []int64
	for i := 0; i < n; i++ {
		req := intranet.Request{Platform: intranet.PlatformSlack, Installation: "T1", User: intranet.User{ID: "U1"},
			Channel: intranet.Channel{ID: fmt.Sprintf("C%04d", i)}, Text: feed.subscribe(day, clock)}
		reply, err := m.Router.Handle(ctx, req)
		if err != nil || !strings.Contains(reply.Text, "Abonnement") {
			t.Fatalf("subscribe %d: %+v %v", i, reply, err)
		}
		ids = append(ids, int64(i+1))
	}
	// Published a second after the subscriptions (their windows start when
	// they were made, to the second).
	feed.publish(ctx, t, m, time.Now().Add(2*time.Second))
	// The due time is taken once the slow part of the set-up is done, and
	// when moving every digest to it took longer than due (a loaded
	// machine), they are moved again to a later one: nothing runs them yet,
	// so a loaded machine only delays the test, never makes it fail.
	var at time.Time
	for {
		at = time.Now().Add(due).Truncate(time.Second)
		for _, id := range ids {
			if err := feed.reschedule(ctx, m, id, at); err != nil {
				t.Fatal(err)
			}
		}
		if time.Now().Before(at) {
			break
		}
		t.Logf("moving %d digests took longer than %s: again with twice that", n, due)
		due *= 2
	}
	db, err := sql.Open("pgx", dbURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, at
}

// checkDigests checks the record: one delivery per subscription and
// period, every outbox message sent, no job failed or left.
func checkDigests(t *testing.T, db *sql.DB, n int, deadline time.Duration) {
	checkFeedDigests(t, db, newsFeed, n, deadline)
}

// checkFeedDigests is checkDigests for a feed.
func checkFeedDigests(t *testing.T, db *sql.DB, feed digestFeed, n int, deadline time.Duration) {
	t.Helper()
	ctx := context.Background()
	waitFor(t, deadline, "every digest job done", func() bool {
		var left int
		err := db.QueryRowContext(ctx, `SELECT count(*) FROM river_job WHERE state NOT IN ('completed', 'cancelled', 'discarded') AND scheduled_at < now() + interval '1 hour' AND args->>'kind' <> 'hours.remind'`).Scan(&left)
		return err == nil && left == 0
	})
	var deliveries, subs, unsent, failed, next int
	db.QueryRowContext(ctx, `SELECT count(*), count(DISTINCT d.subscription_id) FROM digest_deliveries d JOIN news_subscriptions s ON s.id = d.subscription_id
WHERE s.feed = $1`, feed.name).Scan(&deliveries, &subs)
	db.QueryRowContext(ctx, `SELECT count(*) FROM outbox WHERE state <> 'sent'`).Scan(&unsent)
	db.QueryRowContext(ctx, `SELECT count(*) FROM river_job WHERE state = 'discarded'`).Scan(&failed)
	db.QueryRowContext(ctx, `SELECT count(*) FROM river_job WHERE args->>'kind' = $1 AND state = 'scheduled'`, feed.job).Scan(&next)
	if deliveries != n || subs != n || unsent != 0 || failed != 0 || next != n {
		t.Errorf("%d deliveries of %d subscriptions (want %d), %d outbox entries unsent, %d jobs failed, %d next digests scheduled", deliveries, subs, n, unsent, failed, next)
	}
}

// TestDigestsOncePerPeriod: three `werkplek serve` against one PostgreSQL
// share 500 channel digests that fall due at once; each channel gets its
// digest exactly once. Then again with one replica killed (SIGKILL) and
// one stopped (SIGTERM) midway: none is lost, and a second copy could only
// come from the outbox's send window (a post Slack accepted just before the
// kill, not yet recorded as sent), which the Slack poster's history check
// recognises, so each channel still shows one. And once more with every
// replica down when the digests fall due: they go out once when the
// replicas come back, and the next ones are scheduled from then on.
func TestDigestsOncePerPeriod(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	const n = 500
	bin := werkplekBinary(t)
	for _, mode := range []string{"AllUp", "KilledMidway", "DownThenUp"} {
		t.Run(mode, func(t *testing.T) { replicaDigests(t, bin, newsFeed, mode, n) })
	}
}

// TestBoardDigestsOncePerPeriod: three `werkplek serve` against one
// PostgreSQL share 200 channels' weekly board digests that fall due at
// once; each channel gets its digest exactly once, also with one replica
// killed and one stopped midway (as TestDigestsOncePerPeriod for news).
func TestBoardDigestsOncePerPeriod(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	const n = 200
	bin := werkplekBinary(t)
	for _, mode := range []string{"AllUp", "KilledMidway"} {
		t.Run(mode, func(t *testing.T) { replicaDigests(t, bin, boardFeed, mode, n) })
	}
}

// replicaDigests runs n channels' digests of a feed on three replicas, in
// a mode: all up, one killed and one stopped midway, or all down when the
// digests fall due.
func replicaDigests(t *testing.T, bin string, feed digestFeed, mode string, n int) {
	dbURL := pgtest.URL(t)
	fake := newCountingSlack(false)
	platform := httptest.NewServer(fake)
	defer platform.Close()
	env := []string{"WERKPLEK_DATABASE_URL=" + dbURL, "SLACK_SIGNING_SECRET=replica-secret", "SLACK_BOT_TOKEN=xoxb-test",
		"SLACK_API_URL=" + platform.URL + "/slack/api/", "WERKPLEK_LOG_FORMAT=json"}
	var replicas []*replica
	start := func() {
		for i := 0; i < 3; i++ {
			replicas = append(replicas, startReplica(t, bin, env))
		}
		for _, r := range replicas {
			r.waitReady(t)
		}
	}
	db, at := feedSetup(t, dbURL, feed, n, 20*time.Second)
	if mode == "DownThenUp" {
		// Nothing runs while the digests fall due.
		for time.Now().Before(at.Add(3 * time.Second)) {
			time.Sleep(100 * time.Millisecond)
		}
		if channels, _, _ := fake.counts(); channels != 0 {
			t.Fatalf("%d digests without a replica", channels)
		}
	}
	start()
	var atKill int
	if mode == "KilledMidway" {
		waitFor(t, 90*time.Second, "a fifth of the digests", func() bool {
			_, total, _ := fake.counts()
			return total >= n/5
		})
		if err := replicas[0].cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		_, atKill, _ = fake.counts()
		replicas[1].terminate(t)
	}
	// A killed replica's jobs are rescued after the runner's rescue
	// time (45 s, River's rescuer looks every 30 s).
	waitFor(t, 240*time.Second, "a digest in every channel", func() bool {
		channels, _, _ := fake.counts()
		return channels >= n
	})
	// The killed replica's jobs in flight are rescued and run again
	// (finding their period delivered) after the rescue time.
	checkFeedDigests(t, db, feed, n, 240*time.Second)
	var later int
	if err := db.QueryRow(`SELECT count(*) FROM news_subscriptions WHERE next_at > now()`).Scan(&later); err != nil || later != n {
		t.Errorf("%d of %d next digests lie ahead: %v", later, n, err)
	}
	channels, total, twice := fake.counts()
	for ch, keys := range twice {
		// Within the send window a second copy is the same intent
		// (the same key), never a second period.
		if keys[0] != keys[len(keys)-1] {
			t.Errorf("channel %s got two different digests: %v", ch, keys)
		}
	}
	if mode != "KilledMidway" && len(twice) > 0 || len(twice) > 10 {
		t.Errorf("%d channels got their digest twice: %v", len(twice), twice)
	}
	t.Logf("%s: %d channels, %d posts, %d posted when a replica was killed, %d channels twice", mode, channels, total, atKill, len(twice))
}
