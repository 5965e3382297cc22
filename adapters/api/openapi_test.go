package api_test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/werkplek/werkplek/adapters/api"
	"github.com/werkplek/werkplek/intranet"
)

// loadOpenAPI reads the served document and checks it is valid OpenAPI 3.
func loadOpenAPI(t *testing.T) *openapi3.T {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromData(api.OpenAPI())
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("the OpenAPI document is not valid: %v", err)
	}
	return doc
}

// TestOpenAPI: the document is valid, and what the API answers (a page of
// timesheets, and each kind of error) is what it says, with no field
// missing or undocumented (additionalProperties: false).
func TestOpenAPI(t *testing.T) {
	doc := loadOpenAPI(t)
	op := doc.Paths.Find("/api/v1/timesheets").Get
	s := &sheets{list: []*intranet.Timesheet{pieterWeek(), pieterWeek()}}
	s.list[1].State, s.list[1].DecidedBy, s.list[1].Entries, s.list[1].Trips = intranet.WeekOpen, "", nil, nil
	h := newAPI(s)
	for _, tc := range []struct {
		target, token string
		status        int
	}{
		{november + "&per_page=1", "wpk_payroll", 200},
		{november + "&page=2&per_page=1", "wpk_payroll", 200},
		{"/api/v1/timesheets?from=x", "wpk_payroll", 400},
		{november, "", 401},
		{november, "wpk_noscope", 403},
	} {
		w := get(t, h, tc.target, tc.token)
		if w.Code != tc.status {
			t.Fatalf("%s: %d %s", tc.target, w.Code, w.Body)
		}
		resp := op.Responses.Status(tc.status)
		if resp == nil {
			t.Fatalf("%d is not documented", tc.status)
		}
		schema := resp.Value.Content.Get("application/json").Schema.Value
		var body any
		if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
			t.Fatal(err)
		}
		if err := schema.VisitJSON(body); err != nil {
			t.Errorf("%s (%d) does not match the document: %v\n%s", tc.target, tc.status, err, w.Body)
		}
	}
	if w := get(t, h, "/api/v1/openapi.json", ""); w.Code != http.StatusOK || w.Body.String() != string(api.OpenAPI()) {
		t.Errorf("served document: %d", w.Code)
	}
}
