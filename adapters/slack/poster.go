package slack

// Outbound messages through the Web API: chat.postMessage
// (https://docs.slack.dev/reference/methods/chat.postMessage), chat.update,
// chat.postEphemeral and conversations.open, with Slack's rate limits
// (https://docs.slack.dev/apis/web-api/rate-limits) handled here.

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/slack-go/slack"

	"github.com/werkplek/werkplek/adapters/internal/retry"
	"github.com/werkplek/werkplek/intranet"
)

// deliveryEvent is the message metadata event type that carries a
// delivery's key, so that an earlier attempt can be recognised in the
// channel's history.
const deliveryEvent = "werkplek_delivery"

// historyLookback is how far before an attempt the history check looks, for
// clock differences between Slack and this machine.
const historyLookback = time.Minute

// historyLimit is how many recent messages the history check reads.
const historyLimit = 100

// Deliver posts a reply to a channel, or to a person's DM (opened with
// conversations.open). Posts are paced by Slack's message limits (pace.go:
// one a second in a channel, Config.MessageRate in the workspace). 429
// answers wait for Slack's Retry-After and 5xx
// answers and timeouts back off (adapters/internal/retry), within
// MaxAttempts and MaxRetryWait; after
// that Deliver returns a temporary *intranet.DeliveryError for the caller to
// try later. Other failures (channel_not_found, not_in_channel, ...) are
// final and returned as plain errors.
//
// A retry never duplicates a post that Slack answered: each post carries
// d.Key in its metadata (event type "werkplek_delivery"), the key is claimed
// in the state store before the first attempt, and after an ambiguous
// failure (5xx, timeout), or when an earlier Deliver of the same key was
// seen, conversations.history is searched for the key before posting again.
// The window that remains: a post that Slack stores only after the history
// check ran (a request still in flight when its timeout hit), a check that
// cannot see the message (more than 100 newer messages in the channel, or
// history not yet consistent), and two replicas delivering the same key at
// the same moment. When the history cannot be read (missing channels:history
// scope, say), Deliver stops instead of risking a duplicate and returns a
// final error.
func (a *Adapter) Deliver(ctx context.Context, d intranet.Delivery) (intranet.MessageRef, error) {
	if a.cfg.BotToken == "" {
		return intranet.MessageRef{}, errors.New("slack deliver: no bot token (SLACK_BOT_TOKEN)")
	}
	ch := d.To.ChannelID
	if d.To.IsDirect() {
		var err error
		if ch, err = a.openDM(ctx, d.To.UserID); err != nil {
			return intranet.MessageRef{}, err
		}
	}
	if ch == "" {
		return intranet.MessageRef{}, errors.New("slack deliver: no channel or user")
	}
	ref := intranet.MessageRef{Platform: intranet.PlatformSlack, Installation: d.To.Installation, ChannelID: ch}
	var since time.Time
	if d.Key != "" {
		a.maybePrune()
		st, err := a.claimDelivery(ctx, d.Key)
		if err != nil {
			return ref, err
		}
		if st.ts != "" {
			ref.ChannelID, ref.ID = st.channel, st.ts
			return ref, nil
		}
		if !st.since.IsZero() {
			// An earlier Deliver of this key did not finish: look first.
			ts, err := a.findDelivery(ctx, ch, d.Key, st.since)
			if err != nil {
				return ref, err
			}
			if ts != "" {
				ref.ID = ts
				a.recordDelivery(ctx, d.Key, ch, ts)
				return ref, nil
			}
		}
		since = a.cfg.Now()
	}
	ts, err := a.post(ctx, ch, "", d.Reply, d.Key, since)
	if err != nil {
		return ref, err
	}
	ref.ID = ts
	if d.Key != "" {
		a.recordDelivery(ctx, d.Key, ch, ts)
	}
	return ref, nil
}

// Update replaces a message the poster sent (chat.update). It returns
// ENOTFOUND when the message or its channel is gone.
func (a *Adapter) Update(ctx context.Context, ref intranet.MessageRef, r intranet.Reply) error {
	if a.cfg.BotToken == "" {
		return errors.New("slack update: no bot token (SLACK_BOT_TOKEN)")
	}
	m := RenderMessage(r)
	err := a.retry(ctx, retry.Call{Op: "chat.update", Safe: true}, func(ctx context.Context) error {
		_, _, _, err := a.api.UpdateMessageContext(ctx, ref.ChannelID, ref.ID, slack.MsgOptionText(m.Text, false), slack.MsgOptionBlocks(m.Blocks...))
		return err
	})
	if isSlackError(err, "message_not_found", "channel_not_found") {
		return intranet.Errorf(intranet.ENOTFOUND, "slack message %s/%s is gone", ref.ChannelID, ref.ID)
	}
	return err
}

// PostEphemeral shows a reply to one person in a channel
// (chat.postEphemeral); it is not stored and cannot be updated.
func (a *Adapter) PostEphemeral(ctx context.Context, channelID, userID string, r intranet.Reply) error {
	return a.postEphemeral(ctx, channelID, userID, "", r)
}

func (a *Adapter) postEphemeral(ctx context.Context, channelID, userID, threadTS string, r intranet.Reply) error {
	m := RenderMessage(r)
	opts := []slack.MsgOption{slack.MsgOptionText(m.Text, false), slack.MsgOptionBlocks(m.Blocks...)}
	if threadTS != "" {
		opts = append(opts, slack.MsgOptionTS(threadTS))
	}
	// Not repeated after an unknown outcome: it has no key to dedupe by.
	return a.retry(ctx, retry.Call{Op: "chat.postEphemeral"}, func(ctx context.Context) error {
		_, err := a.api.PostEphemeralContext(ctx, channelID, userID, opts...)
		return err
	})
}

// post sends chat.postMessage and returns the message's ts. With a key,
// the key goes into the message metadata and an ambiguous failure is
// followed by a history check (from since on) before the next attempt.
func (a *Adapter) post(ctx context.Context, channelID, threadTS string, r intranet.Reply, key string, since time.Time) (string, error) {
	m := RenderMessage(r)
	opts := []slack.MsgOption{slack.MsgOptionText(m.Text, false), slack.MsgOptionBlocks(m.Blocks...)}
	if threadTS != "" {
		opts = append(opts, slack.MsgOptionTS(threadTS))
	}
	if key != "" {
		opts = append(opts, slack.MsgOptionMetadata(slack.SlackMetadata{EventType: deliveryEvent, EventPayload: map[string]any{"key": key}}))
	}
	var ts string
	var check func(ctx context.Context) (bool, error)
	if key != "" {
		check = func(ctx context.Context) (bool, error) {
			found, err := a.findDelivery(ctx, channelID, key, since)
			ts = found
			return found != "", err
		}
	}
	// The first try waits for the message's slot (pace.go) under the
	// channel's and the workspace's limit; a retry has waited already (for
	// a Retry-After, or a backoff). A 429 holds the channel's next message
	// for its Retry-After.
	paced := false
	err := a.policy.Do(ctx, retry.Call{Op: "chat.postMessage", Check: check}, func(ctx context.Context) error {
		if !paced {
			paced = true
			if err := a.pace.wait(ctx, channelID); err != nil {
				return retry.Refused(fmt.Errorf("chat.postMessage: %w", err), 0)
			}
		}
		var err error
		_, ts, err = a.api.PostMessageContext(ctx, channelID, opts...)
		var rl *slack.RateLimitedError
		if errors.As(err, &rl) {
			a.pace.refused(channelID, rl.RetryAfter)
		}
		return classify("chat.postMessage", err)
	})
	return ts, err
}

// findDelivery looks in a channel's recent history for a message carrying
// the delivery key and returns its ts, or "".
func (a *Adapter) findDelivery(ctx context.Context, channelID, key string, since time.Time) (string, error) {
	var hist *slack.GetConversationHistoryResponse
	err := a.retry(ctx, retry.Call{Op: "conversations.history", Safe: true}, func(ctx context.Context) error {
		var err error
		hist, err = a.api.GetConversationHistoryContext(ctx, &slack.GetConversationHistoryParameters{
			ChannelID:          channelID,
			Oldest:             strconv.FormatInt(since.Add(-historyLookback).Unix(), 10),
			Limit:              historyLimit,
			IncludeAllMetadata: true,
		})
		return err
	})
	if err != nil {
		// Without the history, trying again could post twice: stop here.
		return "", fmt.Errorf("slack deliver: outcome unknown, history not readable: %w", err)
	}
	for _, m := range hist.Messages {
		if m.Metadata.EventType == deliveryEvent && fmt.Sprint(m.Metadata.EventPayload["key"]) == key {
			return m.Timestamp, nil
		}
	}
	return "", nil
}

// deliveryState is what the state store knows of a delivery key.
type deliveryState struct {
	channel, ts string    // set once delivered
	since       time.Time // set when an earlier attempt did not finish
}

// claimDelivery claims a delivery key, or reports what an earlier Deliver
// of the same key left: "sent CHANNEL TS" or "pending UNIX".
func (a *Adapter) claimDelivery(ctx context.Context, key string) (deliveryState, error) {
	now := a.cfg.Now()
	won, err := a.state.ClaimState(ctx, "slack.deliveries", key, "pending "+strconv.FormatInt(now.Unix(), 10))
	if err != nil {
		return deliveryState{}, &intranet.DeliveryError{Temporary: true, Err: fmt.Errorf("claim delivery key: %w", err)}
	}
	if won {
		return deliveryState{}, nil
	}
	v, err := a.state.State(ctx, "slack.deliveries", key)
	if err != nil {
		return deliveryState{}, &intranet.DeliveryError{Temporary: true, Err: fmt.Errorf("read delivery key: %w", err)}
	}
	f := strings.Fields(v)
	switch {
	case len(f) == 3 && f[0] == "sent":
		return deliveryState{channel: f[1], ts: f[2]}, nil
	case len(f) == 2 && f[0] == "pending":
		if sec, err := strconv.ParseInt(f[1], 10, 64); err == nil {
			return deliveryState{since: time.Unix(sec, 0)}, nil
		}
	}
	return deliveryState{since: now.Add(-24 * time.Hour)}, nil
}

func (a *Adapter) recordDelivery(ctx context.Context, key, channelID, ts string) {
	if err := a.state.SetState(ctx, "slack.deliveries", key, "sent "+channelID+" "+ts); err != nil {
		a.log.Warn("slack: delivery not recorded", "key", key, "err", err)
	}
}

// openDM returns the id of the DM channel with a person.
func (a *Adapter) openDM(ctx context.Context, userID string) (string, error) {
	var ch *slack.Channel
	err := a.retry(ctx, retry.Call{Op: "conversations.open", Safe: true}, func(ctx context.Context) error {
		var err error
		ch, _, _, err = a.api.OpenConversationContext(ctx, &slack.OpenConversationParameters{Users: []string{userID}, ReturnIM: true})
		return err
	})
	if isSlackError(err, "user_not_found", "user_not_visible", "user_disabled") {
		return "", intranet.Errorf(intranet.ENOTFOUND, "slack user %s not found", userID)
	}
	if err != nil {
		return "", err
	}
	return ch.ID, nil
}

// retry runs one Web API call under the adapters' retry policy
// (adapters/internal/retry), reading Slack's errors for it.
func (a *Adapter) retry(ctx context.Context, c retry.Call, call func(ctx context.Context) error) error {
	return a.policy.Do(ctx, c, func(ctx context.Context) error { return classify(c.Op, call(ctx)) })
}

// classify names the call in err and marks Slack's rate limits (with
// Slack's wait) as refused and server errors and timeouts as of unknown
// outcome; other failures are final.
func classify(op string, err error) error {
	if err == nil {
		return nil
	}
	named := fmt.Errorf("%s: %w", op, err)
	var rl *slack.RateLimitedError
	var sc slack.StatusCodeError
	var se slack.SlackErrorResponse
	var ne net.Error
	switch {
	case errors.As(err, &rl):
		return retry.Refused(named, rl.RetryAfter)
	case errors.As(err, &sc):
		if sc.Code == http.StatusTooManyRequests {
			return retry.Refused(named, 0)
		}
		if sc.Code >= 500 {
			return retry.Unknown(named, 0)
		}
	case errors.As(err, &se):
		switch se.Err {
		case "ratelimited":
			return retry.Refused(named, 0)
		case "internal_error", "fatal_error", "service_unavailable", "request_timeout":
			return retry.Unknown(named, 0)
		}
	case errors.As(err, &ne), errors.Is(err, context.DeadlineExceeded):
		return retry.Unknown(named, 0)
	}
	return named
}

// statusError turns a response_url answer into an error of the same kinds
// the Web API client returns, so retry classifies it alike.
func (a *Adapter) statusError(resp *http.Response) error {
	if resp.StatusCode == http.StatusOK {
		return nil
	}
	if resp.StatusCode == http.StatusTooManyRequests {
		if d := a.policy.RetryAfter(resp.Header.Get("Retry-After")); d > 0 {
			return &slack.RateLimitedError{RetryAfter: d}
		}
	}
	return slack.StatusCodeError{Code: resp.StatusCode, Status: resp.Status}
}

func isSlackError(err error, codes ...string) bool {
	var se slack.SlackErrorResponse
	if !errors.As(err, &se) {
		return false
	}
	for _, c := range codes {
		if se.Err == c {
			return true
		}
	}
	return false
}
