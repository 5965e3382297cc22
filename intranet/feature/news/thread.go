package news

import (
	"context"
	"strings"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

var _ feature.ThreadUnit = (*Unit)(nil)

// HandleThread answers a plain message written in the thread of a news
// message in a channel (Slack, Mattermost). Under one item it is a comment
// on that item, by its writer, with the same rules as /news comment (who
// may see the item may comment); the thanks or the refusal goes to the
// writer alone. Under a digest of several items the writer alone gets a
// hint to comment with /news comment on one of them.
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
	// A department's item posted in a channel where others read along:
	// say why their reply is no comment, rather than that the item is not
	// there.
	n, err := u.cfg.News.FindNewsByID(ctx, p.Items[0])
	if err == nil && !personScope(c.Person).Sees(n) {
		return c.Reply(threadOutsideAudience(c, n)), true, nil
	} else if err != nil && intranet.ErrorCode(err) != intranet.ENOTFOUND {
		return intranet.Reply{}, true, err
	}
	// The rules of /news comment (Comment checks the audience again, in
	// case it changed): its answer, thanks or why not, is the writer's
	// alone.
	reply, err := u.Comment(ctx, c, p.Items[0], text)
	reply.Visibility = intranet.Ephemeral
	return reply, true, err
}
