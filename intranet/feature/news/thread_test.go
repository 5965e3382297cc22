package news_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/intranet"
)

// roots returns the message refs of what was posted in a console channel,
// in order: the roots of their threads.
func (e *env) roots(channel string) []intranet.MessageRef {
	var out []intranet.MessageRef
	for i, d := range e.Posters.Sent(intranet.PlatformConsole) {
		if d.To.ChannelID == channel && !d.To.IsDirect() {
			out = append(out, intranet.MessageRef{Platform: intranet.PlatformConsole, Installation: "local", ChannelID: channel, ID: fmt.Sprint(i + 1)})
		}
	}
	return out
}

// root returns the ref of the message in a console channel that holds
// want.
func (e *env) root(channel, want string) intranet.MessageRef {
	e.T.Helper()
	for i, d := range e.Posters.Sent(intranet.PlatformConsole) {
		if d.To.ChannelID == channel && !d.To.IsDirect() && strings.Contains(coretest.All(d.Reply), want) {
			return intranet.MessageRef{Platform: intranet.PlatformConsole, Installation: "local", ChannelID: channel, ID: fmt.Sprint(i + 1)}
		}
	}
	e.T.Fatalf("no message with %q in %s", want, channel)
	return intranet.MessageRef{}
}

// reply writes text in the thread under root, as email.
func (e *env) reply(email string, root intranet.MessageRef, text string) intranet.Reply {
	e.T.Helper()
	r := coretest.Request(email, root.ChannelID, text)
	r.Thread = &root
	return e.Do(r)
}

// TestThreadUnderDigest: the channel messages news goes out in are
// remembered with their items (an item alone; a digest with the ten it
// lists, in order); a reply under a digest gets a hint, to its writer
// alone and in their language, naming the digest's items; a guest's reply
// is refused to them alone; an empty reply and a thread under any other
// message get no answer.
func TestThreadUnderDigest(t *testing.T) {
	newsEnv(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		w := coretest.Wants
		w(t, "immediate", e.say(pieter, "nieuws", "/news subscribe immediate"), "Abonnement 1")
		w(t, "digest", e.say(pieter, "nieuws", "/news subscribe daily 08:30"), "Abonnement 2")
		w(t, "personal", e.say(jan, "", "/news subscribe immediate"), "Abonnement 3")
		e.Now = e.Now.Add(time.Minute)
		for i := 1; i <= 12; i++ {
			e.Now = e.Now.Add(time.Minute)
			w(t, "post", e.say(carla, "", fmt.Sprintf("/news post Bericht %d | Tekst %d", i, i)), fmt.Sprintf("Geplaatst als bericht %d", i))
		}
		e.RunDue()
		e.Now = time.Date(2026, 11, 28, 8, 30, 0, 0, coretest.Amsterdam)
		e.RunDue()
		roots := e.roots("nieuws")
		if len(roots) != 13 {
			t.Fatalf("%d posts in the channel, want 12 items and a digest", len(roots))
		}
		for i, root := range roots[:12] {
			p, err := e.Store.FindNewsPost(ctx, root)
			if err != nil {
				t.Fatalf("item %d: %v", i+1, err)
			}
			if diff := cmp.Diff([]int64{int64(i + 1)}, p.Items); diff != "" {
				t.Errorf("item %d's post (-want +got):\n%s", i+1, diff)
			}
		}
		digest := roots[12]
		p, err := e.Store.FindNewsPost(ctx, digest)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]int64{12, 11, 10, 9, 8, 7, 6, 5, 4, 3}, p.Items); diff != "" {
			t.Errorf("the digest's items (-want +got):\n%s", diff)
		}
		// Jan's DMs have no threads: they are not remembered.
		dms := 0
		for i, d := range e.Posters.Sent(intranet.PlatformConsole) {
			if d.To.IsDirect() && d.To.UserID == jan {
				dms++
				if _, err := e.Store.FindNewsPost(ctx, intranet.MessageRef{Platform: intranet.PlatformConsole, ID: fmt.Sprint(i + 1)}); intranet.ErrorCode(err) != intranet.ENOTFOUND {
					t.Errorf("Jan's DM %d is a news post: %v", i+1, err)
				}
			}
		}
		if dms != 12 {
			t.Errorf("Jan got %d DMs, want 12", dms)
		}

		hint := e.reply(kees, digest, "Leuk, dank!")
		if hint.Visibility != intranet.Ephemeral {
			t.Errorf("the hint is for all to see: %+v", hint)
		}
		w(t, "hint", coretest.All(hint), "Dit overzicht heeft meerdere berichten, dus je reactie is niet opgeslagen",
			"`/news comment <nummer> <tekst>`", "`/news comment 12 …`", "Berichten in dit overzicht: 12, 11, 10, 9, 8, 7, 6, 5, 4, 3.")
		e.say(kees, "", "/werkplek language en")
		w(t, "hint en", coretest.All(e.reply(kees, digest, "Nice, thanks!")), "This digest has several items, so your reply was not saved",
			"`/news comment <number> <text>`", "Items in this digest: 12, 11,")

		guest := e.reply(coretest.Gijs, roots[0], "Mooi!")
		if guest.Visibility != intranet.Ephemeral {
			t.Errorf("the guest's refusal is for all to see: %+v", guest)
		}
		w(t, "guest", coretest.All(guest), "Je reactie is niet opgeslagen: als gast kun je niet op nieuws reageren.")
		w(t, "guest under digest", coretest.All(e.reply(coretest.Gijs, digest, "Mooi!")), "als gast")
		stranger := coretest.Request("nobody@example.nl", "nieuws", "Mooi!")
		stranger.Thread = &roots[0]
		w(t, "stranger", coretest.All(e.Do(stranger)), "Je reactie is niet opgeslagen: je account is nog niet gekoppeld")

		for name, r := range map[string]intranet.Reply{
			"Empty":         e.reply(kees, digest, "  "),
			"OtherMessage":  e.reply(kees, intranet.MessageRef{Platform: intranet.PlatformConsole, ChannelID: "nieuws", ID: "999"}, "Leuk"),
			"OtherChannel":  e.reply(kees, intranet.MessageRef{Platform: intranet.PlatformConsole, ChannelID: "elders", ID: digest.ID}, "Leuk"),
			"OtherPlatform": e.reply(kees, intranet.MessageRef{Platform: intranet.PlatformSlack, ChannelID: "nieuws", ID: digest.ID}, "Leuk"),
		} {
			if !r.Empty() {
				t.Errorf("%s: answered %q", name, coretest.All(r))
			}
		}
	})
}

// TestThreadUnderItem: a reply in the thread of one posted item is a
// comment by its writer, with the rules of /news comment, and the thanks
// or the refusal go to the writer alone: a department's item takes
// comments from its department (and those who manage news) only, closed
// comments take none, in Dutch and English. A digest of one item is that
// item.
func TestThreadUnderItem(t *testing.T) {
	newsEnv(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		w := coretest.Wants
		e.linkChannel("Zorg West", "west")
		w(t, "subscribe", e.say(kees, "west", "/news subscribe immediate"), "Abonnement 1")
		w(t, "digest", e.say(kees, "los", "/news subscribe daily 08:30"), "Abonnement 2")
		e.Now = e.Now.Add(time.Minute)
		w(t, "post west", e.say(carla, "", `/news post Rooster West | Alleen voor Zorg West. dept:"Zorg West"`), "Geplaatst als bericht 1")
		w(t, "post all", e.say(carla, "", "/news post Kerstborrel | Voor iedereen."), "Geplaatst als bericht 2")
		e.RunDue()
		if n := len(e.roots("west")); n != 2 {
			t.Fatalf("%d posts in the channel, want 2", n)
		}
		west, all := e.root("west", "Rooster West"), e.root("west", "Kerstborrel")
		comments := func(id int64) []string {
			t.Helper()
			list, err := e.Store.Comments(ctx, intranet.CommentFilter{ItemID: id})
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, cm := range list {
				out = append(out, cm.Author+": "+cm.Body)
			}
			return out
		}
		private := func(what string, r intranet.Reply, want ...string) {
			t.Helper()
			if r.Visibility != intranet.Ephemeral {
				t.Errorf("%s: for all to see: %+v", what, r)
			}
			w(t, what, coretest.All(r), want...)
		}

		private("kees", e.reply(kees, west, "Ik ruil graag met iemand."), "Dank je! Je reactie (1) staat bij \"Rooster West\".")
		private("outsider", e.reply(pieter, west, "Wij ook!"),
			"Je reactie is niet opgeslagen: bericht 1 is voor Zorg West, en alleen wie daar werkt of nieuws beheert kan erop reageren.")
		private("content manager", e.reply(carla, west, "Vragen? Bel mij."), "Dank je!")
		e.say(pieter, "", "/werkplek language en")
		private("pieter en", e.reply(pieter, all, "Count me in!"), "Thank you! Your comment (3) is on \"Kerstborrel\".")
		// A digest of one item (the channel linked to no team gets only the
		// item for everyone): a reply under it is a comment on that item.
		e.Now = time.Date(2026, 11, 28, 8, 30, 0, 0, coretest.Amsterdam)
		e.RunDue()
		digests := e.roots("los")
		if len(digests) != 1 {
			t.Fatalf("%d digests in los, want 1", len(digests))
		}
		private("digest of one", e.reply(jan, digests[0], "Gezellig"), "Dank je! Je reactie (4) staat bij \"Kerstborrel\".")
		if diff := cmp.Diff([]string{"Carla Content: Vragen? Bel mij.", "Kees Janssen: Ik ruil graag met iemand."}, comments(1)); diff != "" {
			t.Errorf("item 1's comments (-want +got):\n%s", diff)
		}
		w(t, "close", e.say(carla, "", "/news edit 2 comments:off"), "")
		private("closed", e.reply(kees, all, "Ik ook"), "Reageren op bericht 2 is gesloten.")
		if diff := cmp.Diff([]string{"Jan de Vries: Gezellig", "Pieter Jansen: Count me in!"}, comments(2)); diff != "" {
			t.Errorf("item 2's comments (-want +got):\n%s", diff)
		}
		// Nothing was posted in the channel for all this.
		if n := len(e.roots("west")); n != 2 {
			t.Errorf("%d posts in the channel, want 2", n)
		}
	})
}
