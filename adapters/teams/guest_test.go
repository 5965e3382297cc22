package teams

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/werkplek/werkplek/intranet"
)

// Guests and shared channels in Teams: a guest account (userRole
// "guest", testdata/member_guest.json), a member of another tenant
// (testdata/member_other_tenant.json, the external member of a shared
// channel) and an activity from another tenant than a single-tenant bot's
// are guests; a Teams Connect shared channel (channelData.channel.type
// "shared", testdata/message_shared_channel_mention.json) is marked.

const (
	partnerTenant = "c6a0e2d4-58b1-4f3e-9a7c-2d5b8e1f0a93"
	sharedChannel = "19:b84c5a1e9d2f4e7a8c3b6d0f1e2a9c47@thread.tacv2"
	annaID        = "29:1Qx7vKm2cTn0Ez8Lw5Rb3Hs6Yp9JdUaFgW4iOk1NlMe7ZqXr-Ty2AsVbCn8DhGj5LpWu0KoIe3RtYm6QaZs9Px-"
	pieterGuestID = "29:1Gs4Tq8aZe3Wn6Ru0Yx5Kc2Vb9Lm7Hd1Jf4Pi8Oq3Ew6Tr-Uy0IaSdFg2Hj5Kl8ZxCv1Bn4Mq7Wp0Ld3Ks6Nh9Ja-"
)

// addMember loads a member fixture into the fake connector.
func addMember(t *testing.T, e *env, name string) teamsMember {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var m teamsMember
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	e.conn.mu.Lock()
	e.conn.members[m.ID] = m
	e.conn.mu.Unlock()
	return m
}

func onlyRequest(t *testing.T, e *env) intranet.Request {
	t.Helper()
	got := e.core.Requests()
	if len(got) != 1 {
		t.Fatalf("core got %d requests, want 1", len(got))
	}
	return got[0]
}

func TestSharedChannelExternalMember(t *testing.T) {
	e := newEnv(t, nil)
	addMember(t, e, "member_other_tenant.json")
	if rec := e.post(e.fixture("message_shared_channel_mention.json"), e.token(nil)); rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	req := onlyRequest(t, e)
	if req.Channel != (intranet.Channel{ID: sharedChannel, Name: "Zorg samen", Shared: true}) || req.Installation != tenant || req.Text != "nieuws" {
		t.Errorf("request %+v, want one in a shared channel of our tenant", req)
	}
	// The activity does not say who Anna is; the core's first-contact
	// lookup does: a member of another tenant is a guest, with her email.
	u, err := e.a.LookupUser(context.Background(), req.Installation, req.User.ID)
	if err != nil || !u.Guest || u.Email != "anna@thuiszorgmidden.nl" {
		t.Errorf("LookupUser = %+v, %v; want a guest from another tenant", u, err)
	}
}

func TestOrdinaryChannelNotShared(t *testing.T) {
	e := newEnv(t, nil)
	e.post(e.fixture("message_channel_mention.json"), e.token(nil))
	if req := onlyRequest(t, e); req.Channel.Shared || req.User.Guest {
		t.Errorf("request %+v, want a colleague in an ordinary channel", req)
	}
	// A private channel is no shared one.
	e = newEnv(t, nil)
	e.post(bytes.Replace(e.fixture("message_channel_mention.json"), []byte(`"channel": {`), []byte(`"channel": {"type": "private",`), 1), e.token(nil))
	if req := onlyRequest(t, e); req.Channel.Shared {
		t.Errorf("request %+v: a private channel is not shared", req)
	}
}

func TestCardSubmitInSharedChannel(t *testing.T) {
	e := newEnv(t, nil)
	var m map[string]any
	if err := json.Unmarshal(e.fixture("card_submit.json"), &m); err != nil {
		t.Fatal(err)
	}
	m["value"] = map[string]any{commandKey: "/news"}
	m["channelData"].(map[string]any)["channel"].(map[string]any)["type"] = "shared"
	b, _ := json.Marshal(m)
	e.post(b, e.token(nil))
	if req := onlyRequest(t, e); !req.Channel.Shared || req.Action == nil {
		t.Errorf("request %+v, want a button press in a shared channel", req)
	}
}

func TestLookupUserGuests(t *testing.T) {
	e := newEnv(t, nil)
	addMember(t, e, "member_guest.json")
	addMember(t, e, "member_other_tenant.json")
	e.conn.mu.Lock()
	e.conn.members[janID] = teamsMember{ID: janID, Name: "Jan de Vries", Email: "jan.devries@example.nl", UserRole: "user", TenantID: tenant}
	e.conn.mu.Unlock()
	// Each was seen in the shared channel.
	for _, id := range []string{pieterGuestID, annaID, janID} {
		b, _ := json.Marshal(userRef{TenantID: tenant, ServiceURL: e.conn.serviceURL(), ConversationID: sharedChannel, Bot: botAccount()})
		e.state.SetState(context.Background(), nsUsers, id, string(b))
	}
	for id, want := range map[string]bool{pieterGuestID: true, annaID: true, janID: false} {
		if u, err := e.a.LookupUser(context.Background(), tenant, id); err != nil || u.Guest != want {
			t.Errorf("LookupUser(%s) = %+v, %v; want guest %v", id, u, err, want)
		}
	}
	// Without the installation, the tenant the user was seen in decides.
	if u, err := e.a.LookupUser(context.Background(), "", annaID); err != nil || !u.Guest {
		t.Errorf("LookupUser without installation = %+v, %v; want a guest", u, err)
	}
}

func TestActivityFromOtherTenant(t *testing.T) {
	fromTenant := func(e *env, tid string) []byte {
		return bytes.ReplaceAll(e.fixture("message_personal.json"), []byte(`"`+tenant+`"`), []byte(`"`+tid+`"`))
	}
	for _, tc := range []struct {
		name         string
		configured   string // the single-tenant bot's tenant; empty: multi-tenant
		activity     string
		guest        bool
		installation string
	}{
		{name: "OwnTenant", configured: tenant, activity: tenant},
		{name: "OtherTenantOfSingleTenantBot", configured: tenant, activity: partnerTenant, guest: true},
		{name: "MultiTenantBot", configured: "", activity: partnerTenant},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, func(c *Config) { c.TenantID = tc.configured })
			e.post(fromTenant(e, tc.activity), e.token(nil))
			if req := onlyRequest(t, e); req.User.Guest != tc.guest || req.Installation != tc.activity {
				t.Errorf("request %+v, want guest %v in installation %s", req, tc.guest, tc.activity)
			}
		})
	}
}
