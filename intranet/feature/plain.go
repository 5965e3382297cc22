package feature

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// wordJoiner is an invisible character that keeps "@" from the name after
// it, so that no platform reads the pair as a mention.
const wordJoiner = "\u2060"

// Unping makes text that people typed for others to read (a comment) safe
// to show anywhere: it pings nobody. A mention in reply markup
// (<@U123|name>, <@U123>) becomes "@name" written as text; "@" at the
// start of a word (@here, @channel, @all, @everyone, @someone on
// Mattermost) gets a word joiner after it; Slack's special mentions
// (<!here>, <!channel>, <!everyone>, <!subteam^…>) lose their "<!" the same
// way. An email address (jan@example.nl) stays as typed: its "@" starts no
// word. The text reads the same.
func Unping(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case strings.HasPrefix(s[i:], "<@"):
			if end := strings.IndexByte(s[i:], '>'); end > 0 && !strings.ContainsAny(s[i+2:i+end], " \n<") {
				inner := s[i+2 : i+end]
				name := inner
				if _, n, ok := strings.Cut(inner, "|"); ok && n != "" {
					name = n
				}
				b.WriteString("@" + wordJoiner + name)
				i += end + 1
				continue
			}
			b.WriteString("<@" + wordJoiner)
			i += 2
			continue
		case strings.HasPrefix(s[i:], "<!"):
			b.WriteString("<" + wordJoiner + "!")
			i += 2
			continue
		case r == '@' || r == '＠':
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			b.WriteRune(r)
			if i == 0 || !(unicode.IsLetter(prev) || unicode.IsDigit(prev) || prev == '.' || prev == '_' || prev == '-') {
				b.WriteString(wordJoiner)
			}
			i += size
			continue
		}
		b.WriteRune(r)
		i += size
	}
	return b.String()
}
