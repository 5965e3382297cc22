package fake_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/werkplek/werkplek/bench/fake"
)

// TestSlackLimits: the fake takes one message a second in a channel and
// PerSecond in the workspace, answering 429 with Retry-After beyond them as
// Slack does, counts every delivery key, and answers 503 while failing.
func TestSlackLimits(t *testing.T) {
	now := time.Unix(1_800_000_000, 0)
	s := &fake.Slack{PerChannel: time.Second, PerSecond: 3, Now: func() time.Time { return now }}
	post := func(channel, key string) *httptest.ResponseRecorder {
		form := url.Values{"channel": {channel}, "text": {"hi"}}
		if key != "" {
			form.Set("metadata", `{"event_type":"werkplek_delivery","event_payload":{"key":"`+key+`"}}`)
		}
		r := httptest.NewRequest(http.MethodPost, "/slack/api/chat.postMessage", strings.NewReader(form.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		return w
	}
	if w := post("C1", "k1"); w.Code != 200 {
		t.Fatalf("first post: %d", w.Code)
	}
	if w := post("C1", "k2"); w.Code != http.StatusTooManyRequests || w.Header().Get("Retry-After") != "1" {
		t.Errorf("second post in the channel within a second: %d, Retry-After %q", w.Code, w.Header().Get("Retry-After"))
	}
	post("C2", "k2")
	post("C3", "k3")
	if w := post("C4", "k4"); w.Code != http.StatusTooManyRequests {
		t.Errorf("fourth post in the workspace's second: %d", w.Code)
	}
	now = now.Add(time.Second)
	if w := post("C1", "k1"); w.Code != 200 {
		t.Errorf("a second later: %d", w.Code)
	}
	s.Fail(true)
	if w := post("C5", "k5"); w.Code != http.StatusServiceUnavailable {
		t.Errorf("failing: %d", w.Code)
	}
	posts, twice, limited, failed := s.Stats()
	if posts != 4 || twice != 1 || limited != 2 || failed != 1 {
		t.Errorf("stats: %d posts, %d twice, %d limited, %d failed; want 4, 1, 2, 1", posts, twice, limited, failed)
	}
}
