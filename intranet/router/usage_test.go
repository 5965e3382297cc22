package router_test

import (
	"context"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature/phonebook"
	"github.com/werkplek/werkplek/intranet/feature/rooms"
)

// counter records what the router counts.
type counter struct {
	mu   sync.Mutex
	seen []string
}

func (c *counter) Count(feature string, p intranet.Platform) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.seen = append(c.seen, feature+"@"+string(p))
}

func (c *counter) take() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := append([]string(nil), c.seen...)
	c.seen = nil
	sort.Strings(out)
	return strings.Join(out, " ")
}

// TestCountsUse: each command counts once for its top-level English word
// and the platform, typed with an alias, pressed as a button or submitted
// as a form; a stored decision counts as the command it runs; what is no
// command counts for nothing.
func TestCountsUse(t *testing.T) {
	coretest.Engines(t, func(t *testing.T, e *coretest.Env) {
		ctx := context.Background()
		count := &counter{}
		e.Counter = count
		rm, err := rooms.New(rooms.Config{Env: e.Feature(), Rooms: e.Store, Shifts: e.Store})
		if err != nil {
			t.Fatal(err)
		}
		e.Core(phonebook.New(phonebook.Config{People: e.Store}), rm)
		jan := coretest.Jan
		for _, tc := range []struct {
			name string
			do   func()
			want string
		}{
			{"Typed", func() { e.Say(jan, "console", "/phonebook jansen") }, "phonebook@console"},
			{"Alias", func() { e.Say(jan, "console", "/telefoon jansen") }, "phonebook@console"},
			{"Help", func() { e.Say(jan, "console", "/werkplek hulp") }, "werkplek@console"},
			{"Button", func() { e.Press(jan, "/room mine") }, "room@console"},
			{"Form", func() {
				r := coretest.Request(jan, "console", "")
				r.Form = &intranet.FormSubmission{FormID: "room.book", Values: map[string]string{}}
				e.Do(r)
			}, "room@console"},
			{"Decision", func() {
				p, err := e.Store.FindPersonByEmail(ctx, jan)
				if err != nil {
					t.Fatal(err)
				}
				id, err := e.Store.SaveDecision(ctx, p.ID, "/phonebook jansen", coretest.Start.Add(time.Hour))
				if err != nil {
					t.Fatal(err)
				}
				e.Press(jan, "/werkplek confirm "+strconv.FormatInt(id, 10))
			}, "phonebook@console"},
			{"Slack", func() {
				r := coretest.Request(jan, "console", "/werkplek help")
				r.Platform = intranet.PlatformSlack
				e.Do(r)
			}, "werkplek@slack"},
			{"UnknownCommand", func() { e.Say(jan, "console", "/fonebook jansen") }, ""},
			{"Mistake", func() { e.Say(jan, "console", "/phonebook show x y") }, ""},
		} {
			t.Run(tc.name, func(t *testing.T) {
				tc.do()
				if got := count.take(); got != tc.want {
					t.Errorf("counted %q, want %q", got, tc.want)
				}
			})
		}
	})
}
