package mattermost

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/mattermost/mattermost/server/public/model"

	"github.com/werkplek/werkplek/intranet"
)

func channelDelivery(key string) intranet.Delivery {
	return intranet.Delivery{
		To:    intranet.Destination{Platform: intranet.PlatformMattermost, Installation: "chat.example.nl", ChannelID: "deojc8rixfnsmxe61kx1dqcfmy"},
		Reply: phonebookReply(),
		Key:   key,
	}
}

func TestDeliverChannelDMAndUpdate(t *testing.T) {
	e := newEnv(t, nil)
	ctx := context.Background()
	ref, err := e.a.Deliver(ctx, channelDelivery("digest:2026-12-01"))
	if err != nil {
		t.Fatal(err)
	}
	posts := e.mm.allPosts()
	if len(posts) != 1 || ref.ID != posts[0].Id || ref.ChannelID != "deojc8rixfnsmxe61kx1dqcfmy" || ref.Installation != "chat.example.nl" {
		t.Fatalf("ref %+v, posts %+v", ref, posts)
	}
	if got := posts[0].PendingPostId; got != pendingPostID("digest:2026-12-01") || len(got) > 64 {
		t.Errorf("pending_post_id = %q", got)
	}
	if len(posts[0].Attachments()) != 2 {
		t.Errorf("attachments = %d", len(posts[0].Attachments()))
	}

	// A DM goes to the direct channel between the bot and the person.
	dm := intranet.Delivery{To: intranet.Destination{Platform: intranet.PlatformMattermost, UserID: janID}, Reply: intranet.Reply{Text: "Herinnering: *morgen* vroege dienst."}, Key: "reminder:1042"}
	dref, err := e.a.Deliver(ctx, dm)
	if err != nil {
		t.Fatal(err)
	}
	if dref.ChannelID != "dm"+janID[:24] {
		t.Errorf("dm channel = %q", dref.ChannelID)
	}

	// Update replaces message and attachments.
	if err := e.a.Update(ctx, ref, intranet.Reply{Text: "Overgenomen door Jan."}); err != nil {
		t.Fatal(err)
	}
	p := e.mm.allPosts()[0]
	if p.Message != "Overgenomen door Jan." || len(p.Attachments()) != 0 {
		t.Errorf("updated post = %q with %d attachments", p.Message, len(p.Attachments()))
	}
	err = e.a.Update(ctx, intranet.MessageRef{ID: "gonegonegonegonegonegonego"}, intranet.Reply{Text: "x"})
	if intranet.ErrorCode(err) != intranet.ENOTFOUND {
		t.Errorf("update of a gone post: %v", err)
	}
}

// 429 and 5xx answers are retried, honouring Retry-After, and never make a second post.
func TestDeliverRetriesWithoutDuplicates(t *testing.T) {
	tests := []struct {
		name       string
		retryAfter string // on a 429
		fail       []int
		lose       int
		wantSleep  []time.Duration
	}{
		{"RateLimited", "7", []int{429}, 0, []time.Duration{7 * time.Second}},
		// testNow is 08:30:00 UTC.
		{"RateLimitedUntilDate", "Tue, 01 Dec 2026 08:30:12 GMT", []int{429}, 0, []time.Duration{12 * time.Second}},
		{"RateLimitedDatePast", "Tue, 01 Dec 2026 08:00:00 GMT", []int{429}, 0, []time.Duration{time.Second}},
		{"RateLimitedGarbage", "later", []int{429}, 0, []time.Duration{time.Second}},
		{"ServerErrors", "7", []int{500, 503}, 0, []time.Duration{time.Second, 2 * time.Second}},
		{"LostAnswer", "7", nil, 1, []time.Duration{time.Second}},
		{"RateLimitedThenLost", "7", []int{429}, 1, []time.Duration{7 * time.Second, 2 * time.Second}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, nil)
			e.mm.retryAfter = tt.retryAfter
			e.mm.failNext("POST /posts", tt.fail...)
			e.mm.loseAnswers = tt.lose
			ref, err := e.a.Deliver(context.Background(), channelDelivery("handover:1042"))
			if err != nil {
				t.Fatal(err)
			}
			posts := e.mm.allPosts()
			if len(posts) != 1 || posts[0].Id != ref.ID {
				t.Errorf("%d posts, ref %+v", len(posts), ref)
			}
			if diff := cmp.Diff(tt.wantSleep, e.slept()); diff != "" {
				t.Errorf("waits (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDeliverGivesUp(t *testing.T) {
	t.Run("Temporary", func(t *testing.T) {
		e := newEnv(t, nil)
		e.mm.failNext("POST /posts", 500, 500, 500)
		_, err := e.a.Deliver(context.Background(), channelDelivery("k"))
		var de *intranet.DeliveryError
		if !errors.As(err, &de) || !de.Temporary || status(err) != 500 {
			t.Fatalf("err = %v", err)
		}
		if n := e.mm.callCount("POST /posts"); n != 3 {
			t.Errorf("attempts = %d, want 3", n)
		}
	})
	t.Run("RetryAfterBeyondBudget", func(t *testing.T) {
		e := newEnv(t, nil)
		e.mm.retryAfter = "60"
		e.mm.failNext("POST /posts", 429)
		_, err := e.a.Deliver(context.Background(), channelDelivery("k"))
		var de *intranet.DeliveryError
		if !errors.As(err, &de) || !de.Temporary || de.RetryAfter != time.Minute {
			t.Fatalf("err = %#v", err)
		}
		if len(e.slept()) != 0 {
			t.Errorf("waited %v although Retry-After exceeds the budget", e.slept())
		}
	})
	t.Run("ServerErrorWithoutKey", func(t *testing.T) {
		// Without a key the server cannot dedupe a repeat: left to the caller.
		e := newEnv(t, nil)
		e.mm.failNext("POST /posts", 502)
		_, err := e.a.Deliver(context.Background(), channelDelivery(""))
		var de *intranet.DeliveryError
		if !errors.As(err, &de) || !de.Temporary || status(err) != http.StatusBadGateway {
			t.Fatalf("err = %v", err)
		}
		if n := e.mm.callCount("POST /posts"); n != 1 || len(e.slept()) != 0 {
			t.Errorf("attempts = %d, waits %v; want 1 and none", n, e.slept())
		}
	})
	t.Run("Definite", func(t *testing.T) {
		e := newEnv(t, nil)
		e.mm.failNext("POST /posts", 403)
		_, err := e.a.Deliver(context.Background(), channelDelivery("k"))
		var de *intranet.DeliveryError
		if err == nil || errors.As(err, &de) || status(err) != http.StatusForbidden {
			t.Fatalf("err = %v", err)
		}
		if n := e.mm.callCount("POST /posts"); n != 1 {
			t.Errorf("attempts = %d, want 1", n)
		}
	})
	t.Run("NoAPI", func(t *testing.T) {
		e := newEnv(t, func(c *Config) { c.URL, c.BotToken = "", "" })
		if _, err := e.a.Deliver(context.Background(), channelDelivery("k")); intranet.ErrorCode(err) != intranet.EUNAVAILABLE {
			t.Errorf("err = %v", err)
		}
	})
}

func TestLookupUser(t *testing.T) {
	e := newEnv(t, nil)
	ctx := context.Background()
	u, err := e.a.LookupUser(ctx, "chat.example.nl", janID)
	if err != nil || u != janUser {
		t.Errorf("jan = %+v, %v", u, err)
	}
	g, err := e.a.LookupUser(ctx, "chat.example.nl", guestID)
	if err != nil || !g.Guest || g.Locale != "en" {
		t.Errorf("guest = %+v, %v", g, err)
	}
	if _, err := e.a.LookupUser(ctx, "chat.example.nl", "nobodynobodynobodynobody12"); intranet.ErrorCode(err) != intranet.ENOTFOUND {
		t.Errorf("unknown user: %v", err)
	}
}

func TestRegister(t *testing.T) {
	e := newEnv(t, func(c *Config) { c.Language = "en" })
	e.core.CommandsFn = func() []intranet.Command {
		return []intranet.Command{
			{Name: "phonebook", Aliases: []string{"telefoon"}, Hint: "<name>", HintNL: "<naam>", Summary: "Find a colleague", SummaryNL: "Zoek een collega"},
			{Name: "werkplek", Aliases: []string{"help", "me"}, Summary: "Help"},
		}
	}
	// An admin's own command with one of our names but another URL is left alone.
	e.mm.commands["admin1"] = &model.Command{Id: "admin1", TeamId: teamID, Trigger: "werkplek", URL: "https://other.example.nl/x", Method: "P", Token: "admintoken"}
	// Two replicas at once, sharing state and lock.
	other, err := New(e.a.cfg, e.core, e.state, e.state, e.a.log)
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 2)
	for _, a := range []*Adapter{e.a, other} {
		go func() { errs <- a.register(context.Background()) }()
	}
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	count := map[string]int{}
	for _, c := range e.mm.commands {
		count[c.TeamId+"/"+c.Trigger]++
		if c.Id != "admin1" && (c.URL != "https://werkplek.example.nl/mattermost/command" || c.Method != "P" || !c.AutoComplete) {
			t.Errorf("command %+v", c)
		}
	}
	want := map[string]int{
		teamID + "/phonebook": 1, teamID + "/telefoon": 1, teamID + "/werkplek": 1,
		"team2team2team2team2team22/phonebook": 1, "team2team2team2team2team22/telefoon": 1, "team2team2team2team2team22/werkplek": 1,
	}
	if diff := cmp.Diff(want, count); diff != "" {
		t.Errorf("commands per team (-want +got):\n%s", diff)
	}
	tokens, _ := e.state.StateList(context.Background(), tokenNamespace)
	if len(tokens) != 5 || tokens[teamID+"/werkplek"] != "" {
		t.Errorf("stored tokens = %v", tokens)
	}
	// The stored token now lets a command in.
	w := e.command(e.fixtureForm(t, map[string]string{"token": ""}), tokens[teamID+"/phonebook"])
	if w.Code != 200 {
		t.Errorf("registered token refused: %d", w.Code)
	}

	// A changed hint is updated in place, in the configured language.
	e.core.CommandsFn = func() []intranet.Command {
		return []intranet.Command{{Name: "phonebook", Hint: "<name or phone>", Summary: "Find a colleague"}}
	}
	if err := e.a.register(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, c := range e.mm.commands {
		if c.Trigger == "phonebook" && c.AutoCompleteHint != "<name or phone>" {
			t.Errorf("hint not updated: %+v", c)
		}
	}
	if n := e.mm.callCount("POST /commands"); n != 5 {
		t.Errorf("creates = %d, want 5", n)
	}
}

func TestRegisterDutchHints(t *testing.T) {
	e := newEnv(t, nil)
	if err := e.a.register(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, c := range e.mm.commands {
		if c.AutoCompleteHint != "<naam>" || c.AutoCompleteDesc != "Zoek een collega" {
			t.Errorf("command %s: hint %q desc %q", c.Trigger, c.AutoCompleteHint, c.AutoCompleteDesc)
		}
	}
}
