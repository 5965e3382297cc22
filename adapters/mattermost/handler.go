package mattermost

// The three HTTP callbacks: custom slash commands
// (https://developers.mattermost.com/integrate/slash-commands/custom/),
// interactive message buttons
// (https://developers.mattermost.com/integrate/plugins/interactive-messages/)
// and interactive dialog submissions
// (https://developers.mattermost.com/integrate/plugins/interactive-dialogs/).
// Each verifies, parses, calls the core and renders; nothing else.

import (
	"bytes"
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/werkplek/werkplek/adapters/internal/retry"
	"github.com/werkplek/werkplek/intranet"
)

// coreTimeout bounds one call of the core from a callback; Mattermost waits
// 30 s for buttons and dialogs by default (OutgoingIntegrationRequestsTimeout).
const coreTimeout = 25 * time.Second

// lateTimeout bounds a slow slash command answered through its response URL,
// which Mattermost keeps valid for 30 minutes.
const lateTimeout = 5 * time.Minute

// commandPayload is the part of a slash-command request Werkplek uses.
type commandPayload struct {
	UserID, UserName       string
	ChannelID, ChannelName string
	TeamID                 string
	Trigger                string // lower case, without the slash
	Text                   string
	TriggerID              string
	ResponseURL            string
}

// parseCommand reads a slash-command form (POST body or GET query).
func parseCommand(v url.Values) (commandPayload, error) {
	p := commandPayload{
		UserID:      v.Get("user_id"),
		UserName:    v.Get("user_name"),
		ChannelID:   v.Get("channel_id"),
		ChannelName: v.Get("channel_name"),
		TeamID:      v.Get("team_id"),
		Text:        strings.TrimSpace(v.Get("text")),
		TriggerID:   v.Get("trigger_id"),
		ResponseURL: v.Get("response_url"),
	}
	cmd := strings.TrimSpace(v.Get("command"))
	if p.UserID == "" || p.ChannelID == "" {
		return p, errors.New("user_id and channel_id are required")
	}
	if !strings.HasPrefix(cmd, "/") || len(cmd) < 2 || strings.ContainsAny(cmd, " \t\r\n") {
		return p, fmt.Errorf("bad command %q", cmd)
	}
	p.Trigger = strings.ToLower(cmd[1:])
	return p, nil
}

// commandToken returns the token Mattermost sent: the "Authorization: Token"
// header, or the form's token where the header is missing or carries an
// outgoing OAuth bearer instead (newer servers).
func commandToken(r *http.Request) string {
	if h := r.Header.Get("Authorization"); len(h) > 6 && strings.EqualFold(h[:6], "Token ") {
		return strings.TrimSpace(h[6:])
	}
	return r.Form.Get("token")
}

func (a *Adapter) handleCommand(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	if err := r.ParseForm(); err != nil {
		a.refuse(w, r, bodyStatus(err), "unreadable form", err)
		return
	}
	if !a.tokenOK(r.Context(), commandToken(r)) {
		a.refuse(w, r, http.StatusUnauthorized, "unknown command token", nil)
		return
	}
	p, err := parseCommand(r.Form)
	if err != nil {
		a.refuse(w, r, http.StatusBadRequest, "malformed command", err)
		return
	}
	user := a.identify(r.Context(), p.UserID, p.UserName)
	lang := a.langFor(user)
	if utf8.RuneCountInString(p.Text) > intranet.MaxTextLength {
		a.log.Warn("command refused", "reason", "text too long", "user_id", p.UserID, "length", len(p.Text))
		writeJSON(w, &model.CommandResponse{ResponseType: model.CommandResponseTypeEphemeral,
			Text: fmt.Sprintf(pick(lang == "nl", "Je opdracht is te lang (hoogstens %d tekens).", "Your command is too long (at most %d characters)."), intranet.MaxTextLength)})
		return
	}
	if !a.triggers[p.Trigger] {
		a.log.Warn("command refused", "reason", "unknown command", "trigger", p.Trigger, "user_id", p.UserID)
		writeJSON(w, &model.CommandResponse{ResponseType: model.CommandResponseTypeEphemeral,
			Text: fmt.Sprintf(pick(lang == "nl", "Werkplek kent de opdracht `/%s` niet.", "Werkplek does not know the command `/%s`."), p.Trigger)})
		return
	}
	text := "/" + p.Trigger
	if p.Text != "" {
		text += " " + p.Text
	}
	req := intranet.Request{
		Platform:     intranet.PlatformMattermost,
		Installation: a.cfg.Installation,
		User:         user,
		Channel:      a.withShared(r.Context(), intranet.Channel{ID: p.ChannelID, Name: p.ChannelName, Direct: isDirectName(p.ChannelName)}),
		Text:         text,
	}

	type result struct {
		reply intranet.Reply
		err   error
	}
	done := make(chan result, 1)
	hctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), lateTimeout)
	go func() {
		defer cancel()
		rep, err := a.handle(hctx, req)
		done <- result{rep, err}
	}()
	timer := time.NewTimer(a.cfg.CommandDeadline)
	defer timer.Stop()
	select {
	case res := <-done:
		a.logFailure(res.err, "command")
		writeJSON(w, a.commandResponse(r.Context(), p, lang, res.reply))
	case <-timer.C:
		writeJSON(w, &model.CommandResponse{ResponseType: model.CommandResponseTypeEphemeral,
			Text: pick(lang == "nl", "Even geduld, ik zoek het uit…", "One moment, working on it…")})
		go func() {
			res := <-done
			a.logFailure(res.err, "command")
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			if err := a.respondLater(ctx, p, a.commandResponse(ctx, p, lang, res.reply)); err != nil {
				a.log.Error("late command answer failed", "err", err, "user_id", p.UserID)
			}
		}()
	}
}

// commandResponse renders the core's answer to a slash command; a form
// opens as a dialog when the trigger still works, else the reply's text
// (which names the typed command) is shown.
func (a *Adapter) commandResponse(ctx context.Context, p commandPayload, lang string, reply intranet.Reply) *model.CommandResponse {
	if reply.Form != nil && p.TriggerID != "" && a.api != nil {
		err := a.openDialog(ctx, p.TriggerID, RenderDialog(*reply.Form, langOf(reply, lang), a.renderOptions()))
		if err == nil {
			return &model.CommandResponse{ResponseType: model.CommandResponseTypeEphemeral}
		}
		a.log.Warn("open dialog failed", "err", err, "form_id", reply.Form.ID)
	}
	return RenderCommandResponse(reply, a.renderOptions())
}

// respondLater posts a command answer to the request's response URL.
func (a *Adapter) respondLater(ctx context.Context, p commandPayload, resp *model.CommandResponse) error {
	u, err := url.Parse(p.ResponseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("respond later: bad response_url %q", p.ResponseURL)
	}
	if resp.Text == "" && len(resp.Attachments) == 0 {
		return nil
	}
	body, err := json.Marshal(resp)
	if err != nil {
		return fmt.Errorf("respond later: %w", err)
	}
	return a.retry(ctx, retry.Call{Op: "respond later"}, func() (*model.Response, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.String(), bytes.NewReader(body))
		if err != nil {
			return nil, err
		}
		req.Header.Set("Content-Type", "application/json")
		rp, err := a.cfg.HTTPClient.Do(req)
		if err != nil {
			return nil, err
		}
		defer rp.Body.Close()
		if rp.StatusCode >= 300 {
			return model.BuildResponse(rp), fmt.Errorf("response_url answered %s", rp.Status)
		}
		return model.BuildResponse(rp), nil
	})
}

func (a *Adapter) handleAction(w http.ResponseWriter, r *http.Request) {
	var in model.PostActionIntegrationRequest
	if err := decodeJSON(w, r, &in); err != nil {
		a.refuse(w, r, bodyStatus(err), "malformed action", err)
		return
	}
	va, err := verifyAction(a.cfg.Secret, in.Context, a.cfg.Now())
	if err != nil {
		a.refuse(w, r, http.StatusUnauthorized, "button context did not verify", err)
		return
	}
	if in.UserId == "" {
		a.refuse(w, r, http.StatusBadRequest, "action without user_id", nil)
		return
	}
	ctx := r.Context()
	user := a.identify(ctx, in.UserId, in.UserName)
	lang := a.langFor(user)
	if va.Confirm != "" {
		var c intranet.Confirm
		_ = json.Unmarshal([]byte(va.Confirm), &c) // signed by us, so it parses
		if a.api != nil && in.TriggerId != "" {
			err := a.openDialog(ctx, in.TriggerId, RenderConfirmDialog(c, va.Command, in.PostId, lang, a.renderOptions()))
			if err == nil {
				writeJSON(w, &model.PostActionIntegrationResponse{})
				return
			}
			a.log.Warn("open confirmation failed", "err", err)
		}
		writeJSON(w, &model.PostActionIntegrationResponse{EphemeralText: fmt.Sprintf(
			pick(lang == "nl", "Bevestig door te typen: `%s`", "Confirm by typing: `%s`"), va.Command)})
		return
	}
	req := intranet.Request{
		Platform:     intranet.PlatformMattermost,
		Installation: a.cfg.Installation,
		User:         user,
		Channel:      a.withShared(ctx, intranet.Channel{ID: in.ChannelId, Name: in.ChannelName, Direct: in.TeamId == "" && isDirectName(in.ChannelName)}),
		Action:       &intranet.Action{Command: va.Command},
	}
	if in.PostId != "" {
		req.Message = &intranet.MessageRef{Platform: intranet.PlatformMattermost, Installation: a.cfg.Installation, ChannelID: in.ChannelId, ID: in.PostId}
	}
	hctx, cancel := context.WithTimeout(ctx, coreTimeout)
	defer cancel()
	reply, err := a.handle(hctx, req)
	a.logFailure(err, "action")
	if reply.Form != nil && in.TriggerId != "" && a.api != nil {
		if err := a.openDialog(ctx, in.TriggerId, RenderDialog(*reply.Form, langOf(reply, lang), a.renderOptions())); err == nil {
			writeJSON(w, &model.PostActionIntegrationResponse{})
			return
		}
		a.log.Warn("open dialog failed", "form_id", reply.Form.ID)
	}
	if !reply.ReplaceOriginal && a.api != nil {
		if reply.Visibility == intranet.InChannel {
			if _, err := a.post(ctx, Render(reply, a.renderOptions()).Post(in.ChannelId), ""); err == nil {
				writeJSON(w, &model.PostActionIntegrationResponse{})
				return
			}
		} else if len(reply.Sections) > 0 || len(reply.Buttons) > 0 {
			// ephemeral_text has no attachments; an ephemeral post has.
			if err := a.postEphemeral(ctx, in.UserId, in.ChannelId, Render(reply, a.renderOptions())); err == nil {
				writeJSON(w, &model.PostActionIntegrationResponse{})
				return
			}
		}
	}
	writeJSON(w, RenderActionResponse(reply, a.renderOptions()))
}

func (a *Adapter) handleDialog(w http.ResponseWriter, r *http.Request) {
	var in model.SubmitDialogRequest
	if err := decodeJSON(w, r, &in); err != nil {
		a.refuse(w, r, bodyStatus(err), "malformed dialog submission", err)
		return
	}
	st, err := verifyState(a.cfg.Secret, in.State, a.cfg.Now())
	if err != nil {
		a.refuse(w, r, http.StatusUnauthorized, "dialog state did not verify", err)
		return
	}
	if in.UserId == "" {
		a.refuse(w, r, http.StatusBadRequest, "dialog without user_id", nil)
		return
	}
	if in.Cancelled {
		w.WriteHeader(http.StatusOK)
		return
	}
	ctx := r.Context()
	req := intranet.Request{
		Platform:     intranet.PlatformMattermost,
		Installation: a.cfg.Installation,
		User:         a.identify(ctx, in.UserId, ""),
		Channel:      a.withShared(ctx, intranet.Channel{ID: in.ChannelId, Direct: in.TeamId == ""}),
	}
	switch st.Kind {
	case "form":
		values := make(map[string]string, len(in.Submission))
		for k, v := range in.Submission {
			values[k] = submissionValue(v)
		}
		req.Form = &intranet.FormSubmission{FormID: st.FormID, Values: values}
	case "confirm":
		req.Action = &intranet.Action{Command: st.Command}
		if st.PostID != "" {
			req.Message = &intranet.MessageRef{Platform: intranet.PlatformMattermost, Installation: a.cfg.Installation, ChannelID: in.ChannelId, ID: st.PostID}
		}
	default:
		a.refuse(w, r, http.StatusBadRequest, "unknown dialog kind", nil)
		return
	}
	hctx, cancel := context.WithTimeout(ctx, coreTimeout)
	defer cancel()
	reply, err := a.handle(hctx, req)
	a.logFailure(err, "dialog")
	if len(reply.FieldErrors) > 0 {
		writeJSON(w, RenderFieldErrors(reply))
		return
	}
	if err := a.show(ctx, req, reply); err != nil {
		a.log.Error("show dialog answer failed", "err", err, "user_id", in.UserId)
	}
	writeJSON(w, &model.SubmitDialogResponse{})
}

// show posts a reply that has no HTTP response to travel in (a dialog
// submission): it replaces the button's post, posts in the channel, or
// shows it to the person alone, falling back to a DM.
func (a *Adapter) show(ctx context.Context, req intranet.Request, reply intranet.Reply) error {
	if a.api == nil || (reply.Text == "" && reply.Title == "" && len(reply.Sections) == 0 && len(reply.Buttons) == 0) {
		return nil
	}
	if reply.ReplaceOriginal && req.Message != nil {
		if err := a.Update(ctx, *req.Message, reply); err == nil {
			return nil
		}
	}
	m := Render(reply, a.renderOptions())
	if reply.Visibility == intranet.InChannel {
		_, err := a.post(ctx, m.Post(req.Channel.ID), "")
		return err
	}
	if err := a.postEphemeral(ctx, req.User.ID, req.Channel.ID, m); err == nil {
		return nil
	}
	_, err := a.Deliver(ctx, intranet.Delivery{To: intranet.Destination{Platform: intranet.PlatformMattermost, Installation: a.cfg.Installation, UserID: req.User.ID}, Reply: reply})
	return err
}

// submissionValue turns a dialog value (string, bool, number, null) into
// the string the core expects; yes/no fields give "true" or "false".
func submissionValue(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	default:
		b, _ := json.Marshal(x)
		return string(b)
	}
}

// tokenOK compares the token with every known one in constant time. The
// registered tokens are read from the shared state at most once a minute,
// and again (at most every 5 s) when a token is not found, so a command
// another replica just registered works at once.
func (a *Adapter) tokenOK(ctx context.Context, token string) bool {
	if token == "" {
		return false
	}
	if matchAny(a.knownTokens(ctx, time.Minute), token) {
		return true
	}
	return matchAny(a.knownTokens(ctx, 5*time.Second), token)
}

func (a *Adapter) knownTokens(ctx context.Context, maxAge time.Duration) []string {
	a.mu.Lock()
	fresh := a.tokensAt.After(a.cfg.Now().Add(-maxAge))
	cached := a.tokens
	a.mu.Unlock()
	if !fresh {
		stored, err := a.state.StateList(ctx, tokenNamespace)
		if err != nil {
			a.log.Error("read command tokens", "err", err)
		} else {
			cached = cached[:0:0]
			for _, t := range stored {
				cached = append(cached, t)
			}
			a.mu.Lock()
			a.tokens, a.tokensAt = cached, a.cfg.Now()
			a.mu.Unlock()
		}
	}
	return append(cached[:len(cached):len(cached)], a.cfg.CommandTokens...)
}

func matchAny(known []string, token string) bool {
	ok := 0
	for _, k := range known {
		if k == "" {
			continue
		}
		ok |= subtle.ConstantTimeCompare([]byte(k), []byte(token))
	}
	return ok == 1
}

// isDirectName reports whether a channel name is a direct message's: the two
// user ids joined by "__".
func isDirectName(name string) bool {
	a, b, ok := strings.Cut(name, "__")
	return ok && len(a) == 26 && len(b) == 26
}

// langOf is the language to label a form's chrome in: the reply's own, else
// the person's.
func langOf(r intranet.Reply, lang string) string {
	if r.Lang != "" {
		return r.Lang
	}
	return lang
}

// langFor applies DESIGN.md's rule as far as the adapter knows it: a Dutch
// chat locale, else WERKPLEK_LANGUAGE. Only the adapter's own few messages
// use it; the core picks the language of its replies itself.
func (a *Adapter) langFor(u intranet.User) string {
	if intranet.IsDutch(u.Locale) {
		return "nl"
	}
	return a.cfg.Language
}

func decodeJSON(w http.ResponseWriter, r *http.Request, v any) error {
	r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	dec := json.NewDecoder(r.Body)
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("trailing data after JSON")
	}
	return nil
}

func bodyStatus(err error) int {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return http.StatusRequestEntityTooLarge
	}
	return http.StatusBadRequest
}

func (a *Adapter) refuse(w http.ResponseWriter, r *http.Request, status int, reason string, err error) {
	args := []any{"path", r.URL.Path, "status", status, "reason", reason, "remote_addr", r.RemoteAddr}
	if err != nil {
		args = append(args, "err", err)
	}
	a.log.Warn("request refused", args...)
	http.Error(w, http.StatusText(status), status)
}

func writeJSON(w http.ResponseWriter, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(b)
}
