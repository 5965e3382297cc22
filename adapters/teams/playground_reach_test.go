package teams

// The Agents Playground's installation activity: the app installed in a team
// links every member by email, and a DM reaches one who never wrote. See
// playground_test.go for how to install the Playground.

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/werkplek/werkplek/internal/playgroundtest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/mock"
)

func TestPlaygroundInstallationReachesMembers(t *testing.T) {
	cli := playgroundtest.CLI(t)
	lc := &linkingCore{Core: &mock.Core{HandleFn: func(ctx context.Context, r intranet.Request) (intranet.Reply, error) {
		return intranet.Reply{Text: "?"}, nil
	}}}
	logs := &lockedBuffer{}
	a, err := New(Config{AuthOff: true, Backoff: 10 * time.Millisecond}, lc, &mock.StateStore{}, slog.New(slog.NewTextHandler(logs, nil)))
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	a.Routes(mux)
	bot := httptest.NewServer(mux)
	defer bot.Close()
	defer func() {
		if t.Failed() {
			t.Logf("adapter log:\n%s", logs)
		}
	}()
	pg := playgroundtest.Start(t, cli, bot.URL+"/api/messages")
	var cfg struct {
		Config struct {
			TenantID     string `json:"tenantId"`
			PersonalChat struct {
				ID string `json:"id"`
			} `json:"personalChat"`
		} `json:"config"`
	}
	pg.GetJSON(t, "/_internal/v1/config", &cfg)
	tenantID := cfg.Config.TenantID
	ws := pg.Stream(t)

	// Installed in the team: its six members are linked, no one wrote.
	pg.Post(t, "/_debug/conversation/team-zorg-oost/installation", nil)
	want := []intranet.User{
		{ID: "user-id-anna", Name: "Anna Bakker", Email: "anna.bakker@example.nl"},
		{ID: "user-id-eva", Name: "Eva de Boer", Email: "eva.deboer@example.nl"},
		{ID: "user-id-jan", Name: "Jan de Vries", Email: "jan.devries@example.nl"},
		{ID: "user-id-mohamed", Name: "Mohamed El Amrani", Email: "mohamed.elamrani@example.nl"},
		{ID: "user-id-pieter", Name: "Pieter Jansen", Email: "pieter.jansen@example.nl"},
		{ID: "user-id-sanne", Name: "Sanne Visser", Email: "sanne.visser@example.nl"},
	}
	waitFor(t, "six members linked", func() bool { return len(lc.linked(t)) >= len(want) })
	if d := cmp.Diff(want, lc.linked(t)); d != "" {
		t.Errorf("linked (-want +got):\n%s", d)
	}

	// A DM to Anna opens her chat with the bot (the Playground creates it)
	// and is posted there; the web chat shows only Jan's view, so the
	// message's id from the Playground's connector is the proof.
	ref, err := a.Deliver(context.Background(), intranet.Delivery{
		To:    intranet.Destination{Platform: intranet.PlatformTeams, Installation: tenantID, UserID: "user-id-anna"},
		Reply: intranet.Reply{Lang: "nl", Title: "Vraag over Stomazorg", Text: "Kun jij dit beantwoorden?"},
	})
	if err != nil || ref.ID == "" || ref.ChannelID == "" || ref.ChannelID == cfg.Config.PersonalChat.ID {
		t.Fatalf("Deliver = %+v, %v", ref, err)
	}
	if u, err := a.user(context.Background(), "user-id-anna"); err != nil || u.PersonalConversationID != ref.ChannelID {
		t.Errorf("Anna's chat not kept: %+v, %v", u, err)
	}

	// Installed for Jan personally: his own chat is the DM's way.
	chat := cfg.Config.PersonalChat.ID
	pg.Post(t, "/_debug/conversation/"+chat+"/installation", nil)
	waitFor(t, "Jan's personal chat stored", func() bool {
		u, err := a.user(context.Background(), "user-id-jan")
		return err == nil && u.PersonalConversationID == chat
	})
	ref, err = a.Deliver(context.Background(), intranet.Delivery{
		To:    intranet.Destination{Platform: intranet.PlatformTeams, Installation: tenantID, UserID: "user-id-jan"},
		Reply: intranet.Reply{Lang: "nl", Title: "Herinnering"},
	})
	if err != nil || ref.ChannelID != chat {
		t.Fatalf("Deliver = %+v, %v; want chat %s", ref, err, chat)
	}
	if m := ws.Next(t, "createMessage"); m.Message.MessageID != ref.ID {
		t.Errorf("DM %q on the Playground, Deliver said %q", m.Message.MessageID, ref.ID)
	}
}

// waitFor polls cond until it holds, or fails after a deadline.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
