package console

import (
	"context"
	"testing"

	"github.com/werkplek/werkplek/intranet"
)

func TestReach(t *testing.T) {
	p := &Poster{}
	for _, tc := range []struct {
		email    string
		want     intranet.Account
		wantCode string
	}{
		{email: "zoe.celik@example.nl", want: intranet.Account{Platform: intranet.PlatformConsole, Installation: "local", UserID: "zoe.celik@example.nl", UserName: "zoe.celik@example.nl"}},
		// The console opens with the email in lower case (werkplek console --as).
		{email: " Zoe.Celik@Example.NL ", want: intranet.Account{Platform: intranet.PlatformConsole, Installation: "local", UserID: "zoe.celik@example.nl", UserName: "zoe.celik@example.nl"}},
		{email: "  ", wantCode: intranet.ENOTFOUND},
	} {
		got, err := p.Reach(context.Background(), tc.email)
		if intranet.ErrorCode(err) != tc.wantCode {
			t.Errorf("Reach(%q) err %v, want code %q", tc.email, err, tc.wantCode)
		}
		if got != tc.want {
			t.Errorf("Reach(%q) = %+v, want %+v", tc.email, got, tc.want)
		}
	}
}
