package slack

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/werkplek/werkplek/intranet"
)

// homeCore answers HomeCommand with the person's home (how often it was
// asked so far in its text) and every press with a short answer.
type homeCore struct {
	mu    sync.Mutex
	homes int
}

func (h *homeCore) handle(ctx context.Context, r intranet.Request) (intranet.Reply, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if r.Action != nil {
		return intranet.Reply{Text: "Dank je: genoteerd.", ReplaceOriginal: true}, nil
	}
	if r.Text == HomeCommand {
		h.homes++
		return intranet.Reply{Lang: "nl", Title: "Jouw Werkplek", Text: fmt.Sprintf("Home %d", h.homes),
			Sections: []intranet.Section{{Title: "Nieuws", Text: "Nieuw rooster", Buttons: []intranet.Button{{Label: "Gelezen", Command: "/news read 3"}}}},
			Charts:   []intranet.Chart{{Title: "Gelezen per dag", Points: []intranet.Point{{Label: "8 dec", Value: 2}}}}}, nil
	}
	return intranet.Reply{Text: "?"}, nil
}

// homeBlocks returns a published view's type and the texts of its blocks.
func homeBlocks(t *testing.T, body map[string]any) (user, typ, texts string) {
	t.Helper()
	b, _ := json.Marshal(body)
	var v struct {
		UserID string `json:"user_id"`
		View   struct {
			Type   string            `json:"type"`
			Blocks []json.RawMessage `json:"blocks"`
		} `json:"view"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, blk := range v.View.Blocks {
		all = append(all, string(blk))
	}
	return v.UserID, v.View.Type, strings.Join(all, "\n")
}

// TestHomeOpened: opening the app's Home tab asks the core for
// "/werkplek home" as that person (enriched like every request) and
// publishes the answer as the home view with views.publish, rendered as a
// message is; other tabs are ignored.
func TestHomeOpened(t *testing.T) {
	h := &homeCore{}
	e := newEnv(t, h.handle)
	rec := e.do(eventRequest(fixture(t, "event_app_home_opened.json")))
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	eventually(t, "the home published", func() bool { return len(e.slack.publishedViews()) == 1 })
	req := e.core.Requests()[0]
	want := intranet.Request{
		Platform:     intranet.PlatformSlack,
		Installation: "T0WRKPLK01",
		User:         intranet.User{ID: "U0JANDVRIES", Name: "Jan", Email: "jan.devries@example.nl", Locale: "nl-NL"},
		Channel:      intranet.Channel{ID: "D0JANWERKB1", Direct: true},
		Text:         "/werkplek home",
	}
	if d := cmp.Diff(want, req); d != "" {
		t.Errorf("request (-want +got):\n%s", d)
	}
	user, typ, texts := homeBlocks(t, e.slack.publishedViews()[0])
	if user != "U0JANDVRIES" || typ != "home" {
		t.Errorf("published for %q a %q view", user, typ)
	}
	for _, w := range []string{"Jouw Werkplek", "Home 1", "Nieuw rooster", `"value":"/news read 3"`} {
		if !strings.Contains(texts, w) {
			t.Errorf("home lacks %q:\n%s", w, texts)
		}
	}
	if n := len(e.slack.allCalls()) - len(e.slack.callsTo("users.info")) - 1; n != 0 {
		t.Errorf("%d calls besides users.info and views.publish: %+v", n, e.slack.allCalls())
	}

	t.Run("MessagesTab", func(t *testing.T) {
		e := newEnv(t, h.handle)
		body := e.jsonFixture(t, "event_app_home_opened.json", func(m map[string]any) { m["event"].(map[string]any)["tab"] = "messages" })
		if rec := e.do(eventRequest(body)); rec.Code != http.StatusOK {
			t.Fatalf("status %d", rec.Code)
		}
		if n := len(e.core.Requests()); n != 0 || len(e.slack.publishedViews()) != 0 {
			t.Errorf("the Messages tab reached the core (%d) or published a home", n)
		}
	})
}

// TestHomeButton: a button pressed in the Home tab (block_actions from a
// view of type home, no response_url, no channel) goes to the core as a
// press; its answer goes to the person's DM with the app, and the home is
// asked for and published again.
func TestHomeButton(t *testing.T) {
	h := &homeCore{}
	e := newEnv(t, h.handle)
	rec := e.do(interactionRequest(e.jsonFixture(t, "block_actions_home.json", nil)))
	if rec.Code != http.StatusOK || rec.Body.Len() != 0 {
		t.Fatalf("ack = %d %q", rec.Code, rec.Body)
	}
	eventually(t, "the home published again", func() bool { return len(e.slack.publishedViews()) == 1 })
	reqs := e.core.Requests()
	if len(reqs) != 2 || reqs[0].Action == nil || reqs[0].Action.Command != "/news read 3" || reqs[0].Message != nil || reqs[1].Text != HomeCommand {
		t.Fatalf("requests %+v", reqs)
	}
	eventually(t, "the answer by DM", func() bool { return len(e.slack.posted("D0JANDVRIES")) == 1 })
	if m := e.slack.posted("D0JANDVRIES")[0]; m.Text != "Dank je: genoteerd." {
		t.Errorf("DM %+v", m)
	}
	if len(e.slack.responseBodies()) != 0 {
		t.Errorf("answered at a response_url: %v", e.slack.responseBodies())
	}
	if _, _, texts := homeBlocks(t, e.slack.publishedViews()[0]); !strings.Contains(texts, "Home 1") {
		t.Errorf("home %s", texts)
	}
}

// TestRenderHome: a home view holds up to 100 blocks (a message 50), and
// an empty reply still shows something.
func TestRenderHome(t *testing.T) {
	var r intranet.Reply
	for i := range 120 {
		r.Sections = append(r.Sections, intranet.Section{Text: fmt.Sprintf("regel %d", i)})
	}
	if n := len(RenderHome(r).Blocks.BlockSet); n != 100 {
		t.Errorf("home has %d blocks, want 100", n)
	}
	if n := len(RenderBlocks(r)); n != 50 {
		t.Errorf("message has %d blocks, want 50", n)
	}
	v := RenderHome(intranet.Reply{Lang: "nl", Visibility: intranet.InChannel, ReplaceOriginal: true})
	if v.Type != "home" || len(v.Blocks.BlockSet) != 1 {
		t.Errorf("empty home %+v", v)
	}
}
