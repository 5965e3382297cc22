package teams

// Conversation references: what the bot must remember to post into a
// conversation later (proactive messages), as in
// https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/infracloudio/msbotbuilder-go/schema"
	"github.com/werkplek/werkplek/intranet"
)

// State namespaces, shared by every replica through intranet.StateStore.
const (
	// nsConversations holds a conversationRef per conversation id: team
	// channels, group chats and personal chats the bot is in.
	nsConversations = "teams.conversations"
	// nsUsers holds a userRef per Teams user id (29:…).
	nsUsers = "teams.users"
)

// conversationRef is where and how to post into one conversation.
type conversationRef struct {
	ServiceURL       string `json:"serviceUrl"`
	ConversationID   string `json:"conversationId"`
	ConversationType string `json:"conversationType,omitempty"`
	TenantID         string `json:"tenantId"`
	TeamID           string `json:"teamId,omitempty"`
	ChannelID        string `json:"channelId,omitempty"`
	// Bot is the bot's account in this conversation (28:<app id>).
	Bot schema.ChannelAccount `json:"bot"`
}

// userRef is what the bot knows of a person: enough to DM them and to ask
// the connector for their member details.
type userRef struct {
	TenantID   string `json:"tenantId"`
	ServiceURL string `json:"serviceUrl"`
	// PersonalConversationID is the person's 1:1 chat with the bot, once known.
	PersonalConversationID string `json:"personalConversationId,omitempty"`
	// ConversationID is the last conversation the person was seen in; the
	// member lookup needs one the bot is part of.
	ConversationID string                `json:"conversationId"`
	Name           string                `json:"name,omitempty"`
	AADObjectID    string                `json:"aadObjectId,omitempty"`
	Locale         string                `json:"locale,omitempty"`
	Bot            schema.ChannelAccount `json:"bot"`
}

// baseConversationID drops the ";messageid=…" Teams appends to a channel
// thread's conversation id, leaving the channel's own id.
func baseConversationID(id string) string {
	base, _, _ := strings.Cut(id, ";")
	return base
}

// conversation returns the stored reference for a conversation id (a thread
// id finds its channel). Returns ENOTFOUND.
func (a *Adapter) conversation(ctx context.Context, id string) (conversationRef, error) {
	var ref conversationRef
	err := a.load(ctx, nsConversations, baseConversationID(id), &ref)
	return ref, err
}

// user returns the stored reference for a Teams user id. Returns ENOTFOUND.
func (a *Adapter) user(ctx context.Context, id string) (userRef, error) {
	var ref userRef
	err := a.load(ctx, nsUsers, id, &ref)
	return ref, err
}

func (a *Adapter) load(ctx context.Context, ns, key string, v any) error {
	s, err := a.state.State(ctx, ns, key)
	if err != nil {
		return fmt.Errorf("load %s %s: %w", ns, key, err)
	}
	if err := json.Unmarshal([]byte(s), v); err != nil {
		return fmt.Errorf("load %s %s: %w", ns, key, err)
	}
	return nil
}

// save stores v unless this replica wrote the same value recently: most
// messages change nothing, and a database write per message is waste.
func (a *Adapter) save(ctx context.Context, ns, key string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("save %s %s: %w", ns, key, err)
	}
	if a.memo.same(ns+"\x00"+key, string(b)) {
		return nil
	}
	if err := a.state.SetState(ctx, ns, key, string(b)); err != nil {
		return fmt.Errorf("save %s %s: %w", ns, key, err)
	}
	a.memo.put(ns+"\x00"+key, string(b))
	return nil
}

func (a *Adapter) forget(ctx context.Context, ns, key string) error {
	a.memo.drop(ns + "\x00" + key)
	if err := a.state.DeleteState(ctx, ns, key); err != nil {
		return fmt.Errorf("delete %s %s: %w", ns, key, err)
	}
	return nil
}

// remember stores the references an activity reveals: its conversation,
// and the person who sent it (with their 1:1 chat when it is one). Fields an
// activity does not carry keep their stored value.
func (a *Adapter) remember(ctx context.Context, in *activity) error {
	next := in.conversationRef()
	var conv conversationRef
	if err := a.recall(ctx, nsConversations, next.ConversationID, &conv); err != nil {
		return err
	}
	merge(&conv.ServiceURL, next.ServiceURL)
	merge(&conv.ConversationID, next.ConversationID)
	merge(&conv.ConversationType, next.ConversationType)
	merge(&conv.TenantID, next.TenantID)
	merge(&conv.TeamID, next.TeamID)
	merge(&conv.ChannelID, next.ChannelID)
	merge(&conv.Bot.ID, next.Bot.ID)
	merge(&conv.Bot.Name, next.Bot.Name)
	if err := a.save(ctx, nsConversations, conv.ConversationID, conv); err != nil {
		return err
	}
	if in.From.ID == "" || in.From.ID == in.Recipient.ID {
		return nil
	}
	var u userRef
	if err := a.recall(ctx, nsUsers, in.From.ID, &u); err != nil {
		return err
	}
	u.TenantID = conv.TenantID
	u.ServiceURL = conv.ServiceURL
	u.ConversationID = conv.ConversationID
	u.Bot = conv.Bot
	merge(&u.Name, in.From.Name)
	merge(&u.AADObjectID, in.From.AadObjectID)
	merge(&u.Locale, in.locale())
	if conv.ConversationType == "personal" {
		u.PersonalConversationID = conv.ConversationID
	}
	return a.save(ctx, nsUsers, in.From.ID, u)
}

// recall loads a stored value, from this replica's memo when it has it;
// a missing value leaves v as it is.
func (a *Adapter) recall(ctx context.Context, ns, key string, v any) error {
	s, ok := a.memo.get(ns + "\x00" + key)
	if !ok {
		var err error
		if s, err = a.state.State(ctx, ns, key); intranet.ErrorCode(err) == intranet.ENOTFOUND {
			return nil
		} else if err != nil {
			return fmt.Errorf("load %s %s: %w", ns, key, err)
		}
		a.memo.put(ns+"\x00"+key, s)
	}
	if err := json.Unmarshal([]byte(s), v); err != nil {
		return fmt.Errorf("load %s %s: %w", ns, key, err)
	}
	return nil
}

// merge sets *dst to v unless v is empty.
func merge(dst *string, v string) {
	if v != "" {
		*dst = v
	}
}

// memo remembers values this replica wrote, for a few minutes only, so a
// change made by another replica is not hidden for long.
type memo struct {
	mu   sync.Mutex
	now  func() time.Time
	vals map[string]memoEntry
}

type memoEntry struct {
	val string
	at  time.Time
}

const (
	memoTTL  = 10 * time.Minute
	memoSize = 10000
)

func (m *memo) same(key, val string) bool {
	v, ok := m.get(key)
	return ok && v == val
}

func (m *memo) get(key string) (string, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	e, ok := m.vals[key]
	if !ok || m.now().Sub(e.at) >= memoTTL {
		return "", false
	}
	return e.val, true
}

func (m *memo) put(key, val string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.vals == nil || len(m.vals) >= memoSize {
		m.vals = map[string]memoEntry{}
	}
	m.vals[key] = memoEntry{val: val, at: m.now()}
}

func (m *memo) drop(key string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.vals, key)
}
