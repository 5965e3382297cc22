package teams

// Who a Teams user is: GET /v3/conversations/{id}/members/{userId}, as in
// https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/get-teams-context#get-single-member-details

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/werkplek/werkplek/intranet"
)

// teamsMember is a TeamsChannelAccount as the connector returns it.
type teamsMember struct {
	ID                string `json:"id"`
	Name              string `json:"name"`
	AADObjectID       string `json:"aadObjectId"`
	Email             string `json:"email"`
	UserPrincipalName string `json:"userPrincipalName"`
	TenantID          string `json:"tenantId"`
	// UserRole is "user", "guest" or "anonymous".
	UserRole string `json:"userRole"`
}

// LookupUser asks the connector for a user's details. The connector only
// answers for a conversation the bot and the user share, so this works for
// users the bot has seen in some conversation (it remembers the last one);
// others are ENOTFOUND. Email is the member's email, else their user
// principal name unless that is a guest's "#EXT#" name; Guest is Teams'
// userRole "guest", or a member of another tenant than the installation
// (a shared channel's external member); Locale is the locale of the
// user's last activity.
func (a *Adapter) LookupUser(ctx context.Context, installation, userID string) (intranet.User, error) {
	u, err := a.user(ctx, userID)
	if err != nil {
		if intranet.ErrorCode(err) == intranet.ENOTFOUND {
			return intranet.User{}, intranet.Errorf(intranet.ENOTFOUND, "Teams user %s was never seen.", userID)
		}
		return intranet.User{}, fmt.Errorf("lookup teams user: %w", err)
	}
	if installation != "" && u.TenantID != "" && installation != u.TenantID {
		return intranet.User{}, intranet.Errorf(intranet.ENOTFOUND, "Teams user %s is not in tenant %s.", userID, installation)
	}
	conv := u.ConversationID
	if conv == "" {
		conv = u.PersonalConversationID
	}
	var m teamsMember
	err = a.conn.do(ctx, call{method: http.MethodGet, url: endpoint(u.ServiceURL, conv, "members", userID), safe: true}, &m)
	if err != nil {
		if intranet.ErrorCode(err) == intranet.ENOTFOUND {
			return intranet.User{}, intranet.Errorf(intranet.ENOTFOUND, "Teams user %s is not a member of the conversation the bot knows.", userID)
		}
		return intranet.User{}, fmt.Errorf("lookup teams user: %w", err)
	}
	tenant := installation
	if tenant == "" {
		tenant = u.TenantID
	}
	user := intranet.User{ID: userID, Name: m.Name, Email: memberEmail(m), Locale: u.Locale, Guest: memberGuest(m, tenant)}
	if user.Name == "" {
		user.Name = u.Name
	}
	return user, nil
}

// memberGuest reports a guest as Teams tells it: userRole "guest" (a
// guest account in the tenant), or a member whose own tenant is not the
// installation's (someone of another organisation in a shared channel).
func memberGuest(m teamsMember, tenant string) bool {
	return strings.EqualFold(m.UserRole, "guest") || m.TenantID != "" && tenant != "" && !strings.EqualFold(m.TenantID, tenant)
}
