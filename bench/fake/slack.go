// Package fake has loopback stand-ins of the chat platforms' Web APIs for
// the load harness and the fault tests: they answer what Werkplek asks when
// it delivers messages, enforce limits like the real ones, can be switched
// to failing, and count what arrived, so that "all delivered, none twice"
// can be checked.
package fake

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Slack is Slack's Web API as far as deliveries need it: conversations.open
// (a DM channel "D"+user), chat.postMessage (with Werkplek's delivery key in
// the message metadata), conversations.history (the posts with their
// metadata, for Werkplek's duplicate check), users.info and
// conversations.info. Mount it with its prefix, e.g. under /slack/api/ and
// SLACK_API_URL=<server>/slack/api/.
//
// Limits, when set: a channel takes one message per PerChannel, the
// workspace PerSecond messages in each second; beyond them chat.postMessage
// answers 429 with Retry-After, as Slack does.
type Slack struct {
	// PerChannel is the least time between two messages in one channel
	// (Slack: one second); 0 is no limit.
	PerChannel time.Duration
	// PerSecond is how many messages the workspace takes in one second
	// (Slack: about 100); 0 is no limit.
	PerSecond int
	// Now is the clock (default time.Now).
	Now func() time.Time

	mu        sync.Mutex
	failing   bool
	last      map[string]time.Time // channel -> last accepted post
	second    int64                // the unix second counted in inSecond
	inSecond  int
	posts     []Post
	byKey     map[string]int
	limited   int // 429s answered
	failed    int // 5xx answered
	messageTS int
}

// Post is one message Slack accepted.
type Post struct {
	Channel string
	Key     string // Werkplek's delivery key from the metadata ("" for none)
	Text    string
	At      time.Time
	TS      string
}

// Fail makes every call answer 503 (true) or work again (false).
func (s *Slack) Fail(on bool) {
	s.mu.Lock()
	s.failing = on
	s.mu.Unlock()
}

// Posts returns the accepted posts in order.
func (s *Slack) Posts() []Post {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Post(nil), s.posts...)
}

// Stats says how many posts were accepted, how many keys arrived more than
// once, and how many calls were answered 429 and 5xx.
func (s *Slack) Stats() (posts, twice, limited, failed int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, n := range s.byKey {
		if n > 1 {
			twice++
		}
	}
	return len(s.posts), twice, s.limited, s.failed
}

// Keys returns how often each delivery key arrived.
func (s *Slack) Keys() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]int, len(s.byKey))
	for k, n := range s.byKey {
		out[k] = n
	}
	return out
}

func (s *Slack) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Slack) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	method := r.URL.Path[strings.LastIndex(r.URL.Path, "/")+1:]
	w.Header().Set("Content-Type", "application/json")
	s.mu.Lock()
	if s.failing {
		s.failed++
		s.mu.Unlock()
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprint(w, `{"ok":false,"error":"service_unavailable"}`)
		return
	}
	s.mu.Unlock()
	switch method {
	case "conversations.open":
		fmt.Fprintf(w, `{"ok":true,"channel":{"id":"D%s"}}`, strings.Split(r.PostForm.Get("users"), ",")[0])
	case "chat.postMessage":
		s.postMessage(w, r)
	case "conversations.history":
		s.history(w, r.Form.Get("channel"))
	case "users.info":
		user := r.Form.Get("user")
		fmt.Fprintf(w, `{"ok":true,"user":{"id":%q,"name":%q,"team_id":"T1","profile":{"email":"%s@example.nl"}}}`, user, user, strings.ToLower(user))
	case "conversations.info":
		fmt.Fprintf(w, `{"ok":true,"channel":{"id":%q,"is_channel":true}}`, r.Form.Get("channel"))
	default:
		fmt.Fprint(w, `{"ok":true}`)
	}
}

func (s *Slack) postMessage(w http.ResponseWriter, r *http.Request) {
	ch := r.PostForm.Get("channel")
	now := s.now()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.last == nil {
		s.last, s.byKey = map[string]time.Time{}, map[string]int{}
	}
	if sec := now.Unix(); sec != s.second {
		s.second, s.inSecond = sec, 0
	}
	if last, ok := s.last[ch]; ok && s.PerChannel > 0 && now.Sub(last) < s.PerChannel {
		s.refuse(w, s.PerChannel-now.Sub(last))
		return
	}
	if s.PerSecond > 0 && s.inSecond >= s.PerSecond {
		s.refuse(w, time.Unix(s.second+1, 0).Sub(now))
		return
	}
	s.last[ch] = now
	s.inSecond++
	var meta struct {
		EventType    string         `json:"event_type"`
		EventPayload map[string]any `json:"event_payload"`
	}
	_ = json.Unmarshal([]byte(r.PostForm.Get("metadata")), &meta)
	key := ""
	if k, ok := meta.EventPayload["key"]; ok {
		key = fmt.Sprint(k)
		s.byKey[key]++
	}
	s.messageTS++
	ts := fmt.Sprintf("%d.%06d", now.Unix(), s.messageTS)
	text := r.PostForm.Get("text")
	if text == "" {
		text = r.PostForm.Get("blocks")
	}
	s.posts = append(s.posts, Post{Channel: ch, Key: key, Text: text, At: now, TS: ts})
	fmt.Fprintf(w, `{"ok":true,"channel":%q,"ts":%q}`, ch, ts)
}

// refuse answers 429 with Retry-After in whole seconds (at least 1), as
// Slack does.
func (s *Slack) refuse(w http.ResponseWriter, wait time.Duration) {
	s.limited++
	secs := int((wait + time.Second - 1) / time.Second)
	if secs < 1 {
		secs = 1
	}
	w.Header().Set("Retry-After", fmt.Sprint(secs))
	w.WriteHeader(http.StatusTooManyRequests)
	fmt.Fprint(w, `{"ok":false,"error":"ratelimited"}`)
}

// history answers conversations.history with the channel's posts, newest
// first, with their metadata.
func (s *Slack) history(w http.ResponseWriter, ch string) {
	s.mu.Lock()
	type message struct {
		Type     string `json:"type"`
		Text     string `json:"text"`
		TS       string `json:"ts"`
		Metadata struct {
			EventType    string         `json:"event_type"`
			EventPayload map[string]any `json:"event_payload"`
		} `json:"metadata"`
	}
	var msgs []message
	for i := len(s.posts) - 1; i >= 0 && len(msgs) < 100; i-- {
		p := s.posts[i]
		if p.Channel != ch {
			continue
		}
		m := message{Type: "message", Text: p.Text, TS: p.TS}
		if p.Key != "" {
			m.Metadata.EventType = "werkplek_delivery"
			m.Metadata.EventPayload = map[string]any{"key": p.Key}
		}
		msgs = append(msgs, m)
	}
	s.mu.Unlock()
	b, _ := json.Marshal(map[string]any{"ok": true, "messages": msgs})
	w.Write(b)
}
