package mattermost

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/mattermost/mattermost/server/public/model"

	"github.com/werkplek/werkplek/intranet"
)

// postedEvent returns the websocket fixture with the post's fields and the
// event's data changed.
func postedEvent(t *testing.T, post map[string]any, data map[string]any) []byte {
	t.Helper()
	var ev map[string]any
	if err := json.Unmarshal(mustRead(t, "testdata/websocket_posted.json"), &ev); err != nil {
		t.Fatal(err)
	}
	d := ev["data"].(map[string]any)
	var p map[string]any
	if err := json.Unmarshal([]byte(d["post"].(string)), &p); err != nil {
		t.Fatal(err)
	}
	for k, v := range post {
		p[k] = v
	}
	pb, _ := json.Marshal(p)
	d["post"] = string(pb)
	for k, v := range data {
		d[k] = v
	}
	b, _ := json.Marshal(ev)
	return b
}

func (e *env) waitConnected(t *testing.T) {
	t.Helper()
	select {
	case <-e.mm.wsReady:
	case <-time.After(60 * time.Second):
		t.Fatal("websocket did not connect")
	}
}

const dmChannel = "i1zd8qd9rtr9tnrryrakmte4fw"

func (e *env) dmAnswers() []string {
	var out []string
	for _, p := range e.mm.allPosts() {
		if p.ChannelId == dmChannel {
			out = append(out, p.Message)
		}
	}
	return out
}

func TestRunWebsocketDMs(t *testing.T) {
	e := newEnv(t, nil)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- e.a.Run(ctx) }()
	e.waitConnected(t)

	// Run also registers the commands.
	eventually(t, "registration", func() bool {
		tokens, _ := e.state.StateList(context.Background(), tokenNamespace)
		return len(tokens) == 4
	})

	// The fixture DM is answered in the DM.
	e.mm.send(mustRead(t, "testdata/websocket_posted.json"))
	eventually(t, "dm answer", func() bool { return len(e.dmAnswers()) == 1 })
	want := intranet.Request{
		Platform: intranet.PlatformMattermost, Installation: "chat.example.nl", User: janUser,
		Channel: intranet.Channel{ID: dmChannel, Direct: true},
		Text:    "wie is de teamleider van zorg oost?",
	}
	if diff := cmp.Diff(want, e.core.Requests()[0]); diff != "" {
		t.Errorf("request (-want +got):\n%s", diff)
	}

	// Ignored: the same post again (another replica's copy), the bot's own
	// post, other bots, integrations, system messages, channels that are not DMs.
	e.mm.send(mustRead(t, "testdata/websocket_posted.json"))
	e.mm.send(postedEvent(t, map[string]any{"id": "own1", "user_id": botID}, nil))
	e.mm.send(postedEvent(t, map[string]any{"id": "bot1", "user_id": "otherbot", "props": map[string]any{"from_bot": "true"}}, nil))
	e.mm.send(postedEvent(t, map[string]any{"id": "hook1", "props": map[string]any{"from_webhook": "true"}}, nil))
	e.mm.send(postedEvent(t, map[string]any{"id": "sys1", "type": "system_join_channel"}, nil))
	e.mm.send(postedEvent(t, map[string]any{"id": "chan1"}, map[string]any{"channel_type": "O"}))
	e.mm.send(postedEvent(t, nil, map[string]any{"post": "{not json"}))
	// A barrier: once this one is answered, the ones before it were seen.
	e.mm.send(postedEvent(t, map[string]any{"id": "barrier1", "message": "telefoon jansen"}, nil))
	eventually(t, "barrier answer", func() bool { return len(e.dmAnswers()) == 2 })
	// Ignored events are filtered before the next event is read, and a
	// duplicate loses its claim before the core, so nothing else can follow.
	if diff := cmp.Diff([]string{"ok: wie is de teamleider van zorg oost?", "ok: telefoon jansen"}, e.dmAnswers(), cmpopts.SortSlices(func(a, b string) bool { return a < b })); diff != "" {
		t.Errorf("answers (-want +got):\n%s", diff)
	}

	// A dropped connection is re-established and DMs work again.
	e.mm.drop()
	e.waitConnected(t)
	e.mm.send(postedEvent(t, map[string]any{"id": "after1", "message": "werkplek help"}, nil))
	eventually(t, "answer after reconnect", func() bool { return len(e.dmAnswers()) == 3 })
	e.mm.mu.Lock()
	conns := e.mm.wsConns
	e.mm.mu.Unlock()
	if conns != 2 {
		t.Errorf("connections = %d, want 2", conns)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run: %v", err)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
}

func TestDMTooLong(t *testing.T) {
	e := newEnv(t, nil)
	post, ok := parsePostedPost(`{"id":"long1","channel_id":"` + dmChannel + `","user_id":"` + janID + `"}`)
	if !ok {
		t.Fatal("post not parsed")
	}
	post.Message = strings.Repeat("é", intranet.MaxTextLength+1)
	e.a.answerDM(context.Background(), post, "jan.devries")
	if len(e.core.Requests()) != 0 {
		t.Error("core called for an oversized DM")
	}
	if got := e.dmAnswers(); len(got) != 1 || got[0] != "Je bericht is te lang (hoogstens 1000 tekens)." {
		t.Errorf("answers = %q", got)
	}
	if !strings.Contains(e.logs.String(), "refused") {
		t.Errorf("no log line: %s", e.logs)
	}
}

func FuzzParsePostedPost(f *testing.F) {
	var ev map[string]any
	_ = json.Unmarshal(mustRead(f, "testdata/websocket_posted.json"), &ev)
	f.Add(ev["data"].(map[string]any)["post"].(string))
	f.Add(`{"id":"x","channel_id":"y","props":{"from_bot":true}}`)
	f.Add(`{"id":1}`)
	f.Fuzz(func(t *testing.T, raw string) {
		if p, ok := parsePostedPost(raw); ok {
			_ = isBotPost(p)
		}
	})
}

// TestRunWebsocketThreadReplies: a reply in the thread of a channel post
// ("posted" with root_id, channel type O or P) reaches the core with Thread
// set to the root; an empty reply or a failure posts nothing; what the core
// does say goes into the thread. Bots and channel posts outside a thread
// are ignored.
func TestRunWebsocketThreadReplies(t *testing.T) {
	e := newEnv(t, nil)
	const channel = "townsquare0vragen0000000001"
	e.core.HandleFn = func(ctx context.Context, r intranet.Request) (intranet.Reply, error) {
		switch r.Text {
		case "speak":
			return intranet.Reply{Text: "ok: speak", Visibility: intranet.InChannel}, nil
		case "private", "private dm":
			return intranet.Reply{Text: "ok: " + r.Text}, nil
		case "fail":
			return intranet.Reply{Text: "Er ging iets mis (ref 1)"}, &intranet.Failure{Ref: "1", Err: context.DeadlineExceeded}
		}
		return intranet.Reply{Lang: "nl"}, nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- e.a.Run(ctx) }()
	e.waitConnected(t)
	inThread := func(id, text, channelType string, post map[string]any) []byte {
		p := map[string]any{"id": id, "message": text, "channel_id": channel, "root_id": "rootcard000000000000000001"}
		for k, v := range post {
			p[k] = v
		}
		return postedEvent(t, p, map[string]any{"channel_type": channelType})
	}
	e.mm.send(inThread("reply1", "Via het declaratieportaal.", "O", nil))
	eventually(t, "the core call", func() bool { return len(e.core.Requests()) == 1 })
	want := intranet.Request{
		Platform: intranet.PlatformMattermost, Installation: "chat.example.nl", User: janUser,
		Channel: intranet.Channel{ID: channel}, Text: "Via het declaratieportaal.",
		Thread: &intranet.MessageRef{Platform: intranet.PlatformMattermost, Installation: "chat.example.nl", ChannelID: channel, ID: "rootcard000000000000000001"},
	}
	if diff := cmp.Diff(want, e.core.Requests()[0]); diff != "" {
		t.Errorf("request (-want +got):\n%s", diff)
	}
	// Ignored before the core: bots, system posts, channel posts outside a thread.
	e.mm.send(inThread("own2", "x", "P", map[string]any{"user_id": botID}))
	e.mm.send(inThread("bot2", "x", "O", map[string]any{"user_id": "otherbot", "props": map[string]any{"from_bot": "true"}}))
	e.mm.send(inThread("sys2", "x", "O", map[string]any{"type": "system_join_channel"}))
	e.mm.send(inThread("top2", "x", "O", map[string]any{"root_id": ""}))
	e.mm.send(inThread("fail2", "fail", "P", nil))
	e.mm.send(inThread("speak2", "speak", "P", nil))
	eventually(t, "the spoken answer", func() bool {
		for _, p := range e.mm.allPosts() {
			if p.ChannelId == channel {
				return true
			}
		}
		return false
	})
	eventually(t, "every reply seen", func() bool { return len(e.core.Requests()) == 3 })
	// What the core says to the writer alone: an ephemeral post in the
	// thread, or a DM where the bot may not post those.
	e.mm.send(inThread("private3", "private", "O", nil))
	eventually(t, "the ephemeral answer", func() bool {
		e.mm.mu.Lock()
		defer e.mm.mu.Unlock()
		return len(e.mm.ephemeral) == 1
	})
	e.mm.failNext("POST /posts/ephemeral", http.StatusForbidden)
	e.mm.send(inThread("private4", "private dm", "O", nil))
	eventually(t, "the DM answer", func() bool {
		for _, p := range e.mm.allPosts() {
			if p.ChannelId == "dm"+janID[:24] && p.Message == "ok: private dm" && p.RootId == "" {
				return true
			}
		}
		return false
	})
	cancel()
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
	var texts []string
	for _, r := range e.core.Requests() {
		texts = append(texts, r.Text)
	}
	if diff := cmp.Diff([]string{"Via het declaratieportaal.", "fail", "private", "private dm", "speak"}, texts, cmpopts.SortSlices(func(a, b string) bool { return a < b })); diff != "" {
		t.Errorf("core saw (-want +got):\n%s", diff)
	}
	var posts []*model.Post
	for _, p := range e.mm.allPosts() {
		if p.ChannelId == channel {
			posts = append(posts, p)
		}
	}
	if len(posts) != 1 || posts[0].Message != "ok: speak" || posts[0].RootId != "rootcard000000000000000001" {
		t.Errorf("posted in the channel: %+v", posts)
	}
	e.mm.mu.Lock()
	defer e.mm.mu.Unlock()
	if len(e.mm.ephemeral) != 1 || e.mm.ephemeral[0].UserID != janID || e.mm.ephemeral[0].Post.Message != "ok: private" ||
		e.mm.ephemeral[0].Post.ChannelId != channel || e.mm.ephemeral[0].Post.RootId != "rootcard000000000000000001" {
		t.Errorf("ephemeral: %+v", e.mm.ephemeral)
	}
}
