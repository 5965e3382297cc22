package teams

// Reaching people the app was installed for before they write: when Teams
// says the app was added for a person, a group chat or a team (admins
// pre-install it through an app setup policy, which installs it for every
// person), the bot lists the members with their emails
// (GET /v3/conversations/{id}/pagedmembers, as in
// https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/get-teams-context#fetch-the-roster-or-user-profile),
// keeps a reference per member and hands them to the core to link. A DM to
// one of them then opens their 1:1 chat with the bot (personalConversation),
// which Teams allows once the app is installed for the person or in a team
// they are in.

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/infracloudio/msbotbuilder-go/schema"
	"github.com/werkplek/werkplek/intranet"
)

const (
	// memberPageSize is the members asked per page; the connector allows 500.
	memberPageSize = 500
	// maxMemberPages bounds one listing, against a connector that keeps
	// handing out continuation tokens.
	maxMemberPages = 1000
	// linkTimeout bounds learning the members of one installation.
	linkTimeout = 5 * time.Minute
)

// learnMembers starts, after an installation or members-added activity was
// stored, learning the members it concerns: all members when the app itself
// was added (installationUpdate, or the bot among membersAdded), else only
// the people added. It runs after the POST is answered, within the limit of
// activities in flight. Nothing happens when the core does not link users.
func (a *Adapter) learnMembers(r *http.Request, in *activity) {
	linker, ok := a.core.(intranet.Linker)
	if !ok {
		return
	}
	roster := in.rosterID()
	all := in.Type == schema.InstallationUpdate || containsBot(in, in.MembersAdded)
	var added []string
	if !all {
		for _, m := range in.MembersAdded {
			if m.ID != "" && !in.isBot(m.ID) {
				added = append(added, m.ID)
			}
		}
		if len(added) == 0 {
			return
		}
	}
	// An installation brings an installationUpdate and a conversationUpdate:
	// one listing does for both.
	seen := "members\x00" + roster
	if all {
		if _, ok := a.memo.get(seen); ok {
			return
		}
		a.memo.put(seen, "")
	}
	select {
	case a.slots <- struct{}{}:
	case <-r.Context().Done():
		if all {
			a.memo.drop(seen)
		}
		a.log.Warn("teams: members not learned, request ended", "conversation_id", roster, "err", r.Context().Err())
		return
	}
	a.turns.Add()
	ctx := context.WithoutCancel(r.Context())
	go func() {
		defer func() { <-a.slots }()
		defer a.turns.Done()
		defer func() {
			if p := recover(); p != nil {
				a.log.Error("teams: panic while learning members", "panic", p, "stack", string(debug.Stack()), "conversation_id", roster)
			}
		}()
		ctx, cancel := context.WithTimeout(ctx, linkTimeout)
		defer cancel()
		var n int
		var err error
		if all {
			n, err = a.linkAll(ctx, linker, in, roster)
		} else {
			n, err = a.linkAdded(ctx, linker, in, roster, added)
		}
		if err != nil {
			if all {
				a.memo.drop(seen)
			}
			a.log.Error("teams: members not linked; each is linked when they first write", "err", err, "conversation_id", roster, "tenant_id", in.tenantID(), "linked", n)
			return
		}
		a.log.Info("teams: members linked", "conversation_id", roster, "tenant_id", in.tenantID(), "linked", n)
	}()
}

// linkAll pages through a conversation's members and links each page.
func (a *Adapter) linkAll(ctx context.Context, linker intranet.Linker, in *activity, roster string) (int, error) {
	n, token := 0, ""
	for page := 0; page < maxMemberPages; page++ {
		q := url.Values{"pageSize": {strconv.Itoa(memberPageSize)}}
		if token != "" {
			q.Set("continuationToken", token)
		}
		var p struct {
			ContinuationToken string        `json:"continuationToken"`
			Members           []teamsMember `json:"members"`
		}
		if err := a.conn.do(ctx, call{method: http.MethodGet, url: endpoint(in.ServiceURL, roster, "pagedmembers") + "?" + q.Encode(), safe: true}, &p); err != nil {
			return n, fmt.Errorf("list members of %s: %w", roster, err)
		}
		k, err := a.link(ctx, linker, in, roster, p.Members)
		n += k
		if err != nil || p.ContinuationToken == "" || p.ContinuationToken == token {
			return n, err
		}
		token = p.ContinuationToken
	}
	return n, fmt.Errorf("list members of %s: more than %d pages", roster, maxMemberPages)
}

// linkAdded looks up the people added to a conversation the bot is in
// (their activity carries ids only) and links them. A member the connector
// no longer knows (left again) is skipped.
func (a *Adapter) linkAdded(ctx context.Context, linker intranet.Linker, in *activity, roster string, ids []string) (int, error) {
	var members []teamsMember
	for _, id := range ids {
		var m teamsMember
		err := a.conn.do(ctx, call{method: http.MethodGet, url: endpoint(in.ServiceURL, roster, "members", id), safe: true}, &m)
		if intranet.ErrorCode(err) == intranet.ENOTFOUND {
			continue
		} else if err != nil {
			return 0, fmt.Errorf("look up member %s of %s: %w", id, roster, err)
		}
		members = append(members, m)
	}
	return a.link(ctx, linker, in, roster, members)
}

// link keeps a reference for each member of the installation's tenant, and
// hands those with an email to the core. Members of other organisations (a
// shared channel) and anonymous meeting guests are left out.
func (a *Adapter) link(ctx context.Context, linker intranet.Linker, in *activity, roster string, members []teamsMember) (int, error) {
	tenant := in.tenantID()
	var users []intranet.User
	for _, m := range members {
		if m.ID == "" || in.isBot(m.ID) || strings.EqualFold(m.UserRole, "anonymous") || (m.TenantID != "" && tenant != "" && m.TenantID != tenant) {
			continue
		}
		if err := a.keepMember(ctx, in, roster, m); err != nil {
			return 0, err
		}
		if email := memberEmail(m); email != "" {
			users = append(users, intranet.User{ID: m.ID, Name: m.Name, Email: email, Guest: memberGuest(m, tenant)})
		}
	}
	if len(users) == 0 {
		return 0, nil
	}
	if err := linker.Link(ctx, intranet.PlatformTeams, tenant, users); err != nil {
		return 0, fmt.Errorf("link %d members: %w", len(users), err)
	}
	return len(users), nil
}

// keepMember stores what a DM to the member needs: the tenant, the service
// URL and the bot's account, a conversation the member is in (for the
// member lookup), and their 1:1 chat when the activity is one. What the
// member's own activities stored stays.
func (a *Adapter) keepMember(ctx context.Context, in *activity, roster string, m teamsMember) error {
	var u userRef
	if err := a.recall(ctx, nsUsers, m.ID, &u); err != nil {
		return err
	}
	u.TenantID = in.tenantID()
	u.ServiceURL = in.ServiceURL
	u.Bot = schema.ChannelAccount{ID: in.Recipient.ID, Name: in.Recipient.Name}
	if u.ConversationID == "" {
		u.ConversationID = roster
	}
	merge(&u.Name, m.Name)
	merge(&u.AADObjectID, m.AADObjectID)
	if in.Conversation.ConversationType == "personal" {
		u.PersonalConversationID = in.Conversation.ID
	}
	return a.save(ctx, nsUsers, m.ID, u)
}

// rosterID is the conversation whose members an activity concerns: the
// team for any of its channels, else the chat itself.
func (in *activity) rosterID() string {
	if t := in.ChannelData.Team.id(); t != "" {
		return t
	}
	return in.channelID()
}

// memberEmail is a member's email, else their user principal name unless
// that is a guest's "#EXT#" name.
func memberEmail(m teamsMember) string {
	if m.Email != "" {
		return m.Email
	}
	if strings.Contains(m.UserPrincipalName, "@") && !strings.Contains(strings.ToUpper(m.UserPrincipalName), "#EXT#") {
		return m.UserPrincipalName
	}
	return ""
}
