package board

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/grammar"
)

// post answers /board post: a form without arguments, else the ad.
func (u *Unit) post(ctx context.Context, c *feature.Call) (intranet.Reply, error) {
	if c.Cmd.Empty {
		if c.Guest {
			// Forms are not for guests (the router takes none from them):
			// the typed command does the same.
			return c.Reply(usage(c, "post")), nil
		}
		return postForm(c, nil), nil
	}
	reply, _, err := u.create(ctx, c, c.Cmd)
	return reply, err
}

// create checks and stores an ad, from the typed command or the form;
// field names the form field a mistake belongs to.
func (u *Unit) create(ctx context.Context, c *feature.Call, p *grammar.Parsed) (intranet.Reply, string, error) {
	title, text := strings.TrimSpace(p.Text("title")), strings.TrimSpace(p.Text("text"))
	if bad, field := textProblem(c, title, text); bad != "" {
		return c.Reply(bad), field, nil
	}
	now := u.cfg.Now()
	expires, bad := u.expiry(c, p, now)
	if bad != "" {
		return c.Reply(bad), "expires", nil
	}
	cat := intranet.CategoryOther
	if p.Has("category") {
		cat = intranet.Category(p.Text("category"))
	}
	var ad *intranet.Ad
	err := feature.InTx(ctx, u.cfg.Tx, func(ctx context.Context) error {
		var err error
		if ad, err = u.cfg.Board.CreateAd(ctx, intranet.NewAd{Title: title, Text: text, Category: cat, PosterID: c.Person.ID, Expires: expires}, now); err != nil {
			return err
		}
		if err := u.cfg.Jobs.Schedule(ctx, BoardPublishJob, publishKey(ad.ID), now, nil); err != nil {
			return err
		}
		return u.scheduleReminder(ctx, ad)
	})
	if intranet.ErrorCode(err) == intranet.EINVALID {
		return c.Reply(intranet.ErrorMessage(err) + " " + usage(c, "post")), "", nil
	} else if err != nil {
		return intranet.Reply{}, "", err
	}
	return u.postedView(c, ad), "", nil
}

// textProblem checks an ad's title and text.
func textProblem(c *feature.Call, title, text string) (problem, field string) {
	switch {
	case title == "":
		return c.T("Je advertentie heeft een titel nodig.", "Your ad needs a title.") + " " + usage(c, "post"), "title"
	case text == "":
		return c.T("Je advertentie heeft een tekst nodig, na `|`.", "Your ad needs a text, after `|`.") + " " + usage(c, "post"), "text"
	case utf8.RuneCountInString(title) > intranet.MaxAdTitle:
		return c.T("Een titel mag hoogstens %d tekens hebben.", "A title may have at most %d characters.", intranet.MaxAdTitle), "title"
	case utf8.RuneCountInString(text) > intranet.MaxAdText:
		return c.T("Een tekst mag hoogstens %d tekens hebben; deze heeft er %d.", "A text may have at most %d characters; this one has %d.", intranet.MaxAdText, utf8.RuneCountInString(text)), "text"
	}
	return "", ""
}

// mayChange finds an ad the caller may change: their own, or any as a
// content manager when moderate is set.
func (u *Unit) mayChange(ctx context.Context, c *feature.Call, id int64, moderate bool) (*intranet.Ad, string, error) {
	a, bad, err := u.find(ctx, c, id)
	if bad != "" || err != nil {
		return nil, bad, err
	}
	if a.PosterID != c.Person.ID && !(moderate && mayModerate(c)) {
		return nil, notYours(c, a), nil
	}
	if !a.Removed.IsZero() {
		return nil, removedAlready(c, a.ID), nil
	}
	return a, "", nil
}

// edit corrects an ad: a new title, a new text, options; what is not given
// stays.
func (u *Unit) edit(ctx context.Context, c *feature.Call, id int64) (intranet.Reply, error) {
	p := c.Cmd
	title, text := strings.TrimSpace(p.Text("title")), strings.TrimSpace(p.Text("text"))
	if title == "" && text == "" && !p.Has("category") && !p.Has("expires") {
		return c.Reply(c.T("Wat moet er anders?", "What should change?") + " " + c.Usage()), nil
	}
	a, bad, err := u.mayChange(ctx, c, id, false)
	if bad != "" || err != nil {
		return c.Reply(bad), err
	}
	var upd intranet.AdUpdate
	if title != "" {
		upd.Title = &title
	}
	if text != "" {
		upd.Text = &text
	}
	if p.Has("category") {
		cat := intranet.Category(p.Text("category"))
		upd.Category = &cat
	}
	now := u.cfg.Now()
	if p.Has("expires") {
		at, bad := u.expiry(c, p, now)
		if bad != "" {
			return c.Reply(bad), nil
		}
		upd.Expires = &at
	}
	err = feature.InTx(ctx, u.cfg.Tx, func(ctx context.Context) error {
		var err error
		if a, err = u.cfg.Board.UpdateAd(ctx, id, upd, now); err != nil {
			return err
		}
		return u.scheduleReminder(ctx, a)
	})
	switch intranet.ErrorCode(err) {
	case "":
	case intranet.ECONFLICT:
		return c.Reply(removedAlready(c, id)), nil
	case intranet.EINVALID:
		return c.Reply(intranet.ErrorMessage(err)), nil
	default:
		return intranet.Reply{}, err
	}
	return u.editedView(c, a), nil
}

// extend answers /board extend: 30 days more, never beyond 90 days from
// now.
func (u *Unit) extend(ctx context.Context, c *feature.Call, id int64) (intranet.Reply, error) {
	a, bad, err := u.mayChange(ctx, c, id, false)
	if bad != "" || err != nil {
		return c.Reply(bad), err
	}
	now := u.cfg.Now()
	limit := now.Add(intranet.MaxAdExpiry)
	at := a.Expires
	if at.Before(now) {
		at = now
	}
	at = at.Add(ExtendBy)
	if at.After(limit) {
		at = limit
	}
	if !at.After(a.Expires) {
		return c.Reply(extendedEnough(c, a, u.untilText(a.Expires, c.Lang))), nil
	}
	err = feature.InTx(ctx, u.cfg.Tx, func(ctx context.Context) error {
		var err error
		if a, err = u.cfg.Board.UpdateAd(ctx, id, intranet.AdUpdate{Expires: &at}, now); err != nil {
			return err
		}
		return u.scheduleReminder(ctx, a)
	})
	if intranet.ErrorCode(err) == intranet.ECONFLICT {
		return c.Reply(removedAlready(c, id)), nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	reply := c.Reply(extended(c, a, u.untilText(a.Expires, c.Lang)))
	reply.ReplaceOriginal = c.ReplacesOriginal()
	return reply, nil
}

// remove answers /board remove: the poster takes their ad down; a content
// manager takes down another's with a reason, which the poster is told.
func (u *Unit) remove(ctx context.Context, c *feature.Call, id int64, reason string) (intranet.Reply, error) {
	a, bad, err := u.mayChange(ctx, c, id, true)
	if bad != "" || err != nil {
		return c.Reply(bad), err
	}
	moderated := a.PosterID != c.Person.ID
	if moderated && reason == "" {
		return c.Reply(needsReason(c, a)), nil
	}
	now := u.cfg.Now()
	err = feature.InTx(ctx, u.cfg.Tx, func(ctx context.Context) error {
		if _, err := u.cfg.Board.RemoveAd(ctx, id, now); err != nil {
			return err
		}
		if err := u.cfg.Jobs.Cancel(ctx, BoardRemindJob, remindKey(id)); err != nil {
			return err
		}
		if !moderated {
			return nil
		}
		poster, err := u.cfg.People.FindPersonByID(ctx, a.PosterID)
		if intranet.ErrorCode(err) == intranet.ENOTFOUND {
			return nil
		} else if err != nil {
			return err
		}
		return u.notifier.Send(ctx, feature.DM{To: poster, Key: removedKey(id), Guests: u.cfg.Guests,
			Write: func(lang string) intranet.Reply { return removedMessage(lang, a, c.Person.Name, reason) }})
	})
	if intranet.ErrorCode(err) == intranet.ECONFLICT {
		return c.Reply(removedAlready(c, id)), nil
	} else if err != nil {
		return intranet.Reply{}, err
	}
	reply := c.Reply(removed(c, a, moderated))
	reply.ReplaceOriginal = c.ReplacesOriginal()
	return reply, nil
}
