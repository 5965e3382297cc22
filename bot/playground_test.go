package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/werkplek/werkplek/internal/playgroundtest"
	"github.com/werkplek/werkplek/intranet/demo"
	"github.com/werkplek/werkplek/intranet/store"
)

// TestPlaygroundServe runs Microsoft's Teams emulator against the real
// `werkplek serve` (TEAMS_AUTH=off on loopback, as for a local trial) with
// the demo phonebook: a typed phonebook question comes back as an Adaptive
// Card, and pressing the card's button shows the person's card in its place.
func TestPlaygroundServe(t *testing.T) {
	cli := playgroundtest.CLI(t)
	dbURL := "sqlite:" + filepath.Join(t.TempDir(), "werkplek.db")
	s, err := store.Open(context.Background(), dbURL)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ImportPeople(context.Background(), demo.People(), false); err != nil {
		t.Fatal(err)
	}
	s.Close()

	env := map[string]string{"WERKPLEK_DATABASE_URL": dbURL, "WERKPLEK_LISTEN": "127.0.0.1:0", "TEAMS_AUTH": "off"}
	m := startServe(t, env)

	pg := playgroundtest.Start(t, cli, "http://"+m.Addr+"/api/messages")
	var cfg struct {
		Config struct {
			CurrentUser  struct{ ID string } `json:"currentUser"`
			PersonalChat struct{ ID string } `json:"personalChat"`
		} `json:"config"`
	}
	pg.GetJSON(t, "/_internal/v1/config", &cfg)
	chat, user := cfg.Config.PersonalChat.ID, cfg.Config.CurrentUser.ID
	ws := pg.Stream(t)

	// The Playground's user is Jan de Vries (jan.devries@example.nl), whom
	// Werkplek links by the email the connector gives.
	pg.Post(t, "/_conversation/v1/conversations/"+chat+"/messages", map[string]any{
		"from": map[string]string{"id": user}, "text": "telefoon jansen", "textFormat": "plain",
	})
	msg := ws.Next(t, "createMessage")
	var atts []struct {
		ContentType string `json:"contentType"`
		Content     struct {
			Body    []map[string]any `json:"body"`
			Actions []struct {
				Title string         `json:"title"`
				Data  map[string]any `json:"data"`
			} `json:"actions"`
		} `json:"content"`
	}
	if err := json.Unmarshal(msg.Message.Attachments, &atts); err != nil || len(atts) != 1 || atts[0].ContentType != "application/vnd.microsoft.card.adaptive" {
		t.Fatalf("reply %s: %v", msg.Message.Attachments, err)
	}
	body, _ := json.Marshal(atts[0].Content)
	if !strings.Contains(string(body), "Pieter Jansen") || !strings.Contains(string(body), "gevonden") {
		t.Fatalf("card does not list the Jansens in Dutch: %s", body)
	}

	// Find the button that opens Pieter Jansen's card and press it.
	var press map[string]any
	for _, a := range allActions(atts[0].Content.Body, atts[0].Content.Actions) {
		if cmd, _ := a["command"].(string); cmd == "/phonebook show 4" {
			press = a
		}
	}
	if press == nil {
		t.Fatalf("no button for Pieter Jansen (/phonebook show 4) in %s", body)
	}
	pg.Post(t, "/_conversation/v1/submit", map[string]any{
		"conversation": map[string]string{"id": chat}, "from": map[string]string{"id": user},
		"replyToId": msg.Message.MessageID, "value": press,
	})
	upd := ws.Next(t, "updateMessage")
	if upd.Message.MessageID != msg.Message.MessageID || !strings.Contains(string(upd.Message.Attachments), "Wijkverpleegkundige") || !strings.Contains(string(upd.Message.Attachments), "tel:+31610000004") {
		t.Fatalf("pressing the button did not show Pieter's card in place: %s", upd.Message.Attachments)
	}
}

// allActions collects the data of every Action.Submit in a card: the card's
// own actions and those in action sets of its body.
func allActions(body []map[string]any, actions []struct {
	Title string         `json:"title"`
	Data  map[string]any `json:"data"`
}) []map[string]any {
	var out []map[string]any
	for _, a := range actions {
		out = append(out, a.Data)
	}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if x["type"] == "Action.Submit" {
				if d, ok := x["data"].(map[string]any); ok {
					out = append(out, d)
				}
			}
			for _, c := range x {
				walk(c)
			}
		case []any:
			for _, c := range x {
				walk(c)
			}
		}
	}
	for _, b := range body {
		walk(b)
	}
	return out
}
