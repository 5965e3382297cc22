package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	standardwebhooks "github.com/standard-webhooks/standard-webhooks/libraries/go"

	"github.com/werkplek/werkplek/adapters/api"
	"github.com/werkplek/werkplek/adapters/webhook"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/store"
)

// TestAPITokenCommands: add prints the secret alone on stdout and keeps
// only its hash; list shows the token, revoke stops it; mistakes exit
// non-zero with what to do.
func TestAPITokenCommands(t *testing.T) {
	bothEngines(t, func(t *testing.T, env map[string]string) {
		code, secret, errOut := run(t, env, "", "api", "token", "add", "payroll", "--scope", "hours:read")
		secret = strings.TrimSpace(secret)
		if code != 0 || !strings.HasPrefix(secret, api.TokenPrefix) || strings.Contains(secret, "\n") || !strings.Contains(errOut, "Authorization: Bearer") {
			t.Fatalf("add: %d %q %s", code, secret, errOut)
		}
		s, err := store.Open(context.Background(), env["WERKPLEK_DATABASE_URL"])
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if tok, err := s.UseAPIToken(context.Background(), intranet.HashSecret(secret), time.Now()); err != nil || tok.Name != "payroll" || !tok.Allows(intranet.ScopeHoursRead) {
			t.Fatalf("the secret's hash finds %+v, %v", tok, err)
		}
		if code, _, errOut := run(t, env, "", "api", "token", "add", "payroll", "--scope", "hours:read"); code != 1 || !strings.Contains(errOut, "werkplek api token add: a token named \"payroll\" exists; revoke it first or choose another name\n") {
			t.Errorf("same name: %d %s", code, errOut)
		}
		for _, args := range [][]string{
			{"api", "token", "add", "nmbrs"},
			{"api", "token", "add", "--scope", "hours:read"},
			{"api", "token", "remove", "payroll"},
			{"api"},
		} {
			if code, _, errOut := run(t, env, "", args...); code != 2 || !strings.Contains(errOut, "werkplek api") {
				t.Errorf("%v: %d %s", args, code, errOut)
			}
		}
		if code, _, errOut := run(t, env, "", "api", "token", "add", "nmbrs", "--scope", "hours:write"); code != 1 || !strings.Contains(errOut, "not a scope") {
			t.Errorf("unknown scope: %d %s", code, errOut)
		}
		if code, out, _ := run(t, env, "", "api", "token", "list"); code != 0 || !strings.Contains(out, "payroll") || !strings.Contains(out, "hours:read") || !strings.Contains(out, "working") || strings.Contains(out, secret) {
			t.Errorf("list: %d %s", code, out)
		}
		if code, out, _ := run(t, env, "", "api", "token", "revoke", "payroll"); code != 0 || !strings.Contains(out, "revoked") {
			t.Errorf("revoke: %d %s", code, out)
		}
		if code, _, errOut := run(t, env, "", "api", "token", "revoke", "payroll"); code != 1 || errOut != "werkplek api token revoke: no working token is named \"payroll\"\n" {
			t.Errorf("revoke twice: %d %s", code, errOut)
		}
		if code, out, _ := run(t, env, "", "api", "token", "list"); code != 0 || !strings.Contains(out, "revoked") {
			t.Errorf("list after revoke: %d %s", code, out)
		}
		if _, err := s.UseAPIToken(context.Background(), intranet.HashSecret(secret), time.Now()); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("revoked token still works: %v", err)
		}
		// The command line's changes are in the audit log, the secret never.
		if code, out, _ := run(t, env, "", "audit"); code != 0 || !strings.Contains(out, "api token add,payroll") || !strings.Contains(out, "api token revoke,payroll") || strings.Contains(out, secret) {
			t.Errorf("audit: %d %s", code, out)
		}
		for _, args := range [][]string{{"api", "--help"}, {"api", "token", "--help"}, {"api", "token", "help"}, {"api", "token", "add", "--help"}} {
			if code, out, _ := run(t, env, "", args...); code != 0 || !strings.Contains(out, "werkplek api token add NAME --scope hours:read") {
				t.Errorf("%v: %d %s", args, code, out)
			}
		}
	})
}

// TestWebhookCommands: add prints the endpoint's whsec_ secret, list shows
// it with its events, remove removes it; mistakes exit non-zero.
func TestWebhookCommands(t *testing.T) {
	bothEngines(t, func(t *testing.T, env map[string]string) {
		code, secret, errOut := run(t, env, "", "webhook", "add", "https://erp.example.nl/hooks", "--events", "timesheet.approved,timesheet.reopened")
		secret = strings.TrimSpace(secret)
		if code != 0 || !strings.HasPrefix(secret, "whsec_") || !strings.Contains(errOut, "Standard Webhooks") {
			t.Fatalf("add: %d %q %s", code, secret, errOut)
		}
		if _, err := standardwebhooks.NewWebhook(secret); err != nil {
			t.Errorf("secret %q: %v", secret, err)
		}
		if code, _, _ := run(t, env, "", "webhook", "add", "--events", "timesheet.approved", "https://audit.example.nl/in"); code != 0 {
			t.Errorf("flags first: %d", code)
		}
		// A key in the address stays out of the audit log.
		if code, _, _ := run(t, env, "", "webhook", "add", "https://fn.example.nl/api/hook?code=k3y"); code != 0 {
			t.Errorf("address with a key: %d", code)
		}
		if code, out, _ := run(t, env, "", "audit"); code != 0 || strings.Contains(out, "k3y") || !strings.Contains(out, "https://fn.example.nl/api/hook…") {
			t.Errorf("audit of an address with a key: %d %s", code, out)
		}
		if code, _, _ := run(t, env, "", "webhook", "remove", "https://fn.example.nl/api/hook?code=k3y"); code != 0 {
			t.Errorf("remove the address with a key: %d", code)
		}
		for _, tc := range []struct {
			args []string
			code int
			says string
		}{
			{[]string{"webhook", "add", "https://erp.example.nl/hooks"}, 1, "already"},
			{[]string{"webhook", "add", "payroll.example.nl"}, 1, "not a web address"},
			{[]string{"webhook", "add", "https://x.example.nl", "--events", "timesheet.deleted"}, 1, "not an event"},
			{[]string{"webhook", "add"}, 2, "give one address"},
			{[]string{"webhook", "remove", "https://nope.example.nl"}, 1, "werkplek webhook remove: no webhook has the address https://nope.example.nl\n"},
			{[]string{"webhook", "delete", "https://erp.example.nl/hooks"}, 2, `werkplek webhook: unknown command "delete"; the commands are: add, list, remove`},
		} {
			if code, _, errOut := run(t, env, "", tc.args...); code != tc.code || !strings.Contains(errOut, tc.says) {
				t.Errorf("%v: %d %s", tc.args, code, errOut)
			}
		}
		code, out, _ := run(t, env, "", "webhook", "list")
		lines := map[string]string{}
		for _, l := range strings.Split(out, "\n") {
			if f := strings.Fields(l); len(f) > 1 {
				lines[f[0]] = f[1]
			}
		}
		if code != 0 || lines["https://erp.example.nl/hooks"] != "timesheet.approved,timesheet.reopened" || lines["https://audit.example.nl/in"] != "timesheet.approved" || strings.Contains(out, secret) {
			t.Errorf("list: %d\n%s", code, out)
		}
		if code, out, _ := run(t, env, "", "webhook", "remove", "https://erp.example.nl/hooks"); code != 0 || !strings.Contains(out, "removed") {
			t.Errorf("remove: %d %s", code, out)
		}
		if code, out, _ := run(t, env, "", "webhook", "list"); code != 0 || strings.Contains(out, "erp.example.nl") {
			t.Errorf("list after remove: %d %s", code, out)
		}
		if code, out, _ := run(t, env, "", "webhook", "--help"); code != 0 || !strings.Contains(out, "webhook-signature") {
			t.Errorf("help: %d %s", code, out)
		}
	})
}

// hoursData imports two people and gives Jan an approved week 48 (a range
// and a trip fixed at 0.21) and Pieter an open week 48 (a number of hours
// and a trip at the rate in force).
func hoursData(t *testing.T, env map[string]string) {
	t.Helper()
	people := filepath.Join(t.TempDir(), "people.csv")
	os.WriteFile(people, []byte("name,email,department,roles,employee_number\n"+
		"Anouk van den Berg,anouk@example.nl,Zorg Oost,team lead,10001\n"+
		"Jan de Vries,jan@example.nl,Zorg Oost,,10042\n"+
		"Pieter Jansen,pieter@example.nl,Zorg Oost,,\n"), 0o600)
	if code, out, errOut := run(t, env, "", "import", people); code != 0 {
		t.Fatalf("import: %s %s", out, errOut)
	}
	ctx := context.Background()
	s, err := store.Open(ctx, env["WERKPLEK_DATABASE_URL"])
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	id := func(email string) int64 {
		p, err := s.FindPersonByEmail(ctx, email)
		if err != nil {
			t.Fatal(err)
		}
		return p.ID
	}
	anouk, jan, pieter := id("anouk@example.nl"), id("jan@example.nl"), id("pieter@example.nl")
	ams, _ := time.LoadLocation("Europe/Amsterdam")
	now := time.Date(2026, 11, 27, 17, 0, 0, 0, ams)
	w48 := intranet.Week{Year: 2026, Number: 48}
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(s.AddTimeEntry(ctx, intranet.NewTimeEntry{PersonID: jan, Date: "2026-11-23", Start: time.Date(2026, 11, 23, 7, 0, 0, 0, ams), End: time.Date(2026, 11, 23, 15, 30, 0, 0, ams), BreakMinutes: 30, Project: "WZ-Noord"}, now))
	must(s.AddTrip(ctx, intranet.NewTrip{PersonID: jan, Date: "2026-11-23", Km: 46, From: "Utrecht", To: "Zeist", Return: true, Purpose: "=cliëntbezoek"}, now))
	must(s.SubmitWeek(ctx, jan, w48, 0.21, now))
	must(s.DecideWeek(ctx, jan, w48, true, anouk, "", now.Add(time.Hour)))
	must(s.AddTimeEntry(ctx, intranet.NewTimeEntry{PersonID: pieter, Date: "2026-11-24", Minutes: 450}, now))
	must(s.AddTrip(ctx, intranet.NewTrip{PersonID: pieter, Date: "2026-11-24", Km: 10, From: "Zeist", To: "Bilthoven"}, now))
}

// TestHoursExport: the export of a period as CSV, to stdout or a file,
// filtered by state, with the allowance of an open week at
// WERKPLEK_MILEAGE_RATE; bad arguments and a bad rate exit with a message.
func TestHoursExport(t *testing.T) {
	bothEngines(t, func(t *testing.T, env map[string]string) {
		hoursData(t, env)
		env["WERKPLEK_MILEAGE_RATE"] = "0,30"
		code, out, errOut := run(t, env, "", "hours", "export", "--from", "2026-11-01", "--to", "2026-11-30")
		if code != 0 {
			t.Fatalf("export: %d %s", code, errOut)
		}
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil || len(rows) != 5 || strings.Join(rows[0], ",") != strings.Join(api.HoursColumns, ",") {
			t.Fatalf("export:\n%s", out)
		}
		col := func(row []string, name string) string {
			for i, c := range api.HoursColumns {
				if c == name {
					return row[i]
				}
			}
			t.Fatalf("no column %s", name)
			return ""
		}
		var approvedTrip, openTrip []string
		for _, r := range rows[1:] {
			if col(r, "km") != "" && col(r, "email") == "jan@example.nl" {
				approvedTrip = r
			}
			if col(r, "km") != "" && col(r, "email") == "pieter@example.nl" {
				openTrip = r
			}
		}
		if approvedTrip == nil || col(approvedTrip, "allowance") != "9.66" || col(approvedTrip, "state") != "approved" || col(approvedTrip, "approved_by") != "Anouk van den Berg" ||
			col(approvedTrip, "approved_at") != "2026-11-27T18:00:00+01:00" || col(approvedTrip, "employee_number") != "10042" || col(approvedTrip, "purpose") != "'=cliëntbezoek" {
			t.Errorf("approved trip: %v", approvedTrip)
		}
		if openTrip == nil || col(openTrip, "allowance") != "3.00" || col(openTrip, "state") != "open" || col(openTrip, "approved_by") != "" {
			t.Errorf("open trip at WERKPLEK_MILEAGE_RATE: %v", openTrip)
		}

		file := filepath.Join(t.TempDir(), "uren.csv")
		code, out, errOut = run(t, env, "", "hours", "export", "--from", "2026-11-01", "--to", "2026-11-30", "--state", "approved", "--out", file)
		b, _ := os.ReadFile(file)
		if code != 0 || out != "" || !strings.Contains(errOut, file) || strings.Count(string(b), "\n") != 3 || strings.Contains(string(b), "pieter") {
			t.Errorf("approved to a file: %d %q %s\n%s", code, out, errOut, b)
		}

		for _, tc := range []struct {
			args []string
			says string
		}{
			{[]string{"--from", "2026-11-01"}, "--from and --to"},
			{[]string{"--from", "1-11-2026", "--to", "2026-11-30"}, "--from and --to"},
			{[]string{"--from", "2026-11-30", "--to", "2026-11-01"}, "before"},
			{[]string{"--from", "2026-11-01", "--to", "2026-11-30", "--state", "done"}, "--state"},
		} {
			if code, _, errOut := run(t, env, "", append([]string{"hours", "export"}, tc.args...)...); code != 2 || !strings.Contains(errOut, tc.says) {
				t.Errorf("%v: %d %s", tc.args, code, errOut)
			}
		}
		if code, out, _ := run(t, env, "", "hours", "export", "--help"); code != 0 || !strings.Contains(out, "employee_number") {
			t.Errorf("help: %d %s", code, out)
		}
	})
}

// TestMileageRateSetting: WERKPLEK_MILEAGE_RATE is read at start-up with a
// clear message for a bad value.
func TestMileageRateSetting(t *testing.T) {
	for _, v := range []string{"abc", "0", "-0.2", "23"} {
		env := sqliteEnv(t)
		env["WERKPLEK_MILEAGE_RATE"] = v
		if code, _, errOut := run(t, env, "", "migrate"); code != 1 || !strings.Contains(errOut, "WERKPLEK_MILEAGE_RATE") || !strings.Contains(errOut, "0.23") {
			t.Errorf("%q: %d %s", v, code, errOut)
		}
	}
	m := &Main{Getenv: func(string) string { return "" }}
	if r, err := m.mileageRate(); err != nil || r != intranet.DefaultMileageRate {
		t.Errorf("default: %v %v", r, err)
	}
	m.Getenv = func(string) string { return " 0,19 " }
	if r, err := m.mileageRate(); err != nil || r != 0.19 {
		t.Errorf("comma: %v %v", r, err)
	}
}

// TestServeAPI: serve answers the API with a token made on the command
// line (401 without, with a wrong and a revoked one), the OpenAPI document,
// one-time download links, and delivers an event to a webhook endpoint
// once, signed.
func TestServeAPI(t *testing.T) {
	bothEngines(t, func(t *testing.T, env map[string]string) {
		hoursData(t, env)
		_, secret, _ := run(t, env, "", "api", "token", "add", "payroll", "--scope", "hours:read")
		secret = strings.TrimSpace(secret)
		_, old, _ := run(t, env, "", "api", "token", "add", "old", "--scope", "hours:read")
		run(t, env, "", "api", "token", "revoke", "old")

		var mu sync.Mutex
		var got []string
		var hookSecret string
		receiver := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			body, _ := io.ReadAll(r.Body)
			wh, _ := standardwebhooks.NewWebhook(hookSecret)
			mu.Lock()
			defer mu.Unlock()
			if err := wh.Verify(body, r.Header); err != nil {
				t.Errorf("signature: %v", err)
			}
			got = append(got, r.Header.Get("webhook-id")+" "+string(body))
		}))
		defer receiver.Close()
		_, hookSecret, _ = run(t, env, "", "webhook", "add", receiver.URL, "--events", "timesheet.approved")
		hookSecret = strings.TrimSpace(hookSecret)

		env["WERKPLEK_LISTEN"] = "127.0.0.1:0"
		m := startServe(t, env)
		get := func(path, token string) (int, http.Header, string) {
			req, _ := http.NewRequest(http.MethodGet, "http://"+m.Addr+path, nil)
			if token != "" {
				req.Header.Set("Authorization", "Bearer "+token)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			return resp.StatusCode, resp.Header, string(b)
		}
		const q = "/api/v1/timesheets?from=2026-11-01&to=2026-11-30&state=approved"
		code, _, body := get(q, secret)
		var page api.Page
		if err := json.Unmarshal([]byte(body), &page); code != 200 || err != nil || len(page.Data) != 1 {
			t.Fatalf("%d %s", code, body)
		}
		if s := page.Data[0]; s.Person.Email != "jan@example.nl" || s.Person.EmployeeNumber != "10042" || s.Week != "2026-W48" || s.Totals.Hours != 8 || s.Totals.Km != 46 || s.Totals.Allowance != 9.66 ||
			s.ApprovedBy == nil || *s.ApprovedBy != "Anouk van den Berg" {
			t.Errorf("approved week: %+v", s)
		}
		for _, token := range []string{"", "wpk_wrong", strings.TrimSpace(old)} {
			if code, h, body := get(q, token); code != 401 || !strings.HasPrefix(h.Get("WWW-Authenticate"), "Bearer") || strings.Contains(body, "jan@") {
				t.Errorf("token %q: %d %s", token, code, body)
			}
		}
		if code, _, body := get("/api/v1/openapi.json", ""); code != 200 || !strings.Contains(body, `"openapi"`) {
			t.Errorf("openapi: %d", code)
		}

		// A download link made for the chat's export works once.
		s, err := store.Open(context.Background(), env["WERKPLEK_DATABASE_URL"])
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		anouk, err := s.FindPersonByEmail(context.Background(), "anouk@example.nl")
		if err != nil {
			t.Fatal(err)
		}
		if err := s.CreateDownload(context.Background(), intranet.Download{Hash: intranet.HashSecret("link-secret"), PersonID: anouk.ID, Kind: "hours", From: "2026-11-01", To: "2026-11-30",
			Expires: time.Now().Add(10 * time.Minute)}); err != nil {
			t.Fatal(err)
		}
		if code, h, body := get("/download/link-secret", ""); code != 200 || !strings.HasPrefix(h.Get("Content-Disposition"), "attachment") || strings.Count(body, "\n") != 5 {
			t.Errorf("download: %d %v\n%s", code, h, body)
		}
		if code, _, body := get("/download/link-secret", ""); code != 410 || !strings.Contains(body, "/uren exporteer") {
			t.Errorf("download again: %d %s", code, body)
		}

		// An event reaches the endpoint through serve's outbox, once.
		ev := intranet.Event{ID: "evt_test_1", Type: intranet.EventTimesheetApproved, Data: []byte(`{"week":"2026-W48"}`)}
		for range 2 {
			if err := m.Events.Publish(context.Background(), ev); err != nil {
				t.Fatal(err)
			}
		}
		end := time.Now().Add(30 * time.Second)
		for {
			mu.Lock()
			n := len(got)
			mu.Unlock()
			if n > 0 {
				break
			}
			if time.Now().After(end) {
				t.Fatalf("no webhook delivered: %s", m.logs.String())
			}
			time.Sleep(20 * time.Millisecond)
		}
		if code := m.stop(); code != 0 {
			t.Errorf("exit %d", code)
		}
		mu.Lock()
		defer mu.Unlock()
		if len(got) != 1 || !strings.HasPrefix(got[0], `evt_test_1 {"type":"timesheet.approved","timestamp":`) || !strings.HasSuffix(got[0], `"data":{"week":"2026-W48"}}`) {
			t.Errorf("received %q", got)
		}
	})
}

// TestWebhookPosterEverywhere: every process that works the jobs (serve,
// console, demo) has the webhook poster, so events are delivered wherever
// the job runner runs.
func TestWebhookPosterEverywhere(t *testing.T) {
	m := openedMain(t, sqliteEnv(t))
	defer m.Close()
	if _, ok := m.Platforms.Poster(intranet.PlatformWebhook).(*webhook.Poster); !ok || m.Events == nil {
		t.Fatalf("webhook poster %T, publisher %v", m.Platforms.Poster(intranet.PlatformWebhook), m.Events)
	}
}

// TestUnknownSubcommand: every command group answers a word that is none of
// its commands as the top level does: it names the word and what exists,
// and exits 2; without a command (or with a flag first) it shows its use.
func TestUnknownSubcommand(t *testing.T) {
	env := sqliteEnv(t)
	for _, tc := range []struct {
		args []string
		says string
	}{
		{[]string{"hours", "exprot", "--from", "2026-11-01"}, `werkplek hours: unknown command "exprot"; the commands are: export`},
		{[]string{"api", "tokens", "list"}, `werkplek api: unknown command "tokens"; the commands are: token`},
		{[]string{"api", "token", "remove", "payroll"}, `werkplek api token: unknown command "remove"; the commands are: add, list, revoke`},
		{[]string{"api", "token", "ad", "payroll", "--scope", "hours:read"}, `werkplek api token: unknown command "ad"; the commands are: add, list, revoke`},
		{[]string{"webhook", "lst"}, `werkplek webhook: unknown command "lst"; the commands are: add, list, remove`},
		{[]string{"handovers", "exprot"}, `werkplek handovers: unknown command "exprot"; the commands are: export`},
		{[]string{"news", "ack", "12"}, `werkplek news: unknown command "ack"; the commands are: acks`},
		{[]string{"rooms", "imprt", "rooms.csv"}, `werkplek rooms: unknown command "imprt"; the commands are: import`},
		{[]string{"teams", "list"}, `werkplek teams: unknown command "list"; the commands are: import`},
		{[]string{"jobs", "rerty", "3"}, `werkplek jobs: unknown command "rerty"; the commands are: retry`},
		{[]string{"hours", "--from", "2026-11-01"}, "werkplek hours: use werkplek hours export --from DATE --to DATE"},
		{[]string{"api", "token"}, "werkplek api: use werkplek api token add|list|revoke"},
		{[]string{"webhook", "--events", "timesheet.approved"}, "werkplek webhook: use werkplek webhook add|list|remove"},
	} {
		code, out, errOut := run(t, env, "", tc.args...)
		if code != 2 || out != "" || !strings.HasPrefix(errOut, tc.says+"\n") {
			t.Errorf("%v: exit %d, stdout %q\n%s", tc.args, code, out, errOut)
		}
	}
}
