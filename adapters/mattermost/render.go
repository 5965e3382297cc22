package mattermost

// Rendering of the core's Reply as a Mattermost post: markdown text
// (https://docs.mattermost.com/collaborate/format-messages.html) plus message
// attachments with fields and buttons
// (https://developers.mattermost.com/integrate/reference/message-attachments/),
// and of a Form as an interactive dialog
// (https://developers.mattermost.com/integrate/plugins/interactive-dialogs/).
// Every function here is pure: the same reply and options give the same JSON.

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/werkplek/werkplek/intranet"
)

// color is the left border of Werkplek's attachments.
const color = "#2e7d32"

// RenderOptions are the inputs of rendering besides the reply.
type RenderOptions struct {
	// ActionURL is where buttons post back (PublicURL + /mattermost/actions).
	ActionURL string
	// Secret signs button contexts and dialog states.
	Secret []byte
	// Expires is when buttons and dialogs rendered now stop working.
	Expires time.Time
}

// Message is a rendered reply: the post's markdown and its attachments.
type Message struct {
	Text        string                     `json:"message"`
	Attachments []*model.MessageAttachment `json:"attachments"`
}

// Post returns the message as a post for a channel.
func (m Message) Post(channelID string) *model.Post {
	p := &model.Post{ChannelId: channelID, Message: m.Text}
	if len(m.Attachments) > 0 {
		p.AddProp(model.PostPropsAttachments, m.Attachments)
	}
	return p
}

// Render turns a reply into a post's markdown and attachments: the title and
// text (and field errors) in the message, one attachment per section, one
// for the reply's own buttons, and the context lines as the last
// attachment's footer (or as italic lines when there is no attachment).
func Render(r intranet.Reply, opts RenderOptions) Message {
	var parts []string
	if r.Title != "" {
		parts = append(parts, "#### "+toMarkdown(oneLine(r.Title)))
	}
	if r.Text != "" {
		parts = append(parts, toMarkdown(r.Text))
	}
	if len(r.FieldErrors) > 0 {
		parts = append(parts, fieldErrorLines(r.FieldErrors))
	}
	var m Message
	n := 0
	for _, s := range r.Sections {
		att := &model.MessageAttachment{
			Color:    color,
			Title:    oneLine(stripMarkup(s.Title)),
			Text:     toMarkdown(s.Text),
			Fallback: sectionFallback(s),
		}
		for _, f := range s.Fields {
			v := toMarkdown(f.Value)
			att.Fields = append(att.Fields, &model.MessageAttachmentField{
				Title: stripMarkup(f.Label),
				Value: v,
				Short: model.SlackCompatibleBool(utf8.RuneCountInString(stripMarkup(f.Value)) <= 30 && !strings.Contains(f.Value, "\n")),
			})
		}
		att.Actions = renderButtons(s.Buttons, &n, opts)
		m.Attachments = append(m.Attachments, att)
	}
	if len(r.Buttons) > 0 {
		labels := make([]string, len(r.Buttons))
		for i, b := range r.Buttons {
			labels[i] = stripMarkup(b.Label)
		}
		m.Attachments = append(m.Attachments, &model.MessageAttachment{
			Color:    color,
			Fallback: strings.Join(labels, " | "),
			Actions:  renderButtons(r.Buttons, &n, opts),
		})
	}
	if len(r.Context) > 0 {
		if len(m.Attachments) > 0 {
			lines := make([]string, len(r.Context))
			for i, c := range r.Context {
				lines[i] = stripMarkup(oneLine(c))
			}
			m.Attachments[len(m.Attachments)-1].Footer = strings.Join(lines, " · ")
		} else {
			for _, c := range r.Context {
				parts = append(parts, italicLine(c))
			}
		}
	}
	m.Text = strings.Join(parts, "\n\n")
	return m
}

// RenderCommandResponse renders the answer to a slash command: ephemeral
// unless the reply is meant for the channel.
func RenderCommandResponse(r intranet.Reply, opts RenderOptions) *model.CommandResponse {
	m := Render(r, opts)
	t := model.CommandResponseTypeEphemeral
	if r.Visibility == intranet.InChannel {
		t = model.CommandResponseTypeInChannel
	}
	return &model.CommandResponse{ResponseType: t, Text: m.Text, Attachments: m.Attachments, SkipSlackParsing: true}
}

// RenderActionResponse renders the answer to a button press: a replacement
// of the post the button was on, or an ephemeral text. Mattermost's
// ephemeral_text carries no attachments, so fields and buttons are written
// out as markdown there, each button as the typed command that does the same.
func RenderActionResponse(r intranet.Reply, opts RenderOptions) *model.PostActionIntegrationResponse {
	if r.ReplaceOriginal {
		m := Render(r, opts)
		p := &model.Post{Message: m.Text}
		// An empty attachment list removes the old buttons.
		if m.Attachments == nil {
			m.Attachments = []*model.MessageAttachment{}
		}
		p.AddProp(model.PostPropsAttachments, m.Attachments)
		return &model.PostActionIntegrationResponse{Update: p, SkipSlackParsing: true}
	}
	return &model.PostActionIntegrationResponse{EphemeralText: RenderPlain(r), SkipSlackParsing: true}
}

// RenderPlain renders a reply as markdown only, for places that take no
// attachments: sections become bold titles and "**Label:** value" lines, and
// buttons become their typed commands.
func RenderPlain(r intranet.Reply) string {
	var parts []string
	if r.Title != "" {
		parts = append(parts, "#### "+toMarkdown(oneLine(r.Title)))
	}
	if r.Text != "" {
		parts = append(parts, toMarkdown(r.Text))
	}
	if len(r.FieldErrors) > 0 {
		parts = append(parts, fieldErrorLines(r.FieldErrors))
	}
	buttons := func(bs []intranet.Button) string {
		var lines []string
		for _, b := range bs {
			lines = append(lines, fmt.Sprintf("- %s: `%s`", plainMarkdown(b.Label), b.Command))
		}
		return strings.Join(lines, "\n")
	}
	for _, s := range r.Sections {
		var lines []string
		if s.Title != "" {
			lines = append(lines, "**"+plainMarkdown(oneLine(s.Title))+"**")
		}
		if s.Text != "" {
			lines = append(lines, toMarkdown(s.Text))
		}
		for _, f := range s.Fields {
			lines = append(lines, "**"+plainMarkdown(f.Label)+":** "+toMarkdown(f.Value))
		}
		if len(s.Buttons) > 0 {
			lines = append(lines, buttons(s.Buttons))
		}
		parts = append(parts, strings.Join(lines, "\n"))
	}
	if len(r.Buttons) > 0 {
		parts = append(parts, buttons(r.Buttons))
	}
	for _, c := range r.Context {
		parts = append(parts, italicLine(c))
	}
	return strings.Join(parts, "\n\n")
}

// RenderDialog renders a core form as an interactive dialog. Its state
// carries the form id, signed, because a dialog submission is as unsigned as
// a button click. Dates and times are text inputs with a placeholder,
// because the date element is new (Mattermost 10.x) and older servers refuse it.
func RenderDialog(f intranet.Form, lang string, opts RenderOptions) model.Dialog {
	nl := lang != "en"
	title := f.Title
	if title == "" {
		title = "Werkplek"
	}
	submit := f.SubmitLabel
	if submit == "" {
		submit = pick(nl, "Versturen", "Submit")
	}
	d := model.Dialog{
		CallbackId:  f.ID,
		Title:       clipTitle(stripMarkup(title), model.DialogTitleMaxLength),
		SubmitLabel: clip(submit, model.DialogElementDisplayNameMaxLength),
		State:       signState(opts.Secret, dialogState{Kind: "form", FormID: f.ID, Exp: opts.Expires.Unix()}),
		Elements:    []model.DialogElement{},
	}
	for _, ff := range f.Fields {
		el := model.DialogElement{
			DisplayName: clipTitle(ff.Label, model.DialogElementDisplayNameMaxLength),
			Name:        ff.Name,
			Optional:    !ff.Required,
			Placeholder: clip(ff.Placeholder, model.DialogElementTextMaxLength),
		}
		if len(ff.Label) > model.DialogElementDisplayNameMaxLength {
			el.HelpText = clip(ff.Label, model.DialogElementHelpTextMaxLength)
		}
		switch ff.Kind {
		case intranet.FieldLongText:
			el.Type = "textarea"
			el.Default = clip(ff.Value, model.DialogElementTextareaMaxLength)
			el.MaxLength = ff.MaxLength
		case intranet.FieldChoice:
			el.Type = "select"
			for _, o := range ff.Options {
				el.Options = append(el.Options, &model.PostActionOptions{Text: o.Label, Value: o.Value})
				if o.Value == ff.Value {
					el.Default = ff.Value
				}
			}
		case intranet.FieldDate:
			el.Type = "text"
			el.Default = clip(ff.Value, model.DialogElementTextMaxLength)
			if el.Placeholder == "" {
				el.Placeholder = pick(nl, "JJJJ-MM-DD", "YYYY-MM-DD")
			}
		case intranet.FieldTime:
			el.Type = "text"
			el.Default = clip(ff.Value, model.DialogElementTextMaxLength)
			if el.Placeholder == "" {
				el.Placeholder = pick(nl, "UU:MM", "HH:MM")
			}
		case intranet.FieldYesNo:
			el.Type = "bool"
			switch strings.ToLower(ff.Value) {
			case "true", "yes", "ja", "1":
				el.Default = "true"
			case "false", "no", "nee", "0":
				el.Default = "false"
			}
			if el.Placeholder == "" {
				el.Placeholder = clip(ff.Label, model.DialogElementTextMaxLength)
			}
		default:
			el.Type = "text"
			el.Default = clip(ff.Value, model.DialogElementTextMaxLength)
			el.MaxLength = ff.MaxLength
		}
		if el.MaxLength < 0 {
			el.MaxLength = 0
		}
		d.Elements = append(d.Elements, el)
	}
	return d
}

// RenderConfirmDialog renders a button's confirmation as a dialog without
// inputs: Mattermost buttons have no confirmation of their own. Submitting
// it presses the button; Cancel does nothing.
func RenderConfirmDialog(c intranet.Confirm, command, postID, lang string, opts RenderOptions) model.Dialog {
	nl := lang != "en"
	title := c.Title
	if title == "" {
		title = pick(nl, "Weet je het zeker?", "Are you sure?")
	}
	submit := c.Confirm
	if submit == "" {
		submit = pick(nl, "Ja", "Yes")
	}
	return model.Dialog{
		CallbackId:       "confirm",
		Title:            clipTitle(stripMarkup(title), model.DialogTitleMaxLength),
		IntroductionText: toMarkdown(c.Text),
		SubmitLabel:      clip(submit, model.DialogElementDisplayNameMaxLength),
		State:            signState(opts.Secret, dialogState{Kind: "confirm", Command: command, PostID: postID, Exp: opts.Expires.Unix()}),
		Elements:         []model.DialogElement{},
	}
}

// RenderFieldErrors renders a reply's field errors as the dialog answer that
// shows each next to its field and keeps the dialog open. A reply with
// errors but no field names shows its text above the form.
func RenderFieldErrors(r intranet.Reply) *model.SubmitDialogResponse {
	resp := &model.SubmitDialogResponse{Errors: map[string]string{}}
	for k, v := range r.FieldErrors {
		resp.Errors[k] = stripMarkup(v)
	}
	return resp
}

// renderButtons renders buttons as attachment actions. n numbers them across
// the whole post so that ids stay unique: Mattermost finds the pressed
// action by id within the post.
func renderButtons(bs []intranet.Button, n *int, opts RenderOptions) []*model.PostAction {
	var out []*model.PostAction
	for _, b := range bs {
		*n++
		confirm := ""
		if b.Confirm != nil {
			j, _ := json.Marshal(b.Confirm)
			confirm = string(j)
		}
		sum := sha256.Sum256([]byte(b.Command))
		out = append(out, &model.PostAction{
			Id:    fmt.Sprintf("wp%d%s", *n, hex.EncodeToString(sum[:4])),
			Type:  model.PostActionTypeButton,
			Name:  stripMarkup(b.Label),
			Style: buttonStyle(b.Style),
			Integration: &model.PostActionIntegration{
				URL:     opts.ActionURL,
				Context: signAction(opts.Secret, b.Command, confirm, opts.Expires),
			},
		})
	}
	return out
}

func buttonStyle(s intranet.ButtonStyle) string {
	switch s {
	case intranet.StylePrimary:
		return "primary"
	case intranet.StyleDanger:
		return "danger"
	}
	return "default"
}

func sectionFallback(s intranet.Section) string {
	var parts []string
	if s.Title != "" {
		parts = append(parts, stripMarkup(oneLine(s.Title)))
	}
	for _, f := range s.Fields {
		parts = append(parts, stripMarkup(f.Label)+": "+stripMarkup(oneLine(f.Value)))
	}
	if len(parts) == 0 {
		return stripMarkup(oneLine(s.Text))
	}
	return strings.Join(parts, ", ")
}

func fieldErrorLines(errs map[string]string) string {
	keys := make([]string, 0, len(errs))
	for k := range errs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	lines := make([]string, len(keys))
	for i, k := range keys {
		lines[i] = fmt.Sprintf("- **%s**: %s", escapeMarkdown(k), toMarkdown(errs[k]))
	}
	return strings.Join(lines, "\n")
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// clipTitle shortens a title to max bytes, marking the cut with an ellipsis.
func clipTitle(s string, max int) string {
	if len(s) <= max {
		return s
	}
	return strings.TrimSpace(clip(s, max-len("…"))) + "…"
}

// clip shortens s to at most max bytes without splitting a character,
// because Mattermost validates dialog lengths in bytes.
func clip(s string, max int) string {
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut]
}

func pick(nl bool, dutch, english string) string {
	if nl {
		return dutch
	}
	return english
}
