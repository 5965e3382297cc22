package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
)

// scimToken is a WERKPLEK_SCIM_TOKEN of the tests.
const scimToken = "test-scim-token-0123456789abcdefghijklmnop"

// scimServe starts serve with SCIM on, over a phonebook of three people
// (Jan is there before the identity provider, Anouk is an admin).
func scimServe(t *testing.T, env map[string]string) (*served, *scimClient) {
	t.Helper()
	env["WERKPLEK_LISTEN"] = "127.0.0.1:0"
	env["WERKPLEK_PUBLIC_URL"] = "https://werkplek.example.nl"
	env["WERKPLEK_SCIM_TOKEN_FILE"] = filepath.Join(t.TempDir(), "scim-token")
	os.WriteFile(env["WERKPLEK_SCIM_TOKEN_FILE"], []byte(scimToken+"\n"), 0o600)
	people := filepath.Join(t.TempDir(), "people.csv")
	os.WriteFile(people, []byte("name,email,department,roles\nJan de Vries,jan.devries@example.nl,Zorg Oost,\nAnouk van den Berg,anouk@example.nl,Staf,admin\nPieter Jansen,pieter@example.nl,Zorg Oost,\n"), 0o600)
	if code, _, errOut := run(t, env, "", "import", people); code != 0 {
		t.Fatalf("import: %s", errOut)
	}
	srv := startServe(t, env)
	return srv, &scimClient{t: t, base: "http://" + srv.Addr}
}

type scimClient struct {
	t    *testing.T
	base string
}

// do sends a SCIM request as the identity provider does and returns the
// status and the JSON answer (nil when empty).
func (c *scimClient) do(method, path, body string) (int, map[string]any) {
	c.t.Helper()
	return c.send(method, path, body, "Bearer "+scimToken)
}

func (c *scimClient) send(method, path, body, auth string) (int, map[string]any) {
	c.t.Helper()
	req, err := http.NewRequest(method, c.base+path, strings.NewReader(body))
	if err != nil {
		c.t.Fatal(err)
	}
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	req.Header.Set("Content-Type", "application/scim+json; charset=utf-8")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if ct := resp.Header.Get("Content-Type"); len(raw) > 0 && ct != "application/scim+json" {
		c.t.Errorf("%s %s: content type %q", method, path, ct)
	}
	var out map[string]any
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &out); err != nil {
			c.t.Fatalf("%s %s: %q is not JSON", method, path, raw)
		}
	}
	return resp.StatusCode, out
}

// must sends a request that must answer status, and returns the answer.
func (c *scimClient) must(status int, method, path, body string) map[string]any {
	c.t.Helper()
	code, out := c.do(method, path, body)
	if code != status {
		c.t.Fatalf("%s %s: %d %v, want %d", method, path, code, out, status)
	}
	return out
}

func filterPath(resource, filter string) string {
	return "/scim/v2/" + resource + "?filter=" + url.QueryEscape(filter)
}

func patchOps(ops ...string) string {
	return `{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[` + strings.Join(ops, ",") + `]}`
}

func (s *served) person(t *testing.T, id string) *intranet.Person {
	t.Helper()
	var n int64
	fmt.Sscan(id, &n)
	p, err := s.Store.FindPersonByID(context.Background(), n)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func (s *served) say(t *testing.T, email, text string) string {
	t.Helper()
	reply, err := s.Router.Handle(context.Background(), intranet.Request{Platform: intranet.PlatformConsole, Installation: "local",
		User: intranet.User{ID: email, Email: email}, Channel: intranet.Channel{ID: "console"}, Text: text})
	if err != nil {
		t.Fatal(err)
	}
	return coretest.All(reply)
}

// TestSCIMEntra replays what Microsoft Entra ID's provisioning sends
// (learn.microsoft.com, "Tutorial: Develop and plan provisioning for a
// SCIM endpoint"), in its shapes, through serve: Test Connection, a user
// matched by userName and created (an existing person adopted), patched in
// each of Entra's forms, disabled and enabled with "False"/"True" strings,
// deleted; a group created, members added and removed, renamed; a hand
// change to the managed team's members refused; a wrong token changes
// nothing.
func TestSCIMEntra(t *testing.T) {
	bothEngines(t, func(t *testing.T, env map[string]string) {
		srv, c := scimServe(t, env)
		jan, err := srv.Store.FindPersonByEmail(context.Background(), "jan.devries@example.nl")
		if err != nil {
			t.Fatal(err)
		}

		// Test Connection: a filter on a userName nobody has.
		if out := c.must(200, "GET", filterPath("Users", `userName eq "non-existent user"`), ""); out["totalResults"] != 0.0 {
			t.Fatalf("test connection: %v", out)
		}
		// A wrong or missing token: 401 in SCIM's format, nothing made.
		for _, auth := range []string{"", "Bearer wrong-token", "Basic " + scimToken} {
			code, out := c.send("POST", "/scim/v2/Users", `{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"x@example.nl"}`, auth)
			if code != 401 || out["status"] != "401" {
				t.Errorf("auth %q: %d %v", auth, code, out)
			}
		}
		if out := c.must(200, "GET", filterPath("Users", `userName eq "x@example.nl"`), ""); out["totalResults"] != 0.0 {
			t.Fatalf("a refused request made a user: %v", out)
		}

		// Jan: not found by userName nor email, then created: adopted.
		c.must(200, "GET", filterPath("Users", `userName eq "jdevries@zorggroep.onmicrosoft.com"`), "")
		c.must(200, "GET", filterPath("Users", `emails[type eq "work"].value eq "jan.devries@example.nl"`), "")
		created := c.must(201, "POST", "/scim/v2/Users", `{
			"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
			"externalId":"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef","userName":"jdevries@zorggroep.onmicrosoft.com","active":true,
			"displayName":"Jan de Vries",
			"emails":[{"primary":true,"type":"work","value":"jan.devries@example.nl"}],
			"meta":{"resourceType":"User"},
			"name":{"formatted":"Jan de Vries","familyName":"de Vries","givenName":"Jan"},
			"title":"Wijkverpleegkundige","roles":[],
			"phoneNumbers":[{"type":"work","value":"030-1234567"},{"type":"mobile","value":"06-44444444"}],
			"addresses":[{"type":"work","locality":"Utrecht"}],
			"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Zorg Oost","employeeNumber":"1001"}}`)
		janID := created["id"].(string)
		if janID != fmt.Sprint(jan.ID) {
			t.Fatalf("Jan's SCIM id %s, want his person %d (adopted)", janID, jan.ID)
		}
		if p := srv.person(t, janID); p.Title != "Wijkverpleegkundige" || p.Mobile != "06-44444444" || p.Location != "Utrecht" || p.EmployeeNumber != "1001" {
			t.Fatalf("Jan = %+v", p)
		}
		// A manager: the enterprise extension names Jan's SCIM id.
		sanne := c.must(201, "POST", "/scim/v2/Users", `{
			"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
			"externalId":"7fce0092-d52e-4f76-b727-3955bd72c939","userName":"svdwal@zorggroep.onmicrosoft.com","active":true,
			"emails":[{"primary":true,"type":"work","value":"sanne.vanderwal@example.nl"}],
			"name":{"familyName":"Wal","givenName":"Sanne","middleName":"van der"},
			"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Planning","manager":{"value":"`+janID+`"}}}`)
		sanneID := sanne["id"].(string)
		if p := srv.person(t, sanneID); p.Name != "Sanne van der Wal" || p.ManagerID != jan.ID || p.Department != "Planning" {
			t.Fatalf("Sanne = %+v", p)
		}
		code, out := c.do("POST", "/scim/v2/Users", `{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"SVDWAL@zorggroep.onmicrosoft.com","displayName":"X","emails":[{"primary":true,"value":"x@example.nl"}]}`)
		if code != 409 || out["scimType"] != "uniqueness" {
			t.Fatalf("same userName: %d %v", code, out)
		}
		if out := c.must(200, "GET", filterPath("Users", `userName eq "svdwal@zorggroep.onmicrosoft.com"`), ""); out["totalResults"] != 1.0 {
			t.Fatalf("filter: %v", out)
		}
		if out := c.must(200, "GET", "/scim/v2/Users/"+sanneID, ""); out["userName"] != "svdwal@zorggroep.onmicrosoft.com" {
			t.Fatalf("get: %v", out)
		}

		// Entra's PATCH forms.
		c.must(200, "PATCH", "/scim/v2/Users/"+sanneID, patchOps(
			`{"op":"Replace","path":"emails[type eq \"work\"].value","value":"sanne.wal@example.nl"}`,
			`{"op":"Replace","path":"name.familyName","value":"Bakker"}`,
			`{"op":"Add","path":"phoneNumbers[type eq \"mobile\"].value","value":"06-55555555"}`,
			`{"op":"Add","path":"title","value":"Planner"}`))
		if p := srv.person(t, sanneID); p.Email != "sanne.wal@example.nl" || p.Name != "Sanne Bakker" || p.Mobile != "06-55555555" || p.Title != "Planner" {
			t.Fatalf("after PATCH = %+v", p)
		}
		c.must(200, "PATCH", "/scim/v2/Users/"+sanneID, patchOps(
			`{"op":"replace","value":{"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department":"Zorg West","displayName":"Sanne Bakker-de Wal"}}`))
		if p := srv.person(t, sanneID); p.Department != "Zorg West" || p.Name != "Sanne Bakker-de Wal" {
			t.Fatalf("after PATCH without path = %+v", p)
		}
		c.must(200, "PATCH", "/scim/v2/Users/"+sanneID, patchOps(`{"op":"Remove","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"}`))
		if p := srv.person(t, sanneID); p.ManagerID != 0 {
			t.Fatalf("manager after remove: %d", p.ManagerID)
		}
		c.must(200, "PATCH", "/scim/v2/Users/"+sanneID, patchOps(`{"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"`+janID+`"}`))
		if p := srv.person(t, sanneID); p.ManagerID != jan.ID {
			t.Fatalf("manager after add: %d", p.ManagerID)
		}

		// Disabled and enabled, as Entra sends it: a string.
		out = c.must(200, "PATCH", "/scim/v2/Users/"+sanneID, patchOps(`{"op":"Replace","path":"active","value":"False"}`))
		if out["active"] != false || !srv.person(t, sanneID).Inactive {
			t.Fatalf("after active False: %v", out)
		}
		out = c.must(200, "PATCH", "/scim/v2/Users/"+sanneID, patchOps(`{"op":"Replace","path":"active","value":"True"}`))
		if out["active"] != true || srv.person(t, sanneID).Inactive {
			t.Fatalf("after active True: %v", out)
		}

		// A group, its members added and removed, renamed.
		pieter, err := srv.Store.FindPersonByEmail(context.Background(), "pieter@example.nl")
		if err != nil {
			t.Fatal(err)
		}
		c.must(200, "GET", filterPath("Groups", `displayName eq "Wijkteam Noord"`)+"&excludedAttributes=members", "")
		group := c.must(201, "POST", "/scim/v2/Groups", `{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"externalId":"8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159","displayName":"Wijkteam Noord","meta":{"resourceType":"Group"}}`)
		gid := group["id"].(string)
		c.must(204, "PATCH", "/scim/v2/Groups/"+gid, patchOps(`{"op":"Add","path":"members","value":[{"$ref":null,"value":"`+janID+`"},{"$ref":null,"value":"`+sanneID+`"}]}`))
		c.must(204, "PATCH", "/scim/v2/Groups/"+gid, patchOps(`{"op":"Remove","path":"members","value":[{"$ref":null,"value":"`+sanneID+`"}]}`))
		c.must(204, "PATCH", "/scim/v2/Groups/"+gid, patchOps(`{"op":"Replace","path":"displayName","value":"Wijkteam Noord-Oost"}`))
		out = c.must(200, "GET", "/scim/v2/Groups/"+gid, "")
		if members, _ := out["members"].([]any); out["displayName"] != "Wijkteam Noord-Oost" || len(members) != 1 || members[0].(map[string]any)["value"] != janID {
			t.Fatalf("group: %v", out)
		}
		// By hand: refused, saying where; a lead may still be added.
		if got := srv.say(t, "anouk@example.nl", `/team member add "Wijkteam Noord-Oost" pieter@example.nl`); !strings.Contains(got, "De leden van Wijkteam Noord-Oost komen uit de identiteitsprovider (Entra ID, Okta); wijzig ze daar.") {
			t.Fatalf("hand change: %s", got)
		}
		if got := srv.say(t, "anouk@example.nl", `/team lead add "Wijkteam Noord-Oost" pieter@example.nl`); !strings.Contains(got, "Pieter Jansen is nu leider van Wijkteam Noord-Oost") {
			t.Fatalf("lead: %s", got)
		}
		team, err := srv.Store.FindTeamByName(context.Background(), "Wijkteam Noord-Oost")
		if err != nil {
			t.Fatal(err)
		}
		if team.IsMember(pieter.ID) || !team.IsLead(pieter.ID) || !team.IsMember(jan.ID) {
			t.Fatalf("team = %+v", team.Members)
		}

		// Deleted: a departure; the User is gone, the person keeps their history.
		c.must(204, "DELETE", "/scim/v2/Users/"+sanneID, "")
		code, out = c.do("GET", "/scim/v2/Users/"+sanneID, "")
		if code != 404 || out["status"] != "404" {
			t.Fatalf("after delete: %d %v", code, out)
		}
		if p := srv.person(t, sanneID); !p.Inactive {
			t.Fatalf("deleted user still active: %+v", p)
		}
		c.must(204, "DELETE", "/scim/v2/Groups/"+gid, "")
		c.must(404, "GET", "/scim/v2/Groups/"+gid, "")

		log, err := srv.Store.AuditLog(context.Background(), intranet.AuditQuery{})
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, e := range log {
			if e.Actor == "scim" {
				seen[e.Action] = true
			}
		}
		for _, a := range []string{"scim user adopt", "scim user create", "scim user update", "scim user delete", "scim group create", "scim group update", "scim group delete"} {
			if !seen[a] {
				t.Errorf("no audit entry %q in %v", a, seen)
			}
		}
	})
}

// TestSCIMOkta replays Okta's SCIM 2.0 requests (developer.okta.com, "SCIM
// 2.0 protocol reference") through serve: the user lookup with paging,
// create with password and groups, deactivate and reactivate by a PATCH
// without path, a PUT, and group membership by add and filtered remove.
func TestSCIMOkta(t *testing.T) {
	bothEngines(t, func(t *testing.T, env map[string]string) {
		srv, c := scimServe(t, env)
		if out := c.must(200, "GET", filterPath("Users", `userName eq "test.user@okta.local"`)+"&startIndex=1&count=100", ""); out["totalResults"] != 0.0 {
			t.Fatalf("lookup: %v", out)
		}
		user := `{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"test.user@okta.local",
			"name":{"givenName":"Test","familyName":"User"},
			"emails":[{"primary":true,"value":"test.user@okta.local","type":"work"}],
			"displayName":"Test User","locale":"en-US","externalId":"00ujl29u0le5T6Aj10h7",
			"groups":[],"password":"1mz050nq","active":true}`
		created := c.must(201, "POST", "/scim/v2/Users", user)
		id := created["id"].(string)
		if out := c.must(200, "GET", filterPath("Users", `userName eq "test.user@okta.local"`)+"&startIndex=1&count=100", ""); out["totalResults"] != 1.0 {
			t.Fatalf("lookup after create: %v", out)
		}
		c.must(200, "PATCH", "/scim/v2/Users/"+id, patchOps(`{"op":"replace","value":{"active":false}}`))
		if !srv.person(t, id).Inactive {
			t.Fatal("not deactivated")
		}
		c.must(200, "PATCH", "/scim/v2/Users/"+id, patchOps(`{"op":"replace","value":{"active":true}}`))
		if srv.person(t, id).Inactive {
			t.Fatal("not reactivated")
		}
		replaced := strings.Replace(strings.Replace(user, `"displayName":"Test User"`, `"displayName":"Tessa User"`, 1), `"schemas"`, `"id":"`+id+`","schemas"`, 1)
		if out := c.must(200, "PUT", "/scim/v2/Users/"+id, replaced); out["displayName"] != "Tessa User" || srv.person(t, id).Name != "Tessa User" {
			t.Fatalf("PUT: %v", out)
		}

		group := c.must(201, "POST", "/scim/v2/Groups", `{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Test SCIMv2","members":[]}`)
		gid := group["id"].(string)
		c.must(204, "PATCH", "/scim/v2/Groups/"+gid, patchOps(`{"op":"add","path":"members","value":[{"value":"`+id+`","display":"test.user@okta.local"}]}`))
		if out := c.must(200, "GET", "/scim/v2/Groups/"+gid, ""); len(out["members"].([]any)) != 1 {
			t.Fatalf("after add: %v", out)
		}
		c.must(204, "PATCH", "/scim/v2/Groups/"+gid, patchOps(`{"op":"remove","path":"members[value eq \"`+id+`\"]"}`))
		c.must(204, "PATCH", "/scim/v2/Groups/"+gid, patchOps(`{"op":"replace","value":{"id":"`+gid+`","displayName":"Test SCIMv2 renamed"}}`))
		out := c.must(200, "GET", "/scim/v2/Groups/"+gid, "")
		if members, _ := out["members"].([]any); len(members) != 0 || out["displayName"] != "Test SCIMv2 renamed" {
			t.Fatalf("group: %v", out)
		}
		if got := srv.say(t, "anouk@example.nl", `/team member add "Test SCIMv2 renamed" pieter@example.nl`); !strings.Contains(got, "komen uit de identiteitsprovider (Entra ID, Okta); wijzig ze daar") {
			t.Fatalf("hand change: %s", got)
		}
	})
}

// TestSCIMOff: without WERKPLEK_SCIM_TOKEN there is no /scim/v2/; a short
// token is refused at start-up.
func TestSCIMOff(t *testing.T) {
	env := sqliteEnv(t)
	env["WERKPLEK_LISTEN"] = "127.0.0.1:0"
	srv := startServe(t, env)
	resp, err := http.Get("http://" + srv.Addr + "/scim/v2/Users")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 404 {
		t.Fatalf("SCIM off: %d", resp.StatusCode)
	}
	cfg, problems := LoadConfig(testGetenv(map[string]string{"WERKPLEK_SCIM_TOKEN": "short"}))
	if len(problems) != 1 || !strings.Contains(problems[0], "WERKPLEK_SCIM_TOKEN is shorter than 32 characters") || cfg.SCIMToken != "short" {
		t.Fatalf("problems %v", problems)
	}
}
