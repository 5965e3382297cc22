package harness

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/werkplek/werkplek/bench/fake"
)

// Platform sends a command the way one chat platform does.
type Platform struct {
	Name string
	// Settings turn the platform on in serve, with its Web API at the fake
	// platforms' address base.
	Settings func(base string) map[string]string
	// Request is user asking command (without its slash) with text, sent to
	// serve at serveURL; the answer's body is checked for want, unless the
	// platform answers asynchronously (Teams).
	Request func(serveURL, user, command, text string) *http.Request
	// Async: the answer goes to the connector, not in the HTTP answer.
	Async bool
}

// Fakes are the fake platforms on one loopback server.
type Fakes struct {
	Base       string
	Slack      *fake.Slack
	Mattermost fake.Mattermost
	Teams      *fake.Teams
	srv        *httptest.Server
	certFile   string
	teamsToken string
	late       atomic.Int64 // posts to a response_url
}

const (
	slackSecret   = "bench-slack-signing-secret"
	mmToken       = "bench-mattermost-command-token"
	teamsAppID    = "bench-teams-app"
	fakeTeamsPath = "/teams/"
)

// Platforms are the three chat platforms the harness drives, by name.
func (f *Fakes) Platforms() map[string]Platform {
	return map[string]Platform{
		"slack": {Name: "slack",
			Settings: func(base string) map[string]string {
				return map[string]string{"SLACK_SIGNING_SECRET": slackSecret, "SLACK_BOT_TOKEN": "xoxb-bench", "SLACK_API_URL": base + "/slack/api/"}
			},
			Request: func(serveURL, user, command, text string) *http.Request {
				form := url.Values{"command": {"/" + command}, "text": {text}, "user_id": {user}, "team_id": {"T1"},
					"channel_id": {"D" + user}, "channel_name": {"directmessage"}, "response_url": {f.Base + "/slack/response"}, "trigger_id": {"1.2.3"}}.Encode()
				return slackRequest(serveURL+"/slack/commands", form)
			},
		},
		"mattermost": {Name: "mattermost",
			Settings: func(base string) map[string]string {
				return map[string]string{"MATTERMOST_URL": base, "MATTERMOST_BOT_TOKEN": "bench-bot", "MATTERMOST_COMMAND_TOKENS": mmToken}
			},
			Request: func(serveURL, user, command, text string) *http.Request {
				form := url.Values{"command": {"/" + command}, "text": {text}, "user_id": {user}, "team_id": {"team1"},
					"channel_id": {"dm-" + user}, "token": {mmToken}, "response_url": {f.Base + "/hooks/commands/x"}, "trigger_id": {"t"}}.Encode()
				req, _ := http.NewRequest(http.MethodPost, serveURL+"/mattermost/command", strings.NewReader(form))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				req.Header.Set("Authorization", "Token "+mmToken)
				return req
			},
		},
		"teams": {Name: "teams", Async: true,
			Settings: func(base string) map[string]string { return f.Teams.Settings(base) },
			Request: func(serveURL, user, command, text string) *http.Request {
				activity := map[string]any{
					"type": "message", "id": fmt.Sprint(time.Now().UnixNano()), "channelId": "msteams", "serviceUrl": f.Teams.ServiceURL(f.Base),
					"from":         map[string]any{"id": "29:" + user, "name": user, "aadObjectId": "aad-" + user},
					"recipient":    map[string]any{"id": "28:" + teamsAppID, "name": "Werkplek"},
					"conversation": map[string]any{"id": "a:personal-" + user, "conversationType": "personal", "tenantId": "tenant-1"},
					"channelData":  map[string]any{"tenant": map[string]any{"id": "tenant-1"}},
					"text":         command + " " + text, "locale": "nl-NL",
				}
				b, _ := json.Marshal(activity)
				req, _ := http.NewRequest(http.MethodPost, serveURL+"/api/messages", bytes.NewReader(b))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Authorization", "Bearer "+f.teamsToken)
				return req
			},
		},
	}
}

// PlatformNames are the platforms in the order the table shows them.
var PlatformNames = []string{"slack", "mattermost", "teams"}

// slackRequest is a POST of a form signed as Slack signs its requests.
func slackRequest(u, body string) *http.Request {
	ts := fmt.Sprint(time.Now().Unix())
	mac := hmac.New(sha256.New, []byte(slackSecret))
	fmt.Fprintf(mac, "v0:%s:%s", ts, body)
	req, _ := http.NewRequest(http.MethodPost, u, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Slack-Request-Timestamp", ts)
	req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	return req
}
