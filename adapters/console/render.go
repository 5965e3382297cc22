// Package console is the terminal chat: a local trial of Werkplek without any
// chat platform, and the surface scripted end-to-end tests drive. It renders
// replies as plain text, with every button's typed command beside its label.
package console

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/werkplek/werkplek/intranet"
)

var (
	linkRe    = regexp.MustCompile(`\[([^\]]+)\]\(([^)]+)\)`)
	mentionRe = regexp.MustCompile(`<@([^|>]+)\|([^>]+)>|<@([^>]+)>`)
)

// Render turns a reply into the text a terminal shows: title, text,
// sections with "Label: value" lines, buttons as [Label: /typed command],
// context lines, and a form as the command that does the same.
func Render(r intranet.Reply) string {
	var b strings.Builder
	line := func(s string) {
		b.WriteString(s)
		b.WriteByte('\n')
	}
	if r.Title != "" {
		line("== " + plain(r.Title) + " ==")
	}
	if r.Text != "" {
		line(plain(r.Text))
	}
	for _, s := range r.Sections {
		if s.Title != "" {
			line("-- " + plain(s.Title) + " --")
		}
		if s.Text != "" {
			line(plain(s.Text))
		}
		for _, f := range s.Fields {
			line(fmt.Sprintf("  %s: %s", plain(f.Label), plain(f.Value)))
		}
		if len(s.Buttons) > 0 {
			line("  " + buttons(s.Buttons))
		}
	}
	if len(r.Buttons) > 0 {
		line(buttons(r.Buttons))
	}
	if r.Form != nil {
		line(fmt.Sprintf("(%s: %s)", plain(r.Form.Title), r.Form.Command))
	}
	for field, msg := range r.FieldErrors {
		line(fmt.Sprintf("! %s: %s", field, plain(msg)))
	}
	for _, c := range r.Context {
		line("  " + plain(c))
	}
	return b.String()
}

func buttons(bs []intranet.Button) string {
	parts := make([]string, len(bs))
	for i, x := range bs {
		parts[i] = fmt.Sprintf("[%s: %s]", plain(x.Label), x.Command)
	}
	return strings.Join(parts, " ")
}

// plain turns the markdown subset into terminal text: links become
// "label <target>" (just the label when it is the target already), mentions
// become @name, emphasis marks stay as they are readable.
func plain(s string) string {
	s = linkRe.ReplaceAllStringFunc(s, func(m string) string {
		p := linkRe.FindStringSubmatch(m)
		target := strings.TrimPrefix(strings.TrimPrefix(p[2], "mailto:"), "tel:")
		if target == p[1] {
			return p[1]
		}
		return p[1] + " <" + p[2] + ">"
	})
	return mentionRe.ReplaceAllStringFunc(s, func(m string) string {
		p := mentionRe.FindStringSubmatch(m)
		if p[2] != "" {
			return "@" + p[2]
		}
		return "@" + p[3]
	})
}
