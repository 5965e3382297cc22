package slack

// Whether a channel is shared with another organisation (Slack Connect),
// from conversations.info (https://docs.slack.dev/reference/methods/conversations.info),
// for requests whose payload does not say so.

import (
	"context"
	"sync"
	"time"

	"github.com/slack-go/slack"

	"github.com/werkplek/werkplek/adapters/internal/retry"
	"github.com/werkplek/werkplek/intranet"
)

// enrichChannel sets Channel.Shared for a channel Slack marks externally
// shared (is_ext_shared; is_shared alone is a channel shared between
// workspaces of one Grid organisation), from a short-lived in-memory cache
// of conversations.info. A DM, a channel the payload already said is
// shared, and a request whose payload told (known) are left as they are;
// so is the channel when the lookup fails (logged).
func (a *Adapter) enrichChannel(ctx context.Context, ch *intranet.Channel, known bool) {
	if a.cfg.BotToken == "" || ch.ID == "" || ch.Direct || ch.Shared || known {
		return
	}
	shared, ok := a.channels.get(ch.ID, a.cfg.Now())
	if !ok {
		lctx, cancel := context.WithTimeout(ctx, time.Second)
		defer cancel()
		var c *slack.Channel
		err := a.retry(lctx, retry.Call{Op: "conversations.info", Safe: true}, func(ctx context.Context) error {
			var err error
			c, err = a.api.GetConversationInfoContext(ctx, &slack.GetConversationInfoInput{ChannelID: ch.ID})
			return err
		})
		if err != nil {
			a.log.Warn("slack: conversations.info failed", "channel_id", ch.ID, "err", err)
			return
		}
		shared = c.IsExtShared
		a.channels.put(ch.ID, shared, a.cfg.Now(), a.cfg.UserCacheTTL)
	}
	ch.Shared = shared
}

// channelCache keeps whether channels are externally shared, briefly.
type channelCache struct {
	mu      sync.Mutex
	entries map[string]cachedChannel
}

type cachedChannel struct {
	shared  bool
	expires time.Time
}

func (c *channelCache) get(id string, now time.Time) (bool, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[id]
	if !ok || now.After(e.expires) {
		return false, false
	}
	return e.shared, true
}

func (c *channelCache) put(id string, shared bool, now time.Time, ttl time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil || len(c.entries) >= maxCachedUsers {
		c.entries = map[string]cachedChannel{}
	}
	c.entries[id] = cachedChannel{shared: shared, expires: now.Add(ttl)}
}
