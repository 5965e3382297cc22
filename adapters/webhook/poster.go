// Package webhook delivers events to the organisation's own software: the
// intranet.Poster of intranet.PlatformWebhook. Each delivery is one POST of
// the event as JSON to the endpoint, signed as Standard Webhooks asks
// (https://www.standardwebhooks.com/, github.com/standard-webhooks/standard-webhooks,
// spec/standard-webhooks.md):
//
//	webhook-id: the event's id, the same on every retry of it, so that
//	  the receiver handles it once
//	webhook-timestamp: the attempt's time, in Unix seconds
//	webhook-signature: "v1," and base64 of HMAC-SHA256 with the endpoint's
//	  secret over "<id>.<timestamp>.<body>"
//
// and the body {"type": …, "timestamp": …, "data": {…}}. A 2xx answer is a
// delivery; a 429, a 5xx, a timeout or a broken connection are tried
// again (after the endpoint's Retry-After when it gives one), first here,
// then by the outbox; every other answer (a redirect too), and an endpoint
// removed meanwhile, fail the delivery for good.
package webhook

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	standardwebhooks "github.com/standard-webhooks/standard-webhooks/libraries/go"

	"github.com/werkplek/werkplek/adapters/internal/retry"
	"github.com/werkplek/werkplek/intranet"
)

// Timeout bounds one POST: an endpoint should answer at once and do its
// work afterwards.
const Timeout = 15 * time.Second

// Poster posts events to webhook endpoints.
type Poster struct {
	Webhooks intranet.WebhookService
	// Client sends the requests (nil: one with Timeout that follows no
	// redirect).
	Client *http.Client
	// Retry is the policy of one delivery's tries; New makes it two tries
	// within 10 s, the outbox tries again later.
	Retry retry.Policy
	// Now is the clock of webhook-timestamp (default time.Now).
	Now func() time.Time
	// Log hears of each failed attempt (nil: silent).
	Log *slog.Logger
}

var _ intranet.Poster = (*Poster)(nil)

// New returns the poster over the endpoints.
func New(webhooks intranet.WebhookService, log *slog.Logger) *Poster {
	return &Poster{Webhooks: webhooks, Retry: retry.Policy{Attempts: 2, MaxWait: 10 * time.Second, Log: log}, Log: log}
}

// Body is what an endpoint receives: the Standard Webhooks payload.
type Body struct {
	Type      string          `json:"type"`
	Timestamp time.Time       `json:"timestamp"`
	Data      json.RawMessage `json:"data"`
}

// Deliver posts d.Event to the endpoint whose id is d.To.ChannelID.
// Returns ENOTFOUND for an endpoint that is gone, EINVALID for a delivery
// without event, a temporary *intranet.DeliveryError for a 429, a 5xx or
// no answer, and an error for any other answer.
func (p *Poster) Deliver(ctx context.Context, d intranet.Delivery) (intranet.MessageRef, error) {
	if d.Event == nil || d.Event.ID == "" {
		return intranet.MessageRef{}, intranet.Errorf(intranet.EINVALID, "webhook: delivery %s carries no event", d.Key)
	}
	id, err := strconv.ParseInt(d.To.ChannelID, 10, 64)
	if err != nil {
		return intranet.MessageRef{}, intranet.Errorf(intranet.EINVALID, "webhook: %q is not an endpoint id", d.To.ChannelID)
	}
	hook, err := p.Webhooks.FindWebhookByID(ctx, id)
	if err != nil {
		return intranet.MessageRef{}, fmt.Errorf("webhook %d: %w", id, err)
	}
	signer, err := standardwebhooks.NewWebhook(hook.Secret)
	if err != nil {
		return intranet.MessageRef{}, fmt.Errorf("webhook %d: its secret: %w", id, err)
	}
	data := json.RawMessage(d.Event.Data)
	if len(data) == 0 {
		data = json.RawMessage("{}")
	}
	body, err := json.Marshal(Body{Type: d.Event.Type, Timestamp: d.Event.Time.UTC(), Data: data})
	if err != nil {
		return intranet.MessageRef{}, fmt.Errorf("webhook %d: event %s: %w", id, d.Event.ID, err)
	}
	err = p.Retry.Do(ctx, retry.Call{Op: "post webhook " + hook.URL, Safe: true}, func(ctx context.Context) error {
		return p.post(ctx, hook, signer, d.Event.ID, body)
	})
	if err != nil {
		return intranet.MessageRef{}, err
	}
	return intranet.MessageRef{Platform: intranet.PlatformWebhook, ChannelID: d.To.ChannelID, ID: d.Event.ID}, nil
}

// post makes one attempt, signed at its own time (receivers refuse
// messages more than minutes old, so a retry is signed anew).
func (p *Poster) post(ctx context.Context, hook *intranet.Webhook, signer *standardwebhooks.Webhook, msgID string, body []byte) error {
	now := time.Now
	if p.Now != nil {
		now = p.Now
	}
	at := now()
	sig, err := signer.Sign(msgID, at, body)
	if err != nil {
		return fmt.Errorf("sign: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, hook.URL, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("webhook %d: %w", hook.ID, err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Werkplek-Webhooks/1")
	req.Header.Set(standardwebhooks.HeaderWebhookID, msgID)
	req.Header.Set(standardwebhooks.HeaderWebhookTimestamp, strconv.FormatInt(at.Unix(), 10))
	req.Header.Set(standardwebhooks.HeaderWebhookSignature, sig)
	resp, err := p.client().Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return &intranet.DeliveryError{Temporary: true, Err: fmt.Errorf("post %s: %w", hook.URL, err)}
		}
		// No answer: a timeout, a refused or broken connection.
		return retry.Unknown(fmt.Errorf("post %s: %w", hook.URL, err), 0)
	}
	defer resp.Body.Close()
	snippet, _ := io.ReadAll(io.LimitReader(resp.Body, 200))
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
	switch code := resp.StatusCode; {
	case code >= 200 && code < 300:
		return nil
	case code == http.StatusTooManyRequests:
		return retry.Refused(fmt.Errorf("post %s: %s", hook.URL, resp.Status), p.Retry.RetryAfter(resp.Header.Get("Retry-After")))
	case code >= 500:
		return retry.Unknown(fmt.Errorf("post %s: %s %s", hook.URL, resp.Status, bytes.TrimSpace(snippet)), p.Retry.RetryAfter(resp.Header.Get("Retry-After")))
	default:
		return fmt.Errorf("post %s: %s %s", hook.URL, resp.Status, bytes.TrimSpace(snippet))
	}
}

func (p *Poster) client() *http.Client {
	if p.Client != nil {
		return p.Client
	}
	return defaultClient
}

// defaultClient follows no redirect: a 3xx is an answer like any other
// that is not 2xx, so that a signed event never goes where nobody added it.
var defaultClient = &http.Client{Timeout: Timeout, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// Update is not possible: an event once posted stays as it was.
func (p *Poster) Update(ctx context.Context, ref intranet.MessageRef, r intranet.Reply) error {
	return intranet.Errorf(intranet.ENOTIMPLEMENTED, "webhook: an event cannot be updated")
}

// NewSecret returns a new signing secret for an endpoint, as Standard
// Webhooks writes one: "whsec_" and the base64 of 32 random bytes.
func NewSecret() string { return intranet.NewWebhookSecret() }
