package slack

// Rendering of the core's replies as Block Kit, following
// https://docs.slack.dev/reference/block-kit/blocks and the limits given
// there (50 blocks a message, 10 fields a section, 25 buttons an actions
// block, 24 characters for a modal title, ...). Every function here is pure.

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"github.com/werkplek/werkplek/intranet"
)

// Message is a message as Slack takes it in a slash command's response body,
// on a response_url, and (text and blocks) in chat.postMessage.
type Message struct {
	ResponseType    string        `json:"response_type,omitempty"`
	ReplaceOriginal bool          `json:"replace_original"`
	Text            string        `json:"text"`
	Blocks          []slack.Block `json:"blocks,omitempty"`
}

// Slack's limits, from the Block Kit reference.
const (
	maxBlocks        = 50
	maxHomeBlocks    = 100
	maxSectionText   = 3000
	maxFields        = 10
	maxFieldText     = 2000
	maxHeaderText    = 150
	maxButtons       = 25
	maxButtonText    = 75
	maxButtonValue   = 2000
	maxContextItems  = 10
	maxModalTitle    = 24
	maxOptionText    = 75
	maxOptionValue   = 150
	maxOptions       = 100
	maxPlaceholder   = 150
	maxInputLabel    = 2000
	maxConfirmTitle  = 100
	maxConfirmText   = 300
	maxConfirmButton = 30
	maxTextInput     = 3000
)

// RenderMessage renders a reply as a message: ephemeral or in channel as the
// reply says. A form is not part of a message; its Text (which names the
// typed command) is shown instead.
func RenderMessage(r intranet.Reply) Message {
	m := Message{ResponseType: "ephemeral", Text: fallbackText(r), Blocks: RenderBlocks(r)}
	if r.Visibility == intranet.InChannel {
		m.ResponseType = "in_channel"
	}
	if r.ReplaceOriginal {
		m.ReplaceOriginal = true
		m.ResponseType = ""
	}
	return m
}

// RenderBlocks renders a reply's content: a header for the title, sections
// for the text and the reply's sections (with fields and buttons), an
// actions block for the reply's buttons and a context block for the small
// print. Field errors outside a modal are listed as text.
func RenderBlocks(r intranet.Reply) []slack.Block { return renderBlocks(r, maxBlocks) }

// RenderHome renders a reply as the app's Home tab
// (https://docs.slack.dev/surfaces/app-home): the same blocks as a message,
// at most 100 of them. A home has no visibility and replaces nothing; a
// form, charts or a file show as the reply's text, as in a message.
func RenderHome(r intranet.Reply) slack.HomeTabViewRequest {
	r.Visibility, r.ReplaceOriginal = intranet.Ephemeral, false
	blocks := renderBlocks(r, maxHomeBlocks)
	if len(blocks) == 0 {
		blocks = textSections(word(r.Lang, "Nothing to show yet.", "Nog niets te tonen."))
	}
	return slack.HomeTabViewRequest{Type: slack.VTHomeTab, Blocks: slack.Blocks{BlockSet: blocks}}
}

// renderBlocks is RenderBlocks with at most limit blocks.
func renderBlocks(r intranet.Reply, limit int) []slack.Block {
	var blocks []slack.Block
	buttons := 0 // numbers action ids, which must be unique in a message
	if r.Title != "" {
		blocks = append(blocks, slack.NewHeaderBlock(plain(r.Title, maxHeaderText)))
	}
	if t := strings.TrimSpace(r.Text); t != "" {
		blocks = append(blocks, textSections(t)...)
	}
	if len(r.FieldErrors) > 0 {
		blocks = append(blocks, textSections(fieldErrorText(r.FieldErrors))...)
	}
	for _, s := range r.Sections {
		var head []string
		if s.Title != "" {
			head = append(head, bold(s.Title))
		}
		if t := strings.TrimSpace(s.Text); t != "" {
			head = append(head, Mrkdwn(t))
		}
		fields := make([]*slack.TextBlockObject, 0, len(s.Fields))
		for _, f := range s.Fields {
			fields = append(fields, mrkdwnObj(bold(f.Label)+"\n"+Mrkdwn(f.Value), maxFieldText))
		}
		var text *slack.TextBlockObject
		if len(head) > 0 {
			text = mrkdwnObj(strings.Join(head, "\n"), maxSectionText)
		}
		for first := true; first || len(fields) > 0; first = false {
			n := min(len(fields), maxFields)
			var chunk []*slack.TextBlockObject
			if n > 0 {
				chunk = fields[:n]
			}
			fields = fields[n:]
			if text == nil && chunk == nil {
				break
			}
			blocks = append(blocks, slack.NewSectionBlock(text, chunk, nil))
			text = nil
		}
		if len(s.Buttons) > 0 {
			blocks = append(blocks, actionsBlock(s.Buttons, r.Lang, &buttons))
		}
	}
	if len(r.Buttons) > 0 {
		blocks = append(blocks, actionsBlock(r.Buttons, r.Lang, &buttons))
	}
	if len(r.Context) > 0 {
		var els []slack.MixedElement
		for _, c := range r.Context {
			if len(els) == maxContextItems {
				break
			}
			els = append(els, mrkdwnObj(Mrkdwn(c), maxSectionText))
		}
		blocks = append(blocks, slack.NewContextBlock("", els...))
	}
	if len(blocks) > limit {
		blocks = append(blocks[:limit-1], slack.NewContextBlock("", mrkdwnObj("…", 10)))
	}
	return blocks
}

// textSections renders text as sections of at most maxSectionText
// characters, split at line ends where possible.
func textSections(t string) []slack.Block {
	var out []slack.Block
	md := Mrkdwn(t)
	for md != "" {
		chunk := md
		if utf8.RuneCountInString(chunk) > maxSectionText {
			chunk = string([]rune(md)[:maxSectionText])
			if i := strings.LastIndex(chunk, "\n"); i > maxSectionText/2 {
				chunk = chunk[:i]
			}
		}
		md = strings.TrimLeft(md[len(chunk):], "\n")
		out = append(out, slack.NewSectionBlock(mrkdwnObj(chunk, maxSectionText), nil, nil))
	}
	return out
}

func actionsBlock(bs []intranet.Button, lang string, n *int) *slack.ActionBlock {
	var els []slack.BlockElement
	for _, b := range bs {
		if len(els) == maxButtons {
			break
		}
		*n++
		// The value carries the typed command that the press runs again;
		// Slack sends it back verbatim.
		btn := slack.NewButtonBlockElement(fmt.Sprintf("werkplek.%d", *n), truncate(b.Command, maxButtonValue), plain(b.Label, maxButtonText))
		switch b.Style {
		case intranet.StylePrimary:
			btn.Style = slack.StylePrimary
		case intranet.StyleDanger:
			btn.Style = slack.StyleDanger
		}
		if c := b.Confirm; c != nil {
			obj := slack.NewConfirmationBlockObject(
				plain(firstNonEmpty(c.Title, word(lang, "Are you sure?", "Weet je het zeker?")), maxConfirmTitle),
				mrkdwnObj(Mrkdwn(firstNonEmpty(c.Text, c.Title, "?")), maxConfirmText),
				plain(firstNonEmpty(c.Confirm, word(lang, "Yes", "Ja")), maxConfirmButton),
				plain(firstNonEmpty(c.Deny, word(lang, "Cancel", "Annuleren")), maxConfirmButton),
			)
			if b.Style == intranet.StyleDanger {
				obj.Style = slack.StyleDanger
			}
			btn.Confirm = obj
		}
		els = append(els, btn)
	}
	return slack.NewActionBlock("", els...)
}

// RenderModal renders a form as a modal for views.open. Each input block's
// id is the field's name, so that a submission's state and the field errors
// Slack shows are keyed by field name. private_metadata carries the form id
// and the channel the form was opened from, where the answer goes.
func RenderModal(f intranet.Form, lang, channelID string) slack.ModalViewRequest {
	md, _ := json.Marshal(formMetadata{ChannelID: channelID, FormID: f.ID, Lang: lang})
	v := slack.ModalViewRequest{
		Type:            slack.VTModal,
		Title:           plain(firstNonEmpty(f.Title, "Werkplek"), maxModalTitle),
		Submit:          plain(firstNonEmpty(f.SubmitLabel, word(lang, "Send", "Versturen")), maxModalTitle),
		Close:           plain(word(lang, "Cancel", "Annuleren"), maxModalTitle),
		CallbackID:      truncate(f.ID, 255),
		PrivateMetadata: string(md),
	}
	for _, fld := range f.Fields {
		if len(v.Blocks.BlockSet) == maxBlocks {
			break
		}
		in := slack.NewInputBlock(fld.Name, plain(firstNonEmpty(fld.Label, fld.Name), maxInputLabel), nil, formElement(fld, lang))
		in.Optional = !fld.Required
		v.Blocks.BlockSet = append(v.Blocks.BlockSet, in)
	}
	return v
}

func formElement(f intranet.FormField, lang string) slack.BlockElement {
	var ph *slack.TextBlockObject
	if f.Placeholder != "" {
		ph = plain(f.Placeholder, maxPlaceholder)
	}
	switch f.Kind {
	case intranet.FieldChoice:
		var opts []*slack.OptionBlockObject
		var initial *slack.OptionBlockObject
		for _, o := range f.Options {
			if len(opts) == maxOptions {
				break
			}
			opt := slack.NewOptionBlockObject(truncate(o.Value, maxOptionValue), plain(firstNonEmpty(o.Label, o.Value), maxOptionText), nil)
			if o.Value == f.Value && f.Value != "" {
				initial = opt
			}
			opts = append(opts, opt)
		}
		if ph == nil {
			ph = plain(word(lang, "Choose", "Kies"), maxPlaceholder)
		}
		el := slack.NewOptionsSelectBlockElement(slack.OptTypeStatic, ph, f.Name, opts...)
		el.InitialOption = initial
		return el
	case intranet.FieldDate:
		el := slack.NewDatePickerBlockElement(f.Name)
		el.Placeholder = ph
		el.InitialDate = f.Value
		return el
	case intranet.FieldTime:
		el := slack.NewTimePickerBlockElement(f.Name)
		el.Placeholder = ph
		el.InitialTime = f.Value
		return el
	case intranet.FieldYesNo:
		// Submitted as "yes" or "no".
		yes := slack.NewOptionBlockObject("yes", plain(word(lang, "Yes", "Ja"), maxOptionText), nil)
		no := slack.NewOptionBlockObject("no", plain(word(lang, "No", "Nee"), maxOptionText), nil)
		el := slack.NewRadioButtonsBlockElement(f.Name, yes, no)
		switch strings.ToLower(f.Value) {
		case "yes", "true", "ja":
			el.InitialOption = yes
		case "no", "false", "nee":
			el.InitialOption = no
		}
		return el
	default: // FieldText, FieldLongText
		el := slack.NewPlainTextInputBlockElement(ph, f.Name)
		el.Multiline = f.Kind == intranet.FieldLongText
		el.InitialValue = f.Value
		if f.MaxLength > 0 {
			el.MaxLength = min(f.MaxLength, maxTextInput)
		}
		return el
	}
}

// RenderFieldErrors renders a submission's validation errors as the
// view_submission response that shows each next to its field and keeps the
// modal open.
func RenderFieldErrors(errs map[string]string) *slack.ViewSubmissionResponse {
	out := make(map[string]string, len(errs))
	for k, v := range errs {
		out[k] = truncate(v, 2000)
	}
	return slack.NewErrorsViewSubmissionResponse(out)
}

// fieldErrorText lists field errors as text, in a stable order, for where
// they cannot stand next to their field.
func fieldErrorText(errs map[string]string) string {
	keys := make([]string, 0, len(errs))
	for k := range errs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "- *%s*: %s", k, errs[k])
	}
	return b.String()
}

// fallbackText is the message's top-level text: what notifications and
// screen readers show.
func fallbackText(r intranet.Reply) string {
	var parts []string
	if r.Title != "" {
		parts = append(parts, bold(r.Title))
	}
	if t := strings.TrimSpace(r.Text); t != "" {
		parts = append(parts, Mrkdwn(t))
	}
	if len(parts) == 0 && len(r.Sections) > 0 {
		parts = append(parts, Mrkdwn(firstNonEmpty(r.Sections[0].Title, r.Sections[0].Text)))
	}
	if len(parts) == 0 && len(r.FieldErrors) > 0 {
		parts = append(parts, Mrkdwn(fieldErrorText(r.FieldErrors)))
	}
	return truncate(strings.Join(parts, "\n"), maxSectionText)
}

func plain(s string, max int) *slack.TextBlockObject {
	s = unmark(s)
	if strings.TrimSpace(s) == "" {
		s = "-"
	}
	return slack.NewTextBlockObject(slack.PlainTextType, truncate(s, max), true, false)
}

func mrkdwnObj(s string, max int) *slack.TextBlockObject {
	if strings.TrimSpace(s) == "" {
		s = " "
	}
	return slack.NewTextBlockObject(slack.MarkdownType, truncate(s, max), false, false)
}

// truncate shortens s to at most max characters, ending in "…" when cut.
func truncate(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max-1]) + "…"
}

// word picks the English or Dutch word for the adapter's own chrome.
func word(lang, en, nl string) string {
	if lang == "nl" {
		return nl
	}
	return en
}
