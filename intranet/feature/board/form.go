package board

import (
	"context"
	"errors"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/grammar"
)

// postFormID is the id of the form that puts up an ad.
const postFormID = "board.post"

// FormIDs returns the post form's id.
func (u *Unit) FormIDs() []string { return []string{postFormID} }

// HandleForm puts up an ad from a submitted form, or shows it again with
// the mistake next to its field.
func (u *Unit) HandleForm(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	values := c.Req.Form.Values
	again := func(field, msg string) (intranet.Reply, error) {
		reply := postForm(c, values)
		reply.Text, reply.FieldErrors = msg, map[string]string{field: msg}
		return reply, nil
	}
	for _, k := range []string{"title", "text"} {
		if strings.TrimSpace(values[k]) == "" {
			return again(k, c.T("Vul dit in.", "Please fill this in."))
		}
	}
	p, field, err := u.readForm(values)
	var mistake *grammar.Error
	if errors.As(err, &mistake) {
		return again(field, feature.T(c.Lang, mistake.NL, mistake.EN))
	} else if err != nil {
		return intranet.Reply{}, err
	}
	reply, field, err := u.create(ctx, c, p)
	if err != nil || field == "" {
		return reply, err
	}
	return again(field, reply.Text)
}

// readForm reads the form's fields as the typed /board post they stand
// for, so that a date in the form reads as it does typed. Text that no
// quoting keeps whole is set after reading.
func (u *Unit) readForm(values map[string]string) (p *grammar.Parsed, field string, err error) {
	get := func(k string) string { return strings.TrimSpace(values[k]) }
	title, text := get("title"), get("text")
	qtitle, titleOK := grammar.Quote(title)
	qtext, textOK := grammar.Quote(text)
	if !titleOK {
		qtitle = "-"
	}
	if !textOK {
		qtext = "-"
	}
	line := "/" + Command.Word.EN + " post " + qtitle + " | " + qtext
	today := u.cfg.Today()
	if p, err = u.grammar.Parse(line, today); err != nil {
		return nil, "title", err
	}
	for _, s := range []struct{ field, key string }{{"category", "category"}, {"expires", "expires"}} {
		v := get(s.field)
		if v == "" {
			continue
		}
		q, _ := grammar.QuoteValue(v)
		if p, err = u.grammar.Parse(line+" "+s.key+":"+q, today); err != nil {
			return nil, s.field, err
		}
		line += " " + s.key + ":" + q
	}
	if !titleOK {
		p = p.SetText("title", title)
	}
	if !textOK {
		p = p.SetText("text", text)
	}
	return p, "", nil
}
