package feature_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// jobQueue registers handlers and keeps what was enqueued, so a test runs
// a job by hand and sees what its handler answered.
type jobQueue struct {
	handlers map[string]intranet.JobHandler
	queued   []intranet.Job
	fail     error
	intranet.Scheduler
}

func (q *jobQueue) HandleJobs(kind string, h intranet.JobHandler) error {
	if q.handlers[kind] != nil {
		return intranet.Errorf(intranet.ECONFLICT, "kind %s has a handler", kind)
	}
	q.handlers[kind] = h
	return nil
}

func (q *jobQueue) Enqueue(ctx context.Context, kind string, payload []byte) (int64, error) {
	if q.fail != nil {
		return 0, q.fail
	}
	q.queued = append(q.queued, intranet.Job{Kind: kind, Payload: payload, Attempt: 1})
	return int64(len(q.queued)), nil
}

// run runs a job through the handler of its kind.
func (q *jobQueue) run(j intranet.Job) error { return q.handlers[j.Kind](context.Background(), j) }

// entries is an outbox whose entries the test sets.
type entries struct {
	intranet.Outbox
	byID map[int64]intranet.OutboxEntry
	err  error
}

func (o *entries) OutboxEntry(ctx context.Context, id int64) (intranet.OutboxEntry, error) {
	if o.err != nil {
		return intranet.OutboxEntry{}, o.err
	}
	e, ok := o.byID[id]
	if !ok {
		return e, intranet.Errorf(intranet.ENOTFOUND, "no outbox entry %d", id)
	}
	return e, nil
}

// updater is a platform's poster that records updates; fail answers an
// update of a message id with an error.
type updater struct {
	intranet.Poster
	updated []string
	fail    map[string]error
}

func (u *updater) Update(ctx context.Context, ref intranet.MessageRef, r intranet.Reply) error {
	if err := u.fail[ref.ID]; err != nil {
		return err
	}
	u.updated = append(u.updated, ref.ChannelID+"/"+ref.ID+": "+r.Text)
	return nil
}

// slackOnly has Slack on, everything else off.
type slackOnly struct{ slack *updater }

func (p slackOnly) Poster(pl intranet.Platform) intranet.Poster {
	if pl == intranet.PlatformSlack {
		return p.slack
	}
	return nil
}

func (slackOnly) Directory(intranet.Platform) intranet.Directory { return nil }

// things is a card source: each thing's posts and card text; learnt
// records what the refresh remembered.
type things struct {
	posts  map[int64][]feature.CardPost
	card   string
	learnt []feature.CardPost
	err    error
}

func (s *things) CardPosts(ctx context.Context, id int64) ([]feature.CardPost, intranet.Reply, error) {
	if s.err != nil {
		return nil, intranet.Reply{}, s.err
	}
	posts, ok := s.posts[id]
	if !ok {
		return nil, intranet.Reply{}, intranet.Errorf(intranet.ENOTFOUND, "no thing %d", id)
	}
	return posts, intranet.Reply{Text: s.card}, nil
}

func (s *things) CardPosted(ctx context.Context, id int64, p feature.CardPost) error {
	s.learnt = append(s.learnt, p)
	for i, q := range s.posts[id] {
		if q.OutboxID == p.OutboxID {
			s.posts[id][i] = p
		}
	}
	return nil
}

// cardsFixture is one source "thing" registered on fresh Cards.
type cardsFixture struct {
	jobs    *jobQueue
	outbox  *entries
	slack   *updater
	src     *things
	refresh feature.CardRefresh
}

func newCardsFixture(t *testing.T) *cardsFixture {
	t.Helper()
	f := &cardsFixture{
		jobs:   &jobQueue{handlers: map[string]intranet.JobHandler{}},
		outbox: &entries{byID: map[int64]intranet.OutboxEntry{}},
		slack:  &updater{fail: map[string]error{}},
		src:    &things{posts: map[int64][]feature.CardPost{}, card: "taken"},
	}
	cards, err := feature.NewCards(f.jobs)
	if err != nil {
		t.Fatal(err)
	}
	env := feature.Env{Jobs: f.jobs, Outbox: f.outbox, Platforms: slackOnly{f.slack}, Cards: cards}
	if f.refresh, err = env.HandleCards("thing", f.src); err != nil {
		t.Fatal(err)
	}
	return f
}

// run enqueues the refresh of thing id and runs its job.
func (f *cardsFixture) run(t *testing.T, id int64) error {
	t.Helper()
	if err := f.refresh.Enqueue(context.Background(), id); err != nil {
		t.Fatal(err)
	}
	j := f.jobs.queued[len(f.jobs.queued)-1]
	if j.Kind != feature.CardsJob {
		t.Fatalf("enqueued %s, want %s", j.Kind, feature.CardsJob)
	}
	return f.jobs.run(j)
}

func slackRef(channel, id string) intranet.MessageRef {
	return intranet.MessageRef{Platform: intranet.PlatformSlack, Installation: "T1", ChannelID: channel, ID: id}
}

// wantRetry fails unless err asks for a retry after d.
func wantRetry(t *testing.T, err error, d time.Duration) {
	t.Helper()
	if je, ok := intranet.AsJobError(err); !ok || !je.Retry || je.RetryAfter != d {
		t.Fatalf("got %v, want a retry after %s", err, d)
	}
}

// wantFailed fails unless err fails the job for good.
func wantFailed(t *testing.T, err error) {
	t.Helper()
	if je, ok := intranet.AsJobError(err); !ok || je.Retry {
		t.Fatalf("got %v, want the job failed for good", err)
	}
}

// TestCardsWaitForDelivery: a card the outbox has not delivered yet is
// waited for; once delivered, its message is learnt, remembered and
// updated, and the next refresh need not ask the outbox.
func TestCardsWaitForDelivery(t *testing.T) {
	f := newCardsFixture(t)
	f.src.posts[1] = []feature.CardPost{{Ref: slackRef("C1", ""), OutboxID: 7}}
	f.outbox.byID[7] = intranet.OutboxEntry{ID: 7, State: intranet.OutboxPending}
	wantRetry(t, f.run(t, 1), feature.CardWait)
	if len(f.slack.updated) != 0 || len(f.src.learnt) != 0 {
		t.Fatalf("before delivery: updated %v, learnt %v", f.slack.updated, f.src.learnt)
	}

	f.outbox.byID[7] = intranet.OutboxEntry{ID: 7, State: intranet.OutboxSent, Ref: slackRef("C1x", "m7")}
	if err := f.run(t, 1); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]feature.CardPost{{Ref: slackRef("C1x", "m7"), OutboxID: 7}}, f.src.learnt); diff != "" {
		t.Errorf("learnt (-want +got):\n%s", diff)
	}
	f.outbox.err = errors.New("the outbox must not be asked again")
	f.src.card = "closed"
	if err := f.run(t, 1); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"C1x/m7: taken", "C1x/m7: closed"}, f.slack.updated); diff != "" {
		t.Errorf("updates (-want +got):\n%s", diff)
	}
}

// TestCardsSkip: cards that cannot be updated, and never will be, are let
// be while the others are updated: a failed delivery, an outbox entry
// gone, a message gone, a platform switched off, a thing gone.
func TestCardsSkip(t *testing.T) {
	f := newCardsFixture(t)
	f.src.posts[1] = []feature.CardPost{
		{Ref: slackRef("C1", ""), OutboxID: 1},                                                 // delivery failed
		{Ref: slackRef("C2", ""), OutboxID: 2},                                                 // no such entry
		{Ref: slackRef("C3", "gone")},                                                          // message deleted
		{Ref: intranet.MessageRef{Platform: intranet.PlatformTeams, ChannelID: "T", ID: "a1"}}, // Teams is off
		{Ref: slackRef("C4", "")},                                                              // posted without the outbox, never delivered
		{Ref: slackRef("C5", ""), OutboxID: 5},                                                 // sent, but the platform gave no message
		{Ref: slackRef("C6", "m6")},                                                            // fine
	}
	f.outbox.byID[1] = intranet.OutboxEntry{ID: 1, State: intranet.OutboxFailed, LastError: "channel_not_found"}
	f.outbox.byID[5] = intranet.OutboxEntry{ID: 5, State: intranet.OutboxSent}
	f.slack.fail["gone"] = intranet.Errorf(intranet.ENOTFOUND, "message_not_found")
	if err := f.run(t, 1); err != nil {
		t.Fatalf("got %v, want done", err)
	}
	if diff := cmp.Diff([]string{"C6/m6: taken"}, f.slack.updated); diff != "" {
		t.Errorf("updates (-want +got):\n%s", diff)
	}
	if len(f.src.learnt) != 0 {
		t.Errorf("learnt %v", f.src.learnt)
	}
	if err := f.run(t, 99); err != nil {
		t.Errorf("a thing gone: %v, want done", err)
	}
}

// TestCardsUpdateFailures: a temporary failure retries after the
// platform's Retry-After, a definite one fails the job for good; both
// after the other cards were updated. Other errors are the runner's to
// retry with backoff.
func TestCardsUpdateFailures(t *testing.T) {
	f := newCardsFixture(t)
	f.src.posts[1] = []feature.CardPost{{Ref: slackRef("C1", "busy")}, {Ref: slackRef("C2", "m2")}}
	f.slack.fail["busy"] = &intranet.DeliveryError{Temporary: true, RetryAfter: 30 * time.Second, Err: errors.New("ratelimited")}
	wantRetry(t, f.run(t, 1), 30*time.Second)
	if diff := cmp.Diff([]string{"C2/m2: taken"}, f.slack.updated); diff != "" {
		t.Errorf("updates (-want +got):\n%s", diff)
	}

	f.slack.fail["busy"] = errors.New("cant_update_message")
	err := f.run(t, 1)
	wantFailed(t, err)
	if !strings.Contains(err.Error(), "update the card of thing 1 in slack:C1: cant_update_message") {
		t.Errorf("error %q does not say which card", err)
	}

	f.src.err = errors.New("database down")
	if err := f.run(t, 1); err == nil {
		t.Fatal("a store error was swallowed")
	} else if _, ok := intranet.AsJobError(err); ok {
		t.Fatalf("a store error decided the retries: %v", err)
	}
	f.src.err = nil
	f.src.posts[2] = []feature.CardPost{{Ref: slackRef("C1", ""), OutboxID: 3}}
	f.outbox.err = errors.New("database down")
	if err := f.run(t, 2); err == nil {
		t.Fatal("an outbox error was swallowed")
	} else if _, ok := intranet.AsJobError(err); ok {
		t.Fatalf("an outbox error decided the retries: %v", err)
	}
}

// TestCardsBadJobs: a job for an unknown source or with a payload that
// names nothing fails for good instead of being retried forever.
func TestCardsBadJobs(t *testing.T) {
	f := newCardsFixture(t)
	for _, payload := range []string{`{"source":"nope","id":1}`, `{`, `{"source":"thing"}`, `{"id":1}`} {
		err := f.jobs.run(intranet.Job{Kind: feature.CardsJob, Payload: []byte(payload), Attempt: 1})
		wantFailed(t, err)
	}
}

// TestCardsFormerJob: a unit's former job kind ({"id": n}, queued before
// the upgrade) refreshes the same cards.
func TestCardsFormerJob(t *testing.T) {
	f := newCardsFixture(t)
	f.src.posts[4] = []feature.CardPost{{Ref: slackRef("C1", "m1")}}
	if err := f.refresh.FormerJob(context.Background(), intranet.Job{Kind: "thing.cards", Payload: []byte(`{"id":4}`)}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"C1/m1: taken"}, f.slack.updated); diff != "" {
		t.Errorf("updates (-want +got):\n%s", diff)
	}
	// The questions' old payload carried an escalation step too.
	if err := f.refresh.FormerJob(context.Background(), intranet.Job{Kind: "thing.cards", Payload: []byte(`{"id":4,"step":0}`)}); err != nil {
		t.Fatal(err)
	}
	wantFailed(t, f.refresh.FormerJob(context.Background(), intranet.Job{Kind: "thing.cards", Payload: []byte(`{`)}))
}

// TestCardsRegistration: the job kind is registered once, a source name
// once; Enqueue writes the source and the id, and says what it enqueued
// when the queue fails.
func TestCardsRegistration(t *testing.T) {
	f := newCardsFixture(t)
	if _, err := feature.NewCards(f.jobs); err == nil {
		t.Error("a second Cards registered the job kind again")
	}
	env := feature.Env{Jobs: f.jobs, Outbox: f.outbox, Platforms: slackOnly{f.slack}}
	if _, err := env.HandleCards("other", &things{}); err == nil || !strings.Contains(err.Error(), "Config.Cards is required") {
		t.Errorf("no Cards: %v", err)
	}
	cards, err := feature.NewCards(&jobQueue{handlers: map[string]intranet.JobHandler{}})
	if err != nil {
		t.Fatal(err)
	}
	env.Cards = cards
	if _, err := env.HandleCards("thing", &things{}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		src  feature.CardSource
		want string
	}{
		{"thing", &things{}, intranet.ECONFLICT},
		{"", &things{}, intranet.EINVALID},
		{"other", nil, intranet.EINVALID},
	} {
		if _, err := env.HandleCards(tc.name, tc.src); intranet.ErrorCode(err) != tc.want {
			t.Errorf("HandleCards(%q): %v, want %s", tc.name, err, tc.want)
		}
	}

	if err := f.refresh.Enqueue(context.Background(), 12); err != nil {
		t.Fatal(err)
	}
	if got := string(f.jobs.queued[len(f.jobs.queued)-1].Payload); got != `{"source":"thing","id":12}` {
		t.Errorf("payload %s", got)
	}
	f.jobs.fail = intranet.Errorf(intranet.EUNAVAILABLE, "database down")
	err = f.refresh.Enqueue(context.Background(), 12)
	if intranet.ErrorCode(err) != intranet.EUNAVAILABLE || !strings.Contains(err.Error(), "refresh the cards of thing 12") {
		t.Errorf("enqueue failure: %v", err)
	}
}
