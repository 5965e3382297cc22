package teams

// Rendering of the core's reply as an Adaptive Card, version 1.5 as Teams
// supports it: https://learn.microsoft.com/en-us/microsoftteams/platform/task-modules-and-cards/cards/cards-reference#adaptive-card
// and the schema explorer https://adaptivecards.io/explorer/. Text
// formatting follows https://learn.microsoft.com/en-us/microsoftteams/platform/task-modules-and-cards/cards/cards-format

import (
	"slices"
	"strings"

	"github.com/infracloudio/msbotbuilder-go/schema"

	"github.com/werkplek/werkplek/adapters/internal/markup"
	"github.com/werkplek/werkplek/intranet"
)

// adaptiveCardType is the attachment content type of an Adaptive Card.
const adaptiveCardType = "application/vnd.microsoft.card.adaptive"

// card is an Adaptive Card. Schema and Version are left out of the cards
// nested in an Action.ShowCard.
type card struct {
	Type    string     `json:"type"`
	Schema  string     `json:"$schema,omitempty"`
	Version string     `json:"version,omitempty"`
	Body    []element  `json:"body"`
	Actions []action   `json:"actions,omitempty"`
	MSTeams *cardTeams `json:"msteams,omitempty"`
}

// cardTeams is the Teams-only part of a card: the mention entities that make
// <at>name</at> in a TextBlock a real mention.
type cardTeams struct {
	Entities []cardMention `json:"entities,omitempty"`
}

type cardMention struct {
	Type      string                `json:"type"`
	Text      string                `json:"text"`
	Mentioned schema.ChannelAccount `json:"mentioned"`
}

// element is any body element this renderer uses (TextBlock, FactSet,
// ActionSet and the inputs); unused fields stay out of the JSON.
type element struct {
	Type         string    `json:"type"`
	ID           string    `json:"id,omitempty"`
	Text         string    `json:"text,omitempty"`
	Label        string    `json:"label,omitempty"`
	Title        string    `json:"title,omitempty"`
	Size         string    `json:"size,omitempty"`
	Weight       string    `json:"weight,omitempty"`
	Color        string    `json:"color,omitempty"`
	IsSubtle     bool      `json:"isSubtle,omitempty"`
	Spacing      string    `json:"spacing,omitempty"`
	Separator    bool      `json:"separator,omitempty"`
	Facts        []fact    `json:"facts,omitempty"`
	Actions      []action  `json:"actions,omitempty"`
	Placeholder  string    `json:"placeholder,omitempty"`
	Value        string    `json:"value,omitempty"`
	ValueOn      string    `json:"valueOn,omitempty"`
	ValueOff     string    `json:"valueOff,omitempty"`
	IsMultiline  bool      `json:"isMultiline,omitempty"`
	MaxLength    int       `json:"maxLength,omitempty"`
	Style        string    `json:"style,omitempty"`
	Choices      []choice  `json:"choices,omitempty"`
	IsRequired   bool      `json:"isRequired,omitempty"`
	ErrorMessage string    `json:"errorMessage,omitempty"`
	Wrap         bool      `json:"wrap,omitempty"`
	Items        []element `json:"items,omitempty"`
}

type fact struct {
	Title string `json:"title"`
	Value string `json:"value"`
}

type choice struct {
	Title string `json:"title"`
	Value string `json:"value"`
}

// action is an Action.Submit, or an Action.ShowCard holding a confirmation.
type action struct {
	Type  string            `json:"type"`
	Title string            `json:"title"`
	Style string            `json:"style,omitempty"`
	Data  map[string]string `json:"data,omitempty"`
	Card  *card             `json:"card,omitempty"`
	// AssociatedInputs "none" keeps a command button on a form card from
	// sending (and validating) the form's inputs.
	AssociatedInputs string `json:"associatedInputs,omitempty"`
}

// Render turns a reply into an Adaptive Card attachment. It is a pure
// function; where the card goes (new message, thread reply, replacing the
// card a button was on) is the sender's business.
//
// Buttons are Action.Submit with data {"command": <the typed command>}.
// Teams has no confirmation dialog for Action.Submit, so a button with a
// Confirm opens an Action.ShowCard under the card that shows the question
// and the real submit button labelled Confirm.Confirm; pressing the button
// again folds it away, which is the "no" (Confirm.Deny has no place).
// A form becomes inputs in the card with an Action.Submit whose data names
// the form ({"werkplek.form": <id>}); Teams adds the input values by id.
func Render(r intranet.Reply) schema.Attachment {
	rd := renderer{lang: r.Lang}
	c := rd.card(r)
	return schema.Attachment{ContentType: adaptiveCardType, Content: c}
}

type renderer struct {
	lang     string
	hasForm  bool
	mentions []cardMention
}

func (rd *renderer) card(r intranet.Reply) *card {
	c := &card{Type: "AdaptiveCard", Schema: "http://adaptivecards.io/schemas/adaptive-card.json", Version: "1.5"}
	rd.hasForm = r.Form != nil
	if r.Title != "" {
		c.Body = append(c.Body, element{Type: "TextBlock", Text: rd.md(r.Title), Size: "Medium", Weight: "Bolder", Wrap: true})
	}
	if r.Text != "" {
		c.Body = append(c.Body, element{Type: "TextBlock", Text: rd.md(r.Text), Wrap: true})
	}
	for _, s := range r.Sections {
		c.Body = append(c.Body, rd.section(s, len(c.Body) > 0)...)
	}
	if r.Form != nil {
		body, submit := rd.form(r.Form, r.FieldErrors)
		c.Body = append(c.Body, body...)
		c.Actions = append(c.Actions, submit)
	} else {
		// Errors without a form to show them in: list them.
		for _, name := range sortedKeys(r.FieldErrors) {
			c.Body = append(c.Body, attention(name+": "+r.FieldErrors[name]))
		}
	}
	for _, line := range r.Context {
		c.Body = append(c.Body, element{Type: "TextBlock", Text: rd.md(line), Size: "Small", IsSubtle: true, Spacing: "Small", Wrap: true})
	}
	for _, b := range r.Buttons {
		c.Actions = append(c.Actions, rd.button(b))
	}
	if len(c.Body) == 0 {
		// A card must show something; a reply of buttons only gets a blank line.
		c.Body = append(c.Body, element{Type: "TextBlock", Text: " ", Wrap: true})
	}
	if len(rd.mentions) > 0 {
		c.MSTeams = &cardTeams{Entities: rd.mentions}
	}
	return c
}

func (rd *renderer) section(s intranet.Section, separate bool) []element {
	var out []element
	first := func(e element) element {
		if len(out) == 0 && separate {
			e.Separator, e.Spacing = true, "Medium"
		}
		return e
	}
	if s.Title != "" {
		out = append(out, first(element{Type: "TextBlock", Text: rd.md(s.Title), Weight: "Bolder", Wrap: true}))
	}
	if s.Text != "" {
		e := element{Type: "TextBlock", Text: rd.md(s.Text), Wrap: true}
		if len(out) > 0 {
			e.Spacing = "Small"
		}
		out = append(out, first(e))
	}
	if len(s.Fields) > 0 {
		fs := element{Type: "FactSet"}
		for _, f := range s.Fields {
			fs.Facts = append(fs.Facts, fact{Title: plain(f.Label), Value: rd.md(f.Value)})
		}
		out = append(out, first(fs))
	}
	if len(s.Buttons) > 0 {
		as := element{Type: "ActionSet"}
		for _, b := range s.Buttons {
			as.Actions = append(as.Actions, rd.button(b))
		}
		out = append(out, first(as))
	}
	return out
}

func (rd *renderer) button(b intranet.Button) action {
	style := ""
	switch b.Style {
	case intranet.StylePrimary:
		style = "positive"
	case intranet.StyleDanger:
		style = "destructive"
	}
	submit := action{Type: "Action.Submit", Title: plain(b.Label), Style: style, Data: map[string]string{commandKey: b.Command}}
	if rd.hasForm {
		submit.AssociatedInputs = "none"
	}
	if b.Confirm == nil {
		return submit
	}
	sub := &card{Type: "AdaptiveCard"}
	if b.Confirm.Title != "" {
		sub.Body = append(sub.Body, element{Type: "TextBlock", Text: rd.md(b.Confirm.Title), Weight: "Bolder", Wrap: true})
	}
	if b.Confirm.Text != "" {
		sub.Body = append(sub.Body, element{Type: "TextBlock", Text: rd.md(b.Confirm.Text), Wrap: true})
	}
	if len(sub.Body) == 0 {
		sub.Body = append(sub.Body, element{Type: "TextBlock", Text: rd.word("Are you sure?", "Weet je het zeker?"), Wrap: true})
	}
	submit.Title = plain(b.Confirm.Confirm)
	if submit.Title == "" {
		submit.Title = rd.word("Confirm", "Bevestigen")
	}
	if submit.Style == "" {
		submit.Style = "positive"
	}
	sub.Actions = []action{submit}
	return action{Type: "Action.ShowCard", Title: plain(b.Label), Style: style, Card: sub}
}

// form renders the inputs, each followed by its validation error, and the
// submit action.
func (rd *renderer) form(f *intranet.Form, errs map[string]string) ([]element, action) {
	var out []element
	if f.Title != "" {
		out = append(out, element{Type: "TextBlock", Text: rd.md(f.Title), Weight: "Bolder", Wrap: true, Separator: true, Spacing: "Medium"})
	}
	known := map[string]bool{}
	for _, ff := range f.Fields {
		known[ff.Name] = true
	}
	// Errors for no field in particular come first.
	for _, name := range sortedKeys(errs) {
		if !known[name] {
			out = append(out, attention(errs[name]))
		}
	}
	for _, ff := range f.Fields {
		in := element{ID: ff.Name, Label: plain(ff.Label), Placeholder: ff.Placeholder, Value: ff.Value, IsRequired: ff.Required}
		if ff.Required {
			in.ErrorMessage = rd.word("Required", "Verplicht")
		}
		switch ff.Kind {
		case intranet.FieldLongText:
			in.Type, in.IsMultiline, in.MaxLength = "Input.Text", true, ff.MaxLength
		case intranet.FieldChoice:
			in.Type, in.Style = "Input.ChoiceSet", "compact"
			for _, o := range ff.Options {
				in.Choices = append(in.Choices, choice{Title: plain(o.Label), Value: o.Value})
			}
		case intranet.FieldDate:
			in.Type = "Input.Date"
		case intranet.FieldTime:
			in.Type = "Input.Time"
		case intranet.FieldYesNo:
			// The title beside the switch is its label.
			in.Type, in.Title, in.Label, in.ValueOn, in.ValueOff = "Input.Toggle", plain(ff.Label), "", "true", "false"
			in.Value = "false"
			if isYes(ff.Value) {
				in.Value = "true"
			}
			// A toggle is always answered; "required" would only confuse.
			in.IsRequired, in.ErrorMessage = false, ""
		default:
			in.Type, in.MaxLength = "Input.Text", ff.MaxLength
		}
		out = append(out, in)
		if msg, ok := errs[ff.Name]; ok {
			e := attention(msg)
			e.Spacing = "None"
			out = append(out, e)
		}
	}
	label := plain(f.SubmitLabel)
	if label == "" {
		label = rd.word("Submit", "Versturen")
	}
	return out, action{Type: "Action.Submit", Title: label, Style: "positive", Data: map[string]string{formKey: f.ID}}
}

// attention is a validation error line.
func attention(text string) element {
	return element{Type: "TextBlock", Text: plain(text), Color: "Attention", Size: "Small", Wrap: true}
}

// word picks the English or Dutch word for the adapter's own labels; Dutch
// is Werkplek's default language.
func (rd *renderer) word(en, nl string) string {
	if rd.lang == "en" {
		return en
	}
	return nl
}

func isYes(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "true", "yes", "ja", "1", "on":
		return true
	}
	return false
}

// md writes Werkplek's markup as Adaptive Card markdown: *bold* becomes
// **bold**; _italic_, [label](url) links and "- " bullets stay; `code` loses
// its backticks (cards have no code style); a link's label is plain text;
// a mention <@ID|name> becomes <at>name</at> with a mention entity on the card.
func (rd *renderer) md(s string) string {
	var b strings.Builder
	rd.writeMD(&b, markup.Parse(s))
	return b.String()
}

func (rd *renderer) writeMD(b *strings.Builder, spans []markup.Span) {
	for _, sp := range spans {
		switch sp.Kind {
		case markup.Text, markup.Code, markup.URL:
			b.WriteString(sp.Text)
		case markup.Bold, markup.Italic:
			mark := "**"
			if sp.Kind == markup.Italic {
				mark = "_"
			}
			b.WriteString(mark)
			rd.writeMD(b, sp.Children)
			b.WriteString(mark)
		case markup.Link:
			b.WriteString("[" + markup.Plain(sp.Children, nil) + "](" + sp.URL + ")")
		case markup.Mention:
			b.WriteString(rd.mention(sp.ID, sp.Who()))
		case markup.Bullet:
			b.WriteString(strings.Repeat(" ", sp.Indent) + "- ")
		}
	}
}

// mention records a mention entity and returns its text.
func (rd *renderer) mention(id, name string) string {
	text := "<at>" + name + "</at>"
	for _, m := range rd.mentions {
		if m.Mentioned.ID == id && m.Text == text {
			return text
		}
	}
	rd.mentions = append(rd.mentions, cardMention{Type: "mention", Text: text, Mentioned: schema.ChannelAccount{ID: id, Name: name}})
	return text
}

// plain strips the markup's marks for places that show plain text (button
// labels, fact titles, notifications): a link shows its label, a mention
// its name.
func plain(s string) string { return markup.Plain(markup.Parse(s), nil) }

// summary is the activity's notification text: the title, else the first
// line of the text.
func summary(r intranet.Reply) string {
	s := r.Title
	if s == "" {
		s, _, _ = strings.Cut(r.Text, "\n")
	}
	if s == "" && r.Form != nil {
		s = r.Form.Title
	}
	s = plain(s)
	if rs := []rune(s); len(rs) > 200 {
		s = string(rs[:199]) + "…"
	}
	return s
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
