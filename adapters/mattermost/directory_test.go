package mattermost

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/mattermost/mattermost/server/public/model"

	"github.com/werkplek/werkplek/intranet"
)

// TestListUsers: GET /api/v4/users is read page by page until a short
// page; bots and deactivated users are marked, guests are guests.
func TestListUsers(t *testing.T) {
	e := newEnv(t, func(c *Config) { c.UsersPage = 2 })
	e.mm.users["d0ne0000000000000000000001"] = &model.User{Id: "d0ne0000000000000000000001", Username: "oud", Email: "oud@example.nl", DeleteAt: 1700000000000}
	e.mm.users["n1na0000000000000000000001"] = &model.User{Id: "n1na0000000000000000000001", Username: "nina", Email: "nina@example.nl", Locale: "nl"}
	got, err := e.a.ListUsers(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := []intranet.DirectoryUser{
		{User: intranet.User{ID: "d0ne0000000000000000000001", Name: "oud", Email: "oud@example.nl"}, Installation: "chat.example.nl", Deactivated: true},
		{User: intranet.User{ID: guestID, Name: "partner", Email: "partner@extern.example", Locale: "en", Guest: true}, Installation: "chat.example.nl"},
		{User: intranet.User{ID: "n1na0000000000000000000001", Name: "nina", Email: "nina@example.nl", Locale: "nl"}, Installation: "chat.example.nl"},
		{User: intranet.User{ID: janID, Name: "jan.devries", Email: "jan.devries@example.nl", Locale: "nl"}, Installation: "chat.example.nl"},
		{User: intranet.User{ID: botID, Name: "werkplek"}, Installation: "chat.example.nl", Bot: true},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("users (-want +got):\n%s", diff)
	}
	if n := e.mm.calls["GET /users"]; n != 3 {
		t.Errorf("GET /users called %d times, want 3 (pages of 2, 2 and 1)", n)
	}
}
