package mattermost

// Werkplek's markup written as Mattermost markdown
// (https://docs.mattermost.com/collaborate/format-messages.html), and as
// plain text where Mattermost shows no formatting.

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/werkplek/werkplek/adapters/internal/markup"
)

var usernameRE = regexp.MustCompile(`^[a-z0-9._-]+$`)

// mention renders <@ID|name>: Mattermost markdown mentions by username.
func mention(id, name string) string {
	if name == "" {
		name = id
	}
	if n := strings.ToLower(strings.TrimPrefix(name, "@")); usernameRE.MatchString(n) {
		return "@" + n
	}
	return name
}

// toMarkdown writes Werkplek's markup as Mattermost markdown: *bold* becomes
// **bold**, <@ID|name> becomes @name; _italic_, `code`, [label](url) links and
// "- " bullets are the same in both. Text that only looks like markdown
// ("2*3*4", "_tmp") is escaped, so that Mattermost shows it as written.
func toMarkdown(s string) string {
	var b strings.Builder
	writeMarkdown(&b, markup.Parse(s))
	return b.String()
}

func writeMarkdown(b *strings.Builder, spans []markup.Span) {
	for _, sp := range spans {
		switch sp.Kind {
		case markup.Text:
			b.WriteString(escapeMarkdown(sp.Text))
		case markup.URL:
			b.WriteString(sp.Text)
		case markup.Bold, markup.Italic:
			mark := "**"
			if sp.Kind == markup.Italic {
				mark = "_"
			}
			b.WriteString(mark)
			writeMarkdown(b, sp.Children)
			b.WriteString(mark)
		case markup.Code:
			b.WriteString("`" + sp.Text + "`")
		case markup.Link:
			b.WriteString("[")
			writeMarkdown(b, sp.Children)
			b.WriteString("](" + sp.URL + ")")
		case markup.Mention:
			b.WriteString(escapeMarkdown(mention(sp.ID, sp.Name)))
		case markup.Bullet:
			b.WriteString(strings.Repeat(" ", sp.Indent) + "- ")
		}
	}
}

// escapeMarkdown escapes what Mattermost would read as markup: every \\, `,
// [ and ], and a * or _ unless it stands inside a word (snake_case) or
// between spaces ("a * b"), where Mattermost reads it as text too.
func escapeMarkdown(s string) string {
	if !strings.ContainsAny(s, "\\`[]*_") {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		switch r {
		case '\\', '`', '[', ']':
			b.WriteByte('\\')
		case '*', '_':
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			next, _ := utf8.DecodeRuneInString(s[i+1:])
			inWord := r == '_' && wordRune(prev) && wordRune(next)
			spaced := (i == 0 || unicode.IsSpace(prev)) && (i+1 == len(s) || unicode.IsSpace(next))
			if !inWord && !spaced {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// stripMarkup writes the markup as plain text for places that show no
// formatting (attachment titles, field labels, button names, footers,
// notification fallbacks): marks go, a link shows its label.
func stripMarkup(s string) string {
	return markup.Plain(markup.Parse(s), func(sp markup.Span) string { return mention(sp.ID, sp.Name) })
}

// italicLine writes a context line in italics; italics inside it are
// dropped, because markdown does not nest them.
func italicLine(s string) string {
	var b strings.Builder
	writeMarkdown(&b, markup.Unwrap(markup.Parse(oneLine(s)), markup.Italic))
	return "_" + strings.TrimSpace(b.String()) + "_"
}

// plainMarkdown is plain text set in markdown: a title between ** marks.
func plainMarkdown(s string) string { return escapeMarkdown(stripMarkup(s)) }
