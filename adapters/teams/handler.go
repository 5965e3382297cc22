package teams

// The messaging endpoint: verify -> parse -> core -> render. Activity shapes
// follow https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/conversation-messages,
// .../channel-and-group-conversations, .../subscribe-to-conversation-events
// and https://learn.microsoft.com/en-us/microsoftteams/platform/task-modules-and-cards/cards/cards-actions

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/url"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/infracloudio/msbotbuilder-go/schema"
	"github.com/werkplek/werkplek/intranet"
)

// Keys of the data our Action.Submit buttons carry; Teams sends the data back
// as the activity's value, merged with the card's input values.
const (
	// commandKey holds a button's command ({"command": "/phonebook show 42"}).
	commandKey = "command"
	// formKey holds the id of a submitted form; input ids are field names,
	// which never contain a dot.
	formKey = "werkplek.form"
)

// activity is an inbound activity: msbotbuilder-go's schema.Activity, with
// the fields it would lose or choke on read as they arrive: schema.Entity
// keeps only "type" (dropping a mention's text and the client's locale),
// channelData and value are untyped maps there, and its time stamps would
// refuse a format Teams might change.
type activity struct {
	schema.Activity
	Entities       []entity        `json:"entities,omitempty"`
	ChannelData    channelData     `json:"channelData"`
	Value          json.RawMessage `json:"value,omitempty"`
	Timestamp      json.RawMessage `json:"timestamp,omitempty"`
	LocalTimestamp json.RawMessage `json:"localTimestamp,omitempty"`
	Expiration     json.RawMessage `json:"expiration,omitempty"`
}

// entity is a mention or the clientInfo of an activity.
type entity struct {
	Type      string                 `json:"type"`
	Text      string                 `json:"text,omitempty"`
	Mentioned *schema.ChannelAccount `json:"mentioned,omitempty"`
	Locale    string                 `json:"locale,omitempty"`
}

// channelData is the Teams part of an activity.
type channelData struct {
	Tenant    *teamsRef `json:"tenant,omitempty"`
	Team      *teamsRef `json:"team,omitempty"`
	Channel   *teamsRef `json:"channel,omitempty"`
	EventType string    `json:"eventType,omitempty"`
	Settings  struct {
		SelectedChannel *teamsRef `json:"selectedChannel,omitempty"`
	} `json:"settings"`
}

type teamsRef struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
	// Type is a channel's kind in the Bot Framework's ChannelInfo:
	// "standard", "private" or "shared"; MembershipType is Microsoft
	// Graph's name for the same, accepted too.
	Type           string `json:"type,omitempty"`
	MembershipType string `json:"membershipType,omitempty"`
}

// shared reports a Teams Connect shared channel: one that may hold
// people of other organisations.
func (r *teamsRef) shared() bool {
	return r != nil && (strings.EqualFold(r.Type, "shared") || strings.EqualFold(r.MembershipType, "shared"))
}

func (r *teamsRef) id() string {
	if r == nil {
		return ""
	}
	return r.ID
}

// parseActivity decodes and checks an inbound activity.
func parseActivity(body []byte) (*activity, error) {
	var in activity
	if err := json.Unmarshal(body, &in); err != nil {
		return nil, fmt.Errorf("parse activity: %w", err)
	}
	if in.Type == "" {
		return nil, errors.New("parse activity: no type")
	}
	switch in.Type {
	case schema.Message, schema.ConversationUpdate, schema.InstallationUpdate:
		if in.Conversation.ID == "" || in.Recipient.ID == "" {
			return nil, fmt.Errorf("parse activity: %s without conversation or recipient", in.Type)
		}
		if u, err := url.Parse(in.ServiceURL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return nil, fmt.Errorf("parse activity: bad serviceUrl %q", in.ServiceURL)
		}
	}
	if in.Type == schema.Message && in.From.ID == "" {
		return nil, errors.New("parse activity: message without from")
	}
	return &in, nil
}

// tenantID is the installation of the activity.
func (in *activity) tenantID() string {
	if in.Conversation.TenantID != "" {
		return in.Conversation.TenantID
	}
	return in.ChannelData.Tenant.id()
}

// locale is the client's locale: the activity's, else clientInfo's.
func (in *activity) locale() string {
	if in.Locale != "" {
		return in.Locale
	}
	for _, e := range in.Entities {
		if e.Type == "clientInfo" && e.Locale != "" {
			return e.Locale
		}
	}
	return ""
}

// channelID is the conversation as Werkplek knows it: a channel thread
// counts as its channel, so digests and subscriptions stay per channel.
func (in *activity) channelID() string {
	if in.Conversation.ConversationType == "channel" {
		return baseConversationID(in.Conversation.ID)
	}
	return in.Conversation.ID
}

// conversationRef is the reference for posting into the activity's
// conversation (a channel, not the thread, for channel messages).
func (in *activity) conversationRef() conversationRef {
	return conversationRef{
		ServiceURL:       in.ServiceURL,
		ConversationID:   in.channelID(),
		ConversationType: in.Conversation.ConversationType,
		TenantID:         in.tenantID(),
		TeamID:           in.ChannelData.Team.id(),
		ChannelID:        in.ChannelData.Channel.id(),
		Bot:              schema.ChannelAccount{ID: in.Recipient.ID, Name: in.Recipient.Name},
	}
}

// isBot reports whether an account is this bot ("28:<app id>", or the bare
// app id some clients use).
func (in *activity) isBot(id string) bool {
	return id != "" && strings.TrimPrefix(id, "28:") == strings.TrimPrefix(in.Recipient.ID, "28:")
}

// text is the typed text with the bot's mention removed, other mentions in
// the markdown subset's <@ID|name> form, and HTML entities decoded.
func (in *activity) text() string {
	t := in.Text
	stripped := false
	for _, e := range in.Entities {
		if e.Type != "mention" || e.Text == "" || e.Mentioned == nil {
			continue
		}
		if in.isBot(e.Mentioned.ID) {
			t = strings.Replace(t, e.Text, " ", 1)
			stripped = true
		} else {
			name := strings.NewReplacer("|", " ", ">", " ").Replace(e.Mentioned.Name)
			t = strings.Replace(t, e.Text, "<@"+e.Mentioned.ID+"|"+name+">", 1)
		}
	}
	if !stripped && in.Recipient.Name != "" {
		t = strings.Replace(t, "<at>"+in.Recipient.Name+"</at>", " ", 1)
	}
	t = html.UnescapeString(t)
	t = strings.ReplaceAll(t, "\u00a0", " ")
	return strings.TrimSpace(t)
}

// request translates a message activity. A non-empty reason says why there
// is nothing for the core (a card submit that is not one of ours).
func (in *activity) request() (intranet.Request, string) {
	req := intranet.Request{
		Platform:     intranet.PlatformTeams,
		Installation: in.tenantID(),
		User: intranet.User{
			ID:     in.From.ID,
			Name:   in.From.Name,
			Locale: in.locale(),
		},
		Channel: intranet.Channel{
			ID:     in.channelID(),
			Direct: in.Conversation.ConversationType == "personal",
			Shared: in.Conversation.ConversationType == "channel" && in.ChannelData.Channel.shared(),
		},
	}
	if ch := in.ChannelData.Channel; ch != nil && ch.Name != "" {
		req.Channel.Name = ch.Name
	} else {
		req.Channel.Name = in.Conversation.Name
	}
	if len(in.Value) == 0 || string(in.Value) == "null" {
		req.Text = in.text()
		return req, ""
	}
	// An Adaptive Card Action.Submit: the value is the button's data.
	var v map[string]json.RawMessage
	if err := json.Unmarshal(in.Value, &v); err != nil {
		return req, "card value is not an object"
	}
	if in.ReplyToID != "" {
		req.Message = &intranet.MessageRef{Platform: intranet.PlatformTeams, Installation: req.Installation, ChannelID: in.Conversation.ID, ID: in.ReplyToID}
	}
	if cmd, ok := jsonString(v[commandKey]); ok && strings.TrimSpace(cmd) != "" {
		req.Action = &intranet.Action{Command: cmd}
		return req, ""
	}
	if id, ok := jsonString(v[formKey]); ok && id != "" {
		values := map[string]string{}
		for k, raw := range v {
			if k == formKey || k == "msteams" {
				continue
			}
			if s, ok := jsonString(raw); ok {
				values[k] = s
			}
		}
		req.Form = &intranet.FormSubmission{FormID: id, Values: values}
		return req, ""
	}
	return req, "card submit without a Werkplek command or form"
}

// jsonString reads a JSON string, number or boolean as a string.
func jsonString(raw json.RawMessage) (string, bool) {
	if len(raw) == 0 {
		return "", false
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s, true
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err == nil {
		return n.String(), true
	}
	var b bool
	if err := json.Unmarshal(raw, &b); err == nil {
		return strconv.FormatBool(b), true
	}
	return "", false
}

// handleMessages is POST /api/messages. It answers 200 as soon as the
// activity is checked and stored, and sends the core's reply to the
// connector afterwards, as the Bot Framework expects.
func (a *Adapter) handleMessages(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			a.refuse(w, r, http.StatusRequestEntityTooLarge, "body over 1 MiB", err)
		} else {
			a.refuse(w, r, http.StatusBadRequest, "unreadable body", err)
		}
		return
	}
	var claims verified
	if a.auth != nil {
		claims, err = a.auth.verify(r.Context(), r.Header.Get("Authorization"))
		if errors.Is(err, errKeysUnavailable) {
			a.refuse(w, r, http.StatusServiceUnavailable, "no Bot Framework signing keys", err)
			return
		} else if err != nil {
			a.refuse(w, r, http.StatusUnauthorized, "invalid token", err)
			return
		}
	}
	in, err := parseActivity(body)
	if err != nil {
		a.refuse(w, r, http.StatusBadRequest, "malformed activity", err)
		return
	}
	if a.auth != nil {
		if claims.serviceURL != in.ServiceURL {
			a.refuse(w, r, http.StatusUnauthorized, "serviceUrl differs from the token's", fmt.Errorf("token %q, activity %q", claims.serviceURL, in.ServiceURL))
			return
		}
		if !claims.endorses(in.ChannelID) {
			a.refuse(w, r, http.StatusUnauthorized, "signing key not endorsed for channel", fmt.Errorf("channel %q", in.ChannelID))
			return
		}
	}
	switch in.Type {
	case schema.Message:
		a.onMessage(w, r, in)
	case schema.ConversationUpdate:
		a.onConversationUpdate(w, r, in)
	case schema.InstallationUpdate:
		a.onInstallationUpdate(w, r, in)
	default:
		a.log.Debug("teams: activity type ignored", "type", in.Type, "activity_id", in.ID)
		w.WriteHeader(http.StatusOK)
	}
}

// refuse answers a request that changes nothing and logs why.
func (a *Adapter) refuse(w http.ResponseWriter, r *http.Request, status int, reason string, err error) {
	a.log.Warn("teams: request refused", "status", status, "reason", reason, "err", err, "remote_addr", r.RemoteAddr)
	http.Error(w, http.StatusText(status), status)
}

func (a *Adapter) onMessage(w http.ResponseWriter, r *http.Request, in *activity) {
	// Remember before the core runs: its first-contact lookup of the user
	// (LookupUser) needs the conversation this person is in.
	if err := a.remember(r.Context(), in); err != nil {
		a.log.Error("teams: remember conversation", "err", err, "conversation_id", in.Conversation.ID)
	}
	req, ignored := in.request()
	// A single-tenant bot reached from another tenant: someone of
	// another organisation.
	if t := a.cfg.TenantID; t != "" && req.Installation != "" && !strings.EqualFold(req.Installation, t) {
		req.User.Guest = true
	}
	if ignored != "" {
		a.log.Info("teams: message ignored", "reason", ignored, "activity_id", in.ID, "user_id", in.From.ID)
		w.WriteHeader(http.StatusOK)
		return
	}
	select {
	case a.slots <- struct{}{}:
	case <-r.Context().Done():
		a.refuse(w, r, http.StatusServiceUnavailable, "too many activities in flight", r.Context().Err())
		return
	}
	a.turns.Add()
	ctx := context.WithoutCancel(r.Context())
	go func() {
		defer func() { <-a.slots }()
		defer a.turns.Done()
		// net/http only recovers panics in the handler itself; one here
		// would end the process.
		defer func() {
			if p := recover(); p != nil {
				a.log.Error("teams: panic while answering", "panic", p, "stack", string(debug.Stack()), "activity_id", in.ID)
			}
		}()
		a.turn(ctx, in, req)
	}()
	w.WriteHeader(http.StatusOK)
}

// turn asks the core and sends its reply.
func (a *Adapter) turn(ctx context.Context, in *activity, req intranet.Request) {
	ctx, cancel := context.WithTimeout(ctx, a.cfg.TurnTimeout)
	defer cancel()
	reply, err := a.core.Handle(ctx, req)
	if err != nil {
		var f *intranet.Failure
		ref := ""
		if errors.As(err, &f) {
			ref = f.Ref
		}
		a.log.Error("teams: core failed", "ref", ref, "err", err, "user_id", req.User.ID, "installation", req.Installation)
	}
	if isEmpty(reply) {
		return
	}
	if err := a.sendReply(ctx, in, req, reply); err != nil {
		a.log.Error("teams: send reply", "err", err, "conversation_id", in.Conversation.ID, "activity_id", in.ID)
	}
}

// sendReply posts the reply into the activity's conversation (its thread,
// in a channel), or replaces the card a button was on. Teams bots cannot
// answer ephemerally: a reply for the asker only still lands where they
// asked, which in a channel is the thread of their message.
func (a *Adapter) sendReply(ctx context.Context, in *activity, req intranet.Request, r intranet.Reply) error {
	act := outActivity{
		Type:      schema.Message,
		From:      &schema.ChannelAccount{ID: in.Recipient.ID, Name: in.Recipient.Name},
		Recipient: &schema.ChannelAccount{ID: in.From.ID, Name: in.From.Name, AadObjectID: in.From.AadObjectID},
		Conversation: &schema.ConversationAccount{
			ID: in.Conversation.ID, ConversationType: in.Conversation.ConversationType,
			TenantID: in.Conversation.TenantID, IsGroup: in.Conversation.IsGroup,
		},
		Summary:     summary(r),
		Attachments: []schema.Attachment{Render(r)},
	}
	// A form answered with field errors is shown again in place, so it
	// stays open with the errors next to its fields.
	replace := r.ReplaceOriginal || (req.Form != nil && r.Form != nil && len(r.FieldErrors) > 0)
	if replace && in.ReplyToID != "" {
		act.ID = in.ReplyToID
		return a.conn.do(ctx, call{method: http.MethodPut, url: endpoint(in.ServiceURL, in.Conversation.ID, "activities", in.ReplyToID), body: act, safe: true}, nil)
	}
	u := endpoint(in.ServiceURL, in.Conversation.ID, "activities")
	if in.ID != "" {
		act.ReplyToID = in.ID
		u = endpoint(in.ServiceURL, in.Conversation.ID, "activities", in.ID)
	}
	return a.conn.do(ctx, call{method: http.MethodPost, url: u, body: act}, nil)
}

// isEmpty reports whether a reply has nothing to show; the connector
// refuses empty messages.
func isEmpty(r intranet.Reply) bool {
	return r.Title == "" && r.Text == "" && len(r.Sections) == 0 && len(r.Buttons) == 0 &&
		len(r.Context) == 0 && r.Form == nil && len(r.FieldErrors) == 0
}
