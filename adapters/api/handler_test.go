package api_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/werkplek/werkplek/adapters/api"
	"github.com/werkplek/werkplek/intranet"
)

var amsterdam = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		panic(err)
	}
	return loc
}()

// sheets is a TimesheetService that pages through a fixed list and
// remembers the filters it was asked.
type sheets struct {
	intranet.TimesheetService // only Timesheets is called
	mu                        sync.Mutex
	list                      []*intranet.Timesheet
	asked                     []intranet.TimesheetFilter
}

func (s *sheets) Timesheets(ctx context.Context, f intranet.TimesheetFilter) ([]*intranet.Timesheet, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.asked = append(s.asked, f)
	out := s.list
	if f.Offset > len(out) {
		return nil, nil
	}
	out = out[f.Offset:]
	if f.Limit > 0 && len(out) > f.Limit {
		out = out[:f.Limit]
	}
	return out, nil
}

func (s *sheets) last() intranet.TimesheetFilter {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.asked[len(s.asked)-1]
}

// tokens is an APITokenService over fixed tokens by secret.
type tokens struct {
	intranet.APITokenService // only UseAPIToken is called
	bySecret                 map[string]*intranet.APIToken
}

func (t tokens) UseAPIToken(ctx context.Context, hash string, now time.Time) (*intranet.APIToken, error) {
	for secret, tok := range t.bySecret {
		if intranet.HashSecret(secret) == hash && tok.Revoked.IsZero() {
			return tok, nil
		}
	}
	return nil, intranet.Errorf(intranet.ENOTFOUND, "No such token.")
}

var testTokens = tokens{bySecret: map[string]*intranet.APIToken{
	"wpk_payroll": {ID: 1, Name: "payroll", Scopes: []string{intranet.ScopeHoursRead}},
	"wpk_revoked": {ID: 2, Name: "old", Scopes: []string{intranet.ScopeHoursRead}, Revoked: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)},
	"wpk_noscope": {ID: 3, Name: "other", Scopes: []string{"rooms:read"}},
}}

// pieterWeek is an approved week with a range over a break, a number of
// hours, a trip whose rate was fixed at submission and one made before
// the rate was stored (0: the rate in force).
func pieterWeek() *intranet.Timesheet {
	at := func(d, h, m int) time.Time { return time.Date(2026, 11, d, h, m, 0, 0, amsterdam) }
	return &intranet.Timesheet{PersonID: 2, Person: "Pieter Jansen", Email: "pieter.jansen@example.nl", EmployeeNumber: "10042", Department: "Zorg Oost",
		Week: intranet.Week{Year: 2026, Number: 48}, State: intranet.WeekApproved, SubmittedAt: at(27, 17, 0).UTC(),
		DecidedByID: 1, DecidedBy: "Anouk van den Berg", DecidedAt: at(30, 9, 15).UTC(),
		Entries: []*intranet.TimeEntry{
			{ID: 11, PersonID: 2, Date: "2026-11-23", Start: at(23, 7, 0).UTC(), End: at(23, 15, 30).UTC(), BreakMinutes: 30, Minutes: 480, Project: "WZ-Noord"},
			{ID: 12, PersonID: 2, Date: "2026-11-24", Minutes: 450, Project: "=HYPERLINK(\"http://evil\")", Note: "scholing"},
		},
		Trips: []*intranet.Trip{
			{ID: 21, PersonID: 2, Date: "2026-11-23", Km: 46, From: "Utrecht", To: "Zeist", Return: true, Purpose: "cliëntbezoek", Rate: 0.21},
			{ID: 22, PersonID: 2, Date: "2026-11-24", Km: 12.5, From: "Zeist", To: "-Bilthoven", Purpose: "@overleg"},
		}}
}

func newAPI(s *sheets) *api.Handler {
	return api.New(api.Config{Timesheets: s, Tokens: testTokens, Location: amsterdam, MileageRate: 0.25, PublicURL: "https://werkplek.example.nl/"})
}

func get(t *testing.T, h http.Handler, target, token string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(http.MethodGet, target, nil)
	if token != "" {
		r.Header.Set("Authorization", "Bearer "+token)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

const november = "/api/v1/timesheets?from=2026-11-01&to=2026-11-30"

// TestAuth: without a working token there is no data, with the reason in
// WWW-Authenticate; a token without hours:read is forbidden.
func TestAuth(t *testing.T) {
	s := &sheets{list: []*intranet.Timesheet{pieterWeek()}}
	h := newAPI(s)
	for _, tc := range []struct {
		name, header string
		status       int
		challenge    string
	}{
		{"no token", "", 401, `Bearer realm="werkplek"`},
		{"not bearer", "Basic cGlldGVyOnNlY3JldA==", 401, `Bearer realm="werkplek"`},
		{"empty bearer", "Bearer ", 401, `Bearer realm="werkplek"`},
		{"wrong token", "Bearer wpk_guessed", 401, `Bearer realm="werkplek", error="invalid_token"`},
		{"revoked token", "Bearer wpk_revoked", 401, `Bearer realm="werkplek", error="invalid_token"`},
		{"no scope", "Bearer wpk_noscope", 403, `Bearer realm="werkplek", error="insufficient_scope", scope="hours:read"`},
		{"lower-case scheme", "bearer wpk_payroll", 200, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodGet, november, nil)
			if tc.header != "" {
				r.Header.Set("Authorization", tc.header)
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			if w.Code != tc.status || w.Header().Get("WWW-Authenticate") != tc.challenge {
				t.Fatalf("%d %q, want %d %q: %s", w.Code, w.Header().Get("WWW-Authenticate"), tc.status, tc.challenge, w.Body)
			}
			if tc.status != 200 && (strings.Contains(w.Body.String(), "pieter") || strings.Contains(w.Body.String(), `"data"`)) {
				t.Errorf("data without a working token: %s", w.Body)
			}
			if tc.status != 200 {
				var e struct {
					Error struct{ Code, Message string }
				}
				if err := json.Unmarshal(w.Body.Bytes(), &e); err != nil || e.Error.Message == "" {
					t.Errorf("error body %s: %v", w.Body, err)
				}
			}
		})
	}
}

// TestBadParameters: a missing or wrong parameter is a 400 that says what.
func TestBadParameters(t *testing.T) {
	h := newAPI(&sheets{})
	for _, tc := range []struct{ query, says string }{
		{"", "from and to"},
		{"from=2026-11-01", "from and to"},
		{"from=1-11-2026&to=2026-11-30", "from and to"},
		{"from=2026-11-30&to=2026-11-01", "before"},
		{"from=2025-01-01&to=2026-11-30", "366"},
		{"from=2026-11-01&to=2026-11-30&state=done", "state"},
		{"from=2026-11-01&to=2026-11-30&page=0", "page"},
		{"from=2026-11-01&to=2026-11-30&page=x", "page"},
		{"from=2026-11-01&to=2026-11-30&per_page=500", "per_page"},
		{"from=2026-11-01&to=2026-11-30&status=approved", "status"},
	} {
		w := get(t, h, "/api/v1/timesheets?"+tc.query, "wpk_payroll")
		var e struct {
			Error struct{ Code, Message string }
		}
		if err := json.Unmarshal(w.Body.Bytes(), &e); err != nil || w.Code != 400 || e.Error.Code != "invalid" || !strings.Contains(e.Error.Message, tc.says) {
			t.Errorf("%q: %d %s, want 400 saying %q", tc.query, w.Code, w.Body, tc.says)
		}
	}
	if w := get(t, h, "/api/v1/nothing", "wpk_payroll"); w.Code != 404 {
		t.Errorf("unknown endpoint: %d", w.Code)
	}
	r := httptest.NewRequest(http.MethodPost, november, nil)
	r.Header.Set("Authorization", "Bearer wpk_payroll")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != 405 || w.Header().Get("Allow") == "" {
		t.Errorf("POST: %d", w.Code)
	}
}

// TestTimesheetsJSON: a week as the API writes it, its totals (the
// allowance of each trip at its own rate, else at the rate in force), and
// the filter the store is asked.
func TestTimesheetsJSON(t *testing.T) {
	s := &sheets{list: []*intranet.Timesheet{pieterWeek()}}
	w := get(t, newAPI(s), november+"&state=approved,submitted", "wpk_payroll")
	if w.Code != 200 || w.Header().Get("Content-Type") != "application/json; charset=utf-8" {
		t.Fatalf("%d %s", w.Code, w.Body)
	}
	var got any
	if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	var want any
	if err := json.Unmarshal([]byte(`{
  "data": [{
    "person": {"id": 2, "email": "pieter.jansen@example.nl", "name": "Pieter Jansen", "employee_number": "10042", "department": "Zorg Oost"},
    "week": "2026-W48", "first_day": "2026-11-23", "last_day": "2026-11-29",
    "state": "approved", "submitted_at": "2026-11-27T17:00:00+01:00",
    "approved_by": "Anouk van den Berg", "approved_at": "2026-11-30T09:15:00+01:00", "reason": "",
    "totals": {"minutes": 930, "hours": 15.5, "km": 58.5, "allowance": 12.79},
    "entries": [
      {"id": 11, "date": "2026-11-23", "start": "2026-11-23T07:00:00+01:00", "end": "2026-11-23T15:30:00+01:00", "break_minutes": 30, "minutes": 480, "hours": 8, "project": "WZ-Noord", "note": ""},
      {"id": 12, "date": "2026-11-24", "start": null, "end": null, "break_minutes": 0, "minutes": 450, "hours": 7.5, "project": "=HYPERLINK(\"http://evil\")", "note": "scholing"}
    ],
    "trips": [
      {"id": 21, "date": "2026-11-23", "km": 46, "from": "Utrecht", "to": "Zeist", "return": true, "purpose": "cliëntbezoek", "route": "", "rate": 0.21, "allowance": 9.66},
      {"id": 22, "date": "2026-11-24", "km": 12.5, "from": "Zeist", "to": "-Bilthoven", "return": false, "purpose": "@overleg", "route": "", "rate": 0.25, "allowance": 3.13}
    ]
  }],
  "page": 1, "per_page": 50, "next": null
}`), &want); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("JSON (-want +got):\n%s", diff)
	}
	wantFilter := intranet.TimesheetFilter{From: "2026-11-01", To: "2026-11-30", States: []intranet.WeekState{intranet.WeekApproved, intranet.WeekSubmitted}, Limit: 51}
	if diff := cmp.Diff(wantFilter, s.last()); diff != "" {
		t.Errorf("filter (-want +got):\n%s", diff)
	}
}

// TestPaging: per_page sheets a page, next links the following page with
// the same query until the last, whose next is null.
func TestPaging(t *testing.T) {
	s := &sheets{}
	for i := range 5 {
		sh := pieterWeek()
		sh.PersonID = int64(100 + i)
		s.list = append(s.list, sh)
	}
	h := newAPI(s)
	target := november + "&state=approved&per_page=2"
	var ids []int64
	for page := 1; ; page++ {
		if page > 5 {
			t.Fatal("no end")
		}
		w := get(t, h, target, "wpk_payroll")
		var p api.Page
		if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil || w.Code != 200 {
			t.Fatalf("page %d: %d %s", page, w.Code, w.Body)
		}
		if p.Page != page || p.PerPage != 2 {
			t.Errorf("page %d says page %d per_page %d", page, p.Page, p.PerPage)
		}
		if f := s.last(); f.Offset != (page-1)*2 || f.Limit != 3 {
			t.Errorf("page %d asked offset %d limit %d", page, f.Offset, f.Limit)
		}
		for _, d := range p.Data {
			ids = append(ids, d.Person.ID)
		}
		if p.Next == nil {
			if page != 3 || len(p.Data) != 1 {
				t.Errorf("last page %d with %d sheets", page, len(p.Data))
			}
			break
		}
		if len(p.Data) != 2 {
			t.Errorf("page %d has %d sheets", page, len(p.Data))
		}
		u, err := url.Parse(*p.Next)
		if err != nil || u.Host != "werkplek.example.nl" || u.Query().Get("page") != string(rune('0'+page+1)) || u.Query().Get("state") != "approved" || u.Query().Get("from") != "2026-11-01" {
			t.Fatalf("next %q", *p.Next)
		}
		target = u.RequestURI()
	}
	if diff := cmp.Diff([]int64{100, 101, 102, 103, 104}, ids); diff != "" {
		t.Errorf("people over the pages (-want +got):\n%s", diff)
	}
	// Past the end: an empty page.
	w := get(t, h, november+"&page=9", "wpk_payroll")
	if w.Code != 200 || !strings.Contains(w.Body.String(), `"data":[]`) || !strings.Contains(w.Body.String(), `"next":null`) {
		t.Errorf("past the end: %d %s", w.Code, w.Body)
	}
}

// TestOpenAPIServed: the document is served without a token.
func TestOpenAPIServed(t *testing.T) {
	w := get(t, newAPI(&sheets{}), "/api/v1/openapi.json", "")
	var doc struct{ OpenAPI string }
	if w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &doc) != nil || !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("%d %.100s", w.Code, w.Body)
	}
}

// byHash is an APITokenService that knows one token by the hash it was
// stored with, as the store does.
type byHash struct {
	intranet.APITokenService
	hash string
}

func (b byHash) UseAPIToken(ctx context.Context, hash string, now time.Time) (*intranet.APIToken, error) {
	if hash != b.hash {
		return nil, intranet.Errorf(intranet.ENOTFOUND, "No such token.")
	}
	return &intranet.APIToken{ID: 9, Name: "core", Scopes: []string{intranet.ScopeHoursRead}}, nil
}

// TestCoreMadeToken: a token the core made (intranet.NewAPIToken, as the
// command line and /werkplek api do) opens the API with its secret.
func TestCoreMadeToken(t *testing.T) {
	secret, hash := intranet.NewAPIToken()
	h := api.New(api.Config{Timesheets: &sheets{list: []*intranet.Timesheet{pieterWeek()}}, Tokens: byHash{hash: hash}, Location: time.UTC})
	r := httptest.NewRequest(http.MethodGet, november, nil)
	r.Header.Set("Authorization", "Bearer "+secret)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != 200 || !strings.HasPrefix(secret, api.TokenPrefix) {
		t.Fatalf("%s: %d %s", secret, w.Code, w.Body)
	}
}
