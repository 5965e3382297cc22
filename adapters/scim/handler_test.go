package scim_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/werkplek/werkplek/adapters/scim"
	"github.com/werkplek/werkplek/intranet"
)

const token = "s3cret-scim-token"

// fake is a ProvisioningService in memory that remembers what it was
// asked; errs, when set, answers every write.
type fake struct {
	people  map[int64]*intranet.ProvisionedPerson
	groups  map[int64]*intranet.ProvisionedGroup
	next    int64
	queries []intranet.PeopleQuery
	updates []intranet.GroupUpdate
	writes  int
	err     error
}

func newFake() *fake {
	return &fake{people: map[int64]*intranet.ProvisionedPerson{}, groups: map[int64]*intranet.ProvisionedGroup{}, next: 100}
}

func (f *fake) ProvisionedPeople(ctx context.Context, q intranet.PeopleQuery) ([]*intranet.ProvisionedPerson, int, error) {
	f.queries = append(f.queries, q)
	var out []*intranet.ProvisionedPerson
	for id := int64(0); id <= f.next; id++ {
		p := f.people[id]
		if p == nil || (q.UserName != "" && !strings.EqualFold(p.UserName, q.UserName)) || (q.Email != "" && !strings.EqualFold(p.Email, q.Email)) ||
			(q.ExternalID != "" && p.ExternalID != q.ExternalID) {
			continue
		}
		c := *p
		out = append(out, &c)
	}
	total := len(out)
	if q.Offset < len(out) {
		out = out[q.Offset:]
	} else {
		out = nil
	}
	if q.Limit > 0 && len(out) > q.Limit {
		out = out[:q.Limit]
	}
	return out, total, nil
}

func (f *fake) ProvisionedPerson(ctx context.Context, id int64) (*intranet.ProvisionedPerson, error) {
	p := f.people[id]
	if p == nil {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "No provisioned person %d.", id)
	}
	c := *p
	return &c, nil
}

func (f *fake) ProvisionPerson(ctx context.Context, p intranet.ProvisionedPerson) (*intranet.ProvisionedPerson, error) {
	f.writes++
	if f.err != nil {
		return nil, f.err
	}
	f.next++
	p.ID = f.next
	f.people[p.ID] = &p
	return f.ProvisionedPerson(ctx, p.ID)
}

func (f *fake) ReplaceProvisionedPerson(ctx context.Context, p intranet.ProvisionedPerson) (*intranet.ProvisionedPerson, error) {
	f.writes++
	if f.err != nil {
		return nil, f.err
	}
	old := f.people[p.ID]
	if old == nil {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "No provisioned person %d.", p.ID)
	}
	p.Inactive = old.Inactive
	f.people[p.ID] = &p
	return f.ProvisionedPerson(ctx, p.ID)
}

func (f *fake) UnprovisionPerson(ctx context.Context, id int64) error {
	f.writes++
	if f.people[id] == nil {
		return intranet.Errorf(intranet.ENOTFOUND, "No provisioned person %d.", id)
	}
	delete(f.people, id)
	return nil
}

func (f *fake) ProvisionedGroups(ctx context.Context, q intranet.GroupQuery) ([]*intranet.ProvisionedGroup, int, error) {
	var out []*intranet.ProvisionedGroup
	for id := int64(0); id <= f.next; id++ {
		if g := f.groups[id]; g != nil && (q.Name == "" || strings.EqualFold(g.Name, q.Name)) {
			out = append(out, g)
		}
	}
	return out, len(out), nil
}

func (f *fake) ProvisionedGroup(ctx context.Context, id int64) (*intranet.ProvisionedGroup, error) {
	if g := f.groups[id]; g != nil {
		return g, nil
	}
	return nil, intranet.Errorf(intranet.ENOTFOUND, "No provisioned group %d.", id)
}

func (f *fake) ProvisionGroup(ctx context.Context, g intranet.ProvisionedGroup) (*intranet.ProvisionedGroup, error) {
	f.writes++
	f.next++
	g.ID = f.next
	f.groups[g.ID] = &g
	return &g, nil
}

func (f *fake) UpdateProvisionedGroup(ctx context.Context, id int64, u intranet.GroupUpdate) (*intranet.ProvisionedGroup, error) {
	f.writes++
	f.updates = append(f.updates, u)
	g := f.groups[id]
	if u.Name != nil {
		g.Name = *u.Name
	}
	ids := map[int64]bool{}
	for _, m := range g.Members {
		ids[m.PersonID] = true
	}
	if u.Members != nil {
		ids = map[int64]bool{}
		for _, id := range *u.Members {
			ids[id] = true
		}
	}
	for _, id := range u.Add {
		if f.people[id] == nil {
			return nil, intranet.Errorf(intranet.ENOTFOUND, "No person %d.", id)
		}
		ids[id] = true
	}
	for _, id := range u.Remove {
		delete(ids, id)
	}
	g.Members = nil
	for id := int64(0); id <= f.next; id++ {
		if ids[id] {
			g.Members = append(g.Members, intranet.GroupMember{PersonID: id})
		}
	}
	return g, nil
}

func (f *fake) UnprovisionGroup(ctx context.Context, id int64) error {
	f.writes++
	if f.groups[id] == nil {
		return intranet.Errorf(intranet.ENOTFOUND, "No provisioned group %d.", id)
	}
	delete(f.groups, id)
	return nil
}

// directory records deactivations and activations and sets the fake's
// person inactive or active.
type directory struct {
	f     *fake
	calls []string
}

func (d *directory) Deactivate(ctx context.Context, by intranet.Actor, id int64) (intranet.Departure, error) {
	d.calls = append(d.calls, "deactivate "+strconv.FormatInt(id, 10)+" by "+by.Name+"/"+by.Platform)
	if p := d.f.people[id]; p != nil {
		p.Inactive = true
	}
	return intranet.Departure{}, nil
}

func (d *directory) Activate(ctx context.Context, by intranet.Actor, id int64) error {
	d.calls = append(d.calls, "activate "+strconv.FormatInt(id, 10)+" by "+by.Name+"/"+by.Platform)
	if p := d.f.people[id]; p != nil {
		p.Inactive = false
	}
	return nil
}

type env struct {
	t   *testing.T
	f   *fake
	dir *directory
	mux *http.ServeMux
}

func newEnv(t *testing.T) *env {
	f := newFake()
	d := &directory{f: f}
	h, err := scim.New(scim.Config{Token: token, PublicURL: "https://werkplek.example.nl", Provisioner: f, Directory: d})
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	h.Routes(mux)
	return &env{t: t, f: f, dir: d, mux: mux}
}

// do sends a request with the token and returns the status and the JSON
// body (nil when empty).
func (e *env) do(method, path, body string) (int, map[string]any, http.Header) {
	e.t.Helper()
	return e.send(method, path, body, "Bearer "+token)
}

func (e *env) send(method, path, body, auth string) (int, map[string]any, http.Header) {
	e.t.Helper()
	r := httptest.NewRequest(method, path, strings.NewReader(body))
	if auth != "" {
		r.Header.Set("Authorization", auth)
	}
	r.Header.Set("Content-Type", "application/scim+json")
	w := httptest.NewRecorder()
	e.mux.ServeHTTP(w, r)
	var out map[string]any
	if w.Body.Len() > 0 {
		if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil {
			e.t.Fatalf("%s %s: body %q is not JSON: %v", method, path, w.Body.String(), err)
		}
	}
	return w.Code, out, w.Header()
}

// wantError checks a SCIM error: status (as a string) and scimType.
func wantError(t *testing.T, what string, code int, body map[string]any, status int, scimType string) {
	t.Helper()
	if code != status || body["status"] != strconv.Itoa(status) || (scimType != "" && body["scimType"] != scimType) ||
		!slices.Contains(anySlice(body["schemas"]), any("urn:ietf:params:scim:api:messages:2.0:Error")) {
		t.Errorf("%s: %d %v, want %d %s in SCIM's error format", what, code, body, status, scimType)
	}
}

func anySlice(v any) []any { s, _ := v.([]any); return s }

// entraUser is Entra ID's POST /Users (learn.microsoft.com, "Create User"),
// with the enterprise extension and the attributes Werkplek maps.
const entraUser = `{
	"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
	"externalId": "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
	"userName": "Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1@zorg.onmicrosoft.com",
	"active": true,
	"displayName": "Anouk van den Berg",
	"emails": [{"primary": true, "type": "work", "value": "Anouk.vandenBerg@example.nl"}],
	"meta": {"resourceType": "User"},
	"name": {"formatted": "Anouk van den Berg", "familyName": "Berg", "givenName": "Anouk", "middleName": "van den"},
	"title": "Teamleider",
	"phoneNumbers": [{"type": "work", "value": "030 123 4567"}, {"type": "mobile", "value": "06-11111111"}],
	"addresses": [{"type": "work", "locality": "Utrecht", "country": "NL"}],
	"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "Zorg Oost", "employeeNumber": "E-001", "organization": "Zorg Thuis BV", "manager": {"value": "7"}}
}`

func TestUnauthorized(t *testing.T) {
	e := newEnv(t)
	for name, auth := range map[string]string{"None": "", "Wrong": "Bearer nope", "Basic": "Basic " + token, "Prefix": "Bearer " + token[:5]} {
		code, body, _ := e.send("POST", "/scim/v2/Users", entraUser, auth)
		wantError(t, name, code, body, 401, "")
	}
	if e.f.writes != 0 {
		t.Fatalf("writes = %d, want none", e.f.writes)
	}
	if _, err := scim.New(scim.Config{Provisioner: e.f, Directory: e.dir}); err == nil {
		t.Fatal("New without a token: no error")
	}
}

func TestDiscovery(t *testing.T) {
	e := newEnv(t)
	for _, path := range []string{"/scim/v2/ServiceProviderConfig", "/scim/v2/Schemas", "/scim/v2/ResourceTypes"} {
		r := httptest.NewRequest("GET", path, nil)
		r.Header.Set("Authorization", "Bearer "+token)
		w := httptest.NewRecorder()
		e.mux.ServeHTTP(w, r)
		if w.Code != 200 || w.Header().Get("Content-Type") != "application/scim+json" {
			t.Errorf("%s: %d %s", path, w.Code, w.Header().Get("Content-Type"))
		}
	}
	_, body, _ := e.do("GET", "/scim/v2/ServiceProviderConfig", "")
	if patch, _ := body["patch"].(map[string]any); patch["supported"] != true {
		t.Errorf("patch not supported: %v", body)
	}
}

// TestCreateUser: Entra's POST maps to a person; the answer is 201 with
// Location; errors come in SCIM's format.
func TestCreateUser(t *testing.T) {
	e := newEnv(t)
	code, body, hdr := e.do("POST", "/scim/v2/Users", entraUser)
	if code != 201 {
		t.Fatalf("POST: %d %v", code, body)
	}
	p := e.f.people[101]
	want := intranet.ProvisionedPerson{ID: 101, UserName: "Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1@zorg.onmicrosoft.com", ExternalID: "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
		Name: "Anouk van den Berg", Email: "Anouk.vandenBerg@example.nl", Phone: "030 123 4567", Mobile: "06-11111111", Title: "Teamleider",
		Location: "Utrecht", Department: "Zorg Oost", ManagerID: 7, EmployeeNumber: "E-001", Organisation: "Zorg Thuis BV"}
	if diff := cmp.Diff(want, *p); diff != "" {
		t.Fatalf("person (-want +got):\n%s", diff)
	}
	if hdr.Get("Location") != "https://werkplek.example.nl/scim/v2/Users/101" || body["id"] != "101" || body["userName"] != want.UserName {
		t.Fatalf("Location %q, body %v", hdr.Get("Location"), body)
	}
	if len(e.dir.calls) != 0 {
		t.Fatalf("directory calls %v for an active user", e.dir.calls)
	}
	// GET returns the enterprise organization as it was sent.
	_, got, _ := e.do("GET", "/scim/v2/Users/101", "")
	if ext, _ := got["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"].(map[string]any); ext["organization"] != "Zorg Thuis BV" {
		t.Fatalf("GET: enterprise extension %v", got["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"])
	}

	// No displayName: the name parts, a Dutch prefix in middleName; no
	// email: the userName; created inactive: deactivated.
	code, _, _ = e.do("POST", "/scim/v2/Users", `{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"Kees.Janssen@example.nl","active":false,
		"name":{"givenName":"Kees","middleName":"van der","familyName":"Janssen"}}`)
	if code != 201 {
		t.Fatalf("POST without displayName: %d", code)
	}
	if p := e.f.people[102]; p.Name != "Kees van der Janssen" || p.Email != "Kees.Janssen@example.nl" || !p.Inactive {
		t.Fatalf("person = %+v", p)
	}
	if !slices.Equal(e.dir.calls, []string{"deactivate 102 by scim/scim"}) {
		t.Fatalf("directory calls %v", e.dir.calls)
	}
	// Emails without primary: the work one.
	e.do("POST", "/scim/v2/Users", `{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"jd@zorg.onmicrosoft.com","displayName":"Jan",
		"emails":[{"type":"home","value":"jan@thuis.nl"},{"type":"work","value":"jan@example.nl"}]}`)
	if p := e.f.people[103]; p.Email != "jan@example.nl" {
		t.Fatalf("email = %q, want the work one", p.Email)
	}

	for name, c := range map[string]struct {
		err      error
		body     string
		status   int
		scimType string
	}{
		"Conflict": {intranet.Errorf(intranet.ECONFLICT, "The userName x is another user's."), entraUser, 409, "uniqueness"},
		"Invalid":  {intranet.Errorf(intranet.EINVALID, "A user needs an email address."), entraUser, 400, "invalidValue"},
		"Syntax":   {nil, `{"userName": `, 400, "invalidSyntax"},
		"Type":     {nil, `{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName": 12}`, 400, "invalidValue"},
	} {
		e.f.err = c.err
		code, body, hdr := e.do("POST", "/scim/v2/Users", c.body)
		wantError(t, name, code, body, c.status, c.scimType)
		if hdr.Get("Content-Type") != "application/scim+json" {
			t.Errorf("%s: content type %q", name, hdr.Get("Content-Type"))
		}
	}
	e.f.err = nil
	code, body, _ = e.do("GET", "/scim/v2/Users/999", "")
	wantError(t, "Get unknown", code, body, 404, "")
	code, body, _ = e.do("GET", "/scim/v2/Users/abc", "")
	wantError(t, "Get bad id", code, body, 404, "")
}

// TestFindUsers: the filters Entra ID and Okta send reach the store as
// queries; paging; a bad filter is invalidFilter.
func TestFindUsers(t *testing.T) {
	e := newEnv(t)
	e.do("POST", "/scim/v2/Users", entraUser)
	e.do("POST", "/scim/v2/Users", `{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"kees@example.nl","displayName":"Kees","externalId":"k1"}`)
	for _, c := range []struct {
		query string
		want  intranet.PeopleQuery
		ids   []string
		total float64
	}{
		{`filter=userName eq "KEES@example.nl"`, intranet.PeopleQuery{UserName: "KEES@example.nl", Limit: 200}, []string{"102"}, 1},
		{`filter=externalId eq "k1"`, intranet.PeopleQuery{ExternalID: "k1", Limit: 200}, []string{"102"}, 1},
		{`filter=emails[type eq "work"].value eq "anouk.vandenberg@example.nl"`, intranet.PeopleQuery{Email: "anouk.vandenberg@example.nl", Limit: 200}, []string{"101"}, 1},
		{`filter=userName eq "nobody"`, intranet.PeopleQuery{UserName: "nobody", Limit: 200}, nil, 0},
		{`startIndex=2&count=1`, intranet.PeopleQuery{Offset: 1, Limit: 1}, []string{"102"}, 2},
		{`filter=displayName sw "Kee"`, intranet.PeopleQuery{}, []string{"102"}, 1},
	} {
		e.f.queries = nil
		code, body, _ := e.do("GET", "/scim/v2/Users?"+strings.ReplaceAll(c.query, " ", "%20"), "")
		if code != 200 {
			t.Errorf("%s: %d %v", c.query, code, body)
			continue
		}
		var ids []string
		for _, r := range anySlice(body["Resources"]) {
			ids = append(ids, r.(map[string]any)["id"].(string))
		}
		if !slices.Equal(ids, c.ids) || body["totalResults"] != c.total || len(e.f.queries) != 1 || e.f.queries[0] != c.want {
			t.Errorf("%s: ids %v total %v, queries %+v; want %v %v %+v", c.query, ids, body["totalResults"], e.f.queries, c.ids, c.total, c.want)
		}
	}
	code, body, _ := e.do("GET", "/scim/v2/Users?filter=userName%20eq", "")
	wantError(t, "bad filter", code, body, 400, "invalidFilter")
}

// patch sends a PATCH of one or more operations (JSON objects).
func (e *env) patch(path string, ops ...string) (int, map[string]any) {
	e.t.Helper()
	code, body, _ := e.do("PATCH", path, `{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[`+strings.Join(ops, ",")+`]}`)
	return code, body
}

// TestPatchUser: each form of PATCH Entra ID and Okta send.
func TestPatchUser(t *testing.T) {
	e := newEnv(t)
	e.do("POST", "/scim/v2/Users", entraUser)
	e.do("POST", "/scim/v2/Users", `{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"boss@example.nl","displayName":"Boss"}`)
	const u = "/scim/v2/Users/101"
	steps := []struct {
		name  string
		ops   []string
		check func(p *intranet.ProvisionedPerson) bool
		calls []string
	}{
		{"ReplaceAnyCase", []string{`{"op":"REPLACE","path":"title","value":"Manager zorg"}`, `{"op":"replace","path":"userName","value":"anouk@zorg.onmicrosoft.com"}`},
			func(p *intranet.ProvisionedPerson) bool {
				return p.Title == "Manager zorg" && p.UserName == "anouk@zorg.onmicrosoft.com"
			}, nil},
		{"EntraFalseString", []string{`{"op":"Replace","path":"active","value":"False"}`},
			func(p *intranet.ProvisionedPerson) bool { return p.Inactive }, []string{"deactivate 101 by scim/scim"}},
		{"EntraTrueString", []string{`{"op":"Replace","path":"active","value":"True"}`},
			func(p *intranet.ProvisionedPerson) bool { return !p.Inactive }, []string{"activate 101 by scim/scim"}},
		{"OktaBoolean", []string{`{"op":"replace","value":{"active":false}}`},
			func(p *intranet.ProvisionedPerson) bool { return p.Inactive }, []string{"deactivate 101 by scim/scim"}},
		{"OktaBack", []string{`{"op":"replace","value":{"id":"101","active":true}}`},
			func(p *intranet.ProvisionedPerson) bool { return !p.Inactive }, []string{"activate 101 by scim/scim"}},
		{"NoPathAttributePaths", []string{`{"op":"Replace","value":{"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department":"Zorg West","name.givenName":"Annie","displayName":"Annie van den Berg"}}`},
			func(p *intranet.ProvisionedPerson) bool {
				return p.Department == "Zorg West" && p.Name == "Annie van den Berg"
			}, nil},
		{"NoPathExtensionObject", []string{`{"op":"add","value":{"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"E-002"}}}`},
			func(p *intranet.ProvisionedPerson) bool {
				return p.EmployeeNumber == "E-002" && p.Department == "Zorg West"
			}, nil},
		{"FamilyNameOnly", []string{`{"op":"Replace","path":"name.familyName","value":"de Vries"}`},
			func(p *intranet.ProvisionedPerson) bool { return p.Name == "Annie de Vries" }, nil},
		{"FilteredPaths", []string{`{"op":"Replace","path":"emails[type eq \"work\"].value","value":"annie.devries@example.nl"}`,
			`{"op":"Replace","path":"phoneNumbers[type eq \"mobile\"].value","value":"06-22222222"}`,
			`{"op":"Add","path":"addresses[type eq \"work\"].locality","value":"Zeist"}`},
			func(p *intranet.ProvisionedPerson) bool {
				return p.Email == "annie.devries@example.nl" && p.Mobile == "06-22222222" && p.Phone == "030 123 4567" && p.Location == "Zeist"
			}, nil},
		{"ManagerBareID", []string{`{"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"102"}`},
			func(p *intranet.ProvisionedPerson) bool { return p.ManagerID == 102 }, nil},
		{"ManagerRemove", []string{`{"op":"Remove","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"}`},
			func(p *intranet.ProvisionedPerson) bool { return p.ManagerID == 0 }, nil},
		{"Organization", []string{`{"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organization","value":"Thuiszorg Midden"}`},
			func(p *intranet.ProvisionedPerson) bool {
				return p.Organisation == "Thuiszorg Midden" && p.Department == "Zorg West"
			}, nil},
		{"RemoveTitle", []string{`{"op":"Remove","path":"title"}`},
			func(p *intranet.ProvisionedPerson) bool {
				return p.Title == "" && p.Name == "Annie de Vries" && p.Organisation == "Thuiszorg Midden"
			}, nil},
	}
	for _, s := range steps {
		e.dir.calls = nil
		code, body := e.patch(u, s.ops...)
		if code != 200 || body["id"] != "101" {
			t.Errorf("%s: %d %v", s.name, code, body)
			continue
		}
		if p := e.f.people[101]; !s.check(p) {
			t.Errorf("%s: person = %+v", s.name, p)
		}
		if !slices.Equal(e.dir.calls, s.calls) {
			t.Errorf("%s: directory %v, want %v", s.name, e.dir.calls, s.calls)
		}
	}
	code, body := e.patch("/scim/v2/Users/999", `{"op":"replace","path":"title","value":"x"}`)
	wantError(t, "unknown", code, body, 404, "")
	code, body = e.patch(u, `{"op":"frobnicate","path":"title","value":"x"}`)
	wantError(t, "bad op", code, body, 400, "")
}

// TestReplaceAndDeleteUser: PUT replaces; DELETE deactivates, then the
// User is gone.
func TestReplaceAndDeleteUser(t *testing.T) {
	e := newEnv(t)
	e.do("POST", "/scim/v2/Users", entraUser)
	code, body, _ := e.do("PUT", "/scim/v2/Users/101", strings.Replace(entraUser, `"title": "Teamleider"`, `"title": "Coördinator"`, 1))
	if code != 200 || e.f.people[101].Title != "Coördinator" || body["title"] != "Coördinator" {
		t.Fatalf("PUT: %d %v", code, body)
	}
	code, _, _ = e.do("DELETE", "/scim/v2/Users/101", "")
	if code != 204 || !slices.Equal(e.dir.calls, []string{"deactivate 101 by scim/scim"}) {
		t.Fatalf("DELETE: %d, directory %v", code, e.dir.calls)
	}
	code, body, _ = e.do("GET", "/scim/v2/Users/101", "")
	wantError(t, "after delete", code, body, 404, "")
	code, body, _ = e.do("DELETE", "/scim/v2/Users/101", "")
	wantError(t, "delete again", code, body, 404, "")
}

// TestGroups: create with members, Entra's and Okta's member PATCHes,
// rename, lookup without members, delete.
func TestGroups(t *testing.T) {
	e := newEnv(t)
	for _, n := range []string{"a", "b", "c"} {
		e.do("POST", "/scim/v2/Users", `{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"`+n+`@example.nl","displayName":"`+n+`"}`)
	}
	code, body, hdr := e.do("POST", "/scim/v2/Groups", `{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"externalId":"8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159",
		"displayName":"Wijkteam Noord","members":[{"value":"101"}],"meta":{"resourceType":"Group"}}`)
	if code != 201 || body["id"] != "104" || hdr.Get("Location") == "" {
		t.Fatalf("POST group: %d %v", code, body)
	}
	g := "/scim/v2/Groups/104"
	members := func() []int64 {
		var ids []int64
		for _, m := range e.f.groups[104].Members {
			ids = append(ids, m.PersonID)
		}
		return ids
	}
	for _, s := range []struct {
		name string
		op   string
		want []int64
	}{
		{"EntraAdd", `{"op":"Add","path":"members","value":[{"$ref":null,"value":"102"},{"value":"103"}]}`, []int64{101, 102, 103}},
		{"EntraRemove", `{"op":"Remove","path":"members","value":[{"$ref":null,"value":"101"}]}`, []int64{102, 103}},
		{"OktaRemove", `{"op":"remove","path":"members[value eq \"102\"]"}`, []int64{103}},
		{"OktaAdd", `{"op":"add","path":"members","value":[{"value":"101","display":"a"}]}`, []int64{101, 103}},
		{"Replace", `{"op":"replace","path":"members","value":[{"value":"102"}]}`, []int64{102}},
		{"OktaRename", `{"op":"replace","value":{"id":"104","displayName":"Wijkteam Noord-Oost"}}`, []int64{102}},
		{"EntraRename", `{"op":"Replace","path":"displayName","value":"Wijkteam NO"}`, []int64{102}},
	} {
		code, body := e.patch(g, s.op)
		if code != 204 {
			t.Errorf("%s: %d %v", s.name, code, body)
		}
		if got := members(); !slices.Equal(got, s.want) {
			t.Errorf("%s: members %v, want %v", s.name, got, s.want)
		}
	}
	if e.f.groups[104].Name != "Wijkteam NO" {
		t.Fatalf("name = %q", e.f.groups[104].Name)
	}
	code, body = e.patch(g, `{"op":"Add","path":"members","value":[{"value":"999"}]}`)
	wantError(t, "unknown member", code, body, 400, "invalidValue")
	code, body = e.patch("/scim/v2/Groups/999", `{"op":"Add","path":"members","value":[{"value":"101"}]}`)
	wantError(t, "unknown group", code, body, 404, "")

	code, body, _ = e.do("GET", "/scim/v2/Groups?excludedAttributes=members&filter=displayName%20eq%20%22Wijkteam%20NO%22", "")
	res := anySlice(body["Resources"])
	if code != 200 || len(res) != 1 || res[0].(map[string]any)["members"] != nil {
		t.Fatalf("lookup: %d %v", code, body)
	}
	code, body, _ = e.do("GET", g, "")
	if code != 200 || len(anySlice(body["members"])) != 1 {
		t.Fatalf("GET group: %d %v", code, body)
	}
	code, _, _ = e.do("DELETE", g, "")
	if code != 204 {
		t.Fatalf("DELETE group: %d", code)
	}
	code, body, _ = e.do("GET", g, "")
	wantError(t, "after delete", code, body, 404, "")
}

// TestUnauthorizedEverywhere: without the token every path and method
// under /scim/v2 is refused, the discovery endpoints and odd spellings
// included, and nothing is read or written; /scim/v2 itself only
// redirects, with no data.
func TestUnauthorizedEverywhere(t *testing.T) {
	e := newEnv(t)
	for _, method := range []string{"GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"} {
		for _, path := range []string{"/scim/v2/", "/scim/v2/Users", "/scim/v2/Users/", "/scim/v2/Users/1", "/scim/v2/users?filter=userName%20eq%20%22a%22",
			"/scim/v2/Groups/1", "/scim/v2/ServiceProviderConfig", "/scim/v2/Schemas", "/scim/v2/ResourceTypes/User", "/scim/v2/Me", "/scim/v2/.search"} {
			r := httptest.NewRequest(method, path, strings.NewReader(`{"Operations":[{"op":"replace","path":"active","value":false}]}`))
			r.Header.Set("Authorization", "Bearer wrong")
			w := httptest.NewRecorder()
			e.mux.ServeHTTP(w, r)
			if w.Code != 401 {
				t.Errorf("%s %s: %d %s", method, path, w.Code, w.Body.String())
			}
		}
	}
	r := httptest.NewRequest("GET", "/scim/v2", nil)
	w := httptest.NewRecorder()
	e.mux.ServeHTTP(w, r)
	if w.Code/100 != 3 || w.Header().Get("Location") != "/scim/v2/" || strings.Contains(w.Body.String(), "schemas") {
		t.Errorf("/scim/v2: %d %s", w.Code, w.Body.String())
	}
	if e.f.writes != 0 {
		t.Fatalf("writes %d, want none", e.f.writes)
	}
}
