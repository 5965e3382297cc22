package teams

// Proactive messages: posts into stored conversations, 1:1 messages and
// updates, as in
// https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages
// and https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/update-and-delete-bot-messages

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/infracloudio/msbotbuilder-go/schema"
	"github.com/werkplek/werkplek/intranet"
)

// Deliver posts a reply to a channel the bot was added to (To.ChannelID is
// its conversation id, as in Request.Channel.ID; a thread id posts into
// that thread), or to a person (To.UserID is their Teams user id) in their
// 1:1 chat with the bot, which it creates when the bot has none yet. It
// returns the posted activity's id for Update.
//
// Duplicates: Teams has no idempotency key, so Delivery.Key cannot be used.
// A 429 is retried (the connector refused the message). A 5xx is not: in
// rare cases the connector gives it after it did post; it comes back as a
// temporary DeliveryError, and a caller that tries again later shows the
// message twice in those rare cases. A timeout or broken connection after
// the request was sent is not retried either, because the message may have
// been posted and there is no way to ask; the error is then final
// (Temporary false) and the message may be missing.
func (a *Adapter) Deliver(ctx context.Context, d intranet.Delivery) (intranet.MessageRef, error) {
	var (
		conv conversationRef
		err  error
		to   string
	)
	if d.To.IsDirect() {
		conv, err = a.personalConversation(ctx, d.To)
		to = conv.ConversationID
	} else {
		conv, err = a.conversation(ctx, d.To.ChannelID)
		to = d.To.ChannelID
	}
	if err != nil {
		return intranet.MessageRef{}, notFound(err, "deliver")
	}
	if d.To.Installation != "" && conv.TenantID != "" && d.To.Installation != conv.TenantID {
		return intranet.MessageRef{}, &intranet.DeliveryError{Err: intranet.Errorf(intranet.ENOTFOUND, "Teams conversation %s is not in tenant %s.", to, d.To.Installation)}
	}
	act := outActivity{
		Type:         schema.Message,
		From:         &conv.Bot,
		Conversation: &schema.ConversationAccount{ID: to, ConversationType: conv.ConversationType, TenantID: conv.TenantID},
		Summary:      summary(d.Reply),
		Attachments:  []schema.Attachment{Render(d.Reply)},
	}
	var posted struct {
		ID string `json:"id"`
	}
	if err := a.conn.do(ctx, call{method: http.MethodPost, url: endpoint(conv.ServiceURL, to, "activities"), body: act}, &posted); err != nil {
		return intranet.MessageRef{}, err
	}
	if posted.ID == "" {
		a.log.Warn("teams: connector gave no activity id; the message cannot be updated", "conversation_id", to)
	}
	return intranet.MessageRef{Platform: intranet.PlatformTeams, Installation: conv.TenantID, ChannelID: to, ID: posted.ID}, nil
}

// Update replaces a message this bot posted. Returns ENOTFOUND (inside a
// *intranet.DeliveryError) when the conversation or message is gone.
// Repeating an update is harmless, so every failure is retried.
func (a *Adapter) Update(ctx context.Context, ref intranet.MessageRef, r intranet.Reply) error {
	conv, err := a.conversation(ctx, ref.ChannelID)
	if err != nil {
		return notFound(err, "update")
	}
	act := outActivity{
		Type:         schema.Message,
		ID:           ref.ID,
		From:         &conv.Bot,
		Conversation: &schema.ConversationAccount{ID: ref.ChannelID, ConversationType: conv.ConversationType, TenantID: conv.TenantID},
		Summary:      summary(r),
		Attachments:  []schema.Attachment{Render(r)},
	}
	return a.conn.do(ctx, call{method: http.MethodPut, url: endpoint(conv.ServiceURL, ref.ChannelID, "activities", ref.ID), body: act, safe: true}, nil)
}

// personalConversation finds the person's 1:1 chat with the bot, or creates
// it (POST /v3/conversations, which returns the existing chat when there is
// one, so a retry is harmless) with the tenant and service URL the bot last
// saw the person or their tenant at.
func (a *Adapter) personalConversation(ctx context.Context, to intranet.Destination) (conversationRef, error) {
	u, err := a.user(ctx, to.UserID)
	switch {
	case err == nil && u.PersonalConversationID != "":
		if c, err := a.conversation(ctx, u.PersonalConversationID); err == nil {
			return c, nil
		}
		return conversationRef{ServiceURL: u.ServiceURL, ConversationID: u.PersonalConversationID, ConversationType: "personal", TenantID: u.TenantID, Bot: u.Bot}, nil
	case err == nil:
	case intranet.ErrorCode(err) == intranet.ENOTFOUND:
		// Never seen: any conversation of the tenant knows the way.
		c, err := a.anyConversation(ctx, to.Installation)
		if err != nil {
			return conversationRef{}, err
		}
		u = userRef{TenantID: c.TenantID, ServiceURL: c.ServiceURL, Bot: c.Bot}
	default:
		return conversationRef{}, err
	}
	params := conversationParams{
		Bot:         u.Bot,
		Members:     []schema.ChannelAccount{{ID: to.UserID}},
		TenantID:    u.TenantID,
		ChannelData: map[string]any{"tenant": map[string]string{"id": u.TenantID}},
	}
	var created struct {
		ID string `json:"id"`
	}
	if err := a.conn.do(ctx, call{method: http.MethodPost, url: endpoint(u.ServiceURL), body: params, safe: true}, &created); err != nil {
		return conversationRef{}, err
	}
	if created.ID == "" {
		return conversationRef{}, &intranet.DeliveryError{Temporary: true, Err: fmt.Errorf("create conversation with %s: no id in the answer", to.UserID)}
	}
	conv := conversationRef{ServiceURL: u.ServiceURL, ConversationID: created.ID, ConversationType: "personal", TenantID: u.TenantID, Bot: u.Bot}
	u.PersonalConversationID = created.ID
	if u.ConversationID == "" {
		u.ConversationID = created.ID
	}
	if err := a.save(ctx, nsConversations, conv.ConversationID, conv); err != nil {
		a.log.Warn("teams: store new 1:1 conversation", "err", err)
	}
	if err := a.save(ctx, nsUsers, to.UserID, u); err != nil {
		a.log.Warn("teams: store new 1:1 conversation", "err", err)
	}
	return conv, nil
}

// anyConversation returns a stored conversation of the tenant (any tenant
// when it is empty). Returns ENOTFOUND.
func (a *Adapter) anyConversation(ctx context.Context, tenant string) (conversationRef, error) {
	all, err := a.state.StateList(ctx, nsConversations)
	if err != nil {
		return conversationRef{}, fmt.Errorf("list conversations: %w", err)
	}
	var best conversationRef
	for _, s := range all {
		var c conversationRef
		if json.Unmarshal([]byte(s), &c) != nil || c.ServiceURL == "" || (tenant != "" && c.TenantID != tenant) {
			continue
		}
		// Any will do; prefer a stable choice.
		if best.ConversationID == "" || c.ConversationID < best.ConversationID {
			best = c
		}
	}
	if best.ConversationID == "" {
		return conversationRef{}, intranet.Errorf(intranet.ENOTFOUND, "Werkplek was never installed in Teams tenant %q.", tenant)
	}
	return best, nil
}

// notFound makes a missing reference a final DeliveryError that keeps its
// ENOTFOUND code, and a storage failure a temporary one.
func notFound(err error, op string) error {
	if intranet.ErrorCode(err) == intranet.ENOTFOUND {
		return &intranet.DeliveryError{Err: fmt.Errorf("%s: %w", op, err)}
	}
	if _, ok := err.(*intranet.DeliveryError); ok {
		return err
	}
	return &intranet.DeliveryError{Temporary: true, Err: fmt.Errorf("%s: %w", op, err)}
}
