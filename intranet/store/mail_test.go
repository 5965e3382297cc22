package store_test

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/store"
)

// TestMail: a channel's posts reach every viewer once, a DM only its
// person; a replaced message is shown again to each viewer once.
func TestMail(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		to := func(user, channel string) intranet.Destination {
			return intranet.Destination{Platform: intranet.PlatformConsole, Installation: "local", UserID: user, ChannelID: channel}
		}
		dm, err := s.PutMail(ctx, intranet.Delivery{To: to("jan@example.nl", ""), Reply: intranet.Reply{Text: "Hallo Jan"}})
		if err != nil {
			t.Fatal(err)
		}
		post, err := s.PutMail(ctx, intranet.Delivery{To: to("", "zorg"), Reply: intranet.Reply{Title: "Nieuws"}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.PutMail(ctx, intranet.Delivery{To: to("piet@example.nl", ""), Reply: intranet.Reply{Text: "Hallo Piet"}}); err != nil {
			t.Fatal(err)
		}
		take := func(viewer, channel string) string {
			t.Helper()
			got, err := s.TakeMail(ctx, intranet.PlatformConsole, viewer, channel)
			if err != nil {
				t.Fatalf("take %s %s: %v", viewer, channel, err)
			}
			out := ""
			for _, m := range got {
				out += fmt.Sprintf("[%s%s%s %t]", m.To.UserID, m.Reply.Text, m.Reply.Title, m.Updated)
			}
			return out
		}
		for _, step := range []struct{ viewer, channel, want string }{
			{"jan@example.nl", "zorg", "[jan@example.nlHallo Jan false][Nieuws false]"},
			{"jan@example.nl", "zorg", ""},
			{"eva@example.nl", "zorg", "[Nieuws false]"}, // the post again, not Jan's DM
			{"eva@example.nl", "zorg", ""},
			{"piet@example.nl", "elders", "[piet@example.nlHallo Piet false]"},
			{"piet@example.nl", "", ""},
		} {
			if got := take(step.viewer, step.channel); got != step.want {
				t.Errorf("%s in %s: %s, want %s", step.viewer, step.channel, got, step.want)
			}
		}
		if err := s.ReplaceMail(ctx, post, intranet.Reply{Title: "Nieuws (bijgewerkt)"}); err != nil {
			t.Fatal(err)
		}
		if err := s.ReplaceMail(ctx, dm, intranet.Reply{Text: "Bijgewerkt"}); err != nil {
			t.Fatal(err)
		}
		for _, step := range []struct{ viewer, channel, want string }{
			{"eva@example.nl", "zorg", "[Nieuws (bijgewerkt) true]"},
			{"eva@example.nl", "zorg", ""},
			{"jan@example.nl", "elders", "[jan@example.nlBijgewerkt true]"},
			{"jan@example.nl", "zorg", "[Nieuws (bijgewerkt) true]"},
			{"jan@example.nl", "zorg", ""},
			{"nieuw@example.nl", "zorg", "[Nieuws (bijgewerkt) true]"},
		} {
			if got := take(step.viewer, step.channel); got != step.want {
				t.Errorf("after the replacements, %s in %s: %s, want %s", step.viewer, step.channel, got, step.want)
			}
		}
		if err := s.ReplaceMail(ctx, intranet.MessageRef{ID: "424242"}, intranet.Reply{}); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("replace unknown: %v", err)
		}
		if err := s.ReplaceMail(ctx, intranet.MessageRef{ID: "niet-een-getal"}, intranet.Reply{}); intranet.ErrorCode(err) != intranet.ENOTFOUND {
			t.Errorf("replace a bad reference: %v", err)
		}
		if _, err := s.TakeMail(ctx, intranet.PlatformConsole, "", "zorg"); intranet.ErrorCode(err) != intranet.EINVALID {
			t.Errorf("take without a viewer: %v", err)
		}
	})
}

// TestMailRace: consoles taking at once. Eight of one viewer show a post
// once between them; eight viewers each show it.
func TestMailRace(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		if _, err := s.PutMail(ctx, intranet.Delivery{To: intranet.Destination{Platform: intranet.PlatformConsole, Installation: "local", ChannelID: "zorg"}, Reply: intranet.Reply{Title: "Dienst"}}); err != nil {
			t.Fatal(err)
		}
		race := func(viewer func(i int) string) int32 {
			var shown atomic.Int32
			var wg sync.WaitGroup
			for i := range 8 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					got, err := s.TakeMail(ctx, intranet.PlatformConsole, viewer(i), "zorg")
					if err != nil {
						t.Error(err)
					}
					shown.Add(int32(len(got)))
				}()
			}
			wg.Wait()
			return shown.Load()
		}
		if n := race(func(int) string { return "jan@example.nl" }); n != 1 {
			t.Errorf("one viewer's consoles showed the post %d times", n)
		}
		if n := race(func(i int) string { return fmt.Sprintf("p%d@example.nl", i) }); n != 8 {
			t.Errorf("8 viewers showed the post %d times", n)
		}
	})
}
