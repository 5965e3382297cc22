package feature_test

import (
	"context"
	"testing"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

type stubPlatforms struct{ intranet.PosterSet }

func (stubPlatforms) Directory(intranet.Platform) intranet.Directory { return nil }

type stubJobs struct {
	intranet.JobRegistry
	intranet.Scheduler
}

type stubOutbox struct{ intranet.Outbox }

type stubPeople struct{ intranet.PersonService }

type stubTx struct{}

func (stubTx) InTx(ctx context.Context, fn func(ctx context.Context) error) error { return fn(ctx) }

// TestEnvReady: Ready names the unit and the first missing part, and
// fills the defaults.
func TestEnvReady(t *testing.T) {
	full := feature.Env{People: stubPeople{}, Platforms: stubPlatforms{}, Jobs: stubJobs{}, Outbox: stubOutbox{}}
	for _, tc := range []struct {
		env  func(e *feature.Env)
		also []feature.Need
		want string
	}{
		{func(e *feature.Env) { e.People = nil }, nil, "rooms: Config.People is required"},
		{func(e *feature.Env) { e.Platforms = nil }, nil, "rooms: Config.Platforms is required"},
		{func(e *feature.Env) { e.Jobs = nil }, nil, "rooms: Config.Jobs is required"},
		{func(e *feature.Env) { e.Outbox = nil }, nil, "rooms: Config.Outbox is required"},
		{func(e *feature.Env) {}, []feature.Need{feature.NeedAccounts}, "rooms: Config.Accounts is required"},
		{func(e *feature.Env) {}, []feature.Need{feature.NeedAccounts, feature.NeedTx}, "rooms: Config.Accounts is required"},
		{func(e *feature.Env) {}, []feature.Need{feature.NeedTx}, "rooms: Config.Tx is required"},
		{func(e *feature.Env) { e.Tx = stubTx{} }, []feature.Need{feature.NeedTx, feature.NeedCards}, "rooms: Config.Cards is required"},
	} {
		e := full
		tc.env(&e)
		if err := e.Ready("rooms", tc.also...); err == nil || err.Error() != tc.want {
			t.Errorf("%v: got %v, want %s", tc.also, err, tc.want)
		}
	}
	e := full
	e.Tx = stubTx{}
	if err := e.Ready("rooms", feature.NeedTx); err != nil {
		t.Fatal(err)
	}
	if e.Location != time.UTC || e.Now == nil || e.Language != "nl" {
		t.Errorf("defaults: %v, clock set %t, %q", e.Location, e.Now != nil, e.Language)
	}
	if n := e.Notifier(); n.Language != "nl" || n.Outbox == nil || n.Location != time.UTC || n.Now == nil {
		t.Errorf("notifier: %+v", n)
	}
	e.Now = func() time.Time { return time.Date(2026, 11, 27, 23, 30, 0, 0, time.UTC) }
	if got := e.Today().String(); got != "2026-11-27" {
		t.Errorf("today: %s", got)
	}
	en := full
	en.Language = "en"
	if err := en.Ready("news"); err != nil || en.Language != "en" {
		t.Errorf("English: %v, %q", err, en.Language)
	}
}
