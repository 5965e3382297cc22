package main

import (
	"context"
	"fmt"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/pgtest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/demo"
	"github.com/werkplek/werkplek/intranet/store"
)

// TestQuestionCommands is a question end to end through the real Main on
// both engines: a topic made and linked to a console channel by an admin,
// a question asked in one console, the card in the topic's channel and the
// expert's DM through the outbox, answered in another console, the answer
// DMed to the asker, accepted, and found in the knowledge base.
func TestQuestionCommands(t *testing.T) {
	bothEngines(t, func(t *testing.T, env map[string]string) {
		dir := t.TempDir()
		people := filepath.Join(dir, "people.csv")
		os.WriteFile(people, []byte("name,email,department,skills,roles\n"+
			"Femke Admin,femke@example.nl,ICT,,admin\n"+
			"Jan de Vries,jan@example.nl,Zorg Oost,,\n"+
			"Eva Bakker,eva@example.nl,Financien,Declaraties,\n"), 0o600)
		if code, out, errOut := run(t, env, "", "import", people); code != 0 {
			t.Fatalf("import: %s %s", out, errOut)
		}
		bad := map[string]string{"WERKPLEK_QUESTION_ESCALATE_HOURS": "veel"}
		for k, v := range env {
			bad[k] = v
		}
		if code, _, errOut := run(t, bad, "/kb x\n", "console", "--as", "jan@example.nl"); code != 1 || !strings.Contains(errOut, `WERKPLEK_QUESTION_ESCALATE_HOURS: "veel" is not a number of working hours`) {
			t.Errorf("bad escalation hours: exit %d, %s", code, errOut)
		}
		out := consoleUntil(t, env, "/ask topic add Declaraties\n/ask topic channel Declaraties\n", []string{"Onderwerp Declaraties gemaakt", "Vragen over Declaraties komen voortaan in dit kanaal"},
			"console", "--as", "femke@example.nl", "--channel", "vragen")
		if !containsAll(out, []string{"Onderwerp Declaraties gemaakt", "Vragen over Declaraties komen voortaan in dit kanaal"}) {
			t.Fatalf("admin's console:\n%s", out)
		}
		// Eva's console account is linked on her first contact; DMs need it.
		if code, _, errOut := run(t, env, "/werkplek help\n", "console", "--as", "eva@example.nl"); code != 0 {
			t.Fatal(errOut)
		}
		out = consoleUntil(t, env, "/ask Hoe declareer ik mijn reiskosten? topic:Declaraties\n", []string{"Vraag #1 gesteld"}, "console", "--as", "jan@example.nl")
		if !containsAll(out, []string{"Vraag #1 gesteld", "console:vragen", "Eva Bakker"}) {
			t.Fatalf("asker's console:\n%s", out)
		}
		code, out, errOut := run(t, env, "", "jobs")
		if code != 0 || !strings.Contains(out, "question.escalate") {
			t.Errorf("the escalation is not scheduled: %s %s", out, errOut)
		}
		// The card reaches the topic's channel and the expert's DM through the outbox.
		wants := []string{"Vraag #1 · Declaraties", "/answer 1", "Dank je! Je antwoord (1) ging naar Jan de Vries"}
		out = consoleUntil(t, env, "/answer 1 Via het declaratieportaal, met de bonnetjes.\n", wants, "console", "--as", "eva@example.nl", "--channel", "vragen")
		if !containsAll(out, wants) {
			t.Fatalf("expert's console:\n%s", out)
		}
		wants = []string{"Antwoord op je vraag #1", "Via het declaratieportaal", "/answer accept 1", "Geaccepteerd: het antwoord van Eva Bakker op vraag 1 staat nu in de kennisbank", "Beantwoord door: Eva Bakker"}
		out = consoleUntil(t, env, "/answer accept 1\n/kb reiskosten declareren\n", wants, "console", "--as", "jan@example.nl")
		if !containsAll(out, wants) {
			t.Fatalf("asker's second console:\n%s", out)
		}
	})
}

// TestQuestionOnSlack: a question asked with a Slack slash command posts
// its card in the topic's Slack channel through the outbox; a colleague's
// reply in the card's thread (a signed message.channels event with
// thread_ts) is an answer, which the asker gets by Slack DM; other thread
// chatter changes nothing and posts nothing.
func TestQuestionOnSlack(t *testing.T) {
	fake := &fakeSlackAPI{}
	platform := httptest.NewServer(fake)
	defer platform.Close()
	dbURL := pgtest.URL(t)
	ctx := context.Background()
	s, err := store.Open(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.ImportPeople(ctx, demo.People(), false); err != nil {
		t.Fatal(err)
	}
	anouk, err := s.FindPersonByEmail(ctx, "anouk.vandenberg@example.nl")
	if err != nil {
		t.Fatal(err)
	}
	topic, err := s.CreateTopic(ctx, "Wondzorg", anouk.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.LinkTopicChannel(ctx, topic.ID, intranet.TopicChannel{Platform: intranet.PlatformSlack, Installation: "T1", ChannelID: "C-WZ"}); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"WERKPLEK_DATABASE_URL": dbURL, "WERKPLEK_LISTEN": "127.0.0.1:0",
		"SLACK_SIGNING_SECRET": "slack-secret", "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_API_URL": platform.URL + "/slack/api/"}
	m := startServe(t, env)
	base := "http://" + m.Addr
	signed := func(path, contentType, body string) (int, string) {
		return do(t, slackRequest(base+path, "slack-secret", contentType, body))
	}
	code, body := signed("/slack/commands", "application/x-www-form-urlencoded", url.Values{"command": {"/vraag"}, "text": {"Welk verband gebruik ik bij decubitus? onderwerp:Wondzorg"},
		"user_id": {"U1"}, "team_id": {"T1"}, "channel_id": {"C-ANDERS"}, "response_url": {platform.URL + "/slack/response"}, "trigger_id": {"1.2.3"}}.Encode())
	if code != 200 {
		t.Fatalf("slash command %d: %s", code, body)
	}
	waitFor(t, 60*time.Second, "the card in C-WZ", func() bool {
		return fake.seen("chat.postMessage C-WZ", "Welk verband gebruik ik bij decubitus?", "/answer 1")
	})
	var root string
	waitFor(t, 60*time.Second, "the card's message id", func() bool {
		posts, err := s.QuestionPosts(ctx, 1)
		if err == nil && len(posts) == 1 {
			root = posts[0].Ref.ID
		}
		return root != ""
	})
	event := func(id, text, threadTS string) {
		t.Helper()
		body := fmt.Sprintf(`{"type":"event_callback","team_id":"T1","event_id":%q,"authorizations":[{"user_id":"UBOT","is_bot":true}],`+
			`"event":{"type":"message","channel_type":"channel","channel":"C-WZ","user":"U2","text":%q,"ts":"1700000999.%s","thread_ts":%q}}`, id, text, id[2:], threadTS)
		if code, answer := signed("/slack/events", "application/json", body); code != 200 {
			t.Fatalf("event %s: %d %s", id, code, answer)
		}
	}
	event("Ev000001", "Een hydrocolloïdverband, twee keer per week wisselen.", root)
	waitFor(t, 60*time.Second, "the asker's DM", func() bool {
		return fake.seen("chat.postMessage D-JAN", "Antwoord op je vraag #1", "hydrocolloïdverband", "/answer accept 1")
	})
	waitFor(t, 60*time.Second, "the card updated in place", func() bool {
		return fake.seen("chat.update C-WZ", "Antwoorden tot nu toe: 1.")
	})
	event("Ev000002", "koffie iemand?", "1700000000.999999")
	waitFor(t, 60*time.Second, "the thread answer stored", func() bool {
		q, err := s.FindQuestionByID(ctx, 1)
		return err == nil && q.State == intranet.QuestionAnswered && len(q.Answers) == 1 && q.Answers[0].Author == "Anouk van den Berg"
	})
	// The chatter: its event is claimed (handled) and nothing is posted for it.
	waitFor(t, 60*time.Second, "the chatter handled", func() bool {
		v, err := s.State(ctx, "slack.events", "Ev000002")
		return err == nil && v != ""
	})
	m.stop()
	if fake.seen("chat.postMessage C-WZ", "koffie") || fake.seen("chat.postEphemeral C-WZ") {
		t.Error("Werkplek reacted to thread chatter")
	}
	if q, _ := s.FindQuestionByID(ctx, 1); len(q.Answers) != 1 {
		t.Errorf("answers = %+v", q.Answers)
	}
}
