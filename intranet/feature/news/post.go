package news

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/grammar"
)

// post answers /news post: a form without arguments, else the item.
func (u *Unit) post(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	if !mayPublish(c) {
		return c.Reply(onlyPublishers(c, "post")), nil
	}
	if c.Cmd.Empty {
		return u.form(ctx, c, nil)
	}
	reply, _, err := u.create(ctx, c, c.Cmd)
	return reply, err
}

// itemValues are the options of an item as they stand.
type itemValues struct {
	topic, dept      string
	publish, expires time.Time
	// partners addresses it to partners: to every one, or to the
	// organisation of id org.
	partners bool
	org      int64
}

// everyone are the words for "no department" in dept: (an edit that
// makes an item everyone's again).
var everyone = grammar.W("everyone", "iedereen")

// applyOptions checks the typed topic:, dept:, publish: and expires: and
// sets them on v. problem says what is wrong and field names the form
// field it belongs to.
func (u *Unit) applyOptions(ctx context.Context, c *feature.Call, p *grammar.Parsed, v *itemValues) (problem, field string, err error) {
	if p.Has("topic") {
		v.topic = ""
		if name := strings.TrimSpace(p.Text("topic")); name != "" {
			t, bad, err := u.findTopic(ctx, c, name, false)
			if bad != "" || err != nil {
				return bad, "topic", err
			}
			v.topic = t
		}
	}
	if p.Has("dept") {
		v.dept = ""
		if name := strings.TrimSpace(p.Text("dept")); name != "" && !everyone.Is(name) {
			d, bad, err := feature.FindDepartment(ctx, u.cfg.People, c, name)
			if bad != "" || err != nil {
				return bad, "dept", err
			}
			v.dept = d
		}
	}
	switch {
	case p.Has("audience") && p.Has("partner"):
		return bothAudiences(c, p.Text("audience")), "audience", nil
	case p.Text("audience") == "partners":
		v.partners, v.org = true, 0
	case p.Has("audience"):
		v.partners, v.org = false, 0
	case p.Has("partner"):
		name := strings.TrimSpace(p.Text("partner"))
		if name == "" {
			return whichPartner(c), "audience", nil
		}
		org, bad, err := u.findOrganisation(ctx, c, name)
		if bad != "" || err != nil {
			return bad, "audience", err
		}
		v.partners, v.org = true, org.ID
	}
	if dt, ok := p.DateTime("publish"); ok {
		v.publish = u.instant(dt, false)
	}
	if dt, ok := p.DateTime("expires"); ok {
		v.expires = u.instant(dt, true)
	}
	return "", "", nil
}

// create checks and publishes an item, from the typed command or the
// form; field names the form field a mistake belongs to.
func (u *Unit) create(ctx context.Context, c *feature.Call, p *grammar.Parsed) (intranet.Reply, string, error) {
	var v itemValues
	if bad, field, err := u.applyOptions(ctx, c, p, &v); bad != "" || err != nil {
		return c.Reply(bad), field, err
	}
	title, body := strings.TrimSpace(p.Text("title")), strings.TrimSpace(p.Text("body"))
	if bad, field := itemTextProblem(c, title, body); bad != "" {
		return c.Reply(bad), field, nil
	}
	now := u.cfg.Now()
	if !v.publish.IsZero() && v.publish.Before(now.Add(-time.Minute)) {
		return c.Reply(publishPast(c)), "publish_date", nil
	}
	if !v.expires.IsZero() && !v.expires.After(maxTime(now, v.publish)) {
		return c.Reply(expiresFirst(c)), "expires", nil
	}
	important, _ := p.Flag("important")
	n := intranet.NewNewsItem{Title: title, Body: body, Topic: v.topic, Department: v.dept, Important: important, CommentsClosed: p.Text("comments") == "off",
		Partners: v.partners, PartnerOrgID: v.org, AuthorID: c.Person.ID, Publish: v.publish, Expires: v.expires, Lang: c.Lang}
	var item *intranet.NewsItem
	err := feature.InTx(ctx, u.cfg.Tx, func(ctx context.Context) error {
		var err error
		if item, err = u.cfg.News.CreateNews(ctx, n, now); err != nil {
			return err
		}
		return u.scheduleItem(ctx, item, true)
	})
	if intranet.ErrorCode(err) == intranet.EINVALID {
		return c.Reply(intranet.ErrorMessage(err) + " " + postUsage(c)), "", nil
	} else if err != nil {
		return intranet.Reply{}, "", err
	}
	return u.postedView(c, item, now), "", nil
}

// itemTextProblem checks a new item's title and text.
func itemTextProblem(c *feature.Call, title, body string) (problem, field string) {
	switch {
	case title == "":
		return needsTitle(c), "title"
	case body == "":
		return needsBody(c), "body"
	case utf8.RuneCountInString(title) > intranet.MaxNewsTitle:
		return titleTooLong(c), "title"
	case utf8.RuneCountInString(body) > intranet.MaxNewsBody:
		return bodyTooLong(c, utf8.RuneCountInString(body)), "body"
	}
	return "", ""
}

// edit corrects an item: a new title, a new text, options; what is not
// given stays. Without any, it opens the editing form.
func (u *Unit) edit(ctx context.Context, c *feature.Call, id int64) (intranet.Reply, error) {
	if !mayPublish(c) {
		return c.Reply(onlyPublishers(c, "edit")), nil
	}
	p := c.Cmd
	title, body := strings.TrimSpace(p.Text("title")), strings.TrimSpace(p.Text("body"))
	if title == "" && body == "" && !p.Has("important") && !p.Has("topic") && !p.Has("dept") && !p.Has("publish") && !p.Has("expires") && !p.Has("comments") &&
		!p.Has("audience") && !p.Has("partner") {
		old, err := u.cfg.News.FindNewsByID(ctx, id)
		switch {
		case intranet.ErrorCode(err) == intranet.ENOTFOUND:
			return c.Reply(noItem(c, id)), nil
		case err != nil:
			return intranet.Reply{}, err
		case !old.Withdrawn.IsZero():
			return c.Reply(editWithdrawn(c, id)), nil
		}
		return u.editForm(ctx, c, old, nil)
	}
	reply, _, err := u.editItem(ctx, c, id, p, false)
	return reply, err
}

// editItem corrects an item from the typed command or the editing form;
// field names the form field a mistake belongs to. whole says that p
// gives the whole item (the form): a topic, department or expiry it does
// not give is cleared, not kept.
func (u *Unit) editItem(ctx context.Context, c *feature.Call, id int64, p *grammar.Parsed, whole bool) (intranet.Reply, string, error) {
	title, body := strings.TrimSpace(p.Text("title")), strings.TrimSpace(p.Text("body"))
	old, err := u.cfg.News.FindNewsByID(ctx, id)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return c.Reply(noItem(c, id)), "", nil
	} else if err != nil {
		return intranet.Reply{}, "", err
	}
	if !old.Withdrawn.IsZero() {
		return c.Reply(editWithdrawn(c, id)), "", nil
	}
	var upd intranet.NewsUpdate
	if title != "" {
		upd.Title = &title
	}
	if body != "" {
		upd.Body = &body
	}
	if on, given := p.Flag("important"); given {
		upd.Important = &on
	}
	if p.Has("comments") {
		closed := p.Text("comments") == "off"
		upd.CommentsClosed = &closed
	}
	v := itemValues{topic: old.Topic, dept: old.Department, publish: old.Publish, expires: old.Expires, partners: old.Partners, org: old.PartnerOrgID}
	if whole {
		v.topic, v.dept, v.expires, v.partners, v.org = "", "", time.Time{}, false, 0
	}
	if bad, field, err := u.applyOptions(ctx, c, p, &v); bad != "" || err != nil {
		return c.Reply(bad), field, err
	}
	now := u.cfg.Now()
	if p.Has("publish") {
		if !old.Publish.After(now) {
			return c.Reply(appearedAlready(c, id)), "publish_date", nil
		}
		if v.publish.Before(now) {
			v.publish = now
		}
		upd.Publish = &v.publish
	}
	if !v.expires.IsZero() && !v.expires.After(maxTime(now, v.publish)) {
		return c.Reply(expiresFirst(c)), "expires", nil
	}
	upd.Topic, upd.Department, upd.Expires = &v.topic, &v.dept, &v.expires
	upd.Partners, upd.PartnerOrgID = &v.partners, &v.org
	var item *intranet.NewsItem
	err = feature.InTx(ctx, u.cfg.Tx, func(ctx context.Context) error {
		var err error
		if item, err = u.cfg.News.UpdateNews(ctx, id, upd, now); err != nil {
			return err
		}
		if upd.Publish != nil || upd.Important != nil {
			return u.scheduleItem(ctx, item, upd.Publish != nil)
		}
		return nil
	})
	switch intranet.ErrorCode(err) {
	case "":
	case intranet.ECONFLICT: // withdrawn meanwhile
		return c.Reply(editWithdrawn(c, id)), "", nil
	case intranet.EINVALID:
		return c.Reply(intranet.ErrorMessage(err)), "", nil
	default:
		return intranet.Reply{}, "", err
	}
	return u.editedView(c, item), "", nil
}

// sub returns a subcommand of /news by its English words.
func sub(name string) *grammar.Sub {
	for i := range Command.Subs {
		if Command.Subs[i].Name() == name {
			return &Command.Subs[i]
		}
	}
	panic("news: no subcommand " + name)
}

// postUsage is the right form of /news post, also where no command was
// parsed (a submitted form).
func postUsage(c *feature.Call) string {
	return grammar.UsageSentence(Command, sub("post"), c.Lang)
}
