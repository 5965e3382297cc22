package teams

// Calls to the Bot Connector REST API
// (https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference),
// with the bot's token, the adapters' retry policy, and care not to post a
// message twice.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/infracloudio/msbotbuilder-go/schema"
	"github.com/werkplek/werkplek/adapters/internal/retry"
	"github.com/werkplek/werkplek/intranet"
)

// attemptTimeout bounds one try of a connector call.
const attemptTimeout = 20 * time.Second

// outActivity is an activity the bot sends. msbotbuilder-go's
// schema.Activity would serialise its zero time stamps and empty structs
// ("timestamp":"0001-01-01T00:00:00Z", "suggestedActions":{}); this keeps
// the documented minimal reply, built from the library's parts.
type outActivity struct {
	Type         schema.ActivityTypes        `json:"type"`
	ID           string                      `json:"id,omitempty"`
	From         *schema.ChannelAccount      `json:"from,omitempty"`
	Recipient    *schema.ChannelAccount      `json:"recipient,omitempty"`
	Conversation *schema.ConversationAccount `json:"conversation,omitempty"`
	ReplyToID    string                      `json:"replyToId,omitempty"`
	// Summary is the text of notifications and chat list previews.
	Summary     string              `json:"summary,omitempty"`
	Attachments []schema.Attachment `json:"attachments"`
}

// conversationParams creates a 1:1 conversation with a user
// (POST /v3/conversations), as in
// https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages
type conversationParams struct {
	Bot         schema.ChannelAccount   `json:"bot"`
	Members     []schema.ChannelAccount `json:"members"`
	IsGroup     bool                    `json:"isGroup"`
	TenantID    string                  `json:"tenantId,omitempty"`
	ChannelData map[string]any          `json:"channelData,omitempty"`
}

// call is one connector request.
type call struct {
	method string
	url    string
	body   any
	// safe means repeating the request after an unknown outcome cannot
	// show anything twice: GET, PUT, and creating the (one and only) 1:1
	// conversation. Posting an activity is not safe.
	safe bool
}

// connector makes Bot Connector calls.
type connector struct {
	client *http.Client
	tokens *tokenSource // nil: send no token (TEAMS_AUTH=off)
	policy retry.Policy
}

// endpoint joins a service URL (with or without its trailing slash) and the
// escaped segments after /v3/conversations.
func endpoint(serviceURL string, segments ...string) string {
	var b strings.Builder
	b.WriteString(strings.TrimRight(serviceURL, "/"))
	b.WriteString("/v3/conversations")
	for _, s := range segments {
		b.WriteByte('/')
		b.WriteString(url.PathEscape(s))
	}
	return b.String()
}

// do runs the call and decodes a 2xx body into out (when not nil).
//
// Retries follow the adapters' policy (adapters/internal/retry): a 429, or
// a request whose headers never went out, is tried again (after
// Retry-After, seconds or a date); a 5xx or a transport failure after
// sending only when the call is safe, for Teams has no idempotency key to
// make a second post harmless. When the tries run out the error is a
// *intranet.DeliveryError with Temporary set. A 401 drops the cached token
// and tries once more. Other 4xx answers are final (404 carries
// ENOTFOUND), and so is a post that timed out after it was sent: it may
// have been posted.
func (c *connector) do(ctx context.Context, k call, out any) error {
	var body []byte
	if k.body != nil {
		var err error
		if body, err = json.Marshal(k.body); err != nil {
			return fmt.Errorf("encode %s %s: %w", k.method, k.url, err)
		}
	}
	refreshed := false
	return c.policy.Do(ctx, retry.Call{Op: k.method + " " + k.url, Safe: k.safe}, func(ctx context.Context) error {
		res := c.once(ctx, k, body)
		if res.status == http.StatusUnauthorized && res.token != "" && !refreshed {
			// The token may have been revoked or rolled: fetch a new one, once.
			c.tokens.Forget(res.token)
			refreshed = true
			res = c.once(ctx, k, body)
		}
		return c.judge(k, res, out)
	})
}

// judge reads one try's result for the retry policy.
func (c *connector) judge(k call, res result, out any) error {
	if res.status/100 == 2 && (res.err == nil || !k.safe) {
		// A post that succeeded must not look failed, or the caller
		// would send it again: an unreadable answer only loses the id.
		if out != nil && len(bytes.TrimSpace(res.body)) > 0 {
			if err := json.Unmarshal(res.body, out); err != nil && k.safe {
				return fmt.Errorf("decode %s %s: %w", k.method, k.url, err)
			}
		}
		return nil
	}
	var te *tokenError
	switch {
	case errors.As(res.err, &te):
		if !te.Temporary {
			return &intranet.DeliveryError{Err: te}
		}
		return retry.Refused(te, 0) // nothing was sent without a token
	case res.err != nil:
		err := fmt.Errorf("%s %s: %w", k.method, k.url, res.err)
		switch {
		case !res.wrote:
			return retry.Refused(err, 0)
		case !k.safe:
			return &intranet.DeliveryError{Err: fmt.Errorf("%w (the message may have been posted; not retried so that it is not posted twice)", err)}
		}
		return retry.Unknown(err, 0)
	case res.status == http.StatusTooManyRequests:
		return retry.Refused(statusError(k, res), c.policy.RetryAfter(res.header.Get("Retry-After")))
	case res.status >= 500:
		// A 503 may say when to come back.
		return retry.Unknown(statusError(k, res), c.policy.RetryAfter(res.header.Get("Retry-After")))
	case res.status == http.StatusNotFound:
		return &intranet.DeliveryError{Err: fmt.Errorf("%w: %w", intranet.Errorf(intranet.ENOTFOUND, "Teams conversation or message not found."), statusError(k, res))}
	}
	return &intranet.DeliveryError{Err: statusError(k, res)}
}

// result is the outcome of one try.
type result struct {
	status int
	header http.Header
	body   []byte
	// wrote is true once the request's headers were sent: from then on the
	// connector may act on it even if we never see the answer.
	wrote bool
	token string
	err   error
}

func (c *connector) once(ctx context.Context, k call, body []byte) result {
	var res result
	if c.tokens != nil {
		if !strings.HasPrefix(k.url, "https://") {
			// Service URLs are https; a plain one (from a trial with
			// TEAMS_AUTH=off, say) must not receive the bot's token.
			res.err = &tokenError{Err: fmt.Errorf("%s: the bot's token is only sent over https", k.url)}
			return res
		}
		tok, err := c.tokens.Token(ctx)
		if err != nil {
			res.err = err
			return res
		}
		res.token = tok
	}
	ctx, cancel := context.WithTimeout(ctx, attemptTimeout)
	defer cancel()
	// Once the headers are out, the connector may get the whole request
	// even when we see an error; before that (dial, DNS, TLS) it cannot.
	// The transport reports this from its own goroutine.
	var wrote atomic.Bool
	ctx = httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		WroteHeaders: func() { wrote.Store(true) },
	})
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, k.method, k.url, rd)
	if err != nil {
		res.err = err
		return res
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json; charset=utf-8")
	}
	req.Header.Set("Accept", "application/json")
	if res.token != "" {
		req.Header.Set("Authorization", "Bearer "+res.token)
	}
	resp, err := c.client.Do(req)
	res.wrote = wrote.Load()
	if err != nil {
		res.err = err
		return res
	}
	defer resp.Body.Close()
	res.wrote = true
	res.status, res.header = resp.StatusCode, resp.Header
	res.body, err = io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil && resp.StatusCode/100 == 2 {
		// The call worked; only its answer (an id) is lost.
		res.err = fmt.Errorf("read answer: %w", err)
	}
	return res
}

// statusError describes a non-2xx answer with the connector's error message.
func statusError(k call, res result) error {
	var e struct {
		Error struct {
			Code    string `json:"code"`
			Message string `json:"message"`
		} `json:"error"`
	}
	_ = json.Unmarshal(res.body, &e)
	if e.Error.Code != "" || e.Error.Message != "" {
		return fmt.Errorf("%s %s: %d %s: %s", k.method, k.url, res.status, e.Error.Code, firstLine(e.Error.Message))
	}
	return fmt.Errorf("%s %s: %d %s", k.method, k.url, res.status, http.StatusText(res.status))
}
