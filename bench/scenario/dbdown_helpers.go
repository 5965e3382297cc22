package scenario

// What the fault scenarios share: a seeded organisation with an outbox to
// enqueue deliveries through, signed Slack slash commands, and a replica's
// readiness.

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/werkplek/werkplek/bench/fake"
	"github.com/werkplek/werkplek/bench/proc"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/demo"
	"github.com/werkplek/werkplek/intranet/jobs"
	"github.com/werkplek/werkplek/intranet/store"
)

// The Slack workspace of the fault scenarios: Jan (demo.User) is linked as
// user FaultUser of team FaultTeam.
const (
	FaultTeam          = "T1"
	FaultUser          = "U1"
	FaultSigningSecret = "bench-signing-secret"
)

// SlackSettings are a replica's settings for Slack through the fake at
// fakeURL (the fake mounted at the server's root).
func SlackSettings(fakeURL string) map[string]string {
	return map[string]string{
		"SLACK_SIGNING_SECRET": FaultSigningSecret,
		"SLACK_BOT_TOKEN":      "xoxb-bench",
		"SLACK_API_URL":        fakeURL + "/slack/api/",
	}
}

// org is a scenario's database: the demo organisation with Jan linked to
// the Slack account, and an outbox to enqueue deliveries with (this
// process only enqueues; the replicas deliver).
type org struct {
	URL    string
	store  *store.Store
	outbox *jobs.Outbox
}

func seedOrg(ctx context.Context, env *Env) (*org, error) {
	url, err := env.Database()
	if err != nil {
		return nil, err
	}
	// The test server runs with synchronous_commit off, for speed: a
	// crash (DatabaseOutage's immediate stop) would lose the last commits,
	// which a production database does not. This database keeps them.
	if err := env.PG.Exec("ALTER DATABASE " + databaseName(url) + " SET synchronous_commit = on"); err != nil {
		return nil, err
	}
	s, err := store.Open(ctx, url)
	if err != nil {
		return nil, err
	}
	o := &org{URL: url, store: s}
	if err := o.seed(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return o, nil
}

func (o *org) seed(ctx context.Context) error {
	if _, err := o.store.ImportPeople(ctx, demo.People(), false); err != nil {
		return err
	}
	jan, err := o.store.FindPersonByEmail(ctx, demo.User)
	if err != nil {
		return err
	}
	if err := o.store.LinkAccount(ctx, intranet.Account{Platform: intranet.PlatformSlack, Installation: FaultTeam, UserID: FaultUser, UserName: "jan", PersonID: jan.ID}); err != nil {
		return err
	}
	r, err := jobs.New(ctx, jobs.Config{Store: o.store})
	if err != nil {
		return err
	}
	o.outbox, err = jobs.NewOutbox(r, func(intranet.Platform) intranet.Poster { return nil }, nil, nil)
	return err
}

func (o *org) Close() { o.store.Close() }

// databaseName is the database of a PostgreSQL URL.
func databaseName(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(u.Path, "/")
}

// enqueue puts n channel posts into the outbox, keyed prefix:i, each to a
// channel of its own, and returns their keys. A database that just came
// back may refuse the first tries: each is tried for a while.
func (o *org) enqueue(ctx context.Context, prefix string, n int) ([]string, error) {
	keys := make([]string, 0, n)
	for i := range n {
		key := fmt.Sprintf("%s:%d", prefix, i)
		d := intranet.Delivery{
			To:    intranet.Destination{Platform: intranet.PlatformSlack, Installation: FaultTeam, ChannelID: fmt.Sprintf("C%s%d", strings.ToUpper(prefix), i)},
			Reply: intranet.Reply{Text: "Nieuws " + key},
			Key:   key,
		}
		var err error
		for try := 0; try < 50; try++ {
			if _, err = o.outbox.Send(ctx, d); err == nil {
				break
			}
			select {
			case <-ctx.Done():
				return keys, ctx.Err()
			case <-time.After(200 * time.Millisecond):
			}
		}
		if err != nil {
			return keys, fmt.Errorf("enqueue %s: %w", key, err)
		}
		keys = append(keys, key)
	}
	return keys, nil
}

// Answer is how a replica answered one request.
type Answer struct {
	Sent   time.Time
	Took   time.Duration
	Status int    // 0 when no answer came
	Body   string // the acknowledgement's body (the answer itself, or empty when it comes later)
	Err    error
}

// TryAgain tells whether the answer is Werkplek's "try again in a
// moment", in either language.
func (a Answer) TryAgain() bool {
	return a.Status == http.StatusOK && (strings.Contains(a.Body, "Probeer het over een minuut opnieuw") || strings.Contains(a.Body, "Please try again in a minute"))
}

// Slash sends a signed Slack slash command (command "/phonebook", text
// "jansen") as FaultUser to the replica at base and reads the answer.
func Slash(ctx context.Context, client *http.Client, base, command, text string) Answer {
	form := url.Values{
		"team_id": {FaultTeam}, "team_domain": {"bench"}, "channel_id": {"CBENCH"}, "channel_name": {"algemeen"},
		"user_id": {FaultUser}, "user_name": {"jan"}, "command": {command}, "text": {text},
		"response_url": {base + "/bench/nowhere"}, "trigger_id": {"1.2.3"}, "api_app_id": {"ABENCH"},
	}
	body := form.Encode()
	a := Answer{Sent: time.Now()}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/slack/commands", strings.NewReader(body))
	if err != nil {
		a.Err = err
		return a
	}
	ts := strconv.FormatInt(a.Sent.Unix(), 10)
	m := hmac.New(sha256.New, []byte(FaultSigningSecret))
	m.Write([]byte("v0:" + ts + ":" + body))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Slack-Request-Timestamp", ts)
	req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(m.Sum(nil)))
	resp, err := client.Do(req)
	if err != nil {
		a.Took, a.Err = time.Since(a.Sent), err
		return a
	}
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	a.Took, a.Status, a.Body, a.Err = time.Since(a.Sent), resp.StatusCode, string(b), err
	return a
}

// Readiness is one answer of /readyz.
type Readiness struct {
	At     time.Time
	Status int // 0: no answer
	Body   string
}

// String writes it as "200 ready / database: down".
func (r Readiness) String() string {
	return fmt.Sprintf("%d %s", r.Status, strings.ReplaceAll(strings.TrimSpace(r.Body), "\n", " / "))
}

// ReadyzOf asks a replica's /readyz once.
func ReadyzOf(ctx context.Context, client *http.Client, s *proc.Serve) Readiness {
	r := Readiness{At: time.Now()}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.URL()+"/readyz", nil)
	if err != nil {
		return r
	}
	resp, err := client.Do(req)
	if err != nil {
		return r
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	r.Status, r.Body = resp.StatusCode, string(b)
	return r
}

// WaitReady waits until a replica's /readyz answers 200 (it warms its
// database connections first), at most wait.
func WaitReady(ctx context.Context, s *proc.Serve, wait time.Duration) error {
	client := &http.Client{Timeout: 5 * time.Second}
	deadline := time.Now().Add(wait)
	for {
		r := ReadyzOf(ctx, client, s)
		if r.Status == http.StatusOK {
			return nil
		}
		if s.Exited() {
			return fmt.Errorf("werkplek serve exited before it was ready\n%s", s.Log())
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("werkplek serve not ready within %s (last: %s)", wait, r)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// delivered counts, of keys, those that arrived and those that arrived
// more than once.
func delivered(posts map[string]int, keys []string) (arrived, twice int) {
	arrived, dup := deliveredKeys(posts, keys)
	return arrived, len(dup)
}

// deliveredKeys counts the keys that arrived and lists those that arrived
// more than once.
func deliveredKeys(posts map[string]int, keys []string) (arrived int, twice []string) {
	for _, k := range keys {
		switch n := posts[k]; {
		case n == 1:
			arrived++
		case n > 1:
			arrived++
			twice = append(twice, k)
		}
	}
	return arrived, twice
}

// lastArrival is when the last post of keys arrived.
func lastArrival(posts []fake.Post, keys []string) time.Time {
	want := make(map[string]bool, len(keys))
	for _, k := range keys {
		want[k] = true
	}
	var last time.Time
	for _, p := range posts {
		if want[p.Key] && p.At.After(last) {
			last = p.At
		}
	}
	return last
}
