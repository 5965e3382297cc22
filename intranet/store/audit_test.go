package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/demo"
	"github.com/werkplek/werkplek/intranet/store"
)

// TestAuditLog: entries come back oldest first with who, what and about
// whom; since, person and limit select; an entry without actor or action
// is refused.
func TestAuditLog(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		if _, err := s.ImportPeople(ctx, demo.People(), false); err != nil {
			t.Fatal(err)
		}
		jan, err := s.FindPersonByEmail(ctx, "jan.devries@example.nl")
		if err != nil {
			t.Fatal(err)
		}
		anna, err := s.FindPersonByEmail(ctx, "anna.bakker@example.nl")
		if err != nil {
			t.Fatal(err)
		}
		t0 := time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC)
		entries := []intranet.AuditEntry{
			{At: t0, ActorID: jan.ID, Actor: jan.Email, Platform: "slack", Action: "role add", SubjectID: anna.ID, Subject: anna.Email, Detail: "/werkplek role add anna room admin"},
			{At: t0.Add(time.Hour), Actor: "scim", Platform: "scim", Action: "person deactivate", SubjectID: anna.ID, Subject: anna.Email},
			{At: t0.Add(2 * time.Hour), Actor: "cli", Platform: "cli", Action: "import people", Detail: "12 added"},
		}
		for _, e := range entries {
			if err := s.Audit(ctx, e); err != nil {
				t.Fatal(err)
			}
		}
		for name, bad := range map[string]intranet.AuditEntry{"no actor": {Action: "x"}, "no action": {Actor: "cli"}} {
			if err := s.Audit(ctx, bad); intranet.ErrorCode(err) != intranet.EINVALID {
				t.Errorf("%s: %v, want EINVALID", name, err)
			}
		}
		actions := func(q intranet.AuditQuery) []string {
			t.Helper()
			got, err := s.AuditLog(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, e := range got {
				out = append(out, e.Action)
			}
			return out
		}
		for name, c := range map[string]struct {
			q    intranet.AuditQuery
			want []string
		}{
			"all":        {intranet.AuditQuery{}, []string{"role add", "person deactivate", "import people"}},
			"since":      {intranet.AuditQuery{Since: t0.Add(30 * time.Minute)}, []string{"person deactivate", "import people"}},
			"about anna": {intranet.AuditQuery{PersonID: anna.ID}, []string{"role add", "person deactivate"}},
			"by jan":     {intranet.AuditQuery{PersonID: jan.ID}, []string{"role add"}},
			"newest two": {intranet.AuditQuery{Limit: 2}, []string{"person deactivate", "import people"}},
		} {
			if got := actions(c.q); !equal(got, c.want) {
				t.Errorf("%s: %v, want %v", name, got, c.want)
			}
		}
		got, _ := s.AuditLog(ctx, intranet.AuditQuery{Limit: 3})
		if e := got[0]; e.ActorID != jan.ID || e.SubjectID != anna.ID || e.Platform != "slack" || !e.At.Equal(t0) || e.Detail == "" {
			t.Errorf("first entry %+v", e)
		}
	})
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
