package news

import (
	"context"
	"errors"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/grammar"
)

// postFormID is the id of the publishing form.
const postFormID = "news.post"

// FormIDs returns the publishing form's id and the comment form's prefix.
func (u *Unit) FormIDs() []string { return []string{postFormID, commentFormID} }

// form asks for an item with a form, its fields filled with values;
// adapters without forms show the typed command.
func (u *Unit) form(ctx context.Context, c *feature.Call, values map[string]string) (intranet.Reply, error) {
	depts, err := u.cfg.People.Departments(ctx)
	if err != nil {
		return intranet.Reply{}, err
	}
	return postForm(c, depts, values), nil
}

// HandleForm publishes from a submitted form, or shows it again with the
// mistake next to its field.
func (u *Unit) HandleForm(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	if strings.HasPrefix(c.Req.Form.FormID, commentFormID) {
		return u.handleCommentForm(ctx, c)
	}
	if !mayPublish(c) {
		return c.Reply(onlyPublishers(c, "post")), nil
	}
	values := c.Req.Form.Values
	again := func(field, msg string) (intranet.Reply, error) {
		reply, err := u.form(ctx, c, values)
		reply.Text, reply.FieldErrors = msg, map[string]string{field: msg}
		return reply, err
	}
	for _, k := range []string{"title", "body"} {
		if strings.TrimSpace(values[k]) == "" {
			return again(k, fillIn(c))
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

// readForm reads the form's fields as the typed /news post they stand
// for, with the unit's grammar, so that a date or a time in a form is read
// as it is typed anywhere. The options are added one at a time, so that a
// mistake comes back with the field it belongs to.
func (u *Unit) readForm(values map[string]string) (p *grammar.Parsed, field string, err error) {
	get := func(k string) string { return strings.TrimSpace(values[k]) }
	title, body := get("title"), get("body")
	qtitle, titleOK := grammar.Quote(title)
	qbody, bodyOK := grammar.Quote(body)
	// Text that no quoting keeps whole (it has every kind of quote in it)
	// is set after reading.
	if !titleOK {
		qtitle = "-"
	}
	if !bodyOK {
		qbody = "-"
	}
	type step struct {
		field, option string
		// probe is checked on its own and then replaced by the next step
		// (the date of a date and time).
		probe bool
	}
	var steps []step
	if t := get("topic"); t != "" {
		steps = append(steps, step{field: "topic", option: "topic:" + optionValue(t)})
	}
	if d := get("dept"); d != "" {
		steps = append(steps, step{field: "dept", option: "dept:" + optionValue(d)})
	}
	if i := get("important"); i != "" {
		steps = append(steps, step{field: "important", option: "important:" + optionValue(i)})
	}
	if v := get("comments"); v != "" {
		steps = append(steps, step{field: "comments", option: "comments:" + optionValue(v)})
	}
	date, clock := get("publish_date"), get("publish_time")
	switch {
	case date != "" && clock != "":
		steps = append(steps, step{field: "publish_date", option: "publish:" + date, probe: true},
			step{field: "publish_time", option: "publish:" + date + " " + clock})
	case date != "":
		steps = append(steps, step{field: "publish_date", option: "publish:" + date})
	case clock != "":
		steps = append(steps, step{field: "publish_time", option: "publish:" + clock})
	}
	date, clock = get("expires"), get("expires_time")
	switch {
	case date != "" && clock != "":
		steps = append(steps, step{field: "expires", option: "expires:" + date, probe: true},
			step{field: "expires_time", option: "expires:" + date + " " + clock})
	case date != "":
		steps = append(steps, step{field: "expires", option: "expires:" + date})
	case clock != "":
		// A time needs its day: today's would be past before long.
		return nil, "expires_time", &grammar.Error{NL: "Kies ook de dag waarop het verloopt.", EN: "Choose the day it expires on too."}
	}
	text := "/" + Command.Word.EN + " post " + qtitle + " | " + qbody
	today := u.cfg.Today()
	if p, err = u.grammar.Parse(text, today); err != nil {
		return nil, "title", err
	}
	for _, s := range steps {
		if p, err = u.grammar.Parse(text+" "+s.option, today); err != nil {
			return nil, s.field, err
		}
		if !s.probe {
			text += " " + s.option
		}
	}
	if !titleOK {
		p = p.SetText("title", title)
	}
	if !bodyOK {
		p = p.SetText("body", body)
	}
	return p, "", nil
}

// optionValue writes a field's value so that key:value reads it whole.
func optionValue(v string) string {
	q, _ := grammar.Quote(v)
	return q
}
