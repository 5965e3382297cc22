package slack

// Werkplek's markup written as Slack mrkdwn, and as plain text for Block
// Kit's plain_text objects.

import (
	"strings"

	"github.com/werkplek/werkplek/adapters/internal/markup"
)

// Mrkdwn writes Werkplek's markup as Slack mrkdwn
// (https://docs.slack.dev/messaging/formatting-message-text): *bold*,
// _italic_ and `code` keep their marks; [label](url) becomes <url|label>;
// "- " bullets become "• "; a mention <@ID|name> becomes <@ID>; &, < and >
// are escaped everywhere else. tel: links show their label only: Slack
// clients link phone numbers themselves and do not take tel: links.
func Mrkdwn(s string) string {
	var b strings.Builder
	writeMrkdwn(&b, markup.Parse(s))
	return b.String()
}

func writeMrkdwn(b *strings.Builder, spans []markup.Span) {
	for _, sp := range spans {
		switch sp.Kind {
		case markup.Text, markup.URL:
			b.WriteString(escape(sp.Text))
		case markup.Bold, markup.Italic:
			mark := "*"
			if sp.Kind == markup.Italic {
				mark = "_"
			}
			b.WriteString(mark)
			writeMrkdwn(b, sp.Children)
			b.WriteString(mark)
		case markup.Code:
			b.WriteString("`" + escape(sp.Text) + "`")
		case markup.Link:
			if strings.HasPrefix(strings.ToLower(sp.URL), "tel:") {
				writeMrkdwn(b, sp.Children)
				continue
			}
			b.WriteString("<" + strings.ReplaceAll(escape(sp.URL), "|", "%7C") + "|")
			writeMrkdwn(b, sp.Children)
			b.WriteString(">")
		case markup.Mention:
			if slackID(sp.ID) {
				b.WriteString("<@" + sp.ID + ">")
			} else {
				b.WriteString(escape("@" + sp.Who()))
			}
		case markup.Bullet:
			b.WriteString(strings.Repeat(" ", sp.Indent) + "• ")
		}
	}
}

// bold writes s as one bold run: bold inside it is dropped, because Slack
// does not nest bold.
func bold(s string) string {
	spans := markup.Parse(s)
	var b strings.Builder
	b.WriteString("*")
	writeMrkdwn(&b, markup.Unwrap(spans, markup.Bold))
	b.WriteString("*")
	return b.String()
}

// slackID says whether id is a Slack user id, which alone makes a mention.
func slackID(id string) bool {
	for _, r := range id {
		if !('A' <= r && r <= 'Z' || 'a' <= r && r <= 'z' || '0' <= r && r <= '9') {
			return false
		}
	}
	return id != ""
}

// unmark is text for plain_text objects: the markup's marks dropped, a
// link as its label and a mention as @name.
func unmark(s string) string {
	return markup.Plain(markup.Parse(s), func(sp markup.Span) string { return "@" + sp.Who() })
}

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// escape escapes Slack's three control characters.
func escape(s string) string { return escaper.Replace(s) }
