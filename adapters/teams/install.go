package teams

// What Teams says about the bot's place in conversations: added to or
// removed from a team, a group chat or a person's chat
// (https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/subscribe-to-conversation-events),
// and the app installed or uninstalled (installationUpdate). References are
// stored or forgotten here; members are learned in reach.go.

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/infracloudio/msbotbuilder-go/schema"
)

func (a *Adapter) onConversationUpdate(w http.ResponseWriter, r *http.Request, in *activity) {
	ctx := r.Context()
	var err error
	switch {
	case containsBot(in, in.MembersRemoved) || in.ChannelData.EventType == "teamDeleted":
		err = a.forgetConversation(ctx, in)
	case in.ChannelData.EventType == "channelDeleted":
		err = a.forget(ctx, nsConversations, in.ChannelData.Channel.id())
	case in.ChannelData.EventType == "channelCreated" && in.ChannelData.Channel.id() != "":
		ref := in.conversationRef()
		ref.ConversationID, ref.ChannelID, ref.ConversationType = in.ChannelData.Channel.id(), in.ChannelData.Channel.id(), "channel"
		err = a.save(ctx, nsConversations, ref.ConversationID, ref)
	default:
		// The bot was added, or something else changed in a conversation it
		// is in: either way the reference is current.
		if err = a.remember(ctx, in); err == nil {
			a.learnMembers(r, in)
		}
		if containsBot(in, in.MembersAdded) {
			a.log.Info("teams: added to conversation", "conversation_id", in.Conversation.ID, "tenant_id", in.tenantID(), "team_id", in.ChannelData.Team.id())
		}
	}
	if err != nil {
		// 500 makes the Bot Framework deliver the event again.
		a.log.Error("teams: store conversation update", "err", err, "conversation_id", in.Conversation.ID)
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusOK)
}

func (a *Adapter) onInstallationUpdate(w http.ResponseWriter, r *http.Request, in *activity) {
	var err error
	switch {
	case strings.HasPrefix(in.Action, "remove"):
		err = a.forgetConversation(r.Context(), in)
	case strings.HasPrefix(in.Action, "add"):
		if err = a.remember(r.Context(), in); err == nil {
			a.learnMembers(r, in)
		}
	}
	if err != nil {
		a.log.Error("teams: store installation update", "err", err, "conversation_id", in.Conversation.ID)
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// forgetConversation drops the conversation the bot was removed from, and
// every channel of the team when it was a team.
func (a *Adapter) forgetConversation(ctx context.Context, in *activity) error {
	if team := in.ChannelData.Team.id(); team != "" {
		all, err := a.state.StateList(ctx, nsConversations)
		if err != nil {
			return fmt.Errorf("list conversations: %w", err)
		}
		for id, s := range all {
			var ref conversationRef
			if json.Unmarshal([]byte(s), &ref) == nil && ref.TeamID == team {
				if err := a.forget(ctx, nsConversations, id); err != nil {
					return err
				}
			}
		}
	}
	if in.Conversation.ConversationType == "personal" && in.From.ID != "" {
		// The person removed the app: their 1:1 chat is gone too.
		u, err := a.user(ctx, in.From.ID)
		if err == nil && u.PersonalConversationID == in.Conversation.ID {
			u.PersonalConversationID = ""
			if err := a.save(ctx, nsUsers, in.From.ID, u); err != nil {
				return err
			}
		}
	}
	return a.forget(ctx, nsConversations, in.channelID())
}

func containsBot(in *activity, members []schema.ChannelAccount) bool {
	for _, m := range members {
		if in.isBot(m.ID) {
			return true
		}
	}
	return false
}
