package slack

// The HTTP side: verify -> parse -> core -> render, following
// https://docs.slack.dev/authentication/verifying-requests-from-slack and
// https://docs.slack.dev/interactivity/handling-user-interaction#acknowledgment_response

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/slack-go/slack"

	"github.com/werkplek/werkplek/adapters/internal/retry"
	"github.com/werkplek/werkplek/intranet"
)

// MaxBodyBytes is the largest request body accepted; Slack's own payloads are
// far smaller.
const MaxBodyBytes = 1 << 20

// signatureWindow is how far a request's timestamp may be from now.
const signatureWindow = 5 * time.Minute

func (a *Adapter) handleCommands(w http.ResponseWriter, r *http.Request) {
	body, ok := a.readVerified(w, r)
	if !ok {
		return
	}
	vals, err := url.ParseQuery(string(body))
	if err != nil {
		a.refuse(w, r, http.StatusBadRequest, "malformed form", err)
		return
	}
	in, err := parseCommand(commandFromForm(vals))
	if err != nil {
		a.refuse(w, r, http.StatusBadRequest, "bad slash command", err)
		return
	}
	a.checkKnownCommand(in)
	writeAck(w, a.answer(r.Context(), in))
}

func (a *Adapter) handleInteractions(w http.ResponseWriter, r *http.Request) {
	body, ok := a.readVerified(w, r)
	if !ok {
		return
	}
	vals, err := url.ParseQuery(string(body))
	if err != nil {
		a.refuse(w, r, http.StatusBadRequest, "malformed form", err)
		return
	}
	payload := vals.Get("payload")
	if payload == "" {
		a.refuse(w, r, http.StatusBadRequest, "no payload", nil)
		return
	}
	in, err := parseInteraction([]byte(payload))
	if errors.Is(err, errIgnored) {
		a.log.Info("slack: interaction ignored", "reason", err.Error())
		w.WriteHeader(http.StatusOK)
		return
	} else if err != nil {
		a.refuse(w, r, http.StatusBadRequest, "bad interaction payload", err)
		return
	}
	writeAck(w, a.answer(r.Context(), in))
}

func (a *Adapter) handleEvents(w http.ResponseWriter, r *http.Request) {
	body, ok := a.readVerified(w, r)
	if !ok {
		return
	}
	ev, err := parseEvent(body)
	if err != nil && !errors.Is(err, errIgnored) {
		a.refuse(w, r, http.StatusBadRequest, "bad event payload", err)
		return
	}
	if ev.challenge != "" {
		w.Header().Set("Content-Type", "text/plain")
		_, _ = io.WriteString(w, ev.challenge)
		return
	}
	if retry := r.Header.Get("X-Slack-Retry-Num"); retry != "" {
		a.log.Info("slack: event redelivered", "event_id", ev.eventID, "retry_num", retry, "retry_reason", r.Header.Get("X-Slack-Retry-Reason"))
	}
	if err := a.acceptEvent(r.Context(), ev, err); err != nil {
		a.log.Error("slack: event not claimed", "event_id", ev.eventID, "err", err)
		http.Error(w, "try again", http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// acceptEvent dedupes an event by its id and starts answering it. Slack
// re-sends events it thinks failed; of all deliveries, on any replica, only
// the one that claims the id first is handled. An error means the claim could
// not be made: the caller asks Slack to try again (an uninstall, or any
// failure but an unreachable database, for which the core answers at once).
func (a *Adapter) acceptEvent(ctx context.Context, ev event, parseErr error) error {
	if parseErr != nil {
		a.log.Info("slack: event ignored", "event_id", ev.eventID, "reason", parseErr.Error())
		return nil
	}
	won, err := a.state.ClaimState(ctx, "slack.events", ev.eventID, a.cfg.Now().UTC().Format(time.RFC3339))
	if intranet.ErrorCode(err) == intranet.EUNAVAILABLE && ev.gone == nil {
		// The database is down: Slack would send the message again within
		// minutes, answered late or never. The core answers it now, with a
		// "try again in a moment" in the person's language while the
		// database is down, and the 200 stops Slack's redeliveries, so it
		// is answered once either way.
		a.log.Warn("slack: event not claimed, answered unclaimed", "event_id", ev.eventID, "err", err)
		a.answer(ctx, ev.in)
		return nil
	}
	if err != nil {
		return fmt.Errorf("claim event: %w", err)
	}
	if !won {
		a.log.Info("slack: duplicate event ignored", "event_id", ev.eventID)
		return nil
	}
	a.maybePrune()
	if ev.gone != nil {
		return a.departed(ctx, ev)
	}
	a.answer(ctx, ev.in)
	return nil
}

// readVerified reads the body (at most MaxBodyBytes) and checks Slack's
// signature over it. On failure it has answered the request.
func (a *Adapter) readVerified(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBodyBytes))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			a.refuse(w, r, http.StatusRequestEntityTooLarge, "body too large", err)
		} else {
			a.refuse(w, r, http.StatusBadRequest, "unreadable body", err)
		}
		return nil, false
	}
	if err := verify(a.cfg.SigningSecret, r.Header, body, a.cfg.Now()); err != nil {
		a.refuse(w, r, http.StatusUnauthorized, "signature refused", err)
		return nil, false
	}
	return body, true
}

// verify checks X-Slack-Signature: "v0=" + hex HMAC-SHA256 over
// "v0:{timestamp}:{body}" with the signing secret, and that the timestamp is
// within five minutes of now (so a captured request cannot be replayed later).
func verify(secret string, h http.Header, body []byte, now time.Time) error {
	if secret == "" {
		return errors.New("no signing secret configured")
	}
	sig, ts := h.Get("X-Slack-Signature"), h.Get("X-Slack-Request-Timestamp")
	if sig == "" || ts == "" {
		return errors.New("missing signature headers")
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return fmt.Errorf("bad timestamp: %w", err)
	}
	if d := now.Sub(time.Unix(sec, 0)); d > signatureWindow || d < -signatureWindow {
		return fmt.Errorf("timestamp %s outside the 5 minute window", ts)
	}
	got, ok := strings.CutPrefix(sig, "v0=")
	if !ok {
		return errors.New("unknown signature version")
	}
	want := sign(secret, ts, body)
	if !hmac.Equal([]byte(got), []byte(want)) {
		return errors.New("signature mismatch")
	}
	return nil
}

// sign returns the hex HMAC Slack puts after "v0=".
func sign(secret, ts string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte("v0:" + ts + ":"))
	m.Write(body)
	return hex.EncodeToString(m.Sum(nil))
}

// refuse answers a request that is not processed, with a log line saying why.
func (a *Adapter) refuse(w http.ResponseWriter, r *http.Request, status int, reason string, err error) {
	args := []any{"path", r.URL.Path, "status", status, "reason", reason}
	if err != nil {
		args = append(args, "err", err)
	}
	a.log.Warn("slack: request refused", args...)
	http.Error(w, http.StatusText(status), status)
}

// checkKnownCommand logs slash commands the core does not list: the
// installed manifest is then older or newer than the code. The core still
// answers them (with its "unknown command" help, in the person's language).
func (a *Adapter) checkKnownCommand(in inbound) {
	name := strings.TrimPrefix(in.command, "/")
	for _, c := range a.core.Commands() {
		for _, n := range c.Names() {
			if n == name {
				return
			}
		}
	}
	a.log.Warn("slack: slash command not in the command list; is manifest.yml installed?", "command", in.command)
}

func writeAck(w http.ResponseWriter, body []byte) {
	if len(body) == 0 {
		w.WriteHeader(http.StatusOK)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(body)
}

// outcome is the core's answer to one request.
type outcome struct {
	reply intranet.Reply
	err   error
}

// answer hands a request to the core. Slack wants an acknowledgement within
// 3 s: when the request can carry its answer in the acknowledgement (slash
// commands, modal submissions) and the core answers within AckTimeout, the
// answer is returned as the acknowledgement's body. Otherwise answer returns
// nil at once (an empty 200) and the answer follows through response_url,
// chat.postMessage or views.open from a background goroutine that Run and
// Close wait for.
func (a *Adapter) answer(ctx context.Context, in inbound) []byte {
	inline := in.kind == kindCommand || in.kind == kindSubmission
	res := make(chan outcome) // unbuffered: a send succeeds only while answer waits
	late := make(chan struct{})
	a.goBackground(func(bctx context.Context) {
		o := a.call(bctx, in)
		if inline {
			select {
			case res <- o:
				return
			case <-late:
			}
		}
		a.deliver(bctx, in, o)
	})
	if !inline {
		return nil
	}
	t := time.NewTimer(a.cfg.AckTimeout)
	defer t.Stop()
	select {
	case o := <-res:
		return a.ack(ctx, in, o)
	case <-t.C:
		a.log.Info("slack: core slow, answering later", "kind", in.kind.String(), "user_id", in.req.User.ID)
	case <-ctx.Done():
	}
	close(late)
	return nil
}

// call fills the user and the channel from the directory and asks the core. An internal
// failure is logged with its reference; its Reply is still shown.
func (a *Adapter) call(ctx context.Context, in inbound) outcome {
	req := in.req
	a.enrichUser(ctx, req.Installation, &req.User)
	a.enrichChannel(ctx, &req.Channel, in.sharedKnown)
	rep, err := a.core.Handle(ctx, req)
	if err != nil {
		var f *intranet.Failure
		ref := ""
		if errors.As(err, &f) {
			ref = f.Ref
		}
		a.log.Error("slack: core failed", "ref", ref, "err", err, "kind", in.kind.String(), "user_id", req.User.ID)
	}
	return outcome{reply: rep, err: err}
}

// ack renders an answer that came in time as the acknowledgement body. A
// form is opened here, while the trigger id is still valid.
func (a *Adapter) ack(ctx context.Context, in inbound, o outcome) []byte {
	r := o.reply
	switch in.kind {
	case kindSubmission:
		if len(r.FieldErrors) > 0 {
			return mustJSON(RenderFieldErrors(r.FieldErrors))
		}
		if !isEmpty(r) {
			// The modal closes with the empty ack; the answer goes to the
			// channel the form was opened from.
			a.goBackground(func(bctx context.Context) { a.deliver(bctx, in, o) })
		}
		return nil
	default: // kindCommand
		if r.Form != nil && a.openForm(ctx, in, r) {
			return nil
		}
		if isEmpty(r) {
			return nil
		}
		return mustJSON(RenderMessage(r))
	}
}

// deliver sends an answer that could not go into the acknowledgement.
func (a *Adapter) deliver(ctx context.Context, in inbound, o outcome) {
	r := o.reply
	if in.kind == kindHome {
		a.publishHome(ctx, in.req.User.ID, r)
		return
	}
	if in.home {
		// A press in the Home tab may have changed what it shows.
		defer a.refreshHome(ctx, in)
	}
	if isEmpty(r) && r.Form == nil || in.req.Thread != nil && o.err != nil {
		// Nothing to say, or a thread reply the core failed on: the
		// failure is logged; the thread is not the place for it.
		return
	}
	var err error
	switch in.kind {
	case kindCommand:
		// The trigger id has expired by now: show the form's text instead.
		err = a.respond(ctx, in.responseURL, r, false)
	case kindAction:
		if r.Form != nil && a.openForm(ctx, in, r) {
			return
		}
		if in.responseURL != "" {
			err = a.respond(ctx, in.responseURL, r, r.ReplaceOriginal)
		} else {
			// A press in the Home tab has no message to answer or replace:
			// the answer goes to the person's DM with the app.
			err = a.postAnswer(ctx, in, r)
		}
	case kindSubmission, kindMessage:
		err = a.postAnswer(ctx, in, r)
	}
	if err != nil {
		a.log.Error("slack: answer not delivered", "kind", in.kind.String(), "user_id", in.req.User.ID, "channel_id", in.req.Channel.ID, "err", err)
	}
}

// publishHome shows a reply as the person's Home tab (views.publish).
func (a *Adapter) publishHome(ctx context.Context, userID string, r intranet.Reply) {
	if a.cfg.BotToken == "" {
		return
	}
	view := RenderHome(r)
	if _, err := a.api.PublishViewContext(ctx, slack.PublishViewContextRequest{UserID: userID, View: view}); err != nil {
		a.log.Error("slack: home not published", "user_id", userID, "err", err)
	}
}

// refreshHome asks the core for the person's home again, after a press in
// it, and publishes it.
func (a *Adapter) refreshHome(ctx context.Context, pressed inbound) {
	in := inbound{kind: kindHome, req: intranet.Request{Platform: pressed.req.Platform, Installation: pressed.req.Installation,
		User: pressed.req.User, Text: HomeCommand}}
	a.publishHome(ctx, in.req.User.ID, a.call(ctx, in).reply)
}

// openForm opens the reply's form as a modal; false means it could not and
// the caller shows the reply's text instead.
func (a *Adapter) openForm(ctx context.Context, in inbound, r intranet.Reply) bool {
	if in.triggerID == "" || a.cfg.BotToken == "" {
		return false
	}
	view := RenderModal(*r.Form, r.Lang, in.req.Channel.ID)
	if _, err := a.api.OpenViewContext(ctx, in.triggerID, view); err != nil {
		a.log.Warn("slack: views.open failed, showing the typed command", "form_id", r.Form.ID, "err", err)
		return false
	}
	return true
}

// respond posts to a response_url (valid 30 minutes, 5 times).
func (a *Adapter) respond(ctx context.Context, responseURL string, r intranet.Reply, replace bool) error {
	if responseURL == "" {
		return errors.New("no response_url")
	}
	m := RenderMessage(r)
	if replace {
		m.ReplaceOriginal = true
		m.ResponseType = ""
	}
	return a.respondRaw(ctx, responseURL, mustJSON(m))
}

// respondRaw posts a rendered message to a response_url. Only 429s are
// retried: a response_url post has no idempotency key.
func (a *Adapter) respondRaw(ctx context.Context, responseURL string, body []byte) error {
	if responseURL == "" {
		return errors.New("no response_url")
	}
	return a.retry(ctx, retry.Call{Op: "response_url"}, func(ctx context.Context) error {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, responseURL, bytes.NewReader(body))
		if err != nil {
			return err
		}
		req.Header.Set("Content-Type", "application/json")
		resp, err := a.http.Do(req)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return a.statusError(resp)
	})
}

// postAnswer posts an answer to the channel a request came from: in the
// thread of a mention, ephemeral to the person unless the reply is for the
// whole channel, and as a plain message in a DM with the bot.
func (a *Adapter) postAnswer(ctx context.Context, in inbound, r intranet.Reply) error {
	// A reply's FieldErrors, when the modal is gone, render as text.
	ch := in.req.Channel
	dm := func() error {
		_, err := a.Deliver(ctx, intranet.Delivery{To: intranet.Destination{Platform: intranet.PlatformSlack, Installation: in.req.Installation, UserID: in.req.User.ID}, Reply: r})
		return err
	}
	if ch.ID == "" {
		return dm()
	}
	if r.Visibility == intranet.Ephemeral && !ch.Direct {
		err := a.postEphemeral(ctx, ch.ID, in.req.User.ID, in.threadTS, r)
		if isSlackError(err, "not_in_channel", "channel_not_found") && in.kind == kindSubmission {
			// A form opened by a slash command in a channel the bot is
			// not a member of: answer in the DM instead.
			return dm()
		}
		return err
	}
	_, err := a.post(ctx, ch.ID, in.threadTS, r, "", time.Time{})
	return err
}

func isEmpty(r intranet.Reply) bool {
	return r.Title == "" && strings.TrimSpace(r.Text) == "" && len(r.Sections) == 0 && len(r.Buttons) == 0 && len(r.Context) == 0 && len(r.FieldErrors) == 0
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("slack: marshal %T: %v", v, err)) // our own types always marshal
	}
	return b
}
