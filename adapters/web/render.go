package web

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html/template"
	"net/mail"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/werkplek/werkplek/adapters/internal/markup"
	"github.com/werkplek/werkplek/intranet"
)

// esc escapes text for HTML, in text and in quoted attributes alike.
func esc(s string) string { return template.HTMLEscapeString(s) }

// html writes HTML with a small set of helpers; every text that did not
// come from this package goes through esc or md.
type html struct {
	b strings.Builder
	v *visit
	// page is the page's heading, which a form of the same title does not
	// repeat.
	page string
}

func (h *html) raw(s string)              { h.b.WriteString(s) }
func (h *html) f(format string, a ...any) { fmt.Fprintf(&h.b, format, a...) }
func (h *html) String() template.HTML     { return template.HTML(h.b.String()) }
func (h *html) t(nl, en string) string    { return h.v.t(nl, en) }
func (h *html) csrf()                     { h.f(`<input type="hidden" name="csrf" value="%s">`, esc(h.v.csrf())) }
func (h *html) hidden(name, value string) {
	h.f(`<input type="hidden" name="%s" value="%s">`, esc(name), esc(value))
}
func (h *html) link(href, label string)     { h.f(`<a href="%s">%s</a>`, esc(href), esc(label)) }
func (h *html) mdBlock(class, s string)     { h.f(`<div class="%s">%s</div>`, class, md(s)) }
func (h *html) heading(level int, s string) { h.f("<h%d>%s</h%d>", level, md(s), level) }

// md writes the reply markup (intranet.Reply) as HTML: marks as strong,
// em and code, links (markup only lets http, https, mailto and tel
// through), mentions as the name, bullets as a bullet sign, line ends as
// breaks.
func md(s string) template.HTML {
	var b strings.Builder
	writeSpans(&b, markup.Parse(s))
	return template.HTML(b.String())
}

func writeSpans(b *strings.Builder, spans []markup.Span) {
	for _, sp := range spans {
		switch sp.Kind {
		case markup.Text:
			b.WriteString(strings.ReplaceAll(esc(strings.TrimSuffix(sp.Text, "\n")), "\n", "<br>\n"))
			if strings.HasSuffix(sp.Text, "\n") {
				b.WriteString("<br>\n")
			}
		case markup.Bold:
			b.WriteString("<strong>")
			writeSpans(b, sp.Children)
			b.WriteString("</strong>")
		case markup.Italic:
			b.WriteString("<em>")
			writeSpans(b, sp.Children)
			b.WriteString("</em>")
		case markup.Code:
			b.WriteString("<code>" + esc(sp.Text) + "</code>")
		case markup.Link:
			b.WriteString(`<a href="` + esc(sp.URL) + `" rel="noopener noreferrer">`)
			var label strings.Builder
			writeSpans(&label, sp.Children)
			if strings.HasPrefix(sp.URL, "mailto:") {
				// A phone may break the address after the @, not in a name.
				b.WriteString(strings.Replace(label.String(), "@", "@<wbr>", 1))
			} else {
				b.WriteString(label.String())
			}
			b.WriteString("</a>")
		case markup.URL:
			b.WriteString(`<a href="` + esc(sp.Text) + `" rel="noopener noreferrer">` + esc(sp.Text) + "</a>")
		case markup.Mention:
			b.WriteString(`<span class="mention">@` + esc(sp.Who()) + "</span>")
		case markup.Bullet:
			b.WriteString(`<span class="bullet" aria-hidden="true">•</span> `)
		}
	}
}

// value writes a field's value; a value that is only an email address or
// a phone number becomes a mailto: or tel: link, so that a phone calls.
func value(s string) template.HTML {
	t := strings.TrimSpace(s)
	if a, err := mail.ParseAddress(t); err == nil && a.Address == t && !strings.ContainsAny(t, "*_`[]<>\\") {
		// A phone may break the address after the @, not in a name.
		return template.HTML(`<a href="mailto:` + esc(t) + `">` + strings.Replace(esc(t), "@", "@<wbr>", 1) + "</a>")
	}
	if tel, ok := phone(t); ok {
		return template.HTML(`<a href="tel:` + esc(tel) + `">` + esc(t) + "</a>")
	}
	return md(s)
}

// phone returns the number to dial of a value written as a phone number
// ("+31 6 1234 5678", "030-1234567"), or false.
func phone(s string) (string, bool) {
	var digits strings.Builder
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits.WriteRune(r)
		case r == '+' && i == 0:
			digits.WriteRune(r)
		case r == ' ' || r == '-' || r == '(' || r == ')' || r == '.':
		default:
			return "", false
		}
	}
	n := strings.TrimPrefix(digits.String(), "+")
	return digits.String(), len(n) >= 6
}

// reply writes a core reply: title, text, charts, sections with fields and
// buttons, the reply's buttons, its form and its small print.
func (h *html) reply(r intranet.Reply, back string) {
	h.raw(`<article class="reply">`)
	if r.Title != "" {
		h.heading(2, r.Title)
	}
	// A reply with a form says in Text what to type instead; the form is
	// here, so the typing is not.
	if r.Text != "" && r.Form == nil {
		h.mdBlock("text", r.Text)
	}
	for _, c := range r.Charts {
		h.chart(c)
	}
	for _, s := range r.Sections {
		h.raw(`<section class="card">`)
		if s.Title != "" {
			h.heading(3, s.Title)
		}
		if s.Text != "" {
			h.mdBlock("text", s.Text)
		}
		if len(s.Fields) > 0 {
			h.raw("<dl>")
			for _, f := range s.Fields {
				h.f("<div><dt>%s</dt><dd>%s</dd></div>", md(f.Label), value(f.Value))
			}
			h.raw("</dl>")
		}
		h.buttons(s.Buttons, back)
		h.raw("</section>")
	}
	h.buttons(r.Buttons, back)
	if r.Form != nil {
		h.form(*r.Form, nil, r.FieldErrors, back)
	} else if len(r.FieldErrors) > 0 {
		h.fieldErrors(r.FieldErrors, nil)
	}
	for _, c := range r.Context {
		if !slices.Contains(r.Typing, c) { // the page has a button or form for it
			h.mdBlock("context", c)
		}
	}
	if r.File != nil {
		h.f(`<p class="context">%s: %s</p>`, esc(h.t("Bestand", "File")), esc(r.File.Name))
	}
	h.raw("</article>")
}

// buttons writes each button as a small form that posts its command (or,
// with a confirmation, asks first); back is where the result page links to.
func (h *html) buttons(bs []intranet.Button, back string) {
	if len(bs) == 0 {
		return
	}
	h.raw(`<div class="buttons">`)
	for _, b := range bs {
		if href, ok := pageOf(b.Command); ok && b.Confirm == nil {
			h.f(`<a class="button %s" href="%s">%s</a>`, styleClass(b.Style), esc(href), md(b.Label))
			continue
		}
		action := "/web/do"
		if b.Confirm != nil {
			action = "/web/confirm"
		}
		h.f(`<form method="post" action="%s">`, action)
		h.csrf()
		h.hidden("command", b.Command)
		h.hidden("back", back)
		if b.Confirm != nil {
			c, _ := json.Marshal(b)
			h.hidden("button", base64.RawURLEncoding.EncodeToString(c))
		}
		h.f(`<button type="submit" class="%s">%s</button></form>`, styleClass(b.Style), md(b.Label))
	}
	h.raw("</div>")
}

// pages are the commands that only show something and have a page of
// their own: their buttons are links, so that the person lands on that
// page (with its address, the menu and the browser's back) instead of on
// an action's result.
var pages = []struct {
	command *regexp.Regexp
	page    string
}{
	{regexp.MustCompile(`^/werkplek home$`), "/web/"},
	{regexp.MustCompile(`^/news$`), "/web/news"},
	{regexp.MustCompile(`^/news (?:show |comments )?(\d+)$`), "/web/news/$1"},
	{regexp.MustCompile(`^/news stats (\d+)$`), "/web/news/$1/stats"},
	{regexp.MustCompile(`^/news stats (\d+) csv$`), "/web/news/$1/stats.csv"},
	{regexp.MustCompile(`^/phonebook show (\d+)$`), "/web/phonebook?person=$1"},
}

// pageOf is the page that shows what a command shows, or false.
func pageOf(command string) (string, bool) {
	for _, p := range pages {
		if m := p.command.FindStringSubmatchIndex(command); m != nil {
			return string(p.command.ExpandString(nil, p.page, command, m)), true
		}
	}
	return "", false
}

func styleClass(s intranet.ButtonStyle) string {
	switch s {
	case intranet.StylePrimary:
		return "primary"
	case intranet.StyleDanger:
		return "danger"
	}
	return "plain"
}

// form writes a core form as an HTML form that posts back to the core as a
// form submission. The form itself travels along (form_def), so that a
// submission with mistakes shows the same form again with each mistake
// beside its field; it is only a drawing, the core checks every value.
func (h *html) form(f intranet.Form, values map[string]string, errs map[string]string, back string) {
	def, _ := json.Marshal(f)
	h.raw(`<form method="post" action="/web/form" class="core-form">`)
	if f.Title != "" && f.Title != h.page {
		h.heading(2, f.Title)
	}
	h.csrf()
	h.hidden("form_id", f.ID)
	h.hidden("form_def", base64.RawURLEncoding.EncodeToString(def))
	h.hidden("back", back)
	if len(errs) > 0 {
		h.fieldErrors(errs, f.Fields)
	}
	for _, fl := range f.Fields {
		v := fl.Value
		if sv, ok := values[fl.Name]; ok {
			v = sv
		}
		h.field(fl, v, errs[fl.Name])
	}
	label := f.SubmitLabel
	if label == "" {
		label = h.t("Versturen", "Submit")
	}
	h.f(`<div class="buttons"><button type="submit" class="primary">%s</button></div></form>`, esc(label))
}

// fieldErrors writes the summary of a submission's mistakes at the top.
func (h *html) fieldErrors(errs map[string]string, fields []intranet.FormField) {
	labels := map[string]string{}
	for _, f := range fields {
		labels[f.Name] = f.Label
	}
	names := make([]string, 0, len(errs))
	for n := range errs {
		names = append(names, n)
	}
	sort.Strings(names)
	h.f(`<div class="errors" role="alert"><p>%s</p><ul>`, esc(h.t("Niet alles klopt:", "Some values need a change:")))
	for _, n := range names {
		l := labels[n]
		if l == "" {
			l = n
		}
		h.f("<li>%s: %s</li>", esc(l), md(errs[n]))
	}
	h.raw("</ul></div>")
}

// field writes one input with its label and, when it was wrong, its mistake.
func (h *html) field(f intranet.FormField, v, problem string) {
	id := "f-" + f.Name
	req := ""
	if f.Required {
		req = " required"
	}
	described := ""
	if problem != "" {
		described = fmt.Sprintf(` aria-invalid="true" aria-describedby="%s-error"`, esc(id))
	}
	max := ""
	if f.MaxLength > 0 {
		max = ` maxlength="` + strconv.Itoa(f.MaxLength) + `"`
	}
	ph := ""
	if f.Placeholder != "" {
		ph = ` placeholder="` + esc(f.Placeholder) + `"`
	}
	h.f(`<div class="field"><label for="%s">%s</label>`, esc(id), esc(f.Label))
	switch f.Kind {
	case intranet.FieldLongText:
		h.f(`<textarea id="%s" name="%s" rows="8"%s%s%s%s>%s</textarea>`, esc(id), esc(f.Name), req, max, ph, described, esc(v))
		h.f(`<div class="preview" data-preview-of="%s" data-label="%s" aria-live="polite" hidden></div>`, esc(id), esc(h.t("Voorbeeld", "Preview")))
	case intranet.FieldChoice:
		h.f(`<select id="%s" name="%s"%s%s>`, esc(id), esc(f.Name), req, described)
		if !f.Required {
			h.raw(`<option value=""></option>`)
		}
		for _, o := range f.Options {
			sel := ""
			if o.Value == v {
				sel = " selected"
			}
			h.f(`<option value="%s"%s>%s</option>`, esc(o.Value), sel, esc(o.Label))
		}
		h.raw("</select>")
	case intranet.FieldYesNo:
		yes := strings.EqualFold(v, "yes") || strings.EqualFold(v, "ja") || strings.EqualFold(v, "true")
		h.f(`<select id="%s" name="%s"%s>`, esc(id), esc(f.Name), described)
		h.f(`<option value="no"%s>%s</option>`, map[bool]string{true: "", false: " selected"}[yes], esc(h.t("Nee", "No")))
		h.f(`<option value="yes"%s>%s</option></select>`, map[bool]string{true: " selected", false: ""}[yes], esc(h.t("Ja", "Yes")))
	default:
		typ := "text"
		switch f.Kind {
		case intranet.FieldDate:
			typ = "date"
		case intranet.FieldTime:
			typ = "time"
		}
		h.f(`<input type="%s" id="%s" name="%s" value="%s"%s%s%s%s>`, typ, esc(id), esc(f.Name), esc(v), req, max, ph, described)
	}
	if problem != "" {
		h.f(`<p class="field-error" id="%s-error">%s</p>`, esc(id), md(problem))
	}
	h.raw("</div>")
}

// chart draws a chart as horizontal bars in SVG, one row a point, so that
// long labels fit a phone; the numbers are written beside the bars.
func (h *html) chart(c intranet.Chart) {
	const row, labelW, barW, valueW = 26, 110, 200, 50
	max := 0.0
	for _, p := range c.Points {
		if p.Value > max {
			max = p.Value
		}
	}
	height := row*len(c.Points) + 4
	h.f(`<figure class="chart"><figcaption>%s</figcaption>`, esc(c.Title))
	h.f(`<svg viewBox="0 0 %d %d" width="100%%" role="img" aria-label="%s">`, labelW+barW+valueW, height, esc(c.Title))
	for i, p := range c.Points {
		y := i*row + 2
		w := 0.0
		if max > 0 {
			w = p.Value / max * barW
		}
		h.f(`<text x="%d" y="%d" text-anchor="end" class="chart-label">%s</text>`, labelW-6, y+18, esc(p.Label))
		h.f(`<rect x="%d" y="%d" width="%.1f" height="%d" class="chart-bar"></rect>`, labelW, y+4, w, row-8)
		h.f(`<text x="%.1f" y="%d" class="chart-value">%s</text>`, float64(labelW)+w+4, y+18, esc(number(p.Value)))
	}
	h.raw("</svg></figure>")
}

func number(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
