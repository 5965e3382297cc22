// Package console is the terminal chat: a local trial of Werkplek without any
// chat platform, and the surface scripted end-to-end tests drive. It renders
// replies as plain text, with every button's typed command beside its label.
package console

import (
	"fmt"
	"slices"
	"strings"

	"github.com/werkplek/werkplek/adapters/internal/markup"
	"github.com/werkplek/werkplek/intranet"
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
	fields := make([]string, 0, len(r.FieldErrors))
	for field := range r.FieldErrors {
		fields = append(fields, field)
	}
	slices.Sort(fields)
	for _, field := range fields {
		line(fmt.Sprintf("! %s: %s", field, plain(r.FieldErrors[field])))
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

// plain writes the markup as terminal text: links become "label <target>"
// (just the label when it is the target already), mentions become @name,
// emphasis and code keep their marks, which read well as they are.
func plain(s string) string {
	var b strings.Builder
	write(&b, markup.Parse(s))
	return b.String()
}

func write(b *strings.Builder, spans []markup.Span) {
	for _, sp := range spans {
		switch sp.Kind {
		case markup.Text, markup.URL:
			b.WriteString(sp.Text)
		case markup.Bold, markup.Italic:
			mark := "*"
			if sp.Kind == markup.Italic {
				mark = "_"
			}
			b.WriteString(mark)
			write(b, sp.Children)
			b.WriteString(mark)
		case markup.Code:
			b.WriteString("`" + sp.Text + "`")
		case markup.Link:
			write(b, sp.Children)
			target := strings.TrimPrefix(strings.TrimPrefix(sp.URL, "mailto:"), "tel:")
			if target != markup.Plain(sp.Children, nil) {
				b.WriteString(" <" + sp.URL + ">")
			}
		case markup.Mention:
			b.WriteString("@" + sp.Who())
		case markup.Bullet:
			b.WriteString(strings.Repeat(" ", sp.Indent) + "- ")
		}
	}
}
