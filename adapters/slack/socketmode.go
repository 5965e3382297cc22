package slack

// Socket Mode (https://docs.slack.dev/apis/events-api/using-socket-mode):
// Slack sends the same payloads over a websocket that Werkplek opens, so it
// runs behind a firewall with no public URL. Every envelope is acknowledged
// with its envelope id within 3 s, with the same body an HTTP answer would
// carry.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"
)

// maxSocketAck is a little under Slack's 20 KB limit for a Socket Mode
// acknowledgement with its envelope.
const maxSocketAck = 19 * 1024

// Run runs Socket Mode when an app token is set and returns nil at once
// otherwise. The library reconnects by itself (on Slack's disconnect
// requests, ping timeouts and network errors, with backoff); Run returns
// nil when ctx is done, or an error when Slack refuses the app token.
// Answers still on their way are awaited before Run returns.
func (a *Adapter) Run(ctx context.Context) error {
	if a.cfg.AppToken == "" {
		return nil
	}
	client := socketmode.New(a.api, socketmode.OptionLog(slogLogger{a.log}))
	// Deferred in this order so that pending acks are cancelled before the
	// wait for answers in flight.
	defer func() { _ = a.wg.Wait(context.Background()) }()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- client.RunContext(ctx) }()
	for {
		select {
		case <-ctx.Done():
			<-done
			return nil
		case err := <-done:
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("slack socket mode: %w", err)
		case evt := <-client.Events:
			a.socketEvent(ctx, client, evt)
		}
	}
}

// socketEvent handles one Socket Mode event. Requests are answered in their
// own goroutine so that a slow core never holds up the next envelope.
func (a *Adapter) socketEvent(ctx context.Context, client *socketmode.Client, evt socketmode.Event) {
	switch evt.Type {
	case socketmode.EventTypeConnecting:
		a.log.Info("slack: socket mode connecting")
	case socketmode.EventTypeConnected:
		a.log.Info("slack: socket mode connected")
	case socketmode.EventTypeConnectionError, socketmode.EventTypeIncomingError, socketmode.EventTypeErrorBadMessage, socketmode.EventTypeErrorWriteFailed:
		a.log.Warn("slack: socket mode trouble", "type", string(evt.Type), "data", fmt.Sprint(evt.Data))
	case socketmode.EventTypeInvalidAuth:
		a.log.Error("slack: socket mode refused the app token (SLACK_APP_TOKEN)")
	case socketmode.EventTypeSlashCommand, socketmode.EventTypeInteractive, socketmode.EventTypeEventsAPI:
		if evt.Request == nil {
			return
		}
		req := *evt.Request
		a.wg.Add()
		go func() {
			defer a.wg.Done()
			payload, ack := a.socketRequest(ctx, req)
			if !ack {
				return
			}
			var err error
			if payload != nil {
				err = client.AckCtx(ctx, req.EnvelopeID, payload)
			} else {
				err = client.AckCtx(ctx, req.EnvelopeID, nil)
			}
			if err != nil {
				a.log.Warn("slack: socket mode ack failed", "envelope_id", req.EnvelopeID, "err", err)
			}
		}()
	}
}

// socketRequest handles one envelope with the functions the HTTP handlers
// use and returns the acknowledgement payload (nil for an empty one), and
// whether to acknowledge at all.
func (a *Adapter) socketRequest(ctx context.Context, req socketmode.Request) (json.RawMessage, bool) {
	switch req.Type {
	case socketmode.RequestTypeSlashCommands:
		var c slack.SlashCommand
		if err := json.Unmarshal(req.Payload, &c); err != nil {
			a.log.Warn("slack: socket mode slash command refused", "err", err)
			return nil, true
		}
		in, err := parseCommand(c)
		if err != nil {
			a.log.Warn("slack: socket mode slash command refused", "err", err)
			return nil, true
		}
		a.checkKnownCommand(in)
		body := a.answer(ctx, in)
		if len(body) >= maxSocketAck {
			// Slack drops Socket Mode acks of 20 KB and more: send the
			// answer through response_url instead.
			a.goBackground(func(bctx context.Context) {
				if err := a.respondRaw(bctx, in.responseURL, body); err != nil {
					a.log.Error("slack: answer not delivered", "kind", in.kind.String(), "user_id", in.req.User.ID, "err", err)
				}
			})
			return nil, true
		}
		return body, true
	case socketmode.RequestTypeInteractive:
		in, err := parseInteraction(req.Payload)
		if errors.Is(err, errIgnored) {
			a.log.Info("slack: interaction ignored", "reason", err.Error())
			return nil, true
		} else if err != nil {
			a.log.Warn("slack: socket mode interaction refused", "err", err)
			return nil, true
		}
		return a.answer(ctx, in), true
	case socketmode.RequestTypeEventsAPI:
		ev, err := parseEvent(req.Payload)
		if err != nil && !errors.Is(err, errIgnored) {
			a.log.Warn("slack: socket mode event refused", "err", err)
			return nil, true
		}
		if req.RetryAttempt > 0 {
			a.log.Info("slack: event redelivered", "event_id", ev.eventID, "retry_num", req.RetryAttempt, "retry_reason", req.RetryReason)
		}
		if err := a.acceptEvent(ctx, ev, err); err != nil {
			// Not acknowledging makes Slack deliver the event again.
			a.log.Error("slack: event not claimed", "event_id", ev.eventID, "err", err)
			return nil, false
		}
		return nil, true
	}
	return nil, true
}

// slogLogger lets the socketmode library log through slog.
type slogLogger struct{ log *slog.Logger }

func (l slogLogger) Output(_ int, s string) error {
	l.log.Debug("slack: socketmode", "msg", s)
	return nil
}
