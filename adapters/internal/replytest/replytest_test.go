package replytest

import (
	"fmt"
	"testing"
	"unicode/utf8"

	"github.com/werkplek/werkplek/intranet"
)

// The set covers every kind of reply: what a renderer must handle is in it,
// in both languages.
func TestRepliesCoverEveryKind(t *testing.T) {
	have := map[string]bool{}
	seen := map[string]bool{}
	for _, c := range Replies() {
		if seen[c.Name] || c.Name == "" {
			t.Errorf("case name %q empty or twice", c.Name)
		}
		seen[c.Name] = true
		r := c.Reply
		have["lang "+r.Lang] = true
		have["visibility "+map[intranet.Visibility]string{intranet.Ephemeral: "ephemeral", intranet.InChannel: "in channel"}[r.Visibility]] = true
		set := func(ok bool, kind string) {
			if ok {
				have[kind] = true
			}
		}
		set(r.Title != "", "title")
		set(utf8.RuneCountInString(r.Text) > 3000, "long text")
		set(len(r.Sections) > 10, "many sections")
		set(len(r.Context) > 0, "context")
		set(r.ReplaceOriginal, "replace original")
		set(r.Form != nil, "form")
		set(len(r.FieldErrors) > 0 && r.Form != nil, "field errors in a form")
		set(len(r.FieldErrors) > 0 && r.Form == nil, "field errors without a form")
		set(r.Title == "" && r.Text == "" && len(r.Sections) == 0, "buttons only")
		if r.Form != nil {
			for _, f := range r.Form.Fields {
				have[fmt.Sprintf("field kind %d", f.Kind)] = true
			}
		}
		buttons := r.Buttons
		for _, s := range r.Sections {
			set(len(s.Fields) > 0, "fields")
			set(s.Title != "", "section title")
			set(s.Text != "", "section text")
			set(len(s.Buttons) > 0, "section buttons")
			buttons = append(buttons, s.Buttons...)
		}
		for _, b := range buttons {
			have["style "+[]string{"default", "primary", "danger"}[b.Style]] = true
			set(b.Confirm != nil && b.Confirm.Confirm != "", "confirm with labels")
			set(b.Confirm != nil && b.Confirm.Title == "", "confirm without a title")
		}
	}
	for _, want := range []string{
		"lang nl", "lang en", "visibility ephemeral", "visibility in channel", "title", "long text", "many sections",
		"context", "replace original", "form", "field errors in a form", "field errors without a form", "buttons only",
		"field kind 0", "field kind 1", "field kind 2", "field kind 3", "field kind 4", "field kind 5",
		"fields", "section title", "section text", "section buttons", "style default", "style primary", "style danger",
		"confirm with labels", "confirm without a title",
	} {
		if !have[want] {
			t.Errorf("no golden reply has %s", want)
		}
	}
}

// Replies returns a fresh copy: a renderer that changes a reply cannot
// change the next adapter's input.
func TestRepliesFresh(t *testing.T) {
	a := Replies()
	a[0].Reply.Sections[0].Fields[0].Value = "changed"
	if Replies()[0].Reply.Sections[0].Fields[0].Value == "changed" {
		t.Error("Replies shares its values between calls")
	}
}
