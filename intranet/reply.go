package intranet

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Reply is what the core answers, in a platform-neutral form that each adapter
// renders as a pure function (Block Kit, Mattermost attachments, Adaptive
// Cards, plain text).
//
// Text uses a small markdown subset that every platform can show: *bold*,
// _italic_, `code`, [label](url) links, "- " bullet lines, and mentions
// written as <@USERID|name> that adapters turn into their own mention syntax.
type Reply struct {
	Visibility Visibility `json:"visibility,omitempty"`
	// Lang is the language the reply was written in ("nl" or "en"), so an
	// adapter can label its own chrome (a modal's Cancel button) to match.
	Lang  string `json:"lang,omitempty"`
	Title string `json:"title,omitempty"`
	Text  string `json:"text,omitempty"`
	// Sections hold structured blocks: a person's card, one item of a list.
	Sections []Section `json:"sections,omitempty"`
	// Buttons are the reply's own buttons, shown after its sections.
	Buttons []Button `json:"buttons,omitempty"`
	// Context lines are small print under the reply ("10 of 38 shown").
	Context []string `json:"context,omitempty"`
	// Typing marks Context lines that only say what to type for what the
	// web offers on its pages with a button or form of its own (the rooms
	// page's booking form, the stats' CSV button). Chat shows them as
	// Context; the web leaves them out.
	Typing []string `json:"typing,omitempty"`
	// ReplaceOriginal asks the adapter to replace the message the pressed
	// button was on, instead of answering with a new message.
	ReplaceOriginal bool `json:"replace_original,omitempty"`
	// Form, when set, asks the adapter to open a form. Adapters without forms
	// show Text, which names the typed command that does the same.
	Form *Form `json:"form,omitempty"`
	// FieldErrors are validation errors of a submitted form, by field name;
	// adapters that show forms show each next to its field.
	FieldErrors map[string]string `json:"field_errors,omitempty"`
	// Charts are numbers the web draws; Text says the same in words.
	Charts []Chart `json:"charts,omitempty"`
	// File is a download the web serves; Text says where to get it.
	File *File `json:"file,omitempty"`
}

// Visibility says who sees a reply.
type Visibility int

// Ephemeral (only the person who asked) is the default; InChannel replies are
// seen by everyone in the channel.
const (
	Ephemeral Visibility = iota
	InChannel
)

// Section is one block of a reply.
type Section struct {
	Title   string   `json:"title,omitempty"`
	Text    string   `json:"text,omitempty"`
	Fields  []Field  `json:"fields,omitempty"`
	Buttons []Button `json:"buttons,omitempty"`
}

// Field is one label/value pair of a section (a contact card's "Mobile").
// Value uses the same markdown subset as Reply.Text.
type Field struct {
	Label string `json:"label,omitempty"`
	Value string `json:"value,omitempty"`
}

// Button triggers Command again when pressed. Command is also the typed
// equivalent, so clients without buttons can do the same (the console prints
// it beside the label).
type Button struct {
	Label   string      `json:"label,omitempty"`
	Style   ButtonStyle `json:"style,omitempty"`
	Command string      `json:"command,omitempty"`
	// Confirm, when set, asks the person to confirm before the press counts.
	Confirm *Confirm `json:"confirm,omitempty"`
}

// ButtonStyle is a hint for the button's colour.
type ButtonStyle int

// Button styles as the platforms know them.
const (
	StyleDefault ButtonStyle = iota
	StylePrimary
	StyleDanger
)

// Confirm is a confirmation dialog shown before a button's action runs.
type Confirm struct {
	Title   string `json:"title,omitempty"`
	Text    string `json:"text,omitempty"`
	Confirm string `json:"confirm,omitempty"`
	Deny    string `json:"deny,omitempty"`
}

// Form asks the person for several values at once. Submitting it produces a
// Request with a FormSubmission carrying ID and the values by field name.
type Form struct {
	ID          string      `json:"id,omitempty"`
	Title       string      `json:"title,omitempty"`
	SubmitLabel string      `json:"submit_label,omitempty"`
	Fields      []FormField `json:"fields,omitempty"`
	// Command is the typed command with key:value options that does the same,
	// for clients without forms ("/news post <title> | <body> [topic:<t>]").
	Command string `json:"command,omitempty"`
}

// FormField is one input of a form.
type FormField struct {
	Name        string    `json:"name,omitempty"`
	Label       string    `json:"label,omitempty"`
	Kind        FieldKind `json:"kind,omitempty"`
	Required    bool      `json:"required,omitempty"`
	Placeholder string    `json:"placeholder,omitempty"`
	// Value is the initial value.
	Value string `json:"value,omitempty"`
	// Options are the choices of a Choice field.
	Options []Option `json:"options,omitempty"`
	// MaxLength limits text fields; 0 means the platform's default.
	MaxLength int `json:"max_length,omitempty"`
}

// FieldKind is the kind of input a form field asks for.
type FieldKind int

// The input kinds every form-capable adapter renders.
const (
	FieldText FieldKind = iota
	FieldLongText
	FieldChoice
	FieldDate
	FieldTime
	FieldYesNo
)

// Option is one choice of a Choice field.
type Option struct {
	Label string `json:"label,omitempty"`
	Value string `json:"value,omitempty"`
}

var (
	visibilityNames = []string{"ephemeral", "in_channel"}
	styleNames      = []string{"default", "primary", "danger"}
	fieldKindNames  = []string{"text", "long_text", "choice", "date", "time", "yes_no"}
)

// MarshalText writes the visibility by name, so JSON replies read well.
func (v Visibility) MarshalText() ([]byte, error) { return enumText(visibilityNames, int(v)) }

// UnmarshalText reads a visibility by name.
func (v *Visibility) UnmarshalText(b []byte) error {
	return enumParse(visibilityNames, string(b), (*int)(v))
}

// MarshalText writes the style by name.
func (s ButtonStyle) MarshalText() ([]byte, error) { return enumText(styleNames, int(s)) }

// UnmarshalText reads a style by name.
func (s *ButtonStyle) UnmarshalText(b []byte) error {
	return enumParse(styleNames, string(b), (*int)(s))
}

// MarshalText writes the field kind by name.
func (k FieldKind) MarshalText() ([]byte, error) { return enumText(fieldKindNames, int(k)) }

// UnmarshalText reads a field kind by name.
func (k *FieldKind) UnmarshalText(b []byte) error {
	return enumParse(fieldKindNames, string(b), (*int)(k))
}

func enumText(names []string, i int) ([]byte, error) {
	if i < 0 || i >= len(names) {
		return nil, fmt.Errorf("unknown value %d", i)
	}
	return []byte(names[i]), nil
}

func enumParse(names []string, s string, dst *int) error {
	for i, n := range names {
		if n == s {
			*dst = i
			return nil
		}
	}
	return fmt.Errorf("unknown value %q", s)
}

// Plain writes text a person typed (an ad on the bulletin board) so that it
// shows as typed in a reply's markup: every sign of the markup is escaped
// with a backslash (a link or a mention typed is shown, not made), bare web
// addresses stay links, and an "@" that starts a mention (@here,
// @channel, @jan.devries; not the one in an email address) gets an
// invisible word joiner after it, so that nobody is pinged on any platform.
func Plain(s string) string {
	var b strings.Builder
	lines := strings.Split(s, "\n")
	for li, line := range lines {
		if li > 0 {
			b.WriteByte('\n')
		}
		for i, word := range strings.Split(line, " ") {
			if i > 0 {
				b.WriteByte(' ')
			}
			low := strings.ToLower(word)
			if (strings.HasPrefix(low, "https://") || strings.HasPrefix(low, "http://")) && !strings.ContainsAny(word, "<>\\") {
				b.WriteString(word)
				continue
			}
			for j, r := range word {
				switch {
				case r == '-' && j == 0 && strings.TrimSpace(strings.Join(strings.Split(line, " ")[:i], "")) == "":
					b.WriteString(`\-`)
				case strings.ContainsRune("\\*_`[]<>", r):
					b.WriteByte('\\')
					b.WriteRune(r)
				case (r == '@' || r == '＠') && startsMention(word[:j]):
					b.WriteRune(r)
					b.WriteString("\u2060")
				default:
					b.WriteRune(r)
				}
			}
		}
	}
	return b.String()
}

// startsMention says whether an @ after before (the word up to it) starts
// a mention: at the start of a word or after a sign such as "(", not inside
// an email address (jan@example.nl), whose "@" follows a name.
func startsMention(before string) bool {
	prev, _ := utf8.DecodeLastRuneInString(before)
	return before == "" || !(unicode.IsLetter(prev) || unicode.IsDigit(prev) || prev == '.' || prev == '_' || prev == '-')
}
