package mattermost

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/mattermost/mattermost/server/public/model"

	"github.com/werkplek/werkplek/intranet"
)

func TestReach(t *testing.T) {
	jan := intranet.Account{Platform: intranet.PlatformMattermost, Installation: "chat.example.nl", UserID: janID, UserName: "jan.devries"}
	for _, tt := range []struct {
		name       string
		email      string
		users      []*model.User // added to the fake's users
		fail       []int
		hideEmails bool
		want       intranet.Account
		wantCode   string
		wantSleep  []time.Duration
	}{
		{name: "Found", email: "jan.devries@example.nl", want: jan},
		{name: "EmailCase", email: "Jan.DeVries@Example.NL", want: jan},
		{name: "Guest", email: "partner@extern.example",
			want: intranet.Account{Platform: intranet.PlatformMattermost, Installation: "chat.example.nl", UserID: guestID, UserName: "partner", Guest: true}},
		{name: "NotFound", email: "niemand@example.nl", wantCode: intranet.ENOTFOUND},
		{name: "Deactivated", email: "weg@example.nl", wantCode: intranet.ENOTFOUND,
			users: []*model.User{{Id: "weg0weg0weg0weg0weg0weg0we", Username: "weg", Email: "weg@example.nl", DeleteAt: 1700000000000, Roles: "system_user"}}},
		{name: "Bot", email: "bot@example.nl", wantCode: intranet.ENOTFOUND,
			users: []*model.User{{Id: "bot0bot0bot0bot0bot0bot0bo", Username: "otherbot", Email: "bot@example.nl", IsBot: true, Roles: "system_user"}}},
		{name: "RateLimitedThenFound", email: "jan.devries@example.nl", fail: []int{429}, want: jan, wantSleep: []time.Duration{7 * time.Second}},
		{name: "ServerErrorThenFound", email: "jan.devries@example.nl", fail: []int{502}, want: jan, wantSleep: []time.Duration{time.Second}},
		// The bot may not see emails: no answer about the person, so not
		// ENOTFOUND, and the error says which setting.
		{name: "EmailsHidden", email: "jan.devries@example.nl", hideEmails: true, wantCode: intranet.EINTERNAL},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, nil)
			for _, u := range tt.users {
				e.mm.users[u.Id] = u
			}
			e.mm.retryAfter = "7"
			e.mm.hideEmails = tt.hideEmails
			e.mm.failNext("GET /users/email/{email}", tt.fail...)
			got, err := e.a.Reach(context.Background(), tt.email)
			if tt.wantCode != "" {
				if intranet.ErrorCode(err) != tt.wantCode {
					t.Fatalf("err %v (code %s), want %s", err, intranet.ErrorCode(err), tt.wantCode)
				}
			} else if err != nil {
				t.Fatal(err)
			}
			if tt.hideEmails && !strings.Contains(err.Error(), "Show Email Address") {
				t.Errorf("err %q does not name the setting", err)
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("account (-want +got):\n%s", d)
			}
			if n := e.mm.callCount("GET /users/email/{email}"); n != 1+len(tt.fail) {
				t.Errorf("%d lookups, want %d", n, 1+len(tt.fail))
			}
			if d := cmp.Diff(tt.wantSleep, e.slept()); d != "" {
				t.Errorf("waits (-want +got):\n%s", d)
			}
		})
	}
}

// A colleague who never wrote gets the DM: the account Reach found is where
// Deliver sends it, in the direct channel between the bot and them.
func TestReachThenDM(t *testing.T) {
	e := newEnv(t, nil)
	ctx := context.Background()
	acc, err := e.a.Reach(ctx, "jan.devries@example.nl")
	if err != nil {
		t.Fatal(err)
	}
	ref, err := e.a.Deliver(ctx, intranet.Delivery{
		To:    intranet.Destination{Platform: acc.Platform, Installation: acc.Installation, UserID: acc.UserID},
		Reply: intranet.Reply{Text: "Vraag over Stomazorg / Question about Stomazorg"},
		Key:   "question:1:jan",
	})
	if err != nil {
		t.Fatal(err)
	}
	posts := e.mm.allPosts()
	if ref.ChannelID != "dm"+janID[:24] || len(posts) != 1 || posts[0].ChannelId != ref.ChannelID {
		t.Errorf("ref %+v, posts %+v", ref, posts)
	}
	if n := e.mm.callCount("POST /channels/direct"); n != 1 {
		t.Errorf("%d direct channel calls", n)
	}
}

func TestReachWithoutAPI(t *testing.T) {
	e := newEnv(t, func(c *Config) { c.URL, c.BotToken = "", "" })
	if _, err := e.a.Reach(context.Background(), "jan.devries@example.nl"); intranet.ErrorCode(err) != intranet.ENOTFOUND {
		t.Errorf("err %v, want ENOTFOUND", err)
	}
	if n := e.mm.callCount("GET /users/email/{email}"); n != 0 {
		t.Errorf("%d lookups without an API", n)
	}
}
