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
// conversations.open). 429 answers wait for Slack's Retry-After and 5xx
// answers and timeouts back off, within MaxAttempts and MaxRetryWait; after
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
	err := a.retry(ctx, "chat.update", func(ctx context.Context) error {
		_, _, _, err := a.api.UpdateMessageContext(ctx, ref.ChannelID, ref.ID, slack.MsgOptionText(m.Text, false), slack.MsgOptionBlocks(m.Blocks...))
		return err
	}, retryIdempotent)
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
	return a.retry(ctx, "chat.postEphemeral", func(ctx context.Context) error {
		_, err := a.api.PostEphemeralContext(ctx, channelID, userID, opts...)
		return err
	}, nil)
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
	err := a.retry(ctx, "chat.postMessage", func(ctx context.Context) error {
		var err error
		_, ts, err = a.api.PostMessageContext(ctx, channelID, opts...)
		return err
	}, check)
	return ts, err
}

// findDelivery looks in a channel's recent history for a message carrying
// the delivery key and returns its ts, or "".
func (a *Adapter) findDelivery(ctx context.Context, channelID, key string, since time.Time) (string, error) {
	var hist *slack.GetConversationHistoryResponse
	err := a.retry(ctx, "conversations.history", func(ctx context.Context) error {
		var err error
		hist, err = a.api.GetConversationHistoryContext(ctx, &slack.GetConversationHistoryParameters{
			ChannelID:          channelID,
			Oldest:             strconv.FormatInt(since.Add(-historyLookback).Unix(), 10),
			Limit:              historyLimit,
			IncludeAllMetadata: true,
		})
		return err
	}, retryIdempotent)
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
	err := a.retry(ctx, "conversations.open", func(ctx context.Context) error {
		var err error
		ch, _, _, err = a.api.OpenConversationContext(ctx, &slack.OpenConversationParameters{Users: []string{userID}, ReturnIM: true})
		return err
	}, retryIdempotent)
	if isSlackError(err, "user_not_found", "user_not_visible", "user_disabled") {
		return "", intranet.Errorf(intranet.ENOTFOUND, "slack user %s not found", userID)
	}
	if err != nil {
		return "", err
	}
	return ch.ID, nil
}

// retryIdempotent marks calls that may be repeated after an ambiguous
// failure without harm (reads, updates, conversations.open).
var retryIdempotent = func(context.Context) (bool, error) { return false, nil }

// retry runs call at most MaxAttempts times, waiting at most MaxRetryWait
// in all. A 429 has not taken effect and is retried after Slack's
// Retry-After. A 5xx or a timeout is ambiguous: the call is retried after a
// doubling backoff only when check says it did not take effect (check nil:
// not retried; retryIdempotent: always). When the tries run out, the error
// is a temporary *intranet.DeliveryError.
func (a *Adapter) retry(ctx context.Context, op string, call func(ctx context.Context) error, check func(ctx context.Context) (bool, error)) error {
	waited := time.Duration(0)
	backoff := a.cfg.Backoff
	for attempt := 1; ; attempt++ {
		err := call(ctx)
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return &intranet.DeliveryError{Temporary: true, Err: fmt.Errorf("%s: %w", op, err)}
		}
		wait, rateLimited, temporary := classify(err)
		if !temporary {
			return fmt.Errorf("%s: %w", op, err)
		}
		if !rateLimited {
			if check == nil {
				return &intranet.DeliveryError{Temporary: true, Err: fmt.Errorf("%s (not retried, may have taken effect): %w", op, err)}
			}
			done, cerr := check(ctx)
			if cerr != nil {
				return cerr
			}
			if done {
				a.log.Info("slack: earlier attempt had succeeded", "op", op, "attempt", attempt)
				return nil
			}
			wait = backoff
			backoff *= 2
		} else if wait <= 0 {
			wait = backoff
		}
		if attempt >= a.cfg.MaxAttempts || waited+wait > a.cfg.MaxRetryWait {
			de := &intranet.DeliveryError{Temporary: true, Err: fmt.Errorf("%s after %d attempts: %w", op, attempt, err)}
			if rateLimited {
				de.RetryAfter = wait
			}
			return de
		}
		a.log.Info("slack: retrying", "op", op, "attempt", attempt, "wait", wait.String(), "err", err)
		if err := a.cfg.Sleep(ctx, wait); err != nil {
			return &intranet.DeliveryError{Temporary: true, Err: fmt.Errorf("%s: %w", op, err)}
		}
		waited += wait
	}
}

// classify tells rate limits (with Slack's wait) and other temporary
// failures from final ones.
func classify(err error) (wait time.Duration, rateLimited, temporary bool) {
	var rl *slack.RateLimitedError
	var sc slack.StatusCodeError
	var se slack.SlackErrorResponse
	var ne net.Error
	switch {
	case errors.As(err, &rl):
		return rl.RetryAfter, true, true
	case errors.As(err, &sc):
		if sc.Code == http.StatusTooManyRequests {
			return 0, true, true
		}
		return 0, false, sc.Code >= 500
	case errors.As(err, &se):
		switch se.Err {
		case "ratelimited":
			return 0, true, true
		case "internal_error", "fatal_error", "service_unavailable", "request_timeout":
			return 0, false, true
		}
		return 0, false, false
	case errors.As(err, &ne), errors.Is(err, context.DeadlineExceeded):
		return 0, false, true
	}
	return 0, false, false
}

// statusError turns a response_url answer into an error of the same kinds
// the Web API client returns, so retry classifies it alike.
func statusError(resp *http.Response) error {
	if resp.StatusCode == http.StatusOK {
		return nil
	}
	if resp.StatusCode == http.StatusTooManyRequests {
		if sec, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil {
			return &slack.RateLimitedError{RetryAfter: time.Duration(sec) * time.Second}
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
