package feature_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

type sentOutbox struct {
	intranet.Outbox
	sent []intranet.Delivery
}

func (o *sentOutbox) Send(ctx context.Context, d intranet.Delivery) (int64, error) {
	o.sent = append(o.sent, d)
	return int64(len(o.sent)), nil
}

type posters map[intranet.Platform]intranet.Poster

func (p posters) Poster(pl intranet.Platform) intranet.Poster { return p[pl] }

type plainPoster struct{ intranet.Poster }

// reachPoster finds people by email as the console's poster does.
type reachPoster struct {
	intranet.Poster
	err error
}

func (r reachPoster) Reach(ctx context.Context, email string) (intranet.Destination, error) {
	return intranet.Destination{Platform: intranet.PlatformConsole, Installation: "local", UserID: strings.ToLower(email)}, r.err
}

// TestMessengerReach: a linked account on a platform that is on comes
// first; a person without one (none at all, or only on a platform that is
// off) is reached by email on the platform preferred when its poster can
// find people so; guests and platforms that cannot are not.
func TestMessengerReach(t *testing.T) {
	slack := intranet.Account{Platform: intranet.PlatformSlack, Installation: "T1", UserID: "U1"}
	teams := intranet.Account{Platform: intranet.PlatformTeams, Installation: "tenant", UserID: "29:1"}
	for _, tc := range []struct {
		name    string
		person  intranet.Person
		prefer  intranet.Platform
		console error // the console poster's answer to Reach
		want    string
		err     bool
	}{
		{"linked account first", intranet.Person{Email: "Zoe@example.nl", Accounts: []intranet.Account{slack}}, intranet.PlatformConsole, nil, "slack/T1/U1", false},
		{"never wrote", intranet.Person{Email: "Zoe@example.nl"}, intranet.PlatformConsole, nil, "console/local/zoe@example.nl", false},
		{"only on a platform that is off", intranet.Person{Email: "zoe@example.nl", Accounts: []intranet.Account{teams}}, intranet.PlatformConsole, nil, "console/local/zoe@example.nl", false},
		{"preferred platform cannot look up", intranet.Person{Email: "zoe@example.nl"}, intranet.PlatformSlack, nil, "", false},
		{"no preference", intranet.Person{Email: "zoe@example.nl"}, "", nil, "", false},
		{"a guest", intranet.Person{Email: "gijs@partner.example", Roles: []intranet.Role{intranet.RoleGuest}}, intranet.PlatformConsole, nil, "", false},
		{"no email", intranet.Person{}, intranet.PlatformConsole, nil, "", false},
		{"unknown there", intranet.Person{Email: "zoe@example.nl"}, intranet.PlatformConsole, intranet.Errorf(intranet.ENOTFOUND, "no"), "", false},
		{"lookup fails", intranet.Person{Email: "zoe@example.nl"}, intranet.PlatformConsole, errors.New("platform down"), "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := &sentOutbox{}
			m := feature.Messenger{Outbox: out, Language: "nl", Platforms: posters{
				intranet.PlatformSlack:   plainPoster{},
				intranet.PlatformConsole: reachPoster{err: tc.console},
			}}
			p := tc.person
			ok, err := m.Send(context.Background(), &p, tc.prefer, "k", func(lang string) intranet.Reply { return intranet.Reply{Text: lang} })
			if (err != nil) != tc.err {
				t.Fatalf("err = %v", err)
			}
			got := ""
			if len(out.sent) == 1 {
				to := out.sent[0].To
				got = string(to.Platform) + "/" + to.Installation + "/" + to.UserID
			}
			if got != tc.want || ok != (tc.want != "") || len(out.sent) > 1 {
				t.Errorf("sent %t to %q (%d), want %q", ok, got, len(out.sent), tc.want)
			}
		})
	}
}
