package teams

// End to end with the Microsoft 365 Agents Playground, Microsoft's offline
// Teams emulator (npm @microsoft/m365agentsplayground, pinned in
// tools/playground). Install it with
//
//	cd tools/playground && npm install --no-audit --no-fund
//
// Without it the test is skipped, unless WERKPLEK_TEST_PLAYGROUND=require.

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/playgroundtest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/mock"
)

func TestPlayground(t *testing.T) {
	cli := playgroundtest.CLI(t)

	// The adapter, with auth off as the Playground expects, behind a real
	// listener on loopback.
	core := &mock.Core{}
	core.HandleFn = func(ctx context.Context, r intranet.Request) (intranet.Reply, error) {
		switch {
		case r.Action != nil:
			return intranet.Reply{Lang: "nl", Title: "Pieter Jansen", Text: "Teamleider Zorg Oost", ReplaceOriginal: true}, nil
		case strings.HasPrefix(r.Text, "phonebook "):
			return intranet.Reply{Lang: "nl", Title: "Telefoonboek", Sections: []intranet.Section{{
				Title:  "Pieter Jansen",
				Fields: []intranet.Field{{Label: "Telefoon", Value: "+31 20 000 0142"}},
			}}, Buttons: []intranet.Button{{Label: "Toon Pieter", Style: intranet.StylePrimary, Command: "/phonebook show 42"}}}, nil
		}
		return intranet.Reply{Text: "?"}, nil
	}
	state := &mock.StateStore{}
	logs := &lockedBuffer{}
	a, err := New(Config{AuthOff: true, Backoff: 10 * time.Millisecond}, core, state, slog.New(slog.NewTextHandler(logs, nil)))
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
			TenantID    string `json:"tenantId"`
			CurrentUser struct {
				ID   string `json:"id"`
				Name string `json:"name"`
			} `json:"currentUser"`
			PersonalChat struct {
				ID string `json:"id"`
			} `json:"personalChat"`
			Teams []struct {
				ID string `json:"id"`
			} `json:"teams"`
		} `json:"config"`
	}
	pg.GetJSON(t, "/_internal/v1/config", &cfg)
	chat, user := cfg.Config.PersonalChat.ID, cfg.Config.CurrentUser.ID
	if chat == "" || user != "user-id-jan" {
		t.Fatalf("playground config %+v", cfg)
	}

	ws := pg.Stream(t)

	// 1. A typed command in the personal chat comes back as a card.
	pg.Post(t, "/_conversation/v1/conversations/"+chat+"/messages", map[string]any{
		"from": map[string]string{"id": user}, "text": "phonebook jansen", "textFormat": "plain",
	})
	msg := ws.Next(t, "createMessage")
	cardJSON, _ := json.Marshal(msg.Message.Attachments)
	var atts []struct {
		ContentType string `json:"contentType"`
		Content     card   `json:"content"`
	}
	if err := json.Unmarshal(cardJSON, &atts); err != nil || len(atts) != 1 {
		t.Fatalf("reply attachments %s: %v", cardJSON, err)
	}
	c := atts[0].Content
	if atts[0].ContentType != adaptiveCardType || c.Version != "1.5" || len(c.Body) == 0 || c.Body[0].Text != "Telefoonboek" {
		t.Fatalf("reply card %s", cardJSON)
	}
	if len(c.Actions) != 1 || c.Actions[0].Data[commandKey] != "/phonebook show 42" {
		t.Fatalf("card actions %+v", c.Actions)
	}
	reqs := core.Requests()
	if len(reqs) != 1 || reqs[0].Text != "phonebook jansen" || reqs[0].User.ID != user || !reqs[0].Channel.Direct || reqs[0].Installation != cfg.Config.TenantID {
		t.Fatalf("core got %+v", reqs)
	}

	// 2. The person behind the message is known to the directory.
	who, err := a.LookupUser(context.Background(), cfg.Config.TenantID, user)
	if err != nil || who.Email != "jan.devries@example.nl" || who.Name != "Jan de Vries" || who.Guest {
		t.Errorf("LookupUser = %+v, %v", who, err)
	}

	// 3. Pressing the card's button sends its command with Jan's identity,
	// and the answer replaces the card.
	pg.Post(t, "/_conversation/v1/submit", map[string]any{
		"conversation": map[string]string{"id": chat},
		"from":         map[string]string{"id": user},
		"replyToId":    msg.Message.MessageID,
		"value":        c.Actions[0].Data,
	})
	upd := ws.Next(t, "updateMessage")
	if upd.Message.MessageID != msg.Message.MessageID {
		t.Errorf("updated message %q, want the card %q", upd.Message.MessageID, msg.Message.MessageID)
	}
	reqs = core.Requests()
	if len(reqs) != 2 {
		t.Fatalf("core got %d requests after the press", len(reqs))
	}
	press := reqs[1]
	if press.Action == nil || press.Action.Command != "/phonebook show 42" || press.User.ID != user || press.User.Name != "Jan de Vries" {
		t.Errorf("press reached the core as %+v", press)
	}
	if press.Message == nil || press.Message.ID != msg.Message.MessageID {
		t.Errorf("press does not point at the card: %+v", press.Message)
	}

	// 4. Installing the app in a team stores the channel; a proactive post
	// to it arrives.
	if len(cfg.Config.Teams) == 0 {
		t.Fatal("playground has no team")
	}
	teamID := cfg.Config.Teams[0].ID
	pg.Post(t, "/_debug/conversation/"+teamID+"/installation", nil)
	deadline := time.Now().Add(10 * time.Second)
	for {
		if _, err := state.State(context.Background(), nsConversations, teamID); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("team installation not stored")
		}
		time.Sleep(20 * time.Millisecond)
	}
	ref, err := a.Deliver(context.Background(), intranet.Delivery{
		To:    intranet.Destination{Platform: intranet.PlatformTeams, Installation: cfg.Config.TenantID, ChannelID: teamID},
		Reply: intranet.Reply{Lang: "nl", Title: "Dienst overdragen", Text: "Anna zoekt iemand voor de vroege dienst."},
	})
	if err != nil || ref.ID == "" {
		t.Fatalf("Deliver = %+v, %v", ref, err)
	}
	if post := ws.Next(t, "createMessage"); post.Message.MessageID != ref.ID {
		t.Errorf("proactive post %q, Deliver said %q", post.Message.MessageID, ref.ID)
	}
	// ... and can be updated.
	if err := a.Update(context.Background(), ref, intranet.Reply{Lang: "nl", Title: "Overgenomen door Jan"}); err != nil {
		t.Fatal(err)
	}
	if u := ws.Next(t, "updateMessage"); u.Message.MessageID != ref.ID {
		t.Errorf("updated %q, want %q", u.Message.MessageID, ref.ID)
	}
}
