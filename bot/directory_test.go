package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/slack-go/slack/slacktest"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/when"
)

// syncPeople are the phonebook of the sync tests: Piet has left the chat
// (his Slack user is deleted), the partner is a guest.
const syncPeople = "name,email,roles\nJan de Vries,jan.devries@example.nl,\nNina Nieuw,nina@example.nl,\nPiet Puk,piet@example.nl,\nPartner,partner@example.com,guest\n"

// slackUsers serves users.list from slacktest, two users a page as Slack
// may, the cursor their offset.
func slackUsers(t *testing.T, users []map[string]any) (*slacktest.Server, *int) {
	pages := 0
	s := slacktest.NewTestServer(func(c slacktest.Customize) {
		c.Handle("/users.list", func(w http.ResponseWriter, r *http.Request) {
			_ = r.ParseForm()
			pages++
			start, _ := strconv.Atoi(r.Form.Get("cursor"))
			end := min(start+2, len(users))
			next := ""
			if end < len(users) {
				next = strconv.Itoa(end)
			}
			w.Header().Set("Content-Type", "application/json")
			_ = json.NewEncoder(w).Encode(map[string]any{"ok": true, "members": users[start:end], "response_metadata": map[string]any{"next_cursor": next}})
		})
	})
	s.Start()
	t.Cleanup(s.Stop)
	return s, &pages
}

func slackUser(id, name, email string, extra map[string]any) map[string]any {
	u := map[string]any{"id": id, "team_id": "T0WRKPLK01", "name": name, "real_name": name, "profile": map[string]any{"email": email}}
	for k, v := range extra {
		u[k] = v
	}
	return u
}

// TestDirectorySyncSlack: the sync reads every page of users.list, links
// the members and the guest with an email in the phonebook (the guest as
// a guest), skips the bot and the deleted user, and reports the unknown
// member and the person not in the chat; a second run finds them linked.
// Each run is in the audit log.
func TestDirectorySyncSlack(t *testing.T) {
	bothEngines(t, func(t *testing.T, env map[string]string) {
		ctx := context.Background()
		people := filepath.Join(t.TempDir(), "people.csv")
		os.WriteFile(people, []byte(syncPeople), 0o600)
		if code, out, errOut := run(t, env, "", "import", people); code != 0 {
			t.Fatalf("import: %d %s %s", code, out, errOut)
		}
		srv, pages := slackUsers(t, []map[string]any{
			slackUser("U0JAN", "Jan", "Jan.DeVries@example.nl", nil),
			slackUser("U0NINA", "Nina", "nina@example.nl", nil),
			slackUser("U0BOT", "roosterbot", "", map[string]any{"is_bot": true}),
			slackUser("U0PIET", "Piet", "piet@example.nl", map[string]any{"deleted": true}),
			slackUser("U0PARTNER", "Partner", "partner@example.com", map[string]any{"is_restricted": true}),
			slackUser("U0STRANGER", "Sam Vreemd", "sam@example.nl", nil),
			slackUser("U0VISITOR", "Bezoeker", "visitor@elders.example", map[string]any{"is_ultra_restricted": true}),
		})
		env["SLACK_BOT_TOKEN"], env["SLACK_SIGNING_SECRET"], env["SLACK_API_URL"] = "xoxb-test", "secret", srv.GetAPIURL()

		code, out, errOut := run(t, env, "", "directory", "sync", "slack")
		if code != 0 {
			t.Fatalf("sync: %d %s %s", code, out, errOut)
		}
		for _, want := range []string{
			"Directory sync slack: 3 linked now, 0 already linked, 1 chat user not in the phonebook, 1 person in the phonebook not in the chat; 1 guest not in the phonebook, 2 bots or deactivated users skipped.",
			"Linked now (3):\n  Jan <jan.devries@example.nl> (U0JAN)\n  Nina <nina@example.nl> (U0NINA)\n  Partner <partner@example.com> (U0PARTNER)\n",
			"Chat users not in the phonebook (1):\n  Sam Vreemd <sam@example.nl> (U0STRANGER)\n",
			"In the phonebook, not in the chat (1):\n  Piet Puk <piet@example.nl>\n",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("report lacks %q:\n%s", want, out)
			}
		}
		if *pages != 4 {
			t.Errorf("users.list asked %d times, want 4 pages", *pages)
		}
		s := openStore(t, env)
		jan, _ := s.FindPersonByEmail(ctx, "jan.devries@example.nl")
		if a, err := s.FindAccount(ctx, intranet.PlatformSlack, "T0WRKPLK01", "U0JAN"); err != nil || a.PersonID != jan.ID || a.Guest {
			t.Errorf("Jan's account %+v (%v)", a, err)
		}
		if a, err := s.FindAccount(ctx, intranet.PlatformSlack, "T0WRKPLK01", "U0PARTNER"); err != nil || !a.Guest {
			t.Errorf("the partner's account %+v (%v), want a guest", a, err)
		}
		for _, id := range []string{"U0PIET", "U0BOT", "U0STRANGER"} {
			if _, err := s.FindAccount(ctx, intranet.PlatformSlack, "T0WRKPLK01", id); intranet.ErrorCode(err) != intranet.ENOTFOUND {
				t.Errorf("%s linked (%v)", id, err)
			}
		}

		code, out, _ = run(t, env, "", "directory", "sync", "slack")
		if code != 0 || !strings.Contains(out, "Directory sync slack: 0 linked now, 3 already linked, 1 chat user not in the phonebook, 1 person in the phonebook not in the chat") {
			t.Errorf("second sync: %d %s", code, out)
		}
		log, err := s.AuditLog(ctx, intranet.AuditQuery{})
		if err != nil {
			t.Fatal(err)
		}
		var syncs []string
		for _, e := range log {
			if e.Action == "directory sync slack" && e.Actor == "cli" && e.Platform == "cli" {
				syncs = append(syncs, e.Detail)
			}
		}
		if len(syncs) != 2 || !strings.HasPrefix(syncs[0], "Directory sync slack: 3 linked now") {
			t.Errorf("audit entries %q", syncs)
		}
	})
}

// fakeMattermostUsers serves GET /api/v4/users as Mattermost does, a page
// at a time.
func fakeMattermostUsers(t *testing.T, users []*model.User) *httptest.Server {
	sort.Slice(users, func(i, j int) bool { return users[i].Id < users[j].Id })
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/api/v4/users" || !strings.EqualFold(r.Header.Get("Authorization"), "Bearer mm-token") {
			http.Error(w, `{"status_code":404}`, http.StatusNotFound)
			return
		}
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		per, _ := strconv.Atoi(r.URL.Query().Get("per_page"))
		out := []*model.User{}
		for i := page * per; i < len(users) && i < (page+1)*per; i++ {
			out = append(out, users[i])
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(out)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestDirectorySyncMattermost(t *testing.T) {
	env := sqliteEnv(t)
	people := filepath.Join(t.TempDir(), "people.csv")
	os.WriteFile(people, []byte(syncPeople), 0o600)
	if code, out, errOut := run(t, env, "", "import", people); code != 0 {
		t.Fatalf("import: %d %s %s", code, out, errOut)
	}
	srv := fakeMattermostUsers(t, []*model.User{
		{Id: "mmjan", Username: "jan", Email: "jan.devries@example.nl"},
		{Id: "mmbot", Username: "werkplek", IsBot: true},
		{Id: "mmgone", Username: "nina", Email: "nina@example.nl", DeleteAt: 1700000000000},
		{Id: "mmguest", Username: "partner", Email: "partner@example.com", Roles: "system_guest"},
		{Id: "mmhidden", Username: "piet"}, // the server hides this email from the bot
	})
	env["MATTERMOST_URL"], env["MATTERMOST_BOT_TOKEN"], env["WERKPLEK_SECRET"], env["WERKPLEK_PUBLIC_URL"] = srv.URL, "mm-token", "s3cret", "https://werkplek.example.nl"
	code, out, errOut := run(t, env, "", "directory", "sync", "mattermost")
	if code != 0 {
		t.Fatalf("sync: %d %s %s", code, out, errOut)
	}
	for _, want := range []string{
		"Directory sync mattermost: 2 linked now, 0 already linked, 0 chat users not in the phonebook, 2 people in the phonebook not in the chat; 1 chat user without a visible email, 2 bots or deactivated users skipped.",
		"Chat users without a visible email (cannot be matched) (1):\n  piet <no email> (mmhidden)",
		"In the phonebook, not in the chat (2):\n  Nina Nieuw <nina@example.nl>\n  Piet Puk <piet@example.nl>",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	s := openStore(t, env)
	if a, err := s.FindAccount(context.Background(), intranet.PlatformMattermost, strings.Split(strings.TrimPrefix(srv.URL, "http://"), ":")[0], "mmguest"); err != nil || !a.Guest {
		t.Errorf("the guest's account %+v (%v)", a, err)
	}
}

func TestDirectorySyncCommandLine(t *testing.T) {
	env := sqliteEnv(t)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"directory", "sync", "teams"}, 2, `"teams" is not slack or mattermost`},
		{[]string{"directory", "sync"}, 2, "name the platform: slack or mattermost"},
		{[]string{"directory", "list"}, 2, `unknown command "list"`},
		{[]string{"directory", "sync", "slack"}, 1, "set SLACK_BOT_TOKEN"},
		{[]string{"directory", "sync", "mattermost"}, 1, "set MATTERMOST_URL and MATTERMOST_BOT_TOKEN"},
	} {
		if code, _, errOut := run(t, env, "", tc.args...); code != tc.code || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, %s", tc.args, code, errOut)
		}
	}
	if code, out, _ := run(t, env, "", "directory", "--help"); code != 0 || !strings.Contains(out, "werkplek directory sync slack|mattermost") {
		t.Errorf("help: %d %s", code, out)
	}
}

// fakeLister is a platform's user listing for the daily job.
type fakeLister struct {
	intranet.Directory
	users []intranet.DirectoryUser
}

func (f fakeLister) ListUsers(ctx context.Context) ([]intranet.DirectoryUser, error) {
	return f.users, nil
}

// TestDirectorySyncJob: WERKPLEK_DIRECTORY_SYNC schedules one sync a day at
// its time; the job links the users of every platform that lists them,
// records the report by "job" in the audit log and schedules the next
// day's.
func TestDirectorySyncJob(t *testing.T) {
	bothEngines(t, func(t *testing.T, env map[string]string) {
		ctx := context.Background()
		people := filepath.Join(t.TempDir(), "people.csv")
		os.WriteFile(people, []byte(syncPeople), 0o600)
		if code, out, errOut := run(t, env, "", "import", people); code != 0 {
			t.Fatalf("import: %d %s %s", code, out, errOut)
		}
		env["WERKPLEK_DIRECTORY_SYNC"] = "04:30"
		m := NewMain()
		m.Getenv = testGetenv(env)
		cfg, problems := LoadConfig(m.Getenv)
		if len(problems) > 0 {
			t.Fatal(problems)
		}
		m.Config, m.Log = cfg, newLogger(&strings.Builder{}, "text")
		if err := m.open(ctx); err != nil {
			t.Fatal(err)
		}
		defer m.Close()
		loc := m.location()
		now := time.Date(2026, 12, 7, 9, 0, 0, 0, loc)
		for range 2 { // again at the next start: the same job
			if err := m.scheduleDirectorySync(ctx, now); err != nil {
				t.Fatal(err)
			}
		}
		jobs, err := m.Jobs.Jobs(ctx, 10)
		if err != nil {
			t.Fatal(err)
		}
		var keys []string
		for _, j := range jobs {
			if j.Kind == directorySyncJob {
				keys = append(keys, j.Key+" "+j.Due.In(loc).Format("15:04"))
			}
		}
		if strings.Join(keys, ",") != "directory:sync:2026-12-08 04:30" {
			t.Fatalf("scheduled %q", keys)
		}

		m.Platforms.add(intranet.PlatformSlack, nil, fakeLister{users: []intranet.DirectoryUser{
			{User: intranet.User{ID: "U0JAN", Email: "jan.devries@example.nl"}, Installation: "T0WRKPLK01"},
		}})
		due := when.Date{Year: 2026, Month: 12, Day: 8}.At(cfg.DirectorySyncAt, loc)
		if err := m.directorySyncJob(ctx, intranet.Job{Kind: directorySyncJob, Key: "directory:sync:2026-12-08", Due: due}); err != nil {
			t.Fatal(err)
		}
		if _, err := m.Store.FindAccount(ctx, intranet.PlatformSlack, "T0WRKPLK01", "U0JAN"); err != nil {
			t.Errorf("Jan not linked: %v", err)
		}
		log, _ := m.Store.AuditLog(ctx, intranet.AuditQuery{})
		if n := len(log); n == 0 || log[n-1].Actor != "job" || log[n-1].Action != "directory sync slack" || !strings.HasPrefix(log[n-1].Detail, "Directory sync slack: 1 linked now") {
			t.Errorf("audit log %+v", log)
		}
		jobs, _ = m.Jobs.Jobs(ctx, 10)
		found := false
		for _, j := range jobs {
			found = found || j.Kind == directorySyncJob && j.Key > "directory:sync:2026-12-08"
		}
		if !found {
			t.Errorf("the next day's sync is not scheduled: %+v", jobs)
		}
	})
}

func TestDirectorySyncSetting(t *testing.T) {
	for v, want := range map[string]string{"": "off", "off": "off", "uit": "off", "on": "03:00", "aan": "03:00", "22:15": "22:15", "6:05": "06:05"} {
		cfg, problems := LoadConfig(testGetenv(map[string]string{"WERKPLEK_DIRECTORY_SYNC": v}))
		got := "off"
		if cfg.DirectorySync {
			got = cfg.DirectorySyncAt.String()
		}
		if len(problems) > 0 || got != want {
			t.Errorf("%q: %s %v, want %s", v, got, problems, want)
		}
	}
	if _, problems := LoadConfig(testGetenv(map[string]string{"WERKPLEK_DIRECTORY_SYNC": "nachts"})); len(problems) != 1 || !strings.Contains(problems[0], `WERKPLEK_DIRECTORY_SYNC: "nachts" is not a time of day like 03:00, on or off`) {
		t.Errorf("problems %v", problems)
	}
}
