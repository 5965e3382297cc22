package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	standardwebhooks "github.com/standard-webhooks/standard-webhooks/libraries/go"

	"github.com/werkplek/werkplek/adapters/api"
	"github.com/werkplek/werkplek/intranet"
)

// TestHoursOnSlack is a week's way to payroll through serve: Jan writes a
// shift and a trip on Slack and submits the week; his team lead Anouk gets
// the card by DM and presses Approve on it; then the payroll API returns
// the approved week with its totals (a wrong token gets 401 and no data),
// and the payroll's webhook receiver hears of the approval once, signed.
// A second press changes nothing and sends no second event.
func TestHoursOnSlack(t *testing.T) {
	bothEngines(t, func(t *testing.T, env map[string]string) {
		people := filepath.Join(t.TempDir(), "people.csv")
		if err := os.WriteFile(people, []byte("name,email,department,roles,employee_number\n"+
			"Anouk van den Berg,anouk.vandenberg@example.nl,Zorg Oost,team lead,10001\n"+
			"Jan de Vries,jan.devries@example.nl,Zorg Oost,,10042\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		if code, out, errOut := run(t, env, "", "import", people); code != 0 {
			t.Fatalf("import: %s %s", out, errOut)
		}
		_, token, _ := run(t, env, "", "api", "token", "add", "payroll", "--scope", "hours:read")
		token = strings.TrimSpace(token)

		var mu sync.Mutex
		var events []string
		var hookSecret string
		receiver := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			body, _ := io.ReadAll(r.Body)
			mu.Lock()
			defer mu.Unlock()
			wh, err := standardwebhooks.NewWebhook(hookSecret)
			if err != nil {
				t.Error(err)
			} else if err := wh.Verify(body, r.Header); err != nil {
				t.Errorf("webhook signature: %v", err)
			}
			events = append(events, r.Header.Get("webhook-id")+" "+string(body))
		}))
		defer receiver.Close()
		_, hookSecret, _ = run(t, env, "", "webhook", "add", receiver.URL, "--events", "timesheet.approved")
		hookSecret = strings.TrimSpace(hookSecret)

		fake := &fakeSlackAPI{people: map[string]string{"U1": "jan.devries@example.nl", "U2": "anouk.vandenberg@example.nl"}}
		platform := httptest.NewServer(fake)
		defer platform.Close()
		env["WERKPLEK_LISTEN"] = "127.0.0.1:0"
		env["SLACK_SIGNING_SECRET"] = "slack-secret"
		env["SLACK_BOT_TOKEN"] = "xoxb-test"
		env["SLACK_API_URL"] = platform.URL + "/slack/api/"
		m := startServe(t, env)
		base := "http://" + m.Addr
		signed := func(path, form string) (int, string) {
			return do(t, slackRequest(base+path, "slack-secret", "application/x-www-form-urlencoded", form))
		}
		command := func(user, cmd, text string) string {
			t.Helper()
			code, body := signed("/slack/commands", url.Values{"command": {cmd}, "text": {text}, "user_id": {user}, "team_id": {"T1"},
				"channel_id": {"D-" + user}, "response_url": {platform.URL + "/slack/response"}, "trigger_id": {"1.2.3"}}.Encode())
			if code != 200 {
				t.Fatalf("%s %s: %d %s", cmd, text, code, body)
			}
			return body
		}

		// Jan's Monday: the most recent one, looking back as hours do.
		ams, _ := time.LoadLocation("Europe/Amsterdam")
		today := time.Now().In(ams)
		monday := today.AddDate(0, 0, -(int(today.Weekday())+6)%7)
		year, number := monday.ISOWeek()
		week := intranet.Week{Year: year, Number: number}
		if body := command("U1", "/uren", "ma 07:00-15:30 pauze:30 project:WZ-Noord"); !strings.Contains(body, "8 uur") {
			t.Fatalf("entry: %s", body)
		}
		if body := command("U1", "/km", "ma 23 Utrecht naar Zeist retour doel:cliëntbezoek"); !strings.Contains(body, "46 km") {
			t.Fatalf("trip: %s", body)
		}
		if body := command("U1", "/uren", "indienen "+monday.Format(intranet.DateLayout)); !strings.Contains(body, "Anouk van den Berg") {
			t.Fatalf("submit: %s", body)
		}

		// The card reaches Anouk's DM with its buttons.
		var card string
		waitFor(t, 60*time.Second, "the approval card in Anouk's DM", func() bool {
			card = fake.find("chat.postMessage D-U2", "Goedkeuren")
			return card != ""
		})
		approve := regexp.MustCompile(`"value":"(/hours approve [^"]+)"`).FindStringSubmatch(card)
		if approve == nil {
			t.Fatalf("no Approve button on the card: %s", card)
		}
		press := func() string {
			payload := `{"type":"block_actions","user":{"id":"U2","team_id":"T1"},"team":{"id":"T1"},"channel":{"id":"D-U2"},` +
				`"container":{"type":"message","channel_id":"D-U2","message_ts":"1700000000.000001"},"response_url":"` + platform.URL + `/slack/response",` +
				`"actions":[{"type":"button","block_id":"b0","action_id":"werkplek.0","value":` + jsonString(approve[1]) + `}]}`
			code, answer := signed("/slack/interactions", url.Values{"payload": {payload}}.Encode())
			if code != 200 {
				t.Fatalf("Approve pressed: %d %s", code, answer)
			}
			return answer
		}
		press()
		t.Cleanup(func() {
			if t.Failed() {
				fake.mu.Lock()
				defer fake.mu.Unlock()
				t.Logf("Slack calls:\n%s", strings.Join(fake.calls, "\n"))
			}
		})
		waitFor(t, 60*time.Second, "Jan told of the approval", func() bool {
			return fake.seen("chat.postMessage D-U1", "Anouk van den Berg keurde je week "+fmt.Sprint(week.Number), "8 uur · 46 km · € 10,58")
		})

		get := func(path, token string) (int, string) {
			req, _ := http.NewRequest(http.MethodGet, base+path, nil)
			if token != "" {
				req.Header.Set("Authorization", "Bearer "+token)
			}
			return do(t, req)
		}
		q := "/api/v1/timesheets?state=approved&from=" + week.First() + "&to=" + week.Last()
		code, body := get(q, token)
		var page api.Page
		if err := json.Unmarshal([]byte(body), &page); code != 200 || err != nil || len(page.Data) != 1 {
			t.Fatalf("the API: %d %s", code, body)
		}
		if s := page.Data[0]; s.Person.Email != "jan.devries@example.nl" || s.Person.EmployeeNumber != "10042" || s.Week != week.String() || s.State != "approved" ||
			s.Totals.Hours != 8 || s.Totals.Km != 46 || s.Totals.Allowance != 10.58 || s.ApprovedBy == nil || *s.ApprovedBy != "Anouk van den Berg" {
			t.Errorf("the approved week: %+v", s)
		}
		for _, wrong := range []string{"", "wpk_wrong", token + "x"} {
			if code, body := get(q, wrong); code != 401 || strings.Contains(body, "jan.devries") {
				t.Errorf("token %q: %d %s", wrong, code, body)
			}
		}

		waitFor(t, 60*time.Second, "the approval at the webhook", func() bool {
			mu.Lock()
			defer mu.Unlock()
			return len(events) > 0
		})
		// A second press finds the week approved already: nothing new.
		answer := press()
		waitFor(t, 60*time.Second, "the second press answered", func() bool {
			return strings.Contains(answer, "al goedgekeurd door Anouk van den Berg") || fake.seen("/slack/response", "al goedgekeurd door Anouk van den Berg")
		})
		m.stop()
		mu.Lock()
		defer mu.Unlock()
		if len(events) != 1 || !strings.Contains(events[0], `"type":"timesheet.approved"`) || !strings.Contains(events[0], `"employee_number":"10042"`) ||
			!strings.Contains(events[0], week.String()) {
			t.Errorf("webhook events: %q", events)
		}
	})
}

// jsonString writes s as a JSON string.
func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
