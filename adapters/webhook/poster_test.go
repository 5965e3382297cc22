package webhook_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	standardwebhooks "github.com/standard-webhooks/standard-webhooks/libraries/go"

	"github.com/werkplek/werkplek/adapters/internal/retry"
	"github.com/werkplek/werkplek/adapters/webhook"
	"github.com/werkplek/werkplek/intranet"
)

// hooks is a WebhookService with a fixed set of endpoints.
type hooks map[int64]*intranet.Webhook

func (h hooks) AddWebhook(ctx context.Context, url string, events []string, secret string, now time.Time) (*intranet.Webhook, error) {
	return nil, errors.New("not in the test")
}
func (h hooks) Webhooks(ctx context.Context) ([]*intranet.Webhook, error) { return nil, nil }
func (h hooks) FindWebhookByID(ctx context.Context, id int64) (*intranet.Webhook, error) {
	if w, ok := h[id]; ok {
		return w, nil
	}
	return nil, intranet.Errorf(intranet.ENOTFOUND, "No webhook %d.", id)
}
func (h hooks) RemoveWebhook(ctx context.Context, url string) (*intranet.Webhook, error) {
	return nil, errors.New("not in the test")
}

// attempt is one request a receiver got, with whether its signature held.
type attempt struct {
	id       string
	verified error
	body     webhook.Body
	answered int
}

// receiver is an endpoint that verifies every request with the Standard
// Webhooks library and answers from a script (then 204).
type receiver struct {
	t       *testing.T
	secret  string
	mu      sync.Mutex
	answers []func(w http.ResponseWriter)
	got     []attempt
	srv     *httptest.Server
}

func newReceiver(t *testing.T, answers ...func(w http.ResponseWriter)) *receiver {
	rc := &receiver{t: t, secret: webhook.NewSecret(), answers: answers}
	rc.srv = httptest.NewServer(http.HandlerFunc(rc.serve))
	t.Cleanup(rc.srv.Close)
	return rc
}

func (rc *receiver) serve(w http.ResponseWriter, r *http.Request) {
	payload, _ := io.ReadAll(r.Body)
	wh, err := standardwebhooks.NewWebhook(rc.secret)
	if err != nil {
		rc.t.Error(err)
		return
	}
	a := attempt{id: r.Header.Get("webhook-id"), verified: wh.Verify(payload, r.Header)}
	if err := json.Unmarshal(payload, &a.body); err != nil {
		rc.t.Errorf("body %s: %v", payload, err)
	}
	if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" {
		rc.t.Errorf("%s with Content-Type %q", r.Method, r.Header.Get("Content-Type"))
	}
	rc.mu.Lock()
	answer := func(w http.ResponseWriter) { w.WriteHeader(http.StatusNoContent) }
	if len(rc.answers) > 0 {
		answer, rc.answers = rc.answers[0], rc.answers[1:]
	}
	rec := httptest.NewRecorder()
	answer(rec)
	a.answered = rec.Code
	rc.got = append(rc.got, a)
	rc.mu.Unlock()
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	w.WriteHeader(rec.Code)
	_, _ = w.Write(rec.Body.Bytes())
}

func (rc *receiver) attempts() []attempt {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return append([]attempt(nil), rc.got...)
}

func status(code int, header ...string) func(w http.ResponseWriter) {
	return func(w http.ResponseWriter) {
		for i := 0; i+1 < len(header); i += 2 {
			w.Header().Set(header[i], header[i+1])
		}
		w.WriteHeader(code)
	}
}

// noWait is the retry policy of the tests: two tries, no sleeping.
var noWait = retry.Policy{Attempts: 2, Sleep: func(ctx context.Context, d time.Duration) error { return ctx.Err() }}

func delivery(id int64) intranet.Delivery {
	return intranet.Delivery{To: intranet.Destination{Platform: intranet.PlatformWebhook, ChannelID: strconv.FormatInt(id, 10)}, Key: "event:evt_1:webhook:1",
		Event: &intranet.Event{ID: "evt_1", Type: intranet.EventTimesheetApproved, Time: time.Date(2026, 12, 7, 9, 30, 0, 0, time.UTC),
			Data: []byte(`{"week":"2026-W49","person":{"email":"pieter.jansen@example.nl"}}`)}}
}

// TestDeliver: what each answer of the endpoint makes of a delivery; every
// request is signed so that the Standard Webhooks library verifies it,
// with the event's id as webhook-id on every try.
func TestDeliver(t *testing.T) {
	for _, tc := range []struct {
		name      string
		answers   []func(w http.ResponseWriter)
		tries     int
		temporary bool
		failed    bool
		after     time.Duration
	}{
		{name: "OK", tries: 1},
		{name: "500 then OK", answers: []func(http.ResponseWriter){status(500)}, tries: 2},
		{name: "5xx twice", answers: []func(http.ResponseWriter){status(502), status(503)}, tries: 2, temporary: true, failed: true},
		{name: "429 with Retry-After", answers: []func(http.ResponseWriter){status(429, "Retry-After", "120")}, tries: 1, temporary: true, failed: true, after: 2 * time.Minute},
		{name: "503 with Retry-After", answers: []func(http.ResponseWriter){status(503, "Retry-After", "60")}, tries: 1, temporary: true, failed: true, after: time.Minute},
		{name: "400", answers: []func(http.ResponseWriter){status(400)}, tries: 1, failed: true},
		{name: "410", answers: []func(http.ResponseWriter){status(410)}, tries: 1, failed: true},
		{name: "redirect", answers: []func(http.ResponseWriter){status(302, "Location", "https://elsewhere.example/")}, tries: 1, failed: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rc := newReceiver(t, tc.answers...)
			p := webhook.New(hooks{1: {ID: 1, URL: rc.srv.URL + "/hooks", Events: intranet.Events, Secret: rc.secret}}, nil)
			p.Retry = noWait
			ref, err := p.Deliver(context.Background(), delivery(1))
			var de *intranet.DeliveryError
			switch {
			case !tc.failed && err != nil:
				t.Fatalf("delivery failed: %v", err)
			case tc.failed && err == nil:
				t.Fatal("delivered")
			case tc.failed && (errors.As(err, &de) && de.Temporary) != tc.temporary:
				t.Fatalf("temporary %v, want %v: %v", !tc.temporary, tc.temporary, err)
			case tc.temporary && de.RetryAfter != tc.after:
				t.Errorf("Retry-After %v, want %v", de.RetryAfter, tc.after)
			}
			if !tc.failed && (ref.ID != "evt_1" || ref.Platform != intranet.PlatformWebhook || ref.ChannelID != "1") {
				t.Errorf("ref %+v", ref)
			}
			got := rc.attempts()
			if len(got) != tc.tries {
				t.Fatalf("%d tries, want %d", len(got), tc.tries)
			}
			for i, a := range got {
				if a.verified != nil {
					t.Errorf("try %d: signature: %v", i+1, a.verified)
				}
				if a.id != "evt_1" {
					t.Errorf("try %d: webhook-id %q", i+1, a.id)
				}
				want := webhook.Body{Type: "timesheet.approved", Timestamp: time.Date(2026, 12, 7, 9, 30, 0, 0, time.UTC),
					Data: json.RawMessage(`{"week":"2026-W49","person":{"email":"pieter.jansen@example.nl"}}`)}
				if a.body.Type != want.Type || !a.body.Timestamp.Equal(want.Timestamp) || string(a.body.Data) != string(want.Data) {
					t.Errorf("try %d: body %+v", i+1, a.body)
				}
			}
		})
	}
}

// TestDeliverWrongSecret: a receiver with another secret refuses the
// signature (the test's verification can fail).
func TestDeliverWrongSecret(t *testing.T) {
	rc := newReceiver(t)
	p := webhook.New(hooks{1: {ID: 1, URL: rc.srv.URL, Secret: webhook.NewSecret()}}, nil)
	p.Retry = noWait
	if _, err := p.Deliver(context.Background(), delivery(1)); err != nil {
		t.Fatal(err)
	}
	if got := rc.attempts(); len(got) != 1 || !errors.Is(got[0].verified, standardwebhooks.ErrNoMatchingSignature) {
		t.Fatalf("verified with another secret: %+v", got)
	}
}

// TestDeliverTimeout: an endpoint that does not answer in time is a
// temporary failure.
func TestDeliverTimeout(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	p := webhook.New(hooks{1: {ID: 1, URL: srv.URL, Secret: webhook.NewSecret()}}, nil)
	p.Retry = noWait
	p.Client = &http.Client{Timeout: 50 * time.Millisecond}
	_, err := p.Deliver(context.Background(), delivery(1))
	var de *intranet.DeliveryError
	if !errors.As(err, &de) || !de.Temporary {
		t.Fatalf("timeout: %v, want a temporary DeliveryError", err)
	}
}

// TestDeliverNoEndpoint: an endpoint removed after the event was sent, or
// a delivery without event, fail for good.
func TestDeliverNoEndpoint(t *testing.T) {
	p := webhook.New(hooks{}, nil)
	_, err := p.Deliver(context.Background(), delivery(9))
	var de *intranet.DeliveryError
	if intranet.ErrorCode(err) != intranet.ENOTFOUND || errors.As(err, &de) {
		t.Errorf("removed endpoint: %v", err)
	}
	d := delivery(9)
	d.Event = nil
	if _, err := p.Deliver(context.Background(), d); intranet.ErrorCode(err) != intranet.EINVALID {
		t.Errorf("no event: %v", err)
	}
	if err := p.Update(context.Background(), intranet.MessageRef{}, intranet.Reply{}); intranet.ErrorCode(err) != intranet.ENOTIMPLEMENTED {
		t.Errorf("update: %v", err)
	}
}

// TestNewSecret: secrets are Standard Webhooks secrets, each its own.
func TestNewSecret(t *testing.T) {
	a, b := webhook.NewSecret(), webhook.NewSecret()
	if !strings.HasPrefix(a, "whsec_") || a == b {
		t.Fatalf("%q %q", a, b)
	}
	if _, err := standardwebhooks.NewWebhook(a); err != nil {
		t.Fatal(err)
	}
}
