package mattermost

// The poster sends as the bot account through the REST API
// (https://api.mattermost.com/#tag/posts, https://developers.mattermost.com/integrate/reference/bot-accounts/).
//
// Retries without duplicates: every new post carries a pending_post_id
// derived from Delivery.Key. The server (deduplicateCreatePost in
// server/channels/app/post.go) remembers each pending_post_id it saw for 30
// seconds (pendingPostIDsCacheTTL) and answers a repeat with the post it
// already created; a repeat that arrives while the first is still being
// saved gets a 500, which is retried like any 5xx. The id's format is not
// validated by the server; the cache key is global, so ours carry a
// "werkplek:" prefix and a hash of the key. Our own retries wait at most
// RetryMaxWait (20 s by default) in total, inside that window.
//
// What remains possible: a duplicate when a retry of the same Key comes more
// than 30 s after the first attempt reached the server (a job runner trying
// a *DeliveryError again later, after a lost answer), after a server restart
// (the cache is in memory), or when a cluster's nodes do not share that
// cache and the retry lands on another node. Deliveries without a Key are
// not deduplicated, so they are not repeated after a 5xx or a network error
// (only after a 429). Updates (PatchPost) are idempotent by nature.

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/werkplek/werkplek/adapters/internal/retry"
	"github.com/werkplek/werkplek/intranet"
)

// Deliver posts to a channel, or DMs a person through the direct channel
// between the bot and them.
func (a *Adapter) Deliver(ctx context.Context, d intranet.Delivery) (intranet.MessageRef, error) {
	if a.api == nil {
		return intranet.MessageRef{}, intranet.Errorf(intranet.EUNAVAILABLE, "mattermost: no MATTERMOST_URL and bot token")
	}
	channel := d.To.ChannelID
	if d.To.IsDirect() {
		c, err := a.directChannel(ctx, d.To.UserID)
		if err != nil {
			return intranet.MessageRef{}, err
		}
		channel = c
	}
	if channel == "" {
		return intranet.MessageRef{}, intranet.Errorf(intranet.EINVALID, "mattermost: delivery without channel or user")
	}
	p, err := a.post(ctx, Render(d.Reply, a.renderOptions()).Post(channel), d.Key)
	if err != nil {
		return intranet.MessageRef{}, err
	}
	return intranet.MessageRef{Platform: intranet.PlatformMattermost, Installation: a.cfg.Installation, ChannelID: p.ChannelId, ID: p.Id}, nil
}

// Update replaces the message and attachments of a post the bot made.
func (a *Adapter) Update(ctx context.Context, ref intranet.MessageRef, r intranet.Reply) error {
	if a.api == nil {
		return intranet.Errorf(intranet.EUNAVAILABLE, "mattermost: no MATTERMOST_URL and bot token")
	}
	m := Render(r, a.renderOptions())
	atts := m.Attachments
	if atts == nil {
		atts = []*model.MessageAttachment{}
	}
	props := model.StringInterface{model.PostPropsAttachments: atts}
	patch := &model.PostPatch{Message: &m.Text, Props: &props}
	err := a.retry(ctx, retry.Call{Op: "update post", Safe: true}, func() (*model.Response, error) {
		_, resp, err := a.api.PatchPost(ctx, ref.ID, patch)
		return resp, err
	})
	if status(err) == http.StatusNotFound {
		return intranet.Errorf(intranet.ENOTFOUND, "post %s is gone", ref.ID)
	}
	return err
}

// post creates a post, deduplicated by key when there is one.
func (a *Adapter) post(ctx context.Context, p *model.Post, key string) (*model.Post, error) {
	p.PendingPostId = pendingPostID(key)
	var created *model.Post
	// A post with a key is deduplicated by the server (pending_post_id), so
	// it may be repeated after an unknown outcome; one without may not.
	err := a.retry(ctx, retry.Call{Op: "create post", Safe: key != ""}, func() (*model.Response, error) {
		c, resp, err := a.api.CreatePost(ctx, p)
		created = c
		return resp, err
	})
	if err != nil {
		return nil, err
	}
	return created, nil
}

// postEphemeral shows a message to one person in a channel. Mattermost only
// lets accounts with the create_post_ephemeral permission (system admins,
// by default) do this; callers fall back when it fails.
func (a *Adapter) postEphemeral(ctx context.Context, userID, channelID string, m Message) error {
	return a.postEphemeralPost(ctx, userID, m.Post(channelID))
}

// postEphemeralPost shows a post (one in a thread, say) to one person.
func (a *Adapter) postEphemeralPost(ctx context.Context, userID string, p *model.Post) error {
	if a.api == nil {
		return errors.New("post ephemeral: no API")
	}
	pe := &model.PostEphemeral{UserID: userID, Post: p}
	return a.retry(ctx, retry.Call{Op: "post ephemeral"}, func() (*model.Response, error) {
		_, resp, err := a.api.CreatePostEphemeral(ctx, pe)
		return resp, err
	})
}

// openDialog opens an interactive dialog with a trigger id, which Mattermost
// accepts for a few seconds only, so it is tried once.
func (a *Adapter) openDialog(ctx context.Context, triggerID string, d model.Dialog) error {
	if _, err := a.api.OpenInteractiveDialog(ctx, model.OpenDialogRequest{TriggerId: triggerID, URL: a.dialogURL, Dialog: d}); err != nil {
		return fmt.Errorf("open dialog: %w", err)
	}
	return nil
}

// directChannel returns the direct channel between the bot and a user;
// Mattermost returns the existing one when there is one.
func (a *Adapter) directChannel(ctx context.Context, userID string) (string, error) {
	bot, err := a.botUserID(ctx)
	if err != nil {
		return "", err
	}
	var ch *model.Channel
	err = a.retry(ctx, retry.Call{Op: "direct channel", Safe: true}, func() (*model.Response, error) {
		c, resp, err := a.api.CreateDirectChannel(ctx, bot, userID)
		ch = c
		return resp, err
	})
	if err != nil {
		return "", err
	}
	return ch.Id, nil
}

// botUserID returns the bot's own user id, asked once.
func (a *Adapter) botUserID(ctx context.Context) (string, error) {
	a.mu.Lock()
	id := a.botID
	a.mu.Unlock()
	if id != "" {
		return id, nil
	}
	var me *model.User
	err := a.retry(ctx, retry.Call{Op: "get bot user", Safe: true}, func() (*model.Response, error) {
		u, resp, err := a.api.GetMe(ctx, "")
		me = u
		return resp, err
	})
	if err != nil {
		return "", err
	}
	a.mu.Lock()
	a.botID = me.Id
	a.mu.Unlock()
	return me.Id, nil
}

// pendingPostID derives the post's pending_post_id from the delivery key.
func pendingPostID(key string) string {
	if key == "" {
		return ""
	}
	sum := sha256.Sum256([]byte(key))
	return "werkplek:" + hex.EncodeToString(sum[:16])
}

// retry runs one API call under the adapters' retry policy
// (adapters/internal/retry): a 429 is tried again after Retry-After, a 5xx
// or a network error only when c.Safe. What still fails temporarily comes
// back as a *intranet.DeliveryError with Temporary set; other 4xx answers
// are final.
func (a *Adapter) retry(ctx context.Context, c retry.Call, call func() (*model.Response, error)) error {
	return a.policy.Do(ctx, c, func(ctx context.Context) error {
		resp, err := call()
		a.answered(ctx, c.Op, resp, err)
		if err == nil {
			return nil
		}
		e := &apiError{op: c.Op, err: err}
		if resp != nil {
			e.status = resp.StatusCode
		}
		switch {
		case e.status == http.StatusTooManyRequests:
			return retry.Refused(e, a.policy.RetryAfter(resp.Header.Get("Retry-After")))
		case e.status == 0 || e.status >= 500:
			var wait time.Duration
			if resp != nil {
				wait = a.policy.RetryAfter(resp.Header.Get("Retry-After"))
			}
			return retry.Unknown(e, wait)
		}
		return e
	})
}

// apiError is a failed API call with the HTTP status Mattermost answered.
type apiError struct {
	op     string
	status int
	err    error
}

func (e *apiError) Error() string {
	if e.status == 0 {
		return fmt.Sprintf("%s: %v", e.op, e.err)
	}
	return fmt.Sprintf("%s: status %d: %v", e.op, e.status, e.err)
}
func (e *apiError) Unwrap() error { return e.err }

// status returns the HTTP status of a failed API call, 0 if none.
func status(err error) int {
	var e *apiError
	if errors.As(err, &e) {
		return e.status
	}
	return 0
}
