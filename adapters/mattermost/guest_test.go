package mattermost

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/werkplek/werkplek/intranet"
)

// Guests and shared channels: Mattermost's guest accounts (the
// system_guest role, testdata/user_guest.json) and remote users of another
// server in a shared channel (remote_id, testdata/user_remote.json) are
// guests on every path; a channel shared with another server is marked.

const (
	annaGuestID  = "g1uestanna0smit0partner001"
	pieterRemote = "rem0tepieter0partner000001"
)

// addPartnerUsers loads the guest and the remote user into the fake.
func addPartnerUsers(t *testing.T, e *env) {
	t.Helper()
	e.mm.mu.Lock()
	defer e.mm.mu.Unlock()
	for _, name := range []string{"testdata/user_guest.json", "testdata/user_remote.json"} {
		var u model.User
		if err := json.Unmarshal(mustRead(t, name), &u); err != nil {
			t.Fatal(err)
		}
		e.mm.users[u.Id] = &u
	}
}

var partnerCases = []struct {
	name, user, channel string
	guest, shared       bool
}{
	{name: "Ordinary", user: janID, channel: "deojc8rixfnsmxe61kx1dqcfmy"},
	{name: "SystemGuest", user: annaGuestID, channel: "deojc8rixfnsmxe61kx1dqcfmy", guest: true},
	{name: "RemoteUserInSharedChannel", user: pieterRemote, channel: sharedChannel, guest: true, shared: true},
	{name: "ColleagueInSharedChannel", user: janID, channel: sharedChannel, shared: true},
}

func checkPartner(t *testing.T, reqs []intranet.Request, guest, shared bool) {
	t.Helper()
	if len(reqs) != 1 {
		t.Fatalf("%d requests, want 1", len(reqs))
	}
	if r := reqs[0]; r.User.Guest != guest || r.Channel.Shared != shared || r.Channel.Direct {
		t.Errorf("request %+v, want guest %v in a channel shared %v", r, guest, shared)
	}
}

func TestCommandGuests(t *testing.T) {
	for _, tc := range partnerCases {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, nil)
			addPartnerUsers(t, e)
			if w := e.command(e.fixtureForm(t, map[string]string{"user_id": tc.user, "channel_id": tc.channel}), fixtureToken); w.Code != 200 {
				t.Fatalf("status %d: %s", w.Code, w.Body)
			}
			checkPartner(t, e.core.Requests(), tc.guest, tc.shared)
		})
	}
}

func TestActionGuests(t *testing.T) {
	for _, tc := range partnerCases {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, nil)
			addPartnerUsers(t, e)
			var in map[string]any
			_ = json.Unmarshal(signedAction(t, "/handover take 1042", "", testNow.Add(time.Hour)), &in)
			in["user_id"], in["user_name"], in["channel_id"] = tc.user, "", tc.channel
			b, _ := json.Marshal(in)
			if w := e.do("POST", ActionsPath, "application/json", b, nil); w.Code != 200 {
				t.Fatalf("status %d: %s", w.Code, w.Body)
			}
			checkPartner(t, e.core.Requests(), tc.guest, tc.shared)
		})
	}
}

func TestDialogGuests(t *testing.T) {
	for _, tc := range partnerCases {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, nil)
			addPartnerUsers(t, e)
			var in map[string]any
			_ = json.Unmarshal(signedDialog(t, dialogState{Kind: "form", FormID: "handover.request", Exp: testNow.Add(time.Hour).Unix()}), &in)
			in["user_id"], in["channel_id"] = tc.user, tc.channel
			b, _ := json.Marshal(in)
			if w := e.do("POST", DialogsPath, "application/json", b, nil); w.Code != 200 {
				t.Fatalf("status %d: %s", w.Code, w.Body)
			}
			checkPartner(t, e.core.Requests(), tc.guest, tc.shared)
		})
	}
}

func TestDMChannelLooksNothingUp(t *testing.T) {
	e := newEnv(t, nil)
	e.command(e.fixtureForm(t, map[string]string{"channel_id": dmChannel, "channel_name": janID + "__" + botID}), fixtureToken)
	if r := e.core.Requests(); len(r) != 1 || !r[0].Channel.Direct || r[0].Channel.Shared {
		t.Errorf("requests %+v, want one in a DM", r)
	}
	if n := e.mm.callCount("GET /channels/{id}"); n != 0 {
		t.Errorf("channel looked up %d times for a DM", n)
	}
}

func TestSharedChannelLookupCached(t *testing.T) {
	e := newEnv(t, nil)
	for range 3 {
		e.command(e.fixtureForm(t, map[string]string{"channel_id": sharedChannel}), fixtureToken)
	}
	if n := e.mm.callCount("GET /channels/{id}"); n != 1 {
		t.Errorf("channel looked up %d times, want 1 (cached)", n)
	}
}

func TestWebsocketGuests(t *testing.T) {
	e := newEnv(t, nil)
	addPartnerUsers(t, e)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- e.a.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
	e.waitConnected(t)

	// A guest's DM.
	e.mm.send(postedEvent(t, map[string]any{"id": "guestdm1", "user_id": annaGuestID, "message": "nieuws"}, map[string]any{"sender_name": "@anna.smit"}))
	eventually(t, "the guest's DM", func() bool { return len(e.core.Requests()) == 1 })
	if r := e.core.Requests()[0]; !r.User.Guest || !r.Channel.Direct || r.Channel.Shared {
		t.Errorf("request %+v, want a guest's DM", r)
	}
	// A remote user's reply in a thread of a shared channel.
	e.mm.send(postedEvent(t, map[string]any{"id": "remote1", "user_id": pieterRemote, "message": "Dank je.", "channel_id": sharedChannel, "root_id": "rootcard000000000000000001"},
		map[string]any{"channel_type": "O", "sender_name": "@pieter.kok:thuiszorgmidden"}))
	eventually(t, "the remote reply", func() bool { return len(e.core.Requests()) == 2 })
	if r := e.core.Requests()[1]; !r.User.Guest || r.Channel != (intranet.Channel{ID: sharedChannel, Shared: true}) || r.Thread == nil {
		t.Errorf("request %+v, want a guest's thread reply in a shared channel", r)
	}
	// A colleague's DM.
	e.mm.send(postedEvent(t, map[string]any{"id": "jandm1", "message": "telefoon jansen"}, nil))
	eventually(t, "the colleague's DM", func() bool { return len(e.core.Requests()) == 3 })
	if r := e.core.Requests()[2]; r.User.Guest {
		t.Errorf("request %+v, want a colleague", r)
	}
}

func TestLookupUserRemote(t *testing.T) {
	e := newEnv(t, nil)
	addPartnerUsers(t, e)
	for id, want := range map[string]bool{janID: false, annaGuestID: true, pieterRemote: true} {
		if u, err := e.a.LookupUser(context.Background(), "chat.example.nl", id); err != nil || u.Guest != want {
			t.Errorf("LookupUser(%s) = %+v, %v; want guest %v", id, u, err, want)
		}
	}
}
