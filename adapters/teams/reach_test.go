package teams

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/mock"
)

// linkingCore is a mock core that also links users, recording each call.
type linkingCore struct {
	*mock.Core
	mu    sync.Mutex
	calls []linkCall
	err   error
}

type linkCall struct {
	Platform     intranet.Platform
	Installation string
	Users        []intranet.User
}

var _ intranet.Linker = (*linkingCore)(nil)

func (c *linkingCore) Link(ctx context.Context, p intranet.Platform, installation string, users []intranet.User) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.calls = append(c.calls, linkCall{p, installation, append([]intranet.User(nil), users...)})
	return c.err
}

func (c *linkingCore) links() []linkCall {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]linkCall(nil), c.calls...)
}

// linked is every user linked, in id order; it fails on a link call for
// another platform or tenant.
func (c *linkingCore) linked(t *testing.T) []intranet.User {
	t.Helper()
	var out []intranet.User
	for _, l := range c.links() {
		if l.Platform != intranet.PlatformTeams || l.Installation != tenant {
			t.Errorf("link for %s/%s", l.Platform, l.Installation)
		}
		out = append(out, l.Users...)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// withLinker rebuilds the env's adapter around a core that links users.
func withLinker(t *testing.T, e *env) *linkingCore {
	t.Helper()
	lc := &linkingCore{Core: e.core}
	a, err := New(e.a.cfg, lc, e.state, slog.New(slog.NewTextHandler(e.log, &slog.HandlerOptions{Level: slog.LevelDebug})))
	if err != nil {
		t.Fatal(err)
	}
	e.a = a
	e.mux = http.NewServeMux()
	a.Routes(e.mux)
	return lc
}

// activityFrom is a testdata activity after edit changed it.
func (e *env) activityFrom(name string, edit func(m map[string]any)) []byte {
	e.t.Helper()
	var m map[string]any
	if err := json.Unmarshal(e.fixture(name), &m); err != nil {
		e.t.Fatal(err)
	}
	edit(m)
	b, err := json.Marshal(m)
	if err != nil {
		e.t.Fatal(err)
	}
	return b
}

// roster is a team as the connector lists it: two colleagues (one with a
// user principal name only), a guest with an email and one with a #EXT#
// name only, someone of another organisation (a shared channel), an
// anonymous meeting guest and the bot.
func roster() map[string]teamsMember {
	return map[string]teamsMember{
		janID:        {ID: janID, Name: "Jan de Vries", Email: "jan.devries@example.nl", UserPrincipalName: "jan.devries@example.nl", UserRole: "user", TenantID: tenant, AADObjectID: "aad-jan"},
		"29:eva":     {ID: "29:eva", Name: "Eva de Boer", UserPrincipalName: "eva.deboer@example.nl", UserRole: "user", TenantID: tenant},
		"29:partner": {ID: "29:partner", Name: "Partner", Email: "partner@extern.example", UserPrincipalName: "partner_extern.example#EXT#@werkplek.onmicrosoft.com", UserRole: "guest", TenantID: tenant},
		"29:ext":     {ID: "29:ext", Name: "Gast", UserPrincipalName: "gast_elders.nl#EXT#@werkplek.onmicrosoft.com", UserRole: "guest", TenantID: tenant},
		"29:other":   {ID: "29:other", Name: "Elders", Email: "iemand@elders.nl", UserRole: "user", TenantID: "other-tenant"},
		"29:anon":    {ID: "29:anon", Name: "Bezoeker", UserRole: "anonymous"},
		botID:        {ID: botID, Name: "Werkplek"},
	}
}

// The app added to a team: every member of the team is listed page by page,
// kept, and linked by email, so a DM reaches a colleague who never wrote.
func TestTeamInstallLinksMembers(t *testing.T) {
	e := newEnv(t, nil)
	lc := withLinker(t, e)
	e.conn.members = roster()
	e.conn.pageSize = 2
	if rec := e.post(e.fixture("conversation_update_bot_added.json"), e.token(nil)); rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	want := []intranet.User{
		{ID: janID, Name: "Jan de Vries", Email: "jan.devries@example.nl"},
		{ID: "29:eva", Name: "Eva de Boer", Email: "eva.deboer@example.nl"},
		{ID: "29:partner", Name: "Partner", Email: "partner@extern.example", Guest: true},
	}
	if d := cmp.Diff(want, lc.linked(t)); d != "" {
		t.Errorf("linked (-want +got):\n%s\n%s", d, e.log)
	}
	// Seven members, two a page: four pages, each after the previous one's token.
	var pages []string
	for _, r := range e.conn.requests() {
		wantPath := "/emea/" + tenant + "/v3/conversations/" + url.PathEscape(zorgOostTeam) + "/pagedmembers"
		if r.Method != http.MethodGet || r.Path != wantPath {
			t.Errorf("unexpected call %s %s", r.Method, r.Path)
		}
		q, _ := url.ParseQuery(r.Query)
		if q.Get("pageSize") != "500" {
			t.Errorf("page size %q", q.Get("pageSize"))
		}
		pages = append(pages, q.Get("continuationToken"))
	}
	if d := cmp.Diff([]string{"", "2", "4", "6"}, pages); d != "" {
		t.Errorf("continuation tokens (-want +got):\n%s", d)
	}
	// Everyone of the tenant is kept, with a conversation they share with
	// the bot; the other organisation's member and the anonymous one are not.
	u := e.stateValue(nsUsers, "29:eva")
	wantRef := map[string]any{"tenantId": tenant, "serviceUrl": e.conn.serviceURL(), "conversationId": zorgOostTeam, "name": "Eva de Boer", "bot": map[string]any{"id": botID, "name": "Werkplek"}}
	if d := cmp.Diff(wantRef, u); d != "" {
		t.Errorf("stored member (-want +got):\n%s", d)
	}
	if e.stateValue(nsUsers, "29:ext")["conversationId"] != zorgOostTeam {
		t.Error("a guest without email is not kept")
	}
	for _, id := range []string{"29:other", "29:anon", botID} {
		if _, err := e.state.State(context.Background(), nsUsers, id); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("%s kept: %v", id, err)
		}
	}

	// A DM to Eva, who never wrote: her 1:1 chat with the bot is created
	// in the tenant, and the message goes there.
	before := len(e.conn.requests())
	ref, err := e.a.Deliver(context.Background(), intranet.Delivery{
		To:    intranet.Destination{Platform: intranet.PlatformTeams, Installation: tenant, UserID: "29:eva"},
		Reply: intranet.Reply{Lang: "nl", Title: "Vraag over Stomazorg"},
	})
	if err != nil {
		t.Fatal(err)
	}
	reqs := e.conn.requests()[before:]
	if len(reqs) != 2 || reqs[0].Path != "/emea/"+tenant+"/v3/conversations" || reqs[1].Path != "/emea/"+tenant+"/v3/conversations/a:created-personal/activities" {
		t.Fatalf("DM calls %+v", reqs)
	}
	var params conversationParams
	if err := json.Unmarshal([]byte(reqs[0].Body), &params); err != nil {
		t.Fatal(err)
	}
	if params.TenantID != tenant || params.Bot.ID != botID || len(params.Members) != 1 || params.Members[0].ID != "29:eva" {
		t.Errorf("create conversation %s", reqs[0].Body)
	}
	if ref.ChannelID != "a:created-personal" || ref.Installation != tenant {
		t.Errorf("ref %+v", ref)
	}
}

// An installation sends installationUpdate and conversationUpdate; the
// members are listed once.
func TestInstallListsMembersOnce(t *testing.T) {
	e := newEnv(t, nil)
	lc := withLinker(t, e)
	e.conn.members = roster()
	install := e.activityFrom("conversation_update_bot_added.json", func(m map[string]any) {
		m["type"], m["action"] = "installationUpdate", "add"
		delete(m, "membersAdded")
	})
	for _, body := range [][]byte{install, e.fixture("conversation_update_bot_added.json")} {
		if rec := e.post(body, e.token(nil)); rec.Code != http.StatusOK {
			t.Fatalf("status %d", rec.Code)
		}
	}
	if n := len(e.conn.requests()); n != 1 {
		t.Errorf("%d listings, want 1", n)
	}
	if n := len(lc.linked(t)); n != 3 {
		t.Errorf("%d linked, want 3", n)
	}
}

// An admin pre-installed the app for a person: Teams announces their
// personal chat (no message, perhaps no sender). The person is linked and a
// DM goes straight into that chat.
func TestPersonalPreinstall(t *testing.T) {
	e := newEnv(t, nil)
	lc := withLinker(t, e)
	e.conn.members = map[string]teamsMember{"29:eva": roster()["29:eva"]}
	const chat = "a:1preinstalled-eva"
	body := e.activityFrom("conversation_update_bot_added.json", func(m map[string]any) {
		delete(m, "from")
		m["conversation"] = map[string]any{"conversationType": "personal", "tenantId": tenant, "id": chat}
		m["channelData"] = map[string]any{"tenant": map[string]any{"id": tenant}}
	})
	if rec := e.post(body, e.token(nil)); rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	want := []intranet.User{{ID: "29:eva", Name: "Eva de Boer", Email: "eva.deboer@example.nl"}}
	if d := cmp.Diff(want, lc.linked(t)); d != "" {
		t.Errorf("linked (-want +got):\n%s", d)
	}
	if r := e.conn.requests(); len(r) != 1 || r[0].Path != "/emea/"+tenant+"/v3/conversations/"+chat+"/pagedmembers" {
		t.Errorf("listing %+v", r)
	}
	if u := e.stateValue(nsUsers, "29:eva"); u["personalConversationId"] != chat || u["conversationId"] != chat {
		t.Errorf("stored %v", u)
	}
	before := len(e.conn.requests())
	ref, err := e.a.Deliver(context.Background(), intranet.Delivery{
		To:    intranet.Destination{Platform: intranet.PlatformTeams, Installation: tenant, UserID: "29:eva"},
		Reply: intranet.Reply{Lang: "nl", Title: "Herinnering"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if r := e.conn.requests()[before:]; len(r) != 1 || r[0].Path != "/emea/"+tenant+"/v3/conversations/"+chat+"/activities" || ref.ChannelID != chat {
		t.Errorf("DM went %+v, ref %+v", r, ref)
	}
}

// People added to a team the bot is already in are looked up one by one;
// one who left again meanwhile is skipped.
func TestMembersAddedLinked(t *testing.T) {
	e := newEnv(t, nil)
	lc := withLinker(t, e)
	e.conn.members = map[string]teamsMember{"29:eva": roster()["29:eva"]}
	body := e.activityFrom("conversation_update_bot_added.json", func(m map[string]any) {
		m["membersAdded"] = []any{map[string]any{"id": "29:eva"}, map[string]any{"id": "29:gone"}}
	})
	if rec := e.post(body, e.token(nil)); rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	want := []intranet.User{{ID: "29:eva", Name: "Eva de Boer", Email: "eva.deboer@example.nl"}}
	if d := cmp.Diff(want, lc.linked(t)); d != "" {
		t.Errorf("linked (-want +got):\n%s", d)
	}
	var paths []string
	for _, r := range e.conn.requests() {
		paths = append(paths, r.Method+" "+r.Path)
	}
	base := "GET /emea/" + tenant + "/v3/conversations/" + url.PathEscape(zorgOostTeam) + "/members/"
	if d := cmp.Diff([]string{base + "29:eva", base + "29:gone"}, paths); d != "" {
		t.Errorf("calls (-want +got):\n%s", d)
	}
	if strings.Contains(e.log.String(), "not linked") {
		t.Errorf("a member who left is an error:\n%s", e.log)
	}
}

// A core that does not link users gets nothing, and the connector is not
// asked.
func TestInstallWithoutLinker(t *testing.T) {
	e := newEnv(t, nil)
	e.conn.members = roster()
	if rec := e.post(e.fixture("conversation_update_bot_added.json"), e.token(nil)); rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	if r := e.conn.requests(); len(r) != 0 {
		t.Errorf("connector called: %+v", r)
	}
}

// A listing or a link that fails is logged, the activity is still
// acknowledged (its reference is stored), and the next installation
// activity tries again.
func TestInstallFailures(t *testing.T) {
	t.Run("ConnectorDown", func(t *testing.T) {
		e := newEnv(t, nil)
		lc := withLinker(t, e)
		e.conn.members = roster()
		e.conn.failNext(503, 503, 503)
		if rec := e.post(e.fixture("conversation_update_bot_added.json"), e.token(nil)); rec.Code != http.StatusOK {
			t.Fatalf("status %d", rec.Code)
		}
		if len(lc.links()) != 0 || !strings.Contains(e.log.String(), "members not linked") {
			t.Fatalf("links %+v, log:\n%s", lc.links(), e.log)
		}
		if e.stateValue(nsConversations, algemeenChannel)["teamId"] != zorgOostTeam {
			t.Error("reference not stored")
		}
		if rec := e.post(e.fixture("conversation_update_bot_added.json"), e.token(nil)); rec.Code != http.StatusOK {
			t.Fatalf("status %d", rec.Code)
		}
		if n := len(lc.linked(t)); n != 3 {
			t.Errorf("%d linked on the second try, want 3", n)
		}
	})
	t.Run("CoreUnavailable", func(t *testing.T) {
		e := newEnv(t, nil)
		lc := withLinker(t, e)
		lc.err = intranet.Errorf(intranet.EUNAVAILABLE, "database down")
		e.conn.members = roster()
		if rec := e.post(e.fixture("conversation_update_bot_added.json"), e.token(nil)); rec.Code != http.StatusOK {
			t.Fatalf("status %d", rec.Code)
		}
		if !strings.Contains(e.log.String(), "members not linked") || !strings.Contains(e.log.String(), "database down") {
			t.Errorf("failure not logged:\n%s", e.log)
		}
	})
}
