package router_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/feature/phonebook"
	"github.com/werkplek/werkplek/intranet/router"
)

// stuckAccounts is a database that takes connections but never answers
// the account lookup: it waits until the caller gives up (or, as a safety
// net for a router that would not, a while, then fails like a bug).
type stuckAccounts struct {
	intranet.AccountService
}

func (stuckAccounts) FindAccount(ctx context.Context, _ intranet.Platform, _, _ string) (*intranet.Account, error) {
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-time.After(20 * time.Second):
		return nil, errors.New("stuck: nobody gave up")
	}
}

// TestDatabaseNoAnswer: when the database does not answer who is asking,
// the router gives up after FirstAnswer and says "try again" in the
// reply language, with a reference, as a Failure with EUNAVAILABLE.
func TestDatabaseNoAnswer(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		for _, tc := range []struct{ lang, want string }{
			{"nl", "Probeer het over een minuut opnieuw"},
			{"en", "Please try again in a minute"},
		} {
			t.Run(tc.lang, func(t *testing.T) {
				r := router.New(router.Config{People: e.Store, Accounts: stuckAccounts{e.Store}, Decisions: e.Store, Language: tc.lang,
					FirstAnswer: 50 * time.Millisecond, Units: []feature.Unit{phonebook.New(phonebook.Config{People: e.Store})}})
				reply, err := r.Handle(context.Background(), coretest.Request(coretest.Jan, "", "/phonebook jansen"))
				var f *intranet.Failure
				if !errors.As(err, &f) || intranet.ErrorCode(err) != intranet.EUNAVAILABLE {
					t.Fatalf("err = %v, want a Failure with %s", err, intranet.EUNAVAILABLE)
				}
				if !strings.Contains(reply.Text, tc.want) || !strings.Contains(reply.Text, f.Ref) {
					t.Errorf("reply %q, want %q and the ref %s", reply.Text, tc.want, f.Ref)
				}
			})
		}
	})
}
