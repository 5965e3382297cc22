// Package markup reads the small markup of a reply's text (see intranet.Reply:
// *bold*, _italic_, `code`, [label](url) links, "- " bullet lines and
// <@USERID|name> mentions) into spans, once, so that every adapter writes the
// same reading in its own platform's way. A person mention the outbox did not
// rewrite for the platform (<@person:ID|name>, intranet.PersonMention) is
// read as its name.
//
// The rules are Slack's, where the subset comes from: a * or _ opens at the
// start of a word before a non-space and closes after a non-space at the end
// of a word, on the same line, so snake_case, 2*3 and "a * b" stay text.
// Code, links, mentions and bare web addresses are read whole and never hold
// a mark. Whatever does not parse is text: nothing is dropped. A backslash
// before one of the markup's signs (\ * _ ` [ ] < > -) makes it text, so
// that what a person typed shows as typed (intranet.Plain).
package markup

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is what a span is.
type Kind uint8

// The kinds of span Parse returns.
const (
	Text    Kind = iota // Text: the characters, line ends included
	Bold                // Children: the bold content
	Italic              // Children: the italic content
	Code                // Text: the code, verbatim
	Link                // URL: the target; Children: the label
	Mention             // ID: the user id; Name: the name to show, may be empty
	URL                 // Text: a web address written bare in the text
	Bullet              // a "- " opening a line; Indent: the spaces before it
)

// Span is one piece of parsed text.
type Span struct {
	Kind     Kind
	Text     string
	URL      string
	ID       string
	Name     string
	Indent   int
	Children []Span
}

// Who is a mention's name, or its id when it has none.
func (s Span) Who() string {
	if s.Name != "" {
		return s.Name
	}
	return s.ID
}

// Limits that keep parsing linear on hostile input: a link target or a
// mention longer than this is text.
const (
	maxURL     = 2048
	maxMention = 256
	maxDepth   = 8
)

// personMention opens the id of a mention of a phonebook person
// (intranet.PersonMention) that the outbox did not rewrite for the platform
// (a reply to a command, not an outbound message): it is text, the name, so
// that no platform gets an id it does not know.
const personMention = "person:"

// schemes are the link targets the subset knows; other targets stay text, so
// no javascript: link reaches a platform.
var schemes = []string{"https://", "http://", "mailto:", "tel:"}

// Parse reads s into spans. Adjacent text is one span; a text without marks
// is one Text span; the empty string gives none.
func Parse(s string) []Span {
	var out []Span
	for line := range strings.SplitAfterSeq(s, "\n") {
		body := strings.TrimLeft(line, " ")
		if rest, ok := strings.CutPrefix(body, "- "); ok {
			out = append(out, Span{Kind: Bullet, Indent: len(line) - len(body)})
			line = rest
		}
		out = appendSpans(out, inline(line, 0, false))
	}
	return out
}

// appendSpans appends spans to out, joining a leading text to out's last.
func appendSpans(out, spans []Span) []Span {
	for _, sp := range spans {
		if n := len(out); sp.Kind == Text && n > 0 && out[n-1].Kind == Text {
			out[n-1].Text += sp.Text
			continue
		}
		out = append(out, sp)
	}
	return out
}

// inline reads one line (or a part of one). In a link's label only emphasis
// and code are read.
func inline(s string, depth int, label bool) []Span {
	var out []Span
	text := 0
	unclosed := map[Kind]bool{} // a mark with no closer: later ones have none either
	for i := 0; i < len(s); {
		sp, end := Span{}, 0
		switch c := s[i]; {
		case c == '\\' && escaped(s, i):
			sp, end = Span{Kind: Text, Text: s[i+1 : i+2]}, i+2
		case c == '`':
			if j := codeEnd(s, i); j > 0 {
				sp, end = Span{Kind: Code, Text: s[i+1 : j-1]}, j
			}
		case (c == '*' || c == '_') && depth < maxDepth && !unclosed[emphasis(c)] && opens(s, i):
			if j := closer(s, i, label); j > 0 {
				sp, end = Span{Kind: emphasis(c), Children: inline(s[i+1:j], depth+1, label)}, j+1
			} else {
				unclosed[emphasis(c)] = true
			}
		case label:
		case c == '[':
			if l, j, url := linkEnd(s, i); j > 0 {
				sp, end = Span{Kind: Link, URL: url, Children: inline(s[i+1:l], depth+1, true)}, j
			}
		case c == '<':
			if j, id, name := mentionEnd(s, i); j > 0 && strings.HasPrefix(id, personMention) {
				sp, end = Span{Kind: Text, Text: name}, j
			} else if j > 0 {
				sp, end = Span{Kind: Mention, ID: id, Name: name}, j
			}
		case c == 'h' || c == 'H':
			if j := urlEnd(s, i); j > 0 {
				sp, end = Span{Kind: URL, Text: s[i:j]}, j
			}
		}
		if end == 0 {
			_, n := utf8.DecodeRuneInString(s[i:])
			i += n
			continue
		}
		if text < i {
			out = append(out, Span{Kind: Text, Text: s[text:i]})
		}
		out = appendSpans(out, []Span{sp})
		i, text = end, end
	}
	if text < len(s) {
		out = appendSpans(out, []Span{{Kind: Text, Text: s[text:]}})
	}
	return out
}

func emphasis(mark byte) Kind {
	if mark == '_' {
		return Italic
	}
	return Bold
}

// opens says whether the mark at i may open: at the start of a word, before
// a non-space that is not the same mark.
func opens(s string, i int) bool {
	c := s[i]
	next, _ := utf8.DecodeRuneInString(s[i+1:])
	if i+1 >= len(s) || unicode.IsSpace(next) || next == rune(c) {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	return i == 0 || !wordRune(prev) && prev != rune(c)
}

// closes says whether the mark at j may close: after a non-space that is not
// the same mark, at the end of a word.
func closes(s string, j int) bool {
	c := s[j]
	prev, _ := utf8.DecodeLastRuneInString(s[:j])
	if unicode.IsSpace(prev) || prev == rune(c) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(s[j+1:])
	return j+1 == len(s) || !wordRune(next) && next != rune(c)
}

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// closer finds the mark closing the one at i, stepping over code, links,
// mentions and addresses whole; 0 when there is none on the line.
func closer(s string, i int, label bool) int {
	c := s[i]
	for j := i + 1; j < len(s) && s[j] != '\n'; {
		if s[j] == c && j > i+1 && closes(s, j) {
			return j
		}
		end := 0
		switch s[j] {
		case '\\':
			if escaped(s, j) {
				end = j + 2
			}
		case '`':
			end = codeEnd(s, j)
		case '[':
			if !label {
				_, end, _ = linkEnd(s, j)
			}
		case '<':
			if !label {
				end, _, _ = mentionEnd(s, j)
			}
		case 'h', 'H':
			if !label {
				end = urlEnd(s, j)
			}
		}
		if end > 0 {
			j = end
			continue
		}
		_, n := utf8.DecodeRuneInString(s[j:])
		j += n
	}
	return 0
}

// escapable are the signs a backslash makes text.
const escapable = "\\*_`[]<>-"

// escaped says whether the backslash at i escapes the sign after it.
func escaped(s string, i int) bool {
	return i+1 < len(s) && strings.IndexByte(escapable, s[i+1]) >= 0
}

// codeEnd is the end of the code span opening at i, or 0.
func codeEnd(s string, i int) int {
	j := strings.IndexAny(s[i+1:], "`\n")
	if j <= 0 || s[i+1+j] != '`' {
		return 0
	}
	return i + j + 2
}

// linkEnd reads [label](target) at i: the label's end, the link's end and
// the target; end 0 when there is no link with a known scheme. A target may
// hold balanced parentheses (Wikipedia's) but no space.
func linkEnd(s string, i int) (labelEnd, end int, url string) {
	l := strings.IndexAny(s[i+1:], "[]\n")
	if l <= 0 || s[i+1+l] != ']' {
		return 0, 0, ""
	}
	labelEnd = i + 1 + l
	if !strings.HasPrefix(s[labelEnd:], "](") {
		return 0, 0, ""
	}
	start := labelEnd + 2
	depth := 0
	for j := start; j < len(s) && j-start <= maxURL; j++ {
		switch c := s[j]; {
		case c == '(':
			depth++
		case c == ')' && depth > 0:
			depth--
		case c == ')':
			url = s[start:j]
			if !knownScheme(url) {
				return 0, 0, ""
			}
			return labelEnd, j + 1, url
		case c <= ' ' || c == '<' || c == '>':
			return 0, 0, ""
		}
	}
	return 0, 0, ""
}

func knownScheme(url string) bool {
	for _, p := range schemes {
		if len(url) > len(p) && strings.EqualFold(url[:len(p)], p) {
			return true
		}
	}
	return false
}

// mentionEnd reads <@ID> or <@ID|name> at i: the end, the id and the name;
// end 0 when there is none. An id has no space; a name may have spaces.
func mentionEnd(s string, i int) (end int, id, name string) {
	if !strings.HasPrefix(s[i:], "<@") {
		return 0, "", ""
	}
	rest := s[i+2 : min(len(s), i+2+maxMention)]
	j := strings.IndexAny(rest, "<>\n")
	if j <= 0 || rest[j] != '>' {
		return 0, "", ""
	}
	id, name, _ = strings.Cut(rest[:j], "|")
	if id == "" || strings.IndexFunc(id, unicode.IsSpace) >= 0 {
		return 0, "", ""
	}
	return i + 2 + j + 1, id, name
}

// urlEnd reads a bare http(s) address at i, the way chat clients link one:
// up to a space, without trailing punctuation or an unbalanced ")".
func urlEnd(s string, i int) int {
	if i > 0 {
		if prev, _ := utf8.DecodeLastRuneInString(s[:i]); wordRune(prev) {
			return 0
		}
	}
	scheme := 0
	for _, p := range []string{"https://", "http://"} {
		if len(s)-i > len(p) && strings.EqualFold(s[i:i+len(p)], p) {
			scheme = len(p)
		}
	}
	if scheme == 0 {
		return 0
	}
	end := i + scheme
	for end < len(s) && s[end] > ' ' && s[end] != '<' && s[end] != '>' {
		end++
	}
	for end > i+scheme {
		c := s[end-1]
		if strings.IndexByte(".,:;!?'\"*_~", c) >= 0 || c == ')' && strings.Count(s[i:end], "(") < strings.Count(s[i:end], ")") {
			end--
			continue
		}
		break
	}
	if end == i+scheme {
		return 0
	}
	return end
}

// Unwrap replaces every span of kind k (Bold or Italic) by its content,
// for a renderer that sets a whole run in that style and cannot nest it.
func Unwrap(spans []Span, k Kind) []Span {
	var out []Span
	for _, sp := range spans {
		if sp.Kind == k {
			out = appendSpans(out, Unwrap(sp.Children, k))
			continue
		}
		sp.Children = Unwrap(sp.Children, k)
		out = appendSpans(out, []Span{sp})
	}
	return out
}

// Plain writes spans as plain text, for what shows no formatting (a button,
// a notification): marks go, a link shows its label, a bullet stays "- ",
// and a mention shows what name makes of it (nil: its name, else its id).
func Plain(spans []Span, name func(Span) string) string {
	var b strings.Builder
	writePlain(&b, spans, name)
	return b.String()
}

func writePlain(b *strings.Builder, spans []Span, name func(Span) string) {
	for _, sp := range spans {
		switch sp.Kind {
		case Text, Code, URL:
			b.WriteString(sp.Text)
		case Bold, Italic, Link:
			writePlain(b, sp.Children, name)
		case Mention:
			if name != nil {
				b.WriteString(name(sp))
			} else {
				b.WriteString(sp.Who())
			}
		case Bullet:
			b.WriteString(strings.Repeat(" ", sp.Indent) + "- ")
		}
	}
}
