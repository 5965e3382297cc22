package news

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/grammar"
	"github.com/werkplek/werkplek/intranet/when"
)

// postFormID is the id of the publishing form; editFormID the prefix of
// the editing form's ("news.edit.<item id>").
const (
	postFormID = "news.post"
	editFormID = "news.edit."
)

// FormIDs returns the publishing form's id and the editing and comment
// forms' prefixes.
func (u *Unit) FormIDs() []string { return []string{postFormID, editFormID, commentFormID} }

// formLists are the choices of an item's form: the departments, and the
// partner organisations when there are any or the item is for partners.
type formLists struct {
	depts, orgs []string
	// audience shows the audience field (for partners or not).
	audience bool
}

func (u *Unit) formLists(ctx context.Context, n *intranet.NewsItem) (formLists, error) {
	depts, err := u.cfg.People.Departments(ctx)
	if err != nil {
		return formLists{}, err
	}
	orgs, err := u.cfg.Partners.Organisations(ctx)
	if err != nil {
		return formLists{}, err
	}
	l := formLists{depts: depts, audience: len(orgs) > 0 || n != nil && n.Partners}
	for _, o := range orgs {
		l.orgs = append(l.orgs, o.Name)
	}
	return l, nil
}

// form asks for an item with a form, its fields filled with values;
// adapters without forms show the typed command.
func (u *Unit) form(ctx context.Context, c *feature.Call, values map[string]string) (intranet.Reply, error) {
	l, err := u.formLists(ctx, nil)
	if err != nil {
		return intranet.Reply{}, err
	}
	return postForm(c, l, values), nil
}

// editForm asks for an item's corrections with a form holding the item
// as it stands (or values, when a submission comes back with a mistake);
// its publication time only while the item has not appeared.
func (u *Unit) editForm(ctx context.Context, c *feature.Call, n *intranet.NewsItem, values map[string]string) (intranet.Reply, error) {
	l, err := u.formLists(ctx, n)
	if err != nil {
		return intranet.Reply{}, err
	}
	scheduled := n.Publish.After(u.cfg.Now())
	if values == nil {
		values = u.itemFormValues(n, scheduled)
	}
	return editForm(c, n.ID, l, values, scheduled), nil
}

// itemFormValues are an item's values as its form's fields hold them: a
// date as the date picker gives it, an expiry at midnight as the day
// before with no time (as expires:<date> is typed).
func (u *Unit) itemFormValues(n *intranet.NewsItem, scheduled bool) map[string]string {
	yesNo := func(b bool) string {
		if b {
			return "yes"
		}
		return "no"
	}
	v := map[string]string{"title": n.Title, "body": n.Body, "topic": n.Topic, "dept": n.Department,
		"important": yesNo(n.Important), "comments": yesNo(!n.CommentsClosed), "audience": audienceValue(n)}
	loc := u.cfg.Location
	if scheduled {
		v["publish_date"], v["publish_time"] = when.DateOf(n.Publish, loc).String(), n.Publish.In(loc).Format("15:04")
	}
	if !n.Expires.IsZero() {
		if t := n.Expires.In(loc); t.Hour() == 0 && t.Minute() == 0 {
			v["expires"] = when.DateOf(n.Expires, loc).AddDays(-1).String()
		} else {
			v["expires"], v["expires_time"] = when.DateOf(n.Expires, loc).String(), t.Format("15:04")
		}
	}
	return v
}

// HandleForm publishes from a submitted form, or shows it again with the
// mistake next to its field.
func (u *Unit) HandleForm(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	if strings.HasPrefix(c.Req.Form.FormID, commentFormID) {
		return u.handleCommentForm(ctx, c)
	}
	if strings.HasPrefix(c.Req.Form.FormID, editFormID) {
		return u.handleEditForm(ctx, c)
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
	p, field, err := u.readForm(values, "post")
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

// handleEditForm corrects an item from a submitted editing form, or shows
// it again with the mistake next to its field.
func (u *Unit) handleEditForm(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	if !mayPublish(c) {
		return c.Reply(onlyPublishers(c, "edit")), nil
	}
	id, err := strconv.ParseInt(strings.TrimPrefix(c.Req.Form.FormID, editFormID), 10, 64)
	if err != nil || id <= 0 {
		return intranet.Reply{}, fmt.Errorf("news edit form id %q", c.Req.Form.FormID)
	}
	values := c.Req.Form.Values
	again := func(field, msg string) (intranet.Reply, error) {
		n, err := u.cfg.News.FindNewsByID(ctx, id)
		if err != nil {
			return intranet.Reply{}, err
		}
		reply, err := u.editForm(ctx, c, n, values)
		reply.Text, reply.FieldErrors = msg, map[string]string{field: msg}
		return reply, err
	}
	for _, k := range []string{"title", "body"} {
		if strings.TrimSpace(values[k]) == "" {
			return again(k, fillIn(c))
		}
	}
	if bad, field := itemTextProblem(c, strings.TrimSpace(values["title"]), strings.TrimSpace(values["body"])); bad != "" {
		return again(field, bad)
	}
	p, field, err := u.readForm(values, fmt.Sprintf("edit %d", id))
	var mistake *grammar.Error
	if errors.As(err, &mistake) {
		return again(field, feature.T(c.Lang, mistake.NL, mistake.EN))
	} else if err != nil {
		return intranet.Reply{}, err
	}
	reply, field, err := u.editItem(ctx, c, id, p, true)
	if err != nil || field == "" {
		return reply, err
	}
	return again(field, reply.Text)
}

// readForm reads the form's fields as the typed /news post (or edit, as
// sub says: "edit 12") they stand for, with the unit's grammar, so that a
// date or a time in a form is read as it is typed anywhere. The options
// are added one at a time, so that a mistake comes back with the field it
// belongs to.
func (u *Unit) readForm(values map[string]string, sub string) (p *grammar.Parsed, field string, err error) {
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
	switch a := get("audience"); {
	case a == allPartners:
		steps = append(steps, step{field: "audience", option: "audience:partners"})
	case strings.HasPrefix(a, onePartner):
		steps = append(steps, step{field: "audience", option: "partner:" + optionValue(strings.TrimPrefix(a, onePartner))})
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
	text := "/" + Command.Word.EN + " " + sub + " " + qtitle + " | " + qbody
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

// The values of the form's audience field: employees only (""), every
// partner, or one organisation ("org:<name>").
const (
	allPartners = "all"
	onePartner  = "org:"
)

// audienceValue is an item's audience as the form's field holds it.
func audienceValue(n *intranet.NewsItem) string {
	switch {
	case !n.Partners:
		return ""
	case n.PartnerOrgID != 0:
		return onePartner + n.PartnerOrg
	}
	return allPartners
}

// optionValue writes a field's value so that key:value reads it whole.
func optionValue(v string) string {
	q, _ := grammar.Quote(v)
	return q
}

// AuditedForms are the forms of a content manager's action: posting and
// changing an item (the audit log records them as their commands).
func (u *Unit) AuditedForms() map[string]string {
	return map[string]string{postFormID: "news post", editFormID: "news edit"}
}
