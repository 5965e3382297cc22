package news

import (
	"context"
	"fmt"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

var _ feature.ThreadUnit = (*Unit)(nil)

// HandleThread answers a plain message written in the thread of a news
// message in a channel (Slack, Mattermost). Under one item it is a comment
// on that item, by its writer, with the same rules as /news comment (who
// may see the item may comment): nothing is said when it is saved, and a
// refusal goes to the writer alone. Under a digest of several items the
// writer alone gets a hint to comment with /news comment on one of them.
// A thread that is no news message's is not the unit's (ok false).
func (u *Unit) HandleThread(ctx context.Context, c *feature.Call) (intranet.Reply, bool, error) {
	ref := *c.Req.Thread
	if ref.Platform == "" {
		ref.Platform = c.Req.Platform
	}
	if ref.ChannelID == "" {
		ref.ChannelID = c.Req.Channel.ID
	}
	p, err := u.cfg.Subscriptions.FindNewsPost(ctx, ref)
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return intranet.Reply{}, false, nil
	} else if err != nil {
		return intranet.Reply{}, false, err
	}
	text := strings.TrimSpace(c.Req.Text)
	switch {
	case text == "":
		return intranet.Reply{}, true, nil
	case c.Person == nil || c.Guest:
		return c.Reply(threadNotForGuests(c)), true, nil
	case len(p.Items) > 1:
		return c.Reply(threadDigestHint(c, p.Items)), true, nil
	}
	reply, err := u.threadComment(ctx, c, p.Items[0], text)
	return reply, true, err
}

// threadComment comments on an item with a thread reply, as /news comment
// <id> <text> typed by its writer.
func (u *Unit) threadComment(ctx context.Context, c *feature.Call, id int64, text string) (intranet.Reply, error) {
	p, err := u.grammar.Parse(fmt.Sprintf("/news comment %d %s", id, text), u.cfg.Today())
	if err != nil {
		return intranet.Reply{}, err
	}
	c.Cmd = p
	return u.Handle(ctx, c)
}
