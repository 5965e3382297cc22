package slack

import (
	"net/url"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/werkplek/werkplek/intranet"
)

// The fuzz tests run their seed corpus in every `go test`; `go test -fuzz
// FuzzParseEvent` explores further (add -fuzzminimizetime=2x: minimizing
// the large JSON seeds otherwise stalls the run). Parsing must never panic, and what it
// accepts must be a well-formed request.

func FuzzParseCommand(f *testing.F) {
	f.Add(string(fixture(f, "slash_command.form")))
	f.Add("team_id=T1&user_id=U1&command=%2Fphonebook&text=")
	f.Add("command=%2F&text=%26amp%3B%3C%40U1%7Cx%3E")
	f.Add("team_id=T1&user_id=U1&command=phonebook")
	f.Add("%zz")
	f.Fuzz(func(t *testing.T, body string) {
		v, err := url.ParseQuery(body)
		if err != nil {
			return
		}
		in, err := parseCommand(commandFromForm(v))
		if err != nil {
			return
		}
		if in.kind != kindCommand || in.req.User.ID == "" || in.req.Installation == "" || !strings.HasPrefix(in.req.Text, in.command) {
			t.Errorf("accepted a malformed command: %+v", in)
		}
	})
}

func FuzzParseInteraction(f *testing.F) {
	f.Add(fixture(f, "block_actions.json"))
	f.Add(fixture(f, "block_actions_home.json"))
	f.Add(fixture(f, "view_submission.json"))
	f.Add([]byte(`{"type":"view_submission","user":{"id":"U1"},"team":{"id":"T1"},"view":{"private_metadata":"{"}}`))
	f.Add([]byte(`{"type":"block_actions","user":{"id":"U1"},"team":{"id":"T1"},"actions":[{"type":"button","value":"/x"}],"state":[]}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, payload []byte) {
		in, err := parseInteraction(payload)
		if err != nil {
			return
		}
		switch in.kind {
		case kindAction:
			if in.req.Action == nil || in.req.Action.Command == "" {
				t.Errorf("action without a command: %+v", in)
			}
		case kindSubmission:
			if in.req.Form == nil || in.req.Form.FormID == "" {
				t.Errorf("submission without a form id: %+v", in)
			}
		default:
			t.Errorf("unexpected kind %v", in.kind)
		}
		if in.req.User.ID == "" || in.req.Platform != intranet.PlatformSlack {
			t.Errorf("request without a user: %+v", in.req)
		}
	})
}

func FuzzParseEvent(f *testing.F) {
	f.Add(fixture(f, "event_app_mention.json"))
	f.Add(fixture(f, "event_message_im.json"))
	f.Add(fixture(f, "event_app_home_opened.json"))
	f.Add(fixture(f, "url_verification.json"))
	f.Add([]byte(`{"type":"event_callback","event_id":"E1","event":{"type":"message","channel_type":"im","user":"U1","channel":"D1","text":"<@U2|x> &amp;"}}`))
	f.Add([]byte(`{"type":"event_callback","event_id":"E1","event":null}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		ev, err := parseEvent(body)
		if err != nil || ev.challenge != "" {
			return
		}
		home := ev.in.kind == kindHome && ev.in.req.Text == HomeCommand
		if ev.eventID == "" || ev.in.kind != kindMessage && !home || strings.TrimSpace(ev.in.req.Text) == "" || ev.in.req.User.ID == "" || ev.in.req.Channel.ID == "" && !home {
			t.Errorf("accepted a malformed event: %+v", ev)
		}
	})
}

func FuzzMrkdwn(f *testing.F) {
	f.Add("*bold* [a](https://x.nl) <@U1|jan> - bullet & <tag>")
	f.Add("[x](tel:+31)")
	f.Add(strings.Repeat("[", 100))
	f.Fuzz(func(t *testing.T, s string) {
		out := Mrkdwn(s)
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Errorf("Mrkdwn(%q) is not valid UTF-8", s)
		}
		// Every < or > in the output is Slack markup we made: links and mentions.
		rest := inlineOut.ReplaceAllString(out, "")
		if strings.ContainsAny(rest, "<>") {
			t.Errorf("Mrkdwn(%q) = %q leaks a raw < or >", s, out)
		}
	})
}

var inlineOut = regexp.MustCompile(`<(?:@[A-Za-z0-9]+|(?:https?://|mailto:)[^<>|\s]+\|[^<>]*)>`)
