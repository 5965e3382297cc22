package mattermost

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/mock"
)

// mmBack is the report that this Mattermost works; gone the one that it is
// gone, for a reason.
var mmBack = mock.Departure{Platform: intranet.PlatformMattermost, Installation: "chat.example.nl"}

func gone(reason string) mock.Departure {
	d := mmBack
	d.Reason = reason
	return d
}

// TestTokenRefusedWhilePosting: the first 401 tells the core that this
// Mattermost is gone, once however many calls fail; the first call that
// works after tells it that it is back. A 401 is no temporary failure.
func TestTokenRefusedWhilePosting(t *testing.T) {
	e := newEnv(t, nil)
	ctx := context.Background()
	dm := intranet.Delivery{To: intranet.Destination{Platform: intranet.PlatformMattermost, UserID: janID}, Reply: intranet.Reply{Text: "Herinnering"}, Key: "reminder:1"}
	if _, err := e.a.Deliver(ctx, dm); err != nil {
		t.Fatal(err)
	}
	// Working from the start says so once, for a core that recorded it
	// gone before a restart.
	if d := cmp.Diff([]mock.Departure{mmBack}, e.departures.Back()); d != "" {
		t.Errorf("back (-want +got):\n%s", d)
	}

	e.mm.revoke(true)
	for i := range 3 {
		dm.Key = "reminder:" + string(rune('2'+i))
		_, err := e.a.Deliver(ctx, dm)
		var de *intranet.DeliveryError
		if status(err) != http.StatusUnauthorized || errors.As(err, &de) {
			t.Fatalf("deliver %d with a revoked token: %v, want a final 401", i, err)
		}
	}
	if err := e.a.Update(ctx, intranet.MessageRef{ID: "p1"}, intranet.Reply{Text: "x"}); status(err) != http.StatusUnauthorized {
		t.Fatalf("update: %v", err)
	}
	if d := cmp.Diff([]mock.Departure{gone("401 Unauthorized: direct channel")}, e.departures.Gone()); d != "" {
		t.Errorf("gone (-want +got):\n%s", d)
	}

	e.mm.revoke(false)
	if _, err := e.a.Deliver(ctx, dm); err != nil {
		t.Fatal(err)
	}
	if _, err := e.a.Deliver(ctx, dm); err != nil {
		t.Fatal(err)
	}
	if n, g := len(e.departures.Back()), len(e.departures.Gone()); n != 2 || g != 1 {
		t.Errorf("back told %d times, gone %d; want back once more after it worked again", n, g)
	}
}

// TestTokenRefusedWebsocket: a websocket that Mattermost closes after the
// authentication challenge (the token refused) makes the adapter ask the
// REST API, whose 401 says gone, once over every reconnect; the first
// hello after the token works again says back.
func TestTokenRefusedWebsocket(t *testing.T) {
	e := newEnv(t, nil)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- e.a.Run(ctx) }()
	e.waitConnected(t)
	eventually(t, "registration", func() bool {
		tokens, _ := e.state.StateList(context.Background(), tokenNamespace)
		return len(tokens) == 4 && len(e.departures.Back()) == 1
	})

	e.mm.revoke(true)
	e.mm.drop()
	eventually(t, "gone", func() bool { return len(e.departures.Gone()) == 1 })
	before := e.mm.callCount("GET /users/me")
	eventually(t, "reconnects", func() bool { return e.mm.callCount("GET /users/me") >= before+3 })
	if d := cmp.Diff([]mock.Departure{gone("401 Unauthorized: check bot token")}, e.departures.Gone()); d != "" {
		t.Errorf("gone (-want +got):\n%s", d)
	}

	e.mm.revoke(false)
	e.waitConnected(t)
	eventually(t, "back", func() bool { return len(e.departures.Back()) == 2 })
	if n := len(e.departures.Gone()); n != 1 {
		t.Errorf("gone told %d times", n)
	}
	cancel()
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("Run did not return")
	}
}

// TestTokenRefusedCommand: Mattermost still sends slash commands when the
// bot token is dead, and the core brings an installation back when a
// request comes from it; so while the token is refused, a command makes
// the adapter check it at once and say gone again. With a working token a
// command checks nothing.
func TestTokenRefusedCommand(t *testing.T) {
	e := newEnv(t, nil)
	ctx := context.Background()
	if _, err := e.a.LookupUser(ctx, "chat.example.nl", janID); err != nil {
		t.Fatal(err)
	}
	if w := e.command(e.fixtureForm(t, nil), fixtureToken); w.Code != http.StatusOK {
		t.Fatalf("status %d", w.Code)
	}
	if n := e.mm.callCount("GET /users/me"); n != 0 {
		t.Errorf("token checked %d times while it works", n)
	}

	e.mm.revoke(true)
	if _, err := e.a.LookupUser(ctx, "chat.example.nl", janID); status(err) != http.StatusUnauthorized {
		t.Fatalf("lookup: %v", err)
	}
	if w := e.command(e.fixtureForm(t, nil), fixtureToken); w.Code != http.StatusOK {
		t.Fatalf("status %d", w.Code)
	}
	want := []mock.Departure{gone("401 Unauthorized: get user"), gone("401 Unauthorized: check bot token")}
	if d := cmp.Diff(want, e.departures.Gone()); d != "" {
		t.Errorf("gone (-want +got):\n%s", d)
	}
	if n := len(e.core.Requests()); n != 2 {
		t.Errorf("core answered %d commands, want both", n)
	}
}

// TestTokenStateNotRecorded: when the core cannot record the departure,
// the next 401 tells it again.
func TestTokenStateNotRecorded(t *testing.T) {
	e := newEnv(t, nil)
	ctx := context.Background()
	e.mm.revoke(true)
	e.departures.Fail(intranet.Errorf(intranet.EUNAVAILABLE, "database down"))
	for range 2 {
		if _, err := e.a.LookupUser(ctx, "chat.example.nl", janID); status(err) != http.StatusUnauthorized {
			t.Fatalf("lookup: %v", err)
		}
	}
	e.departures.Fail(nil)
	for range 2 {
		if _, err := e.a.LookupUser(ctx, "chat.example.nl", janID); status(err) != http.StatusUnauthorized {
			t.Fatalf("lookup: %v", err)
		}
	}
	if n := len(e.departures.Gone()); n != 3 {
		t.Errorf("gone told %d times, want twice failed and once recorded", n)
	}
}
