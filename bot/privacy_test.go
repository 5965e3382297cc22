package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/demo"
	"github.com/werkplek/werkplek/intranet/store"
)

// privacyScript is what the demo's Jan (an admin) does on the console: his
// own things, and admin actions the audit log records.
const privacyScript = `/room book Stilte overmorgen 10:00-11:00
/news comment 1 Mooi initiatief!
/news read 1
/follow Zorg Oost
/ask Waar ligt de sleutel van de medicijnkast? topic:ICT
/werkplek language en
/room admin add Testzaal capacity:4
/team member add "Zorg Oost" anna.bakker@example.nl
/werkplek api token add payroll scope:hours:read
/room book Stilte
`

// TestAuditExportErase: Jan's admin actions are in the audit log as CSV
// (the token's secret not); his export holds his records and no secret
// hashes; erasing him leaves nothing of him in any table but what README
// says is kept, anonymised.
func TestAuditExportErase(t *testing.T) {
	bothEngines(t, func(t *testing.T, env map[string]string) {
		env["WERKPLEK_TIMEZONE"] = "Asia/Kolkata"
		code, out, errOut := run(t, env, privacyScript, "demo", "--as", demo.User, "--dm")
		if code != 0 {
			t.Fatalf("demo: %d %s %s", code, out, errOut)
		}
		secret := ""
		for _, w := range strings.Fields(out) {
			if strings.HasPrefix(strings.Trim(w, "`"), "wpk_") {
				secret = strings.Trim(w, "`")
			}
		}
		if secret == "" {
			t.Fatalf("no token made:\n%s", out)
		}

		// The audit log, as CSV.
		code, out, errOut = run(t, env, "", "audit")
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if code != 0 || err != nil || len(rows) < 4 {
			t.Fatalf("audit: %d %q %s %v", code, out, errOut, err)
		}
		if strings.Join(rows[0], ",") != "at,actor,platform,action,subject,detail" {
			t.Errorf("header %v", rows[0])
		}
		byAction := map[string][]string{}
		for _, r := range rows[1:] {
			byAction[r[3]] = r
			if !stamp.MatchString(r[0]) {
				t.Errorf("time %q", r[0])
			}
		}
		if r := byAction["room admin add"]; r == nil || r[1] != demo.User || r[2] != "console" || r[4] != "Testzaal" || !strings.HasPrefix(r[5], "/room admin add Testzaal capacity:4 → ") {
			t.Errorf("room admin add: %v", r)
		}
		if r := byAction["team member add"]; r == nil || r[4] != "anna.bakker@example.nl" {
			t.Errorf("team member add: %v", r)
		}
		if r := byAction["room book"]; r != nil {
			t.Errorf("an employee's booking is recorded: %v", r)
		}
		if r := byAction["werkplek api token add"]; r == nil || strings.Contains(out, secret) {
			t.Errorf("token add: %v (secret in the log: %v)", r, strings.Contains(out, secret))
		}
		code, out, _ = run(t, env, "", "audit", "--person", "anna.bakker@example.nl", "--since", "2000-01-01")
		if rows, _ := csv.NewReader(strings.NewReader(out)).ReadAll(); code != 0 || len(rows) != 2 || rows[1][3] != "team member add" {
			t.Errorf("audit --person: %d %q", code, out)
		}
		if code, _, errOut = run(t, env, "", "audit", "--since", "gisteren"); code != 2 || !strings.Contains(errOut, "not a date") {
			t.Errorf("bad --since: %d %s", code, errOut)
		}

		// The export.
		file := filepath.Join(t.TempDir(), "jan.json")
		if code, out, errOut = run(t, env, "", "person", "export", demo.User, "--out", file); code != 0 {
			t.Fatalf("export: %d %s %s", code, out, errOut)
		}
		raw, _ := os.ReadFile(file)
		var data store.PersonData
		if err := json.Unmarshal(raw, &data); err != nil {
			t.Fatal(err)
		}
		if data.Person.Email != demo.User || data.Person.Mobile != "06-12345678" || len(data.Person.Accounts) == 0 {
			t.Errorf("profile: %+v", data.Person)
		}
		for _, tc := range []string{"accounts.person_id", "bookings.person_id", "time_entries.person_id", "trips.person_id", "routes.person_id",
			"news_comments.author_id", "news_follows.person_id", "questions.asker_id", "audit_log.actor_id"} {
			if len(data.Records[tc]) == 0 {
				t.Errorf("export: no %s", tc)
			}
		}
		for _, bad := range []string{`"hash"`, `"csrf"`, secret} {
			if strings.Contains(string(raw), bad) {
				t.Errorf("export holds %s", bad)
			}
		}

		// Erase: refused without confirmation, then done.
		if code, _, errOut = run(t, env, "nee\n", "person", "erase", demo.User); code != 1 || !strings.Contains(errOut, "not confirmed") {
			t.Fatalf("unconfirmed erase: %d %s", code, errOut)
		}
		if code, out, errOut = run(t, env, demo.User+"\n", "person", "erase", demo.User); code != 0 || !strings.Contains(out, "Erased person") {
			t.Fatalf("erase: %d %s %s", code, out, errOut)
		}
		m := openedMain(t, env)
		defer m.Close()
		ctx := context.Background()
		jan := data.Person.ID
		leftovers(t, m.Store, jan, demo.User, "Jan de Vries", "06-12345678", "030-2001001")
		log, err := m.Store.AuditLog(ctx, intranet.AuditQuery{PersonID: jan})
		if err != nil {
			t.Fatal(err)
		}
		actions := map[string]string{}
		for _, e := range log {
			actions[e.Action] = e.Actor + " " + e.Subject
		}
		erased := fmt.Sprintf("erased person %d", jan)
		if actions["person erase"] != "cli "+erased || actions["person export"] != "cli "+erased || actions["room admin add"] != erased+" Testzaal" {
			t.Errorf("audit log after erasure: %v", actions)
		}
		// Nobody has the email any more.
		if code, out, _ = run(t, env, "", "person", "export", demo.User); code != 1 {
			t.Errorf("export after erasure: %d %s", code, out)
		}
		// The last active admin is not erased: another one first.
		if code, _, errOut = run(t, env, "", "person", "erase", "--yes", "marieke.terhorst@example.nl"); code != 0 {
			t.Fatalf("erase the second admin: %d %s", code, errOut)
		}
		if code, _, errOut = run(t, env, "", "person", "erase", "--yes", "huseyin.dijkstra@example.nl"); code != 1 || !strings.Contains(errOut, "is the last active admin") || !strings.Contains(errOut, "Nothing was erased") {
			t.Errorf("erase the last admin: %d %s", code, errOut)
		}
		if p, err := m.Store.FindPersonByEmail(ctx, "huseyin.dijkstra@example.nl"); err != nil || !p.Has(intranet.RoleAdmin) || p.Inactive {
			t.Errorf("the last admin after a refused erasure: %+v %v", p, err)
		}
	})
}

// keptColumns are the person columns that may still hold an erased
// person's id: what README's "Export, erasure and retention" keeps.
var keptColumns = map[string]bool{
	"timesheets.person_id": true, "time_entries.person_id": true, "trips.person_id": true, "timesheets.decided_by": true,
	"answers.author_id": true, "questions.asker_id": true, "news_items.author_id": true, "news_acks.person_id": true,
	"handovers.requester_id": true, "handovers.taker_id": true, "handover_events.actor_id": true,
	"audit_log.actor_id": true, "audit_log.subject_id": true, "bookings.person_id": true,
}

// leftovers fails for every row of every table that still names the
// erased person (their email, name or numbers), and every person column
// outside keptColumns that still holds their id; unapproved hours must be
// gone too.
func leftovers(t *testing.T, s *store.Store, id int64, needles ...string) {
	t.Helper()
	db, err := s.DB()
	if err != nil {
		t.Fatal(err)
	}
	list := `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`
	if s.Engine() == store.SQLite {
		list = `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`
	}
	rows, err := db.Query(list)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var name string
		rows.Scan(&name)
		tables = append(tables, name)
	}
	rows.Close()
	for _, table := range tables {
		rs, err := db.Query("SELECT * FROM " + table)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rs.Columns()
		for rs.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rs.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			for i, v := range vals {
				if b, ok := v.([]byte); ok {
					v = string(b)
				}
				text := strings.ToLower(fmt.Sprint(v))
				for _, n := range needles {
					if strings.Contains(text, strings.ToLower(n)) {
						t.Errorf("%s.%s still holds %q: %.200s", table, cols[i], n, text)
					}
				}
			}
		}
		rs.Close()
	}
	for _, tc := range store.PersonColumns() {
		table, column, _ := strings.Cut(tc, ".")
		var n int
		if err := db.QueryRow(fmt.Sprintf("SELECT count(*) FROM %s WHERE %s = %d", table, column, id)).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n > 0 && !keptColumns[tc] {
			t.Errorf("%s: %d rows of the erased person", tc, n)
		}
	}
	var unapproved int
	if err := db.QueryRow(fmt.Sprintf("SELECT count(*) FROM time_entries e WHERE e.person_id = %d AND NOT EXISTS (SELECT 1 FROM timesheets w WHERE w.person_id = e.person_id AND w.week = e.week AND w.state = 'approved')", id)).Scan(&unapproved); err != nil {
		t.Fatal(err)
	}
	if unapproved > 0 {
		t.Errorf("%d hours of unapproved weeks kept", unapproved)
	}
}
